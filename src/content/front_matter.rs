//! Splits a content file into front matter (`+++` TOML or `---` YAML) and body, maps
//! the TOML/YAML parsers' error positions back to lines and columns of the whole file,
//! and blanks the invisible spaces Word leaves between keys and values ([`blanked`]).

use std::path::Path;

use crate::diag::{Diagnostic, Span, line_col};

/// The language of a front-matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Between `+++` lines.
    Toml,
    /// Between `---` lines.
    Yaml,
}

impl Format {
    /// `TOML` or `YAML`, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "TOML",
            Format::Yaml => "YAML",
        }
    }

    fn fence(self) -> &'static str {
        match self {
            Format::Toml => "+++",
            Format::Yaml => "---",
        }
    }
}

/// A content file cut into its front matter and its body (both borrowed from the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// `None` when the file has no front matter.
    pub format: Option<Format>,
    /// The text between the fences (empty when there is no front matter).
    pub front: &'a str,
    /// Byte offset of `front` in the text.
    pub front_start: usize,
    /// Everything after the closing fence line.
    pub body: &'a str,
    /// Byte offset of `body` in the text.
    pub body_start: usize,
    /// 1-based line on which the body starts.
    pub body_line: u32,
}

/// A front-matter fence that is opened but never closed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("front matter opened with `{}` on line {line} is never closed", format.fence())]
pub struct SplitError {
    /// Which fence was opened.
    pub format: Format,
    /// 1-based line of the opening fence.
    pub line: u32,
}

impl SplitError {
    /// The editor-facing report (E0205), pointing at the opening fence.
    pub fn to_diagnostic(&self, file: &Path, text: &str) -> Diagnostic {
        let fence = self.format.fence();
        Diagnostic::error("E0205", crate::t!("content-unclosed", fence = fence))
            .in_file(file)
            .at(
                Span {
                    line: self.line,
                    column: 1,
                    end_line: self.line,
                    end_column: 4,
                },
                text,
            )
            .expected(crate::t!("content-unclosed.expected", fence = fence))
            .help(crate::t!("content-unclosed.help", fence = fence))
    }
}

/// Lines of `text` with their byte offsets; each line includes its `\n`, if any.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

fn fence_of(line: &str) -> Option<Format> {
    match line.trim_end() {
        "+++" => Some(Format::Toml),
        "---" => Some(Format::Yaml),
        _ => None,
    }
}

/// Cuts `text` (already decoded, `\n` line ends) into front matter and body. Blank lines
/// before the opening fence are allowed; fences may have trailing spaces. A file without
/// an opening fence is all body.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let no_front = Split {
        format: None,
        front: "",
        front_start: 0,
        body: text,
        body_start: 0,
        body_line: 1,
    };
    let mut lines = lines_with_offsets(text).enumerate();
    let opening = lines.find(|(_, (_, line))| !line.trim().is_empty());
    let Some((open_index, (open_start, open_line))) = opening else {
        return Ok(no_front);
    };
    let Some(format) = fence_of(open_line) else {
        return Ok(no_front);
    };
    let front_start = open_start + open_line.len();
    for (index, (start, line)) in lines {
        if fence_of(line) == Some(format) {
            let body_start = start + line.len();
            return Ok(Split {
                format: Some(format),
                front: text.get(front_start..start).unwrap_or(""),
                front_start,
                body: text.get(body_start..).unwrap_or(""),
                body_start,
                body_line: to_u32(index + 2),
            });
        }
    }
    Err(SplitError {
        format,
        line: to_u32(open_index + 1),
    })
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where a TOML error is, in the whole file: the parser's byte span is relative to the
/// front matter, so `front_start` is added back.
pub fn toml_error_span(text: &str, front_start: usize, err: &toml::de::Error) -> Option<Span> {
    let range = err.span()?;
    Some(Span::from_byte_range(
        text,
        front_start + range.start,
        front_start + range.end,
    ))
}

/// Where a YAML error is, in the whole file: libyaml's 1-based line is relative to the
/// front matter and its column already counts characters.
pub fn yaml_error_span(text: &str, front_start: usize, err: &yaml_serde::Error) -> Option<Span> {
    let location = err.location()?;
    let (front_line, _) = line_col(text, front_start);
    let line = front_line
        .saturating_add(to_u32(location.line()))
        .saturating_sub(1);
    Some(Span::point(line, to_u32(location.column().max(1))))
}

/// The YAML error's message without the " at line … column …" yaml_serde appends.
pub fn yaml_error_message(err: &yaml_serde::Error) -> String {
    let message = err.to_string();
    match message.find(" at line ") {
        Some(at) => message.get(..at).unwrap_or(&message).to_owned(),
        None => message,
    }
}

