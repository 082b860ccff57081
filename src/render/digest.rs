//! Fingerprints for incremental rendering. A render job's output is a pure function of
//! its template (with everything it extends, includes or imports), its Tera context and
//! the values the site functions (`get_section`, `get_page`, …) returned while it ran.
//! This module hashes each of the three, and records the site-function lookups a job
//! makes, so the preview server can re-render only the jobs whose fingerprint changed.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Serialize;
use tera::Value;

/// A `std::io::Write` that feeds a hasher, so values are hashed while serialised
/// without building them in memory first.
pub struct HashWriter(DefaultHasher);

impl HashWriter {
    /// A fresh hasher.
    pub fn new() -> HashWriter {
        HashWriter(DefaultHasher::new())
    }

    /// The hash of everything written so far.
    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl Default for HashWriter {
    fn default() -> Self {
        HashWriter::new()
    }
}

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The hash of `value` serialised as JSON (0 for a value that cannot be serialised,
/// which the views never produce).
pub fn digest_of<T: Serialize + ?Sized>(value: &T) -> u64 {
    let mut writer = HashWriter::new();
    match serde_json::to_writer(&mut writer, value) {
        Ok(()) => writer.finish(),
        Err(_) => 0,
    }
}

/// The hash of a few parts, in order.
pub fn digest_parts(parts: &[&dyn HashPart]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for part in parts {
        part.feed(&mut hasher);
    }
    hasher.finish()
}

/// Something [`digest_parts`] can hash.
pub trait HashPart {
    /// Feeds the value to `hasher`.
    fn feed(&self, hasher: &mut DefaultHasher);
}

impl<T: Hash + ?Sized> HashPart for T {
    fn feed(&self, hasher: &mut DefaultHasher) {
        self.hash(hasher);
    }
}

/// For every template, a digest of its own text and of every template it may pull in
/// (`extends`, `include`, `import`, transitively). Tera only accepts literal names in
/// those tags, so any quoted string naming a template is a (conservative) dependency.
pub fn template_digests(texts: &BTreeMap<String, String>) -> BTreeMap<String, u64> {
    let direct: BTreeMap<&str, Vec<&str>> = texts
        .iter()
        .map(|(name, text)| (name.as_str(), referenced_templates(text, texts)))
        .collect();
    texts
        .keys()
        .map(|name| {
            let mut seen = BTreeSet::new();
            let mut stack = vec![name.as_str()];
            while let Some(next) = stack.pop() {
                if seen.insert(next) {
                    stack.extend(direct.get(next).into_iter().flatten().copied());
                }
            }
            let mut hasher = DefaultHasher::new();
            for dependency in seen {
                dependency.hash(&mut hasher);
                texts.get(dependency).hash(&mut hasher);
            }
            (name.clone(), hasher.finish())
        })
        .collect()
}

fn referenced_templates<'a>(text: &str, texts: &'a BTreeMap<String, String>) -> Vec<&'a str> {
    let mut found = Vec::new();
    for quote in ['"', '\''] {
        for candidate in text.split(quote).skip(1).step_by(2) {
            if let Some((name, _)) = texts.get_key_value(candidate) {
                found.push(name.as_str());
            }
        }
    }
    found
}

/// One call of a site function made while rendering a job.
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup {
    /// The function's name (`get_section`).
    pub function: &'static str,
    /// Its arguments.
    pub args: HashMap<String, Value>,
    /// `function` and `args` as one stable string, for de-duplication.
    pub key: String,
}

impl Lookup {
    fn new(function: &'static str, args: &HashMap<String, Value>) -> Lookup {
        let sorted: BTreeMap<&String, &Value> = args.iter().collect();
        let key = format!(
            "{function}{}",
            serde_json::to_string(&sorted).unwrap_or_default()
        );
        Lookup {
            function,
            args: args.clone(),
            key,
        }
    }
}

thread_local! {
    /// The lookups of the job rendering on this thread. Tera calls functions on the
    /// thread that renders, and a job renders on one thread from start to end, so a
    /// per-thread list scoped by [`record_lookups`] sees exactly that job's calls.
    static LOOKUPS: RefCell<Option<Vec<Lookup>>> = const { RefCell::new(None) };
}

/// Runs `render`, returning its result and the site-function lookups it made.
pub fn record_lookups<T>(render: impl FnOnce() -> T) -> (T, Vec<Lookup>) {
    let previous = LOOKUPS.with(|l| l.borrow_mut().replace(Vec::new()));
    let result = render();
    let lookups = LOOKUPS.with(|l| {
        let mut slot = l.borrow_mut();
        let mine = slot.take().unwrap_or_default();
        *slot = previous;
        mine
    });
    (result, lookups)
}

/// Notes a lookup for the job rendering on this thread, if one is being recorded.
pub fn note_lookup(function: &'static str, args: &HashMap<String, Value>) {
    LOOKUPS.with(|l| {
        if let Some(list) = l.borrow_mut().as_mut() {
            list.push(Lookup::new(function, args));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect()
    }

    #[test]
    fn template_digest_follows_extends_and_includes() {
        let before = texts(&[
            ("base.html", "<html>{% block c %}{% endblock %}</html>"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% include 'item.html' %}",
            ),
            ("item.html", "item"),
            ("other.html", "other"),
        ]);
        let mut after = before.clone();
        after.insert("item.html".into(), "item v2".into());
        let (a, b) = (template_digests(&before), template_digests(&after));
        assert_ne!(a["page.html"], b["page.html"]);
        assert_eq!(a["base.html"], b["base.html"]);
        assert_eq!(a["other.html"], b["other.html"]);
    }

    #[test]
    fn lookups_are_recorded_per_scope() {
        let args: HashMap<String, Value> = [("path".to_owned(), Value::from("news/_index.md"))]
            .into_iter()
            .collect();
        note_lookup("get_section", &args);
        let ((), inner) = record_lookups(|| note_lookup("get_section", &args));
        assert_eq!(inner.len(), 1);
        assert_eq!(inner[0].key, "get_section{\"path\":\"news/_index.md\"}");
        let ((), none) = record_lookups(|| ());
        assert!(none.is_empty());
    }
}
