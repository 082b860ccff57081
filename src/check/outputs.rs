//! The built site as the checks see it: which paths exist in the output, and for each
//! HTML output its links, ids, `<meta name>` tags and what kind of page it is. HTML is
//! scanned once, in parallel, and only these facts are kept.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::html;
use crate::output::SiteOutput;
use crate::portal::{PageId, Portal, SectionId};

/// What an HTML output shows, for the meta-tag rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OutputKind {
    /// An article.
    Page(PageId),
    /// A column (section) or one of its pagers.
    Section(SectionId),
    /// The home page, term lists, 404 and the like.
    Site,
    /// An alias redirect: not a page visitors read.
    Redirect,
}

/// One link attribute found in an HTML output.
#[derive(Debug, Clone)]
pub(crate) struct HtmlLink {
    /// The attribute's decoded value.
    pub url: String,
    /// 1-based line in the output.
    pub line: u32,
}

/// The facts kept about one HTML output.
#[derive(Debug)]
pub(crate) struct HtmlOutput {
    /// Path relative to the output folder.
    pub path: String,
    /// What it shows.
    pub kind: OutputKind,
    /// `href`/`src` values.
    pub links: Vec<HtmlLink>,
    /// `id`s (and `<a name>`s).
    pub ids: HashSet<String>,
    /// `<meta name=… content=…>` pairs.
    pub metas: Vec<(String, String)>,
    /// The [`FILING_MARKS`] found in the `<footer>` (the whole page when there is none).
    pub filing: Vec<&'static str>,
}

/// Every output path, and the scanned HTML outputs.
pub(crate) struct OutputIndex {
    /// Rendered and copied paths, relative to the output folder.
    pub paths: HashSet<String>,
    /// HTML outputs by path.
    pub html: Vec<HtmlOutput>,
    /// Bundle photos too large to publish as they are (output paths): pages show their
    /// resized copies instead, so a Markdown image of one is not missing.
    pub withheld: HashSet<String>,
    by_path: HashMap<String, usize>,
}

/// The output paths of bundle photos not published as they are (see
/// [`crate::render::photos::publishes_asset`]).
fn withheld_photos(portal: &Portal) -> HashSet<String> {
    let pages = portal.pages.iter().map(|p| (&p.source.assets, &p.url.path));
    pages
        .flat_map(|(assets, path)| {
            assets
                .iter()
                .filter(|asset| !crate::render::photos::publishes_asset(portal, asset))
                .map(move |asset| format!("{}{}", path.trim_start_matches('/'), asset.relative))
        })
        .collect()
}

impl OutputIndex {
    /// Scans the site's outputs.
    pub fn build(portal: &Portal, site: &SiteOutput) -> OutputIndex {
        let mut paths: HashSet<String> = site.files.iter().map(|f| f.path.clone()).collect();
        paths.extend(site.copies.iter().map(|c| c.to.clone()));
        let kinds = output_kinds(portal);
        let html: Vec<HtmlOutput> = site
            .files
            .par_iter()
            .filter(|f| f.path.ends_with(".html"))
            .map(|f| scan(&f.path, &String::from_utf8_lossy(&f.body), &kinds))
            .collect();
        let by_path = html
            .iter()
            .enumerate()
            .map(|(i, h)| (h.path.clone(), i))
            .collect();
        OutputIndex {
            paths,
            html,
            withheld: withheld_photos(portal),
            by_path,
        }
    }

    /// The scanned HTML output at `path`.
    pub fn html_at(&self, path: &str) -> Option<&HtmlOutput> {
        self.by_path.get(path).and_then(|i| self.html.get(*i))
    }

    /// The output path a site-relative URL path (`/news/x/`, percent-decoded) names,
    /// when it exists: the file itself, or its `index.html`.
    pub fn find(&self, path: &str) -> Option<String> {
        let trimmed = path.trim_start_matches('/');
        let candidates = if trimmed.is_empty() {
            vec!["index.html".to_owned()]
        } else if trimmed.ends_with('/') {
            vec![format!("{trimmed}index.html")]
        } else {
            vec![trimmed.to_owned(), format!("{trimmed}/index.html")]
        };
        candidates.into_iter().find(|c| self.paths.contains(c))
    }
}

fn output_kinds(portal: &Portal) -> HashMap<String, OutputKind> {
    let mut kinds = HashMap::new();
    for page in &portal.pages {
        kinds.insert(page.url.output_file(), OutputKind::Page(page.id));
    }
    for section in &portal.sections {
        if section.parent.is_some() {
            kinds.insert(section.url.output_file(), OutputKind::Section(section.id));
        }
    }
    kinds
}

