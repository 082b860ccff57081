//! The preview server answers real HTTP requests on 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::support::*;

struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Site) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_menhu"))
        .args([
            "--root",
            site.root().to_str().unwrap(),
            "serve",
            "--port",
            "0",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let address = loop {
        let line = lines.next().expect("server printed its address").unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split('/').next().unwrap().to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Server { child, address }
}

fn get(address: &str, target: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

#[test]
fn serves_the_site_from_memory_on_loopback() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write("content/news/a.md", "+++\ntitle = \"预览\"\n+++\n");
    let server = start(&site);
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
    let (status, head, body) = get(&server.address, "/news/a/");
    assert_eq!(status, 200);
    assert_contains(
        &head.to_ascii_lowercase(),
        "content-type: text/html; charset=utf-8",
    );
    assert_contains(&body, "预览");
    let (_, _, list) = get(&server.address, "/news/");
    assert_contains(
        &list,
        &format!("href=\"http://{}/news/a/\"", server.address),
    );
    let (status, _, _) = get(&server.address, "/news");
    assert_eq!(status, 301);
    let (status, _, body) = get(&server.address, "/missing/");
    assert_eq!(status, 404);
    assert_contains(&body, "页面不存在");
    for bad in [
        "/../Cargo.toml",
        "/%2e%2e/site-config.toml",
        "/news/..%2f..%2fsite-config.toml",
    ] {
        let (status, _, body) = get(&server.address, bad);
        assert!(status == 400 || status == 404, "{bad}: {status}");
        assert_not_contains(&body, "base_url");
    }
    assert!(
        !site.path("public").exists(),
        "serve writes nothing to disk"
    );
}

/// A missing address of the Traditional copy answers with the copy's 404 page, in
/// Traditional, and one of the site with the site's.
#[test]
fn a_missing_page_of_the_traditional_copy_gets_its_404_page() {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}traditional = true\n"),
    );
    site.write(
        "templates/404.html",
        "<html lang=\"{{ lang }}\"><h1>页面不存在</h1></html>",
    );
    let server = start(&site);
    let (status, _, body) = get(&server.address, "/zh-hant/news/missing/");
    assert_eq!(status, 404);
    assert_contains(&body, "<h1>頁面不存在</h1>");
    let (status, _, body) = get(&server.address, "/news/missing/");
    assert_eq!(status, 404);
    assert_contains(&body, "<h1>页面不存在</h1>");
    // An address that only begins like the copy's folder is the site's.
    let (_, _, body) = get(&server.address, "/zh-hantx/");
    assert_contains(&body, "<h1>页面不存在</h1>");
}
