//! Renders every HTML output: pages, sections and their pagers, taxonomy lists and
//! terms, 404, alias redirects. Each output is a pure function of the portal, so they
//! are rendered in parallel and sorted afterwards.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub(super) mod plan;
mod portal_pages;

use rayon::prelude::*;
use tera::{Tera, Value};

use super::memo::{self, Incremental};
use super::traditional::{self, Copier, Script};
use super::view::{SectionPages, Views};
use super::{Context, Theme, feeds};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::fingerprint::RenderMemo;
use crate::output::{CopiedFile, Output, OutputSink, SinkOutcome, SiteOutput};
use crate::portal::nav::{self, Pager};
use crate::portal::{PageId, Portal, PortalSection, Taxonomy, Term, urls};

/// One thing to render, decided before rendering starts.
pub(super) enum Job<'a> {
    Page(PageId),
    Section(&'a PortalSection, Option<Pager>),
    TaxonomyList(&'a Taxonomy),
    Term(&'a Taxonomy, &'a Term, Option<Pager>),
    Portal(portal_pages::PortalJob),
}

/// Which of the three ways a site is rendered, each calling [`render`].
pub enum RenderMode<'a> {
    /// A build: every output, each page, section and list handed to the sink as soon
    /// as it is rendered (feeds, redirects and the like are kept).
    Build(&'a dyn OutputSink),
    /// A rebuild (the preview's, or a build with the cache): only the jobs whose
    /// fingerprint changed since the memo, handed to the memo's sink; the result's
    /// `kept` lists the outputs that would come out unchanged.
    Rebuild(Incremental<'a>),
    /// The preview's early render of an edited page: that page alone, kept in memory,
    /// without the site-wide files.
    Page(PageId),
}

/// Renders `portal` with `theme` the way `mode` says, each output followed by its
/// Traditional copy when `copier` is given. Template errors are collected (every
/// failing output is reported); the outputs that did render are returned either way.
/// The one render function: a build, the preview's rebuild and its early render of an
/// edited page all come here, so an output's bytes do not depend on which asked.
pub fn render(
    portal: Arc<Portal>,
    theme: &Theme,
    copier: Option<&Copier>,
    mode: RenderMode,
) -> RenderedSite {
    let script = Script::main(&portal.config);
    let (views, tera) = renderer_parts(&portal, theme);
    let renderer = Renderer {
        portal: &portal,
        views: &views,
        tera: &tera,
        theme,
        script: &script,
    };
    let mut diagnostics = Diagnostics::new();
    let (site, kept, memo) = match mode {
        RenderMode::Build(sink) => {
            let jobs = plan_all_jobs(&portal, theme);
            let site = render_each_to(&renderer, &jobs, sink, copier, &mut diagnostics);
            (site, Vec::new(), RenderMemo::default())
        }
        RenderMode::Page(id) => {
            let jobs = [Job::Page(id)];
            let site = render_each_to(
                &renderer,
                &jobs,
                &crate::output::KeepInMemory,
                copier,
                &mut diagnostics,
            );
            return RenderedSite {
                site,
                kept: Vec::new(),
                memo: RenderMemo::default(),
                diagnostics,
            };
        }
        RenderMode::Rebuild(incremental) => {
            let jobs = plan_all_jobs(&portal, theme);
            render_changed_jobs(&renderer, &jobs, copier, incremental, &mut diagnostics)
        }
    };
    let mut rendered = RenderedSite {
        site,
        kept,
        memo,
        diagnostics,
    };
    add_site_wide(&renderer, copier, &mut rendered);
    rendered
}

/// Every job of the site: pages, sections and their pagers, taxonomies, portal pages.
fn plan_all_jobs<'a>(portal: &'a Portal, theme: &Theme) -> Vec<Job<'a>> {
    let mut jobs = plan_jobs(portal);
    jobs.extend(
        portal_pages::plan(portal, theme)
            .into_iter()
            .map(Job::Portal),
    );
    jobs
}

