//! Property: no response ever contains an attribute that is `returned: never` or
//! `writeOnly` (RFC 7643 §7), for any bundled resource and any projection; neither does
//! the safe (plain `Serialize`) form. Checked on the typed models ([`Response`]) and on
//! generic resources ([`GenericResource::project`]), at every depth: top level,
//! sub-attributes and extension attributes.

use proptest::prelude::*;
use scim::access::Slot;
use scim::generic::GenericResource;
use scim::models::{Group, ResourceType, Schema, ServiceProviderConfig, User};
use scim::projection::Projection;
use scim::schema::{Attribute, Mutability, ResourceSchemas, Returned};
use scim::{Complex, Resource, Response, UnknownAttributes};
use scim_tests::rfc_example;
use serde_json::{json, Value};

/// A hand-written resource with secrets below the top level too.
#[derive(Clone, Debug, Default, PartialEq, scim::Resource)]
#[scim(schema = "urn:example:scim:schemas:Vault")]
struct Vault {
    #[scim(common, mutability = "readOnly", returned = "always", case_exact)]
    id: Option<String>,
    label: Option<String>,
    #[scim(mutability = "writeOnly")]
    passphrase: Option<String>,
    #[scim(returned = "request")]
    history: Option<String>,
    keys: Vec<Key>,
    #[scim(extension)]
    audit: Option<Audit>,
    #[scim(unknown)]
    unknown: UnknownAttributes,
}

#[derive(Clone, Debug, Default, PartialEq, Complex)]
struct Key {
    value: Option<String>,
    #[scim(returned = "never")]
    private_part: Option<String>,
    #[scim(returned = "request")]
    fingerprint: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Complex)]
#[scim(schema = "urn:example:scim:schemas:VaultAudit")]
struct Audit {
    reviewer: Option<String>,
    #[scim(mutability = "writeOnly", returned = "never")]
    reviewer_token: Option<String>,
}

fn vault_document() -> Value {
    json!({
        "schemas": ["urn:example:scim:schemas:Vault", "urn:example:scim:schemas:VaultAudit"],
        "id": "v1",
        "label": "Main",
        "passphrase": "open sesame",
        "history": "opened twice",
        "keys": [
            {"value": "k1", "privatePart": "p1", "fingerprint": "f1"},
            {"value": "k2", "privatePart": "p2"}
        ],
        "urn:example:scim:schemas:VaultAudit": {"reviewer": "ann", "reviewerToken": "t0k"}
    })
}

fn with_password(file: &str) -> Value {
    let mut user = rfc_example(file);
    user["password"] = json!("t1meMa$heen");
    user
}

fn is_secret(attribute: &Attribute) -> bool {
    attribute.returned == Returned::Never || attribute.mutability == Mutability::WriteOnly
}

/// Every secret attribute of `schemas` is absent from `document`, at any depth.
fn assert_no_secret(document: &Value, schemas: ResourceSchemas<'_>, what: &str) {
    fn check(object: &Value, attributes: &[Attribute], what: &str) {
        let Some(object) = object.as_object() else {
            return;
        };
        for attribute in attributes {
            let value = object
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(&attribute.name))
                .map(|(_, value)| value);
            let Some(value) = value else { continue };
            assert!(
                !is_secret(attribute),
                "{what}: `{}` written",
                attribute.name
            );
            for item in value
                .as_array()
                .map_or(std::slice::from_ref(value), Vec::as_slice)
            {
                check(item, &attribute.sub_attributes, what);
            }
        }
    }
    for slot in schemas.slots() {
        let attributes: Vec<Attribute> = schemas
            .attributes(slot)
            .map(|found| found.attribute.clone())
            .collect();
        match slot {
            Slot::Core => check(document, &attributes, what),
            Slot::Extension { uri, .. } => {
                if let Some(extension) = document.get(uri) {
                    check(extension, &attributes, what);
                }
            }
        }
    }
}

