//! The SCIM `binary` data type (RFC 7643 §2.3.6): bytes written in base64.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;
use std::sync::OnceLock;

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::scan::char_at;

/// The two base64 alphabets RFC 7643 §2.3.6 allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Base64Alphabet {
    /// The standard alphabet (RFC 4648 §4): `A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`.
    Standard,
    /// The URL and filename safe alphabet (RFC 4648 §5): `-` and `_` instead of `+` and `/`.
    UrlSafe,
}

/// A SCIM `binary` value (RFC 7643 §2.3.6): bytes, written in JSON as a base64 string.
///
/// Parsing accepts the standard alphabet (RFC 4648 §4) and the URL-safe one (§5), with the
/// `=` padding or without it (RFC 7643 §2.3.6 lets senders omit it), and remembers which it
/// saw, so that a parsed value writes back the same text. Text in which no character tells
/// the alphabets apart counts as standard; text whose length needs no padding counts as
/// padded; either way it writes back unchanged.
///
/// Parsing is strict: it rejects whitespace and line breaks, characters of both alphabets
/// in one text, a length that leaves a single character over, wrong padding, and a last
/// character whose unused low bits are not zero (so every byte string has exactly one
/// accepted text per alphabet and padding). Texts longer than [`Binary::MAX_LEN`] are
/// rejected.
///
/// Equality, ordering and hashing look at the bytes only: `aGk=` equals `aGk`.
///
/// # Examples
///
/// ```
/// use scim::value::{Base64Alphabet, Binary};
///
/// let b: Binary = "-_8".parse()?;
/// assert_eq!(b.as_bytes(), [0xfb, 0xff]);
/// assert_eq!(b.alphabet(), Base64Alphabet::UrlSafe);
/// assert!(!b.is_padded());
/// assert_eq!(b.to_string(), "-_8");
/// assert_eq!(b, Binary::new(vec![0xfb, 0xff])); // written "+/8=", same bytes
///
/// let json = serde_json::to_string(&Binary::new(b"hi".to_vec()))?;
/// assert_eq!(json, r#""aGk=""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Binary {
    /// The base64 text, as read or as encoded once at construction: writing the value
    /// costs no encoding, and reading it costs a check but no decoding.
    text: String,
    /// The bytes, decoded from `text` when first asked for.
    bytes: OnceLock<Vec<u8>>,
    alphabet: Base64Alphabet,
    padded: bool,
}

impl Binary {
    /// The longest base64 text, in bytes, that [`FromStr`] and deserialisation accept:
    /// 8 MiB (8388608), which holds 6 MiB of data; ample for certificates, keys and
    /// thumbnails, the things SCIM schemas store as `binary`.
    pub const MAX_LEN: usize = 8 * 1024 * 1024;

    /// Bytes that are written with the standard alphabet and padding (RFC 4648 §4).
    ///
    /// ```
    /// # use scim::value::Binary;
    /// assert_eq!(Binary::new(vec![0xfb, 0xff]).to_string(), "+/8=");
    /// ```
    pub fn new(bytes: Vec<u8>) -> Self {
        Self::with_encoding(bytes, Base64Alphabet::Standard, true)
    }

    /// Bytes that are written with the given alphabet, with or without padding.
    ///
    /// ```
    /// # use scim::value::{Base64Alphabet, Binary};
    /// let b = Binary::with_encoding(vec![0xfb, 0xff], Base64Alphabet::UrlSafe, false);
    /// assert_eq!(b.to_string(), "-_8");
    /// ```
    pub fn with_encoding(bytes: Vec<u8>, alphabet: Base64Alphabet, padded: bool) -> Self {
        let text = engine(alphabet, padded).encode(&bytes);
        Binary {
            bytes: OnceLock::from(bytes),
            text,
            alphabet,
            padded,
        }
    }

    /// The base64 text the value is written as.
    pub fn as_base64(&self) -> &str {
        &self.text
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes
            .get_or_init(|| decode(&self.text, self.alphabet, self.padded))
    }

    /// The bytes, giving up the value.
    pub fn into_bytes(self) -> Vec<u8> {
        match self.bytes.into_inner() {
            Some(bytes) => bytes,
            None => decode(&self.text, self.alphabet, self.padded),
        }
    }

    /// The alphabet the value is written with.
    pub fn alphabet(&self) -> Base64Alphabet {
        self.alphabet
    }

