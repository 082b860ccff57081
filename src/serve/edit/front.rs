//! The front matter as the editor's form sees it, and the one change the form may make:
//! the keys it changed, each written in place. Everything else of the file (the other
//! keys with their comments and layout, key order, the body unless it was edited) stays
//! byte for byte, so opening a page and saving it without edits changes nothing.
//!
//! TOML is edited with `toml_edit`, which keeps a document's formatting; YAML, line by
//! line at the top level (a changed key's line, and its indented continuation lines,
//! are replaced; values are written as JSON, which is YAML). Keys are the build's:
//! a key spelt in Chinese (`"作者" = …`) is an unknown key to the build (which suggests
//! the English one), so the form shows it among the others and leaves it alone.

use serde_json::{Map, Value};
use toml_edit::{DocumentMut, Item};

use crate::content::front_matter::{self, Format};

/// What is wrong with a change asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontError {
    /// The front matter opened is never closed.
    #[error("稿件开头的设置区没有结束标记（第 {0} 行开始）")]
    Unclosed(u32),
    /// The TOML or YAML cannot be read.
    #[error("稿件开头的设置写错了：{0}")]
    Unreadable(String),
    /// A value the form sent cannot be written.
    #[error("「{0}」的值不能这样写")]
    BadValue(String),
}

/// A page's front matter read for the form.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontFields {
    /// `+++` TOML or `---` YAML; TOML for a file without front matter.
    pub format: Format,
    /// Simple top-level values (text, numbers, true/false, dates as text, lists of
    /// those) by their English key name.
    pub fields: Map<String, Value>,
    /// Top-level keys the form does not show (tables, nested values), with their text.
    pub other: Vec<(String, String)>,
}

/// Reads the front matter of `text`.
pub fn read(text: &str) -> Result<FrontFields, FrontError> {
    let split = front_matter::split(text).map_err(|e| FrontError::Unclosed(e.line))?;
    match split.format {
        None => Ok(FrontFields {
            format: Format::Toml,
            fields: Map::new(),
            other: Vec::new(),
        }),
        Some(Format::Toml) => read_toml(split.front),
        Some(Format::Yaml) => read_yaml(split.front),
    }
}

/// The page's `title`, when its front matter reads and the title is not blank.
pub fn title(text: &str) -> Option<String> {
    let fields = read(text).ok()?.fields;
    let title = fields.get("title")?.as_str()?;
    (!title.trim().is_empty()).then(|| title.to_owned())
}

fn read_toml(front: &str) -> Result<FrontFields, FrontError> {
    let doc: DocumentMut = front_matter::blanked(front)
        .parse()
        .map_err(|e: toml_edit::TomlError| FrontError::Unreadable(e.message().to_owned()))?;
    let mut fields = Map::new();
    let mut other = Vec::new();
    for (key, item) in doc.iter() {
        match item.as_value().and_then(toml_to_json) {
            Some(value) => {
                fields.insert(key.to_owned(), value);
            }
            None => other.push((key.to_owned(), item.to_string().trim().to_owned())),
        }
    }
    Ok(FrontFields {
        format: Format::Toml,
        fields,
        other,
    })
}

fn toml_to_json(value: &toml_edit::Value) -> Option<Value> {
    use toml_edit::Value as T;
    Some(match value {
        T::String(s) => Value::String(s.value().clone()),
        T::Integer(i) => Value::from(*i.value()),
        T::Float(f) => Value::from(*f.value()),
        T::Boolean(b) => Value::Bool(*b.value()),
        T::Datetime(d) => Value::String(d.value().to_string()),
        T::Array(items) => Value::Array(items.iter().map(toml_to_json).collect::<Option<_>>()?),
        T::InlineTable(_) => return None,
    })
}

fn read_yaml(front: &str) -> Result<FrontFields, FrontError> {
    let value: Value = if front.trim().is_empty() {
        Value::Object(Map::new())
    } else {
        yaml_serde::from_str(&front_matter::blanked(front))
            .map_err(|e| FrontError::Unreadable(e.to_string()))?
    };
    let mut fields = Map::new();
    let mut other = Vec::new();
    for (key, value) in value.as_object().cloned().unwrap_or_default() {
        if is_simple(&value) {
            fields.insert(key, value);
        } else {
            other.push((key, value.to_string()));
        }
    }
    Ok(FrontFields {
        format: Format::Yaml,
        fields,
        other,
    })
}

