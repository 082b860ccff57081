//! `menhu build --cache` keeps each page's rendered Markdown (`markdown.bin`) and
//! renders again only the Markdown whose reads changed: its body, its place, its
//! address, the address of a page it links to, the shortcode templates. Each step's
//! output is a clean build's, byte for byte; a damaged file is a note and a clean build.

use std::path::Path;

use crate::build_cache::{
    ENV, append, assert_cached_equals_clean, cached_build, demo, edit, reuse_counts,
};
use crate::support::*;

/// The page that links to [`TARGET`], and the page it links to.
const LINKING: &str = "content/news/tbgz/2024-08-22-fang-cheng-qu-ke-pu-da-ji.md";
const TARGET: &str = "content/news/tbgz/2025-06-12-hui-ju-si-chang-zi-yuan.md";

/// How many pages' Markdown the build rendered again, from its `--timings` line.
fn markdown_rendered(stderr: &str) -> usize {
    crate::build_cache::numbers_on_line(stderr, "build cache:")[2]
}

/// The cached output's page whose HTML holds `text`: its path.
fn page_holding(dir: &Path, text: &str) -> String {
    crate::build_cache::tree(&dir.join("cached"))
        .into_iter()
        .filter(|(path, _)| path.ends_with("index.html") && !path.starts_with("zh-hant/"))
        .find(|(_, bytes)| String::from_utf8_lossy(bytes).contains(text))
        .map(|(path, _)| path)
        .unwrap_or_else(|| panic!("no page holds {text:?}"))
}

fn set_slug(path: &Path, slug: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let rest = text.strip_prefix("+++\n").unwrap();
    std::fs::write(path, format!("+++\nslug = \"{slug}\"\n{rest}")).unwrap();
}

#[test]
fn only_the_markdown_whose_reads_changed_is_rendered_again() {
    let site = Site::empty();
    let dir = demo(&site);
    let first = assert_cached_equals_clean(&dir, "first build");
    let all = markdown_rendered(&first);
    assert!(all > 40, "every page's Markdown is rendered first: {all}");

    let unchanged = assert_cached_equals_clean(&dir, "no edit");
    assert_eq!(markdown_rendered(&unchanged), 0, "{unchanged}");

    append(&dir.join(TARGET), "\n正文新增的一句话，说明后续安排。\n");
    let body = assert_cached_equals_clean(&dir, "body edit");
    assert_eq!(markdown_rendered(&body), 1, "the edited page only");
    page_holding(&dir, "正文新增的一句话");

    // The linked page moves: the page linking to it has the new address.
    set_slug(&dir.join(TARGET), "si-chang-li-liang");
    let moved = assert_cached_equals_clean(&dir, "linked page moving");
    let again = markdown_rendered(&moved);
    assert!(
        (2..10).contains(&again),
        "the moved page and those linking to it: {again}"
    );
    let linking = page_holding(&dir, "/news/tbgz/si-chang-li-liang/#");
    assert_contains(&linking, "fang-cheng-qu");

    // The linking page itself moves: its address is read again (its headings' links
    // hold it), so its Markdown is rendered again.
    set_slug(&dir.join(LINKING), "fang-cheng-da-ji");
    let own = assert_cached_equals_clean(&dir, "page moving");
    assert_eq!(markdown_rendered(&own), 1, "{own}");
    assert!(
        dir.join("cached/news/tbgz/fang-cheng-da-ji/index.html")
            .is_file()
    );

    // Every page may call a shortcode: a shortcode template edit renders all again.
    append(
        &dir.join("themes/portal/templates/shortcodes/notice.html"),
        "<!-- 提示框 -->",
    );
    let shortcode = assert_cached_equals_clean(&dir, "shortcode template edit");
    assert_eq!(markdown_rendered(&shortcode), all, "{shortcode}");
    page_holding(&dir, "<!-- 提示框 -->");

    // The linked page is deleted: the link is broken, as in a clean build, not kept.
    std::fs::remove_file(dir.join(TARGET)).unwrap();
    let cache = dir.join("ci-cache");
    let args = ["build", "--cache", cache.to_str().unwrap(), "-o", "cached"];
    let run = menhu_env(&dir, &args, &ENV);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "E0210");
    assert_contains(&run.stderr, "fang-cheng-qu-ke-pu-da-ji.md");
}

