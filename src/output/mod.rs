//! Outputs → disk. The site is written into a temporary folder beside the output folder
//! and swapped in only when every file is written, so a failed build leaves the
//! previous site untouched. Also decides which output folders are safe to replace.
//!
//! Nothing is written or deleted through a symbolic link: the staging, spare and retired
//! folders beside the output are menhu's own names, and a link found under one of them
//! (committed to the repository, say) is removed, never followed or used; files are
//! written through [`confined`], which removes any link in their way.

mod confined;
mod content_type;
mod in_place;
mod record;
mod sink;

use std::collections::HashSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::diag::text::Said;

pub use confined::FileId;
pub use content_type::content_type;
pub use record::{FolderRecord, hex_hash, plain_path};
pub use sink::{
    CopiedFile, KeepInMemory, Output, OutputSink, SinkOutcome, SiteOutput, while_settling,
};

/// Folders of a site that menhu reads, which an output folder may never be or sit in.
const SOURCE_DIRS: [&str; 8] = [
    "content",
    "templates",
    "themes",
    "static",
    "data",
    "i18n",
    "archetypes",
    "sass",
];

/// Resolves `output` (relative to `root` when relative) and refuses folders whose
/// replacement would destroy sources: the site root, any of its parents, `/`, a folder
/// menhu reads, a hidden folder of the site (`.git`), an existing file, or a folder holding one of
/// the files in `reads` (relative to `root`: the config's directory tables). Links are
/// resolved first, so a link is judged by where it points. A folder outside the site
/// needs `force`.
pub fn resolve_output_dir(
    root: &Path,
    output: &Path,
    force: bool,
    reads: &[PathBuf],
) -> Result<PathBuf, Diagnostic> {
    let root = canonical(root);
    let requested = if output.is_absolute() {
        output.to_path_buf()
    } else {
        root.join(output)
    };
    let target = canonical(&requested);
    let refuse = |why: Said| {
        Diagnostic::error(
            "E0501",
            crate::t!("output-refused", folder = requested.display(), reason = why),
        )
        .help(crate::t!("output-refused.help"))
    };
    if target.parent().is_none() {
        return Err(refuse(crate::t!("output-refused.root")));
    }
    if root.starts_with(&target) {
        return Err(refuse(crate::t!("output-refused.site")));
    }
    if let Some(dir) = SOURCE_DIRS
        .iter()
        .find(|dir| target.starts_with(root.join(dir)))
    {
        return Err(refuse(crate::t!("output-refused.source", folder = *dir)));
    }
    // Outside the site, a hidden folder is the operator's own choice (`--force`).
    let inside = target.strip_prefix(&root).ok();
    let hidden = inside.is_some_and(|relative| {
        relative
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    });
    if hidden {
        return Err(refuse(crate::t!("output-refused.hidden")));
    }
    if target.exists() && !target.is_dir() {
        // Not "choose `public`": that file may be `public` itself.
        let file = requested.display();
        return Err(refuse(crate::t!("output-refused.file"))
            .help(crate::t!("output-refused.file-help", file = file)));
    }
    if let Some(read) = reads
        .iter()
        .find(|r| canonical(&root.join(r)).starts_with(&target))
    {
        return Err(refuse(crate::t!(
            "output-refused.holds",
            path = read.display()
        )));
    }
    if inside.is_none() && !force {
        return Err(refuse(crate::t!("output-refused.outside")));
    }
    Ok(target)
}

/// The absolute, symlink-free form of `path`, for as much of it as exists.
fn canonical(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut full = real;
            for part in rest.iter().rev() {
                full.push(part);
            }
            return normalize(&full);
        }
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return normalize(path),
        }
    }
}

/// Removes `.` and `..` without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => _ = out.pop(),
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    /// Rendered files written.
    pub rendered: usize,
    /// Files copied.
    pub copied: usize,
}

