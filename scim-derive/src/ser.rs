//! `Serialize`: canonical attribute names; unassigned values (None, empty lists) omitted
//! (RFC 7643 §2.5); `schemas` written from what is present.

use crate::ast::{Container, Shape};
use crate::structs::{schema_list, with_bound};
use proc_macro2::TokenStream;
use quote::quote;
use syn::parse_quote;

pub fn expand(container: &Container) -> TokenStream {
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
