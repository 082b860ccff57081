//! What a page's Markdown read, and its render kept with it: reused while the text,
//! its position, the permalink and every link answer are unchanged. The preview keeps
//! them in memory ([`MarkdownCache`]); a build with the cache keeps them on disk
//! (`pipeline/persist_markdown.rs`) from the same [`render_recording`] and [`LinkAnswers`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::{Digest, digest_parts};
use crate::diag::Diagnostic;
use crate::markdown::{LinkResolver, Rendered, SiteLinkError};

/// What one page's (or section's) Markdown render read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkdownReads {
    /// The Markdown text.
    pub body: String,
    /// Line of the file where the body starts.
    pub first_line: u32,
    /// The page's permalink.
    pub permalink: String,
    /// The answer to every link the render resolved.
    pub answers: LinkAnswers,
}

/// The links a Markdown render resolved, each with the answer it got.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkAnswers {
    /// Each link target resolved while rendering, with the answer it got.
    pub links: Vec<(String, Option<String>)>,
    /// Each link to another member site of a network (`@wuzhou:/news/x.md`) resolved
    /// while rendering: the site, the path, and the answer it got.
    pub site_links: Vec<SiteLinkRead>,
}

/// A link to another member site and the answer it got ([`LinkResolver::resolve_in_site`]).
pub type SiteLinkRead = (String, String, Option<Result<String, SiteLinkError>>);

impl LinkAnswers {
    /// True when every link resolves now as it did.
    pub fn still_hold(&self, links: &dyn LinkResolver) -> bool {
        self.links
            .iter()
            .all(|(target, answer)| links.resolve(target) == *answer)
            && self
                .site_links
                .iter()
                .all(|(site, target, answer)| links.resolve_in_site(site, target) == *answer)
    }
}

impl MarkdownReads {
    /// True when rendering `source` now would read the same: same text, position and
    /// permalink, and every link resolved the same way.
    fn still_hold(&self, source: &MarkdownSource, links: &dyn LinkResolver) -> bool {
        self.body == source.body
            && self.first_line == source.first_line
            && self.permalink == source.permalink
            && self.answers.still_hold(links)
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
    /// By source file, then permalink: the pages of one data file (`data/orgs.csv`)
    /// each have their own.
    entries: HashMap<PathBuf, HashMap<String, MarkdownEntry>>,
}

impl MarkdownCache {
    /// Drops every entry when the shortcode templates changed; `template_digests` is
    /// every template's digest ([`super::template_digests`]).
    pub fn use_theme(&mut self, template_digests: &BTreeMap<String, Digest>) {
        let digest = shortcodes_digest(template_digests);
        if digest != self.shortcodes {
            self.entries.clear();
            self.shortcodes = digest;
        }
    }

    /// Keeps only the entries of `files`, then adds `fresh` ones.
    pub fn update(&mut self, files: &HashSet<&Path>, fresh: Vec<(PathBuf, MarkdownEntry)>) {
        self.entries
            .retain(|file, _| files.contains(file.as_path()));
        for (file, entry) in fresh {
            let permalink = entry.reads.permalink.clone();
            self.entries
                .entry(file)
                .or_default()
                .insert(permalink, entry);
        }
    }
}

/// The digest of the shortcode templates, which every page's Markdown may call:
/// `template_digests` is every template's digest ([`super::template_digests`]).
pub fn shortcodes_digest(template_digests: &BTreeMap<String, Digest>) -> Digest {
    let shortcodes: Vec<(&String, &Digest)> = template_digests
        .iter()
        .filter(|(name, _)| name.starts_with("shortcodes/"))
        .collect();
    digest_parts(&[&shortcodes])
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
    if let Some(entry) = cache
        .entries
        .get(source.file)
        .and_then(|pages| pages.get(source.permalink))
        && entry.reads.still_hold(source, links)
    {
        return (entry.rendered.clone(), entry.problems.clone(), None);
    }
    let (rendered, problems, answers) = render_recording(links, render);
    let entry = MarkdownEntry {
        reads: MarkdownReads {
            body: source.body.to_owned(),
            first_line: source.first_line,
            permalink: source.permalink.to_owned(),
            answers,
        },
        rendered: rendered.clone(),
        problems: problems.clone(),
    };
    (rendered, problems, Some(entry))
}

/// Renders with `render`, noting every link it resolves and the answer it gets.
pub fn render_recording(
    links: &dyn LinkResolver,
    render: impl FnOnce(&dyn LinkResolver) -> (Rendered, Vec<Diagnostic>),
) -> (Rendered, Vec<Diagnostic>, LinkAnswers) {
    let recorder = RecordingLinks {
        inner: links,
        seen: Mutex::new(Vec::new()),
        sites_seen: Mutex::new(Vec::new()),
    };
    let (rendered, problems) = render(&recorder);
    let answers = LinkAnswers {
        links: recorder.seen.into_inner().unwrap_or_default(),
        site_links: recorder.sites_seen.into_inner().unwrap_or_default(),
    };
    (rendered, problems, answers)
}

/// A link resolver that notes every question and answer. Whatever it does not
/// forward would render differently from a build without the cache.
struct RecordingLinks<'a> {
    inner: &'a dyn LinkResolver,
    seen: Mutex<Vec<(String, Option<String>)>>,
    sites_seen: Mutex<Vec<SiteLinkRead>>,
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

