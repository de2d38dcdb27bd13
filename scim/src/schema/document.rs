//! Turns one parsed JSON document into Schema (RFC 7643 §7) and ResourceType
//! (RFC 7643 §6) models, checking every rule and collecting every problem.
//!
//! Keys are attribute names and so compared case-insensitively (RFC 7643 §2.1); a JSON
//! `null` counts as an omitted characteristic (RFC 7643 §2.5), which then takes its
//! RFC 7643 §2.2 default.

use std::borrow::Cow;
use std::collections::hash_map::{Entry, HashMap};

use super::diagnostic::{Diagnostic, Location};
use super::model::{
    Attribute, AttributeType, Mutability, ResourceType, Returned, Schema, SchemaExtension,
    Uniqueness,
};
use super::spanned::{Member, Node, Value};

/// The URN in `schemas` of a Schema resource (RFC 7643 §7).
pub(crate) const SCHEMA_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";
/// The URN in `schemas` of a ResourceType resource (RFC 7643 §6).
pub(crate) const RESOURCE_TYPE_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
/// The URN in `schemas` of a ListResponse (RFC 7644 §3.4.2).
pub(crate) const LIST_RESPONSE_URN: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

const SCHEMA_KEYS: &[&str] = &["id", "name", "description", "attributes", "schemas", "meta"];
const ATTRIBUTE_KEYS: &[&str] = &[
    "name",
    "type",
    "multiValued",
    "description",
    "required",
    "canonicalValues",
    "caseExact",
    "mutability",
    "returned",
    "uniqueness",
    "referenceTypes",
    "subAttributes",
];
const RESOURCE_TYPE_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "endpoint",
    "schema",
    "schemaExtensions",
    "schemas",
    "meta",
];
/// How deep attribute definitions may nest. RFC 7643 §2.3.8 allows two levels and the
/// Schema schema (§7) three; the limit keeps the recursion of the checks bounded.
const MAX_ATTRIBUTE_DEPTH: usize = 32;
const EXTENSION_KEYS: &[&str] = &["schema", "required"];

/// A schema found in a document, with what the cross-input checks need.
pub(crate) struct FoundSchema {
    pub(crate) schema: Schema,
    /// Where the `id` value is, when the schema has one.
    pub(crate) id_at: Option<Location>,
    /// Where each named attribute is: its dotted path as the schema spells it
    /// (`name.givenName`) and the position of its `name` value.
    pub(crate) attributes_at: Vec<(String, Location)>,
}

/// A resource type found in a document, with what the cross-input checks need.
pub(crate) struct FoundResourceType {
    pub(crate) resource_type: ResourceType,
    /// Where the `name` value is, when the resource type has one.
    pub(crate) name_at: Option<Location>,
    /// Every schema URI it names: (key path, URI, where the value is).
    pub(crate) references: Vec<(String, String, Location)>,
}

/// Everything found in one document.
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) schemas: Vec<FoundSchema>,
    pub(crate) resource_types: Vec<FoundResourceType>,
}

/// Collects the diagnostics of one input.
pub(crate) struct Report<'a> {
    pub(crate) file: &'a str,
    pub(crate) diagnostics: &'a mut Vec<Diagnostic>,
}

impl Report<'_> {
    pub(crate) fn error(
        &mut self,
        location: Option<Location>,
        schema: Option<&str>,
        path: &str,
        message: String,
    ) {
        self.diagnostics.push(Diagnostic {
            file: self.file.to_owned(),
            location,
            schema: schema.map(str::to_owned),
            path: path.to_owned(),
            message,
        });
    }
}

