//! The build cache kept between runs (`menhu build --cache`): what a CI build may reuse
//! from the last one, so that a push changing one article renders one article.
//!
//! A cache folder holds `index.bin` (a [`Header`] saying which menhu and which config
//! made it, the [`RenderMemo`] of the last build, and for each output the memo covers,
//! its size and BLAKE3 hash, in postcard's binary form, read back several times faster
//! than JSON) and `blobs/`, those outputs' bytes, each under its hash. It also holds
//! the pages' rendered Markdown, `markdown.bin` and its data file, which
//! [`super::persist_markdown`] reads and writes.
//! A build with the cache renders only the jobs whose reads changed (the memo decides,
//! as in the preview) and takes every other job's output from `blobs/`.
//!
//! The cache is untrusted input, like the site (it may come from a CI cache restore):
//! nothing in it names a file (blobs are found by their 32-byte hash),
//! sizes are bounded, every blob's bytes are hashed again before they are written out,
//! and a cache from another menhu, another config or in any way damaged is set aside
//! with a note (W0501), never trusted. Saving is atomic: blobs first (each under a
//! temporary name, then renamed), then the index by rename, then the blobs no longer
//! listed are removed — a build killed at any point leaves an index whose blobs exist.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::diag::text::Said;
use crate::fingerprint::RenderMemo;
use crate::output::{FolderRecord, hex_hash};

/// The layout of the folder; a cache of another format is ignored.
const FORMAT: u32 = 4;
/// The index file's name in the cache folder.
const INDEX: &str = "index.bin";
/// The index of the earlier layouts (JSON): a cache holding it is another menhu's, and
/// it is removed when the new index is saved.
const EARLIER_INDEX: &str = "index.json";
/// The folder of output bytes, by hash.
const BLOBS: &str = "blobs";
/// The largest index read (a 100,000-page site's is well under this).
const MAX_INDEX_BYTES: u64 = 1 << 30;
/// The largest output kept (larger ones are rendered every time).
const MAX_BLOB_BYTES: u64 = 256 << 20;

/// The cache folder of a site: `.menhu-cache/build/`.
pub const SITE_CACHE_DIR: &str = ".menhu-cache/build";

/// Who made a cache: a cache is used only by the same menhu with the same config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// [`FORMAT`].
    pub format: u32,
    /// The menhu that wrote it: version, commit and its executable's size and time,
    /// since the fingerprints' digests are those of one build of menhu.
    pub menhu: String,
    /// The digest of the build's configuration ([`crate::fingerprint::BuildCache`]).
    pub config: u64,
}

impl Header {
    /// The header of this menhu for a config of digest `config`.
    pub fn current(config: u64) -> Header {
        Header {
            format: FORMAT,
            menhu: menhu_identity().to_owned(),
            config,
        }
    }
}

/// This menhu: its version, its commit, and its executable's size and modification
/// time (two builds from one commit with local changes differ there; a release
/// unpacked from its archive keeps both). Hashing the executable would say the same
/// at the cost of reading it on every build.
fn menhu_identity() -> &'static str {
    static IDENTITY: OnceLock<String> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        let executable = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|meta| {
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_nanos())
                    .unwrap_or_default();
                format!("{} bytes, modified {modified}", meta.len())
            })
            .unwrap_or_default();
        format!(
            "{} ({}) {executable}",
            env!("CARGO_PKG_VERSION"),
            env!("MENHU_COMMIT")
        )
    })
}

/// One output's bytes in `blobs/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blob {
    /// BLAKE3 of the bytes.
    #[serde(with = "hex_hash")]
    pub hash: [u8; 32],
    /// Their length.
    pub len: u64,
}

impl Blob {
    /// The blob of `bytes`.
    pub fn of(bytes: &[u8]) -> Blob {
        Blob {
            hash: *blake3::hash(bytes).as_bytes(),
            len: bytes.len() as u64,
        }
    }

    fn file_name(&self) -> String {
        blake3::Hash::from_bytes(self.hash).to_hex().to_string()
    }
}

