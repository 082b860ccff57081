//! HTTP for the preview server: request path → output path (refusing anything that
//! could leave the output), content types, directory indexes, the site's 404 page, and
//! the reload script added to every HTML answer. Request bodies are never read; which
//! requests are answered at all is [`super::guard`]'s decision.

use std::io::Read;
use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::Snapshot;
use super::body::Body;
use super::guard::Refusal;
use super::reload;
use crate::render::traditional::PREFIX;

/// What a request resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServedFile {
    /// An output path.
    Found(String),
    /// A folder requested without its trailing slash: redirect here.
    AddSlash(String),
    /// No such output yet: a scheduled page will be this output path.
    Scheduled(String),
    /// No such output.
    Missing,
    /// The path is malformed or tries to leave the output.
    Bad,
}

/// Maps a request target onto an output path. Percent-decoding happens once, then any
/// `..`, `.`, backslash, NUL or empty segment makes the request bad.
pub fn resolve_request_path(target: &str, snapshot: &Snapshot) -> ServedFile {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return ServedFile::Bad;
    };
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return ServedFile::Bad;
    }
    let inner = &decoded[1..];
    let segments: Vec<&str> = inner.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if *segment == ".." || *segment == "." || (segment.is_empty() && i != last) {
            return ServedFile::Bad;
        }
    }
    let scheduled = |output: &str| snapshot.notices.scheduled_at(output).is_some();
    if inner.is_empty() || inner.ends_with('/') {
        let index = format!("{inner}index.html");
        return if snapshot.contains(&index) {
            ServedFile::Found(index)
        } else if scheduled(&index) {
            ServedFile::Scheduled(index)
        } else {
            ServedFile::Missing
        };
    }
    if snapshot.contains(inner) {
        return ServedFile::Found(inner.to_owned());
    }
    let index = format!("{inner}/index.html");
    if snapshot.contains(&index) || scheduled(&index) {
        return ServedFile::AddSlash(format!("{path}/"));
    }
    if scheduled(inner) {
        return ServedFile::Scheduled(inner.to_owned());
    }
    ServedFile::Missing
}

