//! Expansion of `#[derive(Resource)]` and `#[derive(Complex)]`.

use crate::ast::{Container, Kind};
use crate::ctxt::Ctxt;
use crate::{de, ser};
use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn expand(input: &DeriveInput, kind: Kind) -> TokenStream {
    let mut cx = Ctxt::default();
    let container = Container::from_input(&mut cx, input, kind);
    match (container, cx.finish()) {
        (Some(container), None) => {
            let serialize = ser::expand(&container);
            let deserialize = de::expand(&container);
            let traits = trait_impls(&container);
            let krate = &container.krate;
            quote! {
                #[doc(hidden)]
                #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
                const _: () = {
                    use #krate::__private as _scim;
                    use _scim::serde as _serde;
                    #serialize
                    #deserialize
                    #traits
                };
            }
        }
        (_, error) => {
            let mut tokens = error.map(syn::Error::into_compile_error).unwrap_or_default();
            tokens.extend(stub(input, kind));
            tokens
        }
    }
}

/// The trait impls the runtime reads: `Resource` or `Extension`.
fn trait_impls(container: &Container) -> TokenStream {
    let ident = container.ident;
    match (container.kind, &container.schema) {
        (Kind::Resource, Some(schema)) => {
            let extension_types = container.extensions.iter().map(|field| field.inner);
            let extension_uris = container.extensions.iter().map(|field| {
                let member = field.member;
                let inner = field.inner;
                quote!(self.#member.as_ref().map(|_| <#inner as _scim::Extension>::SCHEMA))
            });
            let unknown = match container.unknown {
                Some(member) => quote!(::core::option::Option::Some(&self.#member)),
                None => quote!(::core::option::Option::None),
            };
            quote! {
                #[automatically_derived]
                impl _scim::Resource for #ident {
                    const SCHEMA: &'static str = #schema;
                    const EXTENSIONS: &'static [&'static str] =
                        &[#(<#extension_types as _scim::Extension>::SCHEMA),*];
                    fn schemas(&self) -> _scim::SchemaList<'_> {
                        _scim::SchemaList::new(#schema, &[#(#extension_uris),*], #unknown)
                    }
                }
            }
        }
        (Kind::Complex, Some(schema)) => quote! {
            #[automatically_derived]
            impl _scim::Extension for #ident {
                const SCHEMA: &'static str = #schema;
            }
        },
        _ => TokenStream::new(),
    }
}

/// After an error: impls that satisfy the traits so no cascade of errors follows.
fn stub(input: &DeriveInput, kind: Kind) -> TokenStream {
    let ident = &input.ident;
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let krate = quote!(::scim);
    let resource = match kind {
        Kind::Resource => quote! {
            impl _scim::Resource for #ident {
                const SCHEMA: &'static str = "";
                const EXTENSIONS: &'static [&'static str] = &[];
                fn schemas(&self) -> _scim::SchemaList<'_> {
                    ::core::unimplemented!()
                }
            }
        },
        Kind::Complex => TokenStream::new(),
    };
    quote! {
        const _: () = {
            use #krate::__private as _scim;
            use _scim::serde as _serde;
            impl _serde::Serialize for #ident {
                fn serialize<S: _serde::Serializer>(&self, _: S) -> ::core::result::Result<S::Ok, S::Error> {
                    ::core::unimplemented!()
                }
            }
            impl<'de> _serde::Deserialize<'de> for #ident {
                fn deserialize<D: _serde::Deserializer<'de>>(_: D) -> ::core::result::Result<Self, D::Error> {
                    ::core::unimplemented!()
                }
            }
            #resource
        };
    }
}
