//! One output, one owner: every output path of a build, with what produces it, known
//! before anything is rendered or written. Two producers of one path (a page and an
//! alias, a static file and the sitemap, a bundle's `index.html` and its page, a page at
//! `path = "search"` and the search index) would overwrite each other in silence, and
//! the preview, which keeps outputs by path, would show one where the build wrote the
//! other: each is an error naming both. The build and the preview run this one check
//! before rendering, and the outputs they render are checked against the plan after
//! (a path the plan lacks is a bug in menhu), so the two agree by construction.
//!
//! The search index owns the whole `search/` folder (its shards are named only when it
//! is built); the Traditional copy owns `zh-hant/` copies of the rendered outputs it
//! converts and of the bundles' files. A file and a folder of one name collide too.
//!
//! Codes: E0304 an alias collides (or would leave the site), E0305 any other collision.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::super::traditional::{PREFIX as TRADITIONAL, html::is_converted};
use super::super::{Theme, feeds};
use super::portal_pages::{self, PortalJob};
use super::{Job, Paged};
use crate::diag::text::Said;
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::portal::{Portal, PortalPage, PortalSection, Taxonomy, Term, urls};

/// The folder the search index owns.
const SEARCH: &str = crate::search::FOLDER;

/// What produces an output.
#[derive(Clone, Copy)]
enum Owner<'a> {
    Page(&'a PortalPage),
    /// A section's list, or (index > 1) one of its further pages.
    Section(&'a PortalSection, usize),
    TaxonomyList(&'a Taxonomy),
    Term(&'a Taxonomy, &'a Term, usize),
    Cities,
    City(usize, usize),
    Province(usize),
    Series(usize),
    NotFound,
    Sitemap,
    Robots,
    Highlight,
    /// A stylesheet compiled from `sass/`.
    Stylesheet,
    /// The theme's `search.html`, rendered at `search/index.html`.
    SearchPage,
    /// The search index and its client (and a plain search page without the theme's).
    SearchIndex,
    Feed(feeds::FeedOf<'a>),
    CityFeed(usize),
    PagerRedirect(Paged<'a>),
    Alias(&'a Path, &'a str),
    Static(&'a Path),
    Bundle(&'a Path),
    /// The Traditional copy as a whole, which owns `zh-hant/`.
    TraditionalCopy,
}

impl Owner<'_> {
    /// True for what an editor names and can rename; false for what the site makes.
    fn is_editors(&self) -> bool {
        matches!(
            self,
            Owner::Page(_)
                | Owner::Section(..)
                | Owner::Alias(..)
                | Owner::Static(_)
                | Owner::Bundle(_)
        )
    }
}

/// What an output path is, once its owner is known to be the only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Made {
    /// Rendered (and converted again for the Traditional copy when its kind is).
    Rendered,
    /// A bundle's file, copied again under `zh-hant/`.
    BundleFile,
    /// A static file, or part of the search index: not copied under `zh-hant/`.
    Other,
}

/// Every output path of a build (but the search index's own files, see [`SEARCH`]).
#[derive(Debug, Default)]
pub struct OutputPlan {
    paths: HashMap<String, Made>,
    search: bool,
    traditional: bool,
}

impl OutputPlan {
    /// True when `path` (relative to the output) is an output the plan knows.
    pub fn owns(&self, path: &str) -> bool {
        if self.paths.contains_key(path) {
            return true;
        }
        if self.search && is_inside(path, SEARCH) {
            return true;
        }
        // Copies made by `resize_image` as templates ask, named by their content, so
        // they cannot be listed before rendering. Zola sites may commit earlier ones to
        // `static/processed_images/`: those are the same files, not a second owner.
        if is_inside(path, crate::render::functions::PROCESSED_IMAGES) {
            return true;
        }
        self.traditional
            && path
                .strip_prefix(TRADITIONAL)
                .and_then(|rest| rest.strip_prefix('/'))
                .is_some_and(|main| match self.paths.get(main) {
                    Some(Made::BundleFile) => true,
                    Some(Made::Rendered) => is_converted(main),
                    _ => false,
                })
    }

    /// An internal error for the first of `paths` the plan does not know: a renderer
    /// and the plan disagree, which is a bug in menhu.
    pub fn check_outputs<'p>(
        &self,
        mut paths: impl Iterator<Item = &'p str>,
    ) -> Result<(), Diagnostic> {
        match paths.find(|path| !self.owns(path)) {
            None => Ok(()),
            Some(path) => Err(Diagnostic::error(
                "E0001",
                crate::t!("internal-not-planned", path = path),
            )),
        }
    }
}

/// The outputs of `portal` rendered with `theme`, and every collision between them.
/// Outputs the site's own machinery makes are claimed first, then what editors name
/// (sections, pages and their files, aliases, static files), so a collision names the
/// editor's file second, with the fix.
pub fn plan_outputs(portal: &Portal, theme: &Theme) -> (OutputPlan, Diagnostics) {
    let config = &portal.config;
    // Room for a page and its bundle's file or two, and the lists: no regrowing.
    let mut claims = Claims {
        owners: HashMap::with_capacity(portal.pages.len() * 2 + 256),
        collisions: Vec::new(),
    };
    let mut problems = Diagnostics::new();
    if config.generate_sitemap {
        claims.claim(feeds::SITEMAP_XML.into(), Owner::Sitemap, Made::Rendered);
    }
    claims.claim("404.html".into(), Owner::NotFound, Made::Rendered);
    if config.generate_robots_txt {
        claims.claim(feeds::ROBOTS_TXT.into(), Owner::Robots, Made::Rendered);
    }
    if config.markdown.highlight_code {
        claims.claim("highlight.css".into(), Owner::Highlight, Made::Rendered);
    }
    for stylesheet in &theme.stylesheets {
        claims.claim(stylesheet.path.clone(), Owner::Stylesheet, Made::Rendered);
    }
    if config.build_search_index {
        let (owner, made) = if theme.has("search.html") {
            (Owner::SearchPage, Made::Rendered)
        } else {
            (Owner::SearchIndex, Made::Other)
        };
        claims.claim(format!("{SEARCH}/index.html"), owner, made);
    }
    let jobs = super::plan_jobs(portal);
    let (pages, lists): (Vec<&Job>, Vec<&Job>) =
        jobs.iter().partition(|job| matches!(job, Job::Page(_)));
    let (sections, generated): (Vec<&Job>, Vec<&Job>) = lists
        .into_iter()
        .partition(|job| matches!(job, Job::Section(..)));
    for job in generated {
        claims.claim(
            job_output(portal, job),
            job_owner(portal, job),
            Made::Rendered,
        );
    }
    for job in portal_pages::plan(portal, theme) {
        let owner = portal_job_owner(&job);
        claims.claim(portal_job_output(portal, &job), owner, Made::Rendered);
    }
    for list in feeds::feeds_of(portal) {
        for (path, _) in feeds::feed_paths(portal, list.folder()) {
            claims.claim(path, Owner::Feed(list), Made::Rendered);
        }
    }
    if config.generate_feeds {
        for (index, city) in portal.places.cities.iter().enumerate() {
            for (path, _) in feeds::feed_paths(portal, &city.path) {
                claims.claim(path, Owner::CityFeed(index), Made::Rendered);
            }
        }
    }
    for (path, list) in super::pager_redirect_paths(portal) {
        claims.claim(path, Owner::PagerRedirect(list), Made::Rendered);
    }
    for job in sections.into_iter().chain(pages) {
        claims.claim(
            job_output(portal, job),
            job_owner(portal, job),
            Made::Rendered,
        );
    }
    for (section, _) in super::section_redirects(portal) {
        let path = urls::output_file_for(&section.url.path);
        claims.claim(path, Owner::Section(section, 1), Made::Rendered);
    }
    for (path, file) in bundle_file_claims(portal) {
        claims.claim(path, Owner::Bundle(file), Made::BundleFile);
    }
    for (aliases, _, file) in super::aliases(portal) {
        for alias in aliases {
            match super::alias_output(alias) {
                Some(path) => claims.claim(path, Owner::Alias(file, alias), Made::Rendered),
                None => problems.push(super::alias_leaves_the_site(alias, file)),
            }
        }
    }
    for file in &theme.static_files {
        claims.claim(file.to.clone(), Owner::Static(&file.from), Made::Other);
    }
    claims.finish(portal, problems)
}

fn bundle_file_claims(portal: &Portal) -> impl Iterator<Item = (String, &Path)> {
    let pages = portal
        .rendered_pages()
        .map(|p| (&p.source.assets, &p.url.path));
    let sections = portal
        .sections
        .iter()
        .map(|s| (&s.source.assets, &s.url.path));
    pages.chain(sections).flat_map(|(assets, path)| {
        assets.iter().map(move |asset| {
            let to = format!("{}{}", path.trim_start_matches('/'), asset.relative);
            (to, asset.file.as_path())
        })
    })
}

fn job_output(portal: &Portal, job: &Job) -> String {
    match job {
        Job::Page(id) => portal.page(*id).url.output_file(),
        Job::Section(section, pager) => {
            urls::output_file_for(pager.as_ref().map_or(&section.url.path, |p| &p.path))
        }
        Job::TaxonomyList(taxonomy) => urls::output_file_for(&taxonomy.path),
        Job::Term(_, term, pager) => {
            urls::output_file_for(pager.as_ref().map_or(&term.path, |p| &p.path))
        }
        Job::Portal(job) => portal_job_output(portal, job),
    }
}

fn job_owner<'a>(portal: &'a Portal, job: &Job<'a>) -> Owner<'a> {
    match job {
        Job::Page(id) => Owner::Page(portal.page(*id)),
        Job::Section(section, pager) => {
            Owner::Section(section, pager.as_ref().map_or(1, |p| p.index))
        }
        Job::TaxonomyList(taxonomy) => Owner::TaxonomyList(taxonomy),
        Job::Term(taxonomy, term, pager) => {
            Owner::Term(taxonomy, term, pager.as_ref().map_or(1, |p| p.index))
        }
        Job::Portal(job) => portal_job_owner(job),
    }
}

fn portal_job_output(portal: &Portal, job: &PortalJob) -> String {
    let places = &portal.places;
    let path = match job {
        PortalJob::Cities => &places.path,
        PortalJob::City(_, pager) => &pager.path,
        PortalJob::Province(index) => &places.provinces[*index].path,
        PortalJob::Series(index) => &portal.series.list[*index].path,
    };
    urls::output_file_for(path)
}

fn portal_job_owner<'a>(job: &PortalJob) -> Owner<'a> {
    match job {
        PortalJob::Cities => Owner::Cities,
        PortalJob::City(index, pager) => Owner::City(*index, pager.index),
        PortalJob::Province(index) => Owner::Province(*index),
        PortalJob::Series(index) => Owner::Series(*index),
    }
}

/// Paths claimed so far, and the collisions met.
#[derive(Default)]
struct Claims<'a> {
    owners: HashMap<String, (Owner<'a>, Made)>,
    collisions: Vec<Collision<'a>>,
}

/// Two owners of one path.
struct Collision<'a> {
    path: String,
    first: Owner<'a>,
    /// The first is the Traditional copy of the output of `first`.
    first_copied: bool,
    second: Owner<'a>,
    /// The path is a folder of `second`'s output (named here), and a file of `first`.
    folder_of: Option<String>,
}

impl<'a> Claims<'a> {
    fn claim(&mut self, path: String, owner: Owner<'a>, made: Made) {
        match self.owners.get(&path) {
            Some((first, _)) if !same_source(first, &owner) => {
                let collision = collision(&path, *first, owner);
                self.collisions.push(collision);
            }
            Some(_) => {}
            None => _ = self.owners.insert(path, (owner, made)),
        }
    }

    /// Adds the collisions that need every claim (folders owned whole, files where a
    /// folder must be), reports them all, and keeps the paths for [`OutputPlan::owns`].
    fn finish(mut self, portal: &Portal, mut problems: Diagnostics) -> (OutputPlan, Diagnostics) {
        let config = &portal.config;
        let mut found = Vec::new();
        for (path, (owner, _)) in &self.owners {
            if config.build_search_index
                && !matches!(owner, Owner::SearchPage | Owner::SearchIndex)
                && (path == SEARCH
                    || path
                        .strip_prefix(SEARCH)
                        .is_some_and(|r| r.starts_with('/')))
            {
                found.push(collision(path, Owner::SearchIndex, *owner));
            }
            if config.traditional {
                if path == TRADITIONAL {
                    found.push(Collision {
                        folder_of: Some(format!("{TRADITIONAL}/index.html")),
                        ..collision(path, *owner, Owner::TraditionalCopy)
                    });
                }
                if let Some(copied) = self.copied_by_traditional(path) {
                    found.push(Collision {
                        first_copied: true,
                        ..collision(path, copied, *owner)
                    });
                }
            }
            for (end, _) in path.match_indices('/') {
                if let Some((file_owner, _)) = self.owners.get(&path[..end]) {
                    found.push(Collision {
                        folder_of: Some(path.clone()),
                        ..collision(&path[..end], *file_owner, *owner)
                    });
                }
            }
        }
        self.collisions.extend(found);
        self.collisions.sort_by(|a, b| a.path.cmp(&b.path));
        problems.extend(self.collisions.iter().map(|c| c.report(portal)));
        let plan = OutputPlan {
            paths: self
                .owners
                .into_iter()
                .map(|(path, (_, made))| (path, made))
                .collect(),
            search: config.build_search_index,
            traditional: config.traditional,
        };
        (plan, problems)
    }

    /// The owner of the output whose Traditional copy is `path` (`zh-hant/news/index.html`).
    fn copied_by_traditional(&self, path: &str) -> Option<Owner<'a>> {
        let main = path.strip_prefix(TRADITIONAL)?.strip_prefix('/')?;
        let (owner, made) = self.owners.get(main)?;
        let copied = match made {
            Made::BundleFile => true,
            Made::Rendered => is_converted(main),
            Made::Other => false,
        };
        copied.then_some(*owner)
    }
}

fn collision<'a>(path: &str, first: Owner<'a>, second: Owner<'a>) -> Collision<'a> {
    Collision {
        path: path.to_owned(),
        first,
        first_copied: false,
        second,
        folder_of: None,
    }
}

/// One declaration met twice (an alias listed twice by its page) is no collision.
fn same_source(a: &Owner, b: &Owner) -> bool {
    match (a, b) {
        (Owner::Alias(file_a, alias_a), Owner::Alias(file_b, alias_b)) => {
            file_a == file_b && alias_a == alias_b
        }
        _ => false,
    }
}

impl Collision<'_> {
    fn report(&self, portal: &Portal) -> Diagnostic {
        let (first, second) = (
            describe(&self.first, portal),
            describe(&self.second, portal),
        );
        let first_text = if self.first_copied {
            crate::t!("owner-traditional-copy-of", owner = &first.text)
        } else {
            first.text.clone()
        };
        let involves_alias =
            matches!(self.first, Owner::Alias(..)) || matches!(self.second, Owner::Alias(..));
        let code = if involves_alias { "E0304" } else { "E0305" };
        let message = match &self.folder_of {
            Some(inner) => crate::t!(
                "output-file-and-folder",
                path = &self.path,
                first = first_text,
                inner = inner,
                second = &second.text
            ),
            None => crate::t!(
                "output-written-twice",
                path = &self.path,
                first = first_text,
                second = &second.text
            ),
        };
        // Turning off an output the site makes is the fix when an editor supplies it;
        // otherwise the fix is the editor's: the second owner's, unless only the first
        // is theirs.
        let switch_off = matches!(self.first, Owner::Sitemap | Owner::Robots);
        let fix = if self.second.is_editors() || !self.first.is_editors() {
            second
        } else {
            first.clone()
        };
        let help = if switch_off { first.help } else { fix.help };
        let mut d = Diagnostic::error(code, message)
            .expected(crate::t!("output-written-twice.expected"))
            .help(help);
        match fix.file {
            Some(file) => {
                d = d.in_file(&file);
                if let Some(span) = fix.span {
                    d = place(d, portal, &file, span);
                }
            }
            None => d = d.in_file(&portal.config.file),
        }
        d
    }
}

