//! The arguments of a shortcode call, Zola style: `k="文字", n=3, f=1.5, b=true,
//! l=[1, "a"]`, as JSON values.

use serde_json::{Map, Value};

use crate::diag::text::Said;

/// How deep lists may nest inside shortcode arguments.
const MAX_ARG_DEPTH: usize = 32;

/// A position in a text, for the small argument parser.
pub(super) struct Cursor<'t> {
    pub text: &'t str,
    pub at: usize,
}

impl<'t> Cursor<'t> {
    pub(super) fn rest(&self) -> &'t str {
        self.text.get(self.at..).unwrap_or("")
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(super) fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.at += s.len();
            true
        } else {
            false
        }
    }

    pub(super) fn skip_whitespace(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    pub(super) fn identifier(&mut self) -> Option<&'t str> {
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|(i, c)| {
                !(c.is_ascii_alphabetic() || *c == '_' || (*i > 0 && c.is_ascii_digit()))
            })
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            return None;
        }
        self.at += len;
        Some(&rest[..len])
    }
}

/// Parses `k=v, …)` up to and including the closing parenthesis.
pub(super) fn parse_args(cursor: &mut Cursor) -> Result<Map<String, Value>, Said> {
    let mut args = Map::new();
    loop {
        cursor.skip_whitespace();
        if cursor.eat(")") {
            return Ok(args);
        }
        let Some(key) = cursor.identifier() else {
            return Err(match cursor.peek() {
                None => crate::t!("shortcode-args-unclosed"),
                Some(c) => crate::t!("shortcode-args-no-name", found = c),
            });
        };
        cursor.skip_whitespace();
        if !cursor.eat("=") {
            return Err(crate::t!("shortcode-args-no-equals", key = key));
        }
        cursor.skip_whitespace();
        let value = parse_value(cursor, 0)
            .map_err(|e| crate::t!("shortcode-args-after", reason = e, key = key))?;
        args.insert(key.to_owned(), value);
        cursor.skip_whitespace();
        if cursor.eat(",") {
            continue;
        }
        if cursor.eat(")") {
            return Ok(args);
        }
        return Err(crate::t!("shortcode-args-no-comma", key = key));
    }
}

fn parse_value(cursor: &mut Cursor, depth: usize) -> Result<Value, Said> {
    match cursor.peek() {
        Some(quote @ ('"' | '\'' | '`')) => parse_string(cursor, quote).map(Value::String),
        Some('[') if depth < MAX_ARG_DEPTH => parse_list(cursor, depth + 1),
        Some('[') => Err(crate::t!("shortcode-args-too-deep", depth = MAX_ARG_DEPTH)),
        Some(c) if c == '-' || c == '+' || c.is_ascii_digit() => parse_number(cursor),
        _ if cursor.eat("true") => Ok(Value::Bool(true)),
        _ if cursor.eat("false") => Ok(Value::Bool(false)),
        _ => Err(crate::t!("shortcode-args-no-value")),
    }
}

fn parse_string(cursor: &mut Cursor, quote: char) -> Result<String, Said> {
    cursor.at += quote.len_utf8();
    let mut value = String::new();
    let mut chars = cursor.rest().char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            c if c == quote => {
                cursor.at += i + c.len_utf8();
                return Ok(value);
            }
            '\\' => match chars.next() {
                Some((_, escaped)) if escaped == quote || escaped == '\\' => value.push(escaped),
                Some((_, other)) => {
                    value.push('\\');
                    value.push(other);
                }
                None => break,
            },
            c => value.push(c),
        }
    }
    Err(crate::t!("shortcode-args-unclosed-string", quote = quote))
}

fn parse_number(cursor: &mut Cursor) -> Result<Value, Said> {
    let rest = cursor.rest();
    let len = rest
        .char_indices()
        .find(|(i, c)| {
            !(c.is_ascii_digit()
                || matches!(c, '.' | 'e' | 'E')
                || (matches!(c, '-' | '+') && *i == 0))
        })
        .map_or(rest.len(), |(i, _)| i);
    let literal = &rest[..len];
    let value = if let Ok(n) = literal.parse::<i64>() {
        Value::from(n)
    } else {
        match literal
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            Some(n) => Value::Number(n),
            None => return Err(crate::t!("shortcode-args-not-a-number", value = literal)),
        }
    };
    cursor.at += len;
    Ok(value)
}

fn parse_list(cursor: &mut Cursor, depth: usize) -> Result<Value, Said> {
    cursor.at += 1;
    let mut items = Vec::new();
    loop {
        cursor.skip_whitespace();
        if cursor.eat("]") {
            return Ok(Value::Array(items));
        }
        items.push(parse_value(cursor, depth)?);
        cursor.skip_whitespace();
        if cursor.eat("]") {
            return Ok(Value::Array(items));
        }
        if !cursor.eat(",") {
            return Err(crate::t!("shortcode-args-list-comma"));
        }
    }
}
