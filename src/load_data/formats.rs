//! The formats `load_data` reads, each text → template value as Zola gives it: JSON,
//! TOML and YAML as their trees (TOML dates as strings), CSV as `{ headers, records }`
//! with every cell a string, XML as a tree named after its elements (attributes as
//! `@name`, repeated elements as arrays, numbers and booleans recognised), plain text as
//! one string.

use serde_json::{Map, Value};

/// A format `load_data` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON.
    Json,
    /// TOML; the top level must be a table.
    Toml,
    /// YAML.
    Yaml,
    /// CSV with a header line.
    Csv,
    /// XML.
    Xml,
    /// Text as it is.
    Plain,
}

/// The names `format=` accepts, for messages.
pub const FORMAT_NAMES: &str = "json, toml, yaml, csv, xml or plain";

impl Format {
    /// The format a `format=` value or a file extension names (`yml` is YAML).
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "json" => Format::Json,
            "toml" => Format::Toml,
            "yaml" | "yml" => Format::Yaml,
            "csv" => Format::Csv,
            "xml" => Format::Xml,
            "plain" | "txt" => Format::Plain,
            _ => return None,
        })
    }

    /// What a remote request asks for (`Accept`).
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Toml => "application/toml",
            Format::Yaml => "application/yaml",
            Format::Csv => "text/csv",
            Format::Xml => "application/xml, text/xml",
            Format::Plain => "text/plain",
        }
    }

    /// `text` read as this format; the error says what is wrong and where.
    pub fn read(self, text: &str) -> Result<Value, String> {
        match self {
            Format::Json => serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}")),
            Format::Toml => read_toml(text),
            Format::Yaml => yaml_serde::from_str(text).map_err(|e| format!("invalid YAML: {e}")),
            Format::Csv => read_csv(text),
            Format::Xml => read_xml(text),
            Format::Plain => Ok(Value::String(text.to_owned())),
        }
    }
}

fn read_toml(text: &str) -> Result<Value, String> {
    let table: toml::Table = toml::from_str(text)
        .map_err(|e| format!("invalid TOML: {}", e.message().trim_end_matches('.')))?;
    Ok(toml_to_json(toml::Value::Table(table)))
}

/// TOML → template value; dates become their TOML text (`2024-05-01`), as in Zola.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

fn read_csv(text: &str) -> Result<Value, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("cannot read the CSV header line: {e}"))?
        .iter()
        .map(|h| Value::String(h.to_owned()))
        .collect();
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("invalid CSV: {e}"))?;
        records.push(Value::Array(
            record
                .iter()
                .map(|cell| Value::String(cell.to_owned()))
                .collect(),
        ));
    }
    let mut map = Map::new();
    map.insert("headers".into(), Value::Array(headers));
    map.insert("records".into(), Value::Array(records));
    Ok(Value::Object(map))
}

fn read_xml(text: &str) -> Result<Value, String> {
    let document = roxmltree::Document::parse(text).map_err(|e| format!("invalid XML: {e}"))?;
    let root = document.root_element();
    let mut map = Map::new();
    map.insert(root.tag_name().name().to_owned(), element_value(root));
    Ok(Value::Object(map))
}

/// An element: its text when it has neither attributes nor child elements, else an
/// object of its attributes (`@name`), child elements (repeated names gathered in an
/// array) and text (`#text`).
fn element_value(node: roxmltree::Node<'_, '_>) -> Value {
    let text: String = node
        .children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect();
    let text = text.trim();
    let has_children = node.children().any(|c| c.is_element());
    if !has_children && node.attributes().len() == 0 {
        return if text.is_empty() {
            Value::Null
        } else {
            scalar(text)
        };
    }
    let mut map = Map::new();
    for attribute in node.attributes() {
        map.insert(format!("@{}", attribute.name()), scalar(attribute.value()));
    }
    for child in node.children().filter(|c| c.is_element()) {
        let name = child.tag_name().name().to_owned();
        let value = element_value(child);
        match map.get_mut(&name) {
            // An element's own value is never an array: an array is a gathering.
            Some(Value::Array(items)) => items.push(value),
            Some(existing) => *existing = Value::Array(vec![existing.take(), value]),
            None => {
                map.insert(name, value);
            }
        }
    }
    if !text.is_empty() {
        map.insert("#text".into(), scalar(text));
    }
    Value::Object(map)
}

/// A number or boolean when the text is one, else the text.
fn scalar(text: &str) -> Value {
    if let Ok(i) = text.parse::<i64>() {
        return Value::from(i);
    }
    if let Ok(f) = text.parse::<f64>()
        && f.is_finite()
        && text.contains('.')
    {
        return Value::from(f);
    }
    match text {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => Value::String(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_format_reads_as_zola_gives_it() {
        let cases = [
            (Format::Json, r#"{"a": [1, 2]}"#, json!({"a": [1, 2]})),
            (
                Format::Toml,
                "title = \"科协\"\nday = 2024-05-01\n[x]\nn = 1",
                json!({"title": "科协", "day": "2024-05-01", "x": {"n": 1}}),
            ),
            (
                Format::Yaml,
                "a: 1\nb: [x, y]\n",
                json!({"a": 1, "b": ["x", "y"]}),
            ),
            (
                Format::Csv,
                "城市,数量\n梧州,3\n南宁,5\n",
                json!({"headers": ["城市", "数量"], "records": [["梧州", "3"], ["南宁", "5"]]}),
            ),
            (
                Format::Xml,
                "<root><key>value</key><array>1</array><array>2</array><array>3</array><sub id=\"7\"><k>5</k></sub></root>",
                json!({"root": {"key": "value", "array": [1, 2, 3], "sub": {"@id": 7, "k": 5}}}),
            ),
            (Format::Plain, "a\nb", json!("a\nb")),
        ];
        for (format, text, expected) in cases {
            assert_eq!(format.read(text), Ok(expected), "{format:?}");
        }
    }

    #[test]
    fn a_repeated_element_holding_arrays_stays_one_array_per_element() {
        let text = "<r><row><c>1</c><c>2</c></row><row><c>3</c><c>4</c></row></r>";
        assert_eq!(
            Format::Xml.read(text),
            Ok(json!({"r": {"row": [{"c": [1, 2]}, {"c": [3, 4]}]}}))
        );
    }

    #[test]
    fn bad_input_is_an_error_naming_the_format() {
        for (format, text, needle) in [
            (Format::Json, "{", "invalid JSON"),
            (Format::Toml, "a = ", "invalid TOML"),
            (Format::Yaml, "a: [", "invalid YAML"),
            (Format::Csv, "a,b\n1,2,3\n", "invalid CSV"),
            (Format::Xml, "<a><b></a>", "invalid XML"),
        ] {
            let error = format.read(text).expect_err(text);
            assert!(error.contains(needle), "{error}");
        }
    }

    #[test]
    fn format_names_and_extensions() {
        assert_eq!(Format::parse("YML"), Some(Format::Yaml));
        assert_eq!(Format::parse("bibtex"), None);
    }
}