/// `d` at `span` of `file`, with the line's text for the caret.
fn place(d: Diagnostic, portal: &Portal, file: &Path, span: Span) -> Diagnostic {
    match std::fs::read_to_string(portal.root.join(file)) {
        Ok(text) => d.at(span, text.trim_start_matches('\u{feff}')),
        Err(_) => d.at_span(span),
    }
}

/// An owner as an editor reads it, the file to fix and how.
#[derive(Clone)]
struct Described {
    text: Said,
    file: Option<PathBuf>,
    span: Option<Span>,
    help: Said,
}

fn describe(owner: &Owner, portal: &Portal) -> Described {
    let config_file = || Some(portal.config.file.clone());
    let regions_help = || crate::t!("owner-region-page.help");
    let feed_help = || crate::t!("owner-feed.help");
    let (text, file, help): (Said, Option<PathBuf>, Said) = match owner {
        Owner::Page(page) => {
            let file = &page.source.file;
            return Described {
                text: crate::t!("owner-page", file = file.display()),
                file: Some(file.clone()),
                span: key_line(portal, file, &["path", "slug"]),
                help: crate::t!("owner-page.help"),
            };
        }
        Owner::Section(section, index) => {
            let file = section.source.file.display();
            let text = match (*index, section.source.key == "_index.md") {
                (1, true) => crate::t!("owner-home", file = file),
                (1, false) => crate::t!("owner-section", file = file),
                (n, _) => crate::t!("owner-section-pager", number = n, file = file),
            };
            (
                text,
                Some(section.source.file.clone()),
                crate::t!("owner-section.help"),
            )
        }
        Owner::TaxonomyList(taxonomy) => (
            crate::t!("owner-taxonomy-list", name = &taxonomy.config.name),
            config_file(),
            crate::t!("owner-taxonomy-list.help"),
        ),
        Owner::Term(taxonomy, term, index) => (
            crate::t!(
                "owner-term",
                number = *index,
                taxonomy = &taxonomy.config.name,
                term = &term.name
            ),
            config_file(),
            crate::t!("owner-term.help"),
        ),
        Owner::Cities => (crate::t!("owner-cities"), config_file(), regions_help()),
        Owner::City(index, page) => (
            crate::t!(
                "owner-city",
                number = *page,
                name = city_name(portal, *index)
            ),
            config_file(),
            regions_help(),
        ),
        Owner::Province(index) => {
            let division = portal.places.provinces[*index].division;
            let name = &portal.places.registry.get(division).name;
            (
                crate::t!("owner-province", name = name),
                config_file(),
                regions_help(),
            )
        }
        Owner::Series(index) => (
            crate::t!("owner-series", name = &portal.series.list[*index].name),
            config_file(),
            crate::t!("owner-series.help"),
        ),
        Owner::NotFound => (
            crate::t!("owner-not-found"),
            config_file(),
            crate::t!("owner-not-found.help"),
        ),
        Owner::Sitemap => (
            crate::t!("owner-sitemap"),
            config_file(),
            crate::t!("owner-switch-off", key = "generate_sitemap"),
        ),
        Owner::Robots => (
            crate::t!("owner-robots"),
            config_file(),
            crate::t!("owner-switch-off", key = "generate_robots_txt"),
        ),
        Owner::Highlight => (
            crate::t!("owner-highlight"),
            config_file(),
            crate::t!("owner-highlight.help"),
        ),
        Owner::Stylesheet => (
            crate::t!("owner-stylesheet"),
            config_file(),
            crate::t!("owner-stylesheet.help"),
        ),
        Owner::SearchPage => (
            crate::t!("owner-search-page"),
            config_file(),
            crate::t!("owner-search-page.help"),
        ),
        Owner::SearchIndex => (
            crate::t!("owner-search-index", folder = SEARCH),
            config_file(),
            crate::t!("owner-search-index.help"),
        ),
        Owner::Feed(list) => {
            let text = match list {
                feeds::FeedOf::Site => crate::t!("owner-feed-site"),
                feeds::FeedOf::Section(section) => {
                    crate::t!("owner-feed-section", file = section.source.file.display())
                }
                feeds::FeedOf::Term(taxonomy, term) => crate::t!(
                    "owner-feed-term",
                    taxonomy = &taxonomy.config.name,
                    term = &term.name
                ),
            };
            (text, config_file(), feed_help())
        }
        Owner::CityFeed(index) => (
            crate::t!("owner-feed-city", name = city_name(portal, *index)),
            config_file(),
            feed_help(),
        ),
        Owner::PagerRedirect(list) => {
            let text = match list {
                Paged::Section(section) => {
                    crate::t!(
                        "owner-redirect-section",
                        file = section.source.file.display()
                    )
                }
                Paged::Term(taxonomy, term) => crate::t!(
                    "owner-redirect-term",
                    taxonomy = &taxonomy.config.name,
                    term = &term.name
                ),
            };
            (
                text,
                config_file(),
                crate::t!("owner-redirect-section.help"),
            )
        }
        Owner::Alias(file, alias) => {
            let span = alias_line(portal, file, alias);
            return Described {
                text: crate::t!("owner-alias", alias = *alias, file = file.display()),
                file: Some(file.to_path_buf()),
                span,
                help: crate::t!("owner-alias.help"),
            };
        }
        Owner::Static(from) => {
            let shown = portal.bounds.shown(from);
            (
                crate::t!("owner-static", file = shown.display()),
                Some(shown),
                crate::t!("owner-static.help"),
            )
        }
        Owner::TraditionalCopy => (
            crate::t!("owner-traditional", folder = TRADITIONAL),
            config_file(),
            crate::t!("owner-traditional.help"),
        ),
        Owner::Bundle(file) => (
            crate::t!("owner-bundle", file = file.display()),
            Some(file.to_path_buf()),
            crate::t!("owner-bundle.help"),
        ),
    };
    Described {
        text,
        file,
        span: None,
        help,
    }
}

