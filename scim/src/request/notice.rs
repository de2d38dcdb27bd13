//! What the request rules read leniently, for the service provider to log.

use crate::Error;
use std::fmt;

/// One thing the request rules read as RFC 7644 prescribes or allows rather than
/// refusing it. [`Rules::strict`](super::Rules::strict) refuses each of them, except
/// [`ReadOnlyEchoed`](Notice::ReadOnlyEchoed), with the error [`to_error`](Self::to_error)
/// gives.
///
/// Paths are in RFC 7644 §3.10 notation, with the index of a value of a multi-valued
/// attribute in brackets: `emails[1].display`,
/// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName`; in a
/// PATCH request, they start with the operation: `Operations[0].value.id`.
///
/// ```
/// use scim::request::Notice;
///
/// let notice = Notice::ReadOnlyIgnored { path: "meta".into() };
/// assert_eq!(notice.to_string(), "meta: readOnly, ignored (RFC 7644 §3.3, §3.5.1)");
/// assert_eq!(notice.path(), Some("meta"));
/// assert_eq!(notice.to_error().scim_type(), Some(&scim::ScimType::Mutability));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Notice {
    /// A value of a `readOnly` attribute in a request body, dropped: RFC 7644 §3.3 and
    /// §3.5.1 say it "SHALL be ignored". Strict: 400 `mutability`.
    ReadOnlyIgnored {
        /// Where the value was.
        path: String,
    },
    /// A value of a `readOnly` attribute in a replace request equal to the existing
    /// value, dropped: the client sent back what it read, which RFC 7644 §3.5.1 allows.
    /// Not an error, even in strict mode.
    ReadOnlyEchoed {
        /// Where the value was.
        path: String,
    },
    /// An `immutable` attribute that a replace request omits while the existing resource
    /// has a value: nothing is asserted, and the service provider keeps the existing value
    /// (RFC 7644 §3.5.1). Strict: 400 `mutability` ("the input value(s) MUST match").
    ImmutableKept {
        /// The attribute.
        path: String,
    },
    /// A query parameter, or a PATCH path filter, names an attribute that the resource's
    /// schemas do not define; it is treated as having no value (RFC 7644 §3.4.2.1).
    /// Strict: 400 `invalidFilter` for filters, `invalidValue` otherwise.
    UnknownAttribute {
        /// The parameter (`filter`, `attributes`, `excludedAttributes`, `sortBy`) or, in
        /// a PATCH request, `Operations[i].path`.
        parameter: String,
        /// The attribute path as written.
        path: String,
    },
    /// A negative `count`, read as 0 (RFC 7644 §3.4.2.4 Table 6). Strict: 400
    /// `invalidCount` (RFC 9865 §2.1).
    NegativeCount {
        /// The value given.
        count: i64,
    },
    /// A `startIndex` below 1, read as 1 (RFC 7644 §3.4.2.4 Table 6). Strict: 400
    /// `invalidValue`.
    StartIndexBelowOne {
        /// The value given.
        start_index: i64,
    },
}

impl Notice {
    /// The attribute path the notice is about, if it is about one.
    ///
    /// ```
    /// use scim::request::Notice;
    ///
    /// assert_eq!(Notice::ImmutableKept { path: "serial".into() }.path(), Some("serial"));
    /// assert_eq!(Notice::NegativeCount { count: -1 }.path(), None);
    /// ```
    pub fn path(&self) -> Option<&str> {
        match self {
            Notice::ReadOnlyIgnored { path }
            | Notice::ReadOnlyEchoed { path }
            | Notice::ImmutableKept { path }
            | Notice::UnknownAttribute { path, .. } => Some(path),
            Notice::NegativeCount { .. } | Notice::StartIndexBelowOne { .. } => None,
        }
    }

