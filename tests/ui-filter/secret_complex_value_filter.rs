// The sub-attributes of a complex attribute that is never returned are never returned
// either (RFC 7643 §7): ordering or substring operators on them, by path or in a value
// filter, would reveal the value a character at a time.
use scim::{Complex, Resource};

#[derive(Clone, Debug, Default, Resource)]
#[scim(schema = "urn:example:scim:schemas:Locker")]
struct Locker {
    #[scim(common, mutability = "readOnly", returned = "always", case_exact)]
    id: Option<String>,
    #[scim(returned = "never")]
    vault: Option<Vault>,
}

#[derive(Clone, Debug, Default, Complex)]
struct Vault {
    code: Option<String>,
}

fn main() {
    let _equal = scim::filter!(Locker, r#"vault[code eq "1234"]"#);
    let _by_path = scim::filter!(Locker, r#"vault.code sw "1""#);
    let _in_value_filter = scim::filter!(Locker, r#"vault[code gt "1"]"#);
}
