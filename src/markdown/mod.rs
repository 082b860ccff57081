//! One page's Markdown body → HTML plus facts about it ([`Rendered`]): table of contents,
//! plain text, links, images, summary and problems with file positions.
//!
//! This module knows no templates, files or site model: `@/` links are resolved through a
//! [`LinkResolver`] and shortcodes rendered through a [`ShortcodeRenderer`], both
//! implemented by the caller. The work is one pass over pulldown-cmark's event stream
//! (after a shortcode pre-pass that only runs when the text contains `{{` or `{%`).
//!
//! Problem codes: `E0210` an `@/` link to no page; `E0211` an unknown shortcode;
//! `E0212` a broken shortcode (bad syntax or arguments, unclosed block, render error,
//! expansion too deep or too large); `W0203` a link or image shown as text because its
//! path has a space; `W0206` a table row's text left out, its cells beyond the header's;
//! `W0207` Chinese text indented as in Word, shown as code.

mod attachment_note;
mod events;
mod highlight;
mod links;
mod position;
mod shortcodes;
mod signature;
mod summary;
mod table_rows;
mod toc;
mod traditional;
mod unlinked;

#[cfg(test)]
mod tests;

use std::path::Path;

use serde::Serialize;

use crate::diag::text::Said;
use crate::diag::{Diagnostic, Span};

pub use highlight::{highlight_stylesheet, release_highlighter};
pub use summary::plain_summary;
pub(crate) use toc::han_outline_marker;

/// Whether an image or link address names a file on the writer's own computer
/// (`file:///C:/Users/…`, as Word pastes pictures): no reader can open it.
pub fn is_on_own_computer(src: &str) -> bool {
    crate::url_scheme::scheme_of(src).is_some_and(|s| s == "file")
}

/// How Markdown is turned into HTML for one site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarkdownOptions {
    /// Highlight fenced code with syntect (CSS classes prefixed `hl-`, no inline styles).
    pub highlight_code: bool,
    /// How heading ids are made.
    pub anchors: AnchorStyle,
    /// Whether and where a link to each heading is inserted.
    pub insert_anchor_links: AnchorLinks,
    /// Curly quotes, dashes and ellipses.
    pub smart_punctuation: bool,
    /// `target="_blank"` (with `rel="noopener"`) on links to absolute http(s) URLs.
    pub external_links_target_blank: bool,
    /// `rel="nofollow"` on links to absolute http(s) URLs.
    pub external_links_no_follow: bool,
    /// `rel="noreferrer"` on links to absolute http(s) URLs.
    pub external_links_no_referrer: bool,
    /// When false, raw HTML written in Markdown is escaped and shown as text.
    pub render_raw_html: bool,
    /// Length of the automatic summary, in characters.
    pub summary_chars: usize,
    /// A line break inside a paragraph (a soft break) is rendered as `<br>`.
    pub hard_wraps: bool,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            highlight_code: true,
            anchors: AnchorStyle::Safe,
            insert_anchor_links: AnchorLinks::None,
            smart_punctuation: false,
            external_links_target_blank: false,
            external_links_no_follow: false,
            external_links_no_referrer: false,
            render_raw_html: true,
            summary_chars: 120,
            hard_wraps: false,
        }
    }
}

/// How heading ids are made from heading text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AnchorStyle {
    /// Letters and digits of any script kept (ASCII lower-cased), the rest collapsed to `-`.
    Safe,
    /// Han characters as pinyin readings joined by `-`, ASCII kept lower-cased.
    Pinyin,
    /// The text as written, whitespace replaced by `-`.
    Off,
}

/// Where a link to each heading is inserted (Zola's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AnchorLinks {
    /// No anchor link.
    None,
    /// `<a class="anchor">` before the heading text.
    Left,
    /// `<a class="anchor">` after the heading text.
    Right,
    /// The heading text itself becomes the link (a heading that holds a link of its own
    /// then nests one link in another, which browsers tolerate but HTML forbids).
    Heading,
}

