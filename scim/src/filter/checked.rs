//! Filters checked at compile time against a resource type: [`filter!`](crate::filter!)
//! and the [`Checked`] value it makes.
//!
//! The macro parses the filter text while the crate compiles, with the parser
//! [`Filter::parse`] uses (a syntax error is a compile error on the string), and emits
//! a constant whose evaluation runs [`check`] over the resource's constant attribute
//! tables ([`Attributes::ATTRIBUTES`], [`Resource::EXTENSION_DEFINITIONS`] and the common
//! attributes of RFC 7643 §3.1). A mistake makes that evaluation panic, which the compiler
//! reports as an error on the string with the message built here. The tree itself is
//! built by the emitted code, so nothing is parsed again at run time.

use super::ast::{CompareOp, Filter};
use super::compile::CompiledFilter;
use crate::describe::Attributes;
use crate::resource::Resource;
use crate::schema::{
    Attribute, AttributeType, List, Mutability, Returned, Text, Uniqueness, COMMON_ATTRIBUTES,
};
use crate::value::{is_base64, is_date_time};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A filter (RFC 7644 §3.4.2.2) that the compiler has checked against the resource
/// type `R`: made by [`scim::filter!`](crate::filter!), read with
/// [`filter`](Checked::filter), turned into a [`Filter`] with `into()`.
///
/// ```
/// use scim::filter::{Checked, Filter};
/// use scim::models::User;
///
/// let checked: Checked<User> = scim::filter!(User, r#"userName sw "b" and active eq true"#);
/// assert_eq!(checked.to_string(), r#"userName sw "b" and active eq true"#);
/// let filter: Filter = checked.into();
/// assert!(matches!(filter, Filter::And(_)));
/// ```
pub struct Checked<R> {
    filter: Filter,
    resource: PhantomData<fn() -> R>,
}

impl<R> Checked<R> {
    /// Wraps a filter that the caller has checked against `R`. Only the expansion of
    /// [`filter!`](crate::filter!) calls it, through `__private`.
    pub(crate) fn new_unchecked(filter: Filter) -> Self {
        Checked {
            filter,
            resource: PhantomData,
        }
    }

    /// The filter tree.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The filter tree, owned.
    pub fn into_filter(self) -> Filter {
        self.filter
    }
}

impl<R: Resource> Checked<R> {
    /// The filter compiled against `R`'s schemas, ready to evaluate typed `R` values and
    /// generic resources read with `R::resource_schemas()`
    /// ([`CompiledFilter::for_resource`]).
    ///
    /// # Errors
    ///
    /// What the compiler does not read: a number beyond the exact limits of
    /// [`Decimal`](crate::value::Decimal) is `invalidFilter` here. Names, operators,
    /// value types, dateTime and binary values were checked at compile time.
    ///
    /// ```
    /// use scim::models::User;
    ///
    /// let active = scim::filter!(User, r#"userName sw "B" and emails co "example.com""#).compile()?;
    /// let user: User = serde_json::from_str(
    ///     r#"{"userName": "bjensen", "emails": [{"value": "bjensen@example.com"}]}"#,
    /// )?;
    /// assert!(active.matches(&user));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compile(&self) -> Result<CompiledFilter, crate::Error> {
        CompiledFilter::for_resource::<R>(&self.filter)
    }
}

impl<R> From<Checked<R>> for Filter {
    fn from(checked: Checked<R>) -> Filter {
        checked.filter
    }
}

impl<R> AsRef<Filter> for Checked<R> {
    fn as_ref(&self) -> &Filter {
        &self.filter
    }
}

impl<R> Clone for Checked<R> {
    fn clone(&self) -> Self {
        Checked::new_unchecked(self.filter.clone())
    }
}

impl<R> PartialEq for Checked<R> {
    fn eq(&self, other: &Self) -> bool {
        self.filter == other.filter
    }
}

impl<R> Eq for Checked<R> {}

impl<R> fmt::Debug for Checked<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Checked").field(&self.filter).finish()
    }
}

/// The canonical filter text, as [`Filter`]'s `Display`.
impl<R> fmt::Display for Checked<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.filter, f)
    }
}

