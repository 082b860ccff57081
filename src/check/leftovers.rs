//! What a page still holds from the template `menhu new` started it from: a line of an
//! archetype's text (「在这里写导语：时间、地点、谁、做了什么。」, C0120) and an empty
//! `source` (来源, C0121). Both are warnings: the page builds, but is not finished.

use super::{Place, column_of, to_u32};
use crate::diag::Diagnostic;
use crate::portal::{Portal, PortalPage};

/// Every page's leftovers; `archetype_lines` are the text lines of the site's archetypes.
pub(crate) fn check_leftovers(portal: &Portal, archetype_lines: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &portal.pages {
        out.extend(archetype_text(page, archetype_lines));
        out.extend(empty_source(portal, page));
    }
    out
}

fn archetype_text(page: &PortalPage, archetype_lines: &[String]) -> Vec<Diagnostic> {
    if archetype_lines.is_empty() {
        return Vec::new();
    }
    page.source
        .body
        .lines()
        .enumerate()
        .filter(|(_, line)| archetype_lines.iter().any(|a| a == line.trim()))
        .map(|(index, line)| {
            let text = line.trim();
            let d = Diagnostic::warning("C0120", crate::t!("check-template-text", text = text))
                .expected(crate::t!("check-template-text.expected"))
                .help(crate::t!("check-template-text.help"));
            let (column, width) = column_of(line, text);
            Place {
                file: page.source.file.clone(),
                line: Some(page.source.body_line + to_u32(index)),
                line_text: Some(line.to_owned()),
                column,
                width,
            }
            .apply(d)
        })
        .collect()
}

/// `source = ""` (or `source: ""`) as `menhu new` writes it, never filled in.
fn empty_source(portal: &Portal, page: &PortalPage) -> Option<Diagnostic> {
    if page
        .source
        .meta
        .source
        .as_deref()
        .is_none_or(|s| !s.trim().is_empty())
    {
        return None;
    }
    let d = Diagnostic::warning("C0121", crate::t!("check-empty-source"))
        .expected(crate::t!("check-empty-source.expected"))
        .help(crate::t!("check-empty-source.help"));
    // The model keeps the value, not its place: the line is found in the file.
    let text = std::fs::read_to_string(portal.root.join(&page.source.file)).unwrap_or_default();
    let found = text.lines().enumerate().find(|(_, line)| {
        let line = line.trim_start();
        ["source", "\"source\""].iter().any(|key| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(['=', ':']))
        })
    });
    Some(match found {
        Some((index, line)) => {
            let (column, width) = column_of(line, "source");
            Place {
                file: page.source.file.clone(),
                line: Some(to_u32(index + 1)),
                line_text: Some(line.to_owned()),
                column,
                width,
            }
            .apply(d)
        }
        None => d.in_file(&page.source.file),
    })
}
