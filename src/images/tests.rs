//! Tests of the image pipeline on photos generated here: gradients with an EXIF block
//! (orientation, camera, location) written by the same crates menhu reads them with.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};
use image::codecs::jpeg::{JpegDecoder, JpegEncoder};
use image::{
    DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage,
};

use super::*;
use crate::config::images::ImagesConfig;

/// A `width` × `height` photo: red grows to the right, green downwards, so any
/// rotation or crop shows in the corners.
fn gradient(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        Rgb([
            (x * 255 / width.max(2).saturating_sub(1).max(1)).min(255) as u8,
            (y * 255 / height.max(2).saturating_sub(1).max(1)).min(255) as u8,
            60,
        ])
    })
}

/// A TIFF-structured EXIF block: orientation, camera make and a GPS position.
fn camera_exif(orientation: u16) -> Vec<u8> {
    let degrees = |d: u32| {
        Value::Rational(vec![
            Rational::from((d, 1)),
            Rational::from((0, 1)),
            Rational::from((0, 1)),
        ])
    };
    let fields = [
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![orientation]),
        },
        Field {
            tag: Tag::Make,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"MenhuCam".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: degrees(23),
        },
    ];
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, false).expect("EXIF written");
    out.into_inner()
}

fn jpeg_with_exif(image: &RgbImage, exif: Option<Vec<u8>>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, 92);
    if let Some(exif) = exif {
        encoder.set_exif_metadata(exif).expect("JPEG takes EXIF");
    }
    encoder
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("JPEG encoded");
    out
}

fn png(image: &DynamicImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, ImageFormat::Png)
        .expect("PNG encoded");
    out.into_inner()
}

struct Site {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        Site { _dir: dir, root }
    }

    fn write(&self, path: &str, bytes: &[u8]) -> PathBuf {
        let full = self.root.join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("folders");
        std::fs::write(&full, bytes).expect("written");
        PathBuf::from(path)
    }

    fn processor(&self, config: &ImagesConfig) -> ImageProcessor {
        let bounds = crate::bounds::SiteBounds::new(&self.root);
        ImageProcessor::new(&self.root, bounds, config, ImageCache::in_site(&self.root))
    }
}

fn job(source: &Path, op: Operation, format: FormatChoice) -> ImageJob {
    ImageJob {
        source: source.to_path_buf(),
        op,
        format,
        quality: None,
    }
}

fn webp() -> FormatChoice {
    FormatChoice::Exactly(Format::WebP)
}

fn jpeg() -> FormatChoice {
    FormatChoice::Exactly(Format::Jpeg)
}

fn processed_ok(results: Vec<Result<Processed, ImageError>>) -> Vec<Processed> {
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|err| panic!("expected a copy, got {err}")))
        .collect()
}

fn exif_of(bytes: &[u8]) -> Option<exif::Exif> {
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .expect("format");
    let mut decoder = reader.into_decoder().expect("decoder");
    let raw = decoder.exif_metadata().expect("metadata read")?;
    exif::Reader::new().read_raw(raw).ok()
}

