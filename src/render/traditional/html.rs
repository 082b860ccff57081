//! Markup as the Traditional copy reads it: text between tags and tags from `<` to
//! `>`, attribute values that people read (converted) and those that are markup (ids,
//! URLs, classes: kept byte for byte, so anchors and links still match), the text a
//! `translate="no"` start tag marks as not to be converted, and links to pages moved
//! under `/zh-hant/`.

use std::borrow::Cow;

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

/// Marks a start tag whose following text stays as written (the script switch names
/// the other script in its own characters).
pub const NO_TRANSLATE: &str = "translate=\"no\"";

/// Attributes whose values are words people read; every other attribute (ids, URLs,
/// classes) is markup and keeps its bytes, so anchors and links still match.
pub const READABLE_ATTRIBUTES: &[&str] = &[
    "alt",
    "title",
    "aria-label",
    "content",
    "placeholder",
    "label",
    "summary",
];

/// A piece of markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    /// Text up to the next `<`.
    Text(&'a str),
    /// From `<` to the next `>` (or the end).
    Tag(&'a str),
}

/// The text and tags of `markup`, in order. Text that is not markup at all (JSON) is
/// one text part.
pub fn parts(markup: &str) -> impl Iterator<Item = Part<'_>> {
    let mut rest = markup;
    let mut next_is_tag = false;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = if next_is_tag {
            rest.find('>').map_or(rest.len(), |i| i + 1)
        } else {
            rest.find('<').unwrap_or(rest.len())
        };
        let (part, after) = rest.split_at(end);
        rest = after;
        let was_tag = next_is_tag;
        next_is_tag = !next_is_tag;
        Some(if was_tag {
            Part::Tag(part)
        } else {
            Part::Text(part)
        })
    })
    .filter(|part| !matches!(part, Part::Text("")))
}

/// The `name="value"` attributes of `tag`: each name as written and the byte range of
/// its value.
fn attribute_spans(tag: &str) -> impl Iterator<Item = (&str, std::ops::Range<usize>)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let eq = from + tag[from..].find("=\"")?;
        let name_start = tag[from..eq]
            .rfind(|c: char| c.is_ascii_whitespace())
            .map_or(from, |i| from + i + 1);
        let value_start = eq + 2;
        let value_end = tag[value_start..]
            .find('"')
            .map_or(tag.len(), |i| value_start + i);
        from = value_end;
        Some((&tag[name_start..eq], value_start..value_end))
    })
}

/// Copies `tag` to `out`, replacing each `name="value"` value for which `edit` (given
/// the lower-cased name and the value) returns a new one.
pub fn edit_tag<'v>(
    tag: &'v str,
    out: &mut String,
    mut edit: impl FnMut(&str, &'v str) -> Option<Cow<'v, str>>,
) {
    let mut copied = 0;
    for (name, value) in attribute_spans(tag) {
        if let Some(new) = edit(&name.to_ascii_lowercase(), &tag[value.clone()]) {
            out.push_str(&tag[copied..value.start]);
            out.push_str(&new);
            copied = value.end;
        }
    }
    out.push_str(&tag[copied..]);
}

/// The value of attribute `name` (any case) in `tag`, as written.
pub fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    attribute_spans(tag)
        .find(|(attribute, _)| attribute.eq_ignore_ascii_case(name))
        .map(|(_, value)| &tag[value])
}

/// Applies `convert` to the text of `markup` and to readable attribute values, leaving
/// tags, ids and URLs alone, and the text right after a `translate="no"` start tag.
pub fn convert_markup(markup: &str, convert: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(markup.len() + markup.len() / 8);
    let mut keep_next_text = false;
    for part in parts(markup) {
        match part {
            Part::Text(text) if keep_next_text => out.push_str(text),
            Part::Text(text) => out.push_str(&convert(text)),
            Part::Tag(tag) => {
                keep_next_text = tag.contains(NO_TRANSLATE);
                if tag.is_ascii() {
                    out.push_str(tag);
                } else {
                    edit_tag(tag, &mut out, |name, value| {
                        READABLE_ATTRIBUTES
                            .contains(&name)
                            .then(|| Cow::Owned(convert(value)))
                    });
                }
            }
        }
    }
    out
}

/// Moves links to pages of the site under `/zh-hant/`: absolute ones (`{base_url}/x/`)
/// and root-relative `href="/x/"`. Files (CSS, images, attachments) are shared, so only
/// targets the copy has move: a path ending in `/`, or a page, feed or data file that
/// [`is_converted`] (not `sitemap.xml`). A tag with `hreflang` names its target's script
/// on purpose and is left alone.
pub fn rewrite_links(text: &str, base_url: &str) -> String {
    let absolute = format!("{}/", base_url.trim_end_matches('/'));
    let once = if base_url.contains("://") {
        rewrite_after(text, &absolute)
    } else {
        Cow::Borrowed(text)
    };
    rewrite_after(&once, "href=\"/").into_owned()
}

/// Inserts `zh-hant/` after every `needle` that starts a link to a page.
fn rewrite_after<'t>(text: &'t str, needle: &str) -> Cow<'t, str> {
    let mut out = String::new();
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
        if out.is_empty() {
            out.reserve(text.len() + text.len() / 16);
        }
        out.push_str(&text[last..start]);
        out.push_str(PREFIX);
        out.push('/');
        last = start;
    }
    if last == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
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
        assert_eq!(rewrite_links("<p>no links</p>", BASE), "<p>no links</p>");
    }

    fn to_traditional(text: &str) -> String {
        crate::zh::to_traditional(text)
    }

    #[test]
    fn converts_text_but_keeps_untranslated_labels() {
        let html = "<p>科学技术协会</p><a translate=\"no\" lang=\"zh-Hans\">简体</a><p>发展</p>";
        assert_eq!(
            convert_markup(html, to_traditional),
            "<p>科學技術協會</p><a translate=\"no\" lang=\"zh-Hans\">简体</a><p>發展</p>"
        );
    }

    #[test]
    fn keeps_ids_and_urls_but_converts_readable_attributes() {
        let html = "<h2 id=\"发展规划\"><a href=\"#发展规划\" title=\"发展规划\">发展规划</a></h2><img src=\"/标签/发展/\" alt=\"头发\">";
        assert_eq!(
            convert_markup(html, to_traditional),
            "<h2 id=\"发展规划\"><a href=\"#发展规划\" title=\"發展規劃\">發展規劃</a></h2><img src=\"/标签/发展/\" alt=\"頭髮\">"
        );
        assert_eq!(
            convert_markup("{\"t\":\"发展\"}", to_traditional),
            "{\"t\":\"發展\"}"
        );
    }

    #[test]
    fn splits_markup_into_text_and_tags() {
        let found: Vec<Part> = parts("a<b x=\"1\">c</b><br").collect();
        assert_eq!(
            found,
            [
                Part::Text("a"),
                Part::Tag("<b x=\"1\">"),
                Part::Text("c"),
                Part::Tag("</b>"),
                Part::Tag("<br")
            ]
        );
        assert_eq!(
            attribute("<a href=\"/x/\" HREFLANG=\"zh-Hant\">", "hreflang"),
            Some("zh-Hant")
        );
        assert_eq!(attribute("<a href=\"/x/\">", "lang"), None);
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
