//! Pinyin slugs: Chinese titles and place names → ASCII words for URLs and file names
//! (`汇聚“四长”资源` → `hui-ju-si-chang-zi-yuan`, `梧州` → `wuzhou` for city URLs).
//!
//! Each Han character takes the `pinyin` crate's first (most common) reading, without
//! tones; `ü` is written `v` (`绿` → `lv`) as pinyin keyboards do. For polyphones whose
//! first reading is wrong in words these portals use often, a small phrase table
//! ([`PHRASE_READINGS`]) wins: `四长` is `si chang`, `重庆` is `chong qing`, `厦门` is
//! `xia men`. A run of Han characters is cut into the fewest words of that table and of
//! [`WORDS`] (words read by default, such as `科协` and `调研`), so a phrase that straddles
//! two words of the title does not win: `科协调研` is `科协 调研`, `ke xie diao yan`, not
//! `科 协调 研`. Everything else is written straight into the output string.

use ::pinyin::ToPinyin;

use super::is_han;

/// Readings of common portal words whose characters' first reading is wrong there.
/// Only phrases whose default reading differs belong here; keep it small and sorted
/// by meaning. The lookup tries every entry, longest match wins.
const PHRASE_READINGS: &[(&str, &[&str])] = &[
    // 长 defaults to zhang (院长, 站长, 会长 are right by default).
    ("四长", &["si", "chang"]),
    ("长沙", &["chang", "sha"]),
    ("长春", &["chang", "chun"]),
    ("长江", &["chang", "jiang"]),
    ("长城", &["chang", "cheng"]),
    ("长治", &["chang", "zhi"]),
    ("长安", &["chang", "an"]),
    ("长白山", &["chang", "bai", "shan"]),
    ("长三角", &["chang", "san", "jiao"]),
    ("长寿", &["chang", "shou"]),
    ("长期", &["chang", "qi"]),
    ("长效", &["chang", "xiao"]),
    ("长远", &["chang", "yuan"]),
    ("长征", &["chang", "zheng"]),
    ("延长", &["yan", "chang"]),
    ("专长", &["zhuan", "chang"]),
    ("特长", &["te", "chang"]),
    ("擅长", &["shan", "chang"]),
    // 重 defaults to zhong.
    ("重庆", &["chong", "qing"]),
    ("重阳", &["chong", "yang"]),
    ("重新", &["chong", "xin"]),
    ("重复", &["chong", "fu"]),
    ("重建", &["chong", "jian"]),
    ("重组", &["chong", "zu"]),
    // 厦 defaults to sha (大厦 is right by default).
    ("厦门", &["xia", "men"]),
    // 行 defaults to xing.
    ("银行", &["yin", "hang"]),
    ("行业", &["hang", "ye"]),
    ("行长", &["hang", "zhang"]),
    // 都 defaults to dou.
    ("成都", &["cheng", "du"]),
    ("首都", &["shou", "du"]),
    ("都市", &["du", "shi"]),
    ("都江堰", &["du", "jiang", "yan"]),
    // 调 defaults to diao (调研, 调查 are right by default).
    ("协调", &["xie", "tiao"]),
    ("调整", &["tiao", "zheng"]),
    ("调节", &["tiao", "jie"]),
    ("调解", &["tiao", "jie"]),
    ("调控", &["tiao", "kong"]),
    // Place names.
    ("蚌埠", &["beng", "bu"]),
    ("六安", &["lu", "an"]),
    ("单县", &["shan", "xian"]),
    ("番禺", &["pan", "yu"]),
    ("西藏", &["xi", "zang"]),
    // Others.
    ("会计", &["kuai", "ji"]),
    ("音乐", &["yin", "yue"]),
    ("了解", &["liao", "jie"]),
    ("出差", &["chu", "chai"]),
];

/// Words whose characters take their first reading, listed because a phrase of
/// [`PHRASE_READINGS`] could otherwise claim part of them (`协调` in `科协调研`). With
/// them in the table the segmentation into the fewest words finds the title's words.
const WORDS: &[&str] = &[
    "科协",
    "学会",
    "协会",
    "调研",
    "调查",
    "调度",
    "调动",
    "调研员",
    "院长",
    "会长",
    "站长",
    "市长",
    "大厦",
    "行为",
    "进行",
    "举行",
    "执行",
    "重要",
    "重点",
    "重大",
];

/// The pinyin slug of `text`: each Han character becomes its toneless syllable as a
/// word of its own; runs of ASCII letters and digits are kept, lower-cased; Latin
/// letters lose their diacritics (`é` → `e`); full-width forms count as half-width
/// (`Ａ１` → `a1`); everything else separates words. Words are joined by one `-`.
///
/// `slugify("汇聚“四长”资源")` is `hui-ju-si-chang-zi-yuan`.
pub fn slugify(text: &str) -> String {
    write_slug(text, SyllableJoin::Hyphen)
}

