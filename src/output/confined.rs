//! Files written into a folder without ever following a symbolic link. A staging folder
//! reused from an earlier build (the spare, or a `public/` committed to the repository)
//! may hold links planted there (`index.html → ~/.bashrc`, `news → /etc`); a write
//! through one would land outside the output.
//!
//! On Linux each file is opened relative to the folder with `openat2` and
//! `RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH`: one system call, as a plain open is, so the
//! check costs nothing. A link met on the way is removed (the link, never what it points
//! to) and the open tried again. Where `openat2` is missing (other systems, old kernels,
//! some sandboxes), the folders along the path are looked at before the open instead,
//! unless menhu created the folder empty itself and so knows it holds no link.
//!
//! In such a fresh folder (a clean build's staging folder, a folder of changes) nothing
//! stands but what the build itself made, so each file's folders are made first, once
//! each, and the file is made with `O_EXCL`, which proves it new: no open that fails for
//! want of its folder, no look at the file's other names, nothing to cut after writing.
//! Should that open fail (a path written twice), the open above puts things right.
//!
//! Files may also be moved in whole from elsewhere ([`Confined::move_in`]: the pages a
//! build with the cache changed, written beside the output first). A file written here
//! is never written in place while it has another name (a hard link, which an output
//! folder of an earlier menhu may hold): it is removed first and made anew, so that the
//! bytes of the other name never change.

use std::collections::HashSet;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
#[cfg(target_os = "linux")]
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

/// A folder files are written into, never through a link.
pub(crate) struct Confined {
    root: PathBuf,
    /// Menhu made the folder empty: it holds no link but what menhu writes (none).
    fresh: bool,
    #[cfg(target_os = "linux")]
    dir: Option<std::os::fd::OwnedFd>,
    /// `openat2` was refused once: the checks of [`Confined::create_checked`] from then on.
    #[cfg(target_os = "linux")]
    no_openat2: AtomicBool,
    /// In a fresh folder, the folders made so far: each is made once,
    /// before the first file in it, and the files after that go straight to their open.
    made_dirs: Mutex<HashSet<String>>,
}

/// A file [`Confined::create`] opened for writing.
pub(crate) struct Opened {
    pub(crate) file: File,
    /// The bytes the file held when opened (none when this very open made it): only
    /// one that held more than is written over it needs cutting to length after.
    pub(crate) held: u64,
}

/// Opens tried for one file: a link removed, then missing folders created, then the file.
const ATTEMPTS: usize = 4;

impl Confined {
    /// Writes into `root`, a folder that is not a link. `fresh`: menhu created it empty.
    pub(crate) fn new(root: &Path, fresh: bool) -> Confined {
        Confined {
            root: root.to_path_buf(),
            fresh,
            #[cfg(target_os = "linux")]
            dir: open_dir(root).ok(),
            #[cfg(target_os = "linux")]
            no_openat2: AtomicBool::new(false),
            made_dirs: Mutex::new(HashSet::new()),
        }
    }

    /// Opens `relative` (`/`-separated, no `..`) for writing, creating it and its folders
    /// when missing, without truncating it. Links along the way are removed first, and
    /// a file that has another name (a hard link) is removed and made anew, never
    /// written through. In a fresh folder the file is made new (`O_EXCL`).
    pub(crate) fn create(&self, relative: &str) -> io::Result<Opened> {
        if let Some(file) = self.create_new(relative) {
            return Ok(Opened { file, held: 0 });
        }
        for _ in 0..ATTEMPTS {
            let file = self.open_for_writing(relative)?;
            let meta = file.metadata()?;
            if !has_other_names(&meta) {
                let held = meta.len();
                return Ok(Opened { file, held });
            }
            drop(file);
            // Just opened without meeting a link on the way: the path names that file.
            std::fs::remove_file(self.root.join(relative))?;
        }
        Err(io::Error::other(
            "the file keeps coming back with other names",
        ))
    }

