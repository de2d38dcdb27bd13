//! The schema loader as a user sees it: RFC 7643 §7 Schema and §6 ResourceType
//! documents in, a checked model or every problem with its place out.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use scim::schema::{
    Attribute, AttributeType, Diagnostic, LoadError, Loader, Location, Mutability, Origin,
    ResourceType, Returned, Schema, SchemaExtension, SchemaSet, Uniqueness,
};

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE_USER: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";
const RESOURCE_TYPE: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const TEST: &str = "urn:example:Test";
const OTHER: &str = "urn:example:Other";

// ---------------------------------------------------------------------------------
// Helpers

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema_loader")
}

fn rfc_schemas() -> SchemaSet {
    match Loader::new().add_path(fixtures().join("rfc7643")).load() {
        Ok(set) => set,
        Err(error) => panic!("the RFC 7643 schemas should load:\n{error}"),
    }
}

fn load(text: &str) -> Result<SchemaSet, LoadError> {
    Loader::new().add_str("test.json", text).load()
}

fn loaded(text: &str) -> SchemaSet {
    match load(text) {
        Ok(set) => set,
        Err(error) => panic!("should load:\n{error}\n--- input:\n{text}"),
    }
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    match load(text) {
        Ok(set) => panic!("should fail, loaded {set:#?}\n--- input:\n{text}"),
        Err(error) => error.into_diagnostics(),
    }
}

fn only_diagnostic(text: &str) -> Diagnostic {
    let mut all = diagnostics(text);
    assert_eq!(all.len(), 1, "expected one diagnostic, got {all:#?}");
    all.remove(0)
}

/// A schema `urn:example:Test` with the given attribute definitions.
fn schema_with(attributes: &str) -> String {
    format!("{{\n\"id\": \"{TEST}\",\n\"attributes\": [\n{attributes}\n]\n}}")
}

/// The line and column (in characters) of the first occurrence of `needle`,
/// computed independently of the loader.
fn at(text: &str, needle: &str) -> Location {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Location::new(line as u32, column as u32)
}

fn assert_diagnostic(
    diagnostic: &Diagnostic,
    location: Location,
    schema: Option<&str>,
    path: &str,
    message_part: &str,
) {
    assert_eq!(diagnostic.location, Some(location), "{diagnostic}");
    assert_eq!(diagnostic.schema.as_deref(), schema, "{diagnostic}");
    assert_eq!(diagnostic.path, path, "{diagnostic}");
    assert!(
        diagnostic.message.contains(message_part),
        "{diagnostic}\nshould contain {message_part:?}"
    );
}

fn attribute<'a>(schema: &'a Schema, path: &str) -> &'a Attribute {
    let mut parts = path.split('.');
    let first = parts.next().unwrap_or_default();
    let mut current = schema
        .attribute(first)
        .unwrap_or_else(|| panic!("{} has no {first}", schema.id));
    for part in parts {
        current = current
            .sub_attribute(part)
            .unwrap_or_else(|| panic!("{} has no {path}", schema.id));
    }
    current
}