/// The kind of an output not named in `kinds`: a pager of the deepest section whose
/// folder holds it, else site-wide.
fn kind_of(path: &str, kinds: &HashMap<String, OutputKind>) -> OutputKind {
    if let Some(kind) = kinds.get(path) {
        return *kind;
    }
    let mut folder = path.trim_end_matches("index.html").trim_end_matches('/');
    while let Some((parent, _)) = folder.rsplit_once('/') {
        if let Some(OutputKind::Section(id)) = kinds.get(&format!("{parent}/index.html")) {
            return OutputKind::Section(*id);
        }
        folder = parent;
    }
    OutputKind::Site
}

const LINK_ATTRIBUTES: [(&str, &str); 8] = [
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
];

fn scan(path: &str, text: &str, kinds: &HashMap<String, OutputKind>) -> HtmlOutput {
    let tags = crate::html_text::tags(text);
    let is_redirect = tags.iter().any(|t| {
        t.name == "meta"
            && t.attr("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
    });
    let mut line_counter = LineCounter::new(text);
    let mut links = Vec::new();
    let mut metas = Vec::new();
    for tag in &tags {
        if tag.name == "meta"
            && let (Some(name), Some(content)) = (tag.attr("name"), tag.attr("content"))
        {
            metas.push((name.to_owned(), content.trim().to_owned()));
        }
        for (name, attr) in LINK_ATTRIBUTES {
            if tag.name == name
                && let Some(url) = tag.attr(attr)
            {
                links.push(HtmlLink {
                    url: url.to_owned(),
                    line: line_counter.line_at(tag.offset),
                });
            }
        }
    }
    HtmlOutput {
        path: path.to_owned(),
        kind: if is_redirect {
            OutputKind::Redirect
        } else {
            kind_of(path, kinds)
        },
        links,
        ids: html::ids(&tags).into_iter().collect(),
        metas,
        filing: FILING_MARKS
            .iter()
            .filter(|(mark, traditional, _)| {
                let footer = footer_text(text);
                footer.contains(mark) || footer.contains(traditional)
            })
            .map(|(mark, _, _)| *mark)
            .collect(),
    }
}

/// The words that show a filing number in a footer, as written in Simplified and in
/// the Traditional copy, and what each is called.
pub(crate) const FILING_MARKS: [(&str, &str, &str); 3] = [
    ("ICP备", "ICP備", "ICP 备案号"),
    ("公网安备", "公網安備", "公安机关备案号"),
    ("网站标识码", "網站標識碼", "网站标识码"),
];

fn footer_text(text: &str) -> &str {
    match (text.rfind("<footer"), text.rfind("</footer>")) {
        (Some(start), Some(end)) if start < end => &text[start..end],
        _ => text,
    }
}

/// Turns increasing byte offsets into line numbers without rescanning from the start.
struct LineCounter<'a> {
    text: &'a str,
    offset: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: usize) -> u32 {
        if offset < self.offset {
            *self = LineCounter::new(self.text);
        }
        let end = offset.min(self.text.len());
        let newlines = self
            .text
            .as_bytes()
            .get(self.offset..end)
            .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count());
        self.line += super::to_u32(newlines);
        self.offset = end;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagers_belong_to_their_section_and_other_outputs_to_the_site() {
        let mut kinds = HashMap::new();
        kinds.insert(
            "news/index.html".to_owned(),
            OutputKind::Section(SectionId(1)),
        );
        kinds.insert("news/a/index.html".to_owned(), OutputKind::Page(PageId(0)));
        assert_eq!(
            kind_of("news/page/2/index.html", &kinds),
            OutputKind::Section(SectionId(1))
        );
        assert_eq!(
            kind_of("news/a/index.html", &kinds),
            OutputKind::Page(PageId(0))
        );
        assert_eq!(kind_of("tags/ke-pu/index.html", &kinds), OutputKind::Site);
        assert_eq!(kind_of("404.html", &kinds), OutputKind::Site);
    }

    #[test]
    fn line_counter_counts_forward_and_restarts_backward() {
        let text = "a\nb\nc\n<x>";
        let mut lines = LineCounter::new(text);
        assert_eq!(lines.line_at(0), 1);
        assert_eq!(lines.line_at(4), 3);
        assert_eq!(lines.line_at(text.len()), 4);
        assert_eq!(lines.line_at(2), 2);
    }

    #[test]
    fn the_footer_is_where_filing_numbers_are_looked_for() {
        assert_eq!(footer_text("<p>ICP备</p><footer>x</footer>"), "<footer>x");
        assert_eq!(footer_text("<p>ICP备</p>"), "<p>ICP备</p>");
    }
}
