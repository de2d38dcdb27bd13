//! Compiling a filter against a resource's schemas (RFC 7644 §3.4.2.2): every attribute
//! path resolved to its slot, index and definition, every comparison value converted to
//! the attribute's type, every unsupported combination reported as `invalidFilter`.

use super::ast::{AttrPath, CompValue, CompareOp, Filter};
use super::compare::Test;
use super::resolve::{a_kind, resolve, sub_attribute, Attr, Resolved, TopAttr};
use crate::schema::{Attribute, AttributeType, ResourceSchemas};
use crate::{Error, Resource};

/// A filter compiled against the schemas of one resource type, ready to test resources
/// of that type, typed or generic, with [`matches`](CompiledFilter::matches).
///
/// Compiling resolves each attribute path once (to the core schema, the common
/// attributes or an extension, by URI prefix), converts each comparison value to the
/// attribute's type (case-folded for case-insensitive strings, parsed for numbers,
/// dateTimes and binaries), and rejects what the attribute's type does not support. The
/// compiled filter owns what it needs and borrows nothing, so it can be stored and
/// shared between threads. See the [module documentation](mod@crate::filter) for the
/// evaluation rules.
///
/// ```
/// use scim::filter::{CompiledFilter, Filter};
/// use scim::models::User;
///
/// let filter = Filter::parse(r#"userName sw "BJ" and emails[type eq "work"]"#)?;
/// let compiled = CompiledFilter::for_resource::<User>(&filter)?;
///
/// let user: User = serde_json::from_str(
///     r#"{"userName": "bjensen", "emails": [{"value": "b@example.com", "type": "Work"}]}"#,
/// ).unwrap();
/// assert!(compiled.matches(&user));
/// # Ok::<(), scim::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct CompiledFilter {
    pub(super) root: Node<TopLeaf>,
    undefined: Vec<String>,
}

/// A node of the compiled tree; `L` is the leaf: an attribute of the resource, or a
/// sub-attribute inside a value filter.
#[derive(Clone, Debug)]
pub(super) enum Node<L> {
    /// A test whose answer the schemas decide, as a path no schema defines.
    Const(bool),
    And(Box<[Node<L>]>),
    Or(Box<[Node<L>]>),
    Not(Box<Node<L>>),
    Leaf(L),
}

/// A test on a resource.
#[derive(Clone, Debug)]
pub(super) enum TopLeaf {
    /// The values of an attribute, or of a sub-attribute of each of its values.
    Path {
        top: TopAttr,
        sub: Option<Attr>,
        test: Test,
    },
    /// The `schemas` attribute: the core schema and the extensions the resource holds.
    Schemas {
        core: Option<Box<str>>,
        extensions: Box<[(usize, Box<str>)]>,
        test: Test,
    },
    /// A value filter: `filter` applied to each value of a complex attribute.
    ValueFilter { top: TopAttr, filter: Node<SubLeaf> },
}

/// A test on a sub-attribute of one complex value, inside a value filter.
#[derive(Clone, Debug)]
pub(super) struct SubLeaf {
    pub(super) sub: Attr,
    pub(super) test: Test,
}

/// What a comparison asks of an attribute once `null` is read: a value, no value, or a
/// comparison with a value.
enum Criterion<'f> {
    /// `pr`, and `ne null`.
    Present,
    /// `eq null`: no value (RFC 7643 §2.5: unassigned and null are the same state).
    Absent,
    Compare(CompareOp, &'f CompValue),
}

impl<'f> Criterion<'f> {
    fn of(op: CompareOp, value: &'f CompValue) -> Result<Self, String> {
        match (op, value) {
            (CompareOp::Eq, CompValue::Null) => Ok(Criterion::Absent),
            (CompareOp::Ne, CompValue::Null) => Ok(Criterion::Present),
            (op, CompValue::Null) => Err(format!(
                "null compares with eq and ne only (RFC 7643 §2.5), not with `{op}`"
            )),
            (op, value) => Ok(Criterion::Compare(op, value)),
        }
    }

