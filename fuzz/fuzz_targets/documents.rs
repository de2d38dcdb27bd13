//! Feeds arbitrary bytes to the typed models, the protocol messages and the generic
//! resource reader: they must never panic, and a document that reads must write back
//! JSON that reads again to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::generic::{GenericResource, ResourceSchemas};
use scim::message::{BulkRequest, BulkResponse, ListResponse, PatchOp, SearchRequest};
use scim::models::{Group, ServiceProviderConfig, User};
use serde::de::DeserializeOwned;
use serde::Serialize;

fn stable<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        let text = serde_json::to_string(&value).expect("a read value writes");
        let again: T = serde_json::from_str(&text).expect("written JSON reads again");
        assert_eq!(again, value);
    }
}

fuzz_target!(|data: &[u8]| {
    stable::<User>(data);
    stable::<Group>(data);
    stable::<ServiceProviderConfig>(data);
    stable::<ListResponse<serde_json::Value>>(data);
    stable::<SearchRequest>(data);
    stable::<PatchOp>(data);
    stable::<BulkRequest>(data);
    stable::<BulkResponse>(data);
    stable::<scim::Error>(data);
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = GenericResource::from_json(value, ResourceSchemas::schemaless());
    }
});
