// The type must be a SCIM resource.
fn main() {
    let _ = scim::filter!(String, "userName pr");
}
