//! SCIM filters (RFC 7644 §3.4.2.2): the parsed tree, its parser, its canonical text and
//! its JSON form.
//!
//! ```
//! use scim::filter::Filter;
//!
//! // `and` binds tighter than `or` (RFC 7644 §3.4.2.2, errata 4670).
//! let filter = Filter::parse(
//!     r#"userType Eq "Employee" AND emails[type eq "work" and value co "@example.com"] or title pr"#,
//! )?;
//! assert_eq!(
//!     filter.to_string(),
//!     r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"] or title pr"#
//! );
//! assert!(matches!(filter, Filter::Or(ref filters) if filters.len() == 2));
//!
//! let error = Filter::parse(r#"emails[type eq "work"].value eq "x""#).unwrap_err();
//! assert_eq!(error.scim_type(), Some(&scim::ScimType::InvalidFilter));
//! # Ok::<(), scim::Error>(())
//! ```

mod ast;
pub(crate) mod checked;
mod json;
mod parse;
mod syntax;

pub use ast::{AttrPath, CompValue, CompareOp, Filter};
pub use checked::Checked;
pub use syntax::{MAX_DEPTH, MAX_LEN};