fn strings<'a>(list: &'a [Cow<'static, str>]) -> Vec<&'a str> {
    list.iter().map(|text| text.as_ref()).collect()
}

/// A scratch directory for tests that need real files; removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("scim-schema-loader-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the scratch directory");
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write a scratch file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------------
// The RFC 7643 §8.7 schemas

#[test]
fn rfc_schemas_load_in_path_order() {
    let set = rfc_schemas();
    let ids: Vec<&str> = set.schemas().iter().map(|s| s.id.as_ref()).collect();
    assert_eq!(
        ids,
        [
            ENTERPRISE_USER,
            GROUP,
            RESOURCE_TYPE,
            SCHEMA,
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
            USER,
        ]
    );
    assert!(set.resource_types().is_empty());
}

#[test]
fn rfc_user_has_its_21_attributes_in_schema_order() {
    let set = rfc_schemas();
    let user = set.schema(USER).expect("User");
    assert_eq!(user.name.as_deref(), Some("User"));
    assert_eq!(user.description.as_deref(), Some("User Account"));
    assert_eq!(user.attributes.len(), 21);
    assert_eq!(user.attributes[0].name, "userName");
    assert_eq!(user.attributes[20].name, "x509Certificates");
}

#[test]
fn rfc_user_name_is_required_case_insensitive_and_server_unique() {
    let set = rfc_schemas();
    let user_name = attribute(set.schema(USER).expect("User"), "userName");
    assert_eq!(user_name.kind, AttributeType::String);
    assert!(user_name.required);
    assert!(!user_name.case_exact);
    assert!(!user_name.multi_valued);
    assert_eq!(user_name.mutability, Mutability::ReadWrite);
    assert_eq!(user_name.returned, Returned::Default);
    assert_eq!(user_name.uniqueness, Uniqueness::Server);
}

#[test]
fn rfc_password_is_write_only_and_never_returned() {
    let set = rfc_schemas();
    let password = attribute(set.schema(USER).expect("User"), "password");
    assert_eq!(password.mutability, Mutability::WriteOnly);
    assert_eq!(password.returned, Returned::Never);
}

#[test]
fn rfc_groups_is_read_only_multi_valued_complex() {
    let set = rfc_schemas();
    let user = set.schema(USER).expect("User");
    let groups = attribute(user, "groups");
    assert_eq!(groups.kind, AttributeType::Complex);
    assert!(groups.multi_valued);
    assert_eq!(groups.mutability, Mutability::ReadOnly);
    let reference = attribute(user, "groups.$ref");
    assert_eq!(reference.kind, AttributeType::Reference);
    assert_eq!(strings(&reference.reference_types), ["User", "Group"]);
    assert_eq!(
        strings(&attribute(user, "groups.type").canonical_values),
        ["direct", "indirect"]
    );
}

#[test]
fn rfc_emails_is_multi_valued_complex_with_canonical_type_values() {
    let set = rfc_schemas();
    let user = set.schema(USER).expect("User");
    let emails = attribute(user, "emails");
    assert_eq!(emails.kind, AttributeType::Complex);
    assert!(emails.multi_valued);
    let names: Vec<&str> = emails
        .sub_attributes
        .iter()
        .map(|a| a.name.as_ref())
        .collect();
    assert_eq!(names, ["value", "display", "type", "primary"]);
    assert_eq!(
        strings(&attribute(user, "emails.type").canonical_values),
        ["work", "home", "other"]
    );
    assert_eq!(
        attribute(user, "emails.primary").kind,
        AttributeType::Boolean
    );
}

#[test]
fn rfc_name_sub_attributes_have_the_defaults_they_spell_out() {
    let set = rfc_schemas();
    let given_name = attribute(set.schema(USER).expect("User"), "name.givenName");
    assert_eq!(given_name.kind, AttributeType::String);
    assert!(!given_name.required);
    assert_eq!(given_name.uniqueness, Uniqueness::None);
}

#[test]
fn rfc_group_members_reference_users_and_groups_immutably() {
    let set = rfc_schemas();
    let group = set.schema(GROUP).expect("Group");
    let members = attribute(group, "members");
    assert!(members.multi_valued);
    let value = attribute(group, "members.value");
    assert_eq!(value.mutability, Mutability::Immutable);
    assert_eq!(
        strings(&attribute(group, "members.$ref").reference_types),
        ["User", "Group"]
    );
}

#[test]
fn rfc_enterprise_manager_is_a_complex_attribute_with_a_reference() {
    let set = rfc_schemas();
    let enterprise = set.schema(ENTERPRISE_USER).expect("Enterprise User");
    let manager = attribute(enterprise, "manager");
    assert_eq!(manager.kind, AttributeType::Complex);
    let display = attribute(enterprise, "manager.displayName");
    assert_eq!(display.mutability, Mutability::ReadOnly);
    assert_eq!(
        strings(&attribute(enterprise, "manager.$ref").reference_types),
        ["User"]
    );
}

#[test]
fn rfc_schema_schema_nests_complex_sub_attributes() {
    let set = rfc_schemas();
    let nested = attribute(
        set.schema(SCHEMA).expect("Schema"),
        "attributes.subAttributes",
    );
    assert_eq!(nested.kind, AttributeType::Complex);
    assert!(nested.sub_attribute("canonicalValues").is_some());
}

#[test]
fn rfc_schemas_round_trip_through_to_json() {
    let original = rfc_schemas();
    for schema in original.schemas() {
        let text = schema.to_json().to_string();
        let again = loaded(&text);
        assert_eq!(
            again.schemas(),
            std::slice::from_ref(schema),
            "{}",
            schema.id
        );
    }
}

#[test]
fn to_json_names_the_schema_schema_in_schemas() {
    let set = rfc_schemas();
    let json = set.schema(USER).expect("User").to_json();
    assert_eq!(json["schemas"], serde_json::json!([SCHEMA]));
    assert_eq!(json["id"], USER);
    assert_eq!(json["attributes"][0]["uniqueness"], "server");
    assert_eq!(json["attributes"][0]["caseExact"], false);
}

#[test]
fn resource_types_round_trip_through_to_json() {
    let user = ResourceType {
        id: Some("User".into()),
        name: "User".into(),
        description: Some("User Account".into()),
        endpoint: "/Users".into(),
        schema: USER.into(),
        schema_extensions: Cow::Owned(vec![SchemaExtension {
            schema: ENTERPRISE_USER.into(),
            required: true,
        }]),
    };
    let group = ResourceType {
        id: None,
        name: "Group".into(),
        description: None,
        endpoint: "/Groups".into(),
        schema: GROUP.into(),
        schema_extensions: Cow::Borrowed(&[]),
    };
    let mut loader = Loader::new();
    loader.add_path(fixtures().join("rfc7643"));
    loader.add_str("user.json", &user.to_json().to_string());
    loader.add_str("group.json", &group.to_json().to_string());
    let set = loader.load().expect("loads");
    assert_eq!(set.resource_types(), [user, group]);
}

// ---------------------------------------------------------------------------------
// Many problems at once

#[test]
fn five_mistakes_give_exactly_five_diagnostics_with_their_places() {
    let file = fixtures().join("five_mistakes/Mistakes.json");
    let error = Loader::new().add_path(&file).load().unwrap_err();
    let urn = Some("urn:example:params:scim:schemas:Mistakes");
    let all = error.diagnostics();
    assert_eq!(all.len(), 5, "{error}");
    for diagnostic in all {
        assert_eq!(diagnostic.file, file.display().to_string());
    }
    assert_diagnostic(
        &all[0],
        Location::new(7, 16),
        urn,
        "userName",
        "unknown type \"strng\"",
    );
    assert_diagnostic(
        &all[1],
        Location::new(8, 20),
        urn,
        "userName",
        "\"required\" must be a boolean",
    );
    assert_diagnostic(
        &all[2],
        Location::new(17, 11),
        urn,
        "emails.value",
        "did you mean \"mutability\"?",
    );
    assert_diagnostic(
        &all[3],
        Location::new(20, 20),
        urn,
        "emails.Value",
        "duplicate attribute name \"Value\"",
    );
    assert_diagnostic(
        &all[4],
        Location::new(28, 7),
        urn,
        "active",
        "\"canonicalValues\" on a boolean attribute",
    );
}

#[test]
fn every_problem_of_every_input_is_reported_in_one_load() {
    let error = Loader::new()
        .add_str(
            "one.json",
            "{\"id\": \"urn:example:One\", \"attributes\": [{\"type\": 1}]}",
        )
        .add_str("two.json", "{\"attributes\": [")
        .add_str(
            "three.json",
            "{\"id\": \"urn:example:Three\", \"attributes\": [{\"name\": \"ok\"}]}",
        )
        .add_str(
            "four.json",
            "{\"name\": \"Four\", \"endpoint\": \"/Four\", \"schema\": \"urn:example:Nope\"}",
        )
        .load()
        .unwrap_err();
    let files: Vec<&str> = error
        .diagnostics()
        .iter()
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(
        files,
        ["one.json", "one.json", "two.json", "four.json"],
        "{error}"
    );
}

// ---------------------------------------------------------------------------------
// Rejections, one rule each

#[test]
fn malformed_json_gives_one_diagnostic_at_the_error_saying_what_was_expected() {
    let text = "{\n  \"id\": \"urn:example:Test\"\n  \"attributes\": []\n}";
    let diagnostic = only_diagnostic(text);
    assert_eq!(diagnostic.location, Some(Location::new(3, 3)));
    assert_eq!(diagnostic.schema, None);
    assert_eq!(diagnostic.path, "");
    assert_eq!(
        diagnostic.message,
        "invalid JSON: expected ',' or '}' after the object member, found '\"'"
    );
}

#[test]
fn nesting_deeper_than_max_depth_is_rejected() {
    let text = format!(
        "{{\"id\": \"{TEST}\", \"x-vendor\": {}{}, \"attributes\": []}}",
        "[".repeat(10),
        "]".repeat(10)
    );
    let error = Loader::new()
        .max_depth(10)
        .add_str("deep.json", &text)
        .load()
        .unwrap_err();
    let [diagnostic] = error.diagnostics() else {
        panic!("{error}");
    };
    assert_eq!(diagnostic.location, Some(Location::new(1, 49)));
    assert!(
        diagnostic.message.contains("nesting deeper than 10 levels"),
        "{diagnostic}"
    );
    assert!(Loader::new()
        .max_depth(11)
        .add_str("deep.json", &text)
        .load()
        .is_ok());
}

#[test]
fn default_depth_limit_is_64() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let error = load(&nested(65)).unwrap_err();
    assert!(
        error.to_string().contains("nesting deeper than 64 levels"),
        "{error}"
    );
    let error = load(&nested(64)).unwrap_err();
    assert!(!error.to_string().contains("nesting"), "{error}");
}

