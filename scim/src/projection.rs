//! Attribute projection (RFC 7644 §3.4.2.5, §3.9): which attributes a response returns,
//! from the `attributes` and `excludedAttributes` parameters and each attribute's
//! `returned` characteristic (RFC 7643 §7).
//!
//! The decision depends only on the schemas, so it serves typed and generic resources
//! alike.

use crate::schema::{Attribute, Returned};

/// The `attributes` or `excludedAttributes` of a request, as attribute paths (RFC 7644
/// §3.10): `userName`, `name.givenName`, `emails.value`, URN-qualified
/// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`, or a whole
/// extension by its URI. Names compare case-insensitively.
///
/// ```
/// use scim::projection::Projection;
///
/// let projection = Projection::new()
///     .with_attributes("userName, name.givenName")
///     .with_excluded_attributes("");
/// assert_eq!(projection.attributes().len(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Projection {
    attributes: Vec<String>,
    excluded: Vec<String>,
}

impl Projection {
    /// The most paths that `attributes` or `excludedAttributes` may list in a request
    /// that the query rules ([`Rules::query`](crate::request::Rules::query)) accept:
    /// every attribute and sub-attribute of a large resource type several times over.
    /// Projecting compares each attribute with each path, so a longer list is refused
    /// rather than worked through for every resource (RFC 7644 §3.4.2.5 sets no bound).
    pub const MAX_PATHS: usize = 1_000;

    /// No `attributes` and no `excludedAttributes`: every attribute returned by default.
    pub fn new() -> Self {
        Projection::default()
    }

    /// Sets `attributes` from its query-parameter form: paths separated by commas.
    pub fn with_attributes(mut self, list: &str) -> Self {
        self.attributes = split(list);
        self
    }

    /// Sets `excludedAttributes` from its query-parameter form.
    pub fn with_excluded_attributes(mut self, list: &str) -> Self {
        self.excluded = split(list);
        self
    }

    /// The `attributes` paths.
    pub fn attributes(&self) -> &[String] {
        &self.attributes
    }

    /// The `excludedAttributes` paths.
    pub fn excluded_attributes(&self) -> &[String] {
        &self.excluded
    }

    /// Whether the top-level `attribute` of the schema `schema` (its URI; `core` when it
    /// is the resource's core schema) is returned.
    ///
    /// `writeOnly` attributes are never returned, whatever their `returned` says (RFC
    /// 7643 §7: "Attribute values SHALL NOT be returned").
    pub fn returns(&self, schema: &str, core: bool, attribute: &Attribute) -> bool {
        if attribute.is_never_returned() {
            return false;
        }
        match attribute.returned {
            Returned::Never => false,
            Returned::Always => true,
            _ if !self.attributes.is_empty() => self.attributes.iter().any(|path| {
                let target = Target::of(path, schema, core);
                target.names_schema() || target.names(&attribute.name, None, true)
            }),
            Returned::Request => false,
            // Excluding an extension by its URI excludes all of it (RFC 7644 §3.10: the
            // URI names the extension's object).
            Returned::Default => !self.excluded.iter().any(|path| {
                let target = Target::of(path, schema, core);
                (!core && target.names_schema()) || target.names(&attribute.name, None, false)
            }),
        }
    }

    /// Whether `sub` of the returned complex attribute `parent` is returned.
    pub fn returns_sub(
        &self,
        schema: &str,
        core: bool,
        parent: &Attribute,
        sub: &Attribute,
    ) -> bool {
        if sub.is_never_returned() {
            return false;
        }
        match sub.returned {
            Returned::Never => false,
            Returned::Always => true,
            returned if !self.attributes.is_empty() => self.attributes.iter().any(|path| {
                let target = Target::of(path, schema, core);
                let named = target.names(&parent.name, Some(&sub.name), false);
                // A `request` sub-attribute must be named itself; a `default` one comes
                // with its parent or its schema.
                named
                    || (returned == Returned::Default
                        && (target.names_schema() || target.names(&parent.name, None, false)))
            }),
            Returned::Request => false,
            Returned::Default => !self.excluded.iter().any(|path| {
                Target::of(path, schema, core).names(&parent.name, Some(&sub.name), false)
            }),
        }
    }
}

impl Projection {
    /// Whether the object keyed by `uri`, an extension no schema describes, is returned:
    /// with `attributes`, when a path names it or something in it; else unless
    /// `excludedAttributes` names it.
    pub fn returns_unknown_extension(&self, uri: &str) -> bool {
        let within = |path: &String| {
            path.get(..uri.len())
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case(uri))
                && matches!(path.as_bytes().get(uri.len()), None | Some(b':'))
        };
        if self.attributes.is_empty() {
            !self
                .excluded
                .iter()
                .any(|path| path.eq_ignore_ascii_case(uri))
        } else {
            self.attributes.iter().any(within)
        }
    }
}

