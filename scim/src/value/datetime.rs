//! The SCIM `dateTime` data type (RFC 7643 §2.3.5): an `xsd:dateTime` string kept exactly
//! as written and compared by the instant it denotes.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::scan::{char_at, Found};

const NANOS_PER_SECOND: i128 = 1_000_000_000;
const SECONDS_PER_DAY: i128 = 86_400;

/// The largest year magnitude: years have at most nine digits.
const MAX_YEAR: i32 = 999_999_999;

/// The first instant of year −999999999 and the last nanosecond of year 999999999, UTC: the
/// range [`DateTime::from_unix_nanos`] covers.
const MIN_NANOS: i128 =
    days_from_civil(-(MAX_YEAR as i64), 1, 1) as i128 * SECONDS_PER_DAY * NANOS_PER_SECOND;
const MAX_NANOS: i128 =
    (days_from_civil(MAX_YEAR as i64, 12, 31) as i128 + 1) * SECONDS_PER_DAY * NANOS_PER_SECOND - 1;

/// A SCIM `dateTime` value (RFC 7643 §2.3.5): an `xsd:dateTime` (XML Schema Part 2 §3.2.7)
/// kept exactly as written, compared by the instant it denotes.
///
/// The accepted form is `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|(+|-)hh:mm)?`:
///
/// * the year has four digits or more (at most nine), with no leading zero when it has more
///   than four; `0000` is the year 1 BCE and years count astronomically before it (`-0001`
///   is 2 BCE), as in XML Schema 1.1 and ISO 8601; `-0000` is rejected;
/// * the day exists in its month, leap years included (the proleptic Gregorian calendar);
/// * `24:00:00` (with an all-zero fraction, if any) is allowed and denotes the first instant
///   of the next day; seconds go up to 59;
/// * the offset, if present, is at most 14:00 either way; `Z`, `+00:00` and `-00:00` all mean
///   UTC;
/// * `T` and `Z` are upper case; nothing may precede or follow the value.
///
/// The fraction may have any number of digits (within [`DateTime::MAX_LEN`]); the
/// accessors and [`unix_timestamp_nanos`](DateTime::unix_timestamp_nanos) see the first nine,
/// comparison sees all of them.
///
/// **Comparison is chronological.** Values compare by the instant they denote, whatever the
/// offset or the number of fraction digits, so `2020-01-01T01:00:00+01:00` equals
/// `2020-01-01T00:00:00Z`, and sorting works where sorting the texts would not. A value
/// **without an offset is taken as UTC** (XML Schema leaves such values only partially
/// ordered against values with one; SCIM servers write offsets, so this rarely matters).
///
/// # Examples
///
/// ```
/// use scim::value::DateTime;
///
/// let created: DateTime = "2008-01-23T04:56:22Z".parse()?;
/// assert_eq!(created.to_string(), "2008-01-23T04:56:22Z");
/// assert_eq!(created.unix_timestamp_nanos(), 1_201_064_182_000_000_000);
///
/// // Later in the text order, earlier in time.
/// let paris: DateTime = "2008-01-23T05:00:00+01:00".parse()?;
/// assert!(paris < created);
///
/// // The same instant, written another way.
/// assert_eq!(created, "2008-01-23T05:56:22+01:00".parse()?);
///
/// let json = serde_json::to_string(&paris)?;
/// assert_eq!(json, r#""2008-01-23T05:00:00+01:00""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct DateTime {
    /// The text exactly as written.
    text: Box<str>,
    parts: Parts,
}

/// The fields of a date-time and the instant it denotes.
#[derive(Clone, Debug)]
struct Parts {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
    offset: Option<i16>,
    /// Nanoseconds since 1970-01-01T00:00:00Z, rounded down to a whole nanosecond.
    instant: i128,
    /// The fraction digits after the ninth, without trailing zeros: the part of the
    /// instant below a nanosecond, as a byte range of the text (empty if none).
    sub_nanos: Range<usize>,
}

impl DateTime {
    /// The longest text, in bytes, that [`FromStr`] and deserialisation accept: 64.
    ///
    /// A value with a nine-digit year, a nine-digit fraction and an offset has 41 bytes.
    pub const MAX_LEN: usize = 64;

    /// The date-time at the given number of nanoseconds since 1970-01-01T00:00:00Z, written
    /// in UTC as `YYYY-MM-DDThh:mm:ss[.fff…]Z` with the shortest fraction that is exact (none
    /// for whole seconds). `None` if the year would fall outside −999999999…999999999.
    ///
    /// ```
    /// # use scim::value::DateTime;
    /// let t = DateTime::from_unix_nanos(1_201_064_182_500_000_000);
    /// assert_eq!(t.map(|t| t.to_string()).as_deref(), Some("2008-01-23T04:56:22.5Z"));
    /// assert_eq!(DateTime::from_unix_nanos(-1).map(|t| t.to_string()).as_deref(), Some("1969-12-31T23:59:59.999999999Z"));
    /// assert!(DateTime::from_unix_nanos(i128::MAX).is_none());
    /// ```
    pub fn from_unix_nanos(nanos: i128) -> Option<Self> {
        if (MIN_NANOS..=MAX_NANOS).contains(&nanos) {
            Some(Self::from_unix_nanos_clamped(nanos))
        } else {
            None
        }
    }

