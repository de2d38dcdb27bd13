//! The typed model of a struct that derives `Resource` or `Complex`.

use crate::attr;
use crate::ctxt::Ctxt;
use heck::ToLowerCamelCase;
use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields, GenericArgument, Ident, LitStr, Path, PathArguments, Type};

/// Which derive is running.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A resource: carries `schemas`, extensions keyed by URN.
    Resource,
    /// A complex attribute value, or (with a schema) an extension object.
    Complex,
    /// A protocol message (RFC 7644 §3): carries `schemas` with its one URI.
    Message,
}

impl Kind {
    /// Whether the struct writes and checks a `schemas` attribute.
    pub fn has_schemas(self) -> bool {
        matches!(self, Kind::Resource | Kind::Message)
    }
}

/// A struct ready for expansion.
pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a syn::Generics,
    pub kind: Kind,
    pub schema: Option<LitStr>,
    /// The schema's human-readable name and description, for its Schema resource.
    pub name: Option<LitStr>,
    pub description: Option<LitStr>,
    /// Whether to describe the attributes (`Attributes`, `AttributeValue`, the schema).
    pub metadata: bool,
    pub krate: Path,
    pub attributes: Vec<AttributeField<'a>>,
    pub extensions: Vec<ExtensionField<'a>>,
    pub unknown: Option<&'a Ident>,
}

/// How an attribute field holds its value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `Option<T>`: absent or null is `None`.
    Optional,
    /// `Vec<T>`: a multi-valued attribute; absent, null and `[]` are empty.
    MultiValued,
    /// Any other type: the attribute must be present.
    Plain,
}

/// A field that holds one attribute.
pub struct AttributeField<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
    /// The type of one value: `T` of `Option<T>` and `Vec<T>`, else the field's type.
    pub value_ty: &'a Type,
    pub wire: String,
    pub shape: Shape,
    pub characteristics: attr::Characteristics,
}

/// A field that holds a typed extension, `Option<T>` with `T: Extension`.
pub struct ExtensionField<'a> {
    pub member: &'a Ident,
    pub inner: &'a Type,
}

