//! The 回收站 (recycle bin): a page deleted in the editor (its `.md` file with its review
//! notes, or a bundle's whole folder with its photos), or a photo or attachment deleted
//! beside a page, is moved here, not erased, and 「恢复」 moves it back where it stood.
//!
//! It lives in `.menhu-trash/` at the site's root, one folder per deletion
//! (`.menhu-trash/20261207-093000-001/`) holding what was moved and `entry.json` (where
//! it stood, its title, when). Not under `.menhu-cache/`, beside the undo store: the
//! cache is said to be safe to delete (`menhu build --clean-cache`, its own
//! `.gitignore`, the help of the cache's errors), and what is in the bin is the editors'
//! work. A hidden folder outside `content/` and `static/` is neither built, published,
//! watched nor read by the build ([`crate::bounds`] keeps hidden folders out). It is
//! kept out of git (by the `.gitignore` `menhu init` writes, and one of its own): what
//! git keeps of a deletion is the deletion itself.
//!
//! Nothing here goes through a link: the bin must be a real folder of the site, what is
//! moved in is checked by [`files::confine`] first (under `content/`, no link on the
//! way), an entry's path is checked again before anything is moved back, and moving
//! back never replaces what stands at the place now (the rename refuses it).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{self, SitePath};
use crate::bounds::SiteBounds;
use crate::own_files;

/// The bin's folder, at the site's root.
pub const FOLDER: &str = ".menhu-trash";

/// The description of a deletion, beside what was moved.
const ENTRY: &str = "entry.json";

/// What was deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A page: its file, or its bundle's folder.
    Page,
    /// A photo or attachment beside a page.
    File,
}

/// One deletion in the bin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Its folder's name in the bin.
    #[serde(skip_deserializing)]
    pub id: String,
    /// A page, or a file beside one.
    pub kind: Kind,
    /// Where it stood: `content/news/a.md`, `content/news/a/index.md` (a bundle, moved
    /// whole) or `content/news/a/hui-chang.jpg`.
    pub path: String,
    /// The page's title (for a file, the title of the page it was beside).
    pub title: String,
    /// When, on the site's clock (`2026-12-07 09:30`).
    pub deleted: String,
    /// Whether the deletion was committed to the site's git repository
    /// (`--edit-commit`): moving it back is committed too.
    #[serde(default)]
    pub committed: bool,
}

impl Entry {
    /// What was moved, site-relative: a bundle's folder for its `index.md`, else the file.
    pub fn moved(&self) -> String {
        moved_of(&self.path)
    }

    /// The name of the file or folder given back.
    pub fn name(&self) -> String {
        self.path.rsplit('/').next().unwrap_or("").to_owned()
    }
}

