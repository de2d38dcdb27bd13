//! Comparisons of one attribute value with a filter's comparison value (RFC 7644
//! §3.4.2.2, Table 3), typed once at compile time from the attribute's definition.

use super::ast::{CompValue, CompareOp};
use super::fold::CaseFolded;
use super::resolve::{a_kind, any_value, Attr};
use crate::access::{Value, Values};
use crate::schema::{Attribute, AttributeType};
use crate::value::{Binary, DateTime, Decimal};
use std::cmp::Ordering;

/// A test of one value, ready to run: the comparison value already converted to the
/// attribute's type (folded for case-insensitive strings, parsed for numbers, dateTimes
/// and binaries).
#[derive(Clone, Debug)]
pub(crate) enum Test {
    /// `pr` on a simple attribute: a value that is not an empty string.
    Present,
    /// `pr` on a complex attribute: a value with at least one sub-attribute present.
    NodePresent(Box<[Attr]>),
    /// A string compared case-insensitively.
    Folded(StringOp, CaseFolded),
    /// A string, reference or the text of a value compared as written.
    Exact(StringOp, Box<str>),
    /// `eq` (`true`) or `ne` (`false`) a boolean.
    Boolean { equal: bool, value: bool },
    /// An integer compared numerically.
    Integer(OrderOp, Number),
    /// A decimal compared numerically, exactly.
    Decimal(OrderOp, Decimal),
    /// A dateTime compared chronologically.
    DateTime(OrderOp, DateTime),
    /// `eq` (`true`) or `ne` (`false`) binary data, compared as bytes.
    Binary { equal: bool, value: Binary },
}

/// An operator on strings: every operator of RFC 7644 Table 3 but `pr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StringOp {
    Eq,
    Ne,
    Co,
    Sw,
    Ew,
    Order(OrderOp),
}

/// An operator that compares by order: `eq`, `ne`, `gt`, `ge`, `lt`, `le`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrderOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

impl OrderOp {
    /// Whether a value that is `ordering` relative to the comparison value satisfies the
    /// operator.
    #[inline(always)]
    fn holds(self, ordering: Ordering) -> bool {
        match self {
            OrderOp::Eq => ordering == Ordering::Equal,
            OrderOp::Ne => ordering != Ordering::Equal,
            OrderOp::Gt => ordering == Ordering::Greater,
            OrderOp::Ge => ordering != Ordering::Less,
            OrderOp::Lt => ordering == Ordering::Less,
            OrderOp::Le => ordering != Ordering::Greater,
        }
    }

    fn of(op: CompareOp) -> Option<OrderOp> {
        Some(match op {
            CompareOp::Eq => OrderOp::Eq,
            CompareOp::Ne => OrderOp::Ne,
            CompareOp::Gt => OrderOp::Gt,
            CompareOp::Ge => OrderOp::Ge,
            CompareOp::Lt => OrderOp::Lt,
            CompareOp::Le => OrderOp::Le,
            CompareOp::Co | CompareOp::Sw | CompareOp::Ew => return None,
        })
    }
}

impl StringOp {
    fn of(op: CompareOp) -> StringOp {
        match op {
            CompareOp::Co => StringOp::Co,
            CompareOp::Sw => StringOp::Sw,
            CompareOp::Ew => StringOp::Ew,
            CompareOp::Eq => StringOp::Eq,
            CompareOp::Ne => StringOp::Ne,
            CompareOp::Gt => StringOp::Order(OrderOp::Gt),
            CompareOp::Ge => StringOp::Order(OrderOp::Ge),
            CompareOp::Lt => StringOp::Order(OrderOp::Lt),
            CompareOp::Le => StringOp::Order(OrderOp::Le),
        }
    }
}

/// A number compared with integer values: as an `i64` when it is a whole number in range,
/// otherwise exactly as a decimal.
#[derive(Clone, Debug)]
pub(crate) struct Number {
    whole: Option<i64>,
    exact: Decimal,
}

impl Number {
    /// The order of `value` relative to this number.
    fn order_of(&self, value: i64) -> Ordering {
        match self.whole {
            Some(whole) => value.cmp(&whole),
            None => Decimal::from(value).cmp(&self.exact),
        }
    }
}

