//! Texts → index terms. Every Han character pair (overlapping bigrams) of the body,
//! headings, title and meta fields, so that any query of two or more characters that
//! occurs in a text finds it, names the dictionary lacks included; every Latin or digit
//! word; the title's single characters, so a one-character query still finds titles;
//! and the dictionary words (jieba) of three or more characters in title, headings and
//! meta fields, which rank a page higher when the whole query is such a word.
//! Bigrams and single characters are packed into `u64` keys to keep the per-page work
//! free of allocations; words are strings. Most bigrams are counted in a [`PairGrid`],
//! the rest (and single characters) in a [`KeyWeights`] table.

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
    /// Bigrams and single characters, in the order first seen, each a key with its
    /// weight byte in the bits no key uses ([`key_and_weight`]).
    pub packed: Vec<u64>,
    /// Words, in no particular order.
    pub words: Vec<(String, u8)>,
    /// Characters of the body text.
    pub body_chars: usize,
}

/// Bits of a packed key that no key uses (between its characters and its kind): a slot
/// of [`KeyWeights`] keeps the weight byte there.
const WEIGHT_SHIFT: u32 = 42;
const KEY_MASK: u64 = !(0xFF << WEIGHT_SHIFT);

/// A page's packed keys with their weights that the [`PairGrid`] does not count (title
/// characters, pairs with a character it has no number for): an open-addressing table
/// kept from page to page.
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

/// The key and the weight byte of an entry of [`PageTerms::packed`].
pub(crate) fn key_and_weight(entry: u64) -> (u64, u8) {
    (entry & KEY_MASK, (entry >> WEIGHT_SHIFT) as u8)
}

/// `slot` with `field_bits` added to its weight ([`add_weight`]).
fn with_weight(slot: u64, field_bits: u8) -> u64 {
    let mut weight = (slot >> WEIGHT_SHIFT) as u8;
    add_weight(&mut weight, field_bits);
    (slot & KEY_MASK) | (u64::from(weight) << WEIGHT_SHIFT)
}

fn home_slot(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl KeyWeights {
    #[inline]
    fn add(&mut self, key: u64, field_bits: u8) {
        if self.used.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut index = home_slot(key, self.shift);
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
        let mut index = home_slot(slot & KEY_MASK, self.shift);
        while let Some(free) = self.slots.get_mut(index) {
            if *free == 0 {
                *free = slot;
                self.used.push(index as u32);
                return;
            }
            index = (index + 1) & mask;
        }
    }

    /// Appends every key with its weight ([`key_and_weight`]) to `out`, first seen
    /// first; the table is empty afterwards.
    fn drain_into(&mut self, out: &mut Vec<u64>) {
        let slots = &mut self.slots;
        out.extend(
            self.used
                .drain(..)
                .filter_map(|i| slots.get_mut(i as usize).map(std::mem::take)),
        );
    }
}

/// Characters with a place in the [`PairGrid`]: the most frequent of jieba's word list,
/// most frequent first ([`common_chars`]). Pairs with any other character go to the
/// [`KeyWeights`] table. 2,048 places hold about 93% of the pairs of the benchmark's
/// text, in a 4 MiB grid per thread. 1,024 places (1 MiB) hold 85%, and tokenising
/// took about a tenth longer with them.
const GRID_CHARS: usize = 2048;

/// Han characters by how often they occur in jieba's word list (each word's characters
/// counted by the word's frequency), most frequent first; `tools/gen_common_chars.py`
/// writes the file.
const COMMON_CHARS: &str = include_str!("jieba/common_chars.txt");

/// The first [`GRID_CHARS`] characters of [`COMMON_CHARS`] that are Han and their own
/// normalisation, each once: the characters a [`PairGrid`] counts pairs of.
fn common_chars() -> &'static [char] {
    static CHARS: OnceLock<Vec<char>> = OnceLock::new();
    CHARS.get_or_init(|| {
        let mut seen = std::collections::HashSet::new();
        COMMON_CHARS
            .chars()
            .filter(|c| is_han(*c) && normalize_char(*c) == *c && seen.insert(*c))
            .take(GRID_CHARS)
            .collect()
    })
}

/// A page's bigrams of two [`common_chars`], counted in a grid indexed by the places
/// of the two characters. An occurrence costs one memory access, with no probing and
/// no branch on whether the pair is new (which cannot be predicted): about half the
/// cost of the table it relieves, where most of the time of tokenising went. The
/// places are fixed and come with the normalisation ([`normalized_bmp`]), so a
/// character costs one lookup, not a second one to number it for the page.
struct PairGrid {
    /// The weight byte of each pair, at `first · GRID_CHARS + second`.
    weights: Vec<u8>,
    /// Grid indices of the pairs seen, first seen first: the first `seen`. Kept longer
    /// than that, so that the next index can be written whether or not it is new.
    order: Vec<u32>,
    /// Pairs seen.
    seen: usize,
}

