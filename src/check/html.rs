//! A small scanner for the HTML menhu itself wrote: start tags with their attributes
//! (entities decoded), and the line each sits on. Comments, `<script>` and `<style>`
//! bodies are skipped. It is not a full HTML parser and need not be: it reads the
//! outputs of our own templates to find links, ids and `<meta>` tags.

/// One start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag<'a> {
    /// Lower-case tag name.
    pub name: String,
    /// Attributes in order: lower-case name, decoded value (empty for bare attributes).
    pub attrs: Vec<(String, String)>,
    /// Byte offset of `<` in the document.
    pub offset: usize,
    /// The raw text of the tag, for callers that want to show it.
    pub raw: &'a str,
}

impl Tag<'_> {
    /// The decoded value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every start tag of `html`, in document order.
pub(crate) fn tags(html: &str) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |end| start + end + 3);
            continue;
        }
        let name_len = rest[1..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if name_len == 0 || !bytes.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            at = start + 1;
            continue;
        }
        let name = rest[1..=name_len].to_ascii_lowercase();
        let (attrs, len) = attributes(&rest[1 + name_len..]);
        let end = (start + 1 + name_len + len).min(html.len());
        out.push(Tag {
            name: name.clone(),
            attrs,
            offset: start,
            raw: &html[start..end],
        });
        at = end;
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            at = find_ascii_case_insensitive(&html[at..], &close).map_or(html.len(), |i| at + i);
        }
    }
    out
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Parses attributes up to and including the closing `>`; returns them and the bytes read.
fn attributes(text: &str) -> (Vec<(String, String)>, usize) {
    let bytes = text.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    loop {
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            i += 1;
        }
        match bytes.get(i) {
            None => return (attrs, i),
            Some(b'>') => return (attrs, i + 1),
            _ => {}
        }
        let name_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
        {
            i += 1;
        }
        let name = text[name_start..i].to_ascii_lowercase();
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            if !name.is_empty() {
                attrs.push((name, String::new()));
            } else {
                i += 1;
            }
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let (value, len) = attribute_value(&text[i..]);
        i += len;
        attrs.push((name, decode_entities(value)));
    }
}

fn attribute_value(text: &str) -> (&str, usize) {
    match text.as_bytes().first() {
        Some(&quote @ (b'"' | b'\'')) => match text[1..].find(quote as char) {
            Some(end) => (&text[1..=end], end + 2),
            None => (&text[1..], text.len()),
        },
        _ => {
            let end = text
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(text.len());
            (&text[..end], end)
        }
    }
}

/// Decodes the character references templates produce: named ones for the HTML
/// specials, decimal and hex numeric ones. Unknown references are kept as written.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|end| *end <= 10)
            .and_then(|end| entity(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    let numeric = |digits: &str, radix| u32::from_str_radix(digits, radix).ok();
    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        numeric(hex, 16)
    } else if let Some(dec) = name.strip_prefix('#') {
        numeric(dec, 10)
    } else {
        return match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => None,
        };
    };
    code.and_then(char::from_u32)
}

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

    #[test]
    fn reads_tags_and_decoded_attributes() {
        let html = "<p>x</p><!-- <a href=\"no\"> --><a class=x href=\"/a?b=1&amp;c=2\" data-x='y'>t</a><script>if (a<b) {\"<a href=z>\"}</script><IMG SRC=/i.png alt>";
        let found = tags(html);
        let names: Vec<&str> = found.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["p", "a", "script", "img"]);
        assert_eq!(found[1].attr("href"), Some("/a?b=1&c=2"));
        assert_eq!(found[1].attr("data-x"), Some("y"));
        assert_eq!(found[3].attr("src"), Some("/i.png"));
        assert_eq!(found[3].attr("alt"), Some(""));
    }

    #[test]
    fn decodes_entities_and_percent_escapes() {
        assert_eq!(
            decode_entities("&#x4e00;&#20108;&lt;&bogus;"),
            "一二<&bogus;"
        );
        assert_eq!(percent_decode("%E4%B8%80-%zz"), "一-%zz");
    }

    #[test]
    fn collects_ids_and_anchor_names() {
        let html = "<h2 id=\"yi-gai-kuang\">一</h2><a name=\"旧锚点\"></a><div id='二'></div>";
        assert_eq!(ids(&tags(html)), ["yi-gai-kuang", "旧锚点", "二"]);
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for html in [
            "<a href=\"x",
            "<",
            "<a",
            "<!--",
            "<script>",
            "<a b='",
            "&#xffffffff;",
        ] {
            let _ = tags(html);
            let _ = decode_entities(html);
        }
    }
}
