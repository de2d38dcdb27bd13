//! Attributes that no schema known to a typed model defines, kept so that nothing is
//! lost between input and output.

use serde_json::Value;

/// Attributes a typed model does not define, in input order: unknown attributes and
/// sub-attributes, and in resources the objects of extensions that no schema describes
/// (keyed by their URI). RFC 7644 §3.4.2.1 and the toolkit's lossless rule: what comes in
/// goes out.
///
/// Names compare case-insensitively (RFC 7643 §2.1). Unassigned values (`null`, `[]`)
/// are not kept (RFC 7643 §2.5).
///
/// ```
/// use scim::UnknownAttributes;
/// use serde_json::json;
///
/// let mut unknown = UnknownAttributes::new();
/// unknown.insert("nickName2", json!("Babs"));
/// assert_eq!(unknown.get("NICKNAME2"), Some(&json!("Babs")));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnknownAttributes {
    entries: Vec<(String, Value)>,
}

impl UnknownAttributes {
    /// No attributes.
    pub const fn new() -> Self {
        UnknownAttributes {
            entries: Vec::new(),
        }
    }

    /// How many attributes are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no attribute is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The attributes, in input order, with names as written.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.entries
            .iter()
            .map(|(name, value)| (name.as_str(), value))
    }

    /// The value of the attribute `name`, compared case-insensitively.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.position(name).map(|index| &self.entries[index].1)
    }

    /// Sets the attribute `name`, replacing one of the same name in any case, and
    /// returns the old value. An unassigned value (`null`, `[]`) removes it.
    pub fn insert(&mut self, name: impl Into<String>, value: Value) -> Option<Value> {
        let name = name.into();
        match self.position(&name) {
            Some(index) if is_unassigned(&value) => Some(self.entries.remove(index).1),
            Some(index) => Some(std::mem::replace(&mut self.entries[index], (name, value)).1),
            None if is_unassigned(&value) => None,
            None => {
                self.entries.push((name, value));
                None
            }
        }
    }

    /// Removes the attribute `name`, compared case-insensitively.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.position(name)
            .map(|index| self.entries.remove(index).1)
    }

    /// The keys that hold extension objects: URIs (`urn:` in any case) with object values.
    pub fn extension_uris(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|(name, value)| is_urn(name) && value.is_object())
            .map(|(name, _)| name.as_str())
    }

    /// Adds an attribute read from input; a name seen before in any case is an error.
    #[doc(hidden)]
    pub fn insert_parsed<E: serde::de::Error>(
        &mut self,
        name: &str,
        value: Value,
    ) -> Result<(), E> {
        if self.position(name).is_some() {
            return Err(crate::__private::duplicate_attribute(name));
        }
        if !is_unassigned(&value) {
            self.entries.push((name.to_owned(), value));
        }
        Ok(())
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|(known, _)| known.eq_ignore_ascii_case(name))
    }
}

fn is_unassigned(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

fn is_urn(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("urn:"))
}