    /// In a fresh folder, makes `relative` new (`O_EXCL`) once its folders are made;
    /// `None` when the folder is not fresh, or anything fails (a path written twice,
    /// `openat2` refused), for the open of [`Confined::create`] that puts things right.
    fn create_new(&self, relative: &str) -> Option<File> {
        if !self.fresh {
            return None;
        }
        #[cfg(target_os = "linux")]
        if let Some(dir) = &self.dir
            && !self.no_openat2.load(Ordering::Relaxed)
        {
            return self.create_new_beneath(dir, relative);
        }
        if let Some((parent, _)) = relative.rsplit_once('/') {
            let make = |folder: &str| std::fs::create_dir(self.root.join(folder));
            self.make_folders(parent, &make).ok()?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        options.open(self.root.join(relative)).ok()
    }

    /// [`Confined::create_new`] with `openat2`, beneath `dir`.
    #[cfg(target_os = "linux")]
    fn create_new_beneath(&self, dir: &std::os::fd::OwnedFd, relative: &str) -> Option<File> {
        use rustix::fs::{Mode, OFlags, mkdirat, openat2};
        if let Some((parent, _)) = relative.rsplit_once('/') {
            let make = |folder: &str| Ok(mkdirat(dir, folder, Mode::from_raw_mode(0o777))?);
            self.make_folders(parent, &make).ok()?;
        }
        let flags =
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::CLOEXEC | OFlags::NOFOLLOW;
        let mode = Mode::from_raw_mode(0o666);
        openat2(dir, relative, flags, mode, beneath())
            .ok()
            .map(File::from)
    }

    /// Makes the folder `relative` and those on its way, top down, each with `make` (one
    /// folder) unless this build made it already: in a fresh folder only this build
    /// makes folders, so none of these fails for want of the folder above. Only for a
    /// fresh folder: making a folder follows links, and there none stand.
    fn make_folders(
        &self,
        relative: &str,
        make: &dyn Fn(&str) -> io::Result<()>,
    ) -> io::Result<()> {
        let made = || {
            self.made_dirs
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
        };
        if made().contains(relative) {
            return Ok(());
        }
        if let Some((up, _)) = relative.rsplit_once('/') {
            self.make_folders(up, make)?;
        }
        made_or_there(make(relative))?;
        made().insert(relative.to_owned());
        Ok(())
    }

    /// Moves the file `from` (on the same file system) to `relative`, with the folders
    /// on the way: whatever file or link stands there is replaced, never followed, and
    /// a folder standing there is removed first.
    pub(crate) fn move_in(&self, from: &Path, relative: &str) -> io::Result<()> {
        #[cfg(target_os = "linux")]
        if let Some(parent) = self.open_parent(relative)? {
            use rustix::fs::{CWD, renameat};
            let name = relative.rsplit('/').next().unwrap_or(relative);
            return match renameat(CWD, from, &parent, name) {
                Err(rustix::io::Errno::ISDIR) => {
                    remove_folder(&self.root, relative)?;
                    Ok(renameat(CWD, from, &parent, name)?)
                }
                other => Ok(other?),
            };
        }
        self.move_in_checked(from, relative)
    }

    /// The folder holding `relative`, opened beneath the root without following a
    /// link (links on the way removed, missing folders made); `None` without `openat2`.
    #[cfg(target_os = "linux")]
    fn open_parent(&self, relative: &str) -> io::Result<Option<std::os::fd::OwnedFd>> {
        use rustix::fs::{Mode, OFlags};
        let Some(dir) = &self.dir else {
            return Ok(None);
        };
        if self.no_openat2.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let parent = relative.rsplit_once('/').map_or(".", |(parent, _)| parent);
        let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        match open_beneath(dir, &self.root, parent, flags, Mode::empty(), relative) {
            Err(e) if is_unsupported(&e) => {
                self.no_openat2.store(true, Ordering::Relaxed);
                Ok(None)
            }
            opened => opened.map(Some),
        }
    }

    /// The move where `openat2` is missing: each folder on the way is looked at first,
    /// unless menhu created the whole folder empty itself.
    fn move_in_checked(&self, from: &Path, relative: &str) -> io::Result<()> {
        if !self.fresh {
            remove_links(&self.root, relative)?;
        }
        create_parent(&self.root, relative)?;
        let path = self.root.join(relative);
        if std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_dir()) {
            remove_folder(&self.root, relative)?;
        }
        std::fs::rename(from, &path)
    }

