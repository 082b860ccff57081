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
//! are published as usual. A member added to `network.toml` while serving is served
//! (and watched) from its first build on; one removed is no longer: its path is 404.

mod members;
mod picker;
#[cfg(test)]
mod preview_tests;
mod watch;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use super::{Snapshot, guard, http, listen, reload};
use crate::content::date::Now;
use crate::diag::{Diagnostics, Lang};
use crate::network::Network;

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

impl ServedSite {
    /// A member site serving `snapshot`, its event stream named `instance-name`.
    fn new(instance: &str, name: &str, snapshot: Arc<Snapshot>) -> Arc<ServedSite> {
        Arc::new(ServedSite {
            served: RwLock::new(snapshot),
            hub: reload::Hub::new(format!("{instance}-{name}")),
            failed: Mutex::new(None),
        })
    }
}

/// What request handlers and the rebuild loop share. The network and its sites change
/// when `network.toml` adds or removes a member while serving.
struct Shared {
    network: RwLock<Network>,
    sites: RwLock<BTreeMap<String, Arc<ServedSite>>>,
    own_hosts: guard::OwnHosts,
    lang: Lang,
    /// Names each site's event stream (with the site's name), so a browser tells a
    /// restarted preview from this one.
    instance: String,
}

impl Shared {
    fn site(&self, name: &str) -> Option<Arc<ServedSite>> {
        read(&self.sites).get(name).cloned()
    }

    fn all_sites(&self) -> Vec<Arc<ServedSite>> {
        read(&self.sites).values().cloned().collect()
    }

    fn failed(&self, name: &str) -> bool {
        self.site(name)
            .is_some_and(|s| super::lock(&s.failed).is_some())
    }

    /// Follows `network` as `network.toml` now says: the members it removed are no
    /// longer served (their paths answer 404), those it added are served from their
    /// first build on.
    fn follow(&self, network: Network) {
        let mut sites = write(&self.sites);
        sites.retain(|name, _| network.by_name(name).is_some());
        for member in &network.members {
            sites
                .entry(member.name.clone())
                .or_insert_with(|| ServedSite::new(&self.instance, &member.name, Arc::default()));
        }
        *write(&self.network) = network;
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
        .map_err(|e| super::bind_error_at(&options.bind, options.port, &e))?;
    let address = match listener.local_addr() {
        Ok(addr) => format!("http://{}", super::reachable_at(addr)),
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
        let site = ServedSite::new(&instance, &member.name, member.snapshot);
        sites.insert(member.name, site);
    }
    let count = network.members.len();
    let name = network.name.clone();
    let shared = Arc::new(Shared {
        own_hosts: guard::OwnHosts::new(&options.bind, listener.local_addr().ok(), None)
            .speaking(options.lang),
        network: RwLock::new(network),
        sites: RwLock::new(sites),
        lang: options.lang,
        instance,
    });
    if !super::is_loopback(&options.bind) {
        announce(&crate::t!("serve-reachable", bind = &options.bind).render(options.lang));
    }
    let answering = shared.clone();
    listen::answer_in_background(listener, move |r| answer(r, &answering));
    let listening = crate::t!(
        "serve-network-listening",
        network = &name,
        address = &address,
        count = count
    );
    announce(&listening.render(options.lang));
    while let Some(changes) = watcher.next_changes() {
        if let Some(network) = rebuild(&shared, &mut previews, options.lang, &changes, &announce) {
            watcher.follow(&network);
        }
    }
    Ok(())
}

/// Rebuilds the members `changes` touch ([`members::Previews::rebuild`]): each that
/// built has its new outputs published and its open pages told what changed; each that
/// failed keeps its last good outputs and shows its errors over its open pages (and on
/// the picker). The open pages of the members not rebuilt hear only that it is over.
/// A member `network.toml` added is served from then on, one it removed no longer.
/// The network as it now is, when it could be read.
fn rebuild(
    shared: &Shared,
    previews: &mut members::Previews,
    lang: Lang,
    changes: &watch::Changes,
    announce: &impl Fn(&str),
) -> Option<Network> {
    let started = Instant::now();
    let rebuilt = match previews.rebuild(changes) {
        Ok(rebuilt) => rebuilt,
        Err(problems) => {
            // `network.toml` itself is broken, or a page pushes to no member: every
            // site shows it.
            let text = super::human(&problems, lang);
            for site in shared.all_sites() {
                *super::lock(&site.failed) = Some(text.clone());
                site.hub.failed(&text);
            }
            announce(&text);
            announce(&crate::t!("serve-keeps-last-good").render(lang));
            built_everywhere(shared, &started);
            return None;
        }
    };
    let network = rebuilt.network;
    shared.follow(network.clone());
    let rebuilt = rebuilt.rebuilt;
    let mut changed_total = 0;
    let mut failed_any = false;
    let mut names = Vec::new();
    for member in &rebuilt {
        let Some(served) = shared.site(&member.name) else {
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
        count = network.members.len(),
        changed = changed_total
    );
    announce(&line.render(lang));
    built_everywhere(shared, &started);
    Some(network)
}

/// Tells every site's open pages that the rebuild is over (those of a site not rebuilt
/// learn only that).
fn built_everywhere(shared: &Shared, started: &Instant) {
    for site in shared.all_sites() {
        site.hub.built(started.elapsed().as_millis());
    }
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    match lock.read() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
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
    match route(&target, |name| shared.site(name).is_some()) {
        Route::Picker => {
            let failed = |name: &str| shared.failed(name);
            let page = picker::page(&read(&shared.network), &failed, shared.lang);
            respond_page(request, 200, page);
        }
        Route::NoSuchSite => {
            let page = picker::not_found(&read(&shared.network), shared.lang);
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
            let Some(site) = shared.site(&name) else {
                // Removed from `network.toml` since it was routed.
                let page = picker::not_found(&read(&shared.network), shared.lang);
                respond_page(request, 404, page);
                return;
            };
            if inner.split('?').next() == Some(reload::EVENTS_PATH) {
                std::thread::spawn(move || site.hub.stream(request.into_writer()));
                return;
            }
            let snapshot = read(&site.served).clone();
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
