//! Feeds arbitrary text to the attribute path parser (RFC 7644 §3.10, Figure 1
//! `attrPath`, as `sortBy` holds one): it must never panic, and a path it accepts must
//! display as text that parses back to the same path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::filter::{AttrPath, MAX_LEN};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(path) = AttrPath::parse(text) {
        let shown = path.to_string();
        assert!(shown.chars().count() <= MAX_LEN, "{shown}");
        assert_eq!(AttrPath::parse(&shown), Ok(path), "{shown}");
    }
});
