//! One behaviour, two front doors: the generic reader, given the bundled schemas, writes
//! the same JSON as the typed models for every RFC resource example, and both reject the
//! same mistakes.

use scim::generic::{GenericResource, ResourceSchemas};
use scim::models::{Group, User};
use scim::schema::{Loader, Schema, SchemaSet};
use scim_tests::rfc_example;
use serde_json::{json, Value};
use std::path::Path;

fn bundled() -> SchemaSet {
    let mut loader = Loader::new();
    loader.add_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/rfc7643"));
    loader.load().unwrap_or_else(|error| panic!("{error}"))
}

fn schema(set: &SchemaSet, urn: &str) -> Schema {
    set.schema(urn)
        .cloned()
        .unwrap_or_else(|| panic!("{urn} is bundled"))
}

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

fn generic_user(input: Value) -> Result<Value, scim::Error> {
    let set = bundled();
    let core = schema(&set, USER);
    let extensions = [schema(&set, ENTERPRISE)];
    GenericResource::from_json(input, ResourceSchemas::new(&core, &extensions))
        .map(|resource| serde_json::to_value(scim::RequestBody(&resource)).unwrap())
}

fn typed_user(input: &Value) -> Result<Value, String> {
    serde_json::from_value::<User>(input.clone())
        .map(|user| serde_json::to_value(scim::RequestBody(&user)).unwrap())
        .map_err(|error| error.to_string())
}

