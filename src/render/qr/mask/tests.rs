//! The masking on bits against the `qrcode` crate: the same modules (hence the same
//! mask, the format information naming it) for codes of every size made here, and the
//! same penalty as the crate's rules read module by module.

use super::*;

/// `rows`, a module per `Color`, as the crate lists a code's modules.
fn colors_of(rows: &[u128]) -> Vec<Color> {
    let width = rows.len();
    (0..width * width)
        .map(|i| match (rows[i / width] >> (i % width)) & 1 {
            1 => Color::Dark,
            _ => Color::Light,
        })
        .collect()
}

#[test]
fn modules_are_the_crates_for_urls_of_every_length() {
    // Lengths from a few characters to the widest code made here: digits, plain URLs,
    // percent-encoded and raw Chinese, odd bytes.
    let mut texts: Vec<String> = (0..60)
        .map(|n| format!("https://kx.example.org/news/n{n:06}/"))
        .collect();
    texts.extend(
        (1..620)
            .step_by(7)
            .map(|len| "门户科协ab/CD:09".chars().cycle().take(len).collect()),
    );
    texts.extend((1..40).map(|n| (7u128.pow(n) * u128::from(n)).to_string()));
    texts.extend((1..12).map(|n| {
        let slug = "%E5%B8%82%E7%A7%91%E5%8D%8F".repeat(3 * n);
        format!("https://kx.example.org/news/{slug}/")
    }));
    texts.push("https://kx.example.org/zh-hant/places/山西省/大同市/?q=a%20b#x".into());
    // Around the widest code made here, and past it.
    texts.extend((0..8).map(|n| "x".repeat(900 + 50 * n)));
    let mut widths = std::collections::BTreeSet::new();
    for text in &texts {
        let code =
            qrcode::QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
        let rows = masked_rows(bits::encode_auto(text.as_bytes(), EcLevel::M).unwrap());
        let Some(rows) = rows else {
            assert!(code.width() > MAX_WIDTH, "no code for {text:?}");
            continue;
        };
        assert_eq!(rows.len(), code.width());
        assert!(colors_of(&rows) == code.to_colors(), "differs for {text:?}");
        widths.insert(rows.len());
    }
    // Versions 1 to 10 (21 to 57 modules), and codes past one word of 64 bits.
    for version in 1..=10 {
        assert!(widths.contains(&(17 + 4 * version)), "no version {version}");
    }
    assert!(widths.iter().any(|w| *w > 64) && widths.contains(&(MAX_WIDTH - 3)));
}

#[test]
fn codes_wider_than_a_word_are_left_to_the_crate() {
    let text = "x".repeat(1300);
    let bits = bits::encode_auto(text.as_bytes(), EcLevel::M).unwrap();
    assert!(bits.version().width() as usize > MAX_WIDTH);
    assert!(masked_rows(bits).is_none());
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
    for width in (2..40).chain([57, 64, 65, 101, 127, 128]) {
        for density in [1u64, 3, 5, 7, 9] {
            let dark: Vec<bool> = (0..width * width).map(|_| next() % 10 < density).collect();
            let rows: Vec<u128> = dark
                .chunks_exact(width)
                .map(|row| (0..width).fold(0, |r, x| r | u128::from(row[x]) << x))
                .collect();
            assert_eq!(
                penalty(&rows),
                module_penalty(&dark, width),
                "width {width}"
            );
        }
    }
}

#[test]
fn each_mask_row_is_the_crates_formula_across_every_row_and_the_whole_word() {
    for (i, pattern) in MASKS.into_iter().enumerate() {
        assert_eq!(
            pattern as usize, i,
            "MASK_ROWS and FORMAT_INFO_M are in this order"
        );
        for y in 0..128 {
            let row = MASK_ROWS[i][y % 12];
            for x in 0..128 {
                assert_eq!((row >> x) & 1 == 1, inverts(pattern, x, y), "({x}, {y})");
            }
        }
    }
}

/// The penalty as the crate's `compute_total_penalty_scores` reads it, module by module,
/// in its `u16` arithmetic: the rules [`penalty`] must follow.
fn module_penalty(dark: &[bool], width: usize) -> u16 {
    let at = |x: usize, y: usize| dark[y * width + x];
    let row = |i: usize| move |j: usize| at(j, i);
    let column = |i: usize| move |j: usize| at(i, j);
    let mut runs = 0u16;
    let mut finders = 0u16;
    for i in 0..width {
        runs = runs
            .wrapping_add(module_runs(width, row(i)))
            .wrapping_add(module_runs(width, column(i)));
        finders = finders
            .wrapping_add(module_finders(width, row(i)))
            .wrapping_add(module_finders(width, column(i)));
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
    runs.wrapping_add(blocks)
        .wrapping_add(finders.wrapping_sub(720))
        .wrapping_add(balance)
}

/// Every run of 5 + n modules of one colour in a line costs 3 + n.
fn module_runs(width: usize, get: impl Fn(usize) -> bool) -> u16 {
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
fn module_finders(width: usize, get: impl Fn(usize) -> bool) -> u16 {
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
