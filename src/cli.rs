//! The command line: clap types for every subcommand, each mapped onto an options struct
//! of the library, one dispatch, and the exit code decided in one place
//! (0 ok, 1 the site has errors, 2 bad command line).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

mod build;
mod deploy;
mod help;
mod network_build;

use crate::check::{self, CheckOptions, Format};
use crate::content::date::Now;
use crate::diag::{Diagnostics, Lang};
use crate::pipeline::BuildOptions;
use crate::scaffold;
use crate::serve::{self, ServeOptions};

/// `menhu --version`: the version and the commit it was built from (build.rs), e.g.
/// `0.1.0 (846a366abcde 2026-12-06)`.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("MENHU_COMMIT"), ")");

/// menhu (门户): static portals for Chinese public associations.
#[derive(Debug, Parser)]
#[command(
    name = "menhu",
    version = VERSION,
    about,
    long_about = None,
    after_help = "Exit codes: 0 success, 1 the site has errors (each printed with file, line and fix), 2 bad command line."
)]
pub struct Cli {
    /// The site's root folder (where site-config.toml is).
    #[arg(long, short = 'r', global = true, default_value = ".")]
    pub root: PathBuf,
    /// The language of messages: zh-Hans, zh-Hant or en (default: `MENHU_LANG`, else
    /// the site's `default_language`, else the system's `LANG`, else en).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// The moment taken as now, an RFC 3339 instant (`2026-12-06T08:09:00Z`): what is
    /// due, what has expired, today's date. For tests, and to rebuild a past state;
    /// hidden from help (docs/operator-guide.md).
    #[arg(
        long,
        global = true,
        env = "MENHU_NOW",
        hide = true,
        hide_env = true,
        value_name = "RFC3339",
        value_parser = parse_now
    )]
    pub now: Option<DateTime<Utc>>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced atomically).
    Build {
        /// Output folder (default: the config's `output_dir`, "public").
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Include drafts and pages dated in the future.
        #[arg(long)]
        drafts: bool,
        /// Use this base URL instead of the config's.
        #[arg(long, short = 'u')]
        base_url: Option<String>,
        /// Allow an output folder outside the site.
        #[arg(long)]
        force: bool,
        /// Print the time each stage took and the peak memory.
        #[arg(long)]
        timings: bool,
        /// List every page not published, with its file and the reason.
        #[arg(long, short = 'v')]
        verbose: bool,
        /// `json`: print the build's account on stdout (published count, every page
        /// not published with its reason and date, next scheduled time, files, bytes,
        /// seconds).
        #[arg(long, value_enum, default_value_t = BuildFormat::Human)]
        format: BuildFormat,
        /// Print only problems: no "built …" line, no account of unpublished pages.
        #[arg(long, short = 'q')]
        quiet: bool,
        /// Exit with 1 when the build has warnings (the output is still written).
        #[arg(long)]
        deny_warnings: bool,
        /// Delete the caches first (processed images in `.menhu-cache/images/`, and the
        /// build cache), so everything is made again.
        #[arg(long)]
        clean_cache: bool,
        /// Reuse and refresh a build cache in DIR (default `.menhu-cache/build`): only
        /// pages whose inputs changed are rendered again (docs/cache.md).
        #[arg(long, value_name = "DIR", num_args = 0..=1)]
        cache: Option<Option<PathBuf>>,
        /// No network: `load_data(url=…)` answers from `.menhu-cache/` only, and is an
        /// error for an address not fetched before.
        #[arg(long)]
        offline: bool,
        /// Build every member site of the network (`network.toml` in `--root` or a folder
        /// above it), each into `<output>/<name>/`.
        #[arg(long)]
        network: bool,
        /// Build this member site of the network (may be given more than once), into
        /// `<output>/<name>/`.
        #[arg(long, value_name = "NAME")]
        site: Vec<String>,
        /// With `--network`: build only shard I of N (`--shard 2/4`, for N CI machines) and
        /// write its manifest `.menhu-shard-I-of-N.json`.
        #[arg(long, value_name = "I/N", requires = "network")]
        shard: Option<String>,
    },
    /// Build the site in memory and serve it for preview.
    Serve {
        /// Port to listen on (0: any free port).
        #[arg(long, short = 'p', default_value_t = 1111)]
        port: u16,
        /// Address to bind; other machines can reach the preview only if you change it.
        #[arg(long, short = 'b', default_value = "127.0.0.1")]
        bind: String,
        /// Include drafts and pages dated in the future.
        #[arg(long)]
        drafts: bool,
        /// Base URL used in links, e.g. `http://192.168.1.5:1111` to preview from a
        /// phone (default: the address served, so links stay on the preview).
        #[arg(long, short = 'u')]
        base_url: Option<String>,
        /// List every page not published after each build, with its file and reason.
        #[arg(long, short = 'v')]
        verbose: bool,
        /// No network: `load_data(url=…)` answers from `.menhu-cache/` only, and is an
        /// error for an address not fetched before.
        #[arg(long)]
        offline: bool,
        /// Open the online editor (在线编辑) on a second local port: edit pages, add photos
        /// and send them for review in the browser; implies `--drafts`; only on this
        /// machine (127.0.0.1).
        #[arg(long)]
        edit: bool,
        /// With `--edit`: approving a page commits it (and its review notes) to the site's
        /// git repository, with the reviewer's name as author.
        #[arg(long, requires = "edit")]
        edit_commit: bool,
        /// Preview every member site of the network (network.toml in `--root`) on one
        /// port, with a site picker.
        #[arg(long, conflicts_with_all = ["edit", "base_url", "verbose"])]
        network: bool,
    },
    /// Create a new page: content/SECTION/YYYY-MM-DD-<pinyin-of-title>.md.
    New {
        /// Section folder under content/, e.g. `news`.
        section: String,
        /// The page's title, e.g. "汇聚四长资源".
        title: String,
        /// Make a folder with `index.md` instead, so photos and attachments go beside it:
        /// content/SECTION/YYYY-MM-DD-<pinyin>/index.md.
        #[arg(long)]
        bundle: bool,
    },
    /// Check links, content, the government-website inspection rules and wording.
    Check(CheckArgs),
    /// Publish the built site to a target of `[deploy]` in site-config.toml, uploading
    /// only what changed since the last deploy.
    Deploy(DeployArgs),
    /// Write the demo portal into a new folder.
    Init {
        /// Folder to create (must be missing or empty).
        dir: PathBuf,
        /// Also write a CI pipeline that installs a pinned menhu release, builds,
        /// audits and deploys (docs/operator-guide.md).
        #[arg(long, value_enum, value_name = "SERVICE")]
        ci: Option<scaffold::CiService>,
        /// Write the demo network instead: a province site and three city sites sharing
        /// one theme, with network.toml (docs/network.md); `--ci` then writes the sharded
        /// pipeline (github or gitlab).
        #[arg(long)]
        network: bool,
    },
}

