//! The SCIM `decimal` data type (RFC 7643 §2.3.3): a JSON number kept exactly as written
//! and compared by its numeric value.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Unexpected, Visitor};
use serde::ser::{self, Serialize, Serializer};
use serde_json::value::RawValue;

use super::scan::{char_at, Found};

/// The largest magnitude of the exponent part a [`Decimal`] accepts, as written: both
/// `1e999999999999999999` and `1e-999999999999999999` are accepted.
const MAX_EXPONENT: i64 = 999_999_999_999_999_999;

/// A SCIM `decimal` value (RFC 7643 §2.3.3): a JSON number (RFC 8259 §6) kept exactly as
/// written, compared by its numeric value.
///
/// * **Lossless.** The text is kept byte for byte: `1.10` stays `1.10`,
///   `12345678901234567890.123456789` keeps every digit, `1E+2` keeps its spelling.
///   [`Display`](fmt::Display) and serialisation write that text back.
/// * **Numeric comparison.** Equality, ordering and hashing look at the value, not the
///   spelling: `1.10 == 1.1`, `1e2 == 100`, `-0 == 0`, `-2 < -1.5 < 1e-3 < 1`. The
///   comparison is exact at any length and any exponent; it never rounds through `f64`.
/// * **Limits.** The text is at most [`Decimal::MAX_LEN`] bytes, and the exponent's
///   magnitude at most 999999999999999999 (10¹⁸ − 1); `1e999999999` is fine. Longer texts and
///   larger exponents are rejected with an error.
///
/// # Examples
///
/// ```
/// use scim::value::Decimal;
///
/// let price: Decimal = "1.10".parse()?;
/// assert_eq!(price.to_string(), "1.10");
/// assert_eq!(price, "1.1".parse::<Decimal>()?);
/// assert!(price < "1.2".parse::<Decimal>()?);
/// assert_eq!("1e2".parse::<Decimal>()?.to_i64(), Some(100));
///
/// // JSON numbers in and out, digits intact.
/// let big: Decimal = serde_json::from_str("12345678901234567890.123456789")?;
/// assert_eq!(serde_json::to_string(&big)?, "12345678901234567890.123456789");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Decimal {
    /// The text exactly as written.
    text: Box<str>,
    /// The numeric value in normalised form: `sign × 0.d₁d₂…dₙ × 10^exponent`, where the
    /// significant digits `d₁…dₙ` are the bytes of `text[digits]` except a `.`, with
    /// `d₁ ≠ 0` and `dₙ ≠ 0`. For zero, `digits` is empty and `exponent` is 0.
    sign: Sign,
    digits: Range<usize>,
    exponent: i64,
}

/// The sign of a decimal, ordered from negative to positive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Sign {
    Negative,
    Zero,
    Positive,
}

impl Decimal {
    /// The longest text, in bytes, that [`FromStr`] and deserialisation accept: 4096.
    ///
    /// That is room for far more precision than `decimal` attributes carry in practice, and
    /// small enough that parsing, comparing and hashing stay cheap.
    pub const MAX_LEN: usize = 4096;

    /// The text exactly as it was written (or, for the `From` conversions, as they
    /// produced it).
    ///
    /// ```
    /// # use scim::value::Decimal;
    /// let d: Decimal = "-0.50E+3".parse()?;
    /// assert_eq!(d.as_str(), "-0.50E+3");
    /// # Ok::<(), scim::value::DecimalError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The nearest `f64` (correctly rounded). Values beyond the `f64` range become
    /// infinite, values too small for it become zero (with the sign kept): `1e999999999`
    /// gives `f64::INFINITY`.
    ///
    /// ```
    /// # use scim::value::Decimal;
    /// assert_eq!("0.1".parse::<Decimal>()?.to_f64(), 0.1);
    /// assert_eq!("1e999999999".parse::<Decimal>()?.to_f64(), f64::INFINITY);
    /// # Ok::<(), scim::value::DecimalError>(())
    /// ```
    pub fn to_f64(&self) -> f64 {
        // The JSON number grammar is a subset of the grammar `f64::from_str` accepts, so the
        // parse cannot fail; NaN is a defensive answer that no decimal produces.
        self.text.parse::<f64>().unwrap_or(f64::NAN)
    }

