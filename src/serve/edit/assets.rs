//! The editor's page, script and style (`assets/editor/`), and the vendored Markdown
//! editor component, Vditor (`assets/editor/vditor/`, MIT, fetched and checked by
//! `scripts/update-editor.sh`), all embedded in the binary: the editor needs no
//! network and no npm. A file kept compressed (`lute.min.js.gz`) is served under its
//! name without `.gz`, with `Content-Encoding: gzip` (decompressed for a client that
//! does not accept gzip). The page carries the session's token and the preview's origin,
//! and a content security policy that lets it run only its own scripts and frame only
//! the preview.

use std::io::Read;
use std::sync::OnceLock;

use base64::Engine;
use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};

use super::{Editor, Reply, guard};

static ASSETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/editor");

/// Answers a `GET` of `path` under the editor's prefix; `gzip_ok` when the client
/// accepts gzip.
pub fn reply(path: &str, editor: &Editor, gzip_ok: bool) -> Reply {
    let Some(inner) = path.strip_prefix(guard::PREFIX) else {
        return Reply::text(404, "not found").with("Location", guard::PREFIX.to_owned());
    };
    if inner.is_empty() || inner == "index.html" {
        return page(editor);
    }
    if inner.split('/').any(|s| s.is_empty() || s.starts_with('.')) {
        return Reply::text(404, "not found");
    }
    if let Some(file) = ASSETS.get_file(inner) {
        return Reply::bytes(200, kind(inner), file.contents().to_vec());
    }
    let Some(packed) = ASSETS.get_file(format!("{inner}.gz")) else {
        return Reply::text(404, "not found");
    };
    if gzip_ok {
        return Reply::bytes(200, kind(inner), packed.contents().to_vec())
            .with("Content-Encoding", "gzip".to_owned());
    }
    let mut plain = Vec::new();
    match flate2::read::GzDecoder::new(packed.contents()).read_to_end(&mut plain) {
        Ok(_) => Reply::bytes(200, kind(inner), plain),
        Err(_) => Reply::text(500, "a vendored file is damaged"),
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
    // Vditor sets styles on its elements, compiles Lute (its Markdown engine, written
    // in Go) with eval-like calls, and runs some of its own files as inline scripts
    // (allowed by their hashes); nothing else may run or be loaded.
    let hashes = script_hashes();
    let policy = format!(
        "default-src 'self'; script-src 'self' 'unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob: {preview}; frame-src {preview}; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    Reply::bytes(200, "text/html; charset=utf-8", html.into_bytes())
        .with("Content-Security-Policy", policy)
}

/// `'sha256-…'` of every vendored script, for the ones Vditor reads and runs inline
/// (its icons and language strings), computed once.
fn script_hashes() -> &'static str {
    static HASHES: OnceLock<String> = OnceLock::new();
    HASHES.get_or_init(|| {
        let mut hashes = Vec::new();
        collect_script_hashes(&ASSETS, &mut hashes);
        hashes.join(" ")
    })
}

fn collect_script_hashes(dir: &Dir<'_>, hashes: &mut Vec<String>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy();
        if path.starts_with("vditor/dist/js/") && path.ends_with(".js") && !path.contains("lute") {
            let digest = Sha256::digest(file.contents());
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{encoded}'"));
        }
    }
    for sub in dir.dirs() {
        collect_script_hashes(sub, hashes);
    }
}
