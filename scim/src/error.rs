//! The SCIM error response (RFC 7644 §3.12): the value a service provider returns when a
//! request fails, and the value a client reads from the body of a failed response.

use crate::message::ERROR;
use crate::resource::SchemaList;
use crate::{CanonicalValues, Message, UnknownAttributes};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;

/// A SCIM error (RFC 7644 §3.12): an HTTP status code, an optional detail error keyword
/// ([`ScimType`]) and an optional human-readable detail.
///
/// On the wire it is a message with the schema
/// `urn:ietf:params:scim:api:messages:2.0:Error`. `status` is written as a JSON string, as
/// §3.12 requires; on input a JSON integer is accepted too, since services send both.
/// Attribute names match case-insensitively (RFC 7643 §2.1), and attributes RFC 7644 does
/// not define are kept and written back.
///
/// ```
/// use scim::{Error, ScimType};
///
/// let error = Error::invalid_value("expected a string").at("emails[1].value");
/// assert_eq!(error.status(), 400);
/// assert_eq!(error.scim_type(), Some(&ScimType::InvalidValue));
/// assert_eq!(error.to_string(), "400 invalidValue: emails[1].value: expected a string");
/// assert_eq!(
///     serde_json::to_value(&error).unwrap(),
///     serde_json::json!({
///         "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
///         "status": "400",
///         "scimType": "invalidValue",
///         "detail": "emails[1].value: expected a string"
///     })
/// );
///
/// let read: Error = serde_json::from_str(
///     r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": 404}"#,
/// )
/// .unwrap();
/// assert_eq!(read, Error::new(404, None, None));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    status: u16,
    scim_type: Option<ScimType>,
    detail: Option<String>,
    unknown_attributes: UnknownAttributes,
}

/// A SCIM detail error keyword, the `scimType` of an [`Error`]: RFC 7644 §3.12 Table 9 and
/// RFC 9865 §2.1 Table 3. Matched case-insensitively; written in the RFC's spelling.
///
/// Both tables define their keywords for 400 (Bad Request) responses; RFC 7644 §3.3 and
/// §7.5.2 give `uniqueness` and `sensitive` other statuses. [`default_status`] returns the
/// status each keyword is used with.
///
/// [`default_status`]: ScimType::default_status
///
/// ```
/// use scim::ScimType;
///
/// assert_eq!("INVALIDVALUE".parse::<ScimType>(), Ok(ScimType::InvalidValue));
/// assert_eq!(ScimType::Uniqueness.to_string(), "uniqueness");
/// assert_eq!(ScimType::Uniqueness.default_status(), 409);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, CanonicalValues)]
pub enum ScimType {
    /// `invalidFilter` (RFC 7644 Table 9): the filter syntax was invalid, or the attribute
    /// and comparison combination is not supported. Status 400.
    #[scim(value = "invalidFilter")]
    InvalidFilter,
    /// `tooMany` (RFC 7644 Table 9, §3.4.2.1): the filter yields many more results than the
    /// server is willing to calculate or process. Status 400.
    #[scim(value = "tooMany")]
    TooMany,
    /// `uniqueness` (RFC 7644 Table 9): one or more attribute values are already in use or
    /// reserved. Status 409 (Conflict), as RFC 7644 §3.3 requires for a duplicate.
    #[scim(value = "uniqueness")]
    Uniqueness,
    /// `mutability` (RFC 7644 Table 9): the modification is not compatible with the target
    /// attribute's mutability or current state. Status 400.
    #[scim(value = "mutability")]
    Mutability,
    /// `invalidSyntax` (RFC 7644 Table 9): the request body was invalid or did not conform
    /// to the request schema. Status 400.
    #[scim(value = "invalidSyntax")]
    InvalidSyntax,
    /// `invalidPath` (RFC 7644 Table 9): the PATCH `path` was invalid or malformed
    /// (§3.5.2 Figure 7). Status 400.
    #[scim(value = "invalidPath")]
    InvalidPath,
    /// `noTarget` (RFC 7644 Table 9): the PATCH `path` did not yield an attribute or value
    /// that could be operated on, e.g. its filter matched nothing. Status 400.
    #[scim(value = "noTarget")]
    NoTarget,
    /// `invalidValue` (RFC 7644 Table 9): a required value was missing, or a value was not
    /// compatible with the operation, the attribute type or the resource schema. Status 400.
    #[scim(value = "invalidValue")]
    InvalidValue,
    /// `invalidVers` (RFC 7644 Table 9): the SCIM protocol version is not supported
    /// (§3.13). Status 400.
    #[scim(value = "invalidVers")]
    InvalidVers,
    /// `sensitive` (RFC 7644 Table 9): the request cannot be completed because it passes
    /// sensitive information in the request URI. Status 403 (Forbidden), as RFC 7644 §7.5.2
    /// recommends.
    #[scim(value = "sensitive")]
    Sensitive,
    /// `invalidCursor` (RFC 9865 Table 3): the cursor value is invalid. Status 400.
    #[scim(value = "invalidCursor")]
    InvalidCursor,
    /// `expiredCursor` (RFC 9865 Table 3): the cursor has expired. Status 400.
    #[scim(value = "expiredCursor")]
    ExpiredCursor,
    /// `invalidCount` (RFC 9865 Table 3): the `count` value is invalid: not between 0 and
    /// the service provider's maximum page size, or not the count of the initial query.
    /// Status 400.
    #[scim(value = "invalidCount")]
    InvalidCount,
    /// Any other keyword, kept as given.
    #[scim(other)]
    Other(String),
}

