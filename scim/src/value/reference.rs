//! The SCIM `reference` data type (RFC 7643 §2.3.7): a URI, typed by the `referenceTypes`
//! of its attribute.

use crate::schema::Text;
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::net::Ipv6Addr;
use std::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::scan::char_at;

/// The `referenceTypes` of a `reference` attribute (RFC 7643 §7), known at the type level.
///
/// Implemented by marker types, usually uninhabited enums that the code generator emits:
///
/// ```
/// use scim::schema::{text, Text};
/// use scim::value::{Reference, ReferenceTypes};
///
/// /// A reference to a User or a Group.
/// pub enum UserOrGroup {}
///
/// impl ReferenceTypes for UserOrGroup {
///     const TYPES: &'static [Text] = &[text("User"), text("Group")];
/// }
///
/// let member: Reference<UserOrGroup> = "https://example.com/v2/Groups/e9e30dba".parse()?;
/// assert_eq!(member.reference_types(), ["User", "Group"]);
/// # Ok::<(), scim::value::ReferenceError>(())
/// ```
pub trait ReferenceTypes {
    /// The `referenceTypes` values: resource type names such as `User` and `Group`,
    /// `external` for resources outside the service provider, `uri` for identifiers such as
    /// schema URNs. Empty when the attribute declares none. They are schema-model texts
    /// so that attribute metadata can hold them in constant tables.
    const TYPES: &'static [Text];
}

/// The marker of a reference whose attribute declares no `referenceTypes`: any URI.
///
/// It is the default type parameter of [`Reference`].
#[derive(Debug)]
pub enum AnyReference {}

impl ReferenceTypes for AnyReference {
    const TYPES: &'static [Text] = &[];
}

/// The marker of a reference to a service endpoint or an identifier (`referenceTypes`
/// `uri`), such as `meta.location`.
#[derive(Debug)]
pub enum UriReference {}

impl ReferenceTypes for UriReference {
    const TYPES: &'static [Text] = &[Text::Borrowed("uri")];
}

/// A SCIM `reference` value (RFC 7643 §2.3.7): the absolute or relative URI (RFC 3986) of a
/// resource, with the attribute's `referenceTypes` in its type `T`.
///
/// * **Checked when parsed.** [`FromStr`] and deserialisation accept exactly the
///   `URI-reference` syntax of RFC 3986 §4.1 (ASCII; `%` followed by two hex digits; IPv6
///   and future IP literals in brackets), up to [`Reference::MAX_LEN`] bytes.
///   [`Reference::new`] checks nothing: it is for URIs the program builds or trusts.
/// * **Case-exact.** RFC 7643 §2.3.7 says a reference is case exact: equality, ordering and
///   hashing compare the text byte for byte (`Users/A` ≠ `users/A`), with no normalisation.
/// * **Typed.** `T` is a marker such as `UserOrGroup` (see [`ReferenceTypes`]); it costs
///   nothing at run time, and the traits of `Reference` do not ask anything of it.
///   [`AnyReference`], the default, declares no types.
///
/// # Examples
///
/// ```
/// use scim::value::Reference;
///
/// let manager: Reference = "../Users/26118915-6090-4610-87e4-49d8ca9f808d".parse()?;
/// assert!(!manager.is_absolute());
///
/// let schema: Reference = "urn:ietf:params:scim:schemas:core:2.0:User".parse()?;
/// assert!(schema.is_absolute());
///
/// assert!("https://example.com/a b".parse::<Reference>().is_err());
///
/// let json = serde_json::to_string(&schema)?;
/// assert_eq!(json, r#""urn:ietf:params:scim:schemas:core:2.0:User""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Reference<T: ReferenceTypes = AnyReference> {
    uri: String,
    marker: PhantomData<fn() -> T>,
}

impl<T: ReferenceTypes> Reference<T> {
    /// The longest text, in bytes, that [`FromStr`] and deserialisation accept: 8192.
    ///
    /// RFC 7643 §2.3.7 requires references to be HTTP-addressable, and RFC 9110 §4.1
    /// recommends that HTTP software support URIs of at least 8000 octets.
    pub const MAX_LEN: usize = 8192;

