// Wire names must be SCIM attribute names (RFC 7643 §2.1), unique in any case, and
// `schemas` belongs to the derive.
#[derive(scim::Resource)]
#[scim(schema = "urn:example:Device")]
struct Device {
    #[scim(rename = "serial number")]
    serial: Option<String>,
    user_name: Option<String>,
    #[scim(rename = "USERNAME")]
    login: Option<String>,
    schemas: Vec<String>,
}

fn main() {}
