//! `timezone`: the site's IANA time zone, in which dates written without an offset are
//! read and every date is shown. A name the zone database does not know is an error
//! with the nearest real name, as editors and operators write "Beijing" or "UTC+8".

use chrono_tz::{TZ_VARIANTS, Tz};
use toml::Spanned;

use super::validate::Report;
use crate::diag::{Diagnostic, did_you_mean};

/// The zone of Chinese sites: China Standard Time, without daylight saving.
pub const CHINA: Tz = Tz::Asia__Shanghai;

/// The configured zone; else `Asia/Shanghai` for a Chinese site (`default_language`
/// `zh…`), UTC for any other.
pub(crate) fn timezone(
    raw: Option<&Spanned<String>>,
    default_language: &str,
    report: &mut Report<'_>,
) -> Tz {
    let fallback = default_zone(default_language);
    let Some(raw) = raw else {
        return fallback;
    };
    let name = raw.get_ref().trim();
    if let Ok(zone) = name.parse::<Tz>() {
        return zone;
    }
    let mut error = Diagnostic::error("E0102", crate::t!("config-unknown-timezone", name = name))
        .expected(crate::t!("config-unknown-timezone.expected"));
    error = match suggestion(name) {
        Some(near) => error.help(crate::t!("config-unknown-timezone.help-near", near = near)),
        None => error.help(crate::t!("config-unknown-timezone.help")),
    };
    report.push(error, Some(raw.span()));
    fallback
}

/// `Asia/Shanghai` for a Chinese language tag, UTC otherwise.
pub fn default_zone(language: &str) -> Tz {
    let chinese = language
        .get(..2)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("zh"));
    if chinese { CHINA } else { Tz::UTC }
}

/// The zone an unknown name most likely means: the same name in other letter case, a
/// name for China's time, or the closest name of the database.
fn suggestion(name: &str) -> Option<&'static str> {
    if let Some(zone) = TZ_VARIANTS
        .iter()
        .find(|zone| zone.name().eq_ignore_ascii_case(name))
    {
        return Some(zone.name());
    }
    if means_china(name) {
        return Some(CHINA.name());
    }
    did_you_mean(name, TZ_VARIANTS.iter().map(|zone| zone.name()))
}

/// "Beijing", "北京时间", "China", "CST", "UTC+8", "GMT+08:00", "+08:00".
fn means_china(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    ["beijing", "peking", "china", "北京", "中国"]
        .iter()
        .any(|word| compact.contains(word))
        || compact == "cst"
        || ["", "utc", "gmt"].iter().any(|prefix| {
            compact
                .strip_prefix(prefix)
                .is_some_and(|rest| matches!(rest, "+8" | "+08" | "+0800" | "+08:00"))
        })
}

/// Writes the zone as its IANA name (for `config.timezone` in templates).
pub(crate) fn serialize<S: serde::Serializer>(zone: &Tz, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(zone.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_language() {
        assert_eq!(default_zone("zh-Hans"), CHINA);
        assert_eq!(default_zone("zh-Hant"), CHINA);
        assert_eq!(default_zone("ZH"), CHINA);
        assert_eq!(default_zone("en"), Tz::UTC);
        assert_eq!(default_zone(""), Tz::UTC);
    }

    #[test]
    fn unknown_names_get_the_zone_they_mean() {
        let cases = [
            ("asia/shanghai", Some("Asia/Shanghai")),
            ("Asia/Beijing", Some("Asia/Shanghai")),
            ("北京时间", Some("Asia/Shanghai")),
            ("UTC+8", Some("Asia/Shanghai")),
            ("GMT+08:00", Some("Asia/Shanghai")),
            ("CST", Some("Asia/Shanghai")),
            ("Europe/Berln", Some("Europe/Berlin")),
            ("America/Los Angeles", Some("America/Los_Angeles")),
        ];
        for (name, want) in cases {
            assert_eq!(suggestion(name), want, "{name}");
        }
    }
}
