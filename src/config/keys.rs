//! Keys menhu does not read: the Zola settings it accepts and ignores (one warning
//! each) and everything else (an error at the key, with the nearest valid key). Also
//! finds where a key is in the file, for these and for type errors.

use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::raw::keys_at;
use crate::diag::{Diagnostic, Span, did_you_mean};

/// Zola (0.19–0.22) settings menhu has no equivalent for: accepted, warned about once
/// each, never an error, so a Zola `config.toml` loads unchanged. `*` stands for any
/// index of an array of tables. A table listed whole (`languages`) covers its contents.
pub(crate) const ZOLA_ONLY_KEYS: &[&str] = &[
    "minify_html",
    "hard_link_static",
    "preserve_dotfiles_in_output",
    "languages",
    "translations",
    "mode",
    "cache",
    "feed_limit",
    "exclude_paginated_pages_in_sitemap",
    "link_checker",
    "search",
    "markdown.render_emoji",
    "markdown.external_links_class",
    "markdown.external_links_external",
    "markdown.definition_list",
    "markdown.bottom_footnotes",
    "markdown.lazy_async_image",
    "markdown.github_alerts",
    "markdown.highlight_themes_css",
    "markdown.extra_syntaxes_and_themes",
    "markdown.error_on_missing_highlight",
    "markdown.highlighting.light_theme",
    "markdown.highlighting.dark_theme",
    "markdown.highlighting.extra_grammars",
    "markdown.highlighting.extra_themes",
    "markdown.highlighting.error_on_missing_language",
    "taxonomies.*.lang",
];

/// One step of a key path: a table key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    Key(String),
    Index(usize),
}

/// Where a value is in the document, from the top: `markdown.highlighting.style`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct KeyPath(pub Vec<Segment>);

impl KeyPath {
    /// The path `serde_ignored` reports for a key the mirror did not read.
    pub(crate) fn from_ignored(path: &serde_ignored::Path<'_>) -> KeyPath {
        let mut segments = Vec::new();
        collect_segments(path, &mut segments);
        KeyPath(segments)
    }

    /// As editors read it: `taxonomies[1].lang`.
    pub(crate) fn display(&self) -> String {
        let mut out = String::new();
        for segment in &self.0 {
            match segment {
                Segment::Key(key) if out.is_empty() => out.push_str(key),
                Segment::Key(key) => {
                    out.push('.');
                    out.push_str(key);
                }
                Segment::Index(index) => out.push_str(&format!("[{index}]")),
            }
        }
        out
    }

    /// Keys joined by `.`, every index written `*`, as in [`ZOLA_ONLY_KEYS`].
    fn pattern(&self) -> Vec<&str> {
        self.0
            .iter()
            .map(|segment| match segment {
                Segment::Key(key) => key.as_str(),
                Segment::Index(_) => "*",
            })
            .collect()
    }

    /// The last key of the path, the one the editor wrote.
    fn last_key(&self) -> &str {
        self.0
            .iter()
            .rev()
            .find_map(|segment| match segment {
                Segment::Key(key) => Some(key.as_str()),
                Segment::Index(_) => None,
            })
            .unwrap_or_default()
    }
}

fn collect_segments(path: &serde_ignored::Path<'_>, out: &mut Vec<Segment>) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            collect_segments(parent, out);
            out.push(Segment::Index(*index));
        }
        Path::Map { parent, key } => {
            collect_segments(parent, out);
            out.push(Segment::Key(key.clone()));
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => {
            collect_segments(parent, out);
        }
    }
}

/// Every key in `doc` that the mirror has no field for, found by walking the tables
/// `keys_at` knows. Unlike `serde_ignored`, this also works when deserializing stopped
/// at a type error, so the editor still sees every unknown key at once.
pub(crate) fn unknown_keys(doc: &DeTable<'_>) -> Vec<KeyPath> {
    let mut found = Vec::new();
    walk_table(doc, &mut Vec::new(), &mut found);
    found
}

fn walk_table(table: &DeTable<'_>, path: &mut Vec<Segment>, found: &mut Vec<KeyPath>) {
    let Some(valid) = keys_at(&KeyPath(path.clone()).pattern()) else {
        return;
    };
    for (key, value) in table.iter() {
        path.push(Segment::Key(key.get_ref().to_string()));
        if valid.contains(&key.get_ref().as_ref()) {
            walk_value(value.get_ref(), path, found);
        } else {
            found.push(KeyPath(path.clone()));
        }
        path.pop();
    }
}

