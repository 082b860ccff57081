//! The editor's page, script and style (`assets/editor/`), and the vendored Markdown
//! editor component, Vditor (`assets/editor/vditor/`, MIT, fetched and checked by
//! `scripts/update-editor.sh`), all embedded in the binary: the editor needs no
//! network and no npm. The page carries the session's token and the preview's origin,
//! and a content security policy that lets it run only its own scripts and frame only
//! the preview.

use include_dir::{Dir, include_dir};

use super::{Editor, Reply, guard};

static ASSETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/editor");

/// Answers a `GET` of `path` under the editor's prefix.
pub fn reply(path: &str, editor: &Editor) -> Reply {
    let Some(inner) = path.strip_prefix(guard::PREFIX) else {
        return Reply::text(404, "not found").with("Location", guard::PREFIX.to_owned());
    };
    if inner.is_empty() || inner == "index.html" {
        return page(editor);
    }
    if inner.split('/').any(|s| s.is_empty() || s.starts_with('.')) {
        return Reply::text(404, "not found");
    }
    match ASSETS.get_file(inner) {
        Some(file) => Reply::bytes(200, kind(inner), file.contents().to_vec()),
        None => Reply::text(404, "not found"),
    }
}

fn kind(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "text/plain; charset=utf-8",
    }
}

fn page(editor: &Editor) -> Reply {
    let html = ASSETS
        .get_file("app.html")
        .and_then(|f| f.contents_utf8())
        .unwrap_or("");
    let preview = &editor.options.preview_origin;
    let html = html
        .replace("{{token}}", editor.session.token())
        .replace("{{preview}}", preview);
    // Vditor sets styles on its elements and compiles Lute (its Markdown engine,
    // written in Go) with eval-like calls; nothing else may run or be loaded.
    let policy = format!(
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob: {preview}; frame-src {preview}; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    Reply::bytes(200, "text/html; charset=utf-8", html.into_bytes())
        .with("Content-Security-Policy", policy)
}
