//! Attribute paths resolved against a resource's schemas, once, into owned locations that
//! read a resource through [`access`](crate::access) by slot and index: shared by filter
//! evaluation (RFC 7644 §3.4.2.2) and sorting (§3.4.2.3).

use super::ast::AttrPath;
use crate::access::{ComplexAccess, ResourceAccess, Slot, Value, Values};
use crate::schema::{Attribute, AttributeType, Found, ResourceSchemas};

/// An owned [`Slot`]: the compiled form keeps no borrow of the schemas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SlotRef {
    Core,
    Extension { index: usize, uri: Box<str> },
}

impl SlotRef {
    fn of(slot: Slot<'_>) -> Self {
        match slot {
            Slot::Core => SlotRef::Core,
            Slot::Extension { index, uri } => SlotRef::Extension {
                index,
                uri: uri.into(),
            },
        }
    }

    pub(crate) fn get(&self) -> Slot<'_> {
        match self {
            SlotRef::Core => Slot::Core,
            SlotRef::Extension { index, uri } => Slot::Extension { index: *index, uri },
        }
    }
}

/// An attribute or sub-attribute: its index and the part of its definition that reading
/// needs (name, type, multiValued, caseExact), copied from the schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Attr {
    pub(crate) index: usize,
    pub(crate) attribute: Attribute,
}

impl Attr {
    pub(crate) fn new(index: usize, attribute: &Attribute) -> Self {
        Attr {
            index,
            attribute: slim(attribute),
        }
    }

    /// The values of this sub-attribute in `complex`.
    #[inline(always)]
    pub(crate) fn values<'c>(&self, complex: &'c dyn ComplexAccess) -> Values<'c> {
        complex.get(self.index, &self.attribute)
    }

    /// Every sub-attribute of `attribute`, for the `pr` test of a complex value.
    pub(crate) fn subs_of(attribute: &Attribute) -> Box<[Attr]> {
        attribute
            .sub_attributes
            .iter()
            .enumerate()
            .map(|(index, sub)| Attr::new(index, sub))
            .collect()
    }
}

/// A copy of what reading an attribute needs; descriptions, canonical values and
/// sub-attributes stay behind.
fn slim(attribute: &Attribute) -> Attribute {
    Attribute {
        name: attribute.name.clone(),
        multi_valued: attribute.multi_valued,
        case_exact: attribute.case_exact,
        ..Attribute::new("", attribute.kind)
    }
}

/// An attribute of a resource: its slot and its place there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TopAttr {
    pub(crate) slot: SlotRef,
    pub(crate) attr: Attr,
}

impl TopAttr {
    pub(crate) fn of(found: &Found<'_>) -> Self {
        TopAttr {
            slot: SlotRef::of(found.slot),
            attr: Attr::new(found.index, found.attribute),
        }
    }

    /// The attribute's values in `resource`.
    #[inline(always)]
    pub(crate) fn values<'r, R: ResourceAccess + ?Sized>(&self, resource: &'r R) -> Values<'r> {
        resource.get(self.slot.get(), self.attr.index, &self.attr.attribute)
    }
}

/// Whether any of `values` (of `attribute`) satisfies `test`: a multi-valued attribute
/// matches when one of its values does (RFC 7644 §3.4.2.2).
#[inline(always)]
pub(crate) fn any_value(
    values: Values<'_>,
    attribute: &Attribute,
    mut test: impl FnMut(Value<'_>) -> bool,
) -> bool {
    match values {
        Values::None => false,
        Values::One(value) => test(value),
        Values::Many(list) => {
            (0..list.len()).any(|index| list.get(index, attribute).is_some_and(&mut test))
        }
    }
}

/// What an attribute path names in a resource's schemas.
pub(crate) enum Resolved<'s> {
    /// Nothing: no schema of the resource defines it (RFC 7644 §3.4.2.1).
    Undefined,
    /// The `schemas` attribute (RFC 7643 §3), which no schema defines.
    Schemas,
    /// An attribute, and the sub-attribute the path names, if any.
    Attribute {
        found: Found<'s>,
        sub: Option<(usize, &'s Attribute)>,
    },
}

/// Resolves `path` (RFC 7644 §3.10: an optional schema URI, an attribute, an optional
/// sub-attribute; names in any case). A sub-attribute of an attribute that is not complex
/// is a problem, described by the error; a name no schema defines is [`Resolved::Undefined`].
pub(crate) fn resolve<'s>(
    schemas: &ResourceSchemas<'s>,
    path: &AttrPath,
) -> Result<Resolved<'s>, String> {
    let Some(found) = schemas.find(path.uri.as_deref(), &path.attribute) else {
        // `schemas` belongs to the resource, so it may carry the core schema's URI like
        // the core attributes (RFC 7644 §3.10).
        let core_uri = match (&path.uri, schemas.core()) {
            (None, _) => true,
            (Some(uri), Some(core)) => uri.eq_ignore_ascii_case(&core.id),
            (Some(_), None) => false,
        };
        if !(core_uri && path.attribute.eq_ignore_ascii_case("schemas")) {
            return Ok(Resolved::Undefined);
        }
        return match path.sub_attribute {
            None => Ok(Resolved::Schemas),
            // As for any other attribute that is not complex.
            Some(_) => Err(format!(
                "`{}` is a list of schema URIs, which have no sub-attributes (RFC 7643 §3)",
                path.attribute
            )),
        };
    };
    let Some(name) = &path.sub_attribute else {
        return Ok(Resolved::Attribute { found, sub: None });
    };
    if found.attribute.kind != AttributeType::Complex {
        return Err(format!(
            "`{}` is {}, which has no sub-attributes (RFC 7643 §2.3.8)",
            found.attribute.name,
            a_kind(found.attribute.kind)
        ));
    }
    Ok(match sub_attribute(found.attribute, name) {
        Some(sub) => Resolved::Attribute {
            found,
            sub: Some(sub),
        },
        None => Resolved::Undefined,
    })
}

/// The sub-attribute `name` (in any case) of `attribute`, with its index.
pub(crate) fn sub_attribute<'s>(
    attribute: &'s Attribute,
    name: &str,
) -> Option<(usize, &'s Attribute)> {
    attribute
        .sub_attributes
        .iter()
        .enumerate()
        .find(|(_, sub)| sub.name.eq_ignore_ascii_case(name))
}

/// The data type with its article: `a string`, `an integer`.
pub(crate) fn a_kind(kind: AttributeType) -> String {
    match kind {
        AttributeType::Integer => "an integer attribute".to_owned(),
        kind => format!("a {kind} attribute"),
    }
}
