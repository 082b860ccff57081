//! The preview's build state: the options, the [`BuildCache`] and the snapshot being
//! served. A change set turns into a rebuild that reuses the cache; the new snapshot
//! shares every unchanged output's bytes with the previous one, and the paths whose
//! bytes changed are reported so open pages know whether to reload.
//!
//! Edited pages are published before the rest: when only a page's text changed, by
//! [`super::body_edit`] from the last build's model without running the pipeline;
//! otherwise as soon as the pipeline has rendered them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Snapshot;
use super::body_edit::{self, LastBuild};
use super::watch::ChangeSet;
use crate::diag::{Diagnostics, Lang};
use crate::fingerprint::BuildCache;
use crate::output::Output;
use crate::pipeline::{self, BuildOptions, Rebuilt};
use crate::portal::schedule::Publication;

/// What a successful rebuild changed.
#[derive(Debug, Default)]
pub struct Update {
    /// Output paths (`news/x/index.html`) added, removed or with new bytes, sorted.
    pub changed: Vec<String>,
    /// Outputs rendered again (changed or not).
    pub rendered: usize,
    /// The part of `changed` already published early (the edited pages themselves).
    pub early: Vec<String>,
    /// True when only the text of pages changed and they were published early from
    /// the last build's model, before the pipeline ran.
    pub body_only: bool,
    /// Warnings of the build.
    pub warnings: Diagnostics,
    /// What the build published, and every page it did not.
    pub publication: Publication,
}

/// The site being previewed.
pub struct Preview {
    options: BuildOptions,
    /// The language of the preview's own notices (scheduled and expired pages).
    lang: Lang,
    cache: BuildCache,
    snapshot: Arc<Snapshot>,
    /// The model of the last build, when it succeeded.
    last: Option<Arc<LastBuild>>,
}

impl Preview {
    /// Builds the site for the first time.
    pub fn start(options: BuildOptions) -> Result<(Preview, Update), Diagnostics> {
        Preview::start_speaking(options, Lang::En)
    }

    /// [`Preview::start`], writing the preview's notices in `lang`.
    pub fn start_speaking(
        options: BuildOptions,
        lang: Lang,
    ) -> Result<(Preview, Update), Diagnostics> {
        let mut preview = Preview::unbuilt(options, lang);
        let update = preview.rebuild(&ChangeSet::everything())?;
        Ok((preview, update))
    }

    /// [`Preview::start_speaking`], but a first build that fails still gives a preview:
    /// until a rebuild succeeds, every address answers a page saying the site is not
    /// built yet (the build's errors show over it, as over any page). So a site with a
    /// mistake in it can be previewed, and mended in the online editor, instead of the
    /// preview not starting at all.
    pub fn start_or_wait(
        options: BuildOptions,
        lang: Lang,
    ) -> (Preview, Result<Update, Diagnostics>) {
        let mut preview = Preview::unbuilt(options, lang);
        let first = preview.rebuild(&ChangeSet::everything());
        if first.is_err() {
            // The render memo fills only when a build succeeds, so no later build
            // takes an output from the notice as if the site had rendered it.
            preview.snapshot = Arc::new(Snapshot::not_built(lang));
        }
        (preview, first)
    }

    /// A preview of a site not built yet, serving nothing: its first
    /// [`Preview::rebuild`] builds it whole. A network member added while previewing
    /// starts so, whether or not its first build succeeds.
    pub fn unbuilt(options: BuildOptions, lang: Lang) -> Preview {
        Preview {
            options,
            lang,
            cache: BuildCache::default(),
            snapshot: Arc::new(Snapshot::default()),
            last: None,
        }
    }

    /// Replaces the build options: a network member's reprints and links to the other
    /// members change with the other members' pages.
    pub fn set_options(&mut self, options: BuildOptions) {
        self.options = options;
    }

