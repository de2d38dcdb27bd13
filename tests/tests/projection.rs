//! Attribute projection (RFC 7644 §3.4.2.5, §3.9), with the bundled User schemas:
//! `returned` decides first, then `attributes` / `excludedAttributes`. Every case runs
//! on the typed model ([`scim::Response`]) and on a generic resource
//! ([`GenericResource::project`]), which must agree.

use scim::generic::{GenericResource, ResourceSchemas};
use scim::models::User;
use scim::projection::Projection;
use scim::schema::{Loader, Schema, SchemaSet};
use scim::{Resource, Response};
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
    let mut input = rfc_example("rfc7643/8.3-enterprise-user.json");
    // What a stored user also holds: a password, an attribute and an extension that no
    // schema defines.
    input["password"] = json!("t1meMa$heen");
    input["favouriteColour"] = json!("green");
    input["urn:example:badge"] = json!({"number": 7});
    project_user(&input, attributes, excluded)
}

/// `input` projected as a typed User and as a generic resource: both must agree.
fn project_user(input: &Value, attributes: &str, excluded: &str) -> Value {
    let set = bundled();
    let core: Schema = set.schema(USER).cloned().unwrap();
    let extensions = [set.schema(ENTERPRISE).cloned().unwrap()];
    let schemas = ResourceSchemas::new(&core, &extensions);
    let text = input.to_string();
    let projection = Projection::new()
        .with_attributes(attributes)
        .with_excluded_attributes(excluded);
    let generic = GenericResource::from_str(&text, schemas)
        .unwrap()
        .project(schemas, &projection)
        .to_json()
        .unwrap();
    let typed: User = serde_json::from_str(&text).unwrap();
    let typed = serde_json::to_value(Response::new(&typed, &projection)).unwrap();
    assert_eq!(
        typed, generic,
        "typed and generic, {attributes} / {excluded}"
    );
    generic
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
    assert_eq!(
        user["schemas"],
        json!([USER, ENTERPRISE, "urn:example:badge"])
    );
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

#[test]
fn attributes_no_schema_defines_are_returned_by_default() {
    let user = project("", "");
    assert_eq!(user["favouriteColour"], json!("green"));
    assert_eq!(user["urn:example:badge"], json!({"number": 7}));
    assert!(user["schemas"]
        .as_array()
        .unwrap()
        .contains(&json!("urn:example:badge")));
    let user = project("userName", "");
    assert!(user.get("favouriteColour").is_none());
    assert!(user.get("urn:example:badge").is_none());
    assert_eq!(user["schemas"], json!([USER]));
    let user = project("", "urn:example:badge,favouriteColour");
    assert!(user.get("favouriteColour").is_none());
    assert!(user.get("urn:example:badge").is_none());
}

#[test]
fn an_extension_with_nothing_left_is_dropped_from_the_document_and_from_schemas() {
    let user = project("userName", "");
    assert!(user.get(ENTERPRISE).is_none());
    let user = project(&format!("userName,{ENTERPRISE}:employeeNumber"), "");
    assert_eq!(user[ENTERPRISE], json!({"employeeNumber": "701984"}));
    assert_eq!(user["schemas"], json!([USER, ENTERPRISE]));
}

/// A user whose `name` and enterprise extension hold members no schema defines.
fn user_with_unknown_members() -> Value {
    json!({
        "schemas": [USER, ENTERPRISE],
        "userName": "bjensen",
        "name": {"givenName": "Barbara", "pronunciation": "BAR-bra"},
        ENTERPRISE: {"badgeColour": "red"}
    })
}

// Regression (fuzz target `sort_and_project`): the typed response dropped an extension
// whose members no schema defines, which the generic projection returned.
#[test]
fn an_extension_holding_only_members_no_schema_defines_is_returned_by_default() {
    for (attributes, excluded) in [("", ""), ("", "emails")] {
        let user = project_user(&user_with_unknown_members(), attributes, excluded);
        assert_eq!(
            user[ENTERPRISE],
            json!({"badgeColour": "red"}),
            "{attributes} / {excluded}"
        );
        assert_eq!(user["schemas"], json!([USER, ENTERPRISE]));
    }
}

// Regression (fuzz target `sort_and_project`): the typed response decided members no
// schema defines without their name, so `attributes` could not ask for them.
#[test]
fn attributes_may_name_members_no_schema_defines() {
    let user = project_user(
        &user_with_unknown_members(),
        &format!("name.pronunciation,{ENTERPRISE}:badgeColour"),
        "",
    );
    assert_eq!(user["name"], json!({"pronunciation": "BAR-bra"}));
    assert_eq!(user[ENTERPRISE], json!({"badgeColour": "red"}));
}

// Regression (fuzz target `sort_and_project`): the typed response decided members no
// schema defines without their name, so `excludedAttributes` could not leave them out.
#[test]
fn excluded_attributes_may_name_members_no_schema_defines() {
    let user = project_user(
        &user_with_unknown_members(),
        "",
        &format!("name.pronunciation,{ENTERPRISE}:badgeColour"),
    );
    assert_eq!(user["name"], json!({"givenName": "Barbara"}));
    assert!(user.get(ENTERPRISE).is_none());
    assert_eq!(user["schemas"], json!([USER]));
}

#[test]
fn a_response_mask_serves_many_resources() {
    let projection = Projection::new().with_attributes("userName");
    let mask = scim::response::ResponseMask::for_resource::<User>(&projection);
    let users = ["alice", "bob"].map(User::new);
    let written: Vec<Value> = users
        .iter()
        .map(|user| serde_json::to_value(Response::with_mask(user, &mask)).unwrap())
        .collect();
    assert_eq!(written[1], json!({"schemas": [USER], "userName": "bob"}));
}

#[test]
fn a_list_response_carries_projected_resources() {
    let projection = Projection::new().with_excluded_attributes("emails");
    let mask = scim::response::ResponseMask::for_resource::<User>(&projection);
    let mut user = User::new("bjensen");
    user.password = Some("t1meMa$heen".into());
    let page = scim::message::ListResponse::new(1, vec![Response::with_mask(&user, &mask)]);
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "totalResults": 1,
            "Resources": [{"schemas": [USER], "userName": "bjensen"}]
        })
    );
}

