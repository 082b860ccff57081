//! `load_data(url=…)`: one request, kept in `.menhu-cache/load_data/` under a hash of
//! everything that shapes the answer (method, URL, headers, body, wanted format), and
//! reused for `[load_data] cache_hours`, so a page listing a remote feed does not ask
//! for it on every build, and `--offline` builds answer from the cache alone.
//!
//! A site's templates are untrusted: every hop of a redirect goes through
//! [`crate::address_guard`] as `check --external`'s do, so a template cannot make the
//! build machine request its cloud metadata service or a service on its private
//! network (and publish the answer). Each request gives up after `timeout_secs`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::address_guard::{self, AllowPrivate, GuardedResolver, Refusal};
use crate::config::load_data::LoadDataConfig;
use crate::own_files;

/// The folder of `.menhu-cache/` that holds fetched answers.
const CACHE_SUBFOLDER: &str = "load_data";
/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 10;
/// The largest answer read (a template asks for data, not for downloads).
const MAX_BODY_BYTES: u64 = 20 * 1024 * 1024;

/// One remote request as a template wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RemoteRequest {
    /// The address, `http` or `https`.
    pub url: String,
    /// `POST` instead of `GET`.
    pub post: bool,
    /// Extra headers, `(name, value)`.
    pub headers: Vec<(String, String)>,
    /// The body of a `POST`.
    pub body: Option<String>,
    /// The `Content-Type` of that body.
    pub content_type: Option<String>,
    /// What the answer should be (`Accept`).
    pub accept: &'static str,
}

/// The answer's text: from the cache while it is fresh (any age when `offline`), else
/// fetched and cached. Errors are sentences for the template error.
pub fn fetch(
    request: &RemoteRequest,
    config: &LoadDataConfig,
    root: &Path,
) -> Result<String, String> {
    let cached = cache_file(root, request);
    let lifetime = Duration::from_secs(config.cache_hours.saturating_mul(3600));
    // Offline, any copy is better than none.
    let usable = if config.offline {
        Duration::MAX
    } else {
        lifetime
    };
    if let Some(file) = &cached
        && let Some(text) = read_cached(file, usable)
    {
        return Ok(text);
    }
    if config.offline {
        return Err(format!(
            "`{}` is not in the cache and the build is offline (`--offline`); build once without `--offline` to fetch it",
            request.url
        ));
    }
    let text = request_text(request, config)?;
    if let Some(file) = cached
        && lifetime > Duration::ZERO
    {
        // A cache that cannot be written costs a request next time, nothing more.
        let _ = own_files::write_replacing(&file, text.as_bytes());
    }
    Ok(text)
}

/// Where `request`'s answer is cached; `None` when the cache folder cannot be used.
fn cache_file(root: &Path, request: &RemoteRequest) -> Option<PathBuf> {
    let folder = own_files::cache_folder(root)?.join(CACHE_SUBFOLDER);
    match std::fs::symlink_metadata(&folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return None,
        Err(_) => std::fs::create_dir(&folder).ok()?,
    }
    let mut hasher = blake3::Hasher::new();
    for part in [
        if request.post { "POST" } else { "GET" },
        &request.url,
        request.body.as_deref().unwrap_or(""),
        request.content_type.as_deref().unwrap_or(""),
        request.accept,
    ] {
        hasher.update(part.as_bytes());
        hasher.update(&[0]);
    }
    for (name, value) in &request.headers {
        hasher.update(name.as_bytes());
        hasher.update(&[1]);
        hasher.update(value.as_bytes());
        hasher.update(&[0]);
    }
    Some(folder.join(format!("{}.txt", hasher.finalize().to_hex())))
}

fn read_cached(file: &Path, lifetime: Duration) -> Option<String> {
    let age = std::fs::symlink_metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .unwrap_or(Duration::ZERO);
    if age > lifetime {
        return None;
    }
    String::from_utf8(own_files::read_unless_link(file)?).ok()
}

