//! `scim validate --context` and `--strict`: the request rules from the command line
//! (issue 3, item 6). Typed (bundled) and generic (`--schema FILE`) documents go through
//! the same rules and give the same output.

use scim_tests::rfc_fixtures;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Output;
use support::{stderr, stdout_json};

mod support;

fn scim(args: &[&str], stdin: &str) -> Output {
    support::run(args, stdin.as_bytes())
}

/// The Error document's `status`, `scimType` and `detail`, after checking exit code 2.
fn error(output: &Output) -> (String, String, String) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    let error = stdout_json(output);
    let text = |key: &str| error[key].as_str().unwrap_or_default().to_owned();
    (text("status"), text("scimType"), text("detail"))
}

fn fixture(file: &str) -> String {
    rfc_fixtures().join(file).display().to_string()
}

fn bundled_schema(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas/rfc7643")
        .join(name)
        .display()
        .to_string()
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scim-cli-context-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/// An Entra ID style create request (QUIRKS.md, Microsoft Entra ID item 8).
fn entra_create() -> String {
    json!({
        "schemas": [USER, ENTERPRISE],
        "id": "5d48a0a8",
        "userName": "Test_User_3c1f5a4e@contoso.example",
        "meta": {"resourceType": "User"},
        ENTERPRISE: {"manager": {"value": "26118915", "displayName": "John Smith"}}
    })
    .to_string()
}

/// The User and Enterprise User schema files, for the generic reader.
fn user_schema_files() -> Vec<String> {
    vec![
        "--schema".to_owned(),
        bundled_schema("User.json"),
        "--schema".to_owned(),
        bundled_schema("EnterpriseUser.json"),
    ]
}

/// Runs `args` with the bundled (typed) models and again with `schema_args` (generic),
/// asserting the same exit code, the same JSON on stdout and the same stderr.
fn typed_and_generic(args: &[&str], schema_args: &[String], stdin: &str) -> Output {
    let typed = scim(args, stdin);
    let mut generic_args: Vec<&str> = args.to_vec();
    generic_args.extend(schema_args.iter().map(String::as_str));
    let generic = scim(&generic_args, stdin);
    assert_eq!(typed.status.code(), generic.status.code());
    // The generic reader keeps the input's member order, the typed models write theirs.
    assert_eq!(stdout_json(&typed), stdout_json(&generic));
    assert_eq!(stderr(&typed), stderr(&generic));
    typed
}

#[test]
fn create_drops_read_only_values_and_reports_them_on_stderr() {
    let output = typed_and_generic(
        &["validate", "--context", "create"],
        &user_schema_files(),
        &entra_create(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_json(&output),
        json!({
            "schemas": [USER, ENTERPRISE],
            "userName": "Test_User_3c1f5a4e@contoso.example",
            ENTERPRISE: {"manager": {"value": "26118915"}}
        })
    );
    let notes: Vec<String> = stderr(&output).lines().map(str::to_owned).collect();
    assert_eq!(
        notes,
        [
            "notice: id: readOnly, ignored (RFC 7644 §3.3, §3.5.1)".to_owned(),
            "notice: meta: readOnly, ignored (RFC 7644 §3.3, §3.5.1)".to_owned(),
            format!("notice: {ENTERPRISE}:manager.displayName: readOnly, ignored (RFC 7644 §3.3, §3.5.1)"),
        ]
    );
}

#[test]
fn strict_create_refuses_read_only_values_with_mutability() {
    let output = typed_and_generic(
        &["validate", "--context", "create", "--strict"],
        &user_schema_files(),
        &entra_create(),
    );
    let (status, scim_type, detail) = error(&output);
    assert_eq!((status.as_str(), scim_type.as_str()), ("400", "mutability"));
    assert!(detail.starts_with("id: "), "{detail}");
}

#[test]
fn create_without_a_required_attribute_is_invalid_value() {
    let body = json!({"schemas": [USER], "displayName": "Babs"}).to_string();
    let output = typed_and_generic(
        &["validate", "--context", "create"],
        &user_schema_files(),
        &body,
    );
    let (_, scim_type, detail) = error(&output);
    assert_eq!(scim_type, "invalidValue");
    assert!(detail.starts_with("userName: "), "{detail}");
}

#[test]
fn the_rfc_create_request_comes_back_unchanged_with_nothing_on_stderr() {
    let output = scim(
        &[
            "validate",
            "--context",
            "create",
            "--strict",
            &fixture("rfc7644/3.3-create-user-request.json"),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    assert_eq!(
        stdout_json(&output),
        scim_tests::rfc_example("rfc7644/3.3-create-user-request.json")
    );
}

#[test]
fn strict_replace_accepts_the_rfc_put_against_the_resource_it_replaces() {
    let output = scim(
        &[
            "validate",
            "--context",
            "replace",
            "--strict",
            "--existing",
            &fixture("rfc7644/3.4.1-get-user-response.json"),
            &fixture("rfc7644/3.5.1-replace-user-request.json"),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output).get("id").is_none());
    assert_eq!(
        stderr(&output),
        "notice: id: readOnly, equal to the existing value, ignored (RFC 7644 §3.5.1)\n"
    );
}

#[test]
fn replace_changing_an_immutable_attribute_is_a_mutability_error() {
    let schema = temp_file(
        "thing.json",
        &json!({
            "id": "urn:example:Thing",
            "name": "Thing",
            "attributes": [
                {"name": "serial", "type": "string", "mutability": "immutable"},
                {"name": "label", "type": "string"}
            ]
        })
        .to_string(),
    );
    let existing = temp_file(
        "existing-thing.json",
        r#"{"schemas": ["urn:example:Thing"], "id": "t1", "serial": "S-1"}"#,
    );
    let schema = schema.display().to_string();
    let existing = existing.display().to_string();
    let args = |body: &str| {
        scim(
            &[
                "validate",
                "--schema",
                &schema,
                "--context",
                "replace",
                "--existing",
                &existing,
            ],
            body,
        )
    };
    let output = args(r#"{"schemas": ["urn:example:Thing"], "serial": "S-2"}"#);
    let (_, scim_type, detail) = error(&output);
    assert_eq!(scim_type, "mutability");
    assert!(detail.starts_with("serial: "), "{detail}");
    let output = args(r#"{"schemas": ["urn:example:Thing"], "label": "new"}"#);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        "notice: serial: immutable, omitted, existing value kept (RFC 7644 §3.5.1)\n"
    );
}

#[test]
fn an_existing_resource_of_another_kind_is_an_error_document() {
    let output = scim(
        &[
            "validate",
            "--context",
            "replace",
            "--existing",
            &fixture("rfc7643/8.4-group.json"),
            &fixture("rfc7644/3.5.1-replace-user-request.json"),
        ],
        "",
    );
    let (_, scim_type, detail) = error(&output);
    assert_eq!(scim_type, "invalidValue");
    assert!(detail.contains("a Group"), "{detail}");
}

#[test]
fn an_unreadable_existing_file_exits_1() {
    let output = scim(
        &[
            "validate",
            "--context",
            "replace",
            "--existing",
            "no-such-file.json",
        ],
        "{}",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("--existing no-such-file.json: "));
    assert!(output.stdout.is_empty());
}

#[test]
fn options_that_need_another_context_are_usage_errors() {
    for args in [
        &["validate", "--strict"][..],
        &["validate", "--existing", "x.json"],
        &["validate", "--context", "create", "--existing", "x.json"],
        &["validate", "--context", "create", "--resource-type", "User"],
        &["validate", "--context", "patch"],
        &[
            "validate",
            "--context",
            "patch",
            "--resource-type",
            "Widget",
        ],
        &[
            "validate",
            "--context",
            "patch",
            "--resource-type",
            "User",
            "--schemaless",
        ],
        &["validate", "--context", "delete"],
    ] {
        let output = scim(args, "{}");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(stderr(&output).starts_with("error: "), "{args:?}");
    }
}

#[test]
fn patch_paths_are_checked_against_the_named_resource_type() {
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "add", "path": "groups", "value": [{"value": "e9e30dba"}]}]
    })
    .to_string();
    let output = scim(
        &["validate", "--context", "patch", "--resource-type", "user"],
        &body,
    );
    let (_, scim_type, detail) = error(&output);
    assert_eq!(scim_type, "mutability");
    assert!(
        detail.starts_with("Operations[0].path: `groups` is readOnly"),
        "{detail}"
    );
}

#[test]
fn a_patch_prints_back_without_the_read_only_values_of_its_values() {
    // QUIRKS.md, Okta item 2: `id` echoed in a path-less replace.
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "value": {"id": "e9e30dba", "displayName": "Guides"}}]
    })
    .to_string();
    let typed = scim(
        &["validate", "--context", "patch", "--resource-type", "Group"],
        &body,
    );
    let generic = scim(
        &[
            "validate",
            "--context",
            "patch",
            "--schema",
            &bundled_schema("Group.json"),
        ],
        &body,
    );
    assert_eq!(typed.stdout, generic.stdout);
    for output in [&typed, &generic] {
        assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
        assert_eq!(
            stdout_json(output)["Operations"][0]["value"],
            json!({"displayName": "Guides"})
        );
        assert_eq!(
            stderr(output),
            "notice: Operations[0].value.id: readOnly, ignored (RFC 7644 §3.3, §3.5.1)\n"
        );
    }
}

