//! The editor's list of content: every section (栏目) and page under `content/`, read
//! from disk (drafts and pages waiting for review included, which the build leaves
//! out), with each page's title, date and status, newest first; and what the form
//! offers for completion: the tags and series in use, and the organizations.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use serde_json::Value;

use super::front;
use crate::bounds::SiteBounds;

/// Where a page stands in the review workflow (审核).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// 草稿: `draft = true`.
    Draft,
    /// 待审: `status = "review"`, waiting for a reviewer.
    Review,
    /// 定时: published, dated in the future.
    Scheduled,
    /// 已发布.
    Published,
}

/// The status of a page with front-matter `fields`, at `now`.
pub fn status_of(fields: &serde_json::Map<String, Value>, now: DateTime<Utc>, zone: Tz) -> Status {
    if fields.get("status").and_then(Value::as_str) == Some("review") {
        return Status::Review;
    }
    if fields.get("draft").and_then(Value::as_bool) == Some(true) {
        return Status::Draft;
    }
    match fields
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| instant(d, zone))
    {
        Some(date) if date > now => Status::Scheduled,
        _ => Status::Published,
    }
}

/// A front-matter date as an instant, read as the build reads it: with its offset,
/// or as a day or local time on the site's clock.
pub fn instant(text: &str, zone: Tz) -> Option<DateTime<Utc>> {
    crate::content::date::Date::parse(text).map(|date| date.instant(zone))
}

/// A section as listed.
#[derive(Debug, Clone, Serialize)]
pub struct SectionItem {
    /// Its folder under `content/` (`news/tzgg`); empty for the home page.
    pub key: String,
    /// Its title.
    pub title: String,
}

/// A page as listed.
#[derive(Debug, Clone, Serialize)]
pub struct PageItem {
    /// `content/news/a.md`.
    pub path: String,
    /// The folder of its section under `content/`.
    pub section: String,
    /// Its title (the file name when it has none).
    pub title: String,
    /// Its date as written, for sorting and showing.
    pub date: String,
    /// Its status.
    pub status: Status,
    /// Sort key: the date as an instant, in seconds.
    #[serde(skip)]
    sort: i64,
}

/// Every section and page of the site at `bounds`, pages newest first.
pub fn list(
    bounds: &SiteBounds,
    now: DateTime<Utc>,
    zone: Tz,
) -> (Vec<SectionItem>, Vec<PageItem>) {
    let mut sections = Vec::new();
    let mut pages = Vec::new();
    for SourceFile { rel, path, text } in source_files(bounds) {
        let path = path.as_path();
        let fields = front::read(&text).map(|f| f.fields).unwrap_or_default();
        let title = fields
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| file_stem(path));
        let folder = section_of(&rel);
        if path.file_name().is_some_and(|n| n == "_index.md") {
            sections.push(SectionItem { key: folder, title });
            continue;
        }
        let date = fields
            .get("date")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let sort = instant(&date, zone).map_or(i64::MIN, |d| d.timestamp());
        pages.push(PageItem {
            status: status_of(&fields, now, zone),
            section: bundle_section(&folder, path),
            path: rel,
            title,
            date,
            sort,
        });
    }
    sections.sort_by(|a, b| a.key.cmp(&b.key));
    pages.sort_by(|a, b| b.sort.cmp(&a.sort).then_with(|| a.path.cmp(&b.path)));
    (sections, pages)
}

/// What the form offers for completion, gathered from the pages on disk.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Choices {
    /// Every tag used by a page, sorted.
    pub tags: Vec<String>,
    /// Every series, sorted, with the number its next page would take.
    pub series: Vec<SeriesChoice>,
    /// The organizations of the site's directory (pages with `kind = "org"`, or pages
    /// of a section with `kind = "orgs"`), then `org` values pages already use, sorted.
    pub orgs: Vec<String>,
}

/// A series as offered for completion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeriesChoice {
    /// Its name as written.
    pub name: String,
    /// One more than the highest `series_index` used in it.
    pub next: u64,
}

/// The tags, series and organizations of the site at `bounds`.
pub fn choices(bounds: &SiteBounds) -> Choices {
    let mut tags = BTreeSet::new();
    let mut series: BTreeMap<String, u64> = BTreeMap::new();
    let mut directory = BTreeSet::new();
    let mut named = BTreeSet::new();
    let mut org_sections = BTreeSet::new();
    let mut pages = Vec::new();
    for SourceFile { path, text, .. } in source_files(bounds) {
        let path = path.as_path();
        let fields = front::read(&text).map(|f| f.fields).unwrap_or_default();
        let text_of = |key: &str| fields.get(key).and_then(Value::as_str).map(str::trim);
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if path.file_name().is_some_and(|n| n == "_index.md") {
            if text_of("kind") == Some("orgs") {
                org_sections.insert(folder);
            }
            continue;
        }
        match fields.get("tags") {
            Some(Value::Array(items)) => {
                tags.extend(items.iter().filter_map(Value::as_str).map(str::to_owned));
            }
            Some(Value::String(one)) => {
                tags.insert(one.clone());
            }
            _ => {}
        }
        if let Some(name) = text_of("series").filter(|n| !n.is_empty()) {
            let number = fields.get("series_index").and_then(Value::as_u64);
            let next = series.entry(name.to_owned()).or_insert(1);
            *next = (*next).max(number.map_or(1, |n| n + 1));
        }
        if let Some(org) = text_of("org").filter(|o| !o.is_empty()) {
            named.insert(org.to_owned());
        }
        let title = text_of("title").unwrap_or("").to_owned();
        if text_of("kind") == Some("org") && !title.is_empty() {
            directory.insert(title.clone());
        }
        // A bundle's index.md belongs to the section of its folder's parent.
        let section = if path.file_name().is_some_and(|n| n == "index.md") {
            folder.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            folder
        };
        pages.push((section, title));
    }
    for (section, title) in pages {
        if org_sections.contains(&section) && !title.is_empty() {
            directory.insert(title);
        }
    }
    let mut orgs: Vec<String> = directory.iter().cloned().collect();
    orgs.extend(named.into_iter().filter(|o| !directory.contains(o)));
    Choices {
        tags: tags.into_iter().collect(),
        series: series
            .into_iter()
            .map(|(name, next)| SeriesChoice { name, next })
            .collect(),
        orgs,
    }
}