impl Default for PairGrid {
    fn default() -> Self {
        PairGrid {
            weights: vec![0; GRID_CHARS * GRID_CHARS],
            order: Vec::new(),
            seen: 0,
        }
    }
}

impl PairGrid {
    /// Makes room for the pairs of a text of `bytes` bytes (at most one a byte).
    fn reserve(&mut self, bytes: usize) {
        let needed = self.seen + bytes + 1;
        if self.order.len() < needed {
            self.order.resize(needed, 0);
        }
    }

    /// Adds `field_bits` to the pair of the characters at places `first` and `second`;
    /// `seen` is [`PairGrid::seen`], kept in a register by the caller.
    #[inline]
    fn add(&mut self, seen: &mut usize, first: usize, second: usize, field_bits: u8) {
        let index = first * GRID_CHARS + second;
        let Some(weight) = self.weights.get_mut(index) else {
            return;
        };
        let new = *weight == 0;
        add_weight(weight, field_bits);
        if let Some(next) = self.order.get_mut(*seen) {
            *next = index as u32;
        }
        *seen += usize::from(new);
    }

    /// Appends every pair with its weight ([`key_and_weight`]) to `out`, first seen
    /// first; the grid is empty afterwards.
    fn drain_into(&mut self, out: &mut Vec<u64>) {
        let seen = std::mem::take(&mut self.seen);
        let chars = common_chars();
        for index in self.order.iter().take(seen).map(|i| *i as usize) {
            let weight = self.weights.get_mut(index).map_or(0, std::mem::take);
            let first = chars.get(index / GRID_CHARS).copied().unwrap_or(' ');
            let second = chars.get(index % GRID_CHARS).copied().unwrap_or(' ');
            out.push(bigram_key(first, second) | (u64::from(weight) << WEIGHT_SHIFT));
        }
    }
}

// An entry of [`normalized_bmp`] holds the normalised character in its low 16 bits,
// then whether it is Han, then its place in the [`PairGrid`] plus one (0 for none). The
// place is passed on plus one, as a plain number: an `Option` made tokenising about 7%
// slower.

/// Marks an entry whose normalised character is Han.
const HAN_FLAG: u32 = 1 << 16;
/// Where an entry's place plus one starts.
const PLACE_SHIFT: u32 = 17;
/// The entry of a character whose normalised form does not fit in 16 bits.
const BEYOND_BMP: u32 = u32::MAX;

/// [`normalize_char`] of every character of the Basic Multilingual Plane, where all but a
/// few rare characters of a text are, with its grid place: one lookup instead of a
/// chain of tests per character.
fn normalized_bmp() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<u32> = (0..=0xFFFF_u32)
            .map(|u| char::from_u32(u).map_or(u32::from(' '), bmp_entry))
            .collect();
        // By the normalised character, so that a Traditional or full-width form takes
        // the place of the character it stands for.
        let mut places = vec![0_u32; 0x1_0000];
        for (place, c) in common_chars().iter().enumerate() {
            if let Some(slot) = places.get_mut(*c as usize) {
                *slot = (place as u32 + 1) << PLACE_SHIFT;
            }
        }
        for entry in table.iter_mut().filter(|e| **e != BEYOND_BMP) {
            *entry |= places.get((*entry & 0xFFFF) as usize).copied().unwrap_or(0);
        }
        table
    })
}

fn bmp_entry(c: char) -> u32 {
    let n = normalize_char(c);
    match u32::from(n) {
        beyond if beyond > 0xFFFF => BEYOND_BMP,
        bmp if is_han(n) => bmp | HAN_FLAG,
        bmp => bmp,
    }
}

/// [`normalize_char`] of `c`, whether that is Han, and its grid place plus one (0 for
/// none), through `table` ([`normalized_bmp`]) when `c` is in it.
#[inline]
fn normalize_with(table: &[u32], c: char) -> (char, bool, usize) {
    match table.get(c as usize) {
        Some(entry) if *entry != BEYOND_BMP => (
            char::from_u32(entry & 0xFFFF).unwrap_or(' '),
            entry & HAN_FLAG != 0,
            (entry >> PLACE_SHIFT) as usize,
        ),
        _ => {
            let n = normalize_char(c);
            (n, is_han(n), 0)
        }
    }
}

/// Collects one page's terms. Meant to be reused page after page (see
/// [`TermCollector::finish`]): its buffers keep their capacity.
#[derive(Default)]
pub(crate) struct TermCollector {
    grid: PairGrid,
    keys: KeyWeights,
    words: Words,
    /// Characters of the texts added as body.
    body_chars: usize,
}

