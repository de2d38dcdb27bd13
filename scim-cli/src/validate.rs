//! `scim validate`: recognise a SCIM document by its `schemas`, read it into the typed
//! model (or the generic one), and print it back.
//!
//! A first look at the text finds what kind of JSON value the document is and its
//! `schemas`; the typed models then read the original text, so that what a
//! `serde_json::Value` cannot represent (a key given twice, the exact text of a number)
//! reaches them as written. Resources read against run-time schemas (`--schema`,
//! `--schemaless`) go through a `Value` that rejects keys given twice.

use crate::context::{self, RequestArgs};
use crate::input::{read_document, utf8_text, ReadError, MAX_DOCUMENT_BYTES};
use crate::output::write_stdout;
use crate::SchemaArgs;
use scim::generic::{GenericResource, Json, ResourceSchemas};
use scim::message::{self, BulkRequest, BulkResponse, ListResponse, PatchOp, SearchRequest};
use scim::models::{Group, ResourceType, Schema, ServiceProviderConfig, User};
use scim::request::Report;
use scim::schema::Loader;
use scim::RequestBody;
use scim::{Error, Resource};
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;
use std::path::Path;
use std::process::ExitCode;

/// Where resources find their schemas.
pub(crate) enum Schemas {
    /// The bundled typed models, chosen by the document's `schemas`.
    Bundled,
    /// Schemas from `--schema` files: the first is the core schema.
    Files(Vec<scim::schema::Schema>),
    /// `--schemaless`: no schema at all.
    None,
}