#[test]
fn an_unlimited_depth_is_capped_so_hostile_nesting_cannot_overflow_the_stack() {
    let text = "[".repeat(200_000);
    let error = Loader::new()
        .max_depth(usize::MAX)
        .add_str("deep.json", &text)
        .load()
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("nesting deeper than 1000 levels"),
        "{error}"
    );
}

#[test]
fn a_document_nested_to_the_depth_ceiling_is_read_without_exhausting_the_stack() {
    let text = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
    let error = Loader::new()
        .max_depth(usize::MAX)
        .add_str("deep.json", &text)
        .load()
        .unwrap_err();
    assert!(error.to_string().ends_with("found an array"), "{error}");
}

/// A schema whose attribute `a` has sub-attributes nested `levels` deep.
fn nested_attributes(levels: usize) -> String {
    let mut attribute = "{\"name\": \"leaf\"}".to_owned();
    for _ in 0..levels {
        attribute =
            format!("{{\"name\": \"a\", \"type\": \"complex\", \"subAttributes\": [{attribute}]}}");
    }
    format!("{{\"id\": \"{SCHEMA}\", \"attributes\": [{attribute}]}}")
}

#[test]
fn sub_attributes_nested_32_levels_deep_are_reported_and_not_read_further() {
    let text = nested_attributes(480);
    let error = Loader::new()
        .max_depth(usize::MAX)
        .add_str("deep.json", &text)
        .load()
        .unwrap_err();
    let [diagnostic] = error.diagnostics() else {
        panic!("{error}");
    };
    assert_eq!(diagnostic.path, vec!["a"; 32].join("."));
    assert!(
        diagnostic.message.contains("nested 32 levels deep"),
        "{diagnostic}"
    );
    assert!(Loader::new()
        .add_str("ok.json", &nested_attributes(30))
        .load()
        .is_ok());
}

#[test]
fn documents_longer_than_max_len_are_rejected_without_a_location() {
    let text = schema_with("{\"name\": \"a\"}");
    let error = Loader::new()
        .max_len(text.len() - 1)
        .add_str("big.json", &text)
        .load()
        .unwrap_err();
    let [diagnostic] = error.diagnostics() else {
        panic!("{error}");
    };
    assert_eq!(diagnostic.location, None);
    assert_eq!(
        diagnostic.to_string(),
        format!(
            "big.json: the document is larger than the limit of {} bytes",
            text.len() - 1
        )
    );
    assert!(Loader::new()
        .max_len(text.len())
        .add_str("big.json", &text)
        .load()
        .is_ok());
}

#[test]
fn files_longer_than_max_len_are_rejected() {
    let scratch = Scratch::new("max-len");
    let text = schema_with("{\"name\": \"a\"}");
    let path = scratch.write("big.json", text.as_bytes());
    let error = Loader::new()
        .max_len(10)
        .add_path(&path)
        .load()
        .unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("larger than the limit of 10 bytes"),
        "{error}"
    );
}

#[test]
fn a_characteristic_of_the_wrong_json_type_is_rejected_at_its_value() {
    let text = schema_with("{\"name\": \"active\", \"type\": \"boolean\", \"required\": \"yes\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"yes\""),
        Some(TEST),
        "active",
        "\"required\" must be a boolean (true or false), not a string",
    );
}

#[test]
fn a_schema_without_id_is_rejected_at_its_opening_brace() {
    let text = "[\n  {\"name\": \"X\", \"attributes\": [{\"name\": \"a\"}]}\n]";
    let diagnostic = only_diagnostic(text);
    assert_diagnostic(&diagnostic, Location::new(2, 3), None, "", "missing \"id\"");
}

#[test]
fn a_schema_id_of_the_wrong_type_is_rejected() {
    let text = "{\"id\": 7, \"attributes\": []}";
    let diagnostic = only_diagnostic(text);
    assert_diagnostic(
        &diagnostic,
        at(text, "7"),
        None,
        "",
        "\"id\" must be a string, not a number",
    );
}

#[test]
fn an_attribute_without_name_is_rejected_with_its_index_as_path() {
    let text = schema_with("{\"name\": \"a\"},\n  {\"type\": \"string\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "{\"type\""),
        Some(TEST),
        "attributes[1]",
        "missing \"name\"",
    );
}

#[test]
fn a_sub_attribute_without_name_is_rejected_with_its_index_as_path() {
    let text = schema_with(
        "{\"name\": \"name\", \"type\": \"complex\", \"subAttributes\": [{\"type\": \"string\"}]}",
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "{\"type\": \"string\""),
        Some(TEST),
        "name.subAttributes[0]",
        "missing \"name\"",
    );
}

#[test]
fn an_unknown_type_is_rejected_naming_the_valid_types() {
    let text = schema_with("{\"name\": \"age\", \"type\": \"number\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"number\""),
        Some(TEST),
        "age",
        "unknown type \"number\"",
    );
    assert!(diagnostic.message.ends_with(
        "valid values are string, boolean, decimal, integer, dateTime, binary, reference, complex"
    ));
}

#[test]
fn an_unknown_mutability_is_rejected() {
    let text = schema_with("{\"name\": \"a\", \"mutability\": \"read-only\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"read-only\""),
        Some(TEST),
        "a",
        "unknown mutability \"read-only\"",
    );
    assert!(diagnostic
        .message
        .ends_with("valid values are readOnly, readWrite, immutable, writeOnly"));
}

#[test]
fn an_unknown_returned_is_rejected() {
    let text = schema_with("{\"name\": \"a\", \"returned\": \"sometimes\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"sometimes\""),
        Some(TEST),
        "a",
        "unknown returned \"sometimes\"",
    );
    assert!(diagnostic
        .message
        .ends_with("valid values are always, never, default, request"));
}