/// A page's words (Latin and digit runs, dictionary words, whole values) with their
/// weights, and the word being read.
#[derive(Default)]
struct Words {
    weights: FastMap<String, u8>,
    current: String,
}

impl Words {
    fn add(&mut self, word: &str, field_bits: u8) {
        if let Some(slot) = self.weights.get_mut(word) {
            add_weight(slot, field_bits);
        } else {
            add_weight(self.weights.entry(word.to_owned()).or_default(), field_bits);
        }
    }

    /// Ends the word being read, keeping it unless it is too long to be a word.
    fn flush(&mut self, field_bits: u8) {
        let mut word = std::mem::take(&mut self.current);
        if !word.is_empty() && word.chars().count() <= MAX_WORD_CHARS {
            self.add(&word, field_bits);
        }
        word.clear();
        self.current = word;
    }
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
        let TermCollector {
            grid,
            keys,
            words,
            body_chars,
        } = self;
        let mut chars = 0;
        words.current.clear();
        grid.reserve(text.len());
        let mut seen = grid.seen;
        // The previous character when it was Han, with its grid place plus one.
        let mut previous_han: Option<(char, usize)> = None;
        let table = normalized_bmp();
        for (c, han, place) in text.chars().map(|c| normalize_with(table, c)) {
            chars += 1;
            if han {
                if !words.current.is_empty() {
                    words.flush(field_bits);
                }
                match previous_han {
                    Some((_, first)) if first != 0 && place != 0 => {
                        grid.add(&mut seen, first - 1, place - 1, field_bits);
                    }
                    Some((p, _)) => keys.add(bigram_key(p, c), field_bits),
                    None => {}
                }
                if field_bits & field::TITLE != 0 {
                    keys.add(unigram_key(c), field_bits);
                }
                previous_han = Some((c, place));
            } else {
                previous_han = None;
                if c == ' ' {
                    words.flush(field_bits);
                } else {
                    words.current.push(c);
                }
            }
        }
        words.flush(field_bits);
        grid.seen = seen;
        if field_bits == 0 {
            *body_chars += chars;
        }
    }

    /// Adds `words` (dictionary words, already cut) as they are.
    pub fn add_words(&mut self, words: &[String], field_bits: u8) {
        for word in words {
            self.words.add(word, field_bits);
        }
    }

    /// Adds a whole short value (a tag, a city) as one word, if it has two or more
    /// Han characters, besides its bigrams.
    pub fn add_value(&mut self, value: &str, field_bits: u8) {
        self.add_text(value, field_bits);
        let normalized = normalize_text(value);
        let normalized = normalized.trim();
        let chars = normalized.chars().count();
        if (3..=MAX_WORD_CHARS).contains(&chars) && normalized.chars().all(is_han) {
            self.words.add(normalized, field_bits);
        }
    }

    /// The collected terms; the collector is empty again afterwards.
    pub fn finish(&mut self) -> PageTerms {
        let mut packed = Vec::with_capacity(self.keys.used.len() + self.grid.seen);
        self.keys.drain_into(&mut packed);
        self.grid.drain_into(&mut packed);
        PageTerms {
            packed,
            words: self.words.weights.drain().collect(),
            body_chars: std::mem::take(&mut self.body_chars),
        }
    }
}

/// `text` as the index sees it ([`normalize_char`] of every character, through the
/// table).
pub(crate) fn normalize_text(text: &str) -> String {
    let table = normalized_bmp();
    text.chars().map(|c| normalize_with(table, c).0).collect()
}

