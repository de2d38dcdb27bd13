//! Deserialize + serialize of the RFC 7643 §8.3 full user with the enterprise extension:
//! the generated model against a hand-written plain serde struct with the same fields and
//! against `serde_json::Value`, in the same run. Then the whole service-provider path for
//! the same user (create rules and a projected response) against the plain round trip.
//!
//! The generated model does more than the plain struct: attribute names in any case,
//! duplicate detection, unknown attributes kept, `schemas` checked and computed, lossless
//! dateTime, binary and reference values, canonical values as enums.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use scim::projection::Projection;
use serde::{Deserialize, Serialize};
use std::hint::black_box;

const FULL_USER: &str = include_str!("../../tests/fixtures/rfc/rfc7643/8.3-enterprise-user.json");

/// The baseline: what a careful person writes with plain serde for the same document.
#[path = "support/plain_user.rs"]
mod plain;

fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(json: &str) -> String {
    let value: T = serde_json::from_str(json).expect("the RFC example parses");
    serde_json::to_string(&value).expect("serialises")
}

/// The generated model written in full (`password` included), as the plain struct does.
fn typed_round_trip(json: &str) -> String {
    let user: scim::models::User = serde_json::from_str(json).expect("the RFC example parses");
    serde_json::to_string(&scim::RequestBody(&user)).expect("serialises")
}

fn user_round_trip(c: &mut Criterion) {
    // All three must read the whole document; check once, outside the timing.
    let typed: serde_json::Value = serde_json::from_str(&typed_round_trip(FULL_USER)).unwrap();
    let input: serde_json::Value = serde_json::from_str(FULL_USER).unwrap();
    assert_eq!(
        typed, input,
        "the generated model must round-trip the example"
    );

    let mut group = c.benchmark_group("full enterprise user: deserialize + serialize");
    group.throughput(Throughput::Bytes(FULL_USER.len() as u64));
    group.bench_function("generated scim::models::User", |b| {
        b.iter(|| typed_round_trip(black_box(FULL_USER)))
    });
    group.bench_function("plain serde struct", |b| {
        b.iter(|| round_trip::<plain::User>(black_box(FULL_USER)))
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| round_trip::<serde_json::Value>(black_box(FULL_USER)))
    });
    group.finish();
}

/// What a service provider does with a create request (RFC 7644 §3.3): read it, apply the
/// create rules (readOnly attributes dropped, required ones checked), and write the
/// resource back as a response for a projection; against the plain struct's round trip.
fn create_and_respond(json: &str, rules: &scim::request::Rules, projection: &Projection) -> String {
    let user = scim::request::create::<scim::models::User>(json, rules)
        .expect("the RFC example is a valid create request")
        .into_inner();
    serde_json::to_string(&scim::Response::new(&user, projection)).expect("serialises")
}

fn create_request_and_response(c: &mut Criterion) {
    let rules = scim::request::Rules::new();
    let everything = Projection::new();
    let some = Projection::new().with_attributes("userName,name.givenName,emails");
    // The rules really ran: `id`, `meta` and `groups` are readOnly, `password` never
    // returned; `attributes` keeps what it names plus `id`... which the create dropped.
    let written: serde_json::Value =
        serde_json::from_str(&create_and_respond(FULL_USER, &rules, &everything)).unwrap();
    for gone in ["id", "meta", "groups", "password"] {
        assert!(written.get(gone).is_none(), "{gone}");
    }
    assert!(written
        .get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
        .is_some());
    let written: serde_json::Value =
        serde_json::from_str(&create_and_respond(FULL_USER, &rules, &some)).unwrap();
    assert_eq!(
        written.as_object().unwrap().len(),
        4,
        "schemas, userName, name, emails"
    );

    let mut group = c.benchmark_group("full enterprise user: create request + response");
    group.throughput(Throughput::Bytes(FULL_USER.len() as u64));
    group.bench_function("create rules + response, no projection", |b| {
        b.iter(|| create_and_respond(black_box(FULL_USER), &rules, &everything))
    });
    group.bench_function(
        "create rules + response, attributes=userName,name.givenName,emails",
        |b| b.iter(|| create_and_respond(black_box(FULL_USER), &rules, &some)),
    );
    group.bench_function("plain serde struct: deserialize + serialize", |b| {
        b.iter(|| round_trip::<plain::User>(black_box(FULL_USER)))
    });
    group.finish();
}

criterion_group!(benches, user_round_trip, create_request_and_response);
criterion_main!(benches);
