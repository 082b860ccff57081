//! The preview's fast path for the most common edit: the text of one page (or a few)
//! changed, its front matter did not. Everything the model derives from a page apart
//! from its rendered Markdown, summary and statistics comes from the front matter
//! (URL, date, section and lists, taxonomies, places, series, related pages), so the
//! last build's [`Portal`] with those pages' Markdown rendered again is exactly the
//! model a full build would make, and the edited pages rendered from it have the
//! bytes a full build gives them. The preview publishes them at once; the usual
//! rebuild then brings the rest (lists showing the new summary, feeds, search).
//!
//! Anything else (a changed front matter, a new, renamed or deleted file, a section,
//! a template, the Traditional copy, a Markdown error) makes the fast path decline.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::watch::ChangeSet;
use crate::content::{Page, decode, meta};
use crate::diag::Diagnostic;
use crate::fingerprint::{BuildCache, MarkdownSource};
use crate::markdown::{LinkResolver, Rendered};
use crate::output::Output;
use crate::pipeline::{self, BuildOptions};
use crate::portal::{PageId, Portal};
use crate::render::{self, RenderMode, Shortcodes, Theme};

/// The model and templates of the last successful build.
pub struct LastBuild {
    portal: Arc<Portal>,
    theme: Arc<Theme>,
    /// The first moment after the build's `now` at which a page's date or expiry
    /// passes, changing which pages are published or listed.
    valid_until: Option<DateTime<Utc>>,
}

impl LastBuild {
    /// The model of the build.
    pub fn portal(&self) -> &Portal {
        &self.portal
    }

    /// Remembers a build; `cache` holds every page parsed for it (scheduled ones too).
    pub fn new(portal: Arc<Portal>, theme: Arc<Theme>, cache: &BuildCache) -> LastBuild {
        let (now, zone) = (portal.now, portal.config.timezone);
        let valid_until = cache
            .parsed
            .pages()
            .flat_map(|p| [crate::portal::page_date(p), p.meta.expires.clone()])
            .flatten()
            .map(|d| d.instant(zone))
            .filter(|moment| *moment > now)
            .min();
        LastBuild {
            portal,
            theme,
            valid_until,
        }
    }
}

/// The edited pages rendered with their new text when every change is a body-only
/// edit of a published page; `None` when the fast path does not apply.
pub fn render_body_edits(
    last: &LastBuild,
    options: &BuildOptions,
    changes: &ChangeSet,
) -> Option<Vec<Output>> {
    let portal = &last.portal;
    if changes.rescan || changes.paths.is_empty() || portal.config.traditional {
        return None;
    }
    let now = options.now.resolve(portal.config.timezone);
    if now < portal.now || last.valid_until.is_some_and(|moment| now >= moment) {
        return None;
    }
    let mut patched = Portal::clone(portal);
    patched.now = now;
    let mut edited = Vec::new();
    for path in &changes.paths {
        let (id, source) = body_edit(portal, &options.root, path)?;
        let rendered = render_markdown(portal, &last.theme, id, &source)?;
        patched = patched.with_page_body(id, source, rendered);
        edited.push(id);
    }
    let patched = Arc::new(patched);
    let mut outputs = Vec::new();
    for id in edited {
        let rendered = render::render(patched.clone(), &last.theme, None, RenderMode::Page(id));
        if !rendered.diagnostics.is_empty() {
            return None;
        }
        outputs.extend(rendered.site.files);
    }
    Some(outputs)
}

/// The page of `path` with its new text, when only its body changed.
fn body_edit(portal: &Portal, root: &Path, path: &Path) -> Option<(PageId, Page)> {
    let key = page_key(path)?;
    let page = portal.page_by_key(&key)?;
    if page.source.file != path || !page.source.meta.render {
        return None;
    }
    // A page that became a link out of the site goes through the whole build, which
    // reports it; this quick path never reads it.
    let real = portal.bounds.resolve(&root.join(path)).ok()?;
    let bytes = std::fs::read(real).ok()?;
    let text = decode::decode(path, &bytes).ok()?;
    let parsed = meta::parse_page(path, &text).ok()?;
    if parsed.meta != page.source.meta || parsed.body_line != page.source.body_line {
        return None;
    }
    let source = Page {
        body: parsed.body,
        ..page.source.clone()
    };
    Some((page.id, source))
}

/// `news/x.md` for `content/news/x.md`; `None` for files that are not pages.
fn page_key(path: &Path) -> Option<String> {
    let relative = path.strip_prefix("content").ok()?;
    let name = relative.file_name()?.to_str()?;
    if !name.ends_with(".md") || name == "_index.md" {
        return None;
    }
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}

/// The page's Markdown rendered as the pipeline renders it; `None` on a Markdown
/// error (the full build reports it) or a bug in the renderer.
fn render_markdown(portal: &Portal, theme: &Theme, id: PageId, source: &Page) -> Option<Rendered> {
    let options = pipeline::markdown_options(&portal.config);
    let config = render::view::config_value(&portal.config);
    let page = portal.page(id);
    let shortcodes = Shortcodes {
        theme,
        config: &config,
        owner: Some((
            "page",
            render::markdown_view::markdown_page(&portal.config, source, &page.url),
        )),
    };
    let source = MarkdownSource {
        file: &source.file,
        body: &source.body,
        first_line: source.body_line,
        permalink: &portal.page(id).url.permalink,
    };
    let (rendered, problems) =
        pipeline::render_one_markdown(&source, &options, &PortalLinks(portal), &shortcodes);
    if problems.iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(rendered)
}

/// Resolves `@/` links as the pipeline's URL plan does: the portal holds the same
/// pages and sections, with the same permalinks.
struct PortalLinks<'a>(&'a Portal);

impl LinkResolver for PortalLinks<'_> {
    fn resolve(&self, target: &str) -> Option<String> {
        let key = target.trim_start_matches('/');
        // The plan knows keys only; the portal's lookups also accept an `@/` prefix.
        if key.starts_with("@/") {
            return None;
        }
        let permalink = match self.0.page_by_key(key) {
            Some(page) => &page.url.permalink,
            None => &self.0.section_by_key(key)?.url.permalink,
        };
        Some(permalink.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_keys_come_from_page_files_only() {
        let key = |p: &str| page_key(Path::new(p));
        assert_eq!(key("content/news/x.md"), Some("news/x.md".to_owned()));
        assert_eq!(
            key("content/news/x/index.md"),
            Some("news/x/index.md".to_owned())
        );
        assert_eq!(key("content/about.md"), Some("about.md".to_owned()));
        assert_eq!(key("content/news/_index.md"), None);
        assert_eq!(key("content/news/x/chart.svg"), None);
        assert_eq!(key("content/news"), None);
        assert_eq!(key("templates/page.html"), None);
    }
}
