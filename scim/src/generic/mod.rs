//! Generic resources: SCIM JSON checked against schemas known only at run time.
//!
//! The typed models and this module follow the same rules: attribute names match in any
//! case and come out canonical (RFC 7643 §2.1); `null` and `[]` mean unassigned (RFC 7643
//! §2.5); values must have their attribute's type (RFC 7643 §2.3); canonical values are
//! written in their canonical spelling; attributes that no known schema defines are kept
//! as they are, with the RFC 7643 §2.2 defaults (type taken from the JSON value).

use crate::names::SeenNames;
pub use crate::schema::ResourceSchemas;
use crate::schema::{Attribute, AttributeType, COMMON_ATTRIBUTES};
use crate::value::{Binary, DateTime, Reference};
use crate::Error;
use serde::ser::{Serialize, Serializer};
use serde_json::Value;

mod access;
mod json;
mod secrets;

pub use json::{Json, MAX_DEPTH};

use crate::projection::Projection;
use secrets::{Hiding, Secrets};

/// Members of an object, in order.
type Members = Vec<(String, Json)>;

/// A resource read against [`ResourceSchemas`]: a JSON object with canonical attribute
/// names, checked types, and unassigned values removed.
///
/// ```
/// use scim::generic::{GenericResource, ResourceSchemas};
/// use serde_json::json;
///
/// let resource = GenericResource::from_json(
///     json!({"schemas": ["urn:example:Thing"], "COLOUR": "red", "size": null}),
///     ResourceSchemas::schemaless(),
/// )
/// .unwrap();
/// assert_eq!(
///     serde_json::to_value(&resource).unwrap(),
///     json!({"schemas": ["urn:example:Thing"], "COLOUR": "red"})
/// );
/// ```
#[derive(Clone, Debug)]
pub struct GenericResource {
    /// `schemas` first, then the attributes in input order.
    object: Members,
    /// What plain `Serialize` leaves out: the attributes the schemas never return.
    secrets: Secrets,
}

/// Two resources are equal when they hold the same attributes.
impl PartialEq for GenericResource {
    fn eq(&self, other: &Self) -> bool {
        self.object == other.object
    }
}

impl Eq for GenericResource {}

impl GenericResource {
    /// Checks `value` against `schemas`. Errors are SCIM errors whose detail names the
    /// attribute path (`emails[1].value`). A `Value` may already have lost number digits
    /// and merged repeated keys: read text with [`from_str`](Self::from_str) to keep them.
    pub fn from_json(value: Value, schemas: ResourceSchemas<'_>) -> Result<Self, Error> {
        Self::from_tree(Json::from_value(value), schemas)
    }

    /// Reads JSON text against `schemas`, losing nothing: numbers keep their text,
    /// attributes their order, and a name given twice (in any case) is an error.
    pub fn from_str(text: &str, schemas: ResourceSchemas<'_>) -> Result<Self, Error> {
        Self::from_tree(Json::parse(text)?, schemas)
    }

    /// Checks a [`Json`] tree against `schemas`.
    pub fn from_tree(value: Json, schemas: ResourceSchemas<'_>) -> Result<Self, Error> {
        let Json::Object(input) = value else {
            return Err(Error::invalid_syntax(format!(
                "a resource is a JSON object, not {}",
                value.kind()
            )));
        };
        let mut object = Members::new();
        let mut seen = SeenNames::default();
        let mut listed = None;
        for (key, value) in input {
            let key = unqualified(key, &schemas);
            check_unique(&mut seen, &key, "")?;
            if key.eq_ignore_ascii_case("schemas") {
                listed = Some(read_schemas(value, &schemas)?);
                continue;
            }
            if let Some(extension) = schemas.extension(&key) {
                if let Some(value) = read_object(value, &extension.attributes, &extension.id, ':')?
                {
                    object.push((extension.id.to_string(), value));
                }
                continue;
            }
            let attribute = schemas
                .core()
                .and_then(|core| core.attribute(&key))
                .or_else(|| find(COMMON_ATTRIBUTES, &key));
            let (name, value) = match attribute {
                Some(attribute) => (
                    attribute.name.to_string(),
                    read_attribute(value, attribute, &attribute.name)?,
                ),
                None => (key, unknown(value)),
            };
            if let Some(value) = value {
                object.push((name, value));
            }
        }
        let uris = schemas_present(&object, &schemas, listed.unwrap_or_default());
        if !uris.is_empty() {
            let uris = Json::Array(uris.into_iter().map(Json::String).collect());
            object.insert(0, ("schemas".to_owned(), uris));
        }
        Ok(GenericResource {
            object,
            secrets: Secrets::of(schemas),
        })
    }

