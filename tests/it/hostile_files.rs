//! Issue 25, as an attacker writes a site: symbolic links committed in the repository
//! never make menhu read, publish or serve a file outside the site, nor write or delete
//! one through a link; output folders that hold sources are refused.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;

use menhu::pipeline::BuildOptions;
use menhu::serve::{ChangeSet, Preview};

use crate::support::*;

/// Puts a link (or a file) into a site.
type Plant<'a> = &'a dyn Fn(&Site);

/// A folder outside the site holding a "secret", as the build machine would.
fn secret_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret.txt"), "TOKEN=s3cr3t").unwrap();
    dir
}

/// A site with a news bundle `content/news/a/`.
fn bundle_site() -> Site {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/a/index.md",
        "+++\ntitle = \"附件页\"\n+++\n[附件](report.txt)\n",
    );
    site.write("content/news/a/report.txt", "报告");
    site
}

fn assert_not_published(site: &Site) {
    let leaked: Vec<String> = site
        .output_files()
        .into_iter()
        .filter(|f| {
            std::fs::read_to_string(site.path("public").join(f))
                .is_ok_and(|t| t.contains("s3cr3t") || t.contains("root:"))
        })
        .collect();
    assert!(leaked.is_empty(), "published: {leaked:?}");
}

#[test]
fn bundle_links_to_the_machine_fail_the_build_naming_each_link() {
    let secret = secret_folder();
    let site = bundle_site();
    symlink("/etc/passwd", site.path("content/news/a/passwd.txt")).unwrap();
    symlink("/proc/self/environ", site.path("content/news/a/env.txt")).unwrap();
    symlink(secret.path(), site.path("content/news/a/dir")).unwrap();
    let stderr = site.build_fails();
    for (link, target) in [
        ("content/news/a/passwd.txt", "/etc/passwd".to_owned()),
        ("content/news/a/env.txt", "/proc/".to_owned()),
        (
            "content/news/a/dir",
            secret.path().canonicalize().unwrap().display().to_string(),
        ),
    ] {
        assert_contains(
            &stderr,
            &format!("symbolic link `{link}` points outside the site, to `{target}"),
        );
    }
    assert_contains(&stderr, "error[E0214]");
    assert!(!site.path("public").exists(), "nothing is published");
}

#[test]
fn a_bundle_link_leaves_the_previous_output_as_it_was() {
    let secret = secret_folder();
    let site = bundle_site();
    site.build();
    let before = site.output("news/a/index.html");
    symlink(
        secret.path().join("secret.txt"),
        site.path("content/news/a/secret.txt"),
    )
    .unwrap();
    site.build_fails();
    assert_eq!(site.output("news/a/index.html"), before);
    assert!(!site.output_exists("news/a/secret.txt"));
    assert_not_published(&site);
}

#[test]
fn links_into_the_sites_hidden_folders_are_refused() {
    // CI checkouts keep their token in `.git/config`.
    let site = bundle_site();
    site.write(
        ".git/config",
        "[http] extraheader = AUTHORIZATION: basic s3cr3t",
    );
    symlink(
        "../../../.git/config",
        site.path("content/news/a/config.txt"),
    )
    .unwrap();
    let stderr = site.build_fails();
    assert_contains(
        &stderr,
        "symbolic link `content/news/a/config.txt` points into a hidden folder of the site",
    );
    assert!(!site.path("public").exists());
}

#[test]
fn links_inside_the_site_are_followed() {
    let site = bundle_site();
    site.write("shared/logo.svg", "<svg/>");
    symlink("../../../shared", site.path("content/news/a/shared")).unwrap();
    site.build();
    assert_eq!(site.output("news/a/shared/logo.svg"), "<svg/>");
}

#[test]
fn follow_symlinks_lets_a_named_folder_in() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("photo.txt"), "照片").unwrap();
    let site = bundle_site();
    symlink(shared.path(), site.path("content/news/a/media")).unwrap();
    assert_contains(&site.build_fails(), "follow_symlinks");
    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}follow_symlinks = [\"{}\"]\n",
            shared.path().display()
        ),
    );
    site.build();
    assert_eq!(site.output("news/a/media/photo.txt"), "照片");
}

