//! Texts → index terms. Every Han character pair (overlapping bigrams) of the body,
//! headings, title and meta fields, so that any query of two or more characters that
//! occurs in a text finds it, names the dictionary lacks included; every Latin or digit
//! word; the title's single characters, so a one-character query still finds titles;
//! and the dictionary words (jieba) of three or more characters in title, headings and
//! meta fields, which rank a page higher when the whole query is such a word.
//! Bigrams and single characters are packed into `u64` keys to keep the per-page work
//! free of allocations; words are strings.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::postings::FastMap;
use crate::zh::{is_han, normalize_char};

/// The field a term came from, as bits of a posting's weight byte.
pub(crate) mod field {
    /// The page title.
    pub const TITLE: u8 = 1;
    /// A heading of the table of contents.
    pub const HEADING: u8 = 2;
    /// Tags, city, organisation.
    pub const META: u8 = 4;
}

/// How often a term occurs in the body, stored in the weight byte's upper five bits.
const BODY_SHIFT: u8 = 3;
const BODY_MAX: u8 = 31;

/// Words longer than this (in characters) are noise such as hashes or long numbers.
const MAX_WORD_CHARS: usize = 32;

const KIND_BIGRAM: u64 = 1 << 62;
const KIND_UNIGRAM: u64 = 2 << 62;

/// A bigram's key.
pub(crate) fn bigram_key(a: char, b: char) -> u64 {
    KIND_BIGRAM | (u64::from(a) << 21) | u64::from(b)
}

/// A single character's key.
pub(crate) fn unigram_key(c: char) -> u64 {
    KIND_UNIGRAM | u64::from(c)
}

/// The text of a packed key (a bigram or a single character).
pub(crate) fn key_text(key: u64) -> String {
    let low = char::from_u32((key & 0x1F_FFFF) as u32);
    let high = char::from_u32(((key >> 21) & 0x1F_FFFF) as u32);
    match (key & (3 << 62), high, low) {
        (KIND_BIGRAM, Some(a), Some(b)) => [a, b].iter().collect(),
        (_, _, Some(c)) => c.to_string(),
        _ => String::new(),
    }
}

/// The terms of one page with their weight bytes (field bits + body count).
#[derive(Debug, Default)]
pub(crate) struct PageTerms {
    /// Bigrams and single characters, in the order first seen.
    pub packed: Vec<(u64, u8)>,
    /// Words, in no particular order.
    pub words: Vec<(String, u8)>,
}

/// Bits of a packed key that no key uses (between its characters and its kind): a slot
/// of [`KeyWeights`] keeps the weight byte there.
const WEIGHT_SHIFT: u32 = 42;
const KEY_MASK: u64 = !(0xFF << WEIGHT_SHIFT);

/// A page's packed keys with their weights: an open-addressing table kept from page to
/// page. Counting a page's bigrams this way, instead of sorting every occurrence, was
/// the largest cut in the cost of tokenising.
#[derive(Default)]
struct KeyWeights {
    /// A key with its weight in [`WEIGHT_SHIFT`]'s bits; 0 (never a key) marks a free
    /// slot. A power of two long.
    slots: Vec<u64>,
    /// Indices of the used slots, in the order their keys were first seen.
    used: Vec<u32>,
    /// 64 − log₂ of the slot count: a key's home slot is the top bits of its hash.
    shift: u32,
}

/// `slot` with `field_bits` added to its weight ([`add_weight`]).
fn with_weight(slot: u64, field_bits: u8) -> u64 {
    let mut weight = (slot >> WEIGHT_SHIFT) as u8;
    add_weight(&mut weight, field_bits);
    (slot & KEY_MASK) | (u64::from(weight) << WEIGHT_SHIFT)
}

impl KeyWeights {
    #[inline]
    fn add(&mut self, key: u64, field_bits: u8) {
        if self.used.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut index = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        while let Some(slot) = self.slots.get_mut(index) {
            if *slot & KEY_MASK == key {
                *slot = with_weight(*slot, field_bits);
                return;
            }
            if *slot == 0 {
                *slot = with_weight(key, field_bits);
                self.used.push(index as u32);
                return;
            }
            index = (index + 1) & mask;
        }
    }

