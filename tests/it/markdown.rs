//! Markdown in built pages: extensions, heading ids, tables of contents, internal links,
//! highlighting, summaries and shortcodes.

use crate::support::*;

fn page_site(body: &str) -> Site {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/target.md",
        "+++\ntitle = \"目标\"\n+++\n## 二、突出重点\n",
    );
    site.write(
        "content/news/a.md",
        &format!("+++\ntitle = \"测试\"\n+++\n{body}"),
    );
    site
}

/// What a Word paste, or the online editor, leaves in a Chinese page: paragraphs indented
/// with full-width spaces, and lines broken inside a paragraph (Shift+Enter).
const AS_PASTED_FROM_WORD: &str = "\u{3000}\u{3000}市科协于近日组织开展了科普进社区活动。\n\n联系人：张三\n联系电话：0774-1234567\n";

#[test]
fn a_chinese_page_keeps_its_line_breaks_and_is_indented_once() {
    let site = page_site(AS_PASTED_FROM_WORD);
    site.write(
        "templates/page.html",
        "<meta name=\"description\" content=\"{{ page.summary | striptags }}\">{{ page.content | safe }}",
    );
    site.build();
    let html = site.output("news/a/index.html");
    assert_contains(&html, "<p>市科协于近日组织开展了科普进社区活动。</p>");
    assert_contains(&html, "content=\"市科协于近日");
    assert_contains(&html, "<p>联系人：张三<br />\n联系电话：0774-1234567</p>");
    assert_not_contains(&html, "\u{3000}");

    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[markdown]\nhard_wraps = false\n"),
    );
    site.build();
    let joined = site.output("news/a/index.html");
    assert_contains(&joined, "<p>联系人：张三\n联系电话：0774-1234567</p>");
}

#[test]
fn gfm_extensions_render() {
    let site = page_site(
        "| 城市 | 数量 |\n| --- | ---: |\n| 梧州 | 3 |\n\n~~旧~~\n\n- [x] 已完成\n- [ ] 未完成\n\n注释[^1]\n\n[^1]: 脚注内容\n",
    );
    site.build();
    let html = site.output("news/a/index.html");
    assert_contains(&html, "<div class=\"table-wrap\" tabindex=\"0\"><table>");
    assert_contains(&html, "<del>旧</del>");
    assert_contains(&html, "type=\"checkbox\"");
    assert_contains(&html, "脚注内容");
}

#[test]
fn chinese_heading_ids_are_readable_and_unique() {
    let site = page_site("## 一、深化认识，打牢基础\n\n## 小结\n\n## 小结\n");
    site.write(
        "templates/page.html",
        "{% for h in page.toc %}[{{ h.id }}|{{ h.title }}]{% endfor %}{{ page.content | safe }}",
    );
    site.build();
    let html = site.output("news/a/index.html");
    assert_contains(&html, "id=\"一-深化认识-打牢基础\"");
    assert_contains(&html, "id=\"小结\"");
    assert_contains(&html, "id=\"小结-1\"");
}

#[test]
fn toc_nests_by_chinese_outline_numbering() {
    let site =
        page_site("## 一、总体要求\n\n## （一）指导思想\n\n## （二）基本原则\n\n## 二、主要任务\n");
    site.write(
        "templates/page.html",
        "{% for h in page.toc %}<{{ h.title }}:{% for c in h.children %}[{{ c.title }}]{% endfor %}>{% endfor %}",
    );
    site.build();
    assert_eq!(
        site.output("news/a/index.html"),
        "<一、总体要求:[（一）指导思想][（二）基本原则]><二、主要任务:>"
    );
}

