//! The protocol messages of RFC 7644 (`scim::message`): every RFC example message round-trips,
//! names and canonical values match in any case, unknown attributes are kept, and wrong
//! input is an error.

use scim::message::{
    self, BulkMethod, BulkRequest, BulkRequestOperation, BulkResponse, BulkResponseOperation,
    BulkStatus, BulkStatusObject, ListResponse, PatchOp, PatchOpKind, PatchOperation,
    SearchRequest, SortOrder, StatusCode,
};
use scim::{Message, UnknownAttributes};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn parse<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_str(&value.to_string()).map_err(|error| error.to_string())
}

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("messages serialise to JSON")
}

/// `value` with every `null` and `[]` object member removed, at any depth: the values
/// RFC 7643 §2.5 treats as unassigned, like absent ones.
fn without_unassigned(value: Value) -> Value {
    match value {
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .filter(|(_, member)| !is_unassigned(member))
                .map(|(name, member)| (name, without_unassigned(member)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_unassigned).collect()),
        other => other,
    }
}

fn is_unassigned(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

fn assert_round_trip<T: DeserializeOwned + Serialize>(file: &str, text: &str) {
    let input: Value = serde_json::from_str(text).expect("fixtures are JSON");
    let typed: T = serde_json::from_str(text).unwrap_or_else(|error| panic!("{file}: {error}"));
    assert_eq!(
        without_unassigned(to_json(&typed)),
        without_unassigned(input),
        "{file} does not serialise back to its input"
    );
}

macro_rules! rfc_examples {
    ($($test:ident: $kind:literal as $ty:ty = $file:literal;)*) => {
        $(
            #[test]
            fn $test() {
                assert_round_trip::<$ty>(
                    $file,
                    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/rfc/", $file)),
                );
            }
        )*

        /// Every fixture tested above, with its manifest kind.
        const TESTED_EXAMPLES: &[(&str, &str)] = &[$(($file, $kind)),*];
    };
}

rfc_examples! {
    rfc7644_3_4_2_list_response_user_names_round_trips:
        "ListResponse" as ListResponse<Value> = "rfc7644/3.4.2-list-response-user-names.json";
    rfc7644_3_4_3_search_request_round_trips:
        "SearchRequest" as SearchRequest = "rfc7644/3.4.3-search-request.json";
    rfc7644_3_5_2_1_add_attributes_without_path_round_trips:
        "PatchOp" as PatchOp = "rfc7644/3.5.2.1-add-attributes-without-path.json";
    rfc7644_3_5_2_2_remove_all_members_round_trips:
        "PatchOp" as PatchOp = "rfc7644/3.5.2.2-remove-all-members.json";
    rfc7644_3_5_2_2_remove_email_by_filter_round_trips:
        "PatchOp" as PatchOp = "rfc7644/3.5.2.2-remove-email-by-filter.json";
    rfc7644_3_5_2_3_replace_work_address_round_trips:
        "PatchOp" as PatchOp = "rfc7644/3.5.2.3-replace-work-address.json";
    rfc7644_3_5_2_3_replace_street_address_round_trips:
        "PatchOp" as PatchOp = "rfc7644/3.5.2.3-replace-street-address.json";
    rfc7644_3_5_2_3_replace_attributes_without_path_round_trips:
        "PatchOp" as PatchOp = "rfc7644/3.5.2.3-replace-attributes-without-path.json";
    rfc7644_3_6_error_deleted_user_not_found_round_trips:
        "Error" as scim::Error = "rfc7644/3.6-error-deleted-user-not-found.json";
    rfc7644_3_7_1_bulk_request_circular_groups_round_trips:
        "BulkRequest" as BulkRequest = "rfc7644/3.7.1-bulk-request-circular-groups.json";
    rfc7644_3_7_1_list_response_circular_groups_round_trips:
        "ListResponse" as ListResponse<Value> = "rfc7644/3.7.1-list-response-circular-groups.json";
    rfc7644_3_7_2_bulk_request_user_and_group_round_trips:
        "BulkRequest" as BulkRequest = "rfc7644/3.7.2-bulk-request-user-and-group.json";
    rfc7644_3_7_2_bulk_response_user_and_group_round_trips:
        "BulkResponse" as BulkResponse = "rfc7644/3.7.2-bulk-response-user-and-group.json";
    rfc7644_3_7_2_bulk_request_enterprise_manager_round_trips:
        "BulkRequest" as BulkRequest = "rfc7644/3.7.2-bulk-request-enterprise-manager.json";
    rfc7644_3_7_3_bulk_request_fail_on_errors_round_trips:
        "BulkRequest" as BulkRequest = "rfc7644/3.7.3-bulk-request-fail-on-errors.json";
    rfc7644_3_7_3_bulk_response_success_round_trips:
        "BulkResponse" as BulkResponse = "rfc7644/3.7.3-bulk-response-success.json";
    rfc7644_3_7_3_bulk_response_stopped_on_error_round_trips:
        "BulkResponse" as BulkResponse = "rfc7644/3.7.3-bulk-response-stopped-on-error.json";
    rfc7644_3_7_3_bulk_response_all_failed_round_trips:
        "BulkResponse" as BulkResponse = "rfc7644/3.7.3-bulk-response-all-failed.json";
    rfc7644_3_7_4_error_payload_too_large_round_trips:
        "Error" as scim::Error = "rfc7644/3.7.4-error-payload-too-large.json";
    rfc7644_3_12_error_not_found_round_trips:
        "Error" as scim::Error = "rfc7644/3.12-error-not-found.json";
    rfc7644_3_12_error_mutability_round_trips:
        "Error" as scim::Error = "rfc7644/3.12-error-mutability.json";
    rfc7644_4_list_response_resource_types_round_trips:
        "ListResponse" as ListResponse<Value> = "rfc7644/4-list-response-resource-types.json";
    rfc7644_7_5_2_error_sensitive_filter_round_trips:
        "Error" as scim::Error = "rfc7644/7.5.2-error-sensitive-filter.json";
}

#[test]
fn every_rfc_example_message_in_the_manifest_is_tested() {
    let manifest: Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/rfc/manifest.json"
    )))
    .expect("the manifest is JSON");
    let message_kinds = [
        "ListResponse",
        "SearchRequest",
        "PatchOp",
        "BulkRequest",
        "BulkResponse",
        "Error",
    ];
    let mut in_manifest: Vec<(String, String)> = manifest
        .as_array()
        .expect("the manifest is an array")
        .iter()
        .filter_map(|entry| Some((entry["file"].as_str()?, entry["kind"].as_str()?)))
        .filter(|(_, kind)| message_kinds.contains(kind))
        .map(|(file, kind)| (file.to_owned(), kind.to_owned()))
        .collect();
    let mut tested: Vec<(String, String)> = TESTED_EXAMPLES
        .iter()
        .map(|(file, kind)| ((*file).to_owned(), (*kind).to_owned()))
        .collect();
    in_manifest.sort();
    tested.sort();
    assert_eq!(tested, in_manifest);
}

