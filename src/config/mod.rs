//! Site configuration: `site-config.toml` (or a Zola site's `config.toml`) becomes a
//! validated [`Config`], in two stages. `raw.rs` mirrors the file with serde; `keys.rs`
//! reports the keys menhu does not read (Zola settings: one warning each; anything
//! else: an error at the key with the nearest valid key); `validate.rs` applies
//! defaults and checks values. Every problem of the file is reported in one run.
//!
//! Codes: E0100 no configuration file, E0101 unknown key, E0102 wrong type or value,
//! E0103 `base_url` missing or not an absolute http(s) URL, E0104 taxonomy name empty
//! or repeated, E0105 `paginate_by` of 0, E0106 TOML syntax, E0107 file unreadable, E0108 a URL segment
//! (`[regions] path`, `[series] path`) that is not one word, E0109 an entry of
//! `[[regions.custom]]`, `[[menus]]` or `[[directories]]` without its required keys
//! (an unknown `timezone` is an E0102, with the nearest IANA name);
//! W0101 Zola setting ignored, W0102 inline highlighting rendered with classes, W0103 a
//! `follow_symlinks` entry that does not exist, W0110
//! `[images] keep_location` without `keep_exif`. `[images]` values out of range are E0102.

pub mod check;
pub mod images;
mod keys;
pub mod load_data;
mod portal;
pub(crate) mod raw;
#[cfg(test)]
mod tests;
mod timezone;
mod validate;
mod wording_file;

use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml::de::DeTable;

use self::keys::{KeyPath, key_path_at, place};
pub use self::portal::{
    CustomRegionConfig, DEFAULT_RELATED_LIMIT, DirectoryConfig, MenuItemConfig, RegionsConfig,
};
use self::raw::RawConfig;
pub use self::timezone::{CHINA, default_zone};
pub use self::wording_file::WORDING_FILE;
use crate::diag::Diagnostic;

/// The validated site configuration. Built only by [`Config::load`] or [`Config::parse`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    /// The file it was read from, relative to the site root (`site-config.toml`).
    pub file: PathBuf,
    /// Absolute http(s) URL of the site, without a trailing `/`.
    pub base_url: String,
    /// Site name (站点名称).
    pub title: String,
    /// Site description, for feeds and `<meta>`.
    pub description: Option<String>,
    /// Default author of pages.
    pub author: Option<String>,
    /// Language tag for `<html lang>`: `zh-Hans` by default; Zola's `zh` becomes `zh-Hans`.
    pub default_language: String,
    /// The site's time zone (IANA name): dates written without an offset are read in
    /// it, and dates are shown on its clock. `Asia/Shanghai` for a Chinese site, else UTC.
    #[serde(serialize_with = "timezone::serialize")]
    pub timezone: chrono_tz::Tz,
    /// Theme folder name under `themes/`.
    pub theme: Option<String>,
    /// Output folder, relative to the site root.
    pub output_dir: String,
    /// Whether to build the search index.
    pub build_search_index: bool,
    /// Compile the `.scss`/`.sass` files of `sass/` (theme's, then site's) to CSS, as
    /// Zola's `compile_sass` does.
    pub compile_sass: bool,
    /// Whether to write feeds.
    pub generate_feeds: bool,
    /// Feed file names (`atom.xml`, `rss.xml`).
    pub feed_filenames: Vec<String>,
    /// Whether to write `sitemap.xml`.
    pub generate_sitemap: bool,
    /// Whether to write `robots.txt`.
    pub generate_robots_txt: bool,
    /// Also render the whole site in Traditional Chinese under `/zh-hant/`.
    pub traditional: bool,
    /// `menhu build` keeps a build cache in `.menhu-cache/build/` and reuses it, as
    /// with `--cache` (docs/cache.md).
    pub build_cache: bool,
    /// Declared taxonomies, in file order, names unique.
    pub taxonomies: Vec<TaxonomyConfig>,
    /// Markdown rendering options.
    pub markdown: MarkdownConfig,
    /// How paths, taxonomy terms and anchors become slugs.
    pub slugify: SlugifyConfig,
    /// Length of automatic summaries, in characters.
    pub summary_chars: usize,
    /// Pages per list page for sections that do not set their own; `None`: no paging.
    pub paginate_by: Option<usize>,
    /// Glob patterns of content files to skip.
    pub ignored_content: Vec<String>,
    /// Glob patterns of static files to skip.
    pub ignored_static: Vec<String>,
    /// Glob patterns (relative to `static/`) of hidden files and folders to publish;
    /// the others (`.git/`, `.env`) are not.
    pub static_dotfiles: Vec<String>,
    /// Folders outside the site (or hidden in it) that its symbolic links may lead to,
    /// as written: absolute, or relative to the site root.
    pub follow_symlinks: Vec<crate::diag::Located<String>>,
    /// `[regions]`: region resolution and region pages.
    pub regions: RegionsConfig,
    /// `[series] path`: URL segment of series index pages (`series`).
    pub series_path: String,
    /// `[related] limit`: related articles per page (0: none).
    pub related_limit: usize,
    /// `[[menus]]`: navigation menus, in file order.
    pub menus: Vec<MenuItemConfig>,
    /// `[[directories]]`: tables whose rows become organization pages.
    pub directories: Vec<DirectoryConfig>,
    /// The editor's own values from `[extra]`, for templates.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// What `menhu check` inspects (`[check]`).
    pub check: check::CheckConfig,
    /// How photos are published (`[images]`).
    pub images: images::ImagesConfig,
    /// How `load_data` fetches remote data (`[load_data]`).
    pub load_data: load_data::LoadDataConfig,
}

