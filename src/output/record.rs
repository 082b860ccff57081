//! What a build left in the folder it wrote, so that the next build writing into that
//! folder again (the build cache keeps the record between runs) writes only what
//! differs: for each file the hash of its bytes and what the system said of it just
//! after it was written (size, inode, change time), and each folder's change time.
//!
//! A file is trusted to hold the recorded bytes, without being read, while its size,
//! inode and change time are those recorded. The change time (`ctime`) moves on every
//! write into the file, every rename and every change of its metadata, and no program
//! can set it back (unlike the modification time, which `touch` sets), so a file edited
//! by hand, in place or replaced, is written again. A folder's change time moves when an
//! entry is added, removed or renamed in it: such a folder is listed again at the end of
//! the build and cleaned of whatever the build did not write. Where the system gives no
//! change time or inode, nothing is trusted and every file is written.

use std::collections::{HashMap, HashSet};
use std::fs::Metadata;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// What the system says of a file or folder: its size, inode and change time (in
/// nanoseconds). Equal stamps: the same file, untouched since.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp(u64, u64, u64);

impl Stamp {
    /// The stamp of `meta`; `None` where the system does not say.
    pub(crate) fn of(meta: &Metadata) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let seconds = u64::try_from(meta.ctime()).ok()?;
            let nanos = u64::try_from(meta.ctime_nsec()).ok()?;
            let changed = seconds.checked_mul(1_000_000_000)?.checked_add(nanos)?;
            let len = if meta.is_dir() { 0 } else { meta.len() };
            Some(Stamp(len, meta.ino(), changed))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// The stamp of the file or folder at `path` (not following a link), when it is one
    /// (`folder`: a folder; otherwise a plain file).
    pub(super) fn at(path: &Path, folder: bool) -> Option<Stamp> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        let right_kind = if folder {
            meta.is_dir()
        } else {
            meta.is_file()
        };
        right_kind.then(|| Stamp::of(&meta)).flatten()
    }
}

/// One file of a [`FolderRecord`]: its path, the hash of its bytes (`None` for a file
/// copied as it is, whose bytes are not hashed) and its stamp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry(
    pub String,
    #[serde(with = "hex_hash_or_none")] pub Option<[u8; 32]>,
    pub Stamp,
);

/// What a build left in the folder it wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderRecord {
    /// The folder itself (device and inode), which renames keep: the record is of this
    /// folder only, wherever it has moved since (output, spare).
    pub folder: (u64, u64),
    /// Every folder below it (relative, `/`-separated) with its stamp.
    pub dirs: Vec<(String, Stamp)>,
    /// Every file.
    pub files: Vec<FileEntry>,
}