/// Renders every job in parallel, handing each output (and its copy) to `sink`.
fn render_each_to(
    renderer: &Renderer,
    jobs: &[Job],
    sink: &dyn OutputSink,
    copier: Option<&Copier>,
    diagnostics: &mut Diagnostics,
) -> SiteOutput {
    let results: Vec<Result<Vec<SinkOutcome>, Diagnostic>> = jobs
        .par_iter()
        .map(|job| take_with_copy(sink, renderer.render(renderer.prepare(job))?, copier))
        .collect();
    let mut taken = SiteOutput::default();
    let mut failed = Vec::new();
    for result in results {
        match result {
            Ok(outputs) => outputs.into_iter().for_each(|o| taken.add(o)),
            Err(d) => failed.push(d),
        }
    }
    diagnostics.extend(once_each(failed));
    taken
}

/// A template error meets every page the template renders: it is reported once, at
/// the first page, saying on how many more pages it happened, not once a page (a CI
/// log of a thousand identical errors hides whatever else is wrong).
pub(super) fn once_each(failed: Vec<Diagnostic>) -> Vec<Diagnostic> {
    type Same = (&'static str, Option<PathBuf>, Option<Span>, String);
    let mut first_of: HashMap<Same, usize> = HashMap::new();
    let mut merged: Vec<(Diagnostic, usize)> = Vec::new();
    for d in failed {
        let same = (d.code, d.file.clone(), d.span, d.message.clone());
        match first_of.get(&same) {
            Some(&at) => merged[at].1 += 1,
            None => {
                first_of.insert(same, merged.len());
                merged.push((d, 0));
            }
        }
    }
    merged
        .into_iter()
        .map(|(mut d, more)| {
            if more > 0
                && let Some(help) = d.take_help()
            {
                d = d.help(crate::t!("render-error-more", help = help, others = more));
            }
            d
        })
        .collect()
}

/// Renders the jobs whose fingerprint changed since `incremental`'s memo, the edited
/// pages first, each handed with its Traditional copy to `incremental`'s sink as soon
/// as it is rendered; returns what the sink kept or wrote, the paths of the unchanged
/// outputs (with their copies) and the memo of the jobs rendered.
fn render_changed_jobs(
    renderer: &Renderer,
    jobs: &[Job],
    copier: Option<&Copier>,
    incremental: Incremental,
    diagnostics: &mut Diagnostics,
) -> (SiteOutput, Vec<String>, RenderMemo) {
    let on_urgent = incremental.on_urgent;
    let sink = incremental.sink;
    // The edited page's copy is published with it.
    let mut with_copies = |outputs: &[Output]| match copier {
        Some(copier) => {
            let mut all = outputs.to_vec();
            all.extend(traditional::copy_all(copier, outputs));
            on_urgent(&all);
        }
        None => on_urgent(outputs),
    };
    let incremental = Incremental {
        memo: incremental.memo,
        urgent: incremental.urgent,
        on_urgent: &mut with_copies,
        sink,
        search_sink: incremental.search_sink,
    };
    let portal = renderer.views.portal.clone();
    let digests = Arc::new(Views::for_digest(portal, renderer.theme.lists_need_content));
    let digester = Renderer {
        views: &digests,
        ..*renderer
    };
    let renderers = memo::Renderers {
        real: renderer,
        digest: &digester,
        digest_views: &digests,
    };
    let take = |output: Output| take_with_copy(sink, output, copier);
    let (taken, mut kept, memo) =
        memo::render_jobs(jobs, &renderers, incremental, &take, diagnostics);
    let mut site = SiteOutput::default();
    taken.into_iter().for_each(|t| site.add(t));
    if copier.is_some() {
        let copies: Vec<String> = kept
            .iter()
            .filter_map(|p| traditional::copy_path(p))
            .collect();
        kept.extend(copies);
    }
    (site, kept, memo)
}

/// Adds the site-wide outputs (sitemap, 404, search page, redirects, feeds, styles)
/// and the files to copy to `rendered`, then sorts it.
fn add_site_wide(renderer: &Renderer, copier: Option<&Copier>, rendered: &mut RenderedSite) {
    let portal = renderer.portal;
    let theme = renderer.theme;
    let diagnostics = &mut rendered.diagnostics;
    let (files, written, kept) = (
        &mut rendered.site.files,
        &mut rendered.site.written,
        &rendered.kept,
    );
    // Every job output is a real page of the site (no redirects, no 404); the sitemap
    // lists the site's own, not their copies.
    let mut extra = Vec::new();
    if portal.config.generate_sitemap {
        let copied = format!("{}/", traditional::PREFIX);
        let own = |path: &&str| !path.starts_with(&copied);
        let pages = files.iter().map(|f| f.path.as_str());
        let elsewhere = kept.iter().chain(written.iter()).map(String::as_str);
        extra.push(feeds::sitemap(portal, pages.chain(elsewhere).filter(own)));
    }
    extra.push(renderer.not_found().unwrap_or_else(|d| {
        diagnostics.push(d);
        Output {
            path: "404.html".into(),
            body: Vec::new(),
        }
    }));
    if portal.config.build_search_index && theme.has("search.html") {
        match renderer.search_page() {
            Ok(output) => extra.push(output),
            Err(d) => diagnostics.push(d),
        }
    }
    extra.extend(pager_redirects(portal));
    extra.extend(alias_redirects(portal, diagnostics));
    extra.extend(section_redirects(portal).map(|(section, target)| Output {
        path: urls::output_file_for(&section.url.path),
        body: redirect_html(&target, &portal.config.default_language),
    }));
    let undated = feeds::UndatedFeeds::of(portal);
    extra.extend(feeds::render_feeds(portal, &undated));
    extra.extend(portal_pages::city_feeds(portal, &undated));
    if portal.config.markdown.highlight_code {
        extra.push(Output {
            path: "highlight.css".into(),
            body: crate::markdown::highlight_stylesheet().into_bytes(),
        });
    }
    extra.extend(theme.stylesheets.iter().cloned());
    let mut copies = copies(portal, theme);
    if let Some(copier) = copier {
        files.extend(traditional::copy_all(copier, &extra));
        copies.extend(traditional::bundle_copies(portal));
        copies.sort_by(|a, b| a.to.cmp(&b.to));
    }
    files.extend(extra);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    written.sort();
    rendered.site.copies = copies;
}

/// What a [`Renderer`] of `portal` borrows besides the model: the views templates read
/// (listed pages with only the fields `theme` names), and `theme`'s templates with the
/// functions reading those views.
pub(super) fn renderer_parts(portal: &Arc<Portal>, theme: &Theme) -> (Arc<Views>, Tera) {
    let views = Arc::new(
        Views::new(portal.clone(), theme.lists_need_content).listing_only(theme.words.clone()),
    );
    let mut tera = theme.tera.clone();
    super::functions::register_functions(&mut tera, &views);
    (views, tera)
}

/// What [`render`] produced.
pub struct RenderedSite {
    /// Outputs rendered this time: kept in memory (sorted by path), or written out by
    /// the sink (their paths, sorted); files to copy, sorted by destination.
    pub site: SiteOutput,
    /// Outputs that are unchanged since the memo and were not rendered again.
    pub kept: Vec<String>,
    /// Fingerprints of the jobs rendered this time (a rebuild's only); with those of
    /// the `kept` ones moved over from the memo the render started from
    /// ([`RenderMemo::adopt`]), the memo for the next one.
    pub memo: RenderMemo,
    /// Template errors.
    pub diagnostics: Diagnostics,
}

fn plan_jobs(portal: &Portal) -> Vec<Job<'_>> {
    let mut jobs: Vec<Job> = portal.rendered_pages().map(|p| Job::Page(p.id)).collect();
    for section in &portal.sections {
        if !section.source.meta.render || section.source.meta.redirect_to.is_some() {
            continue;
        }
        match section
            .source
            .meta
            .paginate_by
            .or(portal.config.paginate_by)
        {
            Some(per_page) => {
                let pagers = nav::paginate(
                    &section.url.path,
                    section.pages.len(),
                    per_page,
                    &section.source.meta.paginate_path,
                );
                jobs.extend(pagers.into_iter().map(|p| Job::Section(section, Some(p))));
            }
            None => jobs.push(Job::Section(section, None)),
        }
    }
    for taxonomy in portal.taxonomies.iter().filter(|t| t.config.render) {
        jobs.push(Job::TaxonomyList(taxonomy));
        for term in &taxonomy.terms {
            match taxonomy.config.paginate_by {
                Some(per_page) => {
                    let pagers = nav::paginate(
                        &term.path,
                        term.pages.len(),
                        per_page,
                        &taxonomy.config.paginate_path,
                    );
                    jobs.extend(
                        pagers
                            .into_iter()
                            .map(|p| Job::Term(taxonomy, term, Some(p))),
                    );
                }
                None => jobs.push(Job::Term(taxonomy, term, None)),
            }
        }
    }
    jobs
}

