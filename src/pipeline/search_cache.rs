//! `search.bin` in the build cache folder: the search index's terms of every page
//! ([`crate::search::TermStore`]), kept beside `index.bin` so that a build with the
//! cache tokenises only the pages whose indexed fields changed.
//!
//! The file is the cache's [`Header`] (postcard) followed by the store's body. It is
//! read only when its header is this menhu's with this config (another one's is
//! ignored: the index's own note says so), at most [`MAX_BYTES`] long, not through a
//! link; a file that is damaged is a note (W0501) and every page is tokenised, as in a
//! clean build. It is written under a temporary name and renamed, and only when its
//! bytes would change.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use super::persist::{CacheDir, Header};
use crate::diag::Diagnostic;
use crate::search::TermStore;

/// The file's name in the cache folder.
const FILE: &str = "search.bin";
/// The largest file read (a 100,000-page site's is well under this).
const MAX_BYTES: u64 = 1 << 30;

/// The terms file of one build with the cache, and what came of it.
pub(super) struct SearchTerms<'a> {
    cache: &'a CacheDir,
    header: Header,
    /// False when the build's cache was set aside: the file is not read either.
    trusted: bool,
    outcome: Mutex<Outcome>,
}

/// What the terms file did for a build.
#[derive(Debug, Default, Clone)]
pub(super) struct Outcome {
    /// The notes (W0501) of a file damaged or not saved.
    pub notes: Vec<Diagnostic>,
    /// Pages tokenised.
    pub made: usize,
    /// Pages whose terms were read back.
    pub reused: usize,
}

impl<'a> SearchTerms<'a> {
    /// The terms file of `cache` for a build with config digest `config`; `trusted`:
    /// the cache's index was read (otherwise the file is not either).
    pub fn new(cache: &'a CacheDir, config: u64, trusted: bool) -> SearchTerms<'a> {
        SearchTerms {
            cache,
            header: Header::current(config),
            trusted,
            outcome: Mutex::new(Outcome::default()),
        }
    }

    fn path(&self) -> PathBuf {
        self.cache.folder().join(FILE)
    }

    fn note(&self, note: Diagnostic) {
        self.lock().notes.push(note);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Outcome> {
        self.outcome.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The terms the last build kept, when it was this menhu with this config; an empty
    /// store otherwise (a damaged file noted).
    pub fn load(&self) -> TermStore {
        // A link on the way is the index's note already.
        if !self.trusted || !self.cache.without_links() {
            return TermStore::default();
        }
        let path = self.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return TermStore::default();
        };
        let read = (meta.is_file() && meta.len() <= MAX_BYTES)
            .then(|| crate::own_files::read_unless_link(&path))
            .flatten();
        let store = read.and_then(|bytes| {
            let (header, rest) = postcard::take_from_bytes::<Header>(&bytes).ok()?;
            if header != self.header {
                // Another menhu's or config's: the index says so already.
                return Some(TermStore::default());
            }
            let start = bytes.len() - rest.len();
            TermStore::from_body(bytes, start).ok()
        });
        store.unwrap_or_else(|| {
            self.note(self.damaged_note());
            TermStore::default()
        })
    }

    fn damaged_note(&self) -> Diagnostic {
        let folder = self.cache.folder().display().to_string();
        Diagnostic::warning(
            "W0501",
            crate::t!("build-cache-search-damaged", folder = folder, file = FILE),
        )
        .help(crate::t!("build-cache-search-damaged.help"))
    }

    /// Keeps the terms of `store` for the next build (a failure noted), and counts
    /// what it reused.
    pub fn save(&self, store: &TermStore) {
        if store.damaged() {
            self.note(self.damaged_note());
        }
        let (made, reused) = store.counts();
        {
            let mut outcome = self.lock();
            outcome.made = made;
            outcome.reused = reused;
        }
        // A link on the way: the index's saving says so, and writes nothing either.
        if (store.unchanged() && !store.damaged()) || !self.cache.without_links() {
            return;
        }
        let saved = std::fs::create_dir_all(self.cache.folder()).and_then(|()| {
            crate::own_files::write_replacing_with(&self.path(), |out| {
                let header = postcard::to_stdvec(&self.header).map_err(std::io::Error::other)?;
                std::io::Write::write_all(out, &header)?;
                store.write_body(out)
            })
        });
        if let Err(error) = saved {
            self.note(super::persist::unsaved_note(self.cache.folder(), &error));
        }
    }

    /// What the file did for the build.
    pub fn outcome(&self) -> Outcome {
        self.lock().clone()
    }
}