    /// Whether the value is written with `=` padding (true as well when its length needs
    /// none).
    pub fn is_padded(&self) -> bool {
        self.padded
    }
}

/// The engine that writes and reads the given encoding: padding canonical when padded,
/// absent otherwise; trailing bits must be zero (the engines' default).
fn engine(alphabet: Base64Alphabet, padded: bool) -> &'static GeneralPurpose {
    const fn config(padded: bool) -> GeneralPurposeConfig {
        let padding = if padded {
            DecodePaddingMode::RequireCanonical
        } else {
            DecodePaddingMode::RequireNone
        };
        GeneralPurposeConfig::new()
            .with_encode_padding(padded)
            .with_decode_padding_mode(padding)
    }
    const STANDARD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, config(true));
    const STANDARD_NO_PAD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, config(false));
    const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, config(true));
    const URL_SAFE_NO_PAD: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, config(false));
    match (alphabet, padded) {
        (Base64Alphabet::Standard, true) => &STANDARD,
        (Base64Alphabet::Standard, false) => &STANDARD_NO_PAD,
        (Base64Alphabet::UrlSafe, true) => &URL_SAFE,
        (Base64Alphabet::UrlSafe, false) => &URL_SAFE_NO_PAD,
    }
}

const fn common_sextet(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        _ => None,
    }
}

/// Checks base64 text: the alphabet it uses and whether it is padded, or what is wrong.
fn check(text: &str) -> Result<(Base64Alphabet, bool), BinaryError> {
    match check_fast(text.as_bytes()) {
        Some(encoding) => Ok(encoding),
        None => check_full(text),
    }
}

/// Sextet values of the two alphabets (RFC 4648 §4, §5), `INVALID` for other bytes.
const INVALID: u8 = 0xff;

const fn sextets(alphabet: &[u8; 64]) -> [u8; 256] {
    let mut table = [INVALID; 256];
    let mut index = 0;
    while index < 64 {
        table[alphabet[index] as usize] = index as u8;
        index += 1;
    }
    table
}

