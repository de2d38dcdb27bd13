//! Attribute names and schema URIs compare case-insensitively (RFC 7643 §2.1); these
//! helpers do so in linear time, whatever the input's size.

use std::collections::HashSet;

/// The first name that occurs a second time, compared case-insensitively.
pub(crate) fn first_repeat<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut seen = HashSet::new();
    names
        .into_iter()
        .find(|name| !seen.insert(name.to_ascii_lowercase()))
}

/// Names seen so far, compared case-insensitively.
#[derive(Default)]
pub(crate) struct SeenNames {
    names: HashSet<String>,
}

impl SeenNames {
    /// Records `name`; false when it (in any case) was seen before.
    pub(crate) fn insert(&mut self, name: &str) -> bool {
        self.names.insert(name.to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_found_in_any_case() {
        assert_eq!(first_repeat(["a", "B", "b"]), Some("b"));
        assert_eq!(first_repeat(["a", "b"]), None);
        let mut seen = SeenNames::default();
        assert!(seen.insert("userName"));
        assert!(!seen.insert("USERNAME"));
    }
}
