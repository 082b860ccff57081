//! `menhu serve --edit`: the online editor (在线编辑), a browser UI for the pages of the
//! site being previewed. The files on disk stay the single source of truth: the editor
//! reads and writes `content/` (and `static/`), the preview's watcher sees the change
//! and rebuilds, and the preview shown beside the form reloads.
//!
//! The editor is served on a second port of 127.0.0.1, apart from the preview, so that
//! the two are different origins: a previewed page (whose HTML and scripts come from
//! the site, which is untrusted) is shown in a frame of the editor and cannot reach the
//! editor's page, its token or its API. [`guard`] says which requests are answered;
//! [`files`] where writes may go; [`front`] how a change is written; [`list`],
//! [`review`] and [`upload`] the content list, the review workflow and photos;
//! [`pictures`] the photos beside a page as the body editor shows them; [`undo`]
//! the last save of each page, kept in the site's cache; [`commit`] the git commit of
//! an approval; [`delete`] deleting a page or a file beside it into the recycle bin,
//! [`trash`], and restoring it; [`relocate`] moving a page to another section (栏目),
//! keeping its old address and the [`links`] to it; [`api`]
//! maps the routes under `/_menhu/edit/` onto them; [`assets`] holds the UI and the
//! vendored Markdown editor (Vditor).

mod api;
mod assets;
pub mod commit;
mod delete;
pub mod files;
pub mod front;
mod guard;
mod links;
pub mod list;
mod pictures;
mod relocate;
pub mod review;
pub mod trash;
mod undo;
pub mod upload;

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;

use chrono_tz::Tz;
use tiny_http::{Header, Request, Response};

use crate::bounds::SiteBounds;
use crate::content::date::Now;
use crate::diag::Diagnostic;

pub use guard::{MAX_JSON_BYTES, MAX_UPLOAD_BYTES, PREFIX};

/// What the editor asks of the preview: where a page is shown and what the last build
/// said.
pub trait PreviewSite: Send + Sync {
    /// The source file (`content/news/a.md`) of the page at `url_path` (`/news/a/`).
    fn source_of(&self, url_path: &str) -> Option<String>;
    /// The address path (`/news/a/`) of the page built from `source`.
    fn url_of(&self, source: &str) -> Option<String>;
    /// The address path (`/news/tzgg/`) of the section built from `source`
    /// (`content/news/tzgg/_index.md`).
    fn section_url_of(&self, source: &str) -> Option<String>;
    /// The problems of the last build (its warnings, or its errors when it failed).
    fn problems(&self) -> Vec<Diagnostic>;
}

/// What the editor is started with.
pub struct EditorOptions {
    /// The site.
    pub bounds: SiteBounds,
    /// The site's time zone: dates in the form are in it.
    pub zone: Tz,
    /// The build's clock (a fixed `--now` in tests).
    pub now: Now,
    /// The preview's origin (`http://127.0.0.1:1111`), shown in the editor's frame.
    pub preview_origin: String,
    /// `--edit-commit`: approving a page commits it to the site's git repository.
    pub commit: bool,
}

/// The running editor.
pub struct Editor {
    options: EditorOptions,
    session: guard::Session,
    site: Arc<dyn PreviewSite>,
    /// The bytes each page had before its last save, and the version that save wrote:
    /// 「撤销上次保存」 restores them while the file is still as saved.
    undo: undo::UndoStore,
}

/// The editor's socket: a free port of 127.0.0.1, bound before the editor starts so
/// that the preview can link to it.
pub struct EditorListener {
    listener: TcpListener,
    port: u16,
}

impl EditorListener {
    /// Binds a free port of 127.0.0.1 (never another address: see [`guard`]).
    pub fn bind() -> std::io::Result<EditorListener> {
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let port = listener.local_addr()?.port();
        Ok(EditorListener { listener, port })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Serves the editor on `listener` from threads of its own.
pub fn start(
    listener: EditorListener,
    options: EditorOptions,
    site: Arc<dyn PreviewSite>,
) -> std::io::Result<()> {
    let undo = undo::UndoStore::new(options.bounds.root());
    let editor = Arc::new(Editor {
        options,
        session: guard::Session::new(listener.port)?,
        site,
        undo,
    });
    std::thread::spawn(move || {
        super::listen::serve_forever(listener.listener, move |r| editor.answer(r), |_| {});
    });
    Ok(())
}

impl Editor {
    fn answer(&self, mut request: Request) {
        if let Some(refusal) = self.session.refusal(&request) {
            let reply = match refusal.status {
                // The page shows the API's answers: a body too large is said in words.
                413 if request.url().starts_with(guard::API) => api::too_large(request.url()),
                _ => Reply::text(refusal.status, &refusal.reason),
            };
            respond(request, reply);
            return;
        }
        let target = request.url().to_owned();
        let (path, query) = target.split_once('?').unwrap_or((&target, ""));
        let reply = if let Some(route) = path.strip_prefix(guard::API) {
            let body = match read_body(&mut request) {
                Ok(body) => body,
                Err(_) => return respond(request, api::incomplete(route)),
            };
            api::handle(self, route, query, &body)
        } else if path.starts_with(pictures::FILES) {
            pictures::reply(self, path)
        } else {
            let gzip_ok = request
                .headers()
                .iter()
                .any(|h| h.field.equiv("Accept-Encoding") && h.value.as_str().contains("gzip"));
            assets::reply(path, self, gzip_ok)
        };
        respond(request, reply);
    }
}

/// The request's body (empty for `GET`); the guard has checked its length. A body that
/// ends before its `Content-Length` (an upload cancelled midway: the tab closed, the
/// connection lost) is an error, so that nothing is made of its first part (a photo cut
/// off, stored beside the page as if whole).
fn read_body(request: &mut Request) -> std::io::Result<Vec<u8>> {
    let length = (request.body_length().unwrap_or(0) as u64).min(MAX_UPLOAD_BYTES);
    let mut body = Vec::new();
    request.as_reader().take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
    }
    Ok(body)
}

/// An answer: status, content type, bytes, and whether it is the editor's page (which
/// gets the strict content security policy).
pub struct Reply {
    status: u16,
    kind: &'static str,
    body: Vec<u8>,
    extra: Vec<(&'static str, String)>,
}

impl Reply {
    fn text(status: u16, text: &str) -> Reply {
        Reply::bytes(
            status,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        )
    }

    fn json(status: u16, value: &serde_json::Value) -> Reply {
        Reply::bytes(status, "application/json", value.to_string().into_bytes())
    }

    fn bytes(status: u16, kind: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            kind,
            body,
            extra: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: String) -> Reply {
        self.extra.push((name, value));
        self
    }
}

fn respond(request: Request, reply: Reply) {
    let mut response = Response::from_data(reply.body).with_status_code(reply.status);
    let fixed = [
        ("Content-Type", reply.kind.to_owned()),
        ("Cache-Control", "no-store".to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("Referrer-Policy", "no-referrer".to_owned()),
        ("X-Frame-Options", "DENY".to_owned()),
    ];
    for (name, value) in fixed.into_iter().chain(reply.extra) {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    let _ = request.respond(response);
}
