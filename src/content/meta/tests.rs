use super::*;
use crate::diag::Severity;

fn page(text: &str) -> Parsed<PageMeta> {
    parse_page(Path::new("content/news/a.md"), text).unwrap_or_else(|e| panic!("{e:#?}"))
}

fn page_errors(text: &str) -> Vec<Diagnostic> {
    match parse_page(Path::new("content/news/a.md"), text) {
        Ok(parsed) => panic!("expected errors, got {:#?}", parsed.meta),
        Err(all) => all,
    }
}

fn section(text: &str) -> Parsed<SectionMeta> {
    parse_section(Path::new("content/news/_index.md"), text).unwrap_or_else(|e| panic!("{e:#?}"))
}

fn place(d: &Diagnostic) -> (u32, u32) {
    d.span.map_or((0, 0), |s| (s.line, s.column))
}

const ALL_TOML: &str = r#"+++
title = "科技活动周开幕"
description = "描述"
summary = "摘要"
date = 2024-05-01T09:30:00+08:00
updated = "2024-05-02"
expires = 2024-12-31
slug = "keji-huodong"
path = "news/keji"
draft = true
weight = 3
template = "news.html"
aliases = ["/old/keji.html"]
lang = "zh"
in_search_index = false
author = "张三"
authors = ["张三", "李四"]
editor = "王五"
source = "梧州市科协"
city = "梧州"
region = "广西壮族自治区梧州市藤县"
org = "梧州市科协"
series = "科协改革进行时·地方篇"
series_index = 30
attachments = ["a.pdf", { path = "b.docx", title = "报名表" }]
cover = "cover.jpg"
tags = ["科普", "青少年", "科普"]
categories = ["新闻"]
kind = "org"
level = "city"
parent = "广西壮族自治区科协"
address = "梧州市新兴二路"
phone = "0774-1234567"
website = "https://kx.example.org"
chair = "赵六"
founded = 1958
members = 1200

[taxonomies]
tags = ["青少年", "科技周"]
cities = ["梧州"]

[extra]
note = "备注"
+++
正文
"#;

const ALL_YAML: &str = r#"---
title: 科技活动周开幕
description: 描述
summary: 摘要
date: 2024-05-01T09:30:00+08:00
updated: "2024-05-02"
expires: 2024-12-31
slug: keji-huodong
path: news/keji
draft: true
weight: 3
template: news.html
aliases: [/old/keji.html]
lang: zh
in_search_index: false
author: 张三
authors:
  - 张三
  - 李四
editor: 王五
source: 梧州市科协
city: 梧州
region: 广西壮族自治区梧州市藤县
org: 梧州市科协
series: 科协改革进行时·地方篇
series_index: 30
attachments:
  - a.pdf
  - path: b.docx
    title: 报名表
cover: cover.jpg
tags: [科普, 青少年, 科普]
categories: [新闻]
kind: org
level: city
parent: 广西壮族自治区科协
address: 梧州市新兴二路
phone: 0774-1234567
website: https://kx.example.org
chair: 赵六
founded: 1958
members: 1200
taxonomies:
  tags: [青少年, 科技周]
  cities: [梧州]
extra:
  note: 备注
---
正文
"#;

fn strip_spans(mut meta: PageMeta) -> PageMeta {
    fn clear<T>(l: &mut Option<Located<T>>) {
        if let Some(l) = l {
            l.span = None;
        }
    }
    clear(&mut meta.city);
    clear(&mut meta.region);
    clear(&mut meta.org);
    clear(&mut meta.series);
    clear(&mut meta.series_index);
    clear(&mut meta.org_fields.level);
    clear(&mut meta.org_fields.parent);
    meta.attachments.iter_mut().for_each(|a| a.span = None);
    meta
}

fn located<T>(value: T) -> Option<Located<T>> {
    Some(Located::new(value, None))
}