    /// The current time from the system clock, in UTC with nanosecond precision (see
    /// [`DateTime::from_unix_nanos`] for the text). A clock beyond the supported years
    /// (which no real clock is) gives the nearest supported instant.
    ///
    /// ```
    /// # use scim::value::DateTime;
    /// let now = DateTime::now();
    /// assert!(now > "2020-01-01T00:00:00Z".parse()?);
    /// assert_eq!(now.offset_minutes(), Some(0));
    /// # Ok::<(), scim::value::DateTimeError>(())
    /// ```
    pub fn now() -> Self {
        let nanos = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(after) => i128::try_from(after.as_nanos()).unwrap_or(i128::MAX),
            Err(before) => i128::try_from(before.duration().as_nanos())
                .map(|n| -n)
                .unwrap_or(i128::MIN),
        };
        Self::from_unix_nanos_clamped(nanos)
    }

    /// The text exactly as it was written.
    ///
    /// ```
    /// # use scim::value::DateTime;
    /// let t: DateTime = "2015-06-01T12:00:00.100-07:00".parse()?;
    /// assert_eq!(t.as_str(), "2015-06-01T12:00:00.100-07:00");
    /// # Ok::<(), scim::value::DateTimeError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The offset from UTC in minutes as written: `Some(0)` for `Z`, `+00:00` and `-00:00`,
    /// `Some(-420)` for `-07:00`, `None` when the text has no offset.
    ///
    /// ```
    /// # use scim::value::DateTime;
    /// assert_eq!("2015-06-01T12:00:00-07:00".parse::<DateTime>()?.offset_minutes(), Some(-420));
    /// assert_eq!("2015-06-01T12:00:00".parse::<DateTime>()?.offset_minutes(), None);
    /// # Ok::<(), scim::value::DateTimeError>(())
    /// ```
    pub fn offset_minutes(&self) -> Option<i16> {
        self.parts.offset
    }

    /// The instant as nanoseconds since 1970-01-01T00:00:00Z (negative before), rounded down
    /// to a whole nanosecond. A value without an offset is taken as UTC.
    ///
    /// ```
    /// # use scim::value::DateTime;
    /// let t: DateTime = "1970-01-01T01:00:00.000000001+01:00".parse()?;
    /// assert_eq!(t.unix_timestamp_nanos(), 1);
    /// # Ok::<(), scim::value::DateTimeError>(())
    /// ```
    pub fn unix_timestamp_nanos(&self) -> i128 {
        self.parts.instant
    }

    /// The year as written (in the written offset): `-0001` is −1, which is 2 BCE.
    pub fn year(&self) -> i32 {
        self.parts.year
    }

    /// The month as written, 1–12.
    pub fn month(&self) -> u8 {
        self.parts.month
    }

    /// The day of the month as written, 1–31.
    pub fn day(&self) -> u8 {
        self.parts.day
    }

    /// The hour as written, 0–24; 24 only in `24:00:00`, the end of the written day.
    ///
    /// ```
    /// # use scim::value::DateTime;
    /// let end: DateTime = "1999-12-31T24:00:00Z".parse()?;
    /// assert_eq!((end.day(), end.hour()), (31, 24));
    /// assert_eq!(end, "2000-01-01T00:00:00Z".parse()?);
    /// # Ok::<(), scim::value::DateTimeError>(())
    /// ```
    pub fn hour(&self) -> u8 {
        self.parts.hour
    }

    /// The minute as written, 0–59.
    pub fn minute(&self) -> u8 {
        self.parts.minute
    }

    /// The second as written, 0–59.
    pub fn second(&self) -> u8 {
        self.parts.second
    }

    /// The fraction of the second in nanoseconds, from its first nine digits (later digits
    /// are cut off).
    ///
    /// ```
    /// # use scim::value::DateTime;
    /// assert_eq!("2015-06-01T12:00:00.1234567891Z".parse::<DateTime>()?.nanosecond(), 123_456_789);
    /// # Ok::<(), scim::value::DateTimeError>(())
    /// ```
    pub fn nanosecond(&self) -> u32 {
        self.parts.nanosecond
    }

    /// Builds the UTC date-time for an instant within `MIN_NANOS..=MAX_NANOS`, clamping
    /// instants outside that range to it.
    fn from_unix_nanos_clamped(nanos: i128) -> Self {
        let nanos = nanos.clamp(MIN_NANOS, MAX_NANOS);
        let seconds = nanos.div_euclid(NANOS_PER_SECOND);
        // The casts cannot truncate: the remainders are below 10⁹ and 86400, and the clamped
        // range holds about 7.3 × 10¹¹ days and years of at most nine digits.
        let nanosecond = nanos.rem_euclid(NANOS_PER_SECOND) as u32;
        let days = seconds.div_euclid(SECONDS_PER_DAY) as i64;
        let second_of_day = seconds.rem_euclid(SECONDS_PER_DAY) as u32;
        let (year, month, day) = civil_from_days(days);
        let year = year as i32;
        let hour = (second_of_day / 3600) as u8;
        let minute = (second_of_day / 60 % 60) as u8;
        let second = (second_of_day % 60) as u8;

        let sign = if year < 0 { "-" } else { "" };
        let mut text = format!(
            "{sign}{:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}",
            year.unsigned_abs()
        );
        if nanosecond != 0 {
            let fraction = format!("{nanosecond:09}");
            text.push('.');
            text.push_str(fraction.trim_end_matches('0'));
        }
        text.push('Z');
        DateTime {
            text: text.into_boxed_str(),
            parts: Parts {
                year,
                month,
                day,
                hour,
                minute,
                second,
                nanosecond,
                offset: Some(0),
                instant: nanos,
                sub_nanos: 0..0,
            },
        }
    }

    /// The fraction digits below a nanosecond, without trailing zeros.
    fn sub_nanos(&self) -> &[u8] {
        sub_nanos_of(&self.text, &self.parts)
    }

    /// The instant, the key date-times compare by.
    pub(crate) fn instant(&self) -> Instant<'_> {
        Instant {
            nanos: self.parts.instant,
            sub_nanos: self.sub_nanos(),
        }
    }
}

