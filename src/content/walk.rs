//! Walks `content/`: finds sections, pages, bundles and their assets in a stable order,
//! then reads and parses every Markdown file in parallel.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;

use super::meta::{self, SectionMeta};
use super::{Asset, Content, Page, Section, decode, misnamed};
use crate::bounds::{SiteBounds, WalkError};
use crate::diag::{Diagnostic, Diagnostics};

/// What to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Keep pages and sections marked `draft = true`.
    pub drafts: bool,
    /// Glob patterns (relative to `content/`) of files to skip.
    pub ignored: Vec<String>,
    /// Where the site's files may really be; `None`: inside the site root.
    pub bounds: Option<SiteBounds>,
    /// Whether pages must have a title (a Zola site's need not).
    pub titles: meta::Titles,
}

/// One Markdown file found by the walk, not read yet.
struct Found {
    file: PathBuf,
    key: String,
    kind: FoundKind,
}

enum FoundKind {
    Section,
    Page { stem: String },
}

/// Reads `root/content`. Problems with single files are reported and the file skipped,
/// so one bad page never hides the others.
pub fn load(root: &Path, options: &LoadOptions) -> (Content, Diagnostics) {
    load_cached(root, options, None)
}

/// Parsed files kept between loads by the preview server, by path relative to the
/// root. An entry is reused until [`ParseCache::forget`] is told its file changed.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<PathBuf, Result<Loaded, Vec<Diagnostic>>>,
}

impl ParseCache {
    /// Drops the entries of `path` and of every file below it (a folder that was
    /// renamed or deleted reports only itself).
    pub fn forget(&mut self, path: &Path) {
        self.files.retain(|file, _| !file.starts_with(path));
    }

    /// Drops every entry.
    pub fn clear(&mut self) {
        self.files.clear();
    }

    /// Every page remembered, drafts and pages dated in the future included.
    pub fn pages(&self) -> impl Iterator<Item = &Page> {
        self.files.values().filter_map(|loaded| match loaded {
            Ok(Loaded::Page(page, _)) => Some(page.as_ref()),
            _ => None,
        })
    }

    /// Number of files remembered.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when no file is remembered.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// [`load`], reusing the parse of every file `cache` still holds and remembering the
/// others; the cache ends up holding exactly the files of this load.
pub fn load_cached(
    root: &Path,
    options: &LoadOptions,
    cache: Option<&mut ParseCache>,
) -> (Content, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error("E0200", crate::t!("content-no-folder"))
                .help(crate::t!("content-no-folder.help")),
        );
        return (Content::default(), diagnostics);
    }
    let ignored = build_ignore_set(&options.ignored, &mut diagnostics);
    let bounds = match &options.bounds {
        Some(bounds) => std::borrow::Cow::Borrowed(bounds),
        None => std::borrow::Cow::Owned(SiteBounds::new(root)),
    };
    let walk = walk_tree(root, &content_dir, &ignored, &bounds, &mut diagnostics);

    let previous = cache.as_deref();
    let fresh: Vec<Option<Result<Loaded, Vec<Diagnostic>>>> = walk
        .markdown
        .par_iter()
        .map(
            |found| match previous.and_then(|c| c.files.get(&found.file)) {
                Some(_) => None,
                None => Some(load_one(root, found, options.titles)),
            },
        )
        .collect();
    let parsed: Vec<Result<Loaded, Vec<Diagnostic>>> = match cache {
        None => fresh.into_iter().flatten().collect(),
        Some(cache) => remember(cache, &walk.markdown, fresh),
    };

    let mut sections = Vec::new();
    // Sized up front: a page is a large value, and a list grown by doubling would hold
    // room for thousands more on a large site.
    let mut pages = Vec::with_capacity(parsed.len());
    for result in parsed {
        match result {
            Ok(Loaded::Section(section, warnings)) => {
                diagnostics.extend(warnings);
                sections.push(*section);
            }
            Ok(Loaded::Page(page, warnings)) => {
                diagnostics.extend(warnings);
                pages.push(*page);
            }
            Err(errors) => diagnostics.extend(errors),
        }
    }
    if !sections.iter().any(|s| s.key == "_index.md") {
        sections.push(default_home());
    }
    sections.retain(|s| options.drafts || !s.meta.draft);
    let (drafts, mut pages): (Vec<Page>, Vec<Page>) = pages
        .into_iter()
        .partition(|p| !options.drafts && p.meta.draft);
    attach(&mut sections, &mut pages, walk.assets);
    sections.sort_by(|a, b| a.components.cmp(&b.components));
    pages.sort_by(|a, b| a.key.cmp(&b.key));
    let mut drafts: Vec<super::Draft> = drafts.into_iter().map(draft_of).collect();
    drafts.sort_by(|a, b| a.file.cmp(&b.file));
    let content = Content {
        sections,
        pages,
        drafts,
    };
    (content, diagnostics)
}

