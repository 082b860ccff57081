//! Output formats and encoding. JPEG and PNG through the `image` crate; WebP through
//! libwebp (the `webp` crate), because `image`'s own WebP encoder is lossless only and
//! a lossless photo is several times the size of its JPEG. EXIF, when kept, goes into
//! JPEG's APP1 segment, PNG's `eXIf` chunk and WebP's `EXIF` chunk.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageEncoder, ImageFormat, RgbImage};

/// A format of published copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// JPEG: photos.
    Jpeg,
    /// PNG: drawings, screenshots, anything with transparency.
    Png,
    /// WebP (lossy): photos, smaller than JPEG at the same quality.
    WebP,
}

/// The format asked for: one of [`Format`], or `auto` (Zola's rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FormatChoice {
    /// JPEG for photos (lossy sources without transparency), PNG for the rest.
    #[default]
    Auto,
    /// This format.
    Exactly(Format),
}

impl FormatChoice {
    /// Parses Zola's names: `auto`, `jpg`/`jpeg`, `png`, `webp`.
    pub fn parse(name: &str) -> Option<FormatChoice> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "auto" => FormatChoice::Auto,
            "jpg" | "jpeg" => FormatChoice::Exactly(Format::Jpeg),
            "png" => FormatChoice::Exactly(Format::Png),
            "webp" => FormatChoice::Exactly(Format::WebP),
            _ => return None,
        })
    }

    /// The format for a source in `source` format, with or without an alpha channel.
    /// As in Zola, lossless sources (PNG, GIF, BMP…) stay PNG and photos become JPEG;
    /// a source with transparency also stays PNG, which JPEG cannot hold.
    pub fn resolve(self, source: ImageFormat, has_alpha: bool) -> Format {
        match self {
            FormatChoice::Exactly(format) => format,
            FormatChoice::Auto if has_alpha => Format::Png,
            FormatChoice::Auto => match source {
                ImageFormat::Jpeg | ImageFormat::WebP | ImageFormat::Avif => Format::Jpeg,
                _ => Format::Png,
            },
        }
    }
}

impl Format {
    /// The file extension of copies (`jpg`, `png`, `webp`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::WebP => "webp",
        }
    }

    /// Whether the format takes a quality setting.
    pub fn is_lossy(self) -> bool {
        self != Format::Png
    }
}

/// `image` encoded as `format` at `quality` (1–100, lossy formats only), carrying
/// `exif` when given. The error is the encoder's words.
pub(crate) fn encode(
    image: &DynamicImage,
    format: Format,
    quality: u8,
    exif: Option<&[u8]>,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb = opaque(image);
            let mut encoder = JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100));
            if let Some(exif) = exif {
                let _ = encoder.set_exif_metadata(exif.to_vec());
            }
            encoder
                .write_image(
                    rgb.as_raw(),
                    rgb.width(),
                    rgb.height(),
                    ExtendedColorType::Rgb8,
                )
                .map_err(|err| err.to_string())?;
        }
        Format::Png => {
            let mut encoder = PngEncoder::new_with_quality(
                &mut out,
                CompressionType::Default,
                FilterType::Adaptive,
            );
            if let Some(exif) = exif {
                let _ = encoder.set_exif_metadata(exif.to_vec());
            }
            encoder
                .write_image(
                    image.as_bytes(),
                    image.width(),
                    image.height(),
                    image.color().into(),
                )
                .map_err(|err| err.to_string())?;
        }
        Format::WebP => {
            out = encode_webp(image, quality)?;
            if let Some(exif) = exif {
                out = with_webp_exif(&out, exif, image.width(), image.height());
            }
        }
    }
    Ok(out)
}

fn encode_webp(image: &DynamicImage, quality: u8) -> Result<Vec<u8>, String> {
    let (width, height) = (image.width(), image.height());
    let encoder = match image {
        DynamicImage::ImageRgba8(rgba) => webp::Encoder::from_rgba(rgba.as_raw(), width, height),
        DynamicImage::ImageRgb8(rgb) => webp::Encoder::from_rgb(rgb.as_raw(), width, height),
        other => return Err(format!("unexpected pixel layout {:?}", other.color())),
    };
    let memory = encoder
        .encode_simple(false, f32::from(quality.min(100)))
        .map_err(|err| format!("libwebp failed: {err:?}"))?;
    Ok(memory.to_vec())
}

/// The pixels without transparency, laid on white (JPEG has no alpha channel; a
/// transparent logo turns out on a white page as it looked on one).
fn opaque(image: &DynamicImage) -> std::borrow::Cow<'_, RgbImage> {
    match image {
        DynamicImage::ImageRgb8(rgb) => std::borrow::Cow::Borrowed(rgb),
        other => {
            let rgba = other.to_rgba8();
            let mut rgb = RgbImage::new(rgba.width(), rgba.height());
            for (to, from) in rgb.pixels_mut().zip(rgba.pixels()) {
                let alpha = u16::from(from.0[3]);
                for channel in 0..3 {
                    let value = u16::from(from.0[channel]);
                    // value·α + 255·(255 − α), over 255, rounded.
                    let blended = (value * alpha + 255 * (255 - alpha) + 127) / 255;
                    to.0[channel] = u8::try_from(blended).unwrap_or(u8::MAX);
                }
            }
            std::borrow::Cow::Owned(rgb)
        }
    }
}

/// A WebP file with an `EXIF` chunk added. libwebp's simple encoder writes no
/// metadata, so the RIFF container is extended here: a `VP8X` header chunk (with the
/// EXIF flag) is added or updated, the chunk appended, and the RIFF size fixed.
fn with_webp_exif(webp: &[u8], exif: &[u8], width: u32, height: u32) -> Vec<u8> {
    const EXIF_FLAG: u8 = 0x08;
    let Some(chunks) = webp.get(12..) else {
        return webp.to_vec();
    };
    let mut body = b"WEBP".to_vec();
    if chunks.starts_with(b"VP8X") && chunks.len() > 8 {
        let mut chunks = chunks.to_vec();
        chunks[8] |= EXIF_FLAG;
        body.extend_from_slice(&chunks);
    } else {
        let mut header = [0u8; 10];
        header[0] = EXIF_FLAG;
        header[4..7].copy_from_slice(&(width.saturating_sub(1)).to_le_bytes()[..3]);
        header[7..10].copy_from_slice(&(height.saturating_sub(1)).to_le_bytes()[..3]);
        push_chunk(&mut body, b"VP8X", &header);
        body.extend_from_slice(chunks);
    }
    push_chunk(&mut body, b"EXIF", exif);
    let mut file = b"RIFF".to_vec();
    file.extend_from_slice(&riff_size(body.len()).to_le_bytes());
    file.extend_from_slice(&body);
    file
}

/// Appends a RIFF chunk: four-letter name, little-endian size, data, even padding.
fn push_chunk(out: &mut Vec<u8>, name: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(name);
    out.extend_from_slice(&riff_size(data.len()).to_le_bytes());
    out.extend_from_slice(data);
    if data.len() % 2 == 1 {
        out.push(0);
    }
}

fn riff_size(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}
