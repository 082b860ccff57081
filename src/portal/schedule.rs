//! What is published now, and an account of every page that is not: a draft waits for
//! `--drafts`, a page dated after the build's "now" waits for its date (scheduled), and
//! a page past its `expires` stays at its address but leaves lists, feeds and search.
//! Every decision compares instants ([`Date::instant`]), so the machine's time zone
//! never matters.
//!
//! A scheduled page is still given its URL and its Markdown rendered, so the problems
//! it would bring on its day are reported today, as warnings: they must not hold back
//! the pages due now. A published page that links to it gets a warning too (W0305).
//! The account ([`Publication`]) is one line for every build, a list with `--verbose`,
//! and JSON for CI (`menhu build --format json`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use unicode_width::UnicodeWidthStr;

use super::UrlPlan;
use crate::content::date::{human_time, rfc3339_in};
use crate::content::{Content, Page};
use crate::diag::text::Said;
use crate::diag::{Diagnostic, Lang, Severity, Span};
use crate::markdown::Rendered;

/// Why a page is not (fully) published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// Dated after now: published when its date comes.
    Scheduled,
    /// `draft = true`: published only with `--drafts`.
    Draft,
    /// Past its `expires`: still at its address, but in no list, feed or search.
    Expired,
}

impl Reason {
    /// The word in reports and JSON.
    pub fn word(self) -> &'static str {
        match self {
            Reason::Scheduled => "scheduled",
            Reason::Draft => "draft",
            Reason::Expired => "expired",
        }
    }
}

/// One page left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The page's file, relative to the site root.
    pub file: PathBuf,
    /// Its title.
    pub title: String,
    /// Why.
    pub reason: Reason,
    /// Scheduled: when it is due; expired: its `expires`; draft: its date, if any.
    pub at: Option<DateTime<Utc>>,
    /// Scheduled: the output file it will be (`news/x/index.html`); expired: the one it
    /// is. For the preview's notices.
    pub output: Option<String>,
}

/// The account of a build: how many pages are published and which are not.
#[derive(Debug, Clone)]
pub struct Publication {
    /// Pages published (expired ones included: they keep their address).
    pub published: usize,
    /// Drafts and scheduled pages (not published) and expired pages (unlisted),
    /// in that order, then by time and file.
    pub left_out: Vec<LeftOut>,
    /// The site's time zone, for showing times.
    pub zone: Tz,
    /// When the next published page's `expires` passes (it then leaves the lists).
    pub next_expiry: Option<DateTime<Utc>>,
    /// Built with `--drafts`: drafts and scheduled pages were published too.
    pub drafts_included: bool,
}

impl Default for Publication {
    fn default() -> Publication {
        Publication {
            published: 0,
            left_out: Vec::new(),
            next_expiry: None,
            zone: Tz::UTC,
            drafts_included: false,
        }
    }
}

/// Which loaded pages wait for their date, decided once per build.
pub struct Schedule {
    now: DateTime<Utc>,
    zone: Tz,
    /// Index in `Content::pages` → when the page is due.
    waiting: HashMap<usize, DateTime<Utc>>,
    /// Content key (`news/x.md`) → when it is due, for links to it.
    waiting_keys: HashMap<String, DateTime<Utc>>,
    /// File → when it is due, for its problems.
    waiting_files: HashMap<PathBuf, DateTime<Utc>>,
    drafts_included: bool,
}

/// True when `page` has an `expires` at or before `now`.
pub fn has_expired(page: &Page, now: DateTime<Utc>, zone: Tz) -> bool {
    page.meta
        .expires
        .as_ref()
        .is_some_and(|expires| expires.instant(zone) <= now)
}

/// When `page` is due, if that is after `now`.
fn due_after(page: &Page, now: DateTime<Utc>, zone: Tz) -> Option<DateTime<Utc>> {
    let due = super::page_date(page)?.instant(zone);
    (due > now).then_some(due)
}

