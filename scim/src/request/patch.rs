//! The rules for PATCH requests (RFC 7644 §3.5.2), checked against the schemas of the
//! resource they modify, without applying them.

use super::path::{patch_path, resolve, unknown_in_value_filter, Lookup, Resolved};
use super::{Checker, Notice};
use crate::access::Slot;
use crate::generic::{read_attribute, Json};
use crate::message::{PatchOp, PatchOpKind, PatchOperation};
use crate::schema::{Attribute, AttributeType, Mutability, ResourceSchemas};
use crate::Error;
use serde_json::Value;

/// The three operations of RFC 7644 §3.5.2.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Remove,
    Replace,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Add => "add",
            Op::Remove => "remove",
            Op::Replace => "replace",
        }
    }
}

pub(super) fn check(
    checker: &mut Checker,
    patch: &mut PatchOp,
    schemas: ResourceSchemas<'_>,
) -> Result<(), Error> {
    if patch.operations.is_empty() {
        return Err(Error::invalid_value(
            "a PATCH request has one or more operations (RFC 7644 §3.5.2)",
        )
        .at("Operations"));
    }
    for (index, operation) in patch.operations.iter_mut().enumerate() {
        check_operation(checker, index, operation, schemas)?;
    }
    Ok(())
}

fn check_operation(
    checker: &mut Checker,
    index: usize,
    operation: &mut PatchOperation,
    schemas: ResourceSchemas<'_>,
) -> Result<(), Error> {
    let op = match &operation.op {
        PatchOpKind::Add => Op::Add,
        PatchOpKind::Remove => Op::Remove,
        PatchOpKind::Replace => Op::Replace,
        PatchOpKind::Other(op) => {
            return Err(Error::invalid_value(format!(
                "`{op}` is not a PATCH operation; expected add, remove or replace (RFC 7644 §3.5.2)"
            ))
            .at(format_args!("Operations[{index}].op")))
        }
    };
    let path_label = format!("Operations[{index}].path");
    let value_label = format!("Operations[{index}].value");
    let Some(text) = operation.path.as_deref() else {
        if op == Op::Remove {
            return Err(
                Error::no_target("a remove operation needs a path (RFC 7644 §3.5.2.2)")
                    .at(path_label),
            );
        }
        let value = operation
            .value
            .as_mut()
            .ok_or_else(|| missing_value(op, &value_label))?;
        return members(checker, op, schemas, Slot::Core, value, &value_label, '.');
    };
    let path = patch_path(schemas, text).map_err(|error| error.at(&path_label))?;
    match path.target {
        Resolved::Schema(Slot::Core) => Err(Error::invalid_path(format!(
            "`{text}` names the core schema, not an attribute; leave the path out to target the resource (RFC 7644 §3.5.2)"
        ))
        .at(path_label)),
        Resolved::Schema(slot) => match (op, operation.value.as_mut()) {
            (Op::Remove, _) => Ok(()),
            (_, None) => Err(missing_value(op, &value_label)),
            (_, Some(value)) => members(checker, op, schemas, slot, value, &value_label, '.'),
        },
        Resolved::Attribute { found, sub } => {
            if let Some(filter) = &path.filter {
                let mut unknown = Vec::new();
                unknown_in_value_filter(found.attribute, filter, &mut unknown);
                for name in unknown {
                    checker.lenient(Notice::UnknownAttribute {
                        parameter: path_label.clone(),
                        path: name,
                    })?;
                }
            }
            let target = Target {
                attribute: found.attribute,
                sub,
                filtered: path.filter.is_some(),
            };
            pathed(
                checker,
                op,
                target,
                text,
                operation.value.as_mut(),
                &path_label,
                &value_label,
            )
        }
    }
}

fn missing_value(op: Op, label: &str) -> Error {
    let section = if op == Op::Add { "3.5.2.1" } else { "3.5.2.3" };
    Error::invalid_value(format!(
        "an {} operation needs a value (RFC 7644 §{section})",
        op.name()
    ))
    .at(label)
}

/// What an operation targets: an attribute, maybe one of its sub-attributes, and whether
/// a value filter selects some of its values.
#[derive(Clone, Copy)]
struct Target<'s> {
    attribute: &'s Attribute,
    sub: Option<&'s Attribute>,
    filtered: bool,
}

