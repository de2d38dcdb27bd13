//! Deserialize + serialize of the RFC 7643 §8.3 full user with the enterprise extension:
//! the generated model against a hand-written plain serde struct with the same fields and
//! against `serde_json::Value`, in the same run.
//!
//! The generated model does more than the plain struct: attribute names in any case,
//! duplicate detection, unknown attributes kept, `schemas` checked and computed, lossless
//! dateTime, binary and reference values, canonical values as enums.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
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

criterion_group!(benches, user_round_trip);
criterion_main!(benches);
