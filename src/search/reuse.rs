//! The terms of every page kept between builds with the cache (the cache folder's
//! `search.bin`, which `pipeline` reads and saves): a page whose indexed fields are
//! those of the last build has its terms read back instead of tokenised again, so a
//! build after a one-page edit tokenises that page only.
//!
//! A page's terms ([`PageTerms`]) depend on its title, headings, tags, city,
//! organisation and text, and on the dictionary and the tokeniser, which are those of
//! this menhu (the file's header, written by `pipeline`, names the menhu and the
//! config): they are kept under a hash of those fields ([`page_key`]), never under
//! the page's id or path, so a page that moves in the index keeps them too.
//!
//! The file body is a table (postcard: each page's key, length and check) followed by
//! every page's terms one after the other, in the compact form of [`encode`]. The file
//! is untrusted input: its table is bounded by the file's length, each page's bytes are
//! checked against their check (their 64-bit XXH3 hash, [`check_of`]) and decoded
//! without ever panicking, and a page whose bytes do not pass is tokenised again, the
//! damage said ([`TermStore::damaged`]), never used.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use super::dictionary::Cuts;
use super::docs::SearchDoc;
use super::files::page_terms;
use super::postings::write_varint;
use super::tokens::{PageTerms, TermCollector, key_and_weight};

/// A page's key: the hash of its indexed fields ([`page_key`]).
pub(super) type Key = u128;

/// The table at the start of the body.
#[derive(Default, Serialize, Deserialize)]
struct Table {
    /// Each page's key.
    keys: Vec<Key>,
    /// The length of its terms' bytes.
    lens: Vec<u32>,
    /// Their check ([`check_of`]).
    checks: Vec<u64>,
    /// The stored-text files of the index: the key of what each is made of, and the
    /// BLAKE3 hash of its bytes.
    texts: Vec<(Key, [u8; 32])>,
}

/// Where a page's terms are for the next file: in the file read, or made now.
enum Entry {
    /// In the file read, with its check.
    Earlier(Range<usize>, u64),
    Made(Vec<u8>),
}

/// The terms kept by the last build, and those of this one as the index asks for them.
#[derive(Default)]
pub struct TermStore {
    /// The file body read; the terms are ranges of it.
    body: Vec<u8>,
    /// Each page's terms in `body`, with their check.
    earlier: HashMap<Key, (Range<usize>, u64)>,
    /// The terms of the pages of this build (only their keys and where they are), a
    /// batch of pages at a time, for the next file.
    next: Mutex<Vec<(Key, Entry)>>,
    /// Some page's bytes did not pass their check, or did not decode.
    damaged: AtomicBool,
    /// The stored-text files of the last build: the hash of each one's bytes by the
    /// key of what it is made of.
    texts: HashMap<Key, [u8; 32]>,
    /// Those of this build, for the next file.
    next_texts: Mutex<Vec<(Key, [u8; 32])>>,
}

/// The terms of one page, for [`TermStore::keep`].
pub(super) struct Found {
    key: Key,
    entry: Option<Entry>,
}

impl TermStore {
    /// The store of the file body starting at `start` of `file` (as
    /// [`TermStore::write_body`] writes it); why not, when it is not one.
    pub fn from_body(file: Vec<u8>, start: usize) -> Result<TermStore, String> {
        let body = file.get(start..).ok_or("the file ends before its table")?;
        let (table, left) = postcard::take_from_bytes::<Table>(body)
            .map(|(table, rest)| (table, rest.len()))
            .map_err(|e| format!("the table of pages cannot be read: {e}"))?;
        let count = table.keys.len();
        let texts = table.texts.into_iter().collect();
        if table.lens.len() != count || table.checks.len() != count {
            return Err("the table's columns differ in length".into());
        }
        let body = file;
        let mut start = body.len() - left;
        let mut earlier = HashMap::with_capacity(count);
        for ((key, len), check) in table.keys.into_iter().zip(table.lens).zip(table.checks) {
            let end = start
                .checked_add(len as usize)
                .filter(|end| *end <= body.len())
                .ok_or("the table names more bytes than the file holds")?;
            earlier.insert(key, (start..end, check));
            start = end;
        }
        if start != body.len() {
            return Err("the file holds bytes its table does not name".into());
        }
        Ok(TermStore {
            body,
            earlier,
            texts,
            ..TermStore::default()
        })
    }

