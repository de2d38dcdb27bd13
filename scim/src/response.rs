//! The forms in which a typed resource is written (RFC 7643 §7 `returned` and
//! `mutability`; RFC 7644 §3.4.2.5, §3.9):
//!
//! - plain `Serialize`: the **safe** form. Every attribute except those that must never
//!   be returned: `returned: never` and `writeOnly` ones such as `password`, at any
//!   depth. Whatever a server serialises, a password does not leak.
//! - [`Response`]: what a response returns for a request's `attributes` and
//!   `excludedAttributes` ([`Projection`]): `returned: always` attributes always,
//!   `default` ones unless excluded, `request` ones only when named, never the secrets;
//!   `schemas` lists the schemas of what is left.
//! - [`RequestBody`]: everything, secrets included: what a client sends in a create or
//!   replace request, and what a server stores.
//!
//! ```
//! use scim::models::User;
//! use scim::projection::Projection;
//! use scim::{RequestBody, Response};
//!
//! let mut user = User::new("bjensen");
//! user.id = Some("2819c223".into());
//! user.password = Some("t1meMa$heen".into());
//! user.display_name = Some("Babs Jensen".into());
//!
//! // The safe form leaves the password out ...
//! let safe = serde_json::to_string(&user)?;
//! assert!(!safe.contains("t1meMa$heen"));
//! // ... a client's request body keeps it ...
//! let body = serde_json::to_string(&RequestBody(&user))?;
//! assert!(body.contains(r#""password":"t1meMa$heen""#));
//! // ... and a response returns what was asked for, `id` always.
//! let projection = Projection::new().with_attributes("displayName,password");
//! assert_eq!(
//!     serde_json::to_string(&Response::new(&user, &projection))?,
//!     r#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"2819c223","displayName":"Babs Jensen"}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use crate::access::Slot;
use crate::projection::Projection;
use crate::schema::{Attribute, AttributeType, ResourceSchemas};
use crate::Resource;
use serde::ser::{Serialize, SerializeSeq, Serializer};
use std::borrow::Cow;

/// A typed resource as a response returns it, for a [`Projection`].
///
/// Serialising it writes what RFC 7644 §3.4.2.5 and §3.9 ask: see the
/// [module documentation](self). For many resources with the same projection (a
/// ListResponse), build the [`ResponseMask`] once and use [`Response::with_mask`].
#[derive(Debug)]
pub struct Response<'a, T> {
    resource: &'a T,
    /// `None` without `attributes` and `excludedAttributes`: every attribute returned by
    /// default, decided per field without a mask.
    mask: Option<Cow<'a, ResponseMask>>,
}

impl<'a, T: Resource> Response<'a, T> {
    /// `resource` as returned for `projection`.
    pub fn new(resource: &'a T, projection: &Projection) -> Self {
        let unprojected =
            projection.attributes().is_empty() && projection.excluded_attributes().is_empty();
        Response {
            resource,
            mask: (!unprojected).then(|| Cow::Owned(ResponseMask::for_resource::<T>(projection))),
        }
    }

    /// `resource` as returned for the projection of `mask`.
    pub fn with_mask(resource: &'a T, mask: &'a ResponseMask) -> Self {
        Response {
            resource,
            mask: Some(Cow::Borrowed(mask)),
        }
    }
}

impl<T: Resource> Serialize for Response<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let form = match &self.mask {
            Some(mask) => Form::Response(mask),
            None => Form::Default,
        };
        self.resource.serialize_form(form, serializer)
    }
}

/// A typed value with every attribute, `writeOnly` and `returned: never` ones included:
/// the body of a create or replace request, or a server's stored copy.
#[derive(Clone, Copy, Debug)]
pub struct RequestBody<'a, T>(pub &'a T);

impl<T: SerializeForm> Serialize for RequestBody<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_form(Form::Full, serializer)
    }
}

/// Which attributes of a resource type a response returns for one [`Projection`]:
/// decided once from the schemas, then applied to any number of resources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseMask {
    projection: Projection,
    core_uri: String,
    core: Vec<Include>,
    extensions: Vec<Option<Subs>>,
}

/// Whether one attribute is written. Not a public API.
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Include {
    /// Not written.
    No,
    /// Written in the safe form.
    Yes,
    /// A complex attribute written with some of its sub-attributes.
    Subs(Subs),
}

/// The sub-attributes written of a complex value or an extension object, by index.
/// Not a public API.
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subs {
    attributes: Vec<Include>,
    unknown: Unknown,
}

/// Which members no schema defines are written in a complex value or an extension
/// object. Attributes no schema defines are `returned: default` (RFC 7643 §2.2), so the
/// answer depends on their name only where a path of the projection names them
/// (`name.nickname`, `urn:...:User:badge`): those names are kept apart.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Unknown {
    /// The answer for a name that no path of the projection names.
    returned: bool,
    /// Names (compared case-insensitively) that get the other answer.
    except: Vec<String>,
}