const STANDARD_SEXTETS: [u8; 256] =
    sextets(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
const URL_SAFE_SEXTETS: [u8; 256] =
    sextets(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

/// A quick check of well-formed text with table lookups. `None` when anything is off;
/// [`check_full`] then finds what and where. Accepts only what `check_full` accepts.
fn check_fast(bytes: &[u8]) -> Option<(Base64Alphabet, bool)> {
    if bytes.len() > Binary::MAX_LEN {
        return None;
    }
    let data = bytes
        .strip_suffix(b"==")
        .or_else(|| bytes.strip_suffix(b"="))
        .unwrap_or(bytes);
    let padding = bytes.len() - data.len();
    // One branch-free pass: for each byte, whether it is outside the standard and the
    // URL-safe alphabet (no table lookups, so the compiler can vectorise it).
    let (not_standard, not_url_safe) =
        data.iter()
            .fold((false, false), |(not_standard, not_url_safe), &byte| {
                let alphanumeric = (byte.wrapping_sub(b'A') < 26)
                    | (byte.wrapping_sub(b'a') < 26)
                    | (byte.wrapping_sub(b'0') < 10);
                let standard = alphanumeric | (byte == b'+') | (byte == b'/');
                let url_safe = alphanumeric | (byte == b'-') | (byte == b'_');
                (not_standard | !standard, not_url_safe | !url_safe)
            });
    let (alphabet, table) = if !not_standard {
        (Base64Alphabet::Standard, &STANDARD_SEXTETS)
    } else if !not_url_safe {
        (Base64Alphabet::UrlSafe, &URL_SAFE_SEXTETS)
    } else {
        return None;
    };
    let remainder = data.len() % 4;
    let padding_fits = padding == 0 || (remainder != 0 && padding == 4 - remainder);
    if remainder == 1 || !padding_fits {
        return None;
    }
    let unused_bits = match remainder {
        2 => 0b1111,
        3 => 0b11,
        _ => 0,
    };
    let last = data.last().map_or(0, |&byte| table[usize::from(byte)]);
    (last & unused_bits == 0).then_some((alphabet, padding > 0 || remainder == 0))
}

/// Whether `text` is base64 as [`Binary`] reads it; for `scim::filter!`, which checks
/// binary comparison values while the crate compiles.
pub(crate) const fn is_base64(text: &str) -> bool {
    check_full(text).is_ok()
}

/// Checks base64 text and finds its alphabet and padding; see [`Binary`] for the rules.
/// A `const fn`, for [`is_base64`].
const fn check_full(text: &str) -> Result<(Base64Alphabet, bool), BinaryError> {
    if text.len() > Binary::MAX_LEN {
        return Err(BinaryError::new(
            BinaryErrorKind::TooLong {
                max: Binary::MAX_LEN,
            },
            Binary::MAX_LEN,
        ));
    }
    let bytes = text.as_bytes();
    // The alphabet of the first character that only one alphabet has, and that character.
    let mut distinctive: Option<(Base64Alphabet, u8)> = None;
    let mut data_len = 0;
    let mut padding_at = None;
    // The value of the last data character's sextet.
    let mut last_sextet = 0;
    let mut next = 0;
    while next < bytes.len() {
        let (offset, byte) = (next, bytes[next]);
        next += 1;
        if padding_at.is_some() {
            if byte != b'=' {
                return Err(BinaryError::new(BinaryErrorKind::DataAfterPadding, offset));
            }
            continue;
        }
        let (alphabet, sextet) = match byte {
            b'=' => {
                padding_at = Some(offset);
                continue;
            }
            b'+' => (Some(Base64Alphabet::Standard), 62),
            b'/' => (Some(Base64Alphabet::Standard), 63),
            b'-' => (Some(Base64Alphabet::UrlSafe), 62),
            b'_' => (Some(Base64Alphabet::UrlSafe), 63),
            b' ' | b'\t' | b'\r' | b'\n' => {
                return Err(BinaryError::new(BinaryErrorKind::Whitespace, offset))
            }
            _ => match common_sextet(byte) {
                Some(sextet) => (None, sextet),
                None => {
                    let found = match char_at(text, offset) {
                        Some(found) => found,
                        None => char::REPLACEMENT_CHARACTER,
                    };
                    return Err(BinaryError::new(
                        BinaryErrorKind::InvalidCharacter { found },
                        offset,
                    ));
                }
            },
        };
        if let Some(alphabet) = alphabet {
            match distinctive {
                None => distinctive = Some((alphabet, byte)),
                // A fieldless enum compares by its discriminant; `!=` is not `const`.
                Some((seen, earlier)) if seen as u8 != alphabet as u8 => {
                    return Err(BinaryError::new(
                        BinaryErrorKind::MixedAlphabets {
                            found: byte as char,
                            earlier: earlier as char,
                        },
                        offset,
                    ))
                }
                Some(_) => {}
            }
        }
        data_len += 1;
        last_sextet = sextet;
    }

    let remainder = data_len % 4;
    if remainder == 1 {
        return Err(BinaryError::new(
            BinaryErrorKind::InvalidLength,
            data_len - 1,
        ));
    }
    if let Some(padding_at) = padding_at {
        let padding = bytes.len() - padding_at;
        if remainder == 0 || padding != 4 - remainder {
            return Err(BinaryError::new(
                BinaryErrorKind::InvalidPadding,
                padding_at,
            ));
        }
    }
    // The last character of a group of two (three) carries 4 (2) bits that encode no data.
    let unused_bits = match remainder {
        2 => 0b1111,
        3 => 0b11,
        _ => 0,
    };
    if last_sextet & unused_bits != 0 {
        return Err(BinaryError::new(
            BinaryErrorKind::NonCanonicalTrailingBits,
            data_len - 1,
        ));
    }
    let alphabet = match distinctive {
        Some((alphabet, _)) => alphabet,
        None => Base64Alphabet::Standard,
    };
    Ok((alphabet, padding_at.is_some() || remainder == 0))
}

impl FromStr for Binary {
    type Err = BinaryError;

    /// Parses base64 text (see [`Binary`] for the rules).
    ///
    /// ```
    /// # use scim::value::Binary;
    /// assert_eq!("aGk".parse::<Binary>()?.as_bytes(), b"hi");
    /// let error = "aG k".parse::<Binary>().unwrap_err();
    /// assert_eq!(error.to_string(), "invalid base64 at byte offset 2: whitespace is not allowed");
    /// # Ok::<(), scim::value::BinaryError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (alphabet, padded) = check(text)?;
        Ok(Binary {
            text: text.to_owned(),
            bytes: OnceLock::new(),
            alphabet,
            padded,
        })
    }
}

/// Decodes text that [`check`] accepted.
fn decode(text: &str, alphabet: Base64Alphabet, padded: bool) -> Vec<u8> {
    // `check` accepts exactly what the engine decodes (a test holds them together), so
    // the empty fallback is never taken.
    engine(alphabet, padded).decode(text).unwrap_or_default()
}

impl From<Vec<u8>> for Binary {
    /// The same as [`Binary::new`]: standard alphabet, padded.
    fn from(bytes: Vec<u8>) -> Self {
        Binary::new(bytes)
    }
}

impl fmt::Display for Binary {
    /// Writes the base64 text in the value's alphabet and padding.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Binary({self})")
    }
}

