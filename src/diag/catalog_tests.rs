//! The registry, the catalogs and the generated docs kept honest: every code raised is
//! registered, every registered code is exercised by a test and documented, every
//! catalog has every message with the same placeholders, and the Traditional catalog
//! is the Simplified one through OpenCC.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::catalog::SOURCES;
use super::lang::Lang;
use super::registry::{self, CODES};

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && keep(e.path()))
        .map(|e| e.into_path())
        .collect()
}

fn is_rust(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "rs")
}

/// Every `"E0101"`-like string literal in `text`.
fn code_literals(text: &str) -> BTreeSet<String> {
    let bytes = text.as_bytes();
    let mut found = BTreeSet::new();
    for (i, window) in bytes.windows(7).enumerate() {
        let shaped = window[0] == b'"'
            && matches!(window[1], b'E' | b'W' | b'C')
            && window[2..6].iter().all(u8::is_ascii_digit)
            && window[6] == b'"';
        if shaped {
            found.insert(text[i + 1..i + 6].to_owned());
        }
    }
    found
}

#[test]
fn every_code_raised_is_in_the_registry() {
    // The source scan catches literals; `registry::note_raised` catches codes made at
    // run time, in every debug build, so the whole test suite checks them too.
    let mut unknown = Vec::new();
    for file in files_under(&crate_root().join("src"), &is_rust) {
        let text = std::fs::read_to_string(&file).unwrap();
        for code in code_literals(&text) {
            if registry::lookup(&code).is_none() {
                unknown.push(format!("{code} in {}", file.display()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "codes missing from src/diag/registry.rs: {unknown:#?}"
    );
    let mut seen = BTreeSet::new();
    for code in CODES {
        assert!(seen.insert(code.code), "{} is registered twice", code.code);
    }
}

/// Codes no test raises yet. Each needs a test that provokes it (then it leaves this
/// list); a new code is never added here.
const NOT_YET_RAISED_BY_A_TEST: &[&str] = &[];

/// The text of every test: the integration tests and their data, and the unit tests
/// (`tests.rs` files, and what follows `#[cfg(test)]` in the others).
fn test_sources() -> String {
    let root = crate_root();
    let mut all = String::new();
    for file in files_under(&root.join("tests"), &|_| true) {
        if let Ok(text) = std::fs::read_to_string(&file) {
            all.push_str(&text);
        }
    }
    for file in files_under(&root.join("src"), &is_rust) {
        let text = std::fs::read_to_string(&file).unwrap();
        if file
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with("tests.rs"))
        {
            all.push_str(&text);
        } else if let Some(at) = text.find("#[cfg(test)]") {
            all.push_str(&text[at..]);
        }
    }
    all
}

#[test]
fn every_registered_code_is_raised_by_a_test() {
    // A test names the code it provokes (`assert_eq!(d.code, "E0605")`, `error[E0605]`
    // in expected output), so a code that appears in no test is raised by none.
    let tests = test_sources();
    let untested: Vec<&str> = CODES
        .iter()
        .map(|c| c.code)
        .filter(|code| !tests.contains(code) && !NOT_YET_RAISED_BY_A_TEST.contains(code))
        .collect();
    assert!(untested.is_empty(), "no test raises {untested:?}: add one");
    let tested_now: Vec<&&str> = NOT_YET_RAISED_BY_A_TEST
        .iter()
        .filter(|code| {
            tests
                .replace("NOT_YET_RAISED_BY_A_TEST", "")
                .matches(**code)
                .count()
                > 1
        })
        .collect();
    assert!(
        tested_now.is_empty(),
        "{tested_now:?} now appear in a test: remove them from NOT_YET_RAISED_BY_A_TEST"
    );
}

#[test]
fn diagnostics_docs() {
    for (lang, name) in [
        (Lang::En, "diagnostics.md"),
        (Lang::ZhHans, "diagnostics.zh.md"),
    ] {
        let path = crate_root().join("docs").join(name);
        let generated = registry::markdown_doc(lang);
        if std::env::var_os("MENHU_UPDATE_DOCS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let written = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            written == generated,
            "docs/{name} is not what the registry says: run `MENHU_UPDATE_DOCS=1 cargo test --lib diagnostics_docs`"
        );
        for code in CODES {
            assert!(
                written.contains(&format!("`{}`", code.code)),
                "{} missing from docs/{name}",
                code.code
            );
        }
    }
    let guide = std::fs::read_to_string(crate_root().join("docs/editor-guide.zh.md")).unwrap();
    assert!(
        guide.contains("diagnostics.zh.md"),
        "the editor guide links the Chinese list of codes"
    );
}

/// Every message and attribute of a catalog, with the variables it uses.
fn entries(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("catalog syntax errors: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name.to_owned();
        if let Some(value) = &message.value {
            let fresh = out.insert(id.clone(), variables(value)).is_none();
            assert!(fresh, "`{id}` is defined twice");
        }
        for attribute in &message.attributes {
            out.insert(
                format!("{id}.{}", attribute.id.name),
                variables(&attribute.value),
            );
        }
    }
    out
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, &mut found);
        }
    }
    found
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                found.extend(variables(&variant.value));
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, found);
            }
        }
        _ => {}
    }
}

