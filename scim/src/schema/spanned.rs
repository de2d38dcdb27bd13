//! A small JSON parser (RFC 8259) that records the line and column of every key and
//! value, so that the schema loader can point at the offending token.
//!
//! Numbers are kept as their source text (the loader only needs to know that a value
//! is a number, and huge numbers must not fail). Strings are decoded, with surrogate
//! pairs joined; a lone surrogate escape is an error because it names no character.
//! The parser keeps open arrays and objects on a heap stack rather than recursing, and
//! the caller limits the nesting, so hostile input cannot exhaust the call stack.

use super::diagnostic::Location;

/// A JSON value and the position of its first character.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    /// Where the value starts.
    pub(crate) at: Location,
    /// The value.
    pub(crate) value: Value,
}

/// A JSON value whose children carry positions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// The number as written in the source.
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// The members in source order, duplicates kept.
    Object(Vec<Member>),
}

/// One `"key": value` member of a JSON object.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Member {
    pub(crate) key: String,
    /// Where the key's opening quote is.
    pub(crate) key_at: Location,
    pub(crate) value: Node,
}

impl Value {
    /// The JSON type of the value with its article, for messages: `a string`.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Why a document is not JSON the loader accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ParseError {
    /// Where the problem is.
    pub(crate) at: Location,
    /// What was expected and what was found.
    pub(crate) message: String,
}

/// Parses `text` as one JSON value, allowing at most `max_depth` nested arrays and
/// objects. A leading byte order mark is skipped.
pub(crate) fn parse(text: &str, max_depth: usize) -> Result<Node, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
        column: 1,
        max_depth,
    };
    parser.skip_whitespace();
    let node = parser.value()?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error_here("end of input after the JSON value"));
    }
    Ok(node)
}

/// A container whose closing bracket has not been read yet.
enum Frame {
    Array {
        at: Location,
        items: Vec<Node>,
    },
    Object {
        at: Location,
        members: Vec<Member>,
        /// The key whose value is being read.
        key: String,
        key_at: Location,
    },
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// Byte offset of the next character.
    pos: usize,
    line: u32,
    column: u32,
    max_depth: usize,
}

