//! Pages written in Traditional (`lang = "zh-Hant"`) on a site with a Traditional copy:
//! the Simplified site shows them converted to Simplified, and the copy shows them as
//! written. Converting back with OpenCC would not always give the author's characters
//! (`裡` → `里` → `裏`), so the written texts are remembered and put back.

use crate::content::Content;
use crate::content::meta::PageMeta;
use crate::markdown::{Heading, Rendered, escape_html};

/// Texts to put back in the Traditional copy: (what conversion gives, what was written).
#[derive(Debug, Clone, Default)]
pub struct Restore {
    pairs: Vec<(String, String)>,
}

impl Restore {
    /// Puts every remembered text back into `text`.
    pub fn apply(&self, mut text: String) -> String {
        for (converted, written) in &self.pairs {
            if text.contains(converted.as_str()) {
                text = text.replace(converted.as_str(), written);
            }
        }
        text
    }

    /// Remembers `written` (already in the output's form: escaped or HTML) when
    /// converting it there and back changes it.
    fn remember(&mut self, written: &str, simplified: &str) {
        let converted = super::html::convert_text(simplified);
        if converted != written && !converted.trim().is_empty() {
            self.pairs.push((converted, written.to_owned()));
        }
    }

    /// True when nothing needs putting back.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// True for language tags of Traditional Chinese: `zh-Hant`, `zh-Hant-TW`, `zh-TW`,
/// `zh-HK`, `zh-MO`.
pub fn is_traditional_tag(tag: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    tag.starts_with("zh-hant") || ["zh-tw", "zh-hk", "zh-mo"].contains(&tag.as_str())
}

/// Converts the pages written in Traditional to Simplified, in place (front-matter
/// texts and rendered Markdown), and returns what the Traditional copy must put back.
/// Their `lang` is dropped, so the Simplified site shows them in its own language.
pub fn simplify_traditional_pages(content: &mut Content, rendered: &mut [Rendered]) -> Restore {
    let mut restore = Restore::default();
    for (page, html) in content.pages.iter_mut().zip(rendered.iter_mut()) {
        if !page.meta.lang.as_deref().is_some_and(is_traditional_tag) {
            continue;
        }
        simplify_meta(&mut page.meta, &mut restore);
        simplify_rendered(html, &mut restore);
        page.meta.lang = None;
    }
    restore
}

fn simplify_meta(meta: &mut PageMeta, restore: &mut Restore) {
    let mut one = |field: &mut String| {
        let simplified = crate::zh::to_simplified(field);
        restore.remember(&escape_html(field), &escape_html(&simplified));
        *field = simplified;
    };
    one(&mut meta.title);
    for field in [
        &mut meta.description,
        &mut meta.summary,
        &mut meta.author,
        &mut meta.editor,
        &mut meta.source,
    ]
    .into_iter()
    .flatten()
    {
        one(field);
    }
}

fn simplify_rendered(rendered: &mut Rendered, restore: &mut Restore) {
    for html in [&mut rendered.html, &mut rendered.summary_html] {
        let simplified = super::html::convert_markup(html, crate::zh::to_simplified);
        restore.remember(html, &simplified);
        *html = simplified;
    }
    rendered.text = crate::zh::to_simplified(&rendered.text);
    simplify_toc(&mut rendered.toc);
}

fn simplify_toc(headings: &mut [Heading]) {
    for heading in headings {
        heading.title = crate::zh::to_simplified(&heading.title);
        simplify_toc(&mut heading.children);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_traditional_tags() {
        for tag in ["zh-Hant", "zh-hant-TW", "zh-TW", "zh-HK"] {
            assert!(is_traditional_tag(tag), "{tag}");
        }
        for tag in ["zh-Hans", "zh", "en", "zh-CN"] {
            assert!(!is_traditional_tag(tag), "{tag}");
        }
    }

    #[test]
    fn puts_back_what_a_round_trip_changes() {
        let mut restore = Restore::default();
        let written = "這裡是臺灣";
        let simplified = crate::zh::to_simplified(written);
        restore.remember(written, &simplified);
        let copy = super::super::html::convert_text(&format!("<h1>{simplified}</h1>"));
        assert_eq!(restore.apply(copy), format!("<h1>{written}</h1>"));
    }
}
