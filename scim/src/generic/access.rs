//! Attribute access (`crate::access`) for generic resources: attributes found by name,
//! values read as their attribute's type.

use super::{GenericResource, Json, Members};
use crate::access::{
    ComplexAccess, DateTimeRef, ResourceAccess, Slot, Value, ValueList, Values, ValuesMut,
};
use crate::schema::{Attribute, AttributeType};

/// A JSON value read as a value of `attribute`; `None` when it does not have the
/// attribute's type (a resource read by [`GenericResource`] always has).
fn value_of<'a>(json: &'a Json, attribute: &Attribute) -> Option<Value<'a>> {
    Some(match (json, attribute.kind) {
        (Json::String(text), AttributeType::String) => Value::String(text),
        (Json::String(text), AttributeType::Reference) => Value::Reference(text),
        (Json::String(text), AttributeType::Binary) => Value::Binary(text),
        (Json::String(text), AttributeType::DateTime) => Value::DateTime(DateTimeRef::text(text)),
        (Json::Bool(value), AttributeType::Boolean) => Value::Boolean(*value),
        (Json::Number(text), AttributeType::Integer) => Value::Integer(text.parse().ok()?),
        (Json::Number(text), AttributeType::Decimal) => Value::Decimal(text),
        (Json::Object(_), AttributeType::Complex) => Value::Complex(json),
        _ => return None,
    })
}

fn values_of<'a>(json: Option<&'a Json>, attribute: &Attribute) -> Values<'a> {
    match json {
        None => Values::None,
        Some(Json::Array(items)) if attribute.multi_valued => Values::Many(items),
        // A list for a single-valued attribute (in a resource read without schemas) is
        // not a value of its type: no value, as any other value of the wrong type.
        Some(Json::Array(_)) => Values::None,
        Some(json) => value_of(json, attribute).map_or(Values::None, Values::One),
    }
}

fn values_mut(json: Option<&mut Json>) -> ValuesMut<'_> {
    match json {
        Some(Json::Array(items)) => ValuesMut::Many(items),
        Some(json @ Json::Object(_)) => ValuesMut::One(json),
        _ => ValuesMut::None,
    }
}

fn member<'a>(members: &'a Members, name: &str) -> Option<&'a Json> {
    members
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

fn member_mut<'a>(members: &'a mut Members, name: &str) -> Option<&'a mut Json> {
    members
        .iter_mut()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

fn remove(members: &mut Members, name: &str) {
    members.retain(|(key, _)| !key.eq_ignore_ascii_case(name));
}

/// A JSON object read as a complex value or an extension object.
impl ComplexAccess for Json {
    fn get(&self, _: usize, attribute: &Attribute) -> Values<'_> {
        match self {
            Json::Object(members) => values_of(member(members, &attribute.name), attribute),
            _ => Values::None,
        }
    }

    fn clear(&mut self, _: usize, attribute: &Attribute) {
        if let Json::Object(members) = self {
            remove(members, &attribute.name);
        }
    }

    fn get_mut(&mut self, _: usize, attribute: &Attribute) -> ValuesMut<'_> {
        match self {
            Json::Object(members) => values_mut(member_mut(members, &attribute.name)),
            _ => ValuesMut::None,
        }
    }
}

/// The values of a multi-valued attribute of a generic resource.
impl ValueList for Vec<Json> {
    fn len(&self) -> usize {
        <[Json]>::len(self)
    }

    fn get(&self, index: usize, attribute: &Attribute) -> Option<Value<'_>> {
        value_of(<[Json]>::get(self, index)?, attribute)
    }

    fn remove(&mut self, index: usize) {
        if index < <[Json]>::len(self) {
            Vec::remove(self, index);
        }
    }

    fn complex_mut(&mut self, index: usize) -> Option<&mut dyn ComplexAccess> {
        match <[Json]>::get_mut(self, index)? {
            json @ Json::Object(_) => Some(json),
            _ => None,
        }
    }
}

impl GenericResource {
    fn object_of(&self, slot: Slot<'_>) -> Option<&Members> {
        match slot {
            Slot::Core => Some(&self.object),
            Slot::Extension { uri, .. } => match member(&self.object, uri)? {
                Json::Object(members) => Some(members),
                _ => None,
            },
        }
    }

    fn object_of_mut(&mut self, slot: Slot<'_>) -> Option<&mut Members> {
        match slot {
            Slot::Core => Some(&mut self.object),
            Slot::Extension { uri, .. } => match member_mut(&mut self.object, uri)? {
                Json::Object(members) => Some(members),
                _ => None,
            },
        }
    }
}

/// A generic resource, its attributes found by name: the core ones at the top level,
/// an extension's in the object keyed by its URI.
impl ResourceAccess for GenericResource {
    fn get(&self, slot: Slot<'_>, _: usize, attribute: &Attribute) -> Values<'_> {
        let json = self
            .object_of(slot)
            .and_then(|members| member(members, &attribute.name));
        values_of(json, attribute)
    }

    fn has_extension(&self, slot: Slot<'_>) -> bool {
        self.object_of(slot).is_some()
    }

    fn clear(&mut self, slot: Slot<'_>, _: usize, attribute: &Attribute) {
        if let Some(members) = self.object_of_mut(slot) {
            remove(members, &attribute.name);
        }
    }

    fn get_mut(&mut self, slot: Slot<'_>, _: usize, attribute: &Attribute) -> ValuesMut<'_> {
        values_mut(
            self.object_of_mut(slot)
                .and_then(|members| member_mut(members, &attribute.name)),
        )
    }
}
