//! Issue 3, item 1: a hand-written struct with the derive and no schema file yields a
//! correct Schema resource, so a server can publish `/Schemas` from its own types.

use scim::schema::{AttributeType, Mutability, Returned, Uniqueness};
use scim::value::{DateTime, Reference};
use scim::{Attributes, CanonicalValues, Complex, Resource, UnknownAttributes};
use serde_json::json;

#[derive(Clone, Debug, PartialEq, Eq, Hash, CanonicalValues)]
enum Level {
    #[scim(value = "visitor")]
    Visitor,
    #[scim(value = "staff")]
    Staff,
    #[scim(other)]
    Other(String),
}

#[derive(Debug, Default, PartialEq, Complex)]
struct Door {
    #[scim(required, case_exact, description = "The door's number.")]
    number: Option<String>,
    level: Option<Level>,
}

#[derive(Debug, Default, PartialEq, Resource)]
#[scim(
    schema = "urn:example:params:scim:schemas:core:2.0:Badge",
    name = "Badge",
    description = "A building badge."
)]
struct Badge {
    #[scim(
        common,
        case_exact,
        mutability = "readOnly",
        returned = "always",
        uniqueness = "server"
    )]
    id: Option<String>,
    #[scim(
        required,
        uniqueness = "global",
        description = "The number printed on the badge."
    )]
    badge_number: Option<String>,
    #[scim(mutability = "writeOnly", returned = "never")]
    pin: Option<String>,
    expires: Option<DateTime>,
    holder: Option<Reference>,
    doors: Vec<Door>,
    #[scim(unknown)]
    unknown_attributes: UnknownAttributes,
}

#[test]
fn a_hand_written_resource_publishes_its_schema() {
    let schema = Badge::schema();
    assert_eq!(
        schema.to_json()["attributes"][0],
        json!({
            "name": "badgeNumber", "type": "string", "multiValued": false,
            "description": "The number printed on the badge.", "required": true,
            "caseExact": false, "mutability": "readWrite", "returned": "default",
            "uniqueness": "global", "canonicalValues": []
        })
    );
    assert_eq!(schema.id, "urn:example:params:scim:schemas:core:2.0:Badge");
    assert_eq!(schema.name.as_deref(), Some("Badge"));
    // The common attribute `id` is left out of the schema (RFC 7643 §3.1) but described.
    assert!(schema.attribute("id").is_none());
    assert_eq!(Badge::ATTRIBUTES[0].returned, Returned::Always);

    let pin = schema.attribute("PIN").expect("pin");
    assert_eq!(
        (pin.mutability, pin.returned),
        (Mutability::WriteOnly, Returned::Never)
    );
    assert_eq!(
        schema.attribute("expires").map(|a| a.kind),
        Some(AttributeType::DateTime)
    );
    assert_eq!(
        schema.attribute("holder").map(|a| a.kind),
        Some(AttributeType::Reference)
    );

    let doors = schema.attribute("doors").expect("doors");
    assert!(doors.multi_valued);
    assert_eq!(doors.kind, AttributeType::Complex);
    let number = doors.sub_attribute("number").expect("doors.number");
    assert!(number.required && number.case_exact);
    assert_eq!(number.uniqueness, Uniqueness::None);
    let level = doors.sub_attribute("level").expect("doors.level");
    assert_eq!(level.kind, AttributeType::String);
    assert_eq!(level.canonical_values.as_ref(), ["visitor", "staff"]);
}

#[test]
fn the_published_schema_loads_back_unchanged() {
    let json = Badge::schema().to_json();
    let set = scim::schema::Loader::new()
        .add_str("badge.json", &json.to_string())
        .load()
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(&set.schemas()[0], Badge::schema());
}

/// RFC 7643 §3.1: every `meta` sub-attribute is readOnly; `resourceType`, `location` and
/// `version` are case-exact; `created` and `lastModified` are dateTimes; `location` is a
/// URI. The common attributes and `scim::Meta` share one table.
#[test]
fn meta_describes_itself_as_rfc_7643_section_3_1_says() {
    let meta = scim::schema::COMMON_ATTRIBUTES
        .iter()
        .find(|attribute| attribute.name == "meta")
        .expect("meta is a common attribute");
    assert_eq!(
        meta.sub_attributes.as_ref(),
        <scim::Meta as Attributes>::ATTRIBUTES
    );
    let names: Vec<&str> = meta
        .sub_attributes
        .iter()
        .map(|a| a.name.as_ref())
        .collect();
    assert_eq!(
        names,
        [
            "resourceType",
            "created",
            "lastModified",
            "location",
            "version"
        ]
    );
    assert!(meta
        .sub_attributes
        .iter()
        .all(|a| a.mutability == Mutability::ReadOnly));
    let case_exact: Vec<&str> = meta
        .sub_attributes
        .iter()
        .filter(|a| a.case_exact)
        .map(|a| a.name.as_ref())
        .collect();
    assert_eq!(case_exact, ["resourceType", "location", "version"]);
    let location = meta.sub_attribute("location").expect("location");
    assert_eq!(location.kind, AttributeType::Reference);
    assert_eq!(location.reference_types.as_ref(), ["uri"]);
    assert_eq!(
        meta.sub_attribute("created").map(|a| a.kind),
        Some(AttributeType::DateTime)
    );
}
