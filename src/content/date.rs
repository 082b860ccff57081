//! Dates of pages (`date`, `updated`, `expires`) as editors write them, the
//! Zola-style date prefix of a file name (`2024-05-01-keji-huodong.md`), and where such
//! a date falls on the site's clock ([`SiteDate`]), with the build's "now" ([`Now`]).
//!
//! A date written with an offset (`2026-12-06T15:00:00+08:00`) names one instant; a
//! date without one is read in the site's `timezone`. The machine's own time zone is
//! never consulted: a CI runner in UTC publishes what a Beijing editor expects.

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

/// A date or date-time from front matter or a file name.
#[derive(Clone, Debug, PartialEq)]
pub struct Date {
    /// The date and time as written (midnight when no time was given).
    pub local: NaiveDateTime,
    /// The UTC offset, when one was written (`+08:00`, `Z`).
    pub offset: Option<FixedOffset>,
    /// True when a time of day was written.
    pub has_time: bool,
    /// The text as written, e.g. `2024-05-01` or `2024-05-01T08:00:00+08:00`.
    pub text: String,
}

const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d"];
const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
];
const OFFSET_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%d %H:%M%:z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
];

impl Date {
    /// Parses `2024-05-01`, `2024/05/01`, `2024-05-01 08:00`, `2024-05-01T08:00:00`, with
    /// or without an offset (`+08:00`, `Z`), and RFC 3339 date-times as TOML writes them.
    /// Impossible dates (`2020-02-30`) and anything else give `None`.
    pub fn parse(s: &str) -> Option<Date> {
        let text = s.trim();
        let with_offset = |local: NaiveDateTime, offset: FixedOffset| Date {
            local,
            offset: Some(offset),
            has_time: true,
            text: text.to_owned(),
        };
        if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
            return Some(with_offset(dt.naive_local(), *dt.offset()));
        }
        let zulu = text.strip_suffix(['Z', 'z']).map(|t| format!("{t}+00:00"));
        let offset_text = zulu.as_deref().unwrap_or(text);
        if let Some(dt) = OFFSET_FORMATS
            .iter()
            .find_map(|f| DateTime::parse_from_str(offset_text, f).ok())
        {
            return Some(with_offset(dt.naive_local(), *dt.offset()));
        }
        if let Some(local) = DATETIME_FORMATS
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        {
            return Some(Date {
                local,
                offset: None,
                has_time: true,
                text: text.to_owned(),
            });
        }
        let date = DATE_FORMATS
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(text, f).ok())?;
        Some(Date {
            local: date.and_time(NaiveTime::MIN),
            offset: None,
            has_time: false,
            text: text.to_owned(),
        })
    }

    /// A day written as people write it by hand, `2026年12月7日`, `2026/12/7`, `2026.12.7` or
    /// `2026-12-7`, as front matter takes it: `2026-12-07`. `None` for anything else,
    /// and for a day no calendar has (`2026年2月30日`).
    pub fn corrected(text: &str) -> Option<String> {
        let text = text.trim().trim_matches(['"', '\'', '“', '”']);
        let text = text.strip_suffix('日').unwrap_or(text);
        let mut parts = text.split(['年', '月', '-', '/', '.']);
        let mut number = |most: usize| {
            let part = parts.next()?.trim();
            let digits = part.len() <= most && !part.is_empty();
            (digits && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())?
        };
        let (year, month, day) = (number(4)?, number(2)?, number(2)?);
        if parts.next().is_some() || year < 1000 {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
        Some(date.format("%Y-%m-%d").to_string())
    }

    /// The calendar date as written (in the written offset, not converted to UTC).
    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }

    /// The instant this date names: with an offset, that one; without, the written
    /// time (midnight for a bare day) in `zone`.
    pub fn instant(&self, zone: Tz) -> DateTime<Utc> {
        match self.offset {
            Some(offset) => (self.local - offset).and_utc(),
            None => local_in(zone, self.local),
        }
    }

    /// This date on the site's clock.
    pub fn in_zone(&self, zone: Tz) -> SiteDate {
        let instant = self.instant(zone);
        let local = instant.with_timezone(&zone).fixed_offset();
        let text = if self.has_time {
            local.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
        } else {
            // A bare day stays a day: `<time datetime="2026-12-06">`, PubDate 2026-12-06.
            self.local.date().format("%Y-%m-%d").to_string()
        };
        SiteDate {
            instant,
            local,
            has_time: self.has_time,
            text,
        }
    }
}