/// A filter written in Rust source and checked by the compiler against a resource type
/// (RFC 7644 §3.4.2.2): `scim::filter!(Type, "filter")` is a
/// [`Checked<Type>`](crate::filter::Checked).
///
/// The filter is parsed while the crate compiles, by the parser of
/// [`Filter::parse`](crate::filter::Filter::parse), and checked against the resource's attribute
/// metadata (the common attributes of RFC 7643 §3.1, the core schema and the typed
/// extensions). The crate does not compile when one of the following holds; a filter
/// that parses is checked whole, and the error lists every mistake in it, one a line:
///
/// - the filter's syntax is wrong: the error gives the position and what was expected,
///   as [`Filter::parse`](crate::filter::Filter::parse) does at run time;
/// - a schema URI is not one of the resource's schemas, an attribute is not in the schema
///   the path names (the core schema when it names none), or a sub-attribute is not in
///   its attribute; names compare case-insensitively (RFC 7643 §2.1), and the error
///   suggests the closest name, or the URN-qualified name of an extension attribute
///   written without its URN;
/// - a sub-attribute or a value filter `attr[...]` follows an attribute that is not
///   complex, or a path inside `[...]` is not a plain sub-attribute name of `attr`;
/// - an operator does not fit the attribute's type: `gt`, `ge`, `lt` and `le` on a
///   boolean or binary attribute (RFC 7644 §3.4.2.2 makes these `invalidFilter`), `co`,
///   `sw` and `ew` on anything but a string or reference, any comparison other than `eq`
///   or `ne` with `null`;
/// - the comparison value does not fit the type: a boolean takes `true` or `false`, an
///   integer a number without fraction or exponent (RFC 7643 §2.3.4; stricter than
///   [`Filter::compile`](crate::filter::Filter::compile), which compares an integer
///   attribute with any number a client sends, while in source code a fraction for an
///   integer is a mistake), a decimal any number, and string, reference, binary and
///   dateTime attributes a string; a dateTime one that is an `xsd:dateTime` (RFC 7643
///   §2.3.5: `"2011-05-13T04:42:34Z"`, not the date alone), a binary one base64 (§2.3.6);
/// - a value that is never returned (`password`, any `returned: never` or `writeOnly`
///   attribute, and the sub-attributes of one) is compared with anything but `eq` or
///   `ne`, which would reveal it a character at a time (RFC 7643 §4.1.1, §7);
/// - a complex attribute is compared without a sub-attribute and has no `value`
///   sub-attribute to stand for it (`emails co "@example.com"` compares `emails.value`).
///
/// The type must be a concrete type implementing [`Resource`](crate::Resource), such as
/// the generated [`scim::models::User`](crate::models::User) or a hand-written struct
/// deriving [`Resource`](derive@crate::Resource); a generic parameter cannot be checked at
/// compile time. The filter is a string literal (raw strings help with the quotes).
/// Nothing is parsed at run time: the expansion builds the tree.
///
/// ```
/// use scim::filter::{AttrPath, CompValue, CompareOp, Filter};
/// use scim::models::User;
///
/// let work_mail = scim::filter!(
///     User,
///     r#"emails[type eq "work" and value co "@example.com"] and not (active eq false)"#
/// );
/// assert_eq!(
///     work_mail.filter(),
///     &Filter::parse(r#"emails[type eq "work" and value co "@example.com"] and not (active eq false)"#)?
/// );
///
/// // Extension attributes by their URN, names in any case.
/// let engineers = scim::filter!(
///     User,
///     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:DEPARTMENT eq \"Eng\""
/// );
/// assert!(matches!(engineers.filter(), Filter::Compare { op: CompareOp::Eq, .. }));
/// # Ok::<(), scim::Error>(())
/// ```
///
/// A hand-written resource works the same way:
///
/// ```
/// use scim::{Complex, Resource};
///
/// #[derive(Complex)]
/// struct Seat {
///     desk: Option<String>,
///     floor: Option<i64>,
/// }
///
/// #[derive(Resource)]
/// #[scim(schema = "urn:example:scim:schemas:Badge")]
/// struct Badge {
///     #[scim(common)]
///     id: Option<String>,
///     holder: String,
///     active: Option<bool>,
///     seat: Option<Seat>,
/// }
///
/// let upstairs = scim::filter!(Badge, "seat.floor ge 2 and active eq true");
/// assert_eq!(upstairs.to_string(), "seat.floor ge 2 and active eq true");
/// ```
///
/// Each of these fails to compile, with the message after it:
///
/// ```compile_fail
/// // invalid filter: User has no attribute 'usrName'; did you mean 'userName'?
/// let _ = scim::filter!(scim::models::User, r#"usrName eq "bjensen""#);
/// ```
///
/// ```compile_fail
/// // invalid filter: User has no attribute 'employeeNumber'; did you mean
/// // 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'?
/// let _ = scim::filter!(scim::models::User, r#"employeeNumber eq "701984""#);
/// ```
///
/// ```compile_fail
/// // invalid filter: 'active' of User is boolean: gt does not apply to boolean or binary
/// // attributes (RFC 7644 §3.4.2.2)
/// let _ = scim::filter!(scim::models::User, "active gt false");
/// ```
///
/// ```compile_fail
/// // invalid filter: 'active' of User is boolean: compare it with true or false, not with
/// // a string
/// let _ = scim::filter!(scim::models::User, r#"active eq "yes""#);
/// ```
///
/// ```compile_fail
/// // invalid filter: at 13: expected a comparison value (false, null, true, a number or
/// // a string), found the end
/// let _ = scim::filter!(scim::models::User, "userName eq ");
/// ```
#[macro_export]
macro_rules! filter {
    ($($input:tt)*) => {
        $crate::__private::checked_filter!($crate; $($input)*)
    };
}

