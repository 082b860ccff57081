//! STUB
#![allow(missing_docs)]
use serde::Serialize;
#[derive(Debug, Clone)]
pub struct MarkdownOptions {
    pub highlight_code: bool,
    pub anchors: AnchorStyle,
    pub insert_anchor_links: AnchorLinks,
    pub smart_punctuation: bool,
    pub external_links_target_blank: bool,
    pub external_links_no_follow: bool,
    pub external_links_no_referrer: bool,
    pub render_raw_html: bool,
    pub summary_chars: usize,
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
        }
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorStyle {
    Safe,
    Pinyin,
    Off,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorLinks {
    None,
    Left,
    Right,
    Heading,
}
pub trait LinkResolver: Sync {
    fn resolve(&self, target: &str) -> Option<String>;
}
pub trait ShortcodeRenderer: Sync {
    fn exists(&self, name: &str) -> bool;
    fn render(
        &self,
        name: &str,
        args: &serde_json::Map<String, serde_json::Value>,
        body: Option<&str>,
    ) -> Result<ShortcodeOutput, String>;
}
pub enum ShortcodeOutput {
    Html(String),
    Markdown(String),
}
pub struct MarkdownInput<'a> {
    pub text: &'a str,
    pub first_line: u32,
    pub page_permalink: &'a str,
}
#[derive(Debug, Clone, Serialize, Default)]
pub struct Rendered {
    pub html: String,
    pub summary_html: String,
    pub has_more_marker: bool,
    pub toc: Vec<Heading>,
    pub text: String,
    pub links: Vec<LinkRef>,
    pub images: Vec<ImageRef>,
    pub problems: Vec<Problem>,
    pub has_code: bool,
}
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u32,
    pub id: String,
    pub title: String,
    pub permalink: String,
    pub outline: Option<String>,
    pub children: Vec<Heading>,
}
#[derive(Debug, Clone, Serialize)]
pub struct LinkRef {
    pub target: String,
    pub resolved: Option<String>,
    pub line: u32,
}
#[derive(Debug, Clone, Serialize)]
pub struct ImageRef {
    pub src: String,
    pub alt: String,
    pub line: u32,
}
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub code: &'static str,
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub help: Option<String>,
    pub is_error: bool,
}
pub fn render(
    input: &MarkdownInput,
    _o: &MarkdownOptions,
    _l: &dyn LinkResolver,
    _s: &dyn ShortcodeRenderer,
) -> Rendered {
    let mut html = String::new();
    let p = pulldown_cmark::Parser::new_ext(input.text, pulldown_cmark::Options::all());
    pulldown_cmark::html::push_html(&mut html, p);
    Rendered {
        summary_html: html.chars().take(100).collect(),
        text: input.text.to_owned(),
        html,
        ..Default::default()
    }
}
pub fn highlight_stylesheet() -> String {
    String::new()
}
pub fn plain_summary(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}
