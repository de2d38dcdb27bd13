// A filter that does not parse is an error on the string, with the position and what was
// expected, as Filter::parse reports it at run time.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"userName eq "bjensen" and"#);
}