    /// A value that is never returned (`password`) may be tested for equality and
    /// presence only: ordering and substring operators would reveal it a character at a
    /// time (RFC 7643 §4.1.1: password is for "filter for equality"; §7 `returned: never`
    /// and `writeOnly` values "SHALL NOT be returned").
    fn guard_secret(&self, attribute: &Attribute) -> Result<(), String> {
        match self {
            Criterion::Compare(op, _)
                if attribute.is_never_returned()
                    && !matches!(op, CompareOp::Eq | CompareOp::Ne) =>
            {
                Err(format!(
                    "`{}` is never returned (RFC 7643 §7): it compares with eq and ne only \
                     (RFC 7643 §4.1.1), not with `{op}`",
                    attribute.name
                ))
            }
            _ => Ok(()),
        }
    }

    /// The answer for an attribute that has no value.
    fn without_value(&self) -> bool {
        matches!(self, Criterion::Absent)
    }

    /// The test on values of `attribute`, with whether its answer is negated.
    fn test(&self, attribute: &Attribute) -> Result<(Test, bool), String> {
        self.guard_secret(attribute)?;
        match self {
            Criterion::Present => Ok((Test::present(attribute), false)),
            Criterion::Absent => Ok((Test::present(attribute), true)),
            Criterion::Compare(op, value) => Ok((Test::compare(attribute, *op, value)?, false)),
        }
    }
}

impl Filter {
    /// Compiles the filter against `schemas`, the schemas of the resources it will test
    /// (for a typed model, [`Resource::resource_schemas`]).
    ///
    /// # Errors
    ///
    /// [`Error::invalid_filter`] (400 `invalidFilter`, RFC 7644 Table 9: "the specified
    /// attribute and filter comparison combination is not supported"), its detail naming
    /// the attribute path and the problem: `gt`, `ge`, `lt` or `le` on a boolean or binary
    /// attribute (RFC 7644 Table 3); `co`, `sw` or `ew` on an attribute that is not a
    /// string or reference; a comparison value of another JSON type than the attribute's
    /// (`active eq "yes"`), a dateTime comparison value that is not an `xsd:dateTime`, a
    /// binary one that is not base64; `null` with an operator other than `eq` and `ne`; a
    /// complex attribute compared without a sub-attribute when it has no `value`
    /// sub-attribute; a sub-attribute of an attribute that is not complex; a value filter
    /// `[...]` on an attribute that is not complex, or holding a path with a schema URI
    /// or a sub-attribute; `schemas` with a sub-attribute; an operator other than `eq`,
    /// `ne` and `pr` on a value never returned (`password`, any `returned: never` or
    /// `writeOnly` attribute and the sub-attributes of one, RFC 7643 §4.1.1, §7).
    ///
    /// A path that no schema defines is not an error: it has no value (RFC 7644
    /// §3.4.2.1); [`CompiledFilter::undefined_attributes`] lists them.
    ///
    /// ```
    /// use scim::filter::Filter;
    /// use scim::models::User;
    /// use scim::Resource;
    ///
    /// let filter = Filter::parse("active gt true")?;
    /// let error = filter.compile(User::resource_schemas()).unwrap_err();
    /// assert_eq!(error.scim_type(), Some(&scim::ScimType::InvalidFilter));
    /// assert!(error.detail().unwrap().starts_with("active: `gt` is not defined on a boolean attribute"));
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn compile(&self, schemas: ResourceSchemas<'_>) -> Result<CompiledFilter, Error> {
        let mut compiler = Compiler {
            schemas,
            undefined: Vec::new(),
        };
        let root = compiler.node(self)?;
        Ok(CompiledFilter {
            root,
            undefined: compiler.undefined,
        })
    }
}

impl CompiledFilter {
    /// Compiles `filter` against the schemas of the typed model `T`.
    ///
    /// # Errors
    ///
    /// As [`Filter::compile`].
    ///
    /// ```
    /// use scim::filter::{CompiledFilter, Filter};
    /// use scim::models::Group;
    ///
    /// let filter = Filter::parse(r#"displayName eq "Tour Guides""#)?;
    /// let compiled = CompiledFilter::for_resource::<Group>(&filter)?;
    /// assert!(compiled.matches(&Group::new("tour guides")));
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn for_resource<T: Resource>(filter: &Filter) -> Result<CompiledFilter, Error> {
        filter.compile(T::resource_schemas())
    }

