//! Publishing an editor can trust (issue #26): dates with an offset are instants, dates
//! without one are read in the site's `timezone`, whatever the machine's `TZ`; every
//! build says what it did not publish and why (`--verbose`, `--format json`); a page
//! due tomorrow is validated today without being published.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::serve_http::Server;
use crate::support::{MINIMAL_TEMPLATES, Run, Site, assert_contains, assert_not_contains};

/// The morning: 08:09 UTC is 16:09 in Beijing.
const NOW: &str = "2026-12-06T08:09:00Z";
const ZONES: [&str; 3] = ["UTC", "Asia/Shanghai", "America/Los_Angeles"];

/// Templates that show every date the way themes do: `<time datetime>`, a formatted
/// day, and the government `PubDate` meta tag.
const DATED_PAGE: &str = "<html><head><meta name=\"PubDate\" content=\"{% if page.date %}{{ page.date | replace(from=\"T\", to=\" \") | truncate(length=16, end=\"\") }}{% endif %}\"></head><body><main><h1>{{ page.title }}</h1>{% if page.date %}<time datetime=\"{{ page.date }}\">{{ page.date | date(format=\"%Y-%m-%d\") }}</time>{% endif %}{% if page.updated %}<time class=\"updated\" datetime=\"{{ page.updated }}\">{{ page.updated }}</time>{% endif %}{{ page.content | safe }}</main></body></html>";

fn news_site(config_extra: &str) -> Site {
    let site = Site::empty();
    site.write(
        "site-config.toml",
        &format!("base_url = \"https://kx.example.org\"\ntitle = \"测试门户\"\n{config_extra}"),
    );
    site.write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n");
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    for (path, text) in MINIMAL_TEMPLATES {
        site.write(path, text);
    }
    site.write("templates/page.html", DATED_PAGE);
    site
}

fn page(site: &Site, name: &str, title: &str, front: &str) {
    site.write(
        &format!("content/news/{name}.md"),
        &format!("+++\ntitle = \"{title}\"\n{front}\n+++\n{title}的正文。\n"),
    );
}

/// `menhu build` under the machine time zone `tz` at [`NOW`].
fn build_in(site: &Site, tz: &str, args: &[&str]) -> Run {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = site.menhu_env(&all, &[("TZ", tz), ("MENHU_NOW", NOW)]);
    assert_eq!(run.code, 0, "build under TZ={tz} failed:\n{}", run.stderr);
    run
}

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or("")
}

/// The scenario: an article dated 15:00 Beijing time, built at 08:09 UTC by a
/// runner in UTC. 15:00 in Beijing was 07:00 UTC: the article is out.
#[test]
fn an_article_due_this_afternoon_in_beijing_is_published_by_a_runner_in_utc() {
    let site = news_site("");
    page(
        &site,
        "2026-12-06-jin-ri-yao-wen",
        "今日要闻",
        "date = 2026-12-06T15:00:00+08:00",
    );
    let run = build_in(&site, "UTC", &[]);
    assert!(site.output_exists("news/jin-ri-yao-wen/index.html"));
    assert_contains(&site.output("news/index.html"), "今日要闻");
    assert_contains(&site.output("atom.xml"), "<title>今日要闻</title>");
    assert_eq!(last_line(&run.stderr), "every page published");
}

