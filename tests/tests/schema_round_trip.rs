//! Issue 3, item 1: schema JSON → generated struct → derived metadata → schema JSON gives
//! back the input, for every bundled schema (RFC 7643 §2.2 defaults are written out on
//! both sides by `Schema::to_json`).

use scim::models::{EnterpriseUser, Group, ResourceType, Schema, ServiceProviderConfig, User};
use scim::schema::{Loader, SchemaSet};
use scim::{Extension, Resource};
use std::path::Path;

fn bundled() -> SchemaSet {
    let mut loader = Loader::new();
    loader.add_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/rfc7643"));
    loader.load().unwrap_or_else(|error| panic!("{error}"))
}

fn assert_round_trip(derived: &scim::schema::Schema) {
    let set = bundled();
    let loaded = set
        .schema(&derived.id)
        .unwrap_or_else(|| panic!("{} is bundled", derived.id));
    assert_eq!(derived.to_json(), loaded.to_json(), "{}", derived.id);
}

#[test]
fn the_user_schema_comes_back_from_the_user_model() {
    assert_round_trip(User::schema());
}

#[test]
fn the_enterprise_user_schema_comes_back_from_its_extension_model() {
    assert_round_trip(EnterpriseUser::schema());
}

#[test]
fn the_group_schema_comes_back_from_the_group_model() {
    assert_round_trip(Group::schema());
}

#[test]
fn the_discovery_schemas_come_back_from_their_models() {
    assert_round_trip(ServiceProviderConfig::schema());
    assert_round_trip(ResourceType::schema());
    assert_round_trip(Schema::schema());
}