/// Attribute paths of `schemas` a request could name: plain, with a sub-attribute, and
/// URN-qualified, plus whole extension URIs.
fn paths(schemas: ResourceSchemas<'_>) -> Vec<String> {
    let mut paths = Vec::new();
    for slot in schemas.slots() {
        let prefix = match slot {
            Slot::Core => schemas.core().map(|core| core.id.to_string()),
            Slot::Extension { uri, .. } => {
                paths.push(uri.to_owned());
                Some(uri.to_owned())
            }
        };
        for found in schemas.attributes(slot) {
            let name = found.attribute.name.to_string();
            let mut names = vec![name.clone()];
            for sub in found.attribute.sub_attributes.iter() {
                names.push(format!("{name}.{}", sub.name));
            }
            for name in names {
                if let Some(prefix) = &prefix {
                    paths.push(format!("{prefix}:{name}"));
                }
                if slot == Slot::Core {
                    paths.push(name);
                }
            }
        }
    }
    paths
}

/// A comma-separated list of some of `paths`, in mixed case.
fn list(paths: Vec<String>) -> impl Strategy<Value = String> {
    let count = paths.len();
    prop::collection::vec((0..count, any::<bool>()), 0..6).prop_map(move |picks| {
        picks
            .into_iter()
            .map(|(index, upper)| {
                let path = &paths[index];
                if upper {
                    path.to_uppercase()
                } else {
                    path.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    })
}

fn check_resource<T: Resource>(input: &Value, attributes: &str, excluded: &str) {
    let schemas = T::resource_schemas();
    let projection = Projection::new()
        .with_attributes(attributes)
        .with_excluded_attributes(excluded);
    let typed: T = serde_json::from_value(input.clone()).unwrap();
    let response = serde_json::to_value(Response::new(&typed, &projection)).unwrap();
    assert_no_secret(&response, schemas, "typed response");
    assert_no_secret(&serde_json::to_value(&typed).unwrap(), schemas, "safe form");
    let read = GenericResource::from_json(input.clone(), schemas).unwrap();
    assert_no_secret(
        &serde_json::to_value(&read).unwrap(),
        schemas,
        "generic safe form",
    );
    let generic = read.project(schemas, &projection).to_json().unwrap();
    assert_no_secret(&generic, schemas, "generic response");
    assert_eq!(response, generic, "{attributes} / {excluded}");
}

macro_rules! never_returned {
    ($($name:ident: $model:ty = $input:expr;)*) => {
        $(
            proptest! {
                #![proptest_config(ProptestConfig::with_cases(64))]
                #[test]
                fn $name(
                    (attributes, excluded) in (
                        list(paths(<$model>::resource_schemas())),
                        list(paths(<$model>::resource_schemas())),
                    )
                ) {
                    check_resource::<$model>(&$input, &attributes, &excluded);
                }
            }
        )*
    };
}

never_returned! {
    full_user: User = with_password("rfc7643/8.2-full-user.json");
    enterprise_user: User = with_password("rfc7643/8.3-enterprise-user.json");
    group: Group = rfc_example("rfc7643/8.4-group.json");
    service_provider_config: ServiceProviderConfig =
        rfc_example("rfc7643/8.5-service-provider-config.json");
    resource_type: ResourceType = rfc_example("rfc7643/8.6-resource-type-user.json");
    schema: Schema = rfc_example("rfc7643/8.7/User.json");
    hand_written_vault: Vault = vault_document();
}

#[test]
fn the_secrets_are_there_to_be_hidden() {
    // The inputs really hold the secrets the property keeps out of responses.
    let vault: Vault = serde_json::from_value(vault_document()).unwrap();
    let full = serde_json::to_value(scim::RequestBody(&vault)).unwrap();
    assert_eq!(full, vault_document());
    let safe = serde_json::to_value(&vault).unwrap();
    assert!(safe.get("passphrase").is_none());
    assert_eq!(
        safe["keys"],
        json!([{"value": "k1", "fingerprint": "f1"}, {"value": "k2"}])
    );
    // A response returns `returned: request` attributes only when asked for.
    let response = serde_json::to_value(Response::new(&vault, &Projection::new())).unwrap();
    assert!(response.get("history").is_none());
    assert_eq!(response["keys"], json!([{"value": "k1"}, {"value": "k2"}]));
    let asked = Projection::new().with_attributes("history,keys.fingerprint");
    let response = serde_json::to_value(Response::new(&vault, &asked)).unwrap();
    assert_eq!(response["history"], json!("opened twice"));
    // The second key has nothing left to return: unassigned, so left out.
    assert_eq!(response["keys"], json!([{"fingerprint": "f1"}]));
    assert_eq!(
        safe["urn:example:scim:schemas:VaultAudit"],
        json!({"reviewer": "ann"})
    );
}
