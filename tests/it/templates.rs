//! Tera templates with Zola's names: functions, filters, pagination, taxonomies,
//! neighbours, and the errors for broken or missing templates.

use crate::support::*;

fn dated_site(count: usize) -> Site {
    let site = Site::minimal();
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\npaginate_by = 2\n+++\n",
    );
    for i in 1..=count {
        site.write(
            &format!("content/news/2024-03-{i:02}-p{i}.md"),
            &format!(
                "+++\ntitle = \"第{i}篇\"\ntags = [\"科普\"{}]\n+++\n正文{i}\n",
                if i % 2 == 0 { ", \"双数\"" } else { "" }
            ),
        );
    }
    site
}

#[test]
fn sections_paginate_like_zola() {
    let site = dated_site(5);
    site.build();
    assert_contains(
        &site.output("news/index.html"),
        "第5篇</a><a href=\"https://kx.example.org/news/p4/\">第4篇</a>[1/3]",
    );
    assert_contains(&site.output("news/page/2/index.html"), "第3篇");
    assert_contains(&site.output("news/page/3/index.html"), "第1篇</a>[3/3]");
    assert_contains(
        &site.output("news/page/1/index.html"),
        "url=https://kx.example.org/news/",
    );
    assert!(!site.output_exists("news/page/4/index.html"));
}

#[test]
fn previous_and_next_follow_the_section_order() {
    let site = dated_site(3);
    site.build();
    let middle = site.output("news/p2/index.html");
    assert_contains(
        &middle,
        "rel=\"prev\" href=\"https://kx.example.org/news/p1/\">第1篇",
    );
    assert_contains(
        &middle,
        "rel=\"next\" href=\"https://kx.example.org/news/p3/\">第3篇",
    );
}

#[test]
fn taxonomies_have_list_and_term_pages() {
    let site = dated_site(4);
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}taxonomies = [{{ name = \"tags\", paginate_by = 3 }}]\n"),
    );
    site.build();
    let list = site.output("tags/index.html");
    assert_contains(
        &list,
        "href=\"https://kx.example.org/tags/ke-pu/\">科普</a>(4)",
    );
    assert_contains(&list, "双数</a>(2)");
    assert_contains(
        &site.output("tags/ke-pu/index.html"),
        "科普:第4篇;第3篇;第2篇;",
    );
    assert_contains(&site.output("tags/ke-pu/page/2/index.html"), "第1篇;");
    assert!(site.output_exists("tags/ke-pu/page/1/index.html"));
    assert!(site.output_exists("tags/shuang-shu/index.html"));
}

#[test]
fn site_functions_and_filters() {
    let site = dated_site(2);
    site.write(
        "templates/index.html",
        r#"url={{ get_url(path="css/a.css") }}
at={{ get_url(path="@/news/2024-03-01-p1.md") }}
section={% set s = get_section(path="news/_index.md") %}{{ s.title }}:{{ s.pages | length }}
meta={% set m = get_section(path="news/_index.md", metadata_only=true) %}{{ m.pages | length }}
page={% set p = get_page(path="news/2024-03-02-p2.md") %}{{ p.title }}
tax={% set t = get_taxonomy(kind="tags") %}{% for i in t.items %}{{ i.name }}{% endfor %}
turl={{ get_taxonomy_url(kind="tags", name="科普") }}
md={{ "**粗体**" | markdown | safe }}
date={{ "2024-05-01T09:30:00+08:00" | date(format="%Y年%m月%d日") }}
now={{ now() | date(format="%Y") }}
qr={{ qr_svg(text="https://kx.example.org/news/p1/") }}
path={{ current_path }}"#,
    );
    site.build();
    let html = site.output("index.html");
    assert_contains(&html, "url=https://kx.example.org/css/a.css");
    assert_contains(&html, "at=https://kx.example.org/news/p1/");
    assert_contains(&html, "section=新闻:2");
    assert_contains(&html, "meta=0");
    assert_contains(&html, "page=第2篇");
    assert_contains(&html, "tax=科普双数");
    assert_contains(&html, "turl=https://kx.example.org/tags/ke-pu/");
    assert_contains(&html, "md=<p><strong>粗体</strong></p>");
    assert_contains(&html, "date=2024年05月01日");
    assert_contains(&html, "path=/");
    assert_contains(&html, "qr=<svg role=\"img\" aria-label=\"本页二维码\"");
}

