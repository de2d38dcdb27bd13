//! The serde behaviour of `#[derive(Resource)]`, `#[derive(Complex)]` and
//! `#[derive(CanonicalValues)]` on hand-written structs.

use scim::{CanonicalValue, CanonicalValues, Complex, Resource, UnknownAttributes};
use serde_json::{json, Value};

#[derive(Clone, Debug, PartialEq, Eq, Hash, CanonicalValues)]
enum EmailType {
    #[scim(value = "work")]
    Work,
    #[scim(value = "home")]
    Home,
    #[scim(other)]
    Other(String),
}

#[derive(Debug, Default, PartialEq, Complex)]
struct Email {
    value: Option<String>,
    r#type: Option<EmailType>,
    primary: Option<bool>,
    #[scim(rename = "$ref")]
    reference: Option<String>,
    #[scim(unknown)]
    unknown: UnknownAttributes,
}

#[derive(Debug, Default, PartialEq, Complex)]
#[scim(schema = "urn:example:params:scim:schemas:extension:badge:2.0:User")]
struct Badge {
    badge_number: Option<String>,
}

#[derive(Debug, Default, PartialEq, Resource)]
#[scim(schema = "urn:ietf:params:scim:schemas:core:2.0:User")]
struct User {
    id: Option<String>,
    user_name: Option<String>,
    emails: Vec<Email>,
    #[scim(extension)]
    badge: Option<Badge>,
    #[scim(unknown)]
    unknown: UnknownAttributes,
}

#[derive(Debug, PartialEq, Resource)]
#[scim(schema = "urn:example:Strict")]
struct Strict {
    name: String,
}

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const BADGE: &str = "urn:example:params:scim:schemas:extension:badge:2.0:User";

fn parse<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_str(&value.to_string()).map_err(|error| error.to_string())
}

#[test]
fn attribute_names_match_in_any_case_and_come_out_canonical() {
    let user: User =
        parse(json!({"USERNAME": "bjensen", "Emails": [{"VALUE": "b@example.com"}]})).unwrap();
    assert_eq!(user.user_name.as_deref(), Some("bjensen"));
    assert_eq!(user.emails[0].value.as_deref(), Some("b@example.com"));
    assert_eq!(
        serde_json::to_value(&user).unwrap(),
        json!({"schemas": [USER], "userName": "bjensen", "emails": [{"value": "b@example.com"}]})
    );
}

#[test]
fn the_same_attribute_twice_in_different_case_is_rejected() {
    let error = parse::<User>(json!({"userName": "a", "USERNAME": "b"})).unwrap_err();
    assert!(
        error.contains("`userName` is given more than once"),
        "{error}"
    );
}

#[test]
fn null_and_empty_lists_read_as_unassigned() {
    let user: User = parse(json!({"userName": null, "emails": null})).unwrap();
    assert_eq!(user, User::default());
    let user: User = parse(json!({"emails": []})).unwrap();
    assert!(user.emails.is_empty());
}

#[test]
fn extensions_are_typed_and_keyed_by_uri_in_any_case() {
    let user: User = parse(json!({
        "schemas": [USER, BADGE],
        "urn:EXAMPLE:params:scim:schemas:extension:BADGE:2.0:User": {"badgeNumber": "7"}
    }))
    .unwrap();
    assert_eq!(
        user.badge.as_ref().and_then(|b| b.badge_number.as_deref()),
        Some("7")
    );
    assert_eq!(
        serde_json::to_value(&user).unwrap(),
        json!({"schemas": [USER, BADGE], BADGE: {"badgeNumber": "7"}})
    );
}

#[test]
fn schemas_follow_what_is_present() {
    let mut user = User {
        user_name: Some("bjensen".into()),
        ..User::default()
    };
    assert_eq!(user.schemas().as_slice(), &[USER]);
    user.badge = Some(Badge::default());
    assert_eq!(user.schemas().as_slice(), &[USER, BADGE]);
    user.unknown
        .insert("urn:example:other", &json!({"a": 1}))
        .unwrap();
    assert_eq!(
        user.schemas().as_slice(),
        &[USER, BADGE, "urn:example:other"]
    );
}

