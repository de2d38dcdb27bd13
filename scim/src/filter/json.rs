//! The JSON form of a filter tree, as `scim filter parse` prints it.

use super::ast::{CompValue, Filter};
use serde_json::{json, Value};

impl Filter {
    /// The tree as JSON, the form `scim filter parse` prints:
    /// `{"op":"eq","attr":PATH,"value":VALUE}` (any operator of RFC 7644 Table 3),
    /// `{"op":"pr","attr":PATH}`, `{"op":"and"|"or","filters":[...]}`,
    /// `{"op":"not","filter":F}` and `{"op":"valuePath","attr":PATH,"filter":F}`, where
    /// PATH is the attribute path as written, URI included.
    ///
    /// A number becomes a JSON number read from its text; one that a
    /// [`serde_json::Value`] cannot hold (beyond the range of `f64`, as `1e400`) stays its
    /// text, a JSON string. Numbers with a fraction or exponent come back as `f64`, so
    /// `1.50` is written `1.5`.
    ///
    /// ```
    /// use scim::filter::Filter;
    /// use serde_json::json;
    ///
    /// let filter = Filter::parse(r#"emails[type eq "work"] and not (age lt 18)"#)?;
    /// assert_eq!(
    ///     filter.to_json(),
    ///     json!({"op": "and", "filters": [
    ///         {"op": "valuePath", "attr": "emails",
    ///          "filter": {"op": "eq", "attr": "type", "value": "work"}},
    ///         {"op": "not", "filter": {"op": "lt", "attr": "age", "value": 18}}
    ///     ]})
    /// );
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn to_json(&self) -> Value {
        match self {
            Filter::Compare { path, op, value } => json!({
                "op": op.as_str(),
                "attr": path.to_string(),
                "value": value_json(value),
            }),
            Filter::Present(path) => json!({"op": "pr", "attr": path.to_string()}),
            Filter::And(filters) => json!({
                "op": "and",
                "filters": filters.iter().map(Filter::to_json).collect::<Vec<_>>(),
            }),
            Filter::Or(filters) => json!({
                "op": "or",
                "filters": filters.iter().map(Filter::to_json).collect::<Vec<_>>(),
            }),
            Filter::Not(filter) => json!({"op": "not", "filter": filter.to_json()}),
            Filter::ValuePath { path, filter } => json!({
                "op": "valuePath",
                "attr": path.to_string(),
                "filter": filter.to_json(),
            }),
        }
    }
}

fn value_json(value: &CompValue) -> Value {
    match value {
        CompValue::False => Value::Bool(false),
        CompValue::Null => Value::Null,
        CompValue::True => Value::Bool(true),
        CompValue::Number(text) => match serde_json::from_str::<Value>(text) {
            Ok(number @ Value::Number(_)) => number,
            _ => Value::String(text.clone()),
        },
        CompValue::String(text) => Value::String(text.clone()),
    }
}
