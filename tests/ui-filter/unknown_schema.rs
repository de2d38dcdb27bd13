// A URN that is none of the resource's schemas is an error, suggesting the closest.
use scim::models::User;

fn main() {
    let _ = scim::filter!(
        User,
        r#"urn:ietf:params:scim:schemas:core:2.0:Usr:userName eq "bjensen""#
    );
}
