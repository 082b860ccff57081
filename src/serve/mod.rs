//! `menhu serve`: builds the site in memory, serves it over HTTP (127.0.0.1 unless told
//! otherwise), watches the sources, rebuilds only what an edit touches and pushes a
//! reload to open pages. Requests are mapped onto the in-memory outputs only; nothing
//! outside them is served, and [`guard`] answers only `GET`/`HEAD` to its own `Host`.
//!
//! Threads: tiny_http reads each connection on a thread of its own; a few workers answer
//! requests (an event stream gets a thread of its own, so open pages never block
//! requests); [`listen`] starts tiny_http again if it stops accepting; one thread
//! watches, handing each change to [`edits`] at once (which publishes a body edit even
//! while a rebuild runs); the main thread rebuilds. They share a [`Shared`]: the served
//! [`Snapshot`] is an `Arc` swapped whole after each rebuild and each edit published.

mod body;
mod body_edit;
pub mod edit;
pub mod edits;
mod guard;
mod http;
pub mod incremental;
mod listen;
pub mod network;
pub mod reload;
mod waiting;
pub mod watch;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::bounds::SiteBounds;
use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::output::SiteOutput;
use crate::pipeline::BuildOptions;

pub use edits::Edits;
pub use http::{ServedFile, resolve_request_path};
pub use incremental::{Preview, Update};
pub use watch::ChangeSet;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// What to build.
    pub build: BuildOptions,
    /// Address to bind; 127.0.0.1 unless the operator asks otherwise.
    pub bind: String,
    /// Port; 0 picks any free port.
    pub port: u16,
    /// After each build, list every page not published with its file and reason.
    pub verbose: bool,
    /// The language of status lines and of the error overlay.
    pub lang: Lang,
    /// Open the online editor (`edit`) on a second port of 127.0.0.1.
    pub edit: bool,
    /// With `edit`: approving a page commits it to the site's git repository.
    pub edit_commit: bool,
}

/// The site as served: rendered files in memory, copied files read from their source,
/// and the preview's notices about scheduled and expired pages.
#[derive(Debug, Default)]
pub struct Snapshot {
    files: HashMap<String, Arc<[u8]>>,
    copies: HashMap<String, PathBuf>,
    notices: Arc<waiting::Notices>,
    /// Where copied files may really be; without bounds none is served.
    bounds: Option<Arc<SiteBounds>>,
}

impl Snapshot {
    /// Indexes a build's outputs by path; its copied files are served while they stay
    /// within `bounds`.
    pub fn new(site: SiteOutput, bounds: Arc<SiteBounds>) -> Snapshot {
        let files = site
            .files
            .into_iter()
            .map(|f| (f.path, Arc::from(f.body)))
            .collect();
        let copies = site.copies.into_iter().map(|c| (c.to, c.from)).collect();
        Snapshot {
            files,
            copies,
            notices: Arc::default(),
            bounds: Some(bounds),
        }
    }

    /// What the preview serves before the site was ever built: the page of
    /// [`NOT_BUILT_MARK`] at the home page's address and as the 404 page, so every
    /// address answers it (with the reload script, which shows the build's errors over
    /// it and reloads it when a build succeeds).
    pub fn not_built(lang: Lang) -> Snapshot {
        let page: Arc<[u8]> = Arc::from(not_built_page(lang).into_bytes());
        Snapshot {
            files: HashMap::from([
                ("index.html".to_owned(), page.clone()),
                ("404.html".to_owned(), page),
            ]),
            ..Snapshot::default()
        }
    }

