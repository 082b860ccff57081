//! The site's bounds: what menhu may read. A site repository is untrusted input, and a
//! symbolic link committed in it (`content/news/a/passwd.txt → /etc/passwd`) would
//! otherwise publish whatever the build machine holds. Every file menhu reads must lie,
//! once its links are resolved, inside the site root and outside the site's hidden
//! folders (`.git`, whose `config` holds CI tokens; `.menhu-cache`), or inside a folder
//! the config's `follow_symlinks` names. The one hidden folder read is the image cache
//! (`.menhu-cache/images/`), whose copies the preview serves: only as a real folder, as
//! a link there resolves elsewhere.
//!
//! Links are resolved only where there are links: a walk ([`SiteBounds::walk`]) learns
//! from the directory entry whether an entry is one, so a tree without links costs no
//! more than before; a walk's starting folder and each single file named by the config
//! are resolved once each.
//!
//! Code E0214: a link (or a configured path) leads outside the bounds, naming the link
//! and its target.

use std::path::{Component, Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};

/// Where a site's files may really be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteBounds {
    /// The site root as given (paths below it are shown relative to it).
    given: PathBuf,
    /// The site root, links resolved.
    root: PathBuf,
    /// Folders outside the root (or hidden in it) that may be read, resolved: the
    /// image cache, those the config's `follow_symlinks` names, and a network's shared
    /// folders.
    allowed: Vec<PathBuf>,
    /// For a member of a network (站群): the network's shared `data/` folder, as seen
    /// from the site root (`sites/wuzhou/../../data`), where a data file the site does
    /// not have is looked for ([`SiteBounds::data_file`]).
    shared_data: Option<PathBuf>,
    /// Single files outside the root that may be read, resolved (see
    /// [`SiteBounds::allowing_files`]).
    allowed_files: std::collections::BTreeSet<PathBuf>,
}

/// Why a path is out of bounds.
#[derive(Debug)]
pub enum Escape {
    /// It resolves outside the site root: the target.
    Outside(PathBuf),
    /// It resolves into a hidden folder of the site (`.git`): the target.
    Hidden(PathBuf),
    /// It cannot be resolved (a dangling link, no permission).
    Unresolved(std::io::Error),
}

/// The processed-image cache (`crate::images` keeps its copies there): the one hidden
/// folder of the site whose files are read, because the preview serves them.
pub const IMAGE_CACHE_DIR: &str = ".menhu-cache/images";

/// A network's shared theme folder, at its root.
const SHARED_THEMES_DIR: &str = "themes";

/// A network's shared data folder, at its root.
pub const SHARED_DATA_DIR: &str = "data";

impl SiteBounds {
    /// The bounds of the site at `root`, with no folder allowed outside it.
    pub fn new(root: &Path) -> SiteBounds {
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        SiteBounds {
            given: root.to_path_buf(),
            // Compared with resolved paths, so a cache folder that is a link never matches.
            allowed: vec![real.join(IMAGE_CACHE_DIR)],
            root: real,
            shared_data: None,
            allowed_files: std::collections::BTreeSet::new(),
        }
    }

