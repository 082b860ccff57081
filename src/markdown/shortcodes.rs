//! Shortcodes in Zola syntax, expanded before Markdown parsing: inline
//! `{{ name(k=v) }}`, block `{% name(k=v) %}body{% end %}`, and the escapes
//! `{{/* … */}}` / `{%/* … */%}` that print the shortcode text itself.
//!
//! Shortcodes inside code spans and code blocks are left alone (the code ranges come from
//! a pulldown-cmark pass over the text, so they follow CommonMark exactly). HTML output
//! is replaced by a placeholder that Markdown leaves intact and that the event pass swaps
//! back; Markdown output is spliced in and expanded again, at most [`MAX_DEPTH`] deep.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};
use serde_json::{Map, Value};

use super::position::SourceMap;
use super::{ShortcodeOutput, ShortcodeRenderer};
use crate::diag::text::Said;
use args::{Cursor, parse_args};

/// How deep Markdown output of shortcodes may itself contain shortcodes.
const MAX_DEPTH: usize = 8;
/// How many shortcodes one page may call in all (guards against exponential expansion).
const MAX_CALLS: usize = 10_000;
/// How many bytes shortcode output may add to one page in all.
const MAX_OUTPUT_BYTES: usize = 64 * 1024 * 1024;

const PLACEHOLDER_START: char = '\u{E000}';
const PLACEHOLDER_END: char = '\u{E001}';

const CODE_UNKNOWN: &str = "E0211";
const CODE_BROKEN: &str = "E0212";

/// HTML produced by a shortcode, waiting for its placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlOutput {
    pub html: String,
    /// From a block shortcode (`{% … %}`).
    pub block: bool,
}

/// A shortcode problem at a byte offset of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShortcodeProblem {
    pub code: &'static str,
    pub offset: usize,
    pub message: Said,
    pub help: Option<Said>,
}

/// The text with shortcodes expanded.
#[derive(Debug, Default)]
pub(crate) struct Expanded {
    pub text: String,
    pub map: SourceMap,
    pub html_outputs: Vec<HtmlOutput>,
    pub problems: Vec<ShortcodeProblem>,
}

/// A piece of text that may hold placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextPiece<'a> {
    Text(&'a str),
    Html(usize),
}

/// Splits `text` into plain stretches and placeholder indexes below `count`.
pub(crate) fn split_placeholders(text: &str, count: usize) -> Vec<TextPiece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(PLACEHOLDER_START) {
        let after = &rest[start + PLACEHOLDER_START.len_utf8()..];
        let Some(end) = after.find(PLACEHOLDER_END) else {
            break;
        };
        match after[..end].parse::<usize>() {
            Ok(index) if index < count => {
                if start > 0 {
                    pieces.push(TextPiece::Text(&rest[..start]));
                }
                pieces.push(TextPiece::Html(index));
            }
            _ => pieces.push(TextPiece::Text(
                &rest[..start + PLACEHOLDER_START.len_utf8() + end + PLACEHOLDER_END.len_utf8()],
            )),
        }
        rest = &after[end + PLACEHOLDER_END.len_utf8()..];
    }
    if !rest.is_empty() {
        pieces.push(TextPiece::Text(rest));
    }
    pieces
}

/// True when `text` may hold a placeholder (cheap pre-check).
pub(crate) fn may_hold_placeholder(text: &str) -> bool {
    text.contains(PLACEHOLDER_START)
}

/// Expands every shortcode in `text`.
pub(crate) fn expand(text: &str, renderer: &dyn ShortcodeRenderer) -> Expanded {
    if !has_shortcode_start(text) {
        return Expanded {
            text: text.to_owned(),
            ..Expanded::default()
        };
    }
    let mut expander = Expander {
        renderer,
        html_outputs: Vec::new(),
        problems: Vec::new(),
        calls: 0,
        bytes: 0,
    };
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut map = SourceMap::default();
    expander.expand_into(text, 0, None, &mut out, Some(&mut map));
    let mut problems = expander.problems;
    problems.sort_by(|a, b| (a.offset, &*a.message).cmp(&(b.offset, &*b.message)));
    problems.dedup();
    Expanded {
        text: out,
        map,
        html_outputs: expander.html_outputs,
        problems,
    }
}

fn has_shortcode_start(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

/// Byte ranges of code spans and code blocks, sorted.
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    Parser::new_ext(text, super::events::parser_options(false))
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => Some(range),
            _ => None,
        })
        .collect()
}

fn in_code(ranges: &[Range<usize>], at: usize) -> bool {
    let index = ranges.partition_point(|r| r.start <= at);
    index
        .checked_sub(1)
        .and_then(|i| ranges.get(i))
        .is_some_and(|r| at < r.end)
}

