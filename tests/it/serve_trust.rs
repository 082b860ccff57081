//! The preview trusts only itself (issue #25, finding 5), tested as an attacker would:
//! a DNS-rebinding page reaching `serve --drafts` under its own host name, requests
//! from other origins, methods that change state, request-smuggling lengths, and many
//! parallel downloads of a large static file, which must not cost the server memory.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::serve_http::{Server, served_site};
use crate::support::{assert_contains, assert_not_contains};

const DRAFT_TEXT: &str = "尚未发布的草稿正文";

/// Sends `head` (request line and headers, without the blank line) and `body`; returns
/// the status and the answer: its head, and its body as long as `Content-Length` says
/// (an event stream, which never ends, is not waited for).
fn send_with_body(server: &Server, head: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let request = format!("{head}\r\nConnection: close\r\n\r\n{body}");
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let mut byte = [0u8];
    while !answer.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
        answer.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&answer).into_owned();
    let length = text
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_owned())
        })
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let mut body = Vec::new();
    let _ = stream.take(length).read_to_end(&mut body);
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text + &String::from_utf8_lossy(&body))
}

fn send(server: &Server, head: &str) -> (u16, String) {
    send_with_body(server, head, "")
}

#[test]
fn a_rebinding_host_gets_403_and_never_a_draft() {
    let site = served_site();
    site.write(
        "content/news/draft.md",
        &format!("+++\ntitle = \"草稿\"\ndraft = true\n+++\n{DRAFT_TEXT}\n"),
    );
    let server = Server::start_with(&site, &["--drafts"]);
    let port = server.address.port();
    let own = format!("GET /news/draft/ HTTP/1.1\r\nHost: 127.0.0.1:{port}");
    let (status, text) = send(&server, &own);
    assert_eq!(status, 200, "{text}");
    assert_contains(&text, DRAFT_TEXT);
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_owned(),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("EVIL.example:{port}"),
    ] {
        for target in [
            "/news/draft/",
            "/news/",
            "/",
            "/site.css",
            "/__menhu/live.js",
            "/__menhu/events",
            "/nowhere/",
        ] {
            let (status, text) = send(&server, &format!("GET {target} HTTP/1.1\r\nHost: {host}"));
            assert_eq!(status, 403, "{host} {target}:\n{text}");
            assert_not_contains(&text, DRAFT_TEXT);
            assert_not_contains(&text, "第一篇");
        }
    }
    // No Host, two Hosts (the second one foreign), HTTP/1.0 without a Host.
    for head in [
        "GET /news/draft/ HTTP/1.1".to_owned(),
        format!("GET /news/draft/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example"),
        "GET /news/draft/ HTTP/1.0".to_owned(),
    ] {
        let (status, text) = send(&server, &head);
        assert_eq!(status, 400, "{head}:\n{text}");
        assert_not_contains(&text, DRAFT_TEXT);
    }
    for host in [
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_owned(),
    ] {
        let (status, _) = send(&server, &format!("GET /news/ HTTP/1.1\r\nHost: {host}"));
        assert_eq!(status, 200, "{host}");
    }
}

#[test]
fn other_origins_get_no_cors_and_state_changing_methods_get_405() {
    let site = served_site();
    let server = Server::start(&site);
    let port = server.address.port();
    let host = format!("Host: 127.0.0.1:{port}");
    for target in ["/news/a/", "/__menhu/events", "/site.css", "/"] {
        let (status, text) = send(
            &server,
            &format!("GET {target} HTTP/1.1\r\n{host}\r\nOrigin: http://evil.example"),
        );
        assert_eq!(status, 200, "{target}: {text}");
        assert_not_contains(&text.to_ascii_lowercase(), "access-control-");
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let (status, text) = send_with_body(
                &server,
                &format!(
                    "{method} {target} HTTP/1.1\r\n{host}\r\nOrigin: http://evil.example\r\n\
                     Access-Control-Request-Method: POST\r\nContent-Length: 2"
                ),
                "{}",
            );
            assert_eq!(status, 405, "{method} {target}:\n{text}");
            assert_contains(&text, "Allow: GET, HEAD");
            assert_not_contains(&text.to_ascii_lowercase(), "access-control-");
        }
    }
}

