//! Data files parsed once for several builds in one process: the members of a network
//! read the same shared `data/orgs.csv` (`[[directories]]`) and the same `data/…` files
//! through `load_data`, and each distinct file is parsed once for all of them.
//!
//! A parse is kept under the file's resolved path (symbolic links followed) and the
//! blake3 hash of its bytes, so a member's own file of the same name (another path) or a
//! file changed since (other bytes) is parsed on its own; and under the type of what the
//! caller makes of it with a `variant` saying how (a format, a section), so two readers
//! of one file never take each other's results. The result is kept whole, problems
//! included: a file that does not parse gives every member the same problems without
//! parsing it again.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// What a parse is kept under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    made: TypeId,
    variant: String,
    path: PathBuf,
    bytes: blake3::Hash,
}

type Slot = Arc<OnceLock<Arc<dyn Any + Send + Sync>>>;

/// Parsed data files shared by the builds that hold it (see the module doc). A lone
/// site build has none and parses as it reads.
#[derive(Default)]
pub struct ParsedFiles {
    slots: Mutex<HashMap<Key, Slot>>,
    parses: AtomicUsize,
}

impl std::fmt::Debug for ParsedFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedFiles")
            .field("parses", &self.parses())
            .finish_non_exhaustive()
    }
}

impl ParsedFiles {
    /// What `parse` makes of the file at `path` whose content is `bytes`, made by the
    /// first caller asking for this file, these bytes and this `variant`, and shared with
    /// every later one. Callers asking at the same time wait for the one parse.
    pub fn get_or_parse<T: Send + Sync + 'static>(
        &self,
        path: &Path,
        bytes: &[u8],
        variant: &str,
        parse: impl FnOnce() -> T,
    ) -> Arc<T> {
        let key = Key {
            made: TypeId::of::<T>(),
            variant: variant.to_owned(),
            path: path.canonicalize().unwrap_or_else(|_| path.to_path_buf()),
            bytes: blake3::hash(bytes),
        };
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
            slots.entry(key).or_default().clone()
        };
        let kept = slot.get_or_init(|| {
            self.parses.fetch_add(1, Ordering::Relaxed);
            Arc::new(parse())
        });
        kept.clone()
            .downcast::<T>()
            .expect("a parse is kept under the type it made")
    }

    /// How many parses were made (each distinct file, bytes and variant once).
    pub fn parses(&self) -> usize {
        self.parses.load(Ordering::Relaxed)
    }
}

/// What `parse` makes of the file at `path` whose content is `bytes`: kept in `parsed`
/// for every build sharing it ([`ParsedFiles::get_or_parse`]), or made for this build
/// alone when it shares none.
pub fn parse_once<T: Send + Sync + 'static>(
    parsed: Option<&ParsedFiles>,
    path: &Path,
    bytes: &[u8],
    variant: &str,
    parse: impl FnOnce() -> T,
) -> Arc<T> {
    match parsed {
        Some(parsed) => parsed.get_or_parse(path, bytes, variant, parse),
        None => Arc::new(parse()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_parsed_once_per_content_and_variant() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("orgs.csv");
        let own = dir.path().join("own.csv");
        std::fs::write(&shared, "a").unwrap();
        std::fs::write(&own, "a").unwrap();
        let parsed = ParsedFiles::default();
        let count = |n: usize| move || n;
        assert_eq!(*parsed.get_or_parse(&shared, b"a", "csv", count(1)), 1);
        // The same file and bytes, read through another path to it: kept.
        let again = dir.path().join(".").join("orgs.csv");
        assert_eq!(*parsed.get_or_parse(&again, b"a", "csv", count(2)), 1);
        assert_eq!(parsed.parses(), 1);
        // Another file with the same bytes, other bytes, another variant: parsed.
        assert_eq!(*parsed.get_or_parse(&own, b"a", "csv", count(3)), 3);
        assert_eq!(*parsed.get_or_parse(&shared, b"b", "csv", count(4)), 4);
        assert_eq!(*parsed.get_or_parse(&shared, b"a", "json", count(5)), 5);
        // Another type made of the same file: its own parse.
        let text = parsed.get_or_parse(&shared, b"a", "csv", || "text".to_owned());
        assert_eq!(*text, "text");
        assert_eq!(parsed.parses(), 5);
    }
}
