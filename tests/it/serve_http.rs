//! `menhu serve` over real HTTP on 127.0.0.1: content types, the 404 page, directory
//! indexes, traversal attempts in every encoding, HEAD, malformed requests, a port in
//! use, live-reload events after an edit, the error overlay, and load.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::support::{
    MINIMAL_TEMPLATES, Site, assert_contains, assert_not_contains, tools_present,
};

/// A running `menhu serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub address: SocketAddr,
    pub log: Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `menhu serve --port 0` on `site` and waits for its address.
    pub fn start(site: &Site) -> Server {
        Server::start_with(site, &[])
    }

    /// Starts `menhu serve --port 0 EXTRA…` and waits for its address.
    pub fn start_with(site: &Site, extra: &[&str]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_menhu"));
        command
            .arg("--root")
            .arg(site.root())
            .args(["serve", "--port", "0"])
            .args(extra);
        Server::spawn(command)
    }

    /// Runs `command` (a `menhu serve`, perhaps behind a shell) and waits for its address.
    pub fn spawn(mut command: Command) -> Server {
        let mut child = command
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start menhu serve");
        let stderr = child.stderr.take().expect("stderr");
        let (sender, log) = channel();
        // From here on the server is stopped when dropped, even if the test panics.
        let mut server = Server {
            child,
            address: SocketAddr::from(([127, 0, 0, 1], 0)),
            log,
        };
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            let line = server
                .log
                .recv_timeout(Duration::from_secs(60))
                .expect("menhu serve printed nothing");
            if let Some(rest) = line.split("http://").nth(1) {
                let address = rest.split('/').next().expect("address");
                server.address = address.parse().expect("socket address");
                return server;
            }
        }
        panic!("menhu serve did not start");
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends raw request bytes and returns the whole answer.
    pub fn raw(&self, request: &[u8]) -> Vec<u8> {
        let mut stream = TcpStream::connect(self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        stream.write_all(request).expect("send");
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        answer
    }

    /// `METHOD target` → (status, headers in lower case, body).
    pub fn request(&self, method: &str, target: &str) -> Answer {
        let request =
            format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        parse(&self.raw(request.as_bytes()))
    }

    pub fn get(&self, target: &str) -> Answer {
        self.request("GET", target)
    }
}

pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn parse(raw: &[u8]) -> Answer {
    let text = String::from_utf8_lossy(raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// An open event stream.
pub struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    pub fn connect(server: &Server) -> Events {
        Events::connect_to(server, "/__menhu/events")
    }

    /// Opens the event stream at `path` (a network member's, `/wuzhou/__menhu/events`).
    pub fn connect_to(server: &Server, path: &str) -> Events {
        let mut stream = TcpStream::connect(server.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n");
        stream.write_all(request.as_bytes()).expect("send");
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        let (name, _) = events.next();
        assert_eq!(name, "hello");
        events
    }

    /// The next event's name and data.
    pub fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            let read = self.reader.read_line(&mut line).expect("event stream");
            assert!(read > 0, "event stream closed");
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() && !name.is_empty() {
                return (name, data);
            }
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_owned();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data = d.to_owned();
            }
        }
    }

    /// Skips events until a `change` naming `path`.
    pub fn wait_for_change_of(&mut self, path: &str) {
        while !self.wait_for("change").contains(path) {}
    }

    /// Skips events until one named `wanted`; returns its data.
    pub fn wait_for(&mut self, wanted: &str) -> String {
        loop {
            let (name, data) = self.next();
            if name == wanted {
                return data;
            }
        }
    }
}

pub fn served_site() -> Site {
    let site = Site::minimal();
    site.write(
        "templates/page.html",
        "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/site.css\"></head><body><h1>{{ page.title }}</h1>{{ page.content | safe }}</body></html>",
    );
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"第一篇\"\n+++\n原来的正文。\n",
    );
    site.write("static/site.css", "body { color: rgb(1, 2, 3) }\n");
    site.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write("static/font.woff2", "wOF2");
    site.write("static/doc.pdf", "%PDF-1.4");
    site.write("static/data.json", "{}");
    site.write("static/feed.xml", "<x/>");
    site.write("secret.txt", "TOP-SECRET");
    site
}

