//! Sorting (RFC 7644 §3.4.2.3): by type and caseExact (exact decimals, dateTimes to
//! every fraction digit, Unicode case folding), by the primary value of a multi-valued
//! attribute, else its first, with missing values last when ascending; ties keep their
//! order; generic values of the wrong JSON type have no data; URN-qualified paths; and every
//! `sortBy` that cannot order results. Every order is computed over typed models and over
//! generic resources read from the same JSON text, which must agree.

use scim::access::{ResourceAccess, Slot, Value as AccessValue, Values};
use scim::generic::{GenericResource, Json};
use scim::message::SortOrder;
use scim::models::User;
use scim::schema::{
    text, Attribute, AttributeType, Mutability, ResourceSchemas, Returned, Schema,
    COMMON_ATTRIBUTES,
};
use scim::sort::Sort;
use scim::{Resource, ScimType};
use scim_tests::goldens::every_type::Device;
use serde_json::{json, Value};
use std::borrow::Cow;
use std::cmp::Ordering;

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const CORE_USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

/// The `id` of a typed or generic resource, read through attribute access (index 0 of the
/// core slot is `id`), so that numbers no `serde_json::Value` can hold stay out of it.
fn id_of<R: ResourceAccess + ?Sized>(resource: &R) -> String {
    match resource.get(Slot::Core, 0, &COMMON_ATTRIBUTES[0]) {
        Values::One(AccessValue::String(id)) => id.to_owned(),
        other => panic!("no id: {other:?}"),
    }
}

/// The `id`s of the resources written as `texts`, sorted by `sort_by` and `order`, as
/// typed models `T` and as generic resources with `T`'s schemas; the two orders must be
/// the same. JSON text keeps every digit of a decimal.
fn sorted_texts<T: Resource>(
    sort_by: &str,
    order: Option<SortOrder>,
    texts: &[String],
) -> Vec<String> {
    let sort = Sort::for_resource::<T>(sort_by, order.as_ref())
        .unwrap_or_else(|error| panic!("sortBy={sort_by}: {error}"));
    let mut typed: Vec<T> = texts
        .iter()
        .map(|text| serde_json::from_str(text).unwrap_or_else(|error| panic!("{text}: {error}")))
        .collect();
    let mut generic: Vec<GenericResource> = texts
        .iter()
        .map(|text| GenericResource::from_str(text, T::resource_schemas()).unwrap())
        .collect();
    sort.sort(&mut typed);
    sort.sort(&mut generic);
    let typed: Vec<String> = typed.iter().map(id_of).collect();
    let generic: Vec<String> = generic.iter().map(id_of).collect();
    assert_eq!(
        typed, generic,
        "typed and generic sort differently by {sort_by}"
    );
    typed
}

/// [`sorted_texts`] for JSON values.
fn sorted<T: Resource>(
    sort_by: &str,
    order: Option<SortOrder>,
    resources: &[Value],
) -> Vec<String> {
    let texts: Vec<String> = resources.iter().map(Value::to_string).collect();
    sorted_texts::<T>(sort_by, order, &texts)
}

/// Resources with the given `id`s and attributes.
fn resources(values: &[(&str, Value)]) -> Vec<Value> {
    values
        .iter()
        .map(|(id, fields)| {
            let mut resource = json!({"id": id});
            if let (Some(resource), Some(fields)) = (resource.as_object_mut(), fields.as_object()) {
                resource.extend(fields.clone());
            }
            resource
        })
        .collect()
}

/// The `id`s of generic resources read against `read_with`, sorted by `sort_by` resolved
/// against `sort_with`.
fn sorted_generic(
    sort_with: ResourceSchemas<'_>,
    read_with: ResourceSchemas<'_>,
    sort_by: &str,
    order: Option<SortOrder>,
    resources: &[Value],
) -> Vec<String> {
    let sort = Sort::new(sort_by, order.as_ref(), sort_with)
        .unwrap_or_else(|error| panic!("sortBy={sort_by}: {error}"));
    let mut generic: Vec<GenericResource> = resources
        .iter()
        .map(|resource| GenericResource::from_json(resource.clone(), read_with).unwrap())
        .collect();
    sort.sort(&mut generic);
    generic.iter().map(id_of).collect()
}

/// The detail of the `invalidValue` error (400) that `sortBy` gets on `schemas`.
fn invalid_sort_by(sort_by: &str, schemas: ResourceSchemas<'_>) -> String {
    let error = Sort::new(sort_by, None, schemas).expect_err(sort_by);
    assert_eq!(error.status(), 400);
    assert_eq!(error.scim_type(), Some(&ScimType::InvalidValue));
    error.detail().unwrap_or_default().to_owned()
}

fn complex(name: &'static str, subs: Vec<Attribute>) -> Attribute {
    Attribute {
        sub_attributes: Cow::Owned(subs),
        ..Attribute::new(name, AttributeType::Complex)
    }
}

fn never_returned(mut attribute: Attribute) -> Attribute {
    attribute.returned = Returned::Never;
    attribute
}

