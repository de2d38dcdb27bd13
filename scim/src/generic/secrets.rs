//! The attributes of a generic resource that its plain `Serialize` leaves out: those that
//! are never returned (RFC 7643 §7 `returned: never`, `writeOnly`), as the typed models'
//! safe form does.

use super::Json;
use crate::access::Slot;
use crate::response::{Form, SerializeForm};
use crate::schema::{Attribute, ResourceSchemas};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// The secret attributes of one object (the resource, an extension object or a complex
/// value), by name, and of the objects below it.
#[derive(Clone, Debug, Default)]
pub(super) struct Secrets {
    /// Attributes never written.
    names: Vec<String>,
    /// Attributes (complex values, extension objects) whose own members hide secrets.
    inner: Vec<(String, Secrets)>,
}

impl Secrets {
    /// The secrets `schemas` define for a resource.
    pub(super) fn of(schemas: ResourceSchemas<'_>) -> Secrets {
        let mut secrets = Secrets::default();
        for slot in schemas.slots() {
            let attributes = schemas.attributes(slot).map(|found| found.attribute);
            match slot {
                Slot::Core => secrets.add(attributes),
                Slot::Extension { uri, .. } => {
                    let mut extension = Secrets::default();
                    extension.add(attributes);
                    if !extension.is_empty() {
                        secrets.inner.push((uri.to_owned(), extension));
                    }
                }
            }
        }
        secrets
    }

    fn add<'a>(&mut self, attributes: impl Iterator<Item = &'a Attribute>) {
        for attribute in attributes {
            if attribute.is_never_returned() {
                self.names.push(attribute.name.to_string());
                continue;
            }
            let mut subs = Secrets::default();
            subs.add(attribute.sub_attributes.iter());
            if !subs.is_empty() {
                self.inner.push((attribute.name.to_string(), subs));
            }
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.names.is_empty() && self.inner.is_empty()
    }

    fn hides(&self, name: &str) -> bool {
        self.names
            .iter()
            .any(|secret| secret.eq_ignore_ascii_case(name))
    }

    fn below(&self, name: &str) -> Option<&Secrets> {
        self.inner
            .iter()
            .find(|(parent, _)| parent.eq_ignore_ascii_case(name))
            .map(|(_, secrets)| secrets)
    }
}

/// Members written without the secrets of `secrets`.
pub(super) struct Hiding<'a> {
    pub(super) members: &'a [(String, Json)],
    pub(super) secrets: &'a Secrets,
}

impl Serialize for Hiding<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let shown = || {
            self.members
                .iter()
                .filter(|(name, _)| !self.secrets.hides(name))
        };
        let mut map = serializer.serialize_map(Some(shown().count()))?;
        for (name, value) in shown() {
            match self.secrets.below(name) {
                Some(inner) => map.serialize_entry(name, &HidingIn { value, inner })?,
                None => map.serialize_entry(name, value)?,
            }
        }
        map.end()
    }
}

/// A value whose objects (itself, or the items of an array) hide `inner`.
struct HidingIn<'a> {
    value: &'a Json,
    inner: &'a Secrets,
}

impl Serialize for HidingIn<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.value {
            Json::Object(members) => Hiding {
                members,
                secrets: self.inner,
            }
            .serialize(serializer),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for value in items {
                    seq.serialize_element(&HidingIn {
                        value,
                        inner: self.inner,
                    })?;
                }
                seq.end()
            }
            other => other.serialize(serializer),
        }
    }
}

/// The full form ([`RequestBody`](crate::RequestBody)) writes everything; the safe and
/// response forms hide the secrets.
impl SerializeForm for super::GenericResource {
    fn serialize_form<S: Serializer>(
        &self,
        form: Form<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match form {
            Form::Full => {
                let mut map = serializer.serialize_map(Some(self.object.len()))?;
                for (name, value) in &self.object {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
            _ => self.serialize(serializer),
        }
    }
}