// What follows is the support the expansion of `filter!` reaches through `__private`.

/// An attribute path as the filter writes it (RFC 7644 Figure 1 `attrPath`).
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Path {
    pub uri: Option<&'static str>,
    pub attribute: &'static str,
    pub sub_attribute: Option<&'static str>,
}

/// What a filter does with a path.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Test {
    /// `pr`.
    Present,
    /// `path[...]`.
    ValueFilter,
    /// `path op value`.
    Compare(CompareOp, Literal),
}

/// A comparison value (RFC 7644 Figure 1 `compValue`), numbers told apart by whether
/// they have a fraction or an exponent.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Literal {
    False,
    Null,
    True,
    /// A number without fraction or exponent, as written.
    Integer(&'static str),
    /// A number with a fraction or an exponent, as written.
    Decimal(&'static str),
    /// A string, its escapes decoded.
    String(&'static str),
}

/// One attribute expression of a filter: its path, the value path's attribute when it
/// is inside `[...]`, and its test.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Term {
    pub parent: Option<Path>,
    pub path: Path,
    pub test: Test,
}

/// An attribute a path resolves to, with the top-level attribute it belongs to: a
/// sub-attribute of a `returned: never` attribute is never returned either.
#[derive(Clone, Copy)]
struct Named {
    top: &'static Attribute,
    attribute: &'static Attribute,
}

/// The wrapper the expansion puts around the tree it builds.
#[doc(hidden)]
pub fn wrap<R>(filter: Filter) -> Checked<R> {
    Checked::new_unchecked(filter)
}

/// The value of the expansion after a syntax error, so that the code around it still
/// type-checks and only the error is reported. It is only ever compiled together with
/// that error, never run.
#[doc(hidden)]
pub fn after_error<R: Resource>() -> Checked<R> {
    Checked::new_unchecked(Filter::And(Vec::new()))
}

/// `schemas`, which every resource has beside the common attributes (RFC 7643 §3): the
/// URIs of the schemas it holds. RFC 7644 §3.4.2.2 filters on it:
/// `schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"`.
const SCHEMAS: &[Attribute] = &[Attribute {
    name: Cow::Borrowed("schemas"),
    kind: AttributeType::Reference,
    multi_valued: true,
    description: None,
    required: true,
    canonical_values: Cow::Borrowed(&[]),
    case_exact: true,
    mutability: Mutability::ReadWrite,
    returned: Returned::Always,
    uniqueness: Uniqueness::None,
    reference_types: Cow::Borrowed(&[Cow::Borrowed("uri")]),
    sub_attributes: Cow::Borrowed(&[]),
}];

const MESSAGE_CAPACITY: usize = 2048;

/// The outcome of [`check`]: empty, or the messages of the mistakes, one a line.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Outcome {
    bytes: [u8; MESSAGE_CAPACITY],
    len: usize,
    full: bool,
}

impl Outcome {
    const OK: Outcome = Outcome {
        bytes: [0; MESSAGE_CAPACITY],
        len: 0,
        full: false,
    };

    /// The message, if the check failed.
    pub const fn message(&self) -> Option<&str> {
        if self.len == 0 {
            return None;
        }
        let (text, _) = self.bytes.split_at(self.len);
        match std::str::from_utf8(text) {
            Ok(text) => Some(text),
            Err(_) => Some("invalid filter"),
        }
    }

