//! HTML as text, for every stage: escaping text for HTML, decoding character references,
//! splitting markup into text and tags ([`markup`]) and reading start tags with their
//! attributes ([`tags`]). A leaf: it knows no site types, so config, content, Markdown,
//! the portal, templates, the preview and `check` all use the same rules.

pub mod markup;
pub mod tags;

use std::borrow::Cow;

pub use markup::{Part, attribute, convert_text, edit_tag, parts};
pub use tags::{Tag, tags};

/// `text` escaped for HTML text and quoted attribute values (`/` is left alone, so URLs
/// stay readable). The one escaping function of the crate: templates use it too.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`escape`] does.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` with its character references decoded: every named reference of HTML and
/// decimal and hex numeric ones. References that name nothing are kept as written.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    html_escape::decode_html_entities(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_html_specials_only() {
        assert_eq!(
            escape("<a href=\"/x/\">A & B's</a>"),
            "&lt;a href=&quot;/x/&quot;&gt;A &amp; B&#39;s&lt;/a&gt;"
        );
        assert_eq!(escape("科协/新闻"), "科协/新闻");
    }

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(
            decode_entities("&#x4e00;&#20108;&lt;&bogus;&amp;&nbsp;"),
            "一二<&bogus;&\u{a0}"
        );
        assert_eq!(decode_entities("&copy; 2026"), "© 2026");
        for odd in ["&#xffffffff;", "&", "&#;", "&#x;", "&amp"] {
            let _ = decode_entities(odd);
        }
    }
}