/// Reads every Schema and ResourceType of a parsed document: one resource, a JSON
/// array of them (as RFC 7643 §8.7 prints them), or a ListResponse (RFC 7644 §3.4.2)
/// saved from a `/Schemas` or `/ResourceTypes` endpoint.
pub(crate) fn read_document(root: &Node, report: &mut Report<'_>) -> Found {
    let mut found = Found::default();
    match &root.value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                read_resource(item, &format!("[{index}]"), report, &mut found);
            }
        }
        Value::Object(members) if is_list_response(members) => {
            let resources = members
                .iter()
                .find(|member| member.key.eq_ignore_ascii_case("Resources"));
            match resources.map(|member| &member.value) {
                None => {}
                Some(Node {
                    value: Value::Null, ..
                }) => {}
                Some(Node {
                    value: Value::Array(items),
                    ..
                }) => {
                    for (index, item) in items.iter().enumerate() {
                        read_resource(item, &format!("Resources[{index}]"), report, &mut found);
                    }
                }
                Some(other) => report.error(
                    Some(other.at),
                    None,
                    "Resources",
                    format!("\"Resources\" must be an array, not {}", other.value.kind()),
                ),
            }
        }
        Value::Object(_) => read_resource(root, "", report, &mut found),
        other => report.error(
            Some(root.at),
            None,
            "",
            format!(
                "expected a Schema or ResourceType object, a JSON array of them, \
                 or a ListResponse; found {}",
                other.kind()
            ),
        ),
    }
    found
}

fn member<'n>(members: &'n [Member], key: &str) -> Option<&'n Member> {
    members
        .iter()
        .find(|member| member.key.eq_ignore_ascii_case(key))
}

