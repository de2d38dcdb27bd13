//! Feeds arbitrary bytes to the schema loader: it must never panic, and whatever it
//! loads must come back unchanged through `to_json` (RFC 7643 §6, §7 representation).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::schema::Loader;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(set) = Loader::new().add_str("fuzz.json", &text).load() else {
        return;
    };
    let mut again = Loader::new();
    for schema in set.schemas() {
        again.add_str("schema.json", &schema.to_json().to_string());
    }
    for resource_type in set.resource_types() {
        again.add_str("resource_type.json", &resource_type.to_json().to_string());
    }
    assert_eq!(
        again.load(),
        Ok(set),
        "to_json then load must give the same model"
    );
});