fn sub_nanos_of<'t>(text: &'t str, parts: &Parts) -> &'t [u8] {
    text.as_bytes()
        .get(parts.sub_nanos.clone())
        .unwrap_or_default()
}

/// The instant a date-time denotes, exact to every fraction digit: what date-times
/// compare by, read from text without keeping a copy of it (a generic resource's values
/// are compared where they lie).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Instant<'t> {
    /// Nanoseconds since the Unix epoch, rounded down.
    nanos: i128,
    /// The fraction digits after the ninth, without trailing zeros: digit strings
    /// without trailing zeros compare like the fractions they start.
    sub_nanos: &'t [u8],
}

impl<'t> Instant<'t> {
    /// The instant of `xsd:dateTime` text; `None` when it is not one.
    pub(crate) fn of_text(text: &'t str) -> Option<Self> {
        let parts = parse(text).ok()?;
        Some(Instant {
            nanos: parts.instant,
            sub_nanos: sub_nanos_of(text, &parts),
        })
    }

    /// Nanoseconds since the Unix epoch, rounded down to a whole nanosecond.
    pub(crate) fn unix_nanos(self) -> i128 {
        self.nanos
    }
}

/// `?` for the `const fn` parser, where the operator is not available.
macro_rules! attempt {
    ($result:expr) => {
        match $result {
            Ok(value) => value,
            Err(error) => return Err(error),
        }
    };
}

/// Whether `text` is an `xsd:dateTime` (RFC 7643 §2.3.5), as [`DateTime`] reads it; for
/// `scim::filter!`, which checks dateTime comparison values while the crate compiles.
pub(crate) const fn is_date_time(text: &str) -> bool {
    parse(text).is_ok()
}

/// Reads `xsd:dateTime` text (RFC 7643 §2.3.5) into its parts. A `const fn`, for
/// [`is_date_time`].
const fn parse(text: &str) -> Result<Parts, DateTimeError> {
    if text.is_empty() {
        return Err(DateTimeError::new(DateTimeErrorKind::Empty, 0));
    }
    if text.len() > DateTime::MAX_LEN {
        return Err(DateTimeError::new(
            DateTimeErrorKind::TooLong {
                max: DateTime::MAX_LEN,
            },
            DateTime::MAX_LEN,
        ));
    }
    let bytes = text.as_bytes();
    let mut c = Cursor { text, pos: 0 };

    let negative = c.eat(b'-');
    let year_start = c.pos;
    let year_digits = c.digits();
    let year_len = year_digits.end - year_digits.start;
    if year_len < 4 {
        return Err(c.expected("a digit of the year (at least four)"));
    }
    if year_len > 9 {
        return Err(DateTimeError::new(
            DateTimeErrorKind::YearOutOfRange,
            year_start,
        ));
    }
    if year_len > 4 && bytes[year_start] == b'0' {
        return Err(DateTimeError::new(
            DateTimeErrorKind::YearLeadingZero,
            year_start,
        ));
    }
    let mut year_magnitude = 0i32;
    let mut at = year_digits.start;
    while at < year_digits.end {
        year_magnitude = year_magnitude * 10 + (bytes[at] - b'0') as i32;
        at += 1;
    }
    if negative && year_magnitude == 0 {
        return Err(DateTimeError::new(DateTimeErrorKind::NegativeYearZero, 0));
    }
    let year = if negative {
        -year_magnitude
    } else {
        year_magnitude
    };

    attempt!(c.literal(b'-', "'-' after the year"));
    let month_at = c.pos;
    let month = attempt!(c.two_digits("a two-digit month"));
    if month < 1 || month > 12 {
        return Err(DateTimeError::new(
            DateTimeErrorKind::MonthOutOfRange { month },
            month_at,
        ));
    }
    attempt!(c.literal(b'-', "'-' after the month"));
    let day_at = c.pos;
    let day = attempt!(c.two_digits("a two-digit day"));
    let days_in_month = days_in_month(year, month);
    if day == 0 || day > days_in_month {
        return Err(DateTimeError::new(
            DateTimeErrorKind::DayOutOfRange { day, days_in_month },
            day_at,
        ));
    }

    attempt!(c.literal(b'T', "'T' between the date and the time"));
    let hour_at = c.pos;
    let hour = attempt!(c.two_digits("a two-digit hour"));
    if hour > 24 {
        return Err(DateTimeError::new(
            DateTimeErrorKind::HourOutOfRange { hour },
            hour_at,
        ));
    }
    attempt!(c.literal(b':', "':' after the hour"));
    let minute_at = c.pos;
    let minute = attempt!(c.two_digits("a two-digit minute"));
    if minute > 59 {
        return Err(DateTimeError::new(
            DateTimeErrorKind::MinuteOutOfRange { minute },
            minute_at,
        ));
    }
    attempt!(c.literal(b':', "':' after the minute"));
    let second_at = c.pos;
    let second = attempt!(c.two_digits("a two-digit second"));
    if second > 59 {
        return Err(DateTimeError::new(
            DateTimeErrorKind::SecondOutOfRange { second },
            second_at,
        ));
    }

    let mut nanosecond = 0u32;
    let mut sub_nanos = 0..0;
    let mut fraction_is_zero = true;
    if c.eat(b'.') {
        let digits = c.digits();
        if digits.start == digits.end {
            return Err(c.expected("a digit of the fraction"));
        }
        // The first nine digits are the nanoseconds, missing ones zero; digits beyond
        // them, up to the last that is not zero, are kept to compare by.
        let mut position = 0;
        while position < 9 {
            let at = digits.start + position;
            let digit = if at < digits.end { bytes[at] - b'0' } else { 0 };
            nanosecond = nanosecond * 10 + digit as u32;
            position += 1;
        }
        // The last digit that is not zero, searched from the end.
        let mut end = digits.end;
        while end > digits.start && bytes[end - 1] == b'0' {
            end -= 1;
        }
        if end > digits.start {
            fraction_is_zero = false;
            if end > digits.start + 9 {
                sub_nanos = digits.start + 9..end;
            }
        }
    }
    if hour == 24 && (minute != 0 || second != 0 || !fraction_is_zero) {
        return Err(DateTimeError::new(
            DateTimeErrorKind::EndOfDayNotMidnight,
            hour_at,
        ));
    }

    let offset_at = c.pos;
    let offset = match c.peek() {
        Some(b'Z') => {
            c.pos += 1;
            Some(0)
        }
        Some(sign @ (b'+' | b'-')) => {
            c.pos += 1;
            let hours = attempt!(c.two_digits("a two-digit hour of the offset"));
            attempt!(c.literal(b':', "':' in the offset"));
            let minutes = attempt!(c.two_digits("two-digit minutes of the offset"));
            if hours > 14 || minutes > 59 || (hours == 14 && minutes > 0) {
                return Err(DateTimeError::new(
                    DateTimeErrorKind::OffsetOutOfRange,
                    offset_at,
                ));
            }
            let magnitude = hours as i16 * 60 + minutes as i16;
            Some(if sign == b'-' { -magnitude } else { magnitude })
        }
        _ if c.pos == text.len() => None,
        _ => return Err(c.expected("a fraction, an offset or the end of the text")),
    };
    if c.pos != text.len() {
        return Err(c.expected("the end of the text"));
    }

    let days = days_from_civil(year as i64, month, day);
    let offset_minutes = match offset {
        Some(minutes) => minutes as i128,
        None => 0,
    };
    let seconds =
        days as i128 * SECONDS_PER_DAY + hour as i128 * 3600 + minute as i128 * 60 + second as i128
            - offset_minutes * 60;
    Ok(Parts {
        year,
        month,
        day,
        hour,
        minute,
        second,
        nanosecond,
        offset,
        instant: seconds * NANOS_PER_SECOND + nanosecond as i128,
        sub_nanos,
    })
}

