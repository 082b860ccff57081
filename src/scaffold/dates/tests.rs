use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const NEWS: &str = "+++\ntitle = \"会议: 2026-01-01 召开\"\ndate = 2026-09-18T09:30:00+08:00\nheadline_until = 2027-06-30\n+++\n\n正文写于 2026-09-18。\n";

#[test]
fn every_date_of_the_front_matter_moves_and_the_title_and_written_out_dates_stay() {
    let moved = moved(NEWS, 10);
    assert_eq!(
        moved,
        "+++\ntitle = \"会议: 2026-01-01 召开\"\ndate = 2026-09-28T09:30:00+08:00\nheadline_until = 2027-07-10\n+++\n\n正文写于 2026-09-18。\n"
    );
}

#[test]
fn yaml_and_quoted_dates_move_too() {
    let page = "---\ntitle: 通知\ndate: \"2026-12-30\"\npin_until: '2027-01-02'\n---\nbody\n";
    assert_eq!(
        moved(page, 3),
        "---\ntitle: 通知\ndate: \"2027-01-02\"\npin_until: '2027-01-05'\n---\nbody\n"
    );
}

#[test]
fn nothing_moves_by_zero_days_or_without_front_matter() {
    assert!(matches!(moved(NEWS, 0), Cow::Borrowed(_)));
    assert!(matches!(moved("date = 2026-01-01\n", 5), Cow::Borrowed(_)));
}

#[test]
fn the_newest_published_page_lands_on_today_and_drafts_do_not_count() {
    let older = "+++\ndate = 2026-04-02\n+++\n";
    let draft = "+++\ndate = 2026-10-20\ndraft = true\n+++\n";
    let pages = [NEWS, older, draft];
    assert_eq!(days_until(pages, day("2026-12-07")), 80);
    assert_eq!(days_until(pages, day("2026-09-18")), 0);
}

#[test]
fn a_clock_before_the_newest_page_moves_nothing() {
    assert_eq!(days_until([NEWS], day("2025-01-01")), 0);
    assert_eq!(days_until(["no front matter"], day("2027-01-01")), 0);
}

#[test]
fn the_days_the_text_names_move_with_the_page() {
    let notice = concat!(
        "+++\ntitle = \"关于报送数据的通知\"\ndate = 2026-04-02\nsummary = \"4月30日前报送\"\n+++\n\n",
        "请于4月30日前报送，逾期至2026年5月3日截止。12月31日以后不再受理。\n\n",
        "广西科协\n2026年4月2日\n",
    );
    let later = moved(notice, 40);
    assert!(
        later.contains("date = 2026-05-12\nsummary = \"6月9日前报送\"\n"),
        "{later}"
    );
    assert!(
        later.ends_with(concat!(
            "请于6月9日前报送，逾期至2026年6月12日截止。2027年2月9日以后不再受理。\n\n",
            "广西科协\n2026年5月12日\n",
        )),
        "{later}"
    );
    // What only looks like a day stays: no 「日」, a number too long, a day that is none.
    let text = "+++\ndate = 2026-04-02\n+++\n5月份，第123月1日，2月30日，2026年度4月\n";
    assert!(moved(text, 40).ends_with("5月份，第123月1日，2月30日，2026年度4月\n"));
}
