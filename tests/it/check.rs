//! `menhu check`: a site seeded with one instance of every problem reports each once,
//! at the right file and line, in every output format; a clean site exits 0; the demo
//! portal passes; `--report` writes a self-contained page; config keys are validated.

use crate::support::{Site, assert_contains, assert_not_contains};

pub const TODAY: &str = "2026-06-01";

pub const CONFIG: &str = r#"base_url = "https://kx.example.org"
title = "检查门户"

[check]
government = true

[[check.columns]]
section = "news"
days = 60

[[check.columns]]
section = "about"
type = "exempt"

[[check.wording]]
right = "韦晓岚"
wrong = ["韦小岚"]

[[check.forbidden]]
term = "科协系统内部"
instead = "科协系统"
"#;

/// The head every template writes; `source` decides whether `ContentSource` is there.
fn head(extra: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"SiteName\" content=\"{{{{ config.title }}}}\"><meta name=\"SiteDomain\" content=\"kx.example.org\"><meta name=\"SiteIDCode\" content=\"4500000001\">{extra}</head><body>"
    )
}

fn footer(police: bool) -> String {
    let police = if police {
        "桂公网安备 45010000000001号"
    } else {
        ""
    };
    format!("<footer>桂ICP备00000001号 {police} 网站标识码：4500000001</footer></body></html>")
}

/// Templates with the government meta tags and footer; `broken` adds a broken template
/// link, leaves out `ContentSource` on articles and the 公安 filing number everywhere.
pub fn templates(site: &Site, broken: bool) {
    let nav = if broken {
        "<nav><a href=\"/zhengce/\">政策</a><a href=\"/news/\">新闻</a></nav>"
    } else {
        "<nav><a href=\"/news/\">新闻</a></nav>"
    };
    let source = if broken {
        ""
    } else {
        "<meta name=\"ContentSource\" content=\"{{ page.source | default(value=config.title) }}\">"
    };
    let foot = footer(!broken);
    let column = "{% if page.ancestors %}{% set col = get_section(path=page.ancestors | last, metadata_only=true) %}{{ col.title }}{% endif %}";
    site.write(
        "templates/index.html",
        &format!(
            "{}{nav}<main>{{{{ section.title }}}}</main>{foot}",
            head("")
        ),
    );
    site.write(
        "templates/section.html",
        &format!(
            "{}{nav}<main><h1>{{{{ section.title }}}}</h1>{{% for p in section.pages %}}<a href=\"{{{{ p.permalink }}}}\">{{{{ p.title }}}}</a>{{% endfor %}}</main>{foot}",
            head("<meta name=\"ColumnName\" content=\"{{ section.title }}\">")
        ),
    );
    site.write(
        "templates/page.html",
        &format!(
            "{}{nav}<main><h1>{{{{ page.title }}}}</h1>{{{{ page.content | safe }}}}</main>{foot}",
            head(&format!(
                "<meta name=\"ColumnName\" content=\"{column}\"><meta name=\"ArticleTitle\" content=\"{{{{ page.title }}}}\"><meta name=\"PubDate\" content=\"{{{{ page.date | default(value='') }}}}\">{source}"
            ))
        ),
    );
    for name in ["taxonomy_list.html", "taxonomy_single.html", "404.html"] {
        site.write(
            &format!("templates/{name}"),
            &format!("{}{nav}<main></main>{foot}", head("")),
        );
    }
}

pub fn page(title: &str, date: Option<&str>, body: &str) -> String {
    let date = date.map(|d| format!("date = {d}\n")).unwrap_or_default();
    format!("+++\ntitle = \"{title}\"\n{date}source = \"检查门户\"\n+++\n{body}")
}

