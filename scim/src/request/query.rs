//! The rules for query requests (RFC 7644 §3.4.2, §3.4.3; RFC 9865 §2).

use super::path::{resolve, unknown_in_filter, Lookup, Resolved};
use super::{Checker, Notice};
use crate::filter::Filter;
use crate::message::{SearchRequest, SortOrder};
use crate::projection::Projection;
use crate::schema::ResourceSchemas;
use crate::sort::Sort;
use crate::Error;

pub(super) fn check(
    checker: &mut Checker,
    request: &SearchRequest,
    schemas: ResourceSchemas<'_>,
) -> Result<(), Error> {
    if let Some(text) = &request.filter {
        let filter = Filter::parse(text).map_err(|error| error.at("filter"))?;
        // Operators and values against the attributes' types (RFC 7644 §3.4.2.2, Table 3):
        // the evaluator's own checks.
        filter
            .compile(schemas)
            .map_err(|error| error.at("filter"))?;
        let mut unknown = Vec::new();
        unknown_in_filter(schemas, &filter, &mut unknown);
        for path in unknown {
            checker.lenient(Notice::UnknownAttribute {
                parameter: "filter".to_owned(),
                path,
            })?;
        }
    }
    if !request.attributes.is_empty() && !request.excluded_attributes.is_empty() {
        return Err(Error::invalid_value(
            "attributes and excludedAttributes are mutually exclusive (RFC 7644 §3.9): give one of them (§3.4.2.5)",
        ));
    }
    for (parameter, paths) in [
        ("attributes", &request.attributes),
        ("excludedAttributes", &request.excluded_attributes),
    ] {
        if paths.len() > Projection::MAX_PATHS {
            return Err(Error::invalid_value(format!(
                "{} paths are listed; at most {} are accepted",
                paths.len(),
                Projection::MAX_PATHS
            ))
            .at(parameter));
        }
        for (index, path) in paths.iter().enumerate() {
            match resolve(schemas, path) {
                Lookup::Found(_) => {}
                Lookup::Unknown => checker.lenient(Notice::UnknownAttribute {
                    parameter: parameter.to_owned(),
                    path: path.clone(),
                })?,
                Lookup::Malformed(reason) => {
                    return Err(
                        Error::invalid_value(reason).at(format_args!("{parameter}[{index}]"))
                    )
                }
            }
        }
    }
    if let Some(path) = &request.sort_by {
        check_sort_by(checker, schemas, path)?;
    }
    if let Some(SortOrder::Other(order)) = &request.sort_order {
        return Err(Error::invalid_value(format!(
            "`{order}` is not a sort order: ascending or descending (RFC 7644 §3.4.2.3)"
        ))
        .at("sortOrder"));
    }
    if let Some(start_index) = request.start_index.filter(|index| *index < 1) {
        checker.lenient(Notice::StartIndexBelowOne { start_index })?;
    }
    if let Some(count) = request.count.filter(|count| *count < 0) {
        checker.lenient(Notice::NegativeCount { count })?;
    }
    if let Some(cursor) = &request.cursor {
        if let Some(c) = cursor.chars().find(|c| !is_unreserved(*c)) {
            return Err(Error::invalid_cursor(format!(
                "{c:?} is not allowed: a cursor holds only the unreserved characters of RFC 3986 §2.3 (RFC 9865 §2)"
            ))
            .at("cursor"));
        }
    }
    Ok(())
}

/// `sortBy` names a simple attribute or a sub-attribute (RFC 7644 §3.4.2.3).
fn check_sort_by(
    checker: &mut Checker,
    schemas: ResourceSchemas<'_>,
    path: &str,
) -> Result<(), Error> {
    match resolve(schemas, path) {
        Lookup::Found(Resolved::Schema(_)) => Err(Error::invalid_value(format!(
            "`{path}` names a schema; sortBy names an attribute (RFC 7644 §3.4.2.3)"
        ))
        .at("sortBy")),
        // The sort's own checks: a complex attribute sorts by its `value`, and one without
        // cannot sort; a value never returned cannot order results.
        Lookup::Found(_) => Sort::new(path, None, schemas).map(|_| ()),
        Lookup::Unknown => checker.lenient(Notice::UnknownAttribute {
            parameter: "sortBy".to_owned(),
            path: path.to_owned(),
        }),
        Lookup::Malformed(reason) => Err(Error::invalid_value(reason).at("sortBy")),
    }
}

/// RFC 3986 §2.3: `ALPHA / DIGIT / "-" / "." / "_" / "~"`.
fn is_unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')
}
