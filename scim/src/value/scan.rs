//! Small helpers shared by the parsers of this module: reading the character at a byte
//! offset and describing what a parser found there in an error message.

use std::fmt;

/// The character that starts at byte `offset` of `text`, if any.
///
/// `None` at the end of the text, and also (defensively) when `offset` is not on a
/// character boundary; the parsers only stop on boundaries.
pub(crate) fn char_at(text: &str, offset: usize) -> Option<char> {
    text.get(offset..).and_then(|rest| rest.chars().next())
}

/// What a parser found where it expected something else: a character, or the end of
/// the text. Displays as `'x'` or `the end of the text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found(pub(crate) Option<char>);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(c) => write!(f, "{c:?}"),
            None => f.write_str("the end of the text"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_at_reads_a_multi_byte_character_whole() {
        assert_eq!(char_at("aé", 1), Some('é'));
    }

    #[test]
    fn char_at_is_none_inside_a_multi_byte_character() {
        assert_eq!(char_at("é", 1), None);
    }

    #[test]
    fn char_at_is_none_at_the_end() {
        assert_eq!(char_at("ab", 2), None);
    }

    #[test]
    fn found_describes_a_character_quoted() {
        assert_eq!(Found(Some('x')).to_string(), "'x'");
    }

    #[test]
    fn found_describes_the_end_of_the_text() {
        assert_eq!(Found(None).to_string(), "the end of the text");
    }
}
