//! The rules for whole resources: create and replace request bodies (RFC 7644 §3.3,
//! §3.5.1) and responses (RFC 7643 §7 `returned`), over attribute access.

use super::compare::{same_values, Scope};
use super::{Checker, Notice};
use crate::access::{ComplexAccess, ResourceAccess, Slot, Value, Values, ValuesMut};
use crate::models::ServiceProviderConfig;
use crate::schema::{
    Attribute, AttributeType, Mutability, ResourceSchemas, Returned, COMMON_ATTRIBUTES,
};
use crate::{Error, Resource};
use std::fmt;

/// Where a value is, in RFC 7644 §3.10 notation (`emails[1].display`,
/// `urn:...:User:manager.displayName`), written only when a notice or an error needs it.
#[derive(Clone, Copy)]
enum Path<'a> {
    /// Top-level attribute `name` of `slot`: extension attributes carry their URI.
    Top(Slot<'a>, &'a str),
    /// Value `index` of a multi-valued attribute.
    Item(&'a Path<'a>, usize),
    /// Sub-attribute `name` of a complex value.
    Sub(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    fn item(&'a self, index: usize) -> Path<'a> {
        Path::Item(self, index)
    }

    fn sub(&'a self, name: &'a str) -> Path<'a> {
        Path::Sub(self, name)
    }

    /// Value `index` of `attribute` when it is multi-valued, else the attribute itself.
    fn value_of(&'a self, attribute: &Attribute, index: usize) -> Path<'a> {
        if attribute.multi_valued {
            self.item(index)
        } else {
            *self
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Top(Slot::Core, name) => formatter.write_str(name),
            Path::Top(Slot::Extension { uri, .. }, name) => write!(formatter, "{uri}:{name}"),
            Path::Item(parent, index) => write!(formatter, "{parent}[{index}]"),
            Path::Sub(parent, name) => write!(formatter, "{parent}.{name}"),
        }
    }
}

/// The complex values among `values`.
fn complexes<'a>(values: Values<'a>, attribute: &Attribute) -> Vec<&'a dyn ComplexAccess> {
    (0..values.len())
        .filter_map(|index| match values.get(index, attribute) {
            Some(Value::Complex(complex)) => Some(complex),
            _ => None,
        })
        .collect()
}

/// Runs `check` on every sub-attribute of every complex value among `values` (nothing
/// when `attribute` is not complex), with the path of each.
fn each_sub_attribute(
    values: Values<'_>,
    attribute: &Attribute,
    path: Path<'_>,
    check: fn(Values<'_>, &Attribute, Path<'_>) -> Result<(), Error>,
) -> Result<(), Error> {
    if attribute.kind != AttributeType::Complex {
        return Ok(());
    }
    for item in 0..values.len() {
        let Some(Value::Complex(complex)) = values.get(item, attribute) else {
            continue;
        };
        let path = path.value_of(attribute, item);
        for (index, sub) in attribute.sub_attributes.iter().enumerate() {
            check(complex.get(index, sub), sub, path.sub(&sub.name))?;
        }
    }
    Ok(())
}

fn cannot_unassign(path: Path<'_>) -> Error {
    Error::mutability(
        "the attribute is readOnly and the model cannot unassign it, so it cannot be ignored (RFC 7643 §7)",
    )
    .at(path)
}

/// Drops every `readOnly` value of `resource`, at any depth (RFC 7644 §3.3, §3.5.1: "SHALL
/// be ignored"). A value equal to the one of `existing` is echoed, not an error even for
/// strict rules.
pub(super) fn drop_read_only<R, E>(
    checker: &mut Checker,
    resource: &mut R,
    existing: Option<&E>,
    schemas: ResourceSchemas<'_>,
) -> Result<(), Error>
where
    R: ResourceAccess + ?Sized,
    E: ResourceAccess + ?Sized,
{
    for slot in schemas.slots() {
        if !resource.has_extension(slot) {
            continue;
        }
        for found in schemas.attributes(slot) {
            let (index, attribute) = (found.index, found.attribute);
            let path = Path::Top(slot, &attribute.name);
            let old = existing.map_or(Values::None, |existing| {
                existing.get(slot, index, attribute)
            });
            if attribute.mutability == Mutability::ReadOnly {
                let values = resource.get(slot, index, attribute);
                if values.is_empty() {
                    continue;
                }
                let echoed = !old.is_empty() && same_values(values, old, attribute, Scope::All);
                ignore(checker, path, echoed)?;
                resource.clear(slot, index, attribute);
                if !resource.get(slot, index, attribute).is_empty() {
                    return Err(cannot_unassign(path));
                }
                continue;
            }
            if attribute.kind != AttributeType::Complex {
                continue;
            }
            let old = complexes(old, attribute);
            let values = resource.get_mut(slot, index, attribute);
            drop_in_values(checker, values, attribute, path, &old)?;
        }
    }
    Ok(())
}

