//! Start tags of HTML menhu itself wrote, with their attributes (entities decoded) and
//! where each starts. Comments, `<script>` and `<style>` bodies are skipped. It is not a
//! full HTML parser and need not be: it reads the outputs of our own templates to find
//! links, ids and `<meta>` tags.

/// One start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
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
pub fn tags(html: &str) -> Vec<Tag<'_>> {
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
        attrs.push((name, super::decode_entities(value).into_owned()));
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
            let _ = super::super::decode_entities(html);
        }
    }
}