#[test]
fn serves_outputs_with_their_types_and_the_404_page() {
    let site = served_site();
    let server = Server::start(&site);
    let page = server.get("/news/a/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_contains(&page.body, "原来的正文");
    assert_contains(
        &page.body,
        "<script src=\"/__menhu/live.js\"></script></body>",
    );
    for (path, kind) in [
        ("/site.css", "text/css; charset=utf-8"),
        ("/logo.svg", "image/svg+xml; charset=utf-8"),
        ("/font.woff2", "font/woff2"),
        ("/doc.pdf", "application/pdf"),
        ("/data.json", "application/json; charset=utf-8"),
        ("/feed.xml", "text/xml; charset=utf-8"),
        ("/__menhu/live.js", "text/javascript; charset=utf-8"),
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(answer.header("content-type"), Some(kind), "{path}");
    }
    assert_eq!(server.get("/").status, 200);
    assert_contains(&server.get("/news/").body, "第一篇");
    let redirect = server.get("/news");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), Some("/news/"));
    let missing = server.get("/nowhere/");
    assert_eq!(missing.status, 404);
    assert_contains(&missing.body, "页面不存在");
    let post = server.request("POST", "/news/a/");
    assert_eq!(post.status, 405);
}

#[test]
fn head_has_the_length_and_no_body() {
    let site = served_site();
    let server = Server::start(&site);
    let get = server.get("/site.css");
    let head = server.request("HEAD", "/site.css");
    assert_eq!(head.status, 200);
    assert_eq!(head.body, "");
    assert_eq!(
        head.header("content-length"),
        Some(get.body.len().to_string().as_str())
    );
}

#[test]
fn nothing_outside_the_output_is_ever_served() {
    let site = served_site();
    let server = Server::start(&site);
    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/news/../../secret.txt",
        "/news/%2e%2e/%2e%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/etc/passwd",
        "/%00",
        "/secret.txt%00.html",
        "/./secret.txt",
        "/content/news/a.md",
        "/site-config.toml",
    ] {
        let answer = server.get(target);
        assert!(
            answer.status == 400 || answer.status == 404,
            "{target} gave {}",
            answer.status
        );
        assert_not_contains(&answer.body, "TOP-SECRET");
        assert_not_contains(&answer.body, "root:");
        assert_not_contains(&answer.body, "base_url");
    }
    let garbage = parse(&server.raw(b"GARBAGE\r\n\r\n"));
    assert_eq!(garbage.status, 400);
    // A client that goes away mid-request does not take the server down.
    {
        let mut stream = TcpStream::connect(server.address).expect("connect");
        let _ = stream.write_all(b"GET /news/a/ HTTP/1.1\r\nHost: localhost\r\n");
    }
    assert_eq!(server.get("/news/a/").status, 200);
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let site = served_site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let run = site.menhu(&["serve", "--port", &port]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "already in use");
    assert_contains(&run.stderr, "--port 0");
}

