//! The JSON representation of the schema model: RFC 7643 §7 Schema resources and
//! RFC 7643 §6 ResourceType resources, as a `/Schemas` or `/ResourceTypes` endpoint
//! serves them. Every characteristic is written out, so that loading the output gives
//! the same model back.

use serde_json::{json, Map, Value};

use super::document::{RESOURCE_TYPE_URN, SCHEMA_URN};
use super::model::{Attribute, ResourceType, Schema};

impl Schema {
    /// The RFC 7643 §7 representation of the schema, with `schemas` set to
    /// `urn:ietf:params:scim:schemas:core:2.0:Schema` (erratum 8417) and every
    /// characteristic of every attribute written out.
    ///
    /// ```
    /// use scim::schema::{Attribute, AttributeType, Schema};
    /// use std::borrow::Cow;
    ///
    /// let schema = Schema {
    ///     id: "urn:example:Widget".into(),
    ///     name: None,
    ///     description: None,
    ///     attributes: Cow::Owned(vec![Attribute::new("serial", AttributeType::String)]),
    /// };
    /// let json = schema.to_json();
    /// assert_eq!(json["schemas"][0], "urn:ietf:params:scim:schemas:core:2.0:Schema");
    /// assert_eq!(json["attributes"][0]["mutability"], "readWrite");
    /// assert_eq!(json["attributes"][0]["uniqueness"], "none");
    /// ```
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("schemas".to_owned(), json!([SCHEMA_URN]));
        object.insert("id".to_owned(), json!(self.id));
        if let Some(name) = &self.name {
            object.insert("name".to_owned(), json!(name));
        }
        if let Some(description) = &self.description {
            object.insert("description".to_owned(), json!(description));
        }
        object.insert("attributes".to_owned(), attributes_json(&self.attributes));
        Value::Object(object)
    }
}

fn attributes_json(attributes: &[Attribute]) -> Value {
    Value::Array(attributes.iter().map(attribute_json).collect())
}

/// One attribute with all its characteristics (RFC 7643 §7). `canonicalValues` and
/// `referenceTypes` are written when the type may have them or when they are set;
/// `subAttributes` likewise.
fn attribute_json(attribute: &Attribute) -> Value {
    let mut object = Map::new();
    object.insert("name".to_owned(), json!(attribute.name));
    object.insert("type".to_owned(), json!(attribute.kind.as_str()));
    object.insert("multiValued".to_owned(), json!(attribute.multi_valued));
    if let Some(description) = &attribute.description {
        object.insert("description".to_owned(), json!(description));
    }
    object.insert("required".to_owned(), json!(attribute.required));
    if attribute.kind.allows_canonical_values() || !attribute.canonical_values.is_empty() {
        object.insert(
            "canonicalValues".to_owned(),
            json!(attribute.canonical_values),
        );
    }
    object.insert("caseExact".to_owned(), json!(attribute.case_exact));
    object.insert(
        "mutability".to_owned(),
        json!(attribute.mutability.as_str()),
    );
    object.insert("returned".to_owned(), json!(attribute.returned.as_str()));
    object.insert(
        "uniqueness".to_owned(),
        json!(attribute.uniqueness.as_str()),
    );
    if attribute.kind.allows_reference_types() || !attribute.reference_types.is_empty() {
        object.insert(
            "referenceTypes".to_owned(),
            json!(attribute.reference_types),
        );
    }
    if attribute.kind == super::model::AttributeType::Complex
        || !attribute.sub_attributes.is_empty()
    {
        object.insert(
            "subAttributes".to_owned(),
            attributes_json(&attribute.sub_attributes),
        );
    }
    Value::Object(object)
}

impl ResourceType {
    /// The RFC 7643 §6 representation of the resource type, with `schemas` set to
    /// `urn:ietf:params:scim:schemas:core:2.0:ResourceType`.
    ///
    /// ```
    /// use scim::schema::{ResourceType, SchemaExtension};
    /// use std::borrow::Cow;
    ///
    /// let user = ResourceType {
    ///     id: Some("User".into()),
    ///     name: "User".into(),
    ///     description: None,
    ///     endpoint: "/Users".into(),
    ///     schema: "urn:ietf:params:scim:schemas:core:2.0:User".into(),
    ///     schema_extensions: Cow::Owned(vec![SchemaExtension {
    ///         schema: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User".into(),
    ///         required: false,
    ///     }]),
    /// };
    /// let json = user.to_json();
    /// assert_eq!(json["endpoint"], "/Users");
    /// assert_eq!(json["schemaExtensions"][0]["required"], false);
    /// ```
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("schemas".to_owned(), json!([RESOURCE_TYPE_URN]));
        if let Some(id) = &self.id {
            object.insert("id".to_owned(), json!(id));
        }
        object.insert("name".to_owned(), json!(self.name));
        if let Some(description) = &self.description {
            object.insert("description".to_owned(), json!(description));
        }
        object.insert("endpoint".to_owned(), json!(self.endpoint));
        object.insert("schema".to_owned(), json!(self.schema));
        let extensions: Vec<Value> = self
            .schema_extensions
            .iter()
            .map(|extension| json!({"schema": extension.schema, "required": extension.required}))
            .collect();
        object.insert("schemaExtensions".to_owned(), Value::Array(extensions));
        Value::Object(object)
    }
}