/// Resolves internal `@/` links to permalinks.
pub trait LinkResolver: Sync {
    /// `target` is the part after `@/` and before `#`, e.g. "news/2024-05-01-x.md" or
    /// "news/_index.md". Returns the absolute permalink, e.g. "https://x.org/news/x/".
    fn resolve(&self, target: &str) -> Option<String>;

    /// For a `target` that resolves to nothing, the existing key it most likely meant
    /// (`news/2024-05-01-x.md`), for a "did you mean"; none by default.
    fn nearest(&self, _target: &str) -> Option<String> {
        None
    }

    /// A link to another member site of a network, `@wuzhou:/news/x.md`: `site` is the
    /// site's name, `target` the path under its `content/`. `None` outside a network,
    /// where such a link is left as written; otherwise the permalink, or why not.
    fn resolve_in_site(&self, _site: &str, _target: &str) -> Option<Result<String, SiteLinkError>> {
        None
    }
}

/// Why an `@site:/path.md` link resolves to nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum SiteLinkError {
    /// No member site has this name; the nearest name, if one is close.
    NoSite(Option<String>),
    /// The site has no such page or section; the nearest key, if one is close.
    NoPage(Option<String>),
}

/// Renders shortcodes (the caller's templates).
pub trait ShortcodeRenderer: Sync {
    /// True when a shortcode template with this name exists.
    fn exists(&self, name: &str) -> bool;
    /// args: Zola-style keyword args as JSON values; body: Some(..) for block shortcodes.
    fn render(
        &self,
        name: &str,
        args: &serde_json::Map<String, serde_json::Value>,
        body: Option<&str>,
    ) -> Result<ShortcodeOutput, String>;
}

/// What a shortcode template produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ShortcodeOutput {
    /// From an `.html` template: reaches the final HTML untouched.
    Html(String),
    /// From an `.md` template: spliced into the Markdown before parsing.
    Markdown(String),
}

/// One page's body as handed to [`render`].
#[derive(Debug, Clone, Copy)]
pub struct MarkdownInput<'a> {
    /// The body (front matter already removed), LF line ends.
    pub text: &'a str,
    /// 1-based line number in the file where `text` begins.
    pub first_line: u32,
    /// Used to build heading permalinks (`{page_permalink}#{id}`).
    pub page_permalink: &'a str,
}

/// The result of rendering one page's Markdown.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rendered {
    /// The body as HTML.
    pub html: String,
    /// HTML before `<!-- more -->` if present (tags closed), else the automatic summary.
    pub summary_html: String,
    /// True when the body contains `<!-- more -->`.
    pub has_more_marker: bool,
    /// Nested table of contents, like Zola's `page.toc`. Heading A contains the later
    /// headings it is an ancestor of: those at a deeper Markdown level, and those at the
    /// same level when both start with a Chinese outline marker and A's ranks higher
    /// (第…编/篇/部分 > 第…章 > 第…节 > 第…条 > 一、 > （一） > 1. > （1） > ①). So `##`
    /// headings numbered 一、 then （一） nest by their numbering; an unmarked heading is a
    /// sibling of every heading at its level; skipped levels nest directly.
    pub toc: Vec<Heading>,
    /// Plain text of the body (no markup, code included), for search. A build that
    /// has no index to make drops it once rendered (see `stats`).
    pub text: String,
    /// Character count and reading time of `text`, counted as it is made so that the
    /// text itself need not be kept.
    pub stats: crate::zh::TextStats,
    /// Every link target as written, with its resolved form for `@/` links.
    pub links: Vec<LinkRef>,
    /// Every image.
    pub images: Vec<ImageRef>,
    /// Problems found, placed in the file.
    pub problems: Vec<Problem>,
    /// True when the body has a code block.
    pub has_code: bool,
}

/// One heading in the table of contents (field names are Zola's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// Markdown level, 1 to 6.
    pub level: u32,
    /// The `id` attribute of the heading.
    pub id: String,
    /// The heading's plain text.
    pub title: String,
    /// `{page_permalink}#{id}`.
    pub permalink: String,
    /// Chinese outline marker as written (`一、`, `（一）`, `1.`, `第一章`), when present.
    pub outline: Option<String>,
    /// Headings nested under this one.
    pub children: Vec<Heading>,
}

