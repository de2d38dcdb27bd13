//! Sorting resources (RFC 7644 §3.4.2.3): `sortBy` and `sortOrder` resolved once against
//! a resource type's schemas, then used to order typed models and generic resources alike
//! through attribute access ([`ResourceAccess`]).
//!
//! - **Type.** Values compare by their attribute's type: strings case-insensitively
//!   (by their case fold, with no locale) unless `caseExact`, references as written
//!   (RFC 7643 §2.3.7: "A reference is case exact"), dateTimes chronologically, integers
//!   and decimals numerically and exactly, booleans `false` before `true`, binaries by
//!   their bytes.
//! - **Multi-valued attributes** sort by their primary value (the one whose `primary`
//!   sub-attribute is true), else their first value; `emails.type` is the `type` of that
//!   value. A complex attribute named without a sub-attribute sorts by its `value`
//!   sub-attribute, as in `sortBy=emails`.
//! - **No data.** A resource without a value (unassigned, an empty string, or a generic
//!   value that is not valid for its type) sorts last when ascending and first when
//!   descending, as §3.4.2.3 says; descending is exactly the reverse of ascending.
//! - **Stability.** Resources with equal values keep their order ([`Sort::sort`] is
//!   stable).
//! - **Secrets.** A value that is never returned (`returned: never` or `writeOnly`, RFC
//!   7643 §7), or a sub-attribute of one, cannot order results, since the order would
//!   reveal it: `sortBy=password` is `invalidValue`, and so is a complex attribute whose
//!   `value`, which it sorts by, is never returned.
//!
//! ```
//! use scim::message::SortOrder;
//! use scim::models::User;
//! use scim::sort::Sort;
//!
//! let mut users = vec![User::new("carol"), User::new("Alice"), User::new("bob")];
//! let sort = Sort::for_resource::<User>("userName", Some(&SortOrder::Ascending))?;
//! sort.sort(&mut users);
//! let names: Vec<_> = users.iter().filter_map(|user| user.user_name.as_deref()).collect();
//! assert_eq!(names, ["Alice", "bob", "carol"]);
//! # Ok::<(), scim::Error>(())
//! ```

use crate::access::{ResourceAccess, Value, Values};
use crate::filter::compare::is_present;
use crate::filter::resolve::{a_kind, resolve, sub_attribute, Attr, Resolved, TopAttr};
use crate::filter::{cmp_ignore_case, AttrPath};
use crate::message::SortOrder;
use crate::schema::{Attribute, AttributeType, ResourceSchemas};
use crate::value::{Binary, Decimal, Instant};
use crate::{Error, Resource};
use std::cmp::Ordering;

/// A sort order for resources of one type: `sortBy` resolved against its schemas, and
/// `sortOrder` (RFC 7644 §3.4.2.3). It owns what it needs and borrows nothing.
///
/// See the [module documentation](self) for how values compare.
#[derive(Clone, Debug)]
pub struct Sort {
    top: TopAttr,
    /// The sub-attribute sorted by, of the chosen value of `top`.
    sub: Option<Attr>,
    /// The `primary` sub-attribute of a multi-valued complex `top`.
    primary: Option<Attr>,
    descending: bool,
}