#[test]
fn conflicting_message_lengths_get_400() {
    let site = served_site();
    let server = Server::start(&site);
    let port = server.address.port();
    let get = format!("GET /news/a/ HTTP/1.1\r\nHost: 127.0.0.1:{port}");
    for headers in [
        "Content-Length: 0\r\nContent-Length: 5",
        "Content-Length: 5\r\nContent-Length: 0",
        "Content-Length: 0, 5",
        "Content-Length: x",
        "Content-Length: -1",
        "Content-Length: 0\r\nTransfer-Encoding: chunked",
    ] {
        // Five bytes of body, as the largest length says.
        let (status, text) = send_with_body(&server, &format!("{get}\r\n{headers}"), "hello");
        assert_eq!(status, 400, "{headers}:\n{text}");
        assert_not_contains(&text, "原来的正文");
    }
    // One length, said twice alike, is no conflict.
    let (status, _) = send(
        &server,
        &format!("{get}\r\nContent-Length: 0\r\nContent-Length: 0"),
    );
    assert_eq!(status, 200);
}

/// Peak resident memory of process `pid` in KiB (Linux).
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_large_static_file_is_streamed_to_parallel_readers() {
    const SIZE: u64 = 256 * 1024 * 1024;
    const READERS: usize = 4;
    let site = served_site();
    // Sparse: a quarter gigabyte that takes no disk.
    let big = site.path("static/video/big.mp4");
    std::fs::create_dir_all(big.parent().unwrap()).unwrap();
    std::fs::File::create(&big).unwrap().set_len(SIZE).unwrap();
    let server = Server::start(&site);
    let port = server.address.port();
    let head = server.request("HEAD", "/video/big.mp4");
    assert_eq!(
        head.header("content-length"),
        Some(SIZE.to_string().as_str())
    );
    let readers: Vec<_> = (0..READERS)
        .map(|_| {
            let address = server.address;
            std::thread::spawn(move || {
                let mut stream = TcpStream::connect(address).unwrap();
                stream.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
                write!(
                    stream,
                    "GET /video/big.mp4 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
                )
                .unwrap();
                let mut total = 0u64;
                let mut head = Vec::new();
                let mut buffer = vec![0; 1 << 16];
                loop {
                    let n = stream.read(&mut buffer).unwrap();
                    if n == 0 {
                        break;
                    }
                    if head.len() < 4096 {
                        head.extend_from_slice(&buffer[..n.min(4096)]);
                    }
                    total += n as u64;
                }
                (String::from_utf8_lossy(&head).into_owned(), total)
            })
        })
        .collect();
    for reader in readers {
        let (head, total) = reader.join().unwrap();
        let header_len = head.find("\r\n\r\n").unwrap() as u64 + 4;
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert_contains(&head, &format!("Content-Length: {SIZE}"));
        assert_eq!(total - header_len, SIZE, "every byte arrives");
    }
    // Reading the file whole per request held READERS × 256 MiB at once.
    if let Some(peak) = peak_kib(server.pid()) {
        assert!(
            peak < 128 * 1024,
            "the server held {} MiB while serving a 256 MiB file to {READERS} readers",
            peak / 1024
        );
    }
}

/// A preview opened under another name (a colleague typing the computer's name, set
/// up for the editor) is refused with the address that works, port included, and the
/// `--base-url` that previews under that name.
#[test]
fn a_foreign_host_is_told_the_address_to_open_and_how_to_use_its_name() {
    let site = served_site();
    let server = Server::start_with(&site, &["--lang", "en"]);
    let port = server.address.port();
    let (status, text) = send(
        &server,
        &format!("GET / HTTP/1.1\r\nHost: office-pc:{port}"),
    );
    assert_eq!(status, 403, "{text}");
    assert_contains(&text, &format!("such as http://127.0.0.1:{port}/"));
    assert_contains(
        &text,
        &format!("start it with `--base-url http://office-pc:{port}`"),
    );
    let allowed = Server::start_with(&site, &["--base-url", &format!("http://office-pc:{port}")]);
    let (status, text) = send(&allowed, "GET / HTTP/1.1\r\nHost: office-pc");
    assert_eq!(status, 200, "{text}");
}

/// A refusal is written in the preview's language, as every other message.
#[test]
fn refusals_speak_the_previews_language() {
    let site = served_site();
    let server = Server::start_with(&site, &["--lang", "zh-Hans"]);
    let port = server.address.port();
    let (status, text) = send(
        &server,
        &format!("GET / HTTP/1.1\r\nHost: evil.example:{port}"),
    );
    assert_eq!(status, 403, "{text}");
    assert_contains(&text, "这个预览只回应它自己的地址");
    assert_not_contains(&text, "forbidden");
    let (status, text) = send(
        &server,
        &format!("POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0"),
    );
    assert_eq!(status, 405, "{text}");
    assert_contains(&text, "预览只回应 GET 和 HEAD");
}
