//! The portal model: every section, page and taxonomy of the site with its URL, its
//! rendered Markdown and its place in lists, built once by [`Portal::build`] and never
//! changed afterwards. Rendering reads it; it knows nothing about templates.

pub mod attachments;
pub mod city;
pub mod menus;
pub mod nav;
pub mod org;
pub mod placement;
pub mod region;
pub mod related;
pub mod schedule;
pub mod series;
pub mod taxonomy;
pub mod urls;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::bounds::SiteBounds;
use crate::config::Config;
use crate::content::date::SiteDate;
use crate::content::meta::{Date, date_from_filename};
use crate::content::{Content, Page, Section};
use crate::diag::{Diagnostic, Diagnostics};
use crate::images::ImageRequests;
use crate::markdown::Rendered;
use crate::zh::TextStats;

pub use attachments::AttachmentInfo;
pub use taxonomy::{Taxonomy, Term};
pub use urls::{Url, UrlPlan};

/// Index of a page in [`Portal::pages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId(pub u32);

/// Index of a section in [`Portal::sections`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectionId(pub u32);

impl PageId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl SectionId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A page with everything known about it.
#[derive(Debug, Clone)]
pub struct PortalPage {
    /// Its id.
    pub id: PageId,
    /// What was read from disk.
    pub source: Page,
    /// Where it is published.
    pub url: Url,
    /// The section that lists it.
    pub section: SectionId,
    /// `date` from the front matter, else from a `YYYY-MM-DD-` file name, on the
    /// site's clock.
    pub date: Option<SiteDate>,
    /// `updated` from the front matter, on the site's clock.
    pub updated: Option<SiteDate>,
    /// False once `expires` has passed (still published, but in no list or feed), and
    /// for a page with `render = false`.
    pub listed: bool,
    /// Rendered Markdown.
    pub rendered: Rendered,
    /// HTML summary: the front matter's `summary` (escaped), else Markdown's.
    pub summary: String,
    /// Files listed as 附件, resolved.
    pub attachments: Vec<AttachmentInfo>,
    /// Character count and reading time.
    pub stats: TextStats,
    /// 置顶: the pin's rank while it holds (`pin_until` not passed).
    pub pin: Option<u32>,
    /// 头条: a headline now (`headline_until` not passed).
    pub headline: bool,
    /// The neighbour with the lower sort key (older, lighter, earlier title).
    pub lower: Option<PageId>,
    /// The neighbour with the higher sort key.
    pub higher: Option<PageId>,
}

/// A section with everything known about it.
#[derive(Debug, Clone)]
pub struct PortalSection {
    /// Its id.
    pub id: SectionId,
    /// What was read from disk.
    pub source: Section,
    /// Where it is published.
    pub url: Url,
    /// The enclosing section.
    pub parent: Option<SectionId>,
    /// Sections directly below, by weight then title.
    pub subsections: Vec<SectionId>,
    /// Listed pages in the section's order (transparent subsections' pages included).
    pub pages: Vec<PageId>,
    /// Rendered Markdown of `_index.md`.
    pub rendered: Rendered,
}

