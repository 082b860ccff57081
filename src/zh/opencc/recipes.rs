//! OpenCC's `s2t` and `t2s` (and, for the tests, `s2twp`) over its tables in
//! `data/opencc/` (OpenCC 1.4.2, see the README there), each as its configuration file
//! there says: the CJK compatibility ideographs normalised first, then the phrase tables
//! before the character tables. Each converter is compiled on first use and shared by
//! every thread, so a site that converts nothing pays nothing.
//!
//! OpenCC's build generates one more table from the others,
//! `STPhrases_GeneratedFromRegionalPhrases`, which its `s2t` and `s2twp` join to
//! `STPhrases`: each phrase of the Hong Kong and Taiwan phrase tables, converted to
//! Simplified by `t2s`, maps to the phrase when it is three characters or longer, so
//! that a Simplified word stays whole until a regional step sees it. [`st_phrases`]
//! makes it the same way, when the converter is compiled.
//!
//! `t2s` can give, for some rare Traditional characters, a Simplified one that common
//! fonts lack (OpenCC's `TSCharactersExt`, the `@tofu-risk` entries of `TSCharacters`);
//! OpenCC's command line leaves those out unless asked, and so does menhu's `t2s`.
//! OpenCC's build uses them to generate the phrases above, and its test suite to check
//! `t2s`, and so does [`t2s_recipe`] for both.

use std::sync::OnceLock;

use super::{Converter, Recipe, Tier, parse_line};

/// Maps each CJK compatibility ideograph to its unified ideograph.
const COMPATIBILITY: &str = include_str!("../../../data/opencc/CJK_Compatibility_Ideographs.txt");
const ST_PHRASES: &str = include_str!("../../../data/opencc/STPhrases.txt");
const ST_CHARACTERS: &str = include_str!("../../../data/opencc/STCharacters.txt");
const TS_PHRASES: &str = include_str!("../../../data/opencc/TSPhrases.txt");
const TS_CHARACTERS: &str = include_str!("../../../data/opencc/TSCharacters.txt");
const HK_PHRASES: &str = include_str!("../../../data/opencc/HKPhrases.txt");
const TW_PHRASES: &str = include_str!("../../../data/opencc/TWPhrases.txt");

/// Simplified → Traditional, OpenCC's standard forms (`s2t.json`).
pub fn s2t() -> &'static Converter {
    static S2T: OnceLock<Converter> = OnceLock::new();
    S2T.get_or_init(|| {
        compile(Recipe {
            normalization: Some(Tier::table(COMPATIBILITY)),
            segmentation: None,
            steps: vec![vec![st_phrases(), Tier::table(ST_CHARACTERS)]],
        })
    })
}

/// The keys of OpenCC's `STPhrases` (Simplified phrases), in the table's order.
pub fn st_phrase_keys() -> impl Iterator<Item = &'static str> {
    ST_PHRASES
        .lines()
        .filter_map(parse_line)
        .map(|(key, _)| key)
}

/// Traditional → Simplified (`t2s.json`), without the characters fonts may lack.
pub fn t2s() -> &'static Converter {
    static T2S: OnceLock<Converter> = OnceLock::new();
    T2S.get_or_init(|| compile(t2s_recipe(TofuRisk::Avoid)))
}

/// Whether a conversion may give characters common fonts lack (OpenCC's
/// `may_output_tofu` tables).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TofuRisk {
    Avoid,
    Include,
}

/// `t2s.json`: `TSPhrases`, then `TSCharactersExt` when `tofu` says so, then
/// `TSCharacters`.
pub(super) fn t2s_recipe(tofu: TofuRisk) -> Recipe {
    let mut tables = vec![Tier::table(TS_PHRASES)];
    if tofu == TofuRisk::Include {
        tables.push(tofu_risk_entries(TS_CHARACTERS));
    }
    tables.push(Tier::table(TS_CHARACTERS));
    Recipe {
        normalization: Some(Tier::table(COMPATIBILITY)),
        segmentation: None,
        steps: vec![tables],
    }
}

/// OpenCC's `TSCharactersExt`: each entry of a table that follows a `# @tofu-risk:`
/// comment, without its first value (the key itself, which the table gives by default).
fn tofu_risk_entries(table: &str) -> Tier {
    let lines: Vec<&str> = table.lines().collect();
    let entries = lines
        .windows(2)
        .filter(|pair| pair[0].starts_with("# @tofu-risk:"))
        .filter_map(|pair| {
            let (key, values) = pair[1].split_once('\t')?;
            let mut values = values.split_whitespace();
            let first = values.next()?;
            let value = if first == key { values.next()? } else { first };
            Some((key.to_owned(), value.to_owned()))
        });
    let mut tier = Tier::default();
    tier.add(entries);
    tier
}

/// Simplified → Traditional with Taiwan's phrases and forms (`s2twp.json`): the tests
/// run OpenCC's cases for it; the site does not offer it.
#[cfg(test)]
pub fn s2twp() -> Converter {
    const TW_VARIANTS_PHRASES: &str = include_str!("../../../data/opencc/TWVariantsPhrases.txt");
    const TW_VARIANTS: &str = include_str!("../../../data/opencc/TWVariants.txt");
    let phrases = st_phrases();
    compile(Recipe {
        normalization: Some(Tier::table(COMPATIBILITY)),
        segmentation: Some(phrases.clone()),
        steps: vec![
            vec![phrases, Tier::table(ST_CHARACTERS)],
            vec![
                Tier::table(TW_PHRASES),
                Tier::table(TW_VARIANTS_PHRASES),
                Tier::table(TW_VARIANTS),
            ],
        ],
    })
}

/// The tables are part of the program, so they compile; a test compiles each recipe.
pub(super) fn compile(recipe: Recipe) -> Converter {
    Converter::new(recipe).expect("OpenCC's tables compile")
}

/// `STPhrases` joined with `STPhrases_GeneratedFromRegionalPhrases` (OpenCC's `union`:
/// the longer entry wins, and `STPhrases` a tie).
fn st_phrases() -> Tier {
    let mut phrases = Tier::table(ST_PHRASES);
    phrases.add(phrases_from_regional());
    phrases
}

/// `STPhrases_GeneratedFromRegionalPhrases`: (Simplified, phrase) for each phrase of
/// `HKPhrases` and `TWPhrases` three characters or longer in Simplified.
pub(super) fn phrases_from_regional() -> Vec<(String, String)> {
    let t2s = compile(t2s_recipe(TofuRisk::Include));
    [HK_PHRASES, TW_PHRASES]
        .into_iter()
        .flat_map(|table| Tier::table(table).entries)
        .filter_map(|(phrase, _)| {
            let simplified = t2s.convert(&phrase);
            (simplified.chars().count() >= 3).then_some((simplified, phrase))
        })
        .collect()
}