    /// Doubles the table (at least 1,024 slots) and puts the keys back, in their order.
    #[cold]
    fn grow(&mut self) {
        let capacity = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![0; capacity]);
        self.shift = 64 - capacity.trailing_zeros();
        let used = std::mem::take(&mut self.used);
        for slot in used
            .into_iter()
            .filter_map(|i| old.get(i as usize).copied())
        {
            self.insert_slot(slot);
        }
    }

    fn insert_slot(&mut self, slot: u64) {
        let mask = self.slots.len() - 1;
        let key = slot & KEY_MASK;
        let mut index = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        while let Some(free) = self.slots.get_mut(index) {
            if *free == 0 {
                *free = slot;
                self.used.push(index as u32);
                return;
            }
            index = (index + 1) & mask;
        }
    }

    /// Every key with its weight, first seen first; the table is empty afterwards.
    fn drain(&mut self) -> Vec<(u64, u8)> {
        let slots = &mut self.slots;
        self.used
            .drain(..)
            .filter_map(|i| slots.get_mut(i as usize).map(std::mem::take))
            .map(|slot| (slot & KEY_MASK, (slot >> WEIGHT_SHIFT) as u8))
            .collect()
    }
}

/// Marks a [`normalized_bmp`] entry whose character is Han.
const HAN_FLAG: u32 = 1 << 31;

/// [`normalize_char`] of every character of the Basic Multilingual Plane, where all but a
/// few rare characters of a text are, with [`HAN_FLAG`] when the result is Han: one
/// lookup instead of a chain of tests per character.
fn normalized_bmp() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=0xFFFF_u32)
            .map(|u| char::from_u32(u).map_or(u32::from(' '), normalized_entry))
            .collect()
    })
}

fn normalized_entry(c: char) -> u32 {
    let n = normalize_char(c);
    if is_han(n) {
        n as u32 | HAN_FLAG
    } else {
        n as u32
    }
}

/// [`normalize_char`] of `c` and whether that is Han, through `table`
/// ([`normalized_bmp`]) when `c` is in it.
#[inline]
fn normalize_with(table: &[u32], c: char) -> (char, bool) {
    let entry = match table.get(c as usize) {
        Some(n) => *n,
        None => normalized_entry(c),
    };
    let n = char::from_u32(entry & !HAN_FLAG).unwrap_or(' ');
    (n, entry & HAN_FLAG != 0)
}

/// Collects one page's terms. Meant to be reused page after page (see
/// [`TermCollector::finish`]): its buffers keep their capacity.
#[derive(Default)]
pub(crate) struct TermCollector {
    keys: KeyWeights,
    words: FastMap<String, u8>,
    word: String,
}

fn add_weight(slot: &mut u8, field_bits: u8) {
    if field_bits == 0 {
        let count = (*slot >> BODY_SHIFT).saturating_add(1).min(BODY_MAX);
        *slot = (*slot & 7) | (count << BODY_SHIFT);
    } else {
        *slot |= field_bits;
    }
}

impl TermCollector {
    /// Adds a text of `field_bits` (0 for the body).
    pub fn add_text(&mut self, text: &str, field_bits: u8) {
        let mut previous_han: Option<char> = None;
        let mut word = std::mem::take(&mut self.word);
        word.clear();
        let table = normalized_bmp();
        for (c, han) in text.chars().map(|c| normalize_with(table, c)) {
            if han {
                if !word.is_empty() {
                    self.flush_word(&mut word, field_bits);
                }
                if let Some(p) = previous_han {
                    self.keys.add(bigram_key(p, c), field_bits);
                }
                if field_bits & field::TITLE != 0 {
                    self.keys.add(unigram_key(c), field_bits);
                }
                previous_han = Some(c);
            } else {
                previous_han = None;
                if c == ' ' {
                    self.flush_word(&mut word, field_bits);
                } else {
                    word.push(c);
                }
            }
        }
        self.flush_word(&mut word, field_bits);
        self.word = word;
    }

    /// Adds the dictionary words of three or more Han characters in `text`.
    pub fn add_dictionary_words(&mut self, text: &str, field_bits: u8) {
        for word in dictionary_words(text) {
            self.add_word(&word, field_bits);
        }
    }

    /// Adds a whole short value (a tag, a city) as one word, if it has two or more
    /// Han characters, besides its bigrams.
    pub fn add_value(&mut self, value: &str, field_bits: u8) {
        self.add_text(value, field_bits);
        let normalized: String = value.chars().map(normalize_char).collect();
        let normalized = normalized.trim();
        let chars = normalized.chars().count();
        if (3..=MAX_WORD_CHARS).contains(&chars) && normalized.chars().all(is_han) {
            self.add_word(normalized, field_bits);
        }
    }

    fn add_word(&mut self, word: &str, field_bits: u8) {
        if let Some(slot) = self.words.get_mut(word) {
            add_weight(slot, field_bits);
        } else {
            add_weight(self.words.entry(word.to_owned()).or_default(), field_bits);
        }
    }

    fn flush_word(&mut self, word: &mut String, field_bits: u8) {
        if !word.is_empty() && word.chars().count() <= MAX_WORD_CHARS {
            self.add_word(word, field_bits);
        }
        word.clear();
    }