    /// A reference to `uri`, taken as it is: no syntax check, no length limit. Use
    /// [`str::parse`] to check text from outside.
    ///
    /// ```
    /// # use scim::value::Reference;
    /// let r: Reference = Reference::new("Users/2819c223");
    /// assert_eq!(r.as_str(), "Users/2819c223");
    /// ```
    pub fn new(uri: impl Into<String>) -> Self {
        Reference {
            uri: uri.into(),
            marker: PhantomData,
        }
    }

    /// The URI text.
    pub fn as_str(&self) -> &str {
        &self.uri
    }

    /// The URI text, giving up the value.
    pub fn into_string(self) -> String {
        self.uri
    }

    /// The `referenceTypes` of `T` (empty for [`AnyReference`]).
    pub fn reference_types(&self) -> &'static [Text] {
        T::TYPES
    }

    /// Whether the URI starts with a scheme (RFC 3986 §3.1: a letter, then letters, digits,
    /// `+`, `-` or `.`, then `:`), as `https:` and `urn:` do; `false` for relative references
    /// such as `Users/2819c223` and `//example.com/x`.
    ///
    /// ```
    /// # use scim::value::Reference;
    /// assert!(Reference::<scim::value::AnyReference>::new("https://example.com/v2/Users/1").is_absolute());
    /// assert!(!Reference::<scim::value::AnyReference>::new("Users/1").is_absolute());
    /// ```
    pub fn is_absolute(&self) -> bool {
        scheme_end(self.uri.as_bytes()).is_some()
    }

    /// The same URI as a reference with other `referenceTypes`, e.g. to narrow an
    /// [`AnyReference`] read from generic JSON to the type of a typed model.
    ///
    /// ```
    /// # use scim::value::{AnyReference, Reference, ReferenceTypes};
    /// enum Group {}
    /// impl ReferenceTypes for Group {
    ///     const TYPES: &'static [scim::schema::Text] = &[scim::schema::text("Group")];
    /// }
    /// let any: Reference = "Groups/1".parse()?;
    /// let group: Reference<Group> = any.cast();
    /// assert_eq!(group.reference_types(), ["Group"]);
    /// # Ok::<(), scim::value::ReferenceError>(())
    /// ```
    pub fn cast<U: ReferenceTypes>(self) -> Reference<U> {
        Reference::new(self.uri)
    }
}

/// The offset of the `:` that ends a scheme at the start of `bytes` (RFC 3986 §3.1), if the
/// text starts with one.
fn scheme_end(bytes: &[u8]) -> Option<usize> {
    let first = bytes.first()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let end = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))?;
    (bytes.get(end) == Some(&b':')).then_some(end)
}

#[inline]
fn is_unreserved(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & UNRESERVED != 0
}

#[inline]
fn is_sub_delim(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & SUB_DELIM != 0
}

/// Character classes of RFC 3986 §2.2, §2.3 and §3.3, one bit each, looked up per byte:
/// validation runs on every reference read, so it must cost little.
const UNRESERVED: u8 = 1;
const SUB_DELIM: u8 = 2;
const PCHAR: u8 = 4;
const QUERY: u8 = 8;

const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        let unreserved = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        let sub_delim = matches!(
            b,
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
        );
        let pchar = unreserved || sub_delim || matches!(b, b':' | b'@');
        let query = pchar || matches!(b, b'/' | b'?');
        let mut classes = 0;
        if unreserved {
            classes |= UNRESERVED;
        }
        if sub_delim {
            classes |= SUB_DELIM;
        }
        if pchar {
            classes |= PCHAR;
        }
        if query {
            classes |= QUERY;
        }
        table[byte] = classes;
        byte += 1;
    }
    table
};

/// Checks that `text` is a URI reference (RFC 3986 §4.1) within the length limit.
fn check(text: &str) -> Result<(), ReferenceError> {
    if text.len() <= Reference::<AnyReference>::MAX_LEN && is_plain_valid(text.as_bytes()) {
        return Ok(());
    }
    check_full(text)
}