/// A position in the text being parsed.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    #[inline]
    const fn peek(&self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        if self.pos < bytes.len() {
            Some(bytes[self.pos])
        } else {
            None
        }
    }

    /// Consumes `byte` if it comes next.
    #[inline]
    const fn eat(&mut self, byte: u8) -> bool {
        let found = matches!(self.peek(), Some(next) if next == byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// An error saying what was expected here and what was found.
    const fn expected(&self, expected: &'static str) -> DateTimeError {
        DateTimeError::new(
            DateTimeErrorKind::Expected {
                expected,
                found: char_at(self.text, self.pos),
            },
            self.pos,
        )
    }

    #[inline]
    const fn literal(&mut self, byte: u8, expected: &'static str) -> Result<(), DateTimeError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.expected(expected))
        }
    }

    /// Consumes a run of digits, possibly empty, and returns its byte range.
    #[inline]
    const fn digits(&mut self) -> Range<usize> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        start..self.pos
    }

    /// Consumes exactly two digits.
    #[inline]
    const fn two_digits(&mut self, expected: &'static str) -> Result<u8, DateTimeError> {
        let tens = attempt!(self.digit(expected));
        let units = attempt!(self.digit(expected));
        Ok(tens * 10 + units)
    }

    /// Consumes one digit.
    #[inline]
    const fn digit(&mut self, expected: &'static str) -> Result<u8, DateTimeError> {
        match self.peek() {
            Some(digit @ b'0'..=b'9') => {
                self.pos += 1;
                Ok(digit - b'0')
            }
            _ => Err(self.expected(expected)),
        }
    }
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar (year 0 is one).
const fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar.
///
/// The calendar repeats every 400 years (146097 days). Counting each year from March puts
/// the leap day at the end of the year, so the day of the year follows from the month by a
/// fixed formula (`(153 × m + 2) / 5` days precede month `m` counted from March = 0).
const fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let month = month as i64;
    let year = if month <= 2 { year - 1 } else { year };
    let cycle = year.div_euclid(400);
    let year_of_cycle = year.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day as i64 - 1;
    let day_of_cycle = year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
    // 719468 days lie between 0000-03-01, where a cycle starts, and 1970-01-01.
    cycle * 146_097 + day_of_cycle - 719_468
}

