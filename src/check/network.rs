//! `menhu check --network`: every member site's check ([`super::check`]), reported per
//! site, and the rules of the network itself:
//! - C0401 a page pushed to a member, or pulled by a rule of a member, that has no
//!   column (section) there to land in (the network build leaves such reprints out);
//! - C0402 a member whose footer config has no filing number (ICP 备案号, 公安备案号)
//!   (warning);
//! - C0403 a filing number or site code identical to another member's: copied from the
//!   template and never changed;
//! - C0404 a push to a member that is not an ancestor of the page's site (warning: a
//!   county may report to a neighbour, but usually it is a slip);
//! - and E0910, a push target no member answers to, as the network build reports it.
//!
//! Each member is checked as the network build makes it (the network's shared theme,
//! `@site:` links to the other members), but without the pages reprinted from other
//! members: those are checked on their own site.
//!
//! Every problem names its file from the network root (`sites/wuzhou/content/a.md`), so
//! GitHub annotations land on the right file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{CheckOptions, CheckReport, Format};
use crate::content::date::Now;
use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::network::Network;
use crate::network::build::{NetworkOptions, in_member, plan_members_and_push_problems};

/// What `menhu check --network` was asked to do.
#[derive(Debug, Clone)]
pub struct NetworkCheckOptions {
    /// The network's root folder (holding `network.toml`).
    pub root: PathBuf,
    /// Also request external links.
    pub external: bool,
    /// The day staleness is measured from, as for one site.
    pub today: Option<NaiveDate>,
    /// Include drafts and pages dated in the future.
    pub drafts: bool,
    /// No network access for `load_data(url=…)`.
    pub offline: bool,
    /// The build's "now".
    pub now: Now,
}

/// One member's check.
#[derive(Debug, Clone)]
pub struct SiteCheck {
    /// The member's name (`wuzhou`).
    pub name: String,
    /// The association's full name.
    pub association: String,
    /// The site folder as written in `network.toml`.
    pub folder: PathBuf,
    /// Its check, problems named from the network root.
    pub report: CheckReport,
}

/// The outcome of a network check.
#[derive(Debug, Clone)]
pub struct NetworkReport {
    /// `[network] name`.
    pub network: String,
    /// Each member's check, in `network.toml`'s order.
    pub sites: Vec<SiteCheck>,
    /// The problems of the network's own rules.
    pub network_problems: Diagnostics,
}

impl NetworkReport {
    /// Every problem: each site's, then the network's.
    pub fn all(&self) -> Diagnostics {
        let mut all = Diagnostics::new();
        for site in &self.sites {
            all.extend(site.report.diagnostics.iter().cloned());
        }
        all.extend(self.network_problems.iter().cloned());
        all
    }
}

/// Checks every member of the network at `options.root`, then the network rules. `Err`
/// when the network itself cannot be read (`network.toml`'s problems).
pub fn check_network(options: &NetworkCheckOptions) -> Result<NetworkReport, Diagnostics> {
    // The members are checked with the options the network build gives them (shared
    // theme, `@site:` links, and the pages reprinted into them), so a column that only
    // receives pushed pages is not reported empty.
    // Push targets that name no member are reported by the network rules below, at
    // the page, with every site still checked.
    let (planned, _push_problems) = plan_members_and_push_problems(&NetworkOptions {
        drafts: options.drafts,
        offline: options.offline,
        now: options.now,
        ..NetworkOptions::new(&options.root)
    })?;
    let network = planned.network;
    let mut sites = Vec::with_capacity(network.members.len());
    let mut columns = Vec::with_capacity(network.members.len());
    for (id, build) in planned.members {
        let member = &network.members[id.0 as usize];
        let mut report = super::check(&CheckOptions {
            build,
            external: options.external,
            today: options.today,
        });
        report.diagnostics = in_member(&network, member.id, report.diagnostics);
        // What the network's rules need of the model; the rest is let go, so a large
        // network is not held in memory whole.
        columns.push(report.portal.take().map(|p| Columns::of(&p)));
        sites.push(SiteCheck {
            name: member.name.clone(),
            association: member.association.clone(),
            folder: member.folder.clone(),
            report,
        });
    }
    let footers: Vec<Footer> = network
        .members
        .iter()
        .map(|m| Footer::read(&network.site_root(m.id), &m.name, &m.folder))
        .collect();
    let mut network_problems = Diagnostics::new();
    network_problems.extend(filing_numbers(&footers));
    network_problems.extend(pulled_without_column(&network, &columns));
    network_problems.extend(pushes(&network, &columns));
    Ok(NetworkReport {
        network: network.name.clone(),
        sites,
        network_problems,
    })
}

