//! Attribute metadata that typed models carry as constant tables (RFC 7643 §2.2, §7): the
//! data the runtime reads to validate, project, filter and patch, and from which a model
//! gives back its Schema resource.

use crate::access::{ComplexAccess, DateTimeRef, Value, ValueList};
use crate::response::SerializeForm;
use crate::schema::{Attribute, AttributeType, Text};
use crate::value::{Binary, DateTime, Decimal, Reference, ReferenceTypes};

/// A Rust type that holds values of one SCIM data type (RFC 7643 §2.3). The derives read
/// it to describe a field; `Option<T>` and `Vec<T>` fields are described by `T`.
pub trait AttributeValue: SerializeForm {
    /// The SCIM data type.
    const TYPE: AttributeType;
    /// For `complex` values: the sub-attributes.
    const SUB_ATTRIBUTES: &'static [Attribute] = &[];
    /// For strings with canonical values: the values, in schema order.
    const CANONICAL_VALUES: &'static [Text] = &[];
    /// For references: the `referenceTypes`.
    const REFERENCE_TYPES: &'static [Text] = &[];

    /// The value, for the runtime to read (see [`access`](crate::access)).
    fn value(&self) -> Value<'_>;

    /// A complex value, to change; `None` for every other type.
    fn as_complex_mut(&mut self) -> Option<&mut dyn ComplexAccess> {
        None
    }
}

/// A struct whose fields are SCIM attributes: a resource, an extension or a complex value.
/// Derived by `#[derive(Resource)]`, `#[derive(Complex)]` and `#[derive(Message)]`.
pub trait Attributes {
    /// Every attribute, in field order, with all its characteristics.
    const ATTRIBUTES: &'static [Attribute];
}

macro_rules! simple_values {
    ($($rust:ty => $scim:ident, |$this:ident| $value:expr;)*) => {
        $(
            impl AttributeValue for $rust {
                const TYPE: AttributeType = AttributeType::$scim;

                fn value(&self) -> Value<'_> {
                    let $this = self;
                    $value
                }
            }
        )*
    };
}

simple_values! {
    String => String, |this| Value::String(this);
    bool => Boolean, |this| Value::Boolean(*this);
    i64 => Integer, |this| Value::Integer(*this);
    Decimal => Decimal, |this| Value::Decimal(this.as_str());
    DateTime => DateTime, |this| Value::DateTime(DateTimeRef::parsed(this));
    Binary => Binary, |this| Value::Binary(this.as_base64());
}

impl<T: ReferenceTypes> AttributeValue for Reference<T> {
    const TYPE: AttributeType = AttributeType::Reference;
    const REFERENCE_TYPES: &'static [Text] = T::TYPES;

    fn value(&self) -> Value<'_> {
        Value::Reference(self.as_str())
    }
}

/// The values of a typed multi-valued attribute.
impl<T: AttributeValue> ValueList for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }

    fn get(&self, index: usize, _: &Attribute) -> Option<Value<'_>> {
        <[T]>::get(self, index).map(T::value)
    }

    fn remove(&mut self, index: usize) {
        if index < <[T]>::len(self) {
            Vec::remove(self, index);
        }
    }

    fn complex_mut(&mut self, index: usize) -> Option<&mut dyn ComplexAccess> {
        <[T]>::get_mut(self, index).and_then(T::as_complex_mut)
    }
}