/// The strings of a `schemas` value (an array of strings, or leniently one string).
fn schema_uris(members: &[Member]) -> Vec<&str> {
    match member(members, "schemas").map(|member| &member.value.value) {
        Some(Value::String(uri)) => vec![uri.as_str()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| match &item.value {
                Value::String(uri) => Some(uri.as_str()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn is_list_response(members: &[Member]) -> bool {
    schema_uris(members)
        .iter()
        .any(|uri| uri.eq_ignore_ascii_case(LIST_RESPONSE_URN))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Schema,
    ResourceType,
}

/// Decides what a resource object is: by its `schemas`, else by `meta.resourceType`,
/// else by its keys (`attributes` for a Schema, `endpoint` for a ResourceType).
fn classify(members: &[Member]) -> Option<Kind> {
    let uris = schema_uris(members);
    let names_schema = uris.iter().any(|uri| uri.eq_ignore_ascii_case(SCHEMA_URN));
    let names_resource_type = uris
        .iter()
        .any(|uri| uri.eq_ignore_ascii_case(RESOURCE_TYPE_URN));
    match (names_schema, names_resource_type) {
        (true, false) => return Some(Kind::Schema),
        (false, true) => return Some(Kind::ResourceType),
        _ => {}
    }
    let meta_type = member(members, "meta").and_then(|meta| match &meta.value.value {
        Value::Object(meta) => match member(meta, "resourceType").map(|m| &m.value.value) {
            Some(Value::String(kind)) => Some(kind.as_str()),
            _ => None,
        },
        _ => None,
    });
    match meta_type {
        Some(kind) if kind.eq_ignore_ascii_case("Schema") => return Some(Kind::Schema),
        Some(kind) if kind.eq_ignore_ascii_case("ResourceType") => return Some(Kind::ResourceType),
        _ => {}
    }
    match (
        member(members, "attributes").is_some(),
        member(members, "endpoint").is_some(),
    ) {
        (true, false) => Some(Kind::Schema),
        (false, true) => Some(Kind::ResourceType),
        _ => None,
    }
}

fn read_resource(node: &Node, path: &str, report: &mut Report<'_>, found: &mut Found) {
    let Value::Object(members) = &node.value else {
        report.error(
            Some(node.at),
            None,
            path,
            format!(
                "expected a Schema or ResourceType object, found {}",
                node.value.kind()
            ),
        );
        return;
    };
    match classify(members) {
        Some(Kind::Schema) => found.schemas.push(read_schema(node.at, members, report)),
        Some(Kind::ResourceType) => found
            .resource_types
            .push(read_resource_type(node.at, members, report)),
        None => {
            let both =
                member(members, "attributes").is_some() && member(members, "endpoint").is_some();
            let message = if both {
                "cannot tell a Schema from a ResourceType: the object has both \"attributes\" \
                 and \"endpoint\"; name one of their URNs in \"schemas\""
            } else {
                "not a Schema or ResourceType: expected \"attributes\" (a Schema, RFC 7643 §7), \
                 \"endpoint\" (a ResourceType, RFC 7643 §6), or \"schemas\" naming one of their URNs"
            };
            report.error(Some(node.at), None, path, message.to_owned());
            if !both {
                let mut keys = SCHEMA_KEYS.to_vec();
                keys.extend_from_slice(RESOURCE_TYPE_KEYS);
                Fields::new(members, &keys, report, None, path);
            }
        }
    }
}

/// The known keys of one object, looked up case-insensitively. Building it reports
/// keys that appear twice and unknown keys that look like typos of known ones.
struct Fields<'n> {
    known: &'n [&'n str],
    found: Vec<Option<&'n Member>>,
}

impl<'n> Fields<'n> {
    fn new(
        members: &'n [Member],
        known: &'n [&'n str],
        report: &mut Report<'_>,
        schema: Option<&str>,
        path: &str,
    ) -> Self {
        let mut found: Vec<Option<&Member>> = vec![None; known.len()];
        for member in members {
            let slot = known
                .iter()
                .position(|key| key.eq_ignore_ascii_case(&member.key))
                .and_then(|index| found.get_mut(index));
            match slot {
                Some(Some(first)) => report.error(
                    Some(member.key_at),
                    schema,
                    path,
                    format!(
                        "key \"{}\" repeats \"{}\" at {} (keys are case-insensitive, RFC 7643 §2.1)",
                        member.key, first.key, first.key_at
                    ),
                ),
                Some(slot) => *slot = Some(member),
                None => {
                    if let Some(intended) = probable_typo(&member.key, known) {
                        report.error(
                            Some(member.key_at),
                            schema,
                            path,
                            format!(
                                "unknown key \"{}\"; did you mean \"{intended}\"?",
                                member.key
                            ),
                        );
                    }
                }
            }
        }
        Fields { known, found }
    }

    /// The member for `key` (one of the known keys), if present and not `null`.
    fn get(&self, key: &str) -> Option<&'n Member> {
        let index = self.known.iter().position(|known| *known == key)?;
        let member = self.found.get(index).copied().flatten()?;
        match member.value.value {
            Value::Null => None,
            _ => Some(member),
        }
    }
}

/// The known key that `key` is probably a misspelling of: within edit distance 2 for
/// long keys, 1 for keys of four or five letters, none for shorter ones (so that
/// vendor keys such as `uri` are not taken for `id`).
fn probable_typo<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let key = key.to_ascii_lowercase();
    known
        .iter()
        .filter_map(|candidate| {
            let allowed = match candidate.len() {
                0..=3 => 0,
                4..=5 => 1,
                _ => 2,
            };
            let distance = edit_distance(&key, &candidate.to_ascii_lowercase(), allowed)?;
            (distance <= allowed).then_some((distance, *candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The optimal-string-alignment distance (insertions, deletions, substitutions and
/// transpositions of adjacent characters), or `None` when it is certainly above `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit || a.len() > 64 {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for j in 0..width {
        rows[at(0, j)] = j;
    }
    for i in 1..=a.len() {
        rows[at(i, 0)] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[at(i - 1, j)] + 1)
                .min(rows[at(i, j - 1)] + 1)
                .min(rows[at(i - 1, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[at(i - 2, j - 2)] + 1);
            }
            rows[at(i, j)] = best;
        }
    }
    Some(rows[at(a.len(), b.len())])
}

/// Typed reads of characteristic values, each reporting a wrong JSON type.
struct Reader<'r, 'a> {
    report: &'r mut Report<'a>,
    schema: Option<&'r str>,
    path: &'r str,
}

impl Reader<'_, '_> {
    fn wrong_type(&mut self, member: &Member, expected: &str) {
        let message = format!(
            "\"{}\" must be {expected}, not {}",
            member.key,
            member.value.value.kind()
        );
        self.report
            .error(Some(member.value.at), self.schema, self.path, message);
    }

    fn string(&mut self, member: Option<&Member>) -> Option<String> {
        let member = member?;
        match &member.value.value {
            Value::String(text) => Some(text.clone()),
            _ => {
                self.wrong_type(member, "a string");
                None
            }
        }
    }

    fn boolean(&mut self, member: Option<&Member>) -> Option<bool> {
        let member = member?;
        match member.value.value {
            Value::Bool(value) => Some(value),
            _ => {
                self.wrong_type(member, "a boolean (true or false)");
                None
            }
        }
    }

    fn array<'n>(&mut self, member: Option<&'n Member>) -> Option<&'n [Node]> {
        let member = member?;
        match &member.value.value {
            Value::Array(items) => Some(items),
            _ => {
                self.wrong_type(member, "an array");
                None
            }
        }
    }

    /// An array of strings; items of another type are reported and skipped.
    fn strings(&mut self, member: Option<&Member>) -> Option<Vec<Cow<'static, str>>> {
        let member = member?;
        let items = self.array(Some(member))?;
        let mut strings = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match &item.value {
                Value::String(text) => strings.push(Cow::Owned(text.clone())),
                other => {
                    let message = format!(
                        "\"{}\"[{index}] must be a string, not {}",
                        member.key,
                        other.kind()
                    );
                    self.report
                        .error(Some(item.at), self.schema, self.path, message);
                }
            }
        }
        Some(strings)
    }

    /// A keyword of `T`, compared case-insensitively and stored canonical.
    fn keyword<T: Copy + std::fmt::Display>(
        &mut self,
        member: Option<&Member>,
        what: &str,
        all: &[T],
        parse: fn(&str) -> Option<T>,
    ) -> Result<Option<T>, ()> {
        let Some(member) = member else {
            return Ok(None);
        };
        let Some(text) = self.string(Some(member)) else {
            return Err(());
        };
        if let Some(value) = parse(&text) {
            return Ok(Some(value));
        }
        let names: Vec<String> = all.iter().map(ToString::to_string).collect();
        let candidates: Vec<&str> = names.iter().map(String::as_str).collect();
        let hint = probable_typo(&text, &candidates)
            .map(|intended| format!(" (did you mean \"{intended}\"?)"))
            .unwrap_or_default();
        let message = format!(
            "unknown {what} \"{text}\"{hint}; valid values are {}",
            candidates.join(", ")
        );
        self.report
            .error(Some(member.value.at), self.schema, self.path, message);
        Err(())
    }
}

