//! The filter parser (RFC 7644 §3.4.2.2, Figure 1 with errata 4670, 4690, 7319 and 7322):
//! a lexer that reads one token at a time and a recursive descent parser whose recursion
//! is bounded by [`MAX_DEPTH`].
//!
//! This file and `ast.rs` are the whole filter syntax and depend on nothing but `std`:
//! the `scim` crate turns a [`SyntaxError`] into a SCIM `invalidFilter` error, and the
//! `scim-derive` crate compiles the same two files (through `#[path]`) so that
//! `scim::filter!` parses a filter written in Rust source with this very parser.

use super::ast::{AttrPath, CompValue, CompareOp, Filter};
use std::fmt;

/// The longest filter [`Filter::parse`] reads, in characters; a longer one is an
/// `invalidFilter` error. Attribute paths (`AttrPath::parse`, `sortBy`) and the paths
/// the request rules read (`attributes`, `excludedAttributes`, PATCH `path`) have the
/// same limit.
pub const MAX_LEN: usize = 4096;

/// The deepest nesting [`Filter::parse`] reads: each group `( )`, `not ( )` and value
/// filter `[ ]` inside another is one level; the 65th is an `invalidFilter` error. The
/// parser's recursion is bounded by it, so no input overflows the stack.
pub const MAX_DEPTH: usize = 64;

/// Why a text is not a filter: the 0-based character index where the problem is and
/// what was expected there. `Display` writes it as the detail of the `invalidFilter`
/// error, with a 1-based position: `at 12: expected a comparison value ...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The 0-based character index of the problem.
    pub at: usize,
    /// What was expected there, or what is wrong.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.at + 1, self.message)
    }
}

/// Parses a filter (RFC 7644 §3.4.2.2, Figure 1); see [`Filter::parse`] for the rules.
pub fn parse(text: &str) -> Result<Filter, SyntaxError> {
    // A cheap bound first, so that a huge input is not counted character by character.
    if text.len() > 4 * MAX_LEN || text.chars().count() > MAX_LEN {
        return Err(error(
            MAX_LEN,
            &format!("the filter is longer than {MAX_LEN} characters"),
        ));
    }
    let mut parser = Parser {
        chars: text.chars().collect(),
        pos: 0,
        peeked: None,
        prev: Prev::Start,
    };
    let filter = parser.or_chain(0, false)?;
    let token = parser.next()?;
    match token.kind {
        Kind::End => Ok(filter),
        _ => Err(parser.unexpected(&token, "and, or or the end of the filter")),
    }
}