impl Test {
    /// `pr` on values of `attribute` (RFC 7644 Table 3: "a non-empty or non-null value, or
    /// ... a non-empty node for complex attributes").
    pub(crate) fn present(attribute: &Attribute) -> Test {
        if attribute.kind == AttributeType::Complex {
            Test::NodePresent(Attr::subs_of(attribute))
        } else {
            Test::Present
        }
    }

    /// `op value` on values of `attribute`, not complex; `value` is not `null`. The error
    /// says why the combination is not supported (RFC 7644 Table 9, `invalidFilter`).
    pub(crate) fn compare(
        attribute: &Attribute,
        op: CompareOp,
        value: &CompValue,
    ) -> Result<Test, String> {
        let kind = attribute.kind;
        let substring = matches!(op, CompareOp::Co | CompareOp::Sw | CompareOp::Ew);
        if substring && !matches!(kind, AttributeType::String | AttributeType::Reference) {
            return Err(format!(
                "`{op}` compares strings; it is not defined on {} (RFC 7644 §3.4.2.2, Table 3)",
                a_kind(kind)
            ));
        }
        let ordered = matches!(
            op,
            CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le
        );
        if ordered && matches!(kind, AttributeType::Boolean | AttributeType::Binary) {
            return Err(format!(
                "`{op}` is not defined on {}: RFC 7644 §3.4.2.2 (Table 3) makes gt, ge, lt \
                 and le on boolean and binary attributes invalidFilter",
                a_kind(kind)
            ));
        }
        let expected = match kind {
            AttributeType::Boolean => "true or false",
            AttributeType::Integer | AttributeType::Decimal => "a number",
            AttributeType::Complex => {
                return Err(
                    "a complex attribute is compared through its sub-attributes \
                            (RFC 7644 §3.4.2.2)"
                        .to_owned(),
                )
            }
            _ => "a string",
        };
        let mismatch = || {
            format!(
                "{} is compared with {expected}, not {} (RFC 7643 §2.3)",
                a_kind(kind),
                describe(value)
            )
        };
        let order = OrderOp::of(op);
        Ok(match (kind, value, order) {
            (AttributeType::String, CompValue::String(text), _) if attribute.case_exact => {
                Test::Exact(StringOp::of(op), text.as_str().into())
            }
            (AttributeType::String, CompValue::String(text), _) => {
                Test::Folded(StringOp::of(op), CaseFolded::new(text))
            }
            // RFC 7643 §2.3.7: "A reference is case exact."
            (AttributeType::Reference, CompValue::String(text), _) => {
                Test::Exact(StringOp::of(op), text.as_str().into())
            }
            (AttributeType::Boolean, CompValue::True | CompValue::False, _) => Test::Boolean {
                equal: op == CompareOp::Eq,
                value: *value == CompValue::True,
            },
            (AttributeType::Integer, CompValue::Number(text), Some(order)) => {
                let exact = number(text)?;
                Test::Integer(
                    order,
                    Number {
                        whole: exact.to_i64(),
                        exact,
                    },
                )
            }
            (AttributeType::Decimal, CompValue::Number(text), Some(order)) => {
                Test::Decimal(order, number(text)?)
            }
            (AttributeType::DateTime, CompValue::String(text), Some(order)) => {
                let value = text.parse::<DateTime>().map_err(|error| {
                    format!("\"{text}\" is not an xsd:dateTime (RFC 7643 §2.3.5): {error}")
                })?;
                Test::DateTime(order, value)
            }
            (AttributeType::Binary, CompValue::String(text), _) => {
                let value = text.parse::<Binary>().map_err(|error| {
                    format!("the comparison value is not base64 (RFC 7643 §2.3.6): {error}")
                })?;
                Test::Binary {
                    equal: op == CompareOp::Eq,
                    value,
                }
            }
            _ => return Err(mismatch()),
        })
    }

