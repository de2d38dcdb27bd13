//! The expansion of `scim::filter!(Type, "filter")`: the filter is parsed here, while the
//! user's crate compiles, by the very parser `scim::filter::Filter::parse` runs (the two
//! files below are compiled into both crates). A syntax error becomes a compile error on
//! the string. Otherwise the expansion is a block with
//!
//! - a constant whose evaluation runs `scim::__private::check_filter` over the type's
//!   constant attribute tables, and panics, which the compiler reports as an error on the
//!   string, when an attribute, an operator or a value does not fit the type;
//! - the expression that builds the `scim::filter::Filter` tree, wrapped as a
//!   `scim::filter::Checked<Type>`.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, Type};

// The shared filter syntax, reached through symlinks to `scim/src/filter/` inside this
// package, so that a packaged crate carries the files. The tree's helpers that only the
// runtime calls go unused here.
#[allow(dead_code)]
#[path = "filter_syntax/ast.rs"]
mod ast;
#[allow(dead_code)]
#[path = "filter_syntax/syntax.rs"]
mod syntax;

use ast::{AttrPath, CompValue, CompareOp, Filter};

/// `$crate; Type, "filter"`, as `scim::filter!` passes it on.
struct Input {
    krate: TokenStream,
    ty: Type,
    text: LitStr,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut krate = TokenStream::new();
        while !input.is_empty() && !input.peek(Token![;]) {
            krate.extend([input.parse::<TokenTree>()?]);
        }
        input.parse::<Token![;]>()?;
        let usage = "expected a resource type and a filter string: \
                     scim::filter!(User, \"userName eq \\\"bjensen\\\"\")";
        if input.is_empty() {
            return Err(syn::Error::new(Span::call_site(), usage));
        }
        let ty: Type = input.parse()?;
        if !input.peek(Token![,]) {
            return Err(input.error(usage));
        }
        input.parse::<Token![,]>()?;
        let text = match input.parse::<LitStr>() {
            Ok(text) => text,
            Err(error) => {
                let message = "expected the filter as a string literal";
                return Err(syn::Error::new(error.span(), message));
            }
        };
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("expected nothing after the filter string"));
        }
        Ok(Input { krate, ty, text })
    }
}

pub fn expand(input: TokenStream) -> TokenStream {
    match syn::parse2::<Input>(input) {
        Ok(input) => expand_input(&input).unwrap_or_else(syn::Error::into_compile_error),
        Err(error) => error.into_compile_error(),
    }
}

