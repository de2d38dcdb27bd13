//! `scim filter parse` as users' scripts see it: stdout, exit codes.

use serde_json::json;
use std::process::Output;
use support::stdout_json;

mod support;

fn scim(args: &[&str]) -> Output {
    support::run(args, b"")
}

#[test]
fn filter_parse_prints_the_tree_and_exits_0() {
    let output = scim(&[
        "filter",
        "parse",
        r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"] or not (urn:ietf:params:scim:schemas:core:2.0:User:name.familyName pr)"#,
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_json(&output),
        json!({"op": "or", "filters": [
            {"op": "and", "filters": [
                {"op": "eq", "attr": "userType", "value": "Employee"},
                {"op": "valuePath", "attr": "emails", "filter": {"op": "and", "filters": [
                    {"op": "eq", "attr": "type", "value": "work"},
                    {"op": "co", "attr": "value", "value": "@example.com"},
                ]}},
            ]},
            {"op": "not", "filter": {
                "op": "pr",
                "attr": "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName",
            }},
        ]})
    );
}

#[test]
fn filter_parse_writes_numbers_and_literals_as_json() {
    let output = scim(&["filter", "parse", "a gt 10 and b eq true and c ne null"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_json(&output),
        json!({"op": "and", "filters": [
            {"op": "gt", "attr": "a", "value": 10},
            {"op": "eq", "attr": "b", "value": true},
            {"op": "ne", "attr": "c", "value": null},
        ]})
    );
}

#[test]
fn an_invalid_filter_prints_an_invalid_filter_error_document_and_exits_2() {
    let output = scim(&["filter", "parse", "userName eq"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout_json(&output),
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
            "status": "400",
            "scimType": "invalidFilter",
            "detail": "at 12: expected a comparison value (false, null, true, a number or a string), found the end",
        })
    );
}

#[test]
fn filter_parse_without_a_filter_is_a_usage_error() {
    let output = scim(&["filter", "parse"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}
