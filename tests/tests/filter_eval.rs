//! Filter evaluation (RFC 7644 §3.4.2.2): every operator on every attribute type, the
//! RFC's example filters on the RFC's example users, URN prefixes, value filters,
//! precedence, undefined attributes and errors. Every filter runs against the typed model
//! and the generic resource holding the same data, which must give the same answer.

use scim::access::{ResourceAccess, Slot};
use scim::filter::{CompiledFilter, Filter};
use scim::generic::{GenericResource, ResourceSchemas};
use scim::models::{Group, User};
use scim::schema::{AttributeType, Loader};
use scim::{Resource, ScimType};
use scim_tests::goldens::every_type::Device;
use scim_tests::rfc_example;
use serde_json::{json, Value};
use std::path::Path;

fn compile<T: Resource>(filter: &str) -> Result<CompiledFilter, scim::Error> {
    Filter::parse(filter)
        .unwrap_or_else(|error| panic!("`{filter}` parses: {error}"))
        .compile(T::resource_schemas())
}

/// Whether `resource` matches `filter`, read as the typed model `T` and as a generic
/// resource with `T`'s schemas: the two answers must be the same.
fn eval<T: Resource>(filter: &str, resource: &Value) -> bool {
    let compiled = compile::<T>(filter).unwrap_or_else(|error| panic!("`{filter}`: {error}"));
    let typed: T = serde_json::from_value(resource.clone())
        .unwrap_or_else(|error| panic!("the typed model reads the resource: {error}"));
    let generic = GenericResource::from_json(resource.clone(), T::resource_schemas())
        .unwrap_or_else(|error| panic!("the generic resource reads the resource: {error}"));
    let (typed, generic) = (compiled.matches(&typed), compiled.matches(&generic));
    assert_eq!(
        typed, generic,
        "typed ({typed}) and generic ({generic}) disagree on `{filter}`"
    );
    typed
}

/// Each filter gives its expected answer on `resource`, typed and generic.
fn check<T: Resource>(resource: &Value, cases: &[(&str, bool)]) {
    for (filter, expected) in cases {
        assert_eq!(eval::<T>(filter, resource), *expected, "`{filter}`");
    }
}

/// The detail of the `invalidFilter` error that compiling `filter` for `T` gives.
fn invalid<T: Resource>(filter: &str) -> String {
    let error = compile::<T>(filter).expect_err(filter);
    assert_eq!(error.status(), 400, "{filter}");
    assert_eq!(
        error.scim_type(),
        Some(&ScimType::InvalidFilter),
        "{filter}"
    );
    error.detail().unwrap_or_default().to_owned()
}

fn device() -> Value {
    json!({
        "schemas": ["urn:example:params:scim:schemas:core:2.0:Device"],
        "id": "d-1",
        "serialNumber": "SN-100a",
        "enabled": true,
        "weight": 10.50,
        "ports": 4,
        "purchased": "2020-06-01T12:00:00.5+02:00",
        "firmware": "aGVsbG8=",
        "owner": "https://example.com/v2/Users/2819c223",
        "tags": ["Red", "blue"],
        "readings": [1.5, 2.25],
        "location": {"building": "North", "floor": 3},
        "model": ""
    })
}

fn enterprise_user() -> Value {
    rfc_example("rfc7643/8.3-enterprise-user.json")
}

// Strings.

