//! `menhu check --network`: each member's check reported per site (a heading per site,
//! an object per site, annotations naming files from the network's root), the network's
//! own rules firing on a crafted network and not on a clean one, and the exit codes.

use crate::serve_network::{MEMBERS, network};
use crate::support::{Run, Site, assert_contains, assert_not_contains};

fn check(root: &Site, extra: &[&str]) -> Run {
    let mut args = vec!["check", "--network", "--today", "2026-05-10"];
    args.extend_from_slice(extra);
    root.menhu(&args)
}

fn json_lines(run: &Run) -> Vec<serde_json::Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn a_clean_network_passes_with_a_heading_per_site() {
    let root = network();
    let run = check(&root, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for m in &MEMBERS {
        assert_contains(
            &run.stderr,
            &format!("== {} ({}, sites/{}) ==", m.association, m.name, m.name),
        );
    }
    assert_contains(&run.stderr, "== network rules of 测试站群 ==");
    assert_contains(&run.stderr, "3 sites checked: ");
    assert_not_contains(&run.stderr, "C040");
}

#[test]
fn json_gives_one_object_per_site_and_one_for_the_network() {
    let root = network();
    let run = check(&root, &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let objects = json_lines(&run);
    assert_eq!(objects.len(), MEMBERS.len() + 1, "{}", run.stdout);
    for (object, m) in objects.iter().zip(&MEMBERS) {
        assert_eq!(object["site"], m.name);
        assert_eq!(object["association"], m.association);
        assert_eq!(object["folder"], format!("sites/{}", m.name));
        assert_eq!(object["errors"], 0);
        assert!(object["problems"].is_array());
        assert!(object["pages"].as_u64().is_some_and(|n| n > 0));
    }
    let last = &objects[MEMBERS.len()];
    assert!(last["site"].is_null());
    assert_eq!(last["network"], "测试站群");
    assert_eq!(last["problems"], serde_json::json!([]));
}

#[test]
fn a_member_problem_is_reported_under_its_site_with_the_file_from_the_network_root() {
    let root = network();
    root.write(
        "sites/liuzhou/content/news/2026-05-03-lian-jie.md",
        "+++\ntitle = \"链接\"\ndate = 2026-05-03\n+++\n见[旧稿](@/news/missing.md)。\n",
    );
    let run = check(&root, &["--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let objects = json_lines(&run);
    let liuzhou = objects
        .iter()
        .find(|o| o["site"] == "liuzhou")
        .expect("liuzhou's object");
    assert!(
        liuzhou["errors"].as_u64().is_some_and(|n| n > 0),
        "{liuzhou}"
    );
    let files: Vec<&str> = liuzhou["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["file"].as_str())
        .collect();
    assert!(
        files.contains(&"sites/liuzhou/content/news/2026-05-03-lian-jie.md"),
        "{files:?}"
    );
    for other in objects.iter().filter(|o| o["site"] != "liuzhou") {
        assert_eq!(other["errors"], 0, "{other}");
    }
    let github = check(&root, &["--format", "github"]);
    assert_eq!(github.code, 1);
    assert_contains(
        &github.stdout,
        "::error file=sites/liuzhou/content/news/2026-05-03-lian-jie.md,line=5",
    );
    let human = check(&root, &[]);
    let heading = human
        .stderr
        .find("== 柳州市科学技术协会 (liuzhou, sites/liuzhou) ==")
        .expect("liuzhou's heading");
    let place = human
        .stderr
        .find("--> sites/liuzhou/content/news/2026-05-03-lian-jie.md:5")
        .expect("the problem's place");
    let next = human
        .stderr
        .find("== network rules")
        .expect("rules heading");
    assert!(heading < place && place < next, "{}", human.stderr);
}

#[test]
fn a_filing_number_copied_from_another_member_is_an_error_at_its_line() {
    let root = network();
    let guangxi = &MEMBERS[0];
    root.write(
        "sites/liuzhou/site-config.toml",
        &format!(
            "base_url = \"https://liuzhou.kx.example.org\"\ntitle = \"柳州市科学技术协会\"\n\n[extra]\nfooter = {{ icp = \"桂ICP备10000003号-1\", police = \"{}\" }}\n",
            guangxi.police
        ),
    );
    let run = check(&root, &["--format", "github"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_contains(
        &run.stdout,
        "::error file=sites/liuzhou/site-config.toml,line=5,",
    );
    assert_contains(&run.stdout, "title=C0403");
    assert_contains(&run.stdout, "「guangxi」");
    let human = check(&root, &[]);
    assert_contains(&human.stderr, "error[C0403]");
    assert_contains(&human.stderr, "--> sites/liuzhou/site-config.toml:5:");
}

#[test]
fn a_member_without_filing_numbers_is_a_warning_that_deny_warnings_fails() {
    let root = network();
    root.write(
        "sites/wuzhou/site-config.toml",
        "base_url = \"https://wuzhou.kx.example.org\"\ntitle = \"梧州市科学技术协会\"\n",
    );
    let run = check(&root, &["--format", "json"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let objects = json_lines(&run);
    let rules = &objects[MEMBERS.len()];
    assert_eq!(rules["warnings"], 1, "{rules}");
    assert_eq!(rules["problems"][0]["code"], "C0402");
    assert_eq!(
        rules["problems"][0]["file"],
        "sites/wuzhou/site-config.toml"
    );
    let denied = check(&root, &["--deny-warnings"]);
    assert_eq!(denied.code, 1, "{}", denied.stderr);
    assert_contains(&denied.stderr, "warning[C0402]");
}

#[test]
fn a_network_that_cannot_be_read_is_exit_code_one() {
    let root = Site::empty();
    let run = root.menhu(&["check", "--network"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "network.toml");
}

/// Adds `line` to member `name`'s `[[sites]]` entry of the network's `network.toml`.
fn add_to_member(root: &Site, name: &str, line: &str) {
    let path = root.path("network.toml");
    let text = std::fs::read_to_string(&path).expect("network.toml");
    let entry = format!("name = \"{name}\"\n");
    assert!(text.contains(&entry), "{name}");
    std::fs::write(&path, text.replacen(&entry, &format!("{entry}{line}\n"), 1))
        .expect("write network.toml");
}

#[test]
fn pages_pulled_into_a_column_the_receiver_lacks_are_an_error_at_its_entry() {
    let root = network();
    root.write(
        "sites/guangxi/content/news/tzgg/_index.md",
        "+++\ntitle = \"通知公告\"\nsort_by = \"date\"\n+++\n",
    );
    root.write(
        "sites/guangxi/content/news/tzgg/2026-05-04-tong-zhi.md",
        "+++\ntitle = \"省科协通知\"\ndate = 2026-05-04\n+++\n通知正文。\n",
    );
    // Liuzhou has the column; Wuzhou does not.
    root.write(
        "sites/liuzhou/content/news/tzgg/_index.md",
        "+++\ntitle = \"通知公告\"\nsort_by = \"date\"\n+++\n",
    );
    let pull = "pull = [{ from = \"parent\", sections = [\"news/tzgg\"] }]";
    add_to_member(&root, "liuzhou", pull);
    let clean = check(&root, &["--format", "json"]);
    assert_not_contains(&clean.stdout, "C0401");
    add_to_member(&root, "wuzhou", pull);
    let run = check(&root, &["--format", "github"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    // The `[[sites]]` line just above Wuzhou's name (0-based index = 1-based line).
    let wuzhou_line = std::fs::read_to_string(root.path("network.toml"))
        .unwrap()
        .lines()
        .position(|l| l == "name = \"wuzhou\"")
        .expect("wuzhou's entry");
    let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.contains("C0401")).collect();
    assert_eq!(annotations.len(), 1, "{}", run.stdout);
    assert_contains(
        annotations[0],
        &format!("::error file=network.toml,line={wuzhou_line},"),
    );
    assert_contains(annotations[0], "「wuzhou」");
    assert_contains(annotations[0], "news/tzgg");
}

#[test]
fn pushes_to_a_missing_column_sideways_or_to_no_one_are_reported_at_the_target() {
    let root = network();
    root.write(
        "sites/liuzhou/content/dt/_index.md",
        "+++\ntitle = \"动态\"\nsort_by = \"date\"\n+++\n",
    );
    let page = "sites/liuzhou/content/dt/2026-05-05-bao-song.md";
    root.write(
        page,
        "+++\ntitle = \"柳州报送稿\"\ndate = 2026-05-05\npush = [\"parent\", \"wuzhou\"]\n+++\n正文。\n",
    );
    let run = check(&root, &["--format", "github"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let lines = |code: &str| -> Vec<String> {
        run.stdout
            .lines()
            .filter(|l| l.contains(&format!("title={code}")))
            .map(str::to_owned)
            .collect()
    };
    // The province has no column `dt`; Wuzhou has none either; Wuzhou is no ancestor.
    let no_column = lines("C0401");
    assert_eq!(no_column.len(), 2, "{}", run.stdout);
    assert!(
        no_column
            .iter()
            .all(|l| l.starts_with(&format!("::error file={page},line=4,")))
    );
    assert_contains(&no_column.join("\n"), "「guangxi」");
    let sideways = lines("C0404");
    assert_eq!(sideways.len(), 1, "{}", run.stdout);
    assert_contains(&sideways[0], &format!("::warning file={page},line=4,"));
    assert_contains(&sideways[0], "「wuzhou」");
    // The clean pushes of the network (Wuzhou's article to its parent) are not reported.
    assert!(
        !run.stdout.contains("sites/wuzhou/content/news"),
        "{}",
        run.stdout
    );

    root.write(
        page,
        "+++\ntitle = \"柳州报送稿\"\ndate = 2026-05-05\npush = [\"广西科协会\"]\n+++\n正文。\n",
    );
    let human = check(&root, &[]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert_contains(&human.stderr, "error[E0910]");
    assert_contains(&human.stderr, &format!("--> {page}:4:"));
    // A push to no one does not stop the run: every site is still checked, and the
    // target is reported once.
    for m in &MEMBERS {
        assert_contains(
            &human.stderr,
            &format!("== {} ({}, sites/{}) ==", m.association, m.name, m.name),
        );
    }
    assert_eq!(
        human.stderr.matches("error[E0910]").count(),
        1,
        "{}",
        human.stderr
    );
}

#[test]
fn a_member_is_checked_with_the_theme_the_network_shares() {
    let root = network();
    for (path, _) in crate::support::MINIMAL_TEMPLATES {
        std::fs::remove_file(root.path(&format!("sites/liuzhou/{path}"))).expect("remove");
    }
    for (path, text) in crate::support::MINIMAL_TEMPLATES {
        root.write(&format!("themes/shared/{path}"), text);
    }
    let config = root.path("sites/liuzhou/site-config.toml");
    let text = std::fs::read_to_string(&config).expect("config");
    std::fs::write(&config, format!("theme = \"shared\"\n{text}")).expect("write config");
    let run = check(&root, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "3 sites checked: no problems found");
}

#[test]
fn links_to_other_members_are_checked_as_the_network_build_resolves_them() {
    let root = network();
    let page = "sites/wuzhou/content/news/2026-05-06-lian-jie.md";
    root.write(
        page,
        "+++\ntitle = \"链接\"\ndate = 2026-05-06\n+++\n见[省科协新闻](@guangxi:/news/2026-05-01-ben-zhan.md)。\n",
    );
    let clean = check(&root, &[]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    root.write(
        page,
        "+++\ntitle = \"链接\"\ndate = 2026-05-06\n+++\n见[省科协新闻](@guangxi:/news/missing.md)。\n",
    );
    let broken = check(&root, &["--format", "json"]);
    assert_eq!(broken.code, 1, "{}", broken.stderr);
    let objects = json_lines(&broken);
    let wuzhou = objects
        .iter()
        .find(|o| o["site"] == "wuzhou")
        .expect("wuzhou");
    let files: Vec<&str> = wuzhou["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["severity"] == "error")
        .filter_map(|p| p["file"].as_str())
        .collect();
    assert_eq!(files, [page], "{wuzhou}");
}

#[test]
fn a_column_that_only_receives_pushed_pages_is_not_empty() {
    let root = network();
    for site in ["guangxi", "wuzhou"] {
        root.write(
            &format!("sites/{site}/content/news/dfdt/_index.md"),
            "+++\ntitle = \"地方动态\"\nsort_by = \"date\"\n+++\n",
        );
    }
    root.write(
        "sites/wuzhou/content/news/dfdt/2026-05-06-gong-zuo.md",
        "+++\ntitle = \"梧州工作动态\"\ndate = 2026-05-06\npush = [\"parent\"]\n+++\n正文。\n",
    );
    let run = check(&root, &["--format", "json"]);
    let objects = json_lines(&run);
    let guangxi = objects
        .iter()
        .find(|o| o["site"] == "guangxi")
        .expect("guangxi's object");
    // The province's 地方动态 has no page of its own, only Wuzhou's pushed one.
    assert_not_contains(&guangxi.to_string(), "C0203");
    assert_eq!(guangxi["errors"], 0, "{guangxi}");
}
