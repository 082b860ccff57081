//! The copies a build asks for while its templates render (`resize_image`), gathered
//! from many threads at once. Each request is answered at once from the source's
//! header (URL, size), and its [`Plan`] kept; after rendering, the build makes every
//! planned copy in one parallel batch ([`ImageProcessor::run`]). Sources are read and
//! hashed once per build however many templates ask for them.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::ImageError;
use super::batch::{ImageJob, ImageProcessor, Plan, Processed};
use super::decode::SourceInfo;

/// The registry of one build's image requests.
#[derive(Debug)]
pub struct ImageRequests {
    processor: ImageProcessor,
    sources: Mutex<HashMap<PathBuf, Result<SourceInfo, ImageError>>>,
    plans: Mutex<BTreeMap<String, Plan>>,
}

impl ImageRequests {
    /// An empty registry whose copies `processor` makes.
    pub fn new(processor: ImageProcessor) -> ImageRequests {
        ImageRequests {
            processor,
            sources: Mutex::new(HashMap::new()),
            plans: Mutex::new(BTreeMap::new()),
        }
    }

    /// The processor copies are made with.
    pub fn processor(&self) -> &ImageProcessor {
        &self.processor
    }

    /// The header facts of `path` (relative to the site root), read once per build.
    pub fn source(&self, path: &Path) -> Result<SourceInfo, ImageError> {
        if let Some(known) = lock(&self.sources).get(path) {
            return known.clone();
        }
        // Read outside the lock: other threads go on with other sources meanwhile.
        let info = self.processor.inspect(path);
        lock(&self.sources).insert(path.to_path_buf(), info.clone());
        info
    }

    /// Plans the copy `job` asks for and notes it for [`Self::take_plans`]; what the
    /// copy will be, before it is made.
    pub fn request(&self, job: &ImageJob) -> Result<Processed, ImageError> {
        let source = self.source(&job.source)?;
        let plan = self.processor.plan(&source, job)?;
        let processed = self.processor.processed(&plan);
        lock(&self.plans).insert(plan.file_name.clone(), plan);
        Ok(processed)
    }

    /// The sources asked for that are no image menhu can read (not an image, damaged,
    /// too large to decode), by path: the pages show them as written, broken.
    pub fn unreadable(&self) -> Vec<ImageError> {
        let mut found: Vec<ImageError> = lock(&self.sources)
            .values()
            .filter_map(|known| known.as_ref().err())
            .filter(|e| {
                matches!(
                    e,
                    ImageError::Unsupported { .. }
                        | ImageError::Damaged { .. }
                        | ImageError::TooLarge { .. }
                )
            })
            .cloned()
            .collect();
        found.sort_by(|a, b| a.path().cmp(b.path()));
        found
    }

    /// Every copy asked for so far, by file name, leaving the registry empty.
    pub fn take_plans(&self) -> Vec<Plan> {
        std::mem::take(&mut *lock(&self.plans))
            .into_values()
            .collect()
    }
}

/// A poisoned lock only means another request panicked (caught by the render's safety
/// net); the maps hold whole entries, so they stay usable.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
