//! SCIM schemas: the model of RFC 7643 §7 Schema and §6 ResourceType resources.

mod common;
mod model;

pub use common::COMMON_ATTRIBUTES;

pub use model::{
    Attribute, AttributeType, List, Mutability, ResourceType, Returned, Schema, SchemaExtension,
    Text, Uniqueness,
};