#[test]
fn templates_strings_static_files_and_tables_out_of_the_site_are_errors() {
    let secret = secret_folder();
    let cases: [(&str, Plant); 5] = [
        ("templates/leak.html", &|site| {
            symlink(
                secret.path().join("secret.txt"),
                site.path("templates/leak.html"),
            )
            .unwrap()
        }),
        ("static/leak.txt", &|site| {
            std::fs::create_dir_all(site.path("static")).unwrap();
            symlink(
                secret.path().join("secret.txt"),
                site.path("static/leak.txt"),
            )
            .unwrap()
        }),
        ("static", &|site| {
            symlink(secret.path(), site.path("static")).unwrap()
        }),
        ("i18n/zh-Hans.toml", &|site| {
            std::fs::create_dir_all(site.path("i18n")).unwrap();
            symlink(
                secret.path().join("secret.txt"),
                site.path("i18n/zh-Hans.toml"),
            )
            .unwrap()
        }),
        ("data/orgs.csv", &|site| {
            site.write(
                "content/orgs/_index.md",
                "+++\ntitle = \"组织\"\nkind = \"orgs\"\n+++\n",
            );
            site.write(
                "site-config.toml",
                &format!("{MINIMAL_CONFIG}[[directories]]\nfile = \"data/orgs.csv\"\n"),
            );
            std::fs::create_dir_all(site.path("data")).unwrap();
            symlink(secret.path().join("secret.txt"), site.path("data/orgs.csv")).unwrap()
        }),
    ];
    for (link, plant) in cases {
        let site = Site::minimal();
        plant(&site);
        let stderr = site.build_fails();
        assert_contains(
            &stderr,
            &format!("symbolic link `{link}` points outside the site"),
        );
        assert!(!site.path("public").exists(), "{link}");
    }
    // A configured path out of the site, without any link.
    let site = Site::minimal();
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织\"\nkind = \"orgs\"\n+++\n",
    );
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[directories]]\nfile = \"../../../../etc/passwd\"\n"),
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "leads outside the site, to `/etc/passwd`");
    assert_contains(&stderr, "site-config.toml:4");
}

#[test]
fn a_linked_config_file_out_of_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("site-config.toml"), MINIMAL_CONFIG).unwrap();
    let site = Site::minimal();
    std::fs::remove_file(site.path("site-config.toml")).unwrap();
    symlink(
        outside.path().join("site-config.toml"),
        site.path("site-config.toml"),
    )
    .unwrap();
    assert_contains(
        &site.build_fails(),
        "symbolic link `site-config.toml` points outside the site",
    );
}

#[test]
fn serve_refuses_a_link_and_never_serves_one_made_while_it_runs() {
    let secret = secret_folder();
    // At start: the build fails and says why; the preview waits for a fix and never
    // serves the file.
    let site = bundle_site();
    symlink("/etc/passwd", site.path("content/news/a/passwd.txt")).unwrap();
    {
        use crate::serve_http::{Events, Server};
        let server = Server::start(&site);
        let mut events = Events::connect(&server);
        assert_contains(
            &events.wait_for("build-error"),
            "symbolic link `content/news/a/passwd.txt` points outside the site",
        );
        let answer = server.get("/news/a/passwd.txt");
        assert_eq!(answer.status, 404);
        assert_not_contains(&answer.body, "root:");
    }

    // While serving: an attachment replaced by a link fails the rebuild, and the last
    // good build, still shown, does not serve the file through the new link.
    let site = bundle_site();
    let (mut preview, _) = Preview::start(BuildOptions::new(site.root())).unwrap();
    let served = |preview: &Preview| preview.snapshot().get("news/a/report.txt");
    assert_eq!(served(&preview).as_deref(), Some("报告".as_bytes()));
    let report = site.path("content/news/a/report.txt");
    std::fs::remove_file(&report).unwrap();
    symlink(secret.path().join("secret.txt"), &report).unwrap();
    let problems = preview
        .rebuild(&ChangeSet::of([Path::new("content/news/a/report.txt")]))
        .expect_err("the rebuild fails");
    assert!(
        problems.iter().any(|d| d.code == "E0214"),
        "{}",
        problems.summary(menhu::diag::Lang::En)
    );
    assert_eq!(served(&preview), None);
}

