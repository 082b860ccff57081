//! Chinese text as pure functions with no site types: pinyin slugs for URLs and file
//! names, Simplified ↔ Traditional conversion (简繁, OpenCC's tables in `data/opencc/`
//! compiled into automata shared by all threads), Han-character tests, the counts
//! shown in an article header (字数, 阅读时间), and the normalisation that search applies
//! to texts and queries (繁→简 per character, 全角, case).
//! A leaf module: it uses nothing else from the crate.

mod convert;
mod normalize;
mod opencc;
mod pinyin;
mod text;
mod written;

pub use self::convert::{
    prepare_traditional, push_traditional, to_simplified, to_traditional, traditional_chars,
    traditional_phrases,
};
pub use self::normalize::{normalize, normalize_char, simplify_char, t2s_pairs, to_half_width};
pub use self::pinyin::{pinyin_compact, slugify};
pub use self::text::{TextStats, text_stats};
pub use self::written::{Restore, is_chinese_tag, is_traditional_tag};

/// True for a Han character (汉字): the CJK Unified Ideographs blocks with their
/// extensions, the compatibility ideographs, and 〇. Punctuation such as 「」、。 is not Han.
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3007}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}'
            | '\u{30000}'..='\u{323AF}'
    )
}

/// Chinese and general punctuation, none of it letters or digits: answered without
/// `char::is_alphanumeric`, whose Unicode table lookup made counting a page's characters
/// cost as much as a tenth of rendering its Markdown. Most of what is neither Han nor
/// ASCII in a text.
pub(crate) fn is_common_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{2000}'..='\u{206F}' // general punctuation: ‐ – — ‘ ’ “ ” … ‧ and spaces
            | '\u{3000}'..='\u{3004}' // 　、。〃〄
            | '\u{3008}'..='\u{3020}' // 〈〉《》「」『』【】〔〕 …
            | '\u{FF01}'..='\u{FF0F}' // ！＂＃＄％＆＇（）＊＋，－．／
            | '\u{FF1A}'..='\u{FF20}' // ：；＜＝＞？＠
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_punctuation_is_neither_letter_nor_digit() {
        let ranges = [
            ('\u{2000}', '\u{206F}'),
            ('\u{3000}', '\u{3004}'),
            ('\u{3008}', '\u{3020}'),
            ('\u{FF01}', '\u{FF0F}'),
            ('\u{FF1A}', '\u{FF20}'),
        ];
        for (first, last) in ranges {
            for c in first..=last {
                assert!(is_common_punctuation(c));
                assert!(!c.is_alphanumeric() && !is_han(c), "{c:?}");
            }
        }
        for c in ['〇', '々', 'Ａ', '１', 'a', '科'] {
            assert!(!is_common_punctuation(c), "{c:?}");
        }
    }

    #[test]
    fn han_characters_are_recognised_and_punctuation_is_not() {
        for c in ['汉', '梧', '〇', '㐀', '𠀀', '鿿', '豈'] {
            assert!(is_han(c), "{c} should be Han");
        }
        for c in [
            'a', '1', '「', '」', '、', '。', '，', '—', '…', 'Ａ', ' ', 'あ', '한',
        ] {
            assert!(!is_han(c), "{c} should not be Han");
        }
    }
}
