//! Doc comments from schema descriptions, plus a line of characteristics.

use proc_macro2::TokenStream;
use quote::quote;
use scim::schema::{Attribute, AttributeType};

const WIDTH: usize = 88;

/// `#[doc = "..."]` attributes, one per line, so that they print as `///` comments.
pub fn attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote!(#(#[doc = #lines])*)
}

/// The description wrapped into lines, followed by an empty line; nothing when absent.
pub fn paragraphs(description: Option<&str>) -> Vec<String> {
    match description.map(str::trim) {
        Some(text) if !text.is_empty() => {
            let mut lines = wrap(text);
            lines.push(String::new());
            lines
        }
        _ => Vec::new(),
    }
}

/// Words of `text`, made safe for rustdoc, wrapped at a readable width.
pub fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace().map(escape_word) {
        if !line.is_empty() && line.len() + 1 + word.len() > WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Keeps Markdown and rustdoc from reading description text as links, HTML or code.
fn escape_word(word: &str) -> String {
    let trimmed = word.trim_end_matches(['.', ',', ';', ')', '\'', '"']);
    let start = trimmed.find("http://").or_else(|| trimmed.find("https://"));
    if let Some(start) = start {
        let (before, url) = trimmed.split_at(start);
        let after = &word[trimmed.len()..];
        return format!("{}<{url}>{after}", escape_text(before));
    }
    escape_text(word)
}

pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_bidi_control(c) {
            // Control and text-direction characters would corrupt the source file or
            // trip rustc's `text_direction_codepoint_in_comment`; write their code.
            escaped.push_str(&format!("U+{:04X}", u32::from(c)));
            continue;
        }
        if matches!(c, '[' | ']' | '<' | '>' | '`' | '*' | '_' | '#' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The code points that change text direction (Unicode bidi controls).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line that states every characteristic of `attribute` (RFC 7643 §2.2, §7).
pub fn characteristics(attribute: &Attribute) -> String {
    let mut parts = vec![format!("SCIM `{}`", attribute.name)];
    let kind = if attribute.multi_valued {
        format!("multi-valued {}", attribute.kind)
    } else {
        attribute.kind.to_string()
    };
    parts.push(kind);
    parts.push(
        if attribute.required {
            "required"
        } else {
            "optional"
        }
        .to_owned(),
    );
    parts.push(attribute.mutability.to_string());
    parts.push(format!("returned {}", attribute.returned));
    if attribute.kind != AttributeType::Complex {
        parts.push(format!("uniqueness {}", attribute.uniqueness));
        parts.push(
            if attribute.case_exact {
                "case-exact"
            } else {
                "case-insensitive"
            }
            .to_owned(),
        );
    }
    if !attribute.reference_types.is_empty() {
        let types: Vec<&str> = attribute
            .reference_types
            .iter()
            .map(|t| t.as_ref())
            .collect();
        parts.push(format!("references {}", types.join(", ")));
    }
    format!("{}.", parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scim::schema::{Mutability, Returned};

    #[test]
    fn descriptions_wrap_and_escape_markdown() {
        let lines = wrap("See [RFC5646] and https://example.com/x. A <tag> here.");
        assert_eq!(
            lines,
            vec!["See \\[RFC5646\\] and <https://example.com/x>. A \\<tag\\> here."]
        );
        let long = "word ".repeat(40);
        assert!(wrap(&long).iter().all(|line| line.len() <= WIDTH));
    }

    #[test]
    fn control_and_direction_characters_are_written_as_code_points() {
        assert_eq!(wrap("a\u{202E}b\u{0}c"), vec!["aU+202EbU+0000c"]);
    }

    #[test]
    fn characteristics_name_every_rule() {
        let password = Attribute {
            mutability: Mutability::WriteOnly,
            returned: Returned::Never,
            case_exact: true,
            ..Attribute::new("password", AttributeType::String)
        };
        assert_eq!(
            characteristics(&password),
            "SCIM `password` · string · optional · writeOnly · returned never · uniqueness none · case-exact."
        );
    }
}