/// The date of the proleptic Gregorian calendar that is `days` after 1970-01-01: the inverse
/// of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let days = days + 719_468;
    let cycle = days.div_euclid(146_097);
    let day_of_cycle = days.rem_euclid(146_097);
    // Every 4 years add a leap day, except every 100, except every 400; the corrections
    // below remove those leap days before dividing by 365.
    let year_of_cycle =
        (day_of_cycle - day_of_cycle / 1460 + day_of_cycle / 36_524 - day_of_cycle / 146_096) / 365;
    let day_of_year =
        day_of_cycle - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = cycle * 400 + year_of_cycle + i64::from(month <= 2);
    // Both are small: 1–12 and 1–31.
    (year, month as u8, day as u8)
}

impl FromStr for DateTime {
    type Err = DateTimeError;

    /// Parses an `xsd:dateTime` (see [`DateTime`] for the form).
    ///
    /// ```
    /// # use scim::value::DateTime;
    /// let error = "2023-02-29T00:00:00Z".parse::<DateTime>().unwrap_err();
    /// assert_eq!(error.offset(), 8);
    /// assert_eq!(error.to_string(), "invalid dateTime at byte offset 8: day 29 does not exist in a month of 28 days");
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let parts = parse(text)?;
        Ok(DateTime {
            text: text.into(),
            parts,
        })
    }
}

impl fmt::Display for DateTime {
    /// Writes the text exactly as it was written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTime({})", self.text)
    }
}

impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for DateTime {}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    /// Chronological order of the instants, exact to every fraction digit.
    fn cmp(&self, other: &Self) -> Ordering {
        // The digits below a nanosecond are read only when the nanoseconds are equal.
        self.parts
            .instant
            .cmp(&other.parts.instant)
            .then_with(|| self.sub_nanos().cmp(other.sub_nanos()))
    }
}

impl Hash for DateTime {
    /// Hashes the instant, so that equal date-times hash alike however written.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parts.instant.hash(state);
        self.sub_nanos().hash(state);
    }
}

impl Serialize for DateTime {
    /// Writes the text as a JSON string, exactly as written.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    /// Reads a JSON string (borrowed or owned) holding an `xsd:dateTime`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DateTimeVisitor)
    }
}

struct DateTimeVisitor;

impl Visitor<'_> for DateTimeVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an xsd:dateTime string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<DateTime, E> {
        let parts = parse(&text).map_err(E::custom)?;
        Ok(DateTime {
            text: text.into_boxed_str(),
            parts,
        })
    }
}

/// Why a text is not a [`DateTime`], and where.
///
/// ```
/// use scim::value::{DateTime, DateTimeErrorKind};
///
/// let error = "2015-06-01T12:60:00Z".parse::<DateTime>().unwrap_err();
/// assert_eq!(error.kind(), DateTimeErrorKind::MinuteOutOfRange { minute: 60 });
/// assert_eq!(error.offset(), 14);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeError {
    kind: DateTimeErrorKind,
    offset: usize,
}

impl DateTimeError {
    const fn new(kind: DateTimeErrorKind, offset: usize) -> Self {
        DateTimeError { kind, offset }
    }

    /// What is wrong.
    pub fn kind(&self) -> DateTimeErrorKind {
        self.kind
    }

    /// The byte offset in the text where the problem is.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for DateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid dateTime at byte offset {}: {}",
            self.offset, self.kind
        )
    }
}

impl std::error::Error for DateTimeError {}

/// The kinds of [`DateTimeError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateTimeErrorKind {
    /// The text is empty.
    Empty,
    /// The text is longer than `max` ([`DateTime::MAX_LEN`]) bytes.
    TooLong {
        /// The maximum length in bytes.
        max: usize,
    },
    /// Something else was expected here, e.g. `'T' between the date and the time`.
    Expected {
        /// What was expected.
        expected: &'static str,
        /// What was there instead; `None` at the end of the text.
        found: Option<char>,
    },
    /// A year of more than four digits starts with 0.
    YearLeadingZero,
    /// The year is `-0000`.
    NegativeYearZero,
    /// The year has more than nine digits.
    YearOutOfRange,
    /// The month is not 01–12.
    MonthOutOfRange {
        /// The month written.
        month: u8,
    },
    /// The day does not exist in its month (of that year).
    DayOutOfRange {
        /// The day written.
        day: u8,
        /// The number of days of the month.
        days_in_month: u8,
    },
    /// The hour is above 24.
    HourOutOfRange {
        /// The hour written.
        hour: u8,
    },
    /// The minute is above 59.
    MinuteOutOfRange {
        /// The minute written.
        minute: u8,
    },
    /// The second is above 59 (XML Schema has no leap seconds).
    SecondOutOfRange {
        /// The second written.
        second: u8,
    },
    /// Hour 24 with minutes, seconds or a fraction that are not all zero: only `24:00:00`
    /// is allowed.
    EndOfDayNotMidnight,
    /// The offset is beyond ±14:00 or its minutes are above 59.
    OffsetOutOfRange,
}

