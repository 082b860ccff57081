//! Site search: the portal's pages → a static, sharded index under `/search/` plus the
//! client that queries it, written when `build_search_index = true`. Independent of the
//! theme: it indexes what the portal knows (title, headings, text, tags, city,
//! organisation), not the rendered HTML.
//!
//! Files: `build.json` (which build the others are of, see `build.rs`), `meta.mz`
//! (counts, facet labels, per-document facet and ranking columns, the
//! Traditional→Simplified pairs the query needs), `s/<hex>.mz` (postings shards keyed
//! by a hash of the term), `t/<n>.mz` (stored text of a few documents, for excerpts),
//! each of these two starting with the id of the build's document table (`build.rs`),
//! `search-core.js` (the ES module, see docs/search.md) and `search-ui.js` (the page).
//! `meta.mz` is gzip; the shards and the stored text are not compressed, which cost
//! build time for few bytes (shards) or more bytes per query (see [`TEXT_CHUNK`]).

mod build;
mod dictionary;
mod docs;
mod files;
mod postings;
mod reuse;
mod terms;
mod tokens;

use std::collections::HashMap;
use std::thread::JoinHandle;

use rayon::prelude::*;

use crate::content::Page;
use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::output::{Output, OutputSink, SinkOutcome};
use crate::portal::Portal;

pub use files::fallback_page;
pub use reuse::TermStore;
pub use terms::index_terms;

/// The top-level output folder that holds every file of the index, and nothing else
/// does: the rest of the output is final while the index is written.
pub const FOLDER: &str = "search";

/// The search core, an ES module (see docs/search.md).
pub const CORE_JS: &str = include_str!("client/search-core.js");
/// The search page's script.
pub const UI_JS: &str = include_str!("client/search-ui.js");

/// Documents whose stored text shares one file: fewer files (each costs build time to
/// write) against more bytes per shown result. The stored text is not compressed:
/// compressing it was the largest single cost of indexing (a fifth of it on the
/// 10,000-page benchmark), and two uncompressed documents a file are fewer bytes per
/// shown result than four compressed ones, for a larger index on disk.
const TEXT_CHUNK: usize = 2;

/// Postings bytes aimed at per shard before compression: 1,024 shards on the
/// 10,000-page benchmark, half as many files to write as at 12,000 bytes for a few
/// kilobytes more per query.
const SHARD_TARGET_BYTES: usize = 24_000;

/// Pages tokenised per parallel batch, bounding the memory of terms not yet merged
/// (about 5 MB a batch on the 10,000-page benchmark).
const BATCH: usize = 256;

/// The dictionary words of every page's title and headings, being cut on a thread of
/// its own ([`cut_early`]).
pub struct EarlyCuts(JoinHandle<dictionary::Cuts>);

/// Starts cutting the titles and headings of `pages` (with their Markdown, `rendered`)
/// into dictionary words on a thread of its own, as soon as the Markdown is rendered:
/// loading the dictionary and cutting take tens of milliseconds of one core. Started
/// here, they run while the portal is assembled, a stage that leaves a core idle much of
/// the time, instead of at the start of the index, where both cores are busy. `None`
/// when `config` asks for no index, or no thread could be started: the index cuts
/// them itself.
pub fn cut_early(
    config: &crate::config::Config,
    pages: &[Page],
    rendered: &[Rendered],
) -> Option<EarlyCuts> {
    if !config.build_search_index {
        return None;
    }
    let texts = dictionary::texts_to_cut(pages.iter().zip(rendered));
    std::thread::Builder::new()
        .name("search-cuts".into())
        .spawn(move || dictionary::Cuts::of(texts))
        .ok()
        .map(EarlyCuts)
}