    /// Whether any of `values` (of `attribute`) passes the test: a multi-valued attribute
    /// matches when one of its values does (RFC 7644 §3.4.2.2).
    #[inline(always)]
    pub(crate) fn any(&self, values: Values<'_>, attribute: &Attribute) -> bool {
        match values {
            Values::One(value) => self.matches(value),
            Values::None => false,
            Values::Many(list) => (0..list.len()).any(|index| {
                list.get(index, attribute)
                    .is_some_and(|value| self.matches(value))
            }),
        }
    }

    /// Whether `value` passes the test.
    #[inline(always)]
    pub(crate) fn matches(&self, value: Value<'_>) -> bool {
        match (self, value) {
            (Test::Folded(op, folded), Value::String(text)) => folded_holds(*op, folded, text),
            (Test::Exact(op, expected), Value::String(text) | Value::Reference(text)) => {
                exact_holds(*op, expected, text)
            }
            (Test::Present, value) => is_present(value),
            (Test::Boolean { equal, value }, Value::Boolean(actual)) => {
                (actual == *value) == *equal
            }
            (Test::Integer(op, number), Value::Integer(actual)) => {
                op.holds(number.order_of(actual))
            }
            (Test::DateTime(op, expected), Value::DateTime(actual)) => actual
                .cmp_date_time(expected)
                .is_some_and(|order| op.holds(order)),
            (test, value) => test.matches_rarely(value),
        }
    }

    /// The tests that parse or descend: kept out of line, so that the common ones above
    /// stay small.
    #[cold]
    #[inline(never)]
    fn matches_rarely(&self, value: Value<'_>) -> bool {
        match (self, value) {
            (Test::NodePresent(subs), Value::Complex(complex)) => subs
                .iter()
                .any(|sub| any_value(sub.values(complex), &sub.attribute, is_present)),
            (Test::Decimal(op, expected), Value::Decimal(text)) => text
                .parse::<Decimal>()
                .is_ok_and(|actual| op.holds(actual.cmp(expected))),
            (Test::Binary { equal, value }, Value::Binary(text)) => text
                .parse::<Binary>()
                .is_ok_and(|actual| (actual == *value) == *equal),
            _ => false,
        }
    }
}

/// A comparison number as a decimal; the parser gave a JSON number, so only the limits
/// of [`Decimal`] can refuse it.
fn number(text: &str) -> Result<Decimal, String> {
    text.parse::<Decimal>()
        .map_err(|error| format!("the number {text} cannot be compared: {error}"))
}

fn describe(value: &CompValue) -> &'static str {
    match value {
        CompValue::False | CompValue::True => "a boolean",
        CompValue::Null => "null",
        CompValue::Number(_) => "a number",
        CompValue::String(_) => "a string",
    }
}

/// Whether a value counts for `pr`: anything but an empty string (RFC 7644 Table 3).
/// Complex values are tested by [`Test::NodePresent`]; one reached here is present.
#[inline(always)]
pub(crate) fn is_present(value: Value<'_>) -> bool {
    match value {
        Value::String(text) | Value::Binary(text) | Value::Reference(text) => !text.is_empty(),
        Value::Boolean(_)
        | Value::Integer(_)
        | Value::Decimal(_)
        | Value::DateTime(_)
        | Value::Complex(_) => true,
    }
}

#[inline(always)]
fn folded_holds(op: StringOp, folded: &CaseFolded, text: &str) -> bool {
    match op {
        StringOp::Eq => folded.equals(text),
        StringOp::Ne => !folded.equals(text),
        StringOp::Co => folded.within(text),
        StringOp::Sw => folded.prefix_of(text),
        StringOp::Ew => folded.suffix_of(text),
        StringOp::Order(order) => order.holds(folded.order_of(text)),
    }
}

#[inline(always)]
fn exact_holds(op: StringOp, expected: &str, text: &str) -> bool {
    match op {
        StringOp::Eq => text == expected,
        StringOp::Ne => text != expected,
        StringOp::Co => text.contains(expected),
        StringOp::Sw => text.starts_with(expected),
        StringOp::Ew => text.ends_with(expected),
        StringOp::Order(order) => order.holds(text.cmp(expected)),
    }
}
