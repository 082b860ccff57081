//! The container image of scripts/image.sh: built offline FROM scratch with podman (or
//! buildah), it holds only the binary, its shared libraries and the CA certificates,
//! and builds the demo mounted into it. Skipped with the reason where podman is
//! missing; required when `MENHU_REQUIRE_PODMAN=1` (.ci/run).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{Site, assert_contains};

/// The binary put in the image: the release one (`MENHU_DIST_TARBALL`, unpacked), or
/// the test build's without its debug information.
fn image_binary(dir: &Path) -> PathBuf {
    if let Ok(tarball) = std::env::var("MENHU_DIST_TARBALL")
        && !tarball.is_empty()
    {
        let unpacked = Command::new("tar")
            .args(["-xzf", &tarball, "--strip-components=1", "-C"])
            .arg(dir)
            .status()
            .unwrap();
        assert!(unpacked.success());
        return dir.join("menhu");
    }
    let binary = dir.join("menhu");
    let stripped = Command::new("objcopy")
        .arg("--strip-debug")
        .arg(env!("CARGO_BIN_EXE_menhu"))
        .arg(&binary)
        .status()
        .is_ok_and(|s| s.success());
    if !stripped {
        std::fs::copy(env!("CARGO_BIN_EXE_menhu"), &binary).unwrap();
    }
    binary
}

fn podman(args: &[&str]) -> Output {
    Command::new("podman")
        .args(["--storage-driver", "vfs"])
        .args(args)
        .output()
        .expect("run podman")
}

fn buildah(args: &[&str]) -> Output {
    Command::new("buildah")
        .args(["--storage-driver", "vfs"])
        .args(args)
        .output()
        .expect("run buildah")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs `menhu ARGS` in the image with `site` mounted at /site: `podman run`, or where
/// this machine's sandbox refuses it (crun cannot set the container's rlimits in some
/// VMs), buildah's chroot isolation, which runs the same image's files.
fn run_in_image(tag: &str, site: &Path, args: &[&str]) -> Output {
    let volume = format!("{}:/site", site.display());
    let mut podman_args = vec![
        "run",
        "--rm",
        "--pull=never",
        "--network=none",
        "-v",
        &volume,
        tag,
    ];
    podman_args.extend(args);
    let run = podman(&podman_args);
    if run.status.success() || !text(&run).contains("OCI permission denied") {
        return run;
    }
    println!(
        "podman run is refused here ({}); running the image with buildah --isolation chroot",
        text(&run).trim()
    );
    let from = buildah(&["from", "--pull-never", tag]);
    assert!(from.status.success(), "{}", text(&from));
    let container = String::from_utf8_lossy(&from.stdout).trim().to_owned();
    let mut run_args = vec![
        "run",
        "--isolation",
        "chroot",
        "-v",
        &volume,
        "--workingdir",
        "/site",
        &container,
        "--",
        "/usr/local/bin/menhu",
    ];
    run_args.extend(args);
    let run = buildah(&run_args);
    buildah(&["rm", &container]);
    run
}

/// Every file in the image's layers, from `podman image save`.
fn image_files(tag: &str, dir: &Path) -> Vec<String> {
    let archive = dir.join("image.tar");
    let saved = podman(&[
        "image",
        "save",
        "--format",
        "docker-archive",
        "-o",
        archive.to_str().unwrap(),
        tag,
    ]);
    assert!(saved.status.success(), "{}", text(&saved));
    let unpacked = dir.join("image");
    std::fs::create_dir_all(&unpacked).unwrap();
    assert!(
        Command::new("tar")
            .arg("-xf")
            .arg(&archive)
            .arg("-C")
            .arg(&unpacked)
            .status()
            .unwrap()
            .success()
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(unpacked.join("manifest.json")).unwrap()).unwrap();
    let mut files = Vec::new();
    for layer in manifest[0]["Layers"].as_array().unwrap() {
        let listed = Command::new("tar")
            .arg("-tf")
            .arg(unpacked.join(layer.as_str().unwrap()))
            .output()
            .unwrap();
        files.extend(
            String::from_utf8_lossy(&listed.stdout)
                .lines()
                .map(str::to_owned),
        );
    }
    files
}

#[test]
fn the_container_image_holds_only_menhu_and_builds_the_demo() {
    let present = Command::new("podman").arg("--version").output().is_ok()
        && Command::new("buildah").arg("--version").output().is_ok();
    if !present {
        if std::env::var("MENHU_REQUIRE_PODMAN").as_deref() == Ok("1") {
            panic!("MENHU_REQUIRE_PODMAN=1 but podman or buildah is not installed");
        }
        println!(
            "skipping the_container_image_holds_only_menhu_and_builds_the_demo: podman and buildah are not installed (apt-get install podman buildah)"
        );
        return;
    }
    let site = Site::empty();
    let binary = image_binary(site.root());
    let tag = format!("localhost/menhu-test:{}", std::process::id());
    let built = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/image.sh"))
        .env("MENHU_IMAGE_BINARY", &binary)
        .env("MENHU_IMAGE_TAG", &tag)
        .env("MENHU_IMAGE_STORAGE", "vfs")
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", text(&built));

    let files = image_files(&tag, site.root());
    let regular: Vec<&String> = files.iter().filter(|f| !f.ends_with('/')).collect();
    assert!(
        regular.iter().any(|f| f.ends_with("usr/local/bin/menhu")),
        "{files:?}"
    );
    assert!(
        regular
            .iter()
            .any(|f| f.ends_with("etc/ssl/certs/ca-certificates.crt"))
    );
    for file in &regular {
        let allowed = file.ends_with("usr/local/bin/menhu")
            || file.ends_with("ca-certificates.crt")
            || file.contains(".so");
        assert!(allowed, "unexpected file in the image: {file}");
    }
    assert!(
        !files
            .iter()
            .any(|f| f.contains("zoneinfo") || f.contains("bin/sh"))
    );

    let demo = site.path("demo");
    assert_eq!(site.menhu(&["init", demo.to_str().unwrap()]).code, 0);
    let version = run_in_image(&tag, &demo, &["--version"]);
    assert_contains(&text(&version), "menhu 0.1.0 (");
    // The demo is a Chinese site, and nothing in the image says otherwise.
    let run = run_in_image(&tag, &demo, &["build"]);
    assert!(run.status.success(), "{}", text(&run));
    assert_contains(&text(&run), "到 `/site/public`");
    assert!(demo.join("public/index.html").is_file());
    assert_contains(
        &std::fs::read_to_string(demo.join("public/index.html")).unwrap(),
        "<html",
    );
    podman(&["rmi", "--force", &tag]);
}
