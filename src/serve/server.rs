//! The preview's HTTP/1.1 server: just enough of the protocol for a browser on the same
//! machine, with every resource bounded so that no client can take the preview down.
//!
//! - A thread per connection, at most [`MAX_CONNECTIONS`]; beyond that a connection is
//!   answered 503 and closed at once. A failing `accept` (out of file descriptors) is
//!   waited out, never fatal.
//! - A request head is read into a buffer of at most [`MAX_HEAD_BYTES`]: a request line
//!   over [`MAX_TARGET_BYTES`] gets 414, more headers than that (or over [`MAX_HEADERS`]
//!   of them) get 431, a malformed head 400, an HTTP version other than 1.0/1.1 505.
//! - A connection that sends nothing for [`IDLE_TIMEOUT`], or takes longer than
//!   [`HEAD_DEADLINE`] to send one head (a slowloris dribbling bytes), is answered 408
//!   (if it had started a request) and closed. Writes time out as well.
//! - Request bodies are never read; a request that announces one is answered and the
//!   connection closed.

use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The longest request line answered normally.
pub const MAX_TARGET_BYTES: usize = 8 * 1024;
/// The largest request head (request line and headers) read.
pub const MAX_HEAD_BYTES: usize = 40 * 1024;
/// The most header fields in one request.
pub const MAX_HEADERS: usize = 100;
/// Connections served at once.
pub const MAX_CONNECTIONS: usize = 512;
/// How long a connection may stay silent.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one request head may take to arrive, however it is dribbled.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(30);
/// How long a write may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// One request, as far as the preview cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, … as sent.
    pub method: String,
    /// The request target as sent (`/news/?q=1`).
    pub target: String,
}

/// A complete answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Headers besides `Content-Length` and `Connection`, which the server adds.
    pub headers: Vec<(&'static str, String)>,
    /// The body; left out on the wire for HEAD, its length still announced.
    pub body: Vec<u8>,
}

impl Reply {
    /// A plain-text answer.
    pub fn text(status: u16, text: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
            body: text.as_bytes().to_vec(),
        }
    }
}

/// A stream handler: gets the connection's writing side and keeps it (an event stream).
pub type Stream = Box<dyn FnOnce(Box<dyn Write + Send>) + Send>;

/// What the application does with a request.
pub enum Answer {
    /// Send this and carry on with the connection.
    Reply(Reply),
    /// Hand the connection over; the handler writes its own status line.
    Stream(Stream),
}

/// Accepts connections on `listener` for ever, answering each request with `handle`.
pub fn serve<H>(listener: TcpListener, handle: H)
where
    H: Fn(&Request) -> Answer + Send + Sync + 'static,
{
    let handle = Arc::new(handle);
    let open = Arc::new(AtomicUsize::new(0));
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Typically out of file descriptors: wait for connections to close.
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        };
        if open.load(Ordering::Acquire) >= MAX_CONNECTIONS {
            refuse_busy(stream);
            continue;
        }
        open.fetch_add(1, Ordering::AcqRel);
        let (handle, count) = (handle.clone(), open.clone());
        let spawned = std::thread::Builder::new()
            .name("menhu-http".into())
            .spawn(move || {
                connection(stream, handle.as_ref());
                count.fetch_sub(1, Ordering::AcqRel);
            });
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = write_reply(
        &mut stream,
        &Reply::text(503, "too many connections"),
        false,
        false,
    );
}

/// Serves requests on one connection until it closes, misbehaves or is handed over.
fn connection(mut stream: TcpStream, handle: &(dyn Fn(&Request) -> Answer + Send + Sync)) {
    if stream.set_read_timeout(Some(IDLE_TIMEOUT)).is_err()
        || stream.set_write_timeout(Some(WRITE_TIMEOUT)).is_err()
    {
        return;
    }
    let mut buffer = Vec::new();
    loop {
        let head = match read_head(&mut stream, &mut buffer) {
            Ok(head) => head,
            Err(HeadError::Closed) => return,
            Err(HeadError::Reply(status, why)) => {
                let _ = write_reply(&mut stream, &Reply::text(status, why), false, false);
                linger(stream);
                return;
            }
        };
        let request = Request {
            method: head.method.clone(),
            target: head.target.clone(),
        };
        match handle(&request) {
            Answer::Reply(reply) => {
                let keep = head.keep_alive && !head.has_body;
                let sent = write_reply(&mut stream, &reply, head.method == "HEAD", keep);
                if sent.is_err() || !keep {
                    if sent.is_ok() && head.has_body {
                        linger(stream);
                    }
                    return;
                }
            }
            Answer::Stream(take_over) => {
                if let Ok(writer) = stream.try_clone() {
                    take_over(Box::new(writer));
                }
                return;
            }
        }
    }
}

