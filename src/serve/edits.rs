//! Edits on their way from the watcher to the rebuild thread, and the snapshot that
//! requests are answered from meanwhile.
//!
//! The watcher hands every change set to [`Edits::arrive`] the moment it settles, even
//! while a rebuild runs. It is queued for the next rebuild, and when every change since
//! the last successful build is a body-only edit of a page, the edited pages are
//! rendered from that build's model ([`super::body_edit`]) and published at once: an
//! editor whose autosave fires every few hundred milliseconds sees each save without
//! waiting for the rebuild of the previous one.
//!
//! What is served is the last rebuild's snapshot with the pages published early laid
//! over it. A page published early stays over the snapshots of rebuilds that started
//! before its edit arrived (they may have read the file before it was saved), and is
//! dropped by the first rebuild that took its edit, which renders it from the files
//! themselves. So the preview never goes back to an older text, and once the edits stop
//! it serves exactly what the last rebuild made.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock};

use super::Snapshot;
use super::body_edit::{self, LastBuild};
use super::incremental::Preview;
use super::watch::ChangeSet;
use crate::pipeline::BuildOptions;

/// The queue between the watcher and the rebuild thread, and the served snapshot.
pub struct Edits {
    options: BuildOptions,
    served: RwLock<Arc<Snapshot>>,
    queue: Mutex<Queue>,
    waiting: Condvar,
}

/// The state behind [`Edits`]; change sets are numbered in the order they arrived.
struct Queue {
    /// The snapshot of the last rebuild that succeeded.
    base: Arc<Snapshot>,
    /// Pages published early: output path → (number of the change set, bytes).
    early: HashMap<String, (u64, Arc<[u8]>)>,
    /// The model of the last build, while it describes the site but for `since_model`.
    model: Option<Arc<LastBuild>>,
    /// Every change since `model` was built.
    since_model: ChangeSet,
    /// Changes no rebuild has taken yet.
    pending: ChangeSet,
    /// Number of the last change set that arrived.
    arrived: u64,
    /// Number of the last change set the rebuild thread took.
    taken: u64,
    /// Number of the last change set whose rebuild ended.
    done: u64,
    /// No more changes will come (the watcher stopped).
    closed: bool,
}

impl Edits {
    /// The edits of a preview that has just been built.
    pub fn new(preview: &Preview, options: BuildOptions) -> Edits {
        let base = preview.snapshot();
        Edits {
            options,
            served: RwLock::new(base.clone()),
            queue: Mutex::new(Queue {
                base,
                early: HashMap::new(),
                model: preview.last_build(),
                since_model: ChangeSet::default(),
                pending: ChangeSet::default(),
                arrived: 0,
                taken: 0,
                done: 0,
                closed: false,
            }),
            waiting: Condvar::new(),
        }
    }