fn expected_all() -> PageMeta {
    let s = |t: &str| Some(t.to_owned());
    let strings = |ts: &[&str]| ts.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
    let mut taxonomies = BTreeMap::new();
    taxonomies.insert("tags".to_owned(), strings(&["科普", "青少年", "科技周"]));
    taxonomies.insert("categories".to_owned(), strings(&["新闻"]));
    taxonomies.insert("cities".to_owned(), strings(&["梧州"]));
    let mut extra = serde_json::Map::new();
    extra.insert("note".to_owned(), "备注".into());
    PageMeta {
        title: "科技活动周开幕".to_owned(),
        description: s("描述"),
        summary: s("摘要"),
        date: Date::parse("2024-05-01T09:30:00+08:00"),
        updated: Date::parse("2024-05-02"),
        expires: Date::parse("2024-12-31"),
        slug: s("keji-huodong"),
        path: s("news/keji"),
        draft: true,
        status: None,
        weight: Some(3),
        template: s("news.html"),
        aliases: strings(&["/old/keji.html"]),
        push: Vec::new(),
        reprint: None,
        lang: s("zh"),
        in_search_index: false,
        render: true,
        author: s("张三"),
        authors: strings(&["张三", "李四"]),
        editor: s("王五"),
        source: s("梧州市科协"),
        city: located("梧州".to_owned()),
        region: located("广西壮族自治区梧州市藤县".to_owned()),
        org: located("梧州市科协".to_owned()),
        series: located("科协改革进行时·地方篇".to_owned()),
        series_index: located(30),
        attachments: vec![
            Located {
                value: Attachment {
                    path: "a.pdf".to_owned(),
                    title: None,
                },
                span: None,
                source_line: None,
            },
            Located {
                value: Attachment {
                    path: "b.docx".to_owned(),
                    title: s("报名表"),
                },
                span: None,
                source_line: None,
            },
        ],
        cover: s("cover.jpg"),
        cover_focus: crate::images::Focus::Center,
        cover_alt: None,
        cover_caption: None,
        placement: Placement::default(),
        taxonomies,
        extra,
        kind: s("org"),
        org_fields: OrgFields {
            level: located("city".to_owned()),
            parent: located("广西壮族自治区科协".to_owned()),
            address: s("梧州市新兴二路"),
            phone: s("0774-1234567"),
            website: s("https://kx.example.org"),
            chair: s("赵六"),
            founded: s("1958"),
            members: Some(1200),
        },
    }
}

#[test]
fn every_page_key_in_toml_and_yaml() {
    for text in [ALL_TOML, ALL_YAML] {
        let parsed = page(text);
        assert!(parsed.warnings.is_empty(), "{:#?}", parsed.warnings);
        assert_eq!(strip_spans(parsed.meta), expected_all());
        assert_eq!(parsed.body, "正文\n");
        assert_eq!(
            parsed.body_line,
            text.lines().position(|l| l == "正文").unwrap() as u32 + 1
        );
    }
}

#[test]
fn spans_point_at_values() {
    let toml = "+++\ntitle = \"标题\"\ndate = 2024-05-01\nsource = \"来源\"\ncity = \"梧洲\"\norg = \"科协\"\n+++\n";
    let yaml = "---\ntitle: 标题\ndate: 2024-05-01\nsource: 来源\ncity: 梧洲  # 城市\norg: \"科协\"\n---\n";
    // (text, city span, org span)
    let cases = [
        (toml, (5, 8, 5, 12), (6, 7, 6, 11)),
        (yaml, (5, 7, 5, 9), (6, 6, 6, 10)),
    ];
    for (text, city, org) in cases {
        let meta = page(text).meta;
        let span = |l: Option<Located<String>>| {
            l.and_then(|l| l.span)
                .map(|s| (s.line, s.column, s.end_line, s.end_column))
        };
        assert_eq!(span(meta.city), Some(city), "{text}");
        assert_eq!(span(meta.org), Some(org), "{text}");
    }
}

#[test]
fn attachment_and_series_spans() {
    let text = "+++\ntitle = \"t\"\nseries_index = 30\nattachments = [\n  \"a.pdf\",\n  { path = \"b.docx\" },\n]\n+++\n";
    let meta = page(text).meta;
    let at = |span: Option<Span>| span.map(|s| (s.line, s.column));
    assert_eq!(at(meta.series_index.and_then(|l| l.span)), Some((3, 16)));
    assert_eq!(at(meta.attachments[0].span), Some((5, 3)));
    assert_eq!(at(meta.attachments[1].span), Some((6, 3)));
}