/// One link in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct LinkRef {
    /// The destination as written.
    pub target: String,
    /// For `@/` links, the permalink (with the anchor) when the target exists.
    pub resolved: Option<String>,
    /// Line in the file.
    pub line: u32,
}

/// One image in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ImageRef {
    /// The source as written (resolved for `@/` sources).
    pub src: String,
    /// Alternative text, possibly empty.
    pub alt: String,
    /// Line in the file.
    pub line: u32,
}

/// A problem found while rendering, placed in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Stable code (`E0210`, `E0211`, `E0212`).
    pub code: &'static str,
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
    /// What was found, lower case, no full stop.
    pub message: Said,
    /// A concrete fix.
    pub help: Option<Said>,
    /// Errors fail the build; otherwise a warning.
    pub is_error: bool,
}

impl Problem {
    /// This problem as a [`Diagnostic`] in `file`, whose full text is `file_text`.
    pub fn to_diagnostic(&self, file: &Path, file_text: &str) -> Diagnostic {
        let base = if self.is_error {
            Diagnostic::error(self.code, self.message.clone())
        } else {
            Diagnostic::warning(self.code, self.message.clone())
        };
        let d = base
            .in_file(file)
            .at(Span::point(self.line, self.column), file_text);
        match &self.help {
            Some(help) => d.help(help.clone()),
            None => d,
        }
    }
}

/// Renders one page's Markdown body.
pub fn render(
    input: &MarkdownInput,
    opts: &MarkdownOptions,
    links: &dyn LinkResolver,
    shortcodes: &dyn ShortcodeRenderer,
) -> Rendered {
    let expanded = shortcodes::expand(input.text, shortcodes);
    let positions = position::Positions::new(input.text, input.first_line, &expanded.map);
    let mut problems: Vec<Problem> = expanded
        .problems
        .iter()
        .map(|p| positions.problem_at_original(p.offset, p.code, p.message.clone(), p.help.clone()))
        .collect();
    let context = events::Context {
        opts,
        links,
        positions: &positions,
        html_outputs: &expanded.html_outputs,
        page_permalink: input.page_permalink,
    };
    let mut pass = events::render_events(&expanded.text, &context);
    problems.append(&mut pass.problems);
    let problems = limit_problems(problems);
    let summary_html = match pass.summary_html {
        Some(summary) => summary,
        None => summary::truncate_html(&summary::without_headings(&pass.html), opts.summary_chars),
    };
    // Grown by doubling, these strings hold up to twice their length; a site's pages all
    // stay in memory until rendered, so the slack would add up to a third of a build.
    let mut html = pass.html;
    html.shrink_to_fit();
    let mut text = pass.text;
    text.shrink_to_fit();
    Rendered {
        stats: crate::zh::text_stats(&text),
        html,
        has_more_marker: pass.has_more_marker,
        summary_html,
        toc: toc::build_toc(pass.headings),
        text,
        links: pass.links,
        images: pass.images,
        problems,
        has_code: pass.has_code,
    }
}

/// How many problems one page reports before the rest are counted in one last problem.
/// A page repeating one mistake thousands of times (a misspelt shortcode pasted on
/// every line) would otherwise print every copy with its source line: hundreds of
/// megabytes of messages and minutes of work for a 60 KB file.
pub const MAX_PROBLEMS: usize = 100;

/// The first [`MAX_PROBLEMS`] problems in file order, then one saying how many more
/// there are, placed at the first of those.
fn limit_problems(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() <= MAX_PROBLEMS {
        return problems;
    }
    problems.sort_by_key(|p| (p.line, p.column));
    let hidden = problems.split_off(MAX_PROBLEMS);
    let Some(first) = hidden.first() else {
        return problems;
    };
    let summary = Problem {
        code: first.code,
        line: first.line,
        column: first.column,
        message: crate::t!(
            "markdown-more-problems",
            count = hidden.len(),
            shown = MAX_PROBLEMS
        ),
        help: Some(crate::t!("markdown-more-problems.help")),
        is_error: hidden.iter().any(|p| p.is_error),
    };
    problems.push(summary);
    problems
}
