//! Tests of [`render`] as a whole: what a page's Markdown becomes.

use serde_json::{Map, Value};

use super::*;

struct TestLinks;

impl LinkResolver for TestLinks {
    fn resolve(&self, target: &str) -> Option<String> {
        match target {
            "news/a.md" => Some("https://x.org/news/a/".to_owned()),
            "news/_index.md" => Some("https://x.org/news/".to_owned()),
            "news/pic.png" => Some("https://x.org/news/pic.png".to_owned()),
            _ => None,
        }
    }
}

struct TestShortcodes;

impl ShortcodeRenderer for TestShortcodes {
    fn exists(&self, name: &str) -> bool {
        matches!(name, "figure" | "note" | "md" | "badlink" | "rec")
    }

    fn render(
        &self,
        name: &str,
        args: &Map<String, Value>,
        body: Option<&str>,
    ) -> Result<ShortcodeOutput, String> {
        let src = args.get("src").and_then(Value::as_str).unwrap_or("");
        Ok(match name {
            "figure" => ShortcodeOutput::Html(format!(
                "<figure data-x=\"*a* _b_\"><img src=\"{src}\"></figure>"
            )),
            "note" => {
                ShortcodeOutput::Html(format!("<div class=\"note\">{}</div>", body.unwrap_or("")))
            }
            "md" => ShortcodeOutput::Markdown("**粗体**".to_owned()),
            "badlink" => ShortcodeOutput::Markdown("[x](@/missing.md)".to_owned()),
            _ => ShortcodeOutput::Markdown("{{ rec() }}".to_owned()),
        })
    }
}

/// `text` rendered with `opts`, its first line numbered `first_line`, links and
/// shortcodes of a small test site.
pub(super) fn render_with(text: &str, first_line: u32, opts: &MarkdownOptions) -> Rendered {
    let input = MarkdownInput {
        text,
        first_line,
        page_permalink: "https://x.org/p/",
    };
    render(&input, opts, &TestLinks, &TestShortcodes)
}

fn render_text(text: &str) -> Rendered {
    render_with(text, 1, &MarkdownOptions::default())
}

#[test]
fn heading_ids_are_readable_unique_and_custom() {
    let r = render_text(
        "## 一、深化认识\n\n## 一、深化认识\n\n## 标题 {#custom-id}\n\n## 一、深化认识\n",
    );
    assert!(
        r.html.contains("<h2 id=\"一-深化认识\">一、深化认识</h2>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<h2 id=\"一-深化认识-1\">"), "{}", r.html);
    assert!(
        r.html.contains("<h2 id=\"custom-id\">标题</h2>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<h2 id=\"一-深化认识-2\">"), "{}", r.html);
    let ids: Vec<&str> = r.toc.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        ["一-深化认识", "一-深化认识-1", "custom-id", "一-深化认识-2"]
    );
}

#[test]
fn pinyin_anchor_style() {
    let opts = MarkdownOptions {
        anchors: AnchorStyle::Pinyin,
        ..MarkdownOptions::default()
    };
    let r = render_with("## 一、深化认识\n", 1, &opts);
    assert!(
        r.html.contains("<h2 id=\"yi-shen-hua-ren-shi\">"),
        "{}",
        r.html
    );
    assert_eq!(r.toc[0].permalink, "https://x.org/p/#yi-shen-hua-ren-shi");
}

#[test]
fn anchor_links_like_zola() {
    let cases = [
        (AnchorLinks::None, "<h2 id=\"ab\">Ab</h2>"),
        (
            AnchorLinks::Left,
            "<h2 id=\"ab\"><a class=\"anchor\" href=\"#ab\" aria-label=\"本节链接：Ab\">#</a>Ab</h2>",
        ),
        (
            AnchorLinks::Right,
            "<h2 id=\"ab\">Ab<a class=\"anchor\" href=\"#ab\" aria-label=\"本节链接：Ab\">#</a></h2>",
        ),
        (
            AnchorLinks::Heading,
            "<h2 id=\"ab\"><a class=\"anchor\" href=\"#ab\">Ab</a></h2>",
        ),
    ];
    for (style, expected) in cases {
        let opts = MarkdownOptions {
            insert_anchor_links: style,
            ..MarkdownOptions::default()
        };
        let r = render_with("## Ab\n", 1, &opts);
        assert_eq!(r.html.trim(), expected, "{style:?}");
    }
}

