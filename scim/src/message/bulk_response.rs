//! The bulk response (RFC 7644 §3.7, §3.7.3).

use super::BulkMethod;
use crate::error::{status_from_number, status_from_text};
use crate::UnknownAttributes;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// A bulk response (RFC 7644 §3.7, `urn:ietf:params:scim:api:messages:2.0:BulkResponse`):
/// the result of every operation the service provider processed (RFC 7644 §3.7.3).
///
/// ```
/// use scim::message::{BulkMethod, BulkResponse};
///
/// let response: BulkResponse = serde_json::from_str(r#"{
///     "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
///     "Operations": [
///         {"method": "POST", "bulkId": "qwerty", "status": {"code": "201"},
///          "location": "https://example.com/v2/Users/92b725cd"},
///         {"method": "DELETE", "status": "404",
///          "response": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
///                       "detail": "Resource does not exist.", "status": "404"}}
///     ]
/// }"#).unwrap();
/// assert_eq!(response.operations[0].status.code(), Some(201));
/// assert_eq!(response.operations[1].method, BulkMethod::Delete);
///
/// // A failed operation's response is an error message (RFC 7644 §3.12).
/// let error: scim::Error = serde_json::from_value(response.operations[1].response.clone().unwrap()).unwrap();
/// assert_eq!(error.status(), 404);
/// ```
#[derive(Clone, Debug, Default, PartialEq, crate::Message)]
#[scim(schema = "urn:ietf:params:scim:api:messages:2.0:BulkResponse")]
pub struct BulkResponse {
    /// `Operations`: one result per processed operation (RFC 7644 §3.7, §3.7.3).
    #[scim(rename = "Operations")]
    pub operations: Vec<BulkResponseOperation>,
    /// Attributes RFC 7644 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl BulkResponse {
    /// A bulk response with these results.
    pub fn new(operations: Vec<BulkResponseOperation>) -> Self {
        BulkResponse {
            operations,
            unknown_attributes: UnknownAttributes::new(),
        }
    }
}

/// The result of one bulk operation (RFC 7644 §3.7 `Operations`, §3.7.3).
#[derive(Clone, Debug, PartialEq, crate::Complex)]
#[scim(no_metadata)]
pub struct BulkResponseOperation {
    /// `method`: the HTTP method of the operation (RFC 7644 §3.7; REQUIRED).
    pub method: BulkMethod,
    /// `bulkId`: the client's identifier from the request, returned with the resource a
    /// POST created (RFC 7644 §3.7).
    pub bulk_id: Option<String>,
    /// `version`: the resource's version (ETag) after the operation (RFC 7644 §3.7).
    pub version: Option<String>,
    /// `location`: the resource endpoint URL; REQUIRED except for a failed POST
    /// (RFC 7644 §3.7, §3.7.3).
    pub location: Option<String>,
    /// `response`: the HTTP response body of the operation; for a status other than
    /// 2xx, the error message of RFC 7644 §3.12 (RFC 7644 §3.7).
    pub response: Option<Value>,
    /// `status`: the HTTP status the operation would have had as a single request
    /// (RFC 7644 §3.7, §3.7.3).
    pub status: BulkStatus,
    /// Attributes RFC 7644 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl BulkResponseOperation {
    /// A result with its required attributes, `method` and `status`.
    pub fn new(method: BulkMethod, status: BulkStatus) -> Self {
        BulkResponseOperation {
            method,
            bulk_id: None,
            version: None,
            location: None,
            response: None,
            status,
            unknown_attributes: UnknownAttributes::new(),
        }
    }

    /// The result with `bulkId` set.
    pub fn with_bulk_id(mut self, bulk_id: impl Into<String>) -> Self {
        self.bulk_id = Some(bulk_id.into());
        self
    }

    /// The result with `version` set.
    pub fn with_version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// The result with `location` set.
    pub fn with_location(mut self, location: impl Into<String>) -> Self {
        self.location = Some(location.into());
        self
    }

    /// The result with `response` set.
    pub fn with_response(mut self, response: Value) -> Self {
        self.response = Some(response);
        self
    }
}

/// The `status` of a bulk operation result (RFC 7644 §3.7, §3.7.3), in the form it was
/// written: RFC 7644 prints it both as a bare string, `"status": "201"` (§3.7.3), and as
/// an object, `"status": {"code": "201"}` (§3.7.2; §3.7.3 also names its `code` and
/// `description` attributes). Both are read and written back as they came.
///
/// ```
/// use scim::message::BulkStatus;
///
/// let bare: BulkStatus = serde_json::from_str(r#""201""#).unwrap();
/// let object: BulkStatus = serde_json::from_str(r#"{"code": "201"}"#).unwrap();
/// assert_eq!(bare.code(), Some(201));
/// assert_eq!(object.code(), Some(201));
/// assert_eq!(serde_json::to_string(&object).unwrap(), r#"{"code":"201"}"#);
/// assert_eq!(serde_json::to_string(&BulkStatus::new(204)).unwrap(), r#""204""#);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum BulkStatus {
    /// A bare status code: `"201"`, or a JSON number `201`.
    Code(StatusCode),
    /// An object: `{"code": "201"}`, maybe with a `description`.
    Object(BulkStatusObject),
}

