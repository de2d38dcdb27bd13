//! Small helpers shared by the parsers of this module: reading the character at a byte
//! offset and describing what a parser found there in an error message.

use std::fmt;

/// The character that starts at byte `offset` of `text`, if any.
///
/// `None` at the end of the text, and also (defensively) when `offset` is not on a
/// character boundary; the parsers only stop on boundaries.
pub(crate) const fn char_at(text: &str, offset: usize) -> Option<char> {
    let bytes = text.as_bytes();
    if offset >= bytes.len() || (bytes[offset] as i8) < -0x40 {
        // The end, or a continuation byte: not the start of a character.
        return None;
    }
    let first = bytes[offset];
    let (width, mut code) = match first {
        0x00..=0x7f => return Some(first as char),
        0xc0..=0xdf => (2, (first & 0x1f) as u32),
        0xe0..=0xef => (3, (first & 0x0f) as u32),
        _ => (4, (first & 0x07) as u32),
    };
    // `text` is UTF-8, so the continuation bytes are there.
    let mut next = 1;
    while next < width {
        code = (code << 6) | (bytes[offset + next] & 0x3f) as u32;
        next += 1;
    }
    char::from_u32(code)
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
    fn char_at_reads_what_the_standard_library_reads_at_every_offset() {
        let text = "a\u{7f}\u{80}é\u{7ff}\u{800}€\u{ffff}\u{10000}😀\u{10ffff}z";
        for offset in 0..=text.len() + 1 {
            let expected = text.get(offset..).and_then(|rest| rest.chars().next());
            assert_eq!(char_at(text, offset), expected, "at {offset}");
        }
    }

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
