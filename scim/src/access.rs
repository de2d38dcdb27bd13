//! Attribute access: how the runtime reads and unassigns the attributes of a resource,
//! whether it is a typed model or a generic JSON resource, without converting either to
//! the other.
//!
//! Filters (RFC 7644 §3.4.2.2), sorting (§3.4.2.3), projection (§3.4.2.5) and request
//! checks (RFC 7643 §7 `mutability`, `required`) are written once against these traits.
//! The derives implement them for typed models by field index; [`Json`](crate::generic::Json)
//! implements them by attribute name. Every call passes both the index of the attribute
//! in its schema and its definition, so each side uses what it has.
//!
//! Attribute indices follow the schemas: in a resource's core schema, index 0, 1 and 2
//! are the common attributes `id`, `externalId` and `meta` (RFC 7643 §3.1, in the order
//! of [`COMMON_ATTRIBUTES`](crate::schema::COMMON_ATTRIBUTES)) and index `3 + i` is the
//! schema's attribute `i`; in an extension or a complex value, index `i` is attribute or
//! sub-attribute `i`.

use crate::schema::Attribute;
use crate::value::{DateTime, Instant};
use std::borrow::Cow;
use std::fmt;

/// One value of an attribute, borrowed from the resource that holds it.
#[derive(Clone, Copy)]
pub enum Value<'a> {
    /// A `string`, including a canonical value in its canonical spelling.
    String(&'a str),
    /// A `boolean`.
    Boolean(bool),
    /// An `integer`.
    Integer(i64),
    /// A `decimal`, as written.
    Decimal(&'a str),
    /// A `dateTime`.
    DateTime(DateTimeRef<'a>),
    /// A `binary`, as its base64 text.
    Binary(&'a str),
    /// A `reference`, as written.
    Reference(&'a str),
    /// A `complex` value, whose sub-attributes are read through [`ComplexAccess`].
    Complex(&'a dyn ComplexAccess),
}

impl fmt::Debug for Value<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::String(text) => formatter.debug_tuple("String").field(text).finish(),
            Value::Boolean(value) => formatter.debug_tuple("Boolean").field(value).finish(),
            Value::Integer(value) => formatter.debug_tuple("Integer").field(value).finish(),
            Value::Decimal(text) => formatter.debug_tuple("Decimal").field(text).finish(),
            Value::DateTime(value) => formatter
                .debug_tuple("DateTime")
                .field(&value.as_str())
                .finish(),
            Value::Binary(text) => formatter.debug_tuple("Binary").field(text).finish(),
            Value::Reference(text) => formatter.debug_tuple("Reference").field(text).finish(),
            Value::Complex(_) => formatter.write_str("Complex(..)"),
        }
    }
}

/// A `dateTime` value: a typed [`DateTime`], already parsed, or the text of a generic
/// resource, parsed when compared.
#[derive(Clone, Copy, Debug)]
pub struct DateTimeRef<'a>(DateTimeRepr<'a>);

#[derive(Clone, Copy, Debug)]
enum DateTimeRepr<'a> {
    Parsed(&'a DateTime),
    Text(&'a str),
}

impl<'a> DateTimeRef<'a> {
    /// A typed value.
    pub fn parsed(value: &'a DateTime) -> Self {
        DateTimeRef(DateTimeRepr::Parsed(value))
    }

    /// The text of a value (RFC 7643 §2.3.5), checked when it is compared.
    pub fn text(text: &'a str) -> Self {
        DateTimeRef(DateTimeRepr::Text(text))
    }

    /// The value as written.
    pub fn as_str(&self) -> &'a str {
        match self.0 {
            DateTimeRepr::Parsed(value) => value.as_str(),
            DateTimeRepr::Text(text) => text,
        }
    }

    /// Nanoseconds since the Unix epoch, or `None` for text that is not a valid
    /// `xsd:dateTime`.
    pub fn unix_timestamp_nanos(&self) -> Option<i128> {
        self.instant().map(Instant::unix_nanos)
    }

    /// The instant the value denotes, read in place; `None` for text that is not a valid
    /// `xsd:dateTime`.
    #[inline]
    pub(crate) fn instant(&self) -> Option<Instant<'a>> {
        match self.0 {
            DateTimeRepr::Parsed(value) => Some(value.instant()),
            DateTimeRepr::Text(text) => Instant::of_text(text),
        }
    }

    /// The chronological order of this value relative to `other`, to every fraction
    /// digit; `None` for text that is not a valid `xsd:dateTime`.
    ///
    /// ```
    /// use scim::access::DateTimeRef;
    /// use scim::value::DateTime;
    /// use std::cmp::Ordering;
    ///
    /// let noon: DateTime = "2020-01-01T12:00:00Z".parse()?;
    /// let text = DateTimeRef::text("2020-01-01T13:00:00+02:00");
    /// assert_eq!(text.cmp_date_time(&noon), Some(Ordering::Less));
    /// assert_eq!(DateTimeRef::parsed(&noon).cmp_date_time(&noon), Some(Ordering::Equal));
    /// # Ok::<(), scim::value::DateTimeError>(())
    /// ```
    #[inline]
    pub fn cmp_date_time(&self, other: &DateTime) -> Option<std::cmp::Ordering> {
        match self.0 {
            DateTimeRepr::Parsed(value) => Some(value.cmp(other)),
            DateTimeRepr::Text(text) => {
                Instant::of_text(text).map(|instant| instant.cmp(&other.instant()))
            }
        }
    }

    /// The value as a [`DateTime`], which compares chronologically to every fraction
    /// digit: borrowed when typed, parsed from the text otherwise; `None` for text that is
    /// not a valid `xsd:dateTime`.
    ///
    /// ```
    /// use scim::access::DateTimeRef;
    /// use scim::value::DateTime;
    ///
    /// let typed: DateTime = "2011-05-13T04:42:34Z".parse()?;
    /// let text = DateTimeRef::text("2011-05-13T06:42:34+02:00");
    /// assert_eq!(text.to_date_time().as_deref(), Some(&typed));
    /// assert_eq!(DateTimeRef::parsed(&typed).to_date_time().as_deref(), Some(&typed));
    /// assert!(DateTimeRef::text("yesterday").to_date_time().is_none());
    /// # Ok::<(), scim::value::DateTimeError>(())
    /// ```
    pub fn to_date_time(&self) -> Option<Cow<'a, DateTime>> {
        match self.0 {
            DateTimeRepr::Parsed(value) => Some(Cow::Borrowed(value)),
            DateTimeRepr::Text(text) => text.parse().ok().map(Cow::Owned),
        }
    }
}

