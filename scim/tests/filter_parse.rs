//! The filter parser (RFC 7644 §3.4.2.2): every example of Figure 2, precedence, case,
//! every error with its position, the limits, and the canonical text round trip.

use proptest::prelude::*;
use scim::filter::{AttrPath, CompValue, CompareOp, Filter, MAX_DEPTH, MAX_LEN};
use scim::ScimType;

fn path(text: &str) -> AttrPath {
    let (attribute, sub_attribute) = match text.split_once('.') {
        Some((attribute, sub)) => (attribute, Some(sub.to_owned())),
        None => (text, None),
    };
    AttrPath {
        uri: None,
        attribute: attribute.to_owned(),
        sub_attribute,
    }
}

fn cmp(attr: &str, op: CompareOp, value: CompValue) -> Filter {
    Filter::Compare {
        path: path(attr),
        op,
        value,
    }
}

fn eq_str(attr: &str, text: &str) -> Filter {
    cmp(attr, CompareOp::Eq, CompValue::String(text.to_owned()))
}

fn co_str(attr: &str, text: &str) -> Filter {
    cmp(attr, CompareOp::Co, CompValue::String(text.to_owned()))
}

fn eq_num(attr: &str, number: &str) -> Filter {
    cmp(attr, CompareOp::Eq, CompValue::Number(number.to_owned()))
}

fn pr(attr: &str) -> Filter {
    Filter::Present(path(attr))
}

fn parse(text: &str) -> Filter {
    Filter::parse(text).unwrap_or_else(|error| panic!("{text:?} does not parse: {error}"))
}

/// The detail of the error `text` gives; the error must be a 400 invalidFilter.
fn error_detail(text: &str) -> String {
    let error = match Filter::parse(text) {
        Ok(filter) => panic!("{text:?} parses as {filter:?}"),
        Err(error) => error,
    };
    assert_eq!(error.status(), 400);
    assert_eq!(error.scim_type(), Some(&ScimType::InvalidFilter));
    error.detail().unwrap_or_default().to_owned()
}

const DATE: &str = "2011-05-13T04:42:34Z";

