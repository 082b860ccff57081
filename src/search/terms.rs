//! The tokeniser seen from outside the index: the terms one text yields in every field,
//! as text. Used by the fuzz targets (`fuzz/`) and by tests; the build itself packs
//! terms with [`super::tokens::TermCollector`] directly.

use super::dictionary::Cuts;
use super::tokens::{TermCollector, field, key_and_weight, key_text};

/// Every term the index would keep for `text` used as a page's title, a heading, a
/// tag-like value and its body at once: Han bigrams and title characters, Latin and
/// digit words, and dictionary words. Sorted, without repeats.
pub fn index_terms(text: &str) -> Vec<String> {
    // Cut as a build cuts titles and headings.
    let cuts = Cuts::of(std::iter::once(text.to_owned()).collect());
    let mut terms = TermCollector::default();
    terms.add_text(text, field::TITLE);
    terms.add_words(cuts.of_text(text), field::TITLE);
    terms.add_text(text, field::HEADING);
    terms.add_words(cuts.of_text(text), field::HEADING);
    terms.add_value(text, field::META);
    terms.add_text(text, 0);
    let collected = terms.finish();
    let mut all: Vec<String> = collected
        .packed
        .iter()
        .map(|entry| key_text(key_and_weight(*entry).0))
        .collect();
    all.extend(collected.words.into_iter().map(|(word, _)| word));
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mixed_text_gives_bigrams_title_characters_and_words() {
        let terms = index_terms("梧州科協 ICP");
        for expected in ["梧州", "科协", "梧", "icp"] {
            assert!(
                terms.iter().any(|t| t == expected),
                "{expected} in {terms:?}"
            );
        }
    }
}
