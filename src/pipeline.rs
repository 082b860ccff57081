//! The build, stage by stage: config → content → URLs → Markdown → portal → outputs →
//! disk. Each stage returns its value and its diagnostics; the build stops after a
//! stage that reported errors, so later stages never see a broken site. `check` asks
//! for every stage that can still run instead ([`build_for_check`]), so that one run
//! reports every problem.
//!
//! How a stage schedules its work (what it starts early, settles alongside or frees
//! when done) is the stage's own: this module passes values in ([`Sources`], the
//! config) and hands back the handles a stage returned (the search index's early
//! cuts), so that it reads as the list of stages. A build and the preview's rebuild
//! share every stage after the model ([`render_stages`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::bounds::SiteBounds;
use crate::config::{Config, SlugStrategy};
use crate::content::date::Now;
use crate::content::{self, Content, LoadOptions};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::fingerprint::{self, BuildCache, MarkdownCache, MarkdownSource};
use crate::images::{ImageCache, ImageProcessor, ImageRequests};
use crate::markdown::{
    self, AnchorLinks, AnchorStyle, LinkResolver, MarkdownInput, MarkdownOptions, Rendered,
    ShortcodeOutput, ShortcodeRenderer, SiteLinkError,
};
use crate::output::{self, CopiedFile, Output, OutputSink, SiteOutput, WriteStats};
use crate::portal::schedule::{Publication, Schedule};
use crate::portal::{Portal, PortalInput, UrlPlan};
use crate::render::{self, Incremental, RenderMode, RenderedSite, Shortcodes, Theme};

mod cached;
pub mod persist;
mod persist_markdown;
mod reprint_markdown;
mod search_cache;

pub use cached::{CacheUse, build_cached};
pub use reprint_markdown::ReprintRenders;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's root folder (holding the config and `content/`).
    pub root: PathBuf,
    /// Output folder; the config's `output_dir` when `None`.
    pub output: Option<PathBuf>,
    /// Include drafts and pages dated in the future.
    pub drafts: bool,
    /// Replaces the config's `base_url`.
    pub base_url: Option<String>,
    /// Allow an output folder outside the site.
    pub force: bool,
    /// The build's "now": which pages are due and which have expired.
    pub now: Now,
    /// No network: `load_data(url=…)` answers from the cache only (`--offline`).
    pub offline: bool,
    /// For a member of a network (站群): the network's root relative to the site root
    /// (`../..`), whose `themes/` the site shares, overriding it file by file.
    pub shared: Option<PathBuf>,
    /// For a member of a network: the pages reprinted (转载) here from other members,
    /// added to the site's own content (see `crate::network`).
    pub reprints: Vec<content::Page>,
    /// For a member of a network: every member's permalinks by content key
    /// (`news/x.md`), by site name, for `@site:/news/x.md` links.
    pub site_links: Option<Arc<SiteLinks>>,
    /// For a member of a network: the other member sites (city pages link to them).
    pub member_sites: Vec<crate::portal::MemberSite>,
    /// For a member of a network: the work the members' builds share ([`SharedWork`]).
    pub shared_work: Option<Arc<SharedWork>>,
}

/// What several site builds in one process share (the members of a network): the
/// templates, parsed once per distinct set of template files; the data files
/// (`[[directories]]` tables, `load_data` files), parsed once per distinct file; the
/// Markdown of pages several members reprint, rendered once; and the code
/// highlighter's syntaxes, which a lone build frees after its Markdown, kept loaded for
/// the next site until the last build sharing them is done (then freed).
#[derive(Debug, Default)]
pub struct SharedWork {
    /// Templates parsed, by the files they were parsed from.
    pub themes: render::ParsedThemes,
    /// Data files parsed, by resolved path and content.
    pub data_files: Arc<crate::load_data::ParsedFiles>,
    /// Renders of reprinted pages that members still to be built show.
    pub reprints: ReprintRenders,
}

impl SharedWork {
    /// Work shared by builds that show the reprints `reprints` awaits.
    pub fn with_reprints(reprints: ReprintRenders) -> SharedWork {
        SharedWork {
            themes: render::ParsedThemes::default(),
            data_files: Arc::default(),
            reprints,
        }
    }
}

impl Drop for SharedWork {
    fn drop(&mut self) {
        markdown::release_highlighter();
    }
}

/// Permalinks by content key, by member site name (see [`BuildOptions::site_links`]).
pub type SiteLinks = std::collections::BTreeMap<String, HashMap<String, String>>;

impl BuildOptions {
    /// Options for building the site at `root` with every default.
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            output: None,
            drafts: false,
            base_url: None,
            force: false,
            now: Now::Clock,
            offline: false,
            shared: None,
            reprints: Vec::new(),
            site_links: None,
            member_sites: Vec::new(),
            shared_work: None,
        }
    }
}

/// A site built in memory.
pub struct Built {
    /// The model.
    pub portal: Arc<Portal>,
    /// Every output.
    pub site: SiteOutput,
    /// Warnings (a built site has no errors).
    pub warnings: Diagnostics,
    /// What was published, and every page that was not, with the reason.
    pub publication: Publication,
    /// Time spent per stage, for `--verbose` style reports.
    pub timings: Vec<(&'static str, Duration)>,
    /// With a build cache (`--cache`): what it saved, and its notes.
    pub cache: Option<CacheUse>,
}

/// Whether anything reads the Markdown sources once the build is made: `check` and the
/// preview do; a one-off `menhu build` does not, so its stages free what they are done
/// with (the Markdown stage the bodies, the plain text no index needs and the
/// highlighter; the render stage the model's sources, [`Portal::shed_sources`]),
/// which keeps a large build's sources, HTML and text from peaking together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sources {
    /// Kept for whatever reads the build afterwards.
    Kept,
    /// Freed by each stage once it is done with them.
    Shed,
}

