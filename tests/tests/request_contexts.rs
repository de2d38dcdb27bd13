//! Issue 3, item 3: request contexts (RFC 7643 §7; RFC 7644 §3.3, §3.4, §3.5.1, §3.5.2).
//!
//! Every rule runs twice: on a typed model with the schemas its derive publishes, and on a
//! generic resource read against schemas loaded from schema JSON (the bundled files, or
//! the JSON a hand-written model publishes). Both must give the same outcome: the same
//! document, the same report, or the same error.

use scim::access::ResourceAccess;
use scim::generic::{GenericResource, ResourceSchemas};
use scim::message::{PatchOp, SearchRequest};
use scim::models::{Group, ResourceType, ServiceProviderConfig, User};
use scim::projection::Projection;
use scim::request::{self, Notice, Report, Rules};
use scim::schema::{Loader, Schema};
use scim::value::DateTime;
use scim::{Complex, Error, Meta, Resource, ScimType, UnknownAttributes};
use scim_tests::rfc_example;
use serde_json::{json, Value};
use std::path::Path;

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const BADGE: &str = "urn:example:params:scim:schemas:core:2.0:Badge";
const CLEARANCE: &str = "urn:example:params:scim:schemas:extension:2.0:Clearance";

// A hand-written model with the characteristics the bundled schemas lack: required
// sub-attributes, immutable attributes (simple, multi-valued, in a single-valued complex
// attribute), readOnly sub-attributes of multi-valued values, an attribute both required
// and readOnly, and an extension with a required attribute.

#[derive(Clone, Debug, Default, PartialEq, Complex)]
struct Door {
    #[scim(required)]
    number: Option<String>,
    #[scim(mutability = "readOnly")]
    opened: Option<DateTime>,
}

#[derive(Clone, Debug, Default, PartialEq, Complex)]
struct Holder {
    #[scim(mutability = "immutable", case_exact)]
    employee: Option<String>,
    name: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Complex)]
#[scim(schema = "urn:example:params:scim:schemas:extension:2.0:Clearance")]
struct Clearance {
    #[scim(required)]
    level: Option<String>,
    #[scim(mutability = "readOnly")]
    granted_by: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Resource)]
#[scim(schema = "urn:example:params:scim:schemas:core:2.0:Badge")]
struct Badge {
    #[scim(
        common,
        case_exact,
        mutability = "readOnly",
        returned = "always",
        uniqueness = "server"
    )]
    id: Option<String>,
    #[scim(common, case_exact)]
    external_id: Option<String>,
    #[scim(common, mutability = "readOnly")]
    meta: Option<Meta>,
    #[scim(required)]
    badge_number: Option<String>,
    #[scim(mutability = "immutable")]
    serial: Option<String>,
    #[scim(mutability = "immutable")]
    tags: Vec<String>,
    #[scim(required, mutability = "readOnly")]
    issued: Option<DateTime>,
    #[scim(mutability = "writeOnly", returned = "never")]
    pin: Option<String>,
    holder: Option<Holder>,
    doors: Vec<Door>,
    #[scim(extension)]
    clearance: Option<Clearance>,
    #[scim(unknown)]
    unknown_attributes: UnknownAttributes,
}

/// Schemas loaded from schema JSON, for generic resources.
struct Loaded {
    core: Schema,
    extensions: Vec<Schema>,
}

impl Loaded {
    fn schemas(&self) -> ResourceSchemas<'_> {
        ResourceSchemas::new(&self.core, &self.extensions)
    }
}

fn load(loader: &mut Loader, core: &str, extensions: &[&str]) -> Loaded {
    let set = loader.load().unwrap_or_else(|error| panic!("{error}"));
    let schema = |urn: &str| set.schema(urn).cloned().expect("loaded");
    Loaded {
        core: schema(core),
        extensions: extensions.iter().map(|urn| schema(urn)).collect(),
    }
}

/// A typed model, and the schema JSON a generic resource of the same kind is read with.
trait Model: Resource + Clone {
    fn loaded() -> Loaded;
}

fn bundled(core: &str, extensions: &[&str]) -> Loaded {
    let mut loader = Loader::new();
    loader.add_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/rfc7643"));
    load(&mut loader, core, extensions)
}

impl Model for User {
    fn loaded() -> Loaded {
        bundled(USER, &[ENTERPRISE])
    }
}

impl Model for Group {
    fn loaded() -> Loaded {
        bundled(GROUP, &[])
    }
}

impl Model for ServiceProviderConfig {
    fn loaded() -> Loaded {
        bundled(<ServiceProviderConfig as Resource>::SCHEMA, &[])
    }
}

impl Model for ResourceType {
    fn loaded() -> Loaded {
        bundled(<ResourceType as Resource>::SCHEMA, &[])
    }
}

impl Model for Badge {
    /// The schema JSON the model publishes, read back by the loader.
    fn loaded() -> Loaded {
        let mut loader = Loader::new();
        loader.add_str("badge.json", &Badge::schema().to_json().to_string());
        loader.add_str(
            "clearance.json",
            &<Clearance as scim::Extension>::schema()
                .to_json()
                .to_string(),
        );
        load(&mut loader, BADGE, &[CLEARANCE])
    }
}

/// A checked document and its report, or the error.
type Outcome = Result<(Value, Report), Error>;

