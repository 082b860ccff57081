//! The masking of a QR code up to 128 modules wide, on rows of bits (module x of a row in
//! bit x, dark = 1): the `qrcode` crate's canvas is read once, each of the eight masks is
//! then a few word operations per row, and its penalty is counted on whole words, rows
//! along their bits and columns across the rows, no module looked at on its own again. The
//! mask chosen is the crate's (same scores, first of the lowest), hence the same picture.

use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::{Color, EcLevel, Version, bits, ec};

/// The most modules a row in a `u128` holds: codes up to version 27 (125 modules, over a
/// thousand bytes).
pub(super) const MAX_WIDTH: usize = 128;

/// The rows of the QR code of `bits` at error correction level M, masked as
/// `QrCode::with_bits(bits, EcLevel::M)` masks it; `None` for a code wider than
/// [`MAX_WIDTH`] or one the crate cannot make.
pub(super) fn masked_rows(bits: bits::Bits) -> Option<Vec<u128>> {
    let version = bits.version();
    let width = usize::try_from(version.width()).ok()?;
    if !matches!(version, Version::Normal(_)) || width > MAX_WIDTH {
        return None; // `encode_auto` only makes normal codes; wider ones are the crate's
    }
    let (data, ec) = ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let unmasked = Unmasked::of(&canvas, width);
    let mut rows = vec![0u128; width];
    let mut best = (u16::MAX, vec![0u128; width]);
    for (i, pattern) in MASKS.into_iter().enumerate() {
        unmasked.mask(pattern, &mut rows);
        let score = penalty(&rows);
        // As the crate: the first of the lowest scores wins.
        if i == 0 || score < best.0 {
            best.0 = score;
            std::mem::swap(&mut best.1, &mut rows);
        }
    }
    Some(best.1)
}

/// The eight masks of a normal QR code, in the crate's order.
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// A code before masking, in rows of bits.
struct Unmasked {
    /// Dark modules: of the functional patterns, and of the data as drawn.
    dark: Vec<u128>,
    /// The modules a mask inverts: all but the functional patterns and the format
    /// information.
    maskable: Vec<u128>,
}

impl Unmasked {
    /// The modules of `canvas`, read once.
    fn of(canvas: &Canvas, width: usize) -> Unmasked {
        let mut dark = vec![0u128; width];
        let mut maskable = vec![0u128; width];
        for (y, (dark, maskable)) in dark.iter_mut().zip(&mut maskable).enumerate() {
            // From the right, each module shifted in at bit 0: a shift by one, where
            // one by x costs a u128 several instructions.
            for x in (0..width).rev() {
                // `as`: both below 128, as is the width.
                let (is_dark, is_maskable) = match canvas.get(x as i16, y as i16) {
                    Module::Masked(color) => (color == Color::Dark, false),
                    Module::Unmasked(color) => (color == Color::Dark, true),
                    // The few modules past the last codeword: light, and masked like data.
                    Module::Empty => (false, true),
                };
                *dark = *dark << 1 | u128::from(is_dark);
                *maskable = *maskable << 1 | u128::from(is_maskable);
            }
        }
        Unmasked { dark, maskable }
    }

    /// Writes into `rows` the code masked with `pattern`, its format information drawn:
    /// the crate's `apply_mask`.
    fn mask(&self, pattern: MaskPattern, rows: &mut [u128]) {
        for (y, row) in rows.iter_mut().enumerate() {
            let inverted = MASK_ROWS[pattern as usize][y % 12];
            *row = self.dark[y] ^ (inverted & self.maskable[y]);
        }
        // Drawn light before masking and left alone by it, so only the dark bits are set.
        let info = FORMAT_INFO_M[pattern as usize];
        let width = rows.len();
        let at = |i: i16| usize::try_from(i).unwrap_or_else(|_| width - i.unsigned_abs() as usize);
        for (i, (main, side)) in FORMAT_MAIN.iter().zip(&FORMAT_SIDE).enumerate() {
            if (info >> (14 - i)) & 1 == 1 {
                for (x, y) in [main, side] {
                    rows[at(*y)] |= 1 << at(*x);
                }
            }
        }
    }
}