fn is_simple(value: &Value) -> bool {
    match value {
        Value::Object(_) => false,
        Value::Array(items) => items.iter().all(|v| !v.is_object() && !v.is_array()),
        _ => true,
    }
}

/// `text` with the top-level keys of `changes` set to their values (`null` removes a
/// key) and, when given, the body replaced. Keys whose value is already the one asked
/// for are left as written.
pub fn apply(
    text: &str,
    changes: &Map<String, Value>,
    body: Option<&str>,
) -> Result<String, FrontError> {
    let split = front_matter::split(text).map_err(|e| FrontError::Unclosed(e.line))?;
    let current = read(text)?;
    let changes: Map<String, Value> = changes
        .iter()
        .filter(|(key, value)| is_change(&current, key, value))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let body = body.unwrap_or(split.body);
    if changes.is_empty() {
        let mut unchanged = text[..split.body_start].to_owned();
        unchanged.push_str(body);
        return Ok(unchanged);
    }
    let (head, front, fence_end) = match split.format {
        // A page without front matter gets a TOML block.
        None => (String::from("+++\n"), String::new(), String::from("+++\n")),
        Some(_) => (
            text[..split.front_start].to_owned(),
            split.front.to_owned(),
            text[split.front_start + split.front.len()..split.body_start].to_owned(),
        ),
    };
    let front = match split.format {
        Some(Format::Yaml) => apply_yaml(&front, &changes)?,
        _ => apply_toml(&front, &changes)?,
    };
    Ok(format!("{head}{front}{fence_end}{body}"))
}

/// Whether setting `key` to `value` (`null`: removing it) changes anything.
fn is_change(current: &FrontFields, key: &str, value: &Value) -> bool {
    if value.is_null() {
        has_key(current, key)
    } else {
        current.fields.get(key) != Some(value)
    }
}

fn has_key(current: &FrontFields, key: &str) -> bool {
    current.fields.contains_key(key) || current.other.iter().any(|(k, _)| k == key)
}

fn apply_toml(front: &str, changes: &Map<String, Value>) -> Result<String, FrontError> {
    let mut doc: DocumentMut = front_matter::blanked(front)
        .parse()
        .map_err(|e: toml_edit::TomlError| FrontError::Unreadable(e.message().to_owned()))?;
    for (key, value) in changes {
        if value.is_null() {
            doc.remove(key);
            continue;
        }
        let mut new = json_to_toml(key, value)?;
        if let Some(old) = doc.get(key).and_then(Item::as_value) {
            *new.decor_mut() = old.decor().clone();
            doc[key.as_str()] = Item::Value(new);
        } else {
            doc.as_table_mut().insert(key, Item::Value(new));
        }
    }
    let mut text = doc.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// A form value as TOML: dates (`date`, `updated`, …) as TOML dates when they read as
/// one, so the file keeps the form editors write by hand.
fn json_to_toml(key: &str, value: &Value) -> Result<toml_edit::Value, FrontError> {
    let bad = || FrontError::BadValue(key.to_owned());
    Ok(match value {
        Value::String(s) if is_date_key(key) => match s.parse::<toml_edit::Datetime>() {
            Ok(date) => toml_edit::Value::from(date),
            Err(_) => toml_edit::Value::from(s.as_str()),
        },
        Value::String(s) => toml_edit::Value::from(s.as_str()),
        Value::Bool(b) => toml_edit::Value::from(*b),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => toml_edit::Value::from(i),
            (None, Some(f)) => toml_edit::Value::from(f),
            _ => return Err(bad()),
        },
        Value::Array(items) => {
            let mut array = toml_edit::Array::new();
            for item in items {
                array.push(json_to_toml(key, item)?);
            }
            toml_edit::Value::Array(array)
        }
        Value::Null | Value::Object(_) => return Err(bad()),
    })
}

fn is_date_key(key: &str) -> bool {
    matches!(
        key,
        "date" | "updated" | "expires" | "headline_until" | "pin_until"
    )
}

