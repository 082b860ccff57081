//! Which addresses menhu never requests (`check --external` at every hop of a redirect,
//! `load_data(url=…)` while rendering): a `skip` list, anything but `http`/`https`, and
//! hosts that are or resolve to a private,
//! loopback, link-local or otherwise non-public address (`127.0.0.1`, `10.0.0.0/8`,
//! `169.254.169.254`, `::1`, `fc00::/7` …). A site's links, or a server they point to,
//! could otherwise make the CI runner request its own cloud metadata service or
//! services on its private network, and tell by the answer what is there.
//!
//! Each hop is looked at before it is requested ([`hop_refusal`]), and the requests go
//! through [`GuardedResolver`], which checks the addresses a host name resolves to at
//! the moment of connecting, so a name that changes its answer in between (DNS
//! rebinding) is caught as well. Hosts listed in `allow_private` (or `*`) are exempt.

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Why a hop is not requested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// On the `skip` list.
    Skipped,
    /// Not a web address (`file:`, `ftp:` …).
    NotWeb(String),
    /// A private address, with the host and the address it is or resolves to.
    Private(String),
}

/// The hosts that may be private (`allow_private`): `host`, `host:port`, or `*`.
#[derive(Debug, Clone, Default)]
pub struct AllowPrivate(Vec<String>);

impl AllowPrivate {
    /// The allowance written in `[check.external] allow_private`.
    pub fn new(entries: &[String]) -> AllowPrivate {
        AllowPrivate(
            entries
                .iter()
                .map(|e| e.trim().to_ascii_lowercase())
                .collect(),
        )
    }

    fn allows(&self, host: &str, port: Option<u16>) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.0.iter().any(|entry| {
            entry == "*" || *entry == host || port.is_some_and(|p| *entry == format!("{host}:{p}"))
        })
    }
}

/// True for addresses that are not on the public internet: loopback, private,
/// link-local (cloud metadata at 169.254.169.254), shared (100.64.0.0/10), unspecified,
/// broadcast, multicast, reserved, and their IPv6 kin, IPv4 inside IPv6 included.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_private_v4(v4),
        IpAddr::V6(v6) => is_private_v6(v6),
    }
}

fn is_private_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || a == 0
        || a >= 240
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (18..20).contains(&b))
}

fn is_private_v6(ip: Ipv6Addr) -> bool {
    let segments = ip.segments();
    let embedded_v4 = ip.to_ipv4_mapped().or_else(|| {
        // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
        let tail = Ipv4Addr::from(((segments[6] as u32) << 16) | segments[7] as u32);
        match segments {
            [0, 0, 0, 0, 0, 0, _, _] => Some(tail),
            [0x64, 0xff9b, 0, 0, 0, 0, _, _] => Some(tail),
            [0x2002, hi, lo, ..] => Some(Ipv4Addr::from(((hi as u32) << 16) | lo as u32)),
            _ => None,
        }
    });
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_unique_local()
        || ip.is_unicast_link_local()
        || (segments[0] & 0xffc0) == 0xfec0
        || embedded_v4.is_some_and(is_private_v4)
}

/// True for a URL starting with an entry of `skip` (a trailing `*` is allowed).
pub fn is_skipped(url: &str, skip: &[String]) -> bool {
    skip.iter()
        .map(|s| s.trim_end_matches('*'))
        .any(|prefix| !prefix.is_empty() && url.starts_with(prefix))
}

/// Why `url`, one hop of a request, must not be requested, if it must not.
pub fn hop_refusal(url: &str, skip: &[String], allow: &AllowPrivate) -> Option<Refusal> {
    if is_skipped(url, skip) {
        return Some(Refusal::Skipped);
    }
    let scheme = crate::url_scheme::scheme_of(url);
    if !matches!(scheme.as_deref(), Some("http" | "https")) {
        return Some(Refusal::NotWeb(url.to_owned()));
    }
    let Ok(uri) = url.parse::<Uri>() else {
        return None; // The request itself reports a malformed address.
    };
    let host = uri.host()?;
    let port = uri
        .port_u16()
        .unwrap_or(if uri.scheme_str() == Some("https") {
            443
        } else {
            80
        });
    if allow.allows(host, uri.port_u16()) {
        return None;
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addresses: Vec<IpAddr> = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        // A name that does not resolve is left to the request, which says so.
        Err(_) => (bare, port)
            .to_socket_addrs()
            .map(|found| found.map(|a| a.ip()).collect())
            .unwrap_or_default(),
    };
    addresses
        .into_iter()
        .find(|ip| is_private(*ip))
        .map(|ip| Refusal::Private(describe(host, ip)))
}

