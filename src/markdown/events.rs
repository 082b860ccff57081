//! The one pass over pulldown-cmark's events: heading ids and anchor links, link and
//! image resolution, code highlighting, placeholders back to shortcode HTML, raw-HTML
//! escaping, plain text, and the `<!-- more -->` summary.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use super::links::{self, LinkAttributes};
use super::position::Positions;
use super::shortcodes::{self, HtmlOutput, TextPiece};
use super::toc::{self, FlatHeading};
use super::{ImageRef, LinkRef, LinkResolver, MarkdownOptions, Problem, highlight, summary};
use super::{attachment_note, signature, table_rows, unlinked};

/// The Markdown extensions menhu renders.
pub(crate) fn parser_options(smart_punctuation: bool) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// What the event pass reads.
pub(crate) struct Context<'c> {
    pub opts: &'c MarkdownOptions,
    pub links: &'c dyn LinkResolver,
    pub positions: &'c Positions<'c>,
    pub html_outputs: &'c [HtmlOutput],
    pub page_permalink: &'c str,
}

/// What the event pass produces.
pub(crate) struct Pass {
    pub html: String,
    /// The HTML before `<!-- more -->`, when the marker is present.
    pub summary_html: Option<String>,
    pub has_more_marker: bool,
    pub headings: Vec<FlatHeading>,
    pub text: String,
    pub links: Vec<LinkRef>,
    pub images: Vec<ImageRef>,
    pub problems: Vec<Problem>,
    pub has_code: bool,
}

/// What a table is wrapped in (see `Tag::Table` in `start`).
const TABLE_WRAP_OPEN: &str = "<div class=\"table-wrap\" tabindex=\"0\">";
const TABLE_WRAP_CLOSE: &str = "</div>\n";

/// How to close an element that is open at the `<!-- more -->` marker.
#[derive(Debug, Clone)]
enum Closer {
    Tag(TagEnd),
    Html(&'static str),
}

struct HeadingBuffer<'a> {
    level: HeadingLevel,
    custom_id: Option<CowStr<'a>>,
    classes: Vec<CowStr<'a>>,
    attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    events: Vec<Event<'a>>,
    title: String,
}

struct CodeBuffer {
    lang: Option<String>,
    code: String,
    /// Where a code block made by indenting lines starts (not one between ``` fences).
    indented_at: Option<usize>,
}

struct State<'a, 'c> {
    ctx: &'c Context<'c>,
    link_attributes: LinkAttributes,
    out: Vec<Event<'a>>,
    closers: Vec<Closer>,
    heading: Option<HeadingBuffer<'a>>,
    code: Option<CodeBuffer>,
    open_images: Vec<usize>,
    used_ids: HashSet<String>,
    next_suffix: HashMap<String, u32>,
    more_at: Option<(usize, Vec<Closer>)>,
    lone_placeholder_at: Option<usize>,
    /// The text being rendered, and the stretch of it read as plain text since the last
    /// other event: searched for links left as text ([`unlinked`]).
    source: &'a str,
    text_run: Option<Range<usize>>,
    /// Columns of the table being read (its header's cells).
    table_columns: usize,
    pass: Pass,
}

/// Renders `text` (shortcodes already expanded) in one pass.
pub(crate) fn render_events(text: &str, ctx: &Context) -> Pass {
    let mut state = State {
        ctx,
        link_attributes: LinkAttributes::from_options(ctx.opts),
        out: Vec::new(),
        closers: Vec::new(),
        heading: None,
        code: None,
        open_images: Vec::new(),
        used_ids: HashSet::new(),
        next_suffix: HashMap::new(),
        more_at: None,
        lone_placeholder_at: None,
        source: text,
        text_run: None,
        table_columns: 0,
        pass: Pass {
            html: String::new(),
            summary_html: None,
            has_more_marker: false,
            headings: Vec::new(),
            text: String::with_capacity(text.len() / 2),
            links: Vec::new(),
            images: Vec::new(),
            problems: Vec::new(),
            has_code: false,
        },
    };
    for (event, range) in
        Parser::new_ext(text, parser_options(ctx.opts.smart_punctuation)).into_offset_iter()
    {
        state.event(event, range);
    }
    state.end_text_run();
    state.finish(text.len())
}

