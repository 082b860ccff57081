//! `--report audit.html`: one self-contained page (inline CSS, no script, no external
//! request) for the people who answer for the site: the inspection by column with
//! counts, the problems by rule, and every problem with its place.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::CheckReport;
use super::inspect::{ColumnSummary, problems_by_column};
use crate::config::check::ColumnKind;
use crate::diag::text::Said;
use crate::diag::{Diagnostic, Lang, display_path};
use crate::html_text::escape as escape_html;

/// Readable from 390 px (a phone) up: the wide tables scroll in their own box, and on a
/// narrow screen each problem is a card of labelled lines instead of a table row.
const STYLE: &str = "body{font:16px/1.6 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a}h1{font-size:1.6rem}.wide{overflow-x:auto;margin:1rem 0}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3;white-space:nowrap}.wide td{white-space:nowrap}.ok{color:#11632a}.bad{color:#b3141c;font-weight:bold}.muted{color:#555}code{font-family:ui-monospace,monospace;font-size:.9em}.summary{font-size:1.1rem}@media (max-width:40rem){body{margin:1rem auto}h1{font-size:1.3rem}.cards tr:first-child{display:none}.cards tr{display:block;border:1px solid #ccc;margin-bottom:.75rem}.cards td{display:block;border:0;padding:.15rem .6rem}.cards td::before{content:attr(data-label) '：';color:#555}:lang(en) .cards td::before{content:attr(data-label) ': '}.cards code{overflow-wrap:anywhere}}";

/// The audit page for `report`.
pub fn render_audit(report: &CheckReport, lang: Lang) -> String {
    let diagnostics = report.diagnostics.clone().sorted();
    let mut out = String::new();
    let title = said(lang, crate::t!("report-title", site = &report.site_title));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        lang.tag(),
        escape_html(&title),
        escape_html(&title)
    );
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let class = if errors == 0 { "ok" } else { "bad" };
    let counted = crate::t!(
        "report-summary",
        pages = report.pages,
        errors = errors,
        warnings = diagnostics.len() - errors
    );
    // The error count is coloured: the sentence is cut at its number.
    let counted = escape_html(&said(lang, counted));
    let errors_text = escape_html(&said(
        lang,
        crate::t!("report-summary.errors", errors = errors),
    ));
    let counted = counted.replacen(
        &errors_text,
        &format!("<span class=\"{class}\">{errors_text}</span>"),
        1,
    );
    let _ = writeln!(out, "<p class=\"summary\">{counted}</p>");
    if let Some(inspection) = &report.inspection {
        let today = said(
            lang,
            crate::t!("report-today", day = inspection.today.to_string()),
        );
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape_html(&today));
        let _ = write!(
            out,
            "<h2>{}</h2>\n<div class=\"wide\" data-scroll>\n<table>\n<tr>",
            escape_html(&said(lang, crate::t!("report-columns")))
        );
        for heading in [
            crate::t!("report-columns.column"),
            crate::t!("report-columns.kind"),
            crate::t!("report-columns.limit"),
            crate::t!("report-columns.items"),
            crate::t!("report-columns.undated"),
            crate::t!("report-columns.newest"),
            crate::t!("report-columns.age"),
            crate::t!("report-columns.status"),
            crate::t!("report-columns.problems"),
        ] {
            let _ = write!(out, "<th>{}</th>", escape_html(&said(lang, heading)));
        }
        out.push_str("</tr>\n");
        let counts: BTreeMap<String, usize> = problems_by_column(inspection, &diagnostics)
            .into_iter()
            .collect();
        column_row(&mut out, &inspection.home, None, lang);
        for column in &inspection.columns {
            column_row(&mut out, column, counts.get(&column.section).copied(), lang);
        }
        out.push_str("</table>\n</div>\n");
    }
    by_rule(&mut out, &diagnostics, lang);
    every_problem(&mut out, &diagnostics, lang);
    out.push_str("</body>\n</html>\n");
    out
}

/// `text` in `lang`.
fn said(lang: Lang, text: Said) -> String {
    text.render(lang).into_owned()
}

