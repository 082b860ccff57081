//! The one rule for every address a site takes from its own files (front matter, CSV
//! and TOML tables, config menus) and puts into a page: a path on the site, or an
//! address whose scheme is `http`, `https`, `mailto` or `tel`. Anything else
//! (`javascript:`, `data:`, `vbscript:`, `file:`…) is refused, however it is
//! disguised: upper case, whitespace or control characters inside the scheme
//! (`java\tscript:`), HTML character references (`javascript&colon;`,
//! `&#106;avascript:`) and percent-encoding (`javascript%3a`), decoded as often as
//! a browser or a later tool might. Escaping cannot make a script address harmless,
//! so refusing it is the only safe answer, and it is refused where it is written.
//!
//! A leaf module: it knows no site types, so config, content and Markdown all use it.

use std::borrow::Cow;

use crate::diag::Diagnostic;

/// What kind of value an address is, which decides what it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// An `href`/`src`: a path, or an `http`, `https`, `mailto` or `tel` address.
    Link,
    /// A path on this site (`path`, `slug`, `aliases`): no scheme at all.
    SitePath,
}

/// What an accepted address is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A path, absolute (`/news/`), relative (`a.pdf`), `@/` content link, `#anchor`,
    /// `?query`, or protocol-relative (`//host/x`).
    Path,
    /// `http:` or `https:`.
    Web,
    /// `mailto:`.
    Mail,
    /// `tel:`.
    Phone,
}

/// An address refused, with the scheme that was read from it (lower case, as a
/// browser would see it once decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// `javascript`, `data`, `https` (in a site path)…
    pub scheme: String,
}

impl Refused {
    /// The error for `written`, the value of `key`, refused as a `field`; the caller
    /// places it at the value.
    pub fn diagnostic(
        &self,
        code: &'static str,
        key: &str,
        written: &str,
        field: Field,
    ) -> Diagnostic {
        let shown = shortened(written);
        let scheme = &self.scheme;
        match field {
            Field::Link => Diagnostic::error(
                code,
                crate::t!(
                    "address-bad-scheme",
                    key = key,
                    value = &shown,
                    scheme = scheme
                ),
            )
            .expected(crate::t!("address-bad-scheme.expected"))
            .help(crate::t!("address-bad-scheme.help")),
            Field::SitePath => Diagnostic::error(
                code,
                crate::t!(
                    "address-not-site-path",
                    key = key,
                    value = &shown,
                    scheme = scheme
                ),
            )
            .expected(crate::t!("address-not-site-path.expected"))
            .help(crate::t!("address-not-site-path.help", scheme = scheme)),
        }
    }
}

/// `written`, cut after 60 characters: a `data:` address can be a whole file.
fn shortened(written: &str) -> Cow<'_, str> {
    const SHOWN: usize = 60;
    match written.char_indices().nth(SHOWN) {
        Some((at, _)) => Cow::Owned(format!("{}…", &written[..at])),
        None => Cow::Borrowed(written),
    }
}

/// The schemes a link may have.
pub const LINK_SCHEMES: &[(&str, Target)] = &[
    ("http", Target::Web),
    ("https", Target::Web),
    ("mailto", Target::Mail),
    ("tel", Target::Phone),
];

/// How many rounds of decoding are undone: enough for any double or triple encoding a
/// chain of tools might apply, bounded so that no input makes this loop long.
const DECODE_ROUNDS: usize = 4;

/// Checks `written` as an address of kind `field`: the kind of target it is, or the
/// scheme that makes it refused.
pub fn check(written: &str, field: Field) -> Result<Target, Refused> {
    let Some(scheme) = scheme_of(written) else {
        return Ok(Target::Path);
    };
    let allowed = match field {
        Field::Link => LINK_SCHEMES
            .iter()
            .find(|(name, _)| *name == scheme)
            .map(|(_, target)| *target),
        Field::SitePath => None,
    };
    allowed.ok_or(Refused { scheme })
}

/// True when a browser following `written` would run code (`javascript:`, `vbscript:`,
/// `data:`): what Markdown bodies may not link to, as they may link to any other scheme.
pub fn runs_script(written: &str) -> bool {
    scheme_of(written).is_some_and(|s| matches!(s.as_str(), "javascript" | "vbscript" | "data"))
}

