// A binary attribute compares with base64 text (RFC 7643 §2.3.6).
use scim::models::User;

fn main() {
    let _bad = scim::filter!(User, r#"x509Certificates.value eq "MII C""#);
    let _fine = scim::filter!(User, r#"x509Certificates.value eq "MIIC""#);
}
