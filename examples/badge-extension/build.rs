//! Generates `OUT_DIR/scim_models.rs`: the bundled RFC 7643 schemas, this crate's badge
//! extension, and this crate's User and Group resource types.

fn main() -> Result<(), scim_codegen::Error> {
    scim_codegen::Builder::new()
        .bundled_schemas()
        .schema("schemas/badge.json")
        .resource_type("schemas/resource-types")
        .compile()?;
    Ok(())
}