/// `path` percent-decoded, or `None` when a `%` starts no two-digit escape or the
/// bytes are not UTF-8: such a request is bad, not a file name with a `%` in it.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let malformed = bytes.iter().enumerate().any(|(i, b)| {
        *b == b'%'
            && !bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if malformed {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    Some(decoded.into_owned())
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Answers a request the guard refused: the status, the reason, and for 405 the
/// methods that are allowed.
pub fn refuse(request: Request, refusal: &Refusal) {
    let mut response =
        Response::from_string(refusal.reason.as_str()).with_status_code(refusal.status);
    let allow = (refusal.status == 405).then(|| header("Allow", "GET, HEAD"));
    for h in [
        header("Content-Type", "text/plain; charset=utf-8"),
        allow.flatten(),
    ]
    .into_iter()
    .flatten()
    {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

/// Answers one request from the snapshot, once the guard let it through. Files are
/// streamed from memory or from their source, never copied whole per request. Errors
/// writing the response (a client that went away) are ignored: the server carries on.
/// `extra_script` (the editor's 「编辑本页」 button) is served after the reload script.
pub fn respond(request: Request, snapshot: &Arc<Snapshot>, extra_script: Option<&str>) {
    let target = request.url().to_owned();
    respond_in_site(request, &target, snapshot, extra_script, "/");
}

/// The 404 page for a missing `target`: the Traditional copy's own under `/zh-hant/`,
/// so that a reader of the copy is not sent back to Simplified.
fn not_found_page(target: &str, snapshot: &Snapshot) -> String {
    let copy = format!("{PREFIX}/404.html");
    let in_copy = target
        .strip_prefix('/')
        .and_then(|t| t.strip_prefix(PREFIX))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']));
    if in_copy && snapshot.contains(&copy) {
        copy
    } else {
        "404.html".to_owned()
    }
}

/// [`respond`] for a site served under `prefix` (`/wuzhou/`, or `/` alone): `target` is
/// the request's target within the site (`/news/`, from `/wuzhou/news/`), redirects
/// and the reload script's address keep the prefix.
pub fn respond_in_site(
    request: Request,
    target: &str,
    snapshot: &Arc<Snapshot>,
    extra_script: Option<&str>,
    prefix: &str,
) {
    let head_only = *request.method() == Method::Head;
    if target.split('?').next() == Some(reload::SCRIPT_PATH) {
        let body = match (head_only, extra_script) {
            (true, _) => String::new(),
            (false, Some(extra)) => format!("{}{extra}", reload::SCRIPT),
            (false, None) => reload::SCRIPT.to_owned(),
        };
        let mut response = Response::from_string(body);
        for h in [
            header("Content-Type", "text/javascript; charset=utf-8"),
            header("Cache-Control", "no-store"),
        ]
        .into_iter()
        .flatten()
        {
            response.add_header(h);
        }
        let _ = request.respond(response);
        return;
    }
    let resolved = resolve_request_path(target, snapshot);
    let (mut status, path, location) = match &resolved {
        ServedFile::Found(path) => (200, Some(path.clone()), None),
        ServedFile::AddSlash(location) => (301, None, Some(format!("{prefix}{}", &location[1..]))),
        // The published site answers 404 there too, until the page is due.
        ServedFile::Scheduled(path) => (404, Some(path.clone()), None),
        ServedFile::Missing => (404, Some(not_found_page(target, snapshot)), None),
        ServedFile::Bad => {
            let _ = request.respond(Response::from_string("bad request").with_status_code(400));
            return;
        }
    };
    let body = match &resolved {
        ServedFile::Scheduled(path) => snapshot.notices.scheduled_at(path).map(Body::Memory),
        _ => path.as_deref().and_then(|p| snapshot.body(p)),
    };
    let kind = path.as_deref().map_or_else(
        || "text/plain; charset=utf-8".to_owned(),
        crate::output::content_type,
    );
    let html = kind.starts_with("text/html");
    // An expired page (rendered, so in memory) gets its banner before the script.
    let body = match (body, path.as_deref()) {
        (Some(Body::Memory(bytes)), Some(path)) if html => Some(Body::Memory(
            snapshot
                .notices
                .mark_expired(path, &bytes)
                .map_or(bytes, Arc::from),
        )),
        (body, _) => body,
    };
    let (reader, length) = match body {
        Some(body) if html => body.with_script_tag(&reload::script_tag(prefix)),
        Some(body) => body.into_reader(),
        // Listed but unreadable now (a copied file deleted, or turned into a link out
        // of the site since the build): not found, never a 200 with an error text.
        None => {
            if status == 200 {
                status = 404;
            }
            let text: &'static [u8] = b"not found";
            (Box::new(text) as Box<dyn Read + Send>, text.len() as u64)
        }
    };
    // HEAD answers carry the length the GET would have.
    let reader = if head_only {
        Box::new(std::io::empty()) as Box<dyn Read + Send>
    } else {
        reader
    };
    // The length is known, so it is sent as `Content-Length` at any size (tiny_http
    // would switch to chunked above 32 KiB, leaving HEAD without a length).
    let mut response = Response::new(
        StatusCode(status),
        Vec::new(),
        reader,
        usize::try_from(length).ok(),
        None,
    )
    .with_chunked_threshold(usize::MAX);
    for h in [
        header("Content-Type", &kind),
        header("Cache-Control", "no-store"),
    ]
    .into_iter()
    .flatten()
    {
        response.add_header(h);
    }
    if let Some(location) = location.and_then(|l| header("Location", &l)) {
        response.add_header(location);
    }
    let _ = request.respond(response);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Output, SiteOutput};

    fn snapshot() -> Snapshot {
        let file = |p: &str| Output {
            path: p.into(),
            body: b"x".to_vec(),
        };
        let bounds = std::sync::Arc::new(crate::bounds::SiteBounds::new(std::path::Path::new(".")));
        Snapshot::new(
            SiteOutput {
                files: vec![file("index.html"), file("news/index.html"), file("a.css")],
                ..SiteOutput::default()
            },
            bounds,
        )
    }

    #[test]
    fn maps_paths_and_refuses_traversal() {
        let s = snapshot();
        assert_eq!(
            resolve_request_path("/", &s),
            ServedFile::Found("index.html".into())
        );
        assert_eq!(
            resolve_request_path("/news/?q=1", &s),
            ServedFile::Found("news/index.html".into())
        );
        assert_eq!(
            resolve_request_path("/news", &s),
            ServedFile::AddSlash("/news/".into())
        );
        assert_eq!(
            resolve_request_path("/a.css", &s),
            ServedFile::Found("a.css".into())
        );
        assert_eq!(resolve_request_path("/nope", &s), ServedFile::Missing);
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/x",
            "/news/..%2f..%2fx",
            "/a\\b",
            "/%00",
            "//etc/passwd",
            "x",
            "/%zz",
        ] {
            assert_eq!(resolve_request_path(bad, &s), ServedFile::Bad, "{bad}");
        }
    }
}
