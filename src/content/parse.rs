//! Front-matter text → raw serde mirror, for either format: keys nobody reads become
//! warnings (W0201, with a did-you-mean), syntax and type errors become E0206 (E0207 for
//! dates), all placed in the file as written.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::expected;
use super::front_matter::{self, Format, Split};
use super::places::FrontMatterSpans;
use super::punctuation;
use super::raw::ATTACHMENT_KEYS;
use crate::diag::text::Said;
use crate::diag::{Diagnostic, Span, did_you_mean, line_col};

/// What is known about a front matter besides its raw values, to check them.
pub(crate) struct Front {
    pub format: Option<Format>,
    /// Line of the opening fence, when there is front matter.
    pub fence_line: Option<u32>,
    pub places: FrontMatterSpans,
    pub warnings: Vec<Diagnostic>,
    pub body_start: usize,
    pub body_line: u32,
}

/// Where a problem came from, to be described for the editor.
struct Problem<'a> {
    file: &'a Path,
    text: &'a str,
    format: Format,
    places: &'a FrontMatterSpans,
}

/// Splits `text` and deserializes its front matter into `T` (returned with what is known
/// about it), whose top-level keys are
/// `keys`. Unknown keys become warnings; a parse failure returns the error together with
/// the warnings found before it.
pub(crate) fn front<T: DeserializeOwned + Default>(
    file: &Path,
    text: &str,
    keys: &[&str],
) -> Result<(T, Front), Vec<Diagnostic>> {
    let split = front_matter::split(text).map_err(|e| vec![e.to_diagnostic(file, text)])?;
    let mut unknown: Vec<Vec<String>> = Vec::new();
    let on_unknown = |path: serde_ignored::Path| unknown.push(path_segments(&path));
    let (raw, places) = match split.format {
        None => (Ok(T::default()), FrontMatterSpans::empty()),
        Some(Format::Toml) => from_toml(file, text, &split, on_unknown),
        Some(Format::Yaml) => from_yaml(file, text, &split, on_unknown),
    };
    let warnings = unknown_key_warnings(file, text, split.format, &places, unknown, keys);
    match raw {
        Ok(raw) => Ok((
            raw,
            Front {
                format: split.format,
                fence_line: split
                    .format
                    .map(|_| line_col(text, split.front_start).0.saturating_sub(1)),
                places,
                warnings,
                body_start: split.body_start,
                body_line: split.body_line,
            },
        )),
        Err(error) => Err(std::iter::once(error).chain(warnings).collect()),
    }
}

fn from_toml<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    split: &Split<'_>,
    on_unknown: impl FnMut(serde_ignored::Path),
) -> (Result<T, Diagnostic>, FrontMatterSpans) {
    let front = front_matter::blanked(split.front);
    let table = match toml::de::DeTable::parse(&front) {
        Ok(table) => table,
        Err(err) => {
            let span = front_matter::toml_error_span(text, split.front_start, &err);
            let places = FrontMatterSpans::empty();
            let problem = Problem {
                file,
                text,
                format: Format::Toml,
                places: &places,
            };
            return (Err(problem.syntax_error(span, err.message())), places);
        }
    };
    let places = FrontMatterSpans::from_toml(table.get_ref(), split.front_start);
    let result = serde_ignored::deserialize(toml::de::Deserializer::from(table), on_unknown);
    let raw = result.map_err(|err| {
        let span = front_matter::toml_error_span(text, split.front_start, &err);
        let at = err.span().map(|r| split.front_start + r.start);
        Problem {
            file,
            text,
            format: Format::Toml,
            places: &places,
        }
        .type_error(span, at, err.message())
    });
    (raw, places)
}

