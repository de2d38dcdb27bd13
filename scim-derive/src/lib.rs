//! Derive macros for the [`scim`](https://docs.rs/scim) crate. Use them through the
//! re-exports in `scim` (`scim::Resource`, `scim::Complex`, `scim::CanonicalValues`); the
//! generated code reaches the runtime only through `scim::__private`.
//!
//! The derives emit data and thin glue; the logic lives in the runtime. Mistakes in
//! `#[scim(...)]` are compile errors spanned on the offending token, all reported at once.

mod access;
mod ast;
mod attr;
mod canonical;
mod ctxt;
mod de;
mod describe;
mod filter;
mod ser;
mod structs;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `Serialize`, `Deserialize`, `scim::Attributes` and `scim::Resource` for a SCIM
/// resource struct.
///
/// Container: `#[scim(schema = "urn:...")]` names the core schema URI (required);
/// `name = ".."` and `description = ".."` go into its Schema resource;
/// `#[scim(crate = "path")]` overrides the path of the runtime crate.
///
/// Fields: `#[scim(rename = "wireName")]`; the RFC 7643 §7 characteristics `required`,
/// `case_exact`, `mutability = "readOnly"`, `returned = "never"`, `uniqueness = "server"`,
/// `description = ".."` (absent ones take the RFC 7643 §2.2 defaults; the data type,
/// multi-valuedness, canonical values, reference types and sub-attributes come from the
/// field's type); `common` for the common attributes of RFC 7643 §3.1, which the schema
/// leaves out; `#[scim(extension)]` on an `Option<T>` whose `T` derives `Complex` with a
/// schema; `#[scim(unknown)]` on a `scim::UnknownAttributes`.
#[proc_macro_derive(Resource, attributes(scim))]
pub fn derive_resource(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    structs::expand(&input, ast::Kind::Resource).into()
}

/// Derives `Serialize`, `Deserialize`, `scim::Attributes` and `scim::AttributeValue` for a
/// complex attribute value, or an extension.
///
/// With `#[scim(schema = "urn:...")]` the struct is a schema extension and implements
/// `scim::Extension` (with its Schema resource) instead of `AttributeValue`.
/// `#[scim(no_metadata)]` marks a part of a protocol message, which no schema describes.
/// Field attributes as for [`Resource`](derive@Resource), without `extension`.
#[proc_macro_derive(Complex, attributes(scim))]
pub fn derive_complex(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    structs::expand(&input, ast::Kind::Complex).into()
}

/// Derives `Serialize`, `Deserialize` and `scim::Message` for a protocol message
/// (RFC 7644 §3), such as a ListResponse or a PatchOp.
///
/// Container: `#[scim(schema = "urn:ietf:params:scim:api:messages:2.0:...")]` (required).
/// Fields as for [`Resource`](derive@Resource), without `extension`.
#[proc_macro_derive(Message, attributes(scim))]
pub fn derive_message(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    structs::expand(&input, ast::Kind::Message).into()
}

/// Derives `Serialize`, `Deserialize`, `Display`, `FromStr` and `scim::CanonicalValue` for
/// an enum of canonical values (RFC 7643 §7 `canonicalValues`).
///
/// Each unit variant carries `#[scim(value = "work")]`; exactly one variant holding a
/// `String` carries `#[scim(other)]` and keeps any value that is not canonical. Input is
/// matched case-insensitively; output is the canonical spelling.
#[proc_macro_derive(CanonicalValues, attributes(scim))]
pub fn derive_canonical_values(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    canonical::expand(&input).into()
}

/// The expansion of `scim::filter!(Type, "filter")`, which passes the path of the `scim`
/// crate first: use that macro. It parses the filter, checks it against `Type` at compile
/// time and builds a `scim::filter::Checked<Type>` (RFC 7644 §3.4.2.2).
#[doc(hidden)]
#[proc_macro]
pub fn checked_filter(input: TokenStream) -> TokenStream {
    filter::expand(input.into()).into()
}