fn apply_yaml(front: &str, changes: &Map<String, Value>) -> Result<String, FrontError> {
    let mut lines: Vec<String> = front.lines().map(str::to_owned).collect();
    for (key, value) in changes {
        let at = lines.iter().position(|l| yaml_key(l) == Some(key.as_str()));
        let line = match value {
            Value::Null => None,
            Value::Object(_) => return Err(FrontError::BadValue(key.clone())),
            value => Some(format!("{key}: {value}")),
        };
        match (at, line) {
            (Some(at), line) => {
                let end = continuation_end(&lines, at);
                lines.splice(at..end, line);
            }
            (None, Some(line)) => lines.push(line),
            (None, None) => {}
        }
    }
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    Ok(text)
}

/// The key a top-level YAML line sets (`title: …` → `title`).
fn yaml_key(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    Some(key.trim().trim_matches(['"', '\'']))
}

/// The line after a top-level key's value: indented or list lines belong to it.
fn continuation_end(lines: &[String], at: usize) -> usize {
    let mut end = at + 1;
    while end < lines.len()
        && (lines[end].starts_with([' ', '\t', '-']) || lines[end].trim().is_empty())
        && !lines[end..].iter().all(|l| l.trim().is_empty())
    {
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn changes(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    const TOML_PAGE: &str = "+++\ntitle = \"旧标题\"   # 标题\ndate = 2026-12-01T09:30:00+08:00\nauthor  =  '张三'\n\"作者\" = \"张三\"\ntags = [\"科普\"]\n\n[extra]\nx = 1\n+++\n正文  保持\n\n原样。\n";

    #[test]
    fn nothing_changed_is_the_same_bytes() {
        for text in [
            TOML_PAGE,
            "---\ntitle: 一\nlist:\n  - a\n---\n正文\n",
            "没有设置区\n",
        ] {
            assert_eq!(apply(text, &Map::new(), None).unwrap(), text);
            // Values equal to the current ones change nothing either.
            let same = changes(json!({"title": read(text).unwrap().fields.get("title")
                .cloned().unwrap_or(Value::Null)}));
            assert_eq!(apply(text, &same, None).unwrap(), text, "{text}");
        }
    }

    #[test]
    fn a_changed_toml_key_keeps_its_comment_and_the_rest() {
        let out = apply(TOML_PAGE, &changes(json!({"title": "新标题"})), None).unwrap();
        assert_eq!(out, TOML_PAGE.replace("\"旧标题\"", "\"新标题\""));
    }

    #[test]
    fn other_keys_stay_and_dates_stay_dates() {
        let out = apply(
            TOML_PAGE,
            &changes(
                json!({"author": "李四", "date": "2026-12-02T10:00:00+08:00", "city": "梧州"}),
            ),
            None,
        )
        .unwrap();
        assert!(out.contains("author  =  \"李四\"\n"), "{out}");
        assert!(out.contains("\"作者\" = \"张三\"\n"), "{out}");
        assert!(out.contains("date = 2026-12-02T10:00:00+08:00\n"), "{out}");
        assert!(out.contains("city = \"梧州\""), "{out}");
        assert!(
            out.find("city").unwrap() < out.find("[extra]").unwrap(),
            "{out}"
        );
        let fields = read(&out).unwrap().fields;
        assert_eq!(fields["author"], json!("李四"));
        assert_eq!(read(&out).unwrap().other[0].0, "extra");
    }

    #[test]
    fn null_removes_a_key_and_a_body_replaces_only_the_body() {
        let out = apply(TOML_PAGE, &changes(json!({"tags": null})), Some("新正文\n")).unwrap();
        assert!(!out.contains("tags"));
        assert!(out.ends_with("+++\n新正文\n"), "{out}");
    }

    #[test]
    fn yaml_lines_are_replaced_with_their_continuations() {
        let text = "---\ntitle: 一\ntags:\n  - a\n  - b\ndraft: true\n---\n正文\n";
        let out = apply(
            text,
            &changes(json!({"tags": ["c"], "draft": null, "city": "梧州"})),
            None,
        )
        .unwrap();
        assert_eq!(
            out,
            "---\ntitle: 一\ntags: [\"c\"]\ncity: \"梧州\"\n---\n正文\n"
        );
        assert_eq!(read(&out).unwrap().fields["tags"], json!(["c"]));
    }

    #[test]
    fn a_page_without_front_matter_gets_one() {
        let out = apply("正文\n", &changes(json!({"title": "一"})), None).unwrap();
        assert_eq!(out, "+++\ntitle = \"一\"\n+++\n正文\n");
    }
}
