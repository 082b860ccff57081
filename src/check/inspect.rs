//! The government-website inspection (政府网站检查指标), on the built site: home page and
//! columns updated in time (C0201, C0202), no empty column (C0203), every item in a
//! dated column dated (C0204, counted as not updated), attachments that can be
//! downloaded (C0205), the machine-readable meta tags on every page (C0206) and the
//! footer filing numbers of a government site (C0207). Also summarises each column for
//! the audit report.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::outputs::{FILING_MARKS, OutputIndex, OutputKind};
use crate::config::check::ColumnKind;
use crate::content::meta::SortBy;
use crate::diag::text::Said;
use crate::diag::{Diagnostic, Span, display_path};
use crate::portal::{PageId, Portal, PortalSection, SectionId};

/// The inspection's result: problems and a summary per column.
#[derive(Debug, Clone, Serialize)]
pub struct Inspection {
    /// The day staleness was measured from.
    pub today: NaiveDate,
    /// The home page's newest item and its age.
    pub home: ColumnSummary,
    /// One summary per column (section below the home), in site order.
    pub columns: Vec<ColumnSummary>,
    /// The problems found.
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
}

/// One column as the audit report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnSummary {
    /// Section folder under `content/` (empty for the home page).
    pub section: String,
    /// The column's title.
    pub title: String,
    /// How it is inspected.
    pub kind: ColumnKind,
    /// Staleness limit in days, when the kind has one.
    pub limit_days: Option<u32>,
    /// Items in the column and its sub-columns.
    pub items: usize,
    /// Items without a date.
    pub undated: usize,
    /// Date of the newest item.
    pub newest: Option<NaiveDate>,
    /// Days since the newest item.
    pub age_days: Option<i64>,
    /// `ok`, `stale`, `empty` or `exempt`.
    pub status: &'static str,
}

/// Runs the inspection rules.
pub(crate) fn inspect(portal: &Portal, index: &OutputIndex, today: NaiveDate) -> Inspection {
    let rules = &portal.config.check;
    let mut diagnostics = Vec::new();
    let home_pages: Vec<PageId> = portal
        .pages
        .iter()
        .filter(|p| p.listed)
        .map(|p| p.id)
        .collect();
    // A site without dated columns (a handbook, an about-only site) has no news to keep fresh.
    let has_dated_column = portal
        .sections
        .iter()
        .any(|s| s.source.meta.sort_by == SortBy::Date);
    let home = summarise(
        portal,
        portal.home(),
        &home_pages,
        if has_dated_column {
            ColumnKind::News
        } else {
            ColumnKind::Exempt
        },
        Some(rules.home_days),
        today,
    );
    if home.status == "stale" {
        diagnostics.push(stale("C0201", portal.home(), &home, rules.home_days));
    }
    let mut columns = Vec::new();
    for section in portal.sections.iter().filter(|s| s.parent.is_some()) {
        let (summary, problems) = inspect_column(portal, section, today);
        diagnostics.extend(problems);
        columns.push(summary);
    }
    diagnostics.extend(undated_items(portal));
    diagnostics.extend(empty_attachments(portal));
    if rules.meta_tags {
        diagnostics.extend(meta_tags(portal, index));
    }
    if rules.government {
        diagnostics.extend(filing_numbers(&portal.config.output_dir, index));
    }
    Inspection {
        today,
        home,
        columns,
        diagnostics,
    }
}

fn inspect_column(
    portal: &Portal,
    section: &PortalSection,
    today: NaiveDate,
) -> (ColumnSummary, Vec<Diagnostic>) {
    let rules = &portal.config.check;
    let path = section.source.components.join("/");
    let rule = rules.columns.iter().find(|c| c.section == path);
    let kind = rule
        .and_then(|r| r.kind)
        .unwrap_or_else(|| default_kind(section));
    let limit = rule.and_then(|r| r.days).or(match kind {
        ColumnKind::News => Some(rules.news_days),
        ColumnKind::Notice => Some(rules.notice_days),
        ColumnKind::Other | ColumnKind::Exempt => None,
    });
    let pages = pages_below(portal, section.id);
    let summary = summarise(portal, section, &pages, kind, limit, today);
    let mut problems = Vec::new();
    match summary.status {
        "stale" => problems.push(stale("C0202", section, &summary, limit.unwrap_or(0))),
        "empty" if !rule.is_some_and(|r| r.allow_empty) => problems.push(
            Diagnostic::error(
                "C0203",
                crate::t!("check-empty-column", title = &summary.title),
            )
            .in_file(&section.source.file)
            .expected(crate::t!("check-empty-column.expected"))
            .help(crate::t!("check-empty-column.help", path = path)),
        ),
        _ => {}
    }
    (summary, problems)
}

