//! Disk → [`Content`]: the text and typed front matter of every section and page, and
//! the files that sit beside them. No HTML yet.

pub mod date;
pub mod decode;
pub mod directory;
mod expected;
pub mod front_matter;
pub mod meta;
mod misnamed;
pub(crate) mod parse;
pub(crate) mod places;
mod punctuation;
pub(crate) mod raw;
pub mod traditional;
mod walk;

use std::path::PathBuf;

pub use parse::english_key;
pub use walk::{LoadOptions, ParseCache, load, load_cached};

use meta::{PageMeta, SectionMeta};

/// A file that is not Markdown, copied into the output beside its page or section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Where it is, relative to the site root (`content/news/a/chart.svg`).
    pub file: PathBuf,
    /// Where it goes relative to its page's or section's output folder (`chart.svg`).
    pub relative: String,
    /// Size in bytes.
    pub size: u64,
}

/// A section: a folder of `content/` with an `_index.md`.
#[derive(Debug, Clone)]
pub struct Section {
    /// `content/news/_index.md`, relative to the site root.
    pub file: PathBuf,
    /// `news/_index.md`: the key `@/` links and `get_section` use; `_index.md` for the home.
    pub key: String,
    /// Folder names from `content/` down to this section (`["news", "tzgg"]`).
    pub components: Vec<String>,
    /// Key of the enclosing section (`None` only for the home section).
    pub parent: Option<String>,
    /// Parsed front matter.
    pub meta: SectionMeta,
    /// Markdown after the front matter.
    pub body: String,
    /// Line of the file where `body` starts.
    pub body_line: u32,
    /// Non-Markdown files in the section's own folder.
    pub assets: Vec<Asset>,
}

/// A page: a Markdown file, or a folder with `index.md` (a bundle) and its assets.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// `content/news/x.md` or `content/news/x/index.md`, relative to the site root.
    pub file: PathBuf,
    /// `news/x.md` or `news/x/index.md`: the key `@/` links and `get_page` use.
    pub key: String,
    /// Key of the section the page is listed in.
    pub section: String,
    /// File stem, or the folder name for a bundle (date prefix kept).
    pub stem: String,
    /// Parsed front matter.
    pub meta: PageMeta,
    /// Markdown after the front matter.
    pub body: String,
    /// Line of the file where `body` starts.
    pub body_line: u32,
    /// Files co-located with a bundle's `index.md`.
    pub assets: Vec<Asset>,
}

/// Everything read from `content/`, sorted by key.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Sections, the home section first.
    pub sections: Vec<Section>,
    /// Pages, drafts included only when asked for.
    pub pages: Vec<Page>,
    /// The draft pages left out (none when drafts are asked for), sorted by file.
    pub drafts: Vec<Draft>,
}

/// A page left out because it is a draft (`draft = true`), for the build's account of
/// what it did not publish.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// `content/news/x.md`, relative to the site root.
    pub file: PathBuf,
    /// Its title.
    pub title: String,
    /// Its `date`, else the date of its file name.
    pub date: Option<date::Date>,
}
