//! From a loaded [`SchemaSet`] to Rust source: plan the items, name them, emit tokens.
//!
//! What becomes what:
//! - each ResourceType (RFC 7643 §6) becomes a resource struct named after it, holding the
//!   common attributes (RFC 7643 §3.1), the core schema's attributes, one typed field per
//!   schema extension and the unknown attributes;
//! - each schema used as a schema extension becomes an extension struct named after the
//!   schema (its `name` when that is one word, else the last segment of its URI);
//! - a schema that no ResourceType names becomes an extension struct when its URI
//!   contains `:extension:` (RFC 7643 §3.3 naming), a resource struct otherwise;
//! - complex attributes become structs, and string attributes with canonical values
//!   become enums, in a module named after the resource or extension;
//! - `referenceTypes` become marker types in a `reference_types` module.
//!
//! Items are ordered by name and attributes keep schema order, so output is deterministic.

use crate::docs;
use crate::naming::{self, UNKNOWN_FIELD};
use crate::Problem;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use scim::schema::{
    Attribute, AttributeType, Mutability, Origin, ResourceType, Returned, Schema, SchemaSet,
    Uniqueness, COMMON_ATTRIBUTES,
};
use std::collections::{BTreeMap, BTreeSet};

const REFERENCE_MODULE: &str = "reference_types";

/// A top-level item to generate.
enum Unit<'a> {
    Resource {
        name: String,
        core: &'a Schema,
        /// Each extension schema, and whether the resource type requires it.
        extensions: Vec<(&'a Schema, bool)>,
        resource_type: Option<&'a ResourceType>,
    },
    Extension {
        name: String,
        schema: &'a Schema,
    },
}

impl Unit<'_> {
    fn name(&self) -> &str {
        match self {
            Unit::Resource { name, .. } | Unit::Extension { name, .. } => name,
        }
    }

    fn schema(&self) -> &Schema {
        match self {
            Unit::Resource { core, .. } => core,
            Unit::Extension { schema, .. } => schema,
        }
    }
}

/// Where a struct sits: at the top level of the file, or in a unit's module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Top,
    Module,
}

/// What a struct is, for its derive.
enum StructKind<'a> {
    Resource(&'a Schema),
    Extension(&'a Schema),
    Complex,
}

/// Names that generated code uses unqualified, so no generated type may take them.
const RESERVED_TYPE_NAMES: &[&str] =
    &["Default", "Into", "None", "Option", "Some", "String", "Vec"];

/// The names already used in one module.
struct Scope {
    names: BTreeSet<String>,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            names: RESERVED_TYPE_NAMES
                .iter()
                .map(|name| name.to_string())
                .collect(),
        }
    }
}

impl Scope {
    fn claim(&mut self, name: &str) -> bool {
        self.names.insert(name.to_owned())
    }
}

/// Choices the user made, keyed by source names (schema URI, resource type name,
/// attribute path), never by Rust names.
#[derive(Clone, Debug)]
pub struct Options {
    /// The path of the runtime crate.
    pub runtime: syn::Path,
    /// Type names by schema URI or resource type name, compared case-insensitively.
    pub type_names: BTreeMap<String, String>,
    /// Field names by (schema URI, attribute path), compared case-insensitively.
    pub field_names: BTreeMap<(String, String), String>,
}

impl Options {
    /// No renames, the runtime at `runtime`.
    pub fn new(runtime: syn::Path) -> Self {
        Options {
            runtime,
            type_names: BTreeMap::new(),
            field_names: BTreeMap::new(),
        }
    }

    fn type_name(&self, source: &str, default: &str) -> String {
        self.type_names
            .get(&source.to_ascii_lowercase())
            .cloned()
            .unwrap_or_else(|| naming::type_name(default))
    }
}

