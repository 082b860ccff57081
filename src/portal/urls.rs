//! Slugs, paths and permalinks of sections and pages, and the table `@/` links are
//! resolved against. Collisions are reported with both files named.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::config::{Config, SlugStrategy};
use crate::content::meta::date_from_filename;
use crate::content::{Content, Page, Section};
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::LinkResolver;
use crate::zh;

/// Where a section or page is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// Last path segment (pages) or the section's folder slug.
    pub slug: String,
    /// Site-relative path with leading and trailing `/`: `/news/x/`.
    pub path: String,
    /// `base_url` + `path`.
    pub permalink: String,
}

impl Url {
    fn new(config: &Config, slug: String, path: String) -> Url {
        let path = resolve_dot_segments(&path);
        let permalink = format!("{}{}", config.base_url, path);
        Url {
            slug,
            path,
            permalink,
        }
    }

    /// The file this URL is written to, relative to the output folder.
    pub fn output_file(&self) -> String {
        output_file_for(&self.path)
    }
}

/// Resolves `.` and `..` the way a browser does (never above `/`), and turns backslashes
/// into slashes, so a `path` or `slug` such as `/../../x` names `/x/` and can never
/// point the output file outside the output folder.
fn resolve_dot_segments(path: &str) -> String {
    let unified = path.replace('\\', "/");
    let mut segments: Vec<&str> = Vec::new();
    for segment in unified.split('/') {
        match segment {
            "" | "." => {}
            ".." => _ = segments.pop(),
            other => segments.push(other),
        }
    }
    let ends_in_folder =
        unified.ends_with('/') || unified.ends_with("/.") || unified.ends_with("/..");
    match (segments.is_empty(), ends_in_folder) {
        (true, _) => "/".to_owned(),
        (false, true) => format!("/{}/", segments.join("/")),
        (false, false) => format!("/{}", segments.join("/")),
    }
}

/// `news/x/index.html` for `/news/x/`; a path ending in a file name is kept as is.
pub fn output_file_for(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".to_owned()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else if trimmed
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
    {
        trimmed.to_owned()
    } else {
        format!("{trimmed}/index.html")
    }
}

/// Applies one of Zola's slug strategies; `On` means pinyin for Chinese.
pub fn slugify(text: &str, strategy: SlugStrategy) -> String {
    match strategy {
        SlugStrategy::On => zh::slugify(text),
        SlugStrategy::Safe => safe_slug(text),
        SlugStrategy::Off => text.trim().replace(char::is_whitespace, "-"),
    }
}

/// Keeps the text readable (Chinese included) but drops what a file name or URL
/// cannot hold, as Zola's `safe` strategy does.
fn safe_slug(text: &str) -> String {
    let kept: String = text
        .trim()
        .trim_end_matches('.')
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' | '#' | '%'
            )
        })
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .collect();
    kept
}

/// The URLs of every section and page, in `Content` order.
#[derive(Debug, Clone, Default)]
pub struct UrlPlan {
    /// One per `Content::sections`.
    pub sections: Vec<Url>,
    /// One per `Content::pages`.
    pub pages: Vec<Url>,
    /// Permalinks by content key (`news/x.md`, `news/_index.md`).
    by_key: HashMap<String, String>,
}

impl UrlPlan {
    /// Computes every URL and reports two sources claiming the same one.
    pub fn build(config: &Config, content: &Content) -> (UrlPlan, Diagnostics) {
        let sections: Vec<Url> = content
            .sections
            .iter()
            .map(|s| section_url(config, s))
            .collect();
        let pages: Vec<Url> = content.pages.iter().map(|p| page_url(config, p)).collect();
        let mut by_key = HashMap::new();
        for (section, url) in content.sections.iter().zip(&sections) {
            by_key.insert(section.key.clone(), url.permalink.clone());
        }
        for (page, url) in content.pages.iter().zip(&pages) {
            by_key.insert(page.key.clone(), url.permalink.clone());
        }
        let diagnostics = find_collisions(content, &sections, &pages);
        (
            UrlPlan {
                sections,
                pages,
                by_key,
            },
            diagnostics,
        )
    }

    /// The permalink of a content key, if it exists.
    pub fn permalink(&self, key: &str) -> Option<&str> {
        self.by_key.get(key).map(String::as_str)
    }

    /// Every content key's permalink.
    pub fn permalinks(&self) -> &HashMap<String, String> {
        &self.by_key
    }
}

impl LinkResolver for UrlPlan {
    fn resolve(&self, target: &str) -> Option<String> {
        let target = target.trim_start_matches('/');
        self.permalink(target).map(str::to_owned)
    }

    fn nearest(&self, target: &str) -> Option<String> {
        let target = target.trim_start_matches('/');
        // A folder or a file named without `.md`: its section or its page.
        let folder = target.trim_end_matches('/');
        let named = [format!("{folder}/_index.md"), format!("{folder}.md")];
        if let Some(key) = named.into_iter().find(|k| self.by_key.contains_key(k)) {
            return Some(key);
        }
        crate::diag::did_you_mean_path(target, self.by_key.keys().map(String::as_str))
            .map(str::to_owned)
    }
}

