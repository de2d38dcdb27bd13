//! The query response (RFC 7644 §3.4.2), with the cursor paging of RFC 9865 §2.

use crate::UnknownAttributes;

/// A query response (RFC 7644 §3.4.2, `urn:ietf:params:scim:api:messages:2.0:ListResponse`):
/// one page of resources and the paging attributes of RFC 7644 §3.4.2.4 and RFC 9865 §2.
///
/// `T` is the resource type: a typed resource, or `serde_json::Value` for any.
///
/// ```
/// use scim::message::ListResponse;
/// use serde_json::{json, Value};
///
/// let page: ListResponse<Value> = serde_json::from_value(json!({
///     "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
///     "totalResults": 100,
///     "itemsPerPage": 1,
///     "nextCursor": "VZUTiyhEQJ94IR",
///     "Resources": [{"id": "2819c223", "userName": "bjensen"}]
/// }))
/// .unwrap();
/// assert_eq!(page.total_results, Some(100));
/// assert_eq!(page.next_cursor.as_deref(), Some("VZUTiyhEQJ94IR"));
///
/// let empty = ListResponse::<Value>::new(0, Vec::new());
/// assert_eq!(
///     serde_json::to_value(&empty).unwrap(),
///     json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 0})
/// );
/// ```
#[derive(Clone, Debug, PartialEq, crate::Message)]
#[scim(schema = "urn:ietf:params:scim:api:messages:2.0:ListResponse")]
pub struct ListResponse<T> {
    /// `totalResults`: the number of results of the whole query, which may exceed the
    /// resources on this page (RFC 7644 §3.4.2, REQUIRED there). RFC 9865 §2 lets a
    /// service provider using cursors omit it when it cannot estimate it, hence `Option`.
    pub total_results: Option<i64>,
    /// `Resources`: the resources on this page (RFC 7644 §3.4.2; REQUIRED if
    /// `totalResults` is not zero).
    #[scim(rename = "Resources")]
    pub resources: Vec<T>,
    /// `startIndex`: the 1-based index of the first result on this page (RFC 7644
    /// §3.4.2.4; REQUIRED when a page is partial).
    pub start_index: Option<i64>,
    /// `itemsPerPage`: the number of resources on this page (RFC 7644 §3.4.2.4; REQUIRED
    /// when a page is partial).
    pub items_per_page: Option<i64>,
    /// `nextCursor`: the cursor for the next page; absent only on the last page
    /// (RFC 9865 §2).
    pub next_cursor: Option<String>,
    /// `previousCursor`: the cursor for the previous page; never on the first page
    /// (RFC 9865 §2).
    pub previous_cursor: Option<String>,
    /// Attributes RFC 7644 and RFC 9865 do not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl<T> ListResponse<T> {
    /// A response with `totalResults` and the resources of the page; no paging attributes.
    pub fn new(total_results: i64, resources: Vec<T>) -> Self {
        ListResponse {
            total_results: Some(total_results),
            resources,
            start_index: None,
            items_per_page: None,
            next_cursor: None,
            previous_cursor: None,
            unknown_attributes: UnknownAttributes::new(),
        }
    }
}
