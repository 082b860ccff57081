//! The Markdown renders a build with the cache keeps between runs: `markdown.bin` in
//! the cache folder, so that a push changing one article renders one article's
//! Markdown, not the site's.
//!
//! A page's render is reused on the rules of the preview ([`crate::fingerprint`]):
//! while its body (kept as its BLAKE3 hash, not as text), the line it starts at, its
//! permalink and the answer to every link it resolved are unchanged, under the same
//! shortcode templates. A page whose shortcodes read beyond its body is rendered every
//! time, as in the preview, and so is one whose Markdown had problems (its render is
//! not kept; the warnings of the images and links of a kept one are read again from
//! it, as a render makes them).
//!
//! The files: `markdown.bin`, the table (which menhu, config and shortcode templates
//! made it, each page's reads and where its render is, then the BLAKE3 of all that),
//! and a data file of renders (postcard, each under its BLAKE3 in the table). Only the
//! table is read when a build starts; a page's render is read from the data file, and
//! checked against its hash, in the parallel Markdown pass and only when its reads
//! still hold, so no second copy of every page's HTML is ever in memory. A build adds
//! the renders it makes to the data file, after the bytes the last table knows (a
//! render reused is only listed again), and the new table replaces the last one by a
//! rename once the build is made: a build killed at any point leaves the last table
//! and the bytes it names as they were.
//!
//! Like the rest of the cache ([`super::persist`]) the file is untrusted input: sizes
//! are bounded, every byte used is checked against its hash, and a file of another
//! menhu or config, or in any way damaged, sets the cache aside with a note (W0501)
//! and the build is made clean.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::{Deserialize, Serialize};

use super::persist::{CacheDir, Header, Unused};
use crate::diag::Diagnostic;
use crate::diag::text::Said;
use crate::fingerprint::{self, Digest, LinkAnswers, MarkdownSource};
use crate::markdown::{Heading, ImageRef, LinkRef, LinkResolver, Rendered};
use crate::zh::TextStats;

/// The table's name in the cache folder.
const FILE: &str = "markdown.bin";
/// The layout of the files; a table of another layout is of another menhu.
const FORMAT: u32 = 1;
/// The table's last bytes: the BLAKE3 of the rest.
const HASH: u64 = 32;
/// The largest table read (a 100,000-page site's is well under this).
const MAX_TABLE_BYTES: u64 = 256 << 20;
/// The largest render kept (larger ones are rendered every time).
const MAX_RENDER_BYTES: u64 = 64 << 20;
/// Headings nest at most this deep in a kept table of contents (Markdown has six
/// levels; Chinese outline numbers nest within one).
const MAX_TOC_DEPTH: u32 = 64;

/// Who made the file and for which shortcode templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileHeader {
    format: u32,
    /// As the index's [`Header::menhu`].
    menhu: String,
    /// The digest of the build's configuration.
    config: u64,
    /// The digest of the shortcode templates ([`fingerprint::shortcodes_digest`]).
    shortcodes: Digest,
}

/// `markdown.bin`.
#[derive(Serialize, Deserialize)]
struct Table {
    header: FileHeader,
    /// Which of the two data files holds the renders ([`data_name`]).
    generation: u32,
    /// How many of its bytes the table knows: a build killed while adding to it may
    /// have left more.
    data_len: u64,
    renders: Vec<Kept>,
}

/// The data file of `generation`: two names, used in turn, so that the renders are
/// written afresh into one while the table still names the other.
fn data_name(generation: u32) -> String {
    format!("markdown.{}.data", generation % 2)
}

/// One kept render: whose it is, what it read, and where its bytes are.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Kept {
    /// The source file, relative to the site root.
    file: PathBuf,
    /// BLAKE3 of the Markdown text.
    body: [u8; 32],
    first_line: u32,
    permalink: String,
    answers: LinkAnswers,
    /// Offset of the render's bytes in the file, their length and BLAKE3.
    at: u64,
    len: u64,
    hash: [u8; 32],
}

/// A page's render as written to the file (borrowed from the [`Rendered`]); read back
/// as a [`StoredRender`]. The table of contents is flat, each heading with its depth,
/// so reading it back never recurses.
#[derive(Serialize)]
struct RenderRef<'a> {
    html: &'a str,
    summary_html: &'a str,
    has_more_marker: bool,
    toc: Vec<FlatHeadingRef<'a>>,
    text: &'a str,
    stats: TextStats,
    links: &'a [LinkRef],
    images: &'a [ImageRef],
    has_code: bool,
}

