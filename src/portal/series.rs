//! Numbered series (系列) such as 科协改革进行时·地方篇: their pages in number order,
//! each page's neighbours, and the index page of each series (`/series/<slug>/`).
//!
//! Codes: E0330 a number used twice in one series; E0311 series pages would take a URL
//! the site already uses; W0330 a gap in the numbering; W0331 a page of a series without
//! its number (`series_index`).

use std::collections::BTreeMap;

use super::{PageId, Portal, nav};
use crate::content::meta::SortBy;
use crate::diag::{Diagnostic, Diagnostics};
use crate::zh;

/// One series.
#[derive(Debug, Clone)]
pub struct Series {
    /// Its name as written (`科协改革进行时·地方篇`).
    pub name: String,
    /// The short label for titles (`地方篇`): the part after the last `·`.
    pub label: String,
    /// URL segment.
    pub slug: String,
    /// `/series/<slug>/`.
    pub path: String,
    /// `base_url` + `path`.
    pub permalink: String,
    /// Pages with their number, in number order; unnumbered pages after, oldest first.
    pub pages: Vec<(Option<u32>, PageId)>,
}

/// Every series of the site.
#[derive(Debug, Clone, Default)]
pub struct SeriesIndex {
    /// Series by name.
    pub list: Vec<Series>,
    /// For each page: its series and its position there.
    positions: BTreeMap<PageId, (usize, usize)>,
}

impl SeriesIndex {
    /// The series of a page and the page's position in it.
    pub fn of_page(&self, id: PageId) -> Option<(&Series, usize)> {
        self.positions.get(&id).map(|(s, p)| (&self.list[*s], *p))
    }

    /// The series with this name or slug.
    pub fn find(&self, name: &str) -> Option<&Series> {
        self.list.iter().find(|s| s.name == name || s.slug == name)
    }
}

/// Groups listed pages by series and checks their numbers.
pub(super) fn collect(portal: &Portal) -> (SeriesIndex, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut groups: BTreeMap<&str, Vec<PageId>> = BTreeMap::new();
    for page in portal.pages.iter().filter(|p| p.listed) {
        if let Some(series) = &page.source.meta.series {
            groups.entry(series.value.trim()).or_default().push(page.id);
        }
    }
    let mut index = SeriesIndex::default();
    let mut slugs: Vec<String> = Vec::new();
    for (name, mut ids) in groups {
        nav::sort_pages(portal, &mut ids, SortBy::Date);
        ids.reverse(); // oldest first among unnumbered pages
        let number = |id: &PageId| {
            portal
                .page(*id)
                .source
                .meta
                .series_index
                .as_ref()
                .map(|n| n.value)
        };
        ids.sort_by_key(|id| (number(id).is_none(), number(id)));
        check_numbers(portal, name, &ids, &mut diagnostics);
        report_unnumbered(portal, name, &ids, &mut diagnostics);
        let mut slug = zh::slugify(name);
        if slug.is_empty() {
            slug = "series".into();
        }
        let base = slug.clone();
        let mut n = 2;
        while slugs.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        slugs.push(slug.clone());
        let path = format!("/{}/{slug}/", portal.config.series_path);
        let position = index.list.len();
        for (i, id) in ids.iter().enumerate() {
            index.positions.insert(*id, (position, i));
        }
        index.list.push(Series {
            name: name.to_owned(),
            label: name.rsplit('·').next().unwrap_or(name).trim().to_owned(),
            slug,
            permalink: format!("{}{path}", portal.config.base_url),
            path,
            pages: ids.iter().map(|id| (number(id), *id)).collect(),
        });
    }
    if !index.list.is_empty() {
        let prefix = format!("/{}/", portal.config.series_path);
        if let Some(owner) = super::city::path_owner(portal, &prefix) {
            diagnostics.push(
                Diagnostic::error(
                    "E0311",
                    crate::t!("series-path-taken", path = &prefix, owner = owner),
                )
                .in_file(&portal.config.file)
                .expected(crate::t!("series-path-taken.expected"))
                .help(crate::t!("series-path-taken.help")),
            );
        }
    }
    (index, diagnostics)
}

/// A page of the series without `series_index` is a warning at its `series`, naming the
/// next free number: it is listed after the numbered pages, and its neighbours are
/// guessed from dates.
fn report_unnumbered(portal: &Portal, name: &str, ids: &[PageId], diagnostics: &mut Diagnostics) {
    let numbers = ids.iter().filter_map(|id| {
        let number = portal.page(*id).source.meta.series_index.as_ref();
        number.map(|n| n.value)
    });
    let next = numbers.max().map_or(1, |n| n.saturating_add(1));
    for id in ids {
        let page = portal.page(*id);
        let (Some(series), None) = (&page.source.meta.series, &page.source.meta.series_index)
        else {
            continue;
        };
        let mut d = Diagnostic::warning("W0331", crate::t!("series-no-index", name = name))
            .in_file(&page.source.file)
            .expected(crate::t!("series-no-index.expected"))
            .help(crate::t!("series-no-index.help", next = next));
        if let Some(span) = series.span {
            d = d.at_span(span);
        }
        diagnostics.push(d);
    }
}

/// A number used twice is an error at the second page; a gap is a warning.
fn check_numbers(portal: &Portal, name: &str, ids: &[PageId], diagnostics: &mut Diagnostics) {
    let mut previous: Option<(u32, PageId)> = None;
    for id in ids {
        let page = portal.page(*id);
        let Some(number) = &page.source.meta.series_index else {
            continue;
        };
        if let Some((n, other)) = previous {
            if n == number.value {
                let mut d = Diagnostic::error(
                    "E0330",
                    crate::t!("series-number-twice", name = name, number = n),
                )
                .in_file(&page.source.file)
                .expected(crate::t!("series-number-twice.expected"))
                .help(crate::t!(
                    "series-number-twice.help",
                    file = crate::diag::display_path(&portal.page(other).source.file)
                ));
                if let Some(span) = number.span {
                    d = d.at_span(span);
                }
                diagnostics.push(d);
            } else if number.value > n + 1 {
                let missing = if number.value == n + 2 {
                    format!("{}", n + 1)
                } else {
                    format!("{}–{}", n + 1, number.value - 1)
                };
                let mut d = Diagnostic::warning(
                    "W0330",
                    crate::t!("series-gap", name = name, missing = missing),
                )
                .in_file(&page.source.file)
                .help(crate::t!("series-gap.help"));
                if let Some(span) = number.span {
                    d = d.at_span(span);
                }
                diagnostics.push(d);
            }
        }
        previous = Some((number.value, *id));
    }
}