/// The full RFC 3986 §4.1 check, which says what is wrong and where.
fn check_full(text: &str) -> Result<(), ReferenceError> {
    if text.len() > Reference::<AnyReference>::MAX_LEN {
        return Err(ReferenceError::new(
            ReferenceErrorKind::TooLong {
                max: Reference::<AnyReference>::MAX_LEN,
            },
            Reference::<AnyReference>::MAX_LEN,
        ));
    }
    let checker = Checker { text };
    let bytes = text.as_bytes();
    let scheme = scheme_end(bytes);
    let start = scheme.map_or(0, |colon| colon + 1);
    // The fragment starts at the first `#`, the query at the first `?` before it.
    let fragment = bytes.iter().position(|b| *b == b'#');
    let before_fragment = fragment.unwrap_or(bytes.len());
    let query = bytes
        .get(..before_fragment)
        .unwrap_or_default()
        .iter()
        .position(|b| *b == b'?');
    let path_end = query.unwrap_or(before_fragment);

    let mut path_start = start;
    if bytes
        .get(start..)
        .is_some_and(|rest| rest.starts_with(b"//"))
    {
        let authority_start = start + 2;
        let authority_end = bytes
            .get(authority_start..path_end)
            .unwrap_or_default()
            .iter()
            .position(|b| *b == b'/')
            .map_or(path_end, |i| authority_start + i);
        checker.authority(authority_start, authority_end)?;
        path_start = authority_end;
    } else if scheme.is_none() {
        // A relative path's first segment cannot contain `:`, or it would read as a scheme.
        let first_segment_end = bytes
            .get(start..path_end)
            .unwrap_or_default()
            .iter()
            .position(|b| *b == b'/')
            .map_or(path_end, |i| start + i);
        if let Some(colon) = bytes
            .get(start..first_segment_end)
            .unwrap_or_default()
            .iter()
            .position(|b| *b == b':')
        {
            // Report an earlier bad character first, if there is one.
            checker.chars(start, start + colon, is_pchar)?;
            return Err(ReferenceError::new(
                ReferenceErrorKind::ColonInFirstSegment,
                start + colon,
            ));
        }
    }
    checker.chars(path_start, path_end, |b| is_pchar(b) || b == b'/')?;
    if let Some(query) = query {
        checker.chars(query + 1, before_fragment, is_query_char)?;
    }
    if let Some(fragment) = fragment {
        checker.chars(fragment + 1, bytes.len(), is_query_char)?;
    }
    Ok(())
}

/// One forward pass that accepts the common shapes of references (`https://host:port/path?query#fragment`,
/// `../Groups/id`, `urn:...`) without percent-encoding, user info or IP literals. It only
/// ever accepts what [`check`] accepts; anything it is unsure of goes to `check`, which
/// also says what is wrong.
fn is_plain_valid(bytes: &[u8]) -> bool {
    let mut i = 0;
    let scheme = scheme_end(bytes);
    if let Some(colon) = scheme {
        i = colon + 1;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    if rest.starts_with(b"//") {
        i += 2;
        let host_start = i;
        i += run(bytes, i, |b| {
            CLASSES[usize::from(b)] & (UNRESERVED | SUB_DELIM) != 0
        });
        if i == host_start && bytes.get(i) == Some(&b'[') {
            return false;
        }
        if bytes.get(i) == Some(&b':') {
            i += 1 + run(bytes, i + 1, |b| b.is_ascii_digit());
        }
        if !matches!(bytes.get(i), None | Some(b'/' | b'?' | b'#')) {
            return false;
        }
    } else if scheme.is_none() {
        // A relative reference: no `:` in its first segment.
        let first_segment = rest
            .iter()
            .take_while(|&&b| !matches!(b, b'/' | b'?' | b'#'));
        if first_segment.clone().any(|&b| b == b':') {
            return false;
        }
    }
    i += run(bytes, i, |b| is_pchar(b) || b == b'/');
    if bytes.get(i) == Some(&b'?') {
        i += 1 + run(bytes, i + 1, is_query_char);
    }
    if bytes.get(i) == Some(&b'#') {
        i += 1 + run(bytes, i + 1, is_query_char);
    }
    i == bytes.len()
}

/// How many bytes from `start` on `allowed` accepts.
#[inline]
fn run(bytes: &[u8], start: usize, allowed: impl Fn(u8) -> bool) -> usize {
    bytes
        .get(start..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| allowed(b)).count())
}

