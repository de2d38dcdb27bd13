//! `scim filter parse`: parse a SCIM filter (RFC 7644 §3.4.2.2) and print its tree as JSON.

use crate::output::write_stdout;
use scim::filter::Filter;
use std::process::ExitCode;

/// Prints the tree of `text` as pretty JSON and exits 0; an invalid filter prints the SCIM
/// Error document (scimType `invalidFilter`) and exits 2.
pub fn parse(text: &str) -> ExitCode {
    let (document, code) = match Filter::parse(text) {
        Ok(filter) => (
            serde_json::to_string_pretty(&filter.to_json()),
            ExitCode::SUCCESS,
        ),
        Err(error) => (serde_json::to_string_pretty(&error), ExitCode::from(2)),
    };
    let mut text = match document {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    text.push('\n');
    match write_stdout(text.as_bytes()) {
        Ok(()) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}
