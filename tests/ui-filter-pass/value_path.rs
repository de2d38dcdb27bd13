// A value filter on a multi-valued complex attribute, and a complex attribute compared
// through its value sub-attribute.
use scim::models::User;

fn main() {
    let _work = scim::filter!(User, r#"emails[type eq "work" and value co "@example.com"]"#);
    let _any = scim::filter!(User, r#"emails co "@example.com""#);
    let _members = scim::filter!(scim::models::Group, r#"members[value eq "2819c223"]"#);
}
