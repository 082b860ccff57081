//! Outline headings typed as plain paragraphs (C0123, a warning): a line of its own such
//! as 「一、总体情况」 or 「**（一）参赛情况**」, as Word users number their headings, is a
//! paragraph to Markdown, so the page has no table of contents or heading anchors for
//! it and its outline is lost on readers of screen readers. So is a heading typed
//! without the space after its marks (`##一、总体情况`), shown with its `##`. Reported
//! once per page, at the first such line, with how many more there are.

use super::{Place, column_of, to_u32};
use crate::diag::Diagnostic;
use crate::portal::{Portal, PortalPage};

/// Longest text (in characters) still taken for a heading.
const MAX_HEADING_CHARS: usize = 30;

/// Every page's outline lines written as paragraphs.
pub(crate) fn check_outline(portal: &Portal) -> Vec<Diagnostic> {
    portal
        .pages
        .iter()
        .filter_map(|page| outline_as_paragraphs(page))
        .collect()
}

fn outline_as_paragraphs(page: &PortalPage) -> Option<Diagnostic> {
    let lines: Vec<&str> = page.source.body.lines().collect();
    let mut fenced = false;
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        let alone = |i: Option<usize>| {
            i.and_then(|i| lines.get(i))
                .is_none_or(|l| l.trim().is_empty())
        };
        let as_paragraph = alone(index.checked_sub(1))
            && alone(Some(index + 1))
            && heading_text(trimmed).is_some();
        if !fenced
            && !line.starts_with([' ', '\t'])
            && (as_paragraph || no_space_after_marks(trimmed).is_some())
        {
            found.push(index);
        }
    }
    let first = *found.first()?;
    let line = lines.get(first)?;
    let text = line.trim();
    let more = found.len() - 1;
    let d = match no_space_after_marks(text) {
        Some((marks, heading)) => Diagnostic::warning(
            "C0123",
            crate::t!("check-heading-no-space", text = text, more = more),
        )
        .help(crate::t!(
            "check-heading-no-space.help",
            marks = marks,
            text = heading
        )),
        None => {
            let heading = heading_text(text)?;
            Diagnostic::warning(
                "C0123",
                crate::t!("check-outline-paragraph", text = heading, more = more),
            )
            .help(crate::t!("check-outline-paragraph.help", text = heading))
        }
    };
    let (column, width) = column_of(line, text);
    Some(
        Place {
            file: page.source.file.clone(),
            line: Some(page.source.body_line + to_u32(first)),
            line_text: Some((*line).to_owned()),
            column,
            width,
        }
        .apply(d),
    )
}

/// The marks and the text of a heading typed without a space after its two to six
/// `#` (`##一、总体情况`). One `#` is left alone: `#科普日#` is a topic, not a heading.
fn no_space_after_marks(line: &str) -> Option<(&str, &str)> {
    let text = line.trim_start_matches('#');
    let marks = line.get(..line.len() - text.len())?;
    let starts_a_word = text.chars().next().is_some_and(|c| !c.is_whitespace());
    ((2..=6).contains(&marks.len()) && starts_a_word).then_some((marks, text))
}

/// The heading `line` holds, bold marks taken off, when it is numbered as an outline
/// heading (`一、`, `（一）`) and short, without a sentence's end.
fn heading_text(line: &str) -> Option<&str> {
    let text = line
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .unwrap_or(line)
        .trim();
    let marker = crate::markdown::han_outline_marker(text)?;
    let rest = text.get(marker.len()..)?;
    let short = text.chars().count() <= MAX_HEADING_CHARS;
    let sentence = text.ends_with(['。', '；', '：', '，', '！', '？', ';', ':', ',']);
    (short && !sentence && !rest.trim().is_empty() && !text.contains("](")).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_without_the_space_after_their_marks_are_found() {
        assert_eq!(
            no_space_after_marks("##一、总体情况"),
            Some(("##", "一、总体情况"))
        );
        assert_eq!(
            no_space_after_marks("###（一）目标"),
            Some(("###", "（一）目标"))
        );
        for not in ["## 一、总体情况", "#科普日#", "#######七", "##", "正文"] {
            assert_eq!(no_space_after_marks(not), None, "{not}");
        }
    }

    #[test]
    fn outline_headings_are_told_from_sentences() {
        for heading in [
            "一、总体情况",
            "（一）参赛情况",
            "**二、下一步工作**",
            "(三)保障措施",
            "十二、附则",
        ] {
            assert!(heading_text(heading).is_some(), "{heading}");
        }
        for not in [
            "一、加强组织领导。各级科协要高度重视。",
            "一是加强领导",
            "一、",
            "各县（市、区）科协：",
            "（一）",
            "1. 科普进校园",
            "一、参加对象：全市中小学生，每校限报两名，报名截止时间为五月二十日前",
        ] {
            assert!(heading_text(not).is_none(), "{not}");
        }
    }
}
