//! The schema loader: reads Schema (RFC 7643 §7) and ResourceType (RFC 7643 §6)
//! documents from strings, files and directories, checks them, and reports every
//! problem of every input at once.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, LoadError, Location, Origin};
use super::document::{read_document, Found, Report, RESOURCE_TYPE_URN};
use super::model::{ResourceType, Schema};
use super::spanned;

/// The nesting limit used unless [`Loader::max_depth`] sets another.
pub const DEFAULT_MAX_DEPTH: usize = 64;
/// The largest nesting limit [`Loader::max_depth`] accepts; larger values are lowered
/// to it so that hostile input cannot exhaust the stack.
pub const MAX_DEPTH_CEILING: usize = 1000;
/// The per-document size limit used unless [`Loader::max_len`] sets another: 16 MiB.
pub const DEFAULT_MAX_LEN: usize = 16 * 1024 * 1024;

/// Loads SCIM schema documents and checks them against RFC 7643.
///
/// Inputs are detected by content, not by file name. Each input is one JSON document
/// holding a Schema resource (it has `attributes`, or `schemas` names
/// `urn:ietf:params:scim:schemas:core:2.0:Schema`), a ResourceType resource (it has
/// `endpoint`, or `schemas` names `urn:ietf:params:scim:schemas:core:2.0:ResourceType`),
/// a JSON array of those (as RFC 7643 §8.7 prints them), or a ListResponse
/// (RFC 7644 §3.4.2) saved from a `/Schemas` or `/ResourceTypes` endpoint.
///
/// Keys are attribute names and so case-insensitive (RFC 7643 §2.1); omitted
/// characteristics take their RFC 7643 §2.2 defaults, and `null` counts as omitted
/// (RFC 7643 §2.5). Keyword values (`type`, `mutability`, `returned`, `uniqueness`)
/// compare case-insensitively and are stored in their canonical spelling.
///
/// # What is rejected
///
/// Each problem is one [`Diagnostic`](super::Diagnostic) with the file, the line and
/// column of the offending key or value, the schema URN and the attribute path:
///
/// - malformed JSON (one diagnostic, at the error), nesting deeper than
///   [`max_depth`](Self::max_depth), documents longer than [`max_len`](Self::max_len),
///   files that are not UTF-8;
/// - a characteristic of the wrong JSON type, a key given twice (in any case), and an
///   unknown key that looks like a misspelt known one (within edit distance 2 for
///   keys of six letters or more, 1 for `name`, `type` and `meta`); other unknown keys,
///   such as vendor extensions, are ignored, and so are `schemas` and `meta`;
/// - a schema without `id`, an attribute without `name`, a name that is not an
///   RFC 7643 §2.1 ATTRNAME (`$ref` is accepted too, erratum 8924);
/// - an unknown `type`, `mutability`, `returned` or `uniqueness` keyword;
/// - a complex attribute without sub-attributes, sub-attributes on another type, and a
///   complex sub-attribute of a complex attribute (RFC 7643 §2.3.8), except in the
///   Schema schema `urn:ietf:params:scim:schemas:core:2.0:Schema`, which RFC 7643 §7
///   lets nest;
/// - two sibling attributes with the same name (compared case-insensitively);
/// - `canonicalValues` on a type other than `string`
///   ([`AttributeType::allows_canonical_values`](super::AttributeType::allows_canonical_values)),
///   `referenceTypes` on a type other than `reference` (empty lists are accepted on
///   any type, as some servers print every characteristic);
/// - the same schema `id` or resource type `name` twice across all inputs;
/// - a ResourceType without `name`, `endpoint` or `schema`, or naming a schema or
///   schema extension that no input defines;
/// - a ResourceType listing the same extension twice in `schemaExtensions`, or its
///   core `schema` among them (URIs compared case-insensitively).
///
/// A Schema resource without `attributes` (detected through `schemas` or
/// `meta.resourceType`) is an extension that defines no attributes.
///
/// ```
/// use scim::schema::{AttributeType, Loader, Mutability};
///
/// let mut loader = Loader::new();
/// loader.add_str(
///     "Widget.json",
///     r#"{
///         "id": "urn:example:Widget",
///         "attributes": [
///             {"name": "serial", "MUTABILITY": "immutable", "required": true},
///             {"name": "tags", "multiValued": true}
///         ]
///     }"#,
/// );
/// let set = loader.load()?;
/// let widget = set.schema("URN:EXAMPLE:WIDGET").expect("loaded");
/// let serial = widget.attribute("serial").expect("defined");
/// assert_eq!(serial.kind, AttributeType::String); // the §2.2 default
/// assert_eq!(serial.mutability, Mutability::Immutable);
/// # Ok::<(), scim::schema::LoadError>(())
/// ```
///
/// Every problem is reported with its place:
///
/// ```
/// use scim::schema::Loader;
///
/// let error = Loader::new()
///     .add_str("Widget.json", r#"{"id": "urn:example:Widget",
///   "attributes": [{"name": "serial", "type": "strng"}]}"#)
///     .load()
///     .unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "Widget.json:2:45: urn:example:Widget: serial: unknown type \"strng\" \
///      (did you mean \"string\"?); valid values are string, boolean, decimal, \
///      integer, dateTime, binary, reference, complex",
/// );
/// ```
#[derive(Clone, Debug)]
pub struct Loader {
    sources: Vec<Source>,
    inputs: Vec<PathBuf>,
    max_depth: usize,
    max_len: usize,
}

