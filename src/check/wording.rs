//! Wording rules: names and terms that must be written exactly (a leader's name and its
//! usual miswritings, C0301) and forbidden or outdated terms (C0302), looked for in
//! each page's and section's file as written, front matter (titles) and text alike,
//! fenced code excepted. Each hit names the file, line and character column.

use std::path::Path;

use rayon::prelude::*;

use super::{Place, to_u32};
use crate::config::check::{ForbiddenTerm, WordingRule};
use crate::content::decode;
use crate::diag::Diagnostic;
use crate::portal::Portal;

/// Every wording problem of the site (nothing is read when no rule is configured).
pub(crate) fn check_wording(portal: &Portal) -> Vec<Diagnostic> {
    let rules = &portal.config.check;
    if rules.wording.is_empty() && rules.forbidden.is_empty() {
        return Vec::new();
    }
    let files: Vec<&Path> = portal
        .sections
        .iter()
        .map(|s| s.source.file.as_path())
        // A reprint is the origin's file, checked once, by the origin's check.
        .chain(
            portal
                .pages
                .iter()
                .filter(|p| p.source.meta.reprint.is_none())
                .map(|p| p.source.file.as_path()),
        )
        .collect();
    files
        .par_iter()
        .flat_map_iter(|file| {
            let text = read_text(&portal.root.join(file));
            scan_text(file, &text, &rules.wording, &rules.forbidden)
        })
        .collect()
}

fn read_text(path: &Path) -> String {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| decode::decode(path, &bytes).ok())
        .unwrap_or_default()
}

/// Wording problems in one file's text.
pub(crate) fn scan_text(
    file: &Path,
    text: &str,
    wording: &[WordingRule],
    forbidden: &[ForbiddenTerm],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut in_fence: Option<&str> = None;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence) {
                in_fence = None;
            }
            continue;
        }
        if let Some(fence) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
            in_fence = Some(fence);
            continue;
        }
        let line_number = to_u32(index + 1);
        for rule in wording {
            for wrong in &rule.wrong {
                for at in hits(line, wrong, Some(&rule.right)) {
                    let d = Diagnostic::error(
                        "C0301",
                        crate::t!("check-miswritten", wrong = wrong, right = &rule.right),
                    )
                    .expected(format!("「{}」", rule.right))
                    .help(crate::t!("check-miswritten.help", right = &rule.right));
                    out.push(place(file, line, line_number, at, wrong).apply(d));
                }
            }
        }
        for term in forbidden {
            for at in hits(line, &term.term, term.instead.as_deref()) {
                out.push(
                    place(file, line, line_number, at, &term.term)
                        .apply(forbidden_diagnostic(term)),
                );
            }
        }
    }
    out
}

fn forbidden_diagnostic(term: &ForbiddenTerm) -> Diagnostic {
    let message = crate::t!("check-forbidden", term = &term.term);
    let d = if term.warning {
        Diagnostic::warning("C0302", message)
    } else {
        Diagnostic::error("C0302", message)
    };
    match &term.instead {
        Some(instead) => d
            .expected(format!("「{instead}」"))
            .help(crate::t!("check-forbidden.instead", instead = instead)),
        None => d.help(crate::t!("check-forbidden.help")),
    }
}

fn place(file: &Path, line: &str, line_number: u32, at: usize, needle: &str) -> Place {
    Place {
        file: file.to_path_buf(),
        line: Some(line_number),
        line_text: Some(line.to_owned()),
        column: to_u32(line[..at].chars().count() + 1),
        width: to_u32(needle.chars().count()),
    }
}

/// Byte offsets of `needle` in `line`, except where it is part of `right` (so a wrong
/// form that is a piece of the right one is not reported inside the right one).
fn hits(line: &str, needle: &str, right: Option<&str>) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let covered: Vec<(usize, usize)> = right
        .filter(|r| r.contains(needle))
        .map(|r| {
            line.match_indices(r)
                .map(|(i, m)| (i, i + m.len()))
                .collect()
        })
        .unwrap_or_default();
    line.match_indices(needle)
        .map(|(i, _)| i)
        .filter(|i| {
            !covered
                .iter()
                .any(|(start, end)| *start <= *i && i + needle.len() <= *end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_miswritings_with_character_columns() {
        let rules = [WordingRule {
            right: "韦晓岚".into(),
            wrong: vec!["韦小岚".into()],
        }];
        let text = "+++\ntitle = \"韦小岚调研\"\n+++\n\n```\n韦小岚\n```\n会上，韦小岚指出。\n";
        let found = scan_text(Path::new("content/a.md"), text, &rules, &[]);
        let places: Vec<(u32, u32)> = found
            .iter()
            .map(|d| d.span.map_or((0, 0), |s| (s.line, s.column)))
            .collect();
        assert_eq!(places, [(2, 10), (8, 4)]);
        assert_eq!(found[0].expected.as_deref(), Some("「韦晓岚」"));
    }

    #[test]
    fn a_wrong_form_inside_the_right_form_is_not_reported() {
        let rules = [WordingRule {
            right: "科学技术协会".into(),
            wrong: vec!["技术协会".into()],
        }];
        let found = scan_text(Path::new("a.md"), "科学技术协会与技术协会", &rules, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.map(|s| s.column), Some(8));
    }

    #[test]
    fn forbidden_terms_suggest_the_replacement() {
        let terms = [ForbiddenTerm {
            term: "科协系统内部".into(),
            instead: Some("科协系统".into()),
            warning: true,
        }];
        let found = scan_text(Path::new("a.md"), "x\n在科协系统内部推广", &[], &terms);
        assert_eq!(found.len(), 1);
        assert!(!found[0].is_error());
        assert_eq!(found[0].span.map(|s| (s.line, s.column)), Some((2, 2)));
    }
}