    /// The value as an `i64` if it is a whole number in the `i64` range, however it is
    /// written (`100`, `100.00`, `1e2`, `1000e-1` all give `Some(100)`); `None` for values
    /// with a fractional part and for values outside the range.
    ///
    /// ```
    /// # use scim::value::Decimal;
    /// assert_eq!("1.0e2".parse::<Decimal>()?.to_i64(), Some(100));
    /// assert_eq!("1.5".parse::<Decimal>()?.to_i64(), None);
    /// assert_eq!("9223372036854775808".parse::<Decimal>()?.to_i64(), None);
    /// # Ok::<(), scim::value::DecimalError>(())
    /// ```
    pub fn to_i64(&self) -> Option<i64> {
        if self.sign == Sign::Zero {
            return Some(0);
        }
        let count = self.significant_digits().count();
        // A whole number has at least as many integer digits as significant digits; an
        // `i64` has at most 19 integer digits.
        let integer_digits = usize::try_from(self.exponent).ok()?;
        if integer_digits < count || integer_digits > 19 {
            return None;
        }
        let mut value: i64 = 0;
        for digit in self.significant_digits() {
            let digit = i64::from(digit - b'0');
            value = value.checked_mul(10)?;
            // Accumulating negative values towards zero reaches `i64::MIN` exactly.
            value = match self.sign {
                Sign::Negative => value.checked_sub(digit)?,
                _ => value.checked_add(digit)?,
            };
        }
        for _ in count..integer_digits {
            value = value.checked_mul(10)?;
        }
        Some(value)
    }

    /// Parses JSON number text (RFC 8259 §6).
    fn parse(text: &str) -> Result<Self, DecimalError> {
        let bytes = text.as_bytes();
        if bytes.is_empty() {
            return Err(DecimalError::new(DecimalErrorKind::Empty, 0));
        }
        if bytes.len() > Self::MAX_LEN {
            return Err(DecimalError::new(
                DecimalErrorKind::TooLong { max: Self::MAX_LEN },
                Self::MAX_LEN,
            ));
        }
        let digits_from = |start: usize| {
            start
                + bytes
                    .get(start..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count()
        };
        let expected_digit = |at: usize| {
            DecimalError::new(
                DecimalErrorKind::ExpectedDigit {
                    found: char_at(text, at),
                },
                at,
            )
        };

        let negative = bytes.first() == Some(&b'-');
        let int_start = usize::from(negative);
        let int_end = match bytes.get(int_start) {
            Some(b'0') => {
                let end = int_start + 1;
                if bytes.get(end).is_some_and(u8::is_ascii_digit) {
                    return Err(DecimalError::new(DecimalErrorKind::LeadingZero, int_start));
                }
                end
            }
            Some(b'1'..=b'9') => digits_from(int_start),
            _ => return Err(expected_digit(int_start)),
        };

        let mut pos = int_end;
        let frac = if bytes.get(pos) == Some(&b'.') {
            let start = pos + 1;
            let end = digits_from(start);
            if end == start {
                return Err(expected_digit(start));
            }
            pos = end;
            start..end
        } else {
            pos..pos
        };

        let mut exponent: i64 = 0;
        if matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            let exponent_negative = match bytes.get(pos) {
                Some(b'-') => {
                    pos += 1;
                    true
                }
                Some(b'+') => {
                    pos += 1;
                    false
                }
                _ => false,
            };
            let start = pos;
            let end = digits_from(start);
            if end == start {
                return Err(expected_digit(start));
            }
            for &digit in bytes.get(start..end).unwrap_or_default() {
                exponent = exponent
                    .checked_mul(10)
                    .and_then(|e| e.checked_add(i64::from(digit - b'0')))
                    .filter(|e| *e <= MAX_EXPONENT)
                    .ok_or_else(|| {
                        DecimalError::new(DecimalErrorKind::ExponentOutOfRange, start)
                    })?;
            }
            if exponent_negative {
                exponent = -exponent;
            }
            pos = end;
        }

        if let Some(found) = char_at(text, pos) {
            return Err(DecimalError::new(
                DecimalErrorKind::UnexpectedCharacter { found },
                pos,
            ));
        }
        Ok(Self::from_parts(
            text.into(),
            negative,
            int_start..int_end,
            frac,
            exponent,
        ))
    }

    /// Builds a decimal from syntactically valid text split into its parts: the digits of
    /// the integer part, the digits of the fraction (empty if none) and the exponent, whose
    /// magnitude is at most [`MAX_EXPONENT`].
    fn from_parts(
        text: Box<str>,
        negative: bool,
        int: Range<usize>,
        frac: Range<usize>,
        exponent: i64,
    ) -> Self {
        let bytes = text.as_bytes();
        let mantissa = int.start..if frac.is_empty() { int.end } else { frac.end };
        let non_zero = |i: &usize| matches!(bytes.get(*i), Some(b'1'..=b'9'));
        let first = mantissa.clone().find(non_zero);
        let last = mantissa.rev().find(non_zero);
        let (first, last) = match (first, last) {
            (Some(first), Some(last)) => (first, last),
            _ => {
                return Decimal {
                    text,
                    sign: Sign::Zero,
                    digits: 0..0,
                    exponent: 0,
                }
            }
        };
        // The position of the decimal point relative to the first significant digit. The
        // offsets are bounded by `MAX_LEN` and the exponent by `MAX_EXPONENT`, so this
        // cannot overflow.
        let shift = if first < int.end {
            (int.end - first) as i64
        } else {
            -((first - frac.start) as i64)
        };
        Decimal {
            text,
            sign: if negative {
                Sign::Negative
            } else {
                Sign::Positive
            },
            digits: first..last + 1,
            exponent: exponent + shift,
        }
    }

