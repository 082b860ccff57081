//! `menhu check --external` against a small HTTP server on 127.0.0.1 started by each
//! test: 200, 301 chains, 404, 500, a slow answer, a dropped connection, a server that
//! refuses HEAD; retries, the cache and the skip list.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use menhu::check::{ExternalOptions, LinkStatus, check_urls};

use crate::support::{Site, assert_contains};

/// A local server answering by path; counts requests as `METHOD /path`.
pub struct Server {
    port: u16,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    redirects: Arc<Mutex<HashMap<String, String>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let redirects = Arc::new(Mutex::new(HashMap::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (h, r, s) = (hits.clone(), redirects.clone(), stop.clone());
        std::thread::spawn(move || {
            // Bounded: stops when told, after 60 s, or after 500 connections.
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut served = 0;
            while !s.load(Ordering::Relaxed) && Instant::now() < deadline && served < 500 {
                match listener.accept() {
                    Ok((stream, _)) => {
                        served += 1;
                        let (h, r) = (h.clone(), r.clone());
                        std::thread::spawn(move || answer(stream, &h, &r));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            port,
            hits,
            redirects,
            stop,
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn hits(&self, key: &str) -> usize {
        self.hits.lock().unwrap().get(key).copied().unwrap_or(0)
    }

    /// Every request this server has answered, as `METHOD /path`.
    pub fn total_hits(&self) -> usize {
        self.hits.lock().unwrap().values().sum()
    }

    /// Answers `path` with a 302 to `location`.
    pub fn redirect(&self, path: &str, location: &str) {
        self.redirects
            .lock()
            .unwrap()
            .insert(path.to_owned(), location.to_owned());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn answer(
    stream: TcpStream,
    hits: &Mutex<HashMap<String, usize>>,
    redirects: &Mutex<HashMap<String, String>>,
) {
    stream.set_nonblocking(false).ok();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    *hits
        .lock()
        .unwrap()
        .entry(format!("{method} {path}"))
        .or_default() += 1;
    let redirect = redirects.lock().unwrap().get(&path).cloned();
    let (status, location) = match path.as_str() {
        _ if redirect.is_some() => ("302 Found", redirect.as_deref()),
        "/ok" => ("200 OK", None),
        "/moved" => ("301 Moved Permanently", Some("/moved2")),
        "/moved2" => ("301 Moved Permanently", Some("/ok")),
        "/loop" => ("302 Found", Some("/loop")),
        "/gone" => ("404 Not Found", None),
        "/error" => ("500 Internal Server Error", None),
        "/nohead" if method == "HEAD" => ("405 Method Not Allowed", None),
        "/nohead" => ("200 OK", None),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            ("200 OK", None)
        }
        "/drop" => return,
        _ => ("404 Not Found", None),
    };
    let mut stream = stream;
    let location = location
        .map(|l| format!("Location: {l}\r\n"))
        .unwrap_or_default();
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{location}Content-Length: 2\r\nConnection: close\r\n\r\nok"
    );
}

/// Options for a test: short timeouts, and the test servers' address (loopback,
/// private) allowed.
pub fn options(cache: Option<PathBuf>) -> ExternalOptions {
    ExternalOptions {
        timeout: Duration::from_secs(1),
        concurrency: 4,
        retries: 1,
        backoff: Duration::from_millis(10),
        host_delay: Duration::from_millis(0),
        skip: Vec::new(),
        allow_private: vec!["127.0.0.1".to_owned()],
        cache_file: cache,
        cache_lifetime: Duration::from_secs(3600),
    }
}

pub fn status_of(results: &[(String, LinkStatus)], url: &str) -> LinkStatus {
    results
        .iter()
        .find(|(u, _)| u == url)
        .map(|(_, s)| s.clone())
        .unwrap()
}

#[test]
fn statuses_of_every_kind_of_answer() {
    let server = Server::start();
    let paths = [
        "/ok", "/moved", "/loop", "/gone", "/error", "/nohead", "/slow", "/drop",
    ];
    let urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    let results = check_urls(&urls, &options(None));
    let status = |p: &str| status_of(&results, &server.url(p));
    assert_eq!(status("/ok"), LinkStatus::Ok);
    assert_eq!(
        status("/moved"),
        LinkStatus::Ok,
        "a 301 chain to a 200 is fine"
    );
    assert_eq!(
        status("/nohead"),
        LinkStatus::Ok,
        "GET after a refused HEAD"
    );
    assert!(matches!(status("/loop"), LinkStatus::Broken(why) if why.contains("redirects")));
    assert_eq!(status("/gone"), LinkStatus::Broken("HTTP 404".into()));
    assert_eq!(status("/error"), LinkStatus::Broken("HTTP 500".into()));
    assert!(
        matches!(status("/slow"), LinkStatus::Unreachable(_)),
        "{:?}",
        status("/slow")
    );
    assert!(
        matches!(status("/drop"), LinkStatus::Unreachable(_)),
        "{:?}",
        status("/drop")
    );
    // A 404 is final; a 500 is retried once (HEAD then GET each time).
    assert_eq!(server.hits("GET /gone"), 1);
    assert_eq!(server.hits("GET /error"), 2);
    assert_eq!(server.hits("HEAD /drop"), 2);
    assert_eq!(server.hits("HEAD /moved2"), 1);
}

#[test]
fn good_results_are_cached_and_the_skip_list_is_never_requested() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join(".menhu-cache/links.json");
    let urls = vec![server.url("/ok"), server.url("/gone")];
    check_urls(&urls, &options(Some(cache.clone())));
    check_urls(&urls, &options(Some(cache.clone())));
    assert_eq!(
        server.hits("HEAD /ok"),
        1,
        "second run answered from the cache"
    );
    assert_eq!(server.hits("HEAD /gone"), 2, "failures are asked again");
    assert!(
        std::fs::read_to_string(dir.path().join(".menhu-cache/.gitignore"))
            .unwrap()
            .contains('*')
    );
    let mut skipping = options(None);
    skipping.skip = vec![server.url("/er*")];
    let results = check_urls(&[server.url("/error")], &skipping);
    assert_eq!(results[0].1, LinkStatus::Skipped);
    assert_eq!(server.hits("HEAD /error"), 0);
}

#[test]
fn check_external_reports_broken_links_at_their_line() {
    let server = Server::start();
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!(
            "{}\n[check.external]\ntimeout_secs = 1\nretries = 0\nhost_delay_ms = 0\nskip = [\"{}\"]\nallow_private = [\"127.0.0.1\"]\n",
            crate::support::MINIMAL_CONFIG,
            server.url("/skipped")
        ),
    );
    site.write(
        "content/a.md",
        &format!(
            "+++\ntitle = \"外链\"\n+++\n\n[好]({})\n\n[坏]({})\n\n[跳过]({})\n\n[掉线]({})\n",
            server.url("/ok"),
            server.url("/gone"),
            server.url("/skipped"),
            server.url("/drop")
        ),
    );
    let offline = site.menhu(&["check", "--format", "json"]);
    assert_eq!(
        offline.code, 0,
        "external links are only checked when asked:\n{}",
        offline.stdout
    );
    let run = site.menhu(&["check", "--external", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert_contains(lines[0], "\"code\":\"C0110\"");
    assert_contains(lines[0], "\"line\":7");
    assert_contains(lines[0], "HTTP 404");
    assert_contains(lines[1], "\"code\":\"C0111\"");
    assert_contains(lines[1], "\"severity\":\"warning\"");
    assert_eq!(server.hits("HEAD /skipped"), 0);
    assert!(site.path(".menhu-cache/links.json").exists());
}
