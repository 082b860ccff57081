//! OpenCC's phrase-table conversion, compiled once into automata and run in one pass
//! over the text.
//!
//! A conversion is OpenCC's recipe: an optional *segmentation* (the text is cut into the
//! longest phrases of one table and the runs between them, and every later step
//! converts each piece on its own), then *steps* applied one after the other. A step
//! tries its tables in order at each position: the first table holding an entry that
//! starts there gives its longest such entry (OpenCC's `group`); tables joined into one
//! [`Tier`] compete on length instead. Each step is one double-array Aho–Corasick
//! automaton (`daachorse`, leftmost-first over the entries ordered tier by tier, longest
//! first), so converting costs one scan of the text, not a dictionary lookup per
//! position.
//!
//! The Simplified → Traditional tables (`s2t`: OpenCC's `STPhrases` before
//! `STCharacters`) are embedded from the folder `build.rs` found and compiled on first
//! use, so a site without a Traditional copy pays nothing.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

/// OpenCC's `STPhrases.txt` and `STCharacters.txt`, as the build found them.
const ST_PHRASES: &str = include_str!(concat!(env!("MENHU_OPENCC_TABLES"), "/STPhrases.txt"));
const ST_CHARACTERS: &str = include_str!(concat!(env!("MENHU_OPENCC_TABLES"), "/STCharacters.txt"));

/// The Simplified → Traditional converter (OpenCC's `s2t`), compiled on first use and
/// shared by every thread.
pub fn s2t() -> &'static Converter {
    static S2T: OnceLock<Converter> = OnceLock::new();
    S2T.get_or_init(|| {
        let step = vec![Tier::table(ST_PHRASES), Tier::table(ST_CHARACTERS)];
        Converter::new(None, vec![step]).expect("OpenCC's s2t tables compile")
    })
}

/// Entries of one or more OpenCC tables that compete on length: at a position, the
/// longest of them wins (a table of its own, or OpenCC's `union` of tables).
#[derive(Debug, Clone, Default)]
pub struct Tier {
    /// (key, value) pairs, each key once.
    entries: Vec<(String, String)>,
}

impl Tier {
    /// The entries of one table in OpenCC's text format: `key<TAB>value [value …]` a
    /// line, `#` comments and blank lines skipped, the first value used. As OpenCC's
    /// compilers do, a key given twice keeps its last line, and a line without exactly
    /// one tab or with an empty value is skipped.
    pub fn table(text: &str) -> Tier {
        let mut tier = Tier::default();
        tier.add_table(text);
        tier
    }

    /// Adds a table's entries; keys already present keep their value (the earlier
    /// table wins a tie, as in OpenCC's `union`).
    pub fn add_table(&mut self, text: &str) {
        let mut entries: Vec<(&str, &str)> = text.lines().filter_map(parse_line).collect();
        // Keep the last of duplicate keys: a stable sort by key, then the last of each run.
        entries.sort_by(|a, b| a.0.cmp(b.0));
        entries.reverse();
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        self.add(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned())),
        );
    }

    /// Adds entries; keys already present keep their value.
    pub fn add(&mut self, entries: impl IntoIterator<Item = (String, String)>) {
        let mut seen: HashSet<String> = self.entries.iter().map(|(k, _)| k.clone()).collect();
        for (key, value) in entries {
            if !key.is_empty() && seen.insert(key.clone()) {
                self.entries.push((key, value));
            }
        }
    }

    /// The keys, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }
}

/// `key<TAB>value [value …]` → (key, first value).
fn parse_line(line: &str) -> Option<(&str, &str)> {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return None;
    }
    let (key, values) = line.split_once('\t')?;
    if values.contains('\t') || values.split(' ').any(str::is_empty) {
        return None;
    }
    Some((key, values.split(' ').next()?))
}

/// One compiled step: an automaton over its entries and their values.
struct Step {
    automaton: CharwiseDoubleArrayAhoCorasick<u32>,
    values: Vec<Box<str>>,
}