impl Parser<'_> {
    fn location(&self) -> Location {
        Location::new(self.line, self.column)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Moves past one byte, keeping line and column up to date. Columns count
    /// characters: only the first byte of a UTF-8 sequence advances the column.
    fn bump(&mut self) {
        if let Some(&byte) = self.bytes.get(self.pos) {
            self.pos += 1;
            if byte == b'\n' {
                self.line = self.line.saturating_add(1);
                self.column = 1;
            } else if byte & 0xC0 != 0x80 {
                self.column = self.column.saturating_add(1);
            }
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.bump();
        }
    }

    /// Describes the character at the current position, for messages.
    fn found(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            None => "end of input".to_owned(),
            Some(c) if c.is_control() || c.is_whitespace() => format!("{:?}", c),
            Some(c) => format!("'{c}'"),
        }
    }

    fn error_here(&self, expected: &str) -> ParseError {
        ParseError {
            at: self.location(),
            message: format!("expected {expected}, found {}", self.found()),
        }
    }

    /// One value, nested containers included. Iterative, with an explicit stack of
    /// open containers, so that the nesting depth never touches the call stack.
    fn value(&mut self) -> Result<Node, ParseError> {
        let mut open: Vec<Frame> = Vec::new();
        'value: loop {
            let at = self.location();
            let mut node = match self.peek() {
                Some(b'{') => {
                    self.enter(open.len() + 1)?;
                    self.bump();
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        self.bump();
                        Node {
                            at,
                            value: Value::Object(Vec::new()),
                        }
                    } else {
                        let (key, key_at) = self.key("a string key or '}'")?;
                        open.push(Frame::Object {
                            at,
                            members: Vec::new(),
                            key,
                            key_at,
                        });
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.enter(open.len() + 1)?;
                    self.bump();
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        self.bump();
                        Node {
                            at,
                            value: Value::Array(Vec::new()),
                        }
                    } else {
                        open.push(Frame::Array {
                            at,
                            items: Vec::new(),
                        });
                        continue 'value;
                    }
                }
                Some(b'"') => Node {
                    at,
                    value: Value::String(self.string()?),
                },
                Some(b'-' | b'0'..=b'9') => Node {
                    at,
                    value: Value::Number(self.number()?),
                },
                Some(b't') => Node {
                    at,
                    value: self.literal("true", Value::Bool(true))?,
                },
                Some(b'f') => Node {
                    at,
                    value: self.literal("false", Value::Bool(false))?,
                },
                Some(b'n') => Node {
                    at,
                    value: self.literal("null", Value::Null)?,
                },
                _ => return Err(self.error_here("a JSON value")),
            };
            // Hand the finished value to its container; close containers that end.
            loop {
                let Some(mut frame) = open.pop() else {
                    return Ok(node);
                };
                self.skip_whitespace();
                match &mut frame {
                    Frame::Array { items, .. } => {
                        items.push(node);
                        match self.peek() {
                            Some(b',') => {
                                self.bump();
                                self.skip_whitespace();
                                open.push(frame);
                                continue 'value;
                            }
                            Some(b']') => self.bump(),
                            _ => return Err(self.error_here("',' or ']' after the array element")),
                        }
                    }
                    Frame::Object {
                        members,
                        key,
                        key_at,
                        ..
                    } => {
                        members.push(Member {
                            key: std::mem::take(key),
                            key_at: *key_at,
                            value: node,
                        });
                        match self.peek() {
                            Some(b',') => {
                                self.bump();
                                self.skip_whitespace();
                                let (next_key, next_at) = self.key("a string key")?;
                                *key = next_key;
                                *key_at = next_at;
                                open.push(frame);
                                continue 'value;
                            }
                            Some(b'}') => self.bump(),
                            _ => return Err(self.error_here("',' or '}' after the object member")),
                        }
                    }
                }
                node = match frame {
                    Frame::Array { at, items } => Node {
                        at,
                        value: Value::Array(items),
                    },
                    Frame::Object { at, members, .. } => Node {
                        at,
                        value: Value::Object(members),
                    },
                };
            }
        }
    }

    /// A member's key and the colon after it; leaves the position at its value.
    fn key(&mut self, expected: &str) -> Result<(String, Location), ParseError> {
        if self.peek() != Some(b'"') {
            return Err(self.error_here(expected));
        }
        let key_at = self.location();
        let key = self.string()?;
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return Err(self.error_here("':' after the object key"));
        }
        self.bump();
        self.skip_whitespace();
        Ok((key, key_at))
    }

    fn enter(&self, depth: usize) -> Result<(), ParseError> {
        if depth > self.max_depth {
            Err(ParseError {
                at: self.location(),
                message: format!(
                    "nesting deeper than {} levels of arrays and objects (the limit)",
                    self.max_depth
                ),
            })
        } else {
            Ok(())
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        for expected in word.bytes() {
            if self.peek() != Some(expected) {
                return Err(self.error_here(&format!("the literal `{word}`")));
            }
            self.bump();
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let mut count = 0;
        while let Some(b'0'..=b'9') = self.peek() {
            self.bump();
            count += 1;
        }
        count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<String, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => self.bump(),
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error_here("a digit")),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if self.digits() == 0 {
                return Err(self.error_here("a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(self.error_here("a digit in the exponent"));
            }
        }
        Ok(self
            .text
            .get(start..self.pos)
            .unwrap_or_default()
            .to_owned())
    }

    /// A string starting at the opening quote; returns the decoded text.
    fn string(&mut self) -> Result<String, ParseError> {
        self.bump(); // `"`
        let mut out = String::new();
        loop {
            // Copy the run of plain characters in one go.
            let start = self.pos;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.bump();
            }
            out.push_str(self.text.get(start..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.bump();
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escape_at = self.location();
                    self.bump();
                    self.escape(escape_at, &mut out)?;
                }
                Some(_) => {
                    return Err(self.error_here(
                        "a character of the string (control characters must be escaped)",
                    ))
                }
                None => return Err(self.error_here("'\"' closing the string")),
            }
        }
    }

    /// One escape sequence after its backslash.
    fn escape(&mut self, escape_at: Location, out: &mut String) -> Result<(), ParseError> {
        let simple =
            match self.peek() {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    self.bump();
                    let unit = self.hex4()?;
                    let c = match unit {
                        0xD800..=0xDBFF => {
                            if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                                return Err(lone_surrogate(escape_at, unit));
                            }
                            self.bump();
                            self.bump();
                            let low = self.hex4()?;
                            if !(0xDC00..=0xDFFF).contains(&low) {
                                return Err(lone_surrogate(escape_at, unit));
                            }
                            let scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                            char::from_u32(scalar).ok_or_else(|| lone_surrogate(escape_at, unit))?
                        }
                        _ => char::from_u32(unit).ok_or_else(|| lone_surrogate(escape_at, unit))?,
                    };
                    out.push(c);
                    return Ok(());
                }
                _ => return Err(self.error_here(
                    "an escape character (one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u')",
                )),
            };
        self.bump();
        out.push(simple);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(byte @ b'0'..=b'9') => byte - b'0',
                Some(byte @ b'a'..=b'f') => byte - b'a' + 10,
                Some(byte @ b'A'..=b'F') => byte - b'A' + 10,
                _ => return Err(self.error_here("a hexadecimal digit of a \\u escape")),
            };
            unit = unit * 16 + u32::from(digit);
            self.bump();
        }
        Ok(unit)
    }
}