    /// The bounds of the site at `root`, widened by the folders `follow` names
    /// (absolute, or relative to the root). Returns the entries that cannot be used
    /// (they do not exist), by index, with the reason.
    pub fn with_follow<'a>(
        root: &Path,
        follow: impl IntoIterator<Item = &'a str>,
    ) -> (SiteBounds, Vec<(usize, std::io::Error)>) {
        let mut bounds = SiteBounds::new(root);
        let mut unusable = Vec::new();
        for (index, entry) in follow.into_iter().enumerate() {
            match std::fs::canonicalize(root.join(entry)) {
                Ok(real) => bounds.allowed.push(real),
                Err(e) => unusable.push((index, e)),
            }
        }
        (bounds, unusable)
    }

    /// These bounds widened by the shared folders of the network (站群) whose root is
    /// `network` (relative to the site root: `../..`): its `themes/`, read by the
    /// member's theme, and its `data/`, where data files the member does not have are
    /// looked for ([`SiteBounds::data_file`]). A shared folder counts only when it
    /// really lies in the network root and outside its hidden folders: a `data` link
    /// to `/etc` widens nothing, so whatever is read through it is an escape (E0214).
    pub fn sharing(mut self, network: &Path) -> SiteBounds {
        let network = self.given.join(network);
        let Ok(real_network) = std::fs::canonicalize(&network) else {
            return self;
        };
        for name in [SHARED_THEMES_DIR, SHARED_DATA_DIR] {
            let Ok(real) = std::fs::canonicalize(network.join(name)) else {
                continue;
            };
            let inside = real.strip_prefix(&real_network).ok();
            if inside.is_some_and(|inside| hidden_part(inside).is_none()) {
                self.allowed.push(real);
            }
        }
        self.shared_data = Some(network.join(SHARED_DATA_DIR));
        self
    }

    /// These bounds widened by the files `paths` (absolute, or relative to the root),
    /// those that exist: the bundle files of pages another member of a network
    /// reprints. Looked up by their resolved path, so thousands cost no more than one.
    pub fn allowing_files<'p>(mut self, paths: impl IntoIterator<Item = &'p Path>) -> SiteBounds {
        for path in paths {
            if let Ok(real) = std::fs::canonicalize(self.given.join(path)) {
                self.allowed_files.insert(real);
            }
        }
        self
    }

    /// Where the data file `relative` (a path from the site root, `data/orgs.csv`) is:
    /// the site's own file when it has one; else, for a member of a network, the file
    /// of the same path in the network's shared `data/`, when there is one (a member's
    /// file overrides the shared one, file by file); else the site's path, whose read
    /// then reports it missing. The caller still checks the path against the bounds,
    /// as any other.
    pub fn data_file(&self, relative: &Path) -> PathBuf {
        let own = self.given.join(relative);
        // A dangling link is the site's own file too: its read names it.
        if own.symlink_metadata().is_ok() {
            return own;
        }
        self.shared_data_file(relative).unwrap_or(own)
    }

    /// The shared data file of the same path as the site's `relative`, when the site is
    /// a member of a network, `relative` is a plain path under `data/` and the file (or
    /// a link in its place) exists.
    fn shared_data_file(&self, relative: &Path) -> Option<PathBuf> {
        let shared = self.shared_data.as_ref()?;
        let mut parts = relative
            .components()
            .filter(|c| !matches!(c, Component::CurDir));
        if parts.next() != Some(Component::Normal(SHARED_DATA_DIR.as_ref())) {
            return None;
        }
        let inside: PathBuf = parts.collect();
        let plain = inside
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        let candidate = shared.join(&inside);
        (plain && !inside.as_os_str().is_empty() && candidate.symlink_metadata().is_ok())
            .then_some(candidate)
    }

    /// The site root, links resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `path` really is, when that is within bounds.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, Escape> {
        let real = std::fs::canonicalize(path).map_err(Escape::Unresolved)?;
        if self.allowed_files.contains(&real)
            || self.allowed.iter().any(|folder| real.starts_with(folder))
        {
            return Ok(real);
        }
        match real.strip_prefix(&self.root) {
            Ok(inside) if hidden_part(inside).is_some() => Err(Escape::Hidden(real)),
            Ok(_) => Ok(real),
            Err(_) => Err(Escape::Outside(real)),
        }
    }

    /// [`SiteBounds::resolve`] with the escape as an error naming `path`. A path that
    /// cannot be resolved is left to the caller's read, which reports it in its words.
    pub fn check(&self, path: &Path) -> Result<(), Diagnostic> {
        match self.resolve(path) {
            Ok(_) | Err(Escape::Unresolved(_)) => Ok(()),
            Err(escape) => Err(self.escape_error(path, &escape)),
        }
    }

    /// `path` relative to the site root, for messages.
    pub fn shown(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.given)
            .or_else(|_| path.strip_prefix(&self.root))
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
    }

    /// The error for `path`, which escapes as `escape` says. A link is named with what
    /// it says (`/proc/self/environ`) and, when that differs, where it really leads.
    pub fn escape_error(&self, path: &Path, escape: &Escape) -> Diagnostic {
        let shown = self.shown(path);
        let written = std::fs::read_link(path).ok();
        let what = match written {
            Some(_) => crate::t!("escape-link", path = shown.display()),
            None => crate::t!("escape-path", path = shown.display()),
        };
        let to = |target: &Path| match &written {
            Some(written) if written != target => {
                format!("`{}` (`{}`)", written.display(), target.display())
            }
            _ => format!("`{}`", target.display()),
        };
        let (message, help) = match escape {
            Escape::Outside(target) => (
                crate::t!("escape-outside", what = what, to = to(target)),
                crate::t!("escape-outside.help"),
            ),
            Escape::Hidden(target) => (
                crate::t!("escape-hidden", what = what, to = to(target)),
                crate::t!("escape-hidden.help"),
            ),
            Escape::Unresolved(e) => (
                crate::t!(
                    "escape-unresolved",
                    what = what,
                    reason = crate::diag::text::display(e)
                ),
                crate::t!("escape-unresolved.help"),
            ),
        };
        Diagnostic::error("E0214", message)
            .in_file(shown)
            .expected(crate::t!("escape-outside.expected"))
            .help(help)
    }

    /// Walks `dir` (sorted by name, links followed within bounds, entries that
    /// `keep` refuses neither yielded nor entered). A link out of bounds is yielded as
    /// an error and not entered; so is `dir` itself when it leads out of bounds.
    pub fn walk<P>(&self, dir: &Path, keep: P) -> SiteWalk<'_, P>
    where
        P: FnMut(&walkdir::DirEntry) -> bool,
    {
        let start = match self.resolve(dir) {
            Err(escape @ (Escape::Outside(_) | Escape::Hidden(_))) => {
                Some(self.escape_error(dir, &escape))
            }
            _ => None,
        };
        let inner = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(keep);
        SiteWalk {
            bounds: self,
            inner: start.is_none().then_some(inner),
            start,
        }
    }
}

