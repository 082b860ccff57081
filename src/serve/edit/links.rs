//! The `@/` links between pages, as the editor sees them on disk: which pages link to
//! a page (or into its bundle folder), asked before it is deleted or moved, and the
//! same links rewritten to its new place when it moves. A link is `@/` and the file's
//! path under `content/` (`@/news/a.md`, `@/news/b/index.md`, `@/news/b/biao.pdf`),
//! counted only as a whole path: `@/news/a.md` is not a link to `@/news/ab.md`.
//!
//! Pages are found by walking `content/` within the site's bounds, hidden names left
//! out, as the build reads them.

use std::path::PathBuf;

use serde_json::{Value, json};

use super::Editor;
use super::delete::title_of;

/// `@/…` as written to link to `rel`, and whether links below it count too (a
/// bundle's folder: its page and its files).
pub(super) fn link_target(rel: &str) -> (String, bool) {
    let inner = rel.strip_prefix("content/").unwrap_or(rel);
    match inner.strip_suffix("/index.md") {
        Some(folder) => (format!("@/{folder}/"), true),
        None => (format!("@/{inner}"), false),
    }
}

/// A page linking to another: its path, title and text.
pub(super) struct Linking {
    /// `content/news/b.md`.
    pub(super) path: String,
    /// Its title, or its file name.
    pub(super) title: String,
    /// The file on disk.
    pub(super) full: PathBuf,
    /// Its text as read.
    pub(super) text: String,
}

impl Linking {
    /// `{path, title}`, as the editor's questions list it.
    pub(super) fn json(&self) -> Value {
        json!({ "path": self.path, "title": self.title })
    }
}

/// Every other page or section under `content/` with an `@/` link to `rel`.
pub(super) fn linking_pages(editor: &Editor, rel: &str) -> Vec<Value> {
    pages_linking_to(editor, rel)
        .iter()
        .map(Linking::json)
        .collect()
}

/// Every other page or section under `content/` with an `@/` link to `rel`, with its
/// text.
pub(super) fn pages_linking_to(editor: &Editor, rel: &str) -> Vec<Linking> {
    let bounds = &editor.options.bounds;
    let (target, below) = link_target(rel);
    let mut found = Vec::new();
    for file in super::list::source_files(bounds) {
        if file.rel != rel && links_to(&file.text, &target, below) {
            found.push(Linking {
                title: title_of(&file.text, &file.rel),
                path: file.rel,
                full: file.path,
                text: file.text,
            });
        }
    }
    found
}

/// Whether `text` has `target` as a whole link (or, `below`, any link under it).
pub(super) fn links_to(text: &str, target: &str, below: bool) -> bool {
    text.match_indices(target)
        .any(|(at, _)| whole(text, at, target, below))
}

/// Whether the `target` found at `at` in `text` is a whole link, not the start of a
/// longer path.
fn whole(text: &str, at: usize, target: &str, below: bool) -> bool {
    let next = text[at + target.len()..].chars().next();
    below
        || next.is_none_or(|c| matches!(c, ')' | '#' | '"' | '\'' | '>' | '?' | ' ' | '\n' | '\r'))
}

/// `text` with its links to `from` (as [`link_target`] writes them, `below` for a
/// bundle's folder) leading to `to` instead; the rest byte for byte.
pub(super) fn rewritten(text: &str, from: &str, to: &str, below: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(from) {
        if whole(text, at, from, below) {
            out.push_str(&text[last..at]);
            out.push_str(to);
            last = at + from.len();
        }
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_counts_only_to_the_page_it_names() {
        let (target, below) = link_target("content/news/a.md");
        assert_eq!(target, "@/news/a.md");
        assert!(links_to("见[通知](@/news/a.md)。", &target, below));
        assert!(links_to("[通知](@/news/a.md#fu-jian)", &target, below));
        assert!(!links_to("[通知](@/news/a.md.bak)", &target, below));
        assert!(!links_to("[通知](@/news/ab.md)", &target, below));
        let (target, below) = link_target("content/news/b/index.md");
        assert_eq!(target, "@/news/b/");
        assert!(links_to("[表](@/news/b/index.md)", &target, below));
        assert!(links_to("[表](@/news/b/biao.pdf)", &target, below));
        assert!(!links_to("[表](@/news/bb/index.md)", &target, below));
    }

    #[test]
    fn only_whole_links_are_rewritten() {
        let text = "[一](@/news/a.md) [二](@/news/a.md#fu-jian) [三](@/news/a.md.bak) [四](@/news/ab.md)\n[1]: @/news/a.md\n";
        assert_eq!(
            rewritten(text, "@/news/a.md", "@/tzgg/a.md", false),
            "[一](@/tzgg/a.md) [二](@/tzgg/a.md#fu-jian) [三](@/news/a.md.bak) [四](@/news/ab.md)\n[1]: @/tzgg/a.md\n"
        );
        let text = "[表](@/news/b/index.md) [附件](@/news/b/biao.pdf) [别的](@/news/bb/index.md)";
        assert_eq!(
            rewritten(text, "@/news/b/", "@/tzgg/b/", true),
            "[表](@/tzgg/b/index.md) [附件](@/tzgg/b/biao.pdf) [别的](@/news/bb/index.md)"
        );
    }
}
