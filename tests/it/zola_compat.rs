//! A Zola site builds unchanged: the benchmark corpus's own config.toml and templates,
//! with every HTML path Zola 0.22 writes for it.

use std::path::PathBuf;
use std::process::Command;

use crate::support::*;

fn shared_bench() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench");
    dir.join("gen_corpus.py").is_file().then_some(dir)
}

#[test]
fn zola_corpus_builds_with_every_path_zola_writes() {
    let Some(bench) = shared_bench() else {
        eprintln!("skipped: ../shared/bench/gen_corpus.py is not beside the repository");
        return;
    };
    let site = Site::empty();
    let corpus = site.path("corpus");
    let status = Command::new("python3")
        .arg(bench.join("gen_corpus.py"))
        .args(["--pages", "200", "--flavor", "zola", "--out"])
        .arg(&corpus)
        .status()
        .expect("python3 runs");
    assert!(status.success());
    let output = Command::new(env!("CARGO_BIN_EXE_menhu"))
        .arg("--root")
        .arg(&corpus)
        .arg("build")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.lines().any(|l| l.starts_with("error")), "{stderr}");
    for line in stderr.lines().filter(|l| l.starts_with("warning")) {
        assert!(
            line.contains("config.toml"),
            "Zola warnings name the config: {line}"
        );
    }
    let expected = std::fs::read_to_string(bench.join("zola-paths-200.txt")).unwrap();
    let missing: Vec<&str> = expected
        .lines()
        .filter(|p| !corpus.join("public").join(p).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "paths Zola writes that menhu did not: {missing:?}"
    );
    let page = std::fs::read_to_string(corpus.join("public/news/n000001/index.html")).unwrap();
    assert_contains(&page, "<nav class=\"toc\">");
    assert_contains(&page, "href=\"https://kx.example.org/tags/");
}

/// What Zola's own test site relies on (issue #29), in a site of a few files: pages
/// without a title, folder names kept in addresses, a section that redirects, and a
/// template extending its theme's under a single-quoted name.
#[test]
fn zola_rules_that_differ_from_menhus_are_kept_for_zola_sites() {
    let site = Site::empty();
    site.write(
        "config.toml",
        "base_url = \"https://z.example.org\"\ntheme = \"sample\"\n",
    );
    site.write("content/_index.md", "+++\n+++\n");
    site.write("content/my_section/_index.md", "+++\ntitle = \"S\"\n+++\n");
    site.write(
        "content/my_section/no_title.md",
        "+++\ndate = 2024-01-01\n+++\nbody\n",
    );
    site.write(
        "content/moved/_index.md",
        "+++\ntitle = \"M\"\nredirect_to = \"my_section/no-title\"\n+++\n",
    );
    site.write(
        "themes/sample/templates/index.html",
        "<main>theme {% block content %}{% endblock %}</main>",
    );
    site.write(
        "templates/index.html",
        "{% extends 'sample/templates/index.html' %}{% block content %}site{% endblock %}",
    );
    site.write(
        "templates/section.html",
        "<main>{% for p in section.pages %}[{{ p.title }}]{{ p.path }}{% endfor %}</main>",
    );
    site.write("templates/page.html", "<main>[{{ page.title }}]</main>");
    site.build();
    assert_contains(&site.output("index.html"), "theme site");
    // Zola slugifies the page's name but keeps the folder's.
    assert_contains(
        &site.output("my_section/index.html"),
        "[]/my_section/no-title/",
    );
    assert_contains(&site.output("my_section/no-title/index.html"), "[]");
    assert_contains(
        &site.output("moved/index.html"),
        "url=https://z.example.org/my_section/no-title/",
    );

    // A menhu site keeps its own rules: a page needs a title.
    let own = Site::minimal();
    own.write("content/p.md", "+++\ndate = 2024-01-01\n+++\n");
    assert_contains(&own.build_fails(), "E0208");
}

#[test]
fn a_page_with_render_false_is_not_written_but_templates_reach_it() {
    let site = Site::minimal();
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/news/shown.md",
        "+++\ntitle = \"公开稿\"\ndate = 2026-11-01\n+++\n正文\n",
    );
    site.write(
        "content/news/hidden/index.md",
        "+++\ntitle = \"只供模板读取\"\ndate = 2026-11-02\nrender = false\naliases = [\"/old/hidden/\"]\n[extra]\nphone = \"0774-1234567\"\n+++\n隐藏正文\n",
    );
    site.write("content/news/hidden/chart.png", "not really a png");
    site.write(
        "templates/index.html",
        "<main>{% set hidden = get_page(path=\"news/hidden/index.md\") %}<p class=\"phone\">{{ hidden.title }} {{ hidden.extra.phone }}</p></main>",
    );
    site.build();
    assert!(site.output_exists("news/shown/index.html"));
    // Not written, nor its alias and its files.
    assert!(!site.output_exists("news/hidden/index.html"));
    assert!(!site.output_exists("old/hidden/index.html"));
    assert!(!site.output_exists("news/hidden/chart.png"));
    // In no list, feed or sitemap…
    let list = site.output("news/index.html");
    assert_contains(&list, "公开稿");
    assert_not_contains(&list, "只供模板读取");
    assert_not_contains(&site.output("sitemap.xml"), "news/hidden");
    // … but templates read it.
    assert_contains(
        &site.output("index.html"),
        "<p class=\"phone\">只供模板读取 0774-1234567</p>",
    );
    // `check` finds no broken link or missing output for it.
    let check = site.menhu(&["check"]);
    assert_not_contains(&check.stderr, "news/hidden");
}
