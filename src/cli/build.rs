//! `menhu build` on the command line: runs the pipeline, says what it wrote and what it
//! left out, and for CI prints the build's account as JSON (docs/operator-guide.md),
//! stays quiet with `--quiet` and fails on warnings with `--deny-warnings`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::network_build::{self, NetworkRun};
use super::{BuildFormat, Cli, Command, Style, report};
use crate::content::date::Now;
use crate::diag::Diagnostics;
use crate::pipeline::persist::CacheDir;
use crate::pipeline::{self, BuildOptions};

type BuildResult = Result<(pipeline::Built, PathBuf, crate::output::WriteStats), Diagnostics>;

/// `menhu build`: writes the site, then says what it did not publish; with
/// `--format json`, the same account on stdout, for CI.
pub(super) fn run_build(cli: &Cli, now: Now, style: Style) -> ExitCode {
    let Command::Build {
        output,
        drafts,
        base_url,
        force,
        timings,
        verbose,
        format,
        quiet,
        deny_warnings,
        clean_cache,
        cache,
        offline,
        network,
        site,
        shard,
    } = &cli.command
    else {
        return ExitCode::from(2);
    };
    if *network || !site.is_empty() {
        let options = NetworkRun {
            output: output.clone(),
            drafts: *drafts,
            base_url: base_url.clone(),
            force: *force,
            offline: *offline,
            sites: site.clone(),
            shard: shard.clone(),
            quiet: *quiet,
            json: *format == BuildFormat::Json,
            deny_warnings: *deny_warnings,
        };
        return network_build::run(&cli.root, &options, now, style);
    }
    let options = BuildOptions {
        output: output.clone(),
        drafts: *drafts,
        base_url: base_url.clone(),
        force: *force,
        offline: *offline,
        now,
        ..BuildOptions::new(&cli.root)
    };
    let started = Instant::now();
    let cache_folder = build_cache_folder(&cli.root, cache.as_ref());
    if *clean_cache && let Err(problem) = clean_caches(&cli.root, cache_folder.as_ref()) {
        report(&Diagnostics::from(problem), style);
        return ExitCode::from(1);
    }
    let result = match &cache_folder {
        Some(cache) => pipeline::build_cached(&options, cache),
        None => pipeline::build(&options),
    };
    let took = started.elapsed();
    match &result {
        Ok((built, target, stats)) => {
            report(&shown_warnings(built), style);
            let cache_use = built.cache.as_ref();
            if !*quiet {
                let line = crate::t!(
                    "build-done",
                    pages = built.portal.pages.len(),
                    sections = built.portal.sections.len(),
                    written = stats.rendered,
                    copied = stats.copied,
                    output = target.display(),
                    took = format!("{took:.2?}")
                );
                eprintln!("{}", line.render(style.lang));
            }
            if *timings {
                eprint!("{}", timings_report(&built.timings));
                if let Some(cache_use) = cache_use {
                    let line = crate::t!(
                        "build-cache-reuse",
                        rendered = cache_use.rendered,
                        reused = cache_use.reused,
                        markdown = cache_use.markdown_rendered
                    );
                    eprintln!("{}", line.render(style.lang));
                    let line = crate::t!(
                        "build-cache-search-terms",
                        made = cache_use.terms_made,
                        reused = cache_use.terms_reused
                    );
                    eprintln!("{}", line.render(style.lang));
                }
            }
            if *verbose {
                built
                    .publication
                    .verbose_lines(style.lang)
                    .iter()
                    .for_each(|line| eprintln!("{line}"));
            }
            if !*quiet {
                eprintln!("{}", built.publication.summary_line().render(style.lang));
            }
        }
        Err(problems) => report(problems, style),
    }
    if *format == BuildFormat::Json {
        println!("{}", build_json(&result, took, style.lang));
    }
    let warned = result
        .as_ref()
        .is_ok_and(|(built, _, _)| built.warnings.warning_count() > 0);
    if warned && *deny_warnings {
        eprintln!("{}", crate::t!("build-denied-warnings").render(style.lang));
    }
    ExitCode::from(u8::from(result.is_err() || (warned && *deny_warnings)))
}

/// The warnings a build shows, on stderr and in its JSON account: the site's, and the
/// build cache's notes (W0501: a cache set aside or not saved), which never count
/// for `--deny-warnings`.
fn shown_warnings(built: &pipeline::Built) -> Diagnostics {
    let mut all = built.warnings.clone();
    if let Some(cache_use) = &built.cache {
        all.extend(cache_use.notes.iter().cloned());
    }
    all
}

