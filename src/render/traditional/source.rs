//! Pages written in Traditional (`lang = "zh-Hant"`) on a site with a Traditional copy:
//! the Simplified site shows them converted to Simplified, and the copy shows them as
//! written. Converting back with OpenCC would not always give the author's characters
//! (`裡` → `里` → `裏`), so the written texts are remembered and put back.

use crate::content::Content;
use crate::content::meta::PageMeta;
use crate::markdown::{Heading, Rendered, escape_html};

/// Texts to put back in the Traditional copy: (the site's Simplified text, what was
/// written), each in the output's form (escaped text or HTML). [`super::Copier`]
/// converts the first as it converts pages and puts the second wherever that appears.
#[derive(Debug, Clone, Default)]
pub struct Restore {
    pairs: Vec<(String, String)>,
}

impl Restore {
    /// Remembers `written` and the Simplified text the site shows for it.
    pub(super) fn remember(&mut self, written: &str, simplified: &str) {
        self.pairs.push((simplified.to_owned(), written.to_owned()));
    }

    /// (Simplified, as written) pairs.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(s, w)| (s.as_str(), w.as_str()))
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
}