/// What a build may take from earlier builds instead of making it again.
enum Reuse<'a> {
    /// Nothing: every stage starts from the sources.
    Nothing,
    /// The preview's caches in memory: parsed files, rendered Markdown, render memo.
    Preview(&'a mut BuildCache),
    /// The Markdown renders a build with the cache kept on disk.
    Kept(&'a persist_markdown::KeptMarkdown),
}

/// What the errors of a stage do to the stages after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnErrors {
    /// Stop after the stage: a build never renders a broken site.
    Stop,
    /// Run every stage that can still run, so that `check` reports everything at once.
    Continue,
}

/// Builds the site in memory. `Err` holds every problem found, errors and warnings.
pub fn build_in_memory(options: &BuildOptions) -> Result<Built, Diagnostics> {
    build_in_memory_loaded(options, None)
}

/// [`build_in_memory`], starting from the config and content `loaded` already read
/// with these options ([`load_site`]) instead of reading them again.
pub fn build_in_memory_loaded(
    options: &BuildOptions,
    loaded: Option<LoadedSite>,
) -> Result<Built, Diagnostics> {
    build_to(
        options,
        loaded,
        &output::KeepInMemory,
        Sources::Kept,
        OnErrors::Stop,
    )
}

/// A site's config and content as its build reads them, read ahead of the build: a
/// network reads every member's to decide what each reprints ([`crate::network`]),
/// then hands each member's to its build, which then reads no file twice.
pub struct LoadedSite {
    /// The config, with the options' base URL and offline mode.
    pub config: Config,
    /// The config's warnings.
    pub config_warnings: Vec<Diagnostic>,
    /// The pages and sections of `content/` (not yet those of `[[directories]]`).
    pub content: Content,
    /// The problems of reading them.
    pub content_problems: Diagnostics,
}

/// Reads the site's config and content as a build with `options` would: what
/// [`build_loaded`] and [`build_in_memory_loaded`] start from. `Err` when the config
/// cannot be read.
pub fn load_site(options: &BuildOptions) -> Result<LoadedSite, Diagnostics> {
    let (config, config_warnings) = load_config(options)?;
    let (bounds, _) = site_bounds(options, &config);
    let (content, content_problems) =
        content::load_cached(&options.root, &load_options(options, &config, bounds), None);
    Ok(LoadedSite {
        config,
        config_warnings,
        content,
        content_problems,
    })
}

/// The folders the site's build may read: its own, a network's shared themes and data,
/// and the bundle files of the pages it reprints.
fn site_bounds(options: &BuildOptions, config: &Config) -> (SiteBounds, Vec<Diagnostic>) {
    let (mut bounds, warnings) = config.bounds(&options.root);
    if let Some(shared) = &options.shared {
        bounds = bounds.sharing(shared);
    }
    // A reprint's bundle files are read in the origin member's folder, these files only.
    let reprinted = options.reprints.iter().flat_map(|page| &page.assets);
    bounds = bounds.allowing_files(reprinted.map(|asset| asset.file.as_path()));
    (bounds, warnings)
}

/// How the content of `config`'s site is read.
fn load_options(options: &BuildOptions, config: &Config, bounds: SiteBounds) -> LoadOptions {
    LoadOptions {
        drafts: options.drafts,
        ignored: config.ignored_content.clone(),
        bounds: Some(bounds),
        titles: content::meta::Titles::of_site(config),
    }
}

/// A site built for `check`, as far as its problems let it be built.
pub struct Checked {
    /// The model, unless the config could not be read.
    pub portal: Option<Arc<Portal>>,
    /// Every output, when every page could be rendered: checks that read outputs
    /// would otherwise report each output that is missing as a broken link.
    pub site: Option<SiteOutput>,
    /// Every problem of every stage that ran, errors and warnings.
    pub problems: Diagnostics,
    /// What was published and what was not, once the content could be read.
    pub publication: Option<Publication>,
}

/// Builds the site in memory for `check`: a stage's errors do not stop the stages
/// that can still run (Markdown and the model are made even when a template is broken,
/// a link or a city is wrong, or a page could not be read).
pub fn build_for_check(options: &BuildOptions) -> Checked {
    let model = match build_model(
        options,
        None,
        Reuse::Nothing,
        Sources::Kept,
        OnErrors::Continue,
    ) {
        Ok(model) => model,
        Err(problems) => {
            return Checked {
                portal: None,
                site: None,
                problems,
                publication: None,
            };
        }
    };
    let portal = model.portal.clone();
    let publication = Some(model.publication.clone());
    match finish_build(
        model,
        &output::KeepInMemory,
        Sources::Kept,
        OnErrors::Continue,
    ) {
        Ok(built) => {
            // Template errors (E04xx) are the only errors that leave outputs out.
            let template_errors = built
                .warnings
                .iter()
                .any(|d| d.is_error() && d.code.starts_with("E04"));
            Checked {
                portal: Some(portal),
                site: (!template_errors).then_some(built.site),
                problems: built.warnings,
                publication,
            }
        }
        Err(problems) => Checked {
            portal: Some(portal),
            site: None,
            problems,
            publication,
        },
    }
}

/// Builds the site, handing the outputs to `sink` as they are made; the returned
/// site holds those the sink kept.
fn build_to(
    options: &BuildOptions,
    loaded: Option<LoadedSite>,
    sink: &dyn OutputSink,
    sources: Sources,
    on_errors: OnErrors,
) -> Result<Built, Diagnostics> {
    let model = build_model(options, loaded, Reuse::Nothing, sources, on_errors)?;
    finish_build(model, sink, sources, on_errors)
}

