//! Addresses and ids in the HTML menhu itself wrote, read from the start tags that
//! [`crate::html_text::tags`] finds.

use crate::html_text::Tag;

/// Decodes `%XX` escapes (UTF-8); invalid sequences are kept as written, and a text
/// that does not decode to UTF-8 is kept whole.
pub(crate) fn percent_decode(text: &str) -> String {
    match percent_encoding::percent_decode_str(text).decode_utf8() {
        Ok(decoded) => decoded.into_owned(),
        Err(_) => text.to_owned(),
    }
}

/// Every `id` (and `<a name>`) in `html`, decoded.
pub(crate) fn ids(tags: &[Tag<'_>]) -> Vec<String> {
    tags.iter()
        .flat_map(|t| {
            let name = (t.name == "a").then(|| t.attr("name")).flatten();
            t.attr("id").into_iter().chain(name)
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html_text::tags;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("%E4%B8%80-%zz"), "一-%zz");
    }

    #[test]
    fn collects_ids_and_anchor_names() {
        let html = "<h2 id=\"yi-gai-kuang\">一</h2><a name=\"旧锚点\"></a><div id='二'></div>";
        assert_eq!(ids(&tags(html)), ["yi-gai-kuang", "旧锚点", "二"]);
    }
}