    /// The snapshot requests are answered from.
    pub fn served(&self) -> Arc<Snapshot> {
        match self.served.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Queues `changes` for the next rebuild and publishes the pages they edit when the
    /// last build's model allows (see the module doc). Returns the output paths whose
    /// served bytes changed, for the open pages to reload.
    pub fn arrive(&self, changes: ChangeSet) -> Vec<String> {
        let (number, model, since_model) = {
            let mut queue = self.lock();
            queue.arrived += 1;
            queue.since_model.merge(&changes);
            queue.pending.merge(&changes);
            self.waiting.notify_all();
            (
                queue.arrived,
                queue.model.clone(),
                queue.since_model.clone(),
            )
        };
        // Rendered outside the lock: the rebuild thread may finish meanwhile.
        let Some(outputs) = model
            .and_then(|model| body_edit::render_body_edits(&model, &self.options, &since_model))
        else {
            return Vec::new();
        };
        let mut queue = self.lock();
        // The rebuild that took this change has ended: it rendered the pages itself.
        if number <= queue.done {
            return Vec::new();
        }
        for output in outputs {
            let body: Arc<[u8]> = Arc::from(output.body);
            queue.early.insert(output.path, (number, body));
        }
        self.republish(&queue)
    }

    /// Blocks until changes are queued, then takes all of them for a rebuild; `None`
    /// once [`Edits::close`] was called and nothing is left.
    pub fn next_batch(&self) -> Option<ChangeSet> {
        let mut queue = self.lock();
        while queue.pending.is_empty() && !queue.closed {
            queue = match self.waiting.wait(queue) {
                Ok(q) => q,
                Err(poisoned) => poisoned.into_inner(),
            };
        }
        queue.take()
    }

    /// Takes the queued changes, if any, without waiting.
    pub fn try_next_batch(&self) -> Option<ChangeSet> {
        self.lock().take()
    }

    /// Says no more changes will come: [`Edits::next_batch`] stops waiting.
    pub fn close(&self) {
        self.lock().closed = true;
        self.waiting.notify_all();
    }

    /// Publishes outputs the rebuild of the last batch rendered first (the edited pages,
    /// when they did not take the fast path), taken from `snapshot`. Returns the paths
    /// whose served bytes changed.
    pub fn publish_early(&self, snapshot: &Snapshot, paths: &[String]) -> Vec<String> {
        let mut queue = self.lock();
        let number = queue.taken;
        for path in paths {
            if let Some(body) = snapshot.get(path) {
                // Not over a page whose later edit was published already.
                let newer = queue.early.get(path).is_some_and(|(n, _)| *n > number);
                if !newer {
                    queue.early.insert(path.clone(), (number, body));
                }
            }
        }
        self.republish(&queue)
    }

    /// After the rebuild of the last batch succeeded: its snapshot and model replace the
    /// last ones, and the pages published early for the changes it took are dropped.
    /// Returns the paths whose served bytes changed, among those the rebuild reported
    /// (`changed`) and those published early.
    pub fn rebuilt(&self, preview: &Preview, changed: &[String]) -> Vec<String> {
        let mut queue = self.lock();
        let taken = queue.taken;
        queue.done = taken;
        let mut candidates: Vec<String> = queue.early.keys().cloned().collect();
        queue.early.retain(|_, (number, _)| *number > taken);
        queue.base = preview.snapshot();
        queue.model = preview.last_build();
        queue.since_model = queue.pending.clone();
        candidates.extend(changed.iter().cloned());
        let before = self.served();
        let after = self.republish_all(&queue);
        let mut paths: Vec<String> = candidates
            .into_iter()
            .filter(|path| differs(&before, &after, path))
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }

    /// After the rebuild of the last batch failed: the last good snapshot stays, but
    /// there is no model to publish edits from until a rebuild succeeds.
    pub fn failed(&self) {
        let mut queue = self.lock();
        queue.done = queue.taken;
        queue.model = None;
        queue.since_model = ChangeSet::default();
    }

    fn lock(&self) -> MutexGuard<'_, Queue> {
        match self.queue.lock() {
            Ok(q) => q,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Serves the base with the early pages over it; returns the paths that changed.
    fn republish(&self, queue: &Queue) -> Vec<String> {
        let before = self.served();
        let after = self.republish_all(queue);
        let mut paths: Vec<String> = queue
            .early
            .keys()
            .filter(|path| differs(&before, &after, path))
            .cloned()
            .collect();
        paths.sort();
        paths
    }

    fn republish_all(&self, queue: &Queue) -> Arc<Snapshot> {
        let snapshot = Arc::new(
            queue.base.with_files(
                queue
                    .early
                    .iter()
                    .map(|(path, (_, body))| (path.clone(), body.clone())),
            ),
        );
        match self.served.write() {
            Ok(mut s) => *s = snapshot.clone(),
            Err(poisoned) => *poisoned.into_inner() = snapshot.clone(),
        }
        snapshot
    }
}

impl Queue {
    fn take(&mut self) -> Option<ChangeSet> {
        if self.pending.is_empty() {
            return None;
        }
        self.taken = self.arrived;
        Some(std::mem::take(&mut self.pending))
    }
}

/// True when `path` is served differently (or only) by one of the snapshots. Copied
/// files are compared by source, and count as changed, as the rebuild reported them.
fn differs(before: &Snapshot, after: &Snapshot, path: &str) -> bool {
    match (before.rendered_file(path), after.rendered_file(path)) {
        (Some(a), Some(b)) => a != b,
        _ => true,
    }
}
