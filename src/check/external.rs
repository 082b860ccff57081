//! External links (`menhu check --external`): each distinct URL is requested once,
//! HEAD first and GET when HEAD is refused, following redirects, with a bounded number
//! of requests in flight, a pause between requests to the same host, a timeout, and
//! retries with exponential backoff for timeouts, dropped connections, 429 and 5xx.
//! URLs that answered well are remembered in `.menhu-cache/links.json` (in the site
//! root, with its own `.gitignore`) for `cache_hours`; failures are asked again.
//!
//! An error status (4xx, 5xx, too many redirects) is an error (C0110, or C0205 for an
//! attachment); a URL that never answered (timeout, refused or dropped connection) is
//! a warning (C0111), since CI networks fail too. Every hop of a redirect goes through
//! [`crate::address_guard`]: a hop into the `skip` list ends the check of that URL, and
//! one to a private address is never requested (C0112, a warning).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::links::ExternalRef;
use crate::address_guard::{self, AllowPrivate, GuardedResolver, Refusal, is_skipped};
use crate::config::check::ExternalConfig;
use crate::diag::Diagnostic;
use crate::own_files::{self, CACHE_FOLDER};

const MAX_REDIRECTS: usize = 10;
const CACHE_FILE: &str = "links.json";

/// How external links are requested.
#[derive(Debug, Clone)]
pub struct ExternalOptions {
    /// Timeout of one request.
    pub timeout: Duration,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Retries after a retryable failure.
    pub retries: u32,
    /// First pause before a retry; doubled for each further retry.
    pub backoff: Duration,
    /// Pause between two requests to one host.
    pub host_delay: Duration,
    /// URL prefixes never requested (a trailing `*` is allowed), at any hop.
    pub skip: Vec<String>,
    /// Hosts (`host` or `host:port`, `*` for all) that may be private addresses; any
    /// other host that is or resolves to one is never requested.
    pub allow_private: Vec<String>,
    /// The cache file, when results are cached.
    pub cache_file: Option<PathBuf>,
    /// How long a good result stays valid.
    pub cache_lifetime: Duration,
}

impl ExternalOptions {
    /// The options `[check.external]` asks for, caching under `root`.
    pub fn from_config(config: &ExternalConfig, root: &Path) -> ExternalOptions {
        ExternalOptions {
            timeout: Duration::from_secs(config.timeout_secs),
            concurrency: config.concurrency.max(1),
            retries: config.retries,
            backoff: Duration::from_millis(500),
            host_delay: Duration::from_millis(config.host_delay_ms),
            skip: config.skip.clone(),
            allow_private: config.allow_private.clone(),
            cache_file: (config.cache_hours > 0).then(|| root.join(CACHE_FOLDER).join(CACHE_FILE)),
            cache_lifetime: Duration::from_secs(config.cache_hours.saturating_mul(3600)),
        }
    }
}

/// What became of one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkStatus {
    /// Answered with a success status (after redirects), or remembered as good.
    Ok,
    /// Answered with an error status (or redirected too often).
    Broken(String),
    /// Never answered: timeout, refused or dropped connection.
    Unreachable(String),
    /// On the skip list, or redirected into it.
    Skipped,
    /// Not requested: it is, or leads to, a private or local address.
    Blocked(String),
}

/// Requests every URL (each once) and returns their statuses in the order given.
pub fn check_urls(urls: &[String], options: &ExternalOptions) -> Vec<(String, LinkStatus)> {
    let mut cache = Cache::load(options);
    let mut pending = Vec::new();
    let mut results: HashMap<String, LinkStatus> = HashMap::new();
    for url in urls {
        if results.contains_key(url) || pending.contains(url) {
            continue;
        }
        if is_skipped(url, &options.skip) {
            results.insert(url.clone(), LinkStatus::Skipped);
        } else if cache.is_fresh(url) {
            results.insert(url.clone(), LinkStatus::Ok);
        } else {
            pending.push(url.clone());
        }
    }
    for (url, status) in request_all(&pending, options) {
        if status == LinkStatus::Ok {
            cache.remember(&url);
        }
        results.insert(url, status);
    }
    cache.save();
    urls.iter()
        .map(|u| {
            (
                u.clone(),
                results.get(u).cloned().unwrap_or(LinkStatus::Skipped),
            )
        })
        .collect()
}