    /// Appends `text`; when the message is full, cuts it at a character boundary and
    /// marks the cut with `...`.
    const fn push(mut self, text: &str) -> Outcome {
        let bytes = text.as_bytes();
        let room = MESSAGE_CAPACITY - 3;
        let mut i = 0;
        while i < bytes.len() && !self.full {
            if self.len == room {
                // Back off until the next byte starts a character.
                let mut next = bytes[i];
                while self.len > 0 && (next & 0xC0) == 0x80 {
                    self.len -= 1;
                    next = self.bytes[self.len];
                }
                self.bytes[self.len] = b'.';
                self.bytes[self.len + 1] = b'.';
                self.bytes[self.len + 2] = b'.';
                self.len += 3;
                self.full = true;
                return self;
            }
            self.bytes[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    /// Whether one of the lines of the message is `line`.
    const fn has_line(&self, line: &str) -> bool {
        let (line, text) = (line.as_bytes(), self.bytes.split_at(self.len).0);
        let mut start = 0;
        while start + line.len() <= text.len() {
            let ends = start + line.len() == text.len() || text[start + line.len()] == b'\n';
            if ends && same_bytes(text.split_at(start).1.split_at(line.len()).0, line) {
                return true;
            }
            // The next line.
            while start < text.len() && text[start] != b'\n' {
                start += 1;
            }
            start += 1;
        }
        false
    }

    /// Appends `'text'`.
    const fn quoted(self, text: &str) -> Outcome {
        self.push("'").push(text).push("'")
    }
}

/// Checks the attribute expressions of a filter against the resource `R`; the outcome
/// holds a message for every mistake, one a line, each once (the terms inside a value
/// filter whose attribute is unknown all repeat its message). `resource` names `R` in
/// the messages.
#[doc(hidden)]
pub const fn check<R: Resource>(resource: &str, terms: &[Term]) -> Outcome {
    let shape = Shape {
        resource,
        core_uri: R::SCHEMA,
        core: <R as Attributes>::ATTRIBUTES,
        extensions: R::EXTENSION_DEFINITIONS,
    };
    let mut all = Outcome::OK;
    let mut i = 0;
    while i < terms.len() {
        let outcome = shape.check_term(&terms[i]);
        if let Some(message) = outcome.message() {
            if !all.has_line(message) {
                if all.len > 0 {
                    all = all.push("\n");
                }
                all = all.push(message);
            }
        }
        i += 1;
    }
    all
}

/// The attribute tables of one resource type.
struct Shape<'a> {
    resource: &'a str,
    core_uri: &'a str,
    core: &'static [Attribute],
    extensions: &'static [crate::schema::Schema],
}

/// The attributes a path may name: the common attributes and the core schema's, or one
/// extension's, or one attribute's sub-attributes.
#[derive(Clone, Copy)]
enum Scope<'a> {
    Core,
    Extension(usize),
    Sub(&'a str, &'static Attribute),
}

// The checks run while the user's crate compiles, where the size of a `Result` costs
// nothing; the message travels in the error.
#[allow(clippy::result_large_err)]
impl Shape<'_> {
    const fn error(&self) -> Outcome {
        Outcome::OK.push("invalid filter: ")
    }

    /// The attributes of `scope`, in three tables: for the core, the common attributes,
    /// `schemas` and the core schema's attributes.
    const fn tables(&self, scope: Scope<'_>) -> [&'static [Attribute]; 3] {
        match scope {
            Scope::Core => [COMMON_ATTRIBUTES, SCHEMAS, self.core],
            Scope::Extension(index) => [&[], &[], list(&self.extensions[index].attributes)],
            Scope::Sub(_, attribute) => [&[], &[], list(&attribute.sub_attributes)],
        }
    }

