//! `scim validate`: recognise a SCIM document by its `schemas`, read it into the typed
//! model (or the generic one), and print it back.

use crate::input::{read_document, ReadError, MAX_DOCUMENT_BYTES};
use crate::SchemaArgs;
use scim::generic::{GenericResource, ResourceSchemas};
use scim::message::{self, BulkRequest, BulkResponse, ListResponse, PatchOp, SearchRequest};
use scim::models::{Group, ResourceType, Schema, ServiceProviderConfig, User};
use scim::schema::Loader;
use scim::{Error, Resource};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

/// Where resources find their schemas.
enum Schemas {
    /// The bundled typed models, chosen by the document's `schemas`.
    Bundled,
    /// Schemas from `--schema` files: the first is the core schema.
    Files(Vec<scim::schema::Schema>),
    /// `--schemaless`: no schema at all.
    None,
}

pub fn run(args: &SchemaArgs, file: Option<&Path>) -> ExitCode {
    let schemas = match load_schemas(args) {
        Ok(schemas) => schemas,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let text = match read_document(file) {
        Ok(text) => text,
        Err(ReadError::Io(message)) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
        Err(ReadError::TooLarge) => {
            return fail(Error::invalid_syntax(format!(
                "the document is larger than {MAX_DOCUMENT_BYTES} bytes"
            )))
        }
    };
    let result = serde_json::from_str::<Value>(&text)
        .map_err(|error| Error::invalid_syntax(format!("not valid JSON: {error}")))
        .and_then(|document| validate_document(document, &schemas));
    match result {
        Ok(output) => {
            println!("{}", pretty(&output));
            ExitCode::SUCCESS
        }
        Err(error) => fail(error),
    }
}

fn fail(error: Error) -> ExitCode {
    let document = serde_json::to_value(&error).unwrap_or(Value::Null);
    println!("{}", pretty(&document));
    ExitCode::from(2)
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

fn load_schemas(args: &SchemaArgs) -> Result<Schemas, String> {
    if args.schemaless {
        return Ok(Schemas::None);
    }
    if args.schemas.is_empty() {
        return Ok(Schemas::Bundled);
    }
    let mut loader = Loader::new();
    for path in &args.schemas {
        loader.add_path(path);
    }
    let set = loader.load().map_err(|error| error.to_string())?;
    Ok(Schemas::Files(set.schemas().to_vec()))
}

/// The `schemas` URIs of a document.
fn schema_uris(document: &Value) -> Vec<&str> {
    let Some(object) = document.as_object() else {
        return Vec::new();
    };
    object
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("schemas"))
        .and_then(|(_, value)| value.as_array())
        .map(|uris| uris.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn names(uris: &[&str], uri: &str) -> bool {
    uris.iter()
        .any(|candidate| candidate.eq_ignore_ascii_case(uri))
}

fn validate_document(document: Value, schemas: &Schemas) -> Result<Value, Error> {
    let uris = schema_uris(&document);
    if names(&uris, message::LIST_RESPONSE) {
        let mut list: ListResponse<Value> = typed(document)?;
        let resources = std::mem::take(&mut list.resources);
        for (index, resource) in resources.into_iter().enumerate() {
            // A projected resource may come without `schemas` (RFC 7644 §3.4.2 prints
            // one); with nothing to tell its kind, it is read schemaless.
            let schemas =
                if schema_uris(&resource).is_empty() && matches!(schemas, Schemas::Bundled) {
                    &Schemas::None
                } else {
                    schemas
                };
            let resource = validate_resource(resource, schemas)
                .map_err(|error| error.at(format_args!("Resources[{index}]")))?;
            list.resources.push(resource);
        }
        return to_json(&list);
    }
    if names(&uris, message::SEARCH_REQUEST) {
        return round_trip::<SearchRequest>(document);
    }
    if names(&uris, message::PATCH_OP) {
        return round_trip::<PatchOp>(document);
    }
    if names(&uris, message::BULK_REQUEST) {
        return round_trip::<BulkRequest>(document);
    }
    if names(&uris, message::BULK_RESPONSE) {
        return round_trip::<BulkResponse>(document);
    }
    if names(&uris, message::ERROR) {
        return round_trip::<Error>(document);
    }
    validate_resource(document, schemas)
}

fn validate_resource(document: Value, schemas: &Schemas) -> Result<Value, Error> {
    match schemas {
        Schemas::None => {
            Ok(GenericResource::from_json(document, ResourceSchemas::schemaless())?.into_json())
        }
        Schemas::Files(files) => {
            let Some((core, extensions)) = files.split_first() else {
                return Ok(
                    GenericResource::from_json(document, ResourceSchemas::schemaless())?
                        .into_json(),
                );
            };
            Ok(
                GenericResource::from_json(document, ResourceSchemas::new(core, extensions))?
                    .into_json(),
            )
        }
        Schemas::Bundled => {
            let uris = schema_uris(&document);
            if uris.is_empty() {
                return Err(Error::invalid_syntax(
                    "schemas: the document has no `schemas` attribute, so its kind is unknown (RFC 7643 §3); \
                     pass --schema FILE or --schemaless",
                ));
            }
            if names(&uris, User::SCHEMA) {
                round_trip::<User>(document)
            } else if names(&uris, Group::SCHEMA) {
                round_trip::<Group>(document)
            } else if names(&uris, ServiceProviderConfig::SCHEMA) {
                round_trip::<ServiceProviderConfig>(document)
            } else if names(&uris, ResourceType::SCHEMA) {
                round_trip::<ResourceType>(document)
            } else if names(&uris, Schema::SCHEMA) {
                round_trip::<Schema>(document)
            } else {
                Err(Error::invalid_value(format!(
                    "schemas: no bundled schema for {}; pass its definition with --schema FILE",
                    uris.join(", ")
                )))
            }
        }
    }
}

fn round_trip<T: Serialize + DeserializeOwned>(document: Value) -> Result<Value, Error> {
    let value: T = typed(document)?;
    to_json(&value)
}

/// Reads `document` into `T`; an error names the attribute path where it happened.
fn typed<T: DeserializeOwned>(document: Value) -> Result<T, Error> {
    serde_path_to_error::deserialize(document).map_err(|error| {
        let path = attribute_path(error.path());
        let detail = error.into_inner().to_string();
        if path.is_empty() {
            Error::invalid_value(detail)
        } else {
            Error::invalid_value(format!("{path}: {detail}"))
        }
    })
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

fn to_json<T: Serialize>(value: &T) -> Result<Value, Error> {
    serde_json::to_value(value).map_err(|error| Error::new(500, None, Some(error.to_string())))
}
