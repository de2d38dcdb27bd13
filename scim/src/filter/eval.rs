//! Evaluating a compiled filter against a resource through attribute access
//! ([`ResourceAccess`]): one evaluator for typed models and generic resources.

use super::compile::{CompiledFilter, Node, SubLeaf, TopLeaf};
use super::resolve::any_value;
use crate::access::{ResourceAccess, Slot, Value};

impl CompiledFilter {
    /// Whether `resource` matches the filter (RFC 7644 §3.4.2.2).
    ///
    /// `resource` is read through [`ResourceAccess`], by the slots and indices resolved at
    /// compile time: a typed model without any conversion to JSON, a
    /// [`GenericResource`](crate::generic::GenericResource) by attribute name. Both give
    /// the same answer for the same data. The resource should be of the type the filter
    /// was compiled for.
    ///
    /// ```
    /// use scim::filter::Filter;
    /// use scim::generic::GenericResource;
    /// use scim::models::User;
    /// use scim::Resource;
    ///
    /// let compiled = Filter::parse(r#"meta.lastModified gt "2011-05-13T04:00:00Z""#)?
    ///     .compile(User::resource_schemas())?;
    /// let json = r#"{
    ///     "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
    ///     "userName": "bjensen",
    ///     "meta": {"lastModified": "2011-05-13T06:42:34+02:00"}
    /// }"#;
    /// let typed: User = serde_json::from_str(json).unwrap();
    /// let generic = GenericResource::from_str(json, User::resource_schemas())?;
    /// // 06:42:34+02:00 is 04:42:34Z: later, though its text sorts earlier than many.
    /// assert!(compiled.matches(&typed));
    /// assert!(compiled.matches(&generic));
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn matches<R: ResourceAccess + ?Sized>(&self, resource: &R) -> bool {
        self.root.eval(&|leaf: &TopLeaf| leaf.matches(resource))
    }
}

impl<L> Node<L> {
    #[inline]
    fn eval(&self, leaf: &impl Fn(&L) -> bool) -> bool {
        match self {
            Node::Leaf(test) => leaf(test),
            Node::And(nodes) => nodes.iter().all(|node| node.eval(leaf)),
            Node::Or(nodes) => nodes.iter().any(|node| node.eval(leaf)),
            Node::Not(node) => !node.eval(leaf),
            Node::Const(answer) => *answer,
        }
    }
}

impl TopLeaf {
    #[inline]
    fn matches<R: ResourceAccess + ?Sized>(&self, resource: &R) -> bool {
        match self {
            TopLeaf::Path {
                top,
                sub: None,
                test,
            } => any_value(top.values(resource), &top.attr.attribute, |value| {
                test.matches(value)
            }),
            TopLeaf::Path {
                top,
                sub: Some(sub),
                test,
            } => any_value(
                top.values(resource),
                &top.attr.attribute,
                |value| match value {
                    Value::Complex(complex) => {
                        any_value(sub.values(complex), &sub.attribute, |value| {
                            test.matches(value)
                        })
                    }
                    _ => false,
                },
            ),
            TopLeaf::ValueFilter { top, filter } => any_value(
                top.values(resource),
                &top.attr.attribute,
                |value| match value {
                    Value::Complex(complex) => filter.eval(&|leaf: &SubLeaf| {
                        any_value(leaf.sub.values(complex), &leaf.sub.attribute, |value| {
                            leaf.test.matches(value)
                        })
                    }),
                    _ => false,
                },
            ),
            TopLeaf::Schemas {
                core,
                extensions,
                test,
            } => {
                core.iter().any(|uri| test.matches(Value::String(uri)))
                    || extensions.iter().any(|(index, uri)| {
                        let slot = Slot::Extension { index: *index, uri };
                        resource.has_extension(slot) && test.matches(Value::String(uri))
                    })
            }
        }
    }
}
