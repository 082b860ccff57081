use super::*;

#[test]
fn safe_ids_keep_chinese_readable() {
    let cases = [
        ("Hello World", "hello-world"),
        ("一、深化认识", "一-深化认识"),
        ("（二）提高“站位”！", "二-提高-站位"),
        ("科协 2024 年度《报告》", "科协-2024-年度-报告"),
        ("  --Rust--  ", "rust"),
        ("！？。", "section"),
        ("", "section"),
        ("Ünïcode Ärger", "Ünïcode-Ärger"),
    ];
    for (title, id) in cases {
        assert_eq!(heading_id(title, AnchorStyle::Safe), id, "{title}");
    }
}

#[test]
fn pinyin_ids_read_han_characters() {
    let cases = [
        ("一、深化认识", "yi-shen-hua-ren-shi"),
        ("Rust 语言", "rust-yu-yan"),
        ("abc中文", "abc-zhong-wen"),
        ("2024年总结", "2024-nian-zong-jie"),
        ("？？", "section"),
        ("重庆", "chong-qing"),
        ("科协调研", "ke-xie-diao-yan"),
    ];
    for (title, id) in cases {
        assert_eq!(heading_id(title, AnchorStyle::Pinyin), id, "{title}");
    }
}

/// Issue #27: a heading's anchor and a URL slug read polyphones alike.
#[test]
fn pinyin_anchors_agree_with_url_slugs() {
    for title in [
        "重庆市科协",
        "长沙调研",
        "厦门银行",
        "科协调研",
        "协调发展 2026",
    ] {
        assert_eq!(
            heading_id(title, AnchorStyle::Pinyin),
            crate::zh::slugify(title),
            "{title}"
        );
    }
}

#[test]
fn off_ids_are_the_text_as_written() {
    assert_eq!(
        heading_id("Hello World 你好", AnchorStyle::Off),
        "Hello-World-你好"
    );
}

#[test]
fn outline_markers_are_found_as_written() {
    let cases = [
        ("一、深化认识", Some(("一、", RANK_HAN_COMMA))),
        ("十二、总结", Some(("十二、", RANK_HAN_COMMA))),
        ("（一）提高站位", Some(("（一）", RANK_HAN_PAREN))),
        ("(三)加强领导", Some(("(三)", RANK_HAN_PAREN))),
        ("1. 目标", Some(("1.", RANK_DIGIT_DOT))),
        ("2、任务", Some(("2、", RANK_DIGIT_DOT))),
        ("３．措施", Some(("３．", RANK_DIGIT_DOT))),
        ("（1）细则", Some(("（1）", RANK_DIGIT_PAREN))),
        ("(12)细则", Some(("(12)", RANK_DIGIT_PAREN))),
        ("第一章 总则", Some(("第一章", RANK_CHAPTER))),
        ("第二节 组织", Some(("第二节", RANK_SECTION))),
        ("第3条", Some(("第3条", RANK_ARTICLE))),
        ("第一部分 背景", Some(("第一部分", RANK_PART))),
        ("①要点", Some(("①", RANK_CIRCLED))),
        ("1.5 版本说明", None),
        ("2024年工作", None),
        ("一些想法", None),
        ("第一次会议", None),
        ("概述", None),
        ("", None),
    ];
    for (title, expected) in cases {
        assert_eq!(outline_marker(title), expected, "{title}");
    }
}

fn flat(level: u32, title: &str) -> FlatHeading {
    FlatHeading::new(
        level,
        title.to_owned(),
        title.to_owned(),
        format!("p#{title}"),
    )
}

/// The tree as `A(B,C(D)),E`.
fn shape(headings: &[Heading]) -> String {
    headings
        .iter()
        .map(|h| {
            if h.children.is_empty() {
                h.title.clone()
            } else {
                format!("{}({})", h.title, shape(&h.children))
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn toc_shape(headings: &[(u32, &str)]) -> String {
    shape(&build_toc(
        headings
            .iter()
            .map(|(level, title)| flat(*level, title))
            .collect(),
    ))
}

#[test]
fn toc_nests_by_markdown_level_and_outline_rank() {
    let cases: &[(&[(u32, &str)], &str)] = &[
        // Plain Markdown levels.
        (&[(2, "A"), (3, "B"), (3, "C"), (2, "D")], "A(B,C),D"),
        // A page that starts at h3, then goes up to h2.
        (&[(3, "A"), (4, "B"), (2, "C"), (3, "D")], "A(B),C(D)"),
        // Skipped levels nest directly.
        (&[(2, "A"), (4, "B"), (3, "C"), (2, "D")], "A(B,C),D"),
        // Everything at ## but numbered: nests by the numbering.
        (
            &[
                (2, "一、甲"),
                (2, "（一）乙"),
                (2, "1.丙"),
                (2, "（1）丁"),
                (2, "2.戊"),
                (2, "（二）己"),
                (2, "二、庚"),
            ],
            "一、甲(（一）乙(1.丙(（1）丁),2.戊),（二）己),二、庚",
        ),
        // Unmarked headings at the same level are siblings of marked ones.
        (
            &[(2, "概述"), (2, "一、甲"), (2, "（一）乙"), (2, "小结")],
            "概述,一、甲(（一）乙),小结",
        ),
        // Markdown level wins over the numbering.
        (
            &[(2, "（一）甲"), (3, "一、乙"), (2, "二、丙")],
            "（一）甲(一、乙),二、丙",
        ),
        // Unmarked deeper heading under a numbered one.
        (
            &[(2, "一、甲"), (2, "（一）乙"), (3, "细节")],
            "一、甲(（一）乙(细节))",
        ),
        // Chapters above sections above 一、
        (
            &[
                (2, "第一章 总则"),
                (2, "第一节 目的"),
                (2, "一、范围"),
                (2, "第二章 组织"),
            ],
            "第一章 总则(第一节 目的(一、范围)),第二章 组织",
        ),
        // Numbering that starts low then goes up.
        (
            &[(2, "1.甲"), (2, "一、乙"), (2, "（一）丙")],
            "1.甲,一、乙(（一）丙)",
        ),
    ];
    for (headings, expected) in cases {
        assert_eq!(toc_shape(headings), *expected, "{headings:?}");
    }
}

#[test]
fn toc_keeps_fields() {
    let toc = build_toc(vec![flat(2, "一、甲"), flat(3, "乙")]);
    let first = &toc[0];
    assert_eq!(first.level, 2);
    assert_eq!(first.outline.as_deref(), Some("一、"));
    assert_eq!(first.permalink, "p#一、甲");
    assert_eq!(first.children[0].outline, None);
}

#[test]
fn deep_toc_does_not_recurse_badly() {
    let many: Vec<FlatHeading> = (0..10_000).map(|i| flat(1 + (i % 6), "x")).collect();
    let toc = build_toc(many);
    assert!(!toc.is_empty());
}
