//! What templates see: views that borrow from the portal and use Zola's field names.
//! Site-wide values are serialised once per build; a page's summary (everything but
//! its content) and a section without its pages are serialised once and reused by every
//! list, pager and lookup.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use tera::Value;

use crate::markdown::Heading;
use crate::portal::{PageId, Portal, PortalPage, PortalSection, SectionId, Taxonomy, Term};

/// The serialised views of one build, shared by the renderer and the template functions.
pub struct Views {
    /// The model.
    pub portal: Arc<Portal>,
    /// `config` as templates see it.
    pub config: Value,
    /// Whether listed pages carry their full `content`.
    lists_need_content: bool,
    summaries: Vec<OnceLock<Value>>,
    /// Sections without their pages (`get_section(…, metadata_only=true)`, asked for by
    /// every page of the demo theme for its column and navigation), made once.
    section_metadata: Vec<OnceLock<Value>>,
    /// In digest mode (see [`Views::for_digest`]) pages are stood in for by tokens.
    digest: bool,
    /// The only fields listed pages need (see [`Theme::words`]); all when `None`.
    ///
    /// [`Theme::words`]: super::Theme::words
    listed_fields: Option<Arc<HashSet<String>>>,
}

/// Which pages a section's view lists in `pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionPages {
    /// None (`metadata_only=true`, a paginated section's pagers).
    None,
    /// Every page, in the section's order.
    All,
    /// The first pages only, in the section's order (`get_section(…, limit=6)`): a
    /// home page showing six news items of a section of thousands clones six summaries
    /// instead of every one.
    First(usize),
}

impl Views {
    /// Prepares the (lazily filled) caches for `portal`.
    pub fn new(portal: Arc<Portal>, lists_need_content: bool) -> Views {
        let config = config_value(&portal.config);
        let summaries = (0..portal.pages.len()).map(|_| OnceLock::new()).collect();
        let section_metadata = (0..portal.sections.len())
            .map(|_| OnceLock::new())
            .collect();
        Views {
            portal,
            config,
            lists_need_content,
            summaries,
            section_metadata,
            digest: false,
            listed_fields: None,
        }
    }

    /// Leaves out of listed pages every field not named in `words`.
    pub fn listing_only(self, words: Option<Arc<HashSet<String>>>) -> Views {
        Views {
            listed_fields: words,
            ..self
        }
    }

    /// Views whose pages are short tokens carrying a digest of everything the page's
    /// view holds (neighbours, summary, content …), for fingerprinting render jobs
    /// cheaply: a context built from these views changes exactly when the real one would.
    pub fn for_digest(portal: Arc<Portal>, lists_need_content: bool) -> Views {
        Views {
            digest: true,
            ..Views::new(portal, lists_need_content)
        }
    }

    fn page_token(&self, id: PageId, kind: &str) -> Value {
        let digest = *self.summaries[id.index()]
            .get_or_init(|| {
                let view = PageView::new(&self.portal, self.portal.page(id), true, &|_| true);
                // What the portal adds to a page (region, org, series, related …).
                let mut extension = Value::Object(serde_json::Map::new());
                super::portal_view::extend_page(self, id, &mut extension, true);
                let parts = [
                    crate::fingerprint::digest_of(&view),
                    crate::fingerprint::digest_of(&extension),
                ];
                Value::from(crate::fingerprint::digest_parts(&[&parts]))
            })
            .as_u64()
            .get_or_insert(0);
        Value::String(format!("{kind}{}:{digest:016x}", id.0))
    }

    /// A page as lists show it (no `content` unless a template needs it).
    pub fn page_summary(&self, id: PageId) -> Value {
        if self.digest {
            return self.page_token(id, "page-summary:");
        }
        self.summaries[id.index()]
            .get_or_init(|| {
                let wants = |field: &str| {
                    self.listed_fields
                        .as_ref()
                        .is_none_or(|fields| fields.contains(field))
                };
                let mut value = to_value(&PageView::new(
                    &self.portal,
                    self.portal.page(id),
                    self.lists_need_content,
                    &wants,
                ));
                super::portal_view::extend_page(self, id, &mut value, false);
                if let (Some(keep), Value::Object(fields)) = (&self.listed_fields, &mut value) {
                    fields.retain(|name, _| keep.contains(name));
                }
                value
            })
            .clone()
    }

