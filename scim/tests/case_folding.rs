//! Case-insensitive comparison (RFC 7644 §3.4.2.2 on `caseExact: false` attributes): the
//! fast paths of [`CaseFolded`] must answer exactly as comparing full Unicode case folds.

use proptest::prelude::*;
use scim::filter::{fold_case, CaseFolded};

/// The answers by definition: the fold of the text against the fold of the pattern.
fn by_definition(pattern: &str, text: &str) -> [bool; 4] {
    let (pattern, text) = (fold_case(pattern), fold_case(text));
    [
        text == pattern,
        text.starts_with(&*pattern),
        text.ends_with(&*pattern),
        text.contains(&*pattern),
    ]
}

fn by_case_folded(pattern: &str, text: &str) -> [bool; 4] {
    let folded = CaseFolded::new(pattern);
    [
        folded.equals(text),
        folded.prefix_of(text),
        folded.suffix_of(text),
        folded.within(text),
    ]
}

#[test]
fn ascii_matches_are_found_in_text_that_is_not_ascii() {
    let domain = CaseFolded::new("@Example.COM");
    assert!(domain.within("Zoë@EXAMPLE.com"));
    assert!(domain.suffix_of("Zoë@example.COM"));
    assert!(CaseFolded::new("bj").prefix_of("BJørn"));
    assert!(!CaseFolded::new("bj").prefix_of("Bø"));
}

#[test]
fn text_that_is_not_ascii_can_fold_into_an_ascii_match() {
    // KELVIN SIGN folds to `k`, LATIN SMALL LETTER LONG S to `s`, `ß` to `ss`.
    assert!(CaseFolded::new("ke").prefix_of("\u{212A}EVIN"));
    assert!(CaseFolded::new("kiss").equals("\u{212A}i\u{17F}s"));
    assert!(CaseFolded::new("strasse").equals("Straße"));
    assert!(CaseFolded::new("ss@x").within("gro\u{DF}@X"));
    assert!(CaseFolded::new("asse").suffix_of("STRAẞE"));
}

#[test]
fn substring_search_tries_every_candidate() {
    // The anchor `@` occurs before the match; letters-only patterns overlap themselves.
    assert!(CaseFolded::new("@example.com").within("a@b@EXAMPLE.COM"));
    assert!(CaseFolded::new("aab").within("AAAAB"));
    assert!(CaseFolded::new("x.y").within("x.x.Y"));
    assert!(!CaseFolded::new("@example.com").within("@example.co"));
    assert!(!CaseFolded::new("abc").within("ab"));
    assert!(CaseFolded::new("").within(""));
}

proptest! {
    #[test]
    fn every_test_agrees_with_the_full_case_fold(
        pattern in "[a-zA-Z@.ßẞK\u{212A}\u{17F}é]{0,4}",
        text in "[a-zA-Z@.ßẞK\u{212A}\u{17F}éÉ]{0,10}",
    ) {
        prop_assert_eq!(by_case_folded(&pattern, &text), by_definition(&pattern, &text));
    }

    #[test]
    fn a_pattern_taken_from_the_text_is_found(
        text in "[a-zA-Z0-9@.é\u{212A}]{1,16}",
        start in 0usize..16,
        len in 0usize..8,
    ) {
        let chars: Vec<char> = text.chars().collect();
        let start = start.min(chars.len());
        let end = (start + len).min(chars.len());
        let pattern: String = chars[start..end].iter().collect::<String>().to_uppercase();
        prop_assert_eq!(by_case_folded(&pattern, &text), by_definition(&pattern, &text));
        prop_assert!(CaseFolded::new(&pattern).within(&text));
    }
}
