//! Which requests the preview answers at all, decided before a request is looked at:
//! the preview trusts only itself. A web page the editor visits can make the browser
//! send requests to `127.0.0.1`; it must not be able to read the answers (drafts) or
//! change anything. So:
//!
//! - the `Host` must be the preview's own: a loopback name (`localhost`, `127.0.0.1`,
//!   `[::1]`), the address given to `--bind`, the host of `--base-url`, or any IP
//!   address when bound to all addresses (`0.0.0.0`, `::`). A DNS-rebinding page
//!   reaches the preview under its own host name and gets 403. The port is not
//!   compared: rebinding cannot choose the name, and a tunnel may change the port.
//! - only `GET` and `HEAD`, everywhere (live-reload events included): 405 otherwise.
//!   There is no CORS header at all, so another origin can send but never read.
//! - one `Content-Length`, a number, and not beside a `Transfer-Encoding`: anything
//!   else is how requests are smuggled past a proxy, and gets 400.
//! - oversized targets (414) and header sections (431), as before.

use std::net::{IpAddr, SocketAddr};

use tiny_http::{Method, Request};

use crate::diag::Lang;
use crate::diag::text::Said;

/// The longest request target answered; longer ones get 414 (browsers stop near 2 KB
/// for links worth following, and no output path comes close to this).
pub const MAX_TARGET_BYTES: usize = 8 * 1024;
/// The most header bytes (names and values) answered; more gets 431.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// The most header fields answered; more gets 431.
pub const MAX_HEADERS: usize = 100;

/// Names that always mean this machine.
const LOOPBACK_NAMES: &[&str] = &["localhost", "127.0.0.1", "[::1]"];

/// Why a request is not answered: its status and a one-line reason for the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// 400, 403, 405, 414 or 431.
    pub status: u16,
    /// Said in the body.
    pub reason: String,
}

impl Refusal {
    /// The same refusal with its reason in `lang`.
    fn in_lang(status: u16, reason: &Said, lang: Lang) -> Refusal {
        Refusal {
            status,
            reason: reason.render(lang).into_owned(),
        }
    }
}

/// The host names the preview answers to.
#[derive(Debug, Clone)]
pub struct OwnHosts {
    names: Vec<String>,
    any_address: bool,
    /// The address refusals give to open instead (`http://127.0.0.1:1111/`).
    address: String,
    /// The port listened on, for the `--base-url` a refusal suggests.
    port: u16,
    /// The language refusals are written in.
    lang: Lang,
}

impl OwnHosts {
    /// The hosts of a preview bound with `--bind bind` (listening on `bound`), whose
    /// links use `base_url`.
    pub fn new(bind: &str, bound: Option<SocketAddr>, base_url: Option<&str>) -> OwnHosts {
        let mut names: Vec<String> = LOOPBACK_NAMES.iter().map(|n| (*n).to_owned()).collect();
        names.push(host_name(bind));
        if let Some(address) = bound {
            names.push(host_name(&address.ip().to_string()));
        }
        if let Some(host) = base_url.and_then(host_of_url) {
            names.push(host);
        }
        let any_address = bound.is_some_and(|a| a.ip().is_unspecified())
            || bind.parse::<IpAddr>().is_ok_and(|ip| ip.is_unspecified());
        let address = bound.map_or_else(
            || "http://127.0.0.1/".to_owned(),
            |at| format!("http://{}/", super::reachable_at(at)),
        );
        OwnHosts {
            names,
            any_address,
            address,
            port: bound.map_or(0, |at| at.port()),
            lang: Lang::En,
        }
    }

    /// The same hosts, with refusals written in `lang`.
    pub fn speaking(self, lang: Lang) -> OwnHosts {
        OwnHosts { lang, ..self }
    }

    /// Whether a `Host` header value names this preview.
    pub fn allows(&self, host_header: &str) -> bool {
        let Some(name) = name_in_host_header(host_header) else {
            return false;
        };
        self.names.contains(&name)
            || (self.any_address
                && name
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<IpAddr>()
                    .is_ok())
    }

    /// The refusal for `request`, or `None` when it may be answered.
    pub fn refusal(&self, request: &Request) -> Option<Refusal> {
        let (status, reason) = oversized(request)
            .or_else(|| wrong_method(request.method()))
            .or_else(|| self.foreign_host(request))
            .or_else(|| ambiguous_length(request))?;
        Some(Refusal::in_lang(status, &reason, self.lang))
    }

    fn foreign_host(&self, request: &Request) -> Option<Refused> {
        let hosts: Vec<&str> = header_values(request, "Host").collect();
        match hosts.as_slice() {
            [host] if self.allows(host) => None,
            [host] => Some((403, self.foreign(host))),
            _ => Some((400, crate::t!("serve-refused-one-host"))),
        }
    }
}

