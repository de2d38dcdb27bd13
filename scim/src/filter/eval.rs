//! Evaluating a compiled filter against a resource through attribute access
//! ([`ResourceAccess`]): one evaluator for typed models and generic resources.

use super::compile::{CompiledFilter, Node, SubLeaf, TopLeaf};
use super::resolve::any_value;
use crate::access::{ComplexAccess, ResourceAccess, Slot, Value};

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
        self.root.eval(resource)
    }
}

/// A leaf of the compiled tree, tested in a context: the resource for the attributes of
/// a resource, one complex value for the sub-attributes inside a value filter.
trait Leaf<C: Copy> {
    fn holds(&self, context: C) -> bool;
}

impl<L> Node<L> {
    /// Whether the node holds in `context`. A chain tests its leaves in place, so that
    /// the usual shapes (comparisons joined by `and` or `or`) make no recursive call; only
    /// nested groups do.
    #[inline(always)]
    fn eval<C: Copy>(&self, context: C) -> bool
    where
        L: Leaf<C>,
    {
        match self {
            Node::Leaf(leaf) => leaf.holds(context),
            Node::And(nodes) => nodes.iter().all(|node| node.eval_child(context)),
            Node::Or(nodes) => nodes.iter().any(|node| node.eval_child(context)),
            Node::Not(node) => !node.eval_child(context),
            Node::Const(answer) => *answer,
        }
    }

    #[inline(always)]
    fn eval_child<C: Copy>(&self, context: C) -> bool
    where
        L: Leaf<C>,
    {
        match self {
            Node::Leaf(leaf) => leaf.holds(context),
            Node::Const(answer) => *answer,
            group => group.eval_group(context),
        }
    }

    #[inline(never)]
    fn eval_group<C: Copy>(&self, context: C) -> bool
    where
        L: Leaf<C>,
    {
        self.eval(context)
    }
}

impl<R: ResourceAccess + ?Sized> Leaf<&R> for TopLeaf {
    #[inline(always)]
    fn holds(&self, resource: &R) -> bool {
        match self {
            TopLeaf::Path {
                top,
                sub: None,
                test,
            } => test.any(top.values(resource), &top.attr.attribute),
            TopLeaf::Path {
                top,
                sub: Some(sub),
                test,
            } => any_value(
                top.values(resource),
                &top.attr.attribute,
                |value| match value {
                    Value::Complex(complex) => test.any(sub.values(complex), &sub.attribute),
                    _ => false,
                },
            ),
            TopLeaf::ValueFilter { top, filter } => any_value(
                top.values(resource),
                &top.attr.attribute,
                |value| match value {
                    Value::Complex(complex) => filter.eval(complex),
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

impl Leaf<&dyn ComplexAccess> for SubLeaf {
    #[inline(always)]
    fn holds(&self, complex: &dyn ComplexAccess) -> bool {
        self.test.any(self.sub.values(complex), &self.sub.attribute)
    }
}
