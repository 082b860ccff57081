//! Where a link written in a page points: this site (a path and an anchor, `.` and `..`
//! resolved, percent-escapes decoded), another site, or nowhere to check (`mailto:`…).
//! Links are read as the browser reads them on the page at a given path, with the
//! site's base URL (and its path part) taken off.

use super::html;

/// Where a link points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A path of this site (decoded, with leading `/`) and an anchor.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// An absolute http(s) URL of another site.
    External(String),
    /// `mailto:`, `tel:`, `javascript:` and the like: nothing to check.
    Ignored,
}

impl Target {
    /// The path and anchor (or URL) that identify the target.
    pub fn key(&self) -> String {
        match self {
            Target::Internal { path, fragment } => {
                format!("{path}#{}", fragment.as_deref().unwrap_or(""))
            }
            Target::External(url) => url.clone(),
            Target::Ignored => String::new(),
        }
    }
}

/// `/news/x/` for `news/x/index.html`; `/` for `404.html`.
pub(crate) fn url_path_of_output(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((folder, _)) => format!("/{folder}/"),
        None => "/".to_owned(),
    }
}

/// The site's base URL, split for classifying links.
pub(crate) struct Base {
    /// `https://kx.example.org` (no trailing `/`).
    origin_and_path: String,
    /// The path part of the base URL (`/sub` or empty).
    path: String,
}

impl Base {
    pub fn new(base_url: &str) -> Base {
        let base = base_url.trim_end_matches('/').to_owned();
        let after_scheme = base.split_once("://").map_or("", |(_, rest)| rest);
        let path = after_scheme
            .find('/')
            .map_or(String::new(), |i| after_scheme[i..].to_owned());
        Base {
            origin_and_path: base,
            path,
        }
    }

    /// Classifies `url` as written on the page at site path `from` (`/news/x/`).
    pub fn classify(&self, url: &str, from: &str) -> Target {
        let url = url.trim();
        if url.is_empty() {
            return Target::Ignored;
        }
        if let Some(rest) = url.strip_prefix(&self.origin_and_path)
            && (rest.is_empty() || rest.starts_with(['/', '#', '?']))
        {
            return internal(&format!("/{}", rest.trim_start_matches('/')), from);
        }
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return Target::External(url.to_owned());
        }
        if url.starts_with("//") {
            return Target::External(format!("https:{url}"));
        }
        if has_scheme(url) {
            return Target::Ignored;
        }
        let url = match url.strip_prefix(&self.path) {
            Some(rest) if !self.path.is_empty() && url.starts_with('/') => rest,
            _ => url,
        };
        internal(url, from)
    }
}

fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

fn internal(url: &str, from: &str) -> Target {
    let (url, fragment) = match url.split_once('#') {
        Some((u, f)) => (u, Some(html::percent_decode(f))),
        None => (url, None),
    };
    let url = url.split('?').next().unwrap_or_default();
    let joined = if url.is_empty() {
        from.to_owned()
    } else if url.starts_with('/') {
        url.to_owned()
    } else {
        format!("{from}{url}")
    };
    Target::Internal {
        path: normalize(&html::percent_decode(&joined)),
        fragment,
    }
}

/// Resolves `.` and `..` segments; keeps a trailing `/`.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let trailing = if path.ends_with('/') && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    format!("/{}{trailing}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn internal_path(t: Target) -> (String, Option<String>) {
        match t {
            Target::Internal { path, fragment } => (path, fragment),
            other => panic!("not internal: {other:?}"),
        }
    }

    #[test]
    fn classifies_links() {
        let base = Base::new("https://kx.example.org");
        let from = "/news/x/";
        assert_eq!(
            internal_path(base.classify("../y/#%E4%B8%80", from)),
            ("/news/y/".into(), Some("一".into()))
        );
        assert_eq!(
            internal_path(base.classify("https://kx.example.org/a/?q=1", from)).0,
            "/a/"
        );
        assert_eq!(internal_path(base.classify("#top", from)).0, "/news/x/");
        assert_eq!(
            internal_path(base.classify("chart%20a.svg", from)).0,
            "/news/x/chart a.svg"
        );
        assert_eq!(
            base.classify("https://www.gov.cn/", from),
            Target::External("https://www.gov.cn/".into())
        );
        assert_eq!(base.classify("mailto:a@b.cn", from), Target::Ignored);
        assert_eq!(base.classify("tel:0771", from), Target::Ignored);
    }

    #[test]
    fn base_url_with_a_path_is_stripped() {
        let base = Base::new("https://x.org/kx/");
        assert_eq!(internal_path(base.classify("/kx/news/", "/")).0, "/news/");
        assert_eq!(
            internal_path(base.classify("https://x.org/kx/news/", "/")).0,
            "/news/"
        );
    }

    #[test]
    fn output_paths_map_to_folders() {
        assert_eq!(url_path_of_output("news/x/index.html"), "/news/x/");
        assert_eq!(url_path_of_output("404.html"), "/");
        assert_eq!(normalize("/a/../../b/./c/"), "/b/c/");
    }
}
