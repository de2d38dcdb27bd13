//! SCIM schemas: the model of RFC 7643 §7 Schema and §6 ResourceType resources, the
//! [`Loader`] that reads and checks them from JSON, and their JSON representation
//! ([`Schema::to_json`], [`ResourceType::to_json`]).

mod common;
mod diagnostic;
mod document;
mod load;
mod model;
mod resource_schemas;
pub(crate) mod spanned;
mod to_json;

pub use common::COMMON_ATTRIBUTES;
pub use diagnostic::{Diagnostic, LoadError, Location, Origin};
pub use load::{Loader, SchemaSet, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LEN, MAX_DEPTH_CEILING};
pub use model::{
    text, Attribute, AttributeType, List, Mutability, ResourceType, Returned, Schema,
    SchemaExtension, Text, Uniqueness,
};
pub use resource_schemas::{Found, ResourceSchemas};
