//! What a shortcode sees of the page or section whose Markdown it is part of: Zola
//! gives shortcodes `page` (or `section`) while the Markdown renders, with the fields
//! known before any body is rendered (no `content`, `summary`, `toc` or neighbours
//! yet). Built from what was read and the URL plan, before the model exists.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::config::Config;
use crate::content::{Asset, Page, Section};
use crate::portal::Url;

/// A page as its shortcodes see it.
#[derive(Serialize)]
struct MarkdownPage<'a> {
    relative_path: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    permalink: &'a str,
    path: &'a str,
    slug: &'a str,
    components: Vec<&'a str>,
    date: Option<&'a str>,
    updated: Option<&'a str>,
    draft: bool,
    weight: Option<i64>,
    lang: &'a str,
    author: Option<&'a str>,
    authors: &'a [String],
    cover: Option<&'a str>,
    taxonomies: &'a BTreeMap<String, Vec<String>>,
    extra: &'a serde_json::Map<String, Value>,
    assets: Vec<String>,
}

/// A section as its shortcodes see it.
#[derive(Serialize)]
struct MarkdownSection<'a> {
    relative_path: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    permalink: &'a str,
    path: &'a str,
    components: Vec<&'a str>,
    lang: &'a str,
    extra: &'a serde_json::Map<String, Value>,
    assets: Vec<String>,
}

/// `page` for the shortcodes of `page`'s Markdown, published at `url`. Its `assets`
/// are permalinks, as in page templates, and `resize_image` takes them as `path`.
pub fn markdown_page(config: &Config, page: &Page, url: &Url) -> Value {
    let meta = &page.meta;
    to_value(&MarkdownPage {
        relative_path: &page.key,
        title: &meta.title,
        description: meta.description.as_deref(),
        permalink: &url.permalink,
        path: &url.path,
        slug: &url.slug,
        components: components(&url.path),
        date: meta.date.as_ref().map(|d| d.text.as_str()),
        updated: meta.updated.as_ref().map(|d| d.text.as_str()),
        draft: meta.draft,
        weight: meta.weight,
        lang: meta.lang.as_deref().unwrap_or(&config.default_language),
        author: meta.author.as_deref(),
        authors: &meta.authors,
        cover: meta.cover.as_deref(),
        taxonomies: &meta.taxonomies,
        extra: &meta.extra,
        assets: assets(&page.assets, url),
    })
}

/// `section` for the shortcodes of `section`'s Markdown, published at `url`.
pub fn markdown_section(config: &Config, section: &Section, url: &Url) -> Value {
    let meta = &section.meta;
    to_value(&MarkdownSection {
        relative_path: &section.key,
        title: &meta.title,
        description: meta.description.as_deref(),
        permalink: &url.permalink,
        path: &url.path,
        components: components(&url.path),
        lang: meta.lang.as_deref().unwrap_or(&config.default_language),
        extra: &meta.extra,
        assets: assets(&section.assets, url),
    })
}

fn components(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

fn assets(assets: &[Asset], url: &Url) -> Vec<String> {
    assets
        .iter()
        .map(|a| format!("{}{}", url.permalink, a.relative))
        .collect()
}

fn to_value<T: Serialize>(view: &T) -> Value {
    serde_json::to_value(view).unwrap_or(Value::Null)
}
