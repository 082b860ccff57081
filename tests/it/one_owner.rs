//! Issue 25: one output, one owner. Outputs that would overwrite each other (an alias
//! onto the home page, a page at `path = "tags"`, a static `sitemap.xml`, an
//! `index.html` beside a bundle's `index.md`) fail the build before anything is
//! written, naming both sources; the preview refuses them by the same check.

use menhu::pipeline::BuildOptions;
use menhu::serve::Preview;

use crate::support::*;

/// A small site with feeds, a sitemap, the search index and the Traditional copy.
fn site() -> Site {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}build_search_index = true\ntraditional = true\n"),
    );
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"科普活动\"\ntags = [\"科普\"]\n+++\n正文\n",
    );
    site.write(
        "content/news/b/index.md",
        "+++\ntitle = \"图片新闻\"\n+++\n正文\n",
    );
    site.write("content/news/b/photo.jpg", "jpg");
    site
}

/// Builds `site`, which must fail before writing anything; returns stderr.
fn fails_writing_nothing(site: &Site) -> String {
    let stderr = site.build_fails();
    assert!(
        !site.path("public").exists(),
        "something was published:\n{stderr}"
    );
    stderr
}

/// The preview refuses the site with the same message.
fn preview_refuses(site: &Site, message: &str) {
    let problems = Preview::start(BuildOptions::new(site.root()))
        .err()
        .unwrap_or_else(|| panic!("the preview started despite: {message}"));
    let all: Vec<String> = problems.iter().map(|d| d.message.clone()).collect();
    assert!(all.iter().any(|m| m.contains(message)), "{all:?}");
}

#[test]
fn the_site_builds_without_collisions() {
    let site = site();
    site.build();
    assert!(site.output_exists("zh-hant/news/b/photo.jpg"));
    assert!(site.output_exists("search/search-ui.js"));
}

#[test]
fn an_alias_never_replaces_another_output() {
    for (alias, output, owner) in [
        (
            "/index.html",
            "index.html",
            "the home page `content/_index.md`",
        ),
        (
            "/search/search-ui.js",
            "search/search-ui.js",
            "the search index",
        ),
        ("/sitemap.xml", "sitemap.xml", "the sitemap"),
        ("/404.html", "404.html", "the 404 page"),
        (
            "/zh-hant/",
            "zh-hant/index.html",
            "the Traditional copy of the home page",
        ),
        (
            "/news/b/photo.jpg",
            "news/b/photo.jpg",
            "the file `content/news/b/photo.jpg` beside its page",
        ),
        ("/tags/", "tags/index.html", "the list of all `tags`"),
        (
            "/news/page/1/",
            "news/page/1/index.html",
            "the redirect from page 1",
        ),
    ] {
        let site = site();
        if alias == "/news/page/1/" {
            site.write(
                "content/news/_index.md",
                "+++\ntitle = \"新闻\"\npaginate_by = 5\n+++\n",
            );
        }
        site.write(
            "content/news/c.md",
            &format!("+++\ntitle = \"旧地址\"\naliases = [\"/old/\", \"{alias}\"]\n+++\n"),
        );
        let stderr = fails_writing_nothing(&site);
        let message = format!("two outputs would be written to `{output}`: {owner}");
        assert_contains(&stderr, &message);
        assert_contains(
            &stderr,
            &format!("the alias `{alias}` of `content/news/c.md`"),
        );
        assert_contains(&stderr, "error[E0304]");
        assert_contains(&stderr, "--> content/news/c.md:3:21");
        preview_refuses(&site, &message);
    }
}

#[test]
fn two_pages_never_claim_one_alias() {
    let site = site();
    site.write(
        "content/news/c.md",
        "+++\ntitle = \"甲\"\naliases = [\"/old/\"]\n+++\n",
    );
    site.write(
        "content/news/d.md",
        "+++\ntitle = \"乙\"\naliases = [\"/old/\"]\n+++\n",
    );
    let stderr = fails_writing_nothing(&site);
    assert_contains(
        &stderr,
        "two outputs would be written to `old/index.html`: the alias `/old/` of `content/news/c.md` and the alias `/old/` of `content/news/d.md`",
    );
}

