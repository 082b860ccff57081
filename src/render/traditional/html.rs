//! The Traditional copy's rules for links and files: which outputs get a copy, and links
//! to pages moved under `/zh-hant/`. How markup splits into text and tags is
//! [`crate::html_text`]'s.

use super::PREFIX;

/// Outputs that get a Traditional copy: pages, feeds and JSON data (such as a search
/// index). The sitemap, robots.txt and stylesheets are the site's alone.
pub fn is_converted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    if path == "sitemap.xml" || name == "robots.txt" {
        return false;
    }
    [".html", ".htm", ".xml", ".json"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Moves links to pages of the site under `/zh-hant/`: absolute ones (`{base_url}/x/`)
/// and root-relative `href="/x/"`. Files (CSS, images, attachments) are shared, so only
/// targets the copy has move: a path ending in `/`, or a page, feed or data file that
/// [`is_converted`] (not `sitemap.xml`). A tag with `hreflang` names its target's script
/// on purpose and is left alone.
///
/// `text` is taken whole and handed back as it is when no link moves.
pub fn rewrite_links(text: String, base_url: &str) -> String {
    let absolute = format!("{}/", base_url.trim_end_matches('/'));
    let once = if base_url.contains("://") {
        rewrite_after(&text, &absolute).unwrap_or(text)
    } else {
        text
    };
    rewrite_after(&once, "href=\"/").unwrap_or(once)
}

/// `text` with `zh-hant/` inserted after every `needle` that starts a link to a page;
/// `None` when there is none.
fn rewrite_after(text: &str, needle: &str) -> Option<String> {
    let mut out = String::new();
    let mut last = 0;
    // Every page of the copy is searched twice: `memmem` is several times faster on
    // pages than `str::match_indices`.
    for at in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
        let start = at + needle.len();
        let rest = &text[start..];
        let end = rest
            .find(['"', '\'', '<', '>', ' ', '\n', '\t', ')'])
            .unwrap_or(rest.len());
        let target = &rest[..end];
        if !is_page_target(target) || in_hreflang_tag(text, at) {
            continue;
        }
        if out.is_empty() {
            out.reserve(text.len() + text.len() / 16);
        }
        out.push_str(&text[last..start]);
        out.push_str(PREFIX);
        out.push('/');
        last = start;
    }
    if last == 0 {
        return None;
    }
    out.push_str(&text[last..]);
    Some(out)
}

fn is_page_target(target: &str) -> bool {
    let copied = target
        .strip_prefix(PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if copied || target.starts_with('/') {
        return false;
    }
    let path = target.split(['?', '#']).next().unwrap_or(target);
    path.is_empty() || path.ends_with('/') || is_converted(path)
}

/// True when the tag around byte `at` has an `hreflang` attribute.
fn in_hreflang_tag(text: &str, at: usize) -> bool {
    let open = text[..at].rfind('<');
    let close_before = text[..at].rfind('>');
    let Some(open) = open else {
        return false;
    };
    if close_before.is_some_and(|c| c > open) {
        return false;
    }
    let close = text[at..].find('>').map_or(text.len(), |c| at + c);
    text[open..close].contains("hreflang=")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://kx.example.org";

    #[test]
    fn moves_page_links_and_leaves_files_and_switch_links() {
        let html = concat!(
            "<a href=\"https://kx.example.org/news/x/\">a</a>",
            "<a href=\"https://kx.example.org/\">home</a>",
            "<link rel=\"stylesheet\" href=\"https://kx.example.org/css/portal.css\">",
            "<a href=\"https://kx.example.org/news/x/baoming.pdf\">pdf</a>",
            "<a href=\"/about/#team\">rel</a>",
            "<a href=\"https://kx.example.org/x/\" hreflang=\"zh-Hans\">简体</a>",
            "<a href=\"https://kx.example.org/zh-hant/x/\">already</a>",
            "<loc>https://kx.example.org/feed.xml</loc>",
            "<a href=\"https://kx.example.org/sitemap.xml\">map</a>",
        );
        let out = rewrite_links(html.to_owned(), BASE);
        assert!(out.contains("href=\"https://kx.example.org/zh-hant/news/x/\""));
        assert!(out.contains("href=\"https://kx.example.org/zh-hant/\">home"));
        assert!(out.contains("href=\"https://kx.example.org/css/portal.css\""));
        assert!(out.contains("href=\"https://kx.example.org/news/x/baoming.pdf\""));
        assert!(out.contains("href=\"/zh-hant/about/#team\""));
        assert!(out.contains("href=\"https://kx.example.org/x/\" hreflang"));
        assert!(out.contains("href=\"https://kx.example.org/zh-hant/x/\">already"));
        assert!(out.contains("<loc>https://kx.example.org/zh-hant/feed.xml</loc>"));
        assert!(out.contains("href=\"https://kx.example.org/sitemap.xml\""));
        assert_eq!(
            rewrite_links("<p>no links</p>".to_owned(), BASE),
            "<p>no links</p>"
        );
    }

    #[test]
    fn copies_pages_feeds_and_data_but_not_site_files() {
        assert!(is_converted("news/x/index.html"));
        assert!(is_converted("atom.xml"));
        assert!(is_converted("search/index.json"));
        assert!(!is_converted("sitemap.xml"));
        assert!(!is_converted("robots.txt"));
        assert!(!is_converted("highlight.css"));
    }
}
