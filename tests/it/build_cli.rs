//! The build command end to end: output tree, exit codes, drafts, atomic replacement,
//! output-folder safety, determinism across thread counts.

use crate::support::*;

fn news_site() -> Site {
    let site = Site::minimal();
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/news/2024-05-01-hui-ju.md",
        "+++\ntitle = \"汇聚资源\"\n+++\n正文。\n",
    );
    site
}

#[test]
fn builds_a_minimal_site() {
    let site = news_site();
    let run = site.build();
    assert_contains(&run.stderr, "built 1 pages");
    assert_contains(&site.output("index.html"), "首页");
    assert_contains(&site.output("news/index.html"), "汇聚资源");
    assert_contains(&site.output("news/hui-ju/index.html"), "<p>正文。</p>");
}

/// menhu run in a folder of the site (no `--root`), as in a terminal left in
/// `content/news/`, says where the site is, in the site's language; `serve` stops
/// instead of waiting for a site that is not there.
#[test]
fn run_in_a_folder_of_the_site_says_where_the_site_is() {
    let site = news_site();
    let inside = site.path("content/news");
    let run = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_menhu"))
            .args(args)
            .current_dir(&inside)
            .env("NO_COLOR", "1")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("MENHU_LANG")
            .output()
            .expect("run menhu");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let real = std::fs::canonicalize(site.root()).unwrap();
    let said = format!("这个文件夹在网站 `{}` 里面", real.display());
    for args in [
        &["build"][..],
        &["check"],
        &["serve", "--port", "0"],
        &["deploy"],
    ] {
        let (code, stderr) = run(args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert_contains(&stderr, &said);
        assert_contains(&stderr, "请到那个文件夹里运行 menhu");
    }
}

#[test]
fn usage_errors_exit_with_2() {
    let site = Site::minimal();
    assert_eq!(site.menhu(&["frobnicate"]).code, 2);
    assert_eq!(site.menhu(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(site.menhu(&["new", "news"]).code, 2);
}

/// A wrong `MENHU_NOW` in a CI job is named as set, with the form it takes, in either
/// language; a wrong value of a choice lists the values, in Chinese as in English.
#[test]
fn a_bad_value_says_what_is_expected() {
    let site = Site::minimal();
    for lang in ["zh-Hans", "en"] {
        let run = site.menhu_env(
            &["build"],
            &[("MENHU_NOW", "2026-12-08 10:00"), ("MENHU_LANG", lang)],
        );
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_contains(&run.stderr, "`MENHU_NOW`");
        assert_contains(&run.stderr, "2026-12-06T08:09:00Z");
    }
    let run = site.menhu_env(&["build", "--format", "xml"], &[("MENHU_LANG", "zh-Hans")]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, "可以写的值：human, json");
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = news_site();
    site.build();
    let before = site.output("news/hui-ju/index.html");
    site.write(
        "content/news/2024-05-02-bad.md",
        "+++\ntitle = \"坏\"\ndate = 2024-13-45\n+++\n",
    );
    site.build_fails();
    assert_eq!(site.output("news/hui-ju/index.html"), before);
    assert!(!site.output_exists("news/bad/index.html"));
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("menhu-new"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind");
}

#[test]
fn a_new_build_replaces_stale_files() {
    let site = news_site();
    site.write(
        "content/news/2024-05-02-second.md",
        "+++\ntitle = \"第二\"\n+++\n",
    );
    site.build();
    site.build();
    std::fs::remove_file(site.path("content/news/2024-05-01-hui-ju.md")).unwrap();
    site.write(
        "content/news/2024-05-02-second.md",
        "+++\ntitle = \"改过的第二\"\n+++\n",
    );
    site.build();
    site.build();
    assert!(!site.output_exists("news/hui-ju/index.html"));
    assert!(!site.output_exists("news/hui-ju"), "empty folders go too");
    assert_contains(&site.output("news/second/index.html"), "改过的第二");
    assert!(
        site.path(".public.menhu-spare").is_dir(),
        "the previous build is kept for reuse"
    );
}

#[test]
fn a_file_that_becomes_a_folder_or_a_folder_that_becomes_a_file_still_builds() {
    // Two builds, so that the next one writes over the folder of the first (the spare).
    let site = news_site();
    site.write("static/guide", "a file");
    site.build();
    site.build();
    std::fs::remove_file(site.path("static/guide")).unwrap();
    site.write(
        "content/guide/_index.md",
        "+++\ntitle = \"办事指南\"\n+++\n",
    );
    site.build();
    assert_contains(&site.output("guide/index.html"), "办事指南");
    site.build();
    std::fs::remove_dir_all(site.path("content/guide")).unwrap();
    site.write("static/guide", "a file again");
    site.build();
    site.build();
    assert_eq!(site.output("guide"), "a file again");
}

#[test]
fn refuses_dangerous_output_folders() {
    let site = news_site();
    for output in [".", "..", "content", "/"] {
        let run = site.menhu(&["build", "--output", output, "--force"]);
        assert_eq!(run.code, 1, "{output}: {}", run.stderr);
        assert_contains(&run.stderr, "refusing to use");
    }
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("site-out");
    let run = site.menhu(&["build", "--output", target.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stderr, "--force");
    let run = site.menhu(&["build", "--output", target.to_str().unwrap(), "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(target.join("news/hui-ju/index.html").exists());
    assert!(
        site.path("content/news/_index.md").exists(),
        "sources untouched"
    );
    // A file named `public` in the way: to move it, not to choose `public`.
    site.write("public", "a file saved under the wrong name");
    let run = site.menhu(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "delete or rename the file");
    assert_not_contains(&run.stderr, "`menhu build --output public`");
}

#[test]
fn drafts_scheduled_and_expired_pages() {
    let site = news_site();
    site.write(
        "content/news/draft.md",
        "+++\ntitle = \"草稿\"\ndraft = true\ndate = 2024-01-01\n+++\n",
    );
    site.write(
        "content/news/future.md",
        "+++\ntitle = \"未来\"\ndate = 2999-01-01\n+++\n",
    );
    site.write(
        "content/news/old.md",
        "+++\ntitle = \"过期\"\ndate = 2020-01-01\nexpires = 2021-01-01\n+++\n",
    );
    site.build();
    assert!(!site.output_exists("news/draft/index.html"));
    assert!(!site.output_exists("news/future/index.html"));
    assert!(
        site.output_exists("news/old/index.html"),
        "expired pages stay reachable"
    );
    let list = site.output("news/index.html");
    assert_not_contains(&list, "过期");
    assert_not_contains(&list, "草稿");

    let run = site.menhu(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.output_exists("news/draft/index.html"));
    assert!(site.output_exists("news/future/index.html"));
}

#[test]
fn base_url_can_be_overridden() {
    let site = news_site();
    let run = site.menhu(&["build", "--base-url", "http://localhost:8000/kx/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &site.output("news/index.html"),
        "http://localhost:8000/kx/news/hui-ju/",
    );
}

#[test]
fn static_files_are_copied_and_the_site_overrides_the_theme() {
    let site = news_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}theme = \"t\"\n"),
    );
    site.write(
        "themes/t/templates/page.html",
        "THEME PAGE {{ page.title }}",
    );
    site.write("themes/t/templates/section.html", "THEME SECTION");
    site.write("themes/t/static/css/a.css", "theme-a");
    site.write("themes/t/static/css/b.css", "theme-b");
    site.write("static/css/b.css", "site-b");
    std::fs::remove_file(site.path("templates/page.html")).unwrap();
    site.build();
    assert_eq!(site.output("news/hui-ju/index.html"), "THEME PAGE 汇聚资源");
    assert_contains(&site.output("news/index.html"), "<h1>新闻</h1>");
    assert_eq!(site.output("css/a.css"), "theme-a");
    assert_eq!(site.output("css/b.css"), "site-b");
}

#[test]
fn unknown_theme_is_an_error_naming_the_config() {
    let site = news_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}theme = \"nope\"\n"),
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "theme `nope` not found");
    assert_contains(&stderr, "site-config.toml");
    // menhu's own theme, its folder deleted: where to get it back.
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}theme = \"portal\"\n"),
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "theme `portal` not found");
    assert_contains(&stderr, "run `menhu init` into a new folder");
    assert_contains(&stderr, "copy its `themes/portal/`");
}