#[test]
fn message_constants_are_the_schemas_of_the_types() {
    assert_eq!(
        <ListResponse<Value> as Message>::SCHEMA,
        message::LIST_RESPONSE
    );
    assert_eq!(<SearchRequest as Message>::SCHEMA, message::SEARCH_REQUEST);
    assert_eq!(<PatchOp as Message>::SCHEMA, message::PATCH_OP);
    assert_eq!(<BulkRequest as Message>::SCHEMA, message::BULK_REQUEST);
    assert_eq!(<BulkResponse as Message>::SCHEMA, message::BULK_RESPONSE);
    assert_eq!(<scim::Error as Message>::SCHEMA, message::ERROR);
    assert_eq!(
        message::ERROR,
        "urn:ietf:params:scim:api:messages:2.0:Error"
    );
}

// ---- names and canonical values in any case ----

#[test]
fn operations_matches_in_any_case_and_is_written_capitalised() {
    let patch: PatchOp = parse(json!({
        "schemas": [message::PATCH_OP],
        "OPERATIONS": [{"op": "remove", "path": "members"}]
    }))
    .unwrap();
    assert_eq!(patch.operations, vec![PatchOperation::remove("members")]);
    assert_eq!(
        to_json(&patch),
        json!({"schemas": [message::PATCH_OP], "Operations": [{"op": "remove", "path": "members"}]})
    );
}

