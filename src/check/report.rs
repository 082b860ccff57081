//! `--report audit.html`: one self-contained page (inline CSS, no script, no external
//! request) for the people who answer for the site: the inspection by column with
//! counts, the problems by rule, and every problem with its place.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::CheckReport;
use super::inspect::{ColumnSummary, problems_by_column};
use crate::config::check::ColumnKind;
use crate::diag::{Diagnostic, Lang, display_path};
use crate::html_text::escape as escape_html;

const STYLE: &str = "body{font:16px/1.6 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a}h1{font-size:1.6rem}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3}.ok{color:#11632a}.bad{color:#b3141c;font-weight:bold}.muted{color:#555}code{font-family:ui-monospace,monospace;font-size:.9em}.summary{font-size:1.1rem}";

/// The audit page for `report`.
pub fn render_audit(report: &CheckReport, lang: Lang) -> String {
    let diagnostics = report.diagnostics.clone().sorted();
    let mut out = String::new();
    let title = format!("{} 网站自查报告", report.site_title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape_html(&title),
        escape_html(&title)
    );
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let class = if errors == 0 { "ok" } else { "bad" };
    let _ = writeln!(
        out,
        "<p class=\"summary\">检查页面 {} 个：<span class=\"{class}\">错误 {errors} 项</span>，警告 {} 项。</p>",
        report.pages,
        diagnostics.len() - errors
    );
    if let Some(inspection) = &report.inspection {
        let _ = writeln!(
            out,
            "<p class=\"muted\">更新情况按 {} 计算。</p>",
            inspection.today
        );
        out.push_str("<h2>栏目更新情况</h2>\n<table>\n<tr><th>栏目</th><th>类型</th><th>时限（天）</th><th>条目</th><th>无日期</th><th>最近更新</th><th>距今（天）</th><th>状态</th><th>问题（含下级栏目）</th></tr>\n");
        let counts: BTreeMap<String, usize> = problems_by_column(inspection, &diagnostics)
            .into_iter()
            .collect();
        column_row(&mut out, &inspection.home, None);
        for column in &inspection.columns {
            column_row(&mut out, column, counts.get(&column.section).copied());
        }
        out.push_str("</table>\n");
    }
    by_rule(&mut out, &diagnostics);
    every_problem(&mut out, &diagnostics, lang);
    out.push_str("</body>\n</html>\n");
    out
}

fn column_row(out: &mut String, c: &ColumnSummary, problems: Option<usize>) {
    let name = if c.section.is_empty() {
        "首页".to_owned()
    } else {
        format!("{}（{}）", c.title, c.section)
    };
    let kind = match c.kind {
        ColumnKind::News => "动态要闻",
        ColumnKind::Notice => "通知公告/政策文件",
        ColumnKind::Other => "其他",
        ColumnKind::Exempt => "不检查",
    };
    let status = match c.status {
        "ok" => "<span class=\"ok\">正常</span>",
        "stale" => "<span class=\"bad\">未按时更新</span>",
        "empty" => "<span class=\"bad\">空白栏目</span>",
        _ => "<span class=\"muted\">不检查</span>",
    };
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

fn by_rule(out: &mut String, diagnostics: &[Diagnostic]) {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for d in diagnostics {
        let entry = counts.entry(d.code).or_default();
        if d.is_error() {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    out.push_str("<h2>按规则统计</h2>\n");
    if counts.is_empty() {
        out.push_str("<p class=\"ok\">未发现问题。</p>\n");
        return;
    }
    out.push_str("<table>\n<tr><th>代码</th><th>错误</th><th>警告</th></tr>\n");
    for (code, (errors, warnings)) in counts {
        let _ = writeln!(
            out,
            "<tr><td><code>{code}</code></td><td>{errors}</td><td>{warnings}</td></tr>"
        );
    }
    out.push_str("</table>\n");
}

fn every_problem(out: &mut String, diagnostics: &[Diagnostic], lang: Lang) {
    if diagnostics.is_empty() {
        return;
    }
    out.push_str("<h2>问题清单</h2>\n<table>\n<tr><th>级别</th><th>代码</th><th>位置</th><th>问题</th><th>修改建议</th></tr>\n");
    for d in diagnostics {
        let place = match (&d.file, d.span) {
            (Some(f), Some(s)) => format!("{}:{}:{}", display_path(f), s.line, s.column),
            (Some(f), None) => display_path(f),
            _ => String::new(),
        };
        let level = if d.is_error() {
            "<span class=\"bad\">错误</span>"
        } else {
            "警告"
        };
        let _ = writeln!(
            out,
            "<tr><td>{level}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
            d.code,
            escape_html(&place),
            escape_html(&d.message_in(lang)),
            escape_html(d.help_in(lang).as_deref().unwrap_or("")),
        );
    }
    out.push_str("</table>\n");
}