/// [`RenderRef`] read back.
#[derive(Deserialize)]
struct StoredRender {
    html: String,
    summary_html: String,
    has_more_marker: bool,
    toc: Vec<FlatHeading>,
    text: String,
    stats: TextStats,
    links: Vec<LinkRef>,
    images: Vec<ImageRef>,
    has_code: bool,
}

#[derive(Serialize)]
struct FlatHeadingRef<'a> {
    depth: u32,
    level: u32,
    id: &'a str,
    title: &'a str,
    permalink: &'a str,
    outline: Option<&'a str>,
}

#[derive(Deserialize)]
struct FlatHeading {
    depth: u32,
    level: u32,
    id: String,
    title: String,
    permalink: String,
    outline: Option<String>,
}

/// The bytes of a render to keep; `None` for a render that has problems (rendered
/// again every time, so its problems are reported as they are found).
fn render_bytes(rendered: &Rendered) -> Option<Vec<u8>> {
    let Rendered {
        html,
        summary_html,
        has_more_marker,
        toc,
        text,
        stats,
        links,
        images,
        problems,
        has_code,
    } = rendered;
    if !problems.is_empty() {
        return None;
    }
    let mut flat = Vec::new();
    flatten(toc, 0, &mut flat);
    let stored = RenderRef {
        html,
        summary_html,
        has_more_marker: *has_more_marker,
        toc: flat,
        text,
        stats: *stats,
        links,
        images,
        has_code: *has_code,
    };
    postcard::to_stdvec(&stored).ok()
}

fn flatten<'a>(headings: &'a [Heading], depth: u32, out: &mut Vec<FlatHeadingRef<'a>>) {
    for heading in headings {
        out.push(FlatHeadingRef {
            depth,
            level: heading.level,
            id: &heading.id,
            title: &heading.title,
            permalink: &heading.permalink,
            outline: heading.outline.as_deref(),
        });
        flatten(&heading.children, depth + 1, out);
    }
}

/// A render read back from `bytes`; `None` when they are not one.
fn read_render(bytes: &[u8]) -> Option<Rendered> {
    let stored: StoredRender = postcard::from_bytes(bytes).ok()?;
    Some(Rendered {
        html: stored.html,
        summary_html: stored.summary_html,
        has_more_marker: stored.has_more_marker,
        toc: unflatten(stored.toc)?,
        text: stored.text,
        stats: stored.stats,
        links: stored.links,
        images: stored.images,
        problems: Vec::new(),
        has_code: stored.has_code,
    })
}

/// The nested table of contents of `flat`, without recursion; `None` when a heading
/// is deeper than one below the heading before it.
fn unflatten(flat: Vec<FlatHeading>) -> Option<Vec<Heading>> {
    // The headings being filled, outermost first: each waits for its children.
    let mut open: Vec<Heading> = Vec::new();
    let mut top = Vec::new();
    let close = |open: &mut Vec<Heading>, top: &mut Vec<Heading>| {
        if let Some(done) = open.pop() {
            match open.last_mut() {
                Some(parent) => parent.children.push(done),
                None => top.push(done),
            }
        }
    };
    for heading in flat {
        let depth = heading.depth as usize;
        if depth > open.len() || heading.depth > MAX_TOC_DEPTH {
            return None;
        }
        while open.len() > depth {
            close(&mut open, &mut top);
        }
        open.push(Heading {
            level: heading.level,
            id: heading.id,
            title: heading.title,
            permalink: heading.permalink,
            outline: heading.outline,
            children: Vec::new(),
        });
    }
    while !open.is_empty() {
        close(&mut open, &mut top);
    }
    Some(top)
}

/// The renders of the last build: its table, by source file then permalink, and its
/// data file, opened.
struct LastFile {
    file: File,
    path: PathBuf,
    generation: u32,
    shortcodes: Digest,
    /// The bytes of the data file the table knows.
    end: u64,
    renders: HashMap<PathBuf, HashMap<String, Kept>>,
}

/// The Markdown renders of the last build with the cache, and the file of this one's,
/// written as the Markdown pass goes.
pub struct KeptMarkdown {
    last: Option<LastFile>,
    next: Option<NextFile>,
    /// This build's shortcode templates ([`Self::use_theme`]).
    shortcodes: OnceLock<Digest>,
    /// Renders made (not taken from the last build).
    rendered: AtomicUsize,
    /// Why a kept render could not be used, once found.
    damage: Mutex<Option<Said>>,
}

