//! The query request sent with HTTP POST (RFC 7644 §3.4.3), with the cursor of RFC 9865 §3.

use crate::UnknownAttributes;

/// A query request sent with POST to `/.search` (RFC 7644 §3.4.3,
/// `urn:ietf:params:scim:api:messages:2.0:SearchRequest`). Every attribute is optional.
///
/// ```
/// use scim::message::{SearchRequest, SortOrder};
///
/// let request: SearchRequest = serde_json::from_str(r#"{
///     "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
///     "attributes": ["displayName", "userName"],
///     "filter": "displayName sw \"smith\"",
///     "sortBy": "userName",
///     "sortOrder": "Descending",
///     "cursor": "",
///     "count": 10
/// }"#).unwrap();
/// assert_eq!(request.attributes, ["displayName", "userName"]);
/// assert_eq!(request.sort_order, Some(SortOrder::Descending));
/// assert_eq!(request.cursor.as_deref(), Some(""));
/// ```
#[derive(Clone, Debug, Default, PartialEq, crate::Message)]
#[scim(schema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest")]
pub struct SearchRequest {
    /// `attributes`: the attributes to return instead of the default set, in attribute
    /// notation (RFC 7644 §3.4.3, §3.4.2.5, §3.10).
    pub attributes: Vec<String>,
    /// `excludedAttributes`: attributes to leave out of the default set (RFC 7644 §3.4.3,
    /// §3.4.2.5).
    pub excluded_attributes: Vec<String>,
    /// `filter`: a filter expression (RFC 7644 §3.4.2.2).
    pub filter: Option<String>,
    /// `sortBy`: the attribute whose value orders the results (RFC 7644 §3.4.2.3).
    pub sort_by: Option<String>,
    /// `sortOrder`: `ascending` (the default when `sortBy` is given) or `descending`
    /// (RFC 7644 §3.4.2.3).
    pub sort_order: Option<SortOrder>,
    /// `startIndex`: the 1-based index of the first result; a value below 1 means 1
    /// (RFC 7644 §3.4.2.4). See [`SearchRequest::effective_start_index`].
    pub start_index: Option<i64>,
    /// `count`: the maximum number of results per page; a negative value means 0, and 0
    /// asks for `totalResults` only (RFC 7644 §3.4.2.4, RFC 9865 §2). See
    /// [`SearchRequest::effective_count`].
    pub count: Option<i64>,
    /// `cursor`: the `nextCursor` or `previousCursor` of an earlier page, or empty for the
    /// first page of a cursor-paged query (RFC 9865 §2, §3).
    pub cursor: Option<String>,
    /// Attributes RFC 7644 and RFC 9865 do not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl SearchRequest {
    /// A request with no parameters: every resource, default attributes, default paging.
    pub fn new() -> Self {
        SearchRequest::default()
    }

    /// The 1-based index of the first result asked for: `startIndex`, with values below
    /// 1 read as 1 and 1 when absent (RFC 7644 §3.4.2.4 Table 6).
    ///
    /// ```
    /// let mut request = scim::message::SearchRequest::new();
    /// assert_eq!(request.effective_start_index(), 1);
    /// request.start_index = Some(-5);
    /// assert_eq!(request.effective_start_index(), 1);
    /// ```
    pub fn effective_start_index(&self) -> u64 {
        self.start_index
            .and_then(|index| u64::try_from(index).ok())
            .map_or(1, |index| index.max(1))
    }

    /// The maximum number of results asked for: `count`, with negative values read as 0,
    /// or `None` when absent and the service provider chooses (RFC 7644 §3.4.2.4 Table 6,
    /// RFC 9865 §2).
    ///
    /// ```
    /// let mut request = scim::message::SearchRequest::new();
    /// assert_eq!(request.effective_count(), None);
    /// request.count = Some(-1);
    /// assert_eq!(request.effective_count(), Some(0));
    /// ```
    pub fn effective_count(&self) -> Option<u64> {
        self.count.map(|count| u64::try_from(count).unwrap_or(0))
    }
}

/// The order of sorted results, `sortOrder` (RFC 7644 §3.4.2.3). Matched
/// case-insensitively.
#[derive(Clone, Debug, PartialEq, Eq, Hash, crate::CanonicalValues)]
pub enum SortOrder {
    /// `ascending`, the default when `sortBy` is given.
    #[scim(value = "ascending")]
    Ascending,
    /// `descending`.
    #[scim(value = "descending")]
    Descending,
    /// Any other value, kept as given; RFC 7644 allows only the two above.
    #[scim(other)]
    Other(String),
}
