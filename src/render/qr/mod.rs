//! QR codes of page URLs as inline SVG (no script, no image request), so visitors can
//! open an article on their phone. Exposed to templates as `qr_svg(text=…)`. The SVG
//! names the text it holds (`data-qr`), so the Traditional copy of a page can draw the
//! code of its own address instead ([`crate::render::traditional`]).
//!
//! Every article page carries one, so the code is made the `qrcode` crate's way (same
//! segments, version, error correction and mask, hence the same picture) but masked and
//! scored in [`mask`] on rows of bits, the crate's canvas read once (its own masking
//! clones the canvas for each of the eight masks and scores it a module at a time, and
//! was the largest item of a portal build's profile). Only codes wider than 128 modules,
//! of texts over a thousand bytes, are left to the crate whole. The SVG is drawn here in
//! module units, a rectangle per run of dark modules, in a third of the text the crate's
//! renderer writes.

mod mask;

use std::collections::HashMap;

use qrcode::{Color, EcLevel, QrCode, bits};
use tera::{Function, Value};

/// An inline `<svg>` QR code of `text`, labelled for screen readers; `None` when the
/// text is too long for a QR code.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let bits = bits::encode_auto(text.as_bytes(), EcLevel::M).ok()?;
    let width = usize::try_from(bits.version().width()).ok()?;
    if width <= mask::MAX_WIDTH {
        let rows = mask::masked_rows(bits)?;
        let runs = rows
            .iter()
            .enumerate()
            .flat_map(|(y, row)| bit_runs(*row).map(move |(x, length)| Run { x, y, length }));
        return Some(svg_of(text, width, runs, label));
    }
    let modules = QrCode::with_bits(bits, EcLevel::M).ok()?.into_colors();
    let runs = modules
        .chunks_exact(width)
        .enumerate()
        .flat_map(|(y, row)| dark_runs(row).map(move |(x, length)| Run { x, y, length }));
    Some(svg_of(text, width, runs, label))
}

/// Modules of quiet zone on each side.
const QUIET_ZONE: usize = 4;
/// The smallest width and height of the picture, in SVG units.
const MIN_SIZE: usize = 120;

/// A run of dark modules in a row of the code: its first module, its row and its length.
struct Run {
    x: usize,
    y: usize,
    length: usize,
}

/// The picture of the code of `text`, `width` modules wide, whose dark modules are
/// `runs` (with a quiet zone of four modules, at least 120 units wide, dark `#111111` on
/// `#ffffff`), labelled. Drawn in module units (the view box is the code's width in
/// modules), one rectangle per run: the picture the `qrcode` crate's renderer draws, in a
/// third of its text (it writes each dark module as its own square in scaled units),
/// which every article page and its Traditional copy carry.
fn svg_of(text: &str, width: usize, runs: impl Iterator<Item = Run>, label: &str) -> String {
    let across = width + 2 * QUIET_ZONE;
    let size = MIN_SIZE.div_ceil(across).max(1) * across;
    let label = crate::html_text::escape(label);
    let text = crate::html_text::escape(text);
    let mut svg = String::with_capacity(400 + width * width * 3);
    svg.push_str(&format!(
        concat!(
            r#"<svg role="img" aria-label="{label}" class="qr-code" data-qr="{text}" "#,
            r#"xmlns="http://www.w3.org/2000/svg" version="1.1" width="{size}" height="{size}""#,
            r#" viewBox="0 0 {across} {across}" shape-rendering="crispEdges">"#,
            r##"<rect width="{across}" height="{across}" fill="#ffffff"/>"##,
            r##"<path fill="#111111" d=""##,
        ),
        label = label,
        text = text,
        size = size,
        across = across,
    ));
    for Run { x, y, length } in runs {
        // M{left} {top}h{length}v1h-{length}z
        svg.push('M');
        push_number(&mut svg, x + QUIET_ZONE);
        svg.push(' ');
        push_number(&mut svg, y + QUIET_ZONE);
        svg.push('h');
        push_number(&mut svg, length);
        svg.push_str("v1h-");
        push_number(&mut svg, length);
        svg.push('z');
    }
    svg.push_str(r#""/></svg>"#);
    svg
}

/// Appends `n` in decimal a digit at a time: a code has some hundred runs of four numbers
/// each, and pushing a character costs less than formatting or copying a string.
fn push_number(svg: &mut String, n: usize) {
    if n >= 10 {
        push_number(svg, n / 10);
    }
    // `as`: a single digit.
    svg.push(char::from(b'0' + (n % 10) as u8));
}

/// The runs of dark modules of a row in bits (module x in bit x): (first module, length).
fn bit_runs(mut row: u128) -> impl Iterator<Item = (usize, usize)> {
    let mut x = 0;
    std::iter::from_fn(move || {
        if row == 0 {
            return None;
        }
        let start = x + row.trailing_zeros();
        row >>= row.trailing_zeros();
        let length = row.trailing_ones();
        row = row.checked_shr(length).unwrap_or(0);
        x = start + length;
        Some((start as usize, length as usize))
    })
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
            // Wider than a word of 128 bits: the crate's own masking.
            .chain(["x".repeat(1300)])
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
                include_str!("../../../tests/data/qr/short.svg"),
            ),
            (
                "https://kx.example.org/cases/c001202/",
                include_str!("../../../tests/data/qr/article.svg"),
            ),
            (
                "https://kx.example.org/zh-hant/news/2026/%E5%B8%82%E7%A7%91%E5%8D%8F%E5%8F%AC%E5%BC%80%E5%B9%B4%E5%BA%A6%E5%B7%A5%E4%BD%9C%E4%BC%9A%E8%AE%AE/",
                include_str!("../../../tests/data/qr/percent-encoded.svg"),
            ),
            (
                "https://kx.example.org/zh-hant/places/山西省/大同市/?q=a%20b#x",
                include_str!("../../../tests/data/qr/chinese.svg"),
            ),
            (
                long.as_str(),
                include_str!("../../../tests/data/qr/long.svg"),
            ),
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