    /// The error strict rules return instead of reading the request leniently.
    ///
    /// ```
    /// use scim::request::Notice;
    ///
    /// let error = Notice::NegativeCount { count: -3 }.to_error();
    /// assert_eq!(error.to_string(), "400 invalidCount: count: -3 is negative; it would be read as 0 (RFC 7644 §3.4.2.4)");
    /// ```
    pub fn to_error(&self) -> Error {
        match self {
            Notice::ReadOnlyIgnored { path } | Notice::ReadOnlyEchoed { path } => Error::mutability(
                "the attribute is readOnly: a client cannot set it (RFC 7643 §7)",
            )
            .at(path),
            Notice::ImmutableKept { path } => Error::mutability(
                "the attribute is immutable and has a value: a replace request must give that value (RFC 7644 §3.5.1)",
            )
            .at(path),
            Notice::UnknownAttribute { parameter, path } => {
                let detail = format!("`{path}` names no attribute of the resource's schemas");
                let error = if parameter == "filter" || parameter.starts_with("Operations[") {
                    Error::invalid_filter(detail)
                } else {
                    Error::invalid_value(detail)
                };
                error.at(parameter)
            }
            Notice::NegativeCount { count } => Error::invalid_count(format!(
                "{count} is negative; it would be read as 0 (RFC 7644 §3.4.2.4)"
            ))
            .at("count"),
            Notice::StartIndexBelowOne { start_index } => Error::invalid_value(format!(
                "{start_index} is below 1; it would be read as 1 (RFC 7644 §3.4.2.4)"
            ))
            .at("startIndex"),
        }
    }
}

impl fmt::Display for Notice {
    /// One line for a log: where, and what was done.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::ReadOnlyIgnored { path } => {
                write!(formatter, "{path}: readOnly, ignored (RFC 7644 §3.3, §3.5.1)")
            }
            Notice::ReadOnlyEchoed { path } => write!(
                formatter,
                "{path}: readOnly, equal to the existing value, ignored (RFC 7644 §3.5.1)"
            ),
            Notice::ImmutableKept { path } => write!(
                formatter,
                "{path}: immutable, omitted, existing value kept (RFC 7644 §3.5.1)"
            ),
            Notice::UnknownAttribute { parameter, path } => write!(
                formatter,
                "{parameter}: `{path}` names no attribute, read as having no value (RFC 7644 §3.4.2.1)"
            ),
            Notice::NegativeCount { count } => {
                write!(formatter, "count: {count} read as 0 (RFC 7644 §3.4.2.4)")
            }
            Notice::StartIndexBelowOne { start_index } => write!(
                formatter,
                "startIndex: {start_index} read as 1 (RFC 7644 §3.4.2.4)"
            ),
        }
    }
}

/// What the request rules read leniently, in the order they met it.
///
/// ```
/// use scim::models::User;
/// use scim::request::{self, Notice, Rules};
///
/// let body = r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
///                "id": "2819c223", "userName": "bjensen", "groups": [{"value": "e9e30dba"}]}"#;
/// let report = request::create::<User>(body, &Rules::new())?.report;
/// assert_eq!(report.ignored().collect::<Vec<_>>(), ["id", "groups"]);
/// assert_eq!(report.notices().len(), 2);
/// assert!(!report.is_empty());
/// # Ok::<(), scim::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    notices: Vec<Notice>,
}

impl Report {
    pub(super) fn new(notices: Vec<Notice>) -> Self {
        Report { notices }
    }

    /// Every notice, in order.
    ///
    /// ```
    /// use scim::message::SearchRequest;
    /// use scim::models::Group;
    /// use scim::request::{Notice, Rules};
    /// use scim::Resource;
    ///
    /// let mut request = SearchRequest::new();
    /// request.start_index = Some(0);
    /// request.count = Some(-1);
    /// let report = Rules::new().query(&request, Group::resource_schemas())?;
    /// assert_eq!(
    ///     report.notices(),
    ///     [Notice::StartIndexBelowOne { start_index: 0 }, Notice::NegativeCount { count: -1 }]
    /// );
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Whether the request was read with no lenient reading at all.
    ///
    /// ```
    /// use scim::models::Group;
    /// use scim::request::Rules;
    /// use scim::Resource;
    ///
    /// let mut group = Group::new("Tour Guides");
    /// assert!(Rules::new().create(&mut group, Group::resource_schemas())?.is_empty());
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.notices.is_empty()
    }

    /// The paths of the `readOnly` values dropped from the request, echoed or not.
    ///
    /// ```
    /// use scim::models::Group;
    /// use scim::request::Rules;
    /// use scim::Resource;
    ///
    /// let mut group = Group::new("Tour Guides");
    /// group.id = Some("e9e30dba".into());
    /// let report = Rules::new().create(&mut group, Group::resource_schemas())?;
    /// assert_eq!(report.ignored().collect::<Vec<_>>(), ["id"]);
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn ignored(&self) -> impl Iterator<Item = &str> + '_ {
        self.notices.iter().filter_map(|notice| match notice {
            Notice::ReadOnlyIgnored { path } | Notice::ReadOnlyEchoed { path } => {
                Some(path.as_str())
            }
            _ => None,
        })
    }
}
