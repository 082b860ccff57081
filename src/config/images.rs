//! The `[images]` table: how photos are published. Qualities of the JPEG and WebP
//! copies, the widths of responsive copies, when an original counts as too large to
//! publish as it is, and whether camera metadata (EXIF) and its location survive into
//! published copies. The raw mirror lives here beside its validation, as for `[check]`.
//! The image pipeline (`crate::images`) reads the validated [`ImagesConfig`].

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::validate::Report;
use crate::diag::Diagnostic;

/// JPEG quality when `[images] jpeg_quality` is not set.
pub const DEFAULT_JPEG_QUALITY: u8 = 80;
/// WebP quality when `[images] webp_quality` is not set.
pub const DEFAULT_WEBP_QUALITY: u8 = 80;
/// Widths of responsive copies when `[images] widths` is not set.
pub const DEFAULT_WIDTHS: [u32; 3] = [480, 960, 1600];
/// The `sizes` of responsive images when `[images] sizes` is not set: the width the
/// default theme gives an article's pictures.
pub const DEFAULT_SIZES: &str = "(max-width: 900px) 100vw, 800px";
/// An original larger than this many bytes is not published as it is (1 MB).
pub const DEFAULT_MAX_ORIGINAL_BYTES: u64 = 1_000_000;
/// An original wider or taller than this many pixels is not published as it is.
pub const DEFAULT_MAX_ORIGINAL_PX: u32 = 2500;
/// The largest width or height a processed copy may ask for.
pub const MAX_OUTPUT_PX: u32 = 10_000;

/// `[images]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawImages {
    pub jpeg_quality: Option<Spanned<i64>>,
    pub webp_quality: Option<Spanned<i64>>,
    pub widths: Option<Spanned<Vec<Spanned<i64>>>>,
    pub sizes: Option<String>,
    pub max_original_bytes: Option<Spanned<i64>>,
    pub max_original_px: Option<Spanned<i64>>,
    pub keep_original: Option<bool>,
    pub keep_exif: Option<bool>,
    pub keep_location: Option<Spanned<bool>>,
}

/// How photos are published (`[images]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImagesConfig {
    /// Quality of JPEG copies, 1–100.
    pub jpeg_quality: u8,
    /// Quality of WebP copies, 1–100.
    pub webp_quality: u8,
    /// Widths of responsive copies, in pixels, ascending, without repeats.
    pub widths: Vec<u32>,
    /// The `sizes` attribute of responsive images: how wide the theme shows them.
    pub sizes: String,
    /// Originals above this many bytes are not published as they are.
    pub max_original_bytes: u64,
    /// Originals wider or taller than this are not published as they are.
    pub max_original_px: u32,
    /// Publish originals even when they are over the limits above.
    pub keep_original: bool,
    /// Keep camera metadata (EXIF) in processed copies; stripped by default.
    pub keep_exif: bool,
    /// With `keep_exif`, also keep where the photo was taken (GPS fields).
    pub keep_location: bool,
}

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            jpeg_quality: DEFAULT_JPEG_QUALITY,
            webp_quality: DEFAULT_WEBP_QUALITY,
            widths: DEFAULT_WIDTHS.to_vec(),
            sizes: DEFAULT_SIZES.to_owned(),
            max_original_bytes: DEFAULT_MAX_ORIGINAL_BYTES,
            max_original_px: DEFAULT_MAX_ORIGINAL_PX,
            keep_original: false,
            keep_exif: false,
            keep_location: false,
        }
    }
}

