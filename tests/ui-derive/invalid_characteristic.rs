// A characteristic's keyword must be one RFC 7643 §7 defines (in any case).
#[derive(scim::Complex)]
struct Name {
    #[scim(mutability = "readonlyish", returned = "NEVER", uniqueness = "galactic")]
    given_name: Option<String>,
}

fn main() {}
