// not, and, or and grouping, with operators in any case.
use scim::models::User;

fn main() {
    let _ = scim::filter!(
        User,
        r#"not (active eq false) AND (userType Eq "Employee" or title PR) or meta.lastModified GT "2011-05-13T04:42:34Z""#
    );
}