#[derive(Clone, Copy)]
pub(super) struct Renderer<'a> {
    portal: &'a Portal,
    views: &'a Views,
    tera: &'a Tera,
    theme: &'a Theme,
    script: &'a Script,
}

/// A job with its template and context decided, not rendered yet.
pub(super) struct Prepared {
    pub(super) template: String,
    pub(super) context: Context,
    /// The file whose problems a template error is reported against.
    pub(super) source: std::path::PathBuf,
    /// Output path.
    pub(super) path: String,
}

impl Renderer<'_> {
    /// Decides a job's template and context. Every job kind goes through here, so its
    /// fingerprint (see [`memo`]) covers whatever the context holds.
    /// True for the page of a source file in `files`: the page an editor is looking at
    /// while editing it, rendered before anything else.
    pub(super) fn is_page_of(
        &self,
        job: &Job,
        files: &std::collections::HashSet<std::path::PathBuf>,
    ) -> bool {
        matches!(job, Job::Page(id) if files.contains(&self.portal.page(*id).source.file))
    }

    /// The digest of a template and everything it pulls in (`None`: no such template).
    pub(super) fn template_digest(&self, template: &str) -> Option<u64> {
        self.theme.digests.get(template).copied()
    }

    pub(super) fn prepare(&self, job: &Job) -> Prepared {
        match job {
            Job::Page(id) => self.page(*id),
            Job::Section(section, pager) => self.section(section, pager.as_ref()),
            Job::TaxonomyList(taxonomy) => self.taxonomy_list(taxonomy),
            Job::Term(taxonomy, term, pager) => self.term(taxonomy, term, pager.as_ref()),
            Job::Portal(job) => self.portal_job(job),
        }
    }

    pub(super) fn render(&self, prepared: Prepared) -> Result<Output, Diagnostic> {
        let html = self.render_template(
            &prepared.template,
            prepared.context.into_tera(),
            &prepared.source,
        )?;
        Ok(Output {
            path: prepared.path,
            body: html,
        })
    }

    fn base_context(&self, path: &str, lang: &str) -> Context {
        let mut context = Context::new();
        context.put("config", self.views.config.clone());
        context.insert("current_path", path);
        context.insert(
            "current_url",
            &format!("{}{}", self.portal.config.base_url, path),
        );
        context.insert("lang", lang);
        self.script.insert_switch(&mut context, path);
        context.put("menus", super::portal_view::menus_value(self.portal, path));
        context
    }

    fn page(&self, id: PageId) -> Prepared {
        let page = self.portal.page(id);
        let template = page_template(self.portal, id);
        let lang = page
            .source
            .meta
            .lang
            .as_deref()
            .unwrap_or(&self.portal.config.default_language);
        let mut context = self.base_context(&page.url.path, lang);
        context.put("page", self.views.page_full(id));
        context.put(
            "breadcrumbs",
            super::portal_view::crumbs_value(&crate::portal::menus::page_breadcrumbs(
                self.portal,
                id,
            )),
        );
        Prepared {
            template,
            context,
            source: page.source.file.clone(),
            path: page.url.output_file(),
        }
    }

    fn section(&self, section: &PortalSection, pager: Option<&Pager>) -> Prepared {
        let is_home = section.source.key == "_index.md";
        let is_orgs = section.source.meta.kind.as_deref() == Some("orgs");
        let template = section.source.meta.template.clone().unwrap_or_else(|| {
            if is_home {
                "index.html".to_owned()
            } else if is_orgs && self.theme.has("org_list.html") {
                "org_list.html".to_owned()
            } else {
                "section.html".to_owned()
            }
        });
        let path = pager.map_or(section.url.path.as_str(), |p| p.path.as_str());
        let lang = section
            .source
            .meta
            .lang
            .as_deref()
            .unwrap_or(&self.portal.config.default_language);
        let mut context = self.base_context(path, lang);
        // As in Zola, a paginated section's pages are in `paginator.pages` only: giving
        // every pager the whole list would make a section's pagers cost its size squared.
        let pages = if pager.is_none() && self.theme.sections_need_pages {
            SectionPages::All
        } else {
            SectionPages::None
        };
        context.put("section", self.views.section(section.id, pages));
        context.put(
            "breadcrumbs",
            super::portal_view::crumbs_value(&crate::portal::menus::section_breadcrumbs(
                self.portal,
                section.id,
            )),
        );
        if is_orgs {
            context.put("orgs", super::portal_view::org_list(self.views));
            context.put("org_regions", super::portal_view::org_regions(self.views));
        }
        if let Some(pager) = pager {
            let per_page = section
                .source
                .meta
                .paginate_by
                .or(self.portal.config.paginate_by)
                .unwrap_or(1);
            let pages = &section.pages[pager.range.0..pager.range.1];
            let ordered: Vec<PageId> = if section.source.meta.paginate_reversed {
                let mut all = section.pages.clone();
                all.reverse();
                all[pager.range.0..pager.range.1].to_vec()
            } else {
                pages.to_vec()
            };
            context.put(
                "paginator",
                self.paginator(
                    &section.url.path,
                    &section.source.meta.paginate_path,
                    pager,
                    per_page,
                    section.pages.len(),
                    &ordered,
                ),
            );
        }
        Prepared {
            template,
            context,
            source: section.source.file.clone(),
            path: urls::output_file_for(path),
        }
    }

    fn paginator(
        &self,
        base: &str,
        paginate_path: &str,
        pager: &Pager,
        per_page: usize,
        total: usize,
        ids: &[PageId],
    ) -> Value {
        let count = total.div_ceil(per_page.max(1)).max(1);
        let base_url = &self.portal.config.base_url;
        let link =
            |index: usize| format!("{base_url}{}", nav::pager_path(base, paginate_path, index));
        let mut value = serde_json::json!({
            "paginate_by": per_page,
            "base_url": format!("{base_url}{base}{paginate_path}/"),
            "number_pagers": count,
            "first": link(1),
            "last": link(count),
            "previous": (pager.index > 1).then(|| link(pager.index - 1)),
            "next": (pager.index < count).then(|| link(pager.index + 1)),
            "current_index": pager.index,
            "total_pages": total,
        });
        // Put in, not through `json!`, which would serialise a copy of every summary.
        super::view::put(&mut value, "pages", self.views.page_list(ids));
        value
    }

    fn taxonomy_list(&self, taxonomy: &Taxonomy) -> Prepared {
        let template = self.pick(
            &format!("{}/list.html", taxonomy.config.name),
            "taxonomy_list.html",
        );
        let mut context = self.base_context(&taxonomy.path, &self.portal.config.default_language);
        context.put("taxonomy", self.views.taxonomy(taxonomy));
        // Listing every term with all its pages is costly; most lists show counts only.
        let with_pages = self.theme.mentions(&template, ".pages");
        let terms: Vec<Value> = taxonomy
            .terms
            .iter()
            .map(|t| self.views.term(t, with_pages))
            .collect();
        context.put("terms", Value::Array(terms));
        Prepared {
            template,
            context,
            source: self.portal.config.file.clone(),
            path: urls::output_file_for(&taxonomy.path),
        }
    }

    fn term(&self, taxonomy: &Taxonomy, term: &Term, pager: Option<&Pager>) -> Prepared {
        let template = self.pick(
            &format!("{}/single.html", taxonomy.config.name),
            "taxonomy_single.html",
        );
        let path = pager.map_or(term.path.as_str(), |p| p.path.as_str());
        let mut context = self.base_context(path, &self.portal.config.default_language);
        context.put("taxonomy", self.views.taxonomy(taxonomy));
        context.put("term", self.views.term(term, pager.is_none()));
        if let Some(pager) = pager {
            let per_page = taxonomy.config.paginate_by.unwrap_or(1);
            let ids = &term.pages[pager.range.0..pager.range.1];
            context.put(
                "paginator",
                self.paginator(
                    &term.path,
                    &taxonomy.config.paginate_path,
                    pager,
                    per_page,
                    term.pages.len(),
                    ids,
                ),
            );
        }
        Prepared {
            template,
            context,
            source: self.portal.config.file.clone(),
            path: urls::output_file_for(path),
        }
    }

    fn not_found(&self) -> Result<Output, Diagnostic> {
        let body = if self.theme.has("404.html") {
            let context = self.base_context("/404.html", &self.portal.config.default_language);
            self.render_template("404.html", context.into_tera(), &self.portal.config.file)?
        } else {
            format!(
                "<!DOCTYPE html>\n<html lang=\"{}\"><meta charset=\"utf-8\"><title>404</title><h1>页面不存在</h1><p><a href=\"{}/\">返回首页</a></p></html>\n",
                crate::html_text::escape(&self.portal.config.default_language),
                crate::html_text::escape(&self.portal.config.base_url)
            )
            .into_bytes()
        };
        Ok(Output {
            path: "404.html".into(),
            body,
        })
    }

    /// `search/index.html` from the theme's `search.html`, for the search index.
    fn search_page(&self) -> Result<Output, Diagnostic> {
        let context = self.base_context("/search/", &self.portal.config.default_language);
        let html =
            self.render_template("search.html", context.into_tera(), &self.portal.config.file)?;
        Ok(Output {
            path: "search/index.html".into(),
            body: html,
        })
    }

    fn pick(&self, preferred: &str, fallback: &str) -> String {
        if self.theme.has(preferred) {
            preferred.to_owned()
        } else {
            fallback.to_owned()
        }
    }

    fn render_template(
        &self,
        template: &str,
        context: tera::Context,
        source: &std::path::Path,
    ) -> Result<Vec<u8>, Diagnostic> {
        if !self.theme.has(template) {
            return Err(missing_template(template, source));
        }
        // Into bytes, which is what is written: `Tera::render` would check that its
        // own output is UTF-8 (a twentieth of a build's CPU) only to have it turned
        // back into bytes. Room for a typical page up front saves regrowing from 2 KB.
        let mut html = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &context, &mut html)
            .map_err(|e| self.theme.render_error(&e, Some(source)))?;
        Ok(html)
    }
}