/// The whole site, immutable once built. Pages are shared, so a copy that differs in
/// one page ([`Portal::with_page_body`]) costs little.
#[derive(Debug, Clone)]
pub struct Portal {
    /// The site's root folder.
    pub root: PathBuf,
    /// Where the site's files may really be (see [`crate::bounds`]).
    pub bounds: SiteBounds,
    /// The validated configuration.
    pub config: Config,
    /// Every published page, in key order.
    pub pages: Vec<Arc<PortalPage>>,
    /// Every section, the home section first.
    pub sections: Vec<PortalSection>,
    /// Declared taxonomies with their terms.
    pub taxonomies: Vec<Taxonomy>,
    /// The build's "now": what is published and what has expired.
    pub now: DateTime<Utc>,
    /// Where pages happened; city and province pages.
    pub places: city::RegionIndex,
    /// The organization directory.
    pub orgs: org::Directory,
    /// Numbered series.
    pub series: series::SeriesIndex,
    /// 相关文章 of each page, by `PageId`.
    pub related: Vec<Vec<PageId>>,
    /// Menus from the config, URLs resolved.
    pub menus: menus::Menus,
    /// 头条 of each section, by `SectionId` (see [`placement::headline_of`]).
    pub headlines: Vec<Option<PageId>>,
    /// 图片新闻: pages for the home page's photo block, newest first.
    pub photo_news: Vec<PageId>,
    /// The image copies templates ask for while rendering (`resize_image`); made after
    /// rendering, in one batch. The one part of the model that fills during rendering
    /// (and during the Markdown stage before it, when shortcodes ask).
    pub images: Arc<ImageRequests>,
    /// Bundle files by permalink, for the image functions (see
    /// [`crate::render::functions::ImageSite`]); empty when no template calls them.
    pub image_assets: Arc<HashMap<String, PathBuf>>,
    /// In a network (站群): the other member sites, so a city page links to its city's
    /// site. Empty for a site built on its own.
    pub member_sites: Vec<MemberSite>,
    /// Data files parsed for every build sharing them (a network's members), which
    /// `load_data` reads through; `None` for a site built on its own.
    pub parsed_files: Option<Arc<crate::load_data::ParsedFiles>>,
    page_keys: HashMap<String, PageId>,
    section_keys: HashMap<String, SectionId>,
}

/// A member site of a network, as other members link to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberSite {
    /// Its name in the network (`wuzhou`).
    pub name: String,
    /// The GB/T 2260 code of its region (`450400`).
    pub region_code: String,
    /// Its association's full name (梧州市科学技术协会).
    pub association: String,
    /// Its short name (梧州市科协), else the full one.
    pub short: String,
    /// Its home page (`https://wz.example.org/`).
    pub url: String,
}

/// The inputs of [`Portal::build`], produced by the earlier stages.
pub struct PortalInput {
    /// The site's root folder.
    pub root: PathBuf,
    /// Where the site's files may really be.
    pub bounds: SiteBounds,
    /// Validated configuration.
    pub config: Config,
    /// Everything read from `content/`.
    pub content: Content,
    /// URLs of `content`'s sections and pages.
    pub urls: UrlPlan,
    /// Rendered Markdown, one per `content.sections`.
    pub section_html: Vec<Rendered>,
    /// Rendered Markdown, one per `content.pages`.
    pub page_html: Vec<Rendered>,
    /// The build's "now".
    pub now: DateTime<Utc>,
    /// The image copies asked for so far (by shortcodes), made with the others later.
    pub images: Arc<ImageRequests>,
    /// Bundle files by permalink, for the image functions.
    pub image_assets: Arc<HashMap<String, PathBuf>>,
    /// The other member sites of a network; empty outside one.
    pub member_sites: Vec<MemberSite>,
    /// Data files parsed for every build sharing them (see [`Portal::parsed_files`]).
    pub parsed_files: Option<Arc<crate::load_data::ParsedFiles>>,
}

impl Portal {
    /// Frees what only `check` and the preview read once the model is built: the
    /// Markdown sources, and the plain text of bodies unless a search index needs it.
    /// A one-off build of a large site is half as big without them.
    pub fn shed_sources(&mut self) {
        let keep_text = self.config.build_search_index;
        for page in &mut self.pages {
            // Not shared yet when a build sheds: no copy is made.
            let page = Arc::make_mut(page);
            page.source.body = String::new();
            if !keep_text {
                page.rendered.text = String::new();
            }
        }
        for section in &mut self.sections {
            section.source.body = String::new();
        }
    }

