//! The `[check]` table: what `menhu check` inspects and how strictly. The raw mirror
//! (`RawCheck` and friends) lives here beside its validation, so the rest of the config
//! module only gains one field and a few `keys_at` lines. Defaults are the national
//! inspection indicators for government websites (动态要闻 14 days, 通知公告/政策文件
//! 180 days, home page 14 days).

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::validate::Report;
use crate::diag::Diagnostic;

/// Days after which a news-type column (动态、要闻) counts as not updated.
pub const DEFAULT_NEWS_DAYS: u32 = 14;
/// Days after which a notice or policy column (通知公告、政策文件) counts as not updated.
pub const DEFAULT_NOTICE_DAYS: u32 = 180;
/// Days after which the home page counts as not updated.
pub const DEFAULT_HOME_DAYS: u32 = 14;

/// `[check]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawCheck {
    pub government: Option<bool>,
    pub as_of: Option<Spanned<String>>,
    pub home_days: Option<u32>,
    pub news_days: Option<u32>,
    pub notice_days: Option<u32>,
    pub meta_tags: Option<bool>,
    pub site_id_code: Option<String>,
    pub external: RawExternal,
    pub columns: Vec<RawColumn>,
    pub wording: Vec<RawWording>,
    pub forbidden: Vec<RawForbidden>,
}

/// `[check.external]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawExternal {
    pub skip: Vec<String>,
    pub allow_private: Vec<String>,
    pub cache_hours: Option<u64>,
    pub timeout_secs: Option<u64>,
    pub concurrency: Option<Spanned<usize>>,
    pub retries: Option<u32>,
    pub host_delay_ms: Option<u64>,
}

/// One `[[check.columns]]` entry.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawColumn {
    pub section: Option<Spanned<String>>,
    #[serde(rename = "type")]
    pub kind: Option<Spanned<String>>,
    pub days: Option<u32>,
    pub allow_empty: Option<bool>,
}

/// One `[[check.wording]]` entry.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawWording {
    pub right: Option<Spanned<String>>,
    pub wrong: Vec<String>,
}

/// One `[[check.forbidden]]` entry.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawForbidden {
    pub term: Option<Spanned<String>>,
    pub instead: Option<String>,
    pub warning: bool,
}

/// What `menhu check` inspects (`[check]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckConfig {
    /// The site is a government or public-institution site: footer filing numbers
    /// (ICP 备案号, 公安备案号, 网站标识码) and the government meta tags are required.
    pub government: bool,
    /// Measure staleness from this date (`YYYY-MM-DD`) instead of today; `--today` wins.
    pub as_of: Option<chrono::NaiveDate>,
    /// Where `as_of` is written in the config file, for the warning that it is old.
    #[serde(skip)]
    pub as_of_span: Option<crate::diag::Span>,
    /// Home page staleness limit in days.
    pub home_days: u32,
    /// News-type column staleness limit in days.
    pub news_days: u32,
    /// Notice/policy column staleness limit in days.
    pub notice_days: u32,
    /// Whether the government meta tags must be on every page (default: `government`).
    pub meta_tags: bool,
    /// 网站标识码, when not given in `[extra.footer] site_code`.
    pub site_id_code: Option<String>,
    /// External link checking.
    pub external: ExternalConfig,
    /// Per-column rules, by section path.
    pub columns: Vec<ColumnRule>,
    /// Names and terms that must be written exactly.
    pub wording: Vec<WordingRule>,
    /// Forbidden or outdated terms.
    pub forbidden: Vec<ForbiddenTerm>,
}

