//! Filter behaviour that `filter_parse.rs` and `tests/tests/filter_eval.rs` leave
//! untested: grammar productions and error sites of the parser (RFC 7644 §3.4.2.2,
//! Figure 1, with errata 4670, 4690, 7319, 7322 and RFC 7159 §7 for strings), and the
//! errors and answers of filters compiled against a schema (RFC 7644 §3.4.2.2 Table 3,
//! Table 5, Table 9 `invalidFilter`; RFC 7643 §2.3, §7).
//!
//! Each error is checked as a client sees it: status 400, `scimType` `invalidFilter`,
//! and a detail that gives the position and what was expected (syntax), or the
//! attribute path and the problem (compilation).

use scim::filter::{AttrPath, CompValue, CompareOp, Filter, MAX_DEPTH, MAX_LEN};
use scim::generic::GenericResource;
use scim::models::User;
use scim::schema::{text, Attribute, AttributeType, ResourceSchemas, Returned, Schema};
use scim::{Error, Resource, ScimType};
use serde_json::json;
use std::borrow::Cow;

/// The detail of a 400 `invalidFilter` error; anything else fails the test.
fn invalid_filter_detail(error: Error, what: &str) -> String {
    assert_eq!(error.status(), 400, "{what}");
    assert_eq!(error.scim_type(), Some(&ScimType::InvalidFilter), "{what}");
    error.detail().unwrap_or_default().to_owned()
}

/// The detail of the error `Filter::parse(text)` gives.
fn syntax_error(text: &str) -> String {
    match Filter::parse(text) {
        Ok(tree) => panic!("{text:?} parses as {tree:?}"),
        Err(error) => invalid_filter_detail(error, text),
    }
}

fn parse(text: &str) -> Filter {
    Filter::parse(text).unwrap_or_else(|error| panic!("{text:?} does not parse: {error}"))
}

fn pr(name: &str) -> Filter {
    Filter::Present(AttrPath::new(name))
}

// ---------------------------------------------------------------------------------------
// Syntax: RFC 7644 §3.4.2.2, Figure 1.
// ---------------------------------------------------------------------------------------

/// `logExp = FILTER SP ("and" / "or") SP FILTER`: a word right after a closing
/// parenthesis or bracket is not separated by the `SP` the grammar asks for.
#[test]
fn error_no_space_after_a_closing_parenthesis() {
    assert_eq!(syntax_error("(a pr)and b pr"), "at 7: expected a space");
    assert_eq!(syntax_error("not (a pr)or b pr"), "at 11: expected a space");
}

#[test]
fn error_no_space_after_a_value_path() {
    assert_eq!(
        syntax_error("emails[type pr]and b pr"),
        "at 16: expected a space"
    );
}

