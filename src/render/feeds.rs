//! Machine-readable outputs: RSS 2.0 and Atom feeds (site, sections, taxonomy terms),
//! sitemap.xml and robots.txt. Written as text directly: their formats are fixed and
//! small, and a template would only add a way to get them wrong.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use crate::output::Output;
use crate::portal::{PageId, Portal, PortalPage, PortalSection, Taxonomy, Term};

/// Items per feed: readers want recent news, not a portal's whole archive.
const FEED_ITEMS: usize = 20;

/// What a feed lists.
#[derive(Clone, Copy)]
pub(crate) enum FeedOf<'a> {
    /// The whole site, newest first.
    Site,
    /// A section other than the home page.
    Section(&'a PortalSection),
    /// A taxonomy term (of a taxonomy with `feed = true`).
    Term(&'a Taxonomy, &'a Term),
}

impl FeedOf<'_> {
    /// The folder its files go in, relative to the output (`` for the site's).
    pub(crate) fn folder(&self) -> &str {
        match self {
            FeedOf::Site => "",
            FeedOf::Section(section) => section.url.path.trim_start_matches('/'),
            FeedOf::Term(_, term) => term.path.trim_start_matches('/'),
        }
    }
}

/// Every list that gets a feed, as the config asks.
pub(crate) fn feeds_of(portal: &Portal) -> Vec<FeedOf<'_>> {
    let config = &portal.config;
    let mut lists = Vec::new();
    if config.generate_feeds {
        lists.push(FeedOf::Site);
    }
    // Zola sites opt sections in one by one; menhu sites give every section a feed.
    let every_section =
        config.generate_feeds && config.file != std::path::Path::new(crate::config::ZOLA_FILE_NAME);
    lists.extend(
        portal
            .sections
            .iter()
            .filter(|s| s.source.key != "_index.md")
            .filter(|s| every_section || s.source.meta.generate_feeds)
            .map(FeedOf::Section),
    );
    for taxonomy in portal.taxonomies.iter().filter(|t| t.config.feed) {
        lists.extend(
            taxonomy
                .terms
                .iter()
                .map(|term| FeedOf::Term(taxonomy, term)),
        );
    }
    lists
}

/// Every feed and robots.txt, as the config asks.
pub(crate) fn render_feeds(portal: &Portal, undated: &UndatedFeeds) -> Vec<Output> {
    let mut outputs = Vec::new();
    let config = &portal.config;
    for list in feeds_of(portal) {
        // The site's feed links to the home page, as `{base_url}/` like every link to
        // it, which the Traditional copy moves to its own home page.
        let (title, link, ids) = match list {
            FeedOf::Site => (
                config.title.clone(),
                Cow::Owned(format!("{}/", config.base_url)),
                Cow::Owned(portal.pages_by_date()),
            ),
            FeedOf::Section(section) => (
                format!("{} - {}", section.source.meta.title, config.title),
                Cow::Borrowed(section.url.permalink.as_str()),
                Cow::Borrowed(section.pages.as_slice()),
            ),
            FeedOf::Term(_, term) => (
                format!("{} - {}", term.name, config.title),
                Cow::Borrowed(term.permalink.as_str()),
                Cow::Borrowed(term.pages.as_slice()),
            ),
        };
        outputs.extend(feed_files(
            portal,
            undated,
            list.folder(),
            &title,
            &link,
            &ids,
        ));
    }
    if config.generate_robots_txt {
        let robots = format!(
            "User-agent: *\nDisallow:\nAllow: /\nSitemap: {}/sitemap.xml\n",
            config.base_url
        );
        outputs.push(Output {
            path: ROBOTS_TXT.into(),
            body: robots.into_bytes(),
        });
    }
    outputs
}

/// The output path of `robots.txt`.
pub(crate) const ROBOTS_TXT: &str = "robots.txt";
/// The output path of the sitemap.
pub(crate) const SITEMAP_XML: &str = "sitemap.xml";

