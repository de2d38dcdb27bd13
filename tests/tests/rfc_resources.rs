//! Every RFC 7643 §8 and RFC 7644 resource example reads into the bundled typed model and
//! writes back the same JSON (RFC 7643 §2.5 equivalence of null, [] and absent aside) in
//! the full form a request body has ([`scim::RequestBody`]: `password` included).

use scim::models::{Group, ResourceType, ServiceProviderConfig, User};
use scim::response::SerializeForm;
use scim::RequestBody;
use scim_tests::{rfc_example, without_unassigned};
use serde::de::DeserializeOwned;

fn round_trips<T: SerializeForm + DeserializeOwned>(file: &str) -> T {
    let input = rfc_example(file);
    let text = input.to_string();
    let model: T = serde_json::from_str(&text).unwrap_or_else(|error| panic!("{file}: {error}"));
    let output = serde_json::to_value(RequestBody(&model)).unwrap();
    assert_eq!(
        without_unassigned(&output),
        without_unassigned(&input),
        "{file}"
    );
    model
}

macro_rules! round_trip_tests {
    ($($name:ident: $model:ty = $file:literal;)*) => {
        $(
            #[test]
            fn $name() {
                round_trips::<$model>($file);
            }
        )*
    };
}

round_trip_tests! {
    rfc7643_8_1_minimal_user: User = "rfc7643/8.1-minimal-user.json";
    rfc7643_8_2_full_user: User = "rfc7643/8.2-full-user.json";
    rfc7643_8_3_enterprise_user: User = "rfc7643/8.3-enterprise-user.json";
    rfc7643_8_4_group: Group = "rfc7643/8.4-group.json";
    rfc7643_8_5_service_provider_config: ServiceProviderConfig = "rfc7643/8.5-service-provider-config.json";
    rfc7643_8_6_resource_type_user: ResourceType = "rfc7643/8.6-resource-type-user.json";
    rfc7643_8_6_resource_type_group: ResourceType = "rfc7643/8.6-resource-type-group.json";
    rfc7644_3_3_create_user_request: User = "rfc7644/3.3-create-user-request.json";
    rfc7644_3_3_create_user_response: User = "rfc7644/3.3-create-user-response.json";
    rfc7644_3_4_1_get_user_response: User = "rfc7644/3.4.1-get-user-response.json";
    rfc7644_3_5_1_replace_user_request: User = "rfc7644/3.5.1-replace-user-request.json";
    rfc7644_3_5_1_replace_user_response: User = "rfc7644/3.5.1-replace-user-response.json";
    rfc7644_3_7_2_get_group_response: Group = "rfc7644/3.7.2-get-group-response.json";
    rfc7644_3_9_get_user_attributes_response: User = "rfc7644/3.9-get-user-attributes-response.json";
    rfc7644_3_14_create_user_request: User = "rfc7644/3.14-create-user-request.json";
    rfc7644_3_14_create_user_response: User = "rfc7644/3.14-create-user-response.json";
}

#[test]
fn the_full_user_is_typed_down_to_its_extension() {
    let user: User = round_trips("rfc7643/8.3-enterprise-user.json");
    assert_eq!(user.user_name.as_deref(), Some("bjensen@example.com"));
    let enterprise = user.enterprise_user.expect("enterprise extension");
    assert_eq!(enterprise.employee_number.as_deref(), Some("701984"));
    let manager = enterprise.manager.expect("manager");
    assert_eq!(
        manager.value.as_deref(),
        Some("26118915-6090-4610-87e4-49d8ca9f808d")
    );
    let created = user
        .meta
        .and_then(|meta| meta.created)
        .expect("meta.created");
    assert_eq!(created.to_string(), "2010-01-23T04:56:22Z");
}

#[test]
fn upper_case_attribute_names_parse_as_a_user() {
    let user: User =
        serde_json::from_str(r#"{"USERNAME":"bjensen","NAME":{"GIVENNAME":"Barbara"}}"#).unwrap();
    assert_eq!(user.user_name.as_deref(), Some("bjensen"));
    assert_eq!(
        user.name.and_then(|name| name.given_name).as_deref(),
        Some("Barbara")
    );
}

#[test]
fn every_resource_example_in_the_manifest_is_covered() {
    let manifest = rfc_example("manifest.json");
    let resource_kinds = [
        "User",
        "Group",
        "ServiceProviderConfig",
        "ResourceType",
        "EnterpriseUser",
    ];
    let resources: Vec<&str> = manifest
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| resource_kinds.contains(&entry["kind"].as_str().unwrap_or("")))
        .map(|entry| entry["file"].as_str().unwrap())
        .collect();
    let source = include_str!("rfc_resources.rs");
    for file in &resources {
        assert!(
            source.contains(&format!("\"{file}\"")),
            "no round-trip test for {file}"
        );
    }
    assert_eq!(resources.len(), 16);
}

/// RFC 7643 §8.7.1 and §8.7.2 print the schema representations without `schemas`; the
/// typed model writes it (RFC 7643 §7: every Schema resource has it), and otherwise
/// gives back exactly what it read.
#[test]
fn every_rfc_schema_representation_round_trips_through_the_schema_model() {
    const SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    for name in [
        "User",
        "Group",
        "EnterpriseUser",
        "ServiceProviderConfig",
        "ResourceType",
        "Schema",
    ] {
        let file = format!("rfc7643/8.7/{name}.json");
        let input = rfc_example(&file);
        assert!(input.get("schemas").is_none(), "{file} prints no schemas");
        let model: scim::models::Schema =
            serde_json::from_value(input.clone()).unwrap_or_else(|error| panic!("{file}: {error}"));
        let mut output = serde_json::to_value(&model).unwrap();
        assert_eq!(output["schemas"], serde_json::json!([SCHEMA]), "{file}");
        output.as_object_mut().unwrap().remove("schemas");
        assert_eq!(
            without_unassigned(&output),
            without_unassigned(&input),
            "{file}"
        );
    }
}