struct Expander<'r> {
    renderer: &'r dyn ShortcodeRenderer,
    html_outputs: Vec<HtmlOutput>,
    problems: Vec<ShortcodeProblem>,
    calls: usize,
    bytes: usize,
}

/// One parsed shortcode call.
struct Call<'t> {
    name: &'t str,
    args: Map<String, Value>,
    body: Option<&'t str>,
    /// Just past the call (past `{% end %}` for blocks).
    end: usize,
}

/// What was found at a `{{` or `{%`.
enum Found<'t> {
    /// Not a shortcode: ordinary text.
    Text,
    /// An escape: the literal text to print and where the escape ends.
    Literal(String, usize),
    Call(Call<'t>),
    /// A broken shortcode: message, help, and where scanning goes on.
    Broken(Said, Option<Said>, usize),
}

impl Expander<'_> {
    /// Expands `text` into `out`. At depth 0, `map` records where output comes from;
    /// deeper, every problem is placed at `anchor` (the top-level shortcode).
    fn expand_into(
        &mut self,
        text: &str,
        depth: usize,
        anchor: Option<usize>,
        out: &mut String,
        mut map: Option<&mut SourceMap>,
    ) {
        let code = code_ranges(text);
        let mut scan = Scanner {
            text,
            code: &code,
            no_end_tag: false,
            no_escape_end: [false; 2],
        };
        let mut copied_to = 0;
        let mut at = 0;
        while let Some(found_at) = find_open(text, at) {
            if in_code(&code, found_at) {
                at = found_at + 2;
                continue;
            }
            let place = anchor.unwrap_or(found_at);
            let (replacement, resume) = match scan.found_at(found_at) {
                Found::Text => {
                    at = found_at + 1;
                    continue;
                }
                Found::Literal(literal, end) => (Some(literal), end),
                Found::Broken(message, help, resume) => {
                    self.problem(CODE_BROKEN, place, message, help);
                    at = resume;
                    continue;
                }
                Found::Call(call) => match self.call(&call, depth, place) {
                    Some(replacement) => (Some(replacement), call.end),
                    None => (None, found_at + 2),
                },
            };
            let Some(replacement) = replacement else {
                at = resume;
                continue;
            };
            out.push_str(&text[copied_to..found_at]);
            if let Some(map) = map.as_deref_mut() {
                map.inserted(out.len(), found_at);
            }
            out.push_str(&replacement);
            if let Some(map) = map.as_deref_mut() {
                map.copied(out.len(), resume);
            }
            copied_to = resume;
            at = resume;
        }
        out.push_str(&text[copied_to..]);
    }

    /// Renders one call; the text to put in its place, or None to leave it as written.
    fn call(&mut self, call: &Call, depth: usize, place: usize) -> Option<String> {
        if !self.renderer.exists(call.name) {
            let message = crate::t!("markdown-unknown-shortcode", name = call.name);
            let help = crate::t!("markdown-unknown-shortcode.help", name = call.name);
            self.problem(CODE_UNKNOWN, place, message, Some(help));
            return None;
        }
        if depth >= MAX_DEPTH {
            let message = crate::t!("shortcode-too-deep", name = call.name, depth = MAX_DEPTH);
            let help = crate::t!("shortcode-too-deep.help");
            self.problem(CODE_BROKEN, place, message, Some(help));
            return None;
        }
        if self.calls >= MAX_CALLS || self.bytes >= MAX_OUTPUT_BYTES {
            let message = crate::t!("shortcode-too-much", name = call.name);
            let help = crate::t!("shortcode-too-much.help", calls = MAX_CALLS);
            self.problem(CODE_BROKEN, place, message, Some(help));
            return None;
        }
        self.calls += 1;
        match self.renderer.render(call.name, &call.args, call.body) {
            Err(error) => {
                let message = crate::t!(
                    "shortcode-failed",
                    name = call.name,
                    reason = crate::diag::text::display(error)
                );
                self.problem(CODE_BROKEN, place, message, None);
                None
            }
            Ok(ShortcodeOutput::Html(html)) => {
                self.bytes += html.len();
                let index = self.html_outputs.len();
                self.html_outputs.push(HtmlOutput {
                    html,
                    block: call.body.is_some(),
                });
                Some(format!("{PLACEHOLDER_START}{index}{PLACEHOLDER_END}"))
            }
            Ok(ShortcodeOutput::Markdown(markdown)) => {
                self.bytes += markdown.len();
                if !has_shortcode_start(&markdown) {
                    return Some(markdown);
                }
                let mut nested = String::with_capacity(markdown.len());
                self.expand_into(&markdown, depth + 1, Some(place), &mut nested, None);
                Some(nested)
            }
        }
    }

    fn problem(
        &mut self,
        code: &'static str,
        offset: usize,
        message: impl Into<Said>,
        help: Option<Said>,
    ) {
        let (message, help) = (message.into(), help);
        self.problems.push(ShortcodeProblem {
            code,
            offset,
            message,
            help,
        });
    }
}

