//! Postings lists and their byte encoding. Documents are added in id order, so each
//! list is built already sorted and encoded on the fly: per document a varint of
//! `(id − previous id) · 2 + flag`, followed by the weight byte only when the flag is
//! set, that is when the weight is not the common "once in the body". Lists are then
//! grouped into shards by a hash of the term (FNV-1a of its UTF-8, the client computes
//! the same), so a query loads only the shards of its own terms.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::tokens::{PageTerms, bigram_key, key_and_weight, key_text};

/// The weight byte of a term seen once in the body and nowhere else.
pub(crate) const COMMON_WEIGHT: u8 = 1 << 3;

/// A multiply-rotate hasher for the keys and words of the postings maps: the default
/// SipHash is several times slower on millions of inserts, and the keys are not chosen
/// by an attacker in a way that matters for a build.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits: fold the well-mixed high bits in.
        self.0 ^ (self.0 >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut b = [0; 8];
            b.copy_from_slice(word);
            self.write_u64(u64::from_le_bytes(b));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut b = [0; 8];
            if let Some(head) = b.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;
pub(crate) type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<KeyHasher>>;

/// One term's list while it is being built.
#[derive(Debug, Default)]
struct List {
    last: u32,
    count: u32,
    bytes: Vec<u8>,
}

impl List {
    fn push(&mut self, doc: u32, weight: u8) {
        let delta = u64::from(doc - self.last);
        let flagged = weight != COMMON_WEIGHT;
        write_varint(&mut self.bytes, delta * 2 + u64::from(flagged));
        if flagged {
            self.bytes.push(weight);
        }
        self.last = doc;
        self.count += 1;
    }
}

/// Every term's postings.
#[derive(Default)]
pub(crate) struct Postings {
    packed: FastMap<u64, List>,
    words: FastMap<String, List>,
}

/// A finished postings list.
#[derive(Debug)]
pub(crate) struct TermList {
    /// The term.
    pub term: String,
    /// Number of documents.
    pub count: u32,
    /// Encoded postings.
    pub bytes: Vec<u8>,
}

impl Postings {
    /// Adds document `doc`'s terms; documents must come in increasing id order.
    pub fn add(&mut self, doc: u32, terms: PageTerms) {
        for entry in terms.packed {
            let (key, weight) = key_and_weight(entry);
            self.packed.entry(key).or_default().push(doc, weight);
        }
        for (word, weight) in terms.words {
            self.words.entry(word).or_default().push(doc, weight);
        }
    }

    /// Adds the terms of consecutive documents, the first with id `first`.
    pub fn add_all(&mut self, first: usize, pages: Vec<PageTerms>) {
        for (offset, terms) in pages.into_iter().enumerate() {
            let id = u32::try_from(first + offset).unwrap_or(u32::MAX);
            self.add(id, terms);
        }
    }

    /// Whether the character pair `a` `b` is a term of some document.
    pub fn has_pair(&self, a: char, b: char) -> bool {
        self.packed.contains_key(&bigram_key(a, b))
    }

    /// Every list with its term text, in no particular order (each shard sorts its own:
    /// cheaper than sorting them all).
    pub fn finish(self) -> Vec<TermList> {
        let packed: Vec<(u64, List)> = self.packed.into_iter().collect();
        let words: Vec<(String, List)> = self.words.into_iter().collect();
        packed
            .into_par_iter()
            .map(|(k, l)| (key_text(k), l))
            .chain(words.into_par_iter())
            .map(|(term, l)| TermList {
                term,
                count: l.count,
                bytes: l.bytes,
            })
            .collect()
    }
}

/// LEB128: seven bits a byte, low bits first.
pub(crate) fn write_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7F) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// FNV-1a over the UTF-8 bytes: the shard hash.
pub(crate) fn term_hash(term: &str) -> u32 {
    term.bytes().fold(0x811C_9DC5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The lists of each of `shard_count` shards.
pub(crate) fn shard_lists(lists: &[TermList], shard_count: u32) -> Vec<Vec<&TermList>> {
    let mut shards = vec![Vec::new(); shard_count as usize];
    for list in lists {
        let index = (term_hash(&list.term) % shard_count.max(1)) as usize;
        if let Some(shard) = shards.get_mut(index) {
            shard.push(list);
        }
    }
    shards
}

/// One shard's bytes: `head` (what every index file starts with), then its lists sorted
/// by term: per term a varint of its UTF-8 length, the UTF-8, a varint document count,
/// a varint byte length, the bytes.
pub(crate) fn encode_shard(lists: &mut [&TermList], head: &[u8]) -> Vec<u8> {
    lists.sort_unstable_by(|a, b| a.term.cmp(&b.term));
    let size: usize = lists.iter().map(|l| l.term.len() + l.bytes.len() + 8).sum();
    let mut shard = Vec::with_capacity(head.len() + size);
    shard.extend_from_slice(head);
    for list in lists.iter() {
        write_varint(&mut shard, list.term.len() as u64);
        shard.extend_from_slice(list.term.as_bytes());
        write_varint(&mut shard, u64::from(list.count));
        write_varint(&mut shard, list.bytes.len() as u64);
        shard.extend_from_slice(&list.bytes);
    }
    shard
}

/// A power of two giving shards of about `target` bytes, at most 2¹⁴.
pub(crate) fn shard_count_for(total_bytes: usize, target: usize) -> u32 {
    let wanted = total_bytes.div_ceil(target.max(1)).max(1);
    let count = wanted.next_power_of_two().min(1 << 14);
    u32::try_from(count).unwrap_or(1 << 14)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_use_seven_bits_per_byte() {
        let mut out = Vec::new();
        write_varint(&mut out, 5);
        write_varint(&mut out, 300);
        assert_eq!(out, [5, 0xAC, 0x02]);
    }

    #[test]
    fn lists_store_deltas_and_only_uncommon_weights() {
        let mut list = List::default();
        list.push(3, COMMON_WEIGHT);
        list.push(10, 1);
        assert_eq!(list.bytes, [6, 15, 1]);
        assert_eq!(list.count, 2);
    }

    #[test]
    fn fnv_hash_matches_the_reference_values() {
        assert_eq!(term_hash(""), 0x811C_9DC5);
        assert_eq!(term_hash("a"), 0xE40C_292C);
    }

    #[test]
    fn a_shard_holds_its_terms_sorted_whatever_order_they_came_in() {
        let list = |term: &str| TermList {
            term: term.to_owned(),
            count: 1,
            bytes: vec![2],
        };
        let lists = [list("科协"), list("梧州"), list("icp")];
        let shards = shard_lists(&lists, 1);
        let mut only = shards.into_iter().next().unwrap();
        let bytes = encode_shard(&mut only, b"head");
        let mut expected = b"head".to_vec();
        for term in ["icp", "梧州", "科协"] {
            expected.push(term.len() as u8);
            expected.extend_from_slice(term.as_bytes());
            expected.extend_from_slice(&[1, 1, 2]);
        }
        assert_eq!(bytes, expected);
    }

    #[test]
    fn string_keys_hash_by_every_byte() {
        let hash = |s: &str| {
            let mut h = KeyHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(hash("abcdefgh1"), hash("abcdefgh2"));
        assert_ne!(hash("1abcdefgh"), hash("2abcdefgh"));
    }

    #[test]
    fn shard_counts_are_powers_of_two() {
        assert_eq!(shard_count_for(0, 4096), 1);
        assert_eq!(shard_count_for(10_000, 4096), 4);
        assert_eq!(shard_count_for(usize::MAX / 2, 1), 1 << 14);
    }
}
