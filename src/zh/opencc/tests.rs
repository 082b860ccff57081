//! The converter: phrases chosen over characters, the recipe mechanics on small tables
//! written here, and OpenCC's own test cases (`tests/data/opencc/testcases.json`, from
//! the same release as the tables) for every recipe menhu has.

use std::collections::BTreeMap;

use super::recipes::{self, TofuRisk, compile, s2twp, t2s_recipe};
use super::*;

#[test]
fn phrases_pick_the_character_the_word_needs() {
    let cases = [
        ("头发", "頭髮"),
        ("发展", "發展"),
        ("理发店", "理髮店"),
        ("后台", "後臺"),
        ("皇后", "皇后"),
        ("太后的头发很干燥", "太后的頭髮很乾燥"),
        ("干部", "幹部"),
        ("干燥", "乾燥"),
        ("里面", "裏面"),
        ("公里", "公里"),
        ("下周开会", "下週開會"),
        ("周到", "周到"),
        ("联系", "聯繫"),
        ("关系", "關係"),
        ("制造", "製造"),
        ("制度", "制度"),
        ("一只手", "一隻手"),
        ("只有", "只有"),
        ("广西壮族自治区科学技术协会", "廣西壯族自治區科學技術協會"),
        ("乡村振兴，科普先行。", "鄉村振興，科普先行。"),
    ];
    for (simplified, traditional) in cases {
        assert_eq!(s2t().convert(simplified), traditional, "{simplified}");
    }
}

#[test]
fn text_without_simplified_characters_is_copied() {
    for text in [
        "",
        "Rust 2024 <a href=\"/x/\">",
        "科學",
        "「」、。",
        "😀 ok",
    ] {
        assert_eq!(s2t().convert(text), text);
    }
    let mut out = String::from("前");
    s2t().convert_into("后", &mut out);
    assert_eq!(out, "前後");
}

#[test]
fn compatibility_ideographs_are_normalised_first() {
    // U+F9B1 is a compatibility form of 鈴 (U+9234); U+FA10 of 塚.
    assert_eq!(s2t().convert("\u{F9B1}声"), "鈴聲");
    assert_eq!(t2s().convert("\u{F9B1}聲"), "铃声");
    let mut out = String::from("前");
    s2t().convert_into("发\u{FA10}", &mut out);
    assert_eq!(out, "前發塚");
}

#[test]
fn t2s_avoids_characters_fonts_lack() {
    // 㑮's Simplified form 𫝈 (U+2B748) is missing from common fonts.
    assert_eq!(t2s().convert("㑮"), "㑮");
    assert_eq!(compile(t2s_recipe(TofuRisk::Include)).convert("㑮"), "𫝈");
    assert_eq!(t2s().convert("臺灣的後臺"), "台湾的后台");
}

/// Tables in OpenCC's format, written for these tests.
fn tier(lines: &str) -> Tier {
    Tier::table(lines)
}

fn steps(steps: Vec<Vec<Tier>>) -> Converter {
    Converter::new(Recipe {
        steps,
        ..Recipe::default()
    })
    .unwrap()
}

#[test]
fn a_step_tries_its_tables_in_order_and_a_tier_by_length() {
    let words = tier("甲乙\tA\n");
    let longer = tier("甲乙丙\tB\n");
    // Separate tables: the first with a match wins, though the second's is longer.
    let first = steps(vec![vec![words.clone(), longer.clone()]]);
    assert_eq!(first.convert("甲乙丙"), "A丙");
    // One tier: the longest wins.
    let mut joined = words;
    joined.add_table("甲乙丙\tB\n");
    let union = steps(vec![vec![joined]]);
    assert_eq!(union.convert("甲乙丙丁"), "B丁");
}

