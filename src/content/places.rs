//! Where each front-matter key and value is written, as byte ranges of the whole file,
//! so that values checked after parsing (city, org, dates…), unknown keys and type
//! errors can be pointed at. TOML places come from the parser's spans; YAML places from a
//! line scan of the block (yaml_serde keeps no spans), good for the usual layouts.

use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::front_matter::Format;

/// How deep nested keys are recorded: `attachments.1.title` is three levels.
const MAX_DEPTH: usize = 3;

/// One written key (or array element) and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    /// Dotted path: `city`, `taxonomies.tags`, `attachments.1`, `attachments.1.title`.
    path: String,
    /// The key as written (for an array element: the element).
    key: Range<usize>,
    /// The value as written, quotes included.
    value: Range<usize>,
}

/// Where each key and value of one front-matter block is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FrontMatterSpans {
    entries: Vec<Place>,
    /// Path → index in `entries`, built on first lookup of a large block.
    by_path: HashMap<String, usize>,
}

impl FrontMatterSpans {
    /// Key spans of a parsed TOML block whose text starts at byte `front_start` of the file.
    pub(crate) fn from_toml(table: &DeTable<'_>, front_start: usize) -> FrontMatterSpans {
        let mut places = FrontMatterSpans::default();
        places.add_toml_table(table, "", front_start, 1);
        places.indexed()
    }

    fn add_toml_table(&mut self, table: &DeTable<'_>, prefix: &str, shift: usize, depth: usize) {
        for (key, value) in table.iter() {
            let path = format!("{prefix}{}", key.get_ref());
            let key_range = shifted(key.span(), shift);
            self.entries.push(Place {
                path: path.clone(),
                key: key_range,
                value: shifted(value.span(), shift),
            });
            self.add_toml_children(value.get_ref(), &path, shift, depth);
        }
    }

