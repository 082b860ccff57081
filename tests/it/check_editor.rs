//! Editor mistakes that used to pass in silence (issue #26): a photo whose file name has
//! a space, `@/` links and images a letter or a folder off, text left over from the page
//! template `menhu new` wrote, a picture pasted from Word that points at a file on the
//! writer's own computer, a table row whose cells beyond the header's are not shown, a
//! paragraph indented with a tab as in Word and shown as code, a page Notepad saved as
//! `.md.txt`.
//! (Series numbers and directory rows: `portal_directory`.)

use crate::check::{TODAY, clean_site, json_records, page};
use crate::support::{Site, assert_contains};

/// `check --format json` on `site`: its exit code and records.
fn check(site: &Site) -> (i32, Vec<serde_json::Value>, String) {
    let run = site.menhu(&["check", "--today", TODAY, "--format", "json"]);
    (run.code, json_records(&run.stdout), run.stdout)
}

fn codes(records: &[serde_json::Value]) -> Vec<&str> {
    records.iter().filter_map(|r| r["code"].as_str()).collect()
}

#[test]
fn a_picture_pasted_from_word_that_points_at_the_writers_own_computer_is_reported() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-word.md",
        &page(
            "从 Word 粘贴",
            Some("2026-05-29"),
            "\n会议现场：\n\n![会场](file:///C:/Users/kx/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg)\n",
        ),
    );
    let build = site.build();
    assert_eq!(
        build.code, 0,
        "a warning: today's news still goes out\n{}",
        build.stderr
    );
    assert_contains(
        &build.stderr,
        "warning[W0205]: content/news/2026-05-29-word.md:9:1: image `file:///C:/Users/kx/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg` is a file on the writer's own computer",
    );
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(codes(&records), ["C0113"], "{stdout}");
    assert_eq!(records[0]["line"], 9);
    assert_contains(
        records[0]["help"].as_str().unwrap_or_default(),
        "beside the page",
    );
}

/// A hyperlink Word pasted to an attachment on the writer's desktop is as far out of
/// the readers' reach as a picture there: a warning in the build, an error in check.
#[test]
fn a_link_pasted_from_word_to_a_file_on_the_writers_own_computer_is_reported() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-word-fu-jian.md",
        &page(
            "从 Word 粘贴的附件链接",
            Some("2026-05-29"),
            "\n附件：[报名表.docx](file:///C:/Users/kx/Desktop/报名表.docx)\n",
        ),
    );
    let build = site.build();
    assert_contains(
        &build.stderr,
        "warning[W0205]: content/news/2026-05-29-word-fu-jian.md:7:1: link `file:///C:/Users/kx/Desktop/报名表.docx` goes to a file on the writer's own computer",
    );
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(codes(&records), ["C0113"], "{stdout}");
    assert_eq!(records[0]["line"], 7);
}

#[test]
fn a_photo_whose_file_name_has_a_space_is_reported_with_the_fix() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-xian-chang/index.md",
        &page(
            "现场照片",
            Some("2026-05-29"),
            "\n活动现场：\n\n![现场](IMG_2031 现场照片.JPG)\n",
        ),
    );
    site.write_bytes(
        "content/news/2026-05-29-xian-chang/IMG_2031 现场照片.JPG",
        &crate::photos::photo(40, 30),
    );
    let build = site.build();
    assert_contains(
        &build.stderr,
        "warning[W0203]: content/news/2026-05-29-xian-chang/index.md:9:7: image 「IMG_2031 现场照片.JPG」 is shown as text",
    );
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(codes(&records), ["C0108"], "{stdout}");
    assert_eq!(records[0]["severity"], "error");
    assert_eq!(records[0]["line"], 9);
    let help = records[0]["help"].as_str().unwrap_or_default();
    assert_contains(help, "`![现场](<IMG_2031 现场照片.JPG>)`");
    assert_contains(help, "`IMG_2031-现场照片.JPG`");

    // Written as the help says, the photo is shown and nothing is reported.
    site.write(
        "content/news/2026-05-29-xian-chang/index.md",
        &page(
            "现场照片",
            Some("2026-05-29"),
            "\n活动现场：\n\n![现场](<IMG_2031 现场照片.JPG>)\n",
        ),
    );
    let (code, records, stdout) = check(&site);
    assert_eq!((code, records.len()), (0, 0), "{stdout}");
    site.build();
    assert_contains(
        &site.output("news/xian-chang/index.html"),
        "<img src=\"https://kx.example.org/news/xian-chang/IMG_2031 现场照片.JPG\" alt=\"现场\"",
    );
}

