//! Support for the code the derives emit. Not a public API: it changes without notice.

use serde::de::{Deserialize, Deserializer, Error, SeqAccess, Visitor};
use std::fmt;

pub use crate::access::{ComplexAccess, ResourceAccess, Slot, Value, ValueList, Values, ValuesMut};
pub use crate::describe::{AttributeValue, Attributes};
pub use crate::filter::checked::{
    after_error as checked_after_error, check as check_filter, wrap as checked, Literal, Path,
    Term, Test,
};
pub use crate::resource::{CanonicalValue, Extension, Message, Resource, SchemaList};
pub use crate::response::{is_extension_object, Form, InForm, SerializeForm};
pub use crate::schema::{
    self, text, Attribute, AttributeType, Mutability, Returned, Schema, Uniqueness,
};
pub use crate::unknown::UnknownAttributes;
pub use scim_derive::checked_filter;
pub use serde;
pub use std::borrow::Cow;
pub use std::option::Option::{None, Some};
/// An unknown attribute's value, kept as the JSON text it was read from.
pub type RawJson = Box<serde_json::value::RawValue>;
pub use std::boxed::Box;
pub use std::string::String;
pub use std::vec::Vec;

/// An attribute name read from input, borrowed when the input allows it.
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The name as written.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("an attribute name")
            }

            fn visit_borrowed_str<E: Error>(self, text: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(text)))
            }

            fn visit_str<E: Error>(self, text: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: Error>(self, text: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(text)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The position of `name` in `names`, ignoring ASCII case (RFC 7643 §2.1).
pub fn find_ignore_case(name: &str, names: &[&str]) -> Option<usize> {
    names
        .iter()
        .position(|candidate| candidate.eq_ignore_ascii_case(name))
}

/// The position in `names` of `key` written with the core schema's URI as prefix
/// (`urn:ietf:params:scim:schemas:core:2.0:User:userName`, RFC 7644 §3.10), ignoring
/// ASCII case: the attribute the key names, never an unknown one.
pub fn find_qualified(key: &str, schema: &str, names: &[&str]) -> Option<usize> {
    let prefix = key.get(..schema.len())?;
    let rest = key.get(schema.len()..)?.strip_prefix(':')?;
    if !prefix.eq_ignore_ascii_case(schema) {
        return None;
    }
    find_ignore_case(rest, names)
}

/// The error for an attribute given twice, possibly in different case.
pub fn duplicate_attribute<E: Error>(name: &str) -> E {
    E::custom(format_args!(
        "attribute `{name}` is given more than once (names compare case-insensitively, RFC 7643 §2.1)"
    ))
}

/// The error for an attribute the model does not define.
pub fn unknown_attribute<E: Error>(name: &str) -> E {
    E::custom(format_args!("unknown attribute `{name}`"))
}

/// The `schemas` attribute as read from input.
pub struct SchemaUris<'de>(Vec<Key<'de>>);

impl SchemaUris<'_> {
    /// Checks that the core schema is named and that no URI repeats (RFC 7643 §3).
    pub fn require<E: Error>(&self, core: &str) -> Result<(), E> {
        if let Some(uri) = crate::names::first_repeat(self.0.iter().map(Key::as_str)) {
            return Err(E::custom(format_args!(
                "`schemas` lists `{uri}` more than once (RFC 7643 §3)"
            )));
        }
        if self
            .0
            .iter()
            .any(|uri| uri.as_str().eq_ignore_ascii_case(core))
        {
            Ok(())
        } else {
            Err(E::custom(format_args!(
                "`schemas` does not name the resource's schema `{core}` (RFC 7643 §3)"
            )))
        }
    }
}

impl<'de> Deserialize<'de> for SchemaUris<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct UrisVisitor;

        impl<'de> Visitor<'de> for UrisVisitor {
            type Value = SchemaUris<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("an array of schema URIs")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut uris = Vec::with_capacity(seq.size_hint().unwrap_or(2).min(16));
                while let Some(uri) = seq.next_element::<Key<'de>>()? {
                    uris.push(uri);
                }
                Ok(SchemaUris(uris))
            }
        }

        deserializer.deserialize_seq(UrisVisitor)
    }
}