/// `compValue = ... string` (RFC 7159 §7): `escape` must be followed by one of its
/// characters; a filter that ends right after the backslash has none.
#[test]
fn error_backslash_at_the_end_of_the_filter() {
    assert_eq!(
        syntax_error(r#"a eq "\"#),
        r#"at 8: expected an escape: \" \\ \/ \b \f \n \r \t or \uXXXX"#
    );
}

/// RFC 7159 §7: a character outside the Basic Multilingual Plane is escaped as a
/// surrogate pair; a high surrogate followed by an escape that is not a low surrogate
/// is not a character. The position is that of the second escape.
#[test]
fn error_high_surrogate_followed_by_an_escape_that_is_not_a_low_surrogate() {
    for second in [r"\u0041", r"\uD83D"] {
        assert_eq!(
            syntax_error(&format!(r#"a eq "\uD83D{second}""#)),
            r"at 13: expected a low surrogate escape (\uDC00 to \uDFFF)",
            "{second}"
        );
    }
    // The second escape must have its four hexadecimal digits too.
    assert_eq!(
        syntax_error(r#"a eq "\uD83D\uDE0""#),
        r"at 18: expected four hexadecimal digits after \u"
    );
}

/// `attrPath = [URI ":"] ATTRNAME *1subAttr`, URI per RFC 3986 Appendix A: `^` is no
/// URI character.
#[test]
fn error_character_that_cannot_be_part_of_a_schema_uri() {
    assert_eq!(
        syntax_error("urn:ex^ample:userName pr"),
        "at 7: '^' cannot be part of a schema URI"
    );
}

/// `ATTRNAME = ALPHA *(nameChar)`, with the leading `$` of `$ref` (errata 8924): the
/// `$` must still be followed by a letter, and the error points after it.
#[test]
fn error_dollar_not_followed_by_a_letter() {
    for text in ["$1ref pr", "$ pr", r#"members[$-ref eq "x"]"#] {
        let at = text.find('$').unwrap_or_default() + 2;
        assert_eq!(
            syntax_error(text),
            format!("at {at}: expected an attribute name (a letter, then letters, digits, - or _)"),
            "{text}"
        );
    }
}

/// `subAttr = "." ATTRNAME`: neither side of the dot may be empty.
#[test]
fn error_empty_attribute_or_sub_attribute_name() {
    assert_eq!(
        syntax_error("name. pr"),
        "at 6: expected an attribute name (a letter, then letters, digits, - or _)"
    );
    assert_eq!(
        syntax_error(".givenName pr"),
        "at 1: expected an attribute name (a letter, then letters, digits, - or _)"
    );
}

/// The detail says what was found where the grammar expected something else, for the
/// tokens the existing tests do not meet there: `(`, `]` and a string.
#[test]
fn errors_name_the_token_found() {
    assert_eq!(
        syntax_error("a pr (b pr)"),
        "at 6: expected and, or or the end of the filter, found ("
    );
    assert_eq!(
        syntax_error("a pr]"),
        "at 5: expected and, or or the end of the filter, found ]"
    );
    assert_eq!(
        syntax_error(r#""userName" eq "x""#),
        "at 1: expected an attribute path, ( or not (, found a string"
    );
}

/// Nesting limit ([`MAX_DEPTH`]) reached with plain groups `( )` rather than `not ( )`.
#[test]
fn grouping_deeper_than_max_depth_is_an_error() {
    let text = format!(
        "{}a pr{}",
        "(".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    assert_eq!(
        syntax_error(&text),
        format!(
            "at {}: the filter nests deeper than {MAX_DEPTH} levels",
            MAX_DEPTH + 1
        )
    );
}

/// A value filter `[ ]` is one nesting level, like a group.
#[test]
fn a_value_path_counts_as_one_nesting_level() {
    let within = format!(
        "{}emails[type pr]{}",
        "(".repeat(MAX_DEPTH - 1),
        ")".repeat(MAX_DEPTH - 1)
    );
    assert_eq!(
        parse(&within),
        Filter::ValuePath {
            path: AttrPath::new("emails"),
            filter: Box::new(pr("type")),
        }
    );
    let beyond = format!(
        "{}emails[type pr]{}",
        "(".repeat(MAX_DEPTH),
        ")".repeat(MAX_DEPTH)
    );
    // The `[` is the character after the parentheses and `emails`.
    assert_eq!(
        syntax_error(&beyond),
        format!(
            "at {}: the filter nests deeper than {MAX_DEPTH} levels",
            MAX_DEPTH + "emails".len() + 1
        )
    );
}

/// White space inside parentheses and brackets separates nothing and changes nothing.
#[test]
fn white_space_inside_groups_and_value_paths_is_allowed() {
    assert_eq!(
        parse("( a pr or\tb pr ) and not (  c pr  ) and emails[ type pr\n]"),
        parse("(a pr or b pr) and not (c pr) and emails[type pr]")
    );
}

/// `valuePath = attrPath "[" valFilter "]"` where the attrPath carries its schema URI.
#[test]
fn a_value_path_may_name_its_attribute_with_a_schema_uri() {
    assert_eq!(
        parse(r#"urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work"]"#),
        Filter::ValuePath {
            path: AttrPath {
                uri: Some("urn:ietf:params:scim:schemas:core:2.0:User".to_owned()),
                attribute: "emails".to_owned(),
                sub_attribute: None,
            },
            filter: Box::new(Filter::Compare {
                path: AttrPath::new("type"),
                op: CompareOp::Eq,
                value: CompValue::String("work".to_owned()),
            }),
        }
    );
}

/// `AttrPath::parse` reads the `attrPath` production on its own (as `sortBy` holds one,
/// RFC 7644 §3.4.2.3) with the same limit as a filter.
#[test]
fn an_attribute_path_on_its_own_has_the_length_limit_and_positions() {
    let longest = format!("a{}", "b".repeat(MAX_LEN - 1));
    assert_eq!(
        AttrPath::parse(&longest).map(|path| path.attribute),
        Ok(longest)
    );
    let too_long = "a".repeat(MAX_LEN + 1);
    assert_eq!(
        invalid_filter_detail(AttrPath::parse(&too_long).unwrap_err(), "too long"),
        format!(
            "at {}: the path is longer than {MAX_LEN} characters",
            MAX_LEN + 1
        )
    );
    assert_eq!(
        invalid_filter_detail(AttrPath::parse("name.given*Name").unwrap_err(), "star"),
        "at 11: '*' cannot be part of an attribute name: expected a letter, digit, - or _"
    );
    assert_eq!(
        invalid_filter_detail(AttrPath::parse("").unwrap_err(), "empty"),
        "at 1: expected an attribute name (a letter, then letters, digits, - or _)"
    );
}

// ---------------------------------------------------------------------------------------
// Compilation against a schema: RFC 7644 §3.4.2.2 (Tables 3 and 5), Table 9.
// ---------------------------------------------------------------------------------------

fn attribute(name: &'static str, kind: AttributeType) -> Attribute {
    Attribute::new(name, kind)
}

fn complex(name: &'static str, subs: Vec<Attribute>) -> Attribute {
    Attribute {
        sub_attributes: Cow::Owned(subs),
        ..Attribute::new(name, AttributeType::Complex)
    }
}

fn never_returned(attribute: Attribute) -> Attribute {
    Attribute {
        returned: Returned::Never,
        ..attribute
    }
}

/// A schema with one attribute of each type, and complex attributes that RFC 7643 does
/// not define but a hand-written schema can: a never-returned sub-attribute, a
/// never-returned complex attribute, and a `value` sub-attribute that is itself complex.
fn probe() -> Schema {
    Schema {
        id: text("urn:example:scim:schemas:Probe"),
        name: None,
        description: None,
        attributes: Cow::Owned(vec![
            attribute("label", AttributeType::String),
            attribute("flag", AttributeType::Boolean),
            attribute("size", AttributeType::Decimal),
            attribute("count", AttributeType::Integer),
            attribute("seen", AttributeType::DateTime),
            attribute("blob", AttributeType::Binary),
            attribute("link", AttributeType::Reference),
            complex(
                "box",
                vec![
                    attribute("value", AttributeType::String),
                    never_returned(attribute("secret", AttributeType::String)),
                ],
            ),
            never_returned(complex(
                "vault",
                vec![
                    attribute("value", AttributeType::String),
                    attribute("code", AttributeType::String),
                ],
            )),
            complex("hollow", vec![]),
            complex(
                "nest",
                vec![complex(
                    "value",
                    vec![attribute("inner", AttributeType::String)],
                )],
            ),
        ]),
    }
}

/// The detail of the error compiling `filter` against `schemas` gives.
fn compile_error(filter: &Filter, schemas: ResourceSchemas<'_>) -> String {
    match filter.compile(schemas) {
        Ok(_) => panic!("`{filter}` compiles"),
        Err(error) => invalid_filter_detail(error, &filter.to_string()),
    }
}

fn probe_error(text: &str) -> String {
    let schema = probe();
    compile_error(&parse(text), ResourceSchemas::new(&schema, &[]))
}

/// Whether the generic resource `json`, read with the probe schema, matches `text`.
fn probe_matches(text: &str, json: serde_json::Value) -> bool {
    let schema = probe();
    let schemas = ResourceSchemas::new(&schema, &[]);
    let resource = GenericResource::from_json(json, schemas)
        .unwrap_or_else(|error| panic!("the probe resource reads: {error}"));
    parse(text)
        .compile(schemas)
        .unwrap_or_else(|error| panic!("`{text}`: {error}"))
        .matches(&resource)
}

/// Table 3: `co`, `sw` and `ew` compare strings. The cells of the operator-by-type
/// table that `filter_eval.rs` does not try (it has `co` on boolean, dateTime and
/// binary, `sw` on integer, `ew` on decimal).
#[test]
fn substring_operators_on_every_type_that_is_not_a_string() {
    for (filter, kind) in [
        (r#"flag sw "t""#, "a boolean"),
        (r#"flag ew "e""#, "a boolean"),
        ("count co 1", "an integer"),
        ("count ew 1", "an integer"),
        ("size co 1", "a decimal"),
        ("size sw 1", "a decimal"),
        (r#"seen sw "2020""#, "a dateTime"),
        (r#"seen ew "Z""#, "a dateTime"),
        (r#"blob sw "aGk=""#, "a binary"),
        (r#"blob ew "aGk=""#, "a binary"),
    ] {
        let (path, rest) = filter.split_once(' ').unwrap_or_default();
        let op = rest.split(' ').next().unwrap_or_default();
        assert_eq!(
            probe_error(filter),
            format!(
                "{path}: `{op}` compares strings; it is not defined on {kind} attribute \
                 (RFC 7644 §3.4.2.2, Table 3)"
            ),
        );
    }
}

/// Table 3: "Boolean and Binary attributes SHALL cause a failed response (HTTP status
/// code 400) with "scimType" of "invalidFilter"" for gt, ge, lt and le; `lt` on a
/// binary is in `filter_eval.rs`, these are the others.
#[test]
fn ordering_operators_on_a_binary_are_invalid_filters() {
    for op in ["gt", "ge", "le"] {
        assert_eq!(
            probe_error(&format!(r#"blob {op} "aGk=""#)),
            format!(
                "blob: `{op}` is not defined on a binary attribute: RFC 7644 §3.4.2.2 \
                 (Table 3) makes gt, ge, lt and le on boolean and binary attributes \
                 invalidFilter"
            )
        );
    }
}

/// RFC 7643 §2.3: each type has one JSON representation, which the comparison value
/// must have; the detail names the type expected and the one found.
#[test]
fn a_comparison_value_of_another_json_type_names_both_types() {
    for (filter, detail) in [
        (
            "label eq true",
            "label: a string attribute is compared with a string, not a boolean",
        ),
        (
            "flag eq 1",
            "flag: a boolean attribute is compared with true or false, not a number",
        ),
        (
            r#"size gt "1.5""#,
            "size: a decimal attribute is compared with a number, not a string",
        ),
        (
            "seen gt 2020",
            "seen: a dateTime attribute is compared with a string, not a number",
        ),
        (
            "blob eq 12",
            "blob: a binary attribute is compared with a string, not a number",
        ),
        (
            "link eq false",
            "link: a reference attribute is compared with a string, not a boolean",
        ),
    ] {
        assert_eq!(
            probe_error(filter),
            format!("{detail} (RFC 7643 §2.3)"),
            "{filter}"
        );
    }
}

/// RFC 7159 §6 lets an implementation limit the numbers it accepts; a comparison value
/// beyond the limits of exact decimals is refused with the number, not misread.
#[test]
fn a_number_beyond_the_exact_decimal_limits_is_an_invalid_filter() {
    for path in ["count", "size"] {
        let detail = probe_error(&format!("{path} gt 1e1000000000000000000"));
        assert!(
            detail.starts_with(&format!(
                "{path}: the number 1e1000000000000000000 cannot be compared: "
            )),
            "{detail}"
        );
    }
}

/// Table 5: a value filter applies to a complex attribute. The detail says what the
/// attribute is instead, for `schemas` and for a sub-attribute.
#[test]
fn a_value_filter_on_schemas_or_on_a_sub_attribute_says_why_it_is_refused() {
    let schemas = User::resource_schemas();
    assert_eq!(
        compile_error(&parse(r#"schemas[value eq "x"]"#), schemas),
        "schemas: a value filter applies to a complex attribute (RFC 7644 §3.4.2.2, \
         Table 5), and `schemas` is a list of URIs"
    );
    assert_eq!(
        compile_error(&parse(r#"name.givenName[value eq "x"]"#), schemas),
        "name.givenName: a value filter applies to a complex attribute (RFC 7644 \
         §3.4.2.2, Table 5), and `name.givenName` is a sub-attribute"
    );
}

/// Errata 4690: a value filter does not hold another value filter. The parser refuses
/// the text; a tree built by hand (the enum is public) is refused when compiled, the
/// detail naming the inner path.
#[test]
fn a_hand_built_value_filter_inside_a_value_filter_is_an_invalid_filter() {
    let tree = Filter::ValuePath {
        path: AttrPath::new("emails"),
        filter: Box::new(Filter::ValuePath {
            path: AttrPath::new("type"),
            filter: Box::new(pr("value")),
        }),
    };
    assert_eq!(
        compile_error(&tree, User::resource_schemas()),
        "emails.type: a value filter cannot hold another value filter (RFC 7644 §3.4.2.2, \
         errata 4690)"
    );
}

/// "For complex attributes, a fully qualified sub-attribute MUST be specified": a
/// complex attribute compared through a `value` that is itself complex, whole or in a
/// value filter, has no simple value to compare.
#[test]
fn a_complex_value_sub_attribute_cannot_be_compared() {
    assert_eq!(
        probe_error(r#"nest eq "x""#),
        "nest: a complex attribute is compared through its sub-attributes (RFC 7644 §3.4.2.2)"
    );
    assert_eq!(
        probe_error(r#"nest[value eq "x"]"#),
        "nest.value: a complex attribute is compared through its sub-attributes \
         (RFC 7644 §3.4.2.2)"
    );
}

/// RFC 7643 §2.3.8: only complex attributes have sub-attributes. `schemas` is a list
/// of URIs, so `schemas.value` is refused as `label.value` is, not treated as an
/// attribute no schema defines.
#[test]
fn schemas_has_no_sub_attributes() {
    for filter in [r#"schemas.value eq "x""#, "schemas.display pr"] {
        let detail = compile_error(&parse(filter), User::resource_schemas());
        assert!(
            detail.starts_with(&format!(
                "{}: `schemas` is a list of schema URIs",
                &filter[..filter.find(' ').unwrap_or(0)]
            )),
            "{filter}: {detail}"
        );
    }
    assert!(probe_error(r#"label.value eq "x""#).contains("`label` is a string"));
}

/// A complex attribute compared as a whole goes through its `value` sub-attribute; a
/// complex attribute that defines no sub-attribute at all gets no made-up suggestion.
#[test]
fn a_complex_attribute_without_sub_attributes_is_not_given_a_suggestion() {
    assert_eq!(
        probe_error(r#"hollow eq "x""#),
        "hollow: `hollow` is complex and defines no sub-attributes: it has no value to \
         compare (RFC 7644 §3.4.2.2)"
    );
}

/// RFC 7643 §7 (`returned: never`) and §4.1.1 (password: "filter for equality"): a
/// never-returned sub-attribute compares with eq and ne only, by its path or inside a
/// value filter; `filter_eval.rs` has the top-level attributes.
#[test]
fn a_never_returned_sub_attribute_compares_for_equality_only() {
    for filter in [r#"box.secret sw "a""#, r#"box[secret sw "a"]"#] {
        assert_eq!(
            probe_error(filter),
            "box.secret: `secret` is never returned (RFC 7643 §7): it compares with eq and \
             ne only (RFC 7643 §4.1.1), not with `sw`",
            "{filter}"
        );
    }
    let json = json!({"box": {"value": "v", "secret": "s3cret"}});
    assert!(probe_matches(r#"box.secret eq "S3CRET""#, json.clone()));
    assert!(probe_matches(r#"box[secret ne "guess"]"#, json));
}

/// The sub-attributes of a never-returned complex attribute are never returned either:
/// `vault.code sw "a"` and `vault[code sw "a"]` are both refused, or the value could be
/// found a character at a time; equality still compares.
#[test]
fn a_never_returned_complex_attribute_compares_for_equality_only() {
    for filter in [
        r#"vault.code sw "a""#,
        r#"vault co "a""#,
        r#"vault[code sw "a"]"#,
        r#"vault[code eq "x" or code gt "a"]"#,
    ] {
        let detail = probe_error(filter);
        assert!(
            detail.contains("`vault` is never returned (RFC 7643 §7)"),
            "{filter}: {detail}"
        );
    }
    let json = json!({"vault": {"code": "abc"}});
    assert!(probe_matches(r#"vault[code eq "ABC"]"#, json.clone()));
    assert!(!probe_matches(r#"vault[code ne "abc"]"#, json));
}

// ---------------------------------------------------------------------------------------
// Evaluation: RFC 7644 §3.4.2.2, Table 3, `pr`.
// ---------------------------------------------------------------------------------------

/// `pr`: "If the attribute has a non-empty or non-null value ... there is a match", on
/// the types `filter_eval.rs` does not check it on: decimal, dateTime, binary and
/// reference, assigned, unassigned and empty.
#[test]
fn present_on_decimal_date_time_binary_and_reference_attributes() {
    let full = json!({
        "size": 0.0,
        "seen": "2020-06-01T12:00:00Z",
        "blob": "aGk=",
        "link": "https://example.com/v2/Users/1",
    });
    for path in ["size", "seen", "blob", "link"] {
        assert!(probe_matches(&format!("{path} pr"), full.clone()), "{path}");
        assert!(!probe_matches(&format!("{path} pr"), json!({})), "{path}");
        assert!(
            probe_matches(&format!("not ({path} pr)"), json!({})),
            "{path}"
        );
    }
    let empty = json!({"blob": "", "link": ""});
    assert!(!probe_matches("blob pr", empty.clone()));
    assert!(!probe_matches("link pr", empty));
}
