//! Live reload in a real browser: headless Chromium, driven over the DevTools protocol
//! (a minimal WebSocket client below), opens a served page; editing the page's file
//! reloads it with the new text; editing only the stylesheet swaps it without a reload.
//! Skipped with a printed reason when /usr/bin/chromium is absent, unless
//! MENHU_REQUIRE_BROWSER=1 makes that a failure.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::serve_http::{Server, served_site};

const CHROMIUM: &str = "/usr/bin/chromium";

pub struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    socket: TcpStream,
    next_id: u64,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    pub fn open(url: &str) -> Browser {
        let profile = tempfile::tempdir().expect("profile dir");
        let child = Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        let port = wait_for_port(profile.path());
        let page = page_socket_path(port);
        let socket = websocket_connect(port, &page);
        Browser {
            child,
            _profile: profile,
            socket,
            next_id: 1,
        }
    }

    /// Evaluates `expression` in the page and returns its JSON value.
    pub fn eval(&mut self, expression: &str) -> serde_json::Value {
        let params = serde_json::json!({ "expression": expression, "returnByValue": true });
        self.call("Runtime.evaluate", params)["result"]["value"].clone()
    }

    /// Sends a DevTools command and returns its result.
    pub fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        let id = self.next_id;
        self.next_id += 1;
        let message = serde_json::json!({ "id": id, "method": method, "params": params });
        send_text(&mut self.socket, &message.to_string());
        loop {
            let reply: serde_json::Value =
                serde_json::from_str(&read_text(&mut self.socket)).expect("devtools JSON");
            if reply["id"] == id {
                return reply["result"].clone();
            }
        }
    }

    /// Writes a PNG of the page at `width` × `height` CSS pixels to `file`.
    pub fn screenshot(&mut self, file: &Path, width: u32, height: u32) {
        let size = serde_json::json!({
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
        });
        self.call("Emulation.setDeviceMetricsOverride", size);
        std::thread::sleep(Duration::from_millis(500));
        let shot = self.call(
            "Page.captureScreenshot",
            serde_json::json!({ "format": "png" }),
        );
        let data = shot["data"].as_str().unwrap_or_default();
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .expect("screenshot data");
        std::fs::write(file, bytes).expect("write screenshot");
    }

    /// Waits until `expression` is true in the page.
    pub fn wait_until(&mut self, expression: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.eval(expression) == serde_json::Value::Bool(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the page never satisfied `{expression}`");
    }
}

fn wait_for_port(profile: &Path) -> u16 {
    let file = profile.join("DevToolsActivePort");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some(port) = std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| t.lines().next().and_then(|l| l.trim().parse().ok()))
        {
            return port;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("chromium did not open its DevTools port");
}

fn page_socket_path(port: u16) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let targets = json_list(port);
        let page = targets
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| t["type"] == "page")
            .and_then(|t| t["webSocketDebuggerUrl"].as_str());
        if let Some(url) = page {
            let path = url.splitn(4, '/').nth(3).expect("ws path");
            return format!("/{path}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromium opened no page");
}

/// `GET /json/list` of the DevTools HTTP server (which keeps connections open, so the
/// body is read by its length).
fn json_list(port: u16) -> serde_json::Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("devtools");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream
        .write_all(b"GET /json/list HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("send");
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("header");
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).expect("body");
    serde_json::from_slice(&body).unwrap_or_default()
}

fn websocket_connect(port: u16, path: &str) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("devtools socket");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).expect("handshake");
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut status = String::new();
    reader.read_line(&mut status).expect("handshake answer");
    assert!(status.contains(" 101 "), "websocket refused: {status}");
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("header");
        if line == "\r\n" {
            break;
        }
    }
    stream
}

/// Sends one masked text frame (clients must mask).
fn send_text(stream: &mut TcpStream, text: &str) {
    let payload = text.as_bytes();
    let mut frame = vec![0x81u8];
    match payload.len() {
        n if n < 126 => frame.push(0x80 | n as u8),
        n if n < 65536 => {
            frame.push(0x80 | 126);
            frame.extend_from_slice(&(n as u16).to_be_bytes());
        }
        n => {
            frame.push(0x80 | 127);
            frame.extend_from_slice(&(n as u64).to_be_bytes());
        }
    }
    let mask = [0x12u8, 0x34, 0x56, 0x78];
    frame.extend_from_slice(&mask);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    stream.write_all(&frame).expect("send frame");
}