/// `--bind` with an address that is not this computer's (another computer's, or one
/// the network gave it last week) says what to bind to, not to change the port.
#[test]
fn an_address_not_of_this_computer_says_what_to_bind() {
    let site = served_site();
    for bind in ["192.0.2.123", "no-such-host.invalid"] {
        let run = site.menhu_env(
            &["serve", "--port", "0", "--bind", bind],
            &[("MENHU_LANG", "en")],
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_contains(
            &run.stderr,
            &format!("`{bind}` is no address of this computer"),
        );
        assert_contains(&run.stderr, "`--bind 0.0.0.0`");
        assert_not_contains(&run.stderr, "--port 1112");
    }
}

#[test]
fn the_build_never_carries_the_reload_script() {
    let site = served_site();
    site.build();
    assert_not_contains(&site.output("news/a/index.html"), "__menhu");
}

#[test]
fn an_edit_sends_a_change_event_and_serves_the_new_text() {
    let site = served_site();
    let server = Server::start(&site);
    let mut events = Events::connect(&server);
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"第一篇\"\n+++\n改过的正文。\n",
    );
    events.wait_for_change_of("news/a/index.html");
    assert_contains(&server.get("/news/a/").body, "改过的正文");
    // Save by writing a temporary file and renaming it over the page.
    site.write(
        "content/news/.a.md.tmp",
        "+++\ntitle = \"第一篇\"\n+++\n第三版。\n",
    );
    std::fs::rename(
        site.path("content/news/.a.md.tmp"),
        site.path("content/news/a.md"),
    )
    .expect("rename");
    events.wait_for_change_of("news/a/index.html");
    assert_contains(&server.get("/news/a/").body, "第三版");
    // A new folder with a new page.
    site.write(
        "content/notices/b.md",
        "+++\ntitle = \"通知\"\n+++\n新通知。\n",
    );
    events.wait_for_change_of("notices/b/index.html");
    assert_eq!(server.get("/notices/b/").status, 200);
}

#[test]
fn a_broken_build_shows_an_overlay_until_fixed() {
    let site = served_site();
    let server = Server::start(&site);
    let mut events = Events::connect(&server);
    site.write(
        "templates/page.html",
        "<html><body>{{ page.title </body></html>",
    );
    let data = events.wait_for("build-error");
    assert_contains(&data, "templates/page.html");
    assert_contains(&data, "E0403");
    // The terminal shows the same error.
    let shown = std::iter::from_fn(|| server.log.recv_timeout(Duration::from_secs(20)).ok())
        .any(|line| line.contains("error[E0403]"));
    assert!(shown, "the terminal did not show the template error");
    // The last good build is still served, and a page opened now sees the error too.
    assert_contains(&server.get("/news/a/").body, "原来的正文");
    let mut late = Events::connect(&server);
    assert_contains(&late.wait_for("build-error"), "templates/page.html");
    site.write("templates/page.html", MINIMAL_TEMPLATES[2].1);
    events.wait_for_change_of("news/a/index.html");
    assert_contains(&server.get("/news/a/").body, "<div class=\"content\">");
}

