//! Batches of resize jobs: each job is planned (its copy named and sized from the
//! source's header), then every copy missing from the cache is made, in parallel, one
//! decode per source for all its copies and one resize per size for all its formats.
//! A copy's name is the hash of everything that shapes its bytes, so equal requests
//! share one copy and a changed photo, size, format, quality or metadata policy gets a
//! new one.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::DynamicImage;
use rayon::prelude::*;

use super::decode::{self, Decoded, SourceInfo};
use super::encode::{self, Format, FormatChoice};
use super::metadata::{self, MetadataPolicy};
use super::op::{Geometry, Operation};
use super::{ImageCache, ImageError};
use crate::bounds::SiteBounds;
use crate::config::images::{ImagesConfig, MAX_OUTPUT_PX};
use crate::diag::text::Said;

/// Bumped whenever the pixels menhu makes for the same request change (a new resize
/// filter, an encoder setting), so old cache entries are not reused.
const PIPELINE_VERSION: &str = "menhu-images-1";

/// One copy to make: a source (relative to the site root), an operation, a format and
/// optionally a quality (the config's for the format otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageJob {
    /// Source image, relative to the site root.
    pub source: PathBuf,
    /// What to do with it.
    pub op: Operation,
    /// Output format.
    pub format: FormatChoice,
    /// Quality (1–100) for JPEG and WebP; `None`: `[images]` decides.
    pub quality: Option<u8>,
}

/// A copy named and sized, not necessarily made yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The source.
    pub source: SourceInfo,
    /// Crop and size.
    pub geometry: Geometry,
    /// Output format.
    pub format: Format,
    /// Quality used (0 for PNG, which has none).
    pub quality: u8,
    /// The copy's file name (`<hash>.<ext>`), in the cache and in the output.
    pub file_name: String,
}

/// A copy, once made or found in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    /// File name in the cache (and in `processed_images/` of the output).
    pub file_name: String,
    /// Where the copy is, in the cache.
    pub path: PathBuf,
    /// Width of the copy.
    pub width: u32,
    /// Height of the copy.
    pub height: u32,
    /// Upright width of the source.
    pub orig_width: u32,
    /// Upright height of the source.
    pub orig_height: u32,
    /// Format of the copy.
    pub format: Format,
}

/// What [`ImageProcessor::run`] did.
#[derive(Debug, Default)]
pub struct BatchReport {
    /// Copies made now.
    pub made: usize,
    /// Copies found in the cache.
    pub reused: usize,
    /// Problems, one per failed source or copy, sorted by source.
    pub errors: Vec<ImageError>,
}

/// Makes copies of a site's images into its cache.
#[derive(Debug, Clone)]
pub struct ImageProcessor {
    root: PathBuf,
    bounds: SiteBounds,
    cache: ImageCache,
    jpeg_quality: u8,
    webp_quality: u8,
    metadata: MetadataPolicy,
}

impl ImageProcessor {
    /// A processor for the site at `root`, reading within `bounds`, with its
    /// `[images]` settings and cache.
    pub fn new(
        root: &Path,
        bounds: SiteBounds,
        config: &ImagesConfig,
        cache: ImageCache,
    ) -> ImageProcessor {
        ImageProcessor {
            root: root.to_path_buf(),
            bounds,
            cache,
            jpeg_quality: config.jpeg_quality,
            webp_quality: config.webp_quality,
            metadata: MetadataPolicy::from_config(config.keep_exif, config.keep_location),
        }
    }

    /// The cache copies go to.
    pub fn cache(&self) -> &ImageCache {
        &self.cache
    }

    /// Reads the header of `source` (relative to the site root): its upright size,
    /// format and content hash.
    pub fn inspect(&self, source: &Path) -> Result<SourceInfo, ImageError> {
        decode::read_source_info(&self.root, &self.bounds, source)
    }