#[test]
fn steps_run_in_turn_within_the_pieces_of_the_segmentation() {
    let phrases = tier("甲乙\t子丑\n");
    let chars = tier("丙\t寅\n乙\t卯\n");
    // The second step rewrites what the first produced, but never across a piece:
    // 「丑寅」 spans the phrase 「甲乙」 and the run 「丙」.
    let second = tier("丑寅\tX\n卯\tY\n");
    let chain = vec![vec![phrases.clone(), chars], vec![second]];
    let segmented = Converter::new(Recipe {
        segmentation: Some(phrases),
        steps: chain.clone(),
        ..Recipe::default()
    })
    .unwrap();
    assert_eq!(segmented.convert("甲乙丙乙"), "子丑寅Y");
    assert_eq!(steps(chain).convert("甲乙丙乙"), "子XY");
}

#[test]
fn normalization_comes_before_segmentation_and_every_step() {
    // 「乚」 normalises to 「乙」, which then completes the phrase 「甲乙」; a key holding
    // 「乚」 can never match and is dropped.
    let normalization = Some(tier("乚\t乙\n"));
    let phrases = tier("甲乙\t子丑\n乚丙\tZ\n");
    let chain = vec![vec![phrases.clone(), tier("丙\t寅\n")]];
    for segmentation in [None, Some(phrases)] {
        let converter = Converter::new(Recipe {
            normalization: normalization.clone(),
            segmentation,
            steps: chain.clone(),
        })
        .unwrap();
        assert_eq!(converter.convert("丙甲乚丙"), "寅子丑寅");
        assert_eq!(converter.convert("丙甲乙丙"), "寅子丑寅");
        let mut out = String::from("前");
        converter.convert_into("乚丙", &mut out);
        assert_eq!(out, "前乙寅");
    }
}

#[test]
fn reads_tables_as_opencc_does() {
    let table = tier("# comment\n\n甲\t一 壹\n乙\t二\n乙\t贰\n丙\t\n丁\t四\t肆\n戊\n");
    let converter = steps(vec![vec![table]]);
    // First value; the last line of a repeated key; malformed lines skipped.
    assert_eq!(converter.convert("甲乙丙丁戊"), "一贰丙丁戊");
}

#[test]
fn ascii_keys_turn_off_the_ascii_shortcut() {
    let converter = steps(vec![vec![tier("U盘\tU碟\nab\tAB\n")]]);
    assert_eq!(converter.convert("xab U盘"), "xAB U碟");
}

