//! Request contexts (RFC 7643 §2.2, §7; RFC 7644 §3.3, §3.4, §3.5.1, §3.5.2): the rules a
//! service provider applies to a create, replace, patch or query request, and to the
//! response it is about to send, all derived from the schemas' attribute
//! characteristics (`mutability`, `required`, `returned`), never from attribute names.
//!
//! The rules are written once, over [`ResourceAccess`] and [`ResourceSchemas`], so they
//! treat a typed model (`scim::models::User`, a generated or hand-written resource) and a
//! [`GenericResource`](crate::generic::GenericResource) alike. [`Rules`] holds the
//! options; [`create`], [`replace`], [`patch`], [`query`] and [`response`] are the typed
//! entry points that read JSON text into a model and check it.
//!
//! # The rules
//!
//! | Context | Rule | Outcome |
//! |---|---|---|
//! | create, replace | a `readOnly` value, at any depth (`id`, `meta`, `groups`, `manager.displayName`) | dropped and reported ([`Notice::ReadOnlyIgnored`]): RFC 7644 §3.3 and §3.5.1 say such values "SHALL be ignored". Strict: 400 `mutability`, unless a replace repeats the existing value ([`Notice::ReadOnlyEchoed`], which §3.5.1 allows: clients "MAY send all attributes, regardless of each attribute's mutability") |
//! | create, replace | a `required` attribute missing, at the top level, in a present extension, or a required sub-attribute in a present complex value (`emails[0].value`) | 400 `invalidValue` naming it (RFC 7643 §7; RFC 7644 §3.5.1 "clients MUST specify the attribute"). Attributes both required and `readOnly` are assigned by the service provider and not asked of clients |
//! | replace, with the existing resource | an `immutable` attribute whose value differs from the existing one | 400 `mutability` (RFC 7644 §3.5.1: "the input value(s) MUST match") |
//! | replace, with the existing resource | an `immutable` attribute omitted while the existing resource has a value | kept and reported ([`Notice::ImmutableKept`]): nothing is asserted, as §3.5.1 says of omitted attributes, and an unassigned value cannot be told from an omitted one (RFC 7643 §2.5). Strict: 400 `mutability` |
//! | patch | see [`Rules::patch`] | `invalidPath`, `noTarget`, `mutability`, `invalidValue`, `invalidFilter` |
//! | query | see [`Rules::query`] | `invalidFilter`, `invalidValue`, `invalidCount`, `invalidCursor` |
//! | response | a `returned: never` or `writeOnly` value (`password`) present; a `returned: always` attribute (`id`) missing | 500: the service provider is about to leak a value or break RFC 7643 §3.1 (the ServiceProviderConfig resource, whose `id` "is not required", RFC 7643 §5, excepted) |
//!
//! Where a core schema defines an attribute named like a common attribute (the ResourceType
//! and Schema schemas of RFC 7643 §8.7.2 define their own `id`), the schema's definition
//! stands for the common one, as typed models and generic resources read it.
//!
//! Immutable sub-attributes of multi-valued complex attributes (Group `members.value`)
//! are not compared on replace: values of a multi-valued attribute have no identity to
//! match old and new ones by, and RFC 7643 §4.2 lets `members` values be added and
//! removed while their sub-attributes are immutable. A replaced list is read as values
//! removed and values added. A PATCH whose path names such a sub-attribute
//! (`members[value eq "2819c223"].value`) is still refused.
//!
//! For the same reason, a `readOnly` sub-attribute of a multi-valued value in a replace
//! request counts as echoed when any existing value of the attribute has that value. A
//! complex value whose only sub-attributes were `readOnly` stays, empty: sub-attributes no
//! schema defines, which the rules do not see, may still be in it. A `readOnly` value that
//! a typed model cannot unassign (a field that is neither `Option` nor `Vec`) cannot be
//! ignored, and is refused with `mutability`.
//!
//! Everything the rules read leniently (a reading the RFC prescribes or allows) is a
//! [`Notice`] in the [`Report`], for the server to log; [`Rules::strict`] turns each such
//! notice into the error it describes ([`Notice::to_error`]).
//!
//! ```
//! use scim::models::User;
//! use scim::request::{self, Notice, Rules};
//!
//! // Microsoft Entra ID sends `meta` in a create request; the service provider ignores it.
//! let body = r#"{
//!     "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
//!     "userName": "bjensen",
//!     "meta": {"resourceType": "User"}
//! }"#;
//! let checked = request::create::<User>(body, &Rules::new())?;
//! assert!(checked.value.meta.is_none());
//! assert_eq!(checked.report.notices(), [Notice::ReadOnlyIgnored { path: "meta".into() }]);
//!
//! // Strict: the same request is refused.
//! let error = request::create::<User>(body, &Rules::strict()).unwrap_err();
//! assert_eq!(error.scim_type(), Some(&scim::ScimType::Mutability));
//!
//! // A missing required attribute is named.
//! let error = request::create::<User>(
//!     r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}"#,
//!     &Rules::new(),
//! ).unwrap_err();
//! assert_eq!(error.scim_type(), Some(&scim::ScimType::InvalidValue));
//! assert!(error.detail().unwrap().starts_with("userName: "));
//! # Ok::<(), scim::Error>(())
//! ```