impl Step {
    /// `tiers` in order, each tier's entries longest first: leftmost-first matching then
    /// picks, at the leftmost position where anything matches, the first tier holding a
    /// match there and that tier's longest match.
    fn new(tiers: &[Tier]) -> Result<Step, String> {
        let mut seen = HashSet::new();
        let mut patterns: Vec<(&str, &str)> = Vec::new();
        for tier in tiers {
            let mut ordered: Vec<(&str, &str)> = tier
                .entries
                .iter()
                .filter(|(k, _)| seen.insert(k.as_str()))
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            ordered.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
            patterns.extend(ordered);
        }
        let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build_with_values(patterns.iter().zip(0u32..).map(|((k, _), id)| (*k, id)))
            .map_err(|e| e.to_string())?;
        let values = patterns.into_iter().map(|(_, v)| v.into()).collect();
        Ok(Step { automaton, values })
    }

    /// Appends `text` converted by this step to `out`.
    fn convert_into(&self, text: &str, out: &mut String) {
        let mut copied = 0;
        for found in self.automaton.leftmost_find_iter(text) {
            out.push_str(&text[copied..found.start()]);
            out.push_str(&self.values[found.value() as usize]);
            copied = found.end();
        }
        out.push_str(&text[copied..]);
    }
}

/// A compiled conversion: OpenCC's segmentation and conversion chain.
pub struct Converter {
    /// Cuts the text into the pieces each step converts separately.
    segmentation: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    steps: Vec<Step>,
    /// No key is plain ASCII, so text that is can pass unchanged without a scan.
    ascii_passes: bool,
}

impl Converter {
    /// Compiles a conversion: text cut by the longest entries of `segmentation` (when
    /// given), then each step of `steps` in turn, a step's tiers tried in order.
    pub fn new(segmentation: Option<Tier>, steps: Vec<Vec<Tier>>) -> Result<Converter, String> {
        let ascii_passes = steps
            .iter()
            .flatten()
            .flat_map(Tier::keys)
            .all(|key| !key.is_ascii());
        let segmentation = match segmentation {
            Some(tier) => Some(
                CharwiseDoubleArrayAhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build_with_values(tier.keys().zip(0u32..))
                    .map_err(|e| e.to_string())?,
            ),
            None => None,
        };
        let steps = steps
            .iter()
            .map(|tiers| Step::new(tiers))
            .collect::<Result<_, _>>()?;
        Ok(Converter {
            segmentation,
            steps,
            ascii_passes,
        })
    }

    /// `text` converted.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.convert_into(text, &mut out);
        out
    }

    /// Appends `text` converted to `out`.
    pub fn convert_into(&self, text: &str, out: &mut String) {
        if self.ascii_passes && text.is_ascii() {
            out.push_str(text);
            return;
        }
        match (&self.segmentation, self.steps.as_slice()) {
            (None, [only]) => only.convert_into(text, out),
            (None, _) => self.convert_piece(text, out),
            (Some(segmentation), _) => {
                let mut run_start = 0;
                for phrase in segmentation.leftmost_find_iter(text) {
                    if run_start < phrase.start() {
                        self.convert_piece(&text[run_start..phrase.start()], out);
                    }
                    self.convert_piece(&text[phrase.start()..phrase.end()], out);
                    run_start = phrase.end();
                }
                self.convert_piece(&text[run_start..], out);
            }
        }
    }

    /// One piece through every step.
    fn convert_piece(&self, piece: &str, out: &mut String) {
        let Some((last, before)) = self.steps.split_last() else {
            out.push_str(piece);
            return;
        };
        let mut current = Cow::Borrowed(piece);
        for step in before {
            let mut next = String::with_capacity(current.len());
            step.convert_into(&current, &mut next);
            current = Cow::Owned(next);
        }
        last.convert_into(&current, out);
    }
}

#[cfg(test)]
mod tests;