    /// The attribute paths of the filter that no schema of the resource defines, as
    /// written (inside a value filter, prefixed with the attribute: `emails.kind`). They
    /// have no value (RFC 7644 §3.4.2.1); a caller may warn about them, as they are often
    /// misspelt.
    ///
    /// ```
    /// use scim::filter::{CompiledFilter, Filter};
    /// use scim::models::User;
    ///
    /// let filter = Filter::parse(r#"usrName eq "bjensen" or emails[kind eq "work"]"#)?;
    /// let compiled = CompiledFilter::for_resource::<User>(&filter)?;
    /// assert_eq!(compiled.undefined_attributes(), ["usrName", "emails.kind"]);
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn undefined_attributes(&self) -> &[String] {
        &self.undefined
    }
}

struct Compiler<'s> {
    schemas: ResourceSchemas<'s>,
    undefined: Vec<String>,
}

impl Compiler<'_> {
    fn node(&mut self, filter: &Filter) -> Result<Node<TopLeaf>, Error> {
        match filter {
            Filter::Compare { path, op, value } => {
                let criterion = Criterion::of(*op, value).map_err(|problem| at(path, problem))?;
                self.leaf(path, criterion)
            }
            Filter::Present(path) => self.leaf(path, Criterion::Present),
            Filter::And(filters) => Ok(Node::and(self.nodes(filters)?)),
            Filter::Or(filters) => Ok(Node::or(self.nodes(filters)?)),
            Filter::Not(filter) => Ok(Node::not(self.node(filter)?)),
            Filter::ValuePath { path, filter } => self.value_filter(path, filter),
        }
    }

    fn nodes(&mut self, filters: &[Filter]) -> Result<Vec<Node<TopLeaf>>, Error> {
        filters.iter().map(|filter| self.node(filter)).collect()
    }

    fn leaf(&mut self, path: &AttrPath, criterion: Criterion<'_>) -> Result<Node<TopLeaf>, Error> {
        let resolved = resolve(&self.schemas, path).map_err(|problem| at(path, problem))?;
        let (found, sub) = match resolved {
            Resolved::Undefined => {
                self.undefined.push(path.to_string());
                return Ok(Node::Const(criterion.without_value()));
            }
            Resolved::Schemas => {
                let (test, negate) = criterion
                    .test(&schemas_attribute())
                    .map_err(|problem| at(path, problem))?;
                let leaf = TopLeaf::Schemas {
                    core: self.schemas.core().map(|core| core.id.as_ref().into()),
                    extensions: self
                        .schemas
                        .extensions()
                        .iter()
                        .enumerate()
                        .map(|(index, schema)| (index, schema.id.as_ref().into()))
                        .collect(),
                    test,
                };
                return Ok(negated(Node::Leaf(leaf), negate));
            }
            Resolved::Attribute { found, sub } => (found, sub),
        };
        // A complex attribute compared without a sub-attribute is compared through its
        // `value` sub-attribute, as RFC 7644 §3.4.2.2 does in `emails co "example.com"`.
        let sub = match (sub, &criterion) {
            (None, Criterion::Compare(..)) if found.attribute.kind == AttributeType::Complex => {
                match sub_attribute(found.attribute, "value") {
                    Some(value) => Some(value),
                    None => {
                        let name = &found.attribute.name;
                        let problem = match found.attribute.sub_attributes.first() {
                            Some(first) => format!(
                                "`{name}` is complex and has no `value` sub-attribute: compare \
                                 one of its sub-attributes, as `{name}.{}`",
                                first.name
                            ),
                            None => format!(
                                "`{name}` is complex and defines no sub-attributes: it has no \
                                 value to compare"
                            ),
                        };
                        return Err(at(path, format!("{problem} (RFC 7644 §3.4.2.2)")));
                    }
                }
            }
            (sub, _) => sub,
        };
        let compared = sub.map_or(found.attribute, |(_, attribute)| attribute);
        criterion
            .guard_secret(found.attribute)
            .map_err(|problem| at(path, problem))?;
        let (test, negate) = criterion
            .test(compared)
            .map_err(|problem| at(path, problem))?;
        let leaf = TopLeaf::Path {
            top: TopAttr::of(&found),
            sub: sub.map(|(index, attribute)| Attr::new(index, attribute)),
            test,
        };
        Ok(negated(Node::Leaf(leaf), negate))
    }

    fn value_filter(&mut self, path: &AttrPath, filter: &Filter) -> Result<Node<TopLeaf>, Error> {
        let not_complex = |what: String| {
            at(
                path,
                format!(
                    "a value filter applies to a complex attribute (RFC 7644 §3.4.2.2, Table 5), \
                     and {what}"
                ),
            )
        };
        match resolve(&self.schemas, path).map_err(|problem| at(path, problem))? {
            Resolved::Undefined => {
                self.undefined.push(path.to_string());
                // Compiled all the same, for its errors, but its paths are not listed:
                // they are undefined with their attribute. No value, no match.
                let listed = self.undefined.len();
                self.sub_node(filter, &UNDEFINED, path)?;
                self.undefined.truncate(listed);
                Ok(Node::Const(false))
            }
            Resolved::Schemas => Err(not_complex("`schemas` is a list of URIs".to_owned())),
            Resolved::Attribute { sub: Some(_), .. } => {
                Err(not_complex(format!("`{path}` is a sub-attribute")))
            }
            Resolved::Attribute { found, sub: None } => {
                if found.attribute.kind != AttributeType::Complex {
                    return Err(not_complex(format!(
                        "`{}` is {}",
                        found.attribute.name,
                        a_kind(found.attribute.kind)
                    )));
                }
                let inner = self.sub_node(filter, found.attribute, path)?;
                Ok(match inner {
                    Node::Const(answer) => {
                        // Known for every value; still, no value means no match.
                        if answer {
                            Node::Leaf(TopLeaf::Path {
                                top: TopAttr::of(&found),
                                sub: None,
                                test: Test::Present,
                            })
                        } else {
                            Node::Const(false)
                        }
                    }
                    filter => Node::Leaf(TopLeaf::ValueFilter {
                        top: TopAttr::of(&found),
                        filter,
                    }),
                })
            }
        }
    }

    /// The filter inside `parent[...]`: its paths name sub-attributes of `parent`.
    fn sub_node(
        &mut self,
        filter: &Filter,
        parent: &Attribute,
        parent_path: &AttrPath,
    ) -> Result<Node<SubLeaf>, Error> {
        let mut nodes = |filters: &[Filter]| -> Result<Vec<Node<SubLeaf>>, Error> {
            filters
                .iter()
                .map(|filter| self.sub_node(filter, parent, parent_path))
                .collect()
        };
        match filter {
            Filter::Compare { path, op, value } => {
                let criterion = Criterion::of(*op, value)
                    .map_err(|problem| at_inner(parent_path, path, problem))?;
                self.sub_leaf(path, criterion, parent, parent_path)
            }
            Filter::Present(path) => self.sub_leaf(path, Criterion::Present, parent, parent_path),
            Filter::And(filters) => Ok(Node::and(nodes(filters)?)),
            Filter::Or(filters) => Ok(Node::or(nodes(filters)?)),
            Filter::Not(filter) => Ok(Node::not(self.sub_node(filter, parent, parent_path)?)),
            Filter::ValuePath { path, .. } => Err(at_inner(
                parent_path,
                path,
                "a value filter cannot hold another value filter (RFC 7644 §3.4.2.2, errata 4690)"
                    .to_owned(),
            )),
        }
    }

    fn sub_leaf(
        &mut self,
        path: &AttrPath,
        criterion: Criterion<'_>,
        parent: &Attribute,
        parent_path: &AttrPath,
    ) -> Result<Node<SubLeaf>, Error> {
        if path.uri.is_some() || path.sub_attribute.is_some() {
            return Err(at_inner(
                parent_path,
                path,
                format!(
                    "inside `{parent_path}[...]`, a path names a sub-attribute of `{parent_path}`, \
                     without a schema URI or a sub-attribute of its own (RFC 7644 §3.4.2.2, Table 5)"
                ),
            ));
        }
        let Some((index, attribute)) = sub_attribute(parent, &path.attribute) else {
            self.undefined.push(format!("{parent_path}.{path}"));
            return Ok(Node::Const(criterion.without_value()));
        };
        // A sub-attribute of a value never returned is never returned either, as in
        // `parent.sub`.
        criterion
            .guard_secret(parent)
            .map_err(|problem| at_inner(parent_path, path, problem))?;
        let (test, negate) = criterion
            .test(attribute)
            .map_err(|problem| at_inner(parent_path, path, problem))?;
        let leaf = SubLeaf {
            sub: Attr::new(index, attribute),
            test,
        };
        Ok(negated(Node::Leaf(leaf), negate))
    }
}