mod compare;
mod notice;
mod patch;
mod path;
mod query;
mod resource;

pub use notice::{Notice, Report};

use crate::access::ResourceAccess;
use crate::message::{PatchOp, SearchRequest};
use crate::schema::ResourceSchemas;
use crate::{Error, Resource};
use serde::de::DeserializeOwned;
use std::fmt;
use std::str::FromStr;

/// The request contexts (RFC 7643 §2.2): what a document is, and so which rules apply.
///
/// Spelled `create`, `replace`, `patch`, `query` and `response`, in any case.
///
/// ```
/// use scim::request::Context;
///
/// assert_eq!("Replace".parse::<Context>(), Ok(Context::Replace));
/// assert_eq!(Context::Query.to_string(), "query");
/// assert!("delete".parse::<Context>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// The body of a create request, POST to a resource endpoint (RFC 7644 §3.3).
    Create,
    /// The body of a replace request, PUT to a resource (RFC 7644 §3.5.1).
    Replace,
    /// The body of a PATCH request, a PatchOp (RFC 7644 §3.5.2).
    Patch,
    /// The body of a query request, a SearchRequest (RFC 7644 §3.4.3), whose parameters
    /// are those of a GET query (§3.4.2).
    Query,
    /// A resource the service provider returns (RFC 7644 §3.4.1, §3.9).
    Response,
}

impl Context {
    /// Every context, in the order of the list above.
    ///
    /// ```
    /// use scim::request::Context;
    ///
    /// let names: Vec<&str> = Context::ALL.iter().map(|context| context.as_str()).collect();
    /// assert_eq!(names, ["create", "replace", "patch", "query", "response"]);
    /// ```
    pub const ALL: [Context; 5] = [
        Context::Create,
        Context::Replace,
        Context::Patch,
        Context::Query,
        Context::Response,
    ];

    /// The context's name: `create`, `replace`, `patch`, `query` or `response`.
    ///
    /// ```
    /// assert_eq!(scim::request::Context::Create.as_str(), "create");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Context::Create => "create",
            Context::Replace => "replace",
            Context::Patch => "patch",
            Context::Query => "query",
            Context::Response => "response",
        }
    }
}

impl fmt::Display for Context {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// The text of an unknown context, returned by `Context::from_str`.
///
/// ```
/// let error = "delete".parse::<scim::request::Context>().unwrap_err();
/// assert_eq!(error.to_string(), "`delete` is not a request context: expected create, replace, patch, query or response");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownContext(pub String);

impl fmt::Display for UnknownContext {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "`{}` is not a request context: expected create, replace, patch, query or response",
            self.0
        )
    }
}

impl std::error::Error for UnknownContext {}

impl FromStr for Context {
    type Err = UnknownContext;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Context::ALL
            .into_iter()
            .find(|context| context.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| UnknownContext(text.to_owned()))
    }
}