#[test]
fn every_rfc_7644_figure_2_example_parses_to_its_tree() {
    let lastmod = |op| cmp("meta.lastModified", op, CompValue::String(DATE.to_owned()));
    let examples: Vec<(&str, &str, Filter)> = vec![
        ("equal", r#"userName eq "bjensen""#, eq_str("userName", "bjensen")),
        (
            "sub-attribute contains",
            r#"name.familyName co "O'Malley""#,
            co_str("name.familyName", "O'Malley"),
        ),
        (
            "starts with",
            r#"userName sw "J""#,
            cmp("userName", CompareOp::Sw, CompValue::String("J".into())),
        ),
        (
            "URN-qualified path",
            r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#,
            Filter::Compare {
                path: AttrPath {
                    uri: Some("urn:ietf:params:scim:schemas:core:2.0:User".into()),
                    attribute: "userName".into(),
                    sub_attribute: None,
                },
                op: CompareOp::Sw,
                value: CompValue::String("J".into()),
            },
        ),
        ("present", "title pr", pr("title")),
        (
            "greater than",
            r#"meta.lastModified gt "2011-05-13T04:42:34Z""#,
            lastmod(CompareOp::Gt),
        ),
        (
            "greater or equal",
            r#"meta.lastModified ge "2011-05-13T04:42:34Z""#,
            lastmod(CompareOp::Ge),
        ),
        (
            "less than",
            r#"meta.lastModified lt "2011-05-13T04:42:34Z""#,
            lastmod(CompareOp::Lt),
        ),
        (
            "less or equal",
            r#"meta.lastModified le "2011-05-13T04:42:34Z""#,
            lastmod(CompareOp::Le),
        ),
        (
            "and",
            r#"title pr and userType eq "Employee""#,
            Filter::And(vec![pr("title"), eq_str("userType", "Employee")]),
        ),
        (
            "or",
            r#"title pr or userType eq "Intern""#,
            Filter::Or(vec![pr("title"), eq_str("userType", "Intern")]),
        ),
        (
            "schemas",
            r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
            eq_str(
                "schemas",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            ),
        ),
        (
            "grouping across a line break",
            "userType eq \"Employee\" and (emails co \"example.com\" or\n  emails.value co \"example.org\")",
            Filter::And(vec![
                eq_str("userType", "Employee"),
                Filter::Or(vec![
                    co_str("emails", "example.com"),
                    co_str("emails.value", "example.org"),
                ]),
            ]),
        ),
        (
            "not with a space before the parenthesis",
            "userType ne \"Employee\" and not (emails co \"example.com\" or\n  emails.value co \"example.org\")",
            Filter::And(vec![
                cmp("userType", CompareOp::Ne, CompValue::String("Employee".into())),
                Filter::Not(Box::new(Filter::Or(vec![
                    co_str("emails", "example.com"),
                    co_str("emails.value", "example.org"),
                ]))),
            ]),
        ),
        (
            "group of one expression",
            r#"userType eq "Employee" and (emails.type eq "work")"#,
            Filter::And(vec![
                eq_str("userType", "Employee"),
                eq_str("emails.type", "work"),
            ]),
        ),
        (
            "value path",
            "userType eq \"Employee\" and emails[type eq \"work\" and\n  value co \"@example.com\"]",
            Filter::And(vec![
                eq_str("userType", "Employee"),
                Filter::ValuePath {
                    path: path("emails"),
                    filter: Box::new(Filter::And(vec![
                        eq_str("type", "work"),
                        co_str("value", "@example.com"),
                    ])),
                },
            ]),
        ),
        (
            "value paths joined by or",
            "emails[type eq \"work\" and value co \"@example.com\"] or\n  ims[type eq \"xmpp\" and value co \"@foo.com\"]",
            Filter::Or(vec![
                Filter::ValuePath {
                    path: path("emails"),
                    filter: Box::new(Filter::And(vec![
                        eq_str("type", "work"),
                        co_str("value", "@example.com"),
                    ])),
                },
                Filter::ValuePath {
                    path: path("ims"),
                    filter: Box::new(Filter::And(vec![
                        eq_str("type", "xmpp"),
                        co_str("value", "@foo.com"),
                    ])),
                },
            ]),
        ),
    ];
    for (name, text, tree) in examples {
        assert_eq!(parse(text), tree, "example {name}: {text}");
        assert_eq!(parse(&tree.to_string()), tree, "example {name} displayed");
    }
}

#[test]
fn and_binds_tighter_than_or() {
    assert_eq!(
        parse("a eq 1 or b eq 2 and c eq 3"),
        Filter::Or(vec![
            eq_num("a", "1"),
            Filter::And(vec![eq_num("b", "2"), eq_num("c", "3")])
        ])
    );
}

#[test]
fn not_binds_tighter_than_and() {
    assert_eq!(
        parse("not (a pr) and b pr"),
        Filter::And(vec![Filter::Not(Box::new(pr("a"))), pr("b")])
    );
}

#[test]
fn parentheses_override_precedence() {
    assert_eq!(
        parse("(a pr or b pr) and c pr"),
        Filter::And(vec![Filter::Or(vec![pr("a"), pr("b")]), pr("c")])
    );
}

#[test]
fn chains_of_one_operator_are_flattened() {
    assert_eq!(
        parse("a pr and b pr and c pr or d pr or e pr"),
        Filter::Or(vec![
            Filter::And(vec![pr("a"), pr("b"), pr("c")]),
            pr("d"),
            pr("e")
        ])
    );
}

#[test]
fn a_parenthesised_chain_keeps_its_place() {
    let tree = parse("(a pr and b pr) and c pr");
    assert_eq!(
        tree,
        Filter::And(vec![Filter::And(vec![pr("a"), pr("b")]), pr("c")])
    );
    assert_eq!(tree.to_string(), "(a pr and b pr) and c pr");
}

#[test]
fn operators_and_logical_words_match_in_any_case() {
    assert_eq!(
        parse(r#"userName Eq "john" AND title PR oR NOT (x Gt 1)"#),
        parse(r#"userName eq "john" and title pr or not (x gt 1)"#)
    );
}

#[test]
fn every_compare_operator_parses_in_lower_and_upper_case() {
    for op in CompareOp::ALL {
        for word in [op.as_str().to_owned(), op.as_str().to_uppercase()] {
            assert_eq!(
                parse(&format!("a {word} 1")),
                cmp("a", op, CompValue::Number("1".into()))
            );
        }
    }
}

#[test]
fn attribute_paths_keep_their_case() {
    assert_eq!(parse("UserName pr"), pr("UserName"));
}

#[test]
fn a_urn_prefix_is_everything_before_the_last_colon() {
    let tree = parse(r#"urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "x""#);
    let Filter::Compare { path, .. } = &tree else {
        panic!("{tree:?}")
    };
    assert_eq!(
        path.uri.as_deref(),
        Some("urn:ietf:params:scim:schemas:core:2.0:User")
    );
    assert_eq!(path.attribute, "name");
    assert_eq!(path.sub_attribute.as_deref(), Some("familyName"));
    assert_eq!(
        path.to_string(),
        "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName"
    );
}

#[test]
fn literal_values_parse() {
    assert_eq!(parse("a eq true"), cmp("a", CompareOp::Eq, CompValue::True));
    assert_eq!(
        parse("a eq false"),
        cmp("a", CompareOp::Eq, CompValue::False)
    );
    assert_eq!(parse("a eq null"), cmp("a", CompareOp::Eq, CompValue::Null));
}

#[test]
fn numbers_keep_their_text() {
    for number in ["0", "-0", "12", "-1.50", "1e5", "2.5E-3", "1E+2"] {
        assert_eq!(
            parse(&format!("a gt {number}")),
            cmp("a", CompareOp::Gt, CompValue::Number(number.into()))
        );
    }
}

#[test]
fn numbers_outside_the_json_grammar_are_errors() {
    for number in ["01", "+1", "1.", ".5", "1e", "0x10", "1.5.2", "-"] {
        assert_eq!(
            error_detail(&format!("a gt {number}")),
            format!("at 6: expected a comparison value (false, null, true, a number or a string), found '{number}'"),
        );
    }
}

#[test]
fn string_escapes_are_resolved() {
    assert_eq!(
        parse(r#"a eq "q\" b\\ s\/ \b\f\n\r\t \u00e9 \uD83D\uDE00""#),
        eq_str("a", "q\" b\\ s/ \u{8}\u{c}\n\r\t é 😀")
    );
}

#[test]
fn strings_display_json_escaped() {
    let tree = eq_str("a", "q\" b\\ \n\u{1} é/");
    assert_eq!(tree.to_string(), r#"a eq "q\" b\\ \n\u0001 é/""#);
    assert_eq!(parse(&tree.to_string()), tree);
}

#[test]
fn a_value_path_takes_a_not_and_a_group() {
    assert_eq!(
        parse(r#"emails[not (type eq "work") and (value pr or display pr)]"#),
        Filter::ValuePath {
            path: path("emails"),
            filter: Box::new(Filter::And(vec![
                Filter::Not(Box::new(eq_str("type", "work"))),
                Filter::Or(vec![pr("value"), pr("display")]),
            ])),
        }
    );
}

#[test]
fn ref_is_an_attribute_name() {
    assert_eq!(
        parse(r#"members[$ref eq "x"]"#).to_string(),
        r#"members[$ref eq "x"]"#
    );
}

#[test]
fn white_space_around_the_filter_and_between_words_is_allowed() {
    assert_eq!(
        parse("  a  pr\tand\r\nb pr "),
        Filter::And(vec![pr("a"), pr("b")])
    );
}

#[test]
fn not_without_a_space_before_the_parenthesis_parses() {
    assert_eq!(parse("not(a pr)"), Filter::Not(Box::new(pr("a"))));
}

#[test]
fn an_attribute_may_be_named_like_a_logical_word() {
    assert_eq!(
        parse("not pr and and pr or or pr"),
        Filter::Or(vec![Filter::And(vec![pr("not"), pr("and")]), pr("or")])
    );
}

#[test]
fn the_json_form_flattens_chains_and_keeps_paths_as_written() {
    assert_eq!(
        parse(r#"urn:ietf:params:scim:schemas:core:2.0:User:name.givenName sw "B" and a pr and b ge 1.50"#).to_json(),
        serde_json::json!({"op": "and", "filters": [
            {"op": "sw", "attr": "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", "value": "B"},
            {"op": "pr", "attr": "a"},
            {"op": "ge", "attr": "b", "value": 1.5},
        ]})
    );
}

#[test]
fn a_number_beyond_f64_stays_text_in_the_json_form() {
    assert_eq!(
        parse("a eq 1e400").to_json(),
        serde_json::json!({"op": "eq", "attr": "a", "value": "1e400"})
    );
}

// Errors, each with its position.

#[test]
fn error_empty_filter() {
    assert_eq!(
        error_detail(""),
        "at 1: expected an attribute path, ( or not (, found the end"
    );
}

#[test]
fn error_missing_value() {
    assert_eq!(
        error_detail("userName eq "),
        "at 13: expected a comparison value (false, null, true, a number or a string), found the end"
    );
}

#[test]
fn error_unknown_operator() {
    assert_eq!(
        error_detail(r#"userName regex "x""#),
        "at 10: expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr), found 'regex'"
    );
}

#[test]
fn error_missing_operator() {
    assert_eq!(
        error_detail("userName"),
        "at 9: expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr) or [, found the end"
    );
}

#[test]
fn error_unquoted_string_value() {
    assert_eq!(
        error_detail("userName eq bjensen"),
        "at 13: expected a comparison value (false, null, true, a number or a string), found 'bjensen'"
    );
}

#[test]
fn error_literals_are_lowercase() {
    assert_eq!(
        error_detail("active eq True"),
        "at 11: expected a comparison value (false, null, true, a number or a string), found 'True'"
    );
}

#[test]
fn error_trailing_words() {
    assert_eq!(
        error_detail("a pr b pr"),
        "at 6: expected and, or or the end of the filter, found 'b'"
    );
}

#[test]
fn error_unclosed_parenthesis() {
    assert_eq!(
        error_detail("(a pr"),
        "at 6: expected and, or or ), found the end"
    );
}

#[test]
fn error_unopened_parenthesis() {
    assert_eq!(
        error_detail("a pr)"),
        "at 5: expected and, or or the end of the filter, found )"
    );
}

#[test]
fn error_unclosed_bracket() {
    assert_eq!(
        error_detail("emails[type pr"),
        "at 15: expected and, or or ], found the end"
    );
}

#[test]
fn error_not_without_parentheses() {
    assert_eq!(
        error_detail("not a pr"),
        "at 5: expected ( after not, or an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr), found 'a'"
    );
}

#[test]
fn error_value_path_followed_by_a_sub_attribute() {
    assert_eq!(
        error_detail(r#"emails[type eq "work"].value eq "x""#),
        "at 23: a value path followed by a sub-attribute is a PATCH path (RFC 7644 §3.5.2), not a filter; expected and, or, ) or the end"
    );
}

#[test]
fn error_value_path_nested_in_a_value_filter() {
    assert_eq!(
        error_detail("a[b pr and (c[d pr])]"),
        "at 14: a value filter cannot hold another value path (RFC 7644 §3.4.2.2, errata 4690)"
    );
}

#[test]
fn error_space_before_a_bracket() {
    assert_eq!(
        error_detail("emails [type pr]"),
        "at 8: expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr) or [, found ["
    );
}

#[test]
fn error_no_space_after_a_string() {
    assert_eq!(
        error_detail(r#"a eq "x"and b pr"#),
        "at 9: expected a space"
    );
}

#[test]
fn error_no_space_before_a_value() {
    assert_eq!(error_detail(r#"a eq"x""#), "at 5: expected a space");
}

#[test]
fn error_no_space_after_and() {
    assert_eq!(error_detail("a pr and(b pr)"), "at 9: expected a space");
}

#[test]
fn error_unterminated_string() {
    assert_eq!(
        error_detail(r#"a eq "abc"#),
        "at 10: expected the closing quote of the string"
    );
}

#[test]
fn error_unknown_escape() {
    assert_eq!(
        error_detail(r#"a eq "\x""#),
        r#"at 8: expected an escape: \" \\ \/ \b \f \n \r \t or \uXXXX"#
    );
}

#[test]
fn error_short_unicode_escape() {
    assert_eq!(
        error_detail(r#"a eq "\u12""#),
        r"at 11: expected four hexadecimal digits after \u"
    );
}

#[test]
fn error_lone_high_surrogate() {
    assert_eq!(
        error_detail(r#"a eq "\uD83D""#),
        r"at 7: a high surrogate escape must be followed by a \u low surrogate"
    );
}

#[test]
fn error_lone_low_surrogate() {
    assert_eq!(
        error_detail(r#"a eq "\uDE00""#),
        "at 7: a low surrogate escape without a high one"
    );
}

#[test]
fn error_raw_control_character_in_a_string() {
    assert_eq!(
        error_detail("a eq \"x\ty\""),
        r"at 8: a control character in a string must be escaped (\n, \t, \u001f ...)"
    );
}

#[test]
fn error_attribute_name_starting_with_a_digit() {
    assert_eq!(
        error_detail("1a pr"),
        "at 1: expected an attribute name (a letter, then letters, digits, - or _)"
    );
}

#[test]
fn error_two_sub_attributes() {
    assert_eq!(
        error_detail("a.b.c pr"),
        "at 4: an attribute path has one sub-attribute at most"
    );
}

#[test]
fn error_invalid_character_in_a_name() {
    assert_eq!(
        error_detail("na*me pr"),
        "at 3: '*' cannot be part of an attribute name: expected a letter, digit, - or _"
    );
}

#[test]
fn error_prefix_that_is_not_a_uri() {
    assert_eq!(
        error_detail("User:userName pr"),
        "at 1: expected a schema URI (as urn:ietf:params:scim:schemas:core:2.0:User) before the last ':'"
    );
}

#[test]
fn error_empty_name_after_the_uri() {
    assert_eq!(
        error_detail("urn:x:y: pr"),
        "at 9: expected an attribute name (a letter, then letters, digits, - or _)"
    );
}

// Limits.

#[test]
fn a_filter_of_max_len_characters_parses() {
    let text = format!("a eq \"{}\"", "é".repeat(MAX_LEN - 7));
    assert_eq!(text.chars().count(), MAX_LEN);
    assert!(Filter::parse(&text).is_ok());
}

#[test]
fn a_filter_longer_than_max_len_is_an_error() {
    let text = format!("a eq \"{}\"", "x".repeat(MAX_LEN - 6));
    assert_eq!(
        error_detail(&text),
        "at 4097: the filter is longer than 4096 characters"
    );
}

#[test]
fn nesting_max_depth_levels_parses() {
    let text = format!("{}a pr{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert_eq!(parse(&text), pr("a"));
}

#[test]
fn nesting_deeper_than_max_depth_is_an_error() {
    let text = format!(
        "{}a pr{}",
        "not (".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    assert_eq!(
        error_detail(&text),
        format!(
            "at {}: the filter nests deeper than 64 levels",
            5 * MAX_DEPTH + 5
        )
    );
}

#[test]
fn deep_nesting_within_max_len_never_overflows_the_stack() {
    assert!(Filter::parse(&"(".repeat(MAX_LEN)).is_err());
    assert!(Filter::parse(&"not(".repeat(MAX_LEN / 4)).is_err());
}

// Round trips.

fn attr_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("not".to_owned()),
        Just("and".to_owned()),
        Just("or".to_owned()),
        Just("pr".to_owned()),
        Just("$ref".to_owned()),
        "[a-zA-Z][a-zA-Z0-9_-]{0,6}",
    ]
}

fn attr_path() -> impl Strategy<Value = AttrPath> {
    (
        prop::option::of(prop_oneof![
            Just("urn:ietf:params:scim:schemas:core:2.0:User".to_owned()),
            Just("urn:example:x-1.2".to_owned()),
        ]),
        attr_name(),
        prop::option::of(attr_name()),
    )
        .prop_map(|(uri, attribute, sub_attribute)| AttrPath {
            uri,
            attribute,
            sub_attribute,
        })
}

fn comp_value() -> impl Strategy<Value = CompValue> {
    prop_oneof![
        Just(CompValue::False),
        Just(CompValue::Null),
        Just(CompValue::True),
        "-?(0|[1-9][0-9]{0,5})(\\.[0-9]{1,3})?([eE][+-]?[0-9]{1,2})?".prop_map(CompValue::Number),
        any::<String>().prop_map(CompValue::String),
    ]
}

fn expression() -> impl Strategy<Value = Filter> {
    prop_oneof![
        (
            attr_path(),
            prop::sample::select(CompareOp::ALL.to_vec()),
            comp_value()
        )
            .prop_map(|(path, op, value)| Filter::Compare { path, op, value }),
        attr_path().prop_map(Filter::Present),
    ]
}

/// Trees of `leaf`s joined by and, or, not; And and Or hold two or more filters.
fn logical(leaf: BoxedStrategy<Filter>) -> BoxedStrategy<Filter> {
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(Filter::And),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Filter::Or),
            inner.prop_map(|filter| Filter::Not(Box::new(filter))),
        ]
    })
    .boxed()
}

fn filter() -> BoxedStrategy<Filter> {
    let value_path =
        (attr_path(), logical(expression().boxed())).prop_map(|(path, filter)| Filter::ValuePath {
            path,
            filter: Box::new(filter),
        });
    logical(prop_oneof![3 => expression(), 1 => value_path].boxed())
}

proptest! {
    #[test]
    fn display_parses_back_to_the_same_tree(tree in filter()) {
        let text = tree.to_string();
        prop_assert_eq!(Filter::parse(&text), Ok(tree), "{}", text);
    }

    #[test]
    fn arbitrary_text_never_panics_the_parser(text in any::<String>()) {
        let _ = Filter::parse(&text);
    }

    #[test]
    fn filter_like_text_never_panics_and_what_parses_round_trips(
        text in "[a-z(). \\[\\]\"\\\\:$0-9e-]{0,40}"
    ) {
        if let Ok(tree) = Filter::parse(&text) {
            prop_assert_eq!(Filter::parse(&tree.to_string()), Ok(tree));
        }
    }
}