/// The folder a build writes into, beside the output folder, swapped in by
/// [`Staging::finish`] once every file is written. Rendered pages are written as soon
/// as they are rendered (it is the build's [`OutputSink`]), so a build never holds the
/// whole site in memory. Dropped unfinished (a failed build), it is set aside and the
/// output folder is left as it was.
///
/// The build before the previous one is kept beside the output (`.public.menhu-spare`)
/// and reused as the next staging folder: overwriting files in place is several times
/// cheaper than deleting a tree and creating it anew, on ext4 with `discard` most of all.
///
/// With the build cache, a build knows what it left in the output folder last time
/// ([`FolderRecord`], [`Staging::open_recorded`]): it then writes only the files that
/// differ, into a folder of its own beside the output, and moves them in at the end
/// ([`in_place`]).
pub struct Staging {
    output: PathBuf,
    folder: PathBuf,
    /// Writes into `folder`.
    confined: confined::Confined,
    spare: PathBuf,
    retired: PathBuf,
    finished: bool,
    /// The folder holds files of an earlier build (the spare was reused), some of which
    /// this build may not write again.
    reused: bool,
    /// What [`OutputSink::settle_outside`] did, for [`Staging::finish`] to complete.
    settled: Mutex<Option<CleanedOutside>>,
    /// With the build cache: what is known of the output folder, and what this build
    /// wrote ([`Staging::open_recorded`]).
    recorder: Option<in_place::Recorder>,
}

/// A reused folder cleaned of stale files everywhere but one top-level folder.
struct CleanedOutside {
    /// The folder left for [`Staging::finish`].
    pending: String,
    /// Folders found holding no file of this build, to try to remove at the end.
    stale_dirs: Vec<PathBuf>,
}

impl Staging {
    /// Prepares the staging folder for `output` (reusing the spare one when there is one).
    pub fn open(output: &Path) -> Result<Staging, Diagnostic> {
        let (parent, name) = parent_and_name(output)?;
        std::fs::create_dir_all(parent)
            .map_err(|e| io_error(Io::Create, parent, &e.to_string()))?;
        let pid = std::process::id();
        let folder = parent.join(format!(".{name}.menhu-new-{pid}"));
        let spare = parent.join(format!(".{name}.menhu-spare"));
        let retired = parent.join(format!(".{name}.menhu-old-{pid}"));
        reclaim_leftovers(parent, &name, &spare);
        for own in [&folder, &spare, &retired] {
            remove_if_not_a_folder(own);
        }
        if is_real_folder(&spare) && std::fs::rename(&spare, &folder).is_err() {
            let _ = std::fs::remove_dir_all(&folder);
        }
        // Whatever is there already (the spare, or a folder left under this very process
        // id by an earlier process) is cleaned of stale files at the end; a new, empty
        // folder needs no such walk.
        let reused = is_real_folder(&folder);
        std::fs::create_dir_all(&folder)
            .map_err(|e| io_error(Io::Create, &folder, &e.to_string()))?;
        Ok(Staging {
            output: output.to_path_buf(),
            confined: confined::Confined::new(&folder, !reused),
            folder,
            spare,
            retired,
            finished: false,
            reused,
            settled: Mutex::new(None),
            recorder: None,
        })
    }