fn read_schema(at: Location, members: &[Member], report: &mut Report<'_>) -> FoundSchema {
    // The id first, so that every other diagnostic can name the schema.
    let id_member = member(members, "id").filter(|m| !matches!(m.value.value, Value::Null));
    let id = match id_member.map(|m| &m.value.value) {
        Some(Value::String(id)) if !id.is_empty() => Some(id.clone()),
        _ => None,
    };
    let schema_id = id.as_deref();
    let fields = Fields::new(members, SCHEMA_KEYS, report, schema_id, "");
    let mut reader = Reader {
        report,
        schema: schema_id,
        path: "",
    };
    let mut id_at = None;
    match fields.get("id") {
        None => reader.report.error(
            Some(at),
            None,
            "",
            "missing \"id\" (the schema URI)".to_owned(),
        ),
        Some(member) => match &member.value.value {
            Value::String(text) if text.is_empty() => {
                reader.report.error(
                    Some(member.value.at),
                    None,
                    "",
                    "\"id\" must not be empty".to_owned(),
                );
            }
            Value::String(_) => id_at = Some(member.value.at),
            _ => reader.wrong_type(member, "a string"),
        },
    }
    let name = reader.string(fields.get("name"));
    let description = reader.string(fields.get("description"));
    let items = reader.array(fields.get("attributes")).unwrap_or_default();
    let mut context = SchemaContext {
        id: schema_id,
        allows_nested_complex: schema_id.is_some_and(|id| id.eq_ignore_ascii_case(SCHEMA_URN)),
        attributes_at: Vec::new(),
    };
    let attributes = read_attributes(items, "", "attributes", 0, &mut context, report);
    let attributes_at = context.attributes_at;
    FoundSchema {
        schema: Schema {
            id: Cow::Owned(id.unwrap_or_default()),
            name: name.map(Cow::Owned),
            description: description.map(Cow::Owned),
            attributes: Cow::Owned(attributes),
        },
        id_at,
        attributes_at,
    }
}

