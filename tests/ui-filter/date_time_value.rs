// A dateTime attribute compares with an xsd:dateTime (RFC 7643 §2.3.5): a date alone is
// not one, and neither is a month 13.
use scim::models::User;

fn main() {
    let _day = scim::filter!(User, r#"meta.lastModified gt "2020-01-01""#);
    let _month = scim::filter!(User, r#"meta.lastModified lt "2020-13-01T00:00:00Z""#);
    let _fine = scim::filter!(User, r#"meta.lastModified ge "2020-01-01T00:00:00.5+05:30""#);
}