#[test]
fn toc_from_a_page_with_outline_numbering() {
    let r = render_text(
        "## 一、总体要求\n\n## （一）指导思想\n\n## （二）目标\n\n### 细节\n\n## 二、主要任务\n",
    );
    assert_eq!(r.toc.len(), 2);
    assert_eq!(r.toc[0].title, "一、总体要求");
    assert_eq!(r.toc[0].outline.as_deref(), Some("一、"));
    assert_eq!(r.toc[0].children.len(), 2);
    assert_eq!(r.toc[0].children[1].children[0].title, "细节");
    assert_eq!(r.toc[1].permalink, "https://x.org/p/#二-主要任务");
    let json = serde_json::to_value(&r.toc).unwrap();
    for key in ["id", "title", "permalink", "level", "children"] {
        assert!(json[0].get(key).is_some(), "{key}");
    }
}

#[test]
fn internal_links_are_resolved_with_their_anchor() {
    let r = render_text(
        "[a](@/news/a.md#part) [r][ref] ![图](@/news/pic.png) [o](/plain/) [e](https://e.org)\n\n[ref]: @/news/_index.md\n",
    );
    assert!(
        r.html
            .contains("<a href=\"https://x.org/news/a/#part\">a</a>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<a href=\"https://x.org/news/\">r</a>"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<img src=\"https://x.org/news/pic.png\" alt=\"图\" />"),
        "{}",
        r.html
    );
    let targets: Vec<(&str, Option<&str>)> = r
        .links
        .iter()
        .map(|l| (l.target.as_str(), l.resolved.as_deref()))
        .collect();
    assert_eq!(
        targets,
        [
            ("@/news/a.md#part", Some("https://x.org/news/a/#part")),
            ("@/news/_index.md", Some("https://x.org/news/")),
            ("/plain/", None),
            ("https://e.org", None),
        ]
    );
    assert_eq!(
        r.images,
        [ImageRef {
            src: "https://x.org/news/pic.png".into(),
            alt: "图".into(),
            line: 1
        }]
    );
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn broken_internal_links_are_placed_in_the_file() {
    let r = render_with(
        "引言\n\n中文 [坏](@/nope.md) 和 ![](@/no.png)\n",
        10,
        &MarkdownOptions::default(),
    );
    assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
    let p = &r.problems[0];
    assert_eq!(
        (p.code, p.line, p.column, p.is_error),
        ("E0210", 12, 4, true)
    );
    assert!(p.message.contains("`@/nope.md`"), "{}", p.message);
    assert!(
        p.help
            .as_deref()
            .unwrap_or("")
            .contains("`@/news/2024-05-01-x.md`")
    );
    assert_eq!((r.problems[1].line, r.problems[1].column), (12, 21));
    assert!(r.html.contains("href=\"@/nope.md\""), "{}", r.html);
    assert_eq!(r.links[0].line, 12);
    let d = p.to_diagnostic(
        std::path::Path::new("content/a.md"),
        &format!("{}引言\n\n中文 [坏](@/nope.md)\n", "x\n".repeat(9)),
    );
    assert!(
        d.render_human(false, crate::diag::Lang::En)
            .contains("--> content/a.md:12:4")
    );
}

#[test]
fn broken_link_from_a_shortcode_is_placed_at_the_shortcode() {
    let r = render_with(
        "a\n\nxy {{ badlink() }} [b](@/gone.md)\n",
        3,
        &MarkdownOptions::default(),
    );
    let places: Vec<(u32, u32)> = r.problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(places, [(5, 4), (5, 20)]);
}

#[test]
fn external_links_get_attributes() {
    let opts = MarkdownOptions {
        external_links_target_blank: true,
        external_links_no_follow: true,
        external_links_no_referrer: true,
        ..MarkdownOptions::default()
    };
    let r = render_with(
        "[e](https://e.org/x) [i](/news/) <https://auto.org> [n](@/news/a.md)\n",
        1,
        &opts,
    );
    assert!(
        r.html.contains("<a href=\"https://e.org/x\" target=\"_blank\" rel=\"noopener nofollow noreferrer\">e</a>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<a href=\"/news/\">i</a>"), "{}", r.html);
    assert!(
        r.html
            .contains("<a href=\"https://auto.org\" target=\"_blank\""),
        "{}",
        r.html
    );
    // A resolved internal link is an absolute URL, but stays internal.
    assert!(
        r.html.contains("<a href=\"https://x.org/news/a/\">n</a>"),
        "{}",
        r.html
    );
}

#[test]
fn shortcode_html_reaches_the_output_untouched() {
    let r = render_text(
        "看图 {{ figure(src=\"a_b*c.png\") }} 完\n\n{% note() %}\n正文\n{% end %}\n\n{{ figure(src=\"x\") }}\n",
    );
    assert!(
        r.html
            .contains("<p>看图 <figure data-x=\"*a* _b_\"><img src=\"a_b*c.png\"></figure> 完</p>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("\n<div class=\"note\">正文</div>"),
        "{}",
        r.html
    );
    assert!(!r.html.contains("<p><div"), "{}", r.html);
    assert!(!r.html.contains("<p><figure"), "{}", r.html);
    assert!(r.html.ends_with("<img src=\"x\"></figure>\n"), "{}", r.html);
    assert!(!r.text.contains('\u{e000}'));
}

#[test]
fn shortcode_markdown_output_is_rendered() {
    let r = render_text("前 {{ md() }} 后\n");
    assert_eq!(r.html, "<p>前 <strong>粗体</strong> 后</p>\n");
}

#[test]
fn escaped_shortcodes_and_shortcodes_in_code_stay_text() {
    let r =
        render_text("{{/* figure(src=\"x\") */}}\n\n`{{ figure() }}`\n\n```\n{% note() %}\n```\n");
    assert!(
        r.html.contains("<p>{{ figure(src=\"x\") }}</p>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<code>{{ figure() }}</code>"), "{}", r.html);
    assert!(r.html.contains("{% note() %}"), "{}", r.html);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn shortcode_problems_are_placed_in_the_file() {
    let r = render_with(
        "a\n\n文字 {{ nosuch() }}\n\n{% note() %}\nnever closed\n",
        7,
        &MarkdownOptions::default(),
    );
    let found: Vec<(&str, u32, u32)> = r
        .problems
        .iter()
        .map(|p| (p.code, p.line, p.column))
        .collect();
    assert_eq!(found, [("E0211", 9, 4), ("E0212", 11, 1)]);
    assert!(r.html.contains("{{ nosuch() }}"), "{}", r.html);
}

#[test]
fn shortcode_recursion_is_bounded() {
    let r = render_text("{{ rec() }}\n");
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].code, "E0212");
}