impl KeptMarkdown {
    /// The renders kept in `cache` by this menhu for the config of digest `config`, and
    /// a new file to write: none when the cache has no file yet; why the cache is not
    /// used when it has one that cannot be.
    pub fn open(cache: &CacheDir, config: u64) -> Result<KeptMarkdown, Unused> {
        let last = read_last(cache, config)?;
        Ok(KeptMarkdown::from_last(cache, last))
    }

    /// No renders kept: every page is rendered, into a new file.
    pub fn anew(cache: &CacheDir) -> KeptMarkdown {
        KeptMarkdown::from_last(cache, None)
    }

    fn from_last(cache: &CacheDir, last: Option<LastFile>) -> KeptMarkdown {
        KeptMarkdown {
            next: NextFile::create(cache, last.as_ref()),
            last,
            shortcodes: OnceLock::new(),
            rendered: AtomicUsize::new(0),
            damage: Mutex::new(None),
        }
    }

    /// Notes this build's shortcode templates (every template's digest,
    /// [`fingerprint::template_digests`]): renders kept under others are not reused.
    pub fn use_theme(&self, template_digests: &std::collections::BTreeMap<String, Digest>) {
        let _ = self
            .shortcodes
            .set(fingerprint::shortcodes_digest(template_digests));
    }

    /// How many pages' and sections' Markdown was rendered (not reused).
    pub fn rendered(&self) -> usize {
        self.rendered.load(Ordering::Relaxed)
    }

