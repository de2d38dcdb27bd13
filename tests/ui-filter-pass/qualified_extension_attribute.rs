// Extension attributes by their URN; names and URNs in any case.
use scim::models::User;

fn main() {
    let filter = scim::filter!(
        User,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984" and URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:MANAGER.VALUE pr"#
    );
    assert_eq!(filter.filter(), &scim::filter::Filter::parse(&filter.to_string()).unwrap());
}