/// Like [`slugify`], but the syllables of adjacent Han characters are written together,
/// as city URLs are: `梧州` → `wuzhou`, `防城港` → `fangchenggang`.
pub fn pinyin_compact(text: &str) -> String {
    write_slug(text, SyllableJoin::Together)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SyllableJoin {
    Hyphen,
    Together,
}

/// What the previous piece written was, to decide whether a `-` goes before the next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Latin,
    Syllable,
    Separator,
}

struct SlugWriter {
    out: String,
    last: Last,
    join: SyllableJoin,
}

impl SlugWriter {
    fn push_latin(&mut self, letters: &str) {
        if matches!(self.last, Last::Syllable | Last::Separator) && !self.out.is_empty() {
            self.out.push('-');
        }
        self.out.push_str(letters);
        self.last = Last::Latin;
    }

    fn push_syllable(&mut self, syllable: &str) {
        let glued = self.last == Last::Syllable && self.join == SyllableJoin::Together;
        if !self.out.is_empty() && !glued {
            self.out.push('-');
        }
        for c in syllable.chars() {
            // The crate writes ü (lü, nü); slugs are ASCII and pinyin keyboards type v.
            self.out.push(if c == 'ü' { 'v' } else { c });
        }
        self.last = Last::Syllable;
    }

    fn push_separator(&mut self) {
        if self.last != Last::Nothing {
            self.last = Last::Separator;
        }
    }
}

fn write_slug(text: &str, join: SyllableJoin) -> String {
    let mut slug = SlugWriter {
        out: String::with_capacity(text.len() * 2),
        last: Last::Nothing,
        join,
    };
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        if at < skip_to {
            continue;
        }
        if is_han(c) {
            let run_end = text[at..]
                .char_indices()
                .find(|(_, c)| !is_han(*c))
                .map_or(text.len(), |(i, _)| at + i);
            write_han_run(&text[at..run_end], &mut slug);
            skip_to = run_end;
            continue;
        }
        let c = to_half_width(c);
        if c.is_ascii_alphanumeric() {
            let lower = c.to_ascii_lowercase();
            slug.push_latin(lower.encode_utf8(&mut [0; 4]));
        } else if let Some(folded) = fold_latin(c) {
            slug.push_latin(folded);
        } else if !is_combining_mark(c) {
            slug.push_separator();
        }
    }
    slug.out
}

/// Writes a run of Han characters, cut into the fewest words (see [`segment`]): a
/// phrase of [`PHRASE_READINGS`] takes its readings, every other character its first.
fn write_han_run(run: &str, slug: &mut SlugWriter) {
    let mut at = 0;
    for len in segment(run) {
        let word = &run[at..at + len];
        match PHRASE_READINGS.iter().find(|(phrase, _)| *phrase == word) {
            Some((_, readings)) => readings.iter().for_each(|s| slug.push_syllable(s)),
            None => word.chars().for_each(|c| match c.to_pinyin() {
                Some(p) => slug.push_syllable(p.plain()),
                None => slug.push_separator(),
            }),
        }
        at += len;
    }
}

/// The byte lengths of the words `run` (Han characters only) is cut into: the fewest
/// pieces, each a word of [`PHRASE_READINGS`] or [`WORDS`] or one character; between
/// cuts as few, the longer word first. Titles are short, so the table is tried at
/// every character.
fn segment(run: &str) -> Vec<usize> {
    let starts: Vec<usize> = run.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    let byte_at = |k: usize| starts.get(k).copied().unwrap_or(run.len());
    // best[k]: (pieces from character k to the end, byte length of the first piece).
    let mut best = vec![(0usize, 0usize); n + 1];
    for k in (0..n).rev() {
        let rest = &run[byte_at(k)..];
        let single = byte_at(k + 1) - byte_at(k);
        let mut choice = (best[k + 1].0 + 1, single);
        let words = PHRASE_READINGS
            .iter()
            .map(|(p, _)| *p)
            .chain(WORDS.iter().copied());
        for word in words.filter(|w| rest.starts_with(w)) {
            let next = starts.partition_point(|&b| b < byte_at(k) + word.len());
            let pieces = best[next].0 + 1;
            if pieces < choice.0 || (pieces == choice.0 && word.len() > choice.1) {
                choice = (pieces, word.len());
            }
        }
        best[k] = choice;
    }
    let mut lengths = Vec::new();
    let mut at = 0;
    while at < run.len() {
        let k = starts.partition_point(|&b| b < at);
        lengths.push(best[k].1);
        at += best[k].1;
    }
    lengths
}