#[test]
fn zola_front_matter_builds_unchanged() {
    // The layout `bench/gen_corpus.py` writes for Zola.
    let text = "+++\ntitle = \"梧州市科协召开全委会\"\ndate = 2019-03-07T14:21:05+08:00\ndescription = \"会议传达学习了\"\n\n[taxonomies]\ntags = [\"科普\", \"学会\"]\ncities = [\"梧州\"]\n\n[extra]\nauthor = \"张三\"\nsource = \"梧州日报\"\norg_type = \"学会\"\n+++\n\n## 一、概况\n";
    let parsed = page(text);
    assert!(parsed.warnings.is_empty(), "{:#?}", parsed.warnings);
    let meta = parsed.meta;
    assert_eq!(
        meta.date.as_ref().map(|d| d.text.as_str()),
        Some("2019-03-07T14:21:05+08:00")
    );
    assert_eq!(meta.taxonomies["cities"], ["梧州"]);
    assert_eq!(meta.taxonomies["tags"], ["科普", "学会"]);
    // [extra] values stay in extra: they are not moved to the top-level keys.
    assert_eq!(meta.author, None);
    assert_eq!(meta.extra["author"], "张三");
    assert_eq!(meta.extra["org_type"], "学会");
    assert_eq!(parsed.body_line, 15);
    assert_eq!(parsed.body, "\n## 一、概况\n");
}

#[test]
fn defaults_of_a_minimal_page() {
    for text in ["+++\ntitle = \"t\"\n+++\n", "---\ntitle: t\n---\n"] {
        let meta = page(text).meta;
        assert!(meta.in_search_index);
        assert!(!meta.draft);
        assert!(meta.taxonomies.is_empty() && meta.extra.is_empty() && meta.attachments.is_empty());
        assert_eq!(meta.date, None);
    }
}

#[test]
fn wrong_values_are_errors_in_place() {
    // (text, code, line, column, expected contains)
    let cases: &[(&str, &str, u32, u32, &str)] = &[
        ("+++\ntitle = 3\n+++\n", "E0206", 2, 9, "text"),
        (
            "+++\ntitle = \"t\"\ndate = \"2020-02-30\"\n+++\n",
            "E0207",
            3,
            8,
            "2024-05-01",
        ),
        (
            "+++\ntitle = \"t\"\ndate = 2020-02-30\n+++\n",
            "E0207",
            3,
            0,
            "2024-05-01",
        ),
        (
            "+++\ntitle = \"t\"\nupdated = \"yesterday\"\n+++\n",
            "E0207",
            3,
            11,
            "2024-05-01",
        ),
        (
            "+++\ntitle = \"t\"\nseries_index = \"x\"\n+++\n",
            "E0206",
            3,
            16,
            "whole number",
        ),
        (
            "+++\ntitle = \"t\"\ndraft = \"yes\"\n+++\n",
            "E0206",
            3,
            9,
            "`true` or `false`",
        ),
        (
            "+++\ntitle = \"t\"\ntags = { a = 1 }\n+++\n",
            "E0206",
            3,
            8,
            "list of text",
        ),
        ("---\ntitle: [1, 2]\n---\n", "E0206", 2, 8, "text"),
        (
            "---\ntitle: t\ndate: yesterday\n---\n",
            "E0207",
            3,
            7,
            "2024-05-01",
        ),
        (
            "---\ntitle: t\nseries_index: x\n---\n",
            "E0206",
            3,
            0,
            "whole number",
        ),
        (
            "---\ntitle: t\nmembers: -3\n---\n",
            "E0206",
            3,
            0,
            "whole number",
        ),
    ];
    for (text, code, line, column, expected) in cases {
        let errors = page_errors(text);
        let e = &errors[0];
        assert_eq!(e.code, *code, "{text}: {e:#?}");
        assert_eq!(place(e).0, *line, "{text}: {e:#?}");
        if *column > 0 {
            assert_eq!(place(e).1, *column, "{text}: {e:#?}");
        }
        assert!(
            e.expected.as_deref().unwrap_or("").contains(expected),
            "{text}: {e:#?}"
        );
        assert_eq!(e.file.as_deref(), Some(Path::new("content/news/a.md")));
    }
}

#[test]
fn every_bad_date_is_reported_at_once() {
    let errors =
        page_errors("+++\ntitle = \"t\"\ndate = \"2020-02-30\"\nexpires = \"next week\"\n+++\n");
    let places: Vec<_> = errors.iter().map(|e| (e.code, place(e).0)).collect();
    assert_eq!(places, [("E0207", 3), ("E0207", 4)]);
    assert!(
        errors[0].message.contains("「2020-02-30」"),
        "{}",
        errors[0].message
    );
}