/// `pchar` of RFC 3986 §3.3, except `%`, which [`Checker::chars`] handles.
#[inline]
fn is_pchar(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & PCHAR != 0
}

/// The characters of a query or fragment (RFC 3986 §3.4, §3.5), except `%`.
#[inline]
fn is_query_char(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & QUERY != 0
}

/// Checks parts of a URI reference; offsets are byte offsets into `text`.
struct Checker<'a> {
    text: &'a str,
}

impl Checker<'_> {
    fn error(&self, kind: ReferenceErrorKind, offset: usize) -> ReferenceError {
        ReferenceError::new(kind, offset)
    }

    fn invalid_character(&self, offset: usize) -> ReferenceError {
        self.error(
            ReferenceErrorKind::InvalidCharacter {
                found: char_at(self.text, offset).unwrap_or(char::REPLACEMENT_CHARACTER),
            },
            offset,
        )
    }

    /// Checks that `start..end` holds only characters `allowed` accepts and percent-encoded
    /// octets.
    fn chars(
        &self,
        start: usize,
        end: usize,
        allowed: impl Fn(u8) -> bool,
    ) -> Result<(), ReferenceError> {
        let bytes = self.text.as_bytes();
        let mut offset = start;
        // The common case first: a run of allowed characters, scanned without branches
        // on `%`.
        if let Some(run) = bytes.get(start..end) {
            offset += run.iter().take_while(|&&byte| allowed(byte)).count();
        }
        while offset < end {
            match bytes.get(offset) {
                Some(b'%') => {
                    let hex = bytes.get(offset + 1..offset + 3).unwrap_or_default();
                    if offset + 3 > end || hex.len() != 2 || !hex.iter().all(u8::is_ascii_hexdigit)
                    {
                        return Err(self.error(ReferenceErrorKind::InvalidPercentEncoding, offset));
                    }
                    offset += 3;
                }
                Some(&byte) if allowed(byte) => offset += 1,
                _ => return Err(self.invalid_character(offset)),
            }
        }
        Ok(())
    }

    /// Checks `[ userinfo "@" ] host [ ":" port ]` (RFC 3986 §3.2).
    fn authority(&self, start: usize, end: usize) -> Result<(), ReferenceError> {
        let bytes = self.text.as_bytes();
        let authority = bytes.get(start..end).unwrap_or_default();
        let host_start = match authority.iter().position(|b| *b == b'@') {
            Some(at) => {
                self.chars(start, start + at, |b| {
                    is_unreserved(b) || is_sub_delim(b) || b == b':'
                })?;
                start + at + 1
            }
            None => start,
        };
        let host_end = if bytes.get(host_start) == Some(&b'[') {
            let close = bytes
                .get(host_start..end)
                .unwrap_or_default()
                .iter()
                .position(|b| *b == b']')
                .map(|i| host_start + i)
                .ok_or_else(|| self.error(ReferenceErrorKind::InvalidIpLiteral, host_start))?;
            let literal = self.text.get(host_start + 1..close).unwrap_or_default();
            if !is_ip_literal(literal) {
                return Err(self.error(ReferenceErrorKind::InvalidIpLiteral, host_start));
            }
            let after = close + 1;
            if after < end && bytes.get(after) != Some(&b':') {
                return Err(self.invalid_character(after));
            }
            after
        } else {
            let host_end = bytes
                .get(host_start..end)
                .unwrap_or_default()
                .iter()
                .position(|b| *b == b':')
                .map_or(end, |i| host_start + i);
            self.chars(host_start, host_end, |b| {
                is_unreserved(b) || is_sub_delim(b)
            })?;
            host_end
        };
        // The port: `:` and digits, possibly none.
        if host_end < end {
            if let Some(offset) =
                (host_end + 1..end).find(|&i| !bytes.get(i).is_some_and(u8::is_ascii_digit))
            {
                return Err(self.error(
                    ReferenceErrorKind::InvalidPort {
                        found: char_at(self.text, offset).unwrap_or(char::REPLACEMENT_CHARACTER),
                    },
                    offset,
                ));
            }
        }
        Ok(())
    }
}