    /// Opens `relative` for writing as [`Confined::create`] does, whatever its links.
    fn open_for_writing(&self, relative: &str) -> io::Result<File> {
        #[cfg(target_os = "linux")]
        if let Some(dir) = &self.dir
            && !self.no_openat2.load(Ordering::Relaxed)
        {
            match self.create_beneath(dir, relative) {
                Err(e) if is_unsupported(&e) => self.no_openat2.store(true, Ordering::Relaxed),
                other => return other,
            }
        }
        self.create_checked(relative)
    }

    #[cfg(target_os = "linux")]
    fn create_beneath(&self, dir: &std::os::fd::OwnedFd, relative: &str) -> io::Result<File> {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::CLOEXEC | OFlags::NOFOLLOW;
        let mode = Mode::from_raw_mode(0o666);
        open_beneath(dir, &self.root, relative, flags, mode, relative).map(File::from)
    }

    /// The open where `openat2` is missing: each folder on the way is looked at first,
    /// unless menhu created the whole folder empty itself.
    fn create_checked(&self, relative: &str) -> io::Result<File> {
        if !self.fresh {
            remove_links(&self.root, relative)?;
        }
        let path = self.root.join(relative);
        let open = || {
            std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
        };
        match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                create_parent(&self.root, relative)?;
                open()
            }
            Err(e) if e.kind() == io::ErrorKind::IsADirectory => {
                remove_folder(&self.root, relative)?;
                open()
            }
            other => other,
        }
    }
}

/// Which file a path names: two paths of the same [`FileId`] are one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    device: u64,
    inode: u64,
}

impl FileId {
    /// The file `meta` describes; `None` where the system does not say.
    pub fn of(meta: &std::fs::Metadata) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId {
                device: meta.dev(),
                inode: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

/// True when the file of `meta` has more than one name: written in place, it would
/// change the bytes under its other names too.
fn has_other_names(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Opens `path` (`relative` or its folder) beneath `dir`, the folder at `root`, with
/// `openat2`, never through a link. What an earlier build left in the way of `relative`
/// is put right and the open tried again: a link (resolution stops at the first one)
/// or a file where a folder must be now is removed, never followed; a missing folder
/// is made; a folder where the file must be now is removed.
#[cfg(target_os = "linux")]
fn open_beneath(
    dir: &std::os::fd::OwnedFd,
    root: &Path,
    path: &str,
    flags: rustix::fs::OFlags,
    mode: rustix::fs::Mode,
    relative: &str,
) -> io::Result<std::os::fd::OwnedFd> {
    use rustix::fs::openat2;
    use rustix::io::Errno;
    let mut last = None;
    for _ in 0..ATTEMPTS {
        let errno = match openat2(dir, path, flags, mode, beneath()) {
            Ok(fd) => return Ok(fd),
            Err(errno) => errno,
        };
        match errno {
            Errno::LOOP | Errno::XDEV | Errno::NOTDIR => remove_links(root, relative)?,
            Errno::ISDIR => remove_folder(root, relative)?,
            Errno::NOENT => create_parent(root, relative)?,
            // Anything else, `openat2` refused itself among them ([`is_unsupported`]).
            _ => return Err(errno.into()),
        }
        last = Some(io::Error::from(errno));
    }
    Err(last.unwrap_or_else(|| io::Error::other("cannot open")))
}

/// How `openat2` resolves a path: beneath the folder, following no link.
#[cfg(target_os = "linux")]
fn beneath() -> rustix::fs::ResolveFlags {
    use rustix::fs::ResolveFlags;
    ResolveFlags::NO_SYMLINKS | ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS
}

/// A folder made, or one there already: either will do.
fn made_or_there(made: io::Result<()>) -> io::Result<()> {
    match made {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        made => made,
    }
}

#[cfg(target_os = "linux")]
fn open_dir(root: &Path) -> io::Result<std::os::fd::OwnedFd> {
    use rustix::fs::{Mode, OFlags, open};
    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    Ok(open(root, flags, Mode::empty())?)
}

/// True when the kernel (or a sandbox) refuses `openat2` itself.
#[cfg(target_os = "linux")]
fn is_unsupported(e: &io::Error) -> bool {
    use rustix::io::Errno;
    [Errno::NOSYS, Errno::PERM, Errno::INVAL, Errno::TOOBIG]
        .iter()
        .any(|errno| e.raw_os_error() == Some(errno.raw_os_error()))
}

/// Removes every link (the link itself) on the way from `root` to `relative`, the file
/// included, and a file standing where a folder must be.
fn remove_links(root: &Path, relative: &str) -> io::Result<()> {
    let mut path = root.to_path_buf();
    let parts: Vec<&str> = relative.split('/').filter(|p| !p.is_empty()).collect();
    for (index, part) in parts.iter().enumerate() {
        path.push(part);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return Ok(());
        };
        let is_folder_on_the_way = index + 1 < parts.len();
        if meta.is_symlink() || (is_folder_on_the_way && !meta.is_dir()) {
            return remove_unless_gone(&path);
        }
    }
    Ok(())
}

/// Removes the link or file at `path`, unless another writer of the same build removed
/// it first (and maybe made the folder there already): the pages of one folder are
/// written side by side, and each of them meets what stands in the folder's way.
pub(super) fn remove_unless_gone(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) if std::fs::symlink_metadata(path).is_ok_and(|meta| meta.is_dir()) => Ok(()),
        removed => removed,
    }
}

