//! Hostile and broken input, built by the real `menhu` binary as a child process with a
//! memory ceiling (`ulimit -v`) and a generous watchdog: every case ends with exit code
//! 0 or 1, never a panic, a signal or a hang, and errors name the file (and line).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// Address space the build may use, in KiB (`ulimit -v`). A debug build of the 50 MB
/// page peaks near 360 MiB resident; runaway recursion or doubling buffers hit this.
const MEMORY_KIB: u64 = 2 * 1024 * 1024;
/// A build that takes longer than this is treated as hung (not a timing assertion: a
/// healthy debug build of any case here finishes in a fraction of it).
const WATCHDOG: Duration = Duration::from_secs(600);

/// Runs `menhu --root SITE build` under the memory ceiling and the watchdog, and checks
/// it neither crashed nor panicked.
fn bounded_build(site: &Site) -> Run {
    bounded(site, &["build"])
}

fn bounded(site: &Site, args: &[&str]) -> Run {
    bounded_as(site, args, &[])
}

/// Like [`bounded`], with `prefix` (e.g. `setpriv …`) run in front of `menhu`.
fn bounded_as(site: &Site, args: &[&str], prefix: &[&str]) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$@\""))
        .arg("sh")
        .args(prefix)
        .arg(env!("CARGO_BIN_EXE_menhu"))
        .arg("--root")
        .arg(site.root())
        .args(args)
        .env("NO_COLOR", "1")
        // Address space grows with threads (stacks, malloc arenas): fix both, so the
        // ceiling means the same on a 2-core laptop and a 64-core CI machine.
        .env("RAYON_NUM_THREADS", "2")
        .env("MALLOC_ARENA_MAX", "2")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start menhu");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });
    let deadline = Instant::now() + WATCHDOG;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("menhu {args:?} did not finish within {WATCHDOG:?}: hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    };
    assert!(
        run.code == 0 || run.code == 1,
        "menhu crashed ({status}):\n{}",
        run.stderr
    );
    assert_not_contains(&run.stderr, "panicked");
    assert_not_contains(&run.stderr, "memory allocation");
    run
}

/// A build that must fail; returns stderr.
fn bounded_fails(site: &Site) -> String {
    let run = bounded_build(site);
    assert_eq!(run.code, 1, "expected an error:\n{}", run.stderr);
    run.stderr
}

/// A build that must succeed.
fn bounded_ok(site: &Site) -> Run {
    let run = bounded_build(site);
    assert_eq!(run.code, 0, "expected success:\n{}", run.stderr);
    run
}

#[test]
fn empty_files_are_handled_or_named() {
    // An empty section index is fine; an empty page lacks its title, named per file.
    let site = Site::minimal();
    site.write("content/news/_index.md", "");
    site.write("content/news/a.md", "+++\ntitle = \"一\"\n+++\n");
    bounded_ok(&site);
    assert!(site.output_exists("news/a/index.html"));
    let site = Site::minimal();
    site.write("content/empty.md", "");
    site.write("content/blank.md", "\n\n");
    site.write("content/only-fences.md", "+++\n+++\n");
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/empty.md");
    assert_contains(&stderr, "content/blank.md");
    assert_contains(&stderr, "content/only-fences.md:1");
    assert_contains(&stderr, "3 errors");

    let site = Site::minimal();
    site.write("site-config.toml", "");
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "site-config.toml");

    let site = Site::minimal();
    site.write("templates/page.html", "");
    site.write("content/a.md", "+++\ntitle = \"空模板\"\n+++\n正文\n");
    bounded_ok(&site);
    assert_eq!(site.output("a/index.html"), "");
}

#[test]
fn unclosed_front_matter_in_toml_and_yaml_names_the_file() {
    for (name, text, fence) in [
        ("toml.md", "+++\ntitle = \"没有结束\"\n正文\n", "+++"),
        ("yaml.md", "---\ntitle: 没有结束\n正文\n", "---"),
    ] {
        let site = Site::minimal();
        site.write(&format!("content/{name}"), text);
        let stderr = bounded_fails(&site);
        assert_contains(&stderr, &format!("content/{name}:1"));
        assert_contains(&stderr, fence);
    }
}