/// Diagnostics for the external links gathered by the link check.
pub(crate) fn check_external(refs: &[ExternalRef], options: &ExternalOptions) -> Vec<Diagnostic> {
    let mut by_url: BTreeMap<&str, Vec<&ExternalRef>> = BTreeMap::new();
    for r in refs {
        by_url.entry(strip_fragment(&r.url)).or_default().push(r);
    }
    let urls: Vec<String> = by_url.keys().map(|u| (*u).to_owned()).collect();
    let statuses = check_urls(&urls, options);
    statuses
        .into_iter()
        .filter_map(|(url, status)| {
            let places = by_url.get(url.as_str())?;
            let first = places.first()?;
            let others = places.len() - 1;
            let d = match status {
                LinkStatus::Ok | LinkStatus::Skipped => return None,
                LinkStatus::Broken(why) => Diagnostic::error(
                    first.code,
                    crate::t!(
                        "check-external-broken",
                        url = &url,
                        reason = why,
                        others = others
                    ),
                )
                .help(crate::t!("check-external-broken.help")),
                LinkStatus::Unreachable(why) => Diagnostic::warning(
                    "C0111",
                    crate::t!(
                        "check-external-silent",
                        url = &url,
                        reason = why,
                        others = others
                    ),
                )
                .help(crate::t!("check-external-silent.help")),
                LinkStatus::Blocked(why) => Diagnostic::warning(
                    "C0112",
                    crate::t!(
                        "check-external-private",
                        url = &url,
                        reason = why,
                        others = others
                    ),
                )
                .help(crate::t!("check-external-private.help")),
            };
            Some(first.place.apply(d))
        })
        .collect()
}

