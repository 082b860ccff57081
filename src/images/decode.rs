//! Source images: read safely from inside the site, looked at (header only) to learn
//! their upright size and format, and decoded within limits. Decoding applies the EXIF
//! orientation, so every later step sees the photo the right way up.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::ImageError;
use crate::bounds::{Escape, SiteBounds};
use crate::diag::text::{Said, display};

/// The largest source file read, in bytes (100 MB).
pub const MAX_SOURCE_BYTES: u64 = 100_000_000;
/// The largest source width or height, in pixels.
pub const MAX_SOURCE_SIDE: u32 = 30_000;
/// The most pixels a source may have (100 megapixels): a 3 KB file that claims
/// 60 000 × 60 000 pixels is refused before a byte of memory is reserved for it.
pub const MAX_SOURCE_PIXELS: u64 = 100_000_000;
/// The most memory one decoder may reserve, in bytes.
const MAX_DECODER_ALLOC: u64 = 1024 * 1024 * 1024;

/// What is known of a source without decoding its pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// Path relative to the site root.
    pub path: PathBuf,
    /// BLAKE3 hash of the file's bytes, in hex.
    pub hash: String,
    /// Width once turned upright.
    pub width: u32,
    /// Height once turned upright.
    pub height: u32,
    /// The file's format, as read from its first bytes (not its extension).
    pub format: ImageFormat,
    /// Whether the pixels have an alpha channel.
    pub has_alpha: bool,
    /// File size in bytes.
    pub bytes: u64,
}

/// A decoded source: upright pixels and the EXIF block as the camera wrote it.
pub(crate) struct Decoded {
    pub image: DynamicImage,
    pub exif: Option<Vec<u8>>,
}

/// Reads `path` (relative to `root`, within `bounds`) and looks at its header.
pub fn read_source_info(
    root: &Path,
    bounds: &SiteBounds,
    path: &Path,
) -> Result<SourceInfo, ImageError> {
    let bytes = read_source(root, bounds, path)?;
    inspect(path, &bytes)
}

