//! Addresses from a site's own files, written as an attacker would (issue #25, finding
//! 4): every disguise of a script address in every field that becomes a link or a
//! published path is an error at its file and line, and nothing is published. The
//! search page builds its links from paths only.

use std::ffi::OsStr;
use std::process::Command;

use crate::support::{MINIMAL_CONFIG, Site, assert_contains};

/// Script addresses as TOML basic strings (escapes are TOML's: `\t` is a real tab).
const DISGUISES: &[&str] = &[
    "javascript:alert(document.domain);/x/",
    "javascript://%0aalert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\\tscript:alert(1)",
    "java\\nscript:alert(1)",
    "\\u0001javascript:alert(1)",
    "java\\u200bscript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&#x3A;alert(1)",
    "javascript%3Aalert(1)",
    "%6A%61vascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
];

/// The front-matter line (line 3 of each page) that carries a disguise, per field.
fn field_line(field: &str, value: &str) -> String {
    match field {
        "aliases" => format!("aliases = [\"{value}\"]"),
        "attachments" => format!("attachments = [{{ path = \"{value}\", title = \"报名表\" }}]"),
        _ => format!("{field} = \"{value}\""),
    }
}

#[test]
fn every_disguise_in_every_field_is_an_error_at_its_line() {
    let site = Site::minimal();
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\n+++\n",
    );
    let mut expected = Vec::new();
    for field in ["path", "slug", "aliases", "attachments", "cover", "website"] {
        for (i, value) in DISGUISES.iter().enumerate() {
            let file = format!("content/orgs/{field}-{i}.md");
            site.write(
                &file,
                &format!(
                    "+++\ntitle = \"第{i}篇\"\n{}\nlevel = \"society\"\n+++\n正文。\n",
                    field_line(field, value)
                ),
            );
            expected.push(format!("{file}:3:"));
        }
    }
    for (i, value) in DISGUISES.iter().enumerate() {
        let file = format!("content/s{i}/_index.md");
        site.write(
            &file,
            &format!("+++\ntitle = \"栏目\"\nredirect_to = \"{value}\"\n+++\n"),
        );
        expected.push(format!("{file}:3:"));
    }
    let stderr = site.build_fails();
    for place in &expected {
        assert_contains(&stderr, &format!("--> {place}"));
    }
    assert_eq!(stderr.matches("error[E0213]").count(), expected.len());
    assert!(
        !site.path("public").exists(),
        "nothing is published by a failed build"
    );
}

#[test]
fn the_reported_path_and_attachment_of_the_issue_are_refused() {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}build_search_index = true\ntraditional = true\n"),
    );
    site.write(
        "content/a.md",
        "+++\ntitle = \"通知\"\npath = \"javascript:alert(document.domain);/x/\"\n+++\n正文。\n",
    );
    site.write(
        "content/b/index.md",
        "+++\ntitle = \"附件\"\nattachments = [{ path = \"javascript://%0aalert(1)\" }]\n+++\n正文。\n",
    );
    let stderr = site.build_fails();
    assert_contains(
        &stderr,
        "error[E0213]: `path` 「javascript:alert(document.domain);/x/」 is not a path on this site",
    );
    assert_contains(&stderr, "--> content/a.md:3:8");
    assert_contains(&stderr, "--> content/b/index.md:3:25");
    assert_contains(&stderr, "`javascript:` kind");
}

#[test]
fn menus_in_the_config_go_through_the_same_rule() {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}\n\
             [[menus]]\ntitle = \"首页\"\nurl = \"/\"\n\n\
             [[menus]]\ntitle = \"来信\"\nurl = \"mailto:kx@example.org\"\n\n\
             [[menus]]\ntitle = \"坏\"\nurl = \"javascript://%0aalert(1)\"\n\
             children = [{{ title = \"子\", url = \"java\\tscript:x\" }}]\n"
        ),
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "error[E0110]");
    assert_contains(&stderr, "--> site-config.toml:14:7");
    assert_contains(&stderr, "--> site-config.toml:15:34");
    assert_eq!(stderr.matches("error[E0110]").count(), 2, "{stderr}");
}

#[test]
fn directory_tables_go_through_the_same_rule_at_the_cell() {
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
        "title,level,website,slug\n\
         某学会,society,https://a.example.org/,a\n\
         另一学会,society,&#106;avascript:alert(1),b\n\
         第三学会,society,,javascript:x\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "--> data/orgs.csv:3:14");
    assert_contains(&stderr, "--> data/orgs.csv:4:15");
    assert_eq!(stderr.matches("error[E0213]").count(), 2, "{stderr}");
}

#[test]
fn the_search_page_links_to_paths_on_the_site_only() {
    if Command::new("node").arg("--version").output().is_err() {
        let required = std::env::var("MENHU_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "node is required (MENHU_REQUIRE_BROWSER=1) but missing"
        );
        eprintln!("skipped: `node` is not installed, so the search client cannot be run");
        return;
    }
    // Paths an index could hold if a page got past the build's checks (an index from an
    // older menhu, a file edited by hand).
    let hostile = [
        "javascript:alert(document.domain);/x/",
        "javascript://%0aalert(1)",
        "JAVASCRIPT:alert(1)",
        "\tjavascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "\\\\evil.example/x",
        "/\\evil.example/x",
        "https://evil.example/",
    ];
    let script = r#"
const { resultUrl } = await import(process.env.CORE);
const paths = JSON.parse(process.env.PATHS);
const root = 'https://kx.example.org/portal/';
console.log(JSON.stringify({
  plain: paths.map((p) => resultUrl(p, root)),
  traditional: paths.map((p) => resultUrl(p, root, 'zh-hant/')),
  ordinary: [resultUrl('/news/a/', root), resultUrl('/news/a/', root, 'zh-hant/')],
}));
"#;
    let core =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/search/client/search-core.js");
    let core_url = format!("file://{}", core.display());
    let paths = serde_json::to_string(&hostile).unwrap();
    let out = Command::new("node")
        .args(["--input-type=module", "-e", script])
        .env("CORE", OsStr::new(&core_url))
        .env("PATHS", OsStr::new(&paths))
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let urls: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for kind in ["plain", "traditional"] {
        for (path, url) in hostile.iter().zip(urls[kind].as_array().unwrap()) {
            let url = url.as_str().unwrap();
            assert!(
                url.starts_with("https://kx.example.org/portal/"),
                "{path:?} became {url}"
            );
        }
    }
    assert_eq!(
        urls["ordinary"],
        serde_json::json!([
            "https://kx.example.org/portal/news/a/",
            "https://kx.example.org/portal/zh-hant/news/a/"
        ])
    );
}