/// The next `{{` or `{%` at or after `from`.
fn find_open(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(rel) = text.get(at..)?.find('{') {
        let brace = at + rel;
        if matches!(bytes.get(brace + 1), Some(b'{' | b'%')) {
            return Some(brace);
        }
        at = brace + 1;
    }
    None
}

/// Parses shortcodes in one text, remembering failed searches so that hostile input
/// (thousands of unclosed blocks) stays linear.
struct Scanner<'t, 'c> {
    text: &'t str,
    code: &'c [Range<usize>],
    no_end_tag: bool,
    /// Per kind (inline, block): no closing `*/}}` / `*/%}` remains.
    no_escape_end: [bool; 2],
}

impl<'t> Scanner<'t, '_> {
    fn found_at(&mut self, at: usize) -> Found<'t> {
        let block = self.text.as_bytes().get(at + 1) == Some(&b'%');
        let close = if block { "%}" } else { "}}" };
        let mut cursor = Cursor {
            text: self.text,
            at: at + 2,
        };
        if cursor.rest().starts_with("/*") {
            return self.escape(at, block);
        }
        cursor.skip_whitespace();
        let Some(name) = cursor.identifier() else {
            return Found::Text;
        };
        cursor.skip_whitespace();
        if !cursor.eat("(") {
            return Found::Text;
        }
        let args = match parse_args(&mut cursor) {
            Ok(args) => args,
            Err(message) => {
                let message = crate::t!("shortcode-bad-args", name = name, reason = message);
                let help = crate::t!("shortcode-bad-args.help");
                return Found::Broken(message, Some(help), at + 2);
            }
        };
        cursor.skip_whitespace();
        if !cursor.eat(close) {
            let message = crate::t!("shortcode-unclosed", name = name, close = close);
            let help = crate::t!("shortcode-unclosed.help", close = close);
            return Found::Broken(message, Some(help), at + 2);
        }
        if !block {
            return Found::Call(Call {
                name,
                args,
                body: None,
                end: cursor.at,
            });
        }
        match self.end_tag(cursor.at) {
            Some((end_start, end)) => {
                let body = trim_one_newline(&self.text[cursor.at..end_start]);
                Found::Call(Call {
                    name,
                    args,
                    body: Some(body),
                    end,
                })
            }
            None => {
                let message = crate::t!("shortcode-no-end", name = name);
                let help = crate::t!("shortcode-no-end.help");
                Found::Broken(message, Some(help), at + 2)
            }
        }
    }

    /// `{{/* … */}}` → `{{ … }}` and `{%/* … */%}` → `{% … %}`.
    fn escape(&mut self, at: usize, block: bool) -> Found<'t> {
        let kind = usize::from(block);
        let (open, close) = if block {
            ("{%", "*/%}")
        } else {
            ("{{", "*/}}")
        };
        let inner_start = at + 4;
        if self.no_escape_end[kind] {
            return Found::Text;
        }
        let Some(rel) = self
            .text
            .get(inner_start..)
            .and_then(|rest| rest.find(close))
        else {
            self.no_escape_end[kind] = true;
            return Found::Text;
        };
        let inner = &self.text[inner_start..inner_start + rel];
        let end = inner_start + rel + close.len();
        let literal = format!("{open}{inner}{}", &close[2..]);
        Found::Literal(literal, end)
    }

    /// The next `{% end %}` outside code after `from`: (its start, just past it).
    fn end_tag(&mut self, from: usize) -> Option<(usize, usize)> {
        if self.no_end_tag {
            return None;
        }
        let mut at = from;
        while let Some(rel) = self.text.get(at..).and_then(|rest| rest.find("{%")) {
            let start = at + rel;
            let mut cursor = Cursor {
                text: self.text,
                at: start + 2,
            };
            cursor.skip_whitespace();
            let is_end = cursor.eat("end") && {
                cursor.skip_whitespace();
                cursor.eat("%}")
            };
            if is_end && !in_code(self.code, start) {
                return Some((start, cursor.at));
            }
            at = start + 2;
        }
        self.no_end_tag = true;
        None
    }
}

fn trim_one_newline(body: &str) -> &str {
    let body = body.strip_prefix('\n').unwrap_or(body);
    body.strip_suffix('\n').unwrap_or(body)
}

mod args;

#[cfg(test)]
mod tests;
