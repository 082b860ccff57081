//! Counts shown in an article header: 字数 (Han characters plus Latin words) and the
//! reading time, at about 400 Han characters or 200 Latin words a minute.

use super::{is_common_punctuation, is_han};

/// Han characters read per minute.
const HAN_PER_MINUTE: usize = 400;
/// Latin words read per minute.
const LATIN_WORDS_PER_MINUTE: usize = 200;

/// What [`text_stats`] counts in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct TextStats {
    /// Han characters (汉字), punctuation excluded.
    pub han_chars: usize,
    /// Runs of letters or digits outside Han (`Rust`, `2024`, `café`).
    pub latin_words: usize,
    /// `han_chars + latin_words`: the 字数 shown to readers.
    pub char_count: usize,
    /// Minutes to read (阅读时间), rounded up; at least 1 when anything was counted,
    /// 0 when nothing was.
    pub reading_minutes: u32,
}

/// Counts the Han characters and Latin words of `text` (plain text, not HTML) and the
/// minutes it takes to read.
pub fn text_stats(text: &str) -> TextStats {
    let mut han_chars = 0;
    let mut latin_words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_han(c) {
            han_chars += 1;
            in_word = false;
        } else if !is_common_punctuation(c) && c.is_alphanumeric() {
            if !in_word {
                latin_words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    TextStats {
        han_chars,
        latin_words,
        char_count: han_chars + latin_words,
        reading_minutes: reading_minutes(han_chars, latin_words),
    }
}

/// Minutes for both kinds of text together, rounded up; a Latin word weighs as much as
/// `HAN_PER_MINUTE / LATIN_WORDS_PER_MINUTE` Han characters.
fn reading_minutes(han_chars: usize, latin_words: usize) -> u32 {
    if han_chars == 0 && latin_words == 0 {
        return 0;
    }
    let weight = HAN_PER_MINUTE / LATIN_WORDS_PER_MINUTE;
    let han_equivalent = han_chars.saturating_add(latin_words.saturating_mul(weight));
    let minutes = han_equivalent.div_ceil(HAN_PER_MINUTE).max(1);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(han_chars: usize, latin_words: usize, reading_minutes: u32) -> TextStats {
        TextStats {
            han_chars,
            latin_words,
            char_count: han_chars + latin_words,
            reading_minutes,
        }
    }

    #[test]
    fn counts_han_and_latin_words() {
        let cases = [
            ("", stats(0, 0, 0)),
            ("   \n", stats(0, 0, 0)),
            ("。，「」", stats(0, 0, 0)),
            ("科协改革进行时", stats(7, 0, 1)),
            ("“四长”资源，汇聚！", stats(6, 0, 1)),
            ("2024年科普日 Science Day", stats(4, 3, 1)),
            ("Rust 与 C++ 的 café", stats(2, 3, 1)),
            ("ＡＢＣ １２３", stats(0, 2, 1)),
        ];
        for (text, want) in cases {
            assert_eq!(text_stats(text), want, "text_stats({text:?})");
        }
    }

    #[test]
    fn reading_time_rounds_up_at_400_han_or_200_words_a_minute() {
        assert_eq!(text_stats(&"字".repeat(400)).reading_minutes, 1);
        assert_eq!(text_stats(&"字".repeat(401)).reading_minutes, 2);
        assert_eq!(text_stats(&"word ".repeat(200)).reading_minutes, 1);
        assert_eq!(text_stats(&"word ".repeat(201)).reading_minutes, 2);
        let mixed = format!("{}{}", "字".repeat(200), " word".repeat(100));
        assert_eq!(text_stats(&mixed).reading_minutes, 1);
        assert_eq!(text_stats(&format!("{mixed} more")).reading_minutes, 2);
    }
}