/// The definition `schemas` is read with: a list of URIs, which the toolkit compares
/// ignoring case, as it does wherever it matches schema URIs.
fn schemas_attribute() -> Attribute {
    let mut attribute = Attribute::new("schemas", AttributeType::String);
    attribute.multi_valued = true;
    attribute
}

/// The parent of a value filter no schema defines: no sub-attributes, so every path in
/// the filter is undefined too.
const UNDEFINED: Attribute = Attribute::new("", AttributeType::Complex);

fn negated<L>(node: Node<L>, negate: bool) -> Node<L> {
    if negate {
        Node::not(node)
    } else {
        node
    }
}

fn at(path: &AttrPath, problem: String) -> Error {
    Error::invalid_filter(problem).at(path)
}

fn at_inner(parent: &AttrPath, path: &AttrPath, problem: String) -> Error {
    Error::invalid_filter(problem).at(format_args!("{parent}.{path}"))
}

impl<L: Cost> Node<L> {
    /// `and` of `nodes`, without the ones known to hold; false if one is known not to.
    fn and(nodes: Vec<Node<L>>) -> Node<L> {
        Self::chain(nodes, true, Node::And)
    }

    /// `or` of `nodes`, without the ones known not to hold; true if one is known to.
    fn or(nodes: Vec<Node<L>>) -> Node<L> {
        Self::chain(nodes, false, Node::Or)
    }

