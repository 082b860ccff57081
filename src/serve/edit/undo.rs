//! 「撤销上次保存」 across restarts: the bytes a page had before its last save, kept in
//! the site's cache (`.menhu-cache/edit-undo/`, one file per page named by the SHA-256
//! of its path) with the version that save wrote. Undo restores them only while the
//! page is still as saved. Nothing is kept when the cache folder is not a real folder
//! of the site (a link, a file): undo then lasts until the server stops.
//!
//! An entry is `version\npath\n` followed by the old bytes; the path is checked on
//! reading, so an entry never restores another page.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::files;
use crate::own_files;

/// The folder of the entries, inside the cache folder.
const FOLDER: &str = "edit-undo";

/// The last save of each page, on disk and in memory.
pub struct UndoStore {
    root: PathBuf,
    /// Used when the cache cannot be written.
    memory: Mutex<HashMap<String, (Vec<u8>, String)>>,
}

impl UndoStore {
    /// The store of the site at `root`; nothing is created before the first save.
    pub fn new(root: &Path) -> UndoStore {
        UndoStore {
            root: root.to_path_buf(),
            memory: Mutex::default(),
        }
    }

    /// Remembers that the save of `rel` replaced `before` with the version `saved`.
    pub fn remember(&self, rel: &str, before: &[u8], saved: &str) {
        let on_disk = self.entry(rel, true).is_some_and(|entry| {
            let mut bytes = format!("{saved}\n{rel}\n").into_bytes();
            bytes.extend_from_slice(before);
            own_files::write_replacing(&entry, &bytes).is_ok()
        });
        if let Ok(mut memory) = self.memory.lock() {
            if on_disk {
                memory.remove(rel);
            } else {
                memory.insert(rel.to_owned(), (before.to_vec(), saved.to_owned()));
            }
        }
    }

    /// Whether a save of `rel` can be undone.
    pub fn has(&self, rel: &str) -> bool {
        self.memory.lock().is_ok_and(|m| m.contains_key(rel))
            || self
                .entry(rel, false)
                .and_then(|e| own_files::read_unless_link(&e))
                .and_then(|bytes| parse(&bytes, rel))
                .is_some()
    }

    /// Takes the last save of `rel`: the bytes before it and the version it wrote.
    pub fn take(&self, rel: &str) -> Option<(Vec<u8>, String)> {
        if let Some(kept) = self.memory.lock().ok().and_then(|mut m| m.remove(rel)) {
            return Some(kept);
        }
        let entry = self.entry(rel, false)?;
        let bytes = own_files::read_unless_link(&entry)?;
        let _ = std::fs::remove_file(&entry);
        parse(&bytes, rel)
    }

    /// Forgets the last save of `rel` (a deleted page: a new page of its name is
    /// another page).
    pub fn forget(&self, rel: &str) {
        let _ = self.take(rel);
    }

    /// The entry file of `rel`, its folder created when `create` (never through a link).
    fn entry(&self, rel: &str, create: bool) -> Option<PathBuf> {
        let cache = if create {
            own_files::cache_folder(&self.root)?
        } else {
            self.root.join(own_files::CACHE_FOLDER)
        };
        let folder = cache.join(FOLDER);
        match std::fs::symlink_metadata(&folder) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return None,
            Err(_) if create => std::fs::create_dir(&folder).ok()?,
            Err(_) => return None,
        }
        if !create && std::fs::symlink_metadata(&cache).is_ok_and(|m| !m.is_dir()) {
            return None;
        }
        Some(folder.join(files::version_of(rel.as_bytes())))
    }
}

/// The version and old bytes of an entry, when it is one for `rel`.
fn parse(bytes: &[u8], rel: &str) -> Option<(Vec<u8>, String)> {
    let mut parts = bytes.splitn(3, |b| *b == b'\n');
    let version = std::str::from_utf8(parts.next()?).ok()?.to_owned();
    let path = parts.next()?;
    let before = parts.next()?.to_vec();
    (path == rel.as_bytes()).then_some((before, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_save_is_kept_in_the_cache_and_taken_once() {
        let site = tempfile::tempdir().unwrap();
        let first = UndoStore::new(site.path());
        first.remember("content/news/a.md", b"old\nbytes\n", "v2");
        // Another store (a restarted server) finds it.
        let second = UndoStore::new(site.path());
        assert!(second.has("content/news/a.md"));
        assert!(!second.has("content/news/b.md"));
        assert_eq!(
            second.take("content/news/a.md"),
            Some((b"old\nbytes\n".to_vec(), "v2".to_owned()))
        );
        assert_eq!(second.take("content/news/a.md"), None);
        assert!(site.path().join(".menhu-cache/edit-undo").is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_cache_folder_that_is_a_link_is_not_written_through() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join(".menhu-cache")).unwrap();
        let store = UndoStore::new(site.path());
        store.remember("content/news/a.md", b"old", "v2");
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
        assert_eq!(
            store.take("content/news/a.md"),
            Some((b"old".to_vec(), "v2".to_owned()))
        );
    }
}