/// The index, the client and, when the theme renders no search page of its own
/// (`search.html`), a plain one, each handed to `sink` as soon as it is made, from
/// several threads: the stored text, most of the index's bytes, is never all in memory.
/// `cuts`: the dictionary words of the titles and headings, when [`cut_early`] was
/// called; they are cut here otherwise. `store`: the terms of the pages kept by the
/// last build with the cache, which keeps this build's for the next.
pub fn write_search_outputs(
    portal: &Portal,
    theme_has_search_page: bool,
    cuts: Option<EarlyCuts>,
    store: Option<&TermStore>,
    sink: &dyn OutputSink,
) -> Result<Vec<SinkOutcome>, Diagnostic> {
    let docs = docs::collect(portal);
    let table = build::hex(build::table_id(
        docs.iter().map(|d| d.page.url.path.as_str()),
    ));
    // The stored text needs no postings: it is written meanwhile.
    let (index, texts) = rayon::join(
        || {
            let cuts = match cuts {
                Some(EarlyCuts(cutting)) => cutting
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                None => dictionary::Cuts::of(dictionary::texts_to_cut(
                    portal.pages.iter().map(|p| (&p.source, &p.rendered)),
                )),
            };
            let (postings, lengths) = postings(&docs, &cuts, store);
            let script_table = portal
                .config
                .traditional
                .then(|| traditional_table(&postings));
            let lists = postings.finish();
            let written = files::write_index_files(portal, &docs, &lengths, &lists, &table, sink);
            written.map(|written| (written, script_table))
        },
        || files::write_text_files(&docs, &table, store, sink),
    );
    let (mut taken, texts_digest) = texts?;
    let ((index, index_digest), script_table) = index?;
    taken.extend(index);
    let mut rest = vec![
        build::build_file(build::combined([index_digest, texts_digest])),
        Output {
            path: "search/search-core.js".into(),
            body: served(CORE_JS).into_bytes(),
        },
        Output {
            path: "search/search-ui.js".into(),
            body: ui_script().into_bytes(),
        },
    ];
    rest.extend(script_table);
    if !theme_has_search_page {
        rest.push(Output {
            path: "search/index.html".into(),
            body: fallback_page(portal).into_bytes(),
        });
    }
    for output in rest {
        taken.push(sink.take(output)?);
    }
    Ok(taken)
}

thread_local! {
    /// Each thread's collector, kept for the life of the thread: its buffers (4 MiB of
    /// grid) are set up once, not once per batch of pages.
    static COLLECTOR: std::cell::RefCell<tokens::TermCollector> =
        std::cell::RefCell::new(tokens::TermCollector::default());
}

