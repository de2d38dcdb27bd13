//! The value types of `scim::value` through their public API: serde behaviour and
//! properties over generated inputs.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use proptest::prelude::*;
use scim::value::{
    AnyReference, Base64Alphabet, Binary, DateTime, Decimal, Reference, ReferenceTypes,
};
use serde::Deserialize;
use serde_json::json;

/// A marker as the code generator emits it.
pub enum UserOrGroup {}

impl ReferenceTypes for UserOrGroup {
    const TYPES: &'static [scim::schema::Text] =
        &[scim::schema::text("User"), scim::schema::text("Group")];
}

fn error_of<T: for<'de> Deserialize<'de> + std::fmt::Debug>(json: &str) -> String {
    match serde_json::from_str::<T>(json) {
        Ok(value) => panic!("{json} should not deserialise, got {value:?}"),
        Err(e) => e.to_string(),
    }
}

fn value_error_of<T: for<'de> Deserialize<'de> + std::fmt::Debug>(
    value: serde_json::Value,
) -> String {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(v) => panic!("{value} should not deserialise, got {v:?}"),
        Err(e) => e.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Decimal and serde

#[test]
fn decimal_from_json_text_keeps_trailing_zeros() {
    let d: Decimal = serde_json::from_str("1.10").unwrap();
    assert_eq!(d.as_str(), "1.10");
}

#[test]
fn decimal_from_json_text_ignores_surrounding_whitespace() {
    let d: Decimal = serde_json::from_str(" \n-2.50e+1\t").unwrap();
    assert_eq!(d.as_str(), "-2.50e+1");
}

#[test]
fn decimal_from_a_json_reader_keeps_the_text() {
    let d: Decimal = serde_json::from_reader(&b"[0.100]"[..])
        .map(|v: Vec<Decimal>| v[0].clone())
        .unwrap();
    assert_eq!(d.as_str(), "0.100");
}

#[test]
fn decimal_values_serialise_back_byte_for_byte() {
    let json =
        r#"{"amount":12345678901234567890.123456789,"factor":1.10,"scale":1E2,"zero":-0.000}"#;
    let values: BTreeMap<String, Decimal> = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&values).unwrap(), json);
}

#[test]
fn decimal_from_a_json_value_reads_a_float() {
    let d: Decimal = serde_json::from_value(json!(1.5)).unwrap();
    assert_eq!(d.as_str(), "1.5");
}

#[test]
fn decimal_from_a_json_value_reads_a_large_integer_exactly() {
    let d: Decimal = serde_json::from_value(json!(u64::MAX)).unwrap();
    assert_eq!(d.as_str(), "18446744073709551615");
}

#[test]
fn decimal_from_a_borrowed_json_value_reads_the_number() {
    let value = json!({"amount": -7});
    let d = Decimal::deserialize(&value["amount"]).unwrap();
    assert_eq!(d.to_i64(), Some(-7));
}

