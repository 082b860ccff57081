//! `[[directories]]`: CSV or TOML tables whose rows become organization pages (机构名录).
//! Each row is turned into the front matter an editor would have written for it and
//! parsed like any page, so a row and a Markdown org page are the same thing afterwards.
//! A bad row is an error naming the file, the row and the column.
//!
//! Codes: E0220 table unreadable or not a table, E0221 bad row (no title, unknown column,
//! not a number), E0222 the section named by `section` does not exist, E0223 a row's page
//! would take the place of another page.

use std::collections::HashSet;
use std::path::Path;

use super::{Content, Page, meta};
use crate::bounds::SiteBounds;
use crate::config::DirectoryConfig;
use crate::diag::text::Said;
use crate::diag::{Diagnostic, Span};
use crate::load_data::ParsedFiles;
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

/// Adds the pages of every declared directory to `content`. A table out of the site's
/// `bounds` (`file = "/etc/passwd"`, or a link leading there) is an error at its entry.
/// For a member of a network, a table the site does not have is read from the
/// network's shared `data/` ([`SiteBounds::data_file`]), and parsed once for every
/// member reading it when `parsed` is the network's.
pub fn load_directories(
    root: &Path,
    directories: &[DirectoryConfig],
    config_file: &Path,
    bounds: &SiteBounds,
    parsed: Option<&ParsedFiles>,
    content: &mut Content,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut keys: HashSet<String> = content.pages.iter().map(|p| p.key.clone()).collect();
    for directory in directories {
        let section_key = format!("{}/_index.md", directory.section);
        if !content.sections.iter().any(|s| s.key == section_key) {
            problems.push(no_section(directory, config_file));
            continue;
        }
        // In a network, a table the site does not have is the shared one of that name.
        let path = bounds.data_file(Path::new(&directory.file.value));
        if let Err(d) = bounds.check(&path) {
            problems.push(directory.file.place(d.in_file(config_file)));
            continue;
        }
        let file = bounds.shown(&path);
        let table = match read_table(root, &file, directory, &section_key, parsed) {
            Ok(table) => table,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        for (line, page) in table.iter().cloned() {
            match page {
                Ok(page) if keys.contains(&page.key) => problems.push(
                    Diagnostic::error(
                        "E0223",
                        crate::t!("directory-row-replaces", line = line, page = &page.key),
                    )
                    .in_file(&file)
                    .at_span(Span::point(line, 1))
                    .help(crate::t!("directory-row-replaces.help")),
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

/// E0222: the section a directory's rows go to does not exist.
fn no_section(directory: &DirectoryConfig, config_file: &Path) -> Diagnostic {
    let section = &directory.section;
    directory.file.place(
        Diagnostic::error(
            "E0222",
            crate::t!("directory-no-section", section = section),
        )
        .in_file(config_file)
        .expected(crate::t!(
            "directory-no-section.expected",
            section = section
        ))
        .help(crate::t!("directory-no-section.help", section = section)),
    )
}

/// A table's rows as pages (each with its line, or its problem), or the problem that
/// leaves the whole table out.
type Table = Result<Vec<(u32, Result<Page, Diagnostic>)>, Diagnostic>;

/// The table `file` (shown from the site root) read as `directory`'s rows: parsed here,
/// or taken from `parsed` when another build sharing it parsed the same file, bytes and
/// directory entry (the pages name `file`, so it is part of what the parse is kept
/// under).
fn read_table(
    root: &Path,
    file: &Path,
    directory: &DirectoryConfig,
    section_key: &str,
    parsed: Option<&ParsedFiles>,
) -> Table {
    let bytes = std::fs::read(root.join(file)).map_err(|e| {
        unreadable(file, e.to_string().into()).help(crate::t!("directory-unreadable.help"))
    })?;
    let parse = || -> Table {
        let rows = parse_rows(file, &bytes)?;
        let page = |row: &Row| (row.line, row_page(file, row, directory, section_key));
        Ok(rows.iter().map(page).collect())
    };
    let variant = format!("{section_key}\n{:?}\n{}", directory.level, file.display());
    let table = crate::load_data::parse_once(parsed, &root.join(file), &bytes, &variant, parse);
    table.as_ref().clone()
}

fn unreadable(file: &Path, why: Said) -> Diagnostic {
    Diagnostic::error(
        "E0220",
        crate::t!("directory-unreadable", file = file.display(), reason = why),
    )
    .in_file(file)
}

/// The rows of the table `file` whose bytes are `bytes`: CSV or TOML by its extension.
fn parse_rows(file: &Path, bytes: &[u8]) -> Result<Vec<Row>, Diagnostic> {
    let text = super::decode::decode(file, bytes)?;
    match file.extension().and_then(|e| e.to_str()) {
        Some("csv") => csv_rows(file, &text),
        Some("toml") => toml_rows(file, &text),
        _ => Err(unreadable(file, crate::t!("directory-not-a-table"))
            .help(crate::t!("directory-not-a-table.help"))),
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
    let reason = e.to_string().replace('\n', " ");
    let d = Diagnostic::error("E0221", crate::t!("directory-bad-csv", reason = reason))
        .in_file(file)
        .help(crate::t!("directory-bad-csv.help"));
    if line > 0 {
        d.at_span(Span::point(line, 1))
    } else {
        d
    }
}

fn unknown_column(file: &Path, name: &str, line: u32, column: u32) -> Diagnostic {
    let mut d = Diagnostic::error(
        "E0221",
        crate::t!("directory-unknown-column", line = line, name = name),
    )
    .in_file(file)
    .at_span(Span::point(line, column))
    .expected(crate::t!(
        "directory-unknown-column.expected",
        columns = COLUMNS.join(", ")
    ));
    d = match crate::diag::did_you_mean(name, COLUMNS.iter().copied()) {
        Some(close) => d.help(crate::t!("config-did-you-mean", key = close)),
        None => d.help(crate::t!("directory-unknown-column.help")),
    };
    d
}

fn toml_rows(file: &Path, text: &str) -> Result<Vec<Row>, Diagnostic> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        Diagnostic::error(
            "E0220",
            crate::t!(
                "config-invalid-toml",
                reason = e.message().trim_end_matches('.')
            ),
        )
        .in_file(file)
        .help(crate::t!("directory-invalid-toml.help"))
    })?;
    let Some(entries) = table.get("orgs").and_then(|v| v.as_array()) else {
        return Err(Diagnostic::error("E0220", crate::t!("directory-no-orgs"))
            .in_file(file)
            .help(crate::t!("directory-no-orgs.help")));
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
            crate::t!("directory-no-title"),
            crate::t!("directory-no-title.expected"),
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
                crate::t!("directory-members-not-a-number", value = value),
                crate::t!("directory-members-not-a-number.expected"),
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
            .unwrap_or_else(|| Diagnostic::error("E0221", crate::t!("directory-bad-row")));
        let key = error.span.and_then(|s| generated_key(&text, s.line));
        let span = key
            .and_then(|key| cell_span(row, key))
            .unwrap_or(Span::point(row.line, 1));
        let error = Diagnostic {
            source_line: None,
            ..error
        };
        if row.is_line {
            error.in_file(file).at_span(span)
        } else {
            Diagnostic {
                span: None,
                ..error
            }
            .in_file(file)
        }
    })?;
    let mut page_meta = parsed.meta;
    // Values checked later (a region, a parent, a level) point at their cell, not at the
    // front matter made from the row; a TOML table has no cells to point at.
    let fields = &mut page_meta.org_fields;
    for (name, located) in [
        ("region", page_meta.region.as_mut()),
        ("parent", fields.parent.as_mut()),
        ("level", fields.level.as_mut()),
    ] {
        if let Some(located) = located {
            located.span = cell_span(row, name);
        }
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

/// Where the cell of column `name` is written: its line and characters (CSV tables).
fn cell_span(row: &Row, name: &str) -> Option<Span> {
    if !row.is_line {
        return None;
    }
    let (_, value, column) = row.cells.iter().find(|(n, _, _)| n == name)?;
    let column = (*column)?;
    let width = u32::try_from(value.chars().count())
        .unwrap_or(u32::MAX)
        .max(1);
    Some(Span {
        line: row.line,
        column,
        end_line: row.line,
        end_column: column.saturating_add(width),
    })
}

/// The key written on `line` of the front matter made from a row (`parent = "…"`).
fn generated_key(text: &str, line: u32) -> Option<&str> {
    let written = text.lines().nth(line.checked_sub(1)? as usize)?;
    let (key, _) = written.split_once('=')?;
    Some(key.trim())
}

fn bad_cell(
    file: &Path,
    row: &Row,
    column: &str,
    cell: Option<&(String, String, Option<u32>)>,
    what: Said,
    expected: Said,
) -> Diagnostic {
    let at = cell.and_then(|c| c.2).unwrap_or(1);
    let d = Diagnostic::error(
        "E0221",
        crate::t!("directory-bad-cell", line = row.line, what = what),
    )
    .in_file(file);
    let d = if row.is_line {
        d.at_span(Span::point(row.line, at))
    } else {
        d
    };
    d.expected(expected).help(crate::t!(
        "directory-bad-cell.help",
        column = column,
        line = row.line,
        file = file.display()
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