#[test]
fn more_marker_gives_the_summary() {
    let r = render_text("第一段 *强调*\n\n<!-- more -->\n\n第二段\n");
    assert!(r.has_more_marker);
    assert_eq!(r.summary_html, "<p>第一段 <em>强调</em></p>\n");
    assert!(r.html.contains("第二段"));
    assert!(!r.html.contains("more"));
}

#[test]
fn more_marker_inside_a_list_closes_what_is_open() {
    let r = render_text("- a\n- b <!-- more --> c\n- d\n");
    assert!(r.has_more_marker);
    assert_eq!(r.summary_html, "<ul>\n<li>a</li>\n<li>b </li>\n</ul>\n");
    let r = render_text("> [x](/a) *q <!--more--> r*\n");
    assert_eq!(
        r.summary_html,
        "<blockquote>\n<p><a href=\"/a\">x</a> <em>q </em></p>\n</blockquote>\n"
    );
}

/// A table sits in a wrapper that scrolls it sideways on a phone and takes keyboard
/// focus; a summary cut inside the table closes the wrapper too.
#[test]
fn a_table_is_wrapped_to_scroll_and_a_summary_cut_in_it_closes_the_wrapper() {
    let r = render_text("| 单位 | 电话 |\n|---|---|\n| 梧州 | 1 |\n\n后文\n");
    assert!(
        r.html
            .starts_with("<div class=\"table-wrap\" tabindex=\"0\"><table>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("</table>\n</div>\n<p>后文</p>"),
        "{}",
        r.html
    );
    let r = render_text("| 单位 | 电话 |\n|---|---|\n| 梧州 <!-- more --> | 1 |\n");
    assert!(r.has_more_marker);
    assert_eq!(
        r.summary_html,
        "<div class=\"table-wrap\" tabindex=\"0\"><table><thead><tr><th>单位</th><th>电话</th></tr></thead><tbody>\n<tr><td>梧州 </td></tr>\n</tbody></table>\n</div>\n"
    );
}

#[test]
fn automatic_summary_is_cut_at_the_configured_length() {
    let opts = MarkdownOptions {
        summary_chars: 10,
        ..MarkdownOptions::default()
    };
    let r = render_with(
        "科协组织改革&amp;持续**深化推进**工作。\n\n第二段\n",
        1,
        &opts,
    );
    assert!(!r.has_more_marker);
    assert_eq!(
        r.summary_html,
        "<p>科协组织改革&amp;持续<strong>深…</strong></p>"
    );
    let short = render_text("短文\n");
    assert_eq!(short.summary_html, short.html);
}

#[test]
fn code_is_highlighted_with_classes() {
    let r = render_text("```rust\nfn main() {}\n```\n\n```nosuch\nx < y\n```\n");
    assert!(r.has_code);
    assert!(
        r.html
            .contains("<pre class=\"code\" data-lang=\"rust\"><code class=\"language-rust\">"),
        "{}",
        r.html
    );
    assert!(r.html.contains("hl-"), "{}", r.html);
    assert!(
        r.html
            .contains("<code class=\"language-nosuch\">x &lt; y\n</code>"),
        "{}",
        r.html
    );
    let plain = render_with(
        "```rust\nfn main() {}\n```\n",
        1,
        &MarkdownOptions {
            highlight_code: false,
            ..MarkdownOptions::default()
        },
    );
    assert!(!plain.html.contains("hl-"));
    assert!(!render_text("text `code`\n").has_code);
}

#[test]
fn raw_html_is_escaped_when_off() {
    let opts = MarkdownOptions {
        render_raw_html: false,
        ..MarkdownOptions::default()
    };
    let r = render_with("<script>alert(1)</script>\n\na <b>b</b>\n", 1, &opts);
    assert!(
        r.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        r.html
    );
    assert!(r.html.contains("a &lt;b&gt;b&lt;/b&gt;"), "{}", r.html);
    let on = render_text("a <b>b</b>\n");
    assert!(on.html.contains("a <b>b</b>"), "{}", on.html);
}

#[test]
fn script_urls_in_markdown_links_and_images_go_nowhere() {
    let r = render_text(
        "[a](javascript:alert\\(1\\)) [b]( JAVASCRIPT:x) ![c](data:text/html,x) [d](/ok/)\n",
    );
    assert!(
        !r.html.to_ascii_lowercase().contains("javascript:"),
        "{}",
        r.html
    );
    assert!(!r.html.contains("data:"), "{}", r.html);
    assert!(r.html.contains("<a href=\"#\">a</a>"), "{}", r.html);
    assert!(r.html.contains("href=\"/ok/\""), "{}", r.html);
}

#[test]
fn gfm_extensions_are_on() {
    let r = render_text(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~del~~ 注[^1]\n\n- [x] done\n- [ ] todo\n\n[^1]: 脚注\n",
    );
    for part in [
        "<table>",
        "<td>1</td>",
        "<del>del</del>",
        "footnote-reference",
        "footnote-definition",
        "type=\"checkbox\"",
    ] {
        assert!(r.html.contains(part), "{part}: {}", r.html);
    }
}

#[test]
fn smart_punctuation_when_asked() {
    let opts = MarkdownOptions {
        smart_punctuation: true,
        ..MarkdownOptions::default()
    };
    assert!(
        render_with("\"a\" -- b...\n", 1, &opts)
            .html
            .contains("“a” – b…")
    );
    assert!(render_text("\"a\" -- b\n").html.contains("\"a\" -- b"));
}

#[test]
fn a_line_break_inside_a_paragraph_is_a_line_break_when_the_site_keeps_them() {
    let body = "联系人：张三\n联系电话：0774-1234567\n\n- 一\n  二\n\n> 甲\n> 乙\n";
    let kept = MarkdownOptions {
        hard_wraps: true,
        ..MarkdownOptions::default()
    };
    let r = render_with(body, 1, &kept);
    assert!(
        r.html.contains("<p>联系人：张三<br />\n联系电话"),
        "{}",
        r.html
    );
    assert!(r.html.contains("一<br />\n二"), "{}", r.html);
    assert!(r.html.contains("甲<br />\n乙"), "{}", r.html);
    assert!(r.text.starts_with("联系人：张三\n联系电话"), "{}", r.text);
    let joined = render_text(body);
    assert!(
        joined.html.contains("<p>联系人：张三\n联系电话"),
        "{}",
        joined.html
    );
    assert!(!joined.html.contains("<br"), "{}", joined.html);
    let code = render_with("```\na\nb\n```\n", 1, &kept);
    assert!(!code.html.contains("<br"), "{}", code.html);
}

#[test]
fn spaces_typed_to_indent_a_paragraph_are_left_to_the_theme() {
    let r = render_text(
        "\u{3000}\u{3000}第一段。\n\n&#12288;&#12288;第二段。\n\n\u{a0}\u{a0}第三段\u{3000}中间的空格留着。\n\n- \u{3000}列表项\n\n`\u{3000}代码`\n",
    );
    assert!(r.html.contains("<p>第一段。</p>"), "{}", r.html);
    assert!(r.html.contains("<p>第二段。</p>"), "{}", r.html);
    assert!(
        r.html.contains("<p>第三段\u{3000}中间的空格留着。</p>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<li>\u{3000}列表项</li>"), "{}", r.html);
    assert!(r.html.contains("<code>\u{3000}代码</code>"), "{}", r.html);
    assert!(r.text.starts_with("第一段。\n第二段。"), "{}", r.text);
    assert!(
        r.summary_html.starts_with("<p>第一段。</p>"),
        "{}",
        r.summary_html
    );
    let only_spaces = render_text("\u{3000}\u{3000}\n");
    assert_eq!(only_spaces.text, "");
}

#[test]
fn plain_text_has_no_markup() {
    let r = render_text(
        "# 标题\n\n正文 **粗** &amp; [链接](/a)\n第二行\n\n```\nlet x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    );
    assert_eq!(r.text, "标题\n正文 粗 & 链接 第二行\nlet x = 1;\na b\n1 2");
}

#[test]
fn plain_text_includes_raw_html_and_shortcode_text() {
    let r = render_text(
        "<div class=\"x\">块 &amp; 文</div>\n\n段 <b>粗</b> {{ figure(src=\"a\") }}\n\n{% note() %}\n注\n{% end %}\n",
    );
    assert_eq!(r.text, "块 & 文\n段 粗\n注");
}

#[test]
fn nasty_inputs_do_not_panic() {
    let mut nasty = vec![
        ">".repeat(10_000) + " deep",
        "- ".repeat(10_000) + "x",
        "1. ".repeat(5_000) + "x",
        "*".repeat(10_000) + "x" + &"*".repeat(10_000),
        "[".repeat(10_000) + &"](".repeat(5_000),
        "\0\0{{\0}}\0{%\0%}\0".repeat(100),
        "{{".to_owned(),
        "{%".to_owned(),
        "{% note() %}\n\n{{ figure(".to_owned(),
        "{{/* ".to_owned(),
        "<!-- more".to_owned(),
        "<!-- more -->".repeat(3),
        "# {#}\n## {#x}\n## {#x}\n".to_owned(),
        "```\u{0}\n".to_owned(),
        "[a](@/)\n[b](@/#)\n![](@/\0)".to_owned(),
        "\u{e000}0\u{e001}\u{e000}99999999999999999999\u{e001}".to_owned(),
        "## （一".to_owned(),
        "第".to_owned(),
    ];
    nasty.push(
        "# 标题\n\n段落 **粗体** `code` [x](https://e.org) {{ figure(src=\"a\") }}\n\n"
            .repeat(2_000),
    );
    for text in &nasty {
        for first_line in [1, u32::MAX] {
            let r = render_with(text, first_line, &MarkdownOptions::default());
            let _ = (r.html.len(), r.summary_html.len());
        }
    }
}

#[test]
fn random_soup_does_not_panic() {
    const PARTS: &[&str] = &[
        "{{",
        "}}",
        "{%",
        "%}",
        "{% end %}",
        "{{ figure(src=\"a\") }}",
        "{% note() %}",
        "{{/*",
        "*/}}",
        "(",
        ")",
        "=",
        "\"",
        "[",
        "]",
        "(@/news/a.md)",
        "(@/x.md#y)",
        "![",
        "`",
        "```",
        "\n",
        "\n\n",
        "> ",
        "- ",
        "1. ",
        "## ",
        "一、",
        "（一）",
        "<!-- more -->",
        "<div>",
        "</div>",
        "&amp;",
        "&",
        "*",
        "_",
        "|",
        "---",
        "[^1]",
        "[^1]: ",
        "\0",
        "\u{e000}",
        "\u{e001}",
        "0",
        "中文",
        "😀",
        " ",
        "\\",
        "<",
        ">",
        "{#id}",
        "{{ rec() }}",
        "{{ md() }}",
        "{{ badlink() }}",
        "{{ nosuch() }}",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3_000 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| PARTS[(next() % PARTS.len() as u64) as usize])
            .collect();
        let opts = MarkdownOptions {
            summary_chars: (next() % 20) as usize,
            ..MarkdownOptions::default()
        };
        let r = render_with(&text, 3, &opts);
        assert!(r.problems.iter().all(|p| p.line >= 3), "{text:?}");
    }
}

#[test]
fn a_page_reports_at_most_max_problems_then_counts_the_rest() {
    // Found by the `markdown` fuzz target: thousands of unknown shortcodes on one line
    // made one error each, every one carrying the 60 KB line.
    let text = "{{ nope() }}[x](@/missing.md)".repeat(300);
    let r = render_text(&text);
    assert_eq!(r.problems.len(), MAX_PROBLEMS + 1);
    let last = r.problems.last().map(|p| (&*p.message, p.is_error, p.line));
    assert_eq!(
        last,
        Some((
            "500 more problems in this page not shown (the first 100 are)",
            true,
            1
        ))
    );
    let columns: Vec<u32> = r
        .problems
        .iter()
        .take(MAX_PROBLEMS)
        .map(|p| p.column)
        .collect();
    assert!(columns.is_sorted(), "kept in file order");
}

#[test]
fn a_page_with_max_problems_reports_them_all() {
    let r = render_text(&"{{ nope() }}\n".repeat(MAX_PROBLEMS));
    assert_eq!(r.problems.len(), MAX_PROBLEMS);
    assert!(r.problems.iter().all(|p| p.code == "E0211"));
}

/// Issue #26: a path with a space leaves the image as text; that is said at its place.
#[test]
fn an_image_whose_file_name_has_a_space_is_reported_where_it_is_written() {
    let r = render_with(
        "引言\n\n现场：![现场](IMG_2031 现场照片.JPG)\n\n```\n![代码](a b.jpg)\n```\n\n`![行内](c d.jpg)` 和 ![好的](<IMG 2032.JPG>)\n",
        5,
        &MarkdownOptions::default(),
    );
    let found: Vec<(&str, u32, u32, bool)> = r
        .problems
        .iter()
        .map(|p| (p.code, p.line, p.column, p.is_error))
        .collect();
    assert_eq!(found, [("W0203", 7, 10, false)], "{:?}", r.problems);
    assert!(r.problems[0].message.contains("「IMG_2031 现场照片.JPG」"));
    assert_eq!(
        r.images.len(),
        1,
        "only the one in angle brackets is an image"
    );
    assert_eq!(r.images[0].src, "IMG 2032.JPG");
}

/// 附件说明: the names after the first, as paragraphs or as the list Markdown makes of
/// 「2. 培训日程」 written with a space, join the 「附件：」 line, a name a line.
#[test]
fn an_attachment_note_takes_the_numbered_names_after_it() {
    let as_paragraphs = render_text("正文。\n\n附件：1.报名表\n\n2.培训日程\n\n下一段。\n").html;
    assert_eq!(
        as_paragraphs,
        "<p>正文。</p>\n<p class=\"attachment-note\">附件：1.报名表<br />\n2.培训日程</p>\n<p>下一段。</p>\n"
    );
    let as_list =
        render_text("附件：1.报名表\n\n2. 培训日程\n\n3. 住宿安排\n\n广西科协\n2026年12月7日\n")
            .html;
    assert_eq!(
        as_list,
        "<p class=\"attachment-note\">附件：1.报名表<br />\n2.培训日程<br />\n3.住宿安排</p>\n<p class=\"signature\">广西科协<br />\n2026年12月7日</p>\n"
    );
    let tight = render_text("附件：1.报名表\n\n2. 培训日程\n3. 住宿安排\n").html;
    assert_eq!(
        tight,
        "<p class=\"attachment-note\">附件：1.报名表<br />\n2.培训日程<br />\n3.住宿安排</p>\n"
    );
    // A list holding more than names, or not numbered, stays a list.
    for body in [
        "附件：1.报名表\n\n- 培训日程\n",
        "附件：1.报名表\n\n2. 培训日程\n   - 上午\n",
    ] {
        let html = render_text(body).html;
        assert!(html.contains("<li>"), "{body}: {html}");
    }
}