/// Why something was not moved in or out.
#[derive(Debug, thiserror::Error)]
pub enum TrashRefused {
    /// The bin's name is taken by something else than a folder of the site (a link).
    #[error(
        "回收站文件夹 {FOLDER} 不是网站里的普通文件夹（可能是一个链接），什么都没有删除：请管理员检查网站根目录下的 {FOLDER}"
    )]
    NotAFolder,
    /// No such entry (restored already, or a made-up id).
    #[error("回收站里没有这一项（可能已经恢复了）：请刷新回收站再看")]
    NoEntry,
    /// Something stands where the entry would go back.
    #[error("「{path}」的位置现在已经有{what}，没有恢复：请先把那里的改名或删除，再来恢复")]
    Taken {
        /// The place.
        path: String,
        /// What stands there, in words (`稿件「标题」`).
        what: String,
    },
    /// The folder it stood in is gone.
    #[error("原来所在的文件夹「{0}」已经不在了，没有恢复：{1}")]
    FolderGone(String, &'static str),
    /// The entry's path is not one the editor may write.
    #[error("回收站里这一项的位置「{0}」不在 content/ 文件夹里，或经过一个链接，不能恢复")]
    Outside(String),
    /// Moving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// `content/news/a/index.md` → `content/news/a`; other paths as they are.
pub fn moved_of(rel: &str) -> String {
    rel.strip_suffix("/index.md").unwrap_or(rel).to_owned()
}

/// The bin of the site at `root`, created when missing.
fn folder(root: &Path) -> Result<PathBuf, TrashRefused> {
    let folder = root.join(FOLDER);
    match std::fs::symlink_metadata(&folder) {
        Ok(meta) if meta.is_dir() => Ok(folder),
        Ok(_) => Err(TrashRefused::NotAFolder),
        Err(_) => {
            std::fs::create_dir(&folder)?;
            // Never committed by mistake (`git add --all`), in a site whose `.gitignore`
            // was not written by `menhu init`.
            let _ = own_files::write_replacing(&folder.join(".gitignore"), b"*\n");
            let _ = own_files::write_replacing(
                &folder.join("README.txt"),
                "在线编辑删除的稿件、照片和附件放在这里，可以在在线编辑的「回收站」里恢复。\n\
                 每个文件夹是一次删除，entry.json 写明原来的位置。确实不再需要的，可以整个文件夹删掉。\n"
                    .as_bytes(),
            );
            Ok(folder)
        }
    }
}

/// Moves `item` (checked by [`files::confine`]) into a new folder of the bin, with
/// `extra` (hidden files beside it that go with it, such as its review notes), and
/// writes `entry`. Answers the entry with its id.
pub fn put(
    root: &Path,
    item: &SitePath,
    extra: &[PathBuf],
    mut entry: Entry,
    stamp: &str,
) -> Result<Entry, TrashRefused> {
    let bin = folder(root)?;
    let (id, place) = new_place(&bin, stamp)?;
    entry.id = id;
    let text = serde_json::to_string_pretty(&entry).map_err(std::io::Error::other)?;
    own_files::write_replacing(&place.join(ENTRY), text.as_bytes())?;
    let name = item.rel.rsplit('/').next().unwrap_or("");
    if let Err(error) = std::fs::rename(&item.full, place.join(name)) {
        let _ = std::fs::remove_dir_all(&place);
        return Err(error.into());
    }
    for file in extra {
        if let Some(name) = file.file_name() {
            let _ = std::fs::rename(file, place.join(name));
        }
    }
    Ok(entry)
}

/// A new folder in `bin`, named after `stamp` and a number.
fn new_place(bin: &Path, stamp: &str) -> Result<(String, PathBuf), TrashRefused> {
    for n in 1..10_000 {
        let id = format!("{stamp}-{n:03}");
        let place = bin.join(&id);
        match std::fs::create_dir(&place) {
            Ok(()) => return Ok((id, place)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(std::io::Error::other("too many deletions in one second").into())
}

/// Every entry of the bin, the last deleted first.
pub fn list(root: &Path) -> Vec<Entry> {
    let bin = root.join(FOLDER);
    if !std::fs::symlink_metadata(&bin).is_ok_and(|m| m.is_dir()) {
        return Vec::new();
    }
    let mut entries: Vec<Entry> = std::fs::read_dir(&bin)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| read(&bin, &e.file_name().to_string_lossy()))
        .collect();
    entries.sort_by(|a, b| b.id.cmp(&a.id));
    entries
}

/// The entry `id`, when it is a real folder of the bin with its description and item.
fn read(bin: &Path, id: &str) -> Option<Entry> {
    let plain = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !plain {
        return None;
    }
    let place = bin.join(id);
    if !std::fs::symlink_metadata(&place).is_ok_and(|m| m.is_dir()) {
        return None;
    }
    let bytes = own_files::read_unless_link(&place.join(ENTRY))?;
    let mut entry: Entry = serde_json::from_slice(&bytes).ok()?;
    entry.id = id.to_owned();
    let item = std::fs::symlink_metadata(place.join(moved_name(&entry))).ok()?;
    (item.is_file() || item.is_dir()).then_some(entry)
}

fn moved_name(entry: &Entry) -> String {
    let moved = entry.moved();
    moved.rsplit('/').next().unwrap_or("").to_owned()
}

/// The entry `id`, as [`list`] shows it.
pub fn entry(root: &Path, id: &str) -> Result<Entry, TrashRefused> {
    let bin = root.join(FOLDER);
    if std::fs::symlink_metadata(&bin).is_ok_and(|m| !m.is_dir()) {
        return Err(TrashRefused::NotAFolder);
    }
    read(&bin, id).ok_or(TrashRefused::NoEntry)
}

/// Records that the deletion `id` was committed to the site's repository.
pub fn mark_committed(root: &Path, id: &str) -> Result<(), TrashRefused> {
    let mut entry = entry(root, id)?;
    entry.committed = true;
    let text = serde_json::to_string_pretty(&entry).map_err(std::io::Error::other)?;
    own_files::write_replacing(&root.join(FOLDER).join(id).join(ENTRY), text.as_bytes())?;
    Ok(())
}

/// Moves the entry `id` back where it stood, when nothing stands there now. `occupant`
/// names what stands at a place (`稿件「标题」`). Answers the entry; its folder in the
/// bin is removed.
pub fn restore(
    bounds: &SiteBounds,
    id: &str,
    occupant: impl Fn(&Path) -> String,
) -> Result<Entry, TrashRefused> {
    let entry = entry(bounds.root(), id)?;
    let moved = entry.moved();
    let outside = || TrashRefused::Outside(entry.path.clone());
    if !moved.starts_with("content/") {
        return Err(outside());
    }
    let target = files::confine(bounds, &moved).map_err(|_| outside())?;
    let parent = target
        .full
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if !parent.is_dir() {
        let folder = moved.rsplit_once('/').map_or("", |(f, _)| f).to_owned();
        let what = match entry.kind {
            Kind::Page => "请管理员先建好这个栏目，再来恢复",
            Kind::File => "它所在的稿件不在了（可能也在回收站里），请先恢复稿件，再恢复它",
        };
        return Err(TrashRefused::FolderGone(folder, what));
    }
    // A page and a bundle of the same name would take the same address.
    let rivals = match entry.kind {
        Kind::Page => twins(&target.full),
        Kind::File => vec![target.full.clone()],
    };
    if let Some(taken) = rivals.iter().find(|p| std::fs::symlink_metadata(p).is_ok()) {
        let rel = files::site_relative(bounds.root(), taken).unwrap_or_default();
        return Err(TrashRefused::Taken {
            what: occupant(taken),
            path: rel,
        });
    }
    let place = bounds.root().join(FOLDER).join(&entry.id);
    move_without_replacing(&place.join(moved_name(&entry)), &target.full).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            TrashRefused::Taken {
                path: moved.clone(),
                what: occupant(&target.full),
            }
        } else {
            e.into()
        }
    })?;
    // The files that went with it ([`put`]'s `extra`: a single-file page's review
    // notes) go back beside it, each unless something of its name stands there now.
    for kept in std::fs::read_dir(&place).into_iter().flatten().flatten() {
        let home = parent.join(kept.file_name());
        let is_file = kept.file_type().is_ok_and(|t| t.is_file());
        let free = std::fs::symlink_metadata(&home).is_err();
        if is_file && kept.file_name().to_str() != Some(ENTRY) && free {
            let _ = std::fs::rename(kept.path(), home);
        }
    }
    // The entry's folder goes when it is empty: a file that could not go back (notes
    // meeting notes of the same name) stays in it.
    let _ = std::fs::remove_file(place.join(ENTRY));
    let _ = std::fs::remove_dir(&place);
    Ok(entry)
}

