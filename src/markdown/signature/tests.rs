//! The 落款 recogniser: which closing lines are a signature, and what a body ending in
//! one renders as.

use super::*;
use crate::markdown::MarkdownOptions;
use crate::markdown::tests::render_with;

fn html_of(text: &str, hard_wraps: bool) -> String {
    let opts = MarkdownOptions {
        hard_wraps,
        ..MarkdownOptions::default()
    };
    render_with(text, 1, &opts).html
}

#[test]
fn dates_as_notices_write_them() {
    for date in [
        "2026年12月7日",
        "2026年1月31日",
        "2026 年 12 月 7 日",
        "２０２６年１２月７日",
        "二〇二六年十二月七日",
        "二○二六年一月三十一日",
        "二〇二六年十月二十日",
        "二零二六年五月十日",
        "  2026年12月7日\u{3000}",
    ] {
        assert!(is_date_line(date), "{date}");
    }
    for not in [
        "2026年12月",
        "12月7日",
        "2026年13月7日",
        "2026年12月32日",
        "2026年12月7日前",
        "于2026年12月7日",
        "（2026年12月7日）",
        "26年12月7日",
        "二〇二六年十二月三十二日",
        "二〇二六年十三月一日",
        "2026年12月7日至8日",
        "2026年12月7日。",
    ] {
        assert!(!is_date_line(not), "{not}");
    }
}

#[test]
fn organisation_lines_and_what_is_not_one() {
    for org in [
        "广西壮族自治区科学技术协会",
        "南宁市科协",
        "中国科协科学技术普及部",
        "梧州市人民政府办公室",
        "自治区科协组织人事部（盖章）",
        "广西科协　广西教育厅",
        "全区科普讲解大赛组委会",
        "广西某某科技有限公司",
        "廣西壯族自治區科學技術協會",
        "香港科技協進會秘書處",
    ] {
        assert!(is_org_line(org), "{org}");
    }
    for not in [
        "特此通知",
        "特此通知。",
        "联系人：张三",
        "各市科协、各学会：",
        "一、培训时间",
        "欢迎广大市民踊跃参加",
        "附件：1.报名表",
        "2.培训日程",
        "记者 李明",
        "（此件公开发布）",
        "",
        "某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某协会",
    ] {
        assert!(!is_org_line(not), "{not}");
    }
}

fn lines(paragraphs: &[&[&str]]) -> Vec<Vec<String>> {
    paragraphs
        .iter()
        .map(|p| p.iter().map(|l| (*l).to_owned()).collect())
        .collect()
}

#[test]
fn the_signature_is_counted_from_the_last_paragraph() {
    let one = lines(&[&["正文。"], &["广西科协", "2026年12月7日"]]);
    assert_eq!(signature_paragraphs(&one), 1..2);
    let split = lines(&[&["正文。"], &["广西科协"], &["2026年12月7日"]]);
    assert_eq!(signature_paragraphs(&split), 1..3);
    let joint = lines(&[&["正文。"], &["广西科协", "广西教育厅"], &["2026年12月7日"]]);
    assert_eq!(signature_paragraphs(&joint), 1..3);
    let date_alone = lines(&[&["正文。"], &["2026年12月7日"]]);
    assert_eq!(signature_paragraphs(&date_alone), 1..2);
    // 「特此通知」 above the 落款 stays body text.
    let closing = lines(&[&["特此通知"], &["广西科协"], &["2026年12月7日"]]);
    assert_eq!(signature_paragraphs(&closing), 1..3);
    // A note in brackets below the 落款 stays as written.
    let noted = lines(&[
        &["正文。"],
        &["广西科协", "2026年12月7日"],
        &["（此件公开发布）"],
    ]);
    assert_eq!(signature_paragraphs(&noted), 1..2);
    // Not a 落款: the date is not last, a sentence is above it, or no date at all.
    for not in [
        lines(&[&["广西科协", "2026年12月7日"], &["此件公开发布。"]]),
        lines(&[&["广西科协", "2026年12月7日"], &["（一）"], &["（二）"]]),
        lines(&[&["活动定于", "2026年12月7日"]]),
        lines(&[&["联系人：张三", "2026年12月7日"]]),
        lines(&[&["广西科协"]]),
        lines(&[&["（此件公开发布）"]]),
        lines(&[&["正文。"]]),
        lines(&[]),
        lines(&[&[
            "甲协会",
            "乙协会",
            "丙协会",
            "丁协会",
            "戊协会",
            "己协会",
            "庚协会",
            "2026年12月7日",
        ]]),
    ] {
        assert!(signature_paragraphs(&not).is_empty(), "{not:?}");
    }
}

