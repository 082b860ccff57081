//! Two Zola sites no one here wrote build with `menhu build` (issue #29): the test site
//! of Zola's repository (`test_site/`, whose templates extend the theme's) and Zola's
//! own documentation (`docs/`, with `compile_sass`), each writing at least 90 % of the
//! HTML paths Zola writes for it. Both build without an edit: the docs' image-processing
//! page calls `resize_image` and `get_image_metadata` from shortcodes, and reads
//! `page.assets` there.
//!
//! Zola's source is not part of this repository: point `MENHU_ZOLA_SOURCE` at a
//! snapshot of it (0.22), with Zola built in its `target/release/` (or named by
//! `MENHU_ZOLA_BIN`); without them the test says so and is skipped. Each site is copied
//! into a temporary folder first, so the snapshot is never written to.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

/// The share of Zola's HTML paths menhu must write.
const MIN_OVERLAP: f64 = 0.90;

struct Zola {
    source: PathBuf,
    binary: PathBuf,
}

fn zola() -> Option<Zola> {
    let Some(source) = std::env::var_os("MENHU_ZOLA_SOURCE").map(PathBuf::from) else {
        println!(
            "skipping zola_sites: set MENHU_ZOLA_SOURCE to a Zola 0.22 source snapshot (with Zola built in target/release) to build its test and docs sites"
        );
        return None;
    };
    let binary = std::env::var_os("MENHU_ZOLA_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| source.join("target/release/zola"));
    if !source.join("test_site/config.toml").is_file() || !binary.is_file() {
        println!(
            "skipping zola_sites: {} has no test_site/config.toml, or {} is not a Zola binary",
            source.display(),
            binary.display()
        );
        return None;
    }
    Some(Zola { source, binary })
}

/// Every `.html` file under `dir`, relative, `/`-separated.
fn html_paths(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .filter_map(|e| {
            let relative = e.path().strip_prefix(dir).ok()?;
            Some(relative.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}

/// Builds `name` with Zola and with menhu, unedited; returns (Zola's paths, menhu's, menhu's site).
fn build_both(zola: &Zola, name: &str) -> (BTreeSet<String>, BTreeSet<String>, Site) {
    let scratch = Site::empty();
    let zola_out = scratch.path("zola-out");
    let status = Command::new(&zola.binary)
        .arg("--root")
        .arg(zola.source.join(name))
        .arg("build")
        .arg("--output-dir")
        .arg(&zola_out)
        .output()
        .expect("zola runs");
    assert!(
        status.status.success(),
        "zola build of {name} failed:\n{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let site = Site::empty();
    copy_tree(&zola.source.join(name), site.root());
    let run = site.menhu(&["build"]);
    assert_eq!(run.code, 0, "menhu build of {name} failed:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    (
        html_paths(&zola_out),
        html_paths(&site.path("public")),
        site,
    )
}

fn assert_overlap(name: &str, zola: &BTreeSet<String>, menhu: &BTreeSet<String>) {
    let written = zola.intersection(menhu).count();
    let share = written as f64 / zola.len().max(1) as f64;
    let missing: Vec<&String> = zola.difference(menhu).collect();
    println!(
        "{name}: Zola writes {} HTML paths, menhu {}; {written} in common ({:.1} %)",
        zola.len(),
        menhu.len(),
        share * 100.0
    );
    assert!(
        share >= MIN_OVERLAP,
        "{name}: only {:.1} % of Zola's paths; missing {missing:?}",
        share * 100.0
    );
}

#[test]
fn zolas_test_site_and_docs_build_with_the_paths_zola_writes() {
    let Some(zola) = zola() else {
        return;
    };
    let (expected, written, site) = build_both(&zola, "test_site");
    assert_overlap("test_site", &expected, &written);
    // Templates extending the theme's (`{% extends 'sample/templates/index.html' %}`).
    assert!(site.output_exists("index.html"));
    assert!(site.output_exists("site.css"), "the test site's Sass");

    let (expected, written, site) = build_both(&zola, "docs");
    assert_overlap("docs", &expected, &written);
    // `compile_sass = true`: the stylesheet is compiled, not missing.
    let css = site.output("site.css");
    assert_contains(&css, "normalize.css");
    assert!(!css.contains("@import"), "imports are compiled in");
    // The image-processing page's shortcodes made their copies.
    let page = site.output("documentation/content/image-processing/index.html");
    let copies = page.matches("/processed_images/").count();
    assert!(copies >= 10, "{copies} processed images on the page");
    assert!(
        site.output_files()
            .iter()
            .any(|p| p.starts_with("processed_images/")),
        "copies are published"
    );
}