#[test]
fn user_examples_read_the_same_through_both_doors() {
    for file in [
        "rfc7643/8.1-minimal-user.json",
        "rfc7643/8.2-full-user.json",
        "rfc7643/8.3-enterprise-user.json",
        "rfc7644/3.3-create-user-request.json",
        "rfc7644/3.4.1-get-user-response.json",
        "rfc7644/3.5.1-replace-user-request.json",
        "rfc7644/3.14-create-user-response.json",
    ] {
        let input = rfc_example(file);
        assert_eq!(
            generic_user(input.clone()).unwrap(),
            typed_user(&input).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn group_example_reads_the_same_through_both_doors() {
    let set = bundled();
    let core = schema(&set, GROUP);
    let input = rfc_example("rfc7643/8.4-group.json");
    let generic =
        GenericResource::from_json(input.clone(), ResourceSchemas::new(&core, &[])).unwrap();
    let typed = serde_json::to_value(serde_json::from_value::<Group>(input).unwrap()).unwrap();
    assert_eq!(generic.to_json().unwrap(), typed);
}

#[test]
fn names_in_any_case_and_canonical_values_come_out_the_same() {
    let input = json!({
        "SCHEMAS": [USER, ENTERPRISE.to_uppercase()],
        "USERNAME": "bjensen",
        "Emails": [{"VALUE": "b@example.com", "Type": "WORK"}],
        "urn:IETF:params:scim:schemas:extension:enterprise:2.0:user": {"EMPLOYEENUMBER": "7"},
        "nickName": null,
        "phoneNumbers": [],
        "favouriteColour": "green"
    });
    let expected = json!({
        "schemas": [USER, ENTERPRISE],
        "userName": "bjensen",
        "emails": [{"value": "b@example.com", "type": "work"}],
        ENTERPRISE: {"employeeNumber": "7"},
        "favouriteColour": "green"
    });
    assert_eq!(generic_user(input.clone()).unwrap(), expected);
    assert_eq!(typed_user(&input).unwrap(), expected);
}

#[test]
fn both_doors_reject_the_same_mistakes() {
    let mistakes = [
        json!({"userName": 5}),
        json!({"active": "yes"}),
        json!({"emails": {"value": "not a list"}}),
        json!({"name": "not an object"}),
        json!({"meta": {"created": "yesterday"}}),
        json!({"x509Certificates": [{"value": "not base64!"}]}),
        json!({"userName": "a", "USERNAME": "b"}),
        json!({"schemas": [GROUP]}),
        json!({"schemas": [USER, USER]}),
        json!({"profileUrl": "not a uri ::"}),
        json!({"groups": [{"$ref": "has space"}]}),
        json!({ENTERPRISE: {"manager": {"$ref": "%zz"}}}),
    ];
    for input in mistakes {
        let generic = generic_user(input.clone());
        let typed = typed_user(&input);
        assert!(generic.is_err(), "generic accepted {input}");
        assert!(typed.is_err(), "typed accepted {input}");
    }
}

#[test]
fn schemas_follow_what_is_present_through_both_doors() {
    let input = json!({
        "schemas": [USER, "urn:example:listed:but:absent"],
        "userName": "b",
        ENTERPRISE: {"employeeNumber": "1"},
        "urn:example:custom": {"level": 1}
    });
    let expected = json!([USER, ENTERPRISE, "urn:example:custom"]);
    assert_eq!(generic_user(input.clone()).unwrap()["schemas"], expected);
    assert_eq!(typed_user(&input).unwrap()["schemas"], expected);
}

#[test]
fn integers_beyond_64_bits_are_rejected_by_both_doors() {
    let set = bundled();
    let config = schema(
        &set,
        "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
    );
    let input = json!({"bulk": {"supported": true, "maxOperations": 9223372036854775808u64}});
    assert!(GenericResource::from_json(input.clone(), ResourceSchemas::new(&config, &[])).is_err());
    assert!(serde_json::from_value::<scim::models::ServiceProviderConfig>(input).is_err());
}

#[test]
fn the_generic_reader_keeps_number_text_and_rejects_repeated_names() {
    let set = bundled();
    let config = schema(
        &set,
        "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
    );
    let text = r#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],"bulk":{"supported":true,"maxOperations":1000,"maxPayloadSize":1048576},"ratio":12.500,"huge":1e400}"#;
    let resource = GenericResource::from_str(text, ResourceSchemas::new(&config, &[])).unwrap();
    assert_eq!(serde_json::to_string(&resource).unwrap(), text);
    let repeated = r#"{"bulk":{"supported":true,"SUPPORTED":false}}"#;
    let error =
        GenericResource::from_str(repeated, ResourceSchemas::new(&config, &[])).unwrap_err();
    assert_eq!(
        error.detail(),
        Some("bulk.SUPPORTED: the attribute is given more than once (names compare case-insensitively, RFC 7643 §2.1)")
    );
    let error = GenericResource::from_str("{\"a\": ", ResourceSchemas::schemaless()).unwrap_err();
    assert_eq!(error.scim_type(), Some(&scim::ScimType::InvalidSyntax));
}

#[test]
fn generic_errors_name_the_attribute_path() {
    let error = generic_user(json!({"emails": [{"value": "a"}, {"value": 5}]})).unwrap_err();
    assert_eq!(error.status(), 400);
    assert_eq!(
        error.detail(),
        Some("emails[1].value: expected a string, found a number")
    );
    let error = generic_user(json!({ENTERPRISE: {"manager": {"value": true}}})).unwrap_err();
    assert_eq!(
        error.detail(),
        Some("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value: expected a string, found a boolean")
    );
}

#[test]
fn plain_serialize_hides_what_is_never_returned_in_both() {
    let input = rfc_example("rfc7643/8.2-full-user.json");
    let typed: User = serde_json::from_value(input.clone()).unwrap();
    let set = bundled();
    let core = schema(&set, USER);
    let extensions = [schema(&set, ENTERPRISE)];
    let generic =
        GenericResource::from_json(input.clone(), ResourceSchemas::new(&core, &extensions))
            .unwrap();
    let typed_safe = serde_json::to_value(&typed).unwrap();
    assert!(typed_safe.get("password").is_none());
    assert_eq!(serde_json::to_value(&generic).unwrap(), typed_safe);
    assert_eq!(
        serde_json::to_value(scim::RequestBody(&generic)).unwrap()["password"],
        input["password"]
    );
}

#[test]
fn attributes_qualified_with_the_core_schema_uri_read_as_themselves() {
    // RFC 7644 §3.10: `urn:ietf:params:scim:schemas:core:2.0:User:userName` names
    // `userName`. Read as an unknown attribute, a qualified password would come back in
    // every response.
    let input = json!({
        "schemas": [USER],
        "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:userName": "bjensen",
        "urn:ietf:params:scim:schemas:core:2.0:User:password": "t1meMa$heen",
        "urn:ietf:params:scim:schemas:core:2.0:User:favouriteColour": "green"
    });
    let typed: User = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(typed.user_name.as_deref(), Some("bjensen"));
    assert_eq!(typed.password.as_deref(), Some("t1meMa$heen"));
    let safe = serde_json::to_value(&typed).unwrap();
    assert!(!safe.to_string().contains("t1meMa$heen"));
    assert_eq!(
        generic_user(input.clone()).unwrap(),
        typed_user(&input).unwrap()
    );
    // The same attribute twice, once qualified, is a duplicate in both.
    let twice = json!({
        "schemas": [USER],
        "userName": "a",
        "urn:ietf:params:scim:schemas:core:2.0:User:username": "b"
    });
    assert!(serde_json::from_value::<User>(twice.clone()).is_err());
    assert!(generic_user(twice).is_err());
}