    /// Prepares the build of `output` with the record of what the last build with the
    /// cache left there. When the record is of this very folder, only the files that
    /// differ from what it holds are written, into a new folder beside it, and moved
    /// into the output by [`Staging::finish_recorded`]: a build that fails before that
    /// leaves the output as it was. Otherwise the whole site is written and swapped in
    /// as by [`Staging::open`]. Either way the build records what it leaves.
    pub fn open_recorded(
        output: &Path,
        record: Option<FolderRecord>,
    ) -> Result<Staging, Diagnostic> {
        let here = record::folder_id(output);
        let Some(record) = record.filter(|r| here.is_some_and(|id| id == r.folder)) else {
            let mut staging = Staging::open(output)?;
            staging.recorder = Some(in_place::Recorder::new(None));
            return Ok(staging);
        };
        let (parent, name) = parent_and_name(output)?;
        in_place::remove_leftovers(parent, &name);
        let folder = parent.join(format!(
            ".{name}.{}{}",
            in_place::CHANGES,
            std::process::id()
        ));
        remove_if_not_a_folder(&folder);
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder)
            .map_err(|e| io_error(Io::Create, &folder, &e.to_string()))?;
        let checked = record::Checked::of(record, output);
        Ok(Staging {
            output: output.to_path_buf(),
            confined: confined::Confined::new(&folder, true),
            folder,
            spare: parent.join(format!(".{name}.menhu-spare")),
            retired: parent.join(format!(".{name}.menhu-old-{}", std::process::id())),
            finished: false,
            reused: false,
            settled: Mutex::new(None),
            recorder: Some(in_place::Recorder::new(Some(checked))),
        })
    }

    /// Writes what `site` still holds in memory, copies its files, removes what an
    /// earlier build left in a reused folder, and swaps the folder in.
    pub fn finish(self, site: &SiteOutput) -> Result<WriteStats, Diagnostic> {
        self.finish_recorded(site).map(|(stats, _)| stats)
    }

    /// [`Staging::finish`], and with a recorder ([`Staging::open_recorded`]) the record
    /// of what the output folder now holds, for the next build.
    pub fn finish_recorded(
        mut self,
        site: &SiteOutput,
    ) -> Result<(WriteStats, Option<FolderRecord>), Diagnostic> {
        self.fill(site)?;
        let stats = WriteStats {
            rendered: site.files.len() + site.written.len(),
            copied: site.copies.len(),
        };
        if let Some(recorder) = self.recorder.take_if(|r| r.in_place()) {
            let record = recorder.commit(&self.output, &self.folder, site)?;
            self.finished = true;
            return Ok((stats, Some(record)));
        }
        if self.reused {
            let settled = self
                .settled
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            let stale_dirs = match settled {
                Some(CleanedOutside {
                    pending,
                    stale_dirs,
                }) => {
                    let mut dirs = remove_stale_files(&self.folder, site, Within::Only(&pending))?;
                    dirs.extend(stale_dirs);
                    dirs
                }
                None => remove_stale_files(&self.folder, site, Within::All)?,
            };
            remove_dirs(stale_dirs);
        }
        swap_in(&self.output, &self.folder, &self.retired)?;
        self.finished = true;
        if self.retired.exists() && std::fs::rename(&self.retired, &self.spare).is_err() {
            let _ = std::fs::remove_dir_all(&self.retired);
        }
        let record = self
            .recorder
            .take()
            .map(|r| r.record_swapped(&self.output, site));
        Ok((stats, record))
    }

    /// Writes `body` at `path`: with a recorder, only when the output folder does not
    /// hold those bytes there already (`hash`, when known, is theirs).
    fn write(&self, path: &str, body: &[u8], hash: Option<[u8; 32]>) -> Result<(), Diagnostic> {
        if !stays_inside(path) {
            return Err(outside_output(path));
        }
        let failed =
            |e: std::io::Error| io_error(Io::Write, &self.folder.join(path), &e.to_string());
        let Some(recorder) = &self.recorder else {
            return overwrite(&self.confined, path, body)
                .map(drop)
                .map_err(failed);
        };
        let hash = hash.unwrap_or_else(|| *blake3::hash(body).as_bytes());
        if recorder.holds(path, &hash) {
            return Ok(());
        }
        let file = overwrite(&self.confined, path, body).map_err(failed)?;
        recorder.wrote(path, Some(hash), &file);
        Ok(())
    }

    /// Takes `output`, whose bytes' BLAKE3 hash is `hash`.
    pub fn take_hashed(&self, output: Output, hash: [u8; 32]) -> Result<SinkOutcome, Diagnostic> {
        self.write(&output.path, &output.body, Some(hash))?;
        Ok(SinkOutcome::Written(output.path))
    }

    /// True when the output folder holds the bytes of hash `hash` at `path` already
    /// and they stay there ([`Staging::open_recorded`]): nothing to write.
    pub fn holds(&self, path: &str, hash: &[u8; 32]) -> bool {
        self.recorder.as_ref().is_some_and(|r| r.holds(path, hash))
    }

    /// Writes the files `site` holds in memory and copies its static files.
    fn fill(&self, site: &SiteOutput) -> Result<(), Diagnostic> {
        // Last line of defence: whatever produced a path, nothing is written outside.
        if let Some(bad) = site
            .files
            .iter()
            .map(|f| f.path.as_str())
            .chain(site.copies.iter().map(|c| c.to.as_str()))
            .find(|p| !stays_inside(p))
        {
            return Err(outside_output(bad));
        }
        site.files
            .par_iter()
            .try_for_each(|file| self.write(&file.path, &file.body, None))?;
        site.copies.par_iter().try_for_each(|copy| {
            let file = copy_into(&self.confined, &copy.from, &copy.to)
                .map_err(|e| io_error(Io::Copy, &copy.from, &e.to_string()))?;
            if let Some(recorder) = &self.recorder {
                recorder.wrote(&copy.to, None, &file);
            }
            Ok(())
        })
    }
}

impl OutputSink for Staging {
    fn take(&self, output: Output) -> Result<SinkOutcome, Diagnostic> {
        self.write(&output.path, &output.body, None)?;
        Ok(SinkOutcome::Written(output.path))
    }