/// The options of the request rules, and the rules themselves (see the
/// [module documentation](self) for the table).
///
/// By default the rules read requests as RFC 7644 tells a service provider to (readOnly
/// values ignored, a negative `count` read as 0, and so on) and report each such reading
/// as a [`Notice`]. [`Rules::strict`] refuses those requests instead.
///
/// ```
/// use scim::generic::GenericResource;
/// use scim::models::User;
/// use scim::request::Rules;
/// use scim::Resource;
///
/// // The same rules serve a generic resource read against the User schemas.
/// let schemas = User::resource_schemas();
/// let mut user = GenericResource::from_str(
///     r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
///         "id": "2819c223", "userName": "bjensen"}"#,
///     schemas,
/// )?;
/// let report = Rules::new().create(&mut user, schemas)?;
/// assert_eq!(report.ignored().collect::<Vec<_>>(), ["id"]);
/// assert!(user.get("id").is_none());
/// # Ok::<(), scim::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    strict: bool,
}

impl Rules {
    /// The default rules: lenient where RFC 7644 prescribes a reading, every such
    /// reading reported.
    ///
    /// ```
    /// let rules = scim::request::Rules::new();
    /// assert!(!rules.is_strict());
    /// assert_eq!(rules, scim::request::Rules::default());
    /// ```
    pub fn new() -> Self {
        Rules::default()
    }

    /// Rules that refuse what the default rules read leniently: each [`Notice`] becomes
    /// the error [`Notice::to_error`] gives.
    ///
    /// ```
    /// assert!(scim::request::Rules::strict().is_strict());
    /// ```
    pub fn strict() -> Self {
        Rules { strict: true }
    }

    /// These rules, strict or not.
    ///
    /// ```
    /// let rules = scim::request::Rules::new().with_strict(true);
    /// assert_eq!(rules, scim::request::Rules::strict());
    /// ```
    pub fn with_strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Whether the rules are strict.
    ///
    /// ```
    /// use scim::request::Rules;
    ///
    /// assert!(Rules::strict().is_strict());
    /// assert!(!Rules::new().is_strict());
    /// ```
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    fn checker(&self) -> Checker {
        Checker {
            strict: self.strict,
            notices: Vec::new(),
        }
    }

    /// Checks a create request (RFC 7644 §3.3): drops `readOnly` values (strict: refuses
    /// them with `mutability`), then requires every `required` attribute that is not
    /// `readOnly` (`invalidValue`). `resource` is left as the service provider should
    /// keep it.
    ///
    /// ```
    /// use scim::models::{EnterpriseUser, User};
    /// use scim::models::enterprise_user::Manager;
    /// use scim::request::Rules;
    /// use scim::Resource;
    ///
    /// let mut user = User::new("bjensen");
    /// let mut manager = Manager::new();
    /// manager.value = Some("26118915".into());
    /// manager.display_name = Some("John Smith".into());
    /// let mut enterprise = EnterpriseUser::new();
    /// enterprise.manager = Some(manager);
    /// user.enterprise_user = Some(enterprise);
    ///
    /// let report = Rules::new().create(&mut user, User::resource_schemas())?;
    /// assert_eq!(
    ///     report.ignored().collect::<Vec<_>>(),
    ///     ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName"]
    /// );
    /// let manager = user.enterprise_user.unwrap().manager.unwrap();
    /// assert_eq!((manager.value.as_deref(), manager.display_name), (Some("26118915"), None));
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn create<R: ResourceAccess + ?Sized>(
        &self,
        resource: &mut R,
        schemas: ResourceSchemas<'_>,
    ) -> Result<Report, Error> {
        let mut checker = self.checker();
        resource::drop_read_only(&mut checker, resource, None::<&dyn ResourceAccess>, schemas)?;
        resource::check_required(resource, schemas)?;
        Ok(checker.report())
    }