    /// The bytes of an output path (`news/x/index.html`), a copied file read whole:
    /// for tools and tests. Requests are answered from [`Snapshot::body`].
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        if let Some(body) = self.files.get(path) {
            return Some(body.clone());
        }
        let source = self.copies.get(path)?;
        let real = self.bounds.as_ref()?.resolve(source).ok()?;
        std::fs::read(real).ok().map(Arc::from)
    }

    /// A copy with `files` replacing (or adding to) the rendered outputs of their paths.
    pub fn with_files(&self, files: impl IntoIterator<Item = (String, Arc<[u8]>)>) -> Snapshot {
        let mut all = self.files.clone();
        all.extend(files);
        Snapshot {
            files: all,
            copies: self.copies.clone(),
            notices: self.notices.clone(),
            bounds: self.bounds.clone(),
        }
    }

    /// The bytes of a rendered output (not a copied file).
    pub fn rendered_file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|b| &b[..])
    }

    /// The bytes of an output path (`news/x/index.html`): in memory when rendered, the
    /// source file, opened to be streamed, when copied. A copied file is resolved again
    /// at the time of the request: a file replaced by a link out of the site since the
    /// build (while a failed rebuild keeps this snapshot) is not served.
    pub fn body(&self, path: &str) -> Option<body::Body> {
        if let Some(bytes) = self.files.get(path) {
            return Some(body::Body::Memory(bytes.clone()));
        }
        let source = self.copies.get(path)?;
        body::Body::open(&self.bounds.as_ref()?.resolve(source).ok()?)
    }

    /// True when `path` is an output.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path) || self.copies.contains_key(path)
    }

    /// Every rendered output, by path.
    pub fn rendered(&self) -> BTreeMap<&str, &[u8]> {
        self.files
            .iter()
            .map(|(p, b)| (p.as_str(), &b[..]))
            .collect()
    }

    /// Every copied file: output path → source.
    pub fn copied(&self) -> BTreeMap<&str, &Path> {
        self.copies
            .iter()
            .map(|(p, f)| (p.as_str(), f.as_path()))
            .collect()
    }
}

/// What request handlers, the watcher and the rebuild thread share.
pub struct Shared {
    edits: Edits,
    hub: reload::Hub,
    own_hosts: guard::OwnHosts,
    /// With `--edit`: the script adding 「编辑本页」 to every previewed page.
    edit_button: Option<String>,
    /// The model of the last build that succeeded, for the editor's page addresses.
    last_model: std::sync::Mutex<Option<Arc<body_edit::LastBuild>>>,
    /// The last build's problems (its warnings, or its errors), for the editor.
    problems: std::sync::Mutex<Vec<Diagnostic>>,
    /// The site root, as given.
    root: PathBuf,
}

impl Shared {
    fn snapshot(&self) -> Arc<Snapshot> {
        self.edits.served()
    }

    /// Tells open pages about `paths`, when there are any.
    fn changed(&self, paths: &[String]) {
        if !paths.is_empty() {
            self.hub.changed(paths);
        }
    }

    /// Remembers what a build left for the editor: its model when it succeeded, and its
    /// problems.
    fn remember(&self, model: Option<Arc<body_edit::LastBuild>>, problems: &Diagnostics) {
        if let Some(model) = model {
            *lock(&self.last_model) = Some(model);
        }
        *lock(&self.problems) = problems.iter().cloned().collect();
    }

    fn with_portal<T>(&self, read: impl FnOnce(&crate::portal::Portal) -> Option<T>) -> Option<T> {
        let model = lock(&self.last_model).clone()?;
        read(model.portal())
    }
}

fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// A page's source as the editor names it: `content/news/a.md`, with `/`.
fn source_name(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap_or(file);
    crate::diag::display_path(relative)
}

impl edit::PreviewSite for Shared {
    fn source_of(&self, url_path: &str) -> Option<String> {
        let root = self.root.clone();
        self.with_portal(|portal| {
            let page = portal.pages.iter().find(|p| p.url.path == url_path)?;
            Some(source_name(&root, &page.source.file))
        })
    }

    fn url_of(&self, source: &str) -> Option<String> {
        let root = self.root.clone();
        self.with_portal(|portal| {
            let page = portal
                .pages
                .iter()
                .find(|p| source_name(&root, &p.source.file) == source)?;
            Some(page.url.path.clone())
        })
    }

    fn section_url_of(&self, source: &str) -> Option<String> {
        let root = self.root.clone();
        self.with_portal(|portal| {
            let section = portal
                .sections
                .iter()
                .find(|s| source_name(&root, &s.source.file) == source)?;
            Some(section.url.path.clone())
        })
    }

    fn problems(&self) -> Vec<Diagnostic> {
        lock(&self.problems).clone()
    }
}

/// The `<meta>` that marks the page served before the site was ever built: the reload
/// script reloads it on any change, whatever its address.
pub const NOT_BUILT_MARK: &str = "menhu-not-built";

