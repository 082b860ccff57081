//! What a rebuild may reuse from the build before it: parsed files, each page's
//! rendered Markdown, and the fingerprints of rendered outputs. The pipeline runs the
//! same stages with or without a [`BuildCache`]; the cache only lets a stage skip work
//! whose inputs are unchanged, so a rebuild equals a fresh build byte for byte.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::config::Config;
use crate::content::ParseCache;
use crate::diag::Diagnostic;
use crate::markdown::{LinkResolver, Rendered};
use crate::render::{RenderMemo, Theme};

/// Everything kept between builds by the preview server.
#[derive(Default)]
pub struct BuildCache {
    /// Parsed content files.
    pub parsed: ParseCache,
    /// Rendered Markdown by source file.
    pub markdown: MarkdownCache,
    /// Fingerprints of the last successful render.
    pub render: RenderMemo,
    config: Option<u64>,
}

impl BuildCache {
    /// Forgets what is known about `path` (relative to the site root) and what lies
    /// below it. Markdown and render results check their own inputs and stay.
    pub fn forget(&mut self, path: &Path) {
        self.parsed.forget(path);
    }

    /// Forgets everything: the next build is a full one.
    pub fn clear(&mut self) {
        *self = BuildCache::default();
    }

    /// Clears the cache when the configuration differs from the one it was filled
    /// with: every stage reads the config, so nothing can be reused.
    pub fn use_config(&mut self, config: &Config) {
        let digest = hash_of(&format!("{config:?}"));
        if self.config != Some(digest) {
            self.clear();
            self.config = Some(digest);
        }
    }
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A page's (or section's) rendered Markdown with everything it was rendered from.
pub struct MarkdownEntry {
    body: String,
    first_line: u32,
    permalink: String,
    /// Each link target resolved while rendering, with the answer it got.
    links: Vec<(String, Option<String>)>,
    rendered: Rendered,
    problems: Vec<Diagnostic>,
}

/// Rendered Markdown by source file, valid for one set of shortcode templates.
#[derive(Default)]
pub struct MarkdownCache {
    shortcodes: u64,
    entries: HashMap<PathBuf, MarkdownEntry>,
}

impl MarkdownCache {
    /// Drops every entry when the shortcode templates changed.
    pub fn use_theme(&mut self, theme: &Theme) {
        let shortcodes: Vec<(&String, &u64)> = theme
            .digests
            .iter()
            .filter(|(name, _)| name.starts_with("shortcodes/"))
            .collect();
        let digest = hash_of(&shortcodes);
        if digest != self.shortcodes {
            self.entries.clear();
            self.shortcodes = digest;
        }
    }

    /// Keeps only the entries of `files`, then adds `fresh` ones.
    pub fn update(&mut self, files: &HashSet<&Path>, fresh: Vec<(PathBuf, MarkdownEntry)>) {
        self.entries
            .retain(|file, _| files.contains(file.as_path()));
        self.entries.extend(fresh);
    }
}

/// What one Markdown render needs, besides the renderer itself.
pub struct MarkdownSource<'a> {
    /// The source file (relative to the root).
    pub file: &'a Path,
    /// The Markdown.
    pub body: &'a str,
    /// Line of the file where `body` starts.
    pub first_line: u32,
    /// The page's permalink.
    pub permalink: &'a str,
}

/// Rendered Markdown and its problems, plus a new cache entry when it was rendered.
pub type MarkdownResult = (Rendered, Vec<Diagnostic>, Option<MarkdownEntry>);

/// Returns the cached render of `source` when its text, position, permalink and every
/// link it resolved are unchanged; otherwise renders it with `render`.
pub fn markdown_or(
    cache: Option<&MarkdownCache>,
    source: &MarkdownSource,
    links: &dyn LinkResolver,
    render: impl FnOnce(&dyn LinkResolver) -> (Rendered, Vec<Diagnostic>),
) -> MarkdownResult {
    let Some(cache) = cache else {
        let (rendered, problems) = render(links);
        return (rendered, problems, None);
    };
    if let Some(entry) = cache.entries.get(source.file)
        && entry.body == source.body
        && entry.first_line == source.first_line
        && entry.permalink == source.permalink
        && entry
            .links
            .iter()
            .all(|(target, answer)| links.resolve(target) == *answer)
    {
        return (entry.rendered.clone(), entry.problems.clone(), None);
    }
    let recorder = RecordingLinks {
        inner: links,
        seen: Mutex::new(Vec::new()),
    };
    let (rendered, problems) = render(&recorder);
    let entry = MarkdownEntry {
        body: source.body.to_owned(),
        first_line: source.first_line,
        permalink: source.permalink.to_owned(),
        links: recorder.seen.into_inner().unwrap_or_default(),
        rendered: rendered.clone(),
        problems: problems.clone(),
    };
    (rendered, problems, Some(entry))
}

/// A link resolver that notes every question and answer.
struct RecordingLinks<'a> {
    inner: &'a dyn LinkResolver,
    seen: Mutex<Vec<(String, Option<String>)>>,
}

impl LinkResolver for RecordingLinks<'_> {
    fn resolve(&self, target: &str) -> Option<String> {
        let answer = self.inner.resolve(target);
        if let Ok(mut seen) = self.seen.lock() {
            seen.push((target.to_owned(), answer.clone()));
        }
        answer
    }

    fn nearest(&self, target: &str) -> Option<String> {
        self.inner.nearest(target)
    }
}
