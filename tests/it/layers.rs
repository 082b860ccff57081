//! The layer order of `src/` (issue #27): a module uses only modules in layers below its
//! own, never one beside it or above it. The test reads every `crate::…` path written
//! outside comments in each file of `src/` and fails on an arrow that goes sideways or
//! up, naming the file and line.
//!
//! The order, lowest first:
//! - `diag`: diagnostics, the error type of every stage;
//! - the leaves: Chinese text, address schemes, HTML text, the site's bounds on disk,
//!   menhu's own file names; none uses another;
//! - `address_guard`: which network addresses may be requested (reads address schemes);
//! - `output`: what a build produces and where it goes (sinks, atomic writes);
//! - the stages in the order data flows through them: `config`, `images` (the image
//!   pipeline) and `load_data` (the data files and URLs templates read), both configured
//!   by `config`, `content`, `markdown`, `portal`, `search` (an
//!   index of the portal), then `fingerprint` (what each page's Markdown and each
//!   output read, so a rebuild redoes only what changed; the preview's cache), then
//!   `render` (templates; lays out the search folder too);
//! - `pipeline`: runs the stages;
//! - `network`: a 站群 (`network.toml`), its members built through the pipeline;
//! - the commands on top: `scaffold` and `deploy`, then `serve` and `check` (which
//!   build through the pipeline and may scaffold a site to check), then `cli`.

use std::path::{Path, PathBuf};

const LAYERS: &[&[&str]] = &[
    &["diag"],
    &["zh", "url_scheme", "html_text", "bounds", "own_files"],
    &["address_guard"],
    &["output"],
    &["config"],
    &["images", "load_data"],
    &["content"],
    &["markdown"],
    &["portal"],
    &["search"],
    &["fingerprint"],
    &["render"],
    &["pipeline"],
    &["network"],
    &["scaffold", "deploy"],
    &["serve", "check"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("src/ entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`render` for `src/render/x.rs`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("file under src/");
    let first = relative.components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_owned()
}

/// The top-level modules `line` names after `crate::`, including each name of a
/// `crate::{a, b::c}` group.
fn modules_used(line: &str) -> Vec<String> {
    let mut used = Vec::new();
    for (at, _) in line.match_indices("crate::") {
        let rest = &line[at + "crate::".len()..];
        let names = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
            None => vec![rest],
        };
        for written in names {
            let written = written.trim();
            let name: String = written
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::t!(…)`: macros are exported at the crate's root, and `diag` (the
            // message catalogs) defines every one of them.
            let is_macro = written[name.len()..].starts_with('!');
            if !name.is_empty() && name != "self" {
                used.push(if is_macro { "diag".to_owned() } else { name });
            }
        }
    }
    used
}

/// Unit tests (`tests.rs`, `*_tests.rs`, files under a `tests/` folder of `src/`, given
/// relative to it) may use whatever
/// checks the code best (the catalogs' test converts with `zh`); the order is the
/// library's.
fn is_test_file(file: &Path) -> bool {
    let name = file
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    name == "tests"
        || name.ends_with("_tests")
        || file.components().any(|c| c.as_os_str() == "tests")
}

/// Every arrow from a file of `src/` to a module at its own layer or above it.
fn arrows_against_the_order(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for file in files {
        let module = module_of(src, &file);
        if module == "main"
            || module == "lib"
            || is_test_file(file.strip_prefix(src).unwrap_or(&file))
        {
            continue;
        }
        let from = layer_of(&module)
            .unwrap_or_else(|| panic!("module `{module}` is in no layer: add it to LAYERS"));
        let text = std::fs::read_to_string(&file).expect("source is readable");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for used in modules_used(code) {
                if used == module {
                    continue;
                }
                let to = layer_of(&used)
                    .unwrap_or_else(|| panic!("module `{used}` is in no layer: add it to LAYERS"));
                if to >= from {
                    wrong.push(format!(
                        "{}:{}: `{module}` uses `{used}`",
                        file.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    wrong
}

#[test]
fn no_module_uses_one_at_its_layer_or_above() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let wrong = arrows_against_the_order(&src);
    assert!(
        wrong.is_empty(),
        "arrows against the layer order (see tests/it/layers.rs):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_arrows_up_and_in_groups() {
    assert_eq!(modules_used("use crate::render::Theme;"), ["render"]);
    assert_eq!(
        modules_used("use crate::{diag::Span, zh, self};"),
        ["diag", "zh"]
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path();
    std::fs::create_dir(src.join("portal")).expect("mkdir");
    std::fs::write(src.join("portal/mod.rs"), "use crate::render::Theme;\n").expect("write");
    std::fs::write(src.join("zh.rs"), "// crate::render in a comment\n").expect("write");
    let wrong = arrows_against_the_order(src);
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(wrong[0].ends_with("portal/mod.rs:1: `portal` uses `render`"));
}