#[test]
fn invalid_toml_and_yaml_name_file_and_line() {
    let site = Site::minimal();
    site.write(
        "content/bad.md",
        "---\ntitle: 标题\ntags: [科普, 讲座\ndate: 2024-01-01\n---\n正文\n",
    );
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/bad.md:");
    let site = Site::minimal();
    site.write(
        "content/bad.md",
        "+++\ntitle = \"标题\"\n[extra\nx = 1\n+++\n",
    );
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/bad.md:3");
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}\n[markdown\nhighlight_code = true\n"),
    );
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "site-config.toml:4");
}

#[test]
fn wrong_types_name_file_and_line() {
    for (front, line) in [
        ("title = \"t\"\ntags = 3\n", 3),
        ("title = \"t\"\ndraft = \"yes\"\n", 3),
        ("title = \"t\"\nweight = 1.5\n", 3),
        ("title = [\"t\"]\n", 2),
        ("title = \"t\"\ndate = true\n", 3),
    ] {
        let site = Site::minimal();
        site.write("content/typed.md", &format!("+++\n{front}+++\n"));
        let stderr = bounded_fails(&site);
        assert_contains(&stderr, &format!("content/typed.md:{line}"));
    }
    let site = Site::minimal();
    site.write("content/typed.md", "---\ntitle: t\ntags: 3\n---\n");
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/typed.md:3");
}

#[test]
fn impossible_dates_are_errors_at_their_line() {
    for text in [
        "+++\ntitle = \"t\"\ndate = 2020-02-30\n+++\n",
        "+++\ntitle = \"t\"\ndate = \"2020-02-30\"\n+++\n",
        "---\ntitle: t\ndate: 2020-02-30\n---\n",
        "+++\ntitle = \"t\"\ndate = \"2021-02-29\"\n+++\n",
    ] {
        let site = Site::minimal();
        site.write("content/d.md", text);
        let stderr = bounded_fails(&site);
        assert_contains(&stderr, "content/d.md:3");
    }
    // 2020 is a leap year.
    let site = Site::minimal();
    site.write(
        "content/d.md",
        "+++\ntitle = \"t\"\ndate = 2020-02-29\n+++\n",
    );
    bounded_ok(&site);
}

#[test]
fn a_fifty_megabyte_page_builds_within_the_memory_ceiling() {
    let site = Site::minimal();
    let paragraph =
        "科协组织开展科普宣传活动，普及科学知识，弘扬科学精神。The quick brown fox.\n\n";
    let mut body = String::with_capacity(50 * 1024 * 1024 + paragraph.len());
    body.push_str("+++\ntitle = \"很长的页面\"\n+++\n## 开头\n\n");
    while body.len() < 50 * 1024 * 1024 {
        body.push_str(paragraph);
    }
    body.push_str("## 结尾\n\n最后一段。\n");
    site.write("content/huge.md", &body);
    bounded_ok(&site);
    let page = site.output("huge/index.html");
    assert!(page.len() > 50 * 1024 * 1024, "{}", page.len());
    assert_contains(&page, "最后一段。");
}

#[test]
fn ten_thousand_deep_lists_and_blockquotes_do_not_overflow_the_stack() {
    let site = Site::minimal();
    site.write(
        "content/lists.md",
        &format!("+++\ntitle = \"列表\"\n+++\n{}深处\n", "- ".repeat(10_000)),
    );
    site.write(
        "content/quotes.md",
        &format!("+++\ntitle = \"引用\"\n+++\n{}深处\n", "> ".repeat(10_000)),
    );
    site.write(
        "content/mixed.md",
        &format!(
            "+++\ntitle = \"混合\"\n+++\n{}深处\n",
            "> - 1. ".repeat(3_400)
        ),
    );
    site.write(
        "content/emphasis.md",
        &format!(
            "+++\ntitle = \"强调\"\n+++\n{}深处{}\n\n# {}标题\n",
            "*_".repeat(5_000),
            "_*".repeat(5_000),
            "[".repeat(10_000)
        ),
    );
    bounded_ok(&site);
    assert_contains(&site.output("lists/index.html"), "深处");
    assert_contains(&site.output("quotes/index.html"), "深处");
    assert_contains(&site.output("mixed/index.html"), "深处");
}