#[test]
fn a_complex_value_with_nothing_left_is_left_out() {
    // RFC 7643 §2.5: an empty value is unassigned. Typed and generic agree.
    let text = json!({
        "schemas": [USER],
        "id": "2819c223",
        "userName": "bjensen",
        "name": {"givenName": "Barbara", "familyName": "Jensen"},
        "emails": [{"value": "bjensen@example.com"}, {"type": "home"}]
    })
    .to_string();
    let schemas = User::resource_schemas();
    let typed: User = serde_json::from_str(&text).unwrap();
    let generic = GenericResource::from_str(&text, schemas).unwrap();
    for (attributes, excluded, expected) in [
        (
            "",
            "name.givenName,name.familyName",
            json!({"schemas": [USER], "id": "2819c223", "userName": "bjensen",
                   "emails": [{"value": "bjensen@example.com"}, {"type": "home"}]}),
        ),
        (
            "emails.value",
            "",
            json!({"schemas": [USER], "id": "2819c223",
                   "emails": [{"value": "bjensen@example.com"}]}),
        ),
        (
            "name.middleName",
            "",
            json!({"schemas": [USER], "id": "2819c223"}),
        ),
    ] {
        let projection = Projection::new()
            .with_attributes(attributes)
            .with_excluded_attributes(excluded);
        let written = serde_json::to_value(Response::new(&typed, &projection)).unwrap();
        assert_eq!(written, expected, "{attributes} / {excluded}");
        assert_eq!(
            generic.project(schemas, &projection).to_json().unwrap(),
            expected,
            "generic, {attributes} / {excluded}"
        );
    }
}

#[test]
fn a_path_ending_in_a_dot_names_no_sub_attribute() {
    // `addresses.` gives the empty sub-attribute name, which no member has: neither the
    // schema's sub-attributes nor `primary`, which the RFC user's addresses carry though
    // the RFC 7643 §8.7.1 schema does not define it (fuzzing found the typed response
    // writing it).
    let input = rfc_example("rfc7643/8.2-full-user.json");
    for (attributes, excluded, addresses) in [
        ("addresses.", "", None),
        (
            "addresses.,addresses.primary",
            "",
            Some(json!([{"primary": true}])),
        ),
        ("addresses.primary", "", Some(json!([{"primary": true}]))),
    ] {
        let projected = project_user(&input, attributes, excluded);
        assert_eq!(
            projected.get("addresses"),
            addresses.as_ref(),
            "{attributes}"
        );
    }
    let excluded = project_user(&input, "", "addresses.");
    assert_eq!(excluded["addresses"], input["addresses"]);
}
