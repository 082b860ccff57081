//! Front-matter lines typed as in Word, which TOML or YAML cannot read: Chinese quotes
//! around a value (`title = “…”`), a full-width `＝` or `：` between key and value, and
//! straight quotes inside a value that end it early (`title = "关于"科技之春"活动"`).
//! Each is recognised on the line a syntax error points at and written out corrected,
//! so the message says what is wrong in Chinese and shows the line to type instead.
//! Other TOML syntax errors have their reason said in the editor's language
//! ([`crate::diag::parser_reason`]) instead of the parser's English.

use super::front_matter::Format;
use crate::diag::text::Said;

/// A front-matter line's mistake, and the line as it should be.
#[derive(Debug, PartialEq)]
pub(crate) enum Mistake {
    /// A full-width `＝` or `：` between the key and the value.
    WideMark { mark: char, fixed: String },
    /// A value between Chinese quotes `“…”` instead of `"…"`.
    ChineseQuotes { fixed: String },
    /// Straight quotes inside a value, which end it early.
    InnerQuotes { fixed: String },
}

impl Mistake {
    /// The message and the fix, in the catalog's words.
    pub(crate) fn said(self, format: Format) -> (Said, Said) {
        let name = format.name();
        match self {
            Mistake::WideMark { mark, fixed } => {
                let sign = match format {
                    Format::Toml => "=",
                    Format::Yaml => ":",
                };
                (
                    crate::t!("content-wide-mark", format = name, mark = mark),
                    crate::t!("content-wide-mark.help", sign = sign, fixed = fixed),
                )
            }
            Mistake::ChineseQuotes { fixed } => (
                crate::t!("content-chinese-quotes", format = name),
                crate::t!("content-chinese-quotes.help", fixed = fixed),
            ),
            Mistake::InnerQuotes { fixed } => (
                crate::t!("content-inner-quotes", format = name),
                crate::t!("content-inner-quotes.help", fixed = fixed),
            ),
        }
    }

    /// The column (1-based, in characters) of the full-width mark in `line`.
    pub(crate) fn column_in(&self, line: &str) -> Option<u32> {
        let Mistake::WideMark { mark, .. } = self else {
            return None;
        };
        let at = line.chars().position(|c| c == *mark)?;
        u32::try_from(at + 1).ok()
    }
}

/// The mistake in `line`, if it is one of these, with the corrected line.
pub(crate) fn mistake_in(line: &str, format: Format) -> Option<Mistake> {
    let indent = &line[..line.len() - line.trim_start().len()];
    let line = line.trim();
    let (key, mark, value) = split_assignment(line)?;
    let written = value.trim();
    let (value, quotes) = match fixed_quotes(written) {
        Some(fixed) => (fixed, true),
        None => (written.to_owned(), false),
    };
    let joined = format!(
        "{indent}{}",
        super::places::assignment(Some(format), key, &value)
    );
    if matches!(mark, '＝' | '：') {
        return Some(Mistake::WideMark {
            mark,
            fixed: joined,
        });
    }
    if !quotes {
        return None;
    }
    if written.starts_with('“') {
        Some(Mistake::ChineseQuotes { fixed: joined })
    } else {
        Some(Mistake::InnerQuotes { fixed: joined })
    }
}

/// `key`, the mark after it (`=`, `:`, `＝`, `：`) and the value, when the key is a plain
/// name (ASCII letters, digits, `_`, `-`).
fn split_assignment(line: &str) -> Option<(&str, char, &str)> {
    let at = line.find(['=', ':', '＝', '：'])?;
    let key = line.get(..at)?.trim();
    let mark = line.get(at..)?.chars().next()?;
    let value = line.get(at + mark.len_utf8()..)?;
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    plain.then_some((key, mark, value))
}

/// The value with its quotes made right: `“…”` around it become `"…"`, and straight
/// quotes inside a quoted value become Chinese ones, opening and closing in turn.
/// `None` when there is nothing to change.
fn fixed_quotes(value: &str) -> Option<String> {
    let chinese = value.strip_prefix('“').and_then(|v| v.strip_suffix('”'));
    if let Some(inner) = chinese.filter(|inner| !inner.contains('"')) {
        return Some(format!("\"{inner}\""));
    }
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    // `"测试" author = "李明"` is two values on a line, not quotes inside one.
    if !inner.contains('"') || inner.contains(['\\', '=']) {
        return None;
    }
    let mut open = true;
    let chinese: String = inner
        .chars()
        .map(|c| match c {
            '"' => {
                let quote = if open { '“' } else { '”' };
                open = !open;
                quote
            }
            c => c,
        })
        .collect();
    Some(format!("\"{chinese}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_punctuation_is_found_and_corrected() {
        let toml = |line| mistake_in(line, Format::Toml);
        assert_eq!(
            toml("title = “测试稿件”"),
            Some(Mistake::ChineseQuotes {
                fixed: "title = \"测试稿件\"".into()
            })
        );
        assert_eq!(
            toml("title ＝ \"测试稿件\""),
            Some(Mistake::WideMark {
                mark: '＝',
                fixed: "title = \"测试稿件\"".into()
            })
        );
        assert_eq!(
            toml("title：“测试稿件”"),
            Some(Mistake::WideMark {
                mark: '：',
                fixed: "title = \"测试稿件\"".into()
            })
        );
        assert_eq!(
            toml("title = \"关于\"科技之春\"活动的通知\""),
            Some(Mistake::InnerQuotes {
                fixed: "title = \"关于“科技之春”活动的通知\"".into()
            })
        );
        assert_eq!(
            mistake_in("  title：\"测试\"", Format::Yaml),
            Some(Mistake::WideMark {
                mark: '：',
                fixed: "  title: \"测试\"".into()
            })
        );
        assert_eq!(toml("title = \"测试\""), None);
        assert_eq!(toml("title = \"测试\" author = \"李明\""), None);
        assert_eq!(toml("title = \"a\\\"b\\\"c\""), None);
        assert_eq!(toml("标题 = “测试”"), None);
        assert_eq!(toml("date = 2026-12-01"), None);
    }
}
