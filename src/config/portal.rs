//! The portal tables of the configuration: `[regions]`, `[series]`, `[related]`,
//! `[[menus]]` and `[[directories]]`, from their serde mirrors to validated values.
//! Region names are only checked for presence here: the registry resolves them later,
//! and the values keep their place in the file so those errors point at them. A menu
//! `url` goes through the one rule for addresses ([`url_scheme`]): E0110 when refused.

use std::ops::Range;

use serde::Serialize;
use toml::Spanned;

use super::keys::place;
use super::raw::{RawCustomRegion, RawDirectory, RawMenuItem, RawRegions};
use crate::diag::{Diagnostic, Located, Span};
use crate::url_scheme::{self, Field};

/// A text value of the configuration file (trimmed) with its place, for later
/// diagnostics.
pub(crate) fn located(spanned: &Spanned<String>, text: &str) -> Located<String> {
    let range = spanned.span();
    let span = Span::from_byte_range(text, range.start, range.end);
    Located {
        value: spanned.get_ref().trim().to_owned(),
        source_line: text
            .lines()
            .nth(span.line.saturating_sub(1) as usize)
            .map(str::to_owned),
        span: Some(span),
    }
}

/// `[regions]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionsConfig {
    /// Settles ambiguous names (`朝阳`) in favour of this province.
    pub default_province: Option<Located<String>>,
    /// Cities for the home page's 热门城市 block, in this order; empty: the cities with
    /// the most content.
    pub hot_cities: Vec<Located<String>>,
    /// URL segment of region pages (`cities` → `/cities/wuzhou/`).
    pub path: String,
    /// The site's own regions.
    pub custom: Vec<CustomRegionConfig>,
}

/// One `[[regions.custom]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomRegionConfig {
    /// Its name (`梧州高新技术产业开发区`).
    pub name: Located<String>,
    /// Where it lies (`梧州市`).
    pub parent: Located<String>,
    /// Other spellings (`梧州高新区`).
    pub aliases: Vec<String>,
    /// A code of its own, if any.
    pub code: Option<String>,
}

/// One menu entry (`[[menus]]` or a `children` entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MenuItemConfig {
    /// The label (`组织人才`).
    pub title: String,
    /// `@/orgs/_index.md`, a site path (`/cities/`) or an absolute URL.
    pub url: Located<String>,
    /// The menu it belongs to (`main` unless set).
    pub menu: String,
    /// Entries below it.
    pub children: Vec<MenuItemConfig>,
}

/// One `[[directories]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirectoryConfig {
    /// `data/orgs.csv` or `data/orgs.toml`, relative to the site root.
    pub file: Located<String>,
    /// The section whose pages the rows become (`orgs`).
    pub section: String,
    /// Level of rows that have no `level` column.
    pub level: Option<String>,
}

/// Default number of related articles per page.
pub const DEFAULT_RELATED_LIMIT: usize = 5;

/// Validates `[regions]`.
pub(crate) fn regions(raw: RawRegions, text: &str, problems: &mut Problems) -> RegionsConfig {
    RegionsConfig {
        default_province: raw.default_province.as_ref().map(|p| located(p, text)),
        hot_cities: raw.hot_cities.iter().map(|c| located(c, text)).collect(),
        path: path_segment(raw.path.as_ref(), "regions.path", "cities", problems),
        custom: raw
            .custom
            .into_iter()
            .filter_map(|c| custom_region(c, text, problems))
            .collect(),
    }
}

fn custom_region(
    raw: RawCustomRegion,
    text: &str,
    problems: &mut Problems,
) -> Option<CustomRegionConfig> {
    let (Some(name), Some(parent)) = (&raw.name, &raw.parent) else {
        problems.missing(
            "[[regions.custom]]",
            "`name` and `parent`",
            "name = \"梧州高新技术产业开发区\"\nparent = \"梧州市\"",
            raw.name.as_ref().or(raw.parent.as_ref()).map(Spanned::span),
        );
        return None;
    };
    Some(CustomRegionConfig {
        name: located(name, text),
        parent: located(parent, text),
        aliases: raw.aliases,
        code: raw.code,
    })
}