struct SchemaContext<'s> {
    id: Option<&'s str>,
    /// RFC 7643 §7: the Schema schema itself may nest complex attributes.
    allows_nested_complex: bool,
    /// Where each named attribute read so far is, by its dotted path.
    attributes_at: Vec<(String, Location)>,
}

/// Reads sibling attribute definitions and reports duplicate names among them.
fn read_attributes(
    items: &[Node],
    parent: &str,
    key: &str,
    depth: usize,
    context: &mut SchemaContext<'_>,
    report: &mut Report<'_>,
) -> Vec<Attribute> {
    let mut attributes = Vec::with_capacity(items.len());
    // The first of each name, keyed by its ASCII lowercase form (RFC 7643 §2.1), so
    // that checking thousands of siblings stays linear.
    let mut names: HashMap<String, (String, Location)> = HashMap::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let fallback = if parent.is_empty() {
            format!("{key}[{index}]")
        } else {
            format!("{parent}.{key}[{index}]")
        };
        let Value::Object(members) = &item.value else {
            report.error(
                Some(item.at),
                context.id,
                &fallback,
                format!(
                    "an attribute definition must be an object, not {}",
                    item.value.kind()
                ),
            );
            continue;
        };
        let (attribute, name_at) =
            read_attribute(item.at, members, parent, &fallback, depth, context, report);
        if let Some(name_at) = name_at {
            let path = join(parent, &attribute.name);
            match names.entry(attribute.name.to_ascii_lowercase()) {
                Entry::Occupied(entry) => {
                    let (first, first_at) = entry.get();
                    report.error(
                        Some(name_at),
                        context.id,
                        &path,
                        format!(
                            "duplicate attribute name \"{}\": \"{first}\" is defined at \
                             {first_at} (names are case-insensitive, RFC 7643 §2.1)",
                            attribute.name
                        ),
                    );
                }
                Entry::Vacant(entry) => {
                    entry.insert((attribute.name.to_string(), name_at));
                }
            }
            context.attributes_at.push((path, name_at));
        }
        attributes.push(attribute);
    }
    attributes
}

/// The type keyword with its indefinite article, for messages: `a string`,
/// `an integer`. Every RFC 7643 §2.3 type keyword is pronounced as spelt, so the
/// first letter decides.
fn with_article(kind: AttributeType) -> String {
    let word = kind.to_string();
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}

fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// Whether `name` is an RFC 7643 §2.1 ATTRNAME: `ALPHA *("$" / "-" / "_" / DIGIT /
/// ALPHA)`, or `$ref`, which the ABNF misses (erratum 8924).
pub(crate) fn is_attribute_name(name: &str) -> bool {
    if name.eq_ignore_ascii_case("$ref") {
        return true;
    }
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '$' | '-' | '_'))
}