/// Removes the folder standing at `relative` (one an earlier build wrote where this
/// build writes a file), after the links on the way: never through one.
fn remove_folder(root: &Path, relative: &str) -> io::Result<()> {
    remove_links(root, relative)?;
    let path = root.join(relative);
    if std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_dir()) {
        match std::fs::remove_dir_all(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            removed => removed?,
        }
    }
    Ok(())
}

fn create_parent(root: &Path, relative: &str) -> io::Result<()> {
    match Path::new(relative).parent() {
        Some(parent) if !parent.as_os_str().is_empty() => {
            std::fs::create_dir_all(root.join(parent))
        }
        _ => Ok(()),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::symlink;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn write(confined: &Confined, relative: &str, text: &str) -> io::Result<()> {
        let mut file = confined.create(relative)?.file;
        file.write_all(text.as_bytes())?;
        file.set_len(text.len() as u64)
    }

    /// A writer into `root` (`fresh`: made empty by menhu), through `openat2` or
    /// (`by_paths`) by looking at each folder on the way.
    fn confined_by(root: &Path, fresh: bool, by_paths: bool) -> Confined {
        let confined = Confined::new(root, fresh);
        #[cfg(target_os = "linux")]
        confined.no_openat2.store(by_paths, Ordering::Relaxed);
        #[cfg(not(target_os = "linux"))]
        let _ = by_paths;
        confined
    }

    /// The output folder `out` in `dir`, whose `news` is a link to the folder
    /// `elsewhere` beside it: (out, elsewhere).
    fn news_linked_elsewhere(dir: &Path) -> io::Result<(PathBuf, PathBuf)> {
        let (root, elsewhere) = (dir.join("out"), dir.join("elsewhere"));
        std::fs::create_dir_all(&root)?;
        std::fs::create_dir_all(&elsewhere)?;
        symlink(&elsewhere, root.join("news"))?;
        Ok((root, elsewhere))
    }

    #[test]
    fn a_file_where_a_folder_goes_and_a_folder_where_a_file_goes_are_replaced() -> TestResult {
        // With `openat2`, then by the path that looks at each folder on the way.
        for by_paths in [false, true] {
            let dir = tempfile::tempdir()?;
            let root = dir.path().join("out");
            std::fs::create_dir_all(root.join("page/deep"))?;
            std::fs::write(root.join("page/deep/index.html"), "old page")?;
            std::fs::write(root.join("guide"), "old file")?;
            let confined = confined_by(&root, false, by_paths);
            write(&confined, "guide/index.html", "section")?;
            write(&confined, "page", "file")?;
            assert_eq!(
                std::fs::read_to_string(root.join("guide/index.html"))?,
                "section"
            );
            assert_eq!(std::fs::read_to_string(root.join("page"))?, "file");
        }
        Ok(())
    }

    #[test]
    fn writers_meeting_one_link_at_once_all_write_beneath_it() -> TestResult {
        // The pages of one folder are written side by side: each writer meets the link
        // where the folder goes, and only one can be the writer that removes it.
        for by_paths in [false, true] {
            for _ in 0..40 {
                let dir = tempfile::tempdir()?;
                let (root, elsewhere) = news_linked_elsewhere(dir.path())?;
                let confined = confined_by(&root, false, by_paths);
                let results: Vec<io::Result<()>> = std::thread::scope(|scope| {
                    let writers: Vec<_> = (0..8)
                        .map(|i| {
                            let confined = &confined;
                            scope.spawn(move || {
                                write(confined, &format!("news/p{i}/index.html"), "page")
                            })
                        })
                        .collect();
                    writers.into_iter().map(|w| w.join().unwrap()).collect()
                });
                for result in results {
                    result?;
                }
                assert_eq!(std::fs::read_dir(&elsewhere)?.count(), 0);
                assert_eq!(std::fs::read_dir(root.join("news"))?.count(), 8);
            }
        }
        Ok(())
    }

    #[test]
    fn a_fresh_folder_makes_each_file_and_opens_a_path_written_twice_again() -> TestResult {
        for by_paths in [false, true] {
            let dir = tempfile::tempdir()?;
            let root = dir.path().join("out");
            std::fs::create_dir(&root)?;
            let confined = confined_by(&root, true, by_paths);
            for relative in [
                "index.html",
                "news/a/index.html",
                "news/a/photo.css",
                "guide",
            ] {
                write(&confined, relative, "made")?;
                assert_eq!(std::fs::read_to_string(root.join(relative))?, "made");
            }
            // Written twice: opened again, holding the bytes written first.
            assert_eq!(confined.create("news/a/index.html")?.held, 4);
            if by_paths {
                // Without `openat2`, a fresh folder's paths are not looked at on the way.
                continue;
            }
            // A file where a folder goes, and a folder where a file goes: put right.
            write(&confined, "guide/index.html", "section")?;
            write(&confined, "news/a", "file")?;
            assert_eq!(
                std::fs::read_to_string(root.join("guide/index.html"))?,
                "section"
            );
            assert_eq!(std::fs::read_to_string(root.join("news/a"))?, "file");
        }
        Ok(())
    }

    #[test]
    fn writers_in_a_fresh_folder_make_the_folders_they_share_side_by_side() -> TestResult {
        for by_paths in [false, true].repeat(20) {
            let dir = tempfile::tempdir()?;
            let confined = confined_by(dir.path(), true, by_paths);
            std::thread::scope(|scope| {
                let writers: Vec<_> = (0..8)
                    .map(|i| {
                        let confined = &confined;
                        scope.spawn(move || {
                            write(confined, &format!("zh-hant/news/p{i}/index.html"), "page")
                        })
                    })
                    .collect();
                writers.into_iter().try_for_each(|w| w.join().unwrap())
            })?;
            assert_eq!(
                std::fs::read_dir(dir.path().join("zh-hant/news"))?.count(),
                8
            );
        }
        Ok(())
    }

    #[test]
    fn links_on_the_way_are_removed_and_never_written_through() -> TestResult {
        {
            let dir = tempfile::tempdir()?;
            let (root, elsewhere) = (dir.path().join("out"), dir.path().join("elsewhere"));
            std::fs::create_dir_all(root.join("a"))?;
            std::fs::create_dir_all(&elsewhere)?;
            std::fs::write(elsewhere.join("index.html"), "keep")?;
            symlink(elsewhere.join("index.html"), root.join("index.html"))?;
            symlink(&elsewhere, root.join("news"))?;
            symlink(&elsewhere, root.join("a/b"))?;
            let confined = Confined::new(&root, false);
            write(&confined, "index.html", "new")?;
            write(&confined, "news/index.html", "news")?;
            write(&confined, "a/b/c/index.html", "deep")?;
            assert_eq!(
                std::fs::read_to_string(elsewhere.join("index.html"))?,
                "keep"
            );
            assert_eq!(std::fs::read_dir(&elsewhere)?.count(), 1);
            assert_eq!(std::fs::read_to_string(root.join("index.html"))?, "new");
            assert_eq!(
                std::fs::read_to_string(root.join("news/index.html"))?,
                "news"
            );
            assert_eq!(
                std::fs::read_to_string(root.join("a/b/c/index.html"))?,
                "deep"
            );
        }
        Ok(())
    }

    #[test]
    fn the_checked_open_removes_links_too() -> TestResult {
        let dir = tempfile::tempdir()?;
        let (root, elsewhere) = news_linked_elsewhere(dir.path())?;
        let confined = Confined::new(&root, false);
        let mut file = confined.create_checked("news/index.html")?;
        file.write_all(b"x")?;
        assert_eq!(std::fs::read_dir(&elsewhere)?.count(), 0);
        assert!(root.join("news").is_dir());
        Ok(())
    }

    fn id(path: &Path) -> io::Result<Option<FileId>> {
        Ok(FileId::of(&std::fs::symlink_metadata(path)?))
    }

    #[test]
    fn a_file_with_another_name_is_made_anew_never_written_through() -> TestResult {
        let dir = tempfile::tempdir()?;
        let (root, blob) = (dir.path().join("out"), dir.path().join("blob"));
        std::fs::create_dir_all(root.join("news"))?;
        std::fs::write(&blob, "the cache's bytes")?;
        std::fs::hard_link(&blob, root.join("news/index.html"))?;
        let confined = Confined::new(&root, false);
        write(&confined, "news/index.html", "new")?;
        assert_eq!(std::fs::read_to_string(&blob)?, "the cache's bytes");
        assert_eq!(
            std::fs::read_to_string(root.join("news/index.html"))?,
            "new"
        );
        assert_ne!(id(&blob)?, id(&root.join("news/index.html"))?);
        Ok(())
    }

    #[test]
    fn a_file_moved_in_replaces_what_stands_there_and_follows_no_link() -> TestResult {
        for by_paths in [false, true] {
            let dir = tempfile::tempdir()?;
            let (root, elsewhere) = (dir.path().join("out"), dir.path().join("elsewhere"));
            std::fs::create_dir_all(root.join("a"))?;
            std::fs::create_dir_all(root.join("folder/inner"))?;
            std::fs::create_dir_all(&elsewhere)?;
            std::fs::write(elsewhere.join("index.html"), "keep")?;
            std::fs::write(root.join("old.html"), "old")?;
            symlink(elsewhere.join("index.html"), root.join("index.html"))?;
            symlink(&elsewhere, root.join("news"))?;
            symlink(&elsewhere, root.join("a/b"))?;
            let confined = confined_by(&root, false, by_paths);
            for relative in [
                "old.html",
                "index.html",
                "news/index.html",
                "a/b/c/index.html",
                "new/deep/x.html",
                "folder",
            ] {
                let from = dir.path().join("moved");
                std::fs::write(&from, relative)?;
                confined.move_in(&from, relative)?;
                assert_eq!(std::fs::read_to_string(root.join(relative))?, relative);
                assert!(!from.exists());
            }
            assert_eq!(
                std::fs::read_to_string(elsewhere.join("index.html"))?,
                "keep"
            );
            assert_eq!(std::fs::read_dir(&elsewhere)?.count(), 1);
            assert!(std::fs::symlink_metadata(root.join("news"))?.is_dir());
        }
        Ok(())
    }
}
