// gt, ge, lt and le on a binary attribute are invalidFilter (RFC 7644 §3.4.2.2).
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"x509Certificates.value le "TUlJ""#);
}