#[test]
fn an_unknown_uniqueness_is_rejected() {
    let text = schema_with("{\"name\": \"a\", \"uniqueness\": \"Manufacturer\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"Manufacturer\""),
        Some(TEST),
        "a",
        "unknown uniqueness \"Manufacturer\"",
    );
    assert!(diagnostic
        .message
        .ends_with("valid values are none, server, global"));
}

#[test]
fn a_keyword_of_the_wrong_json_type_is_rejected() {
    let text = schema_with("{\"name\": \"a\", \"returned\": true}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "true"),
        Some(TEST),
        "a",
        "\"returned\" must be a string, not a boolean",
    );
}

#[test]
fn a_complex_attribute_without_sub_attributes_is_rejected_at_its_type() {
    let text = schema_with("{\"name\": \"address\", \"type\": \"complex\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"complex\""),
        Some(TEST),
        "address",
        "complex attribute without \"subAttributes\"",
    );
}

#[test]
fn a_complex_attribute_with_an_empty_sub_attribute_list_is_rejected() {
    let text = schema_with("{\"name\": \"address\", \"type\": \"complex\", \"subAttributes\": []}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"subAttributes\""),
        Some(TEST),
        "address",
        "empty \"subAttributes\"",
    );
}

#[test]
fn sub_attributes_on_a_simple_attribute_are_rejected() {
    let text = schema_with(
        "{\"name\": \"address\", \"type\": \"string\", \"subAttributes\": [{\"name\": \"street\"}]}",
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"subAttributes\""),
        Some(TEST),
        "address",
        "\"subAttributes\" on a string attribute",
    );
}

#[test]
fn a_complex_sub_attribute_of_a_complex_attribute_is_rejected() {
    let text = schema_with(
        "{\"name\": \"outer\", \"type\": \"complex\", \"subAttributes\": [\n  \
         {\"name\": \"inner\", \"type\": \"complex\", \"subAttributes\": [{\"name\": \"leaf\"}]}]}",
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"complex\", \"subAttributes\": [{"),
        Some(TEST),
        "outer.inner",
        "RFC 7643 §2.3.8 forbids",
    );
}

#[test]
fn the_schema_schema_may_nest_complex_attributes() {
    let text = format!(
        "{{\"id\": \"{SCHEMA}\", \"attributes\": [{{\"name\": \"outer\", \"type\": \"complex\", \
         \"subAttributes\": [{{\"name\": \"inner\", \"type\": \"complex\", \
         \"subAttributes\": [{{\"name\": \"leaf\"}}]}}]}}]}}"
    );
    let set = loaded(&text);
    let outer = attribute(set.schema(SCHEMA).expect("Schema"), "outer.inner.leaf");
    assert_eq!(outer.kind, AttributeType::String);
}

#[test]
fn duplicate_sibling_names_are_rejected_case_insensitively_at_the_second() {
    let text = schema_with("{\"name\": \"nickName\"},\n{\"name\": \"NICKNAME\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"NICKNAME\""),
        Some(TEST),
        "NICKNAME",
        "duplicate attribute name \"NICKNAME\": \"nickName\" is defined at 4:10",
    );
}

/// A schema `urn:example:Test` with `count` attributes `a0`, `a1`, ..., one a line;
/// the attribute at `renamed` (if any) is named `name` instead.
fn schema_with_many_attributes(count: usize, renamed: Option<(usize, &str)>) -> String {
    let attributes: Vec<String> = (0..count)
        .map(|index| match renamed {
            Some((at, name)) if at == index => format!("{{\"name\": \"{name}\"}}"),
            _ => format!("{{\"name\": \"a{index}\"}}"),
        })
        .collect();
    schema_with(&attributes.join(",\n"))
}

#[test]
fn fifty_thousand_sibling_attributes_with_distinct_names_load() {
    let text = schema_with_many_attributes(50_000, None);
    let set = loaded(&text);
    let schema = &set.schemas()[0];
    assert_eq!(schema.attributes.len(), 50_000);
    assert_eq!(schema.attributes[49_999].name, "a49999");
}

#[test]
fn one_duplicate_among_fifty_thousand_siblings_is_the_only_diagnostic() {
    let text = schema_with_many_attributes(50_000, Some((49_999, "A123")));
    let diagnostic = only_diagnostic(&text);
    let first = at(&text, "\"a123\"");
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"A123\""),
        Some(TEST),
        "A123",
        &format!("duplicate attribute name \"A123\": \"a123\" is defined at {first}"),
    );
}

#[test]
fn the_same_name_under_different_parents_is_allowed() {
    let text = schema_with(
        "{\"name\": \"value\"},\n{\"name\": \"emails\", \"type\": \"complex\", \"subAttributes\": [{\"name\": \"value\"}]}",
    );
    assert_eq!(loaded(&text).schemas()[0].attributes.len(), 2);
}

#[test]
fn canonical_values_on_a_type_that_cannot_have_them_are_rejected() {
    let text =
        schema_with("{\"name\": \"level\", \"type\": \"integer\", \"canonicalValues\": [\"1\"]}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"canonicalValues\""),
        Some(TEST),
        "level",
        "only string attributes may have canonical values",
    );
}

#[test]
fn messages_name_an_integer_type_with_the_article_an() {
    let text = schema_with(
        "{\"name\": \"level\", \"type\": \"integer\", \"canonicalValues\": [\"1\"], \
         \"referenceTypes\": [\"uri\"], \"subAttributes\": [{\"name\": \"x\"}]}",
    );
    let messages: Vec<String> = diagnostics(&text)
        .into_iter()
        .map(|diagnostic| diagnostic.message)
        .collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    for (message, key) in
        messages
            .iter()
            .zip(["canonicalValues", "referenceTypes", "subAttributes"])
    {
        assert!(
            message.starts_with(&format!("\"{key}\" on an integer attribute: ")),
            "{message}"
        );
    }
}

#[test]
fn canonical_values_that_are_not_strings_are_rejected_item_by_item() {
    let text = schema_with("{\"name\": \"kind\", \"canonicalValues\": [\"work\", 2]}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "2]"),
        Some(TEST),
        "kind",
        "\"canonicalValues\"[1] must be a string, not a number",
    );
}

#[test]
fn reference_types_on_a_non_reference_attribute_are_rejected() {
    let text =
        schema_with("{\"name\": \"link\", \"type\": \"string\", \"referenceTypes\": [\"uri\"]}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"referenceTypes\""),
        Some(TEST),
        "link",
        "only reference attributes have reference types",
    );
}