/// The rows of each mask, in the order of [`MASKS`], by `y % 12`: every pattern repeats
/// every twelve rows, so these are all there are, worked out once by the compiler.
const MASK_ROWS: [[u128; 12]; 8] = {
    let mut table = [[0; 12]; 8];
    let mut i = 0;
    while i < 8 {
        let mut y = 0;
        while y < 12 {
            table[i][y] = mask_row(MASKS[i], y);
            y += 1;
        }
        i += 1;
    }
    table
};

/// Row `y` of `pattern`: bit x set where the mask inverts module (x, y), by the crate's
/// mask functions. Every pattern repeats every six modules along a row, so six are
/// worked out and the rest copied.
const fn mask_row(pattern: MaskPattern, y: usize) -> u128 {
    let mut row = 0u128;
    let mut x = 0;
    while x < 6 {
        if inverts(pattern, x, y) {
            row |= 1 << x;
        }
        x += 1;
    }
    let mut filled = 6;
    while filled < 128 {
        row |= row << filled;
        filled *= 2;
    }
    row
}

/// Whether `pattern` inverts module (x, y) (ISO/IEC 18004 table 10, as the crate has it).
const fn inverts(pattern: MaskPattern, x: usize, y: usize) -> bool {
    match pattern {
        MaskPattern::Checkerboard => (x + y).is_multiple_of(2),
        MaskPattern::HorizontalLines => y.is_multiple_of(2),
        MaskPattern::VerticalLines => x.is_multiple_of(3),
        MaskPattern::DiagonalLines => (x + y).is_multiple_of(3),
        MaskPattern::LargeCheckerboard => (y / 2 + x / 3).is_multiple_of(2),
        MaskPattern::Fields => (x * y) % 2 + (x * y) % 3 == 0,
        MaskPattern::Diamonds => ((x * y) % 2 + (x * y) % 3).is_multiple_of(2),
        MaskPattern::Meadow => ((x + y) % 2 + (x * y) % 3).is_multiple_of(2),
    }
}

/// The format information of error correction level M with each mask, in the order of
/// [`MASKS`] (ISO/IEC 18004 table C.1; the crate's `FORMAT_INFOS_QR[0..8]`), 15 bits
/// drawn most significant first.
const FORMAT_INFO_M: [u16; 8] = [
    0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0,
];

/// Where the format information goes, (x, y) for each bit, most significant first,
/// counted from the far side when negative: around the top-left finder...
const FORMAT_MAIN: [(i16, i16); 15] = [
    (0, 8),
    (1, 8),
    (2, 8),
    (3, 8),
    (4, 8),
    (5, 8),
    (7, 8),
    (8, 8),
    (8, 7),
    (8, 5),
    (8, 4),
    (8, 3),
    (8, 2),
    (8, 1),
    (8, 0),
];

/// ...and again beside the other two finders.
const FORMAT_SIDE: [(i16, i16); 15] = [
    (8, -1),
    (8, -2),
    (8, -3),
    (8, -4),
    (8, -5),
    (8, -6),
    (8, -7),
    (-8, 8),
    (-7, 8),
    (-6, 8),
    (-5, 8),
    (-4, 8),
    (-3, 8),
    (-2, 8),
    (-1, 8),
];

/// The penalty of a masked code as the crate's `compute_total_penalty_scores` counts it
/// for normal codes, in its wrapping `u16` sums: runs of five or more, 2×2 blocks,
/// finder-like patterns in rows and columns, and the dark/light balance.
fn penalty(rows: &[u128]) -> u16 {
    let width = rows.len();
    let mut score = 0u16;
    for row in rows {
        score = score
            .wrapping_add(line_runs(*row, width))
            .wrapping_add(line_finders(*row));
    }
    // The crate takes 360 off each direction's finder score: the code's own finders.
    score
        .wrapping_add(column_runs(rows))
        .wrapping_add(column_finders(rows))
        .wrapping_add(blocks(rows))
        .wrapping_add(balance(rows))
        .wrapping_sub(720)
}

