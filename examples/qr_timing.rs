//! Times `qr_svg`, the QR code every article page carries, on 10,000 distinct article
//! URLs like a portal's (a quarter of them with a percent-encoded Chinese slug), and
//! prints the time per call: the best of five rounds, so other work on the machine
//! counts as little as it can.
//!
//! ```text
//! cargo run --release --example qr_timing
//! ```

use std::hint::black_box;
use std::time::Instant;

use menhu::render::qr::qr_svg;

fn main() {
    let urls: Vec<String> = (0..10_000)
        .map(|n| match n % 4 {
            0 => format!("https://kx.example.org/news/n{n:06}/"),
            1 => format!("https://kx.example.org/cases/c{n:06}/"),
            2 => format!("https://kx.example.org/zh-hant/notices/2026/notice-{n}/"),
            _ => format!(
                "https://kx.example.org/news/%E5%B8%82%E7%A7%91%E5%8D%8F%E5%B7%A5%E4%BD%9C-{n}/"
            ),
        })
        .collect();
    let mut best = f64::MAX;
    let mut bytes = 0;
    for _ in 0..5 {
        let start = Instant::now();
        bytes = 0;
        for url in &urls {
            bytes += black_box(qr_svg(black_box(url), "手机扫码阅读")).map_or(0, |s| s.len());
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let per_call = best * 1e6 / urls.len() as f64;
    println!(
        "{per_call:.2} µs per call ({} calls, {bytes} bytes of SVG)",
        urls.len()
    );
}
