//! What a render job read: its base (output path, template, context) and the site
//! functions it called, recorded while it rendered.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use tera::Value;

use super::Digest;

/// What one render job read when it was last rendered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobReads {
    /// The digest of its output path, its template (with everything that pulls in)
    /// and its whole context, prepared from digest views.
    pub base: Digest,
    /// Each site function it called, in order.
    pub lookups: Vec<Lookup>,
    /// The digest of the answers `lookups` got.
    pub lookup_digest: Digest,
}

/// What every job of the last render read, by output path.
///
/// Kept between runs, it is written with each distinct lookup once (most jobs call the
/// same few: the menus' `get_section`, the styles' `get_url`) and each job naming its
/// lookups by number, a tenth of the size of every job listing its own.
#[derive(Debug, Clone, Default)]
pub struct RenderMemo {
    jobs: HashMap<String, JobReads>,
}

/// A [`RenderMemo`] as it is written: the distinct lookups, then each job's base,
/// lookups (by their number in the first list) and lookup digest.
#[derive(Serialize)]
struct MemoOut<'a> {
    lookups: Vec<&'a Lookup>,
    jobs: HashMap<&'a str, (Digest, Vec<u32>, Digest)>,
}

/// A [`RenderMemo`] as it is read ([`MemoOut`]).
#[derive(Deserialize)]
struct MemoIn {
    #[serde(default)]
    lookups: Vec<Lookup>,
    jobs: HashMap<String, (Digest, Vec<u32>, Digest)>,
}

impl Serialize for RenderMemo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut lookups: Vec<&Lookup> = Vec::new();
        let mut numbers: HashMap<&str, u32> = HashMap::new();
        let mut jobs = HashMap::with_capacity(self.jobs.len());
        for (path, job) in &self.jobs {
            let mut named = Vec::with_capacity(job.lookups.len());
            for lookup in &job.lookups {
                let number = *numbers.entry(&lookup.key).or_insert_with(|| {
                    lookups.push(lookup);
                    u32::try_from(lookups.len() - 1).unwrap_or(u32::MAX)
                });
                named.push(number);
            }
            jobs.insert(path.as_str(), (job.base, named, job.lookup_digest));
        }
        MemoOut { lookups, jobs }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RenderMemo {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let MemoIn { lookups, jobs } = MemoIn::deserialize(deserializer)?;
        let jobs = jobs
            .into_iter()
            .map(|(path, (base, named, lookup_digest))| {
                let lookups = named
                    .iter()
                    .map(|n| lookups.get(*n as usize).cloned())
                    .collect::<Option<Vec<Lookup>>>()
                    .ok_or_else(|| serde::de::Error::custom("a lookup number out of range"))?;
                let reads = JobReads {
                    base,
                    lookups,
                    lookup_digest,
                };
                Ok((path, reads))
            })
            .collect::<Result<_, D::Error>>()?;
        Ok(RenderMemo { jobs })
    }
}

impl RenderMemo {
    /// Number of jobs remembered.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    /// True when nothing is remembered (every job will render).
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// What the job of output `path` read last time.
    pub fn get(&self, path: &str) -> Option<&JobReads> {
        self.jobs.get(path)
    }

    /// Remembers what the job of output `path` read.
    pub fn insert(&mut self, path: String, reads: JobReads) {
        self.jobs.insert(path, reads);
    }

    /// Takes over from `previous` (the memo the render started from) the entries of
    /// the jobs it `kept`, moving them rather than copying: a site's memo is held once,
    /// not twice, while the next one is made. Paths without an entry are ignored.
    pub fn adopt(&mut self, previous: RenderMemo, kept: &[String]) {
        let kept: HashSet<&str> = kept.iter().map(String::as_str).collect();
        self.jobs.extend(
            previous
                .jobs
                .into_iter()
                .filter(|(path, _)| kept.contains(path.as_str())),
        );
    }

    /// Forgets every job whose output path `keep` refuses.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.jobs.retain(|path, _| keep(path));
    }

    /// The output paths of the jobs remembered.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.jobs.keys().map(String::as_str)
    }

    /// Every lookup of every job remembered.
    pub fn lookups(&self) -> impl Iterator<Item = &Lookup> {
        self.jobs.values().flat_map(|job| &job.lookups)
    }
}