fn describe(host: &str, ip: IpAddr) -> String {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.parse::<IpAddr>().is_ok() {
        format!("`{host}` is a private or local address")
    } else {
        format!("`{host}` resolves to {ip}, a private or local address")
    }
}

/// The error a [`GuardedResolver`] refuses a connection with, found again in the
/// request's error by [`blocked_by_resolver`].
#[derive(Debug)]
struct BlockedAddress(String);

impl fmt::Display for BlockedAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BlockedAddress {}

/// The reason, when `error` is a connection the resolver refused.
pub fn blocked_by_resolver(error: &ureq::Error) -> Option<String> {
    match error {
        ureq::Error::Io(e) => e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<BlockedAddress>())
            .map(|b| b.0.clone()),
        _ => None,
    }
}

/// ureq's resolver, refusing to connect to a private address unless its host is
/// allowed. The proxy, when one is set, is the operator's and is not checked.
#[derive(Debug)]
pub struct GuardedResolver {
    allow: AllowPrivate,
    inner: DefaultResolver,
}

impl GuardedResolver {
    /// A resolver that lets `allow`'s hosts be private.
    pub fn new(allow: AllowPrivate) -> GuardedResolver {
        GuardedResolver {
            allow,
            inner: DefaultResolver::default(),
        }
    }
}

impl Resolver for GuardedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let found = self.inner.resolve(uri, config, timeout)?;
        let host = uri.host().unwrap_or_default();
        let is_proxy = config.proxy().is_some_and(|p| p.host() == host);
        if is_proxy || self.allow.allows(host, uri.port_u16()) {
            return Ok(found);
        }
        match found.iter().map(SocketAddr::ip).find(|ip| is_private(*ip)) {
            Some(ip) => Err(ureq::Error::Io(io::Error::new(
                io::ErrorKind::PermissionDenied,
                BlockedAddress(describe(host, ip)),
            ))),
            None => Ok(found),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_local_addresses_are_recognised() {
        for private in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.100.100.200",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:a9fe:a9fe::1",
        ] {
            assert!(is_private(private.parse().unwrap()), "{private}");
        }
        for public in ["1.1.1.1", "202.108.22.5", "2400:3200::1", "::ffff:8.8.8.8"] {
            assert!(!is_private(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn the_resolver_refuses_to_connect_to_a_private_address() {
        // What a name resolving to a public address when checked and to a private one
        // when connected (DNS rebinding) meets: the check at the moment of connecting.
        let agent = |allow: &[&str]| {
            let allow: Vec<String> = allow.iter().map(|a| (*a).to_owned()).collect();
            ureq::Agent::with_parts(
                ureq::Agent::config_builder().build(),
                ureq::unversioned::transport::DefaultConnector::default(),
                GuardedResolver::new(AllowPrivate::new(&allow)),
            )
        };
        let refused = agent(&[]).get("http://localhost:9/").call();
        let why = refused.as_ref().err().and_then(blocked_by_resolver);
        assert!(
            why.is_some_and(|w| w.contains("resolves to")),
            "{refused:?}"
        );
        let allowed = agent(&["localhost"]).get("http://localhost:9/").call();
        assert!(
            allowed
                .as_ref()
                .err()
                .and_then(blocked_by_resolver)
                .is_none()
        );
    }

    #[test]
    fn hops_are_refused_for_what_they_are() {
        let none = AllowPrivate::default();
        let skip = vec!["https://www.gov.cn/*".to_owned()];
        assert_eq!(
            hop_refusal("https://www.gov.cn/x", &skip, &none),
            Some(Refusal::Skipped)
        );
        assert!(matches!(
            hop_refusal("file:///etc/passwd", &skip, &none),
            Some(Refusal::NotWeb(_))
        ));
        for url in [
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:8080/",
            "http://[::1]/",
            "http://[::ffff:10.0.0.1]/",
            "http://localhost/",
        ] {
            assert!(
                matches!(hop_refusal(url, &skip, &none), Some(Refusal::Private(_))),
                "{url}"
            );
        }
        let some = AllowPrivate::new(&["127.0.0.1:8080".to_owned(), "LOCALHOST".to_owned()]);
        assert_eq!(hop_refusal("http://127.0.0.1:8080/", &skip, &some), None);
        assert_eq!(hop_refusal("http://localhost:9/", &skip, &some), None);
        assert!(hop_refusal("http://127.0.0.1:8081/", &skip, &some).is_some());
        let all = AllowPrivate::new(&["*".to_owned()]);
        assert_eq!(hop_refusal("http://10.0.0.1/", &skip, &all), None);
    }
}
