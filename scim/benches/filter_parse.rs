//! Parse throughput over a mix of filters (RFC 7644 §3.4.2.2): `scim::filter::Filter::parse`
//! against the filter parser of the `scim_v2` crate, in the same run.
//!
//! `scim_v2` is a dev-dependency of `scim` only for this comparison (issue 4 asks for it);
//! no code of the library uses it. Every filter of the mix is one both parsers accept,
//! checked before timing.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// About twenty filters: simple, nested, URN-prefixed, value paths, escaped quotes, not,
/// operators in mixed case.
const FILTERS: &[&str] = &[
    r#"userName eq "bjensen""#,
    r#"name.familyName co "O'Malley""#,
    r#"userName Sw "J""#,
    r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#,
    "title pr",
    r#"meta.lastModified gt "2011-05-13T04:42:34Z""#,
    r#"meta.lastModified LE "2011-05-13T04:42:34Z""#,
    r#"title pr and userType eq "Employee""#,
    r#"title pr Or userType eq "Intern""#,
    r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
    r#"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#,
    r#"userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")"#,
    r#"userType eq "Employee" and (emails.type eq "work")"#,
    r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"]"#,
    r#"emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]"#,
    r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984""#,
    r#"displayName eq "Barbara \"Babs\" Jensen" and nickName ew "\\x""#,
    r#"NOT (active eq false) AND (userName SW "a" OR userName EW "z")"#,
    r#"((a eq 1 and b ne 2.5) or (c gt -3 and not (d lt 4e2))) and e pr"#,
    r#"members[value eq "2819c223-7f76-453a-919d-413861904646"] and displayName co "Tour""#,
];

fn ours(filter: &str) -> Option<scim::filter::Filter> {
    scim::filter::Filter::parse(filter).ok()
}

fn theirs(filter: &str) -> Option<scim_v2::filter::Filter> {
    filter.parse::<scim_v2::filter::Filter>().ok()
}

fn filter_parse(c: &mut Criterion) {
    for filter in FILTERS {
        assert!(ours(filter).is_some(), "scim rejects {filter}");
        assert!(theirs(filter).is_some(), "scim_v2 rejects {filter}");
    }
    let bytes: usize = FILTERS.iter().map(|filter| filter.len()).sum();

    let mut group = c.benchmark_group(format!("parse {} filters", FILTERS.len()));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("scim Filter::parse", |b| {
        b.iter(|| {
            for filter in FILTERS {
                black_box(ours(black_box(filter)));
            }
        })
    });
    group.bench_function("scim_v2 Filter::from_str", |b| {
        b.iter(|| {
            for filter in FILTERS {
                black_box(theirs(black_box(filter)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, filter_parse);
criterion_main!(benches);
