//! A page body through the build's Markdown stage: the demo site's options, its `@/`
//! link resolver and its theme's shortcodes (`figure`, `notice`, Markdown ones and one
//! that calls itself), then the problems placed in the file as the build reports them.
//! The first byte picks the option variant (anchors, anchor links, summary length).
#![no_main]

use libfuzzer_sys::fuzz_target;
use menhu::markdown::{self, AnchorLinks, AnchorStyle, MarkdownInput};
use menhu::pipeline::markdown_options;
use menhu::render::Shortcodes;
use menhu::render::view::config_value;
use menhu_fuzz::{demo_site, page_file, render_all};

fuzz_target!(|data: &[u8]| {
    let Some((&variant, body)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(body) else {
        return;
    };
    let site = demo_site();
    let mut options = markdown_options(&site.config);
    options.anchors =
        [AnchorStyle::Safe, AnchorStyle::Pinyin, AnchorStyle::Off][usize::from(variant % 3)];
    options.insert_anchor_links = [
        AnchorLinks::None,
        AnchorLinks::Left,
        AnchorLinks::Right,
        AnchorLinks::Heading,
    ][usize::from(variant / 3 % 4)];
    options.smart_punctuation = variant & 0x10 != 0;
    options.highlight_code = variant & 0x20 != 0;
    options.render_raw_html = variant & 0x40 == 0;
    options.summary_chars = if variant & 0x80 == 0 { 120 } else { 7 };
    let config = config_value(&site.config);
    let shortcodes = Shortcodes {
        theme: &site.theme,
        config: &config,
    };
    let input = MarkdownInput {
        text: body,
        first_line: 4,
        page_permalink: "https://kx.example.org/news/fuzz/",
    };
    let rendered = markdown::render(&input, &options, &site.urls, &shortcodes);
    let file_text = format!("+++\ntitle = \"t\"\n+++\n{body}");
    let problems: Vec<_> = rendered
        .problems
        .iter()
        .map(|p| p.to_diagnostic(page_file(), &file_text))
        .collect();
    render_all(&problems);
    markdown::plain_summary(&rendered.text, options.summary_chars);
});