#[test]
fn geometry_of_each_operation() {
    let fill = |w, h, focus| Operation::Fill {
        width: w,
        height: h,
        focus,
    };
    let rect = |x, y, width, height| Rect {
        x,
        y,
        width,
        height,
    };
    let whole = rect(0, 0, 4000, 3000);
    // (operation, expected crop, expected size) on a 4000 × 3000 source.
    let cases = [
        (Operation::FitWidth(960), whole, (960, 720)),
        (Operation::FitHeight(300), whole, (400, 300)),
        (
            Operation::Scale {
                width: 100,
                height: 100,
            },
            whole,
            (100, 100),
        ),
        (
            Operation::Fit {
                width: 1000,
                height: 1000,
            },
            whole,
            (1000, 750),
        ),
        (
            Operation::Fit {
                width: 9000,
                height: 9000,
            },
            whole,
            (4000, 3000),
        ),
        (
            fill(300, 300, Focus::Center),
            rect(500, 0, 3000, 3000),
            (300, 300),
        ),
        (
            fill(300, 300, Focus::Left),
            rect(0, 0, 3000, 3000),
            (300, 300),
        ),
        (
            fill(300, 300, Focus::BottomRight),
            rect(1000, 0, 3000, 3000),
            (300, 300),
        ),
        (
            fill(1600, 400, Focus::Top),
            rect(0, 0, 4000, 1000),
            (1600, 400),
        ),
        (
            fill(1600, 400, Focus::Bottom),
            rect(0, 2000, 4000, 1000),
            (1600, 400),
        ),
        (
            fill(1600, 400, Focus::Center),
            rect(0, 1000, 4000, 1000),
            (1600, 400),
        ),
        (
            fill(1200, 630, Focus::TopLeft),
            rect(0, 0, 4000, 2100),
            (1200, 630),
        ),
    ];
    for (op, crop, (width, height)) in cases {
        let geometry = Geometry::of(&op, 4000, 3000);
        assert_eq!(
            (geometry.crop, geometry.width, geometry.height),
            (crop, width, height),
            "{op}"
        );
    }
    // A sliver never becomes 0 pixels.
    let sliver = Geometry::of(&Operation::FitWidth(10), 10_000, 1);
    assert_eq!((sliver.width, sliver.height), (10, 1));
}

#[test]
fn operations_and_focus_parse_with_zola_names() {
    let op = Operation::parse("fill", Some(300), Some(200), Focus::Top);
    assert_eq!(
        op,
        Ok(Operation::Fill {
            width: 300,
            height: 200,
            focus: Focus::Top
        })
    );
    assert_eq!(
        Operation::parse("fit_width", Some(480), None, Focus::Center),
        Ok(Operation::FitWidth(480))
    );
    let missing = Operation::parse("fit", Some(480), None, Focus::Center);
    assert_eq!(
        missing,
        Err("`op=\"fit\"` needs a `height` argument".to_owned())
    );
    let zero = Operation::parse("scale", Some(0), Some(10), Focus::Center);
    assert!(zero.is_err_and(|e| e.contains("at least 1")));
    let unknown = Operation::parse("crop", Some(1), Some(1), Focus::Center);
    assert!(unknown.is_err_and(|e| e.contains("「crop」") && e.contains("fit_width")));
    assert_eq!(Focus::parse("bottom_right"), Some(Focus::BottomRight));
    assert_eq!(Focus::parse(" Top-Left "), Some(Focus::TopLeft));
    assert_eq!(Focus::parse("nowhere"), None);
}

#[test]
fn auto_format_follows_the_source() {
    let auto = FormatChoice::Auto;
    assert_eq!(auto.resolve(ImageFormat::Jpeg, false), Format::Jpeg);
    assert_eq!(auto.resolve(ImageFormat::Png, false), Format::Png);
    assert_eq!(auto.resolve(ImageFormat::Gif, false), Format::Png);
    assert_eq!(auto.resolve(ImageFormat::WebP, false), Format::Jpeg);
    assert_eq!(auto.resolve(ImageFormat::WebP, true), Format::Png);
    assert_eq!(webp().resolve(ImageFormat::Png, true), Format::WebP);
    assert_eq!(FormatChoice::parse("jpg"), Some(jpeg()));
    assert_eq!(FormatChoice::parse("JPEG"), Some(jpeg()));
    assert_eq!(FormatChoice::parse("avif"), None);
}