/// A home page column shows a few items of a section of thousands: `limit` lists only
/// those, in the section's order, so the build does not copy every page's summary (#30).
#[test]
fn get_section_with_a_limit_lists_only_the_first_pages() {
    let site = dated_site(5);
    site.write(
        "templates/index.html",
        r#"{% set all = get_section(path="news/_index.md") %}{% set two = get_section(path="news/_index.md", limit=2) %}{% set none = get_section(path="news/_index.md", limit=0) %}{% set more = get_section(path="news/_index.md", limit=50) %}
all={% for p in all.pages | slice(end=2) %}{{ p.title }};{% endfor %}
two={% for p in two.pages %}{{ p.title }};{% endfor %}
none={{ none.pages | length }}:{{ none.title }}
more={{ more.pages | length }}"#,
    );
    site.build();
    let html = site.output("index.html");
    assert_contains(&html, "all=第5篇;第4篇;");
    assert_contains(&html, "two=第5篇;第4篇;\n");
    assert_contains(&html, "none=0:新闻");
    assert_contains(&html, "more=5");

    site.write(
        "templates/index.html",
        r#"{% set s = get_section(path="news/_index.md", limit="六") %}{{ s.title }}"#,
    );
    let errors = site.build_fails();
    assert_contains(
        &errors,
        "`limit` must be a whole number of pages, got `\"六\"`",
    );
}

#[test]
fn page_template_from_front_matter_and_section() {
    let site = dated_site(1);
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\npage_template = \"news-page.html\"\n+++\n",
    );
    site.write(
        "content/news/special.md",
        "+++\ntitle = \"特别\"\ntemplate = \"special.html\"\n+++\n",
    );
    site.write("templates/news-page.html", "NEWS {{ page.title }}");
    site.write("templates/special.html", "SPECIAL {{ page.title }}");
    site.build();
    assert_eq!(site.output("news/p1/index.html"), "NEWS 第1篇");
    assert_eq!(site.output("news/special/index.html"), "SPECIAL 特别");
}

#[test]
fn template_syntax_errors_name_the_template() {
    let site = dated_site(1);
    site.write("templates/page.html", "<h1>{{ page.title }</h1>");
    let stderr = site.build_fails();
    assert_contains(&stderr, "templates/page.html");
}

/// A template that does not parse is reported at its line and column, with the line
/// and a caret under the place, and the parser's reason in one sentence (not its own
/// drawing of the line squeezed into the message).
#[test]
fn a_template_syntax_error_points_at_its_line_and_column() {
    let site = dated_site(1);
    site.write(
        "templates/page.html",
        "<main>\n<h1>{{ page.title }}</h1>{% if %}\n</main>\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "--> templates/page.html:2:");
    assert_contains(&stderr, "Failed to parse 'page.html': expected");
    assert_contains(&stderr, "2 | <h1>{{ page.title }}</h1>{% if %}");
    assert_not_contains(&stderr, "^---");
    assert_contains(&stderr, "fix the template at the place shown");
    let check = site.menhu(&["check", "--format", "json"]);
    let line = check
        .stdout
        .lines()
        .find(|l| l.contains("E0403"))
        .unwrap_or_else(|| panic!("{}", check.stdout));
    let record: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(
        (record["line"].as_u64(), record["column"].as_u64()),
        (Some(2), Some(32)),
        "{line}"
    );
}

#[test]
fn template_render_errors_name_template_and_page() {
    let site = dated_site(1);
    site.write("templates/page.html", "{{ page.nothing.here }}");
    let stderr = site.build_fails();
    assert_contains(&stderr, "templates/page.html");
    assert_contains(&stderr, "content/news/2024-03-01-p1.md");
}

/// A name Tera cannot find is placed at its line, in the template that writes it even
/// when that is the parent the rendered one extends (Tera names only the rendered one).
#[test]
fn template_render_errors_give_the_line_of_the_unknown_name() {
    let site = dated_site(1);
    site.write(
        "templates/base.html",
        "<html>\n<title>{{ config.title | nosuchfilter }}</title>\n{% block main %}{% endblock %}\n</html>\n",
    );
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}<h1>{{ page.title }}</h1>{% endblock %}\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "Filter 'nosuchfilter' not found");
    assert_contains(&stderr, "--> templates/base.html:2:26");
    site.write(
        "templates/base.html",
        "<html>{% block main %}{% endblock %}</html>",
    );
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.title }}</h1>\n<p>{{ page.nothing.here }}</p>{% endblock %}\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "--> templates/page.html:4:7");
}

#[test]
fn a_template_error_every_page_meets_is_reported_once_with_the_count() {
    let site = dated_site(5);
    site.write("templates/page.html", "{{ page.nothing.here }}");
    let stderr = site.build_fails();
    assert_eq!(stderr.matches("error[E0403]").count(), 1, "{stderr}");
    assert_contains(&stderr, "content/news/2024-03-01-p1.md");
    assert_contains(&stderr, "the same error on 4 more pages");
    assert_contains(&stderr, "1 error");

    let check = site.menhu(&["check", "--format", "github"]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stdout.matches("title=E0403").count(),
        1,
        "{}",
        check.stdout
    );
    let chinese = site.menhu(&["build", "--lang", "zh-Hans"]);
    assert_contains(&chinese.stderr, "另有 4 个页面出现同样的错误");
}