fn not_built_page(lang: Lang) -> String {
    let title = crate::html_text::escape(&crate::t!("serve-not-built-title").render(lang));
    let text = crate::html_text::escape(&crate::t!("serve-not-built-text").render(lang));
    format!(
        concat!(
            "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"{mark}\" content=\"\"><title>{title}</title></head>\n",
            "<body style=\"font:18px/1.7 sans-serif;max-width:40em;margin:3em auto;padding:0 1em\">",
            "<main><h1>{title}</h1><p>{text}</p></main></body></html>\n"
        ),
        lang = lang.tag(),
        mark = NOT_BUILT_MARK,
        title = title,
        text = text,
    )
}

/// Builds the site, binds, prints the address, then serves and rebuilds on every
/// change until the process ends. A first build that fails is shown like any later
/// one (its errors printed and over every page) while the preview waits for a fix.
pub fn serve(options: &ServeOptions, announce: impl Fn(&str)) -> Result<(), Diagnostics> {
    if options.edit && !is_loopback(&options.bind) {
        return Err(Diagnostic::error(
            "E0703",
            crate::t!("serve-edit-local-only", bind = &options.bind),
        )
        .help(crate::t!("serve-edit-local-only.help"))
        .into());
    }
    // No site here at all (run in the wrong folder, or in `content/news/`): said and
    // stopped; there is no site to wait for a fix of.
    if let Err(errors) = crate::config::Config::load(&options.build.root)
        && errors.iter().any(|e| e.code == "E0100")
    {
        let mut all = Diagnostics::new();
        all.extend(errors);
        return Err(all);
    }
    if options.edit && options.edit_commit {
        edit::commit::check(&options.build.root).map_err(|refused| commit_unavailable(&refused))?;
    }
    let listener = std::net::TcpListener::bind((options.bind.as_str(), options.port))
        .map_err(|e| bind_error(options, &e))?;
    let address = match listener.local_addr() {
        Ok(addr) => format!("http://{}", reachable_at(addr)),
        Err(_) => format!("http://{}:{}", options.bind, options.port),
    };
    let mut build = options.build.clone();
    if build.base_url.is_none() {
        build.base_url = Some(address.clone());
    }
    let mut watcher = watch::Watcher::start(&build.root)?;
    let (mut preview, first) = Preview::start_or_wait(build.clone(), options.lang);
    let (first, first_problems) = match first {
        Ok(update) => {
            let warnings = update.warnings.clone();
            (Some(update), warnings)
        }
        Err(problems) => (None, problems),
    };
    // The errors of a first build that failed, as the terminal and the pages show them.
    let failure = first
        .is_none()
        .then(|| human(&first_problems, options.lang));
    match &failure {
        None => announce_warnings(&first_problems, options.lang, &announce),
        Some(text) => announce(text),
    }
    if !is_loopback(&options.bind) {
        announce(&crate::t!("serve-reachable", bind = &options.bind).render(options.lang));
    }
    let root = build.root.clone();
    let editor = match options.edit {
        true => Some(edit::EditorListener::bind().map_err(|e| bind_error(options, &e))?),
        false => None,
    };
    let shared = Arc::new(Shared {
        edits: Edits::new(&preview, build.clone()),
        hub: reload::Hub::new(format!("{}-{}", std::process::id(), now_millis())),
        own_hosts: guard::OwnHosts::new(
            &options.bind,
            listener.local_addr().ok(),
            options.build.base_url.as_deref(),
        )
        .speaking(options.lang),
        edit_button: editor.as_ref().map(|e| edit_button(&e.origin())),
        last_model: std::sync::Mutex::new(preview.last_build()),
        problems: std::sync::Mutex::new(first_problems.iter().cloned().collect()),
        root,
    });
    if let Some(text) = &failure {
        shared.hub.failed(text);
    }
    let answering = shared.clone();
    listen::answer_in_background(listener, move |r| answer(r, &answering));
    announce(&crate::t!("serve-listening", address = &address).render(options.lang));
    if let Some(editor) = editor {
        let origin = editor.origin();
        start_editor(
            editor,
            &build,
            &address,
            shared.clone(),
            options.edit_commit,
        )?;
        announce(&crate::t!("serve-editor-listening", address = origin).render(options.lang));
    }
    match &first {
        Some(update) => announce_publication(update, options.verbose, options.lang, &announce),
        None => announce(&crate::t!("serve-not-built-yet").render(options.lang)),
    }
    let watching = shared.clone();
    std::thread::spawn(move || {
        while let Some(changes) = watcher.next_changes() {
            // The change is queued before anything is rendered: a bug in the fast path
            // (reported by the panic hook) leaves it to the rebuild, and the watcher on.
            let arrive = std::panic::AssertUnwindSafe(|| watching.edits.arrive(changes));
            let published = std::panic::catch_unwind(arrive).unwrap_or_default();
            watching.changed(&published);
        }
        watching.edits.close();
    });
    while let Some(changes) = shared.edits.next_batch() {
        rebuild(&mut preview, &changes, &shared, options, &announce);
    }
    Ok(())
}

