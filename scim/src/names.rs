//! Attribute names and schema URIs compare case-insensitively (RFC 7643 §2.1); these
//! helpers do so in linear time, whatever the input's size.

use std::collections::HashSet;

/// Up to this many names, comparing each with the earlier ones beats hashing.
const SCAN_UP_TO: usize = 8;

/// The first name that occurs a second time, compared case-insensitively.
pub(crate) fn first_repeat<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let names: Vec<&str> = names.into_iter().collect();
    if names.len() <= SCAN_UP_TO {
        return names.iter().enumerate().find_map(|(index, name)| {
            names[..index]
                .iter()
                .any(|earlier| earlier.eq_ignore_ascii_case(name))
                .then_some(*name)
        });
    }
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
        let many: Vec<String> = (0..100).map(|index| format!("n{index}")).collect();
        let mut names: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(first_repeat(names.iter().copied()), None);
        names.push("N42");
        assert_eq!(first_repeat(names), Some("N42"));
        let mut seen = SeenNames::default();
        assert!(seen.insert("userName"));
        assert!(!seen.insert("USERNAME"));
    }
}