/// `[images]` validated; problems are pushed onto `report`, and a bad value falls back
/// to its default so the rest of the file is still checked.
pub(crate) fn validate_images(raw: RawImages, report: &mut Report<'_>) -> ImagesConfig {
    let defaults = ImagesConfig::default();
    let keep_exif = raw.keep_exif.unwrap_or(false);
    let keep_location = raw.keep_location.as_ref().is_some_and(|v| *v.get_ref());
    if let Some(location) = &raw.keep_location
        && *location.get_ref()
        && !keep_exif
    {
        let warning = Diagnostic::warning("W0110", crate::t!("config-keep-location-alone"))
            .help(crate::t!("config-keep-location-alone.help"));
        report.push(warning, Some(location.span()));
    }
    ImagesConfig {
        jpeg_quality: quality(raw.jpeg_quality, "jpeg_quality", report)
            .unwrap_or(defaults.jpeg_quality),
        webp_quality: quality(raw.webp_quality, "webp_quality", report)
            .unwrap_or(defaults.webp_quality),
        widths: raw
            .widths
            .and_then(|w| widths(w, report))
            .unwrap_or(defaults.widths),
        sizes: raw
            .sizes
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(defaults.sizes),
        max_original_bytes: raw
            .max_original_bytes
            .and_then(|n| {
                in_range(
                    &n,
                    "max_original_bytes",
                    1,
                    i64::MAX,
                    "max_original_bytes = 1_000_000",
                    report,
                )
            })
            .map_or(defaults.max_original_bytes, |n| n.unsigned_abs()),
        max_original_px: raw
            .max_original_px
            .and_then(|n| pixels(&n, "max_original_px", report))
            .unwrap_or(defaults.max_original_px),
        keep_original: raw.keep_original.unwrap_or(false),
        keep_exif,
        keep_location: keep_exif && keep_location,
    }
}

fn quality(raw: Option<Spanned<i64>>, key: &str, report: &mut Report<'_>) -> Option<u8> {
    let value = raw?;
    let example = format!("{key} = 80");
    in_range(&value, key, 1, 100, &example, report).and_then(|n| u8::try_from(n).ok())
}

fn pixels(value: &Spanned<i64>, key: &str, report: &mut Report<'_>) -> Option<u32> {
    let example = format!("{key} = 2500");
    in_range(value, key, 1, i64::from(MAX_OUTPUT_PX), &example, report)
        .and_then(|n| u32::try_from(n).ok())
}

/// `widths`: at least one, each 1–[`MAX_OUTPUT_PX`]; sorted and without repeats.
fn widths(raw: Spanned<Vec<Spanned<i64>>>, report: &mut Report<'_>) -> Option<Vec<u32>> {
    let span = raw.span();
    let mut widths = Vec::new();
    let mut valid = true;
    for width in raw.into_inner() {
        match width_value(&width, report) {
            Some(w) => widths.push(w),
            None => valid = false,
        }
    }
    if valid && widths.is_empty() {
        let error = Diagnostic::error("E0102", crate::t!("config-images-no-widths"))
            .expected(crate::t!("config-images-no-widths.expected"))
            .help(crate::t!("config-images-no-widths.help"));
        report.push(error, Some(span));
        return None;
    }
    widths.sort_unstable();
    widths.dedup();
    valid.then_some(widths)
}

fn width_value(width: &Spanned<i64>, report: &mut Report<'_>) -> Option<u32> {
    let example = "widths = [480, 960, 1600]";
    in_range(
        width,
        "widths",
        1,
        i64::from(MAX_OUTPUT_PX),
        example,
        report,
    )
    .and_then(|n| u32::try_from(n).ok())
}

