//! `menhu check`: everything `build` validates, then the rules editors and inspectors
//! care about, on a site built in memory. Nothing is written to disk (except the
//! external-link cache and an audit report when asked for).
//!
//! Codes (each explained in `docs/editor-guide.zh.md`):
//! - links and content (`links.rs`, `content.rs`, `external.rs`): C0101 broken link in
//!   Markdown, C0102 missing anchor, C0103 missing image, C0104 broken link or anchor in a
//!   template, C0105 image without alt text, C0106 duplicate title (warning), C0107
//!   heading level skipped (warning), C0122 the title again as the body's first heading
//!   (warning), C0123 outline headings written as paragraphs (`outline.rs`, warning), C0108 link or image shown as text (a space in its
//!   path), C0109 relative link in a summary that breaks in lists, C0110 external link
//!   answers with an error status, C0111 external link unreachable (warning), C0112 external link not
//!   requested because it is or leads to a private address (warning);
//! - photos (`photos.rs`, warnings): C0130 an original too large to publish as it is,
//!   C0131 a 置顶 or 头条 left on news older than 90 days;
//! - leftovers of `menhu new` (`leftovers.rs`, warnings): C0120 a line of the page
//!   template's text, C0121 an empty `source`;
//! - inspection (`inspect.rs`, the national indicators for government websites): C0201
//!   home page not updated, C0202 column not updated, C0203 empty column, C0204 undated
//!   page in a dated column, C0205 attachment that cannot be downloaded, C0206 government
//!   meta tag missing, C0207 footer filing number missing, C0208 `[check] as_of` more
//!   than 30 days before today (warning: the audit is not measuring today);
//! - wording (`wording.rs`): C0301 a name or term miswritten, C0302 a forbidden or
//!   outdated term;
//! - a network of sites (`network.rs`, `check --network`): C0402 a member without
//!   filing numbers (warning), C0403 a filing number copied from another member.

mod content;
mod external;
mod html;
mod inspect;
mod leftovers;
mod links;
pub mod network;
mod outline;
mod outputs;
mod photos;
pub mod report;
mod review;
mod targets;
mod wording;

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::output::SiteOutput;
use crate::pipeline::{self, BuildOptions};
use crate::portal::Portal;

pub use external::{ExternalOptions, LinkStatus, check_urls};
pub use inspect::{ColumnSummary, Inspection};

/// What `menhu check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// How to build the site.
    pub build: BuildOptions,
    /// Also request external links.
    pub external: bool,
    /// The day staleness is measured from; `[check] as_of`, else the build's now on
    /// the site's clock, when `None`.
    pub today: Option<NaiveDate>,
}

/// The outcome of a check.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// Every problem, build problems included.
    pub diagnostics: Diagnostics,
    /// The inspection by column, when the site built.
    pub inspection: Option<Inspection>,
    /// The site's title, for the audit report.
    pub site_title: String,
    /// Pages checked.
    pub pages: usize,
    /// The model checked, when the site could be read (for `check --network`'s rules).
    pub portal: Option<std::sync::Arc<Portal>>,
}

/// Builds the site in memory and runs every check on it. A build error does not hide
/// the rest: every stage that can still run does, and every check whose input was made.
pub fn check(options: &CheckOptions) -> CheckReport {
    let checked = pipeline::build_for_check(&options.build);
    let Some(portal) = &checked.portal else {
        return CheckReport {
            diagnostics: checked.problems,
            inspection: None,
            site_title: String::new(),
            pages: 0,
            portal: None,
        };
    };
    let now_day = portal
        .now
        .with_timezone(&portal.config.timezone)
        .date_naive();
    let today = options
        .today
        .or(portal.config.check.as_of)
        .unwrap_or(now_day);
    let scheduled = checked
        .publication
        .iter()
        .flat_map(|p| p.with_reason(crate::portal::schedule::Reason::Scheduled))
        .filter_map(|p| p.output.clone())
        .collect();
    let mut report = check_site(
        portal,
        checked.site.as_ref(),
        &checked.problems,
        &scheduled,
        today,
        options.external,
    );
    report.portal = Some(portal.clone());
    if options.today.is_none() {
        report
            .diagnostics
            .extend(old_as_of(&portal.config, now_day));
    }
    report
        .diagnostics
        .extend(crate::deploy::check_config(&options.build.root));
    if let Some(publication) = &checked.publication {
        let (bounds, _) = portal.config.bounds(&options.build.root);
        report.diagnostics.extend(review::waiting_for_review(
            &options.build.root,
            &bounds,
            publication,
        ));
    }
    report
}

/// Days after which a fixed `as_of` is worth a warning.
const AS_OF_OLD_DAYS: i64 = 30;

/// C0208 when `[check] as_of` is more than [`AS_OF_OLD_DAYS`] before `today`: every
/// staleness rule then measures a past day, and a column that stopped being updated
/// since goes unnoticed.
fn old_as_of(config: &crate::config::Config, today: NaiveDate) -> Option<Diagnostic> {
    let as_of = config.check.as_of?;
    let days = (today - as_of).num_days();
    if days <= AS_OF_OLD_DAYS {
        return None;
    }
    let mut d = Diagnostic::warning(
        "C0208",
        crate::t!("check-old-as-of", day = as_of.to_string(), days = days),
    )
    .in_file(&config.file)
    .help(crate::t!("check-old-as-of.help"));
    if let Some(span) = config.check.as_of_span {
        d = d.at_span(span);
    }
    Some(d)
}