/// `template` from the page, else the nearest section's `page_template`, else `page.html`.
fn page_template(portal: &Portal, id: PageId) -> String {
    let page = portal.page(id);
    if let Some(template) = &page.source.meta.template {
        return template.clone();
    }
    let mut section = Some(page.section);
    while let Some(sid) = section {
        let s = portal.section(sid);
        if let Some(template) = &s.source.meta.page_template {
            return template.clone();
        }
        section = s.parent;
    }
    "page.html".to_owned()
}

fn missing_template(template: &str, source: &std::path::Path) -> Diagnostic {
    Diagnostic::error(
        "E0404",
        crate::t!("template-not-found", template = template),
    )
    .in_file(source)
    .expected(crate::t!(
        "template-not-found.expected",
        template = template
    ))
    .help(crate::t!("template-not-found.help"))
}

/// Hands `output` to `sink`, then its Traditional copy when `copier` makes one.
fn take_with_copy(
    sink: &dyn OutputSink,
    output: Output,
    copier: Option<&Copier>,
) -> Result<Vec<SinkOutcome>, Diagnostic> {
    let copy = copier.and_then(|c| c.copy(&output));
    let mut taken = vec![sink.take(output)?];
    if let Some(copy) = copy {
        taken.push(sink.take(copy)?);
    }
    Ok(taken)
}