/// Over HTTP: a file of the last good build that can no longer be read through the site
/// (replaced by a link out of it) is a 404, not a 200 carrying an error text.
#[test]
fn the_preview_answers_404_for_a_file_turned_into_a_link_out() {
    use crate::serve_http::{Events, Server};
    let secret = secret_folder();
    let site = bundle_site();
    let server = Server::start(&site);
    let mut events = Events::connect(&server);
    assert_eq!(server.get("/news/a/report.txt").status, 200);
    let report = site.path("content/news/a/report.txt");
    std::fs::remove_file(&report).unwrap();
    symlink(secret.path().join("secret.txt"), &report).unwrap();
    let error = events.wait_for("build-error");
    assert_contains(&error, "E0214");
    let answer = server.get("/news/a/report.txt");
    assert_eq!(answer.status, 404, "{}", answer.body);
    assert_not_contains(&answer.body, "s3cr3t");
}

#[test]
fn menhu_new_never_copies_an_archetype_from_outside() {
    let secret = secret_folder();
    let site = bundle_site();
    std::fs::create_dir_all(site.path("archetypes")).unwrap();
    symlink(
        secret.path().join("secret.txt"),
        site.path("archetypes/news.md"),
    )
    .unwrap();
    let run = site.menhu(&["new", "news", "科普活动"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "symbolic link `archetypes/news.md` points outside the site",
    );
    let pages = std::fs::read_dir(site.path("content/news"))
        .unwrap()
        .count();
    assert_eq!(pages, 2, "no page was written");
}

#[test]
fn hidden_static_files_are_neither_published_nor_served_unless_listed() {
    let site = Site::minimal();
    site.write(
        "static/.git/config",
        "[remote] url = https://token@example.org/x.git",
    );
    site.write("static/.env", "SECRET=s3cr3t");
    site.write(
        "static/.well-known/security.txt",
        "Contact: mailto:it@example.org",
    );
    site.write("static/css/site.css", "body{}");
    let run = site.build();
    assert_contains(&run.stderr, "warning[W0401]");
    assert_contains(&run.stderr, "`static/.env`");
    let hidden: Vec<String> = site
        .output_files()
        .into_iter()
        .filter(|f| f.starts_with('.') || f.contains("/."))
        .collect();
    assert!(hidden.is_empty(), "published: {hidden:?}");
    assert!(site.output_exists("css/site.css"));
    let (preview, _) = Preview::start(BuildOptions::new(site.root())).unwrap();
    for hidden in [".env", ".git/config", ".well-known/security.txt"] {
        assert_eq!(preview.snapshot().get(hidden), None, "{hidden}");
    }
    assert!(preview.snapshot().get("css/site.css").is_some());

    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}static_dotfiles = [\".well-known\"]\nignored_static = [\"*.css\"]\n"
        ),
    );
    site.build();
    assert!(site.output_exists(".well-known/security.txt"));
    assert!(!site.output_exists(".env") && !site.output_exists(".git/config"));
    assert!(
        !site.output_exists("css/site.css"),
        "ignored_static applies"
    );
}

/// Every file under `dir` with its bytes, links shown as their target.
fn tree(dir: &Path) -> std::collections::BTreeMap<String, String> {
    let mut files = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            let name = path.strip_prefix(dir).unwrap().display().to_string();
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                files.insert(
                    name,
                    format!("-> {}", std::fs::read_link(&path).unwrap().display()),
                );
            } else if kind.is_dir() {
                pending.push(path);
            } else {
                files.insert(name, std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    files
}

/// A folder full of files that are not the build's.
fn victim() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("photos")).unwrap();
    std::fs::write(dir.path().join("thesis.docx"), "三年的论文").unwrap();
    std::fs::write(dir.path().join("photos/a.jpg"), "照片").unwrap();
    std::fs::write(dir.path().join("index.html"), "not the site's").unwrap();
    dir
}

