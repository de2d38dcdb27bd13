//! The PATCH request body (RFC 7644 §3.5.2).

use crate::UnknownAttributes;
use serde_json::Value;

/// The body of a PATCH request (RFC 7644 §3.5.2,
/// `urn:ietf:params:scim:api:messages:2.0:PatchOp`): operations applied in order, as one
/// atomic change.
///
/// RFC 7644 requires one or more operations; as with every multi-valued attribute, an
/// absent, `null` or empty `Operations` reads as an empty list (RFC 7643 §2.5), which the
/// code applying the patch rejects.
///
/// ```
/// use scim::message::{PatchOp, PatchOperation};
/// use serde_json::json;
///
/// let patch = PatchOp::new(vec![
///     PatchOperation::remove("members"),
///     PatchOperation::add("emails", json!([{"value": "babs@jensen.org", "type": "home"}])),
/// ]);
/// assert_eq!(
///     serde_json::to_value(&patch).unwrap(),
///     json!({
///         "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
///         "Operations": [
///             {"op": "remove", "path": "members"},
///             {"op": "add", "path": "emails", "value": [{"value": "babs@jensen.org", "type": "home"}]}
///         ]
///     })
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, crate::Message)]
#[scim(schema = "urn:ietf:params:scim:api:messages:2.0:PatchOp")]
pub struct PatchOp {
    /// `Operations`: the operations, in the order they apply (RFC 7644 §3.5.2).
    #[scim(rename = "Operations")]
    pub operations: Vec<PatchOperation>,
    /// Attributes RFC 7644 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl PatchOp {
    /// A PATCH body with these operations.
    pub fn new(operations: Vec<PatchOperation>) -> Self {
        PatchOp {
            operations,
            unknown_attributes: UnknownAttributes::new(),
        }
    }
}

/// One PATCH operation (RFC 7644 §3.5.2): `op`, an optional `path` (RFC 7644 §3.5.2
/// Figure 7; REQUIRED for `remove`) and an optional `value`.
///
/// `value` is kept as JSON: its shape depends on the target attribute, which only the
/// resource's schema knows. An explicit `[]` is kept (Okta sends
/// `{"op":"replace","path":"members","value":[]}`); `null` reads as no value.
#[derive(Clone, Debug, PartialEq, crate::Complex)]
#[scim(no_metadata)]
pub struct PatchOperation {
    /// `op`: `add`, `remove` or `replace` (RFC 7644 §3.5.2.1 to §3.5.2.3).
    pub op: PatchOpKind,
    /// `path`: the attribute path the operation targets (RFC 7644 §3.5.2 Figure 7).
    pub path: Option<String>,
    /// `value`: the value to add or replace with.
    pub value: Option<Value>,
    /// Attributes RFC 7644 does not define, kept from input.
    #[scim(unknown)]
    pub unknown_attributes: UnknownAttributes,
}

impl PatchOperation {
    /// An operation with all its attributes.
    pub fn new(op: PatchOpKind, path: Option<String>, value: Option<Value>) -> Self {
        PatchOperation {
            op,
            path,
            value,
            unknown_attributes: UnknownAttributes::new(),
        }
    }

    /// `add` of `value` at `path` (RFC 7644 §3.5.2.1).
    pub fn add(path: impl Into<String>, value: Value) -> Self {
        PatchOperation::new(PatchOpKind::Add, Some(path.into()), Some(value))
    }

    /// `remove` of what `path` selects (RFC 7644 §3.5.2.2).
    pub fn remove(path: impl Into<String>) -> Self {
        PatchOperation::new(PatchOpKind::Remove, Some(path.into()), None)
    }

    /// `replace` of what `path` selects with `value` (RFC 7644 §3.5.2.3).
    pub fn replace(path: impl Into<String>, value: Value) -> Self {
        PatchOperation::new(PatchOpKind::Replace, Some(path.into()), Some(value))
    }
}

/// The `op` of a PATCH operation (RFC 7644 §3.5.2). Matched case-insensitively, so
/// Microsoft Entra ID's `"Replace"` reads as [`PatchOpKind::Replace`]; written in lower case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, crate::CanonicalValues)]
pub enum PatchOpKind {
    /// `add` (RFC 7644 §3.5.2.1).
    #[scim(value = "add")]
    Add,
    /// `remove` (RFC 7644 §3.5.2.2).
    #[scim(value = "remove")]
    Remove,
    /// `replace` (RFC 7644 §3.5.2.3).
    #[scim(value = "replace")]
    Replace,
    /// Any other value, kept as given; RFC 7644 defines only the three above.
    #[scim(other)]
    Other(String),
}
