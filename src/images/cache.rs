//! The persistent cache of processed copies: one flat folder (`.menhu-cache/images/`
//! in the site by default) of files named by their key, `<hash>.<ext>`. An entry is
//! never changed once written, so finding it whole (ending as its format ends) is
//! knowing it is right. Writes go to a temporary file beside it, then a rename, so a
//! build killed half-way leaves no half-written copy. The folder and its entries are
//! taken only when they are real folders and files: a symbolic link planted in a site
//! repository (say `.menhu-cache -> /etc`) is refused, never followed, so nothing is
//! written, read or deleted outside the cache.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The cache folder, relative to the site root.
pub const CACHE_DIR: &str = crate::bounds::IMAGE_CACHE_DIR;

/// Prefix of temporary files, which `prune` removes when a crash left them.
const TEMP_PREFIX: &str = ".tmp-";

/// The cache folder of one site.
#[derive(Debug, Clone)]
pub struct ImageCache {
    root: PathBuf,
    dir: PathBuf,
}

/// What [`ImageCache::prune`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PruneReport {
    /// Entries kept (used by the build).
    pub kept: usize,
    /// Entries removed (not used), and leftovers of interrupted writes.
    pub removed: usize,
}

impl ImageCache {
    /// The cache of the site at `root`, in [`CACHE_DIR`]. Nothing is created until the
    /// first write.
    pub fn in_site(root: &Path) -> ImageCache {
        ImageCache::at(root, Path::new(CACHE_DIR))
    }

    /// A cache in `dir`, a relative path inside the site at `root`. Components that
    /// climb out (`..`) or are absolute are dropped, so the folder is always inside.
    pub fn at(root: &Path, dir: &Path) -> ImageCache {
        let inside: PathBuf = dir
            .components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .collect();
        ImageCache {
            root: root.to_path_buf(),
            dir: inside,
        }
    }

    /// The folder's path on disk.
    pub fn dir(&self) -> PathBuf {
        self.root.join(&self.dir)
    }

    /// The path of the entry `name` (whether or not it exists).
    pub fn entry_path(&self, name: &str) -> PathBuf {
        self.dir().join(name)
    }

    /// Whether the entry `name` is in the cache, as a regular file (a link is not one)
    /// that ends as its format ends. A copy cut short (a disk that filled up, a cache
    /// restored in part by a CI, a crash before the disk had it all) is not taken: it is
    /// made again and replaces the damaged one, instead of being published broken.
    pub fn contains(&self, name: &str) -> bool {
        let path = self.entry_path(name);
        is_entry_name(name)
            && self.folder_is_real()
            && fs::symlink_metadata(&path)
                .is_ok_and(|m| m.file_type().is_file() && is_whole(&path, name, m.len()))
    }

    /// Stores `bytes` as the entry `name`, atomically: a temporary file, then a rename.
    pub fn write(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        if !is_entry_name(name) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{name}` is not a cache entry name"),
            ));
        }
        let dir = self.create_folder()?;
        let temp = dir.join(temp_name(name));
        let written = write_new(&temp, bytes).and_then(|()| fs::rename(&temp, dir.join(name)));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
        }
        written
    }

    /// Removes every entry whose name is not in `used`, and leftovers of interrupted
    /// writes. Does nothing when the folder does not exist.
    pub fn prune(&self, used: &HashSet<String>) -> io::Result<PruneReport> {
        let mut report = PruneReport::default();
        if !self.folder_is_real() {
            return Ok(report);
        }
        for entry in fs::read_dir(self.dir())? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if is_file && used.contains(&name) {
                report.kept += 1;
            } else if !entry.file_type().is_ok_and(|t| t.is_dir()) {
                // Unused entries, temporary leftovers and stray links (the link
                // itself, never its target) go; folders were never made here.
                fs::remove_file(entry.path())?;
                report.removed += 1;
            }
        }
        Ok(report)
    }

    /// Deletes the whole cache folder (`menhu build --clean-cache`). A link in its
    /// place is removed as a link; what it points to is left alone.
    pub fn clean(&self) -> io::Result<()> {
        let dir = self.dir();
        match fs::symlink_metadata(&dir) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(err),
            Ok(meta) if meta.file_type().is_dir() && self.parents_are_real() => {
                fs::remove_dir_all(&dir)
            }
            Ok(meta) if meta.file_type().is_dir() => Err(link_error(&self.dir)),
            Ok(_) => fs::remove_file(&dir),
        }
    }

    /// Whether every folder from the site root down to the cache folder is a real
    /// folder (not a link), the cache folder included.
    fn folder_is_real(&self) -> bool {
        self.parents_are_real()
            && fs::symlink_metadata(self.dir()).is_ok_and(|m| m.file_type().is_dir())
    }

    fn parents_are_real(&self) -> bool {
        let mut path = self.root.clone();
        let parents: Vec<_> = self.dir.components().collect();
        let Some((_, above)) = parents.split_last() else {
            return true;
        };
        above.iter().all(|part| {
            path.push(part);
            fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_dir())
        })
    }

    /// Creates the cache folder and those above it, refusing any link on the way.
    fn create_folder(&self) -> io::Result<PathBuf> {
        let mut path = self.root.clone();
        for part in self.dir.components() {
            path.push(part);
            match fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_dir() => {}
                Ok(_) => return Err(link_error(&self.dir)),
                Err(err) if err.kind() == io::ErrorKind::NotFound => {
                    match fs::create_dir(&path) {
                        Ok(()) => {}
                        // Another thread made it in between: fine if it is a folder.
                        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                            if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                                return Err(link_error(&self.dir));
                            }
                        }
                        Err(err) => return Err(err),
                    }
                }
                Err(err) => return Err(err),
            }
        }
        Ok(path)
    }
}

/// Whether the copy at `path`, `len` bytes long, ends where its format says it ends: a
/// JPEG with its end-of-image marker, a PNG with its `IEND` chunk, a WebP as long as
/// its RIFF header says. Files of other kinds only need to be there; they are not read.
fn is_whole(path: &Path, name: &str, len: u64) -> bool {
    const PNG_END: [u8; 12] = [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];
    let bytes_at = |from_end: bool, n: u64| -> Option<Vec<u8>> {
        use std::io::{Read, Seek, SeekFrom};
        let start = if from_end { len.checked_sub(n)? } else { 0 };
        let mut file = fs::File::open(path).ok()?;
        file.seek(SeekFrom::Start(start)).ok()?;
        let mut bytes = vec![0; usize::try_from(n).ok()?];
        file.read_exact(&mut bytes).ok()?;
        Some(bytes)
    };
    match name.rsplit('.').next().unwrap_or_default() {
        "jpg" => bytes_at(true, 2).is_some_and(|end| end == [0xFF, 0xD9]),
        "png" => bytes_at(true, 12).is_some_and(|end| end == PNG_END),
        "webp" => bytes_at(false, 12).is_some_and(|head| {
            let size = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
            head.starts_with(b"RIFF") && head.ends_with(b"WEBP") && u64::from(size) + 8 == len
        }),
        _ => len > 0,
    }
}

/// An entry name is one plain file name: no separators, no leading dot.
fn is_entry_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && Path::new(name).components().count() == 1
}

/// A temporary name unique in this process (and across processes by its id).
fn temp_name(name: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{TEMP_PREFIX}{}-{n}-{name}", std::process::id())
}

/// Writes a file that must not exist yet (`create_new` also refuses a link there).
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

fn link_error(dir: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "`{}` or a folder above it is not a real folder (a symbolic link?); menhu does not follow links out of the site: delete it and build again",
            dir.display()
        ),
    )
}