/// Closes after an error answer without resetting the connection: a client still
/// sending its over-long request would otherwise lose the answer. What it sends is read
/// and dropped, up to a few megabytes and a few seconds.
fn linger(mut stream: TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let started = Instant::now();
    let mut chunk = [0u8; 16 * 1024];
    let mut drained = 0;
    while drained < 8 * 1024 * 1024 && started.elapsed() < Duration::from_secs(3) {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// A parsed request head.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Head {
    method: String,
    target: String,
    keep_alive: bool,
    has_body: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum HeadError {
    /// The client went away (or stayed silent) before starting a request.
    Closed,
    /// Answer with this status, then close.
    Reply(u16, &'static str),
}

/// Reads one request head; bytes after it stay in `buffer` for the next request.
fn read_head(stream: &mut impl Read, buffer: &mut Vec<u8>) -> Result<Head, HeadError> {
    let started = Instant::now();
    let mut chunk = [0u8; 4096];
    // Where the search for the blank line resumes: bytes dribbled one at a time must
    // not make each arrival rescan the whole buffer.
    let mut scanned = 0;
    loop {
        if let Some((end, skip)) = head_end(buffer, scanned) {
            check_size(buffer.get(..end).unwrap_or(buffer))?;
            let head: Vec<u8> = buffer.drain(..end + skip).take(end).collect();
            return parse_head(&head);
        }
        scanned = buffer.len().saturating_sub(3);
        check_size(buffer)?;
        if started.elapsed() > HEAD_DEADLINE {
            return Err(HeadError::Reply(408, "request head took too long"));
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(n) => buffer.extend_from_slice(chunk.get(..n).unwrap_or(&[])),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(if buffer.iter().all(u8::is_ascii_whitespace) {
                    HeadError::Closed
                } else {
                    HeadError::Reply(408, "request timed out")
                });
            }
            Err(_) => return Err(HeadError::Closed),
        }
    }
}

/// Where the head ends (the blank line, searched from `from`) and the length of the
/// blank-line marker.
fn head_end(buffer: &[u8], from: usize) -> Option<(usize, usize)> {
    let rest = buffer.get(from..)?;
    let crlf = rest
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + from);
    let lf = rest.windows(2).position(|w| w == b"\n\n").map(|i| i + from);
    match (crlf, lf) {
        (Some(a), Some(b)) if b < a => Some((b, 2)),
        (Some(a), _) => Some((a, 4)),
        (None, Some(b)) => Some((b, 2)),
        (None, None) => None,
    }
}

/// 414 while the request line alone is too long, 431 once the head is.
fn check_size(buffer: &[u8]) -> Result<(), HeadError> {
    let line = buffer
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(buffer.len());
    if line > MAX_TARGET_BYTES {
        return Err(HeadError::Reply(414, "request target too long"));
    }
    if buffer.len() > MAX_HEAD_BYTES {
        return Err(HeadError::Reply(431, "request header fields too large"));
    }
    Ok(())
}

fn parse_head(head: &[u8]) -> Result<Head, HeadError> {
    const BAD: HeadError = HeadError::Reply(400, "bad request");
    let text = String::from_utf8_lossy(head);
    // Blank lines before a request are allowed (RFC 9112 §2.2).
    let mut lines = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .skip_while(|l| l.is_empty());
    let request_line = lines.next().ok_or(BAD)?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(BAD);
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
        return Err(BAD);
    }
    if target.is_empty() {
        return Err(BAD);
    }
    let http_1_0 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        v if v.starts_with("HTTP/") => {
            return Err(HeadError::Reply(505, "HTTP version not supported"));
        }
        _ => return Err(BAD),
    };
    let mut connection = String::new();
    let mut has_body = false;
    let mut count = 0;
    for line in lines {
        count += 1;
        if count > MAX_HEADERS {
            return Err(HeadError::Reply(431, "too many header fields"));
        }
        let (name, value) = line.split_once(':').ok_or(BAD)?;
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(BAD);
        }
        let value = value.trim();
        if name.eq_ignore_ascii_case("connection") {
            connection = value.to_ascii_lowercase();
        } else if name.eq_ignore_ascii_case("transfer-encoding")
            || (name.eq_ignore_ascii_case("content-length") && value != "0")
        {
            has_body = true;
        }
    }
    let keep_alive = if http_1_0 {
        connection.contains("keep-alive")
    } else {
        !connection.contains("close")
    };
    Ok(Head {
        method: method.to_owned(),
        target: target.to_owned(),
        keep_alive,
        has_body,
    })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