/// `testcases.json` allows a comma before `}` or `]`, which JSON does not.
fn without_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c == '"' {
            in_string = true;
        } else if c == ',' {
            let mut ahead = chars.clone();
            let next = ahead.find(|n| !n.is_whitespace());
            if matches!(next, Some('}' | ']')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[test]
fn trailing_commas_are_dropped_outside_strings_only() {
    assert_eq!(
        without_trailing_commas("{\"a\": [1, 2,\n],\n \"b,]\": \"\\\",}\",}"),
        "{\"a\": [1, 2\n],\n \"b,]\": \"\\\",}\"}"
    );
}

/// OpenCC's test cases: (id, input, expected output by configuration name).
fn opencc_test_cases() -> Vec<(String, String, BTreeMap<String, String>)> {
    let text = include_str!("../../../tests/data/opencc/testcases.json");
    let suite: serde_json::Value =
        serde_json::from_str(&without_trailing_commas(text)).expect("test cases as JSON");
    let cases = suite["cases"].as_array().expect("a `cases` list");
    cases
        .iter()
        .map(|case| {
            let expected = case["expected"].as_object().expect("`expected` of a case");
            (
                case["id"].as_str().expect("`id` of a case").to_owned(),
                case["input"]
                    .as_str()
                    .expect("`input` of a case")
                    .to_owned(),
                expected
                    .iter()
                    .map(|(config, out)| (config.clone(), out.as_str().unwrap_or("").to_owned()))
                    .collect(),
            )
        })
        .collect()
}

/// OpenCC runs its test cases with the tables that risk characters fonts lack
/// (`--include-tofu-risk-dictionaries`); only `t2s` has such a table.
#[test]
fn opencc_test_cases_pass() {
    let s2twp = s2twp();
    let t2s_with_tofu_risk = compile(t2s_recipe(TofuRisk::Include));
    let converters: [(&str, &Converter); 3] = [
        ("s2t", s2t()),
        ("s2twp", &s2twp),
        ("t2s", &t2s_with_tofu_risk),
    ];
    let mut checked = BTreeMap::new();
    let mut failures = Vec::new();
    for (id, input, expected) in opencc_test_cases() {
        for (config, converter) in converters {
            let Some(expected) = expected.get(config) else {
                continue;
            };
            *checked.entry(config).or_insert(0) += 1;
            let got = converter.convert(&input);
            if got != *expected {
                failures.push(format!(
                    "{id} ({config})\n  input:    {input}\n  expected: {expected}\n  got:      {got}"
                ));
            }
        }
    }
    println!("OpenCC's test cases checked: {checked:?}");
    for (config, _) in converters {
        let count = checked.get(config).copied().unwrap_or(0);
        assert!(count >= 50, "only {count} {config} cases in testcases.json");
    }
    assert!(
        failures.is_empty(),
        "{} OpenCC test cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A configuration file's recipe in a line: the tables it names, in order, with their
/// groups' match policies and the segmentation.
fn recipe_shape(config: &serde_json::Value) -> String {
    fn dict(d: &serde_json::Value) -> String {
        match d["type"].as_str() {
            Some("group") => {
                let policy = d["match_policy"].as_str().unwrap_or("short_circuit");
                let inner: Vec<String> = d["dicts"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(dict)
                    .collect();
                format!("{policy}[{}]", inner.join(" "))
            }
            _ => {
                let file = d["file"].as_str().unwrap_or("?").trim_end_matches(".ocd2");
                match d["may_output_tofu"].as_bool() {
                    Some(true) => format!("{file}(tofu)"),
                    _ => file.to_owned(),
                }
            }
        }
    }
    let chain = |key: &str| -> String {
        let steps: Vec<String> = config[key]
            .as_array()
            .into_iter()
            .flatten()
            .map(|step| dict(&step["dict"]))
            .collect();
        steps.join(" → ")
    };
    let mut shape = format!("normalization: {}", chain("normalization"));
    if let Some(segmentation) = config.get("segmentation") {
        let kind = segmentation["type"].as_str().unwrap_or("?");
        shape += &format!("; segmentation: {kind} {}", dict(&segmentation["dict"]));
    }
    shape + &format!("; chain: {}", chain("conversion_chain"))
}

/// When an update of OpenCC changes a recipe, `recipes.rs` must follow it.
#[test]
fn the_recipes_are_the_configuration_files() {
    let st = "union[STPhrases STPhrases_GeneratedFromRegionalPhrases]";
    let expected = [
        (
            include_str!("../../../data/opencc/s2t.json"),
            format!(
                "normalization: CJK_Compatibility_Ideographs; chain: short_circuit[{st} STCharacters]"
            ),
        ),
        (
            include_str!("../../../data/opencc/t2s.json"),
            "normalization: CJK_Compatibility_Ideographs; chain: \
             short_circuit[TSPhrases TSCharactersExt(tofu) TSCharacters]"
                .to_owned(),
        ),
        (
            include_str!("../../../data/opencc/s2twp.json"),
            format!(
                "normalization: CJK_Compatibility_Ideographs; segmentation: mmseg {st}; \
                 chain: short_circuit[{st} STCharacters] → \
                 short_circuit[TWPhrases TWVariantsPhrases TWVariants]"
            ),
        ),
    ];
    for (json, shape) in expected {
        let config: serde_json::Value = serde_json::from_str(json).expect("a configuration");
        assert_eq!(recipe_shape(&config), shape, "{}", config["name"]);
    }
}

/// OpenCC's build stops when two regional phrases have the same Simplified form;
/// `recipes.rs` would keep one.
#[test]
fn regional_phrases_have_distinct_simplified_forms() {
    let generated = recipes::phrases_from_regional();
    assert!(
        generated.len() > 100,
        "{} generated phrases",
        generated.len()
    );
    let mut phrase_of = BTreeMap::new();
    for (simplified, phrase) in &generated {
        if let Some(other) = phrase_of.insert(simplified, phrase) {
            assert_eq!(other, phrase, "{simplified}");
        }
    }
}
