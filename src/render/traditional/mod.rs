//! The Traditional-Chinese copy of a site (`traditional = true`): the site is rendered a
//! second time with `lang = "zh-Hant"` and the zh-Hant theme strings, then every text
//! output is converted with OpenCC phrase tables ([`html`]), its page links moved under
//! `/zh-hant/`, and written there. Pages written in Traditional are converted to
//! Simplified for the site itself and put back as written in the copy ([`source`]).
//!
//! Templates see `script_switch` on every page of both sides (see `docs/templates.md`).

pub mod html;
pub mod source;

use std::sync::Arc;

use rayon::prelude::*;
use serde_json::json;
use tera::Tera;

use super::i18n::TransFunction;
use super::pages::Render;
use super::{
    Context, CopiedFile, Incremental, Output, OutputSink, Rerender, SiteOutput, Taken, Theme,
};
use crate::config::Config;
use crate::diag::Diagnostics;
use crate::portal::Portal;

pub use source::{Restore, simplify_traditional_pages};

/// The URL folder of the Traditional copy.
pub const PREFIX: &str = "zh-hant";
/// Its language tag.
pub const LANG: &str = "zh-Hant";

/// Which script a render is in, and where the same page is in the other one.
#[derive(Debug, Clone)]
pub struct Script {
    /// Language every Chinese page is shown in; `None` keeps each page's own.
    forced_lang: Option<String>,
    /// The site's language tag (the Simplified side's).
    site_lang: String,
    base_url: String,
    /// `None` when the site has no Traditional copy.
    switch_to: Option<Side>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Simplified,
    Traditional,
}

impl Script {
    /// The site's own render.
    pub fn main(config: &Config) -> Script {
        Script {
            forced_lang: None,
            site_lang: config.default_language.clone(),
            base_url: config.base_url.clone(),
            switch_to: config.traditional.then_some(Side::Traditional),
        }
    }

    /// The render that becomes the `/zh-hant/` copy.
    pub fn traditional(config: &Config) -> Script {
        Script {
            forced_lang: Some(LANG.to_owned()),
            site_lang: config.default_language.clone(),
            base_url: config.base_url.clone(),
            switch_to: Some(Side::Simplified),
        }
    }

    /// The `lang` a page written in `page_lang` is shown in.
    pub fn lang<'a>(&'a self, page_lang: &'a str) -> &'a str {
        match &self.forced_lang {
            Some(forced) if page_lang.to_ascii_lowercase().starts_with("zh") => forced,
            _ => page_lang,
        }
    }

    /// `trans` defaults to this render's language.
    pub fn register_trans(&self, tera: &mut Tera, theme: &Theme) {
        if let Some(lang) = &self.forced_lang {
            tera.register_function(
                "trans",
                TransFunction {
                    translations: theme.translations.clone(),
                    default_lang: lang.clone(),
                },
            );
        }
    }

    /// `script_switch = {url, lang, alternates}` for the page at `path`, when the site
    /// has a Traditional copy. Links carrying `hreflang` are never moved by the
    /// conversion, so these stay pointed at the side they name.
    pub fn insert_switch(&self, context: &mut Context, path: &str) {
        let Some(side) = self.switch_to else {
            return;
        };
        let simplified = format!("{}{path}", self.base_url);
        let traditional = format!("{}/{PREFIX}{path}", self.base_url);
        let (url, lang) = match side {
            Side::Traditional => (&traditional, LANG),
            Side::Simplified => (&simplified, self.site_lang.as_str()),
        };
        context.insert(
            "script_switch",
            &json!({
                "url": url,
                "lang": lang,
                "alternates": [
                    { "lang": self.site_lang, "url": simplified },
                    { "lang": LANG, "url": traditional },
                ],
            }),
        );
    }
}

/// Renders the Traditional copy: every HTML, feed and JSON output of the site again,
/// converted, under `zh-hant/`, with the pages' own files (bundle images and
/// attachments, which content links to relatively). Static files are shared. With
/// `incremental` (the preview server), only outputs whose inputs changed are rendered;
/// the result's `kept` names the others, already under `zh-hant/`.
pub fn render_traditional(
    portal: Arc<Portal>,
    theme: &Theme,
    restore: &Restore,
    incremental: Option<Incremental>,
) -> Rerender {
    render_converted(portal, theme, restore, incremental.into())
}

fn render_converted(
    portal: Arc<Portal>,
    theme: &Theme,
    restore: &Restore,
    render: Render,
) -> Rerender {
    let script = Script::traditional(&portal.config);
    let base_url = portal.config.base_url.clone();
    let copies = bundle_copies(&portal);
    let rendered = match render {
        Render::Full(sink) => {
            let converting = ConvertingSink {
                inner: sink,
                base_url: &base_url,
                restore,
            };
            super::pages::render_changed_as(portal, theme, Render::Full(&converting), &script)
        }
        changed => super::pages::render_changed_as(portal, theme, changed, &script),
    };
    let files = rendered
        .files
        .into_par_iter()
        .filter_map(|file| {
            if file.path.starts_with(&format!("{PREFIX}/")) {
                // Converted on its way through the sink already.
                Some(file)
            } else if html::is_converted(&file.path) {
                Some(Output {
                    path: format!("{PREFIX}/{}", file.path),
                    body: html::convert_output(&file.body, &base_url, restore),
                })
            } else {
                None
            }
        })
        .collect();
    let written = rendered.written;
    let kept = rendered
        .kept
        .iter()
        .filter(|path| html::is_converted(path))
        .map(|path| format!("{PREFIX}/{path}"))
        .collect();
    Rerender {
        files,
        written,
        kept,
        copies,
        memo: rendered.memo,
        diagnostics: rendered.diagnostics,
    }
}

/// Converts each page of the Traditional render as soon as it is rendered and hands it,
/// under `zh-hant/`, to the build's sink.
struct ConvertingSink<'a> {
    inner: &'a dyn OutputSink,
    base_url: &'a str,
    restore: &'a Restore,
}

impl OutputSink for ConvertingSink<'_> {
    fn take(&self, output: Output) -> Result<Taken, crate::diag::Diagnostic> {
        if !html::is_converted(&output.path) {
            return Ok(Taken::Kept(output));
        }
        self.inner.take(Output {
            path: format!("{PREFIX}/{}", output.path),
            body: html::convert_output(&output.body, self.base_url, self.restore),
        })
    }
}

/// Adds the Traditional copy to a full render of the site, each page handed to `sink`.
pub fn add_traditional(
    site: &mut SiteOutput,
    portal: Arc<Portal>,
    theme: &Theme,
    restore: &Restore,
    sink: &dyn OutputSink,
) -> Diagnostics {
    let copy = render_converted(portal, theme, restore, Render::Full(sink));
    site.files.extend(copy.files);
    site.files.sort_by(|a, b| a.path.cmp(&b.path));
    site.written.extend(copy.written);
    site.written.sort();
    site.copies.extend(copy.copies);
    site.copies.sort_by(|a, b| a.to.cmp(&b.to));
    copy.diagnostics
}

/// The files of page and section bundles, again under `zh-hant/`.
fn bundle_copies(portal: &Portal) -> Vec<CopiedFile> {
    let pages = portal.pages.iter().map(|p| (&p.source.assets, &p.url.path));
    let sections = portal
        .sections
        .iter()
        .map(|s| (&s.source.assets, &s.url.path));
    pages
        .chain(sections)
        .flat_map(|(assets, path)| {
            assets.iter().map(move |asset| CopiedFile {
                from: portal.root.join(&asset.file),
                to: format!("{PREFIX}{path}{}", asset.relative),
            })
        })
        .collect()
}