#[test]
fn internal_links_resolve_and_broken_ones_name_file_and_line() {
    let site = page_site("见[目标](@/news/target.md#二-突出重点)。\n");
    site.build();
    // pulldown-cmark percent-encodes hrefs; browsers match the fragment to the decoded id.
    assert_contains(
        &site.output("news/a/index.html"),
        "href=\"https://kx.example.org/news/target/#%E4%BA%8C-%E7%AA%81%E5%87%BA%E9%87%8D%E7%82%B9\"",
    );

    let site = page_site("第一行\n\n见[缺失](@/news/missing.md)。\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "content/news/a.md:6");
    assert_contains(&stderr, "news/missing.md");
}

#[test]
fn code_is_highlighted_with_classes_and_a_stylesheet() {
    let site = page_site("```rust\nfn main() { let x = 1; }\n```\n");
    site.build();
    let html = site.output("news/a/index.html");
    assert_contains(&html, "class=\"hl-");
    assert_not_contains(&html, "style=\"color");
    assert_contains(&site.output("highlight.css"), ".hl-");
}

#[test]
fn summaries_use_the_more_marker_or_cut_cleanly() {
    let site = page_site("摘要部分**加粗**。\n\n<!-- more -->\n\n正文其余部分。\n");
    site.write(
        "content/news/long.md",
        &format!(
            "+++\ntitle = \"长文\"\n+++\n{}\n",
            "科协工作要点&成果。".repeat(40)
        ),
    );
    site.write(
        "templates/section.html",
        "{% for p in section.pages %}<s>{{ p.summary | safe }}</s>{% endfor %}",
    );
    site.build();
    let list = site.output("news/index.html");
    assert_contains(&list, "摘要部分<strong>加粗</strong>");
    assert_not_contains(&list, "正文其余部分");
    let long = list
        .split("<s>")
        .find(|s| s.contains("科协工作要点"))
        .unwrap();
    assert!(long.contains('…'), "{long}");
    assert!(
        long.matches("<p>").count() == long.matches("</p>").count(),
        "tags balanced: {long}"
    );
    assert!(
        !long.contains("&amp;</s>") && !long.contains("&am</"),
        "entity not cut: {long}"
    );
}

#[test]
fn shortcodes_inline_and_block() {
    let site = page_site(
        "{{ badge(text=\"要闻\") }}\n\n{% notice(title=\"提示\") %}\n**注意**事项\n{% end %}\n\n`{{ badge(text=\"代码\") }}`\n",
    );
    site.write(
        "templates/shortcodes/badge.html",
        "<span class=\"badge\">{{ text }}</span>",
    );
    site.write(
        "templates/shortcodes/notice.html",
        "<aside><b>{{ title }}</b>{{ body | markdown | safe }}</aside>",
    );
    site.build();
    let html = site.output("news/a/index.html");
    assert_contains(&html, "<span class=\"badge\">要闻</span>");
    assert_contains(&html, "<aside><b>提示</b>");
    assert_contains(&html, "<strong>注意</strong>");
    assert_contains(&html, "<code>{{ badge(text=\"代码\") }}</code>");
}

#[test]
fn unknown_shortcode_is_an_error_with_its_line() {
    let site = page_site("正文\n\n{{ nope(a=1) }}\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "nope");
    assert_contains(&stderr, "content/news/a.md:6");
}

/// An official notice as the online editor saves it from a Word paste: the 主送 line,
/// outline numbers 一、 （一） 1. as text, a table, the 附件 lines and the 落款 (the
/// organisation, then the date on the next line), which Word right-aligns. The 落款 is
/// marked for the theme to right-align, in the Traditional copy too; the 附件 line and
/// the numbered names after it are one paragraph, a name a line, for the theme to hang
/// the names under the first; the numbers stay text.
const NOTICE: &str = "各市科协、各学会：\n\n为做好科普工作，现将有关事项通知如下。\n\n一、培训时间\n\n（一）报到\n\n1.各市科协科普部负责同志1名；\n\n2.各学会科普工作联络员1名。\n\n| 日期 | 内容 |\n| --- | --- |\n| 1月10日 | 报到 |\n\n附件：1.[报名表](bao-ming-biao.docx)\n\n2.培训日程\n\n广西壮族自治区科学技术协会\n2026年12月7日\n";

#[test]
fn a_notices_signature_and_attachment_list_are_marked_for_the_theme() {
    let site = page_site(NOTICE);
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}traditional = true\n[markdown]\nhard_wraps = false\n"),
    );
    site.build();
    let html = site.output("news/a/index.html");
    assert_contains(
        &html,
        "<p class=\"attachment-note\">附件：1.<a href=\"bao-ming-biao.docx\">报名表</a><br />\n2.培训日程</p>\n<p class=\"signature\">广西壮族自治区科学技术协会<br />\n2026年12月7日</p>",
    );
    assert_contains(
        &html,
        "<p>一、培训时间</p>\n<p>（一）报到</p>\n<p>1.各市科协科普部负责同志1名；</p>",
    );
    assert_contains(&html, "<p>各市科协、各学会：</p>");
    assert_eq!(html.matches("signature").count(), 1, "{html}");
    let traditional = site.output("zh-hant/news/a/index.html");
    assert_contains(
        &traditional,
        "<p class=\"signature\">廣西壯族自治區科學技術協會<br />\n2026年12月7日</p>",
    );

    // A body that ends in an ordinary closing paragraph is left as written.
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"测试\"\n+++\n活动于2026年12月7日举行。\n\n特此通知。\n\n联系人：张三\n2026年12月7日\n",
    );
    site.build();
    assert_not_contains(&site.output("news/a/index.html"), "signature");
}
