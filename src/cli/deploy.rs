//! `menhu deploy` on the command line: chooses the output folder, runs the deploy and
//! says what it uploaded and deleted (each file with `--verbose` or `--dry-run`), or
//! prints it as JSON for CI.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{BuildFormat, DeployArgs, Style, report};
use crate::deploy::{self, DeployOptions, DeployReport};
use crate::diag::Diagnostics;
use crate::diag::text::Said;

/// Runs `menhu deploy` and returns its exit code (0 done, 1 failed).
pub(super) fn run_deploy(root: &Path, args: &DeployArgs, style: Style) -> ExitCode {
    let options = DeployOptions {
        root: root.to_path_buf(),
        output: output_folder(root, args.output.as_deref()),
        target: args.target.clone(),
        dry_run: args.dry_run,
    };
    match deploy::deploy(&options) {
        Ok(done) => {
            if args.verbose || args.dry_run {
                let upload = crate::t!("deploy-line.upload")
                    .render(style.lang)
                    .into_owned();
                let delete = crate::t!("deploy-line.delete")
                    .render(style.lang)
                    .into_owned();
                for key in &done.uploaded {
                    eprintln!("  {upload}  {key}");
                }
                for key in &done.deleted {
                    eprintln!("  {delete}  {key}");
                }
            }
            eprintln!("{}", summary(&done, args.dry_run).render(style.lang));
            if args.format == BuildFormat::Json {
                println!("{}", to_json(&done, args.dry_run));
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            let mut problems = Diagnostics::default();
            problems.push(problem);
            report(&problems, style);
            if args.format == BuildFormat::Json {
                // A CI step reading stdout gets an account of the failure too.
                println!("{}", failure_json(root, &problems, args, style));
            }
            ExitCode::from(1)
        }
    }
}

/// `--output`, else the config's `output_dir`, relative to the site root.
fn output_folder(root: &Path, asked: Option<&Path>) -> PathBuf {
    let configured = || {
        crate::config::Config::load(root)
            .map(|(config, _)| PathBuf::from(config.output_dir))
            .unwrap_or_else(|_| PathBuf::from("public"))
    };
    match asked {
        Some(path) => path.to_path_buf(),
        None => root.join(configured()),
    }
}

fn summary(done: &DeployReport, dry_run: bool) -> Said {
    let size = human_bytes(done.uploaded_bytes);
    let line = if dry_run {
        crate::t!(
            "deploy-dry-run",
            target = &done.target,
            uploaded = done.uploaded.len(),
            size = size,
            deleted = done.deleted.len(),
            unchanged = done.unchanged
        )
    } else {
        crate::t!(
            "deploy-done",
            target = &done.target,
            uploaded = done.uploaded.len(),
            size = size,
            deleted = done.deleted.len(),
            unchanged = done.unchanged,
            seconds = format!("{:.2}", done.seconds)
        )
    };
    if done.had_manifest {
        line
    } else {
        crate::t!("deploy-first", line = line)
    }
}

fn to_json(done: &DeployReport, dry_run: bool) -> serde_json::Value {
    serde_json::json!({
        "version": 1,
        "ok": true,
        "target": done.target,
        "dry_run": dry_run,
        "uploaded": done.uploaded,
        "uploaded_bytes": done.uploaded_bytes,
        "deleted": done.deleted,
        "unchanged": done.unchanged,
        "seconds": (done.seconds * 1000.0).round() / 1000.0,
        "diagnostics": [],
    })
}

/// The account of a deploy that failed: what was asked, and why it failed. What it
/// did before failing is in the target's manifest, which the next deploy resumes from.
fn failure_json(
    root: &Path,
    problems: &Diagnostics,
    args: &DeployArgs,
    style: Style,
) -> serde_json::Value {
    serde_json::json!({
        "version": 1,
        "ok": false,
        "target": deploy::target_name(root, args.target.as_deref()).or(args.target.clone()),
        "dry_run": args.dry_run,
        "uploaded": null,
        "uploaded_bytes": null,
        "deleted": null,
        "unchanged": null,
        "seconds": null,
        "diagnostics": super::diagnostics_json(problems, style.lang),
    })
}

fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}