    /// Why a kept render turned out damaged while the pass read it, if one did.
    pub fn damage(&self) -> Option<Said> {
        self.damage
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The render of `source`: the kept one when what it read still holds (and
    /// `reusable`: its shortcodes read nothing beyond the body), with the problems
    /// `problems_of` finds in it; otherwise made by `render`. Either is written to the
    /// new file.
    pub fn markdown_or(
        &self,
        source: &MarkdownSource,
        reusable: bool,
        links: &dyn LinkResolver,
        render: impl FnOnce(&dyn LinkResolver) -> (Rendered, Vec<Diagnostic>),
        problems_of: impl FnOnce(&Rendered) -> Vec<Diagnostic>,
    ) -> (Rendered, Vec<Diagnostic>) {
        if !reusable {
            self.rendered.fetch_add(1, Ordering::Relaxed);
            return render(links);
        }
        let body = *blake3::hash(source.body.as_bytes()).as_bytes();
        if let Some((kept, last)) = self.kept(source, &body, links) {
            if let Some((bytes, rendered)) = last.read(kept) {
                if let Some(next) = &self.next {
                    next.keep(kept, &bytes);
                }
                let problems = problems_of(&rendered);
                return (rendered, problems);
            }
            let mut damage = self.damage.lock().unwrap_or_else(PoisonError::into_inner);
            damage.get_or_insert_with(|| {
                crate::t!("build-cache-damage-blob", file = last.path.display())
            });
        }
        self.rendered.fetch_add(1, Ordering::Relaxed);
        let (rendered, problems, answers) = fingerprint::render_recording(links, render);
        let errors = problems.iter().any(|p| p.is_error());
        if let (Some(next), false) = (&self.next, errors)
            && answers.site_links.is_empty()
            && let Some(bytes) = render_bytes(&rendered)
        {
            let kept = Kept {
                file: source.file.to_path_buf(),
                body,
                first_line: source.first_line,
                permalink: source.permalink.to_owned(),
                answers,
                at: 0,
                len: bytes.len() as u64,
                hash: *blake3::hash(&bytes).as_bytes(),
            };
            next.append(kept, &bytes);
        }
        (rendered, problems)
    }

    /// The kept render of `source` when what it read still holds.
    fn kept(
        &self,
        source: &MarkdownSource,
        body: &[u8; 32],
        links: &dyn LinkResolver,
    ) -> Option<(&Kept, &LastFile)> {
        let last = self.last.as_ref()?;
        if Some(&last.shortcodes) != self.shortcodes.get() {
            return None;
        }
        let kept = last.renders.get(source.file)?.get(source.permalink)?;
        let holds = kept.body == *body
            && kept.first_line == source.first_line
            && kept.permalink == source.permalink
            && kept.answers.still_hold(links);
        holds.then_some((kept, last))
    }

    /// Writes the new file in place of the last one, for a build of config digest
    /// `config`; once the build is made.
    pub fn save(self, cache: &CacheDir, config: u64) -> std::io::Result<()> {
        let (Some(next), Some(shortcodes)) = (self.next, self.shortcodes.get()) else {
            return Ok(());
        };
        let header = FileHeader {
            format: FORMAT,
            menhu: Header::current(config).menhu,
            config,
            shortcodes: *shortcodes,
        };
        drop(self.last);
        next.finish(cache, header)
    }
}

/// The table in `cache` and its data file, checked; `None` when there is no table.
fn read_last(cache: &CacheDir, config: u64) -> Result<Option<LastFile>, Unused> {
    let path = cache.folder().join(FILE);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(None);
    };
    let damaged =
        |path: &Path| Unused::Damaged(crate::t!("build-cache-damage-blob", file = path.display()));
    if !cache.without_links() {
        return Err(Unused::Damaged(crate::t!("build-cache-damage-link")));
    }
    if !meta.is_file() || meta.len() > MAX_TABLE_BYTES || meta.len() < HASH {
        return Err(damaged(&path));
    }
    let file = crate::own_files::read_unless_link(&path).ok_or_else(|| damaged(&path))?;
    let (bytes, hash) = file.split_at(file.len().saturating_sub(HASH as usize));
    if blake3::hash(bytes).as_bytes()[..] != *hash {
        return Err(damaged(&path));
    }
    let table: Table = match postcard::from_bytes(bytes) {
        Ok(table) => table,
        // A table of another layout (an earlier menhu's) is not damaged: said so.
        Err(_) => match postcard::take_from_bytes::<FileHeader>(bytes) {
            Ok((header, _)) if header.format != FORMAT => return Err(Unused::OtherMenhu),
            _ => return Err(damaged(&path)),
        },
    };
    let header = &table.header;
    if header.format != FORMAT || header.menhu != Header::current(config).menhu {
        return Err(Unused::OtherMenhu);
    }
    if header.config != config {
        return Err(Unused::OtherConfig);
    }
    let data = cache.folder().join(data_name(table.generation));
    let plain = std::fs::symlink_metadata(&data).is_ok_and(|m| m.is_file());
    let file = File::open(&data)
        .ok()
        .filter(|_| plain)
        .filter(|f| f.metadata().is_ok_and(|m| m.len() >= table.data_len))
        .ok_or_else(|| damaged(&data))?;
    let mut renders: HashMap<PathBuf, HashMap<String, Kept>> = HashMap::new();
    for kept in table.renders {
        let end = kept.at.checked_add(kept.len);
        if kept.len > MAX_RENDER_BYTES || end.is_none_or(|end| end > table.data_len) {
            return Err(damaged(&path));
        }
        renders
            .entry(kept.file.clone())
            .or_default()
            .insert(kept.permalink.clone(), kept);
    }
    Ok(Some(LastFile {
        file,
        path: data,
        generation: table.generation,
        shortcodes: table.header.shortcodes,
        end: table.data_len,
        renders,
    }))
}

impl LastFile {
    /// The bytes of `kept`'s render, checked against its hash, and the render they
    /// hold; `None` when they are damaged.
    fn read(&self, kept: &Kept) -> Option<(Vec<u8>, Rendered)> {
        if kept.at.checked_add(kept.len)? > self.end {
            return None;
        }
        let bytes = read_at(&self.file, kept.at, kept.len)?;
        if *blake3::hash(&bytes).as_bytes() != kept.hash {
            return None;
        }
        let rendered = read_render(&bytes)?;
        Some((bytes, rendered))
    }
}

/// `len` bytes of `file` from `at`, read without moving a shared position, so the
/// threads of the Markdown pass read at once.
fn read_at(file: &File, at: u64, len: u64) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(&mut bytes, at).ok()?;
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::FileExt;
        let mut done = 0;
        while done < bytes.len() {
            let n = file.seek_read(&mut bytes[done..], at + done as u64).ok()?;
            if n == 0 {
                return None;
            }
            done += n;
        }
    }
    Some(bytes)
}

/// Where this build's renders go, and the table of them, saved once the build is made
/// ([`NextFile::finish`]). New renders are added to the last build's data file, after
/// the bytes its table knows, so that a render reused is only listed again; once more
/// than half of that file's renders are no longer listed, every render is written
/// afresh into the other data file instead.
struct NextFile {
    generation: u32,
    /// The renders of the last build are in the data file, where they were.
    adding: bool,
    /// The data file written afresh, removed unless the table names it.
    fresh: Option<PathBuf>,
    /// Taken by [`NextFile::finish`].
    writing: Mutex<Option<Writing>>,
}

