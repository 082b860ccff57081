//! Finds OpenCC's Simplified → Traditional tables for `src/zh/opencc.rs`, which embeds
//! them: the copy that ships inside the `ferrous-opencc` package this build already
//! depends on (its `assets/dictionaries/`), found through `cargo metadata`, so the
//! project itself holds no copy of OpenCC's files. The folder reaches the compiler as
//! `MENHU_OPENCC_TABLES`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The package that carries the tables, and where in it they are.
const PACKAGE: &str = "ferrous-opencc";
const TABLES: &str = "assets/dictionaries";
/// Tables `src/zh/opencc.rs` reads; the build stops early when one is missing.
const NEEDED: &[&str] = &["STPhrases.txt", "STCharacters.txt"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let tables = match tables_folder() {
        Ok(folder) => folder,
        Err(why) => panic!("cannot find OpenCC's tables in the `{PACKAGE}` package: {why}"),
    };
    for name in NEEDED {
        let table = tables.join(name);
        if !table.is_file() {
            panic!(
                "`{}` is missing from the `{PACKAGE}` package",
                table.display()
            );
        }
        println!("cargo:rerun-if-changed={}", table.display());
    }
    println!("cargo:rustc-env=MENHU_OPENCC_TABLES={}", tables.display());
}

/// `assets/dictionaries` of the `ferrous-opencc` package in this build's dependency graph.
fn tables_folder() -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?;
    // Only the packages this target builds: those of other platforms may not be
    // downloaded, and `--offline` keeps a build from reaching the network.
    let target = std::env::var("TARGET").map_err(|e| e.to_string())?;
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .args(["--filter-platform", &target, "--manifest-path"])
        .arg(Path::new(&manifest_dir).join("Cargo.toml"))
        .output()
        .map_err(|e| format!("cannot run `cargo metadata`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo metadata` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| e.to_string())?;
    let packages = metadata["packages"].as_array().ok_or("no package list")?;
    let manifest = packages
        .iter()
        .find(|p| p["name"] == PACKAGE)
        .and_then(|p| p["manifest_path"].as_str())
        .ok_or_else(|| format!("`{PACKAGE}` is not among the dependencies"))?;
    let root = Path::new(manifest)
        .parent()
        .ok_or("a manifest without a folder")?;
    Ok(root.join(TABLES))
}
