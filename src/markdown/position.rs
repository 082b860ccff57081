//! Positions: maps byte offsets in the shortcode-expanded text back to the body as
//! written, and from there to 1-based file lines and character columns.

use super::Problem;
use crate::diag::text::Said;

/// One stretch of the expanded text: either copied from the original (offsets move
/// together) or produced by a shortcode (every offset maps to the shortcode's start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Where the stretch starts in the expanded text.
    pub out: usize,
    /// Where it starts (copied) or comes from (inserted) in the original.
    pub orig: usize,
    /// True when copied from the original.
    pub copied: bool,
}

/// Expanded offset → original offset. Empty means the texts are the same.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SourceMap {
    pieces: Vec<Piece>,
}

impl SourceMap {
    /// Records that from `out` on, the expanded text is copied from `orig` on.
    pub fn copied(&mut self, out: usize, orig: usize) {
        self.push(Piece {
            out,
            orig,
            copied: true,
        });
    }

    /// Records that from `out` on, the expanded text was produced by the shortcode at `orig`.
    pub fn inserted(&mut self, out: usize, orig: usize) {
        self.push(Piece {
            out,
            orig,
            copied: false,
        });
    }

    fn push(&mut self, piece: Piece) {
        // A later piece starting at the same place replaces an empty earlier one.
        if self.pieces.last().is_some_and(|last| last.out == piece.out) {
            self.pieces.pop();
        }
        self.pieces.push(piece);
    }

    /// The original offset of expanded offset `at`.
    pub fn original(&self, at: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.out <= at);
        match index.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            None => at,
            Some(p) if p.copied => p.orig + (at - p.out),
            Some(p) => p.orig,
        }
    }
}

/// Lines and columns in the file for offsets in the expanded text.
pub(crate) struct Positions<'a> {
    original: &'a str,
    line_starts: Vec<usize>,
    first_line: u32,
    map: &'a SourceMap,
}

impl<'a> Positions<'a> {
    pub fn new(original: &'a str, first_line: u32, map: &'a SourceMap) -> Positions<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(
            original
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Positions {
            original,
            line_starts,
            first_line: first_line.max(1),
            map,
        }
    }

    /// The 0-based line index and the byte offset of that line's start.
    fn line_of_original(&self, at: usize) -> (usize, usize) {
        let index = self
            .line_starts
            .partition_point(|s| *s <= at)
            .saturating_sub(1);
        (index, self.line_starts.get(index).copied().unwrap_or(0))
    }

    fn file_line(&self, index: usize) -> u32 {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        self.first_line.saturating_add(index)
    }

    /// The file line of expanded offset `at`.
    pub fn line(&self, at: usize) -> u32 {
        self.file_line(self.line_of_original(self.map.original(at)).0)
    }

    /// The file line and character column of original offset `at`.
    pub fn line_column_original(&self, at: usize) -> (u32, u32) {
        let mut at = at.min(self.original.len());
        while !self.original.is_char_boundary(at) {
            at -= 1;
        }
        let (index, start) = self.line_of_original(at);
        let column = self
            .original
            .get(start..at)
            .map_or(0, |s| s.chars().count())
            + 1;
        (
            self.file_line(index),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    }

    /// An error placed at expanded offset `at`.
    pub fn problem_at(
        &self,
        at: usize,
        code: &'static str,
        message: impl Into<Said>,
        help: Option<Said>,
    ) -> Problem {
        self.problem_at_original(self.map.original(at), code, message, help)
    }

    /// An error placed at original offset `at`.
    pub fn problem_at_original(
        &self,
        at: usize,
        code: &'static str,
        message: impl Into<Said>,
        help: Option<Said>,
    ) -> Problem {
        let (line, column) = self.line_column_original(at);
        Problem {
            code,
            line,
            column,
            message: message.into(),
            help,
            is_error: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_and_inserted_stretches() {
        // original: "ab{{ x() }}cd" ; expanded: "abXYZcd"
        let mut map = SourceMap::default();
        map.copied(0, 0);
        map.inserted(2, 2);
        map.copied(5, 11);
        assert_eq!(map.original(1), 1);
        assert_eq!(map.original(3), 2);
        assert_eq!(map.original(6), 12);
        assert_eq!(SourceMap::default().original(7), 7);
    }

    #[test]
    fn lines_and_columns_count_from_first_line_in_characters() {
        let text = "一\n中文 [x](@/a.md)\n";
        let map = SourceMap::default();
        let positions = Positions::new(text, 5, &map);
        let at = text.find('[').unwrap();
        assert_eq!(positions.line(at), 6);
        assert_eq!(positions.line_column_original(at), (6, 4));
        assert_eq!(positions.line_column_original(10_000).0, 7);
    }
}