/// Emits the source of every unit in `set`.
pub fn generate(set: &SchemaSet, options: &Options) -> Result<TokenStream, Vec<Problem>> {
    let units = plan_units(set, options);
    let mut generator = Generator {
        set,
        options: options.clone(),
        runtime: options.runtime.clone(),
        problems: Vec::new(),
        markers: BTreeMap::new(),
    };
    generator.check_renames(set);
    generator.check_top_level_names(&units);
    let mut items = Vec::new();
    for unit in &units {
        items.push(generator.unit(unit));
    }
    items.push(generator.reference_markers());
    if generator.problems.is_empty() {
        Ok(quote!(#(#items)*))
    } else {
        Err(generator.problems)
    }
}

/// Decides which schemas become resources and which extensions, ordered by name.
fn plan_units<'a>(set: &'a SchemaSet, options: &Options) -> Vec<Unit<'a>> {
    let mut units = Vec::new();
    let mut cores = BTreeSet::new();
    let mut extensions = BTreeSet::new();
    for resource_type in set.resource_types() {
        let Some(core) = set.schema(&resource_type.schema) else {
            continue;
        };
        cores.insert(core.id.to_ascii_lowercase());
        let typed: Vec<(&Schema, bool)> = resource_type
            .schema_extensions
            .iter()
            .filter_map(|extension| Some((set.schema(&extension.schema)?, extension.required)))
            .collect();
        extensions.extend(
            typed
                .iter()
                .map(|(schema, _)| schema.id.to_ascii_lowercase()),
        );
        units.push(Unit::Resource {
            name: options.type_name(&resource_type.name, &resource_type.name),
            core,
            extensions: typed,
            resource_type: Some(resource_type),
        });
    }
    for schema in set.schemas() {
        let id = schema.id.to_ascii_lowercase();
        let name = options.type_name(&schema.id, schema_name(schema));
        if extensions.contains(&id) || (!cores.contains(&id) && id.contains(":extension:")) {
            units.push(Unit::Extension { name, schema });
        } else if !cores.contains(&id) {
            units.push(Unit::Resource {
                name,
                core: schema,
                extensions: Vec::new(),
                resource_type: None,
            });
        }
    }
    units.sort_by(|a, b| a.name().cmp(b.name()));
    units
}

/// The schema's name when it is one word (`User`, `EnterpriseUser`), else the last
/// segment of its URI (`Service Provider Configuration` → `ServiceProviderConfig`).
fn schema_name(schema: &Schema) -> &str {
    match &schema.name {
        Some(name) if !name.trim().is_empty() && !name.contains(char::is_whitespace) => name,
        _ => schema.id.rsplit(':').next().unwrap_or(&schema.id),
    }
}

struct Generator<'a> {
    /// The schemas being generated, for the origins of problems.
    set: &'a SchemaSet,
    options: Options,
    runtime: syn::Path,
    problems: Vec<Problem>,
    /// Marker type name → the referenceTypes it stands for.
    markers: BTreeMap<String, Vec<String>>,
}

/// One field of a struct being emitted.
struct FieldSpec {
    ident: Ident,
    wire: String,
    ty: TokenStream,
    /// The parameter type in `new` for required attributes.
    param: Option<TokenStream>,
    docs: Vec<String>,
    extension: bool,
    /// The attribute the field holds (none for extension fields), for its `#[scim]` keys.
    attribute: Option<Attribute>,
    /// Whether it is a common attribute (RFC 7643 §3.1) rather than one of the schema's.
    common: bool,
}