/// What `index.bin` holds. The header comes first, so that a cache of another menhu is
/// known as such without reading the rest.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    /// Who made it; `None` only for an empty index never saved.
    pub header: Option<Header>,
    /// What each render job read.
    pub memo: RenderMemo,
    /// The bytes of each output the memo covers (and of its Traditional copy), by path.
    pub outputs: HashMap<String, Blob>,
    /// What the build left in the output folder.
    pub folder: Option<FolderRecord>,
}

/// Why a cache folder's content was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unused {
    /// Made by another menhu (or another format of the cache).
    OtherMenhu,
    /// Made with another configuration.
    OtherConfig,
    /// Unreadable or damaged (cut short, not an index, a blob missing or wrong): why,
    /// in the run's language.
    Damaged(Said),
    /// In the output folder, which the build replaces.
    InOutput,
}

/// A cache folder.
pub struct CacheDir {
    folder: PathBuf,
    /// The folders on the way to `folder` that must not be links either (the site's
    /// `.menhu-cache` for the cache in a site, which the site's repository could hold).
    on_the_way: Vec<PathBuf>,
    /// The shards of `blobs/` (by the hash's first byte) known, in this run, to be real
    /// folders with no link on the way ([`Self::ready_shard`]).
    shards_ready: [AtomicBool; 256],
}

impl CacheDir {
    /// The cache at `folder` (made when first saved), a folder the operator chose.
    pub fn at(folder: impl Into<PathBuf>) -> CacheDir {
        CacheDir {
            folder: folder.into(),
            on_the_way: Vec::new(),
            shards_ready: std::array::from_fn(|_| AtomicBool::new(false)),
        }
    }

    /// The cache in the site at `root`, [`SITE_CACHE_DIR`].
    pub fn in_site(root: &Path) -> CacheDir {
        CacheDir {
            on_the_way: vec![root.join(crate::own_files::CACHE_FOLDER)],
            ..CacheDir::at(root.join(SITE_CACHE_DIR))
        }
    }

    /// True when no link stands at the folder, on the way to it, or at `blobs/`: the
    /// cache is read and written only where it says it is.
    pub fn without_links(&self) -> bool {
        self.first_in_the_way(None).is_none()
    }

    /// The first link or file standing where a folder of the cache goes: on the way to
    /// the folder, at it, at `blobs/`, or at `then` (a folder below `blobs/`).
    fn first_in_the_way(&self, then: Option<&Path>) -> Option<PathBuf> {
        let blobs = self.folder.join(BLOBS);
        self.on_the_way
            .iter()
            .chain([&self.folder, &blobs])
            .map(PathBuf::as_path)
            .chain(then)
            .find(|path| !real_folder_or_absent(path))
            .map(Path::to_path_buf)
    }

