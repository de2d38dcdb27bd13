//! Feeds arbitrary text to the filter parser (RFC 7644 §3.4.2.2): it must never panic,
//! and a filter it accepts must display as canonical text that parses back to the same
//! tree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::filter::{Filter, MAX_LEN};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(filter) = Filter::parse(text) {
        let canonical = filter.to_string();
        // `not(` is canonically `not (`, so the canonical text may outgrow the limit.
        if canonical.chars().count() <= MAX_LEN {
            assert_eq!(Filter::parse(&canonical), Ok(filter), "{canonical}");
        }
    }
});