/// The flags of `menhu check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Also request external links (needs the network).
    #[arg(long)]
    pub external: bool,
    /// How problems are printed: `human` (stderr), `json` or `github` (stdout).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also write a self-contained HTML summary of the inspection to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Measure staleness from this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<chrono::NaiveDate>,
    /// Fail (exit code 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Include drafts and pages dated in the future.
    #[arg(long)]
    pub drafts: bool,
    /// No network for `load_data(url=…)`: answers come from `.menhu-cache/` only.
    #[arg(long)]
    pub offline: bool,
    /// Check every member site of the network (network.toml in `--root`), reporting per
    /// site, and the network's own rules.
    #[arg(long, conflicts_with = "report")]
    pub network: bool,
}

/// The flags of `menhu deploy`.
#[derive(Debug, clap::Args)]
pub struct DeployArgs {
    /// The target's name, under `[deploy.targets.NAME]` (default: `[deploy] default`,
    /// or the only target).
    #[arg(long, short = 't')]
    pub target: Option<String>,
    /// List what would be uploaded and deleted; change nothing.
    #[arg(long, short = 'n')]
    pub dry_run: bool,
    /// The built folder to publish (default: the config's `output_dir`, "public").
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// List every file uploaded and deleted.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// `json`: print what was done on stdout as one JSON object.
    #[arg(long, value_enum, default_value_t = BuildFormat::Human)]
    pub format: BuildFormat,
}

/// How `menhu build` reports on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BuildFormat {
    /// Nothing on stdout; messages on stderr.
    Human,
    /// The build's account as one JSON object (docs/operator-guide.md).
    Json,
}

