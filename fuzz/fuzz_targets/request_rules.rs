//! Feeds a document to the request rules (RFC 7643 §7; RFC 7644 §3.3, §3.4, §3.5.1,
//! §3.5.2): read as a User, typed and generic, it goes through create, replace and
//! response, default and strict; read as a PatchOp and a SearchRequest, through the
//! patch and query rules of User and Group. Nothing may panic, and where the typed and
//! the generic reading hold the same document, both are accepted or both refused.
//!
//! Input: one options byte, then the document. Options bit 0 reads the generic resource
//! from a `serde_json::Value` instead of from the text; bit 1 also checks each replace
//! against its own reading.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::access::ResourceAccess;
use scim::generic::GenericResource;
use scim::models::{Group, User};
use scim::request::{self, Rules};
use scim::{RequestBody, Resource};

/// Typed and generic outcomes agree on acceptance.
fn same_kind<A, B>(what: &str, typed: &Result<A, scim::Error>, generic: &Result<B, scim::Error>) {
    assert_eq!(
        typed.is_ok(),
        generic.is_ok(),
        "{what}: typed {:?}, generic {:?}",
        typed.as_ref().err(),
        generic.as_ref().err()
    );
}

fn replace<R: ResourceAccess + Clone, E: ResourceAccess>(
    rules: &Rules,
    body: &R,
    existing: &E,
) -> Result<scim::request::Report, scim::Error> {
    rules.replace(&mut body.clone(), existing, User::resource_schemas())
}

fuzz_target!(|data: &[u8]| {
    let Some((&options, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let schemas = User::resource_schemas();
    let typed = serde_json::from_str::<User>(text).ok();
    let generic = if options & 1 == 0 {
        GenericResource::from_str(text, schemas).ok()
    } else {
        serde_json::from_str(text)
            .ok()
            .and_then(|value| GenericResource::from_json(value, schemas).ok())
    };
    let same = match (&typed, &generic) {
        (Some(typed), Some(generic)) => {
            let typed = serde_json::to_value(RequestBody(typed)).ok();
            typed.is_some() && typed == generic.to_json().ok()
        }
        _ => false,
    };
    for rules in [Rules::new(), Rules::strict()] {
        let typed_create = request::create::<User>(text, &rules);
        let generic_create = generic
            .clone()
            .map(|mut resource| rules.create(&mut resource, schemas));
        let typed_response = typed.as_ref().map(|user| rules.response(user, schemas));
        let generic_response = generic
            .as_ref()
            .map(|resource| rules.response(resource, schemas));
        if let (Some(typed), Some(generic)) = (&typed, &generic) {
            let typed_replace = replace(&rules, typed, generic);
            let generic_replace = replace(&rules, generic, typed);
            if options & 2 != 0 {
                let _ = replace(&rules, typed, typed);
                let _ = replace(&rules, generic, generic);
            }
            if same {
                if let Some(generic_create) = &generic_create {
                    same_kind("create", &typed_create, generic_create);
                }
                same_kind("replace", &typed_replace, &generic_replace);
                if let (Some(typed), Some(generic)) = (&typed_response, &generic_response) {
                    same_kind("response", typed, generic);
                }
            }
        }
        let _ = request::patch::<User>(text, &rules);
        let _ = request::patch::<Group>(text, &rules);
        let _ = request::query::<User>(text, &rules);
        let _ = request::query::<Group>(text, &rules);
    }
});
