//! A build with the cache that knows what the output folder holds ([`super::record`])
//! writes only the files that differ, into a folder of its own beside the output
//! (`.public.menhu-new-changes-PID`, which the `.gitignore` of `menhu init` covers),
//! and when every output is made moves them in, removes the files the site no longer
//! has and whatever was added to the output by hand, and records what the folder then
//! holds. A build that fails before that step leaves the
//! output as it was, as a build through a staging folder does; the step itself is one
//! rename per changed file.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use super::record::{Checked, FileEntry, FolderRecord, Stamp, folders_of, record_of};
use super::{Io, SiteOutput, confined, io_error, site_paths};
use crate::diag::Diagnostic;

/// The name of the folder of changed files, between `.public.` and the process id.
pub(super) const CHANGES: &str = "menhu-new-changes-";

/// What a build with the cache knows of the output folder, and what it wrote.
pub(super) struct Recorder {
    /// The output folder's record, checked: only what differs is written (into the
    /// folder of changes). `None`: the whole site is written, into a staging folder.
    checked: Option<Checked>,
    /// The files written by this build, each as it was just after it was written.
    written: Mutex<Vec<FileEntry>>,
}

impl Recorder {
    pub(super) fn new(checked: Option<Checked>) -> Recorder {
        Recorder {
            checked,
            written: Mutex::new(Vec::new()),
        }
    }

    /// True when the build writes only what differs and moves it in.
    pub(super) fn in_place(&self) -> bool {
        self.checked.is_some()
    }

    /// True when the output folder holds the bytes of hash `hash` at `path`.
    pub(super) fn holds(&self, path: &str, hash: &[u8; 32]) -> bool {
        self.checked
            .as_ref()
            .and_then(|checked| checked.files.get(path))
            .is_some_and(|(held, _)| held == hash)
    }

    /// Notes that `file` was just written at `path` with the bytes of hash `hash`
    /// (`None`: a copy, not hashed).
    pub(super) fn wrote(&self, path: &str, hash: Option<[u8; 32]>, file: &std::fs::File) {
        let stamp = file
            .metadata()
            .ok()
            .and_then(|meta| Stamp::of(&meta))
            .unwrap_or_default();
        self.lock().push(FileEntry(path.to_owned(), hash, stamp));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<FileEntry>> {
        self.written.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The record of `output` after the whole site was written into a staging folder
    /// and swapped in (folders are renamed whole: every stamp taken while writing holds).
    pub(super) fn record_swapped(self, output: &Path, site: &SiteOutput) -> FolderRecord {
        let written = self
            .written
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let files = every_file(output, site, written, &HashMap::new());
        let dirs = folders_of(site_paths(site));
        record_of(output, files, &dirs, &HashMap::new(), &HashSet::new())
    }

    /// Moves the files written into `changes` into `output`, removes what `output`
    /// holds beyond `site`, and returns the record of what it then holds.
    pub(super) fn commit(
        self,
        output: &Path,
        changes: &Path,
        site: &SiteOutput,
    ) -> Result<FolderRecord, Diagnostic> {
        let checked = self.checked.unwrap_or_default();
        let mut written = self
            .written
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let into = confined::Confined::new(output, false);
        written.par_iter_mut().try_for_each(|entry| {
            let from = changes.join(&entry.0);
            into.move_in(&from, &entry.0)
                .map_err(|e| io_error(Io::MoveIn, &output.join(&entry.0), &e.to_string()))?;
            // A rename changes the file's stamp.
            entry.2 = Stamp::at(&output.join(&entry.0), false).unwrap_or_default();
            Ok(())
        })?;
        remove_emptied(changes, &written);
        let expected: HashSet<&str> = site_paths(site).collect();
        let dirs = folders_of(expected.iter().copied());
        let mut touched = clean(output, &checked, &expected, &dirs)?;
        touched.extend(written.iter().map(|entry| parent(&entry.0).to_owned()));
        let files = every_file(output, site, written, &checked.files);
        Ok(record_of(output, files, &dirs, &checked.dirs, &touched))
    }
}

/// The entry of every file of `site`: written now, or held as the record says; any
/// other (none, unless a path was given twice) stamped now, its bytes not known.
fn every_file(
    root: &Path,
    site: &SiteOutput,
    written: Vec<FileEntry>,
    held: &HashMap<String, ([u8; 32], Stamp)>,
) -> Vec<FileEntry> {
    let done: HashSet<&str> = written.iter().map(|e| e.0.as_str()).collect();
    let rest: Vec<FileEntry> = site_paths(site)
        .filter(|path| !done.contains(path))
        .collect::<Vec<&str>>()
        .par_iter()
        .map(|path| match held.get(*path) {
            Some((hash, stamp)) => FileEntry((*path).to_owned(), Some(*hash), *stamp),
            None => {
                let stamp = Stamp::at(&root.join(path), false).unwrap_or_default();
                FileEntry((*path).to_owned(), None, stamp)
            }
        })
        .collect();
    let mut files = written;
    files.extend(rest);
    files
}

/// Removes the folder of changes once every file `written` in it has moved out: its
/// folders, now empty, deepest first (one `rmdir` each, where reading each folder to
/// empty it would take five calls), and whatever else it holds, if anything, as a whole.
fn remove_emptied(changes: &Path, written: &[FileEntry]) {
    let mut folders: Vec<&str> = folders_of(written.iter().map(|entry| entry.0.as_str()))
        .into_iter()
        .collect();
    folders.sort_unstable_by_key(|folder| std::cmp::Reverse(folder.matches('/').count()));
    let emptied = folders
        .iter()
        .all(|folder| std::fs::remove_dir(changes.join(folder)).is_ok());
    if !emptied || std::fs::remove_dir(changes).is_err() {
        let _ = std::fs::remove_dir_all(changes);
    }
}

/// The folder holding `path` (`""` for the top).
fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(parent, _)| parent)
}