impl BulkStatus {
    /// A bare status written as a string, the form RFC 7644 §3.7.3 prints.
    pub fn new(code: u16) -> Self {
        BulkStatus::Code(StatusCode::Text(code.to_string()))
    }

    /// The HTTP status code, if the status holds one: three digits (RFC 7231 §6).
    pub fn code(&self) -> Option<u16> {
        match self {
            BulkStatus::Code(code) => code.code(),
            BulkStatus::Object(object) => object.code.code(),
        }
    }

    /// The human-readable `description` of the object form (RFC 7644 §3.7.3), if any.
    pub fn description(&self) -> Option<&str> {
        match self {
            BulkStatus::Code(_) => None,
            BulkStatus::Object(object) => object.description.as_deref(),
        }
    }

    /// Whether the code is a 2xx success (RFC 7231 §6.3).
    pub fn is_success(&self) -> bool {
        self.code().is_some_and(|code| (200..300).contains(&code))
    }
}

impl From<u16> for BulkStatus {
    fn from(code: u16) -> Self {
        BulkStatus::new(code)
    }
}

impl Serialize for BulkStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            BulkStatus::Code(code) => code.serialize(serializer),
            BulkStatus::Object(object) => object.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for BulkStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BulkStatusVisitor;

        impl<'de> Visitor<'de> for BulkStatusVisitor {
            type Value = BulkStatus;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(
                    "a bulk operation status: a status code as a string or an integer, or an object with a `code`",
                )
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<BulkStatus, E> {
                Ok(BulkStatus::Code(StatusCode::Text(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<BulkStatus, E> {
                Ok(BulkStatus::Code(StatusCode::Text(text)))
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<BulkStatus, E> {
                StatusCodeVisitor.visit_u64(number).map(BulkStatus::Code)
            }

            fn visit_i64<E: de::Error>(self, number: i64) -> Result<BulkStatus, E> {
                StatusCodeVisitor.visit_i64(number).map(BulkStatus::Code)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<BulkStatus, A::Error> {
                BulkStatusObject::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(BulkStatus::Object)
            }
        }

        deserializer.deserialize_any(BulkStatusVisitor)
    }
}

/// The object form of a bulk operation `status` (RFC 7644 §3.7.2 example, §3.7.3).
#[derive(Clone, Debug, PartialEq, crate::Complex)]
#[scim(no_metadata)]
pub struct BulkStatusObject {
    /// `code`: the HTTP status code (RFC 7644 §3.7.3: the status MUST include it).
    pub code: StatusCode,
    /// `description`: a human-readable explanation of an error (RFC 7644 §3.7.3).
    pub description: Option<String>,
    /// Attributes RFC 7644 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl BulkStatusObject {
    /// An object status with `code` written as a string and no description.
    pub fn new(code: u16) -> Self {
        BulkStatusObject {
            code: StatusCode::Text(code.to_string()),
            description: None,
            unknown_attributes: UnknownAttributes::new(),
        }
    }
}

/// An HTTP status code as written: a JSON string, the form RFC 7644 prints (`"201"`), or a
/// JSON integer (`201`). Kept as given, so that it is written back the same way.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StatusCode {
    /// A string, kept as written even if it is not a status code.
    Text(String),
    /// An integer.
    Number(u16),
}

impl StatusCode {
    /// The status code, if the value is one: three digits (RFC 7231 §6).
    pub fn code(&self) -> Option<u16> {
        match self {
            StatusCode::Text(text) => status_from_text(text),
            StatusCode::Number(number) => status_from_number(u64::from(*number)),
        }
    }
}

impl fmt::Display for StatusCode {
    /// The value as written, without quotes.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusCode::Text(text) => formatter.write_str(text),
            StatusCode::Number(number) => write!(formatter, "{number}"),
        }
    }
}

impl Serialize for StatusCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            StatusCode::Text(text) => serializer.serialize_str(text),
            StatusCode::Number(number) => serializer.serialize_u16(*number),
        }
    }
}

impl<'de> Deserialize<'de> for StatusCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StatusCodeVisitor)
    }
}

struct StatusCodeVisitor;

impl Visitor<'_> for StatusCodeVisitor {
    type Value = StatusCode;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an HTTP status code as a string or an integer")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<StatusCode, E> {
        Ok(StatusCode::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<StatusCode, E> {
        Ok(StatusCode::Text(text))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<StatusCode, E> {
        u16::try_from(number)
            .map(StatusCode::Number)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(number), &self))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<StatusCode, E> {
        u16::try_from(number)
            .map(StatusCode::Number)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(number), &self))
    }
}