/// Reads one whole text message (joining continuation frames, skipping pings).
fn read_text(stream: &mut TcpStream) -> String {
    let mut message = Vec::new();
    loop {
        let mut head = [0u8; 2];
        stream.read_exact(&mut head).expect("frame");
        let length = match head[1] & 0x7f {
            126 => {
                let mut n = [0u8; 2];
                stream.read_exact(&mut n).expect("length");
                u16::from_be_bytes(n) as usize
            }
            127 => {
                let mut n = [0u8; 8];
                stream.read_exact(&mut n).expect("length");
                u64::from_be_bytes(n) as usize
            }
            n => n as usize,
        };
        let mut payload = vec![0u8; length];
        stream.read_exact(&mut payload).expect("payload");
        let opcode = head[0] & 0x0f;
        assert_ne!(opcode, 8, "chromium closed the DevTools connection");
        if opcode == 9 || opcode == 10 {
            continue;
        }
        message.extend(payload);
        if head[0] & 0x80 != 0 {
            return String::from_utf8(message).expect("UTF-8 message");
        }
    }
}

#[test]
fn pages_reload_on_edits_and_stylesheets_swap_in_place() {
    if !Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var("MENHU_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "MENHU_REQUIRE_BROWSER=1 but {CHROMIUM} is missing"
        );
        println!("skipped: {CHROMIUM} is not installed (apt-get install chromium)");
        return;
    }
    let site = served_site();
    let server = Server::start(&site);
    let mut browser = Browser::open(&format!("http://{}/news/a/", server.address));
    browser.wait_until(
        "document.readyState === 'complete' && document.body.innerText.includes('原来的正文')",
    );
    // The event stream is open once the server has greeted the page.
    browser.eval(
        "window.__greeted = false; new EventSource('/__menhu/events').addEventListener('hello', () => { window.__greeted = true; })",
    );
    browser.wait_until("window.__greeted === true");
    browser.eval("window.__marker = 'before'");

    site.write(
        "content/news/a.md",
        "+++\ntitle = \"第一篇\"\n+++\n浏览器看到的新正文。\n",
    );
    browser.wait_until("document.body.innerText.includes('浏览器看到的新正文')");
    assert_eq!(
        browser.eval("window.__marker === undefined"),
        serde_json::Value::Bool(true)
    );

    browser.wait_until("document.readyState === 'complete'");
    browser.eval(
        "window.__greeted = false; new EventSource('/__menhu/events').addEventListener('hello', () => { window.__greeted = true; })",
    );
    browser.wait_until("window.__greeted === true");
    browser.eval("window.__marker = 'kept'");
    site.write("static/site.css", "body { color: rgb(4, 5, 6) }\n");
    browser.wait_until("getComputedStyle(document.body).color === 'rgb(4, 5, 6)'");
    assert_eq!(
        browser.eval("window.__marker"),
        serde_json::Value::String("kept".into()),
        "a stylesheet change must not reload the page"
    );
}

/// A build error shows on the open page in the editor's language: the preview of a
/// Chinese site explains a wrong date in Chinese, with the file and line.
#[test]
fn the_error_overlay_speaks_the_sites_language() {
    if !Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var("MENHU_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "MENHU_REQUIRE_BROWSER=1 but {CHROMIUM} is missing"
        );
        println!("skipped: {CHROMIUM} is not installed (apt-get install chromium)");
        return;
    }
    let site = served_site();
    let mut command = Command::new(env!("CARGO_BIN_EXE_menhu"));
    command
        .arg("--root")
        .arg(site.root())
        .args(["serve", "--port", "0"])
        // The site has no `default_language`, so it is a zh-Hans site.
        .env_remove("MENHU_LANG");
    let server = Server::spawn(command);
    let mut browser = Browser::open(&format!("http://{}/news/a/", server.address));
    browser.wait_until(
        "document.readyState === 'complete' && document.body.innerText.includes('原来的正文')",
    );
    browser.eval(
        "window.__greeted = false; new EventSource('/__menhu/events').addEventListener('hello', () => { window.__greeted = true; })",
    );
    browser.wait_until("window.__greeted === true");
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"第一篇\"\ndate = 2026-02-30\n+++\n原来的正文。\n",
    );
    let overlay = "(document.getElementById('menhu-error-overlay') || {innerText: ''}).innerText";
    browser.wait_until(&format!("{overlay}.includes('「2026-02-30」写错了')"));
    let text = browser.eval(overlay);
    let text = text.as_str().unwrap_or_default();
    for expected in [
        "错误[E0207]：`date` 的日期「2026-02-30」写错了",
        "--> content/news/a.md:3:8",
        "= 怎样改：写一个真实的日期",
        "1 个错误，0 个警告，涉及 1 个文件",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the overlay:\n{text}"
        );
    }
    assert!(!text.contains("invalid date"), "{text}");
}
