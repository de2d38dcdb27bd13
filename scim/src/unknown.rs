//! Attributes that no schema known to a typed model defines, kept so that nothing is
//! lost between input and output.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// From this many attributes on, names are also kept in a hash index, so that reading a
/// document with very many unknown attributes stays linear.
const INDEX_FROM: usize = 32;

/// Attributes a typed model does not define, in input order: unknown attributes and
/// sub-attributes, and in resources the objects of extensions that no schema describes
/// (keyed by their URI). RFC 7644 §3.4.2.1 and the toolkit's lossless rule: what comes in
/// goes out.
///
/// Values are kept as the JSON text they were read from ([`RawValue`]), so numbers keep
/// every digit (`1.10`, `123456789012345678901234567890`) and nothing is reordered.
/// Names compare case-insensitively (RFC 7643 §2.1). Unassigned values (`null`, `[]`)
/// are not kept (RFC 7643 §2.5).
///
/// ```
/// use scim::UnknownAttributes;
/// use serde_json::json;
///
/// let mut unknown = UnknownAttributes::new();
/// unknown.insert("nickName2", &json!("Babs")).unwrap();
/// assert_eq!(unknown.get("NICKNAME2").map(|raw| raw.get()), Some(r#""Babs""#));
/// assert_eq!(unknown.get_as::<String>("nickname2").unwrap().unwrap(), "Babs");
/// ```
#[derive(Clone, Default)]
pub struct UnknownAttributes {
    /// Nothing until the first attribute, so that the many values that have none cost
    /// one pointer.
    inner: Option<Box<Entries>>,
}

#[derive(Clone, Default)]
struct Entries {
    list: Vec<(String, Box<RawValue>)>,
    /// ASCII-lowercased name → position, kept while there are at least `INDEX_FROM`
    /// entries and nothing was removed.
    index: Option<HashMap<String, usize>>,
}

impl UnknownAttributes {
    /// No attributes.
    pub const fn new() -> Self {
        UnknownAttributes { inner: None }
    }

    /// How many attributes are kept.
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    /// Whether no attribute is kept.
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// The attributes, in input order, with names as written and values as JSON text.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &RawValue)> {
        self.entries()
            .iter()
            .map(|(name, value)| (name.as_str(), &**value))
    }

    /// The JSON text of the attribute `name`, compared case-insensitively.
    pub fn get(&self, name: &str) -> Option<&RawValue> {
        self.position(name).map(|index| &*self.entries()[index].1)
    }

    /// The attribute `name` read as `T`: `None` when absent, an error when it does not
    /// fit `T`.
    pub fn get_as<T: DeserializeOwned>(&self, name: &str) -> Option<serde_json::Result<T>> {
        self.get(name).map(|raw| serde_json::from_str(raw.get()))
    }

    /// Sets the attribute `name` to `value`, replacing one of the same name in any case,
    /// and returns the old value. An unassigned value (`null`, `[]`) removes it.
    pub fn insert<T: Serialize + ?Sized>(
        &mut self,
        name: impl Into<String>,
        value: &T,
    ) -> serde_json::Result<Option<Box<RawValue>>> {
        Ok(self.insert_raw(name, serde_json::value::to_raw_value(value)?))
    }

    /// As [`insert`](Self::insert), with the value already as JSON text.
    pub fn insert_raw(
        &mut self,
        name: impl Into<String>,
        value: Box<RawValue>,
    ) -> Option<Box<RawValue>> {
        let name = name.into();
        match self.position(&name) {
            Some(index) if is_unassigned(&value) => Some(self.remove_at(index)),
            Some(index) => {
                let entries = self.inner.get_or_insert_with(Box::default);
                Some(std::mem::replace(&mut entries.list[index], (name, value)).1)
            }
            None if is_unassigned(&value) => None,
            None => {
                self.push(name, value);
                None
            }
        }
    }

    /// Removes the attribute `name`, compared case-insensitively.
    pub fn remove(&mut self, name: &str) -> Option<Box<RawValue>> {
        self.position(name).map(|index| self.remove_at(index))
    }

    /// The keys that hold extension objects: URIs (`urn:` in any case) with object values.
    pub fn extension_uris(&self) -> impl Iterator<Item = &str> {
        self.entries()
            .iter()
            .filter(|(name, value)| is_urn(name) && value.get().trim_start().starts_with('{'))
            .map(|(name, _)| name.as_str())
    }

    /// Adds an attribute read from input; a name seen before in any case is an error.
    #[doc(hidden)]
    pub fn insert_parsed<E: serde::de::Error>(
        &mut self,
        name: &str,
        value: Box<RawValue>,
    ) -> Result<(), E> {
        if self.position(name).is_some() {
            return Err(crate::__private::duplicate_attribute(name));
        }
        if !is_unassigned(&value) {
            self.push(name.to_owned(), value);
        }
        Ok(())
    }

    fn entries(&self) -> &[(String, Box<RawValue>)] {
        self.inner.as_deref().map_or(&[], |entries| &entries.list)
    }

    fn push(&mut self, name: String, value: Box<RawValue>) {
        let entries = self.inner.get_or_insert_with(Box::default);
        let position = entries.list.len();
        if let Some(index) = &mut entries.index {
            index.insert(name.to_ascii_lowercase(), position);
        }
        entries.list.push((name, value));
        if entries.index.is_none() && entries.list.len() >= INDEX_FROM {
            entries.index = Some(
                entries
                    .list
                    .iter()
                    .enumerate()
                    .map(|(position, (name, _))| (name.to_ascii_lowercase(), position))
                    .collect(),
            );
        }
    }

    fn remove_at(&mut self, index: usize) -> Box<RawValue> {
        let entries = self.inner.get_or_insert_with(Box::default);
        // Positions after `index` shift; the index is rebuilt when it is next needed.
        entries.index = None;
        let (_, value) = entries.list.remove(index);
        if entries.list.is_empty() {
            self.inner = None;
        }
        value
    }

    fn position(&self, name: &str) -> Option<usize> {
        let entries = self.inner.as_deref()?;
        match &entries.index {
            Some(index) => index.get(&name.to_ascii_lowercase()).copied(),
            None => entries
                .list
                .iter()
                .position(|(known, _)| known.eq_ignore_ascii_case(name)),
        }
    }
}

impl PartialEq for UnknownAttributes {
    /// The same names in the same order with equal JSON values (the same text, or text
    /// that reads as the same JSON).
    fn eq(&self, other: &Self) -> bool {
        self.entries().len() == other.entries().len()
            && self.entries().iter().zip(other.entries()).all(|(a, b)| {
                a.0 == b.0 && (a.1.get() == b.1.get() || same_json(a.1.get(), b.1.get()))
            })
    }
}

impl fmt::Debug for UnknownAttributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(
                self.entries()
                    .iter()
                    .map(|(name, value)| (name, value.get())),
            )
            .finish()
    }
}

fn same_json(a: &str, b: &str) -> bool {
    match (
        serde_json::from_str::<Value>(a),
        serde_json::from_str::<Value>(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `null` or an empty array, in any spacing (RFC 7643 §2.5).
fn is_unassigned(value: &RawValue) -> bool {
    let text = value.get().trim();
    text == "null"
        || text
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
            .is_some_and(|inside| inside.trim().is_empty())
}

fn is_urn(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("urn:"))
}
