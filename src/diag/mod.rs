//! Diagnostics: every problem menhu reports to an editor, with the file, the place
//! in it, what was expected and how to fix it. Rendered for humans (with the source
//! line and a caret), as JSON lines for machines, and as GitHub workflow annotations.
//! Every code is in the [`registry`]; what a diagnostic says comes from the message
//! catalogs ([`catalog`], made at the call site with [`t!`](crate::t)) and is shown in
//! the run's [`Lang`], while the machine formats keep the English text.

pub mod catalog;
pub mod lang;
pub mod parser_reason;
pub mod registry;
pub mod text;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

pub use lang::Lang;
use text::{Said, Text};

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The build (or check) fails.
    Error,
    /// Reported, but the build goes on.
    Warning,
}

/// A value with the place where it was written, for problems found after parsing
/// (against the region registry, the org tree, the file system…). `toml::Spanned` keeps
/// only a byte range; this keeps what a diagnostic shows: line, column and, when known,
/// the text of the line. The one type for this idea, in config and content alike.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where the value is written (quotes included), when known.
    #[serde(skip)]
    pub span: Option<Span>,
    /// The text of the span's line, for the caret rendering, when known.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl<T> Located<T> {
    /// `value` written at `span`.
    pub fn new(value: T, span: Option<Span>) -> Located<T> {
        Located {
            value,
            span,
            source_line: None,
        }
    }

    /// `diagnostic` placed at this value.
    pub fn place(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.span = self.span;
        diagnostic.source_line = self.source_line.clone();
        diagnostic
    }
}

/// A place in a file: 1-based lines and columns, columns counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First line (1-based).
    pub line: u32,
    /// First column (1-based, in characters).
    pub column: u32,
    /// Last line (1-based, inclusive).
    pub end_line: u32,
    /// Column just past the end (1-based, in characters).
    pub end_column: u32,
}

impl Span {
    /// A span covering one position.
    pub fn point(line: u32, column: u32) -> Span {
        Span {
            line,
            column,
            end_line: line,
            end_column: column + 1,
        }
    }

    /// The span of the byte range `start..end` of `text`; offsets are clamped to the
    /// text and moved back to character boundaries, so any range is accepted.
    pub fn from_byte_range(text: &str, start: usize, end: usize) -> Span {
        let (line, column) = line_col(text, start);
        let (end_line, end_column) = line_col(text, end.max(start));
        Span {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// This span moved down by `lines` lines (for text that starts part-way into a file).
    pub fn shifted(self, lines: u32) -> Span {
        Span {
            line: self.line + lines,
            end_line: self.end_line + lines,
            ..self
        }
    }
}

/// The 1-based line and character column of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (u32, u32) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (to_u32(line), to_u32(column))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One problem found in a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, one of the [`registry`]: E00xx internal, E01xx configuration, E02xx
    /// content (E025x images), E03xx portal, E04xx templates, E05xx output, E06xx
    /// `init`/`new`, E07xx preview, E08xx deploy; W01xx–W04xx warnings of the same
    /// stages; C01xx links and pages, C02xx inspection rules, C03xx wording (`check`).
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root with `/` separators, when there is one.
    pub file: Option<PathBuf>,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// What was found, lower case, no full stop.
    pub message: String,
    /// What would have been valid, with an example.
    pub expected: Option<String>,
    /// A concrete fix.
    pub help: Option<String>,
    /// The text of the span's first line, for the human rendering.
    pub source_line: Option<String>,
    /// The catalog messages behind `message`, `expected` and `help`, for other
    /// languages (boxed: a diagnostic travels inside many `Result`s).
    pub localized: Box<Localized>,
}

/// The catalog messages of a diagnostic's texts; `None` where the text is English only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Localized {
    /// Behind `message`.
    pub message: Option<Text>,
    /// Behind `expected`.
    pub expected: Option<Text>,
    /// Behind `help`.
    pub help: Option<Text>,
}

impl Diagnostic {
    /// A new error with the given code and message.
    pub fn error(code: &'static str, message: impl Into<Said>) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, message.into())
    }

    /// A new warning with the given code and message.
    pub fn warning(code: &'static str, message: impl Into<Said>) -> Diagnostic {
        Diagnostic::new(code, Severity::Warning, message.into())
    }

