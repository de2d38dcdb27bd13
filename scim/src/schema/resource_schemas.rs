//! The schemas of one resource type: the shape against which filters, sort keys,
//! projections and request checks resolve attribute paths, for typed and generic
//! resources alike.

use super::common::COMMON_ATTRIBUTES;
use super::model::{Attribute, Schema};
use crate::access::Slot;

/// The schemas that describe one resource: its core schema and its extensions. Either
/// may be absent, in which case every attribute gets the RFC 7643 §2.2 defaults.
///
/// A typed resource gives its own with
/// [`Resource::resource_schemas`](crate::Resource::resource_schemas).
#[derive(Clone, Copy, Debug, Default)]
pub struct ResourceSchemas<'a> {
    core: Option<&'a Schema>,
    extensions: &'a [Schema],
}

/// An attribute found in a [`ResourceSchemas`]: where it lives, its index there (see
/// [`access`](crate::access) for the numbering) and its definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    /// The core schema or the extension that defines it.
    pub slot: Slot<'a>,
    /// Its index in that schema.
    pub index: usize,
    /// Its definition.
    pub attribute: &'a Attribute,
}

impl<'a> ResourceSchemas<'a> {
    /// A resource with core schema `core` and the given extension schemas.
    pub fn new(core: &'a Schema, extensions: &'a [Schema]) -> Self {
        ResourceSchemas {
            core: Some(core),
            extensions,
        }
    }

    /// No schemas at all: every attribute is unknown and kept as it is.
    pub fn schemaless() -> Self {
        ResourceSchemas::default()
    }

    /// The core schema, if known.
    pub fn core(&self) -> Option<&'a Schema> {
        self.core
    }

    /// The extension schemas, in order.
    pub fn extensions(&self) -> &'a [Schema] {
        self.extensions
    }

    /// The extension schema whose URI is `uri`, compared case-insensitively.
    pub fn extension(&self, uri: &str) -> Option<&'a Schema> {
        self.extensions
            .iter()
            .find(|schema| schema.id.eq_ignore_ascii_case(uri))
    }

    /// The extension schema `uri` with its slot.
    pub fn extension_slot(&self, uri: &str) -> Option<(Slot<'a>, &'a Schema)> {
        self.extensions
            .iter()
            .enumerate()
            .find(|(_, schema)| schema.id.eq_ignore_ascii_case(uri))
            .map(|(index, schema)| {
                let slot = Slot::Extension {
                    index,
                    uri: &schema.id,
                };
                (slot, schema)
            })
    }

    /// The attributes of `slot`, in index order: for the core, the common attributes
    /// then the core schema's. A common attribute that the core schema defines itself is
    /// left out, the schema's definition standing for it (the ResourceType and Schema
    /// schemas of RFC 7643 §8.7.2 define their own `id`), as typed and generic resources
    /// read it.
    pub fn attributes(&self, slot: Slot<'_>) -> impl Iterator<Item = Found<'a>> + 'a {
        let core = self.core;
        let (common, own, slot): (&'a [Attribute], &'a [Attribute], Slot<'a>) = match slot {
            Slot::Core => (
                COMMON_ATTRIBUTES,
                self.core.map_or(&[][..], |core| &core.attributes[..]),
                Slot::Core,
            ),
            Slot::Extension { index, .. } => match self.extensions.get(index) {
                Some(schema) => (
                    &[][..],
                    &schema.attributes[..],
                    Slot::Extension {
                        index,
                        uri: &schema.id,
                    },
                ),
                None => (&[][..], &[][..], Slot::Core),
            },
        };
        common
            .iter()
            .chain(own)
            .enumerate()
            .filter(move |(index, attribute)| {
                *index >= common.len()
                    || core
                        .and_then(|core| core.attribute(&attribute.name))
                        .is_none()
            })
            .map(move |(index, attribute)| Found {
                slot,
                index,
                attribute,
            })
    }

    /// The attribute `name` (case-insensitive, RFC 7643 §2.1) of the schema `uri`, or of
    /// the core schema and the common attributes when `uri` is `None`.
    pub fn find(&self, uri: Option<&str>, name: &str) -> Option<Found<'a>> {
        let slot = match uri {
            None => Slot::Core,
            Some(uri) => match self.core {
                Some(core) if core.id.eq_ignore_ascii_case(uri) => Slot::Core,
                _ => self.extension_slot(uri)?.0,
            },
        };
        self.attributes(slot)
            .find(|found| found.attribute.name.eq_ignore_ascii_case(name))
    }

    /// Every slot: the core, then each extension.
    pub fn slots(&self) -> impl Iterator<Item = Slot<'a>> + 'a {
        let extensions =
            self.extensions
                .iter()
                .enumerate()
                .map(|(index, schema)| Slot::Extension {
                    index,
                    uri: &schema.id,
                });
        std::iter::once(Slot::Core).chain(extensions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{EnterpriseUser, User};
    use crate::{Extension, Resource};

    #[test]
    fn core_indices_start_after_the_common_attributes() {
        let schemas = User::resource_schemas();
        let id = schemas.find(None, "ID").unwrap();
        assert_eq!((id.slot, id.index), (Slot::Core, 0));
        let user_name = schemas.find(None, "username").unwrap();
        assert_eq!(user_name.index, 3);
        assert_eq!(user_name.attribute.name, "userName");
        let qualified = schemas
            .find(
                Some("urn:ietf:params:scim:schemas:core:2.0:user"),
                "userName",
            )
            .unwrap();
        assert_eq!(qualified, user_name);
    }

    #[test]
    fn extension_attributes_are_found_by_their_schema_uri() {
        let schemas = User::resource_schemas();
        let found = schemas
            .find(Some(EnterpriseUser::SCHEMA), "employeeNumber")
            .unwrap();
        assert_eq!(found.index, 0);
        assert!(matches!(found.slot, Slot::Extension { index: 0, .. }));
        assert!(schemas.find(None, "employeeNumber").is_none());
        assert!(schemas
            .find(Some("urn:example:other"), "userName")
            .is_none());
    }

    #[test]
    fn a_core_schema_s_own_id_stands_for_the_common_one() {
        use crate::models::ResourceType;
        let schemas = ResourceType::resource_schemas();
        let id = schemas.find(None, "id").unwrap();
        assert!(id.index >= 3);
        assert_eq!(
            schemas
                .attributes(Slot::Core)
                .filter(|f| f.attribute.name == "id")
                .count(),
            1
        );
    }

    #[test]
    fn schemaless_knows_only_the_common_attributes() {
        let schemas = ResourceSchemas::schemaless();
        assert!(schemas.find(None, "meta").is_some());
        assert!(schemas.find(None, "userName").is_none());
    }
}
