use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const NEWS: &str = "+++\ntitle = \"会议: 2026-01-01 召开\"\ndate = 2026-09-18T09:30:00+08:00\nheadline_until = 2027-06-30\n+++\n\n正文写于 2026-09-18。\n";

#[test]
fn every_date_of_the_front_matter_moves_and_the_body_and_title_stay() {
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
