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
//!
//! | type | equality and order | longest accepted text |
//! |---|---|---|
//! | [`Decimal`] | numeric, exact (`1.10 == 1.1`, `1e2 == 100`) | [`Decimal::MAX_LEN`], 4096 bytes; exponents up to ±(10¹⁸ − 1) |
//! | [`DateTime`] | chronological by instant; no offset means UTC | [`DateTime::MAX_LEN`], 64 bytes; years up to nine digits |
//! | [`Binary`] | by bytes, whatever the alphabet or padding | [`Binary::MAX_LEN`], 8 MiB |
//! | [`Reference`] | case-exact text | [`Reference::MAX_LEN`], 8192 bytes |

mod binary;
mod datetime;
mod decimal;
mod reference;
mod scan;

pub(crate) use binary::is_base64;
pub use binary::{Base64Alphabet, Binary, BinaryError, BinaryErrorKind};
pub(crate) use datetime::{is_date_time, Instant};
pub use datetime::{DateTime, DateTimeError, DateTimeErrorKind};
pub use decimal::{Decimal, DecimalError, DecimalErrorKind};
pub use reference::{
    AnyReference, Reference, ReferenceError, ReferenceErrorKind, ReferenceTypes, UriReference,
};