#[test]
fn a_linked_spare_folder_is_never_written_into_or_emptied() {
    let victim = victim();
    let before = tree(victim.path());
    let site = bundle_site();
    symlink(victim.path(), site.path(".public.menhu-spare")).unwrap();
    site.build();
    site.build();
    assert_eq!(tree(victim.path()), before, "the linked folder is intact");
    let public = std::fs::symlink_metadata(site.path("public")).unwrap();
    assert!(public.is_dir(), "public is a folder of its own, not a link");
    assert!(site.output_exists("news/a/index.html"));
}

#[test]
fn a_spare_linked_to_the_site_itself_leaves_the_site_intact() {
    let site = bundle_site();
    let sources = |site: &Site| {
        let mut all = tree(&site.path("content"));
        all.extend(tree(&site.path("templates")));
        all.insert(
            "config".into(),
            std::fs::read_to_string(site.path("site-config.toml")).unwrap(),
        );
        all
    };
    let before = sources(&site);
    symlink("..", site.path(".public.menhu-spare")).unwrap();
    site.build();
    assert_eq!(sources(&site), before);
    symlink(".", site.path(".public.menhu-spare")).unwrap();
    site.build();
    assert_eq!(sources(&site), before);
}

#[test]
fn links_left_under_the_staging_names_are_removed_not_followed() {
    let victim = victim();
    let before = tree(victim.path());
    let site = bundle_site();
    // Names a killed build would have left, from a process long gone, and this one's.
    symlink(victim.path(), site.path(".public.menhu-new-999999999")).unwrap();
    symlink(victim.path(), site.path(".public.menhu-old-999999998")).unwrap();
    site.build();
    assert_eq!(tree(victim.path()), before);
    for name in [".public.menhu-new-999999999", ".public.menhu-old-999999998"] {
        assert!(
            std::fs::symlink_metadata(site.path(name)).is_err(),
            "{name}"
        );
    }
}

#[test]
fn links_planted_in_a_committed_output_are_never_written_through() {
    let victim = victim();
    let before = tree(victim.path());
    let site = bundle_site();
    // The first build sets the committed `public/` aside; the second reuses it.
    std::fs::create_dir_all(site.path("public")).unwrap();
    symlink(
        victim.path().join("index.html"),
        site.path("public/index.html"),
    )
    .unwrap();
    symlink(victim.path(), site.path("public/news")).unwrap();
    symlink(victim.path(), site.path("public/404.html")).unwrap();
    site.build();
    site.build();
    site.build();
    assert_eq!(tree(victim.path()), before);
    assert!(site.output("index.html").contains("<main>"));
    assert!(site.output_exists("news/a/index.html"));
    assert!(
        std::fs::symlink_metadata(site.path("public/news"))
            .unwrap()
            .is_dir()
    );
}

#[test]
fn output_folders_that_hold_sources_are_refused() {
    let site = bundle_site();
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    site.write("i18n/zh-Hans.toml", "home = \"首页\"\n");
    site.write("archetypes/news.md", "+++\ntitle = \"{{ title }}\"\n+++\n");
    for output in [
        ".git",
        ".git/x",
        "i18n",
        "archetypes",
        "data",
        "themes/x",
        "site-config.toml",
        "content/news/a/index.md",
    ] {
        for force in [false, true] {
            let mut args = vec!["build", "--output", output];
            if force {
                args.push("--force");
            }
            let run = site.menhu(&args);
            assert_eq!(run.code, 1, "{output}: {}", run.stderr);
            assert_contains(&run.stderr, "refusing to use");
        }
    }
    // From the config, which a pull request may change.
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}output_dir = \".git\"\n"),
    );
    for _ in 0..3 {
        assert_contains(&site.build_fails(), "hidden folder");
    }
    assert_eq!(
        std::fs::read_to_string(site.path(".git/HEAD")).unwrap(),
        "ref: refs/heads/main\n"
    );
    assert!(site.path("site-config.toml").is_file());
    assert!(site.path("i18n/zh-Hans.toml").is_file());
    // An output holding a directory table the config names.
    site.write("tables/orgs.csv", "title\n某学会\n");
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织\"\nkind = \"orgs\"\n+++\n",
    );
    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}output_dir = \"tables\"\n[[directories]]\nfile = \"tables/orgs.csv\"\n"
        ),
    );
    assert_contains(&site.build_fails(), "it holds `tables/orgs.csv`");
    assert!(site.path("tables/orgs.csv").is_file());
}