/// A request the guard refuses gets its refusal; an event stream keeps its connection
/// on a thread of its own; anything else is answered from the snapshot.
fn answer(request: tiny_http::Request, shared: &Arc<Shared>) {
    if let Some(refusal) = shared.own_hosts.refusal(&request) {
        http::refuse(request, &refusal);
        return;
    }
    if request.url().split('?').next() == Some(reload::EVENTS_PATH) {
        let shared = shared.clone();
        std::thread::spawn(move || shared.hub.stream(request.into_writer()));
        return;
    }
    http::respond(request, &shared.snapshot(), shared.edit_button.as_deref());
}

/// One rebuild: publish the new snapshot and tell the pages, or show the errors.
fn rebuild(
    preview: &mut Preview,
    changes: &ChangeSet,
    shared: &Shared,
    options: &ServeOptions,
    announce: &impl Fn(&str),
) {
    let (verbose, lang) = (options.verbose, options.lang);
    let started = Instant::now();
    let mut early = |snapshot: Arc<Snapshot>, paths: &[String]| {
        shared.changed(&shared.edits.publish_early(&snapshot, paths));
    };
    match preview.rebuild_with(changes, &mut early) {
        Ok(update) => {
            shared.remember(preview.last_build(), &update.warnings);
            let changed = shared.edits.rebuilt(preview, &update.changed);
            // An empty event still clears the overlay of a build error just fixed.
            if !changed.is_empty() || update.early.is_empty() {
                shared.hub.changed(&changed);
            }
            announce_warnings(&update.warnings, lang, announce);
            let took = format!("{:.0?}", started.elapsed());
            let rebuilt = crate::t!(
                "serve-rebuilt",
                took = took,
                rendered = update.rendered,
                changed = update.changed.len()
            );
            announce(&rebuilt.render(lang));
            announce_publication(&update, verbose, lang, announce);
        }
        Err(problems) => {
            shared.remember(None, &problems);
            shared.edits.failed();
            let text = human(&problems, lang);
            shared.hub.failed(&text);
            announce(&text);
            announce(&crate::t!("serve-keeps-last-good").render(lang));
        }
    }
    shared.hub.built(started.elapsed().as_millis());
}

/// `--edit-commit` where no commit can be made: refused before anything starts.
fn commit_unavailable(refused: &edit::commit::CommitRefused) -> Diagnostics {
    let message = match refused {
        edit::commit::CommitRefused::NotARepository => crate::t!("serve-edit-commit-no-repository"),
        _ => crate::t!("serve-edit-commit-no-git"),
    };
    Diagnostic::error("E0704", message)
        .help(crate::t!("serve-edit-commit-no-git.help"))
        .into()
}

/// Starts the online editor on `listener`, for the site of `build` previewed at
/// `preview_origin`.
fn start_editor(
    listener: edit::EditorListener,
    build: &BuildOptions,
    preview_origin: &str,
    shared: Arc<Shared>,
    commit: bool,
) -> Result<(), Diagnostics> {
    // A config that does not load is one of the first build's errors, shown over the
    // preview; the editor opens all the same, with the defaults (no link followed, the
    // zone of a Chinese site), so the site can be mended.
    let (bounds, zone) = match crate::config::Config::load(&build.root) {
        Ok((config, _)) => (config.bounds(&build.root).0, config.timezone),
        Err(_) => (SiteBounds::new(&build.root), crate::config::CHINA),
    };
    let options = edit::EditorOptions {
        bounds,
        zone,
        now: build.now,
        preview_origin: preview_origin.to_owned(),
        commit,
    };
    edit::start(listener, options, shared).map_err(|e| {
        Diagnostic::error(
            "E0701",
            crate::t!(
                "serve-cannot-listen",
                bind = "127.0.0.1",
                port = 0,
                reason = e.to_string()
            ),
        )
        .help(crate::t!("serve-cannot-listen.help"))
        .into()
    })
}

