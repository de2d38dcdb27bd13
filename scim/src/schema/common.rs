//! The common attributes of every resource (RFC 7643 §3.1): `id`, `externalId`, `meta`.
//! They belong to no schema, yet every resource has them.

use super::model::{Attribute, AttributeType, Mutability, Returned, Uniqueness};
use std::borrow::Cow;

/// Characteristics that differ between the common attributes.
struct Traits {
    case_exact: bool,
    mutability: Mutability,
    returned: Returned,
    uniqueness: Uniqueness,
}

const READ_ONLY: Traits = Traits {
    case_exact: false,
    mutability: Mutability::ReadOnly,
    returned: Returned::Default,
    uniqueness: Uniqueness::None,
};

const READ_ONLY_EXACT: Traits = Traits {
    case_exact: true,
    ..READ_ONLY
};

const fn common(
    name: &'static str,
    kind: AttributeType,
    description: &'static str,
    traits: Traits,
    reference_types: &'static [Cow<'static, str>],
    sub_attributes: &'static [Attribute],
) -> Attribute {
    Attribute {
        name: Cow::Borrowed(name),
        kind,
        multi_valued: false,
        description: Some(Cow::Borrowed(description)),
        required: false,
        canonical_values: Cow::Borrowed(&[]),
        case_exact: traits.case_exact,
        mutability: traits.mutability,
        returned: traits.returned,
        uniqueness: traits.uniqueness,
        reference_types: Cow::Borrowed(reference_types),
        sub_attributes: Cow::Borrowed(sub_attributes),
    }
}

/// The common attributes of RFC 7643 §3.1 with the characteristics it gives them.
pub const COMMON_ATTRIBUTES: &[Attribute] = &[
    common(
        "id",
        AttributeType::String,
        "A unique identifier for a SCIM resource as defined by the service provider.",
        Traits {
            returned: Returned::Always,
            uniqueness: Uniqueness::Server,
            ..READ_ONLY_EXACT
        },
        &[],
        &[],
    ),
    common(
        "externalId",
        AttributeType::String,
        "A String that is an identifier for the resource as defined by the provisioning client.",
        Traits {
            case_exact: true,
            mutability: Mutability::ReadWrite,
            returned: Returned::Default,
            uniqueness: Uniqueness::None,
        },
        &[],
        &[],
    ),
    common(
        "meta",
        AttributeType::Complex,
        "A complex attribute containing resource metadata, assigned by the service provider.",
        READ_ONLY,
        &[],
        // One source of truth: the characteristics written on `scim::Meta`'s fields.
        <crate::Meta as crate::Attributes>::ATTRIBUTES,
    ),
];