    const fn find(&self, scope: Scope<'_>, name: &str) -> Option<&'static Attribute> {
        let tables = self.tables(scope);
        let mut i = 0;
        while i < tables.len() {
            if let Some(found) = find_in(tables[i], name) {
                return Some(found);
            }
            i += 1;
        }
        None
    }

    /// The name in `scope` to suggest for `name`: the closest by edit distance if it is
    /// close enough, else the one sharing the longest start with it, if that start is at
    /// least half of `name` (and three characters).
    const fn closest(&self, scope: Scope<'_>, name: &str) -> Option<&'static str> {
        let tables = self.tables(scope);
        let mut closest = (None, usize::MAX);
        let mut prefixed = (None, 0);
        let mut i = 0;
        while i < tables.len() {
            let (found, distance) = closest_in(tables[i], name);
            if distance < closest.1 {
                closest = (found, distance);
            }
            let (found, len) = prefixed_in(tables[i], name);
            if len > prefixed.1 {
                prefixed = (found, len);
            }
            i += 1;
        }
        if closest.1 <= max(name.len(), 3) / 3 {
            closest.0
        } else if prefixed.1 >= max(3, name.len().div_ceil(2)) {
            prefixed.0
        } else {
            None
        }
    }

    /// The scope of a path's schema URI: the core schema's or an extension's.
    const fn schema_scope(&self, uri: Option<&str>) -> Result<Scope<'static>, Outcome> {
        let Some(uri) = uri else {
            return Ok(Scope::Core);
        };
        if eq_ignore_case(uri, self.core_uri) {
            return Ok(Scope::Core);
        }
        let mut index = 0;
        let mut best: Option<&str> = None;
        let mut best_distance = distance(uri, self.core_uri);
        if best_distance <= uri.len() / 3 {
            best = Some(self.core_uri);
        }
        while index < self.extensions.len() {
            let id = text(&self.extensions[index].id);
            if eq_ignore_case(uri, id) {
                return Ok(Scope::Extension(index));
            }
            let d = distance(uri, id);
            if d < best_distance && d <= uri.len() / 3 {
                best = Some(id);
                best_distance = d;
            }
            index += 1;
        }
        let outcome = self.error().quoted(uri).push(" is not a schema of ");
        let outcome = outcome.push(self.resource);
        Err(match best {
            Some(best) => outcome.push("; did you mean ").quoted(best).push("?"),
            None => {
                let mut outcome = outcome.push(", whose schemas are ").push(self.core_uri);
                let mut index = 0;
                while index < self.extensions.len() {
                    outcome = outcome.push(" and ").push(text(&self.extensions[index].id));
                    index += 1;
                }
                outcome
            }
        })
    }

    /// An attribute that a path names and `scope` does not hold.
    const fn unknown(&self, scope: Scope<'_>, name: &str) -> Outcome {
        let outcome = self.error();
        let outcome = match scope {
            Scope::Core => outcome.push(self.resource),
            Scope::Extension(index) => outcome
                .push("the extension ")
                .push(text(&self.extensions[index].id))
                .push(" of ")
                .push(self.resource),
            Scope::Sub(written, _) => outcome.quoted(written).push(" of ").push(self.resource),
        };
        let has = match scope {
            Scope::Sub(..) => " has no sub-attribute ",
            _ => " has no attribute ",
        };
        let outcome = outcome.push(has).quoted(name);
        if !matches!(scope, Scope::Sub(..)) {
            // The very name in another schema of the resource: suggest it there.
            if !matches!(scope, Scope::Core) {
                if let Some(found) = self.find(Scope::Core, name) {
                    return outcome
                        .push("; did you mean ")
                        .quoted(text(&found.name))
                        .push(", of the core schema?");
                }
            }
            let mut index = 0;
            while index < self.extensions.len() {
                let other = !matches!(scope, Scope::Extension(i) if i == index);
                if other {
                    if let Some(found) = self.find(Scope::Extension(index), name) {
                        return outcome
                            .push("; did you mean '")
                            .push(text(&self.extensions[index].id))
                            .push(":")
                            .push(text(&found.name))
                            .push("'?");
                    }
                }
                index += 1;
            }
        }
        match self.closest(scope, name) {
            Some(best) => outcome.push("; did you mean ").quoted(best).push("?"),
            None => outcome,
        }
    }

    /// The attribute a path names, after the top-level attribute it belongs to (the
    /// same attribute when the path names no sub-attribute).
    const fn resolve(&self, path: &Path) -> Result<Named, Outcome> {
        let scope = match self.schema_scope(path.uri) {
            Ok(scope) => scope,
            Err(outcome) => return Err(outcome),
        };
        let Some(top) = self.find(scope, path.attribute) else {
            return Err(self.unknown(scope, path.attribute));
        };
        match path.sub_attribute {
            None => Ok(Named {
                top,
                attribute: top,
            }),
            Some(sub) => match self.sub(path.attribute, top, sub) {
                Ok(attribute) => Ok(Named { top, attribute }),
                Err(outcome) => Err(outcome),
            },
        }
    }

    /// The sub-attribute `sub` of `attribute` (written `written`).
    const fn sub(
        &self,
        written: &str,
        attribute: &'static Attribute,
        sub: &str,
    ) -> Result<&'static Attribute, Outcome> {
        if !matches!(attribute.kind, AttributeType::Complex) {
            return Err(self
                .error()
                .quoted(written)
                .push(" of ")
                .push(self.resource)
                .push(" is ")
                .push(attribute.kind.as_str())
                .push(" and has no sub-attributes, so no ")
                .quoted(sub));
        }
        let scope = Scope::Sub(written, attribute);
        match self.find(scope, sub) {
            Some(found) => Ok(found),
            None => Err(self.unknown(scope, sub)),
        }
    }

    const fn check_term(&self, term: &Term) -> Outcome {
        let named = match term.parent {
            None => self.resolve(&term.path),
            Some(parent) => match self.resolve(&parent) {
                Err(outcome) => Err(outcome),
                Ok(Named {
                    top,
                    attribute: parent_attribute,
                }) => {
                    // A value filter on an attribute that is not complex is reported
                    // once, by the term of the value filter itself.
                    if !matches!(parent_attribute.kind, AttributeType::Complex) {
                        return Outcome::OK;
                    }
                    if term.path.uri.is_some() || term.path.sub_attribute.is_some() {
                        return self
                            .error()
                            .push("inside ")
                            .push(parent.attribute)
                            .push("[...] a path names a sub-attribute of ")
                            .quoted(parent.attribute)
                            .push(", without schema URI or further sub-attribute");
                    }
                    match self.sub(parent.attribute, parent_attribute, term.path.attribute) {
                        Ok(attribute) => Ok(Named { top, attribute }),
                        Err(outcome) => Err(outcome),
                    }
                }
            },
        };
        let Named { top, attribute } = match named {
            Ok(named) => named,
            Err(outcome) => return outcome,
        };
        match term.test {
            Test::Present => Outcome::OK,
            Test::ValueFilter => {
                if matches!(attribute.kind, AttributeType::Complex) {
                    Outcome::OK
                } else {
                    self.about(term, "")
                        .push(" is ")
                        .push(attribute.kind.as_str())
                        .push(": a value filter [...] applies to complex attributes")
                }
            }
            Test::Compare(op, literal) => self.compare(term, top, attribute, op, literal),
        }
    }

