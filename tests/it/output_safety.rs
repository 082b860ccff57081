//! Output safety: hostile front matter (`<script>`, `<img onerror>`, `javascript:`) in
//! titles, descriptions, summaries, tags, organization names and theme fields never runs
//! on any page of the default theme, checked in headless Chromium on the home page, a
//! section list, the page, a tag page, the city page, the organization list and search
//! results; script URLs in link fields are refused; raw HTML in bodies can be switched off.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text every payload carries; it must be visible as text on each checked page.
const MARKER: &str = "__pwned";

fn payload(tag: &str) -> String {
    format!(
        "<script>window.__pwned.push('{tag}')</script><img src=x onerror=\"window.__pwned.push('{tag}-img')\"><svg onload=alert('{tag}')>"
    )
}

/// The demo portal with a hostile page, a hostile organization and a hostile tag.
fn hostile_demo() -> Site {
    let site = Site::empty();
    for dir in ["content", "data", "themes"] {
        std::fs::create_dir_all(site.path(dir)).unwrap();
        copy_tree(&repo().join(dir), &site.path(dir));
    }
    std::fs::copy(
        repo().join("site-config.toml"),
        site.path("site-config.toml"),
    )
    .unwrap();
    let toml = |text: String| text.replace('\\', "\\\\").replace('"', "\\\"");
    site.write(
        "content/news/2099-01-01-xss.md",
        &format!(
            "+++\ntitle = \"攻击测试{}\"\ndescription = \"描述{}\"\nsummary = \"摘要{}\"\ndate = 2026-10-01\nslug = \"xss\"\ncity = \"梧州\"\norg = \"攻击测试学会{}\"\ntags = [\"攻击测试\", \"{}\"]\nauthor = \"{}\"\nsource = \"{}\"\n[extra]\ncover_alt = \"{}\"\n+++\n正文里的攻击测试 \\<script>window.__pwned.push('body')\\</script> 与 `<img src=x onerror=alert(1)>` 两段文字。\n\n[链接](javascript:alert\\(1\\))\n",
            toml(payload("title")),
            toml(payload("description")),
            toml(payload("summary")),
            toml(payload("org")),
            toml(payload("tag")),
            toml(payload("author")),
            toml(payload("source")),
            toml(payload("extra")),
        ),
    );
    site.write(
        "content/orgs/xss.md",
        &format!(
            "+++\ntitle = \"攻击测试学会{}\"\nlevel = \"society\"\naddress = \"{}\"\nchair = \"{}\"\n+++\n",
            toml(payload("org")),
            toml(payload("address")),
            toml(payload("chair")),
        ),
    );
    site
}

/// Whether Chromium and Node are here; fails instead when they are required.
fn browser_tools(test: &str) -> bool {
    let missing = if !Path::new("/usr/bin/chromium").exists() {
        Some("/usr/bin/chromium is not installed (apt-get install chromium)")
    } else if Command::new("node").arg("--version").output().is_err() {
        Some("node is not installed")
    } else {
        None
    };
    tools_present(test, missing.map(str::to_owned))
}

/// Tag pages whose name carries the payload (their slug is whatever pinyin made of it).
fn hostile_tag_pages(public: &Path) -> Vec<String> {
    std::fs::read_dir(public.join("tags"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("index.html").exists())
        .filter(|e| {
            std::fs::read_to_string(e.path().join("index.html"))
                .is_ok_and(|t| t.contains("<h1") && t.contains("tag-img"))
        })
        .map(|e| format!("/tags/{}/", e.file_name().to_string_lossy()))
        .collect()
}

#[test]
fn hostile_front_matter_never_runs_in_the_browser() {
    let test = "hostile_front_matter_never_runs_in_the_browser";
    let site = hostile_demo();
    let port = free_port();
    let public = site.path("public");
    let run = site.menhu(&["build", "--base-url", &format!("http://127.0.0.1:{port}")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The escaping itself, readable without a browser.
    let page = site.output("news/xss/index.html");
    assert_not_contains(&page, "<script>window.__pwned");
    assert_not_contains(&page, "<img src=x onerror");
    assert_contains(&page, "&lt;script&gt;window.__pwned.push(&#39;title&#39;)");
    assert_not_contains(&page, "href=\"javascript:");
    let index = std::fs::read_dir(public.join("search"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert!(index > 0, "no search index was built");
    let tags = hostile_tag_pages(&public);
    assert!(!tags.is_empty(), "no page for the hostile tag");
    if !browser_tools(test) {
        return;
    }
    let mut paths: Vec<String> = [
        "/",
        "/news/",
        "/news/xss/",
        "/tags/gong-ji-ce-shi/",
        "/tags/",
        "/cities/wuzhou/",
        "/orgs/",
        "/orgs/xss/",
        "/search/?q=%E6%94%BB%E5%87%BB%E6%B5%8B%E8%AF%95",
        "/zh-hant/news/xss/",
    ]
    .map(str::to_owned)
    .to_vec();
    paths.extend(tags);
    let mut args = vec![MARKER];
    args.extend(paths.iter().map(String::as_str));
    let stdout = run_cdp("xss", &public, port, &args);
    assert_contains(&stdout, "no injected script ran");
}

#[test]
fn script_urls_in_link_fields_are_refused_with_the_line() {
    let site = Site::minimal();
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\n+++\n",
    );
    site.write(
        "content/orgs/a.md",
        "+++\ntitle = \"某学会\"\nlevel = \"society\"\nwebsite = \"javascript:alert(1)\"\n+++\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "E0213");
    assert_contains(&stderr, "content/orgs/a.md:4");
    // The same column in a directory table.
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[directories]]\nfile = \"data/orgs.csv\"\nsection = \"orgs\"\n"),
    );
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\n+++\n",
    );
    site.write(
        "data/orgs.csv",
        "title,level,website\n某学会,society,https://a.example.org/\n另一学会,society, JaVaScRiPt:alert(1)\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "E0213");
    assert_contains(&stderr, "data/orgs.csv:3");
}

#[test]
fn raw_html_in_bodies_is_kept_by_default_and_escaped_when_switched_off() {
    let body = "+++\ntitle = \"原始HTML\"\n+++\n<div class=\"box\"><script>alert(1)</script></div>\n\n段落里 <b>加粗</b>。\n";
    let site = Site::minimal();
    site.write("content/a.md", body);
    site.build();
    let page = site.output("a/index.html");
    assert_contains(&page, "<div class=\"box\"><script>alert(1)</script></div>");
    assert_contains(&page, "<b>加粗</b>");

    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[markdown]\nrender_raw_html = false\n"),
    );
    site.write("content/a.md", body);
    site.build();
    let page = site.output("a/index.html");
    assert_not_contains(&page, "<script>");
    assert_not_contains(&page, "<b>");
    assert_contains(&page, "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert_contains(&page, "&lt;b&gt;加粗&lt;/b&gt;");

    // A wrong type for the key is an error at its line, like any other key.
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[markdown]\nrender_raw_html = \"no\"\n"),
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "site-config.toml:4");
}
