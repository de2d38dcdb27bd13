//! Errors of the schema loader: one [`Diagnostic`] per problem, each with a place.
//!
//! A diagnostic names the file, the line and column of the offending key or value,
//! the schema URN (RFC 7643 §7 `id`) and the attribute path, like a compiler
//! message, so that every problem of every input can be fixed from one report.

use std::fmt;

/// A position in a JSON document: 1-based line and column.
///
/// The column counts characters (Unicode scalar values), not bytes, so it matches
/// what an editor shows for a UTF-8 file. Lines are separated by `\n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The line, starting at 1.
    pub line: u32,
    /// The column in characters, starting at 1.
    pub column: u32,
}

impl Location {
    /// The position `line:column` (both 1-based).
    pub const fn new(line: u32, column: u32) -> Self {
        Location { line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Where a schema, an attribute or a resource type was read: the input and the
/// position in it. [`SchemaSet`](super::SchemaSet) keeps one for each part it holds,
/// so that problems found after loading (by a code generator, say) can point at the
/// source as [`Diagnostic`]s do.
///
/// Displays as `file:line:column`:
///
/// ```
/// use scim::schema::{Location, Origin};
///
/// let origin = Origin {
///     file: "User.json".into(),
///     location: Location::new(12, 17),
/// };
/// assert_eq!(origin.to_string(), "User.json:12:17");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The input: the path of the file, or the name given to
    /// [`Loader::add_str`](super::Loader::add_str).
    pub file: String,
    /// Where in the input: the value of the schema's `id` (RFC 7643 §7), of the
    /// attribute's `name` (RFC 7643 §2.2), or of the resource type's `name`
    /// (RFC 7643 §6).
    pub location: Location,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.location)
    }
}

/// One problem found while loading schema documents.
///
/// Displays as `file:line:column: schema: path: message`, leaving out the parts that
/// are absent:
///
/// ```
/// use scim::schema::{Diagnostic, Location};
///
/// let diagnostic = Diagnostic {
///     file: "User.json".into(),
///     location: Some(Location::new(12, 7)),
///     schema: Some("urn:ietf:params:scim:schemas:core:2.0:User".into()),
///     path: "emails.type".into(),
///     message: "unknown type \"strng\"".into(),
/// };
/// assert_eq!(
///     diagnostic.to_string(),
///     "User.json:12:7: urn:ietf:params:scim:schemas:core:2.0:User: emails.type: unknown type \"strng\"",
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// The input: the path of the file, or the name given to
    /// [`Loader::add_str`](super::Loader::add_str).
    pub file: String,
    /// Where in the input, if the problem has a place (I/O errors have none).
    pub location: Option<Location>,
    /// The URN of the schema concerned (RFC 7643 §7 `id`, or the ResourceType schema
    /// URN for problems in a ResourceType), when it is known.
    pub schema: Option<String>,
    /// The attribute path within the schema (`name.givenName`), or for a ResourceType
    /// the key (`schemaExtensions[0].schema`); empty at document level.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(location) = self.location {
            write!(f, ":{location}")?;
        }
        f.write_str(": ")?;
        if let Some(schema) = &self.schema {
            write!(f, "{schema}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem that [`Loader::load`](super::Loader::load) found, in input order and,
/// within an input, in document order.
///
/// Displays one diagnostic a line, so it can be printed as is (or from a `build.rs`,
/// returned as its error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    pub(crate) fn new(diagnostics: Vec<Diagnostic>) -> Self {
        LoadError { diagnostics }
    }

    /// The problems, never empty.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The problems, by value.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.diagnostics.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}
