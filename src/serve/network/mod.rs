//! `menhu serve --network`: every member site of a network (站群) on one port. `/` is a
//! site picker ([`picker`]); `/<name>/…` is member `<name>`'s site, built in memory with
//! the base URL `http://ADDRESS/<name>`, so its links (and the links between members)
//! stay on the preview. Each site has its own event stream at `/<name>/__menhu/events`:
//! a change rebuilds, incrementally, the members it touches ([`members`]: the member
//! whose files changed and those reprinting its changed pages; every member for the
//! shared theme, the shared data or `network.toml`), and each open page reloads when
//! its output changed — a city page pushed to the province changes pages of both
//! sites, so open pages of both reload, and a third site hears nothing.
//!
//! What the single-site preview guarantees holds here too: requests are answered from
//! the in-memory outputs only ([`super::http::resolve_request_path`] within a site, and
//! a path that names no member is 404), only to the preview's own `Host` and only
//! `GET`/`HEAD` ([`super::guard`]). A member whose rebuild fails keeps its last good
//! outputs and shows its errors over its own open pages and on the picker; the others
//! are published as usual.

mod members;
mod picker;
mod watch;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use super::{Snapshot, guard, http, listen, reload};
use crate::content::date::Now;
use crate::diag::{Diagnostics, Lang};

/// How to serve a network.
#[derive(Debug, Clone)]
pub struct NetworkServeOptions {
    /// The network's root folder (holding `network.toml`).
    pub root: PathBuf,
    /// Include drafts and pages dated in the future.
    pub drafts: bool,
    /// No network access for `load_data(url=…)`.
    pub offline: bool,
    /// The builds' "now".
    pub now: Now,
    /// Address to bind; 127.0.0.1 unless the operator asks otherwise.
    pub bind: String,
    /// Port; 0 picks any free port.
    pub port: u16,
    /// The language of status lines, of the picker and of the error overlay.
    pub lang: Lang,
}

/// One member site as served: its outputs, its event stream and whether its last
/// build failed.
struct ServedSite {
    served: RwLock<Arc<Snapshot>>,
    hub: reload::Hub,
    /// The errors of the last build when it failed (shown on the picker too).
    failed: Mutex<Option<String>>,
}

/// What request handlers and the rebuild loop share.
struct Shared {
    network: crate::network::Network,
    sites: BTreeMap<String, ServedSite>,
    own_hosts: guard::OwnHosts,
    lang: Lang,
}

impl Shared {
    fn snapshot(&self, name: &str) -> Option<Arc<Snapshot>> {
        let site = self.sites.get(name)?;
        Some(match site.served.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        })
    }

    fn failed(&self, name: &str) -> bool {
        self.sites
            .get(name)
            .is_some_and(|s| super::lock(&s.failed).is_some())
    }
}

/// Builds every member site, binds, prints the address, then serves and rebuilds on
/// every change until the process ends. A member that does not build at first stops
/// the preview with its problems, as a site that does not build does.
pub fn serve_network(
    options: &NetworkServeOptions,
    announce: impl Fn(&str),
) -> Result<(), Diagnostics> {
    // Refuse a folder that is no network before binding anything.
    crate::network::Network::load(&options.root).map_err(Diagnostics::from_iter)?;
    let listener = std::net::TcpListener::bind((options.bind.as_str(), options.port))
        .map_err(|e| super::bind_error_at(&options.bind, options.port, &e.to_string()))?;
    let address = match listener.local_addr() {
        Ok(addr) => format!("http://{addr}"),
        Err(_) => format!("http://{}:{}", options.bind, options.port),
    };
    let (network, mut previews, first) = members::Previews::start(options, &address)?;
    let mut watcher = watch::NetworkWatcher::start(&network)?;
    let instance = format!("{}-{}", std::process::id(), super::now_millis());
    let mut sites = BTreeMap::new();
    for member in first {
        if let Ok(update) = &member.result {
            for warning in update.warnings.iter() {
                announce(&warning.clone().render_human(false, options.lang));
            }
        }
        let site = ServedSite {
            served: RwLock::new(member.snapshot),
            hub: reload::Hub::new(format!("{instance}-{}", member.name)),
            failed: Mutex::new(None),
        };
        sites.insert(member.name, site);
    }
    let shared = Arc::new(Shared {
        own_hosts: guard::OwnHosts::new(&options.bind, listener.local_addr().ok(), None)
            .speaking(options.lang),
        network,
        sites,
        lang: options.lang,
    });
    if !super::is_loopback(&options.bind) {
        announce(&crate::t!("serve-reachable", bind = &options.bind).render(options.lang));
    }
    let answering = shared.clone();
    listen::answer_in_background(listener, move |r| answer(r, &answering));
    let listening = crate::t!(
        "serve-network-listening",
        network = &shared.network.name,
        address = &address,
        count = shared.network.members.len()
    );
    announce(&listening.render(options.lang));
    while let Some(changes) = watcher.next_changes() {
        rebuild(&shared, &mut previews, options.lang, &changes, &announce);
    }
    Ok(())
}

