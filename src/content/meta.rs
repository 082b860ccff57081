//! Typed front matter of pages and sections: the raw serde mirrors (see `raw`) checked
//! into `PageMeta` / `SectionMeta`. Unknown keys are warnings (a Zola site's content must
//! build unchanged); wrong types, bad syntax and impossible dates are errors, each with
//! its place in the file.

use std::collections::BTreeMap;
use std::path::Path;

use super::front_matter::Format;
use super::parse::{self, Front};
use super::places::FrontMatterSpans;
use super::raw::{self, RawPageMeta, RawPin, RawSectionMeta, RawText, StringList};
use crate::diag::text::Said;
use crate::diag::{Diagnostic, Span};
use crate::images::{FOCUS_NAMES, Focus};
use crate::url_scheme::{self, Field};

pub use super::date::{Date, date_from_filename};

/// What a date must look like, in messages.
/// The fix for a date that cannot be read: the date to write, when it is a day written
/// by hand (`2026年12月7日` → `2026-12-07`), else how dates are written.
pub(crate) fn bad_date_help(written: &str) -> crate::diag::text::Said {
    match Date::corrected(written) {
        Some(fixed) => crate::t!("content-bad-date.help-corrected", fixed = fixed),
        None => crate::t!("content-bad-date.help"),
    }
}

pub use crate::diag::Located;

/// A file shown as 附件 under a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Path as written, usually relative to the page bundle.
    pub path: String,
    /// Text shown instead of the file name (`报名表`).
    pub title: Option<String>,
}

/// 头条, 置顶 and 图片新闻: how prominently a page is shown, and until when.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement {
    /// 头条: the lead of the home page and of its section.
    pub headline: bool,
    /// The page stops being the headline after this date.
    pub headline_until: Option<Located<Date>>,
    /// 置顶: first in the lists of its section; pinned pages in rank order (1 first).
    pub pin: Option<Located<u32>>,
    /// The pin lapses after this date.
    pub pin_until: Option<Date>,
    /// 图片新闻: `Some(true)` asked for, `Some(false)` refused; `None` follows the
    /// cover (a page with a cover is photo news).
    pub photo: Option<bool>,
}

/// The fields of an organization page (`kind = "org"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgFields {
    /// national, province, city, county, township, society, enterprise, park, university.
    pub level: Option<Located<String>>,
    /// The parent organization (上级组织), by title or slug.
    pub parent: Option<Located<String>>,
    /// 地址.
    pub address: Option<String>,
    /// 电话.
    pub phone: Option<String>,
    /// 网址.
    pub website: Option<String>,
    /// 主席 / 理事长.
    pub chair: Option<String>,
    /// 成立时间, as written.
    pub founded: Option<String>,
    /// 会员数.
    pub members: Option<u64>,
}

/// Where a reprinted page (转载) comes from: the page on its origin site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reprint {
    /// The page's address on the origin site: the reprint's `<link rel="canonical">`.
    pub canonical: String,
    /// The origin site's name in the network (`wuzhou`).
    pub site: String,
    /// The originating association (来源): `梧州市科学技术协会`.
    pub association: String,
    /// The origin site's home page.
    pub site_url: String,
}

