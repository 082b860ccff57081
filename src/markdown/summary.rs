//! Summaries: the automatic summary cut from rendered HTML (never inside a character, a
//! tag or an entity; open tags closed), and [`plain_summary`] for plain text.

/// Elements that never have content or a closing tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose content is not text a reader sees.
const HIDDEN_CONTENT: &[&str] = &["script", "style", "template"];
const ELLIPSIS: &str = "…";

/// The first `limit` characters of `html`'s text content, as HTML: every tag opened in
/// the kept part is closed, entities count as one character and are never split, runs of
/// whitespace count once, and `…` is added when text was cut. The whole HTML when it fits.
pub(crate) fn truncate_html(html: &str, limit: usize) -> String {
    if limit == 0 {
        return String::new();
    }
    let mut scan = Truncation::default();
    let mut at = 0;
    while at < html.len() {
        let rest = &html[at..];
        if rest.starts_with('<') {
            at += scan.tag(rest);
            continue;
        }
        let (len, is_space) = text_unit(rest);
        if is_space {
            if scan.seen_text && !scan.last_was_space {
                scan.count += 1;
                scan.last_was_space = true;
            }
        } else if scan.count >= limit {
            return scan.cut(html);
        } else {
            scan.count += 1;
            scan.seen_text = true;
            scan.last_was_space = false;
            scan.text_end = at + len;
            scan.stack_at_text = None;
        }
        at += len;
    }
    html.to_owned()
}

#[derive(Default)]
struct Truncation<'h> {
    count: usize,
    seen_text: bool,
    last_was_space: bool,
    /// Just past the last character of text kept.
    text_end: usize,
    open: Vec<&'h str>,
    /// The open elements as they were at `text_end`, once a tag has changed them.
    stack_at_text: Option<Vec<&'h str>>,
}

impl<'h> Truncation<'h> {
    /// Steps over the tag, comment or hidden element at the start of `rest`; its length.
    fn tag(&mut self, rest: &'h str) -> usize {
        if rest.starts_with("<!--") {
            return rest.find("-->").map_or(rest.len(), |end| end + 3);
        }
        let len = tag_len(rest);
        let inner = rest.get(1..len.saturating_sub(1)).unwrap_or("");
        let closing = inner.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = inner[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(inner.len() - name_start);
        let name = &inner[name_start..name_start + name_len];
        if name.is_empty() {
            return len;
        }
        if self.stack_at_text.is_none() {
            self.stack_at_text = Some(self.open.clone());
        }
        if closing {
            if let Some(index) = self
                .open
                .iter()
                .rposition(|open| open.eq_ignore_ascii_case(name))
            {
                self.open.truncate(index);
            }
        } else if HIDDEN_CONTENT.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            let close = format!("</{}", name.to_ascii_lowercase());
            return rest
                .get(len..)
                .and_then(|after| after.find(&close))
                .map_or(rest.len(), |end| len + end);
        } else if !inner.ends_with('/')
            && !VOID_ELEMENTS.iter().any(|v| v.eq_ignore_ascii_case(name))
        {
            self.open.push(name);
        }
        len
    }