/// Rebuilds the members `changes` touch ([`members::Previews::rebuild`]): each that
/// built has its new outputs published and its open pages told what changed; each that
/// failed keeps its last good outputs and shows its errors over its open pages (and on
/// the picker). The open pages of the members not rebuilt hear only that it is over.
fn rebuild(
    shared: &Shared,
    previews: &mut members::Previews,
    lang: Lang,
    changes: &watch::Changes,
    announce: &impl Fn(&str),
) {
    let started = Instant::now();
    let rebuilt = match previews.rebuild(changes) {
        Ok(rebuilt) => rebuilt,
        Err(problems) => {
            // `network.toml` itself is broken, or a page pushes to no member: every
            // site shows it.
            let text = super::human(&problems, lang);
            for site in shared.sites.values() {
                *super::lock(&site.failed) = Some(text.clone());
                site.hub.failed(&text);
            }
            announce(&text);
            announce(&crate::t!("serve-keeps-last-good").render(lang));
            built_everywhere(shared, &started);
            return;
        }
    };
    let mut changed_total = 0;
    let mut failed_any = false;
    let mut names = Vec::new();
    for member in &rebuilt {
        let Some(served) = shared.sites.get(&member.name) else {
            continue;
        };
        names.push(&member.name);
        match &member.result {
            Ok(update) => {
                for warning in update.warnings.iter() {
                    announce(&warning.render_human(false, lang));
                }
                *write(&served.served) = member.snapshot.clone();
                let was_failed = super::lock(&served.failed).take().is_some();
                // An empty event still clears the overlay of a build error just fixed.
                if !update.changed.is_empty() || was_failed {
                    served.hub.changed(&update.changed);
                }
                changed_total += update.changed.len();
            }
            Err(problems) => {
                failed_any = true;
                let text = super::human(problems, lang);
                *super::lock(&served.failed) = Some(text.clone());
                served.hub.failed(&text);
                announce(&text);
            }
        }
    }
    if failed_any {
        announce(&crate::t!("serve-keeps-last-good").render(lang));
    }
    let took = format!("{:.0?}", started.elapsed());
    let line = crate::t!(
        "serve-network-rebuilt",
        took = took,
        sites = names.len(),
        count = shared.sites.len(),
        changed = changed_total
    );
    announce(&line.render(lang));
    built_everywhere(shared, &started);
}

/// Tells every site's open pages that the rebuild is over (those of a site not rebuilt
/// learn only that).
fn built_everywhere(shared: &Shared, started: &Instant) {
    for site in shared.sites.values() {
        site.hub.built(started.elapsed().as_millis());
    }
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    match lock.write() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// Where a request goes.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    /// `/`: the site picker.
    Picker,
    /// `/<name>` without its slash: redirect here.
    AddSlash(String),
    /// `/<name>/…`: the member's site, with the target within it (`/news/?q`).
    Site(String, String),
    /// A first segment that names no member.
    NoSuchSite,
}