/// A page's checked front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    /// 标题 (required).
    pub title: String,
    /// Zola `description`.
    pub description: Option<String>,
    /// 摘要 shown in lists.
    pub summary: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// The page leaves lists and search after this date.
    pub expires: Option<Date>,
    /// URL slug instead of the file name.
    pub slug: Option<String>,
    /// Zola `path`: the full URL path.
    pub path: Option<String>,
    /// Drafts are built only with `--drafts`.
    pub draft: bool,
    /// 审核状态 of the online editor's review workflow (`draft`, `review`); a page
    /// waiting for review is also a draft (`menhu serve --edit`, `check` lists it).
    pub status: Option<String>,
    /// Order key for `sort_by = "weight"`.
    pub weight: Option<i64>,
    /// Template instead of the section's page template.
    pub template: Option<String>,
    /// Old URLs that redirect here.
    pub aliases: Vec<String>,
    /// 报送: the member sites of a network the page also appears on (`"province"`,
    /// `"guangxi"`, `"广西科协"`), each where it is written; resolved by the network.
    pub push: Vec<Located<String>>,
    /// Set by a network build (never by front matter) on a page reprinted (转载) here
    /// from another member site.
    pub reprint: Option<Reprint>,
    /// Language code, when the page says.
    pub lang: Option<String>,
    /// Whether the page goes into the search index (default true).
    pub in_search_index: bool,
    /// Zola's `render`: `false` writes no file for the page (nor its aliases and
    /// assets) and keeps it out of every list; templates still reach it with
    /// `get_page`.
    pub render: bool,
    /// 作者.
    pub author: Option<String>,
    /// Zola `authors`.
    pub authors: Vec<String>,
    /// 责任编辑.
    pub editor: Option<String>,
    /// 来源.
    pub source: Option<String>,
    /// City where it happened, resolved later.
    pub city: Option<Located<String>>,
    /// Region (province/city/county) where it happened, resolved later.
    pub region: Option<Located<String>>,
    /// The organization the page is about, resolved later.
    pub org: Option<Located<String>>,
    /// Series name (科协改革进行时·地方篇).
    pub series: Option<Located<String>>,
    /// Number within the series.
    pub series_index: Option<Located<u32>>,
    /// 附件.
    pub attachments: Vec<Located<Attachment>>,
    /// Lead image.
    pub cover: Option<String>,
    /// The part of the cover kept when it is cropped (thumbnails, shared links).
    pub cover_focus: Focus,
    /// Text for the cover where it is shown without the title beside it.
    pub cover_alt: Option<String>,
    /// The line shown under the cover on its page (图片说明).
    pub cover_caption: Option<String>,
    /// 头条, 置顶, 图片新闻.
    pub placement: Placement,
    /// Taxonomy name → terms: top-level `tags`/`categories` merged with `[taxonomies]`,
    /// terms in written order, duplicates removed.
    pub taxonomies: BTreeMap<String, Vec<String>>,
    /// `[extra]`, as written (TOML datetimes as text).
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// `"org"` for an organization page.
    pub kind: Option<String>,
    /// Organization fields (meaningful for org pages).
    pub org_fields: OrgFields,
}

/// How a section orders its pages (Zola's `sort_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortBy {
    /// Newest first.
    Date,
    /// By `updated`, newest first.
    UpdateDate,
    /// By `weight`, lightest first.
    Weight,
    /// By title, natural order.
    Title,
    /// By title bytes.
    TitleBytes,
    /// By slug.
    Slug,
    /// As found (Zola's default).
    #[default]
    None,
}

const SORT_BY_NAMES: &[(&str, SortBy)] = &[
    ("date", SortBy::Date),
    ("update_date", SortBy::UpdateDate),
    ("weight", SortBy::Weight),
    ("title", SortBy::Title),
    ("title_bytes", SortBy::TitleBytes),
    ("slug", SortBy::Slug),
    ("none", SortBy::None),
];

const ANCHOR_LINKS: &[&str] = &["left", "right", "heading", "none"];

