//! A Zola site builds unchanged: the benchmark corpus's own config.toml and templates,
//! with every HTML path Zola 0.22 writes for it.

use std::path::PathBuf;
use std::process::Command;

use crate::support::*;

fn shared_bench() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench");
    dir.join("gen_corpus.py").is_file().then_some(dir)
}

#[test]
fn zola_corpus_builds_with_every_path_zola_writes() {
    let Some(bench) = shared_bench() else {
        eprintln!("skipped: ../shared/bench/gen_corpus.py is not beside the repository");
        return;
    };
    let site = Site::empty();
    let corpus = site.path("corpus");
    let status = Command::new("python3")
        .arg(bench.join("gen_corpus.py"))
        .args(["--pages", "200", "--flavor", "zola", "--out"])
        .arg(&corpus)
        .status()
        .expect("python3 runs");
    assert!(status.success());
    let output = Command::new(env!("CARGO_BIN_EXE_menhu"))
        .arg("--root")
        .arg(&corpus)
        .arg("build")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.lines().any(|l| l.starts_with("error")), "{stderr}");
    for line in stderr.lines().filter(|l| l.starts_with("warning")) {
        assert!(
            line.contains("config.toml"),
            "Zola warnings name the config: {line}"
        );
    }
    let expected = std::fs::read_to_string(bench.join("zola-paths-200.txt")).unwrap();
    let missing: Vec<&str> = expected
        .lines()
        .filter(|p| !corpus.join("public").join(p).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "paths Zola writes that menhu did not: {missing:?}"
    );
    let page = std::fs::read_to_string(corpus.join("public/news/n000001/index.html")).unwrap();
    assert_contains(&page, "<nav class=\"toc\">");
    assert_contains(&page, "href=\"https://kx.example.org/tags/");
}