    /// Builds a decimal from the decimal text of an integer (`-?[0-9]+`, no leading zeros).
    fn from_integer_text(text: String) -> Self {
        let negative = text.starts_with('-');
        let int = usize::from(negative)..text.len();
        Self::from_parts(text.into_boxed_str(), negative, int, 0..0, 0)
    }

    /// The significant digits as ASCII bytes, from the first to the last non-zero digit.
    fn significant_digits(&self) -> impl Iterator<Item = u8> + '_ {
        self.text
            .as_bytes()
            .get(self.digits.clone())
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|b| *b != b'.')
    }

    /// Deserialises a decimal from the raw JSON text of one value.
    fn from_raw_json<E: de::Error>(raw: &str) -> Result<Self, E> {
        let unexpected = match raw.as_bytes().first() {
            Some(b'"') => match serde_json::from_str::<String>(raw) {
                Ok(s) => return Err(E::invalid_type(Unexpected::Str(&s), &EXPECTING)),
                Err(_) => Unexpected::Other("a string"),
            },
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'n') => Unexpected::Other("null"),
            Some(b'{') => Unexpected::Map,
            Some(b'[') => Unexpected::Seq,
            _ => return raw.parse().map_err(E::custom),
        };
        Err(E::invalid_type(unexpected, &EXPECTING))
    }
}

/// What deserialisation expects, for error messages.
const EXPECTING: &str = "a decimal number";

impl FromStr for Decimal {
    type Err = DecimalError;

    /// Parses a JSON number (RFC 8259 §6): `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`,
    /// nothing before or after it.
    ///
    /// ```
    /// # use scim::value::Decimal;
    /// assert!("-12.5e-3".parse::<Decimal>().is_ok());
    /// let error = "1.".parse::<Decimal>().unwrap_err();
    /// assert_eq!(error.offset(), 2);
    /// assert_eq!(error.to_string(), "invalid decimal at byte offset 2: expected a digit, found the end of the text");
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl From<i64> for Decimal {
    /// The integer in decimal digits, e.g. `-42`.
    fn from(value: i64) -> Self {
        Self::from_integer_text(value.to_string())
    }
}

impl From<u64> for Decimal {
    /// The integer in decimal digits, e.g. `18446744073709551615`.
    fn from(value: u64) -> Self {
        Self::from_integer_text(value.to_string())
    }
}

impl TryFrom<f64> for Decimal {
    type Error = DecimalError;

    /// The shortest decimal that reads back as the same `f64`, always with a digit on
    /// both sides of the point (RFC 7643 §2.3.3): `0.1`, `100.0`, `-0.0`; in exponent form
    /// below 10⁻⁷ and from 10²¹ on (`1.0e21`, `1.5e-8`). NaN and the infinities are
    /// not JSON numbers and give [`DecimalErrorKind::NotFinite`].
    ///
    /// ```
    /// # use scim::value::Decimal;
    /// assert_eq!(Decimal::try_from(0.1)?.as_str(), "0.1");
    /// assert_eq!(Decimal::try_from(100.0)?.as_str(), "100.0");
    /// assert_eq!(Decimal::try_from(1e300)?.as_str(), "1.0e300");
    /// assert!(Decimal::try_from(f64::NAN).is_err());
    /// # Ok::<(), scim::value::DecimalError>(())
    /// ```
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if !value.is_finite() {
            return Err(DecimalError::new(DecimalErrorKind::NotFinite, 0));
        }
        Self::parse(&f64_text(value))
    }
}