/// [`drop_in_complex`] on each complex value of `attribute`.
fn drop_in_values(
    checker: &mut Checker,
    values: ValuesMut<'_>,
    attribute: &Attribute,
    path: Path<'_>,
    old: &[&dyn ComplexAccess],
) -> Result<(), Error> {
    match values {
        ValuesMut::One(complex) => drop_in_complex(checker, complex, attribute, path, old),
        ValuesMut::Many(list) => {
            for item in 0..list.len() {
                if let Some(complex) = list.complex_mut(item) {
                    drop_in_complex(checker, complex, attribute, path.item(item), old)?;
                }
            }
            Ok(())
        }
        ValuesMut::None => Ok(()),
    }
}

fn ignore(checker: &mut Checker, path: Path<'_>, echoed: bool) -> Result<(), Error> {
    let path = path.to_string();
    if echoed {
        checker.note(Notice::ReadOnlyEchoed { path });
        Ok(())
    } else {
        checker.lenient(Notice::ReadOnlyIgnored { path })
    }
}

/// Drops the `readOnly` sub-attributes of one complex value of `attribute`. `old` holds
/// the existing values of the attribute: a value equal to that sub-attribute of any of
/// them is echoed (values of a multi-valued attribute cannot be matched one to one).
fn drop_in_complex(
    checker: &mut Checker,
    complex: &mut dyn ComplexAccess,
    attribute: &Attribute,
    path: Path<'_>,
    old: &[&dyn ComplexAccess],
) -> Result<(), Error> {
    for (index, sub) in attribute.sub_attributes.iter().enumerate() {
        let path = path.sub(&sub.name);
        if sub.mutability == Mutability::ReadOnly {
            let values = complex.get(index, sub);
            if values.is_empty() {
                continue;
            }
            let echoed = old
                .iter()
                .any(|old| same_values(values, old.get(index, sub), sub, Scope::All));
            ignore(checker, path, echoed)?;
            complex.clear(index, sub);
            if !complex.get(index, sub).is_empty() {
                return Err(cannot_unassign(path));
            }
            continue;
        }
        if sub.kind != AttributeType::Complex {
            continue;
        }
        // RFC 7643 §2.3.8 allows no complex sub-attributes; schemas that have them anyway
        // get the same treatment one level down.
        let old: Vec<&dyn ComplexAccess> = old
            .iter()
            .flat_map(|old| complexes(old.get(index, sub), sub))
            .collect();
        drop_in_values(checker, complex.get_mut(index, sub), sub, path, &old)?;
    }
    Ok(())
}

/// Whether clients must give `attribute`: `required`, and not `readOnly` (a value the
/// service provider assigns, which a request cannot carry).
fn demanded(attribute: &Attribute) -> bool {
    attribute.required && attribute.mutability != Mutability::ReadOnly
}

/// Every `required` attribute is present: at the top level, in each present extension,
/// and in each present complex value.
pub(super) fn check_required<R: ResourceAccess + ?Sized>(
    resource: &R,
    schemas: ResourceSchemas<'_>,
) -> Result<(), Error> {
    for slot in schemas.slots() {
        if !resource.has_extension(slot) {
            continue;
        }
        for found in schemas.attributes(slot) {
            let path = Path::Top(slot, &found.attribute.name);
            let values = resource.get(slot, found.index, found.attribute);
            required_in(values, found.attribute, path)?;
        }
    }
    Ok(())
}

fn required_in(values: Values<'_>, attribute: &Attribute, path: Path<'_>) -> Result<(), Error> {
    if values.is_empty() {
        if demanded(attribute) {
            return Err(Error::invalid_value(
                "the attribute is required and has no value (RFC 7643 §7; RFC 7644 §3.3, §3.5.1)",
            )
            .at(path));
        }
        return Ok(());
    }
    each_sub_attribute(values, attribute, path, required_in)
}

