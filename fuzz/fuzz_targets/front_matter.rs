//! A content file's bytes → decoded text → front matter split → TOML or YAML page and
//! section metadata, with every diagnostic rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use menhu::content::{decode, front_matter, meta};
use menhu_fuzz::{page_file, render_all};

fuzz_target!(|data: &[u8]| {
    let text = match decode::decode(page_file(), data) {
        Ok(text) => text,
        Err(d) => {
            render_all(&[d]);
            return;
        }
    };
    if let Ok(split) = front_matter::split(&text) {
        assert_eq!(text.get(split.body_start..), Some(split.body));
        assert_eq!(
            text.get(split.front_start..split.front_start + split.front.len()),
            Some(split.front)
        );
    }
    match meta::parse_page(page_file(), &text) {
        Ok(parsed) => render_all(&parsed.warnings),
        Err(problems) => render_all(&problems),
    };
    match meta::parse_section(page_file(), &text) {
        Ok(parsed) => render_all(&parsed.warnings),
        Err(problems) => render_all(&problems),
    };
});