/// The dictionary words (jieba) of three or more Han characters in `normalized`, a text
/// normalised already ([`normalize_text`]); `dictionary` is one made for this text
/// ([`super::dictionary::for_texts`]).
pub(crate) fn words_of_normalized(dictionary: &Jieba, normalized: &str) -> Vec<String> {
    dictionary
        .cut(normalized, false)
        .into_iter()
        .map(|token| token.word)
        .filter(|word| {
            (3..=MAX_WORD_CHARS).contains(&word.chars().count()) && word.chars().all(is_han)
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(terms: &PageTerms) -> Vec<String> {
        let mut all: Vec<String> = terms
            .packed
            .iter()
            .map(|e| key_text(key_and_weight(*e).0))
            .collect();
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
            .map(|e| key_and_weight(*e))
            .find(|(k, _)| *k == bigram_key('四', '长'))
            .map(|(_, w)| w);
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
    fn dictionary_words_join_the_same_word_from_other_fields() {
        let mut c = TermCollector::default();
        c.add_value("科学技术", field::META);
        c.add_words(&["科学技术".to_owned()], field::TITLE);
        c.add_words(&["科学技术".to_owned()], field::HEADING);
        let terms = c.finish();
        assert_eq!(
            terms.words,
            [(
                "科学技术".to_owned(),
                field::META | field::TITLE | field::HEADING
            )]
        );
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
        let mut drained = Vec::new();
        table.drain_into(&mut drained);
        let drained: Vec<(u64, u8)> = drained.into_iter().map(key_and_weight).collect();
        let expected: Vec<(u64, u8)> = keys
            .iter()
            .map(|k| (*k, (1 << BODY_SHIFT) | field::META))
            .collect();
        assert_eq!(drained, expected);
        table.add(keys[0], 0);
        let mut again = Vec::new();
        table.drain_into(&mut again);
        assert_eq!(
            again.into_iter().map(key_and_weight).collect::<Vec<_>>(),
            [(keys[0], 1 << BODY_SHIFT)]
        );
    }

    #[test]
    fn pairs_beyond_the_grid_are_counted_like_those_in_it() {
        // Characters with and without a place in the grid, and one outside the BMP:
        // pairs of two placed characters go to the grid, the others to the table, and
        // every pair is counted the same.
        let mut text: String = (0x4E00..0x4E00 + 2000)
            .filter_map(char::from_u32)
            .filter(|c| normalize_char(*c) == *c)
            .take(1500)
            .collect();
        text.push('𠀀');
        text.push('科');
        let placed = |c: &char| common_chars().contains(c);
        assert!(text.chars().any(|c| placed(&c)) && !text.chars().all(|c| placed(&c)));
        let mut c = TermCollector::default();
        c.add_text(&text, 0);
        c.add_text(&text, 0);
        c.add_text(&text, field::TITLE);
        let terms = c.finish();
        let chars: Vec<char> = text.chars().collect();
        let mut expected: Vec<(u64, u8)> = chars
            .windows(2)
            .map(|w| (bigram_key(w[0], w[1]), (2 << BODY_SHIFT) | field::TITLE))
            .collect();
        expected.extend(chars.iter().map(|c| (unigram_key(*c), field::TITLE)));
        expected.sort_unstable();
        let mut found: Vec<(u64, u8)> = terms.packed.into_iter().map(key_and_weight).collect();
        found.sort_unstable();
        assert_eq!(found, expected);
    }

    #[test]
    fn traditional_and_full_width_forms_count_as_the_character_they_stand_for() {
        // 術 has no place in the grid of its own; 术 has one.
        assert!(common_chars().contains(&'术') && !common_chars().contains(&'術'));
        let mut c = TermCollector::default();
        c.add_text("技術交流", 0);
        c.add_text("技术交流", field::TITLE);
        let found: Vec<(String, u8)> = c
            .finish()
            .packed
            .into_iter()
            .map(key_and_weight)
            .filter(|(k, _)| k & (3 << 62) == KIND_BIGRAM)
            .map(|(k, w)| (key_text(k), w))
            .collect();
        let weight = (1 << BODY_SHIFT) | field::TITLE;
        assert_eq!(
            found,
            [
                ("技术".into(), weight),
                ("术交".into(), weight),
                ("交流".into(), weight)
            ]
        );
    }

    #[test]
    fn texts_are_normalised_as_characters_are() {
        let text = "梧州市科協 ＩＣＰ備2024，İstanbul 𠀀";
        let expected: String = text.chars().map(normalize_char).collect();
        assert_eq!(normalize_text(text), expected);
    }

    #[test]
    fn the_normalisation_table_agrees_with_normalize_char() {
        let table = normalized_bmp();
        for c in ['梧', '協', 'Ａ', 'Q', '，', '　', '𠀀', 'İ', '1'] {
            let n = normalize_char(c);
            let (m, han, _) = normalize_with(table, c);
            assert_eq!((m, han), (n, is_han(n)), "{c}");
        }
    }

    #[test]
    fn a_reused_collector_starts_each_page_empty() {
        let mut c = TermCollector::default();
        c.add_text("科协 icp", field::TITLE);
        c.add_text("梧州𠀀 a", 0);
        let first = c.finish();
        c.add_text("防城", 0);
        let second = c.finish();
        assert_eq!(texts(&first).len(), 7, "{:?}", texts(&first));
        assert_eq!(texts(&second), ["防城"]);
        // Only body texts count towards the length, in characters.
        assert_eq!((first.body_chars, second.body_chars), (5, 2));
    }

    #[test]
    fn keys_round_trip_to_text() {
        assert_eq!(key_text(bigram_key('梧', '州')), "梧州");
        assert_eq!(key_text(unigram_key('𠀀')), "𠀀");
    }
}