/// Validates `[[menus]]`, nested entries included.
pub(crate) fn menus(
    raw: Vec<RawMenuItem>,
    text: &str,
    problems: &mut Problems,
) -> Vec<MenuItemConfig> {
    raw.into_iter()
        .filter_map(|item| menu_item(item, "main", text, problems))
        .collect()
}

fn menu_item(
    raw: RawMenuItem,
    menu: &str,
    text: &str,
    problems: &mut Problems,
) -> Option<MenuItemConfig> {
    let (Some(title), Some(url)) = (&raw.title, &raw.url) else {
        problems.missing(
            "[[menus]]",
            "`title` and `url`",
            "title = \"组织人才\"\nurl = \"@/orgs/_index.md\"",
            raw.title.as_ref().or(raw.url.as_ref()).map(Spanned::span),
        );
        return None;
    };
    let menu = raw.menu.clone().unwrap_or_else(|| menu.to_owned());
    let children = raw
        .children
        .into_iter()
        .filter_map(|child| menu_item(child, &menu, text, problems))
        .collect();
    if let Err(refused) = url_scheme::check(url.get_ref(), Field::Link) {
        let error = refused.diagnostic("E0110", "url", url.get_ref(), Field::Link);
        problems.push(error, Some(url.span()));
        return None;
    }
    Some(MenuItemConfig {
        title: title.get_ref().trim().to_owned(),
        url: located(url, text),
        menu,
        children,
    })
}

/// Validates `[[directories]]`.
pub(crate) fn directories(
    raw: Vec<RawDirectory>,
    text: &str,
    problems: &mut Problems,
) -> Vec<DirectoryConfig> {
    raw.into_iter()
        .filter_map(|d| {
            let Some(file) = &d.file else {
                problems.missing(
                    "[[directories]]",
                    "`file`",
                    "file = \"data/orgs.csv\"\nsection = \"orgs\"",
                    d.section.as_ref().map(Spanned::span),
                );
                return None;
            };
            Some(DirectoryConfig {
                file: located(file, text),
                section: d
                    .section
                    .map(|s| s.into_inner().trim().trim_matches('/').to_owned())
                    .unwrap_or_else(|| "orgs".to_owned()),
                level: d.level,
            })
        })
        .collect()
}

/// A URL segment such as `cities`: letters, digits, `-` and `_` only.
pub(crate) fn path_segment(
    raw: Option<&Spanned<String>>,
    key: &str,
    default: &str,
    problems: &mut Problems,
) -> String {
    let Some(raw) = raw else {
        return default.to_owned();
    };
    let value = raw.get_ref().trim().trim_matches('/');
    let valid = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        let name = key.rsplit('.').next().unwrap_or(key);
        let error = Diagnostic::error(
            "E0108",
            crate::t!("config-not-a-segment", key = key, value = value),
        )
        .expected(crate::t!("config-not-a-segment.expected"))
        .help(crate::t!(
            "config-not-a-segment.help",
            key = name,
            default = default
        ));
        problems.push(error, Some(raw.span()));
        return default.to_owned();
    }
    value.to_owned()
}

/// Where validation problems go, with the file's text to place them.
pub(crate) struct Problems<'a> {
    pub file: &'a std::path::Path,
    pub text: &'a str,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

impl Problems<'_> {
    fn push(&mut self, diagnostic: Diagnostic, span: Option<Range<usize>>) {
        let diagnostic = place(diagnostic.in_file(self.file), span, self.text);
        self.diagnostics.push(diagnostic);
    }

    fn missing(&mut self, table: &str, keys: &str, example: &str, span: Option<Range<usize>>) {
        let error = Diagnostic::error(
            "E0109",
            crate::t!("config-entry-lacks", table = table, keys = keys),
        )
        .expected(crate::t!("config-entry-lacks.expected", example = example))
        .help(crate::t!("config-entry-lacks.help", keys = keys));
        self.push(error, span);
    }
}