#[test]
fn decimal_from_a_json_string_is_an_error() {
    assert!(error_of::<Decimal>(r#""1.5""#).contains("expected a decimal number"));
}

#[test]
fn decimal_from_a_json_value_string_is_an_error() {
    assert!(value_error_of::<Decimal>(json!("1.5")).contains("expected a decimal number"));
}

#[test]
fn decimal_from_a_json_boolean_is_an_error() {
    assert!(error_of::<Decimal>("true").contains("expected a decimal number"));
}

#[test]
fn decimal_from_a_json_value_boolean_is_an_error() {
    assert!(value_error_of::<Decimal>(json!(false)).contains("expected a decimal number"));
}

#[test]
fn decimal_from_a_json_object_is_an_error() {
    assert!(error_of::<Decimal>(r#"{"value":1}"#).contains("expected a decimal number"));
}

#[test]
fn decimal_from_a_json_value_object_is_an_error() {
    assert!(value_error_of::<Decimal>(json!({"value": 1})).contains("expected a decimal number"));
}

#[test]
fn decimal_from_a_json_array_is_an_error() {
    assert!(error_of::<Decimal>("[1]").contains("expected a decimal number"));
}

#[test]
fn decimal_from_json_null_is_an_error() {
    assert!(error_of::<Decimal>("null").contains("expected a decimal number"));
}

#[test]
fn optional_decimal_from_json_null_is_none() {
    let d: Option<Decimal> = serde_json::from_str("null").unwrap();
    assert_eq!(d, None);
}

#[test]
fn decimal_with_an_exponent_out_of_range_is_an_error_that_says_so() {
    assert!(error_of::<Decimal>("1e1000000000000000000").contains("exponent"));
}

#[test]
fn decimal_error_in_a_document_names_the_line_and_column() {
    let message = error_of::<Vec<Decimal>>("[1,\n\"2\"]");
    assert!(message.contains("line 2 column 4"), "{message}");
}

#[test]
fn decimal_serialises_to_a_json_value_number() {
    let d: Decimal = "2.5".parse().unwrap();
    assert_eq!(serde_json::to_value(d).unwrap(), json!(2.5));
}

#[test]
fn decimal_sorts_numerically_in_a_collection() {
    let mut values: Vec<Decimal> = serde_json::from_str("[10, 9.5, -1e3, 0.25e1, -0]").unwrap();
    values.sort();
    let texts: Vec<&str> = values.iter().map(Decimal::as_str).collect();
    assert_eq!(texts, ["-1e3", "-0", "0.25e1", "9.5", "10"]);
}

// ---------------------------------------------------------------------------------------
// DateTime and serde

#[test]
fn datetime_from_a_borrowed_json_string() {
    let t: DateTime = serde_json::from_str(r#""2008-01-23T04:56:22Z""#).unwrap();
    assert_eq!(t.as_str(), "2008-01-23T04:56:22Z");
}

#[test]
fn datetime_from_an_escaped_json_string() {
    let t: DateTime = serde_json::from_str(r#""2008-01-23T04:56:22\u005A""#).unwrap();
    assert_eq!(t.as_str(), "2008-01-23T04:56:22Z");
}

#[test]
fn datetime_from_a_json_reader() {
    let t: DateTime = serde_json::from_reader(&br#""2008-01-23T04:56:22+01:00""#[..]).unwrap();
    assert_eq!(t.offset_minutes(), Some(60));
}

#[test]
fn datetime_from_an_owned_json_value_string() {
    let t: DateTime = serde_json::from_value(json!("2008-01-23T04:56:22.5-05:30")).unwrap();
    assert_eq!(t.as_str(), "2008-01-23T04:56:22.5-05:30");
}

#[test]
fn datetime_serialises_to_the_same_json_string() {
    let json = r#"["2008-01-23T04:56:22.120-05:30","0001-01-01T00:00:00"]"#;
    let times: Vec<DateTime> = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&times).unwrap(), json);
}

#[test]
fn datetime_from_a_json_number_is_an_error() {
    assert!(error_of::<DateTime>("1201064182").contains("expected an xsd:dateTime string"));
}

#[test]
fn datetime_from_invalid_text_names_the_problem() {
    let message = error_of::<DateTime>(r#""2008-02-30T00:00:00Z""#);
    assert!(
        message.contains("invalid dateTime at byte offset 8: day 30 does not exist"),
        "{message}"
    );
}

#[test]
fn datetimes_sort_chronologically_where_text_order_differs() {
    let texts = [
        "2020-01-01T06:00:00.5Z",
        "2020-01-01T06:00:00Z",
        "2020-01-01T10:00:00+05:00",
        "2020-01-01T01:30:00-05:00",
        "2020-01-01T06:00:00.25Z",
    ];
    let mut times: Vec<DateTime> = texts.iter().map(|t| t.parse().unwrap()).collect();
    times.sort();
    let sorted: Vec<&str> = times.iter().map(DateTime::as_str).collect();
    assert_eq!(
        sorted,
        [
            "2020-01-01T10:00:00+05:00",
            "2020-01-01T06:00:00Z",
            "2020-01-01T06:00:00.25Z",
            "2020-01-01T06:00:00.5Z",
            "2020-01-01T01:30:00-05:00",
        ]
    );
}

#[test]
fn text_order_of_those_datetimes_is_different() {
    let mut texts = [
        "2020-01-01T10:00:00+05:00",
        "2020-01-01T06:00:00Z",
        "2020-01-01T06:00:00.25Z",
        "2020-01-01T06:00:00.5Z",
        "2020-01-01T01:30:00-05:00",
    ];
    let chronological = texts;
    texts.sort_unstable();
    assert_ne!(texts, chronological);
}

// ---------------------------------------------------------------------------------------
// Binary and serde

#[test]
fn binary_round_trips_through_json_unchanged() {
    let json = r#"["aGk","-_8=","+/8","MIIC"]"#;
    let values: Vec<Binary> = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&values).unwrap(), json);
}

#[test]
fn binary_from_an_owned_json_value_string() {
    let b: Binary = serde_json::from_value(json!("aGk=")).unwrap();
    assert_eq!(b.as_bytes(), b"hi");
}

#[test]
fn binary_from_a_json_number_is_an_error() {
    assert!(error_of::<Binary>("12").contains("expected a base64 string"));
}

#[test]
fn binary_from_invalid_text_names_the_problem() {
    let message = error_of::<Binary>(r#""aGk=\n""#);
    assert!(
        message.contains("invalid base64 at byte offset 4"),
        "{message}"
    );
}

// ---------------------------------------------------------------------------------------
// Reference and serde

#[test]
fn typed_reference_round_trips_through_json() {
    let json = r#"{"$ref":"https://example.com/v2/Users/2819c223","value":"2819c223"}"#;
    let member: BTreeMap<String, Reference<UserOrGroup>> = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&member).unwrap(), json);
}

#[test]
fn reference_from_an_owned_json_value_string() {
    let r: Reference = serde_json::from_value(json!("Groups/e9e30dba")).unwrap();
    assert_eq!(r.as_str(), "Groups/e9e30dba");
}

#[test]
fn reference_from_invalid_text_names_the_problem() {
    let message = error_of::<Reference>(r#""Users/a b""#);
    assert!(
        message.contains("invalid reference at byte offset 7"),
        "{message}"
    );
}

#[test]
fn reference_from_a_json_number_is_an_error() {
    assert!(error_of::<Reference<UserOrGroup>>("1").contains("expected a URI string"));
}

// ---------------------------------------------------------------------------------------
// Properties

/// The days of a month of the proleptic Gregorian calendar.
fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn decimal_text() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,40})?([eE][+-]?[0-9]{1,18})?"
}

fn year_text() -> impl Strategy<Value = (i32, String)> {
    prop_oneof![
        (0i32..=9999).prop_map(|y| (y, format!("{y:04}"))),
        (1i32..=9999).prop_map(|y| (-y, format!("-{y:04}"))),
        (10_000i32..=999_999_999).prop_map(|y| (y, y.to_string())),
        (10_000i32..=999_999_999).prop_map(|y| (-y, format!("-{y}"))),
    ]
}

fn offset_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Z".to_owned()),
        Just("+14:00".to_owned()),
        Just("-14:00".to_owned()),
        ("[+-]", 0u8..=13, 0u8..=59).prop_map(|(s, h, m)| format!("{s}{h:02}:{m:02}")),
    ]
}