#[test]
fn empty_canonical_values_and_reference_types_lists_are_accepted_on_any_type() {
    let text = schema_with(
        "{\"name\": \"flag\", \"type\": \"boolean\", \"canonicalValues\": [], \"referenceTypes\": [], \"subAttributes\": []}",
    );
    let set = loaded(&text);
    assert!(set.schemas()[0].attributes[0].canonical_values.is_empty());
}

#[test]
fn names_that_are_not_attrname_are_rejected_at_the_name() {
    for name in [
        "given name",
        "1st",
        "_private",
        "émail",
        "a.b",
        "",
        "$value",
    ] {
        let text = schema_with(&format!("{{\"name\": \"{name}\"}}"));
        let diagnostic = only_diagnostic(&text);
        assert_diagnostic(
            &diagnostic,
            at(&text, &format!("\"{name}\"}}")),
            Some(TEST),
            name,
            "invalid attribute name",
        );
    }
}

#[test]
fn attrname_allows_digits_hyphens_underscores_and_dollars_after_the_first_letter() {
    let text = schema_with("{\"name\": \"x509-cert_v2$a\"}");
    assert_eq!(
        loaded(&text).schemas()[0].attributes[0].name,
        "x509-cert_v2$a"
    );
}

#[test]
fn dollar_ref_is_accepted_as_an_attribute_name_per_erratum_8924() {
    let text = schema_with(
        "{\"name\": \"manager\", \"type\": \"complex\", \"subAttributes\": [\
         {\"name\": \"$ref\", \"type\": \"reference\", \"referenceTypes\": [\"User\"]}]}",
    );
    let set = loaded(&text);
    assert_eq!(
        attribute(&set.schemas()[0], "manager.$ref").kind,
        AttributeType::Reference
    );
}

#[test]
fn duplicate_schema_ids_across_inputs_are_rejected_at_the_second() {
    let first = "{\"id\": \"urn:example:Dup\", \"attributes\": []}";
    let second = "{\n  \"id\": \"URN:EXAMPLE:DUP\", \"attributes\": []}";
    let error = Loader::new()
        .add_str("first.json", first)
        .add_str("second.json", second)
        .load()
        .unwrap_err();
    let [diagnostic] = error.diagnostics() else {
        panic!("{error}");
    };
    assert_eq!(diagnostic.file, "second.json");
    assert_diagnostic(
        diagnostic,
        Location::new(2, 9),
        Some("URN:EXAMPLE:DUP"),
        "",
        "duplicate schema id \"URN:EXAMPLE:DUP\": first defined at first.json:1:8",
    );
}

#[test]
fn duplicate_resource_type_names_are_rejected_at_the_second() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": []}},\n\
         {{\"name\": \"Widget\", \"endpoint\": \"/Widgets\", \"schema\": \"{TEST}\"}},\n\
         {{\"name\": \"widget\", \"endpoint\": \"/Gadgets\", \"schema\": \"{TEST}\"}}]"
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"widget\""),
        Some(RESOURCE_TYPE),
        "name",
        "duplicate resource type name \"widget\": first defined at test.json:2:10",
    );
}

#[test]
fn a_resource_type_missing_name_endpoint_and_schema_gets_one_diagnostic_each() {
    let text = format!("{{\"schemas\": [\"{RESOURCE_TYPE}\"], \"description\": \"nothing else\"}}");
    let all = diagnostics(&text);
    let paths: Vec<&str> = all.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["name", "endpoint", "schema"]);
    for diagnostic in &all {
        assert_eq!(diagnostic.location, Some(Location::new(1, 1)));
        assert_eq!(
            diagnostic.message,
            format!("missing \"{}\"", diagnostic.path)
        );
        assert_eq!(diagnostic.schema.as_deref(), Some(RESOURCE_TYPE));
    }
}

#[test]
fn a_resource_type_naming_an_undefined_schema_is_rejected_at_that_value() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": []}},\n\
         {{\"name\": \"Widget\", \"endpoint\": \"/Widgets\", \"schema\": \"urn:example:Missing\"}}]"
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"urn:example:Missing\""),
        Some(RESOURCE_TYPE),
        "schema",
        "resource type \"Widget\" names schema \"urn:example:Missing\", which no input defines",
    );
}

#[test]
fn a_resource_type_naming_an_undefined_extension_is_rejected_at_that_value() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": []}},\n\
         {{\"id\": \"{OTHER}\", \"attributes\": []}},\n\
         {{\"name\": \"Widget\", \"endpoint\": \"/Widgets\", \"schema\": \"{TEST}\",\n\
         \"schemaExtensions\": [{{\"schema\": \"{OTHER}\", \"required\": false}}, {{\"schema\": \"urn:example:Ext\"}}]}}]"
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"urn:example:Ext\""),
        Some(RESOURCE_TYPE),
        "schemaExtensions[1].schema",
        "names schema \"urn:example:Ext\"",
    );
}

#[test]
fn an_extension_listed_twice_is_rejected_case_insensitively_at_the_second() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": []}},\n\
         {{\"id\": \"urn:x:B\", \"attributes\": []}},\n\
         {{\"name\": \"W\", \"endpoint\": \"/W\", \"schema\": \"{TEST}\", \"schemaExtensions\": [\n\
         {{\"schema\": \"urn:x:B\"}},\n\
         {{\"schema\": \"URN:X:B\", \"required\": true}}]}}]"
    );
    let diagnostic = only_diagnostic(&text);
    let first = at(&text, "\"urn:x:B\"}");
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"URN:X:B\""),
        Some(RESOURCE_TYPE),
        "schemaExtensions[1].schema",
        &format!("schema extension \"URN:X:B\" is listed twice: first at {first}"),
    );
}

#[test]
fn the_core_schema_listed_as_its_own_extension_is_rejected_at_that_extension() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": []}},\n\
         {{\"name\": \"W\", \"endpoint\": \"/W\", \"schema\": \"{TEST}\",\n\
         \"schemaExtensions\": [{{\"schema\": \"URN:EXAMPLE:TEST\"}}]}}]"
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"URN:EXAMPLE:TEST\""),
        Some(RESOURCE_TYPE),
        "schemaExtensions[0].schema",
        "the core schema \"URN:EXAMPLE:TEST\" is also listed as an extension of itself",
    );
}

