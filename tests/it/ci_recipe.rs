//! The CI recipes of docs/operator-guide.md, run as written: the publish job's commands
//! build and report on a new site even when the audit job's commands fail on it (the
//! demo's columns are months old); the GitHub, GitLab and Gitee pipelines that
//! `menhu init --ci` writes are the guide's, and each one's shell steps download a
//! release tarball served on 127.0.0.1, check its checksum, build, deploy and audit.

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

/// The sites of these tests are made in September (their news dated up to then) and
/// run in December (`MENHU_NOW` of [`run`]), when the audit finds them stale.
const MADE_IN_SEPTEMBER: [(&str, &str); 1] = [("MENHU_NOW", "2026-09-24T04:00:00Z")];

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

/// The pipelines `menhu init --ci` writes, as the guide shows them.
const PIPELINES: [(&str, &str); 3] = [
    (
        "GitHub Actions",
        include_str!("../../src/scaffold/ci/github.yml"),
    ),
    (
        "GitLab CI",
        include_str!("../../src/scaffold/ci/gitlab.yml"),
    ),
    ("Gitee Go", include_str!("../../src/scaffold/ci/gitee.yml")),
];

#[test]
fn the_guide_shows_the_pipelines_menhu_init_writes_and_they_run_the_recipe_commands() {
    for (heading, file) in PIPELINES {
        assert_eq!(
            format!("{}\n", yaml_of(heading)),
            file,
            "{heading}: the guide and the file differ"
        );
        for job in ["publish", "audit"] {
            for command in recipe(job).lines().filter(|l| !l.trim().is_empty()) {
                assert_contains(file, command);
            }
        }
        // Publishing deploys in its own job; the audit job is never waited for.
        assert_contains(file, "menhu deploy");
        assert!(
            !file.contains("needs:"),
            "{heading}: a job waits for another"
        );
    }
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
    let init = site.menhu_env(&["init", dir.to_str().unwrap()], &MADE_IN_SEPTEMBER);
    assert_eq!(init.code, 0, "{}", init.stderr);
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

/// The release tarball the recipes download: `MENHU_DIST_TARBALL` (the one .ci/run
/// makes with scripts/dist.sh), or one packed here by scripts/dist.sh from the test
/// build's binary (without its debug information, to keep it small). Returns its path
/// and its SHA-256.
fn release_tarball(dir: &Path) -> (std::path::PathBuf, String) {
    let tarball = match std::env::var("MENHU_DIST_TARBALL") {
        Ok(path) if !path.is_empty() => std::path::PathBuf::from(path),
        _ => {
            let binary = dir.join("menhu-stripped");
            let stripped = Command::new("objcopy")
                .arg("--strip-debug")
                .arg(env!("CARGO_BIN_EXE_menhu"))
                .arg(&binary)
                .status()
                .is_ok_and(|s| s.success());
            if !stripped {
                std::fs::copy(env!("CARGO_BIN_EXE_menhu"), &binary).unwrap();
            }
            let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/dist.sh"))
                .env("MENHU_DIST_BINARY", &binary)
                .env("MENHU_DIST_OUT", dir.join("dist"))
                .output()
                .expect("run scripts/dist.sh");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
        }
    };
    let sums = std::fs::read_to_string(format!("{}.sha256", tarball.display())).unwrap();
    let (sha, name) = sums.trim().split_once("  ").unwrap();
    assert_eq!(Some(name), tarball.file_name().and_then(|n| n.to_str()));
    (tarball, sha.to_owned())
}

/// Serves `file` at `http://127.0.0.1:PORT/NAME` until dropped.
struct Release {
    server: std::sync::Arc<tiny_http::Server>,
    url: String,
}

impl Release {
    fn serve(file: &Path) -> Release {
        let server = std::sync::Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(file).unwrap();
        let serving = server.clone();
        let path = format!("/{name}");
        std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                let response = if request.url() == path {
                    tiny_http::Response::from_data(bytes.clone())
                } else {
                    tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404)
                };
                let _ = request.respond(response);
            }
        });
        Release {
            server,
            url: format!("http://127.0.0.1:{port}/{name}"),
        }
    }
}