/// Splits a request target into the member it names and the target within that site.
/// The member's name is compared as sent (names are `[a-z0-9-]`, never encoded); the
/// rest is left to [`http::resolve_request_path`], which refuses anything leaving the
/// site's outputs.
fn route(target: &str, is_member: impl Fn(&str) -> bool) -> Route {
    let split = target.find(['?', '#']).unwrap_or(target.len());
    let (path, query) = target.split_at(split);
    let Some(inner) = path.strip_prefix('/') else {
        return Route::NoSuchSite;
    };
    if inner.is_empty() {
        return Route::Picker;
    }
    match inner.split_once('/') {
        Some((name, rest)) if is_member(name) => {
            Route::Site(name.to_owned(), format!("/{rest}{query}"))
        }
        None if is_member(inner) => Route::AddSlash(format!("/{inner}/{query}")),
        _ => Route::NoSuchSite,
    }
}

/// Answers one request: refused by the guard, the picker, an event stream of a site,
/// or a file of a site.
fn answer(request: tiny_http::Request, shared: &Arc<Shared>) {
    if let Some(refusal) = shared.own_hosts.refusal(&request) {
        http::refuse(request, &refusal);
        return;
    }
    let target = request.url().to_owned();
    match route(&target, |name| shared.sites.contains_key(name)) {
        Route::Picker => {
            let failed = |name: &str| shared.failed(name);
            let page = picker::page(&shared.network, &failed, shared.lang);
            respond_page(request, 200, page);
        }
        Route::NoSuchSite => {
            let page = picker::not_found(&shared.network, shared.lang);
            respond_page(request, 404, page);
        }
        Route::AddSlash(location) => {
            let mut response = tiny_http::Response::empty(301);
            if let Ok(h) = tiny_http::Header::from_bytes("Location", location.as_bytes()) {
                response.add_header(h);
            }
            let _ = request.respond(response);
        }
        Route::Site(name, inner) => {
            let Some(snapshot) = shared.snapshot(&name) else {
                return;
            };
            if inner.split('?').next() == Some(reload::EVENTS_PATH) {
                let shared = shared.clone();
                std::thread::spawn(move || {
                    if let Some(site) = shared.sites.get(&name) {
                        site.hub.stream(request.into_writer());
                    }
                });
                return;
            }
            http::respond_in_site(request, &inner, &snapshot, None, &format!("/{name}/"));
        }
    }
}

/// Answers with a page of the preview's own (the picker), never cached.
fn respond_page(request: tiny_http::Request, status: u16, html: String) {
    let head_only = *request.method() == tiny_http::Method::Head;
    let length = html.len();
    let body: Box<dyn std::io::Read + Send> = match head_only {
        true => Box::new(std::io::empty()),
        false => Box::new(std::io::Cursor::new(html.into_bytes())),
    };
    let mut response = tiny_http::Response::new(
        tiny_http::StatusCode(status),
        Vec::new(),
        body,
        Some(length),
        None,
    );
    for (name, value) in [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Cache-Control", "no-store"),
    ] {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    let _ = request.respond(response);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_go_to_the_member_their_first_segment_names() {
        let member = |name: &str| matches!(name, "guangxi" | "wuzhou");
        assert_eq!(route("/", member), Route::Picker);
        assert_eq!(route("/?x=1", member), Route::Picker);
        assert_eq!(
            route("/wuzhou/news/?page=2", member),
            Route::Site("wuzhou".into(), "/news/?page=2".into())
        );
        assert_eq!(
            route("/wuzhou/", member),
            Route::Site("wuzhou".into(), "/".into())
        );
        assert_eq!(route("/wuzhou", member), Route::AddSlash("/wuzhou/".into()));
        assert_eq!(
            route("/wuzhou?a", member),
            Route::AddSlash("/wuzhou/?a".into())
        );
        // What follows the name is the site's to refuse (`..` never leaves it).
        assert_eq!(
            route("/wuzhou/../guangxi/", member),
            Route::Site("wuzhou".into(), "/../guangxi/".into())
        );
        for other in [
            "/liuzhou/",
            "/..%2fwuzhou/",
            "/%77uzhou/",
            "//wuzhou/",
            "wuzhou/",
        ] {
            assert_eq!(route(other, member), Route::NoSuchSite, "{other}");
        }
    }
}