impl Unknown {
    /// Decides with `returns`, the projection's rule for one unknown member, over `names`,
    /// every name a path of the projection gives a member of the value.
    fn decide<'p>(
        names: impl Iterator<Item = &'p str>,
        returns: impl Fn(&Attribute) -> bool,
    ) -> Unknown {
        let names: Vec<&str> = names.collect();
        // The answer for the names no path gives: asked of a name longer than all of
        // them (a path may give the empty name, as `addresses.` does).
        let longest = names.iter().map(|name| name.len()).max().unwrap_or(0);
        let returned = returns(&unknown_attribute(&"_".repeat(longest + 1)));
        let mut except: Vec<String> = Vec::new();
        for name in names {
            let known = except.iter().any(|other| other.eq_ignore_ascii_case(name));
            if !known && returns(&unknown_attribute(name)) != returned {
                except.push(name.to_owned());
            }
        }
        Unknown { returned, except }
    }

    /// Whether the member `name` is written.
    fn returns(&self, name: &str) -> bool {
        self.returned
            != self
                .except
                .iter()
                .any(|other| other.eq_ignore_ascii_case(name))
    }

    /// Whether every member is written.
    fn all(&self) -> bool {
        self.returned && self.except.is_empty()
    }

    /// Whether some member may be written.
    fn any(&self) -> bool {
        self.returned || !self.except.is_empty()
    }
}

impl ResponseMask {
    /// The mask of a typed resource type.
    pub fn for_resource<T: Resource>(projection: &Projection) -> Self {
        ResponseMask::new(T::resource_schemas(), projection)
    }

    /// The mask for the resource type of `schemas`.
    pub fn new(schemas: ResourceSchemas<'_>, projection: &Projection) -> Self {
        let core_uri = schemas.core().map_or("", |core| &core.id).to_owned();
        let core = by_index(schemas, Slot::Core, |attribute| {
            include(projection, &core_uri, true, attribute)
        });
        let extensions = schemas
            .slots()
            .skip(1)
            .map(|slot| {
                let Slot::Extension { uri, .. } = slot else {
                    return None;
                };
                let attributes = by_index(schemas, slot, |attribute| {
                    include(projection, uri, false, attribute)
                });
                let unknown = Unknown::decide(projection.names_in(uri, false, None), |unknown| {
                    projection.returns(uri, false, unknown)
                });
                let any = attributes.iter().any(|include| *include != Include::No);
                (any || unknown.any()).then_some(Subs {
                    attributes,
                    unknown,
                })
            })
            .collect();
        ResponseMask {
            projection: projection.clone(),
            core_uri,
            core,
            extensions,
        }
    }

    /// Whether the attribute `name`, which no schema defines, is returned; for an
    /// object keyed by a URI, whether that unknown extension is.
    fn returns_unknown(&self, name: &str, extension_object: bool) -> bool {
        if extension_object {
            self.projection.returns_unknown_extension(name)
        } else {
            self.projection
                .returns(&self.core_uri, true, &unknown_attribute(name))
        }
    }
}

/// `decide` for each attribute of `slot`, at the attribute's index (a common attribute
/// that the core schema shadows leaves its index unused: not written).
fn by_index(
    schemas: ResourceSchemas<'_>,
    slot: Slot<'_>,
    mut decide: impl FnMut(&Attribute) -> Include,
) -> Vec<Include> {
    let mut includes = Vec::new();
    for found in schemas.attributes(slot) {
        includes.resize(found.index, Include::No);
        includes.push(decide(found.attribute));
    }
    includes
}

/// An attribute no schema defines: the RFC 7643 §2.2 defaults.
fn unknown_attribute(name: &str) -> Attribute {
    let mut attribute = Attribute::new("", AttributeType::String);
    attribute.name = Cow::Owned(name.to_owned());
    attribute
}

fn include(projection: &Projection, schema: &str, core: bool, attribute: &Attribute) -> Include {
    if !projection.returns(schema, core, attribute) {
        return Include::No;
    }
    if attribute.kind != AttributeType::Complex {
        return Include::Yes;
    }
    let attributes: Vec<Include> = attribute
        .sub_attributes
        .iter()
        .map(|sub| {
            if projection.returns_sub(schema, core, attribute, sub) {
                Include::Yes
            } else {
                Include::No
            }
        })
        .collect();
    let unknown = Unknown::decide(
        projection.names_in(schema, core, Some(&attribute.name)),
        |unknown| projection.returns_sub(schema, core, attribute, unknown),
    );
    if unknown.all() && attributes.iter().all(|include| *include == Include::Yes) {
        Include::Yes
    } else {
        Include::Subs(Subs {
            attributes,
            unknown,
        })
    }
}

