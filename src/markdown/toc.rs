//! Headings: ids ([`AnchorStyle`]), Chinese outline numbering (一、 （一） 1. （1）
//! 第一章) and the nested table of contents.

use super::{AnchorStyle, Heading};

/// A heading as met in the text, before nesting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FlatHeading {
    pub level: u32,
    pub id: String,
    pub title: String,
    pub permalink: String,
    pub outline: Option<String>,
    /// Rank of the outline marker (smaller is higher), when there is one.
    pub rank: Option<u8>,
}

impl FlatHeading {
    pub fn new(level: u32, id: String, title: String, permalink: String) -> FlatHeading {
        let marker = outline_marker(&title);
        let outline = marker.map(|(text, _)| text.to_owned());
        let rank = marker.map(|(_, rank)| rank);
        FlatHeading {
            level,
            id,
            title,
            permalink,
            outline,
            rank,
        }
    }
}

/// The id of a heading whose plain text is `title`.
pub(crate) fn heading_id(title: &str, style: AnchorStyle) -> String {
    let id = match style {
        AnchorStyle::Safe => safe_id(title),
        // The same words as a page's URL slug, so an anchor and a slug agree on every
        // polyphone (`重庆` is `chong-qing` in both).
        AnchorStyle::Pinyin => crate::zh::slugify(title),
        AnchorStyle::Off => title
            .trim()
            .chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect(),
    };
    if id.is_empty() {
        "section".to_owned()
    } else {
        id
    }
}

/// Letters and digits of any script kept (ASCII lower-cased); every run of anything else
/// (whitespace, ASCII and CJK punctuation, symbols) becomes one `-`, none at the ends.
fn safe_id(title: &str) -> String {
    let mut id = String::with_capacity(title.len());
    let mut separate = false;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if separate && !id.is_empty() {
                id.push('-');
            }
            separate = false;
            id.push(c.to_ascii_lowercase());
        } else {
            separate = true;
        }
    }
    id
}

const HAN_NUMERALS: &str = "一二三四五六七八九十百千零〇两";
/// Longest run of numeral characters accepted in a marker.
const MAX_NUMERAL_CHARS: usize = 6;