impl OwnHosts {
    /// Why a request to `host` is refused: the address to open instead, and for a
    /// well-formed name, how to preview under that name.
    fn foreign(&self, host: &str) -> Said {
        match name_in_host_header(host) {
            Some(name) if self.port != 0 => crate::t!(
                "serve-refused-host.named",
                address = &self.address,
                host = name,
                port = self.port
            ),
            _ => crate::t!("serve-refused-host", address = &self.address),
        }
    }
}

/// `Host` written for a name: IPv6 addresses in brackets, lower case.
fn host_name(host: &str) -> String {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => format!("[{v6}]"),
        _ => host,
    }
}

/// The host of `http://host:port/…`.
fn host_of_url(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    name_in_host_header(authority)
}

/// The name of a `Host` header value (`example.org:1111` → `example.org`,
/// `[::1]:1111` → `[::1]`), or `None` when it is malformed.
fn name_in_host_header(value: &str) -> Option<String> {
    let value = value.trim();
    let (name, port) = if let Some(rest) = value.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        let v6: std::net::Ipv6Addr = inside.parse().ok()?;
        (format!("[{v6}]"), after.strip_prefix(':'))
    } else {
        match value.rsplit_once(':') {
            Some((name, port)) => (name.to_owned(), Some(port)),
            None => (value.to_owned(), None),
        }
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let name = host_name(&name);
    let name_ok = !name.is_empty()
        && name.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'[' | b']' | b':')
        });
    (port_ok && name_ok).then_some(name)
}

/// The values of every header field `name` of `request`.
pub(super) fn header_values<'a>(
    request: &'a Request,
    name: &'static str,
) -> impl Iterator<Item = &'a str> {
    request
        .headers()
        .iter()
        .filter(move |h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// A refusal's status and its reason, before it is written in a language.
pub(super) type Refused = (u16, Said);

/// 414 or 431 for a request whose target or headers are too long.
pub(super) fn oversized(request: &Request) -> Option<Refused> {
    if request.url().len() > MAX_TARGET_BYTES {
        return Some((414, crate::t!("serve-refused-target-long")));
    }
    let headers = request.headers();
    let bytes: usize = headers
        .iter()
        .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len())
        .sum();
    (headers.len() > MAX_HEADERS || bytes > MAX_HEADER_BYTES)
        .then(|| (431, crate::t!("serve-refused-headers-large")))
}

/// 405 for anything but `GET` and `HEAD`: the preview changes nothing.
fn wrong_method(method: &Method) -> Option<Refused> {
    (!matches!(method, Method::Get | Method::Head))
        .then(|| (405, crate::t!("serve-refused-method")))
}

/// 400 for lengths that two servers could read differently: several different
/// `Content-Length` values, one that is not a number, or one beside `Transfer-Encoding`.
pub(super) fn ambiguous_length(request: &Request) -> Option<Refused> {
    let mut lengths = header_values(request, "Content-Length").flat_map(|v| v.split(','));
    let first = lengths.next();
    let mut all = first
        .into_iter()
        .chain(lengths)
        .map(|v| v.trim().parse::<u64>());
    let consistent = match all.next() {
        None => true,
        Some(Ok(length)) => all.all(|other| other == Ok(length)),
        Some(Err(_)) => false,
    };
    let chunked = header_values(request, "Transfer-Encoding").next().is_some();
    (!consistent || (first.is_some() && chunked)).then(|| (400, crate::t!("serve-refused-lengths")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_own_names_are_allowed() {
        let loopback = OwnHosts::new("127.0.0.1", "127.0.0.1:1111".parse().ok(), None);
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
            "localhost.:80",
        ] {
            assert!(loopback.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1.evil.example:1111",
            "localhost.evil.example",
            "192.168.1.5:1111",
            "",
            "localhost:x",
            "local host",
            "[::1",
        ] {
            assert!(!loopback.allows(bad), "{bad}");
        }
        let everywhere = OwnHosts::new(
            "0.0.0.0",
            "0.0.0.0:1111".parse().ok(),
            Some("http://kx-preview.lan:1111/"),
        );
        for ok in [
            "192.168.1.5:1111",
            "[fe80::1]:1111",
            "kx-preview.lan:1111",
            "localhost",
        ] {
            assert!(everywhere.allows(ok), "{ok}");
        }
        assert!(!everywhere.allows("evil.example:1111"));
        let named = OwnHosts::new("::1", "[::1]:1111".parse().ok(), None);
        assert!(named.allows("[0:0:0:0:0:0:0:1]:1111"));
        assert!(!named.allows("192.168.1.5"));
    }
}
