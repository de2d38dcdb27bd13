// Every mistake is reported in one compile, each on its own token, and the stub impls
// keep the rest of the crate from drowning in follow-on errors.
#[derive(scim::Complex)]
struct Email {
    #[scim(vale)]
    value: Option<String>,
    #[scim(rename = "type", rename = "kind")]
    kind: Option<String>,
    #[scim(extension)]
    primary: Option<bool>,
}

#[derive(scim::Resource)]
struct User {
    #[scim(rename = "$$bad")]
    user_name: Option<String>,
    emails: Vec<Email>,
    #[scim(unknown)]
    rest: scim::UnknownAttributes,
    #[scim(unknown)]
    more: scim::UnknownAttributes,
}

fn uses_the_types(user: User) -> String {
    serde_json::to_string(&user).unwrap_or_default()
}

fn main() {
    let _ = uses_the_types;
}