/// A small page that sends visitors (and crawlers) to `target`, saying so in Chinese on
/// a site in Chinese (`lang`, the site's language; the Traditional copy converts it).
pub fn redirect_html(target: &str, lang: &str) -> Vec<u8> {
    let target = crate::html_text::escape(target);
    let (html, title, body) = if crate::zh::is_chinese_tag(lang) {
        (
            format!("<html lang=\"{}\">", crate::html_text::escape(lang)),
            "页面已迁移",
            format!("<p>本页已迁移，正在前往新地址：<a href=\"{target}\">{target}</a></p>"),
        )
    } else {
        (
            "<html>".to_owned(),
            "Redirect",
            format!("<a href=\"{target}\">Click here</a> to be redirected to {target}"),
        )
    };
    format!(
        "<!DOCTYPE html>\n{html}<head><meta charset=\"utf-8\"><title>{title}</title><link rel=\"canonical\" href=\"{target}\"><meta http-equiv=\"refresh\" content=\"0; url={target}\"></head><body>{body}</body></html>\n"
    )
    .into_bytes()
}

/// A list with pagers, whose `…/page/1/` sends visitors to the list's own URL.
#[derive(Clone, Copy)]
pub(super) enum Paged<'a> {
    Section(&'a PortalSection),
    Term(&'a Taxonomy, &'a Term),
}

