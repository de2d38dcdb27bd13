//! Attribute projection on generic resources (RFC 7644 §3.4.2.5, §3.9), with the bundled
//! User schemas: `returned` decides first, then `attributes` / `excludedAttributes`.

use scim::generic::{GenericResource, ResourceSchemas};
use scim::projection::Projection;
use scim::schema::{Loader, Schema, SchemaSet};
use scim_tests::rfc_example;
use serde_json::{json, Value};
use std::path::Path;

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

fn bundled() -> SchemaSet {
    let mut loader = Loader::new();
    loader.add_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/rfc7643"));
    loader.load().unwrap_or_else(|error| panic!("{error}"))
}

fn project(attributes: &str, excluded: &str) -> Value {
    let set = bundled();
    let core: Schema = set.schema(USER).cloned().unwrap();
    let extensions = [set.schema(ENTERPRISE).cloned().unwrap()];
    let schemas = ResourceSchemas::new(&core, &extensions);
    let text = rfc_example("rfc7643/8.3-enterprise-user.json").to_string();
    let user = GenericResource::from_str(&text, schemas).unwrap();
    let projection = Projection::new()
        .with_attributes(attributes)
        .with_excluded_attributes(excluded);
    user.project(schemas, &projection).to_json().unwrap()
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn the_password_is_never_returned() {
    for (attributes, excluded) in [
        ("", ""),
        ("password", ""),
        ("PASSWORD,userName", ""),
        ("", "userName"),
    ] {
        assert!(
            project(attributes, excluded).get("password").is_none(),
            "{attributes} / {excluded}"
        );
    }
}

#[test]
fn without_parameters_everything_returned_by_default_comes_back() {
    let user = project("", "");
    assert_eq!(user["userName"], json!("bjensen@example.com"));
    assert_eq!(user["schemas"], json!([USER, ENTERPRISE]));
    assert!(user.get(ENTERPRISE).is_some());
}

#[test]
fn attributes_keeps_only_what_it_names_plus_what_is_always_returned() {
    let user = project("userName,NAME.givenName", "");
    let mut names = keys(&user);
    names.sort_unstable();
    assert_eq!(names, ["id", "name", "schemas", "userName"]);
    assert_eq!(user["name"], json!({"givenName": "Barbara"}));
    assert_eq!(
        user["schemas"],
        json!([USER]),
        "the extension is gone, and so is its URI"
    );
}

#[test]
fn extension_attributes_are_named_by_their_urn() {
    let user = project(&format!("{ENTERPRISE}:employeeNumber,emails.value"), "");
    assert_eq!(user[ENTERPRISE], json!({"employeeNumber": "701984"}));
    assert_eq!(user["emails"][1], json!({"value": "babs@jensen.org"}));
    assert_eq!(user["schemas"], json!([USER, ENTERPRISE]));
    let user = project(ENTERPRISE, "");
    assert_eq!(
        user[ENTERPRISE]["manager"]["displayName"],
        json!("John Smith")
    );
}

#[test]
fn core_attributes_may_carry_their_urn_too() {
    let user = project(&format!("{USER}:userName"), "");
    assert_eq!(user["userName"], json!("bjensen@example.com"));
    assert!(user.get("displayName").is_none());
}

#[test]
fn excluded_attributes_drop_default_ones_but_never_always_ones() {
    let user = project("", "emails,id,name.familyName");
    assert!(user.get("emails").is_none());
    assert_eq!(user["id"], json!("2819c223-7f76-453a-919d-413861904646"));
    assert!(user["name"].get("familyName").is_none());
    assert_eq!(user["name"]["givenName"], json!("Barbara"));
}