#[test]
fn patch_op_values_match_in_any_case_and_are_written_in_lower_case() {
    let patch: PatchOp = parse(json!({
        "Operations": [
            {"Op": "Replace", "Path": "active", "Value": false},
            {"op": "ADD", "path": "nickName", "value": "Babs"},
            {"op": "Remove", "path": "title"}
        ]
    }))
    .unwrap();
    let ops: Vec<&PatchOpKind> = patch
        .operations
        .iter()
        .map(|operation| &operation.op)
        .collect();
    assert_eq!(
        ops,
        [
            &PatchOpKind::Replace,
            &PatchOpKind::Add,
            &PatchOpKind::Remove
        ]
    );
    assert_eq!(
        to_json(&patch)["Operations"][0],
        json!({"op": "replace", "path": "active", "value": false})
    );
}

#[test]
fn an_unknown_patch_op_is_kept_as_given() {
    let patch: PatchOp = parse(json!({"Operations": [{"op": "move", "path": "a"}]})).unwrap();
    assert_eq!(patch.operations[0].op, PatchOpKind::Other("move".into()));
    assert_eq!(to_json(&patch)["Operations"][0]["op"], json!("move"));
}

#[test]
fn resources_matches_in_any_case_and_is_written_capitalised() {
    let list: ListResponse<Value> = parse(json!({
        "TOTALRESULTS": 1,
        "resources": [{"id": "a"}]
    }))
    .unwrap();
    assert_eq!(list.resources, vec![json!({"id": "a"})]);
    assert_eq!(
        to_json(&list),
        json!({"schemas": [message::LIST_RESPONSE], "totalResults": 1, "Resources": [{"id": "a"}]})
    );
}

#[test]
fn bulk_methods_match_in_any_case_and_are_written_in_upper_case() {
    let request: BulkRequest = parse(json!({
        "Operations": [{"Method": "post", "PATH": "/Users", "BulkID": "q"}]
    }))
    .unwrap();
    assert_eq!(request.operations[0].method, BulkMethod::Post);
    assert_eq!(request.operations[0].bulk_id.as_deref(), Some("q"));
    assert_eq!(
        to_json(&request)["Operations"][0],
        json!({"method": "POST", "path": "/Users", "bulkId": "q"})
    );
}

#[test]
fn sort_order_matches_in_any_case() {
    let request: SearchRequest =
        parse(json!({"sortBy": "userName", "SORTORDER": "Descending"})).unwrap();
    assert_eq!(request.sort_order, Some(SortOrder::Descending));
    assert_eq!(to_json(&request)["sortOrder"], json!("descending"));
}

// ---- schemas ----

#[test]
fn schemas_naming_another_message_is_rejected() {
    let error = parse::<PatchOp>(json!({"schemas": [message::LIST_RESPONSE], "Operations": []}))
        .unwrap_err();
    assert!(error.contains(message::PATCH_OP), "{error}");
}

#[test]
fn schemas_of_a_message_match_in_any_case() {
    let upper = message::SEARCH_REQUEST.to_uppercase();
    let request: SearchRequest =
        parse(json!({"schemas": [upper], "filter": "userName pr"})).unwrap();
    assert_eq!(
        to_json(&request)["schemas"],
        json!([message::SEARCH_REQUEST])
    );
}

// ---- unknown attributes ----