/// The `…/page/1/` redirect of every paginated list, as Zola writes them: output path
/// and the list it sends to.
pub(super) fn pager_redirect_paths(portal: &Portal) -> Vec<(String, Paged<'_>)> {
    let mut paths = Vec::new();
    for section in &portal.sections {
        let meta = &section.source.meta;
        if meta.paginate_by.or(portal.config.paginate_by).is_some() && meta.render {
            let path = format!("{}{}/1/", section.url.path, meta.paginate_path);
            paths.push((urls::output_file_for(&path), Paged::Section(section)));
        }
    }
    for taxonomy in portal
        .taxonomies
        .iter()
        .filter(|t| t.config.paginate_by.is_some() && t.config.render)
    {
        for term in &taxonomy.terms {
            let path = format!("{}{}/1/", term.path, taxonomy.config.paginate_path);
            paths.push((urls::output_file_for(&path), Paged::Term(taxonomy, term)));
        }
    }
    paths
}

fn pager_redirects(portal: &Portal) -> Vec<Output> {
    let base = &portal.config.base_url;
    pager_redirect_paths(portal)
        .into_iter()
        .map(|(path, list)| {
            let target = match list {
                Paged::Section(section) => section.url.permalink.clone(),
                Paged::Term(_, term) => format!("{base}{}", term.path),
            };
            Output {
                path,
                body: redirect_html(&target, &portal.config.default_language),
            }
        })
        .collect()
}

