//! The bundled models checked into the `scim` crate are what the generator makes of
//! `schemas/` today. `SCIM_BLESS=1 cargo test` rewrites them.

use std::path::Path;

#[test]
fn bundled_models_are_fresh() {
    let source = scim_codegen::Builder::new()
        .bundled_schemas()
        .bundled_resource_types()
        .generate()
        .unwrap_or_else(|error| panic!("{error}"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scim/src/models.rs");
    if std::env::var_os("SCIM_BLESS").is_some() {
        std::fs::write(&path, &source).unwrap();
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == source,
        "scim/src/models.rs is stale: run `SCIM_BLESS=1 cargo test -p scim-codegen --test bundled`"
    );
}
