//! OpenCC's phrase-table conversion, compiled once into automata and run in one pass
//! over the text.
//!
//! A conversion is OpenCC's recipe ([`Recipe`]): an optional *normalization* (single
//! characters mapped before anything else: OpenCC's configurations map the CJK
//! compatibility ideographs to the unified ones there), an optional *segmentation* (the
//! text is cut into the longest phrases of one table and the runs between them, and
//! every later step converts each piece on its own), then *steps* applied one after the
//! other. A step tries its tables in order at each position: the first table holding an
//! entry that starts there gives its longest such entry (OpenCC's `short_circuit`
//! group); tables joined into one [`Tier`] compete on length instead (its `union`).
//! Each step is one double-array Aho–Corasick automaton (`daachorse`, leftmost-first
//! over the entries ordered tier by tier, longest first), so converting costs one scan
//! of the text, not a dictionary lookup per position.
//!
//! Normalization costs no scan of its own: the characters it maps are also patterns of
//! the first automaton the text meets, marked as such, and only a text in which that
//! scan meets one is normalised and converted again. Keys holding such a character are
//! left out of every table: after normalization no text can hold one.
//!
//! The recipes and tables menhu uses are in [`recipes`].

use std::borrow::Cow;
use std::collections::HashSet;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

mod recipes;

pub use self::recipes::{s2t, st_phrase_keys, t2s};

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

    /// Adds entries; keys already present, or given before, keep their value.
    pub fn add(&mut self, entries: impl IntoIterator<Item = (String, String)>) {
        let present: HashSet<&str> = self.keys().collect();
        let mut fresh: Vec<(String, String)> = entries
            .into_iter()
            .filter(|(k, _)| !k.is_empty() && !present.contains(k.as_str()))
            .collect();
        drop(present);
        // The first of keys given twice, without copying every key (a table has 50,000).
        let keep: Vec<bool> = {
            let mut seen = HashSet::new();
            fresh.iter().map(|(k, _)| seen.insert(k.as_str())).collect()
        };
        let mut keep = keep.into_iter();
        fresh.retain(|_| keep.next().unwrap_or(false));
        self.entries.append(&mut fresh);
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

/// What a conversion does, in OpenCC's terms: its configuration file with the tables
/// read.
#[derive(Debug, Clone, Default)]
pub struct Recipe {
    /// OpenCC's `normalization`: a table of single characters, applied to the whole
    /// text first. Its other entries are ignored.
    pub normalization: Option<Tier>,
    /// OpenCC's `mmseg` segmentation: the text cut by the longest entries of this tier.
    pub segmentation: Option<Tier>,
    /// OpenCC's `conversion_chain`: each step's tables, tried in order.
    pub steps: Vec<Vec<Tier>>,
}

/// The value of a pattern that is a character to normalise, not an entry.
const UNNORMALIZED: u32 = u32::MAX;

/// What a scan does on meeting a character normalization maps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnUnnormalized {
    /// Stop: the text must be normalised first.
    Stop,
    /// Copy it, as any character no entry matches (the text was normalised already).
    Copy,
}

/// A scan stopped at a character normalization maps.
struct FoundUnnormalized;

/// Characters normalization maps, sorted: patterns marked [`UNNORMALIZED`].
type Unnormalized = [char];

/// Whether `key` holds a character of `unnormalized`.
fn holds_unnormalized(key: &str, unnormalized: &Unnormalized) -> bool {
    !unnormalized.is_empty() && key.chars().any(|c| unnormalized.binary_search(&c).is_ok())
}

/// One compiled step: an automaton over its entries and their values.
struct Step {
    automaton: CharwiseDoubleArrayAhoCorasick<u32>,
    values: Vec<Box<str>>,
}

impl Step {
    /// `tiers` in order, each tier's entries longest first: leftmost-first matching then
    /// picks, at the leftmost position where anything matches, the first tier holding a
    /// match there and that tier's longest match. `unnormalized` come before all of
    /// them, and no key holding one is kept.
    fn new(tiers: &[Tier], unnormalized: &Unnormalized) -> Result<Step, String> {
        let mut seen = HashSet::new();
        let mut patterns: Vec<(&str, &str)> = Vec::new();
        for tier in tiers {
            let mut ordered: Vec<(&str, &str)> = tier
                .entries
                .iter()
                .filter(|(k, _)| !holds_unnormalized(k, unnormalized) && seen.insert(k.as_str()))
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            ordered.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
            patterns.extend(ordered);
        }
        let markers: Vec<String> = unnormalized.iter().map(char::to_string).collect();
        let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build_with_values(
                markers
                    .iter()
                    .map(|m| (m.as_str(), UNNORMALIZED))
                    .chain(patterns.iter().zip(0u32..).map(|((k, _), id)| (*k, id))),
            )
            .map_err(|e| e.to_string())?;
        let values = patterns.into_iter().map(|(_, v)| v.into()).collect();
        Ok(Step { automaton, values })
    }

