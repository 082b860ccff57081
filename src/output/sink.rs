//! What a build produces and where each output goes as it is rendered: the rendered
//! files ([`Output`]), the files copied as they are ([`CopiedFile`]), and the
//! [`OutputSink`] that keeps an output in memory or writes it out at once. Render,
//! search and the Traditional copy hand their outputs here; [`super`] writes them.

use std::path::PathBuf;

use crate::diag::Diagnostic;

/// One rendered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, `/`-separated (`news/x/index.html`).
    pub path: String,
    /// The bytes to write.
    pub body: Vec<u8>,
}

/// A file copied as is (static files, bundle assets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopiedFile {
    /// Absolute source path.
    pub from: PathBuf,
    /// Path relative to the output folder.
    pub to: String,
}

/// Where rendered files go as soon as they are rendered: kept in memory (the preview
/// server, `check`), or written to disk at once so that a build never holds every page
/// of the site in memory.
pub trait OutputSink: Sync {
    /// Takes `output`: keeps it, or writes it and says where.
    fn take(&self, output: Output) -> Result<SinkOutcome, Diagnostic>;

    /// Takes `output`, whose bytes' BLAKE3 hash is `hash` (a sink that needs it does
    /// not hash them again).
    fn take_hashed(&self, output: Output, _hash: [u8; 32]) -> Result<SinkOutcome, Diagnostic> {
        self.take(output)
    }

    /// True when the sink holds the bytes of BLAKE3 hash `hash` at `path` already
    /// (an output folder written by the last build), so that they need not be made:
    /// [`SinkOutcome::Written`] of `path` stands for them. Never for most sinks.
    fn holds(&self, _path: &str, _hash: &[u8; 32]) -> bool {
        false
    }

    /// Says that `site` holds every output of the build outside the top-level folder
    /// `pending`, whose outputs are still coming: the sink may tidy around them now,
    /// alongside the work that makes the rest. Nothing to do for most sinks.
    fn settle_outside(&self, _site: &SiteOutput, _pending: &str) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// Runs `work`, which hands the sink outputs under the top-level folder `pending` only,
/// while `sink` settles the rest of the output, `site`, on a thread of its own
/// ([`OutputSink::settle_outside`]): settling a reused output folder is a serial walk
/// of every page's folder, which would otherwise leave a core idle beside `work`.
pub fn while_settling(
    sink: &dyn OutputSink,
    site: &SiteOutput,
    pending: &str,
    work: impl FnOnce() -> Result<Vec<SinkOutcome>, Diagnostic>,
) -> Result<Vec<SinkOutcome>, Diagnostic> {
    let (taken, settled) = std::thread::scope(|scope| {
        let settling = scope.spawn(|| sink.settle_outside(site, pending));
        (work(), settling.join())
    });
    settled.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    let taken = taken?;
    // Settling may have removed a file the work wrote anywhere else.
    let outside = |path: &str| {
        path.strip_prefix(pending)
            .is_none_or(|rest| !rest.starts_with('/'))
    };
    if let Some(path) = taken.iter().map(SinkOutcome::path).find(|p| outside(p)) {
        return Err(Diagnostic::error(
            "E0001",
            crate::t!("internal-search-outside", path = path),
        ));
    }
    Ok(taken)
}

/// What an [`OutputSink`] did with an output.
pub enum SinkOutcome {
    /// Handed back, to be kept in memory.
    Kept(Output),
    /// Written out; the output's path (relative to the output folder).
    Written(String),
}

impl SinkOutcome {
    /// The output's path, relative to the output folder.
    pub fn path(&self) -> &str {
        match self {
            SinkOutcome::Kept(output) => &output.path,
            SinkOutcome::Written(path) => path,
        }
    }

    /// The output, when it was kept in memory.
    pub fn into_kept(self) -> Option<Output> {
        match self {
            SinkOutcome::Kept(output) => Some(output),
            SinkOutcome::Written(_) => None,
        }
    }
}

/// Keeps every output in memory.
pub struct KeepInMemory;

impl OutputSink for KeepInMemory {
    fn take(&self, output: Output) -> Result<SinkOutcome, Diagnostic> {
        Ok(SinkOutcome::Kept(output))
    }
}

impl SiteOutput {
    /// Files an output the sink took: kept in memory, or already written.
    pub fn add(&mut self, taken: SinkOutcome) {
        match taken {
            SinkOutcome::Kept(output) => self.files.push(output),
            SinkOutcome::Written(path) => self.written.push(path),
        }
    }
}

/// Everything a build produces.
#[derive(Debug, Clone, Default)]
pub struct SiteOutput {
    /// Rendered files, sorted by path.
    pub files: Vec<Output>,
    /// Paths of rendered files an [`OutputSink`] already wrote out, sorted.
    pub written: Vec<String>,
    /// Files to copy, sorted by destination.
    pub copies: Vec<CopiedFile>,
}
