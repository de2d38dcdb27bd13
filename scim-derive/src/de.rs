//! `Deserialize`: attribute names matched case-insensitively (RFC 7643 §2.1) with an
//! exact-match fast path; null and `[]` read as unassigned (RFC 7643 §2.5); duplicate
//! names (in any case) rejected; unknown attributes kept when the struct has a
//! `#[scim(unknown)]` field, rejected otherwise.
//!
//! Every name the struct knows (its attributes, `schemas` for resources and messages,
//! and the URIs of its extensions) is one entry of a table; a key is looked up exactly
//! with a `match`, then case-insensitively, and its position says what to read.

use crate::ast::{Container, Kind, Shape};
use crate::structs::with_bound;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::parse_quote;

pub fn expand(container: &Container) -> TokenStream {
    let ident = container.ident;
    let expecting = match container.kind {
        Kind::Resource => format!("a SCIM {ident} resource (a JSON object)"),
        Kind::Message => format!("a SCIM {ident} message (a JSON object)"),
        Kind::Complex => format!("a JSON object with the sub-attributes of {ident}"),
    };
    let has_schemas = container.kind.has_schemas() && container.schema.is_some();

    // The table of names: attributes, then `schemas`, then extension URIs.
    let attribute_count = container.attributes.len();
    let schemas_index = attribute_count;
    let extension_base = attribute_count + usize::from(has_schemas);
    let mut names: Vec<TokenStream> = container
        .attributes
        .iter()
        .map(|field| {
            let wire = &field.wire;
            quote!(#wire)
        })
        .collect();
    if has_schemas {
        names.push(quote!("schemas"));
    }
    names.extend(container.extensions.iter().map(|field| {
        let inner = field.inner;
        quote!(<#inner as _scim::Extension>::SCHEMA)
    }));
    let indexes: Vec<usize> = (0..names.len()).collect();
    // A resource's attributes may be written with its core schema's URI as prefix.
    let qualified = match (&container.kind, &container.schema) {
        (Kind::Resource, Some(schema)) => quote! {
            .or_else(|| _scim::find_qualified(key, #schema, &__NAMES[..#attribute_count]))
        },
        _ => TokenStream::new(),
    };

    let slots: Vec<Ident> = (0..attribute_count)
        .map(|index| format_ident!("__attribute{}", index))
        .collect();
    let value_types: Vec<TokenStream> = container
        .attributes
        .iter()
        .map(|field| {
            let ty = field.ty;
            match field.shape {
                Shape::MultiValued => quote!(::core::option::Option<#ty>),
                Shape::Optional | Shape::Plain => quote!(#ty),
            }
        })
        .collect();
    let read_attributes = slots.iter().zip(&value_types).enumerate().map(|(index, (slot, ty))| {
        quote! {
            #index => {
                if #slot.is_some() {
                    return ::core::result::Result::Err(_scim::duplicate_attribute(__NAMES[#index]));
                }
                #slot = ::core::option::Option::Some(
                    _serde::de::MapAccess::next_value::<#ty>(&mut map)?,
                );
            }
        }
    });

    let read_schemas = match (has_schemas, &container.schema) {
        (true, Some(schema)) => quote! {
            #schemas_index => {
                if __schemas_seen {
                    return ::core::result::Result::Err(_scim::duplicate_attribute("schemas"));
                }
                __schemas_seen = true;
                let schemas = _serde::de::MapAccess::next_value::<_scim::SchemaUris<'de>>(&mut map)?;
                schemas.require::<__A::Error>(#schema)?;
            }
        },
        _ => TokenStream::new(),
    };

    let extension_slots: Vec<Ident> = (0..container.extensions.len())
        .map(|index| format_ident!("__extension{}", index))
        .collect();
    let read_extensions = container
        .extensions
        .iter()
        .zip(&extension_slots)
        .enumerate()
        .map(|(offset, (field, slot))| {
            let inner = field.inner;
            let index = extension_base + offset;
            quote! {
                #index => {
                    if #slot.is_some() {
                        return ::core::result::Result::Err(_scim::duplicate_attribute(__NAMES[#index]));
                    }
                    #slot = ::core::option::Option::Some(
                        _serde::de::MapAccess::next_value::<::core::option::Option<#inner>>(&mut map)?,
                    );
                }
            }
        });

    let (unknown_slot, read_unknown, build_unknown) = match container.unknown {
        Some(member) => (
            quote!(let mut __unknown = _scim::UnknownAttributes::new();),
            quote! {
                let value = _serde::de::MapAccess::next_value::<_scim::RawJson>(&mut map)?;
                __unknown.insert_parsed::<__A::Error>(key, value)?;
            },
            quote!(#member: __unknown,),
        ),
        None => (
            TokenStream::new(),
            quote!(return ::core::result::Result::Err(_scim::unknown_attribute(key));),
            TokenStream::new(),
        ),
    };

    let build_attributes = container
        .attributes
        .iter()
        .zip(&slots)
        .map(|(field, slot)| {
            let member = field.member;
            let wire = &field.wire;
            match field.shape {
                Shape::Optional => quote!(#member: #slot.flatten(),),
                Shape::MultiValued => quote!(#member: #slot.flatten().unwrap_or_default(),),
                Shape::Plain => quote! {
                    #member: match #slot {
                        ::core::option::Option::Some(value) => value,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                <__A::Error as _serde::de::Error>::missing_field(#wire),
                            )
                        }
                    },
                },
            }
        });
    let build_extensions =
        container
            .extensions
            .iter()
            .zip(&extension_slots)
            .map(|(field, slot)| {
                let member = field.member;
                quote!(#member: #slot.flatten(),)
            });

    let schemas_seen = if has_schemas {
        quote!(let mut __schemas_seen = false;)
    } else {
        TokenStream::new()
    };

    let bounded = with_bound(container.generics, parse_quote!(_serde::Deserialize<'de>));
    let mut with_de = bounded.clone();
    with_de.params.insert(0, parse_quote!('de));
    let (impl_generics, _, where_clause) = with_de.split_for_impl();
    let (_, ty_generics, _) = container.generics.split_for_impl();
    let (visitor_generics, visitor_ty_generics, _) = with_de.split_for_impl();
    let type_params: Vec<&syn::Ident> = container
        .generics
        .type_params()
        .map(|param| &param.ident)
        .collect();

    quote! {
        #[automatically_derived]
        impl #impl_generics _serde::Deserialize<'de> for #ident #ty_generics #where_clause {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: _serde::Deserializer<'de>,
            {
                /// Every name this struct knows, in the order of the indexes below.
                const __NAMES: &[&str] = &[#(#names),*];
                const __UNKNOWN: usize = usize::MAX;

                struct __ScimVisitor #visitor_generics #where_clause {
                    marker: ::core::marker::PhantomData<(&'de (), #(fn() -> #type_params,)*)>,
                }

                impl #visitor_generics _serde::de::Visitor<'de> for __ScimVisitor #visitor_ty_generics #where_clause {
                    type Value = #ident #ty_generics;

                    fn expecting(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        formatter.write_str(#expecting)
                    }

                    fn visit_map<__A>(self, mut map: __A) -> ::core::result::Result<Self::Value, __A::Error>
                    where
                        __A: _serde::de::MapAccess<'de>,
                    {
                        #(let mut #slots: ::core::option::Option<#value_types> = ::core::option::Option::None;)*
                        #(let mut #extension_slots = ::core::option::Option::None;)*
                        #schemas_seen
                        #unknown_slot
                        while let ::core::option::Option::Some(key) =
                            _serde::de::MapAccess::next_key::<_scim::Key<'de>>(&mut map)?
                        {
                            let key = key.as_str();
                            let index = match key {
                                #(#names => #indexes,)*
                                _ => _scim::find_ignore_case(key, __NAMES)
                                    #qualified
                                    .unwrap_or(__UNKNOWN),
                            };
                            match index {
                                #(#read_attributes)*
                                #read_schemas
                                #(#read_extensions)*
                                _ => {
                                    #read_unknown
                                }
                            }
                        }
                        ::core::result::Result::Ok(#ident {
                            #(#build_attributes)*
                            #(#build_extensions)*
                            #build_unknown
                        })
                    }
                }

                _serde::Deserializer::deserialize_map(
                    deserializer,
                    __ScimVisitor {
                        marker: ::core::marker::PhantomData,
                    },
                )
            }
        }
    }
}