impl Schedule {
    /// Decides for every page of `content`; with `drafts_included` nothing waits.
    pub fn decide(
        content: &Content,
        now: DateTime<Utc>,
        zone: Tz,
        drafts_included: bool,
    ) -> Schedule {
        let mut schedule = Schedule {
            now,
            zone,
            waiting: HashMap::new(),
            waiting_keys: HashMap::new(),
            waiting_files: HashMap::new(),
            drafts_included,
        };
        if drafts_included {
            return schedule;
        }
        for (i, page) in content.pages.iter().enumerate() {
            if let Some(due) = due_after(page, now, zone) {
                schedule.waiting.insert(i, due);
                schedule.waiting_keys.insert(page.key.clone(), due);
                schedule.waiting_files.insert(page.file.clone(), due);
            }
        }
        schedule
    }

    /// The problems of scheduled pages as warnings that say when the page is due:
    /// they must be fixed by then, but they do not hold back today's pages.
    pub fn soften(&self, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.waiting.is_empty() {
            return problems;
        }
        problems
            .into_iter()
            .map(|mut d| {
                let due = d.file.as_deref().and_then(|f| self.waiting_files.get(f));
                if let (Some(due), Severity::Error) = (due, d.severity) {
                    d.severity = Severity::Warning;
                    let due = human_time(*due, self.zone);
                    let help = match d.take_help() {
                        Some(help) => {
                            crate::t!("schedule-fix-before.after-help", help = help, due = due)
                        }
                        None => crate::t!("schedule-fix-before", due = due),
                    };
                    d = d.help(help);
                }
                d
            })
            .collect()
    }

    /// W0305 for every `@/` link of a published page or a section to a scheduled page:
    /// until the page is due, the link leads nowhere.
    pub fn links_to_waiting(
        &self,
        content: &Content,
        section_html: &[Rendered],
        page_html: &[Rendered],
    ) -> Vec<Diagnostic> {
        if self.waiting.is_empty() {
            return Vec::new();
        }
        let sections = content
            .sections
            .iter()
            .map(|s| s.file.as_path())
            .zip(section_html);
        let pages = content
            .pages
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.waiting.contains_key(i))
            .map(|(_, p)| p.file.as_path())
            .zip(
                page_html
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !self.waiting.contains_key(i))
                    .map(|(_, r)| r),
            );
        sections
            .chain(pages)
            .flat_map(|(file, rendered)| self.waiting_links_of(file, rendered))
            .collect()
    }

    fn waiting_links_of(&self, file: &Path, rendered: &Rendered) -> Vec<Diagnostic> {
        rendered
            .links
            .iter()
            .filter_map(|link| {
                let key = link.target.strip_prefix("@/")?;
                let key = key.split('#').next().unwrap_or(key).trim_start_matches('/');
                let due = self.waiting_keys.get(key)?;
                Some(
                    Diagnostic::warning(
                        "W0305",
                        crate::t!(
                            "schedule-link-to-waiting",
                            target = &link.target,
                            due = human_time(*due, self.zone)
                        ),
                    )
                    .in_file(file)
                    .at_span(Span::point(link.line, 1))
                    .help(crate::t!("schedule-link-to-waiting.help")),
                )
            })
            .collect()
    }

    /// Takes the scheduled pages out of `content`, `urls` and `page_html` (kept in
    /// step), and gives the account of this build: `drafts` (left out when loading)
    /// and the scheduled and expired pages.
    pub fn withhold(
        self,
        content: &mut Content,
        urls: &mut UrlPlan,
        page_html: &mut Vec<Rendered>,
    ) -> Publication {
        let mut left_out: Vec<LeftOut> = content
            .drafts
            .iter()
            .map(|draft| LeftOut {
                file: draft.file.clone(),
                title: draft.title.clone(),
                reason: Reason::Draft,
                at: draft.date.as_ref().map(|d| d.instant(self.zone)),
                output: None,
            })
            .collect();
        for (&i, &due) in &self.waiting {
            if let (Some(page), Some(url)) = (content.pages.get(i), urls.pages.get(i)) {
                left_out.push(LeftOut {
                    file: page.file.clone(),
                    title: page.meta.title.clone(),
                    reason: Reason::Scheduled,
                    at: Some(due),
                    output: Some(url.output_file()),
                });
            }
        }
        remove_at(&mut content.pages, &self.waiting);
        remove_at(&mut urls.pages, &self.waiting);
        remove_at(page_html, &self.waiting);
        let expiries = content
            .pages
            .iter()
            .zip(&urls.pages)
            .filter_map(|(page, url)| {
                let expires = page.meta.expires.as_ref()?.instant(self.zone);
                Some((page, url, expires))
            });
        let mut next_expiry = None;
        for (page, url, expires) in expiries {
            if expires > self.now {
                next_expiry =
                    Some(next_expiry.map_or(expires, |next: DateTime<Utc>| next.min(expires)));
                continue;
            }
            left_out.push(LeftOut {
                file: page.file.clone(),
                title: page.meta.title.clone(),
                reason: Reason::Expired,
                at: Some(expires),
                output: Some(url.output_file()),
            });
        }
        left_out.sort_by(|a, b| (a.reason, a.at, &a.file).cmp(&(b.reason, b.at, &b.file)));
        Publication {
            published: content.pages.len(),
            left_out,
            next_expiry,
            zone: self.zone,
            drafts_included: self.drafts_included,
        }
    }
}