/// The build cache's folder: `--cache DIR`; `--cache` alone, or `build_cache = true`
/// in the config, the site's `.menhu-cache/build`; `None`: no build cache.
fn build_cache_folder(root: &Path, flag: Option<&Option<PathBuf>>) -> Option<CacheDir> {
    let in_site = || CacheDir::in_site(root);
    match flag {
        Some(Some(folder)) => Some(CacheDir::at(folder)),
        Some(None) => Some(in_site()),
        None => {
            let configured = crate::config::Config::load(root).is_ok_and(|(c, _)| c.build_cache);
            configured.then(in_site)
        }
    }
}

/// `--clean-cache`: removes the site's cache of processed images and the build cache
/// in use; an E0255 naming the folder when it cannot.
fn clean_caches(
    root: &Path,
    build_cache: Option<&CacheDir>,
) -> Result<(), crate::diag::Diagnostic> {
    if let Some(cache) = build_cache {
        cache
            .delete()
            .map_err(|err| cache_not_deleted(&cache.folder().display().to_string(), &err))?;
    }
    let cache = crate::images::ImageCache::in_site(root);
    cache
        .clean()
        .map_err(|err| cache_not_deleted(crate::images::CACHE_DIR, &err))
}

/// E0255: a cache folder that `--clean-cache` could not delete.
fn cache_not_deleted(folder: &str, err: &std::io::Error) -> crate::diag::Diagnostic {
    {
        crate::diag::Diagnostic::error(
            "E0255",
            crate::t!(
                "image-cache-not-deleted",
                folder = folder,
                reason = crate::diag::text::display(err)
            ),
        )
        .help(crate::t!("image-cache-not-deleted.help"))
    }
}

/// The account of `menhu build --format json` (documented in docs/operator-guide.md):
/// `version`, `ok`, `output`, `pages`, `files`, `bytes`, `seconds` and `diagnostics`;
/// more keys may come, none will change meaning.
fn build_json(result: &BuildResult, took: Duration, lang: crate::diag::Lang) -> serde_json::Value {
    let diagnostics = |problems: &Diagnostics| super::diagnostics_json(problems, lang);
    // Rounded to milliseconds: more digits would only be noise.
    let seconds = (took.as_secs_f64() * 1000.0).round() / 1000.0;
    match result {
        Ok((built, target, _)) => {
            let (files, bytes) = files_and_bytes(target);
            serde_json::json!({
                "version": 1,
                "ok": true,
                "output": target.display().to_string(),
                "pages": built.publication.to_json(),
                "files": files,
                "bytes": bytes,
                "seconds": seconds,
                "diagnostics": diagnostics(&shown_warnings(built)),
            })
        }
        Err(problems) => serde_json::json!({
            "version": 1,
            "ok": false,
            "output": null,
            "pages": null,
            "files": null,
            "bytes": null,
            "seconds": seconds,
            "diagnostics": diagnostics(problems),
        }),
    }
}

/// How many files the output folder holds and their total size: what a deploy would
/// upload in full.
fn files_and_bytes(output: &Path) -> (u64, u64) {
    walkdir::WalkDir::new(output)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| entry.metadata().ok())
        .fold((0, 0), |(files, bytes), meta| {
            (files + 1, bytes + meta.len())
        })
}

/// One line per build stage, then the process's peak resident memory (where known).
fn timings_report(stages: &[(&'static str, Duration)]) -> String {
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

/// `VmHWM` of `/proc/self/status`: the most memory the process has held. Linux has
/// that file; elsewhere there is none and the line is left out.
fn peak_resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    peak_of_status(&status)
}

fn peak_of_status(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_memory_is_read_from_vmhwm_and_absent_without_it() {
        let status = "Name:\tmenhu\nVmPeak:\t  9000 kB\nVmHWM:\t  4321 kB\n";
        assert_eq!(peak_of_status(status), Some(4321));
        // macOS and Windows have no /proc: no line, no error.
        assert_eq!(peak_of_status(""), None);
        assert!(!timings_report(&[("load", Duration::from_millis(3))]).is_empty());
    }

    #[test]
    fn files_and_bytes_count_every_file_below_the_output() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("index.html"), "12345").unwrap();
        std::fs::write(dir.path().join("a/b/x.css"), "123").unwrap();
        assert_eq!(files_and_bytes(dir.path()), (2, 8));
        assert_eq!(files_and_bytes(&dir.path().join("missing")), (0, 0));
    }
}
