//! Internal links, anchors and images: those written in Markdown (reported at their
//! file and line) and those written in templates (found in the HTML outputs, reported
//! once per target at the first output that has it). A link written in Markdown also
//! appears in other outputs (lists showing the page's summary, the Traditional copy):
//! there it is the same source problem, never reported again, or, when it works on its
//! own page but not where its summary is shown, reported once at its line (C0109).
//! External links are only gathered here; `external.rs` requests them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use super::outputs::OutputIndex;
use super::targets::{Base, Target, url_path_of_output};
use super::{Place, body_line_text, column_of, html};
use crate::diag::text::Said;
use crate::diag::{Diagnostic, did_you_mean, did_you_mean_path};
use crate::markdown::Rendered;
use crate::portal::Portal;
use crate::portal::urls::output_file_for;

/// An external URL and where it was found.
#[derive(Debug, Clone)]
pub(crate) struct ExternalRef {
    /// The URL as written.
    pub url: String,
    /// Where it was found.
    pub place: Place,
    /// The code to report a failure with (C0110 links, C0205 attachments).
    pub code: &'static str,
}

/// What the link check found.
pub(crate) struct LinkReport {
    /// Broken internal links and anchors.
    pub diagnostics: Vec<Diagnostic>,
    /// External URLs, for `--external`.
    pub external: Vec<ExternalRef>,
}

/// Why an internal link is broken.
enum Broken {
    NoTarget,
    NoAnchor { page: String, fragment: String },
}

/// How a URL written in Markdown fared on its own page; keyed by the URL as written
/// (percent-decoded), which is how its copies in other outputs are recognised.
enum MarkdownUse {
    /// Reported there, or left to the build's report (an `@/` link to no page).
    Reported,
    /// It works there: where it is written, the path it reaches, whether an image.
    Fine {
        place: Place,
        path: String,
        is_image: bool,
    },
}

/// The URLs written in Markdown, and the targets reported broken there.
#[derive(Default)]
struct Written {
    uses: HashMap<String, MarkdownUse>,
    broken_keys: HashSet<String>,
}

impl Written {
    fn note(&mut self, url: &str, reported: MarkdownUse) {
        let key = html::percent_decode(url.trim());
        match reported {
            MarkdownUse::Reported => _ = self.uses.insert(key, MarkdownUse::Reported),
            fine => _ = self.uses.entry(key).or_insert(fine),
        }
    }

    fn get(&self, url: &str) -> Option<&MarkdownUse> {
        self.uses.get(&html::percent_decode(url.trim()))
    }
}

/// One Markdown document (page or section) with what is needed to place problems.
struct Source<'a> {
    file: &'a PathBuf,
    body: &'a str,
    body_line: u32,
    url_path: &'a str,
    rendered: &'a Rendered,
}

/// Checks every internal link of the site and gathers the external ones. Links to the
/// output files in `scheduled` (pages not due yet) are left alone: the build warned
/// about them already (W0305).
pub(crate) fn check_links(
    portal: &Portal,
    index: &OutputIndex,
    scheduled: &HashSet<String>,
) -> LinkReport {
    let base = Base::new(&portal.config.base_url);
    let mut report = LinkReport {
        diagnostics: Vec::new(),
        external: Vec::new(),
    };
    // Targets reported (or excused) at their Markdown: templates repeat them.
    let mut written = Written::default();
    let checks = MarkdownChecks {
        base: &base,
        index,
        scheduled,
    };
    for source in sources(portal) {
        check_markdown(&source, &checks, &mut report, &mut written);
    }
    for page in &portal.pages {
        for located in &page.source.meta.attachments {
            let url = located.value.path.trim();
            if let Target::External(url) = base.classify(url, &page.url.path) {
                let place = Place {
                    file: page.source.file.clone(),
                    line: located.span.map(|s| s.line),
                    line_text: None,
                    column: located.span.map_or(1, |s| s.column),
                    width: 1,
                };
                report.external.push(ExternalRef {
                    url,
                    place,
                    code: "C0205",
                });
            }
        }
    }
    check_templates(portal, &base, index, &written, &mut report);
    report
}