/// Sends `request`, following redirects (each hop checked first), and reads the answer.
fn request_text(request: &RemoteRequest, config: &LoadDataConfig) -> Result<String, String> {
    let allow = AllowPrivate::new(&config.allow_private);
    let agent = ureq::Agent::with_parts(
        ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(config.timeout_secs)))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(concat!("menhu/", env!("CARGO_PKG_VERSION")))
            .build(),
        ureq::unversioned::transport::DefaultConnector::default(),
        GuardedResolver::new(allow.clone()),
    );
    let mut url = request.url.clone();
    for _ in 0..=MAX_REDIRECTS {
        if let Some(refusal) = address_guard::hop_refusal(&url, &[], &allow) {
            return Err(refusal_message(&url, &refusal));
        }
        let mut response = send(&agent, request, &url).map_err(|e| {
            match address_guard::blocked_by_resolver(&e) {
                Some(why) => refusal_message(&url, &Refusal::Private(why)),
                None => match e {
                    ureq::Error::Timeout(_) => format!(
                        "`{url}` did not answer within {} s (`[load_data] timeout_secs`)",
                        config.timeout_secs
                    ),
                    other => format!("cannot fetch `{url}`: {other}"),
                },
            }
        })?;
        let status = response.status();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if status.is_redirection()
            && let Some(location) = location
        {
            url = join(&url, &location).ok_or_else(|| {
                format!("`{url}` redirected to `{location}`, which is not an address")
            })?;
            continue;
        }
        if !status.is_success() {
            return Err(format!("`{url}` answered {status}"));
        }
        let mut text = String::new();
        response
            .body_mut()
            .as_reader()
            .take(MAX_BODY_BYTES)
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read the answer of `{url}`: {e}"))?;
        return Ok(text);
    }
    Err(format!(
        "`{}` redirected more than {MAX_REDIRECTS} times",
        request.url
    ))
}

fn send(
    agent: &ureq::Agent,
    request: &RemoteRequest,
    url: &str,
) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
    if request.post {
        let mut builder = agent.post(url).header("accept", request.accept);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        if let Some(content_type) = &request.content_type {
            builder = builder.header("content-type", content_type.as_str());
        }
        builder.send(request.body.as_deref().unwrap_or(""))
    } else {
        let mut builder = agent.get(url).header("accept", request.accept);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        builder.call()
    }
}

fn refusal_message(url: &str, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Private(why) => format!(
            "`{url}` is not fetched: {why} (add the host to `[load_data] allow_private` if the site really means it)"
        ),
        Refusal::NotWeb(_) | Refusal::Skipped => {
            format!("`{url}` is not fetched: only `http` and `https` addresses are")
        }
    }
}

/// `location` resolved against the URL that sent it.
fn join(base: &str, location: &str) -> Option<String> {
    let base = url::Url::parse(base).ok()?;
    base.join(location).ok().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(url: &str) -> RemoteRequest {
        RemoteRequest {
            url: url.to_owned(),
            post: false,
            headers: Vec::new(),
            body: None,
            content_type: None,
            accept: "application/json",
        }
    }

    #[test]
    fn private_and_non_web_addresses_are_refused_before_any_request() {
        let config = LoadDataConfig::default();
        for url in [
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:9/",
            "http://localhost:9/x.json",
            "file:///etc/passwd",
        ] {
            let error = request_text(&request(url), &config).expect_err(url);
            assert!(error.contains("is not fetched"), "{url}: {error}");
        }
    }

    #[test]
    fn offline_answers_from_the_cache_only() -> Result<(), Box<dyn std::error::Error>> {
        let site = tempfile::tempdir()?;
        let config = LoadDataConfig {
            offline: true,
            ..LoadDataConfig::default()
        };
        let wanted = request("https://data.example.org/cities.json");
        let error = fetch(&wanted, &config, site.path()).expect_err("nothing cached");
        assert!(error.contains("--offline"), "{error}");
        let file = cache_file(site.path(), &wanted).ok_or("no cache folder")?;
        std::fs::write(&file, "[1]")?;
        assert_eq!(fetch(&wanted, &config, site.path())?, "[1]");
        let other = RemoteRequest {
            post: true,
            ..wanted
        };
        assert_ne!(cache_file(site.path(), &other), Some(file));
        Ok(())
    }

    #[test]
    fn redirects_resolve_against_the_url_that_sent_them() {
        assert_eq!(
            join("https://a.example/x/y.json", "../z.json").as_deref(),
            Some("https://a.example/z.json")
        );
        assert_eq!(
            join("https://a.example/x", "http://b.example/").as_deref(),
            Some("http://b.example/")
        );
    }
}
