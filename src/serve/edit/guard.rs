//! Which requests the editor answers. The editor changes files, so it trusts less than
//! the preview does:
//!
//! - it listens on a loopback address only, on a port of its own: another origin than
//!   the preview's, so no script of a previewed page (content is untrusted) ever runs
//!   in the editor's origin;
//! - the `Host` must be a loopback name with the editor's port (DNS rebinding: 403);
//! - every request to `/_menhu/edit/api/` must carry the session's token in the
//!   `X-Menhu-Token` header (403 without it or with a wrong one). The token is made
//!   from the operating system's random source when the editor starts and is written
//!   only into the editor's own page, which another origin cannot read (no CORS);
//! - a request that changes anything (`POST`) must also come from the editor's own
//!   origin (`Origin` header; 403 otherwise) and send its body with a `Content-Length`
//!   (411 without one) no larger than the limit of its kind (413), never chunked (400);
//! - other methods get 405.
//!
//! A `GET` outside the API (the editor's page, its scripts, the photos beside a page
//! shown in the body editor) needs no token: it changes nothing, and none of it is
//! the site's code ([`super::pictures`] serves checked pictures only).

use subtle_compare::equal;
use tiny_http::{Method, Request};

use crate::diag::Lang;
use crate::serve::guard::{ambiguous_length, header_values, oversized};
/// The largest JSON body (a page's text and its fields).
pub const MAX_JSON_BYTES: u64 = 4 * 1024 * 1024;
/// The largest photo or attachment uploaded.
pub const MAX_UPLOAD_BYTES: u64 = 20 * 1024 * 1024;

/// The prefix of every address of the editor.
pub const PREFIX: &str = "/_menhu/edit/";
/// The prefix of the editor's API.
pub const API: &str = "/_menhu/edit/api/";

/// The editor's session: its port and token.
#[derive(Debug, Clone)]
pub struct Session {
    port: u16,
    token: String,
}

/// A refused request: status and reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// 400, 403, 405, 411, 413 or 414.
    pub status: u16,
    /// Said in the body.
    pub reason: String,
}

fn refusal(status: u16, reason: &str) -> Option<Refusal> {
    Some(Refusal {
        status,
        reason: reason.to_owned(),
    })
}

impl Session {
    /// A new session on `port`, with a fresh token.
    pub fn new(port: u16) -> std::io::Result<Session> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
        let token = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Ok(Session { port, token })
    }

    /// The token the editor's page sends back.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The editor's origin as the browser names it.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Why `request` is not answered, or `None` when it may be.
    pub fn refusal(&self, request: &Request) -> Option<Refusal> {
        // The preview's checks of the request itself (target and header sizes,
        // message lengths), then the editor's own, stricter ones.
        if let Some((status, reason)) = oversized(request).or_else(|| ambiguous_length(request)) {
            return Some(Refusal {
                status,
                reason: reason.render(Lang::En).into_owned(),
            });
        }
        let header = |name: &'static str| {
            let mut values = header_values(request, name);
            // A header sent twice is not trusted: which one counts is ambiguous.
            values.next().filter(|_| values.next().is_none())
        };
        if !header("Host").is_some_and(|host| self.is_own_host(host)) {
            return refusal(403, "this editor answers only to its own address");
        }
        let is_post = *request.method() == Method::Post;
        if !is_post && !matches!(request.method(), Method::Get | Method::Head) {
            return refusal(405, "method not allowed");
        }
        let path = request.url().split('?').next().unwrap_or("");
        if !path.starts_with(API) {
            return if is_post {
                refusal(405, "method not allowed")
            } else {
                None
            };
        }
        if !header("X-Menhu-Token").is_some_and(|t| equal(t.as_bytes(), self.token.as_bytes())) {
            return refusal(403, "missing or wrong editor token");
        }
        if !is_post {
            return None;
        }
        let own_origin = [self.origin(), format!("http://localhost:{}", self.port)];
        if !header("Origin").is_some_and(|o| own_origin.iter().any(|own| own == o)) {
            return refusal(403, "cross-origin request refused");
        }
        if header("Transfer-Encoding").is_some() {
            return refusal(400, "send the body with a Content-Length");
        }
        let limit = if path == format!("{API}upload") {
            MAX_UPLOAD_BYTES
        } else {
            MAX_JSON_BYTES
        };
        match header("Content-Length").map(|v| v.trim().parse::<u64>()) {
            Some(Ok(length)) if length > limit => refusal(413, "too large"),
            Some(Ok(_)) => None,
            _ => refusal(411, "send the body with a Content-Length"),
        }
    }

    fn is_own_host(&self, host: &str) -> bool {
        let port = self.port;
        [
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ]
        .iter()
        .any(|own| own.eq_ignore_ascii_case(host.trim()))
    }
}

/// Byte strings compared in a time that depends only on their lengths, so the token
/// cannot be guessed from how long a refusal takes.
mod subtle_compare {
    pub fn equal(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::subtle_compare::equal;

    #[test]
    fn tokens_compare_by_every_byte() {
        assert!(equal(b"abc", b"abc"));
        assert!(!equal(b"abc", b"abd"));
        assert!(!equal(b"abc", b"ab"));
    }
}