#[test]
fn missing_template_is_an_error_with_a_fix() {
    let site = dated_site(1);
    std::fs::remove_file(site.path("templates/page.html")).unwrap();
    let stderr = site.build_fails();
    assert_contains(&stderr, "template `page.html` not found");
    assert_contains(&stderr, "theme");
}

#[test]
fn listed_pages_carry_every_field_a_template_names_on_them() {
    // Lists leave out the fields no template names; a field read on listed pages
    // (here `toc` and `extra`) must still be there, whatever the loop variable is called.
    let site = dated_site(2);
    site.write(
        "content/news/2024-03-03-toc.md",
        "+++\ntitle = \"带目录\"\n[extra]\nauthor = \"王编辑\"\n+++\n## 一、概况\n正文\n",
    );
    site.write(
        "templates/section.html",
        "{% for p in paginator.pages %}[{{ p.title }}|{{ p.extra.author | default(value='-') }}|{% for h in p.toc %}{{ h.title }}{% endfor %}]{% endfor %}",
    );
    site.build();
    assert_contains(&site.output("news/index.html"), "[带目录|王编辑|一、概况]");

    site.write(
        "templates/section.html",
        "{% for page in paginator.pages %}[{{ page.title }}:{{ page.word_count }}]{% endfor %}",
    );
    site.build();
    assert_contains(&site.output("news/index.html"), "[带目录:");
    assert_not_contains(&site.output("news/index.html"), "[带目录:]");
}

#[test]
fn slice_keeps_teras_meaning() {
    let site = dated_site(5);
    site.write(
        "templates/index.html",
        "{% set news = get_section(path=\"news/_index.md\") %}\
         a={% for p in news.pages | slice(end=2) %}{{ p.title }};{% endfor %}\
         b={% for p in news.pages | slice(start=1, end=-2) %}{{ p.title }};{% endfor %}\
         c={{ news.pages | slice(start=9) | length }}\
         d={{ [1, 2, 3] | slice(start=-1) | join(sep=\",\") }}",
    );
    site.build();
    let home = site.output("index.html");
    assert_contains(&home, "a=第5篇;第4篇;");
    assert_contains(&home, "b=第4篇;第3篇;");
    assert_contains(&home, "c=0");
    assert_contains(&home, "d=3");
    site.write("templates/index.html", "{{ config.title | slice(end=1) }}");
    assert_contains(&site.build_fails(), "slice");
}

#[test]
fn get_section_can_be_optional() {
    let site = dated_site(1);
    site.write(
        "templates/index.html",
        "{% set gone = get_section(path=\"nope/_index.md\", required=false) %}[{% if gone %}有{% else %}无{% endif %}]\
         {% set news = get_section(path=\"news/_index.md\", required=false) %}{{ news.title }}",
    );
    site.build();
    assert_contains(&site.output("index.html"), "[无]新闻");
    site.write(
        "templates/index.html",
        "{% set gone = get_section(path=\"nope/_index.md\") %}{{ gone.title }}",
    );
    assert_contains(&site.build_fails(), "no section `nope/_index.md`");
}

#[test]
fn counts_hold_whether_or_not_the_build_keeps_page_text() {
    // A build without a search index drops each page's plain text once its Markdown is
    // rendered; counts shown by templates must come out the same as with an index.
    let site = dated_site(1);
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\n+++\n栏目介绍 menhu 2024\n",
    );
    site.write(
        "content/news/2024-04-01-count.md",
        "+++\ntitle = \"计数\"\n+++\n科协工作，Rust 2024。\n\n```\ncode\n```\n",
    );
    site.write(
        "templates/page.html",
        "[{{ page.char_count }}|{{ page.word_count }}|{{ page.reading_time }}]",
    );
    site.write(
        "templates/section.html",
        "<{{ section.word_count }}>{% for p in section.pages %}[{{ p.title }}:{{ p.char_count }}]{% endfor %}",
    );
    for index in ["false", "true"] {
        site.write(
            "site-config.toml",
            &format!("build_search_index = {index}\n{MINIMAL_CONFIG}"),
        );
        site.build();
        // 科协工作 (4 Han) + Rust, 2024, code (3 words).
        assert_contains(&site.output("news/count/index.html"), "[7|7|1]");
        let list = site.output("news/index.html");
        assert_contains(&list, "<6>");
        assert_contains(&list, "[计数:7]");
    }
}