impl Drop for Release {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

/// The shell steps of `job` in a pipeline file, each a script run on its own (GitHub's
/// steps) or as one (GitLab's before_script + script, Gitee's commands). The runner
/// image's package installs (`apt-get`) are the hosting service's, not the recipe's:
/// this machine has those tools.
fn job_steps(service: &str, pipeline: &yaml_serde::Value, job: &str) -> Vec<String> {
    let lines = |value: &yaml_serde::Value| -> Vec<String> {
        value
            .as_sequence()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str())
                    .filter(|l| !l.starts_with("apt-get"))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    match service {
        "github" => pipeline["jobs"][job]["steps"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|step| step["run"].as_str().map(str::to_owned))
            .collect(),
        "gitlab" => {
            let mut all = lines(&pipeline["default"]["before_script"]);
            all.extend(lines(&pipeline[job]["script"]));
            vec![all.join("\n")]
        }
        _ => {
            let stage = pipeline["stages"]
                .as_sequence()
                .unwrap()
                .iter()
                .find(|s| s["name"].as_str() == Some(job))
                .unwrap();
            vec![lines(&stage["steps"][0]["commands"]).join("\n")]
        }
    }
}

/// Runs a job's steps in `dir` as a runner would: without menhu on the PATH, with the
/// release variables pointing at `release`; GitHub's `$GITHUB_PATH` is honoured
/// between steps. Returns what the steps printed, and the status of the last one run
/// (the first that failed, or the last).
fn run_job(
    service: &str,
    steps: &[String],
    dir: &Path,
    home: &Path,
    release: (&str, &str),
) -> std::process::Output {
    let github_path = home.join("github_path");
    std::fs::write(&github_path, "").unwrap();
    let system_path = std::env::var("PATH").unwrap_or_default();
    let mut all: Option<std::process::Output> = None;
    for step in steps {
        let added: Vec<String> = std::fs::read_to_string(&github_path)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        let path = added
            .into_iter()
            .chain([system_path.clone()])
            .collect::<Vec<_>>()
            .join(":");
        let mut command = Command::new("sh");
        command
            .args(["-e", "-c", step])
            .current_dir(dir)
            .env("PATH", path)
            .env("HOME", home)
            .env("MENHU_URL", release.0)
            .env("MENHU_SHA256", release.1)
            .env("TZ", "UTC")
            .env("MENHU_NOW", "2026-12-06T08:09:00Z")
            .env("NO_COLOR", "1");
        if service == "github" {
            command
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_PATH", &github_path);
        }
        let output = command.output().expect("run sh");
        let failed = !output.status.success();
        all = Some(match all {
            None => output,
            Some(mut before) => {
                before.stdout.extend(output.stdout);
                before.stderr.extend(output.stderr);
                before.status = output.status;
                before
            }
        });
        if failed {
            break;
        }
    }
    all.expect("a job with steps")
}

#[test]
fn each_pipeline_of_menhu_init_downloads_the_release_builds_deploys_and_audits() {
    let missing = ["curl", "jq", "sha256sum", "tar"]
        .into_iter()
        .find(|tool| Command::new(tool).arg("--version").output().is_err())
        .map(|tool| format!("`{tool}` is not installed"));
    if !tools_present("each_pipeline_of_menhu_init_…", missing) {
        return;
    }
    let site = Site::empty();
    let (tarball, sha) = release_tarball(site.root());
    let release = Release::serve(&tarball);
    for (service, file) in [
        ("github", ".github/workflows/site.yml"),
        ("gitlab", ".gitlab-ci.yml"),
        ("gitee", ".workflow/site.yml"),
    ] {
        let dir = site.path(service);
        let home = site.path(&format!("{service}-home"));
        std::fs::create_dir_all(&home).unwrap();
        let init = site.menhu_env(
            &["init", dir.to_str().unwrap(), "--ci", service],
            &MADE_IN_SEPTEMBER,
        );
        assert_eq!(init.code, 0, "{}", init.stderr);
        let www = site.path(&format!("{service}-www"));
        let config = std::fs::read_to_string(dir.join("site-config.toml")).unwrap();
        std::fs::write(
            dir.join("site-config.toml"),
            format!(
                "{config}\n[deploy.targets.www]\ntype = \"folder\"\npath = \"{}\"\n",
                www.display()
            ),
        )
        .unwrap();
        std::fs::write(
            dir.join("content/news/2026-12-07-ming-ri-yu-gao.md"),
            "+++\ntitle = \"明日预告\"\ndate = 2026-12-07T09:00:00+08:00\n+++\n明天发布。\n",
        )
        .unwrap();
        let pipeline: yaml_serde::Value =
            yaml_serde::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();

        // A tarball that is not the pinned one is refused before anything runs.
        let tampered = run_job(
            service,
            &job_steps(service, &pipeline, "publish"),
            &dir,
            &home,
            (&release.url, &"0".repeat(64)),
        );
        assert!(
            !tampered.status.success(),
            "{service}: a wrong checksum was accepted"
        );
        assert!(!www.join("index.html").exists());

        let publish = run_job(
            service,
            &job_steps(service, &pipeline, "publish"),
            &dir,
            &home,
            (&release.url, &sha),
        );
        let printed = String::from_utf8_lossy(&publish.stdout);
        let errors = String::from_utf8_lossy(&publish.stderr);
        assert!(
            publish.status.success(),
            "{service} publish:\n{printed}\n{errors}"
        );
        assert_contains(&printed, "next scheduled page: 2026-12-07T09:00:00+08:00");
        assert_contains(&errors, "deployed to `www`");
        assert!(
            www.join("index.html").is_file(),
            "{service}: nothing deployed"
        );
        assert!(!www.join("news/ming-ri-yu-gao").exists());

        let audit = run_job(
            service,
            &job_steps(service, &pipeline, "audit"),
            &dir,
            &home,
            (&release.url, &sha),
        );
        assert_eq!(
            audit.status.code(),
            Some(1),
            "{service} audit: {}",
            String::from_utf8_lossy(&audit.stderr)
        );
        assert_contains(&String::from_utf8_lossy(&audit.stdout), "title=C0201");
        assert!(dir.join("audit.html").is_file());
    }
}
