//! Generating Rust source for every bundled schema and resource type, from JSON text to
//! formatted source: loading and checking, planning, token emission, prettyplease.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn generate_bundled(c: &mut Criterion) {
    let mut builder = scim_codegen::Builder::new();
    builder.bundled_schemas().bundled_resource_types();
    c.bench_function("generate all bundled schemas", |b| {
        b.iter(|| black_box(builder.generate().expect("the bundled schemas generate")))
    });
}

criterion_group!(benches, generate_bundled);
criterion_main!(benches);