#[test]
fn case_exact_strings_compare_as_written_with_every_operator() {
    check::<Device>(
        &device(),
        &[
            (r#"serialNumber eq "SN-100a""#, true),
            (r#"serialNumber eq "sn-100a""#, false),
            (r#"serialNumber ne "sn-100a""#, true),
            (r#"serialNumber ne "SN-100a""#, false),
            (r#"serialNumber co "100a""#, true),
            (r#"serialNumber co "100A""#, false),
            (r#"serialNumber sw "SN""#, true),
            (r#"serialNumber sw "sn""#, false),
            (r#"serialNumber ew "0a""#, true),
            (r#"serialNumber ew "0A""#, false),
            (r#"serialNumber gt "SN-099""#, true),
            (r#"serialNumber gt "SN-100a""#, false),
            (r#"serialNumber ge "SN-100a""#, true),
            (r#"serialNumber lt "SN-100b""#, true),
            // Case-exact order is code point order: `a` sorts after `B`.
            (r#"serialNumber lt "SN-100B""#, false),
            (r#"serialNumber le "SN-100a""#, true),
        ],
    );
}

#[test]
fn case_insensitive_strings_compare_by_case_fold_with_every_operator() {
    check::<User>(
        &enterprise_user(),
        &[
            (r#"userName eq "BJensen@Example.COM""#, true),
            (r#"userName ne "BJENSEN@EXAMPLE.COM""#, false),
            (r#"userName ne "jsmith@example.com""#, true),
            (r#"userName co "JENSEN@""#, true),
            (r#"userName co "smith""#, false),
            (r#"userName sw "BJ""#, true),
            (r#"userName sw "J""#, false),
            (r#"userName ew "EXAMPLE.com""#, true),
            (r#"userName ew "example.org""#, false),
            (r#"userName gt "A""#, true),
            (r#"userName gt "C""#, false),
            (r#"userName ge "BJENSEN@EXAMPLE.COM""#, true),
            (r#"userName lt "Z""#, true),
            (r#"userName le "BJENSEN@EXAMPLE.COM""#, true),
            (r#"userName lt "BJENSEN@EXAMPLE.COM""#, false),
        ],
    );
}

#[test]
fn case_insensitive_comparison_folds_unicode_letters() {
    let user = json!({"userName": "Straße", "displayName": "ΟΔΥΣΣΕΥΣ"});
    check::<User>(
        &user,
        &[
            (r#"userName eq "STRASSE""#, true),
            (r#"userName sw "strasse""#, true),
            (r#"userName ew "SSE""#, true),
            (r#"userName co "ASS""#, true),
            (r#"displayName eq "οδυσσευς""#, true),
            (r#"displayName co "σσ""#, true),
        ],
    );
}

#[test]
fn references_are_case_exact_whatever_the_schema_says() {
    // RFC 7643 §2.3.7: "A reference is case exact."
    check::<Device>(
        &device(),
        &[
            (r#"owner eq "https://example.com/v2/Users/2819c223""#, true),
            (r#"owner eq "https://example.com/v2/users/2819c223""#, false),
            (r#"owner co "/Users/""#, true),
            (r#"owner sw "https:""#, true),
            (r#"owner ew "2819C223""#, false),
            (r#"owner ne "x""#, true),
            (r#"owner gt "https://example.com/v2/Groups""#, true),
            (r#"owner ge "https://example.com/v2/Users/2819c223""#, true),
            (r#"owner lt "https://example.com/v2/Users/2819c223""#, false),
            (r#"owner le "https://example.com/v2/Users/2819c223""#, true),
        ],
    );
    // `$ref` of a group member, `caseExact: false` in the RFC schema, still exact.
    let group = rfc_example("rfc7643/8.4-group.json");
    check::<Group>(
        &group,
        &[
            (
                r#"members.$ref eq "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646""#,
                true,
            ),
            (
                r#"members.$ref eq "HTTPS://EXAMPLE.COM/v2/Users/2819c223-7f76-453a-919d-413861904646""#,
                false,
            ),
        ],
    );
}

// Booleans, numbers, dateTimes, binaries.

#[test]
fn booleans_compare_with_eq_and_ne() {
    check::<Device>(
        &device(),
        &[
            ("enabled eq true", true),
            ("enabled eq false", false),
            ("enabled ne false", true),
            ("enabled ne true", false),
        ],
    );
}

#[test]
fn integers_compare_numerically_with_any_number() {
    check::<Device>(
        &device(),
        &[
            ("ports eq 4", true),
            ("ports eq 4.0", true),
            ("ports eq 40e-1", true),
            ("ports eq 4.5", false),
            ("ports ne 5", true),
            ("ports ne 4", false),
            ("ports gt 3", true),
            ("ports gt 3.5", true),
            ("ports gt 4", false),
            ("ports ge 4", true),
            ("ports lt 5", true),
            ("ports lt 4.5", true),
            ("ports lt 4", false),
            ("ports le 4", true),
            ("ports lt 1e400", true),
            ("ports gt -1e400", true),
            ("ports gt 99999999999999999999", false),
        ],
    );
}

#[test]
fn decimals_compare_numerically_and_exactly() {
    check::<Device>(
        &device(),
        &[
            ("weight eq 10.5", true),
            ("weight eq 10.500", true),
            ("weight eq 1.05e1", true),
            ("weight ne 10.5", false),
            ("weight ne 10.51", true),
            ("weight gt 10.4999999999999999999999", true),
            ("weight gt 10.5", false),
            ("weight ge 10.5", true),
            ("weight lt 10.5000000000000000000001", true),
            ("weight lt 9", false),
            ("weight le 10.50", true),
        ],
    );
}

#[test]
fn date_times_compare_chronologically_across_offsets_and_fractions() {
    // 2020-06-01T12:00:00.5+02:00 is 10:00:00.5 UTC. As text it sorts after
    // 2020-06-01T11:00:00Z; in time it comes before it.
    check::<Device>(
        &device(),
        &[
            (r#"purchased eq "2020-06-01T10:00:00.500Z""#, true),
            (r#"purchased eq "2020-06-01T10:00:00Z""#, false),
            (r#"purchased ne "2020-06-01T12:00:00.5Z""#, true),
            (r#"purchased lt "2020-06-01T11:00:00Z""#, true),
            (r#"purchased gt "2020-06-01T11:00:00Z""#, false),
            (r#"purchased gt "2020-06-01T10:00:00.4999999999Z""#, true),
            (r#"purchased ge "2020-06-01T06:00:00.5-04:00""#, true),
            (r#"purchased le "2020-06-01T10:00:00.5Z""#, true),
            (r#"purchased lt "2020-06-01T10:00:00.5Z""#, false),
        ],
    );
}

#[test]
fn binaries_compare_as_bytes_with_eq_and_ne() {
    check::<Device>(
        &device(),
        &[
            (r#"firmware eq "aGVsbG8=""#, true),
            // The same bytes without padding (RFC 7643 §2.3.6).
            (r#"firmware eq "aGVsbG8""#, true),
            (r#"firmware eq "aGk=""#, false),
            (r#"firmware ne "aGk=""#, true),
            (r#"firmware ne "aGVsbG8""#, false),
        ],
    );
}

// Multi-valued and complex attributes.

#[test]
fn a_multi_valued_attribute_matches_when_any_value_matches() {
    check::<Device>(
        &device(),
        &[
            (r#"tags eq "RED""#, true),
            (r#"tags eq "blue""#, true),
            (r#"tags eq "green""#, false),
            (r#"tags co "LU""#, true),
            // Some value differs from red.
            (r#"tags ne "red""#, true),
            (r#"not (tags eq "red")"#, false),
            ("readings gt 2", true),
            ("readings gt 3", false),
            ("readings eq 2.250", true),
            ("readings lt 1.5", false),
        ],
    );
}

#[test]
fn paths_through_a_multi_valued_complex_attribute_match_any_value() {
    check::<User>(
        &enterprise_user(),
        &[
            (r#"emails.type eq "home""#, true),
            (r#"emails.value ew "@jensen.org""#, true),
            (r#"emails.type ne "work""#, true),
            ("emails.primary eq true", true),
            ("emails.primary eq false", false),
            (r#"addresses.locality eq "hollywood""#, true),
        ],
    );
}

#[test]
fn a_complex_attribute_without_sub_attribute_compares_its_value() {
    // RFC 7644 §3.4.2.2 filters on `emails co "example.com"`.
    check::<User>(
        &enterprise_user(),
        &[
            (r#"emails co "example.com""#, true),
            (r#"emails eq "BABS@JENSEN.ORG""#, true),
            (r#"emails co "example.net""#, false),
            (
                r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "26118915-6090-4610-87e4-49d8ca9f808d""#,
                true,
            ),
        ],
    );
    check::<Group>(
        &rfc_example("rfc7643/8.4-group.json"),
        &[
            (r#"members eq "902c246b-6245-4190-8e05-00816be7344a""#, true),
            (
                r#"members eq "00000000-0000-0000-0000-000000000000""#,
                false,
            ),
        ],
    );
}

#[test]
fn sub_attributes_of_a_single_valued_complex_attribute_compare_like_attributes() {
    check::<Device>(
        &device(),
        &[
            (r#"location.building eq "NORTH""#, true),
            ("location.floor ge 3", true),
            ("location.floor gt 3", false),
            ("location.building pr", true),
        ],
    );
}

// Presence and null.

#[test]
fn present_needs_a_non_empty_value() {
    let device = json!({
        "serialNumber": "",
        "enabled": false,
        "ports": 0,
        "tags": [],
        "location": {"building": ""},
    });
    check::<Device>(
        &device,
        &[
            ("serialNumber pr", false),
            ("enabled pr", true),
            ("ports pr", true),
            ("tags pr", false),
            ("readings pr", false),
            ("location pr", false),
            ("location.building pr", false),
            ("weight pr", false),
        ],
    );
}

#[test]
fn a_complex_value_is_present_when_one_sub_attribute_is() {
    check::<Device>(
        &json!({"location": {"floor": 0}}),
        &[("location pr", true), ("location.building pr", false)],
    );
    check::<User>(
        &json!({"emails": [{"type": "work"}]}),
        &[("emails pr", true), ("emails.value pr", false)],
    );
}

#[test]
fn eq_null_asks_for_no_value_and_ne_null_for_one() {
    // RFC 7643 §2.5: unassigned, null and [] are the same state.
    check::<Device>(
        &device(),
        &[
            ("weight eq null", false),
            ("weight ne null", true),
            ("secret eq null", true),
            ("secret ne null", false),
            ("model eq null", true),
            ("location eq null", false),
            ("manual eq null", true),
            ("tags ne null", true),
        ],
    );
    check::<User>(
        &json!({"emails": [{"type": "work"}]}),
        &[("emails.value eq null", true), ("emails eq null", false)],
    );
}

// Common attributes, `schemas`, URN prefixes.

#[test]
fn common_attributes_are_filtered_like_any_other() {
    check::<User>(
        &enterprise_user(),
        &[
            (r#"id eq "2819c223-7f76-453a-919d-413861904646""#, true),
            // id and externalId are case-exact (RFC 7643 §3.1).
            (r#"id eq "2819C223-7F76-453A-919D-413861904646""#, false),
            (r#"externalId eq "701984""#, true),
            (r#"meta.resourceType eq "User""#, true),
            (r#"meta.created lt "2011-01-01T00:00:00Z""#, true),
            (r#"meta.location sw "https://example.com/v2/Users/""#, true),
            ("meta pr", true),
        ],
    );
}

#[test]
fn schemas_holds_the_core_schema_and_the_extensions_present() {
    let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    let with = enterprise_user();
    let without = rfc_example("rfc7643/8.2-full-user.json");
    let filter = format!(r#"schemas eq "{enterprise}""#);
    assert!(eval::<User>(&filter, &with));
    assert!(!eval::<User>(&filter, &without));
    check::<User>(
        &without,
        &[
            (
                r#"schemas eq "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER""#,
                true,
            ),
            (r#"schemas ew ":User""#, true),
            ("schemas pr", true),
            (r#"not (schemas co "extension")"#, true),
        ],
    );
}

#[test]
fn urn_prefixed_paths_reach_core_and_extension_attributes_in_any_case() {
    check::<User>(
        &enterprise_user(),
        &[
            (
                r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "BJ""#,
                true,
            ),
            (
                r#"urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "jensen""#,
                true,
            ),
            (
                r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984""#,
                true,
            ),
            (
                r#"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:EMPLOYEENUMBER eq "701984""#,
                true,
            ),
            (
                r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d""#,
                true,
            ),
            (
                r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName co "smith""#,
                true,
            ),
            (
                r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr"#,
                true,
            ),
        ],
    );
}

#[test]
fn extension_attributes_of_a_resource_without_the_extension_have_no_value() {
    let without = rfc_example("rfc7643/8.2-full-user.json");
    check::<User>(
        &without,
        &[
            (
                r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber pr"#,
                false,
            ),
            (
                r#"not (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984")"#,
                true,
            ),
        ],
    );
}

// Undefined attributes (RFC 7644 §3.4.2.1).

#[test]
fn undefined_attributes_have_no_value() {
    check::<User>(
        &enterprise_user(),
        &[
            (r#"favouriteColour eq "green""#, false),
            (r#"favouriteColour ne "green""#, false),
            ("favouriteColour pr", false),
            ("favouriteColour eq null", true),
            (r#"not (favouriteColour eq "green")"#, true),
            (r#"name.nickname eq "Babs""#, false),
            // Without its URI, an extension attribute is not a core attribute.
            (r#"employeeNumber eq "701984""#, false),
            (r#"urn:example:unknown:1.0:User:userName pr"#, false),
            (r#"emails[kind eq "work"]"#, false),
            (r#"emails[not (kind eq "work")]"#, true),
            (r#"favouriteColours[value eq "green"]"#, false),
            (r#"favouriteColour eq "green" or userName pr"#, true),
        ],
    );
}

#[test]
fn undefined_attributes_are_listed_as_written() {
    let compiled = compile::<User>(
        r#"usrName eq "x" or urn:example:Other:userName pr or emails[kind eq "work"] or title pr or mails[type eq "work"]"#,
    )
    .unwrap();
    assert_eq!(
        compiled.undefined_attributes(),
        [
            "usrName",
            "urn:example:Other:userName",
            "emails.kind",
            "mails"
        ]
    );
}

#[test]
fn an_undefined_attribute_is_still_checked_for_null_misuse() {
    let detail = invalid::<User>("favouriteColour gt null");
    assert_eq!(
        detail,
        "favouriteColour: null compares with eq and ne only (RFC 7643 §2.5), not with `gt`"
    );
}

// Value filters.

#[test]
fn a_value_filter_needs_one_value_to_satisfy_all_of_it() {
    check::<User>(
        &enterprise_user(),
        &[
            (
                r#"emails[type eq "work" and value co "@example.com"]"#,
                true,
            ),
            // The home email is not at example.com, the work one is not home.
            (
                r#"emails[type eq "home" and value co "@example.com"]"#,
                false,
            ),
            (
                r#"emails[type eq "home"] and emails[value co "@example.com"]"#,
                true,
            ),
            (r#"emails[type eq "home" or primary eq true]"#, true),
            (r#"emails[not (type eq "work")]"#, true),
            (r#"emails[type eq "other"]"#, false),
            (r#"EMAILS[TYPE EQ "WORK" AND PRIMARY EQ true]"#, true),
            (r#"name[givenName eq "barbara"]"#, true),
            (
                r#"name[givenName eq "barbara" and familyName eq "smith"]"#,
                false,
            ),
        ],
    );
}

#[test]
fn a_value_filter_on_an_absent_attribute_does_not_match() {
    check::<User>(
        &json!({"userName": "x"}),
        &[
            (r#"emails[type eq "work"]"#, false),
            (r#"not (emails[type eq "work"])"#, true),
            (r#"emails[value eq null]"#, false),
        ],
    );
}

#[test]
fn a_value_filter_whose_inner_filter_always_holds_matches_any_value() {
    check::<User>(
        &json!({"emails": [{"type": "work"}]}),
        &[(r#"emails[kind eq null]"#, true)],
    );
    check::<User>(
        &json!({"userName": "x"}),
        &[(r#"emails[kind eq null]"#, false)],
    );
}

// Precedence.

#[test]
fn and_binds_tighter_than_or() {
    // (false and true) or true; read as false and (true or true) it would be false.
    check::<User>(
        &enterprise_user(),
        &[
            (
                r#"userName eq "nobody" and title pr or userType eq "Employee""#,
                true,
            ),
            (
                r#"userName eq "nobody" and (title pr or userType eq "Employee")"#,
                false,
            ),
            (
                r#"userType eq "Employee" or title pr and userName eq "nobody""#,
                true,
            ),
        ],
    );
}

#[test]
fn not_applies_to_its_group_only() {
    check::<User>(
        &enterprise_user(),
        &[
            (r#"not (title pr) or userType eq "Employee""#, true),
            (r#"not (title pr) and userType eq "Employee""#, false),
            (r#"not (title pr and userType eq "Intern")"#, true),
            (r#"not (not (title pr))"#, true),
        ],
    );
}

// RFC 7644 §3.4.2.2, Figure 2, on the RFC 7643 §8.3 enterprise user.

#[test]
fn the_rfc_example_filters_give_the_expected_answers_on_the_rfc_user() {
    check::<User>(
        &enterprise_user(),
        &[
            (r#"userName eq "bjensen""#, false),
            (r#"userName eq "bjensen@example.com""#, true),
            (r#"name.familyName co "O'Malley""#, false),
            (r#"userName sw "J""#, false),
            (
                r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#,
                false,
            ),
            ("title pr", true),
            (r#"meta.lastModified gt "2011-05-13T04:42:34Z""#, false),
            (r#"meta.lastModified ge "2011-05-13T04:42:34Z""#, true),
            (r#"meta.lastModified lt "2011-05-13T04:42:34Z""#, false),
            (r#"meta.lastModified le "2011-05-13T04:42:34Z""#, true),
            (r#"title pr and userType eq "Employee""#, true),
            (r#"title pr or userType eq "Intern""#, true),
            (
                r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
                true,
            ),
            (
                r#"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#,
                true,
            ),
            (
                r#"userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")"#,
                false,
            ),
            (
                r#"userType eq "Employee" and (emails.type eq "work")"#,
                true,
            ),
            (
                r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"]"#,
                true,
            ),
            (
                r#"emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]"#,
                true,
            ),
        ],
    );
}

#[test]
fn the_rfc_minimal_user_matches_only_what_it_holds() {
    let minimal = rfc_example("rfc7643/8.1-minimal-user.json");
    check::<User>(
        &minimal,
        &[
            ("title pr", false),
            (r#"title pr or userType eq "Intern""#, false),
            (r#"userName ew "@EXAMPLE.COM""#, true),
            (r#"emails co "example.com""#, false),
        ],
    );
}

// Errors.

#[test]
fn ordering_a_boolean_is_an_invalid_filter() {
    assert_eq!(
        invalid::<User>("active gt true"),
        "active: `gt` is not defined on a boolean attribute: RFC 7644 §3.4.2.2 (Table 3) \
         makes gt, ge, lt and le on boolean and binary attributes invalidFilter"
    );
    for op in ["ge", "lt", "le"] {
        invalid::<User>(&format!("emails.primary {op} false"));
    }
}

#[test]
fn ordering_a_binary_is_an_invalid_filter() {
    let detail = invalid::<Device>(r#"firmware lt "aGk=""#);
    assert!(
        detail.starts_with("firmware: `lt` is not defined on a binary attribute"),
        "{detail}"
    );
}

#[test]
fn substring_operators_on_other_types_than_strings_are_invalid_filters() {
    for filter in [
        r#"enabled co "t""#,
        "ports sw 4",
        "weight ew 5",
        r#"purchased co "2020""#,
        r#"firmware co "aG""#,
    ] {
        let detail = invalid::<Device>(filter);
        assert!(
            detail.contains("compares strings; it is not defined on"),
            "{detail}"
        );
    }
}

#[test]
fn a_comparison_value_of_another_type_than_the_attribute_is_an_invalid_filter() {
    assert_eq!(
        invalid::<User>(r#"active eq "yes""#),
        "active: a boolean attribute is compared with true or false, not a string (RFC 7643 §2.3)"
    );
    assert_eq!(
        invalid::<User>("userName eq 5"),
        "userName: a string attribute is compared with a string, not a number (RFC 7643 §2.3)"
    );
    assert_eq!(
        invalid::<Device>(r#"ports gt "3""#),
        "ports: an integer attribute is compared with a number, not a string (RFC 7643 §2.3)"
    );
    invalid::<Device>("weight eq true");
    invalid::<Device>("purchased gt 2020");
    invalid::<Device>("owner eq false");
}

#[test]
fn a_date_time_comparison_value_must_be_an_xsd_date_time() {
    let detail = invalid::<User>(r#"meta.lastModified gt "2011-05-13""#);
    assert!(
        detail.starts_with(
            r#"meta.lastModified: "2011-05-13" is not an xsd:dateTime (RFC 7643 §2.3.5)"#
        ),
        "{detail}"
    );
}

#[test]
fn a_binary_comparison_value_must_be_base64() {
    let detail = invalid::<Device>(r#"firmware eq "not base64!""#);
    assert!(
        detail.starts_with("firmware: the comparison value is not base64"),
        "{detail}"
    );
}

#[test]
fn null_with_another_operator_than_eq_or_ne_is_an_invalid_filter() {
    assert_eq!(
        invalid::<User>("title co null"),
        "title: null compares with eq and ne only (RFC 7643 §2.5), not with `co`"
    );
}

#[test]
fn a_complex_attribute_without_value_cannot_be_compared_whole() {
    assert_eq!(
        invalid::<User>(r#"name eq "Barbara""#),
        "name: `name` is complex and has no `value` sub-attribute: compare one of its \
         sub-attributes, as `name.formatted` (RFC 7644 §3.4.2.2)"
    );
    invalid::<Device>("location gt 3");
}

#[test]
fn a_sub_attribute_of_an_attribute_that_is_not_complex_is_an_invalid_filter() {
    assert_eq!(
        invalid::<User>(r#"userName.first eq "b""#),
        "userName.first: `userName` is a string attribute, which has no sub-attributes \
         (RFC 7643 §2.3.8)"
    );
}

#[test]
fn a_value_filter_on_an_attribute_that_is_not_complex_is_an_invalid_filter() {
    assert_eq!(
        invalid::<User>(r#"userName[value eq "b"]"#),
        "userName: a value filter applies to a complex attribute (RFC 7644 §3.4.2.2, \
         Table 5), and `userName` is a string attribute"
    );
    invalid::<Device>(r#"tags[value eq "red"]"#);
    invalid::<User>(r#"schemas[value eq "x"]"#);
    invalid::<User>(r#"name.givenName[value eq "x"]"#);
}

#[test]
fn paths_inside_a_value_filter_name_plain_sub_attributes() {
    assert_eq!(
        invalid::<User>(r#"emails[type.x eq "work"]"#),
        "emails.type.x: inside `emails[...]`, a path names a sub-attribute of `emails`, \
         without a schema URI or a sub-attribute of its own (RFC 7644 §3.4.2.2, Table 5)"
    );
    invalid::<User>(r#"emails[urn:ietf:params:scim:schemas:core:2.0:User:type eq "work"]"#);
}

#[test]
fn errors_inside_a_value_filter_name_the_full_path() {
    assert_eq!(
        invalid::<User>("emails[primary gt true]"),
        "emails.primary: `gt` is not defined on a boolean attribute: RFC 7644 §3.4.2.2 \
         (Table 3) makes gt, ge, lt and le on boolean and binary attributes invalidFilter"
    );
}

#[test]
fn an_error_anywhere_fails_the_whole_filter() {
    // The first branch is undefined, hence always false; the second is still checked.
    invalid::<User>(r#"favouriteColour eq "x" and active gt true"#);
    // Inside a value filter on an undefined attribute, too.
    invalid::<User>(r#"favouriteColours[value eq "x" and kind gt null]"#);
}

// Schemas known at run time.

#[test]
fn a_filter_compiled_against_loaded_schemas_outlives_them() {
    let compiled = {
        let mut loader = Loader::new();
        loader.add_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/rfc7643"));
        let set = loader.load().unwrap_or_else(|error| panic!("{error}"));
        let core = set
            .schema("urn:ietf:params:scim:schemas:core:2.0:User")
            .cloned()
            .unwrap();
        let extensions = [set
            .schema("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
            .cloned()
            .unwrap()];
        Filter::parse(
            r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value pr and emails[type eq "WORK"]"#,
        )
        .unwrap()
        .compile(ResourceSchemas::new(&core, &extensions))
        .unwrap()
    };
    let user: User = serde_json::from_value(enterprise_user()).unwrap();
    assert!(compiled.matches(&user));
}

#[test]
fn without_schemas_only_the_common_attributes_are_defined() {
    let compiled =
        Filter::parse(r#"id eq "2819c223-7f76-453a-919d-413861904646" and not (userName pr)"#)
            .unwrap()
            .compile(ResourceSchemas::schemaless())
            .unwrap();
    let generic =
        GenericResource::from_json(enterprise_user(), ResourceSchemas::schemaless()).unwrap();
    assert!(compiled.matches(&generic));
    assert_eq!(compiled.undefined_attributes(), ["userName"]);
}

/// A resource read without schemas keeps what it was sent; read with the User schemas, a
/// list where `userName` (single-valued) belongs is a value of the wrong type, which has
/// no value (RFC 7643 §2.4: multi-valued attributes are the ones written as arrays),
/// in filters as in sorting.
#[test]
fn a_list_for_a_single_valued_attribute_has_no_value() {
    let generic = GenericResource::from_json(
        json!({"userName": ["alice"], "emails": [{"value": "alice@example.com"}]}),
        ResourceSchemas::schemaless(),
    )
    .unwrap();
    let matches = |text: &str| {
        Filter::parse(text)
            .unwrap()
            .compile(User::resource_schemas())
            .unwrap()
            .matches(&generic)
    };
    assert!(!matches(r#"userName sw "a""#));
    assert!(!matches("userName pr"));
    assert!(matches("userName eq null"));
    assert!(matches(r#"emails.value sw "alice""#));
}

#[test]
fn a_compiled_filter_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync + 'static>() {}
    shareable::<CompiledFilter>();
}

// Typed and generic, everywhere.

/// A comparison value of `kind`'s JSON type, drawn from what the RFC examples hold.
fn sample(kind: AttributeType) -> &'static str {
    match kind {
        AttributeType::String => r#""work""#,
        AttributeType::Boolean => "true",
        AttributeType::Decimal | AttributeType::Integer => "3",
        AttributeType::DateTime => r#""2011-05-13T04:42:34Z""#,
        AttributeType::Binary => r#""aGk=""#,
        AttributeType::Reference => {
            r#""https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646""#
        }
        AttributeType::Complex => r#""example.com""#,
    }
}

/// Every path of `T`'s schemas (attributes with their URI, and sub-attributes), with every
/// operator: typed and generic give the same answer on `resource`, or the filter is an
/// `invalidFilter` for both.
fn every_path_and_operator<T: Resource>(resource: &Value) -> usize {
    let schemas = T::resource_schemas();
    let mut paths = Vec::new();
    for slot in schemas.slots() {
        let prefix = match slot {
            Slot::Core => String::new(),
            Slot::Extension { uri, .. } => format!("{uri}:"),
        };
        for found in schemas.attributes(slot) {
            let attribute = found.attribute;
            paths.push((format!("{prefix}{}", attribute.name), attribute.kind));
            for sub in attribute.sub_attributes.iter() {
                paths.push((format!("{prefix}{}.{}", attribute.name, sub.name), sub.kind));
            }
        }
    }
    let mut evaluated = 0;
    for (path, kind) in &paths {
        for op in ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"] {
            let filter = format!("{path} {op} {}", sample(*kind));
            match compile::<T>(&filter) {
                Ok(_) => {
                    eval::<T>(&filter, resource);
                    evaluated += 1;
                }
                Err(error) => {
                    assert_eq!(
                        error.scim_type(),
                        Some(&ScimType::InvalidFilter),
                        "{filter}"
                    )
                }
            }
        }
        for filter in [
            format!("{path} pr"),
            format!("not ({path} pr)"),
            format!("{path} eq null"),
        ] {
            eval::<T>(&filter, resource);
            evaluated += 1;
        }
    }
    evaluated
}

#[test]
fn every_user_path_and_operator_gives_the_same_answer_typed_and_generic() {
    for file in [
        "rfc7643/8.1-minimal-user.json",
        "rfc7643/8.3-enterprise-user.json",
    ] {
        assert!(every_path_and_operator::<User>(&rfc_example(file)) > 500);
    }
}

#[test]
fn every_device_path_and_operator_gives_the_same_answer_typed_and_generic() {
    assert!(every_path_and_operator::<Device>(&device()) > 100);
}

#[test]
fn a_resource_behind_dyn_resource_access_is_evaluated_too() {
    let user: User = serde_json::from_value(enterprise_user()).unwrap();
    let resource: &dyn ResourceAccess = &user;
    assert!(compile::<User>(r#"title eq "tour guide""#)
        .unwrap()
        .matches(resource));
}

#[test]
fn values_never_returned_compare_for_equality_only() {
    // RFC 7643 §4.1.1: password is for "filter for equality"; ordering and substring
    // operators would reveal it a character at a time.
    let user = json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "bjensen", "password": "t1meMa$heen"});
    check::<User>(
        &user,
        &[
            (r#"password eq "t1meMa$heen""#, true),
            (r#"password ne "guess""#, true),
            ("password pr", true),
        ],
    );
    for op in ["sw", "co", "ew", "gt", "ge", "lt", "le"] {
        let detail = invalid::<User>(&format!(r#"password {op} "t""#));
        assert!(detail.contains("never returned"), "{op}: {detail}");
    }
    // The writeOnly, returned-never `secret` of the golden Device too.
    assert!(invalid::<Device>(r#"secret sw "s""#).contains("never returned"));
}

#[test]
fn capital_sharp_s_folds_like_small_sharp_s_and_ss() {
    let user =
        json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "STRAẞE"});
    check::<User>(
        &user,
        &[
            (r#"userName eq "straße""#, true),
            (r#"userName eq "STRASSE""#, true),
            (r#"userName sw "strass""#, true),
        ],
    );
}

#[test]
fn schemas_may_carry_the_core_schema_uri() {
    let user = json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "b"});
    check::<User>(
        &user,
        &[(
            r#"urn:ietf:params:scim:schemas:core:2.0:User:schemas eq "urn:ietf:params:scim:schemas:core:2.0:User""#,
            true,
        )],
    );
    let checked = scim::filter!(
        User,
        r#"urn:ietf:params:scim:schemas:core:2.0:User:schemas eq "urn:ietf:params:scim:schemas:core:2.0:User""#
    );
    let typed: User = serde_json::from_value(user).unwrap();
    assert!(checked.compile().unwrap().matches(&typed));
}

/// A user that records which core attributes a filter reads.
struct Recording {
    user: User,
    reads: std::cell::RefCell<Vec<usize>>,
}

impl ResourceAccess for Recording {
    fn get(
        &self,
        slot: Slot<'_>,
        index: usize,
        attribute: &scim::schema::Attribute,
    ) -> scim::access::Values<'_> {
        self.reads.borrow_mut().push(index);
        self.user.get(slot, index, attribute)
    }

    fn has_extension(&self, slot: Slot<'_>) -> bool {
        self.user.has_extension(slot)
    }

    fn clear(&mut self, slot: Slot<'_>, index: usize, attribute: &scim::schema::Attribute) {
        self.user.clear(slot, index, attribute)
    }

    fn get_mut(
        &mut self,
        slot: Slot<'_>,
        index: usize,
        attribute: &scim::schema::Attribute,
    ) -> scim::access::ValuesMut<'_> {
        self.user.get_mut(slot, index, attribute)
    }
}

#[test]
fn chains_test_single_values_before_every_value_of_a_list() {
    let schemas = User::resource_schemas();
    let index_of = |name: &str| schemas.find(None, name).expect(name).index;
    let (emails, user_name) = (index_of("emails"), index_of("userName"));
    let user = Recording {
        user: serde_json::from_value(rfc_example("rfc7643/8.2-full-user.json"))
            .expect("the RFC's full user"),
        reads: Default::default(),
    };
    // Written with the list first; `userName` decides each chain without reading it.
    for (filter, expected) in [
        (r#"emails[type eq "work"] and userName eq "nobody""#, false),
        (r#"emails co "example.com" or userName sw "bjensen""#, true),
        (
            r#"(emails[type eq "work"] or addresses pr) and not (userName pr)"#,
            false,
        ),
    ] {
        user.reads.borrow_mut().clear();
        assert_eq!(compile::<User>(filter).unwrap().matches(&user), expected);
        assert_eq!(*user.reads.borrow(), [user_name], "`{filter}`");
    }
    // The answers are those of the written order.
    let reordered = r#"emails[type eq "work"] and userName sw "bjensen""#;
    user.reads.borrow_mut().clear();
    assert!(compile::<User>(reordered).unwrap().matches(&user));
    assert_eq!(*user.reads.borrow(), [user_name, emails]);
}
