//! Incremental rendering: re-render only the jobs whose fingerprint changed.
//!
//! What a job read, and so its fingerprint, is described in [`crate::fingerprint`]:
//! the *base* (output path, template, whole context prepared from digest views) and the
//! *lookups* (what each site function the job called last time would return now).
//! This module computes both for the jobs of a render, with the renderer the real
//! render uses, and renders again the jobs whose fingerprint differs.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::pages::{Job, Renderer};
use super::view::Views;
use crate::diag::{Diagnostic, Diagnostics};
use crate::fingerprint::{self as digest, JobReads, Lookup, RenderMemo};
use crate::output::{Output, OutputSink, SinkOutcome};

/// How to render incrementally.
pub struct Incremental<'a> {
    /// Fingerprints of the previous render.
    pub memo: &'a RenderMemo,
    /// Source files just edited (relative to the root): their own pages render first
    /// and are handed to `on_urgent` before the lists and the rest, so an editor
    /// looking at the page sees it without waiting for the whole site.
    pub urgent: &'a HashSet<PathBuf>,
    /// Receives the urgent outputs that changed, as soon as they are rendered.
    pub on_urgent: &'a mut dyn FnMut(&[Output]),
    /// Takes every output rendered again (after `on_urgent` saw it): kept in memory
    /// for the preview, written out at once by a build with the cache, so that such
    /// a build never holds the site's pages in memory.
    pub sink: &'a dyn OutputSink,
    /// Takes the search index made after the render: the same place as `sink`, but
    /// never asked to settle the output folder around it, since the outputs kept
    /// unchanged are not there yet.
    pub search_sink: &'a dyn OutputSink,
}

/// Hands a rendered output (and whatever goes with it, its Traditional copy) to the
/// sink; what the sink did with each.
pub(super) type Take<'a> = dyn Fn(Output) -> Result<Vec<SinkOutcome>, Diagnostic> + Sync + 'a;

/// The renderers a memoised render needs: the real one, and one preparing contexts
/// from digest views (plus those views, for evaluating lookups).
pub(super) struct Renderers<'a> {
    pub real: &'a Renderer<'a>,
    pub digest: &'a Renderer<'a>,
    pub digest_views: &'a Arc<Views>,
}

/// What became of a job: kept as the memo has it (its output path), or rendered.
enum Outcome {
    Kept(String),
    Rendered(Result<Output, Diagnostic>, u64, Vec<Lookup>),
}

/// A job's outcome once its output went to the sink.
enum Handled {
    Kept(String),
    /// The output's path and what the sink did with it (and its copy).
    Taken(
        Result<(String, Vec<SinkOutcome>), Diagnostic>,
        u64,
        Vec<Lookup>,
    ),
}

impl Outcome {
    /// Hands a rendered output to `take`, which frees it unless the sink keeps it.
    fn handed(self, take: &Take) -> Handled {
        match self {
            Outcome::Kept(path) => Handled::Kept(path),
            Outcome::Rendered(output, base, lookups) => {
                let taken = output.and_then(|output| {
                    let path = output.path.clone();
                    Ok((path, take(output)?))
                });
                Handled::Taken(taken, base, lookups)
            }
        }
    }
}

