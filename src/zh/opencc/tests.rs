//! The converter: phrases chosen over characters, the recipe mechanics on small tables
//! written here, the same output as `ferrous-opencc` on the same tables, and OpenCC's
//! own test cases when a copy of its repository is at hand.
//!
//! `MENHU_OPENCC_TESTCASES`: path to `test/testcases/testcases.json` of an OpenCC
//! checkout. Unset or missing, [`opencc_test_cases`] says so and passes, unless
//! `MENHU_REQUIRE_OPENCC=1`, which makes it fail. The checkout's own tables
//! (`data/dictionary/`, or `MENHU_OPENCC_DICTIONARIES`) are compiled with this
//! converter and must give every `s2t` and `s2twp` case's expected text. No file of
//! OpenCC's repository is kept in this project.

use std::path::{Path, PathBuf};

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
fn gives_what_ferrous_opencc_gives_on_the_same_tables() {
    let opencc = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t)
        .expect("ferrous-opencc's s2t");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("content folder");
        if entry.path().extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(entry.path()).expect("demo page");
            assert_eq!(s2t().convert(&text), opencc.convert(&text), "{entry:?}");
            compared += text.len();
        }
    }
    assert!(compared > 20_000, "{compared} bytes compared");
}

/// Tables in OpenCC's format, written for these tests.
fn tier(lines: &str) -> Tier {
    Tier::table(lines)
}

#[test]
fn a_step_tries_its_tables_in_order_and_a_tier_by_length() {
    let words = tier("甲乙\tA\n");
    let longer = tier("甲乙丙\tB\n");
    // Separate tables: the first with a match wins, though the second's is longer.
    let first = Converter::new(None, vec![vec![words.clone(), longer.clone()]]).unwrap();
    assert_eq!(first.convert("甲乙丙"), "A丙");
    // One tier: the longest wins.
    let mut joined = words;
    joined.add_table("甲乙丙\tB\n");
    let union = Converter::new(None, vec![vec![joined]]).unwrap();
    assert_eq!(union.convert("甲乙丙丁"), "B丁");
}

#[test]
fn steps_run_in_turn_within_the_pieces_of_the_segmentation() {
    let phrases = tier("甲乙\t子丑\n");
    let chars = tier("丙\t寅\n乙\t卯\n");
    // The second step rewrites what the first produced, but never across a piece:
    // 「丑寅」 spans the phrase 「甲乙」 and the run 「丙」.
    let second = tier("丑寅\tX\n卯\tY\n");
    let steps = vec![vec![phrases.clone(), chars], vec![second]];
    let segmented = Converter::new(Some(phrases), steps.clone()).unwrap();
    assert_eq!(segmented.convert("甲乙丙乙"), "子丑寅Y");
    let whole = Converter::new(None, steps).unwrap();
    assert_eq!(whole.convert("甲乙丙乙"), "子XY");
}

#[test]
fn reads_tables_as_opencc_does() {
    let table = tier("# comment\n\n甲\t一 壹\n乙\t二\n乙\t贰\n丙\t\n丁\t四\t肆\n戊\n");
    let converter = Converter::new(None, vec![vec![table]]).unwrap();
    // First value; the last line of a repeated key; malformed lines skipped.
    assert_eq!(converter.convert("甲乙丙丁戊"), "一贰丙丁戊");
}

#[test]
fn ascii_keys_turn_off_the_ascii_shortcut() {
    let converter = Converter::new(None, vec![vec![tier("U盘\tU碟\nab\tAB\n")]]).unwrap();
    assert_eq!(converter.convert("xab U盘"), "xAB U碟");
}

/// An OpenCC checkout's test cases and tables, when given.
struct Checkout {
    cases: PathBuf,
    tables: PathBuf,
}

