//! Simplified ↔ Traditional Chinese, with OpenCC's phrase tables (pure Rust). The
//! converters are built once, on first use, and shared: they are immutable.

use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

fn converter(
    cell: &'static OnceLock<Option<OpenCC>>,
    config: BuiltinConfig,
) -> Option<&'static OpenCC> {
    cell.get_or_init(|| OpenCC::from_config(config).ok())
        .as_ref()
}

/// Traditional → Simplified (`臺灣` → `台湾`, `後臺` → `后台`).
pub fn to_simplified(text: &str) -> String {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    match converter(&T2S, BuiltinConfig::T2s) {
        Some(opencc) if has_han(text) => opencc.convert(text),
        _ => text.to_owned(),
    }
}

/// Simplified → Traditional (`科学技术协会` → `科學技術協會`).
pub fn to_traditional(text: &str) -> String {
    static S2T: OnceLock<Option<OpenCC>> = OnceLock::new();
    match converter(&S2T, BuiltinConfig::S2t) {
        Some(opencc) if has_han(text) => opencc.convert(text),
        _ => text.to_owned(),
    }
}

/// Every CJK unified ideograph whose Traditional form is a single different character,
/// as (Simplified, Traditional) pairs: a character-level table for clients that cannot
/// carry OpenCC's phrase dictionaries.
pub fn traditional_chars() -> Vec<(char, char)> {
    ('\u{4e00}'..='\u{9fff}')
        .filter_map(|c| {
            let converted = to_traditional(c.encode_utf8(&mut [0; 4]));
            let mut chars = converted.chars();
            match (chars.next(), chars.next()) {
                (Some(t), None) if t != c => Some((c, t)),
                _ => None,
            }
        })
        .collect()
}

fn has_han(text: &str) -> bool {
    text.chars().any(super::is_han)
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
    fn leaves_other_text_alone() {
        assert_eq!(to_simplified("Rust 2024"), "Rust 2024");
        assert_eq!(to_traditional(""), "");
    }
}
