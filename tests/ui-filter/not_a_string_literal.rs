// The filter is a string literal, which the compiler can read.
fn main() {
    let text = "userName pr";
    let _ = scim::filter!(scim::models::User, text);
}