/// The value when it lies in `min..=max`; an E0102 at the value otherwise.
fn in_range(
    value: &Spanned<i64>,
    key: &str,
    min: i64,
    max: i64,
    example: &str,
    report: &mut Report<'_>,
) -> Option<i64> {
    let n = *value.get_ref();
    if (min..=max).contains(&n) {
        return Some(n);
    }
    let expected = if max == i64::MAX {
        crate::t!("config-images-at-least", min = min, example = example)
    } else {
        crate::t!(
            "config-images-between",
            min = min,
            max = max,
            example = example
        )
    };
    let error = Diagnostic::error(
        "E0102",
        crate::t!("config-images-out-of-range", key = key, value = n),
    )
    .expected(expected)
    .help(crate::t!("config-images-out-of-range.help", key = key));
    report.push(error, Some(value.span()));
    None
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;

    const MINIMAL: &str = "base_url = \"https://kx.example.org/\"\ntitle = \"某某市科协\"\n";

    fn parse(images: &str) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
        Config::parse(
            Path::new("site-config.toml"),
            &format!("{MINIMAL}[images]\n{images}"),
        )
    }

    #[test]
    fn defaults_without_the_table() {
        let (config, warnings) =
            Config::parse(Path::new("site-config.toml"), MINIMAL).expect("minimal loads");
        assert!(warnings.is_empty(), "{warnings:#?}");
        assert_eq!(config.images, ImagesConfig::default());
        assert_eq!(config.images.widths, [480, 960, 1600]);
        assert_eq!(config.images.max_original_bytes, 1_000_000);
        assert_eq!(config.images.max_original_px, 2500);
        assert!(!config.images.keep_original && !config.images.keep_exif);
        assert!(!config.images.keep_location);
    }

    #[test]
    fn every_key_is_read_and_widths_are_sorted() {
        let text = "jpeg_quality = 70\nwebp_quality = 65\nwidths = [1200, 400, 800, 400]\n\
                    max_original_bytes = 2_000_000\nmax_original_px = 3000\n\
                    keep_original = true\nkeep_exif = true\nkeep_location = true\n";
        let (config, warnings) = parse(text).expect("loads");
        assert!(warnings.is_empty(), "{warnings:#?}");
        let images = config.images;
        assert_eq!((images.jpeg_quality, images.webp_quality), (70, 65));
        assert_eq!(images.widths, [400, 800, 1200]);
        assert_eq!(images.max_original_bytes, 2_000_000);
        assert_eq!(images.max_original_px, 3000);
        assert!(images.keep_original && images.keep_exif && images.keep_location);
    }

    #[test]
    fn values_out_of_range_are_errors_at_the_value() {
        let errors = parse(
            "jpeg_quality = 0\nwebp_quality = 101\nwidths = [480, 0]\nmax_original_px = -5\n",
        )
        .expect_err("bad values are errors");
        let places: Vec<(&str, u32, String)> = errors
            .iter()
            .map(|d| (d.code, d.span.map_or(0, |s| s.line), d.message.clone()))
            .collect();
        assert_eq!(
            places,
            [
                ("E0102", 4, "`images.jpeg_quality` is 0".to_owned()),
                ("E0102", 5, "`images.webp_quality` is 101".to_owned()),
                ("E0102", 6, "`images.widths` is 0".to_owned()),
                ("E0102", 7, "`images.max_original_px` is -5".to_owned()),
            ]
        );
        assert!(
            errors[0]
                .expected
                .as_deref()
                .is_some_and(|e| e.contains("from 1 to 100")),
            "{:#?}",
            errors[0]
        );
    }

    #[test]
    fn empty_widths_and_unknown_keys_are_errors() {
        let errors = parse("widths = []\nquality = 80\n").expect_err("errors");
        let codes: Vec<&str> = errors.iter().map(|d| d.code).collect();
        assert!(
            codes.contains(&"E0102") && codes.contains(&"E0101"),
            "{errors:#?}"
        );
        let unknown = errors.iter().find(|d| d.code == "E0101").expect("E0101");
        assert!(
            unknown
                .help
                .as_deref()
                .is_some_and(|h| h.contains("jpeg_quality") || h.contains("webp_quality")),
            "{unknown:#?}"
        );
    }

    #[test]
    fn keep_location_without_keep_exif_warns_and_keeps_nothing() {
        let (config, warnings) = parse("keep_location = true\n").expect("loads");
        assert_eq!(warnings.len(), 1, "{warnings:#?}");
        assert_eq!(warnings[0].code, "W0110");
        assert!(!config.images.keep_location);
    }
}
