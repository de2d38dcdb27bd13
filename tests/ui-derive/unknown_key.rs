// An unknown `#[scim]` key is an error on that key, naming the keys that exist.
#[derive(scim::Complex)]
struct Name {
    #[scim(renme = "givenName")]
    given_name: Option<String>,
}

fn main() {}
