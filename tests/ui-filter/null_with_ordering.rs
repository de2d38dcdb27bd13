// Only eq and ne compare with null.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, "title co null");
}
