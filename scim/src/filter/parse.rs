//! `Filter::parse`: the filter syntax of `syntax.rs`, its errors as SCIM errors.

use super::ast::{AttrPath, Filter};
use super::syntax;
use crate::Error;

impl Filter {
    /// Parses a filter (RFC 7644 §3.4.2.2, Figure 1).
    ///
    /// Operators and the logical words `and`, `or` and `not` match in any case; `not`
    /// binds tighter than `and`, and `and` tighter than `or` (RFC 7644 §3.4.2.2, errata
    /// 4670); `not (` may have a space before the parenthesis (errata 7319); a value
    /// filter inside `[...]` may not hold another `[...]` (errata 4690, 7322). Spaces,
    /// tabs and line breaks separate words, in any number.
    ///
    /// # Errors
    ///
    /// [`Error::invalid_filter`] (400 `invalidFilter`, RFC 7644 Table 9) whose detail
    /// gives the 1-based character position and what was expected there, also for a
    /// filter longer than [`MAX_LEN`](super::MAX_LEN) characters or nested deeper than
    /// [`MAX_DEPTH`](super::MAX_DEPTH).
    ///
    /// ```
    /// use scim::filter::{AttrPath, CompValue, CompareOp, Filter};
    ///
    /// let filter = Filter::parse(r#"title PR Or userType eq "Intern""#)?;
    /// assert_eq!(
    ///     filter,
    ///     Filter::Or(vec![
    ///         Filter::Present(AttrPath::new("title")),
    ///         Filter::Compare {
    ///             path: AttrPath::new("userType"),
    ///             op: CompareOp::Eq,
    ///             value: CompValue::String("Intern".to_owned()),
    ///         },
    ///     ])
    /// );
    /// assert_eq!(filter.to_string(), r#"title pr or userType eq "Intern""#);
    ///
    /// let error = Filter::parse("userName eq").unwrap_err();
    /// assert_eq!(
    ///     error.detail(),
    ///     Some("at 12: expected a comparison value (false, null, true, a number or a string), found the end")
    /// );
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Filter, Error> {
        syntax::parse(text).map_err(|error| Error::invalid_filter(error.to_string()))
    }
}

impl AttrPath {
    /// Parses an attribute path on its own (RFC 7644 Figure 1 `attrPath`, §3.10), as in
    /// `sortBy` (§3.4.2.3): `[URI ":"] ATTRNAME ["." ATTRNAME]`, nothing before or after.
    ///
    /// # Errors
    ///
    /// [`Error::invalid_filter`] whose detail gives the 1-based character position and
    /// what was expected there, also for a path longer than [`MAX_LEN`](super::MAX_LEN)
    /// characters.
    ///
    /// ```
    /// use scim::filter::AttrPath;
    ///
    /// let path = AttrPath::parse("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName")?;
    /// assert_eq!(path.uri.as_deref(), Some("urn:ietf:params:scim:schemas:core:2.0:User"));
    /// assert_eq!(path.attribute, "name");
    /// assert_eq!(path.sub_attribute.as_deref(), Some("givenName"));
    /// assert!(AttrPath::parse("name givenName").is_err());
    /// # Ok::<(), scim::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<AttrPath, Error> {
        syntax::parse_attr_path(text).map_err(|error| Error::invalid_filter(error.to_string()))
    }
}
