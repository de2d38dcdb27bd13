//! Expansion of `#[derive(Resource)]`, `#[derive(Message)]` and `#[derive(Complex)]`.

use crate::ast::{Container, Kind};
use crate::ctxt::Ctxt;
use crate::{access, de, describe, ser};
use proc_macro2::TokenStream;
use quote::quote;
use syn::{parse_quote, DeriveInput, Generics};

pub fn expand(input: &DeriveInput, kind: Kind) -> TokenStream {
    let mut cx = Ctxt::default();
    let container = Container::from_input(&mut cx, input, kind);
    match (container, cx.finish()) {
        (Some(container), None) => {
            let serialize = ser::expand(&container);
            let deserialize = de::expand(&container);
            let traits = trait_impls(&container);
            let metadata = describe::expand(&container);
            let access = access::expand(&container);
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
                    #metadata
                    #access
                };
            }
        }
        (container, error) => {
            let krate = container
                .map(|container| container.krate)
                .unwrap_or_else(|| syn::parse_quote!(::scim));
            let mut tokens = error
                .map(syn::Error::into_compile_error)
                .unwrap_or_default();
            tokens.extend(stub(input, kind, &krate));
            tokens
        }
    }
}

/// `generics` with `bound` added to every type parameter.
pub fn with_bound(generics: &Generics, bound: syn::TypeParamBound) -> Generics {
    let mut generics = generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(bound.clone());
    }
    generics
}

/// The expression for the `schemas` a value writes (RFC 7643 §3, RFC 7644 §3).
pub fn schema_list(container: &Container) -> TokenStream {
    let schema = &container.schema;
    let extension_uris = container.extensions.iter().map(|field| {
        let member = field.member;
        let inner = field.inner;
        quote!(self.#member.as_ref().map(|_| <#inner as _scim::Extension>::SCHEMA))
    });
    let unknown = match container.unknown {
        Some(member) => quote!(::core::option::Option::Some(&self.#member)),
        None => quote!(::core::option::Option::None),
    };
    quote!(_scim::SchemaList::new(#schema, &[#(#extension_uris),*], #unknown))
}

/// The trait impls the runtime reads: `Resource`, `Message` or `Extension`.
fn trait_impls(container: &Container) -> TokenStream {
    let ident = container.ident;
    let generics = with_bound(container.generics, parse_quote!(_serde::Serialize));
    let generics = with_bound(&generics, parse_quote!(_serde::de::DeserializeOwned));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let Some(schema) = &container.schema else {
        return TokenStream::new();
    };
    match container.kind {
        Kind::Resource => {
            let extension_types: Vec<&syn::Type> = container
                .extensions
                .iter()
                .map(|field| field.inner)
                .collect();
            let schema_list = schema_list(container);
            let schema_fn = describe::schema_fn(container);
            quote! {
                #[automatically_derived]
                impl #impl_generics _scim::Resource for #ident #ty_generics #where_clause {
                    #schema_fn
                    const SCHEMA: &'static str = #schema;
                    const EXTENSIONS: &'static [&'static str] =
                        &[#(<#extension_types as _scim::Extension>::SCHEMA),*];
                    const EXTENSION_DEFINITIONS: &'static [_scim::Schema] =
                        &[#(<#extension_types as _scim::Extension>::DEFINITION),*];
                    fn schemas(&self) -> _scim::SchemaList<'_> {
                        #schema_list
                    }
                }
            }
        }
        Kind::Message => quote! {
            #[automatically_derived]
            impl #impl_generics _scim::Message for #ident #ty_generics #where_clause {
                const SCHEMA: &'static str = #schema;
            }
        },
        Kind::Complex => {
            let schema_fn = describe::schema_fn(container);
            quote! {
                #[automatically_derived]
                impl #impl_generics _scim::Extension for #ident #ty_generics #where_clause {
                    const SCHEMA: &'static str = #schema;
                    #schema_fn
                }
            }
        }
    }
}

/// After an error: impls that satisfy the traits so no cascade of errors follows. They
/// are only ever compiled together with the errors, never run.
fn stub(input: &DeriveInput, kind: Kind, krate: &syn::Path) -> TokenStream {
    let ident = &input.ident;
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let marker = match kind {
        Kind::Resource => quote! {
            impl _scim::Resource for #ident {
                const SCHEMA: &'static str = "";
                const EXTENSIONS: &'static [&'static str] = &[];
                const EXTENSION_DEFINITIONS: &'static [_scim::Schema] = &[];
                fn schemas(&self) -> _scim::SchemaList<'_> {
                    ::core::unimplemented!()
                }
                fn schema() -> &'static _scim::Schema {
                    ::core::unimplemented!()
                }
                fn extension_schemas() -> &'static [_scim::Schema] {
                    ::core::unimplemented!()
                }
            }
            impl _scim::SerializeForm for #ident {}
            impl _scim::ResourceAccess for #ident {
                fn get(&self, _: _scim::Slot<'_>, _: usize, _: &_scim::Attribute) -> _scim::Values<'_> {
                    ::core::unimplemented!()
                }
                fn has_extension(&self, _: _scim::Slot<'_>) -> bool {
                    ::core::unimplemented!()
                }
                fn clear(&mut self, _: _scim::Slot<'_>, _: usize, _: &_scim::Attribute) {
                    ::core::unimplemented!()
                }
                fn get_mut(&mut self, _: _scim::Slot<'_>, _: usize, _: &_scim::Attribute) -> _scim::ValuesMut<'_> {
                    ::core::unimplemented!()
                }
            }
        },
        Kind::Message => quote! {
            impl _scim::Message for #ident {
                const SCHEMA: &'static str = "";
            }
        },
        Kind::Complex => TokenStream::new(),
    };
    let attributes = match kind {
        Kind::Message => TokenStream::new(),
        Kind::Resource | Kind::Complex => quote! {
            impl _scim::Attributes for #ident {
                const ATTRIBUTES: &'static [_scim::Attribute] = &[];
            }
        },
    };
    quote! {
        const _: () = {
            use #krate::__private as _scim;
            use _scim::serde as _serde;
            #attributes
            impl _serde::Serialize for #ident {
                fn serialize<__S: _serde::Serializer>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    ::core::unimplemented!()
                }
            }
            impl<'de> _serde::Deserialize<'de> for #ident {
                fn deserialize<__D: _serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> {
                    ::core::unimplemented!()
                }
            }
            #marker
        };
    }
}