/// What the network's rules need of a member's model: its columns (sections) by path
/// (`news/tzgg`; the home is ``), and every page's `push` targets.
#[derive(Debug, Clone, Default)]
struct Columns {
    /// Every section's path.
    paths: std::collections::BTreeSet<String>,
    /// Pages with `push`: each page's file, its section's path and its targets.
    pushes: Vec<Push>,
}

/// A page's `push`, as the network's rules read it.
#[derive(Debug, Clone)]
struct Push {
    /// The page's file, relative to its site.
    file: PathBuf,
    /// Its section's path.
    home: String,
    /// Where it is pushed, as written.
    targets: Vec<crate::diag::Located<String>>,
}

impl Columns {
    fn of(portal: &crate::portal::Portal) -> Columns {
        let path_of = |id: crate::portal::SectionId| {
            portal
                .sections
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.source.components.join("/"))
                .unwrap_or_default()
        };
        Columns {
            paths: portal
                .sections
                .iter()
                .map(|s| s.source.components.join("/"))
                .collect(),
            pushes: portal
                .pages
                .iter()
                .filter(|p| !p.source.meta.push.is_empty())
                .map(|p| Push {
                    file: p.source.file.clone(),
                    home: path_of(p.section),
                    targets: p.source.meta.push.clone(),
                })
                .collect(),
        }
    }

    fn has(&self, path: &str) -> bool {
        self.paths.contains(path.trim_matches('/'))
    }
}

/// C0401 for a pull rule whose pages have no column to land in: an origin has the
/// section pulled, and the receiver has neither the rule's `into` nor a section of the
/// same path. Placed at the receiver's `[[sites]]` entry of `network.toml`; a site
/// whose model could not be made is left to its own errors.
fn pulled_without_column(network: &Network, columns: &[Option<Columns>]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let columns_of = |id: crate::network::MemberId| columns.get(id.0 as usize)?.as_ref();
    for receiver in &network.members {
        let Some(own) = columns_of(receiver.id) else {
            continue;
        };
        for rule in &receiver.pull {
            for section in &rule.sections {
                let target = rule.into.as_deref().unwrap_or(section);
                if own.has(target) {
                    continue;
                }
                let origins: Vec<&str> = network
                    .origins(receiver.id, rule)
                    .into_iter()
                    .filter(|id| columns_of(*id).is_some_and(|c| c.has(section)))
                    .map(|id| network.member(id).name.as_str())
                    .collect();
                if origins.is_empty() {
                    continue;
                }
                let d = Diagnostic::error(
                    "C0401",
                    crate::t!(
                        "check-network-no-column",
                        site = &receiver.name,
                        section = target.trim_matches('/'),
                        origins = origins.join(", ")
                    ),
                )
                .in_file(crate::network::FILE_NAME)
                .at_span(crate::diag::Span {
                    line: receiver.line,
                    column: 1,
                    end_line: receiver.line,
                    end_column: 2,
                })
                .help(crate::t!(
                    "check-network-no-column.help",
                    folder = crate::diag::display_path(&receiver.folder),
                    section = target.trim_matches('/')
                ));
                problems.push(d);
            }
        }
    }
    problems
}

/// Per pushed page and target: E0910 when no member answers to the target (the network
/// build refuses it too), C0401 when the receiver has no column for the page (the
/// network build then leaves the reprint out), C0404 when the receiver is not an
/// ancestor of the page's site. Each at the target in the page's front matter.
fn pushes(network: &Network, columns: &[Option<Columns>]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let columns_of = |id: crate::network::MemberId| columns.get(id.0 as usize)?.as_ref();
    for origin in &network.members {
        let Some(own) = columns_of(origin.id) else {
            continue;
        };
        let ancestors = network.ancestors(origin.id);
        for push in &own.pushes {
            let file = origin.folder.join(&push.file);
            // The page's text is read only to place a problem, not for every push.
            let at = |d: Diagnostic, target: &crate::diag::Located<String>| {
                let d = d.in_file(&file);
                let Some(span) = target.span else { return d };
                match std::fs::read_to_string(network.root.join(&file)) {
                    Ok(text) if !text.is_empty() => d.at(span, &text),
                    _ => d.at_span(span),
                }
            };
            for target in &push.targets {
                let Some(receiver) = network.resolve_target(origin.id, &target.value) else {
                    problems.push(at(network.unknown_target(&target.value), target));
                    continue;
                };
                if receiver == origin.id {
                    continue;
                }
                let into = network.landing_section(receiver, origin.id, &push.home);
                let has = columns_of(receiver).is_none_or(|c| c.has(&into));
                let name = network.member(receiver).name.as_str();
                if !has {
                    let d = Diagnostic::error(
                        "C0401",
                        crate::t!(
                            "check-network-push-no-column",
                            target = &target.value,
                            site = name,
                            section = &into
                        ),
                    )
                    .help(crate::t!(
                        "check-network-no-column.help",
                        folder = crate::diag::display_path(&network.member(receiver).folder),
                        section = &into
                    ));
                    problems.push(at(d, target));
                }
                if !ancestors.contains(&receiver) {
                    let d = Diagnostic::warning(
                        "C0404",
                        crate::t!(
                            "check-network-push-not-ancestor",
                            target = &target.value,
                            site = name
                        ),
                    )
                    .help(crate::t!("check-network-push-not-ancestor.help"));
                    problems.push(at(d, target));
                }
            }
        }
    }
    problems
}