    /// The start of a message about the attribute of `term`, `suffix` added to its path:
    /// `invalid filter: 'emails.type' of User`.
    const fn about(&self, term: &Term, suffix: &str) -> Outcome {
        let outcome = self.error().push("'");
        let outcome = match term.parent {
            Some(parent) => outcome.push(parent.attribute).push("."),
            None => match term.path.uri {
                Some(uri) => outcome.push(uri).push(":"),
                None => outcome,
            },
        };
        let outcome = outcome.push(term.path.attribute);
        let outcome = match term.path.sub_attribute {
            Some(sub) => outcome.push(".").push(sub),
            None => outcome,
        };
        outcome.push(suffix).push("' of ").push(self.resource)
    }

    /// Whether `op` and `literal` fit `attribute`, which belongs to the top-level
    /// attribute `top` (itself, when it is one).
    const fn compare(
        &self,
        term: &Term,
        top: &'static Attribute,
        attribute: &'static Attribute,
        op: CompareOp,
        literal: Literal,
    ) -> Outcome {
        // `eq null` and `ne null` ask whether there is a value, of any type (RFC 7643
        // §2.5), complex attributes included.
        if matches!(literal, Literal::Null) {
            if matches!(op, CompareOp::Eq | CompareOp::Ne) {
                return Outcome::OK;
            }
            return self
                .about(term, "")
                .push(": ")
                .push(op.as_str())
                .push(" cannot compare with null; only eq and ne can");
        }
        // A complex attribute compares through its `value` sub-attribute.
        let through_value = matches!(attribute.kind, AttributeType::Complex);
        let compared = if matches!(attribute.kind, AttributeType::Complex) {
            match find_in(list(&attribute.sub_attributes), "value") {
                Some(value) => value,
                None => {
                    let subs = list(&attribute.sub_attributes);
                    let outcome = self
                        .about(term, "")
                        .push(" is complex with no 'value' sub-attribute to compare");
                    return if subs.is_empty() {
                        outcome
                    } else {
                        outcome
                            .push("; compare one of its sub-attributes, as '")
                            .push(text(&attribute.name))
                            .push(".")
                            .push(text(&subs[0].name))
                            .push("'")
                    };
                }
            }
        } else {
            attribute
        };
        let kind = compared.kind;
        let subject = self.about(term, if through_value { ".value" } else { "" });
        let ordering = matches!(
            op,
            CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le
        );
        let substring = matches!(op, CompareOp::Co | CompareOp::Sw | CompareOp::Ew);
        let textual = matches!(kind, AttributeType::String | AttributeType::Reference);
        if (ordering || substring)
            && (top.is_never_returned()
                || attribute.is_never_returned()
                || compared.is_never_returned())
        {
            return subject
                .push(" is never returned (RFC 7643 §7): ")
                .push(op.as_str())
                .push(" would reveal it; it compares with eq and ne only (RFC 7643 §4.1.1)");
        }
        if ordering && matches!(kind, AttributeType::Boolean | AttributeType::Binary) {
            return subject
                .push(" is ")
                .push(kind.as_str())
                .push(": ")
                .push(op.as_str())
                .push(" does not apply to boolean or binary attributes (RFC 7644 §3.4.2.2)");
        }
        if substring && !textual {
            return subject
                .push(" is ")
                .push(kind.as_str())
                .push(": ")
                .push(op.as_str())
                .push(" applies to string and reference attributes only");
        }
        let fits = match literal {
            Literal::Null => true,
            Literal::False | Literal::True => matches!(kind, AttributeType::Boolean),
            Literal::Integer(_) => {
                matches!(kind, AttributeType::Integer | AttributeType::Decimal)
            }
            Literal::Decimal(_) => matches!(kind, AttributeType::Decimal),
            Literal::String(_) => !matches!(
                kind,
                AttributeType::Boolean | AttributeType::Integer | AttributeType::Decimal
            ),
        };
        if fits {
            return match (kind, literal) {
                (AttributeType::Binary, Literal::String(text)) if !is_base64(text) => subject
                    .push(" is binary: \"")
                    .push(text)
                    .push("\" is not base64 (RFC 7643 §2.3.6, RFC 4648 §4 or §5)"),
                (AttributeType::DateTime, Literal::String(text)) if !is_date_time(text) => {
                    subject
                        .push(" is dateTime: \"")
                        .push(text)
                        .push("\" is not an xsd:dateTime such as \"2011-05-13T04:42:34Z\" (RFC 7643 §2.3.5)")
                }
                _ => Outcome::OK,
            };
        }
        let outcome = subject
            .push(" is ")
            .push(kind.as_str())
            .push(": compare it with ")
            .push(match kind {
                AttributeType::Boolean => "true or false",
                AttributeType::Integer => "a number without fraction or exponent (RFC 7643 §2.3.4)",
                AttributeType::Decimal => "a number",
                _ => "a string",
            })
            .push(", not with ");
        match literal {
            Literal::False => outcome.push("false"),
            Literal::True => outcome.push("true"),
            Literal::Integer(number) | Literal::Decimal(number) => outcome.push(number),
            Literal::String(_) => outcome.push("a string"),
            Literal::Null => outcome.push("null"),
        }
    }
}

