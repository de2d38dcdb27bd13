//! The bulk request (RFC 7644 §3.7).

use crate::UnknownAttributes;
use serde_json::Value;

/// A bulk request (RFC 7644 §3.7, `urn:ietf:params:scim:api:messages:2.0:BulkRequest`):
/// many resource operations in one HTTP request.
///
/// ```
/// use scim::message::{BulkMethod, BulkRequest, BulkRequestOperation};
/// use serde_json::json;
///
/// let mut request = BulkRequest::new(vec![
///     BulkRequestOperation::new(BulkMethod::Post, "/Users")
///         .with_bulk_id("qwerty")
///         .with_data(json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "Alice"})),
///     BulkRequestOperation::new(BulkMethod::Delete, "/Users/e9025315"),
/// ]);
/// request.fail_on_errors = Some(1);
/// assert_eq!(
///     serde_json::to_value(&request).unwrap(),
///     json!({
///         "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
///         "failOnErrors": 1,
///         "Operations": [
///             {"method": "POST", "bulkId": "qwerty", "path": "/Users",
///              "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "Alice"}},
///             {"method": "DELETE", "path": "/Users/e9025315"}
///         ]
///     })
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, crate::Message)]
#[scim(schema = "urn:ietf:params:scim:api:messages:2.0:BulkRequest")]
pub struct BulkRequest {
    /// `failOnErrors`: the number of errors the service provider accepts before it stops
    /// processing and returns (RFC 7644 §3.7). Absent: it processes every operation.
    pub fail_on_errors: Option<i64>,
    /// `Operations`: the operations (RFC 7644 §3.7; REQUIRED).
    #[scim(rename = "Operations")]
    pub operations: Vec<BulkRequestOperation>,
    /// Attributes RFC 7644 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl BulkRequest {
    /// A bulk request with these operations and no `failOnErrors`.
    pub fn new(operations: Vec<BulkRequestOperation>) -> Self {
        BulkRequest {
            fail_on_errors: None,
            operations,
            unknown_attributes: UnknownAttributes::new(),
        }
    }
}

/// One operation of a bulk request (RFC 7644 §3.7 `Operations`): the HTTP request it stands
/// for.
#[derive(Clone, Debug, PartialEq, crate::Complex)]
#[scim(no_metadata)]
pub struct BulkRequestOperation {
    /// `method`: the HTTP method (RFC 7644 §3.7; REQUIRED).
    pub method: BulkMethod,
    /// `bulkId`: the client's transient identifier of the resource a POST creates, which
    /// other operations can refer to as `bulkId:<id>` (RFC 7644 §3.7, §3.7.2; REQUIRED when
    /// `method` is POST).
    pub bulk_id: Option<String>,
    /// `version`: the resource version (ETag) the operation expects (RFC 7644 §3.7, §3.14).
    pub version: Option<String>,
    /// `path`: the resource's path relative to the service provider's root, e.g. `/Users`
    /// for a POST or `/Users/<id>` otherwise (RFC 7644 §3.7; REQUIRED in a request).
    pub path: String,
    /// `data`: the body of the POST, PUT or PATCH request (RFC 7644 §3.7; REQUIRED for those
    /// methods).
    pub data: Option<Value>,
    /// Attributes RFC 7644 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl BulkRequestOperation {
    /// An operation with its required attributes, `method` and `path`.
    pub fn new(method: BulkMethod, path: impl Into<String>) -> Self {
        BulkRequestOperation {
            method,
            bulk_id: None,
            version: None,
            path: path.into(),
            data: None,
            unknown_attributes: UnknownAttributes::new(),
        }
    }

    /// The operation with `bulkId` set.
    pub fn with_bulk_id(mut self, bulk_id: impl Into<String>) -> Self {
        self.bulk_id = Some(bulk_id.into());
        self
    }

    /// The operation with `version` set.
    pub fn with_version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// The operation with `data` set.
    pub fn with_data(mut self, data: Value) -> Self {
        self.data = Some(data);
        self
    }
}

/// The HTTP method of a bulk operation (RFC 7644 §3.7 `method`). Matched
/// case-insensitively; written in upper case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, crate::CanonicalValues)]
pub enum BulkMethod {
    /// `POST`: create a resource.
    #[scim(value = "POST")]
    Post,
    /// `PUT`: replace a resource.
    #[scim(value = "PUT")]
    Put,
    /// `PATCH`: modify a resource.
    #[scim(value = "PATCH")]
    Patch,
    /// `DELETE`: delete a resource.
    #[scim(value = "DELETE")]
    Delete,
    /// Any other value, kept as given; RFC 7644 allows only the four above.
    #[scim(other)]
    Other(String),
}