    /// A page with its full content, for its own template.
    pub fn page_full(&self, id: PageId) -> Value {
        if self.digest {
            return self.page_token(id, "page-full:");
        }
        let page = self.portal.page(id);
        let mut value = to_value(&PageView::new(&self.portal, page, true, &|_| true));
        super::portal_view::extend_page(self, id, &mut value, true);
        value
    }

    /// Summaries of `ids`.
    pub fn page_list(&self, ids: &[PageId]) -> Value {
        Value::Array(ids.iter().map(|id| self.page_summary(*id)).collect())
    }

    /// A section with the summaries of the pages `pages` asks for. Only a section
    /// without its pages is cached: handing out a cached copy of one with pages would
    /// cost as much as building it from the cached summaries, and the cache would hold a
    /// copy of every large section for the whole render.
    pub fn section(&self, id: SectionId, pages: SectionPages) -> Value {
        if let SectionPages::None = pages {
            return self.section_metadata[id.index()]
                .get_or_init(|| self.section_value(id, SectionPages::None))
                .clone();
        }
        self.section_value(id, pages)
    }

    fn section_value(&self, id: SectionId, pages: SectionPages) -> Value {
        let section = self.portal.section(id);
        let mut value = to_value(&SectionView::new(&self.portal, section));
        if let Value::Object(map) = &mut value {
            let listed = match pages {
                SectionPages::None => &[][..],
                SectionPages::All => &section.pages[..],
                SectionPages::First(limit) => &section.pages[..limit.min(section.pages.len())],
            };
            map.insert("pages".into(), self.page_list(listed));
            // 头条 of the section (and of those below it); the home's is the site's.
            let headline = crate::portal::placement::headline_of(&self.portal, id)
                .map_or(Value::Null, |page| self.page_summary(page));
            map.insert("headline".into(), headline);
            if id == self.portal.home().id {
                map.insert("photos".into(), self.page_list(&self.portal.photo_news));
            }
        }
        value
    }

    /// A taxonomy's own fields (`name`, `paginate_by`, …) without its terms.
    pub fn taxonomy(&self, taxonomy: &Taxonomy) -> Value {
        serde_json::json!({
            "name": taxonomy.config.name,
            "slug": taxonomy.slug,
            "paginate_by": taxonomy.config.paginate_by,
            "paginate_path": taxonomy.config.paginate_path,
            "feed": taxonomy.config.feed,
            "permalink": taxonomy.permalink,
            "path": taxonomy.path,
        })
    }

    /// A term; with `pages`, its pages' summaries.
    pub fn term(&self, term: &Term, pages: bool) -> Value {
        let mut value = serde_json::json!({
            "name": term.name,
            "slug": term.slug,
            "path": term.path,
            "permalink": term.permalink,
            "page_count": term.pages.len(),
        });
        let pages = if pages {
            self.page_list(&term.pages)
        } else {
            Value::Array(Vec::new())
        };
        put(&mut value, "pages", pages);
        value
    }
}

/// Sets `key` of the object `value` to `field`, moved in. `json!` would serialise a
/// deep copy of an already built value (a list of summaries, say) instead.
pub(super) fn put(value: &mut Value, key: &str, field: Value) {
    if let Value::Object(map) = value {
        map.insert(key.to_owned(), field);
    }
}

fn to_value<T: Serialize>(view: &T) -> Value {
    serde_json::to_value(view).unwrap_or(Value::Null)
}

/// `config` as templates (and shortcodes) see it.
pub fn config_value(c: &crate::config::Config) -> Value {
    let taxonomies: Vec<Value> = c
        .taxonomies
        .iter()
        .map(
            |t| serde_json::json!({ "name": t.name, "paginate_by": t.paginate_by, "feed": t.feed }),
        )
        .collect();
    serde_json::json!({
        "base_url": c.base_url,
        "title": c.title,
        "description": c.description,
        "author": c.author,
        "default_language": c.default_language,
        "theme": c.theme,
        "build_search_index": c.build_search_index,
        "generate_feeds": c.generate_feeds,
        "traditional": c.traditional,
        "generate_sitemap": c.generate_sitemap,
        "feed_filenames": c.feed_filenames,
        "taxonomies": taxonomies,
        "extra": c.extra,
    })
}

/// A neighbour in a section: enough to link to it.
#[derive(Serialize)]
struct Neighbour<'a> {
    title: &'a str,
    permalink: &'a str,
    path: &'a str,
    date: Option<&'a str>,
}