/// The text `TryFrom<f64>` produces for a finite `f64`.
fn f64_text(value: f64) -> String {
    // `{:e}` writes the shortest digits that round-trip, as `d.ddde±x` or `de±x`.
    let scientific = format!("{:e}", value.abs());
    let (mantissa, exponent) = scientific
        .split_once('e')
        .unwrap_or((scientific.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if value.is_sign_negative() { "-" } else { "" };
    if (-7..21).contains(&exponent) {
        if exponent >= 0 {
            let int_len = exponent.unsigned_abs() as usize + 1;
            if digits.len() <= int_len {
                let zeros = "0".repeat(int_len - digits.len());
                format!("{sign}{digits}{zeros}.0")
            } else {
                let (int, frac) = digits.split_at(int_len);
                format!("{sign}{int}.{frac}")
            }
        } else {
            let zeros = "0".repeat(exponent.unsigned_abs() as usize - 1);
            format!("{sign}0.{zeros}{digits}")
        }
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{sign}{first}.{rest}e{exponent}")
    }
}

impl fmt::Display for Decimal {
    /// Writes the text exactly as it was written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({})", self.text)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    /// Numeric order, exact at any length and exponent.
    fn cmp(&self, other: &Self) -> Ordering {
        let by_sign = self.sign.cmp(&other.sign);
        if by_sign != Ordering::Equal || self.sign == Sign::Zero {
            return by_sign;
        }
        // Same sign, both non-zero: compare magnitudes `0.d₁d₂… × 10^exponent`. With no
        // leading zeros, a larger exponent means a larger magnitude; with the same exponent,
        // the digits decide, and without trailing zeros a digit string that is a prefix of
        // another is the smaller one.
        let magnitude = self
            .exponent
            .cmp(&other.exponent)
            .then_with(|| self.significant_digits().cmp(other.significant_digits()));
        match self.sign {
            Sign::Negative => magnitude.reverse(),
            _ => magnitude,
        }
    }
}

impl Hash for Decimal {
    /// Hashes the normalised value, so that equal decimals hash alike however written.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.sign.hash(state);
        if self.sign == Sign::Zero {
            return;
        }
        state.write_i64(self.exponent);
        // Equal values have equal significant digits but may split them differently around
        // the point, so they are fed in fixed-size chunks of the digit sequence itself.
        let mut chunk = [0u8; 32];
        let mut filled = 0;
        let mut count = 0usize;
        for digit in self.significant_digits() {
            if let Some(slot) = chunk.get_mut(filled) {
                *slot = digit;
                filled += 1;
            }
            count += 1;
            if filled == chunk.len() {
                state.write(&chunk);
                filled = 0;
            }
        }
        state.write(chunk.get(..filled).unwrap_or_default());
        state.write_usize(count);
    }
}

impl Serialize for Decimal {
    /// Writes the text as a JSON number, exactly as written (through
    /// [`serde_json::value::RawValue`]). Serializers other than `serde_json`'s see the
    /// struct by which `RawValue` passes its text to `serde_json`; for other formats,
    /// convert with [`Decimal::to_f64`] or [`Decimal::as_str`] first.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw: &RawValue = serde_json::from_str(&self.text).map_err(ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    /// Reads a JSON number, keeping its text exactly (through
    /// [`serde_json::value::RawValue`]). Strings, booleans, `null`, objects and arrays are
    /// errors that say "expected a decimal number".
    ///
    /// From `serde_json` (`from_str`, `from_slice`, `from_reader`, `from_value`) the text is
    /// kept as written, except that a [`serde_json::Value`] keeps numbers as `f64` or
    /// integers, so `from_value` sees the number as that `Value` writes it. Where serde
    /// buffers the input first (`#[serde(flatten)]`, untagged and internally tagged enums)
    /// or from other formats, the number arrives as an integer or an `f64` and the decimal
    /// is built from that (`From<u64>`, `From<i64>`, `TryFrom<f64>`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match raw_value_token() {
            Some(token) => {
                deserializer.deserialize_newtype_struct(token, DecimalVisitor { raw: true })
            }
            None => {
                let raw = Box::<RawValue>::deserialize(deserializer)?;
                Decimal::from_raw_json(raw.get())
            }
        }
    }
}

/// The newtype-struct name through which `Box<RawValue>` asks `serde_json` for raw text.
///
/// `serde_json` recognises the request by that name, which it does not export, and
/// answers with a one-entry map that `Box<RawValue>` reads. Other deserializers (serde's
/// buffered content for `flatten` and untagged enums, other formats) answer a
/// newtype-struct request with the plain value, which `Box<RawValue>` rejects. Learning the
/// name once, by letting `Box<RawValue>` ask a probe, lets [`DecimalVisitor`] accept both
/// answers: the map goes back to `Box<RawValue>`, a plain number is taken as it is.
fn raw_value_token() -> Option<&'static str> {
    static TOKEN: OnceLock<Option<&'static str>> = OnceLock::new();
    *TOKEN.get_or_init(|| match Box::<RawValue>::deserialize(NameProbe) {
        Err(ProbeError(name)) => name,
        Ok(_) => None,
    })
}