    /// The folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The index for a build of config digest `config`: empty when there is no cache
    /// yet; an empty index and the reason when there is one that cannot be used.
    pub fn load(&self, config: u64) -> (Index, Option<Unused>) {
        let path = self.folder.join(INDEX);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            let earlier = std::fs::symlink_metadata(self.folder.join(EARLIER_INDEX)).is_ok();
            return (Index::default(), earlier.then_some(Unused::OtherMenhu));
        };
        let index = if !self.without_links() {
            Err(Unused::Damaged(crate::t!("build-cache-damage-link")))
        } else if !meta.is_file() {
            Err(Unused::Damaged(crate::t!(
                "build-cache-damage-index-not-file",
                index = INDEX
            )))
        } else if meta.len() > MAX_INDEX_BYTES {
            Err(Unused::Damaged(crate::t!(
                "build-cache-damage-index-too-large",
                index = INDEX
            )))
        } else {
            read_index(&path)
        };
        match index.and_then(|index| self.check(index, config)) {
            Ok(index) => (index, None),
            Err(unused) => (Index::default(), Some(unused)),
        }
    }

    /// `index` if this menhu with this config made it and every output it lists has a
    /// plain path. Its blobs are looked at only when read ([`Self::read`]): most of
    /// them are not, when the output folder holds their pages already.
    fn check(&self, index: Index, config: u64) -> Result<Index, Unused> {
        let Some(header) = &index.header else {
            return Err(Unused::Damaged(crate::t!(
                "build-cache-damage-no-header",
                index = INDEX
            )));
        };
        if header.format != FORMAT || header.menhu != menhu_identity() {
            return Err(Unused::OtherMenhu);
        }
        if header.config != config {
            return Err(Unused::OtherConfig);
        }
        let missing = index
            .outputs
            .iter()
            .find(|(path, blob)| !crate::output::plain_path(path) || blob.len > MAX_BLOB_BYTES);
        if let Some((path, _)) = missing {
            return Err(Unused::Damaged(output_missing(path)));
        }
        Ok(index)
    }

    fn blob_path(&self, blob: &Blob) -> PathBuf {
        let name = blob.file_name();
        self.folder.join(BLOBS).join(&name[..2]).join(name)
    }

    /// True when `blob` is in the folder with its size (a file, not a link).
    pub fn holds(&self, blob: &Blob) -> bool {
        blob.len <= MAX_BLOB_BYTES
            && std::fs::symlink_metadata(self.blob_path(blob))
                .is_ok_and(|meta| meta.is_file() && meta.len() == blob.len)
    }

    /// The bytes of `blob`, checked against its hash.
    pub fn read(&self, blob: &Blob) -> Result<Vec<u8>, Unused> {
        let path = self.blob_path(blob);
        match read_plain_file(&path, blob.len) {
            Some(bytes) if bytes.len() as u64 == blob.len && Blob::of(&bytes) == *blob => Ok(bytes),
            _ => Err(Unused::Damaged(crate::t!(
                "build-cache-damage-blob",
                file = path.display()
            ))),
        }
    }

    /// Stores `bytes` as `blob` unless it is there already (`anew`: even then, over
    /// a file that may be damaged): under a temporary name, then renamed, so a blob is
    /// whole under its name (and checked when read anyway).
    pub fn store(&self, blob: &Blob, bytes: &[u8], anew: bool) -> std::io::Result<()> {
        if blob.len > MAX_BLOB_BYTES || (!anew && self.holds(blob)) {
            return Ok(());
        }
        let path = self.blob_path(blob);
        let folder = path.parent().unwrap_or(&self.folder);
        self.ready_shard(blob, folder)?;
        // One name per store: two outputs of the same bytes may be stored at once.
        static STORES: AtomicU64 = AtomicU64::new(0);
        let temporary = folder.join(format!(
            ".{}.tmp-{}-{}",
            blob.file_name(),
            this_process(),
            STORES.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
            .and_then(|mut file| file.write_all(bytes))
            .and_then(|()| std::fs::rename(&temporary, &path));
        match written {
            Ok(()) => Ok(()),
            Err(error) => {
                let _ = std::fs::remove_file(&temporary);
                Err(error)
            }
        }
    }

    /// Makes sure `folder`, the shard of `blob` under `blobs/`, is a real folder and no
    /// link stands on the way to it: looked at (and made) on a shard's first blob of
    /// this run, which is all a run of thousands of blobs needs, not on every blob.
    fn ready_shard(&self, blob: &Blob, folder: &Path) -> std::io::Result<()> {
        if self.shards_ready[usize::from(blob.hash[0])].load(Ordering::Acquire) {
            return Ok(());
        }
        if let Some(blocking) = self.first_in_the_way(Some(folder)) {
            return Err(in_the_way(blocking));
        }
        std::fs::create_dir_all(folder)?;
        self.shards_ready[usize::from(blob.hash[0])].store(true, Ordering::Release);
        Ok(())
    }

    /// True when the blob of `blob` may be kept (not too large).
    pub fn keeps(blob: &Blob) -> bool {
        blob.len <= MAX_BLOB_BYTES
    }

    /// Writes `index` atomically (its blobs are stored already), then removes the
    /// blobs it no longer lists.
    pub fn save(&self, index: &Index) -> std::io::Result<()> {
        if let Some(blocking) = self.first_in_the_way(None) {
            return Err(in_the_way(blocking));
        }
        std::fs::create_dir_all(&self.folder)?;
        // Written as it is serialised: a large site's index is never whole in memory.
        crate::own_files::write_replacing_with(&self.folder.join(INDEX), |file| {
            postcard::to_io(index, file)
                .map(drop)
                .map_err(std::io::Error::other)
        })?;
        // Tidying only, as the blobs' pruning: an earlier layout's index is not read.
        let _ = std::fs::remove_file(self.folder.join(EARLIER_INDEX));
        self.prune(index);
        Ok(())
    }

    /// Removes the blobs (and leftover temporary files) `index` does not list.
    /// Tidying only: a file that cannot be removed stays.
    fn prune(&self, index: &Index) {
        let listed: std::collections::HashSet<String> =
            index.outputs.values().map(Blob::file_name).collect();
        let Ok(shards) = std::fs::read_dir(self.folder.join(BLOBS)) else {
            return;
        };
        // Real folders only: a link among them is not followed.
        let shards: Vec<PathBuf> = shards
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        shards.par_iter().for_each(|shard| {
            let Ok(entries) = std::fs::read_dir(shard) else {
                return;
            };
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name();
                if !listed.contains(name.to_string_lossy().as_ref()) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        });
    }

    /// Deletes the whole cache folder (`--clean-cache`); a link standing there is
    /// removed, never followed.
    pub fn delete(&self) -> std::io::Result<()> {
        for ready in &self.shards_ready {
            ready.store(false, Ordering::Release);
        }
        if let Some(blocking) = self.on_the_way.iter().find(|p| !real_folder_or_absent(p)) {
            return Err(in_the_way(blocking.clone()));
        }
        match std::fs::symlink_metadata(&self.folder) {
            Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(&self.folder),
            Ok(_) => std::fs::remove_file(&self.folder),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// This process's id, asked of the system once (a temporary name of each blob has it).
fn this_process() -> u32 {
    static ID: OnceLock<u32> = OnceLock::new();
    *ID.get_or_init(std::process::id)
}

/// The bytes of the file at `path`, unless it is a link or not `len` bytes long (or
/// missing, or unreadable).
fn read_plain_file(path: &Path, len: u64) -> Option<Vec<u8>> {
    let seen = std::fs::symlink_metadata(path).ok()?;
    if !seen.is_file() || seen.len() != len {
        return None;
    }
    let mut file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?);
    Read::by_ref(&mut file)
        .take(len.saturating_add(1))
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// True when `path` is a folder (not a link to one) or nothing.
fn real_folder_or_absent(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => meta.is_dir(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// A link or a file standing where a folder of the cache goes (the first one on the
/// way): the cache is never written through it, and the note names it.
#[derive(Debug)]
pub struct InTheWay(pub PathBuf);

impl std::fmt::Display for InTheWay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is a link or a file, not a folder of the cache",
            self.0.display()
        )
    }
}

impl std::error::Error for InTheWay {}

fn in_the_way(blocking: PathBuf) -> std::io::Error {
    std::io::Error::other(InTheWay(blocking))
}

/// Why the cache cannot give the output at `path`: its blob is missing, or has
/// another size than the index says.
pub fn output_missing(path: &str) -> Said {
    crate::t!("build-cache-damage-output-missing", path = path)
}

fn read_index(path: &Path) -> Result<Index, Unused> {
    let bytes = crate::own_files::read_unless_link(path).ok_or_else(|| {
        Unused::Damaged(crate::t!(
            "build-cache-damage-index-unreadable",
            index = INDEX
        ))
    })?;
    let invalid = |e: postcard::Error| {
        Unused::Damaged(crate::t!(
            "build-cache-damage-index-invalid",
            index = INDEX,
            detail = crate::diag::text::display(e)
        ))
    };
    // The header first: an index of another menhu (whose layout may differ) is not
    // damaged, and is said so without reading further.
    let (header, _) = postcard::take_from_bytes::<Option<Header>>(&bytes).map_err(invalid)?;
    if header
        .as_ref()
        .is_some_and(|header| header.format != FORMAT || header.menhu != menhu_identity())
    {
        return Err(Unused::OtherMenhu);
    }
    match postcard::take_from_bytes(&bytes).map_err(invalid)? {
        (index, []) => Ok(index),
        _ => Err(invalid(postcard::Error::DeserializeBadEncoding)),
    }
}

/// The note of a cache that was not used: W0501 naming the folder and the reason.
pub fn unused_note(folder: &Path, unused: &Unused) -> Diagnostic {
    let folder = folder.display().to_string();
    let (said, help) = match unused {
        Unused::OtherMenhu => (
            crate::t!("build-cache-other-menhu", folder = folder),
            crate::t!("build-cache-other-menhu.help"),
        ),
        Unused::OtherConfig => (
            crate::t!("build-cache-other-config", folder = folder),
            crate::t!("build-cache-other-config.help"),
        ),
        Unused::InOutput => (
            crate::t!("build-cache-in-output", folder = folder),
            crate::t!("build-cache-in-output.help"),
        ),
        Unused::Damaged(reason) => (
            crate::t!(
                "build-cache-damaged",
                folder = folder,
                reason = reason.clone()
            ),
            crate::t!("build-cache-damaged.help"),
        ),
    };
    Diagnostic::warning("W0501", said).help(help)
}

/// The note of a cache that could not be saved (the build itself is written).
pub fn unsaved_note(folder: &Path, error: &std::io::Error) -> Diagnostic {
    let folder = folder.display().to_string();
    if let Some(InTheWay(path)) = error.get_ref().and_then(|e| e.downcast_ref::<InTheWay>()) {
        let path = path.display().to_string();
        return Diagnostic::warning(
            "W0501",
            crate::t!(
                "build-cache-in-the-way",
                folder = folder,
                path = path.clone()
            ),
        )
        .help(crate::t!("build-cache-in-the-way.help", path = path));
    }
    Diagnostic::warning(
        "W0501",
        crate::t!(
            "build-cache-unsaved",
            folder = folder,
            reason = crate::diag::text::display(error)
        ),
    )
    .help(crate::t!("build-cache-unsaved.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_from_a_cache_stay_plain() {
        assert!(crate::output::plain_path("news/a/index.html"));
        for bad in [
            "",
            "../x",
            "a/../../x",
            "/etc/passwd",
            "a//b",
            "a\\b",
            "./a",
        ] {
            assert!(!crate::output::plain_path(bad), "{bad}");
        }
    }

    #[test]
    fn a_blob_hash_must_be_hex() {
        let index = r#"{"header":null,"memo":{"jobs":{}},"outputs":{"a.html":{"hash":"../../etc","len":1}},"folder":null}"#;
        assert!(serde_json::from_str::<Index>(index).is_err());
    }

    /// An index of this menhu, with one output and a folder record.
    fn saved_index(cache: &CacheDir, config: u64) -> Index {
        let mut memo = RenderMemo::default();
        let reads = crate::fingerprint::JobReads {
            base: 1,
            lookups: Vec::new(),
            lookup_digest: 2,
        };
        memo.insert("a/index.html".into(), reads);
        let blob = Blob::of(b"<p>a</p>");
        cache.store(&blob, b"<p>a</p>", false).expect("stored");
        let index = Index {
            header: Some(Header::current(config)),
            memo,
            outputs: [("a/index.html".to_owned(), blob)].into_iter().collect(),
            folder: Some(FolderRecord::default()),
        };
        cache.save(&index).expect("saved");
        index
    }

    #[test]
    fn an_index_is_read_back_as_saved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = CacheDir::at(dir.path());
        let saved = saved_index(&cache, 7);
        let (index, unused) = cache.load(7);
        assert_eq!(unused, None);
        assert_eq!(index.header, saved.header);
        assert_eq!(index.outputs, saved.outputs);
        assert_eq!(index.folder, saved.folder);
        assert_eq!(
            index.memo.get("a/index.html"),
            saved.memo.get("a/index.html")
        );
        let (_, unused) = cache.load(8);
        assert_eq!(unused, Some(Unused::OtherConfig));
    }

    #[test]
    fn a_damaged_index_is_said_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = CacheDir::at(dir.path());
        saved_index(&cache, 7);
        let path = dir.path().join(INDEX);
        let bytes = std::fs::read(&path).expect("read");
        for damaged in [
            &bytes[..bytes.len() / 2],
            &[bytes.as_slice(), b"more"].concat(),
        ] {
            std::fs::write(&path, damaged).expect("written");
            let (index, unused) = cache.load(7);
            assert!(matches!(unused, Some(Unused::Damaged(_))), "{unused:?}");
            assert!(index.memo.is_empty() && index.outputs.is_empty());
        }
        // An output path leaving the output folder, the same length as the one saved.
        let (from, to) = (b"a/index.html", b"../idx.html/");
        let mut hostile = bytes.clone();
        let mut replaced = 0;
        while let Some(at) = hostile.windows(from.len()).position(|w| w == from) {
            hostile[at..at + to.len()].copy_from_slice(to);
            replaced += 1;
        }
        assert_eq!(replaced, 2, "the memo's path and the outputs'");
        std::fs::write(&path, &hostile).expect("written");
        let (index, unused) = cache.load(7);
        assert!(matches!(unused, Some(Unused::Damaged(_))), "{unused:?}");
        assert!(index.outputs.is_empty());
    }

    #[test]
    fn an_index_of_another_menhu_or_an_earlier_layout_is_not_damaged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = CacheDir::at(dir.path());
        saved_index(&cache, 7);
        // Another menhu: its identity differs, the rest of its layout is unknown.
        let mut other = Header::current(7);
        other.menhu.push_str(" other");
        let mut bytes = postcard::to_stdvec(&Some(other)).expect("serialises");
        bytes.extend_from_slice(b"whatever layout follows");
        std::fs::write(dir.path().join(INDEX), &bytes).expect("written");
        assert_eq!(cache.load(7).1, Some(Unused::OtherMenhu));
        // An earlier menhu's JSON index, with no index of this layout.
        std::fs::remove_file(dir.path().join(INDEX)).expect("removed");
        let earlier = r#"{"header":{"format":3,"menhu":"0.1.0 (abc) 1 bytes","config":7}}"#;
        std::fs::write(dir.path().join(EARLIER_INDEX), earlier).expect("written");
        assert_eq!(cache.load(7).1, Some(Unused::OtherMenhu));
        // Saving the new index removes it.
        saved_index(&cache, 7);
        assert!(!dir.path().join(EARLIER_INDEX).exists());
        assert_eq!(cache.load(7).1, None);
    }

    #[cfg(unix)]
    #[test]
    fn a_blob_is_never_stored_through_a_link_and_is_stored_again_after_a_delete() {
        let dir = tempfile::tempdir().expect("temp dir");
        let elsewhere = tempfile::tempdir().expect("temp dir");
        let cache = CacheDir::at(dir.path().join("cache"));
        let blob = Blob::of(b"<p>hello</p>");
        let shard = cache
            .blob_path(&blob)
            .parent()
            .expect("shard")
            .to_path_buf();
        std::fs::create_dir_all(shard.parent().expect("blobs")).expect("made");
        std::os::unix::fs::symlink(elsewhere.path(), &shard).expect("linked");
        let refused = cache.store(&blob, b"<p>hello</p>", false);
        assert!(refused.is_err_and(|e| e.get_ref().is_some_and(|e| e.is::<InTheWay>())));
        assert_eq!(
            std::fs::read_dir(elsewhere.path()).expect("read").count(),
            0
        );
        std::fs::remove_file(&shard).expect("unlinked");
        cache.store(&blob, b"<p>hello</p>", false).expect("stored");
        cache.delete().expect("deleted");
        cache
            .store(&blob, b"<p>hello</p>", false)
            .expect("stored again");
        assert_eq!(cache.read(&blob).expect("read"), b"<p>hello</p>");
    }

    #[test]
    fn blobs_are_checked_when_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = CacheDir::at(dir.path());
        let blob = Blob::of(b"<p>hello</p>");
        cache.store(&blob, b"<p>hello</p>", false).expect("stored");
        assert_eq!(cache.read(&blob).expect("read"), b"<p>hello</p>");
        std::fs::write(cache.blob_path(&blob), b"<p>hellO</p>").expect("overwritten");
        assert!(matches!(cache.read(&blob), Err(Unused::Damaged(_))));
    }
}