/// `[check.external]`: how external links are checked with `--external`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExternalConfig {
    /// URL prefixes (a trailing `*` is allowed) that are never requested, at any hop
    /// of a redirect.
    pub skip: Vec<String>,
    /// Hosts (`host`, `host:port`, or `*` for all) that may be private or local
    /// addresses; every other host that is or resolves to one is never requested.
    pub allow_private: Vec<String>,
    /// How long a result stays in `.menhu-cache/links.json`, in hours.
    pub cache_hours: u64,
    /// Timeout of one request, in seconds.
    pub timeout_secs: u64,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Retries after a failed request (timeouts, dropped connections, 5xx).
    pub retries: u32,
    /// Pause between two requests to the same host, in milliseconds.
    pub host_delay_ms: u64,
}

impl Default for ExternalConfig {
    fn default() -> Self {
        ExternalConfig {
            skip: Vec::new(),
            allow_private: Vec::new(),
            cache_hours: 24,
            timeout_secs: 10,
            concurrency: 8,
            retries: 2,
            host_delay_ms: 200,
        }
    }
}

/// What kind of column a section is, for staleness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnKind {
    /// 动态、要闻: updated within `news_days`.
    News,
    /// 通知公告、政策文件: updated within `notice_days`.
    Notice,
    /// Checked for emptiness only.
    Other,
    /// Not inspected at all.
    Exempt,
}

/// One `[[check.columns]]` rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnRule {
    /// Section folder under `content/` (`news/tzgg`).
    pub section: String,
    /// The kind, when set.
    pub kind: Option<ColumnKind>,
    /// Staleness limit in days, overriding the kind's.
    pub days: Option<u32>,
    /// An empty column is not a problem.
    pub allow_empty: bool,
}

/// A name or term and its common miswritings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordingRule {
    /// The right form.
    pub right: String,
    /// Wrong forms found in text.
    pub wrong: Vec<String>,
}

/// A term that must not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForbiddenTerm {
    /// The term.
    pub term: String,
    /// What to write instead, when there is a replacement.
    pub instead: Option<String>,
    /// A warning rather than an error.
    pub warning: bool,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            government: false,
            as_of: None,
            as_of_span: None,
            home_days: DEFAULT_HOME_DAYS,
            news_days: DEFAULT_NEWS_DAYS,
            notice_days: DEFAULT_NOTICE_DAYS,
            meta_tags: false,
            site_id_code: None,
            external: ExternalConfig::default(),
            columns: Vec::new(),
            wording: Vec::new(),
            forbidden: Vec::new(),
        }
    }
}

/// `[check]` validated; problems are pushed onto `report`.
pub(crate) fn validate_check(raw: RawCheck, report: &mut Report<'_>) -> CheckConfig {
    let government = raw.government.unwrap_or(false);
    let defaults = ExternalConfig::default();
    let external = ExternalConfig {
        skip: raw.external.skip,
        allow_private: raw.external.allow_private,
        cache_hours: raw.external.cache_hours.unwrap_or(defaults.cache_hours),
        timeout_secs: raw
            .external
            .timeout_secs
            .unwrap_or(defaults.timeout_secs)
            .max(1),
        concurrency: concurrency(raw.external.concurrency, report),
        retries: raw.external.retries.unwrap_or(defaults.retries),
        host_delay_ms: raw.external.host_delay_ms.unwrap_or(defaults.host_delay_ms),
    };
    CheckConfig {
        government,
        as_of_span: raw.as_of.as_ref().map(|d| report.span_of(d.span())),
        as_of: raw.as_of.and_then(|d| as_of(&d, report)),
        home_days: raw.home_days.unwrap_or(DEFAULT_HOME_DAYS),
        news_days: raw.news_days.unwrap_or(DEFAULT_NEWS_DAYS),
        notice_days: raw.notice_days.unwrap_or(DEFAULT_NOTICE_DAYS),
        meta_tags: raw.meta_tags.unwrap_or(government),
        site_id_code: raw.site_id_code,
        external,
        columns: raw
            .columns
            .into_iter()
            .filter_map(|c| column(c, report))
            .collect(),
        wording: raw
            .wording
            .into_iter()
            .filter_map(|w| wording(w, report))
            .collect(),
        forbidden: raw
            .forbidden
            .into_iter()
            .filter_map(|f| forbidden(f, report))
            .collect(),
    }
}