    /// Assembles the model: ids, section trees, sorted lists, neighbours, taxonomies.
    pub fn build(input: PortalInput) -> (Portal, Diagnostics) {
        let PortalInput {
            root,
            bounds,
            config,
            content,
            urls,
            section_html,
            page_html,
            now,
            images,
            image_assets,
            member_sites,
            parsed_files,
        } = input;
        let mut diagnostics = Diagnostics::new();
        let section_keys: HashMap<String, SectionId> = content
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.clone(), SectionId(index_u32(i))))
            .collect();
        let sections: Vec<PortalSection> = content
            .sections
            .into_iter()
            .zip(urls.sections)
            .zip(section_html)
            .enumerate()
            .map(|(i, ((source, url), rendered))| PortalSection {
                id: SectionId(index_u32(i)),
                parent: source
                    .parent
                    .as_ref()
                    .and_then(|k| section_keys.get(k).copied()),
                source,
                url,
                subsections: Vec::new(),
                pages: Vec::new(),
                rendered,
            })
            .collect();
        // In parallel: each page's summary and text statistics take a few microseconds,
        // which on a large site was the longest serial stretch of the build.
        let built: Vec<(Arc<PortalPage>, Vec<Diagnostic>)> = content
            .pages
            .into_par_iter()
            .zip(urls.pages)
            .zip(page_html)
            .enumerate()
            .map(|(i, ((source, url), rendered))| {
                let (page, problems) = new_page(
                    PageId(index_u32(i)),
                    source,
                    url,
                    rendered,
                    &section_keys,
                    &config,
                    now,
                );
                (Arc::new(page), problems)
            })
            .collect();
        let mut pages = Vec::with_capacity(built.len());
        for (page, problems) in built {
            diagnostics.extend(problems);
            pages.push(page);
        }
        let page_keys = pages.iter().map(|p| (p.source.key.clone(), p.id)).collect();
        let mut portal = Portal {
            images,
            image_assets,
            root,
            bounds,
            config,
            pages,
            sections,
            taxonomies: Vec::new(),
            now,
            places: city::RegionIndex::none(),
            orgs: org::Directory::default(),
            series: series::SeriesIndex::default(),
            related: Vec::new(),
            menus: menus::Menus::new(),
            headlines: Vec::new(),
            photo_news: Vec::new(),
            member_sites,
            parsed_files,
            page_keys,
            section_keys,
        };
        nav::link_sections(&mut portal);
        let (taxonomies, taxonomy_problems) = taxonomy::collect(&portal);
        portal.taxonomies = taxonomies;
        diagnostics.extend(taxonomy_problems);
        diagnostics.extend(portal.link_portal_indexes());
        (portal.headlines, portal.photo_news) = placement::collect(&portal);
        (portal, diagnostics)
    }

    /// Places, organizations, series, related pages and menus: the indexes that make
    /// a portal of the site, built in that order (related pages need the places).
    fn link_portal_indexes(&mut self) -> Diagnostics {
        let mut diagnostics = Diagnostics::new();
        let (places, problems) = city::collect(self);
        self.places = places;
        diagnostics.extend(problems);
        let (orgs, problems) = org::collect(self);
        self.orgs = orgs;
        diagnostics.extend(problems);
        let (series, problems) = series::collect(self);
        self.series = series;
        diagnostics.extend(problems);
        self.related = related::collect(self);
        let (menus, problems) = menus::collect(self);
        self.menus = menus;
        diagnostics.extend(problems);
        diagnostics
    }

    /// This portal with page `id`'s Markdown replaced by `source` (the same front
    /// matter, a new body) rendered as `rendered`. Everything else the model derives
    /// from a page (URL, section, lists, taxonomies, places, related pages) comes from
    /// its front matter alone, so only the page's own summary and statistics change.
    /// Takes the portal by value: copy it first (cheap) to keep the original.
    pub fn with_page_body(mut self, id: PageId, source: Page, rendered: Rendered) -> Portal {
        if let Some(slot) = self.pages.get_mut(id.index()) {
            let mut page = PortalPage::clone(slot);
            page.stats = rendered.stats;
            page.summary = summary_of(&source, &rendered);
            page.source = source;
            page.rendered = rendered;
            *slot = Arc::new(page);
        }
        self
    }

    /// The page with content key `key` (`news/x.md`).
    pub fn page_by_key(&self, key: &str) -> Option<&PortalPage> {
        self.page_keys
            .get(key.trim_start_matches("@/"))
            .map(|id| self.page(*id))
    }

    /// The taxonomy declared as `name` in the config (`tags`).
    pub fn taxonomy_named(&self, name: &str) -> Option<&Taxonomy> {
        self.taxonomies.iter().find(|t| t.config.name == name)
    }

    /// The section with content key `key` (`news/_index.md`).
    pub fn section_by_key(&self, key: &str) -> Option<&PortalSection> {
        self.section_keys
            .get(key.trim_start_matches("@/"))
            .map(|id| self.section(*id))
    }

    /// A page by id.
    pub fn page(&self, id: PageId) -> &PortalPage {
        &self.pages[id.index()]
    }

    /// A section by id.
    pub fn section(&self, id: SectionId) -> &PortalSection {
        &self.sections[id.index()]
    }

    /// The home section.
    pub fn home(&self) -> &PortalSection {
        self.section_by_key("_index.md")
            .unwrap_or(&self.sections[0])
    }

    /// Sections from the home down to (not including) `id`.
    pub fn ancestors(&self, mut id: SectionId) -> Vec<SectionId> {
        let mut chain = Vec::new();
        while let Some(parent) = self.section(id).parent {
            chain.push(parent);
            id = parent;
        }
        chain.reverse();
        chain
    }

    /// The pages written to the output: all but those with `render = false`.
    pub fn rendered_pages(&self) -> impl Iterator<Item = &PortalPage> {
        self.pages
            .iter()
            .map(AsRef::as_ref)
            .filter(|p| p.source.meta.render)
    }

    /// Every listed page, newest first (pages without a date last), for site feeds.
    pub fn pages_by_date(&self) -> Vec<PageId> {
        let mut ids: Vec<PageId> = self
            .pages
            .iter()
            .filter(|p| p.listed)
            .map(|p| p.id)
            .collect();
        nav::sort_pages(self, &mut ids, crate::content::meta::SortBy::Date);
        ids
    }
}