/// A clean site: every rule passes on `TODAY`.
pub fn clean_site() -> Site {
    let site = Site::empty();
    site.write("site-config.toml", CONFIG);
    templates(&site, false);
    site.write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n");
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻动态\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/news/2026-05-28-ke-pu.md",
        &page(
            "科普活动走进社区",
            Some("2026-05-28"),
            "\n韦晓岚介绍了活动安排。\n\n## 一、安排\n\n详见[通知](@/notices/2026-05-20-tong-zhi.md#yi-shi-jian)。\n\n![活动现场](/img/photo.png)\n",
        ),
    );
    site.write(
        "content/notices/_index.md",
        "+++\ntitle = \"通知公告\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/notices/2026-05-20-tong-zhi.md",
        &page(
            "关于开展科普月活动的通知",
            Some("2026-05-20"),
            "\n## 一、时间 {#yi-shi-jian}\n\n五月。\n",
        ),
    );
    site.write(
        "content/about/_index.md",
        "+++\ntitle = \"关于我们\"\n+++\n",
    );
    site.write_bytes("static/img/photo.png", b"\x89PNG");
    site
}

/// Where each seeded problem must be reported: code, file, line (None: file only).
const EXPECTED: &[(&str, &str, Option<u32>)] = &[
    ("C0101", "content/news/2026-05-01-a.md", Some(7)),
    ("C0102", "content/news/2026-05-01-a.md", Some(9)),
    ("C0103", "content/news/2026-05-02-b.md", Some(7)),
    ("C0104", "public/404.html", Some(1)),
    ("C0105", "content/news/2026-05-02-b.md", Some(9)),
    ("C0106", "content/news/2026-05-04-e.md", Some(2)),
    ("C0107", "content/news/2026-05-02-b.md", Some(13)),
    ("C0201", "content/_index.md", None),
    ("C0202", "content/notices/_index.md", None),
    ("C0203", "content/empty/_index.md", None),
    ("C0204", "content/news/c.md", Some(1)),
    ("C0205", "content/news/2026-05-06-g/index.md", Some(5)),
    ("C0206", "public/news/a/index.html", None),
    ("C0207", "public/404.html", None),
    ("C0301", "content/news/2026-05-05-f.md", Some(2)),
    ("C0302", "content/news/2026-05-05-f.md", Some(7)),
];

/// A site with one instance of every problem `check` finds.
fn problem_site() -> Site {
    let site = Site::empty();
    site.write("site-config.toml", CONFIG);
    templates(&site, true);
    site.write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n");
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻动态\"\nsort_by = \"date\"\n+++\n",
    );
    // Line 7: a link to nowhere; line 9: an anchor that does not exist.
    site.write(
        "content/news/2026-05-01-a.md",
        &page(
            "链接问题",
            Some("2026-05-01"),
            "\n见[旧页面](/jiu-ye-mian/)。\n\n见[第二篇的不存在的小节](@/news/2026-05-02-b.md#bu-cun-zai)。\n",
        ),
    );
    // Line 7: a missing image; line 9: no alt text; line 13: h2 then h4.
    site.write(
        "content/news/2026-05-02-b.md",
        &page(
            "图片问题",
            Some("2026-05-02"),
            "\n![现场照片](missing.png)\n\n![](/img/photo.png)\n\n## 一、概况\n\n#### 细节\n\n文字。\n",
        ),
    );
    site.write_bytes("static/img/photo.png", b"\x89PNG");
    site.write(
        "content/news/c.md",
        &page("没有日期的稿件", None, "\n正文。\n"),
    );
    site.write(
        "content/news/2026-05-03-d.md",
        &page("重复的标题", Some("2026-05-03"), "\n一。\n"),
    );
    site.write(
        "content/news/2026-05-04-e.md",
        &page("重复的标题", Some("2026-05-04"), "\n二。\n"),
    );
    // Line 2: the title has a miswritten name; line 7: a forbidden term.
    site.write(
        "content/news/2026-05-05-f.md",
        "+++\ntitle = \"韦小岚调研科普工作\"\ndate = 2026-05-05\nsource = \"检查门户\"\n+++\n\n在科协系统内部推广经验。\n",
    );
    // Line 5: an attachment that is an empty file.
    site.write(
        "content/news/2026-05-06-g/index.md",
        "+++\ntitle = \"附件问题\"\ndate = 2026-05-06\nsource = \"检查门户\"\nattachments = [{ path = \"kong.pdf\", title = \"空文件\" }]\n+++\n\n见附件。\n",
    );
    site.write_bytes("content/news/2026-05-06-g/kong.pdf", b"");
    // A notice column last updated long ago, and an empty column.
    site.write(
        "content/notices/_index.md",
        "+++\ntitle = \"通知公告\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/notices/2025-01-01-jiu-tong-zhi.md",
        &page("旧通知", Some("2025-01-01"), "\n旧。\n"),
    );
    site.write(
        "content/empty/_index.md",
        "+++\ntitle = \"工作动态\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/about/_index.md",
        "+++\ntitle = \"关于我们\"\n+++\n",
    );
    site
}

