//! A service provider's view of a provisioning request: an identity provider creates a
//! user with the enterprise extension and this crate's own badge extension.

// Generated code cannot carry inner attributes, so lints go on the module. A binary uses
// only part of the models; a library that re-exports them would not need the allow.
#[allow(dead_code)]
mod models {
    include!(concat!(env!("OUT_DIR"), "/scim_models.rs"));
}

use models::badge_user::AccessLevel;
use models::{BadgeUser, User};

/// What an identity provider might POST to `/Users`: names in any case, both extensions.
const CREATE_REQUEST: &str = r#"{
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:User",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    "urn:example:params:scim:schemas:extension:badge:2.0:User"
  ],
  "UserName": "bjensen@example.com",
  "name": {"givenName": "Barbara", "familyName": "Jensen"},
  "emails": [{"value": "bjensen@example.com", "type": "Work", "primary": true}],
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984"},
  "urn:example:params:scim:schemas:extension:badge:2.0:User": {
    "badgeNumber": "B-1024",
    "accessLevel": "Staff",
    "expires": "2027-01-31T17:00:00-05:00"
  }
}"#;

/// Reads the request and gives the user a badge of the next level up.
fn promote(request: &str) -> Result<User, serde_json::Error> {
    let mut user: User = serde_json::from_str(request)?;
    let badge = user
        .badge_user
        .get_or_insert_with(|| BadgeUser::new("unassigned"));
    badge.access_level = Some(match badge.access_level {
        Some(AccessLevel::Visitor) | None => AccessLevel::Staff,
        Some(_) => AccessLevel::Security,
    });
    Ok(user)
}

fn main() -> Result<(), serde_json::Error> {
    let user = promote(CREATE_REQUEST)?;
    println!("{}", serde_json::to_string_pretty(&user)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_extensions_are_typed_and_written_back_under_their_uris() {
        let user = promote(CREATE_REQUEST).unwrap();
        assert_eq!(
            user.enterprise_user
                .as_ref()
                .and_then(|e| e.employee_number.as_deref()),
            Some("701984")
        );
        let output = serde_json::to_value(&user).unwrap();
        assert_eq!(output["userName"], json!("bjensen@example.com"));
        assert_eq!(output["emails"][0]["type"], json!("work"));
        assert_eq!(
            output["urn:example:params:scim:schemas:extension:badge:2.0:User"],
            json!({"badgeNumber": "B-1024", "accessLevel": "security", "expires": "2027-01-31T17:00:00-05:00"})
        );
        assert_eq!(output["schemas"].as_array().map(Vec::len), Some(3));
    }

    #[test]
    fn a_user_without_a_badge_gets_one_and_the_schemas_follow() {
        let user = promote(r#"{"userName": "visitor"}"#).unwrap();
        let output = serde_json::to_value(&user).unwrap();
        assert_eq!(
            output["schemas"],
            json!([
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:example:params:scim:schemas:extension:badge:2.0:User"
            ])
        );
    }
}
