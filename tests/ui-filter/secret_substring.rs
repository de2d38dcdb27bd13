// A value that is never returned compares for equality only (RFC 7643 §4.1.1, §7):
// `sw` would reveal the password a character at a time.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"password sw "a""#);
}