#[test]
fn a_themes_folder_deleted_and_put_back_is_watched_again() {
    let site = served_site();
    let theme = site.path("themes/t");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::rename(site.path("templates"), theme.join("templates")).unwrap();
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write("site-config.toml", &format!("theme = \"t\"\n{config}"));
    let server = Server::start(&site);
    let mut events = Events::connect(&server);
    // Deleted, then copied back from a backup (the copy is another folder).
    let backup = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&site.path("themes"), backup.path());
    std::fs::remove_dir_all(site.path("themes")).unwrap();
    assert_contains(&events.wait_for("build-error"), "E0401");
    std::fs::create_dir(site.path("themes")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    crate::support::copy_tree(backup.path(), &site.path("themes"));
    events.wait_for("built");
    // An edit in the folder put back reaches the preview, as before it was removed.
    site.write(
        "themes/t/templates/page.html",
        "<html><body><h1>{{ page.title }}</h1><p>放回之后</p>{{ page.content | safe }}</body></html>",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while !server.get("/news/a/").body.contains("放回之后") {
        assert!(
            Instant::now() < deadline,
            "the edit never reached the preview"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_site_broken_from_the_start_is_previewed_with_its_errors_until_fixed() {
    let site = served_site();
    let good = std::fs::read_to_string(site.path("content/news/a.md")).unwrap();
    site.write("content/news/a.md", "+++\ntitle = \"第一篇\n+++\n正文。\n");
    let server = Server::start(&site);
    // Every address answers the notice page, with the reload script.
    for target in ["/", "/news/a/"] {
        let answer = server.get(target);
        assert_contains(&answer.body, "<meta name=\"menhu-not-built\"");
        assert_contains(&answer.body, "The site has not been built yet");
        assert_contains(&answer.body, "/__menhu/live.js");
    }
    // A page opened now shows the error; the terminal said it and that it waits.
    let mut events = Events::connect(&server);
    let error = events.wait_for("build-error");
    assert_contains(&error, "content/news/a.md");
    assert_contains(&error, "E0206");
    let said: Vec<String> =
        std::iter::from_fn(|| server.log.recv_timeout(Duration::from_secs(5)).ok()).collect();
    assert!(
        said.iter()
            .any(|line| line.contains("the site could not be built")),
        "{said:?}"
    );
    site.write("content/news/a.md", &good);
    events.wait_for_change_of("news/a/index.html");
    assert_contains(&server.get("/news/a/").body, "原来的正文");
    // The edited page may be published before the rest: the whole build is over here.
    events.wait_for("built");
    assert_not_contains(&server.get("/").body, "menhu-not-built");
}

#[test]
fn a_template_broken_from_the_start_shows_every_page_once_fixed() {
    let site = served_site();
    let good = std::fs::read_to_string(site.path("templates/page.html")).unwrap();
    site.write(
        "templates/page.html",
        "<html><body>{{ page.title </body></html>",
    );
    let server = Server::start(&site);
    assert_contains(&server.get("/").body, "menhu-not-built");
    let mut events = Events::connect(&server);
    assert_contains(&events.wait_for("build-error"), "E0403");
    site.write("templates/page.html", &good);
    events.wait_for("built");
    // Outputs the failed build did render are rendered again, not taken from the notice.
    let home = server.get("/");
    assert_not_contains(&home.body, "menhu-not-built");
    assert_contains(&home.body, "<main>");
    assert_contains(&server.get("/news/a/").body, "原来的正文");
}

#[test]
fn a_config_broken_from_the_start_still_opens_the_editor_and_the_site_once_fixed() {
    use crate::serve_edit::EditServer;
    let site = served_site();
    let good = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &good.replacen("title = \"", "title = ", 1),
    );
    // The preview and its editor both start; the editor lists the pages to mend.
    let editor = EditServer::start(&site);
    let server = &editor.server;
    assert_contains(&server.get("/news/a/").body, "menhu-not-built");
    let mut events = Events::connect(server);
    let error = events.wait_for("build-error");
    assert_contains(&error, "site-config.toml");
    assert_contains(&error, "E0106");
    let (status, list) = editor.get("list");
    assert_eq!(status, 200, "{list}");
    assert_contains(&list.to_string(), "content/news/a.md");
    site.write("site-config.toml", &good);
    events.wait_for("built");
    assert_not_contains(&server.get("/").body, "menhu-not-built");
    assert_contains(&server.get("/news/a/").body, "原来的正文");
}

#[test]
fn survives_two_hundred_concurrent_connections() {
    let Ok(wrk) = which("wrk") else {
        let missing = "`wrk` is not installed (apt-get install wrk)".to_owned();
        assert!(!tools_present(
            "survives_two_hundred_concurrent_connections",
            Some(missing)
        ));
        return;
    };
    let site = served_site();
    let server = Server::start(&site);
    let _events: Vec<Events> = (0..5).map(|_| Events::connect(&server)).collect();
    let url = format!("http://{}/news/a/", server.address);
    let output = Command::new(wrk)
        .args(["-t", "2", "-c", "200", "-d", "3s", "--timeout", "5s", &url])
        .output()
        .expect("run wrk");
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}");
    assert!(output.status.success(), "{report}");
    assert_contains(&report, "requests in");
    assert_not_contains(&report, "Non-2xx");
    assert_eq!(server.get("/news/a/").status, 200);
}

pub fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .ok_or(())
}