fn city_name(portal: &Portal, index: usize) -> &str {
    let division = portal.places.cities[index].division;
    &portal.places.registry.get(division).name
}

/// Where `file` lists `alias` (front matter keeps no places for aliases): the first
/// line holding it quoted, or as a YAML list item.
fn alias_line(portal: &Portal, file: &Path, alias: &str) -> Option<Span> {
    let text = std::fs::read_to_string(portal.root.join(file)).ok()?;
    let written = [
        format!("\"{alias}\""),
        format!("'{alias}'"),
        format!("- {alias}"),
    ];
    text.lines().enumerate().find_map(|(index, line)| {
        let (at, found) = written
            .iter()
            .find_map(|w| line.find(w.as_str()).map(|at| (at, w)))?;
        let column = line[..at].chars().count() as u32 + 1;
        let line = index as u32 + 1;
        Some(Span {
            line,
            column,
            end_line: line,
            end_column: column + found.chars().count() as u32,
        })
    })
}

/// The line of `file` that sets one of `keys` (`path = "tags"` or `path: tags`), which
/// decides the page's address.
fn key_line(portal: &Portal, file: &Path, keys: &[&str]) -> Option<Span> {
    let text = std::fs::read_to_string(portal.root.join(file)).ok()?;
    text.lines().enumerate().find_map(|(index, line)| {
        let rest = keys.iter().find_map(|key| line.strip_prefix(key))?;
        let rest = rest.trim_start();
        let sets = rest.starts_with('=') || rest.starts_with(':');
        let line = index as u32 + 1;
        sets.then(|| Span {
            line,
            column: 1,
            end_line: line,
            end_column: line_width(&text, index),
        })
    })
}

fn line_width(text: &str, index: usize) -> u32 {
    text.lines()
        .nth(index)
        .map_or(1, |l| l.chars().count() as u32 + 1)
}

/// True when `path` lies inside the output folder `folder` (`search`).
fn is_inside(path: &str, folder: &str) -> bool {
    path.strip_prefix(folder)
        .is_some_and(|r| r.starts_with('/'))
}
