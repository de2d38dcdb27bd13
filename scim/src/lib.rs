//! # scim
//!
//! The runtime of the SCIM 2.0 toolkit (RFC 7643 core schema, RFC 7644 protocol).

// The derives name the runtime as `::scim`; this lets them work inside this crate too.
extern crate self as scim;

#[doc(hidden)]
pub mod __private;
mod error;
pub mod generic;
pub mod message;
mod meta;
mod names;
/// Typed models of the bundled schemas (RFC 7643 §4, §5, §6, §7 with verified errata),
/// generated from `schemas/` by scim-codegen. A test keeps them in step with the schemas.
#[rustfmt::skip]
pub mod models;
mod resource;
pub mod schema;
mod unknown;
pub mod value;

pub use error::{Error, ScimType};
pub use meta::Meta;
pub use resource::{CanonicalValue, Extension, Message, Resource, SchemaList};
pub use scim_derive::{CanonicalValues, Complex, Message, Resource};
pub use unknown::UnknownAttributes;
