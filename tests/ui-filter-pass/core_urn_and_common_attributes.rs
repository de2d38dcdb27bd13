// The core schema's URN may qualify its attributes; the common attributes (RFC 7643 §3.1)
// belong to every resource.
use scim::models::User;

fn main() {
    let _ = scim::filter!(
        User,
        r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "b" and id pr and externalId eq "x" and meta.resourceType eq "User""#
    );
}
