//! Content rules that need the whole site or the rendered page: images without alt
//! text (C0105), titles used by more than one page (C0106), headings that skip a
//! level (C0107) and the title written again as the body's first heading (C0122).

use std::collections::BTreeMap;

use super::{Place, body_line_text, column_of};
use crate::diag::{Diagnostic, display_path};
use crate::markdown::Heading;
use crate::portal::{Portal, PortalPage};

/// Every content problem of the site.
pub(crate) fn check_content(portal: &Portal) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &portal.pages {
        out.extend(missing_alt(page));
        out.extend(skipped_heading_levels(page));
        out.extend(title_again(page));
    }
    out.extend(duplicate_titles(portal));
    out
}

fn place_in_body(page: &PortalPage, line: u32, needle: &str) -> Place {
    let text = body_line_text(&page.source.body, page.source.body_line, line);
    let (column, width) = text.map_or((1, 1), |t| column_of(t, needle));
    Place {
        file: page.source.file.clone(),
        line: Some(line),
        line_text: text.map(str::to_owned),
        column,
        width,
    }
}

fn missing_alt(page: &PortalPage) -> Vec<Diagnostic> {
    page.rendered
        .images
        .iter()
        .filter(|image| image.alt.trim().is_empty())
        .map(|image| {
            let d = Diagnostic::error("C0105", crate::t!("markdown-no-alt", src = &image.src))
                .expected(crate::t!("check-no-alt.expected"))
                .help(crate::t!("check-no-alt.help"));
            place_in_body(page, image.line, &image.src).apply(d)
        })
        .collect()
}

/// Headings in document order, flattened from the nested table of contents.
fn flatten<'a>(headings: &'a [Heading], out: &mut Vec<&'a Heading>) {
    for heading in headings {
        out.push(heading);
        flatten(&heading.children, out);
    }
}

fn skipped_heading_levels(page: &PortalPage) -> Vec<Diagnostic> {
    let mut headings = Vec::new();
    flatten(&page.rendered.toc, &mut headings);
    let mut out = Vec::new();
    // The page title is the `<h1>`, so the body's first level may be 2 (or 1).
    let mut previous = 1;
    let mut search_from = 0;
    for heading in headings {
        if heading.level > previous + 1 {
            let (line, from) = heading_line(page, &heading.title, search_from);
            search_from = from;
            let d = Diagnostic::warning(
                "C0107",
                crate::t!(
                    "check-heading-jump",
                    title = &heading.title,
                    from = previous,
                    to = heading.level
                ),
            )
            .expected(crate::t!(
                "check-heading-jump.expected",
                level = previous + 1,
                marks = "#".repeat(previous as usize + 1)
            ))
            .help(crate::t!("check-heading-jump.help"));
            out.push(match line {
                Some(line) => place_in_body(page, line, &heading.title).apply(d),
                None => d.in_file(&page.source.file),
            });
        }
        previous = heading.level;
    }
    out
}

/// The page's title written again as the body's first heading, `# 标题`, as a Word
/// document pasted whole brings it: the page shows its title twice.
fn title_again(page: &PortalPage) -> Option<Diagnostic> {
    let first = page.rendered.toc.first()?;
    let title = page.source.meta.title.trim();
    let same = |a: &str, b: &str| {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        squeeze(a) == squeeze(b)
    };
    if first.level != 1 || title.is_empty() || !same(&first.title, title) {
        return None;
    }
    let d = Diagnostic::warning("C0122", crate::t!("check-title-again", title = title))
        .help(crate::t!("check-title-again.help"));
    Some(match heading_line(page, &first.title, 0).0 {
        Some(line) => place_in_body(page, line, &first.title).apply(d),
        None => d.in_file(&page.source.file),
    })
}

/// The file line of the Markdown heading with `title`, searching body lines from `from`.
fn heading_line(page: &PortalPage, title: &str, from: usize) -> (Option<u32>, usize) {
    let found = page
        .source
        .body
        .lines()
        .enumerate()
        .skip(from)
        .find(|(_, line)| line.trim_start().starts_with('#') && line.contains(title));
    match found {
        Some((index, _)) => (
            Some(page.source.body_line + super::to_u32(index)),
            index + 1,
        ),
        None => (None, from),
    }
}

fn duplicate_titles(portal: &Portal) -> Vec<Diagnostic> {
    let mut by_title: BTreeMap<&str, Vec<&PortalPage>> = BTreeMap::new();
    for page in &portal.pages {
        let title = page.source.meta.title.trim();
        if !title.is_empty() {
            by_title.entry(title).or_default().push(page);
        }
    }
    by_title
        .into_iter()
        .filter(|(_, pages)| pages.len() > 1)
        .filter_map(|(title, pages)| {
            let (first, others) = pages.split_first()?;
            let second = others.first()?;
            let names: Vec<String> = pages
                .iter()
                .map(|p| format!("`{}`", display_path(&p.source.file)))
                .collect();
            let d = Diagnostic::warning(
                "C0106",
                crate::t!("check-duplicate-title", title = title, count = pages.len()),
            );
            Some(title_place(portal, second).apply(d).help(crate::t!(
                "check-duplicate-title.help",
                first = display_path(&first.source.file),
                pages = names.join(", ")
            )))
        })
        .collect()
}

/// The line of `title` in the page's front matter, read from disk (the model keeps the
/// value, not its place); the file alone when it cannot be read.
fn title_place(portal: &Portal, page: &PortalPage) -> Place {
    let text = std::fs::read_to_string(portal.root.join(&page.source.file)).unwrap_or_default();
    let title = page.source.meta.title.trim();
    let found = text.lines().enumerate().find(|(_, line)| {
        let key = line.trim_start();
        (key.starts_with("title") || key.starts_with("\"title\"")) && line.contains(title)
    });
    match found {
        Some((index, line)) => {
            let (column, width) = column_of(line, title);
            Place {
                file: page.source.file.clone(),
                line: Some(super::to_u32(index + 1)),
                line_text: Some(line.to_owned()),
                column,
                width,
            }
        }
        None => Place {
            file: page.source.file.clone(),
            line: None,
            line_text: None,
            column: 1,
            width: 1,
        },
    }
}
