//! Runs menhu's image pipeline on every JPEG under a site's `content/`, the way a build
//! will once templates ask for copies: each photo at the given widths (`fit_width`) in
//! each format, through the site's `.menhu-cache/images/`, then copied into
//! `public/processed_images/`. `bench/images.py` times it against Hugo and Zola.
//!
//! ```text
//! cargo run --release --example image_batch -- SITE [--widths 480,960,1600] [--formats webp,jpg] [--quality 75]
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use menhu::config::images::ImagesConfig;
use menhu::images::{FormatChoice, ImageCache, ImageJob, ImageProcessor, Operation};

struct Args {
    site: PathBuf,
    widths: Vec<u32>,
    formats: Vec<FormatChoice>,
    quality: Option<u8>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut parsed = Args {
        site: PathBuf::new(),
        widths: vec![480, 960, 1600],
        formats: vec![FormatChoice::parse("webp"), FormatChoice::parse("jpg")]
            .into_iter()
            .flatten()
            .collect(),
        quality: None,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--widths" => {
                parsed.widths = value()?
                    .split(',')
                    .map(|w| w.trim().parse().map_err(|_| format!("bad width {w}")))
                    .collect::<Result<_, _>>()?;
            }
            "--formats" => {
                parsed.formats = value()?
                    .split(',')
                    .map(|f| FormatChoice::parse(f).ok_or(format!("bad format {f}")))
                    .collect::<Result<_, _>>()?;
            }
            "--quality" => {
                parsed.quality = Some(value()?.parse().map_err(|_| "bad quality".to_owned())?);
            }
            site => parsed.site = PathBuf::from(site),
        }
    }
    if parsed.site.as_os_str().is_empty() {
        return Err(
            "usage: image_batch SITE [--widths 480,960,1600] [--formats webp,jpg] [--quality 75]"
                .into(),
        );
    }
    Ok(parsed)
}

/// Every `.jpg`/`.jpeg` under `content/`, relative to the site, sorted.
fn photos(site: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| x.eq_ignore_ascii_case("jpg") || x.eq_ignore_ascii_case("jpeg"))
        })
        .filter_map(|e| e.path().strip_prefix(site).ok().map(Path::to_path_buf))
        .collect();
    found.sort();
    found
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let jobs: Vec<ImageJob> = photos(&args.site)
        .into_iter()
        .flat_map(|source| {
            let formats = args.formats.clone();
            let quality = args.quality;
            args.widths.iter().flat_map(move |&width| {
                let source = source.clone();
                formats.clone().into_iter().map(move |format| ImageJob {
                    source: source.clone(),
                    op: Operation::FitWidth(width),
                    format,
                    quality,
                })
            })
        })
        .collect();
    let processor = ImageProcessor::new(
        &args.site,
        menhu::bounds::SiteBounds::new(&args.site),
        &ImagesConfig::default(),
        ImageCache::in_site(&args.site),
    );
    let (results, report) = processor.process(&jobs);
    let out = args.site.join("public/processed_images");
    if let Err(err) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    for result in results {
        match result {
            Ok(copy) => {
                if let Err(err) = std::fs::copy(&copy.path, out.join(&copy.file_name)) {
                    eprintln!("cannot copy {}: {err}", copy.file_name);
                    failed = true;
                }
            }
            Err(err) => {
                eprintln!(
                    "{}",
                    err.diagnostic().render_human(false, menhu::diag::Lang::En)
                );
                failed = true;
            }
        }
    }
    println!(
        "{} jobs: {} copies made, {} reused from the cache",
        jobs.len(),
        report.made,
        report.reused
    );
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
