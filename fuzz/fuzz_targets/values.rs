//! Feeds arbitrary text to the value parsers (RFC 7643 §2.3.3–§2.3.7): they must never
//! panic, and what they accept must display back as the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim::value::{Binary, DateTime, Decimal, Reference};

fn round_trips<T: std::str::FromStr + std::fmt::Display>(text: &str) {
    if let Ok(value) = text.parse::<T>() {
        assert_eq!(value.to_string(), text);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    round_trips::<Decimal>(text);
    round_trips::<DateTime>(text);
    round_trips::<Binary>(text);
    round_trips::<Reference>(text);
    if let Ok(binary) = text.parse::<Binary>() {
        // Lazy decoding must agree with the check that accepted the text.
        assert_eq!(
            Binary::with_encoding(
                binary.as_bytes().to_vec(),
                binary.alphabet(),
                binary.is_padded()
            ),
            binary
        );
    }
});