/// Removes the items at the indexes of `drop`, keeping the others in order.
fn remove_at<T, V>(list: &mut Vec<T>, drop: &HashMap<usize, V>) {
    if drop.is_empty() {
        return;
    }
    let mut index = 0;
    list.retain(|_| {
        let keep = !drop.contains_key(&index);
        index += 1;
        keep
    });
}

impl Publication {
    /// The pages left out for `reason`.
    pub fn with_reason(&self, reason: Reason) -> impl Iterator<Item = &LeftOut> {
        self.left_out.iter().filter(move |p| p.reason == reason)
    }

    /// When the next scheduled page is due.
    pub fn next_scheduled(&self) -> Option<DateTime<Utc>> {
        self.with_reason(Reason::Scheduled)
            .filter_map(|p| p.at)
            .min()
    }

    /// One line for the end of every build: what was not published, and why.
    /// `3 pages not published: 2 scheduled (next: 2026-12-07 09:00 +08:00), 1 draft`.
    pub fn summary_line(&self) -> Said {
        let scheduled = self.with_reason(Reason::Scheduled).count();
        let drafts = self.with_reason(Reason::Draft).count();
        let expired = self.with_reason(Reason::Expired).count();
        let line = if scheduled + drafts == 0 {
            if self.drafts_included {
                crate::t!("publication-all.drafts")
            } else {
                crate::t!("publication-all")
            }
        } else {
            let mut parts: Vec<Said> = Vec::new();
            if let (true, Some(next)) = (scheduled > 0, self.next_scheduled()) {
                let next = human_time(next, self.zone);
                parts.push(crate::t!(
                    "publication-scheduled",
                    count = scheduled,
                    next = next
                ));
            }
            if drafts > 0 {
                parts.push(crate::t!("publication-drafts", count = drafts));
            }
            let parts = parts
                .into_iter()
                .reduce(|first, rest| crate::t!("list-and", first = first, rest = rest))
                .unwrap_or_else(|| Said::from(String::new()));
            crate::t!(
                "publication-left-out",
                count = scheduled + drafts,
                parts = parts
            )
        };
        if expired == 0 {
            return line;
        }
        crate::t!("publication-expired", line = line, count = expired)
    }

    /// One line per page left out, for `--verbose`:
    /// `  scheduled  2026-12-07 09:00 +08:00  content/news/x.md`.
    pub fn verbose_lines(&self, lang: Lang) -> Vec<String> {
        self.left_out
            .iter()
            .map(|p| {
                let at = p.at.map(|at| human_time(at, self.zone)).unwrap_or_default();
                let reason = match p.reason {
                    Reason::Scheduled => crate::t!("publication-reason.scheduled"),
                    Reason::Draft => crate::t!("publication-reason.draft"),
                    Reason::Expired => crate::t!("publication-reason.expired"),
                };
                let reason = reason.render(lang);
                // Padded by display width: a Chinese character takes two columns.
                let pad = 9_usize.saturating_sub(reason.width());
                format!(
                    "  {reason}{:pad$}  {at:<23}  {}",
                    "",
                    crate::diag::display_path(&p.file)
                )
            })
            .collect()
    }