impl<'a> Neighbour<'a> {
    fn new(page: &'a PortalPage) -> Neighbour<'a> {
        Neighbour {
            title: &page.source.meta.title,
            permalink: &page.url.permalink,
            path: &page.url.path,
            date: page.date.as_ref().map(|d| d.text.as_str()),
        }
    }
}

/// An attachment (附件) as templates show it.
#[derive(Serialize)]
struct AttachmentView<'a> {
    name: &'a str,
    title: &'a str,
    url: &'a str,
    size: Option<String>,
    size_bytes: Option<u64>,
    ext: &'a str,
}

/// A page with Zola's field names plus menhu's (作者, 来源, 责任编辑 …).
/// `page.reprint`: the origin of a page reprinted (转载) from another member site.
#[derive(Serialize)]
struct ReprintView<'a> {
    /// The page on its origin site (`<link rel="canonical">`).
    canonical: &'a str,
    /// The origin site's name in the network.
    site: &'a str,
    /// The originating association (来源).
    association: &'a str,
    /// The origin site's home page.
    site_url: &'a str,
}

#[derive(Serialize)]
struct PageView<'a> {
    relative_path: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<Cow<'a, str>>,
    permalink: &'a str,
    path: &'a str,
    slug: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    components: Option<Vec<&'a str>>,
    date: Option<&'a str>,
    updated: Option<&'a str>,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    draft: bool,
    weight: Option<i64>,
    lang: &'a str,
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    authors: Option<&'a [String]>,
    editor: Option<&'a str>,
    source: Option<&'a str>,
    /// On a page reprinted from another member site of a network: where it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    reprint: Option<ReprintView<'a>>,
    city: Option<&'a str>,
    region: Option<&'a str>,
    org: Option<&'a str>,
    series: Option<&'a str>,
    series_index: Option<u32>,
    kind: Option<&'a str>,
    cover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover_image: Option<Value>,
    /// 置顶: the pin's rank while it holds.
    pin: Option<u32>,
    /// 头条 now.
    headline: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    taxonomies: Option<&'a BTreeMap<String, Vec<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<&'a serde_json::Map<String, Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    toc: Option<&'a [Heading]>,
    word_count: usize,
    char_count: usize,
    reading_time: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    lower: Option<Option<Neighbour<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    higher: Option<Option<Neighbour<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assets: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attachments: Option<Vec<AttachmentView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ancestors: Option<Vec<&'a str>>,
    in_search_index: bool,
    translations: [(); 0],
}

impl<'a> PageView<'a> {
    /// The view of `page`; fields for which `wants` is false are left out (computed
    /// lazily, since building a list entry's unused fields was a large cost).
    fn new(
        portal: &'a Portal,
        page: &'a PortalPage,
        with_content: bool,
        wants: &dyn Fn(&str) -> bool,
    ) -> PageView<'a> {
        let meta = &page.source.meta;
        let want = |name: &str| wants(name).then_some(());
        let date = page.date.as_ref().map(|d| d.day());
        use chrono::Datelike;
        let photos = |html: &'a str| super::photos::responsive_html(portal, page, html);
        let cover = meta
            .cover
            .as_deref()
            .map(|c| resolve_relative(&page.url.permalink, c, &portal.config.base_url));
        PageView {
            relative_path: &page.source.key,
            title: &meta.title,
            description: meta.description.as_deref(),
            summary: want("summary").map(|()| photos(&page.summary)),
            content: with_content.then(|| photos(&page.rendered.html)),
            permalink: &page.url.permalink,
            path: &page.url.path,
            slug: &page.url.slug,
            components: want("components")
                .map(|()| page.url.path.split('/').filter(|s| !s.is_empty()).collect()),
            date: page.date.as_ref().map(|d| d.text.as_str()),
            updated: page.updated.as_ref().map(|d| d.text.as_str()),
            year: date.map(|d| d.year()),
            month: date.map(|d| d.month()),
            day: date.map(|d| d.day()),
            draft: meta.draft,
            weight: meta.weight,
            lang: meta
                .lang
                .as_deref()
                .unwrap_or(&portal.config.default_language),
            author: meta.author.as_deref(),
            authors: want("authors").map(|()| meta.authors.as_slice()),
            editor: meta.editor.as_deref(),
            source: meta.source.as_deref(),
            reprint: meta.reprint.as_ref().map(|r| ReprintView {
                canonical: &r.canonical,
                site: &r.site,
                association: &r.association,
                site_url: &r.site_url,
            }),
            city: meta.city.as_ref().map(|c| c.value.as_str()),
            region: meta.region.as_ref().map(|c| c.value.as_str()),
            org: meta.org.as_ref().map(|c| c.value.as_str()),
            series: meta.series.as_ref().map(|c| c.value.as_str()),
            series_index: meta.series_index.as_ref().map(|c| c.value),
            kind: meta.kind.as_deref(),
            cover_image: want("cover_image")
                .and(cover.as_deref())
                .map(|url| super::photos::cover_value(portal, page, url)),
            cover,
            pin: page.pin,
            headline: page.headline,
            taxonomies: want("taxonomies").map(|()| &meta.taxonomies),
            extra: want("extra").map(|()| &meta.extra),
            toc: want("toc").map(|()| page.rendered.toc.as_slice()),
            word_count: page.stats.char_count,
            char_count: page.stats.char_count,
            reading_time: page.stats.reading_minutes,
            lower: want("lower").map(|()| page.lower.map(|id| Neighbour::new(portal.page(id)))),
            higher: want("higher").map(|()| page.higher.map(|id| Neighbour::new(portal.page(id)))),
            assets: want("assets").map(|()| {
                page.source
                    .assets
                    .iter()
                    .map(|a| format!("{}{}", page.url.permalink, a.relative))
                    .collect()
            }),
            attachments: want("attachments").map(|()| {
                page.attachments
                    .iter()
                    .map(|a| AttachmentView {
                        name: &a.name,
                        title: &a.title,
                        url: &a.url,
                        size: a.size.map(human_size),
                        size_bytes: a.size,
                        ext: &a.ext,
                    })
                    .collect()
            }),
            ancestors: want("ancestors").map(|()| {
                portal
                    .ancestors(page.section)
                    .into_iter()
                    .chain([page.section])
                    .map(|id| portal.section(id).source.key.as_str())
                    .collect()
            }),
            in_search_index: meta.in_search_index,
            translations: [],
        }
    }
}

