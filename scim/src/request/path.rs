//! Attribute paths (RFC 7644 §3.10) found in a resource's schemas, PATCH paths (§3.5.2
//! Figure 7), and the attribute names of filters (§3.4.2.2).

use crate::access::Slot;
use crate::filter::{AttrPath, Filter, MAX_LEN};
use crate::schema::{text, Attribute, AttributeType, Found, ResourceSchemas, Schema};
use crate::Error;
use std::borrow::Cow;

/// What an attribute path names.
#[derive(Clone, Copy, Debug)]
pub(super) enum Resolved<'s> {
    /// A whole schema, named by its URI: an extension object, or the core schema.
    Schema(Slot<'s>),
    /// An attribute, and the sub-attribute the path names after a `.`.
    Attribute {
        /// The attribute.
        found: Found<'s>,
        /// The sub-attribute.
        sub: Option<&'s Attribute>,
    },
}

/// The outcome of looking a path up.
pub(super) enum Lookup<'s> {
    /// The path names this.
    Found(Resolved<'s>),
    /// The path is well formed, but the schemas define no such attribute.
    Unknown,
    /// The path is not in attribute notation; why.
    Malformed(String),
}

/// Whether `text` is longer than [`MAX_LEN`] characters: the longest attribute path or
/// PATCH path the rules read, as for filters. The byte length is a cheap bound first, so
/// that a huge text is not counted character by character.
fn too_long(text: &str) -> bool {
    text.len() > 4 * MAX_LEN || text.chars().count() > MAX_LEN
}

fn too_long_reason() -> String {
    format!("the path is longer than {MAX_LEN} characters")
}

/// Looks up `text`: `[URI ":"] name ["." sub]` (RFC 7644 §3.10), or a schema URI alone.
/// Names and URIs compare case-insensitively. A path longer than [`MAX_LEN`] characters
/// is malformed.
pub(super) fn resolve<'s>(schemas: ResourceSchemas<'s>, text: &str) -> Lookup<'s> {
    if too_long(text) {
        return Lookup::Malformed(too_long_reason());
    }
    let (slot, rest) = match schema_prefix(schemas, text) {
        Some((slot, None)) => return Lookup::Found(Resolved::Schema(slot)),
        Some((slot, Some(rest))) => (slot, rest),
        None if is_urn(text) => {
            // A URI no schema of the resource has: the attribute is unknown, if the
            // part after the URI is an attribute path at all.
            let rest = text.rsplit(':').next().unwrap_or_default();
            return match split_names(rest) {
                Ok(_) => Lookup::Unknown,
                Err(reason) => Lookup::Malformed(reason),
            };
        }
        None => (Slot::Core, text),
    };
    let (name, sub) = match split_names(rest) {
        Ok(names) => names,
        Err(reason) => return Lookup::Malformed(reason),
    };
    let Some(found) = schemas
        .attributes(slot)
        .find(|found| found.attribute.name.eq_ignore_ascii_case(name))
    else {
        return Lookup::Unknown;
    };
    let sub = match sub {
        None => None,
        Some(sub) => match found.attribute.sub_attribute(sub) {
            Some(sub) => Some(sub),
            None => return Lookup::Unknown,
        },
    };
    Lookup::Found(Resolved::Attribute { found, sub })
}

fn is_urn(text: &str) -> bool {
    text.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("urn:"))
}

/// The schema whose URI begins `text` (the longest, if several do), and what follows it:
/// `None` when the URI is all of `text`, else the part after the `:`.
fn schema_prefix<'s, 't>(
    schemas: ResourceSchemas<'s>,
    text: &'t str,
) -> Option<(Slot<'s>, Option<&'t str>)> {
    let core = schemas.core().map(|core| (Slot::Core, core.id.as_ref()));
    let extensions = schemas.slots().filter_map(|slot| match slot {
        Slot::Extension { uri, .. } => Some((slot, uri)),
        Slot::Core => None,
    });
    core.into_iter()
        .chain(extensions)
        .filter_map(|(slot, uri)| {
            let prefix = text.get(..uri.len())?;
            if !prefix.eq_ignore_ascii_case(uri) {
                return None;
            }
            let rest = text.get(uri.len()..)?;
            if rest.is_empty() {
                return Some((uri.len(), slot, None));
            }
            rest.strip_prefix(':')
                .map(|rest| (uri.len(), slot, Some(rest)))
        })
        .max_by_key(|(length, _, _)| *length)
        .map(|(_, slot, rest)| (slot, rest))
}

