//! What a page's Markdown read, and its render kept with it: reused while the text,
//! its position, the permalink and every link answer are unchanged.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::{Digest, digest_parts};
use crate::diag::Diagnostic;
use crate::markdown::{LinkResolver, Rendered};

/// What one page's (or section's) Markdown render read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkdownReads {
    /// The Markdown text.
    pub body: String,
    /// Line of the file where the body starts.
    pub first_line: u32,
    /// The page's permalink.
    pub permalink: String,
    /// Each link target resolved while rendering, with the answer it got.
    pub links: Vec<(String, Option<String>)>,
}

impl MarkdownReads {
    /// True when rendering `source` now would read the same: same text, position and
    /// permalink, and every link resolved the same way.
    fn still_hold(&self, source: &MarkdownSource, links: &dyn LinkResolver) -> bool {
        self.body == source.body
            && self.first_line == source.first_line
            && self.permalink == source.permalink
            && self
                .links
                .iter()
                .all(|(target, answer)| links.resolve(target) == *answer)
    }
}

/// A page's (or section's) rendered Markdown with what it read.
pub struct MarkdownEntry {
    reads: MarkdownReads,
    rendered: Rendered,
    problems: Vec<Diagnostic>,
}

/// Rendered Markdown by source file, valid for one set of shortcode templates.
#[derive(Default)]
pub struct MarkdownCache {
    shortcodes: Digest,
    entries: HashMap<PathBuf, MarkdownEntry>,
}

impl MarkdownCache {
    /// Drops every entry when the shortcode templates changed; `template_digests` is
    /// every template's digest ([`super::template_digests`]).
    pub fn use_theme(&mut self, template_digests: &BTreeMap<String, Digest>) {
        let shortcodes: Vec<(&String, &Digest)> = template_digests
            .iter()
            .filter(|(name, _)| name.starts_with("shortcodes/"))
            .collect();
        let digest = digest_parts(&[&shortcodes]);
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

/// Returns the cached render of `source` when what it read still holds; otherwise
/// renders it with `render`, recording what it reads.
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
        && entry.reads.still_hold(source, links)
    {
        return (entry.rendered.clone(), entry.problems.clone(), None);
    }
    let recorder = RecordingLinks {
        inner: links,
        seen: Mutex::new(Vec::new()),
    };
    let (rendered, problems) = render(&recorder);
    let entry = MarkdownEntry {
        reads: MarkdownReads {
            body: source.body.to_owned(),
            first_line: source.first_line,
            permalink: source.permalink.to_owned(),
            links: recorder.seen.into_inner().unwrap_or_default(),
        },
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
