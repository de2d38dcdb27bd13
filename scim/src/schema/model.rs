//! The schema model: RFC 7643 §7 Schema resources and §6 ResourceType resources.
//!
//! One model serves every part of the toolkit. The loader builds it from JSON at run
//! time (owned strings), constant tables such as [`COMMON_ATTRIBUTES`] are written with
//! borrowed strings (as the derive's attribute tables will be), and the code generator
//! reads it to plan Rust types. `Cow` makes both possible without two sets of types.
//!
//! [`COMMON_ATTRIBUTES`]: super::COMMON_ATTRIBUTES

use std::borrow::Cow;
use std::fmt;

/// A text value of the schema model: borrowed in `'static` tables, owned when loaded.
pub type Text = Cow<'static, str>;

/// A borrowed [`Text`], for constant tables: `text("User")`.
pub const fn text(value: &'static str) -> Text {
    Cow::Borrowed(value)
}

/// A list in the schema model: borrowed in `'static` tables, owned when loaded.
pub type List<T> = Cow<'static, [T]>;

/// A schema resource (RFC 7643 §7): the attributes one schema URI defines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schema {
    /// The schema URI, e.g. `urn:ietf:params:scim:schemas:core:2.0:User`.
    pub id: Text,
    /// The human-readable name, e.g. `User`.
    pub name: Option<Text>,
    /// The human-readable description.
    pub description: Option<Text>,
    /// The attributes, in the order the schema lists them.
    pub attributes: List<Attribute>,
}

impl Schema {
    /// The attribute named `name`, compared case-insensitively (RFC 7643 §2.1).
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        find_attribute(&self.attributes, name)
    }
}

/// One attribute definition with all its characteristics (RFC 7643 §2.2, §7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    /// The attribute name as the schema spells it (the canonical wire name).
    pub name: Text,
    /// The data type (RFC 7643 §2.3).
    pub kind: AttributeType,
    /// Whether the attribute holds a list of values (RFC 7643 §2.4).
    pub multi_valued: bool,
    /// The human-readable description.
    pub description: Option<Text>,
    /// Whether the attribute must be present in create and replace requests.
    pub required: bool,
    /// Suggested canonical values, e.g. `work` and `home`.
    pub canonical_values: List<Text>,
    /// Whether string values compare case-sensitively.
    pub case_exact: bool,
    /// When the value may be (re)defined.
    pub mutability: Mutability,
    /// When the value is returned in responses.
    pub returned: Returned,
    /// How the service provider enforces uniqueness.
    pub uniqueness: Uniqueness,
    /// For `reference` attributes: the resource types that may be referenced,
    /// `external` or `uri`.
    pub reference_types: List<Text>,
    /// For `complex` attributes: the sub-attributes.
    pub sub_attributes: List<Attribute>,
}

impl Attribute {
    /// Whether the attribute's values are never returned: `returned: never`, or
    /// `writeOnly` ("Attribute values SHALL NOT be returned", RFC 7643 §7).
    pub const fn is_never_returned(&self) -> bool {
        matches!(self.returned, Returned::Never) || matches!(self.mutability, Mutability::WriteOnly)
    }

    /// A `readWrite`, `returned: default`, case-insensitive, optional, single-valued
    /// attribute of the given type: the RFC 7643 §2.2 defaults.
    pub const fn new(name: &'static str, kind: AttributeType) -> Self {
        Attribute {
            name: Cow::Borrowed(name),
            kind,
            multi_valued: false,
            description: None,
            required: false,
            canonical_values: Cow::Borrowed(&[]),
            case_exact: false,
            mutability: Mutability::ReadWrite,
            returned: Returned::Default,
            uniqueness: Uniqueness::None,
            reference_types: Cow::Borrowed(&[]),
            sub_attributes: Cow::Borrowed(&[]),
        }
    }

    /// The sub-attribute named `name`, compared case-insensitively (RFC 7643 §2.1).
    pub fn sub_attribute(&self, name: &str) -> Option<&Attribute> {
        find_attribute(&self.sub_attributes, name)
    }
}