/// Renders a model into `sink` (with the Traditional copy and search index it asks for).
fn finish_build(
    model: Model,
    sink: &dyn OutputSink,
    sources: Sources,
    on_errors: OnErrors,
) -> Result<Built, Diagnostics> {
    let finished = render_stages(
        model,
        RenderMode::Build(sink),
        ImageUse::Build,
        sources,
        on_errors,
        None,
    )?;
    Ok(Built {
        portal: finished.portal,
        site: finished.outputs.site,
        warnings: finished.report,
        publication: finished.publication,
        timings: finished.timings,
        cache: None,
    })
}

/// A rebuild for the preview server: the same stages as [`build_in_memory`], reusing
/// from `cache` whatever is unchanged, and rendering only outputs whose inputs changed.
pub struct Rebuilt {
    /// The model.
    pub portal: Arc<Portal>,
    /// The templates it was rendered with.
    pub theme: Arc<Theme>,
    /// Outputs rendered again, the paths of those that did not change, and copies.
    pub outputs: RenderedSite,
    /// Warnings.
    pub warnings: Diagnostics,
    /// What was published, and every page that was not, with the reason.
    pub publication: Publication,
    /// Time spent per stage.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Rebuilds in memory with `cache`; on success the cache describes this build. The
/// pages of the `edited` source files are rendered first and handed to `on_edited`.
pub fn rebuild_in_memory(
    options: &BuildOptions,
    cache: &mut BuildCache,
    edited: &HashSet<PathBuf>,
    on_edited: &mut dyn FnMut(&[Output]),
) -> Result<Rebuilt, Diagnostics> {
    let model = build_model(
        options,
        None,
        Reuse::Preview(cache),
        Sources::Kept,
        OnErrors::Stop,
    )?;
    let incremental = Incremental {
        memo: &cache.render,
        urgent: edited,
        on_urgent: on_edited,
        sink: &output::KeepInMemory,
        search_sink: &output::KeepInMemory,
    };
    let mut finished = render_stages(
        model,
        RenderMode::Rebuild(incremental),
        ImageUse::Preview,
        Sources::Kept,
        OnErrors::Stop,
        None,
    )?;
    let mut memo = std::mem::take(&mut finished.outputs.memo);
    memo.adopt(std::mem::take(&mut cache.render), &finished.outputs.kept);
    cache.render = memo;
    Ok(Rebuilt {
        portal: finished.portal,
        theme: Arc::new(finished.theme),
        outputs: finished.outputs,
        warnings: finished.report,
        publication: finished.publication,
        timings: finished.timings,
    })
}

/// A model rendered, with its images, search index and Traditional copy.
struct Finished {
    portal: Arc<Portal>,
    theme: Theme,
    outputs: RenderedSite,
    report: Diagnostics,
    publication: Publication,
    timings: Vec<(&'static str, Duration)>,
}

/// The stages after the model, shared by a build and the preview's rebuild: outputs
/// (rendered as `mode` says, each with its Traditional copy), image copies, the search
/// index, and the check that every output has the one owner the plan gave it.
fn render_stages(
    model: Model,
    mode: RenderMode,
    images: ImageUse,
    sources: Sources,
    on_errors: OnErrors,
    terms: Option<&search_cache::SearchTerms>,
) -> Result<Finished, Diagnostics> {
    let Model {
        mut portal,
        theme,
        plan,
        mut report,
        mut timings,
        copier,
        cuts,
        publication,
    } = model;
    let (Some(theme), Some(plan)) = (theme, plan) else {
        return Err(report);
    };
    if let (Sources::Shed, Some(portal)) = (sources, Arc::get_mut(&mut portal)) {
        portal.shed_sources();
    }
    // The search index goes where the pages went.
    let sink: &dyn OutputSink = match &mode {
        RenderMode::Build(sink) => *sink,
        RenderMode::Rebuild(incremental) => incremental.search_sink,
        RenderMode::Page(_) => &output::KeepInMemory,
    };
    let started = Instant::now();
    let mut outputs = render::render(portal.clone(), &theme, copier.as_ref(), mode);
    report.extend(std::mem::take(&mut outputs.diagnostics));
    gate(&report, on_errors)?;
    timings.push(("templates", started.elapsed()));
    push_copy_time(copier.as_ref(), &mut timings);
    // Before the index: the sink settles the output around the copies as well.
    let started = Instant::now();
    report.extend(publish_images(&portal, &mut outputs.site.copies, images));
    gate(&report, on_errors)?;
    timings.push(("images", started.elapsed()));
    // Both scripts share one index, kept in Simplified.
    let index = search_index(
        &portal,
        &theme,
        cuts,
        terms,
        sink,
        &outputs.site,
        &mut timings,
    );
    match index {
        Ok(taken) => taken.into_iter().for_each(|t| outputs.site.add(t)),
        Err(d) => {
            report.push(d);
            return Err(report);
        }
    }
    let site = &mut outputs.site;
    site.files.sort_by(|a, b| a.path.cmp(&b.path));
    site.written.sort();
    let paths = site.files.iter().map(|f| f.path.as_str());
    let written = site.written.iter().map(String::as_str);
    let kept = outputs.kept.iter().map(String::as_str);
    let copied = site.copies.iter().map(|c| c.to.as_str());
    if let Err(d) = plan.check_outputs(paths.chain(written).chain(kept).chain(copied)) {
        report.push(d);
        return Err(report);
    }
    Ok(Finished {
        portal,
        theme,
        outputs,
        report,
        publication,
        timings,
    })
}

/// With a Traditional copy, the time its making took within the render, added up over
/// the threads (so it can exceed the render's own time on several cores).
fn push_copy_time(
    copier: Option<&render::traditional::Copier>,
    timings: &mut Vec<(&'static str, Duration)>,
) {
    if let Some(copier) = copier {
        timings.push(("traditional (cpu)", copier.time_spent()));
    }
}

/// The search index's files when the config asks for one (none otherwise), each
/// handed to `sink` as it is made, with the titles' and headings' `cuts` when they were
/// started early. Given the rest of the output, `site`, the sink settles it meanwhile
/// ([`output::while_settling`]). With the build cache's `terms`, the pages' terms kept
/// by the last build are read back, and this build's kept for the next.
fn search_index(
    portal: &Portal,
    theme: &Theme,
    cuts: Option<crate::search::EarlyCuts>,
    terms: Option<&search_cache::SearchTerms>,
    sink: &dyn OutputSink,
    site: &SiteOutput,
    timings: &mut Vec<(&'static str, Duration)>,
) -> Result<Vec<output::SinkOutcome>, Diagnostic> {
    if !portal.config.build_search_index {
        return Ok(Vec::new());
    }
    let started = Instant::now();
    let store = terms.map(search_cache::SearchTerms::load);
    let write = || {
        let has_page = theme.has("search.html");
        crate::search::write_search_outputs(portal, has_page, cuts, store.as_ref(), sink)
    };
    let taken = output::while_settling(sink, site, crate::search::FOLDER, write);
    if let (Some(terms), Some(store), Ok(_)) = (terms, &store, &taken) {
        terms.save(store);
    }
    timings.push(("search index", started.elapsed()));
    taken
}

/// Whether a build's image copies are all it uses ([`ImageUse::Build`]: the cache is
/// pruned of the rest), or only those of the pages rendered again (the preview).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageUse {
    Build,
    Preview,
}

/// Makes the image copies the templates asked for (`resize_image`), in one parallel
/// batch through the cache, and adds them to `copies` under `processed_images/`.
fn publish_images(
    portal: &Portal,
    copies: &mut Vec<CopiedFile>,
    using: ImageUse,
) -> Vec<Diagnostic> {
    // A photo the pages asked for and menhu could not read: said, the build goes on.
    let unshown: Vec<Diagnostic> = portal
        .images
        .unreadable()
        .iter()
        .map(|e| Diagnostic {
            code: "W0209",
            severity: crate::diag::Severity::Warning,
            ..e.diagnostic()
        })
        .collect();
    let plans = portal.images.take_plans();
    if plans.is_empty() && using == ImageUse::Preview {
        return unshown;
    }
    let processor = portal.images.processor();
    let used: HashSet<String> = plans.iter().map(|p| p.file_name.clone()).collect();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for plan in &plans {
        copies.push(CopiedFile {
            from: processor.cache().entry_path(&plan.file_name),
            to: format!("{}/{}", render::functions::PROCESSED_IMAGES, plan.file_name),
        });
    }
    let report = processor.run(plans);
    problems.extend(
        report
            .errors
            .iter()
            .map(crate::images::ImageError::diagnostic),
    );
    copies.sort_by(|a, b| a.to.cmp(&b.to));
    if using == ImageUse::Build && problems.is_empty() {
        // Tidying: a failure leaves unused copies behind, never breaks the build.
        let _ = processor.cache().prune(&used);
    }
    problems.extend(unshown);
    problems
}

/// The build's image requests, made before the Markdown so that shortcodes ask the
/// same registry as page templates; and, when some template calls an image function,
/// every bundle file by permalink (a `page.assets` entry passed as `path`).
fn image_requests(
    root: &Path,
    bounds: &SiteBounds,
    config: &Config,
    content: &Content,
    urls: &UrlPlan,
    theme: Option<&Theme>,
) -> (Arc<ImageRequests>, Arc<HashMap<String, PathBuf>>) {
    let processor = ImageProcessor::new(
        root,
        bounds.clone(),
        &config.images,
        ImageCache::in_site(root),
    );
    let images = Arc::new(ImageRequests::new(processor));
    let called = theme
        .is_some_and(|t| t.any_mentions("resize_image") || t.any_mentions("get_image_metadata"));
    if !called {
        return (images, Arc::default());
    }
    let pages = content
        .pages
        .iter()
        .zip(&urls.pages)
        .map(|(p, url)| (url.permalink.as_str(), p.assets.as_slice()));
    let sections = content
        .sections
        .iter()
        .zip(&urls.sections)
        .map(|(s, url)| (url.permalink.as_str(), s.assets.as_slice()));
    let assets = render::functions::asset_permalinks(pages.chain(sections));
    (images, Arc::new(assets))
}

/// The model and templates of a site, ready to render.
struct Model {
    portal: Arc<Portal>,
    /// The templates; `None` (with their errors reported) only when errors do not stop.
    theme: Option<Theme>,
    /// Every output path, each with one owner; `None` when there are no templates.
    plan: Option<render::OutputPlan>,
    report: Diagnostics,
    timings: Vec<(&'static str, Duration)>,
    /// Makes the Traditional copy, when the site has one.
    copier: Option<render::traditional::Copier>,
    /// The search index's dictionary words, being cut meanwhile.
    cuts: Option<crate::search::EarlyCuts>,
    /// What is published and what is not.
    publication: Publication,
}

/// Every stage before rendering, from the config and content `loaded` when they were
/// read ahead ([`load_site`]).
fn build_model(
    options: &BuildOptions,
    loaded: Option<LoadedSite>,
    mut reuse: Reuse<'_>,
    sources: Sources,
    on_errors: OnErrors,
) -> Result<Model, Diagnostics> {
    let mut report = Diagnostics::new();
    let mut timings = Vec::new();
    let mut clock = Instant::now();
    let mut end_stage = |name: &'static str, timings: &mut Vec<(&'static str, Duration)>| {
        timings.push((name, clock.elapsed()));
        clock = Instant::now();
    };

    let (mut config, warnings, mut loaded_content) = match loaded {
        Some(l) => (
            l.config,
            l.config_warnings,
            Some((l.content, l.content_problems)),
        ),
        None => {
            let (config, warnings) = load_config(options)?;
            (config, warnings, None)
        }
    };
    report.extend(warnings);
    render::traditional::prepare_early(&config);
    let now = options.now.resolve(config.timezone);
    let (bounds, warnings) = site_bounds(options, &config);
    report.extend(warnings);
    report.extend(config.check.add_wording_file(&bounds));
    let shared = options.shared.as_deref();
    let parsed_themes = options.shared_work.as_ref().map(|w| &w.themes);
    let data_files = options.shared_work.as_ref().map(|w| w.data_files.clone());
    let mut theme = match Theme::load_sharing(
        &options.root,
        shared,
        &config,
        &bounds,
        parsed_themes,
        data_files.clone(),
    ) {
        Ok(theme) => {
            report.extend(theme.warnings.iter().cloned());
            Some(theme)
        }
        Err(problems) => {
            report.extend(problems);
            gate(&report, on_errors)?;
            None
        }
    };
    match (&mut reuse, &theme) {
        (Reuse::Preview(cache), Some(theme)) => {
            cache.use_config(&config);
            cache.markdown.use_theme(&theme.digests);
        }
        (Reuse::Kept(kept), Some(theme)) => kept.use_theme(&theme.digests),
        _ => {}
    }
    end_stage("config and templates", &mut timings);

    let (mut content, problems) = match loaded_content.take() {
        Some(loaded) => loaded,
        None => {
            let load = load_options(options, &config, bounds.clone());
            let parse_cache = match &mut reuse {
                Reuse::Preview(cache) => Some(&mut cache.parsed),
                _ => None,
            };
            content::load_cached(&options.root, &load, parse_cache)
        }
    };
    report.extend(problems);
    report.extend(content::directory::load_directories(
        &options.root,
        &config.directories,
        &config.file,
        &bounds,
        data_files.as_deref(),
        &mut content,
    ));
    if !options.reprints.is_empty() {
        content.pages.extend(options.reprints.iter().cloned());
        content.pages.sort_by(|a, b| a.key.cmp(&b.key));
    }
    // Scheduled pages get their URLs and Markdown like the others, so their problems
    // show today; they leave the site before the model is built.
    let schedule = Schedule::decide(&content, now, config.timezone, options.drafts);
    let (mut urls, problems) = UrlPlan::build(&config, &content);
    report.extend(schedule.soften(problems.into_iter().collect()));
    gate(&report, on_errors)?;
    end_stage("content", &mut timings);

    let links = Links {
        plan: &urls,
        unreadable: unreadable_pages(&report),
        sites: options.site_links.as_deref(),
    };
    let (images, image_assets) = image_requests(
        &options.root,
        &bounds,
        &config,
        &content,
        &urls,
        theme.as_ref(),
    );
    if let Some(theme) = theme.as_mut() {
        let site = render::functions::ImageSite::new(
            &options.root,
            &config,
            images.clone(),
            image_assets.clone(),
        );
        render::functions::register_image_functions(&mut theme.tera, &site);
        if theme.shortcodes_mention("get_url") {
            let permalinks = urls.permalinks().clone();
            render::functions::register_shortcode_get_url(&mut theme.tera, &config, permalinks);
        }
    }
    let (section_html, mut page_html, problems) = render_markdown(
        &config,
        &mut content,
        &links,
        theme.as_ref(),
        reuse,
        sources,
        options.shared_work.as_deref().map(|w| &w.reprints),
    );
    if sources == Sources::Shed && options.shared_work.is_none() {
        // No more Markdown until the next build: its syntaxes need not wait for it.
        // (Builds sharing work keep them for the next site; see `SharedWork`.)
        markdown::release_highlighter();
    }
    report.extend(schedule.soften(problems));
    report.extend(schedule.links_to_waiting(&content, &section_html, &page_html));
    gate(&report, on_errors)?;
    let publication = schedule.withhold(&mut content, &mut urls, &mut page_html);
    // Without templates (reported above, when errors do not stop) there is no copy.
    let copier = match (config.traditional, &theme) {
        (true, Some(theme)) => {
            let restore =
                content::traditional::simplify_traditional_pages(&mut content, |page, restore| {
                    page_html[page].simplify_traditional(restore)
                });
            Some(render::traditional::Copier::new(&config, theme, &restore))
        }
        _ => None,
    };
    // In Simplified, as the index is: after the Traditional pages are simplified.
    let cuts = crate::search::cut_early(&config, &content.pages, &page_html);
    end_stage("markdown", &mut timings);

    let input = PortalInput {
        root: options.root.clone(),
        bounds,
        config,
        content,
        urls,
        section_html,
        page_html,
        now,
        images,
        image_assets,
        member_sites: options.member_sites.clone(),
        parsed_files: data_files,
    };
    let (portal, problems) = Portal::build(input);
    report.extend(problems);
    gate(&report, on_errors)?;
    end_stage("portal", &mut timings);
    // Before anything is rendered or written: one owner for each output path.
    let plan = theme.as_ref().map(|theme| {
        let (plan, problems) = render::plan_outputs(&portal, theme);
        report.extend(problems);
        plan
    });
    gate(&report, on_errors)?;
    let portal = Arc::new(portal);
    end_stage("output plan", &mut timings);
    Ok(Model {
        portal,
        theme,
        plan,
        report,
        timings,
        copier,
        cuts,
        publication,
    })
}

/// The site's config as the build uses it: with the options' base URL and offline mode.
fn load_config(options: &BuildOptions) -> Result<(Config, Vec<Diagnostic>), Diagnostics> {
    let (mut config, warnings) = Config::load(&options.root).map_err(diagnostics_of)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.trim_end_matches('/').to_owned();
    }
    config.load_data.offline = options.offline;
    Ok((config, warnings))
}

/// The output folder of a build of `config` with `options`, checked to be safe to
/// replace.
fn output_target(options: &BuildOptions, config: &Config) -> Result<PathBuf, Diagnostics> {
    let requested = match &options.output {
        Some(output) => output.clone(),
        None => PathBuf::from(&config.output_dir),
    };
    let reads: Vec<PathBuf> = config
        .directories
        .iter()
        .map(|d| PathBuf::from(&d.file.value))
        .collect();
    Ok(output::resolve_output_dir(
        &options.root,
        &requested,
        options.force,
        &reads,
    )?)
}

/// Builds the site and writes it to the output folder atomically.
pub fn build(options: &BuildOptions) -> Result<(Built, PathBuf, WriteStats), Diagnostics> {
    build_loaded(options, None)
}

/// [`build`], starting from the config and content `loaded` already read with these
/// options ([`load_site`]) instead of reading them again.
pub fn build_loaded(
    options: &BuildOptions,
    loaded: Option<LoadedSite>,
) -> Result<(Built, PathBuf, WriteStats), Diagnostics> {
    let target = match &loaded {
        Some(loaded) => output_target(options, &loaded.config)?,
        None => {
            let (config, _) = Config::load(&options.root).map_err(diagnostics_of)?;
            output_target(options, &config)?
        }
    };
    // Dropped on any error below, which leaves the previous output as it was.
    let staging = output::Staging::open(&target)?;
    let mut built = build_to(options, loaded, &staging, Sources::Shed, OnErrors::Stop)?;
    let started = Instant::now();
    let stats = staging.finish(&built.site).map_err(|d| {
        let mut all = built.warnings.clone();
        all.push(d);
        all
    })?;
    built.timings.push(("write", started.elapsed()));
    Ok((built, target, stats))
}

fn diagnostics_of(list: Vec<Diagnostic>) -> Diagnostics {
    let mut all = Diagnostics::new();
    all.extend(list);
    all
}

fn fail_on_errors(report: &Diagnostics) -> Result<(), Diagnostics> {
    if report.has_errors() {
        Err(report.clone())
    } else {
        Ok(())
    }
}

/// [`check`] when errors stop the build; nothing otherwise.
fn gate(report: &Diagnostics, on_errors: OnErrors) -> Result<(), Diagnostics> {
    match on_errors {
        OnErrors::Stop => fail_on_errors(report),
        OnErrors::Continue => Ok(()),
    }
}

/// The keys (`news/x.md`) of the pages and sections that could not be read: their
/// errors are reported, so an `@/` link to one is not reported again.
fn unreadable_pages(report: &Diagnostics) -> HashSet<String> {
    report
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.file.as_deref()?.strip_prefix("content").ok())
        .filter(|key| key.extension().is_some_and(|e| e == "md"))
        .map(|key| key.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// `@/` links resolved by the URL plan. A link to a file that could not be read keeps
/// its `@/` form without a second report (the file's own error says what to fix);
/// it only happens when errors do not stop the build.
struct Links<'a> {
    plan: &'a UrlPlan,
    unreadable: HashSet<String>,
    /// In a network: every member's permalinks, for `@site:/` links.
    sites: Option<&'a SiteLinks>,
}

impl LinkResolver for Links<'_> {
    fn resolve(&self, target: &str) -> Option<String> {
        self.plan.resolve(target).or_else(|| {
            let key = target.trim_start_matches('/');
            self.unreadable.contains(key).then(|| format!("@/{key}"))
        })
    }