/// The text of a constant table's [`Text`]; tables hold borrowed text.
const fn text(text: &Text) -> &str {
    match text {
        Cow::Borrowed(text) => text,
        Cow::Owned(_) => "",
    }
}

/// The items of a constant table's [`List`]; tables hold borrowed lists.
const fn list<T: Clone>(list: &List<T>) -> &[T] {
    match list {
        Cow::Borrowed(items) => items,
        Cow::Owned(_) => &[],
    }
}

const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

const fn min(a: usize, b: usize) -> usize {
    if a < b {
        a
    } else {
        b
    }
}

/// Whether `a` and `b` are equal ignoring ASCII case (RFC 7643 §2.1).
const fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.len() == b.len() && same_start(a.as_bytes(), b.as_bytes(), a.len())
}

const fn find_in(attributes: &'static [Attribute], name: &str) -> Option<&'static Attribute> {
    let mut i = 0;
    while i < attributes.len() {
        if eq_ignore_case(text(&attributes[i].name), name) {
            return Some(&attributes[i]);
        }
        i += 1;
    }
    None
}

/// The name in `attributes` closest to `name` and its distance.
const fn closest_in(attributes: &'static [Attribute], name: &str) -> (Option<&'static str>, usize) {
    let mut best = None;
    let mut best_distance = usize::MAX;
    let mut i = 0;
    while i < attributes.len() {
        let candidate = text(&attributes[i].name);
        let d = distance(name, candidate);
        if d < best_distance {
            best = Some(candidate);
            best_distance = d;
        }
        i += 1;
    }
    (best, best_distance)
}

/// The name in `attributes` that shares the longest start with `name`, ignoring ASCII
/// case, and the length of that start.
const fn prefixed_in(
    attributes: &'static [Attribute],
    name: &str,
) -> (Option<&'static str>, usize) {
    let mut best = None;
    let mut best_len = 0;
    let mut i = 0;
    while i < attributes.len() {
        let candidate = text(&attributes[i].name);
        let (a, b) = (candidate.as_bytes(), name.as_bytes());
        let mut len = 0;
        while len < a.len() && len < b.len() && a[len].eq_ignore_ascii_case(&b[len]) {
            len += 1;
        }
        if len > best_len {
            best = Some(candidate);
            best_len = len;
        }
        i += 1;
    }
    (best, best_len)
}

/// Whether `a` and `b` hold the same bytes.
const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether the first `len` bytes of `a` and `b` are equal ignoring ASCII case.
const fn same_start(a: &[u8], b: &[u8], len: usize) -> bool {
    let mut i = 0;
    while i < len {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// The longest name the edit distance is computed for; longer ones are never suggested.
const LONGEST: usize = 64;

/// The Levenshtein distance between `a` and `b`, ignoring ASCII case; `usize::MAX` for
/// texts longer than [`LONGEST`] bytes.
const fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() >= LONGEST || b.len() >= LONGEST {
        return usize::MAX;
    }
    let mut previous = [0usize; LONGEST];
    let mut current = [0usize; LONGEST];
    let mut j = 0;
    while j <= b.len() {
        previous[j] = j;
        j += 1;
    }
    let mut i = 1;
    while i <= a.len() {
        current[0] = i;
        let mut j = 1;
        while j <= b.len() {
            let same = a[i - 1].eq_ignore_ascii_case(&b[j - 1]);
            let replace = previous[j - 1] + if same { 0 } else { 1 };
            current[j] = min(min(previous[j] + 1, current[j - 1] + 1), replace);
            j += 1;
        }
        previous = current;
        i += 1;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::User;

    const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    fn path(uri: Option<&'static str>, attribute: &'static str) -> Path {
        Path {
            uri,
            attribute,
            sub_attribute: None,
        }
    }

    fn term(path: Path, test: Test) -> Term {
        Term {
            parent: None,
            path,
            test,
        }
    }

    fn string_eq(path: Path) -> Term {
        term(path, Test::Compare(CompareOp::Eq, Literal::String("x")))
    }

    fn message(terms: &[Term]) -> Option<String> {
        check::<User>("User", terms).message().map(str::to_owned)
    }

    #[test]
    fn every_term_is_checked_not_only_the_first() {
        let terms = [
            string_eq(path(None, "userName")),
            string_eq(path(None, "nickNam")),
        ];
        assert_eq!(
            message(&terms).unwrap(),
            "invalid filter: User has no attribute 'nickNam'; did you mean 'nickName'?"
        );
    }

    #[test]
    fn every_mistake_is_reported_once_a_line() {
        let unknown_parent = Path {
            uri: None,
            attribute: "emales",
            sub_attribute: None,
        };
        let inner = |attribute| Term {
            parent: Some(unknown_parent),
            path: path(None, attribute),
            test: Test::Compare(CompareOp::Eq, Literal::String("x")),
        };
        let terms = [
            string_eq(path(None, "nickNam")),
            term(unknown_parent, Test::ValueFilter),
            inner("type"),
            inner("value"),
            term(
                path(None, "active"),
                Test::Compare(CompareOp::Gt, Literal::True),
            ),
            string_eq(path(None, "nickNam")),
        ];
        assert_eq!(
            message(&terms).unwrap(),
            "invalid filter: User has no attribute 'nickNam'; did you mean 'nickName'?\n\
             invalid filter: User has no attribute 'emales'; did you mean 'emails'?\n\
             invalid filter: 'active' of User is boolean: gt does not apply to boolean or \
             binary attributes (RFC 7644 §3.4.2.2)"
        );
    }

    #[test]
    fn a_core_attribute_under_an_extension_urn_is_suggested_without_it() {
        assert_eq!(
            message(&[string_eq(path(Some(ENTERPRISE), "userName"))]).unwrap(),
            format!(
                "invalid filter: the extension {ENTERPRISE} of User has no attribute \
                 'userName'; did you mean 'userName', of the core schema?"
            )
        );
    }

    #[test]
    fn a_name_far_from_every_attribute_gets_no_suggestion() {
        assert_eq!(
            message(&[term(path(None, "zzzzzz"), Test::Present)]).unwrap(),
            "invalid filter: User has no attribute 'zzzzzz'"
        );
    }

    #[test]
    fn a_urn_far_from_every_schema_lists_the_schemas() {
        assert_eq!(
            message(&[term(path(Some("urn:example:x"), "a"), Test::Present)]).unwrap(),
            format!(
                "invalid filter: 'urn:example:x' is not a schema of User, whose schemas are \
                 urn:ietf:params:scim:schemas:core:2.0:User and {ENTERPRISE}"
            )
        );
    }

    #[test]
    fn schemas_is_a_multi_valued_uri_of_every_resource() {
        assert_eq!(message(&[string_eq(path(None, "SCHEMAS"))]), None);
        assert!(message(&[term(
            path(None, "schemas"),
            Test::Compare(CompareOp::Eq, Literal::Integer("1"))
        )])
        .is_some());
    }

    #[test]
    fn a_complex_attribute_compares_through_its_value_sub_attribute() {
        let contains = Test::Compare(CompareOp::Co, Literal::String("x"));
        assert_eq!(message(&[term(path(None, "emails"), contains)]), None);
        assert_eq!(
            message(&[term(
                path(None, "emails"),
                Test::Compare(CompareOp::Eq, Literal::True)
            )])
            .unwrap(),
            "invalid filter: 'emails.value' of User is string: compare it with a string, not with true"
        );
    }

    #[test]
    fn inside_a_value_filter_a_path_is_a_plain_sub_attribute_name() {
        let inside = |path: Path| Term {
            parent: Some(Path {
                uri: None,
                attribute: "emails",
                sub_attribute: None,
            }),
            path,
            test: Test::Present,
        };
        assert_eq!(message(&[inside(path(None, "TYPE"))]), None);
        let expected = "invalid filter: inside emails[...] a path names a sub-attribute of \
                        'emails', without schema URI or further sub-attribute";
        assert_eq!(
            message(&[inside(path(Some(ENTERPRISE), "type"))]).unwrap(),
            expected
        );
        let nested = Path {
            uri: None,
            attribute: "type",
            sub_attribute: Some("value"),
        };
        assert_eq!(message(&[inside(nested)]).unwrap(), expected);
    }

    #[test]
    fn distance_counts_edits_ignoring_case() {
        assert_eq!(distance("usrName", "userName"), 1);
        assert_eq!(distance("USERNAME", "userName"), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn a_full_message_is_cut_at_a_character_boundary_and_marked() {
        let long = "é".repeat(MESSAGE_CAPACITY);
        let outcome = Outcome::OK.push("x").push(&long);
        let message = outcome.message().unwrap();
        assert!(message.ends_with("..."));
        assert!(message.len() <= MESSAGE_CAPACITY);
        assert!(message.starts_with("xé"));
    }
}