fn datetime_text() -> impl Strategy<Value = String> {
    (year_text(), 1u8..=12)
        .prop_flat_map(|(year, month)| {
            let days = days_in_month(year.0, month);
            (
                Just(year.1),
                Just(month),
                1u8..=days,
                prop_oneof![
                    9 => (0u8..=23, 0u8..=59, 0u8..=59, proptest::option::of("[0-9]{1,12}"))
                        .prop_map(|(h, m, s, f)| {
                            let fraction = f.map(|f| format!(".{f}")).unwrap_or_default();
                            format!("{h:02}:{m:02}:{s:02}{fraction}")
                        }),
                    1 => Just("24:00:00".to_owned()),
                ],
                offset_text(),
            )
        })
        .prop_map(|(year, month, day, time, offset)| {
            format!("{year}-{month:02}-{day:02}T{time}{offset}")
        })
}

fn binary_text() -> impl Strategy<Value = String> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    use base64::Engine;
    (proptest::collection::vec(any::<u8>(), 0..64), 0..4usize).prop_map(|(bytes, engine)| {
        match engine {
            0 => STANDARD.encode(bytes),
            1 => STANDARD_NO_PAD.encode(bytes),
            2 => URL_SAFE.encode(bytes),
            _ => URL_SAFE_NO_PAD.encode(bytes),
        }
    })
}