    fn resolve_in_site(&self, site: &str, target: &str) -> Option<Result<String, SiteLinkError>> {
        let answer = self.inner.resolve_in_site(site, target);
        if let Ok(mut seen) = self.sites_seen.lock() {
            seen.push((site.to_owned(), target.to_owned(), answer.clone()));
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves `@wuzhou:/news/x.md` to `answer`; nothing else.
    struct Sites {
        answer: Option<String>,
    }

    impl LinkResolver for Sites {
        fn resolve(&self, _target: &str) -> Option<String> {
            None
        }

        fn resolve_in_site(
            &self,
            site: &str,
            target: &str,
        ) -> Option<Result<String, SiteLinkError>> {
            (site == "wuzhou" && target == "/news/x.md")
                .then(|| self.answer.clone().ok_or(SiteLinkError::NoPage(None)))
        }
    }

    /// A render of a body linking to `@wuzhou:/news/x.md`: the answer it got.
    fn render_site_link(links: &dyn LinkResolver) -> (Rendered, Vec<Diagnostic>) {
        let html = match links.resolve_in_site("wuzhou", "/news/x.md") {
            Some(Ok(permalink)) => permalink,
            Some(Err(_)) => "no such page".to_owned(),
            None => "@wuzhou:/news/x.md".to_owned(),
        };
        let rendered = Rendered {
            html,
            ..Rendered::default()
        };
        (rendered, Vec::new())
    }

    #[test]
    fn links_to_other_member_sites_are_answered_and_a_changed_answer_renders_again() {
        let source = MarkdownSource {
            file: Path::new("content/a.md"),
            body: "[梧州](@wuzhou:/news/x.md)",
            first_line: 3,
            permalink: "https://a.example/a/",
        };
        let mut cache = MarkdownCache::default();
        let before = Sites {
            answer: Some("https://wz.example/news/x/".into()),
        };
        let (rendered, _, entry) = markdown_or(Some(&cache), &source, &before, render_site_link);
        // The render through the cache sees the network's answer, as one without it does.
        assert_eq!(rendered.html, "https://wz.example/news/x/");
        let entry = entry.expect("rendered, so a new entry");
        cache.update(&HashSet::new(), vec![(source.file.to_owned(), entry)]);

        let (again, _, entry) = markdown_or(Some(&cache), &source, &before, |_| {
            panic!("the answer is the same: the kept render serves")
        });
        assert_eq!(again.html, rendered.html);
        assert!(entry.is_none());

        let moved = Sites {
            answer: Some("https://wz.example/news/y/".into()),
        };
        let (moved_render, _, _) = markdown_or(Some(&cache), &source, &moved, render_site_link);
        assert_eq!(moved_render.html, "https://wz.example/news/y/");
        let gone = Sites { answer: None };
        let (gone_render, _, _) = markdown_or(Some(&cache), &source, &gone, render_site_link);
        assert_eq!(gone_render.html, "no such page");
    }

    #[test]
    fn the_pages_of_one_data_file_each_keep_their_render() {
        let page = |permalink: &'static str| MarkdownSource {
            file: Path::new("data/orgs.csv"),
            body: "南宁市科协",
            first_line: 2,
            permalink,
        };
        let render = |html: &str| {
            let html = html.to_owned();
            move |_: &dyn LinkResolver| {
                let rendered = Rendered {
                    html,
                    ..Rendered::default()
                };
                (rendered, Vec::new())
            }
        };
        let links = Sites { answer: None };
        let mut cache = MarkdownCache::default();
        let mut fresh = Vec::new();
        for (permalink, html) in [
            ("https://a.example/orgs/a/", "A"),
            ("https://a.example/orgs/b/", "B"),
        ] {
            let (_, _, entry) = markdown_or(Some(&cache), &page(permalink), &links, render(html));
            fresh.push((PathBuf::from("data/orgs.csv"), entry.expect("rendered")));
        }
        cache.update(&HashSet::new(), fresh);
        for (permalink, html) in [
            ("https://a.example/orgs/a/", "A"),
            ("https://a.example/orgs/b/", "B"),
        ] {
            let (kept, _, entry) = markdown_or(Some(&cache), &page(permalink), &links, |_| {
                panic!("{permalink} has its own kept render")
            });
            assert_eq!(kept.html, html);
            assert!(entry.is_none());
        }
    }
}
