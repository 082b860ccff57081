//! Feeds, sitemap, robots.txt, 404 and alias redirects.

use crate::support::*;

fn site_with_feeds() -> Site {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}taxonomies = [{{ name = \"tags\", feed = true }}]\n"),
    );
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/news/2024-05-01-a.md",
        "+++\ntitle = \"科协<动态>\"\ntags = [\"科普\"]\nauthor = \"张明\"\naliases = [\"/old/a.html\", \"old/b\"]\n+++\n摘要 & 正文。\n",
    );
    site.write(
        "content/news/2024-04-01-b.md",
        "+++\ntitle = \"第二篇\"\n+++\n正文。\n",
    );
    site
}

#[test]
fn rss_and_atom_for_site_sections_and_terms() {
    let site = site_with_feeds();
    site.build();
    for feed in ["rss.xml", "news/rss.xml", "tags/ke-pu/rss.xml"] {
        let rss = site.output(feed);
        assert_contains(&rss, "<rss version=\"2.0\"");
        assert_contains(&rss, "<title>科协&lt;动态&gt;</title>");
        assert_contains(&rss, "<link>https://kx.example.org/news/a/</link>");
        assert_contains(&rss, "<pubDate>Wed, 1 May 2024 00:00:00 +0800</pubDate>");
    }
    for feed in ["atom.xml", "news/atom.xml", "tags/ke-pu/atom.xml"] {
        let atom = site.output(feed);
        assert_contains(&atom, "<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        assert_contains(&atom, "<author><name>张明</name></author>");
        assert_contains(&atom, "<published>2024-05-01T00:00:00+08:00</published>");
    }
    let rss = site.output("news/rss.xml");
    assert!(
        rss.find("科协&lt;动态").unwrap() < rss.find("第二篇").unwrap(),
        "newest first"
    );
}

#[test]
fn a_feed_of_undated_pages_is_as_new_as_the_site_and_the_same_in_every_build() {
    let site = site_with_feeds();
    site.write("content/orgs/_index.md", "+++\ntitle = \"组织机构\"\n+++\n");
    site.write(
        "content/orgs/nong-ji-xie.md",
        "+++\ntitle = \"农技协\"\ntags = [\"组织\"]\n+++\n简介。\n",
    );
    let feeds = ["orgs/atom.xml", "orgs/rss.xml", "tags/zu-zhi/atom.xml"];
    let build_at = |now: &str| {
        let run = site.menhu_env(&["build"], &[("TZ", "UTC"), ("MENHU_NOW", now)]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        feeds.map(|feed| site.output(feed))
    };
    let morning = build_at("2026-12-06T01:00:00Z");
    let evening = build_at("2026-12-06T11:00:00Z");
    assert_eq!(
        morning, evening,
        "an hourly build with nothing new changes no feed"
    );
    assert_contains(&morning[0], "<updated>2024-05-01T00:00:00+08:00</updated>");
    assert_contains(
        &morning[1],
        "<lastBuildDate>Wed, 1 May 2024 00:00:00 +0800</lastBuildDate>",
    );
}

#[test]
fn feeds_can_be_switched_off() {
    let site = site_with_feeds();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}generate_feeds = false\n"),
    );
    site.build();
    assert!(!site.output_exists("rss.xml"));
    assert!(!site.output_exists("news/atom.xml"));
}

#[test]
fn sitemap_robots_and_404() {
    let site = site_with_feeds();
    site.build();
    let sitemap = site.output("sitemap.xml");
    assert_contains(
        &sitemap,
        "<url><loc>https://kx.example.org/news/a/</loc><lastmod>2024-05-01</lastmod></url>",
    );
    assert_contains(&sitemap, "<loc>https://kx.example.org/</loc>");
    assert_contains(
        &site.output("robots.txt"),
        "Sitemap: https://kx.example.org/sitemap.xml",
    );
    assert_contains(&site.output("404.html"), "页面不存在");
    site.write("templates/404.html", "自定义404 {{ config.title }}");
    site.build();
    assert_eq!(site.output("404.html"), "自定义404 测试门户");
}

#[test]
fn aliases_redirect_to_the_page() {
    let site = site_with_feeds();
    site.build();
    for alias in ["old/a.html", "old/b/index.html"] {
        let html = site.output(alias);
        assert_contains(
            &html,
            "<meta http-equiv=\"refresh\" content=\"0; url=https://kx.example.org/news/a/\">",
        );
        assert_contains(&html, "rel=\"canonical\"");
        // Said in the site's language to a reader whose browser does not follow it.
        assert_contains(&html, "<html lang=\"zh-Hans\">");
        assert_contains(&html, "<title>页面已迁移</title>");
        assert_not_contains(&html, "Click here");
    }
}

#[test]
fn an_alias_may_not_replace_a_page() {
    let site = site_with_feeds();
    site.write(
        "content/news/2024-04-01-b.md",
        "+++\ntitle = \"第二篇\"\naliases = [\"/news/a/\"]\n+++\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "alias `/news/a/`");
}
