//! QR codes of page URLs as inline SVG (no script, no image request), so visitors can
//! open an article on their phone. Exposed to templates as `qr_svg(text=…)`.
//!
//! Every article page carries one, so the code is made the `qrcode` crate's way (same
//! segments, version, error correction and mask, hence the same picture) but the eight
//! masks are scored here on rows and columns packed into bits (the crate's scoring
//! reads each module through a boxed closure and was a sixth of a portal build's
//! time), and the SVG is drawn here in module units, a rectangle per run of dark
//! modules, in a third of the text the crate's renderer writes.

use std::collections::HashMap;

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, Version, bits, ec};
use tera::{Function, Value};

/// An inline `<svg>` QR code of `text`, labelled for screen readers; `None` when the
/// text is too long for a QR code.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let (modules, width) = qr_modules(text.as_bytes())?;
    Some(svg_of(&modules, width, label))
}

/// Modules of quiet zone on each side.
const QUIET_ZONE: usize = 4;
/// The smallest width and height of the picture, in SVG units.
const MIN_SIZE: usize = 120;

/// The picture of `modules` (with a quiet zone of four modules, at least 120 units
/// wide, dark `#111111` on `#ffffff`), labelled. Drawn in module units (the view box is
/// the code's width in modules), one rectangle per run of dark modules in a row: the
/// picture the `qrcode` crate's renderer draws, in a third of its text (it writes
/// each dark module as its own square in scaled units), which every article page and
/// its Traditional copy carry.
fn svg_of(modules: &[Color], width: usize, label: &str) -> String {
    let across = width + 2 * QUIET_ZONE;
    let size = MIN_SIZE.div_ceil(across).max(1) * across;
    // Every coordinate and run length, written once.
    let numbers: Vec<String> = (0..=across).map(|i| i.to_string()).collect();
    let label = crate::html_text::escape(label);
    let mut svg = String::with_capacity(400 + modules.len() * 3);
    svg.push_str(&format!(
        concat!(
            r#"<svg role="img" aria-label="{label}" class="qr-code" "#,
            r#"xmlns="http://www.w3.org/2000/svg" version="1.1" width="{size}" height="{size}""#,
            r#" viewBox="0 0 {across} {across}" shape-rendering="crispEdges">"#,
            r##"<rect width="{across}" height="{across}" fill="#ffffff"/>"##,
            r##"<path fill="#111111" d=""##,
        ),
        label = label,
        size = size,
        across = across,
    ));
    for (y, row) in modules.chunks_exact(width.max(1)).enumerate() {
        let top = numbers[y + QUIET_ZONE].as_str();
        for (x, length) in dark_runs(row) {
            let (left, length) = (numbers[x + QUIET_ZONE].as_str(), numbers[length].as_str());
            for part in ["M", left, " ", top, "h", length, "v1h-", length, "z"] {
                svg.push_str(part);
            }
        }
    }
    svg.push_str(r#""/></svg>"#);
    svg
}

/// The runs of dark modules of `row`: (first module, length).
fn dark_runs(row: &[Color]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut x = 0;
    std::iter::from_fn(move || {
        let start = x + row[x..].iter().position(|m| *m != Color::Light)?;
        let length = row[start..]
            .iter()
            .position(|m| *m == Color::Light)
            .unwrap_or(row.len() - start);
        x = start + length;
        Some((start, length))
    })
}

/// The modules of the QR code of `data` (row by row) and its width: what
/// `QrCode::with_error_correction_level(data, EcLevel::M)` holds.
fn qr_modules(data: &[u8]) -> Option<(Vec<Color>, usize)> {
    let bits = bits::encode_auto(data, EcLevel::M).ok()?;
    let version = bits.version();
    if !matches!(version, Version::Normal(_)) {
        return None; // `encode_auto` only makes normal codes
    }
    let (data, ec) = ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = usize::try_from(version.width()).ok()?;
    // As the crate: the first of the lowest scores wins.
    let mut best: Option<(u16, Vec<Color>)> = None;
    for pattern in MASKS {
        let mut masked = canvas.clone();
        masked.apply_mask(pattern);
        let modules = masked.into_colors();
        let score = score(&dark_grid(&modules), width);
        if best.as_ref().is_none_or(|(lowest, _)| score < *lowest) {
            best = Some((score, modules));
        }
    }
    best.map(|(_, modules)| (modules, width))
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

fn dark_grid(modules: &[Color]) -> Vec<bool> {
    modules.iter().map(|m| *m == Color::Dark).collect()
}

/// [`penalty`], on lines packed into bits when the code is at most 128 modules wide
/// (every code of a URL of up to a thousand bytes): a line's runs, finder-like patterns
/// and blocks then take a few word operations instead of a read per module.
fn score(dark: &[bool], width: usize) -> u16 {
    match BitLines::new(dark, width) {
        Some(lines) => lines.penalty(),
        None => penalty(dark, width),
    }
}

/// A code's rows and columns, module `j` of a line in bit `j` (dark = 1).
struct BitLines {
    rows: Vec<u128>,
    columns: Vec<u128>,
    width: usize,
}

impl BitLines {
    fn new(dark: &[bool], width: usize) -> Option<BitLines> {
        if !(2..=128).contains(&width) || dark.len() != width * width {
            return None;
        }
        let mut rows = vec![0u128; width];
        let mut columns = vec![0u128; width];
        for (y, row) in dark.chunks_exact(width).enumerate() {
            for (x, _) in row.iter().enumerate().filter(|(_, d)| **d) {
                rows[y] |= 1 << x;
                columns[x] |= 1 << y;
            }
        }
        Some(BitLines {
            rows,
            columns,
            width,
        })
    }

    /// The same sum as [`penalty`], in the same `u16` arithmetic.
    fn penalty(&self) -> u16 {
        let width = self.width;
        let mut runs = 0u16;
        let mut finders = 0u16;
        for line in self.rows.iter().chain(&self.columns) {
            runs = runs.wrapping_add(bit_run_penalty(*line, width));
            finders = finders.wrapping_add(bit_finder_penalty(*line, width));
        }
        let inner = low_bits(width - 1);
        let mut blocks = 0u16;
        for pair in self.rows.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            // Bit x: modules x and x + 1 of both rows are of one colour.
            let same = !(a ^ (a >> 1)) & !(a ^ b) & !(b ^ (b >> 1)) & inner;
            blocks = blocks.wrapping_add(3u16.wrapping_mul(same.count_ones() as u16));
        }
        let dark_count: usize = self.rows.iter().map(|r| r.count_ones() as usize).sum();
        let ratio = dark_count * 200 / (width * width);
        let balance = ratio.abs_diff(100) as u16;
        runs.wrapping_add(blocks)
            .wrapping_add(finders.wrapping_sub(720))
            .wrapping_add(balance)
    }
}

/// The lowest `n` bits set.
fn low_bits(n: usize) -> u128 {
    if n >= 128 {
        u128::MAX
    } else {
        (1u128 << n) - 1
    }
}

/// [`run_penalty`] of a line in bits.
fn bit_run_penalty(line: u128, width: usize) -> u16 {
    // Bit j: module j differs from module j + 1, and the end of the line closes a run.
    let mut ends = ((line ^ (line >> 1)) & low_bits(width - 1)) | (1u128 << (width - 1));
    let mut score = 0u16;
    let mut start = 0u32;
    while ends != 0 {
        let end = ends.trailing_zeros();
        let length = (end - start + 1) as u16;
        if length >= 5 {
            score = score.wrapping_add(length - 2);
        }
        start = end + 1;
        ends &= ends - 1;
    }
    score
}

/// [`finder_penalty`] of a line in bits.
fn bit_finder_penalty(line: u128, width: usize) -> u16 {
    // `#.###.#` reads the same either way, so bit order does not matter.
    const PATTERN: u128 = 0b101_1101;
    if width < 7 {
        return 0;
    }
    // Bit j: modules j to j + 6 are the pattern. Found for every j at once, so only
    // the few places where it occurs are looked at one by one.
    let mut found = low_bits(width - 6);
    for k in 0..7 {
        let shifted = line >> k;
        found &= if (PATTERN >> k) & 1 == 1 {
            shifted
        } else {
            !shifted
        };
    }
    let mut score = 0u16;
    while found != 0 {
        let j = found.trailing_zeros() as usize;
        found &= found - 1;
        let before = j.saturating_sub(4);
        let dark_before = (line >> before) & low_bits(j - before) != 0;
        let after_end = (j + 11).min(width);
        let dark_after = after_end > j + 7 && (line >> (j + 7)) & low_bits(after_end - j - 7) != 0;
        if !dark_before || !dark_after {
            score = score.wrapping_add(40);
        }
    }
    score
}

/// The penalty of a masked code as `qrcode` computes it (its `compute_total_penalty_scores`
/// for normal codes, in its `u16` arithmetic): runs of five or more, 2×2 blocks, finder-like
/// patterns in rows and columns, and the dark/light balance.
fn penalty(dark: &[bool], width: usize) -> u16 {
    let at = |x: usize, y: usize| dark[y * width + x];
    let row = |i: usize| move |j: usize| at(j, i);
    let column = |i: usize| move |j: usize| at(i, j);
    let mut runs = 0u16;
    let mut finders = 0u16;
    for i in 0..width {
        runs = runs
            .wrapping_add(run_penalty(width, row(i)))
            .wrapping_add(run_penalty(width, column(i)));
        finders = finders
            .wrapping_add(finder_penalty(width, row(i)))
            .wrapping_add(finder_penalty(width, column(i)));
    }
    let mut blocks = 0u16;
    for y in 0..width - 1 {
        for x in 0..width - 1 {
            let this = at(x, y);
            if at(x + 1, y) == this && at(x, y + 1) == this && at(x + 1, y + 1) == this {
                blocks = blocks.wrapping_add(3);
            }
        }
    }
    let dark_count = dark.iter().filter(|d| **d).count();
    let ratio = dark_count * 200 / dark.len();
    let balance = ratio.abs_diff(100) as u16;
    // The crate takes 360 off each direction's finder score: the code's own finders.
    runs.wrapping_add(blocks)
        .wrapping_add(finders.wrapping_sub(720))
        .wrapping_add(balance)
}

/// Every run of 5 + n modules of one colour in a line costs 3 + n.
fn run_penalty(width: usize, get: impl Fn(usize) -> bool) -> u16 {
    let mut score = 0u16;
    let mut length = 1u16;
    for j in 1..=width {
        if j < width && get(j) == get(j - 1) {
            length += 1;
            continue;
        }
        if length >= 5 {
            score = score.wrapping_add(length - 2);
        }
        length = 1;
    }
    score
}

/// Every `#.###.#` in a line costs 40 unless both sides have a dark module within four
/// modules of it (outside the code counts as light).
fn finder_penalty(width: usize, get: impl Fn(usize) -> bool) -> u16 {
    const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
    let mut score = 0u16;
    for j in 0..width.saturating_sub(6) {
        if !(0..7).all(|k| get(j + k) == PATTERN[k]) {
            continue;
        }
        let dark_before = (j.saturating_sub(4)..j).any(&get);
        let dark_after = (j + 7..(j + 11).min(width)).any(&get);
        if !dark_before || !dark_after {
            score = score.wrapping_add(40);
        }
    }
    score
}

/// `qr_svg(text=page.permalink, label="手机扫码阅读")`.
pub struct QrFunction;

impl Function for QrFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let text = args.get("text").and_then(Value::as_str).ok_or_else(|| {
            tera::Error::msg(
                "`qr_svg` needs a string argument `text`, e.g. `qr_svg(text=page.permalink)`",
            )
        })?;
        let label = args
            .get("label")
            .and_then(Value::as_str)
            .unwrap_or("本页二维码");
        Ok(qr_svg(text, label).map_or(Value::Null, Value::String))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_is_inline_and_labelled() {
        let svg = qr_svg("https://kx.example.org/news/a/", "本页二维码").unwrap();
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\"本页二维码\""),
            "{svg}"
        );
        assert!(!svg.contains("<?xml"));
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }

    /// The picture the crate itself makes, which `qr_modules` must reproduce.
    fn crate_modules(text: &str) -> Vec<Color> {
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .unwrap()
            .into_colors()
    }

    #[test]
    fn modules_are_the_crates_for_urls_of_every_length() {
        // Lengths from a few characters to past version 10, digits, Chinese, odd bytes.
        let mut texts: Vec<String> = (0..60)
            .map(|n| format!("https://kx.example.org/news/n{n:06}/"))
            .collect();
        texts.extend(
            (1..300)
                .step_by(4)
                .map(|len| "门户科协ab/CD:09".chars().cycle().take(len).collect()),
        );
        texts.extend((1..40).map(|n| (7u128.pow(n) * u128::from(n)).to_string()));
        texts.push("https://kx.example.org/zh-hant/places/山西省/大同市/?q=a%20b#x".into());
        for text in &texts {
            let (modules, width) = qr_modules(text.as_bytes()).unwrap();
            assert_eq!(modules.len(), width * width);
            assert!(modules == crate_modules(text), "differs for {text:?}");
        }
    }

    #[test]
    fn the_penalty_on_bits_is_the_penalty_on_modules() {
        // Grids of every small width and of code sizes, dense, sparse and in between.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for width in (2..40).chain([57, 101, 127, 128]) {
            for density in [1u64, 3, 5, 7, 9] {
                let dark: Vec<bool> = (0..width * width).map(|_| next() % 10 < density).collect();
                let lines = BitLines::new(&dark, width).unwrap();
                assert_eq!(lines.penalty(), penalty(&dark, width), "width {width}");
            }
        }
        assert!(BitLines::new(&vec![false; 129 * 129], 129).is_none());
    }

    /// The modules `svg` paints dark, read back from its path (with the quiet zone),
    /// and its size and view box.
    fn painted(svg: &str) -> (Vec<Vec<bool>>, String) {
        let across: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let mut grid = vec![vec![false; across]; across];
        let path = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        for rect in path.split('z').filter(|r| !r.is_empty()) {
            // M{x} {y}h{n}v1h-{n}
            let rest = rect.strip_prefix('M').unwrap();
            let (x, rest) = rest.split_once(' ').unwrap();
            let (y, rest) = rest.split_once('h').unwrap();
            let (n, back) = rest.split_once("v1h-").unwrap();
            assert_eq!(n, back, "{rect}");
            let (x, y, n): (usize, usize, usize) =
                (x.parse().unwrap(), y.parse().unwrap(), n.parse().unwrap());
            for cell in &mut grid[y][x..x + n] {
                assert!(!*cell, "painted twice: {rect}");
                *cell = true;
            }
        }
        let size = svg
            .split("width=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        (grid, size)
    }

    #[test]
    fn the_svg_paints_the_crates_modules_at_the_crates_size() {
        let texts: Vec<String> = (1..400)
            .step_by(9)
            .map(|len| "门户科协ab/CD:09".chars().cycle().take(len).collect())
            .chain(["https://kx.example.org/news/n000042/".to_owned()])
            .collect();
        for text in &texts {
            let code =
                qrcode::QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
            let width = code.width();
            let svg = qr_svg(text, "本页二维码").unwrap();
            let (grid, size) = painted(&svg);
            let across = width + 2 * QUIET_ZONE;
            assert_eq!(grid.len(), across);
            let colors = code.to_colors();
            for (y, row) in grid.iter().enumerate() {
                for (x, dark) in row.iter().enumerate() {
                    let inside = QUIET_ZONE..QUIET_ZONE + width;
                    let expected = inside.contains(&x)
                        && inside.contains(&y)
                        && colors[(y - QUIET_ZONE) * width + x - QUIET_ZONE] == Color::Dark;
                    assert_eq!(*dark, expected, "{text:?} at ({x}, {y})");
                }
            }
            // The size the crate's renderer gives: whole units per module, at least 120.
            let unit = 120usize.div_ceil(across).max(1);
            assert_eq!(size, (across * unit).to_string(), "{text:?}");
        }
    }

    #[test]
    fn the_svg_text_is_the_one_pages_already_carry() {
        // Written by the first release with run-drawn SVG; a change here would rewrite
        // every article page of every site on its next build.
        let long: String = "门户科协ab/CD:09".chars().cycle().take(300).collect();
        let cases = [
            (
                "https://kx.example.org/news/a/",
                include_str!("../../tests/data/qr/short.svg"),
            ),
            (
                "https://kx.example.org/cases/c001202/",
                include_str!("../../tests/data/qr/article.svg"),
            ),
            (
                "https://kx.example.org/zh-hant/news/2026/%E5%B8%82%E7%A7%91%E5%8D%8F%E5%8F%AC%E5%BC%80%E5%B9%B4%E5%BA%A6%E5%B7%A5%E4%BD%9C%E4%BC%9A%E8%AE%AE/",
                include_str!("../../tests/data/qr/percent-encoded.svg"),
            ),
            (
                "https://kx.example.org/zh-hant/places/山西省/大同市/?q=a%20b#x",
                include_str!("../../tests/data/qr/chinese.svg"),
            ),
            (long.as_str(), include_str!("../../tests/data/qr/long.svg")),
        ];
        for (text, expected) in cases {
            let svg = qr_svg(text, "手机扫码阅读").unwrap();
            assert!(svg == expected, "the SVG of {text:?} changed");
        }
    }

    #[test]
    fn the_label_is_escaped() {
        let svg = qr_svg("https://kx.example.org/", "手机扫码 <阅读> & \"分享\"").unwrap();
        assert!(
            svg.contains("aria-label=\"手机扫码 &lt;阅读&gt; &amp; &quot;分享&quot;\""),
            "{svg}"
        );
    }

    #[test]
    fn too_long_a_text_has_no_code() {
        assert!(qr_svg(&"x".repeat(5000), "本页二维码").is_none());
    }
}
