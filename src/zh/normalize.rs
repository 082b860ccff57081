//! Search normalisation: one character in, one character out, so that a position in
//! the normalised text is the position in the original. Traditional characters become
//! Simplified (a character table; a full phrase-aware OpenCC conversion can replace
//! [`simplify_char`] later), full-width forms become half-width, Latin letters are
//! lower-cased, and everything that is neither a letter nor a digit becomes a space.
//! The search client in `src/search/client/` applies exactly the same rules.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{is_common_punctuation, is_han};

/// The table from the Unicode Character Database; see the file's header.
const T2S_TABLE: &str = include_str!("data/t2s.txt");

/// The first and last character of the dense part of the table: CJK Extension A and
/// the Unified Ideographs, where nearly every Traditional character is.
const DENSE_FIRST: u32 = 0x3400;
const DENSE_LAST: u32 = 0x9FFF;

/// The table as a direct lookup over the dense range (one array access per character
/// of every indexed text) and a map for the rest.
struct T2s {
    dense: Vec<char>,
    rest: HashMap<char, char>,
}

fn t2s_table() -> &'static T2s {
    static TABLE: OnceLock<T2s> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut dense: Vec<char> = (DENSE_FIRST..=DENSE_LAST)
            .map(|c| char::from_u32(c).unwrap_or(' '))
            .collect();
        let mut rest = HashMap::new();
        for (t, s) in t2s_pairs() {
            match dense.get_mut((t as u32).wrapping_sub(DENSE_FIRST) as usize) {
                Some(slot) => *slot = s,
                None => {
                    rest.insert(t, s);
                }
            }
        }
        T2s { dense, rest }
    })
}

/// Every (Traditional, Simplified) pair of the character table, in table order.
pub fn t2s_pairs() -> impl Iterator<Item = (char, char)> {
    T2S_TABLE
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut chars = line.chars();
            match (chars.next(), chars.next(), chars.next()) {
                (Some(t), Some(s), None) => Some((t, s)),
                _ => None,
            }
        })
}

/// The Simplified form of a Traditional character; any other character unchanged.
pub fn simplify_char(c: char) -> char {
    let table = t2s_table();
    match table
        .dense
        .get((c as u32).wrapping_sub(DENSE_FIRST) as usize)
    {
        Some(s) => *s,
        None => table.rest.get(&c).copied().unwrap_or(c),
    }
}

/// Full-width ASCII forms (Ａ, １, ！) and the ideographic space to their half-width
/// counterparts.
pub fn to_half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// One character as the index sees it: Simplified, half-width, lower case; a space for
/// punctuation, symbols and white space.
pub fn normalize_char(c: char) -> char {
    let c = simplify_char(to_half_width(c));
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            ' '
        };
    }
    // Answered here, before the slow Unicode property lookup below.
    if is_common_punctuation(c) {
        return ' ';
    }
    if is_han(c) {
        return c;
    }
    if !c.is_alphanumeric() {
        return ' ';
    }
    lower_single(c)
}

/// Lower case when that is a single character (the rule JavaScript's `toLowerCase`
/// agrees with); `İ` and the like stay as they are.
fn lower_single(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// [`normalize_char`] over a text; the result has as many characters as the input.
pub fn normalize(text: &str) -> String {
    text.chars().map(normalize_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_becomes_simplified_and_simplified_stays() {
        let cases = [
            ("創新服務學術活動", "创新服务学术活动"),
            ("廣西壯族自治區", "广西壮族自治区"),
            ("梧州市科協", "梧州市科协"),
            ("科学技术协会", "科学技术协会"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "{input}");
        }
    }

    #[test]
    fn full_width_becomes_half_width_and_latin_is_lower_cased() {
        assert_eq!(normalize("ＩＣＰ备１２３"), "icp备123");
        assert_eq!(normalize("Zola ÉTÉ"), "zola été");
    }

    #[test]
    fn punctuation_and_symbols_become_spaces_one_for_one() {
        let input = "「四长」，科协。——(试点)!";
        let output = normalize(input);
        assert_eq!(output, " 四长  科协    试点  ");
        assert_eq!(output.chars().count(), input.chars().count());
    }

    #[test]
    fn table_pairs_are_single_characters_and_never_identity() {
        let pairs: Vec<(char, char)> = t2s_pairs().collect();
        assert!(pairs.len() > 2000, "{} pairs", pairs.len());
        assert!(pairs.iter().all(|(t, s)| t != s));
    }
}
