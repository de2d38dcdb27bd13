//! The generator's golden outputs compile with warnings denied and behave as models.

use scim::value::ReferenceTypes;
use scim::Resource;
use scim_tests::goldens::{
    canonical_values, every_type, extensions, hostile_names, keywords, multi_valued_complex,
};
use serde_json::{json, Value};

fn round_trip<T: Resource>(input: Value) -> T {
    let model: T =
        serde_json::from_str(&input.to_string()).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        serde_json::to_value(scim::RequestBody(&model)).unwrap(),
        input
    );
    model
}

#[test]
fn every_type_keeps_every_value_exactly() {
    let input = r#"{"schemas":["urn:example:params:scim:schemas:core:2.0:Device"],"serialNumber":"SN-1","enabled":true,"weight":1.250,"ports":4,"purchased":"2024-02-29T23:59:59.5+05:30","firmware":"AAEC","owner":"https://example.com/v2/Users/1","manual":"https://example.com/manual.pdf","anything":"urn:x","tags":["a","b"],"readings":[0.10,12345678901234567890.123456789],"location":{"building":"B","floor":-1},"secret":"s3cret","assetTag":"A-1","model":"X"}"#;
    let device: every_type::Device = serde_json::from_str(input).unwrap();
    assert_eq!(
        serde_json::to_string(&scim::RequestBody(&device)).unwrap(),
        input
    );
    // The safe form never writes the writeOnly, returned-never `secret`.
    let safe = serde_json::to_string(&device).unwrap();
    assert_eq!(safe, input.replace(r#","secret":"s3cret""#, ""));
    assert_eq!(device.weight.as_ref().unwrap().as_str(), "1.250");
    assert_eq!(device.firmware.as_ref().unwrap().as_bytes(), &[0, 1, 2]);
    assert_eq!(
        device.purchased.as_ref().unwrap().offset_minutes(),
        Some(330)
    );
    assert_eq!(
        every_type::reference_types::UserOrGroup::TYPES,
        &["User", "Group"]
    );
}

#[test]
fn keywords_and_dollar_ref_keep_their_wire_names() {
    let widget: keywords::Widget = round_trip(json!({
        "schemas": ["urn:example:params:scim:schemas:core:2.0:Widget"],
        "type": "t", "self": "s", "match": true, "ref": "r",
        "$ref": "urn:x", "URL": "https://example.com",
        "loop": {"async": 1, "$ref": "https://example.com/x"}
    }));
    assert_eq!(widget.r#type.as_deref(), Some("t"));
    assert_eq!(widget.self_.as_deref(), Some("s"));
    assert_eq!(widget.r#loop.unwrap().r#async, Some(1));
}

#[test]
fn canonical_values_become_enums_with_a_fallback() {
    use canonical_values::ticket::{ContactType, Label, Status};
    let ticket: canonical_values::Ticket = serde_json::from_value(json!({
        "status": "In-Progress",
        "contacts": [{"value": "a", "type": "OTHER"}, {"value": "b", "type": "pager"}],
        "labels": ["bug", "X-CUSTOM", "feature"]
    }))
    .unwrap();
    assert_eq!(ticket.status, Some(Status::InProgress));
    assert_eq!(ticket.contacts[0].r#type, Some(ContactType::Other));
    assert_eq!(
        ticket.contacts[1].r#type,
        Some(ContactType::Custom("pager".into()))
    );
    assert_eq!(
        ticket.labels,
        vec![Label::Bug, Label::XCustom, Label::Other("feature".into())]
    );
    assert_eq!(
        serde_json::to_value(&ticket).unwrap(),
        json!({
            "schemas": ["urn:example:params:scim:schemas:core:2.0:Ticket"],
            "status": "in-progress",
            "contacts": [{"value": "a", "type": "other"}, {"value": "b", "type": "pager"}],
            "labels": ["bug", "x-custom", "feature"]
        })
    );
}

#[test]
fn constructors_take_exactly_the_required_attributes() {
    let ticket = canonical_values::Ticket::new("open");
    assert_eq!(ticket.status, Some(canonical_values::ticket::Status::Open));
    let person = multi_valued_complex::Person::new(vec![multi_valued_complex::person::Email::new(
        "a@example.com",
    )]);
    assert_eq!(person.emails[0].value.as_deref(), Some("a@example.com"));
    // The billing extension is required by the resource type, so `new` takes it too.
    let account = extensions::Account::new("svc-1", extensions::BillingAccount::new());
    assert_eq!(account.account_name.as_deref(), Some("svc-1"));
    assert!(account.billing_account.is_some());
    assert!(account.audit_account.is_none());
}

#[test]
fn hostile_names_still_read_and_write_their_wire_names() {
    use hostile_names::visitor::Kind;
    let input = serde_json::json!({
        "schemas": [
            "urn:example:params:scim:schemas:core:2.0:Gadget",
            "urn:example:params:scim:schemas:extension:gizmo:2.0:Gadget"
        ],
        "a$b": "x",
        "$REF": "https://example.com/v2/Users/1",
        "visitors": [{"value": "v"}],
        "kind": "٣",
        "urn:example:params:scim:schemas:extension:gizmo:2.0:Gadget": {"level": 2}
    });
    let gadget: hostile_names::Visitor = round_trip(input);
    assert_eq!(gadget.kind, Some(Kind::Unnamed));
    assert_eq!(gadget.a_b.as_deref(), Some("x"));
    let custom: Kind = serde_json::from_value(serde_json::json!("pager")).unwrap();
    assert_eq!(custom, Kind::Custom2("pager".into()));
}

#[test]
fn extensions_compose_into_the_resource_type() {
    let account: extensions::Account = round_trip(json!({
        "schemas": [
            "urn:example:params:scim:schemas:core:2.0:Account",
            "urn:example:params:scim:schemas:extension:billing:2.0:Account",
            "urn:example:params:scim:schemas:extension:audit:2.0:Account"
        ],
        "accountName": "svc-1",
        "urn:example:params:scim:schemas:extension:billing:2.0:Account": {"plan": "pro", "seats": 3},
        "urn:example:params:scim:schemas:extension:audit:2.0:Account": {"reviewedBy": "https://example.com/v2/Users/9"}
    }));
    assert_eq!(account.billing_account.unwrap().seats, Some(3));
    assert_eq!(
        extensions::Account::EXTENSIONS,
        &[
            "urn:example:params:scim:schemas:extension:billing:2.0:Account",
            "urn:example:params:scim:schemas:extension:audit:2.0:Account"
        ]
    );
}