fn from_yaml<T: DeserializeOwned + Default>(
    file: &Path,
    text: &str,
    split: &Split<'_>,
    on_unknown: impl FnMut(serde_ignored::Path),
) -> (Result<T, Diagnostic>, FrontMatterSpans) {
    let front = front_matter::blanked(split.front);
    let places = FrontMatterSpans::from_yaml(&front, split.front_start);
    let only_comments = front
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if only_comments {
        return (Ok(T::default()), places);
    }
    if let Some(at) = too_deep_flow(&front) {
        let at = split.front_start + at;
        let span = Span::from_byte_range(text, at, at + 1);
        let problem = Problem {
            file,
            text,
            format: Format::Yaml,
            places: &places,
        };
        let message = format!("brackets nested more than {MAX_FLOW_DEPTH} deep");
        return (Err(problem.syntax_error(Some(span), &message)), places);
    }
    let result = serde_ignored::deserialize(yaml_serde::Deserializer::from_str(&front), on_unknown);
    let raw = result.map_err(|err| {
        let span = front_matter::yaml_error_span(text, split.front_start, &err);
        let message = front_matter::yaml_error_message(&err);
        let problem = Problem {
            file,
            text,
            format: Format::Yaml,
            places: &places,
        };
        if is_type_error(&message) {
            let at = span.map(|s| offset_of(text, s));
            problem.type_error(span, at, &message)
        } else {
            problem.syntax_error(span, &message)
        }
    });
    (raw, places)
}

/// Deeper `[`/`{` nesting than this is refused before libyaml sees it: its scanner slows
/// down quadratically with unclosed flow levels (yaml_serde stops at 128 anyway).
const MAX_FLOW_DEPTH: usize = 100;

/// Byte offset of the bracket that nests YAML flow collections too deep, if any. Quotes
/// and comments are skipped so brackets inside text do not count.
fn too_deep_flow(front: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut previous = '\n';
    let mut comment = false;
    for (i, c) in front.char_indices() {
        match (quote, c) {
            _ if comment => comment = c != '\n',
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                previous = c;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if previous.is_whitespace() => comment = true,
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        escaped = false;
        previous = c;
    }
    None
}

fn is_type_error(message: &str) -> bool {
    [
        "invalid type",
        "invalid value",
        "invalid length",
        "missing field",
    ]
    .iter()
    .any(|m| message.contains(m))
}

impl Problem<'_> {
    fn diagnostic(
        &self,
        code: &'static str,
        message: impl Into<Said>,
        span: Option<Span>,
    ) -> Diagnostic {
        let d = Diagnostic::error(code, message).in_file(self.file);
        match span {
            Some(span) => d.at(span, self.text),
            None => d,
        }
    }

    fn syntax_error(&self, span: Option<Span>, message: &str) -> Diagnostic {
        let line_text = span.and_then(|s| self.text.lines().nth(s.line.saturating_sub(1) as usize));
        let key = line_text.and_then(key_of_line);
        if let (Some(key @ ("date" | "updated" | "expires")), Some(line)) = (key, line_text) {
            let value = line.split_once(['=', ':']).map_or("", |(_, v)| v.trim());
            return self
                .diagnostic(
                    "E0207",
                    crate::t!("content-bad-date", value = value, key = key),
                    span,
                )
                .expected(crate::t!("content-bad-date.expected"))
                .help(crate::content::meta::bad_date_help(value));
        }
        if let Some(english) = line_text.and_then(chinese_key_of_line) {
            let example = crate::content::places::assignment(Some(self.format), english, "\"…\"");
            let syntax = crate::t!(
                "content-bad-syntax",
                format = self.format.name(),
                reason = one_line(message)
            );
            return self
                .diagnostic("E0206", syntax, span)
                .expected(crate::t!(
                    "content-chinese-key.expected",
                    example = &example
                ))
                .help(crate::t!("content-chinese-key.help", example = &example));
        }
        if let Some(d) = self.typed_as_in_word(span, line_text) {
            return d;
        }
        let (language, expected) = match self.format {
            Format::Toml => ("TOML", crate::t!("content-bad-syntax.expected-toml")),
            Format::Yaml => ("YAML", crate::t!("content-bad-syntax.expected-yaml")),
        };
        let reason = match self.format {
            Format::Toml => crate::diag::parser_reason::toml_reason(message),
            Format::Yaml => crate::diag::parser_reason::yaml_reason(message),
        };
        let syntax = crate::t!(
            "content-bad-syntax",
            format = language,
            reason = reason.unwrap_or_else(|| Said::from(one_line(message)))
        );
        self.diagnostic("E0206", syntax, span)
            .expected(expected)
            .help(crate::t!("content-bad-syntax.help"))
    }

    /// E0206 for a line typed with Word's punctuation ([`punctuation`]), said in Chinese
    /// with the line corrected; `None` when the line has none of those mistakes.
    fn typed_as_in_word(&self, span: Option<Span>, line_text: Option<&str>) -> Option<Diagnostic> {
        let mistake = punctuation::mistake_in(line_text?, self.format)?;
        // The caret goes under the full-width mark, not where the parser gave up.
        let span = match (mistake.column_in(line_text?), span) {
            (Some(column), Some(s)) => Some(Span::point(s.line, column)),
            _ => span,
        };
        let (message, help) = mistake.said(self.format);
        let expected = match self.format {
            Format::Toml => crate::t!("content-bad-syntax.expected-toml"),
            Format::Yaml => crate::t!("content-bad-syntax.expected-yaml"),
        };
        Some(
            self.diagnostic("E0206", message, span)
                .expected(expected)
                .help(help),
        )
    }

    fn type_error(&self, span: Option<Span>, at: Option<usize>, message: &str) -> Diagnostic {
        let message = one_line(message);
        if message.contains("expected struct Raw") {
            // YAML reads `title："…"` (a full-width colon) as text, not a key and value.
            let line_text =
                span.and_then(|s| self.text.lines().nth(s.line.saturating_sub(1) as usize));
            if let Some(d) = self.typed_as_in_word(span, line_text) {
                return d;
            }
            let example = crate::content::places::assignment(Some(self.format), "title", "\"…\"");
            return self
                .diagnostic("E0206", crate::t!("content-not-a-table"), span)
                .expected(crate::t!("content-not-a-table.expected", example = example));
        }
        let key = at
            .and_then(|at| self.places.top_key_before(at))
            .or_else(|| {
                span.and_then(|s| self.text.lines().nth(s.line.saturating_sub(1) as usize))
                    .and_then(key_of_line)
            });
        // serde's own "expected u32" is replaced by the key's `expected:` line.
        let what = message.find("invalid type: ").map(|i| {
            let what = message.get(i + "invalid type: ".len()..).unwrap_or("");
            what.split(", expected ").next().unwrap_or(what)
        });
        let found = what.map_or_else(|| Said::from(message.clone()), expected::found_in_words);
        let d = match key {
            Some(key) => self
                .diagnostic(
                    "E0206",
                    crate::t!("content-wrong-value", key = key, found = &found),
                    self.widen(key, at, span),
                )
                .expected(expected::expected_for(key)),
            None => self.diagnostic(
                "E0206",
                crate::t!("content-wrong-value-somewhere", found = &found),
                span,
            ),
        };
        let flag = key
            .zip(what)
            .and_then(|(key, what)| expected::flag_written_as_text(key, what, self.format));
        match flag {
            Some(fixed) => d.help(crate::t!("content-wrong-value.help-flag", fixed = fixed)),
            None => d.help(crate::t!("content-wrong-value.help")),
        }
    }
}

