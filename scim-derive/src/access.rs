//! Attribute access (`scim::access`): the glue through which the runtime reads and
//! unassigns a typed struct's attributes by index, for filters, sorting, projection and
//! request checks.

use crate::ast::{common_index, AttributeField, Container, Kind, Shape};
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(container: &Container) -> TokenStream {
    if !container.metadata {
        return TokenStream::new();
    }
    let ident = container.ident;
    let indexed = field_indices(container);
    let arms = |body: fn(&AttributeField) -> TokenStream| -> Vec<TokenStream> {
        indexed
            .iter()
            .map(|(index, field)| {
                let body = body(field);
                quote!(#index => #body,)
            })
            .collect()
    };
    let (get, clear, get_mut) = (arms(get), arms(clear), arms(get_mut));
    if container.kind == Kind::Resource {
        return resource(container, &get, &clear, &get_mut);
    }

    quote! {
        #[automatically_derived]
        impl _scim::ComplexAccess for #ident {
            fn get(&self, index: usize, _: &_scim::Attribute) -> _scim::Values<'_> {
                match index {
                    #(#get)*
                    _ => _scim::Values::None,
                }
            }

            fn clear(&mut self, index: usize, _: &_scim::Attribute) {
                match index {
                    #(#clear)*
                    _ => {}
                }
            }

            fn get_mut(&mut self, index: usize, _: &_scim::Attribute) -> _scim::ValuesMut<'_> {
                match index {
                    #(#get_mut)*
                    _ => _scim::ValuesMut::None,
                }
            }
        }
    }
}

/// `ResourceAccess`: the core attributes by index, the extensions by position.
fn resource(
    container: &Container,
    get: &[TokenStream],
    clear: &[TokenStream],
    get_mut: &[TokenStream],
) -> TokenStream {
    let ident = container.ident;
    // One arm per extension: `call` with the extension object, `none` without it;
    // `borrow` is `&` or `&mut`.
    let extension_arms = |borrow: TokenStream, call: TokenStream, none: TokenStream| {
        let arms = container
            .extensions
            .iter()
            .enumerate()
            .map(|(index, field)| {
                let member = field.member;
                quote!(#index => match #borrow self.#member {
                    _scim::Some(extension) => #call,
                    _scim::None => #none,
                },)
            });
        quote!(#(#arms)*)
    };
    let get_extension = extension_arms(
        quote!(&),
        quote!(_scim::ComplexAccess::get(extension, index, attribute)),
        quote!(_scim::Values::None),
    );
    let has_extension = extension_arms(quote!(&), quote!(true), quote!(false));
    let clear_extension = extension_arms(
        quote!(&mut),
        quote!(_scim::ComplexAccess::clear(extension, index, attribute)),
        quote!({}),
    );
    let get_mut_extension = extension_arms(
        quote!(&mut),
        quote!(_scim::ComplexAccess::get_mut(extension, index, attribute)),
        quote!(_scim::ValuesMut::None),
    );
    quote! {
        #[automatically_derived]
        impl _scim::ResourceAccess for #ident {
            fn get(
                &self,
                slot: _scim::Slot<'_>,
                index: usize,
                attribute: &_scim::Attribute,
            ) -> _scim::Values<'_> {
                match slot {
                    _scim::Slot::Core => match index {
                        #(#get)*
                        _ => _scim::Values::None,
                    },
                    _scim::Slot::Extension { index: extension, .. } => match extension {
                        #get_extension
                        _ => _scim::Values::None,
                    },
                }
            }

            fn has_extension(&self, slot: _scim::Slot<'_>) -> bool {
                match slot {
                    _scim::Slot::Core => true,
                    _scim::Slot::Extension { index: extension, .. } => match extension {
                        #has_extension
                        _ => false,
                    },
                }
            }

            fn clear(&mut self, slot: _scim::Slot<'_>, index: usize, attribute: &_scim::Attribute) {
                match slot {
                    _scim::Slot::Core => match index {
                        #(#clear)*
                        _ => {}
                    },
                    _scim::Slot::Extension { index: extension, .. } => match extension {
                        #clear_extension
                        _ => {}
                    },
                }
            }

            fn get_mut(
                &mut self,
                slot: _scim::Slot<'_>,
                index: usize,
                attribute: &_scim::Attribute,
            ) -> _scim::ValuesMut<'_> {
                match slot {
                    _scim::Slot::Core => match index {
                        #(#get_mut)*
                        _ => _scim::ValuesMut::None,
                    },
                    _scim::Slot::Extension { index: extension, .. } => match extension {
                        #get_mut_extension
                        _ => _scim::ValuesMut::None,
                    },
                }
            }
        }
    }
}

/// Attribute fields with their index: for a resource, in its core slot; else in field
/// order.
pub fn field_indices<'c, 'a>(container: &'c Container<'a>) -> Vec<(usize, &'c AttributeField<'a>)> {
    match container.kind {
        Kind::Resource => resource_indices(container),
        Kind::Complex | Kind::Message => container.attributes.iter().enumerate().collect(),
    }
}

/// Fields of a resource with their index in its core schema: the common attributes
/// first, in the runtime's order, then the schema's attributes in field order.
fn resource_indices<'c, 'a>(container: &'c Container<'a>) -> Vec<(usize, &'c AttributeField<'a>)> {
    let mut next = 3;
    container
        .attributes
        .iter()
        .filter_map(|field| {
            if field.characteristics.common {
                return common_index(&field.wire).map(|index| (index, field));
            }
            next += 1;
            Some((next - 1, field))
        })
        .collect()
}

fn get(field: &AttributeField) -> TokenStream {
    let member = field.member;
    match field.shape {
        Shape::Optional => quote!(match &self.#member {
            _scim::Some(value) => _scim::Values::One(_scim::AttributeValue::value(value)),
            _scim::None => _scim::Values::None,
        }),
        Shape::MultiValued => quote!(_scim::Values::Many(&self.#member)),
        Shape::Plain => quote!(_scim::Values::One(_scim::AttributeValue::value(&self.#member))),
    }
}

fn clear(field: &AttributeField) -> TokenStream {
    let member = field.member;
    match field.shape {
        Shape::Optional => quote!(self.#member = _scim::None),
        Shape::MultiValued => quote!(self.#member.clear()),
        Shape::Plain => quote!({}),
    }
}

fn get_mut(field: &AttributeField) -> TokenStream {
    let member = field.member;
    let one = |value: TokenStream| {
        quote!(match _scim::AttributeValue::as_complex_mut(#value) {
            _scim::Some(complex) => _scim::ValuesMut::One(complex),
            _scim::None => _scim::ValuesMut::None,
        })
    };
    match field.shape {
        Shape::Optional => {
            let one = one(quote!(value));
            quote!(match &mut self.#member {
                _scim::Some(value) => #one,
                _scim::None => _scim::ValuesMut::None,
            })
        }
        Shape::MultiValued => quote!(_scim::ValuesMut::Many(&mut self.#member)),
        Shape::Plain => one(quote!(&mut self.#member)),
    }
}