impl ScimType {
    /// The HTTP status an error with this keyword is returned with: 409 for `uniqueness`
    /// (RFC 7644 §3.3), 403 for `sensitive` (RFC 7644 §7.5.2), and 400 for every other
    /// keyword, including unknown ones (RFC 7644 §3.12 and RFC 9865 §2.1 define detail error
    /// keywords for 400 responses).
    pub fn default_status(&self) -> u16 {
        match self {
            ScimType::Uniqueness => 409,
            ScimType::Sensitive => 403,
            _ => 400,
        }
    }
}

impl Error {
    /// An error with the given HTTP status, detail error keyword and detail.
    ///
    /// `status` should be an HTTP status code, three digits (RFC 7231 §6); others are
    /// written as given but are not read back.
    pub fn new(status: u16, scim_type: Option<ScimType>, detail: Option<String>) -> Self {
        Error {
            status,
            scim_type,
            detail,
            unknown_attributes: UnknownAttributes::new(),
        }
    }

    /// An error with `scim_type`, its [default status](ScimType::default_status) and
    /// `detail`.
    fn keyword(scim_type: ScimType, detail: impl Into<String>) -> Self {
        Error::new(
            scim_type.default_status(),
            Some(scim_type),
            Some(detail.into()),
        )
    }

    /// An error with a status, no detail error keyword and `detail`.
    fn plain(status: u16, detail: impl Into<String>) -> Self {
        Error::new(status, None, Some(detail.into()))
    }