impl fmt::Display for DateTimeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateTimeErrorKind::Empty => f.write_str("the text is empty"),
            DateTimeErrorKind::TooLong { max } => {
                write!(f, "the text is longer than {max} bytes")
            }
            DateTimeErrorKind::Expected { expected, found } => {
                write!(f, "expected {expected}, found {}", Found(*found))
            }
            DateTimeErrorKind::YearLeadingZero => {
                f.write_str("a year of more than four digits must not start with 0")
            }
            DateTimeErrorKind::NegativeYearZero => {
                f.write_str("-0000 is not a year (the year before 0001 is 0000)")
            }
            DateTimeErrorKind::YearOutOfRange => f.write_str("the year has more than nine digits"),
            DateTimeErrorKind::MonthOutOfRange { month } => {
                write!(f, "month {month:02} is not 01 to 12")
            }
            DateTimeErrorKind::DayOutOfRange { day, days_in_month } => {
                write!(
                    f,
                    "day {day} does not exist in a month of {days_in_month} days"
                )
            }
            DateTimeErrorKind::HourOutOfRange { hour } => {
                write!(f, "hour {hour} is above 24")
            }
            DateTimeErrorKind::MinuteOutOfRange { minute } => {
                write!(f, "minute {minute} is above 59")
            }
            DateTimeErrorKind::SecondOutOfRange { second } => {
                write!(f, "second {second} is above 59")
            }
            DateTimeErrorKind::EndOfDayNotMidnight => {
                f.write_str("hour 24 is only allowed as 24:00:00, the end of the day")
            }
            DateTimeErrorKind::OffsetOutOfRange => {
                f.write_str("the offset must be within -14:00 to +14:00")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;

    fn dt(text: &str) -> DateTime {
        match text.parse() {
            Ok(t) => t,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    fn err(text: &str) -> DateTimeError {
        match text.parse::<DateTime>() {
            Ok(t) => panic!("{text:?} should not parse, got {t:?}"),
            Err(e) => e,
        }
    }

    fn hash_of(t: &DateTime) -> u64 {
        let mut hasher = DefaultHasher::new();
        t.hash(&mut hasher);
        hasher.finish()
    }

    fn seconds(t: &DateTime) -> i128 {
        t.unix_timestamp_nanos().div_euclid(NANOS_PER_SECOND)
    }

    #[test]
    fn keeps_the_text_as_written() {
        let text = "2015-06-01T12:00:00.1000-07:00";
        assert_eq!(dt(text).to_string(), text);
    }

    #[test]
    fn reads_the_fields_as_written() {
        let t = dt("2015-06-01T12:34:56.789-07:00");
        let fields = (
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.nanosecond(),
        );
        assert_eq!(fields, (2015, 6, 1, 12, 34, 56, 789_000_000));
    }

    #[test]
    fn the_epoch_is_instant_zero() {
        assert_eq!(dt("1970-01-01T00:00:00Z").unix_timestamp_nanos(), 0);
    }

    #[test]
    fn computes_the_instant_of_the_rfc_example() {
        assert_eq!(seconds(&dt("2008-01-23T04:56:22Z")), 1_201_064_182);
    }

    #[test]
    fn a_positive_offset_is_subtracted() {
        assert_eq!(seconds(&dt("1970-01-01T02:00:00+02:00")), 0);
    }

    #[test]
    fn a_negative_offset_is_added() {
        assert_eq!(seconds(&dt("1969-12-31T14:00:00-10:00")), 0);
    }

    #[test]
    fn a_value_without_offset_is_taken_as_utc() {
        assert_eq!(dt("2008-01-23T04:56:22"), dt("2008-01-23T04:56:22Z"));
    }

    #[test]
    fn instants_before_the_epoch_are_negative() {
        assert_eq!(
            dt("1969-12-31T23:59:59.5Z").unix_timestamp_nanos(),
            -500_000_000
        );
    }

    #[test]
    fn the_first_day_of_the_common_era_is_counted_from_the_epoch() {
        assert_eq!(seconds(&dt("0001-01-01T00:00:00Z")), -62_135_596_800);
    }

    #[test]
    fn year_zero_is_the_year_before_year_one_and_a_leap_year() {
        let days =
            (seconds(&dt("0001-01-01T00:00:00Z")) - seconds(&dt("0000-01-01T00:00:00Z"))) / 86_400;
        assert_eq!(days, 366);
    }

    #[test]
    fn negative_years_count_back_from_year_zero() {
        let days =
            (seconds(&dt("0000-01-01T00:00:00Z")) - seconds(&dt("-0001-01-01T00:00:00Z"))) / 86_400;
        assert_eq!(days, 365);
    }

    #[test]
    fn accepts_february_29_of_a_leap_year() {
        assert_eq!(dt("2024-02-29T00:00:00Z").day(), 29);
    }

    #[test]
    fn accepts_february_29_of_a_400_year() {
        assert_eq!(dt("2000-02-29T00:00:00Z").day(), 29);
    }

    #[test]
    fn rejects_february_29_of_a_century_year() {
        assert_eq!(
            err("1900-02-29T00:00:00Z").kind(),
            DateTimeErrorKind::DayOutOfRange {
                day: 29,
                days_in_month: 28
            }
        );
    }

    #[test]
    fn rejects_april_31() {
        let e = err("2023-04-31T00:00:00Z");
        assert_eq!(
            (e.kind(), e.offset()),
            (
                DateTimeErrorKind::DayOutOfRange {
                    day: 31,
                    days_in_month: 30
                },
                8
            )
        );
    }

    #[test]
    fn rejects_day_zero() {
        assert_eq!(
            err("2023-04-00T00:00:00Z").kind(),
            DateTimeErrorKind::DayOutOfRange {
                day: 0,
                days_in_month: 30
            }
        );
    }

    #[test]
    fn rejects_month_thirteen() {
        let e = err("2023-13-01T00:00:00Z");
        assert_eq!(
            (e.kind(), e.offset()),
            (DateTimeErrorKind::MonthOutOfRange { month: 13 }, 5)
        );
    }

    #[test]
    fn rejects_month_zero() {
        assert_eq!(
            err("2023-00-01T00:00:00Z").kind(),
            DateTimeErrorKind::MonthOutOfRange { month: 0 }
        );
    }

    #[test]
    fn end_of_day_is_the_start_of_the_next_day() {
        assert_eq!(dt("2023-12-31T24:00:00Z"), dt("2024-01-01T00:00:00Z"));
    }

    #[test]
    fn end_of_day_allows_a_zero_fraction() {
        assert_eq!(dt("2023-12-31T24:00:00.000Z").hour(), 24);
    }

    #[test]
    fn end_of_day_rejects_minutes() {
        let e = err("2023-12-31T24:01:00Z");
        assert_eq!(
            (e.kind(), e.offset()),
            (DateTimeErrorKind::EndOfDayNotMidnight, 11)
        );
    }

    #[test]
    fn end_of_day_rejects_a_fraction() {
        assert_eq!(
            err("2023-12-31T24:00:00.001Z").kind(),
            DateTimeErrorKind::EndOfDayNotMidnight
        );
    }

    #[test]
    fn rejects_hour_25() {
        assert_eq!(
            err("2023-12-31T25:00:00Z").kind(),
            DateTimeErrorKind::HourOutOfRange { hour: 25 }
        );
    }

    #[test]
    fn rejects_minute_60() {
        assert_eq!(
            err("2023-12-31T23:60:00Z").kind(),
            DateTimeErrorKind::MinuteOutOfRange { minute: 60 }
        );
    }

    #[test]
    fn rejects_a_leap_second() {
        let e = err("2016-12-31T23:59:60Z");
        assert_eq!(
            (e.kind(), e.offset()),
            (DateTimeErrorKind::SecondOutOfRange { second: 60 }, 17)
        );
    }

    #[test]
    fn accepts_an_offset_of_14_hours() {
        assert_eq!(dt("2023-01-01T00:00:00+14:00").offset_minutes(), Some(840));
    }

    #[test]
    fn rejects_an_offset_beyond_14_hours() {
        let e = err("2023-01-01T00:00:00-14:01");
        assert_eq!(
            (e.kind(), e.offset()),
            (DateTimeErrorKind::OffsetOutOfRange, 19)
        );
    }

    #[test]
    fn rejects_offset_minutes_above_59() {
        assert_eq!(
            err("2023-01-01T00:00:00+01:60").kind(),
            DateTimeErrorKind::OffsetOutOfRange
        );
    }

    #[test]
    fn negative_zero_offset_is_utc() {
        assert_eq!(dt("2023-01-01T00:00:00-00:00").offset_minutes(), Some(0));
    }

    #[test]
    fn z_is_offset_zero() {
        assert_eq!(dt("2023-01-01T00:00:00Z").offset_minutes(), Some(0));
    }

    #[test]
    fn rejects_an_offset_without_colon() {
        let e = err("2023-01-01T00:00:00+0100");
        assert_eq!(
            (e.kind(), e.offset()),
            (
                DateTimeErrorKind::Expected {
                    expected: "':' in the offset",
                    found: Some('0')
                },
                22
            )
        );
    }

    #[test]
    fn rejects_lower_case_t() {
        assert_eq!(
            err("2023-01-01t00:00:00Z").kind(),
            DateTimeErrorKind::Expected {
                expected: "'T' between the date and the time",
                found: Some('t')
            }
        );
    }

    #[test]
    fn rejects_lower_case_z() {
        let e = err("2023-01-01T00:00:00z");
        assert_eq!(
            (e.kind(), e.offset()),
            (
                DateTimeErrorKind::Expected {
                    expected: "a fraction, an offset or the end of the text",
                    found: Some('z')
                },
                19
            )
        );
    }

    #[test]
    fn rejects_a_date_without_time() {
        assert_eq!(
            err("2023-01-01").kind(),
            DateTimeErrorKind::Expected {
                expected: "'T' between the date and the time",
                found: None
            }
        );
    }

    #[test]
    fn rejects_a_time_without_seconds() {
        assert_eq!(err("2023-01-01T00:00Z").offset(), 16);
    }

    #[test]
    fn rejects_a_point_without_fraction_digits() {
        assert_eq!(
            err("2023-01-01T00:00:00.Z").kind(),
            DateTimeErrorKind::Expected {
                expected: "a digit of the fraction",
                found: Some('Z')
            }
        );
    }

    #[test]
    fn rejects_text_after_the_offset() {
        assert_eq!(
            err("2023-01-01T00:00:00Z ").kind(),
            DateTimeErrorKind::Expected {
                expected: "the end of the text",
                found: Some(' ')
            }
        );
    }

    #[test]
    fn rejects_a_three_digit_year() {
        assert_eq!(err("203-01-01T00:00:00Z").offset(), 3);
    }

    #[test]
    fn rejects_a_plus_sign_before_the_year() {
        assert_eq!(err("+2023-01-01T00:00:00Z").offset(), 0);
    }

    #[test]
    fn accepts_a_five_digit_year() {
        assert_eq!(dt("10000-01-01T00:00:00Z").year(), 10_000);
    }

    #[test]
    fn rejects_a_leading_zero_in_a_long_year() {
        assert_eq!(
            err("02023-01-01T00:00:00Z").kind(),
            DateTimeErrorKind::YearLeadingZero
        );
    }

    #[test]
    fn rejects_a_ten_digit_year() {
        assert_eq!(
            err("1000000000-01-01T00:00:00Z").kind(),
            DateTimeErrorKind::YearOutOfRange
        );
    }

    #[test]
    fn rejects_negative_year_zero() {
        assert_eq!(
            err("-0000-01-01T00:00:00Z").kind(),
            DateTimeErrorKind::NegativeYearZero
        );
    }

    #[test]
    fn accepts_the_extreme_years() {
        assert!(dt("-999999999-01-01T00:00:00-14:00") < dt("999999999-12-31T24:00:00+14:00"));
    }

    #[test]
    fn rejects_empty_text() {
        assert_eq!(err("").kind(), DateTimeErrorKind::Empty);
    }

    #[test]
    fn rejects_text_longer_than_the_maximum() {
        let text = format!("2023-01-01T00:00:00.{}Z", "0".repeat(DateTime::MAX_LEN));
        assert_eq!(
            err(&text).kind(),
            DateTimeErrorKind::TooLong {
                max: DateTime::MAX_LEN
            }
        );
    }

    #[test]
    fn rejects_a_non_ascii_digit() {
        let e = err("2023-0١-01T00:00:00Z");
        assert_eq!(
            (e.kind(), e.offset()),
            (
                DateTimeErrorKind::Expected {
                    expected: "a two-digit month",
                    found: Some('١')
                },
                6
            )
        );
    }

    #[test]
    fn fraction_digits_beyond_nanoseconds_are_cut_from_the_fields() {
        assert_eq!(
            dt("2023-01-01T00:00:00.9999999999Z").nanosecond(),
            999_999_999
        );
    }

    #[test]
    fn fraction_digits_beyond_nanoseconds_count_in_comparison() {
        assert!(dt("2023-01-01T00:00:00.0000000001Z") > dt("2023-01-01T00:00:00Z"));
    }

    #[test]
    fn trailing_zeros_beyond_nanoseconds_do_not_count() {
        assert_eq!(
            dt("2023-01-01T00:00:00.0000000010Z"),
            dt("2023-01-01T00:00:00.000000001Z")
        );
    }

    #[test]
    fn equal_instants_hash_alike() {
        assert_eq!(
            hash_of(&dt("2023-01-01T00:00:00.50Z")),
            hash_of(&dt("2023-01-01T01:00:00.5+01:00"))
        );
    }

    #[test]
    fn from_unix_nanos_writes_whole_seconds_without_fraction() {
        let t = DateTime::from_unix_nanos(1_201_064_182_000_000_000).map(|t| t.to_string());
        assert_eq!(t.as_deref(), Some("2008-01-23T04:56:22Z"));
    }

    #[test]
    fn from_unix_nanos_writes_the_shortest_fraction() {
        let t = DateTime::from_unix_nanos(120_000_000).map(|t| t.to_string());
        assert_eq!(t.as_deref(), Some("1970-01-01T00:00:00.12Z"));
    }

    #[test]
    fn from_unix_nanos_writes_negative_years() {
        let t = DateTime::from_unix_nanos(
            i128::from(days_from_civil(-1, 3, 1)) * SECONDS_PER_DAY * NANOS_PER_SECOND,
        );
        assert_eq!(
            t.map(|t| t.to_string()).as_deref(),
            Some("-0001-03-01T00:00:00Z")
        );
    }

    #[test]
    fn from_unix_nanos_reaches_the_last_supported_nanosecond() {
        let t = DateTime::from_unix_nanos(MAX_NANOS).map(|t| t.to_string());
        assert_eq!(t.as_deref(), Some("999999999-12-31T23:59:59.999999999Z"));
    }

    #[test]
    fn from_unix_nanos_reaches_the_first_supported_nanosecond() {
        let t = DateTime::from_unix_nanos(MIN_NANOS).map(|t| t.to_string());
        assert_eq!(t.as_deref(), Some("-999999999-01-01T00:00:00Z"));
    }

    #[test]
    fn from_unix_nanos_rejects_instants_past_the_last_year() {
        assert!(DateTime::from_unix_nanos(MAX_NANOS + 1).is_none());
    }

    #[test]
    fn from_unix_nanos_rejects_instants_before_the_first_year() {
        assert!(DateTime::from_unix_nanos(MIN_NANOS - 1).is_none());
    }

    #[test]
    fn now_is_utc_and_after_this_code_was_written() {
        let now = DateTime::now();
        assert!(now > dt("2025-01-01T00:00:00Z") && now.offset_minutes() == Some(0));
    }

    #[test]
    fn civil_dates_round_trip_through_day_numbers_across_four_centuries() {
        let start = days_from_civil(1600, 1, 1);
        for days in start..start + 146_097 {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(
                days_from_civil(year, month, day),
                days,
                "{year}-{month}-{day}"
            );
        }
    }

    #[test]
    fn consecutive_day_numbers_are_consecutive_dates() {
        let mut previous = civil_from_days(-800_000);
        for days in -799_999..800_000 {
            let (year, month, day) = civil_from_days(days);
            let next_day = (previous.0, previous.1, previous.2 + 1);
            let next_month = (previous.0, previous.1 + 1, 1);
            let next_year = (previous.0 + 1, 1, 1);
            assert!([next_day, next_month, next_year].contains(&(year, month, day)));
            assert!(day <= days_in_month(year as i32, month));
            previous = (year, month, day);
        }
    }

    #[test]
    fn error_message_names_the_problem_and_the_offset() {
        assert_eq!(
            err("2023-01-01T00:00:60Z").to_string(),
            "invalid dateTime at byte offset 17: second 60 is above 59"
        );
    }
}
