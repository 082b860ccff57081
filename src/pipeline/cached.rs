//! `menhu build --cache`: a build that reuses what the last one rendered. The same
//! stages as the preview's rebuild ([`super::rebuild_in_memory`]): the memo read back
//! from the cache folder ([`super::persist`]) decides which render jobs read something
//! new, only those render, and every other job's output (and its Traditional copy) is
//! taken from the cache. Each output rendered is written to [`Staging`] and its blob
//! to the cache folder as soon as it is rendered ([`Storing`]), as a clean build
//! streams its pages, so that only the blobs' hashes and sizes stay in memory; the
//! outputs taken from the cache follow, and the new cache is saved. The model these
//! jobs read is made as a clean build makes it, except that each page's Markdown whose
//! reads still hold is taken from the cache folder too ([`super::persist_markdown`]).
//! A cache that cannot be used, or a
//! blob found damaged while writing, is reported as a note (W0501) and the build is
//! made clean, never from untrusted bytes.
//!
//! The cache also records what the build left in the output folder
//! ([`crate::output::FolderRecord`]): when the output folder is still the one recorded,
//! the next build writes only the outputs whose bytes differ from what it holds, and an
//! output the cache gives that the folder holds already is not even read
//! ([`Staging::open_recorded`]). The output never shares a file with the cache: a page
//! taken from the cache that must be written is copied from its blob, bytes checked.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use rayon::prelude::*;