#[derive(Clone, Debug)]
enum Source {
    /// A document given as text.
    Text { name: String, text: String },
    /// A file, read when loading.
    File(PathBuf),
    /// An input that could not be listed (a directory that cannot be read).
    Failed { name: String, message: String },
}

impl Default for Loader {
    fn default() -> Self {
        Loader {
            sources: Vec::new(),
            inputs: Vec::new(),
            max_depth: DEFAULT_MAX_DEPTH,
            max_len: DEFAULT_MAX_LEN,
        }
    }
}

impl Loader {
    /// A loader with no inputs and the default limits (64 levels, 16 MiB).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one JSON document; `file_name` names it in diagnostics.
    pub fn add_str(&mut self, file_name: impl Into<String>, text: &str) -> &mut Self {
        self.sources.push(Source::Text {
            name: file_name.into(),
            text: text.to_owned(),
        });
        self
    }

    /// Adds a file, or a directory: every `*.json` file in it and its subdirectories,
    /// in the order of their paths. The directory is listed now; the files are read
    /// by [`load`](Self::load). A path that cannot be read is reported by `load`.
    pub fn add_path(&mut self, path: impl AsRef<Path>) -> &mut Self {
        let path = path.as_ref();
        self.inputs.push(path.to_path_buf());
        if !path.is_dir() {
            self.sources.push(Source::File(path.to_path_buf()));
            return self;
        }
        let mut files = Vec::new();
        let mut failures = Vec::new();
        let mut visited = Vec::new();
        collect_json_files(path, &mut files, &mut failures, &mut visited);
        files.sort();
        for (name, message) in failures {
            self.sources.push(Source::Failed { name, message });
        }
        for file in files {
            self.inputs.push(file.clone());
            self.sources.push(Source::File(file));
        }
        self
    }

    /// Sets the largest nesting of JSON arrays and objects a document may have
    /// (default 64). Values above [`MAX_DEPTH_CEILING`] are lowered to it.
    pub fn max_depth(&mut self, depth: usize) -> &mut Self {
        self.max_depth = depth.min(MAX_DEPTH_CEILING);
        self
    }

    /// Sets the largest size in bytes of one document (default 16 MiB). Larger files
    /// are not read past the limit.
    pub fn max_len(&mut self, bytes: usize) -> &mut Self {
        self.max_len = bytes;
        self
    }

    /// The paths added with [`add_path`](Self::add_path): each file, and for a
    /// directory the directory itself followed by every file found in it. A `build.rs`
    /// prints `cargo:rerun-if-changed=` for each.
    pub fn inputs(&self) -> &[PathBuf] {
        &self.inputs
    }

