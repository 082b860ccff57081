//! Where the editor may write, and how. A path comes from the browser as text
//! (`content/news/a.md`); it is accepted only below `content/` (pages, their photos and
//! attachments) or `static/` (shared files), as plain segments (no `..`, `.`, empty,
//! hidden or backslashed ones), and only when no folder or file on the way is a
//! symbolic link: the editor never writes through a link, wherever it points. The
//! whole path must also lie within the site's bounds ([`SiteBounds`]), the rule every
//! read of the build follows.
//!
//! Every write is atomic: the new bytes go to a hidden temporary file in the same
//! folder (which the build and the watcher ignore), are flushed, and replace the file by
//! a rename, so a page is never seen half written. A file's version is the SHA-256 of
//! its bytes: a save names the version it was opened at, and is refused when the file
//! has changed on disk since.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::bounds::SiteBounds;

/// The folders of the site the editor writes in.
const WRITABLE_ROOTS: &[&str] = &["content", "static"];

/// Why a path is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathRefused {
    /// Not a plain relative path under `content/` or `static/`.
    #[error("只能修改 content/ 或 static/ 文件夹里的文件：「{0}」不行")]
    Outside(String),
    /// A folder or the file on the way is a symbolic link.
    #[error("「{0}」经过一个链接（符号链接），在线编辑不会写到链接指向的地方")]
    Link(String),
}

/// A checked site-relative path and where it is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePath {
    /// `content/news/a.md`, with `/`.
    pub rel: String,
    /// The file on disk.
    pub full: PathBuf,
}

impl SitePath {
    /// The path of the file `name` in the same folder.
    pub fn sibling(&self, name: &str) -> String {
        match self.rel.rsplit_once('/') {
            Some((folder, _)) => format!("{folder}/{name}"),
            None => name.to_owned(),
        }
    }
}

/// Checks `rel` against the rules of the module doc.
pub fn confine(bounds: &SiteBounds, rel: &str) -> Result<SitePath, PathRefused> {
    let outside = || PathRefused::Outside(rel.to_owned());
    let segments: Vec<&str> = rel.split('/').collect();
    if segments.len() < 2 || !WRITABLE_ROOTS.contains(&segments[0]) {
        return Err(outside());
    }
    let plain = |s: &&str| {
        !s.is_empty()
            && !s.starts_with('.')
            && !s.contains(['\\', '\0', ':'])
            && !s.chars().any(char::is_control)
    };
    if !segments.iter().all(plain) {
        return Err(outside());
    }
    let root = bounds.root();
    let mut full = root.to_path_buf();
    for segment in &segments {
        full.push(segment);
        match std::fs::symlink_metadata(&full) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(PathRefused::Link(rel.to_owned()));
            }
            _ => {}
        }
    }
    // The deepest folder that exists must be within the bounds once resolved (the root
    // itself may be reached through a link; nothing below it may).
    let existing = full
        .ancestors()
        .find(|p| p.exists())
        .unwrap_or(root)
        .to_path_buf();
    if bounds.resolve(&existing).is_err() {
        return Err(outside());
    }
    Ok(SitePath {
        rel: rel.to_owned(),
        full,
    })
}

/// `path` named from the site's `root`, with `/`: `content/news/a.md`; none when it
/// lies elsewhere.
pub fn site_relative(root: &Path, path: &Path) -> Option<String> {
    path.strip_prefix(root).ok().map(crate::diag::display_path)
}

/// The version of `bytes`: their SHA-256 in hex.
pub fn version_of(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Replaces (or creates) `path` with `bytes` through a temporary file and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no folder"))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".menhu-edit")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    set_permissions(temp.path(), path);
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The new file gets the permissions of the one it replaces, or those of a file
/// created as usual (a temporary file is readable by its owner only).
#[cfg(unix)]
fn set_permissions(temp: &Path, replaced: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let permissions = std::fs::metadata(replaced)
        .map(|m| m.permissions())
        .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
    let _ = std::fs::set_permissions(temp, permissions);
}

#[cfg(not(unix))]
fn set_permissions(_temp: &Path, _replaced: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_under_content_or_static_pass() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/news")).unwrap();
        let bounds = SiteBounds::new(site.path());
        assert!(confine(&bounds, "content/news/a.md").is_ok());
        assert!(confine(&bounds, "static/files/x.pdf").is_ok());
        for bad in [
            "content",
            "site-config.toml",
            "themes/a/x.html",
            "content/../site-config.toml",
            "content/./a.md",
            "content//a.md",
            "content/.hidden.md",
            "/etc/passwd",
            "content/a\\..\\b.md",
            "content/a\0.md",
            "C:/content/a.md",
            ".git/config",
        ] {
            assert_eq!(
                confine(&bounds, bad),
                Err(PathRefused::Outside(bad.to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    #[cfg(unix)]
    fn no_link_on_the_way_is_followed() {
        let site = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/news")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), site.path().join("content/out")).unwrap();
        std::os::unix::fs::symlink(
            elsewhere.path().join("x.md"),
            site.path().join("content/news/x.md"),
        )
        .unwrap();
        let bounds = SiteBounds::new(site.path());
        for linked in ["content/out/a.md", "content/news/x.md"] {
            assert_eq!(
                confine(&bounds, linked),
                Err(PathRefused::Link(linked.to_owned()))
            );
        }
    }

    #[test]
    fn writes_replace_the_whole_file_and_leave_no_temporary_file() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("a.md");
        write_atomically(&file, b"one").unwrap();
        write_atomically(&file, b"two").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
        assert_eq!(version_of(b"two").len(), 64);
    }
}
