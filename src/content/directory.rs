//! `[[directories]]`: CSV or TOML tables whose rows become organization pages (机构名录).
//! Each row is turned into the front matter an editor would have written for it and
//! parsed like any page, so a row and a Markdown org page are the same thing afterwards.
//! A bad row is an error naming the file, the row and the column.
//!
//! Codes: E0220 table unreadable or not a table, E0221 bad row (no title, unknown column,
//! not a number), E0222 the section named by `section` does not exist, E0223 a row's page
//! would take the place of another page.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Content, Page, meta};
use crate::config::DirectoryConfig;
use crate::diag::{Diagnostic, Span};
use crate::zh;

/// The columns (CSV) or keys (TOML) a row may have.
pub const COLUMNS: &[&str] = &[
    "title", "slug", "level", "region", "parent", "address", "phone", "website", "chair",
    "founded", "members", "summary", "body",
];

/// One row read from a table, before it becomes a page.
struct Row {
    /// 1-based line in the file (CSV) or entry number (TOML).
    line: u32,
    /// Column values by name, with the column's character position in the line (CSV).
    cells: Vec<(String, String, Option<u32>)>,
    /// True when `line` is a line of the file (CSV), false for an entry number (TOML).
    is_line: bool,
}

/// Adds the pages of every declared directory to `content`.
pub fn load_directories(
    root: &Path,
    directories: &[DirectoryConfig],
    config_file: &Path,
    content: &mut Content,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut keys: HashSet<String> = content.pages.iter().map(|p| p.key.clone()).collect();
    for directory in directories {
        let section_key = format!("{}/_index.md", directory.section);
        if !content.sections.iter().any(|s| s.key == section_key) {
            problems.push(
                directory.file.place(
                    Diagnostic::error(
                        "E0222",
                        format!("directory section `{}` does not exist", directory.section),
                    )
                    .in_file(config_file)
                    .expected(format!("a folder `content/{}/` with an `_index.md`", directory.section))
                    .help(format!(
                        "create `content/{}/_index.md` with `kind = \"orgs\"`, or set `section` in this `[[directories]]` entry",
                        directory.section
                    )),
                ),
            );
            continue;
        }
        let file = PathBuf::from(&directory.file.value);
        let rows = match read_rows(root, &file) {
            Ok(rows) => rows,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        for row in rows {
            match row_page(&file, &row, directory, &section_key) {
                Ok(page) if keys.contains(&page.key) => problems.push(
                    Diagnostic::error(
                        "E0223",
                        format!("row {} would replace the page `{}`", row.line, page.key),
                    )
                    .in_file(&file)
                    .at_span(Span::point(row.line, 1))
                    .help("give the row a different `slug` column, or rename the Markdown page"),
                ),
                Ok(page) => {
                    keys.insert(page.key.clone());
                    content.pages.push(page);
                }
                Err(d) => problems.push(d),
            }
        }
    }
    content.pages.sort_by(|a, b| a.key.cmp(&b.key));
    problems
}

fn read_rows(root: &Path, file: &Path) -> Result<Vec<Row>, Diagnostic> {
    let unreadable = |why: String| {
        Diagnostic::error(
            "E0220",
            format!("cannot read directory table `{}`: {why}", file.display()),
        )
        .in_file(file)
    };
    let bytes = std::fs::read(root.join(file)).map_err(|e| {
        unreadable(e.to_string())
            .help("check `file` in `[[directories]]`; paths are relative to the site root")
    })?;
    let text = super::decode::decode(file, &bytes)?;
    match file.extension().and_then(|e| e.to_str()) {
        Some("csv") => csv_rows(file, &text),
        Some("toml") => toml_rows(file, &text),
        _ => Err(unreadable("not a `.csv` or `.toml` file".into())
            .help("name the table `….csv` (a header row, then one organization per row) or `….toml` (`[[orgs]]` entries)")),
    }
}

fn csv_rows(file: &Path, text: &str) -> Result<Vec<Row>, Diagnostic> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(file, &e))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let header_line = text.lines().next().unwrap_or_default();
    for (index, name) in header.iter().enumerate() {
        if !COLUMNS.contains(&name.as_str()) {
            return Err(
                unknown_column(file, name, 1, field_column(header_line, index))
                    .at(Span::point(1, field_column(header_line, index)), text),
            );
        }
    }
    // Indexed once: looking each row's line up from the start made a table of
    // 30,000 rows take minutes.
    let lines: Vec<&str> = text.lines().collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = record.position().map_or(0, |p| p.line()) as u32;
        let line_text = lines
            .get(line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or_default();
        let columns = field_columns(line_text);
        let past_end = line_text.chars().count() as u32 + 1;
        let cells = header
            .iter()
            .zip(record.iter())
            .enumerate()
            .map(|(i, (name, value))| {
                let column = columns.get(i).copied().unwrap_or(past_end);
                (name.clone(), value.trim().to_owned(), Some(column))
            })
            .collect();
        rows.push(Row {
            line,
            cells,
            is_line: true,
        });
    }
    Ok(rows)
}

