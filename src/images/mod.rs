//! Photos: bundle and static images made into published copies. Owns the whole image
//! pipeline and nothing else: reading a source safely inside the site, decoding it
//! within limits (no decompression bomb gets through), turning it upright by its EXIF
//! orientation, resizing (`op.rs`: Zola's `scale`, `fit_width`, `fit_height`, `fit`,
//! `fill` with a focal point), encoding JPEG, PNG or WebP (`encode.rs`) with camera
//! metadata stripped unless the site keeps it (`metadata.rs`), and the persistent cache
//! of copies (`cache.rs`, `.menhu-cache/images/`) keyed by the source's content and
//! everything that shapes the copy, so a rebuild with unchanged photos processes
//! nothing.
//!
//! The flow is two steps, so callers can hand out URLs and sizes before any pixel is
//! touched: [`ImageProcessor::plan`] reads a source's header and names its copy
//! ([`Plan`]); [`ImageProcessor::run`] makes every missing copy of a batch in parallel
//! (rayon), decoding each source once for all its copies. [`ImageProcessor::process`]
//! does both for a list of [`ImageJob`]s; [`ImageRequests`] gathers the jobs templates
//! ask for while a build renders (`resize_image`). Sits with the leaves: it reads only
//! [`crate::config`] and [`crate::diag`].
//!
//! Codes: E0250 a source that cannot be read (or lies outside the site), E0251 a format
//! menhu does not read, E0252 a file that does not decode, E0253 a source over the size
//! limits, E0254 a resize request that cannot be met, E0255 the cache cannot be written.

mod batch;
mod cache;
mod decode;
mod encode;
mod error;
mod metadata;
mod op;
mod requests;
#[cfg(test)]
mod tests;

pub use self::batch::{BatchReport, ImageJob, ImageProcessor, Plan, Processed};
pub use self::cache::{CACHE_DIR, ImageCache, PruneReport};
pub use self::decode::{
    MAX_SOURCE_BYTES, MAX_SOURCE_PIXELS, MAX_SOURCE_SIDE, SourceInfo, read_source_info,
};
pub use self::encode::{Format, FormatChoice};
pub use self::error::ImageError;
pub use self::op::{FOCUS_NAMES, Focus, Geometry, OPERATION_NAMES, Operation, Rect};
pub use self::requests::ImageRequests;
