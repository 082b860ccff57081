//! The default theme against axe-core (WCAG 2.1 A/AA and best practice) in headless
//! Chromium: every page type of the demo portal, the Traditional copy, and the high-
//! contrast mode. Any serious or critical violation fails. Skips with a printed reason
//! when Chromium, Node or axe-core is missing, unless `MENHU_REQUIRE_BROWSER=1`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{build_demo, free_port, run_cdp, tools_present};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Returns why the browser check cannot run, or `None` when it can.
fn missing_browser_tools() -> Option<String> {
    if !Path::new("/usr/bin/chromium").exists() {
        return Some("/usr/bin/chromium is not installed (apt-get install chromium)".into());
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".into());
    }
    let axe = axe_script();
    if !axe.exists() {
        // npm's own client and registry, into the git-ignored tests/browser/node_modules.
        let _ = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent"])
            .current_dir(repo().join("tests/browser"))
            .status();
    }
    if !axe.exists() {
        return Some("axe-core is missing: run `npm install --prefix tests/browser`".into());
    }
    None
}

fn axe_script() -> PathBuf {
    repo().join("tests/browser/node_modules/axe-core/axe.min.js")
}

/// Skips (returns false) or, when the environment demands browsers, fails.
pub fn browser_available(test: &str) -> bool {
    tools_present(test, missing_browser_tools())
}

/// One path per page type; each must exist in the built demo (so a renamed demo page
/// fails here instead of silently shrinking the check).
const PAGE_TYPES: &[(&str, &str)] = &[
    ("home", "/"),
    ("section list", "/news/"),
    ("sub-section list", "/news/tzgg/"),
    ("list with thumbnails", "/news/tbgz/"),
    ("article with a cover", "/news/quan-qu-ke-pu-ri-qi-dong/"),
    (
        "article with attachments",
        "/news/tzgg/jiang-jie-da-sai-bao-ming/",
    ),
    ("case study in a series", "/cases/teng-xian-she-qu-ke-xie/"),
    ("city page", "/cities/wuzhou/"),
    ("cities index", "/cities/"),
    ("province page", "/cities/guangxi/"),
    ("organization directory", "/orgs/"),
    ("organization page", "/orgs/wuzhou-kexie/"),
    (
        "series page",
        "/series/ke-xie-gai-ge-jin-xing-shi-di-fang-pian/",
    ),
    ("taxonomy list", "/tags/"),
    ("taxonomy term", "/tags/ke-pu/"),
    ("404", "/404.html"),
    ("Traditional home", "/zh-hant/"),
    (
        "Traditional article",
        "/zh-hant/news/tzgg/jiang-jie-da-sai-bao-ming/",
    ),
];

#[test]
fn every_page_type_of_the_demo_passes_axe() {
    if !browser_available("every_page_type_of_the_demo_passes_axe") {
        return;
    }
    let port = free_port();
    let site = build_demo(port);
    let mut paths: Vec<String> = Vec::new();
    for (kind, path) in PAGE_TYPES {
        let file = site.path().join(path.trim_start_matches('/'));
        let file = if path.ends_with('/') {
            file.join("index.html")
        } else {
            file
        };
        assert!(file.exists(), "the demo has no {kind} at {path}");
        paths.push((*path).to_owned());
    }
    // The search page belongs to the search feature; check it whenever it is built.
    if site.path().join("search/index.html").exists() {
        paths.push("/search/".into());
    }
    paths.push("/+contrast".into());
    paths.push("/news/tzgg/jiang-jie-da-sai-bao-ming/+contrast".into());
    paths.push("/orgs/+contrast".into());

    let axe = axe_script();
    let mut args: Vec<&str> = vec![axe.to_str().expect("a UTF-8 path")];
    args.extend(paths.iter().map(String::as_str));
    // Fails on serious or critical violations, or when the check could not run.
    let stdout = run_cdp("axe", site.path(), port, &args);
    assert!(
        stdout.contains("no serious or critical violations"),
        "{stdout}"
    );
}

#[test]
fn reading_aids_work_by_keyboard_and_are_remembered_across_pages() {
    if !browser_available("reading_aids_work_by_keyboard_and_are_remembered_across_pages") {
        return;
    }
    let port = free_port();
    let site = build_demo(port);
    let stdout = run_cdp("tools", site.path(), port, &["/", "/news/"]);
    assert!(stdout.contains("are remembered"), "{stdout}");
}

#[test]
fn the_photo_news_block_works_by_keyboard_and_pauses() {
    if !browser_available("the_photo_news_block_works_by_keyboard_and_pauses") {
        return;
    }
    let port = free_port();
    let site = build_demo(port);
    let stdout = run_cdp("carousel", site.path(), port, &["/"]);
    assert!(stdout.contains("works by keyboard and pauses"), "{stdout}");
    assert!(
        stdout.contains("\"label\":\"暂停轮播\"") && stdout.contains("\"label\":\"继续轮播\""),
        "{stdout}"
    );
    // The Traditional copy's button says both in Traditional.
    let stdout = run_cdp("carousel", site.path(), port, &["/zh-hant/"]);
    assert!(stdout.contains("works by keyboard and pauses"), "{stdout}");
    assert!(
        stdout.contains("\"label\":\"暫停輪播\"") && stdout.contains("\"label\":\"繼續輪播\""),
        "{stdout}"
    );
}

#[test]
fn without_script_the_photo_news_block_is_a_row_of_linked_photos() {
    let site = build_demo(8080);
    let home = std::fs::read_to_string(site.path().join("index.html")).unwrap();
    // Screen readers say what the block and its photos are in the page's language.
    assert!(
        home.contains("aria-roledescription=\"轮播图\"")
            && home.contains("aria-roledescription=\"幻灯片\""),
        "no photo block, or its roles not in Chinese"
    );
    let copy = std::fs::read_to_string(site.path().join("zh-hant/index.html")).unwrap();
    assert!(
        copy.contains("aria-roledescription=\"輪播圖\"")
            && copy.contains("aria-roledescription=\"幻燈片\""),
        "the Traditional copy's roles are not in Traditional"
    );
    // Every numbered link leads to a photo of the row; the buttons wait for script.
    let slides = home.matches("class=\"carousel-slide\" id=\"photo-").count();
    assert!(slides >= 3, "{slides} photos");
    for n in 1..=slides {
        assert!(
            home.contains(&format!("<a href=\"#photo-{n}\">")),
            "no link to photo {n}"
        );
    }
    assert!(home.contains("data-carousel-pause aria-pressed=\"false\" hidden"));
    assert_eq!(home.matches("data-carousel-step=").count(), 2);
}

#[test]
fn without_script_the_reading_aids_stay_hidden_and_the_page_is_whole() {
    let site = build_demo(8080);
    let home = std::fs::read_to_string(site.path().join("index.html")).unwrap();
    // The buttons need script, so the markup hides them; the script shows them.
    assert!(
        home.contains("data-a11y hidden>"),
        "toolbar not hidden without script"
    );
    assert!(home.contains("<a class=\"skip-link\" href=\"#main\">跳到正文</a>"));
    assert!(home.contains("<main id=\"main\""));
    for landmark in ["<header", "<nav class=\"main-nav\"", "<footer"] {
        assert!(home.contains(landmark), "no {landmark}");
    }
}