#[test]
fn syntax_errors_are_placed_in_the_file() {
    // Front matter starts on line 2 of the file (a blank line first); the error is on line 5.
    let toml = "\n+++\ntitle = \"t\"\nsource = \"s\"\ncity = \"梧州\n+++\n";
    let e = &page_errors(toml)[0];
    assert_eq!(e.code, "E0206");
    assert_eq!(place(e).0, 5, "{e:#?}");
    assert!(
        e.message.starts_with("invalid TOML in front matter"),
        "{}",
        e.message
    );
    assert_eq!(e.source_line.as_deref(), Some("city = \"梧州"));

    let yaml = "---\ntitle: t\nsource: s\ncity: \"梧州\n---\n";
    let e = &page_errors(yaml)[0];
    assert_eq!(e.code, "E0206");
    assert!((4..=5).contains(&place(e).0), "{e:#?}");
    assert!(
        e.message.starts_with("invalid YAML in front matter"),
        "{}",
        e.message
    );
    assert!(!e.message.contains(" at line "), "{}", e.message);
}

#[test]
fn unknown_keys_are_warnings_with_suggestions() {
    let text = "+++\ntitle = \"t\"\nautor = \"张三\"\n\"作者\" = \"李四\"\nwebsite_url = \"x\"\nattachments = [{ path = \"a.pdf\", titel = \"表\" }]\n+++\n";
    let warnings = page(text).warnings;
    let got: Vec<_> = warnings
        .iter()
        .map(|w| {
            (
                w.code,
                w.severity,
                place(w).0,
                w.message.as_str(),
                w.help.as_deref().unwrap_or(""),
            )
        })
        .collect();
    let want = [
        (
            "W0201",
            Severity::Warning,
            3,
            "unknown front-matter key `autor`",
            "did you mean `author`?",
        ),
        (
            "W0201",
            Severity::Warning,
            4,
            "unknown front-matter key `作者`",
            "did you mean `author`?",
        ),
        (
            "W0201",
            Severity::Warning,
            5,
            "unknown front-matter key `website_url`",
            "did you mean `website`?",
        ),
        (
            "W0201",
            Severity::Warning,
            6,
            "unknown key `titel` in `attachments`",
            "did you mean `title`?",
        ),
    ];
    assert_eq!(got, want);
    let w = &page("---\ntitle: t\ntitel: x\n---\n").warnings[0];
    assert_eq!(
        (place(w), w.help.as_deref()),
        ((3, 1), Some("did you mean `title`?"))
    );
    let w = &page("+++\ntitle = \"t\"\nzzz = 1\n+++\n").warnings[0];
    assert!(
        w.help.as_deref().unwrap_or("").contains("`[extra]`"),
        "{w:#?}"
    );
}

#[test]
fn unquoted_chinese_keys_get_the_english_key() {
    let e = &page_errors("+++\ntitle = \"t\"\n作者 = \"李四\"\n+++\n")[0];
    assert_eq!((e.code, place(e).0), ("E0206", 3));
    assert_eq!(
        e.help.as_deref(),
        Some("write the key in English: `author = \"…\"`")
    );
}

#[test]
fn errors_come_with_the_warnings_found() {
    let errors = page_errors("+++\ntitel = \"t\"\n+++\n");
    let codes: Vec<_> = errors.iter().map(|e| e.code).collect();
    assert_eq!(codes, ["E0208", "W0201"]);
}

#[test]
fn a_page_needs_a_title() {
    // (text, line of the error, 0 = whole file)
    let cases: &[(&str, u32)] = &[
        ("+++\ndate = 2024-05-01\n+++\n", 1),
        ("\n---\ndate: 2024-05-01\n---\n", 2),
        ("+++\ntitle = \"  \"\n+++\n", 2),
        ("# 只有正文\n", 0),
        ("", 0),
        ("+++\n+++", 1),
        ("---\n---\n", 1),
    ];
    for (text, line) in cases {
        let errors = page_errors(text);
        assert_eq!(errors[0].code, "E0208", "{text:?}");
        assert_eq!(place(&errors[0]).0, *line, "{text:?}");
        assert!(
            errors[0].help.as_deref().unwrap_or("").contains("title"),
            "{text:?}"
        );
    }
}