#[test]
fn a_query_with_a_negative_count_is_read_or_refused_when_strict() {
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
        "filter": "userName sw \"b\"",
        "count": -1
    })
    .to_string();
    let output = scim(
        &["validate", "--context", "query", "--resource-type", "User"],
        &body,
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout_json(&output)["count"], -1);
    assert_eq!(
        stderr(&output),
        "notice: count: -1 read as 0 (RFC 7644 §3.4.2.4)\n"
    );
    let output = scim(
        &[
            "validate",
            "--context",
            "query",
            "--resource-type",
            "User",
            "--strict",
        ],
        &body,
    );
    let (_, scim_type, _) = error(&output);
    assert_eq!(scim_type, "invalidCount");
}

#[test]
fn the_rfc_search_request_passes_the_query_rules() {
    let output = scim(
        &[
            "validate",
            "--context",
            "query",
            "--strict",
            "--resource-type",
            "User",
            &fixture("rfc7644/3.4.3-search-request.json"),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_response_carrying_a_password_is_a_500_error_document() {
    let output = scim(
        &[
            "validate",
            "--context",
            "response",
            &fixture("rfc7643/8.2-full-user.json"),
        ],
        "",
    );
    let (status, scim_type, detail) = error(&output);
    assert_eq!((status.as_str(), scim_type.as_str()), ("500", ""));
    assert!(detail.starts_with("password: "), "{detail}");
}

#[test]
fn every_resource_of_a_list_response_is_checked_as_a_response() {
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": 2,
        "Resources": [
            {"schemas": [USER], "id": "2819c223", "userName": "bjensen"},
            {"schemas": [USER], "userName": "jsmith"}
        ]
    })
    .to_string();
    let output = scim(&["validate", "--context", "response"], &body);
    let (_, _, detail) = error(&output);
    assert!(detail.starts_with("Resources[1]: id: "), "{detail}");
    let output = scim(
        &[
            "validate",
            "--context",
            "response",
            &fixture("rfc7644/3.4.2-list-response-user-names.json"),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_message_is_not_a_create_request_or_a_response() {
    for context in ["create", "replace", "response"] {
        let output = scim(
            &[
                "validate",
                "--context",
                context,
                &fixture("rfc7644/3.5.2.2-remove-all-members.json"),
            ],
            "",
        );
        let (_, scim_type, detail) = error(&output);
        assert_eq!(scim_type, "invalidValue", "{context}");
        assert!(detail.starts_with("schemas: "), "{detail}");
    }
}

#[test]
fn replace_without_existing_cannot_tell_an_echoed_id_from_a_new_one() {
    let file = fixture("rfc7644/3.5.1-replace-user-request.json");
    let output = scim(&["validate", "--context", "replace", &file], "");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        "notice: id: readOnly, ignored (RFC 7644 §3.3, §3.5.1)\n"
    );
    let output = scim(&["validate", "--context", "replace", "--strict", &file], "");
    let (_, scim_type, detail) = error(&output);
    assert_eq!(scim_type, "mutability");
    assert!(detail.starts_with("id: "), "{detail}");
}

#[test]
fn a_response_is_printed_as_returned_for_attributes_and_excluded_attributes() {
    let response = fixture("rfc7643/8.3-enterprise-user.json");
    let mut user: Value =
        serde_json::from_str(&std::fs::read_to_string(&response).unwrap()).unwrap();
    user.as_object_mut().unwrap().remove("password");
    let body = user.to_string();
    let output = typed_and_generic(
        &[
            "validate",
            "--context",
            "response",
            "--attributes",
            "userName,NAME.givenName,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
        ],
        &user_schema_files(),
        &body,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout_json(&output),
        json!({
            "schemas": [USER, ENTERPRISE],
            "id": "2819c223-7f76-453a-919d-413861904646",
            "userName": "bjensen@example.com",
            "name": {"givenName": "Barbara"},
            ENTERPRISE: {"employeeNumber": "701984"}
        })
    );
    let output = typed_and_generic(
        &[
            "validate",
            "--context",
            "response",
            "--excluded-attributes",
            "emails,id,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        ],
        &user_schema_files(),
        &body,
    );
    let printed = stdout_json(&output);
    assert!(printed.get("emails").is_none());
    assert!(printed.get(ENTERPRISE).is_none());
    assert_eq!(printed["schemas"], json!([USER]));
    assert_eq!(printed["id"], json!("2819c223-7f76-453a-919d-413861904646"));
}

#[test]
fn each_resource_of_a_list_response_is_projected() {
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": 2,
        "Resources": [
            {"schemas": [USER], "id": "2819c223", "userName": "bjensen", "displayName": "Babs"},
            {"schemas": [USER], "id": "c75ad752", "userName": "jsmith", "displayName": "Jim"}
        ]
    })
    .to_string();
    let output = scim(
        &[
            "validate",
            "--context",
            "response",
            "--attributes",
            "displayName",
        ],
        &body,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout_json(&output)["Resources"],
        json!([
            {"schemas": [USER], "id": "2819c223", "displayName": "Babs"},
            {"schemas": [USER], "id": "c75ad752", "displayName": "Jim"}
        ])
    );
}

#[test]
fn projection_options_are_for_responses_only_and_exclusive() {
    for args in [
        &[
            "validate",
            "--context",
            "create",
            "--attributes",
            "userName",
        ][..],
        &[
            "validate",
            "--context",
            "replace",
            "--excluded-attributes",
            "emails",
        ][..],
        &["validate", "--attributes", "userName"][..],
        &[
            "validate",
            "--context",
            "response",
            "--attributes",
            "userName",
            "--excluded-attributes",
            "emails",
        ][..],
    ] {
        let output = scim(
            args,
            r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}"#,
        );
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}
