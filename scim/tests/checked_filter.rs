//! `scim::filter!`: the tree it builds at compile time, for generated and hand-written
//! resources. What it refuses to compile is in tests/ui-filter.

use scim::filter::{AttrPath, Checked, CompValue, CompareOp, Filter};
use scim::models::{Group, User};
use scim::{Complex, Resource};

/// Asserts that `scim::filter!(User, text)` builds the tree `Filter::parse(text)` reads,
/// and that what the compiler accepted the run-time compiler accepts too.
macro_rules! same_as_parse {
    ($($text:literal),+ $(,)?) => {
        $(
            let checked: Checked<User> = scim::filter!(User, $text);
            assert_eq!(checked.filter(), &Filter::parse($text).unwrap(), "{}", $text);
            if let Err(error) = checked.compile() {
                panic!("{}: {error}", $text);
            }
        )+
    };
}

#[test]
fn the_macro_builds_the_tree_that_filter_parse_reads() {
    same_as_parse!(
        r#"userName eq "bjensen""#,
        r#"name.familyName co "O'Malley""#,
        r#"userName sw "J""#,
        r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#,
        "title pr",
        r#"meta.lastModified gt "2011-05-13T04:42:34Z""#,
        r#"meta.lastModified ge "2011-05-13T04:42:34Z""#,
        r#"meta.lastModified lt "2011-05-13T04:42:34Z""#,
        r#"meta.lastModified le "2011-05-13T04:42:34Z""#,
        r#"title pr and userType eq "Employee""#,
        r#"title pr or userType eq "Intern""#,
        r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" or id pr"#,
        r#"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#,
        r#"userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")"#,
        r#"userType eq "Employee" and (emails.type eq "work")"#,
        r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"]"#,
        r#"emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]"#,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d""#,
        r#"USERNAME EQ "a \"quoted\" \\ name \u00e9" Or Active Eq true"#,
        "active eq false and active ne null",
        "name eq null or emails ne null",
        "(title pr and (userType pr or nickName pr)) and (locale pr)",
        r#"x509Certificates[value eq "TUlJ"] and photos[primary eq true]"#,
    );
}

#[test]
fn the_tree_holds_paths_values_and_operators_as_written() {
    let checked = scim::filter!(
        User,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:Manager.Value Sw "26" and not (emails[TYPE eq "work"])"#
    );
    assert_eq!(
        checked.into_filter(),
        Filter::And(vec![
            Filter::Compare {
                path: AttrPath {
                    uri: Some(
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User".to_owned()
                    ),
                    attribute: "Manager".to_owned(),
                    sub_attribute: Some("Value".to_owned()),
                },
                op: CompareOp::Sw,
                value: CompValue::String("26".to_owned()),
            },
            Filter::Not(Box::new(Filter::ValuePath {
                path: AttrPath::new("emails"),
                filter: Box::new(Filter::Compare {
                    path: AttrPath::new("TYPE"),
                    op: CompareOp::Eq,
                    value: CompValue::String("work".to_owned()),
                }),
            })),
        ])
    );
}

#[test]
fn numbers_keep_their_text() {
    #[derive(Complex)]
    struct Seat {
        floor: Option<i64>,
        width: Option<scim::value::Decimal>,
    }

    #[derive(Resource)]
    #[scim(schema = "urn:example:scim:schemas:Badge")]
    struct Badge {
        seat: Option<Seat>,
    }

    let checked = scim::filter!(Badge, "seat.floor ge -2 and seat.width lt 1.50e0");
    assert_eq!(
        checked.to_string(),
        "seat.floor ge -2 and seat.width lt 1.50e0"
    );
    assert_eq!(
        checked.filter(),
        &Filter::parse("seat.floor ge -2 and seat.width lt 1.50e0").unwrap()
    );
}

#[test]
fn display_is_the_canonical_filter() {
    let checked = scim::filter!(User, r#"userName EQ "bjensen"   OR (title pr)"#);
    assert_eq!(checked.to_string(), r#"userName eq "bjensen" or title pr"#);
}

#[test]
fn a_checked_filter_converts_into_its_filter() {
    let checked = scim::filter!(Group, r#"members[value eq "2819c223"]"#);
    let expected = checked.filter().clone();
    assert_eq!(checked.as_ref(), &expected);
    let filter: Filter = checked.into();
    assert_eq!(filter, expected);
}

#[test]
fn a_hand_written_resource_is_checked_against_its_fields_and_extensions() {
    #[derive(Complex)]
    #[scim(schema = "urn:example:scim:schemas:extension:Parking")]
    struct Parking {
        spot: Option<String>,
    }

    #[derive(Resource)]
    #[scim(schema = "urn:example:scim:schemas:Badge")]
    struct Badge {
        holder: String,
        #[scim(rename = "validUntil")]
        valid_until: Option<scim::value::DateTime>,
        #[scim(extension)]
        parking: Option<Parking>,
    }

    let checked = scim::filter!(
        Badge,
        r#"holder sw "b" and validUntil gt "2030-01-01T00:00:00Z" and urn:example:scim:schemas:extension:Parking:spot pr"#
    );
    assert!(matches!(checked.filter(), Filter::And(filters) if filters.len() == 3));
}

#[test]
fn the_common_attributes_belong_to_every_resource() {
    // No id, externalId or meta field: RFC 7643 §3.1 gives them to every resource all
    // the same, as the runtime shape does.
    #[derive(Resource)]
    #[scim(schema = "urn:example:scim:schemas:Badge")]
    struct Badge {
        holder: String,
    }

    let checked = scim::filter!(
        Badge,
        r#"id eq "1" or externalId pr or meta.lastModified gt "2020-01-01T00:00:00Z""#
    );
    assert!(matches!(checked.filter(), Filter::Or(filters) if filters.len() == 3));
}

#[test]
fn equal_filters_of_one_type_compare_equal() {
    let a = scim::filter!(User, "title pr");
    let b = a.clone();
    assert_eq!(a, b);
    assert_ne!(a, scim::filter!(User, "nickName pr"));
    assert_eq!(
        format!("{a:?}"),
        format!("Checked({:?})", Filter::Present(AttrPath::new("title")))
    );
}