    /// Reads and checks every input. Returns the schemas and resource types in input
    /// order, or every problem of every input.
    pub fn load(&self) -> Result<SchemaSet, LoadError> {
        let mut diagnostics: Vec<(usize, Diagnostic)> = Vec::new();
        let mut found: Vec<(usize, String, Found)> = Vec::new();
        for (input, source) in self.sources.iter().enumerate() {
            let mut local = Vec::new();
            let (name, result) = match source {
                Source::Text { name, text } => {
                    (name.clone(), self.read_text(name, text, &mut local))
                }
                Source::File(path) => {
                    let name = path.display().to_string();
                    let result = self.read_file(path, &name, &mut local);
                    (name, result)
                }
                Source::Failed { name, message } => {
                    local.push(io_diagnostic(name, message.clone()));
                    (name.clone(), None)
                }
            };
            if let Some(result) = result {
                found.push((input, name, result));
            }
            diagnostics.extend(local.into_iter().map(|diagnostic| (input, diagnostic)));
        }

        let set = cross_check(found, &mut diagnostics);
        if diagnostics.is_empty() {
            return Ok(set);
        }
        diagnostics.sort_by_key(|(input, diagnostic)| (*input, diagnostic.location));
        Err(LoadError::new(
            diagnostics
                .into_iter()
                .map(|(_, diagnostic)| diagnostic)
                .collect(),
        ))
    }

    fn read_file(&self, path: &Path, name: &str, out: &mut Vec<Diagnostic>) -> Option<Found> {
        let limit = u64::try_from(self.max_len)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        let mut bytes = Vec::new();
        let read = fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes));
        if let Err(error) = read {
            out.push(io_diagnostic(
                name,
                format!("cannot read the file: {error}"),
            ));
            return None;
        }
        if bytes.len() > self.max_len {
            out.push(too_long(name, self.max_len));
            return None;
        }
        match std::str::from_utf8(&bytes) {
            Ok(text) => self.read_text(name, text, out),
            Err(error) => {
                let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
                let prefix = String::from_utf8_lossy(valid);
                let byte = bytes.get(error.valid_up_to()).copied().unwrap_or_default();
                out.push(Diagnostic {
                    file: name.to_owned(),
                    location: Some(end_of(&prefix)),
                    schema: None,
                    path: String::new(),
                    message: format!(
                        "invalid UTF-8 (byte 0x{byte:02X}): JSON text must be UTF-8 (RFC 8259 §8.1)"
                    ),
                });
                None
            }
        }
    }

    fn read_text(&self, name: &str, text: &str, out: &mut Vec<Diagnostic>) -> Option<Found> {
        if text.len() > self.max_len {
            out.push(too_long(name, self.max_len));
            return None;
        }
        match spanned::parse(text, self.max_depth) {
            Ok(root) => {
                let mut report = Report {
                    file: name,
                    diagnostics: out,
                };
                Some(read_document(&root, &mut report))
            }
            Err(error) => {
                out.push(Diagnostic {
                    file: name.to_owned(),
                    location: Some(error.at),
                    schema: None,
                    path: String::new(),
                    message: format!("invalid JSON: {}", error.message),
                });
                None
            }
        }
    }
}

/// The position just after `text`, counted as the JSON parser counts.
fn end_of(text: &str) -> Location {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line = text.matches('\n').count().saturating_add(1);
    let last = text.rsplit('\n').next().unwrap_or_default();
    let column = last.chars().count().saturating_add(1);
    Location::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

fn io_diagnostic(name: &str, message: String) -> Diagnostic {
    Diagnostic {
        file: name.to_owned(),
        location: None,
        schema: None,
        path: String::new(),
        message,
    }
}

fn too_long(name: &str, max_len: usize) -> Diagnostic {
    io_diagnostic(
        name,
        format!("the document is larger than the limit of {max_len} bytes"),
    )
}

/// Lists the `*.json` files under `dir`, following symbolic links but visiting each
/// directory once.
fn collect_json_files(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    failures: &mut Vec<(String, String)>,
    visited: &mut Vec<PathBuf>,
) {
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if visited.contains(&canonical) {
        return;
    }
    visited.push(canonical);
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            failures.push((
                dir.display().to_string(),
                format!("cannot read the directory: {error}"),
            ));
            return;
        }
    };
    for entry in entries {
        let path = match entry {
            Ok(entry) => entry.path(),
            Err(error) => {
                failures.push((
                    dir.display().to_string(),
                    format!("cannot read the directory: {error}"),
                ));
                continue;
            }
        };
        if path.is_dir() {
            collect_json_files(&path, files, failures, visited);
        } else if path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
        {
            files.push(path);
        }
    }
}