impl Generator<'_> {
    /// Reports a problem with the attribute at `path` of the schema `schema`, or with
    /// the schema itself when `path` is empty or names no attribute it defines (a
    /// common attribute, an extension field); its origin is that attribute's or
    /// schema's place in the inputs.
    fn problem(&mut self, schema: &str, path: &str, message: impl Into<String>) {
        let origin = Some(path)
            .filter(|path| !path.is_empty())
            .and_then(|path| self.set.origin_of_attribute(schema, path))
            .or_else(|| self.set.origin_of_schema(schema))
            .cloned();
        self.problem_at(origin, schema, path, message);
    }

    /// Reports a problem whose place in the inputs is `origin`.
    fn problem_at(
        &mut self,
        origin: Option<Origin>,
        schema: &str,
        path: &str,
        message: impl Into<String>,
    ) {
        self.problems.push(Problem {
            schema: schema.to_owned(),
            path: path.to_owned(),
            message: message.into(),
            origin,
        });
    }

    /// Where a unit's type name comes from: the `name` of its resource type
    /// (RFC 7643 §6), or else its schema's `id`.
    fn unit_origin(&self, unit: &Unit) -> Option<Origin> {
        let from_resource_type = match unit {
            Unit::Resource {
                resource_type: Some(resource_type),
                ..
            } => self.set.origin_of_resource_type(&resource_type.name),
            _ => None,
        };
        from_resource_type
            .or_else(|| self.set.origin_of_schema(&unit.schema().id))
            .cloned()
    }

    /// Reports renames whose source names nothing in `set`: a typo in a build script
    /// should not pass silently.
    fn check_renames(&mut self, set: &SchemaSet) {
        for source in self.options.type_names.keys().cloned().collect::<Vec<_>>() {
            let known = set.schema(&source).is_some() || set.resource_type(&source).is_some();
            if !known {
                self.problem_at(
                    None,
                    &source,
                    "",
                    "rename_type names no schema URI or resource type among the inputs",
                );
            }
        }
        let field_sources: Vec<(String, String)> =
            self.options.field_names.keys().cloned().collect();
        for (schema, path) in field_sources {
            let known = set
                .schema(&schema)
                .is_some_and(|found| attribute_at(&found.attributes, &path).is_some())
                || (path_is_common(&path) && set.schema(&schema).is_some());
            if !known {
                self.problem_at(
                    None,
                    &schema,
                    &path,
                    "rename_field names no attribute of that schema among the inputs",
                );
            }
        }
    }

    fn check_top_level_names(&mut self, units: &[Unit]) {
        let mut types = BTreeMap::new();
        let mut modules = BTreeMap::from([(
            REFERENCE_MODULE.to_owned(),
            "the reference marker types".to_owned(),
        )]);
        for unit in units {
            let id = unit.schema().id.to_string();
            let origin = self.unit_origin(unit);
            if RESERVED_TYPE_NAMES.contains(&unit.name()) {
                self.problem_at(
                    origin.clone(),
                    &id,
                    "",
                    format!(
                        "the Rust type name `{}` is reserved: generated code uses it from Rust's prelude; \
                         choose another with Builder::rename_type",
                        unit.name()
                    ),
                );
            } else if let Some(first) = types.insert(unit.name().to_owned(), id.clone()) {
                self.problem_at(
                    origin.clone(),
                    &id,
                    "",
                    format!(
                        "the Rust type name `{}` is also the name generated for {first}; \
                         choose another with Builder::rename_type",
                        unit.name()
                    ),
                );
            }
            let module = naming::module_name(unit.name());
            if let Some(first) = modules.insert(module.clone(), id.clone()) {
                self.problem_at(
                    origin,
                    &id,
                    "",
                    format!("the module name `{module}` is also used for {first}"),
                );
            }
        }
    }

    fn unit(&mut self, unit: &Unit) -> TokenStream {
        let name = unit.name();
        let schema = unit.schema();
        let mut scope = Scope::default();
        let mut module_items = Vec::new();
        let mut fields = Vec::new();
        let mut docs = docs::paragraphs(schema.description.as_deref());
        let kind = match unit {
            Unit::Resource {
                core,
                extensions,
                resource_type,
                ..
            } => {
                match resource_type {
                    Some(resource_type) => docs.push(format!(
                        "Resource type `{}` at endpoint `{}`, core schema `{}`.",
                        resource_type.name, resource_type.endpoint, core.id
                    )),
                    None => docs.push(format!("Resource with core schema `{}`.", core.id)),
                }
                let common: Vec<Attribute> = COMMON_ATTRIBUTES
                    .iter()
                    .filter(|common| core.attribute(&common.name).is_none())
                    .cloned()
                    .collect();
                let common_fields = self.fields(
                    name,
                    &core.id,
                    "",
                    &common,
                    Level::Top,
                    &mut scope,
                    &mut module_items,
                );
                fields.extend(common_fields.into_iter().map(|field| FieldSpec {
                    common: true,
                    ..field
                }));
                fields.extend(self.fields(
                    name,
                    &core.id,
                    "",
                    &core.attributes,
                    Level::Top,
                    &mut scope,
                    &mut module_items,
                ));
                for (extension, required) in extensions {
                    fields.push(self.extension_field(extension, *required));
                }
                StructKind::Resource(core)
            }
            Unit::Extension { schema, .. } => {
                docs.push(format!("Schema extension `{}` (RFC 7643 §3.3).", schema.id));
                fields.extend(self.fields(
                    name,
                    &schema.id,
                    "",
                    &schema.attributes,
                    Level::Top,
                    &mut scope,
                    &mut module_items,
                ));
                StructKind::Extension(schema)
            }
        };
        self.check_field_names(&schema.id, "", &fields);
        let ident = format_ident!("{}", name);
        let definition = self.struct_item(&ident, &docs, kind, &fields);
        let module = if module_items.is_empty() {
            TokenStream::new()
        } else {
            let module = ident_of(&naming::module_name(name));
            let doc = format!(" Types of the attributes of [`{name}`].");
            quote! {
                #[doc = #doc]
                pub mod #module {
                    #(#module_items)*
                }
            }
        };
        quote!(#definition #module)
    }

    fn extension_field(&mut self, extension: &Schema, required: bool) -> FieldSpec {
        let type_name = self
            .options
            .type_name(&extension.id, schema_name(extension));
        let ty = ident_of(&type_name);
        let mut docs = vec![format!(
            "The `{}` extension ([`{type_name}`]), keyed by its URI on the wire{}.",
            extension.id,
            if required {
                "; the resource type requires it"
            } else {
                ""
            }
        )];
        if let Some(description) = &extension.description {
            docs.push(String::new());
            docs.extend(docs::wrap(description));
        }
        FieldSpec {
            ident: ident_of(&naming::field_name(&type_name)),
            wire: extension.id.to_string(),
            ty: quote!(Option<#ty>),
            param: required.then(|| quote!(#ty)),
            docs,
            extension: true,
            attribute: None,
            common: false,
        }
    }

    /// The fields for `attributes`, emitting nested types into `module_items`.
    #[allow(clippy::too_many_arguments)]
    fn fields(
        &mut self,
        owner: &str,
        schema: &str,
        parent_path: &str,
        attributes: &[Attribute],
        level: Level,
        scope: &mut Scope,
        module_items: &mut Vec<TokenStream>,
    ) -> Vec<FieldSpec> {
        attributes
            .iter()
            .map(|attribute| {
                let path = join_path(parent_path, &attribute.name);
                let value =
                    self.value_type(owner, schema, &path, attribute, level, scope, module_items);
                let (ty, param) = if attribute.multi_valued {
                    (quote!(Vec<#value>), quote!(Vec<#value>))
                } else {
                    let param = if attribute.kind == AttributeType::String {
                        quote!(impl Into<#value>)
                    } else {
                        value.clone()
                    };
                    (quote!(Option<#value>), param)
                };
                let mut docs = docs::paragraphs(attribute.description.as_deref());
                docs.push(docs::characteristics(attribute));
                let field_name = self
                    .options
                    .field_names
                    .get(&(schema.to_ascii_lowercase(), path.to_ascii_lowercase()))
                    .cloned()
                    .unwrap_or_else(|| naming::field_name(&attribute.name));
                FieldSpec {
                    ident: ident_of(&field_name),
                    wire: attribute.name.to_string(),
                    ty,
                    param: attribute.required.then_some(param),
                    docs,
                    extension: false,
                    attribute: Some(attribute.clone()),
                    common: false,
                }
            })
            .collect()
    }

    /// The Rust type of one value of `attribute`.
    #[allow(clippy::too_many_arguments)]
    fn value_type(
        &mut self,
        owner: &str,
        schema: &str,
        path: &str,
        attribute: &Attribute,
        level: Level,
        scope: &mut Scope,
        module_items: &mut Vec<TokenStream>,
    ) -> TokenStream {
        let runtime = self.runtime.clone();
        let in_module = |name: &str| {
            let ident = ident_of(name);
            match level {
                Level::Module => quote!(#ident),
                Level::Top => {
                    let module = ident_of(&naming::module_name(owner));
                    quote!(#module::#ident)
                }
            }
        };
        match attribute.kind {
            AttributeType::String if attribute.canonical_values.is_empty() => {
                quote!(String)
            }
            AttributeType::String => {
                let prefix = match level {
                    Level::Top => "",
                    Level::Module => owner,
                };
                let base = naming::element_type_name(&attribute.name, attribute.multi_valued);
                let Some(name) = self.claim_type_name(scope, schema, path, &base, prefix, owner)
                else {
                    return quote!(String);
                };
                let item = self.canonical_enum(&name, path, attribute);
                module_items.push(item);
                in_module(&name)
            }
            AttributeType::Boolean => quote!(bool),
            AttributeType::Integer => quote!(i64),
            AttributeType::Decimal => quote!(#runtime::value::Decimal),
            AttributeType::DateTime => quote!(#runtime::value::DateTime),
            AttributeType::Binary => quote!(#runtime::value::Binary),
            AttributeType::Reference => {
                if attribute.reference_types.is_empty() {
                    quote!(#runtime::value::Reference)
                } else {
                    let marker = ident_of(&self.marker(&attribute.reference_types));
                    let module = ident_of(REFERENCE_MODULE);
                    match level {
                        Level::Top => quote!(#runtime::value::Reference<#module::#marker>),
                        Level::Module => {
                            quote!(#runtime::value::Reference<super::#module::#marker>)
                        }
                    }
                }
            }
            AttributeType::Complex
                if level == Level::Top && parent_is_common_meta(path, attribute) =>
            {
                quote!(#runtime::Meta)
            }
            AttributeType::Complex => {
                let base = naming::element_type_name(&attribute.name, attribute.multi_valued);
                let Some(name) = self.claim_type_name(scope, schema, path, &base, "", owner) else {
                    return quote!(#runtime::UnknownAttributes);
                };
                let fields = self.fields(
                    &name,
                    schema,
                    path,
                    &attribute.sub_attributes,
                    Level::Module,
                    scope,
                    module_items,
                );
                self.check_field_names(schema, path, &fields);
                let mut docs = docs::paragraphs(attribute.description.as_deref());
                docs.push(format!("The value of the complex attribute `{path}`."));
                let item = self.struct_item(&ident_of(&name), &docs, StructKind::Complex, &fields);
                module_items.push(item);
                in_module(&name)
            }
        }
    }

    /// Claims `base` in the module, else `prefix + base`, else reports a collision.
    fn claim_type_name(
        &mut self,
        scope: &mut Scope,
        schema: &str,
        path: &str,
        base: &str,
        prefix: &str,
        owner: &str,
    ) -> Option<String> {
        let preferred = format!("{prefix}{base}");
        if scope.claim(&preferred) {
            return Some(preferred);
        }
        let qualified = format!("{owner}{base}");
        if qualified != preferred && scope.claim(&qualified) {
            return Some(qualified);
        }
        self.problem(
            schema,
            path,
            format!("the generated type name `{preferred}` is already used in this module"),
        );
        None
    }

    fn marker(&mut self, reference_types: &[scim::schema::Text]) -> String {
        let types: Vec<String> = reference_types.iter().map(|t| t.to_string()).collect();
        if let Some((name, _)) = self.markers.iter().find(|(_, known)| **known == types) {
            return name.clone();
        }
        let base = types
            .iter()
            .map(|t| naming::type_name(t))
            .collect::<Vec<_>>()
            .join("Or");
        let taken: BTreeSet<String> = self.markers.keys().cloned().collect();
        let name = unique_name(&base, &taken);
        self.markers.insert(name.clone(), types);
        name
    }

    fn reference_markers(&mut self) -> TokenStream {
        if self.markers.is_empty() {
            return TokenStream::new();
        }
        let runtime = &self.runtime;
        let markers = self.markers.iter().map(|(name, types)| {
            let ident = ident_of(name);
            let listed = types
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let doc = format!(" A reference to {listed} (RFC 7643 §7 `referenceTypes`).");
            quote! {
                #[doc = #doc]
                #[derive(Debug)]
                pub enum #ident {}

                impl #runtime::value::ReferenceTypes for #ident {
                    const TYPES: &'static [#runtime::schema::Text] = &[#(#runtime::schema::text(#types)),*];
                }
            }
        });
        let module = ident_of(REFERENCE_MODULE);
        quote! {
            /// Marker types for the `referenceTypes` of reference attributes (RFC 7643 §2.3.7).
            pub mod #module {
                #(#markers)*
            }
        }
    }

    fn canonical_enum(&self, name: &str, path: &str, attribute: &Attribute) -> TokenStream {
        let runtime = self.runtime.clone();
        let mut variants = BTreeSet::new();
        let mut values: Vec<&str> = Vec::new();
        let mut skipped = Vec::new();
        let mut tokens = Vec::new();
        for value in attribute.canonical_values.iter() {
            let value = value.as_ref();
            // Values match case-insensitively, so a repeat in other case (or an empty
            // value) could never be told apart: it is left out, and said so.
            if value.is_empty() || values.iter().any(|seen| seen.eq_ignore_ascii_case(value)) {
                skipped.push(value);
                continue;
            }
            values.push(value);
            let variant = unique_name(&naming::type_name(value), &variants);
            variants.insert(variant.clone());
            let ident = ident_of(&variant);
            let doc = format!(" `{}`", docs::escape_text(value));
            tokens.push(quote! {
                #[doc = #doc]
                #[scim(value = #value)]
                #ident,
            });
        }
        let other = if variants.contains("Other") {
            unique_name("Custom", &variants)
        } else {
            "Other".to_owned()
        };
        let other = ident_of(&other);
        let mut docs = vec![format!(
            "Values of `{path}`: the canonical values (RFC 7643 §7 `canonicalValues`) and any other."
        )];
        docs.push(String::new());
        docs.push(
            "Input matches canonical values in any case; output uses the canonical spelling."
                .to_owned(),
        );
        if !skipped.is_empty() {
            let listed: Vec<String> = skipped
                .iter()
                .map(|value| format!("`{}`", docs::escape_text(value)))
                .collect();
            docs.push(String::new());
            docs.push(format!(
                "The schema also lists {}, which repeat other values in another case or are empty.",
                listed.join(", ")
            ));
        }
        let docs = docs::attrs(&docs);
        let ident = ident_of(name);
        quote! {
            #docs
            #[derive(Clone, Debug, PartialEq, Eq, Hash, #runtime::CanonicalValues)]
            pub enum #ident {
                #(#tokens)*
                /// Any value that is not canonical, kept as given.
                #[scim(other)]
                #other(String),
            }
        }
    }

    fn check_field_names(&mut self, schema: &str, path: &str, fields: &[FieldSpec]) {
        let mut seen = BTreeMap::new();
        for field in fields {
            let name = field.ident.to_string();
            let at = join_path(path, &field.wire);
            if path.is_empty() && field.wire.eq_ignore_ascii_case("schemas") {
                self.problem(
                    schema,
                    &at,
                    "an attribute cannot be named `schemas`: every resource has that attribute \
                     (RFC 7643 §3), and the generated code writes it",
                );
            } else if name == UNKNOWN_FIELD {
                self.problem(
                    schema,
                    &at,
                    format!(
                        "the Rust field name `{name}` is reserved for the attributes no schema defines; \
                         choose another with Builder::rename_field"
                    ),
                );
            } else if let Some(first) = seen.insert(name.clone(), field.wire.clone()) {
                self.problem(
                    schema,
                    &at,
                    format!(
                        "the Rust field name `{name}` is also the name of `{first}`; \
                         choose another with Builder::rename_field"
                    ),
                );
            }
        }
    }

    fn struct_item(
        &self,
        ident: &Ident,
        docs: &[String],
        kind: StructKind,
        fields: &[FieldSpec],
    ) -> TokenStream {
        let runtime = &self.runtime;
        let crate_attr = if is_default_runtime(runtime) {
            TokenStream::new()
        } else {
            let path = quote!(#runtime).to_string().replace(' ', "");
            quote!(#[scim(crate = #path)])
        };
        let (derive, container) = match kind {
            StructKind::Resource(schema) => (quote!(#runtime::Resource), schema_attr(schema)),
            StructKind::Extension(schema) => (quote!(#runtime::Complex), schema_attr(schema)),
            StructKind::Complex => (quote!(#runtime::Complex), TokenStream::new()),
        };
        let docs = docs::attrs(docs);
        let field_tokens = fields.iter().map(|field| {
            let ident = &field.ident;
            let ty = &field.ty;
            let docs = docs::attrs(&field.docs);
            let attr = if field.extension {
                quote!(#[scim(extension)])
            } else {
                field_attr(field)
            };
            quote! {
                #docs
                #attr
                pub #ident: #ty,
            }
        });
        let unknown = ident_of(UNKNOWN_FIELD);
        let constructor = constructor(ident, fields);
        quote! {
            #docs
            #[derive(Clone, Debug, Default, PartialEq, #derive)]
            #container
            #crate_attr
            pub struct #ident {
                #(#field_tokens)*
                /// Attributes that no schema known here defines, kept from input so that
                /// nothing is lost.
                #[scim(unknown)]
                pub #unknown: #runtime::UnknownAttributes,
            }

            #constructor
        }
    }
}

/// The attribute at a dotted `path` (`name.givenName`), names compared case-insensitively.
fn attribute_at<'a>(attributes: &'a [Attribute], path: &str) -> Option<&'a Attribute> {
    let mut attributes = attributes;
    let mut found = None;
    for name in path.split('.') {
        let attribute = attributes
            .iter()
            .find(|attribute| attribute.name.eq_ignore_ascii_case(name))?;
        attributes = &attribute.sub_attributes;
        found = Some(attribute);
    }
    found
}

/// Whether `path` names a common attribute (RFC 7643 §3.1) or one of its sub-attributes.
fn path_is_common(path: &str) -> bool {
    attribute_at(COMMON_ATTRIBUTES, path).is_some()
}

/// `#[scim(schema = .., name = .., description = ..)]` for a resource or extension.
fn schema_attr(schema: &Schema) -> TokenStream {
    let id = schema.id.as_ref();
    let name = schema.name.as_deref().map(|name| quote!(, name = #name));
    let description = schema
        .description
        .as_deref()
        .map(|description| quote!(, description = #description));
    quote!(#[scim(schema = #id #name #description)])
}

/// The `#[scim(...)]` of an attribute field: its wire name when the derive would guess
/// another, and every characteristic that differs from the RFC 7643 §2.2 defaults.
fn field_attr(field: &FieldSpec) -> TokenStream {
    let mut keys = Vec::new();
    if naming::needs_rename(&field.ident.to_string(), &field.wire) {
        let wire = &field.wire;
        keys.push(quote!(rename = #wire));
    }
    if field.common {
        keys.push(quote!(common));
    }
    if let Some(attribute) = &field.attribute {
        if attribute.required {
            keys.push(quote!(required));
        }
        if attribute.case_exact {
            keys.push(quote!(case_exact));
        }
        if attribute.mutability != Mutability::ReadWrite {
            let keyword = attribute.mutability.as_str();
            keys.push(quote!(mutability = #keyword));
        }
        if attribute.returned != Returned::Default {
            let keyword = attribute.returned.as_str();
            keys.push(quote!(returned = #keyword));
        }
        if attribute.uniqueness != Uniqueness::None {
            let keyword = attribute.uniqueness.as_str();
            keys.push(quote!(uniqueness = #keyword));
        }
        if let Some(description) = attribute.description.as_deref() {
            keys.push(quote!(description = #description));
        }
    }
    if keys.is_empty() {
        TokenStream::new()
    } else {
        quote!(#[scim(#(#keys),*)])
    }
}

/// `base`, or `base2`, `base3`, ... : the first not in `taken`.
fn unique_name(base: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..)
        .map(|suffix| format!("{base}{suffix}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| base.to_owned())
}

/// `new`, taking exactly the required attributes.
fn constructor(ident: &Ident, fields: &[FieldSpec]) -> TokenStream {
    let required: Vec<&FieldSpec> = fields
        .iter()
        .filter(|field| field.param.is_some())
        .collect();
    let params = required.iter().map(|field| {
        let name = &field.ident;
        let param = &field.param;
        quote!(#name: #param)
    });
    let assignments = required.iter().map(|field| {
        let name = &field.ident;
        let attribute = field.attribute.as_ref();
        if attribute.is_some_and(|attribute| attribute.multi_valued) {
            quote!(#name)
        } else if attribute.is_some_and(|attribute| attribute.kind == AttributeType::String) {
            quote!(#name: Some(#name.into()))
        } else {
            quote!(#name: Some(#name))
        }
    });
    let doc = if required.is_empty() {
        format!(" Returns a new `{ident}` with every attribute unassigned.")
    } else {
        let names = required
            .iter()
            .map(|field| format!("`{}`", field.wire))
            .collect::<Vec<_>>()
            .join(", ");
        format!(" Returns a new `{ident}` with its required attributes ({names}); every other attribute is unassigned.")
    };
    let allow = if required.len() > 7 {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        TokenStream::new()
    };
    let body = if required.is_empty() {
        quote!(Self::default())
    } else {
        quote! {
            #ident {
                #(#assignments,)*
                ..Default::default()
            }
        }
    };
    quote! {
        impl #ident {
            #[doc = #doc]
            #allow
            pub fn new(#(#params),*) -> Self {
                #body
            }
        }
    }
}

fn parent_is_common_meta(path: &str, attribute: &Attribute) -> bool {
    path == "meta" && COMMON_ATTRIBUTES.iter().any(|common| common == attribute)
}

fn is_default_runtime(path: &syn::Path) -> bool {
    path.leading_colon.is_some() && path.segments.len() == 1 && path.segments[0].ident == "scim"
}

fn join_path(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// An identifier, raw where the name is a keyword (`r#type`).
fn ident_of(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}
