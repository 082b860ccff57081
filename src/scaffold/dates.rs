//! The demo's pages carry the dates they were written on. `init` moves every date in
//! their front matter forward by one number of days, so that the newest published page
//! is dated the day the site is made: a new site's `menhu check` then finds its columns
//! fresh instead of months stale, and the news keeps its order and spacing. The days
//! their text names in Chinese (「4月30日前报送」, the 落款 「2026年3月10日」) move with
//! them, so that a notice is not dated after its own deadline. File names keep their
//! dates (they are names; the page's date is its front matter's).

use std::borrow::Cow;

use chrono::{Datelike, Days, NaiveDate};

use crate::content::front_matter;

/// The front-matter keys whose value is a date (`content::meta` reads the same ones).
const DATE_KEYS: [&str; 5] = ["date", "updated", "expires", "headline_until", "pin_until"];

/// The length of `YYYY-MM-DD`.
const DAY_LEN: usize = 10;

/// How many days the demo pages `texts` are moved so that the newest page that is not a
/// draft is dated `today`; zero when it already is, or when `today` is before it (a
/// clock set in the past never moves news into the future).
pub fn days_until(texts: impl IntoIterator<Item = impl AsRef<str>>, today: NaiveDate) -> u64 {
    let newest = texts
        .into_iter()
        .filter(|text| !is_draft(text.as_ref()))
        .filter_map(|text| page_date(text.as_ref()))
        .max();
    newest.map_or(0, |newest| {
        u64::try_from((today - newest).num_days()).unwrap_or(0)
    })
}

/// `text` with every date of its front matter, and every day it names in Chinese
/// ([`moved_days_named`]), `days` later; untouched (borrowed) when there is nothing to move.
pub fn moved(text: &str, days: u64) -> Cow<'_, str> {
    let Some((start, front)) = front_matter(text).filter(|_| days > 0) else {
        return Cow::Borrowed(text);
    };
    let mut rest = String::with_capacity(text.len() - start);
    for line in front.split_inclusive('\n') {
        match moved_line(line, days) {
            Some(moved) => rest.push_str(&moved),
            None => rest.push_str(line),
        }
    }
    rest.push_str(&text[start + front.len()..]);
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    match page_date(text) {
        Some(day) => moved_days_named(&rest, day, days, &mut out),
        None => out.push_str(&rest),
    }
    Cow::Owned(out)
}

/// Appends `text` to `out` with every day it names as 「4月30日」 or 「2026年4月30日」 (a
/// day without its year is in the year of `page_day`, the page's date) `days` later:
/// in the body, the summary, a caption. The year is written where the text wrote it, or
/// where the day moves into another year than the page's.
fn moved_days_named(body: &str, page_day: NaiveDate, days: u64, out: &mut String) {
    let Some(page_later) = page_day.checked_add_days(Days::new(days)) else {
        out.push_str(body);
        return;
    };
    let mut copied = 0;
    for (month_at, _) in body.match_indices('月') {
        let Some(mention) =
            day_named_at(body, month_at, page_day.year()).filter(|mention| mention.start >= copied)
        else {
            continue;
        };
        let Some(later) = mention.day.checked_add_days(Days::new(days)) else {
            continue;
        };
        out.push_str(&body[copied..mention.start]);
        if mention.with_year || later.year() != page_later.year() {
            out.push_str(&format!("{}年", later.year()));
        }
        out.push_str(&format!("{}月{}日", later.month(), later.day()));
        copied = mention.end;
    }
    out.push_str(&body[copied..]);
}

/// A day named in a text: where it starts and ends, the day, and whether the year is
/// written.
struct DayNamed {
    start: usize,
    end: usize,
    day: NaiveDate,
    with_year: bool,
}

/// The day named around the 「月」 at `month_at` of `text`: one or two digits before it,
/// one or two and 「日」 after, 「2026年」 before them or else the year `year`.
fn day_named_at(text: &str, month_at: usize, year: i32) -> Option<DayNamed> {
    let digits_before =
        |head: &str| head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = &text[..month_at];
    let month_start = month_at - digits_before(head);
    let tail = &text[month_at + '月'.len_utf8()..];
    let day_digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&(month_at - month_start))
        || !(1..=2).contains(&day_digits)
        || !tail[day_digits..].starts_with('日')
    {
        return None;
    }
    let month: u32 = text[month_start..month_at].parse().ok()?;
    let day: u32 = tail[..day_digits].parse().ok()?;
    let end = month_at + '月'.len_utf8() + day_digits + '日'.len_utf8();
    let before_year = text[..month_start].strip_suffix('年');
    let (start, year, with_year) = match before_year {
        Some(head) if digits_before(head) == 4 => {
            let year_at = head.len() - 4;
            (year_at, head[year_at..].parse().ok()?, true)
        }
        _ => (month_start, year, false),
    };
    let day = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(DayNamed {
        start,
        end,
        day,
        with_year,
    })
}

/// Where the front matter of `text` (between its `+++` or `---` fences) starts, and
/// the front matter, as the build reads it.
fn front_matter(text: &str) -> Option<(usize, &str)> {
    let split = front_matter::split(text).ok()?;
    split
        .format
        .is_some()
        .then_some((split.front_start, split.front))
}

fn is_draft(text: &str) -> bool {
    front_matter(text).is_some_and(|(_, front)| {
        front
            .lines()
            .any(|line| value_of(line, "draft") == Some("true"))
    })
}

/// The page's `date`, its day only.
fn page_date(text: &str) -> Option<NaiveDate> {
    let value = front_matter(text)?
        .1
        .lines()
        .find_map(|line| value_of(line, "date"))?;
    leading_day(value).map(|(day, _)| day)
}

/// `key = value` (TOML) or `key: value` (YAML): the key, trimmed, and where the value
/// starts in `line` (quotes are part of the value).
fn assignment(line: &str) -> Option<(&str, usize)> {
    let at = line.find(['=', ':'])?;
    let after = &line[at + 1..];
    Some((line[..at].trim(), line.len() - after.trim_start().len()))
}

/// The value of `key = value`, trimmed, if `line` assigns `key`.
fn value_of<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let (assigned, at) = assignment(line)?;
    (assigned == key).then(|| line[at..].trim_end())
}

/// The day a value starts with (after an optional quote), and where that day starts.
fn leading_day(value: &str) -> Option<(NaiveDate, usize)> {
    let quote = usize::from(value.starts_with(['"', '\'']));
    let day = value.get(quote..quote + DAY_LEN)?;
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some((date, quote))
}

/// `line` with its date `days` later, when it assigns one of [`DATE_KEYS`]; the time
/// and offset that may follow the day stay as written.
fn moved_line(line: &str, days: u64) -> Option<String> {
    let (key, value_at) = assignment(line)?;
    if !DATE_KEYS.contains(&key) {
        return None;
    }
    let (day, quote) = leading_day(&line[value_at..])?;
    let later = day.checked_add_days(Days::new(days))?;
    let day_at = value_at + quote;
    Some(format!(
        "{}{}{}",
        &line[..day_at],
        later.format("%Y-%m-%d"),
        &line[day_at + DAY_LEN..]
    ))
}

#[cfg(test)]
mod tests;
