//! Case-insensitive string comparison, for attributes whose `caseExact` is false
//! (RFC 7643 §2.2, §7; RFC 7644 §3.4.2.2 filters and §3.4.2.3 sorting).
//!
//! Strings are compared by their *case fold*: each character mapped to upper case and the
//! result to lower case, with the Unicode tables of the standard library and no locale
//! (RFC 7644 §3.4.2.3: "no specific locale implied"). That maps `ß` and `SS` alike to
//! `ss`, the final sigma `ς` like `σ` and `Σ`, and the Kelvin sign `K` like `k`. ASCII text
//! takes a fast path that neither allocates nor decodes characters.

use std::borrow::Cow;
use std::cmp::Ordering;

/// The case fold of one character: upper case, then lower case. U+1E9E `ẞ` upper-cases
/// to itself, so it is read as `ß` first, whose fold is `ss` (Unicode CaseFolding.txt:
/// `1E9E; F; 0073 0073`).
fn fold_char(c: char) -> impl Iterator<Item = char> {
    let c = if c == '\u{1E9E}' { 'ß' } else { c };
    c.to_uppercase().flat_map(char::to_lowercase)
}

/// The case fold of `text`, one character at a time.
fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(fold_char)
}

/// The case fold of `text` (see [`CaseFolded`]): borrowed when `text` is ASCII without
/// upper-case letters.
///
/// ```
/// use scim::filter::fold_case;
///
/// assert_eq!(fold_case("BJensen@Example.COM"), "bjensen@example.com");
/// assert_eq!(fold_case("Straße"), "strasse");
/// assert_eq!(fold_case("STRAẞE"), "strasse");
/// assert_eq!(fold_case("ΣΊΣΥΦΟΣ"), fold_case("σίσυφος"));
/// ```
pub fn fold_case(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|byte| byte.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        }
    } else {
        Cow::Owned(folded_chars(text).collect())
    }
}

/// The order of `a` and `b` ignoring case: the code point order of their case folds, the
/// "case-insensitive Unicode alphabetic sort order with no specific locale implied" of
/// RFC 7644 §3.4.2.3. Allocates nothing.
///
/// ```
/// use scim::filter::cmp_ignore_case;
/// use std::cmp::Ordering;
///
/// assert_eq!(cmp_ignore_case("alice", "BOB"), Ordering::Less);
/// assert_eq!(cmp_ignore_case("STRASSE", "straße"), Ordering::Equal);
/// ```
pub fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        // UTF-8 keeps code point order, so bytes compare like characters.
        a.bytes()
            .map(|byte| byte.to_ascii_lowercase())
            .cmp(b.bytes().map(|byte| byte.to_ascii_lowercase()))
    } else {
        folded_chars(a).cmp(folded_chars(b))
    }
}

/// A string case-folded once, to be compared with many texts ignoring case: the
/// comparison value of a filter on a `caseExact: false` attribute (RFC 7644 §3.4.2.2).
///
/// The *case fold* of a string maps each character to upper case and the result to lower
/// case, with the Unicode tables of the standard library and no locale (RFC 7644
/// §3.4.2.3: "no specific locale implied"): `ß` and `SS` both fold to `ss`, the final
/// sigma `ς` folds like `σ` and `Σ`, the Kelvin sign `K` like `k`. Each method folds the
/// text it is given (without allocating when the text is ASCII) and compares the fold
/// with this one.
///
/// ```
/// use scim::filter::CaseFolded;
///
/// let domain = CaseFolded::new("@Example.com");
/// assert_eq!(domain.as_str(), "@example.com");
/// assert!(domain.within("BJensen@EXAMPLE.COM"));
/// assert!(domain.suffix_of("bjensen@example.COM"));
/// assert!(!domain.prefix_of("bjensen@example.com"));
/// assert!(CaseFolded::new("Straße").equals("STRASSE"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CaseFolded {
    folded: Box<str>,
    ascii: bool,
}

