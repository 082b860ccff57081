//! Dates of pages (`date`, `updated`, `expires`) as editors write them, and the
//! Zola-style date prefix of a file name (`2024-05-01-keji-huodong.md`).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

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

    /// The calendar date as written (in the written offset, not converted to UTC).
    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }
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