    /// Checks a replace request (RFC 7644 §3.5.1) against the resource it replaces: as
    /// [`create`](Self::create), and then every `immutable` attribute the existing
    /// resource has a value for must come with the same value (`mutability`); one
    /// omitted is kept ([`Notice::ImmutableKept`]; strict: `mutability`). In strict
    /// mode, `readOnly` values equal to the existing ones (a client sending back the
    /// resource it read) are dropped without error.
    ///
    /// `existing` is read with the same `schemas`; it may be typed while `resource` is
    /// generic, or the other way round.
    ///
    /// ```
    /// use scim::generic::GenericResource;
    /// use scim::models::Group;
    /// use scim::request::Rules;
    /// use scim::Resource;
    ///
    /// let schemas = Group::resource_schemas();
    /// let existing: Group = serde_json::from_str(r#"{"id": "e9e30dba", "displayName": "Tour Guides"}"#)?;
    /// // The client sends back what it read, with a new name: `id` is readOnly and equal.
    /// let mut body = GenericResource::from_str(
    ///     r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    ///         "id": "e9e30dba", "displayName": "Guides"}"#,
    ///     schemas,
    /// )?;
    /// let report = Rules::strict().replace(&mut body, &existing, schemas)?;
    /// assert_eq!(report.ignored().collect::<Vec<_>>(), ["id"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replace<R, E>(
        &self,
        resource: &mut R,
        existing: &E,
        schemas: ResourceSchemas<'_>,
    ) -> Result<Report, Error>
    where
        R: ResourceAccess + ?Sized,
        E: ResourceAccess + ?Sized,
    {
        let mut checker = self.checker();
        resource::drop_read_only(&mut checker, resource, Some(existing), schemas)?;
        resource::check_required(resource, schemas)?;
        resource::check_immutable(&mut checker, resource, existing, schemas)?;
        Ok(checker.report())
    }

    /// Checks a replace request without the resource it replaces: the rules of
    /// [`create`](Self::create). `immutable` attributes cannot be compared, so the
    /// service provider must compare them itself; prefer [`replace`](Self::replace).
    ///
    /// ```
    /// use scim::models::User;
    /// use scim::request::Rules;
    /// use scim::Resource;
    ///
    /// let mut user = User::new("bjensen");
    /// user.id = Some("2819c223".into());
    /// let report = Rules::new().replace_without_existing(&mut user, User::resource_schemas())?;
    /// assert_eq!(report.ignored().collect::<Vec<_>>(), ["id"]);
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn replace_without_existing<R: ResourceAccess + ?Sized>(
        &self,
        resource: &mut R,
        schemas: ResourceSchemas<'_>,
    ) -> Result<Report, Error> {
        self.create(resource, schemas)
    }

    /// Checks a PATCH request (RFC 7644 §3.5.2) against the schemas of the resource it
    /// modifies, without applying it:
    ///
    /// - `op` other than `add`, `remove` or `replace` (any case): `invalidValue`;
    /// - `remove` without `path`: `noTarget` (§3.5.2.2);
    /// - a `path` that is not `attrPath` or `valuePath [subAttr]` (Figure 7), or names
    ///   an attribute or sub-attribute the schemas do not define: `invalidPath`; a value
    ///   filter that does not parse, or compares a sub-attribute in a way its type does
    ///   not support (as [`Rules::query`] checks a filter: `emails[primary gt true]`, or
    ///   `sw` on a value never returned): `invalidFilter` (RFC 7644 Table 9, "PATCH (Path
    ///   Filter)"); a `path` longer than [`filter::MAX_LEN`](crate::filter::MAX_LEN)
    ///   characters, value filter included: `invalidPath`;
    /// - a `path` naming a `readOnly` attribute or sub-attribute: `mutability` ("a client
    ///   MUST NOT modify an attribute that has mutability readOnly or immutable");
    /// - `replace` or `remove` of an `immutable` attribute or sub-attribute: `mutability`
    ///   (`add` is allowed: "a client MAY add a value to an immutable attribute if the
    ///   attribute had no previous value", which only the code applying the patch can
    ///   see). Whole values of a multi-valued attribute (`members[value eq "x"]`) may be
    ///   removed and replaced even when their sub-attributes are immutable (RFC 7643
    ///   §4.2);
    /// - `remove` of a `required` attribute or sub-attribute, or `add`/`replace` with
    ///   `null` or `[]`: `mutability` (§3.5.2.2: "If an attribute is removed or becomes
    ///   unassigned and is defined as a required attribute");
    /// - `add`/`replace` without `value`: `invalidValue`; a value that does not fit the
    ///   target's type: `invalidValue` naming `Operations[i].value...`. A value for a
    ///   multi-valued attribute may be one value or an array.
    ///
    /// Values are read as partial resources: `readOnly` attributes in them (Okta echoes
    /// `id` in a path-less replace) are dropped from `patch` and reported
    /// ([`Notice::ReadOnlyIgnored`]; strict: `mutability`), and attributes no schema
    /// defines are kept, as in a create request. Keys of a path-less value may be
    /// attribute paths (`name.givenName`, or URN-qualified, as Microsoft Entra ID sends).
    /// Attribute names in a value filter that name no sub-attribute give
    /// [`Notice::UnknownAttribute`] (such a filter matches nothing, RFC 7644 §3.4.2.1;
    /// strict: `invalidFilter`); a path inside the brackets with a schema URI or a
    /// sub-attribute of its own, or another value filter, is `invalidFilter` (RFC 7644
    /// §3.4.2.2, errata 4690), as in a query. A list of simple values may be filtered on
    /// `value` (`tags[value eq "blue"]`, the need errata 7122 describes), compared as one
    /// of the list's values.
    ///
    /// ```
    /// use scim::message::{PatchOp, PatchOperation};
    /// use scim::models::User;
    /// use scim::request::Rules;
    /// use scim::{Resource, ScimType};
    /// use serde_json::json;
    ///
    /// let rules = Rules::new();
    /// let schemas = User::resource_schemas();
    /// let mut patch = PatchOp::new(vec![PatchOperation::replace("groups", json!([]))]);
    /// let error = rules.patch(&mut patch, schemas).unwrap_err();
    /// assert_eq!(error.scim_type(), Some(&ScimType::Mutability));
    /// assert!(error.detail().unwrap().starts_with("Operations[0].path: "));
    ///
    /// let mut patch = PatchOp::new(vec![PatchOperation::add("nickName", json!(7))]);
    /// let error = rules.patch(&mut patch, schemas).unwrap_err();
    /// assert_eq!(error.detail(), Some("Operations[0].value: expected a string, found a number"));
    /// ```
    pub fn patch(
        &self,
        patch: &mut PatchOp,
        schemas: ResourceSchemas<'_>,
    ) -> Result<Report, Error> {
        let mut checker = self.checker();
        patch::check(&mut checker, patch, schemas)?;
        Ok(checker.report())
    }

    /// Checks a query request (RFC 7644 §3.4.2, §3.4.3):
    ///
    /// - `filter` must parse (`invalidFilter`); attribute paths in it that name no
    ///   attribute give [`Notice::UnknownAttribute`] ("the service provider SHALL treat
    ///   the attribute as if there is no attribute value", §3.4.2.1; strict:
    ///   `invalidFilter`);
    /// - `attributes` and `excludedAttributes` together: `invalidValue`; §3.9 calls them
    ///   "mutually exclusive" and §3.4.2.5 lets clients use "one of these two";
    /// - each path in `attributes`, `excludedAttributes` and `sortBy` must be in
    ///   attribute notation (§3.10) and at most
    ///   [`filter::MAX_LEN`](crate::filter::MAX_LEN) characters long, else
    ///   `invalidValue`; one naming no attribute gives
    ///   [`Notice::UnknownAttribute`] (strict: `invalidValue`, which Table 9 applies to
    ///   queries; `invalidPath` is for PATCH only);
    /// - `sortBy` naming a whole schema, or a complex attribute without a `value`
    ///   sub-attribute to sort by: `invalidValue` (§3.4.2.3: "the attribute name must be a
    ///   path to a sub-attribute"; `sortBy=emails` sorts by the `value` of the primary
    ///   email, as [`Sort`](crate::sort::Sort) does); `sortOrder` other than `ascending`
    ///   or `descending`: `invalidValue`;
    /// - `startIndex` below 1 is read as 1 and a negative `count` as 0 (§3.4.2.4 Table 6),
    ///   reported ([`Notice::StartIndexBelowOne`], [`Notice::NegativeCount`]; strict:
    ///   `invalidValue`, and `invalidCount` of RFC 9865 §2.1);
    /// - a `cursor` with characters outside RFC 3986's unreserved set: `invalidCursor`
    ///   (RFC 9865 §2).
    ///
    /// ```
    /// use scim::message::SearchRequest;
    /// use scim::models::User;
    /// use scim::request::{Notice, Rules};
    /// use scim::Resource;
    ///
    /// let mut request = SearchRequest::new();
    /// request.filter = Some(r#"userName eq "bjensen""#.into());
    /// request.count = Some(-1);
    /// let report = Rules::new().query(&request, User::resource_schemas())?;
    /// assert_eq!(report.notices(), [Notice::NegativeCount { count: -1 }]);
    ///
    /// request.filter = Some("userName eq".into());
    /// let error = Rules::new().query(&request, User::resource_schemas()).unwrap_err();
    /// assert_eq!(error.scim_type(), Some(&scim::ScimType::InvalidFilter));
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn query(
        &self,
        request: &SearchRequest,
        schemas: ResourceSchemas<'_>,
    ) -> Result<Report, Error> {
        let mut checker = self.checker();
        query::check(&mut checker, request, schemas)?;
        Ok(checker.report())
    }

    /// Checks a resource the service provider is about to return: no value of a
    /// `returned: never` or `writeOnly` attribute (RFC 7643 §7: "Attribute values SHALL
    /// NOT be returned"; `password`), and every `returned: always` attribute present
    /// (`id`: "Each representation of the resource MUST include a non-empty id value",
    /// RFC 7643 §3.1; the ServiceProviderConfig resource, whose `id` "is not required"
    /// (RFC 7643 §5), may leave it out). A violation is a 500 error naming the attribute:
    /// the fault is the service provider's. (`schemas` is not an attribute of the schemas; typed and
    /// generic resources always write it.)
    ///
    /// ```
    /// use scim::models::User;
    /// use scim::request::Rules;
    /// use scim::Resource;
    ///
    /// let mut user = User::new("bjensen");
    /// user.id = Some("2819c223".into());
    /// user.password = Some("t1meMa$heen".into());
    /// let error = Rules::new().response(&user, User::resource_schemas()).unwrap_err();
    /// assert_eq!(error.status(), 500);
    /// assert!(error.detail().unwrap().starts_with("password: "));
    /// ```
    pub fn response<R: ResourceAccess + ?Sized>(
        &self,
        resource: &R,
        schemas: ResourceSchemas<'_>,
    ) -> Result<Report, Error> {
        resource::check_response(resource, schemas)?;
        Ok(self.checker().report())
    }
}

