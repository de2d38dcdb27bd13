//! `scim validate --context`: the document checked as the body of a request, or as a
//! response, by the request rules of `scim::request` (RFC 7643 §7; RFC 7644 §3.3, §3.4.3,
//! §3.5.1, §3.5.2). The typed models and generic resources go through the same rules.

use crate::input::{read_document, utf8_text, ReadError, MAX_DOCUMENT_BYTES};
use crate::validate::{
    names, typed, validate_list, validate_resource, Document, FirstLook, Origin, Schemas,
};
use scim::access::ResourceAccess;
use scim::generic::Json;
use scim::generic::ResourceSchemas;
use scim::message::{self, PatchOp, SearchRequest};
use scim::models::{Group, ResourceType, Schema, ServiceProviderConfig, User};
use scim::projection::Projection;
use scim::request::{Context, Report, Rules};
use scim::{Error, Resource};
use std::path::{Path, PathBuf};

/// The options of `validate` that choose and tune the request rules.
pub struct RequestArgs {
    /// The request context.
    pub context: Context,
    /// `--strict`.
    pub strict: bool,
    /// `--existing FILE`: the resource a replace request replaces.
    pub existing: Option<PathBuf>,
    /// `--resource-type NAME`: the bundled resource type a PATCH or query is for.
    pub resource_type: Option<String>,
    /// `--attributes PATHS`, for a response.
    pub attributes: Option<String>,
    /// `--excluded-attributes PATHS`, for a response.
    pub excluded_attributes: Option<String>,
}

impl RequestArgs {
    /// The projection a response is printed with.
    fn projection(&self) -> Projection {
        Projection::new()
            .with_attributes(self.attributes.as_deref().unwrap_or_default())
            .with_excluded_attributes(self.excluded_attributes.as_deref().unwrap_or_default())
    }
}

/// The names `--resource-type` takes: the bundled typed models.
pub const RESOURCE_TYPES: &[&str] = &[
    "User",
    "Group",
    "ServiceProviderConfig",
    "ResourceType",
    "Schema",
];

/// The schemas of the bundled model named `name` (any case).
pub fn bundled(name: &str) -> Option<ResourceSchemas<'static>> {
    let schemas = [
        User::resource_schemas(),
        Group::resource_schemas(),
        ServiceProviderConfig::resource_schemas(),
        ResourceType::resource_schemas(),
        Schema::resource_schemas(),
    ];
    RESOURCE_TYPES
        .iter()
        .zip(schemas)
        .find(|(known, _)| known.eq_ignore_ascii_case(name))
        .map(|(_, schemas)| schemas)
}

/// The schemas resources are read with when they are not typed.
fn generic_schemas(schemas: &Schemas) -> ResourceSchemas<'_> {
    match schemas {
        Schemas::Files(files) => match files.split_first() {
            Some((core, extensions)) => ResourceSchemas::new(core, extensions),
            None => ResourceSchemas::schemaless(),
        },
        Schemas::Bundled | Schemas::None => ResourceSchemas::schemaless(),
    }
}

/// The resource a document holds, with its schemas.
fn resource_mut<'a>(
    document: &'a mut Document,
    schemas: &'a Schemas,
) -> Option<(&'a mut dyn ResourceAccess, ResourceSchemas<'a>)> {
    Some(match document {
        Document::User(user) => (user.as_mut(), User::resource_schemas()),
        Document::Group(group) => (group.as_mut(), Group::resource_schemas()),
        Document::ServiceProviderConfig(config) => {
            (config.as_mut(), ServiceProviderConfig::resource_schemas())
        }
        Document::ResourceType(resource_type) => {
            (resource_type.as_mut(), ResourceType::resource_schemas())
        }
        Document::Schema(schema) => (schema.as_mut(), Schema::resource_schemas()),
        Document::Generic(resource) => (resource.as_mut(), generic_schemas(schemas)),
        _ => return None,
    })
}

fn resource(document: &Document) -> Option<&dyn ResourceAccess> {
    Some(match document {
        Document::User(user) => user.as_ref(),
        Document::Group(group) => group.as_ref(),
        Document::ServiceProviderConfig(config) => config.as_ref(),
        Document::ResourceType(resource_type) => resource_type.as_ref(),
        Document::Schema(schema) => schema.as_ref(),
        Document::Generic(resource) => resource.as_ref(),
        _ => return None,
    })
}

/// What kind of document it is, for messages.
fn kind(document: &Document) -> &'static str {
    match document {
        Document::User(_) => "a User",
        Document::Group(_) => "a Group",
        Document::ServiceProviderConfig(_) => "a ServiceProviderConfig",
        Document::ResourceType(_) => "a ResourceType",
        Document::Schema(_) => "a Schema",
        Document::Generic(_) => "a resource of the given schemas",
        _ => "a message",
    }
}

/// Reads `--existing FILE`: a resource, read as the document is. The message is for
/// stderr (exit 1): the file is an input of the command, not the document checked.
pub fn read_existing(path: &Path, schemas: &Schemas) -> Result<Document, String> {
    let name = path.display();
    let bytes = read_document(Some(path)).map_err(|error| match error {
        ReadError::Io(message) => format!("--existing {message}"),
        ReadError::TooLarge => {
            format!("--existing {name}: larger than {MAX_DOCUMENT_BYTES} bytes")
        }
    })?;
    let text = utf8_text(&bytes).map_err(|message| format!("--existing {name}: {message}"))?;
    let describe = |error: Error| format!("--existing {name}: {error}");
    let look = FirstLook::of(text, Origin::START).map_err(describe)?;
    let uris = look.uris("resource").map_err(describe)?;
    let document = validate_resource(text, Origin::START, uris, schemas).map_err(describe)?;
    if resource(&document).is_none() {
        return Err(format!("--existing {name}: not a resource"));
    }
    Ok(document)
}

