//! Links: the `<a>` tags menhu writes itself (external-link attributes, heading anchors),
//! the message for a broken `@/` link, and the HTML escaping they need.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::MarkdownOptions;
use crate::diag::text::Said;
use crate::html_text;

/// The attributes added to links that leave the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkAttributes {
    target_blank: bool,
    rel: String,
}

impl LinkAttributes {
    pub fn from_options(opts: &MarkdownOptions) -> LinkAttributes {
        let rel: Vec<&str> = [
            (opts.external_links_target_blank, "noopener"),
            (opts.external_links_no_follow, "nofollow"),
            (opts.external_links_no_referrer, "noreferrer"),
        ]
        .into_iter()
        .filter_map(|(on, value)| on.then_some(value))
        .collect();
        LinkAttributes {
            target_blank: opts.external_links_target_blank,
            rel: rel.join(" "),
        }
    }

    /// The opening `<a …>` tag for a link to `href`; `written` is the destination as
    /// written, which decides whether the link leaves the site (a resolved `@/` link is
    /// an absolute URL too, but internal).
    pub fn open_tag(&self, email: bool, written: &str, href: &str, title: &str) -> String {
        let mut tag = String::with_capacity(href.len() + 32);
        tag.push_str("<a href=\"");
        if email {
            tag.push_str("mailto:");
        }
        push_escaped_href(&mut tag, href);
        tag.push('"');
        if !title.is_empty() {
            tag.push_str(" title=\"");
            html_text::push_escaped(&mut tag, title);
            tag.push('"');
        }
        if !email && is_external(written) {
            if self.target_blank {
                tag.push_str(" target=\"_blank\"");
            }
            if !self.rel.is_empty() {
                tag.push_str(" rel=\"");
                tag.push_str(&self.rel);
                tag.push('"');
            }
        }
        tag.push('>');
        tag
    }
}

/// True for absolute http(s) URLs.
pub(crate) fn is_external(href: &str) -> bool {
    let lower = |n: usize| href.get(..n).map(str::to_ascii_lowercase);
    lower(7).as_deref() == Some("http://") || lower(8).as_deref() == Some("https://")
}

/// The anchor link placed beside a heading (`AnchorLinks::Left` / `Right`).
pub(crate) fn anchor_link(id: &str, title: &str) -> String {
    let mut html = String::from("<a class=\"anchor\" href=\"#");
    html_text::push_escaped(&mut html, id);
    html.push_str("\" aria-label=\"本节链接：");
    html_text::push_escaped(&mut html, title);
    html.push_str("\">#</a>");
    html
}

/// The opening tag when the heading text itself is the link (`AnchorLinks::Heading`).
pub(crate) fn heading_link_open(id: &str) -> String {
    let mut html = String::from("<a class=\"anchor\" href=\"#");
    html_text::push_escaped(&mut html, id);
    html.push_str("\">");
    html
}

/// Message and help for an `@/` link that points to no page; `near` is the key of the
/// existing page it most likely meant.
pub(crate) fn broken_link_message(dest: &str, near: Option<&str>) -> (Said, Said) {
    let message = crate::t!("markdown-broken-link", link = dest);
    let help = match near {
        Some(near) => {
            let anchor = dest.find('#').map_or("", |at| &dest[at..]);
            crate::t!("config-did-you-mean", key = format!("@/{near}{anchor}"))
        }
        None => crate::t!("markdown-broken-link.help"),
    };
    (message, help)
}

/// True for a network site name: `[a-z0-9-]`, not empty (`wuzhou` in `@wuzhou:/x.md`).
pub(crate) fn is_site_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The message and help of a broken `@site:/path.md` link (E0911).
pub(crate) fn broken_site_link_message(
    dest: &str,
    site: &str,
    why: &super::SiteLinkError,
) -> (Said, Said) {
    match why {
        super::SiteLinkError::NoSite(near) => (
            crate::t!(
                "markdown-broken-site-link.no-site",
                link = dest,
                site = site
            ),
            match near {
                Some(near) => crate::t!("network-did-you-mean", name = near),
                None => crate::t!("markdown-broken-site-link.help"),
            },
        ),
        super::SiteLinkError::NoPage(near) => (
            crate::t!("markdown-broken-site-link", link = dest, site = site),
            match near {
                Some(near) => {
                    let anchor = dest.find('#').map_or("", |at| &dest[at..]);
                    crate::t!(
                        "config-did-you-mean",
                        key = format!("@{site}:/{near}{anchor}")
                    )
                }
                None => crate::t!("markdown-broken-site-link.help"),
            },
        ),
    }
}

/// Bytes an `href` keeps as they are (as pulldown-cmark does): letters, digits and
/// the URL punctuation below; `&` and `'` are kept for HTML escaping. Everything else is
/// percent-encoded.
const HREF_ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'!')
    .remove(b'*')
    .remove(b'(')
    .remove(b')')
    .remove(b';')
    .remove(b':')
    .remove(b'@')
    .remove(b'=')
    .remove(b'+')
    .remove(b'$')
    .remove(b',')
    .remove(b'/')
    .remove(b'?')
    .remove(b'#')
    .remove(b'[')
    .remove(b']')
    .remove(b'%')
    .remove(b'&')
    .remove(b'\'');

/// Appends a URL for an `href`: characters unsafe in URLs percent-encoded, `&` and `'`
/// escaped.
fn push_escaped_href(out: &mut String, href: &str) {
    for piece in utf8_percent_encode(href, HREF_ENCODED) {
        for c in piece.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '\'' => out.push_str("&#x27;"),
                c => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_links_get_the_configured_attributes() {
        let opts = MarkdownOptions {
            external_links_target_blank: true,
            external_links_no_follow: true,
            external_links_no_referrer: true,
            ..MarkdownOptions::default()
        };
        let attrs = LinkAttributes::from_options(&opts);
        assert_eq!(
            attrs.open_tag(
                false,
                "https://example.org/a?b=1&c=2",
                "https://example.org/a?b=1&c=2",
                ""
            ),
            "<a href=\"https://example.org/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener nofollow noreferrer\">"
        );
        assert_eq!(
            attrs.open_tag(false, "/news/", "/news/", "t\"x"),
            "<a href=\"/news/\" title=\"t&quot;x\">"
        );
        assert_eq!(
            attrs.open_tag(true, "a@b.org", "a@b.org", ""),
            "<a href=\"mailto:a@b.org\">"
        );
    }

    #[test]
    fn no_attributes_when_options_are_off() {
        let attrs = LinkAttributes::from_options(&MarkdownOptions::default());
        assert_eq!(
            attrs.open_tag(false, "HTTP://x.org", "HTTP://x.org", ""),
            "<a href=\"HTTP://x.org\">"
        );
    }

    #[test]
    fn recognises_external_urls() {
        for (href, external) in [
            ("http://a.org", true),
            ("HTTPS://a.org/x", true),
            ("/a/", false),
            ("#x", false),
            ("ht", false),
            ("mailto:x", false),
        ] {
            assert_eq!(is_external(href), external, "{href}");
        }
    }

    #[test]
    fn hrefs_are_percent_encoded() {
        let mut out = String::new();
        push_escaped_href(&mut out, "/新闻/a b\"<");
        assert_eq!(out, "/%E6%96%B0%E9%97%BB/a%20b%22%3C");
    }
}
