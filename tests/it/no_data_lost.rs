//! No data lost: real `menhu build` processes killed (SIGKILL) at random moments leave
//! either the previous output or the complete new one, and their leftovers never spoil
//! the next build; output folders that would destroy the site (its root, `/`, a parent,
//! a symlink to a source folder or a parent) are refused, `--force` or not.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// Every file under `dir`, relative path → bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(relative, std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    files
}

/// A small deterministic generator, so a failing round can be replayed from its seed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn fixture(pages: usize, round: usize) -> Site {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    write_pages(&site, pages, round);
    for i in 0..20 {
        site.write(&format!("static/files/f{i}.txt"), &"附件内容".repeat(200));
    }
    site
}

fn write_pages(site: &Site, pages: usize, round: usize) {
    for i in 0..pages {
        site.write(
            &format!("content/news/p{i}.md"),
            &format!(
                "+++\ntitle = \"第{i}篇 第{round}版\"\ndate = 2024-05-{:02}\ntags = [\"科普\", \"t{}\"]\n+++\n## 标题\n{}\n",
                i % 28 + 1,
                i % 7,
                format!("第{round}版正文，科协工作要点。").repeat(40)
            ),
        );
    }
}

fn menhu_build(site: &Site, extra: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_menhu"))
        .arg("--root")
        .arg(site.root())
        .arg("build")
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start menhu build")
}

/// What a complete build of the site as it is now produces, built elsewhere.
fn expected_output(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("o");
    let run = site.menhu(&["build", "--force", "--output", target.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot(&target)
}

#[test]
fn a_build_killed_at_random_moments_never_loses_the_previous_output() {
    let seed = std::env::var("MENHU_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
                | 1
        });
    println!("seed {seed} (replay with MENHU_KILL_SEED={seed})");
    let mut random = XorShift(seed);
    let pages = 150;
    let site = fixture(pages, 0);
    site.build();
    // How long a whole build takes here, to spread the kills over all of it.
    let started = Instant::now();
    let mut child = menhu_build(&site, &[]);
    assert!(child.wait().unwrap().success());
    let span = (started.elapsed().as_micros() as u64).max(1_000) * 5 / 4;
    let (mut kept, mut replaced) = (0, 0);
    for round in 1..=10 {
        let previous = snapshot(&site.path("public"));
        write_pages(&site, pages, round);
        let expected = expected_output(&site);
        let delay = Duration::from_micros(random.next() % span);
        let mut child = menhu_build(&site, &[]);
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let now = snapshot(&site.path("public"));
        if now == previous {
            kept += 1;
        } else {
            let differing: Vec<&String> = now
                .keys()
                .chain(expected.keys())
                .filter(|k| now.get(*k) != expected.get(*k))
                .take(5)
                .collect();
            let sample = differing
                .first()
                .and_then(|k| now.get(*k))
                .map(|b| {
                    String::from_utf8_lossy(b)
                        .chars()
                        .take(400)
                        .collect::<String>()
                })
                .unwrap_or_default();
            assert!(
                now == expected,
                "round {round} (seed {seed}, kill after {delay:?}, {status}): the output is \
                 neither the previous site nor the complete new one ({} files, previous {}, \
                 new {}); differing: {differing:?}\n{sample}",
                now.len(),
                previous.len(),
                expected.len()
            );
            replaced += 1;
        }
        println!("round {round}: killed after {delay:?} ({status}); output intact");
    }
    println!("{kept} rounds kept the previous output, {replaced} had finished the new one");
    // The leftovers of the killed builds do not spoil the next one, nor pile up.
    write_pages(&site, pages, 99);
    let expected = expected_output(&site);
    site.build();
    assert!(
        snapshot(&site.path("public")) == expected,
        "the build after the kills differs"
    );
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".menhu-new-") || n.contains(".menhu-old-"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn output_at_the_site_root_root_or_a_parent_is_refused_even_with_force() {
    let site = fixture(2, 0);
    let parent = site.root().parent().unwrap().to_str().unwrap().to_owned();
    let root = site.root().to_str().unwrap().to_owned();
    for output in [
        ".",
        "..",
        "/",
        &root,
        &parent,
        "content",
        "templates/out",
        "../..",
    ] {
        for force in [false, true] {
            let mut args = vec!["build", "--output", output];
            if force {
                args.push("--force");
            }
            let run = site.menhu(&args);
            assert_eq!(run.code, 1, "{output} force={force}: {}", run.stderr);
            assert_contains(&run.stderr, "refusing to use");
        }
    }
    assert!(site.path("content/news/p0.md").exists());
    assert!(site.path("templates/page.html").exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_judged_by_where_it_points() {
    use std::os::unix::fs::symlink;
    let sources = |site: &Site| {
        let mut all = snapshot(&site.path("content"));
        all.extend(snapshot(&site.path("templates")));
        all
    };
    // `public` → the content folder, → the site, → the site's parent, → `/`.
    let site = fixture(2, 0);
    let before = sources(&site);
    let parent = site.root().parent().unwrap().to_path_buf();
    for target in [
        site.path("content"),
        site.path("content/news"),
        site.root().to_path_buf(),
        parent,
        "/".into(),
    ] {
        let _ = std::fs::remove_file(site.path("public"));
        symlink(&target, site.path("public")).unwrap();
        for args in [&["build"][..], &["build", "--force"][..]] {
            let run = site.menhu(args);
            assert_eq!(run.code, 1, "{} {args:?}: {}", target.display(), run.stderr);
            assert_contains(&run.stderr, "refusing to use");
        }
        // The same link given as `--output`.
        let run = site.menhu(&["build", "--force", "--output", "public"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            std::fs::symlink_metadata(site.path("public"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            sources(&site) == before,
            "sources changed via {}",
            target.display()
        );
    }
    // → a folder elsewhere: needs `--force`, then replaces only that folder.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("site");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("old.txt"), "old").unwrap();
    std::fs::write(elsewhere.path().join("neighbour.txt"), "keep").unwrap();
    std::fs::remove_file(site.path("public")).unwrap();
    symlink(&out, site.path("public")).unwrap();
    let run = site.menhu(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "--force");
    assert!(
        out.join("old.txt").exists(),
        "nothing replaced without --force"
    );
    let run = site.menhu(&["build", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("news/p0/index.html").exists());
    assert!(!out.join("old.txt").exists());
    assert_eq!(
        std::fs::read_to_string(elsewhere.path().join("neighbour.txt")).unwrap(),
        "keep"
    );
    assert!(sources(&site) == before);
}