/// The 1-based character column where field `index` of a CSV line starts.
fn field_column(line: &str, index: usize) -> u32 {
    field_columns(line)
        .get(index)
        .copied()
        .unwrap_or(line.chars().count() as u32 + 1)
}

/// The 1-based character column where each field of a CSV line starts, in one pass
/// (a row of thousands of fields must not rescan its line per field).
fn field_columns(line: &str) -> Vec<u32> {
    let mut columns = vec![1];
    let mut quoted = false;
    for (column, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => columns.push(column as u32 + 2),
            _ => {}
        }
    }
    columns
}

fn csv_error(file: &Path, e: &csv::Error) -> Diagnostic {
    let line = e.position().map_or(0, |p| p.line()) as u32;
    let d = Diagnostic::error("E0221", format!("bad CSV row: {}", e.to_string().replace('\n', " ")))
        .in_file(file)
        .help("every row needs as many columns as the header; quote values that contain commas: \"南宁市青秀区，示范路 1 号\"");
    if line > 0 {
        d.at_span(Span::point(line, 1))
    } else {
        d
    }
}

fn unknown_column(file: &Path, name: &str, line: u32, column: u32) -> Diagnostic {
    let mut d = Diagnostic::error("E0221", format!("row {line}: unknown column 「{name}」"))
        .in_file(file)
        .at_span(Span::point(line, column))
        .expected(format!("columns among {}", COLUMNS.join(", ")));
    d = match crate::diag::did_you_mean(name, COLUMNS.iter().copied()) {
        Some(close) => d.help(format!("did you mean `{close}`?")),
        None => d.help("rename the column, or remove it"),
    };
    d
}

fn toml_rows(file: &Path, text: &str) -> Result<Vec<Row>, Diagnostic> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        Diagnostic::error(
            "E0220",
            format!("invalid TOML: {}", e.message().trim_end_matches('.')),
        )
        .in_file(file)
        .help("write one `[[orgs]]` table per organization, e.g. `[[orgs]]\\ntitle = \"藤县科协\"`")
    })?;
    let Some(entries) = table.get("orgs").and_then(|v| v.as_array()) else {
        return Err(
            Diagnostic::error("E0220", "no `[[orgs]]` entries in the table")
                .in_file(file)
                .help("write one `[[orgs]]` table per organization"),
        );
    };
    let mut rows = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let line = index as u32 + 1;
        let Some(entry) = entry.as_table() else {
            continue;
        };
        let mut cells = Vec::new();
        for (key, value) in entry {
            if !COLUMNS.contains(&key.as_str()) {
                let mut d = unknown_column(file, key, line, 1)
                    .expected(format!("keys among {}", COLUMNS.join(", ")));
                d.message = format!("entry {line} of `[[orgs]]`: unknown key 「{key}」");
                d.span = None;
                return Err(d);
            }
            let text = match value {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            cells.push((key.clone(), text, None));
        }
        rows.push(Row {
            line,
            cells,
            is_line: false,
        });
    }
    Ok(rows)
}