impl Sort {
    /// The order that `sortBy` = `sort_by` and `sortOrder` = `sort_order` ask for, on
    /// resources described by `schemas`. Without a `sortOrder`, ascending (RFC 7644
    /// §3.4.2.3).
    ///
    /// # Errors
    ///
    /// [`Error::invalid_value`] (400 `invalidValue`: RFC 7644 Table 9 gives it for GET
    /// queries whose "value specified was not compatible with the operation or attribute
    /// type ... or resource schema"; `invalidPath` is for PATCH paths), its detail
    /// starting with `sortBy` or `sortOrder`: a `sortBy` that is not an attribute path,
    /// that no schema of the resource defines, that names a sub-attribute of an attribute
    /// that is not complex, or a complex attribute without a sub-attribute when it has no
    /// `value` sub-attribute (§3.4.2.3: "the attribute name must be a path to a
    /// sub-attribute"); a `sortOrder` other than `ascending` and `descending`.
    ///
    /// ```
    /// use scim::message::SortOrder;
    /// use scim::models::User;
    /// use scim::sort::Sort;
    /// use scim::Resource;
    ///
    /// let sort = Sort::new("name.familyName", None, User::resource_schemas())?;
    /// assert!(!sort.is_descending());
    ///
    /// let error = Sort::new("name", Some(&SortOrder::Descending), User::resource_schemas())
    ///     .unwrap_err();
    /// assert_eq!(error.scim_type(), Some(&scim::ScimType::InvalidValue));
    /// assert!(error.detail().unwrap().starts_with("sortBy: `name` is complex"));
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn new(
        sort_by: &str,
        sort_order: Option<&SortOrder>,
        schemas: ResourceSchemas<'_>,
    ) -> Result<Sort, Error> {
        let descending = match sort_order {
            None | Some(SortOrder::Ascending) => false,
            Some(SortOrder::Descending) => true,
            Some(SortOrder::Other(other)) => {
                return Err(Error::invalid_value(format!(
                    "`{other}` is neither ascending nor descending (RFC 7644 §3.4.2.3)"
                ))
                .at("sortOrder"))
            }
        };
        let invalid = |detail: String| Error::invalid_value(detail).at("sortBy");
        let path = AttrPath::parse(sort_by).map_err(|error| {
            invalid(format!(
                "not an attribute path (RFC 7644 §3.10): {}",
                error.detail().unwrap_or_default()
            ))
        })?;
        let (found, sub) = match resolve(&schemas, &path).map_err(invalid)? {
            Resolved::Attribute { found, sub } => (found, sub),
            Resolved::Undefined | Resolved::Schemas => {
                return Err(invalid(format!(
                    "`{path}` is not an attribute of the resource's schemas (RFC 7644 §3.4.2.3)"
                )))
            }
        };
        let attribute = found.attribute;
        let complex = attribute.kind == AttributeType::Complex;
        let sub = match sub {
            Some(sub) => Some(sub),
            None if complex => Some(sub_attribute(attribute, "value").ok_or_else(|| {
                let name = &attribute.name;
                invalid(match attribute.sub_attributes.first() {
                    Some(first) => format!(
                        "`{name}` is complex: sort by one of its sub-attributes, as \
                         `{name}.{}` (RFC 7644 §3.4.2.3)",
                        first.name
                    ),
                    None => format!(
                        "`{name}` is complex and defines no sub-attributes: it has no value \
                         to sort by (RFC 7644 §3.4.2.3)"
                    ),
                })
            })?),
            None => None,
        };
        // Checked on the value that sorts, `value` included when the path names none.
        let secret =
            attribute.is_never_returned() || sub.is_some_and(|(_, sub)| sub.is_never_returned());
        if secret {
            // The order would reveal the values (RFC 7643 §7 `returned: never`).
            return Err(invalid(format!(
                "`{path}` is never returned (RFC 7643 §7), so it cannot order results"
            )));
        }
        if let Some((_, sub)) = sub {
            if sub.kind == AttributeType::Complex {
                return Err(invalid(format!(
                    "`{path}` is {}, which has no order",
                    a_kind(sub.kind)
                )));
            }
        }
        let primary = match sub_attribute(attribute, "primary") {
            Some((index, primary))
                if complex && attribute.multi_valued && primary.kind == AttributeType::Boolean =>
            {
                Some(Attr::new(index, primary))
            }
            _ => None,
        };
        Ok(Sort {
            top: TopAttr::of(&found),
            sub: sub.map(|(index, sub)| Attr::new(index, sub)),
            primary,
            descending,
        })
    }

    /// The order `sort_by` and `sort_order` ask for on the typed model `T`.
    ///
    /// # Errors
    ///
    /// As [`Sort::new`].
    ///
    /// ```
    /// use scim::models::Group;
    /// use scim::sort::Sort;
    ///
    /// assert!(Sort::for_resource::<Group>("displayName", None).is_ok());
    /// assert!(Sort::for_resource::<Group>("userName", None).is_err());
    /// ```
    pub fn for_resource<T: Resource>(
        sort_by: &str,
        sort_order: Option<&SortOrder>,
    ) -> Result<Sort, Error> {
        Sort::new(sort_by, sort_order, T::resource_schemas())
    }

    /// Whether the order is descending.
    ///
    /// ```
    /// use scim::message::SortOrder;
    /// use scim::models::User;
    /// use scim::sort::Sort;
    ///
    /// let sort = Sort::for_resource::<User>("userName", Some(&SortOrder::Descending))?;
    /// assert!(sort.is_descending());
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn is_descending(&self) -> bool {
        self.descending
    }

    /// The order of `a` and `b`: `Less` when `a` comes first.
    ///
    /// ```
    /// use scim::models::User;
    /// use scim::sort::Sort;
    /// use std::cmp::Ordering;
    ///
    /// let sort = Sort::for_resource::<User>("userName", None)?;
    /// let (alice, nobody) = (User::new("alice"), User::default());
    /// assert_eq!(sort.compare(&alice, &User::new("ALICE")), Ordering::Equal);
    /// // No value sorts last when ascending.
    /// assert_eq!(sort.compare(&alice, &nobody), Ordering::Less);
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn compare<A, B>(&self, a: &A, b: &B) -> Ordering
    where
        A: ResourceAccess + ?Sized,
        B: ResourceAccess + ?Sized,
    {
        self.order_of(&self.key(a), &self.key(b))
    }