#[test]
fn unknown_attributes_of_messages_and_operations_are_kept() {
    let input = json!({
        "schemas": [message::BULK_REQUEST],
        "x-trace": "abc",
        "Operations": [{"method": "DELETE", "path": "/Users/1", "x-reason": {"code": 7}}]
    });
    let request: BulkRequest = parse(input.clone()).unwrap();
    assert_eq!(
        request
            .unknown_attributes
            .get_as::<serde_json::Value>("X-TRACE")
            .map(Result::unwrap),
        Some(json!("abc"))
    );
    assert_eq!(
        request.operations[0]
            .unknown_attributes
            .get_as::<serde_json::Value>("x-reason")
            .map(Result::unwrap),
        Some(json!({"code": 7}))
    );
    assert_eq!(to_json(&request), input);
}

#[test]
fn unknown_attributes_of_a_patch_operation_are_kept() {
    let input = json!({
        "schemas": [message::PATCH_OP],
        "Operations": [{"op": "add", "path": "members", "value": [{"value": "1"}], "note": "sync"}]
    });
    let patch: PatchOp = parse(input.clone()).unwrap();
    assert_eq!(
        patch.operations[0]
            .unknown_attributes
            .get_as::<serde_json::Value>("note")
            .map(Result::unwrap),
        Some(json!("sync"))
    );
    assert_eq!(to_json(&patch), input);
}

#[test]
fn an_unknown_attribute_of_a_list_response_is_kept() {
    let input = json!({"schemas": [message::LIST_RESPONSE], "totalResults": 0, "took": 12});
    let list: ListResponse<Value> = parse(input.clone()).unwrap();
    assert_eq!(
        list.unknown_attributes
            .get_as::<serde_json::Value>("took")
            .map(Result::unwrap),
        Some(json!(12))
    );
    assert_eq!(to_json(&list), input);
}

// ---- ListResponse ----

#[derive(Debug, PartialEq, scim::Resource)]
#[scim(schema = "urn:ietf:params:scim:schemas:core:2.0:User")]
struct User {
    id: Option<String>,
    user_name: Option<String>,
    #[scim(unknown)]
    unknown_attributes: UnknownAttributes,
}

#[test]
fn a_list_response_holds_typed_resources() {
    let list: ListResponse<User> = parse(json!({
        "totalResults": 1,
        "Resources": [{"id": "2819c223", "USERNAME": "bjensen"}]
    }))
    .unwrap();
    assert_eq!(list.resources[0].user_name.as_deref(), Some("bjensen"));
    assert_eq!(
        to_json(&list)["Resources"],
        json!([{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "2819c223", "userName": "bjensen"}])
    );
}

#[test]
fn a_resource_of_the_wrong_type_in_a_list_response_is_an_error() {
    let error =
        parse::<ListResponse<User>>(json!({"totalResults": 1, "Resources": [{"userName": 7}]}))
            .unwrap_err();
    assert!(error.contains("invalid type"), "{error}");
}

#[test]
fn a_cursor_page_round_trips() {
    // RFC 9865 §2, second response (Resources elided there, so none here).
    let input = json!({
        "totalResults": 100,
        "itemsPerPage": 10,
        "previousCursor": "ze7L30kMiiLX6x",
        "nextCursor": "YkU3OF86Pz0rGv",
        "schemas": [message::LIST_RESPONSE]
    });
    let page: ListResponse<Value> = parse(input.clone()).unwrap();
    assert_eq!(page.previous_cursor.as_deref(), Some("ze7L30kMiiLX6x"));
    assert_eq!(page.next_cursor.as_deref(), Some("YkU3OF86Pz0rGv"));
    assert_eq!(to_json(&page), input);
}

#[test]
fn a_cursor_page_may_omit_total_results() {
    // RFC 9865 §2: a service provider that cannot estimate totalResults may omit it.
    let input =
        json!({"schemas": [message::LIST_RESPONSE], "itemsPerPage": 0, "nextCursor": "abc"});
    let page: ListResponse<Value> = parse(input.clone()).unwrap();
    assert_eq!(page.total_results, None);
    assert_eq!(to_json(&page), input);
}

#[test]
fn index_paging_attributes_round_trip() {
    // RFC 7644 §3.4.2.4 Figure 3, with one resource for the elided ones.
    let input = json!({
        "totalResults": 100,
        "itemsPerPage": 10,
        "startIndex": 1,
        "schemas": [message::LIST_RESPONSE],
        "Resources": [{"id": "a"}]
    });
    let page: ListResponse<Value> = parse(input.clone()).unwrap();
    assert_eq!((page.start_index, page.items_per_page), (Some(1), Some(10)));
    assert_eq!(to_json(&page), input);
}

