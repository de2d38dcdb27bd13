//! Expansion of `#[derive(CanonicalValues)]`: an enum of canonical values (RFC 7643 §7)
//! with a fallback variant for any other value. Input matches case-insensitively;
//! output is the canonical spelling.

use crate::attr;
use crate::ctxt::Ctxt;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitStr};

struct Canonical<'a> {
    variant: &'a Ident,
    value: LitStr,
}

pub fn expand(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let container = attr::container(&mut cx, &input.attrs);
    if let Some(schema) = &container.schema {
        cx.error(
            schema,
            "`schema` belongs on a resource or an extension, not on canonical values",
        );
    }
    let krate = container.krate.unwrap_or_else(|| syn::parse_quote!(::scim));
    let ident = &input.ident;
    if !input.generics.params.is_empty() {
        cx.error(
            &input.generics,
            "SCIM derives do not support generic parameters",
        );
    }
    let Data::Enum(data) = &input.data else {
        cx.error(ident, "CanonicalValues needs an enum");
        return finish_with_errors(cx);
    };

    let mut canonical: Vec<Canonical> = Vec::new();
    let mut other: Option<&Ident> = None;
    for variant in &data.variants {
        let attrs = attr::variant(&mut cx, &variant.attrs);
        match (&attrs.value, &attrs.other, &variant.fields) {
            (Some(value), None, Fields::Unit) => {
                let text = value.value();
                if text.is_empty() {
                    cx.error(value, "a canonical value must not be empty");
                }
                if canonical
                    .iter()
                    .any(|seen| seen.value.value().eq_ignore_ascii_case(&text))
                {
                    cx.error(
                        value,
                        format!("canonical value `{text}` is listed twice (values compare case-insensitively)"),
                    );
                }
                canonical.push(Canonical {
                    variant: &variant.ident,
                    value: value.clone(),
                });
            }
            (Some(value), None, _) => {
                cx.error(value, "a canonical value belongs on a unit variant");
            }
            (None, Some(marker), Fields::Unnamed(fields)) if fields.unnamed.len() == 1 => {
                if other.is_some() {
                    cx.error(marker, "only one variant can hold the other values");
                } else {
                    other = Some(&variant.ident);
                }
            }
            (None, Some(marker), _) => {
                cx.error(
                    marker,
                    "the `other` variant must hold one `String`, e.g. `Other(String)`",
                );
            }
            (Some(_), Some(marker), _) => {
                cx.error(
                    marker,
                    "a variant is either a canonical `value` or the `other` one",
                );
            }
            (None, None, _) => {
                cx.error(
                    &variant.ident,
                    "each variant needs #[scim(value = \"...\")] or #[scim(other)]",
                );
            }
        }
    }
    if other.is_none() {
        cx.error(
            ident,
            "canonical values are suggestions (RFC 7643 §7): add a variant `#[scim(other)] Other(String)` for the rest",
        );
    }
    let (Some(other), false) = (other, cx.has_errors()) else {
        return finish_with_errors(cx);
    };

    let variants: Vec<&Ident> = canonical.iter().map(|c| c.variant).collect();
    let values: Vec<&LitStr> = canonical.iter().map(|c| &c.value).collect();
    let indexes: Vec<usize> = (0..canonical.len()).collect();
    let expecting = format!("a string value of {ident}");

    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            use #krate::__private as _scim;
            use _scim::serde as _serde;

            fn __canonical(text: &str) -> ::core::option::Option<#ident> {
                let index = match text {
                    #(#values => #indexes,)*
                    _ => _scim::find_ignore_case(text, <#ident as _scim::CanonicalValue>::VALUES)?,
                };
                match index {
                    #(#indexes => ::core::option::Option::Some(#ident::#variants),)*
                    _ => ::core::option::Option::None,
                }
            }

            #[automatically_derived]
            impl _scim::CanonicalValue for #ident {
                const VALUES: &'static [&'static str] = &[#(#values),*];

                fn as_str(&self) -> &str {
                    match self {
                        #(#ident::#variants => #values,)*
                        #ident::#other(value) => value,
                    }
                }

                fn from_text(text: &str) -> Self {
                    __canonical(text).unwrap_or_else(|| #ident::#other(text.into()))
                }

                fn from_string(text: _scim::String) -> Self {
                    __canonical(&text).unwrap_or(#ident::#other(text))
                }
            }

            #[automatically_derived]
            impl _scim::SerializeForm for #ident {}

            #[automatically_derived]
            impl _scim::AttributeValue for #ident {
                const TYPE: _scim::AttributeType = _scim::AttributeType::String;
                const CANONICAL_VALUES: &'static [_scim::schema::Text] =
                    &[#(_scim::Cow::Borrowed(#values)),*];

                fn value(&self) -> _scim::Value<'_> {
                    _scim::Value::String(_scim::CanonicalValue::as_str(self))
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    formatter.write_str(_scim::CanonicalValue::as_str(self))
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = ::core::convert::Infallible;

                fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                    ::core::result::Result::Ok(<Self as _scim::CanonicalValue>::from_text(text))
                }
            }

            #[automatically_derived]
            impl ::core::convert::From<&str> for #ident {
                fn from(text: &str) -> Self {
                    <Self as _scim::CanonicalValue>::from_text(text)
                }
            }

            #[automatically_derived]
            impl ::core::convert::From<_scim::String> for #ident {
                fn from(text: _scim::String) -> Self {
                    <Self as _scim::CanonicalValue>::from_string(text)
                }
            }

            #[automatically_derived]
            impl _serde::Serialize for #ident {
                fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: _serde::Serializer,
                {
                    serializer.serialize_str(_scim::CanonicalValue::as_str(self))
                }
            }

            #[automatically_derived]
            impl<'de> _serde::Deserialize<'de> for #ident {
                fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: _serde::Deserializer<'de>,
                {
                    struct __ScimVisitor;

                    impl<'de> _serde::de::Visitor<'de> for __ScimVisitor {
                        type Value = #ident;

                        fn expecting(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            formatter.write_str(#expecting)
                        }

                        fn visit_str<__E>(self, text: &str) -> ::core::result::Result<#ident, __E> {
                            ::core::result::Result::Ok(<#ident as _scim::CanonicalValue>::from_text(text))
                        }

                        fn visit_string<__E>(self, text: _scim::String) -> ::core::result::Result<#ident, __E> {
                            ::core::result::Result::Ok(<#ident as _scim::CanonicalValue>::from_string(text))
                        }
                    }

                    _serde::Deserializer::deserialize_str(deserializer, __ScimVisitor)
                }
            }
        };
    }
}

fn finish_with_errors(cx: Ctxt) -> TokenStream {
    cx.finish()
        .map(syn::Error::into_compile_error)
        .unwrap_or_default()
}
