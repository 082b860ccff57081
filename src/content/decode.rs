//! Bytes of a content file → text: UTF-8 with or without BOM, line ends made `\n`.
//! UTF-16, GBK/GB18030, binary and otherwise broken files are reported with the fix,
//! never turned into mojibake.

use std::borrow::Cow;
use std::path::Path;

use crate::diag::{Diagnostic, Span, line_col};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a content file. `file` is the path relative to the site root, used only in
/// messages. The text returned has no BOM and only `\n` line ends, so line numbers are
/// those an editor shows.
#[allow(
    clippy::result_large_err,
    reason = "one error per file at most; a plain `Diagnostic` is what every stage reports"
)]
pub fn decode(file: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let utf16_bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if utf16_bom || looks_like_utf16_without_bom(bytes) {
        return Err(utf16_error(file));
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(nul_error(file, bytes, nul));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(normalize_line_ends(text).into_owned()),
        Err(_) if looks_like_gb18030(bytes) => Err(gb18030_error(file)),
        Err(err) => Err(invalid_utf8_error(file, bytes, err.valid_up_to())),
    }
}

/// Turns CRLF and lone CR into LF, borrowing when there is nothing to change.
pub(crate) fn normalize_line_ends(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            out.push('\n');
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True when the start of the file has a zero in every other byte, as ASCII text saved as
/// UTF-16 without a BOM does (`+` `\0` `+` `\0` …).
fn looks_like_utf16_without_bom(bytes: &[u8]) -> bool {
    let head = bytes.get(..64).unwrap_or(bytes);
    if head.len() < 4 {
        return false;
    }
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    (0..2).any(|parity| zeros_at(parity) * 10 >= half * 8 && zeros_at(1 - parity) == 0)
}

/// True when the bytes decode as GB18030 without a single replacement and hold Chinese,
/// i.e. the file was very likely saved as GBK/GB18030 by a Chinese editor.
fn looks_like_gb18030(bytes: &[u8]) -> bool {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some_and(|text| text.chars().any(is_han))
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// The editor's line and column of byte `at` in the (not necessarily valid) `bytes`.
fn place_of_byte(bytes: &[u8], at: usize) -> Span {
    let prefix = bytes.get(..at).unwrap_or(bytes);
    let prefix = String::from_utf8_lossy(prefix);
    let prefix = normalize_line_ends(&prefix);
    let (line, column) = line_col(&prefix, prefix.len());
    Span::point(line, column)
}

fn utf16_error(file: &Path) -> Diagnostic {
    Diagnostic::error("E0202", crate::t!("content-utf16"))
        .in_file(file)
        .expected(crate::t!("content-expected-utf8"))
        .help(crate::t!(
            "content-resave",
            from = "UTF-16",
            file = crate::diag::display_path(file)
        ))
}

fn gb18030_error(file: &Path) -> Diagnostic {
    Diagnostic::error("E0201", crate::t!("content-gb18030"))
        .in_file(file)
        .expected(crate::t!("content-expected-utf8"))
        .help(crate::t!(
            "content-resave",
            from = "GB18030",
            file = crate::diag::display_path(file)
        ))
}

fn invalid_utf8_error(file: &Path, bytes: &[u8], at: usize) -> Diagnostic {
    let byte = bytes.get(at).copied().unwrap_or(0);
    Diagnostic::error(
        "E0203",
        crate::t!("content-invalid-utf8", byte = format!("0x{byte:02X}")),
    )
    .in_file(file)
    .at_span(place_of_byte(bytes, at))
    .expected(crate::t!("content-expected-utf8"))
    .help(crate::t!("content-invalid-utf8.help"))
}

fn nul_error(file: &Path, bytes: &[u8], at: usize) -> Diagnostic {
    Diagnostic::error("E0204", crate::t!("content-nul"))
        .in_file(file)
        .at_span(place_of_byte(bytes, at))
        .expected(crate::t!("content-nul.expected"))
        .help(crate::t!("content-nul.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> String {
        decode(Path::new("content/a.md"), bytes).unwrap()
    }

    fn err(bytes: &[u8]) -> Diagnostic {
        decode(Path::new("content/a.md"), bytes).unwrap_err()
    }

    #[test]
    fn utf8_is_cleaned() {
        let cases: &[(&[u8], &str)] = &[
            (b"abc", "abc"),
            ("\u{FEFF}标题\n正文".as_bytes(), "标题\n正文"),
            (b"\xEF\xBB\xBFa\r\nb\r\n", "a\nb\n"),
            (b"a\rb\rc", "a\nb\nc"),
            (b"a\r\n\rb", "a\n\nb"),
            (b"", ""),
            (b"\xEF\xBB\xBF", ""),
        ];
        for (bytes, want) in cases {
            assert_eq!(ok(bytes), *want, "{bytes:?}");
        }
    }

    #[test]
    fn gbk_is_reported_without_mojibake() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("+++\ntitle = \"科协新闻\"\n+++\n正文内容");
        let d = err(&gbk);
        assert_eq!(d.code, "E0201");
        assert_eq!(d.file.as_deref(), Some(Path::new("content/a.md")));
        assert!(d.span.is_none());
        assert!(d.message.contains("GBK/GB18030"), "{}", d.message);
        let help = d.help.unwrap();
        assert!(
            help.contains("iconv -f GB18030 -t UTF-8 content/a.md"),
            "{help}"
        );
        assert!(help.contains("「UTF-8」"));
        assert!(!d.message.contains('\u{FFFD}'));
    }

    #[test]
    fn utf16_is_reported() {
        for bom in [&b"\xFF\xFE"[..], &b"\xFE\xFF"[..]] {
            let mut bytes = bom.to_vec();
            bytes.extend_from_slice(&[b'+', 0, b'+', 0]);
            let d = err(&bytes);
            assert_eq!(d.code, "E0202");
            assert!(d.help.unwrap().contains("iconv -f UTF-16 -t UTF-8"));
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        for big_endian in [false, true] {
            let text = "+++\ntitle = \"a\"\n+++\n";
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if big_endian {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect();
            assert_eq!(err(&bytes).code, "E0202");
        }
        assert_eq!(err(b"text then \0 one NUL").code, "E0204");
    }

    #[test]
    fn invalid_utf8_names_the_first_bad_byte() {
        let d = err(b"+++\r\ntitle = \"\xE4\xB8\xADx\xFF\"\n");
        assert_eq!(d.code, "E0203");
        assert_eq!(d.span, Some(Span::point(2, 12)));
    }

    #[test]
    fn latin1_is_not_taken_for_gbk() {
        // "café" in Latin-1: decodes as GB18030 only with non-Chinese or fails.
        let d = err(b"caf\xE9\n");
        assert_eq!(d.code, "E0203");
    }

    #[test]
    fn nul_bytes_are_reported_with_place() {
        let d = err(b"line one\nab\0cd");
        assert_eq!(d.code, "E0204");
        assert_eq!(d.span, Some(Span::point(2, 3)));
    }
}