#[test]
fn a_linked_link_cache_is_replaced_never_written_through() {
    use menhu::check::{ExternalOptions, check_urls};
    let victim = victim();
    let before = tree(victim.path());
    let site = bundle_site();
    std::fs::create_dir_all(site.path(".menhu-cache")).unwrap();
    let cache = site.path(".menhu-cache/links.json");
    symlink(victim.path().join("index.html"), &cache).unwrap();
    let options = ExternalOptions {
        timeout: std::time::Duration::from_millis(200),
        concurrency: 1,
        retries: 0,
        backoff: std::time::Duration::ZERO,
        host_delay: std::time::Duration::ZERO,
        skip: vec!["https://www.gov.cn/*".into()],
        allow_private: Vec::new(),
        cache_file: Some(cache.clone()),
        cache_lifetime: std::time::Duration::from_secs(3600),
    };
    check_urls(&["https://www.gov.cn/zhengce/".to_owned()], &options);
    assert_eq!(tree(victim.path()), before, "the link's target is intact");
    let written = std::fs::symlink_metadata(&cache).unwrap();
    assert!(
        written.is_file(),
        "the link was replaced by the cache itself"
    );

    // A linked cache folder is not used at all.
    std::fs::remove_dir_all(site.path(".menhu-cache")).unwrap();
    symlink(victim.path(), site.path(".menhu-cache")).unwrap();
    check_urls(&["https://www.gov.cn/zhengce/".to_owned()], &options);
    assert_eq!(
        tree(victim.path()),
        before,
        "nothing was written into the linked folder"
    );
}

#[test]
fn a_linked_report_is_replaced_never_written_through() {
    let victim = victim();
    let before = tree(victim.path());
    let site = bundle_site();
    symlink(victim.path().join("index.html"), site.path("audit.html")).unwrap();
    let report = site.path("audit.html");
    let run = site.menhu(&["check", "--report", report.to_str().unwrap()]);
    assert!(run.code <= 1, "{}", run.stderr);
    assert_eq!(tree(victim.path()), before);
    assert!(std::fs::symlink_metadata(&report).unwrap().is_file());
    assert_contains(&std::fs::read_to_string(&report).unwrap(), "<html");
    // A report folder inside the site that links out of it is refused.
    symlink(victim.path(), site.path("reports")).unwrap();
    let inside = site.path("reports/audit.html");
    let run = site.menhu(&["check", "--report", inside.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stderr, "its folder leads out of the site");
    assert_eq!(tree(victim.path()), before);
    // Nor is a folder made beyond such a link.
    let deeper = site.path("reports/2026/audit.html");
    let run = site.menhu(&["check", "--report", deeper.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stderr, "its folder leads out of the site");
    assert_eq!(tree(victim.path()), before);
}

#[test]
fn the_previews_quick_path_never_reads_a_page_turned_into_a_link() {
    // The same front matter outside the site, with a body that must never be shown.
    let outside = tempfile::tempdir().unwrap();
    let page = "+++\ntitle = \"科普活动\"\n+++\n";
    std::fs::write(outside.path().join("a.md"), format!("{page}s3cr3t\n")).unwrap();
    let site = bundle_site();
    site.write("content/news/c.md", &format!("{page}正文\n"));
    let (mut preview, _) = Preview::start(BuildOptions::new(site.root())).unwrap();
    std::fs::remove_file(site.path("content/news/c.md")).unwrap();
    symlink(outside.path().join("a.md"), site.path("content/news/c.md")).unwrap();
    let mut shown = Vec::new();
    let result = preview.rebuild_with(
        &ChangeSet::of([Path::new("content/news/c.md")]),
        &mut |snapshot, paths| {
            for path in paths {
                shown.extend(snapshot.get(path).map(|b| b.to_vec()));
            }
        },
    );
    let problems = result.expect_err("the rebuild fails");
    assert!(problems.iter().any(|d| d.code == "E0214"));
    let leaked = shown
        .iter()
        .any(|b| String::from_utf8_lossy(b).contains("s3cr3t"));
    assert!(
        !leaked,
        "the page was published early from outside the site"
    );
}
