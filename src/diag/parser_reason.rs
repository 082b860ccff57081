//! The TOML and YAML parsers' messages (`string values must be quoted`, `found a tab
//! character`) in the catalog's words, for the mistakes a hand-edited file meets: the
//! front matter of a page and `site-config.toml` say the same mistake alike. A message
//! not known here is shown as the parser wrote it.

use super::text::Said;

/// What the TOML parser's message (`string values must be quoted, expected literal
/// string`) says, in the catalog's words; `None` for a message not known here, shown as
/// the parser wrote it.
pub fn toml_reason(message: &str) -> Option<Said> {
    let starts = |prefix: &str| message.starts_with(prefix);
    let unquoted = starts("string values must be quoted") || starts("missing opening quote");
    let unclosed = starts("invalid basic string")
        || starts("invalid literal string")
        || starts("missing closing quote");
    Some(if unquoted {
        crate::t!("toml-reason-unquoted")
    } else if unclosed {
        crate::t!("toml-reason-unclosed-string")
    } else if starts("duplicate key") {
        crate::t!("toml-reason-duplicate-key")
    } else if starts("unclosed array") {
        crate::t!("toml-reason-unclosed-array")
    } else if starts("missing comma between array elements") {
        crate::t!("toml-reason-missing-comma")
    } else if starts("unclosed table") {
        crate::t!("toml-reason-unclosed-table")
    } else if starts("key with no value") {
        crate::t!("toml-reason-no-value")
    } else if starts("unexpected key or value, expected newline") {
        crate::t!("toml-reason-more-on-line")
    } else if starts("invalid unquoted key") {
        crate::t!("toml-reason-bad-key")
    } else {
        return None;
    })
}

/// What the YAML parser's message (`found a tab character that violates indentation`)
/// says, in the catalog's words; `None` for a message not known here.
pub fn yaml_reason(message: &str) -> Option<Said> {
    let has = |part: &str| message.contains(part);
    Some(if has("found a tab character") {
        crate::t!("yaml-reason-tab")
    } else if has("found unexpected end of stream") {
        crate::t!("yaml-reason-unclosed")
    } else if has("mapping values are not allowed") {
        crate::t!("yaml-reason-colon-in-text")
    } else if has("did not find expected ',' or ']'") {
        crate::t!("yaml-reason-unclosed-list")
    } else if has("duplicate field") || has("duplicate entry") {
        crate::t!("toml-reason-duplicate-key")
    } else if has("found character that cannot start any token") {
        crate::t!("yaml-reason-bad-start")
    } else {
        return None;
    })
}