/// Renders the jobs whose fingerprint changed since `previous`, handing each output
/// to `take` as soon as it is rendered; returns what the sink did with them, the paths
/// of the unchanged outputs, and the memo of the jobs rendered (the unchanged ones'
/// entries are `previous`'s, for the caller to move over: [`RenderMemo::adopt`]).
pub(super) fn render_jobs(
    jobs: &[Job],
    renderers: &Renderers,
    incremental: Incremental,
    take: &Take,
    diagnostics: &mut Diagnostics,
) -> (Vec<SinkOutcome>, Vec<String>, RenderMemo) {
    let previous = incremental.memo;
    let lookups = LookupDigests::new(renderers.digest_views);
    let (urgent, rest): (Vec<&Job>, Vec<&Job>) = jobs
        .iter()
        .partition(|job| renderers.real.is_page_of(job, incremental.urgent));
    // The urgent pages' own lookups only: evaluating every lookup of the site can
    // mean digesting every page, which the edited page should not wait for.
    let urgent_paths: HashSet<String> = urgent
        .iter()
        .map(|job| renderers.digest.prepare(job).path)
        .collect();
    let urgent_known = lookups.evaluate_all(
        urgent_paths
            .iter()
            .filter_map(|path| previous.get(path))
            .flat_map(|m| &m.lookups),
    );
    let render_all = |jobs: Vec<&Job>, known: &HashMap<String, u64>| -> Vec<Outcome> {
        jobs.par_iter()
            .map(|job| render_one(job, renderers, previous, known))
            .collect()
    };
    let urgent = render_all(urgent, &urgent_known);
    let first: Vec<Output> = urgent
        .iter()
        .filter_map(|o| match o {
            Outcome::Rendered(Ok(output), ..) => Some(output.clone()),
            _ => None,
        })
        .collect();
    if !first.is_empty() {
        (incremental.on_urgent)(&first);
    }
    let mut outcomes: Vec<Handled> = urgent.into_iter().map(|o| o.handed(take)).collect();
    let known = lookups.evaluate_all(previous.lookups());
    // Each output goes to the sink on the thread that rendered it: none waits for the rest.
    outcomes.par_extend(
        rest.par_iter()
            .map(|job| render_one(job, renderers, previous, &known).handed(take)),
    );

    let fresh = lookups.evaluate_all(
        outcomes
            .iter()
            .filter_map(|o| match o {
                Handled::Taken(_, _, l) => Some(l),
                Handled::Kept(..) => None,
            })
            .flatten()
            .filter(|l| !known.contains_key(&l.key)),
    );
    let mut memo = RenderMemo::default();
    let mut taken = Vec::new();
    let mut kept = Vec::new();
    let mut failed = Vec::new();
    for outcome in outcomes {
        match outcome {
            Handled::Kept(path) => kept.push(path),
            Handled::Taken(Ok((path, outputs)), base, lookups) => {
                let lookup_digest = digest_lookups(&lookups, &known, &fresh);
                let job_memo = JobReads {
                    base,
                    lookups,
                    lookup_digest,
                };
                memo.insert(path, job_memo);
                taken.extend(outputs);
            }
            Handled::Taken(Err(d), ..) => failed.push(d),
        }
    }
    diagnostics.extend(super::pages::once_each(failed));
    (taken, kept, memo)
}

fn render_one(
    job: &Job,
    renderers: &Renderers,
    previous: &RenderMemo,
    known: &HashMap<String, u64>,
) -> Outcome {
    let stand_in = renderers.digest.prepare(job);
    let template_digest = renderers.digest.template_digest(&stand_in.template);
    let base = digest::digest_parts(&[
        &stand_in.path,
        &stand_in.template,
        &template_digest,
        &digest::digest_of(&stand_in.context.into_json()),
    ]);
    if let Some(memo) = previous.get(&stand_in.path)
        && memo.base == base
        && digest_lookups(&memo.lookups, known, &HashMap::new()) == memo.lookup_digest
    {
        return Outcome::Kept(stand_in.path);
    }
    let prepared = renderers.real.prepare(job);
    let (result, lookups) = digest::record_lookups(|| renderers.real.render(prepared));
    Outcome::Rendered(result, base, lookups)
}

fn digest_lookups(
    lookups: &[Lookup],
    known: &HashMap<String, u64>,
    fresh: &HashMap<String, u64>,
) -> u64 {
    let digests: Vec<Option<u64>> = lookups
        .iter()
        .map(|l| known.get(&l.key).or_else(|| fresh.get(&l.key)).copied())
        .collect();
    digest::digest_parts(&[&digests])
}

/// Evaluates site-function lookups against the digest views, once per distinct call.
struct LookupDigests {
    functions: HashMap<&'static str, Box<dyn tera::Function>>,
}

impl LookupDigests {
    fn new(views: &Arc<Views>) -> LookupDigests {
        LookupDigests {
            functions: super::functions::site_functions(views)
                .into_iter()
                .collect(),
        }
    }

    fn evaluate_all<'a>(&self, lookups: impl Iterator<Item = &'a Lookup>) -> HashMap<String, u64> {
        let mut seen = HashSet::new();
        let distinct: Vec<&Lookup> = lookups.filter(|l| seen.insert(l.key.as_str())).collect();
        distinct
            .par_iter()
            .map(|l| (l.key.clone(), self.evaluate(l)))
            .collect()
    }

    fn evaluate(&self, lookup: &Lookup) -> u64 {
        let Some(function) = self.functions.get(lookup.function.as_ref()) else {
            return 0;
        };
        match function.call(&lookup.args) {
            Ok(value) => digest::digest_parts(&[&"ok", &digest::digest_of(&value)]),
            Err(e) => digest::digest_parts(&[&"error", &e.to_string()]),
        }
    }
}