fn walk_value(value: &DeValue<'_>, path: &mut Vec<Segment>, found: &mut Vec<KeyPath>) {
    match value {
        DeValue::Table(table) => walk_table(table, path, found),
        DeValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(Segment::Index(index));
                walk_value(item.get_ref(), path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

/// True when `path` is, or lies inside, one of the [`ZOLA_ONLY_KEYS`].
fn is_zola_only(path: &KeyPath) -> bool {
    let pattern = path.pattern();
    ZOLA_ONLY_KEYS.iter().any(|known| {
        let known: Vec<&str> = known.split('.').collect();
        pattern.len() >= known.len() && pattern.iter().zip(&known).all(|(a, b)| a == b)
    })
}

/// One diagnostic per key the mirror did not read: W0101 for a Zola setting, E0101
/// for anything else, each placed at the key.
pub(crate) fn report_unread_keys(
    unread: &[KeyPath],
    doc: &DeTable<'_>,
    file: &Path,
    text: &str,
) -> Vec<Diagnostic> {
    unread
        .iter()
        .map(|path| {
            let diagnostic = if is_zola_only(path) {
                zola_only_warning(path)
            } else {
                unknown_key_error(path)
            };
            place(diagnostic.in_file(file), key_span(doc, &path.0), text)
        })
        .collect()
}

fn zola_only_warning(path: &KeyPath) -> Diagnostic {
    Diagnostic::warning("W0101", crate::t!("config-zola-only", key = path.display()))
        .help(crate::t!("config-zola-only.help"))
}

fn unknown_key_error(path: &KeyPath) -> Diagnostic {
    let pattern = path.pattern();
    let table = pattern.split_last().map_or(&[][..], |(_, parents)| parents);
    let key = path.last_key();
    let message = match table_name(path) {
        Some(name) => crate::t!("config-unknown-key-in", key = key, table = name),
        None => crate::t!("config-unknown-key", key = key),
    };
    let mut error = Diagnostic::error("E0101", message);
    let Some(valid) = keys_at(table) else {
        return error;
    };
    error = error.expected(crate::t!("config-one-of", keys = backticked(valid)));
    let zola_here = zola_keys_in(table);
    let candidates = valid.iter().copied().chain(zola_here.iter().copied());
    // A top-level key appended at the end of the file lands in its last table.
    let top_level = keys_at(&[]).is_some_and(|top| top.contains(&key));
    if let (Some(name), true) = (table_name(path), top_level && !table.is_empty()) {
        return error.help(crate::t!(
            "config-unknown-key.help-move-up",
            key = key,
            table = name
        ));
    }
    match did_you_mean(key, candidates) {
        Some(close) => error.help(crate::t!("config-did-you-mean", key = close)),
        None if table.is_empty() => error.help(crate::t!("config-unknown-key.help-top")),
        None => error.help(crate::t!("config-unknown-key.help")),
    }
}

/// The table a path's last key sits in, as written in a header (`markdown.highlighting`);
/// `None` at the top level.
fn table_name(path: &KeyPath) -> Option<String> {
    let (_, parents) = path.0.split_last()?;
    (!parents.is_empty()).then(|| KeyPath(parents.to_vec()).display())
}

/// The last keys of the Zola-only settings in `table`, for did-you-mean.
fn zola_keys_in(table: &[&str]) -> Vec<&'static str> {
    ZOLA_ONLY_KEYS
        .iter()
        .filter_map(|known| {
            let mut parts: Vec<&'static str> = known.split('.').collect();
            let key = parts.pop()?;
            (parts == table).then_some(key)
        })
        .collect()
}

fn backticked(keys: &[&str]) -> String {
    keys.iter()
        .map(|key| format!("`{key}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `diagnostic` placed at the byte range `span` of `text`, when there is one.
pub(crate) fn place(diagnostic: Diagnostic, span: Option<Range<usize>>, text: &str) -> Diagnostic {
    match span {
        Some(range) => diagnostic.at(Span::from_byte_range(text, range.start, range.end), text),
        None => diagnostic,
    }
}

/// A table or an array met while following a key path.
#[derive(Clone, Copy)]
enum Node<'a, 'i> {
    Table(&'a DeTable<'i>),
    Array(&'a [toml::Spanned<DeValue<'i>>]),
}

impl<'a, 'i> Node<'a, 'i> {
    fn of(value: &'a DeValue<'i>) -> Option<Node<'a, 'i>> {
        match value {
            DeValue::Table(table) => Some(Node::Table(table)),
            DeValue::Array(items) => Some(Node::Array(items)),
            _ => None,
        }
    }

    fn child(self, segment: &Segment) -> Option<Node<'a, 'i>> {
        match (self, segment) {
            (Node::Table(table), Segment::Key(key)) => {
                Node::of(find_entry(table, key)?.1.get_ref())
            }
            (Node::Array(items), Segment::Index(index)) => Node::of(items.get(*index)?.get_ref()),
            _ => None,
        }
    }
}

type Entry<'a, 'i> = (
    &'a toml::Spanned<toml::de::DeString<'i>>,
    &'a toml::Spanned<DeValue<'i>>,
);

fn find_entry<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<Entry<'a, 'i>> {
    table.iter().find(|(k, _)| k.get_ref() == key)
}

/// The byte range of the last key of `path` in the document.
pub(crate) fn key_span(doc: &DeTable<'_>, path: &[Segment]) -> Option<Range<usize>> {
    let (Segment::Key(last), parents) = path.split_last()? else {
        return None;
    };
    let mut node = Node::Table(doc);
    for segment in parents {
        node = node.child(segment)?;
    }
    match node {
        Node::Table(table) => find_entry(table, last).map(|(key, _)| key.span()),
        Node::Array(_) => None,
    }
}

/// The path of the innermost key whose value (or key) contains byte `offset`, for
/// errors that carry only a span. Tables are searched through their entries, since a
/// `[table]` header's span does not cover the lines below it.
pub(crate) fn key_path_at(doc: &DeTable<'_>, offset: usize) -> KeyPath {
    let mut path = Vec::new();
    search_table(doc, offset, &mut path);
    KeyPath(path)
}

fn search_table(table: &DeTable<'_>, offset: usize, path: &mut Vec<Segment>) -> bool {
    for (key, value) in table.iter() {
        path.push(Segment::Key(key.get_ref().to_string()));
        if key.span().contains(&offset) || search_value(value, offset, path) {
            return true;
        }
        path.pop();
    }
    false
}

fn search_value(
    value: &toml::Spanned<DeValue<'_>>,
    offset: usize,
    path: &mut Vec<Segment>,
) -> bool {
    match value.get_ref() {
        DeValue::Table(inner) => search_table(inner, offset, path),
        DeValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(Segment::Index(index));
                if search_value(item, offset, path) {
                    return true;
                }
                path.pop();
            }
            value.span().contains(&offset)
        }
        _ => value.span().contains(&offset),
    }
}