    fn take_hashed(&self, output: Output, hash: [u8; 32]) -> Result<SinkOutcome, Diagnostic> {
        Staging::take_hashed(self, output, hash)
    }

    fn holds(&self, path: &str, hash: &[u8; 32]) -> bool {
        Staging::holds(self, path, hash)
    }

    /// Removes the stale files of a reused folder outside `pending` (the serial walk
    /// of thousands of page folders, on a core the work on `pending` leaves idle part
    /// of the time); [`Staging::finish`] does `pending` itself.
    fn settle_outside(&self, site: &SiteOutput, pending: &str) -> Result<(), Diagnostic> {
        if !self.reused || self.recorder.as_ref().is_some_and(|r| r.in_place()) {
            return Ok(());
        }
        let stale_dirs = remove_stale_files(&self.folder, site, Within::AllBut(pending))?;
        let settled = CleanedOutside {
            pending: pending.to_owned(),
            stale_dirs,
        };
        *self.settled.lock().unwrap_or_else(PoisonError::into_inner) = Some(settled);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.recorder.as_ref().is_some_and(|r| r.in_place()) {
            // Only the files this build changed: of no use to the next one.
            let _ = std::fs::remove_dir_all(&self.folder);
        } else if !self.finished {
            // Half-written, but still a good start for the next build.
            let _ = std::fs::rename(&self.folder, &self.spare);
        }
    }
}

/// Writes `body` to `path` of the staging folder, over what a reused staging folder
/// holds there: the file is written in place and cut to length, not emptied first, so
/// the file system keeps the pages it already has for it. On tmpfs that is about half
/// the cost of a file of a few kilobytes. Only a file that held more bytes than `body`
/// has any to cut off.
fn overwrite(
    folder: &confined::Confined,
    path: &str,
    body: &[u8],
) -> std::io::Result<std::fs::File> {
    let mut opened = folder.create(path)?;
    opened.file.write_all(body)?;
    cut_to(opened, body.len() as u64)
}

/// The file `opened`, cut to `length` when it held more bytes before they were written
/// over: a cut costs a system call, and most pages keep or grow their length.
fn cut_to(opened: confined::Opened, length: u64) -> std::io::Result<std::fs::File> {
    if opened.held > length {
        opened.file.set_len(length)?;
    }
    Ok(opened.file)
}

/// Copies `from` to `path` of the staging folder, over what is there.
fn copy_into(
    folder: &confined::Confined,
    from: &Path,
    path: &str,
) -> std::io::Result<std::fs::File> {
    let mut source = std::fs::File::open(from)?;
    let mut opened = folder.create(path)?;
    let length = std::io::copy(&mut source, &mut opened.file)?;
    cut_to(opened, length)
}

/// The folder holding `output`, and the name of `output` in it, which the folders of a
/// build beside it (staging, spare, changes) are named after.
fn parent_and_name(output: &Path) -> Result<(&Path, String), Diagnostic> {
    let parent = output
        .parent()
        .ok_or_else(|| io_error(Io::FindParent, output, ""))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    Ok((parent, name))
}

/// True for a folder that is not a link.
fn is_real_folder(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// Removes what stands at one of menhu's own names beside the output (`.public.menhu-spare`)
/// when it is not a folder: a link there (committed to the repository, say) would make a
/// build write into, and clean out, whatever it points to. The link goes, its target stays.
fn remove_if_not_a_folder(path: &Path) {
    if std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir()) {
        let _ = std::fs::remove_file(path);
    }
}

/// Staging and retired folders of builds that were killed (their process is gone)
/// become the spare, or are removed, so they neither pile up nor confuse this build;
/// their folders of changes ([`in_place`]) are removed, in the same look at `parent`.
fn reclaim_leftovers(parent: &Path, name: &str, spare: &Path) {
    // The folders of changes first: `menhu-new-` is the start of their name too.
    let changes = format!(".{name}.{}", in_place::CHANGES);
    let prefixes = [
        changes.clone(),
        format!(".{name}.menhu-new-"),
        format!(".{name}.menhu-old-"),
    ];
    for leftover in left_by_killed_builds(parent, &prefixes) {
        let of_changes = leftover
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(&changes));
        if of_changes || spare.exists() || std::fs::rename(&leftover, spare).is_err() {
            let _ = std::fs::remove_dir_all(&leftover);
        }
    }
}