impl Target<'_> {
    /// The attribute whose values the operation changes.
    fn end(&self) -> &Attribute {
        self.sub.unwrap_or(self.attribute)
    }

    fn is(&self, mutability: Mutability) -> bool {
        self.attribute.mutability == mutability
            || self.sub.is_some_and(|sub| sub.mutability == mutability)
    }

    /// Whether the operation works on whole values of a multi-valued attribute, selected
    /// by a filter: values may be removed or replaced even when their sub-attributes are
    /// required or immutable (RFC 7643 §4.2: "values MAY be added or removed, sub-attributes
    /// of members are immutable").
    fn whole_values(&self) -> bool {
        self.filtered && self.sub.is_none()
    }
}

/// `null` or `[]`: the value would unassign the attribute (RFC 7643 §2.5).
fn unassigns(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// An operation with a `path`.
fn pathed(
    checker: &mut Checker,
    op: Op,
    target: Target<'_>,
    text: &str,
    value: Option<&mut Value>,
    path_label: &str,
    value_label: &str,
) -> Result<(), Error> {
    if target.is(Mutability::ReadOnly) {
        return Err(Error::mutability(format!(
            "`{text}` is readOnly: a client cannot add, replace or remove it (RFC 7643 §7; RFC 7644 §3.5.2)"
        ))
        .at(path_label));
    }
    if op != Op::Add && target.is(Mutability::Immutable) {
        return Err(Error::mutability(format!(
            "`{text}` is immutable: it cannot be replaced or removed, only added while it has no value (RFC 7643 §7; RFC 7644 §3.5.2)"
        ))
        .at(path_label));
    }
    let required = target.end().required && !target.whole_values();
    match (op, value) {
        (Op::Remove, value) => {
            if required {
                return Err(Error::mutability(format!(
                    "`{text}` is required: removing it would leave it unassigned (RFC 7644 §3.5.2.2)"
                ))
                .at(path_label));
            }
            // Microsoft Entra ID removes members by value; such a value is checked too.
            match value {
                Some(value) => target_value(checker, op, target, value, value_label),
                None => Ok(()),
            }
        }
        (_, None) => Err(missing_value(op, value_label)),
        (_, Some(value)) => {
            if required && unassigns(value) {
                return Err(Error::mutability(format!(
                    "`{text}` is required: {} with {} would leave it unassigned (RFC 7644 §3.5.2.2)",
                    op.name(),
                    if value.is_null() { "null" } else { "[]" }
                ))
                .at(value_label));
            }
            target_value(checker, op, target, value, value_label)
        }
    }
}

/// The value of an operation on `target`.
fn target_value(
    checker: &mut Checker,
    op: Op,
    target: Target<'_>,
    value: &mut Value,
    label: &str,
) -> Result<(), Error> {
    match target.sub {
        Some(sub) => value_of(checker, op, sub, value, label),
        None => value_of(checker, op, target.attribute, value, label),
    }
}

/// Checks `value` as the value(s) of `attribute`: a multi-valued attribute takes one value
/// or an array of them. `readOnly` sub-attributes are dropped (as in a create request);
/// a `replace` of a single-valued complex value cannot carry `immutable` sub-attributes.
fn value_of(
    checker: &mut Checker,
    op: Op,
    attribute: &Attribute,
    value: &mut Value,
    label: &str,
) -> Result<(), Error> {
    if attribute.kind == AttributeType::Complex {
        match &mut *value {
            Value::Array(items) if attribute.multi_valued => {
                for (item, value) in items.iter_mut().enumerate() {
                    drop_subs(
                        checker,
                        attribute,
                        value,
                        &format!("{label}[{item}]"),
                        false,
                    )?;
                }
            }
            value => {
                let replaces = op == Op::Replace && !attribute.multi_valued;
                drop_subs(checker, attribute, value, label, replaces)?;
            }
        }
    }
    let json = Json::from_value(value.clone());
    if attribute.multi_valued && !value.is_array() {
        let single = Attribute {
            multi_valued: false,
            ..attribute.clone()
        };
        read_attribute(json, &single, label)?;
    } else {
        read_attribute(json, attribute, label)?;
    }
    Ok(())
}

/// Drops the `readOnly` sub-attributes of one complex value; with `replaces`, an
/// `immutable` sub-attribute is refused.
fn drop_subs(
    checker: &mut Checker,
    attribute: &Attribute,
    value: &mut Value,
    label: &str,
    replaces: bool,
) -> Result<(), Error> {
    let Value::Object(members) = value else {
        return Ok(());
    };
    let keys: Vec<String> = members.keys().cloned().collect();
    for key in keys {
        let Some(sub) = attribute.sub_attribute(&key) else {
            continue;
        };
        if matches!(members.get(&key), None | Some(Value::Null)) {
            continue;
        }
        let path = format!("{label}.{key}");
        if sub.mutability == Mutability::ReadOnly {
            checker.lenient(Notice::ReadOnlyIgnored { path })?;
            members.remove(&key);
        } else if replaces && sub.mutability == Mutability::Immutable {
            return Err(Error::mutability(
                "the sub-attribute is immutable: a replace cannot change it (RFC 7643 §7; RFC 7644 §3.5.2)",
            )
            .at(path));
        }
    }
    Ok(())
}

/// The value of a path-less add or replace, or of an operation on a whole extension: an
/// object whose members are attributes of `slot` (RFC 7644 §3.5.2.1: "a set of attributes
/// to be added"). Keys may be attribute paths, URN-qualified or with a sub-attribute.
/// Attributes no schema defines are kept, as in a create request.
fn members(
    checker: &mut Checker,
    op: Op,
    schemas: ResourceSchemas<'_>,
    slot: Slot<'_>,
    value: &mut Value,
    label: &str,
    separator: char,
) -> Result<(), Error> {
    let Value::Object(object) = value else {
        return Err(Error::invalid_value(
            "the value is an object of attributes (RFC 7644 §3.5.2.1, §3.5.2.3)",
        )
        .at(label));
    };
    let keys: Vec<String> = object.keys().cloned().collect();
    for key in keys {
        if slot == Slot::Core && key.eq_ignore_ascii_case("schemas") {
            continue;
        }
        let text = match slot {
            Slot::Core => key.clone(),
            Slot::Extension { uri, .. } => format!("{uri}:{key}"),
        };
        let member_label = format!("{label}{separator}{key}");
        let Some(member) = object.get_mut(&key) else {
            continue;
        };
        let keep = match resolve(schemas, &text) {
            Lookup::Found(Resolved::Schema(extension @ Slot::Extension { .. }))
                if slot == Slot::Core =>
            {
                if member.is_null() {
                    true
                } else {
                    members(checker, op, schemas, extension, member, &member_label, ':')?;
                    true
                }
            }
            Lookup::Found(Resolved::Attribute { found, sub }) => {
                let target = Target {
                    attribute: found.attribute,
                    sub,
                    filtered: false,
                };
                member_value(checker, op, target, member, &member_label)?
            }
            _ => true,
        };
        if !keep {
            object.remove(&key);
        }
    }
    Ok(())
}

/// One attribute carried in a value; `false` when it is dropped.
fn member_value(
    checker: &mut Checker,
    op: Op,
    target: Target<'_>,
    value: &mut Value,
    label: &str,
) -> Result<bool, Error> {
    if target.is(Mutability::ReadOnly) {
        if !value.is_null() {
            checker.lenient(Notice::ReadOnlyIgnored {
                path: label.to_owned(),
            })?;
        }
        return Ok(false);
    }
    if op == Op::Replace && target.is(Mutability::Immutable) {
        return Err(Error::mutability(
            "the attribute is immutable: a replace cannot change it (RFC 7643 §7; RFC 7644 §3.5.2)",
        )
        .at(label));
    }
    if unassigns(value) {
        if target.end().required {
            return Err(Error::mutability(
                "the attribute is required: the value would leave it unassigned (RFC 7644 §3.5.2.2)",
            )
            .at(label));
        }
        return Ok(true);
    }
    target_value(checker, op, target, value, label)?;
    Ok(true)
}
