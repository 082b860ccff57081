//! What can go wrong with one image, always with the file it concerns, and how each
//! problem reads for the editor as a [`Diagnostic`].

use std::path::{Path, PathBuf};

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
        detail: String,
    },
    /// Not an image format menhu reads.
    #[error("`{}` is not an image menhu can read: {detail}", display_path(path))]
    Unsupported {
        /// The source.
        path: PathBuf,
        /// What was found.
        detail: String,
    },
    /// The file claims to be an image but does not decode.
    #[error("image `{}` is damaged: {detail}", display_path(path))]
    Damaged {
        /// The source.
        path: PathBuf,
        /// The decoder's words.
        detail: String,
    },
    /// Over the size limits (file bytes, sides, pixels or memory).
    #[error("image `{}` is too large: {detail}", display_path(path))]
    TooLarge {
        /// The source.
        path: PathBuf,
        /// Which limit, with the numbers.
        detail: String,
    },
    /// The resize request cannot be met (bad arguments, a copy too large).
    #[error("cannot resize `{}`: {detail}", display_path(path))]
    BadRequest {
        /// The source.
        path: PathBuf,
        /// What is wrong with the request.
        detail: String,
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
        detail: String,
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
        let (code, expected, help) = match self {
            ImageError::OutsideSite { diagnostic, .. } => return (**diagnostic).clone(),
            ImageError::Unreadable { .. } => (
                "E0250",
                "an image file inside the site",
                "check that the file exists and is readable, and that it is not a link to a file outside the site",
            ),
            ImageError::Unsupported { .. } => (
                "E0251",
                "a JPEG, PNG, WebP or GIF image",
                "save the picture as JPEG (photos) or PNG (drawings, screenshots) and use that file",
            ),
            ImageError::Damaged { .. } => (
                "E0252",
                "an image file that opens in an image viewer",
                "open the picture in an image editor and save it again as JPEG or PNG, or copy it again from its source",
            ),
            ImageError::TooLarge { .. } => (
                "E0253",
                "a photo of at most 100 megapixels and 100 MB",
                "reduce the picture in an image editor (a width of 2500 pixels is plenty for the web) and save it again",
            ),
            ImageError::BadRequest { .. } => (
                "E0254",
                "a width and height from 1 to 10000 pixels, as the operation needs them",
                "fix the arguments of `resize_image` in the template",
            ),
            ImageError::Cache { .. } => (
                "E0255",
                "a writable `.menhu-cache/images` folder in the site",
                "check the free disk space and the permissions of `.menhu-cache/`, or delete that folder with `menhu build --clean-cache`",
            ),
        };
        Diagnostic::error(code, self.to_string())
            .in_file(self.path())
            .expected(expected)
            .help(help)
    }
}
