//! `compile_sass = true`: the `.scss` and `.sass` files of `sass/` (the theme's, then the
//! site's, whose files win) compiled to CSS with grass, a pure-Rust Sass compiler, as
//! Zola does: `sass/css/site.scss` becomes `css/site.css`; files whose name starts with
//! `_` are partials, compiled only where they are imported. Compiled when the templates
//! are loaded, so a Sass error stops the build before anything is rendered.
//!
//! Imports are read through [`BoundedFs`], which refuses any file outside the site's
//! bounds: a stylesheet cannot `@import "/etc/passwd"` into the published CSS.
//!
//! Code E0407: a Sass file that does not compile, at its file, line and column.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use crate::bounds::SiteBounds;
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::output::Output;

/// Every stylesheet of the `sass/` folders of `dirs` (relative to `root`, lowest
/// priority first), compiled; problems in `diagnostics`.
pub(super) fn compile_all(
    root: &Path,
    dirs: &[PathBuf],
    bounds: &SiteBounds,
    diagnostics: &mut Diagnostics,
) -> Vec<Output> {
    let mut by_output: BTreeMap<String, (PathBuf, PathBuf)> = BTreeMap::new();
    for dir in dirs {
        let sass_dir = root.join(dir).join("sass");
        if !sass_dir.is_dir() {
            continue;
        }
        let mut walk = bounds.walk(&sass_dir, |_| true);
        while let Some(entry) = walk.next_within(diagnostics) {
            let path = entry.path();
            let Some(to) = output_path(&sass_dir, path) else {
                continue;
            };
            by_output.insert(to, (sass_dir.clone(), path.to_path_buf()));
        }
    }
    let fs = BoundedFs { bounds };
    by_output
        .into_iter()
        .filter_map(
            |(to, (sass_dir, from))| match compile_one(&from, &sass_dir, &fs, bounds) {
                Ok(css) => Some(Output {
                    path: to,
                    body: css.into_bytes(),
                }),
                Err(d) => {
                    diagnostics.push(*d);
                    None
                }
            },
        )
        .collect()
}

/// Where `file` of `sass_dir` is published (`css/site.css`), or `None` for what is not
/// a stylesheet to compile (a partial, another kind of file).
fn output_path(sass_dir: &Path, file: &Path) -> Option<String> {
    let extension = file.extension()?.to_str()?;
    if !matches!(extension, "scss" | "sass") || !file.is_file() {
        return None;
    }
    let name = file.file_name()?.to_string_lossy();
    if name.starts_with('_') {
        return None;
    }
    let relative = file.strip_prefix(sass_dir).ok()?.with_extension("css");
    Some(relative.to_string_lossy().replace('\\', "/"))
}

fn compile_one(
    file: &Path,
    sass_dir: &Path,
    fs: &BoundedFs<'_>,
    bounds: &SiteBounds,
) -> Result<String, Box<Diagnostic>> {
    let options = grass::Options::default()
        .fs(fs)
        .load_path(sass_dir)
        .logger(&grass::NullLogger)
        .style(grass::OutputStyle::Compressed);
    let shown = bounds.shown(file);
    // A bug in the compiler must not take the build down without naming the file.
    let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        grass::from_path(file, &options)
    }))
    .map_err(|_| {
        Box::new(Diagnostic::error("E0407", crate::t!("sass-compiler-bug")).in_file(&shown))
    })?;
    compiled.map_err(|e| Box::new(sass_error(*e, &shown, bounds)))
}

fn sass_error(error: grass::Error, shown: &Path, bounds: &SiteBounds) -> Diagnostic {
    match error.kind() {
        grass::ErrorKind::ParseError { message, loc, .. } => {
            let file = PathBuf::from(loc.file.name());
            let place = Span::point(
                u32::try_from(loc.begin.line + 1).unwrap_or(u32::MAX),
                u32::try_from(loc.begin.column + 1).unwrap_or(u32::MAX),
            );
            Diagnostic::error("E0407", crate::t!("sass-error", reason = message))
                .in_file(bounds.shown(&file))
                .at_span(place)
                .help(crate::t!("sass-error.help"))
        }
        grass::ErrorKind::IoError(e) => Diagnostic::error(
            "E0407",
            crate::t!("sass-import", reason = crate::diag::text::display(e)),
        )
        .in_file(shown)
        .help(crate::t!("sass-import.help")),
        other => Diagnostic::error(
            "E0407",
            crate::t!("sass-error", reason = format!("{other:?}")),
        )
        .in_file(shown),
    }
}

/// The file system Sass imports are read through: only files within the site's bounds.
#[derive(Debug)]
struct BoundedFs<'a> {
    bounds: &'a SiteBounds,
}

impl BoundedFs<'_> {
    fn allowed(&self, path: &Path) -> bool {
        self.bounds.resolve(path).is_ok()
    }
}

impl grass::Fs for BoundedFs<'_> {
    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir() && self.allowed(path)
    }

    fn is_file(&self, path: &Path) -> bool {
        path.is_file() && self.allowed(path)
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.bounds.resolve(path) {
            Ok(real) => std::fs::read(real),
            Err(_) => Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("`{}` is outside the site", path.display()),
            )),
        }
    }
}
