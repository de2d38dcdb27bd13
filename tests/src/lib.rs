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