/// The output file of an alias (`/old/` → `old/index.html`); `None` for one that would
/// leave the site (`..`).
pub(super) fn alias_output(alias: &str) -> Option<String> {
    if alias.contains("..") {
        return None;
    }
    let path = format!("/{}", alias.trim_start_matches('/'));
    let names_a_file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    let normalized = if path.ends_with('/') || names_a_file {
        path
    } else {
        format!("{path}/")
    };
    Some(urls::output_file_for(&normalized))
}

/// Every alias of the site: the aliases, the permalink they send to, and the file
/// that declares them.
pub(super) fn aliases(portal: &Portal) -> impl Iterator<Item = (&[String], &str, &Path)> {
    let pages = portal.rendered_pages().map(|p| {
        let meta = &p.source.meta;
        (
            meta.aliases.as_slice(),
            p.url.permalink.as_str(),
            p.source.file.as_path(),
        )
    });
    let sections = portal.sections.iter().map(|s| {
        let meta = &s.source.meta;
        (
            meta.aliases.as_slice(),
            s.url.permalink.as_str(),
            s.source.file.as_path(),
        )
    });
    pages.chain(sections)
}

/// The sections with `redirect_to`, each with the address it sends readers to: Zola
/// publishes a redirect at such a section's own address instead of its list. A target
/// without a scheme is a path of the site (`posts/first` → `BASE/posts/first/`).
pub(super) fn section_redirects(portal: &Portal) -> impl Iterator<Item = (&PortalSection, String)> {
    portal.sections.iter().filter_map(|section| {
        let target = section.source.meta.redirect_to.as_deref()?;
        if target.contains("://") {
            return Some((section, target.to_owned()));
        }
        let path = target.trim_start_matches('/');
        let last = path.rsplit('/').next().unwrap_or(path);
        let slash = if path.is_empty() || path.ends_with('/') || last.contains('.') {
            ""
        } else {
            "/"
        };
        Some((section, format!("{}/{path}{slash}", portal.config.base_url)))
    })
}