/// `24.5 KB`-style sizes, as 附件 lists show them.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{size:.1} {}", UNITS[unit])
    }
}

/// A URL written in front matter: absolute and site-absolute ones are kept (the latter
/// prefixed with `base_url`); a relative one is relative to the page.
pub fn resolve_relative(page_permalink: &str, url: &str, base_url: &str) -> String {
    if url.contains("://") {
        url.to_owned()
    } else if let Some(rest) = url.strip_prefix('/') {
        format!("{base_url}/{rest}")
    } else {
        format!("{page_permalink}{url}")
    }
}

/// A section with Zola's field names; `pages` is added by [`Views::section`].
#[derive(Serialize)]
struct SectionView<'a> {
    relative_path: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    content: &'a str,
    permalink: &'a str,
    path: &'a str,
    components: Vec<&'a str>,
    subsections: Vec<&'a str>,
    ancestors: Vec<&'a str>,
    extra: &'a serde_json::Map<String, Value>,
    toc: &'a [Heading],
    word_count: usize,
    reading_time: u32,
    page_count: usize,
    lang: &'a str,
    draft: bool,
    assets: Vec<String>,
}

impl<'a> SectionView<'a> {
    fn new(portal: &'a Portal, section: &'a PortalSection) -> SectionView<'a> {
        let stats = section.rendered.stats;
        SectionView {
            relative_path: &section.source.key,
            title: &section.source.meta.title,
            description: section.source.meta.description.as_deref(),
            content: &section.rendered.html,
            permalink: &section.url.permalink,
            path: &section.url.path,
            components: section
                .url
                .path
                .split('/')
                .filter(|s| !s.is_empty())
                .collect(),
            subsections: section
                .subsections
                .iter()
                .map(|id| portal.section(*id).source.key.as_str())
                .collect(),
            ancestors: portal
                .ancestors(section.id)
                .into_iter()
                .map(|id| portal.section(id).source.key.as_str())
                .collect(),
            extra: &section.source.meta.extra,
            toc: &section.rendered.toc,
            word_count: stats.char_count,
            reading_time: stats.reading_minutes,
            page_count: section.pages.len(),
            lang: section
                .source
                .meta
                .lang
                .as_deref()
                .unwrap_or(&portal.config.default_language),
            draft: section.source.meta.draft,
            assets: section
                .source
                .assets
                .iter()
                .map(|a| format!("{}{}", section.url.permalink, a.relative))
                .collect(),
        }
    }
}