/// A page or section file of `content/`, as the build reads them.
pub(super) struct SourceFile {
    /// Its path from the site root, `/`-separated.
    pub rel: String,
    pub path: std::path::PathBuf,
    pub text: String,
}

/// The `.md` files under `content/` of the site at `bounds` that the build reads (no
/// hidden or backup name, no link out of the site), with their text.
pub(super) fn source_files(bounds: &SiteBounds) -> impl Iterator<Item = SourceFile> + '_ {
    let content = bounds.root().join("content");
    let walk = bounds.walk(&content, |e| e.depth() == 0 || !hidden(e.file_name()));
    walk.flatten().filter_map(|entry| {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            return None;
        }
        let rel = super::files::site_relative(bounds.root(), path)?;
        let text = std::fs::read_to_string(path).ok()?;
        Some(SourceFile {
            rel,
            path: path.to_path_buf(),
            text,
        })
    })
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `content/news/a.md` → `news`; `content/_index.md` → ``.
fn section_of(rel: &str) -> String {
    let inner = rel.strip_prefix("content/").unwrap_or(rel);
    inner
        .rsplit_once('/')
        .map(|(f, _)| f.to_owned())
        .unwrap_or_default()
}

/// A bundle's `index.md` belongs to the section of its folder's parent.
fn bundle_section(folder: &str, path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "index.md") {
        folder
            .rsplit_once('/')
            .map(|(f, _)| f.to_owned())
            .unwrap_or_default()
    } else {
        folder.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_status_follows_review_then_draft_then_date() {
        let zone = chrono_tz::Asia::Shanghai;
        let now = instant("2026-12-06T12:00:00+08:00", zone).unwrap();
        let status = |v: Value| status_of(v.as_object().unwrap(), now, zone);
        assert_eq!(
            status(json!({"status": "review", "draft": true})),
            Status::Review
        );
        assert_eq!(status(json!({"draft": true})), Status::Draft);
        assert_eq!(status(json!({"date": "2026-12-07"})), Status::Scheduled);
        assert_eq!(
            status(json!({"date": "2026-12-06T11:00:00+08:00"})),
            Status::Published
        );
        assert_eq!(status(json!({})), Status::Published);
    }

    #[test]
    fn pages_are_listed_newest_first_with_their_section() {
        let site = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = site.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
        write(
            "content/news/old.md",
            "+++\ntitle = \"旧\"\ndate = 2026-01-01\ntags = [\"科普\"]\n+++\n",
        );
        write(
            "content/news/new/index.md",
            "+++\ntitle = \"新\"\ndate = 2026-02-01\ntags = \"党建\"\n+++\n",
        );
        write("content/news/.hidden.md", "+++\ntitle = \"藏\"\n+++\n");
        let bounds = SiteBounds::new(site.path());
        let (sections, pages) = list(&bounds, Utc::now(), chrono_tz::Asia::Shanghai);
        assert_eq!(sections[0].title, "新闻");
        let listed: Vec<(&str, &str)> = pages
            .iter()
            .map(|p| (p.path.as_str(), p.section.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                ("content/news/new/index.md", "news"),
                ("content/news/old.md", "news")
            ]
        );
        assert_eq!(choices(&bounds).tags, ["党建", "科普"]);
    }

    #[test]
    fn series_and_organizations_are_offered_from_the_pages() {
        let site = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = site.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "content/orgs/_index.md",
            "+++\ntitle = \"机构\"\nkind = \"orgs\"\n+++\n",
        );
        write("content/orgs/a.md", "+++\ntitle = \"梧州市科协\"\n+++\n");
        write(
            "content/orgs/b/index.md",
            "+++\ntitle = \"岑溪市科协\"\n+++\n",
        );
        write(
            "content/about/x.md",
            "+++\ntitle = \"市医学会\"\nkind = \"org\"\n+++\n",
        );
        write(
            "content/news/a.md",
            "+++\ntitle = \"一\"\nseries = \"改革·地方篇\"\nseries_index = 2\norg = \"苍梧县科协\"\n+++\n",
        );
        write(
            "content/news/b.md",
            "+++\ntitle = \"二\"\nseries = \"改革·地方篇\"\norg = \"梧州市科协\"\n+++\n",
        );
        let found = choices(&SiteBounds::new(site.path()));
        assert_eq!(
            found.series,
            [SeriesChoice {
                name: "改革·地方篇".into(),
                next: 3
            }]
        );
        assert_eq!(
            found.orgs,
            ["岑溪市科协", "市医学会", "梧州市科协", "苍梧县科协"]
        );
    }
}
