//! Addresses and ids in the HTML menhu itself wrote, read from the start tags that
//! [`crate::html_text::tags`] finds.

use crate::html_text::Tag;

/// Decodes `%XX` escapes (UTF-8); invalid sequences are kept as written.
pub(crate) fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
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
