//! Watches the site's sources with notify and turns bursts of file-system events into
//! one [`ChangeSet`]. Editors save in many ways (write in place, write a temporary file
//! then rename it over the original, delete then recreate; `git checkout` touches many
//! files at once): all of them end in events naming the real file or its folder, so a
//! change set is simply every relevant path seen until the events stop for a moment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::diag::Diagnostic;

/// Folders of a site whose files feed the build.
pub const SOURCE_DIRS: [&str; 6] = ["content", "templates", "themes", "static", "data", "sass"];
/// Files at the site root that feed the build.
pub const ROOT_FILES: [&str; 2] = ["site-config.toml", "config.toml"];

/// Quiet time that ends a burst of events.
const SETTLE: Duration = Duration::from_millis(8);
/// A burst that never settles (a long checkout) is cut after this long.
const LONGEST_BURST: Duration = Duration::from_millis(400);

/// What changed on disk, relative to the site root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Files and folders that were created, written, renamed or removed.
    pub paths: BTreeSet<PathBuf>,
    /// Events were lost: reread everything.
    pub rescan: bool,
}

impl ChangeSet {
    /// A change set that makes the next build a full one.
    pub fn everything() -> ChangeSet {
        ChangeSet {
            paths: BTreeSet::new(),
            rescan: true,
        }
    }

    /// A change set of the given paths (relative to the root).
    pub fn of<P: Into<PathBuf>>(paths: impl IntoIterator<Item = P>) -> ChangeSet {
        ChangeSet {
            paths: paths.into_iter().map(Into::into).collect(),
            rescan: false,
        }
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.rescan
    }

    /// Adds the changes of `other`.
    pub fn merge(&mut self, other: &ChangeSet) {
        self.paths.extend(other.paths.iter().cloned());
        self.rescan |= other.rescan;
    }
}

/// A running watcher.
pub struct Watcher {
    root: PathBuf,
    /// `root` with symbolic links resolved, as some back ends report paths.
    real_root: PathBuf,
    inner: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    watched: WatchedDirs,
}

/// The source folders watched, each with the folder it was when its watch began: a
/// folder removed and made again (`themes/` restored from a copy, a checkout) is
/// another folder, watched anew.
pub(super) type WatchedDirs = BTreeMap<PathBuf, Option<crate::output::FileId>>;

impl Watcher {
    /// Starts watching the site at `root`.
    pub fn start(root: &Path) -> Result<Watcher, Diagnostic> {
        // Events name absolute paths; compare them with an absolute root.
        let root = &std::path::absolute(root).map_err(|e| {
            let message = crate::t!(
                "serve-no-site-folder",
                reason = crate::diag::text::display(e)
            );
            Diagnostic::error("E0702", message)
        })?;
        let (sender, events) = channel();
        let inner = notify::recommended_watcher(move |event| {
            let _ = sender.send(event);
        })
        .map_err(|e| watch_error(root, &e))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            real_root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            inner,
            events,
            watched: WatchedDirs::new(),
        };
        watcher
            .inner
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| watch_error(root, &e))?;
        watcher.watch_source_dirs();
        Ok(watcher)
    }

    /// Watches source folders that exist and are not watched yet (one may have been
    /// created since the last call).
    fn watch_source_dirs(&mut self) {
        watch_new_source_dirs(&mut self.inner, &mut self.watched, &self.root);
    }

    /// Blocks until something relevant changed, then gathers the rest of the burst.
    /// `None` when the watcher stopped.
    pub fn next_changes(&mut self) -> Option<ChangeSet> {
        loop {
            let mut changes = ChangeSet::default();
            for_each_in_burst(&self.events, |event| self.add(&mut changes, event))?;
            if !changes.is_empty() {
                self.watch_source_dirs();
                return Some(changes);
            }
        }
    }

    fn add(&self, changes: &mut ChangeSet, event: notify::Result<notify::Event>) {
        let paths = changed_paths(event, &mut changes.rescan);
        changes.paths.extend(paths.iter().filter_map(|p| {
            relevant_path(&self.root, p).or_else(|| relevant_path(&self.real_root, p))
        }));
    }
}