/// `name` or `name.sub`, each an `ATTRNAME` (RFC 7644 Figure 1; a leading `$` allowed, for
/// `$ref`).
fn split_names(text: &str) -> Result<(&str, Option<&str>), String> {
    let mut parts = text.split('.');
    let name = parts.next().unwrap_or_default();
    let sub = parts.next();
    if parts.next().is_some() {
        return Err(format!(
            "`{text}`: an attribute path has one sub-attribute at most (RFC 7644 §3.10)"
        ));
    }
    check_name(name)?;
    if let Some(sub) = sub {
        check_name(sub)?;
    }
    Ok((name, sub))
}

fn check_name(name: &str) -> Result<(), String> {
    let body = name.strip_prefix('$').unwrap_or(name);
    let mut chars = body.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not an attribute name: a letter, then letters, digits, - or _ (RFC 7644 Figure 1)"
        ))
    }
}

/// A PATCH `path` (RFC 7644 §3.5.2 Figure 7: `attrPath / valuePath [subAttr]`), found in
/// the resource's schemas.
pub(super) struct PatchPath<'s> {
    /// What the path names.
    pub target: Resolved<'s>,
    /// The value filter of a `valuePath`.
    pub filter: Option<Filter>,
}

fn unknown(text: &str) -> Error {
    Error::invalid_path(format!(
        "`{text}` names no attribute of the resource's schemas"
    ))
}

/// Reads a PATCH path, at most [`MAX_LEN`] characters long, value filter included.
/// Errors are `invalidPath`, or `invalidFilter` for a value filter that does not parse
/// or does not compile against the schemas; their detail does not name the operation.
pub(super) fn patch_path<'s>(
    schemas: ResourceSchemas<'s>,
    text: &str,
) -> Result<PatchPath<'s>, Error> {
    if too_long(text) {
        return Err(Error::invalid_path(too_long_reason()));
    }
    let Some(open) = text.find('[') else {
        return match resolve(schemas, text) {
            Lookup::Found(target) => Ok(PatchPath {
                target,
                filter: None,
            }),
            Lookup::Unknown => Err(unknown(text)),
            Lookup::Malformed(reason) => Err(Error::invalid_path(reason)),
        };
    };
    let head = text.get(..open).unwrap_or_default();
    let inside = text.get(open + 1..).unwrap_or_default();
    let Some(close) = closing_bracket(inside) else {
        return Err(Error::invalid_path(format!(
            "`{text}`: the value filter opened by `[` is not closed"
        )));
    };
    let (inner, tail) = (
        inside.get(..close).unwrap_or_default(),
        inside.get(close + 1..).unwrap_or_default(),
    );
    let found = match resolve(schemas, head) {
        Lookup::Found(Resolved::Attribute { found, sub: None }) => found,
        Lookup::Found(_) => {
            return Err(Error::invalid_path(format!(
                "`{head}`: a value filter follows the name of a multi-valued attribute (RFC 7644 §3.5.2 Figure 7)"
            )))
        }
        Lookup::Unknown => return Err(unknown(head)),
        Lookup::Malformed(reason) => return Err(Error::invalid_path(reason)),
    };
    if !found.attribute.multi_valued {
        return Err(Error::invalid_path(format!(
            "`{head}` is single-valued: a value filter selects values of a multi-valued attribute (RFC 7644 §3.5.2)"
        )));
    }
    let in_value_filter = |error: Error| {
        Error::invalid_filter(format!(
            "value filter `{inner}`: {}",
            error.detail().unwrap_or("invalid")
        ))
    };
    let filter = Filter::parse(inner).map_err(in_value_filter)?;
    // As in a query, the filter must fit the sub-attributes it compares: their types,
    // and values never returned compared for equality only (RFC 7644 Table 9, "PATCH
    // (Path Filter)": "the specified attribute and filter comparison combination is not
    // supported"). Names no schema defines are the caller's notices, as in a query.
    let value_path = |path: AttrPath| Filter::ValuePath {
        path,
        filter: Box::new(filter.clone()),
    };
    if found.attribute.kind == AttributeType::Complex {
        let path = AttrPath::parse(head)
            .map_err(|error| Error::invalid_path(error.detail().unwrap_or("invalid").to_owned()))?;
        value_path(path).compile(schemas).map_err(in_value_filter)?;
    } else {
        // A list of simple values is filtered on `value` (the need errata 7122
        // describes), which queries do not know: compiled as a complex attribute whose
        // `value` is one of the list's values.
        let schema = values_as_complex(found.attribute);
        let path = AttrPath::new(found.attribute.name.as_ref());
        value_path(path)
            .compile(ResourceSchemas::new(&schema, &[]))
            .map_err(in_value_filter)?;
    }
    let sub = if tail.is_empty() {
        None
    } else {
        let Some(name) = tail.strip_prefix('.') else {
            return Err(Error::invalid_path(format!(
                "`{text}`: after `]` comes `.` and a sub-attribute name, or nothing (RFC 7644 §3.5.2 Figure 7)"
            )));
        };
        check_name(name).map_err(Error::invalid_path)?;
        match found.attribute.sub_attribute(name) {
            Some(sub) if found.attribute.kind == AttributeType::Complex => Some(sub),
            _ => return Err(unknown(&format!("{head}.{name}"))),
        }
    };
    Ok(PatchPath {
        target: Resolved::Attribute { found, sub },
        filter: Some(filter),
    })
}