#[test]
fn nul_bytes_and_invalid_utf8_name_the_file_and_line() {
    let site = Site::minimal();
    site.write_bytes("content/nul.md", b"+++\ntitle = \"t\"\n+++\nab\0cd\n");
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/nul.md:4");
    let site = Site::minimal();
    site.write_bytes(
        "content/broken.md",
        b"+++\ntitle = \"t\"\n+++\nok\nbad \xC3\x28 byte\n",
    );
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/broken.md:5");
    assert_contains(&stderr, "UTF-8");
}

#[test]
fn utf16_files_are_reported_not_rendered() {
    let text = "+++\ntitle = \"通知\"\n+++\n正文\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [
        ("le-bom.md", [&b"\xFF\xFE"[..], &le].concat()),
        ("be-bom.md", [&b"\xFE\xFF"[..], &be].concat()),
        ("le-plain.md", le.clone()),
    ] {
        let site = Site::minimal();
        site.write_bytes(&format!("content/{name}"), &bytes);
        let stderr = bounded_fails(&site);
        assert_contains(&stderr, &format!("content/{name}"));
        assert_contains(&stderr, "UTF-16");
    }
}

#[test]
fn gbk_in_content_and_data_names_the_file() {
    let (gbk, _, _) = encoding_rs::GBK.encode("+++\ntitle = \"科协工作要点\"\n+++\n正文。\n");
    let site = Site::minimal();
    site.write_bytes("content/gbk.md", &gbk);
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/gbk.md");
    assert_contains(&stderr, "UTF-8");
    let (csv, _, _) = encoding_rs::GBK.encode("title,level\n梧州市科学技术协会,city\n");
    let site = directory_site();
    site.write_bytes("data/orgs.csv", &csv);
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "data/orgs.csv");
}

#[test]
fn bom_crlf_and_lone_cr_line_ends_are_all_read() {
    let site = Site::minimal();
    site.write_bytes(
        "content/bom.md",
        "\u{feff}+++\ntitle = \"带BOM\"\n+++\n正文\n".as_bytes(),
    );
    site.write(
        "content/crlf.md",
        "+++\r\ntitle = \"CRLF\"\r\n+++\r\n第一行\r\n\r\n第二段\r\n",
    );
    site.write(
        "content/cr.md",
        "+++\rtitle = \"旧式换行\"\r+++\r第一行\r\r第二段\r",
    );
    bounded_ok(&site);
    assert_contains(&site.output("bom/index.html"), "<h1>带BOM</h1>");
    let crlf = site.output("crlf/index.html");
    assert_contains(&crlf, "<p>第二段</p>");
    assert_not_contains(&crlf, "\r");
    let cr = site.output("cr/index.html");
    assert_contains(&cr, "<h1>旧式换行</h1>");
    assert_contains(&cr, "<p>第二段</p>");
    // A line error after lone CRs counts them as line ends.
    let site = Site::minimal();
    site.write(
        "content/cr.md",
        "+++\rtitle = \"t\"\rweight = \"重\"\r+++\r",
    );
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/cr.md:3");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    use std::os::unix::fs::symlink;
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write("content/news/a.md", "+++\ntitle = \"一\"\n+++\n");
    symlink(site.path("content"), site.path("content/news/back")).unwrap();
    symlink(site.path("content/x.md"), site.path("content/y.md")).unwrap();
    symlink(site.path("content/y.md"), site.path("content/x.md")).unwrap();
    symlink(site.path("templates"), site.path("templates/again")).unwrap();
    let run = bounded_build(&site);
    assert_contains(&run.stderr, "content/news/back");
    assert_contains(&run.stderr, "loop");
    assert_contains(&run.stderr, "content/x.md");
}