/// Reads one attribute definition; returns it (with defaults where a value was bad)
/// and where its name is, when it has a usable one.
fn read_attribute(
    at: Location,
    members: &[Member],
    parent: &str,
    fallback: &str,
    depth: usize,
    context: &mut SchemaContext<'_>,
    report: &mut Report<'_>,
) -> (Attribute, Option<Location>) {
    // The name first, so that every other diagnostic has the attribute path.
    let raw_name = match member(members, "name").map(|m| &m.value.value) {
        Some(Value::String(name)) => Some(name.clone()),
        _ => None,
    };
    let path = match &raw_name {
        Some(name) => join(parent, name),
        None => fallback.to_owned(),
    };
    let fields = Fields::new(members, ATTRIBUTE_KEYS, report, context.id, &path);
    let mut reader = Reader {
        report,
        schema: context.id,
        path: &path,
    };

    let mut name_at = None;
    match fields.get("name") {
        None => reader.report.error(
            Some(at),
            context.id,
            &path,
            "missing \"name\" of the attribute".to_owned(),
        ),
        Some(member) => match &member.value.value {
            Value::String(name) if !is_attribute_name(name) => reader.report.error(
                Some(member.value.at),
                context.id,
                &path,
                format!(
                    "invalid attribute name \"{name}\": an ATTRNAME is a letter followed by \
                     letters, digits, \"$\", \"-\" or \"_\" (RFC 7643 §2.1)"
                ),
            ),
            Value::String(_) => name_at = Some(member.value.at),
            _ => reader.wrong_type(member, "a string"),
        },
    }

    let type_member = fields.get("type");
    // `None` when the type is unusable: the checks that depend on it are skipped.
    let kind = match reader.keyword(
        type_member,
        "type",
        AttributeType::ALL,
        AttributeType::parse,
    ) {
        Ok(kind) => Some(kind.unwrap_or(AttributeType::String)),
        Err(()) => None,
    };
    let multi_valued = reader.boolean(fields.get("multiValued"));
    let description = reader.string(fields.get("description"));
    let required = reader.boolean(fields.get("required"));
    let canonical_values = reader.strings(fields.get("canonicalValues"));
    let case_exact = reader.boolean(fields.get("caseExact"));
    let mutability = reader
        .keyword(
            fields.get("mutability"),
            "mutability",
            Mutability::ALL,
            Mutability::parse,
        )
        .ok()
        .flatten();
    let returned = reader
        .keyword(
            fields.get("returned"),
            "returned",
            Returned::ALL,
            Returned::parse,
        )
        .ok()
        .flatten();
    let uniqueness = reader
        .keyword(
            fields.get("uniqueness"),
            "uniqueness",
            Uniqueness::ALL,
            Uniqueness::parse,
        )
        .ok()
        .flatten();
    let reference_types = reader.strings(fields.get("referenceTypes"));
    let sub_member = fields.get("subAttributes");
    let sub_items = reader.array(sub_member);

    if let Some(kind) = kind {
        let kind_at = type_member.map_or(at, |member| member.value.at);
        if let (Some(member), Some(values)) = (fields.get("canonicalValues"), &canonical_values) {
            if !values.is_empty() && !kind.allows_canonical_values() {
                reader.report.error(
                    Some(member.key_at),
                    context.id,
                    &path,
                    format!(
                        "\"canonicalValues\" on {} attribute: only string attributes \
                         may have canonical values",
                        with_article(kind)
                    ),
                );
            }
        }
        if let (Some(member), Some(values)) = (fields.get("referenceTypes"), &reference_types) {
            if !values.is_empty() && !kind.allows_reference_types() {
                reader.report.error(
                    Some(member.key_at),
                    context.id,
                    &path,
                    format!(
                        "\"referenceTypes\" on {} attribute: only reference attributes \
                         have reference types (RFC 7643 §7)",
                        with_article(kind)
                    ),
                );
            }
        }
        if kind == AttributeType::Complex {
            if sub_items.is_some_and(<[Node]>::is_empty) {
                if let Some(member) = sub_member {
                    reader.report.error(
                        Some(member.key_at),
                        context.id,
                        &path,
                        "complex attribute with an empty \"subAttributes\" list \
                         (RFC 7643 §2.3.8: a complex value is made of sub-attributes)"
                            .to_owned(),
                    );
                }
            } else if sub_member.is_none() {
                reader.report.error(
                    Some(kind_at),
                    context.id,
                    &path,
                    "complex attribute without \"subAttributes\" \
                     (RFC 7643 §2.3.8: a complex value is made of sub-attributes)"
                        .to_owned(),
                );
            }
            if depth > 0 && !context.allows_nested_complex {
                reader.report.error(
                    Some(kind_at),
                    context.id,
                    &path,
                    "complex sub-attribute of a complex attribute: RFC 7643 §2.3.8 forbids \
                     sub-attributes that have sub-attributes"
                        .to_owned(),
                );
            }
        } else if let (Some(member), Some([_, ..])) = (sub_member, sub_items) {
            reader.report.error(
                Some(member.key_at),
                context.id,
                &path,
                format!(
                    "\"subAttributes\" on {} attribute: only complex attributes have \
                     sub-attributes (RFC 7643 §2.3.8)",
                    with_article(kind)
                ),
            );
        }
    }

    let sub_attributes = match sub_items {
        Some(_) if depth + 1 >= MAX_ATTRIBUTE_DEPTH => {
            if let Some(member) = sub_member {
                report.error(
                    Some(member.key_at),
                    context.id,
                    &path,
                    format!(
                        "sub-attributes nested {MAX_ATTRIBUTE_DEPTH} levels deep; \
                         deeper levels are not read"
                    ),
                );
            }
            Vec::new()
        }
        Some(items) => read_attributes(items, &path, "subAttributes", depth + 1, context, report),
        None => Vec::new(),
    };
    let attribute = Attribute {
        name: Cow::Owned(raw_name.unwrap_or_default()),
        kind: kind.unwrap_or(AttributeType::String),
        multi_valued: multi_valued.unwrap_or(false),
        description: description.map(Cow::Owned),
        required: required.unwrap_or(false),
        canonical_values: Cow::Owned(canonical_values.unwrap_or_default()),
        case_exact: case_exact.unwrap_or(false),
        mutability: mutability.unwrap_or(Mutability::ReadWrite),
        returned: returned.unwrap_or(Returned::Default),
        uniqueness: uniqueness.unwrap_or(Uniqueness::None),
        reference_types: Cow::Owned(reference_types.unwrap_or_default()),
        sub_attributes: Cow::Owned(sub_attributes),
    };
    (attribute, name_at)
}

