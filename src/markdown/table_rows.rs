//! Rows of a Markdown table with more cells than its header: Markdown shows only as many
//! cells as the header has and drops the rest without a word, as happens to a Word table
//! with merged cells typed or pasted row by row. The text dropped is reported (W0206).

/// The cells of one table row as written (`| 梧州 | 12 | 备注 |`), trimmed; a `|`
/// escaped as `\|` stays inside its cell, as Markdown reads it.
fn cells_of_row(line: &str) -> Vec<&str> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = match line.strip_suffix('|') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => line,
    };
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '\\' => {
                escaped = !escaped;
                continue;
            }
            '|' if !escaped => {
                cells.push(line.get(start..i).unwrap_or("").trim());
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    cells.push(line.get(start..).unwrap_or("").trim());
    cells
}

/// The text of the cells after the first `columns`, when any of them holds some: what
/// Markdown leaves out of this row, with the number of cells the row has.
pub(crate) fn dropped_text(line: &str, columns: usize) -> Option<(usize, String)> {
    let cells = cells_of_row(line);
    let extra: Vec<&str> = cells
        .get(columns..)?
        .iter()
        .copied()
        .filter(|cell| !cell.is_empty())
        .collect();
    (!extra.is_empty()).then(|| (cells.len(), extra.join(" | ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_split_at_pipes_not_escaped() {
        assert_eq!(cells_of_row("| 梧州 | 12 | 合并 |"), ["梧州", "12", "合并"]);
        assert_eq!(cells_of_row("梧州 | 12"), ["梧州", "12"]);
        assert_eq!(cells_of_row("| a \\| b | c |"), ["a \\| b", "c"]);
        assert_eq!(cells_of_row("| |"), [""]);
    }

    #[test]
    fn only_text_beyond_the_header_is_dropped() {
        assert_eq!(
            dropped_text("| 南宁 | 10 | 多一格 | 多余 |", 3),
            Some((4, "多余".to_owned()))
        );
        assert_eq!(
            dropped_text("| 南宁 | 10 | | 甲 | 乙 |", 2),
            Some((5, "甲 | 乙".to_owned()))
        );
        assert_eq!(dropped_text("| 南宁 | 10 | | |", 2), None);
        assert_eq!(dropped_text("| 南宁 |", 3), None);
    }
}