/// The message URIs that a request body for create or replace, or a single response,
/// cannot have.
const MESSAGES: &[&str] = &[
    message::LIST_RESPONSE,
    message::SEARCH_REQUEST,
    message::PATCH_OP,
    message::BULK_REQUEST,
    message::BULK_RESPONSE,
    message::ERROR,
];

/// Reads the document as the body of `request.context` (or a response) and checks it;
/// returns it as the service provider would keep it, with the report of what the rules
/// read leniently.
pub fn validate(
    text: &str,
    schemas: &Schemas,
    request: &RequestArgs,
    existing: Option<&Document>,
) -> Result<(Document, Report), Error> {
    let rules = Rules::new().with_strict(request.strict);
    let for_messages = || match &request.resource_type {
        Some(name) => bundled(name).unwrap_or_else(ResourceSchemas::schemaless),
        None => generic_schemas(schemas),
    };
    match request.context {
        Context::Patch => {
            let mut patch: PatchOp = typed(text, Origin::START)?;
            let report = rules.patch(&mut patch, for_messages())?;
            Ok((Document::PatchOp(Box::new(patch)), report))
        }
        Context::Query => {
            let search: SearchRequest = typed(text, Origin::START)?;
            let report = rules.query(&search, for_messages())?;
            Ok((Document::SearchRequest(Box::new(search)), report))
        }
        Context::Create | Context::Replace | Context::Response => {
            let look = FirstLook::of(text, Origin::START)?;
            let uris = look.uris("document")?;
            if request.context == Context::Response && names(uris, message::LIST_RESPONSE) {
                let mut list = validate_list(text, schemas)?;
                check_listed(&rules, &mut list, schemas)?;
                return Ok((
                    project(list, &request.projection(), schemas)?,
                    Report::default(),
                ));
            }
            if let Some(uri) = MESSAGES.iter().find(|uri| names(uris, uri)) {
                return Err(Error::invalid_value(format!(
                    "the {} is a resource, not the message {uri}",
                    what(request.context)
                ))
                .at("schemas"));
            }
            let mut document = validate_resource(text, Origin::START, uris, schemas)?;
            let report = check_resource(&rules, request.context, &mut document, existing, schemas)?;
            if request.context == Context::Response {
                document = project(document, &request.projection(), schemas)?;
            }
            Ok((document, report))
        }
    }
}

fn what(context: Context) -> &'static str {
    match context {
        Context::Create => "body of a create request",
        Context::Replace => "body of a replace request",
        _ => "response",
    }
}

fn check_resource(
    rules: &Rules,
    context: Context,
    document: &mut Document,
    existing: Option<&Document>,
    schemas: &Schemas,
) -> Result<Report, Error> {
    let existing = match existing {
        Some(existing) if std::mem::discriminant(existing) != std::mem::discriminant(document) => {
            return Err(Error::invalid_value(format!(
                "the request is {} and the existing resource (--existing) {}",
                kind(document),
                kind(existing)
            ))
            .at("schemas"))
        }
        Some(existing) => resource(existing),
        None => None,
    };
    let Some((resource, resource_schemas)) = resource_mut(document, schemas) else {
        return Err(Error::invalid_value(format!(
            "the {} is a resource",
            what(context)
        )));
    };
    match (context, existing) {
        (Context::Create, _) => rules.create(resource, resource_schemas),
        (Context::Replace, Some(existing)) => rules.replace(resource, existing, resource_schemas),
        (Context::Replace, None) => rules.replace_without_existing(resource, resource_schemas),
        _ => rules.response(resource, resource_schemas),
    }
}

/// A response document as the service provider returns it for `projection` (RFC 7644
/// §3.4.2.5, §3.9): typed models through `scim::Response`, generic resources through
/// `GenericResource::project`, each resource of a ListResponse alike.
fn project(
    document: Document,
    projection: &Projection,
    schemas: &Schemas,
) -> Result<Document, Error> {
    fn typed<T: Resource>(resource: &T, projection: &Projection) -> Result<Document, Error> {
        let text = serde_json::to_string(&scim::Response::new(resource, projection))
            .map_err(|error| Error::internal(error.to_string()))?;
        Ok(Document::Written(Box::new(Json::parse(&text)?)))
    }
    match document {
        Document::User(user) => typed(&*user, projection),
        Document::Group(group) => typed(&*group, projection),
        Document::ServiceProviderConfig(config) => typed(&*config, projection),
        Document::ResourceType(resource_type) => typed(&*resource_type, projection),
        Document::Schema(schema) => typed(&*schema, projection),
        Document::Generic(resource) => Ok(Document::Generic(Box::new(
            resource.project(generic_schemas(schemas), projection),
        ))),
        Document::List(mut list) => {
            let resources = std::mem::take(&mut list.resources);
            list.resources = resources
                .into_iter()
                .map(|resource| project(resource, projection, schemas))
                .collect::<Result<_, _>>()?;
            Ok(Document::List(list))
        }
        other => Ok(other),
    }
}

/// Checks every resource of a ListResponse as a response; errors name `Resources[i]`.
fn check_listed(rules: &Rules, list: &mut Document, schemas: &Schemas) -> Result<(), Error> {
    let Document::List(list) = list else {
        return Ok(());
    };
    for (index, document) in list.resources.iter_mut().enumerate() {
        let at = |error: Error| error.at(format_args!("Resources[{index}]"));
        let Some((resource, resource_schemas)) = resource_mut(document, schemas) else {
            return Err(at(Error::invalid_value("not a resource")));
        };
        rules.response(resource, resource_schemas).map_err(at)?;
    }
    Ok(())
}