use super::persist::{Blob, CacheDir, Header, Index, Unused};
use super::persist_markdown::KeptMarkdown;
use super::search_cache::SearchTerms;
use super::{
    BuildOptions, Built, ImageUse, OnErrors, Reuse, Sources, build_model, load_config,
    output_target, render_stages,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::fingerprint::{self, RenderMemo};
use crate::output::{Output, OutputSink, SinkOutcome, SiteOutput, Staging, WriteStats};
use crate::render::{self, Incremental, RenderMode, RenderedSite};

/// What the build cache did for a build.
#[derive(Debug, Clone, Default)]
pub struct CacheUse {
    /// Render jobs rendered this time.
    pub rendered: usize,
    /// Render jobs whose output was taken from the cache.
    pub reused: usize,
    /// Pages and sections whose Markdown was rendered (the others' was taken from the
    /// cache).
    pub markdown_rendered: usize,
    /// Pages the search index tokenised this time.
    pub terms_made: usize,
    /// Pages whose search terms were taken from the cache (`search.bin`).
    pub terms_reused: usize,
    /// Why the cache was not used, or could not be saved (W0501). Notes, not
    /// warnings: they never fail a build, `--deny-warnings` or not.
    pub notes: Vec<Diagnostic>,
}

/// Why a build with the cache did not finish.
enum Failed {
    /// The site's own problems: the build fails as a clean one would.
    Site(Diagnostics),
    /// The cache turned out damaged while its bytes were read: build again without it.
    Cache(Unused),
}

impl From<Diagnostics> for Failed {
    fn from(problems: Diagnostics) -> Failed {
        Failed::Site(problems)
    }
}

impl From<Diagnostic> for Failed {
    fn from(problem: Diagnostic) -> Failed {
        Failed::Site(problem.into())
    }
}

/// Builds the site as [`super::build`] does, reusing and then refreshing the build
/// cache in `folder`.
pub fn build_cached(
    options: &BuildOptions,
    cache: &CacheDir,
) -> Result<(Built, PathBuf, WriteStats), Diagnostics> {
    let folder = cache.folder();
    let (config, _) = load_config(options)?;
    if cache_in_output(folder, &output_target(options, &config)?) {
        let (mut built, target, stats) = super::build(options)?;
        built.cache = Some(CacheUse {
            notes: vec![super::persist::unused_note(folder, &Unused::InOutput)],
            ..CacheUse::default()
        });
        return Ok((built, target, stats));
    }
    match build_with(options, cache, true) {
        Ok(done) => Ok(done),
        Err(Failed::Site(problems)) => Err(problems),
        Err(Failed::Cache(unused)) => {
            let note = super::persist::unused_note(folder, &unused);
            let (mut built, target, stats) = match build_with(options, cache, false) {
                Ok(done) => done,
                Err(Failed::Site(problems)) => return Err(problems),
                Err(Failed::Cache(unused)) => {
                    return Err(super::persist::unused_note(folder, &unused).into());
                }
            };
            if let Some(cache_use) = built.cache.as_mut() {
                cache_use.notes.insert(0, note);
            }
            Ok((built, target, stats))
        }
    }
}

/// One build with the cache (`trusted`: its index is read; otherwise it starts empty).
fn build_with(
    options: &BuildOptions,
    cache: &CacheDir,
    trusted: bool,
) -> Result<(Built, PathBuf, WriteStats), Failed> {
    let (config, _) = load_config(options)?;
    let target = output_target(options, &config)?;
    let mut notes = Vec::new();
    let config_digest = fingerprint::config_digest(&config);
    // The Markdown renders kept are opened first, for the Markdown pass to read. Each
    // is checked on its own when read, so they are used even where the index turns out
    // unusable; a file of them that cannot be used makes the build anew.
    let opening = Instant::now();
    let markdown = match trusted {
        true => KeptMarkdown::open(cache, config_digest).map_err(Failed::Cache)?,
        false => KeptMarkdown::anew(cache),
    };
    let opened_time = opening.elapsed();
    // The index is read, and the output folder checked against its record, while the
    // site is read and its Markdown rendered: neither waits for the other.
    let (read, model) = std::thread::scope(|scope| {
        let reading = scope.spawn(|| read_cache(cache, config_digest, trusted, &config, &target));
        // The model is made as a clean build makes it, without the preview's caches of
        // parsed files and rendered Markdown (copies of every page nothing here would
        // read again), freeing the sources once each stage is done with them; the
        // Markdown renders kept on disk are read as the Markdown pass needs them.
        let model = build_model(
            options,
            None,
            Reuse::Kept(&markdown),
            Sources::Shed,
            OnErrors::Stop,
        );
        let read = reading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (read, model)
    });
    // The site's own problems first: they are what the editor must mend.
    let model = model?;
    let read = read?;
    if let Some(damage) = markdown.damage() {
        return Err(Failed::Cache(Unused::Damaged(damage)));
    }
    let anew = read.unused.is_some() || !trusted;
    notes.extend(
        read.unused
            .map(|u| super::persist::unused_note(cache.folder(), &u)),
    );
    let (memo, outputs, staging) = (read.memo, read.outputs, read.staging);
    let read_time = opened_time + read.time;
    let storing = Storing::new(&staging, cache, anew);
    let terms = SearchTerms::new(cache, config_digest, !anew);
    let mut on_urgent = |_: &[Output]| {};
    let incremental = Incremental {
        memo: &memo,
        urgent: &HashSet::new(),
        on_urgent: &mut on_urgent,
        sink: &storing,
        search_sink: &Unsettled(&staging),
    };
    let finished = render_stages(
        model,
        RenderMode::Rebuild(incremental),
        ImageUse::Build,
        Sources::Shed,
        OnErrors::Stop,
        Some(&terms),
    )?;
    let started = Instant::now();
    let RenderedSite {
        site,
        kept,
        memo: mut fresh,
        ..
    } = finished.outputs;
    // The unchanged jobs' entries move over from the old memo, never copied.
    fresh.adopt(memo, &kept);
    let memo = fresh;
    let (stored, unsaved) = storing.into_stored();
    let reused = kept.iter().filter(|path| memo.get(path).is_some()).count();
    let (taken, reused_blobs) = write_kept(&staging, cache, &kept, &outputs)?;
    drop(outputs);
    let mut written = site.written;
    written.extend(taken);
    written.sort();
    // What is still in memory (feeds, sitemap, redirects) is written by `finish`.
    let site = SiteOutput { written, ..site };
    let (stats, folder) = staging.finish_recorded(&site).map_err(|d| {
        let mut all = finished.report.clone();
        all.push(d);
        Failed::Site(all)
    })?;
    let written_time = started.elapsed();
    let started = Instant::now();
    let rendered = memo.len().saturating_sub(reused);
    let index = Index {
        header: Some(Header::current(config_digest)),
        outputs: stored.into_iter().chain(reused_blobs).collect(),
        memo,
        folder,
    };
    let saved = match unsaved {
        Some(error) => Err(error),
        None => cache.save(&index),
    };
    let markdown_rendered = markdown.rendered();
    // The Markdown renders are saved even when the index is not: each is checked on its own.
    let saved = saved.and(markdown.save(cache, config_digest));
    if let Err(error) = saved {
        notes.push(super::persist::unsaved_note(cache.folder(), &error));
    }
    let search = terms.outcome();
    notes.extend(search.notes);
    let mut timings = finished.timings;
    timings.insert(0, ("cache read", read_time));
    timings.push(("write", written_time));
    timings.push(("cache save", started.elapsed()));
    let built = Built {
        portal: finished.portal,
        site,
        warnings: finished.report,
        publication: finished.publication,
        timings,
        cache: Some(CacheUse {
            rendered,
            reused,
            markdown_rendered,
            terms_made: search.made,
            terms_reused: search.reused,
            notes,
        }),
    };
    Ok((built, target, stats))
}

/// The cache as read for a build: what it remembers, and the staging folder opened
/// on its record of the output folder.
struct ReadCache {
    /// The render memo, without the jobs whose outputs the cache lacks.
    memo: RenderMemo,
    outputs: HashMap<String, Blob>,
    /// Why the cache's index was not used, if it was not.
    unused: Option<Unused>,
    /// Dropped on any error, which leaves the previous output as it was.
    staging: Staging,
    /// How long all that took.
    time: std::time::Duration,
}

/// Reads the cache's index for a build of `config` (of digest `config_digest`;
/// `trusted`: otherwise it starts empty) and opens the staging folder of `target` on
/// its record.
fn read_cache(
    cache: &CacheDir,
    config_digest: u64,
    trusted: bool,
    config: &crate::config::Config,
    target: &Path,
) -> Result<ReadCache, Diagnostic> {
    let started = Instant::now();
    let (index, unused) = if trusted {
        cache.load(config_digest)
    } else {
        (Index::default(), None)
    };
    let Index {
        memo,
        outputs,
        folder,
        ..
    } = index;
    let memo = with_stored_outputs(memo, &outputs, config.traditional);
    let staging = Staging::open_recorded(target, folder)?;
    Ok(ReadCache {
        memo,
        outputs,
        unused,
        staging,
        time: started.elapsed(),
    })
}

/// True when the cache folder is the output folder or lies inside it: the build would
/// replace the cache it reads.
fn cache_in_output(folder: &Path, target: &Path) -> bool {
    let absolute = |path: &Path| {
        std::path::absolute(path)
            .map(|p| p.canonicalize().unwrap_or(p))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    absolute(folder).starts_with(absolute(target))
}

/// `memo` without the jobs whose output (or Traditional copy) the cache lacks: those
/// render again.
fn with_stored_outputs(
    mut memo: RenderMemo,
    outputs: &HashMap<String, Blob>,
    traditional: bool,
) -> RenderMemo {
    memo.retain(|path| {
        outputs.contains_key(path)
            && (!traditional
                || render::traditional::copy_path(path).is_none_or(|c| outputs.contains_key(&c)))
    });
    memo
}

/// The sink of a build with the cache: every output rendered again is a job's output
/// or its copy, which the cache keeps. Each is stored as a blob in the cache folder
/// (when not too large) and put in the staging folder at once (unless the output
/// folder holds those bytes already); only its path and blob are remembered, for the
/// index.
struct Storing<'a> {
    staging: &'a Staging,
    cache: &'a CacheDir,
    /// The cache's index was not used: a blob already there may be damaged, so every
    /// blob is written anew.
    anew: bool,
    stored: Mutex<Stored>,
}

/// The blobs stored so far, and the first failure to store one (after which the cache
/// is not saved, so nothing more is stored).
#[derive(Default)]
struct Stored {
    blobs: Vec<(String, Blob)>,
    failure: Option<std::io::Error>,
}

impl<'a> Storing<'a> {
    fn new(staging: &'a Staging, cache: &'a CacheDir, anew: bool) -> Storing<'a> {
        Storing {
            staging,
            cache,
            anew,
            stored: Mutex::new(Stored::default()),
        }
    }

    /// The blobs stored, and the first failure to store one.
    fn into_stored(self) -> (Vec<(String, Blob)>, Option<std::io::Error>) {
        let stored = self
            .stored
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        (stored.blobs, stored.failure)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Stored> {
        self.stored.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Stores `output`'s bytes in the cache folder unless they are too large or an
    /// earlier output could not be stored; their blob.
    fn store(&self, output: &Output) -> Blob {
        let blob = Blob::of(&output.body);
        if !CacheDir::keeps(&blob) || self.lock().failure.is_some() {
            return blob;
        }
        let result = self.cache.store(&blob, &output.body, self.anew);
        let mut stored = self.lock();
        match result {
            Ok(()) => stored.blobs.push((output.path.clone(), blob)),
            Err(error) => _ = stored.failure.get_or_insert(error),
        }
        blob
    }
}

impl OutputSink for Storing<'_> {
    fn take(&self, output: Output) -> Result<SinkOutcome, Diagnostic> {
        let blob = self.store(&output);
        self.staging.take_hashed(output, blob.hash)
    }
}

/// The staging folder as the search index's sink: written at once, but the folder is
/// not settled around it then (the outputs taken from the cache are not written yet);
/// [`Staging::finish`] settles all of it.
struct Unsettled<'a>(&'a Staging);

