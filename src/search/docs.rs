//! The pages the index holds and what search knows about each: the texts of its fields,
//! its facet values (section, city and province, tags, year, organisation level) and
//! what a result shows (title, path, date, stored text). Pages are ordered newest
//! first, then by content key, so document ids (and ties in ranking) are deterministic.

use rayon::prelude::*;

use crate::markdown::Heading;
use crate::portal::{Portal, PortalPage};

/// Where a page is, for the city filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Place {
    /// City or county.
    pub city: Option<String>,
    /// The province (or region) containing it; a province filter matches its cities.
    pub province: Option<String>,
}

/// A page's place for the city and province facets: resolved against the
/// administrative-division registry when the site uses places (a county counts for its
/// city, as on the city pages, and every place for its province), else the `city` (or
/// `region`) front matter as written.
pub(crate) fn place_of(portal: &Portal, page: &PortalPage) -> Place {
    if let Some(Some(region)) = portal.places.page_regions.get(page.id.index()) {
        let registry = &portal.places.registry;
        return Place {
            city: region.city.map(|id| registry.get(id).short.clone()),
            province: Some(registry.get(region.province).name.clone()),
        };
    }
    let meta = &page.source.meta;
    let city = meta
        .city
        .as_ref()
        .or(meta.region.as_ref())
        .map(|c| c.value.trim().to_owned())
        .filter(|c| !c.is_empty());
    Place {
        city,
        province: None,
    }
}

/// One indexed page.
#[derive(Debug)]
pub(crate) struct SearchDoc<'a> {
    /// The page.
    pub page: &'a PortalPage,
    /// Key of the top-level section (`news`), the section facet.
    pub section: String,
    /// Where it is.
    pub place: Place,
    /// `YYYYMMDD`, 0 when undated.
    pub date: u32,
    /// Organisation level (`city`, `society`…) for organisation pages.
    pub level: Option<String>,
    /// Tags (the `tags` taxonomy).
    pub tags: &'a [String],
    /// Heading titles, in order.
    pub headings: Vec<&'a str>,
}

/// Pages with `in_search_index` that are listed (not expired), newest first.
pub(crate) fn collect(portal: &Portal) -> Vec<SearchDoc<'_>> {
    let mut docs: Vec<SearchDoc> = portal
        .pages
        .par_iter()
        .filter(|p| p.listed && p.source.meta.in_search_index)
        .map(|page| new_doc(portal, page))
        .collect();
    docs.par_sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.page.source.key.cmp(&b.page.source.key))
    });
    docs
}

fn new_doc<'a>(portal: &'a Portal, page: &'a PortalPage) -> SearchDoc<'a> {
    let meta = &page.source.meta;
    let date = page.date.as_ref().map_or(0, |d| {
        let day = d.day();
        u32::try_from(chrono::Datelike::year(&day)).unwrap_or(0) * 10_000
            + chrono::Datelike::month(&day) * 100
            + chrono::Datelike::day(&day)
    });
    let mut headings = Vec::new();
    flatten_headings(&page.rendered.toc, &mut headings);
    SearchDoc {
        page,
        section: top_section(portal, page),
        place: place_of(portal, page),
        date,
        level: org_level(portal, page),
        tags: meta.taxonomies.get("tags").map_or(&[], Vec::as_slice),
        headings,
    }
}

/// Appends the titles of the headings of `toc` to `out`, each before its subheadings.
pub(super) fn flatten_headings<'a>(toc: &'a [Heading], out: &mut Vec<&'a str>) {
    for heading in toc {
        out.push(&heading.title);
        flatten_headings(&heading.children, out);
    }
}

/// The first folder below `content/` (`news` for `news/tzgg/x.md`); `""` for pages at
/// the top.
fn top_section(portal: &Portal, page: &PortalPage) -> String {
    let section = portal.section(page.section);
    section
        .source
        .components
        .first()
        .cloned()
        .unwrap_or_default()
}

/// The level of an organisation page (`kind = "org"` or in a `kind = "orgs"` section).
fn org_level(portal: &Portal, page: &PortalPage) -> Option<String> {
    let meta = &page.source.meta;
    let in_orgs = portal.section(page.section).source.meta.kind.as_deref() == Some("orgs");
    if meta.kind.as_deref() != Some("org") && !in_orgs {
        return None;
    }
    Some(
        meta.org_fields
            .level
            .as_ref()
            .map_or_else(|| "other".to_owned(), |l| l.value.clone()),
    )
}

/// The title of a top-level section by its folder name, for the facet's label.
pub(crate) fn section_title(portal: &Portal, key: &str) -> String {
    portal
        .sections
        .iter()
        .find(|s| {
            s.source.components.len() == 1
                && s.source.components.first().map(String::as_str) == Some(key)
        })
        .map_or_else(|| key.to_owned(), |s| s.source.meta.title.clone())
}
