// Only complex attributes have sub-attributes.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"userName.value eq "bjensen""#);
}