fn read_resource_type(
    at: Location,
    members: &[Member],
    report: &mut Report<'_>,
) -> FoundResourceType {
    let schema = Some(RESOURCE_TYPE_URN);
    let fields = Fields::new(members, RESOURCE_TYPE_KEYS, report, schema, "");
    let mut references = Vec::new();

    let required_string = |key: &str, report: &mut Report<'_>| -> Option<(String, Location)> {
        let Some(member) = fields.get(key) else {
            report.error(Some(at), schema, key, format!("missing \"{key}\""));
            return None;
        };
        match &member.value.value {
            Value::String(text) if text.is_empty() => {
                report.error(
                    Some(member.value.at),
                    schema,
                    key,
                    format!("\"{key}\" must not be empty"),
                );
                None
            }
            Value::String(text) => Some((text.clone(), member.value.at)),
            other => {
                report.error(
                    Some(member.value.at),
                    schema,
                    key,
                    format!("\"{key}\" must be a string, not {}", other.kind()),
                );
                None
            }
        }
    };
    let name = required_string("name", report);
    let endpoint = required_string("endpoint", report);
    let core = required_string("schema", report);
    if let Some((uri, uri_at)) = &core {
        references.push(("schema".to_owned(), uri.clone(), *uri_at));
    }

    let mut reader = Reader {
        report,
        schema,
        path: "id",
    };
    let id = reader.string(fields.get("id"));
    reader.path = "description";
    let description = reader.string(fields.get("description"));
    reader.path = "schemaExtensions";
    let items = reader
        .array(fields.get("schemaExtensions"))
        .unwrap_or_default();

    let mut extensions = Vec::with_capacity(items.len());
    // Each extension URI seen so far, ASCII lowercased, with where it is.
    let mut seen: HashMap<String, Location> = HashMap::with_capacity(items.len());
    let core_uri = core.as_ref().map(|(uri, _)| uri.as_str());
    for (index, item) in items.iter().enumerate() {
        let path = format!("schemaExtensions[{index}]");
        let Value::Object(members) = &item.value else {
            report.error(
                Some(item.at),
                schema,
                &path,
                format!(
                    "a schema extension must be an object, not {}",
                    item.value.kind()
                ),
            );
            continue;
        };
        let fields = Fields::new(members, EXTENSION_KEYS, report, schema, &path);
        let schema_path = format!("{path}.schema");
        let uri = match fields.get("schema") {
            None => {
                report.error(
                    Some(item.at),
                    schema,
                    &schema_path,
                    "missing \"schema\" (the extension's schema URI)".to_owned(),
                );
                None
            }
            Some(member) => match &member.value.value {
                Value::String(uri) => {
                    let uri_at = member.value.at;
                    match listed_before(uri, uri_at, core_uri, &mut seen) {
                        Some(message) => {
                            report.error(Some(uri_at), schema, &schema_path, message);
                            None
                        }
                        None => {
                            references.push((schema_path.clone(), uri.clone(), uri_at));
                            Some(uri.clone())
                        }
                    }
                }
                other => {
                    report.error(
                        Some(member.value.at),
                        schema,
                        &schema_path,
                        format!("\"schema\" must be a string, not {}", other.kind()),
                    );
                    None
                }
            },
        };
        let required_path = format!("{path}.required");
        let mut reader = Reader {
            report,
            schema,
            path: &required_path,
        };
        let required = reader.boolean(fields.get("required")).unwrap_or(false);
        if let Some(uri) = uri {
            extensions.push(SchemaExtension {
                schema: Cow::Owned(uri),
                required,
            });
        }
    }

    let (name, name_at) = match name {
        Some((name, name_at)) => (name, Some(name_at)),
        None => (String::new(), None),
    };
    FoundResourceType {
        resource_type: ResourceType {
            id: id.map(Cow::Owned),
            name: Cow::Owned(name),
            description: description.map(Cow::Owned),
            endpoint: Cow::Owned(endpoint.map(|(endpoint, _)| endpoint).unwrap_or_default()),
            schema: Cow::Owned(core.map(|(uri, _)| uri).unwrap_or_default()),
            schema_extensions: Cow::Owned(extensions),
        },
        name_at,
        references,
    }
}

