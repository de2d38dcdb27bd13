// A Group's displayName is required (RFC 7643 §4.2, erratum 5368): `new` cannot be
// called without it.
fn main() {
    let _group = scim::models::Group::new();
}