    /// Names and sizes the copy `job` asks of `source` (from [`Self::inspect`]).
    pub fn plan(&self, source: &SourceInfo, job: &ImageJob) -> Result<Plan, ImageError> {
        let bad = |detail: Said| ImageError::BadRequest {
            path: source.path.clone(),
            detail,
        };
        if job.op.largest_side() > MAX_OUTPUT_PX {
            return Err(bad(crate::t!(
                "image-detail-copy-side",
                side = job.op.largest_side(),
                limit = MAX_OUTPUT_PX
            )));
        }
        let geometry = Geometry::of(&job.op, source.width, source.height);
        if geometry.width.max(geometry.height) > MAX_OUTPUT_PX {
            return Err(bad(crate::t!(
                "image-detail-copy-size",
                operation = crate::diag::text::display(job.op),
                width = geometry.width,
                height = geometry.height,
                limit = MAX_OUTPUT_PX
            )));
        }
        let format = job.format.resolve(source.format, source.has_alpha);
        let quality = match (format, job.quality) {
            (Format::Png, _) => 0,
            (_, Some(q)) if (1..=100).contains(&q) => q,
            (_, Some(q)) => return Err(bad(crate::t!("image-detail-quality", quality = q))),
            (Format::Jpeg, None) => self.jpeg_quality,
            (Format::WebP, None) => self.webp_quality,
        };
        let file_name = format!(
            "{}.{}",
            self.key(source, &geometry, format, quality),
            format.extension()
        );
        Ok(Plan {
            source: source.clone(),
            geometry,
            format,
            quality,
            file_name,
        })
    }

    /// The cache key: everything that shapes the copy's bytes.
    fn key(&self, source: &SourceInfo, geometry: &Geometry, format: Format, quality: u8) -> String {
        let crop = geometry.crop;
        let text = format!(
            "{PIPELINE_VERSION}\n{}\n{} {} {} {} -> {} {}\n{} {}\n{}",
            source.hash,
            crop.x,
            crop.y,
            crop.width,
            crop.height,
            geometry.width,
            geometry.height,
            format.extension(),
            quality,
            self.metadata.key(),
        );
        let hash = blake3::hash(text.as_bytes()).to_hex();
        hash.as_str()[..24].to_owned()
    }

    /// Plans and makes the copies `jobs` ask for; one result per job, in order.
    pub fn process(&self, jobs: &[ImageJob]) -> (Vec<Result<Processed, ImageError>>, BatchReport) {
        let mut sources: HashMap<&Path, Result<SourceInfo, ImageError>> = HashMap::new();
        let unique: Vec<&Path> = {
            let mut seen: Vec<&Path> = jobs.iter().map(|j| j.source.as_path()).collect();
            seen.sort();
            seen.dedup();
            seen
        };
        let inspected: Vec<_> = unique
            .par_iter()
            .map(|path| (*path, self.inspect(path)))
            .collect();
        sources.extend(inspected);
        let plans: Vec<Result<Plan, ImageError>> = jobs
            .iter()
            .map(|job| match &sources[job.source.as_path()] {
                Ok(info) => self.plan(info, job),
                Err(err) => Err(err.clone()),
            })
            .collect();
        let report = self.run(
            plans
                .iter()
                .filter_map(|p| p.as_ref().ok())
                .cloned()
                .collect(),
        );
        let failed: HashMap<&Path, &ImageError> =
            report.errors.iter().map(|e| (e.path(), e)).collect();
        let results = plans
            .into_iter()
            .map(|plan| {
                let plan = plan?;
                match failed.get(plan.source.path.as_path()) {
                    Some(err) if !self.cache.contains(&plan.file_name) => Err((*err).clone()),
                    _ => Ok(self.processed(&plan)),
                }
            })
            .collect();
        (results, report)
    }

    /// What `plan` gives once made.
    pub fn processed(&self, plan: &Plan) -> Processed {
        Processed {
            file_name: plan.file_name.clone(),
            path: self.cache.entry_path(&plan.file_name),
            width: plan.geometry.width,
            height: plan.geometry.height,
            orig_width: plan.source.width,
            orig_height: plan.source.height,
            format: plan.format,
        }
    }

    /// Makes every copy of `plans` not yet in the cache: sources in parallel, each
    /// decoded once. Plans naming the same copy are made once.
    pub fn run(&self, plans: Vec<Plan>) -> BatchReport {
        let mut by_source: BTreeMap<PathBuf, Vec<Plan>> = BTreeMap::new();
        let mut seen = std::collections::HashSet::new();
        let mut reused = 0;
        for plan in plans {
            if !seen.insert(plan.file_name.clone()) {
                continue;
            }
            if self.cache.contains(&plan.file_name) {
                reused += 1;
            } else {
                by_source
                    .entry(plan.source.path.clone())
                    .or_default()
                    .push(plan);
            }
        }
        let outcomes: Vec<(usize, Vec<ImageError>)> = by_source
            .into_par_iter()
            .map(|(path, plans)| self.make_copies(&path, &plans))
            .collect();
        let mut report = BatchReport {
            reused,
            ..BatchReport::default()
        };
        for (made, errors) in outcomes {
            report.made += made;
            report.errors.extend(errors);
        }
        report
    }