impl CaseFolded {
    /// Folds `text` once.
    ///
    /// ```
    /// # use scim::filter::CaseFolded;
    /// assert_eq!(CaseFolded::new("ΣΑΣ").as_str(), "σασ");
    /// ```
    pub fn new(text: &str) -> Self {
        let folded: Box<str> = fold_case(text).into();
        CaseFolded {
            ascii: folded.is_ascii(),
            folded,
        }
    }

    /// The case fold.
    ///
    /// ```
    /// # use scim::filter::CaseFolded;
    /// assert_eq!(CaseFolded::new("Work").as_str(), "work");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// Whether `text` equals this string ignoring case (`eq`).
    ///
    /// ```
    /// # use scim::filter::CaseFolded;
    /// assert!(CaseFolded::new("work").equals("WORK"));
    /// assert!(!CaseFolded::new("work").equals("worker"));
    /// ```
    #[inline]
    pub fn equals(&self, text: &str) -> bool {
        if self.ascii && text.len() == self.folded.len() && text.eq_ignore_ascii_case(&self.folded)
        {
            return true;
        }
        !text.is_ascii() && self.unicode(UnicodeTest::Equals, text)
    }

    /// Whether `text` starts with this string ignoring case (`sw`).
    ///
    /// ```
    /// # use scim::filter::CaseFolded;
    /// assert!(CaseFolded::new("j").prefix_of("Jensen"));
    /// assert!(CaseFolded::new("jensen").prefix_of("JENSEN"));
    /// ```
    #[inline]
    pub fn prefix_of(&self, text: &str) -> bool {
        let head = text.as_bytes().get(..self.folded.len());
        self.end_matches(head, text, UnicodeTest::Prefix)
    }

    /// Whether `text` ends with this string ignoring case (`ew`).
    ///
    /// ```
    /// # use scim::filter::CaseFolded;
    /// assert!(CaseFolded::new(".ORG").suffix_of("babs@jensen.org"));
    /// ```
    #[inline]
    pub fn suffix_of(&self, text: &str) -> bool {
        let tail = text
            .len()
            .checked_sub(self.folded.len())
            .and_then(|start| text.as_bytes().get(start..));
        self.end_matches(tail, text, UnicodeTest::Suffix)
    }

    /// Whether `end`, the bytes of `text` at one end as many as the fold's (`None` when
    /// `text` is shorter), match the fold at that end (`test`). ASCII characters fold one
    /// to one, so an ASCII end decides alone.
    #[inline]
    fn end_matches(&self, end: Option<&[u8]>, text: &str, test: UnicodeTest) -> bool {
        match end {
            Some(end) if end.is_ascii() => {
                self.ascii && end.eq_ignore_ascii_case(self.folded.as_bytes())
            }
            _ if text.is_ascii() => false,
            _ => self.unicode(test, text),
        }
    }

    /// Whether `text` contains this string ignoring case (`co`).
    ///
    /// ```
    /// # use scim::filter::CaseFolded;
    /// assert!(CaseFolded::new("O'MALLEY").within("Sean O'Malley"));
    /// assert!(CaseFolded::new("").within("anything"));
    /// ```
    #[inline]
    pub fn within(&self, text: &str) -> bool {
        // An ASCII match in the bytes is a match in the fold, whatever surrounds it.
        if self.ascii && contains_ascii_folded(text, &self.folded) {
            return true;
        }
        !text.is_ascii() && self.unicode(UnicodeTest::Within, text)
    }

    /// The order of `text`'s case fold relative to this one (`gt`, `ge`, `lt`, `le`):
    /// `Greater` when `text` sorts after this string ignoring case.
    ///
    /// ```
    /// # use scim::filter::CaseFolded;
    /// use std::cmp::Ordering;
    ///
    /// assert_eq!(CaseFolded::new("M").order_of("bjensen"), Ordering::Less);
    /// assert_eq!(CaseFolded::new("m").order_of("Smith"), Ordering::Greater);
    /// ```
    pub fn order_of(&self, text: &str) -> Ordering {
        if text.is_ascii() {
            // UTF-8 keeps code point order, so bytes compare like characters.
            text.bytes()
                .map(|byte| byte.to_ascii_lowercase())
                .cmp(self.folded.bytes())
        } else {
            folded_chars(text).cmp(self.folded.chars())
        }
    }