#[test]
fn a_damaged_markdown_file_is_a_note_and_a_clean_build() {
    let site = Site::empty();
    let dir = demo(&site);
    let first = cached_build(&dir);
    let all = markdown_rendered(&first);
    let file = dir.join("ci-cache/markdown.bin");
    let bytes = std::fs::read(&file).unwrap();

    std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    let cut = assert_cached_equals_clean(&dir, "markdown.bin cut short");
    assert_contains(&cut, "W0501");
    assert_contains(&cut, "markdown.bin is damaged");
    assert_eq!(markdown_rendered(&cut), all);
    assert_eq!(reuse_counts(&cut).1, 0, "a clean build");

    // One render's bytes changed: found when read, and the build made clean.
    let data = dir.join("ci-cache/markdown.0.data");
    let mut garbled = std::fs::read(&data).unwrap();
    garbled[100] ^= 0x20;
    std::fs::write(&data, &garbled).unwrap();
    let flipped = assert_cached_equals_clean(&dir, "a render garbled");
    assert_contains(&flipped, "markdown.0.data is damaged");
    assert_eq!(reuse_counts(&flipped).1, 0, "a clean build");

    std::fs::write(&file, "not a cache").unwrap();
    let other = assert_cached_equals_clean(&dir, "not a cache");
    assert_contains(&other, "W0501");

    let after = assert_cached_equals_clean(&dir, "after");
    assert_not_contains(&after, "W0501");
    assert_eq!(markdown_rendered(&after), 0);
}

#[test]
fn the_markdown_count_is_said_in_chinese() {
    let site = Site::empty();
    let dir = demo(&site);
    let cache = dir.join("ci-cache");
    let args = ["build", "--cache", cache.to_str().unwrap(), "--timings"];
    let chinese = [("TZ", "UTC"), ("MENHU_LANG", "zh-Hans")];
    menhu_env(&dir, &args, &chinese);
    append(&dir.join(TARGET), "\n新增一句。\n");
    let run = menhu_env(&dir, &args, &chinese);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "；重新渲染 Markdown 1 篇");
}

/// A shortcode reading a data file (`load_data`) reads beyond the page's body: the
/// page's Markdown is rendered on every build, so an edit of the file shows.
#[test]
fn markdown_calling_a_shortcode_that_reads_a_data_file_is_rendered_every_time() {
    let site = Site::empty();
    let dir = demo(&site);
    site.write(
        "portal/themes/portal/templates/shortcodes/renshu.html",
        "{% set t = load_data(path=\"data/tongji.toml\") %}<b>{{ t.renshu }}</b>",
    );
    site.write("portal/data/tongji.toml", "renshu = 1203\n");
    site.write(
        "portal/content/news/tongji.md",
        "+++\ntitle = \"参加人数\"\ndate = 2026-11-02T09:00:00+08:00\n+++\n\n共有{{ renshu() }}人参加。\n",
    );
    assert_cached_equals_clean(&dir, "first build");
    page_holding(&dir, "<b>1203</b>");
    site.write("portal/data/tongji.toml", "renshu = 1310\n");
    assert_cached_equals_clean(&dir, "data file edit");
    page_holding(&dir, "<b>1310</b>");
}

/// The theme's strings (`i18n/`) are read by templates and shortcodes through `trans`:
/// an edit of one renders again what shows it, pages and Markdown alike.
#[test]
fn an_edit_of_the_theme_strings_shows_in_a_cached_build() {
    let site = Site::empty();
    let dir = demo(&site);
    site.write(
        "portal/content/news/tishi.md",
        "+++\ntitle = \"报名提示\"\ndate = 2026-11-02T09:00:00+08:00\n+++\n\n{% notice() %}\n请于月底前报名。\n{% end %}\n",
    );
    assert_cached_equals_clean(&dir, "first build");
    let strings = dir.join("themes/portal/i18n/zh-Hans.toml");
    edit(&strings, "notice = \"提示\"", "notice = \"特别提示\"");
    edit(&strings, "source = \"来源：\"", "source = \"稿件来源：\"");
    assert_cached_equals_clean(&dir, "theme strings edit");
    page_holding(&dir, "特别提示");
    page_holding(&dir, "稿件来源：");
}