fn write_reply(
    stream: &mut impl Write,
    reply: &Reply,
    head_only: bool,
    keep_alive: bool,
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        // Values come from the site's own paths; a line break would split the header.
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: {}\r\n\r\n",
        reply.body.len(),
        if keep_alive { "keep-alive" } else { "close" }
    ));
    let mut out = head.into_bytes();
    if !head_only {
        out.extend_from_slice(&reply.body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(raw: &[u8]) -> Result<Head, HeadError> {
        let mut buffer = Vec::new();
        read_head(&mut &raw[..], &mut buffer)
    }

    #[test]
    fn parses_request_lines_and_connection_headers() {
        let h = head(b"GET /a/?q=1 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!((h.method.as_str(), h.target.as_str()), ("GET", "/a/?q=1"));
        assert!(h.keep_alive && !h.has_body);
        let h = head(b"HEAD / HTTP/1.0\nHost: x\n\n").unwrap();
        assert!(!h.keep_alive);
        let h = head(b"\r\nPOST / HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
            .unwrap();
        assert!(h.has_body && !h.keep_alive);
    }

    #[test]
    fn malformed_and_oversized_heads_get_their_status() {
        let status = |raw: &[u8]| match head(raw) {
            Err(HeadError::Reply(s, _)) => s,
            other => panic!("{other:?}"),
        };
        assert_eq!(status(b"GARBAGE\r\n\r\n"), 400);
        assert_eq!(status(b"GET / HTTP/1.1\r\nno colon\r\n\r\n"), 400);
        assert_eq!(status(b"GET / HTTP/2.0\r\n\r\n"), 505);
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_TARGET_BYTES));
        assert_eq!(status(long.as_bytes()), 414);
        let many: String = (0..=MAX_HEADERS).map(|i| format!("X-{i}: v\r\n")).collect();
        assert_eq!(
            status(format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes()),
            431
        );
        let big = format!(
            "GET / HTTP/1.1\r\nX: {}\r\n\r\n",
            "v".repeat(MAX_HEAD_BYTES)
        );
        assert_eq!(status(big.as_bytes()), 431);
        assert_eq!(head(b""), Err(HeadError::Closed));
    }

    #[test]
    fn pipelined_requests_are_read_one_by_one() {
        let raw = b"GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n";
        let mut reader = &raw[..];
        let mut buffer = Vec::new();
        assert_eq!(read_head(&mut reader, &mut buffer).unwrap().target, "/a");
        assert_eq!(read_head(&mut reader, &mut buffer).unwrap().target, "/b");
        assert_eq!(read_head(&mut reader, &mut buffer), Err(HeadError::Closed));
    }

    #[test]
    fn head_answers_announce_the_length_without_the_body() {
        let reply = Reply::text(200, "hello");
        let mut out = Vec::new();
        write_reply(&mut out, &reply, true, true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains("Content-Length: 5\r\n"));
        assert!(text.ends_with("Connection: keep-alive\r\n\r\n"));
    }
}