/// Whether the text between `[` and `]` is an `IPv6address` or an `IPvFuture` (RFC 3986
/// §3.2.2).
fn is_ip_literal(literal: &str) -> bool {
    match literal.strip_prefix(['v', 'V']) {
        Some(future) => match future.split_once('.') {
            Some((version, rest)) => {
                !version.is_empty()
                    && version.bytes().all(|b| b.is_ascii_hexdigit())
                    && !rest.is_empty()
                    && rest
                        .bytes()
                        .all(|b| is_unreserved(b) || is_sub_delim(b) || b == b':')
            }
            None => false,
        },
        // The standard library reads exactly the RFC 4291 text forms RFC 3986 refers to.
        None => literal.parse::<Ipv6Addr>().is_ok(),
    }
}

impl<T: ReferenceTypes> FromStr for Reference<T> {
    type Err = ReferenceError;

    /// Parses a URI reference (RFC 3986 §4.1), absolute or relative.
    ///
    /// ```
    /// # use scim::value::Reference;
    /// let error = "Users/%zz".parse::<Reference>().unwrap_err();
    /// assert_eq!(error.offset(), 6);
    /// assert_eq!(error.to_string(), "invalid reference at byte offset 6: '%' must be followed by two hexadecimal digits");
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        check(text)?;
        Ok(Reference::new(text))
    }
}

impl<T: ReferenceTypes> fmt::Display for Reference<T> {
    /// Writes the URI text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.uri)
    }
}

impl<T: ReferenceTypes> fmt::Debug for Reference<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reference")
            .field("uri", &self.uri)
            .field("reference_types", &T::TYPES)
            .finish()
    }
}

impl<T: ReferenceTypes> Clone for Reference<T> {
    fn clone(&self) -> Self {
        Reference::new(self.uri.clone())
    }
}

impl<T: ReferenceTypes> Default for Reference<T> {
    /// The empty reference, which RFC 3986 §4.4 reads as the current document.
    fn default() -> Self {
        Reference::new(String::new())
    }
}

impl<T: ReferenceTypes> PartialEq for Reference<T> {
    fn eq(&self, other: &Self) -> bool {
        self.uri == other.uri
    }
}

impl<T: ReferenceTypes> Eq for Reference<T> {}

impl<T: ReferenceTypes> PartialOrd for Reference<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: ReferenceTypes> Ord for Reference<T> {
    /// Byte order of the URI text (case-exact).
    fn cmp(&self, other: &Self) -> Ordering {
        self.uri.cmp(&other.uri)
    }
}

impl<T: ReferenceTypes> Hash for Reference<T> {
    /// Hashes the URI text as a `str` does, so that maps keyed by references can be looked
    /// up by `&str`.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.uri.hash(state);
    }
}

impl<T: ReferenceTypes> AsRef<str> for Reference<T> {
    fn as_ref(&self) -> &str {
        &self.uri
    }
}

impl<T: ReferenceTypes> Borrow<str> for Reference<T> {
    fn borrow(&self) -> &str {
        &self.uri
    }
}

impl<T: ReferenceTypes> From<Reference<T>> for String {
    fn from(reference: Reference<T>) -> Self {
        reference.uri
    }
}

impl<T: ReferenceTypes> Serialize for Reference<T> {
    /// Writes the URI as a JSON string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.uri)
    }
}

impl<'de, T: ReferenceTypes> Deserialize<'de> for Reference<T> {
    /// Reads a JSON string holding a URI reference, checked as by [`FromStr`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ReferenceVisitor(PhantomData))
    }
}

struct ReferenceVisitor<T>(PhantomData<fn() -> T>);

impl<T: ReferenceTypes> Visitor<'_> for ReferenceVisitor<T> {
    type Value = Reference<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a URI string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Reference<T>, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Reference<T>, E> {
        check(&text).map_err(E::custom)?;
        Ok(Reference::new(text))
    }
}

