//! The CI recipe of docs/operator-guide.md, run as written: the publish job's commands
//! build and report on a new site even when the audit job's commands fail on it (the
//! demo's columns are months old), and the GitHub and GitLab examples run those same
//! commands.

use std::path::Path;
use std::process::Command;

use crate::support::{Site, assert_contains, tools_present};

const GUIDE: &str = include_str!("../../docs/operator-guide.md");

/// The shell block that follows `<!-- ci-recipe: NAME -->` in the guide.
fn recipe(name: &str) -> String {
    let marker = format!("<!-- ci-recipe: {name} -->");
    let after = GUIDE
        .split_once(&marker)
        .unwrap_or_else(|| panic!("no {marker} in docs/operator-guide.md"))
        .1;
    let block = after
        .split_once("```sh\n")
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .unwrap_or_else(|| panic!("no sh block after {marker}"))
        .0;
    block.to_owned()
}

/// The YAML blocks of the guide's section `heading`.
fn yaml_of(heading: &str) -> String {
    let section = GUIDE
        .split_once(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading}"))
        .1;
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split_once("\n```").map(|(yaml, _)| yaml))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs `script` with `sh -e` in `dir`, with menhu on the PATH, in UTC at a fixed now.
fn run(script: &str, dir: &Path) -> std::process::Output {
    let menhu_dir = Path::new(env!("CARGO_BIN_EXE_menhu"))
        .parent()
        .expect("a folder");
    let path = format!(
        "{}:{}",
        menhu_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .args(["-e", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("TZ", "UTC")
        .env("MENHU_NOW", "2026-12-06T08:09:00Z")
        .env("NO_COLOR", "1")
        .output()
        .expect("run sh")
}

#[test]
fn the_ci_examples_run_the_recipe_commands() {
    for job in ["publish", "audit"] {
        for command in recipe(job).lines().filter(|l| !l.trim().is_empty()) {
            for heading in ["GitHub Actions", "GitLab CI"] {
                assert_contains(&yaml_of(heading), command);
            }
        }
    }
    // The deploy waits for the publish job only.
    assert_contains(&yaml_of("GitLab CI"), "needs: [publish]");
    assert_contains(&yaml_of("GitHub Actions"), "needs: publish\n");
}

#[test]
fn a_stale_audit_never_holds_back_publishing() {
    let missing = ["sh", "jq"]
        .into_iter()
        .find(|tool| Command::new(tool).arg("--version").output().is_err())
        .map(|tool| format!("`{tool}` is not installed"));
    if !tools_present("a_stale_audit_never_holds_back_publishing", missing) {
        return;
    }
    let site = Site::empty();
    let dir = site.path("portal");
    assert_eq!(site.menhu(&["init", dir.to_str().unwrap()]).code, 0);
    std::fs::write(
        dir.join("content/news/2026-12-07-ming-ri-yu-gao.md"),
        "+++\ntitle = \"明日预告\"\ndate = 2026-12-07T09:00:00+08:00\n+++\n明天发布。\n",
    )
    .unwrap();

    let audit = run(&recipe("audit"), &dir);
    let annotations = String::from_utf8_lossy(&audit.stdout);
    assert_eq!(audit.status.code(), Some(1), "{annotations}");
    assert_contains(&annotations, "title=C0201");
    assert!(dir.join("audit.html").is_file());

    let publish = run(&recipe("publish"), &dir);
    let printed = String::from_utf8_lossy(&publish.stdout);
    assert_eq!(
        publish.status.code(),
        Some(0),
        "{printed}\n{}",
        String::from_utf8_lossy(&publish.stderr)
    );
    assert_eq!(printed, "next scheduled page: 2026-12-07T09:00:00+08:00\n");
    assert!(dir.join("public/index.html").is_file());
    assert!(!dir.join("public/news/ming-ri-yu-gao").exists());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("build-report.json")).unwrap()).unwrap();
    assert_eq!(report["ok"], true);
}