/// Runs every check on a site built for checking: the content and wording rules on the
/// model, and, when every output was rendered, the link and inspection rules on them.
fn check_site(
    portal: &Portal,
    site: Option<&SiteOutput>,
    build_problems: &Diagnostics,
    scheduled: &HashSet<String>,
    today: NaiveDate,
    external: bool,
) -> CheckReport {
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend(build_problems.iter().filter_map(promoted));
    diagnostics.extend(content::check_content(portal));
    diagnostics.extend(outline::check_outline(portal));
    diagnostics.extend(photos::check_photos(portal, today));
    let archetype_lines =
        crate::scaffold::archetype_text_lines(&portal.root, portal.config.theme.as_deref());
    diagnostics.extend(leftovers::check_leftovers(portal, &archetype_lines));
    diagnostics.extend(wording::check_wording(portal));
    let mut inspection = None;
    if let Some(site) = site {
        let index = outputs::OutputIndex::build(portal, site);
        let link_report = links::check_links(portal, &index, scheduled);
        diagnostics.extend(link_report.diagnostics);
        let inspected = inspect::inspect(portal, &index, today);
        diagnostics.extend(inspected.diagnostics.iter().cloned());
        inspection = Some(inspected);
        if external {
            let options = ExternalOptions::from_config(&portal.config.check.external, &portal.root);
            diagnostics.extend(external::check_external(&link_report.external, &options));
        }
    }
    CheckReport {
        diagnostics,
        inspection,
        site_title: portal.config.title.clone(),
        pages: portal.pages.len(),
        portal: None,
    }
}

/// A build problem as `check` reports it: warnings about what visitors cannot see become
/// errors of its own. W0202 (an image without alt text) is left out, as the content rules
/// report each such image as C0105; W0203 (a link or image shown as text because its path
/// has a space) becomes C0108, W0205 (an image on the writer's own computer) C0113.
fn promoted(d: &Diagnostic) -> Option<Diagnostic> {
    let as_error = |code| {
        Some(Diagnostic {
            code,
            severity: crate::diag::Severity::Error,
            ..d.clone()
        })
    };
    match d.code {
        "W0202" => None,
        // The photo rules say it as the image pipeline's error (E0251–E0253).
        "W0209" => None,
        "W0203" => as_error("C0108"),
        "W0205" => as_error("C0113"),
        _ => Some(d.clone()),
    }
}

/// Where a problem was found: a source file and line, for linking back to it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Place {
    /// File relative to the site root.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// The text of that line, for the caret rendering.
    pub line_text: Option<String>,
    /// 1-based character column of the problem in that line.
    pub column: u32,
    /// Width of the marked text, in characters.
    pub width: u32,
}

impl Place {
    /// `diagnostic` placed here.
    pub fn apply(&self, diagnostic: Diagnostic) -> Diagnostic {
        let mut d = diagnostic.in_file(&self.file);
        if let Some(line) = self.line {
            let span = crate::diag::Span {
                line,
                column: self.column,
                end_line: line,
                end_column: self.column + self.width.max(1),
            };
            d = d.at_span(span);
            d.source_line = self.line_text.clone();
        }
        d
    }
}

/// The 1-based character column of `needle` in `line`, and its width in characters.
pub(crate) fn column_of(line: &str, needle: &str) -> (u32, u32) {
    let width = needle.chars().count();
    match line.find(needle) {
        Some(at) => (to_u32(line[..at].chars().count() + 1), to_u32(width)),
        None => (1, 1),
    }
}

pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Line `line` (file numbering) of a body that starts at file line `body_line`.
pub(crate) fn body_line_text(body: &str, body_line: u32, line: u32) -> Option<&str> {
    let index = line.checked_sub(body_line)?;
    body.lines().nth(index as usize)
}

/// How `menhu check` prints problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: the source line with a caret, then a summary line.
    Human,
    /// One JSON object per line (schema in `docs/check.md`).
    Json,
    /// GitHub Actions workflow commands (annotations on the changed files).
    Github,
}

/// Every problem, sorted, in `format`; the human form ends with the summary line.
pub fn render_diagnostics(
    diagnostics: &Diagnostics,
    format: Format,
    color: bool,
    lang: Lang,
) -> String {
    let mut out = String::new();
    for d in diagnostics.clone().sorted() {
        match format {
            Format::Human => {
                out.push_str(&d.render_human(color, lang));
                if d.is_error() {
                    out.push('\n');
                }
            }
            Format::Json => {
                out.push_str(&d.render_json(lang));
                out.push('\n');
            }
            Format::Github => {
                out.push_str(&d.render_github(lang));
                out.push('\n');
            }
        }
    }
    if format == Format::Human {
        if diagnostics.is_empty() {
            out.push_str(&crate::t!("check-no-problems").render(lang));
            out.push('\n');
        } else {
            out.push_str(&diagnostics.summary(lang));
            out.push('\n');
        }
    }
    out
}