/// What the build's account needs of a draft left out.
fn draft_of(page: Page) -> super::Draft {
    let date = page
        .meta
        .date
        .or_else(|| super::date::date_from_filename(&page.stem).map(|(d, _)| d));
    super::Draft {
        file: page.file,
        title: page.meta.title,
        date,
    }
}

/// Stores the fresh parses in `cache`, drops the entries of files that are gone, and
/// returns every file's parse in walk order.
fn remember(
    cache: &mut ParseCache,
    markdown: &[Found],
    fresh: Vec<Option<Result<Loaded, Vec<Diagnostic>>>>,
) -> Vec<Result<Loaded, Vec<Diagnostic>>> {
    let present: std::collections::HashSet<&Path> =
        markdown.iter().map(|f| f.file.as_path()).collect();
    cache
        .files
        .retain(|file, _| present.contains(file.as_path()));
    for (found, result) in markdown.iter().zip(fresh) {
        if let Some(result) = result {
            cache.files.insert(found.file.clone(), result);
        }
    }
    markdown
        .iter()
        .filter_map(|found| cache.files.get(&found.file).cloned())
        .collect()
}

#[derive(Clone)]
enum Loaded {
    Section(Box<Section>, Vec<Diagnostic>),
    Page(Box<Page>, Vec<Diagnostic>),
}

struct Walk {
    markdown: Vec<Found>,
    /// Non-Markdown files by the folder (relative to `content/`) they sit in.
    assets: BTreeMap<String, Vec<Asset>>,
}

