//! Sorting (RFC 7644 §3.4.2.3): by type and caseExact, by the primary value of a
//! multi-valued attribute, with missing values last when ascending. Every order is
//! computed over typed models and over generic resources holding the same data, which must
//! agree.

use scim::generic::{GenericResource, Json};
use scim::message::SortOrder;
use scim::models::User;
use scim::schema::{text, Attribute, AttributeType, ResourceSchemas, Schema};
use scim::sort::Sort;
use scim::{Resource, ScimType};
use scim_tests::goldens::every_type::Device;
use serde_json::{json, Value};
use std::borrow::Cow;

/// The `id`s of `resources` sorted by `sort_by` and `order`, as typed models `T` and as
/// generic resources with `T`'s schemas; the two orders must be the same.
fn sorted<T: Resource>(
    sort_by: &str,
    order: Option<SortOrder>,
    resources: &[Value],
) -> Vec<String> {
    let sort = Sort::for_resource::<T>(sort_by, order.as_ref())
        .unwrap_or_else(|error| panic!("sortBy={sort_by}: {error}"));
    let mut typed: Vec<T> = resources
        .iter()
        .map(|resource| serde_json::from_value(resource.clone()).unwrap())
        .collect();
    let mut generic: Vec<GenericResource> = resources
        .iter()
        .map(|resource| {
            GenericResource::from_json(resource.clone(), T::resource_schemas()).unwrap()
        })
        .collect();
    sort.sort(&mut typed);
    sort.sort(&mut generic);
    let typed: Vec<String> = typed
        .iter()
        .map(|resource| {
            serde_json::to_value(resource).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let generic: Vec<String> = generic
        .iter()
        .map(|resource| match resource.get("id") {
            Some(Json::String(id)) => id.clone(),
            other => panic!("no id: {other:?}"),
        })
        .collect();
    assert_eq!(
        typed, generic,
        "typed and generic sort differently by {sort_by}"
    );
    typed
}

fn users(values: &[(&str, Value)]) -> Vec<Value> {
    values
        .iter()
        .map(|(id, fields)| {
            let mut user = json!({"id": id});
            if let (Some(user), Some(fields)) = (user.as_object_mut(), fields.as_object()) {
                user.extend(fields.clone());
            }
            user
        })
        .collect()
}

fn invalid_value<T: Resource>(sort_by: &str, order: Option<SortOrder>) -> String {
    let error = Sort::for_resource::<T>(sort_by, order.as_ref()).expect_err(sort_by);
    assert_eq!(error.status(), 400);
    assert_eq!(error.scim_type(), Some(&ScimType::InvalidValue));
    error.detail().unwrap_or_default().to_owned()
}

#[test]
fn case_insensitive_strings_sort_ignoring_case() {
    let resources = users(&[
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
    let resources = users(&[
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
    let resources = users(&[
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
    let resources = users(&[
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
    let resources = users(&[
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
    let resources = users(&[
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
    let resources = users(&[
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
    let resources = users(&[
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
    let devices = users(&[
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
    let devices = users(&[
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
    let devices = users(&[
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
    let devices = users(&[
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
    let resources = users(&[
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