/// Runs `typed` on `body` read as the typed model (with the schemas its derive publishes)
/// and `generic` on `body` read as a generic resource (with schemas loaded from JSON);
/// asserts that both give the same outcome, and returns it.
fn run_both<T: Model>(
    body: &Value,
    typed: impl FnOnce(&mut T, ResourceSchemas<'static>) -> Result<Report, Error>,
    generic: impl FnOnce(&mut GenericResource, ResourceSchemas<'_>) -> Result<Report, Error>,
) -> Outcome {
    let mut model: T = serde_json::from_value(body.clone()).expect("the typed model reads it");
    let typed = typed(&mut model, T::resource_schemas()).map(|report| {
        (
            serde_json::to_value(scim::RequestBody(&model)).unwrap(),
            report,
        )
    });
    let loaded = T::loaded();
    let mut resource = GenericResource::from_json(body.clone(), loaded.schemas())
        .expect("the generic reader reads it");
    let generic = generic(&mut resource, loaded.schemas()).map(|report| {
        (
            serde_json::to_value(scim::RequestBody(&resource)).unwrap(),
            report,
        )
    });
    assert_eq!(typed, generic, "typed and generic outcomes differ");
    typed
}

/// [`run_both`] with one check for both.
fn both<T: Model>(
    body: &Value,
    check: impl Fn(&mut dyn ResourceAccess, ResourceSchemas<'_>) -> Result<Report, Error>,
) -> Outcome {
    run_both::<T>(
        body,
        |model, schemas| check(model, schemas),
        |resource, schemas| check(resource, schemas),
    )
}

fn create<T: Model>(body: &Value, rules: &Rules) -> Outcome {
    both::<T>(body, |resource, schemas| rules.create(resource, schemas))
}

/// A replace request against `existing`, read as the same kind as the request.
fn replace<T: Model>(body: &Value, existing: &Value, rules: &Rules) -> Outcome {
    let typed_existing: T = serde_json::from_value(existing.clone()).unwrap();
    let loaded = T::loaded();
    let generic_existing = GenericResource::from_json(existing.clone(), loaded.schemas()).unwrap();
    run_both::<T>(
        body,
        |model, schemas| rules.replace(model, &typed_existing, schemas),
        |resource, schemas| rules.replace(resource, &generic_existing, schemas),
    )
}

fn response<T: Model>(body: &Value) -> Result<Report, Error> {
    both::<T>(body, |resource, schemas| {
        Rules::new().response(resource, schemas)
    })
    .map(|(_, report)| report)
}

/// Checks a PatchOp against the typed model's schemas and against the loaded ones.
fn patch<T: Model>(body: &Value, rules: &Rules) -> Outcome {
    let run = |schemas: ResourceSchemas<'_>| {
        let mut patch: PatchOp = serde_json::from_value(body.clone()).expect("a PatchOp");
        rules
            .patch(&mut patch, schemas)
            .map(|report| (serde_json::to_value(&patch).unwrap(), report))
    };
    let typed = run(T::resource_schemas());
    let loaded = T::loaded();
    assert_eq!(
        typed,
        run(loaded.schemas()),
        "typed and loaded schemas differ"
    );
    typed
}

/// Checks a SearchRequest against the typed model's schemas and against the loaded ones.
fn query<T: Model>(body: &Value, rules: &Rules) -> Result<Report, Error> {
    let request: SearchRequest = serde_json::from_value(body.clone()).expect("a SearchRequest");
    let typed = rules.query(&request, T::resource_schemas());
    let loaded = T::loaded();
    assert_eq!(
        typed,
        rules.query(&request, loaded.schemas()),
        "typed and loaded schemas differ"
    );
    typed
}

fn error_of(outcome: Result<impl std::fmt::Debug, Error>) -> (Option<ScimType>, String) {
    let error = outcome.expect_err("an error");
    (
        error.scim_type().cloned(),
        error.detail().unwrap_or_default().to_owned(),
    )
}

fn ignored(report: &Report) -> Vec<&str> {
    report.ignored().collect()
}

fn ops(operations: Value) -> Value {
    json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": operations})
}

fn search(parameters: Value) -> Value {
    let mut body = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]});
    body.as_object_mut()
        .unwrap()
        .extend(parameters.as_object().unwrap().clone());
    body
}

fn badge(extra: Value) -> Value {
    let mut body = json!({"schemas": [BADGE], "badgeNumber": "B-1"});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    body
}

/// An Entra ID style create request (QUIRKS.md, Microsoft Entra ID item 8): `meta` in the
/// body, and an `id` echoed by the client.
fn entra_create() -> Value {
    json!({
        "schemas": [USER, ENTERPRISE],
        "id": "5d48a0a8-e6d4-4c4f-9c21-6a2a3ee0c2a1",
        "externalId": "3c1f5a4e",
        "userName": "Test_User_3c1f5a4e@contoso.example",
        "active": true,
        "emails": [{"primary": true, "type": "work", "value": "Test_User_3c1f5a4e@contoso.example"}],
        "meta": {"resourceType": "User"},
        "name": {"familyName": "User", "givenName": "Test"},
        ENTERPRISE: {"department": "Sales"}
    })
}

// ---- create (RFC 7644 §3.3) ----

#[test]
fn the_rfc_create_request_is_accepted_unchanged() {
    let body = rfc_example("rfc7644/3.3-create-user-request.json");
    let (kept, report) = create::<User>(&body, &Rules::new()).unwrap();
    assert_eq!(kept, body);
    assert!(report.is_empty());
}

#[test]
fn read_only_attributes_in_a_create_request_are_dropped_and_reported() {
    let (kept, report) = create::<User>(&entra_create(), &Rules::new()).unwrap();
    assert_eq!(ignored(&report), ["id", "meta"]);
    assert!(kept.get("id").is_none() && kept.get("meta").is_none());
    assert_eq!(kept["userName"], "Test_User_3c1f5a4e@contoso.example");
}