fn index_u32(i: usize) -> u32 {
    u32::try_from(i).expect("a site has fewer than 4 billion pages")
}

fn new_page(
    id: PageId,
    source: Page,
    url: Url,
    rendered: Rendered,
    section_keys: &HashMap<String, SectionId>,
    config: &Config,
    now: DateTime<Utc>,
) -> (PortalPage, Vec<Diagnostic>) {
    let zone = config.timezone;
    let date = page_date(&source).map(|d| d.in_zone(zone));
    let updated = source.meta.updated.as_ref().map(|d| d.in_zone(zone));
    // A page with `render = false` is reached only through `get_page`, as in Zola.
    let listed = source.meta.render && !schedule::has_expired(&source, now, zone);
    let pin = placement::active_pin(&source, now, zone);
    let headline = placement::is_headline(&source, now, zone);
    let section = section_keys
        .get(&source.section)
        .copied()
        .unwrap_or(SectionId(0));
    let stats = rendered.stats;
    let summary = summary_of(&source, &rendered);
    let (attachments, problems) = attachments::resolve(&source, &url, config);
    let page = PortalPage {
        id,
        source,
        url,
        section,
        date,
        updated,
        listed,
        rendered,
        summary,
        attachments,
        stats,
        pin,
        headline,
        lower: None,
        higher: None,
    };
    (page, problems)
}

/// A page's HTML summary: the front matter's `summary` (escaped), else Markdown's.
fn summary_of(source: &Page, rendered: &Rendered) -> String {
    match &source.meta.summary {
        Some(text) => format!("<p>{}</p>", crate::html_text::escape(text)),
        None => rendered.summary_html.clone(),
    }
}

/// A page's `date`, else the date of its `YYYY-MM-DD-` file name, as written.
pub fn page_date(page: &Page) -> Option<Date> {
    page.meta
        .date
        .clone()
        .or_else(|| date_from_filename(&page.stem).map(|(d, _)| d))
}