fn reference_text() -> impl Strategy<Value = String> {
    let regex = |pattern: &str| proptest::string::string_regex(pattern).expect("valid regex");
    const SEGMENT: &str = "([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2}){1,10}";
    const FIRST_RELATIVE_SEGMENT: &str = "([A-Za-z0-9._~!$&'()*+,;=@-]|%[0-9A-Fa-f]{2}){1,10}";
    const QUERY: &str = "(\\?([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2}){0,10})?";
    const FRAGMENT: &str = "(#([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2}){0,10})?";
    const AUTHORITY: &str =
        "//([a-z0-9._~-]{1,8}@)?([a-z0-9.-]{1,15}|\\[::1\\]|\\[2001:db8::7\\]|\\[v1\\.x\\])(:[0-9]{0,5})?";
    prop_oneof![
        regex(&format!(
            "[a-zA-Z][a-zA-Z0-9+.-]{{0,6}}:({AUTHORITY})?(/{SEGMENT}){{0,4}}{QUERY}{FRAGMENT}"
        )),
        regex(&format!(
            "[a-zA-Z][a-zA-Z0-9+.-]{{0,6}}:{SEGMENT}(/{SEGMENT}){{0,3}}{QUERY}{FRAGMENT}"
        )),
        regex(&format!(
            "{FIRST_RELATIVE_SEGMENT}(/{SEGMENT}){{0,3}}{QUERY}{FRAGMENT}"
        )),
        regex(&format!("(/{SEGMENT}){{1,4}}{QUERY}{FRAGMENT}")),
        regex(&format!("{AUTHORITY}(/{SEGMENT}){{0,3}}{QUERY}{FRAGMENT}")),
    ]
}

