//! `menhu new` and `menhu init`.

use crate::support::*;

/// Runs menhu on the site at `root`, asserts that it succeeds and returns what it printed.
fn succeeds_in(root: &std::path::Path, args: &[&str]) -> String {
    let run = menhu_in(root, args);
    assert_eq!(run.code, 0, "menhu {args:?}: {}", run.stderr);
    run.stdout
}

/// `menhu init` of the demo into `portal/` of `site`; returns that folder.
fn init_demo(site: &Site) -> std::path::PathBuf {
    let dir = site.path("portal");
    let init = site.menhu(&["init", dir.to_str().unwrap()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    dir
}

#[test]
fn new_writes_a_dated_pinyin_page_that_builds() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    let run = site.menhu(&["new", "news", "汇聚“四长”资源"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let file = format!("content/news/{today}-hui-ju-si-chang-zi-yuan.md");
    assert_contains(&run.stdout, &file);
    let text = std::fs::read_to_string(site.path(&file)).unwrap();
    assert_contains(&text, "title = \"汇聚“四长”资源\"");
    assert_contains(&text, &format!("date = {today}T"));
    // The guide on photos whose file name has a space (issue #26).
    assert_contains(&text, "![图片说明](<IMG_2031 现场照片.JPG>)");
    site.build();
    assert!(site.output_exists("news/hui-ju-si-chang-zi-yuan/index.html"));
    let again = site.menhu(&["new", "news", "汇聚“四长”资源"]);
    assert_eq!(again.code, 1, "never overwrites");
}

#[test]
fn new_in_an_unknown_section_suggests_one() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    let run = site.menhu(&["new", "nwes", "标题"]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stderr, "did you mean `news`");
}

#[test]
fn init_writes_the_demo_and_it_builds() {
    let site = Site::empty();
    let run = site.menhu(&["init", site.path("portal").to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.path("portal/site-config.toml").is_file());
    assert!(
        site.path("portal/themes/portal/templates/base.html")
            .is_file()
    );
    succeeds_in(&site.path("portal"), &["build"]);
    assert!(site.path("portal/public/index.html").is_file());
    let again = site.menhu(&["init", site.path("portal").to_str().unwrap()]);
    assert_eq!(again.code, 1, "init refuses a folder that is not empty");
}

#[test]
fn the_bundled_demo_builds_without_warnings() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let build = menhu_in(
        root,
        &["build", "--force", "--output", public.to_str().unwrap()],
    );
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains("warning"), "{}", build.stderr);
    let home = std::fs::read_to_string(out.path().join("public/index.html")).unwrap();
    assert_contains(&home, "<html lang=\"zh-Hans\"");
}

#[test]
fn new_case_study_in_the_demo_uses_the_theme_archetype_and_builds() {
    let site = Site::empty();
    let dir = init_demo(&site);
    let stdout = succeeds_in(&dir, &["new", "cases", "梧州市科协：\"三长\"联动"]);
    let file = stdout.trim().to_owned();
    let text = std::fs::read_to_string(&file).unwrap();
    for heading in ["## 编者按", "## 背景", "## 主要做法和成效", "## 对策建议"] {
        assert_contains(&text, heading);
    }
    assert_contains(&text, "title = \"梧州市科协：\\\"三长\\\"联动\"");
    assert_contains(&text, "series = \"科协改革进行时·地方篇\"");
    assert_contains(&text, "![图片说明](<IMG_2031 现场照片.JPG>)");
    succeeds_in(&dir, &["build"]);
}

#[test]
fn a_site_archetype_is_used_for_its_section() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "archetypes/news.md",
        "+++\ntitle = \"{{ title }}\"\ndate = {{ date }}\nsource = \"本会\"\n+++\n\n（导语）\n",
    );
    let run = site.menhu(&["new", "news", "年会通知"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(run.stdout.trim()).unwrap();
    assert_contains(&text, "source = \"本会\"");
    assert_contains(&text, "（导语）");
    site.build();
}

/// The demo theme's search boxes (the header's, the organisation directory's, the 404
/// page's hint) lead to the search page when the index is built, and are left out when
/// it is not, rather than leading to a missing page.
#[test]
fn the_demo_offers_search_only_when_the_index_is_built() {
    let site = Site::empty();
    let dir = init_demo(&site);
    let build = |config: &str| {
        std::fs::write(dir.join("site-config.toml"), config).unwrap();
        succeeds_in(&dir, &["build"]);
        let read = |rel: &str| std::fs::read_to_string(dir.join("public").join(rel)).unwrap();
        (
            read("index.html"),
            read("orgs/index.html"),
            read("404.html"),
        )
    };
    let config = std::fs::read_to_string(dir.join("site-config.toml")).unwrap();
    assert_contains(&config, "build_search_index = true");

    let (home, orgs, missing) = build(&config);
    let header_form =
        "<form class=\"search-form\" role=\"search\" action=\"https://kx.example.org/search/\"";
    assert_contains(&home, header_form);
    assert_contains(
        &orgs,
        "<form class=\"org-search\" role=\"search\" action=\"https://kx.example.org/search/\"",
    );
    assert_contains(
        &orgs,
        "<input type=\"hidden\" name=\"section\" value=\"orgs\">",
    );
    assert_contains(
        &orgs,
        "<label for=\"org-search-q\">在组织机构中搜索</label>",
    );
    assert_contains(&missing, "站内搜索查找");
    assert!(dir.join("public/search/meta.mz").is_file());

    let (home, orgs, missing) =
        build(&config.replace("build_search_index = true", "build_search_index = false"));
    for html in [&home, &orgs, &missing] {
        assert_not_contains(html, "role=\"search\"");
        assert_not_contains(html, "/search/");
    }
    assert_not_contains(&missing, "站内搜索查找");
    assert!(!dir.join("public/search").exists());
}