struct Writing {
    out: BufWriter<File>,
    /// The length of the data file so far.
    at: u64,
    renders: Vec<Kept>,
    /// The first write that failed: nothing more is written, and the table not saved.
    failure: Option<std::io::Error>,
}

impl NextFile {
    /// The data file of `last` to add to, or a fresh one, in `cache`'s folder (made if
    /// need be); `None` when none can be written there (the index's save says why).
    fn create(cache: &CacheDir, last: Option<&LastFile>) -> Option<NextFile> {
        if !cache.without_links() {
            return None;
        }
        std::fs::create_dir_all(cache.folder()).ok()?;
        let live = |last: &LastFile| -> u64 {
            last.renders
                .values()
                .flat_map(HashMap::values)
                .map(|k| k.len)
                .sum()
        };
        if let Some(last) = last.filter(|last| live(last) * 2 >= last.end) {
            // Past what the table knows: bytes a killed build left, which nothing names.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&last.path)
                .ok()?;
            file.set_len(last.end).ok()?;
            std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(last.end)).ok()?;
            return Some(NextFile::writing(
                last.generation,
                true,
                None,
                file,
                last.end,
            ));
        }
        let generation = last.map_or(0, |last| last.generation.wrapping_add(1));
        let data = cache.folder().join(data_name(generation));
        // Not named by the table: left by a build killed while writing it.
        let _ = std::fs::remove_file(&data);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&data)
            .ok()?;
        Some(NextFile::writing(generation, false, Some(data), file, 0))
    }

    fn writing(
        generation: u32,
        adding: bool,
        fresh: Option<PathBuf>,
        file: File,
        at: u64,
    ) -> NextFile {
        NextFile {
            generation,
            adding,
            fresh,
            writing: Mutex::new(Some(Writing {
                out: BufWriter::with_capacity(1 << 20, file),
                at,
                renders: Vec::new(),
                failure: None,
            })),
        }
    }

    /// Lists the reused render `kept` (whose `bytes` were read from the last file): in
    /// the copy where it was, or written again.
    fn keep(&self, kept: &Kept, bytes: &[u8]) {
        if !self.adding {
            return self.append(kept.clone(), bytes);
        }
        let mut writing = self.writing.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(writing) = writing.as_mut() {
            writing.renders.push(kept.clone());
        }
    }

    /// Writes a render's `bytes` and lists them in the table as `kept`'s (whose hash
    /// and length are theirs).
    fn append(&self, mut kept: Kept, bytes: &[u8]) {
        let len = bytes.len() as u64;
        if len > MAX_RENDER_BYTES {
            return;
        }
        let mut writing = self.writing.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(writing) = writing.as_mut().filter(|w| w.failure.is_none()) else {
            return;
        };
        match writing.out.write_all(bytes) {
            Ok(()) => {
                kept.at = writing.at;
                writing.at += len;
                writing.renders.push(kept);
            }
            Err(error) => writing.failure = Some(error),
        }
    }

    /// Completes the data file, then writes the table, under a temporary name renamed
    /// over `markdown.bin`; then removes the data file it no longer names.
    fn finish(mut self, cache: &CacheDir, header: FileHeader) -> std::io::Result<()> {
        let writing = self
            .writing
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let Some(writing) = writing else {
            return Ok(());
        };
        if let Some(error) = writing.failure {
            return Err(error);
        }
        let Writing {
            out, at, renders, ..
        } = writing;
        out.into_inner().map_err(|e| e.into_error())?;
        let table = Table {
            header,
            generation: self.generation,
            data_len: at,
            renders,
        };
        let mut bytes = postcard::to_stdvec(&table).map_err(std::io::Error::other)?;
        let hash = *blake3::hash(&bytes).as_bytes();
        bytes.extend_from_slice(&hash);
        if !cache.without_links() {
            return Err(std::io::Error::other("a link stands in the cache folder"));
        }
        crate::own_files::write_replacing_with(&cache.folder().join(FILE), |file| {
            file.write_all(&bytes)
        })?;
        if self.fresh.take().is_some() {
            let other = data_name(self.generation.wrapping_add(1));
            let _ = std::fs::remove_file(cache.folder().join(other));
        }
        Ok(())
    }
}

impl Drop for NextFile {
    fn drop(&mut self) {
        // A data file written afresh that no table names.
        if let Some(fresh) = &self.fresh {
            let _ = std::fs::remove_file(fresh);
        }
    }
}

#[cfg(test)]
mod tests;
