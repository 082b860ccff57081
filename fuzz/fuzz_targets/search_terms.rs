//! The search tokeniser on both sides: the index terms of a text (bigrams, title
//! characters, words, dictionary words, values) and the character normalisation the
//! query applies, which must keep one character per character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use menhu::search::index_terms;
use menhu::zh;

fuzz_target!(|text: &str| {
    let normalized = zh::normalize(text);
    assert_eq!(normalized.chars().count(), text.chars().count());
    for term in index_terms(text) {
        assert!(!term.is_empty() && !term.contains(' '), "{term:?}");
    }
});