/// The checks across inputs: duplicate schema ids and resource type names, and
/// resource types naming schemas that no input defines.
fn cross_check(
    found: Vec<(usize, String, Found)>,
    diagnostics: &mut Vec<(usize, Diagnostic)>,
) -> SchemaSet {
    let mut set = SchemaSet::default();
    let mut schema_ids: HashMap<String, (String, Option<Location>)> = HashMap::new();
    let mut type_names: HashMap<String, (String, Option<Location>)> = HashMap::new();
    let mut references = Vec::new();
    for (input, file, found) in found {
        for item in found.schemas {
            if let Some(id_at) = item.id_at {
                let key = item.schema.id.to_ascii_lowercase();
                if let Some((first_file, first_at)) = schema_ids.get(&key) {
                    diagnostics.push((
                        input,
                        Diagnostic {
                            file: file.clone(),
                            location: Some(id_at),
                            schema: Some(item.schema.id.to_string()),
                            path: String::new(),
                            message: format!(
                                "duplicate schema id \"{}\": first defined at {}",
                                item.schema.id,
                                place(first_file, *first_at)
                            ),
                        },
                    ));
                    continue;
                }
                schema_ids.insert(key.clone(), (file.clone(), Some(id_at)));
                set.origins
                    .add_schema(key, &file, id_at, item.attributes_at);
            }
            set.schemas.push(item.schema);
        }
        for item in found.resource_types {
            if let Some(name_at) = item.name_at {
                let name = &item.resource_type.name;
                let key = name.to_ascii_lowercase();
                if let Some((first_file, first_at)) = type_names.get(&key) {
                    diagnostics.push((
                        input,
                        Diagnostic {
                            file: file.clone(),
                            location: Some(name_at),
                            schema: Some(RESOURCE_TYPE_URN.to_owned()),
                            path: "name".to_owned(),
                            message: format!(
                                "duplicate resource type name \"{name}\": first defined at {}",
                                place(first_file, *first_at)
                            ),
                        },
                    ));
                } else {
                    type_names.insert(key.clone(), (file.clone(), Some(name_at)));
                    set.origins.resource_types.insert(
                        key,
                        Origin {
                            file: file.clone(),
                            location: name_at,
                        },
                    );
                }
            }
            for (path, uri, at) in &item.references {
                references.push((
                    input,
                    file.clone(),
                    item.resource_type.name.to_string(),
                    path.clone(),
                    uri.clone(),
                    *at,
                ));
            }
            set.resource_types.push(item.resource_type);
        }
    }
    for (input, file, name, path, uri, at) in references {
        if !schema_ids.contains_key(&uri.to_ascii_lowercase()) {
            let owner = if name.is_empty() {
                "the resource type".to_owned()
            } else {
                format!("resource type \"{name}\"")
            };
            diagnostics.push((
                input,
                Diagnostic {
                    file,
                    location: Some(at),
                    schema: Some(RESOURCE_TYPE_URN.to_owned()),
                    path,
                    message: format!("{owner} names schema \"{uri}\", which no input defines"),
                },
            ));
        }
    }
    set
}

fn place(file: &str, at: Option<Location>) -> String {
    match at {
        Some(at) => format!("{file}:{at}"),
        None => file.to_owned(),
    }
}

/// The schemas and resource types that [`Loader::load`] read, in input order, with
/// where each was read ([`origin_of_schema`](Self::origin_of_schema) and the like).
///
/// Two sets are equal when they hold the same schemas and resource types, wherever
/// those were read from.
#[derive(Clone, Debug, Default)]
pub struct SchemaSet {
    schemas: Vec<Schema>,
    resource_types: Vec<ResourceType>,
    origins: Origins,
}

impl PartialEq for SchemaSet {
    fn eq(&self, other: &Self) -> bool {
        self.schemas == other.schemas && self.resource_types == other.resource_types
    }
}

impl Eq for SchemaSet {}