#[test]
fn an_empty_list_response_is_written_without_resources() {
    let list = ListResponse::<Value>::new(0, Vec::new());
    assert_eq!(
        to_json(&list),
        json!({"schemas": [message::LIST_RESPONSE], "totalResults": 0})
    );
}

#[test]
fn null_resources_read_as_none() {
    let list: ListResponse<Value> = parse(json!({"totalResults": 0, "Resources": null})).unwrap();
    assert!(list.resources.is_empty());
}

// ---- SearchRequest ----

#[test]
fn an_empty_cursor_asks_for_the_first_page_and_is_kept() {
    // RFC 9865 §3.
    let input = json!({
        "schemas": [message::SEARCH_REQUEST],
        "attributes": ["displayName", "userName"],
        "filter": "displayName sw \"smith\"",
        "cursor": "",
        "count": 10
    });
    let request: SearchRequest = parse(input.clone()).unwrap();
    assert_eq!(request.cursor.as_deref(), Some(""));
    assert_eq!(to_json(&request), input);
}

#[test]
fn every_search_request_attribute_round_trips() {
    let input = json!({
        "schemas": [message::SEARCH_REQUEST],
        "attributes": ["userName"],
        "excludedAttributes": ["emails", "groups"],
        "filter": "userName sw \"j\"",
        "sortBy": "name.familyName",
        "sortOrder": "ascending",
        "startIndex": 11,
        "count": 10,
        "cursor": "VZUTiyhEQJ94IR"
    });
    let request: SearchRequest = parse(input.clone()).unwrap();
    assert_eq!(request.excluded_attributes, ["emails", "groups"]);
    assert_eq!(request.sort_order, Some(SortOrder::Ascending));
    assert_eq!(to_json(&request), input);
}

#[test]
fn attributes_as_a_comma_separated_string_is_an_error() {
    // RFC 7644 §3.4.3 sends `attributes` as a JSON array of strings.
    let error = parse::<SearchRequest>(json!({"attributes": "userName,emails"})).unwrap_err();
    assert!(error.contains("invalid type"), "{error}");
}

#[test]
fn a_start_index_below_one_reads_as_one() {
    let request: SearchRequest = parse(json!({"startIndex": 0})).unwrap();
    assert_eq!(request.start_index, Some(0));
    assert_eq!(request.effective_start_index(), 1);
    assert_eq!(SearchRequest::new().effective_start_index(), 1);
    let request: SearchRequest = parse(json!({"startIndex": 21})).unwrap();
    assert_eq!(request.effective_start_index(), 21);
}

#[test]
fn a_negative_count_reads_as_zero() {
    let request: SearchRequest = parse(json!({"count": -3})).unwrap();
    assert_eq!(request.effective_count(), Some(0));
    let request: SearchRequest = parse(json!({"count": 25})).unwrap();
    assert_eq!(request.effective_count(), Some(25));
    assert_eq!(SearchRequest::new().effective_count(), None);
}

#[test]
fn a_new_search_request_is_only_its_schema() {
    assert_eq!(
        to_json(&SearchRequest::new()),
        json!({"schemas": [message::SEARCH_REQUEST]})
    );
}

// ---- PatchOp ----

#[test]
fn an_explicit_empty_value_is_kept_and_null_is_none() {
    // Okta empties a group with `"value": []`.
    let patch: PatchOp = parse(json!({"Operations": [
        {"op": "replace", "path": "members", "value": []},
        {"op": "replace", "path": "title", "value": null}
    ]}))
    .unwrap();
    assert_eq!(patch.operations[0].value, Some(json!([])));
    assert_eq!(patch.operations[1].value, None);
    assert_eq!(to_json(&patch)["Operations"][0]["value"], json!([]));
}