impl<'a> Container<'a> {
    pub fn from_input(cx: &mut Ctxt, input: &'a DeriveInput, kind: Kind) -> Option<Self> {
        let container = attr::container(cx, &input.attrs);
        if let Some(param) = input
            .generics
            .params
            .iter()
            .find(|param| !matches!(param, syn::GenericParam::Type(_)))
        {
            cx.error(param, "SCIM derives support type parameters only");
        }
        if kind.has_schemas() && container.schema.is_none() {
            cx.error(
                &input.ident,
                "a resource or message needs its schema URI: add #[scim(schema = \"urn:...\")]",
            );
        }
        if let Some(no_metadata) = &container.no_metadata {
            if kind != Kind::Complex || container.schema.is_some() {
                cx.error(
                    no_metadata,
                    "`no_metadata` is for parts of protocol messages: resources and extensions are described by their schema",
                );
            }
        }
        let named = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => named,
                other => {
                    cx.error(other, "SCIM derives need a struct with named fields");
                    return None;
                }
            },
            _ => {
                cx.error(&input.ident, "SCIM derives need a struct with named fields");
                return None;
            }
        };
        let mut container = Container {
            ident: &input.ident,
            generics: &input.generics,
            kind,
            name: container.name,
            description: container.description,
            metadata: kind != Kind::Message && container.no_metadata.is_none(),
            schema: container.schema,
            krate: container.krate.unwrap_or_else(|| syn::parse_quote!(::scim)),
            attributes: Vec::new(),
            extensions: Vec::new(),
            unknown: None,
        };
        for field in &named.named {
            let Some(member) = field.ident.as_ref() else {
                continue;
            };
            let attrs = attr::field(cx, &field.attrs);
            if let Some(extension) = &attrs.extension {
                if kind != Kind::Resource {
                    cx.error(extension, "only a resource can hold extensions");
                }
                if let Some(rename) = &attrs.rename {
                    cx.error(
                        rename,
                        "an extension is keyed by its schema URI and cannot be renamed",
                    );
                }
                match option_inner(&field.ty) {
                    Some(inner) => container.extensions.push(ExtensionField { member, inner }),
                    None => cx.error(&field.ty, "an extension field must be an `Option<T>`"),
                }
                continue;
            }
            if let Some(unknown) = &attrs.unknown {
                if let Some(rename) = &attrs.rename {
                    cx.error(rename, "the unknown-attributes field has no wire name");
                }
                if container.unknown.is_some() {
                    cx.error(unknown, "only one field can hold the unknown attributes");
                } else {
                    container.unknown = Some(member);
                }
                continue;
            }
            let wire = match &attrs.rename {
                Some(rename) => {
                    let wire = rename.value();
                    if !is_attribute_name(&wire) {
                        cx.error(
                            rename,
                            "not a SCIM attribute name (RFC 7643 §2.1): a letter, then letters, digits, `$`, `-`, `_`; or `$ref`",
                        );
                    }
                    wire
                }
                None => member.unraw().to_string().to_lower_camel_case(),
            };
            if wire.eq_ignore_ascii_case("schemas") && kind.has_schemas() {
                cx.error(member, "`schemas` is written by the derive from the core schema and the extensions present");
            }
            let duplicate = container
                .attributes
                .iter()
                .any(|other| other.wire.eq_ignore_ascii_case(&wire));
            if duplicate {
                cx.error(
                    member,
                    format!(
                        "attribute name `{wire}` is used twice (names compare case-insensitively)"
                    ),
                );
            }
            if let Some(common) = &attrs.common {
                if kind != Kind::Resource {
                    cx.error(
                        common,
                        "only a resource has the common attributes (RFC 7643 §3.1)",
                    );
                } else if common_index(&wire).is_none() {
                    cx.error(
                        common,
                        format!("`{wire}` is not a common attribute (RFC 7643 §3.1): only `id`, `externalId` and `meta` are"),
                    );
                }
            }
            let shape = shape_of(&field.ty);
            let value_ty = match shape {
                Shape::Optional | Shape::MultiValued => {
                    generic_argument(&field.ty).unwrap_or(&field.ty)
                }
                Shape::Plain => &field.ty,
            };
            container.attributes.push(AttributeField {
                member,
                ty: &field.ty,
                value_ty,
                shape,
                wire,
                characteristics: attrs.characteristics,
            });
        }
        Some(container)
    }
}

/// The position of a common attribute (RFC 7643 §3.1) in the runtime's table of them.
pub fn common_index(wire: &str) -> Option<usize> {
    ["id", "externalId", "meta"]
        .iter()
        .position(|name| name.eq_ignore_ascii_case(wire))
}

/// RFC 7643 §2.1 ATTRNAME (`ALPHA *(nameChar)`, nameChar `"$" / "-" / "_" / DIGIT /
/// ALPHA`), plus `$ref` in any case (erratum 8924): the rule the schema loader applies.
fn is_attribute_name(name: &str) -> bool {
    if name.eq_ignore_ascii_case("$ref") {
        return true;
    }
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '$' | '-' | '_'))
}

fn shape_of(ty: &Type) -> Shape {
    match last_segment(ty) {
        Some((ident, _)) if ident == "Option" => Shape::Optional,
        Some((ident, _)) if ident == "Vec" => Shape::MultiValued,
        _ => Shape::Plain,
    }
}

fn option_inner(ty: &Type) -> Option<&Type> {
    let (ident, _) = last_segment(ty)?;
    if ident != "Option" {
        return None;
    }
    generic_argument(ty)
}

/// The one type argument of `Option<T>` or `Vec<T>`.
fn generic_argument(ty: &Type) -> Option<&Type> {
    let (_, arguments) = last_segment(ty)?;
    match arguments {
        PathArguments::AngleBracketed(args) if args.args.len() == 1 => match args.args.first() {
            Some(GenericArgument::Type(inner)) => Some(inner),
            _ => None,
        },
        _ => None,
    }
}

fn last_segment(ty: &Type) -> Option<(&Ident, &PathArguments)> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .map(|segment| (&segment.ident, &segment.arguments)),
        _ => None,
    }
}