#[test]
fn unknown_attributes_and_extension_objects_are_kept() {
    let input = json!({
        "schemas": [USER, "urn:example:custom"],
        "userName": "bjensen",
        "nickName2": "Babs",
        "emails": [{"value": "b@example.com", "display2": "B"}],
        "urn:example:custom": {"level": 3}
    });
    let user: User = parse(input.clone()).unwrap();
    assert_eq!(
        user.unknown.get("nickname2").map(|raw| raw.get()),
        Some(r#""Babs""#)
    );
    assert_eq!(
        user.emails[0].unknown.get("display2").map(|raw| raw.get()),
        Some(r#""B""#)
    );
    assert_eq!(serde_json::to_value(&user).unwrap(), input);
}

#[test]
fn unknown_attributes_keep_their_json_text_exactly() {
    let input = r#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"ratio":1.10,"big":123456789012345678901234567890,"nested":{"b":1e400,"a":[-0]}}"#;
    let user: User = serde_json::from_str(input).unwrap();
    assert_eq!(serde_json::to_string(&user).unwrap(), input);
    assert_eq!(user.unknown.get_as::<f64>("RATIO").unwrap().unwrap(), 1.1);
}

#[test]
fn many_unknown_attributes_read_in_linear_time_and_still_catch_duplicates() {
    let mut input = String::from("{");
    for index in 0..50_000 {
        input.push_str(&format!("\"attribute{index}\":{index},"));
    }
    input.push_str("\"ATTRIBUTE49999\":0}");
    let error = serde_json::from_str::<User>(&input)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("`ATTRIBUTE49999` is given more than once"),
        "{error}"
    );
    let user: User = serde_json::from_str(&input.replace(",\"ATTRIBUTE49999\":0", "")).unwrap();
    assert_eq!(user.unknown.len(), 50_000);
    assert_eq!(
        user.unknown.get("Attribute12345").map(|raw| raw.get()),
        Some("12345")
    );
}

#[test]
fn unknown_attributes_are_errors_without_an_unknown_field() {
    let error = parse::<Strict>(json!({"name": "x", "colour": "red"})).unwrap_err();
    assert!(error.contains("unknown attribute `colour`"), "{error}");
}

#[test]
fn a_plain_field_is_required_when_parsing() {
    let error = parse::<Strict>(json!({})).unwrap_err();
    assert!(error.contains("missing field `name`"), "{error}");
}

#[test]
fn schemas_must_name_the_core_schema() {
    let error = parse::<User>(json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]}))
        .unwrap_err();
    assert!(
        error.contains("does not name the resource's schema"),
        "{error}"
    );
}

#[test]
fn schemas_must_not_repeat_a_uri() {
    let error = parse::<User>(json!({"schemas": [USER, USER.to_uppercase()]})).unwrap_err();
    assert!(error.contains("more than once"), "{error}");
}

#[test]
fn canonical_values_match_in_any_case_and_are_written_canonically() {
    assert_eq!(EmailType::from_text("WORK"), EmailType::Work);
    assert_eq!(
        EmailType::from_text("Intranet"),
        EmailType::Other("Intranet".into())
    );
    let email: Email = parse(json!({"type": "Home"})).unwrap();
    assert_eq!(email.r#type, Some(EmailType::Home));
    assert_eq!(
        serde_json::to_value(&email).unwrap(),
        json!({"type": "home"})
    );
    assert_eq!(EmailType::VALUES, &["work", "home"]);
    assert_eq!(EmailType::Other("x".into()).to_string(), "x");
}

#[test]
fn dollar_ref_and_raw_identifiers_keep_their_wire_names() {
    let email: Email = parse(json!({"$REF": "https://example.com/x", "TYPE": "work"})).unwrap();
    assert_eq!(email.reference.as_deref(), Some("https://example.com/x"));
    assert_eq!(
        serde_json::to_value(&email).unwrap(),
        json!({"$ref": "https://example.com/x", "type": "work"})
    );
}

#[test]
fn a_wrong_type_is_an_error_not_a_panic() {
    let error = parse::<User>(json!({"userName": 5})).unwrap_err();
    assert!(error.contains("invalid type"), "{error}");
    let error = parse::<User>(json!({"emails": {"value": "x"}})).unwrap_err();
    assert!(error.contains("invalid type"), "{error}");
}