/// The postings of every term, and the length of each document's text in characters.
/// Pages are tokenised once each (or their terms read back from `store`), in parallel
/// batches; a batch's terms are merged into the postings (which must happen in id
/// order, on one thread) while the next batch is being tokenised.
fn postings(
    docs: &[docs::SearchDoc<'_>],
    cuts: &dictionary::Cuts,
    store: Option<&TermStore>,
) -> (postings::Postings, Vec<usize>) {
    let tokenize = |batch: &[docs::SearchDoc<'_>]| -> Vec<tokens::PageTerms> {
        let Some(store) = store else {
            return batch
                .par_iter()
                .map(|doc| {
                    COLLECTOR.with_borrow_mut(|collector| files::page_terms(doc, cuts, collector))
                })
                .collect();
        };
        let (terms, found): (Vec<tokens::PageTerms>, Vec<reuse::Found>) = batch
            .par_iter()
            .map(|doc| COLLECTOR.with_borrow_mut(|collector| store.terms(doc, cuts, collector)))
            .unzip();
        store.keep(found);
        terms
    };
    let mut postings = postings::Postings::default();
    let mut lengths = Vec::with_capacity(docs.len());
    let mut pending: (usize, Vec<tokens::PageTerms>) = (0, Vec::new());
    for (batch_index, batch) in docs.chunks(BATCH).enumerate() {
        let (first, terms) = std::mem::take(&mut pending);
        lengths.extend(terms.iter().map(|t| t.body_chars));
        let ((), next) = rayon::join(|| postings.add_all(first, terms), || tokenize(batch));
        pending = (batch_index * BATCH, next);
    }
    let (first, terms) = pending;
    lengths.extend(terms.iter().map(|t| t.body_chars));
    postings.add_all(first, terms);
    (postings, lengths)
}

/// The search page's script, importing the core by an address that names its version
/// (`./search-core.js?v=<digest>`): a browser holding a cached core of an earlier menhu
/// would otherwise run the new page against it, and an export the page needs could be
/// missing.
fn ui_script() -> String {
    let digest = build::hex(build::content_digest(served(CORE_JS).as_bytes()));
    served(UI_JS).replacen(
        &format!("'{CORE_IMPORT}'"),
        &format!("'{CORE_IMPORT}?v={digest}'"),
        1,
    )
}

/// `script` as readers get it: without its lines of comment (lines starting `//`, and
/// blocks starting a line with `/*`, to the line holding `*/`), a fifth of its bytes,
/// written for those who work on it. The scripts put no code on a comment's line.
fn served(script: &str) -> String {
    let mut out = String::with_capacity(script.len());
    let mut in_block = false;
    for line in script.lines() {
        let code = line.trim_start();
        if in_block || code.starts_with("/*") {
            in_block = !code.contains("*/");
        } else if !code.starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The address the page's script imports the core from, in its source.
const CORE_IMPORT: &str = "./search-core.js";

/// `search/s2t.json`: what the client uses on Traditional pages to show results in the
/// visitor's script, as the pages show it: the character table, and the phrases of the
/// index's text that the characters alone would convert otherwise (`关系` → `關係`, not
/// `關系`). Every entry keeps the text's length, so the highlight offsets computed on
/// the index text stay valid.
///
/// A phrase is sent when each of its character pairs is a term of the index (`postings`):
/// the index holds every pair of its texts, so no phrase of them is missed, and phrases
/// that only seem to occur cost a few bytes.
fn traditional_table(postings: &postings::Postings) -> Output {
    let pairs = crate::zh::traditional_chars();
    let simplified: String = pairs.iter().map(|(s, _)| *s).collect();
    let traditional: String = pairs.iter().map(|(_, t)| *t).collect();
    let chars: HashMap<char, char> = pairs.into_iter().collect();
    let occurs = |key: &str| {
        let key: Vec<char> = key.chars().collect();
        key.windows(2).all(|two| postings.has_pair(two[0], two[1]))
    };
    let phrases: Vec<String> = crate::zh::traditional_phrases(&chars, occurs)
        .into_iter()
        .map(|(key, phrase)| format!("{key}{phrase}"))
        .collect();
    let body = serde_json::json!({ "s": simplified, "t": traditional, "p": phrases });
    Output {
        path: "search/s2t.json".into(),
        body: body.to_string().into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn the_client_stays_under_ten_kilobytes_gzipped() {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(served(CORE_JS).as_bytes()).unwrap();
        encoder.write_all(ui_script().as_bytes()).unwrap();
        let size = encoder.finish().unwrap().len();
        assert!(size < 10 * 1024, "client is {size} bytes gzipped");
    }

    #[test]
    fn readers_get_the_scripts_without_their_comments() {
        let script = "// What it is.\n/** One line. */\nconst a = 1; // why\n/**\n * Two.\n */\n  // Indented.\nf(a);\n";
        assert_eq!(served(script), "const a = 1; // why\nf(a);\n");
        for script in [served(CORE_JS), ui_script()] {
            assert!(
                !script.lines().any(|l| ["//", "/*", "*"]
                    .iter()
                    .any(|c| l.trim_start().starts_with(c))),
                "a comment line left"
            );
        }
        assert!(served(CORE_JS).contains("export async function openIndex"));
    }

    #[test]
    fn the_page_imports_the_core_by_its_version() {
        assert!(
            UI_JS.contains(&format!("from '{CORE_IMPORT}';")),
            "the import to version"
        );
        let script = ui_script();
        let digest = build::hex(build::content_digest(served(CORE_JS).as_bytes()));
        assert!(
            script.contains(&format!("from './search-core.js?v={digest}';")),
            "{}",
            script
                .lines()
                .find(|l| l.contains("import"))
                .unwrap_or_default()
        );
        assert!(!script.contains(&format!("'{CORE_IMPORT}'")));
    }

    #[test]
    fn the_client_core_hashes_and_normalises_like_the_index() {
        // The constants that must agree between Rust and JavaScript.
        assert!(CORE_JS.contains("0x811c9dc5") && CORE_JS.contains("0x01000193"));
        assert!(CORE_JS.contains("0xff01") && CORE_JS.contains("0xfee0"));
        assert!(CORE_JS.contains("const COMMON_WEIGHT = 8;"));
        assert_eq!(postings::COMMON_WEIGHT, 8);
    }
}