impl Problem<'_> {
    /// The whole value of `key` when the parser points at its first character only
    /// (YAML), so the carets cover what must change.
    fn widen(&self, key: &str, at: Option<usize>, span: Option<Span>) -> Option<Span> {
        match (self.places.value(key), at) {
            (Some(value), Some(at)) if value.start == at => {
                Some(Span::from_byte_range(self.text, value.start, value.end))
            }
            _ => span,
        }
    }
}

/// The key that a front-matter line assigns (`city = …`, `city: …`, `"city" = …`).
fn key_of_line(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(['=', ':'])?;
    let key = key.trim().trim_matches(['"', '\'']);
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    plain.then_some(key)
}

fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Byte offset in `text` of the start of `span`.
fn offset_of(text: &str, span: Span) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(span.line.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    let line = text.get(line_start..).unwrap_or("");
    let column: usize = line
        .chars()
        .take(span.column.saturating_sub(1) as usize)
        .map(char::len_utf8)
        .sum();
    line_start + column
}

fn path_segments(path: &serde_ignored::Path<'_>) -> Vec<String> {
    use serde_ignored::Path as P;
    match path {
        P::Root => Vec::new(),
        P::Seq { parent, index } => push(path_segments(parent), index.to_string()),
        P::Map { parent, key } => push(path_segments(parent), key.clone()),
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            path_segments(parent)
        }
    }
}

