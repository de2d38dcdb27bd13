// A value filter [...] applies to a complex attribute's values.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"userName[value eq "bjensen"]"#);
}