/// A schema with the complex and hidden attributes no RFC schema has.
fn odd_schema() -> Schema {
    let string = |name| Attribute::new(name, AttributeType::String);
    let inner = complex("inner", vec![string("x")]);
    let mut write_only = string("pin");
    write_only.mutability = Mutability::WriteOnly;
    Schema {
        id: text("urn:example:scim:schemas:Odd"),
        name: None,
        description: None,
        attributes: Cow::Owned(vec![
            // The `value` a bare `sortBy=hush` stands for is never returned.
            complex(
                "hush",
                vec![never_returned(string("value")), string("label")],
            ),
            // A never-returned attribute whose sub-attributes are not marked.
            never_returned(complex("vault", vec![string("value")])),
            write_only,
            // Sub-attributes that are complex (RFC 7643 §2.3.8 forbids them; a schema
            // loaded at run time may still have them).
            complex("nested", vec![inner.clone()]),
            complex(
                "wrapped",
                vec![Attribute {
                    name: text("value"),
                    ..inner
                }],
            ),
        ]),
    }
}

/// RFC 7643 §2.3.5, RFC 7644 §3.4.2.3: dateTimes sort by the instant they denote, to every
/// fraction digit (beyond nanoseconds), whatever their offset; `24:00:00` is the next
/// day's first instant and a value without an offset is read as UTC.
#[test]
fn date_times_sort_by_instant_to_every_fraction_digit() {
    let devices = resources(&[
        (
            "1e-10",
            json!({"purchased": "2020-01-01T00:00:00.0000000001Z"}),
        ),
        ("midnight", json!({"purchased": "2020-01-01T00:00:00Z"})),
        (
            "1e-11",
            json!({"purchased": "2020-01-01T00:00:00.00000000001Z"}),
        ),
        (
            "1ns",
            json!({"purchased": "2020-01-01T00:00:00.000000001Z"}),
        ),
        // 23:00-01:00 is midnight UTC, plus the same 1e-10 s as the first.
        (
            "1e-10 at -01:00",
            json!({"purchased": "2019-12-31T23:00:00.00000000010-01:00"}),
        ),
        (
            "24:00",
            json!({"purchased": "2019-12-31T24:00:00.000000000000+00:00"}),
        ),
        (
            "no offset",
            json!({"purchased": "2019-12-31T23:59:59.9999999999"}),
        ),
    ]);
    assert_eq!(
        sorted::<Device>("purchased", None, &devices),
        [
            "no offset",
            "midnight",
            "24:00",
            "1e-11",
            "1e-10",
            "1e-10 at -01:00",
            "1ns"
        ]
    );
    assert_eq!(
        sorted::<Device>("purchased", Some(SortOrder::Descending), &devices),
        [
            "1ns",
            "1e-10",
            "1e-10 at -01:00",
            "1e-11",
            "midnight",
            "24:00",
            "no offset"
        ]
    );
}

/// RFC 7643 §2.3.3, RFC 7644 §3.4.2.3: decimals sort numerically and exactly, whatever
/// their exponent or length, beyond what an `f64` holds; `100.000`, `1e2` and `1E+2`
/// are one number, so they keep their order.
#[test]
fn decimals_sort_exactly_whatever_their_exponent_or_length() {
    let texts = [
        r#"{"id": "1E+2", "weight": 1E+2}"#,
        r#"{"id": "99.9", "weight": 99.9}"#,
        r#"{"id": "1.5e1", "weight": 1.5e1}"#,
        r#"{"id": "-0", "weight": -0}"#,
        r#"{"id": "1e-400", "weight": 1e-400}"#,
        r#"{"id": "big.2", "weight": 12345678901234567890.12345678901234567892}"#,
        r#"{"id": "big.1", "weight": 12345678901234567890.12345678901234567891}"#,
        r#"{"id": "1e400", "weight": 1e400}"#,
        r#"{"id": "-1e400", "weight": -1e400}"#,
        r#"{"id": "100.000", "weight": 100.000}"#,
        r#"{"id": "0", "weight": 0}"#,
    ]
    .map(str::to_owned);
    assert_eq!(
        sorted_texts::<Device>("weight", None, &texts),
        [
            "-1e400", "-0", "0", "1e-400", "1.5e1", "99.9", "1E+2", "100.000", "big.1", "big.2",
            "1e400"
        ]
    );
}

/// RFC 7643 §2.3.4: integers sort numerically over the whole 64-bit range.
#[test]
fn integers_sort_across_the_whole_range() {
    let devices = resources(&[
        ("max", json!({"ports": i64::MAX})),
        ("zero", json!({"ports": 0})),
        ("min", json!({"ports": i64::MIN})),
        ("max-1", json!({"ports": i64::MAX - 1})),
    ]);
    assert_eq!(
        sorted::<Device>("ports", None, &devices),
        ["min", "zero", "max-1", "max"]
    );
}

/// RFC 7643 §2.3.6: binaries sort by their bytes, whether written in the standard or the
/// URL-safe base64 alphabet; an empty binary holds no data and sorts last (RFC 7644
/// §3.4.2.3). `x509Certificates` sorts by the bytes of its `value`.
#[test]
fn binaries_sort_by_their_bytes_whatever_their_alphabet() {
    // "_w" is [0xff] in the URL-safe alphabet, "/g==" is [0xfe] in the standard one.
    let devices = resources(&[
        ("empty", json!({"firmware": ""})),
        ("ff", json!({"firmware": "_w"})),
        ("fe", json!({"firmware": "/g=="})),
    ]);
    assert_eq!(
        sorted::<Device>("firmware", None, &devices),
        ["fe", "ff", "empty"]
    );
    let users = resources(&[
        ("ff", json!({"x509Certificates": [{"value": "/w=="}]})),
        ("01", json!({"x509Certificates": [{"value": "AQ=="}]})),
    ]);
    assert_eq!(
        sorted::<User>("x509Certificates", None, &users),
        ["01", "ff"]
    );
}