/// The instant of the wall-clock time `local` in `zone`. A time the clock skips (the
/// hour a daylight-saving zone springs forward) is read an hour later; a time it
/// passes twice, at its first passing.
fn local_in(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
        LocalResult::None => {
            let later = local + chrono::Duration::hours(1);
            match zone.from_local_datetime(&later) {
                LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
                // No zone skips two hours; read it as UTC rather than fail.
                LocalResult::None => local.and_utc(),
            }
        }
    }
}

/// A page's date placed on the site's clock: what lists sort by, feeds and sitemaps
/// print, and templates see as `page.date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteDate {
    /// The instant the date names.
    pub instant: DateTime<Utc>,
    /// That instant in the site's time zone.
    pub local: DateTime<FixedOffset>,
    /// False when only a day was written (`2026-12-06`, read as its first moment).
    pub has_time: bool,
    /// For templates: the day as written (`2026-12-06`), or the time on the site's
    /// clock with its offset (`2026-12-06T15:00:00+08:00`).
    pub text: String,
}

impl SiteDate {
    /// The day on the site's clock.
    pub fn day(&self) -> NaiveDate {
        self.local.date_naive()
    }
}

/// The moment a build takes as "now": what is published, what has expired, and the
/// day `check` measures staleness from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Now {
    /// The system clock, read when the build starts.
    #[default]
    Clock,
    /// A fixed instant (`--now`, `MENHU_NOW`): to test, or to rebuild a past state.
    At(DateTime<Utc>),
    /// The last second of a day on the site's clock (`check --today`).
    EndOfDay(NaiveDate),
}

impl Now {
    /// The instant, reading a day in `zone`.
    pub fn resolve(self, zone: Tz) -> DateTime<Utc> {
        match self {
            Now::Clock => Utc::now(),
            Now::At(instant) => instant,
            Now::EndOfDay(day) => {
                let last = day.and_time(NaiveTime::MIN) + chrono::Duration::seconds(86_399);
                local_in(zone, last)
            }
        }
    }
}

/// `instant` on the site's clock for people: `2026-12-07 09:00 +08:00`.
pub fn human_time(instant: DateTime<Utc>, zone: Tz) -> String {
    let local = instant.with_timezone(&zone);
    format!(
        "{} {}",
        local.format("%Y-%m-%d %H:%M"),
        offset_text(local.offset().fix())
    )
}

/// `instant` on the site's clock as RFC 3339: `2026-12-07T09:00:00+08:00`.
pub fn rfc3339_in(instant: DateTime<Utc>, zone: Tz) -> String {
    instant
        .with_timezone(&zone)
        .fixed_offset()
        .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
}