/// `--now` / `MENHU_NOW`: an RFC 3339 instant (`Z` or an offset is required).
fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|at| at.with_timezone(&Utc))
        .map_err(|e| {
            format!("{e}; write an instant like 2026-12-06T08:09:00Z or 2026-12-06T16:09:00+08:00")
        })
}

/// Reads the command line; `--help`, `--version` and usage errors are printed here, in
/// the run's language, and give the exit code (0, or 2 for a bad command line).
pub fn parse(args: Vec<std::ffi::OsString>) -> Result<Cli, ExitCode> {
    use clap::FromArgMatches;
    let matches = help::parse_args(args).map_err(|(text, code)| {
        if code == 0 {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
        ExitCode::from(code)
    })?;
    Cli::from_arg_matches(&matches).map_err(|e| {
        eprint!("{}", e.render());
        ExitCode::from(2)
    })
}

/// Runs the command and returns the process's exit code. The command runs on a thread
/// of its own, and rayon's threads are made alike, with the stack that rendering
/// templates needs ([`crate::render::RENDER_STACK_BYTES`]), whatever the platform's
/// default or `ulimit -s`.
pub fn run(cli: Cli) -> ExitCode {
    let lang = language(&cli);
    std::panic::set_hook(Box::new(move |info| report_bug(info, lang)));
    let stack = crate::render::RENDER_STACK_BYTES;
    // Fails only when a pool already exists, which then keeps its own threads.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(stack)
        .build_global();
    let command = std::thread::Builder::new()
        .name("menhu".into())
        .stack_size(stack)
        .spawn(move || run_command(cli));
    match command.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        // The panic hook has said that it is a bug in menhu.
        Ok(Err(_)) => ExitCode::from(101),
        Err(e) => {
            let line = crate::t!("cli-cannot-start", reason = crate::diag::text::display(e));
            eprintln!("{}", line.render(lang));
            ExitCode::from(1)
        }
    }
}

/// The run's language. `menhu init` runs outside any site (the folder it is started in
/// may be another site), so `--lang`, `MENHU_LANG` and the locale choose it, and where
/// none names a language, the language of the demo it writes (Chinese), not English.
fn language(cli: &Cli) -> Lang {
    match &cli.command {
        Command::Init { .. } => Lang::for_new_site(cli.lang, scaffold::DEMO_LANGUAGE),
        Command::Build { network, site, .. } if *network || !site.is_empty() => {
            Lang::for_run(cli.lang, network_build::first_member(&cli.root).as_deref())
        }
        Command::Serve { network: true, .. } | Command::Check(CheckArgs { network: true, .. }) => {
            Lang::for_run(cli.lang, network_build::first_member(&cli.root).as_deref())
        }
        _ => {
            // Run in a folder of the site (`content/news/`), the site's language still.
            let enclosing = (!crate::config::holds_config(&cli.root))
                .then(|| crate::config::enclosing_site(&cli.root))
                .flatten();
            Lang::for_run(cli.lang, Some(enclosing.as_deref().unwrap_or(&cli.root)))
        }
    }
}

fn run_command(cli: Cli) -> ExitCode {
    let lang = language(&cli);
    let style = Style::of_environment(lang);
    let now = cli.now.map_or(Now::Clock, Now::At);
    match &cli.command {
        Command::Check(args) => return run_check(&cli.root, now, args, style),
        Command::Build { .. } => return build::run_build(&cli, now, style),
        Command::Deploy(args) => return deploy::run_deploy(&cli.root, args, style),
        _ => {}
    }
    match execute(cli, now, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            report(&problems, style);
            ExitCode::from(1)
        }
    }
}