/// News-type unless the title says notices or policies; columns not sorted by date
/// (directories, about pages) are only checked for emptiness.
fn default_kind(section: &PortalSection) -> ColumnKind {
    const NOTICE_WORDS: [&str; 7] = ["通知", "公告", "公示", "政策", "文件", "法规", "规章"];
    if section.source.meta.sort_by != SortBy::Date {
        return ColumnKind::Other;
    }
    let title = &section.source.meta.title;
    if NOTICE_WORDS.iter().any(|w| title.contains(w)) {
        ColumnKind::Notice
    } else {
        ColumnKind::News
    }
}

/// Listed pages of a section and of every section below it.
fn pages_below(portal: &Portal, id: SectionId) -> Vec<PageId> {
    let mut pages = Vec::new();
    let mut stack = vec![id];
    while let Some(next) = stack.pop() {
        let section = portal.section(next);
        pages.extend(
            portal
                .pages
                .iter()
                .filter(|p| p.section == next && p.listed)
                .map(|p| p.id),
        );
        stack.extend(section.subsections.iter().copied());
    }
    pages.sort();
    pages.dedup();
    pages
}

fn summarise(
    portal: &Portal,
    section: &PortalSection,
    pages: &[PageId],
    kind: ColumnKind,
    limit: Option<u32>,
    today: NaiveDate,
) -> ColumnSummary {
    let dates: Vec<NaiveDate> = pages
        .iter()
        .filter_map(|id| portal.page(*id).date.as_ref())
        .map(|d| d.day())
        .filter(|d| *d <= today)
        .collect();
    let newest = dates.iter().max().copied();
    let age_days = newest.map(|d| (today - d).num_days());
    let status = if kind == ColumnKind::Exempt {
        "exempt"
    } else if pages.is_empty() {
        "empty"
    } else {
        match (limit, age_days) {
            (Some(limit), Some(age)) if age > i64::from(limit) => "stale",
            (Some(_), None) => "stale",
            _ => "ok",
        }
    };
    ColumnSummary {
        section: section.source.components.join("/"),
        title: section.source.meta.title.clone(),
        kind,
        limit_days: limit,
        items: pages.len(),
        undated: pages
            .iter()
            .map(|id| portal.page(*id))
            .filter(|p| p.date.is_none())
            .filter(|p| portal.section(p.section).source.meta.sort_by == SortBy::Date)
            .count(),
        newest,
        age_days,
        status,
    }
}

fn stale(
    code: &'static str,
    section: &PortalSection,
    summary: &ColumnSummary,
    limit: u32,
) -> Diagnostic {
    let what = if section.parent.is_none() {
        crate::t!("check-stale-home")
    } else {
        crate::t!("check-stale-column", title = &summary.title)
    };
    let found = match (summary.newest, summary.age_days) {
        (Some(newest), Some(age)) => crate::t!(
            "check-stale",
            what = what,
            age = age,
            newest = newest.to_string(),
            limit = limit
        ),
        _ => crate::t!("check-stale.undated", what = what),
    };
    let path = if summary.section.is_empty() {
        String::new()
    } else {
        format!("{}/", summary.section)
    };
    let help = if path.is_empty() {
        crate::t!("check-stale-home.help")
    } else {
        crate::t!("check-stale.help", folder = path.trim_end_matches('/'))
    };
    Diagnostic::error(code, found)
        .in_file(&section.source.file)
        .expected(crate::t!("check-stale.expected", limit = limit))
        .help(help)
}

fn undated_items(portal: &Portal) -> Vec<Diagnostic> {
    portal
        .pages
        .iter()
        .filter(|p| p.date.is_none() && p.listed)
        .filter(|p| portal.section(p.section).source.meta.sort_by == SortBy::Date)
        .map(|p| {
            let column = &portal.section(p.section).source.meta.title;
            Diagnostic::error(
                "C0204",
                crate::t!(
                    "check-undated",
                    title = &p.source.meta.title,
                    column = column
                ),
            )
            .in_file(&p.source.file)
            .at_span(Span::point(1, 1))
            .expected(crate::t!("check-undated.expected"))
            .help(crate::t!("check-undated.help"))
        })
        .collect()
}