/// A schema holding `list`, a multi-valued attribute of simple values, as a complex
/// attribute whose one sub-attribute `value` is defined as the list's values are.
fn values_as_complex(list: &Attribute) -> Schema {
    let value = Attribute {
        name: text("value"),
        multi_valued: false,
        ..list.clone()
    };
    let complex = Attribute {
        kind: AttributeType::Complex,
        sub_attributes: Cow::Owned(vec![value]),
        ..list.clone()
    };
    Schema {
        id: text("values of a multi-valued attribute in a PATCH path"),
        name: None,
        description: None,
        attributes: Cow::Owned(vec![complex]),
    }
}

/// The byte index in `text` of the `]` that closes a value filter, skipping JSON strings.
fn closing_bracket(text: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ']' {
            return Some(index);
        }
    }
    None
}

/// The attribute paths of `filter` that name no attribute of `schemas`, as written.
pub(super) fn unknown_in_filter(
    schemas: ResourceSchemas<'_>,
    filter: &Filter,
    out: &mut Vec<String>,
) {
    match filter {
        Filter::Compare { path, .. } | Filter::Present(path) => {
            if !matches!(
                resolve(schemas, &path.to_string()),
                Lookup::Found(Resolved::Attribute { .. })
            ) {
                out.push(path.to_string());
            }
        }
        Filter::And(filters) | Filter::Or(filters) => {
            for filter in filters {
                unknown_in_filter(schemas, filter, out);
            }
        }
        Filter::Not(filter) => unknown_in_filter(schemas, filter, out),
        Filter::ValuePath { path, filter } => match resolve(schemas, &path.to_string()) {
            Lookup::Found(Resolved::Attribute { found, sub: None }) => {
                unknown_in_value_filter(found.attribute, filter, out);
            }
            _ => out.push(path.to_string()),
        },
    }
}

/// The attribute paths of the value filter of `attribute` that name none of its
/// sub-attributes (for a simple multi-valued attribute, `value`).
pub(super) fn unknown_in_value_filter(
    attribute: &Attribute,
    filter: &Filter,
    out: &mut Vec<String>,
) {
    match filter {
        Filter::Compare { path, .. } | Filter::Present(path) => {
            if !names_sub_attribute(attribute, path) {
                out.push(path.to_string());
            }
        }
        Filter::And(filters) | Filter::Or(filters) => {
            for filter in filters {
                unknown_in_value_filter(attribute, filter, out);
            }
        }
        Filter::Not(filter) => unknown_in_value_filter(attribute, filter, out),
        Filter::ValuePath { path, .. } => out.push(path.to_string()),
    }
}