impl<'a> State<'a, '_> {
    fn finish(mut self, text_len: usize) -> Pass {
        // One walk over the body's blocks serves both: each marks events in place, the
        // count of events and so the blocks' ranges unchanged.
        let blocks = signature::top_level_blocks(&self.out);
        attachment_note::mark_attachment_notes(&mut self.out, &blocks);
        signature::mark_signature(&mut self.out, &blocks);
        let mut html = String::with_capacity(text_len + text_len / 4);
        if let Some((at, closers)) = self.more_at.take() {
            let mut summary = String::new();
            let before = self.out.get(..at).unwrap_or(&self.out).iter().cloned();
            let closing = closers.into_iter().rev().map(|closer| match closer {
                Closer::Tag(end) => Event::End(end),
                Closer::Html(html) => Event::Html(CowStr::Borrowed(html)),
            });
            pulldown_cmark::html::push_html(&mut summary, before.chain(closing));
            self.pass.summary_html = Some(summary);
        }
        pulldown_cmark::html::push_html(&mut html, self.out.into_iter());
        let trimmed = self.pass.text.trim_end().len();
        self.pass.text.truncate(trimmed);
        self.pass.html = html;
        self.pass
    }

    /// Reports the links and images of the plain text just read that Markdown left as
    /// text because their path has a space (W0203, a warning: the page still builds).
    fn end_text_run(&mut self) {
        let Some(run) = self.text_run.take() else {
            return;
        };
        let Some(text) = self.source.get(run.clone()) else {
            return;
        };
        for found in unlinked::find_unlinked(text) {
            let mut problem = self.ctx.positions.problem_at(
                run.start + found.offset,
                "W0203",
                found.message(),
                Some(found.help()),
            );
            problem.is_error = false;
            self.pass.problems.push(problem);
        }
    }

    /// Reports the text of a table row Markdown leaves out: cells beyond the header's
    /// (W0206, a warning: the page still builds).
    fn table_row(&mut self, range: Range<usize>) {
        let line = self.source.get(range.clone()).unwrap_or("");
        let line = line.lines().next().unwrap_or("");
        let Some((cells, dropped)) = table_rows::dropped_text(line, self.table_columns) else {
            return;
        };
        let mut problem = self.ctx.positions.problem_at(
            range.start,
            "W0206",
            crate::t!("markdown-table-row-too-long", cells = cells, text = dropped),
            Some(crate::t!(
                "markdown-table-row-too-long.help",
                columns = self.table_columns
            )),
        );
        problem.is_error = false;
        self.pass.problems.push(problem);
    }

    /// Sends an event to the open heading, or to the output.
    fn emit(&mut self, event: Event<'a>) {
        match &mut self.heading {
            Some(heading) => heading.events.push(event),
            None => self.out.push(event),
        }
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        let at = range.start;
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(text) => code.code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => self.end_code_block(),
                _ => {}
            }
            return;
        }
        if matches!(event, Event::Text(_)) {
            let run = self.text_run.get_or_insert(range.clone());
            run.end = range.end;
        } else {
            self.end_text_run();
        }
        match &event {
            Event::Start(Tag::Table(columns)) => self.table_columns = columns.len(),
            Event::Start(Tag::TableRow) => self.table_row(range),
            _ => {}
        }
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(end) => self.end(end),
            Event::Text(text) => self.text(text),
            Event::Code(code) => {
                self.plain(&code);
                self.emit(Event::Code(code));
            }
            Event::Html(html) | Event::InlineHtml(html) if is_more_marker(&html) => {
                self.more_marker(html)
            }
            Event::Html(html) => self.raw_html(html, false),
            Event::InlineHtml(html) => self.raw_html(html, true),
            Event::SoftBreak if self.ctx.opts.hard_wraps => {
                self.pass.text.push('\n');
                self.emit(Event::HardBreak);
            }
            Event::SoftBreak => {
                self.pass.text.push(' ');
                self.emit(Event::SoftBreak);
            }
            Event::HardBreak => {
                self.pass.text.push('\n');
                self.emit(Event::HardBreak);
            }
            other => self.emit(other),
        }
    }

    fn start(&mut self, tag: Tag<'a>, at: usize) {
        match tag {
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                self.heading = Some(HeadingBuffer {
                    level,
                    custom_id: id,
                    classes,
                    attrs,
                    events: Vec::new(),
                    title: String::new(),
                });
            }
            Tag::CodeBlock(kind) => {
                let (lang, indented_at) = match kind {
                    CodeBlockKind::Fenced(info) => {
                        (highlight::language_of(&info).map(str::to_owned), None)
                    }
                    CodeBlockKind::Indented => (None, Some(at)),
                };
                self.code = Some(CodeBuffer {
                    lang,
                    code: String::new(),
                    indented_at,
                });
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => self.start_link(link_type, &dest_url, &title, at),
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let (src, _) = self.resolve(&dest_url, at);
                let line = self.ctx.positions.line(at);
                self.open_images.push(self.pass.images.len());
                self.pass.images.push(ImageRef {
                    src: src.to_string(),
                    alt: String::new(),
                    line,
                });
                self.start_tag(Tag::Image {
                    link_type,
                    dest_url: src,
                    title,
                    id,
                });
            }
            Tag::Table(alignments) => {
                // A table wider than a phone scrolls inside its wrapper instead of
                // squeezing every column to a character or two; the wrapper takes focus
                // so that a keyboard can scroll it too.
                self.emit(Event::Html(CowStr::Borrowed(TABLE_WRAP_OPEN)));
                self.closers.push(Closer::Html(TABLE_WRAP_CLOSE));
                self.start_tag(Tag::Table(alignments));
            }
            other => self.start_tag(other),
        }
    }

    fn start_tag(&mut self, tag: Tag<'a>) {
        if self.heading.is_none() {
            self.closers.push(Closer::Tag(tag.to_end()));
        }
        self.emit(Event::Start(tag));
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Heading(_) => return self.end_heading(),
            TagEnd::Link => {
                if self.heading.is_none() {
                    self.closers.pop();
                }
                return self.emit(Event::Html(CowStr::Borrowed("</a>")));
            }
            TagEnd::Image => _ = self.open_images.pop(),
            TagEnd::Paragraph if self.unwrap_lone_placeholder() => {
                self.closers.pop();
                self.text_break('\n');
                return;
            }
            _ => {}
        }
        if self.heading.is_none() {
            self.closers.pop();
        }
        match end {
            TagEnd::TableCell => self.text_break(' '),
            TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock => self.text_break('\n'),
            _ => {}
        }
        self.emit(Event::End(end));
        if end == TagEnd::Table {
            self.closers.pop();
            self.emit(Event::Html(CowStr::Borrowed(TABLE_WRAP_CLOSE)));
        }
    }

    /// A paragraph holding only a shortcode's HTML loses its `<p>` (the HTML is usually
    /// a block such as `<figure>` that may not sit inside `<p>`).
    fn unwrap_lone_placeholder(&mut self) -> bool {
        let Some(at) = self.lone_placeholder_at.take() else {
            return false;
        };
        if self.heading.is_some() || at + 1 != self.out.len() || at == 0 {
            return false;
        }
        if !matches!(self.out.get(at - 1), Some(Event::Start(Tag::Paragraph))) {
            return false;
        }
        self.out.remove(at - 1);
        // Ends the line as `</p>` would have, so the next block starts on a new line.
        self.out.push(Event::Html(CowStr::Borrowed("\n")));
        true
    }

    /// Adds a separator to the plain text unless it already ends with whitespace; a
    /// line break replaces a trailing space (the end of a table row after its cells).
    fn text_break(&mut self, separator: char) {
        match self.pass.text.chars().next_back() {
            Some(' ') if separator == '\n' => {
                self.pass.text.pop();
                self.pass.text.push('\n');
            }
            Some(c) if !c.is_whitespace() => self.pass.text.push(separator),
            _ => {}
        }
    }

    /// Plain text of the body, the open heading's title and the open image's alt.
    fn plain(&mut self, text: &str) {
        self.pass.text.push_str(text);
        if let Some(heading) = &mut self.heading {
            heading.title.push_str(text);
        }
        for &index in &self.open_images {
            if let Some(image) = self.pass.images.get_mut(index) {
                image.alt.push_str(text);
            }
        }
    }

    fn text(&mut self, text: CowStr<'a>) {
        let text = if matches!(self.out.last(), Some(Event::Start(Tag::Paragraph))) {
            match without_typed_indent(text) {
                Some(text) => text,
                None => return,
            }
        } else {
            text
        };
        if !shortcodes::may_hold_placeholder(&text) {
            self.plain(&text);
            return self.emit(Event::Text(text));
        }
        let pieces = shortcodes::split_placeholders(&text, self.ctx.html_outputs.len());
        let lone = pieces.len() == 1
            && matches!(pieces.first(), Some(TextPiece::Html(_)))
            && matches!(self.out.last(), Some(Event::Start(Tag::Paragraph)))
            && self.heading.is_none();
        for piece in pieces {
            match piece {
                TextPiece::Text(part) => {
                    self.plain(part);
                    self.emit(Event::Text(CowStr::from(part.to_owned())));
                }
                TextPiece::Html(index) => {
                    let html = self
                        .ctx
                        .html_outputs
                        .get(index)
                        .map_or("", |o| o.html.as_str());
                    summary::push_html_text(&mut self.pass.text, html);
                    self.emit(Event::InlineHtml(CowStr::from(html.to_owned())));
                }
            }
        }
        if lone {
            self.lone_placeholder_at = Some(self.out.len() - 1);
        }
    }

    fn raw_html(&mut self, html: CowStr<'a>, inline: bool) {
        if !self.ctx.opts.render_raw_html {
            self.plain(&html);
            return self.emit(Event::Text(html));
        }
        let html = if shortcodes::may_hold_placeholder(&html) {
            let mut filled = String::with_capacity(html.len());
            for piece in shortcodes::split_placeholders(&html, self.ctx.html_outputs.len()) {
                match piece {
                    TextPiece::Text(part) => filled.push_str(part),
                    TextPiece::Html(index) => filled.push_str(
                        self.ctx
                            .html_outputs
                            .get(index)
                            .map_or("", |o| o.html.as_str()),
                    ),
                }
            }
            CowStr::from(filled)
        } else {
            html
        };
        if !inline {
            self.text_break('\n');
        }
        summary::push_html_text(&mut self.pass.text, &html);
        self.emit(if inline {
            Event::InlineHtml(html)
        } else {
            Event::Html(html)
        });
    }

    fn more_marker(&mut self, html: CowStr<'a>) {
        if self.heading.is_some() || self.more_at.is_some() {
            return self.raw_html(html, true);
        }
        self.pass.has_more_marker = true;
        self.more_at = Some((self.out.len(), self.closers.clone()));
    }

    fn end_code_block(&mut self) {
        let Some(code) = self.code.take() else { return };
        if let Some(at) = code.indented_at {
            self.indented_prose(at, &code.code);
        }
        let html = highlight::render_code_block(
            code.lang.as_deref(),
            &code.code,
            self.ctx.opts.highlight_code,
        );
        self.pass.has_code = true;
        self.text_break('\n');
        self.pass.text.push_str(&code.code);
        self.text_break('\n');
        self.emit(Event::Html(CowStr::from(html)));
    }

    /// Chinese text indented with a tab or four spaces, as a paragraph is indented in
    /// Word, which Markdown shows as code: in a box, in a typewriter font, its lines never
    /// wrapped (W0207, a warning: the page still builds).
    fn indented_prose(&mut self, at: usize, code: &str) {
        if !code.chars().any(crate::zh::is_han) {
            return;
        }
        let first = code.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let mut start: String = first.trim().chars().take(16).collect();
        if start.chars().count() < first.trim().chars().count() {
            start.push('…');
        }
        let mut problem = self.ctx.positions.problem_at(
            at,
            "W0207",
            crate::t!("markdown-indented-prose", start = start),
            Some(crate::t!("markdown-indented-prose.help")),
        );
        problem.is_error = false;
        self.pass.problems.push(problem);
    }

    fn end_heading(&mut self) {
        let Some(heading) = self.heading.take() else {
            return;
        };
        let id = self.unique_id(match &heading.custom_id {
            Some(custom) => custom.to_string(),
            None => toc::heading_id(&heading.title, self.ctx.opts.anchors),
        });
        let level = heading.level as u32;
        let title = heading.title.trim().to_owned();
        let permalink = format!("{}#{id}", self.ctx.page_permalink);
        let anchor = links::anchor_link(&id, &title);
        self.out.push(Event::Start(Tag::Heading {
            level: heading.level,
            id: Some(CowStr::from(id.clone())),
            classes: heading.classes,
            attrs: heading.attrs,
        }));
        let inner = heading.events.into_iter();
        match self.ctx.opts.insert_anchor_links {
            super::AnchorLinks::None => self.out.extend(inner),
            super::AnchorLinks::Left => {
                self.out.push(Event::InlineHtml(CowStr::from(anchor)));
                self.out.extend(inner);
            }
            super::AnchorLinks::Right => {
                self.out.extend(inner);
                self.out.push(Event::InlineHtml(CowStr::from(anchor)));
            }
            super::AnchorLinks::Heading => {
                self.out
                    .push(Event::InlineHtml(CowStr::from(links::heading_link_open(
                        &id,
                    ))));
                self.out.extend(inner);
                self.out.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
            }
        }
        self.out.push(Event::End(TagEnd::Heading(heading.level)));
        self.text_break('\n');
        self.pass
            .headings
            .push(FlatHeading::new(level, id, title, permalink));
    }

    /// `base`, or `base-1`, `base-2`… when taken; the next suffix to try is kept per
    /// base so that many equal headings stay linear.
    fn unique_id(&mut self, base: String) -> String {
        if self.used_ids.insert(base.clone()) {
            return base;
        }
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(1);
        let id = loop {
            let candidate = format!("{base}-{n}");
            n += 1;
            if self.used_ids.insert(candidate.clone()) {
                break candidate;
            }
        };
        self.next_suffix.insert(base, n);
        id
    }

    /// An `@/` destination resolved to its permalink (anchor kept), or the destination
    /// as written; the second value is the resolved form for `@/` targets.
    fn resolve(&mut self, dest: &CowStr<'a>, at: usize) -> (CowStr<'a>, Option<String>) {
        // A link or image that would run script when followed goes nowhere instead.
        if crate::url_scheme::runs_script(dest) {
            return (CowStr::from("#"), None);
        }
        let Some(internal) = dest.strip_prefix("@/") else {
            return self.resolve_in_site(dest, at);
        };
        let (path, anchor) = match internal.find('#') {
            Some(hash) => internal.split_at(hash),
            None => (internal, ""),
        };
        match self.ctx.links.resolve(path) {
            Some(permalink) => {
                let resolved = format!("{permalink}{anchor}");
                (CowStr::from(resolved.clone()), Some(resolved))
            }
            None => {
                let near = self.ctx.links.nearest(path);
                let (message, help) = links::broken_link_message(dest, near.as_deref());
                let problem = self
                    .ctx
                    .positions
                    .problem_at(at, "E0210", message, Some(help));
                self.pass.problems.push(problem);
                (dest.clone(), None)
            }
        }
    }

    /// `@site:/path.md#anchor`, a link to another member site of a network, resolved to
    /// its permalink; a broken one is E0911 at the link. Any other destination, and every
    /// destination outside a network, is kept as written.
    fn resolve_in_site(&mut self, dest: &CowStr<'a>, at: usize) -> (CowStr<'a>, Option<String>) {
        let Some((site, internal)) = dest
            .strip_prefix('@')
            .and_then(|rest| rest.split_once(":/"))
            .filter(|(site, _)| links::is_site_name(site))
        else {
            return (dest.clone(), None);
        };
        let (path, anchor) = match internal.find('#') {
            Some(hash) => internal.split_at(hash),
            None => (internal, ""),
        };
        match self.ctx.links.resolve_in_site(site, path) {
            None => (dest.clone(), None),
            Some(Ok(permalink)) => {
                let resolved = format!("{permalink}{anchor}");
                (CowStr::from(resolved.clone()), Some(resolved))
            }
            Some(Err(why)) => {
                let (message, help) = links::broken_site_link_message(dest, site, &why);
                let problem = self
                    .ctx
                    .positions
                    .problem_at(at, "E0911", message, Some(help));
                self.pass.problems.push(problem);
                (dest.clone(), None)
            }
        }
    }

    fn start_link(&mut self, link_type: LinkType, dest: &CowStr<'a>, title: &str, at: usize) {
        let (href, resolved) = self.resolve(dest, at);
        let line = self.ctx.positions.line(at);
        self.pass.links.push(LinkRef {
            target: dest.to_string(),
            resolved,
            line,
        });
        let open = self
            .link_attributes
            .open_tag(link_type == LinkType::Email, dest, &href, title);
        if self.heading.is_none() {
            self.closers.push(Closer::Html("</a>"));
        }
        self.emit(Event::InlineHtml(CowStr::from(open)));
    }
}

/// The text opening a paragraph without the full-width or no-break spaces typed before
/// it (`　　` from Word or a government page), or `None` when nothing else is left. A
/// portal theme indents the first line of each paragraph itself (`text-indent: 2em`):
/// the typed spaces would indent it twice, and the summary would begin with them.
fn without_typed_indent(text: CowStr<'_>) -> Option<CowStr<'_>> {
    let is_indent = |c: char| c == '\u{3000}' || c == '\u{a0}';
    if !text.starts_with(is_indent) {
        return Some(text);
    }
    let rest = text.trim_start_matches(is_indent);
    (!rest.is_empty()).then(|| CowStr::from(rest.to_owned()))
}

/// True for `<!-- more -->` (spacing free).
fn is_more_marker(html: &str) -> bool {
    let html = html.trim();
    html.strip_prefix("<!--")
        .and_then(|h| h.strip_suffix("-->"))
        .is_some_and(|inner| inner.trim() == "more")
}
