// An extension attribute written without its URN is not a core attribute (RFC 7644
// §3.10): the error suggests the URN-qualified name.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"employeeNumber eq "701984""#);
}