    fn cut(self, html: &str) -> String {
        let open = self.stack_at_text.unwrap_or(self.open);
        let mut out = String::with_capacity(self.text_end + open.len() * 8 + 8);
        out.push_str(&html[..self.text_end]);
        out.push_str(ELLIPSIS);
        for name in open.iter().rev() {
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        out
    }
}

/// `html` without its headings: an automatic summary is the opening text of an article,
/// and a list of summaries with 编者按 / 背景 headings in it reads like a table of contents.
pub(crate) fn without_headings(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = find_heading(rest) {
        out.push_str(&rest[..start]);
        let level = &rest[start + 2..start + 3];
        let close = format!("</h{level}>");
        match rest[start..].find(&close) {
            Some(end) => rest = rest[start + end + close.len()..].trim_start_matches('\n'),
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Byte offset of the next `<h1>`…`<h6>` opening tag.
fn find_heading(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    html.match_indices("<h").map(|(i, _)| i).find(|&i| {
        matches!(bytes.get(i + 2), Some(b'1'..=b'6'))
            && matches!(bytes.get(i + 3), Some(b'>' | b' '))
    })
}

/// Length of the tag at the start of `rest` (quoted attribute values may hold `>`).
fn tag_len(rest: &str) -> usize {
    let mut quote = None;
    for (i, c) in rest.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    rest.len()
}

/// The next unit of text: an entity (`&amp;`, `&#x4e2d;`) or one character; its byte
/// length and whether it is whitespace.
fn text_unit(rest: &str) -> (usize, bool) {
    if rest.starts_with('&') {
        let entity = rest
            .char_indices()
            .skip(1)
            .take(32)
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
            .filter(|(_, c)| *c == ';');
        if let Some((end, _)) = entity {
            return (end + 1, false);
        }
    }
    rest.chars()
        .next()
        .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace()))
}

/// Appends the text content of `html` to `out`: tags, comments and hidden elements
/// dropped, common and numeric entities decoded (for the plain text of raw HTML and of
/// shortcode output).
pub(crate) fn push_html_text(out: &mut String, html: &str) {
    let mut scan = Truncation::default();
    let mut at = 0;
    while let Some(rest) = html.get(at..).filter(|r| !r.is_empty()) {
        if rest.starts_with('<') {
            at += scan.tag(rest);
            continue;
        }
        let (len, _) = text_unit(rest);
        let unit = &rest[..len];
        out.push_str(&crate::html_text::decode_entities(unit));
        at += len;
    }
}

/// Sentence ends, Chinese and Latin.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '!', '?', '.', ';', '…'];

/// The first `chars` characters of plain text (whitespace runs collapsed to one space).
/// When cut, it ends after the last sentence end in the second half if there is one,
/// else before a Latin word cut in two (Han text may end after any character), and `…`
/// is added.
pub fn plain_summary(text: &str, chars: usize) -> String {
    let mut out = String::with_capacity(chars * 3);
    let mut count = 0;
    let mut last_space = true;
    let mut cut = false;
    let mut next_char = None;
    for c in text.trim().chars() {
        if count >= chars && !(c.is_whitespace() && last_space) {
            cut = true;
            next_char = Some(c);
            break;
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                count += 1;
            }
            last_space = true;
        } else {
            out.push(c);
            count += 1;
            last_space = false;
        }
    }
    if !cut {
        return out.trim_end().to_owned();
    }
    let kept = nicer_end(&out, next_char);
    let mut summary = out[..kept].trim_end().to_owned();
    summary.push_str(ELLIPSIS);
    summary
}

/// Where to end the kept text `out`, given the character that would come next.
fn nicer_end(out: &str, next_char: Option<char>) -> usize {
    let half = out.len() / 2;
    if let Some((at, c)) = out
        .char_indices()
        .rev()
        .find(|(_, c)| SENTENCE_ENDS.contains(c))
        && at >= half
    {
        return at + c.len_utf8();
    }
    let splits_word = out
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && next_char.is_some_and(|c| c.is_ascii_alphanumeric());
    if splits_word && let Some(space) = out.rfind(' ').filter(|&s| s >= half) {
        return space;
    }
    out.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_left_out_of_automatic_summaries() {
        let html = "<h2 id=\"a\">编者按</h2>\n<p>正文</p>\n<h3>背景</h3>\n<p>更多</p><hr>";
        assert_eq!(without_headings(html), "<p>正文</p>\n<p>更多</p><hr>");
        assert_eq!(without_headings("<h2>未闭合"), "<h2>未闭合");
        assert_eq!(without_headings("<header>x</header>"), "<header>x</header>");
    }

    #[test]
    fn short_html_is_kept_whole() {
        let html = "<p>短文 &amp; text</p>\n";
        assert_eq!(truncate_html(html, 120), html);
    }

    #[test]
    fn cuts_text_and_closes_nested_tags() {
        let html = "<p>ab <em>cd<strong>ef</strong> gh</em> ij</p>\n<p>more</p>\n";
        assert_eq!(
            truncate_html(html, 6),
            "<p>ab <em>cd<strong>e…</strong></em></p>"
        );
    }

    #[test]
    fn entities_count_as_one_character_and_are_never_split() {
        let html = "<p>a&amp;b&#x4e2d;cdef</p>";
        assert_eq!(truncate_html(html, 2), "<p>a&amp;…</p>");
        assert_eq!(truncate_html(html, 4), "<p>a&amp;b&#x4e2d;…</p>");
    }

    #[test]
    fn chinese_and_emoji_cut_on_character_boundaries() {
        let html = "<p>科协😀改革 mixed 文字</p>";
        assert_eq!(truncate_html(html, 3), "<p>科协😀…</p>");
        assert_eq!(truncate_html(html, 7), "<p>科协😀改革 m…</p>");
    }

    #[test]
    fn never_cuts_inside_a_tag_and_skips_void_and_hidden_elements() {
        let html = "<p>ab<img src=\"x>y\" alt=\"a\">cd<br/>ef<script>var x = 1;</script>gh</p>";
        assert_eq!(
            truncate_html(html, 4),
            "<p>ab<img src=\"x>y\" alt=\"a\">cd…</p>"
        );
        assert_eq!(
            truncate_html(html, 7),
            "<p>ab<img src=\"x>y\" alt=\"a\">cd<br/>ef<script>var x = 1;</script>g…</p>"
        );
    }

    #[test]
    fn ellipsis_stays_after_the_last_kept_text() {
        let html = "<p>一二三</p>\n<p>四五</p>";
        assert_eq!(truncate_html(html, 3), "<p>一二三…</p>");
    }

    #[test]
    fn broken_html_does_not_panic() {
        for html in [
            "<",
            "<p",
            "&",
            "&amp",
            "<!--",
            "</",
            "<p>x</q></p>",
            "<<<>>>&&&;",
            "\0<\0>",
        ] {
            for limit in 0..4 {
                let _ = truncate_html(html, limit);
            }
        }
    }

    #[test]
    fn text_of_html_drops_tags_and_decodes_entities() {
        let mut out = String::new();
        push_html_text(
            &mut out,
            "<div class=\"a>b\"><p>图 &amp; 文&#x4e2d;&#20013;&bogus;</p><!-- c --><script>x</script>尾</div>",
        );
        assert_eq!(out, "图 & 文中中&bogus;尾");
        push_html_text(&mut out, "&#xZZ; & <");
        assert!(out.ends_with("&#xZZ; & "), "{out}");
    }

    #[test]
    fn plain_summary_prefers_sentence_ends_and_whole_words() {
        assert_eq!(plain_summary("短文。", 10), "短文。");
        assert_eq!(
            plain_summary("第一句话。第二句话很长很长", 8),
            "第一句话。…"
        );
        assert_eq!(plain_summary("科协组织改革持续深化", 4), "科协组织…");
        assert_eq!(plain_summary("the quick brown fox jumps", 12), "the quick…");
        assert_eq!(plain_summary("  a \n\n b  ", 10), "a b");
        assert_eq!(plain_summary("😀😀😀", 2), "😀😀…");
    }
}