fn find_attribute<'a>(attributes: &'a [Attribute], name: &str) -> Option<&'a Attribute> {
    attributes
        .iter()
        .find(|attribute| attribute.name.eq_ignore_ascii_case(name))
}

/// Defines a keyword enum with its canonical RFC spelling, parsed case-insensitively.
macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order RFC 7643 lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The keyword as RFC 7643 spells it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Parses the keyword, ignoring ASCII case.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str().eq_ignore_ascii_case(text))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keyword_enum! {
    /// An attribute data type (RFC 7643 §2.3, with `binary` per erratum 5606).
    AttributeType {
        /// `string` (RFC 7643 §2.3.1).
        String = "string",
        /// `boolean` (RFC 7643 §2.3.2).
        Boolean = "boolean",
        /// `decimal` (RFC 7643 §2.3.3).
        Decimal = "decimal",
        /// `integer` (RFC 7643 §2.3.4).
        Integer = "integer",
        /// `dateTime` (RFC 7643 §2.3.5).
        DateTime = "dateTime",
        /// `binary` (RFC 7643 §2.3.6).
        Binary = "binary",
        /// `reference` (RFC 7643 §2.3.7).
        Reference = "reference",
        /// `complex` (RFC 7643 §2.3.8).
        Complex = "complex",
    }
}

keyword_enum! {
    /// When an attribute's value may be (re)defined (RFC 7643 §7 `mutability`).
    Mutability {
        /// `readOnly`: the attribute shall not be modified by clients.
        ReadOnly = "readOnly",
        /// `readWrite`: the attribute may be updated and read at any time.
        ReadWrite = "readWrite",
        /// `immutable`: set at creation or replacement, never updated.
        Immutable = "immutable",
        /// `writeOnly`: may be updated, never returned.
        WriteOnly = "writeOnly",
    }
}

keyword_enum! {
    /// When an attribute is returned (RFC 7643 §7 `returned`).
    Returned {
        /// `always`: returned whatever the `attributes` parameter says.
        Always = "always",
        /// `never`: never returned.
        Never = "never",
        /// `default`: returned unless `attributes` names other attributes.
        Default = "default",
        /// `request`: returned only when asked for or set by the request.
        Request = "request",
    }
}

keyword_enum! {
    /// How uniqueness of values is enforced (RFC 7643 §7 `uniqueness`).
    Uniqueness {
        /// `none`: values need not be unique.
        None = "none",
        /// `server`: unique within the service provider.
        Server = "server",
        /// `global`: globally unique.
        Global = "global",
    }
}

impl AttributeType {
    /// Whether `canonicalValues` make sense for this type. The toolkit types canonical
    /// values as enums of strings, so only `string` attributes may carry them.
    pub const fn allows_canonical_values(self) -> bool {
        matches!(self, AttributeType::String)
    }

    /// Whether `referenceTypes` make sense for this type (RFC 7643 §7: only `reference`).
    pub const fn allows_reference_types(self) -> bool {
        matches!(self, AttributeType::Reference)
    }
}

/// A resource type (RFC 7643 §6): a named endpoint with a core schema and extensions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceType {
    /// The resource type's identifier, usually equal to its name.
    pub id: Option<Text>,
    /// The resource type's name, e.g. `User`; also `meta.resourceType` of its resources.
    pub name: Text,
    /// The human-readable description.
    pub description: Option<Text>,
    /// The endpoint relative to the service provider's base URL, e.g. `/Users`.
    pub endpoint: Text,
    /// The URI of the core schema.
    pub schema: Text,
    /// The extension schemas that resources of this type may carry.
    pub schema_extensions: List<SchemaExtension>,
}

/// An extension of a resource type (RFC 7643 §6 `schemaExtensions`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaExtension {
    /// The URI of the extension schema.
    pub schema: Text,
    /// Whether resources of this type must carry the extension.
    pub required: bool,
}
