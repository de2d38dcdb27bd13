// A string attribute compares with a string, not with a number.
use scim::models::User;

fn main() {
    let _ = scim::filter!(User, "userName eq 42");
}
