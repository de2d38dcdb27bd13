//! Attribute metadata that typed models carry as constant tables (RFC 7643 §2.2, §7): the
//! data the runtime reads to validate, project, filter and patch, and from which a model
//! gives back its Schema resource.

use crate::schema::{Attribute, AttributeType, Text};
use crate::value::{Binary, DateTime, Decimal, Reference, ReferenceTypes};

/// A Rust type that holds values of one SCIM data type (RFC 7643 §2.3). The derives read
/// it to describe a field; `Option<T>` and `Vec<T>` fields are described by `T`.
pub trait AttributeValue {
    /// The SCIM data type.
    const TYPE: AttributeType;
    /// For `complex` values: the sub-attributes.
    const SUB_ATTRIBUTES: &'static [Attribute] = &[];
    /// For strings with canonical values: the values, in schema order.
    const CANONICAL_VALUES: &'static [Text] = &[];
    /// For references: the `referenceTypes`.
    const REFERENCE_TYPES: &'static [Text] = &[];
}

/// A struct whose fields are SCIM attributes: a resource, an extension or a complex value.
/// Derived by `#[derive(Resource)]`, `#[derive(Complex)]` and `#[derive(Message)]`.
pub trait Attributes {
    /// Every attribute, in field order, with all its characteristics.
    const ATTRIBUTES: &'static [Attribute];
}

macro_rules! simple_values {
    ($($rust:ty => $scim:ident,)*) => {
        $(
            impl AttributeValue for $rust {
                const TYPE: AttributeType = AttributeType::$scim;
            }
        )*
    };
}

simple_values! {
    String => String,
    bool => Boolean,
    i64 => Integer,
    Decimal => Decimal,
    DateTime => DateTime,
    Binary => Binary,
}

impl<T: ReferenceTypes> AttributeValue for Reference<T> {
    const TYPE: AttributeType = AttributeType::Reference;
    const REFERENCE_TYPES: &'static [Text] = T::TYPES;
}
