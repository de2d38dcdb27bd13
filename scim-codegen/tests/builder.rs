//! The build-script side of the Builder: where it writes, when, and what it reads.

use std::path::{Path, PathBuf};
use std::time::Duration;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/fixtures")
        .join(name)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "scim-codegen-builder-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn write_rewrites_the_file_only_when_the_content_changes() {
    let out = scratch("write").join("nested/models.rs");
    let mut builder = scim_codegen::Builder::new();
    builder.schema(fixture("every_type.json")).out_file(&out);
    assert_eq!(builder.write().unwrap(), out);
    let first = std::fs::metadata(&out).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    builder.write().unwrap();
    assert_eq!(std::fs::metadata(&out).unwrap().modified().unwrap(), first);

    std::fs::write(&out, "stale").unwrap();
    builder.write().unwrap();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        builder.generate().unwrap()
    );
}

#[test]
fn inputs_name_every_file_and_directory_read_and_never_the_output() {
    let dir = scratch("inputs");
    std::fs::copy(fixture("extensions.json"), dir.join("a.json")).unwrap();
    std::fs::copy(fixture("every_type.json"), dir.join("b.json")).unwrap();
    let out = dir.join("out.rs");
    let mut builder = scim_codegen::Builder::new();
    builder.bundled_schemas().schema(&dir).out_file(&out);
    let inputs = builder.inputs();
    assert_eq!(
        inputs,
        vec![dir.clone(), dir.join("a.json"), dir.join("b.json")]
    );
    builder.write().unwrap();
    assert!(!builder.inputs().contains(&out));
}

#[test]
fn without_out_dir_or_out_file_compile_is_a_typed_error() {
    if std::env::var_os("OUT_DIR").is_some() {
        return;
    }
    let error = scim_codegen::Builder::new()
        .schema(fixture("every_type.json"))
        .write()
        .unwrap_err();
    assert!(matches!(error, scim_codegen::Error::NoOutDir), "{error}");
}

#[test]
fn every_problem_of_the_inputs_comes_back_as_one_error() {
    let dir = scratch("problems");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        "{\"id\": \"urn:example:Bad\", \"attributes\": [\n  {\"name\": \"a\", \"type\": \"strng\"},\n  {\"name\": \"a\"}\n]}\n",
    )
    .unwrap();
    let error = scim_codegen::Builder::new()
        .schema(&bad)
        .generate()
        .unwrap_err();
    let scim_codegen::Error::Load(load) = &error else {
        panic!("expected a load error, got {error}");
    };
    assert_eq!(load.diagnostics().len(), 2, "{error}");
    assert!(load
        .diagnostics()
        .iter()
        .all(|d| d.file.ends_with("bad.json") && d.location.is_some()));
}

#[test]
fn a_reexported_runtime_path_is_used_throughout() {
    let source = scim_codegen::Builder::new()
        .schema(fixture("every_type.json"))
        .runtime_crate("::my_sdk::scim")
        .generate()
        .unwrap();
    assert!(source.contains("#[scim(crate = \"::my_sdk::scim\")]"));
    assert!(source.contains("::my_sdk::scim::Resource"));
    assert!(!source.contains(" ::scim::"));
    let error = scim_codegen::Builder::new()
        .schema(fixture("every_type.json"))
        .runtime_crate("not a path")
        .generate()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "`not a path` is not a Rust path for the runtime crate"
    );
}
