//! Portal + templates → outputs in memory. Never touches disk: [`crate::output`] writes
//! what this produces, or the preview server serves it from memory.

mod context;
mod data_functions;
pub mod feeds;
pub mod functions;
pub mod i18n;
mod include_cycle;
mod macro_depth;
pub mod markdown_view;
mod memo;
pub mod pages;
pub mod photos;
mod portal_functions;
mod portal_view;
pub mod qr;
mod sass;
mod static_files;
mod template_ast;
mod template_place;
mod tera_load;
pub mod theme;
pub mod traditional;
pub mod view;

pub use context::Context;
pub use memo::Incremental;
pub use pages::plan::{OutputPlan, plan_outputs};
pub use pages::{RenderMode, RenderedSite, render};
pub use theme::{ParsedThemes, Shortcodes, Theme};

/// The stack a thread that renders templates needs: room for macros nested
/// [`macro_depth::MAX_MACRO_DEPTH`] deep with tens of kilobytes each (a debug build
/// takes about 50 KiB a level), so that too deep a recursion ends in its error, never
/// in a stack overflow. Only the pages of it that are used take memory.
pub const RENDER_STACK_BYTES: usize = 32 * 1024 * 1024;