/// RFC 7644 §3.4.2.3: "for case-exact attribute types, sort the result using
/// case-sensitive Unicode alphabetic sort order": by code point, beyond ASCII too.
#[test]
fn case_exact_strings_sort_by_code_point_beyond_ascii() {
    // serialNumber is caseExact: B (U+42) < b (U+62) < É (U+C9) < é (U+E9).
    let devices = resources(&[
        ("é", json!({"serialNumber": "é"})),
        ("b", json!({"serialNumber": "b"})),
        ("É", json!({"serialNumber": "É"})),
        ("B", json!({"serialNumber": "B"})),
    ]);
    assert_eq!(
        sorted::<Device>("serialNumber", None, &devices),
        ["B", "b", "É", "é"]
    );
}

/// RFC 7644 §3.4.2.3: strings that differ only in case tie when the attribute is not
/// caseExact (and keep their order), and sort upper case first when it is.
#[test]
fn strings_differing_only_in_case_tie_unless_case_exact() {
    let users = resources(&[
        ("b", json!({"userName": "b", "externalId": "b"})),
        ("B", json!({"userName": "B", "externalId": "B"})),
        ("a", json!({"userName": "a", "externalId": "a"})),
        ("A", json!({"userName": "A", "externalId": "A"})),
    ]);
    assert_eq!(
        sorted::<User>("userName", None, &users),
        ["a", "A", "b", "B"]
    );
    assert_eq!(
        sorted::<User>("externalId", None, &users),
        ["A", "B", "a", "b"]
    );
}

/// RFC 7644 §3.4.2.3: "case-insensitive Unicode alphabetic sort order with no specific
/// locale implied": strings compare by their full case fold, so the Kelvin sign is a `k`,
/// `ẞ` and `ß` are `ss`, final and medial sigmas are one letter, and accented letters
/// come after the ASCII ones.
#[test]
fn case_insensitive_strings_compare_by_their_full_case_fold() {
    let users = resources(&[
        ("Zed", json!({"userName": "Zed"})),
        ("éclair", json!({"userName": "éclair"})),
        ("STRAST", json!({"userName": "STRAST"})),
        ("STRAẞE", json!({"userName": "STRAẞE"})),
        ("strasse", json!({"userName": "strasse"})),
        ("ΣΑΣ", json!({"userName": "ΣΑΣ"})),
        ("kelvin", json!({"userName": "\u{212A}ate"})),
        ("σας", json!({"userName": "σας"})),
        ("kate", json!({"userName": "kate"})),
    ]);
    assert_eq!(
        sorted::<User>("userName", None, &users),
        ["kelvin", "kate", "STRAẞE", "strasse", "STRAST", "Zed", "éclair", "ΣΑΣ", "σας"]
    );
}

/// RFC 7644 §3.4.2.3 and the module documentation: descending reverses the order of
/// values, and equal values keep their order (the sort is stable both ways).
#[test]
fn equal_values_keep_their_order_when_descending() {
    let users = resources(&[
        ("1", json!({"userName": "STRASSE"})),
        ("2", json!({"userName": "a"})),
        ("3", json!({"userName": "straße"})),
        ("4", json!({"userName": "Strasse"})),
    ]);
    assert_eq!(
        sorted::<User>("userName", Some(SortOrder::Descending), &users),
        ["1", "3", "4", "2"]
    );
}

/// RFC 7643 §2.4 allows one primary value; when two claim it, the first of them is the
/// primary one (RFC 7644 §3.4.2.3), for the typed and the generic reading alike.
#[test]
fn of_two_primary_values_the_first_sorts() {
    let users = resources(&[
        (
            "z-then-a",
            json!({"emails": [{"value": "z@x", "primary": true}, {"value": "a@x", "primary": true}]}),
        ),
        ("m", json!({"emails": [{"value": "m@x"}]})),
        (
            "b-then-y",
            json!({"emails": [{"value": "y@x"}, {"value": "b@x", "primary": true}, {"value": "c@x", "primary": true}]}),
        ),
    ]);
    assert_eq!(
        sorted::<User>("emails.value", None, &users),
        ["b-then-y", "m", "z-then-a"]
    );
}

/// RFC 7644 §3.4.2.3: "the value of the primary attribute ..., if any, or else the first
/// value in the list": `primary: false` on every value leaves the first value.
#[test]
fn without_a_true_primary_the_first_value_sorts() {
    let users = resources(&[
        (
            "z",
            json!({"emails": [{"value": "z@x", "primary": false}, {"value": "a@x", "primary": false}]}),
        ),
        ("m", json!({"emails": [{"value": "m@x", "primary": false}]})),
    ]);
    assert_eq!(sorted::<User>("emails", None, &users), ["m", "z"]);
}

