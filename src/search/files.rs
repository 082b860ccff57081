//! The index's files: the terms of one page, the meta file with facet labels and
//! per-document columns, the postings shards, the stored-text files, and the plain
//! search page used when the theme has none. Only `meta.mz` is gzip.

use std::collections::HashSet;
use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use super::build;
use super::dictionary::Cuts;
use super::docs::{SearchDoc, section_title};
use super::postings::{FastMap, TermList, encode_shard, shard_count_for, shard_lists};
use super::reuse::{Digest, Key, TermStore};
use super::tokens::{PageTerms, TermCollector, field};
use super::{SHARD_TARGET_BYTES, TEXT_CHUNK};
use crate::diag::Diagnostic;
use crate::output::{Output, OutputSink, SinkOutcome};
use crate::portal::Portal;
use crate::portal::org::level_name;
use crate::zh::t2s_pairs;

/// Format version of the index files, checked by the client.
const FORMAT_VERSION: u32 = 5;

/// The terms of one document, field by field, collected with `terms` (reused from page
/// to page); `cuts` holds the dictionary words of its title and headings.
pub(super) fn page_terms(doc: &SearchDoc<'_>, cuts: &Cuts, terms: &mut TermCollector) -> PageTerms {
    let meta = &doc.page.source.meta;
    terms.add_text(&meta.title, field::TITLE);
    terms.add_words(cuts.of_text(&meta.title), field::TITLE);
    for heading in &doc.headings {
        terms.add_text(heading, field::HEADING);
        terms.add_words(cuts.of_text(heading), field::HEADING);
    }
    let org = meta.org.as_ref().map(|o| o.value.as_str());
    let city = doc.place.city.as_deref();
    for value in doc.tags.iter().map(String::as_str).chain(city).chain(org) {
        terms.add_value(value, field::META);
    }
    terms.add_text(&doc.page.rendered.text, 0);
    terms.finish()
}

/// Values of one facet, numbered in sorted order. Looked up by hash: a facet has a few
/// hundred values at most, but every document looks its own up.
#[derive(Default)]
struct Labels<'a> {
    ids: FastMap<&'a str, i32>,
    names: Vec<&'a str>,
}

impl<'a> Labels<'a> {
    fn of(values: impl Iterator<Item = &'a str>) -> Labels<'a> {
        let mut ids: FastMap<&str, i32> = FastMap::default();
        for value in values {
            ids.entry(value).or_default();
        }
        let mut names: Vec<&str> = ids.keys().copied().collect();
        names.sort_unstable();
        for (i, name) in names.iter().enumerate() {
            ids.insert(name, i32::try_from(i).unwrap_or(i32::MAX));
        }
        Labels { ids, names }
    }
    fn id(&self, value: Option<&str>) -> i32 {
        value.and_then(|v| self.ids.get(v)).copied().unwrap_or(-1)
    }
    /// The values in id order, once the ids are given out.
    fn into_names(self) -> Vec<&'a str> {
        self.names
    }
}