fn strip_fragment(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

/// Requests `urls` on `options.concurrency` threads.
fn request_all(urls: &[String], options: &ExternalOptions) -> Vec<(String, LinkStatus)> {
    if urls.is_empty() {
        return Vec::new();
    }
    let allow = AllowPrivate::new(&options.allow_private);
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(0)
        .max_redirects_will_error(false)
        .http_status_as_error(false)
        .user_agent(concat!("menhu-check/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent = ureq::Agent::with_parts(
        config,
        ureq::unversioned::transport::DefaultConnector::default(),
        GuardedResolver::new(allow.clone()),
    );
    let hops = Hops {
        skip: &options.skip,
        allow,
    };
    let queue = Mutex::new(urls.iter().rev().cloned().collect::<Vec<_>>());
    let limiter = HostLimiter::new(options.host_delay);
    let results = Mutex::new(Vec::new());
    let threads = options.concurrency.min(urls.len()).max(1);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(url) = next_url(&queue) {
                    let status = check_one(&agent, &url, options, &limiter, &hops);
                    if let Ok(mut results) = results.lock() {
                        results.push((url, status));
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

fn next_url(queue: &Mutex<Vec<String>>) -> Option<String> {
    queue.lock().ok()?.pop()
}

/// What every hop of a request is checked against.
struct Hops<'a> {
    skip: &'a [String],
    allow: AllowPrivate,
}

/// One URL, with retries.
fn check_one(
    agent: &ureq::Agent,
    url: &str,
    options: &ExternalOptions,
    limiter: &HostLimiter,
    hops: &Hops<'_>,
) -> LinkStatus {
    let mut attempt = 0;
    loop {
        let (status, retryable) = head_then_get(agent, url, limiter, hops);
        if !retryable || attempt >= options.retries {
            return status;
        }
        std::thread::sleep(options.backoff.saturating_mul(1 << attempt.min(16)));
        attempt += 1;
    }
}

/// HEAD, and GET when HEAD gets an error status (some servers refuse HEAD).
fn head_then_get(
    agent: &ureq::Agent,
    url: &str,
    limiter: &HostLimiter,
    hops: &Hops<'_>,
) -> (LinkStatus, bool) {
    match follow(agent, Method::Head, url, limiter, hops) {
        Ok(status) if status < 400 => (LinkStatus::Ok, false),
        Ok(_) | Err(Failure::Status(_)) => match follow(agent, Method::Get, url, limiter, hops) {
            Ok(status) if status < 400 => (LinkStatus::Ok, false),
            Ok(status) => (
                LinkStatus::Broken(format!("HTTP {status}")),
                status >= 500 || status == 429,
            ),
            Err(failure) => failure.into_status(),
        },
        Err(failure) => failure.into_status(),
    }
}

#[derive(Clone, Copy)]
enum Method {
    Head,
    Get,
}

enum Failure {
    Status(String),
    Network(String),
    Refused(Refusal),
}

impl Failure {
    fn into_status(self) -> (LinkStatus, bool) {
        match self {
            Failure::Status(why) => (LinkStatus::Broken(why), false),
            Failure::Network(why) => (LinkStatus::Unreachable(why), true),
            Failure::Refused(Refusal::Skipped) => (LinkStatus::Skipped, false),
            Failure::Refused(Refusal::Private(why)) => (LinkStatus::Blocked(why), false),
            Failure::Refused(Refusal::NotWeb(to)) => (
                LinkStatus::Broken(format!("redirected to `{to}`, which is not a web address")),
                false,
            ),
        }
    }
}

/// Requests `url`, following redirects; the final status. Every hop is checked
/// before it is requested.
fn follow(
    agent: &ureq::Agent,
    method: Method,
    url: &str,
    limiter: &HostLimiter,
    hops: &Hops<'_>,
) -> Result<u16, Failure> {
    let mut current = url.to_owned();
    for _ in 0..=MAX_REDIRECTS {
        if let Some(refusal) = address_guard::hop_refusal(&current, hops.skip, &hops.allow) {
            return Err(Failure::Refused(refusal));
        }
        limiter.wait_turn(host_of(&current));
        let response = match method {
            Method::Head => agent.head(&current).call(),
            Method::Get => agent.get(&current).call(),
        }
        .map_err(|e| match address_guard::blocked_by_resolver(&e) {
            Some(why) => Failure::Refused(Refusal::Private(why)),
            None => Failure::Network(network_error(&e)),
        })?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok());
        match location {
            Some(location) if (300..400).contains(&status) => {
                current = join_url(&current, location)
            }
            _ => return Ok(status),
        }
    }
    Err(Failure::Status(format!(
        "more than {MAX_REDIRECTS} redirects"
    )))
}

fn network_error(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "timed out".to_owned(),
        other => other.to_string(),
    }
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Resolves a `Location` header against the URL that sent it.
fn join_url(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_owned();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    if let Some(net) = location.strip_prefix("//") {
        return format!("{scheme}://{net}");
    }
    let host = host_of(base);
    if location.starts_with('/') {
        return format!("{scheme}://{host}{location}");
    }
    let path = rest.strip_prefix(host).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{scheme}://{host}{folder}{location}")
}

/// Spaces requests to one host by `delay`.
struct HostLimiter {
    delay: Duration,
    next: Mutex<HashMap<String, Instant>>,
}

impl HostLimiter {
    fn new(delay: Duration) -> Self {
        HostLimiter {
            delay,
            next: Mutex::new(HashMap::new()),
        }
    }

    fn wait_turn(&self, host: &str) {
        let slot = {
            let Ok(mut next) = self.next.lock() else {
                return;
            };
            let now = Instant::now();
            let slot = next.get(host).copied().filter(|t| *t > now).unwrap_or(now);
            next.insert(host.to_owned(), slot + self.delay);
            slot
        };
        let wait = slot.saturating_duration_since(Instant::now());
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
    }
}

/// Good results remembered between runs: URL → when it was last seen answering well.
struct Cache {
    file: Option<PathBuf>,
    lifetime: Duration,
    ok: BTreeMap<String, u64>,
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct CacheFile {
    version: u32,
    ok: BTreeMap<String, u64>,
}

impl Cache {
    fn load(options: &ExternalOptions) -> Cache {
        let ok = options
            .cache_file
            .as_ref()
            .and_then(|f| own_files::read_unless_link(f))
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|c| c.version == 1)
            .map(|c| c.ok)
            .unwrap_or_default();
        let mut cache = Cache {
            file: options.cache_file.clone(),
            lifetime: options.cache_lifetime,
            ok,
        };
        let now = unix_now();
        let lifetime = cache.lifetime.as_secs();
        cache.ok.retain(|_, at| now.saturating_sub(*at) < lifetime);
        cache
    }

    fn is_fresh(&self, url: &str) -> bool {
        self.ok.contains_key(url)
    }

    fn remember(&mut self, url: &str) {
        self.ok.insert(url.to_owned(), unix_now());
    }

    /// Writes the cache; a cache that cannot be written only costs time next run. It is
    /// written whole and renamed into place, never through a link standing there, and
    /// not at all when the cache folder is not a folder of the site's own.
    fn save(&self) {
        let Some(file) = &self.file else {
            return;
        };
        let (Some(root), Some(name)) = (file.parent().and_then(Path::parent), file.file_name())
        else {
            return;
        };
        let Some(folder) = own_files::cache_folder(root) else {
            return;
        };
        let data = CacheFile {
            version: 1,
            ok: self.ok.clone(),
        };
        if let Ok(text) = serde_json::to_string_pretty(&data) {
            let _ = own_files::write_replacing(&folder.join(name), text.as_bytes());
        }
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_redirect_locations() {
        assert_eq!(join_url("http://a.cn/x/y?q", "/z"), "http://a.cn/z");
        assert_eq!(join_url("http://a.cn/x/y", "z"), "http://a.cn/x/z");
        assert_eq!(join_url("https://a.cn/x/", "//b.cn/"), "https://b.cn/");
        assert_eq!(join_url("http://a.cn", "https://c.cn/"), "https://c.cn/");
        assert_eq!(join_url("http://a.cn", "z"), "http://a.cn/z");
    }

    #[test]
    fn skip_list_matches_prefixes() {
        let skip = vec!["https://www.gov.cn/*".to_owned()];
        assert!(is_skipped("https://www.gov.cn/zhengce/", &skip));
        assert!(!is_skipped("https://www.gov.cn.example/", &skip[..0]));
        assert!(!is_skipped("https://beian.miit.gov.cn/", &skip));
    }

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(host_of("http://127.0.0.1:8080/a"), "127.0.0.1:8080");
        assert_eq!(host_of("https://a.cn?x"), "a.cn");
    }
}
