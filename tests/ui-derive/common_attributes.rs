// `common` marks the attributes every resource has (RFC 7643 §3.1): only `id`,
// `externalId` and `meta`, and only on a resource.

#[derive(scim::Resource)]
#[scim(schema = "urn:example:scim:schemas:Thing")]
struct Thing {
    #[scim(common)]
    id: Option<String>,
    #[scim(common)]
    owner: Option<String>,
}

#[derive(scim::Complex)]
struct Part {
    #[scim(common)]
    id: Option<String>,
}

fn main() {}