/// One call of a site function made while rendering a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lookup {
    /// The function's name (`get_section`).
    pub function: Cow<'static, str>,
    /// Its arguments.
    #[serde(with = "args_as_json")]
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
            function: Cow::Borrowed(function),
            args: args.clone(),
            key,
        }
    }
}

/// A lookup's arguments as they are, in a text format; as JSON text in a binary one,
/// which cannot tell a JSON value's kind on its own (postcard, the build cache's).
mod args_as_json {
    use std::collections::HashMap;

    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    pub fn serialize<S: Serializer>(
        args: &HashMap<String, Value>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return args.serialize(serializer);
        }
        let text = serde_json::to_string(args).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<HashMap<String, Value>, D::Error> {
        if deserializer.is_human_readable() {
            return HashMap::deserialize(deserializer);
        }
        let text = String::deserialize(deserializer)?;
        serde_json::from_str(&text).map_err(D::Error::custom)
    }
}

thread_local! {
    /// The lookups of the job rendering on this thread. Tera calls functions on the
    /// thread that renders, and a job renders on one thread from start to end, so a
    /// per-thread list scoped by [`record_lookups`] sees exactly that job's calls.
    /// Per thread and per job, never shared: the recording, not a cache.
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

    #[test]
    fn the_next_memo_takes_over_only_the_kept_jobs() {
        let reads = |base| JobReads {
            base,
            lookups: Vec::new(),
            lookup_digest: 0,
        };
        let mut previous = RenderMemo::default();
        previous.insert("a/index.html".into(), reads(1));
        previous.insert("b/index.html".into(), reads(2));
        previous.insert("gone/index.html".into(), reads(3));
        let mut next = RenderMemo::default();
        next.insert("b/index.html".into(), reads(20));
        let kept = ["a/index.html".to_owned(), "zh-hant/a/index.html".to_owned()];
        next.adopt(previous, &kept);
        assert_eq!(next.len(), 2);
        assert_eq!(next.get("a/index.html").map(|r| r.base), Some(1));
        assert_eq!(next.get("b/index.html").map(|r| r.base), Some(20));
        assert!(next.get("gone/index.html").is_none());
    }

    #[test]
    fn what_a_render_read_survives_a_round_trip() {
        let args: HashMap<String, Value> = [
            ("path".to_owned(), Value::from("about.md")),
            ("limit".to_owned(), Value::from(3)),
            (
                "extra".to_owned(),
                serde_json::json!({"a": [1.5, null, true]}),
            ),
        ]
        .into_iter()
        .collect();
        let ((), lookups) = record_lookups(|| note_lookup("get_page", &args));
        let mut memo = RenderMemo::default();
        let reads = JobReads {
            base: 7,
            lookups,
            lookup_digest: 9,
        };
        memo.insert("about/index.html".into(), reads.clone());
        let text = serde_json::to_string(&memo).expect("serialises");
        let back: RenderMemo = serde_json::from_str(&text).expect("deserialises");
        assert_eq!(back.get("about/index.html"), Some(&reads));
        // The build cache's binary form, whose arguments go as JSON text.
        let bytes = postcard::to_stdvec(&memo).expect("serialises");
        let back: RenderMemo = postcard::from_bytes(&bytes).expect("deserialises");
        assert_eq!(back.get("about/index.html"), Some(&reads));
    }

    #[test]
    fn a_lookup_shared_by_jobs_is_written_once_and_read_back_for_each() {
        let args: HashMap<String, Value> = [("path".to_owned(), Value::from("news/_index.md"))]
            .into_iter()
            .collect();
        let mut memo = RenderMemo::default();
        for (path, base) in [("a/index.html", 1), ("b/index.html", 2)] {
            let ((), lookups) = record_lookups(|| note_lookup("get_section", &args));
            let reads = JobReads {
                base,
                lookups,
                lookup_digest: 5,
            };
            memo.insert(path.into(), reads);
        }
        let text = serde_json::to_string(&memo).expect("serialises");
        assert_eq!(text.matches("news/_index.md").count(), 2, "{text}");
        let back: RenderMemo = serde_json::from_str(&text).expect("deserialises");
        for path in ["a/index.html", "b/index.html"] {
            assert_eq!(back.get(path), memo.get(path), "{path}");
        }
        let hostile = r#"{"lookups":[],"jobs":{"a/index.html":[1,[7],2]}}"#;
        assert!(serde_json::from_str::<RenderMemo>(hostile).is_err());
    }
}