/// Collects notices; in strict mode, the first lenient reading is an error.
pub(crate) struct Checker {
    strict: bool,
    notices: Vec<Notice>,
}

impl Checker {
    /// A reading RFC 7644 prescribes or allows: reported, or refused when strict.
    fn lenient(&mut self, notice: Notice) -> Result<(), Error> {
        if self.strict {
            return Err(notice.to_error());
        }
        self.notices.push(notice);
        Ok(())
    }

    /// A fact worth reporting that is not a lenient reading.
    fn note(&mut self, notice: Notice) {
        self.notices.push(notice);
    }

    fn report(self) -> Report {
        Report::new(self.notices)
    }
}

/// A value read and checked by one of the typed entry points, with the report of what
/// the rules read leniently.
///
/// ```
/// use scim::models::Group;
/// use scim::request::{self, Rules};
///
/// let checked = request::create::<Group>(
///     r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Tour Guides"}"#,
///     &Rules::new(),
/// )?;
/// assert!(checked.report.is_empty());
/// assert_eq!(checked.into_inner().display_name.as_deref(), Some("Tour Guides"));
/// # Ok::<(), scim::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Checked<T> {
    /// The value, as the service provider should keep it.
    pub value: T,
    /// What the rules read leniently.
    pub report: Report,
}