/// `scim validate`; with `request`, the document is checked by the rules of its request
/// context (see [`crate::context`]).
pub fn run(args: &SchemaArgs, file: Option<&Path>, request: Option<&RequestArgs>) -> ExitCode {
    let schemas = match load_schemas(args) {
        Ok(schemas) => schemas,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let existing = match request.and_then(|request| request.existing.as_deref()) {
        Some(path) => match context::read_existing(path, &schemas) {
            Ok(existing) => Some(existing),
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    let bytes = match read_input(file, "document") {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    let result = utf8_text(&bytes)
        .map_err(Error::invalid_syntax)
        .and_then(|text| match request {
            None => validate_document(text, &schemas).map(|document| (document, Report::default())),
            Some(request) => context::validate(text, &schemas, request, existing.as_ref()),
        })
        .and_then(|(document, report)| pretty(&document).map(|text| (text, report)));
    match result {
        Ok((text, report)) => {
            for notice in report.notices() {
                eprintln!("notice: {notice}");
            }
            print(text, ExitCode::SUCCESS)
        }
        Err(error) => fail(error),
    }
}

/// Prints the SCIM Error document and exits 2.
/// Reads the input of a command (`path`, or stdin): what cannot be read is reported on
/// stderr (exit 1); input over the size limit is a SCIM Error document naming `what`
/// (exit 2).
pub(crate) fn read_input(path: Option<&Path>, what: &str) -> Result<Vec<u8>, ExitCode> {
    match read_document(path) {
        Ok(bytes) => Ok(bytes),
        Err(ReadError::Io(message)) => {
            eprintln!("{message}");
            Err(ExitCode::from(1))
        }
        Err(ReadError::TooLarge) => Err(fail(Error::invalid_syntax(format!(
            "the {what} is larger than {MAX_DOCUMENT_BYTES} bytes"
        )))),
    }
}

pub(crate) fn fail(error: Error) -> ExitCode {
    let text = serde_json::to_string_pretty(&error).unwrap_or_else(|_| {
        format!(
            r#"{{"schemas":["{}"],"status":"{}"}}"#,
            message::ERROR,
            error.status()
        )
    });
    print(text, ExitCode::from(2))
}

/// Prints `text` and a newline; exits with `code`, or 1 if stdout cannot be written.
pub(crate) fn print(mut text: String, code: ExitCode) -> ExitCode {
    text.push('\n');
    match write_stdout(text.as_bytes()) {
        Ok(()) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

fn pretty(document: &Document) -> Result<String, Error> {
    serde_json::to_string_pretty(document).map_err(|error| Error::internal(error.to_string()))
}

pub(crate) fn load_schemas(args: &SchemaArgs) -> Result<Schemas, String> {
    if args.schemaless {
        return Ok(Schemas::None);
    }
    if args.schemas.is_empty() {
        return Ok(Schemas::Bundled);
    }
    let mut loader = Loader::new();
    for path in &args.schemas {
        if path.is_dir() {
            return Err(format!(
                "--schema {}: is a directory; `scim validate --schema` takes Schema files, \
                 in order: the first is the resource's core schema, later ones its extensions",
                path.display()
            ));
        }
        loader.add_path(path);
    }
    let set = loader.load().map_err(|error| error.to_string())?;
    Ok(Schemas::Files(set.schemas().to_vec()))
}

/// A document read into its model, ready to be printed back.
pub(crate) enum Document {
    User(Box<User>),
    Group(Box<Group>),
    ServiceProviderConfig(Box<ServiceProviderConfig>),
    ResourceType(Box<ResourceType>),
    Schema(Box<Schema>),
    /// A resource read against run-time schemas, or without any.
    Generic(Box<GenericResource>),
    /// A typed resource already written in the form a response returns.
    Written(Box<Json>),
    List(Box<ListResponse<Document>>),
    SearchRequest(Box<SearchRequest>),
    PatchOp(Box<PatchOp>),
    BulkRequest(Box<BulkRequest>),
    BulkResponse(Box<BulkResponse>),
    Error(Box<Error>),
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::User(user) => RequestBody(&**user).serialize(serializer),
            Document::Group(group) => RequestBody(&**group).serialize(serializer),
            Document::ServiceProviderConfig(config) => RequestBody(&**config).serialize(serializer),
            Document::ResourceType(resource_type) => {
                RequestBody(&**resource_type).serialize(serializer)
            }
            Document::Schema(schema) => RequestBody(&**schema).serialize(serializer),
            Document::Generic(value) => RequestBody(&**value).serialize(serializer),
            Document::Written(json) => json.serialize(serializer),
            Document::List(list) => list.serialize(serializer),
            Document::SearchRequest(request) => request.serialize(serializer),
            Document::PatchOp(patch) => patch.serialize(serializer),
            Document::BulkRequest(request) => request.serialize(serializer),
            Document::BulkResponse(response) => response.serialize(serializer),
            Document::Error(error) => error.serialize(serializer),
        }
    }
}

/// What the first look at a document finds.
pub(crate) enum FirstLook {
    /// A JSON object, with its `schemas` attribute if it has one.
    Object(Option<SchemasAttribute>),
    /// Another JSON value, named with its article: `an array`, `a number`.
    NotObject(&'static str),
}

/// The value of a `schemas` attribute.
pub(crate) enum SchemasAttribute {
    /// An array of strings, as RFC 7643 §3 requires.
    Uris(Vec<String>),
    /// Anything else, described.
    Invalid(String),
}

impl FirstLook {
    /// Reads `text` just far enough to tell its kind and `schemas`; the whole text is
    /// still checked to be JSON, with nothing after it.
    pub(crate) fn of(text: &str, origin: Origin) -> Result<FirstLook, Error> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        FirstLook::deserialize(&mut deserializer)
            .and_then(|look| deserializer.end().map(|()| look))
            .map_err(|error| {
                Error::invalid_syntax(format!("not valid JSON: {}", origin.describe(&error)))
            })
    }

    /// The `schemas` URIs. Errors say what is wrong with the document's shape (RFC 7644
    /// §3.1: resources and messages are JSON objects; RFC 7643 §3: `schemas` is an array
    /// of URIs). A missing `schemas` gives no URIs.
    pub(crate) fn uris(&self, what: &str) -> Result<&[String], Error> {
        match self {
            FirstLook::NotObject(kind) => Err(Error::invalid_syntax(format!(
                "a SCIM {what} is a JSON object, not {kind} (RFC 7644 §3.1)"
            ))),
            FirstLook::Object(None) => Ok(&[]),
            FirstLook::Object(Some(SchemasAttribute::Uris(uris))) => Ok(uris),
            FirstLook::Object(Some(SchemasAttribute::Invalid(found))) => Err(Error::invalid_value(
                format!("schemas: `schemas` must be an array of URIs (RFC 7643 §3), not {found}"),
            )),
        }
    }
}

impl<'de> Deserialize<'de> for FirstLook {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LookVisitor;
        impl<'de> Visitor<'de> for LookVisitor {
            type Value = FirstLook;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FirstLook, A::Error> {
                let mut schemas = None;
                while let Some(key) = map.next_key::<Key>()? {
                    if key.is_schemas && schemas.is_none() {
                        schemas = Some(map.next_value::<SchemasAttribute>()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(FirstLook::Object(schemas))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FirstLook, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(FirstLook::NotObject("an array"))
            }
            fn visit_str<E>(self, _: &str) -> Result<FirstLook, E> {
                Ok(FirstLook::NotObject("a string"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<FirstLook, E> {
                Ok(FirstLook::NotObject("a boolean"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<FirstLook, E> {
                Ok(FirstLook::NotObject("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<FirstLook, E> {
                Ok(FirstLook::NotObject("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<FirstLook, E> {
                Ok(FirstLook::NotObject("a number"))
            }
            fn visit_unit<E>(self) -> Result<FirstLook, E> {
                Ok(FirstLook::NotObject("null"))
            }
        }
        deserializer.deserialize_any(LookVisitor)
    }
}

/// An object key, compared with `schemas` in any case (RFC 7643 §2.1).
struct Key {
    is_schemas: bool,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an attribute name")
            }
            fn visit_str<E>(self, key: &str) -> Result<Key, E> {
                Ok(Key {
                    is_schemas: key.eq_ignore_ascii_case("schemas"),
                })
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for SchemasAttribute {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SchemasVisitor;
        impl<'de> Visitor<'de> for SchemasVisitor {
            type Value = SchemasAttribute;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<SchemasAttribute, A::Error> {
                let mut uris = Vec::new();
                let mut invalid = None;
                while let Some(element) = seq.next_element::<Element>()? {
                    match (element, &invalid) {
                        (Element::Uri(uri), None) => uris.push(uri),
                        (Element::Other(kind), None) => {
                            invalid =
                                Some(format!("an array whose element {} is {kind}", uris.len()));
                        }
                        (_, Some(_)) => {}
                    }
                }
                Ok(invalid.map_or(SchemasAttribute::Uris(uris), SchemasAttribute::Invalid))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<SchemasAttribute, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(SchemasAttribute::Invalid("an object".to_owned()))
            }
            fn visit_str<E>(self, _: &str) -> Result<SchemasAttribute, E> {
                Ok(SchemasAttribute::Invalid("a string".to_owned()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<SchemasAttribute, E> {
                Ok(SchemasAttribute::Invalid("a boolean".to_owned()))
            }
            fn visit_i64<E>(self, _: i64) -> Result<SchemasAttribute, E> {
                Ok(SchemasAttribute::Invalid("a number".to_owned()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<SchemasAttribute, E> {
                Ok(SchemasAttribute::Invalid("a number".to_owned()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<SchemasAttribute, E> {
                Ok(SchemasAttribute::Invalid("a number".to_owned()))
            }
            fn visit_unit<E>(self) -> Result<SchemasAttribute, E> {
                Ok(SchemasAttribute::Invalid("null".to_owned()))
            }
        }
        deserializer.deserialize_any(SchemasVisitor)
    }
}

/// An element of `schemas`: a URI string, or another JSON value (named).
enum Element {
    Uri(String),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Element {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ElementVisitor;
        impl<'de> Visitor<'de> for ElementVisitor {
            type Value = Element;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a JSON value")
            }
            fn visit_str<E>(self, uri: &str) -> Result<Element, E> {
                Ok(Element::Uri(uri.to_owned()))
            }
            fn visit_string<E>(self, uri: String) -> Result<Element, E> {
                Ok(Element::Uri(uri))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Element, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Element::Other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Element::Other("an object"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Element, E> {
                Ok(Element::Other("a boolean"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Element, E> {
                Ok(Element::Other("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Element, E> {
                Ok(Element::Other("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Element, E> {
                Ok(Element::Other("a number"))
            }
            fn visit_unit<E>(self) -> Result<Element, E> {
                Ok(Element::Other("null"))
            }
        }
        deserializer.deserialize_any(ElementVisitor)
    }
}

pub(crate) fn names(uris: &[String], uri: &str) -> bool {
    uris.iter()
        .any(|candidate| candidate.eq_ignore_ascii_case(uri))
}

fn validate_document(text: &str, schemas: &Schemas) -> Result<Document, Error> {
    let look = FirstLook::of(text, Origin::START)?;
    let uris = look.uris("document")?;
    if names(uris, message::LIST_RESPONSE) {
        return validate_list(text, schemas);
    }
    if names(uris, message::SEARCH_REQUEST) {
        return typed(text, Origin::START)
            .map(|request| Document::SearchRequest(Box::new(request)));
    }
    if names(uris, message::PATCH_OP) {
        let patch: PatchOp = typed(text, Origin::START)?;
        check_patch_ops(&patch)?;
        return Ok(Document::PatchOp(Box::new(patch)));
    }
    if names(uris, message::BULK_REQUEST) {
        let request: BulkRequest = typed(text, Origin::START)?;
        check_bulk_methods(&request)?;
        return Ok(Document::BulkRequest(Box::new(request)));
    }
    if names(uris, message::BULK_RESPONSE) {
        return typed(text, Origin::START)
            .map(|response| Document::BulkResponse(Box::new(response)));
    }
    if names(uris, message::ERROR) {
        return typed(text, Origin::START).map(|error| Document::Error(Box::new(error)));
    }
    validate_resource(text, Origin::START, uris, schemas)
}

/// Every `op` is `add`, `remove` or `replace` (RFC 7644 §3.5.2; any case, as Entra ID
/// sends `Replace`).
fn check_patch_ops(patch: &PatchOp) -> Result<(), Error> {
    for (index, operation) in patch.operations.iter().enumerate() {
        if let message::PatchOpKind::Other(op) = &operation.op {
            return Err(Error::invalid_value(format!(
                "Operations[{index}].op: `{op}` is not a PATCH operation; expected add, remove or replace (RFC 7644 §3.5.2)"
            )));
        }
    }
    Ok(())
}

/// Every bulk `method` is POST, PUT, PATCH or DELETE (RFC 7644 §3.7).
fn check_bulk_methods(request: &BulkRequest) -> Result<(), Error> {
    for (index, operation) in request.operations.iter().enumerate() {
        if let message::BulkMethod::Other(method) = &operation.method {
            return Err(Error::invalid_value(format!(
                "Operations[{index}].method: `{method}` is not a bulk method; expected POST, PUT, PATCH or DELETE (RFC 7644 §3.7)"
            )));
        }
    }
    Ok(())
}

/// A ListResponse (RFC 7644 §3.4.2): the message is read with its resources left as
/// text, then each resource is read from its own text; errors in a resource are
/// prefixed with `Resources[i]`, and their line and column count in the whole document.
pub(crate) fn validate_list(text: &str, schemas: &Schemas) -> Result<Document, Error> {
    let list: ListResponse<&RawValue> = typed(text, Origin::START)?;
    let mut resources = Vec::with_capacity(list.resources.len());
    for (index, resource) in list.resources.iter().enumerate() {
        let origin = Origin::of(resource.get(), text);
        let document = validate_listed(resource.get(), origin, schemas)
            .map_err(|error| error.at(format_args!("Resources[{index}]")))?;
        resources.push(document);
    }
    Ok(Document::List(Box::new(ListResponse {
        total_results: list.total_results,
        resources,
        start_index: list.start_index,
        items_per_page: list.items_per_page,
        next_cursor: list.next_cursor,
        previous_cursor: list.previous_cursor,
        unknown_attributes: list.unknown_attributes,
    })))
}

fn validate_listed(text: &str, origin: Origin, schemas: &Schemas) -> Result<Document, Error> {
    let look = FirstLook::of(text, origin)?;
    let uris = look.uris("resource")?;
    // A projected resource may come without `schemas` (RFC 7644 §3.4.2 prints one);
    // with nothing to tell its kind, it is read schemaless.
    let schemas = if uris.is_empty() && matches!(schemas, Schemas::Bundled) {
        &Schemas::None
    } else {
        schemas
    };
    validate_resource(text, origin, uris, schemas)
}

pub(crate) fn validate_resource(
    text: &str,
    origin: Origin,
    uris: &[String],
    schemas: &Schemas,
) -> Result<Document, Error> {
    let generic = |schemas| generic(text, origin, schemas);
    match schemas {
        Schemas::None => generic(ResourceSchemas::schemaless()),
        Schemas::Files(files) => match files.split_first() {
            Some((core, extensions)) => generic(ResourceSchemas::new(core, extensions)),
            None => generic(ResourceSchemas::schemaless()),
        },
        Schemas::Bundled => {
            if uris.is_empty() {
                return Err(Error::invalid_syntax(
                    "schemas: the document has no `schemas` attribute, so its kind is unknown (RFC 7643 §3); \
                     pass --schema FILE or --schemaless",
                ));
            }
            if names(uris, User::SCHEMA) {
                typed(text, origin).map(|user| Document::User(Box::new(user)))
            } else if names(uris, Group::SCHEMA) {
                typed(text, origin).map(|group| Document::Group(Box::new(group)))
            } else if names(uris, ServiceProviderConfig::SCHEMA) {
                typed(text, origin).map(|config| Document::ServiceProviderConfig(Box::new(config)))
            } else if names(uris, ResourceType::SCHEMA) {
                typed(text, origin)
                    .map(|resource_type| Document::ResourceType(Box::new(resource_type)))
            } else if names(uris, Schema::SCHEMA) {
                typed(text, origin).map(|schema| Document::Schema(Box::new(schema)))
            } else {
                Err(Error::invalid_value(format!(
                    "schemas: no bundled schema for {}; pass its definition with --schema FILE",
                    uris.join(", ")
                )))
            }
        }
    }
}

/// Reads a resource against run-time schemas, losing nothing: the generic reader keeps
/// number text and member order, and rejects a name given twice (in any case). The
/// whole document was checked to be JSON already, so `origin` is not needed here.
fn generic(text: &str, _origin: Origin, schemas: ResourceSchemas<'_>) -> Result<Document, Error> {
    Ok(Document::Generic(Box::new(GenericResource::from_str(
        text, schemas,
    )?)))
}

/// Reads `text` into `T`, rejecting anything after the JSON value; an error names the
/// attribute path where it happened, and its line and column counted from `origin`.
pub(crate) fn typed<'a, T: Deserialize<'a>>(text: &'a str, origin: Origin) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = attribute_path(error.path());
        let error = error.into_inner();
        let detail = origin.describe(&error);
        let error = if error.is_syntax() || error.is_eof() {
            Error::invalid_syntax(format!("not valid JSON: {detail}"))
        } else {
            Error::invalid_value(detail)
        };
        if path.is_empty() {
            error
        } else {
            error.at(path)
        }
    })?;
    deserializer.end().map_err(|error| {
        Error::invalid_syntax(format!("not valid JSON: {}", origin.describe(&error)))
    })?;
    Ok(value)
}

/// Where a text read on its own (a resource of a ListResponse) starts in the document,
/// so that the line and column in `serde_json` errors count in the whole document.
#[derive(Clone, Copy)]
pub(crate) struct Origin {
    /// The line of the text's first byte, from 1.
    pub(crate) line: usize,
    /// The bytes before the text's first byte on its line.
    column: usize,
}

impl Origin {
    /// The whole document.
    pub(crate) const START: Origin = Origin { line: 1, column: 0 };

    /// Where `part`, a slice of `whole`, starts in it.
    pub(crate) fn of(part: &str, whole: &str) -> Origin {
        let offset = (part.as_ptr() as usize)
            .checked_sub(whole.as_ptr() as usize)
            .filter(|offset| *offset <= whole.len())
            .unwrap_or(0);
        let before = whole.as_bytes().get(..offset).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |newline| newline + 1);
        Origin {
            line: 1 + before.iter().filter(|byte| **byte == b'\n').count(),
            column: offset - line_start,
        }
    }

    /// The error's message, its position counted from this origin.
    fn describe(self, error: &serde_json::Error) -> String {
        let text = error.to_string();
        let (line, column) = (error.line(), error.column());
        let Some(message) = (line > 0)
            .then(|| text.strip_suffix(&format!(" at line {line} column {column}")))
            .flatten()
        else {
            return text;
        };
        let (line, column) = if line == 1 {
            (self.line, self.column + column)
        } else {
            (self.line + line - 1, column)
        };
        format!("{message} at line {line} column {column}")
    }
}

/// The path in RFC 7644 §3.10 notation: `emails[1].value`, and `:` after an extension
/// URI (`urn:...:User:manager.value`).
fn attribute_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut text = String::new();
    let mut after_urn = false;
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => text.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !text.is_empty() {
                    text.push(if after_urn { ':' } else { '.' });
                }
                after_urn =
                    text.is_empty() && key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:"));
                text.push_str(key);
            }
            Segment::Enum { variant } => text.push_str(variant),
            Segment::Unknown => text.push('?'),
        }
    }
    text
}
