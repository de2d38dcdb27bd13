//! `scim filter parse`: parse a SCIM filter (RFC 7644 §3.4.2.2) and print its tree as JSON;
//! `scim filter eval`: evaluate one against resources.

use crate::input::utf8_text;
use crate::output::write_stdout;
use crate::validate::{fail, load_schemas, names, print, read_input, FirstLook, Origin, Schemas};
use crate::SchemaArgs;
use scim::filter::{CompiledFilter, Filter};
use scim::generic::{GenericResource, ResourceSchemas};
use scim::models::{Group, ResourceType, Schema, ServiceProviderConfig, User};
use scim::{Error, Resource};
use serde_json::value::RawValue;
use std::fmt;
use std::path::Path;
use std::process::ExitCode;

/// Prints the tree of `text` as pretty JSON and exits 0; an invalid filter prints the SCIM
/// Error document (scimType `invalidFilter`) and exits 2.
pub fn parse(text: &str) -> ExitCode {
    let (document, code) = match Filter::parse(text) {
        Ok(filter) => (
            serde_json::to_string_pretty(&filter.to_json()),
            ExitCode::SUCCESS,
        ),
        Err(error) => (serde_json::to_string_pretty(&error), ExitCode::from(2)),
    };
    match document {
        Ok(text) => print(text, code),
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}

/// `scim filter eval`: parses the filter, compiles it against the resources' schemas
/// (resolved as `scim validate` resolves them), reads each resource as a generic resource
/// and prints `true` or `false` for it, one a line, exit 0.
///
/// Nothing is printed until every resource is evaluated: an invalid filter (in syntax, or
/// against the schema, as `gt` on a boolean) or a resource that does not fit its schema
/// prints only the SCIM Error document, whose detail names the resource
/// (`Resources[i]` in an array, `line N` otherwise), and exits 2. Paths no schema defines
/// have no value (RFC 7644 §3.4.2.1); each is named in a warning on stderr.
pub fn eval(text: &str, args: &SchemaArgs, resources: Option<&Path>) -> ExitCode {
    let schemas = match load_schemas(args) {
        Ok(schemas) => schemas,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let filter = match Filter::parse(text) {
        Ok(filter) => filter,
        Err(error) => return fail(error),
    };
    let mut evaluator = Evaluator {
        filter,
        schemas: &schemas,
        compiled: Vec::new(),
    };
    // With schemas given on the command line, the filter is checked before any input.
    if let Schemas::Files(_) | Schemas::None = schemas {
        if let Err(error) = evaluator.compiled(Kind::Given) {
            return fail(error);
        }
    }
    let bytes = match read_input(resources, "input") {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    let answers = utf8_text(&bytes)
        .map_err(Error::invalid_syntax)
        .and_then(|text| {
            let mut answers = Vec::new();
            for (resource, place) in split(text)? {
                let (kind, resource) = evaluator
                    .read(resource, Origin::of(resource, text))
                    .map_err(|error| error.at(place))?;
                answers.push(evaluator.compiled(kind)?.matches(&resource));
            }
            Ok(answers)
        });
    match answers {
        Ok(answers) => {
            let lines: String = answers
                .iter()
                .map(|answer| if *answer { "true\n" } else { "false\n" })
                .collect();
            match write_stdout(lines.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::from(1)
                }
            }
        }
        Err(error) => fail(error),
    }
}

/// Where a resource is in the input, for error details.
#[derive(Clone, Copy)]
enum Place {
    /// Element `i` of a JSON array.
    Index(usize),
    /// The line where a resource of JSON lines (or a single object) starts.
    Line(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Index(index) => write!(formatter, "Resources[{index}]"),
            Place::Line(line) => write!(formatter, "line {line}"),
        }
    }
}

/// The resources of the input, each as its JSON text: the elements of a JSON array, or
/// every JSON value of a sequence separated by white space (one object, or JSON lines).
fn split(text: &str) -> Result<Vec<(&str, Place)>, Error> {
    let not_json =
        |error: serde_json::Error| Error::invalid_syntax(format!("not valid JSON: {error}"));
    if text.trim_start().starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).map_err(not_json)?;
        return Ok(items
            .into_iter()
            .enumerate()
            .map(|(index, item)| (item.get(), Place::Index(index)))
            .collect());
    }
    serde_json::Deserializer::from_str(text)
        .into_iter::<&RawValue>()
        .map(|item| {
            let item = item.map_err(not_json)?.get();
            Ok((item, Place::Line(Origin::of(item, text).line)))
        })
        .collect()
}