/// The filing numbers a member's footer config declares (`[extra] footer = { icp,
/// police, site_code }`, which the default theme shows), with where each is written.
#[derive(Debug, Clone)]
struct Footer {
    /// The member's name.
    name: String,
    /// Its config file, named from the network root.
    file: PathBuf,
    /// The config's text, to place a problem at its line.
    text: String,
    /// `(key, value)` of each filing number present and not blank.
    numbers: Vec<(&'static str, String)>,
}

/// The footer keys holding filing numbers, and what each is called.
const FILING_KEYS: [(&str, &str); 3] = [
    ("icp", "ICP 备案号"),
    ("police", "公安机关备案号"),
    ("site_code", "网站标识码"),
];

impl Footer {
    /// Reads the footer config of the member `name` at `site` (`folder` as written in
    /// `network.toml`); a config that cannot be read has no numbers (its own check
    /// reports why).
    fn read(site: &Path, name: &str, folder: &Path) -> Footer {
        let config = crate::config::Config::load(site).ok().map(|(c, _)| c);
        let file = config
            .as_ref()
            .map_or_else(|| PathBuf::from("site-config.toml"), |c| c.file.clone());
        let text = std::fs::read_to_string(site.join(&file)).unwrap_or_default();
        let footer = config
            .as_ref()
            .and_then(|c| c.extra.get("footer"))
            .and_then(serde_json::Value::as_object);
        let numbers = FILING_KEYS
            .iter()
            .filter_map(|(key, _)| {
                let value = footer?.get(*key)?.as_str()?.trim();
                (!value.is_empty()).then(|| (*key, value.to_owned()))
            })
            .collect();
        Footer {
            name: name.to_owned(),
            file: folder.join(file),
            text,
            numbers,
        }
    }

