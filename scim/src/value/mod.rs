//! Value types for the SCIM data types that JSON has no exact type for (RFC 7643 §2.3).
//!
//! | SCIM type (RFC 7643) | Rust type | JSON |
//! |---|---|---|
//! | `decimal` (§2.3.3) | [`Decimal`] | number, text kept exactly |
//! | `dateTime` (§2.3.5) | [`DateTime`] | string, `xsd:dateTime` |
//! | `binary` (§2.3.6) | [`Binary`] | string, base64 (RFC 4648 §4 or §5) |
//! | `reference` (§2.3.7) | [`Reference`] | string, a URI (RFC 3986) |
//!
//! Every type keeps what it parsed: serialising a parsed value writes back the same text,
//! byte for byte. Comparison follows the meaning of the value (numbers numerically, date-times
//! chronologically, binaries by their bytes, references case-exactly), and `Eq`, `Ord` and
//! `Hash` agree with each other. Parsing never panics; each type has an error type that
//! says what is wrong and at which byte offset, and a documented maximum text length.

mod binary;
mod datetime;
mod decimal;
mod reference;
mod scan;

pub use binary::{Base64Alphabet, Binary, BinaryError, BinaryErrorKind};
pub use datetime::{DateTime, DateTimeError, DateTimeErrorKind};
pub use decimal::{Decimal, DecimalError, DecimalErrorKind};
pub use reference::{AnyReference, Reference, ReferenceError, ReferenceErrorKind, ReferenceTypes};
