//! What can go wrong with one image, always with the file it concerns, and how each
//! problem reads for the editor as a [`Diagnostic`].

use std::path::{Path, PathBuf};

use crate::diag::text::Said;
use crate::diag::{Diagnostic, display_path};

/// A problem with one source image or its copy. `path` is relative to the site root.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ImageError {
    /// The file cannot be read, or resolves outside the site.
    #[error("cannot read image `{}`: {detail}", display_path(path))]
    Unreadable {
        /// The source.
        path: PathBuf,
        /// What the system said.
        detail: Said,
    },
    /// Not an image format menhu reads.
    #[error("`{}` is not an image menhu can read: {detail}", display_path(path))]
    Unsupported {
        /// The source.
        path: PathBuf,
        /// What was found.
        detail: Said,
    },
    /// The file claims to be an image but does not decode.
    #[error("image `{}` is damaged: {detail}", display_path(path))]
    Damaged {
        /// The source.
        path: PathBuf,
        /// The decoder's words.
        detail: Said,
    },
    /// Over the size limits (file bytes, sides, pixels or memory).
    #[error("image `{}` is too large: {detail}", display_path(path))]
    TooLarge {
        /// The source.
        path: PathBuf,
        /// Which limit, with the numbers.
        detail: Said,
    },
    /// The resize request cannot be met (bad arguments, a copy too large).
    #[error("cannot resize `{}`: {detail}", display_path(path))]
    BadRequest {
        /// The source.
        path: PathBuf,
        /// What is wrong with the request.
        detail: Said,
    },
    /// The file, or a link on its way, leads outside the site's bounds: the error of
    /// [`crate::bounds::SiteBounds`], naming the link, as for every other read.
    #[error("{}", .diagnostic.message)]
    OutsideSite {
        /// The source.
        path: PathBuf,
        /// The bounds' error (E0214).
        diagnostic: Box<Diagnostic>,
    },
    /// The copy could not be encoded or stored in the cache.
    #[error("cannot store the copy of `{}`: {detail}", display_path(path))]
    Cache {
        /// The source.
        path: PathBuf,
        /// What failed.
        detail: Said,
    },
}

impl ImageError {
    /// The source image the problem concerns.
    pub fn path(&self) -> &Path {
        match self {
            ImageError::Unreadable { path, .. }
            | ImageError::Unsupported { path, .. }
            | ImageError::Damaged { path, .. }
            | ImageError::TooLarge { path, .. }
            | ImageError::BadRequest { path, .. }
            | ImageError::OutsideSite { path, .. }
            | ImageError::Cache { path, .. } => path,
        }
    }

    /// The problem as the editor reads it, naming the file.
    pub fn diagnostic(&self) -> Diagnostic {
        let file = display_path(self.path());
        let (code, message, expected, help) = match self {
            ImageError::OutsideSite { diagnostic, .. } => return (**diagnostic).clone(),
            ImageError::Unreadable { detail, .. } => (
                "E0250",
                crate::t!("image-unreadable", file = file, reason = detail),
                crate::t!("image-unreadable.expected"),
                crate::t!("image-unreadable.help"),
            ),
            ImageError::Unsupported { detail, .. } => (
                "E0251",
                crate::t!("image-unsupported", file = file, reason = detail),
                crate::t!("image-unsupported.expected"),
                crate::t!("image-unsupported.help"),
            ),
            ImageError::Damaged { detail, .. } => (
                "E0252",
                crate::t!("image-damaged", file = file, reason = detail),
                crate::t!("image-damaged.expected"),
                crate::t!("image-damaged.help"),
            ),
            ImageError::TooLarge { detail, .. } => (
                "E0253",
                crate::t!("image-too-large", file = file, reason = detail),
                crate::t!("image-too-large.expected"),
                crate::t!("image-too-large.help"),
            ),
            ImageError::BadRequest { detail, .. } => (
                "E0254",
                crate::t!("image-bad-request", file = file, reason = detail),
                crate::t!("image-bad-request.expected"),
                crate::t!("image-bad-request.help"),
            ),
            ImageError::Cache { detail, .. } => (
                "E0255",
                crate::t!("image-cache", file = file, reason = detail),
                crate::t!("image-cache.expected"),
                crate::t!("image-cache.help"),
            ),
        };
        Diagnostic::error(code, message)
            .in_file(self.path())
            .expected(expected)
            .help(help)
    }
}