/// A syntax error at the 0-based character index `at`.
fn error(at: usize, expected: &str) -> SyntaxError {
    SyntaxError {
        at,
        message: expected.to_owned(),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    LParen,
    RParen,
    LBracket,
    RBracket,
    /// A JSON string, unescaped.
    Str(String),
    /// A run of characters other than white space, parentheses, brackets and quotes.
    Word(String),
    End,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    /// The 0-based character index where the token starts.
    at: usize,
    /// Whether white space comes before it.
    spaced: bool,
}

/// What the token before ended with, for the lexer's check that words are separated.
#[derive(Clone, Copy, PartialEq)]
enum Prev {
    Start,
    Open,
    Close,
    RBracket,
    Str,
    Word,
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    peeked: Option<Token>,
    prev: Prev,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn is_word_char(c: char) -> bool {
    !is_space(c) && !matches!(c, '(' | ')' | '[' | ']' | '"')
}

impl Parser {
    fn peek(&mut self) -> Result<&Token, SyntaxError> {
        if self.peeked.is_none() {
            let token = self.lex()?;
            self.peeked = Some(token);
        }
        match &self.peeked {
            Some(token) => Ok(token),
            None => Err(error(self.pos, "an internal parser error")),
        }
    }

    fn next(&mut self) -> Result<Token, SyntaxError> {
        match self.peeked.take() {
            Some(token) => Ok(token),
            None => self.lex(),
        }
    }

    fn char_at(&self, index: usize) -> Option<char> {
        self.chars.get(index).copied()
    }

    fn lex(&mut self) -> Result<Token, SyntaxError> {
        let start = self.pos;
        while self.char_at(self.pos).is_some_and(is_space) {
            self.pos += 1;
        }
        let spaced = self.pos > start;
        let at = self.pos;
        let Some(c) = self.char_at(at) else {
            return Ok(Token {
                kind: Kind::End,
                at,
                spaced,
            });
        };
        let (kind, prev) = match c {
            '(' => {
                self.pos += 1;
                (Kind::LParen, Prev::Open)
            }
            ')' => {
                self.pos += 1;
                (Kind::RParen, Prev::Close)
            }
            '[' => {
                self.pos += 1;
                (Kind::LBracket, Prev::Open)
            }
            ']' => {
                self.pos += 1;
                (Kind::RBracket, Prev::RBracket)
            }
            '"' => (Kind::Str(self.string()?), Prev::Str),
            _ => {
                if !spaced {
                    match self.prev {
                        Prev::RBracket if c == '.' => {
                            return Err(error(
                                at,
                                "a value path followed by a sub-attribute is a PATCH path \
                                 (RFC 7644 §3.5.2), not a filter; expected and, or, ) or the end",
                            ))
                        }
                        Prev::RBracket | Prev::Close | Prev::Str => {
                            return Err(error(at, "expected a space"))
                        }
                        Prev::Start | Prev::Open | Prev::Word => {}
                    }
                }
                while self.char_at(self.pos).is_some_and(is_word_char) {
                    self.pos += 1;
                }
                let word = self
                    .chars
                    .get(at..self.pos)
                    .map(|chars| chars.iter().collect())
                    .unwrap_or_default();
                (Kind::Word(word), Prev::Word)
            }
        };
        self.prev = prev;
        Ok(Token { kind, at, spaced })
    }

    /// Reads a JSON string (RFC 7159 §7) starting at the opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut text = String::new();
        loop {
            let at = self.pos;
            let Some(c) = self.char_at(at) else {
                return Err(error(at, "expected the closing quote of the string"));
            };
            self.pos += 1;
            match c {
                '"' => return Ok(text),
                '\\' => text.push(self.escape(at)?),
                c if u32::from(c) < 0x20 => {
                    return Err(error(
                        at,
                        "a control character in a string must be escaped (\\n, \\t, \\u001f ...)",
                    ))
                }
                c => text.push(c),
            }
        }
    }

    /// Reads the escape after the backslash at `at`.
    fn escape(&mut self, at: usize) -> Result<char, SyntaxError> {
        let Some(c) = self.char_at(self.pos) else {
            return Err(error(
                self.pos,
                "expected an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX",
            ));
        };
        self.pos += 1;
        Ok(match c {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => {
                        if self.char_at(self.pos) != Some('\\')
                            || self.char_at(self.pos + 1) != Some('u')
                        {
                            return Err(error(
                                at,
                                "a high surrogate escape must be followed by a \\u low surrogate",
                            ));
                        }
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(error(
                                self.pos - 6,
                                "expected a low surrogate escape (\\uDC00 to \\uDFFF)",
                            ));
                        }
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        char::from_u32(code)
                            .ok_or_else(|| error(at, "an invalid surrogate pair"))?
                    }
                    0xDC00..=0xDFFF => {
                        return Err(error(at, "a low surrogate escape without a high one"))
                    }
                    unit => {
                        char::from_u32(unit).ok_or_else(|| error(at, "an invalid \\u escape"))?
                    }
                }
            }
            _ => {
                return Err(error(
                    self.pos - 1,
                    "expected an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX",
                ))
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self
                .char_at(self.pos)
                .and_then(|c| c.to_digit(16))
                .ok_or_else(|| error(self.pos, "expected four hexadecimal digits after \\u"))?;
            unit = unit * 16 + digit;
            self.pos += 1;
        }
        Ok(unit)
    }

    fn unexpected(&self, token: &Token, expected: &str) -> SyntaxError {
        let found = match &token.kind {
            Kind::LParen => "(".to_owned(),
            Kind::RParen => ")".to_owned(),
            Kind::LBracket => "[".to_owned(),
            Kind::RBracket => "]".to_owned(),
            Kind::Str(_) => "a string".to_owned(),
            Kind::Word(word) => format!("'{word}'"),
            Kind::End => "the end".to_owned(),
        };
        error(token.at, &format!("expected {expected}, found {found}"))
    }

    /// Whether the next token is the word `keyword`, in any case, after white space.
    fn at_keyword(&mut self, keyword: &str) -> Result<bool, SyntaxError> {
        let token = self.peek()?;
        Ok(token.spaced
            && matches!(&token.kind, Kind::Word(word) if word.eq_ignore_ascii_case(keyword)))
    }

    /// `FILTER *("or" FILTER)` where each FILTER is an `and` chain.
    fn or_chain(&mut self, depth: usize, in_value: bool) -> Result<Filter, SyntaxError> {
        let mut filters = vec![self.and_chain(depth, in_value)?];
        while self.at_keyword("or")? {
            self.keyword()?;
            filters.push(self.and_chain(depth, in_value)?);
        }
        Ok(single_or(filters, Filter::Or))
    }

    /// `FILTER *("and" FILTER)` where each FILTER is a `not`, a group or an expression.
    fn and_chain(&mut self, depth: usize, in_value: bool) -> Result<Filter, SyntaxError> {
        let mut filters = vec![self.unary(depth, in_value)?];
        while self.at_keyword("and")? {
            self.keyword()?;
            filters.push(self.unary(depth, in_value)?);
        }
        Ok(single_or(filters, Filter::And))
    }

    /// Consumes `and` or `or`, which must be followed by white space (Figure 1 `SP`).
    fn keyword(&mut self) -> Result<(), SyntaxError> {
        self.next()?;
        let token = self.peek()?;
        if !token.spaced && token.kind != Kind::End {
            return Err(error(token.at, "expected a space"));
        }
        Ok(())
    }

    fn deeper(depth: usize, at: usize) -> Result<usize, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(error(
                at,
                &format!("the filter nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(depth + 1)
    }

    /// A group `( FILTER )`, `not ( FILTER )`, or an attribute expression.
    fn unary(&mut self, depth: usize, in_value: bool) -> Result<Filter, SyntaxError> {
        let token = self.next()?;
        match &token.kind {
            Kind::LParen => {
                let depth = Self::deeper(depth, token.at)?;
                let filter = self.or_chain(depth, in_value)?;
                self.close_paren()?;
                Ok(filter)
            }
            Kind::Word(word)
                if word.eq_ignore_ascii_case("not") && self.peek()?.kind == Kind::LParen =>
            {
                let open = self.next()?;
                let depth = Self::deeper(depth, open.at)?;
                let filter = self.or_chain(depth, in_value)?;
                self.close_paren()?;
                Ok(Filter::Not(Box::new(filter)))
            }
            Kind::Word(word) => {
                let path = attr_path(word, token.at)?;
                self.expression(path, depth, in_value)
            }
            _ => Err(self.unexpected(&token, "an attribute path, ( or not (")),
        }
    }

    fn close_paren(&mut self) -> Result<(), SyntaxError> {
        let token = self.next()?;
        match token.kind {
            Kind::RParen => Ok(()),
            _ => Err(self.unexpected(&token, "and, or or )")),
        }
    }

    /// What follows an attribute path: `[valFilter]`, `pr`, or an operator and a value.
    fn expression(
        &mut self,
        path: AttrPath,
        depth: usize,
        in_value: bool,
    ) -> Result<Filter, SyntaxError> {
        let token = self.next()?;
        match &token.kind {
            Kind::LBracket if !token.spaced => {
                if in_value {
                    return Err(error(
                        token.at,
                        "a value filter cannot hold another value path \
                         (RFC 7644 §3.4.2.2, errata 4690)",
                    ));
                }
                let depth = Self::deeper(depth, token.at)?;
                let filter = self.or_chain(depth, true)?;
                let close = self.next()?;
                if close.kind != Kind::RBracket {
                    return Err(self.unexpected(&close, "and, or or ]"));
                }
                Ok(Filter::ValuePath {
                    path,
                    filter: Box::new(filter),
                })
            }
            Kind::Word(word) if word.eq_ignore_ascii_case("pr") => Ok(Filter::Present(path)),
            Kind::Word(word) => {
                let op = CompareOp::from_word(word).ok_or_else(|| {
                    let not = path.uri.is_none()
                        && path.sub_attribute.is_none()
                        && path.attribute.eq_ignore_ascii_case("not");
                    let expected = if not { "( after not, or " } else { "" };
                    error(
                        token.at,
                        &format!(
                            "expected {expected}an operator (eq, ne, co, sw, ew, gt, ge, lt, le \
                             or pr), found '{word}'"
                        ),
                    )
                })?;
                let value_token = self.next()?;
                if !value_token.spaced && value_token.kind != Kind::End {
                    return Err(error(value_token.at, "expected a space"));
                }
                let value = comp_value(value_token.kind.clone()).ok_or_else(|| {
                    self.unexpected(
                        &value_token,
                        "a comparison value (false, null, true, a number or a string)",
                    )
                })?;
                Ok(Filter::Compare { path, op, value })
            }
            _ => Err(self.unexpected(
                &token,
                "an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr) or [",
            )),
        }
    }
}

fn single_or(mut filters: Vec<Filter>, chain: fn(Vec<Filter>) -> Filter) -> Filter {
    if filters.len() == 1 {
        if let Some(filter) = filters.pop() {
            return filter;
        }
    }
    chain(filters)
}

fn comp_value(kind: Kind) -> Option<CompValue> {
    match kind {
        Kind::Str(text) => Some(CompValue::String(text)),
        Kind::Word(word) => match word.as_str() {
            "false" => Some(CompValue::False),
            "null" => Some(CompValue::Null),
            "true" => Some(CompValue::True),
            _ if is_json_number(&word) => Some(CompValue::Number(word)),
            _ => None,
        },
        _ => None,
    }
}

/// `number = [ minus ] int [ frac ] [ exp ]` (RFC 7159 §6).
fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    match bytes.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == bytes.len()
}

/// Parses an attribute path on its own (as `sortBy` holds one), at most [`MAX_LEN`]
/// characters.
pub fn parse_attr_path(text: &str) -> Result<AttrPath, SyntaxError> {
    if text.len() > 4 * MAX_LEN || text.chars().count() > MAX_LEN {
        return Err(error(
            MAX_LEN,
            &format!("the path is longer than {MAX_LEN} characters"),
        ));
    }
    attr_path(text, 0)
}

/// `attrPath = [URI ":"] ATTRNAME *1subAttr` (RFC 7644 Figure 1); after a URI the path is
/// what follows its last `:` (RFC 7644 §3.10).
fn attr_path(word: &str, at: usize) -> Result<AttrPath, SyntaxError> {
    let (uri, rest, rest_at) = match word.rsplit_once(':') {
        Some((uri, rest)) => {
            check_uri(uri, at)?;
            let rest_at = at + uri.chars().count() + 1;
            (Some(uri.to_owned()), rest, rest_at)
        }
        None => (None, word, at),
    };
    let (attribute, sub_attribute) = match rest.split_once('.') {
        Some((attribute, sub)) => {
            let sub_at = rest_at + attribute.chars().count() + 1;
            check_name(attribute, rest_at)?;
            check_name(sub, sub_at)?;
            (attribute, Some(sub.to_owned()))
        }
        None => {
            check_name(rest, rest_at)?;
            (rest, None)
        }
    };
    Ok(AttrPath {
        uri,
        attribute: attribute.to_owned(),
        sub_attribute,
    })
}

/// `ATTRNAME = ALPHA *(nameChar)`, `nameChar = "-" / "_" / DIGIT / ALPHA`
/// (RFC 7644 Figure 1); a leading `$` is allowed too, for `$ref` (errata 8924).
fn check_name(name: &str, at: usize) -> Result<(), SyntaxError> {
    let mut chars = name.chars().enumerate();
    let first_ok = match chars.next() {
        Some((_, '$')) => matches!(chars.next(), Some((_, c)) if c.is_ascii_alphabetic()),
        Some((_, c)) => c.is_ascii_alphabetic(),
        None => false,
    };
    if !first_ok {
        let offset = usize::from(name.starts_with('$'));
        return Err(error(
            at + offset,
            "expected an attribute name (a letter, then letters, digits, - or _)",
        ));
    }
    for (index, c) in name.chars().enumerate().skip(1) {
        if !(c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            let what = if c == '.' {
                "an attribute path has one sub-attribute at most".to_owned()
            } else {
                format!(
                    "'{c}' cannot be part of an attribute name: expected a letter, digit, - or _"
                )
            };
            return Err(error(at + index, &what));
        }
    }
    Ok(())
}

/// A schema URI (RFC 3986 §3: `scheme ":" ...`): a scheme, a colon, and URI characters.
fn check_uri(uri: &str, at: usize) -> Result<(), SyntaxError> {
    let scheme_ok = uri.split_once(':').is_some_and(|(scheme, _)| {
        let mut chars = scheme.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if !scheme_ok {
        return Err(error(
            at,
            "expected a schema URI (as urn:ietf:params:scim:schemas:core:2.0:User) before the last ':'",
        ));
    }
    for (index, c) in uri.chars().enumerate() {
        let allowed = c.is_ascii_alphanumeric()
            || matches!(
                c,
                '-' | '.'
                    | '_'
                    | '~'
                    | '%'
                    | '!'
                    | '$'
                    | '&'
                    | '\''
                    | '*'
                    | '+'
                    | ','
                    | ';'
                    | '='
                    | ':'
                    | '@'
                    | '/'
                    | '?'
                    | '#'
            );
        if !allowed {
            return Err(error(
                at + index,
                &format!("'{c}' cannot be part of a schema URI"),
            ));
        }
    }
    Ok(())
}