#[test]
fn a_patch_operation_without_op_is_an_error() {
    let error = parse::<PatchOp>(json!({"Operations": [{"path": "members"}]})).unwrap_err();
    assert!(error.contains("missing field `op`"), "{error}");
}

#[test]
fn patch_operation_constructors_write_the_rfc_shapes() {
    let patch = PatchOp::new(vec![
        PatchOperation::add("nickName", json!("Babs")),
        PatchOperation::replace("active", json!(false)),
        PatchOperation::remove("emails[type eq \"work\"]"),
        PatchOperation::new(PatchOpKind::Replace, None, Some(json!({"active": true}))),
    ]);
    assert_eq!(
        to_json(&patch)["Operations"],
        json!([
            {"op": "add", "path": "nickName", "value": "Babs"},
            {"op": "replace", "path": "active", "value": false},
            {"op": "remove", "path": "emails[type eq \"work\"]"},
            {"op": "replace", "value": {"active": true}}
        ])
    );
}

// ---- Bulk ----

#[test]
fn bulk_status_as_a_string_round_trips() {
    let status: BulkStatus = serde_json::from_value(json!("201")).unwrap();
    assert_eq!(status, BulkStatus::Code(StatusCode::Text("201".into())));
    assert_eq!(status.code(), Some(201));
    assert_eq!(to_json(&status), json!("201"));
}

#[test]
fn bulk_status_as_an_object_round_trips() {
    let status: BulkStatus = serde_json::from_value(json!({"code": "201"})).unwrap();
    assert_eq!(status, BulkStatus::Object(BulkStatusObject::new(201)));
    assert_eq!(status.code(), Some(201));
    assert_eq!(to_json(&status), json!({"code": "201"}));
}

#[test]
fn bulk_status_as_an_integer_round_trips() {
    let status: BulkStatus = serde_json::from_value(json!(204)).unwrap();
    assert_eq!(status, BulkStatus::Code(StatusCode::Number(204)));
    assert_eq!(status.code(), Some(204));
    assert_eq!(to_json(&status), json!(204));
}

#[test]
fn bulk_status_object_keeps_its_integer_code_description_and_unknown_attributes() {
    let input = json!({"CODE": 400, "description": "Request is unparsable.", "retry": false});
    let status: BulkStatus = serde_json::from_value(input).unwrap();
    assert_eq!(status.code(), Some(400));
    assert_eq!(status.description(), Some("Request is unparsable."));
    assert!(!status.is_success());
    assert_eq!(
        to_json(&status),
        json!({"code": 400, "description": "Request is unparsable.", "retry": false})
    );
}

#[test]
fn bulk_status_text_that_is_not_a_code_is_kept_without_a_code() {
    let status: BulkStatus = serde_json::from_value(json!("Created")).unwrap();
    assert_eq!(status.code(), None);
    assert_eq!(to_json(&status), json!("Created"));
    let status: BulkStatus = serde_json::from_value(json!("+201")).unwrap();
    assert_eq!(status.code(), None);
}

#[test]
fn bulk_status_of_the_wrong_type_is_an_error() {
    for wrong in [
        json!(true),
        json!(201.5),
        json!(-1),
        json!(70000),
        json!(["201"]),
    ] {
        assert!(
            serde_json::from_value::<BulkStatus>(wrong.clone()).is_err(),
            "{wrong}"
        );
    }
    let error = serde_json::from_value::<BulkStatus>(json!({"description": "x"})).unwrap_err();
    assert!(
        error.to_string().contains("missing field `code`"),
        "{error}"
    );
}

#[test]
fn new_bulk_status_is_written_as_a_string() {
    assert_eq!(to_json(&BulkStatus::new(200)), json!("200"));
    assert!(BulkStatus::from(201).is_success());
}

#[test]
fn a_bulk_response_operation_without_status_is_an_error() {
    let error = parse::<BulkResponse>(json!({"Operations": [{"method": "POST"}]})).unwrap_err();
    assert!(error.contains("missing field `status`"), "{error}");
}

