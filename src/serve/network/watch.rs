//! Watches a network's sources with one notify watcher: `network.toml` and the shared
//! folders at the root (`themes/`, `data/`, `static/`, …), and each member's config and
//! source folders, never the output folders beside them. A burst of events becomes one
//! [`Changes`], as in the single-site preview ([`crate::serve::watch`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::diag::Diagnostic;
use crate::network::Network;
use crate::serve::watch::{
    changed_paths, for_each_in_burst, relevant_path, watch_error, watch_new_source_dirs,
};

/// The network's file that lists the members.
const NETWORK_FILE: &str = "network.toml";

/// What changed on disk: absolute paths of sources.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Files and folders created, written, renamed or removed.
    pub paths: BTreeSet<PathBuf>,
    /// Events were lost: everything may have changed.
    pub rescan: bool,
}

/// A running watcher of every site folder of a network.
pub struct NetworkWatcher {
    /// The network root and each member's folder, absolute, each with its real path.
    roots: Vec<(PathBuf, PathBuf)>,
    inner: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    watched: super::super::watch::WatchedDirs,
}

impl NetworkWatcher {
    /// Starts watching `network`.
    pub fn start(network: &Network) -> Result<NetworkWatcher, Diagnostic> {
        let (sender, events) = channel();
        let inner = notify::recommended_watcher(move |event| {
            let _ = sender.send(event);
        })
        .map_err(|e| watch_error(&network.root, &e))?;
        let mut watcher = NetworkWatcher {
            roots: roots_of(network),
            inner,
            events,
            watched: Default::default(),
        };
        for (root, _) in watcher.roots.clone() {
            if root.is_dir() {
                watcher
                    .inner
                    .watch(&root, RecursiveMode::NonRecursive)
                    .map_err(|e| watch_error(&root, &e))?;
            }
        }
        watcher.watch_source_dirs();
        Ok(watcher)
    }

    /// Watches `network` as `network.toml` now says: a member added is watched from now
    /// on; the files of a member removed are no longer sources (their events are
    /// dropped).
    pub fn follow(&mut self, network: &Network) {
        let roots = roots_of(network);
        for (root, _) in &roots {
            let known = self.roots.iter().any(|(r, _)| r == root);
            if !known && root.is_dir() {
                // A folder that cannot be watched is still built; its edits then need
                // a change elsewhere to show, as for any folder notify refuses.
                let _ = self.inner.watch(root, RecursiveMode::NonRecursive);
            }
        }
        self.roots = roots;
        self.watch_source_dirs();
    }

    /// Watches source folders that exist and are not watched yet.
    fn watch_source_dirs(&mut self) {
        for (root, _) in &self.roots {
            watch_new_source_dirs(&mut self.inner, &mut self.watched, root);
        }
    }

    /// Blocks until a source changed, then gathers the rest of the burst. `None` when
    /// the watcher stopped.
    pub fn next_changes(&mut self) -> Option<Changes> {
        loop {
            let mut changes = Changes::default();
            for_each_in_burst(&self.events, |event| self.add(&mut changes, event))?;
            if changes.rescan || !changes.paths.is_empty() {
                self.watch_source_dirs();
                return Some(changes);
            }
        }
    }

    fn add(&self, changes: &mut Changes, event: notify::Result<notify::Event>) {
        for path in changed_paths(event, &mut changes.rescan) {
            if let Some(source) = self.source(&path) {
                changes.paths.insert(source);
            }
        }
    }

    /// `path` (absolute) under the root it belongs to, when it is a source: the
    /// network file, or a source of the network root or of a member.
    fn source(&self, path: &Path) -> Option<PathBuf> {
        self.roots.iter().find_map(|(root, real)| {
            for base in [root, real] {
                if path.parent() == Some(base.as_path()) && path.ends_with(NETWORK_FILE) {
                    return Some(path.to_path_buf());
                }
                if let Some(relative) = relevant_path(base, path) {
                    return Some(root.join(relative));
                }
            }
            None
        })
    }
}

/// The network root and each member's folder, absolute, each with its real path.
fn roots_of(network: &Network) -> Vec<(PathBuf, PathBuf)> {
    let absolute = |p: PathBuf| std::path::absolute(&p).unwrap_or(p);
    std::iter::once(network.root.clone())
        .chain(network.members.iter().map(|m| network.site_root(m.id)))
        .map(|r| {
            let root = absolute(r);
            let real = root.canonicalize().unwrap_or_else(|_| root.clone());
            (root, real)
        })
        .collect()
}
