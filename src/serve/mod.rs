//! `menhu serve`: builds the site in memory and serves it over HTTP on 127.0.0.1.
//! Requests are mapped onto the in-memory outputs only; nothing outside them is served.

mod http;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};
use crate::pipeline::{self, BuildOptions};
use crate::render::SiteOutput;

pub use http::{ServedFile, resolve_request_path};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// What to build.
    pub build: BuildOptions,
    /// Address to bind; 127.0.0.1 unless the operator asks otherwise.
    pub bind: String,
    /// Port; 0 picks any free port.
    pub port: u16,
}

/// The site as served: rendered files in memory, copied files read from their source.
#[derive(Debug, Default)]
pub struct Snapshot {
    files: HashMap<String, Arc<[u8]>>,
    copies: HashMap<String, PathBuf>,
}

impl Snapshot {
    /// Indexes a build's outputs by path.
    pub fn new(site: SiteOutput) -> Snapshot {
        let files = site
            .files
            .into_iter()
            .map(|f| (f.path, Arc::from(f.body)))
            .collect();
        let copies = site.copies.into_iter().map(|c| (c.to, c.from)).collect();
        Snapshot { files, copies }
    }

    /// The bytes of an output path (`news/x/index.html`).
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        if let Some(body) = self.files.get(path) {
            return Some(body.clone());
        }
        let source = self.copies.get(path)?;
        std::fs::read(source).ok().map(Arc::from)
    }

    /// True when `path` is an output.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path) || self.copies.contains_key(path)
    }
}

/// Builds the site, binds, prints the address and serves until the process ends.
pub fn serve(options: &ServeOptions, announce: impl Fn(&str)) -> Result<(), Diagnostics> {
    let server = tiny_http::Server::http((options.bind.as_str(), options.port))
        .map_err(|e| bind_error(options, &e.to_string()))?;
    let address = match server.server_addr().to_ip() {
        Some(addr) => format!("http://{addr}"),
        None => format!("http://{}:{}", options.bind, options.port),
    };
    let mut build = options.build.clone();
    build.base_url = Some(address.clone());
    let built = pipeline::build_in_memory(&build)?;
    for warning in built.warnings.iter() {
        announce(&warning.render_human(false));
    }
    if !is_loopback(&options.bind) {
        announce(&format!(
            "warning: serving on {} makes the preview reachable from other machines",
            options.bind
        ));
    }
    announce(&format!(
        "serving the site at {address}/ (press Ctrl-C to stop)"
    ));
    let snapshot = Arc::new(Snapshot::new(built.site));
    for request in server.incoming_requests() {
        http::respond(request, &snapshot);
    }
    Ok(())
}

fn is_loopback(bind: &str) -> bool {
    bind.parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(bind == "localhost")
}

fn bind_error(options: &ServeOptions, why: &str) -> Diagnostics {
    Diagnostic::error("E0701", format!("cannot listen on {}:{}: {why}", options.bind, options.port))
        .help("another program may use the port: pick another with `--port 1112`, or `--port 0` for any free port")
        .into()
}