/// Waits for an event, hands it to `add`, then hands on the rest of its burst: every
/// event until none comes for [`SETTLE`], or [`LONGEST_BURST`] has passed. `None` when
/// the watcher stopped.
pub(super) fn for_each_in_burst<E>(events: &Receiver<E>, mut add: impl FnMut(E)) -> Option<()> {
    add(events.recv().ok()?);
    let started = Instant::now();
    while started.elapsed() < LONGEST_BURST {
        match events.recv_timeout(SETTLE) {
            Ok(event) => add(event),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    Some(())
}

/// The paths an event names as changed (none for a mere read); sets `rescan` when
/// events were lost.
pub(super) fn changed_paths(
    event: notify::Result<notify::Event>,
    rescan: &mut bool,
) -> Vec<PathBuf> {
    let Ok(event) = event else {
        *rescan = true;
        return Vec::new();
    };
    if event.need_rescan() {
        *rescan = true;
    }
    if matches!(event.kind, notify::EventKind::Access(_)) {
        return Vec::new();
    }
    event.paths
}

/// Watches the source folders of the site at `root` that exist and are not watched
/// yet (one may have been created since the last call), and watches again one that was
/// removed or replaced since: a watch stays with the folder it began on, and would
/// never see the files of a `themes/` deleted and put back.
pub(super) fn watch_new_source_dirs(
    inner: &mut RecommendedWatcher,
    watched: &mut WatchedDirs,
    root: &Path,
) {
    for dir in SOURCE_DIRS {
        let full = root.join(dir);
        let now = std::fs::metadata(&full)
            .ok()
            .filter(std::fs::Metadata::is_dir)
            .map(|meta| crate::output::FileId::of(&meta));
        match (watched.get(&full), &now) {
            (Some(seen), Some(id)) if seen == id => continue,
            (Some(_), _) => {
                let _ = inner.unwatch(&full);
                watched.remove(&full);
            }
            (None, _) => {}
        }
        if let Some(id) = now
            && inner.watch(&full, RecursiveMode::Recursive).is_ok()
        {
            watched.insert(full, id);
        }
    }
}

/// The path relative to the root when it is a source of the site (and not an editor's
/// swap or backup file).
pub fn relevant_path(root: &Path, path: &Path) -> Option<PathBuf> {
    let relative = path.strip_prefix(root).ok()?;
    let mut parts = relative.components();
    let first = parts.next()?.as_os_str().to_str()?;
    let in_source = SOURCE_DIRS.contains(&first);
    let is_root_file = ROOT_FILES.contains(&first) && parts.next().is_none();
    if !(in_source || is_root_file) {
        return None;
    }
    let name = relative.file_name()?.to_str().unwrap_or("");
    if is_editor_scratch(name) {
        return None;
    }
    Some(relative.to_path_buf())
}

/// Swap, backup and probe files that editors write beside the real one.
fn is_editor_scratch(name: &str) -> bool {
    name.starts_with(".#")
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".kate-swp"]
            .iter()
            .any(|ext| name.ends_with(ext))
        || (name.starts_with('.') && name.contains(".md."))
}

/// E0702: `root` cannot be watched.
pub(super) fn watch_error(root: &Path, e: &notify::Error) -> Diagnostic {
    let reason = crate::diag::text::display(e);
    Diagnostic::error(
        "E0702",
        crate::t!(
            "serve-cannot-watch",
            folder = root.display(),
            reason = reason
        ),
    )
    .help(crate::t!("serve-cannot-watch.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_watched_says_how_to_raise_the_limit() {
        let e = notify::Error::generic("inotify watch limit reached");
        let d = watch_error(Path::new("/site"), &e);
        assert_eq!(d.code, "E0702");
        assert!(d.message.starts_with("cannot watch `/site` for changes: "));
        assert!(
            d.help_in(crate::diag::Lang::ZhHans)
                .is_some_and(|h| h.contains("max_user_watches"))
        );
    }

    #[test]
    fn keeps_sources_and_drops_scratch_files() {
        let root = Path::new("/site");
        let rel = |p: &str| relevant_path(root, &root.join(p));
        assert_eq!(rel("content/a.md"), Some(PathBuf::from("content/a.md")));
        assert!(rel("themes/t/templates/page.html").is_some());
        assert_eq!(
            rel("site-config.toml"),
            Some(PathBuf::from("site-config.toml"))
        );
        assert_eq!(rel("content"), Some(PathBuf::from("content")));
        assert_eq!(rel("public/index.html"), None);
        assert_eq!(rel("target/debug/x"), None);
        assert_eq!(rel("content/.a.md.swp"), None);
        assert_eq!(rel("content/a.md~"), None);
        assert_eq!(rel("content/4913"), None);
        assert_eq!(relevant_path(root, Path::new("/elsewhere/a.md")), None);
    }
}
