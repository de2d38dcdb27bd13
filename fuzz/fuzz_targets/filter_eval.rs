//! Feeds a filter and a resource to filter evaluation (RFC 7644 §3.4.2.2): the filter is
//! parsed and compiled against the User schemas, then tested on the resource read as a
//! typed User and as a generic resource, and on the RFC 7643 §8.2 and §8.3 users read both
//! ways. Nothing may panic, and when both readings succeed, both answers must be the same.
//!
//! Input: the filter, a line break, the resource text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::filter::{CompiledFilter, Filter};
use scim::models::User;
use scim::Resource;

#[path = "support/readings.rs"]
mod readings;

use readings::{read, rfc_users, Readings};

fn check(filter: &CompiledFilter, (typed, generic): &Readings) {
    let typed = typed.as_ref().map(|user| filter.matches(user));
    let generic = generic.as_ref().map(|resource| filter.matches(resource));
    if let (Some(typed), Some(generic)) = (typed, generic) {
        assert_eq!(typed, generic, "typed and generic disagree");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (filter, resource) = text.split_once('\n').unwrap_or((text, ""));
    let Ok(filter) = Filter::parse(filter) else {
        return;
    };
    let Ok(compiled) = filter.compile(User::resource_schemas()) else {
        return;
    };
    check(&compiled, &read(resource));
    for example in &rfc_users()[1..] {
        check(&compiled, example);
    }
});
