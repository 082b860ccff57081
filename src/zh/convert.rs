//! Simplified ↔ Traditional Chinese with OpenCC's phrase tables: its `s2t` for the
//! Traditional copy, its `t2s` for names and for pages written in Traditional, both on
//! the automata of [`super::opencc`], built once, on first use, and shared: they are
//! immutable.

use std::collections::HashMap;

/// Traditional → Simplified (`臺灣` → `台湾`, `後臺` → `后台`).
pub fn to_simplified(text: &str) -> String {
    super::opencc::t2s().convert(text)
}

/// Simplified → Traditional (`科学技术协会` → `科學技術協會`, `头发` → `頭髮`).
pub fn to_traditional(text: &str) -> String {
    super::opencc::s2t().convert(text)
}

/// Compiles the Simplified → Traditional tables now (they take a fraction of a second),
/// so that a build about to need them can do it alongside other work.
pub fn prepare_traditional() {
    super::opencc::s2t();
}

/// Appends `text` in Traditional to `out`: [`to_traditional`] without a new string.
pub fn push_traditional(text: &str, out: &mut String) {
    super::opencc::s2t().convert_into(text, out);
}

/// Every CJK unified ideograph whose Traditional form is a single different character,
/// as (Simplified, Traditional) pairs: a character-level table for clients that cannot
/// carry OpenCC's phrase dictionaries.
pub fn traditional_chars() -> Vec<(char, char)> {
    let mut converted = String::new();
    ('\u{4e00}'..='\u{9fff}')
        .filter_map(|c| {
            converted.clear();
            push_traditional(c.encode_utf8(&mut [0; 4]), &mut converted);
            let mut chars = converted.chars();
            match (chars.next(), chars.next()) {
                (Some(t), None) if t != c => Some((c, t)),
                _ => None,
            }
        })
        .collect()
}

/// The phrases of OpenCC's `STPhrases` for which `wanted` says yes and which the
/// character table `chars` ([`traditional_chars`]) alone converts otherwise than the
/// pages are converted, with their Traditional form: (`关系`, `關係`), where the
/// characters give `關系`. Only phrases whose Traditional form has as many characters:
/// with the table, a client shows Simplified text in Traditional as the pages show it,
/// each character staying in its place.
pub fn traditional_phrases(
    chars: &HashMap<char, char>,
    mut wanted: impl FnMut(&str) -> bool,
) -> Vec<(&'static str, String)> {
    super::opencc::st_phrase_keys()
        .filter(|key| wanted(key))
        .filter_map(|key| {
            let phrase = to_traditional(key);
            let by_chars = key.chars().map(|c| chars.get(&c).copied().unwrap_or(c));
            let differs =
                phrase.chars().count() == key.chars().count() && !phrase.chars().eq(by_chars);
            differs.then_some((key, phrase))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_with_phrases() {
        assert_eq!(
            to_traditional("广西壮族自治区科学技术协会"),
            "廣西壯族自治區科學技術協會"
        );
        assert_eq!(to_simplified("臺灣"), "台湾");
        assert_eq!(to_simplified("廣州市科協"), "广州市科协");
        assert_eq!(to_traditional("头发"), "頭髮");
        assert_eq!(to_traditional("发展"), "發展");
        let mut out = String::from("「");
        push_traditional("发展", &mut out);
        assert_eq!(out, "「發展");
    }

    #[test]
    fn the_character_table_maps_one_to_one() {
        let table = traditional_chars();
        assert!(table.len() > 2000, "{}", table.len());
        assert!(table.contains(&('协', '協')));
        assert!(
            !table.iter().any(|(s, _)| *s == '科'),
            "unchanged characters are left out"
        );
    }

    #[test]
    fn phrases_are_those_the_characters_alone_convert_otherwise() {
        let chars: HashMap<char, char> = traditional_chars().into_iter().collect();
        let phrases = traditional_phrases(&chars, |_| true);
        let phrase = |key: &str| {
            phrases
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(phrase("关系"), Some("關係"));
        assert_eq!(phrase("台风"), Some("颱風"));
        assert_eq!(phrase("制造"), Some("製造"));
        assert_eq!(phrase("头发"), Some("頭髮"));
        // The characters give 標準 already.
        assert_eq!(phrase("标准"), None);
        assert!(
            phrases
                .iter()
                .all(|(k, t)| k.chars().count() == t.chars().count()),
            "every phrase keeps its length"
        );
        let asked = traditional_phrases(&chars, |key| key == "关系");
        assert_eq!(asked, [("关系", "關係".to_owned())]);
    }

    #[test]
    fn leaves_other_text_alone() {
        assert_eq!(to_simplified("Rust 2024"), "Rust 2024");
        assert_eq!(to_traditional(""), "");
        assert_eq!(to_traditional("Rust 2024 <b>"), "Rust 2024 <b>");
    }
}