/// The lowest `n` bits set.
fn low_bits(n: usize) -> u128 {
    if n >= 128 {
        u128::MAX
    } else {
        (1u128 << n) - 1
    }
}

/// The number of bits set in `word`. Counted without the processor's own instruction
/// (builds target plain x86-64), so half the work when the upper half is empty, as it is
/// in every row of a code up to 64 modules wide (any URL of ordinary length).
fn ones(word: u128) -> u32 {
    let (low, high) = (word as u64, (word >> 64) as u64);
    low.count_ones() + if high == 0 { 0 } else { high.count_ones() }
}

/// Every run of 5 + n modules of one colour in a line of `width` costs 3 + n: 3 for the
/// run's fifth module and 1 for each further one.
fn line_runs(line: u128, width: usize) -> u16 {
    // Bit j: modules j and j + 1 are of one colour.
    let same = !(line ^ (line >> 1)) & low_bits(width.saturating_sub(1));
    run_score(same & (same >> 1) & (same >> 2) & (same >> 3), same << 1)
}

/// The score of the runs in `fifths` (bit j: modules j to j + 4 are of one colour),
/// given `same_before` (bit j: modules j - 1 and j are).
fn run_score(fifths: u128, same_before: u128) -> u16 {
    // Where a run starts its fifth module counts 3, later ones 1.
    let starts = fifths & !same_before;
    (ones(fifths) + 2 * ones(starts)) as u16
}

/// [`line_runs`] of every column at once, bit x of each word standing for column x.
fn column_runs(rows: &[u128]) -> u16 {
    let inside = low_bits(rows.len());
    // same[y], bit x: modules y and y + 1 of column x are of one colour.
    let same: Vec<u128> = rows.windows(2).map(|p| !(p[0] ^ p[1]) & inside).collect();
    let mut score = 0u16;
    for (y, s) in same.windows(4).enumerate() {
        let before = if y == 0 { 0 } else { same[y - 1] };
        score = score.wrapping_add(run_score(s[0] & s[1] & s[2] & s[3], before));
    }
    score
}

/// Every `#.###.#` in a line costs 40 unless both sides have a dark module within four
/// modules of it (outside the code counts as light).
fn line_finders(line: u128) -> u16 {
    // Bit j: modules j to j + 6 are the pattern (bits past the line are light, so it
    // cannot run over the end).
    let found =
        line & !(line >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & !(line >> 5) & (line >> 6);
    let dark_before = (line << 1) | (line << 2) | (line << 3) | (line << 4);
    let dark_after = (line >> 7) | (line >> 8) | (line >> 9) | (line >> 10);
    40 * ones(found & !(dark_before & dark_after)) as u16
}

/// [`line_finders`] of every column at once.
fn column_finders(rows: &[u128]) -> u16 {
    let width = rows.len();
    let any = |from: usize, to: usize| rows[from..to.min(width)].iter().fold(0, |a, r| a | r);
    let mut score = 0u16;
    for (j, r) in rows.windows(7).enumerate() {
        let found = r[0] & !r[1] & r[2] & r[3] & r[4] & !r[5] & r[6];
        if found != 0 {
            let flagged = found & !(any(j.saturating_sub(4), j) & any(j + 7, j + 11));
            score = score.wrapping_add(40 * ones(flagged) as u16);
        }
    }
    score
}

/// Every 2×2 block of one colour costs 3.
fn blocks(rows: &[u128]) -> u16 {
    let inner = low_bits(rows.len().saturating_sub(1));
    let mut score = 0u16;
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // Bit x: modules x and x + 1 of both rows are of one colour.
        let same = !(a ^ (a >> 1)) & !(a ^ b) & !(b ^ (b >> 1)) & inner;
        score = score.wrapping_add(3 * ones(same) as u16);
    }
    score
}

/// How far the share of dark modules is from half, in half-percent steps rounded down
/// as the crate rounds them.
fn balance(rows: &[u128]) -> u16 {
    let dark: usize = rows.iter().map(|r| ones(*r) as usize).sum();
    let ratio = dark * 200 / (rows.len() * rows.len()).max(1);
    ratio.abs_diff(100) as u16
}

#[cfg(test)]
mod tests;
