//! Feeds sort and projection parameters and a resource to sorting (RFC 7644 §3.4.2.3) and
//! projection (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7 `returned`). Nothing may panic; the
//! sort order is antisymmetric, descending is the reverse of ascending, and the typed and
//! generic readings of one resource sort alike; the typed response and the projected
//! generic resource write the same JSON, and neither returns `password`.
//!
//! Input: `sortBy`, `attributes` and `excludedAttributes`, one per line, then the
//! resource text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::access::ResourceAccess;
use scim::generic::GenericResource;
use scim::message::SortOrder;
use scim::models::User;
use scim::projection::Projection;
use scim::sort::Sort;
use scim::{Resource, Response};
use std::cmp::Ordering;
use std::sync::OnceLock;

/// Users to compare the input with: the RFC 7643 §8.1 and §8.2 examples.
fn examples() -> &'static [User; 2] {
    static EXAMPLES: OnceLock<[User; 2]> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        [
            include_str!("../../tests/fixtures/rfc/rfc7643/8.1-minimal-user.json"),
            include_str!("../../tests/fixtures/rfc/rfc7643/8.2-full-user.json"),
        ]
        .map(|text| serde_json::from_str(text).expect("the RFC examples read"))
    })
}

fn check_order<A, B>(ascending: &Sort, descending: &Sort, a: &A, b: &B) -> Ordering
where
    A: ResourceAccess + ?Sized,
    B: ResourceAccess + ?Sized,
{
    let order = ascending.compare(a, b);
    assert_eq!(ascending.compare(b, a), order.reverse(), "antisymmetric");
    assert_eq!(
        descending.compare(a, b),
        order.reverse(),
        "descending reverses"
    );
    order
}

fn has_password(json: &serde_json::Value) -> bool {
    json.as_object().is_some_and(|object| {
        object
            .keys()
            .any(|key| key.eq_ignore_ascii_case("password"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.splitn(4, '\n');
    let sort_by = lines.next().unwrap_or_default();
    let attributes = lines.next().unwrap_or_default();
    let excluded = lines.next().unwrap_or_default();
    let resource = lines.next().unwrap_or_default();
    let schemas = User::resource_schemas();
    let typed = serde_json::from_str::<User>(resource).ok();
    let generic = GenericResource::from_str(resource, schemas).ok();

    let ascending = Sort::new(sort_by, Some(&SortOrder::Ascending), schemas);
    let descending = Sort::new(sort_by, Some(&SortOrder::Descending), schemas);
    assert_eq!(ascending.is_ok(), descending.is_ok());
    assert_eq!(ascending.is_ok(), Sort::new(sort_by, None, schemas).is_ok());
    if let (Ok(ascending), Ok(descending)) = (&ascending, &descending) {
        let examples = examples();
        for example in examples {
            let typed_order = typed
                .as_ref()
                .map(|user| check_order(ascending, descending, user, example));
            let generic_order = generic
                .as_ref()
                .map(|resource| check_order(ascending, descending, resource, example));
            if let (Some(typed_order), Some(generic_order)) = (typed_order, generic_order) {
                assert_eq!(typed_order, generic_order, "typed and generic sort alike");
            }
        }
        if let (Some(typed), Some(generic)) = (&typed, &generic) {
            assert_eq!(
                check_order(ascending, descending, typed, typed),
                Ordering::Equal
            );
            assert_eq!(
                check_order(ascending, descending, typed, generic),
                Ordering::Equal,
                "one resource read two ways sorts as equal"
            );
        }
        if let Some(typed) = &typed {
            let mut users = examples.to_vec();
            users.push(typed.clone());
            ascending.sort(&mut users);
        }
    }

    let projection = Projection::new()
        .with_attributes(attributes)
        .with_excluded_attributes(excluded);
    let typed_json = typed.as_ref().map(|user| {
        serde_json::to_value(Response::new(user, &projection)).expect("a response writes")
    });
    let generic_json = generic.as_ref().map(|resource| {
        resource
            .project(schemas, &projection)
            .to_json()
            .expect("a projected resource writes")
    });
    for json in typed_json.iter().chain(&generic_json) {
        assert!(!has_password(json), "password returned: {json}");
    }
    if let (Some(typed_json), Some(generic_json)) = (typed_json, generic_json) {
        assert_eq!(typed_json, generic_json, "typed and generic project alike");
    }
});
