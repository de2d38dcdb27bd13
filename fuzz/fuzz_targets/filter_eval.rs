//! Feeds a filter and a resource to filter evaluation (RFC 7644 §3.4.2.2): the filter is
//! parsed and compiled against the User schemas, then tested on the resource read as a
//! typed User and as a generic resource. Nothing may panic, and when both readings
//! succeed, both answers must be the same.
//!
//! Input: the filter, a line break, the resource text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::filter::{CompiledFilter, Filter};
use scim::generic::GenericResource;
use scim::models::User;
use scim::Resource;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (filter, resource) = text.split_once('\n').unwrap_or((text, ""));
    let Ok(filter) = Filter::parse(filter) else {
        return;
    };
    let typed_compiled = CompiledFilter::for_resource::<User>(&filter);
    let generic_compiled = filter.compile(User::resource_schemas());
    assert_eq!(typed_compiled.is_ok(), generic_compiled.is_ok());
    let (Ok(typed_compiled), Ok(generic_compiled)) = (typed_compiled, generic_compiled) else {
        return;
    };
    let typed = serde_json::from_str::<User>(resource).ok();
    let generic = GenericResource::from_str(resource, User::resource_schemas()).ok();
    let typed_answer = typed.as_ref().map(|user| typed_compiled.matches(user));
    let generic_answer = generic
        .as_ref()
        .map(|resource| generic_compiled.matches(resource));
    if let (Some(typed_answer), Some(generic_answer)) = (typed_answer, generic_answer) {
        assert_eq!(typed_answer, generic_answer, "typed and generic disagree");
    }
});
