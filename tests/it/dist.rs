//! The release tarball of scripts/dist.sh: what it holds, its checksum, and the glibc
//! the shipped binary needs (at most 2.17, read from its dynamic symbol versions).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Site, assert_contains};

fn dist(binary: &Path, out: &Path) -> PathBuf {
    let run = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/dist.sh"))
        .env("MENHU_DIST_BINARY", binary)
        .env("MENHU_DIST_OUT", out)
        .output()
        .expect("run scripts/dist.sh");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    PathBuf::from(String::from_utf8_lossy(&run.stdout).trim())
}

#[test]
fn the_tarball_holds_the_binary_licences_and_readme_with_its_checksum() {
    let site = Site::empty();
    let fake = site.path("menhu-binary");
    std::fs::write(&fake, "#!/bin/sh\necho menhu\n").unwrap();
    let tarball = dist(&fake, &site.path("dist"));
    let version = env!("CARGO_PKG_VERSION");
    let name = format!("menhu-{version}-x86_64-linux");
    assert_eq!(
        tarball.file_name().unwrap().to_str().unwrap(),
        format!("{name}.tar.gz")
    );
    let listed = Command::new("tar")
        .arg("-tvzf")
        .arg(&tarball)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    for file in ["menhu", "LICENSE-MIT", "LICENSE-APACHE", "README.md"] {
        assert_contains(&listed, &format!("{name}/{file}\n"));
    }
    assert_contains(&listed, "-rwxr-xr-x 0/0");
    let check = Command::new("sha256sum")
        .args(["-c", &format!("{name}.tar.gz.sha256")])
        .current_dir(site.path("dist"))
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // Packed twice, the same bytes: sorted names, fixed owner and times.
    let again = dist(&fake, &site.path("dist2"));
    assert_eq!(
        std::fs::read(&tarball).unwrap(),
        std::fs::read(again).unwrap()
    );
}

/// `GLIBC_2.17` → (2, 17).
fn glibc_version(tag: &str) -> Option<(u32, u32)> {
    let (major, minor) = tag.strip_prefix("GLIBC_")?.split_once('.')?;
    let minor = minor.split('.').next()?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// The newest glibc version each dynamic symbol of `binary` asks for (`objdump -T`).
fn glibc_needs(binary: &Path) -> Vec<((u32, u32), String)> {
    let dump = Command::new("objdump")
        .arg("-T")
        .arg(binary)
        .output()
        .expect("objdump");
    assert!(dump.status.success());
    String::from_utf8_lossy(&dump.stdout)
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let tag = fields
                .iter()
                .find_map(|f| glibc_version(f.trim_matches(|c| c == '(' || c == ')')))?;
            Some((tag, fields.last()?.to_string()))
        })
        .collect()
}

#[test]
fn glibc_versions_are_read_from_symbol_tags() {
    assert_eq!(glibc_version("GLIBC_2.17"), Some((2, 17)));
    assert_eq!(glibc_version("GLIBC_2.2.5"), Some((2, 2)));
    assert_eq!(glibc_version("GLIBCXX_3.4"), None);
}

/// The release binary: unpacked from `MENHU_DIST_TARBALL` (which .ci/run makes with
/// scripts/dist.sh), or the one `cargo zigbuild --profile dist` left in target/.
#[test]
fn the_release_binary_runs_on_glibc_2_17() {
    let site = Site::empty();
    let binary = match std::env::var("MENHU_DIST_TARBALL") {
        Ok(tarball) if !tarball.is_empty() => {
            let unpacked = Command::new("tar")
                .args(["-xzf", &tarball, "--strip-components=1", "-C"])
                .arg(site.root())
                .status()
                .unwrap();
            assert!(unpacked.success());
            site.path("menhu")
        }
        _ => {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/x86_64-unknown-linux-gnu/dist/menhu")
        }
    };
    if !binary.is_file() {
        if std::env::var("MENHU_REQUIRE_DIST").as_deref() == Ok("1") {
            panic!("MENHU_REQUIRE_DIST=1 but there is no release binary (set MENHU_DIST_TARBALL)");
        }
        println!(
            "skipping the_release_binary_runs_on_glibc_2_17: no release binary (run scripts/dist.sh and set MENHU_DIST_TARBALL)"
        );
        return;
    }
    let needs = glibc_needs(&binary);
    assert!(!needs.is_empty(), "no glibc symbols: not a glibc binary?");
    let too_new: Vec<_> = needs
        .iter()
        .filter(|(version, _)| *version > (2, 17))
        .collect();
    assert!(
        too_new.is_empty(),
        "symbols newer than glibc 2.17: {too_new:?}"
    );
    let version = Command::new(&binary).arg("--version").output().unwrap();
    let printed = String::from_utf8_lossy(&version.stdout);
    assert!(
        printed.starts_with(&format!("menhu {} (", env!("CARGO_PKG_VERSION"))),
        "{printed}"
    );
    // Stripped, no debug information.
    let sections = Command::new("objdump")
        .arg("-h")
        .arg(&binary)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&sections.stdout).contains(".debug_"));
}