    /// The terms of `doc`: read back when the last build kept them, else tokenised with
    /// `collector` (`cuts`: the dictionary words of titles and headings).
    pub(super) fn terms(
        &self,
        doc: &SearchDoc<'_>,
        cuts: &Cuts,
        collector: &mut TermCollector,
    ) -> (PageTerms, Found) {
        let key = page_key(doc);
        if let Some((range, check)) = self.earlier.get(&key) {
            let decoded = self
                .body
                .get(range.clone())
                .filter(|bytes| check_of(bytes) == *check)
                .and_then(decode);
            match decoded {
                Some(terms) => {
                    let entry = Some(Entry::Earlier(range.clone(), *check));
                    return (terms, Found { key, entry });
                }
                None => self.damaged.store(true, Ordering::Relaxed),
            }
        }
        let terms = page_terms(doc, cuts, collector);
        let entry = encode(&terms).map(Entry::Made);
        (terms, Found { key, entry })
    }

    /// Keeps the terms `found` (a batch of pages) for the next file.
    pub(super) fn keep(&self, found: Vec<Found>) {
        let mut next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
        next.extend(
            found
                .into_iter()
                .filter_map(|f| f.entry.map(|entry| (f.key, entry))),
        );
    }

    /// The BLAKE3 hash of the stored-text file the last build made of what `key` names.
    pub(super) fn text_file(&self, key: Key) -> Option<[u8; 32]> {
        self.texts.get(&key).copied()
    }

    /// Keeps the stored-text files `made` (the key of what each is made of, the hash
    /// of its bytes) for the next file.
    pub(super) fn keep_texts(&self, made: Vec<(Key, [u8; 32])>) {
        let mut next = self
            .next_texts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        next.extend(made);
    }

    /// True when some page's kept terms were damaged (they were tokenised again).
    pub fn damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// True when the next file would hold the same bytes as the file read: every page's
    /// terms were read back, and every page of that file is still indexed.
    pub fn unchanged(&self) -> bool {
        let next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
        let mut keys: Vec<Key> = next.iter().map(|(key, _)| *key).collect();
        keys.sort_unstable();
        keys.dedup();
        let texts = self
            .next_texts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let same_texts = texts.len() == self.texts.len()
            && texts
                .iter()
                .all(|(key, hash)| self.texts.get(key) == Some(hash));
        !self.body.is_empty()
            && same_texts
            && keys.len() == self.earlier.len()
            && next.iter().all(|(_, e)| matches!(e, Entry::Earlier(..)))
    }

    /// (pages tokenised, pages whose terms were read back) by this build.
    pub fn counts(&self) -> (usize, usize) {
        let next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
        let reused = next
            .iter()
            .filter(|(_, e)| matches!(e, Entry::Earlier(..)))
            .count();
        (next.len() - reused, reused)
    }

    /// Writes the body of the next file: the terms of this build's pages, each once,
    /// in the order of their keys.
    pub fn write_body(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
        next.sort_by_key(|(key, _)| *key);
        next.dedup_by_key(|(key, _)| *key);
        let of = |entry| bytes_of(&self.body, entry);
        let table = Table {
            keys: next.iter().map(|(key, _)| *key).collect(),
            lens: next
                .iter()
                .map(|(_, e)| u32::try_from(of(e).len()).unwrap_or(u32::MAX))
                .collect(),
            checks: next
                .iter()
                .map(|(_, e)| match e {
                    Entry::Earlier(_, check) => *check,
                    Entry::Made(bytes) => check_of(bytes),
                })
                .collect(),
            texts: {
                let mut texts = self
                    .next_texts
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone();
                texts.sort_unstable();
                texts.dedup_by_key(|(key, _)| *key);
                texts
            },
        };
        let head = postcard::to_stdvec(&table).map_err(std::io::Error::other)?;
        out.write_all(&head)?;
        for (_, entry) in next.iter() {
            out.write_all(of(entry))?;
        }
        Ok(())
    }
}

/// The bytes of `entry`, whose earlier terms are in `body`.
fn bytes_of<'a>(body: &'a [u8], entry: &'a Entry) -> &'a [u8] {
    match entry {
        Entry::Earlier(range, _) => body.get(range.clone()).unwrap_or_default(),
        Entry::Made(bytes) => bytes.as_slice(),
    }
}

/// The key of `doc`'s terms: a hash of every field they are made of, each with its
/// length, so that no two sets of fields run together alike.
fn page_key(doc: &SearchDoc<'_>) -> Key {
    let meta = &doc.page.source.meta;
    let mut hash = Digest::default();
    hash.field(meta.title.as_bytes());
    hash.word(doc.headings.len() as u64);
    doc.headings.iter().for_each(|h| hash.field(h.as_bytes()));
    hash.word(doc.tags.len() as u64);
    doc.tags.iter().for_each(|t| hash.field(t.as_bytes()));
    hash.optional(doc.place.city.as_deref());
    hash.optional(meta.org.as_ref().map(|o| o.value.as_str()));
    hash.field(doc.page.rendered.text.as_bytes());
    hash.finish()
}