fn build_ignore_set(patterns: &[String], diagnostics: &mut Diagnostics) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        match Glob::new(pattern) {
            Ok(glob) => _ = builder.add(glob),
            Err(e) => diagnostics.push(
                Diagnostic::error(
                    "E0106",
                    crate::t!(
                        "content-bad-ignore-pattern",
                        pattern = pattern,
                        reason = crate::diag::text::display(e)
                    ),
                )
                .help(crate::t!("content-bad-ignore-pattern.help")),
            ),
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

/// Finds the Markdown files and assets of `content_dir`. A link out of the site's
/// bounds is an error (a bundle's `passwd.txt → /etc/passwd` would publish the build
/// machine's files), and so nothing of the site is published while one is there.
fn walk_tree(
    root: &Path,
    content_dir: &Path,
    ignored: &GlobSet,
    bounds: &SiteBounds,
    diagnostics: &mut Diagnostics,
) -> Walk {
    let mut markdown = Vec::new();
    let mut assets: BTreeMap<String, Vec<Asset>> = BTreeMap::new();
    let entries = bounds.walk(content_dir, |e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(WalkError::Io(e)) => {
                diagnostics.push(walk_error(root, &e));
                continue;
            }
            Err(WalkError::Escape(d)) => {
                diagnostics.push(d);
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(content_dir) else {
            continue;
        };
        let Some(key) = path_key(relative) else {
            diagnostics.push(
                Diagnostic::error("E0209", crate::t!("content-name-not-unicode"))
                    .in_file(rel_to_root(root, entry.path()))
                    .help(crate::t!("content-name-not-unicode.help")),
            );
            continue;
        };
        if ignored.is_match(relative) {
            continue;
        }
        let file = rel_to_root(root, entry.path());
        let name = key.rsplit('/').next().unwrap_or(&key);
        if let Some(right) = misnamed::page_name_for(name) {
            diagnostics.push(
                Diagnostic::warning("W0208", crate::t!("content-misnamed-page", name = name))
                    .in_file(file)
                    .help(crate::t!("content-misnamed-page.help", right = right)),
            );
            continue;
        }
        if key.ends_with(".md") {
            markdown.push(classify(file, key));
        } else {
            let folder = parent_key(&key);
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            assets.entry(folder.to_owned()).or_default().push(Asset {
                file,
                relative: key[folder.len()..].trim_start_matches('/').to_owned(),
                size,
            });
        }
    }
    Walk { markdown, assets }
}

fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let file = e.path().map(|p| rel_to_root(root, p)).unwrap_or_default();
    let message = if e.loop_ancestor().is_some() {
        crate::t!("content-link-loop")
    } else {
        match e.io_error() {
            Some(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
                crate::t!("content-permission-denied")
            }
            Some(io) => crate::t!(
                "content-cannot-read",
                reason = crate::diag::text::display(io)
            ),
            None => crate::t!(
                "content-cannot-read",
                reason = crate::diag::text::display(e)
            ),
        }
    };
    Diagnostic::error("E0209", message)
        .in_file(file)
        .help(crate::t!("content-cannot-read.help"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

fn rel_to_root(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// `news/a.md` with `/` separators, or `None` for a non-UTF-8 name.
fn path_key(relative: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}

/// `news` for `news/a.md`, `` for `a.md`.
fn parent_key(key: &str) -> &str {
    key.rfind('/').map_or("", |i| &key[..i])
}

fn classify(file: PathBuf, key: String) -> Found {
    let name = key.rsplit('/').next().unwrap_or(&key);
    if name == "_index.md" {
        return Found {
            file,
            key,
            kind: FoundKind::Section,
        };
    }
    if name == "index.md" {
        let folder = parent_key(&key);
        let stem = folder.rsplit('/').next().unwrap_or(folder).to_owned();
        return Found {
            file,
            key,
            kind: FoundKind::Page { stem },
        };
    }
    let stem = name.trim_end_matches(".md").to_owned();
    Found {
        file,
        key,
        kind: FoundKind::Page { stem },
    }
}

fn load_one(root: &Path, found: &Found, titles: meta::Titles) -> Result<Loaded, Vec<Diagnostic>> {
    let bytes = std::fs::read(root.join(&found.file)).map_err(|e| {
        let message = crate::t!(
            "content-cannot-read",
            reason = crate::diag::text::display(e)
        );
        vec![Diagnostic::error("E0209", message).in_file(&found.file)]
    })?;
    let text = decode::decode(&found.file, &bytes).map_err(|d| vec![d])?;
    match &found.kind {
        FoundKind::Section => {
            let parsed = meta::parse_section(&found.file, &text)?;
            Ok(Loaded::Section(
                Box::new(new_section(
                    found,
                    parsed.meta,
                    parsed.body,
                    parsed.body_line,
                )),
                parsed.warnings,
            ))
        }
        FoundKind::Page { stem } => {
            let parsed = meta::parse_page_with(&found.file, &text, titles)?;
            let page = Page {
                file: found.file.clone(),
                key: found.key.clone(),
                section: String::new(),
                stem: stem.clone(),
                meta: parsed.meta,
                body: parsed.body,
                body_line: parsed.body_line,
                assets: Vec::new(),
            };
            Ok(Loaded::Page(Box::new(page), parsed.warnings))
        }
    }
}

fn new_section(found: &Found, meta: SectionMeta, body: String, body_line: u32) -> Section {
    let folder = parent_key(&found.key);
    let components: Vec<String> = if folder.is_empty() {
        Vec::new()
    } else {
        folder.split('/').map(str::to_owned).collect()
    };
    Section {
        file: found.file.clone(),
        key: found.key.clone(),
        components,
        parent: None,
        meta,
        body,
        body_line,
        assets: Vec::new(),
    }
}

fn default_home() -> Section {
    Section {
        file: PathBuf::from("content/_index.md"),
        key: "_index.md".to_owned(),
        components: Vec::new(),
        parent: None,
        meta: SectionMeta::default(),
        body: String::new(),
        body_line: 1,
        assets: Vec::new(),
    }
}

/// Links each page to its nearest section and each section to its parent, and hands
/// the non-Markdown files to the bundle or section whose folder holds them.
fn attach(sections: &mut [Section], pages: &mut [Page], mut assets: BTreeMap<String, Vec<Asset>>) {
    let section_folders: BTreeMap<String, String> = sections
        .iter()
        .map(|s| (s.components.join("/"), s.key.clone()))
        .collect();
    let nearest = |mut folder: &str| -> String {
        loop {
            if let Some(key) = section_folders.get(folder) {
                return key.clone();
            }
            if folder.is_empty() {
                return "_index.md".to_owned();
            }
            folder = parent_key(folder);
        }
    };
    for section in sections.iter_mut() {
        if !section.components.is_empty() {
            section.parent = Some(nearest(parent_key(&section.components.join("/"))));
        }
        section.assets = assets
            .remove(&section.components.join("/"))
            .unwrap_or_default();
    }
    for page in pages.iter_mut() {
        let folder = parent_key(&page.key);
        if page.key.ends_with("/index.md") || page.key == "index.md" {
            page.section = nearest(parent_key(folder));
            page.assets = take_bundle_assets(&mut assets, folder);
        } else {
            page.section = nearest(folder);
        }
    }
}

/// Every asset in `folder` and below it, paths made relative to `folder`.
fn take_bundle_assets(assets: &mut BTreeMap<String, Vec<Asset>>, folder: &str) -> Vec<Asset> {
    let keys: Vec<String> = assets
        .keys()
        .filter(|k| *k == folder || k.starts_with(&format!("{folder}/")))
        .cloned()
        .collect();
    let mut taken = Vec::new();
    for key in keys {
        let prefix = key[folder.len()..].trim_start_matches('/').to_owned();
        for mut asset in assets.remove(&key).unwrap_or_default() {
            if !prefix.is_empty() {
                asset.relative = format!("{prefix}/{}", asset.relative);
            }
            taken.push(asset);
        }
    }
    taken
}