fn offset_text(offset: FixedOffset) -> String {
    let seconds = offset.local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Splits a Zola-style dated file stem, `2024-05-01-keji-huodong` or
/// `2024-05-01T08:00:00+08:00_keji`, into its date and the rest (`keji-huodong`).
/// The date is followed by `-` or `_` (a space before it is allowed) and a non-empty rest.
pub fn date_from_filename(stem: &str) -> Option<(Date, &str)> {
    stem.get(..10)?;
    let mut end = 10;
    if stem.get(10..11) == Some("T") {
        end = 11 + time_with_offset_len(stem.get(11..)?)?;
    }
    let date = Date::parse(stem.get(..end)?)?;
    let after = stem.get(end..)?;
    let after = after.strip_prefix(' ').unwrap_or(after);
    let rest = after.strip_prefix(['-', '_'])?;
    (!rest.is_empty()).then_some((date, rest))
}

/// Length of `HH:MM:SS[.fff](Z|±HH:MM)` at the start of `s`, as Zola requires for a
/// time in a file name.
fn time_with_offset_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let is_digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let hms = [0, 1, 3, 4, 6, 7].iter().all(|&i| is_digit(i))
        && bytes.get(2) == Some(&b':')
        && bytes.get(5) == Some(&b':');
    if !hms {
        return None;
    }
    let mut len = 8;
    if bytes.get(len) == Some(&b'.') {
        len += 1;
        while is_digit(len) {
            len += 1;
        }
    }
    match bytes.get(len) {
        Some(b'Z') => Some(len + 1),
        Some(b'+' | b'-') => {
            let ok = [1, 2, 4, 5].iter().all(|&i| is_digit(len + i))
                && bytes.get(len + 3) == Some(&b':');
            ok.then_some(len + 6)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_written_by_hand_is_corrected() {
        for written in [
            "2026年12月7日",
            "2026/12/7",
            "2026-12-7",
            "2026.12.07",
            "\"2026年12月7日\"",
        ] {
            assert_eq!(
                Date::corrected(written).as_deref(),
                Some("2026-12-07"),
                "{written}"
            );
        }
        for wrong in [
            "2026年2月30日",
            "12/7/2026",
            "26-12-7",
            "2026-12-7 9:30",
            "明天",
            "",
        ] {
            assert_eq!(Date::corrected(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn parses_the_usual_ways_of_writing_a_date() {
        // (text, y-m-d, h:m, offset seconds, has_time)
        let cases: &[(&str, &str, &str, Option<i32>, bool)] = &[
            ("2024-05-01", "2024-05-01", "00:00", None, false),
            ("2024/05/01", "2024-05-01", "00:00", None, false),
            ("2024-05-01 08:00", "2024-05-01", "08:00", None, true),
            ("2024-05-01T08:00", "2024-05-01", "08:00", None, true),
            ("2024-05-01T08:00:00", "2024-05-01", "08:00", None, true),
            ("2024-05-01 08:00:30.5", "2024-05-01", "08:00", None, true),
            (
                "2024-05-01T08:00:00+08:00",
                "2024-05-01",
                "08:00",
                Some(8 * 3600),
                true,
            ),
            ("2024-05-01T23:30:00Z", "2024-05-01", "23:30", Some(0), true),
            (
                "2024-05-01 08:00+08:00",
                "2024-05-01",
                "08:00",
                Some(8 * 3600),
                true,
            ),
            (
                "2024-05-01 08:00:00-05:00",
                "2024-05-01",
                "08:00",
                Some(-5 * 3600),
                true,
            ),
            ("2024/05/01 08:00", "2024-05-01", "08:00", None, true),
            (" 2024-05-01 ", "2024-05-01", "00:00", None, false),
        ];
        for (text, day, time, offset, has_time) in cases {
            let d = Date::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(d.date().to_string(), *day, "{text}");
            assert_eq!(d.local.format("%H:%M").to_string(), *time, "{text}");
            assert_eq!(d.offset.map(|o| o.local_minus_utc()), *offset, "{text}");
            assert_eq!(d.has_time, *has_time, "{text}");
            assert_eq!(d.text, text.trim());
        }
    }

    #[test]
    fn rejects_impossible_and_vague_dates() {
        for text in [
            "2020-02-30",
            "yesterday",
            "",
            "2024-13-01",
            "08:00:00",
            "2024-05-01T25:00:00",
            "2024年5月1日",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|at| at.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn dates_name_instants_read_in_the_site_zone_when_they_have_no_offset() {
        let shanghai = Tz::Asia__Shanghai;
        let los_angeles = Tz::America__Los_Angeles;
        // (written, zone, instant, text on the site's clock)
        let cases = [
            (
                "2026-12-06T15:00:00+08:00",
                shanghai,
                "2026-12-06T07:00:00Z",
                "2026-12-06T15:00:00+08:00",
            ),
            (
                "2026-12-06T15:00:00+08:00",
                Tz::UTC,
                "2026-12-06T07:00:00Z",
                "2026-12-06T07:00:00+00:00",
            ),
            (
                "2026-12-05T23:30:00Z",
                shanghai,
                "2026-12-05T23:30:00Z",
                "2026-12-06T07:30:00+08:00",
            ),
            (
                "2026-12-06 08:30",
                shanghai,
                "2026-12-06T00:30:00Z",
                "2026-12-06T08:30:00+08:00",
            ),
            (
                "2026-12-06 08:30",
                los_angeles,
                "2026-12-06T16:30:00Z",
                "2026-12-06T08:30:00-08:00",
            ),
            ("2026-12-06", shanghai, "2026-12-05T16:00:00Z", "2026-12-06"),
            (
                "2026-07-01",
                los_angeles,
                "2026-07-01T07:00:00Z",
                "2026-07-01",
            ),
            (
                "2026-12-06T08:30:15.5",
                shanghai,
                "2026-12-06T00:30:15.5Z",
                "2026-12-06T08:30:15.500+08:00",
            ),
        ];
        for (written, zone, instant, text) in cases {
            let date = Date::parse(written).unwrap_or_else(|| panic!("{written}"));
            assert_eq!(date.instant(zone), utc(instant), "{written} in {zone}");
            let site = date.in_zone(zone);
            assert_eq!(site.text, text, "{written} in {zone}");
            assert_eq!(site.instant, utc(instant));
        }
        let day = Date::parse("2026-12-05T23:30:00Z").map(|d| d.in_zone(shanghai).day());
        assert_eq!(day, NaiveDate::from_ymd_opt(2026, 12, 6));
    }

    #[test]
    fn clock_changes_neither_fail_nor_shift_other_times() {
        let new_york = Tz::America__New_York;
        // 02:30 does not exist on 8 March 2026 in New York: read as 03:30 EDT.
        let skipped = Date::parse("2026-03-08T02:30:00").map(|d| d.instant(new_york));
        assert_eq!(skipped, Some(utc("2026-03-08T07:30:00Z")));
        // 01:30 happens twice on 1 November 2026: the first, EDT.
        let twice = Date::parse("2026-11-01T01:30:00").map(|d| d.instant(new_york));
        assert_eq!(twice, Some(utc("2026-11-01T05:30:00Z")));
    }

    #[test]
    fn now_is_the_clock_an_instant_or_the_end_of_a_day_on_the_site_clock() {
        let at = utc("2026-12-06T08:09:00Z");
        assert_eq!(Now::At(at).resolve(Tz::Asia__Shanghai), at);
        let day = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default();
        assert_eq!(
            Now::EndOfDay(day).resolve(Tz::Asia__Shanghai),
            utc("2026-12-06T15:59:59Z")
        );
        assert_eq!(
            Now::EndOfDay(day).resolve(Tz::UTC),
            utc("2026-12-06T23:59:59Z")
        );
        assert_eq!(
            human_time(at, Tz::Asia__Shanghai),
            "2026-12-06 16:09 +08:00"
        );
        assert_eq!(
            human_time(at, Tz::America__Los_Angeles),
            "2026-12-06 00:09 -08:00"
        );
        assert_eq!(human_time(at, Tz::Asia__Kolkata), "2026-12-06 13:39 +05:30");
        assert_eq!(rfc3339_in(at, Tz::UTC), "2026-12-06T08:09:00+00:00");
    }

    #[test]
    fn file_name_prefixes() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "2024-05-01-keji-huodong",
                Some(("2024-05-01", "keji-huodong")),
            ),
            ("2024-05-01_keji", Some(("2024-05-01", "keji"))),
            ("2024-05-01 -keji", Some(("2024-05-01", "keji"))),
            (
                "2024-05-01T08:00:00+08:00_keji",
                Some(("2024-05-01T08:00:00+08:00", "keji")),
            ),
            (
                "2024-05-01T08:00:00Z-keji",
                Some(("2024-05-01T08:00:00Z", "keji")),
            ),
            ("2024-05-01T08:00-keji", None),
            ("2024-05-01", None),
            ("2024-05-01-", None),
            ("2024-02-30-keji", None),
            ("keji-2024-05-01", None),
            ("2024-05-0一-keji", None),
            ("科协", None),
            ("", None),
        ];
        for (stem, want) in cases {
            let got = date_from_filename(stem).map(|(d, rest)| (d.text, rest));
            let want = want.map(|(d, rest)| (d.to_owned(), rest));
            assert_eq!(got, want, "{stem}");
        }
    }
}