    /// The resource in its safe form (as `Serialize` writes it: no attribute the schemas
    /// never return) as a [`serde_json::Value`]; see [`Json::to_value`] for what a
    /// `Value` cannot hold. Serialising [`RequestBody`](crate::RequestBody)`(&resource)`
    /// writes everything and loses nothing.
    pub fn to_json(&self) -> serde_json::Result<Value> {
        serde_json::to_value(self)
    }

    /// The attributes in order, `schemas` first.
    pub fn attributes(&self) -> &[(String, Json)] {
        &self.object
    }

    /// The attribute `name` (compared case-insensitively), if present.
    pub fn get(&self, name: &str) -> Option<&Json> {
        self.object
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
    }
}

impl GenericResource {
    /// The resource as a response returns it (RFC 7644 §3.4.2.5, §3.9): attributes kept
    /// or dropped by `projection` and their `returned` characteristic (`never` is always
    /// dropped, `always` always kept), empty extension objects dropped, and `schemas`
    /// listing what is left. Attributes no schema defines are `returned: default`
    /// (RFC 7643 §2.2).
    pub fn project(
        &self,
        schemas: ResourceSchemas<'_>,
        projection: &Projection,
    ) -> GenericResource {
        let core_id = schemas.core().map_or("", |core| core.id.as_ref());
        let core_attributes = schemas.core().map_or(&[][..], |core| &core.attributes[..]);
        let mut object = Members::new();
        for (name, value) in &self.object {
            if name == "schemas" {
                continue;
            }
            if let Some(extension) = schemas.extension(name) {
                let Json::Object(members) = value else {
                    continue;
                };
                let kept = project_members(
                    members,
                    &extension.attributes,
                    &extension.id,
                    false,
                    projection,
                );
                if !kept.is_empty() {
                    object.push((name.clone(), Json::Object(kept)));
                }
                continue;
            }
            let is_uri = name
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("urn:"));
            if is_uri && matches!(value, Json::Object(_)) {
                // An extension no schema describes: returned by default, as a whole.
                if projection.returns_unknown_extension(name) {
                    object.push((name.clone(), value.clone()));
                }
                continue;
            }
            let attribute = find(core_attributes, name).or_else(|| find(COMMON_ATTRIBUTES, name));
            if let Some(value) =
                project_attribute(name, value, attribute, core_id, true, projection)
            {
                object.push((name.clone(), value));
            }
        }
        let uris = schemas_present(&object, &schemas, self.listed_uris());
        if !uris.is_empty() {
            let uris = Json::Array(uris.into_iter().map(Json::String).collect());
            object.insert(0, ("schemas".to_owned(), uris));
        }
        GenericResource {
            object,
            secrets: Secrets::of(schemas),
        }
    }

    fn listed_uris(&self) -> Vec<String> {
        match self.get("schemas") {
            Some(Json::Array(items)) => items
                .iter()
                .filter_map(|item| match item {
                    Json::String(uri) => Some(uri.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

fn project_members(
    members: &[(String, Json)],
    attributes: &[Attribute],
    schema: &str,
    core: bool,
    projection: &Projection,
) -> Members {
    members
        .iter()
        .filter_map(|(name, value)| {
            let attribute = find(attributes, name);
            project_attribute(name, value, attribute, schema, core, projection)
                .map(|value| (name.clone(), value))
        })
        .collect()
}

/// The value of one top-level attribute as returned, or `None` when it is not.
fn project_attribute(
    name: &str,
    value: &Json,
    attribute: Option<&Attribute>,
    schema: &str,
    core: bool,
    projection: &Projection,
) -> Option<Json> {
    let defaulted;
    let attribute = match attribute {
        Some(attribute) => attribute,
        None => {
            // RFC 7643 §2.2 defaults for an attribute no schema defines.
            let mut unknown = Attribute::new("", AttributeType::String);
            unknown.name = name.to_owned().into();
            defaulted = unknown;
            &defaulted
        }
    };
    if !projection.returns(schema, core, attribute) {
        return None;
    }
    if attribute.kind != AttributeType::Complex {
        return Some(value.clone());
    }
    // A complex value left with no sub-attribute is unassigned (RFC 7643 §2.5): dropped,
    // and so is an attribute left with no value.
    let keep_subs = |value: &Json| -> Option<Json> {
        let Json::Object(members) = value else {
            return Some(value.clone());
        };
        let kept: Members = members
            .iter()
            .filter(|(sub_name, _)| match attribute.sub_attribute(sub_name) {
                Some(sub) => projection.returns_sub(schema, core, attribute, sub),
                None => {
                    let mut unknown = Attribute::new("", AttributeType::String);
                    unknown.name = sub_name.clone().into();
                    projection.returns_sub(schema, core, attribute, &unknown)
                }
            })
            .cloned()
            .collect();
        (!kept.is_empty()).then_some(Json::Object(kept))
    };
    match value {
        Json::Array(items) => {
            let kept: Vec<Json> = items.iter().filter_map(keep_subs).collect();
            (!kept.is_empty()).then_some(Json::Array(kept))
        }
        other => keep_subs(other),
    }
}

/// The safe form, as for typed models: every attribute but those the schemas never
/// return (`returned: never`, `writeOnly`, RFC 7643 §7), at any depth. Write
/// [`RequestBody`](crate::RequestBody)`(&resource)` for everything.
impl Serialize for GenericResource {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Hiding {
            members: &self.object,
            secrets: &self.secrets,
        }
        .serialize(serializer)
    }
}

/// `key` without the core schema's URI when it names a core or common attribute with it
/// as prefix (`urn:ietf:params:scim:schemas:core:2.0:User:userName`, RFC 7644 §3.10), as
/// the typed models read it.
fn unqualified(key: String, schemas: &ResourceSchemas) -> String {
    let Some(core) = schemas.core() else {
        return key;
    };
    let rest = key
        .get(..core.id.len())
        .filter(|prefix| prefix.eq_ignore_ascii_case(&core.id))
        .and_then(|_| key.get(core.id.len()..)?.strip_prefix(':'));
    match rest {
        Some(rest) if schemas.find(None, rest).is_some() => rest.to_owned(),
        _ => key,
    }
}

fn find<'a>(attributes: &'a [Attribute], name: &str) -> Option<&'a Attribute> {
    attributes
        .iter()
        .find(|attribute| attribute.name.eq_ignore_ascii_case(name))
}

/// The `schemas` a resource writes, as the typed models do (RFC 7643 §3): the core
/// schema, the extensions present, then the URI keys of unknown extension objects. With
/// no core schema known, the URIs listed in input are kept and unlisted URI keys added.
fn schemas_present(
    object: &Members,
    schemas: &ResourceSchemas,
    listed: Vec<String>,
) -> Vec<String> {
    let mut uris = match schemas.core() {
        Some(core) => vec![core.id.to_string()],
        None => listed,
    };
    let mut seen = SeenNames::default();
    for uri in &uris {
        seen.insert(uri);
    }
    for extension in schemas.extensions() {
        let present = object.iter().any(|(key, _)| key == extension.id.as_ref());
        if present && seen.insert(&extension.id) {
            uris.push(extension.id.to_string());
        }
    }
    for (key, value) in object {
        let is_uri = key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:"));
        let is_object = matches!(value, Json::Object(_));
        if is_uri && is_object && schemas.extension(key).is_none() && seen.insert(key) {
            uris.push(key.clone());
        }
    }
    uris
}

fn check_unique(seen: &mut SeenNames, key: &str, parent: &str) -> Result<(), Error> {
    if !seen.insert(key) {
        let path = if parent.is_empty() {
            key.to_owned()
        } else {
            format!("{parent}.{key}")
        };
        return Err(Error::invalid_syntax(format!(
            "{path}: the attribute is given more than once (names compare case-insensitively, RFC 7643 §2.1)"
        )));
    }
    Ok(())
}

fn read_schemas(value: Json, schemas: &ResourceSchemas) -> Result<Vec<String>, Error> {
    let Json::Array(items) = value else {
        return Err(Error::invalid_value(format!(
            "schemas: expected an array of schema URIs, found {}",
            value.kind()
        )));
    };
    let mut uris: Vec<String> = Vec::with_capacity(items.len());
    let mut seen = SeenNames::default();
    for (index, item) in items.into_iter().enumerate() {
        let Json::String(uri) = item else {
            return Err(Error::invalid_value(format!(
                "schemas[{index}]: expected a schema URI string, found {}",
                item.kind()
            )));
        };
        if !seen.insert(&uri) {
            return Err(Error::invalid_value(format!(
                "schemas[{index}]: `{uri}` is listed more than once (RFC 7643 §3)"
            )));
        }
        let canonical = schemas
            .core()
            .filter(|core| core.id.eq_ignore_ascii_case(&uri))
            .or_else(|| schemas.extension(&uri))
            .map(|schema| schema.id.to_string())
            .unwrap_or(uri);
        uris.push(canonical);
    }
    if let Some(core) = schemas.core() {
        if !uris.iter().any(|uri| uri.eq_ignore_ascii_case(&core.id)) {
            return Err(Error::invalid_value(format!(
                "schemas: does not name the resource's core schema `{}` (RFC 7643 §3)",
                core.id
            )));
        }
    }
    Ok(uris)
}

/// Reads a complex value (or an extension object) against its sub-attributes.
/// `separator` joins `path` and a sub-attribute name: `.` in a complex value, `:` after
/// an extension URI (RFC 7644 §3.10).
fn read_object(
    value: Json,
    attributes: &[Attribute],
    path: &str,
    separator: char,
) -> Result<Option<Json>, Error> {
    let input = match value {
        Json::Null => return Ok(None),
        Json::Object(input) => input,
        other => {
            return Err(Error::invalid_value(format!(
                "{path}: expected a JSON object, found {}",
                other.kind()
            )))
        }
    };
    let mut object = Members::new();
    let mut seen = SeenNames::default();
    for (key, value) in input {
        check_unique(&mut seen, &key, path)?;
        let (name, value) = match find(attributes, &key) {
            Some(attribute) => (
                attribute.name.to_string(),
                read_attribute(
                    value,
                    attribute,
                    &format!("{path}{separator}{}", attribute.name),
                )?,
            ),
            None => (key, unknown(value)),
        };
        if let Some(value) = value {
            object.push((name, value));
        }
    }
    Ok(Some(Json::Object(object)))
}

/// Reads `value` as the value(s) of `attribute`, errors naming `path`; `None` when
/// unassigned (RFC 7643 §2.5).
pub(crate) fn read_attribute(
    value: Json,
    attribute: &Attribute,
    path: &str,
) -> Result<Option<Json>, Error> {
    if !attribute.multi_valued {
        return read_single(value, attribute, path);
    }
    let items = match value {
        Json::Null => return Ok(None),
        Json::Array(items) => items,
        other => {
            return Err(Error::invalid_value(format!(
                "{path}: the attribute is multi-valued: expected a JSON array, found {}",
                other.kind()
            )))
        }
    };
    if items.is_empty() {
        return Ok(None);
    }
    let mut values = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let item_path = format!("{path}[{index}]");
        match read_single(item, attribute, &item_path)? {
            Some(value) => values.push(value),
            None => {
                return Err(Error::invalid_value(format!(
                    "{item_path}: a multi-valued attribute cannot hold null"
                )))
            }
        }
    }
    Ok(Some(Json::Array(values)))
}

fn read_single(value: Json, attribute: &Attribute, path: &str) -> Result<Option<Json>, Error> {
    if value == Json::Null {
        return Ok(None);
    }
    if attribute.kind == AttributeType::Complex {
        return read_object(value, &attribute.sub_attributes, path, '.');
    }
    let valid = match (&value, attribute.kind) {
        (Json::String(text), AttributeType::String) => {
            let canonical = attribute
                .canonical_values
                .iter()
                .find(|canonical| canonical.eq_ignore_ascii_case(text));
            if let Some(canonical) = canonical {
                return Ok(Some(Json::String(canonical.to_string())));
            }
            true
        }
        (Json::String(text), AttributeType::Reference) => {
            if let Err(error) = text.parse::<Reference>() {
                return Err(Error::invalid_value(format!(
                    "{path}: not a URI reference (RFC 7643 §2.3.7): {error}"
                )));
            }
            true
        }
        (Json::Bool(_), AttributeType::Boolean) => true,
        (Json::Number(_), AttributeType::Decimal) => true,
        (Json::Number(text), AttributeType::Integer) => text.parse::<i64>().is_ok(),
        (Json::String(text), AttributeType::DateTime) => {
            if let Err(error) = text.parse::<DateTime>() {
                return Err(Error::invalid_value(format!(
                    "{path}: not an xsd:dateTime (RFC 7643 §2.3.5): {error}"
                )));
            }
            true
        }
        (Json::String(text), AttributeType::Binary) => {
            if let Err(error) = text.parse::<Binary>() {
                return Err(Error::invalid_value(format!(
                    "{path}: not base64 (RFC 7643 §2.3.6): {error}"
                )));
            }
            true
        }
        _ => false,
    };
    if valid {
        Ok(Some(value))
    } else {
        Err(Error::invalid_value(format!(
            "{path}: expected {}, found {}",
            expected(attribute.kind),
            value.kind()
        )))
    }
}

/// An attribute no schema defines: kept as it is, unless unassigned (RFC 7643 §2.5).
fn unknown(value: Json) -> Option<Json> {
    (!value.is_unassigned()).then_some(value)
}

fn expected(kind: AttributeType) -> &'static str {
    match kind {
        AttributeType::String => "a string",
        AttributeType::Boolean => "a boolean (true or false)",
        AttributeType::Decimal => "a decimal number",
        AttributeType::Integer => "a 64-bit integer (no fraction or exponent, RFC 7643 §2.3.4)",
        AttributeType::DateTime => "a dateTime string",
        AttributeType::Binary => "a base64 string",
        AttributeType::Reference => "a URI reference string",
        AttributeType::Complex => "a JSON object",
    }
}