/// Every `immutable` attribute the existing resource has a value for comes with the same
/// value (RFC 7644 §3.5.1), at the top level and in single-valued complex attributes.
pub(super) fn check_immutable<R, E>(
    checker: &mut Checker,
    resource: &R,
    existing: &E,
    schemas: ResourceSchemas<'_>,
) -> Result<(), Error>
where
    R: ResourceAccess + ?Sized,
    E: ResourceAccess + ?Sized,
{
    for slot in schemas.slots() {
        if !existing.has_extension(slot) {
            continue;
        }
        let present = resource.has_extension(slot);
        for found in schemas.attributes(slot) {
            let (index, attribute) = (found.index, found.attribute);
            let new = if present {
                resource.get(slot, index, attribute)
            } else {
                Values::None
            };
            let old = existing.get(slot, index, attribute);
            immutable_in(
                checker,
                new,
                old,
                attribute,
                Path::Top(slot, &attribute.name),
            )?;
        }
    }
    Ok(())
}

fn immutable_in(
    checker: &mut Checker,
    new: Values<'_>,
    old: Values<'_>,
    attribute: &Attribute,
    path: Path<'_>,
) -> Result<(), Error> {
    match attribute.mutability {
        Mutability::ReadOnly => Ok(()),
        Mutability::Immutable => {
            if old.is_empty() {
                Ok(())
            } else if new.is_empty() {
                checker.lenient(Notice::ImmutableKept {
                    path: path.to_string(),
                })
            } else if same_values(new, old, attribute, Scope::Writable) {
                Ok(())
            } else {
                Err(Error::mutability(
                    "the attribute is immutable: a replace request must give its existing value (RFC 7643 §7; RFC 7644 §3.5.1)",
                )
                .at(path))
            }
        }
        _ if attribute.kind == AttributeType::Complex && !attribute.multi_valued => {
            // Sub-attributes of a single-valued complex attribute match one to one; those
            // of multi-valued ones do not (see the module documentation).
            let Some(Value::Complex(old)) = old.get(0, attribute) else {
                return Ok(());
            };
            let new = match new.get(0, attribute) {
                Some(Value::Complex(new)) => Some(new),
                _ => None,
            };
            for (index, sub) in attribute.sub_attributes.iter().enumerate() {
                let new = new.map_or(Values::None, |new| new.get(index, sub));
                immutable_in(checker, new, old.get(index, sub), sub, path.sub(&sub.name))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// No value that is never returned, and every value that is always returned (RFC 7643
/// §7 `returned`, `mutability: writeOnly`).
pub(super) fn check_response<R: ResourceAccess + ?Sized>(
    resource: &R,
    schemas: ResourceSchemas<'_>,
) -> Result<(), Error> {
    // RFC 7643 §5: "Unlike other core resources, the id attribute is not required for the
    // service provider configuration resource."
    let service_provider_config = schemas.core().is_some_and(|core| {
        core.id
            .eq_ignore_ascii_case(<ServiceProviderConfig as Resource>::SCHEMA)
    });
    for slot in schemas.slots() {
        if !resource.has_extension(slot) {
            continue;
        }
        for found in schemas.attributes(slot) {
            let values = resource.get(slot, found.index, found.attribute);
            let common = slot == Slot::Core && found.index < COMMON_ATTRIBUTES.len();
            if service_provider_config && common && values.is_empty() {
                continue;
            }
            returned_in(
                values,
                found.attribute,
                Path::Top(slot, &found.attribute.name),
            )?;
        }
    }
    Ok(())
}

fn returned_in(values: Values<'_>, attribute: &Attribute, path: Path<'_>) -> Result<(), Error> {
    if values.is_empty() {
        if attribute.returned == Returned::Always {
            return Err(Error::internal(
                "the attribute is returned always and has no value: every response carries it (RFC 7643 §3.1, §7)",
            )
            .at(path));
        }
        return Ok(());
    }
    if attribute.is_never_returned() {
        return Err(Error::internal(format!(
            "the attribute is {}: a response must never carry its value (RFC 7643 §7)",
            if attribute.mutability == Mutability::WriteOnly {
                "writeOnly"
            } else {
                "returned never"
            }
        ))
        .at(path));
    }
    each_sub_attribute(values, attribute, path, returned_in)
}
