//! A JSON tree that loses nothing: numbers keep the text they were written with, and
//! object members keep their order (and their duplicates, until a reader checks them).

use crate::schema::spanned;
use crate::Error;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// The deepest nesting of arrays and objects [`Json::parse`] reads, as serde_json allows.
pub const MAX_DEPTH: usize = 128;

/// A JSON value read without loss (RFC 8259): `12.500` stays `12.500`, a 30-digit integer
/// keeps its digits, and members stay in input order.
///
/// ```
/// use scim::generic::Json;
///
/// let json = Json::parse(r#"{"b": 12.500, "a": 123456789012345678901234567890}"#).unwrap();
/// assert_eq!(
///     serde_json::to_string(&json).unwrap(),
///     r#"{"b":12.500,"a":123456789012345678901234567890}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members in input order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Reads JSON text, at most [`MAX_DEPTH`] arrays and objects deep. Malformed text is
    /// an `invalidSyntax` error naming the line and column.
    pub fn parse(text: &str) -> Result<Json, Error> {
        let node = spanned::parse(text, MAX_DEPTH).map_err(|error| {
            Error::invalid_syntax(format!("not valid JSON at {}: {}", error.at, error.message))
        })?;
        Ok(Json::from_node(node))
    }

    /// The tree of a [`serde_json::Value`] (whose numbers may already have lost digits).
    pub fn from_value(value: Value) -> Json {
        match value {
            Value::Null => Json::Null,
            Value::Bool(value) => Json::Bool(value),
            Value::Number(number) => Json::Number(number.to_string()),
            Value::String(text) => Json::String(text),
            Value::Array(items) => Json::Array(items.into_iter().map(Json::from_value).collect()),
            Value::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(key, value)| (key, Json::from_value(value)))
                    .collect(),
            ),
        }
    }

    /// The value as a [`serde_json::Value`]. Fails for numbers that `Value` cannot hold
    /// (beyond `f64`, such as `1e400`); digits beyond `f64` precision are lost.
    pub fn to_value(&self) -> serde_json::Result<Value> {
        serde_json::to_value(self)
    }

    /// The JSON type with its article, for messages: `a string`.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// `null` or `[]`: unassigned (RFC 7643 §2.5).
    pub fn is_unassigned(&self) -> bool {
        match self {
            Json::Null => true,
            Json::Array(items) => items.is_empty(),
            _ => false,
        }
    }

    fn from_node(node: spanned::Node) -> Json {
        match node.value {
            spanned::Value::Null => Json::Null,
            spanned::Value::Bool(value) => Json::Bool(value),
            spanned::Value::Number(text) => Json::Number(text),
            spanned::Value::String(text) => Json::String(text),
            spanned::Value::Array(items) => {
                Json::Array(items.into_iter().map(Json::from_node).collect())
            }
            spanned::Value::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|member| (member.key, Json::from_node(member.value)))
                    .collect(),
            ),
        }
    }
}

impl Serialize for Json {
    /// Writes the JSON; numbers exactly as read (through serde_json's `RawValue`, so other
    /// serializers see a number only if they understand it).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(value) => serializer.serialize_bool(*value),
            Json::Number(text) => RawValue::from_string(text.clone())
                .map_err(serde::ser::Error::custom)?
                .serialize(serializer),
            Json::String(text) => serializer.serialize_str(text),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}