/// A section's checked front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionMeta {
    /// 栏目 title (may be empty).
    pub title: String,
    /// Zola `description`.
    pub description: Option<String>,
    /// Page order.
    pub sort_by: SortBy,
    /// Order among sibling sections.
    pub weight: i64,
    /// Pages per list page; `None` when not paginated (`0` also means not paginated).
    pub paginate_by: Option<usize>,
    /// Path segment of list pages (`page`).
    pub paginate_path: String,
    /// Reverse the page order in lists.
    pub paginate_reversed: bool,
    /// Heading anchor links: `left`, `right`, `heading` or `none`.
    pub insert_anchor_links: Option<String>,
    /// Template for the section itself.
    pub template: Option<String>,
    /// Template for its pages.
    pub page_template: Option<String>,
    /// Whether the section gets its own page (default true).
    pub render: bool,
    /// URL the section redirects to.
    pub redirect_to: Option<String>,
    /// Pages pass through to the parent section.
    pub transparent: bool,
    /// Drafts are built only with `--drafts`.
    pub draft: bool,
    /// Old URLs that redirect here.
    pub aliases: Vec<String>,
    /// Whether the section has its own feed.
    pub generate_feeds: bool,
    /// Whether the section goes into the search index (default true).
    pub in_search_index: bool,
    /// `"orgs"` for an organization directory.
    pub kind: Option<String>,
    /// Language code, when the section says.
    pub lang: Option<String>,
    /// `[extra]`, as written (TOML datetimes as text).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Checked front matter with the body of the file and the warnings found.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// The front matter.
    pub meta: T,
    /// Everything after the front matter.
    pub body: String,
    /// 1-based line of the file on which the body starts.
    pub body_line: u32,
    /// Warnings (unknown keys…); errors make the whole parse fail instead.
    pub warnings: Vec<Diagnostic>,
}

/// Parses a page: front matter checked into `PageMeta`, body kept as text. On failure all
/// problems found are returned, warnings included.
pub fn parse_page(file: &Path, text: &str) -> Result<Parsed<PageMeta>, Vec<Diagnostic>> {
    parse_page_with(file, text, Titles::Required)
}

/// Whether a page must have a `title`: menhu's sites must; a Zola site's pages need not
/// (Zola leaves the title empty), so its `content/` builds unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Titles {
    /// A page without a title is an error (E0208).
    #[default]
    Required,
    /// A page without a title has an empty one.
    Optional,
}

impl Titles {
    /// The rule of the site `config` configures.
    pub fn of_site(config: &crate::config::Config) -> Titles {
        if config.is_zola_site() {
            Titles::Optional
        } else {
            Titles::Required
        }
    }
}

/// [`parse_page`], with `titles` deciding whether a missing title is an error.
pub fn parse_page_with(
    file: &Path,
    text: &str,
    titles: Titles,
) -> Result<Parsed<PageMeta>, Vec<Diagnostic>> {
    let (raw, front) = parse::front::<RawPageMeta>(file, text, raw::PAGE_KEYS)?;
    let mut check = Checker::new(file, text, &front);
    check.titles = titles;
    let meta = check.page(raw);
    check.finish(meta)
}

/// Parses a section's `_index.md`: front matter checked into `SectionMeta`.
pub fn parse_section(file: &Path, text: &str) -> Result<Parsed<SectionMeta>, Vec<Diagnostic>> {
    let (raw, front) = parse::front::<RawSectionMeta>(file, text, raw::SECTION_KEYS)?;
    let mut check = Checker::new(file, text, &front);
    let meta = check.section(raw);
    check.finish(meta)
}

/// Turns raw values into checked ones, collecting every problem.
struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    format: Option<Format>,
    fence_line: Option<u32>,
    places: &'a FrontMatterSpans,
    front: &'a Front,
    errors: Vec<Diagnostic>,
    /// Problems that leave the page usable (it is still published).
    warnings: Vec<Diagnostic>,
    titles: Titles,
}