/// The feed files of a list in `dir` (`news/` or `` for the site), one per feed file
/// name the config gives whose name says its format (`atom…`, `rss…`).
pub(crate) fn feed_paths<'a>(
    portal: &'a Portal,
    dir: &'a str,
) -> impl Iterator<Item = (String, bool)> + 'a {
    let dir = dir.trim_start_matches('/');
    portal.config.feed_filenames.iter().filter_map(move |name| {
        let is_atom = name.contains("atom");
        (is_atom || name.contains("rss")).then(|| (format!("{dir}{name}"), is_atom))
    })
}

/// When a feed none of whose pages has a date (an organization directory's) says it was
/// updated: when the site last was, its newest page's `updated` (else `date`). Not the
/// build's now, which would change the feed in every build, so that an hourly publish
/// with nothing new would upload it again and feed readers would see it updated.
pub(crate) struct UndatedFeeds(DateTime<FixedOffset>);

impl UndatedFeeds {
    pub(crate) fn of(portal: &Portal) -> UndatedFeeds {
        let pages = portal.pages.iter().map(|page| &**page);
        UndatedFeeds(newest_date(pages).unwrap_or_else(|| {
            // A site with no dated page at all: nothing steadier to say.
            portal
                .now
                .with_timezone(&portal.config.timezone)
                .fixed_offset()
        }))
    }
}

pub(crate) fn feed_files(
    portal: &Portal,
    undated: &UndatedFeeds,
    dir: &str,
    title: &str,
    link: &str,
    ids: &[PageId],
) -> Vec<Output> {
    let items: Vec<PageId> = ids
        .iter()
        .copied()
        .filter(|id| portal.page(*id).listed)
        .take(FEED_ITEMS)
        .collect();
    let base = &portal.config.base_url;
    let updated = newest(portal, &items, undated);
    feed_paths(portal, dir)
        .map(|(path, is_atom)| {
            let feed = Feed {
                title,
                link,
                self_url: format!("{base}/{path}"),
                items: &items,
                updated,
            };
            let body = if is_atom {
                atom(portal, &feed)
            } else {
                rss(portal, &feed)
            };
            Output {
                path,
                body: body.into_bytes(),
            }
        })
        .collect()
}

/// Text escaped for XML; control characters, which XML 1.0 forbids, are dropped.
fn xml(text: &str) -> String {
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        let allowed: String = text
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect();
        return crate::html_text::escape(&allowed);
    }
    crate::html_text::escape(text)
}

/// The newest `updated` (else `date`) of the pages, on the site's clock; the site's
/// when none has a date.
fn newest(portal: &Portal, ids: &[PageId], undated: &UndatedFeeds) -> DateTime<FixedOffset> {
    newest_date(ids.iter().map(|id| portal.page(*id))).unwrap_or(undated.0)
}

fn newest_date<'a>(pages: impl Iterator<Item = &'a PortalPage>) -> Option<DateTime<FixedOffset>> {
    pages
        .filter_map(|page| {
            page.updated
                .as_ref()
                .or(page.date.as_ref())
                .map(|d| d.local)
        })
        .max()
}

/// What one feed says, in either format.
struct Feed<'a> {
    title: &'a str,
    /// The page the feed is of.
    link: &'a str,
    /// The feed's own address.
    self_url: String,
    items: &'a [PageId],
    /// The newest update of its pages; the site's for a feed of undated pages.
    updated: DateTime<FixedOffset>,
}