#[test]
fn unclosed_front_matter_is_an_error() {
    for text in ["+++", "+++\ntitle = \"t\"\n正文", "---\ntitle: t\n"] {
        let errors = page_errors(text);
        assert_eq!(errors[0].code, "E0205");
        assert_eq!(place(&errors[0]).0, 1);
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let huge = format!(
        "+++\ntitle = \"t\"\n{}+++\n",
        (0..20_000)
            .map(|i| format!("k{i} = {i}\n"))
            .collect::<String>()
    );
    let parsed = page(&huge);
    assert_eq!(parsed.warnings.len(), 21);
    assert_eq!(
        parsed.warnings[20].message,
        "19980 more unknown front-matter keys"
    );
    let inputs = [
        "+++\n\"\n+++",
        "---\n: : :\n---",
        "---\n- a\n- b\n---\n",
        "---\njust text\n---\n",
        "---\n[unclosed\n---\n",
        "+++\n[[attachments]]\npath = 3\n+++\n",
        "+++\ntitle = \"t\"\nextra = 5\n+++\n",
        "---\ntitle: t\nattachments: [{path: 1}]\n---\n",
        "---\n\"a\nb\": 1\n---\n",
        "+++\ntitle = \"t\"\ndate = 12:00:00\n+++\n",
    ];
    for text in inputs {
        let _ = parse_page(Path::new("a.md"), text);
        let _ = parse_section(Path::new("_index.md"), text);
    }
}

#[test]
fn taxonomies_merge_in_order_without_duplicates() {
    let text = "+++\ntitle = \"t\"\ntags = \"科普\"\n\n[taxonomies]\ntags = [\"学会\", \"科普\"]\ncategories = []\n+++\n";
    let meta = page(text).meta;
    assert_eq!(meta.taxonomies.len(), 1);
    assert_eq!(meta.taxonomies["tags"], ["科普", "学会"]);
}

#[test]
fn every_section_key_in_toml_and_yaml() {
    let toml = "+++\ntitle = \"新闻动态\"\ndescription = \"d\"\nsort_by = \"update_date\"\nweight = 2\npaginate_by = 20\npaginate_path = \"ye\"\npaginate_reversed = true\ninsert_anchor_links = \"left\"\ntemplate = \"s.html\"\npage_template = \"p.html\"\nrender = false\nredirect_to = \"/x/\"\ntransparent = true\ndraft = true\naliases = [\"/old/\"]\ngenerate_feeds = true\nin_search_index = false\nkind = \"orgs\"\nlang = \"zh\"\n[extra]\nbanner = \"b.jpg\"\n+++\n";
    let yaml = "---\ntitle: 新闻动态\ndescription: d\nsort_by: update_date\nweight: 2\npaginate_by: 20\npaginate_path: ye\npaginate_reversed: true\ninsert_anchor_links: left\ntemplate: s.html\npage_template: p.html\nrender: false\nredirect_to: /x/\ntransparent: true\ndraft: true\naliases: [/old/]\ngenerate_feed: true\nin_search_index: false\nkind: orgs\nlang: zh\nextra:\n  banner: b.jpg\n---\n";
    for text in [toml, yaml] {
        let parsed = section(text);
        assert!(parsed.warnings.is_empty(), "{:#?}", parsed.warnings);
        let s = parsed.meta;
        assert_eq!(s.title, "新闻动态");
        assert_eq!(s.description.as_deref(), Some("d"));
        assert_eq!(s.sort_by, SortBy::UpdateDate);
        assert_eq!(
            (s.weight, s.paginate_by, s.paginate_path.as_str()),
            (2, Some(20), "ye")
        );
        assert!(s.paginate_reversed && !s.render && s.transparent && s.draft && s.generate_feeds);
        assert!(!s.in_search_index);
        assert_eq!(s.insert_anchor_links.as_deref(), Some("left"));
        assert_eq!(
            (s.template.as_deref(), s.page_template.as_deref()),
            (Some("s.html"), Some("p.html"))
        );
        assert_eq!(
            (s.redirect_to.as_deref(), s.aliases),
            (Some("/x/"), vec!["/old/".to_owned()])
        );
        assert_eq!(
            (s.kind.as_deref(), s.lang.as_deref()),
            (Some("orgs"), Some("zh"))
        );
        assert_eq!(s.extra["banner"], "b.jpg");
    }
}

#[test]
fn section_defaults_follow_zola() {
    for text in [
        "+++\n+++\n",
        "",
        "+++\ntitle = \"新闻\"\npaginate_by = 0\n+++\n",
    ] {
        let s = section(text).meta;
        assert_eq!(s.sort_by, SortBy::None);
        assert_eq!(
            (s.paginate_by, s.paginate_path.as_str(), s.weight),
            (None, "page", 0)
        );
        assert!(s.render && s.in_search_index && !s.generate_feeds && !s.transparent);
    }
}

#[test]
fn section_values_are_checked() {
    let errors = parse_section(
        Path::new("_index.md"),
        "+++\nsort_by = \"dat\"\ninsert_anchor_links = \"top\"\n+++\n",
    )
    .unwrap_err();
    let got: Vec<_> = errors
        .iter()
        .map(|e| (e.code, place(e), e.help.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(got[0], ("E0206", (2, 11), "did you mean `date`?"));
    assert_eq!(got[1].0, "E0206");
    assert_eq!(got[1].1, (3, 23));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let open_close = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let toml = format!(
        "+++\ntitle = \"t\"\n[extra]\nx = {}\n+++\n",
        open_close(100_000)
    );
    let yaml = format!("---\ntitle: t\nextra:\n  x: {}\n---\n", open_close(100_000));
    for text in [toml, yaml] {
        let errors = page_errors(&text);
        assert_eq!(errors[0].code, "E0206");
        assert_eq!(place(&errors[0]).0, 4);
    }
    // Brackets inside quoted text are not nesting.
    let quoted = format!("---\ntitle: \"{}\"\n---\n", "[".repeat(500));
    assert_eq!(page(&quoted).meta.title.len(), 500);
}

/// A small deterministic generator, so the mutations are the same on every run.
fn next(seed: &mut u64) -> usize {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*seed >> 33) as usize
}

#[test]
fn mutated_front_matter_never_panics() {
    let pieces = [
        "\"", "'", "[", "]", "{", "}", "=", ":", "\n", "-", "#", " ", "+++", "---", "梧", "\\", ",",
    ];
    let mut seed = 42;
    for base in [ALL_TOML, ALL_YAML] {
        for _ in 0..300 {
            let mut text: Vec<char> = base.chars().collect();
            for _ in 0..1 + next(&mut seed) % 4 {
                let at = next(&mut seed) % (text.len() + 1);
                if next(&mut seed).is_multiple_of(2) && at < text.len() {
                    text.remove(at);
                } else {
                    let piece = pieces[next(&mut seed) % pieces.len()];
                    text.splice(at..at, piece.chars());
                }
            }
            let text: String = text.into_iter().collect();
            if let Err(all) = parse_page(Path::new("a.md"), &text) {
                assert!(all.iter().any(Diagnostic::is_error), "{text}");
                assert!(all.iter().all(|d| d.file.is_some()), "{text}");
            }
            let _ = parse_section(Path::new("_index.md"), &text);
        }
    }
}

#[test]
fn script_urls_in_link_fields_are_errors_at_their_line() {
    let errors = page_errors(
        "+++\ntitle = \"t\"\nwebsite = \" JavaScript:alert(1)\"\ncover = \"data:text/html,x\"\n+++\n",
    );
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors.iter().all(|e| e.code == "E0213"));
    let mut lines: Vec<u32> = errors.iter().map(|e| place(e).0).collect();
    lines.sort();
    assert_eq!(lines, [3, 4]);
    let ok =
        page("+++\ntitle = \"t\"\nwebsite = \"https://kx.example.org/\"\ncover = \"a.jpg\"\n+++\n");
    assert_eq!(
        ok.meta.org_fields.website.as_deref(),
        Some("https://kx.example.org/")
    );
}

#[test]
fn every_address_field_goes_through_the_one_rule() {
    let errors = page_errors(concat!(
        "+++\ntitle = \"t\"\n",
        "path = \"javascript:alert(document.domain);/x/\"\n",
        "slug = \"JAVASCRIPT:x\"\n",
        "aliases = [\"/old/\", \"data:text/html,x\"]\n",
        "attachments = [\"a.pdf\", { path = \"javascript://%0aalert(1)\" }, \"java\\tscript:x\"]\n",
        "+++\n",
    ));
    let mut places: Vec<(u32, u32)> = errors.iter().map(place).collect();
    places.sort();
    assert!(errors.iter().all(|e| e.code == "E0213"), "{errors:#?}");
    assert_eq!(places, [(3, 8), (4, 8), (5, 21), (6, 34), (6, 64)]);
    let section = parse_section(
        Path::new("_index.md"),
        "+++\nredirect_to = \"vbscript:x\"\naliases = [\"https://a.cn/\"]\n+++\n",
    );
    let errors = section.err().unwrap_or_default();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let ok = page(
        "+++\ntitle = \"t\"\npath = \"zhuanti/2024\"\naliases = [\"/old.html\"]\nattachments = [\"https://a.cn/x.pdf\", \"b.docx\"]\n+++\n",
    );
    assert_eq!(ok.meta.path.as_deref(), Some("zhuanti/2024"));
    assert_eq!(ok.meta.attachments.len(), 2);
}