/// Per-document columns, one entry per document id.
#[derive(Serialize)]
struct Columns {
    date: Vec<u32>,
    /// Text length in hundreds of characters.
    len: Vec<usize>,
    sec: Vec<i32>,
    city: Vec<i32>,
    prov: Vec<i32>,
    level: Vec<i32>,
    tags: Vec<Vec<i32>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    /// The document table's id ([`build::table_id`]) in hex, which every shard and
    /// stored-text file starts with.
    table: &'a str,
    docs: usize,
    shards: u32,
    chunk: usize,
    t2s: String,
    sections: Vec<(&'a str, String)>,
    cities: Vec<&'a str>,
    provinces: Vec<&'a str>,
    tags: Vec<&'a str>,
    /// Each level with the name readers see.
    levels: Vec<(&'a str, &'static str)>,
    columns: Columns,
}

/// `meta.mz` and the shards (the stored-text files are [`write_text_files`]), each
/// handed to `sink` as soon as it is made, with the digest of them all ([`build`]).
/// `table` is the document table's id ([`build::table_id`], in [`build::hex`]), which
/// `meta.mz` holds and every shard starts with.
///
/// [`build`]: super::build
pub(super) fn write_index_files(
    portal: &Portal,
    docs: &[SearchDoc<'_>],
    lengths: &[usize],
    lists: &[TermList],
    table: &str,
    sink: &dyn OutputSink,
) -> Result<(Vec<SinkOutcome>, u64), Diagnostic> {
    let total: usize = lists.iter().map(|l| l.bytes.len() + l.term.len() + 4).sum();
    let shard_count = shard_count_for(total, SHARD_TARGET_BYTES);
    let width = format!("{:x}", shard_count.saturating_sub(1)).len();
    // Not compressed: gzip makes postings only about a seventh smaller, and took a
    // tenth of the index's build time on the 10,000-page benchmark.
    let shards = || {
        shard_lists(lists, shard_count)
            .into_par_iter()
            .enumerate()
            .map(|(i, mut shard)| {
                digested(
                    Output {
                        path: format!("search/s/{i:0width$x}.mz"),
                        body: encode_shard(&mut shard, table.as_bytes()),
                    },
                    sink,
                )
            })
            .collect::<Result<Vec<(SinkOutcome, u64)>, Diagnostic>>()
    };
    let meta = || {
        let json = meta_json(portal, docs, lengths, lists, table, shard_count);
        let output = Output {
            path: "search/meta.mz".into(),
            body: gzipped(json.as_bytes()),
        };
        digested(output, sink)
    };
    let (shards, meta) = rayon::join(shards, meta);
    let (mut taken, shards_digest) = build::unzip_digested(shards?);
    let (meta, meta_digest) = meta?;
    taken.push(meta);
    Ok((taken, build::combined([shards_digest, meta_digest])))
}

/// Hands `output` to `sink`, with the digest of its bytes (their BLAKE3 hash, which the
/// sink is given too, so that it need not hash them again).
fn digested(output: Output, sink: &dyn OutputSink) -> Result<(SinkOutcome, u64), Diagnostic> {
    hashed(output, sink).map(|(taken, hash)| (taken, build::digest_of_hash(&hash)))
}

/// Hands `output` to `sink`, with the BLAKE3 hash of its bytes.
fn hashed(output: Output, sink: &dyn OutputSink) -> Result<(SinkOutcome, [u8; 32]), Diagnostic> {
    let hash = *blake3::hash(&output.body).as_bytes();
    Ok((sink.take_hashed(output, hash)?, hash))
}

/// `bytes` as gzip, at the default level: `meta.mz` is fetched by every query.
fn gzipped(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::default(),
    );
    // Writing into memory cannot fail.
    let written = encoder.write_all(bytes);
    debug_assert!(written.is_ok());
    encoder.finish().unwrap_or_default()
}

fn meta_json(
    portal: &Portal,
    docs: &[SearchDoc<'_>],
    lengths: &[usize],
    lists: &[TermList],
    table: &str,
    shards: u32,
) -> String {
    let sections = Labels::of(docs.iter().map(|d| d.section.as_str()));
    let cities = Labels::of(docs.iter().filter_map(|d| d.place.city.as_deref()));
    let provinces = Labels::of(docs.iter().filter_map(|d| d.place.province.as_deref()));
    let tags = Labels::of(docs.iter().flat_map(|d| d.tags.iter().map(String::as_str)));
    let levels = Labels::of(docs.iter().filter_map(|d| d.level.as_deref()));
    let columns = Columns {
        date: docs.iter().map(|d| d.date).collect(),
        len: lengths.iter().map(|n| length_bucket(*n)).collect(),
        sec: docs.iter().map(|d| sections.id(Some(&d.section))).collect(),
        city: docs
            .iter()
            .map(|d| cities.id(d.place.city.as_deref()))
            .collect(),
        prov: docs
            .iter()
            .map(|d| provinces.id(d.place.province.as_deref()))
            .collect(),
        level: docs.iter().map(|d| levels.id(d.level.as_deref())).collect(),
        tags: docs
            .iter()
            .map(|d| d.tags.iter().map(|t| tags.id(Some(t))).collect())
            .collect(),
    };
    let meta = Meta {
        version: FORMAT_VERSION,
        table,
        docs: docs.len(),
        shards,
        chunk: TEXT_CHUNK,
        t2s: needed_t2s(lists),
        sections: sections
            .into_names()
            .into_iter()
            .map(|k| (k, section_title(portal, k)))
            .collect(),
        cities: cities.into_names(),
        provinces: provinces.into_names(),
        tags: tags.into_names(),
        levels: levels
            .into_names()
            .into_iter()
            .map(|level| (level, level_name(level).unwrap_or_default()))
            .collect(),
        columns,
    };
    serde_json::to_string(&meta).unwrap_or_default()
}

/// Text length in hundreds of characters, at least 1: precise enough for BM25's length
/// normalisation, and a third of the bytes of exact counts.
fn length_bucket(chars: usize) -> usize {
    chars.div_ceil(100).max(1)
}

/// The Traditional→Simplified pairs whose Simplified character occurs in some term:
/// a query character mapping to anything else could not match anyway.
fn needed_t2s(lists: &[TermList]) -> String {
    let used: HashSet<char> = lists.iter().flat_map(|l| l.term.chars()).collect();
    t2s_pairs()
        .filter(|(_, s)| used.contains(s))
        .flat_map(|(t, s)| [t, s])
        .collect()
}

/// `t/<n>.mz`: the stored text of [`TEXT_CHUNK`] documents each, for excerpts, in
/// UTF-16LE without a byte-order mark (two bytes a Chinese character instead of three),
/// not compressed (see [`TEXT_CHUNK`]); each handed to `sink` as soon as it is made.
///
/// A file is `table`, the document table's id ([`build::table_id`], in [`build::hex`]),
/// then one line of JSON, `[[title, path, date, length], …]`, a line feed, then the
/// documents' texts one after the other, `length` UTF-16 code units each. The texts,
/// nearly all of a file's bytes, are copied as they are instead of escaped as JSON
/// strings: half the cost of writing them.
///
/// Returns the files with the digest of them all ([`build`]).
///
/// [`build`]: super::build
pub(super) fn write_text_files(
    docs: &[SearchDoc<'_>],
    table: &str,
    store: Option<&TermStore>,
    sink: &dyn OutputSink,
) -> Result<(Vec<SinkOutcome>, u64), Diagnostic> {
    let made = docs
        .par_chunks(TEXT_CHUNK)
        .enumerate()
        .map_init(Vec::new, |units, (i, chunk)| {
            let stored: Vec<StoredDoc> = chunk.iter().map(stored_doc).collect();
            let path = format!("search/t/{i}.mz");
            let key = store.map(|_| text_key(table, &stored));
            let held = store
                .zip(key)
                .and_then(|(store, key)| store.text_file(key))
                .filter(|hash| sink.holds(&path, hash));
            if let Some(hash) = held {
                let digest = build::digest_of_hash(&hash);
                return Ok(((SinkOutcome::Written(path), digest), key.map(|k| (k, hash))));
            }
            let output = Output {
                path,
                body: stored_text_file(table.as_bytes(), stored.into_iter(), units),
            };
            let (taken, hash) = hashed(output, sink)?;
            let digest = build::digest_of_hash(&hash);
            Ok(((taken, digest), key.map(|k| (k, hash))))
        })
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    let (files, kept): (Vec<(SinkOutcome, u64)>, Vec<Option<KeptText>>) = made.into_iter().unzip();
    if let Some(store) = store {
        store.keep_texts(kept.into_iter().flatten().collect());
    }
    Ok(build::unzip_digested(files))
}

/// A stored-text file for the next build: the key of what it is made of, the BLAKE3
/// hash of its bytes.
type KeptText = (Key, [u8; 32]);

/// What a result shows of `doc`.
fn stored_doc<'a>(doc: &SearchDoc<'a>) -> StoredDoc<'a> {
    StoredDoc {
        title: &doc.page.source.meta.title,
        path: &doc.page.url.path,
        date: doc
            .page
            .date
            .as_ref()
            .map(|x| x.day().format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        text: &doc.page.rendered.text,
    }
}

/// The key of a stored-text file of `docs` in the index of document table `table`:
/// a hash of everything its bytes are made of.
fn text_key(table: &str, docs: &[StoredDoc<'_>]) -> Key {
    let mut hash = Digest::default();
    hash.field(table.as_bytes());
    hash.word(docs.len() as u64);
    for doc in docs {
        for field in [doc.title, doc.path, &doc.date, doc.text] {
            hash.field(field.as_bytes());
        }
    }
    hash.finish()
}

/// What a result shows of one document.
struct StoredDoc<'a> {
    title: &'a str,
    path: &'a str,
    /// `YYYY-MM-DD`, empty when undated.
    date: String,
    text: &'a str,
}

/// The bytes of one stored-text file ([`write_text_files`]), after `head`; `units` is
/// scratch space.
fn stored_text_file<'a>(
    head: &[u8],
    docs: impl Iterator<Item = StoredDoc<'a>>,
    units: &mut Vec<u16>,
) -> Vec<u8> {
    units.clear();
    let mut header = Vec::new();
    for doc in docs {
        let start = units.len();
        // encoding_rs needs room for as many code units as the text has bytes.
        units.resize(start + doc.text.len(), 0);
        let written = units.get_mut(start..).map_or(0, |room| {
            encoding_rs::mem::convert_str_to_utf16(doc.text, room)
        });
        units.truncate(start + written);
        header.push((doc.title, doc.path, doc.date, written));
    }
    let mut line = serde_json::to_string(&header).unwrap_or_default();
    line.push('\n');
    let header: Vec<u16> = line.encode_utf16().collect();
    let mut body = vec![0; head.len() + (header.len() + units.len()) * 2];
    let (file_head, rest) = body.split_at_mut(head.len());
    file_head.copy_from_slice(head);
    // Two plain loops over slices, which compile to wide copies.
    let (json, texts) = rest.split_at_mut(header.len() * 2);
    for (pair, unit) in json.chunks_exact_mut(2).zip(&header) {
        pair.copy_from_slice(&unit.to_le_bytes());
    }
    for (pair, unit) in texts.chunks_exact_mut(2).zip(units.iter()) {
        pair.copy_from_slice(&unit.to_le_bytes());
    }
    body
}

/// A plain search page for themes without `search.html`.
pub fn fallback_page(portal: &Portal) -> String {
    let config = &portal.config;
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>搜索 - {title}</title>\n</head>\n<body>\n<main>\n<h1>站内搜索</h1>\n\
<div id=\"search-app\"></div>\n</main>\n\
<script type=\"module\" src=\"search-ui.js\"></script>\n</body>\n</html>\n",
        lang = tera::escape_html(&config.default_language),
        title = tera::escape_html(&config.title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    type Stored = Vec<(String, String, String, String)>;

    /// The documents of a stored-text file, read the way the client reads it.
    fn read_stored_text(body: &[u8]) -> Result<Stored, Box<dyn std::error::Error>> {
        let units: Vec<u16> = body
            .chunks(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        let newline = units
            .iter()
            .position(|u| *u == u16::from(b'\n'))
            .ok_or("no header line")?;
        let header: Vec<(String, String, String, usize)> =
            serde_json::from_str(&String::from_utf16(&units[..newline])?)?;
        let mut at = newline + 1;
        let mut documents = Vec::new();
        for (title, path, date, length) in header {
            documents.push((
                title,
                path,
                date,
                String::from_utf16(&units[at..at + length])?,
            ));
            at += length;
        }
        Ok(documents)
    }

    #[test]
    fn the_meta_file_is_gzip_of_the_json() -> Result<(), Box<dyn std::error::Error>> {
        use std::io::Read;
        let long: Vec<u8> = (0..200_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        for input in [&b"\xe6\xa2\xa7\xe5\xb7\x9e"[..], &[], &long] {
            let packed = gzipped(input);
            assert_eq!(packed.get(..2), Some(&[0x1F, 0x8B][..]));
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&packed[..]).read_to_end(&mut out)?;
            assert_eq!(out, input);
        }
        Ok(())
    }

    #[test]
    fn stored_text_is_utf16_little_endian_without_a_mark() {
        let body = stored_text_file(b"head", std::iter::empty(), &mut Vec::new());
        assert_eq!(body, [b'h', b'e', b'a', b'd', b'[', 0, b']', 0, b'\n', 0]);
    }

    #[test]
    fn stored_texts_come_back_whole_whatever_they_hold() -> Result<(), Box<dyn std::error::Error>> {
        let texts = [
            "梧州\n“科协”",
            "a\"b\\c",
            "\t\u{1}\r",
            "",
            "𠀀 </script>\n[\u{feff}",
        ];
        let docs = texts.iter().enumerate().map(|(i, text)| StoredDoc {
            title: if i == 0 { "标题\n\"" } else { "" },
            path: "/news/a/",
            date: "2024-05-01".to_owned(),
            text,
        });
        let read = read_stored_text(&stored_text_file(&[], docs, &mut Vec::new()))?;
        assert_eq!(read.len(), texts.len());
        assert_eq!(read[0].0, "标题\n\"");
        assert_eq!(
            (read[1].1.as_str(), read[1].2.as_str()),
            ("/news/a/", "2024-05-01")
        );
        let read_texts: Vec<&str> = read.iter().map(|d| d.3.as_str()).collect();
        assert_eq!(read_texts, texts);
        Ok(())
    }
}