fn empty_attachments(portal: &Portal) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &portal.pages {
        for (info, located) in page.attachments.iter().zip(&page.source.meta.attachments) {
            if info.size == Some(0) {
                let mut d = Diagnostic::error(
                    "C0205",
                    crate::t!("check-empty-attachment", name = &info.name),
                )
                .in_file(&page.source.file)
                .expected(crate::t!("check-empty-attachment.expected"))
                .help(crate::t!("check-empty-attachment.help"));
                if let Some(span) = located.span {
                    d = d.at_span(span);
                }
                out.push(d);
            }
        }
    }
    out
}

/// The meta tags every page, column page or article must carry.
const SITE_TAGS: [&str; 3] = ["SiteName", "SiteDomain", "SiteIDCode"];
const COLUMN_TAGS: [&str; 1] = ["ColumnName"];
const ARTICLE_TAGS: [&str; 4] = ["ColumnName", "ArticleTitle", "PubDate", "ContentSource"];
/// Pages outside dated columns (an org profile, 关于我们) have no publication date.
const UNDATED_ARTICLE_TAGS: [&str; 3] = ["ColumnName", "ArticleTitle", "ContentSource"];

fn required_tags(portal: &Portal, kind: OutputKind) -> Vec<&'static str> {
    let extra: &[&str] = match kind {
        OutputKind::Page(id) => {
            let page = portal.page(id);
            let section = portal.section(page.section);
            // An undated page in a dated column is C0204 already.
            if section.source.meta.sort_by == SortBy::Date && page.date.is_some() {
                &ARTICLE_TAGS
            } else {
                &UNDATED_ARTICLE_TAGS
            }
        }
        OutputKind::Section(_) => &COLUMN_TAGS,
        OutputKind::Site => &[],
        OutputKind::Redirect => return Vec::new(),
    };
    SITE_TAGS.iter().chain(extra).copied().collect()
}

fn meta_tags(portal: &Portal, index: &OutputIndex) -> Vec<Diagnostic> {
    // tag → (pages without it, first such output)
    let mut missing: BTreeMap<&'static str, (usize, &str)> = BTreeMap::new();
    for output in &index.html {
        for tag in required_tags(portal, output.kind) {
            let present = output
                .metas
                .iter()
                .any(|(name, content)| name == tag && !content.is_empty());
            if !present {
                let entry = missing.entry(tag).or_insert((0, output.path.as_str()));
                entry.0 += 1;
            }
        }
    }
    let output_dir = portal.config.output_dir.trim_end_matches('/');
    missing
        .into_iter()
        .map(|(tag, (count, first))| {
            Diagnostic::error(
                "C0206",
                crate::t!("check-meta-missing", tag = tag, count = count),
            )
            .in_file(format!("{output_dir}/{first}"))
            .expected(crate::t!("check-meta-missing.expected", tag = tag))
            .help(meta_help(tag))
        })
        .collect()
}

fn meta_help(tag: &str) -> Said {
    match tag {
        "SiteIDCode" => crate::t!("check-meta-missing.site-id-code"),
        "ContentSource" => crate::t!("check-meta-missing.content-source"),
        "PubDate" => crate::t!("check-meta-missing.pub-date"),
        _ => crate::t!("check-meta-missing.help", tag = tag),
    }
}

fn filing_numbers(output_dir: &str, index: &OutputIndex) -> Vec<Diagnostic> {
    let output_dir = output_dir.trim_end_matches('/');
    FILING_MARKS
        .iter()
        .filter_map(|(mark, _, name)| {
            let lacking: Vec<&str> = index
                .html
                .iter()
                .filter(|o| o.kind != OutputKind::Redirect && !o.filing.contains(mark))
                .map(|o| o.path.as_str())
                .collect();
            let first = lacking.first()?;
            Some(
                Diagnostic::error(
                    "C0207",
                    crate::t!(
                        "check-filing-missing",
                        name = *name,
                        mark = *mark,
                        count = lacking.len()
                    ),
                )
                .in_file(format!("{output_dir}/{first}"))
                .expected(crate::t!("check-filing-missing.expected", name = *name))
                .help(crate::t!("check-filing-missing.help")),
            )
        })
        .collect()
}

/// The column summaries with the number of problems in each, for the audit report.
pub(crate) fn problems_by_column(
    inspection: &Inspection,
    diagnostics: &[Diagnostic],
) -> Vec<(String, usize)> {
    inspection
        .columns
        .iter()
        .map(|c| {
            let folder = format!("content/{}/", c.section);
            let count = diagnostics
                .iter()
                .filter(|d| {
                    d.file
                        .as_deref()
                        .is_some_and(|f| display_path(f).starts_with(&folder))
                })
                .count();
            (c.section.clone(), count)
        })
        .collect()
}
