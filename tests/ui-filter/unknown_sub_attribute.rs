// A sub-attribute the complex attribute does not have is an error, suggesting the name
// it starts.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"name.given eq "Barbara""#);
}
