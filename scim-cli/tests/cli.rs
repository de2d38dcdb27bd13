//! The `scim` command as users' scripts see it: arguments, stdout, stderr, exit codes.

use scim_tests::{rfc_example, rfc_fixtures, without_unassigned};
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Output;
use support::{spawn, stdout_json};

mod support;

fn scim(args: &[&str], stdin: Option<&str>) -> Output {
    scim_bytes(args, stdin.unwrap_or("").as_bytes())
}

fn scim_bytes(args: &[&str], stdin: &[u8]) -> Output {
    support::run(args, stdin)
}

fn detail(output: &Output) -> String {
    stdout_json(output)["detail"]
        .as_str()
        .unwrap_or_else(|| panic!("no detail: {}", String::from_utf8_lossy(&output.stdout)))
        .to_owned()
}

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const LIST_RESPONSE: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

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

#[test]
fn generate_with_bundled_lets_resource_types_name_the_bundled_schemas() {
    let schemas = workspace().join("examples/badge-extension/schemas");
    let output = scim(
        &[
            "generate",
            "--bundled",
            "--schema",
            schemas.join("badge.json").to_str().unwrap(),
            "--resource-type",
            schemas.join("resource-types").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let source = String::from_utf8(output.stdout).unwrap();
    let user = source
        .split("pub struct User ")
        .nth(1)
        .expect("the output defines `pub struct User`");
    let user = user.split("\n}").next().unwrap_or_default();
    assert!(user.contains("pub badge_user:"), "{user}");
}

#[test]
fn generate_into_a_pipe_closed_by_its_reader_exits_0() {
    // Like `scim generate | head -1`: the output (the bundled models) is larger than a
    // pipe holds, so the command is still writing when the reader goes away.
    let mut child = spawn(&["generate"]);
    drop(child.stdin.take());
    let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first_line = String::new();
    reader.read_line(&mut first_line).unwrap();
    drop(reader);
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn validate_into_a_pipe_closed_by_its_reader_exits_0() {
    let mut child = spawn(&["validate"]);
    drop(child.stdout.take());
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(format!(r#"{{"schemas":["{USER}"],"userName":"bjensen"}}"#).as_bytes())
        .unwrap();
    drop(input);
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn a_key_given_twice_is_an_error_naming_the_attribute() {
    let output = scim(
        &["validate"],
        Some(&format!(
            r#"{{"schemas":["{USER}"],"userName":"a","userName":"b"}}"#
        )),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        detail(&output).contains("`userName`"),
        "{}",
        detail(&output)
    );
}

#[test]
fn a_key_given_twice_is_an_error_without_bundled_schemas_too() {
    let output = scim(
        &["validate", "--schemaless"],
        Some(r#"{"schemas":["urn:example:Thing"],"part":1,"PART":2}"#),
    );
    assert_eq!(output.status.code(), Some(2));
    let detail = detail(&output);
    assert!(
        detail.starts_with("PART: the attribute is given more than once"),
        "{detail}"
    );
}

#[test]
fn values_no_schema_describes_come_back_verbatim() {
    // Opaque to every schema, so kept as written (as the typed models keep them too).
    let document = r#"{"schemas":["urn:example:Thing"],"parts":[{"n":1},{"n":2.50,"n":3}]}"#;
    let output = scim(&["validate", "--schemaless"], Some(document));
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(r#""n": 2.50"#) && stdout.contains(r#""n": 3"#),
        "{stdout}"
    );
}

#[test]
fn a_key_given_twice_in_a_listed_resource_is_named_with_its_index() {
    let output = scim(
        &["validate"],
        Some(&format!(
            r#"{{"schemas":["{LIST_RESPONSE}"],"totalResults":2,"Resources":[
                {{"schemas":["{USER}"],"userName":"a"}},
                {{"schemas":["{USER}"],"userName":"a","userName":"b"}}]}}"#
        )),
    );
    assert_eq!(output.status.code(), Some(2));
    let detail = detail(&output);
    assert!(detail.starts_with("Resources[1]: "), "{detail}");
    assert!(detail.contains("`userName`"), "{detail}");
}

#[test]
fn an_error_in_a_listed_resource_names_its_index_and_path() {
    let output = scim(
        &["validate"],
        Some(&format!(
            r#"{{"schemas":["{LIST_RESPONSE}"],"totalResults":1,"Resources":[
                {{"schemas":["{USER}"],"userName":"a","emails":[{{"value":5}}]}}]}}"#
        )),
    );
    assert_eq!(output.status.code(), Some(2));
    let detail = detail(&output);
    assert!(
        detail.starts_with("Resources[0]: emails[0].value: "),
        "{detail}"
    );
}

#[test]
fn validate_prints_what_the_typed_model_reads_from_the_original_text() {
    let document = format!(
        r#"{{"schemas":["{USER}"],"userName":"a","x":1.10,"y":123456789012345678901234567890}}"#
    );
    let output = scim(&["validate"], Some(&document));
    assert_eq!(output.status.code(), Some(0));
    let user: scim::models::User = serde_json::from_str(&document).unwrap();
    let expected = format!("{}\n", serde_json::to_string_pretty(&user).unwrap());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout, expected);
    // Unknown attributes keep their JSON text: numbers come back digit for digit.
    assert!(stdout.contains(r#""x": 1.10"#), "{stdout}");
    assert!(
        stdout.contains(r#""y": 123456789012345678901234567890"#),
        "{stdout}"
    );
}

#[test]
fn a_patch_op_outside_the_rfc_is_an_error_but_any_case_is_fine() {
    let patch = |op: &str| {
        format!(
            r#"{{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{"op":"add","path":"title","value":"x"}},{{"op":"{op}","path":"active","value":false}}]}}"#
        )
    };
    let output = scim(&["validate"], Some(&patch("frobnicate")));
    assert_eq!(output.status.code(), Some(2));
    let detail = stdout_json(&output)["detail"].as_str().unwrap().to_owned();
    assert!(
        detail.starts_with("Operations[1].op: `frobnicate` is not a PATCH operation"),
        "{detail}"
    );
    let output = scim(&["validate"], Some(&patch("Replace")));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_json(&output)["Operations"][1]["op"],
        json!("replace")
    );
}

#[test]
fn a_bulk_method_outside_the_rfc_is_an_error() {
    let document = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"FETCH","path":"/Users"}]}"#;
    let output = scim(&["validate"], Some(document));
    assert_eq!(output.status.code(), Some(2));
    let detail = stdout_json(&output)["detail"].as_str().unwrap().to_owned();
    assert!(
        detail.starts_with("Operations[0].method: `FETCH` is not a bulk method"),
        "{detail}"
    );
}