fn rss(portal: &Portal, feed: &Feed<'_>) -> String {
    let Feed {
        title,
        link,
        ref self_url,
        items: ids,
        updated,
    } = *feed;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n",
    );
    let _ = writeln!(
        out,
        "<title>{}</title>\n<link>{}</link>",
        xml(title),
        xml(link)
    );
    let _ = writeln!(
        out,
        "<description>{}</description>",
        xml(portal.config.description.as_deref().unwrap_or(title))
    );
    let _ = writeln!(
        out,
        "<language>{}</language>",
        xml(&portal.config.default_language)
    );
    let _ = writeln!(
        out,
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>",
        xml(self_url)
    );
    let _ = writeln!(
        out,
        "<lastBuildDate>{}</lastBuildDate>",
        updated.to_rfc2822()
    );
    for id in ids {
        let page = portal.page(*id);
        let meta = &page.source.meta;
        out.push_str("<item>\n");
        let _ = writeln!(
            out,
            "<title>{}</title>\n<link>{}</link>",
            xml(&meta.title),
            xml(&page.url.permalink)
        );
        let _ = writeln!(out, "<guid>{}</guid>", xml(&page.url.permalink));
        if let Some(date) = &page.date {
            let _ = writeln!(out, "<pubDate>{}</pubDate>", date.local.to_rfc2822());
        }
        if let Some(author) = meta.author.as_deref().or(meta.source.as_deref()) {
            let _ = writeln!(
                out,
                "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">{}</dc:creator>",
                xml(author)
            );
        }
        let _ = writeln!(out, "<description>{}</description>", xml(&page.summary));
        out.push_str("</item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

fn atom(portal: &Portal, feed: &Feed<'_>) -> String {
    let Feed {
        title,
        link,
        ref self_url,
        items: ids,
        updated: feed_updated,
    } = *feed;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        xml(&portal.config.default_language)
    );
    let _ = writeln!(out, "<title>{}</title>", xml(title));
    let _ = writeln!(
        out,
        "<link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>",
        xml(self_url)
    );
    let _ = writeln!(out, "<link href=\"{}\"/>", xml(link));
    let _ = writeln!(
        out,
        "<updated>{}</updated>\n<id>{}</id>",
        feed_updated.to_rfc3339(),
        xml(self_url)
    );
    for id in ids {
        let page = portal.page(*id);
        let meta = &page.source.meta;
        let published = page.date.as_ref().map(|d| d.local);
        let updated = page
            .updated
            .as_ref()
            .map(|d| d.local)
            .or(published)
            .unwrap_or(feed_updated);
        out.push_str("<entry>\n");
        let _ = writeln!(out, "<title>{}</title>", xml(&meta.title));
        if let Some(published) = published {
            let _ = writeln!(out, "<published>{}</published>", published.to_rfc3339());
        }
        let _ = writeln!(out, "<updated>{}</updated>", updated.to_rfc3339());
        let author = meta
            .author
            .as_deref()
            .or(meta.source.as_deref())
            .unwrap_or(&portal.config.title);
        let _ = writeln!(out, "<author><name>{}</name></author>", xml(author));
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" href=\"{}\" type=\"text/html\"/>",
            xml(&page.url.permalink)
        );
        let _ = writeln!(out, "<id>{}</id>", xml(&page.url.permalink));
        let _ = writeln!(
            out,
            "<summary type=\"html\">{}</summary>",
            xml(&page.summary)
        );
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// sitemap.xml listing the given output files (`news/x/index.html`), with each page's
/// `updated` (else `date`) as `lastmod`: its day on the site's clock. Pages reprinted
/// from another member site of a network are left out: search engines index them on
/// their origin site (their `<link rel="canonical">`).
pub fn sitemap<'a>(portal: &Portal, rendered: impl Iterator<Item = &'a str>) -> Output {
    let reprints: std::collections::HashSet<String> = portal
        .pages
        .iter()
        .filter(|p| p.source.meta.reprint.is_some())
        .map(|p| p.url.output_file())
        .collect();
    let dates: HashMap<String, String> = portal
        .pages
        .iter()
        .filter_map(|p| {
            let date = p.updated.as_ref().or(p.date.as_ref())?;
            Some((p.url.output_file(), date.day().to_string()))
        })
        .collect();
    let mut entries: Vec<(String, Option<String>)> = rendered
        .filter(|path| path.ends_with(".html") && !reprints.contains(*path))
        .map(|path| {
            let url_path = path.strip_suffix("index.html").unwrap_or(path);
            (
                format!("{}/{url_path}", portal.config.base_url),
                dates.get(path).cloned(),
            )
        })
        .collect();
    entries.sort();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, lastmod) in entries {
        let _ = write!(out, "<url><loc>{}</loc>", xml(&loc));
        if let Some(lastmod) = lastmod {
            let _ = write!(out, "<lastmod>{lastmod}</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    Output {
        path: SITEMAP_XML.into(),
        body: out.into_bytes(),
    }
}