/// Removes from `output` the files the record lists that the build did not write, the
/// entries of every folder whose stamp moved (and of the top folder, and of folders
/// the record lacks) that are not the build's, then the folders left holding none of
/// its files. Returns the folders whose entries may have changed.
fn clean(
    output: &Path,
    checked: &Checked,
    expected: &HashSet<&str>,
    dirs: &HashSet<&str>,
) -> Result<HashSet<String>, Diagnostic> {
    let mut touched: HashSet<String> = HashSet::new();
    for path in checked
        .listed
        .iter()
        .filter(|p| !expected.contains(p.as_str()))
    {
        remove_file(&output.join(path))?;
        touched.insert(parent(path).to_owned());
    }
    let mut to_list: Vec<&str> = checked.moved.iter().map(String::as_str).collect();
    to_list.extend(dirs.iter().filter(|d| !checked.dirs.contains_key(**d)));
    to_list.push("");
    for dir in to_list {
        touched.insert(dir.to_owned());
        touched.insert(parent(dir).to_owned());
        let Ok(entries) = std::fs::read_dir(output.join(dir)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = if dir.is_empty() {
                name
            } else {
                format!("{dir}/{name}")
            };
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && !dirs.contains(relative.as_str()) {
                std::fs::remove_dir_all(entry.path())
                    .map_err(|e| io_error(Io::Remove, &entry.path(), &e.to_string()))?;
            } else if !is_dir && !expected.contains(relative.as_str()) {
                remove_file(&entry.path())?;
            }
        }
    }
    let mut stale: Vec<&String> = checked
        .dirs
        .keys()
        .chain(&checked.moved)
        .filter(|d| !dirs.contains(d.as_str()))
        .collect();
    stale.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
    for dir in stale {
        let _ = std::fs::remove_dir(output.join(dir));
        touched.insert(parent(dir).to_owned());
    }
    Ok(touched)
}

/// Removes the file (or link) at `path`, which may be gone already.
fn remove_file(path: &Path) -> Result<(), Diagnostic> {
    confined::remove_unless_gone(path).map_err(|e| io_error(Io::Remove, path, &e.to_string()))
}

/// Folders of changed files left by builds that were killed (their process is gone).
pub(super) fn remove_leftovers(parent: &Path, name: &str) {
    for leftover in super::left_by_killed_builds(parent, &[format!(".{name}.{CHANGES}")]) {
        let _ = std::fs::remove_dir_all(leftover);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_of_changes_is_removed_once_its_files_moved_out_or_not()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let written: Vec<FileEntry> = ["index.html", "news/a/index.html", "news/b/x/index.html"]
            .into_iter()
            .map(|path| FileEntry(path.to_owned(), None, Stamp::default()))
            .collect();
        for (name, leftover) in [("moved", None), ("left", Some("news/b/stray.txt"))] {
            let changes = dir.path().join(name);
            for folder in ["news/a", "news/b/x"] {
                std::fs::create_dir_all(changes.join(folder))?;
            }
            if let Some(leftover) = leftover {
                std::fs::write(changes.join(leftover), "x")?;
            }
            remove_emptied(&changes, &written);
            assert!(!changes.exists(), "{name}");
        }
        Ok(())
    }

    #[test]
    fn only_the_changes_of_builds_gone_are_removed() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let dead = dir.path().join(format!(".public.{CHANGES}999999999"));
        let mine = dir
            .path()
            .join(format!(".public.{CHANGES}{}", std::process::id()));
        let other = dir.path().join(format!(".other.{CHANGES}999999999"));
        for folder in [&dead, &mine, &other] {
            std::fs::create_dir_all(folder.join("news"))?;
            std::fs::write(folder.join("news/index.html"), "changed")?;
        }
        remove_leftovers(dir.path(), "public");
        assert!(!dead.exists(), "a killed build's changes go");
        assert!(mine.exists(), "a running build's are left alone");
        assert!(other.exists(), "another output's are left alone");
        Ok(())
    }
}
