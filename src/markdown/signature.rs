//! 落款: the closing lines of an official notice, the issuing organisation on a line of
//! its own and the date (「2026年12月7日」, 「二〇二六年十二月七日」) on the last, which Word
//! and every government portal right-align. Markdown has no alignment, so the last
//! paragraph (or paragraphs) of a body that read as one are rendered
//! `<p class="signature">`, their lines kept apart, and a theme aligns them.
//!
//! The test is kept narrow, so that an ordinary closing paragraph stays as written: the
//! very last line is a date and nothing else; every line before it in the 落款 names an
//! organisation (short, no sentence punctuation, ending as an organisation's name does:
//! 「…协会」「…部」「…办公室」「…有限公司」, a 「（盖章）」 after it allowed), and there are
//! at most [`MAX_ORG_LINES`] of them. A note in brackets may close the body below it
//! (「（此件公开发布）」), and stays as written. A notice may also carry its attachments
//! after the 落款, from a line 「附件1」 on: the 落款 then ends the text above them.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Most organisation lines above the date (joint notices name several issuers).
const MAX_ORG_LINES: usize = 6;

/// Longest organisation line, in characters.
const MAX_ORG_CHARS: usize = 40;

/// What an organisation's name ends with: 协会, 学会, 委员会, 科协, 部, 厅, 局, 委, 办公室,
/// 秘书处, 中心, 公司, 大学, 人民政府, 领导小组, 联盟…, in Traditional too (協會, 學會,
/// 辦公室, 秘書處), as a page written in Traditional is read as written.
const ORG_ENDINGS: &[char] = &[
    '会', '协', '部', '厅', '局', '委', '院', '室', '处', '所', '校', '学', '心', '站', '馆', '司',
    '团', '府', '组', '办', '队', '社', '盟', '园', '厂', '行', '台', '科', '股', '署', '庭', '會',
    '協', '廳', '處', '學', '館', '團', '組', '辦', '隊', '園', '廠', '臺',
];

/// Characters no organisation's name holds: sentence punctuation and markup.
const NOT_IN_ORG: &[char] = &[
    '。', '，', '、', '；', '：', '！', '？', ',', ';', ':', '!', '?', '“', '”', '"', '《', '》',
    '<', '>', '[', ']', '*', '#', '|',
];

/// A digit of a year: Arabic (half or full width) or Chinese (「二〇二六」, with 「○」 and
/// 「零」 as Word users type 〇).
fn year_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' | 'Ｏ' => Some(0),
        _ => arabic_digit(c).or_else(|| han_digit(c)),
    }
}

fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

fn han_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .and_then(|n| u32::try_from(n).ok())
}

/// A number from 1 to 99 in Arabic digits (one or two, half or full width) or Chinese
/// (「七」「十二」「二十一」「三十」).
fn small_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    let han = |c: &char| han_digit(*c).filter(|&d| d > 0);
    match chars.as_slice() {
        ['十'] => Some(10),
        [one] => arabic_digit(*one).or_else(|| han(one)),
        [tens, unit] if arabic_digit(*tens).is_some() => {
            Some(arabic_digit(*tens)? * 10 + arabic_digit(*unit)?)
        }
        ['十', unit] => Some(10 + han(unit)?),
        [tens, '十'] => Some(han(tens).filter(|&t| t > 1)? * 10),
        [tens, '十', unit] => Some(han(tens).filter(|&t| t > 1)? * 10 + han(unit)?),
        _ => None,
    }
}

/// Whether `line` is a date and nothing else: 「2026年12月7日」, 「2026 年 12 月 7 日」,
/// 「二〇二六年十二月七日」, full-width digits too.
pub(crate) fn is_date_line(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(rest) = compact.strip_suffix('日') else {
        return false;
    };
    let Some((year, rest)) = rest.split_once('年') else {
        return false;
    };
    let Some((month, day)) = rest.split_once('月') else {
        return false;
    };
    let year_ok = year.chars().count() == 4 && year.chars().all(|c| year_digit(c).is_some());
    let month_ok = small_number(month).is_some_and(|m| (1..=12).contains(&m));
    let day_ok = small_number(day).is_some_and(|d| (1..=31).contains(&d));
    year_ok && month_ok && day_ok
}

/// Whether `line` names one organisation or several side by side (「广西科协　广西教育厅」).
pub(crate) fn is_org_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_ORG_CHARS || line.contains(NOT_IN_ORG) {
        return false;
    }
    line.split_whitespace().all(is_org_name)
}