/// A row as a page: the front matter an editor would write, parsed as a page is.
fn row_page(
    file: &Path,
    row: &Row,
    directory: &DirectoryConfig,
    section_key: &str,
) -> Result<Page, Diagnostic> {
    let get = |name: &str| {
        row.cells
            .iter()
            .find(|(n, v, _)| n == name && !v.is_empty())
    };
    let Some((_, title, _)) = get("title") else {
        return Err(bad_cell(
            file,
            row,
            "title",
            None,
            "has no `title`",
            "the organization's full name, e.g. 藤县科学技术协会",
        ));
    };
    let mut front = toml::Table::new();
    front.insert("title".into(), title.clone().into());
    front.insert("kind".into(), "org".into());
    if let Some(level) = get("level")
        .map(|c| c.1.clone())
        .or_else(|| directory.level.clone())
    {
        front.insert("level".into(), level.into());
    }
    for key in [
        "region", "parent", "address", "phone", "website", "chair", "founded", "summary",
    ] {
        if let Some((_, value, _)) = get(key) {
            front.insert(key.into(), value.clone().into());
        }
    }
    if let Some(cell @ (_, value, _)) = get("members") {
        let number: i64 = value.replace(',', "").parse().map_err(|_| {
            bad_cell(
                file,
                row,
                "members",
                Some(cell),
                &format!("column `members` 「{value}」 is not a number"),
                "a whole number of members, e.g. 120",
            )
        })?;
        front.insert("members".into(), number.into());
    }
    let slug = get("slug")
        .map(|c| c.1.clone())
        .unwrap_or_else(|| zh::slugify(title));
    front.insert("slug".into(), slug.clone().into());
    let body = get("body").map(|c| c.1.clone()).unwrap_or_default();
    let text = format!(
        "+++\n{}+++\n{}\n",
        toml::to_string(&front).unwrap_or_default(),
        body
    );
    let parsed = meta::parse_page(file, &text).map_err(|mut errors| {
        errors.truncate(1);
        let error = errors
            .pop()
            .unwrap_or_else(|| Diagnostic::error("E0221", "bad row"));
        let column = cell_column(&error, &text, row).unwrap_or(1);
        Diagnostic {
            source_line: None,
            ..error
        }
        .in_file(file)
        .at_span(Span::point(row.line, column))
    })?;
    let mut page_meta = parsed.meta;
    // Region errors point at the cell, not at the front matter made from it.
    if let (Some(region), Some((_, _, Some(column)))) = (&mut page_meta.region, get("region")) {
        region.span = Some(Span {
            line: row.line,
            column: *column,
            end_line: row.line,
            end_column: column + get("region").map_or(1, |c| c.1.chars().count() as u32),
        });
    }
    let folder = section_key.trim_end_matches("_index.md");
    Ok(Page {
        file: file.to_path_buf(),
        key: format!("{folder}{slug}.md"),
        section: section_key.to_owned(),
        stem: slug,
        meta: page_meta,
        body: parsed.body,
        body_line: row.line,
        assets: Vec::new(),
    })
}

/// The column of the cell an error in the front matter made from `row` points at: the
/// key on the error's line of `front`, looked up among the row's cells.
fn cell_column(error: &Diagnostic, front: &str, row: &Row) -> Option<u32> {
    let line = front
        .lines()
        .nth(error.span?.line.checked_sub(1)? as usize)?;
    let key = line.split_once(" = ")?.0.trim();
    row.cells.iter().find(|(name, _, _)| name == key)?.2
}

fn bad_cell(
    file: &Path,
    row: &Row,
    column: &str,
    cell: Option<&(String, String, Option<u32>)>,
    what: &str,
    expected: &str,
) -> Diagnostic {
    let at = cell.and_then(|c| c.2).unwrap_or(1);
    let d = Diagnostic::error("E0221", format!("row {}: {what}", row.line)).in_file(file);
    let d = if row.is_line {
        d.at_span(Span::point(row.line, at))
    } else {
        d
    };
    d.expected(expected.to_owned()).help(format!(
        "fix column `{column}` of row {} in `{}`",
        row.line,
        file.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_columns_skip_quoted_commas() {
        let line = "藤县科协,\"梧州市，藤县, 1 号\",,x";
        assert_eq!(field_columns(line), [1, 6, 20, 21]);
        assert_eq!(field_column(line, 3), 21);
        assert_eq!(field_column(line, 9), 22, "past the end");
        assert_eq!(field_columns(""), [1]);
    }

    #[test]
    fn a_table_of_many_rows_is_read_with_each_row_placed() {
        // Found by the `directory` fuzz target: every row looked its line up from the
        // start of the file, so 30,000 one-letter rows took minutes.
        let text = format!("title,region\n{}", "x,梧州\n".repeat(20_000));
        let rows = csv_rows(Path::new("data/orgs.csv"), &text).unwrap_or_default();
        assert_eq!(rows.len(), 20_000);
        let last = rows
            .last()
            .map(|r| (r.line, r.cells.get(1).and_then(|c| c.2)));
        assert_eq!(last, Some((20_001, Some(3))));
    }
}