/// One taxonomy (分类法), such as `tags` or `categories`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaxonomyConfig {
    /// Name, as used in front matter and URLs.
    pub name: String,
    /// Terms per list page; `None`: one page per term.
    pub paginate_by: Option<usize>,
    /// URL segment before page numbers (`page`).
    pub paginate_path: String,
    /// Whether each term gets a feed.
    pub feed: bool,
    /// Whether term pages are rendered at all.
    pub render: bool,
}

/// Markdown rendering options (`[markdown]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarkdownConfig {
    /// Whether code blocks are syntax-highlighted (always with CSS classes).
    pub highlight_code: bool,
    /// Highlighting theme name, for the generated CSS.
    pub highlight_theme: String,
    /// Heading anchor links: `none`, `left`, `right` or `heading`.
    pub insert_anchor_links: String,
    /// Typographic quotes and dashes.
    pub smart_punctuation: bool,
    /// External links open in a new tab (with `rel="noopener"`).
    pub external_links_target_blank: bool,
    /// External links get `rel="nofollow"`.
    pub external_links_no_follow: bool,
    /// External links get `rel="noreferrer"`.
    pub external_links_no_referrer: bool,
    /// Whether raw HTML in Markdown is passed through.
    pub render_raw_html: bool,
    /// Whether a line break inside a paragraph is kept as a line break (`<br>`).
    pub hard_wraps: bool,
}

/// How text becomes a slug (Zola's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SlugStrategy {
    /// Pinyin ASCII slugs (`汇聚资源` → `hui-ju-zi-yuan`).
    On,
    /// Keep the text, only make it safe for a path (Chinese stays Chinese).
    Safe,
    /// Use the text as written.
    Off,
}

/// `[slugify]`: one strategy per kind of slug.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlugifyConfig {
    /// Page and section paths.
    pub paths: SlugStrategy,
    /// Taxonomy terms.
    pub taxonomies: SlugStrategy,
    /// Heading anchors.
    pub anchors: SlugStrategy,
    /// Keep a `2024-05-01-` date prefix of a file name in its slug.
    pub paths_keep_dates: bool,
}

/// menhu's own configuration file name.
pub const FILE_NAME: &str = "site-config.toml";
/// A Zola site's configuration file name, read when [`FILE_NAME`] is absent.
pub const ZOLA_FILE_NAME: &str = "config.toml";

