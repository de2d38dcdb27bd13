// A key given twice is an error on the second.
#[derive(scim::Complex)]
struct Name {
    #[scim(rename = "givenName", rename = "firstName")]
    given_name: Option<String>,
}

fn main() {}