/// The script, added to the preview's live-reload script, that puts 「编辑本页」 on every
/// previewed page (not inside the editor's own frame), linking to the editor at `origin`.
fn edit_button(origin: &str) -> String {
    let target = serde_json::Value::String(format!("{origin}{}", edit::PREFIX)).to_string();
    format!(
        r##"
(function () {{
  "use strict";
  if (window.top !== window.self) return;
  var link = document.createElement("a");
  link.id = "menhu-edit-this";
  link.href = {target} + "#url=" + encodeURIComponent(location.pathname);
  link.textContent = "编辑本页";
  link.setAttribute("style", "position:fixed;right:16px;bottom:16px;z-index:2147483647;" +
    "background:#a4161a;color:#fff;padding:10px 18px;border-radius:6px;" +
    "font:16px/1.5 sans-serif;text-decoration:none;box-shadow:0 2px 6px rgba(0,0,0,.35)");
  var add = function () {{ document.body.appendChild(link); }};
  if (document.body) add(); else addEventListener("DOMContentLoaded", add);
}})();
"##
    )
}

fn human(problems: &Diagnostics, lang: Lang) -> String {
    let mut lines: Vec<String> = problems
        .clone()
        .sorted()
        .iter()
        .map(|d| d.render_human(false, lang))
        .collect();
    lines.push(problems.summary(lang));
    lines.join("\n")
}

/// The line saying what the build did not publish (every page with `verbose`).
fn announce_publication(update: &Update, verbose: bool, lang: Lang, announce: &impl Fn(&str)) {
    if verbose {
        for line in update.publication.verbose_lines(lang) {
            announce(&line);
        }
    }
    announce(&update.publication.summary_line().render(lang));
}

fn announce_warnings(warnings: &Diagnostics, lang: Lang, announce: &impl Fn(&str)) {
    for warning in warnings.iter() {
        announce(&warning.render_human(false, lang));
    }
}

fn now_millis() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

/// The address to open the preview bound at `bound`, which its links point to: itself,
/// or, bound to all addresses (`--bind 0.0.0.0`), this machine's address on its network,
/// which other machines can open; `0.0.0.0` is no address to open, and a page whose
/// styles and links went there would be broken on every other machine.
fn reachable_at(bound: std::net::SocketAddr) -> std::net::SocketAddr {
    use std::net::{IpAddr, Ipv4Addr, SocketAddr};
    if !bound.ip().is_unspecified() {
        return bound;
    }
    let ip = own_network_address("0.0.0.0:0", "192.0.2.1:9")
        .or_else(|| own_network_address("[::]:0", "[2001:db8::1]:9"))
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    SocketAddr::new(ip, bound.port())
}

/// The address this machine would send from to reach `probe` (a documentation address:
/// connecting a UDP socket sends nothing, it only asks the system for the route).
fn own_network_address(local: &str, probe: &str) -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind(local).ok()?;
    socket.connect(probe).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

fn is_loopback(bind: &str) -> bool {
    bind.parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(bind == "localhost")
}

fn bind_error(options: &ServeOptions, error: &std::io::Error) -> Diagnostics {
    bind_error_at(&options.bind, options.port, error)
}

/// E0701: the preview cannot listen on `bind`:`port`, for the reason `error`.
fn bind_error_at(bind: &str, port: u16, error: &std::io::Error) -> Diagnostics {
    use std::io::ErrorKind;
    let in_use = error.kind() == ErrorKind::AddrInUse;
    let message = if in_use {
        crate::t!("serve-port-in-use", bind = bind, port = port)
    } else {
        crate::t!(
            "serve-cannot-listen",
            bind = bind,
            port = port,
            reason = error.to_string()
        )
    };
    // An address that is not this computer's (a typo, another computer's, one the
    // network handed out before) or a name that does not resolve: no matter of ports.
    let not_ours = error.kind() == ErrorKind::AddrNotAvailable
        || (bind.parse::<std::net::IpAddr>().is_err() && bind != "localhost");
    let help = if not_ours && !in_use {
        crate::t!("serve-cannot-listen.bind-help", bind = bind)
    } else {
        crate::t!("serve-cannot-listen.help")
    };
    Diagnostic::error("E0701", message).help(help).into()
}