/// The bytes of `path`, a file of the site at `root`. A path that leaves `bounds`
/// (`..`, an absolute path, a symbolic link to elsewhere) is refused with the bounds'
/// error naming the link, and so is a file over [`MAX_SOURCE_BYTES`].
pub(crate) fn read_source(
    root: &Path,
    bounds: &SiteBounds,
    path: &Path,
) -> Result<Vec<u8>, ImageError> {
    let unreadable = |detail: Said| ImageError::Unreadable {
        path: path.to_path_buf(),
        detail,
    };
    let joined = root.join(path);
    let file = match bounds.resolve(&joined) {
        Ok(file) => file,
        Err(Escape::Unresolved(err)) => return Err(unreadable(err.to_string().into())),
        Err(escape) => {
            return Err(ImageError::OutsideSite {
                path: path.to_path_buf(),
                diagnostic: Box::new(bounds.escape_error(&joined, &escape)),
            });
        }
    };
    // Looked at before opening: opening a FIFO would wait for a writer forever.
    let metadata = std::fs::metadata(&file).map_err(|err| unreadable(err.to_string().into()))?;
    if !metadata.is_file() {
        return Err(unreadable(crate::t!("image-detail-not-a-file")));
    }
    let size = metadata.len();
    if size > MAX_SOURCE_BYTES {
        return Err(ImageError::TooLarge {
            path: path.to_path_buf(),
            detail: crate::t!("image-detail-bytes", size = size, limit = MAX_SOURCE_BYTES),
        });
    }
    let opened = std::fs::File::open(&file).map_err(|err| unreadable(err.to_string().into()))?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` also bounds a file that grows while it is read.
    opened
        .take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| unreadable(err.to_string().into()))?;
    Ok(bytes)
}

/// The header facts of an image held in `bytes`, read from `path`.
pub(crate) fn inspect(path: &Path, bytes: &[u8]) -> Result<SourceInfo, ImageError> {
    let (format, mut decoder) = open_decoder(path, bytes)?;
    let (width, height) = decoder.dimensions();
    let has_alpha = decoder.color_type().has_alpha();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (width, height) = upright_size(width, height, orientation);
    Ok(SourceInfo {
        path: path.to_path_buf(),
        hash: blake3::hash(bytes).to_hex().to_string(),
        width,
        height,
        format,
        has_alpha,
        bytes: bytes.len() as u64,
    })
}

/// Decodes `bytes` upright, with its EXIF block when `want_exif`.
pub(crate) fn decode(path: &Path, bytes: &[u8], want_exif: bool) -> Result<Decoded, ImageError> {
    let (_, mut decoder) = open_decoder(path, bytes)?;
    // A damaged EXIF block loses its metadata, never the photo.
    let exif = if want_exif {
        decoder.exif_metadata().ok().flatten()
    } else {
        None
    };
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|err| decode_error(path, err))?;
    image.apply_orientation(orientation);
    Ok(Decoded {
        image: eight_bit(image),
        exif,
    })
}

/// A decoder for `bytes` with its format, once the size is known to be within limits.
fn open_decoder<'a>(
    path: &Path,
    bytes: &'a [u8],
) -> Result<(ImageFormat, impl ImageDecoder + 'a), ImageError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|err| ImageError::Unreadable {
            path: path.to_path_buf(),
            detail: err.to_string().into(),
        })?;
    let Some(format) = reader.format() else {
        return Err(ImageError::Unsupported {
            path: path.to_path_buf(),
            detail: crate::t!("image-detail-not-an-image"),
        });
    };
    let mut reader = reader;
    reader.limits(limits());
    let decoder = reader
        .into_decoder()
        .map_err(|err| decode_error(path, err))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_SOURCE_PIXELS {
        return Err(ImageError::TooLarge {
            path: path.to_path_buf(),
            detail: crate::t!(
                "image-detail-pixels",
                width = width,
                height = height,
                limit = MAX_SOURCE_PIXELS / 1_000_000
            ),
        });
    }
    if width == 0 || height == 0 {
        return Err(ImageError::Damaged {
            path: path.to_path_buf(),
            detail: crate::t!("image-detail-zero-size", width = width, height = height),
        });
    }
    Ok((format, decoder))
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    limits.max_alloc = Some(MAX_DECODER_ALLOC);
    limits
}

/// The decoder's error in the editor's terms: a limit, a format, or damage.
fn decode_error(path: &Path, err: image::ImageError) -> ImageError {
    let path = path.to_path_buf();
    match err {
        image::ImageError::Limits(limit) => ImageError::TooLarge {
            path,
            detail: crate::t!(
                "image-detail-limits",
                reason = display(limit),
                side = MAX_SOURCE_SIDE,
                limit = MAX_SOURCE_PIXELS / 1_000_000
            ),
        },
        image::ImageError::Unsupported(unsupported) => ImageError::Unsupported {
            path,
            detail: unsupported.to_string().into(),
        },
        image::ImageError::IoError(io) => ImageError::Damaged {
            path,
            detail: crate::t!("image-detail-ends-early", reason = display(io)),
        },
        other => ImageError::Damaged {
            path,
            detail: other.to_string().into(),
        },
    }
}

/// The size of a `width` × `height` image once `orientation` is applied.
fn upright_size(width: u32, height: u32, orientation: Orientation) -> (u32, u32) {
    match orientation {
        Orientation::Rotate90
        | Orientation::Rotate270
        | Orientation::Rotate90FlipH
        | Orientation::Rotate270FlipH => (height, width),
        _ => (width, height),
    }
}

/// Every later step works on 8-bit RGB or RGBA (what JPEG, PNG and WebP copies hold);
/// an 8-bit RGB photo is moved, not copied.
fn eight_bit(image: DynamicImage) -> DynamicImage {
    match image {
        DynamicImage::ImageRgb8(_) | DynamicImage::ImageRgba8(_) => image,
        other if other.color().has_alpha() => DynamicImage::ImageRgba8(other.into_rgba8()),
        other => DynamicImage::ImageRgb8(other.into_rgb8()),
    }
}
