//! # scim
//!
//! The runtime of the SCIM 2.0 toolkit (RFC 7643 core schema, RFC 7644 protocol).

pub mod schema;
pub mod value;