    fn nearest(&self, target: &str) -> Option<String> {
        self.plan.nearest(target)
    }

    fn resolve_in_site(&self, site: &str, target: &str) -> Option<Result<String, SiteLinkError>> {
        let sites = self.sites?;
        let Some(permalinks) = sites.get(site) else {
            let near = crate::diag::did_you_mean(site, sites.keys().map(String::as_str));
            return Some(Err(SiteLinkError::NoSite(near.map(str::to_owned))));
        };
        let key = target.trim_start_matches('/');
        Some(permalinks.get(key).cloned().ok_or_else(|| {
            let near = crate::diag::did_you_mean_path(key, permalinks.keys().map(String::as_str));
            SiteLinkError::NoPage(near.map(str::to_owned))
        }))
    }
}

/// Shortcodes when the templates could not be loaded: every name is taken for one
/// that renders nothing, so the Markdown around them is still checked.
struct AnyShortcode;

impl ShortcodeRenderer for AnyShortcode {
    fn exists(&self, _name: &str) -> bool {
        true
    }

    fn render(
        &self,
        _name: &str,
        _args: &serde_json::Map<String, serde_json::Value>,
        _body: Option<&str>,
    ) -> Result<ShortcodeOutput, String> {
        Ok(ShortcodeOutput::Html(String::new()))
    }
}

/// The Markdown options the config asks for.
pub fn markdown_options(config: &Config) -> MarkdownOptions {
    let m = &config.markdown;
    MarkdownOptions {
        highlight_code: m.highlight_code,
        anchors: match config.slugify.anchors {
            SlugStrategy::On => AnchorStyle::Pinyin,
            SlugStrategy::Safe => AnchorStyle::Safe,
            SlugStrategy::Off => AnchorStyle::Off,
        },
        insert_anchor_links: match m.insert_anchor_links.as_str() {
            "left" => AnchorLinks::Left,
            "right" => AnchorLinks::Right,
            "heading" => AnchorLinks::Heading,
            _ => AnchorLinks::None,
        },
        smart_punctuation: m.smart_punctuation,
        external_links_target_blank: m.external_links_target_blank,
        external_links_no_follow: m.external_links_no_follow,
        external_links_no_referrer: m.external_links_no_referrer,
        render_raw_html: m.render_raw_html,
        summary_chars: config.summary_chars,
        hard_wraps: m.hard_wraps,
    }
}

type MarkdownStage = (Vec<Rendered>, Vec<Rendered>, Vec<Diagnostic>);

/// Renders every section's and page's Markdown in parallel (reusing the renders of
/// `reuse` whose inputs are unchanged, and `reprints`' renders of the pages other
/// members of a network reprint too).
fn render_markdown(
    config: &Config,
    content: &mut Content,
    urls: &Links<'_>,
    theme: Option<&Theme>,
    reuse: Reuse<'_>,
    sources: Sources,
    reprints: Option<&ReprintRenders>,
) -> MarkdownStage {
    let options = markdown_options(config);
    let config_value = render::view::config_value(config);
    let mentioned = |word: &str| theme.is_some_and(|t| t.shortcodes_mention(word));
    // Zola gives shortcodes the `page` or `section` their Markdown belongs to.
    let owner_read = mentioned("page") || mentioned("section");
    // Such shortcodes, and those making image copies or reading files, depend on more
    // than the body: their pages' renders are not reused from the cache.
    let beyond_body = owner_read
        || [
            "resize_image",
            "get_image_metadata",
            "get_url",
            "load_data",
            "get_hash",
            "get_file_hash",
        ]
        .into_iter()
        .any(mentioned);
    let (cache, kept): (Option<&mut MarkdownCache>, _) = match reuse {
        Reuse::Nothing => (None, None),
        Reuse::Preview(cache) => (Some(&mut cache.markdown), None),
        Reuse::Kept(kept) => (None, Some(kept)),
    };
    let previous = cache.as_deref();
    let render_source = |file: &Path,
                         body: &str,
                         line: u32,
                         permalink: &str,
                         owner: Option<(&'static str, serde_json::Value)>| {
        let source = MarkdownSource {
            file,
            body,
            first_line: line,
            permalink,
        };
        let theme_shortcodes = theme.map(|theme| Shortcodes {
            theme,
            config: &config_value,
            owner,
        });
        let shortcodes: &dyn ShortcodeRenderer = match &theme_shortcodes {
            Some(s) => s,
            None => &AnyShortcode,
        };
        // Only a body that calls a shortcode can read beyond itself (scanned only when
        // some shortcode does).
        let reads_beyond = beyond_body && (body.contains("{{") || body.contains("{%"));
        let render =
            |links: &dyn LinkResolver| render_one_markdown(&source, &options, links, shortcodes);
        if let Some(kept) = kept {
            let problems_of = |r: &Rendered| markdown_problems(file, body, line, r);
            let one = kept.markdown_or(&source, !reads_beyond, urls, render, problems_of);
            return (one, None);
        }
        let reusable = previous.filter(|_| !reads_beyond);
        let (rendered, problems, fresh) = fingerprint::markdown_or(reusable, &source, urls, render);
        (
            (rendered, problems),
            fresh.map(|entry| (file.to_path_buf(), entry)),
        )
    };
    let sections: Vec<(MarkdownOne, Option<Fresh>)> = content
        .sections
        .par_iter()
        .zip(&urls.plan.sections)
        .map(|(s, url)| {
            let owner = owner_read.then(|| {
                (
                    "section",
                    render::markdown_view::markdown_section(config, s, url),
                )
            });
            render_source(&s.file, &s.body, s.body_line, &url.permalink, owner)
        })
        .collect();
    let pages: Vec<(MarkdownOne, Option<Fresh>)> = content
        .pages
        .par_iter_mut()
        .zip(&urls.plan.pages)
        .map(|(p, url)| {
            let owner =
                owner_read.then(|| ("page", render::markdown_view::markdown_page(config, p, url)));
            let render = || render_source(&p.file, &p.body, p.body_line, &url.permalink, owner);
            let shared = reprints.zip(p.meta.reprint.as_ref());
            let ((mut rendered, problems), fresh) = match shared {
                // A network build has no Markdown cache to fill.
                Some((reprints, reprint)) if previous.is_none() && kept.is_none() => {
                    let problems =
                        |r: &Rendered| markdown_problems(&p.file, &p.body, p.body_line, r);
                    let shared = reprints.render(
                        &reprint.canonical,
                        &p.body,
                        &options,
                        &url.permalink,
                        || render().0,
                        problems,
                    );
                    (shared, None)
                }
                _ => render(),
            };
            if sources == Sources::Shed {
                // Nothing reads the source again (see `Portal::shed_sources`), nor the
                // plain text unless an index is made; freeing both here keeps a large
                // build's sources, HTML and text from peaking together.
                p.body = String::new();
                if !config.build_search_index {
                    rendered.text = String::new();
                }
            }
            ((rendered, problems), fresh)
        })
        .collect();
    let mut problems = Vec::new();
    let mut fresh = Vec::new();
    let mut unzip = |list: Vec<(MarkdownOne, Option<Fresh>)>| -> Vec<Rendered> {
        list.into_iter()
            .map(|((r, p), new)| {
                problems.extend(p);
                fresh.extend(new);
                r
            })
            .collect()
    };
    let sections = unzip(sections);
    let pages = unzip(pages);
    if let Some(cache) = cache {
        let files = content
            .sections
            .iter()
            .map(|s| s.file.as_path())
            .chain(content.pages.iter().map(|p| p.file.as_path()))
            .collect();
        cache.update(&files, fresh);
    }
    (sections, pages, problems)
}

/// One page's or section's Markdown rendered, with its problems as diagnostics of its
/// file: the one per-page Markdown stage, which every build and the preview's one-page
/// early render (`serve/body_edit.rs`) call. A panic in the renderer (a bug in menhu)
/// becomes an internal error of this file instead of hiding the other pages.
pub fn render_one_markdown(
    source: &MarkdownSource<'_>,
    options: &MarkdownOptions,
    links: &dyn LinkResolver,
    shortcodes: &dyn ShortcodeRenderer,
) -> (Rendered, Vec<Diagnostic>) {
    let input = MarkdownInput {
        text: source.body,
        first_line: source.first_line,
        page_permalink: source.permalink,
    };
    // A safety net, not error handling: a bug in menhu must not hide the other pages.
    let render =
        std::panic::AssertUnwindSafe(|| markdown::render(&input, options, links, shortcodes));
    match std::panic::catch_unwind(render) {
        Ok(rendered) => {
            let problems =
                markdown_problems(source.file, source.body, source.first_line, &rendered);
            (rendered, problems)
        }
        Err(_) => (Rendered::default(), vec![internal_error(source.file)]),
    }
}

type MarkdownOne = (Rendered, Vec<Diagnostic>);
type Fresh = (PathBuf, fingerprint::MarkdownEntry);
/// The report for a page whose processing hit a bug in menhu.
pub fn internal_error(file: &Path) -> Diagnostic {
    Diagnostic::error("E0001", crate::t!("internal-file"))
        .in_file(file)
        .help(crate::t!("internal-file.help"))
}

/// Markdown problems (and images without alt text) as diagnostics of `file`.
fn markdown_problems(
    file: &Path,
    body: &str,
    body_line: u32,
    rendered: &Rendered,
) -> Vec<Diagnostic> {
    // A problem of the page at `line`, showing that line of the body.
    let at = |d: Diagnostic, line: u32, column: u32| {
        let mut d = d.in_file(file).at_span(Span::point(line, column));
        let text = body.lines().nth(line.saturating_sub(body_line) as usize);
        d.source_line = Some(text.unwrap_or("").to_owned());
        d
    };
    let mut out: Vec<Diagnostic> = rendered
        .problems
        .iter()
        .map(|p| {
            let d = if p.is_error {
                Diagnostic::error(p.code, p.message.clone())
            } else {
                Diagnostic::warning(p.code, p.message.clone())
            };
            let d = at(d, p.line, p.column);
            match &p.help {
                Some(help) => d.help(help.clone()),
                None => d,
            }
        })
        .collect();
    let missing_alt = rendered.images.iter().filter(|i| i.alt.trim().is_empty());
    for image in missing_alt.clone().take(markdown::MAX_PROBLEMS) {
        let d = Diagnostic::warning("W0202", crate::t!("markdown-no-alt", src = &image.src))
            .help(crate::t!("markdown-no-alt.help"));
        out.push(at(d, image.line, 1));
    }
    let on_own_computer = rendered
        .images
        .iter()
        .filter(|i| markdown::is_on_own_computer(&i.src));
    for image in on_own_computer.take(markdown::MAX_PROBLEMS) {
        let message = crate::t!("markdown-own-computer-image", src = &image.src);
        let d = Diagnostic::warning("W0205", message)
            .help(crate::t!("markdown-own-computer-image.help"));
        out.push(at(d, image.line, 1));
    }
    // A link to a file there too, as Word pastes a hyperlinked attachment.
    let links_on_own_computer = rendered
        .links
        .iter()
        .filter(|l| markdown::is_on_own_computer(&l.target));
    for link in links_on_own_computer.take(markdown::MAX_PROBLEMS) {
        let message = crate::t!("markdown-own-computer-link", href = &link.target);
        let d = Diagnostic::warning("W0205", message)
            .help(crate::t!("markdown-own-computer-link.help"));
        out.push(at(d, link.line, 1));
    }
    // Like Markdown problems, a page's copies of one warning are bounded.
    let more = missing_alt.count().saturating_sub(markdown::MAX_PROBLEMS);
    if more > 0 {
        out.push(
            Diagnostic::warning("W0202", crate::t!("markdown-more-no-alt", count = more))
                .in_file(file)
                .help(crate::t!("markdown-more-no-alt.help")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Lang;

    #[test]
    fn a_bug_while_reading_a_page_names_the_page_in_the_editors_language() {
        let d = internal_error(Path::new("content/news/a.md"));
        assert_eq!(d.code, "E0001");
        assert_eq!(d.file.as_deref(), Some(Path::new("content/news/a.md")));
        assert_eq!(
            d.message_in(Lang::ZhHans),
            "处理这个文件时 menhu 内部出错，这是 menhu 的缺陷，请报告"
        );
        assert!(
            d.help_in(Lang::En)
                .is_some_and(|h| h.contains("attach this file"))
        );
    }
}