#[test]
fn a_schema_extension_without_schema_is_rejected() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": []}},\n\
         {{\"name\": \"W\", \"endpoint\": \"/W\", \"schema\": \"{TEST}\", \"schemaExtensions\": [{{\"required\": true}}]}}]"
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "{\"required\""),
        Some(RESOURCE_TYPE),
        "schemaExtensions[0].schema",
        "missing \"schema\"",
    );
}

#[test]
fn a_resource_type_field_of_the_wrong_type_is_rejected() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": []}},\n\
         {{\"name\": \"W\", \"endpoint\": [\"/W\"], \"schema\": \"{TEST}\"}}]"
    );
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "[\"/W\"]"),
        Some(RESOURCE_TYPE),
        "endpoint",
        "\"endpoint\" must be a string, not an array",
    );
}

#[test]
fn a_repeated_key_is_rejected_because_keys_are_case_insensitive() {
    let text = schema_with("{\"name\": \"a\", \"type\": \"string\", \"TYPE\": \"integer\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"TYPE\""),
        Some(TEST),
        "a",
        "key \"TYPE\" repeats \"type\"",
    );
}

#[test]
fn an_object_that_is_neither_schema_nor_resource_type_is_rejected() {
    let diagnostic = only_diagnostic("{\"id\": \"x\", \"displayName\": \"Not a schema\"}");
    assert_diagnostic(
        &diagnostic,
        Location::new(1, 1),
        None,
        "",
        "not a Schema or ResourceType",
    );
}

#[test]
fn a_scalar_document_is_rejected() {
    let diagnostic = only_diagnostic("  42");
    assert_diagnostic(&diagnostic, Location::new(1, 3), None, "", "found a number");
}

#[test]
fn a_non_object_element_of_an_array_is_rejected_with_its_index() {
    let text = format!("[{{\"id\": \"{TEST}\", \"attributes\": []}}, \"User\"]");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"User\""),
        None,
        "[1]",
        "expected a Schema or ResourceType object, found a string",
    );
}

#[test]
fn a_lone_surrogate_escape_is_rejected_not_a_panic() {
    let text = schema_with("{\"name\": \"a\", \"description\": \"bad \\uD83D here\"}");
    let diagnostic = only_diagnostic(&text);
    assert_eq!(diagnostic.location, Some(at(&text, "\\uD83D")));
    assert!(
        diagnostic.message.contains("lone surrogate"),
        "{diagnostic}"
    );
}

#[test]
fn invalid_utf8_in_a_file_is_rejected_at_the_bad_byte() {
    let scratch = Scratch::new("utf8");
    let path = scratch.write("bad.json", b"{\n  \"id\": \"urn:\xff\"}");
    let error = Loader::new().add_path(&path).load().unwrap_err();
    let [diagnostic] = error.diagnostics() else {
        panic!("{error}");
    };
    assert_eq!(diagnostic.location, Some(Location::new(2, 14)));
    assert!(
        diagnostic.message.starts_with("invalid UTF-8 (byte 0xFF)"),
        "{diagnostic}"
    );
}

#[test]
fn a_missing_file_is_an_io_diagnostic_without_location() {
    let path = fixtures().join("no-such-file.json");
    let error = Loader::new().add_path(&path).load().unwrap_err();
    let [diagnostic] = error.diagnostics() else {
        panic!("{error}");
    };
    assert_eq!(diagnostic.location, None);
    assert_eq!(diagnostic.file, path.display().to_string());
    assert!(
        diagnostic.message.starts_with("cannot read the file: "),
        "{diagnostic}"
    );
}

// ---------------------------------------------------------------------------------
// What is accepted

#[test]
fn omitted_characteristics_take_the_rfc_7643_section_2_2_defaults() {
    let set = loaded(&schema_with("{\"name\": \"nickName\"}"));
    let nick_name = &set.schemas()[0].attributes[0];
    assert_eq!(
        *nick_name,
        Attribute::new("nickName", AttributeType::String)
    );
    assert_eq!(nick_name.mutability, Mutability::ReadWrite);
    assert_eq!(nick_name.returned, Returned::Default);
    assert_eq!(nick_name.uniqueness, Uniqueness::None);
    assert!(!nick_name.required && !nick_name.case_exact && !nick_name.multi_valued);
}

#[test]
fn null_characteristics_count_as_omitted() {
    let text = schema_with(
        "{\"name\": \"nickName\", \"type\": null, \"description\": null, \"mutability\": null, \"canonicalValues\": null}",
    );
    let set = loaded(&text);
    assert_eq!(
        set.schemas()[0].attributes[0],
        Attribute::new("nickName", AttributeType::String)
    );
}

#[test]
fn keys_are_case_insensitive() {
    let text = format!(
        "{{\"ID\": \"{TEST}\", \"Attributes\": [{{\"NAME\": \"tags\", \"MULTIVALUED\": true, \
         \"Type\": \"integer\", \"caseexact\": true, \"RETURNED\": \"request\"}}]}}"
    );
    let set = loaded(&text);
    let tags = &set.schemas()[0].attributes[0];
    assert!(tags.multi_valued && tags.case_exact);
    assert_eq!(tags.kind, AttributeType::Integer);
    assert_eq!(tags.returned, Returned::Request);
}

#[test]
fn keyword_values_compare_case_insensitively_and_are_stored_canonical() {
    let text = schema_with(
        "{\"name\": \"when\", \"type\": \"DATETIME\", \"mutability\": \"READONLY\", \
         \"returned\": \"Always\", \"uniqueness\": \"GLOBAL\"}",
    );
    let set = loaded(&text);
    let when = &set.schemas()[0].attributes[0];
    assert_eq!(when.kind, AttributeType::DateTime);
    assert_eq!(when.mutability, Mutability::ReadOnly);
    assert_eq!(when.returned, Returned::Always);
    assert_eq!(when.uniqueness, Uniqueness::Global);
    assert_eq!(
        set.schemas()[0].to_json()["attributes"][0]["type"],
        "dateTime"
    );
}

#[test]
fn a_misspelt_characteristic_is_reported_naming_the_intended_key() {
    let text = schema_with("{\"name\": \"a\", \"mutabilty\": \"readOnly\"}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"mutabilty\""),
        Some(TEST),
        "a",
        "unknown key \"mutabilty\"; did you mean \"mutability\"?",
    );
}

#[test]
fn a_misspelt_schema_key_is_reported_too() {
    let text = format!("{{\"id\": \"{TEST}\", \"attributes\": [], \"descripton\": \"x\"}}");
    let diagnostic = only_diagnostic(&text);
    assert_diagnostic(
        &diagnostic,
        at(&text, "\"descripton\""),
        Some(TEST),
        "",
        "did you mean \"description\"?",
    );
}

