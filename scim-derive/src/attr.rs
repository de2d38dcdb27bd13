//! Parsing of `#[scim(...)]` attributes. Every mistake is recorded in the [`Ctxt`] and
//! parsing goes on, so that one compile shows them all.

use crate::ctxt::Ctxt;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr, Path};

/// A value given once, remembering the token of the key for duplicate errors.
pub struct Once<T> {
    name: &'static str,
    value: Option<T>,
}

impl<T> Once<T> {
    pub fn new(name: &'static str) -> Self {
        Once { name, value: None }
    }

    pub fn set(&mut self, cx: &mut Ctxt, meta: &ParseNestedMeta, value: T) {
        if self.value.is_some() {
            cx.error(
                &meta.path,
                format!("duplicate scim attribute `{}`", self.name),
            );
        } else {
            self.value = Some(value);
        }
    }

    pub fn get(self) -> Option<T> {
        self.value
    }
}

/// Walks every `#[scim(...)]` attribute, calling `each` with the key of each entry.
/// `each` returns `Ok(false)` for a key it does not know.
pub fn for_each_scim_meta(
    cx: &mut Ctxt,
    attrs: &[Attribute],
    allowed: &str,
    mut each: impl FnMut(&mut Ctxt, &ParseNestedMeta) -> syn::Result<bool>,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("scim")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if !each(cx, &meta)? {
                let key = meta
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_else(|| "?".into());
                cx.error(
                    &meta.path,
                    format!("unknown scim attribute `{key}`; expected {allowed}"),
                );
                skip_value(&meta)?;
            }
            Ok(())
        });
        if let Err(error) = parsed {
            cx.push(error);
        }
    }
}

/// Consumes `= value` or `(...)` after an unknown key so parsing can go on.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| skip_value(&inner))?;
    }
    Ok(())
}

/// Reads `key = "string"`.
pub fn string_value(meta: &ParseNestedMeta) -> syn::Result<LitStr> {
    meta.value()?.parse()
}

/// Container attributes of a struct.
pub struct ContainerAttrs {
    pub schema: Option<LitStr>,
    pub krate: Option<Path>,
    pub name: Option<LitStr>,
    pub description: Option<LitStr>,
    /// `no_metadata`: a part of a protocol message, which no schema describes.
    pub no_metadata: Option<Path>,
}

pub fn container(cx: &mut Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut schema = Once::new("schema");
    let mut krate = Once::new("crate");
    let mut name = Once::new("name");
    let mut description = Once::new("description");
    let mut no_metadata = Once::new("no_metadata");
    let allowed = "`schema`, `name`, `description`, `no_metadata` or `crate`";
    for_each_scim_meta(cx, attrs, allowed, |cx, meta| {
        if meta.path.is_ident("no_metadata") {
            no_metadata.set(cx, meta, meta.path.clone());
        } else if meta.path.is_ident("name") {
            name.set(cx, meta, string_value(meta)?);
        } else if meta.path.is_ident("description") {
            description.set(cx, meta, string_value(meta)?);
        } else if meta.path.is_ident("schema") {
            let value = string_value(meta)?;
            if value.value().trim().is_empty() {
                cx.error(&value, "the schema URI must not be empty");
            }
            schema.set(cx, meta, value);
        } else if meta.path.is_ident("crate") {
            let value = string_value(meta)?;
            match value.parse::<Path>() {
                Ok(path) => krate.set(cx, meta, path),
                Err(_) => cx.error(&value, "expected a path such as `::scim`"),
            }
        } else {
            return Ok(false);
        }
        Ok(true)
    });
    ContainerAttrs {
        schema: schema.get(),
        krate: krate.get(),
        name: name.get(),
        description: description.get(),
        no_metadata: no_metadata.get(),
    }
}

/// What a field attribute asks for.
pub struct FieldAttrs {
    pub rename: Option<LitStr>,
    pub extension: Option<Path>,
    pub unknown: Option<Path>,
    /// The `common` key, for errors spanned on it.
    pub common: Option<Path>,
    pub characteristics: Characteristics,
}

/// RFC 7643 §7 characteristics given on a field; absent ones take the §2.2 defaults.
#[derive(Default)]
pub struct Characteristics {
    pub required: bool,
    pub case_exact: bool,
    pub common: bool,
    pub description: Option<LitStr>,
    /// Variant names of `scim::schema::Mutability`, `Returned`, `Uniqueness`.
    pub mutability: Option<&'static str>,
    pub returned: Option<&'static str>,
    pub uniqueness: Option<&'static str>,
}

