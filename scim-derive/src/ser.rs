//! `Serialize`: canonical attribute names; unassigned values (None, empty lists) omitted
//! (RFC 7643 §2.5); `schemas` written from what is present.

use crate::access::field_indices;
use crate::ast::{Container, Kind, Shape};
use crate::structs::{schema_list, with_bound};
use proc_macro2::TokenStream;
use quote::quote;
use syn::parse_quote;

pub fn expand(container: &Container) -> TokenStream {
    if container.metadata {
        return expand_forms(container);
    }
    let ident = container.ident;
    let mut count = Vec::new();
    let mut entries = Vec::new();

    if container.kind.has_schemas() {
        let schema_list = schema_list(container);
        count.push(quote!(1usize));
        entries.push(quote! {
            _serde::ser::SerializeMap::serialize_entry(&mut map, "schemas", &#schema_list)?;
        });
    }
    for field in &container.attributes {
        let member = field.member;
        let wire = &field.wire;
        let (present, value) = match field.shape {
            Shape::Optional => (
                quote!(self.#member.is_some()),
                quote!(if let ::core::option::Option::Some(value) = &self.#member {
                    _serde::ser::SerializeMap::serialize_entry(&mut map, #wire, value)?;
                }),
            ),
            Shape::MultiValued => (
                quote!(!self.#member.is_empty()),
                quote!(if !self.#member.is_empty() {
                    _serde::ser::SerializeMap::serialize_entry(&mut map, #wire, &self.#member)?;
                }),
            ),
            Shape::Plain => (
                quote!(true),
                quote!(_serde::ser::SerializeMap::serialize_entry(&mut map, #wire, &self.#member)?;),
            ),
        };
        count.push(quote!(usize::from(#present)));
        entries.push(value);
    }
    for field in &container.extensions {
        let member = field.member;
        let inner = field.inner;
        count.push(quote!(usize::from(self.#member.is_some())));
        entries.push(quote! {
            if let ::core::option::Option::Some(value) = &self.#member {
                _serde::ser::SerializeMap::serialize_entry(
                    &mut map,
                    <#inner as _scim::Extension>::SCHEMA,
                    value,
                )?;
            }
        });
    }
    if let Some(member) = container.unknown {
        count.push(quote!(self.#member.len()));
        entries.push(quote! {
            for (name, value) in self.#member.iter() {
                _serde::ser::SerializeMap::serialize_entry(&mut map, name, value)?;
            }
        });
    }
    let count = if count.is_empty() {
        quote!(0usize)
    } else {
        quote!(#(#count)+*)
    };

    let generics = with_bound(container.generics, parse_quote!(_serde::Serialize));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics _serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: _serde::Serializer,
            {
                let mut map = _serde::Serializer::serialize_map(
                    serializer,
                    ::core::option::Option::Some(#count),
                )?;
                #(#entries)*
                _serde::ser::SerializeMap::end(map)
            }
        }
    }
}

/// For described structs: `SerializeForm`, writing each attribute in the form asked
/// (safe, full, or a response's projection), and `Serialize` as the safe form.
fn expand_forms(container: &Container) -> TokenStream {
    let ident = container.ident;
    let mut count = Vec::new();
    let mut entries = Vec::new();
    let mut prelude = Vec::new();

    for (index, field) in field_indices(container) {
        let member = field.member;
        let wire = &field.wire;
        let secret = field.characteristics.returned == Some("Never")
            || field.characteristics.mutability == Some("WriteOnly");
        let form = syn::Ident::new(&format!("__form_{index}"), proc_macro2::Span::call_site());
        let on_request = field.characteristics.returned == Some("Request");
        prelude
            .push(quote!(let #form = _scim::Form::attribute(form, #index, #secret, #on_request);));
        // Whether the attribute writes anything: a complex value under a projection
        // that leaves none of its values writes nothing (RFC 7643 §2.5).
        let writes = match field.shape {
            Shape::Optional => quote! {
                #form.is_some_and(|form| {
                    self.#member.as_ref().is_some_and(|value| _scim::Form::writes(form, value))
                })
            },
            Shape::MultiValued => quote! {
                #form.is_some_and(|form| {
                    self.#member.iter().any(|value| _scim::Form::writes(form, value))
                })
            },
            Shape::Plain => quote! {
                #form.is_some_and(|form| _scim::Form::writes(form, &self.#member))
            },
        };
        let present = syn::Ident::new(
            &format!("__present_{index}"),
            proc_macro2::Span::call_site(),
        );
        prelude.push(quote!(let #present = #writes;));
        let value = match field.shape {
            Shape::Optional => quote! {
                if let (true, ::core::option::Option::Some(form), ::core::option::Option::Some(value)) = (#present, #form, &self.#member) {
                    _serde::ser::SerializeMap::serialize_entry(&mut map, #wire, &_scim::InForm(value, form))?;
                }
            },
            Shape::MultiValued | Shape::Plain => quote! {
                if let (true, ::core::option::Option::Some(form)) = (#present, #form) {
                    _serde::ser::SerializeMap::serialize_entry(&mut map, #wire, &_scim::InForm(&self.#member, form))?;
                }
            },
        };
        count.push(quote!(usize::from(#present)));
        entries.push(value);
    }
    let mut extension_uris = Vec::new();
    for (index, field) in container.extensions.iter().enumerate() {
        let member = field.member;
        let inner = field.inner;
        let form = syn::Ident::new(
            &format!("__extension_{index}"),
            proc_macro2::Span::call_site(),
        );
        prelude.push(quote! {
            let #form = match &self.#member {
                ::core::option::Option::Some(value) => _scim::Form::extension(form, value, #index),
                ::core::option::Option::None => ::core::option::Option::None,
            };
        });
        count.push(quote!(usize::from(#form.is_some())));
        extension_uris.push(quote!(#form.map(|_| <#inner as _scim::Extension>::SCHEMA)));
        entries.push(quote! {
            if let (::core::option::Option::Some(form), ::core::option::Option::Some(value)) = (#form, &self.#member) {
                _serde::ser::SerializeMap::serialize_entry(
                    &mut map,
                    <#inner as _scim::Extension>::SCHEMA,
                    &_scim::InForm(value, form),
                )?;
            }
        });
    }
    let resource = container.kind == Kind::Resource;
    if let Some(member) = container.unknown {
        count.push(quote! {
            self.#member
                .iter()
                .filter(|(name, value)| _scim::Form::unknown(form, name, #resource && _scim::is_extension_object(name, value)))
                .count()
        });
        entries.push(quote! {
            for (name, value) in self.#member.iter() {
                if _scim::Form::unknown(form, name, #resource && _scim::is_extension_object(name, value)) {
                    _serde::ser::SerializeMap::serialize_entry(&mut map, name, value)?;
                }
            }
        });
    }
    if container.kind.has_schemas() {
        let schema = &container.schema;
        let unknown = match container.unknown {
            Some(member) => quote! {
                self.#member
                    .extension_uris()
                    .filter(|uri| _scim::Form::unknown(form, uri, true))
            },
            None => quote!(::core::iter::empty()),
        };
        count.push(quote!(1usize));
        entries.insert(0, quote! {
            let schemas = _scim::SchemaList::from_parts(#schema, &[#(#extension_uris),*], #unknown);
            _serde::ser::SerializeMap::serialize_entry(&mut map, "schemas", &schemas)?;
        });
    }
    let count = if count.is_empty() {
        quote!(0usize)
    } else {
        quote!(#(#count)+*)
    };
    quote! {
        #[automatically_derived]
        impl _scim::SerializeForm for #ident {
            fn serialize_form<__S>(&self, form: _scim::Form<'_>, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: _serde::Serializer,
            {
                #(#prelude)*
                let mut map = _serde::Serializer::serialize_map(
                    serializer,
                    ::core::option::Option::Some(#count),
                )?;
                #(#entries)*
                _serde::ser::SerializeMap::end(map)
            }

            fn form_len(&self, form: _scim::Form<'_>) -> usize {
                #(#prelude)*
                #count
            }
        }

        #[automatically_derived]
        impl _serde::Serialize for #ident {
            #[inline]
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: _serde::Serializer,
            {
                _scim::SerializeForm::serialize_form(self, _scim::Form::Safe, serializer)
            }
        }
    }
}
