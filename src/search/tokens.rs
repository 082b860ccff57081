//! Texts → index terms. Every Han character pair (overlapping bigrams) of the body,
//! headings, title and meta fields, so that any query of two or more characters that
//! occurs in a text finds it, names the dictionary lacks included; every Latin or digit
//! word; the title's single characters, so a one-character query still finds titles;
//! and the dictionary words (jieba) of three or more characters in title, headings and
//! meta fields, which rank a page higher when the whole query is such a word.
//! Bigrams and single characters are packed into `u64` keys to keep the per-page work
//! free of allocations; words are strings.

use std::collections::HashMap;
use std::sync::OnceLock;

use jieba_rs::Jieba;

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
    /// Bigrams and single characters, sorted by key.
    pub packed: Vec<(u64, u8)>,
    /// Words, sorted.
    pub words: Vec<(String, u8)>,
}

/// The character bits of a packed key (two 21-bit code points).
const CHAR_BITS: u64 = (1 << 42) - 1;

/// One occurrence of a packed key in a field: the key's kind and characters moved down
/// to 44 bits, then the field bits. Sorting occurrences groups them by key in key order,
/// so a page's terms are counted with one sort instead of a hash map.
fn occurrence(key: u64, field_bits: u8) -> u64 {
    ((((key >> 62) << 42) | (key & CHAR_BITS)) << 3) | u64::from(field_bits & 7)
}

fn occurrence_key(occurrence: u64) -> u64 {
    ((occurrence >> 45) << 62) | ((occurrence >> 3) & CHAR_BITS)
}

/// Collects one page's terms. Meant to be reused page after page (see
/// [`TermCollector::finish`]): its buffers keep their capacity.
#[derive(Default)]
pub(crate) struct TermCollector {
    occurrences: Vec<u64>,
    words: HashMap<String, u8>,
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
        for c in text.chars().map(normalize_char) {
            if is_han(c) {
                self.flush_word(&mut word, field_bits);
                if let Some(p) = previous_han {
                    self.occurrences
                        .push(occurrence(bigram_key(p, c), field_bits));
                }
                if field_bits & field::TITLE != 0 {
                    self.occurrences
                        .push(occurrence(unigram_key(c), field_bits));
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
        self.add_words(&dictionary_words(text), field_bits);
    }

    /// Adds words already cut by [`dictionary_words`].
    pub fn add_words(&mut self, words: &[String], field_bits: u8) {
        for word in words {
            self.add_word(word, field_bits);
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

    /// The collected terms, sorted; the collector is empty again afterwards.
    pub fn finish(&mut self) -> PageTerms {
        self.occurrences.sort_unstable();
        let mut packed: Vec<(u64, u8)> = Vec::with_capacity(self.occurrences.len() / 2);
        for &o in &self.occurrences {
            let (key, field_bits) = (occurrence_key(o), (o & 7) as u8);
            match packed.last_mut() {
                Some((last, weight)) if *last == key => add_weight(weight, field_bits),
                _ => {
                    let mut weight = 0;
                    add_weight(&mut weight, field_bits);
                    packed.push((key, weight));
                }
            }
        }
        self.occurrences.clear();
        let mut words: Vec<(String, u8)> = self.words.drain().collect();
        words.sort_unstable();
        PageTerms { packed, words }
    }
}

/// The dictionary words (jieba) of three or more Han characters in `text`, normalised.
pub(crate) fn dictionary_words(text: &str) -> Vec<String> {
    let normalized: String = text.chars().map(normalize_char).collect();
    dictionary()
        .cut(&normalized, false)
        .into_iter()
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
    fn occurrences_keep_key_order_and_field_bits() {
        let keys = [
            bigram_key('梧', '州'),
            unigram_key('梧'),
            bigram_key('a', '𠀀'),
        ];
        for key in keys {
            for bits in [0, field::TITLE, field::META] {
                let o = occurrence(key, bits);
                assert_eq!((occurrence_key(o), (o & 7) as u8), (key, bits));
            }
        }
        let mut sorted = keys;
        sorted.sort_unstable();
        let mut by_occurrence = keys;
        by_occurrence.sort_unstable_by_key(|k| occurrence(*k, field::META));
        assert_eq!(sorted, by_occurrence);
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
