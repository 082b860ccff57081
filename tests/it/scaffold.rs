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

/// 17:30 UTC on 6 December is 01:30 on the 7th in Beijing.
const LATE_EVENING_UTC: [(&str, &str); 3] = [
    ("TZ", "UTC"),
    ("MENHU_NOW", "2026-12-06T17:30:00Z"),
    ("MENHU_LANG", "zh-Hans"),
];

#[test]
fn new_writes_a_page_dated_today_on_the_site_clock_that_builds() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    let run = site.menhu_env(&["new", "news", "汇聚“四长”资源"], &LATE_EVENING_UTC);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = "content/news/2026-12-07-hui-ju-si-chang-zi-yuan.md";
    assert_contains(&run.stdout, file);
    assert_contains(&run.stderr, "已新建稿件");
    assert_contains(&run.stderr, "--bundle");
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    assert_contains(&text, "title = \"汇聚“四长”资源\"");
    assert_contains(&text, "date = 2026-12-07T01:30:00+08:00");
    // The guide on photos whose file name has a space (issue #26).
    assert_contains(&text, "![图片说明](<IMG_2031 现场照片.JPG>)");
    let build = site.menhu_env(&["build"], &LATE_EVENING_UTC);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(site.output_exists("news/hui-ju-si-chang-zi-yuan/index.html"));
    let again = site.menhu_env(&["new", "news", "汇聚“四长”资源"], &LATE_EVENING_UTC);
    assert_eq!(again.code, 1, "never overwrites");
}

/// A long title gives a file name of the pinyin of its beginning, whole syllables, short
/// enough for any disk (its whole pinyin, 240 letters, was refused as too long a name).
#[test]
fn new_with_a_long_title_names_the_file_after_its_beginning() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    let title =
        "梧州市科协组织科技工作者深入乡村开展科普宣讲和农业技术指导服务活动取得明显成效并获好评"
            .repeat(2);
    let run = site.menhu_env(&["new", "news", &title], &LATE_EVENING_UTC);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = "content/news/2026-12-07-wu-zhou-shi-ke-xie-zu-zhi-ke-ji-gong-zuo-zhe-shen-ru-xiang-cun-kai-zhan-ke-pu.md";
    assert_contains(&run.stdout, file);
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    assert_contains(&text, &format!("title = \"{title}\""));
    let build = site.menhu_env(&["build"], &LATE_EVENING_UTC);
    assert_eq!(build.code, 0, "{}", build.stderr);
}

/// A site in UTC dates its new pages in UTC.
#[test]
fn new_follows_the_configured_time_zone() {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}timezone = \"UTC\"\n"),
    );
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    let run = site.menhu_env(&["new", "news", "年会"], &LATE_EVENING_UTC);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(site.path("content/news/2026-12-06-nian-hui.md")).unwrap();
    assert_contains(&text, "date = 2026-12-06T17:30:00+00:00");
}

/// `--bundle` makes a folder for the page, its photos and attachments, and says so.
#[test]
fn new_bundle_makes_a_folder_for_the_page_and_its_photos() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    let run = site.menhu_env(&["new", "news", "调研走访", "--bundle"], &LATE_EVENING_UTC);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = "content/news/2026-12-07-diao-yan-zou-fang";
    assert_eq!(
        run.stdout.trim(),
        site.path(&format!("{folder}/index.md"))
            .display()
            .to_string()
    );
    assert_contains(&run.stderr, &format!("已新建稿件文件夹：{folder}/"));
    assert_contains(&run.stderr, "照片和附件");
    assert_contains(&run.stderr, "和 index.md 放在一起");
    assert_contains(&run.stderr, "![调研现场](xianchang.jpg)");
    // The guidance works: a photo put beside `index.md` is published with the page.
    let index = site.path(&format!("{folder}/index.md"));
    let text = std::fs::read_to_string(&index).unwrap();
    std::fs::write(&index, format!("{text}\n![调研现场](xianchang.jpg)\n")).unwrap();
    site.write_bytes(&format!("{folder}/xianchang.jpg"), b"\xff\xd8\xff\xe0 jpeg");
    let build = site.menhu_env(&["build"], &LATE_EVENING_UTC);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(site.output_exists("news/diao-yan-zou-fang/xianchang.jpg"));
    assert_contains(
        &site.output("news/diao-yan-zou-fang/index.html"),
        "xianchang.jpg",
    );
    // A page and a bundle of one name would claim one address.
    let twice = site.menhu_env(&["new", "news", "调研走访"], &LATE_EVENING_UTC);
    assert_eq!(twice.code, 1, "{}", twice.stderr);
    assert_contains(&twice.stderr, "2026-12-07-diao-yan-zou-fang` 已经存在");
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
    let ignored = std::fs::read_to_string(site.path("portal/.gitignore")).unwrap();
    let rules: Vec<&str> = ignored.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        rules,
        [
            "/public/",
            "/.public.menhu-spare/",
            "/.public.menhu-new-*/",
            "/.public.menhu-old-*/",
            "/.menhu-cache/",
            "/.menhu-trash/"
        ]
    );
    // What a build stopped with Ctrl-C leaves beside the output is not offered to git.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(site.path("portal"))
            .output()
    };
    if git(&["init", "-q"]).is_ok_and(|o| o.status.success()) {
        std::fs::create_dir(site.path("portal/.public.menhu-new-4242")).unwrap();
        std::fs::write(site.path("portal/.public.menhu-new-4242/index.html"), "x").unwrap();
        let status = git(&["status", "--porcelain", "--untracked-files=all"]).unwrap();
        assert_not_contains(&String::from_utf8_lossy(&status.stdout), "menhu-new");
        std::fs::remove_dir_all(site.path("portal/.public.menhu-new-4242")).unwrap();
    }
    assert!(
        site.path("portal/themes/portal/templates/base.html")
            .is_file()
    );
    succeeds_in(&site.path("portal"), &["build"]);
    assert!(site.path("portal/public/index.html").is_file());
    let again = site.menhu(&["init", site.path("portal").to_str().unwrap()]);
    assert_eq!(again.code, 1, "init refuses a folder that is not empty");
}

