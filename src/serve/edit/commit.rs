//! `menhu serve --edit-commit`: approving a page commits it to the site's git
//! repository, with the reviewer's name as the commit's author, so the history says who
//! published what. Deleting a committed page (or a committed file beside one) commits
//! its removal the same way, under the name of who deleted it, and restoring it commits
//! it back: the repository, which the published site is built from, never keeps a page
//! the editors took back. Moving a committed page to another section commits its old and
//! new place with the pages whose links to it were rewritten (those that had no change
//! of their own waiting). Only the page (its bundle folder, for a bundle) and its review
//! notes, and those pages, are committed, whatever else is changed or staged in the
//! working tree.
//!
//! The `git` program is run directly (no shell), in the site's folder. A site is
//! untrusted input and a commit would run the repository's hooks, so hooks are switched
//! off (`core.hooksPath=/dev/null`, `--no-verify`), as is the file-system monitor (which
//! names a program to run); pathspecs are literal. When the repository names no
//! committer (`user.name`, `user.email`), the reviewer is the committer too.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

/// Why nothing was committed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommitRefused {
    /// `git` is not installed (or cannot be run).
    #[error("这台电脑上没有安装 git，审核结果没有提交到版本库")]
    NoGit,
    /// The site is not in a git repository.
    #[error("网站文件夹不是 git 版本库，审核结果没有提交")]
    NotARepository,
    /// git refused; its own words.
    #[error("提交到版本库失败：{0}")]
    Failed(String),
}

/// Whether commits can be made in the site at `root`: git is there and the site is in a
/// repository.
pub fn check(root: &Path) -> Result<(), CommitRefused> {
    let version = git(root, ["--version"]).map_err(|_| CommitRefused::NoGit)?;
    if !version.status.success() {
        return Err(CommitRefused::NoGit);
    }
    match git(root, ["rev-parse", "--is-inside-work-tree"]) {
        Ok(out) if out.status.success() && out.stdout.starts_with(b"true") => Ok(()),
        _ => Err(CommitRefused::NotARepository),
    }
}

/// Commits `paths` (relative to `root`, as they are now on disk, removals included) with
/// `message`, authored by `reviewer`. Answers the commit's short id.
pub fn commit(
    root: &Path,
    paths: &[String],
    reviewer: &str,
    message: &str,
) -> Result<String, CommitRefused> {
    check(root)?;
    // Only what is there, or was committed and is gone now (a deleted page), and is
    // not ignored (a site may ignore the review notes).
    let paths: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .filter(|p| (root.join(p).exists() || tracked(root, p)) && !ignored(root, p))
        .collect();
    if paths.is_empty() {
        return Err(CommitRefused::Failed("没有要提交的文件".into()));
    }
    let mut add = vec!["add", "--all", "--"];
    add.extend(&paths);
    run(root, &add)?;
    let author = format!("{} <>", reviewer.replace(['<', '>', '\n', '\r'], ""));
    let mut commit = vec![
        "-c",
        "core.hooksPath=/dev/null",
        "-c",
        "core.fsmonitor=false",
        "commit",
        "--no-verify",
        "--quiet",
        "--no-gpg-sign",
        "--author",
        &author,
        "-m",
        message,
        "--",
    ];
    commit.extend(&paths);
    let mut command = base(root, &commit);
    if !configured(root, "user.name") || !configured(root, "user.email") {
        command
            .env("GIT_COMMITTER_NAME", reviewer)
            .env("GIT_COMMITTER_EMAIL", "");
    }
    finish(command.output())?;
    let id = run(root, &["rev-parse", "--short", "HEAD"])?;
    Ok(String::from_utf8_lossy(&id.stdout).trim().to_owned())
}

/// Whether `path` (a file, or a folder with a file in it) is in the repository's index:
/// a deletion of it is then a change to commit.
pub fn tracked(root: &Path, path: &str) -> bool {
    git(root, ["ls-files", "--error-unmatch", "--", path]).is_ok_and(|o| o.status.success())
}

/// Whether `path` is in the repository and as committed (no change of its own waiting):
/// committing it takes no more than the change made now.
pub fn as_committed(root: &Path, path: &str) -> bool {
    tracked(root, path)
        && git(root, ["diff", "--quiet", "HEAD", "--", path]).is_ok_and(|o| o.status.success())
}

fn ignored(root: &Path, path: &str) -> bool {
    git(root, ["check-ignore", "--quiet", "--", path]).is_ok_and(|o| o.status.success())
}

fn configured(root: &Path, key: &str) -> bool {
    git(root, ["config", "--get", key]).is_ok_and(|o| o.status.success())
}

/// `git` in `root`, with pathspecs taken literally and no variable of an outer git
/// (a hook's `GIT_DIR`) steering it elsewhere.
fn base<I, S>(root: &Path, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new("git");
    command
        .arg("--literal-pathspecs")
        .args(args)
        .current_dir(root)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(std::process::Stdio::null());
    command
}

fn git<I, S>(root: &Path, args: I) -> std::io::Result<Output>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    base(root, args).output()
}

fn run(root: &Path, args: &[&str]) -> Result<Output, CommitRefused> {
    finish(git(root, args))
}

fn finish(output: std::io::Result<Output>) -> Result<Output, CommitRefused> {
    let output = output.map_err(|_| CommitRefused::NoGit)?;
    if output.status.success() {
        return Ok(output);
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let said = if said.trim().is_empty() {
        String::from_utf8_lossy(&output.stdout).into_owned()
    } else {
        said.into_owned()
    };
    Err(CommitRefused::Failed(said.trim().to_owned()))
}

/// What a change of the page `rel` commits: the page (a bundle's whole folder) and its
/// notes.
pub fn paths_of(rel: &str, notes: &str) -> Vec<String> {
    vec![super::trash::moved_of(rel), notes.to_owned()]
}

/// A commit's outcome as the editor's API answers it: `{"id": …}`, or `{"error": …}`
/// (the change itself is made; only the commit is missing).
pub fn answer(result: &Result<String, CommitRefused>) -> serde_json::Value {
    match result {
        Ok(id) => serde_json::json!({ "id": id }),
        Err(refused) => serde_json::json!({ "error": refused.to_string() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_is_committed_whole_with_its_notes() {
        assert_eq!(
            paths_of("content/news/a/index.md", "content/news/a/.review.txt"),
            ["content/news/a", "content/news/a/.review.txt"]
        );
        assert_eq!(
            paths_of("content/news/a.md", "content/news/.a.review.txt"),
            ["content/news/a.md", "content/news/.a.review.txt"]
        );
    }
}