    /// Appends `text` converted by this step to `out`.
    fn convert_into(
        &self,
        text: &str,
        out: &mut String,
        on_unnormalized: OnUnnormalized,
    ) -> Result<(), FoundUnnormalized> {
        let mut copied = 0;
        for found in self.automaton.leftmost_find_iter(text) {
            let Some(value) = self.values.get(found.value() as usize) else {
                if on_unnormalized == OnUnnormalized::Stop {
                    return Err(FoundUnnormalized);
                }
                continue;
            };
            out.push_str(&text[copied..found.start()]);
            out.push_str(value);
            copied = found.end();
        }
        out.push_str(&text[copied..]);
        Ok(())
    }
}

/// A compiled conversion: OpenCC's normalization, segmentation and conversion chain.
pub struct Converter {
    /// Maps the characters OpenCC normalises; `None` when the recipe has none.
    normalization: Option<Step>,
    /// Cuts the text into the pieces each step converts separately.
    segmentation: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    steps: Vec<Step>,
    /// No key is plain ASCII, so text that is can pass unchanged without a scan.
    ascii_passes: bool,
}

impl Converter {
    /// Compiles a recipe.
    pub fn new(recipe: Recipe) -> Result<Converter, String> {
        let normalization = recipe.normalization.unwrap_or_default();
        let mut unnormalized: Vec<char> = normalization.keys().filter_map(single_char).collect();
        unnormalized.sort_unstable();
        let ascii_passes = recipe
            .steps
            .iter()
            .flatten()
            .flat_map(Tier::keys)
            .chain(normalization.keys())
            .all(|key| !key.is_ascii());
        let segmentation = match recipe.segmentation {
            Some(tier) => Some(segmentation_automaton(&tier, &unnormalized)?),
            None => None,
        };
        // Only the first automaton the text meets looks out for unnormalised characters.
        let steps = recipe
            .steps
            .iter()
            .enumerate()
            .map(|(i, tiers)| {
                let first = i == 0 && segmentation.is_none();
                Step::new(tiers, if first { &unnormalized } else { &[] })
            })
            .collect::<Result<_, _>>()?;
        let normalization = if unnormalized.is_empty() {
            None
        } else {
            let mut single = Tier::default();
            single.add(
                normalization
                    .entries
                    .into_iter()
                    .filter(|(k, _)| single_char(k).is_some()),
            );
            Some(Step::new(&[single], &[])?)
        };
        Ok(Converter {
            normalization,
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
        let start = out.len();
        let Err(FoundUnnormalized) = self.convert_normalized(text, out, OnUnnormalized::Stop)
        else {
            return;
        };
        // Rare: the text holds a character to normalise. Start again from the normalised text.
        out.truncate(start);
        let mut normalized = String::with_capacity(text.len());
        if let Some(normalization) = &self.normalization {
            let _ = normalization.convert_into(text, &mut normalized, OnUnnormalized::Copy);
        }
        let _ = self.convert_normalized(&normalized, out, OnUnnormalized::Copy);
    }

    /// Segmentation and steps over a text taken as normalised; with
    /// [`OnUnnormalized::Stop`], stops where it is not.
    fn convert_normalized(
        &self,
        text: &str,
        out: &mut String,
        on_unnormalized: OnUnnormalized,
    ) -> Result<(), FoundUnnormalized> {
        let Some(segmentation) = &self.segmentation else {
            return self.convert_piece(text, out, on_unnormalized);
        };
        let mut run_start = 0;
        for phrase in segmentation.leftmost_find_iter(text) {
            if phrase.value() == UNNORMALIZED {
                if on_unnormalized == OnUnnormalized::Stop {
                    return Err(FoundUnnormalized);
                }
                // Part of the run between phrases, as any character no phrase holds.
                continue;
            }
            if run_start < phrase.start() {
                self.convert_piece(&text[run_start..phrase.start()], out, on_unnormalized)?;
            }
            self.convert_piece(&text[phrase.start()..phrase.end()], out, on_unnormalized)?;
            run_start = phrase.end();
        }
        self.convert_piece(&text[run_start..], out, on_unnormalized)
    }

    /// One piece through every step.
    fn convert_piece(
        &self,
        piece: &str,
        out: &mut String,
        on_unnormalized: OnUnnormalized,
    ) -> Result<(), FoundUnnormalized> {
        let Some((last, before)) = self.steps.split_last() else {
            out.push_str(piece);
            return Ok(());
        };
        let mut current = Cow::Borrowed(piece);
        for step in before {
            let mut next = String::with_capacity(current.len());
            step.convert_into(&current, &mut next, on_unnormalized)?;
            current = Cow::Owned(next);
        }
        last.convert_into(&current, out, on_unnormalized)
    }
}

/// OpenCC's `mmseg` over `tier`'s keys (leftmost-longest), `unnormalized` marked.
fn segmentation_automaton(
    tier: &Tier,
    unnormalized: &Unnormalized,
) -> Result<CharwiseDoubleArrayAhoCorasick<u32>, String> {
    let markers: Vec<String> = unnormalized.iter().map(char::to_string).collect();
    let keys = tier.keys().filter(|k| !holds_unnormalized(k, unnormalized));
    CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build_with_values(
            markers
                .iter()
                .map(|m| (m.as_str(), UNNORMALIZED))
                .chain(keys.zip(0u32..)),
        )
        .map_err(|e| e.to_string())
}

/// The character a one-character key is.
fn single_char(key: &str) -> Option<char> {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
