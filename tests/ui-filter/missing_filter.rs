// The macro takes a resource type and a filter string.
fn main() {
    let _ = scim::filter!(scim::models::User);
}