/// `a.md` and the folder `a` (or the folder `a` and `a.md`): either stands where the
/// other would.
pub(super) fn twins(path: &Path) -> Vec<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let twin = match name.strip_suffix(".md") {
        Some(stem) => path.with_file_name(stem),
        None => path.with_file_name(format!("{name}.md")),
    };
    vec![path.to_path_buf(), twin]
}

/// Renames `from` to `to`, failing (`AlreadyExists`) when something stands at `to`.
#[cfg(target_os = "linux")]
pub(super) fn move_without_replacing(from: &Path, to: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
        Ok(()) => Ok(()),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
            // A file system without the flag: the check, then the rename.
            if std::fs::symlink_metadata(to).is_ok() {
                return Err(std::io::ErrorKind::AlreadyExists.into());
            }
            std::fs::rename(from, to)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
pub(super) fn move_without_replacing(from: &Path, to: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    std::fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/news/b")).unwrap();
        std::fs::write(site.path().join("content/news/a.md"), "+++\n+++\nA").unwrap();
        std::fs::write(site.path().join("content/news/.a.review.txt"), "送审\n").unwrap();
        std::fs::write(site.path().join("content/news/b/index.md"), "B").unwrap();
        std::fs::write(site.path().join("content/news/b/x.png"), "png").unwrap();
        site
    }

    fn deleted(bounds: &SiteBounds, rel: &str, kind: Kind) -> Entry {
        let item = files::confine(bounds, &moved_of(rel)).unwrap();
        let entry = Entry {
            id: String::new(),
            kind,
            path: rel.to_owned(),
            title: "标题".into(),
            deleted: "2026-12-07 09:30".into(),
            committed: false,
        };
        put(bounds.root(), &item, &[], entry, "20261207-093000").unwrap()
    }

    #[test]
    fn a_page_and_a_bundle_go_to_the_bin_and_come_back_where_they_were() {
        let site = site();
        let bounds = SiteBounds::new(site.path());
        let notes = site.path().join("content/news/.a.review.txt");
        let item = files::confine(&bounds, "content/news/a.md").unwrap();
        let entry = Entry {
            id: String::new(),
            kind: Kind::Page,
            path: item.rel.clone(),
            title: "一".into(),
            deleted: "2026-12-07 09:30".into(),
            committed: false,
        };
        let first = put(
            site.path(),
            &item,
            std::slice::from_ref(&notes),
            entry,
            "20261207-093000",
        )
        .unwrap();
        let second = deleted(&bounds, "content/news/b/index.md", Kind::Page);
        assert_eq!(first.id, "20261207-093000-001");
        assert_eq!(second.id, "20261207-093000-002");
        assert!(!site.at("content/news/a.md").exists() && !notes.exists());
        assert!(!site.at("content/news/b").exists());
        let listed: Vec<String> = list(site.path()).into_iter().map(|e| e.path).collect();
        assert_eq!(listed, ["content/news/b/index.md", "content/news/a.md"]);

        restore(&bounds, &first.id, |_| String::new()).unwrap();
        restore(&bounds, &second.id, |_| String::new()).unwrap();
        assert_eq!(
            std::fs::read_to_string(site.at("content/news/a.md")).unwrap(),
            "+++\n+++\nA"
        );
        assert_eq!(std::fs::read_to_string(&notes).unwrap(), "送审\n");
        assert!(site.at("content/news/b/x.png").is_file());
        assert!(list(site.path()).is_empty());
        assert!(matches!(
            restore(&bounds, &first.id, |_| String::new()),
            Err(TrashRefused::NoEntry)
        ));
    }

    #[test]
    fn nothing_is_put_back_over_what_stands_there_now() {
        let site = site();
        let bounds = SiteBounds::new(site.path());
        let gone = deleted(&bounds, "content/news/a.md", Kind::Page);
        // A new page of the same name, and a bundle of the same name: both refuse.
        std::fs::create_dir(site.at("content/news/a")).unwrap();
        let refused = restore(&bounds, &gone.id, |_| "稿件「新」".into());
        assert!(
            matches!(&refused, Err(TrashRefused::Taken { path, .. }) if path == "content/news/a"),
            "{refused:?}"
        );
        std::fs::remove_dir(site.at("content/news/a")).unwrap();
        std::fs::write(site.at("content/news/a.md"), "new").unwrap();
        let refused = restore(&bounds, &gone.id, |_| "稿件「新」".into()).unwrap_err();
        assert!(refused.to_string().contains("稿件「新」"), "{refused}");
        assert_eq!(
            std::fs::read_to_string(site.at("content/news/a.md")).unwrap(),
            "new"
        );
        // The entry is still there to restore later.
        assert_eq!(list(site.path()).len(), 1);
    }

    #[test]
    fn an_entry_that_points_out_of_content_is_not_restored() {
        let site = site();
        let bounds = SiteBounds::new(site.path());
        let gone = deleted(&bounds, "content/news/b/x.png", Kind::File);
        let described = site.at(&format!("{FOLDER}/{}/{ENTRY}", gone.id));
        let text = std::fs::read_to_string(&described).unwrap();
        std::fs::write(
            &described,
            text.replace("content/news/b/x.png", "content/../x.png"),
        )
        .unwrap();
        assert!(matches!(
            restore(&bounds, &gone.id, |_| String::new()),
            Err(TrashRefused::Outside(_))
        ));
        for made_up in ["../content", "", "a/b"] {
            assert!(matches!(
                restore(&bounds, made_up, |_| String::new()),
                Err(TrashRefused::NoEntry)
            ));
        }
        assert!(!site.at("x.png").exists());
    }

    trait At {
        fn at(&self, rel: &str) -> PathBuf;
    }

    impl At for tempfile::TempDir {
        fn at(&self, rel: &str) -> PathBuf {
            self.path().join(rel)
        }
    }
}
