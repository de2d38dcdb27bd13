// An attribute the resource does not have is an error on the filter, suggesting the
// closest name.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"usrName eq "bjensen""#);
}