/// Why a text is not a [`Reference`], and where.
///
/// ```
/// use scim::value::{Reference, ReferenceErrorKind};
///
/// let error = "Users/a b".parse::<Reference>().unwrap_err();
/// assert_eq!(error.kind(), ReferenceErrorKind::InvalidCharacter { found: ' ' });
/// assert_eq!(error.offset(), 7);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceError {
    kind: ReferenceErrorKind,
    offset: usize,
}

impl ReferenceError {
    fn new(kind: ReferenceErrorKind, offset: usize) -> Self {
        ReferenceError { kind, offset }
    }

    /// What is wrong.
    pub fn kind(&self) -> ReferenceErrorKind {
        self.kind
    }

    /// The byte offset in the text where the problem is.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid reference at byte offset {}: {}",
            self.offset, self.kind
        )
    }
}

impl std::error::Error for ReferenceError {}

/// The kinds of [`ReferenceError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReferenceErrorKind {
    /// The text is longer than `max` ([`Reference::MAX_LEN`]) bytes.
    TooLong {
        /// The maximum length in bytes.
        max: usize,
    },
    /// A character that URIs do not allow here: spaces, non-ASCII characters, `"`, `<`,
    /// `\`, a second `#`, brackets outside an IP literal, ….
    InvalidCharacter {
        /// The character found.
        found: char,
    },
    /// A `%` not followed by two hexadecimal digits.
    InvalidPercentEncoding,
    /// A relative reference whose first path segment has a `:` (it would read as a scheme;
    /// RFC 3986 §4.2 suggests writing `./` in front).
    ColonInFirstSegment,
    /// A host in brackets that is neither an IPv6 address nor an `IPvFuture`, or a `[`
    /// without `]`.
    InvalidIpLiteral,
    /// A port with a character other than a digit.
    InvalidPort {
        /// The character found.
        found: char,
    },
}

impl fmt::Display for ReferenceErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReferenceErrorKind::TooLong { max } => {
                write!(f, "the text is longer than {max} bytes")
            }
            ReferenceErrorKind::InvalidCharacter { found } => {
                write!(f, "{found:?} is not allowed here in a URI")
            }
            ReferenceErrorKind::InvalidPercentEncoding => {
                f.write_str("'%' must be followed by two hexadecimal digits")
            }
            ReferenceErrorKind::ColonInFirstSegment => f.write_str(
                "the first segment of a relative path cannot contain ':' (write \"./\" before it)",
            ),
            ReferenceErrorKind::InvalidIpLiteral => {
                f.write_str("a host in brackets must be an IPv6 address or IPvFuture")
            }
            ReferenceErrorKind::InvalidPort { found } => {
                write!(f, "the port may only have digits, found {found:?}")
            }
        }
    }
}