impl<'a> Checker<'a> {
    fn new(file: &'a Path, text: &'a str, front: &'a Front) -> Checker<'a> {
        Checker {
            file,
            text,
            format: front.format,
            fence_line: front.fence_line,
            places: &front.places,
            front,
            errors: Vec::new(),
            warnings: Vec::new(),
            titles: Titles::Required,
        }
    }

    fn finish<T>(self, meta: T) -> Result<Parsed<T>, Vec<Diagnostic>> {
        let front = self.front;
        let mut warnings = front.warnings.clone();
        warnings.extend(self.warnings);
        if !self.errors.is_empty() {
            let mut all = self.errors;
            all.append(&mut warnings);
            return Err(all);
        }
        Ok(Parsed {
            meta,
            body: self.text.get(front.body_start..).unwrap_or("").to_owned(),
            body_line: front.body_line,
            warnings,
        })
    }

    fn span(&self, path: &str) -> Option<Span> {
        let range = self.places.value(path)?;
        Some(Span::from_byte_range(self.text, range.start, range.end))
    }

    fn located<T>(&self, path: &str, value: Option<T>) -> Option<Located<T>> {
        value.map(|value| Located::new(value, self.span(path)))
    }

    fn error(&self, code: &'static str, message: impl Into<Said>, path: &str) -> Diagnostic {
        let diagnostic = Diagnostic::error(code, message).in_file(self.file);
        match self.span(path) {
            Some(span) => diagnostic.at(span, self.text),
            None => diagnostic,
        }
    }

    fn date(&mut self, key: &str, raw: Option<RawText>) -> Option<Date> {
        let RawText(text) = raw?;
        let date = Date::parse(&text);
        if date.is_none() {
            let e = self
                .error(
                    "E0207",
                    crate::t!("content-bad-date", value = &text, key = key),
                    key,
                )
                .expected(crate::t!("content-bad-date.expected"))
                .help(crate::content::meta::bad_date_help(&text));
            self.errors.push(e);
        }
        date
    }

    /// An address the theme puts in `href`/`src`, or a path the page is published
    /// under, checked by the one rule for addresses ([`url_scheme`]); a refused one is
    /// an error at the value written at `place` (`aliases.2`, `attachments.0.path`).
    fn address(&mut self, key: &str, place: &str, value: String, field: Field) -> Option<String> {
        match url_scheme::check(&value, field) {
            Ok(_) => Some(value),
            Err(refused) => {
                let e = refused
                    .diagnostic("E0213", key, &value, field)
                    .in_file(self.file);
                let e = match self.span(place) {
                    Some(span) => e.at(span, self.text),
                    None => e,
                };
                self.errors.push(e);
                None
            }
        }
    }

    fn link(&mut self, key: &str, value: Option<String>) -> Option<String> {
        self.address(key, key, value?, Field::Link)
    }

    fn site_path(&mut self, key: &str, value: Option<String>) -> Option<String> {
        self.address(key, key, value?, Field::SitePath)
    }

    /// `push`, each target where it is written.
    fn push(&self, written: Vec<String>) -> Vec<Located<String>> {
        written
            .into_iter()
            .enumerate()
            .map(|(i, target)| {
                let span = self
                    .span(&format!("push.{i}"))
                    .or_else(|| self.span("push"));
                Located::new(target, span)
            })
            .collect()
    }

    /// `aliases`, each a path on the site.
    fn aliases(&mut self, written: Vec<String>) -> Vec<String> {
        written
            .into_iter()
            .enumerate()
            .filter_map(|(i, alias)| {
                self.address("aliases", &format!("aliases.{i}"), alias, Field::SitePath)
            })
            .collect()
    }

    fn attachments(&mut self, written: Vec<raw::RawAttachment>) -> Vec<Located<Attachment>> {
        let mut attachments = Vec::new();
        for (i, a) in written.into_iter().enumerate() {
            let place = format!("attachments.{i}.path");
            let Some(path) = self.address("attachments", &place, a.path, Field::Link) else {
                continue;
            };
            attachments.push(Located {
                value: Attachment {
                    path,
                    title: a.title,
                },
                span: self.span(&format!("attachments.{i}")),
                source_line: None,
            });
        }
        attachments
    }

    fn page(&mut self, raw: RawPageMeta) -> PageMeta {
        let title = self.page_title(raw.title);
        let taxonomies = merge_taxonomies(raw.tags, raw.categories, raw.taxonomies);
        let attachments = self.attachments(raw.attachments.0);
        if raw.photo == Some(true) && raw.cover.is_none() {
            self.photo_without_cover();
        }
        PageMeta {
            title,
            description: raw.description,
            summary: raw.summary,
            date: self.date("date", raw.date),
            updated: self.date("updated", raw.updated),
            expires: self.date("expires", raw.expires),
            slug: self.site_path("slug", raw.slug),
            path: self.site_path("path", raw.path),
            draft: raw.draft,
            status: raw.status,
            weight: raw.weight,
            template: raw.template,
            aliases: self.aliases(raw.aliases.0),
            push: self.push(raw.push.0),
            reprint: None,
            lang: raw.lang,
            in_search_index: raw.in_search_index.unwrap_or(true),
            render: raw.render.unwrap_or(true),
            author: raw.author,
            authors: raw.authors.0,
            editor: raw.editor,
            source: raw.source,
            city: self.located("city", raw.city),
            region: self.located("region", raw.region),
            org: self.located("org", raw.org),
            series: self.located("series", raw.series),
            series_index: self.located("series_index", raw.series_index),
            attachments,
            cover: self.link("cover", raw.cover),
            cover_focus: self.focus(raw.cover_focus),
            cover_alt: raw.cover_alt,
            cover_caption: raw.cover_caption,
            placement: Placement {
                headline: raw.headline.unwrap_or(false),
                headline_until: self
                    .date("headline_until", raw.headline_until)
                    .map(|date| Located::new(date, self.span("headline_until"))),
                pin: self.pin(raw.pin),
                pin_until: self.date("pin_until", raw.pin_until),
                photo: raw.photo,
            },
            taxonomies,
            extra: raw::clean_extra(raw.extra),
            kind: raw.kind,
            org_fields: OrgFields {
                level: self.located("level", raw.level),
                parent: self.located("parent", raw.parent),
                address: raw.address,
                phone: raw.phone.map(|t| t.0),
                website: self.link("website", raw.website),
                chair: raw.chair,
                founded: raw.founded.map(|t| t.0),
                members: raw.members,
            },
        }
    }

    /// `cover_focus`: one of [`FOCUS_NAMES`]; the centre when absent or wrong (the
    /// error says which names there are).
    fn focus(&mut self, written: Option<String>) -> Focus {
        let Some(name) = written else {
            return Focus::Center;
        };
        if let Some(focus) = Focus::parse(&name) {
            return focus;
        }
        let names: Vec<&str> = FOCUS_NAMES.split(", ").collect();
        self.one_of("cover_focus", Some(name), &names);
        Focus::Center
    }

    /// W0204: `photo = true` on a page without `cover`. The photo block shows covers,
    /// so such a page would be left out of it without a word.
    fn photo_without_cover(&mut self) {
        let d = Diagnostic::warning("W0204", crate::t!("content-photo-without-cover"))
            .in_file(self.file)
            .help(crate::t!("content-photo-without-cover.help"));
        let d = match self.span("photo") {
            Some(span) => d.at(span, self.text),
            None => d,
        };
        self.warnings.push(d);
    }

    /// `pin`: `true` is rank 1, a number its rank (1 or more), `false` no pin.
    fn pin(&mut self, written: Option<RawPin>) -> Option<Located<u32>> {
        let rank = match written? {
            RawPin::Flag(false) => return None,
            RawPin::Flag(true) => 1,
            RawPin::Rank(n) => match u32::try_from(n) {
                Ok(n) if n >= 1 => n,
                _ => {
                    let e = self
                        .error("E0206", crate::t!("content-bad-pin", value = n), "pin")
                        .expected(crate::t!("content-bad-pin.expected"))
                        .help(crate::t!("content-bad-pin.help"));
                    self.errors.push(e);
                    return None;
                }
            },
        };
        self.located("pin", Some(rank))
    }

    fn page_title(&mut self, title: Option<String>) -> String {
        match title {
            Some(title) if !title.trim().is_empty() => title,
            _ if self.titles == Titles::Optional => String::new(),
            written => {
                let example = super::places::assignment(self.format, "title", "\"…\"");
                let (message, help) = match (written.is_some(), self.format) {
                    (true, _) => (
                        crate::t!("content-empty-title"),
                        crate::t!("content-empty-title.help", example = &example),
                    ),
                    (false, Some(_)) => (
                        crate::t!("content-no-title"),
                        crate::t!("content-no-title.help", example = &example),
                    ),
                    (false, None) => (
                        crate::t!("content-no-title"),
                        crate::t!("content-no-title.help-no-front-matter"),
                    ),
                };
                let mut e = self
                    .error("E0208", message, "title")
                    .expected(crate::t!("content-no-title.expected"));
                if e.span.is_none()
                    && let Some(line) = self.fence_line
                {
                    e = e.at(
                        Span {
                            line,
                            column: 1,
                            end_line: line,
                            end_column: 4,
                        },
                        self.text,
                    );
                }
                self.errors.push(e.help(help));
                String::new()
            }
        }
    }

    fn section(&mut self, raw: RawSectionMeta) -> SectionMeta {
        SectionMeta {
            title: raw.title.unwrap_or_default(),
            description: raw.description,
            sort_by: self.sort_by(raw.sort_by),
            weight: raw.weight,
            paginate_by: raw.paginate_by.filter(|&n| n > 0),
            paginate_path: raw.paginate_path.unwrap_or_else(|| "page".to_owned()),
            paginate_reversed: raw.paginate_reversed,
            insert_anchor_links: self.one_of(
                "insert_anchor_links",
                raw.insert_anchor_links,
                ANCHOR_LINKS,
            ),
            template: raw.template,
            page_template: raw.page_template,
            render: raw.render.unwrap_or(true),
            redirect_to: self.link("redirect_to", raw.redirect_to),
            transparent: raw.transparent,
            draft: raw.draft,
            aliases: self.aliases(raw.aliases.0),
            generate_feeds: raw.generate_feeds,
            in_search_index: raw.in_search_index.unwrap_or(true),
            kind: raw.kind,
            lang: raw.lang,
            extra: raw::clean_extra(raw.extra),
        }
    }

    fn sort_by(&mut self, written: Option<String>) -> SortBy {
        let names: Vec<&str> = SORT_BY_NAMES.iter().map(|(n, _)| *n).collect();
        self.one_of("sort_by", written, &names)
            .and_then(|name| {
                SORT_BY_NAMES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, s)| *s)
            })
            .unwrap_or_default()
    }

    /// `written` if it is one of `allowed`, else an error with a suggestion.
    fn one_of(&mut self, key: &str, written: Option<String>, allowed: &[&str]) -> Option<String> {
        let value = written?;
        if allowed.contains(&value.as_str()) {
            return Some(value);
        }
        let list = allowed
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match crate::diag::did_you_mean(&value, allowed.iter().copied()) {
            Some(best) => crate::t!("config-did-you-mean", key = best),
            None => crate::t!("content-use-one-of", values = &list),
        };
        let e = self
            .error(
                "E0206",
                crate::t!("content-unknown-value", value = &value, key = key),
                key,
            )
            .expected(crate::t!("config-one-of", keys = &list))
            .help(help);
        self.errors.push(e);
        None
    }
}