fn checkout() -> Option<Checkout> {
    let required = std::env::var("MENHU_REQUIRE_OPENCC").is_ok_and(|v| v == "1");
    let skip = |why: String| {
        assert!(!required, "MENHU_REQUIRE_OPENCC=1 but {why}");
        println!("skipped: {why}");
        None
    };
    let Some(cases) = std::env::var_os("MENHU_OPENCC_TESTCASES").map(PathBuf::from) else {
        return skip(
            "MENHU_OPENCC_TESTCASES is not set (path to OpenCC's test/testcases/testcases.json)"
                .into(),
        );
    };
    if !cases.is_file() {
        return skip(format!(
            "MENHU_OPENCC_TESTCASES names no file: {}",
            cases.display()
        ));
    }
    let tables = match std::env::var_os("MENHU_OPENCC_DICTIONARIES") {
        Some(dir) => PathBuf::from(dir),
        // test/testcases/testcases.json → data/dictionary of the same checkout.
        None => cases
            .parent()
            .unwrap_or(Path::new("."))
            .join("../../data/dictionary"),
    };
    if !tables.join("STPhrases.txt").is_file() {
        return skip(format!(
            "no OpenCC tables at {} (set MENHU_OPENCC_DICTIONARIES to the checkout's data/dictionary)",
            tables.display()
        ));
    }
    Some(Checkout { cases, tables })
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

fn read_table(dir: &Path, name: &str) -> Tier {
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap_or_default();
    Tier::table(&text)
}

/// OpenCC's current `s2t` and `s2twp` configurations over a checkout's tables. Both
/// read `STPhrases` joined with the phrases OpenCC's build generates from the regional
/// tables (each Hong Kong and Taiwan phrase, converted to Simplified, when three
/// characters or longer, maps to the phrase), so a Simplified word stays whole until
/// the regional step sees it.
fn checkout_converters(tables: &Path) -> (Converter, Converter) {
    let t2s = Converter::new(
        None,
        vec![vec![
            read_table(tables, "TSPhrases"),
            read_table(tables, "TSCharacters"),
        ]],
    )
    .unwrap();
    let mut phrases = read_table(tables, "STPhrases");
    for regional in ["HKPhrases", "TWPhrases"] {
        let keys: Vec<String> = read_table(tables, regional)
            .keys()
            .map(str::to_owned)
            .collect();
        phrases.add(
            keys.into_iter()
                .map(|key| (t2s.convert(&key), key))
                .filter(|(simplified, _)| simplified.chars().count() >= 3),
        );
    }
    let characters = read_table(tables, "STCharacters");
    let s2t = Converter::new(None, vec![vec![phrases.clone(), characters.clone()]]).unwrap();
    let taiwan = ["TWPhrases", "TWVariantsPhrases", "TWVariants"].map(|t| read_table(tables, t));
    let s2twp = Converter::new(
        Some(phrases.clone()),
        vec![vec![phrases, characters], taiwan.to_vec()],
    )
    .unwrap();
    (s2t, s2twp)
}

#[test]
fn opencc_test_cases() {
    let Some(checkout) = checkout() else {
        return;
    };
    let text = std::fs::read_to_string(&checkout.cases).expect("readable test cases");
    let suite: serde_json::Value =
        serde_json::from_str(&without_trailing_commas(&text)).expect("test cases as JSON");
    let cases = suite["cases"].as_array().expect("a `cases` list");
    let (s2t_checkout, s2twp_checkout) = checkout_converters(&checkout.tables);
    let ferrous = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t)
        .expect("ferrous-opencc's s2t");
    let (mut checked, mut shipped_right, mut shipped_total) = (0, 0, 0);
    let mut failures = Vec::new();
    for case in cases {
        let (id, input) = (
            case["id"].as_str().unwrap_or("?"),
            case["input"].as_str().unwrap_or(""),
        );
        for (config, converter) in [("s2t", &s2t_checkout), ("s2twp", &s2twp_checkout)] {
            let Some(expected) = case["expected"][config].as_str() else {
                continue;
            };
            checked += 1;
            let got = converter.convert(input);
            if got != expected {
                failures.push(format!("{id} ({config})\n  input:    {input}\n  expected: {expected}\n  got:      {got}"));
            }
            if config == "s2t" {
                // The tables menhu ships are ferrous-opencc's: same output as it, case by case.
                let shipped = s2t().convert(input);
                assert_eq!(
                    shipped,
                    ferrous.convert(input),
                    "{id}: shipped s2t differs from ferrous-opencc"
                );
                shipped_total += 1;
                shipped_right += usize::from(shipped == expected);
            }
        }
    }
    println!(
        "OpenCC test cases: {checked} s2t/s2twp cases with the checkout's tables; the shipped tables get {shipped_right} of {shipped_total} s2t cases right"
    );
    assert!(
        checked > 0,
        "no s2t or s2twp case in {}",
        checkout.cases.display()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