/// Full-width ASCII forms (Ａ, １, ！) as their ASCII characters; others unchanged.
fn to_half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Combining diacritics (U+0300–U+036F) are dropped without splitting the word, so a
/// decomposed `é` reads like a composed one.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Latin-1 Supplement U+00C0–U+00FF, lower-cased without diacritics; `*` marks letters
/// written with two ASCII letters, `-` the two symbols (× ÷) in the block.
const LATIN_1_BASE: &str = "aaaaaa*ceeeeiiiidnooooo-ouuuuy**aaaaaa*ceeeeiiiidnooooo-ouuuuy*y";
/// Latin Extended-A U+0100–U+017F, same convention.
const LATIN_EXT_A_BASE: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The ASCII letters a Latin letter with diacritics is written with in a slug, if it is
/// one simple enough to fold; `None` for anything else.
fn fold_latin(c: char) -> Option<&'static str> {
    let two_letters = match c {
        'Æ' | 'æ' => Some("ae"),
        'Þ' | 'þ' => Some("th"),
        'ß' => Some("ss"),
        'Ĳ' | 'ĳ' => Some("ij"),
        'Œ' | 'œ' => Some("oe"),
        _ => None,
    };
    if two_letters.is_some() {
        return two_letters;
    }
    let code = c as usize;
    let (table, first) = match c {
        '\u{C0}'..='\u{FF}' => (LATIN_1_BASE, 0xC0),
        '\u{100}'..='\u{17F}' => (LATIN_EXT_A_BASE, 0x100),
        // Pinyin with tone marks in Latin Extended-B: ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ and capitals.
        '\u{1CD}'..='\u{1DC}' => ("aaiioouuuuuuuuuu", 0x1CD),
        _ => return None,
    };
    let index = code - first;
    table
        .get(index..=index)
        .filter(|base| !matches!(*base, "*" | "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_of_portal_titles() {
        let cases = [
            ("汇聚“四长”资源", "hui-ju-si-chang-zi-yuan"),
            ("汇聚四长资源", "hui-ju-si-chang-zi-yuan"),
            ("梧州", "wu-zhou"),
            ("2024年科普日 Science Day", "2024-nian-ke-pu-ri-science-day"),
            ("ＡＢＣ１２３", "abc123"),
            ("", ""),
            ("C++ 与 Rust", "c-yu-rust"),
            (
                "「科协改革」进行时，地方篇。",
                "ke-xie-gai-ge-jin-xing-shi-di-fang-pian",
            ),
            ("一、总体要求——", "yi-zong-ti-yao-qiu"),
            ("  --Hello,   World!--  ", "hello-world"),
            ("Rust语言", "rust-yu-yan"),
            ("第3届", "di-3-jie"),
            ("café Zürich", "cafe-zurich"),
            ("cafe\u{301}", "cafe"),
            ("Straße Œuvre", "strasse-oeuvre"),
            ("Zhōngguó", "zhongguo"),
            ("привет мир", ""),
            ("Привет world", "world"),
            ("绿色发展", "lv-se-fa-zhan"),
            ("…", ""),
            ("a×b", "a-b"),
            ("〇", "ling"),
        ];
        for (text, want) in cases {
            assert_eq!(slugify(text), want, "slugify({text:?})");
        }
    }

    #[test]
    fn phrase_table_fixes_common_polyphones() {
        let cases = [
            ("重庆市科协", "chong-qing-shi-ke-xie"),
            ("长沙", "chang-sha"),
            ("厦门大学", "xia-men-da-xue"),
            ("院长", "yuan-zhang"),
            ("站长", "zhan-zhang"),
            ("大厦", "da-sha"),
            ("重要", "zhong-yao"),
            ("银行", "yin-hang"),
            ("长白山", "chang-bai-shan"),
            ("协调发展", "xie-tiao-fa-zhan"),
            ("科协调研", "ke-xie-diao-yan"),
            ("市科协调研组", "shi-ke-xie-diao-yan-zu"),
            ("协调研究", "xie-tiao-yan-jiu"),
            ("重庆科协", "chong-qing-ke-xie"),
        ];
        for (text, want) in cases {
            assert_eq!(slugify(text), want, "slugify({text:?})");
        }
    }

    #[test]
    fn phrase_table_entries_are_han_with_one_reading_per_character() {
        for (phrase, readings) in PHRASE_READINGS {
            assert!(phrase.chars().all(is_han), "{phrase}");
            assert_eq!(phrase.chars().count(), readings.len(), "{phrase}");
        }
        for word in WORDS {
            assert!(
                word.chars().count() > 1 && word.chars().all(is_han),
                "{word}"
            );
        }
    }

    #[test]
    fn compact_pinyin_for_city_urls() {
        let cases = [
            ("梧州", "wuzhou"),
            ("防城港", "fangchenggang"),
            ("重庆", "chongqing"),
            ("厦门", "xiamen"),
            ("长沙市", "changshashi"),
            ("", ""),
            ("梧州 Wuzhou", "wuzhou-wuzhou"),
            ("A区", "a-qu"),
        ];
        for (text, want) in cases {
            assert_eq!(pinyin_compact(text), want, "pinyin_compact({text:?})");
        }
    }

    #[test]
    fn folding_tables_cover_their_blocks() {
        assert_eq!(LATIN_1_BASE.len(), 0x100 - 0xC0);
        assert_eq!(LATIN_EXT_A_BASE.len(), 0x180 - 0x100);
        assert_eq!(fold_latin('é'), Some("e"));
        assert_eq!(fold_latin('Ł'), Some("l"));
        assert_eq!(fold_latin('ž'), Some("z"));
        assert_eq!(fold_latin('ǚ'), Some("u"));
        assert_eq!(fold_latin('×'), None);
        assert_eq!(fold_latin('я'), None);
    }
}