fn execute(cli: Cli, now: Now, lang: Lang) -> Result<(), Diagnostics> {
    match cli.command {
        Command::Serve {
            port,
            bind,
            drafts,
            base_url,
            verbose,
            offline,
            edit,
            edit_commit,
            network,
        } => {
            if network {
                let options = serve::network::NetworkServeOptions {
                    root: crate::network::Network::find(&cli.root).unwrap_or(cli.root.clone()),
                    drafts,
                    offline,
                    now,
                    bind,
                    port,
                    lang,
                };
                return serve::network::serve_network(&options, |line| {
                    let mut err = std::io::stderr().lock();
                    let _ = writeln!(err, "{line}");
                });
            }
            let build = BuildOptions {
                drafts: drafts || edit,
                base_url,
                offline,
                now,
                ..BuildOptions::new(&cli.root)
            };
            let options = ServeOptions {
                build,
                bind,
                port,
                verbose,
                lang,
                edit,
                edit_commit,
            };
            serve::serve(&options, |line| {
                let mut err = std::io::stderr().lock();
                let _ = writeln!(err, "{line}");
            })
        }
        Command::New {
            section,
            title,
            bundle,
        } => {
            let zone = crate::config::Config::load(&cli.root)
                .map(|(config, _)| config.timezone)
                .unwrap_or(crate::config::CHINA);
            let today = now.resolve(zone).with_timezone(&zone).fixed_offset();
            let shape = if bundle {
                scaffold::Shape::Bundle
            } else {
                scaffold::Shape::File
            };
            let file = scaffold::new_page(&cli.root, &section, &title, today, shape)?;
            println!("{}", file.display());
            eprint!("{}", scaffold::guidance(&cli.root, &file, shape, lang));
            Ok(())
        }
        Command::Build { .. } | Command::Check(_) | Command::Deploy(_) => Ok(()),
        Command::Init {
            dir,
            ci,
            network: true,
        } => {
            let written = scaffold::init_network(&dir, ci, demo_today(now))?;
            let say = |text: crate::diag::text::Said| eprintln!("{}", text.render(lang));
            say(crate::t!(
                "init-wrote-network",
                count = written.files,
                sites = written.sites.len(),
                folder = dir.display()
            ));
            if written.days_moved > 0 {
                say(crate::t!("init-dates-moved", days = written.days_moved));
            }
            if let Some(file) = written.ci {
                say(crate::t!("init-wrote-network-ci", file = file.display()));
            }
            say(crate::t!("init-next-network", folder = dir.display()));
            Ok(())
        }
        Command::Init { dir, ci, .. } => {
            let written = scaffold::init(&dir, demo_today(now))?;
            let say = |text: crate::diag::text::Said| eprintln!("{}", text.render(lang));
            say(crate::t!(
                "init-wrote",
                count = written.files,
                folder = dir.display()
            ));
            if written.days_moved > 0 {
                say(crate::t!("init-dates-moved", days = written.days_moved));
            }
            if let Some(service) = ci {
                let file = scaffold::write_ci(&dir, service)?;
                say(crate::t!("init-wrote-ci", file = file.display()));
            }
            say(crate::t!("init-next", folder = dir.display()));
            Ok(())
        }
    }
}

/// Today on the demo's clock (its `timezone` is Asia/Shanghai).
fn demo_today(now: Now) -> chrono::NaiveDate {
    let zone = crate::config::CHINA;
    now.resolve(zone).with_timezone(&zone).date_naive()
}

/// `menhu check`: prints the problems in the chosen format, writes the audit report,
/// and fails on errors (or on warnings with `--deny-warnings`).
fn run_check(root: &std::path::Path, now: Now, args: &CheckArgs, style: Style) -> ExitCode {
    if args.network {
        return run_check_network(root, now, args, style);
    }
    let mut build = BuildOptions {
        drafts: args.drafts,
        offline: args.offline,
        now,
        ..BuildOptions::new(root)
    };
    // Pages dated on `--today` are published that day, whatever their hour.
    if let Some(today) = args.today {
        build.now = Now::EndOfDay(today);
    }
    let options = CheckOptions {
        build,
        external: args.external,
        today: args.today,
    };
    let report = check::check(&options);
    let printed =
        check::render_diagnostics(&report.diagnostics, args.format, style.color(), style.lang);
    match args.format {
        Format::Human => eprint!("{printed}"),
        Format::Json | Format::Github => print!("{printed}"),
    }
    if let Some(file) = &args.report {
        let html = check::report::render_audit(&report, style.lang);
        if let Err(why) = write_report(root, file, html.as_bytes(), style.lang) {
            let line = crate::t!(
                "check-report-unwritable",
                file = file.display(),
                reason = why
            );
            eprintln!("{}", line.render(style.lang));
            return ExitCode::from(1);
        }
    }
    let fails = report.diagnostics.has_errors()
        || (args.deny_warnings && report.diagnostics.warning_count() > 0);
    ExitCode::from(u8::from(fails))
}