    /// 400 `invalidFilter`: the filter is invalid or not supported (RFC 7644 Table 9).
    pub fn invalid_filter(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::InvalidFilter, detail)
    }

    /// 400 `tooMany`: the filter yields more results than the server will process
    /// (RFC 7644 Table 9, §3.4.2.1).
    pub fn too_many(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::TooMany, detail)
    }

    /// 409 `uniqueness`: a value is already in use or reserved (RFC 7644 Table 9, §3.3).
    pub fn uniqueness(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::Uniqueness, detail)
    }

    /// 400 `mutability`: the change conflicts with an attribute's mutability
    /// (RFC 7644 Table 9).
    pub fn mutability(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::Mutability, detail)
    }

    /// 400 `invalidSyntax`: the request body is not valid or does not follow its schema
    /// (RFC 7644 Table 9).
    pub fn invalid_syntax(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::InvalidSyntax, detail)
    }

    /// 400 `invalidPath`: the PATCH `path` is invalid or malformed (RFC 7644 Table 9).
    pub fn invalid_path(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::InvalidPath, detail)
    }

    /// 400 `noTarget`: the PATCH `path` selects nothing to operate on (RFC 7644 Table 9).
    pub fn no_target(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::NoTarget, detail)
    }

    /// 400 `invalidValue`: a required value is missing or a value does not fit the
    /// operation, attribute type or schema (RFC 7644 Table 9).
    pub fn invalid_value(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::InvalidValue, detail)
    }

    /// 400 `invalidVers`: the SCIM protocol version is not supported (RFC 7644 Table 9,
    /// §3.13).
    pub fn invalid_vers(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::InvalidVers, detail)
    }

    /// 403 `sensitive`: sensitive information was passed in the request URI
    /// (RFC 7644 Table 9, §7.5.2).
    pub fn sensitive(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::Sensitive, detail)
    }

    /// 400 `invalidCursor`: the cursor value is invalid (RFC 9865 §2.1).
    pub fn invalid_cursor(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::InvalidCursor, detail)
    }

    /// 400 `expiredCursor`: the cursor has expired (RFC 9865 §2.1).
    pub fn expired_cursor(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::ExpiredCursor, detail)
    }

    /// 400 `invalidCount`: the `count` value is invalid (RFC 9865 §2.1).
    pub fn invalid_count(detail: impl Into<String>) -> Self {
        Error::keyword(ScimType::InvalidCount, detail)
    }

    /// 401 (Unauthorized): the authorization header is invalid or missing
    /// (RFC 7644 §3.12 Table 8).
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Error::plain(401, detail)
    }

    /// 403 (Forbidden): the operation is not permitted with the supplied authorization
    /// (RFC 7644 §3.12 Table 8).
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Error::plain(403, detail)
    }

    /// 404 (Not Found): the resource or endpoint does not exist (RFC 7644 §3.12 Table 8).
    pub fn not_found(detail: impl Into<String>) -> Self {
        Error::plain(404, detail)
    }

    /// 409 (Conflict): the version does not match the resource's latest version, or the
    /// service provider refused to create a duplicate (RFC 7644 §3.12 Table 8). For a
    /// duplicate value, [`uniqueness`](Error::uniqueness) adds the keyword §3.3 asks for.
    pub fn conflict(detail: impl Into<String>) -> Self {
        Error::plain(409, detail)
    }

    /// 412 (Precondition Failed): the resource changed on the server (RFC 7644 §3.12
    /// Table 8, §3.14).
    pub fn precondition_failed(detail: impl Into<String>) -> Self {
        Error::plain(412, detail)
    }

    /// 413 (Payload Too Large): a bulk request exceeds `maxOperations` or `maxPayloadSize`
    /// (RFC 7644 §3.12 Table 8, §3.7.4).
    pub fn payload_too_large(detail: impl Into<String>) -> Self {
        Error::plain(413, detail)
    }

    /// 500 (Internal Server Error) (RFC 7644 §3.12 Table 8).
    pub fn internal(detail: impl Into<String>) -> Self {
        Error::plain(500, detail)
    }

    /// 501 (Not Implemented): the service provider does not support the operation, e.g.
    /// PATCH (RFC 7644 §3.12 Table 8).
    pub fn not_implemented(detail: impl Into<String>) -> Self {
        Error::plain(501, detail)
    }

    /// The error with its detail prefixed by the attribute path it concerns, as in
    /// `emails[1].value: expected a string` (RFC 7644 §3.10 attribute notation). Without a
    /// detail, the path becomes the detail.
    ///
    /// ```
    /// let error = scim::Error::invalid_value("expected a string").at("emails[1].value");
    /// assert_eq!(error.detail(), Some("emails[1].value: expected a string"));
    /// ```
    pub fn at(mut self, path: impl fmt::Display) -> Self {
        self.detail = Some(match self.detail.take() {
            Some(detail) => format!("{path}: {detail}"),
            None => path.to_string(),
        });
        self
    }

    /// The error with `detail` as its detail, replacing any other.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// The HTTP status code (RFC 7644 §3.12 `status`).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The detail error keyword, if any (RFC 7644 §3.12 `scimType`).
    pub fn scim_type(&self) -> Option<&ScimType> {
        self.scim_type.as_ref()
    }

    /// The human-readable detail, if any (RFC 7644 §3.12 `detail`).
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// Attributes RFC 7644 §3.12 does not define, kept from input.
    pub fn unknown_attributes(&self) -> &UnknownAttributes {
        &self.unknown_attributes
    }

    /// The attributes RFC 7644 §3.12 does not define, to change.
    pub fn unknown_attributes_mut(&mut self) -> &mut UnknownAttributes {
        &mut self.unknown_attributes
    }
}