impl Deref for Binary {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for Binary {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl PartialEq for Binary {
    fn eq(&self, other: &Self) -> bool {
        if self.alphabet == other.alphabet && self.padded == other.padded {
            // Canonical base64 (`check` rejects stray trailing bits) in one encoding:
            // equal text is equal bytes.
            self.text == other.text
        } else {
            self.as_bytes() == other.as_bytes()
        }
    }
}

impl Eq for Binary {}

impl PartialOrd for Binary {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Binary {
    /// Lexicographic order of the bytes.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl std::hash::Hash for Binary {
    /// Hashes the bytes only.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

impl Serialize for Binary {
    /// Writes the base64 text as a JSON string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Binary {
    /// Reads a JSON string holding base64 text.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(BinaryVisitor)
    }
}

struct BinaryVisitor;

impl Visitor<'_> for BinaryVisitor {
    type Value = Binary;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a base64 string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Binary, E> {
        text.parse().map_err(E::custom)
    }
}

/// Why a text is not a [`Binary`], and where.
///
/// ```
/// use scim::value::{Binary, BinaryErrorKind};
///
/// let error = "ab+_".parse::<Binary>().unwrap_err();
/// assert_eq!(error.kind(), BinaryErrorKind::MixedAlphabets { found: '_', earlier: '+' });
/// assert_eq!(error.offset(), 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BinaryError {
    kind: BinaryErrorKind,
    offset: usize,
}

impl BinaryError {
    const fn new(kind: BinaryErrorKind, offset: usize) -> Self {
        BinaryError { kind, offset }
    }

    /// What is wrong.
    pub fn kind(&self) -> BinaryErrorKind {
        self.kind
    }

    /// The byte offset in the text where the problem is.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for BinaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid base64 at byte offset {}: {}",
            self.offset, self.kind
        )
    }
}

impl std::error::Error for BinaryError {}

/// The kinds of [`BinaryError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BinaryErrorKind {
    /// The text is longer than `max` ([`Binary::MAX_LEN`]) bytes.
    TooLong {
        /// The maximum length in bytes.
        max: usize,
    },
    /// A space, tab or line break.
    Whitespace,
    /// A character of neither base64 alphabet.
    InvalidCharacter {
        /// The character found.
        found: char,
    },
    /// A character of one alphabet (`-`, `_` or `+`, `/`) after one of the other.
    MixedAlphabets {
        /// The character found.
        found: char,
        /// The earlier character of the other alphabet.
        earlier: char,
    },
    /// A character other than `=` after the first `=`.
    DataAfterPadding,
    /// The number of characters leaves a single one over, which cannot encode a byte; the
    /// offset is that of the last character.
    InvalidLength,
    /// Padding where none is needed, or the wrong number of `=`.
    InvalidPadding,
    /// The last character has unused low bits that are not zero, e.g. `aGl=` for `aGk=`.
    NonCanonicalTrailingBits,
}

impl fmt::Display for BinaryErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BinaryErrorKind::TooLong { max } => write!(f, "the text is longer than {max} bytes"),
            BinaryErrorKind::Whitespace => f.write_str("whitespace is not allowed"),
            BinaryErrorKind::InvalidCharacter { found } => {
                write!(f, "{found:?} is not a base64 character")
            }
            BinaryErrorKind::MixedAlphabets { found, earlier } => write!(
                f,
                "{found:?} and the earlier {earlier:?} belong to different base64 alphabets"
            ),
            BinaryErrorKind::DataAfterPadding => f.write_str("only '=' may follow the first '='"),
            BinaryErrorKind::InvalidLength => {
                f.write_str("a single character is left over, which cannot encode a byte")
            }
            BinaryErrorKind::InvalidPadding => f.write_str("wrong number of '=' for the length"),
            BinaryErrorKind::NonCanonicalTrailingBits => {
                f.write_str("the last character has unused bits that are not zero")
            }
        }
    }
}

