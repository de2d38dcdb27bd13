//! Rust names for SCIM names: one place that decides field, type and module names,
//! keeps the wire name, and handles keywords and `$ref`.

use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

/// Field name used for the attributes a typed model does not define.
pub const UNKNOWN_FIELD: &str = "unknown_attributes";

/// Rust keywords, strict and reserved (2015–2024 editions).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// The Rust field name for an attribute: snake_case, `$ref` as `reference`, keywords as
/// raw identifiers (`r#type`), or with a trailing `_` where Rust allows no raw form.
pub fn field_name(attribute: &str) -> String {
    if attribute.eq_ignore_ascii_case("$ref") {
        return "reference".to_owned();
    }
    let snake = ascii_words(attribute).to_snake_case();
    let snake = if snake.is_empty() {
        "unnamed".to_owned()
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{snake}")
    } else {
        snake
    };
    escape_keyword(snake)
}

/// Whether the derive's default wire name for `field` differs from `wire`, so that the
/// generator must write `#[scim(rename = "...")]`.
pub fn needs_rename(field: &str, wire: &str) -> bool {
    field.trim_start_matches("r#").to_lower_camel_case() != wire
}

/// A type name: UpperCamelCase of the SCIM name.
pub fn type_name(name: &str) -> String {
    let camel = ascii_words(name).to_upper_camel_case();
    if camel.is_empty() {
        "Unnamed".to_owned()
    } else if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("T{camel}")
    } else if KEYWORDS.contains(&camel.as_str()) {
        format!("{camel}Type")
    } else {
        camel
    }
}

/// The type name for one value of an attribute: singular for multi-valued ones
/// (`emails` → `Email`, `addresses` → `Address`, `entitlements` → `Entitlement`).
pub fn element_type_name(attribute: &str, multi_valued: bool) -> String {
    let name = type_name(attribute);
    if multi_valued {
        singular(&name)
    } else {
        name
    }
}

/// `name` with every character that is not an ASCII letter or digit turned into a word
/// break, so that every name made from it is a plain Rust identifier whatever the schema
/// says (`User²` → `User`, `in-progress` → `InProgress`).
fn ascii_words(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// A module name: snake_case of the type name, keywords escaped.
pub fn module_name(type_name: &str) -> String {
    escape_keyword(type_name.to_snake_case())
}

/// English singular of a plural attribute name, for the common SCIM patterns.
fn singular(name: &str) -> String {
    const KEEP: &[&str] = &["ss", "us", "is"];
    if let Some(stem) = name.strip_suffix("ies") {
        if !stem.is_empty() {
            return format!("{stem}y");
        }
    }
    for ending in ["sses", "shes", "ches", "xes", "zes", "uses", "iases"] {
        if name.ends_with(ending) {
            return name[..name.len() - 2].to_owned();
        }
    }
    if KEEP.iter().any(|ending| name.ends_with(ending)) {
        return name.to_owned();
    }
    match name.strip_suffix('s') {
        Some(stem) if stem.len() > 1 => stem.to_owned(),
        _ => name.to_owned(),
    }
}

fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_snake_case_with_keywords_escaped() {
        assert_eq!(field_name("userName"), "user_name");
        assert_eq!(field_name("x509Certificates"), "x509_certificates");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("$ref"), "reference");
        assert_eq!(field_name("$REF"), "reference");
        assert_eq!(field_name("a$b"), "a_b");
        assert_eq!(field_name("9lives"), "_9lives");
    }

    #[test]
    fn renames_are_needed_only_where_the_derive_would_guess_wrong() {
        assert!(!needs_rename("user_name", "userName"));
        assert!(!needs_rename("r#type", "type"));
        assert!(!needs_rename("x509_certificates", "x509Certificates"));
        assert!(needs_rename("reference", "$ref"));
        assert!(!needs_rename("self_", "self"));
        assert!(needs_rename("url", "URL"));
    }

    #[test]
    fn element_types_are_singular() {
        let cases = [
            ("emails", "Email"),
            ("addresses", "Address"),
            ("phoneNumbers", "PhoneNumber"),
            ("ims", "Im"),
            ("x509Certificates", "X509Certificate"),
            ("entitlements", "Entitlement"),
            ("authenticationSchemes", "AuthenticationScheme"),
            ("schemaExtensions", "SchemaExtension"),
            ("subAttributes", "SubAttribute"),
            ("properties", "Property"),
            ("status", "Status"),
            ("boxes", "Box"),
            ("statuses", "Status"),
            ("aliases", "Alias"),
        ];
        for (attribute, expected) in cases {
            assert_eq!(element_type_name(attribute, true), expected, "{attribute}");
        }
        assert_eq!(element_type_name("name", false), "Name");
    }

    #[test]
    fn names_from_any_text_are_plain_identifiers() {
        assert_eq!(type_name("User²"), "User");
        assert_eq!(type_name("٣"), "Unnamed");
        assert_eq!(type_name("Ⅻ½x"), "X");
        assert_eq!(type_name("in-progress"), "InProgress");
        assert_eq!(
            type_name("Service Provider Config"),
            "ServiceProviderConfig"
        );
        for name in ["User²", "٣", "a b", "9", "", "self", "$ref"] {
            assert!(
                syn::parse_str::<syn::Ident>(&type_name(name)).is_ok(),
                "{name}"
            );
            assert!(
                syn::parse_str::<syn::Ident>(&field_name(name)).is_ok(),
                "{name}"
            );
        }
    }

    #[test]
    fn type_and_module_names_avoid_keywords() {
        assert_eq!(type_name("self"), "SelfType");
        assert_eq!(type_name("enterpriseUser"), "EnterpriseUser");
        assert_eq!(module_name("EnterpriseUser"), "enterprise_user");
        assert_eq!(module_name("Type"), "r#type");
    }
}