#[test]
fn links_and_images_a_letter_or_a_folder_off_get_a_did_you_mean() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-cuo-lian/index.md",
        &page(
            "写错的链接和图片",
            Some("2026-05-29"),
            "\n见[通知](@/notices/2026-05-21-tong-zhi.md#yi-shi-jian)。\n\n![标志](/img/Photo.PNG)\n\n![现场](xian-chang.jpeg)\n",
        ),
    );
    site.write_bytes(
        "content/news/2026-05-29-cuo-lian/xian-chang.jpg",
        b"\xff\xd8\xff",
    );
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 1, "{stdout}");
    let helps: Vec<(&str, u64, &str)> = records
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap_or_default(),
                r["line"].as_u64().unwrap_or(0),
                r["help"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        helps,
        [
            (
                "E0210",
                7,
                "did you mean `@/notices/2026-05-20-tong-zhi.md#yi-shi-jian`?"
            ),
            ("C0103", 9, "did you mean `/img/photo.png`?"),
            ("C0103", 11, "did you mean `xian-chang.jpg`?"),
        ],
        "{stdout}"
    );
}

/// A link to a file that is not beside the page (an attachment not copied in, or named
/// with other capitals) says to put the file there, not to write an `@/` link to a
/// Markdown file, which no attachment is.
#[test]
fn a_link_to_an_attachment_not_beside_the_page_says_where_to_put_it() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-fu-jian/index.md",
        &page(
            "附件",
            Some("2026-05-29"),
            "\n请下载附件。\n\n<!-- more -->\n\n[回执](huizhi.docx)\n\n[报名表](BaoMing.PDF)\n",
        ),
    );
    site.write_bytes("content/news/2026-05-29-fu-jian/baoming.pdf", b"%PDF-1.4");
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(codes(&records), ["C0101", "C0101"], "{stdout}");
    assert_eq!(records[0]["line"], 11);
    assert_contains(
        records[0]["message"].as_str().unwrap_or_default(),
        "linked file `huizhi.docx` does not exist",
    );
    let help = records[0]["help"].as_str().unwrap_or_default();
    assert_contains(help, "put the file beside `index.md`");
    assert!(!help.contains("@/"), "{help}");
    assert_eq!(
        records[1]["help"], "did you mean `baoming.pdf`?",
        "{stdout}"
    );
}

#[test]
fn text_left_over_from_the_page_template_is_a_warning() {
    let site = clean_site();
    site.write(
        "archetypes/news.md",
        "+++\ntitle = \"{{ title }}\"\ndate = {{ date }}\nsource = \"\"      # 来源\n+++\n\n在这里写导语：时间、地点、谁、做了什么。\n\n<!-- more -->\n\n## 一、概况\n\n在这里写正文。\n",
    );
    let new = site.menhu(&["new", "news", "科普活动周开幕"]);
    assert_eq!(new.code, 0, "{}", new.stderr);
    let file = new.stdout.trim().to_owned();
    // Dated within the days the checks measure from (`--today`).
    let text = std::fs::read_to_string(&file).unwrap();
    let dated: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("date = ") {
                "date = 2026-05-29".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&file, dated.join("\n") + "\n").unwrap();
    let relative = file
        .rsplit_once("content/")
        .map(|(_, rest)| format!("content/{rest}"))
        .unwrap_or_default();
    let (_, records, stdout) = check(&site);
    // (The empty `source` also leaves the test templates' `ContentSource` empty: C0206.)
    let leftovers: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| r["code"].as_str().is_some_and(|c| c.starts_with("C012")))
        .collect();
    let found: Vec<(&str, &str, u64)> = leftovers
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap_or_default(),
                r["file"].as_str().unwrap_or_default(),
                r["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("C0121", relative.as_str(), 4),
            ("C0120", relative.as_str(), 7),
            ("C0120", relative.as_str(), 13),
        ],
        "{stdout}"
    );
    // Warnings: the page builds, but is not finished.
    assert!(
        leftovers.iter().all(|r| r["severity"] == "warning"),
        "{stdout}"
    );

    // Filled in, the page is clean (its heading came from the template and may stay).
    let text = std::fs::read_to_string(&file).unwrap();
    site.write(
        &relative,
        &text
            .replace("source = \"\"", "source = \"检查门户\"")
            .replace(
                "在这里写导语：时间、地点、谁、做了什么。",
                "五月二十九日，科普活动周开幕。",
            )
            .replace("在这里写正文。", "活动持续一周。"),
    );
    let (code, records, stdout) = check(&site);
    assert_eq!((code, records.len()), (0, 0), "{stdout}");
}

/// A Word table typed or pasted row by row, one row with a cell more than the header:
/// Markdown shows only the header's number of cells, and the text of the others was gone
/// without a word. It is a warning at its row (the page still builds), in check too.
#[test]
fn text_in_table_cells_beyond_the_header_is_reported_at_its_row() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-biao.md",
        &page(
            "参赛统计",
            Some("2026-05-29"),
            "\n各地参赛人数：\n\n| 地区 | 人数 |\n|---|---|\n| 梧州 | 12 |\n| 南宁 | 10 | 含 3 名教师 |\n| 柳州 | 8 | |\n",
        ),
    );
    let build = site.build();
    assert_contains(
        &build.stderr,
        "warning[W0206]: content/news/2026-05-29-biao.md:12:1: this table row has 3 cells, more than its header: 「含 3 名教师」 is not shown on the page",
    );
    assert!(!build.stderr.contains(":13:"), "{}", build.stderr);
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(codes(&records), ["W0206"], "{stdout}");
    assert_eq!(records[0]["line"], 12);
    assert_contains(
        records[0]["help"].as_str().unwrap_or_default(),
        "the header has 2 cells",
    );
}