    fn add_toml_children(&mut self, value: &DeValue<'_>, path: &str, shift: usize, depth: usize) {
        if depth >= MAX_DEPTH {
            return;
        }
        match value {
            DeValue::Table(table) => {
                self.add_toml_table(table, &format!("{path}."), shift, depth + 1)
            }
            DeValue::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let item_path = format!("{path}.{index}");
                    let range = shifted(item.span(), shift);
                    self.entries.push(Place {
                        path: item_path.clone(),
                        key: range.clone(),
                        value: range,
                    });
                    self.add_toml_children(item.get_ref(), &item_path, shift, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// Key spans of a YAML block `front` starting at byte `front_start` of the file: keys at
    /// the left margin, list items and keys nested under them.
    pub(crate) fn from_yaml(front: &str, front_start: usize) -> FrontMatterSpans {
        let mut places = FrontMatterSpans::default();
        let mut top: Option<String> = None;
        let mut item: Option<(usize, usize)> = None; // (index, indent) of the current list item
        let mut next_index = 0;
        let mut offset = front_start;
        for line in front.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            let indent = content.len() - content.trim_start_matches(' ').len();
            let rest = content.get(indent..).unwrap_or("");
            let rest_start = start + indent;
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            let is_item = rest == "-" || rest.starts_with("- ");
            if indent == 0 && !is_item {
                top = yaml_key_value(rest, rest_start).map(|(key, key_range, value)| {
                    places.entries.push(Place {
                        path: key.to_owned(),
                        key: key_range,
                        value,
                    });
                    key.to_owned()
                });
                item = None;
                next_index = 0;
                continue;
            }
            let Some(top) = &top else { continue };
            if is_item {
                let inner = rest.get(1..).unwrap_or("");
                let inner_start = rest_start + 1 + (inner.len() - inner.trim_start().len());
                let inner = inner.trim_start();
                let path = format!("{top}.{next_index}");
                let value = value_range(inner, inner_start).unwrap_or(rest_start..rest_start + 1);
                places.entries.push(Place {
                    path: path.clone(),
                    key: value.clone(),
                    value,
                });
                if let Some((key, key_range, value)) = yaml_key_value(inner, inner_start) {
                    places.entries.push(Place {
                        path: format!("{path}.{key}"),
                        key: key_range,
                        value,
                    });
                }
                item = Some((next_index, indent));
                next_index += 1;
            } else if let Some((key, key_range, value)) = yaml_key_value(rest, rest_start) {
                let path = match item {
                    Some((index, item_indent)) if indent > item_indent => {
                        format!("{top}.{index}.{key}")
                    }
                    _ => format!("{top}.{key}"),
                };
                places.entries.push(Place {
                    path,
                    key: key_range,
                    value,
                });
            }
        }
        places.indexed()
    }

    /// Key spans of a block in either format (`None` format: no places).
    pub(crate) fn empty() -> FrontMatterSpans {
        FrontMatterSpans::default()
    }

    /// Makes path lookups constant-time; called once the entries are complete.
    fn indexed(mut self) -> FrontMatterSpans {
        for (i, place) in self.entries.iter().enumerate() {
            self.by_path.entry(place.path.clone()).or_insert(i);
        }
        self
    }

    fn find(&self, path: &str) -> Option<&Place> {
        self.by_path.get(path).and_then(|&i| self.entries.get(i))
    }

    /// The value written at `path`, or at its nearest written parent.
    pub(crate) fn value(&self, path: &str) -> Option<Range<usize>> {
        self.find_or_parent(path).map(|(p, exact)| {
            if exact {
                p.value.clone()
            } else {
                p.key.clone()
            }
        })
    }

    /// The key written at `path`, or its nearest written parent.
    pub(crate) fn key(&self, path: &str) -> Option<Range<usize>> {
        self.find_or_parent(path).map(|(p, _)| p.key.clone())
    }

    fn find_or_parent(&self, path: &str) -> Option<(&Place, bool)> {
        let mut current = path;
        let mut exact = true;
        loop {
            if let Some(place) = self.find(current) {
                return Some((place, exact));
            }
            current = current.rsplit_once('.')?.0;
            exact = false;
        }
    }

    /// The top-level key of the last entry written at or before byte `at` (for naming
    /// the key a parser error is about).
    pub(crate) fn top_key_before(&self, at: usize) -> Option<&str> {
        self.entries
            .iter()
            .filter(|p| p.key.start <= at)
            .max_by_key(|p| p.key.start)
            .and_then(|p| p.path.split('.').next())
    }
}

fn shifted(range: Range<usize>, by: usize) -> Range<usize> {
    range.start + by..range.end + by
}

/// Splits `key: value` (plain or quoted key) in `line`, which starts at byte `start`.
fn yaml_key_value(line: &str, start: usize) -> Option<(&str, Range<usize>, Range<usize>)> {
    let (key, key_len) = match line.chars().next()? {
        quote @ ('"' | '\'') => {
            let close = line.get(1..)?.find(quote)? + 1;
            (line.get(1..close)?, close + 1)
        }
        _ => {
            let colon = line.match_indices(':').map(|(i, _)| i).find(|&i| {
                line.get(i + 1..)
                    .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t']))
            })?;
            (line.get(..colon)?.trim_end(), colon)
        }
    };
    let after = line.get(key_len..)?.strip_prefix(':')?;
    let key_range = start..start + key_len;
    let value_start = start + key_len + 1 + (after.len() - after.trim_start().len());
    let value = value_range(after.trim_start(), value_start).unwrap_or(key_range.clone());
    Some((key, key_range, value))
}

/// The range of a YAML scalar written at `start`: up to a ` #` comment, trailing spaces cut.
fn value_range(text: &str, start: usize) -> Option<Range<usize>> {
    let end = match text.chars().next()? {
        quote @ ('"' | '\'') => closing_quote(text, quote).map_or(text.len(), |i| i + 1),
        _ => text.find(" #").unwrap_or(text.len()),
    };
    let len = text.get(..end)?.trim_end().len();
    (len > 0).then_some(start..start + len)
}

/// Byte index of the quote closing the string that `text` opens with `quote`.
fn closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            '\\' if quote == '"' && !escaped => escaped = true,
            c if c == quote && !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

/// The example syntax of `key = value` in a format, for messages.
pub(crate) fn assignment(format: Option<Format>, key: &str, value: &str) -> String {
    match format {
        Some(Format::Yaml) => format!("{key}: {value}"),
        _ => format!("{key} = {value}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(text: &str, range: Option<Range<usize>>) -> &str {
        range.and_then(|r| text.get(r)).unwrap_or("<none>")
    }

    const TOML: &str = "title = \"标题\"\ncity = \"梧洲\"\nattachments = [\"a.pdf\", { path = \"b.docx\", title = \"报名表\" }]\n\n[extra]\nauthor = \"张三\"\n";
    const YAML: &str = "title: 标题\ncity: \"梧洲\"  # 城市\nattachments:\n  - a.pdf\n  - path: b.docx\n    title: 报名表\ntags: [科普]\nextra:\n  author: 张三\n";

    #[test]
    fn finds_toml_and_yaml_places() {
        let toml_places = FrontMatterSpans::from_toml(DeTable::parse(TOML).unwrap().get_ref(), 0);
        let yaml_places = FrontMatterSpans::from_yaml(YAML, 0);
        // (path, toml value, yaml value)
        let cases = [
            ("title", "\"标题\"", "标题"),
            ("city", "\"梧洲\"", "\"梧洲\""),
            ("attachments.0", "\"a.pdf\"", "a.pdf"),
            ("attachments.1.path", "\"b.docx\"", "b.docx"),
            ("attachments.1.title", "\"报名表\"", "报名表"),
            ("extra.author", "\"张三\"", "张三"),
        ];
        for (path, in_toml, in_yaml) in cases {
            assert_eq!(slice(TOML, toml_places.value(path)), in_toml, "{path}");
            assert_eq!(slice(YAML, yaml_places.value(path)), in_yaml, "{path}");
        }
        assert_eq!(slice(TOML, toml_places.key("city")), "city");
        assert_eq!(slice(YAML, yaml_places.key("city")), "city");
        assert_eq!(slice(YAML, yaml_places.key("extra.nothing")), "extra");
    }

    #[test]
    fn names_the_key_before_an_offset() {
        let places = FrontMatterSpans::from_yaml(YAML, 0);
        let at = YAML.find("报名表").unwrap();
        assert_eq!(places.top_key_before(at), Some("attachments"));
        assert_eq!(places.top_key_before(0), Some("title"));
    }
}