#[cfg(test)]
mod plain_path_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The fast path accepts nothing the full check rejects.
        #[test]
        fn the_fast_path_accepts_only_what_the_full_check_accepts(
            text in "[a-zA-Z0-9:/?#\\[\\]@!$&'()*+,;=._~%-]{0,40}"
        ) {
            if is_plain_valid(text.as_bytes()) {
                prop_assert!(check_full(&text).is_ok(), "{text}");
            }
        }
    }

    #[test]
    fn common_references_take_the_fast_path() {
        for text in [
            "https://example.com/v2/Users/2819c223",
            "https://example.com:8443/v2/Groups?x=1#top",
            "../Groups/e9e30dba-f08f-4109-8486-d5c6a331660a",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "Users/123",
        ] {
            assert!(is_plain_valid(text.as_bytes()), "{text}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::text;
    use std::collections::HashSet;

    enum UserOrGroup {}

    impl ReferenceTypes for UserOrGroup {
        const TYPES: &'static [Text] = &[text("User"), text("Group")];
    }

    fn ok(text: &str) -> Reference {
        match text.parse() {
            Ok(r) => r,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    fn err(text: &str) -> ReferenceError {
        match text.parse::<Reference>() {
            Ok(r) => panic!("{text:?} should not parse, got {r:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn accepts_an_https_url() {
        assert_eq!(
            ok("https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646").as_str(),
            "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"
        );
    }

    #[test]
    fn accepts_a_urn() {
        assert!(ok("urn:ietf:params:scim:schemas:core:2.0:User").is_absolute());
    }

    #[test]
    fn accepts_a_relative_path() {
        assert!(!ok("Users/2819c223").is_absolute());
    }

    #[test]
    fn accepts_a_network_path_reference() {
        assert!(!ok("//example.com/Users/1").is_absolute());
    }

    #[test]
    fn accepts_the_empty_reference() {
        assert_eq!(ok("").as_str(), "");
    }

    #[test]
    fn accepts_a_query_and_fragment() {
        assert!(
            "https://example.com/Users?filter=userName%20eq%20%22a%22#top"
                .parse::<Reference>()
                .is_ok()
        );
    }

    #[test]
    fn accepts_userinfo_and_port() {
        assert!("https://user:pw@example.com:8443/"
            .parse::<Reference>()
            .is_ok());
    }

    #[test]
    fn accepts_an_empty_port() {
        assert!("https://example.com:/".parse::<Reference>().is_ok());
    }

    #[test]
    fn accepts_an_ipv6_host() {
        assert!("https://[2001:db8::7]:8080/Users"
            .parse::<Reference>()
            .is_ok());
    }

    #[test]
    fn accepts_an_ipv6_host_with_embedded_ipv4() {
        assert!("http://[::ffff:192.0.2.1]/".parse::<Reference>().is_ok());
    }

    #[test]
    fn accepts_an_ipvfuture_host() {
        assert!("http://[v7.fe80::a+en1]/".parse::<Reference>().is_ok());
    }

    #[test]
    fn accepts_a_colon_after_the_first_segment() {
        assert!("Users/a:b".parse::<Reference>().is_ok());
    }

    #[test]
    fn accepts_a_dot_segment_before_a_colon() {
        assert!("./a:b".parse::<Reference>().is_ok());
    }

    #[test]
    fn rejects_a_space() {
        let e = err("Users/a b");
        assert_eq!(
            (e.kind(), e.offset()),
            (ReferenceErrorKind::InvalidCharacter { found: ' ' }, 7)
        );
    }

    #[test]
    fn rejects_a_non_ascii_character() {
        assert_eq!(
            err("https://example.com/é").kind(),
            ReferenceErrorKind::InvalidCharacter { found: 'é' }
        );
    }

    #[test]
    fn rejects_a_backslash() {
        assert_eq!(
            err("https://example.com\\x").kind(),
            ReferenceErrorKind::InvalidCharacter { found: '\\' }
        );
    }

    #[test]
    fn rejects_a_second_hash() {
        let e = err("a#b#c");
        assert_eq!(
            (e.kind(), e.offset()),
            (ReferenceErrorKind::InvalidCharacter { found: '#' }, 3)
        );
    }

    #[test]
    fn rejects_brackets_in_a_path() {
        assert_eq!(
            err("Users/[1]").kind(),
            ReferenceErrorKind::InvalidCharacter { found: '[' }
        );
    }

    #[test]
    fn rejects_a_percent_without_hex_digits() {
        let e = err("Users/%zz");
        assert_eq!(
            (e.kind(), e.offset()),
            (ReferenceErrorKind::InvalidPercentEncoding, 6)
        );
    }

    #[test]
    fn rejects_a_truncated_percent_encoding() {
        assert_eq!(
            err("Users/%4").kind(),
            ReferenceErrorKind::InvalidPercentEncoding
        );
    }

    #[test]
    fn rejects_a_percent_encoding_cut_by_the_query() {
        assert_eq!(
            err("a%4?1").kind(),
            ReferenceErrorKind::InvalidPercentEncoding
        );
    }

    #[test]
    fn rejects_a_colon_in_the_first_segment_of_a_relative_path() {
        let e = err("1user:2/x");
        assert_eq!(
            (e.kind(), e.offset()),
            (ReferenceErrorKind::ColonInFirstSegment, 5)
        );
    }

    #[test]
    fn rejects_an_invalid_ipv6_host() {
        let e = err("http://[2001:db8::g]/");
        assert_eq!(
            (e.kind(), e.offset()),
            (ReferenceErrorKind::InvalidIpLiteral, 7)
        );
    }

    #[test]
    fn rejects_an_unclosed_ip_literal() {
        assert_eq!(
            err("http://[::1/").kind(),
            ReferenceErrorKind::InvalidIpLiteral
        );
    }

    #[test]
    fn rejects_text_after_an_ip_literal() {
        assert_eq!(
            err("http://[::1]x/").kind(),
            ReferenceErrorKind::InvalidCharacter { found: 'x' }
        );
    }

    #[test]
    fn rejects_a_non_numeric_port() {
        let e = err("http://example.com:80a/");
        assert_eq!(
            (e.kind(), e.offset()),
            (ReferenceErrorKind::InvalidPort { found: 'a' }, 21)
        );
    }

    #[test]
    fn rejects_a_second_at_sign_in_the_authority() {
        assert_eq!(
            err("http://a@b@c/").kind(),
            ReferenceErrorKind::InvalidCharacter { found: '@' }
        );
    }

    #[test]
    fn rejects_text_longer_than_the_maximum() {
        let text = format!(
            "https://example.com/{}",
            "a".repeat(Reference::<AnyReference>::MAX_LEN)
        );
        assert_eq!(
            err(&text).kind(),
            ReferenceErrorKind::TooLong {
                max: Reference::<AnyReference>::MAX_LEN
            }
        );
    }

    #[test]
    fn new_takes_any_text_unchecked() {
        let r: Reference = Reference::new("not a uri");
        assert_eq!(r.as_str(), "not a uri");
    }

    #[test]
    fn a_scheme_may_have_digits_plus_minus_and_dots() {
        let r: Reference = Reference::new("coap+tcp-1.0:x");
        assert!(r.is_absolute());
    }

    #[test]
    fn a_scheme_starts_with_a_letter() {
        let r: Reference = Reference::new("1http:x");
        assert!(!r.is_absolute());
    }

    #[test]
    fn a_colon_after_a_slash_is_no_scheme() {
        let r: Reference = Reference::new("Users/a:b");
        assert!(!r.is_absolute());
    }

    #[test]
    fn comparison_is_case_exact() {
        assert_ne!(ok("Users/A"), ok("users/A"));
    }

    #[test]
    fn ordering_is_byte_order() {
        assert!(ok("Users/B") < ok("Users/a"));
    }

    #[test]
    fn reference_types_come_from_the_marker() {
        let r: Reference<UserOrGroup> = Reference::new("Users/1");
        assert_eq!(r.reference_types(), ["User", "Group"]);
    }

    #[test]
    fn any_reference_declares_no_types() {
        assert!(ok("Users/1").reference_types().is_empty());
    }

    #[test]
    fn cast_keeps_the_uri() {
        let r: Reference<UserOrGroup> = ok("Groups/1").cast();
        assert_eq!(r.as_str(), "Groups/1");
    }

    #[test]
    fn traits_need_nothing_from_an_uninhabited_marker() {
        fn assert_traits<R: Clone + fmt::Debug + Eq + Ord + Hash + Default + Send + Sync>(
            r: R,
        ) -> R {
            r.clone()
        }
        let r: Reference<UserOrGroup> = Reference::new("Users/1");
        assert_eq!(assert_traits(r.clone()), r);
    }

    #[test]
    fn a_set_of_references_can_be_looked_up_by_str() {
        let set: HashSet<Reference<UserOrGroup>> =
            [Reference::new("Users/1")].into_iter().collect();
        assert!(set.contains("Users/1"));
    }

    #[test]
    fn default_is_the_empty_reference() {
        assert_eq!(Reference::<UserOrGroup>::default().as_str(), "");
    }

    #[test]
    fn debug_shows_the_uri_and_the_types() {
        let r: Reference<UserOrGroup> = Reference::new("Users/1");
        assert_eq!(
            format!("{r:?}"),
            r#"Reference { uri: "Users/1", reference_types: ["User", "Group"] }"#
        );
    }

    #[test]
    fn into_string_gives_the_uri() {
        assert_eq!(ok("Users/1").into_string(), "Users/1");
    }

    #[test]
    fn error_message_names_the_problem_and_the_offset() {
        assert_eq!(
            err("a b").to_string(),
            "invalid reference at byte offset 1: ' ' is not allowed here in a URI"
        );
    }
}
