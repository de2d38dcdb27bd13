// A complex attribute compared without a sub-attribute stands for its `value`
// sub-attribute; name has none.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"name eq "Barbara Jensen""#);
}