/// Why the extension `uri` (at `at`) of a resource type whose core schema is `core`
/// must not be listed: it is the core schema itself, or an extension `seen` before
/// (RFC 7643 §6). Otherwise records it in `seen` and returns `None`. Schema URIs
/// compare case-insensitively, as schema ids do.
fn listed_before(
    uri: &str,
    at: Location,
    core: Option<&str>,
    seen: &mut HashMap<String, Location>,
) -> Option<String> {
    if core.is_some_and(|core| core.eq_ignore_ascii_case(uri)) {
        return Some(format!(
            "the core schema \"{uri}\" is also listed as an extension of itself; \
             \"schemaExtensions\" lists only schemas that extend it (RFC 7643 §6)"
        ));
    }
    match seen.entry(uri.to_ascii_lowercase()) {
        Entry::Occupied(first) => Some(format!(
            "schema extension \"{uri}\" is listed twice: first at {} (URIs compare \
             case-insensitively; a resource's \"schemas\" must not repeat a value, RFC 7643 §3)",
            first.get()
        )),
        Entry::Vacant(slot) => {
            slot.insert(at);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_a_transposition_as_one() {
        assert_eq!(edit_distance("tpye", "type", 2), Some(1));
        assert_eq!(edit_distance("mutabilty", "mutability", 2), Some(1));
        assert_eq!(edit_distance("abc", "abcdef", 2), None);
    }

    #[test]
    fn probable_typo_scales_the_distance_with_the_key_length() {
        assert_eq!(
            probable_typo("mutabilty", ATTRIBUTE_KEYS),
            Some("mutability")
        );
        assert_eq!(
            probable_typo("MULTIVALUE", ATTRIBUTE_KEYS),
            Some("multiValued")
        );
        assert_eq!(probable_typo("tpye", ATTRIBUTE_KEYS), Some("type"));
        assert_eq!(probable_typo("uri", SCHEMA_KEYS), None);
        assert_eq!(probable_typo("pattern", ATTRIBUTE_KEYS), None);
        assert_eq!(probable_typo("ty", ATTRIBUTE_KEYS), None);
    }

    #[test]
    fn only_integer_of_the_type_keywords_takes_the_article_an() {
        let named: Vec<String> = AttributeType::ALL
            .iter()
            .map(|kind| with_article(*kind))
            .collect();
        assert_eq!(
            named,
            [
                "a string",
                "a boolean",
                "a decimal",
                "an integer",
                "a dateTime",
                "a binary",
                "a reference",
                "a complex",
            ]
        );
    }

    #[test]
    fn attribute_names_follow_attrname() {
        for name in [
            "userName",
            "a",
            "x509Certificates",
            "a-b_c$d",
            "$ref",
            "$REF",
        ] {
            assert!(is_attribute_name(name), "{name}");
        }
        for name in ["", "1st", "_a", "-a", "$x", "given name", "näme", "a.b"] {
            assert!(!is_attribute_name(name), "{name}");
        }
    }
}