/// The first hidden name of a relative path (`.git` of `.git/config`).
fn hidden_part(relative: &Path) -> Option<&std::ffi::OsStr> {
    relative.components().find_map(|c| match c {
        Component::Normal(name) if name.to_string_lossy().starts_with('.') => Some(name),
        _ => None,
    })
}

/// What a [`SiteWalk`] could not yield as an entry.
#[derive(Debug)]
pub enum WalkError {
    /// The walk failed here (permissions, a link loop, a dangling link).
    Io(walkdir::Error),
    /// A link (or the starting folder) leads out of bounds.
    Escape(Diagnostic),
}

/// A walk of a folder that stays within a site's bounds (see [`SiteBounds::walk`]).
pub struct SiteWalk<'a, P> {
    bounds: &'a SiteBounds,
    inner: Option<walkdir::FilterEntry<walkdir::IntoIter, P>>,
    start: Option<Diagnostic>,
}

impl<P> SiteWalk<'_, P>
where
    P: FnMut(&walkdir::DirEntry) -> bool,
{
    /// The next entry within bounds. A link out of bounds (or the walk's start) is
    /// reported into `escapes` (E0214) and passed over, as is what cannot be read: an
    /// unreadable folder holds nothing for the caller.
    pub fn next_within(&mut self, escapes: &mut Diagnostics) -> Option<walkdir::DirEntry> {
        loop {
            match self.next()? {
                Ok(entry) => return Some(entry),
                Err(WalkError::Escape(d)) => escapes.push(d),
                Err(WalkError::Io(_)) => {}
            }
        }
    }
}

