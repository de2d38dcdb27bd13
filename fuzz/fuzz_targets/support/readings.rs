//! A resource read two ways, typed and generic, shared by the fuzz targets that hold the
//! two readings to the same answers.

use scim::generic::GenericResource;
use scim::models::User;
use scim::Resource;
use std::sync::OnceLock;

/// A resource read as a typed User and as a generic resource, when each reading succeeds.
pub type Readings = (Option<User>, Option<GenericResource>);

pub fn read(text: &str) -> Readings {
    (
        serde_json::from_str(text).ok(),
        GenericResource::from_str(text, User::resource_schemas()).ok(),
    )
}

/// The RFC 7643 §8.1, §8.2 (with its password) and §8.3 users, so that every input meets
/// resources that read both ways.
pub fn rfc_users() -> &'static [Readings; 3] {
    static USERS: OnceLock<[Readings; 3]> = OnceLock::new();
    USERS.get_or_init(|| {
        [
            include_str!("../../../tests/fixtures/rfc/rfc7643/8.1-minimal-user.json"),
            include_str!("../../../tests/fixtures/rfc/rfc7643/8.2-full-user.json"),
            include_str!("../../../tests/fixtures/rfc/rfc7643/8.3-enterprise-user.json"),
        ]
        .map(|text| {
            let readings = read(text);
            assert!(
                readings.0.is_some() && readings.1.is_some(),
                "the RFC users read"
            );
            readings
        })
    })
}
