//! Property: the compile-time check of `scim::filter!` is at least as strict as
//! [`Filter::compile`] at run time, and stricter only where it means to be. For random
//! filters over the bundled User and a hand-written resource with secrets at every depth:
//!
//! - a filter the run-time compiler refuses (`invalidFilter`, RFC 7644 Table 9) is refused
//!   by the compile-time check too, unless the only fault is a number beyond the exact
//!   decimal limits, which [`Checked::compile`](scim::filter::Checked::compile) reports;
//! - a filter the compile-time check refuses and the run-time compiler accepts names an
//!   attribute no schema defines (an error in source code, no value at run time, RFC 7644
//!   §3.4.2.1) or gives an integer attribute a fraction (a mistake in source code, a
//!   number to compare at run time).
//!
//! The terms are built from the parsed filter as the `filter!` expansion builds them.

use proptest::prelude::*;
use proptest::sample::select;
use scim::__private::{check_filter, Literal, Path, Term, Test};
use scim::filter::{AttrPath, CompValue, Filter};
use scim::models::User;
use scim::{Complex, Resource, UnknownAttributes};

/// A resource with values never returned at the top level, as a whole complex value,
/// inside complex values, and in an extension.
#[derive(Clone, Debug, Default, scim::Resource)]
#[scim(schema = "urn:example:scim:schemas:Locker")]
struct Locker {
    #[scim(common, mutability = "readOnly", returned = "always", case_exact)]
    id: Option<String>,
    label: Option<String>,
    floor: Option<i64>,
    weight: Option<scim::value::Decimal>,
    badge: Option<scim::value::Binary>,
    #[scim(returned = "never")]
    pin: Option<String>,
    #[scim(returned = "never")]
    vault: Option<Vault>,
    slots: Vec<Slot>,
    #[scim(extension)]
    audit: Option<Audit>,
    #[scim(unknown)]
    unknown: UnknownAttributes,
}

#[derive(Clone, Debug, Default, Complex)]
struct Vault {
    value: Option<String>,
    code: Option<String>,
}

#[derive(Clone, Debug, Default, Complex)]
struct Slot {
    value: Option<String>,
    #[scim(mutability = "writeOnly")]
    secret: Option<String>,
    opened: Option<scim::value::DateTime>,
    primary: Option<bool>,
}

#[derive(Clone, Debug, Default, Complex)]
#[scim(schema = "urn:example:scim:schemas:LockerAudit")]
struct Audit {
    reviewer: Option<String>,
    #[scim(returned = "never")]
    token: Option<String>,
    #[scim(returned = "never")]
    keys: Vec<Vault>,
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn path(path: &AttrPath) -> Path {
    Path {
        uri: path.uri.as_deref().map(leak),
        attribute: leak(&path.attribute),
        sub_attribute: path.sub_attribute.as_deref().map(leak),
    }
}

/// The terms of `filter`, in the order written, as the `filter!` expansion lists them.
fn terms(filter: &Filter, parent: Option<Path>, out: &mut Vec<Term>) {
    match filter {
        Filter::Compare {
            path: at,
            op,
            value,
        } => {
            let literal = match value {
                CompValue::False => Literal::False,
                CompValue::Null => Literal::Null,
                CompValue::True => Literal::True,
                CompValue::Number(text) if text.contains(['.', 'e', 'E']) => {
                    Literal::Decimal(leak(text))
                }
                CompValue::Number(text) => Literal::Integer(leak(text)),
                CompValue::String(text) => Literal::String(leak(text)),
            };
            out.push(Term {
                parent,
                path: path(at),
                test: Test::Compare(*op, literal),
            });
        }
        Filter::Present(at) => out.push(Term {
            parent,
            path: path(at),
            test: Test::Present,
        }),
        Filter::And(filters) | Filter::Or(filters) => {
            for filter in filters {
                terms(filter, parent, out);
            }
        }
        Filter::Not(filter) => terms(filter, parent, out),
        Filter::ValuePath { path: at, filter } => {
            out.push(Term {
                parent,
                path: path(at),
                test: Test::ValueFilter,
            });
            terms(filter, Some(path(at)), out);
        }
    }
}

/// Checks the property for `text` against `R`, named `name` in the messages.
fn agrees<R: Resource>(name: &str, text: &str) -> Result<(), TestCaseError> {
    let Ok(filter) = Filter::parse(text) else {
        // Syntax is one parser for both; nothing to compare.
        return Ok(());
    };
    let mut list = Vec::new();
    terms(&filter, None, &mut list);
    let checked = check_filter::<R>(name, &list).message().map(str::to_owned);
    match (filter.compile(R::resource_schemas()), checked) {
        (Err(error), None) => {
            let detail = error.detail().unwrap_or_default();
            let content = detail.contains("cannot be compared");
            prop_assert!(
                content,
                "`{text}`: refused at run time ({detail}), accepted by filter!"
            );
            Ok(())
        }
        (Ok(compiled), Some(message)) => {
            let undefined = !compiled.undefined_attributes().is_empty();
            let fraction = message.contains("without fraction or exponent");
            prop_assert!(
                undefined || fraction,
                "`{text}`: refused by filter! ({message}), accepted at run time"
            );
            Ok(())
        }
        _ => Ok(()),
    }
}

const OPERATORS: &[&str] = &["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr"];

const VALUES: &[&str] = &[
    "true",
    "false",
    "null",
    "5",
    "2.5",
    "1e3",
    "1e1000000000000000000",
    "123456789012345678901234567890123456789",
    r#""x""#,
    r#""2011-05-13T04:42:34Z""#,
    r#""aGk=""#,
    r#""aGk""#,
    r#""a""#,
    r#""not base64!""#,
];

/// `path op value`, or `path pr`.
fn comparison(paths: &'static [&'static str]) -> impl Strategy<Value = String> {
    (select(paths), select(OPERATORS), select(VALUES)).prop_map(|(path, op, value)| {
        if op == "pr" {
            format!("{path} pr")
        } else {
            format!("{path} {op} {value}")
        }
    })
}