#[test]
fn unknown_vendor_keys_are_ignored() {
    let text = format!(
        "{{\"id\": \"{TEST}\", \"x-vendor\": {{\"a\": 1}}, \"attributes\": [\
         {{\"name\": \"mac\", \"pattern\": \"^[0-9a-f:]+$\", \"maxLength\": 17, \"uri\": \"x\"}}]}}"
    );
    assert_eq!(loaded(&text).schemas()[0].attributes[0].name, "mac");
}

#[test]
fn schemas_and_meta_of_a_schema_document_are_accepted_and_ignored() {
    let text = format!(
        "{{\"schemas\": [\"{SCHEMA}\"], \"id\": \"{TEST}\", \"attributes\": [], \
         \"meta\": {{\"resourceType\": \"Schema\", \"location\": \"/v2/Schemas/{TEST}\"}}}}"
    );
    let set = loaded(&text);
    assert_eq!(set.schemas()[0].id, TEST);
}

#[test]
fn a_schema_document_without_attributes_is_an_empty_schema() {
    let text = format!("{{\"schemas\": [\"{SCHEMA}\"], \"id\": \"{TEST}\", \"name\": \"Marker\"}}");
    let set = loaded(&text);
    assert!(set.schemas()[0].attributes.is_empty());
}

#[test]
fn a_list_response_of_schemas_is_read() {
    let text = r#"{
  "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
  "totalResults": 2, "itemsPerPage": 2, "startIndex": 1,
  "Resources": [
    {"id": "urn:example:One", "attributes": [{"name": "a"}]},
    {"id": "urn:example:Two", "attributes": [{"name": "b"}]}
  ]
}"#;
    let set = loaded(text);
    let ids: Vec<&str> = set.schemas().iter().map(|s| s.id.as_ref()).collect();
    assert_eq!(ids, ["urn:example:One", "urn:example:Two"]);
}

#[test]
fn a_list_response_of_resource_types_is_read() {
    let text = format!(
        "{{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\
         \"totalResults\": 1, \"Resources\": [\
         {{\"schemas\": [\"{RESOURCE_TYPE}\"], \"id\": \"Widget\", \"name\": \"Widget\", \
         \"endpoint\": \"/Widgets\", \"schema\": \"{TEST}\"}}]}}"
    );
    let set = Loader::new()
        .add_str("schema.json", &schema_with(""))
        .add_str("types.json", &text)
        .load()
        .expect("loads");
    assert_eq!(set.resource_types()[0].endpoint, "/Widgets");
}

#[test]
fn problems_in_a_list_response_name_the_resource_index() {
    let text = "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"], \"Resources\": [7]}";
    let diagnostic = only_diagnostic(text);
    assert_diagnostic(
        &diagnostic,
        at(text, "7]"),
        None,
        "Resources[0]",
        "found a number",
    );
}

#[test]
fn a_json_array_of_schemas_and_resource_types_is_read() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": [{{\"name\": \"a\"}}]}},\
         {{\"name\": \"Widget\", \"endpoint\": \"/Widgets\", \"schema\": \"{TEST}\"}}]"
    );
    let set = loaded(&text);
    assert_eq!(set.schemas().len(), 1);
    assert_eq!(set.resource_types()[0].name, "Widget");
}

#[test]
fn a_resource_type_is_read_with_its_extensions() {
    let mut loader = Loader::new();
    loader.add_path(fixtures().join("rfc7643"));
    loader.add_str(
        "ResourceTypes.json",
        &format!(
            "[{{\"schemas\": [\"{RESOURCE_TYPE}\"], \"id\": \"User\", \"name\": \"User\", \
             \"endpoint\": \"/Users\", \"description\": \"User Account\", \"schema\": \"{USER}\", \
             \"schemaExtensions\": [{{\"schema\": \"{ENTERPRISE_USER}\", \"required\": true}}], \
             \"meta\": {{\"location\": \"https://example.com/v2/ResourceTypes/User\", \"resourceType\": \"ResourceType\"}}}}]"
        ),
    );
    let set = loader.load().expect("loads");
    let user = set.resource_type("User").expect("User");
    assert_eq!(
        *user,
        ResourceType {
            id: Some("User".into()),
            name: "User".into(),
            description: Some("User Account".into()),
            endpoint: "/Users".into(),
            schema: USER.into(),
            schema_extensions: Cow::Owned(vec![SchemaExtension {
                schema: ENTERPRISE_USER.into(),
                required: true,
            }]),
        }
    );
}

#[test]
fn a_directory_is_read_recursively_in_path_order_skipping_other_files() {
    let dir = fixtures().join("directory");
    let mut loader = Loader::new();
    loader.add_path(&dir);
    let set = loader.load().expect("loads");
    let ids: Vec<&str> = set.schemas().iter().map(|s| s.id.as_ref()).collect();
    assert_eq!(ids, ["urn:example:A-Y", "urn:example:A-Z", "urn:example:B"]);
}

#[test]
fn inputs_lists_each_file_and_each_directory_with_its_files() {
    let dir = fixtures().join("directory");
    let file = fixtures().join("five_mistakes/Mistakes.json");
    let mut loader = Loader::new();
    loader
        .add_str("text.json", "{}")
        .add_path(&dir)
        .add_path(&file);
    assert_eq!(
        loader.inputs(),
        [
            dir.clone(),
            dir.join("a/y.json"),
            dir.join("a/z.json"),
            dir.join("b.json"),
            file
        ]
    );
}

#[test]
fn an_empty_loader_loads_an_empty_set() {
    assert_eq!(Loader::new().load(), Ok(SchemaSet::default()));
}

#[test]
fn lookups_ignore_case() {
    let text = format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": []}},\
         {{\"name\": \"Widget\", \"endpoint\": \"/Widgets\", \"schema\": \"URN:EXAMPLE:TEST\"}}]"
    );
    let set = loaded(&text);
    assert_eq!(
        set.schema("URN:Example:TEST").map(|s| s.id.as_ref()),
        Some(TEST)
    );
    assert_eq!(
        set.resource_type("WIDGET").map(|r| r.name.as_ref()),
        Some("Widget")
    );
    assert!(set.schema("urn:example:Other").is_none());
    assert!(set.resource_type("Gadget").is_none());
}

// ---------------------------------------------------------------------------------
// Origins

/// The origin in `test.json` at `line:column`.
fn in_test_json(line: u32, column: u32) -> Origin {
    Origin {
        file: "test.json".into(),
        location: Location::new(line, column),
    }
}

