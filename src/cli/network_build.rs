//! `menhu build --network`, `--site NAME` and `--shard I/N` on the command line: builds
//! the members through [`crate::network::build`], reports each member's problems (files
//! named from the network root) and one line per member, and decides the exit code: 1
//! when a member failed (or warned, with `--deny-warnings`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::{Style, report};
use crate::content::date::Now;
use crate::diag::{Diagnostics, Lang};
use crate::network::build::{self, BaseUrls, NetworkBuilt, NetworkOptions, Selection};
use crate::network::{Network, Shard};

/// The flags of `menhu build` a network build reads.
pub(super) struct NetworkRun {
    pub output: Option<PathBuf>,
    pub drafts: bool,
    pub base_url: Option<String>,
    pub force: bool,
    pub offline: bool,
    pub sites: Vec<String>,
    pub shard: Option<String>,
    pub quiet: bool,
    pub json: bool,
    pub deny_warnings: bool,
}

/// The folder of the first member of the network found from `root`, whose
/// `default_language` chooses the run's language; `None` when there is no network.
pub(super) fn first_member(root: &Path) -> Option<PathBuf> {
    let found = Network::find(root)?;
    let network = Network::load(&found).ok()?;
    network.members.first().map(|m| network.site_root(m.id))
}

/// Runs the network build and says what it did.
pub(super) fn run(root: &Path, run: &NetworkRun, now: Now, style: Style) -> ExitCode {
    let started = Instant::now();
    let result = options(root, run, now).and_then(|options| build::build_network(&options));
    let built = match result {
        Ok(built) => built,
        Err(problems) => {
            report(&problems, style);
            if run.json {
                println!(
                    "{}",
                    serde_json::json!({"version": 1, "ok": false, "sites": []})
                );
            }
            return ExitCode::from(1);
        }
    };
    let mut warned = false;
    for member in &built.members {
        match &member.result {
            Ok(site) => {
                let warnings = build::in_member(&built.network, member.id, site.warnings.clone());
                warned |= warnings.warning_count() > 0;
                report(&warnings, style);
                if !run.quiet {
                    let line = crate::t!(
                        "network-site-built",
                        name = &member.name,
                        pages = site.pages,
                        written = site.stats.rendered,
                        copied = site.stats.copied
                    );
                    eprintln!("{}", line.render(style.lang));
                }
            }
            Err(problems) => {
                report(problems, style);
                let line = crate::t!("network-site-failed", name = &member.name);
                eprintln!("{}", line.render(style.lang));
            }
        }
    }
    summary(&built, run, started, style.lang);
    if run.json {
        println!("{}", account(&built, style.lang));
    }
    let failed = !built.ok() || (warned && run.deny_warnings);
    if warned && run.deny_warnings {
        eprintln!("{}", crate::t!("build-denied-warnings").render(style.lang));
    }
    ExitCode::from(u8::from(failed))
}

/// The network options of the command line; an unknown shard or no network is a problem.
fn options(root: &Path, run: &NetworkRun, now: Now) -> Result<NetworkOptions, Diagnostics> {
    let Some(network_root) = Network::find(root) else {
        // Reading where the network should be gives the E0901 that says so.
        return Err(Network::load(root)
            .err()
            .unwrap_or_default()
            .into_iter()
            .collect());
    };
    let selection = match (&run.shard, run.sites.is_empty()) {
        (Some(shard), _) => Selection::Shard(Shard::parse(shard)?),
        (None, false) => Selection::Named(run.sites.clone()),
        (None, true) => Selection::All,
    };
    Ok(NetworkOptions {
        output: run.output.clone(),
        selection,
        base_urls: match &run.base_url {
            Some(prefix) => BaseUrls::Under(prefix.clone()),
            None => BaseUrls::Own,
        },
        drafts: run.drafts,
        force: run.force,
        now,
        offline: run.offline,
        ..NetworkOptions::new(network_root)
    })
}

/// The closing line, and which members failed.
fn summary(built: &NetworkBuilt, run: &NetworkRun, started: Instant, lang: Lang) {
    let failed = built.members.iter().filter(|m| m.result.is_err()).count();
    if failed > 0 {
        let line = crate::t!(
            "network-some-failed",
            failed = failed,
            total = built.members.len()
        );
        eprintln!("{}", line.render(lang));
    }
    if !run.quiet {
        let line = crate::t!(
            "network-built",
            name = &built.network.name,
            built = built.members.len() - failed,
            total = built.members.len(),
            output = built.output.display(),
            took = format!("{:.2?}", started.elapsed())
        );
        eprintln!("{}", line.render(lang));
    }
}

/// `--format json`: `version`, `ok`, `output`, and per site `name`, `ok`, `pages` and
/// `diagnostics`.
fn account(built: &NetworkBuilt, lang: Lang) -> serde_json::Value {
    let diagnostics = |problems: Diagnostics| -> Vec<serde_json::Value> {
        problems
            .sorted()
            .iter()
            .filter_map(|d| serde_json::from_str(&d.render_json(lang)).ok())
            .collect()
    };
    let sites: Vec<serde_json::Value> = built
        .members
        .iter()
        .map(|member| {
            let (ok, pages, problems) = match &member.result {
                Ok(site) => (
                    true,
                    Some(site.pages),
                    build::in_member(&built.network, member.id, site.warnings.clone()),
                ),
                // Already named from the network root.
                Err(problems) => (false, None, problems.clone()),
            };
            serde_json::json!({
                "name": member.name,
                "ok": ok,
                "pages": pages,
                "diagnostics": diagnostics(problems),
            })
        })
        .collect();
    serde_json::json!({
        "version": 1,
        "ok": built.ok(),
        "output": built.output.display().to_string(),
        "sites": sites,
    })
}
