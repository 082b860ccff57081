//! The segmentation dictionary: jieba's word list, embedded, loaded for one set of texts
//! with only the entries that can occur in them (loading all 349,045 entries took
//! longer than cutting every title and heading of a 10,000-page site), and the cuts of
//! a site's titles and headings into its words.

use jieba_rs::Jieba;

use super::docs::flatten_headings;
use super::postings::{FastMap, FastSet};
use super::tokens::{normalize_text, words_of_normalized};
use crate::content::Page;
use crate::markdown::Rendered;

/// jieba's word list, `word frequency part-of-speech` a line (see `jieba/NOTICE.md`).
const WORDS: &str = include_str!("jieba/dict.txt");

/// The sum of the frequencies in [`WORDS`]: a cut weighs a word by its frequency's share
/// of this total.
const TOTAL_FREQUENCY: usize = 60_101_964;

/// An entry standing for the words left out, so that those kept keep their share of the
/// total: a noncharacter, which no text holds.
const PADDING_WORD: &str = "\u{FFFF}";

/// jieba with the entries of its dictionary whose every two adjacent characters occur
/// together in one of `texts` (single characters: that occur), which are normalised
/// already (`tokens::normalize_text`), as they will be cut. It cuts those texts exactly
/// as the whole dictionary does: a cut only weighs words found in the text, by their
/// frequency and the total, which a padding entry keeps as it was.
pub(crate) fn for_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Jieba {
    let seen = Seen::of(texts);
    let mut kept = String::new();
    let mut kept_total = 0;
    for line in WORDS.lines() {
        let mut fields = line.split(' ');
        let word = fields.next().unwrap_or_default();
        if seen.may_hold(word) {
            kept_total += fields
                .next()
                .and_then(|f| f.parse::<usize>().ok())
                .unwrap_or(0);
            kept.push_str(line);
            kept.push('\n');
        }
    }
    let mut jieba = Jieba::with_dict(&mut kept.as_bytes()).unwrap_or_else(|_| Jieba::empty());
    if let Some(rest) = TOTAL_FREQUENCY.checked_sub(kept_total).filter(|r| *r > 0) {
        jieba.add_word(PADDING_WORD, Some(rest), None);
    }
    jieba
}

/// The dictionary words of some texts (the titles and headings of a site), by the text
/// as written. A heading repeats across pages (一、指导思想): each distinct text is cut
/// once for the whole site.
pub(crate) struct Cuts {
    words: FastMap<String, Vec<String>>,
}

impl Cuts {
    /// Loads the dictionary for `texts` ([`for_texts`]) and cuts each of them.
    pub fn of(texts: FastSet<String>) -> Cuts {
        let texts: Vec<(String, String)> = texts
            .into_iter()
            .map(|text| {
                let normalized = normalize_text(&text);
                (text, normalized)
            })
            .collect();
        let dictionary = for_texts(texts.iter().map(|(_, normalized)| normalized.as_str()));
        let words = texts
            .into_iter()
            .map(|(text, normalized)| (text, words_of_normalized(&dictionary, &normalized)))
            .collect();
        Cuts { words }
    }

    /// The dictionary words of `text`, one of the texts cut; none for any other.
    pub fn of_text(&self, text: &str) -> &[String] {
        self.words.get(text).map_or(&[], Vec::as_slice)
    }
}

/// The titles and headings of the `pages` with `in_search_index`, each once. Expired
/// pages, which the index leaves out, are among them: which pages are listed is known
/// only once the portal is built, and their cuts are simply never looked up.
pub(crate) fn texts_to_cut<'a>(
    pages: impl Iterator<Item = (&'a Page, &'a Rendered)>,
) -> FastSet<String> {
    let mut texts = FastSet::default();
    let mut headings = Vec::new();
    for (page, html) in pages.filter(|(p, _)| p.meta.in_search_index) {
        headings.clear();
        flatten_headings(&html.toc, &mut headings);
        for text in std::iter::once(page.meta.title.as_str()).chain(headings.iter().copied()) {
            if !texts.contains(text) {
                texts.insert(text.to_owned());
            }
        }
    }
    texts
}