pub fn json_records(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

#[test]
fn every_problem_is_reported_once_at_its_place_in_json() {
    let site = problem_site();
    let run = site.menhu(&["check", "--today", TODAY, "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let records = json_records(&run.stdout);
    for (code, file, line) in EXPECTED {
        let hits: Vec<&serde_json::Value> = records.iter().filter(|r| r["code"] == *code).collect();
        assert_eq!(
            hits.len(),
            1,
            "{code} reported {} times:\n{}",
            hits.len(),
            run.stdout
        );
        assert_eq!(hits[0]["file"], *file, "{code}:\n{}", run.stdout);
        if let Some(line) = line {
            assert_eq!(hits[0]["line"], *line, "{code}:\n{}", run.stdout);
        }
        for key in [
            "severity",
            "message",
            "column",
            "end_line",
            "end_column",
            "expected",
            "help",
        ] {
            assert!(hits[0].get(key).is_some(), "{code} lacks `{key}`");
        }
    }
    let codes: Vec<&str> = records.iter().filter_map(|r| r["code"].as_str()).collect();
    for code in &codes {
        assert!(
            EXPECTED.iter().any(|(c, _, _)| c == code),
            "unexpected {code}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn every_problem_is_reported_in_human_and_github_formats() {
    let site = problem_site();
    let human = site.menhu(&["check", "--today", TODAY]);
    assert_eq!(human.code, 1);
    let github = site.menhu(&["check", "--today", TODAY, "--format", "github"]);
    assert_eq!(github.code, 1);
    for (code, file, line) in EXPECTED {
        let place = match line {
            Some(line) => format!("{file}:{line}:"),
            None => file.to_string(),
        };
        assert_eq!(
            human.stderr.matches(&format!("[{code}]")).count(),
            1,
            "{code}:\n{}",
            human.stderr
        );
        assert_contains(&human.stderr, &place);
        let annotation = match line {
            Some(line) => format!("file={file},line={line},"),
            None => format!("file={file},title={code}"),
        };
        let lines: Vec<&str> = github
            .stdout
            .lines()
            .filter(|l| l.contains(&format!("title={code}::")))
            .collect();
        assert_eq!(lines.len(), 1, "{code}:\n{}", github.stdout);
        assert_contains(lines[0], &annotation);
    }
}

#[test]
fn human_output_shows_the_line_and_a_caret_under_the_character_column() {
    let site = problem_site();
    let run = site.menhu(&["check", "--today", TODAY]);
    assert_contains(&run.stderr, "--> content/news/2026-05-05-f.md:2:10");
    assert_contains(&run.stderr, " 2 | title = \"韦小岚调研科普工作\"");
    // Nine narrow characters before the name, then three wide ones: six carets.
    assert_contains(&run.stderr, "   |          ^^^^^^\n");
    assert_contains(&run.stderr, "= help: write 「韦晓岚」");
    assert_contains(&run.stderr, "--> content/news/2026-05-01-a.md:7:8");
}

#[test]
fn a_clean_site_passes_with_exit_code_zero() {
    let site = clean_site();
    let run = site.menhu(&["check", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "no problems found");
    let json = site.menhu(&["check", "--today", TODAY, "--format", "json"]);
    assert_eq!((json.code, json.stdout.as_str()), (0, ""));
}

/// A pull request that breaks `[deploy]` (a key the deploy does not know, appended at
/// the end of the file) or writes a secret into it fails the check, not the publish
/// job after the merge; a good `[deploy]` passes.
#[test]
fn the_deploy_section_is_checked_as_the_deploy_reads_it() {
    let site = clean_site();
    let deploy = "\n[deploy.targets.www]\ntype = \"folder\"\npath = \"/srv/www\"\n";
    site.write("site-config.toml", &format!("{CONFIG}{deploy}"));
    let run = site.menhu(&["check", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site.write(
        "site-config.toml",
        &format!("{CONFIG}{deploy}build_cache = true\n"),
    );
    let run = site.menhu(&["check", "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "error[E0802]");
    assert_contains(&run.stderr, "build_cache");
    site.write(
        "site-config.toml",
        &format!("{CONFIG}{deploy}secret_access_key = \"abc123\"\n"),
    );
    let run = site.menhu(&["check", "--today", TODAY, "--format", "github"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stdout, "file=site-config.toml,line=");
    assert_contains(&run.stdout, "title=E0801::");
}

#[test]
fn staleness_is_measured_from_today() {
    let site = clean_site();
    let run = site.menhu(&["check", "--today", "2026-07-01", "--format", "json"]);
    assert_eq!(run.code, 1);
    let codes: Vec<String> = json_records(&run.stdout)
        .iter()
        .map(|r| r["code"].as_str().unwrap_or_default().to_owned())
        .collect();
    // Home (14 days) is stale after a month; news has 60 days, notices 180.
    assert_eq!(codes, ["C0201"], "{}", run.stdout);
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-27-chong-fu.md",
        &page("科普活动走进社区", Some("2026-05-27"), "\n重复标题。\n"),
    );
    let run = site.menhu(&["check", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "warning[C0106]");
    let strict = site.menhu(&["check", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(strict.code, 1);
}

#[test]
fn build_errors_are_reported_by_check() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-huai.md",
        "+++\ntitle = \"坏链接\"\ndate = 2026-05-29\n+++\n\n[x](@/news/bu-cun-zai.md)\n",
    );
    let run = site.menhu(&["check", "--today", TODAY, "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stdout, "\"code\":\"E0210\"");
    assert_contains(&run.stdout, "\"file\":\"content/news/2026-05-29-huai.md\"");
}

#[test]
fn bad_command_lines_exit_with_two() {
    let site = clean_site();
    assert_eq!(site.menhu(&["check", "--today", "yesterday"]).code, 2);
    assert_eq!(site.menhu(&["check", "--format", "xml"]).code, 2);
}

#[test]
fn the_audit_report_is_self_contained_and_counts_by_column() {
    let site = problem_site();
    // A folder not made yet (a fresh clone in CI) is made.
    let report = site.path("reports/2026/audit.html");
    let audit = |lang: &str| {
        let run = site.menhu(&[
            "--lang",
            lang,
            "check",
            "--today",
            TODAY,
            "--report",
            report.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 1);
        std::fs::read_to_string(&report).unwrap()
    };
    let html = audit("zh-Hans");
    assert_contains(&html, "<html lang=\"zh-Hans\">");
    assert_contains(&html, "<style>");
    assert_contains(&html, "通知公告（notices）");
    assert_contains(&html, "未按时更新");
    assert_contains(&html, "空白栏目");
    assert_contains(&html, "<th>修改建议</th>");
    assert_contains(&html, "<code>C0101</code>");
    // The fixes' quoted names are code, not text between backticks.
    assert_contains(&html, "<code>menhu new");
    assert_not_contains(&html, "`");
    for external in ["http://", "https://", "<script", "<link"] {
        assert_not_contains(&html, external);
    }
    // The same report in English: headings, labels and every problem and fix.
    let html = audit("en");
    assert_contains(&html, "<html lang=\"en\">");
    assert_contains(&html, "<th>How to fix</th>");
    assert_contains(&html, "Not updated in time");
    assert_contains(&html, "Empty column");
    assert_contains(&html, "goes to no page or file");
    for chinese in [
        "问题清单",
        "修改建议",
        "未按时更新",
        "空白栏目",
        "检查页面",
        "错误",
    ] {
        assert_not_contains(&html, chinese);
    }
}

/// The report is read on a phone too: at 390 px wide the browser lays it out at the
/// phone's width and nothing sticks out of the screen (the wide tables scroll in their
/// own box); at 1280 px the same.
#[test]
fn the_audit_report_fits_a_phone_and_a_desktop_screen() {
    if !crate::accessibility::browser_available(
        "the_audit_report_fits_a_phone_and_a_desktop_screen",
    ) {
        return;
    }
    let site = problem_site();
    let folder = site.path("report");
    std::fs::create_dir_all(&folder).unwrap();
    let report = folder.join("audit.html");
    let run = site.menhu(&[
        "--lang",
        "zh-Hans",
        "check",
        "--today",
        TODAY,
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let stdout = crate::support::run_cdp(
        "fits",
        &folder,
        crate::support::free_port(),
        &["/audit.html"],
    );
    assert_contains(&stdout, "every page fits");
}

/// The demo's articles have fixed dates: on a day soon after them it passes every
/// rule (the day is the test's, not the demo's: its config fixes none).
#[test]
fn the_demo_portal_passes() {
    let root = env!("CARGO_MANIFEST_DIR");
    let config =
        std::fs::read_to_string(std::path::Path::new(root).join("site-config.toml")).unwrap();
    assert!(
        !config.lines().any(|l| l.trim_start().starts_with("as_of")),
        "the demo measures the day it is checked"
    );
    let fixed = std::process::Command::new(env!("CARGO_BIN_EXE_menhu"))
        .args([
            "--root",
            root,
            "check",
            "--today",
            "2026-09-25",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&fixed.stdout);
    assert_eq!(
        (fixed.status.code(), stdout.as_ref()),
        (Some(0), ""),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
}

/// A site made by `menhu init` is audited on the day it is checked: months after it
/// was made (its newest news dated that day), its columns are reported stale. A fixed
/// `as_of` left in a config is a warning once it is more than 30 days old.
#[test]
fn a_new_site_is_audited_today_and_an_old_as_of_is_a_warning() {
    let site = Site::empty();
    let dir = site.path("portal");
    let made = [("TZ", "UTC"), ("MENHU_NOW", "2026-09-28T04:00:00Z")];
    let init = site.menhu_env(&["init", dir.to_str().unwrap()], &made);
    assert_eq!(init.code, 0, "{}", init.stderr);
    let check =
        |env: &[(&str, &str)]| crate::support::menhu_env(&dir, &["check", "--format", "json"], env);
    let december = [("TZ", "UTC"), ("MENHU_NOW", "2026-12-06T08:09:00Z")];
    let run = check(&december);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stdout, "\"C0201\"");
    assert_not_contains(&run.stdout, "\"C0208\"");

    let config_file = dir.join("site-config.toml");
    let config = std::fs::read_to_string(&config_file).unwrap();
    let with_as_of = config.replace("[check]\n", "[check]\nas_of = \"2026-09-28\"\n");
    assert_ne!(config, with_as_of);
    std::fs::write(&config_file, &with_as_of).unwrap();
    let line = with_as_of
        .lines()
        .position(|l| l.starts_with("as_of"))
        .unwrap()
        + 1;
    let run = check(&december);
    let warning = run
        .stdout
        .lines()
        .find(|l| l.contains("\"C0208\""))
        .unwrap_or_else(|| panic!("no C0208 in:\n{}", run.stdout));
    assert_contains(warning, "\"severity\":\"warning\"");
    assert_contains(warning, "\"file\":\"site-config.toml\"");
    assert_contains(warning, &format!("\"line\":{line},"));
    assert_contains(warning, "69 days ago");
    assert_not_contains(&run.stdout, "\"C0201\"");

    // Within 30 days, or with `--today`, nothing to warn about.
    let october = [("TZ", "UTC"), ("MENHU_NOW", "2026-10-20T08:00:00Z")];
    assert_not_contains(&check(&october).stdout, "\"C0208\"");
    let today = crate::support::menhu_env(
        &dir,
        &["check", "--format", "json", "--today", "2026-09-28"],
        &december,
    );
    assert_not_contains(&today.stdout, "\"C0208\"");
}

#[test]
fn check_config_keys_are_validated() {
    let site = clean_site();
    site.write(
        "site-config.toml",
        &format!("{CONFIG}\n[[check.columns]]\nsection = \"news\"\ntype = \"xinwen\"\ndyas = 3\n"),
    );
    let run = site.menhu(&["check"]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stderr, "unknown column type `xinwen`");
    assert_contains(&run.stderr, "did you mean `days`?");
}

#[test]
fn an_exempt_or_allowed_empty_column_is_not_reported() {
    let site = clean_site();
    site.write(
        "content/empty/_index.md",
        "+++\ntitle = \"工作动态\"\nsort_by = \"date\"\n+++\n",
    );
    let run = site.menhu(&["check", "--today", TODAY, "--format", "json"]);
    assert_contains(&run.stdout, "\"code\":\"C0203\"");
    site.write(
        "site-config.toml",
        &format!("{CONFIG}\n[[check.columns]]\nsection = \"empty\"\nallow_empty = true\n"),
    );
    let run = site.menhu(&["check", "--today", TODAY, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn chinese_heading_ids_percent_encoded_links_and_template_anchors() {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!(
            "{}[slugify]\nanchors = \"safe\"\n",
            crate::support::MINIMAL_CONFIG
        ),
    );
    site.write(
        "content/a.md",
        "+++\ntitle = \"甲\"\n+++\n\n## 一、概况\n\n[本页](#一-概况) [编码](#%E4%B8%80-%E6%A6%82%E5%86%B5) [乙](@/b.md#二-做法) [错](#三-建议)\n",
    );
    site.write("content/b.md", "+++\ntitle = \"乙\"\n+++\n\n## 二、做法\n");
    let ids = site.menhu(&["build"]);
    assert_eq!(ids.code, 0, "{}", ids.stderr);
    assert_contains(&site.output("a/index.html"), "id=\"一-概况\"");
    let run = site.menhu(&["check", "--format", "json"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_contains(lines[0], "\"code\":\"C0102\"");
    assert_contains(lines[0], "#三-建议");
    assert_contains(lines[0], "\"line\":7");

    // The same anchor written in a template is reported once, at the output.
    site.write("content/a.md", "+++\ntitle = \"甲\"\n+++\n\n## 一、概况\n");
    site.write(
        "templates/page.html",
        "<main>{{ page.content | safe }}<a href=\"/a/#%E4%B8%80-%E6%A6%82%E5%86%B5\">好</a><a href=\"/b/#meiyou\">坏</a></main>",
    );
    let run = site.menhu(&["check", "--format", "json"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_contains(lines[0], "\"code\":\"C0104\"");
    assert_contains(lines[0], "#meiyou");
    assert_contains(lines[0], "(in a template, 2 pages)");
}

#[test]
fn unknown_cities_and_orgs_from_the_build_are_reported() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-wu-zhou.md",
        "+++\ntitle = \"梧州动态\"\ndate = 2026-05-29\nsource = \"检查门户\"\ncity = \"梧洲\"\norg = \"不存在的学会\"\n+++\n\n正文。\n",
    );
    let run = site.menhu(&["check", "--today", TODAY, "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let records = json_records(&run.stdout);
    let city = records
        .iter()
        .find(|r| r["code"] == "E0301")
        .unwrap_or_else(|| panic!("no E0301:\n{}", run.stdout));
    assert_eq!(city["file"], "content/news/2026-05-29-wu-zhou.md");
    assert_eq!(city["line"], 5);
    assert_contains(city["help"].as_str().unwrap_or_default(), "梧州");
}