/// Whether the permission bits bind this process (they do not for root).
#[cfg(unix)]
fn permissions_apply(probe: &std::path::Path) -> bool {
    std::fs::read(probe).is_err()
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_name_the_path() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &std::path::Path, bits: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).unwrap()
    };
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write("content/news/locked.md", "+++\ntitle = \"锁\"\n+++\n");
    site.write("content/closed/a.md", "+++\ntitle = \"关\"\n+++\n");
    site.write("static/secret.css", "body{}");
    let locked = site.path("content/news/locked.md");
    let closed = site.path("content/closed");
    let css = site.path("static/secret.css");
    mode(&locked, 0o000);
    mode(&css, 0o000);
    mode(&closed, 0o000);
    // Root reads everything; then the build runs as `nobody` if the system allows.
    let prefix: &[&str] = if permissions_apply(&locked) {
        &[]
    } else if std::path::Path::new("/usr/bin/setpriv").exists() {
        println!(
            "NOTE: running as root, where permission bits do not apply: the build runs as \
             uid 65534 (nobody) through setpriv instead"
        );
        mode(site.root(), 0o777);
        &[
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ]
    } else {
        println!(
            "NOTE: running as root without setpriv: permission bits do not apply, so \
             unreadable files cannot be produced here; only checked that the build does \
             not crash"
        );
        &[]
    };
    let run = bounded_as(&site, &["build"], prefix);
    // Give the temp dir back its permissions so it can be removed.
    mode(&closed, 0o755);
    mode(&locked, 0o644);
    mode(&css, 0o644);
    if prefix.is_empty() && !permissions_apply(&locked) {
        return;
    }
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "content/news/locked.md");
    assert_contains(&run.stderr, "content/closed");
    assert_contains(&run.stderr, "permission denied");
    // With the content readable, the unreadable static file is the one named.
    std::fs::remove_file(&locked).unwrap();
    std::fs::remove_dir_all(&closed).unwrap();
    mode(&css, 0o000);
    let run = bounded_as(&site, &["build"], prefix);
    mode(&css, 0o644);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "static/secret.css");
}

#[test]
fn file_names_with_spaces_chinese_and_dots_stay_inside_the_output() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write("content/news/my page.md", "+++\ntitle = \"空格\"\n+++\n");
    site.write("content/news/通知 公告.md", "+++\ntitle = \"中文\"\n+++\n");
    site.write("content/news/a..b.md", "+++\ntitle = \"点点\"\n+++\n");
    site.write("content/news/...md", "+++\ntitle = \"只有点\"\n+++\n");
    site.write(
        "content/news/x/..y/index.md",
        "+++\ntitle = \"目录点\"\n+++\n",
    );
    site.write(
        "content/news/slug.md",
        "+++\ntitle = \"坏slug\"\nslug = \"../../escape\"\n+++\n",
    );
    site.write(
        "content/news/path.md",
        "+++\ntitle = \"坏path\"\npath = \"/../../../menhu-escape-test\"\n+++\n",
    );
    site.write(
        "content/news/back.md",
        "+++\ntitle = \"反斜杠\"\npath = \"..\\\\..\\\\menhu-escape-back\"\n+++\n",
    );
    site.write("static/with space/a b.css", "x");
    let run = bounded_build(&site);
    let files = site.output_files();
    println!("{}\n{files:?}", run.stderr);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in &files {
        assert!(!file.split('/').any(|s| s == ".."), "{file}");
    }
    // `..` in a path or slug resolves as a browser would: never above the site's root.
    assert!(
        site.output_exists("menhu-escape-test/index.html"),
        "{files:?}"
    );
    assert!(
        site.output_exists("menhu-escape-back/index.html"),
        "{files:?}"
    );
    for outside in [
        site.path("menhu-escape-test"),
        site.root().parent().unwrap().join("menhu-escape-test"),
        std::path::PathBuf::from("/menhu-escape-test"),
        site.root().parent().unwrap().join("menhu-escape-back"),
    ] {
        assert!(
            !outside.exists(),
            "wrote outside the output: {}",
            outside.display()
        );
    }
    assert!(site.output_exists("with space/a b.css"));
    assert!(site.output_exists("news/my-page/index.html"), "{files:?}");
    assert!(
        site.output_exists("news/tong-zhi-gong-gao/index.html"),
        "{files:?}"
    );
    assert!(site.output_exists("news/a-b/index.html"), "{files:?}");

    // An attachment outside the page's folder is an error, not a copy of that file.
    let site = Site::minimal();
    site.write(
        "content/att/index.md",
        "+++\ntitle = \"附件\"\nattachments = [\"../../site-config.toml\"]\n+++\n",
    );
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/att/index.md:3");
}