    /// `test` on text that is not ASCII, by its full case fold: kept out of line, so that
    /// the ASCII paths above stay small enough to inline.
    #[cold]
    #[inline(never)]
    fn unicode(&self, test: UnicodeTest, text: &str) -> bool {
        match test {
            UnicodeTest::Equals => folded_chars(text).eq(self.folded.chars()),
            UnicodeTest::Prefix => {
                let mut folded = folded_chars(text);
                self.folded.chars().all(|c| folded.next() == Some(c))
            }
            UnicodeTest::Suffix => fold_case(text).ends_with(&*self.folded),
            UnicodeTest::Within => fold_case(text).contains(&*self.folded),
        }
    }
}

/// The tests [`CaseFolded`] runs on the full case fold of text that is not ASCII.
#[derive(Clone, Copy)]
enum UnicodeTest {
    Equals,
    Prefix,
    Suffix,
    Within,
}

/// Whether `haystack` contains `needle`, an ASCII string already in lower case, ignoring
/// the case of the ASCII letters of `haystack`.
///
/// Each candidate position is tried first on an *anchor*: the needle's first byte that
/// has no case (`@` in `@example.com`), compared exactly, or else its first letter,
/// compared in lower case.
fn contains_ascii_folded(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    let Some(last_start) = haystack.len().checked_sub(needle.len()) else {
        return false;
    };
    let window_at = |start: usize| {
        haystack
            .get(start..start + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    };
    match needle.iter().position(|byte| !byte.is_ascii_alphabetic()) {
        Some(offset) => {
            let anchor = needle[offset];
            haystack
                .get(offset..=last_start + offset)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .any(|(start, &byte)| byte == anchor && window_at(start))
        }
        None => haystack
            .get(..=last_start)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .any(|(start, byte)| byte.to_ascii_lowercase() == first && window_at(start)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_is_compared_without_its_case() {
        let folded = CaseFolded::new("BJensen");
        assert!(folded.equals("bjensen"));
        assert!(folded.prefix_of("bJENSEN@example.com"));
        assert!(folded.within("mail: BJENSEN@example.com"));
        assert!(!folded.within("bjense"));
    }

    #[test]
    fn non_ascii_text_folds_to_ascii_when_unicode_says_so() {
        // KELVIN SIGN folds to k; LATIN SMALL LETTER LONG S to s.
        assert!(CaseFolded::new("kiss").equals("\u{212A}i\u{17F}s"));
        assert!(CaseFolded::new("KI").prefix_of("\u{212A}ing"));
        assert!(CaseFolded::new("ng").suffix_of("\u{212A}iNG"));
        assert!(CaseFolded::new("i").within("\u{212A}I\u{212A}"));
    }

    #[test]
    fn a_non_ascii_pattern_never_matches_ascii_text() {
        let folded = CaseFolded::new("é");
        assert!(!folded.within("e"));
        assert!(!folded.equals("E"));
        assert_eq!(folded.order_of("z"), Ordering::Less);
    }

    #[test]
    fn greek_sigmas_fold_alike() {
        assert!(CaseFolded::new("ΟΔΥΣΣΕΥΣ").equals("οδυσσευς"));
    }

    #[test]
    fn ordering_ignores_case_and_follows_code_points() {
        assert_eq!(cmp_ignore_case("a", "B"), Ordering::Less);
        assert_eq!(cmp_ignore_case("B", "a"), Ordering::Greater);
        assert_eq!(cmp_ignore_case("abc", "ABCD"), Ordering::Less);
        assert_eq!(cmp_ignore_case("Éa", "éB"), Ordering::Less);
        assert_eq!(cmp_ignore_case("z", "é"), Ordering::Less);
    }

    #[test]
    fn the_empty_string_is_a_prefix_suffix_and_part_of_everything() {
        let empty = CaseFolded::new("");
        assert!(empty.prefix_of("x") && empty.suffix_of("x") && empty.within("x"));
        assert!(empty.within("ü"));
        assert!(empty.equals(""));
    }
}
