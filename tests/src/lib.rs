//! Helpers shared by the workspace-level tests.

use serde_json::Value;

/// The generator's golden outputs (`scim-codegen/tests/golden/expected`), compiled here
/// with warnings denied.
pub mod goldens {
    /// Generated from `scim-codegen/tests/golden/fixtures/every_type.json`.
    #[deny(warnings)]
    pub mod every_type {
        include!("../../scim-codegen/tests/golden/expected/every_type.rs");
    }

    /// Generated from `scim-codegen/tests/golden/fixtures/keywords.json`.
    #[deny(warnings)]
    pub mod keywords {
        include!("../../scim-codegen/tests/golden/expected/keywords.rs");
    }

    /// Generated from `scim-codegen/tests/golden/fixtures/canonical_values.json`.
    #[deny(warnings)]
    pub mod canonical_values {
        include!("../../scim-codegen/tests/golden/expected/canonical_values.rs");
    }

    /// Generated from `scim-codegen/tests/golden/fixtures/multi_valued_complex.json`.
    #[deny(warnings)]
    pub mod multi_valued_complex {
        include!("../../scim-codegen/tests/golden/expected/multi_valued_complex.rs");
    }

    /// Generated from `scim-codegen/tests/golden/fixtures/hostile_names.json`.
    #[deny(warnings)]
    pub mod hostile_names {
        include!("../../scim-codegen/tests/golden/expected/hostile_names.rs");
    }

    /// Generated from `scim-codegen/tests/golden/fixtures/extensions.json`.
    #[deny(warnings)]
    pub mod extensions {
        include!("../../scim-codegen/tests/golden/expected/extensions.rs");
    }
}
use std::path::{Path, PathBuf};

/// The folder of the RFC example fixtures.
pub fn rfc_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rfc")
}

/// Reads one RFC example fixture, e.g. `rfc7643/8.2-full-user.json`.
pub fn rfc_example(file: &str) -> Value {
    let path = rfc_fixtures().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// `value` with unassigned attributes removed: `null` and `[]` mean the same as absent
/// (RFC 7643 §2.5), so they are dropped before comparing documents.
pub fn without_unassigned(value: &Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .filter(|(_, value)| !is_unassigned(value))
                .map(|(key, value)| (key.clone(), without_unassigned(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_unassigned).collect()),
        other => other.clone(),
    }
}

fn is_unassigned(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// What the runtime sees of a resource through attribute access (`scim::access`), as
/// JSON: every attribute `schemas` defines, read by slot and index. Typed and generic
/// resources holding the same data render the same.
pub fn render_access(
    resource: &dyn scim::access::ResourceAccess,
    schemas: scim::schema::ResourceSchemas<'_>,
) -> Value {
    let mut object = serde_json::Map::new();
    for slot in schemas.slots() {
        if !resource.has_extension(slot) {
            continue;
        }
        let mut members = serde_json::Map::new();
        for found in schemas.attributes(slot) {
            let values = resource.get(slot, found.index, found.attribute);
            if let Some(value) = render_values(values, found.attribute) {
                members.insert(found.attribute.name.to_string(), value);
            }
        }
        match slot {
            scim::access::Slot::Core => object.extend(members),
            scim::access::Slot::Extension { uri, .. } => {
                object.insert(uri.to_owned(), Value::Object(members));
            }
        }
    }
    Value::Object(object)
}

fn render_values(
    values: scim::access::Values<'_>,
    attribute: &scim::schema::Attribute,
) -> Option<Value> {
    use scim::access::Values;
    match values {
        Values::None => None,
        Values::Many(list) if list.is_empty() => None,
        Values::One(value) => Some(render_value(value, attribute)),
        Values::Many(list) => Some(Value::Array(
            (0..list.len())
                .map(|index| {
                    let value = list
                        .get(index, attribute)
                        .unwrap_or_else(|| panic!("{}[{index}] reads", attribute.name));
                    render_value(value, attribute)
                })
                .collect(),
        )),
    }
}

fn render_value(value: scim::access::Value<'_>, attribute: &scim::schema::Attribute) -> Value {
    use scim::access::Value as V;
    match value {
        V::String(text) | V::Binary(text) | V::Reference(text) => Value::String(text.into()),
        V::Boolean(value) => Value::Bool(value),
        V::Integer(value) => Value::from(value),
        V::Decimal(text) => Value::String(format!("decimal {text}")),
        V::DateTime(value) => Value::String(format!(
            "{} = {:?}",
            value.as_str(),
            value.unix_timestamp_nanos()
        )),
        V::Complex(complex) => {
            let mut members = serde_json::Map::new();
            for (index, sub) in attribute.sub_attributes.iter().enumerate() {
                if let Some(value) = render_values(complex.get(index, sub), sub) {
                    members.insert(sub.name.to_string(), value);
                }
            }
            Value::Object(members)
        }
    }
}
