// A boolean attribute compares with true or false, not with a string.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"active eq "yes""#);
}
