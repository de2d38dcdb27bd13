//! The filter tree (RFC 7644 §3.4.2.2) and its canonical text. Shared with `scim-derive`
//! as `syntax.rs` is: it depends on nothing but `std`.

use std::fmt::{self, Write};

/// A parsed SCIM filter (RFC 7644 §3.4.2.2, Figure 1).
///
/// [`Filter::parse`](crate::filter::Filter::parse) builds it; `Display` prints the
/// canonical filter, which parses back to the same tree.
///
/// Grouping parentheses leave no node of their own: `(a pr)` is `a pr`. A chain of one
/// logical operator is one node (`a pr and b pr and c pr` is one `And` of three), while a
/// parenthesised group keeps its place (`(a pr and b pr) and c pr` is an `And` holding an
/// `And`), so that the tree records the filter as written. Trees built by `parse` hold
/// `And` and `Or` nodes of at least two filters; `Display` of one with fewer prints text
/// that does not parse back to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// An attribute compared with a value: `userName eq "bjensen"`.
    Compare {
        /// The attribute compared.
        path: AttrPath,
        /// The attribute operator (RFC 7644 Table 3).
        op: CompareOp,
        /// The comparison value.
        value: CompValue,
    },
    /// `title pr`: the attribute has a value (RFC 7644 Table 3).
    Present(AttrPath),
    /// Logical `and` of two or more filters (RFC 7644 Table 4).
    And(Vec<Filter>),
    /// Logical `or` of two or more filters (RFC 7644 Table 4).
    Or(Vec<Filter>),
    /// `not (...)` (RFC 7644 Table 4).
    Not(Box<Filter>),
    /// A value path, `emails[type eq "work"]` (RFC 7644 Table 5): the filter applies to
    /// each value of the attribute, its paths relative to that value.
    ValuePath {
        /// The multi-valued or complex attribute.
        path: AttrPath,
        /// The value filter; its paths name sub-attributes of `path`.
        filter: Box<Filter>,
    },
}

/// An attribute operator (RFC 7644 Table 3) other than `pr`, which is
/// [`Filter::Present`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareOp {
    /// `eq`: equal.
    Eq,
    /// `ne`: not equal.
    Ne,
    /// `co`: contains.
    Co,
    /// `sw`: starts with.
    Sw,
    /// `ew`: ends with.
    Ew,
    /// `gt`: greater than.
    Gt,
    /// `ge`: greater than or equal to.
    Ge,
    /// `lt`: less than.
    Lt,
    /// `le`: less than or equal to.
    Le,
}

impl CompareOp {
    /// Every operator, in the order of RFC 7644 Table 3.
    pub const ALL: [CompareOp; 9] = [
        CompareOp::Eq,
        CompareOp::Ne,
        CompareOp::Co,
        CompareOp::Sw,
        CompareOp::Ew,
        CompareOp::Gt,
        CompareOp::Ge,
        CompareOp::Lt,
        CompareOp::Le,
    ];

    /// The operator as the RFC writes it, in lowercase: `"eq"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CompareOp::Eq => "eq",
            CompareOp::Ne => "ne",
            CompareOp::Co => "co",
            CompareOp::Sw => "sw",
            CompareOp::Ew => "ew",
            CompareOp::Gt => "gt",
            CompareOp::Ge => "ge",
            CompareOp::Lt => "lt",
            CompareOp::Le => "le",
        }
    }

    /// The operator named `word`, in any case (RFC 7644 §3.4.2.2).
    pub fn from_word(word: &str) -> Option<CompareOp> {
        CompareOp::ALL
            .into_iter()
            .find(|op| op.as_str().eq_ignore_ascii_case(word))
    }
}

impl fmt::Display for CompareOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A comparison value (RFC 7644 Figure 1 `compValue`): a JSON (RFC 7159) literal, number
/// or string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CompValue {
    /// `false`.
    False,
    /// `null`.
    Null,
    /// `true`.
    True,
    /// A number, kept as written: `1.50` stays `1.50`. The parser accepts only JSON
    /// numbers (RFC 7159 §6); a value built by hand should hold one too, or its `Display`
    /// does not parse back.
    Number(String),
    /// A string, its escapes resolved.
    String(String),
}

impl fmt::Display for CompValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompValue::False => f.write_str("false"),
            CompValue::Null => f.write_str("null"),
            CompValue::True => f.write_str("true"),
            CompValue::Number(text) => f.write_str(text),
            CompValue::String(text) => write_json_string(f, text),
        }
    }
}

/// Writes `text` as a JSON string (RFC 7159 §7): quotes, backslashes and control
/// characters escaped, everything else as it is.
fn write_json_string(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in text.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\u{8}' => f.write_str("\\b")?,
            '\u{c}' => f.write_str("\\f")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if u32::from(c) < 0x20 => write!(f, "\\u{:04x}", u32::from(c))?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// An attribute path (RFC 7644 Figure 1 `attrPath`, §3.10): an optional schema URI, an
/// attribute name and an optional sub-attribute name, each as written.
///
/// `Display` writes the path as written:
///
/// ```
/// use scim::filter::AttrPath;
///
/// let path = AttrPath {
///     uri: Some("urn:ietf:params:scim:schemas:core:2.0:User".to_owned()),
///     attribute: "name".to_owned(),
///     sub_attribute: Some("familyName".to_owned()),
/// };
/// assert_eq!(path.to_string(), "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AttrPath {
    /// The schema URI before the attribute name, without the `:` that separates them.
    pub uri: Option<String>,
    /// The attribute name.
    pub attribute: String,
    /// The sub-attribute name, after the `.`.
    pub sub_attribute: Option<String>,
}

impl AttrPath {
    /// A path of one attribute name, no URI, no sub-attribute.
    pub fn new(attribute: impl Into<String>) -> Self {
        AttrPath {
            uri: None,
            attribute: attribute.into(),
            sub_attribute: None,
        }
    }
}

impl fmt::Display for AttrPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(uri) = &self.uri {
            write!(f, "{uri}:")?;
        }
        f.write_str(&self.attribute)?;
        if let Some(sub) = &self.sub_attribute {
            write!(f, ".{sub}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Filter {
    /// The canonical filter: single spaces, operators in lowercase, strings JSON-escaped,
    /// and parentheses only where the tree needs them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Filter::Compare { path, op, value } => write!(f, "{path} {op} {value}"),
            Filter::Present(path) => write!(f, "{path} pr"),
            Filter::And(filters) => write_chain(f, filters, " and ", |child| {
                matches!(child, Filter::And(_) | Filter::Or(_))
            }),
            Filter::Or(filters) => {
                write_chain(f, filters, " or ", |child| matches!(child, Filter::Or(_)))
            }
            Filter::Not(filter) => write!(f, "not ({filter})"),
            Filter::ValuePath { path, filter } => write!(f, "{path}[{filter}]"),
        }
    }
}

/// Writes `filters` joined by `separator`, in parentheses those for which `grouped` holds.
fn write_chain(
    f: &mut fmt::Formatter<'_>,
    filters: &[Filter],
    separator: &str,
    grouped: impl Fn(&Filter) -> bool,
) -> fmt::Result {
    for (index, child) in filters.iter().enumerate() {
        if index > 0 {
            f.write_str(separator)?;
        }
        if grouped(child) {
            write!(f, "({child})")?;
        } else {
            write!(f, "{child}")?;
        }
    }
    Ok(())
}
