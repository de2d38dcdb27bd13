//! Feeds sort and projection parameters and a resource to sorting (RFC 7644 §3.4.2.3) and
//! projection (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7 `returned`). The resource, and one
//! of the RFC 7643 §8.1, §8.2 and §8.3 users, are read as typed Users and as generic
//! resources.
//! Nothing may panic; the sort order is antisymmetric, descending is the reverse of
//! ascending, and typed and generic readings sort alike; the typed response and the
//! projected generic resource write the same JSON, and neither returns `password`.
//!
//! Input: `sortBy`, `attributes` and `excludedAttributes`, one per line, then the
//! resource text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::access::ResourceAccess;
use scim::message::SortOrder;
use scim::models::User;
use scim::projection::Projection;
use scim::sort::Sort;
use scim::{Resource, Response};
use serde_json::Value;
use std::cmp::Ordering;

#[path = "support/readings.rs"]
mod readings;

use readings::{read, rfc_users, Readings};

/// The order of `a` and `b`, checked against the order of `b` and `a` and the
/// descending order.
fn order<A, B>(ascending: &Sort, descending: &Sort, a: &A, b: &B) -> Ordering
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

/// The readings of a resource that succeeded.
fn sides(readings: &Readings) -> Vec<&dyn ResourceAccess> {
    let typed = readings.0.as_ref().map(|user| user as &dyn ResourceAccess);
    let generic = readings
        .1
        .as_ref()
        .map(|resource| resource as &dyn ResourceAccess);
    typed.into_iter().chain(generic).collect()
}

/// `a` and `b` sort alike whichever of their readings is compared.
fn sort_alike(ascending: &Sort, descending: &Sort, a: &Readings, b: &Readings) {
    let mut orders = Vec::new();
    for a in sides(a) {
        for b in sides(b) {
            orders.push(order(ascending, descending, a, b));
        }
    }
    assert!(
        orders.windows(2).all(|pair| pair[0] == pair[1]),
        "typed and generic readings sort alike: {orders:?}"
    );
}

fn has_password(json: &Value) -> bool {
    json.as_object().is_some_and(|object| {
        object
            .keys()
            .any(|key| key.eq_ignore_ascii_case("password"))
    })
}

fn project_alike(projection: &Projection, (typed, generic): &Readings) {
    let typed = typed.as_ref().map(|user| {
        serde_json::to_value(Response::new(user, projection)).expect("a response writes")
    });
    let generic = generic.as_ref().map(|resource| {
        resource
            .project(User::resource_schemas(), projection)
            .to_json()
            .expect("a projected resource writes")
    });
    for json in typed.iter().chain(&generic) {
        assert!(!has_password(json), "password returned: {json}");
    }
    if let (Some(typed), Some(generic)) = (typed, generic) {
        assert_eq!(typed, generic, "typed and generic project alike");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.splitn(4, '\n');
    let sort_by = lines.next().unwrap_or_default();
    let attributes = lines.next().unwrap_or_default();
    let excluded = lines.next().unwrap_or_default();
    let input = read(lines.next().unwrap_or_default());
    // One example and its neighbour per input, chosen by the input's length: all of
    // them each time would slow the target down several times.
    let examples = rfc_users();
    let example = &examples[data.len() % examples.len()];
    let neighbour = &examples[(data.len() + 1) % examples.len()];

    let schemas = User::resource_schemas();
    let ascending = Sort::new(sort_by, Some(&SortOrder::Ascending), schemas);
    let descending = Sort::new(sort_by, Some(&SortOrder::Descending), schemas);
    assert_eq!(ascending.is_ok(), descending.is_ok());
    assert_eq!(ascending.is_ok(), Sort::new(sort_by, None, schemas).is_ok());
    if let (Ok(ascending), Ok(descending)) = (&ascending, &descending) {
        for (a, b) in [(&input, &input), (&input, example), (example, neighbour)] {
            sort_alike(ascending, descending, a, b);
        }
    }

    let projection = Projection::new()
        .with_attributes(attributes)
        .with_excluded_attributes(excluded);
    project_alike(&projection, &input);
    project_alike(&projection, example);
});
