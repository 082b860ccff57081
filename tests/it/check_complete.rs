//! `menhu check` reports everything in one run (issue #26): a build error (a broken
//! `@/` link, an unknown city, a page that cannot be read, a broken template) does not
//! hide the problems of the stages that can still run, and a problem written once in
//! Markdown is reported once, at its line, however many lists, feeds and Traditional
//! copies repeat the page's summary.

use crate::check::{CONFIG, TODAY, clean_site, json_records, page, templates};
use crate::support::Site;

/// `check --format json` on `site`: exit code and the (code, file, line) of each record.
fn check_json(site: &Site) -> (i32, Vec<(String, String, u64)>, String) {
    let run = site.menhu(&["check", "--today", TODAY, "--format", "json"]);
    let records = json_records(&run.stdout)
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap_or_default().to_owned(),
                r["file"].as_str().unwrap_or_default().to_owned(),
                r["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    (run.code, records, run.stdout)
}

/// The clean site with summaries on the column pages and a Traditional copy, so that
/// a page's summary is repeated in several outputs.
fn site_with_summaries_in_lists() -> Site {
    let site = clean_site();
    site.write("site-config.toml", &format!("traditional = true\n{CONFIG}"));
    templates(&site, false);
    let section = std::fs::read_to_string(site.path("templates/section.html")).unwrap();
    site.write(
        "templates/section.html",
        &section.replace(
            "{{ p.title }}</a>",
            "{{ p.title }}</a>{{ p.summary | safe }}",
        ),
    );
    site
}

#[test]
fn a_broken_link_a_missing_image_no_alt_text_and_an_undated_item_in_one_run() {
    let site = site_with_summaries_in_lists();
    // Line 7: an `@/` link to no page (a build error); line 9: a missing image in the
    // summary, so every list showing the page and the Traditional copy repeat it;
    // line 13: an image without alt text.
    site.write(
        "content/news/2026-05-29-si-ge-wen-ti.md",
        &page(
            "四个问题",
            Some("2026-05-29"),
            "\n见[通知](@/notices/bu-cun-zai.md)。\n\n![活动现场](xian-chang.jpg)\n\n<!-- more -->\n\n![](/img/photo.png)\n",
        ),
    );
    site.write(
        "content/news/mei-you-ri-qi.md",
        &page("没有日期的稿件", None, "\n正文。\n"),
    );
    let (code, records, stdout) = check_json(&site);
    assert_eq!(code, 1, "{stdout}");
    let file = "content/news/2026-05-29-si-ge-wen-ti.md";
    let expected = [
        ("C0103", file, 9),
        ("C0105", file, 13),
        ("C0204", "content/news/mei-you-ri-qi.md", 1),
        ("E0210", file, 7),
    ];
    let mut got: Vec<(&str, &str, u64)> = records
        .iter()
        .map(|(c, f, l)| (c.as_str(), f.as_str(), *l))
        .collect();
    got.sort();
    assert_eq!(got, expected, "{stdout}");
    // The build itself still stops at the broken link.
    let build = site.menhu(&["build"]);
    assert_eq!(build.code, 1, "{}", build.stderr);
}

#[test]
fn a_link_that_works_on_its_page_but_not_in_lists_is_reported_once_at_its_line() {
    let site = site_with_summaries_in_lists();
    site.write(
        "content/news/2026-05-29-tu-pian/index.md",
        &page(
            "图片新闻",
            Some("2026-05-29"),
            "\n![活动现场](xian-chang.svg)\n\n<!-- more -->\n\n正文。\n",
        ),
    );
    // A drawing, published as it is (a photo would get copies with full addresses).
    site.write(
        "content/news/2026-05-29-tu-pian/xian-chang.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let (code, records, stdout) = check_json(&site);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(
        records,
        [(
            "C0109".to_owned(),
            "content/news/2026-05-29-tu-pian/index.md".to_owned(),
            7
        )],
        "{stdout}"
    );
    assert!(stdout.contains("/news/tu-pian/xian-chang.svg"), "{stdout}");
}

#[test]
fn a_page_that_cannot_be_read_hides_nothing_else() {
    let site = clean_site();
    site.write(
        "content/notices/2026-05-21-huai.md",
        "+++\ntitle = = \"坏的前言\"\ndate = 2026-05-21\n+++\n正文。\n",
    );
    // A link to the unreadable page is that page's problem, not a second one here.
    site.write(
        "content/news/2026-05-29-lian-jie.md",
        "+++\ntitle = \"链接和城市\"\ndate = 2026-05-29\nsource = \"检查门户\"\ncity = \"梧洲\"\n+++\n\n见[坏页](@/notices/2026-05-21-huai.md)。\n\n![](/img/photo.png)\n",
    );
    let (code, records, stdout) = check_json(&site);
    assert_eq!(code, 1, "{stdout}");
    let codes: Vec<&str> = records.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(codes.len(), 3, "{stdout}");
    for code in ["E0206", "E0301", "C0105"] {
        assert!(codes.contains(&code), "{code} missing: {stdout}");
    }
}

#[test]
fn a_broken_template_still_reports_the_content_problems() {
    let site = clean_site();
    site.write("templates/page.html", "<main>{{ page.title </main>");
    site.write(
        "content/news/2026-05-29-cheng-shi.md",
        "+++\ntitle = \"城市写错\"\ndate = 2026-05-29\nsource = \"检查门户\"\ncity = \"梧洲\"\n+++\n\n见[通知](@/notices/bu-cun-zai.md)。\n\n![](/img/photo.png)\n",
    );
    let (code, records, stdout) = check_json(&site);
    assert_eq!(code, 1, "{stdout}");
    let codes: Vec<&str> = records.iter().map(|r| r.0.as_str()).collect();
    for code in ["E0403", "E0301", "E0210", "C0105"] {
        assert!(codes.contains(&code), "{code} missing: {stdout}");
    }
}