#[test]
fn every_catalog_has_every_message_and_placeholder() {
    let english = entries(SOURCES[0].1);
    for (lang, text) in &SOURCES[1..] {
        let other = entries(text);
        let missing: Vec<&String> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<&String> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has {extra:?}, which English lacks"
        );
        for (id, variables) in &english {
            assert_eq!(&other[id], variables, "placeholders of `{id}` in {lang:?}");
        }
    }
    for code in CODES {
        for (lang, _) in SOURCES {
            assert!(
                super::catalog::has(lang, &code.trigger_id()),
                "{lang:?} lacks {}",
                code.trigger_id()
            );
            assert!(
                super::catalog::has(lang, &code.fix_id()),
                "{lang:?} lacks {}",
                code.fix_id()
            );
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists() {
    // `t!("id", …)` with a literal id: a typo would show the id to the editor.
    let mut missing = Vec::new();
    let english = entries(SOURCES[0].1);
    for file in files_under(&crate_root().join("src"), &is_rust) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("t!(\"") {
            // `format!("…` ends the same way.
            let word = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
            if word || line.trim_start().starts_with("//") {
                continue;
            }
            let rest = &text[at + 4..];
            let id = &rest[..rest.find('"').unwrap_or(0)];
            if !english.contains_key(id) && !id.is_empty() {
                missing.push(format!("{id} in {}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "messages missing from catalogs/en.ftl: {missing:#?}"
    );
}

#[test]
fn catalogs_in_sync() {
    // zh-Hant.ftl is zh-Hans.ftl through OpenCC's s2t, reviewed by eye once written.
    let path = crate_root().join("src/diag/catalogs/zh-Hant.ftl");
    let converted = crate::zh::to_traditional(SOURCES[1].1);
    if std::env::var_os("MENHU_UPDATE_CATALOGS").is_some() {
        std::fs::write(&path, &converted).unwrap();
    }
    assert!(
        SOURCES[2].1 == converted,
        "zh-Hant.ftl is not zh-Hans.ftl in Traditional: run `MENHU_UPDATE_CATALOGS=1 cargo test --lib catalogs_in_sync` and read the result"
    );
}

#[test]
fn placeholders_are_filled_and_english_is_kept_for_machines() {
    let d = super::Diagnostic::error(
        "E0701",
        crate::t!("serve-port-in-use", bind = "127.0.0.1", port = 1111_u16),
    )
    .help(crate::t!("serve-cannot-listen.help"));
    assert_eq!(
        d.message,
        "cannot listen on 127.0.0.1:1111: the port is already in use by another program"
    );
    assert_eq!(
        d.message_in(Lang::ZhHans),
        "无法在 127.0.0.1:1111 上启动预览：这个端口已被别的程序占用"
    );
    let json: serde_json::Value = serde_json::from_str(&d.render_json(Lang::ZhHans)).unwrap();
    assert_eq!(json["message"], d.message.as_str());
    assert_eq!(
        json["message_localized"],
        "无法在 127.0.0.1:1111 上启动预览：这个端口已被别的程序占用"
    );
    assert_eq!(json["lang"], "zh-Hans");
    let human = d.render_human(false, Lang::ZhHans);
    assert!(human.starts_with("错误[E0701]：无法在"), "{human}");
    assert!(human.contains("   = 怎样改：换一个端口"), "{human}");
    let github = d.render_github(Lang::ZhHant);
    assert!(
        github.contains("title=E0701::cannot listen on 127.0.0.1:1111"),
        "{github}"
    );
    assert!(
        github.contains("%0A無法在 127.0.0.1:1111 上啓動預覽"),
        "{github}"
    );
    // Text that is not in the catalog stays as written, in every language.
    let plain = super::Diagnostic::warning("W0201", "unknown key `titel`");
    assert_eq!(plain.message_in(Lang::ZhHans), "unknown key `titel`");
    assert_eq!(
        plain.render_human(false, Lang::En),
        "warning[W0201]: unknown key `titel`\n"
    );
}