/// Dates written every way (offset, `Z`, no offset, a bare day, from a file name) give
/// the same output whatever the machine's time zone, shown on the site's clock.
#[test]
fn the_output_is_byte_identical_whatever_the_machine_time_zone() {
    let site = news_site("generate_feeds = true\n");
    page(&site, "a", "带时区", "date = 2026-12-06T15:00:00+08:00");
    page(&site, "b", "协调世界时", "date = 2026-12-05T23:30:00Z");
    page(&site, "c", "北京时间无时区", "date = 2026-12-06T16:00:00");
    page(
        &site,
        "d",
        "只有日期",
        "date = 2026-12-06\nupdated = 2026-12-06T01:00:00Z",
    );
    page(&site, "e", "稍晚发布", "date = 2026-12-06T16:30:00");
    page(
        &site,
        "f",
        "将要过期",
        "date = 2026-11-01\nexpires = 2026-12-06T16:00:00",
    );
    site.write(
        "content/news/2026-12-04-wen-jian-ming.md",
        "+++\ntitle = \"文件名日期\"\n+++\n正文。\n",
    );
    let mut trees = Vec::new();
    for tz in ZONES {
        let out = format!("out-{}", tz.replace('/', "-"));
        build_in(&site, tz, &["--output", &out]);
        trees.push((tz, tree(&site.path(&out))));
    }
    let (first_tz, first) = &trees[0];
    for (tz, other) in &trees[1..] {
        let names: Vec<&String> = first.keys().collect();
        assert_eq!(
            names,
            other.keys().collect::<Vec<_>>(),
            "{first_tz} vs {tz}"
        );
        for (path, bytes) in first {
            assert!(
                other.get(path) == Some(bytes),
                "`{path}` differs between TZ={first_tz} and TZ={tz}"
            );
        }
    }
    let read = |path: &str| String::from_utf8_lossy(&first[path]).into_owned();
    // 23:30 UTC on the 5th is 07:30 on the 6th in Beijing.
    let b = read("news/b/index.html");
    assert_contains(
        &b,
        "<time datetime=\"2026-12-06T07:30:00+08:00\">2026-12-06</time>",
    );
    assert_contains(&b, "<meta name=\"PubDate\" content=\"2026-12-06 07:30\">");
    // No offset: Beijing time.
    let c = read("news/c/index.html");
    assert_contains(&c, "<time datetime=\"2026-12-06T16:00:00+08:00\">");
    let d = read("news/d/index.html");
    assert_contains(&d, "<time datetime=\"2026-12-06\">2026-12-06</time>");
    assert_contains(&d, "<meta name=\"PubDate\" content=\"2026-12-06\">");
    assert_contains(&d, "datetime=\"2026-12-06T09:00:00+08:00\"");
    // 16:30 Beijing time is after 16:09: not out yet.
    assert!(!first.contains_key("news/e/index.html"));
    // Expired at 16:00 Beijing time: still at its address, out of the list.
    assert!(first.contains_key("news/f/index.html"));
    assert_not_contains(&read("news/index.html"), "将要过期");
    let atom = read("atom.xml");
    assert_contains(&atom, "<published>2026-12-06T07:30:00+08:00</published>");
    assert_contains(&atom, "<published>2026-12-04T00:00:00+08:00</published>");
    assert_contains(&atom, "<updated>2026-12-06T16:00:00+08:00</updated>");
    assert_contains(
        &read("sitemap.xml"),
        "<loc>https://kx.example.org/news/b/</loc><lastmod>2026-12-06</lastmod>",
    );
}

/// `timezone` decides how a time without an offset is read; an English site reads it
/// in UTC unless told otherwise.
#[test]
fn times_without_an_offset_are_read_in_the_site_time_zone() {
    // 08:30 without an offset: 00:30 UTC in Beijing (out at 08:09 UTC), 08:30 UTC in
    // UTC (not yet), 16:30 UTC in Los Angeles (not yet).
    let cases = [
        ("", true),
        ("default_language = \"en\"\n", false),
        ("timezone = \"UTC\"\n", false),
        ("timezone = \"America/Los_Angeles\"\n", false),
        (
            "default_language = \"en\"\ntimezone = \"Asia/Shanghai\"\n",
            true,
        ),
    ];
    for (config, published) in cases {
        let site = news_site(config);
        page(&site, "a", "早间新闻", "date = 2026-12-06T08:30:00");
        build_in(&site, "UTC", &[]);
        assert_eq!(
            site.output_exists("news/a/index.html"),
            published,
            "with config {config:?}"
        );
    }
}