fn column_row(out: &mut String, c: &ColumnSummary, problems: Option<usize>, lang: Lang) {
    let name = if c.section.is_empty() {
        crate::t!("report-home")
    } else {
        crate::t!("report-column-name", title = &c.title, section = &c.section)
    };
    let kind = match c.kind {
        ColumnKind::News => crate::t!("report-kind.news"),
        ColumnKind::Notice => crate::t!("report-kind.notice"),
        ColumnKind::Other => crate::t!("report-kind.other"),
        ColumnKind::Exempt => crate::t!("report-kind.exempt"),
    };
    let kind = escape_html(&said(lang, kind));
    let (class, status) = match c.status {
        "ok" => ("ok", crate::t!("report-status.ok")),
        "stale" => ("bad", crate::t!("report-status.stale")),
        "empty" => ("bad", crate::t!("report-status.empty")),
        _ => ("muted", crate::t!("report-status.exempt")),
    };
    let status = format!(
        "<span class=\"{class}\">{}</span>",
        escape_html(&said(lang, status))
    );
    let name = said(lang, name);
    let opt = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
    let _ = writeln!(
        out,
        "<tr><td>{}</td><td>{kind}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{status}</td><td>{}</td></tr>",
        escape_html(&name),
        opt(c.limit_days.map(|d| d.to_string())),
        c.items,
        c.undated,
        opt(c.newest.map(|d| d.to_string())),
        opt(c.age_days.map(|d| d.to_string())),
        opt(problems.map(|n| n.to_string())),
    );
}

fn by_rule(out: &mut String, diagnostics: &[Diagnostic], lang: Lang) {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for d in diagnostics {
        let entry = counts.entry(d.code).or_default();
        if d.is_error() {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    let text = |id: Said| escape_html(&said(lang, id));
    let _ = writeln!(out, "<h2>{}</h2>", text(crate::t!("report-by-rule")));
    if counts.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"ok\">{}</p>",
            text(crate::t!("report-by-rule.none"))
        );
        return;
    }
    let _ = writeln!(
        out,
        "<div class=\"wide\" data-scroll>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        text(crate::t!("report-by-rule.code")),
        text(crate::t!("report-by-rule.errors")),
        text(crate::t!("report-by-rule.warnings"))
    );
    for (code, (errors, warnings)) in counts {
        let _ = writeln!(
            out,
            "<tr><td><code>{code}</code></td><td>{errors}</td><td>{warnings}</td></tr>"
        );
    }
    out.push_str("</table>\n</div>\n");
}

fn every_problem(out: &mut String, diagnostics: &[Diagnostic], lang: Lang) {
    if diagnostics.is_empty() {
        return;
    }
    let text = |id: Said| escape_html(&said(lang, id));
    let labels = [
        text(crate::t!("report-problems.level")),
        text(crate::t!("report-by-rule.code")),
        text(crate::t!("report-problems.place")),
        text(crate::t!("report-problems.problem")),
        text(crate::t!("report-problems.fix")),
    ];
    let _ = write!(
        out,
        "<h2>{}</h2>\n<table class=\"cards\">\n<tr>",
        text(crate::t!("report-problems"))
    );
    for label in &labels {
        let _ = write!(out, "<th>{label}</th>");
    }
    out.push_str("</tr>\n");
    for d in diagnostics {
        let place = match (&d.file, d.span) {
            (Some(f), Some(s)) => format!("{}:{}:{}", display_path(f), s.line, s.column),
            (Some(f), None) => display_path(f),
            _ => String::new(),
        };
        let level = if d.is_error() {
            format!(
                "<span class=\"bad\">{}</span>",
                text(crate::t!("report-level.error"))
            )
        } else {
            text(crate::t!("report-level.warning"))
        };
        let cells = [
            level,
            format!("<code>{}</code>", d.code),
            format!("<code>{}</code>", escape_html(&place)),
            with_code(&d.message_in(lang)),
            with_code(d.help_in(lang).as_deref().unwrap_or("")),
        ];
        out.push_str("<tr>");
        for (label, cell) in labels.iter().zip(cells) {
            let _ = write!(out, "<td data-label=\"{label}\">{cell}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// `text` escaped, its `quoted` parts (file names, commands, values, written as in a
/// terminal) set as code rather than showing their backticks.
fn with_code(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    // An odd count of backticks leaves the last one as it is.
    let paired = parts.len() - 1 - (parts.len() - 1) % 2;
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i > paired {
            out.push('`');
        }
        let escaped = escape_html(part);
        match i % 2 == 1 && i <= paired {
            true => {
                out.push_str("<code>");
                out.push_str(&escaped);
                out.push_str("</code>");
            }
            false => out.push_str(&escaped),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_code;

    #[test]
    fn quoted_parts_of_a_fix_are_code_and_a_lone_backtick_stays() {
        assert_eq!(
            with_code("运行 `menhu new news \"标题\"`，或改 `a<b`"),
            "运行 <code>menhu new news &quot;标题&quot;</code>，或改 <code>a&lt;b</code>"
        );
        assert_eq!(with_code("a`b`c`d"), "a<code>b</code>c`d");
        assert_eq!(with_code("no quotes"), "no quotes");
    }
}
