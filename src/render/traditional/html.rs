//! One rendered output → its Traditional copy: text converted with OpenCC (markup is
//! ASCII and passes unchanged), links to pages moved under `/zh-hant/`, and texts
//! written in Traditional put back as written.

use super::PREFIX;
use super::source::Restore;

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

/// The Traditional copy of one output's bytes. Bytes that are not UTF-8 stay as they are.
pub fn convert_output(body: &[u8], base_url: &str, restore: &Restore) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(body) else {
        return body.to_vec();
    };
    let converted = convert_text(text);
    let linked = rewrite_links(&converted, base_url);
    restore.apply(linked).into_bytes()
}

/// Converts text to Traditional, except the text right after a start tag carrying
/// `translate="no"` (the script switch names the other script in its own characters).
pub fn convert_text(text: &str) -> String {
    convert_markup(text, crate::zh::to_traditional)
}

/// Attributes whose values are words people read; every other attribute (ids, URLs,
/// classes) is markup and keeps its bytes, so anchors and links still match.
const READABLE_ATTRIBUTES: &[&str] = &[
    "alt",
    "title",
    "aria-label",
    "content",
    "placeholder",
    "label",
    "summary",
];

/// Applies `convert` to the text of `markup` and to readable attribute values, leaving
/// tags, ids and URLs alone. Text that is not markup at all (JSON) is converted whole.
pub fn convert_markup(markup: &str, convert: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(markup.len() + markup.len() / 8);
    let mut rest = markup;
    let mut keep_next_text = false;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        let (text, after) = rest.split_at(text_end);
        if keep_next_text {
            out.push_str(text);
        } else {
            out.push_str(&convert(text));
        }
        if after.is_empty() {
            break;
        }
        let tag_end = after.find('>').map_or(after.len(), |i| i + 1);
        let (tag, next) = after.split_at(tag_end);
        keep_next_text = tag.contains("translate=\"no\"");
        convert_tag(tag, convert, &mut out);
        rest = next;
    }
    out
}

/// Copies one tag, converting the values of readable attributes.
fn convert_tag(tag: &str, convert: fn(&str) -> String, out: &mut String) {
    if !tag.chars().any(crate::zh::is_han) {
        out.push_str(tag);
        return;
    }
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name_start = rest[..eq]
            .rfind(|c: char| c.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
        let name = rest[name_start..eq].to_ascii_lowercase();
        let value_start = eq + 2;
        let value_end = rest[value_start..]
            .find('"')
            .map_or(rest.len(), |i| value_start + i);
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_end];
        if READABLE_ATTRIBUTES.contains(&name.as_str()) {
            out.push_str(&convert(value));
        } else {
            out.push_str(value);
        }
        rest = &rest[value_end..];
    }
    out.push_str(rest);
}

/// Moves links to pages of the site under `/zh-hant/`: absolute ones (`{base_url}/x/`)
/// and root-relative `href="/x/"`. Files (CSS, images, attachments) are shared, so only
/// targets the copy has move: a path ending in `/`, or a page, feed or data file that
/// [`is_converted`] (not `sitemap.xml`). A tag with
/// `hreflang` names its target's script on purpose and is left alone.
pub fn rewrite_links(text: &str, base_url: &str) -> String {
    let absolute = format!("{}/", base_url.trim_end_matches('/'));
    let once = if base_url.contains("://") {
        rewrite_after(text, &absolute)
    } else {
        text.to_owned()
    };
    rewrite_after(&once, "href=\"/")
}

/// Inserts `zh-hant/` after every `needle` that starts a link to a page.
fn rewrite_after(text: &str, needle: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut last = 0;
    for (at, _) in text.match_indices(needle) {
        let start = at + needle.len();
        let rest = &text[start..];
        let end = rest
            .find(['"', '\'', '<', '>', ' ', '\n', '\t', ')'])
            .unwrap_or(rest.len());
        let target = &rest[..end];
        if !is_page_target(target) || in_hreflang_tag(text, at) {
            continue;
        }
        out.push_str(&text[last..start]);
        out.push_str(PREFIX);
        out.push('/');
        last = start;
    }
    out.push_str(&text[last..]);
    out
}

fn is_page_target(target: &str) -> bool {
    if target == PREFIX || target.starts_with(&format!("{PREFIX}/")) || target.starts_with('/') {
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
        let out = rewrite_links(html, BASE);
        assert!(out.contains("href=\"https://kx.example.org/zh-hant/news/x/\""));
        assert!(out.contains("href=\"https://kx.example.org/zh-hant/\">home"));
        assert!(out.contains("href=\"https://kx.example.org/css/portal.css\""));
        assert!(out.contains("href=\"https://kx.example.org/news/x/baoming.pdf\""));
        assert!(out.contains("href=\"/zh-hant/about/#team\""));
        assert!(out.contains("href=\"https://kx.example.org/x/\" hreflang"));
        assert!(out.contains("href=\"https://kx.example.org/zh-hant/x/\">already"));
        assert!(out.contains("<loc>https://kx.example.org/zh-hant/feed.xml</loc>"));
        assert!(out.contains("href=\"https://kx.example.org/sitemap.xml\""));
    }

    #[test]
    fn converts_text_but_keeps_untranslated_labels() {
        let html = "<p>科学技术协会</p><a translate=\"no\" lang=\"zh-Hans\">简体</a><p>发展</p>";
        assert_eq!(
            convert_text(html),
            "<p>科學技術協會</p><a translate=\"no\" lang=\"zh-Hans\">简体</a><p>發展</p>"
        );
    }

    #[test]
    fn keeps_ids_and_urls_but_converts_readable_attributes() {
        let html = "<h2 id=\"发展规划\"><a href=\"#发展规划\" title=\"发展规划\">发展规划</a></h2><img src=\"/标签/发展/\" alt=\"头发\">";
        assert_eq!(
            convert_text(html),
            "<h2 id=\"发展规划\"><a href=\"#发展规划\" title=\"發展規劃\">發展規劃</a></h2><img src=\"/标签/发展/\" alt=\"頭髮\">"
        );
        assert_eq!(convert_text("{\"t\":\"发展\"}"), "{\"t\":\"發展\"}");
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