/// The keywords of one characteristic and the variant each names.
const MUTABILITY: &[(&str, &str)] = &[
    ("readOnly", "ReadOnly"),
    ("readWrite", "ReadWrite"),
    ("immutable", "Immutable"),
    ("writeOnly", "WriteOnly"),
];
const RETURNED: &[(&str, &str)] = &[
    ("always", "Always"),
    ("never", "Never"),
    ("default", "Default"),
    ("request", "Request"),
];
const UNIQUENESS: &[(&str, &str)] = &[("none", "None"), ("server", "Server"), ("global", "Global")];

/// Reads `key = "keyword"`, matching the keyword case-insensitively.
fn keyword(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
    keywords: &[(&str, &'static str)],
) -> syn::Result<Option<&'static str>> {
    let value = string_value(meta)?;
    let text = value.value();
    let found = keywords
        .iter()
        .find(|(keyword, _)| keyword.eq_ignore_ascii_case(&text))
        .map(|(_, variant)| *variant);
    if found.is_none() {
        let listed: Vec<&str> = keywords.iter().map(|(keyword, _)| *keyword).collect();
        cx.error(
            &value,
            format!(
                "`{text}` is not a {key} (RFC 7643 §7); expected one of {}",
                listed.join(", ")
            ),
        );
    }
    Ok(found)
}

pub fn field(cx: &mut Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut rename = Once::new("rename");
    let mut extension = Once::new("extension");
    let mut unknown = Once::new("unknown");
    let mut required = Once::new("required");
    let mut case_exact = Once::new("case_exact");
    let mut common = Once::new("common");
    let mut description = Once::new("description");
    let mut mutability = Once::new("mutability");
    let mut returned = Once::new("returned");
    let mut uniqueness = Once::new("uniqueness");
    let allowed = "`rename`, `required`, `case_exact`, `mutability`, `returned`, `uniqueness`, \
                   `description`, `common`, `extension` or `unknown`";
    for_each_scim_meta(cx, attrs, allowed, |cx, meta| {
        if meta.path.is_ident("required") {
            required.set(cx, meta, ());
        } else if meta.path.is_ident("case_exact") {
            case_exact.set(cx, meta, ());
        } else if meta.path.is_ident("common") {
            common.set(cx, meta, meta.path.clone());
        } else if meta.path.is_ident("description") {
            description.set(cx, meta, string_value(meta)?);
        } else if meta.path.is_ident("mutability") {
            if let Some(variant) = keyword(cx, meta, "mutability", MUTABILITY)? {
                mutability.set(cx, meta, variant);
            }
        } else if meta.path.is_ident("returned") {
            if let Some(variant) = keyword(cx, meta, "returned", RETURNED)? {
                returned.set(cx, meta, variant);
            }
        } else if meta.path.is_ident("uniqueness") {
            if let Some(variant) = keyword(cx, meta, "uniqueness", UNIQUENESS)? {
                uniqueness.set(cx, meta, variant);
            }
        } else if meta.path.is_ident("rename") {
            rename.set(cx, meta, string_value(meta)?);
        } else if meta.path.is_ident("extension") {
            extension.set(cx, meta, meta.path.clone());
        } else if meta.path.is_ident("unknown") {
            unknown.set(cx, meta, meta.path.clone());
        } else {
            return Ok(false);
        }
        Ok(true)
    });
    let common = common.get();
    FieldAttrs {
        rename: rename.get(),
        extension: extension.get(),
        unknown: unknown.get(),
        common: common.clone(),
        characteristics: Characteristics {
            required: required.get().is_some(),
            case_exact: case_exact.get().is_some(),
            common: common.is_some(),
            description: description.get(),
            mutability: mutability.get(),
            returned: returned.get(),
            uniqueness: uniqueness.get(),
        },
    }
}

/// What a variant attribute of a canonical-values enum asks for.
pub struct VariantAttrs {
    pub value: Option<LitStr>,
    pub other: Option<Path>,
}

pub fn variant(cx: &mut Ctxt, attrs: &[Attribute]) -> VariantAttrs {
    let mut value = Once::new("value");
    let mut other = Once::new("other");
    for_each_scim_meta(cx, attrs, "`value` or `other`", |cx, meta| {
        if meta.path.is_ident("value") {
            value.set(cx, meta, string_value(meta)?);
        } else if meta.path.is_ident("other") {
            other.set(cx, meta, meta.path.clone());
        } else {
            return Ok(false);
        }
        Ok(true)
    });
    VariantAttrs {
        value: value.get(),
        other: other.get(),
    }
}