    fn new(code: &'static str, severity: Severity, message: Said) -> Diagnostic {
        registry::note_raised(code);
        Diagnostic {
            code,
            severity,
            file: None,
            span: None,
            message: message.english,
            expected: None,
            help: None,
            source_line: None,
            localized: Box::new(Localized {
                message: message.text,
                ..Localized::default()
            }),
        }
    }

    /// Names the file the problem is in.
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Diagnostic {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Places the problem at `span` of the file whose full text is `text`, keeping the
    /// line's text for the caret rendering.
    pub fn at(mut self, span: Span, text: &str) -> Diagnostic {
        self.source_line = text
            .lines()
            .nth(span.line.saturating_sub(1) as usize)
            .map(str::to_owned);
        self.span = Some(span);
        self
    }

    /// Places the problem at `span` without keeping the source line.
    pub fn at_span(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }

    /// Says what would have been valid.
    pub fn expected(mut self, expected: impl Into<Said>) -> Diagnostic {
        let said = expected.into();
        self.expected = Some(said.english);
        self.localized.expected = said.text;
        self
    }

    /// Says how to fix it.
    pub fn help(mut self, help: impl Into<Said>) -> Diagnostic {
        let said = help.into();
        self.help = Some(said.english);
        self.localized.help = said.text;
        self
    }

    /// Takes the fix out (its English and catalog text), to say it again inside a
    /// longer one.
    pub fn take_help(&mut self) -> Option<Said> {
        let english = self.help.take()?;
        Some(Said {
            english,
            text: self.localized.help.take(),
        })
    }

    /// The message in `lang`: the catalog's, or the English text.
    pub fn message_in(&self, lang: Lang) -> Cow<'_, str> {
        in_lang(&self.message, self.localized.message.as_ref(), lang)
    }

    /// What would have been valid, in `lang`.
    pub fn expected_in(&self, lang: Lang) -> Option<Cow<'_, str>> {
        let english = self.expected.as_deref()?;
        Some(in_lang(english, self.localized.expected.as_ref(), lang))
    }

    /// The fix, in `lang`.
    pub fn help_in(&self, lang: Lang) -> Option<Cow<'_, str>> {
        let english = self.help.as_deref()?;
        Some(in_lang(english, self.localized.help.as_ref(), lang))
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (Option<&Path>, Option<Span>, Severity, &str) {
        (
            self.file.as_deref(),
            self.span,
            self.severity,
            self.message.as_str(),
        )
    }

    /// The human rendering in `lang`. Errors get the location, the source line with
    /// carets and the notes; warnings fit on one line, so a build's output stays readable.
    pub fn render_human(&self, color: bool, lang: Lang) -> String {
        if self.severity == Severity::Warning {
            return self.render_one_line(color, lang);
        }
        let (on, off) = match (color, self.severity) {
            (false, _) => ("", ""),
            (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m"),
            (true, Severity::Warning) => ("\x1b[1;33m", "\x1b[0m"),
        };
        let kind = severity_label(lang, self.severity);
        let message = self.message_in(lang);
        let message = terminal_safe(&message, false);
        let colon = label(lang, "label-colon");
        let mut out = format!("{on}{kind}[{}]{off}{colon}{message}\n", self.code);
        if let Some(file) = &self.file {
            let file = display_path(file);
            let file = terminal_safe(&file, false);
            match self.span {
                Some(s) => _ = writeln!(out, "  --> {file}:{}:{}", s.line, s.column),
                None => _ = writeln!(out, "  --> {file}"),
            }
        }
        if let (Some(span), Some(line)) = (self.span, &self.source_line) {
            out.push_str(&caret_block(span, line));
        }
        if let Some(expected) = self.expected_in(lang) {
            let name = label(lang, "label-expected");
            _ = writeln!(out, "   = {name}{colon}{}", terminal_safe(&expected, true));
        }
        if let Some(help) = self.help_in(lang) {
            let name = label(lang, "label-help");
            _ = writeln!(out, "   = {name}{colon}{}", terminal_safe(&help, true));
        }
        out
    }

    fn render_one_line(&self, color: bool, lang: Lang) -> String {
        let (on, off) = if color {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("", "")
        };
        let place = match (&self.file, self.span) {
            (Some(file), Some(s)) => format!("{}:{}:{}: ", display_path(file), s.line, s.column),
            (Some(file), None) => format!("{}: ", display_path(file)),
            _ => String::new(),
        };
        let colon = label(lang, "label-colon");
        let help = self
            .help_in(lang)
            .map(|h| {
                let (open, close) = (
                    label(lang, "label-paren.open"),
                    label(lang, "label-paren.close"),
                );
                format!("{open}{}{colon}{h}{close}", label(lang, "label-help"))
            })
            .unwrap_or_default();
        let line = format!("{place}{}{help}", self.message_in(lang));
        format!(
            "{on}{}[{}]{off}{colon}{}\n",
            severity_label(lang, Severity::Warning),
            self.code,
            terminal_safe(&line, false)
        )
    }

    /// One JSON object (no trailing newline) with the documented fields: `message`,
    /// `expected` and `help` in English whatever the language, and the same in `lang`
    /// as `message_localized`, `expected_localized` and `help_localized`.
    pub fn render_json(&self, lang: Lang) -> String {
        let span = self.span;
        serde_json::json!({
            "code": self.code,
            "severity": match self.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "file": self.file.as_deref().map(display_path),
            "line": span.map(|s| s.line),
            "column": span.map(|s| s.column),
            "end_line": span.map(|s| s.end_line),
            "end_column": span.map(|s| s.end_column),
            "message": self.message,
            "expected": self.expected,
            "help": self.help,
            "lang": lang.tag(),
            "message_localized": self.message_in(lang),
            "expected_localized": self.expected_in(lang),
            "help_localized": self.help_in(lang),
        })
        .to_string()
    }

    /// A GitHub Actions workflow command (`::error file=…,line=…::…`): the English
    /// message and help, then (in another language) the same in `lang`.
    pub fn render_github(&self, lang: Lang) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(file) = &self.file {
            props.push(format!(
                "file={}",
                github_escape_property(&display_path(file))
            ));
        }
        if let Some(s) = self.span {
            props.push(format!("line={},col={}", s.line, s.column));
        }
        props.push(format!("title={}", self.code));
        let mut message = self.message.clone();
        if let Some(help) = &self.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        if lang != Lang::En {
            message.push('\n');
            message.push_str(&self.message_in(lang));
            if let Some(help) = self.help_in(lang) {
                _ = write!(
                    message,
                    "\n{}{}{help}",
                    label(lang, "label-help"),
                    label(lang, "label-colon")
                );
            }
        }
        format!(
            "::{kind} {}::{}",
            props.join(","),
            github_escape_data(&terminal_safe(&message, true))
        )
    }
}

