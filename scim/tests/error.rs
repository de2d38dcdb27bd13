//! The SCIM error response (RFC 7644 §3.12, RFC 9865 §2.1): `scim::Error` and
//! `scim::ScimType`.

use scim::{CanonicalValue, Error, ScimType};
use serde_json::{json, Value};

const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

fn parse(value: Value) -> Result<Error, String> {
    serde_json::from_str(&value.to_string()).map_err(|error| error.to_string())
}

fn to_json(error: &Error) -> Value {
    serde_json::to_value(error).expect("errors serialise to JSON")
}

/// Every keyword of RFC 7644 Table 9 and RFC 9865 Table 3, with its spelling.
const KEYWORDS: &[(ScimType, &str)] = &[
    (ScimType::InvalidFilter, "invalidFilter"),
    (ScimType::TooMany, "tooMany"),
    (ScimType::Uniqueness, "uniqueness"),
    (ScimType::Mutability, "mutability"),
    (ScimType::InvalidSyntax, "invalidSyntax"),
    (ScimType::InvalidPath, "invalidPath"),
    (ScimType::NoTarget, "noTarget"),
    (ScimType::InvalidValue, "invalidValue"),
    (ScimType::InvalidVers, "invalidVers"),
    (ScimType::Sensitive, "sensitive"),
    (ScimType::InvalidCursor, "invalidCursor"),
    (ScimType::ExpiredCursor, "expiredCursor"),
    (ScimType::InvalidCount, "invalidCount"),
];

// ---- wire form ----

#[test]
fn status_is_written_as_a_string() {
    assert_eq!(
        to_json(&Error::invalid_value("bad")),
        json!({"schemas": [ERROR], "status": "400", "scimType": "invalidValue", "detail": "bad"})
    );
}

#[test]
fn status_is_read_from_a_string() {
    let error =
        parse(json!({"schemas": [ERROR], "status": "409", "scimType": "uniqueness"})).unwrap();
    assert_eq!(error.status(), 409);
}

#[test]
fn status_is_read_from_an_integer_and_written_back_as_a_string() {
    let error = parse(json!({"schemas": [ERROR], "status": 404, "detail": "gone"})).unwrap();
    assert_eq!(error.status(), 404);
    assert_eq!(
        to_json(&error),
        json!({"schemas": [ERROR], "status": "404", "detail": "gone"})
    );
}

#[test]
fn a_status_that_is_not_three_digits_is_an_error() {
    for wrong in [
        json!("abc"),
        json!("4000"),
        json!("40"),
        json!("+40"),
        json!(" 400"),
        json!("099"),
        json!(42),
        json!(1000),
        json!(-400),
        json!(400.0),
        json!(true),
        json!(null),
        json!({"code": "400"}),
    ] {
        let result = parse(json!({"schemas": [ERROR], "status": wrong.clone()}));
        assert!(result.is_err(), "status {wrong} was accepted");
    }
}

#[test]
fn status_is_required() {
    let error = parse(json!({"schemas": [ERROR], "detail": "no status"})).unwrap_err();
    assert!(error.contains("missing field `status`"), "{error}");
}

#[test]
fn names_match_in_any_case() {
    let error = parse(
        json!({"SCHEMAS": [ERROR], "STATUS": "400", "ScimType": "mutability", "Detail": "x"}),
    )
    .unwrap();
    assert_eq!(error, Error::mutability("x"));
}

#[test]
fn schemas_naming_another_message_is_rejected() {
    let error = parse(json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "status": "400"
    }))
    .unwrap_err();
    assert!(error.contains(ERROR), "{error}");
}

#[test]
fn unknown_attributes_are_kept() {
    let input =
        json!({"schemas": [ERROR], "status": "500", "traceId": "4bf92f35", "detail": "boom"});
    let error = parse(input.clone()).unwrap();
    assert_eq!(
        error
            .unknown_attributes()
            .get_as::<serde_json::Value>("TRACEID")
            .map(Result::unwrap),
        Some(json!("4bf92f35"))
    );
    assert_eq!(to_json(&error), input);
}

#[test]
fn unknown_attributes_can_be_added() {
    let mut error = Error::internal("boom");
    error
        .unknown_attributes_mut()
        .insert("traceId", &json!("4bf92f35"))
        .unwrap();
    assert_eq!(to_json(&error)["traceId"], json!("4bf92f35"));
}

#[test]
fn wrong_types_are_errors_not_panics() {
    for (case, input) in [
        ("detail as a number", json!({"status": "400", "detail": 5})),
        (
            "scimType as a number",
            json!({"status": "400", "scimType": 5}),
        ),
        (
            "scimType as an object",
            json!({"status": "400", "scimType": {}}),
        ),
        ("an array", json!([])),
        ("a string", json!("400")),
    ] {
        assert!(parse(input).is_err(), "{case} was accepted");
    }
}

#[test]
fn the_same_attribute_twice_in_different_case_is_rejected() {
    let error = parse(json!({"status": "400", "STATUS": "404"})).unwrap_err();
    assert!(error.contains("more than once"), "{error}");
}

// ---- ScimType ----

#[test]
fn every_scim_type_round_trips() {
    for (scim_type, text) in KEYWORDS {
        let input = json!({"schemas": [ERROR], "status": "400", "scimType": text});
        let error = parse(input.clone()).unwrap();
        assert_eq!(error.scim_type(), Some(scim_type));
        assert_eq!(to_json(&error), input);
    }
}