/// The site that the folder `root`, which holds no configuration, lies inside: the
/// nearest folder above it with a `site-config.toml` (or a Zola `config.toml` beside a
/// `content/` folder). menhu run in `content/news/` is told where the site is.
pub fn enclosing_site(root: &Path) -> Option<std::path::PathBuf> {
    let real = std::fs::canonicalize(root).ok()?;
    real.ancestors().skip(1).find_map(|folder| {
        let is_site = folder.join(FILE_NAME).is_file()
            || (folder.join(ZOLA_FILE_NAME).is_file() && folder.join("content").is_dir());
        is_site.then(|| folder.to_path_buf())
    })
}

/// Whether `folder` holds a configuration menhu reads (`site-config.toml`, or a Zola
/// `config.toml`).
pub fn holds_config(folder: &Path) -> bool {
    [FILE_NAME, ZOLA_FILE_NAME]
        .iter()
        .any(|name| folder.join(name).is_file())
}

/// Which kind of file is read: defaults differ so a Zola site builds as Zola built it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavour {
    Menhu,
    Zola,
}

impl Flavour {
    fn of(file_name: &Path) -> Flavour {
        match file_name.file_name().and_then(|name| name.to_str()) {
            Some(ZOLA_FILE_NAME) => Flavour::Zola,
            _ => Flavour::Menhu,
        }
    }
}

/// A loaded configuration and its warnings, or every problem found.
pub type LoadResult = Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>>;

impl Config {
    /// Reads `site-config.toml` in `root`, or else `config.toml` (a Zola site). A
    /// configuration file that is a link out of the site is an error (E0214): what it
    /// names is read only from the site itself.
    pub fn load(root: &Path) -> LoadResult {
        for name in [FILE_NAME, ZOLA_FILE_NAME] {
            let path = root.join(name);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) {
                crate::bounds::SiteBounds::new(root)
                    .check(&path)
                    .map_err(|d| vec![d])?;
            }
            match std::fs::read_to_string(&path) {
                Ok(text) => return Config::parse(Path::new(name), &text),
                Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
                Err(err) => return Err(vec![unreadable(name, &err)]),
            }
        }
        let help = match enclosing_site(root) {
            Some(site) => crate::t!("config-none.inside-site", site = site.display()),
            None => crate::t!("config-none.help"),
        };
        Err(vec![
            Diagnostic::error("E0100", crate::t!("config-none", folder = root.display()))
                .expected(crate::t!("config-none.expected"))
                .help(help),
        ])
    }

    /// Parses the text of a configuration file; `file_name` (relative to the site root)
    /// names it in diagnostics and decides the flavour: `config.toml` takes Zola's defaults.
    pub fn parse(file_name: &Path, text: &str) -> LoadResult {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let doc = match DeTable::parse(text) {
            Ok(doc) => doc,
            Err(err) => return Err(vec![syntax_error(&err, file_name, text)]),
        };
        let mut unread = Vec::new();
        let parsed: Result<RawConfig, toml::de::Error> =
            serde_ignored::deserialize(toml::Deserializer::from(doc.clone()), |path| {
                unread.push(KeyPath::from_ignored(&path));
            });
        // Both sources, so neither a type error (which stops serde) nor a table missing
        // from `keys_at` (which the walk cannot see into) hides an unknown key.
        for path in keys::unknown_keys(doc.get_ref()) {
            if !unread.contains(&path) {
                unread.push(path);
            }
        }
        let mut diagnostics = keys::report_unread_keys(&unread, doc.get_ref(), file_name, text);
        let raw = match parsed {
            Ok(raw) => raw,
            Err(err) => {
                diagnostics.push(type_error(&err, doc.get_ref(), file_name, text));
                diagnostics.sort_by_key(|d| (d.span.is_none(), d.span));
                return Err(diagnostics);
            }
        };
        let config = validate::validate(
            raw,
            Flavour::of(file_name),
            file_name,
            text,
            &mut diagnostics,
        );
        diagnostics.sort_by_key(|d| (d.span.is_none(), d.span));
        if diagnostics.iter().any(Diagnostic::is_error) {
            Err(diagnostics)
        } else {
            Ok((config, diagnostics))
        }
    }

    /// The bounds of the site at `root` (see [`crate::bounds`]), with a warning (W0103)
    /// for each `follow_symlinks` entry that does not exist.
    pub fn bounds(&self, root: &Path) -> (crate::bounds::SiteBounds, Vec<Diagnostic>) {
        let entries = self.follow_symlinks.iter().map(|p| p.value.as_str());
        let (bounds, unusable) = crate::bounds::SiteBounds::with_follow(root, entries);
        let warnings = unusable
            .into_iter()
            .filter_map(|(index, e)| {
                let entry = self.follow_symlinks.get(index)?;
                Some(
                    entry.place(
                        Diagnostic::warning(
                            "W0103",
                            crate::t!(
                                "config-follow-symlinks-unusable",
                                entry = &entry.value,
                                reason = crate::diag::text::display(e)
                            ),
                        )
                        .in_file(&self.file)
                        .help(crate::t!("config-follow-symlinks-unusable.help")),
                    ),
                )
            })
            .collect();
        (bounds, warnings)
    }

    /// True for a Zola site (configured by `config.toml`), which keeps Zola's rules
    /// where menhu's are stricter (a page may have no title).
    pub fn is_zola_site(&self) -> bool {
        Flavour::of(&self.file) == Flavour::Zola
    }

    /// A small valid configuration (`https://example.org`, 测试站点) with menhu's
    /// defaults, for tests.
    #[cfg(test)]
    pub fn default_for_tests() -> Config {
        let text = "base_url = \"https://example.org\"\ntitle = \"测试站点\"\n";
        let (config, _warnings) = Config::parse(Path::new(FILE_NAME), text)
            .expect("the built-in test configuration is valid");
        config
    }
}

