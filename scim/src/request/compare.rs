//! Whether two values of one attribute are the same value: for `immutable` attributes
//! ("the input value(s) MUST match", RFC 7644 §3.5.1) and `readOnly` values sent back
//! unchanged.

use crate::access::{ComplexAccess, Value, Values};
use crate::schema::{Attribute, Mutability};
use crate::value::{Binary, Decimal};

/// Which sub-attributes of complex values take part.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Every sub-attribute.
    All,
    /// Every sub-attribute but the `readOnly` ones, which a request never keeps.
    Writable,
}

/// Whether `a` and `b` hold the same values of `attribute`. A multi-valued attribute's
/// values compare as a multiset: order carries no meaning (RFC 7643 §2.4).
pub(super) fn same_values(
    a: Values<'_>,
    b: Values<'_>,
    attribute: &Attribute,
    scope: Scope,
) -> bool {
    let count = a.len();
    if count != b.len() {
        return false;
    }
    let mut used = vec![false; count];
    for index in 0..count {
        let Some(value) = a.get(index, attribute) else {
            return false;
        };
        let found = (0..count).find(|&other| {
            !used.get(other).copied().unwrap_or(true)
                && b.get(other, attribute)
                    .is_some_and(|candidate| same_value(value, candidate, attribute, scope))
        });
        match found.and_then(|other| used.get_mut(other)) {
            Some(slot) => *slot = true,
            None => return false,
        }
    }
    true
}

/// Whether two values of `attribute` are equal: strings as `caseExact` says (RFC 7643
/// §2.2), decimals and dateTimes by value, binaries by their bytes, complex values by
/// their sub-attributes.
pub(super) fn same_value(a: Value<'_>, b: Value<'_>, attribute: &Attribute, scope: Scope) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) | (Value::Reference(a), Value::Reference(b)) => {
            if attribute.case_exact {
                a == b
            } else {
                a == b || a.to_lowercase() == b.to_lowercase()
            }
        }
        (Value::Boolean(a), Value::Boolean(b)) => a == b,
        (Value::Integer(a), Value::Integer(b)) => a == b,
        (Value::Decimal(a), Value::Decimal(b)) => {
            match (a.parse::<Decimal>(), b.parse::<Decimal>()) {
                (Ok(a), Ok(b)) => a == b,
                _ => a == b,
            }
        }
        (Value::DateTime(a), Value::DateTime(b)) => {
            match (a.unix_timestamp_nanos(), b.unix_timestamp_nanos()) {
                (Some(a), Some(b)) => a == b,
                _ => a.as_str() == b.as_str(),
            }
        }
        (Value::Binary(a), Value::Binary(b)) => match (a.parse::<Binary>(), b.parse::<Binary>()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        },
        (Value::Complex(a), Value::Complex(b)) => same_complex(a, b, attribute, scope),
        _ => false,
    }
}

fn same_complex(
    a: &dyn ComplexAccess,
    b: &dyn ComplexAccess,
    attribute: &Attribute,
    scope: Scope,
) -> bool {
    attribute
        .sub_attributes
        .iter()
        .enumerate()
        .filter(|(_, sub)| scope == Scope::All || sub.mutability != Mutability::ReadOnly)
        .all(|(index, sub)| same_values(a.get(index, sub), b.get(index, sub), sub, scope))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::DateTimeRef;
    use crate::schema::AttributeType;

    fn attribute(kind: AttributeType, case_exact: bool) -> Attribute {
        Attribute {
            case_exact,
            ..Attribute::new("x", kind)
        }
    }

    #[test]
    fn strings_compare_as_case_exact_says() {
        let loose = attribute(AttributeType::String, false);
        let exact = attribute(AttributeType::String, true);
        let (a, b) = (Value::String("Babs"), Value::String("BABS"));
        assert!(same_value(a, b, &loose, Scope::All));
        assert!(!same_value(a, b, &exact, Scope::All));
    }

    #[test]
    fn decimals_and_date_times_compare_by_value() {
        let decimal = attribute(AttributeType::Decimal, false);
        assert!(same_value(
            Value::Decimal("1.50"),
            Value::Decimal("1.5"),
            &decimal,
            Scope::All
        ));
        let date_time = attribute(AttributeType::DateTime, false);
        assert!(same_value(
            Value::DateTime(DateTimeRef::text("2011-05-13T04:42:34Z")),
            Value::DateTime(DateTimeRef::text("2011-05-13T06:42:34+02:00")),
            &date_time,
            Scope::All
        ));
    }

    #[test]
    fn values_of_different_types_differ() {
        let string = attribute(AttributeType::String, false);
        assert!(!same_value(
            Value::String("1"),
            Value::Integer(1),
            &string,
            Scope::All
        ));
    }
}
