//! Value types for the SCIM data types that JSON has no exact type for (RFC 7643 §2.3).
