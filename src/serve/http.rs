//! HTTP for the preview server: request path → output path (refusing anything that
//! could leave the output), content types, directory indexes, the site's 404 page, and
//! the reload script added to every HTML answer. Request bodies are never read.

use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::Snapshot;
use super::reload;

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

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type of an output path.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// The longest request target answered; longer ones get 414 (browsers stop near 2 KB
/// for links worth following, and no output path comes close to this).
pub const MAX_TARGET_BYTES: usize = 8 * 1024;
/// The most header bytes (names and values) answered; more gets 431.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// The most header fields answered; more gets 431.
pub const MAX_HEADERS: usize = 100;

/// 414 or 431 for a request whose target or headers are too long, else `None`.
fn oversized(request: &Request) -> Option<(u16, &'static str)> {
    if request.url().len() > MAX_TARGET_BYTES {
        return Some((414, "request target too long"));
    }
    let headers = request.headers();
    let bytes: usize = headers
        .iter()
        .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len())
        .sum();
    if headers.len() > MAX_HEADERS || bytes > MAX_HEADER_BYTES {
        return Some((431, "request header fields too large"));
    }
    None
}

/// Answers one request from the snapshot. Errors writing the response (a client that
/// went away) are ignored: the server carries on.
pub fn respond(request: Request, snapshot: &Arc<Snapshot>) {
    if let Some((status, why)) = oversized(&request) {
        let mut response = Response::from_string(why).with_status_code(status);
        if let Some(close) = header("Connection", "close") {
            response.add_header(close);
        }
        let _ = request.respond(response);
        return;
    }
    let head_only = *request.method() == Method::Head;
    if !matches!(request.method(), Method::Get | Method::Head) {
        let mut response = Response::from_string("method not allowed").with_status_code(405);
        if let Some(allow) = header("Allow", "GET, HEAD") {
            response.add_header(allow);
        }
        let _ = request.respond(response);
        return;
    }
    if request.url().split('?').next() == Some(reload::SCRIPT_PATH) {
        let body = if head_only { "" } else { reload::SCRIPT };
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
    let resolved = resolve_request_path(request.url(), snapshot);
    let (status, path, location) = match &resolved {
        ServedFile::Found(path) => (200, Some(path.clone()), None),
        ServedFile::AddSlash(location) => (301, None, Some(location.clone())),
        // The published site answers 404 there too, until the page is due.
        ServedFile::Scheduled(path) => (404, Some(path.clone()), None),
        ServedFile::Missing => (404, Some("404.html".to_owned()), None),
        ServedFile::Bad => {
            let _ = request.respond(Response::from_string("bad request").with_status_code(400));
            return;
        }
    };
    let body = match &resolved {
        ServedFile::Scheduled(path) => snapshot.notices.scheduled_at(path),
        _ => path.as_deref().and_then(|p| snapshot.get(p)),
    }
    .unwrap_or_else(|| Arc::from(&b"not found"[..]));
    let kind = path
        .as_deref()
        .map_or("text/plain; charset=utf-8", content_type);
    let body = match (kind.starts_with("text/html"), path.as_deref()) {
        (true, Some(path)) => {
            let marked = snapshot.notices.mark_expired(path, &body);
            reload::inject_script(marked.as_deref().unwrap_or(&body))
        }
        (true, None) => reload::inject_script(&body),
        (false, _) => body.to_vec(),
    };
    // HEAD answers carry the length the GET would have.
    let length = body.len();
    let mut response = Response::new(
        StatusCode(status),
        Vec::new(),
        std::io::Cursor::new(if head_only { Vec::new() } else { body }),
        Some(length),
        None,
    );
    for h in [
        header("Content-Type", kind),
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
    use crate::render::{Output, SiteOutput};

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
