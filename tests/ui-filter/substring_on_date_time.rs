// co, sw and ew look for text in text: a dateTime is compared with eq, ne, gt, ge, lt, le.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, r#"meta.created sw "2020""#);
}