/// The check of a page's bytes: their 64-bit XXH3.
fn check_of(bytes: &[u8]) -> u64 {
    twox_hash::XxHash3_64::oneshot(bytes)
}

/// A hash of fields (XXH3, 128 bits), each with its length, so that no two sets of
/// fields run together alike. XXH3 is several times faster than BLAKE3 over every
/// page's text, which is most of what is hashed. It is not a cryptographic hash: it
/// tells apart texts that differ by accident, not texts made to collide, which only
/// someone who can write the site or the cache could make, and who can change the
/// index anyway.
pub(super) struct Digest(twox_hash::XxHash3_128);

impl Default for Digest {
    fn default() -> Digest {
        Digest(twox_hash::XxHash3_128::new())
    }
}

impl Digest {
    /// Adds one 64-bit word.
    pub fn word(&mut self, n: u64) {
        self.0.write(&n.to_le_bytes());
    }

    /// Adds `bytes` with their length.
    pub fn field(&mut self, bytes: &[u8]) {
        self.word(bytes.len() as u64);
        self.0.write(bytes);
    }

    /// Adds a text that may be missing (told apart from every text).
    pub fn optional(&mut self, text: Option<&str>) {
        match text {
            Some(text) => {
                self.word(1);
                self.field(text.as_bytes());
            }
            None => self.word(0),
        }
    }

    /// The hash.
    pub fn finish(&self) -> u128 {
        self.0.finish_128()
    }
}

/// The bits of a packed key between its characters and its kind, which no key uses.
const UNUSED_KEY_BITS: u64 = ((1 << 62) - 1) & !((1 << 42) - 1);
/// The bits of a packed key holding its characters.
const CHAR_BITS: u64 = (1 << 42) - 1;
/// The weight of a term seen once in the body, which [`encode`] leaves out.
const COMMON: u8 = super::postings::COMMON_WEIGHT;

/// A packed key in 44 bits: its kind moved down next to its characters.
fn squeezed(key: u64) -> u64 {
    ((key >> 62) << 42) | (key & CHAR_BITS)
}

/// `terms` as bytes: the body's length in characters; the packed terms sorted by key
/// (the postings do not depend on a page's order of terms), each the varint of
/// (difference from the previous key · 2 + 1 when its weight is not the common one),
/// then that weight; the words, each its length, its UTF-8 and its weight. `None`
/// for terms with a key this form cannot hold (no tokeniser makes one).
fn encode(terms: &PageTerms) -> Option<Vec<u8>> {
    let mut packed: Vec<(u64, u8)> = terms
        .packed
        .iter()
        .map(|entry| key_and_weight(*entry))
        .collect();
    if packed.iter().any(|(key, _)| key & UNUSED_KEY_BITS != 0) {
        return None;
    }
    packed.sort_by_key(|(key, _)| squeezed(*key));
    let mut out = Vec::with_capacity(packed.len() * 3 + 16);
    write_varint(&mut out, terms.body_chars as u64);
    write_varint(&mut out, packed.len() as u64);
    let mut previous = 0;
    for (key, weight) in packed {
        let key = squeezed(key);
        let flagged = weight != COMMON;
        write_varint(&mut out, (key - previous) * 2 + u64::from(flagged));
        if flagged {
            out.push(weight);
        }
        previous = key;
    }
    write_varint(&mut out, terms.words.len() as u64);
    for (word, weight) in &terms.words {
        write_varint(&mut out, word.len() as u64);
        out.extend_from_slice(word.as_bytes());
        out.push(*weight);
    }
    Some(out)
}

