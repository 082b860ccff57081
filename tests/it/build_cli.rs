//! The build command end to end: output tree, exit codes, atomic replacement.

use crate::support::*;

#[test]
fn builds_a_minimal_site() {
    let site = Site::minimal();
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/news/2024-05-01-hui-ju.md",
        "+++\ntitle = \"汇聚资源\"\n+++\n正文。\n",
    );
    site.build();
    assert_contains(&site.output("index.html"), "首页");
    assert_contains(&site.output("news/index.html"), "汇聚资源");
    assert_contains(&site.output("news/hui-ju/index.html"), "<p>正文。</p>");
}