impl<T> Checked<T> {
    /// The value, without the report.
    ///
    /// ```
    /// use scim::request::{Checked, Report};
    ///
    /// let checked = Checked { value: 7, report: Report::default() };
    /// assert_eq!(checked.into_inner(), 7);
    /// ```
    pub fn into_inner(self) -> T {
        self.value
    }
}

/// Reads `text` into `T`: malformed JSON is `invalidSyntax`, JSON that does not fit `T`
/// is `invalidValue`.
fn read<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|error| {
        if error.is_data() {
            Error::invalid_value(error.to_string())
        } else {
            Error::invalid_syntax(format!("not valid JSON: {error}"))
        }
    })
}

/// Reads a create request body (RFC 7644 §3.3) into `T` and checks it with
/// [`Rules::create`].
///
/// ```
/// use scim::models::User;
/// use scim::request::{self, Rules};
///
/// let body = scim_example();
/// let user = request::create::<User>(body, &Rules::new())?.into_inner();
/// assert_eq!(user.user_name.as_deref(), Some("bjensen"));
/// # fn scim_example() -> &'static str {
/// #     r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "bjensen"}"#
/// # }
/// # Ok::<(), scim::Error>(())
/// ```
pub fn create<T: Resource>(text: &str, rules: &Rules) -> Result<Checked<T>, Error> {
    let mut value: T = read(text)?;
    let report = rules.create(&mut value, T::resource_schemas())?;
    Ok(Checked { value, report })
}