impl Projection {
    /// The names that the paths of this projection give members of one value, seen from
    /// `schema` (`core` when it is the resource's core schema): with `parent`, the
    /// sub-attribute names after `parent.`; without, the attribute names. A member that
    /// no schema defines is decided by its name only when it is one of these.
    pub(crate) fn names_in<'p>(
        &'p self,
        schema: &'p str,
        core: bool,
        parent: Option<&'p str>,
    ) -> impl Iterator<Item = &'p str> + 'p {
        self.attributes
            .iter()
            .chain(&self.excluded)
            .filter_map(move |path| {
                let Target::Path(path) = Target::of(path, schema, core) else {
                    return None;
                };
                match (parent, path.split_once('.')) {
                    (Some(parent), Some((head, rest))) => {
                        head.eq_ignore_ascii_case(parent).then_some(rest)
                    }
                    (Some(_), None) => None,
                    (None, Some((head, _))) => Some(head),
                    (None, None) => Some(path),
                }
            })
    }
}

fn split(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|path| !path.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A path seen from one schema: the part after that schema's URI, or the whole path when
/// it has no URI prefix and the schema is the core one; nothing otherwise.
enum Target<'a> {
    /// The path names this whole schema (an extension by its URI).
    Schema,
    /// `attribute` or `attribute.sub`.
    Path(&'a str),
    /// The path belongs to another schema.
    Other,
}

impl<'a> Target<'a> {
    fn of(path: &'a str, schema: &str, core: bool) -> Target<'a> {
        let prefixed = path
            .get(..schema.len())
            .filter(|prefix| prefix.eq_ignore_ascii_case(schema));
        match prefixed.map(|_| &path[schema.len()..]) {
            Some("") => Target::Schema,
            Some(rest) => match rest.strip_prefix(':') {
                Some(rest) => Target::Path(rest),
                None => Target::Other,
            },
            None if core && !is_urn(path) => Target::Path(path),
            None => Target::Other,
        }
    }

    fn names_schema(&self) -> bool {
        matches!(self, Target::Schema)
    }

    /// Whether the path names `attribute` (with `sub`: that sub-attribute). With
    /// `or_a_sub`, a path naming any sub-attribute of `attribute` counts too, since the
    /// parent must then be returned to hold it.
    fn names(&self, attribute: &str, sub: Option<&str>, or_a_sub: bool) -> bool {
        let Target::Path(path) = self else {
            return false;
        };
        let (head, rest) = match path.split_once('.') {
            Some((head, rest)) => (head, Some(rest)),
            None => (*path, None),
        };
        if !head.eq_ignore_ascii_case(attribute) {
            return false;
        }
        match (sub, rest) {
            (None, None) => true,
            (None, Some(_)) => or_a_sub,
            (Some(sub), Some(rest)) => rest.eq_ignore_ascii_case(sub),
            (Some(_), None) => false,
        }
    }
}

fn is_urn(path: &str) -> bool {
    path.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("urn:"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::AttributeType;

    const CORE: &str = "urn:example:Thing";

    fn attribute(returned: Returned) -> Attribute {
        Attribute {
            returned,
            ..Attribute::new("secretQuestion", AttributeType::String)
        }
    }

    #[test]
    fn request_attributes_come_back_only_when_named() {
        let requested = attribute(Returned::Request);
        assert!(!Projection::new().returns(CORE, true, &requested));
        let named = Projection::new().with_attributes("SECRETQUESTION");
        assert!(named.returns(CORE, true, &requested));
        let other = Projection::new().with_attributes("userName");
        assert!(!other.returns(CORE, true, &requested));
    }

    #[test]
    fn never_beats_being_named_and_always_beats_being_excluded() {
        let named = Projection::new().with_attributes("secretQuestion");
        assert!(!named.returns(CORE, true, &attribute(Returned::Never)));
        let excluded = Projection::new().with_excluded_attributes("secretQuestion");
        assert!(excluded.returns(CORE, true, &attribute(Returned::Always)));
    }

    #[test]
    fn paths_of_another_schema_do_not_name_core_attributes() {
        let projection = Projection::new().with_attributes("urn:example:Other:secretQuestion");
        assert!(!projection.returns(CORE, true, &attribute(Returned::Default)));
        let projection = Projection::new().with_attributes("urn:example:Thing:secretQuestion");
        assert!(projection.returns(CORE, true, &attribute(Returned::Default)));
    }

    #[test]
    fn excluding_an_extension_by_its_uri_excludes_its_attributes() {
        let excluded = Projection::new().with_excluded_attributes("urn:example:Extension");
        let attribute = attribute(Returned::Default);
        assert!(!excluded.returns("urn:example:Extension", false, &attribute));
        assert!(excluded.returns(CORE, true, &attribute));
        let core = Projection::new().with_excluded_attributes(CORE);
        assert!(core.returns(CORE, true, &attribute));
    }

    #[test]
    fn parameters_split_on_commas_and_ignore_blanks() {
        let projection = Projection::new().with_attributes(" userName , ,name.givenName ");
        assert_eq!(projection.attributes(), ["userName", "name.givenName"]);
    }
}