    /// The `pages` object of `menhu build --format json` (see docs/operator-guide.md).
    pub fn to_json(&self) -> serde_json::Value {
        let time = |at: Option<DateTime<Utc>>| at.map(|at| rfc3339_in(at, self.zone));
        let entry = |p: &LeftOut| {
            serde_json::json!({
                "file": crate::diag::display_path(&p.file),
                "title": p.title,
                "reason": p.reason.word(),
                "date": time(p.at),
            })
        };
        serde_json::json!({
            "published": self.published,
            "not_published": self
                .left_out
                .iter()
                .filter(|p| p.reason != Reason::Expired)
                .map(entry)
                .collect::<Vec<_>>(),
            "expired": self.with_reason(Reason::Expired).map(entry).collect::<Vec<_>>(),
            "next_scheduled": time(self.next_scheduled()),
            "next_expiry": time(self.next_expiry),
            "timezone": self.zone.name(),
            "drafts_included": self.drafts_included,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left_out(reason: Reason, file: &str, at: Option<&str>) -> LeftOut {
        LeftOut {
            file: file.into(),
            title: "标题".into(),
            reason,
            at: at.and_then(|at| at.parse().ok()),
            output: None,
        }
    }

    fn publication(left_out: Vec<LeftOut>) -> Publication {
        Publication {
            published: 5,
            left_out,
            zone: Tz::Asia__Shanghai,
            ..Publication::default()
        }
    }

    #[test]
    fn the_summary_line_counts_each_reason() {
        let scheduled = |file, at| left_out(Reason::Scheduled, file, Some(at));
        let cases = [
            (vec![], "every page published"),
            (
                vec![left_out(Reason::Draft, "a.md", None)],
                "1 page not published: 1 draft",
            ),
            (
                vec![
                    scheduled("b.md", "2026-12-09T01:00:00Z"),
                    scheduled("a.md", "2026-12-07T01:00:00Z"),
                    left_out(Reason::Draft, "c.md", None),
                ],
                "3 pages not published: 2 scheduled (next: 2026-12-07 09:00 +08:00), 1 draft",
            ),
            (
                vec![left_out(
                    Reason::Expired,
                    "d.md",
                    Some("2026-01-01T00:00:00Z"),
                )],
                "every page published; 1 expired page (still at its address, in no list, feed or search)",
            ),
            (
                vec![
                    scheduled("a.md", "2026-12-07T01:00:00Z"),
                    left_out(Reason::Expired, "d.md", None),
                    left_out(Reason::Expired, "e.md", None),
                ],
                "1 page not published: 1 scheduled (next: 2026-12-07 09:00 +08:00); 2 expired pages (still at their address, in no list, feed or search)",
            ),
        ];
        for (pages, line) in cases {
            assert_eq!(publication(pages).summary_line(), line);
        }
        let with_drafts = Publication {
            drafts_included: true,
            ..publication(Vec::new())
        };
        assert_eq!(
            with_drafts.summary_line(),
            "every page published (--drafts: drafts and pages dated in the future included)"
        );
    }

    #[test]
    fn the_json_account_separates_pages_not_published_from_expired_ones() {
        let mut account = publication(vec![
            left_out(
                Reason::Scheduled,
                "content/a.md",
                Some("2026-12-07T01:00:00Z"),
            ),
            left_out(Reason::Draft, "content/b.md", None),
            left_out(
                Reason::Expired,
                "content/c.md",
                Some("2026-01-01T00:00:00Z"),
            ),
        ]);
        account.next_expiry = "2026-12-31T16:00:00Z".parse().ok();
        let json = account.to_json();
        assert_eq!(json["published"], 5);
        assert_eq!(json["next_scheduled"], "2026-12-07T09:00:00+08:00");
        assert_eq!(json["next_expiry"], "2027-01-01T00:00:00+08:00");
        assert_eq!(json["timezone"], "Asia/Shanghai");
        assert_eq!(json["not_published"][0]["reason"], "scheduled");
        assert_eq!(json["not_published"][1]["file"], "content/b.md");
        assert_eq!(json["not_published"][1]["date"], serde_json::Value::Null);
        assert_eq!(json["not_published"].as_array().map(Vec::len), Some(2));
        assert_eq!(json["expired"][0]["date"], "2026-01-01T08:00:00+08:00");
    }
}
