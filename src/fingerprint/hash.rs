//! The digests fingerprints are made of: of values as they serialise, of a few parts in
//! order, and of templates with everything they pull in.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Serialize;

/// A 64-bit digest. Stable within one build of menhu (the standard hasher with fixed
/// keys), not across versions.
pub type Digest = u64;

/// A `std::io::Write` that feeds a hasher, so values are hashed while serialised
/// without building them in memory first.
pub struct HashWriter(DefaultHasher);

impl HashWriter {
    /// A fresh hasher.
    pub fn new() -> HashWriter {
        HashWriter(DefaultHasher::new())
    }

    /// The hash of everything written so far.
    pub fn finish(&self) -> Digest {
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
pub fn digest_of<T: Serialize + ?Sized>(value: &T) -> Digest {
    let mut writer = HashWriter::new();
    match serde_json::to_writer(&mut writer, value) {
        Ok(()) => writer.finish(),
        Err(_) => 0,
    }
}

/// The hash of a few parts, in order.
pub fn digest_parts(parts: &[&dyn HashPart]) -> Digest {
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
pub fn template_digests(texts: &BTreeMap<String, String>) -> BTreeMap<String, Digest> {
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
}