fn push(mut segments: Vec<String>, segment: String) -> Vec<String> {
    segments.push(segment);
    segments
}

/// The English key for a line that starts with a Chinese key name (`作者 = …`).
fn chinese_key_of_line(line: &str) -> Option<&'static str> {
    let (key, _) = line.split_once(['=', ':', '：'])?;
    english_key(key.trim().trim_matches(['"', '\'']))
}

/// The English key a Chinese key name stands for (`作者` → `author`).
pub fn english_key(name: &str) -> Option<&'static str> {
    CHINESE_KEYS
        .iter()
        .find(|(zh, _)| *zh == name)
        .map(|(_, en)| *en)
}

/// Chinese names editors may use for keys.
const CHINESE_KEYS: &[(&str, &str)] = &[
    ("标题", "title"),
    ("日期", "date"),
    ("作者", "author"),
    ("来源", "source"),
    ("责任编辑", "editor"),
    ("编辑", "editor"),
    ("摘要", "summary"),
    ("城市", "city"),
    ("地区", "region"),
    ("标签", "tags"),
    ("分类", "categories"),
    ("附件", "attachments"),
    ("报送", "push"),
    ("封面", "cover"),
    ("头条", "headline"),
    ("置顶", "pin"),
    ("图片新闻", "photo"),
    ("系列", "series"),
];

/// At most this many unknown keys are reported one by one per file; the rest are counted.
const MAX_UNKNOWN_KEY_WARNINGS: usize = 20;

/// One W0201 per unknown key, in file order, then a count of any beyond the limit.
fn unknown_key_warnings(
    file: &Path,
    text: &str,
    format: Option<Format>,
    places: &FrontMatterSpans,
    mut unknown: Vec<Vec<String>>,
    keys: &[&str],
) -> Vec<Diagnostic> {
    let start = |path: &Vec<String>| places.key(&path.join(".")).map_or(usize::MAX, |r| r.start);
    unknown.sort_by_cached_key(start);
    let hidden = unknown.len().saturating_sub(MAX_UNKNOWN_KEY_WARNINGS);
    let mut warnings: Vec<Diagnostic> = unknown
        .iter()
        .take(MAX_UNKNOWN_KEY_WARNINGS)
        .map(|path| unknown_key(file, text, format, places, path, keys))
        .collect();
    if hidden > 0 {
        let more = Diagnostic::warning(
            "W0201",
            crate::t!("content-more-unknown-keys", count = hidden),
        )
        .in_file(file)
        .help(crate::t!("content-more-unknown-keys.help"));
        warnings.push(more);
    }
    warnings
}

fn unknown_key(
    file: &Path,
    text: &str,
    format: Option<Format>,
    places: &FrontMatterSpans,
    path: &[String],
    keys: &[&str],
) -> Diagnostic {
    let name = path.last().map_or("", String::as_str);
    let top_level = path.len() <= 1;
    let candidates: &[&str] = match path.first().map(String::as_str) {
        _ if top_level => keys,
        Some("attachments") => ATTACHMENT_KEYS,
        _ => &[],
    };
    let chinese = CHINESE_KEYS
        .iter()
        .find(|(zh, _)| *zh == name)
        .map(|(_, en)| *en)
        .filter(|_| top_level);
    let suggestion = chinese.or_else(|| did_you_mean(name, candidates.iter().copied()));
    let message = match path.first() {
        Some(first) if !top_level => crate::t!("content-unknown-key-in", key = name, table = first),
        _ => crate::t!("content-unknown-key", key = name),
    };
    let help = match (suggestion, format) {
        (Some(best), _) => crate::t!("config-did-you-mean", key = best),
        (None, _) if !top_level => crate::t!(
            "content-unknown-key.help-here",
            keys = backticked(candidates)
        ),
        (None, Some(Format::Yaml)) => crate::t!("content-unknown-key.help-yaml"),
        (None, _) => crate::t!("content-unknown-key.help"),
    };
    let d = Diagnostic::warning("W0201", message)
        .in_file(file)
        .help(help);
    match places.key(&path.join(".")) {
        Some(range) => d.at(Span::from_byte_range(text, range.start, range.end), text),
        None => d,
    }
}

fn backticked(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