#[test]
fn output_is_the_same_with_one_thread_or_many() {
    let site = news_site();
    for i in 0..30 {
        site.write(
            &format!("content/news/2024-02-{:02}-p{i}.md", i % 28 + 1),
            &format!("+++\ntitle = \"第{i}篇\"\ntags = [\"科普\", \"t{}\"]\n+++\n## 一、标题{i}\n正文{i}。\n", i % 3),
        );
    }
    let snapshot = |threads: &str| {
        let out = tempfile::tempdir().unwrap();
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_menhu"))
            .args([
                "--root",
                site.root().to_str().unwrap(),
                "build",
                "--force",
                "--output",
            ])
            .arg(out.path().join("o"))
            .env("RAYON_NUM_THREADS", threads)
            .status()
            .unwrap();
        assert!(status.success());
        let base = out.path().join("o");
        let mut files: Vec<(String, Vec<u8>)> = walk(&base)
            .into_iter()
            .map(|p| {
                (
                    p.strip_prefix(&base)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let one = snapshot("1");
    let four = snapshot("4");
    assert_eq!(one.len(), four.len());
    for (a, b) in one.iter().zip(&four) {
        assert_eq!(a, b, "{} differs between 1 and 4 threads", a.0);
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path))
        } else {
            out.push(path)
        }
    }
    out
}

#[test]
fn a_template_error_midway_leaves_the_previous_output_untouched() {
    // Pages are written while the rest of the site still renders: a late failure must
    // still leave the last good site in place.
    let site = news_site();
    site.build();
    let before = site.output("news/hui-ju/index.html");
    site.write(
        "content/news/2024-05-01-hui-ju.md",
        "+++\ntitle = \"改过\"\n+++\n新正文。\n",
    );
    site.write(
        "content/news/2024-05-03-broken.md",
        "+++\ntitle = \"坏模板\"\ntemplate = \"broken.html\"\n+++\n",
    );
    site.write("templates/broken.html", "{{ page.no_such_field.deeper }}");
    let message = site.build_fails();
    assert_contains(&message, "broken.html");
    assert_eq!(site.output("news/hui-ju/index.html"), before);
    assert!(!site.output_exists("news/broken/index.html"));
    std::fs::remove_file(site.path("content/news/2024-05-03-broken.md")).unwrap();
    site.build();
    assert_contains(&site.output("news/hui-ju/index.html"), "新正文。");
}

#[test]
fn timings_name_each_stage_and_the_peak_memory() {
    let site = news_site();
    let run = site.menhu(&["build", "--timings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for stage in ["content", "markdown", "portal", "templates", "write"] {
        assert_contains(&run.stderr, stage);
    }
    if cfg!(target_os = "linux") {
        assert_contains(&run.stderr, "peak memory");
    }
}

/// A site whose one page has a misspelt front-matter key: it builds, with a warning.
fn site_with_a_warning() -> Site {
    let site = news_site();
    site.write(
        "content/news/2024-05-03-tong-zhi.md",
        "+++\ntitle = \"通知\"\nauthr = \"张三\"\n+++\n正文。\n",
    );
    site
}

#[test]
fn quiet_prints_only_problems() {
    let site = site_with_a_warning();
    let run = site.menhu(&["build", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "authr");
    assert_not_contains(&run.stderr, "built ");
    assert!(site.output_exists("news/tong-zhi/index.html"));
    let clean = news_site().menhu(&["build", "-q"]);
    assert_eq!((clean.code, clean.stderr.as_str()), (0, ""));
}

#[test]
fn deny_warnings_fails_a_build_with_warnings_but_writes_it() {
    let site = site_with_a_warning();
    let run = site.menhu(&["build", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "--deny-warnings");
    assert!(site.output_exists("news/tong-zhi/index.html"));
    assert_eq!(news_site().menhu(&["build", "--deny-warnings"]).code, 0);
}

#[test]
fn the_json_account_counts_files_bytes_and_seconds() {
    let site = news_site();
    let run = site.menhu(&["build", "--format", "json", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let account: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files = site.output_files();
    let bytes: u64 = files
        .iter()
        .map(|f| {
            std::fs::metadata(site.path("public").join(f))
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(account["files"], files.len() as u64);
    assert_eq!(account["bytes"], bytes);
    assert!(account["seconds"].is_f64(), "{account}");
    // The keys that were there before keep their place.
    assert_eq!(account["ok"], true);
    assert_eq!(account["pages"]["published"], 1);
}

#[test]
fn github_actions_get_annotations_on_stderr() {
    let site = site_with_a_warning();
    let run = site.menhu_env(
        &["build", "--format", "json"],
        &[("GITHUB_ACTIONS", "true")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "::warning file=content/news/2024-05-03-tong-zhi.md,line=3,",
    );
    // stdout stays one JSON object, for `> build-report.json`.
    let account: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(account["diagnostics"][0]["line"], 3);
    let plain = site.menhu(&["build"]);
    assert_not_contains(&plain.stderr, "::warning");
}