    /// The order of two sort keys: missing values last when ascending, first when
    /// descending.
    fn order_of(&self, a: &Option<SortValue<'_>>, b: &Option<SortValue<'_>>) -> Ordering {
        let ascending = match (a, b) {
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        if self.descending {
            ascending.reverse()
        } else {
            ascending
        }
    }

    /// Sorts `resources` in this order, keeping the order of equal ones.
    ///
    /// ```
    /// use scim::generic::GenericResource;
    /// use scim::models::User;
    /// use scim::sort::Sort;
    /// use scim::Resource;
    ///
    /// let mut users = ["2011-05-13T04:42:34Z", "2011-05-13T05:00:00+02:00"]
    ///     .map(|at| {
    ///         let json = serde_json::json!({"userName": at, "meta": {"lastModified": at}});
    ///         GenericResource::from_json(json, User::resource_schemas()).unwrap()
    ///     });
    /// Sort::for_resource::<User>("meta.lastModified", None)?.sort(&mut users);
    /// // 05:00+02:00 is 03:00Z, the earlier instant.
    /// assert_eq!(users[0].get("userName"), Some(&scim::generic::Json::String("2011-05-13T05:00:00+02:00".into())));
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn sort<R: ResourceAccess>(&self, resources: &mut [R]) {
        // Each key is read once (a generic resource finds it by name, a dateTime is
        // parsed), not once per comparison.
        let order = {
            let keys: Vec<_> = resources
                .iter()
                .map(|resource| self.key(resource))
                .collect();
            let mut order: Vec<usize> = (0..resources.len()).collect();
            order.sort_by(|&a, &b| self.order_of(&keys[a], &keys[b]));
            order
        };
        permute(resources, order);
    }

    /// The value `resource` sorts by, if it has one.
    fn key<'r, R: ResourceAccess + ?Sized>(&self, resource: &'r R) -> Option<SortValue<'r>> {
        let attribute = &self.top.attr.attribute;
        let chosen = self.chosen(self.top.values(resource))?;
        let (value, attribute) = match &self.sub {
            None => (chosen, attribute),
            Some(sub) => match chosen {
                Value::Complex(complex) => {
                    (sub.values(complex).get(0, &sub.attribute)?, &sub.attribute)
                }
                _ => return None,
            },
        };
        SortValue::of(value, attribute)
    }

    /// The value of a multi-valued attribute that sorts: the primary one, else the first
    /// (RFC 7644 §3.4.2.3); the only one of a single-valued attribute.
    fn chosen<'r>(&self, values: Values<'r>) -> Option<Value<'r>> {
        let attribute = &self.top.attr.attribute;
        let Values::Many(list) = values else {
            return values.get(0, attribute);
        };
        let mut values = (0..list.len()).filter_map(|index| list.get(index, attribute));
        if let Some(primary) = &self.primary {
            let is_primary = |value: &Value<'_>| match value {
                Value::Complex(complex) => matches!(
                    primary.values(*complex).get(0, &primary.attribute),
                    Some(Value::Boolean(true))
                ),
                _ => false,
            };
            if let Some(value) = values.clone().find(is_primary) {
                return Some(value);
            }
        }
        values.next()
    }
}

/// Rearranges `items` so that position `i` holds the item that was at `order[i]`;
/// `order` is a permutation of the positions.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        // Follow the cycle through `start`, putting each item in place.
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

/// A value read for sorting, in the form its type compares by (RFC 7644 §3.4.2.3: "sort
/// according to the attribute type").
enum SortValue<'r> {
    Exact(&'r str),
    Folded(&'r str),
    Boolean(bool),
    Integer(i64),
    Decimal(Decimal),
    DateTime(Instant<'r>),
    Binary(Binary),
}

impl<'r> SortValue<'r> {
    /// `value` as a value of `attribute` to sort by; `None` when it holds no data: an
    /// empty string, or text that does not parse as its type.
    fn of(value: Value<'r>, attribute: &Attribute) -> Option<SortValue<'r>> {
        if !is_present(value) {
            return None;
        }
        Some(match value {
            Value::String(text) if attribute.case_exact => SortValue::Exact(text),
            Value::String(text) => SortValue::Folded(text),
            Value::Reference(text) => SortValue::Exact(text),
            Value::Boolean(value) => SortValue::Boolean(value),
            Value::Integer(value) => SortValue::Integer(value),
            Value::Decimal(text) => SortValue::Decimal(text.parse().ok()?),
            Value::DateTime(value) => SortValue::DateTime(value.instant()?),
            Value::Binary(text) => SortValue::Binary(text.parse().ok()?),
            Value::Complex(_) => return None,
        })
    }

    /// The order of two values of one attribute.
    fn cmp(&self, other: &SortValue<'_>) -> Ordering {
        match (self, other) {
            (SortValue::Exact(a), SortValue::Exact(b)) => a.cmp(b),
            (SortValue::Folded(a), SortValue::Folded(b)) => cmp_ignore_case(a, b),
            (SortValue::Boolean(a), SortValue::Boolean(b)) => a.cmp(b),
            (SortValue::Integer(a), SortValue::Integer(b)) => a.cmp(b),
            (SortValue::Decimal(a), SortValue::Decimal(b)) => a.cmp(b),
            (SortValue::DateTime(a), SortValue::DateTime(b)) => a.cmp(b),
            (SortValue::Binary(a), SortValue::Binary(b)) => a.cmp(b),
            // Values of one attribute have one type.
            _ => Ordering::Equal,
        }
    }
}