fn names_sub_attribute(attribute: &Attribute, path: &AttrPath) -> bool {
    if path.uri.is_some() || path.sub_attribute.is_some() {
        return false;
    }
    if attribute.kind == AttributeType::Complex {
        attribute.sub_attribute(&path.attribute).is_some()
    } else {
        path.attribute.eq_ignore_ascii_case("value")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::User;
    use crate::Resource;

    const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    fn names(lookup: Lookup<'_>) -> Option<(String, Option<String>)> {
        match lookup {
            Lookup::Found(Resolved::Attribute { found, sub }) => Some((
                found.attribute.name.to_string(),
                sub.map(|sub| sub.name.to_string()),
            )),
            _ => None,
        }
    }

    #[test]
    fn paths_resolve_in_any_case_with_or_without_their_schema_uri() {
        let schemas = User::resource_schemas();
        let expected = Some(("name".to_owned(), Some("givenName".to_owned())));
        assert_eq!(names(resolve(schemas, "NAME.givenname")), expected);
        assert_eq!(
            names(resolve(
                schemas,
                "URN:ietf:params:scim:schemas:core:2.0:User:name.givenName"
            )),
            expected
        );
        assert_eq!(
            names(resolve(
                schemas,
                &format!("{ENTERPRISE}:manager.displayName")
            )),
            Some(("manager".to_owned(), Some("displayName".to_owned())))
        );
        assert!(matches!(
            resolve(schemas, ENTERPRISE),
            Lookup::Found(Resolved::Schema(Slot::Extension { .. }))
        ));
    }

    #[test]
    fn unknown_and_malformed_paths_are_told_apart() {
        let schemas = User::resource_schemas();
        assert!(matches!(resolve(schemas, "nickname2"), Lookup::Unknown));
        assert!(matches!(resolve(schemas, "name.middle"), Lookup::Unknown));
        assert!(matches!(resolve(schemas, "userName.x"), Lookup::Unknown));
        assert!(matches!(
            resolve(schemas, "urn:example:Other:thing"),
            Lookup::Unknown
        ));
        assert!(matches!(
            resolve(schemas, "name.givenName.x"),
            Lookup::Malformed(_)
        ));
        assert!(matches!(
            resolve(schemas, "user name"),
            Lookup::Malformed(_)
        ));
        assert!(matches!(resolve(schemas, ""), Lookup::Malformed(_)));
    }

    #[test]
    fn a_value_filter_may_hold_brackets_in_strings() {
        let schemas = User::resource_schemas();
        let path = patch_path(schemas, r#"emails[value eq "a]b"].display"#).unwrap();
        assert!(path.filter.is_some());
        assert!(matches!(
            path.target,
            Resolved::Attribute { sub: Some(sub), .. } if sub.name == "display"
        ));
    }

    #[test]
    fn patch_paths_that_do_not_follow_figure_7_are_invalid_paths() {
        let schemas = User::resource_schemas();
        for text in [
            r#"emails[type eq "work""#,
            r#"emails[type eq "work"]value"#,
            r#"name[givenName eq "x"]"#,
            r#"emails.value[type eq "work"]"#,
            r#"emails[type eq "work"].nothing"#,
        ] {
            let error = patch_path(schemas, text).err().unwrap();
            assert_eq!(
                error.scim_type(),
                Some(&crate::ScimType::InvalidPath),
                "{text}"
            );
        }
        let error = patch_path(schemas, r#"emails[type eq]"#).err().unwrap();
        assert_eq!(error.scim_type(), Some(&crate::ScimType::InvalidFilter));
    }

    #[test]
    fn a_path_longer_than_max_len_characters_is_malformed() {
        let schemas = User::resource_schemas();
        let longest = "a".repeat(MAX_LEN);
        assert!(matches!(resolve(schemas, &longest), Lookup::Unknown));
        let longer = format!("{longest}é");
        match resolve(schemas, &longer) {
            Lookup::Malformed(reason) => {
                assert_eq!(reason, "the path is longer than 4096 characters")
            }
            _ => panic!("a path of {} characters is malformed", MAX_LEN + 1),
        }
    }

    #[test]
    fn a_patch_path_longer_than_max_len_characters_is_an_invalid_path() {
        let schemas = User::resource_schemas();
        // Head and value filter are each short enough; together they are not.
        let value = "x".repeat(MAX_LEN - 20);
        let text = format!(r#"emails[value eq "{value}"].display"#);
        assert!(text.chars().count() > MAX_LEN);
        let error = patch_path(schemas, &text).err().unwrap();
        assert_eq!(error.scim_type(), Some(&crate::ScimType::InvalidPath));
        assert_eq!(
            error.detail(),
            Some("the path is longer than 4096 characters")
        );
        let text = format!(r#"emails[value eq "{}"].display"#, &value[30..]);
        assert!(patch_path(schemas, &text).is_ok());
    }
}
