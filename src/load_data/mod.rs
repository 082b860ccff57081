//! Data and files that templates read through Zola's functions: `load_data` (a site
//! file, a remote URL or a literal, in one of [`Format`]'s formats) and the digests of
//! `get_hash` (for Subresource Integrity). This module knows no templates: the Tera
//! functions in `render/` call it with their arguments parsed.
//!
//! Files are looked for as Zola does (the site folder, then `static/`, `content/` and
//! the theme's `static/`; `@/x` is `content/x`; for a member of a network, `data/x`
//! the member does not have is the network's shared `data/x`), and only within the
//! site's bounds ([`crate::bounds`]): `../../etc/passwd`, a link to `/etc` or a file in
//! `.git/` is an error, never read. Remote data goes through [`remote`].

mod formats;
pub mod hash;
mod parsed;
pub mod remote;

use std::path::{Path, PathBuf};

pub use formats::{FORMAT_NAMES, Format};
pub use parsed::{ParsedFiles, parse_once};

use crate::bounds::{Escape, SiteBounds};

/// Where the data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file of the site, as the template wrote its path.
    Path(String),
    /// A remote address.
    Url(remote::RemoteRequest),
    /// The text itself (`literal=`).
    Literal(String),
}

/// The site a template reads files from.
pub struct SiteFiles<'a> {
    /// The site root.
    pub root: &'a Path,
    /// What may be read.
    pub bounds: &'a SiteBounds,
    /// The theme's name, whose `static/` is searched last.
    pub theme: Option<&'a str>,
    /// Files parsed for several builds (a network's members), when this build shares them.
    pub parsed: Option<&'a ParsedFiles>,
}

/// A file that is missing is not the same failure as one that may not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not found in any of the places looked in.
    Missing(String),
    /// Found, but outside the site's bounds, or unreadable.
    Refused(String),
}

impl FileError {
    /// The sentence for the template error.
    pub fn message(&self) -> &str {
        match self {
            FileError::Missing(m) | FileError::Refused(m) => m,
        }
    }
}

impl SiteFiles<'_> {
    /// The file `path` names, looked for as Zola does; an error when it is not found or
    /// lies outside the site's bounds.
    pub fn find(&self, path: &str) -> Result<PathBuf, FileError> {
        let wanted = match path.strip_prefix("@/") {
            Some(in_content) => Path::new("content").join(in_content),
            None => PathBuf::from(path.trim_start_matches('/')),
        };
        // Refused before anything is looked at, so the answer never tells whether a
        // file exists outside the site.
        if climbs_out(&wanted) {
            return Err(FileError::Refused(format!(
                "`{path}` leads outside the site; name a file inside it, e.g. `data/cities.csv`"
            )));
        }
        let mut places = vec![
            // In a network, `data/x` the site does not have is the shared `data/x`.
            self.bounds.data_file(&wanted),
            self.root.join("static").join(&wanted),
            self.root.join("content").join(&wanted),
        ];
        if let Some(theme) = self.theme {
            places.push(
                self.root
                    .join("themes")
                    .join(theme)
                    .join("static")
                    .join(&wanted),
            );
        }
        let Some(found) = places.into_iter().find(|p| p.is_file()) else {
            return Err(FileError::Missing(format!(
                "no file `{path}` in the site (looked in the site folder, `static/`, `content/` and the theme's `static/`)"
            )));
        };
        match self.bounds.resolve(&found) {
            Ok(real) => Ok(real),
            Err(Escape::Unresolved(e)) => {
                Err(FileError::Refused(format!("cannot read `{path}`: {e}")))
            }
            Err(escape) => Err(FileError::Refused(
                self.bounds.escape_error(&found, &escape).message,
            )),
        }
    }

    /// The file `path` names (see [`SiteFiles::find`]) and its bytes.
    pub fn read(&self, path: &str) -> Result<(PathBuf, Vec<u8>), FileError> {
        let file = self.find(path)?;
        let bytes = std::fs::read(&file)
            .map_err(|e| FileError::Refused(format!("cannot read `{path}`: {e}")))?;
        Ok((file, bytes))
    }
}

/// True when `relative` climbs above where it starts (`../x`, `a/../../x`), or is
/// absolute.
fn climbs_out(relative: &Path) -> bool {
    let mut depth = 0_i32;
    for component in relative.components() {
        match component {
            std::path::Component::Normal(_) => depth += 1,
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            std::path::Component::RootDir | std::path::Component::Prefix(_) => return true,
        }
    }
    false
}

/// What `load_data` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRequest {
    /// Where from.
    pub source: Source,
    /// The `format=` given, if any.
    pub format: Option<Format>,
}

/// Why `load_data` gave no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The data could not be had (missing file, failed request): `required=false`
    /// turns this into an empty value.
    Unavailable(String),
    /// The data was had but is not valid in its format, or may not be read: an error
    /// even with `required=false`.
    Invalid(String),
}

impl DataRequest {
    /// The format used: the one given, else the file's extension (plain when unknown),
    /// else plain.
    pub fn format(&self) -> Format {
        self.format.unwrap_or_else(|| match &self.source {
            Source::Path(path) => Path::new(path)
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::parse)
                .unwrap_or(Format::Plain),
            Source::Url(_) | Source::Literal(_) => Format::Plain,
        })
    }

    /// Reads the data and parses it.
    pub fn load(
        &self,
        files: &SiteFiles<'_>,
        remote: &crate::config::load_data::LoadDataConfig,
    ) -> Result<serde_json::Value, LoadError> {
        let format = self.format();
        let text = match &self.source {
            Source::Path(path) => return read_file(files, path, format),
            Source::Url(request) => {
                remote::fetch(request, remote, files.root).map_err(LoadError::Unavailable)?
            }
            Source::Literal(text) => text.clone(),
        };
        format.read(&text).map_err(LoadError::Invalid)
    }
}

/// The site file `path` names, parsed in `format`: once for every build sharing
/// `files.parsed`, whichever of them reads it first.
fn read_file(
    files: &SiteFiles<'_>,
    path: &str,
    format: Format,
) -> Result<serde_json::Value, LoadError> {
    let (file, bytes) = files.read(path).map_err(|e| match e {
        FileError::Missing(m) => LoadError::Unavailable(m),
        FileError::Refused(m) => LoadError::Invalid(m),
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        LoadError::Invalid(format!("`{path}` is not UTF-8 text; re-save it as UTF-8"))
    })?;
    let parsed = parsed::parse_once(files.parsed, &file, &bytes, &format!("{format:?}"), || {
        format.read(text)
    });
    parsed.as_ref().clone().map_err(LoadError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_climbing_out_are_recognised_without_the_disk() {
        for out in ["../x", "a/../../x", "content/../../etc/passwd"] {
            assert!(climbs_out(Path::new(out)), "{out}");
        }
        for inside in ["data/x.csv", "a/../b.csv", "./x"] {
            assert!(!climbs_out(Path::new(inside)), "{inside}");
        }
    }
}