#[test]
fn scim_types_are_the_keywords_of_both_rfc_tables_in_order() {
    let texts: Vec<&str> = KEYWORDS.iter().map(|(_, text)| *text).collect();
    assert_eq!(ScimType::VALUES, texts.as_slice());
}

#[test]
fn scim_types_match_in_any_case_and_are_written_in_rfc_spelling() {
    let error = parse(json!({"status": "400", "scimType": "INVALIDFILTER"})).unwrap();
    assert_eq!(error.scim_type(), Some(&ScimType::InvalidFilter));
    assert_eq!(to_json(&error)["scimType"], json!("invalidFilter"));
}

#[test]
fn an_unknown_scim_type_is_kept_as_given() {
    let input = json!({"schemas": [ERROR], "status": "400", "scimType": "invalidResourceType"});
    let error = parse(input.clone()).unwrap();
    assert_eq!(
        error.scim_type(),
        Some(&ScimType::Other("invalidResourceType".into()))
    );
    assert_eq!(to_json(&error), input);
}

#[test]
fn default_statuses_follow_the_rfcs() {
    for (scim_type, _) in KEYWORDS {
        let expected = match scim_type {
            ScimType::Uniqueness => 409,
            ScimType::Sensitive => 403,
            _ => 400,
        };
        assert_eq!(scim_type.default_status(), expected, "{scim_type}");
    }
    assert_eq!(ScimType::Other("x".into()).default_status(), 400);
}

// ---- constructors ----

#[test]
fn keyword_constructors_set_the_keyword_and_its_default_status() {
    let built = [
        Error::invalid_filter("d"),
        Error::too_many("d"),
        Error::uniqueness("d"),
        Error::mutability("d"),
        Error::invalid_syntax("d"),
        Error::invalid_path("d"),
        Error::no_target("d"),
        Error::invalid_value("d"),
        Error::invalid_vers("d"),
        Error::sensitive("d"),
        Error::invalid_cursor("d"),
        Error::expired_cursor("d"),
        Error::invalid_count("d"),
    ];
    for (error, (scim_type, _)) in built.iter().zip(KEYWORDS) {
        assert_eq!(error.scim_type(), Some(scim_type));
        assert_eq!(error.status(), scim_type.default_status(), "{scim_type}");
        assert_eq!(error.detail(), Some("d"));
    }
    assert_eq!(built.len(), KEYWORDS.len());
}

#[test]
fn status_constructors_have_no_keyword() {
    let built = [
        (Error::unauthorized("d"), 401),
        (Error::forbidden("d"), 403),
        (Error::not_found("d"), 404),
        (Error::conflict("d"), 409),
        (Error::precondition_failed("d"), 412),
        (Error::payload_too_large("d"), 413),
        (Error::internal("d"), 500),
        (Error::not_implemented("d"), 501),
    ];
    for (error, status) in built {
        assert_eq!(error.status(), status);
        assert_eq!(error.scim_type(), None);
        assert_eq!(error.detail(), Some("d"));
    }
}

#[test]
fn not_found_matches_the_rfc_example() {
    // RFC 7644 §3.12, first example.
    let expected = json!({
        "schemas": [ERROR],
        "detail": "Resource 2819c223-7f76-453a-919d-413861904646 not found",
        "status": "404"
    });
    assert_eq!(
        to_json(&Error::not_found(
            "Resource 2819c223-7f76-453a-919d-413861904646 not found"
        )),
        expected
    );
}

#[test]
fn new_sets_every_part() {
    let error = Error::new(
        400,
        Some(ScimType::Other("custom".into())),
        Some("d".into()),
    );
    assert_eq!(error.status(), 400);
    assert_eq!(error.scim_type(), Some(&ScimType::Other("custom".into())));
    assert_eq!(error.detail(), Some("d"));
    assert_eq!(
        to_json(&Error::new(500, None, None)),
        json!({"schemas": [ERROR], "status": "500"})
    );
}

#[test]
fn at_prefixes_the_detail_with_the_attribute_path() {
    let error = Error::invalid_value("expected a string").at("emails[1].value");
    assert_eq!(error.detail(), Some("emails[1].value: expected a string"));
    let error = Error::new(400, Some(ScimType::InvalidValue), None).at("userName");
    assert_eq!(error.detail(), Some("userName"));
}

#[test]
fn with_detail_replaces_the_detail() {
    assert_eq!(Error::not_found("a").with_detail("b").detail(), Some("b"));
}

// ---- Display and std::error::Error ----

#[test]
fn display_shows_status_keyword_and_detail() {
    assert_eq!(
        Error::invalid_value("bad").to_string(),
        "400 invalidValue: bad"
    );
    assert_eq!(Error::not_found("gone").to_string(), "404: gone");
    assert_eq!(
        Error::new(400, Some(ScimType::TooMany), None).to_string(),
        "400 tooMany"
    );
    assert_eq!(Error::new(500, None, None).to_string(), "500");
}

#[test]
fn it_is_a_std_error() {
    let boxed: Box<dyn std::error::Error> = Box::new(Error::too_many("narrow the filter"));
    assert_eq!(boxed.to_string(), "400 tooMany: narrow the filter");
}
