//! The command line: clap types for every subcommand, each mapped onto an options struct
//! of the library, one dispatch, and the exit code decided in one place
//! (0 ok, 1 the site has errors, 2 bad command line).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use crate::check::{self, CheckOptions, Format};
use crate::content::date::Now;
use crate::diag::Diagnostics;
use crate::pipeline::{self, BuildOptions};
use crate::scaffold;
use crate::serve::{self, ServeOptions};

/// menhu (门户): static portals for Chinese public associations.
#[derive(Debug, Parser)]
#[command(
    name = "menhu",
    version,
    about,
    long_about = None,
    after_help = "Exit codes: 0 success, 1 the site has errors (each printed with file, line and fix), 2 bad command line."
)]
pub struct Cli {
    /// The site's root folder (where site-config.toml is).
    #[arg(long, short = 'r', global = true, default_value = ".")]
    pub root: PathBuf,
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
        /// not published with its reason and date, next scheduled time).
        #[arg(long, value_enum, default_value_t = BuildFormat::Human)]
        format: BuildFormat,
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
    /// Write the demo portal into a new folder.
    Init {
        /// Folder to create (must be missing or empty).
        dir: PathBuf,
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

/// Runs the command and returns the process's exit code. The command runs on a thread
/// of its own, and rayon's threads are made alike, with the stack that rendering
/// templates needs ([`crate::render::RENDER_STACK_BYTES`]), whatever the platform's
/// default or `ulimit -s`.
pub fn run(cli: Cli) -> ExitCode {
    std::panic::set_hook(Box::new(report_bug));
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
            eprintln!("error: cannot start: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_command(cli: Cli) -> ExitCode {
    let color = std::io::stderr().is_terminal();
    let now = cli.now.map_or(Now::Clock, Now::At);
    match &cli.command {
        Command::Check(args) => return run_check(&cli.root, now, args, color),
        Command::Build { .. } => return run_build(&cli, now, color),
        _ => {}
    }
    match execute(cli, now) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            report(&problems, color);
            ExitCode::from(1)
        }
    }
}

fn execute(cli: Cli, now: Now) -> Result<(), Diagnostics> {
    match cli.command {
        Command::Serve {
            port,
            bind,
            drafts,
            base_url,
            verbose,
        } => {
            let build = BuildOptions {
                drafts,
                base_url,
                now,
                ..BuildOptions::new(&cli.root)
            };
            let options = ServeOptions {
                build,
                bind,
                port,
                verbose,
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
            eprint!("{}", scaffold::guidance(&cli.root, &file, shape));
            Ok(())
        }
        Command::Build { .. } | Command::Check(_) => Ok(()),
        Command::Init { dir } => {
            let count = scaffold::init(&dir)?;
            eprintln!(
                "wrote the demo portal ({count} files) to `{}`",
                dir.display()
            );
            eprintln!("next: cd {} && menhu serve", dir.display());
            Ok(())
        }
    }
}

/// `menhu build`: writes the site, then says what it did not publish; with
/// `--format json`, the same account on stdout, for CI.
fn run_build(cli: &Cli, now: Now, color: bool) -> ExitCode {
    let Command::Build {
        output,
        drafts,
        base_url,
        force,
        timings,
        verbose,
        format,
    } = &cli.command
    else {
        return ExitCode::from(2);
    };
    let options = BuildOptions {
        output: output.clone(),
        drafts: *drafts,
        base_url: base_url.clone(),
        force: *force,
        now,
        ..BuildOptions::new(&cli.root)
    };
    let started = std::time::Instant::now();
    let result = pipeline::build(&options);
    match &result {
        Ok((built, target, stats)) => {
            report(&built.warnings, color);
            eprintln!(
                "built {} pages, {} sections: {} files written, {} copied to `{}` in {:.2?}",
                built.portal.pages.len(),
                built.portal.sections.len(),
                stats.rendered,
                stats.copied,
                target.display(),
                started.elapsed()
            );
            if *timings {
                eprint!("{}", timings_report(&built.timings));
            }
            if *verbose {
                built
                    .publication
                    .verbose_lines()
                    .iter()
                    .for_each(|line| eprintln!("{line}"));
            }
            eprintln!("{}", built.publication.summary_line());
        }
        Err(problems) => report(problems, color),
    }
    if *format == BuildFormat::Json {
        println!("{}", build_json(&result));
    }
    ExitCode::from(u8::from(result.is_err()))
}

type BuildResult = Result<(pipeline::Built, PathBuf, crate::output::WriteStats), Diagnostics>;

/// The account of `menhu build --format json` (documented in docs/operator-guide.md):
/// `version`, `ok`, `output`, `pages` and `diagnostics`; more keys may come, none
/// will change meaning.
fn build_json(result: &BuildResult) -> serde_json::Value {
    let diagnostics = |problems: &Diagnostics| -> Vec<serde_json::Value> {
        problems
            .clone()
            .sorted()
            .iter()
            .filter_map(|d| serde_json::from_str(&d.render_json()).ok())
            .collect()
    };
    match result {
        Ok((built, target, _)) => serde_json::json!({
            "version": 1,
            "ok": true,
            "output": target.display().to_string(),
            "pages": built.publication.to_json(),
            "diagnostics": diagnostics(&built.warnings),
        }),
        Err(problems) => serde_json::json!({
            "version": 1,
            "ok": false,
            "output": null,
            "pages": null,
            "diagnostics": diagnostics(problems),
        }),
    }
}

/// `menhu check`: prints the problems in the chosen format, writes the audit report,
/// and fails on errors (or on warnings with `--deny-warnings`).
fn run_check(root: &std::path::Path, now: Now, args: &CheckArgs, color: bool) -> ExitCode {
    let mut build = BuildOptions {
        drafts: args.drafts,
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
    let printed = check::render_diagnostics(&report.diagnostics, args.format, color);
    match args.format {
        Format::Human => eprint!("{printed}"),
        Format::Json | Format::Github => print!("{printed}"),
    }
    if let Some(file) = &args.report {
        let html = check::report::render_audit(&report);
        if let Err(why) = write_report(root, file, html.as_bytes()) {
            eprintln!("error: cannot write the report `{}`: {why}", file.display());
            return ExitCode::from(1);
        }
    }
    let fails = report.diagnostics.has_errors()
        || (args.deny_warnings && report.diagnostics.warning_count() > 0);
    ExitCode::from(u8::from(fails))
}

/// Writes the audit report, replacing (never writing through) a link at its name. A
/// report named inside the site stays there: a folder on its way that is a link out of
/// the site (committed to the repository) is refused.
fn write_report(root: &std::path::Path, file: &std::path::Path, html: &[u8]) -> Result<(), String> {
    let absolute = std::path::absolute(file).map_err(|e| e.to_string())?;
    let site = std::path::absolute(root).map_err(|e| e.to_string())?;
    if absolute.starts_with(&site) {
        let folder = absolute.parent().unwrap_or(&site);
        let real_site = std::fs::canonicalize(&site).map_err(|e| e.to_string())?;
        let real_folder = std::fs::canonicalize(folder).map_err(|e| e.to_string())?;
        if !real_folder.starts_with(&real_site) {
            return Err(format!(
                "its folder leads out of the site, to `{}`",
                real_folder.display()
            ));
        }
    }
    crate::own_files::write_replacing(file, html).map_err(|e| e.to_string())
}

/// Says that a panic is menhu's fault, in one line instead of a backtrace.
fn report_bug(info: &std::panic::PanicHookInfo<'_>) {
    let place = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    eprintln!("internal error{place} — a bug in menhu, please report it");
}

/// Prints every diagnostic, then the summary line when there were any.
fn report(problems: &Diagnostics, color: bool) {
    if problems.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    for d in problems.clone().sorted() {
        // Errors are blocks with the source line; a blank line keeps them apart.
        let gap = if d.is_error() { "\n" } else { "" };
        let _ = write!(err, "{}{gap}", d.render_human(color));
    }
    let _ = writeln!(err, "{}", problems.summary());
}

/// One line per build stage, then the process's peak resident memory (Linux only).
fn timings_report(stages: &[(&'static str, std::time::Duration)]) -> String {
    let mut out = String::new();
    for (name, took) in stages {
        out.push_str(&format!(
            "{name:>22}  {:>8.1} ms\n",
            took.as_secs_f64() * 1000.0
        ));
    }
    if let Some(kib) = peak_resident_kib() {
        out.push_str(&format!(
            "{:>22}  {:>8.1} MiB\n",
            "peak memory",
            kib as f64 / 1024.0
        ));
    }
    out
}

/// `VmHWM` of `/proc/self/status`: the most memory the process has held.
fn peak_resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
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