/// RFC 7644 §3.4.2.3: a multi-valued complex attribute whose values have no `primary`
/// sub-attribute (`groups`) sorts by its first value.
#[test]
fn a_multi_valued_attribute_without_primary_sorts_by_its_first_value() {
    let users = resources(&[
        ("b", json!({"groups": [{"value": "b"}, {"value": "a"}]})),
        ("A", json!({"groups": [{"value": "A"}, {"value": "z"}]})),
        ("none", json!({})),
    ]);
    assert_eq!(sorted::<User>("groups", None, &users), ["A", "b", "none"]);
    assert_eq!(
        sorted::<User>("groups.value", None, &users),
        ["A", "b", "none"]
    );
}

/// RFC 7644 §3.4.2.3: the primary value is the one that sorts; when its `value` is
/// empty there is no data (RFC 7643 §2.5), even if another value has one.
#[test]
fn a_primary_value_without_data_sorts_as_no_data() {
    let users = resources(&[
        (
            "empty-primary",
            json!({"emails": [{"value": "a@x"}, {"value": "", "primary": true}]}),
        ),
        ("z", json!({"emails": [{"value": "z@x"}]})),
    ]);
    assert_eq!(
        sorted::<User>("emails", None, &users),
        ["z", "empty-primary"]
    );
    assert_eq!(
        sorted::<User>("emails", Some(SortOrder::Descending), &users),
        ["empty-primary", "z"]
    );
}

/// RFC 7644 §3.4.2.3: a multi-valued attribute of simple values sorts by its first value;
/// an empty list, or a first value that is an empty string, is no data.
#[test]
fn multi_valued_simple_attributes_sort_by_their_first_value() {
    let devices = resources(&[
        ("B", json!({"tags": ["B", "a"], "readings": [2, 1]})),
        ("empty", json!({"tags": [], "readings": []})),
        ("a", json!({"tags": ["a", "z"], "readings": [1.5, 9]})),
        ("blank-first", json!({"tags": ["", "0"]})),
    ]);
    assert_eq!(
        sorted::<Device>("tags", None, &devices),
        ["a", "B", "empty", "blank-first"]
    );
    assert_eq!(
        sorted::<Device>("readings", None, &devices),
        ["a", "B", "empty", "blank-first"]
    );
    assert_eq!(
        sorted::<Device>("tags", Some(SortOrder::Descending), &devices),
        ["empty", "blank-first", "B", "a"]
    );
}

/// RFC 7643 §2.5 (`[]` is unassigned), RFC 7644 §3.4.2.3: an empty list is no data,
/// last when ascending and first when descending.
#[test]
fn an_empty_list_sorts_as_no_data() {
    let users = resources(&[
        ("empty", json!({"emails": []})),
        ("b", json!({"emails": [{"value": "b@x"}]})),
        ("a", json!({"emails": [{"value": "a@x"}]})),
    ]);
    assert_eq!(
        sorted::<User>("emails.value", None, &users),
        ["a", "b", "empty"]
    );
    assert_eq!(
        sorted::<User>("emails.value", Some(SortOrder::Descending), &users),
        ["empty", "b", "a"]
    );
}

/// RFC 7644 §3.4.2.3: a single-valued complex attribute present without the sorted
/// sub-attribute has no data for it.
#[test]
fn a_complex_value_without_the_sub_attribute_sorts_as_no_data() {
    let devices = resources(&[
        ("2", json!({"location": {"floor": 2}})),
        ("no-floor", json!({"location": {"building": "A"}})),
        ("10", json!({"location": {"floor": 10}})),
    ]);
    assert_eq!(
        sorted::<Device>("location.floor", None, &devices),
        ["2", "10", "no-floor"]
    );
    assert_eq!(
        sorted::<Device>("location.floor", Some(SortOrder::Descending), &devices),
        ["no-floor", "10", "2"]
    );
}

/// The module documentation: a generic value that is not valid for its attribute's type
/// (here read without schemas, sorted with the Device schema) has no data, and sorts last
/// when ascending and first when descending (RFC 7644 §3.4.2.3).
#[test]
fn generic_values_of_the_wrong_type_sort_as_no_data() {
    let cases = [
        (
            "ports",
            json!(2),
            vec![json!("1"), json!(1.5), json!(true), json!({"n": 1})],
        ),
        ("weight", json!(2.5), vec![json!("1.5"), json!(true)]),
        ("enabled", json!(true), vec![json!("false"), json!(0)]),
        (
            "purchased",
            json!("2020-01-01T00:00:00Z"),
            vec![json!("yesterday"), json!("2020-01-01"), json!(20200101)],
        ),
        (
            "firmware",
            json!("/w=="),
            vec![json!("!!"), json!("A"), json!(1)],
        ),
        (
            "owner",
            json!("https://example.com/b"),
            vec![json!(1), json!(false)],
        ),
        (
            "serialNumber",
            json!("b"),
            vec![json!(1), json!({"a": "a"})],
        ),
        (
            "location.floor",
            json!({"floor": 3}),
            vec![json!({"floor": "1"})],
        ),
    ];
    for (sort_by, good, bad) in cases {
        let attribute = sort_by.split('.').next().unwrap();
        let mut devices: Vec<Value> = bad
            .iter()
            .enumerate()
            .map(|(index, value)| json!({"id": format!("bad{index}"), attribute: value}))
            .collect();
        devices.push(json!({"id": "good", attribute: good}));
        let bad_ids: Vec<String> = (0..bad.len()).map(|index| format!("bad{index}")).collect();
        let mut expected = vec!["good".to_owned()];
        expected.extend(bad_ids.iter().cloned());
        let device = Device::resource_schemas();
        let schemaless = ResourceSchemas::schemaless();
        assert_eq!(
            sorted_generic(device, schemaless, sort_by, None, &devices),
            expected,
            "{sort_by}"
        );
        let mut expected = bad_ids;
        expected.push("good".to_owned());
        assert_eq!(
            sorted_generic(
                device,
                schemaless,
                sort_by,
                Some(SortOrder::Descending),
                &devices
            ),
            expected,
            "{sort_by} descending"
        );
    }
}