/// One organisation's name, a 「（盖章）」 after it allowed.
fn is_org_name(name: &str) -> bool {
    let name = match name.strip_suffix(['）', ')']) {
        Some(inner) => match inner.rfind(['（', '(']) {
            Some(open) => inner.get(..open).unwrap_or(""),
            None => return false,
        },
        None => name,
    };
    name.chars().count() >= 2
        && name
            .chars()
            .next_back()
            .is_some_and(|c| ORG_ENDINGS.contains(&c))
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether `paragraph` is the note a notice may end with below its 落款, one line in
/// brackets: 「（此件公开发布）」, 「（联系人：张三，电话：0771-1234567）」.
fn is_closing_note(paragraph: &[String]) -> bool {
    let [line] = paragraph else {
        return false;
    };
    line.chars().count() <= 60 && line.starts_with(['（', '(']) && line.ends_with(['）', ')'])
}

/// Which of `paragraphs` (each given as its lines) make the 落款 that ends them, an
/// empty range when they end in none. A closing note in brackets may follow it.
pub(crate) fn signature_paragraphs(paragraphs: &[Vec<String>]) -> Range<usize> {
    let end = match paragraphs.split_last() {
        Some((last, _)) if is_closing_note(last) => paragraphs.len() - 1,
        _ => paragraphs.len(),
    };
    let Some((last, before)) = paragraphs.get(..end).and_then(<[_]>::split_last) else {
        return 0..0;
    };
    let Some((date, orgs)) = last.split_last() else {
        return 0..0;
    };
    if !is_date_line(date) || !orgs.iter().all(|l| is_org_line(l)) {
        return 0..0;
    }
    let mut org_lines = orgs.len();
    if org_lines > MAX_ORG_LINES {
        return 0..0;
    }
    let mut start = end - 1;
    for paragraph in before.iter().rev() {
        if paragraph.is_empty() || !paragraph.iter().all(|l| is_org_line(l)) {
            break;
        }
        org_lines += paragraph.len();
        if org_lines > MAX_ORG_LINES {
            break;
        }
        start -= 1;
    }
    start..end
}

/// The lines of the paragraph whose events are `inner` (between its start and end), or
/// `None` when it holds more than text and line breaks (a link, emphasis, a picture).
fn paragraph_lines(inner: &[Event]) -> Option<Vec<String>> {
    let mut lines = vec![String::new()];
    for event in inner {
        match event {
            Event::Text(text) => lines.last_mut()?.push_str(text),
            Event::SoftBreak | Event::HardBreak => lines.push(String::new()),
            _ => return None,
        }
    }
    Some(lines.iter().map(|l| l.trim().to_owned()).collect())
}

/// The top-level blocks of `out` (the body's own, not those inside a list or quote), as
/// the ranges of their events.
pub(super) fn top_level_blocks(out: &[Event]) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, event) in out.iter().enumerate() {
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    blocks.push(start..i + 1);
                }
            }
            _ if depth == 0 => blocks.push(i..i + 1),
            _ => {}
        }
    }
    blocks
}

/// The paragraphs that end `out` (whose top-level blocks are `blocks`), in order, each
/// with its lines: those after the last block that is not a paragraph of text alone
/// (whitespace between blocks aside), no more than a 落款 and the note below it can take.
fn trailing_paragraphs(out: &[Event], blocks: &[Range<usize>]) -> Vec<(Range<usize>, Vec<String>)> {
    let mut found = Vec::new();
    for block in blocks.iter().rev().cloned() {
        if found.len() > MAX_ORG_LINES + 1 {
            break;
        }
        let events = out.get(block.clone()).unwrap_or(&[]);
        match events {
            [Event::Html(html)] if html.trim().is_empty() => continue,
            [
                Event::Start(Tag::Paragraph),
                inner @ ..,
                Event::End(TagEnd::Paragraph),
            ] => match paragraph_lines(inner) {
                Some(lines) => found.push((block, lines)),
                None => break,
            },
            _ => break,
        }
    }
    found.reverse();
    found
}

/// The paragraphs of the 落款 of the body `out` (whose top-level blocks are `blocks`):
/// the one that ends it, or else the one that ends the text above the attachments
/// (「附件1」 and what follows, in a notice whose attachments come after its 落款).
fn signature_ranges(out: &[Event], blocks: &[Range<usize>]) -> Vec<Range<usize>> {
    let attachments = (1..blocks.len()).filter(|&i| {
        super::attachment_note::opens_attachments(out.get(blocks[i].clone()).unwrap_or(&[]))
    });
    for end in std::iter::once(blocks.len()).chain(attachments) {
        let (ranges, lines): (Vec<Range<usize>>, Vec<Vec<String>>) =
            trailing_paragraphs(out, &blocks[..end]).into_iter().unzip();
        let signature = ranges.get(signature_paragraphs(&lines)).unwrap_or(&[]);
        if !signature.is_empty() {
            return signature.to_vec();
        }
    }
    Vec::new()
}

/// Marks the 落款 of the body `out` (whose top-level blocks are `blocks`), if it has one
/// ([`signature_ranges`]): its paragraphs open with `<p class="signature">` and every
/// line in them ends with a line break.
pub(crate) fn mark_signature(out: &mut [Event], blocks: &[Range<usize>]) {
    for range in signature_ranges(out, blocks) {
        for (i, event) in out
            .get_mut(range.clone())
            .unwrap_or(&mut [])
            .iter_mut()
            .enumerate()
        {
            match event {
                Event::Start(Tag::Paragraph) if i == 0 => {
                    *event = Event::Html(CowStr::Borrowed("<p class=\"signature\">"));
                }
                Event::End(TagEnd::Paragraph) => *event = Event::Html(CowStr::Borrowed("</p>\n")),
                Event::SoftBreak => *event = Event::HardBreak,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests;
