//! Inputs the fuzz targets in `fuzz/` found to crash, hang or blow up, replayed as
//! ordinary tests so that CI checks them without the fuzzer. Each test names what the
//! input was and asserts on the bounded, reported outcome.

use crate::support::Site;

/// Shortcode templates like those of the fuzzed demo theme.
fn site_with_shortcodes() -> Site {
    let site = Site::minimal();
    site.write(
        "templates/shortcodes/note.html",
        "<aside>{{ body }}</aside>",
    );
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site
}

fn count_in(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn thousands_of_unknown_shortcodes_on_one_line_report_a_bounded_number_of_errors() {
    let site = site_with_shortcodes();
    let body = "{{ nope() }}".repeat(5000);
    site.write(
        "content/news/a.md",
        &format!("+++\ntitle = \"甲\"\n+++\n{body}\n"),
    );
    let report = site.build_fails();
    let shown = count_in(&report, "unknown shortcode `nope`");
    assert!(shown <= 101, "{shown} copies of the error");
    assert!(
        report.contains("4900 more problems in this page not shown"),
        "{}",
        &report[..report.len().min(2000)]
    );
}

#[test]
fn thousands_of_unclosed_block_shortcodes_report_a_bounded_number_of_errors() {
    let site = site_with_shortcodes();
    let body = "{% note() %}\n".repeat(4000);
    site.write(
        "content/news/a.md",
        &format!("+++\ntitle = \"甲\"\n+++\n{body}"),
    );
    let report = site.build_fails();
    assert!(count_in(&report, "has no `{% end %}`") <= 100);
    assert!(report.contains("3900 more problems in this page not shown"));
    assert!(
        report.contains("content/news/a.md:4:1"),
        "the first is placed"
    );
}

#[test]
fn thousands_of_broken_internal_links_report_a_bounded_number_of_errors() {
    let site = site_with_shortcodes();
    let body = "[x](@/nope.md)\n".repeat(4000);
    site.write(
        "content/news/a.md",
        &format!("+++\ntitle = \"甲\"\n+++\n{body}"),
    );
    let report = site.build_fails();
    assert!(count_in(&report, "E0210") <= 101, "bounded");
    assert!(report.contains("3900 more problems in this page not shown"));
}

#[test]
fn thousands_of_images_without_alt_text_give_a_bounded_number_of_warnings() {
    let site = site_with_shortcodes();
    let body = "![](a.png)".repeat(3000);
    site.write(
        "content/news/a.md",
        &format!("+++\ntitle = \"甲\"\n+++\n{body}\n"),
    );
    let run = site.build();
    assert!(count_in(&run.stderr, "has no alt text") <= 100);
    assert!(
        run.stderr
            .contains("2900 more images without alt text not shown"),
        "{}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
}