/// Spaces nobody sees, which Word and web pages put where a space was typed: a no-break
/// space, a full-width space, zero-width spaces and joiners.
fn is_invisible_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{3000}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// `front` with the invisible spaces outside quoted text made ASCII spaces, byte for
/// byte (a 2-byte no-break space becomes 2 spaces), so positions in it stay those of the
/// file. `title\u{a0}= "…"` looked right and could not be read; quoted text is kept.
pub fn blanked(front: &str) -> std::borrow::Cow<'_, str> {
    if !front.chars().any(is_invisible_space) {
        return std::borrow::Cow::Borrowed(front);
    }
    let mut out = String::with_capacity(front.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in front.chars() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                out.push(c);
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '\n') | (Some(_), '\n') => quote = None,
            (None, c) if is_invisible_space(c) => {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
                escaped = false;
                continue;
            }
            _ => {}
        }
        escaped = false;
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_fences() {
        // (text, format, front, body, body_line)
        let cases: &[(&str, Option<Format>, &str, &str, u32)] = &[
            (
                "+++\ntitle = \"a\"\n+++\nbody\n",
                Some(Format::Toml),
                "title = \"a\"\n",
                "body\n",
                4,
            ),
            (
                "---\ntitle: a\n---\nbody",
                Some(Format::Yaml),
                "title: a\n",
                "body",
                4,
            ),
            (
                "+++  \ntitle = 1\n+++ \t\n\nbody",
                Some(Format::Toml),
                "title = 1\n",
                "\nbody",
                4,
            ),
            ("\n\n+++\n+++\n", Some(Format::Toml), "", "", 5),
            ("+++\n+++", Some(Format::Toml), "", "", 3),
            ("# 标题\n\n正文", None, "", "# 标题\n\n正文", 1),
            ("", None, "", "", 1),
            ("++++\nx", None, "", "++++\nx", 1),
            (
                "+++\na = \"---\"\n---\n+++\nb",
                Some(Format::Toml),
                "a = \"---\"\n---\n",
                "b",
                5,
            ),
        ];
        for (text, format, front, body, body_line) in cases {
            let split = split(text).unwrap();
            assert_eq!(split.format, *format, "{text:?}");
            assert_eq!(split.front, *front, "{text:?}");
            assert_eq!(split.body, *body, "{text:?}");
            assert_eq!(split.body_line, *body_line, "{text:?}");
            assert_eq!(
                &text[split.front_start..split.front_start + split.front.len()],
                split.front
            );
            assert_eq!(&text[split.body_start..], split.body);
        }
    }

    #[test]
    fn unclosed_fence_is_an_error_at_the_opening_line() {
        for (text, line) in [
            ("+++", 1),
            ("\n+++\ntitle = \"a\"\nbody", 2),
            ("---\ntitle: a\n", 1),
        ] {
            let err = split(text).unwrap_err();
            assert_eq!(err.line, line);
            let d = err.to_diagnostic(Path::new("content/a.md"), text);
            assert_eq!(d.code, "E0205");
            assert_eq!(d.span.map(|s| s.line), Some(line));
            assert!(d.help.unwrap().contains("add a closing"));
        }
    }

    #[test]
    fn toml_errors_point_into_the_file() {
        let text = "\n+++\ntitle = \"a\"\ndraft = false\ndate = = 3\n+++\n";
        let split = split(text).unwrap();
        let err = toml::from_str::<toml::Table>(split.front).unwrap_err();
        let span = toml_error_span(text, split.front_start, &err).unwrap();
        assert_eq!((span.line, span.column), (5, 8));
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let text = "---\ntitle: 标题\ncity: [梧州\n---\n";
        let split = split(text).unwrap();
        let err = yaml_serde::from_str::<yaml_serde::Value>(split.front).unwrap_err();
        let span = yaml_error_span(text, split.front_start, &err).unwrap();
        assert!(span.line >= 3, "{span:?}");
        assert!(!yaml_error_message(&err).contains(" at line "));
    }

    #[test]
    fn invisible_spaces_outside_quotes_are_blanked_byte_for_byte() {
        let front =
            "title\u{a0}= \"甲\u{3000}乙\"\u{3000}\n\u{200b}date\u{3000}=\u{3000}2026-12-01\n";
        let blank = blanked(front);
        assert_eq!(blank.len(), front.len());
        assert_eq!(
            blank,
            "title  = \"甲\u{3000}乙\"   \n   date   =   2026-12-01\n"
        );
        assert!(matches!(
            blanked("title = \"甲\""),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
