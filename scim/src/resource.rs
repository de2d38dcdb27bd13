//! Traits that typed SCIM resources implement, usually through the derives.

use crate::access::{ComplexAccess, ResourceAccess};
use crate::describe::Attributes;
use crate::response::SerializeForm;
use crate::schema::{ResourceSchemas, Schema};
use crate::unknown::UnknownAttributes;
use serde::de::DeserializeOwned;
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// A typed SCIM resource (RFC 7643 §3): a core schema, typed extensions keyed by their
/// schema URI, and a `schemas` attribute kept consistent with what is present.
///
/// Derive it with `#[derive(scim::Resource)]` and `#[scim(schema = "urn:...")]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a SCIM resource",
    label = "not a SCIM resource",
    note = "derive `scim::Resource` for a struct with `#[scim(schema = \"urn:...\")]`, \
            or use a generated model such as `scim::models::User`"
)]
pub trait Resource:
    Serialize + SerializeForm + DeserializeOwned + Attributes + ResourceAccess
{
    /// The URI of the core schema, e.g. `urn:ietf:params:scim:schemas:core:2.0:User`.
    const SCHEMA: &'static str;
    /// The URIs of the typed extensions, in declaration order.
    const EXTENSIONS: &'static [&'static str];
    /// The Schema resources of the typed extensions (RFC 7643 §3.3, §7), in declaration
    /// order, as constants: each extension's [`Extension::DEFINITION`]. With
    /// [`Attributes::ATTRIBUTES`] they let `const fn`s read the whole shape of the
    /// resource, as the compile-time check of [`scim::filter!`](crate::filter!) does.
    const EXTENSION_DEFINITIONS: &'static [Schema];

    /// The `schemas` attribute this value serialises with: the core schema, then every
    /// typed extension that is present, then every unknown extension object kept from
    /// input (RFC 7643 §3: the schemas that define the attributes present).
    fn schemas(&self) -> SchemaList<'_>;

    /// The core schema as a Schema resource (RFC 7643 §7), built from the attribute
    /// metadata: the attributes other than the common ones (RFC 7643 §3.1).
    fn schema() -> &'static Schema;

    /// The Schema resources of the typed extensions, in declaration order.
    fn extension_schemas() -> &'static [Schema];

    /// The core schema and the extension schemas: the shape against which filters,
    /// projections and request checks resolve attribute paths.
    ///
    /// ```
    /// use scim::models::User;
    /// use scim::Resource;
    ///
    /// let schemas = User::resource_schemas();
    /// let found = schemas.find(None, "USERNAME").unwrap();
    /// assert_eq!(found.attribute.name, "userName");
    /// ```
    fn resource_schemas() -> ResourceSchemas<'static> {
        ResourceSchemas::new(Self::schema(), Self::extension_schemas())
    }
}

/// A schema extension (RFC 7643 §3.3): an object keyed by its schema URI in a resource.
///
/// Derive it with `#[derive(scim::Complex)]` and `#[scim(schema = "urn:...")]`.
pub trait Extension:
    Serialize + SerializeForm + DeserializeOwned + Attributes + ComplexAccess
{
    /// The URI of the extension schema, the key of its object in a resource.
    const SCHEMA: &'static str;

    /// The extension schema as a Schema resource (RFC 7643 §7), as a constant.
    const DEFINITION: Schema;

    /// The extension schema as a Schema resource (RFC 7643 §7), built from the attribute
    /// metadata.
    fn schema() -> &'static Schema;
}

/// A SCIM protocol message (RFC 7644 §3): a JSON object whose `schemas` names one
/// message URI, such as `urn:ietf:params:scim:api:messages:2.0:ListResponse`.
///
/// Derive it with `#[derive(scim::Message)]` and `#[scim(schema = "urn:...")]`.
pub trait Message: Serialize + DeserializeOwned {
    /// The message's schema URI.
    const SCHEMA: &'static str;
}

/// A string attribute with canonical values (RFC 7643 §7 `canonicalValues`), as an enum
/// with one variant per canonical value and one for any other value.
///
/// Derive it with `#[derive(scim::CanonicalValues)]`.
pub trait CanonicalValue: Sized {
    /// The canonical values, in schema order.
    const VALUES: &'static [&'static str];

    /// The value as text: the canonical spelling, or the other value as given.
    fn as_str(&self) -> &str;

    /// The value for `text`, matching canonical values case-insensitively.
    fn from_text(text: &str) -> Self;

    /// As [`from_text`](Self::from_text), reusing the allocation for other values.
    fn from_string(text: String) -> Self;
}

/// The `schemas` attribute of a typed resource, computed from what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaList<'a> {
    uris: Vec<&'a str>,
}

impl<'a> SchemaList<'a> {
    /// The core schema, the extensions present, then the URI keys of unknown extension
    /// objects.
    pub fn new(
        core: &'static str,
        extensions: &[Option<&'static str>],
        unknown: Option<&'a UnknownAttributes>,
    ) -> Self {
        let unknown = unknown
            .into_iter()
            .flat_map(UnknownAttributes::extension_uris);
        SchemaList::from_parts(core, extensions, unknown)
    }

    /// The core schema, the extensions given, then `unknown` URIs.
    pub fn from_parts(
        core: &'static str,
        extensions: &[Option<&'static str>],
        unknown: impl Iterator<Item = &'a str>,
    ) -> Self {
        let mut uris = Vec::with_capacity(1 + extensions.len());
        uris.push(core);
        uris.extend(extensions.iter().flatten().copied());
        uris.extend(unknown);
        SchemaList { uris }
    }

    /// The URIs in order.
    pub fn as_slice(&self) -> &[&'a str] {
        &self.uris
    }

    /// Whether `uri` is in the list, compared case-insensitively.
    pub fn contains(&self, uri: &str) -> bool {
        self.uris
            .iter()
            .any(|known| known.eq_ignore_ascii_case(uri))
    }
}

impl Serialize for SchemaList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.uris.len()))?;
        for uri in &self.uris {
            seq.serialize_element(uri)?;
        }
        seq.end()
    }
}