#[test]
fn a_page_path_never_takes_a_generated_output() {
    for (path, output, owner) in [
        ("tags", "tags/index.html", "the list of all `tags`"),
        ("search", "search/index.html", "the search index"),
        (
            "search/help",
            "search/help/index.html",
            "the search index (it owns `search/`)",
        ),
        (
            "zh-hant",
            "zh-hant/index.html",
            "the Traditional copy of the home page",
        ),
    ] {
        let site = site();
        site.write(
            "content/news/c.md",
            &format!("+++\ntitle = \"抢占\"\npath = \"{path}\"\n+++\n"),
        );
        let stderr = fails_writing_nothing(&site);
        let message = format!("two outputs would be written to `{output}`: {owner}");
        assert_contains(&stderr, &message);
        assert_contains(&stderr, "and the page `content/news/c.md`");
        assert_contains(&stderr, "--> content/news/c.md:3:1");
        preview_refuses(&site, &message);
    }
}

#[test]
fn a_page_whose_folder_is_a_generated_file_is_an_error() {
    let site = site();
    site.write(
        "content/news/c.md",
        "+++\ntitle = \"抢占\"\npath = \"sitemap.xml\"\n+++\n",
    );
    let stderr = fails_writing_nothing(&site);
    assert_contains(
        &stderr,
        "`sitemap.xml` would be both a file, from the sitemap, and a folder holding `sitemap.xml/index.html`, from the page `content/news/c.md`",
    );
}

#[test]
fn a_bundle_file_named_like_its_page_is_an_error() {
    let site = site();
    site.write("content/news/b/index.html", "<h1>旧版</h1>");
    let stderr = fails_writing_nothing(&site);
    let message = "two outputs would be written to `news/b/index.html`: the page `content/news/b/index.md` and the file `content/news/b/index.html` beside its page";
    assert_contains(&stderr, "error[E0305]");
    assert_contains(&stderr, message);
    assert_contains(&stderr, "--> content/news/b/index.html");
    let chinese = site.menhu(&["--lang", "zh-Hans", "build"]);
    assert_contains(
        &chinese.stderr,
        "错误[E0305]：两个输出都要写到 `news/b/index.html`：稿件 `content/news/b/index.md`和稿件旁边的文件 `content/news/b/index.html`",
    );
    assert_contains(&chinese.stderr, "= 怎样改：给这个文件改名");
    preview_refuses(&site, message);
}

#[test]
fn static_files_never_replace_what_the_site_makes() {
    for (file, owner, help) in [
        (
            "index.html",
            "the home page `content/_index.md`",
            "rename or remove the static file",
        ),
        ("sitemap.xml", "the sitemap", "generate_sitemap = false"),
        ("robots.txt", "`robots.txt`", "generate_robots_txt = false"),
        (
            "search/search-core.js",
            "the search index (it owns `search/`)",
            "rename or remove the static file",
        ),
        (
            "news/b/photo.jpg",
            "the file `content/news/b/photo.jpg` beside its page",
            "rename or remove",
        ),
        (
            "zh-hant/news/index.html",
            "the Traditional copy of the section `content/news/_index.md`",
            "rename or remove",
        ),
    ] {
        let site = site();
        site.write(&format!("static/{file}"), "静态文件");
        let stderr = fails_writing_nothing(&site);
        let message = format!(
            "two outputs would be written to `{file}`: {owner} and the static file `static/{file}`"
        );
        assert_contains(&stderr, &message);
        assert_contains(&stderr, help);
        preview_refuses(&site, &message);
    }
}

#[test]
fn a_file_where_the_site_needs_a_folder_is_an_error() {
    let site = site();
    site.write("static/news", "不是文件夹");
    let stderr = fails_writing_nothing(&site);
    assert_contains(
        &stderr,
        "`news` would be both a file, from the static file `static/news`, and a folder holding",
    );
    let site = self::site();
    site.write("static/zh-hant", "不是文件夹");
    let stderr = fails_writing_nothing(&site);
    assert_contains(
        &stderr,
        "`zh-hant` would be both a file, from the static file `static/zh-hant`, and a folder holding `zh-hant/index.html`, from the Traditional copy of the site",
    );
    assert_contains(&stderr, "--> static/zh-hant");
}