/// `menhu check --network`: each member's problems under its heading (or object), then
/// the network's; fails on errors anywhere (or on warnings with `--deny-warnings`).
fn run_check_network(root: &std::path::Path, now: Now, args: &CheckArgs, style: Style) -> ExitCode {
    let options = check::network::NetworkCheckOptions {
        root: crate::network::Network::find(root).unwrap_or_else(|| root.to_path_buf()),
        external: args.external,
        today: args.today,
        drafts: args.drafts,
        offline: args.offline,
        // Pages dated on `--today` are published that day, whatever their hour.
        now: args.today.map_or(now, Now::EndOfDay),
    };
    let checked = match check::network::check_network(&options) {
        Ok(checked) => checked,
        Err(problems) => {
            report(&problems, style);
            return ExitCode::from(1);
        }
    };
    let printed = check::network::render_network(&checked, args.format, style.color(), style.lang);
    match args.format {
        Format::Human => eprint!("{printed}"),
        Format::Json | Format::Github => print!("{printed}"),
    }
    let all = checked.all();
    let fails = all.has_errors() || (args.deny_warnings && all.warning_count() > 0);
    ExitCode::from(u8::from(fails))
}

/// Problems as the JSON reports of `build` and `deploy` list them, in file order.
fn diagnostics_json(problems: &Diagnostics, lang: Lang) -> Vec<serde_json::Value> {
    problems
        .clone()
        .sorted()
        .iter()
        .filter_map(|d| serde_json::from_str(&d.render_json(lang)).ok())
        .collect()
}

/// Writes the audit report, replacing (never writing through) a link at its name. A
/// report named inside the site stays there: a folder on its way that is a link out of
/// the site (committed to the repository) is refused.
fn write_report(
    root: &std::path::Path,
    file: &std::path::Path,
    html: &[u8],
    lang: Lang,
) -> Result<(), String> {
    let absolute = std::path::absolute(file).map_err(|e| e.to_string())?;
    let site = std::path::absolute(root).map_err(|e| e.to_string())?;
    let folder = absolute.parent().unwrap_or(&site);
    if absolute.starts_with(&site) {
        let real_site = std::fs::canonicalize(&site).map_err(|e| e.to_string())?;
        // The folders still to be made are made under the deepest one that exists,
        // which must really be in the site.
        let existing = folder.ancestors().find(|f| f.exists()).unwrap_or(&site);
        let real_folder = std::fs::canonicalize(existing).map_err(|e| e.to_string())?;
        if !real_folder.starts_with(&real_site) {
            return Err(
                crate::t!("check-report-outside", folder = real_folder.display())
                    .render(lang)
                    .into_owned(),
            );
        }
    }
    // `--report reports/audit.html` in a fresh clone: the folder is made.
    std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
    crate::own_files::write_replacing(file, html).map_err(|e| e.to_string())
}

/// Says that a panic is menhu's fault, in one line instead of a backtrace.
fn report_bug(info: &std::panic::PanicHookInfo<'_>, lang: Lang) {
    let line = match info.location() {
        Some(l) => crate::t!("cli-bug.at", file = l.file(), line = l.line()),
        None => crate::t!("cli-bug"),
    };
    eprintln!("{}", line.render(lang));
}

/// How problems are printed on stderr, and in which language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Style {
    form: Form,
    lang: Lang,
}

/// The form of printed problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// For people, coloured on a terminal.
    Human { color: bool },
    /// GitHub Actions workflow commands (`::warning file=…,line=…::…`), which the runner
    /// reads on stderr too and shows as annotations; chosen when `GITHUB_ACTIONS=true`.
    Github,
}

impl Style {
    fn of_environment(lang: Lang) -> Style {
        let form = if std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") {
            Form::Github
        } else {
            Form::Human {
                color: std::io::stderr().is_terminal(),
            }
        };
        Style { form, lang }
    }

    fn color(self) -> bool {
        matches!(self.form, Form::Human { color: true })
    }
}

/// Prints every diagnostic, then the summary line when there were any.
fn report(problems: &Diagnostics, style: Style) {
    if problems.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    for d in problems.clone().sorted() {
        match style.form {
            // Errors are blocks with the source line; a blank line keeps them apart.
            Form::Human { color } => {
                let gap = if d.is_error() { "\n" } else { "" };
                let _ = write!(err, "{}{gap}", d.render_human(color, style.lang));
            }
            Form::Github => {
                let _ = writeln!(err, "{}", d.render_github(style.lang));
            }
        }
    }
    let _ = writeln!(err, "{}", problems.summary(style.lang));
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