/// A deserializer that only records the name of a newtype-struct request.
struct NameProbe;

/// The outcome of a [`NameProbe`]: the newtype-struct name, if one was asked for.
#[derive(Debug)]
struct ProbeError(Option<&'static str>);

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("name probe")
    }
}

impl std::error::Error for ProbeError {}

impl de::Error for ProbeError {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        ProbeError(None)
    }
}

impl<'de> Deserializer<'de> for NameProbe {
    type Error = ProbeError;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, ProbeError> {
        Err(ProbeError(None))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _visitor: V,
    ) -> Result<V::Value, ProbeError> {
        Err(ProbeError(Some(name)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// Reads a decimal from `serde_json`'s raw-value answer (a map) or from a plain number.
struct DecimalVisitor {
    /// Whether a map is `serde_json`'s raw-value answer (at the top level of the request)
    /// rather than a JSON object (inside a newtype answer).
    raw: bool,
}

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Decimal, A::Error> {
        if !self.raw {
            return Err(de::Error::invalid_type(Unexpected::Map, &self));
        }
        let raw = Box::<RawValue>::deserialize(MapAccessDeserializer::new(map))?;
        Decimal::from_raw_json(raw.get())
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<Decimal, D::Error> {
        inner.deserialize_any(DecimalVisitor { raw: false })
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Decimal, E> {
        Ok(Decimal::from_integer_text(value.to_string()))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Decimal, E> {
        Ok(Decimal::from_integer_text(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        Decimal::try_from(value).map_err(|_| E::invalid_value(Unexpected::Float(value), &self))
    }
}

/// Why a text is not a [`Decimal`], and where: [`FromStr`] and deserialisation errors.
///
/// ```
/// use scim::value::{Decimal, DecimalErrorKind};
///
/// let error = "01.5".parse::<Decimal>().unwrap_err();
/// assert_eq!(error.kind(), DecimalErrorKind::LeadingZero);
/// assert_eq!(error.offset(), 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecimalError {
    kind: DecimalErrorKind,
    offset: usize,
}

impl DecimalError {
    fn new(kind: DecimalErrorKind, offset: usize) -> Self {
        DecimalError { kind, offset }
    }

    /// What is wrong.
    pub fn kind(&self) -> DecimalErrorKind {
        self.kind
    }

    /// The byte offset in the text where the problem is (0 for
    /// [`DecimalErrorKind::NotFinite`], which has no text).
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            DecimalErrorKind::NotFinite => write!(f, "invalid decimal: {}", self.kind),
            kind => write!(f, "invalid decimal at byte offset {}: {kind}", self.offset),
        }
    }
}

impl std::error::Error for DecimalError {}

/// The kinds of [`DecimalError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecimalErrorKind {
    /// The text is empty.
    Empty,
    /// The text is longer than `max` ([`Decimal::MAX_LEN`]) bytes.
    TooLong {
        /// The maximum length in bytes.
        max: usize,
    },
    /// A digit was expected: at the start, after `-`, after the point, after the exponent
    /// marker or its sign.
    ExpectedDigit {
        /// What was there instead; `None` at the end of the text.
        found: Option<char>,
    },
    /// The integer part starts with `0` followed by more digits, e.g. `01`.
    LeadingZero,
    /// Something follows a complete number, e.g. the `x` of `1.5x` or the `+` of `1+1`.
    UnexpectedCharacter {
        /// The character found.
        found: char,
    },
    /// The exponent's magnitude is larger than 999999999999999999.
    ExponentOutOfRange,
    /// An `f64` that is NaN or infinite, which JSON numbers cannot express.
    NotFinite,
}

impl fmt::Display for DecimalErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecimalErrorKind::Empty => f.write_str("the text is empty"),
            DecimalErrorKind::TooLong { max } => {
                write!(f, "the text is longer than {max} bytes")
            }
            DecimalErrorKind::ExpectedDigit { found } => {
                write!(f, "expected a digit, found {}", Found(*found))
            }
            DecimalErrorKind::LeadingZero => {
                f.write_str("the integer part must not start with 0 followed by more digits")
            }
            DecimalErrorKind::UnexpectedCharacter { found } => {
                write!(f, "unexpected {found:?} after the number")
            }
            DecimalErrorKind::ExponentOutOfRange => {
                write!(f, "the exponent's magnitude is larger than {MAX_EXPONENT}")
            }
            DecimalErrorKind::NotFinite => f.write_str("NaN and infinities are not JSON numbers"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;

    fn dec(text: &str) -> Decimal {
        match text.parse() {
            Ok(d) => d,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    fn err(text: &str) -> DecimalError {
        match text.parse::<Decimal>() {
            Ok(d) => panic!("{text:?} should not parse, got {d:?}"),
            Err(e) => e,
        }
    }

    fn hash_of(d: &Decimal) -> u64 {
        let mut hasher = DefaultHasher::new();
        d.hash(&mut hasher);
        hasher.finish()
    }

    #[test]
    fn keeps_trailing_zeros_of_the_fraction() {
        assert_eq!(dec("1.10").to_string(), "1.10");
    }

    #[test]
    fn keeps_every_digit_of_a_long_number() {
        let text = "12345678901234567890.123456789";
        assert_eq!(dec(text).as_str(), text);
    }

    #[test]
    fn keeps_the_spelling_of_the_exponent() {
        assert_eq!(dec("-0.50E+03").as_str(), "-0.50E+03");
    }

    #[test]
    fn trailing_zeros_do_not_change_the_value() {
        assert_eq!(dec("1.10"), dec("1.1"));
    }

    #[test]
    fn an_exponent_equals_the_written_out_value() {
        assert_eq!(dec("1e2"), dec("100"));
    }

    #[test]
    fn a_negative_exponent_equals_the_written_out_fraction() {
        assert_eq!(dec("125e-3"), dec("0.125"));
    }

    #[test]
    fn negative_zero_equals_zero() {
        assert_eq!(dec("-0"), dec("0"));
    }

    #[test]
    fn zeros_with_exponents_and_fractions_are_equal() {
        assert_eq!(dec("0.000e99"), dec("-0e-5"));
    }

    #[test]
    fn negative_numbers_sort_below_zero_and_positives() {
        let mut values = [dec("1"), dec("0"), dec("-1"), dec("-0.5")];
        values.sort();
        let texts: Vec<_> = values.iter().map(Decimal::as_str).collect();
        assert_eq!(texts, ["-1", "-0.5", "0", "1"]);
    }

    #[test]
    fn a_larger_magnitude_sorts_lower_among_negatives() {
        assert!(dec("-10") < dec("-9.99"));
    }

    #[test]
    fn a_longer_digit_string_can_be_smaller() {
        assert!(dec("0.99999999999999999999") < dec("1"));
    }

    #[test]
    fn a_digit_prefix_sorts_below_its_extension() {
        assert!(dec("1.5") < dec("1.50001"));
    }

    #[test]
    fn exponents_order_values_of_equal_digits() {
        assert!(dec("1e-999999999") < dec("1e999999999"));
    }

    #[test]
    fn huge_exponent_compares_with_written_out_number() {
        assert!(dec("1e999999999") > dec(&"9".repeat(4000)));
    }

    #[test]
    fn tiny_positive_is_above_zero() {
        assert!(dec("1e-999999999999999999") > dec("0"));
    }

    #[test]
    fn equal_values_hash_alike() {
        assert_eq!(
            hash_of(&dec("1234567890123456789012345678901234567890.5")),
            hash_of(&dec("12345678901234567890123456789012345678905e-1"))
        );
    }

    #[test]
    fn zeros_hash_alike() {
        assert_eq!(hash_of(&dec("-0.0")), hash_of(&dec("0e7")));
    }

    #[test]
    fn to_i64_accepts_a_whole_number_with_a_fraction_of_zeros() {
        assert_eq!(dec("100.00").to_i64(), Some(100));
    }

    #[test]
    fn to_i64_accepts_a_whole_number_with_a_negative_exponent() {
        assert_eq!(dec("1000e-1").to_i64(), Some(100));
    }

    #[test]
    fn to_i64_reaches_i64_min() {
        assert_eq!(dec("-9223372036854775808").to_i64(), Some(i64::MIN));
    }

    #[test]
    fn to_i64_rejects_one_past_i64_max() {
        assert_eq!(dec("9223372036854775808").to_i64(), None);
    }

    #[test]
    fn to_i64_rejects_a_fraction() {
        assert_eq!(dec("2.5").to_i64(), None);
    }

    #[test]
    fn to_i64_rejects_a_huge_exponent() {
        assert_eq!(dec("1e999999999").to_i64(), None);
    }

    #[test]
    fn to_i64_of_zero_is_zero() {
        assert_eq!(dec("-0.0e5").to_i64(), Some(0));
    }

    #[test]
    fn to_f64_of_a_huge_exponent_is_infinite() {
        assert_eq!(dec("-1e999999999").to_f64(), f64::NEG_INFINITY);
    }

    #[test]
    fn to_f64_rounds_correctly() {
        assert_eq!(dec("0.30000000000000004").to_f64(), 0.1 + 0.2);
    }

    #[test]
    fn from_i64_writes_plain_digits() {
        assert_eq!(Decimal::from(i64::MIN).as_str(), "-9223372036854775808");
    }

    #[test]
    fn from_i64_equals_the_parsed_value() {
        assert_eq!(Decimal::from(-1200i64), dec("-1.2e3"));
    }

    #[test]
    fn from_u64_writes_plain_digits() {
        assert_eq!(Decimal::from(u64::MAX).as_str(), "18446744073709551615");
    }

    #[test]
    fn from_zero_is_zero() {
        assert_eq!(Decimal::from(0u64), dec("0.0"));
    }

    #[test]
    fn from_f64_writes_the_shortest_round_trip_digits() {
        assert_eq!(
            Decimal::try_from(0.1 + 0.2).map(|d| d.to_string()),
            Ok("0.30000000000000004".to_owned())
        );
    }

    #[test]
    fn from_f64_keeps_a_point_for_whole_numbers() {
        assert_eq!(
            Decimal::try_from(-25.0).map(|d| d.to_string()),
            Ok("-25.0".to_owned())
        );
    }

    #[test]
    fn from_f64_keeps_negative_zero() {
        assert_eq!(
            Decimal::try_from(-0.0).map(|d| d.to_string()),
            Ok("-0.0".to_owned())
        );
    }

    #[test]
    fn from_f64_writes_small_values_with_an_exponent() {
        assert_eq!(
            Decimal::try_from(1.5e-8).map(|d| d.to_string()),
            Ok("1.5e-8".to_owned())
        );
    }

    #[test]
    fn from_f64_writes_small_values_above_the_threshold_plainly() {
        assert_eq!(
            Decimal::try_from(1.5e-7).map(|d| d.to_string()),
            Ok("0.00000015".to_owned())
        );
    }

    #[test]
    fn from_f64_writes_large_values_with_an_exponent() {
        assert_eq!(
            Decimal::try_from(f64::MAX).map(|d| d.to_string()),
            Ok("1.7976931348623157e308".to_owned())
        );
    }

    #[test]
    fn from_f64_writes_large_values_below_the_threshold_plainly() {
        assert_eq!(
            Decimal::try_from(1.25e20).map(|d| d.to_string()),
            Ok("125000000000000000000.0".to_owned())
        );
    }

    #[test]
    fn from_f64_rejects_nan() {
        assert_eq!(
            Decimal::try_from(f64::NAN).map_err(|e| e.kind()),
            Err(DecimalErrorKind::NotFinite)
        );
    }

    #[test]
    fn from_f64_rejects_infinity() {
        assert_eq!(
            Decimal::try_from(f64::INFINITY).map_err(|e| e.kind()),
            Err(DecimalErrorKind::NotFinite)
        );
    }

    #[test]
    fn rejects_empty_text() {
        assert_eq!(err("").kind(), DecimalErrorKind::Empty);
    }

    #[test]
    fn rejects_a_leading_plus() {
        assert_eq!(
            err("+1").kind(),
            DecimalErrorKind::ExpectedDigit { found: Some('+') }
        );
    }

    #[test]
    fn rejects_a_lone_minus() {
        let e = err("-");
        assert_eq!(
            (e.kind(), e.offset()),
            (DecimalErrorKind::ExpectedDigit { found: None }, 1)
        );
    }

    #[test]
    fn rejects_leading_zeros() {
        let e = err("-007");
        assert_eq!((e.kind(), e.offset()), (DecimalErrorKind::LeadingZero, 1));
    }

    #[test]
    fn rejects_a_point_without_digits_before() {
        assert_eq!(
            err(".5").kind(),
            DecimalErrorKind::ExpectedDigit { found: Some('.') }
        );
    }

    #[test]
    fn rejects_a_point_without_digits_after() {
        assert_eq!(err("1.e5").offset(), 2);
    }

    #[test]
    fn rejects_an_exponent_without_digits() {
        let e = err("1e+");
        assert_eq!(
            (e.kind(), e.offset()),
            (DecimalErrorKind::ExpectedDigit { found: None }, 3)
        );
    }

    #[test]
    fn rejects_trailing_characters() {
        let e = err("1.5x");
        assert_eq!(
            (e.kind(), e.offset()),
            (DecimalErrorKind::UnexpectedCharacter { found: 'x' }, 3)
        );
    }

    #[test]
    fn rejects_surrounding_whitespace() {
        assert_eq!(err(" 1").offset(), 0);
    }

    #[test]
    fn rejects_infinity_spelled_out() {
        assert_eq!(
            err("Infinity").kind(),
            DecimalErrorKind::ExpectedDigit { found: Some('I') }
        );
    }

    #[test]
    fn reports_a_multi_byte_character_whole() {
        assert_eq!(
            err("1é").kind(),
            DecimalErrorKind::UnexpectedCharacter { found: 'é' }
        );
    }

    #[test]
    fn accepts_the_longest_allowed_text() {
        assert!(Decimal::from_str(&"9".repeat(Decimal::MAX_LEN)).is_ok());
    }

    #[test]
    fn rejects_text_longer_than_the_maximum() {
        let e = err(&"9".repeat(Decimal::MAX_LEN + 1));
        assert_eq!(
            e.kind(),
            DecimalErrorKind::TooLong {
                max: Decimal::MAX_LEN
            }
        );
    }

    #[test]
    fn accepts_the_largest_exponent() {
        assert!(Decimal::from_str("1e-999999999999999999").is_ok());
    }

    #[test]
    fn rejects_an_exponent_beyond_the_largest() {
        let e = err("1e1000000000000000000");
        assert_eq!(
            (e.kind(), e.offset()),
            (DecimalErrorKind::ExponentOutOfRange, 2)
        );
    }

    #[test]
    fn rejects_an_exponent_of_nineteen_nines() {
        assert_eq!(
            err("1e9999999999999999999").kind(),
            DecimalErrorKind::ExponentOutOfRange
        );
    }

    #[test]
    fn rejects_an_exponent_far_beyond_the_i64_range() {
        assert_eq!(
            err(&format!("1e-{}", "9".repeat(4000))).kind(),
            DecimalErrorKind::ExponentOutOfRange
        );
    }

    #[test]
    fn leading_zeros_of_the_exponent_do_not_count_against_the_range() {
        assert_eq!(dec("1e0000000000000000000000002"), dec("100"));
    }

    /// A deserializer that answers a newtype-struct request the way serde's buffered content
    /// (behind `#[serde(flatten)]` and untagged enums) does: with the plain value.
    struct Buffered(serde_json::Value);

    impl<'de> Deserializer<'de> for Buffered {
        type Error = serde_json::Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.deserialize_any(visitor)
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            visitor.visit_newtype_struct(self.0)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
        }
    }

    fn buffered(value: serde_json::Value) -> Result<Decimal, String> {
        Decimal::deserialize(Buffered(value)).map_err(|e| e.to_string())
    }

    #[test]
    fn serde_json_raw_value_request_is_recognised() {
        assert!(raw_value_token().is_some());
    }

    #[test]
    fn buffered_float_deserialises_by_value() {
        assert_eq!(
            buffered(serde_json::json!(1.5)).map(|d| d.to_string()),
            Ok("1.5".to_owned())
        );
    }

    #[test]
    fn buffered_integer_deserialises_exactly() {
        assert_eq!(
            buffered(serde_json::json!(i64::MIN)).map(|d| d.to_string()),
            Ok(i64::MIN.to_string())
        );
    }

    #[test]
    fn buffered_string_is_no_decimal() {
        assert!(buffered(serde_json::json!("1.5"))
            .is_err_and(|e| e.contains("expected a decimal number")));
    }

    #[test]
    fn buffered_object_is_no_decimal() {
        assert!(buffered(serde_json::json!({"a": 1}))
            .is_err_and(|e| e.contains("expected a decimal number")));
    }

    #[test]
    fn a_plain_u64_deserialiser_gives_a_decimal() {
        let d = Decimal::deserialize(de::value::U64Deserializer::<de::value::Error>::new(7));
        assert_eq!(d.map(|d| d.to_string()), Ok("7".to_owned()));
    }

    #[test]
    fn a_plain_i128_deserialiser_gives_a_decimal() {
        let d = Decimal::deserialize(de::value::I128Deserializer::<de::value::Error>::new(
            i128::MIN,
        ));
        assert_eq!(d.map(|d| d.to_string()), Ok(i128::MIN.to_string()));
    }

    #[test]
    fn a_plain_f64_deserialiser_gives_a_decimal() {
        let d = Decimal::deserialize(de::value::F64Deserializer::<de::value::Error>::new(0.25));
        assert_eq!(d.map(|d| d.to_string()), Ok("0.25".to_owned()));
    }

    #[test]
    fn a_non_finite_f64_is_no_decimal() {
        let d = Decimal::deserialize(de::value::F64Deserializer::<de::value::Error>::new(
            f64::NAN,
        ));
        assert!(d.is_err());
    }

    #[test]
    fn error_message_names_the_problem_and_the_offset() {
        assert_eq!(
            err("1.5x").to_string(),
            "invalid decimal at byte offset 3: unexpected 'x' after the number"
        );
    }
}