    /// The collected terms; the collector is empty again afterwards.
    pub fn finish(&mut self) -> PageTerms {
        PageTerms {
            packed: self.keys.drain(),
            words: self.words.drain().collect(),
        }
    }
}

/// The dictionary words (jieba) of three or more Han characters in `text`, normalised.
pub(crate) fn dictionary_words(text: &str) -> Vec<String> {
    let normalized: String = text.chars().map(normalize_char).collect();
    dictionary()
        .cut(&normalized, false)
        .into_iter()
        .map(|token| token.word)
        .filter(|word| {
            (3..=MAX_WORD_CHARS).contains(&word.chars().count()) && word.chars().all(is_han)
        })
        .map(str::to_owned)
        .collect()
}

/// jieba with its embedded dictionary, loaded once (it takes a moment).
pub(crate) fn dictionary() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(terms: &PageTerms) -> Vec<String> {
        let mut all: Vec<String> = terms.packed.iter().map(|(k, _)| key_text(*k)).collect();
        all.extend(terms.words.iter().map(|(w, _)| w.clone()));
        all
    }

    #[test]
    fn body_yields_overlapping_bigrams_and_words_not_crossing_punctuation() {
        let mut c = TermCollector::default();
        c.add_text("防城港，ICP备2024", 0);
        let terms = c.finish();
        let mut all = texts(&terms);
        all.sort();
        assert_eq!(all, ["2024", "icp", "城港", "防城"]);
    }

    #[test]
    fn traditional_text_gives_simplified_terms() {
        let mut c = TermCollector::default();
        c.add_text("梧州市科協", 0);
        let all = texts(&c.finish());
        assert!(all.contains(&"科协".to_owned()), "{all:?}");
    }

    #[test]
    fn body_counts_and_field_bits_share_the_weight_byte() {
        let mut c = TermCollector::default();
        c.add_text("四长四长四长", 0);
        c.add_text("四长", field::TITLE);
        let terms = c.finish();
        let weight = terms
            .packed
            .iter()
            .find(|(k, _)| *k == bigram_key('四', '长'))
            .map(|(_, w)| *w);
        assert_eq!(weight, Some((3 << BODY_SHIFT) | field::TITLE));
    }

    #[test]
    fn title_characters_are_indexed_alone_for_one_character_queries() {
        let mut c = TermCollector::default();
        c.add_text("科普", field::TITLE);
        let all = texts(&c.finish());
        assert!(all.contains(&"科".to_owned()) && all.contains(&"普".to_owned()));
    }

    #[test]
    fn dictionary_words_of_three_characters_or_more_are_kept() {
        let mut c = TermCollector::default();
        c.add_dictionary_words("中华人民共和国科学技术协会", field::HEADING);
        let terms = c.finish();
        assert!(
            terms.words.iter().all(|(w, _)| w.chars().count() >= 3),
            "{:?}",
            terms.words
        );
        assert!(!terms.words.is_empty());
    }

    #[test]
    fn the_key_table_keeps_every_key_and_weight_through_growth() {
        let mut table = KeyWeights::default();
        let keys: Vec<u64> = (0..5_000u32)
            .filter_map(char::from_u32)
            .map(|c| bigram_key(c, '州'))
            .collect();
        for key in &keys {
            table.add(*key, 0);
            table.add(*key, field::META);
        }
        let drained = table.drain();
        let expected: Vec<(u64, u8)> = keys
            .iter()
            .map(|k| (*k, (1 << BODY_SHIFT) | field::META))
            .collect();
        assert_eq!(drained, expected);
        table.add(keys[0], 0);
        assert_eq!(table.drain(), [(keys[0], 1 << BODY_SHIFT)]);
    }

    #[test]
    fn the_normalisation_table_agrees_with_normalize_char() {
        let table = normalized_bmp();
        for c in ['梧', '協', 'Ａ', 'Q', '，', '　', '𠀀', 'İ', '1'] {
            let n = normalize_char(c);
            assert_eq!(normalize_with(table, c), (n, is_han(n)), "{c}");
        }
    }

    #[test]
    fn a_reused_collector_starts_each_page_empty() {
        let mut c = TermCollector::default();
        c.add_text("科协 icp", field::TITLE);
        let first = c.finish();
        c.add_text("防城", 0);
        let second = c.finish();
        assert_eq!(texts(&first).len(), 4, "{:?}", texts(&first));
        assert_eq!(texts(&second), ["防城"]);
    }

    #[test]
    fn keys_round_trip_to_text() {
        assert_eq!(key_text(bigram_key('梧', '州')), "梧州");
        assert_eq!(key_text(unigram_key('𠀀')), "𠀀");
    }
}