/// The (device, inode) of the folder at `path`, not following a link.
pub(crate) fn folder_id(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::symlink_metadata(path).ok()?;
        meta.is_dir().then(|| (meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// A folder's record checked against what the folder holds now.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    /// The files still holding the recorded bytes: path → (hash, stamp).
    pub files: HashMap<String, ([u8; 32], Stamp)>,
    /// Every file the record lists, trusted or not: removed unless the build writes it.
    pub listed: Vec<String>,
    /// The folders whose stamp is still the recorded one.
    pub dirs: HashMap<String, Stamp>,
    /// The folders the record lists whose stamp moved (or that are gone): listed again
    /// at the end.
    pub moved: Vec<String>,
}

impl Checked {
    /// `record` checked against the folder at `root`, every stamp in parallel.
    pub(crate) fn of(record: FolderRecord, root: &Path) -> Checked {
        let FolderRecord { dirs, files, .. } = record;
        let dirs_now: Vec<(String, Stamp, bool)> = dirs
            .into_par_iter()
            .filter(|(path, _)| plain_path(path))
            .map(|(path, stamp)| {
                let same = Stamp::at(&root.join(&path), true) == Some(stamp);
                (path, stamp, same)
            })
            .collect();
        let files_now: Vec<(FileEntry, bool)> = files
            .into_par_iter()
            .filter(|entry| plain_path(&entry.0))
            .map(|entry| {
                let same =
                    entry.1.is_some() && Stamp::at(&root.join(&entry.0), false) == Some(entry.2);
                (entry, same)
            })
            .collect();
        let mut checked = Checked::default();
        for (path, stamp, same) in dirs_now {
            if same {
                checked.dirs.insert(path, stamp);
            } else {
                checked.moved.push(path);
            }
        }
        checked.listed.reserve(files_now.len());
        for (FileEntry(path, hash, stamp), same) in files_now {
            if let (true, Some(hash)) = (same, hash) {
                checked.files.insert(path.clone(), (hash, stamp));
            }
            checked.listed.push(path);
        }
        checked
    }
}

/// The folders holding `paths` (every folder on the way), relative, `/`-separated.
pub(crate) fn folders_of<'a>(paths: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    paths
        .flat_map(|path| path.match_indices('/').map(move |(end, _)| &path[..end]))
        .collect()
}

/// The record of the folder at `root` after a build that wrote the files `entries`
/// (every file it holds now) into folders `dirs`: the stamps of `fresh_dirs` are taken
/// now, the others are those of `kept_dirs` (still the recorded ones: nothing was
/// added or removed in them).
pub(crate) fn record_of(
    root: &Path,
    files: Vec<FileEntry>,
    dirs: &HashSet<&str>,
    kept_dirs: &HashMap<String, Stamp>,
    touched: &HashSet<String>,
) -> FolderRecord {
    let mut dirs: Vec<(String, Stamp)> = dirs
        .par_iter()
        .filter_map(|dir| {
            let kept = kept_dirs.get(*dir).filter(|_| !touched.contains(*dir));
            let stamp = kept.copied().or_else(|| Stamp::at(&root.join(dir), true))?;
            Some(((*dir).to_owned(), stamp))
        })
        .collect();
    dirs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut files = files;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    FolderRecord {
        folder: folder_id(root).unwrap_or_default(),
        dirs,
        files,
    }
}

/// A path an output may have, as a record or an index kept in a cache (which may come
/// from anywhere) names it: relative, `/`-separated, no `..` and no empty part.
pub fn plain_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() < 4096
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// A 32-byte hash as 64 hex digits in a text format (JSON), as its 32 bytes in a
/// binary one (the build cache's index).
pub mod hex_hash {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// As 64 hex digits, or 32 bytes.
    pub fn serialize<S: Serializer>(hash: &[u8; 32], serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&blake3::Hash::from_bytes(*hash).to_hex())
        } else {
            serde::Serialize::serialize(hash, serializer)
        }
    }

    /// From 64 hex digits (anything else is refused), or 32 bytes.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; 32], D::Error> {
        if deserializer.is_human_readable() {
            parse(&String::deserialize(deserializer)?).map_err(D::Error::custom)
        } else {
            <[u8; 32]>::deserialize(deserializer)
        }
    }

    /// The hash written as 64 hex digits in `text`.
    pub(super) fn parse(text: &str) -> Result<[u8; 32], blake3::HexError> {
        blake3::Hash::from_hex(text).map(|hash| *hash.as_bytes())
    }
}

/// An optional 32-byte hash: 64 hex digits or nothing (`""`) in a text format, an
/// option of 32 bytes in a binary one.
mod hex_hash_or_none {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(
        hash: &Option<[u8; 32]>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serde::Serialize::serialize(hash, serializer);
        }
        match hash {
            Some(hash) => super::hex_hash::serialize(hash, serializer),
            None => serializer.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<[u8; 32]>, D::Error> {
        if !deserializer.is_human_readable() {
            return Option::<[u8; 32]>::deserialize(deserializer);
        }
        let text = String::deserialize(deserializer)?;
        if text.is_empty() {
            return Ok(None);
        }
        super::hex_hash::parse(&text)
            .map(Some)
            .map_err(D::Error::custom)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn a_file_is_trusted_only_while_its_stamp_holds_and_its_path_is_plain() -> TestResult {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        std::fs::create_dir_all(root.join("news"))?;
        for name in ["news/a.html", "news/b.html", "c.html"] {
            std::fs::write(root.join(name), name)?;
        }
        let entry = |path: &str| -> std::io::Result<FileEntry> {
            let meta = std::fs::symlink_metadata(root.join(path))?;
            let stamp = Stamp::of(&meta).unwrap_or_default();
            Ok(FileEntry(path.to_owned(), Some([1; 32]), stamp))
        };
        let mut outside = entry("c.html")?;
        outside.0 = "../c.html".into();
        let record = FolderRecord {
            folder: folder_id(root).unwrap_or_default(),
            dirs: vec![(
                "news".into(),
                Stamp::at(&root.join("news"), true).unwrap_or_default(),
            )],
            files: vec![
                entry("news/a.html")?,
                entry("news/b.html")?,
                entry("c.html")?,
                outside,
            ],
        };
        // Written again (same size), replaced, and a file added beside them, later than
        // the system's clock for change times can blur (a few milliseconds).
        std::thread::sleep(std::time::Duration::from_millis(30));
        std::fs::write(root.join("news/a.html"), "news/A.html")?;
        std::fs::remove_file(root.join("c.html"))?;
        std::fs::write(root.join("c.html"), "c.html")?;
        std::fs::write(root.join("news/added.html"), "by hand")?;
        let checked = Checked::of(record, root);
        let trusted: Vec<&str> = checked.files.keys().map(String::as_str).collect();
        assert_eq!(trusted, ["news/b.html"]);
        assert_eq!(checked.listed, ["news/a.html", "news/b.html", "c.html"]);
        assert_eq!(checked.moved, ["news"], "a file was added in it");
        Ok(())
    }
}