/// `english`, or `text` rendered in `lang` when there is one and `lang` is not English.
fn in_lang<'a>(english: &'a str, text: Option<&Text>, lang: Lang) -> Cow<'a, str> {
    match text {
        Some(text) if lang != Lang::En => Cow::Owned(text.render(lang)),
        _ => Cow::Borrowed(english),
    }
}

/// A label of the human rendering in `lang` (`label-help`: `help` or `建议`), and
/// the punctuation around them (`: ` in English, `：` in Chinese).
fn label(lang: Lang, id: &str) -> String {
    catalog::format(lang, id, None)
}

fn severity_label(lang: Lang, severity: Severity) -> String {
    match severity {
        Severity::Error => label(lang, "label-error"),
        Severity::Warning => label(lang, "label-warning"),
    }
}

/// `text` as it may be printed to a terminal or a CI log: control characters (escape
/// sequences that retitle the window, clear the screen or move the cursor; carriage
/// returns that overwrite a line; line breaks that forge lines, unless `keep_newlines`)
/// and the characters that reorder text on screen (bidirectional overrides) are shown
/// as `\u{1b}`-style escapes. Values from a site's files reach messages as written.
pub fn terminal_safe(text: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\t' && !(keep_newlines && c == '\n'))
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The source line with carets under the span; the line is printed as
/// [`terminal_safe`] shows it, and the carets measure what is printed.
fn caret_block(span: Span, line: &str) -> String {
    let number = span.line.to_string();
    let pad = " ".repeat(number.len());
    let start = span.column.saturating_sub(1) as usize;
    let prefix: String = line.chars().take(start).collect();
    let end = if span.end_line == span.line {
        (span.end_column.saturating_sub(1) as usize).max(start + 1)
    } else {
        line.chars().count().max(start + 1)
    };
    let marked: String = line.chars().skip(start).take(end - start).collect();
    let rest: String = line.chars().skip(end).collect();
    let (prefix, marked) = (terminal_safe(&prefix, false), terminal_safe(&marked, false));
    let shown = format!("{prefix}{marked}{}", terminal_safe(&rest, false));
    let carets = "^".repeat(UnicodeWidthStr::width(&*marked).max(1));
    let indent = " ".repeat(UnicodeWidthStr::width(&*prefix));
    format!(" {pad} |\n {number} | {shown}\n {pad} | {indent}{carets}\n")
}

/// A path as shown to editors: `/` separators whatever the platform.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn github_escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn github_escape_property(s: &str) -> String {
    github_escape_data(s)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// Every problem found in a run, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds many problems.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems, sorted by file, place and severity, duplicates removed.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
        self.items
    }

    /// The problems in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// A summary such as `2 errors, 1 warning in 2 files` in `lang`, counting each
    /// problem once however often it was found (as [`Diagnostics::sorted`] prints it).
    pub fn summary(&self, lang: Lang) -> String {
        let distinct = self.clone().sorted();
        let mut files: Vec<&Path> = distinct.iter().filter_map(|d| d.file.as_deref()).collect();
        files.dedup();
        let errors = distinct.iter().filter(|d| d.is_error()).count();
        crate::t!(
            "summary",
            errors = errors,
            warnings = distinct.len() - errors,
            files = files.len()
        )
        .render(lang)
        .into_owned()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Diagnostics {
        let mut all = Diagnostics::new();
        all.extend(iter);
        all
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics { items: vec![d] }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The valid name closest to `wrong`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The existing file path (`news/x/photo.jpg`, no leading `/`) an editor most likely
/// meant by `wrong`: the same file name in another folder (a moved file, a mistyped
/// folder, or another letter case), else the closest name in the same folder by
/// [`did_you_mean`], a leading `YYYY-MM-DD-` date left out of the comparison when
/// both names have one (dated names would otherwise all look alike).
pub fn did_you_mean_path<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let (folder, name) = split_path(wrong);
    let mut same_folder = Vec::new();
    let mut same_name: Option<&'a str> = None;
    for candidate in candidates {
        let (their_folder, their_name) = split_path(candidate);
        if their_name.to_lowercase() == name.to_lowercase() && candidate != wrong {
            // The first in path order, so the answer does not depend on the order given.
            if same_name.is_none_or(|found| candidate < found) {
                same_name = Some(candidate);
            }
        } else if their_folder == folder {
            same_folder.push(candidate);
        }
    }
    if same_name.is_some() {
        return same_name;
    }
    let undated = without_date(name);
    let names = same_folder.iter().map(|c| split_path(c).1);
    let close = if undated.len() < name.len() {
        let by_slug: Vec<(&str, &str)> = names
            .filter_map(|n| Some((without_date(n), n)).filter(|(u, _)| u.len() < n.len()))
            .collect();
        did_you_mean(undated, by_slug.iter().map(|(u, _)| *u))
            .and_then(|u| by_slug.iter().find(|(slug, _)| *slug == u).map(|(_, n)| *n))
    } else {
        did_you_mean(name, names)
    }?;
    same_folder.into_iter().find(|c| split_path(c).1 == close)
}

/// `("news/x", "photo.jpg")` for `news/x/photo.jpg`; the folder is empty at the top.
fn split_path(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

/// `ke-pu.md` for `2026-05-01-ke-pu.md`; other names as they are.
fn without_date(name: &str) -> &str {
    let dated = name.len() > 11
        && name.bytes().take(10).enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
        && name.as_bytes().get(10) == Some(&b'-');
    if dated { &name[11..] } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_suggested_by_file_name_then_by_folder() {
        let existing = [
            "news/2026-05-30-ke-ji-gong-zuo-zhe-ri.md",
            "news/2026-05-28-ke-pu-zhou.md",
            "news/tzgg/_index.md",
            "news/tzgg/2026-01-05-tong-zhi.md",
            "kepu/xing-kong/guance-yingdi.svg",
            "images/logo.png",
            "images/banner.jpg",
        ];
        let near = |wrong: &str| did_you_mean_path(wrong, existing.iter().copied());
        // A date typed wrong: the slug decides.
        assert_eq!(
            near("news/2026-05-31-ke-ji-gong-zuo-zhe-ri.md"),
            Some("news/2026-05-30-ke-ji-gong-zuo-zhe-ri.md")
        );
        // The right name in the wrong folder.
        assert_eq!(
            near("news/2026-01-05-tong-zhi.md"),
            Some("news/tzgg/2026-01-05-tong-zhi.md")
        );
        assert_eq!(near("img/logo.png"), Some("images/logo.png"));
        // Another letter case, or another extension.
        assert_eq!(near("images/LOGO.PNG"), Some("images/logo.png"));
        assert_eq!(near("images/logo.jpg"), Some("images/logo.png"));
        // Nothing close: no guess, even where every name shares the date shape.
        assert_eq!(near("news/tzgg/bu-cun-zai.md"), None);
        assert_eq!(near("news/2026-05-30-quan-wei-hui.md"), None);
        assert_eq!(near("images/huodong.jpg"), None);
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\ncity = \"梧洲\"\n";
        let at = text.find('梧').unwrap();
        assert_eq!(line_col(text, at), (2, 9));
    }

    #[test]
    fn carets_follow_display_width() {
        let text = "city = \"梧洲\"";
        let start = text.find('梧').unwrap();
        let end = start + "梧洲".len();
        let d = Diagnostic::error("E0301", "unknown city 「梧洲」")
            .in_file("content/a.md")
            .at(Span::from_byte_range(text, start, end), text);
        let human = d.render_human(false, Lang::En);
        assert!(human.contains("--> content/a.md:1:9"), "{human}");
        assert!(human.contains("|         ^^^^\n"), "{human}");
    }

    #[test]
    fn json_and_github_carry_the_place() {
        let d = Diagnostic::error("E0101", "unknown key `titel`")
            .in_file("site-config.toml")
            .at_span(Span::point(3, 1))
            .help("did you mean `title`?");
        assert!(d.render_json(Lang::En).contains("\"line\":3"));
        assert!(
            d.render_github(Lang::En)
                .starts_with("::error file=site-config.toml,line=3,col=1,title=E0101::")
        );
    }

    #[test]
    fn control_characters_from_the_site_never_reach_the_terminal_raw() {
        let org = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[H\r伪造\u{202e}txt.exe";
        let line = format!("org = \"{org}\"");
        let start = line.find('"').unwrap_or(0);
        let d = Diagnostic::error("E0301", format!("unknown organization 「{org}」"))
            .in_file("content/a.md")
            .at(Span::from_byte_range(&line, start, line.len()), &line)
            .help(format!("did you mean 「{org}」?"));
        for out in [
            d.render_human(false, Lang::En),
            d.render_human(true, Lang::En)
                .replace("\u{1b}[1;31m", "")
                .replace("\u{1b}[0m", ""),
            Diagnostic {
                severity: Severity::Warning,
                ..d.clone()
            }
            .render_human(false, Lang::En),
            d.render_github(Lang::En),
        ] {
            assert!(
                !out.chars()
                    .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
                "{out:?}"
            );
            assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{out}");
        }
        let human = d.render_human(false, Lang::En);
        assert!(human.contains("\\u{d}伪造\\u{202e}txt.exe"), "{human}");
        assert_eq!(terminal_safe("梧州\n", true), "梧州\n");
        assert_eq!(terminal_safe("梧州\n", false), "梧州\\u{a}");
    }

    #[test]
    fn summary_counts_errors_warnings_and_files() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::error("E0101", "a").in_file("x"));
        all.push(Diagnostic::error("E0101", "b").in_file("y"));
        all.push(Diagnostic::warning("W0201", "c").in_file("x"));
        assert_eq!(all.summary(Lang::En), "2 errors, 1 warning in 2 files");
        assert_eq!(
            all.summary(Lang::ZhHans),
            "2 个错误，1 个警告，涉及 2 个文件"
        );
        let mut one = Diagnostics::new();
        one.push(Diagnostic::error("E0101", "a").in_file("x"));
        assert_eq!(one.summary(Lang::En), "1 error, 0 warnings in 1 file");
        // A problem of no file (a missing config, a port in use) names no file count.
        let mut fileless = Diagnostics::new();
        fileless.push(Diagnostic::error("E0100", "a"));
        assert_eq!(fileless.summary(Lang::En), "1 error, 0 warnings");
        assert_eq!(fileless.summary(Lang::ZhHans), "1 个错误，0 个警告");
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("titel", ["title", "date"]), Some("title"));
        assert_eq!(did_you_mean("zzz", ["title", "date"]), None);
    }
}

#[cfg(test)]
mod catalog_tests;