    /// Decodes `path` once and makes each copy of `plans`; the number made and the
    /// problems.
    fn make_copies(&self, path: &Path, plans: &[Plan]) -> (usize, Vec<ImageError>) {
        let decoded = decode::read_source(&self.root, &self.bounds, path).and_then(|bytes| {
            check_unchanged(path, &bytes, plans)?;
            decode::decode(path, &bytes, self.metadata != MetadataPolicy::Strip)
        });
        let decoded = match decoded {
            Ok(decoded) => decoded,
            Err(err) => return (0, vec![err]),
        };
        let exif = metadata::published_exif(decoded.exif.as_deref(), self.metadata);
        let mut by_geometry: BTreeMap<Geometry, Vec<&Plan>> = BTreeMap::new();
        for plan in plans {
            by_geometry.entry(plan.geometry).or_default().push(plan);
        }
        let results: Vec<Result<usize, ImageError>> = by_geometry
            .into_par_iter()
            .map(|(_, plans)| self.make_size(path, &decoded, &plans, exif.as_deref()))
            .collect();
        let mut made = 0;
        let mut errors = Vec::new();
        for result in results {
            match result {
                Ok(n) => made += n,
                Err(err) => errors.push(err),
            }
        }
        (made, errors)
    }

    /// Resizes once for `plans` (all of one geometry) and encodes each format.
    fn make_size(
        &self,
        path: &Path,
        decoded: &Decoded,
        plans: &[&Plan],
        exif: Option<&[u8]>,
    ) -> Result<usize, ImageError> {
        let Some(first) = plans.first() else {
            return Ok(0);
        };
        let resized =
            resize(&decoded.image, &first.geometry).map_err(|detail| ImageError::BadRequest {
                path: path.to_path_buf(),
                detail: detail.into(),
            })?;
        let image = resized.as_ref().unwrap_or(&decoded.image);
        for plan in plans {
            let bytes =
                encode::encode(image, plan.format, plan.quality, exif).map_err(|detail| {
                    ImageError::Cache {
                        path: path.to_path_buf(),
                        detail: crate::t!(
                            "image-detail-encoding",
                            format = plan.format.extension(),
                            reason = detail
                        ),
                    }
                })?;
            self.cache
                .write(&plan.file_name, &bytes)
                .map_err(|err| ImageError::Cache {
                    path: path.to_path_buf(),
                    detail: err.to_string().into(),
                })?;
        }
        Ok(plans.len())
    }
}

/// The source must still be the file that was planned: a photo replaced during the
/// build would otherwise be stored under the old photo's key.
fn check_unchanged(path: &Path, bytes: &[u8], plans: &[Plan]) -> Result<(), ImageError> {
    let hash = blake3::hash(bytes).to_hex();
    if plans.iter().all(|plan| plan.source.hash == hash.as_str()) {
        return Ok(());
    }
    Err(ImageError::Unreadable {
        path: path.to_path_buf(),
        detail: crate::t!("image-detail-changed"),
    })
}

/// The crop and resize of `geometry`; `None` when the source is already the copy.
fn resize(image: &DynamicImage, geometry: &Geometry) -> Result<Option<DynamicImage>, String> {
    if geometry.is_identity() {
        return Ok(None);
    }
    let has_alpha = image.color().has_alpha();
    let pixels = if has_alpha {
        fast_image_resize::PixelType::U8x4
    } else {
        fast_image_resize::PixelType::U8x3
    };
    let mut target = Image::new(geometry.width, geometry.height, pixels);
    let crop = geometry.crop;
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(
            f64::from(crop.x),
            f64::from(crop.y),
            f64::from(crop.width),
            f64::from(crop.height),
        );
    Resizer::new()
        .resize(image, &mut target, &options)
        .map_err(|err| err.to_string())?;
    let (width, height) = (target.width(), target.height());
    let buffer = target.into_vec();
    let resized = if has_alpha {
        image::RgbaImage::from_raw(width, height, buffer).map(DynamicImage::ImageRgba8)
    } else {
        image::RgbImage::from_raw(width, height, buffer).map(DynamicImage::ImageRgb8)
    };
    resized
        .map(Some)
        .ok_or_else(|| "the resized buffer has the wrong size".to_owned())
}