impl OutputSink for Unsettled<'_> {
    fn take(&self, output: Output) -> Result<SinkOutcome, Diagnostic> {
        self.0.take(output)
    }

    fn take_hashed(&self, output: Output, hash: [u8; 32]) -> Result<SinkOutcome, Diagnostic> {
        self.0.take_hashed(output, hash)
    }

    fn holds(&self, path: &str, hash: &[u8; 32]) -> bool {
        self.0.holds(path, hash)
    }
}

/// The paths of the outputs taken from the cache, and their blobs.
type Taken = (Vec<String>, Vec<(String, Blob)>);

/// Puts in the outputs reused from the cache, unless the output folder holds them
/// already: each read from its blob and checked against its hash; their paths and
/// blobs.
fn write_kept(
    staging: &Staging,
    cache: &CacheDir,
    kept: &[String],
    outputs: &HashMap<String, Blob>,
) -> Result<Taken, Failed> {
    let results: Vec<Result<(String, Blob), Failed>> = kept
        .par_iter()
        .map(|path| {
            let blob = *outputs.get(path).ok_or_else(|| {
                Failed::Cache(Unused::Damaged(super::persist::output_missing(path)))
            })?;
            if staging.holds(path, &blob.hash) {
                return Ok((path.clone(), blob));
            }
            let body = cache
                .read(&blob)
                .map_err(|damaged| match cache.holds(&blob) {
                    true => Failed::Cache(damaged),
                    false => Failed::Cache(Unused::Damaged(super::persist::output_missing(path))),
                })?;
            let output = Output {
                path: path.clone(),
                body,
            };
            let taken = staging.take_hashed(output, blob.hash)?;
            Ok((taken.path().to_owned(), blob))
        })
        .collect();
    let mut paths = Vec::with_capacity(results.len());
    let mut blobs = Vec::with_capacity(results.len());
    for result in results {
        let (path, blob) = result?;
        paths.push(path.clone());
        blobs.push((path, blob));
    }
    Ok((paths, blobs))
}
