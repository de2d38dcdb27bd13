//! The `meta` common attribute (RFC 7643 §3.1).

use crate::value::{DateTime, Reference, UriReference};
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
///
/// The attribute metadata of `meta`'s sub-attributes (`<Meta as scim::Attributes>::ATTRIBUTES`)
/// is the one [`COMMON_ATTRIBUTES`](crate::schema::COMMON_ATTRIBUTES) holds.
#[derive(Clone, Debug, Default, PartialEq, crate::Complex)]
pub struct Meta {
    /// The name of the resource type of the resource (`meta.resourceType`); case-exact.
    #[scim(
        case_exact,
        mutability = "readOnly",
        description = "The name of the resource type of the resource."
    )]
    pub resource_type: Option<String>,
    /// When the resource was added to the service provider (`meta.created`).
    #[scim(
        mutability = "readOnly",
        description = "The DateTime that the resource was added to the service provider."
    )]
    pub created: Option<DateTime>,
    /// When the resource was last updated; equal to `created` if never modified
    /// (`meta.lastModified`).
    #[scim(
        mutability = "readOnly",
        description = "The most recent DateTime that the details of this resource were updated at the service provider."
    )]
    pub last_modified: Option<DateTime>,
    /// The URI of the resource; the same as the `Content-Location` HTTP header
    /// (`meta.location`).
    #[scim(
        case_exact,
        mutability = "readOnly",
        description = "The URI of the resource being returned; the same as the Content-Location HTTP response header."
    )]
    pub location: Option<Reference<UriReference>>,
    /// The version of the resource; the same as the `ETag` HTTP header, weak ones
    /// prefixed with `W/` (`meta.version`, RFC 7644 §3.14); case-exact.
    #[scim(
        case_exact,
        mutability = "readOnly",
        description = "The version (entity-tag) of the resource being returned; the same as the ETag HTTP response header."
    )]
    pub version: Option<String>,
    /// Sub-attributes RFC 7643 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}
