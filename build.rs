//! Build script: records the commit menhu is built from, for `menhu --version`.
//!
//! In a git checkout it asks git for the commit and its date; a source tarball without
//! `.git` (or a machine without git) can name the commit in `MENHU_COMMIT`, and
//! otherwise the version says `commit unknown`. Nothing here fails the build.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=MENHU_COMMIT");
    let commit = std::env::var("MENHU_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(commit_of_checkout)
        .unwrap_or_else(|| "commit unknown".to_owned());
    println!("cargo:rustc-env=MENHU_COMMIT={commit}");
}

/// `abcdef123456 2026-12-06`: the checkout's HEAD and its commit date.
fn commit_of_checkout() -> Option<String> {
    watch_head();
    let out = git(&["log", "-1", "--format=%h %cs", "--abbrev=12"])?;
    Some(out).filter(|line| !line.is_empty())
}

/// Reruns this script when HEAD moves: a new commit on the branch, or a checkout.
fn watch_head() {
    let Some(git_dir) = git_path("--git-dir") else {
        return;
    };
    println!("cargo:rerun-if-changed={}", git_dir.join("HEAD").display());
    if let Some(common) = git_path("--git-common-dir") {
        println!(
            "cargo:rerun-if-changed={}",
            common.join("packed-refs").display()
        );
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
            println!("cargo:rerun-if-changed={}", common.join(branch).display());
        }
    }
}

/// A folder `git rev-parse` names, which it may give relative to the manifest's folder.
fn git_path(which: &str) -> Option<PathBuf> {
    let text = git(&["rev-parse", which])?;
    let manifest = std::env::var("CARGO_MANIFEST_DIR").ok()?;
    Some(Path::new(&manifest).join(text))
}

/// What git prints, trimmed; `None` when git is missing or fails (no `.git`).
fn git(args: &[&str]) -> Option<String> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").ok()?;
    let out = Command::new("git")
        .args(args)
        .current_dir(manifest)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8(out.stdout).ok()?.trim().to_owned())
}
