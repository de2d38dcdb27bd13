// An extension field holds an `Option<T>`: absent extensions are `None`.
#[derive(scim::Complex)]
#[scim(schema = "urn:example:params:scim:schemas:extension:badge:2.0:User")]
struct Badge {
    number: Option<String>,
}

#[derive(scim::Resource)]
#[scim(schema = "urn:ietf:params:scim:schemas:core:2.0:User")]
struct User {
    #[scim(extension)]
    badge: Badge,
}

fn main() {}
