//! The Traditional-Chinese copy of a site (`traditional = true`): every page, feed and
//! JSON output of the site's own render is copied under `/zh-hant/` as it is rendered,
//! converted with OpenCC's phrase tables and with what a Traditional page says
//! differently put in ([`copy`]: `lang`, the script switch, theme strings, links).
//! Pages written in Traditional are converted to Simplified for the site itself
//! ([`crate::content::traditional`]) and put back as written in the copy. Nothing is rendered twice.
//!
//! Templates see `script_switch` on every page (see `docs/templates.md`).

pub mod copy;
pub mod html;

use rayon::prelude::*;
use serde_json::json;

use super::Context;
use crate::config::Config;
use crate::output::{CopiedFile, Output};
use crate::portal::Portal;

pub use copy::Copier;

/// The URL folder of the Traditional copy.
pub const PREFIX: &str = "zh-hant";
/// Its language tag.
pub const LANG: &str = "zh-Hant";

/// The link every page of a site with a Traditional copy has to its copy.
#[derive(Debug, Clone)]
pub struct Script {
    /// The site's language tag (the Simplified side's).
    site_lang: String,
    base_url: String,
    /// False when the site has no Traditional copy.
    traditional: bool,
}

impl Script {
    /// The switch of `config`'s site.
    pub fn main(config: &Config) -> Script {
        Script {
            site_lang: config.default_language.clone(),
            base_url: config.base_url.clone(),
            traditional: config.traditional,
        }
    }

    /// `script_switch = {url, lang, alternates}` for the page at `path`, when the site
    /// has a Traditional copy: `url` is the page's copy. The copy's own switch, made by
    /// [`Copier`], links back to this page instead. Links carrying `hreflang` are never
    /// moved by the copy, so the alternates stay pointed at the side they name.
    pub fn insert_switch(&self, context: &mut Context, path: &str) {
        if !self.traditional {
            return;
        }
        let simplified = format!("{}{path}", self.base_url);
        let traditional = format!("{}/{PREFIX}{path}", self.base_url);
        context.insert(
            "script_switch",
            &json!({
                "url": traditional,
                "lang": LANG,
                "alternates": [
                    { "lang": self.site_lang, "url": simplified },
                    { "lang": LANG, "url": traditional },
                ],
            }),
        );
    }
}

/// When `config` asks for a Traditional copy, starts compiling the conversion tables
/// in the background, alongside the stages before the render that makes the copy as
/// pages are rendered (a fraction of a second of one core).
pub fn prepare_early(config: &Config) {
    if config.traditional {
        rayon::spawn(crate::zh::prepare_traditional);
    }
}

/// The copies of `outputs` (those that have one), made in parallel.
pub fn copy_all(copier: &Copier, outputs: &[Output]) -> Vec<Output> {
    outputs.par_iter().filter_map(|o| copier.copy(o)).collect()
}

/// Where the copy of the output at `path` goes, when it has one.
pub fn copy_path(path: &str) -> Option<String> {
    html::is_converted(path).then(|| format!("{PREFIX}/{path}"))
}

/// The files of page and section bundles, again under `zh-hant/`.
pub fn bundle_copies(portal: &Portal) -> Vec<CopiedFile> {
    let pages = portal
        .rendered_pages()
        .map(|p| (&p.source.assets, &p.url.path));
    let sections = portal
        .sections
        .iter()
        .map(|s| (&s.source.assets, &s.url.path));
    pages
        .chain(sections)
        .flat_map(|(assets, path)| {
            assets
                .iter()
                .filter(|asset| crate::render::photos::publishes_asset(portal, asset))
                .map(move |asset| CopiedFile {
                    from: portal.root.join(&asset.file),
                    to: format!("{PREFIX}{path}{}", asset.relative),
                })
        })
        .collect()
}