#[test]
fn numbers_beyond_f64_are_valid_json_and_come_back_as_written() {
    let document = format!(r#"{{"schemas":["{USER}"],"userName":"a","huge":1e400}}"#);
    let output = scim(&["validate"], Some(&document));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains(r#""huge": 1e400"#));
}

#[test]
fn trailing_characters_are_invalid_syntax() {
    let output = scim(
        &["validate"],
        Some(&format!(r#"{{"schemas":["{USER}"],"userName":"a"}} x"#)),
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_json(&output)["scimType"], json!("invalidSyntax"));
}

#[test]
fn input_that_is_not_utf8_is_invalid_syntax_naming_the_byte() {
    let mut document = br#"{"userName":"b"#.to_vec();
    document.extend_from_slice(b"\xff\"}");
    let output = scim_bytes(&["validate"], &document);
    assert_eq!(output.status.code(), Some(2));
    let error = stdout_json(&output);
    assert_eq!(error["scimType"], json!("invalidSyntax"));
    let detail = detail(&output);
    assert!(detail.contains("not UTF-8"), "{detail}");
    assert!(detail.contains("byte 14"), "{detail}");
}

#[test]
fn a_leading_byte_order_mark_is_skipped() {
    let document = format!("\u{FEFF}{}", json!({"schemas": [USER], "userName": "a"}));
    let output = scim(&["validate"], Some(&document));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(
        stdout_json(&output),
        json!({"schemas": [USER], "userName": "a"})
    );
}

#[test]
fn schemas_that_is_not_an_array_is_reported_as_such() {
    let output = scim(
        &["validate"],
        Some(&format!(r#"{{"schemas":"{USER}","userName":"a"}}"#)),
    );
    assert_eq!(output.status.code(), Some(2));
    let detail = detail(&output);
    assert!(
        detail.contains("`schemas` must be an array of URIs"),
        "{detail}"
    );
}

#[test]
fn a_document_that_is_not_an_object_is_reported_as_such() {
    for (document, kind) in [("[]", "an array"), ("5", "a number"), ("\"x\"", "a string")] {
        let output = scim(&["validate"], Some(document));
        assert_eq!(output.status.code(), Some(2), "{document}");
        let detail = detail(&output);
        assert!(
            detail.contains(&format!("a SCIM document is a JSON object, not {kind}")),
            "{document}: {detail}"
        );
    }
}

#[test]
fn validate_rejects_a_schema_directory() {
    let dir = std::env::temp_dir().join(format!("scim-cli-schema-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let output = scim(
        &["validate", "--schema", dir.to_str().unwrap()],
        Some(r#"{"schemas":["urn:example:Thing"]}"#),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("directory"), "{stderr}");
}

#[test]
fn an_error_in_a_listed_resource_gives_its_line_and_column_in_the_whole_document() {
    let document = format!(
        "{{\"schemas\":[\"{LIST_RESPONSE}\"],\"totalResults\":1,\n\"Resources\":[\n  {{\"schemas\":[\"{USER}\"],\"userName\":\"a\",\"userName\":\"b\"}}]}}"
    );
    let output = scim(&["validate"], Some(&document));
    assert_eq!(output.status.code(), Some(2));
    let detail = detail(&output);
    assert!(detail.ends_with(" at line 3 column 85"), "{detail}");
}