#[test]
fn an_unknown_time_zone_is_a_config_error_with_the_zone_meant() {
    let site = news_site("timezone = \"Asia/Beijing\"\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "error[E0102]: unknown time zone 「Asia/Beijing」");
    assert_contains(&stderr, "--> site-config.toml:3:12");
    assert_contains(&stderr, "did you mean `timezone = \"Asia/Shanghai\"`?");
    let site = news_site("timezone = \"europe/berlin\"\n");
    assert_contains(
        &site.build_fails(),
        "did you mean `timezone = \"Europe/Berlin\"`?",
    );
}

#[test]
fn now_must_be_an_instant() {
    let site = news_site("");
    for bad in ["2026-12-06", "2026-12-06T08:09:00", "tomorrow"] {
        let run = site.menhu_env(&["build"], &[("MENHU_NOW", bad)]);
        assert_eq!(run.code, 2, "MENHU_NOW={bad}: {}", run.stderr);
        assert_contains(&run.stderr, "2026-12-06T08:09:00Z");
        let run = site.menhu(&["--now", bad, "build"]);
        assert_eq!(run.code, 2, "--now {bad}: {}", run.stderr);
    }
    let help = site.menhu(&["build", "--help"]);
    assert_not_contains(&help.stdout, "--now");
    assert_not_contains(&help.stdout, "MENHU_NOW");
}

/// Two scheduled pages, a draft and an expired page.
fn site_with_pages_left_out() -> Site {
    let site = news_site("");
    page(
        &site,
        "today",
        "今日要闻",
        "date = 2026-12-06T15:00:00+08:00",
    );
    page(
        &site,
        "tomorrow",
        "明日预告",
        "date = 2026-12-07T09:00:00+08:00",
    );
    page(&site, "later", "下周预告", "date = 2026-12-14");
    page(&site, "draft", "草稿", "draft = true\ndate = 2026-12-01");
    page(
        &site,
        "old",
        "旧通知",
        "date = 2026-01-01\nexpires = 2026-06-01",
    );
    site
}

#[test]
fn every_build_ends_saying_what_it_did_not_publish_and_why() {
    let site = site_with_pages_left_out();
    let run = build_in(&site, "UTC", &[]);
    assert_eq!(
        last_line(&run.stderr),
        "3 pages not published: 2 scheduled (next: 2026-12-07 09:00 +08:00), 1 draft; 1 expired page (still at its address, in no list, feed or search)"
    );
    assert_not_contains(&run.stderr, "content/news/tomorrow.md");

    let verbose = build_in(&site, "UTC", &["--verbose"]);
    let listed: Vec<&str> = verbose
        .stderr
        .lines()
        .filter(|l| l.starts_with("  "))
        .collect();
    assert_eq!(
        listed,
        [
            "  scheduled  2026-12-07 09:00 +08:00  content/news/tomorrow.md",
            "  scheduled  2026-12-14 00:00 +08:00  content/news/later.md",
            "  draft      2026-12-01 00:00 +08:00  content/news/draft.md",
            "  expired    2026-06-01 00:00 +08:00  content/news/old.md",
        ]
    );
    assert!(!site.output_exists("news/tomorrow/index.html"));
    assert!(!site.output_exists("news/draft/index.html"));

    let drafts = build_in(&site, "UTC", &["--drafts"]);
    assert!(site.output_exists("news/tomorrow/index.html"));
    assert!(last_line(&drafts.stderr).starts_with("every page published (--drafts"));
}

/// `menhu build --format json`: the account a CI job reads, e.g. to schedule its next
/// run at `pages.next_scheduled`.
#[test]
fn build_format_json_gives_ci_the_account_of_the_build() {
    let site = site_with_pages_left_out();
    let run = build_in(&site, "UTC", &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    assert_eq!(json["version"], 1);
    assert_eq!(json["ok"], true);
    assert!(
        json["output"]
            .as_str()
            .is_some_and(|o| o.ends_with("public"))
    );
    let pages = &json["pages"];
    assert_eq!(pages["published"], 2, "{pages}");
    assert_eq!(pages["next_scheduled"], "2026-12-07T09:00:00+08:00");
    assert_eq!(pages["timezone"], "Asia/Shanghai");
    let not_published: Vec<(String, String, String)> = pages["not_published"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap_or("").to_owned(),
                p["reason"].as_str().unwrap_or("").to_owned(),
                p["date"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expect = |file: &str, reason: &str, date: &str| {
        (file.to_owned(), reason.to_owned(), date.to_owned())
    };
    assert_eq!(
        not_published,
        [
            expect(
                "content/news/tomorrow.md",
                "scheduled",
                "2026-12-07T09:00:00+08:00"
            ),
            expect(
                "content/news/later.md",
                "scheduled",
                "2026-12-14T00:00:00+08:00"
            ),
            expect(
                "content/news/draft.md",
                "draft",
                "2026-12-01T00:00:00+08:00"
            ),
        ]
    );
    assert_eq!(pages["expired"][0]["file"], "content/news/old.md");
    assert_eq!(json["diagnostics"], serde_json::json!([]));

    // A failed build says so, with its problems, and leaves `pages` empty.
    site.write(
        "content/news/bad.md",
        "+++\ntitle = \"坏\"\n+++\n[x](@/news/nope.md)\n",
    );
    let run = site.menhu_env(&["build", "--format", "json"], &[("MENHU_NOW", NOW)]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    assert_eq!(json["ok"], false);
    assert_eq!(json["pages"], serde_json::Value::Null);
    assert_eq!(json["diagnostics"][0]["code"], "E0210");
    assert_eq!(json["diagnostics"][0]["file"], "content/news/bad.md");
}

/// A broken link in a page due tomorrow is reported today, by `build` and `check`,
/// without holding back today's pages; a link to it from a published page is a warning,
/// not a broken link.
#[test]
fn a_page_due_tomorrow_is_validated_today_without_being_published() {
    let site = news_site("");
    page(
        &site,
        "today",
        "今日要闻",
        "date = 2026-12-06T15:00:00+08:00",
    );
    site.write(
        "content/news/tomorrow.md",
        "+++\ntitle = \"明日预告\"\ndate = 2026-12-07T09:00:00+08:00\n+++\n\n见[报名通知](@/news/baoming.md)。\n",
    );
    site.write(
        "content/news/today.md",
        "+++\ntitle = \"今日要闻\"\ndate = 2026-12-06T15:00:00+08:00\n+++\n\n明天见[预告](@/news/tomorrow.md)。\n",
    );
    let run = build_in(&site, "UTC", &[]);
    assert_contains(
        &run.stderr,
        "warning[E0210]: content/news/tomorrow.md:6:2: internal link `@/news/baoming.md` points to no page",
    );
    assert_contains(
        &run.stderr,
        "this page is scheduled for 2026-12-07 09:00 +08:00",
    );
    assert_contains(
        &run.stderr,
        "warning[W0305]: content/news/today.md:6:1: link to `@/news/tomorrow.md`, a page scheduled for 2026-12-07 09:00 +08:00",
    );
    assert!(site.output_exists("news/today/index.html"));
    assert!(!site.output_exists("news/tomorrow/index.html"));

    let check = site.menhu_env(
        &["check", "--format", "json"],
        &[("TZ", "UTC"), ("MENHU_NOW", NOW)],
    );
    let codes: Vec<(String, String)> = check
        .stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_owned(),
                d["file"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert!(
        codes.contains(&("E0210".into(), "content/news/tomorrow.md".into())),
        "{}",
        check.stdout
    );
    assert!(
        codes.contains(&("W0305".into(), "content/news/today.md".into())),
        "{}",
        check.stdout
    );
    assert!(
        !codes.iter().any(|(code, _)| code == "C0101"),
        "a link to a scheduled page is not a broken link:\n{}",
        check.stdout
    );

    // On its day the page is out, and its broken link fails the build.
    let due = site.menhu_env(&["build"], &[("MENHU_NOW", "2026-12-07T01:00:00Z")]);
    assert_eq!(due.code, 1, "{}", due.stderr);
    assert_contains(&due.stderr, "error[E0210]");
}

/// `check` measures staleness from today on the site's clock: at 01:30 on the 7th in
/// Beijing (17:30 UTC on the 6th), a news column last updated on 22 November is 15
/// days old, over its 14.
#[test]
fn check_measures_staleness_from_today_on_the_site_clock() {
    let site = news_site("\n[check]\n\n[[check.columns]]\nsection = \"news\"\ndays = 14\n");
    page(&site, "a", "最近一篇", "date = 2026-11-22");
    let stale = |now: &str| {
        let run = site.menhu_env(
            &["check", "--format", "json"],
            &[("TZ", "UTC"), ("MENHU_NOW", now)],
        );
        run.stdout.contains("\"C0202\"")
    };
    assert!(stale("2026-12-06T17:30:00Z"), "15 days in Beijing");
    assert!(!stale("2026-12-06T15:30:00Z"), "14 days in Beijing");
}

/// The next line the server prints that satisfies `wanted`.
fn wait_for_line(server: &Server, wanted: impl Fn(&str) -> bool) -> String {
    loop {
        let line = server
            .log
            .recv_timeout(Duration::from_secs(60))
            .expect("menhu serve went quiet");
        if wanted(&line) {
            return line;
        }
    }
}

/// The preview answers a scheduled page's address as the site will (404), with a page
/// saying when it is due and that this is the preview; an expired page carries a note;
/// the status line counts what is not published, after every rebuild too.
#[test]
fn the_preview_says_when_a_scheduled_page_is_due() {
    let site = site_with_pages_left_out();
    let mut command = Command::new(env!("CARGO_BIN_EXE_menhu"));
    command
        .arg("--root")
        .arg(site.root())
        .args(["serve", "--port", "0"])
        .env("TZ", "UTC")
        .env("MENHU_NOW", NOW);
    let server = Server::spawn(command);
    let status = wait_for_line(&server, |l| l.contains("not published"));
    assert_eq!(
        status,
        "3 pages not published: 2 scheduled (next: 2026-12-07 09:00 +08:00), 1 draft; 1 expired page (still at its address, in no list, feed or search)"
    );

    let due = server.get("/news/tomorrow/");
    assert_eq!(due.status, 404);
    assert_eq!(due.header("content-type"), Some("text/html; charset=utf-8"));
    assert_contains(
        &due.body,
        "This page is scheduled for 2026-12-07 09:00 +08:00",
    );
    assert_contains(
        &due.body,
        "A note of the local preview (menhu serve): this page never appears on the published site",
    );
    assert_contains(&due.body, "“明日预告”");
    assert_contains(&due.body, "<code>content/news/tomorrow.md</code>");
    let without_slash = server.get("/news/tomorrow");
    assert_eq!(without_slash.status, 301);
    assert_eq!(without_slash.header("location"), Some("/news/tomorrow/"));

    let missing = server.get("/news/nope/");
    assert_eq!(missing.status, 404);
    assert_not_contains(&missing.body, "scheduled for");

    let expired = server.get("/news/old/");
    assert_eq!(expired.status, 200);
    assert_contains(
        &expired.body,
        "this page expired on 2026-06-01 00:00 +08:00",
    );
    assert_contains(&expired.body, "<h1>旧通知</h1>");
    assert_not_contains(&server.get("/news/today/").body, "expired on");

    // Moved to the 8th: the count and the notice follow the rebuild.
    site.write(
        "content/news/tomorrow.md",
        "+++\ntitle = \"明日预告\"\ndate = 2026-12-08T09:00:00+08:00\n+++\n改期。\n",
    );
    let status = wait_for_line(&server, |l| l.contains("not published"));
    assert_contains(&status, "2 scheduled (next: 2026-12-08 09:00 +08:00)");
    assert_contains(
        &server.get("/news/tomorrow/").body,
        "This page is scheduled for 2026-12-08 09:00 +08:00",
    );
    // Nothing of the preview's notes reaches a build.
    build_in(&site, "UTC", &[]);
    assert_not_contains(&site.output("news/old/index.html"), "expired on");
}
