//! What a front-matter key takes, and what was written instead, said in the editor's
//! language for E0206 (`draft` 的值不对：写的是文字 "否"; 应为：`true` 或 `false`)
//! instead of serde's English (`invalid type: string "否", expected a boolean`).

use super::front_matter::Format;
use crate::diag::text::Said;

/// Keys that take `true` or `false`.
const FLAG_KEYS: &[&str] = &[
    "draft",
    "in_search_index",
    "render",
    "transparent",
    "paginate_reversed",
    "generate_feeds",
    "generate_feed",
    "headline",
    "photo",
];

/// What `key` takes, for the diagnostic's `expected:` line.
pub(crate) fn expected_for(key: &str) -> Said {
    match key {
        "date" | "updated" | "expires" | "headline_until" | "pin_until" => {
            crate::t!("content-bad-date.expected")
        }
        _ if FLAG_KEYS.contains(&key) => crate::t!("content-expected-flag"),
        "pin" => crate::t!("content-expected-pin"),
        "weight" => crate::t!("content-expected-whole-number", example = "10"),
        "series_index" => crate::t!("content-expected-count", example = "30"),
        "members" => crate::t!("content-expected-count", example = "1200"),
        "paginate_by" => crate::t!("content-expected-count", example = "20"),
        "aliases" | "authors" | "tags" | "categories" | "push" => {
            crate::t!("content-expected-list")
        }
        "attachments" => crate::t!("content-expected-attachments"),
        "taxonomies" => crate::t!("content-expected-taxonomies"),
        "extra" => crate::t!("content-expected-extra"),
        "phone" | "founded" => crate::t!("content-expected-text-or-number"),
        _ => crate::t!("content-expected-text"),
    }
}

/// What was written, from serde's words for it (`string "否"`, ``integer `5` ``,
/// `sequence`): in the catalog's words when known, else as serde said it.
pub(crate) fn found_in_words(what: &str) -> Said {
    let quoted = |prefix: &str, quote: char| {
        what.strip_prefix(prefix)
            .and_then(|v| v.strip_prefix(quote))
            .and_then(|v| v.strip_suffix(quote))
    };
    if let Some(value) = quoted("string ", '"') {
        crate::t!("content-found-text", value = value)
    } else if let Some(value) = quoted("integer ", '`').or_else(|| quoted("floating point ", '`')) {
        crate::t!("content-found-number", value = value)
    } else if let Some(value) = quoted("boolean ", '`') {
        crate::t!("content-found-flag", value = value)
    } else if what.starts_with("sequence") {
        crate::t!("content-found-list")
    } else if what.starts_with("map") {
        crate::t!("content-found-table")
    } else {
        Said::from(format!("found {what}"))
    }
}

/// The line to write for a yes or no written as text where `key` takes `true` or
/// `false` (`draft = "否"` → `draft = false`); `None` for anything else.
pub(crate) fn flag_written_as_text(key: &str, what: &str, format: Format) -> Option<String> {
    if !FLAG_KEYS.contains(&key) && key != "pin" {
        return None;
    }
    let value = what.strip_prefix("string \"")?.strip_suffix('"')?.trim();
    let flag = match value.to_lowercase().as_str() {
        "是" | "对" | "真" | "true" | "yes" | "y" | "1" => true,
        "否" | "不" | "不是" | "假" | "false" | "no" | "n" | "0" => false,
        _ => return None,
    };
    Some(super::places::assignment(
        Some(format),
        key,
        &flag.to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_words_become_the_catalogs() {
        assert_eq!(
            found_in_words("string \"否\"").english,
            "found string \"否\""
        );
        assert_eq!(found_in_words("integer `5`").english, "found integer `5`");
        assert_eq!(found_in_words("sequence").english, "found a list");
        assert_eq!(found_in_words("unit value").english, "found unit value");
    }

    #[test]
    fn yes_or_no_written_as_text_is_written_as_a_flag() {
        let toml = |key, what| flag_written_as_text(key, what, Format::Toml);
        assert_eq!(
            toml("draft", "string \"否\"").as_deref(),
            Some("draft = false")
        );
        assert_eq!(
            toml("headline", "string \"是\"").as_deref(),
            Some("headline = true")
        );
        assert_eq!(
            flag_written_as_text("photo", "string \"yes\"", Format::Yaml).as_deref(),
            Some("photo: true")
        );
        assert_eq!(toml("draft", "string \"草稿\""), None);
        assert_eq!(toml("title", "string \"是\""), None);
    }
}
