// A filter that parses is checked whole: the error lists every mistake, each once, even
// when several paths inside one value filter share it.
use scim::models::User;

fn main() {
    let _ = scim::filter!(
        User,
        r#"nickNam eq "Babs" and emales[type eq "work" and value co "@example.com"] and active gt true"#
    );
}