fn sources(portal: &Portal) -> Vec<Source<'_>> {
    let sections = portal.sections.iter().map(|s| Source {
        file: &s.source.file,
        body: &s.source.body,
        body_line: s.source.body_line,
        url_path: &s.url.path,
        rendered: &s.rendered,
    });
    // A page with `render = false` has no address its relative links could start from.
    let pages = portal.rendered_pages().map(|p| Source {
        file: &p.source.file,
        body: &p.source.body,
        body_line: p.source.body_line,
        url_path: &p.url.path,
        rendered: &p.rendered,
    });
    sections.chain(pages).collect()
}

/// What a Markdown link is checked against.
struct MarkdownChecks<'a> {
    base: &'a Base,
    index: &'a OutputIndex,
    scheduled: &'a HashSet<String>,
}

/// `@wuzhou:/news/x.md`: a link to a page of another member of a network.
fn is_site_link(written: &str) -> bool {
    written
        .strip_prefix('@')
        .and_then(|rest| rest.split_once(":/"))
        .is_some_and(|(site, _)| {
            !site.is_empty()
                && site
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

fn check_markdown(
    source: &Source<'_>,
    checks: &MarkdownChecks<'_>,
    report: &mut LinkReport,
    written: &mut Written,
) {
    let (base, index) = (checks.base, checks.index);
    let links = source.rendered.links.iter().map(|l| {
        // `@/` links the build could not resolve are already errors (E0210).
        let written = l.resolved.as_deref().unwrap_or(&l.target);
        (written, l.target.as_str(), l.line, false)
    });
    let images = source
        .rendered
        .images
        .iter()
        .map(|i| (i.src.as_str(), i.src.as_str(), i.line, true));
    for (url, as_written, line, is_image) in links.chain(images) {
        // So are `@site:/` links to another member of a network (E0911).
        let unresolved = as_written.starts_with("@/") || is_site_link(as_written);
        if unresolved && url == as_written {
            written.note(url, MarkdownUse::Reported);
            continue;
        }
        let place = markdown_place(source, line, as_written);
        let target = base.classify(url, source.url_path);
        match &target {
            Target::External(url) => report.external.push(ExternalRef {
                url: url.clone(),
                place,
                code: "C0110",
            }),
            Target::Ignored => {}
            Target::Internal { path, fragment } => {
                if checks.scheduled.contains(&output_file_for(path)) {
                    // Due later: the build warned already (W0305).
                    written.broken_keys.insert(target.key());
                    written.note(url, MarkdownUse::Reported);
                    continue;
                }
                let withheld = is_image && index.withheld.contains(path.trim_start_matches('/'));
                match find_broken(path, fragment.as_deref(), index).filter(|_| !withheld) {
                    Some(problem) => {
                        written.broken_keys.insert(target.key());
                        written.note(url, MarkdownUse::Reported);
                        let d = markdown_diagnostic(&problem, as_written, is_image, index);
                        let d = with_nearest_file(
                            d,
                            &problem,
                            path,
                            source.url_path,
                            as_written,
                            index,
                        );
                        report.diagnostics.push(place.apply(d));
                    }
                    None => written.note(
                        url,
                        MarkdownUse::Fine {
                            place,
                            path: path.clone(),
                            is_image,
                        },
                    ),
                }
            }
        }
    }
}

fn markdown_place(source: &Source<'_>, line: u32, needle: &str) -> Place {
    let line_text = body_line_text(source.body, source.body_line, line);
    let (column, width) = line_text.map_or((1, 1), |t| column_of(t, needle));
    Place {
        file: source.file.clone(),
        line: Some(line),
        line_text: line_text.map(str::to_owned),
        column,
        width,
    }
}

fn markdown_diagnostic(
    problem: &Broken,
    written: &str,
    is_image: bool,
    index: &OutputIndex,
) -> Diagnostic {
    match (problem, is_image) {
        (Broken::NoTarget, true) => {
            Diagnostic::error("C0103", crate::t!("check-missing-image", path = written))
                .expected(crate::t!("check-missing-image.expected"))
                .help(crate::t!("check-missing-image.help"))
        }
        (Broken::NoTarget, false) if is_file_link(written) => {
            Diagnostic::error("C0101", crate::t!("check-missing-file", path = written))
                .expected(crate::t!("check-missing-file.expected"))
                .help(crate::t!("check-missing-file.help"))
        }
        (Broken::NoTarget, false) => {
            Diagnostic::error("C0101", crate::t!("check-broken-link", link = written))
                .expected(crate::t!("check-broken-link.expected"))
                .help(crate::t!("check-broken-link.help"))
        }
        (Broken::NoAnchor { page, fragment }, _) => {
            anchor_diagnostic("C0102", page, fragment, index)
        }
    }
}

/// Whether a link written in Markdown names a file to download (`huizhi.docx`,
/// `/files/biao.pdf`) rather than a page: its last segment has an extension other than a
/// page's. Such a link is mended by putting the file beside the page, not by an `@/` link.
fn is_file_link(written: &str) -> bool {
    let path = written.split(['#', '?']).next().unwrap_or("");
    let name = path.rsplit('/').next().unwrap_or("");
    match name.rsplit_once('.') {
        Some((stem, extension)) => {
            let extension = extension.to_ascii_lowercase();
            !stem.is_empty()
                && !extension.is_empty()
                && extension.chars().all(|c| c.is_ascii_alphanumeric())
                && !["html", "htm", "md", "shtml", "php", "asp", "aspx", "jsp"]
                    .contains(&extension.as_str())
        }
        None => false,
    }
}

/// A missing file's diagnostic with a "did you mean" naming the closest existing
/// output, written as the editor would write it: a bare name beside the page, else
/// from the site root.
fn with_nearest_file(
    d: Diagnostic,
    problem: &Broken,
    path: &str,
    page_path: &str,
    written: &str,
    index: &OutputIndex,
) -> Diagnostic {
    if !matches!(problem, Broken::NoTarget) || path.ends_with('/') {
        return d;
    }
    let files = index
        .paths
        .iter()
        .map(String::as_str)
        .filter(|p| !p.ends_with(".html"));
    let Some(near) = did_you_mean_path(path.trim_start_matches('/'), files) else {
        return d;
    };
    let folder = page_path.trim_matches('/');
    let beside_page = near
        .rsplit_once('/')
        .map_or(folder.is_empty(), |(f, _)| f == folder);
    let suggestion = match near.rsplit_once('/') {
        Some((_, name)) if beside_page && !written.starts_with('/') => name.to_owned(),
        _ if beside_page && !written.starts_with('/') => near.to_owned(),
        _ => format!("/{near}"),
    };
    d.help(crate::t!("config-did-you-mean", key = suggestion))
}

fn anchor_diagnostic(
    code: &'static str,
    page: &str,
    fragment: &str,
    index: &OutputIndex,
) -> Diagnostic {
    let d = Diagnostic::error(
        code,
        crate::t!("check-broken-anchor", anchor = fragment, page = page),
    )
    .expected(crate::t!("check-broken-anchor.expected"));
    let ids: Vec<&str> = index
        .html_at(page)
        .map(|h| h.ids.iter().map(String::as_str).collect())
        .unwrap_or_default();
    match did_you_mean(fragment, ids.iter().copied()) {
        Some(near) => d.help(crate::t!("config-did-you-mean", key = format!("#{near}"))),
        None => d.help(crate::t!("check-broken-anchor.help")),
    }
}

fn find_broken(path: &str, fragment: Option<&str>, index: &OutputIndex) -> Option<Broken> {
    let Some(found) = index.find(path) else {
        return Some(Broken::NoTarget);
    };
    let fragment = fragment.filter(|f| !f.is_empty() && *f != "top")?;
    let page = index.html_at(&found)?;
    (!page.ids.contains(fragment)).then(|| Broken::NoAnchor {
        page: found.clone(),
        fragment: fragment.to_owned(),
    })
}

/// A broken link written in a template: its first place and how many outputs have it.
struct TemplateProblem {
    output: String,
    line: u32,
    written: String,
    count: usize,
    problem: Broken,
}

/// A link that works on the page whose Markdown has it, but not in the other outputs
/// that show it: how many, and the first.
struct ElsewhereProblem<'a> {
    first_output: String,
    count: usize,
    place: &'a Place,
    path: &'a str,
    is_image: bool,
    written: String,
}

fn check_templates(
    portal: &Portal,
    base: &Base,
    index: &OutputIndex,
    written: &Written,
    report: &mut LinkReport,
) {
    let mut problems: BTreeMap<String, TemplateProblem> = BTreeMap::new();
    let mut elsewhere: BTreeMap<String, ElsewhereProblem<'_>> = BTreeMap::new();
    let mut external_seen = HashSet::new();
    let output_dir = &portal.config.output_dir;
    for output in &index.html {
        let from = url_path_of_output(&output.path);
        for link in &output.links {
            let target = base.classify(&link.url, &from);
            let key = target.key();
            match target {
                Target::External(url) => {
                    if external_seen.insert(url.clone()) {
                        report.external.push(ExternalRef {
                            url,
                            place: output_place(output_dir, &output.path, link.line),
                            code: "C0110",
                        });
                    }
                }
                Target::Ignored => {}
                Target::Internal { path, fragment } => {
                    if written.broken_keys.contains(&key) {
                        continue;
                    }
                    if let Some(entry) = problems.get_mut(&key) {
                        entry.count += usize::from(entry.output != output.path);
                        continue;
                    }
                    let Some(problem) = find_broken(&path, fragment.as_deref(), index) else {
                        continue;
                    };
                    // Only broken links are looked up: most links work.
                    match written.get(&link.url) {
                        Some(MarkdownUse::Reported) => {}
                        Some(MarkdownUse::Fine {
                            place,
                            path: works,
                            is_image,
                        }) => {
                            let entry = elsewhere.entry(link.url.clone()).or_insert_with(|| {
                                ElsewhereProblem {
                                    first_output: output.path.clone(),
                                    count: 0,
                                    place,
                                    path: works,
                                    is_image: *is_image,
                                    written: html::percent_decode(&link.url),
                                }
                            });
                            entry.count += 1;
                        }
                        None => {
                            problems.insert(
                                key,
                                TemplateProblem {
                                    output: output.path.clone(),
                                    line: link.line,
                                    written: link.url.clone(),
                                    count: 1,
                                    problem,
                                },
                            );
                        }
                    }
                }
            }
        }
    }
    for problem in problems.into_values() {
        report
            .diagnostics
            .push(template_diagnostic(output_dir, problem, index));
    }
    for problem in elsewhere.into_values() {
        report.diagnostics.push(elsewhere_diagnostic(problem));
    }
}

/// C0109 at the Markdown line of a link that works on its page only.
fn elsewhere_diagnostic(p: ElsewhereProblem<'_>) -> Diagnostic {
    let shown = url_path_of_output(&p.first_output);
    let more = p.count.saturating_sub(1);
    let message = if p.is_image {
        crate::t!(
            "check-summary-image",
            path = p.written,
            shown = shown,
            more = more
        )
    } else {
        crate::t!(
            "check-summary-link",
            path = p.written,
            shown = shown,
            more = more
        )
    };
    let d = Diagnostic::error("C0109", message)
        .expected(crate::t!("check-summary-link.expected"))
        .help(crate::t!("check-summary-link.help", path = p.path));
    p.place.apply(d)
}

fn output_place(output_dir: &str, path: &str, line: u32) -> Place {
    Place {
        file: PathBuf::from(format!("{}/{path}", output_dir.trim_end_matches('/'))),
        line: Some(line),
        line_text: None,
        column: 1,
        width: 1,
    }
}

fn template_diagnostic(output_dir: &str, p: TemplateProblem, index: &OutputIndex) -> Diagnostic {
    let d = match &p.problem {
        Broken::NoTarget => Diagnostic::error(
            "C0104",
            crate::t!("check-template-link", link = &p.written, pages = p.count),
        )
        .expected(crate::t!("check-template-link.expected"))
        .help(crate::t!("check-template-link.help")),
        Broken::NoAnchor { page, fragment } => {
            let mut d = anchor_diagnostic("C0104", page, fragment, index);
            let anchor = Said {
                english: std::mem::take(&mut d.message),
                text: d.localized.message.take(),
            };
            let message = crate::t!("check-template-anchor", problem = anchor, pages = p.count);
            d.message = message.english;
            d.localized.message = message.text;
            d
        }
    };
    output_place(output_dir, &p.output, p.line).apply(d)
}
