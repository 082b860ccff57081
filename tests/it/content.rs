//! Content on disk: sections, bundles, front-matter formats, encodings, slugs and the
//! errors editors get for broken files.

use crate::support::*;

#[test]
fn nested_sections_and_bundles() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻中心\"\n+++\n");
    site.write(
        "content/news/tbgz/_index.md",
        "+++\ntitle = \"特别关注\"\n+++\n",
    );
    site.write("content/news/tbgz/2024-06-01-ke-pu/index.md", "+++\ntitle = \"科普周\"\nattachments = [{ path = \"biao.pdf\", title = \"报名表\" }]\n+++\n![现场照片](photo.svg)\n");
    site.write(
        "content/news/tbgz/2024-06-01-ke-pu/photo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write(
        "content/news/tbgz/2024-06-01-ke-pu/biao.pdf",
        "%PDF-1.4 tiny",
    );
    site.build();
    assert_contains(&site.output("news/tbgz/index.html"), "科普周");
    assert_contains(
        &site.output("news/tbgz/ke-pu/index.html"),
        "<img src=\"photo.svg\" alt=\"现场照片\"",
    );
    assert!(
        site.output_exists("news/tbgz/ke-pu/photo.svg"),
        "images are copied beside the page"
    );
    assert!(
        site.output_exists("news/tbgz/ke-pu/biao.pdf"),
        "attachments are copied beside the page"
    );
}

#[test]
fn missing_attachment_is_an_error_with_the_line() {
    let site = Site::minimal();
    site.write(
        "content/a/index.md",
        "+++\ntitle = \"附件\"\nattachments = [\"nope.pdf\"]\n+++\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "attachment `nope.pdf` not found");
    assert_contains(&stderr, "content/a/index.md:3");
}

#[test]
fn yaml_front_matter_bom_and_crlf() {
    let site = Site::minimal();
    site.write(
        "content/yaml.md",
        "---\ntitle: 用YAML写的\ndate: 2024-05-01\ntags: [科普]\n---\n正文\n",
    );
    site.write_bytes(
        "content/bom.md",
        "\u{feff}+++\r\ntitle = \"带BOM\"\r\n+++\r\n第一行\r\n第二行\r\n".as_bytes(),
    );
    site.build();
    assert_contains(&site.output("yaml/index.html"), "用YAML写的");
    let bom = site.output("bom/index.html");
    assert_contains(&bom, "带BOM");
    assert_not_contains(&bom, "\r");
}

/// Spaces nobody sees, pasted from Word or a web page between a key and its value (a
/// no-break space, a full-width space, a zero-width space before a key), made a line
/// that looked right unreadable; they are read as spaces, and quoted text keeps its own.
#[test]
fn invisible_spaces_in_front_matter_are_read_as_spaces() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/a.md",
        "+++\ntitle\u{a0}= \"甲\u{3000}乙\"\u{3000}\n\u{200b}date\u{3000}=\u{3000}2026-05-01\n+++\n正文。\n",
    );
    site.write(
        "content/news/b.md",
        "---\ntitle:\u{a0}丙\n\u{3000}\n---\n正文。\n",
    );
    site.build();
    let a = site.output("news/a/index.html");
    assert_contains(&a, "甲\u{3000}乙");
    assert_contains(&site.output("news/b/index.html"), "丙");
}

#[test]
fn gbk_files_are_reported_not_rendered_as_mojibake() {
    let site = Site::minimal();
    let (gbk, _, _) = encoding_rs::GBK.encode("+++\ntitle = \"科协工作要点\"\n+++\n正文内容。\n");
    site.write_bytes("content/gbk.md", &gbk);
    let stderr = site.build_fails();
    assert_contains(&stderr, "content/gbk.md");
    assert_contains(&stderr, "GB");
    assert_contains(&stderr, "UTF-8");
    assert!(!site.output_exists("gbk/index.html"));
}

#[test]
fn slugs_are_pinyin_dates_are_stripped_and_explicit_slugs_win() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/2024-05-01-汇聚“四长”资源.md",
        "+++\ntitle = \"a\"\n+++\n",
    );
    site.write("content/news/Hello World.md", "+++\ntitle = \"b\"\n+++\n");
    site.write(
        "content/news/x.md",
        "+++\ntitle = \"c\"\nslug = \"custom-name\"\n+++\n",
    );
    site.write(
        "content/news/2024-05-03-ke-pu.md",
        "+++\ntitle = \"d\"\n+++\n",
    );
    site.build();
    assert!(
        site.output_exists("news/hui-ju-si-chang-zi-yuan/index.html"),
        "{:?}",
        site.output_files()
    );
    assert!(site.output_exists("news/hello-world/index.html"));
    assert!(site.output_exists("news/custom-name/index.html"));
    assert!(site.output_exists("news/ke-pu/index.html"));
    assert_contains(&site.output("news/ke-pu/index.html"), "<h1>d</h1>");
}

#[test]
fn two_pages_with_the_same_url_name_both_files() {
    let site = Site::minimal();
    site.write(
        "content/a.md",
        "+++\ntitle = \"一\"\nslug = \"same\"\n+++\n",
    );
    site.write(
        "content/b.md",
        "+++\ntitle = \"二\"\nslug = \"same\"\n+++\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "same URL `/same/`");
    assert_contains(&stderr, "content/a.md");
    assert_contains(&stderr, "content/b.md");
}

#[test]
fn bad_front_matter_names_file_line_and_column() {
    let site = Site::minimal();
    site.write(
        "content/bad.md",
        "+++\ntitle = \"标题\"\nweight = \"重\"\n+++\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "content/bad.md:3");
    let site = Site::minimal();
    site.write("content/bad.md", "+++\ntitle = \"标题\n+++\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "content/bad.md:2");
    let site = Site::minimal();
    site.write("content/open.md", "+++\ntitle = \"没有结束\"\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "content/open.md:1");
    assert_contains(&stderr, "+++");
}

#[test]
fn unknown_front_matter_keys_warn_with_a_suggestion() {
    let site = Site::minimal();
    site.write(
        "content/a.md",
        "+++\ntitle = \"标题\"\nautor = \"张明\"\n+++\n",
    );
    let run = site.build();
    assert_contains(&run.stderr, "autor");
    assert_contains(&run.stderr, "author");
    assert!(site.output_exists("a/index.html"));
}

#[test]
fn every_error_is_reported_in_one_run() {
    let site = Site::minimal();
    site.write("content/one.md", "+++\ntitle = 1\n+++\n");
    site.write(
        "content/two.md",
        "+++\ndate = \"昨天\"\ntitle = \"x\"\n+++\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "content/one.md");
    assert_contains(&stderr, "content/two.md");
    assert_contains(&stderr, "2 errors");
}