fn unreadable(name: &str, err: &io::Error) -> Diagnostic {
    let message = crate::t!(
        "config-unreadable",
        file = name,
        reason = crate::diag::text::display(err)
    );
    let diagnostic = Diagnostic::error("E0107", message).in_file(name);
    if err.kind() == io::ErrorKind::InvalidData {
        diagnostic.help(crate::t!("config-unreadable.help-encoding", file = name))
    } else {
        diagnostic.help(crate::t!("config-unreadable.help"))
    }
}

fn syntax_error(err: &toml::de::Error, file: &Path, text: &str) -> Diagnostic {
    // The parser's English reason, in the reader's words where the front matter's
    // mistakes (the same TOML) are already said in them.
    let message = err.message().trim_end_matches('.');
    let reason = crate::diag::parser_reason::toml_reason(message)
        .unwrap_or_else(|| crate::diag::text::Said::from(message.to_owned()));
    let diagnostic = Diagnostic::error("E0106", crate::t!("config-invalid-toml", reason = reason))
        .in_file(file)
        .help(crate::t!("config-invalid-toml.help"));
    place(diagnostic, err.span(), text)
}

/// A value of the wrong type or an unknown variant, at the value, naming its key.
fn type_error(err: &toml::de::Error, doc: &DeTable<'_>, file: &Path, text: &str) -> Diagnostic {
    let raw_message = err.message().trim_end_matches('.');
    let (found, expected) = match raw_message.split_once(", expected ") {
        Some((found, expected)) => (found, Some(expected)),
        None => (raw_message, None),
    };
    let key = err
        .span()
        .map(|span| key_path_at(doc, span.start))
        .unwrap_or_default();
    let message = if key.0.is_empty() {
        crate::diag::text::Said::from(found)
    } else {
        crate::t!("config-wrong-value", key = key.display(), found = found)
    };
    let mut diagnostic = Diagnostic::error("E0102", message).in_file(file);
    if let Some(expected) = expected {
        diagnostic = diagnostic.expected(expected.to_owned());
    }
    place(diagnostic, err.span(), text)
}