impl fmt::Display for Error {
    /// `400 invalidValue: detail`; the keyword and the detail only when present.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.status)?;
        if let Some(scim_type) = &self.scim_type {
            write!(formatter, " {scim_type}")?;
        }
        if let Some(detail) = &self.detail {
            write!(formatter, ": {detail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl Message for Error {
    const SCHEMA: &'static str = ERROR;
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let count = 2
            + usize::from(self.scim_type.is_some())
            + usize::from(self.detail.is_some())
            + self.unknown_attributes.len();
        let mut map = serializer.serialize_map(Some(count))?;
        map.serialize_entry(
            "schemas",
            &SchemaList::new(ERROR, &[], Some(&self.unknown_attributes)),
        )?;
        map.serialize_entry("status", &HttpStatus(self.status))?;
        if let Some(scim_type) = &self.scim_type {
            map.serialize_entry("scimType", scim_type)?;
        }
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        for (name, value) in self.unknown_attributes.iter() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Error {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = ErrorWire::deserialize(deserializer)?;
        Ok(Error {
            status: wire.status.0,
            scim_type: wire.scim_type,
            detail: wire.detail,
            unknown_attributes: wire.unknown_attributes,
        })
    }
}

/// The error as read: the derive gives case-insensitive names, the `schemas` check and
/// the unknown attributes.
#[derive(crate::Message)]
#[scim(schema = "urn:ietf:params:scim:api:messages:2.0:Error")]
struct ErrorWire {
    status: HttpStatus,
    scim_type: Option<ScimType>,
    detail: Option<String>,
    #[scim(unknown)]
    unknown_attributes: UnknownAttributes,
}

/// An HTTP status code: written as a JSON string (RFC 7644 §3.12), read from a string or
/// an integer.
struct HttpStatus(u16);

impl Serialize for HttpStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for HttpStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;

        impl Visitor<'_> for StatusVisitor {
            type Value = HttpStatus;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("an HTTP status code, three digits, as a string or an integer")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<HttpStatus, E> {
                status_from_text(text)
                    .map(HttpStatus)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<HttpStatus, E> {
                status_from_number(number)
                    .map(HttpStatus)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Unsigned(number), &self))
            }

            fn visit_i64<E: de::Error>(self, number: i64) -> Result<HttpStatus, E> {
                u64::try_from(number)
                    .ok()
                    .and_then(status_from_number)
                    .map(HttpStatus)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Signed(number), &self))
            }
        }

        deserializer.deserialize_any(StatusVisitor)
    }
}

/// The status code written in `text`: exactly three ASCII digits, 100 to 999
/// (RFC 7231 §6: a three-digit integer).
pub(crate) fn status_from_text(text: &str) -> Option<u16> {
    if text.len() == 3 && text.bytes().all(|byte| byte.is_ascii_digit()) {
        text.parse().ok().and_then(status_from_number)
    } else {
        None
    }
}

/// `number` as a status code if it has three digits (RFC 7231 §6).
pub(crate) fn status_from_number(number: u64) -> Option<u16> {
    u16::try_from(number)
        .ok()
        .filter(|code| (100..=999).contains(code))
}