/// How a typed value is being written. Not a public API: the derives use it.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Form<'a> {
    /// Everything but the secrets.
    Safe,
    /// Everything.
    Full,
    /// A response without `attributes` or `excludedAttributes`: everything but the
    /// secrets and the `returned: request` attributes.
    Default,
    /// A resource in a response.
    Response(&'a ResponseMask),
    /// A complex value or an extension object in a response.
    Subs(&'a Subs),
}

impl<'a> Form<'a> {
    /// The form of attribute `index` of the value being written (for a resource, its
    /// index in the core slot), `None` when it is not written. `secret` says whether
    /// the attribute is `returned: never` or `writeOnly`, `on_request` whether it is
    /// `returned: request`.
    #[inline]
    pub fn attribute(self, index: usize, secret: bool, on_request: bool) -> Option<Form<'a>> {
        let include = match self {
            Form::Safe => return (!secret).then_some(Form::Safe),
            Form::Full => return Some(Form::Full),
            Form::Default => return (!secret && !on_request).then_some(Form::Default),
            Form::Response(mask) => mask.core.get(index),
            Form::Subs(subs) => subs.attributes.get(index),
        };
        match include {
            None | Some(Include::No) => None,
            Some(Include::Yes) => Some(Form::Safe),
            Some(Include::Subs(subs)) => Some(Form::Subs(subs)),
        }
    }

    /// The form of `extension`, the typed extension at position `index` of a resource's
    /// extensions, `None` when a response would write it as an empty object (RFC 7644
    /// §3.9 returns what is asked for, and an empty extension holds nothing asked for).
    /// Members no schema defines count: they are `returned: default` (RFC 7643 §2.2).
    pub fn extension<E: SerializeForm + ?Sized>(
        self,
        extension: &E,
        index: usize,
    ) -> Option<Form<'a>> {
        let form = match self {
            Form::Safe | Form::Full => return Some(self),
            Form::Default => Form::Default,
            Form::Response(mask) => Form::Subs(mask.extensions.get(index)?.as_ref()?),
            Form::Subs(_) => return None,
        };
        (extension.form_len(form) > 0).then_some(form)
    }

    /// Whether `value` writes anything in this form: a complex value of a response
    /// writes nothing when none of its members is returned (it is then unassigned, RFC
    /// 7643 §2.5, and left out).
    pub fn writes<T: SerializeForm + ?Sized>(self, value: &T) -> bool {
        !matches!(self, Form::Subs(_)) || value.form_len(self) > 0
    }

    /// Whether the attribute `name`, kept though no schema of the value defines it, is
    /// written; `extension_object` when it is an object keyed by a URI.
    pub fn unknown(self, name: &str, extension_object: bool) -> bool {
        match self {
            Form::Safe | Form::Full | Form::Default => true,
            Form::Response(mask) => mask.returns_unknown(name, extension_object),
            Form::Subs(subs) => subs.unknown.returns(name),
        }
    }
}

/// A value that can be written in each [`Form`]. Not a public API: the derives
/// implement it.
#[doc(hidden)]
pub trait SerializeForm: Serialize {
    /// Writes the value in `form`.
    fn serialize_form<S: Serializer>(
        &self,
        form: Form<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let _ = form;
        self.serialize(serializer)
    }

    /// How many members the value writes in `form`; 0 for a complex value or an
    /// extension object that `form` would write empty. A value that is not a complex one
    /// counts as one member.
    fn form_len(&self, form: Form<'_>) -> usize {
        let _ = form;
        1
    }
}

/// A value and the form to write it in. Not a public API: the derives use it.
#[doc(hidden)]
pub struct InForm<'a, T: ?Sized>(pub &'a T, pub Form<'a>);

impl<T: SerializeForm + ?Sized> Serialize for InForm<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_form(self.1, serializer)
    }
}

/// The values of a multi-valued attribute: those that write something in `form`.
impl<T: SerializeForm> SerializeForm for Vec<T> {
    fn serialize_form<S: Serializer>(
        &self,
        form: Form<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let written = || self.iter().filter(|item| form.writes(*item));
        let mut seq = serializer.serialize_seq(Some(written().count()))?;
        for item in written() {
            seq.serialize_element(&InForm(item, form))?;
        }
        seq.end()
    }
}

macro_rules! leaf_forms {
    ($($leaf:ty),*) => {
        $(impl SerializeForm for $leaf {})*
    };
}

leaf_forms!(
    String,
    bool,
    i64,
    crate::value::Decimal,
    crate::value::DateTime,
    crate::value::Binary
);

impl<T: crate::value::ReferenceTypes> SerializeForm for crate::value::Reference<T> {}

/// Whether an unknown attribute is an extension object: a URI key (`urn:` in any case)
/// holding a JSON object. Not a public API: the derives use it.
#[doc(hidden)]
pub fn is_extension_object(name: &str, value: &serde_json::value::RawValue) -> bool {
    name.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("urn:"))
        && value.get().trim_start().starts_with('{')
}
