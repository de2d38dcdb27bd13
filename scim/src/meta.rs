//! The `meta` common attribute (RFC 7643 §3.1).

use crate::value::{DateTime, Reference};
use crate::UnknownAttributes;

/// Resource metadata (RFC 7643 §3.1 `meta`). Every sub-attribute is assigned by the
/// service provider (`readOnly`); clients' values are ignored.
///
/// ```
/// let meta: scim::Meta = serde_json::from_str(
///     r#"{"resourceType": "User", "created": "2010-01-23T04:56:22Z",
///         "location": "https://example.com/v2/Users/2819c223"}"#,
/// ).unwrap();
/// assert_eq!(meta.resource_type.as_deref(), Some("User"));
/// assert_eq!(meta.created.unwrap().to_string(), "2010-01-23T04:56:22Z");
/// ```
#[derive(Clone, Debug, Default, PartialEq, crate::Complex)]
pub struct Meta {
    /// The name of the resource type of the resource (`meta.resourceType`); case-exact.
    pub resource_type: Option<String>,
    /// When the resource was added to the service provider (`meta.created`).
    pub created: Option<DateTime>,
    /// When the resource was last updated; equal to `created` if never modified
    /// (`meta.lastModified`).
    pub last_modified: Option<DateTime>,
    /// The URI of the resource; the same as the `Content-Location` HTTP header
    /// (`meta.location`).
    pub location: Option<Reference>,
    /// The version of the resource; the same as the `ETag` HTTP header, weak ones
    /// prefixed with `W/` (`meta.version`, RFC 7644 §3.14); case-exact.
    pub version: Option<String>,
    /// Sub-attributes RFC 7643 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}