fn section_url(config: &Config, section: &Section) -> Url {
    let slugs: Vec<String> = section
        .components
        .iter()
        .map(|c| folder_slug(config, c))
        .collect();
    let path = if slugs.is_empty() {
        "/".to_owned()
    } else {
        format!("/{}/", slugs.join("/"))
    };
    Url::new(config, slugs.last().cloned().unwrap_or_default(), path)
}

fn page_url(config: &Config, page: &Page) -> Url {
    let slug = page_slug(config, page);
    if let Some(path) = &page.meta.path {
        let trimmed = path.trim_matches('/');
        let path = if trimmed.is_empty() {
            "/".to_owned()
        } else {
            format!("/{trimmed}/")
        };
        return Url::new(config, slug, path);
    }
    let folder = page_folder(page);
    let mut segments: Vec<String> = folder.iter().map(|c| folder_slug(config, c)).collect();
    segments.push(slug.clone());
    Url::new(config, slug, format!("/{}/", segments.join("/")))
}

/// A folder's part of an address: slugified (a Chinese folder name becomes pinyin),
/// except in a Zola site, where Zola keeps folder names as they are (only page names
/// are slugified), so its addresses stay the ones Zola gives.
fn folder_slug(config: &Config, folder: &str) -> String {
    if config.is_zola_site() {
        folder.to_owned()
    } else {
        slugify(folder, config.slugify.paths)
    }
}

/// Folders between `content/` and the page (a bundle's own folder excluded).
fn page_folder(page: &Page) -> Vec<&str> {
    let mut parts: Vec<&str> = page.key.split('/').collect();
    parts.pop();
    if page.key.ends_with("index.md") {
        parts.pop();
    }
    parts
}

/// The page's slug: `slug` from the front matter, else the file (or bundle folder)
/// name without a leading date, slugified.
pub fn page_slug(config: &Config, page: &Page) -> String {
    if let Some(slug) = &page.meta.slug {
        return slugify(slug, config.slugify.paths);
    }
    let stem = match date_from_filename(&page.stem) {
        Some((_, rest)) if !config.slugify.paths_keep_dates && !rest.is_empty() => rest,
        _ => page.stem.as_str(),
    };
    let slug = slugify(stem, config.slugify.paths);
    if slug.is_empty() {
        slugify(&page.meta.title, config.slugify.paths)
    } else {
        slug
    }
}

fn find_collisions(content: &Content, sections: &[Url], pages: &[Url]) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let mut owners: HashMap<&str, &PathBuf> = HashMap::new();
    let claims = content
        .sections
        .iter()
        .map(|s| &s.file)
        .zip(sections)
        .chain(content.pages.iter().map(|p| &p.file).zip(pages));
    for (file, url) in claims {
        if let Some(first) = owners.insert(&url.path, file) {
            diagnostics.push(duplicate_url(&url.path, first, file));
            owners.insert(&url.path, first);
        }
    }
    diagnostics
}

/// Two sources that would be written to the same URL.
pub fn duplicate_url(path: &str, first: &std::path::Path, second: &std::path::Path) -> Diagnostic {
    Diagnostic::error(
        "E0302",
        crate::t!(
            "url-taken-twice",
            path = path,
            first = crate::diag::display_path(first),
            second = crate::diag::display_path(second)
        ),
    )
    .in_file(second)
    .help(crate::t!("url-taken-twice.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments_never_climb_above_the_root() {
        assert_eq!(resolve_dot_segments("/../../../escape/"), "/escape/");
        assert_eq!(resolve_dot_segments("/news/../x/./y/"), "/x/y/");
        assert_eq!(resolve_dot_segments("/a\\..\\..\\b/"), "/b/");
        assert_eq!(resolve_dot_segments("/"), "/");
        assert_eq!(resolve_dot_segments("/.."), "/");
        assert_eq!(resolve_dot_segments("/feed.xml"), "/feed.xml");
        assert_eq!(resolve_dot_segments("/a..b/...c/"), "/a..b/...c/");
    }

    #[test]
    fn output_files_for_paths() {
        assert_eq!(output_file_for("/"), "index.html");
        assert_eq!(output_file_for("/news/x/"), "news/x/index.html");
        assert_eq!(output_file_for("/old/a.html"), "old/a.html");
        assert_eq!(output_file_for("/old/a"), "old/a/index.html");
    }

    #[test]
    fn a_link_to_no_page_is_given_the_nearest_key() {
        let keys = [
            "_index.md",
            "news/_index.md",
            "news/tzgg/_index.md",
            "news/2026-05-30-ke-ji-ri.md",
            "about.md",
        ];
        let plan = UrlPlan {
            sections: Vec::new(),
            pages: Vec::new(),
            by_key: keys
                .iter()
                .map(|k| (k.to_string(), String::new()))
                .collect(),
        };
        let near = |target: &str| plan.nearest(target);
        assert_eq!(near("news/tzgg/").as_deref(), Some("news/tzgg/_index.md"));
        assert_eq!(near("/about").as_deref(), Some("about.md"));
        assert_eq!(
            near("news/2026-05-31-ke-ji-ri.md").as_deref(),
            Some("news/2026-05-30-ke-ji-ri.md")
        );
        assert_eq!(near("kepu/x.md"), None);
    }

    #[test]
    fn safe_slugs_keep_chinese() {
        assert_eq!(slugify("乡村振兴", SlugStrategy::Safe), "乡村振兴");
        assert_eq!(slugify("a/b c?", SlugStrategy::Safe), "ab-c");
    }
}
