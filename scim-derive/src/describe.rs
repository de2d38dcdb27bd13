//! The metadata a struct carries: a constant table of its attributes with every RFC 7643
//! §7 characteristic, its SCIM data type as a value, and for resources and extensions the
//! Schema resource built from the table.

use crate::ast::{Container, Kind, Shape};
use crate::attr::Characteristics;
use proc_macro2::TokenStream;
use quote::quote;
use syn::LitStr;

pub fn expand(container: &Container) -> TokenStream {
    if !container.metadata {
        return TokenStream::new();
    }
    let ident = container.ident;
    let all: Vec<TokenStream> = container.attributes.iter().map(attribute).collect();
    let schema_attributes: Vec<&TokenStream> = container
        .attributes
        .iter()
        .zip(&all)
        .filter(|(field, _)| !field.characteristics.common)
        .map(|(_, tokens)| tokens)
        .collect();
    let value = if container.kind == Kind::Complex && container.schema.is_none() {
        quote! {
            #[automatically_derived]
            impl _scim::AttributeValue for #ident {
                const TYPE: _scim::AttributeType = _scim::AttributeType::Complex;
                const SUB_ATTRIBUTES: &'static [_scim::Attribute] =
                    <Self as _scim::Attributes>::ATTRIBUTES;

                fn value(&self) -> _scim::Value<'_> {
                    _scim::Value::Complex(self)
                }

                fn as_complex_mut(&mut self) -> ::core::option::Option<&mut dyn _scim::ComplexAccess> {
                    _scim::Some(self)
                }
            }
        }
    } else {
        TokenStream::new()
    };
    let definition = match &container.schema {
        Some(schema) => {
            let name = optional_text(container.name.as_ref());
            let description = optional_text(container.description.as_ref());
            quote! {
                const __SCHEMA: _scim::Schema = _scim::Schema {
                    id: _scim::Cow::Borrowed(#schema),
                    name: #name,
                    description: #description,
                    attributes: _scim::Cow::Borrowed(&[#(#schema_attributes),*]),
                };
                static __DEFINITION: _scim::Schema = __SCHEMA;
            }
        }
        None => TokenStream::new(),
    };
    quote! {
        #[automatically_derived]
        impl _scim::Attributes for #ident {
            const ATTRIBUTES: &'static [_scim::Attribute] = &[#(#all),*];
        }
        #value
        #definition
    }
}

/// `schema()` for resources and extensions; for extensions also `DEFINITION`, and for
/// resources `extension_schemas()`.
pub fn schema_fn(container: &Container) -> TokenStream {
    if !container.metadata || container.schema.is_none() {
        return TokenStream::new();
    }
    let more = match container.kind {
        Kind::Complex => quote!(
            const DEFINITION: _scim::Schema = __SCHEMA;
        ),
        Kind::Resource | Kind::Message => quote! {
            fn extension_schemas() -> &'static [_scim::Schema] {
                <Self as _scim::Resource>::EXTENSION_DEFINITIONS
            }
        },
    };
    quote! {
        fn schema() -> &'static _scim::Schema {
            &__DEFINITION
        }
        #more
    }
}

fn attribute(field: &crate::ast::AttributeField) -> TokenStream {
    let wire = &field.wire;
    let value_ty = field.value_ty;
    let multi_valued = field.shape == Shape::MultiValued;
    let Characteristics {
        required,
        case_exact,
        description,
        mutability,
        returned,
        uniqueness,
        ..
    } = &field.characteristics;
    let description = optional_text(description.as_ref());
    let mutability = syn::Ident::new(
        mutability.unwrap_or("ReadWrite"),
        proc_macro2::Span::call_site(),
    );
    let returned = syn::Ident::new(
        returned.unwrap_or("Default"),
        proc_macro2::Span::call_site(),
    );
    let uniqueness = syn::Ident::new(uniqueness.unwrap_or("None"), proc_macro2::Span::call_site());
    let value = quote!(<#value_ty as _scim::AttributeValue>);
    quote! {
        _scim::Attribute {
            name: _scim::Cow::Borrowed(#wire),
            kind: #value::TYPE,
            multi_valued: #multi_valued,
            description: #description,
            required: #required,
            canonical_values: _scim::Cow::Borrowed(#value::CANONICAL_VALUES),
            case_exact: #case_exact,
            mutability: _scim::Mutability::#mutability,
            returned: _scim::Returned::#returned,
            uniqueness: _scim::Uniqueness::#uniqueness,
            reference_types: _scim::Cow::Borrowed(#value::REFERENCE_TYPES),
            sub_attributes: _scim::Cow::Borrowed(#value::SUB_ATTRIBUTES),
        }
    }
}

fn optional_text(text: Option<&LitStr>) -> TokenStream {
    match text {
        Some(text) => quote!(_scim::Some(_scim::Cow::Borrowed(#text))),
        None => quote!(_scim::None),
    }
}
