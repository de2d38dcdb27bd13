// Paths inside [...] name sub-attributes of the attribute before it.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"emails[typ eq "work"]"#);
}