fn expand_input(input: &Input) -> syn::Result<TokenStream> {
    let Input { krate, ty, text } = input;
    let source = text.value();
    let filter = match syntax::parse(&source) {
        Ok(filter) => filter,
        Err(error) => {
            let error = syn::Error::new(text.span(), syntax_message(&source, &error));
            let error = error.into_compile_error();
            return Ok(quote! {
                {
                    #error;
                    #krate::__private::checked_after_error::<#ty>()
                }
            });
        }
    };
    let mut terms = Vec::new();
    collect_terms(&filter, None, krate, &mut terms);
    let name = type_name(ty);
    let tree = tree(&filter, krate);
    // The panic carries the string's span, so that the compiler points the failed
    // evaluation at the filter; `message` keeps the span of the code around it.
    let message = syn::Ident::new("message", Span::call_site());
    let panic = quote_spanned! {text.span()=>
        ::core::panic!("{}", #message)
    };
    Ok(quote! {
        {
            const _: () = {
                let outcome = #krate::__private::check_filter::<#ty>(#name, &[#(#terms),*]);
                if let ::core::option::Option::Some(#message) = outcome.message() {
                    #panic
                }
            };
            #krate::__private::checked::<#ty>(#tree)
        }
    })
}

/// The runtime parser's message, and for a short one-line filter the filter with a caret
/// under the position, since a compile error cannot point inside a string literal.
fn syntax_message(source: &str, error: &syntax::SyntaxError) -> String {
    let mut message = format!("invalid filter: {error}");
    if source.chars().count() <= 100 && !source.contains(['\n', '\r']) {
        let pad: String = source
            .chars()
            .take(error.at)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        message.push_str(&format!("\n  {source}\n  {pad}^"));
    }
    message
}

/// How the messages name the type: the last segment of its path.
fn type_name(ty: &Type) -> String {
    match ty {
        Type::Path(path) if path.qself.is_none() => match path.path.segments.last() {
            Some(segment) => segment.ident.to_string(),
            None => quote!(#ty).to_string(),
        },
        Type::Group(group) => type_name(&group.elem),
        Type::Paren(paren) => type_name(&paren.elem),
        _ => quote!(#ty).to_string(),
    }
}

fn option_str(text: Option<&String>, krate: &TokenStream) -> TokenStream {
    match text {
        Some(text) => quote!(#krate::__private::Some(#text)),
        None => quote!(#krate::__private::None),
    }
}

fn path_term(path: &AttrPath, krate: &TokenStream) -> TokenStream {
    let uri = option_str(path.uri.as_ref(), krate);
    let attribute = &path.attribute;
    let sub_attribute = option_str(path.sub_attribute.as_ref(), krate);
    quote! {
        #krate::__private::Path {
            uri: #uri,
            attribute: #attribute,
            sub_attribute: #sub_attribute,
        }
    }
}

/// The attribute expressions of `filter` for the compile-time check, in the order they
/// are written; `parent` is the value path's attribute inside `[...]`.
fn collect_terms(
    filter: &Filter,
    parent: Option<&AttrPath>,
    krate: &TokenStream,
    terms: &mut Vec<TokenStream>,
) {
    let parent_tokens = match parent {
        Some(parent) => {
            let path = path_term(parent, krate);
            quote!(#krate::__private::Some(#path))
        }
        None => quote!(#krate::__private::None),
    };
    let term = |path: &AttrPath, test: TokenStream| {
        let path = path_term(path, krate);
        quote! {
            #krate::__private::Term { parent: #parent_tokens, path: #path, test: #test }
        }
    };
    match filter {
        Filter::Compare { path, op, value } => {
            let op = op_tokens(*op, krate);
            let literal = match value {
                CompValue::False => quote!(False),
                CompValue::Null => quote!(Null),
                CompValue::True => quote!(True),
                CompValue::Number(text) if text.contains(['.', 'e', 'E']) => {
                    quote!(Decimal(#text))
                }
                CompValue::Number(text) => quote!(Integer(#text)),
                CompValue::String(text) => quote!(String(#text)),
            };
            terms.push(term(
                path,
                quote!(#krate::__private::Test::Compare(#op, #krate::__private::Literal::#literal)),
            ));
        }
        Filter::Present(path) => terms.push(term(path, quote!(#krate::__private::Test::Present))),
        Filter::And(filters) | Filter::Or(filters) => {
            for filter in filters {
                collect_terms(filter, parent, krate, terms);
            }
        }
        Filter::Not(filter) => collect_terms(filter, parent, krate, terms),
        Filter::ValuePath { path, filter } => {
            terms.push(term(path, quote!(#krate::__private::Test::ValueFilter)));
            collect_terms(filter, Some(path), krate, terms);
        }
    }
}

fn op_tokens(op: CompareOp, krate: &TokenStream) -> TokenStream {
    let variant = match op {
        CompareOp::Eq => quote!(Eq),
        CompareOp::Ne => quote!(Ne),
        CompareOp::Co => quote!(Co),
        CompareOp::Sw => quote!(Sw),
        CompareOp::Ew => quote!(Ew),
        CompareOp::Gt => quote!(Gt),
        CompareOp::Ge => quote!(Ge),
        CompareOp::Lt => quote!(Lt),
        CompareOp::Le => quote!(Le),
    };
    quote!(#krate::filter::CompareOp::#variant)
}

fn string(text: &str, krate: &TokenStream) -> TokenStream {
    quote!(#krate::__private::String::from(#text))
}

fn attr_path(path: &AttrPath, krate: &TokenStream) -> TokenStream {
    let owned = |text: Option<&String>| match text {
        Some(text) => {
            let text = string(text, krate);
            quote!(#krate::__private::Some(#text))
        }
        None => quote!(#krate::__private::None),
    };
    let uri = owned(path.uri.as_ref());
    let attribute = string(&path.attribute, krate);
    let sub_attribute = owned(path.sub_attribute.as_ref());
    quote! {
        #krate::filter::AttrPath {
            uri: #uri,
            attribute: #attribute,
            sub_attribute: #sub_attribute,
        }
    }
}

/// The expression that builds `filter`.
fn tree(filter: &Filter, krate: &TokenStream) -> TokenStream {
    let node = quote!(#krate::filter::Filter);
    match filter {
        Filter::Compare { path, op, value } => {
            let path = attr_path(path, krate);
            let op = op_tokens(*op, krate);
            let value_type = quote!(#krate::filter::CompValue);
            let value = match value {
                CompValue::False => quote!(#value_type::False),
                CompValue::Null => quote!(#value_type::Null),
                CompValue::True => quote!(#value_type::True),
                CompValue::Number(text) => {
                    let text = string(text, krate);
                    quote!(#value_type::Number(#text))
                }
                CompValue::String(text) => {
                    let text = string(text, krate);
                    quote!(#value_type::String(#text))
                }
            };
            quote!(#node::Compare { path: #path, op: #op, value: #value })
        }
        Filter::Present(path) => {
            let path = attr_path(path, krate);
            quote!(#node::Present(#path))
        }
        Filter::And(filters) => {
            let filters = filters.iter().map(|filter| tree(filter, krate));
            quote!(#node::And(#krate::__private::Vec::from([#(#filters),*])))
        }
        Filter::Or(filters) => {
            let filters = filters.iter().map(|filter| tree(filter, krate));
            quote!(#node::Or(#krate::__private::Vec::from([#(#filters),*])))
        }
        Filter::Not(filter) => {
            let filter = tree(filter, krate);
            quote!(#node::Not(#krate::__private::Box::new(#filter)))
        }
        Filter::ValuePath { path, filter } => {
            let path = attr_path(path, krate);
            let filter = tree(filter, krate);
            quote!(#node::ValuePath { path: #path, filter: #krate::__private::Box::new(#filter) })
        }
    }
}