#[test]
fn exif_orientation_is_applied_and_metadata_stripped_by_default() {
    let site = Site::new();
    // Stored 400 × 300 with orientation 6: shown rotated 90° clockwise, 300 × 400.
    let stored = gradient(400, 300);
    let source = site.write(
        "content/news/a/photo.jpg",
        &jpeg_with_exif(&stored, Some(camera_exif(6))),
    );
    let processor = site.processor(&ImagesConfig::default());
    let info = processor.inspect(&source).expect("inspected");
    assert_eq!((info.width, info.height), (300, 400));
    let (results, report) = processor.process(&[
        job(&source, Operation::FitWidth(150), jpeg()),
        job(&source, Operation::FitWidth(150), webp()),
    ]);
    let copies = processed_ok(results);
    assert_eq!((report.made, report.reused), (2, 0));
    for copy in &copies {
        assert_eq!(
            (copy.width, copy.height, copy.orig_width, copy.orig_height),
            (150, 200, 300, 400)
        );
        let bytes = std::fs::read(&copy.path).expect("copy in the cache");
        assert!(exif_of(&bytes).is_none(), "{} keeps EXIF", copy.file_name);
        let shown = image::load_from_memory(&bytes)
            .expect("copy decodes")
            .to_rgb8();
        assert_eq!(shown.dimensions(), (150, 200));
        // Rotated clockwise, the stored bottom-left (no red, full green) is now at
        // the top-left, and the stored top-left (black-ish) at the top-right.
        let top_left = shown.get_pixel(3, 3).0;
        let top_right = shown.get_pixel(146, 3).0;
        assert!(
            top_left[1] > 200 && top_left[0] < 50,
            "top-left {top_left:?}"
        );
        assert!(
            top_right[1] < 50 && top_right[0] < 50,
            "top-right {top_right:?}"
        );
    }
}

#[test]
fn keep_exif_keeps_the_camera_and_drops_location_unless_asked() {
    let site = Site::new();
    let source = site.write(
        "static/p.jpg",
        &jpeg_with_exif(&gradient(200, 100), Some(camera_exif(1))),
    );
    for (keep_location, formats) in [(false, [jpeg(), webp()]), (true, [jpeg(), webp()])] {
        let config = ImagesConfig {
            keep_exif: true,
            keep_location,
            ..ImagesConfig::default()
        };
        let processor = site.processor(&config);
        let jobs: Vec<ImageJob> = formats
            .iter()
            .map(|format| job(&source, Operation::FitWidth(50), *format))
            .collect();
        let (results, _) = processor.process(&jobs);
        for copy in processed_ok(results) {
            let bytes = std::fs::read(&copy.path).expect("copy");
            let exif = exif_of(&bytes).unwrap_or_else(|| panic!("{} has no EXIF", copy.file_name));
            let make = exif
                .get_field(Tag::Make, In::PRIMARY)
                .map(|f| f.display_value().to_string());
            assert_eq!(make.as_deref(), Some("\"MenhuCam\""), "{}", copy.file_name);
            let gps = exif.get_field(Tag::GPSLatitude, In::PRIMARY).is_some();
            assert_eq!(
                gps, keep_location,
                "{}: location kept = {gps}",
                copy.file_name
            );
            assert!(
                exif.get_field(Tag::Orientation, In::PRIMARY).is_none(),
                "orientation is applied, not kept"
            );
            image::load_from_memory(&bytes).expect("copy with EXIF still decodes");
        }
    }
}