/// Redirect pages for `aliases`. One that would leave the site is an error; one that
/// would replace another output was reported before rendering (see [`super::plan`]).
fn alias_redirects(portal: &Portal, diagnostics: &mut Diagnostics) -> Vec<Output> {
    let mut outputs = Vec::new();
    for (aliases, target, file) in aliases(portal) {
        for alias in aliases {
            match alias_output(alias) {
                Some(path) => outputs.push(Output {
                    path,
                    body: redirect_html(target, &portal.config.default_language),
                }),
                None => diagnostics.push(alias_leaves_the_site(alias, file)),
            }
        }
    }
    outputs
}

/// An alias with `..`, which could name a file outside the output.
pub(super) fn alias_leaves_the_site(alias: &str, file: &Path) -> Diagnostic {
    Diagnostic::error("E0304", crate::t!("alias-leaves-site", alias = alias))
        .in_file(file)
        .help(crate::t!("alias-leaves-site.help"))
}

/// Static folders (theme first, so the site's files win) and bundle/section assets.
fn copies(portal: &Portal, theme: &Theme) -> Vec<CopiedFile> {
    let mut by_destination: std::collections::BTreeMap<String, CopiedFile> = theme
        .static_files
        .iter()
        .map(|file| (file.to.clone(), file.clone()))
        .collect();
    let root = portal.root.as_path();
    let pages = portal
        .rendered_pages()
        .map(|p| (&p.source.assets, &p.url.path));
    let sections = portal
        .sections
        .iter()
        .map(|s| (&s.source.assets, &s.url.path));
    for (assets, path) in pages.chain(sections) {
        for asset in assets {
            if !super::photos::publishes_asset(portal, asset) {
                continue;
            }
            let to = format!("{}{}", path.trim_start_matches('/'), asset.relative);
            by_destination.insert(
                to.clone(),
                CopiedFile {
                    from: root.join(&asset.file),
                    to,
                },
            );
        }
    }
    by_destination.into_values().collect()
}
