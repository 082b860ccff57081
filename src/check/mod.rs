//! `menhu check`: everything `build` validates, then the rules editors and inspectors
//! care about, on a site built in memory. Nothing is written to disk (except the
//! external-link cache and an audit report when asked for).
//!
//! Codes (each explained in `docs/editor-guide.zh.md`):
//! - links and content (`links.rs`, `content.rs`, `external.rs`): C0101 broken link in
//!   Markdown, C0102 missing anchor, C0103 missing image, C0104 broken link or anchor in a
//!   template, C0105 image without alt text, C0106 duplicate title (warning), C0107
//!   heading level skipped (warning), C0110 external link answers with an error status,
//!   C0111 external link unreachable (warning), C0112 external link not requested because
//!   it is or leads to a private address (warning);
//! - inspection (`inspect.rs`, the national indicators for government websites): C0201
//!   home page not updated, C0202 column not updated, C0203 empty column, C0204 undated
//!   page in a dated column, C0205 attachment that cannot be downloaded, C0206 government
//!   meta tag missing, C0207 footer filing number missing;
//! - wording (`wording.rs`): C0301 a name or term miswritten, C0302 a forbidden or
//!   outdated term.

mod address_guard;
mod content;
mod external;
mod html;
mod inspect;
mod links;
mod outputs;
pub mod report;
mod wording;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics};
use crate::pipeline::{self, BuildOptions, Built};

pub use external::{ExternalOptions, LinkStatus, check_urls};
pub use inspect::{ColumnSummary, Inspection};

/// What `menhu check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// How to build the site.
    pub build: BuildOptions,
    /// Also request external links.
    pub external: bool,
    /// The day staleness is measured from; `[check] as_of`, else the clock, when `None`.
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
}

/// Builds the site in memory and runs every check on it.
pub fn check(options: &CheckOptions) -> CheckReport {
    let built = match pipeline::build_in_memory(&options.build) {
        Ok(built) => built,
        Err(problems) => {
            return CheckReport {
                diagnostics: problems,
                inspection: None,
                site_title: String::new(),
                pages: 0,
            };
        }
    };
    let today = options
        .today
        .or(built.portal.config.check.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    check_built(&built, today, options.external)
}

/// Runs every check on a site already built.
pub fn check_built(built: &Built, today: NaiveDate, external: bool) -> CheckReport {
    let portal = &built.portal;
    let mut diagnostics = Diagnostics::new();
    // The build's alt-text warning becomes C0105, an error of `check`.
    diagnostics.extend(built.warnings.iter().filter(|d| d.code != "W0202").cloned());
    let index = outputs::OutputIndex::build(portal, &built.site);
    let link_report = links::check_links(portal, &index);
    diagnostics.extend(link_report.diagnostics);
    diagnostics.extend(content::check_content(portal));
    let inspection = inspect::inspect(portal, &index, today);
    diagnostics.extend(inspection.diagnostics.iter().cloned());
    diagnostics.extend(wording::check_wording(portal));
    if external {
        let options = ExternalOptions::from_config(&portal.config.check.external, &portal.root);
        diagnostics.extend(external::check_external(&link_report.external, &options));
    }
    CheckReport {
        diagnostics,
        inspection: Some(inspection),
        site_title: portal.config.title.clone(),
        pages: portal.pages.len(),
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
pub fn render_diagnostics(diagnostics: &Diagnostics, format: Format, color: bool) -> String {
    let mut out = String::new();
    for d in diagnostics.clone().sorted() {
        match format {
            Format::Human => {
                out.push_str(&d.render_human(color));
                if d.is_error() {
                    out.push('\n');
                }
            }
            Format::Json => {
                out.push_str(&d.render_json());
                out.push('\n');
            }
            Format::Github => {
                out.push_str(&d.render_github());
                out.push('\n');
            }
        }
    }
    if format == Format::Human {
        if diagnostics.is_empty() {
            out.push_str("no problems found\n");
        } else {
            out.push_str(&diagnostics.summary());
            out.push('\n');
        }
    }
    out
}