/// A paragraph indented with a tab (or four spaces) as in Word is code to Markdown: a box
/// in a typewriter font whose lines never wrap. It is a warning at its line; a list's
/// own paragraph and a fenced block of code are left alone.
#[test]
fn a_paragraph_indented_with_a_tab_is_reported_as_shown_as_code() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-suo-jin.md",
        &page(
            "缩进",
            Some("2026-05-29"),
            "\n\t本报讯 市科协近日组织开展科普进社区活动，参与群众三百余人次。\n\n- 第一项\n\n  第一项的说明。\n\n```\n代码里的中文\n```\n",
        ),
    );
    let build = site.build();
    assert_contains(
        &build.stderr,
        "warning[W0207]: content/news/2026-05-29-suo-jin.md:7:2: this paragraph starts with a tab or spaces and is shown as code (typewriter font, lines not wrapped): 「本报讯 市科协近日组织开展科普进…」",
    );
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(codes(&records), ["W0207"], "{stdout}");
    assert_eq!(records[0]["line"], 7);
}

/// A page Notepad saved as `.md.txt` (or named `.MD`) was not read, and published as a
/// plain file beside the pages: it is a warning naming the file and the name to give
/// it, and nothing of it is published.
#[test]
fn a_page_saved_as_md_txt_is_reported_with_its_right_name() {
    let site = clean_site();
    let text = page("记事本", Some("2026-05-29"), "\n正文。\n");
    site.write("content/news/2026-05-29-ji-shi-ben.md.txt", &text);
    site.write("content/news/2026-05-29-da-xie.MD", &text);
    let build = site.build();
    assert_contains(
        &build.stderr,
        "warning[W0208]: content/news/2026-05-29-ji-shi-ben.md.txt: 「2026-05-29-ji-shi-ben.md.txt」 does not end in `.md`",
    );
    assert_contains(&build.stderr, "rename it 「2026-05-29-ji-shi-ben.md」");
    assert_contains(&build.stderr, "rename it 「2026-05-29-da-xie.md」");
    assert!(
        !site
            .output_files()
            .iter()
            .any(|f| f.contains("ji-shi-ben") || f.contains("da-xie")),
        "{:?}",
        site.output_files()
    );
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(codes(&records), ["W0208", "W0208"], "{stdout}");
}

/// A Word notice pasted whole brings its title along as the body's first heading: the
/// page shows its title twice. A warning at that line; another first heading is fine.
#[test]
fn the_title_written_again_as_the_first_heading_is_a_warning() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-tong-zhi.md",
        &page(
            "关于开展科技活动周的通知",
            Some("2026-05-29"),
            "\n# 关于开展科技活动周的 通知\n\n各县（市、区）科协：\n",
        ),
    );
    site.write(
        "content/news/2026-05-28-other.md",
        &page("另一篇", Some("2026-05-28"), "\n# 一、总体要求\n\n正文。\n"),
    );
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(codes(&records), ["C0122"], "{stdout}");
    assert_eq!(records[0]["line"], 7);
    assert_contains(
        records[0]["message"].as_str().unwrap_or_default(),
        "the page shows its title twice",
    );
}

/// Headings numbered as in Word (一、 （一）) but typed without `##` are paragraphs: the
/// page's contents leave them out. One warning per page, at the first, with the count;
/// a numbered sentence and a real heading are left alone.
#[test]
fn outline_headings_written_as_paragraphs_are_a_warning() {
    let site = clean_site();
    site.write(
        "content/news/2026-05-29-fang-an.md",
        &page(
            "实施方案",
            Some("2026-05-29"),
            "\n一、总体要求\n\n正文。\n\n**（一）工作目标**\n\n一、加强组织领导。各级科协要高度重视。\n\n## 二、主要任务\n\n正文。\n",
        ),
    );
    let (code, records, stdout) = check(&site);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(codes(&records), ["C0123"], "{stdout}");
    assert_eq!(records[0]["line"], 7);
    assert_contains(
        records[0]["message"].as_str().unwrap_or_default(),
        "「一、总体要求」 looks like a heading but is written as a paragraph (1 more in this page)",
    );
    assert_contains(
        records[0]["help"].as_str().unwrap_or_default(),
        "like `## 一、总体要求`",
    );

    // `##` typed without the space after it shows as text; a `#topic#` is left alone.
    site.write(
        "content/news/2026-05-29-fang-an.md",
        &page(
            "实施方案",
            Some("2026-05-29"),
            "\n##一、总体要求\n\n正文。\n\n#科普日# 话题。\n",
        ),
    );
    let (_, records, stdout) = check(&site);
    assert_eq!(codes(&records), ["C0123"], "{stdout}");
    assert_eq!(records[0]["line"], 7);
    assert_eq!(
        records[0]["help"], "put a space after `##`: `## 一、总体要求`",
        "{stdout}"
    );
}