/// Where the parts of a [`SchemaSet`] were read, keyed by ASCII lowercase schema id,
/// attribute path and resource type name, so that lookups ignore case and stay
/// constant-time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Origins {
    /// By schema id: the schema's `id` value and, by dotted path, each attribute's
    /// `name` value.
    schemas: HashMap<String, (Origin, HashMap<String, Origin>)>,
    /// By resource type name: its `name` value.
    resource_types: HashMap<String, Origin>,
}

impl Origins {
    /// Records a schema whose lowercased id is `key`, read from `file`.
    fn add_schema(
        &mut self,
        key: String,
        file: &str,
        id_at: Location,
        attributes_at: Vec<(String, Location)>,
    ) {
        let origin = |location| Origin {
            file: file.to_owned(),
            location,
        };
        let mut attributes = HashMap::with_capacity(attributes_at.len());
        for (path, at) in attributes_at {
            attributes
                .entry(path.to_ascii_lowercase())
                .or_insert_with(|| origin(at));
        }
        self.schemas.insert(key, (origin(id_at), attributes));
    }
}

impl SchemaSet {
    /// The schemas (RFC 7643 §7), in input order.
    pub fn schemas(&self) -> &[Schema] {
        &self.schemas
    }

    /// The resource types (RFC 7643 §6), in input order.
    pub fn resource_types(&self) -> &[ResourceType] {
        &self.resource_types
    }

    /// The schema whose `id` is `urn`, compared case-insensitively.
    pub fn schema(&self, urn: &str) -> Option<&Schema> {
        self.schemas
            .iter()
            .find(|schema| schema.id.eq_ignore_ascii_case(urn))
    }

    /// The resource type named `name`, compared case-insensitively.
    pub fn resource_type(&self, name: &str) -> Option<&ResourceType> {
        self.resource_types
            .iter()
            .find(|resource_type| resource_type.name.eq_ignore_ascii_case(name))
    }

    /// Where the schema whose `id` is `urn` (compared case-insensitively) was read:
    /// the position of its `id` value.
    ///
    /// ```
    /// use scim::schema::{Loader, Location};
    ///
    /// let set = Loader::new()
    ///     .add_str("Widget.json", r#"{
    ///   "id": "urn:example:Widget",
    ///   "attributes": [
    ///     {"name": "size", "type": "complex", "subAttributes": [
    ///       {"name": "widthMm", "type": "integer"}]}]}"#)
    ///     .load()?;
    /// let schema = set.origin_of_schema("URN:EXAMPLE:WIDGET").expect("loaded");
    /// assert_eq!(schema.to_string(), "Widget.json:2:9");
    /// let width = set
    ///     .origin_of_attribute("urn:example:Widget", "size.widthmm")
    ///     .expect("defined");
    /// assert_eq!(width.file, "Widget.json");
    /// assert_eq!(width.location, Location::new(5, 16));
    /// # Ok::<(), scim::schema::LoadError>(())
    /// ```
    pub fn origin_of_schema(&self, urn: &str) -> Option<&Origin> {
        let (origin, _) = self.origins.schemas.get(&urn.to_ascii_lowercase())?;
        Some(origin)
    }

    /// Where the attribute at `path` of the schema `urn` was read: the position of its
    /// `name` value. The path is dotted for sub-attributes (`name.givenName`); the URN
    /// and the path compare case-insensitively (RFC 7643 §2.1). Common attributes
    /// (RFC 7643 §3.1) that the schema does not define have no origin.
    pub fn origin_of_attribute(&self, urn: &str, path: &str) -> Option<&Origin> {
        let (_, attributes) = self.origins.schemas.get(&urn.to_ascii_lowercase())?;
        attributes.get(&path.to_ascii_lowercase())
    }

    /// Where the resource type named `name` (compared case-insensitively) was read:
    /// the position of its `name` value (RFC 7643 §6).
    pub fn origin_of_resource_type(&self, name: &str) -> Option<&Origin> {
        self.origins.resource_types.get(&name.to_ascii_lowercase())
    }

    /// The schemas and resource types, by value.
    pub fn into_parts(self) -> (Vec<Schema>, Vec<ResourceType>) {
        (self.schemas, self.resource_types)
    }
}
