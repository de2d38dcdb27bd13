//! `scim filter eval` as users' scripts see it: one `true` or `false` a resource on
//! stdout, warnings on stderr, SCIM Error documents and exit codes.

use scim_tests::{rfc_example, rfc_fixtures};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Output;
use support::{stderr, stdout};

mod support;

fn scim(args: &[&str], stdin: &str) -> Output {
    support::run(args, stdin.as_bytes())
}

fn eval(filter: &str, extra: &[&str], stdin: &str) -> Output {
    let mut args = vec!["filter", "eval", filter];
    args.extend_from_slice(extra);
    scim(&args, stdin)
}

fn error_document(output: &Output) -> Value {
    assert_eq!(output.status.code(), Some(2), "stdout: {}", stdout(output));
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("stdout is not JSON ({error}): {}", stdout(output)))
}

fn example(file: &str) -> PathBuf {
    rfc_fixtures().join(file)
}

fn json_lines(files: &[&str]) -> String {
    files
        .iter()
        .map(|file| format!("{}\n", rfc_example(file)))
        .collect()
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scim-filter-eval-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

const USERS: [&str; 3] = [
    "rfc7643/8.1-minimal-user.json",
    "rfc7643/8.2-full-user.json",
    "rfc7643/8.3-enterprise-user.json",
];

#[test]
fn prints_one_answer_a_line_for_json_lines_on_stdin() {
    let output = eval(
        r#"title pr and emails[type eq "WORK" and value co "@example.com"]"#,
        &[],
        &json_lines(&USERS),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "false\ntrue\ntrue\n");
    assert_eq!(stderr(&output), "");
}

#[test]
fn reads_a_json_array_of_resources() {
    let array = Value::Array(USERS.iter().map(|file| rfc_example(file)).collect());
    let output = eval(
        r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
        &["--resources", "-"],
        &array.to_string(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "false\nfalse\ntrue\n");
}

#[test]
fn reads_one_object_from_a_file() {
    let file = example("rfc7643/8.3-enterprise-user.json");
    let output = eval(
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value pr"#,
        &["--resources", file.to_str().unwrap()],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "true\n");
}

#[test]
fn no_resources_print_nothing() {
    let output = eval("userName pr", &[], " \n");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
    let output = eval("userName pr", &[], "[]");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
}

#[test]
fn each_bundled_resource_is_evaluated_with_its_own_schemas() {
    let input = json_lines(&["rfc7643/8.1-minimal-user.json", "rfc7643/8.4-group.json"]);
    let output = eval(
        r#"displayName eq "tour guides" or userName pr"#,
        &[],
        &input,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "true\ntrue\n");
    // `userName` is no Group attribute; the warning says so once.
    assert_eq!(
        stderr(&output),
        "warning: `userName` is not an attribute of Group resources: it has no value (RFC 7644 §3.4.2.1)\n"
    );
}

#[test]
fn an_undefined_attribute_is_warned_about_and_has_no_value() {
    let output = eval(
        r#"usrName eq "bjensen@example.com""#,
        &[],
        &json_lines(&USERS),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "false\nfalse\nfalse\n");
    assert!(
        stderr(&output).starts_with("warning: `usrName` is not an attribute of User resources"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_filter_with_a_syntax_error_prints_the_invalid_filter_document() {
    let output = eval("userName eq", &[], &json_lines(&USERS));
    assert_eq!(
        error_document(&output),
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
            "status": "400",
            "scimType": "invalidFilter",
            "detail": "at 12: expected a comparison value (false, null, true, a number or a string), found the end",
        })
    );
}

#[test]
fn a_filter_invalid_against_the_schema_prints_the_invalid_filter_document() {
    let output = eval("active gt true", &[], &json_lines(&USERS));
    let document = error_document(&output);
    assert_eq!(document["scimType"], "invalidFilter");
    assert!(
        document["detail"]
            .as_str()
            .unwrap()
            .starts_with("active: `gt` is not defined on a boolean attribute"),
        "{document}"
    );
}

#[test]
fn with_schema_files_the_filter_is_checked_before_any_input() {
    let schema = temp_file(
        "device.json",
        r#"{"id":"urn:example:Device","name":"Device","attributes":[
            {"name":"enabled","type":"boolean"},
            {"name":"ports","type":"integer"}
        ]}"#,
    );
    let output = eval(
        "enabled lt true",
        &["--schema", schema.to_str().unwrap()],
        "",
    );
    assert_eq!(error_document(&output)["scimType"], "invalidFilter");
    let output = eval(
        "ports gt 2 and enabled eq true",
        &["--schema", schema.to_str().unwrap()],
        "{\"ports\": 3, \"enabled\": true}\n{\"ports\": 1, \"enabled\": true}\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "true\nfalse\n");
}

#[test]
fn schemaless_knows_only_the_common_attributes() {
    let output = eval(
        r#"id eq "2819c223-7f76-453a-919d-413861904646" and not (userName pr)"#,
        &["--schemaless"],
        &json_lines(&["rfc7643/8.1-minimal-user.json"]),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "true\n");
    assert_eq!(
        stderr(&output),
        "warning: `userName` is not an attribute of schemaless resources: it has no value (RFC 7644 §3.4.2.1)\n"
    );
}

#[test]
fn a_resource_that_does_not_fit_its_schema_is_named_by_its_index() {
    let input = json!([
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "a"},
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "active": "yes"},
    ]);
    let output = eval("userName pr", &[], &input.to_string());
    let document = error_document(&output);
    assert_eq!(document["scimType"], "invalidValue");
    assert!(
        document["detail"]
            .as_str()
            .unwrap()
            .starts_with("Resources[1]: active: "),
        "{document}"
    );
}

#[test]
fn a_resource_that_does_not_fit_its_schema_is_named_by_its_line() {
    let input = format!(
        "{}\n{}\n",
        rfc_example("rfc7643/8.1-minimal-user.json"),
        json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "emails": "x"})
    );
    let output = eval("userName pr", &[], &input);
    let detail = error_document(&output)["detail"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(detail.starts_with("line 2: emails: "), "{detail}");
}

#[test]
fn a_resource_without_schemas_needs_schema_options() {
    let output = eval("userName pr", &[], r#"{"userName": "x"}"#);
    let detail = error_document(&output)["detail"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        detail.starts_with("line 1: schemas: the resource has no `schemas` attribute"),
        "{detail}"
    );
}

#[test]
fn input_that_is_not_json_is_invalid_syntax() {
    let output = eval("userName pr", &[], "{\"userName\": \n");
    assert_eq!(error_document(&output)["scimType"], "invalidSyntax");
    let output = eval("userName pr", &[], "[1, 2");
    assert_eq!(error_document(&output)["scimType"], "invalidSyntax");
}

#[test]
fn a_resource_that_is_not_an_object_is_an_error() {
    let output = eval("userName pr", &["--schemaless"], "[\"x\"]");
    let detail = error_document(&output)["detail"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(detail.starts_with("Resources[0]: "), "{detail}");
}

#[test]
fn an_unreadable_resources_file_exits_1() {
    let output = eval(
        "userName pr",
        &["--resources", "no-such-directory/resources.json"],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("resources.json"),
        "{}",
        stderr(&output)
    );
}