/// Reads a replace request body (RFC 7644 §3.5.1) into `T` and checks it against the
/// resource it replaces with [`Rules::replace`].
///
/// ```
/// use scim::models::User;
/// use scim::request::{self, Rules};
///
/// let existing: User = serde_json::from_str(r#"{"id": "2819c223", "userName": "bjensen"}"#)?;
/// let body = r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
///                "id": "2819c223", "userName": "babs"}"#;
/// let user = request::replace(body, &existing, &Rules::strict())?.into_inner();
/// assert_eq!((user.id, user.user_name.as_deref()), (None, Some("babs")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn replace<T: Resource>(text: &str, existing: &T, rules: &Rules) -> Result<Checked<T>, Error> {
    let mut value: T = read(text)?;
    let report = rules.replace(&mut value, existing, T::resource_schemas())?;
    Ok(Checked { value, report })
}

/// Reads a PATCH request body (RFC 7644 §3.5.2) and checks it against the schemas of `T`
/// with [`Rules::patch`].
///
/// ```
/// use scim::models::Group;
/// use scim::request::{self, Rules};
///
/// let body = r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
///                "Operations": [{"op": "remove"}]}"#;
/// let error = request::patch::<Group>(body, &Rules::new()).unwrap_err();
/// assert_eq!(error.scim_type(), Some(&scim::ScimType::NoTarget));
/// ```
pub fn patch<T: Resource>(text: &str, rules: &Rules) -> Result<Checked<PatchOp>, Error> {
    let mut value: PatchOp = read(text)?;
    let report = rules.patch(&mut value, T::resource_schemas())?;
    Ok(Checked { value, report })
}

/// Reads a query request body (RFC 7644 §3.4.3) and checks it against the schemas of `T`
/// with [`Rules::query`].
///
/// ```
/// use scim::models::User;
/// use scim::request::{self, Rules};
///
/// let body = r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
///                "attributes": ["userName"], "excludedAttributes": ["emails"]}"#;
/// let error = request::query::<User>(body, &Rules::new()).unwrap_err();
/// assert_eq!(error.scim_type(), Some(&scim::ScimType::InvalidValue));
/// ```
pub fn query<T: Resource>(text: &str, rules: &Rules) -> Result<Checked<SearchRequest>, Error> {
    let value: SearchRequest = read(text)?;
    let report = rules.query(&value, T::resource_schemas())?;
    Ok(Checked { value, report })
}

/// Checks a typed resource the service provider is about to return, with
/// [`Rules::response`].
///
/// ```
/// use scim::models::Group;
/// use scim::request::{self, Rules};
///
/// let mut group = Group::new("Tour Guides");
/// assert!(request::response(&group, &Rules::new()).is_err()); // no `id`
/// group.id = Some("e9e30dba".into());
/// assert!(request::response(&group, &Rules::new())?.is_empty());
/// # Ok::<(), scim::Error>(())
/// ```
pub fn response<T: Resource>(resource: &T, rules: &Rules) -> Result<Report, Error> {
    rules.response(resource, T::resource_schemas())
}