/// The terms [`encode`] wrote into `bytes`; `None` unless `bytes` are exactly such terms.
fn decode(bytes: &[u8]) -> Option<PageTerms> {
    let mut reader = Reader(bytes);
    let body_chars = usize::try_from(reader.varint()?).ok()?;
    // Every term takes a byte at least: a count beyond the bytes left is damage.
    let count = reader.count()?;
    let mut packed = Vec::with_capacity(count);
    let mut key = 0u64;
    for _ in 0..count {
        let step = reader.varint()?;
        key = key.checked_add(step >> 1).filter(|k| *k < 1 << 44)?;
        let weight = if step & 1 == 1 {
            reader.byte()?
        } else {
            COMMON
        };
        let unpacked = ((key >> 42) << 62) | (key & CHAR_BITS);
        packed.push(unpacked | (u64::from(weight) << 42));
    }
    let count = reader.count()?;
    let mut words = Vec::with_capacity(count);
    for _ in 0..count {
        let len = usize::try_from(reader.varint()?).ok()?;
        let word = std::str::from_utf8(reader.take(len)?).ok()?.to_owned();
        words.push((word, reader.byte()?));
    }
    reader.0.is_empty().then_some(PageTerms {
        packed,
        words,
        body_chars,
    })
}

/// What is left of a page's bytes while they are decoded.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*first)
    }

    fn take(&mut self, len: usize) -> Option<&[u8]> {
        let (taken, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        Some(taken)
    }

    /// A LEB128 varint of at most ten bytes that fits in 64 bits.
    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7F);
            if shift == 63 && bits > 1 {
                return None;
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A count of items of a byte or more each.
    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?)
            .ok()
            .filter(|n| *n <= self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{bigram_key, unigram_key};
    use super::*;

    fn sample() -> PageTerms {
        let entry = |key: u64, weight: u8| key | (u64::from(weight) << 42);
        PageTerms {
            packed: vec![
                entry(bigram_key('科', '协'), COMMON),
                entry(unigram_key('梧'), 1),
                entry(bigram_key('梧', '州'), 2 | (3 << 3)),
                entry(bigram_key('a', 'b'), COMMON),
            ],
            words: vec![("科学技术".into(), 4), ("icp".into(), COMMON)],
            body_chars: 1234,
        }
    }

    fn sorted(terms: &PageTerms) -> (Vec<u64>, Vec<(String, u8)>, usize) {
        let mut packed = terms.packed.clone();
        packed.sort_unstable();
        (packed, terms.words.clone(), terms.body_chars)
    }

    #[test]
    fn fields_hash_apart_when_they_differ_or_run_together_otherwise() {
        let hash = |fields: &[&str], missing: bool| {
            let mut digest = Digest::default();
            fields.iter().for_each(|f| digest.field(f.as_bytes()));
            digest.optional((!missing).then_some(""));
            digest.finish()
        };
        let base = hash(&["科协召开会议", "正文"], false);
        assert_eq!(base, hash(&["科协召开会议", "正文"], false));
        for other in [
            hash(&["科协召开会仪", "正文"], false),
            hash(&["科协召开会议正", "文"], false),
            hash(&["科协召开会议", "正文"], true),
        ] {
            assert_ne!(base, other);
        }
        assert_ne!(check_of(b"abc"), check_of(b"abd"));
    }

    #[test]
    fn terms_come_back_as_they_were_made() {
        let terms = sample();
        let bytes = encode(&terms).expect("encodable");
        let back = decode(&bytes).expect("decodable");
        assert_eq!(sorted(&back), sorted(&terms));
    }

    #[test]
    fn damaged_terms_never_decode_into_a_panic() {
        let bytes = encode(&sample()).expect("encodable");
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            for bit in 0..8 {
                let mut flipped = bytes.clone();
                flipped[at] ^= 1 << bit;
                let _ = decode(&flipped);
            }
        }
        assert!(decode(&[0xFF; 11]).is_none());
        assert!(
            decode(&[0, 0xFF, 0xFF, 0xFF, 0x0F]).is_none(),
            "a count beyond the bytes"
        );
    }

    #[test]
    fn a_body_of_other_bytes_is_refused_with_the_reason() {
        for body in [vec![], vec![3, 1, 2], vec![0xFF; 40]] {
            assert!(TermStore::from_body(body, 0).is_err());
        }
        let store = TermStore::default();
        store
            .next
            .lock()
            .unwrap()
            .push((7, Entry::Made(encode(&sample()).unwrap())));
        let mut body = Vec::new();
        store.write_body(&mut body).unwrap();
        let mut file = b"head".to_vec();
        file.extend_from_slice(&body);
        let read = TermStore::from_body(file, 4).expect("a body it wrote");
        let (range, check) = read.earlier[&7].clone();
        assert_eq!(check_of(&read.body[range]), check);
        body.push(0);
        assert!(
            TermStore::from_body(body.clone(), 0).is_err(),
            "a byte too many"
        );
        body.truncate(body.len() - 2);
        assert!(TermStore::from_body(body, 0).is_err(), "a byte too few");
        assert!(TermStore::from_body(vec![0], 2).is_err(), "no body at all");
    }
}
