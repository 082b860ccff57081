//! Portal + templates → outputs in memory. Never touches disk: [`crate::output`] writes
//! what this produces, or the preview server serves it from memory.

mod context;
mod data_functions;
pub mod digest;
pub mod feeds;
pub mod functions;
pub mod i18n;
mod include_cycle;
mod macro_depth;
mod memo;
pub mod pages;
pub mod photos;
mod portal_functions;
mod portal_view;
pub mod qr;
mod sass;
mod static_files;
mod tera_load;
pub mod theme;
pub mod traditional;
pub mod view;

use std::path::PathBuf;

pub use context::Context;
pub use memo::{Incremental, RenderMemo};
pub use pages::plan::{OutputPlan, plan_outputs};
pub use pages::{Rerender, render_changed, render_page, render_site_to};
pub use theme::{Shortcodes, Theme};

/// The stack a thread that renders templates needs: room for macros nested
/// [`macro_depth::MAX_MACRO_DEPTH`] deep with tens of kilobytes each (a debug build
/// takes about 50 KiB a level), so that too deep a recursion ends in its error, never
/// in a stack overflow. Only the pages of it that are used take memory.
pub const RENDER_STACK_BYTES: usize = 32 * 1024 * 1024;

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
    fn take(&self, output: Output) -> Result<Taken, crate::diag::Diagnostic>;

    /// Says that `site` holds every output of the build outside the top-level folder
    /// `pending`, whose outputs are still coming: the sink may tidy around them now,
    /// alongside the work that makes the rest. Nothing to do for most sinks.
    fn settle_outside(
        &self,
        _site: &SiteOutput,
        _pending: &str,
    ) -> Result<(), crate::diag::Diagnostic> {
        Ok(())
    }
}

/// What an [`OutputSink`] did with an output.
pub enum Taken {
    /// Handed back, to be kept in memory.
    Kept(Output),
    /// Written out; the output's path (relative to the output folder).
    Written(String),
}

impl Taken {
    /// The output's path, relative to the output folder.
    pub fn path(&self) -> &str {
        match self {
            Taken::Kept(output) => &output.path,
            Taken::Written(path) => path,
        }
    }

    /// The output, when it was kept in memory.
    pub fn into_kept(self) -> Option<Output> {
        match self {
            Taken::Kept(output) => Some(output),
            Taken::Written(_) => None,
        }
    }
}

/// Keeps every output in memory.
pub struct KeepInMemory;

impl OutputSink for KeepInMemory {
    fn take(&self, output: Output) -> Result<Taken, crate::diag::Diagnostic> {
        Ok(Taken::Kept(output))
    }
}

impl SiteOutput {
    /// Files an output the sink took: kept in memory, or already written.
    pub fn add(&mut self, taken: Taken) {
        match taken {
            Taken::Kept(output) => self.files.push(output),
            Taken::Written(path) => self.written.push(path),
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
