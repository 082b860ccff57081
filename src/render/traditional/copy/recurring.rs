//! Converted texts that recur from output to output: the menus, the footer, the theme's
//! labels, the titles, dates and summaries of pages shown in many lists. Half of the
//! text of a portal's pages is such text, so each is converted once and read back
//! afterwards instead of running the phrase automata over it again. A text is kept on
//! its second sighting only, so the texts seen once (most of an article's paragraphs)
//! cost a hash and no memory beyond it.

use std::collections::hash_map::Entry;
use std::hash::BuildHasher;
use std::sync::Mutex;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

/// Texts longer than this are not looked up: they are paragraphs, seen once.
const LONGEST: usize = 1024;
/// Locks the threads that render share; a few per thread keep them out of each other's way.
const SHARDS: usize = 32;

/// The converted texts of one build, shared by the threads that make copies.
#[derive(Debug)]
pub(super) struct Recurring {
    shards: Vec<Mutex<Shard>>,
}

#[derive(Debug, Default)]
struct Shard {
    /// Hashes of the texts seen once so far.
    seen: FxHashSet<u64>,
    /// Hash → (text, its conversion), for texts seen twice.
    converted: FxHashMap<u64, (Box<str>, Box<str>)>,
}

/// What [`Recurring::find`] knows of a text.
pub(super) enum Known {
    /// Not worth keeping (too long, or its hash belongs to another text).
    Never,
    /// Seen for the first time now.
    New,
    /// Seen before: its conversion is worth keeping ([`Recurring::keep`]).
    Again(u64),
}

impl Recurring {
    pub(super) fn new() -> Recurring {
        Recurring {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }

    /// Appends the kept conversion of `text` to `out` and returns `None`, or tells what
    /// is known of it when it has none yet.
    pub(super) fn find(&self, text: &str, out: &mut String) -> Option<Known> {
        if text.len() > LONGEST {
            return Some(Known::Never);
        }
        // A fast hash rather than the standard one: every text of every page is hashed,
        // and a text whose hash another text has is converted, never mistaken for it.
        let hash = FxBuildHasher.hash_one(text);
        let Ok(mut shard) = self.shard(hash).lock() else {
            return Some(Known::Never);
        };
        if let Some((kept, converted)) = shard.converted.get(&hash) {
            if **kept != *text {
                return Some(Known::Never);
            }
            out.push_str(converted);
            return None;
        }
        Some(if shard.seen.insert(hash) {
            Known::New
        } else {
            Known::Again(hash)
        })
    }

    /// Keeps `converted` as the conversion of `text`, whose hash [`Recurring::find`] gave.
    pub(super) fn keep(&self, hash: u64, text: &str, converted: &str) {
        let Ok(mut shard) = self.shard(hash).lock() else {
            return;
        };
        shard.seen.remove(&hash);
        if let Entry::Vacant(entry) = shard.converted.entry(hash) {
            entry.insert((text.into(), converted.into()));
        }
    }

    fn shard(&self, hash: u64) -> &Mutex<Shard> {
        // The low bits pick the shard; the maps inside hash the whole value again.
        &self.shards[(hash % SHARDS as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_kept_on_its_second_sighting_and_read_back_after() {
        let recurring = Recurring::new();
        let mut out = String::new();
        assert!(matches!(recurring.find("科协", &mut out), Some(Known::New)));
        let Some(Known::Again(hash)) = recurring.find("科协", &mut out) else {
            panic!("the second sighting asks to keep it");
        };
        recurring.keep(hash, "科协", "科協");
        assert!(out.is_empty());
        assert!(recurring.find("科协", &mut out).is_none());
        assert!(recurring.find("科协", &mut out).is_none());
        assert_eq!(out, "科協科協");
        let long = "科".repeat(LONGEST);
        assert!(matches!(
            recurring.find(&long, &mut out),
            Some(Known::Never)
        ));
    }
}