    /// `diagnostic` placed at the line where `value` is written, else on the file.
    fn place(&self, diagnostic: Diagnostic, value: &str) -> Diagnostic {
        let diagnostic = diagnostic.in_file(&self.file);
        let found = self
            .text
            .lines()
            .enumerate()
            .find(|(_, line)| line.contains(value));
        match found {
            Some((index, line)) => {
                let (column, width) = super::column_of(line, value);
                let span = crate::diag::Span {
                    line: super::to_u32(index + 1),
                    column,
                    end_line: super::to_u32(index + 1),
                    end_column: column + width.max(1),
                };
                diagnostic.at(span, &self.text)
            }
            None => diagnostic,
        }
    }
}

/// C0402 for a member without an ICP or 公安 filing number, C0403 for a number that
/// another member declares too (reported on every member after the first).
fn filing_numbers(footers: &[Footer]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for footer in footers {
        let missing: Vec<&str> = FILING_KEYS[..2]
            .iter()
            .filter(|(key, _)| !footer.numbers.iter().any(|(k, _)| k == key))
            .map(|(_, called)| *called)
            .collect();
        if !missing.is_empty() {
            let d = Diagnostic::warning(
                "C0402",
                crate::t!(
                    "check-network-filing-missing",
                    site = &footer.name,
                    names = missing.join("、")
                ),
            )
            .in_file(&footer.file)
            .help(crate::t!("check-network-filing-missing.help"));
            problems.push(d);
        }
    }
    let mut first_with: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    for footer in footers {
        for (key, value) in &footer.numbers {
            match first_with.get(&(*key, value.as_str())) {
                Some(other) => {
                    let called = FILING_KEYS
                        .iter()
                        .find(|(k, _)| k == key)
                        .map_or(*key, |(_, c)| *c);
                    let d = Diagnostic::error(
                        "C0403",
                        crate::t!(
                            "check-network-filing-copied",
                            site = &footer.name,
                            name = called,
                            number = value.as_str(),
                            other = *other
                        ),
                    )
                    .help(crate::t!("check-network-filing-copied.help"));
                    problems.push(footer.place(d, value));
                }
                None => {
                    first_with.insert((*key, value.as_str()), footer.name.as_str());
                }
            }
        }
    }
    problems
}

/// Every site's problems under a heading of its own, then the network's, in `format`:
/// human (a heading per site, its problems and its summary; the whole summary last),
/// JSON (one object per site, one for the network, each with its problems), GitHub
/// (the annotations of every site, files named from the network root).
pub fn render_network(report: &NetworkReport, format: Format, color: bool, lang: Lang) -> String {
    match format {
        Format::Human => human(report, color, lang),
        Format::Json => json(report, lang),
        Format::Github => super::render_diagnostics(&report.all(), Format::Github, color, lang),
    }
}

fn human(report: &NetworkReport, color: bool, lang: Lang) -> String {
    let mut out = String::new();
    for site in &report.sites {
        let heading = crate::t!(
            "check-network-site",
            association = &site.association,
            site = &site.name,
            folder = crate::diag::display_path(&site.folder)
        );
        out.push_str(&heading_line(&heading.render(lang), color));
        out.push_str(&super::render_diagnostics(
            &site.report.diagnostics,
            Format::Human,
            color,
            lang,
        ));
        out.push('\n');
    }
    let heading = crate::t!("check-network-rules", network = &report.network);
    out.push_str(&heading_line(&heading.render(lang), color));
    out.push_str(&super::render_diagnostics(
        &report.network_problems,
        Format::Human,
        color,
        lang,
    ));
    out.push('\n');
    let all = report.all();
    let total = crate::t!(
        "check-network-total",
        sites = report.sites.len(),
        summary = match all.is_empty() {
            true => crate::t!("check-no-problems").render(lang).into_owned(),
            false => all.summary(lang),
        }
    );
    out.push_str(&total.render(lang));
    out.push('\n');
    out
}

fn heading_line(text: &str, color: bool) -> String {
    match color {
        true => format!("\x1b[1m== {text} ==\x1b[0m\n"),
        false => format!("== {text} ==\n"),
    }
}

fn json(report: &NetworkReport, lang: Lang) -> String {
    let problems = |diagnostics: &Diagnostics| -> Vec<serde_json::Value> {
        diagnostics
            .clone()
            .sorted()
            .iter()
            .filter_map(|d| serde_json::from_str(&d.render_json(lang)).ok())
            .collect()
    };
    let counts = |diagnostics: &Diagnostics| {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        (errors, diagnostics.iter().count() - errors)
    };
    let mut out = String::new();
    for site in &report.sites {
        let (errors, warnings) = counts(&site.report.diagnostics);
        let object = serde_json::json!({
            "site": site.name,
            "association": site.association,
            "folder": crate::diag::display_path(&site.folder),
            "pages": site.report.pages,
            "errors": errors,
            "warnings": warnings,
            "problems": problems(&site.report.diagnostics),
        });
        out.push_str(&object.to_string());
        out.push('\n');
    }
    let (errors, warnings) = counts(&report.network_problems);
    let object = serde_json::json!({
        "site": null,
        "network": report.network,
        "errors": errors,
        "warnings": warnings,
        "problems": problems(&report.network_problems),
    });
    out.push_str(&object.to_string());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn footer(name: &str, numbers: &[(&'static str, &str)]) -> Footer {
        let text = numbers
            .iter()
            .map(|(k, v)| format!("{k} = \"{v}\""))
            .collect::<Vec<_>>()
            .join("\n");
        Footer {
            name: name.to_owned(),
            file: PathBuf::from(format!("sites/{name}/site-config.toml")),
            text,
            numbers: numbers.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
        }
    }

    #[test]
    fn a_number_copied_from_another_member_is_an_error_at_its_line() {
        let footers = [
            footer(
                "guangxi",
                &[("icp", "桂ICP备1号"), ("police", "桂公网安备 1号")],
            ),
            footer(
                "wuzhou",
                &[("icp", "桂ICP备2号"), ("police", "桂公网安备 1号")],
            ),
        ];
        let problems = filing_numbers(&footers);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let d = &problems[0];
        assert_eq!(d.code, "C0403");
        assert_eq!(
            d.file.as_deref(),
            Some(Path::new("sites/wuzhou/site-config.toml"))
        );
        assert_eq!(d.span.map(|s| s.line), Some(2));
        assert!(d.message.contains("guangxi"), "{}", d.message);
    }

    #[test]
    fn a_member_without_filing_numbers_is_warned_and_distinct_ones_pass() {
        let footers = [
            footer(
                "guangxi",
                &[("icp", "桂ICP备1号"), ("police", "桂公网安备 1号")],
            ),
            footer("wuzhou", &[("icp", "桂ICP备2号")]),
        ];
        let problems = filing_numbers(&footers);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].code, "C0402");
        assert!(!problems[0].is_error());
        assert!(problems[0].message.contains("wuzhou"));
    }
}
