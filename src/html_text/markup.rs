//! Markup as text converters read it: text between tags and tags from `<` to `>`,
//! attribute values that people read (converted) and those that are markup (ids, URLs,
//! classes: kept byte for byte, so anchors and links still match), and the text a
//! `translate="no"` start tag marks as not to be converted. Used for 简繁 conversion of
//! rendered pages, both ways.

use std::borrow::Cow;

/// Marks a start tag whose following text stays as written (the script switch names
/// the other script in its own characters).
pub const NO_TRANSLATE: &str = "translate=\"no\"";

/// Attributes whose values are words people read; every other attribute (ids, URLs,
/// classes) is markup and keeps its bytes, so anchors and links still match.
pub const READABLE_ATTRIBUTES: &[&str] = &[
    "alt",
    "title",
    "aria-label",
    "aria-roledescription",
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
pub fn convert_text(markup: &str, convert: fn(&str) -> String) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for OpenCC (this module is a leaf): the phrases the tests use.
    fn to_traditional(text: &str) -> String {
        [
            ("科学技术协会", "科學技術協會"),
            ("头发", "頭髮"),
            ("发展", "發展"),
            ("规划", "規劃"),
        ]
        .iter()
        .fold(text.to_owned(), |text, (s, t)| text.replace(s, t))
    }

    #[test]
    fn converts_text_but_keeps_untranslated_labels() {
        let html = "<p>科学技术协会</p><a translate=\"no\" lang=\"zh-Hans\">简体</a><p>发展</p>";
        assert_eq!(
            convert_text(html, to_traditional),
            "<p>科學技術協會</p><a translate=\"no\" lang=\"zh-Hans\">简体</a><p>發展</p>"
        );
    }

    #[test]
    fn keeps_ids_and_urls_but_converts_readable_attributes() {
        let html = "<h2 id=\"发展规划\"><a href=\"#发展规划\" title=\"发展规划\">发展规划</a></h2><img src=\"/标签/发展/\" alt=\"头发\">";
        assert_eq!(
            convert_text(html, to_traditional),
            "<h2 id=\"发展规划\"><a href=\"#发展规划\" title=\"發展規劃\">發展規劃</a></h2><img src=\"/标签/发展/\" alt=\"頭髮\">"
        );
        assert_eq!(
            convert_text("{\"t\":\"发展\"}", to_traditional),
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
}