fn is_han_numeral(c: char) -> bool {
    HAN_NUMERALS.contains(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Ranks of the outline markers, highest first.
const RANK_PART: u8 = 1; // 第一编 / 第一篇 / 第一部分
const RANK_CHAPTER: u8 = 2; // 第一章
const RANK_SECTION: u8 = 3; // 第一节
const RANK_ARTICLE: u8 = 4; // 第一条
const RANK_HAN_COMMA: u8 = 5; // 一、
const RANK_HAN_PAREN: u8 = 6; // （一） (一)
const RANK_DIGIT_DOT: u8 = 7; // 1. 1、 1．
const RANK_DIGIT_PAREN: u8 = 8; // （1） (1)
const RANK_CIRCLED: u8 = 9; // ①

/// The Chinese outline marker that starts `title`, as written, with its rank.
pub(crate) fn outline_marker(title: &str) -> Option<(&str, u8)> {
    let title = title.trim_start();
    let end_and_rank = chapter_marker(title)
        .or_else(|| numeral_then(title, is_han_numeral, &['、'], RANK_HAN_COMMA))
        .or_else(|| parenthesised(title, is_han_numeral, RANK_HAN_PAREN))
        .or_else(|| digit_dot(title))
        .or_else(|| parenthesised(title, is_digit, RANK_DIGIT_PAREN))
        .or_else(|| {
            title
                .chars()
                .next()
                .filter(|c| ('①'..='⑳').contains(c))
                .map(|c| (c.len_utf8(), RANK_CIRCLED))
        });
    end_and_rank.map(|(end, rank)| (&title[..end], rank))
}

/// The `一、` or `（一）` that starts `title`, as Chinese documents number their first two
/// outline levels; `None` for any other start.
pub(crate) fn han_outline_marker(title: &str) -> Option<&str> {
    outline_marker(title)
        .filter(|(_, rank)| matches!(*rank, RANK_HAN_COMMA | RANK_HAN_PAREN))
        .map(|(marker, _)| marker)
}

/// Byte length of the leading run of `numeral` characters (at most a few), if any.
fn numerals(text: &str, numeral: fn(char) -> bool) -> Option<usize> {
    let mut len = 0;
    for (count, c) in text.chars().enumerate() {
        if !numeral(c) {
            break;
        }
        if count >= MAX_NUMERAL_CHARS {
            return None;
        }
        len += c.len_utf8();
    }
    (len > 0).then_some(len)
}

/// `第` + numerals + 编/篇/部分/章/节/条.
fn chapter_marker(title: &str) -> Option<(usize, u8)> {
    let rest = title.strip_prefix('第')?;
    let len = numerals(rest, is_han_numeral).or_else(|| numerals(rest, is_digit))?;
    let after = &rest[len..];
    let (unit_len, rank) = match after.chars().next()? {
        '编' | '篇' => ('编'.len_utf8(), RANK_PART),
        '部' if after.starts_with("部分") => ("部分".len(), RANK_PART),
        '章' => ('章'.len_utf8(), RANK_CHAPTER),
        '节' => ('节'.len_utf8(), RANK_SECTION),
        '条' => ('条'.len_utf8(), RANK_ARTICLE),
        _ => return None,
    };
    Some(('第'.len_utf8() + len + unit_len, rank))
}

/// Numerals followed by one of `after`.
fn numeral_then(
    title: &str,
    numeral: fn(char) -> bool,
    after: &[char],
    rank: u8,
) -> Option<(usize, u8)> {
    let len = numerals(title, numeral)?;
    let next = title[len..].chars().next().filter(|c| after.contains(c))?;
    Some((len + next.len_utf8(), rank))
}

/// `1.` `1、` `1．` not followed by another digit (so `1.5 版` is no marker).
fn digit_dot(title: &str) -> Option<(usize, u8)> {
    let (end, rank) = numeral_then(title, is_digit, &['.', '、', '．'], RANK_DIGIT_DOT)?;
    match title[end..].chars().next() {
        Some(c) if is_digit(c) => None,
        _ => Some((end, rank)),
    }
}

/// `（` or `(` + numerals + `）` or `)`.
fn parenthesised(title: &str, numeral: fn(char) -> bool, rank: u8) -> Option<(usize, u8)> {
    let open = title.chars().next().filter(|c| matches!(c, '（' | '('))?;
    let rest = &title[open.len_utf8()..];
    let len = numerals(rest, numeral)?;
    let close = rest[len..]
        .chars()
        .next()
        .filter(|c| matches!(c, '）' | ')'))?;
    Some((open.len_utf8() + len + close.len_utf8(), rank))
}

/// Nests headings into a table of contents.
///
/// The rule: heading A contains the headings after it up to the first heading that A is
/// not an *ancestor* of. A is an ancestor of a later heading B when
/// - A's Markdown level is smaller than B's (`##` above `###`, whatever the numbering), or
/// - both are at the same Markdown level, both start with an outline marker, and A's
///   marker ranks higher. Ranks, highest first: 第…编/篇/部分, 第…章, 第…节, 第…条, 一、,
///   （一）/(一), 1./1、/1．, （1）/(1), ①.
///
/// So headings written all at `##` but numbered 一、 then （一） then 1. nest by the
/// numbering, while headings without a marker nest by Markdown level only: an unmarked
/// heading is a sibling of any heading at its level. Skipped levels nest directly (an
/// `####` under an `##` is its child), and a page may start at any level: the first
/// headings become the top of the tree.
pub(crate) fn build_toc(flat: Vec<FlatHeading>) -> Vec<Heading> {
    let mut roots = Vec::new();
    let mut stack: Vec<(Heading, Option<u8>)> = Vec::new();
    for item in flat {
        while let Some((top, top_rank)) = stack.last() {
            if is_ancestor((top.level, *top_rank), (item.level, item.rank)) {
                break;
            }
            close_top(&mut stack, &mut roots);
        }
        let heading = Heading {
            level: item.level,
            id: item.id,
            title: item.title,
            permalink: item.permalink,
            outline: item.outline,
            children: Vec::new(),
        };
        stack.push((heading, item.rank));
    }
    while !stack.is_empty() {
        close_top(&mut stack, &mut roots);
    }
    shrink(&mut roots);
    roots
}

/// Drops the growth slack of every list and string of the tree: a table of contents
/// lives as long as the model, and a pushed-to list holds room for at least four
/// headings (about half a kilobyte) even when it has one.
fn shrink(headings: &mut Vec<Heading>) {
    headings.shrink_to_fit();
    for heading in headings {
        heading.id.shrink_to_fit();
        heading.permalink.shrink_to_fit();
        shrink(&mut heading.children);
    }
}

fn is_ancestor(
    (level, rank): (u32, Option<u8>),
    (child_level, child_rank): (u32, Option<u8>),
) -> bool {
    match (rank, child_rank) {
        _ if level != child_level => level < child_level,
        (Some(rank), Some(child_rank)) => rank < child_rank,
        _ => false,
    }
}

/// Moves the innermost open heading into its parent (or the roots).
fn close_top(stack: &mut Vec<(Heading, Option<u8>)>, roots: &mut Vec<Heading>) {
    let Some((heading, _)) = stack.pop() else {
        return;
    };
    match stack.last_mut() {
        Some((parent, _)) => parent.children.push(heading),
        None => roots.push(heading),
    }
}

#[cfg(test)]
mod tests;
