//! SCIM filters (RFC 7644 §3.4.2.2): the parsed tree, its parser, its canonical text and
//! its JSON form, and its evaluation against typed and generic resources.
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
//!
//! # Evaluation
//!
//! A parsed [`Filter`] is [compiled](Filter::compile) once against the schemas of a
//! resource type ([`ResourceSchemas`](crate::schema::ResourceSchemas)) into a
//! [`CompiledFilter`], which then [tests](CompiledFilter::matches) any number of
//! resources of that type through attribute access ([`crate::access`]): typed models
//! (derived, read by field index, never converted to JSON) and
//! [`GenericResource`](crate::generic::GenericResource)s (read by attribute name) go
//! through the same evaluator and give the same answers.
//!
//! ```
//! use scim::filter::{CompiledFilter, Filter};
//! use scim::generic::GenericResource;
//! use scim::models::User;
//! use scim::Resource;
//!
//! let filter = Filter::parse(r#"emails[type eq "work" and value co "@EXAMPLE.com"]"#)?;
//! let compiled = CompiledFilter::for_resource::<User>(&filter)?;
//! let json = serde_json::json!({
//!     "userName": "bjensen",
//!     "emails": [{"value": "bjensen@example.com", "type": "work"}]
//! });
//! let typed: User = serde_json::from_value(json.clone()).unwrap();
//! let generic = GenericResource::from_json(json, User::resource_schemas())?;
//! assert!(compiled.matches(&typed));
//! assert!(compiled.matches(&generic));
//! # Ok::<(), scim::Error>(())
//! ```
//!
//! The rules, each with the text that drives it:
//!
//! - **Attribute paths** name an attribute of the core schema or a common attribute (`id`,
//!   `externalId`, `meta`, RFC 7643 §3.1), or, after a schema URI, an attribute of that
//!   schema: `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`
//!   (RFC 7644 §3.10). Names and URIs match in any case (RFC 7644 §3.4.2.2: "Attribute
//!   names and attribute operators used in filters are case insensitive").
//! - **Undefined attributes have no value.** A path that no schema of the resource
//!   defines (an unknown attribute, sub-attribute or schema URI) is not an error: "the
//!   service provider SHALL treat the attribute as if there is no attribute value"
//!   (RFC 7644 §3.4.2.1). It behaves exactly like an unassigned attribute: every
//!   comparison and `pr` are false, `eq null` is true, and `not` inverts.
//!   [`CompiledFilter::undefined_attributes`] lists such paths.
//! - **Types and `caseExact` come from the schema** (RFC 7644 §3.4.2.2: "the case
//!   sensitivity for String type attributes SHALL be determined by the attribute's
//!   caseExact characteristic"). Strings whose `caseExact` is false compare by their case
//!   fold (see [`CaseFolded`]): `eq`, `ne`, `co`, `sw`, `ew`, and `gt`, `ge`, `lt`, `le`
//!   as "a lexicographical comparison" of the folds (code point order). References
//!   compare as written whatever `caseExact` says (RFC 7643 §2.3.7: "A reference is case
//!   exact"). dateTimes compare chronologically, offsets and every fraction digit included
//!   (Table 3: "for DateTime types, it is a chronological comparison"); integers and
//!   decimals numerically and exactly (`10.50 eq 10.5`; an integer attribute compares with
//!   any number: `ports gt 3.5`); booleans with `eq` and `ne`; binaries by their bytes
//!   with `eq` and `ne` (RFC 7643 §2.3.6: base64 with or without padding).
//! - **Unsupported combinations are `invalidFilter`**, reported by
//!   [`Filter::compile`] before any resource is read (RFC 7644 Table 9: "the specified
//!   attribute and filter comparison combination is not supported"): `gt`, `ge`, `lt`,
//!   `le` on boolean and binary attributes ("Boolean and Binary attributes SHALL cause a
//!   failed response ... invalidFilter", Table 3); `co`, `sw`, `ew` on attributes that
//!   are not strings or references; a comparison value of another JSON type than the
//!   attribute's (`active eq "yes"`, `userName eq 5`: RFC 7643 §2.3 gives each type its
//!   one JSON representation, so such a filter can only be a client error); a dateTime
//!   comparison value that is not an `xsd:dateTime`, a binary one that is not base64;
//!   and any operator but `eq` and `ne` on a value that is never returned (`password`,
//!   every `returned: never` or `writeOnly` attribute, and the sub-attributes of one, by
//!   path or inside a value filter): `sw`, `gt` and the like would reveal it a character
//!   at a time (RFC 7643 §4.1.1: the password is for "filter for equality"; §7).
//! - **Multi-valued attributes match when any value matches** (RFC 7644 §3.4.2.2: "the
//!   filter matches if any of the values of the specified attribute match"); so do paths
//!   through them (`emails.type eq "work"`). This holds for `ne` too: `emails.type ne
//!   "work"` asks for an email whose type is not work; `not (emails.type eq "work")` asks
//!   that none is.
//! - **Complex attributes** compared without a sub-attribute are compared through their
//!   `value` sub-attribute, as the RFC's own example `emails co "example.com"` does; one
//!   without a `value` sub-attribute (`name eq "x"`) is `invalidFilter` ("For complex
//!   attributes, a fully qualified sub-attribute MUST be specified").
//! - **`pr`** holds for "a non-empty or non-null value, or ... a non-empty node for
//!   complex attributes" (Table 3): an empty string is not present, nor is an empty list,
//!   nor a complex value with no sub-attribute present.
//! - **`null`**: unassigned attributes, `null` and `[]` are the same state (RFC 7643
//!   §2.5), so `attr eq null` is `not (attr pr)` and `attr ne null` is `attr pr`; `null`
//!   with any other operator is `invalidFilter`.
//! - **Value filters** `emails[type eq "work" and value co "@example.com"]` hold when one
//!   value of the attribute satisfies the whole inner filter ("expressions MUST be applied
//!   to the same value of a parent attribute", Table 5). Inside the brackets, paths name
//!   sub-attributes of that attribute, without a schema URI or sub-attribute of their
//!   own; the attribute must be complex, single- or multi-valued.
//! - **`schemas`** can be filtered on, as in RFC 7644 Figure 2
//!   (`schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"`; "Clients
//!   MAY query by schema or schema extensions by using a filter expression including the
//!   "schemas" attribute"). Its values are the resource's core schema URI and the URIs of
//!   the extensions the resource holds, as `schemas` lists them (RFC 7643 §3); they
//!   compare ignoring case, as schema URIs do throughout the toolkit. Being a list of
//!   URIs, `schemas` has no sub-attributes: `schemas.value` is `invalidFilter`, as a
//!   sub-attribute of any attribute that is not complex is.
//! - **Precedence**: `not`, then `and`, then `or`, with parentheses to group (RFC 7644
//!   §3.4.2.2, errata 4670); the parser builds the tree that way.
//! - **Order of testing.** A compiled test cannot fail and reads without side effects,
//!   so the members of an `and` or `or` chain are tested cheapest first, whatever order
//!   they were written in: single-valued attributes, then every value of multi-valued
//!   ones, then value filters, then nested groups; written order among equals. The
//!   answer is that of the written filter; only the work to reach it changes.

mod ast;
pub(crate) mod checked;
pub(crate) mod compare;
mod compile;
mod eval;
mod fold;
mod json;
mod parse;
pub(crate) mod resolve;
mod syntax;

pub use ast::{AttrPath, CompValue, CompareOp, Filter};
pub use checked::Checked;
pub use compile::CompiledFilter;
pub use fold::{cmp_ignore_case, fold_case, CaseFolded};
pub use syntax::{MAX_DEPTH, MAX_LEN};
