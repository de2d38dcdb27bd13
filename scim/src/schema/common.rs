//! The common attributes of every resource (RFC 7643 §3.1): `id`, `externalId`, `meta`.
//! They belong to no schema, yet every resource has them.

use super::model::{Attribute, AttributeType, Mutability, Returned, Uniqueness};
use std::borrow::Cow;

const META_SUB_ATTRIBUTES: &[Attribute] = &[
    Attribute {
        description: Some(Cow::Borrowed("The name of the resource type of the resource.")),
        case_exact: true,
        mutability: Mutability::ReadOnly,
        ..Attribute::new("resourceType", AttributeType::String)
    },
    Attribute {
        description: Some(Cow::Borrowed(
            "The DateTime that the resource was added to the service provider.",
        )),
        mutability: Mutability::ReadOnly,
        ..Attribute::new("created", AttributeType::DateTime)
    },
    Attribute {
        description: Some(Cow::Borrowed(
            "The most recent DateTime that the details of this resource were updated at the service provider.",
        )),
        mutability: Mutability::ReadOnly,
        ..Attribute::new("lastModified", AttributeType::DateTime)
    },
    Attribute {
        description: Some(Cow::Borrowed(
            "The URI of the resource being returned; the same as the Content-Location HTTP response header.",
        )),
        case_exact: true,
        mutability: Mutability::ReadOnly,
        reference_types: Cow::Borrowed(&[Cow::Borrowed("uri")]),
        ..Attribute::new("location", AttributeType::Reference)
    },
    Attribute {
        description: Some(Cow::Borrowed(
            "The version (entity-tag) of the resource being returned; the same as the ETag HTTP response header.",
        )),
        case_exact: true,
        mutability: Mutability::ReadOnly,
        ..Attribute::new("version", AttributeType::String)
    },
];

/// The common attributes of RFC 7643 §3.1 with the characteristics it gives them.
pub const COMMON_ATTRIBUTES: &[Attribute] = &[
    Attribute {
        description: Some(Cow::Borrowed(
            "A unique identifier for a SCIM resource as defined by the service provider.",
        )),
        case_exact: true,
        mutability: Mutability::ReadOnly,
        returned: Returned::Always,
        uniqueness: Uniqueness::Server,
        ..Attribute::new("id", AttributeType::String)
    },
    Attribute {
        description: Some(Cow::Borrowed(
            "A String that is an identifier for the resource as defined by the provisioning client.",
        )),
        case_exact: true,
        ..Attribute::new("externalId", AttributeType::String)
    },
    Attribute {
        description: Some(Cow::Borrowed(
            "A complex attribute containing resource metadata, assigned by the service provider.",
        )),
        mutability: Mutability::ReadOnly,
        sub_attributes: Cow::Borrowed(META_SUB_ATTRIBUTES),
        ..Attribute::new("meta", AttributeType::Complex)
    },
];
