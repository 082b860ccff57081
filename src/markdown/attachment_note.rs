//! 附件说明: the line near a notice's end that names its attachments, 「附件：1.报名表」,
//! the names after the first on lines or paragraphs of their own (「2.培训日程」). Word,
//! and the rules for official documents, align each name under the first; as plain
//! paragraphs they started under 「附」 instead. The line and the numbered names after it
//! become one `<p class="attachment-note">`, a name a line, and a theme hangs the names
//! under the first (the portal theme does).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use std::ops::Range;

/// Whether a paragraph's first text opens an attachment list: 「附件：」, 「附件:」.
fn opens_list(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with("附件：") || text.starts_with("附件:")
}

/// Whether the top-level block `events` opens what a notice may carry after its 落款,
/// the attachments themselves: a heading or paragraph (an attachment list marked here
/// already among them) starting 「附件1」「附件 2」「附件一」, 「附件：」 or 「附件」 alone.
pub(super) fn opens_attachments(events: &[Event]) -> bool {
    let text = match events {
        [
            Event::Start(Tag::Paragraph | Tag::Heading { .. }),
            Event::Text(text),
            ..,
        ] => text,
        [Event::Html(html), Event::Text(text), ..] if html.as_ref() == OPENING => text,
        _ => return false,
    };
    let numeral = |c: char| c.is_numeric() || "一二三四五六七八九十".contains(c);
    opens_list(text)
        || text
            .trim_start()
            .strip_prefix("附件")
            .map(str::trim_start)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(numeral))
}

/// Whether a paragraph's first text is a numbered attachment name: 「2.培训日程」,
/// 「3．日程」, 「4、名单」.
fn is_numbered_name(text: &str) -> bool {
    let text = text.trim_start();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && digits <= 2
        && text
            .chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '.' | '．' | '、'))
}

/// The first text of the top-level paragraph `events` (start to end), if it opens with
/// text.
fn first_text<'e>(events: &'e [Event]) -> Option<&'e str> {
    match events {
        [Event::Start(Tag::Paragraph), Event::Text(text), ..] => Some(text),
        _ => None,
    }
}

/// Whether the top-level block `events` is a numbered list of names alone (「2. 培训日程」
/// written with a space, which Markdown reads as a list numbered from 2).
fn is_name_list(events: &[Event]) -> bool {
    matches!(events.first(), Some(Event::Start(Tag::List(Some(_)))))
        && events.iter().skip(1).all(|event| match event {
            Event::Start(tag) => matches!(
                tag,
                Tag::Item
                    | Tag::Paragraph
                    | Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Link { .. }
            ),
            Event::End(end) => matches!(
                end,
                TagEnd::Item
                    | TagEnd::Paragraph
                    | TagEnd::List(true)
                    | TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Link
            ),
            _ => !matches!(event, Event::Rule | Event::TaskListMarker(_)),
        })
}

/// Whether the top-level block `events` carries on an attachment list.
fn carries_on(events: &[Event]) -> bool {
    first_text(events).is_some_and(is_numbered_name) || is_name_list(events)
}

/// Rewrites the numbered list `events` as lines of the attachment note: 「2.培训日程」
/// and so on, a line break after each but the last when `closes`.
fn list_as_lines(events: &mut [Event], closes: bool) {
    let mut number = match events.first() {
        Some(Event::Start(Tag::List(Some(start)))) => *start,
        _ => return,
    };
    let last_item_end = events
        .iter()
        .rposition(|e| matches!(e, Event::End(TagEnd::Item)));
    for (k, event) in events.iter_mut().enumerate() {
        match event {
            Event::Start(Tag::Item) => {
                *event = Event::Text(CowStr::from(format!("{number}.")));
                number += 1;
            }
            Event::End(TagEnd::Item) if closes && Some(k) == last_item_end => {
                *event = Event::Html(CowStr::Borrowed(""));
            }
            Event::End(TagEnd::Item) | Event::SoftBreak => *event = Event::HardBreak,
            Event::End(TagEnd::List(_)) if closes => {
                *event = Event::Html(CowStr::Borrowed("</p>\n"));
            }
            Event::Start(Tag::List(_) | Tag::Paragraph)
            | Event::End(TagEnd::List(_) | TagEnd::Paragraph) => {
                *event = Event::Html(CowStr::Borrowed(""));
            }
            _ => {}
        }
    }
}

/// How a marked attachment list opens.
const OPENING: &str = "<p class=\"attachment-note\">";

/// Marks each attachment list in `out` and joins the numbered names that follow it as
/// paragraphs (or as a Markdown list) into it, a line break between them.
/// `blocks` are the top-level blocks of `out` ([`top_level_blocks`]).
///
/// [`top_level_blocks`]: super::signature::top_level_blocks
pub(crate) fn mark_attachment_notes(out: &mut [Event], blocks: &[Range<usize>]) {
    let mut i = 0;
    while let Some(block) = blocks.get(i) {
        let opens = out
            .get(block.clone())
            .and_then(first_text)
            .is_some_and(opens_list);
        if !opens {
            i += 1;
            continue;
        }
        let mut last = i;
        while let Some(next) = blocks.get(last + 1) {
            if !out.get(next.clone()).is_some_and(carries_on) {
                break;
            }
            last += 1;
        }
        if let Some(open) = out.get_mut(block.start) {
            *open = Event::Html(CowStr::Borrowed(OPENING));
        }
        for (n, joined) in blocks.get(i..=last).unwrap_or(&[]).iter().enumerate() {
            let closes = i + n == last;
            let events = out.get_mut(joined.clone()).unwrap_or(&mut []);
            if n > 0 && is_name_list(events) {
                list_as_lines(events, closes);
                continue;
            }
            for (k, event) in events.iter_mut().enumerate() {
                match event {
                    Event::Start(Tag::Paragraph) if k == 0 && n > 0 => {
                        *event = Event::Html(CowStr::Borrowed(""));
                    }
                    Event::End(TagEnd::Paragraph) if closes => {
                        *event = Event::Html(CowStr::Borrowed("</p>\n"));
                    }
                    Event::End(TagEnd::Paragraph) | Event::SoftBreak => *event = Event::HardBreak,
                    _ => {}
                }
            }
        }
        i = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_opens_a_list_and_what_continues_it() {
        assert!(opens_list("附件：1.报名表"));
        assert!(opens_list("附件:报名表"));
        assert!(!opens_list("附件1：报名表"));
        assert!(!opens_list("见附件：报名表"));
        for name in ["2.培训日程", "3．日程", "10、名单"] {
            assert!(is_numbered_name(name), "{name}");
        }
        for not in ["二、日程", "2026年12月7日", "2 日程", "广西科协", "123.x"] {
            assert!(!is_numbered_name(not), "{not}");
        }
    }
}
