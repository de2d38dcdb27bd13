//! Feeds a document to the request rules (RFC 7643 §7; RFC 7644 §3.3, §3.4, §3.5.1,
//! §3.5.2): read as a User, typed and generic, it goes through create, replace (against
//! either reading) and response, default and strict; read as a PatchOp and a
//! SearchRequest, through the patch and query rules of User and Group. Nothing may panic,
//! and where the typed and the generic reading hold the same document, both give the same
//! outcome: the same error, or the same report and the same document left.
//!
//! Input: one options byte, then the document. Options bit 0 reads the generic resource
//! from a `serde_json::Value` instead of from the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::access::ResourceAccess;
use scim::generic::GenericResource;
use scim::models::{Group, User};
use scim::request::{self, Report, Rules};
use scim::schema::ResourceSchemas;
use scim::{Error, RequestBody, Resource};
use serde_json::Value;

type Outcome = Result<(Option<Value>, Report), Error>;

/// Runs `check` on a copy of `resource`: its result, and the copy as JSON after it.
fn run<R: Clone>(
    resource: &R,
    json: impl Fn(&R) -> Option<Value>,
    check: impl FnOnce(&mut R) -> Result<Report, Error>,
) -> Outcome {
    let mut copy = resource.clone();
    check(&mut copy).map(|report| (json(&copy), report))
}

fn typed_json(user: &User) -> Option<Value> {
    serde_json::to_value(RequestBody(user)).ok()
}

fn generic_json(resource: &GenericResource) -> Option<Value> {
    serde_json::to_value(RequestBody(resource)).ok()
}

/// Create, replace against `others` and response of the typed and generic readings,
/// which hold the same document: the outcomes must be equal.
fn agree(rules: &Rules, schemas: ResourceSchemas<'_>, typed: &User, generic: &GenericResource) {
    let others: [&dyn ResourceAccess; 2] = [typed, generic];
    assert_eq!(
        run(typed, typed_json, |user| rules.create(user, schemas)),
        run(generic, generic_json, |resource| rules
            .create(resource, schemas)),
        "create"
    );
    for existing in others {
        assert_eq!(
            run(typed, typed_json, |user| rules
                .replace(user, existing, schemas)),
            run(generic, generic_json, |resource| rules
                .replace(resource, existing, schemas)),
            "replace"
        );
    }
    assert_eq!(
        rules.response(typed, schemas),
        rules.response(generic, schemas),
        "response"
    );
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
    for rules in [Rules::new(), Rules::strict()] {
        let _ = request::create::<User>(text, &rules);
        match (&typed, &generic) {
            (Some(typed), Some(generic)) => {
                let same = typed_json(typed);
                if same.is_some() && same == generic_json(generic) {
                    agree(&rules, schemas, typed, generic);
                } else {
                    let _ = run(typed, typed_json, |user| {
                        rules.replace(user, generic, schemas)
                    });
                    let _ = run(generic, generic_json, |resource| {
                        rules.replace(resource, typed, schemas)
                    });
                }
            }
            (Some(typed), None) => {
                let _ = run(typed, typed_json, |user| {
                    rules.replace(user, typed, schemas)
                });
                let _ = rules.response(typed, schemas);
            }
            (None, Some(generic)) => {
                let _ = run(generic, generic_json, |resource| {
                    rules.create(resource, schemas)
                });
                let _ = rules.response(generic, schemas);
            }
            (None, None) => {}
        }
        let _ = request::patch::<User>(text, &rules);
        let _ = request::patch::<Group>(text, &rules);
        let _ = request::query::<User>(text, &rules);
        let _ = request::query::<Group>(text, &rules);
    }
});