/// The module documentation: "a generic value that is not valid for its type" has no
/// data. A JSON array is not a valid value of a single-valued string or decimal attribute
/// (RFC 7643 §2.4: multi-valued attributes are the ones written as arrays), so it should
/// sort last like a number given for a string does.
#[test]
fn a_list_given_for_a_single_valued_attribute_sorts_as_no_data() {
    let devices = [
        json!({"id": "list", "serialNumber": ["a"], "weight": [1]}),
        json!({"id": "good", "serialNumber": "b", "weight": 2.5}),
    ];
    let device = Device::resource_schemas();
    let schemaless = ResourceSchemas::schemaless();
    assert_eq!(
        sorted_generic(device, schemaless, "serialNumber", None, &devices),
        ["good", "list"]
    );
    assert_eq!(
        sorted_generic(device, schemaless, "weight", None, &devices),
        ["good", "list"]
    );
}

/// RFC 7644 §3.10: an attribute path may carry its schema URI (in any case, as names are
/// case-insensitive, RFC 7643 §2.1); core attributes, sub-attributes and common
/// attributes sort the same qualified or not.
#[test]
fn urn_qualified_core_paths_sort_like_unqualified_ones() {
    let users = resources(&[
        ("b", json!({"name": {"familyName": "b"}})),
        ("B", json!({"name": {"familyName": "B"}})),
        ("a", json!({"name": {"familyName": "a"}})),
        ("none", json!({})),
    ]);
    let expected = ["a", "b", "B", "none"];
    assert_eq!(sorted::<User>("name.familyName", None, &users), expected);
    assert_eq!(
        sorted::<User>(&format!("{CORE_USER}:name.familyName"), None, &users),
        expected
    );
    assert_eq!(
        sorted::<User>(
            &format!("{}:NAME.FAMILYNAME", CORE_USER.to_uppercase()),
            None,
            &users
        ),
        expected
    );
    // `id` is a common attribute, case-exact (RFC 7643 §3.1).
    assert_eq!(
        sorted::<User>(&format!("{CORE_USER}:id"), None, &users),
        ["B", "a", "b", "none"]
    );
}

/// RFC 7644 §3.4.2.3 and §3.10: an extension's complex attribute named by its URI (in any
/// case) sorts by its `value`, here case-exact (`manager.value`, RFC 7643 §4.3).
#[test]
fn an_extension_complex_attribute_sorts_by_its_value() {
    let users = resources(&[
        ("b", json!({ENTERPRISE: {"manager": {"value": "b"}}})),
        (
            "none",
            json!({ENTERPRISE: {"department": "Tour Operations"}}),
        ),
        ("B", json!({ENTERPRISE: {"manager": {"value": "B"}}})),
    ]);
    let expected = ["B", "b", "none"];
    assert_eq!(
        sorted::<User>(&format!("{ENTERPRISE}:manager"), None, &users),
        expected
    );
    assert_eq!(
        sorted::<User>(
            &format!("{}:Manager.Value", ENTERPRISE.to_uppercase()),
            None,
            &users
        ),
        expected
    );
}

/// RFC 7643 §3: `schemas` lists URIs and is no attribute of a schema, so it cannot
/// order results (RFC 7644 §3.4.2.3), and it has no sub-attributes.
#[test]
fn sort_by_schemas_is_an_invalid_value() {
    let users = User::resource_schemas();
    assert_eq!(
        invalid_sort_by("schemas", users),
        "sortBy: `schemas` is not an attribute of the resource's schemas (RFC 7644 §3.4.2.3)"
    );
    assert!(invalid_sort_by(&format!("{CORE_USER}:schemas"), users)
        .ends_with("is not an attribute of the resource's schemas (RFC 7644 §3.4.2.3)"));
    assert_eq!(
        invalid_sort_by("schemas.value", users),
        "sortBy: `schemas` is a list of schema URIs, which have no sub-attributes (RFC 7643 §3)"
    );
    // An extension URI alone names a schema, not an attribute.
    assert!(invalid_sort_by(ENTERPRISE, users).contains("is not an attribute"));
}

/// RFC 7643 §7: values that are never returned (`returned: never`, or `writeOnly`)
/// cannot order results, whether named by a sub-attribute, through a never-returned
/// parent, or with their URI.
#[test]
fn never_returned_values_cannot_order_results_however_named() {
    let schema = odd_schema();
    let odd = ResourceSchemas::new(&schema, &[]);
    for sort_by in ["hush.value", "vault", "vault.value", "pin", "HUSH.VALUE"] {
        let detail = invalid_sort_by(sort_by, odd);
        assert!(
            detail.starts_with("sortBy: `") && detail.contains("is never returned (RFC 7643 §7)"),
            "{sort_by}: {detail}"
        );
    }
    // A sibling that is returned still sorts.
    assert!(Sort::new("hush.label", None, odd).is_ok());
    assert!(
        invalid_sort_by(&format!("{CORE_USER}:password"), User::resource_schemas())
            .contains("never returned")
    );
}