impl<P> Iterator for SiteWalk<'_, P>
where
    P: FnMut(&walkdir::DirEntry) -> bool,
{
    type Item = Result<walkdir::DirEntry, WalkError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(escape) = self.start.take() {
            return Some(Err(WalkError::Escape(escape)));
        }
        let inner = self.inner.as_mut()?;
        let entry = match inner.next()? {
            Ok(entry) => entry,
            Err(e) => return Some(Err(WalkError::Io(e))),
        };
        // Only links cost a look: the entry says whether it is one.
        if entry.path_is_symlink() && entry.depth() > 0 {
            match self.bounds.resolve(entry.path()) {
                Ok(_) => {}
                Err(escape) => {
                    if entry.file_type().is_dir() {
                        inner.skip_current_dir();
                    }
                    return Some(Err(WalkError::Escape(
                        self.bounds.escape_error(entry.path(), &escape),
                    )));
                }
            }
        }
        Some(Ok(entry))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn walked(bounds: &SiteBounds, dir: &Path) -> (Vec<String>, Vec<Diagnostic>) {
        let mut files = Vec::new();
        let mut escapes = Vec::new();
        for item in bounds.walk(dir, |_| true) {
            match item {
                Ok(entry) if entry.file_type().is_file() => files.push(
                    bounds
                        .shown(entry.path())
                        .to_string_lossy()
                        .replace('\\', "/"),
                ),
                Ok(_) => {}
                Err(WalkError::Escape(d)) => escapes.push(d),
                Err(WalkError::Io(e)) => {
                    return (files, vec![Diagnostic::error("io", e.to_string())]);
                }
            }
        }
        (files, escapes)
    }

    #[test]
    fn links_inside_are_followed_and_links_out_are_errors_naming_both_ends() -> TestResult {
        let dir = tempfile::tempdir()?;
        let site = dir.path().join("site");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(site.join("content/a"))?;
        std::fs::create_dir_all(site.join("shared"))?;
        std::fs::create_dir_all(site.join(".git"))?;
        std::fs::create_dir_all(&outside)?;
        std::fs::write(site.join("shared/logo.svg"), "<svg/>")?;
        std::fs::write(site.join(".git/config"), "token")?;
        std::fs::write(outside.join("secret.txt"), "secret")?;
        symlink(site.join("shared"), site.join("content/a/shared"))?;
        symlink(
            outside.join("secret.txt"),
            site.join("content/a/passwd.txt"),
        )?;
        symlink(&outside, site.join("content/a/dir"))?;
        symlink(site.join(".git/config"), site.join("content/a/config.txt"))?;
        let bounds = SiteBounds::new(&site);
        let (files, escapes) = walked(&bounds, &site.join("content"));
        assert_eq!(files, ["content/a/shared/logo.svg"]);
        let messages: Vec<String> = escapes.iter().map(|d| d.message.clone()).collect();
        assert_eq!(escapes.len(), 3, "{messages:?}");
        assert!(escapes.iter().all(|d| d.code == "E0214"));
        assert!(messages[0].contains("`content/a/config.txt`") && messages[0].contains("hidden"));
        assert!(messages[1].contains("`content/a/dir`") && messages[1].contains("outside"));
        assert!(messages[2].contains("`content/a/passwd.txt`"));
        assert!(
            messages[2].contains(
                &outside
                    .join("secret.txt")
                    .canonicalize()?
                    .display()
                    .to_string()
            )
        );
        Ok(())
    }

    #[test]
    fn a_starting_folder_that_leads_out_is_one_error() -> TestResult {
        let dir = tempfile::tempdir()?;
        let site = dir.path().join("site");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&site)?;
        std::fs::create_dir_all(&outside)?;
        std::fs::write(outside.join("x.html"), "x")?;
        symlink(&outside, site.join("templates"))?;
        let (files, escapes) = walked(&SiteBounds::new(&site), &site.join("templates"));
        assert!(files.is_empty());
        assert_eq!(escapes.len(), 1);
        assert!(escapes[0].message.contains("symbolic link `templates`"));
        Ok(())
    }

    #[test]
    fn follow_symlinks_allows_the_folders_it_names() -> TestResult {
        let dir = tempfile::tempdir()?;
        let site = dir.path().join("site");
        let shared = dir.path().join("shared");
        std::fs::create_dir_all(site.join("content"))?;
        std::fs::create_dir_all(&shared)?;
        std::fs::write(shared.join("a.png"), "png")?;
        symlink(&shared, site.join("content/media"))?;
        let (bounds, unusable) = SiteBounds::with_follow(&site, ["../shared", "missing"]);
        assert_eq!(unusable.len(), 1);
        assert_eq!(unusable[0].0, 1);
        let (files, escapes) = walked(&bounds, &site.join("content"));
        assert!(escapes.is_empty(), "{escapes:?}");
        assert_eq!(files, ["content/media/a.png"]);
        Ok(())
    }

    #[test]
    fn a_member_reads_the_shared_data_it_lacks_and_a_shared_folder_out_shares_nothing() -> TestResult
    {
        let dir = tempfile::tempdir()?;
        let network = dir.path().join("net");
        let member = network.join("sites/a");
        std::fs::create_dir_all(member.join("data"))?;
        std::fs::create_dir_all(network.join("data"))?;
        std::fs::write(network.join("data/orgs.csv"), "title\n")?;
        std::fs::write(network.join("data/facts.toml"), "")?;
        std::fs::write(member.join("data/facts.toml"), "")?;
        let bounds = SiteBounds::new(&member).sharing(Path::new("../.."));
        let shared = bounds.data_file(Path::new("data/orgs.csv"));
        assert_eq!(shared, member.join("../../data/orgs.csv"));
        assert!(bounds.resolve(&shared).is_ok());
        assert_eq!(bounds.shown(&shared), Path::new("../../data/orgs.csv"));
        // The member's own file wins; what is not under data/ or climbs is its own.
        for own in [
            "data/facts.toml",
            "data/none.csv",
            "orgs.csv",
            "data/../data/orgs.csv",
        ] {
            assert_eq!(bounds.data_file(Path::new(own)), member.join(own), "{own}");
        }
        // A shared data folder that is a link out of the network shares nothing.
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&outside)?;
        std::fs::write(outside.join("orgs.csv"), "title\n")?;
        std::fs::remove_dir_all(network.join("data"))?;
        symlink(&outside, network.join("data"))?;
        let bounds = SiteBounds::new(&member).sharing(Path::new("../.."));
        let through = bounds.data_file(Path::new("data/orgs.csv"));
        assert!(matches!(bounds.resolve(&through), Err(Escape::Outside(_))));
        Ok(())
    }
}