#[test]
fn strict_rules_refuse_read_only_attributes_in_a_create_request() {
    let (scim_type, detail) = error_of(create::<User>(&entra_create(), &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(
        detail.starts_with("id: the attribute is readOnly"),
        "{detail}"
    );
}

#[test]
fn read_only_attributes_are_dropped_at_any_depth() {
    let body = json!({
        "schemas": [USER, ENTERPRISE],
        "userName": "bjensen",
        "groups": [{"value": "e9e30dba", "display": "Tour Guides"}],
        ENTERPRISE: {"manager": {"value": "26118915", "displayName": "John Smith"}}
    });
    let (kept, report) = create::<User>(&body, &Rules::new()).unwrap();
    assert_eq!(
        ignored(&report),
        ["groups", &format!("{ENTERPRISE}:manager.displayName")]
    );
    assert_eq!(kept[ENTERPRISE], json!({"manager": {"value": "26118915"}}));
    assert!(kept.get("groups").is_none());
}

#[test]
fn read_only_sub_attributes_of_multi_valued_values_are_named_with_their_index() {
    let body = badge(json!({"doors": [
        {"number": "1"},
        {"number": "2", "opened": "2024-05-01T08:00:00Z"}
    ]}));
    let (kept, report) = create::<Badge>(&body, &Rules::new()).unwrap();
    assert_eq!(ignored(&report), ["doors[1].opened"]);
    assert_eq!(kept["doors"], json!([{"number": "1"}, {"number": "2"}]));
}

#[test]
fn strict_rules_name_a_read_only_extension_sub_attribute_in_urn_notation() {
    let body = json!({
        "schemas": [USER, ENTERPRISE],
        "userName": "bjensen",
        ENTERPRISE: {"manager": {"value": "26118915", "displayName": "John Smith"}}
    });
    let (scim_type, detail) = error_of(create::<User>(&body, &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(
        detail.starts_with(&format!("{ENTERPRISE}:manager.displayName: ")),
        "{detail}"
    );
}

#[test]
fn a_missing_required_attribute_is_invalid_value_naming_it() {
    let body = json!({"schemas": [USER], "displayName": "Babs"});
    let (scim_type, detail) = error_of(create::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(
        detail.starts_with("userName: the attribute is required"),
        "{detail}"
    );
}

#[test]
fn a_group_without_display_name_is_refused() {
    // RFC 7643 §4.2 and erratum 5368: displayName is required.
    let body = json!({"schemas": [GROUP], "members": [{"value": "2819c223"}]});
    let (scim_type, detail) = error_of(create::<Group>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.starts_with("displayName: "), "{detail}");
}

#[test]
fn a_required_sub_attribute_of_a_present_value_is_named_with_its_index() {
    let body = badge(json!({"doors": [{"number": "1"}, {"opened": "2024-05-01T08:00:00Z"}]}));
    // `opened` is readOnly and dropped first; what is left of the value lacks `number`.
    let (scim_type, detail) = error_of(create::<Badge>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.starts_with("doors[1].number: "), "{detail}");
}

#[test]
fn a_required_attribute_of_a_present_extension_is_demanded() {
    let body = badge(json!({CLEARANCE: {"grantedBy": "security"}}));
    let (scim_type, detail) = error_of(create::<Badge>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(
        detail.starts_with(&format!("{CLEARANCE}:level: ")),
        "{detail}"
    );
}

#[test]
fn an_absent_extension_demands_nothing() {
    let (_, report) = create::<Badge>(&badge(json!({})), &Rules::new()).unwrap();
    assert!(report.is_empty());
}

#[test]
fn an_attribute_both_required_and_read_only_is_not_demanded_from_clients() {
    // `issued` is required and readOnly: the service provider assigns it.
    let (kept, _) = create::<Badge>(&badge(json!({})), &Rules::new()).unwrap();
    assert!(kept.get("issued").is_none());
    let body = badge(json!({"issued": "2024-05-01T08:00:00Z"}));
    let (kept, report) = create::<Badge>(&body, &Rules::new()).unwrap();
    assert_eq!(ignored(&report), ["issued"]);
    assert!(kept.get("issued").is_none());
}

#[test]
fn write_only_attributes_may_be_set_in_a_create_request() {
    let body = badge(json!({"pin": "1234"}));
    let (kept, report) = create::<Badge>(&body, &Rules::strict()).unwrap();
    assert_eq!(kept["pin"], "1234");
    assert!(report.is_empty());
}

#[test]
fn the_typed_entry_point_reads_and_checks_a_create_request() {
    let text = entra_create().to_string();
    let checked = request::create::<User>(&text, &Rules::new()).unwrap();
    assert_eq!(checked.value.id, None);
    assert_eq!(ignored(&checked.report), ["id", "meta"]);
    let error = request::create::<User>("{", &Rules::new()).unwrap_err();
    assert_eq!(error.scim_type(), Some(&ScimType::InvalidSyntax));
}

// ---- replace (RFC 7644 §3.5.1) ----

#[test]
fn the_rfc_replace_request_is_accepted_even_by_strict_rules() {
    // The RFC's own PUT repeats `id`: a client "MAY send all attributes", and the value
    // equals the existing one.
    let body = rfc_example("rfc7644/3.5.1-replace-user-request.json");
    let existing = rfc_example("rfc7644/3.4.1-get-user-response.json");
    let (kept, report) = replace::<User>(&body, &existing, &Rules::strict()).unwrap();
    assert_eq!(
        report.notices(),
        [Notice::ReadOnlyEchoed { path: "id".into() }]
    );
    assert!(kept.get("id").is_none());
    assert_eq!(kept["name"]["middleName"], "Jane");
}

#[test]
fn strict_rules_refuse_a_read_only_value_that_differs_from_the_existing_one() {
    let mut body = rfc_example("rfc7644/3.5.1-replace-user-request.json");
    body["id"] = json!("another-id");
    let existing = rfc_example("rfc7644/3.4.1-get-user-response.json");
    let (scim_type, detail) = error_of(replace::<User>(&body, &existing, &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(detail.starts_with("id: "), "{detail}");
    // Lenient rules drop it, as RFC 7644 §3.5.1 says.
    let (kept, report) = replace::<User>(&body, &existing, &Rules::new()).unwrap();
    assert_eq!(
        report.notices(),
        [Notice::ReadOnlyIgnored { path: "id".into() }]
    );
    assert!(kept.get("id").is_none());
}

#[test]
fn a_read_only_sub_attribute_echoed_from_any_existing_value_is_no_error() {
    let existing = badge(json!({"doors": [
        {"number": "1", "opened": "2024-05-01T08:00:00Z"},
        {"number": "2", "opened": "2024-06-01T08:00:00Z"}
    ]}));
    // The client sends the values back in another order.
    let body = badge(json!({"doors": [
        {"number": "2", "opened": "2024-06-01T10:00:00+02:00"},
        {"number": "1", "opened": "2024-05-01T08:00:00Z"}
    ]}));
    let (_, report) = replace::<Badge>(&body, &existing, &Rules::strict()).unwrap();
    assert_eq!(ignored(&report), ["doors[0].opened", "doors[1].opened"]);
}

#[test]
fn changing_an_immutable_attribute_is_a_mutability_error() {
    let existing = badge(json!({"serial": "S-1"}));
    let body = badge(json!({"serial": "S-2"}));
    let (scim_type, detail) = error_of(replace::<Badge>(&body, &existing, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(
        detail.starts_with("serial: the attribute is immutable"),
        "{detail}"
    );
}

#[test]
fn an_immutable_attribute_may_repeat_its_value_in_its_case_rules() {
    // `serial` is not caseExact: `s-1` is the same value.
    let existing = badge(json!({"serial": "S-1"}));
    let body = badge(json!({"serial": "s-1"}));
    let (kept, report) = replace::<Badge>(&body, &existing, &Rules::strict()).unwrap();
    assert_eq!(kept["serial"], "s-1");
    assert!(report.is_empty());
}

#[test]
fn an_immutable_attribute_may_be_set_while_unset() {
    let body = badge(json!({"serial": "S-1"}));
    assert!(replace::<Badge>(&body, &badge(json!({})), &Rules::strict()).is_ok());
    assert!(create::<Badge>(&body, &Rules::strict()).is_ok());
}

#[test]
fn an_omitted_immutable_attribute_is_kept_and_reported() {
    let existing = badge(json!({"serial": "S-1"}));
    let (_, report) = replace::<Badge>(&badge(json!({})), &existing, &Rules::new()).unwrap();
    assert_eq!(
        report.notices(),
        [Notice::ImmutableKept {
            path: "serial".into()
        }]
    );
    let (scim_type, detail) = error_of(replace::<Badge>(
        &badge(json!({})),
        &existing,
        &Rules::strict(),
    ));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(detail.starts_with("serial: "), "{detail}");
}

#[test]
fn a_multi_valued_immutable_attribute_compares_its_values_in_any_order() {
    let existing = badge(json!({"tags": ["red", "blue"]}));
    let same = badge(json!({"tags": ["blue", "red"]}));
    assert!(replace::<Badge>(&same, &existing, &Rules::strict()).is_ok());
    let other = badge(json!({"tags": ["blue", "green"]}));
    let (scim_type, detail) = error_of(replace::<Badge>(&other, &existing, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(detail.starts_with("tags: "), "{detail}");
}

#[test]
fn an_immutable_sub_attribute_of_a_single_valued_attribute_is_compared() {
    let existing = badge(json!({"holder": {"employee": "E-1", "name": "Babs"}}));
    let renamed = badge(json!({"holder": {"employee": "E-1", "name": "Barbara"}}));
    assert!(replace::<Badge>(&renamed, &existing, &Rules::strict()).is_ok());
    // `employee` is caseExact: `e-1` differs.
    let changed = badge(json!({"holder": {"employee": "e-1"}}));
    let (scim_type, detail) = error_of(replace::<Badge>(&changed, &existing, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(detail.starts_with("holder.employee: "), "{detail}");
    let (_, report) = replace::<Badge>(&badge(json!({})), &existing, &Rules::new()).unwrap();
    assert_eq!(
        report.notices(),
        [Notice::ImmutableKept {
            path: "holder.employee".into()
        }]
    );
}

#[test]
fn immutable_sub_attributes_of_multi_valued_values_do_not_stop_a_new_list() {
    // RFC 7643 §4.2: members may be added and removed; their sub-attributes are immutable.
    // A replaced list reads as values removed and values added.
    let existing = rfc_example("rfc7644/3.7.2-get-group-response.json");
    let body = json!({
        "schemas": [GROUP],
        "displayName": "Tour Guides",
        "members": [{"value": "2819c223-7f76-453a-919d-413861904646", "type": "User"}]
    });
    let (kept, report) = replace::<Group>(&body, &existing, &Rules::strict()).unwrap();
    assert_eq!(kept, body);
    assert!(report.is_empty());
}

#[test]
fn a_replace_request_must_carry_the_required_attributes() {
    let existing = rfc_example("rfc7644/3.4.1-get-user-response.json");
    let body = json!({"schemas": [USER], "id": "2819c223-7f76-453a-919d-413861904646"});
    let (scim_type, detail) = error_of(replace::<User>(&body, &existing, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.starts_with("userName: "), "{detail}");
}

#[test]
fn a_replace_without_the_existing_resource_does_not_compare_immutable_attributes() {
    let body = badge(json!({"serial": "S-2"}));
    let (_, report) = both::<Badge>(&body, |resource, schemas| {
        Rules::strict().replace_without_existing(resource, schemas)
    })
    .unwrap();
    assert!(report.is_empty());
}

#[test]
fn a_generic_request_is_checked_against_a_typed_existing_resource() {
    let existing: Badge = serde_json::from_value(badge(json!({"serial": "S-1"}))).unwrap();
    let loaded = Badge::loaded();
    let mut body =
        GenericResource::from_json(badge(json!({"serial": "S-2"})), loaded.schemas()).unwrap();
    let error = Rules::new()
        .replace(&mut body, &existing, Badge::resource_schemas())
        .unwrap_err();
    assert_eq!(error.scim_type(), Some(&ScimType::Mutability));
}

// ---- PATCH (RFC 7644 §3.5.2) ----

#[test]
fn every_rfc_patch_example_is_accepted() {
    for file in [
        "rfc7644/3.5.2.1-add-attributes-without-path.json",
        "rfc7644/3.5.2.2-remove-email-by-filter.json",
        "rfc7644/3.5.2.3-replace-attributes-without-path.json",
        "rfc7644/3.5.2.3-replace-street-address.json",
        "rfc7644/3.5.2.3-replace-work-address.json",
    ] {
        let body = rfc_example(file);
        let (kept, report) = patch::<User>(&body, &Rules::strict())
            .unwrap_or_else(|error| panic!("{file}: {error}"));
        assert!(report.is_empty(), "{file}");
        assert_eq!(kept, body, "{file}");
    }
    let body = rfc_example("rfc7644/3.5.2.2-remove-all-members.json");
    assert!(patch::<Group>(&body, &Rules::strict()).is_ok());
}

#[test]
fn a_path_naming_no_attribute_is_invalid_path() {
    for path in [
        "nickNam",
        "name.middle",
        "urn:example:Other:level",
        "userName.x",
    ] {
        let body = ops(json!([{"op": "replace", "path": path, "value": "x"}]));
        let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
        assert_eq!(scim_type, Some(ScimType::InvalidPath), "{path}");
        assert!(detail.starts_with("Operations[0].path: "), "{detail}");
    }
}

#[test]
fn a_path_longer_than_the_filter_limit_is_invalid_path() {
    let value = "x".repeat(scim::filter::MAX_LEN);
    let path = format!("emails[value eq \"{value}\"]");
    let body = ops(json!([{"op": "remove", "path": path}]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidPath));
    assert_eq!(
        detail,
        "Operations[0].path: the path is longer than 4096 characters"
    );
}

#[test]
fn a_path_outside_figure_7_is_invalid_path() {
    let body = ops(json!([{"op": "remove", "path": "emails[type eq \"work\"]value"}]));
    let (scim_type, _) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidPath));
}

#[test]
fn a_path_filter_that_does_not_parse_is_invalid_filter() {
    let body = ops(json!([{"op": "remove", "path": "emails[type eq]"}]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidFilter));
    assert_eq!(
        detail,
        "Operations[0].path: value filter `type eq`: at 8: expected a comparison value (false, null, true, a number or a string), found the end"
    );
}

/// A PATCH path's value filter is held to the rules of a query's filter: a comparison
/// the sub-attribute's type does not support is `invalidFilter` (RFC 7644 Table 9,
/// "PATCH (Path Filter)": "the specified attribute and filter comparison combination is
/// not supported"), whatever the operation.
#[test]
fn a_path_filter_the_attribute_types_do_not_support_is_invalid_filter() {
    for (op, path, problem) in [
        (
            "remove",
            "emails[primary gt true]",
            "value filter `primary gt true`: emails.primary: `gt` is not defined on a boolean \
             attribute: RFC 7644 §3.4.2.2 (Table 3) makes gt, ge, lt and le on boolean and \
             binary attributes invalidFilter",
        ),
        (
            "replace",
            "emails[type eq 5].display",
            "value filter `type eq 5`: emails.type: a string attribute is compared with a \
             string, not a number (RFC 7643 §2.3)",
        ),
        (
            "add",
            "x509Certificates[value lt \"AAAA\"]",
            "value filter `value lt \"AAAA\"`: x509Certificates.value: `lt` is not defined \
             on a binary attribute: RFC 7644 §3.4.2.2 (Table 3) makes gt, ge, lt and le on \
             boolean and binary attributes invalidFilter",
        ),
    ] {
        let body = ops(json!([{"op": op, "path": path, "value": {"display": "x"}}]));
        let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
        assert_eq!(scim_type, Some(ScimType::InvalidFilter), "{path}");
        assert_eq!(detail, format!("Operations[0].path: {problem}"), "{path}");
    }
    // Filters that fit are accepted, as before; so is a list of simple values filtered
    // on `value` (the need RFC 7644 errata 7122 describes), which a query cannot do.
    let body =
        ops(json!([{"op": "remove", "path": "emails[type eq \"work\" and primary eq true]"}]));
    assert!(patch::<User>(&body, &Rules::new()).is_ok());
    let body = ops(json!([{"op": "add", "path": "tags[value eq \"blue\"]", "value": "red"}]));
    assert!(patch::<Badge>(&body, &Rules::new()).is_ok());
    // Its `value` is held to the type of the list's values.
    let body = ops(json!([{"op": "add", "path": "tags[value gt true]", "value": "red"}]));
    let (scim_type, detail) = error_of(patch::<Badge>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidFilter));
    assert_eq!(
        detail,
        "Operations[0].path: value filter `value gt true`: tags.value: a string attribute is \
         compared with a string, not a boolean (RFC 7643 §2.3)"
    );
}

#[test]
fn a_path_naming_a_read_only_attribute_is_a_mutability_error() {
    for path in [
        "id",
        "groups",
        "meta.lastModified",
        "groups[value eq \"e9e30dba\"].display",
        &format!("{ENTERPRISE}:manager.displayName"),
    ] {
        let body = ops(json!([{"op": "add", "path": path, "value": "x"}]));
        let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
        assert_eq!(scim_type, Some(ScimType::Mutability), "{path}");
        assert!(detail.starts_with("Operations[0].path: "), "{detail}");
    }
}

#[test]
fn replacing_or_removing_an_immutable_sub_attribute_is_a_mutability_error() {
    for op in ["replace", "remove"] {
        let body = ops(json!([{
            "op": op,
            "path": "members[value eq \"2819c223\"].value",
            "value": "902c246b"
        }]));
        let (scim_type, _) = error_of(patch::<Group>(&body, &Rules::new()));
        assert_eq!(scim_type, Some(ScimType::Mutability), "{op}");
    }
}

#[test]
fn an_immutable_attribute_may_be_added() {
    // "a client MAY add a value to an immutable attribute if the attribute had no
    // previous value" (RFC 7644 §3.5.2): only the code applying the patch can tell.
    let body = ops(json!([{"op": "add", "path": "serial", "value": "S-1"}]));
    assert!(patch::<Badge>(&body, &Rules::strict()).is_ok());
    let body = ops(json!([{"op": "replace", "path": "serial", "value": "S-1"}]));
    let (scim_type, detail) = error_of(patch::<Badge>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(
        detail.starts_with("Operations[0].path: `serial` is immutable"),
        "{detail}"
    );
}

#[test]
fn whole_values_with_immutable_sub_attributes_may_be_removed_and_replaced() {
    let body = ops(json!([
        {"op": "remove", "path": "members[value eq \"2819c223\"]"},
        {"op": "replace", "path": "members[value eq \"902c246b\"]", "value": {"value": "08e1d05d"}},
        {"op": "add", "path": "members", "value": [{"value": "2819c223", "type": "User"}]}
    ]));
    assert!(patch::<Group>(&body, &Rules::strict()).is_ok());
}

#[test]
fn a_replace_of_a_single_valued_value_cannot_change_its_immutable_sub_attributes() {
    let body = ops(json!([{"op": "replace", "path": "holder", "value": {"employee": "E-2"}}]));
    let (scim_type, detail) = error_of(patch::<Badge>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(
        detail.starts_with("Operations[0].value.employee: "),
        "{detail}"
    );
}

#[test]
fn remove_without_a_path_is_no_target() {
    let body = ops(json!([{"op": "remove"}]));
    let (scim_type, detail) = error_of(patch::<Group>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::NoTarget));
    assert!(detail.starts_with("Operations[0].path: "), "{detail}");
}

#[test]
fn removing_a_required_attribute_is_a_mutability_error() {
    let body = ops(json!([{"op": "remove", "path": "userName"}]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(detail.contains("`userName` is required"), "{detail}");
    let body = ops(json!([{"op": "remove", "path": "doors[number eq \"1\"].number"}]));
    let (scim_type, _) = error_of(patch::<Badge>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
}

#[test]
fn a_value_that_would_unassign_a_required_attribute_is_a_mutability_error() {
    let body = ops(json!([{"op": "replace", "value": {"userName": null}}]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(
        detail.starts_with("Operations[0].value.userName: "),
        "{detail}"
    );
}

#[test]
fn add_and_replace_need_a_value() {
    for op in ["add", "replace"] {
        let body = ops(json!([{"op": op, "path": "nickName"}]));
        let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
        assert_eq!(scim_type, Some(ScimType::InvalidValue), "{op}");
        assert!(detail.starts_with("Operations[0].value: "), "{detail}");
    }
}

#[test]
fn a_value_of_the_wrong_type_is_invalid_value_naming_where_in_the_value() {
    let body = ops(json!([
        {"op": "add", "path": "emails", "value": [{"value": "babs@jensen.org", "primary": "yes"}]}
    ]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(
        detail.starts_with("Operations[0].value[0].primary: "),
        "{detail}"
    );
    let body = ops(json!([{"op": "replace", "path": "active", "value": "False"}]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(
        detail.starts_with("Operations[0].value: expected a boolean"),
        "{detail}"
    );
}

#[test]
fn a_multi_valued_attribute_takes_one_value_or_an_array() {
    let body = ops(json!([
        {"op": "add", "path": "emails", "value": {"value": "babs@jensen.org", "type": "home"}},
        {"op": "add", "path": "emails", "value": [{"value": "bjensen@example.com"}]}
    ]));
    assert!(patch::<User>(&body, &Rules::strict()).is_ok());
}

#[test]
fn an_operation_outside_the_rfc_is_invalid_value() {
    let body = ops(json!([{"op": "move", "path": "nickName"}]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.starts_with("Operations[0].op: `move`"), "{detail}");
}

#[test]
fn a_patch_without_operations_is_invalid_value() {
    let (scim_type, _) = error_of(patch::<User>(&ops(json!([])), &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
}

#[test]
fn an_echoed_id_in_a_path_less_replace_is_dropped() {
    // QUIRKS.md, Okta item 2: `id` echoed in a path-less replace that renames a group.
    let body = ops(json!([{
        "op": "replace",
        "value": {"id": "e9e30dba-f08f-4109-8486-d5c6a331660a", "displayName": "Guides"}
    }]));
    let (kept, report) = patch::<Group>(&body, &Rules::new()).unwrap();
    assert_eq!(ignored(&report), ["Operations[0].value.id"]);
    assert_eq!(
        kept["Operations"][0]["value"],
        json!({"displayName": "Guides"})
    );
    let (scim_type, detail) = error_of(patch::<Group>(&body, &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::Mutability));
    assert!(detail.starts_with("Operations[0].value.id: "), "{detail}");
}

#[test]
fn read_only_sub_attributes_in_a_value_are_dropped() {
    let body = ops(json!([{
        "op": "replace",
        "path": format!("{ENTERPRISE}:manager"),
        "value": {"value": "26118915", "displayName": "John Smith"}
    }]));
    let (kept, report) = patch::<User>(&body, &Rules::new()).unwrap();
    assert_eq!(ignored(&report), ["Operations[0].value.displayName"]);
    assert_eq!(kept["Operations"][0]["value"], json!({"value": "26118915"}));
}

#[test]
fn path_less_values_may_be_keyed_by_attribute_paths() {
    // QUIRKS.md, Microsoft Entra ID item 4.
    let body = ops(json!([{
        "op": "replace",
        "value": {"name.givenName": "K", format!("{ENTERPRISE}:employeeNumber"): "A"}
    }]));
    assert!(patch::<User>(&body, &Rules::strict()).is_ok());
    let body = ops(json!([{"op": "replace", "value": {"name.givenName": 7}}]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(
        detail.starts_with("Operations[0].value.name.givenName: "),
        "{detail}"
    );
}

#[test]
fn an_extension_object_in_a_path_less_value_is_checked_member_by_member() {
    let body = ops(json!([{
        "op": "add",
        "value": {ENTERPRISE: {"employeeNumber": 701984}}
    }]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(
        detail.starts_with(&format!(
            "Operations[0].value.{ENTERPRISE}:employeeNumber: "
        )),
        "{detail}"
    );
}

#[test]
fn client_quirks_that_follow_the_rfc_are_accepted() {
    let body = ops(json!([
        // Okta item 4: an empty group push.
        {"op": "replace", "path": "members", "value": []},
        // Entra ID item 3: remove members by value.
        {"op": "Remove", "path": "members", "value": [{"$ref": null, "value": "2819c223"}]},
        // Okta item 3: members added without `type`.
        {"op": "add", "path": "members", "value": [{"value": "902c246b"}]}
    ]));
    assert!(patch::<Group>(&body, &Rules::strict()).is_ok());
}

#[test]
fn a_scalar_for_a_complex_attribute_is_invalid_value() {
    // QUIRKS.md, Microsoft Entra ID item 6: the RFC reading refuses it.
    let body = ops(json!([{"op": "Add", "path": format!("{ENTERPRISE}:manager"), "value": "271"}]));
    let (scim_type, detail) = error_of(patch::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(
        detail.starts_with("Operations[0].value: expected a JSON object"),
        "{detail}"
    );
}

#[test]
fn an_unknown_name_in_a_path_filter_is_reported_or_refused_when_strict() {
    let body = ops(json!([{"op": "remove", "path": "emails[kind eq \"work\"]"}]));
    let (_, report) = patch::<User>(&body, &Rules::new()).unwrap();
    assert_eq!(
        report.notices(),
        [Notice::UnknownAttribute {
            parameter: "Operations[0].path".into(),
            path: "kind".into()
        }]
    );
    let (scim_type, _) = error_of(patch::<User>(&body, &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::InvalidFilter));
}

#[test]
fn the_typed_entry_point_reads_and_checks_a_patch() {
    let text = rfc_example("rfc7644/3.5.2.3-replace-street-address.json").to_string();
    let checked = request::patch::<User>(&text, &Rules::new()).unwrap();
    assert_eq!(checked.value.operations.len(), 1);
}

// ---- query (RFC 7644 §3.4.2, §3.4.3) ----

#[test]
fn the_rfc_search_request_is_accepted() {
    let body = rfc_example("rfc7644/3.4.3-search-request.json");
    assert!(query::<User>(&body, &Rules::strict()).unwrap().is_empty());
}

#[test]
fn a_filter_that_does_not_parse_is_invalid_filter() {
    let body = search(json!({"filter": "userName eq"}));
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidFilter));
    assert!(detail.starts_with("filter: at 12: "), "{detail}");
}

#[test]
fn an_unknown_attribute_in_a_filter_is_reported_or_refused_when_strict() {
    let body = search(json!({"filter": "nickname pr or emails[kind eq \"work\"]"}));
    let report = query::<User>(&body, &Rules::new()).unwrap();
    let unknown: Vec<_> = report.notices().iter().filter_map(Notice::path).collect();
    assert_eq!(unknown, ["kind"]);
    let body = search(json!({"filter": "title pr and favouriteColour eq \"green\""}));
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::InvalidFilter));
    assert!(detail.starts_with("filter: `favouriteColour`"), "{detail}");
}

#[test]
fn a_filter_that_does_not_fit_the_attribute_types_is_invalid_filter() {
    for (filter, problem) in [
        ("active gt true", "boolean"),
        (r#"active eq "yes""#, "boolean"),
        (r#"password sw "t""#, "never returned"),
    ] {
        let body = search(json!({ "filter": filter }));
        let (scim_type, detail) = error_of(query::<User>(&body, &Rules::new()));
        assert_eq!(scim_type, Some(ScimType::InvalidFilter), "{filter}");
        assert!(detail.starts_with("filter: "), "{detail}");
        assert!(detail.contains(problem), "{filter}: {detail}");
    }
}

#[test]
fn sorting_by_a_value_never_returned_is_invalid_value() {
    let body = search(json!({"sortBy": "password"}));
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.contains("never returned"), "{detail}");
}

#[test]
fn attributes_and_excluded_attributes_together_are_invalid_value() {
    let body = search(json!({"attributes": ["userName"], "excludedAttributes": ["emails"]}));
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.contains("mutually exclusive"), "{detail}");
}

#[test]
fn projection_lists_longer_than_the_bound_are_invalid_value() {
    let paths = |count: usize| vec![json!("userName"); count];
    let within = search(json!({"attributes": paths(Projection::MAX_PATHS)}));
    assert!(query::<User>(&within, &Rules::new()).is_ok());
    let beyond = search(json!({"excludedAttributes": paths(Projection::MAX_PATHS + 1)}));
    let (scim_type, detail) = error_of(query::<User>(&beyond, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert_eq!(
        detail,
        "excludedAttributes: 1001 paths are listed; at most 1000 are accepted"
    );
}

#[test]
fn projection_paths_may_be_urn_qualified_or_name_a_whole_extension() {
    let body = search(json!({"attributes": [
        "USERNAME",
        "name.familyName",
        format!("{USER}:emails.value"),
        ENTERPRISE,
        format!("{ENTERPRISE}:manager.value")
    ]}));
    assert!(query::<User>(&body, &Rules::strict()).unwrap().is_empty());
}

#[test]
fn an_unknown_projection_path_is_reported_or_refused_when_strict() {
    let body = search(json!({"excludedAttributes": ["pasword"]}));
    let report = query::<User>(&body, &Rules::new()).unwrap();
    assert_eq!(
        report.notices(),
        [Notice::UnknownAttribute {
            parameter: "excludedAttributes".into(),
            path: "pasword".into()
        }]
    );
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(
        detail.starts_with("excludedAttributes: `pasword`"),
        "{detail}"
    );
}

#[test]
fn a_projection_path_outside_attribute_notation_is_invalid_value() {
    let body = search(json!({"attributes": ["userName", "emails[type eq \"work\"]"]}));
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.starts_with("attributes[1]: "), "{detail}");
}

#[test]
fn a_projection_path_longer_than_the_filter_limit_is_invalid_value() {
    let long = format!("urn:example:{}:userName", "x".repeat(scim::filter::MAX_LEN));
    let body = search(json!({"excludedAttributes": [long]}));
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert_eq!(
        detail,
        "excludedAttributes[0]: the path is longer than 4096 characters"
    );
}

#[test]
fn sort_by_names_a_simple_attribute_or_a_sub_attribute() {
    let body = search(json!({"sortBy": "name.givenName", "sortOrder": "DESCENDING"}));
    assert!(query::<User>(&body, &Rules::strict()).is_ok());
    let body = search(json!({"sortBy": "name"}));
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.starts_with("sortBy: `name` is complex"), "{detail}");
    // A multi-valued complex attribute sorts by the value of its primary value, as
    // `scim::sort::Sort` does (§3.4.2.3).
    let body = search(json!({"sortBy": "emails"}));
    assert!(query::<User>(&body, &Rules::strict()).is_ok());
    let body = search(json!({"sortBy": "shoeSize"}));
    assert_eq!(
        query::<User>(&body, &Rules::new()).unwrap().notices().len(),
        1
    );
}

#[test]
fn a_sort_order_outside_the_rfc_is_invalid_value() {
    let body = search(json!({"sortBy": "userName", "sortOrder": "upwards"}));
    let (scim_type, detail) = error_of(query::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.starts_with("sortOrder: "), "{detail}");
}

#[test]
fn a_negative_count_reads_as_zero_or_is_refused_when_strict() {
    let body = search(json!({"count": -5}));
    let report = query::<Group>(&body, &Rules::new()).unwrap();
    assert_eq!(report.notices(), [Notice::NegativeCount { count: -5 }]);
    let (scim_type, detail) = error_of(query::<Group>(&body, &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::InvalidCount));
    assert!(detail.starts_with("count: "), "{detail}");
}

#[test]
fn a_start_index_below_one_reads_as_one_or_is_refused_when_strict() {
    let body = search(json!({"startIndex": 0}));
    let report = query::<Group>(&body, &Rules::new()).unwrap();
    assert_eq!(
        report.notices(),
        [Notice::StartIndexBelowOne { start_index: 0 }]
    );
    let (scim_type, detail) = error_of(query::<Group>(&body, &Rules::strict()));
    assert_eq!(scim_type, Some(ScimType::InvalidValue));
    assert!(detail.starts_with("startIndex: "), "{detail}");
}

#[test]
fn a_cursor_outside_the_unreserved_characters_is_invalid_cursor() {
    let body = search(json!({"cursor": "VZUTiy/w2"}));
    let (scim_type, _) = error_of(query::<User>(&body, &Rules::new()));
    assert_eq!(scim_type, Some(ScimType::InvalidCursor));
    let body = search(json!({"cursor": "VZUTiyw2~.-_"}));
    assert!(query::<User>(&body, &Rules::strict()).is_ok());
}

// ---- response (RFC 7643 §7 `returned`) ----

#[test]
fn the_rfc_responses_pass() {
    for file in [
        "rfc7644/3.3-create-user-response.json",
        "rfc7644/3.4.1-get-user-response.json",
        "rfc7644/3.5.1-replace-user-response.json",
    ] {
        let report = response::<User>(&rfc_example(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(report.is_empty(), "{file}");
    }
    for file in [
        "rfc7643/8.4-group.json",
        "rfc7644/3.7.2-get-group-response.json",
    ] {
        assert!(response::<Group>(&rfc_example(file)).is_ok(), "{file}");
    }
}

#[test]
fn the_rfc_full_user_examples_are_not_responses() {
    // RFC 7643 §8.2 and §8.3 show every attribute, `password` included; a service
    // provider must never return it (RFC 7643 §4.1.1).
    for file in [
        "rfc7643/8.2-full-user.json",
        "rfc7643/8.3-enterprise-user.json",
    ] {
        let error = response::<User>(&rfc_example(file)).unwrap_err();
        assert!(error.detail().unwrap().starts_with("password: "), "{file}");
    }
}

#[test]
fn a_response_carrying_a_password_is_an_error() {
    let mut body = rfc_example("rfc7644/3.4.1-get-user-response.json");
    body["password"] = json!("t1meMa$heen");
    let error = response::<User>(&body).unwrap_err();
    assert_eq!(error.status(), 500);
    assert!(error
        .detail()
        .unwrap()
        .starts_with("password: the attribute is writeOnly"));
}

#[test]
fn a_response_carrying_a_write_only_value_of_a_hand_written_model_is_an_error() {
    let body = badge(json!({"id": "b1", "pin": "1234"}));
    let error = response::<Badge>(&body).unwrap_err();
    assert!(error.detail().unwrap().starts_with("pin: "));
}

#[test]
fn a_response_without_id_is_an_error() {
    let mut body = rfc_example("rfc7644/3.4.1-get-user-response.json");
    body.as_object_mut().unwrap().remove("id");
    let error = response::<User>(&body).unwrap_err();
    assert_eq!(error.status(), 500);
    assert!(error
        .detail()
        .unwrap()
        .starts_with("id: the attribute is returned always"));
}

#[test]
fn the_service_provider_configuration_needs_no_id() {
    // RFC 7643 §5: "the id attribute is not required for the service provider
    // configuration resource"; the RFC's example has none.
    let body = rfc_example("rfc7643/8.5-service-provider-config.json");
    assert!(response::<ServiceProviderConfig>(&body).unwrap().is_empty());
}

#[test]
fn a_resource_type_is_read_by_its_own_id_definition() {
    // The ResourceType schema (RFC 7643 §6, §8.7.2) defines its own optional `id`,
    // which stands for the common one.
    for file in [
        "rfc7643/8.6-resource-type-user.json",
        "rfc7643/8.6-resource-type-group.json",
    ] {
        let mut body = rfc_example(file);
        assert!(response::<ResourceType>(&body).is_ok(), "{file}");
        body.as_object_mut().unwrap().remove("id");
        assert!(response::<ResourceType>(&body).is_ok(), "{file}");
    }
}

/// A model whose readOnly field is not an `Option`: the rules cannot unassign it.
#[derive(Clone, Debug, Default, PartialEq, Resource)]
#[scim(schema = "urn:example:params:scim:schemas:core:2.0:Plain")]
struct Plain {
    #[scim(mutability = "readOnly")]
    level: String,
}

#[test]
fn a_read_only_value_a_typed_model_cannot_unassign_is_refused() {
    // Typed only: a generic resource can always unassign a value.
    let mut plain = Plain {
        level: "gold".to_owned(),
    };
    let error = Rules::new()
        .create(&mut plain, Plain::resource_schemas())
        .unwrap_err();
    assert_eq!(error.scim_type(), Some(&ScimType::Mutability));
    assert!(error.detail().unwrap().starts_with("level: "));
}