/// RFC 7643 §7: a value that is never returned cannot order results (the order would
/// reveal it), and `sortBy=hush` sorts by `hush.value` (the module documentation), so it
/// must be refused as `sortBy=hush.value` is.
#[test]
fn a_complex_attribute_whose_value_is_never_returned_cannot_order_results() {
    let schema = odd_schema();
    let odd = ResourceSchemas::new(&schema, &[]);
    let detail = invalid_sort_by("hush", odd);
    assert!(detail.contains("never returned"), "{detail}");
}

/// A sub-attribute that is itself complex has no order (RFC 7644 §3.4.2.3 sorts "according
/// to the attribute type"), named or reached through `value`.
#[test]
fn a_complex_sub_attribute_cannot_order_results() {
    let schema = odd_schema();
    let odd = ResourceSchemas::new(&schema, &[]);
    assert_eq!(
        invalid_sort_by("nested.inner", odd),
        "sortBy: `nested.inner` is a complex attribute, which has no order"
    );
    assert_eq!(
        invalid_sort_by("wrapped", odd),
        "sortBy: `wrapped` is a complex attribute, which has no order"
    );
    assert!(invalid_sort_by("nested", odd)
        .contains("sort by one of its sub-attributes, as `nested.inner`"));
}

/// `Sort::compare` orders a typed model and a generic resource against each other as it
/// orders two of either; sorting an empty or one-element list leaves it as it is.
#[test]
fn typed_and_generic_resources_compare_with_each_other() {
    let sort = Sort::for_resource::<User>("userName", None).unwrap();
    let generic = |json: Value| GenericResource::from_json(json, User::resource_schemas()).unwrap();
    let alice = generic(json!({"userName": "ALICE"}));
    assert_eq!(sort.compare(&User::new("alice"), &alice), Ordering::Equal);
    assert_eq!(sort.compare(&alice, &User::new("bob")), Ordering::Less);
    assert_eq!(
        sort.compare(&generic(json!({})), &User::new("bob")),
        Ordering::Greater
    );
    let descending = Sort::for_resource::<User>("userName", Some(&SortOrder::Descending)).unwrap();
    assert_eq!(
        descending.compare(&generic(json!({})), &User::new("bob")),
        Ordering::Less
    );

    let mut none: Vec<User> = Vec::new();
    sort.sort(&mut none);
    let mut one = vec![User::new("x")];
    sort.sort(&mut one);
    assert_eq!(one, [User::new("x")]);
}

/// The type documentation: a `Sort` "owns what it needs and borrows nothing", so it
/// outlives the schemas it was resolved against.
#[test]
fn a_sort_outlives_the_schemas_it_was_resolved_against() {
    let short = || Schema {
        id: text("urn:example:scim:schemas:Short"),
        name: None,
        description: None,
        attributes: Cow::Owned(vec![Attribute::new("label", AttributeType::String)]),
    };
    let sort = {
        let schema = short();
        Sort::new(
            "label",
            Some(&SortOrder::Descending),
            ResourceSchemas::new(&schema, &[]),
        )
        .unwrap()
    };
    let schema = short();
    let mut labelled: Vec<GenericResource> = ["a", "C", "b"]
        .map(|label| {
            GenericResource::from_json(json!({"label": label}), ResourceSchemas::new(&schema, &[]))
                .unwrap()
        })
        .into();
    sort.sort(&mut labelled);
    let labels: Vec<_> = labelled
        .iter()
        .map(|resource| resource.get("label").cloned())
        .collect();
    assert_eq!(
        labels,
        ["C", "b", "a"].map(|label| Some(Json::String(label.to_owned())))
    );
}

fn invalid_value<T: Resource>(sort_by: &str, order: Option<SortOrder>) -> String {
    let error = Sort::for_resource::<T>(sort_by, order.as_ref()).expect_err(sort_by);
    assert_eq!(error.status(), 400);
    assert_eq!(error.scim_type(), Some(&ScimType::InvalidValue));
    error.detail().unwrap_or_default().to_owned()
}

#[test]
fn case_insensitive_strings_sort_ignoring_case() {
    let resources = resources(&[
        ("c", json!({"userName": "carol"})),
        ("a", json!({"userName": "Alice"})),
        ("b", json!({"userName": "bob"})),
    ]);
    assert_eq!(
        sorted::<User>("userName", None, &resources),
        ["a", "b", "c"]
    );
}

#[test]
fn descending_is_the_reverse_of_ascending() {
    let resources = resources(&[
        ("c", json!({"userName": "carol"})),
        ("a", json!({"userName": "Alice"})),
        ("b", json!({"userName": "bob"})),
    ]);
    assert_eq!(
        sorted::<User>("userName", Some(SortOrder::Descending), &resources),
        ["c", "b", "a"]
    );
    assert_eq!(
        sorted::<User>("USERNAME", Some(SortOrder::Ascending), &resources),
        ["a", "b", "c"]
    );
}