/// The schemas a resource is read with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The command line's: `--schema` files or `--schemaless`.
    Given,
    /// A bundled model's, chosen by the resource's `schemas`.
    User,
    Group,
    ServiceProviderConfig,
    ResourceType,
    Schema,
}

/// The filter, compiled once for each kind of resource that comes.
struct Evaluator<'s> {
    filter: Filter,
    schemas: &'s Schemas,
    compiled: Vec<(Kind, CompiledFilter)>,
}

impl Evaluator<'_> {
    /// The resource written `text`, read against its schemas, and their kind.
    fn read(&self, text: &str, origin: Origin) -> Result<(Kind, GenericResource), Error> {
        let kind = match self.schemas {
            Schemas::Bundled => bundled_kind(FirstLook::of(text, origin)?.uris("resource")?)?,
            Schemas::Files(_) | Schemas::None => Kind::Given,
        };
        let resource = GenericResource::from_str(text, self.resource_schemas(kind))?;
        Ok((kind, resource))
    }

    fn resource_schemas(&self, kind: Kind) -> ResourceSchemas<'_> {
        match kind {
            Kind::Given => match self.schemas {
                Schemas::Files(files) => match files.split_first() {
                    Some((core, extensions)) => ResourceSchemas::new(core, extensions),
                    None => ResourceSchemas::schemaless(),
                },
                Schemas::Bundled | Schemas::None => ResourceSchemas::schemaless(),
            },
            Kind::User => User::resource_schemas(),
            Kind::Group => Group::resource_schemas(),
            Kind::ServiceProviderConfig => ServiceProviderConfig::resource_schemas(),
            Kind::ResourceType => ResourceType::resource_schemas(),
            Kind::Schema => Schema::resource_schemas(),
        }
    }

    /// The filter compiled for `kind`, compiled now if it was not; the first time, a
    /// warning names each path that the kind's schemas do not define.
    fn compiled(&mut self, kind: Kind) -> Result<&CompiledFilter, Error> {
        let position = match self.compiled.iter().position(|(seen, _)| *seen == kind) {
            Some(position) => position,
            None => {
                let schemas = self.resource_schemas(kind);
                let compiled = self.filter.compile(schemas)?;
                let resources = schemas.core().map_or("schemaless", |core| {
                    core.name.as_deref().unwrap_or(core.id.as_ref())
                });
                for path in compiled.undefined_attributes() {
                    eprintln!(
                        "warning: `{path}` is not an attribute of {resources} resources: \
                         it has no value (RFC 7644 §3.4.2.1)"
                    );
                }
                self.compiled.push((kind, compiled));
                self.compiled.len() - 1
            }
        };
        self.compiled
            .get(position)
            .map(|(_, compiled)| compiled)
            .ok_or_else(|| Error::internal("the compiled filter is missing"))
    }
}

/// The bundled model named by a resource's `schemas`, as `scim validate` chooses it.
fn bundled_kind(uris: &[String]) -> Result<Kind, Error> {
    if uris.is_empty() {
        return Err(Error::invalid_syntax(
            "schemas: the resource has no `schemas` attribute, so its kind is unknown (RFC 7643 §3); \
             pass --schema FILE or --schemaless",
        ));
    }
    let kinds = [
        (User::SCHEMA, Kind::User),
        (Group::SCHEMA, Kind::Group),
        (ServiceProviderConfig::SCHEMA, Kind::ServiceProviderConfig),
        (ResourceType::SCHEMA, Kind::ResourceType),
        (Schema::SCHEMA, Kind::Schema),
    ];
    kinds
        .into_iter()
        .find(|(uri, _)| names(uris, uri))
        .map(|(_, kind)| kind)
        .ok_or_else(|| {
            Error::invalid_value(format!(
                "schemas: no bundled schema for {}; pass its definition with --schema FILE",
                uris.join(", ")
            ))
        })
}