#[test]
fn a_notice_ending_in_its_signature_marks_it_for_the_theme() {
    let html = html_of(
        "各市科协：\n\n现将有关事项通知如下。\n\n广西壮族自治区科学技术协会\n2026年12月7日\n",
        true,
    );
    assert!(
        html.ends_with(
            "<p>现将有关事项通知如下。</p>\n<p class=\"signature\">广西壮族自治区科学技术协会<br />\n2026年12月7日</p>\n"
        ),
        "{html}"
    );
    // Without hard wraps the two lines are still two.
    let html = html_of("正文。\n\n广西科协\n二〇二六年十二月七日\n", false);
    assert!(
        html.contains("<p class=\"signature\">广西科协<br />\n二〇二六年十二月七日</p>"),
        "{html}"
    );
    // A note in brackets below the 落款 keeps its place and its indent.
    let html = html_of(
        "正文。\n\n广西科协\n2026年12月7日\n\n（此件公开发布）\n",
        true,
    );
    assert!(
        html.ends_with(
            "<p class=\"signature\">广西科协<br />\n2026年12月7日</p>\n<p>（此件公开发布）</p>\n"
        ),
        "{html}"
    );
    // Organisation and date as paragraphs of their own, as Word keeps them.
    let html = html_of(
        "正文。\n\n\u{3000}\u{3000}广西科协\n\n2026年12月7日\n",
        true,
    );
    assert!(
        html.ends_with(
            "<p>正文。</p>\n<p class=\"signature\">广西科协</p>\n<p class=\"signature\">2026年12月7日</p>\n"
        ),
        "{html}"
    );
}

#[test]
fn a_signature_above_the_attachments_is_marked() {
    // 附件说明 above the 落款, the attachments themselves after it.
    let notice = concat!(
        "各市科协：\n\n现将有关事项通知如下。\n\n附件：1.报名表\n\n",
        "广西壮族自治区科学技术协会\n2026年12月7日\n\n",
    );
    for attachments in [
        "附件1\n\n## 报名表\n\n| 姓名 | 单位 |\n| --- | --- |\n| | |\n",
        "## 附件 1：报名表\n\n请如实填写。\n",
        "附件一\n\n日程安排。\n\n附件二\n\n报名表。\n",
        "附件：\n\n![报名表](biao.png)\n",
    ] {
        let html = html_of(&format!("{notice}{attachments}"), true);
        assert!(
            html.contains(
                "<p class=\"signature\">广西壮族自治区科学技术协会<br />\n2026年12月7日</p>"
            ),
            "{attachments}: {html}"
        );
        assert_eq!(html.matches("signature").count(), 1, "{html}");
    }
    // Text after a 落款 that is not the attachments: no 落款.
    for after in [
        "附注：请按时报名。\n",
        "附近的单位也可参加。\n",
        "## 报名表\n",
    ] {
        let html = html_of(&format!("{notice}{after}"), true);
        assert!(!html.contains("signature"), "{after}: {html}");
    }
}

#[test]
fn an_ordinary_ending_stays_as_written() {
    for body in [
        "活动于2026年12月7日举行。\n",
        "联系人：张三\n联系电话：0771-1234567\n",
        "特此通知。\n",
        "正文。\n\n- 广西科协\n- 2026年12月7日\n",
        "正文。\n\n> 广西科协\n> 2026年12月7日\n",
        "正文。\n\n广西科协\n2026年12月7日\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n",
        "正文。\n\n[广西科协](https://x.org/)\n2026年12月7日\n",
        "## 2026年12月7日\n",
    ] {
        let html = html_of(body, true);
        assert!(!html.contains("signature"), "{body}: {html}");
    }
}
