//! Golden tests: each `golden/fixtures/<case>.json` generates exactly
//! `golden/expected/<case>.rs`, or fails with exactly `golden/expected/<case>.err`.
//! `SCIM_BLESS=1 cargo test -p scim-codegen --test golden` rewrites the expectations.
//! The workspace test crate compiles every expected `.rs` with warnings denied.

use std::path::{Path, PathBuf};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn check(case: &str) {
    // Relative to the package directory, where Cargo runs tests, so that the file
    // names in expected errors do not depend on where the checkout is.
    let fixture = Path::new("tests/golden/fixtures").join(format!("{case}.json"));
    let (actual, extension) = match scim_codegen::Builder::new().schema(&fixture).generate() {
        Ok(source) => (source, "rs"),
        Err(error) => (format!("{error}\n"), "err"),
    };
    let expected_path = golden_dir()
        .join("expected")
        .join(format!("{case}.{extension}"));
    if std::env::var_os("SCIM_BLESS").is_some() {
        std::fs::write(&expected_path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "{case}: no {} (output was:\n{actual})",
            expected_path.display()
        )
    });
    assert!(
        expected == actual,
        "{case}: output differs from {}; bless with SCIM_BLESS=1 if intended.\n{actual}",
        expected_path.display()
    );
}

#[test]
fn every_type() {
    check("every_type");
}

#[test]
fn keywords_and_dollar_ref() {
    check("keywords");
}

#[test]
fn canonical_values() {
    check("canonical_values");
}

#[test]
fn multi_valued_complex() {
    check("multi_valued_complex");
}

#[test]
fn extension_composition() {
    check("extensions");
}

#[test]
fn naming_collisions_are_reported() {
    check("collisions");
}

#[test]
fn hostile_names_give_plain_identifiers_and_compiling_code() {
    check("hostile_names");
}

#[test]
fn an_attribute_named_schemas_is_reported() {
    let error = scim_codegen::Builder::new()
        .schema_str(
            "schemas.json",
            r#"{"id":"urn:example:S","name":"S","attributes":[{"name":"Schemas","type":"string"}]}"#,
        )
        .generate()
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("urn:example:S: Schemas: an attribute cannot be named `schemas`"),
        "{error}"
    );
}

#[test]
fn renames_of_unknown_sources_are_reported() {
    let fixture = golden_dir().join("fixtures/every_type.json");
    let error = scim_codegen::Builder::new()
        .schema(&fixture)
        .rename_type("urn:example:params:scim:schemas:core:2.0:Devise", "Device2")
        .rename_field(
            "urn:example:params:scim:schemas:core:2.0:Device",
            "location.flor",
            "floor2",
        )
        .rename_field(
            "urn:example:params:scim:schemas:core:2.0:Device",
            "META.created",
            "made",
        )
        .generate()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "urn:example:params:scim:schemas:core:2.0:devise: rename_type names no schema URI or resource type among the inputs\n\
         urn:example:params:scim:schemas:core:2.0:device: location.flor: rename_field names no attribute of that schema among the inputs"
    );
}

#[test]
fn generation_is_deterministic() {
    let fixture = golden_dir().join("fixtures/extensions.json");
    let first = scim_codegen::Builder::new()
        .schema(&fixture)
        .generate()
        .unwrap();
    let second = scim_codegen::Builder::new()
        .schema(&fixture)
        .generate()
        .unwrap();
    assert_eq!(first, second);
}

#[test]
fn collisions_resolve_with_renames_keyed_by_source_names() {
    let fixture = golden_dir().join("fixtures/collisions.json");
    let source = scim_codegen::Builder::new()
        .schema(&fixture)
        .rename_type("urn:example:params:scim:schemas:core:2.0:Option", "Choice")
        .rename_type(
            "URN:example:params:scim:schemas:core:2.0:OtherClash",
            "OtherClash",
        )
        .rename_field(
            "urn:example:params:scim:schemas:core:2.0:Clash",
            "foo_bar",
            "foo_bar_snake",
        )
        .rename_field(
            "urn:example:params:scim:schemas:core:2.0:Clash",
            "unknownAttributes",
            "unknown_attributes_field",
        )
        .generate()
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(source.contains("pub struct Choice {"));
    assert!(source.contains("pub struct OtherClash {"));
    assert!(
        source.contains("#[scim(rename = \"foo_bar\")]\n    pub foo_bar_snake: Option<String>,")
    );
    assert!(source.contains("#[scim(rename = \"unknownAttributes\")]\n    pub unknown_attributes_field: Option<String>,"));
}

#[test]
fn renames_must_be_rust_identifiers() {
    let fixture = golden_dir().join("fixtures/every_type.json");
    let error = scim_codegen::Builder::new()
        .schema(&fixture)
        .rename_type(
            "urn:example:params:scim:schemas:core:2.0:Device",
            "not a name",
        )
        .generate()
        .unwrap_err();
    assert_eq!(error.to_string(), "`not a name` is not a Rust identifier");
}
