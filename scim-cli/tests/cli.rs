//! The `scim` command as users' scripts see it: arguments, stdout, stderr, exit codes.

use scim_tests::{rfc_example, rfc_fixtures, without_unassigned};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn scim(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scim binary runs");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("stdin accepts the document");
    drop(input);
    child.wait_with_output().expect("the scim binary finishes")
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scim-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn generate_without_inputs_prints_the_bundled_models() {
    let output = scim(&["generate"], None);
    assert_eq!(output.status.code(), Some(0));
    let checked_in = std::fs::read_to_string(workspace().join("scim/src/models.rs")).unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), checked_in);
}

#[test]
fn generate_writes_out_for_given_schemas() {
    let fixture = workspace().join("scim-codegen/tests/golden/fixtures/extensions.json");
    let out = std::env::temp_dir().join(format!("scim-cli-out-{}.rs", std::process::id()));
    let output = scim(
        &[
            "generate",
            "--schema",
            fixture.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    let expected = std::fs::read_to_string(
        workspace().join("scim-codegen/tests/golden/expected/extensions.rs"),
    )
    .unwrap();
    assert_eq!(written, expected);
}

#[test]
fn generate_reports_every_schema_problem_with_its_place_and_exits_1() {
    let bad = temp_file(
        "bad.json",
        "{\n  \"id\": \"urn:example:Bad\",\n  \"attributes\": [\n    {\"name\": \"a\", \"type\": \"strng\"},\n    {\"name\": \"b\", \"mutability\": \"sometimes\"}\n  ]\n}\n",
    );
    let output = scim(&["generate", "--schema", bad.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("bad.json:4:"), "{stderr}");
    assert!(stderr.contains("bad.json:5:"), "{stderr}");
    assert!(stderr.contains("urn:example:Bad"), "{stderr}");
}

#[test]
fn validate_prints_every_rfc_example_back_unchanged() {
    let manifest = rfc_example("manifest.json");
    for entry in manifest.as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        let path = rfc_fixtures().join(file);
        let output = scim(&["validate", path.to_str().unwrap()], None);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        let input = rfc_example(file);
        assert_eq!(
            without_unassigned(&stdout_json(&output)),
            without_unassigned(&input),
            "{file}"
        );
    }
}

#[test]
fn validate_reads_stdin_and_writes_canonical_names() {
    let document = r#"{"SCHEMAS":["urn:ietf:params:scim:schemas:core:2.0:user"],"USERNAME":"bjensen","NAME":{"GIVENNAME":"Barbara"},"emails":[],"nickName":null}"#;
    let output = scim(&["validate", "-"], Some(document));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_json(&output),
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "bjensen",
            "name": {"givenName": "Barbara"}
        })
    );
}

#[test]
fn a_wrong_type_is_an_error_document_naming_the_path() {
    let document = r#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b","emails":[{"value":"a@b"},{"value":5}]}"#;
    let output = scim(&["validate"], Some(document));
    assert_eq!(output.status.code(), Some(2));
    let error = stdout_json(&output);
    assert_eq!(
        error["schemas"],
        json!(["urn:ietf:params:scim:api:messages:2.0:Error"])
    );
    assert_eq!(error["status"], json!("400"));
    assert_eq!(error["scimType"], json!("invalidValue"));
    assert!(
        error["detail"]
            .as_str()
            .unwrap()
            .starts_with("emails[1].value: "),
        "{error}"
    );
}

#[test]
fn a_wrong_type_in_an_extension_is_named_in_urn_notation() {
    let document = r#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":true}}}"#;
    let output = scim(&["validate"], Some(document));
    assert_eq!(output.status.code(), Some(2));
    let detail = stdout_json(&output)["detail"].as_str().unwrap().to_owned();
    assert!(
        detail.starts_with(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value: "
        ),
        "{detail}"
    );
}

#[test]
fn malformed_json_is_invalid_syntax() {
    let output = scim(&["validate"], Some("{\"userName\": "));
    assert_eq!(output.status.code(), Some(2));
    let error = stdout_json(&output);
    assert_eq!(error["scimType"], json!("invalidSyntax"));
    assert!(
        error["detail"].as_str().unwrap().contains("line 1"),
        "{error}"
    );
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let document = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let output = scim(&["validate"], Some(&document));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_json(&output)["scimType"], json!("invalidSyntax"));
}

#[test]
fn a_document_of_unknown_schema_needs_a_schema() {
    let output = scim(
        &["validate"],
        Some(r#"{"schemas":["urn:example:Thing"],"colour":"red"}"#),
    );
    assert_eq!(output.status.code(), Some(2));
    let error = stdout_json(&output);
    assert!(
        error["detail"].as_str().unwrap().contains("--schema"),
        "{error}"
    );
}

#[test]
fn schemaless_keeps_attributes_as_they_are() {
    let output = scim(
        &["validate", "--schemaless"],
        Some(r#"{"schemas":["urn:example:Thing"],"Colour":"red","size":null,"tags":[]}"#),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_json(&output),
        json!({"schemas": ["urn:example:Thing"], "Colour": "red"})
    );
}

#[test]
fn schema_files_check_and_canonicalise_a_resource() {
    let schema = temp_file(
        "thing.json",
        r#"{"id":"urn:example:Thing","name":"Thing","attributes":[
            {"name":"colour","type":"string","canonicalValues":["red","blue"]},
            {"name":"size","type":"integer"},
            {"name":"parts","type":"complex","multiValued":true,"subAttributes":[{"name":"partNumber","type":"string"}]}
        ]}"#,
    );
    let extension = temp_file(
        "thing-ext.json",
        r#"{"id":"urn:example:ext:Thing","name":"ThingExtension","attributes":[{"name":"owner","type":"string"}]}"#,
    );
    let args = [
        "validate",
        "--schema",
        schema.to_str().unwrap(),
        "--schema",
        extension.to_str().unwrap(),
    ];
    let output = scim(
        &args,
        Some(
            r#"{"schemas":["urn:EXAMPLE:Thing"],"COLOUR":"Red","PARTS":[{"PARTNUMBER":"p1"}],"urn:example:ext:thing":{"OWNER":"me"},"extra":1}"#,
        ),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(
        stdout_json(&output),
        json!({
            "schemas": ["urn:example:Thing", "urn:example:ext:Thing"],
            "colour": "red",
            "parts": [{"partNumber": "p1"}],
            "urn:example:ext:Thing": {"owner": "me"},
            "extra": 1
        })
    );
    let output = scim(
        &args,
        Some(r#"{"schemas":["urn:example:Thing"],"size":1.5}"#),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout_json(&output)["detail"]
        .as_str()
        .unwrap()
        .starts_with("size: expected a 64-bit integer"));
    let output = scim(
        &args,
        Some(r#"{"schemas":["urn:example:Thing"],"urn:example:ext:Thing":{"owner":7}}"#),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout_json(&output)["detail"]
        .as_str()
        .unwrap()
        .starts_with("urn:example:ext:Thing:owner: "));
}

#[test]
fn an_unreadable_file_exits_1_with_the_reason_on_stderr() {
    let output = scim(&["validate", "no-such-file.json"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("no-such-file.json"));
}

#[test]
fn a_wrong_command_line_exits_2() {
    let output = scim(&["validate", "--schemaless", "--schema", "x.json"], None);
    assert_eq!(output.status.code(), Some(2));
}