#[test]
fn case_exact_strings_sort_by_code_point() {
    // externalId is case-exact (RFC 7643 §3.1): upper case sorts before lower case.
    let resources = resources(&[
        ("b", json!({"externalId": "b"})),
        ("A", json!({"externalId": "A"})),
        ("a", json!({"externalId": "a"})),
        ("B", json!({"externalId": "B"})),
    ]);
    assert_eq!(
        sorted::<User>("externalId", None, &resources),
        ["A", "B", "a", "b"]
    );
}

#[test]
fn missing_values_sort_last_ascending_and_first_descending() {
    let resources = resources(&[
        ("none", json!({})),
        ("empty", json!({"title": ""})),
        ("z", json!({"title": "Zookeeper"})),
        ("a", json!({"title": "Agent"})),
    ]);
    assert_eq!(
        sorted::<User>("title", None, &resources),
        ["a", "z", "none", "empty"]
    );
    assert_eq!(
        sorted::<User>("title", Some(SortOrder::Descending), &resources),
        ["none", "empty", "z", "a"]
    );
}

#[test]
fn equal_values_keep_their_order() {
    let resources = resources(&[
        ("1", json!({"userName": "STRASSE"})),
        ("2", json!({"userName": "a"})),
        ("3", json!({"userName": "straße"})),
        ("4", json!({"userName": "Strasse"})),
    ]);
    assert_eq!(
        sorted::<User>("userName", None, &resources),
        ["2", "1", "3", "4"]
    );
}

#[test]
fn a_multi_valued_attribute_sorts_by_its_primary_value_else_its_first() {
    let resources = resources(&[
        (
            "primary-b",
            json!({"emails": [{"value": "z@example.com"}, {"value": "b@example.com", "primary": true}]}),
        ),
        (
            "first-c",
            json!({"emails": [{"value": "c@example.com"}, {"value": "a@example.com"}]}),
        ),
        ("none", json!({"userName": "x"})),
        (
            "primary-a",
            json!({"emails": [{"value": "y@example.com", "primary": false}, {"value": "A@example.com", "primary": true}]}),
        ),
    ]);
    let expected = ["primary-a", "primary-b", "first-c", "none"];
    assert_eq!(sorted::<User>("emails.value", None, &resources), expected);
    // Without a sub-attribute, the `value` of the chosen value.
    assert_eq!(sorted::<User>("emails", None, &resources), expected);
}

#[test]
fn a_sub_attribute_of_a_multi_valued_attribute_is_read_from_the_primary_value() {
    let resources = resources(&[
        (
            "home",
            json!({"emails": [{"value": "w@x", "type": "work"}, {"value": "h@x", "type": "home", "primary": true}]}),
        ),
        (
            "work",
            json!({"emails": [{"value": "w@x", "type": "work", "primary": true}, {"value": "a@x", "type": "aaa"}]}),
        ),
        (
            "untyped",
            json!({"emails": [{"value": "p@x", "primary": true}, {"value": "a@x", "type": "aaa"}]}),
        ),
    ]);
    assert_eq!(
        sorted::<User>("emails.type", None, &resources),
        ["home", "work", "untyped"]
    );
}

#[test]
fn date_times_sort_chronologically() {
    let resources = resources(&[
        (
            "late",
            json!({"meta": {"lastModified": "2011-05-13T04:42:34.5Z"}}),
        ),
        (
            "early",
            json!({"meta": {"lastModified": "2011-05-13T05:00:00+02:00"}}),
        ),
        (
            "middle",
            json!({"meta": {"lastModified": "2011-05-13T04:42:34Z"}}),
        ),
    ]);
    assert_eq!(
        sorted::<User>("meta.lastModified", None, &resources),
        ["early", "middle", "late"]
    );
}

#[test]
fn numbers_sort_numerically() {
    let devices = resources(&[
        ("ten", json!({"ports": 10, "weight": 10.25})),
        ("nine", json!({"ports": 9, "weight": 9.5})),
        ("minus", json!({"ports": -1, "weight": -1e1})),
    ]);
    assert_eq!(
        sorted::<Device>("ports", None, &devices),
        ["minus", "nine", "ten"]
    );
    assert_eq!(
        sorted::<Device>("weight", None, &devices),
        ["minus", "nine", "ten"]
    );
}

#[test]
fn booleans_sort_false_first() {
    let devices = resources(&[
        ("on", json!({"enabled": true})),
        ("unset", json!({})),
        ("off", json!({"enabled": false})),
    ]);
    assert_eq!(
        sorted::<Device>("enabled", None, &devices),
        ["off", "on", "unset"]
    );
}

#[test]
fn binaries_sort_by_their_bytes() {
    // "AQ" is [0x01], "/w==" is [0xff], "AAE=" is [0x00, 0x01].
    let devices = resources(&[
        ("ff", json!({"firmware": "/w=="})),
        ("01", json!({"firmware": "AQ"})),
        ("0001", json!({"firmware": "AAE="})),
    ]);
    assert_eq!(
        sorted::<Device>("firmware", None, &devices),
        ["0001", "01", "ff"]
    );
}