fn concurrency(raw: Option<Spanned<usize>>, report: &mut Report<'_>) -> usize {
    let Some(value) = raw else {
        return ExternalConfig::default().concurrency;
    };
    if *value.get_ref() == 0 {
        report.push(
            Diagnostic::error("E0102", crate::t!("config-check-concurrency-zero"))
                .expected(crate::t!("config-check-concurrency-zero.expected"))
                .help(crate::t!("config-check-concurrency-zero.help")),
            Some(value.span()),
        );
        return 1;
    }
    *value.get_ref()
}

fn as_of(raw: &Spanned<String>, report: &mut Report<'_>) -> Option<chrono::NaiveDate> {
    let parsed = chrono::NaiveDate::parse_from_str(raw.get_ref().trim(), "%Y-%m-%d").ok();
    if parsed.is_none() {
        report.push(
            Diagnostic::error(
                "E0102",
                crate::t!("config-check-as-of", value = raw.get_ref()),
            )
            .expected(crate::t!("config-check-as-of.expected"))
            .help(crate::t!("config-check-as-of.help")),
            Some(raw.span()),
        );
    }
    parsed
}

fn column(raw: RawColumn, report: &mut Report<'_>) -> Option<ColumnRule> {
    let Some(section) = raw.section else {
        report.push(
            Diagnostic::error("E0102", crate::t!("config-check-column-no-section"))
                .expected(crate::t!("config-check-column-no-section.expected"))
                .help(crate::t!("config-check-column-no-section.help")),
            None,
        );
        return None;
    };
    let kind = match raw.kind {
        None => None,
        Some(kind) => match kind.get_ref().as_str() {
            "news" => Some(ColumnKind::News),
            "notice" => Some(ColumnKind::Notice),
            "other" => Some(ColumnKind::Other),
            "exempt" => Some(ColumnKind::Exempt),
            other => {
                report.push(
                    Diagnostic::error(
                        "E0102",
                        crate::t!("config-check-column-type", value = other),
                    )
                    .expected(crate::t!("config-check-column-type.expected"))
                    .help(crate::t!("config-check-column-type.help")),
                    Some(kind.span()),
                );
                None
            }
        },
    };
    Some(ColumnRule {
        section: section.get_ref().trim_matches('/').to_owned(),
        kind,
        days: raw.days,
        allow_empty: raw.allow_empty.unwrap_or(false),
    })
}

pub(super) fn wording(raw: RawWording, report: &mut Report<'_>) -> Option<WordingRule> {
    let right = match raw.right {
        Some(right) if !right.get_ref().trim().is_empty() => right.into_inner(),
        other => {
            report.push(
                Diagnostic::error("E0102", crate::t!("config-check-wording-no-right"))
                    .expected(crate::t!("config-check-wording-no-right.expected"))
                    .help(crate::t!("config-check-wording-no-right.help")),
                other.map(|r| r.span()),
            );
            return None;
        }
    };
    let wrong = raw
        .wrong
        .into_iter()
        .filter(|w| !w.is_empty() && *w != right)
        .collect();
    Some(WordingRule { right, wrong })
}

pub(super) fn forbidden(raw: RawForbidden, report: &mut Report<'_>) -> Option<ForbiddenTerm> {
    match raw.term {
        Some(term) if !term.get_ref().trim().is_empty() => Some(ForbiddenTerm {
            term: term.into_inner(),
            instead: raw.instead.filter(|i| !i.is_empty()),
            warning: raw.warning,
        }),
        other => {
            report.push(
                Diagnostic::error("E0102", crate::t!("config-check-forbidden-no-term"))
                    .expected(crate::t!("config-check-forbidden-no-term.expected"))
                    .help(crate::t!("config-check-forbidden-no-term.help")),
                other.map(|t| t.span()),
            );
            None
        }
    }
}