#[test]
fn second_run_processes_nothing_and_prune_and_clean_tidy_the_cache() {
    let site = Site::new();
    let a = site.write(
        "content/a/photo.jpg",
        &jpeg_with_exif(&gradient(320, 240), None),
    );
    let b = site.write(
        "content/b/photo.jpg",
        &jpeg_with_exif(&gradient(240, 320), None),
    );
    let jobs: Vec<ImageJob> = [&a, &b]
        .into_iter()
        .flat_map(|source| {
            [100, 200].into_iter().flat_map(move |width| {
                [jpeg(), webp()].map(|format| job(source, Operation::FitWidth(width), format))
            })
        })
        .collect();
    let processor = site.processor(&ImagesConfig::default());
    let (first, report) = processor.process(&jobs);
    assert_eq!((report.made, report.reused, report.errors.len()), (8, 0, 0));
    let (second, report) = processor.process(&jobs);
    assert_eq!((report.made, report.reused), (0, 8));
    assert_eq!(processed_ok(first), processed_ok(second));

    // A changed setting is a new copy; so is a changed photo.
    let sharper = ImagesConfig {
        jpeg_quality: 95,
        ..ImagesConfig::default()
    };
    let (_, report) = site.processor(&sharper).process(&jobs);
    assert_eq!(
        (report.made, report.reused),
        (4, 4),
        "only the JPEG copies change"
    );
    site.write(
        "content/a/photo.jpg",
        &jpeg_with_exif(&gradient(300, 240), None),
    );
    let (results, report) = processor.process(&jobs[..4]);
    assert_eq!(report.made, 4);
    let used: HashSet<String> = processed_ok(results)
        .into_iter()
        .map(|p| p.file_name)
        .collect();

    let cache = processor.cache();
    let pruned = cache.prune(&used).expect("pruned");
    assert_eq!(
        pruned,
        PruneReport {
            kept: 4,
            removed: 12
        }
    );
    let left: HashSet<String> = std::fs::read_dir(cache.dir())
        .expect("cache folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, used);
    cache.clean().expect("cleaned");
    assert!(!cache.dir().exists());
    assert!(
        site.root.join("content/a/photo.jpg").exists(),
        "sources are never touched"
    );
}

#[test]
fn a_copy_cut_short_in_the_cache_is_made_again() {
    let site = Site::new();
    let photo = site.write(
        "content/a/photo.jpg",
        &jpeg_with_exif(&gradient(320, 240), None),
    );
    let logo = site.write(
        "static/logo.png",
        &png(&DynamicImage::ImageRgba8(RgbaImage::from_pixel(
            64,
            64,
            Rgba([0, 0, 200, 128]),
        ))),
    );
    let jobs = [
        job(&photo, Operation::FitWidth(100), jpeg()),
        job(&photo, Operation::FitWidth(100), webp()),
        job(&logo, Operation::FitWidth(32), FormatChoice::Auto),
    ];
    let processor = site.processor(&ImagesConfig::default());
    let (first, report) = processor.process(&jobs);
    assert_eq!((report.made, report.errors.len()), (3, 0));
    let copies = processed_ok(first);
    for copy in &copies {
        let bytes = std::fs::read(&copy.path).expect("copy in the cache");
        std::fs::write(&copy.path, &bytes[..bytes.len() / 2]).expect("cut short");
    }
    let (second, report) = processor.process(&jobs);
    assert_eq!(
        (report.made, report.reused),
        (3, 0),
        "every damaged copy is made again"
    );
    assert_eq!(processed_ok(second), copies);
    for copy in &copies {
        let bytes = std::fs::read(&copy.path).expect("copy in the cache");
        image::load_from_memory(&bytes).expect("a whole image again");
    }
    let (_, report) = processor.process(&jobs);
    assert_eq!(
        (report.made, report.reused),
        (0, 3),
        "whole copies are kept"
    );
}

#[test]
fn quality_from_config_and_from_the_job() {
    let site = Site::new();
    let source = site.write("p.jpg", &jpeg_with_exif(&gradient(400, 400), None));
    let size_at = |jpeg_quality: u8, job_quality: Option<u8>| {
        let config = ImagesConfig {
            jpeg_quality,
            ..ImagesConfig::default()
        };
        let mut asked = job(&source, Operation::FitWidth(300), jpeg());
        asked.quality = job_quality;
        let (results, _) = site.processor(&config).process(&[asked]);
        let copy = processed_ok(results).remove(0);
        std::fs::metadata(copy.path).expect("copy").len()
    };
    assert!(size_at(20, None) < size_at(95, None));
    assert_eq!(size_at(20, Some(95)), size_at(95, None));
    let mut bad = job(&source, Operation::FitWidth(300), jpeg());
    bad.quality = Some(0);
    let (results, _) = site.processor(&ImagesConfig::default()).process(&[bad]);
    assert!(
        matches!(&results[0], Err(ImageError::BadRequest { .. })),
        "{results:?}"
    );
    let Err(error) = &results[0] else {
        unreachable!()
    };
    let d = error.diagnostic();
    assert_eq!(d.code, "E0254");
    assert!(
        d.message_in(crate::diag::Lang::ZhHans)
            .ends_with("质量 0 不在 1 到 100 之间"),
        "{}",
        d.message_in(crate::diag::Lang::ZhHans)
    );
}

#[test]
fn transparency_stays_in_png_and_turns_white_in_jpeg() {
    let site = Site::new();
    let logo = RgbaImage::from_fn(64, 64, |x, _| {
        if x < 32 {
            Rgba([0, 0, 200, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    let source = site.write("static/logo.png", &png(&DynamicImage::ImageRgba8(logo)));
    let processor = site.processor(&ImagesConfig::default());
    let (results, _) = processor.process(&[
        job(&source, Operation::FitWidth(32), FormatChoice::Auto),
        job(&source, Operation::FitWidth(32), jpeg()),
        job(&source, Operation::FitWidth(32), webp()),
    ]);
    let copies = processed_ok(results);
    assert_eq!(
        copies.iter().map(|c| c.format).collect::<Vec<_>>(),
        [Format::Png, Format::Jpeg, Format::WebP]
    );
    let auto = image::open(&copies[0].path).expect("png");
    assert!(auto.color().has_alpha());
    assert_eq!(
        auto.to_rgba8().get_pixel(30, 10).0[3],
        0,
        "transparent half kept"
    );
    let flat = image::open(&copies[1].path).expect("jpeg").to_rgb8();
    assert!(
        flat.get_pixel(30, 10).0.iter().all(|&c| c > 240),
        "{:?}",
        flat.get_pixel(30, 10)
    );
    let webp = image::open(&copies[2].path).expect("webp").to_rgba8();
    assert!(webp.get_pixel(30, 10).0[3] < 10, "WebP keeps transparency");
}

#[test]
fn bad_sources_are_diagnostics_naming_the_file() {
    let site = Site::new();
    let text = site.write("content/a/notes.jpg", b"not an image at all, just text");
    let mut truncated = jpeg_with_exif(&gradient(300, 200), None);
    // Cut inside the headers (a file cut in its pixels still decodes, grey below, as
    // browsers show it).
    truncated.truncate(100);
    let truncated = site.write("content/b/cut.jpg", &truncated);
    let bomb = site.write("content/c/bomb.png", &png_claiming(20_000, 20_000));
    let wide = site.write("content/d/wide.png", &png_claiming(40_000, 10));
    let missing = PathBuf::from("content/e/missing.jpg");
    let processor = site.processor(&ImagesConfig::default());
    let cases: [(&Path, &str); 5] = [
        (&text, "E0251"),
        (&truncated, "E0252"),
        (&bomb, "E0253"),
        (&wide, "E0253"),
        (&missing, "E0250"),
    ];
    for (source, code) in cases {
        let (results, _) = processor.process(&[job(source, Operation::FitWidth(100), jpeg())]);
        let err = match &results[0] {
            Err(err) => err,
            Ok(copy) => panic!("{} made a copy {copy:?}", source.display()),
        };
        let diagnostic = err.diagnostic();
        assert_eq!(diagnostic.code, code, "{}: {err}", source.display());
        assert_eq!(diagnostic.file.as_deref(), Some(source), "{err}");
        assert!(
            diagnostic.message.contains(&source.display().to_string()),
            "{}",
            diagnostic.message
        );
        assert!(diagnostic.help.is_some());
    }
}

#[test]
fn a_copy_too_large_is_refused_before_decoding() {
    let site = Site::new();
    let source = site.write("p.png", &png(&DynamicImage::ImageRgb8(gradient(10, 10))));
    let processor = site.processor(&ImagesConfig::default());
    let (results, _) = processor.process(&[job(&source, Operation::FitWidth(20_000), jpeg())]);
    assert!(
        matches!(&results[0], Err(ImageError::BadRequest { .. })),
        "{results:?}"
    );
    // A 10 px source asked for a 5000 px wide panorama slice is fine by size.
    let (results, _) = processor.process(&[job(
        &source,
        Operation::Scale {
            width: 5000,
            height: 10,
        },
        jpeg(),
    )]);
    assert!(results[0].is_ok(), "{results:?}");
}

/// A small valid PNG whose header claims `width` × `height` (the CRC fixed), as a
/// decompression bomb does.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = png(&DynamicImage::ImageRgb8(gradient(8, 8)));
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    bytes
}

#[cfg(unix)]
#[test]
fn links_out_of_the_site_are_never_followed() {
    let site = Site::new();
    let outside = tempfile::tempdir().expect("outside");
    let secret = outside.path().join("secret.jpg");
    std::fs::write(&secret, jpeg_with_exif(&gradient(50, 50), None)).expect("secret");
    std::fs::create_dir_all(site.root.join("content")).expect("content");
    std::os::unix::fs::symlink(&secret, site.root.join("content/link.jpg")).expect("link");
    let processor = site.processor(&ImagesConfig::default());
    let (results, _) = processor.process(&[job(
        Path::new("content/link.jpg"),
        Operation::FitWidth(10),
        jpeg(),
    )]);
    // Refused by the site's bounds, as every other read is: E0214 naming the link.
    let Err(err) = &results[0] else {
        panic!("a link out of the site was read: {results:?}");
    };
    let refused = err.diagnostic();
    assert_eq!(refused.code, "E0214", "{refused:?}");
    assert!(
        refused
            .message
            .contains("symbolic link `content/link.jpg` points outside the site"),
        "{}",
        refused.message
    );
    assert_eq!(refused.file.as_deref(), Some(Path::new("content/link.jpg")));
    let (results, _) = processor.process(&[job(
        Path::new("../secret.jpg"),
        Operation::FitWidth(10),
        jpeg(),
    )]);
    assert!(results[0].is_err());

    // A link into a hidden folder of the site (`.git`) is refused the same way.
    site.write(".git/config.jpg", &jpeg_with_exif(&gradient(50, 50), None));
    std::os::unix::fs::symlink(
        site.root.join(".git/config.jpg"),
        site.root.join("content/git.jpg"),
    )
    .expect("link");
    let (results, _) = processor.process(&[job(
        Path::new("content/git.jpg"),
        Operation::FitWidth(10),
        jpeg(),
    )]);
    assert!(
        matches!(&results[0], Err(ImageError::OutsideSite { diagnostic, .. }) if diagnostic.code == "E0214"),
        "{results:?}"
    );

    // A cache folder that is a link elsewhere is refused, and nothing lands there.
    let real = site.write("static/p.jpg", &jpeg_with_exif(&gradient(50, 50), None));
    std::os::unix::fs::symlink(outside.path(), site.root.join(".menhu-cache")).expect("cache link");
    let (results, report) = processor.process(&[job(&real, Operation::FitWidth(10), jpeg())]);
    assert!(
        matches!(&results[0], Err(ImageError::Cache { .. })),
        "{results:?}"
    );
    assert_eq!(report.errors.len(), 1);
    if let Err(error) = &results[0] {
        assert_eq!(error.diagnostic().code, "E0255");
    }
    assert!(
        !outside.path().join("images").exists(),
        "nothing written through the link"
    );
    processor
        .cache()
        .clean()
        .expect("clean refuses quietly or removes the link only");
    assert!(secret.exists(), "clean never deletes through a link");
}

#[test]
fn decoding_is_the_same_on_one_thread_and_many() {
    let site = Site::new();
    let sources: Vec<PathBuf> = (0..6)
        .map(|i| {
            site.write(
                &format!("content/p{i}/photo.jpg"),
                &jpeg_with_exif(&gradient(200 + i * 10, 150), None),
            )
        })
        .collect();
    let jobs: Vec<ImageJob> = sources
        .iter()
        .map(|s| {
            job(
                s,
                Operation::Fill {
                    width: 80,
                    height: 80,
                    focus: Focus::Center,
                },
                webp(),
            )
        })
        .collect();
    let run = |threads: usize| {
        let processor = site.processor(&ImagesConfig::default());
        processor.cache().clean().expect("clean");
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let copies = processed_ok(pool.install(|| processor.process(&jobs).0));
        copies
            .iter()
            .map(|c| std::fs::read(&c.path).expect("copy"))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(1), run(4));
}

#[test]
fn jpeg_decoder_sees_the_exif_written_for_tests() {
    // Guards the fixtures above: the EXIF block really is in the generated JPEG.
    let bytes = jpeg_with_exif(&gradient(20, 10), Some(camera_exif(6)));
    let mut decoder = JpegDecoder::new(Cursor::new(&bytes)).expect("jpeg");
    assert_eq!(
        decoder.orientation().expect("orientation"),
        image::metadata::Orientation::Rotate90
    );
}