#[test]
fn references_sort_case_exactly() {
    let devices = resources(&[
        ("lower", json!({"owner": "https://example.com/a"})),
        ("upper", json!({"owner": "https://example.com/B"})),
    ]);
    assert_eq!(
        sorted::<Device>("owner", None, &devices),
        ["upper", "lower"]
    );
}

#[test]
fn extension_attributes_sort_by_their_urn_path() {
    let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    let resources = resources(&[
        ("2", json!({enterprise: {"employeeNumber": "2"}})),
        ("none", json!({})),
        ("1", json!({enterprise: {"employeeNumber": "1"}})),
    ]);
    assert_eq!(
        sorted::<User>(&format!("{enterprise}:employeeNumber"), None, &resources),
        ["1", "2", "none"]
    );
}

#[test]
fn sort_by_an_undefined_attribute_is_an_invalid_value() {
    assert_eq!(
        invalid_value::<User>("favouriteColour", None),
        "sortBy: `favouriteColour` is not an attribute of the resource's schemas (RFC 7644 §3.4.2.3)"
    );
    invalid_value::<User>("name.nickname", None);
    invalid_value::<User>("employeeNumber", None);
}

#[test]
fn sort_by_a_complex_attribute_without_value_is_an_invalid_value() {
    assert_eq!(
        invalid_value::<User>("name", None),
        "sortBy: `name` is complex: sort by one of its sub-attributes, as `name.formatted` \
         (RFC 7644 §3.4.2.3)"
    );
}

/// A complex attribute that defines no sub-attribute at all has nothing to sort by, and
/// the error suggests no sub-attribute it does not have.
#[test]
fn sort_by_a_complex_attribute_without_sub_attributes_is_an_invalid_value() {
    let schema = Schema {
        id: text("urn:example:scim:schemas:Hollow"),
        name: None,
        description: None,
        attributes: Cow::Owned(vec![Attribute::new("hollow", AttributeType::Complex)]),
    };
    let error = Sort::new("hollow", None, ResourceSchemas::new(&schema, &[]))
        .expect_err("a complex attribute with no sub-attributes");
    assert_eq!(error.scim_type(), Some(&ScimType::InvalidValue));
    assert_eq!(
        error.detail(),
        Some(
            "sortBy: `hollow` is complex and defines no sub-attributes: it has no value to \
             sort by (RFC 7644 §3.4.2.3)"
        )
    );
}

#[test]
fn sort_by_a_sub_attribute_of_a_simple_attribute_is_an_invalid_value() {
    assert_eq!(
        invalid_value::<User>("userName.first", None),
        "sortBy: `userName` is a string attribute, which has no sub-attributes (RFC 7643 §2.3.8)"
    );
}

#[test]
fn sort_by_text_that_is_not_a_path_is_an_invalid_value() {
    let detail = invalid_value::<User>("user name", None);
    assert!(
        detail.starts_with("sortBy: not an attribute path (RFC 7644 §3.10): at 5:"),
        "{detail}"
    );
    invalid_value::<User>("", None);
}

#[test]
fn a_sort_order_other_than_ascending_or_descending_is_an_invalid_value() {
    assert_eq!(
        invalid_value::<User>("userName", Some(SortOrder::Other("up".to_owned()))),
        "sortOrder: `up` is neither ascending nor descending (RFC 7644 §3.4.2.3)"
    );
}

#[test]
fn values_never_returned_cannot_order_results() {
    // The order would reveal the passwords (RFC 7643 §7 `returned: never`).
    assert!(invalid_value::<User>("password", None).contains("never returned"));
    assert!(
        invalid_value::<User>("PASSWORD", Some(SortOrder::Descending)).contains("never returned")
    );
}

#[test]
fn sorting_a_list_orders_it_as_comparing_each_pair_does() {
    // Many users with repeated, missing and differently written keys, in a scrambled
    // order: every cycle of the rearrangement is exercised.
    let offsets = ["Z", "+02:00", "-05:30"];
    let resources: Vec<Value> = (0..200u32)
        .map(|n| {
            let scrambled = (n * 7919) % 200;
            let mut user = json!({"id": format!("u{n}"), "userName": format!("user{n}")});
            if scrambled % 9 != 0 {
                let hour = 10 + scrambled % 5;
                let offset = offsets[(scrambled % 3) as usize];
                user["meta"] = json!({"lastModified": format!("2020-01-01T{hour}:00:00{offset}")});
            }
            user
        })
        .collect();
    for order in [SortOrder::Ascending, SortOrder::Descending] {
        let sort = Sort::for_resource::<User>("meta.lastModified", Some(&order)).unwrap();
        let mut by_sort: Vec<GenericResource> = resources
            .iter()
            .map(|user| GenericResource::from_json(user.clone(), User::resource_schemas()).unwrap())
            .collect();
        let written = by_sort.clone();
        let mut by_pairs = by_sort.clone();
        sort.sort(&mut by_sort);
        by_pairs.sort_by(|a, b| sort.compare(a, b));
        let ids = |users: &[GenericResource]| -> Vec<Json> {
            users
                .iter()
                .map(|user| user.get("id").cloned().unwrap())
                .collect()
        };
        assert_eq!(ids(&by_sort), ids(&by_pairs), "{order:?}");
        assert_ne!(ids(&by_sort), ids(&written), "{order:?}: nothing moved");
    }
}
