//! Diagnostics from the editor's chair: every code provoked by a real run (the codes
//! no other test reaches), and the error fixtures read in each language — Simplified,
//! Traditional and English — with the file and line unchanged.

use crate::support::*;

/// A minimal site with a `news` section and one page.
fn news_site() -> Site {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"甲\"\ndate = 2026-05-01\n+++\n正文\n",
    );
    site
}

/// Runs menhu and asserts that it fails (exit code 1) reporting `code`; returns stderr.
fn fails_with(site: &Site, args: &[&str], code: &str) -> String {
    let run = site.menhu(args);
    assert_eq!(
        run.code, 1,
        "menhu {args:?} should fail with {code}:\n{}",
        run.stderr
    );
    assert_contains(&run.stderr, &format!("[{code}]"));
    run.stderr
}

/// Runs menhu and asserts that it succeeds with a warning `code`.
fn warns_with(site: &Site, args: &[&str], code: &str) {
    let run = site.menhu(args);
    assert_eq!(run.code, 0, "menhu {args:?}:\n{}", run.stderr);
    assert_contains(&run.stderr, &format!("warning[{code}]"));
}

#[test]
fn configuration_codes() {
    let site = news_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[regions]\npath = \"di qu\"\n"),
    );
    fails_with(&site, &["build"], "E0108");
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[menus]]\ntitle = \"首页\"\n"),
    );
    fails_with(&site, &["build"], "E0109");
    site.write(
        "site-config.toml",
        &format!("theme = \"nope\"\n{MINIMAL_CONFIG}"),
    );
    fails_with(&site, &["build"], "E0401");
}

#[test]
fn content_and_portal_codes() {
    let site = Site::minimal();
    std::fs::remove_dir_all(site.path("content")).ok();
    fails_with(&site, &["build"], "E0200");

    let site = news_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\ntemplate = \"nope.html\"\n+++\n正文\n",
    );
    fails_with(&site, &["build"], "E0404");

    let site = news_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\n+++\n![](photo.png)\n",
    );
    site.write_bytes("content/news/photo.png", &[]);
    warns_with(&site, &["build"], "W0202");

    let site = news_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\n[taxonomies]\nzhuanti = [\"科普\"]\n+++\n正文\n",
    );
    warns_with(&site, &["build"], "W0301");

    let site = news_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\nseries = \"科普讲堂\"\nseries_index = 1\n+++\n正文\n",
    );
    site.write("content/series.md", "+++\ntitle = \"占用\"\n+++\n正文\n");
    fails_with(&site, &["build"], "E0311");
}

#[test]
fn output_codes() {
    let site = news_site();
    fails_with(&site, &["build", "--output", "content"], "E0501");
}

#[test]
fn init_and_new_codes() {
    let site = news_site();
    fails_with(&site, &["init", site.root().to_str().unwrap()], "E0601");
    fails_with(&site, &["new", "..", "标题"], "E0603");
    fails_with(&site, &["new", "news", "！！！"], "E0604");
    fails_with(&site, &["new", "huodong", "标题"], "E0606");
}

#[test]
fn deploy_codes() {
    let site = news_site();
    fails_with(&site, &["deploy"], "E0805");
    let targets = "[deploy.targets.a]\ntype = \"folder\"\npath = \"/tmp/menhu-never-a\"\n\
                   [deploy.targets.b]\ntype = \"folder\"\npath = \"/tmp/menhu-never-b\"\n";
    site.write("site-config.toml", &format!("{MINIMAL_CONFIG}{targets}"));
    fails_with(&site, &["deploy", "--target", "a"], "E0806");
    site.build();
    fails_with(&site, &["deploy"], "E0807");
    let bucket = "[deploy.targets.oss]\ntype = \"s3\"\nendpoint = \"https://oss-cn-hangzhou.aliyuncs.com\"\n\
                  region = \"cn-hangzhou\"\nbucket = \"kexie-www\"\n";
    site.write("site-config.toml", &format!("{MINIMAL_CONFIG}{bucket}"));
    let run = site.menhu_env(
        &["deploy"],
        &[
            ("MENHU_DEPLOY_ACCESS_KEY_ID", ""),
            ("MENHU_DEPLOY_SECRET_ACCESS_KEY", ""),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "[E0821]");
}

#[test]
fn organization_codes() {
    let site = news_site();
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\n+++\n",
    );
    site.write(
        "content/orgs/kx.md",
        "+++\ntitle = \"梧州市科协\"\nlevel = \"city\"\n+++\n",
    );
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\norg = \"不存在的学会\"\n+++\n正文\n",
    );
    warns_with(&site, &["build"], "W0321");
}