#[cfg(test)]
mod check_agrees_with_the_engine {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Values are decoded lazily, so `check` must accept exactly what decodes.
        #[test]
        fn check_accepts_exactly_what_the_engine_decodes(text in "[A-Za-z0-9+/_=-]{0,24}") {
            if let Some(encoding) = check_fast(text.as_bytes()) {
                prop_assert_eq!(check_full(&text).ok(), Some(encoding), "{}", text);
            }
            match check(&text) {
                Ok((alphabet, padded)) => {
                    prop_assert!(engine(alphabet, padded).decode(&text).is_ok(), "{text}");
                }
                Err(_) => {
                    for alphabet in [Base64Alphabet::Standard, Base64Alphabet::UrlSafe] {
                        for padded in [true, false] {
                            prop_assert!(engine(alphabet, padded).decode(&text).is_err(), "{text}");
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};

    fn bin(text: &str) -> Binary {
        match text.parse() {
            Ok(b) => b,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    fn err(text: &str) -> BinaryError {
        match text.parse::<Binary>() {
            Ok(b) => panic!("{text:?} should not parse, got {b:?}"),
            Err(e) => e,
        }
    }

    fn hash_of(b: &Binary) -> u64 {
        let mut hasher = DefaultHasher::new();
        b.hash(&mut hasher);
        hasher.finish()
    }

    #[test]
    fn decodes_the_standard_alphabet() {
        assert_eq!(bin("+/8=").as_bytes(), [0xfb, 0xff]);
    }

    #[test]
    fn decodes_the_url_safe_alphabet() {
        assert_eq!(bin("-_8=").as_bytes(), [0xfb, 0xff]);
    }

    #[test]
    fn remembers_the_url_safe_alphabet() {
        assert_eq!(bin("-_8=").alphabet(), Base64Alphabet::UrlSafe);
    }

    #[test]
    fn remembers_the_standard_alphabet() {
        assert_eq!(bin("+/8=").alphabet(), Base64Alphabet::Standard);
    }

    #[test]
    fn text_common_to_both_alphabets_counts_as_standard() {
        assert_eq!(bin("aGk=").alphabet(), Base64Alphabet::Standard);
    }

    #[test]
    fn remembers_missing_padding() {
        assert!(!bin("aGk").is_padded());
    }

    #[test]
    fn remembers_padding() {
        assert!(bin("aGk=").is_padded());
    }

    #[test]
    fn text_that_needs_no_padding_counts_as_padded() {
        assert!(bin("aGkh").is_padded());
    }

    #[test]
    fn writes_back_url_safe_text_without_padding() {
        assert_eq!(bin("-_8").to_string(), "-_8");
    }

    #[test]
    fn writes_back_standard_text_with_two_pads() {
        assert_eq!(bin("+w==").to_string(), "+w==");
    }

    #[test]
    fn empty_text_is_no_bytes() {
        assert_eq!(bin("").as_bytes(), b"");
    }

    #[test]
    fn new_writes_standard_padded_text() {
        assert_eq!(Binary::new(vec![0xfb, 0xff]).to_string(), "+/8=");
    }

    #[test]
    fn from_vec_is_new() {
        assert_eq!(Binary::from(b"hi".to_vec()).to_string(), "aGk=");
    }

    #[test]
    fn with_encoding_writes_the_chosen_encoding() {
        let b = Binary::with_encoding(vec![0xfb], Base64Alphabet::UrlSafe, true);
        assert_eq!(b.to_string(), "-w==");
    }

    #[test]
    fn equality_ignores_the_encoding() {
        assert_eq!(bin("-_8"), bin("+/8="));
    }

    #[test]
    fn hashing_ignores_the_encoding() {
        assert_eq!(hash_of(&bin("-_8")), hash_of(&bin("+/8=")));
    }

    #[test]
    fn ordering_follows_the_bytes() {
        assert!(bin("AA==") < bin("AQ=="));
    }

    #[test]
    fn derefs_to_the_bytes() {
        let b = bin("aGk=");
        assert_eq!(&*b, b"hi");
    }

    #[test]
    fn into_bytes_gives_the_bytes() {
        assert_eq!(bin("aGk=").into_bytes(), b"hi".to_vec());
    }

    #[test]
    fn rejects_a_space() {
        let e = err("aG k");
        assert_eq!((e.kind(), e.offset()), (BinaryErrorKind::Whitespace, 2));
    }

    #[test]
    fn rejects_a_line_break() {
        assert_eq!(err("aGk=\n").kind(), BinaryErrorKind::DataAfterPadding);
    }

    #[test]
    fn rejects_a_line_break_between_data() {
        assert_eq!(err("aG\r\nk=").kind(), BinaryErrorKind::Whitespace);
    }

    #[test]
    fn rejects_a_character_of_neither_alphabet() {
        let e = err("aG*k");
        assert_eq!(
            (e.kind(), e.offset()),
            (BinaryErrorKind::InvalidCharacter { found: '*' }, 2)
        );
    }

    #[test]
    fn reports_a_non_ascii_character_whole() {
        assert_eq!(
            err("aGé=").kind(),
            BinaryErrorKind::InvalidCharacter { found: 'é' }
        );
    }

    #[test]
    fn rejects_url_safe_after_standard() {
        let e = err("+_8=");
        assert_eq!(
            (e.kind(), e.offset()),
            (
                BinaryErrorKind::MixedAlphabets {
                    found: '_',
                    earlier: '+'
                },
                1
            )
        );
    }

    #[test]
    fn rejects_standard_after_url_safe() {
        assert_eq!(
            err("-/8=").kind(),
            BinaryErrorKind::MixedAlphabets {
                found: '/',
                earlier: '-'
            }
        );
    }

    #[test]
    fn rejects_data_after_padding() {
        let e = err("aG==aGk=");
        assert_eq!(
            (e.kind(), e.offset()),
            (BinaryErrorKind::DataAfterPadding, 4)
        );
    }

    #[test]
    fn rejects_a_single_leftover_character() {
        let e = err("aGkhY");
        assert_eq!((e.kind(), e.offset()), (BinaryErrorKind::InvalidLength, 4));
    }

    #[test]
    fn rejects_a_single_character_with_padding() {
        assert_eq!(err("a===").kind(), BinaryErrorKind::InvalidLength);
    }

    #[test]
    fn rejects_too_little_padding() {
        let e = err("aG=");
        assert_eq!((e.kind(), e.offset()), (BinaryErrorKind::InvalidPadding, 2));
    }

    #[test]
    fn rejects_too_much_padding() {
        assert_eq!(err("aGk==").kind(), BinaryErrorKind::InvalidPadding);
    }

    #[test]
    fn rejects_padding_where_none_is_needed() {
        assert_eq!(err("aGkh=").kind(), BinaryErrorKind::InvalidPadding);
    }

    #[test]
    fn rejects_padding_alone() {
        assert_eq!(err("==").kind(), BinaryErrorKind::InvalidPadding);
    }

    #[test]
    fn rejects_non_zero_trailing_bits_after_three_characters() {
        let e = err("aGl=");
        assert_eq!(
            (e.kind(), e.offset()),
            (BinaryErrorKind::NonCanonicalTrailingBits, 2)
        );
    }

    #[test]
    fn rejects_non_zero_trailing_bits_after_two_characters() {
        assert_eq!(err("aH").kind(), BinaryErrorKind::NonCanonicalTrailingBits);
    }

    #[test]
    fn rejects_text_longer_than_the_maximum() {
        let e = err(&"A".repeat(Binary::MAX_LEN + 4));
        assert_eq!(
            e.kind(),
            BinaryErrorKind::TooLong {
                max: Binary::MAX_LEN
            }
        );
    }

    #[test]
    fn accepts_the_longest_allowed_text() {
        assert_eq!(
            bin(&"A".repeat(Binary::MAX_LEN)).len(),
            Binary::MAX_LEN / 4 * 3
        );
    }

    #[test]
    fn error_message_names_the_problem_and_the_offset() {
        assert_eq!(err("+_").to_string(), "invalid base64 at byte offset 1: '_' and the earlier '+' belong to different base64 alphabets");
    }
}