#[test]
fn a_template_that_includes_itself_is_an_error_naming_it() {
    let site = Site::minimal();
    site.write(
        "templates/page.html",
        "<main>{% include \"page.html\" %}</main>",
    );
    site.write("content/a.md", "+++\ntitle = \"t\"\n+++\n");
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "template includes itself: page.html → page.html");
    assert_contains(&stderr, "templates/page.html");
    let site = Site::minimal();
    site.write(
        "templates/partials/a.html",
        "{% include \"partials/b.html\" %}",
    );
    site.write(
        "templates/partials/b.html",
        "{% include \"partials/a.html\" %}",
    );
    site.write("templates/page.html", "{% include \"partials/a.html\" %}");
    site.write("content/a.md", "+++\ntitle = \"t\"\n+++\n");
    let stderr = bounded_fails(&site);
    assert_contains(
        &stderr,
        "partials/a.html → partials/b.html → partials/a.html",
    );
    let site = Site::minimal();
    site.write(
        "templates/macros.html",
        "{% macro down(n) %}{{ self::down(n=n+1) }}{% endmacro down %}",
    );
    site.write(
        "templates/page.html",
        "{% import \"macros.html\" as m %}{{ m::down(n=0) }}",
    );
    site.write("content/a.md", "+++\ntitle = \"t\"\n+++\n");
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "macro `down` always calls itself");
    assert_contains(&stderr, "templates/macros.html");
}

#[test]
fn a_shortcode_that_calls_itself_is_an_error_naming_the_page() {
    let site = Site::minimal();
    site.write("templates/shortcodes/again.md", "又一层 {{ again() }}");
    site.write(
        "content/a.md",
        "+++\ntitle = \"t\"\n+++\n开头 {{ again() }}\n",
    );
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "content/a.md:4");
    assert_contains(&stderr, "again");
    let site = Site::minimal();
    site.write(
        "templates/shortcodes/box.html",
        "<div>{% include \"shortcodes/box.html\" %}</div>",
    );
    site.write("content/a.md", "+++\ntitle = \"t\"\n+++\n{{ box() }}\n");
    let stderr = bounded_fails(&site);
    assert_contains(&stderr, "box");
}

fn directory_site() -> Site {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[directories]]\nfile = \"data/orgs.csv\"\nsection = \"orgs\"\n"),
    );
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\n+++\n",
    );
    site
}

#[test]
fn csv_with_ragged_rows_names_file_and_row() {
    for (csv, row) in [
        (
            "title,level,members\n梧州市科协,city,42\n藤县科协,county\n",
            3,
        ),
        ("title,level\n梧州市科协,city\n藤县科协,county,18,多余\n", 3),
        ("title,level\n梧州市科协,city\n\"没有结束的引号,county\n", 3),
    ] {
        let site = directory_site();
        site.write("data/orgs.csv", csv);
        let stderr = bounded_fails(&site);
        assert_contains(&stderr, &format!("data/orgs.csv:{row}"));
    }
    let site = directory_site();
    site.write("data/orgs.csv", "");
    bounded_build(&site);
}
