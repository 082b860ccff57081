//! A small harness: write a site into a temp folder, build it (through the library or
//! the real `menhu` binary), and read what came out.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A site in a temporary folder.
pub struct Site {
    dir: tempfile::TempDir,
}

/// The result of running the `menhu` binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub const MINIMAL_CONFIG: &str = "base_url = \"https://kx.example.org\"\ntitle = \"测试门户\"\n";

pub const MINIMAL_TEMPLATES: &[(&str, &str)] = &[
    (
        "templates/index.html",
        "<main>{{ section.title }}|{% for p in section.pages %}{{ p.title }};{% endfor %}</main>",
    ),
    (
        "templates/section.html",
        "<main><h1>{{ section.title }}</h1>{% if paginator %}{% for p in paginator.pages %}<a href=\"{{ p.permalink }}\">{{ p.title }}</a>{% endfor %}[{{ paginator.current_index }}/{{ paginator.number_pagers }}]{% else %}{% for p in section.pages %}<a href=\"{{ p.permalink }}\">{{ p.title }}</a>{% endfor %}{% endif %}</main>",
    ),
    (
        "templates/page.html",
        "<main><h1>{{ page.title }}</h1><div class=\"content\">{{ page.content | safe }}</div>{% if page.lower %}<a rel=\"prev\" href=\"{{ page.lower.permalink }}\">{{ page.lower.title }}</a>{% endif %}{% if page.higher %}<a rel=\"next\" href=\"{{ page.higher.permalink }}\">{{ page.higher.title }}</a>{% endif %}</main>",
    ),
    (
        "templates/taxonomy_list.html",
        "<main>{% for t in terms %}<a href=\"{{ t.permalink }}\">{{ t.name }}</a>({{ t.page_count }}){% endfor %}</main>",
    ),
    (
        "templates/taxonomy_single.html",
        "<main>{{ term.name }}:{% if paginator %}{% for p in paginator.pages %}{{ p.title }};{% endfor %}{% else %}{% for p in term.pages %}{{ p.title }};{% endfor %}{% endif %}</main>",
    ),
];

impl Site {
    /// An empty folder.
    pub fn empty() -> Site {
        Site {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A site with a config, a home section and simple templates.
    pub fn minimal() -> Site {
        let site = Site::empty();
        site.write("site-config.toml", MINIMAL_CONFIG);
        site.write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n");
        for (path, text) in MINIMAL_TEMPLATES {
            site.write(path, text);
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Site {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Site {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
        self
    }

    /// Runs `menhu --root SITE ARGS…`.
    pub fn menhu(&self, args: &[&str]) -> Run {
        menhu_in(self.root(), args)
    }

    /// Runs `menhu --root SITE ARGS…` with environment variables (`TZ`, `MENHU_NOW`).
    pub fn menhu_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        menhu_env(self.root(), args, env)
    }

    /// `menhu build`, which must succeed.
    pub fn build(&self) -> Run {
        let run = self.menhu(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// `menhu build`, which must fail with exit code 1; returns stderr.
    pub fn build_fails(&self) -> String {
        let run = self.menhu(&["build"]);
        assert_eq!(
            run.code, 1,
            "expected the build to fail, got {}:\n{}",
            run.code, run.stderr
        );
        assert!(
            !run.stderr.contains("panicked"),
            "menhu panicked:\n{}",
            run.stderr
        );
        run.stderr
    }

    /// A file of the output folder (`public/`).
    pub fn output(&self, rel: &str) -> String {
        let path = self.path("public").join(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn output_exists(&self, rel: &str) -> bool {
        self.path("public").join(rel).exists()
    }

    /// Every file under `public/`, relative, sorted.
    pub fn output_files(&self) -> Vec<String> {
        let base = self.path("public");
        let mut files: Vec<String> = walkdir(&base)
            .into_iter()
            .map(|p| {
                p.strip_prefix(&base)
                    .expect("prefix")
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        files.sort();
        files
    }
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Asserts `haystack` contains `needle`, showing both when it does not.
#[track_caller]
pub fn assert_contains(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "expected to find:\n  {needle}\nin:\n{haystack}"
    );
}

#[track_caller]
pub fn assert_not_contains(haystack: &str, needle: &str) {
    assert!(
        !haystack.contains(needle),
        "expected NOT to find:\n  {needle}\nin:\n{haystack}"
    );
}

/// Whether a test that needs an outside tool (Chromium, Node, wrk) runs: with nothing
/// `missing` it does; otherwise it prints why it is skipped, or fails when
/// `MENHU_REQUIRE_BROWSER=1` (as in CI) says the tools must be there.
pub fn tools_present(test: &str, missing: Option<String>) -> bool {
    let Some(reason) = missing else {
        return true;
    };
    if std::env::var("MENHU_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("{test}: MENHU_REQUIRE_BROWSER=1 but {reason}");
    }
    println!("skipping {test}: {reason}");
    false
}

/// Runs `menhu --root ROOT ARGS…`, for a site that is not a [`Site`]'s root (one made
/// by `menhu init` inside it).
pub fn menhu_in(root: &Path, args: &[&str]) -> Run {
    menhu_env(root, args, &[])
}

/// [`menhu_in`] with environment variables set for the child (`TZ`, `MENHU_NOW`).
pub fn menhu_env(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_menhu"))
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .output()
        .expect("run menhu");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Copies the files and folders under `from` into `to`, which must exist.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The demo portal, built into a temp folder for `http://127.0.0.1:PORT`.
pub fn build_demo(port: u16) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    let mut options = menhu::pipeline::BuildOptions::new(env!("CARGO_MANIFEST_DIR"));
    options.output = Some(out.path().to_path_buf());
    options.force = true;
    options.base_url = Some(format!("http://127.0.0.1:{port}"));
    if let Err(problems) = menhu::pipeline::build(&options) {
        panic!("the demo does not build: {problems:?}");
    }
    out
}

/// Runs `tests/browser/cdp.mjs MODE SITE PORT ARGS…` (headless Chromium over the
/// DevTools protocol against the built site at `site`, served on `port`), prints what it
/// printed, asserts that it succeeded and returns its output.
pub fn run_cdp(mode: &str, site: &Path, port: u16, args: &[&str]) -> String {
    let output = Command::new("node")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/cdp.mjs"))
        .arg(mode)
        .arg(site)
        .arg(port.to_string())
        .args(args)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    println!("{stdout}");
    assert!(
        output.status.success(),
        "cdp.mjs {mode} failed (or could not run):\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