#[test]
fn a_bulk_request_operation_without_path_is_an_error() {
    let error = parse::<BulkRequest>(json!({"Operations": [{"method": "DELETE"}]})).unwrap_err();
    assert!(error.contains("missing field `path`"), "{error}");
}

#[test]
fn a_failed_bulk_operation_response_reads_as_an_error() {
    let response: BulkResponse = parse(json!({"Operations": [{
        "method": "POST",
        "bulkId": "qwerty",
        "status": "400",
        "response": {"schemas": [message::ERROR], "scimType": "invalidSyntax", "status": "400"}
    }]}))
    .unwrap();
    let body = response.operations[0].response.clone().unwrap();
    let error: scim::Error = serde_json::from_value(body).unwrap();
    assert_eq!(
        error,
        scim::Error::new(400, Some(scim::ScimType::InvalidSyntax), None)
    );
}

#[test]
fn bulk_builders_write_the_rfc_shapes() {
    let mut request = BulkRequest::new(vec![BulkRequestOperation::new(
        BulkMethod::Put,
        "/Users/b7c1",
    )
    .with_version("W/\"3694e05e9dff591\"")
    .with_data(json!({"userName": "Bob"}))]);
    request.fail_on_errors = Some(1);
    assert_eq!(
        to_json(&request),
        json!({
            "schemas": [message::BULK_REQUEST],
            "failOnErrors": 1,
            "Operations": [{"method": "PUT", "path": "/Users/b7c1", "version": "W/\"3694e05e9dff591\"", "data": {"userName": "Bob"}}]
        })
    );
    let response = BulkResponse::new(vec![BulkResponseOperation::new(
        BulkMethod::Post,
        BulkStatus::new(201),
    )
    .with_bulk_id("qwerty")
    .with_location("https://example.com/v2/Users/92b7")
    .with_version("W/\"oY4m4wn58tkVjJxK\"")]);
    assert_eq!(
        to_json(&response),
        json!({
            "schemas": [message::BULK_RESPONSE],
            "Operations": [{"method": "POST", "bulkId": "qwerty", "version": "W/\"oY4m4wn58tkVjJxK\"",
                            "location": "https://example.com/v2/Users/92b7", "status": "201"}]
        })
    );
}

// ---- wrong types ----

#[test]
fn wrong_types_are_errors_not_panics() {
    let cases: Vec<(&str, Result<(), String>)> = vec![
        (
            "Operations as an object",
            parse::<PatchOp>(json!({"Operations": {"op": "add"}})).map(drop),
        ),
        (
            "op as a number",
            parse::<PatchOp>(json!({"Operations": [{"op": 1}]})).map(drop),
        ),
        (
            "path as an array",
            parse::<PatchOp>(json!({"Operations": [{"op": "remove", "path": ["a"]}]})).map(drop),
        ),
        (
            "totalResults as a string",
            parse::<ListResponse<Value>>(json!({"totalResults": "2"})).map(drop),
        ),
        (
            "Resources as an object",
            parse::<ListResponse<Value>>(json!({"Resources": {"id": "a"}})).map(drop),
        ),
        (
            "count as a decimal",
            parse::<SearchRequest>(json!({"count": 1.5})).map(drop),
        ),
        (
            "failOnErrors as a string",
            parse::<BulkRequest>(json!({"failOnErrors": "1"})).map(drop),
        ),
        (
            "method as an object",
            parse::<BulkRequest>(json!({"Operations": [{"method": {}, "path": "/Users"}]}))
                .map(drop),
        ),
        (
            "schemas as a string",
            parse::<BulkResponse>(json!({"schemas": message::BULK_RESPONSE})).map(drop),
        ),
        (
            "a message as an array",
            parse::<SearchRequest>(json!([])).map(drop),
        ),
    ];
    for (case, result) in cases {
        assert!(result.is_err(), "{case} was accepted");
    }
}

#[test]
fn the_same_attribute_twice_in_different_case_is_rejected() {
    let error = parse::<SearchRequest>(json!({"filter": "a pr", "FILTER": "b pr"})).unwrap_err();
    assert!(error.contains("more than once"), "{error}");
}