/// The folders in `parent` named by one of `prefixes` then the id of a process that is
/// gone: those of builds that were killed. Only a folder can be a build's; anything
/// else under these names is removed (a link itself, never what it points to).
fn left_by_killed_builds(parent: &Path, prefixes: &[String]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut left = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str()))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_file(entry.path());
        } else if !process_may_be_running(pid) {
            left.push(entry.path());
        }
    }
    left
}

/// False only when the process is known to be gone (Linux: no `/proc/PID`).
fn process_may_be_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Puts `staging` in the place of `output`. On Linux the two folders are exchanged in
/// one atomic step, so a build killed at any moment leaves either the previous site or
/// the new one at `output`, never nothing; elsewhere (or on file systems without the
/// exchange) the previous site is moved aside first.
fn swap_in(output: &Path, staging: &Path, retired: &Path) -> Result<(), Diagnostic> {
    swap_in_with(output, staging, retired, exchange)
}

/// [`swap_in`] with the atomic exchange given, so that tests run the fallback (what
/// macOS and Windows do) on Linux too.
fn swap_in_with(
    output: &Path,
    staging: &Path,
    retired: &Path,
    exchange: fn(&Path, &Path) -> bool,
) -> Result<(), Diagnostic> {
    let had_previous = output.exists();
    if had_previous && exchange(staging, output) {
        // `staging` now holds the previous site.
        if std::fs::rename(staging, retired).is_err() {
            let _ = std::fs::remove_dir_all(staging);
        }
        return Ok(());
    }
    if had_previous {
        std::fs::rename(output, retired)
            .map_err(|e| io_error(Io::MoveAside, output, &e.to_string()))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        if had_previous {
            let _ = std::fs::rename(retired, output);
        }
        return Err(io_error(Io::MoveIn, output, &e.to_string()));
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

/// Every output path of `site`: written from memory, written already, or copied.
fn site_paths(site: &SiteOutput) -> impl Iterator<Item = &str> {
    site.files
        .iter()
        .map(|f| f.path.as_str())
        .chain(site.written.iter().map(String::as_str))
        .chain(site.copies.iter().map(|c| c.to.as_str()))
}

fn outside_output(path: &str) -> Diagnostic {
    Diagnostic::error("E0502", crate::t!("output-outside", path = path))
        .help(crate::t!("output-outside.help"))
}

/// True for a relative path made only of ordinary names (no `..`, no root).
fn stays_inside(relative: &str) -> bool {
    !relative.is_empty()
        && Path::new(relative)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// The part of a staging folder a stale-file walk covers, by top-level entry.
#[derive(Clone, Copy)]
enum Within<'a> {
    /// The whole folder.
    All,
    /// Everything but this top-level entry.
    AllBut(&'a str),
    /// Only this top-level entry (a folder and what it holds, or a file).
    Only(&'a str),
}

impl Within<'_> {
    /// Names are compared without regard to ASCII case: on a file system that ignores
    /// case, `Search` is the folder the index is writing into.
    fn covers(self, top_level_name: &std::ffi::OsStr) -> bool {
        match self {
            Within::All => true,
            Within::AllBut(name) => !top_level_name.eq_ignore_ascii_case(name),
            Within::Only(name) => top_level_name.eq_ignore_ascii_case(name),
        }
    }

    /// Whether the output at `path` (relative, `/`-separated) lies within.
    fn covers_path(self, path: &str) -> bool {
        let top = path.split('/').next().unwrap_or(path);
        self.covers(std::ffi::OsStr::new(top))
    }
}

/// Deletes the files a reused staging folder holds, within `within`, that this build did
/// not write; returns the folders that hold none of its files, deepest first, for
/// [`remove_dirs`] once every walk is done.
fn remove_stale_files(
    staging: &Path,
    site: &SiteOutput,
    within: Within<'_>,
) -> Result<Vec<PathBuf>, Diagnostic> {
    // Only the build's files within: a walk of the rest of the folder ran, or runs, apart.
    let expected: HashSet<&str> = site_paths(site)
        .filter(|path| within.covers_path(path))
        .collect();
    // Folders holding a file of this build cannot be emptied: trying to remove each of
    // them (one per page) cost more than the rest of the walk.
    let kept_dirs = record::folders_of(expected.iter().copied());
    // Top-level entries are picked before walking each: `filter_entry` cannot be used
    // to skip one, as a walk that lists contents first meets a folder after what it holds.
    let top_level =
        std::fs::read_dir(staging).map_err(|e| io_error(Io::Clean, staging, &e.to_string()))?;
    let mut stale_dirs = Vec::new();
    for top in top_level {
        let top = top.map_err(|e| io_error(Io::Clean, staging, &e.to_string()))?;
        if !within.covers(&top.file_name()) {
            continue;
        }
        // A link is removed, never followed: what it points to is not the build's.
        let walk = walkdir::WalkDir::new(top.path())
            .follow_root_links(false)
            .contents_first(true);
        for entry in walk {
            let entry = entry.map_err(|e| io_error(Io::Clean, staging, &e.to_string()))?;
            let Ok(relative) = entry.path().strip_prefix(staging) else {
                continue;
            };
            let relative = relative.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                if !kept_dirs.contains(relative.as_str()) {
                    stale_dirs.push(entry.into_path());
                }
            } else if !expected.contains(relative.as_str()) {
                std::fs::remove_file(entry.path())
                    .map_err(|e| io_error(Io::Remove, entry.path(), &e.to_string()))?;
            }
        }
    }
    Ok(stale_dirs)
}

/// Tries to remove `dirs`, in order. A folder that cannot be removed (it still holds
/// something) is left as it is: nothing links to it.
fn remove_dirs(dirs: Vec<PathBuf>) {
    for dir in dirs {
        let _ = std::fs::remove_dir(dir);
    }
}

/// What was being done to a file when the system refused.
#[derive(Debug, Clone, Copy)]
enum Io {
    FindParent,
    Create,
    Write,
    Copy,
    MoveIn,
    MoveAside,
    Clean,
    Remove,
}

fn io_error(action: Io, path: &Path, why: &str) -> Diagnostic {
    let (path, reason) = (path.display(), why);
    let message = match action {
        Io::FindParent => crate::t!("output-io.find-parent", path = path),
        Io::Create => crate::t!("output-io.create", path = path, reason = reason),
        Io::Write => crate::t!("output-io.write", path = path, reason = reason),
        Io::Copy => crate::t!("output-io.copy", path = path, reason = reason),
        Io::MoveIn => crate::t!("output-io.move-in", path = path, reason = reason),
        Io::MoveAside => crate::t!("output-io.move-aside", path = path, reason = reason),
        Io::Clean => crate::t!("output-io.clean", path = path, reason = reason),
        Io::Remove => crate::t!("output-io.remove", path = path, reason = reason),
    };
    Diagnostic::error("E0502", message).help(crate::t!("output-io.help"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Lang;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn a_file_written_over_a_longer_one_holds_only_the_new_bytes() -> TestResult {
        // In a reused folder, and in a fresh one where the first write makes the file.
        for fresh in [false, true] {
            let dir = tempfile::tempdir()?;
            let path = dir.path().join("page.html");
            let folder = confined::Confined::new(dir.path(), fresh);
            overwrite(
                &folder,
                "page.html",
                "一段很长的旧内容，比新的长".as_bytes(),
            )?;
            overwrite(&folder, "page.html", "新内容".as_bytes())?;
            assert_eq!(std::fs::read_to_string(&path)?, "新内容");
            overwrite(&folder, "page.html", "更长一些的新内容".as_bytes())?;
            assert_eq!(std::fs::read_to_string(&path)?, "更长一些的新内容");
        }
        Ok(())
    }

    #[test]
    fn a_path_out_of_the_output_folder_is_refused_in_every_language() -> TestResult {
        let dir = tempfile::tempdir()?;
        let staging = Staging::open(&dir.path().join("public")).map_err(|d| d.message)?;
        let Err(refused) = staging.write("../escape.html", b"x", None) else {
            return Err("a path out of the output folder was written".into());
        };
        assert_eq!(refused.code, "E0502");
        assert_eq!(
            refused.message,
            "refusing to write `../escape.html`: it would land outside the output folder"
        );
        assert_eq!(
            refused.message_in(Lang::ZhHans),
            "不能写入 `../escape.html`：它会落到输出文件夹以外"
        );
        assert!(!dir.path().join("escape.html").exists());
        Ok(())
    }

    #[test]
    fn leftovers_of_killed_builds_become_the_spare() -> TestResult {
        let dir = tempfile::tempdir()?;
        let dead = dir.path().join(".public.menhu-new-999999999");
        let older = dir.path().join(".public.menhu-old-999999998");
        let mine = dir
            .path()
            .join(format!(".public.menhu-new-{}", std::process::id()));
        let other = dir.path().join(".other.menhu-new-999999999");
        let changes = dir.path().join(".public.menhu-new-changes-999999997");
        for d in [&dead, &older, &mine, &other, &changes] {
            std::fs::create_dir_all(d)?;
        }
        let spare = dir.path().join(".public.menhu-spare");
        reclaim_leftovers(dir.path(), "public", &spare);
        assert!(spare.is_dir());
        assert!(!dead.exists() && !older.exists());
        assert!(!changes.exists(), "a killed build's changes go too");
        assert!(mine.exists(), "a running build's folder is left alone");
        assert!(other.exists(), "another output's folders are left alone");
        Ok(())
    }

    #[test]
    fn only_a_folder_holding_earlier_files_is_cleaned_of_them() -> TestResult {
        let empty = tempfile::tempdir()?;
        let fresh = Staging::open(&empty.path().join("public")).map_err(|d| d.message)?;
        assert!(!fresh.reused, "a new folder has nothing stale");

        // A folder left under this process id by an earlier process with the same id.
        let dir = tempfile::tempdir()?;
        let output = dir.path().join("public");
        let mine = dir
            .path()
            .join(format!(".public.menhu-new-{}", std::process::id()));
        std::fs::create_dir_all(mine.join("old"))?;
        std::fs::write(mine.join("old/stale.html"), "old")?;
        let staging = Staging::open(&output).map_err(|d| d.message)?;
        assert!(staging.reused);
        let taken = staging.take(Output {
            path: "index.html".into(),
            body: b"new".to_vec(),
        });
        let mut site = SiteOutput::default();
        site.add(taken.map_err(|d| d.message)?);
        staging.finish(&site).map_err(|d| d.message)?;
        assert_eq!(std::fs::read_to_string(output.join("index.html"))?, "new");
        assert!(
            !output.join("old").exists(),
            "stale files and folders are gone"
        );
        Ok(())
    }

    #[test]
    fn stale_files_go_with_the_folders_they_leave_empty() -> TestResult {
        let dir = tempfile::tempdir()?;
        let staging = dir.path();
        for path in ["news/a/index.html", "news/b/index.html", "old/x/index.html"] {
            std::fs::create_dir_all(staging.join(path).parent().ok_or("no parent")?)?;
            std::fs::write(staging.join(path), "old")?;
        }
        std::fs::create_dir_all(staging.join("empty/inner"))?;
        let mut site = SiteOutput::default();
        site.add(SinkOutcome::Written("news/a/index.html".into()));
        remove_dirs(remove_stale_files(staging, &site, Within::All).map_err(|d| d.message)?);
        assert!(staging.join("news/a/index.html").exists());
        for gone in ["news/b", "old", "empty"] {
            assert!(!staging.join(gone).exists(), "{gone}");
        }
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn links_in_a_reused_folder_go_without_what_they_point_to() -> TestResult {
        let dir = tempfile::tempdir()?;
        let staging = dir.path().join("staging");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(elsewhere.join("inner"))?;
        std::fs::write(elsewhere.join("inner/keep.txt"), "not the build's")?;
        std::fs::create_dir_all(staging.join("news"))?;
        std::os::unix::fs::symlink(&elsewhere, staging.join("uploads"))?;
        std::os::unix::fs::symlink(&elsewhere, staging.join("news/uploads"))?;
        let site = SiteOutput::default();
        remove_dirs(remove_stale_files(&staging, &site, Within::All).map_err(|d| d.message)?);
        assert!(elsewhere.join("inner/keep.txt").exists());
        assert!(std::fs::symlink_metadata(staging.join("uploads")).is_err());
        assert!(std::fs::symlink_metadata(staging.join("news/uploads")).is_err());
        Ok(())
    }

    #[test]
    fn settling_cleans_around_a_folder_still_being_written() -> TestResult {
        let dir = tempfile::tempdir()?;
        let output = dir.path().join("public");
        let mine = dir
            .path()
            .join(format!(".public.menhu-new-{}", std::process::id()));
        for path in [
            "news/a/index.html",
            "old/index.html",
            "search/t/9.mz",
            "search/meta.mz",
        ] {
            std::fs::create_dir_all(mine.join(path).parent().ok_or("no parent")?)?;
            std::fs::write(mine.join(path), "old")?;
        }
        // Where case counts, a folder named like the pending one but for case is left
        // for the end too.
        let case_counts = !mine.join("Search").exists();
        let other_case: &[&str] = if case_counts { &["Search/old.mz"] } else { &[] };
        for path in other_case {
            std::fs::create_dir_all(mine.join(path).parent().ok_or("no parent")?)?;
            std::fs::write(mine.join(path), "old")?;
        }
        let staging = Staging::open(&output).map_err(|d| d.message)?;
        let mut site = SiteOutput::default();
        site.add(
            staging
                .take(Output {
                    path: "news/a/index.html".into(),
                    body: b"new".to_vec(),
                })
                .map_err(|d| d.message)?,
        );
        staging
            .settle_outside(&site, "search")
            .map_err(|d| d.message)?;
        assert!(!mine.join("old/index.html").exists(), "stale outside: gone");
        for pending in ["search/t/9.mz"].iter().chain(other_case) {
            assert!(
                mine.join(pending).exists(),
                "{pending}: the pending folder, whatever its case, is not touched yet"
            );
        }
        site.add(
            staging
                .take(Output {
                    path: "search/meta.mz".into(),
                    body: b"new".to_vec(),
                })
                .map_err(|d| d.message)?,
        );
        staging.finish(&site).map_err(|d| d.message)?;
        assert_eq!(
            std::fs::read_to_string(output.join("search/meta.mz"))?,
            "new"
        );
        assert_eq!(
            std::fs::read_to_string(output.join("news/a/index.html"))?,
            "new"
        );
        if case_counts {
            assert!(!output.join("Search").exists(), "Search is stale");
        }
        for gone in ["old", "search/t"] {
            assert!(!output.join(gone).exists(), "{gone} is stale");
        }
        Ok(())
    }

    #[test]
    fn without_an_atomic_exchange_the_previous_site_is_moved_aside() -> TestResult {
        let dir = tempfile::tempdir()?;
        let (output, staging, retired) = (
            dir.path().join("public"),
            dir.path().join("new"),
            dir.path().join("old"),
        );
        std::fs::create_dir_all(&output)?;
        std::fs::write(output.join("v"), "1")?;
        std::fs::create_dir_all(&staging)?;
        std::fs::write(staging.join("v"), "2")?;
        swap_in_with(&output, &staging, &retired, |_, _| false).map_err(|d| d.message)?;
        assert_eq!(std::fs::read_to_string(output.join("v"))?, "2");
        assert_eq!(std::fs::read_to_string(retired.join("v"))?, "1");
        assert!(!staging.exists());
        Ok(())
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_swap_exchanges_in_one_step() -> TestResult {
        let dir = tempfile::tempdir()?;
        let (output, staging, retired) = (
            dir.path().join("public"),
            dir.path().join("new"),
            dir.path().join("old"),
        );
        std::fs::create_dir_all(&output)?;
        std::fs::write(output.join("v"), "1")?;
        std::fs::create_dir_all(&staging)?;
        std::fs::write(staging.join("v"), "2")?;
        swap_in(&output, &staging, &retired).map_err(|d| d.message)?;
        assert_eq!(std::fs::read_to_string(output.join("v"))?, "2");
        assert_eq!(std::fs::read_to_string(retired.join("v"))?, "1");
        assert!(!staging.exists());
        Ok(())
    }

    #[test]
    fn only_plain_relative_paths_stay_inside() {
        for ok in [
            "index.html",
            "news/a/index.html",
            "a..b/x.css",
            "with space/a b.css",
        ] {
            assert!(stays_inside(ok), "{ok}");
        }
        for bad in ["", "../x", "news/../../x", "/etc/passwd", ".."] {
            assert!(!stays_inside(bad), "{bad}");
        }
    }

    #[test]
    fn refuses_dangerous_output_folders() -> TestResult {
        let dir = tempfile::tempdir()?;
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content"))?;
        std::fs::write(root.join("site-config.toml"), "")?;
        let resolve = |output: &Path, force: bool| {
            resolve_output_dir(&root, output, force, &[PathBuf::from("tables/orgs.csv")])
        };
        assert!(resolve(Path::new("public"), false).is_ok());
        assert!(resolve(Path::new("dist/site"), false).is_ok());
        for refused in [
            ".",
            "..",
            "/",
            "content",
            "content/x",
            "i18n",
            "archetypes",
            "themes/portal",
            ".git",
            "out/.hidden",
            "site-config.toml",
            "tables",
        ] {
            assert!(resolve(Path::new(refused), true).is_err(), "{refused}");
        }
        assert!(resolve(&dir.path().join("elsewhere"), false).is_err());
        assert!(resolve(&dir.path().join("elsewhere"), true).is_ok());
        assert!(resolve(&dir.path().join(".elsewhere"), true).is_ok());
        Ok(())
    }
}
