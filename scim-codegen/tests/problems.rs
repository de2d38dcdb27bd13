//! Problems the generator finds in valid schemas point at their place in the inputs:
//! the file, and the line and column of the attribute's `name`, the resource type's
//! `name` or the schema's `id`, as the loader's diagnostics do.

use scim::schema::{Location, Origin};
use scim_codegen::{Builder, Error, Problem};

/// The problems of generating from `builder`, which must fail in generation.
fn problems(builder: &Builder) -> Vec<Problem> {
    match builder.generate() {
        Err(Error::Generate(problems)) => problems,
        Err(other) => panic!("expected generation problems, got: {other}"),
        Ok(_) => panic!("expected generation problems, generated code"),
    }
}

fn origin(file: &str, line: u32, column: u32) -> Option<Origin> {
    Some(Origin {
        file: file.to_owned(),
        location: Location::new(line, column),
    })
}

#[test]
fn a_field_name_collision_points_at_the_second_attribute_name() {
    let mut builder = Builder::new();
    builder.schema_str(
        "widget.json",
        "{\"id\": \"urn:example:Widget\", \"name\": \"Widget\", \"attributes\": [\n\
         \x20 {\"name\": \"fooBar\"},\n\
         \x20 {\"name\": \"foo_bar\"}\n\
         ]}",
    );
    assert_eq!(
        problems(&builder),
        [Problem {
            schema: "urn:example:Widget".into(),
            path: "foo_bar".into(),
            message: "the Rust field name `foo_bar` is also the name of `fooBar`; \
                      choose another with Builder::rename_field"
                .into(),
            origin: origin("widget.json", 3, 12),
        }]
    );
}

#[test]
fn a_problem_displays_file_line_column_schema_path_and_message() {
    let mut builder = Builder::new();
    builder.schema_str(
        "widget.json",
        "{\"id\": \"urn:example:Widget\", \"name\": \"Widget\", \"attributes\": [\n\
         \x20 {\"name\": \"unknownAttributes\"}\n\
         ]}",
    );
    let error = builder.generate().unwrap_err();
    assert_eq!(
        error.to_string(),
        "widget.json:2:12: urn:example:Widget: unknownAttributes: the Rust field name \
         `unknown_attributes` is reserved for the attributes no schema defines; \
         choose another with Builder::rename_field"
    );
}

#[test]
fn a_sub_attribute_problem_points_at_the_sub_attribute_name() {
    let mut builder = Builder::new();
    builder.schema_str(
        "widget.json",
        "{\"id\": \"urn:example:Widget\", \"name\": \"Widget\", \"attributes\": [\n\
         {\"name\": \"size\", \"type\": \"complex\", \"subAttributes\": [\n\
         \x20 {\"name\": \"widthMm\", \"type\": \"integer\"},\n\
         \x20 {\"name\": \"width_mm\", \"type\": \"integer\"}]}\n\
         ]}",
    );
    let found = problems(&builder);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, "size.width_mm");
    assert_eq!(found[0].origin, origin("widget.json", 4, 12));
}

#[test]
fn a_type_name_problem_of_a_schema_points_at_its_id() {
    let mut builder = Builder::new();
    builder.schema_str(
        "option.json",
        "{\"name\": \"Option\",\n \"id\": \"urn:example:Option\", \"attributes\": []}",
    );
    let found = problems(&builder);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, "");
    assert_eq!(found[0].origin, origin("option.json", 2, 8));
}

#[test]
fn a_type_name_problem_of_a_resource_type_points_at_its_name() {
    let mut builder = Builder::new();
    builder.schema_str(
        "thing.json",
        "[{\"id\": \"urn:example:Thing\", \"attributes\": []},\n\
         {\"endpoint\": \"/Options\", \"schema\": \"urn:example:Thing\",\n\
         \x20\"name\": \"Option\"}]",
    );
    let found = problems(&builder);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].schema, "urn:example:Thing");
    assert_eq!(found[0].origin, origin("thing.json", 3, 10));
}

#[test]
fn a_problem_in_a_bundled_schema_names_the_bundled_file() {
    let mut builder = Builder::new();
    builder
        .bundled_schemas()
        .rename_type("urn:ietf:params:scim:schemas:core:2.0:User", "Option");
    let found = problems(&builder);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].origin, origin("bundled:rfc7643/User.json", 5, 9));
}

#[test]
fn a_rename_of_nothing_has_no_origin_in_the_schemas() {
    let mut builder = Builder::new();
    builder
        .schema_str(
            "widget.json",
            "{\"id\": \"urn:example:Widget\", \"attributes\": [{\"name\": \"serial\"}]}",
        )
        .rename_field("urn:example:Widget", "serail", "serial_number");
    let found = problems(&builder);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].origin, None);
    assert_eq!(
        found[0].to_string(),
        "urn:example:widget: serail: rename_field names no attribute of that schema among the inputs"
    );
}
