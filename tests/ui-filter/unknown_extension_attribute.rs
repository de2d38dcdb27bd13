// An attribute the extension named by the URN does not have is an error.
use scim::models::User;

fn main() {
    let _ = scim::filter!(
        User,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNo eq "701984""#
    );
}
