//! The files of the `static/` folders, copied into the output as they are: the theme's,
//! then the site's, whose files win. Links are followed within the site's bounds (one
//! leading out is an error, see [`crate::bounds`]). Hidden files and folders (`.git/`,
//! `.env`, `.htpasswd`) are not published unless `static_dotfiles` lists them, and the
//! files `ignored_static` matches are left out.
//!
//! Codes: E0106 an invalid pattern in `ignored_static` or `static_dotfiles`; W0401 hidden
//! files not published (one warning naming them).

use std::collections::BTreeMap;
use std::path::PathBuf;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::bounds::SiteBounds;
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::output::CopiedFile;

/// Hidden entries named in the warning; the rest are counted.
const NAMED: usize = 5;

/// Every file of `dirs` (lowest priority first) to copy, sorted by destination.
pub(super) fn list(
    dirs: &[PathBuf],
    config: &Config,
    bounds: &SiteBounds,
    diagnostics: &mut Diagnostics,
) -> Vec<CopiedFile> {
    let ignored = glob_set(
        "ignored_static",
        &config.ignored_static,
        config,
        diagnostics,
    );
    let dotfiles = glob_set(
        "static_dotfiles",
        &config.static_dotfiles,
        config,
        diagnostics,
    );
    let mut by_destination = BTreeMap::new();
    let mut hidden = Vec::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        let relative = |e: &walkdir::DirEntry| -> Option<String> {
            let path = e.path().strip_prefix(dir).ok()?;
            Some(path.to_string_lossy().replace('\\', "/"))
        };
        let mut keep = |e: &walkdir::DirEntry| {
            if e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.') {
                return true;
            }
            let Some(path) = relative(e) else {
                return false;
            };
            let listed = dotfiles.is_match(&path);
            if !listed {
                let folder = if e.file_type().is_dir() { "/" } else { "" };
                hidden.push(format!("{}{folder}", bounds.shown(e.path()).display()));
            }
            listed
        };
        let mut walk = bounds.walk(dir, &mut keep);
        while let Some(entry) = walk.next_within(diagnostics) {
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(to) = relative(&entry) else {
                continue;
            };
            if ignored.is_match(&to) {
                continue;
            }
            let from = entry.into_path();
            by_destination.insert(to.clone(), CopiedFile { from, to });
        }
    }
    if !hidden.is_empty() {
        diagnostics.push(hidden_warning(&hidden));
    }
    by_destination.into_values().collect()
}

fn glob_set(
    key: &str,
    patterns: &[String],
    config: &Config,
    diagnostics: &mut Diagnostics,
) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        match Glob::new(pattern) {
            Ok(glob) => _ = builder.add(glob),
            Err(e) => diagnostics.push(
                Diagnostic::error(
                    "E0106",
                    crate::t!(
                        "static-bad-pattern",
                        pattern = pattern,
                        key = key,
                        reason = crate::diag::text::display(e)
                    ),
                )
                .in_file(&config.file)
                .help(crate::t!("static-bad-pattern.help")),
            ),
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

fn hidden_warning(hidden: &[String]) -> Diagnostic {
    let names: Vec<String> = hidden
        .iter()
        .take(NAMED)
        .map(|h| format!("`{h}`"))
        .collect();
    let message = if hidden.len() > NAMED {
        crate::t!(
            "static-hidden.more",
            names = names.join(", "),
            more = hidden.len() - NAMED
        )
    } else {
        crate::t!("static-hidden", names = names.join(", "))
    };
    Diagnostic::warning("W0401", message)
        .in_file(hidden.first().map_or("static", |h| h.trim_end_matches('/')))
        .help(crate::t!("static-hidden.help"))
}