    /// Drops the constants equal to `neutral`; any other constant decides the chain.
    fn chain(nodes: Vec<Node<L>>, neutral: bool, build: fn(Box<[Node<L>]>) -> Node<L>) -> Node<L> {
        let mut kept = Vec::with_capacity(nodes.len());
        for node in nodes {
            match node {
                Node::Const(answer) if answer == neutral => {}
                Node::Const(answer) => return Node::Const(answer),
                node => kept.push(node),
            }
        }
        // `and` and `or` are commutative and a compiled test cannot fail, so the order
        // changes no answer, only how soon the chain is decided: cheap members first,
        // the written order among equals (the sort is stable).
        kept.sort_by_key(Node::cost);
        match kept.len() {
            0 => Node::Const(neutral),
            1 => kept.pop().unwrap_or(Node::Const(neutral)),
            _ => build(kept.into_boxed_slice()),
        }
    }

    /// The relative cost of testing the node (see [`Cost`]); a group costs more than its
    /// dearest member.
    fn cost(&self) -> u8 {
        match self {
            Node::Const(_) => 0,
            Node::Leaf(leaf) => leaf.cost(),
            Node::Not(node) => node.cost(),
            Node::And(nodes) | Node::Or(nodes) => nodes
                .iter()
                .map(Node::cost)
                .max()
                .unwrap_or(0)
                .saturating_add(1),
        }
    }
}

impl<L> Node<L> {
    fn not(node: Node<L>) -> Node<L> {
        match node {
            Node::Const(answer) => Node::Const(!answer),
            Node::Not(inner) => *inner,
            node => Node::Not(Box::new(node)),
        }
    }
}

/// The relative cost of a test, by what it reads: one value of a single-valued attribute
/// (1), every value of a multi-valued one (2), every value of a complex attribute through
/// a value filter (3). Chains test their cheap members first.
pub(super) trait Cost {
    fn cost(&self) -> u8;
}

impl Cost for TopLeaf {
    fn cost(&self) -> u8 {
        match self {
            TopLeaf::Path { top, sub, .. } => {
                let multi_valued = top.attr.attribute.multi_valued
                    || sub.as_ref().is_some_and(|sub| sub.attribute.multi_valued);
                1 + u8::from(multi_valued)
            }
            TopLeaf::Schemas { .. } => 2,
            TopLeaf::ValueFilter { .. } => 3,
        }
    }
}

impl Cost for SubLeaf {
    fn cost(&self) -> u8 {
        1 + u8::from(self.sub.attribute.multi_valued)
    }
}