    /// The options it builds with.
    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// The snapshot of the last successful build.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.clone()
    }

    /// The model of the last build, when it succeeded, for publishing body edits.
    pub(crate) fn last_build(&self) -> Option<Arc<LastBuild>> {
        self.last.clone()
    }

    /// Rebuilds after `changes`. On failure the last good snapshot stays in place.
    pub fn rebuild(&mut self, changes: &ChangeSet) -> Result<Update, Diagnostics> {
        self.rebuild_with(changes, &mut |_, _| {})
    }

    /// [`Preview::rebuild`], handing `early` a snapshot with the edited pages already
    /// replaced (and their paths) before the rest of the site is rendered.
    pub fn rebuild_with(
        &mut self,
        changes: &ChangeSet,
        early: &mut dyn FnMut(Arc<Snapshot>, &[String]),
    ) -> Result<Update, Diagnostics> {
        self.forget(changes);
        let before = self.snapshot.clone();
        let mut published: Vec<(String, Arc<[u8]>)> = Vec::new();
        let mut publish_early = |outputs: &[Output]| {
            let (snapshot, paths) = with_outputs(&before, outputs);
            // Nothing new to show: an empty event would only clear an error overlay.
            if paths.is_empty() {
                return;
            }
            early(snapshot.clone(), &paths);
            published.extend(paths.into_iter().filter_map(|path| {
                let body = snapshot.files.get(&path)?.clone();
                Some((path, body))
            }));
        };
        let body_edits = self
            .last
            .as_ref()
            .and_then(|last| body_edit::render_body_edits(last, &self.options, changes));
        let body_only = body_edits.is_some();
        let edited: HashSet<PathBuf> = match body_edits {
            // Published already: the pipeline need not hurry for them again.
            Some(outputs) => {
                publish_early(&outputs);
                HashSet::new()
            }
            None => changes.paths.iter().cloned().collect(),
        };
        // Until this build succeeds there is no model to patch.
        self.last = None;
        let rebuilt = pipeline::rebuild_in_memory(
            &self.options,
            &mut self.cache,
            &edited,
            &mut publish_early,
        )?;
        let rendered = rebuilt.outputs.site.files.len();
        let (portal, theme) = (rebuilt.portal.clone(), rebuilt.theme.clone());
        let publication = rebuilt.publication.clone();
        match next_snapshot(&before, rebuilt, changes, &self.options.root, self.lang) {
            Ok((snapshot, mut changed, warnings)) => {
                let early = confirmed(&snapshot, published, &mut changed);
                self.snapshot = Arc::new(snapshot);
                self.last = Some(Arc::new(LastBuild::new(portal, theme, &self.cache)));
                Ok(Update {
                    changed,
                    rendered,
                    early,
                    body_only,
                    warnings,
                    publication,
                })
            }
            // The memo named an output the snapshot lacks: never expected, but a full
            // render is always correct.
            Err(()) => {
                self.cache.clear();
                self.rebuild(&ChangeSet::everything())
            }
        }
    }

    fn forget(&mut self, changes: &ChangeSet) {
        if changes.rescan || changes.paths.iter().any(|p| needs_full_rebuild(p)) {
            self.cache.clear();
            return;
        }
        for path in &changes.paths {
            self.cache.forget(path);
        }
    }
}

/// Config, theme settings and data tables feed every stage: start afresh.
fn needs_full_rebuild(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let top_level = path.parent().is_some_and(|p| p.as_os_str().is_empty());
    (top_level && matches!(name, "site-config.toml" | "config.toml"))
        || name == "theme.toml"
        || path.starts_with("data")
        || path.components().any(|c| c.as_os_str() == "i18n")
}

/// The early outputs whose bytes the rebuild confirmed. One it did not (never
/// expected) is listed in `changed`, so open pages reload it once more.
fn confirmed(
    snapshot: &Snapshot,
    published: Vec<(String, Arc<[u8]>)>,
    changed: &mut Vec<String>,
) -> Vec<String> {
    let mut early = Vec::new();
    for (path, body) in published {
        if snapshot.files.get(&path) == Some(&body) {
            early.push(path);
        } else if !changed.contains(&path) {
            changed.push(path);
        }
    }
    changed.sort();
    early
}

/// `previous` with `outputs` replacing their paths, and the paths whose bytes changed.
fn with_outputs(previous: &Snapshot, outputs: &[Output]) -> (Arc<Snapshot>, Vec<String>) {
    let mut files = previous.files.clone();
    let mut changed = Vec::new();
    for output in outputs {
        if files.get(&output.path).map(|b| &b[..]) != Some(&output.body[..]) {
            changed.push(output.path.clone());
            files.insert(output.path.clone(), Arc::from(output.body.as_slice()));
        }
    }
    let snapshot = Snapshot {
        files,
        copies: previous.copies.clone(),
        notices: previous.notices.clone(),
        bounds: previous.bounds.clone(),
    };
    (Arc::new(snapshot), changed)
}

type Next = (Snapshot, Vec<String>, Diagnostics);

fn next_snapshot(
    previous: &Snapshot,
    rebuilt: Rebuilt,
    changes: &ChangeSet,
    root: &Path,
    lang: Lang,
) -> Result<Next, ()> {
    let outputs = rebuilt.outputs;
    let bounds = Some(Arc::new(rebuilt.portal.bounds.clone()));
    let mut files: HashMap<String, Arc<[u8]>> =
        HashMap::with_capacity(outputs.kept.len() + outputs.site.files.len());
    for path in outputs.kept {
        let body = previous.files.get(&path).ok_or(())?.clone();
        files.insert(path, body);
    }
    let mut changed = Vec::new();
    for output in outputs.site.files {
        if previous.files.get(&output.path).map(|b| &b[..]) != Some(&output.body[..]) {
            changed.push(output.path.clone());
        }
        files.insert(output.path, Arc::from(output.body));
    }
    let copies: HashMap<String, std::path::PathBuf> = outputs
        .site
        .copies
        .into_iter()
        .map(|c| (c.to, c.from))
        .collect();
    let touched: Vec<std::path::PathBuf> = changes.paths.iter().map(|p| root.join(p)).collect();
    for (to, from) in &copies {
        let edited = touched.iter().any(|t| from.starts_with(t));
        if edited || previous.copies.get(to) != Some(from) {
            changed.push(to.clone());
        }
    }
    for gone in previous.files.keys().chain(previous.copies.keys()) {
        if !files.contains_key(gone) && !copies.contains_key(gone) {
            changed.push(gone.clone());
        }
    }
    changed.sort();
    changed.dedup();
    let notices = Arc::new(super::waiting::Notices::new(&rebuilt.publication, lang));
    let snapshot = Snapshot {
        files,
        copies,
        notices,
        bounds,
    };
    Ok((snapshot, changed, rebuilt.warnings))
}