/// The front-matter `date` lines of every page of the site at `root`.
fn page_dates(root: &std::path::Path) -> Vec<String> {
    let mut dates = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|ext| ext == "md") {
            let text = std::fs::read_to_string(&path).unwrap();
            dates.extend(
                text.lines()
                    .filter(|l| l.starts_with("date = "))
                    .map(String::from),
            );
        }
    }
    dates
}

/// A new site is dated the day it is made: its newest news is today's (on the site's
/// clock), the rest keeps its distance and its hour, the days the text names move with
/// it, and `menhu check` finds no column stale that day. File names keep the day each
/// page was written.
#[test]
fn init_dates_the_demo_up_to_today_so_a_new_site_passes_its_audit() {
    let site = Site::empty();
    let dir = site.path("portal");
    // 18:00 UTC on 28 February is 02:00 on 1 March in Beijing.
    let march = [
        ("TZ", "UTC"),
        ("MENHU_NOW", "2027-02-28T18:00:00Z"),
        ("MENHU_LANG", "zh-Hans"),
    ];
    let run = site.menhu_env(&["init", dir.to_str().unwrap()], &march);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "示例稿件的日期已整体顺延");
    let dates = page_dates(&dir);
    assert!(dates.contains(&"date = 2027-03-01".to_owned()), "{dates:?}");
    let timed = std::fs::read_to_string(
        dir.join("content/news/2026-09-18-quan-qu-ke-pu-ri-qi-dong/index.md"),
    )
    .unwrap();
    assert_contains(&timed, "\ndate = 2027-02-23T09:30:00+08:00\n");
    assert_contains(&timed, "\nheadline_until = 2027-12-05\n");
    assert_contains(&timed, "2026年");
    // A notice's deadline and 落款 move with its date: it is not dated after them.
    let notice = std::fs::read_to_string(
        dir.join("content/news/tzgg/2026-03-10-jiang-jie-da-sai-bao-ming/index.md"),
    )
    .unwrap();
    assert_contains(&notice, "\ndate = 2026-08-15\n");
    assert_contains(&notice, "报名截止时间为9月20日。\"");
    assert_contains(&notice, "于2026年9月20日前报送");
    assert_contains(&notice, "\n2026年8月15日\n");

    let check = menhu_env(&dir, &["check", "--format", "json"], &march);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert_not_contains(&check.stdout, "\"C02");
}

/// A clock set before the demo was written moves nothing into the future.
#[test]
fn init_on_a_clock_behind_the_demo_keeps_its_dates() {
    let site = Site::empty();
    let dir = site.path("portal");
    let past = [("TZ", "UTC"), ("MENHU_NOW", "2026-01-01T00:00:00Z")];
    let run = site.menhu_env(&["init", dir.to_str().unwrap()], &past);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_not_contains(&run.stderr, "moved");
    let dates = page_dates(&dir);
    assert!(dates.contains(&"date = 2026-09-24".to_owned()), "{dates:?}");
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

/// A notice made with `menhu new news/tzgg` (or 新建稿件 in the online editor) is filed
/// under 通知公告 as the demo's notices are, not under 新闻中心 as a news item (and an
/// item of 特别关注 under 特别关注), and its
/// body already has the 主送 line, the 附件 line and the 落款 (organisation, then today's
/// date as 「2026年5月1日」) for the editor to fill in.
#[test]
fn new_pages_in_the_demo_are_filed_in_the_demos_categories_notices_with_a_signature() {
    let site = Site::empty();
    let dir = init_demo(&site);
    let stdout = succeeds_in(
        &dir,
        &["new", "news/tzgg", "关于举办科普讲解员培训班的通知"],
    );
    let text = std::fs::read_to_string(stdout.trim()).unwrap();
    assert_contains(&text, "categories = [\"通知公告\"]");
    assert_contains(&text, "附件：");
    let lines: Vec<&str> = text.trim_end().lines().rev().take(2).collect();
    assert_eq!(lines.get(1), Some(&"在这里写发文单位"), "{text}");
    let date = lines.first().copied().unwrap_or("");
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = date.trim_end_matches('日').split(['年', '月']).collect();
    assert!(
        date.ends_with('日') && parts.len() == 3 && parts.iter().all(|p| digits(p)),
        "{text}"
    );
    // Likewise a 特别关注 item under 特别关注.
    let stdout = succeeds_in(
        &dir,
        &["new", "news/tbgz", "全区科协系统深化改革推进会召开"],
    );
    let text = std::fs::read_to_string(stdout.trim()).unwrap();
    assert_contains(&text, "categories = [\"特别关注\"]");
    // And a news item in the category of the demo's own news, not a category of its own.
    let stdout = succeeds_in(&dir, &["new", "news", "市科协召开年度工作会议"]);
    let text = std::fs::read_to_string(stdout.trim()).unwrap();
    let demo =
        std::fs::read_to_string(dir.join("content/news/2026-05-30-ke-ji-gong-zuo-zhe-ri.md"))
            .unwrap();
    let category = |t: &str| {
        t.lines()
            .find(|l| l.starts_with("categories"))
            .map(str::to_owned)
    };
    assert_eq!(category(&text), category(&demo), "{text}");
    assert!(category(&text).is_some(), "{text}");
    succeeds_in(&dir, &["build"]);
}