/// Top-level `tags`/`categories` first, then `[taxonomies]`; order kept, duplicates and
/// empty lists dropped.
fn merge_taxonomies(
    tags: StringList,
    categories: StringList,
    written: BTreeMap<String, StringList>,
) -> BTreeMap<String, Vec<String>> {
    let mut merged: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let top = [
        ("tags".to_owned(), tags),
        ("categories".to_owned(), categories),
    ];
    for (name, StringList(terms)) in top.into_iter().chain(written) {
        let list = merged.entry(name).or_default();
        for term in terms {
            if !list.contains(&term) {
                list.push(term);
            }
        }
    }
    merged.retain(|_, terms| !terms.is_empty());
    merged
}

#[cfg(test)]
mod tests;

impl Default for SectionMeta {
    /// The front matter of a section whose `_index.md` is missing or empty.
    fn default() -> SectionMeta {
        SectionMeta {
            title: String::new(),
            description: None,
            sort_by: SortBy::None,
            weight: 0,
            paginate_by: None,
            paginate_path: "page".to_owned(),
            paginate_reversed: false,
            insert_anchor_links: None,
            template: None,
            page_template: None,
            render: true,
            redirect_to: None,
            transparent: false,
            draft: false,
            aliases: Vec::new(),
            generate_feeds: false,
            in_search_index: true,
            kind: None,
            lang: None,
            extra: serde_json::Map::new(),
        }
    }
}