/// The values of one attribute.
#[derive(Clone, Copy)]
pub enum Values<'a> {
    /// Unassigned (RFC 7643 §2.5).
    None,
    /// A single-valued attribute's value.
    One(Value<'a>),
    /// A multi-valued attribute's values (possibly none).
    Many(&'a dyn ValueList),
}

impl<'a> Values<'a> {
    /// The number of values.
    pub fn len(&self) -> usize {
        match self {
            Values::None => 0,
            Values::One(_) => 1,
            Values::Many(list) => list.len(),
        }
    }

    /// Whether there is no value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Value `index` of the attribute `attribute`.
    pub fn get(&self, index: usize, attribute: &Attribute) -> Option<Value<'a>> {
        match self {
            Values::None => None,
            Values::One(value) => (index == 0).then_some(*value),
            Values::Many(list) => list.get(index, attribute),
        }
    }

    /// Every value, in order.
    pub fn iter<'s>(&'s self, attribute: &'s Attribute) -> impl Iterator<Item = Value<'a>> + 's {
        (0..self.len()).filter_map(move |index| self.get(index, attribute))
    }
}

impl fmt::Debug for Values<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Values::None => formatter.write_str("None"),
            Values::One(value) => formatter.debug_tuple("One").field(value).finish(),
            Values::Many(list) => write!(formatter, "Many({} values)", list.len()),
        }
    }
}

/// The values of a multi-valued attribute.
pub trait ValueList {
    /// The number of values.
    fn len(&self) -> usize;

    /// Whether there are no values.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Value `index`, read as a value of `attribute`; `None` past the end, or for a
    /// generic value that does not have the attribute's type.
    fn get(&self, index: usize, attribute: &Attribute) -> Option<Value<'_>>;

    /// Unassigns value `index`.
    fn remove(&mut self, index: usize);

    /// Value `index` as a complex value to change, when it is one.
    fn complex_mut(&mut self, index: usize) -> Option<&mut dyn ComplexAccess>;
}

/// A complex value or an extension object: attributes read and unassigned by index
/// (for typed models) or by name (for generic JSON).
pub trait ComplexAccess {
    /// The values of attribute `index`, defined by `attribute`.
    fn get(&self, index: usize, attribute: &Attribute) -> Values<'_>;

    /// Unassigns attribute `index`. An attribute that cannot be unassigned (a typed
    /// field that is neither `Option` nor `Vec`) keeps its value.
    fn clear(&mut self, index: usize, attribute: &Attribute);

    /// The values of attribute `index`, to change.
    fn get_mut(&mut self, index: usize, attribute: &Attribute) -> ValuesMut<'_>;
}

/// The values of one attribute, to change.
pub enum ValuesMut<'a> {
    /// Unassigned, or values that are not complex.
    None,
    /// A single complex value.
    One(&'a mut dyn ComplexAccess),
    /// A multi-valued attribute's values.
    Many(&'a mut dyn ValueList),
}

/// Where an attribute lives in a resource: its core schema or one of its extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot<'s> {
    /// The core schema, common attributes included.
    Core,
    /// Extension `index` of the resource's extensions, whose schema URI is `uri`.
    Extension {
        /// The position among the resource's extension schemas.
        index: usize,
        /// The extension schema URI.
        uri: &'s str,
    },
}

/// A whole resource: its core attributes and its extension objects.
pub trait ResourceAccess {
    /// The values of attribute `index` of `slot`, defined by `attribute`.
    fn get(&self, slot: Slot<'_>, index: usize, attribute: &Attribute) -> Values<'_>;

    /// Whether the resource holds the extension object of `slot`.
    fn has_extension(&self, slot: Slot<'_>) -> bool;

    /// Unassigns attribute `index` of `slot`.
    fn clear(&mut self, slot: Slot<'_>, index: usize, attribute: &Attribute);

    /// The values of attribute `index` of `slot`, to change.
    fn get_mut(&mut self, slot: Slot<'_>, index: usize, attribute: &Attribute) -> ValuesMut<'_>;
}