#[test]
fn the_origin_of_a_schema_is_its_id_value() {
    let set = loaded(&format!(
        "{{\n  \"id\": \"{TEST}\",\n  \"attributes\": []}}"
    ));
    assert_eq!(set.origin_of_schema(TEST), Some(&in_test_json(2, 9)));
}

#[test]
fn the_origin_of_an_attribute_is_its_name_value() {
    let set = loaded(&schema_with(
        "{\"name\": \"a\"},\n  {\"name\": \"serial\", \"type\": \"integer\"}",
    ));
    assert_eq!(
        set.origin_of_attribute(TEST, "serial"),
        Some(&in_test_json(5, 12))
    );
}

#[test]
fn a_sub_attribute_origin_is_found_by_its_dotted_path() {
    let set = loaded(&format!(
        "{{\"id\": \"{TEST}\", \"attributes\": [\n\
         {{\"name\": \"name\", \"type\": \"complex\", \"subAttributes\": [\n\
         {{\"name\": \"givenName\"}}]}}]}}"
    ));
    assert_eq!(
        set.origin_of_attribute(TEST, "name.givenName"),
        Some(&in_test_json(3, 10))
    );
    assert_eq!(
        set.origin_of_attribute(TEST, "name"),
        Some(&in_test_json(2, 10))
    );
}

#[test]
fn origin_lookups_ignore_case() {
    let set = loaded(&format!(
        "[{{\"id\": \"{TEST}\", \"attributes\": [{{\"name\": \"serialNumber\"}}]}},\n\
         {{\"name\": \"Widget\", \"endpoint\": \"/Widgets\", \"schema\": \"{TEST}\"}}]"
    ));
    assert_eq!(
        set.origin_of_schema("URN:Example:TEST"),
        Some(&in_test_json(1, 9))
    );
    assert_eq!(
        set.origin_of_attribute("URN:EXAMPLE:TEST", "SERIALNUMBER"),
        Some(&in_test_json(1, 53))
    );
    assert_eq!(
        set.origin_of_resource_type("WIDGET"),
        Some(&in_test_json(2, 10))
    );
}

#[test]
fn what_the_set_does_not_define_has_no_origin() {
    let set = loaded(&schema_with("{\"name\": \"serial\"}"));
    assert_eq!(set.origin_of_schema(OTHER), None);
    assert_eq!(set.origin_of_attribute(OTHER, "serial"), None);
    assert_eq!(set.origin_of_attribute(TEST, "serial.value"), None);
    assert_eq!(set.origin_of_attribute(TEST, "id"), None);
    assert_eq!(set.origin_of_resource_type("Widget"), None);
}

#[test]
fn the_origin_of_a_file_names_the_path_it_was_added_with() {
    let path = fixtures().join("rfc7643/Group.json");
    let set = Loader::new().add_path(&path).load().expect("loads");
    assert_eq!(
        set.origin_of_attribute(GROUP, "members.value"),
        Some(&Origin {
            file: path.display().to_string(),
            location: Location::new(25, 20),
        })
    );
}

#[test]
fn an_origin_displays_file_line_and_column() {
    assert_eq!(in_test_json(3, 14).to_string(), "test.json:3:14");
}

// ---------------------------------------------------------------------------------
// Display

#[test]
fn a_diagnostic_displays_file_location_schema_path_and_message() {
    let diagnostic = Diagnostic {
        file: "User.json".into(),
        location: Some(Location::new(12, 7)),
        schema: Some(USER.into()),
        path: "emails.type".into(),
        message: "unknown type \"strng\"".into(),
    };
    assert_eq!(
        diagnostic.to_string(),
        "User.json:12:7: urn:ietf:params:scim:schemas:core:2.0:User: emails.type: unknown type \"strng\""
    );
}

#[test]
fn a_diagnostic_leaves_out_the_parts_it_lacks() {
    let diagnostic = Diagnostic {
        file: "schemas/User.json".into(),
        location: None,
        schema: None,
        path: String::new(),
        message: "cannot read the file".into(),
    };
    assert_eq!(
        diagnostic.to_string(),
        "schemas/User.json: cannot read the file"
    );
}

#[test]
fn a_load_error_displays_one_diagnostic_a_line() {
    let error = Loader::new()
        .add_str("a.json", "[")
        .add_str("b.json", "{\"attributes\": [{\"name\": \"x\"}]}")
        .load()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "a.json:1:2: invalid JSON: expected a JSON value, found end of input\n\
         b.json:1:1: missing \"id\" (the schema URI)"
    );
    let source: &dyn std::error::Error = &error;
    assert!(source.source().is_none());
}

// ---------------------------------------------------------------------------------
// Never a panic

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    const KEYS: &[&str] = &[
        "id",
        "name",
        "type",
        "attributes",
        "subAttributes",
        "schemas",
        "endpoint",
        "schema",
        "schemaExtensions",
        "required",
        "multiValued",
        "caseExact",
        "mutability",
        "returned",
        "uniqueness",
        "canonicalValues",
        "referenceTypes",
        "description",
        "Resources",
        "meta",
        "resourceType",
        "TYPE",
        "mutabilty",
        "x",
    ];
    const WORDS: &[&str] = &[
        "complex",
        "string",
        "reference",
        "boolean",
        "readOnly",
        "never",
        "server",
        "a",
        "A",
        "$ref",
        "User",
        "Schema",
        "ResourceType",
        "urn:x",
        "urn:ietf:params:scim:schemas:core:2.0:Schema",
        "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
        "urn:ietf:params:scim:api:messages:2.0:ListResponse",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        proptest::sample::select(WORDS).prop_map(Value::from),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..8).prop_map(
                |members| {
                    Value::Object(
                        members
                            .into_iter()
                            .map(|(key, value)| (key.to_owned(), value))
                            .collect(),
                    )
                }
            ),
        ]
    })
}

proptest! {
    #[test]
    fn random_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Loader::new().max_depth(8).add_str("random.json", &text).load();
    }

    #[test]
    fn random_json_never_panics_and_what_loads_round_trips(value in json_value()) {
        let text = value.to_string();
        if let Ok(set) = Loader::new().add_str("random.json", &text).load() {
            let mut again = Loader::new();
            for schema in set.schemas() {
                again.add_str("schema.json", &schema.to_json().to_string());
            }
            for resource_type in set.resource_types() {
                again.add_str("type.json", &resource_type.to_json().to_string());
            }
            prop_assert_eq!(again.load(), Ok(set));
        }
    }
}