/// The exact decimal text of `mantissa / 2^shift`, which an `f64` represents exactly.
fn dyadic_text(mantissa: i64, shift: u32) -> String {
    let scaled = i128::from(mantissa).unsigned_abs() * 5u128.pow(shift);
    let digits = format!("{scaled:0>width$}", width = shift as usize + 1);
    let (int, frac) = digits.split_at(digits.len() - shift as usize);
    let sign = if mantissa < 0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

fn dyadic() -> impl Strategy<Value = (String, f64)> {
    (-(1i64 << 53)..(1i64 << 53), 0u32..=30).prop_map(|(mantissa, shift)| {
        let value = mantissa as f64 / 2f64.powi(shift as i32);
        (dyadic_text(mantissa, shift), value)
    })
}

/// The UTC text of an instant re-expressed at the given offset in minutes.
fn at_offset(nanos: i128, offset_minutes: i16) -> String {
    let local = DateTime::from_unix_nanos(nanos + i128::from(offset_minutes) * 60_000_000_000)
        .expect("instant in range");
    let utc = local.as_str();
    let stem = utc.strip_suffix('Z').expect("UTC text ends in Z");
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let magnitude = offset_minutes.unsigned_abs();
    format!("{stem}{sign}{:02}:{:02}", magnitude / 60, magnitude % 60)
}

/// Instants from year −2000 to year 6000.
fn instant() -> impl Strategy<Value = i128> {
    -125_000_000_000_000_000_000i128..127_000_000_000_000_000_000i128
}

proptest! {
    #[test]
    fn decimal_display_gives_back_the_parsed_text(text in decimal_text()) {
        let d: Decimal = text.parse().unwrap();
        prop_assert_eq!(d.to_string(), text);
    }

    #[test]
    fn decimal_json_round_trip_gives_back_the_text(text in decimal_text()) {
        let d: Decimal = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(serde_json::to_string(&d).unwrap(), text);
    }

    #[test]
    fn datetime_display_gives_back_the_parsed_text(text in datetime_text()) {
        let t: DateTime = text.parse().unwrap();
        prop_assert_eq!(t.to_string(), text);
    }

    #[test]
    fn binary_display_gives_back_the_parsed_text(text in binary_text()) {
        let b: Binary = text.parse().unwrap();
        prop_assert_eq!(b.to_string(), text);
    }

    #[test]
    fn reference_display_gives_back_the_parsed_text(text in reference_text()) {
        let r: Reference = text.parse().unwrap();
        prop_assert_eq!(r.to_string(), text);
    }

    #[test]
    fn decimal_order_agrees_with_f64_order_for_exact_values(a in dyadic(), b in dyadic()) {
        let (da, db): (Decimal, Decimal) = (a.0.parse().unwrap(), b.0.parse().unwrap());
        prop_assert_eq!(Some(da.cmp(&db)), a.1.partial_cmp(&b.1));
    }

    #[test]
    fn decimal_to_f64_is_exact_for_exact_values(a in dyadic()) {
        let d: Decimal = a.0.parse().unwrap();
        prop_assert_eq!(d.to_f64(), a.1);
    }

    #[test]
    fn decimal_from_f64_orders_like_f64(a in any::<f64>(), b in any::<f64>()) {
        prop_assume!(a.is_finite() && b.is_finite());
        let (da, db) = (Decimal::try_from(a).unwrap(), Decimal::try_from(b).unwrap());
        prop_assert_eq!(Some(da.cmp(&db)), a.partial_cmp(&b));
    }

    #[test]
    fn decimal_from_f64_reads_back_as_the_same_f64(a in any::<f64>()) {
        prop_assume!(a.is_finite());
        prop_assert_eq!(Decimal::try_from(a).unwrap().to_f64(), a);
    }

    #[test]
    fn decimal_spellings_of_one_integer_are_equal_and_hash_alike(
        n in any::<i64>(),
        zeros in 0usize..30,
    ) {
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{Hash, Hasher};
        prop_assume!(n != 0 || zeros == 0);
        // n·10^zeros·10^-zeros, and n followed by a fraction of `zeros` zeros.
        let shifted: Decimal = format!("{n}{}e-{zeros}", "0".repeat(zeros)).parse().unwrap();
        let plain: Decimal = if zeros == 0 { Decimal::from(n) } else {
            format!("{n}.{}", "0".repeat(zeros)).parse().unwrap()
        };
        let hash = |d: &Decimal| { let mut h = DefaultHasher::new(); d.hash(&mut h); h.finish() };
        prop_assert_eq!(&shifted, &plain);
        prop_assert_eq!(hash(&shifted), hash(&plain));
        prop_assert_eq!(shifted.to_i64(), Some(n));
    }

    #[test]
    fn decimal_order_agrees_with_integer_order_across_spellings(
        a in any::<i64>(),
        b in any::<i64>(),
        exponent in 0u32..5,
    ) {
        prop_assume!(b != 0 || exponent == 0);
        // b written as b·10^exponent·10^-exponent.
        let spelled = format!("{b}{}E-{exponent}", "0".repeat(exponent as usize));
        let (da, db): (Decimal, Decimal) = (Decimal::from(a), spelled.parse().unwrap());
        prop_assert_eq!(da.cmp(&db), a.cmp(&b));
    }

    #[test]
    fn datetime_order_agrees_with_the_instant(
        a in instant(), offset_a in -840i16..=840,
        b in instant(), offset_b in -840i16..=840,
    ) {
        let ta: DateTime = at_offset(a, offset_a).parse().unwrap();
        let tb: DateTime = at_offset(b, offset_b).parse().unwrap();
        prop_assert_eq!(ta.cmp(&tb), a.cmp(&b));
    }

    #[test]
    fn datetime_at_any_offset_denotes_the_same_instant(a in instant(), offset in -840i16..=840) {
        let t: DateTime = at_offset(a, offset).parse().unwrap();
        prop_assert_eq!(t.unix_timestamp_nanos(), a);
    }

    #[test]
    fn datetime_from_unix_nanos_parses_back_to_the_same_fields(a in instant()) {
        let t = DateTime::from_unix_nanos(a).unwrap();
        let parsed: DateTime = t.as_str().parse().unwrap();
        prop_assert_eq!(
            (parsed.year(), parsed.month(), parsed.day(), parsed.hour(), parsed.minute(), parsed.second(), parsed.nanosecond(), parsed.unix_timestamp_nanos()),
            (t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second(), t.nanosecond(), a)
        );
    }

    #[test]
    fn datetime_order_agrees_with_the_instant_of_generated_texts(a in datetime_text(), b in datetime_text()) {
        let (ta, tb): (DateTime, DateTime) = (a.parse().unwrap(), b.parse().unwrap());
        // Generated fractions have at most 12 digits: the instant decides unless equal.
        let by_instant = ta.unix_timestamp_nanos().cmp(&tb.unix_timestamp_nanos());
        prop_assert!(by_instant == Ordering::Equal || ta.cmp(&tb) == by_instant);
    }

    #[test]
    fn binary_bytes_survive_every_encoding(
        bytes in proptest::collection::vec(any::<u8>(), 0..64),
        url_safe in any::<bool>(),
        padded in any::<bool>(),
    ) {
        let alphabet = if url_safe { Base64Alphabet::UrlSafe } else { Base64Alphabet::Standard };
        let text = Binary::with_encoding(bytes.clone(), alphabet, padded).to_string();
        let parsed: Binary = text.parse().unwrap();
        prop_assert_eq!(parsed.into_bytes(), bytes);
    }

    #[test]
    fn arbitrary_text_never_panics_and_accepted_text_displays_unchanged(text in any::<String>()) {
        check_all_parsers(&text)?;
    }

    #[test]
    fn numbers_with_long_exponents_never_panic_and_accepted_text_displays_unchanged(
        text in "-?[0-9]{1,3}(\\.[0-9]{1,3})?[eE][+-]?[0-9]{15,25}",
    ) {
        check_all_parsers(&text)?;
    }

    #[test]
    fn grammar_like_text_never_panics_and_accepted_text_displays_unchanged(
        text in "[-+0-9.eEZT:=/_a-zA-Z%\\[\\]@?# ]{0,40}",
    ) {
        check_all_parsers(&text)?;
    }
}

/// Runs every parser on `text`; whatever they accept must display as `text`.
fn check_all_parsers(text: &str) -> Result<(), TestCaseError> {
    if let Ok(d) = text.parse::<Decimal>() {
        prop_assert_eq!(d.to_string(), text);
    }
    if let Ok(t) = text.parse::<DateTime>() {
        prop_assert_eq!(t.to_string(), text);
    }
    if let Ok(b) = text.parse::<Binary>() {
        prop_assert_eq!(b.to_string(), text);
    }
    if let Ok(r) = text.parse::<Reference<AnyReference>>() {
        prop_assert_eq!(r.to_string(), text);
    }
    Ok(())
}