/// Comparisons and value filters joined by `and`, `or` and `not`.
fn filter(
    paths: &'static [&'static str],
    heads: &'static [&'static str],
    subs: &'static [&'static str],
) -> impl Strategy<Value = String> {
    let inner = comparison(subs)
        .prop_recursive(2, 4, 2, |inner| {
            (inner.clone(), select(&["and", "or"][..]), inner)
                .prop_map(|(a, logic, b)| format!("({a} {logic} {b})"))
        })
        .boxed();
    let leaf = prop_oneof![
        3 => comparison(paths),
        1 => (select(heads), inner).prop_map(|(head, inner)| format!("{head}[{inner}]")),
    ];
    leaf.prop_recursive(3, 8, 2, |filter| {
        prop_oneof![
            (filter.clone(), select(&["and", "or"][..]), filter.clone())
                .prop_map(|(a, logic, b)| format!("({a} {logic} {b})")),
            filter.prop_map(|f| format!("not ({f})")),
        ]
    })
}

const USER_PATHS: &[&str] = &[
    "userName",
    "password",
    "active",
    "emails",
    "emails.value",
    "emails.primary",
    "name",
    "name.givenName",
    "meta.lastModified",
    "x509Certificates",
    "x509Certificates.value",
    "schemas",
    "schemas.value",
    "nickNam",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
    "urn:ietf:params:scim:schemas:core:2.0:User:userName",
];
const USER_HEADS: &[&str] = &["emails", "name", "meta", "userName", "groups", "schemas"];
const USER_SUBS: &[&str] = &["value", "type", "primary", "givenName", "display", "nope"];

const LOCKER_PATHS: &[&str] = &[
    "label",
    "floor",
    "weight",
    "badge",
    "pin",
    "vault",
    "vault.code",
    "vault.value",
    "slots",
    "slots.secret",
    "slots.opened",
    "slots.opened.x",
    "slots.primary",
    "urn:example:scim:schemas:LockerAudit:reviewer",
    "urn:example:scim:schemas:LockerAudit:token",
    "urn:example:scim:schemas:LockerAudit:keys.code",
    "urn:example:scim:schemas:LockerAudit:keys",
];
const LOCKER_HEADS: &[&str] = &[
    "vault",
    "slots",
    "label",
    "urn:example:scim:schemas:LockerAudit:keys",
];
const LOCKER_SUBS: &[&str] = &["value", "code", "secret", "opened", "primary", "nope"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn filter_macro_is_as_strict_as_the_run_time_compiler_on_user(
        text in filter(USER_PATHS, USER_HEADS, USER_SUBS)
    ) {
        agrees::<User>("User", &text)?;
    }

    #[test]
    fn filter_macro_is_as_strict_as_the_run_time_compiler_with_secrets(
        text in filter(LOCKER_PATHS, LOCKER_HEADS, LOCKER_SUBS)
    ) {
        agrees::<Locker>("Locker", &text)?;
    }
}

/// Whether `text` is accepted by the run-time compiler and by the compile-time check,
/// against `Locker`.
fn verdicts(text: &str) -> (bool, bool) {
    let filter = Filter::parse(text).expect(text);
    let mut list = Vec::new();
    terms(&filter, None, &mut list);
    (
        filter.compile(Locker::resource_schemas()).is_ok(),
        check_filter::<Locker>("Locker", &list).message().is_none(),
    )
}

/// The cases the properties rest on, written out: the secrets both must refuse, and one
/// case of each difference the properties allow.
#[test]
fn the_shared_refusals_and_the_known_differences() {
    for text in [
        r#"pin sw "1""#,
        r#"vault[code gt "1"]"#,
        r#"vault.code ew "9""#,
        r#"slots[secret co "x"]"#,
        r#"urn:example:scim:schemas:LockerAudit:keys[code sw "a"]"#,
        r#"urn:example:scim:schemas:LockerAudit:token ew "z""#,
        "floor gt true",
    ] {
        assert_eq!(verdicts(text), (false, false), "{text}: refused by both");
    }
    for text in ["floor gt 2.5", r#"nope eq "x""#, r#"slots[nope eq "x"]"#] {
        assert_eq!(
            verdicts(text),
            (true, false),
            "{text}: refused in source only"
        );
    }
    for text in [
        r#"slots.opened gt "yesterday""#,
        r#"slots[opened lt "2020-01-01"]"#,
        r#"badge eq "not base64!""#,
        r#"badge ne "a""#,
    ] {
        assert_eq!(verdicts(text), (false, false), "{text}: refused by both");
    }
    assert_eq!(
        verdicts("weight gt 1e1000000000000000000"),
        (false, true),
        "refused when compiled only"
    );
    assert_eq!(
        verdicts(r#"vault[code eq "1234"] and slots.secret ne "x""#),
        (true, true)
    );
}