/// The scheme a browser (or a tool decoding the address first) would read from
/// `written`, in lower case; `None` for a path.
pub fn scheme_of(written: &str) -> Option<String> {
    let mut text: Cow<str> = Cow::Borrowed(written);
    for _ in 0..DECODE_ROUNDS {
        let decoded = percent_decode(&decode_references(&text)).into_owned();
        if decoded == text {
            break;
        }
        text = Cow::Owned(decoded);
    }
    let squeezed: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    let end = squeezed.find([':', '/', '?', '#', '\\'])?;
    let scheme = &squeezed[..end];
    let is_scheme = squeezed[end..].starts_with(':')
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| scheme.to_ascii_lowercase())
}

/// Characters that a browser drops from an address, or that hide in one without being
/// seen: whitespace, control characters, and the invisible format characters
/// (zero-width space and joiners, soft hyphen, byte-order mark).
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
}

fn percent_decode(text: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy()
}

/// `text` with the HTML character references that can spell a scheme decoded: numeric
/// ones (`&#58;`, `&#x3A`, with or without `;`, as browsers accept) and the named ones
/// for `:`, tab and newline. Other `&`s (a query string's) are kept.
fn decode_references(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference starting at `after` (just past its `&`) stands for, and
/// the bytes it takes.
fn reference(after: &str) -> Option<(char, usize)> {
    const NAMED: &[(&str, char)] = &[("colon", ':'), ("tab", '\t'), ("newline", '\n')];
    if let Some(number) = after.strip_prefix('#') {
        let (digits, radix, skip) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        let value = u32::from_str_radix(digits.get(..len).filter(|d| !d.is_empty())?, radix)
            .ok()
            .and_then(char::from_u32)?;
        let semicolon = usize::from(digits[len..].starts_with(';'));
        return Some((value, skip + len + semicolon));
    }
    let lower = after.get(..8).unwrap_or(after).to_ascii_lowercase();
    NAMED.iter().find_map(|(name, c)| {
        lower
            .strip_prefix(name)
            .filter(|rest| rest.starts_with(';'))
            .map(|_| (*c, name.len() + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_web_addresses_are_accepted() {
        for (written, target) in [
            ("/news/a/", Target::Path),
            ("news/a.pdf", Target::Path),
            ("@/news/_index.md", Target::Path),
            ("#top", Target::Path),
            ("?q=1&b=2", Target::Path),
            ("//cdn.example.org/x.png", Target::Path),
            ("12:30/x", Target::Path),
            ("报名表.pdf", Target::Path),
            ("https://www.example.org.cn/", Target::Web),
            ("HTTP://a.cn", Target::Web),
            ("mailto:kx@example.org", Target::Mail),
            ("tel:0771-0000000", Target::Phone),
        ] {
            assert_eq!(check(written, Field::Link), Ok(target), "{written}");
        }
    }

    #[test]
    fn script_addresses_are_refused_however_disguised() {
        for written in [
            "javascript:alert(1)",
            "javascript://%0aalert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\u{200b}script:alert(1)",
            "javascript&colon;alert(1)",
            "javascript&#58;alert(1)",
            "javascript&#x3A alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;&#x61;vascript:alert(1)",
            "javascript%3aalert(1)",
            "javascript%253Aalert(1)",
            "%6a%61vascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "javascript:alert(document.domain);/x/",
        ] {
            assert!(check(written, Field::Link).is_err(), "{written:?}");
        }
        assert_eq!(
            check("java\tscript:x", Field::Link),
            Err(Refused {
                scheme: "javascript".into()
            })
        );
    }

    #[test]
    fn site_paths_take_no_scheme_at_all() {
        assert_eq!(check("/news/x/", Field::SitePath), Ok(Target::Path));
        assert_eq!(check("zhuanti/2024", Field::SitePath), Ok(Target::Path));
        for written in ["https://evil.example/", "mailto:a@b.c", "javascript:x;/a/"] {
            assert!(check(written, Field::SitePath).is_err(), "{written}");
        }
    }

    #[test]
    fn references_that_are_not_a_scheme_stay_as_they_are() {
        assert_eq!(decode_references("a&b=1&amp;c"), "a&b=1&amp;c");
        assert_eq!(
            decode_references("&#;&#x;&#99999999999;"),
            "&#;&#x;&#99999999999;"
        );
        assert_eq!(decode_references("&#58&colon;&Tab;"), "::\t");
    }
}