/// The characters and pairs of adjacent characters of some texts.
#[derive(Default)]
struct Seen {
    chars: FastSet<char>,
    pairs: FastSet<(char, char)>,
}

impl Seen {
    fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Seen {
        let mut seen = Seen::default();
        for text in texts {
            let mut previous = None;
            for c in text.chars() {
                seen.chars.insert(c);
                if let Some(p) = previous {
                    seen.pairs.insert((p, c));
                }
                previous = Some(c);
            }
        }
        seen
    }

    /// False when `word` cannot occur in the texts.
    fn may_hold(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(mut previous) = chars.next() else {
            return false;
        };
        if !self.chars.contains(&previous) {
            return false;
        }
        for c in chars {
            if !self.pairs.contains(&(previous, c)) {
                return false;
            }
            previous = c;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn the_total_is_the_sum_of_the_word_list() -> TestResult {
        let sum = WORDS
            .lines()
            .filter_map(|line| line.split(' ').nth(1))
            .map(str::parse::<usize>)
            .sum::<Result<usize, _>>()?;
        assert_eq!(sum, TOTAL_FREQUENCY);
        assert!(!WORDS.contains(PADDING_WORD));
        Ok(())
    }

    #[test]
    fn a_dictionary_for_some_texts_cuts_them_as_the_whole_one() -> TestResult {
        let texts = [
            "中华人民共和国科学技术协会第十次全国代表大会在北京召开",
            "梧州市科协组织开展全国科普日主题活动",
            "防城港市四长联动推进基层科普工作",
            "南京市长江大桥",
            "研究生命起源",
            "廣西壯族自治區科學技術協會",
            "结婚的和尚未结婚的",
            "icp备2024号 5g基站建设 ai",
            "",
            "科",
        ];
        let texts = texts.map(super::super::tokens::normalize_text);
        let whole = Jieba::with_dict(&mut WORDS.as_bytes())?;
        let trimmed = for_texts(texts.iter().map(String::as_str));
        for text in &texts {
            let words = |jieba: &Jieba| -> Vec<String> {
                jieba
                    .cut(text, false)
                    .into_iter()
                    .map(|t| t.word.to_owned())
                    .collect()
            };
            assert_eq!(words(&trimmed), words(&whole), "{text}");
        }
        Ok(())
    }

    #[test]
    fn cuts_are_found_by_the_text_as_written() {
        let texts = ["全国科学技术大会", "一、指导思想", "中華人民共和國"];
        let cuts = Cuts::of(texts.iter().map(|t| (*t).to_owned()).collect());
        assert_eq!(cuts.of_text("全国科学技术大会"), ["科学技术"]);
        assert_eq!(cuts.of_text("一、指导思想"), ["指导思想"]);
        // Cut as the index sees it (Simplified), found as written.
        assert_eq!(cuts.of_text("中華人民共和國"), ["中华人民共和国"]);
        assert!(
            cuts.of_text("科学技术").is_empty(),
            "not among the texts cut"
        );
    }

    #[test]
    fn dictionary_words_of_three_characters_or_more_are_kept() {
        let text = "中华人民共和国科学技术协会";
        let cuts = Cuts::of(std::iter::once(text.to_owned()).collect());
        let words = cuts.of_text(text);
        assert!(words.iter().all(|w| w.chars().count() >= 3), "{words:?}");
        assert!(!words.is_empty());
    }

    #[test]
    fn only_words_the_texts_can_hold_are_kept() {
        let seen = Seen::of(["科学技术"]);
        assert!(seen.may_hold("科学") && seen.may_hold("技术") && seen.may_hold("科"));
        assert!(!seen.may_hold("科技") && !seen.may_hold("协会") && !seen.may_hold(""));
    }
}
