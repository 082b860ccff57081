//! Files menhu writes beside a site's sources rather than into its output: the caches
//! under `.menhu-cache/` and the audit report of `menhu check --report`. A site
//! repository may hold a link at such a name (`.menhu-cache/links.json → ~/.bashrc`);
//! these files are therefore written whole under a temporary name and renamed over the
//! old one, which replaces a link standing there instead of writing through it, and
//! leaves the previous file whole if the write fails half-way. Caches are read only when
//! they are not links.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The site's cache folder.
pub const CACHE_FOLDER: &str = ".menhu-cache";

/// Temporary files made by this process, to keep their names apart.
static TEMPORARY: AtomicU32 = AtomicU32::new(0);

/// The cache folder of the site at `root`, created when missing; `None` when something
/// that is not a folder of the site's own (a link, a file) stands at its name.
pub fn cache_folder(root: &Path) -> Option<PathBuf> {
    let folder = root.join(CACHE_FOLDER);
    match std::fs::symlink_metadata(&folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return None,
        Err(_) => {
            std::fs::create_dir(&folder).ok()?;
            // Never committed by mistake.
            let _ = write_replacing(
                &folder.join(".gitignore"),
                b"# menhu's caches; safe to delete\n*\n",
            );
        }
    }
    Some(folder)
}

/// The bytes of `path`, unless it is a link (or missing, or unreadable).
pub fn read_unless_link(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    std::fs::read(path).ok()
}

/// Writes `bytes` to `path` under a temporary name beside it, then renames it over
/// `path`: whatever stood there, a link included, is replaced, never written through.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_replacing_with(path, |file| file.write_all(bytes))
}

/// [`write_replacing`] with the bytes written by `write` as it makes them (through a
/// buffer), so that a large file is never whole in memory.
pub fn write_replacing_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(
        ".{name}.menhu-tmp-{}-{}",
        std::process::id(),
        TEMPORARY.fetch_add(1, Ordering::Relaxed)
    ));
    // `create_new` refuses whatever stands at the name, a link included.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|file| {
            let mut buffered = io::BufWriter::new(file);
            write(&mut buffered)?;
            let file = buffered
                .into_inner()
                .map_err(io::IntoInnerError::into_error)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn a_link_at_the_name_is_replaced_and_its_target_kept() -> TestResult {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("bashrc");
        std::fs::write(&target, "keep")?;
        let file = dir.path().join("links.json");
        symlink(&target, &file)?;
        assert_eq!(read_unless_link(&file), None, "a link is not read");
        write_replacing(&file, b"{}")?;
        assert_eq!(std::fs::read_to_string(&target)?, "keep");
        assert!(!std::fs::symlink_metadata(&file)?.is_symlink());
        assert_eq!(read_unless_link(&file).as_deref(), Some(&b"{}"[..]));
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            2,
            "no temporary file left"
        );
        Ok(())
    }

    #[test]
    fn a_linked_cache_folder_is_not_used() -> TestResult {
        let dir = tempfile::tempdir()?;
        let elsewhere = dir.path().join("elsewhere");
        let site = dir.path().join("site");
        std::fs::create_dir_all(&elsewhere)?;
        std::fs::create_dir_all(&site)?;
        symlink(&elsewhere, site.join(CACHE_FOLDER))?;
        assert_eq!(cache_folder(&site), None);
        std::fs::remove_file(site.join(CACHE_FOLDER))?;
        assert_eq!(cache_folder(&site), Some(site.join(CACHE_FOLDER)));
        assert!(site.join(CACHE_FOLDER).join(".gitignore").is_file());
        assert_eq!(std::fs::read_dir(&elsewhere)?.count(), 0);
        Ok(())
    }
}
