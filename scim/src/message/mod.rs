//! SCIM protocol messages (RFC 7644 §3): the JSON bodies of queries, PATCH and bulk
//! requests and their responses, with the cursor paging of RFC 9865.
//!
//! Each message is a typed struct that reads attribute names case-insensitively
//! (RFC 7643 §2.1), checks that `schemas` names its URI when present, writes `schemas`
//! back, and keeps attributes it does not define in an `unknown_attributes` field. Unassigned
//! values follow RFC 7643 §2.5: `null` reads as absent, and an absent, `null` or `[]`
//! multi-valued attribute reads as an empty list and is left out on output.
//!
//! The error message (RFC 7644 §3.12) is [`crate::Error`].
//!
//! ```
//! use scim::message::{PatchOp, PatchOpKind};
//!
//! // Microsoft Entra ID capitalises `op`; names and canonical values match in any case.
//! let patch: PatchOp = serde_json::from_str(r#"{
//!     "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
//!     "Operations": [{"op": "Replace", "path": "active", "value": false}]
//! }"#).unwrap();
//! assert_eq!(patch.operations[0].op, PatchOpKind::Replace);
//! ```

mod bulk_request;
mod bulk_response;
mod list_response;
mod patch_op;
mod search_request;

pub use bulk_request::{BulkMethod, BulkRequest, BulkRequestOperation};
pub use bulk_response::{
    BulkResponse, BulkResponseOperation, BulkStatus, BulkStatusObject, StatusCode,
};
pub use list_response::ListResponse;
pub use patch_op::{PatchOp, PatchOpKind, PatchOperation};
pub use search_request::{SearchRequest, SortOrder};

/// The URI of a query response (RFC 7644 §3.4.2): [`ListResponse`].
pub const LIST_RESPONSE: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/// The URI of a query request sent with POST (RFC 7644 §3.4.3): [`SearchRequest`].
pub const SEARCH_REQUEST: &str = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

/// The URI of a PATCH request body (RFC 7644 §3.5.2): [`PatchOp`].
pub const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// The URI of a bulk request (RFC 7644 §3.7): [`BulkRequest`].
pub const BULK_REQUEST: &str = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

/// The URI of a bulk response (RFC 7644 §3.7): [`BulkResponse`].
pub const BULK_RESPONSE: &str = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

/// The URI of an error response (RFC 7644 §3.12): [`crate::Error`].
pub const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