fn lone_surrogate(at: Location, unit: u32) -> ParseError {
    ParseError {
        at,
        message: format!(
            "expected a character, found the lone surrogate \\u{unit:04X} (a high surrogate \
             must be followed by a low one, \\uDC00 to \\uDFFF)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Node {
        match parse(text, 64) {
            Ok(node) => node,
            Err(error) => panic!("{text:?} should parse, got {error:?}"),
        }
    }

    fn parse_err(text: &str) -> ParseError {
        match parse(text, 64) {
            Ok(node) => panic!("{text:?} should fail, got {node:?}"),
            Err(error) => error,
        }
    }

    fn string_of(text: &str) -> String {
        match parse_ok(text).value {
            Value::String(s) => s,
            other => panic!("expected a string, got {other:?}"),
        }
    }

    fn members(node: Node) -> Vec<Member> {
        match node.value {
            Value::Object(members) => members,
            other => panic!("expected an object, got {other:?}"),
        }
    }

    #[test]
    fn decodes_simple_escapes() {
        assert_eq!(
            string_of(r#""a\"b\\c\/d\be\ff\ng\rh\ti""#),
            "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti"
        );
    }

    #[test]
    fn decodes_unicode_escapes() {
        assert_eq!(string_of(r#""\u00e9\u4E2D""#), "é中");
    }

    #[test]
    fn joins_surrogate_pairs() {
        assert_eq!(string_of(r#""\uD83D\uDE00""#), "😀");
    }

    #[test]
    fn keeps_raw_non_ascii_characters() {
        assert_eq!(string_of("\"Zoë 😀\""), "Zoë 😀");
    }

    #[test]
    fn rejects_a_lone_high_surrogate() {
        let error = parse_err(r#"["\uD800x"]"#);
        assert_eq!(error.at, Location::new(1, 3));
        assert!(
            error.message.contains("lone surrogate \\uD800"),
            "{error:?}"
        );
    }

    #[test]
    fn rejects_a_high_surrogate_followed_by_a_non_low_escape() {
        let error = parse_err(r#""\uD800\u0041""#);
        assert!(error.message.contains("lone surrogate"), "{error:?}");
    }

    #[test]
    fn rejects_a_lone_low_surrogate() {
        let error = parse_err(r#""\uDC00""#);
        assert!(
            error.message.contains("lone surrogate \\uDC00"),
            "{error:?}"
        );
    }

    #[test]
    fn rejects_an_unknown_escape() {
        let error = parse_err(r#""a\x""#);
        assert_eq!(error.at, Location::new(1, 4));
        assert!(error.message.starts_with("expected an escape character"));
    }

    #[test]
    fn rejects_a_raw_control_character_in_a_string() {
        let error = parse_err("\"a\tb\"");
        assert_eq!(error.at, Location::new(1, 3));
        assert!(error.message.contains("control characters must be escaped"));
    }

    #[test]
    fn rejects_an_unterminated_string() {
        let error = parse_err("\"abc");
        assert_eq!(error.at, Location::new(1, 5));
        assert_eq!(
            error.message,
            "expected '\"' closing the string, found end of input"
        );
    }

    #[test]
    fn keeps_numbers_as_written() {
        for text in ["0", "-0", "12", "-3.25", "1e10", "2E-7", "6.02e+23"] {
            assert_eq!(parse_ok(text).value, Value::Number(text.to_owned()));
        }
    }

    #[test]
    fn accepts_numbers_too_large_for_any_machine_type() {
        let huge = format!("1{}e999999999999", "0".repeat(400));
        assert_eq!(parse_ok(&huge).value, Value::Number(huge.clone()));
    }

    #[test]
    fn rejects_malformed_numbers() {
        for (text, expected) in [
            ("-", "expected a digit, found end of input"),
            (
                "01",
                "expected end of input after the JSON value, found '1'",
            ),
            (
                "1.",
                "expected a digit after the decimal point, found end of input",
            ),
            (
                "1e+",
                "expected a digit in the exponent, found end of input",
            ),
            ("+1", "expected a JSON value, found '+'"),
        ] {
            assert_eq!(parse_err(text).message, expected, "{text}");
        }
    }

    #[test]
    fn parses_literals() {
        assert_eq!(parse_ok("true").value, Value::Bool(true));
        assert_eq!(parse_ok("false").value, Value::Bool(false));
        assert_eq!(parse_ok("null").value, Value::Null);
        assert_eq!(
            parse_err("nul").message,
            "expected the literal `null`, found end of input"
        );
    }

    #[test]
    fn records_positions_across_lines() {
        let text = "{\n  \"a\" : 1,\n\t\"b\": [true,\n   null]\n}";
        let node = parse_ok(text);
        assert_eq!(node.at, Location::new(1, 1));
        let members = members(node);
        assert_eq!(members[0].key_at, Location::new(2, 3));
        assert_eq!(members[0].value.at, Location::new(2, 9));
        assert_eq!(members[1].key_at, Location::new(3, 2));
        assert_eq!(members[1].value.at, Location::new(3, 7));
        let Value::Array(items) = &members[1].value.value else {
            panic!("expected an array");
        };
        assert_eq!(items[0].at, Location::new(3, 8));
        assert_eq!(items[1].at, Location::new(4, 4));
    }

    #[test]
    fn counts_columns_in_characters_not_bytes() {
        let members = members(parse_ok("{\"é😀\": \"ü\", \"x\": 1}"));
        assert_eq!(members[0].value.at, Location::new(1, 8));
        assert_eq!(members[1].key_at, Location::new(1, 13));
    }

    #[test]
    fn treats_crlf_as_one_line_break() {
        let members = members(parse_ok("{\r\n\"a\": 1,\r\n  \"b\": 2}"));
        assert_eq!(members[0].key_at, Location::new(2, 1));
        assert_eq!(members[1].key_at, Location::new(3, 3));
    }

    #[test]
    fn skips_a_byte_order_mark() {
        let members = members(parse_ok("\u{feff}{\"a\": 1}"));
        assert_eq!(members[0].key_at, Location::new(1, 2));
    }

    #[test]
    fn keeps_duplicate_keys_in_order() {
        let members = members(parse_ok(r#"{"a": 1, "A": 2, "a": 3}"#));
        let keys: Vec<_> = members.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["a", "A", "a"]);
    }

    #[test]
    fn reports_a_missing_comma_where_it_belongs() {
        let error = parse_err("{\n  \"a\": 1\n  \"b\": 2\n}");
        assert_eq!(error.at, Location::new(3, 3));
        assert_eq!(
            error.message,
            "expected ',' or '}' after the object member, found '\"'"
        );
    }

    #[test]
    fn reports_a_trailing_comma() {
        let error = parse_err("[1, 2,]");
        assert_eq!(error.at, Location::new(1, 7));
        assert_eq!(error.message, "expected a JSON value, found ']'");
        let error = parse_err("{\"a\": 1,}");
        assert_eq!(error.message, "expected a string key, found '}'");
    }

    #[test]
    fn reports_a_missing_colon() {
        let error = parse_err("{\"a\" 1}");
        assert_eq!(error.at, Location::new(1, 6));
        assert_eq!(
            error.message,
            "expected ':' after the object key, found '1'"
        );
    }

    #[test]
    fn reports_an_empty_document() {
        let error = parse_err("  \n ");
        assert_eq!(error.at, Location::new(2, 2));
        assert_eq!(error.message, "expected a JSON value, found end of input");
    }

    #[test]
    fn reports_text_after_the_value() {
        let error = parse_err("{} {}");
        assert_eq!(error.at, Location::new(1, 4));
        assert_eq!(
            error.message,
            "expected end of input after the JSON value, found '{'"
        );
    }

    #[test]
    fn accepts_nesting_up_to_the_limit() {
        let text = format!("{}{}", "[".repeat(5), "]".repeat(5));
        assert!(parse(&text, 5).is_ok());
    }

    #[test]
    fn rejects_nesting_beyond_the_limit_at_the_opening_bracket() {
        let text = format!("{}{}", "[".repeat(6), "]".repeat(6));
        let error = match parse(&text, 5) {
            Err(error) => error,
            Ok(node) => panic!("should fail, got {node:?}"),
        };
        assert_eq!(error.at, Location::new(1, 6));
        assert!(error.message.starts_with("nesting deeper than 5 levels"));
    }
}
