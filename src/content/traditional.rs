//! Pages written in Traditional (`lang = "zh-Hant"`) on a site with a Traditional copy
//! are shown in Simplified by the site itself: their front-matter texts are converted
//! here, before anything else reads them, and what was written is kept in a
//! [`Restore`] for the copy to put back.

use super::Content;
use super::meta::PageMeta;
use crate::html_text::escape as escape_html;
use crate::zh::{Restore, is_traditional_tag};

/// Converts the pages written in Traditional to Simplified, in place, and returns what
/// the Traditional copy must put back. `simplify_body` converts the rest of a page (its
/// rendered Markdown), given the page's index. Their `lang` is dropped, so the
/// Simplified site shows them in its own language.
pub fn simplify_traditional_pages(
    content: &mut Content,
    mut simplify_body: impl FnMut(usize, &mut Restore),
) -> Restore {
    let mut restore = Restore::default();
    for (index, page) in content.pages.iter_mut().enumerate() {
        if !page.meta.lang.as_deref().is_some_and(is_traditional_tag) {
            continue;
        }
        simplify_meta(&mut page.meta, &mut restore);
        simplify_body(index, &mut restore);
        page.meta.lang = None;
    }
    restore
}

fn simplify_meta(meta: &mut PageMeta, restore: &mut Restore) {
    let mut simplify_field = |field: &mut String| {
        let simplified = crate::zh::to_simplified(field);
        restore.remember(&escape_html(field), &escape_html(&simplified));
        *field = simplified;
    };
    simplify_field(&mut meta.title);
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
        simplify_field(field);
    }
}
