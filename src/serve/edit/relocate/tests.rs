//! Where a page's section is, how its aliases change, and a move undone midway.

use super::*;

#[test]
fn a_page_is_in_the_section_of_its_folder_a_bundle_in_the_one_above() {
    assert_eq!(section_of("content/news/a.md"), "news");
    assert_eq!(section_of("content/news/tzgg/b/index.md"), "news/tzgg");
    assert_eq!(section_of("content/a.md"), "");
}

#[test]
fn the_old_address_is_added_to_aliases_and_the_new_one_taken_out() {
    let toml = "+++\ntitle = \"通知\"   # 标题\naliases = [\"/old/1.html\", \"/tzgg/a/\"]\n\n[extra]\nx = 1\n+++\n正文\n";
    let out = aliases_with(toml, "/news/a/", Some("/tzgg/a/")).unwrap();
    assert_eq!(
        out,
        "+++\ntitle = \"通知\"   # 标题\naliases = [\"/old/1.html\", \"/news/a/\"]\n\n[extra]\nx = 1\n+++\n正文\n"
    );
    let yaml = "---\ntitle: 通知\ndate: 2026-12-01\n---\n正文\n";
    let out = aliases_with(yaml, "/news/a/", Some("/tzgg/a/")).unwrap();
    assert_eq!(
        out,
        "---\ntitle: 通知\ndate: 2026-12-01\naliases: [\"/news/a/\"]\n---\n正文\n"
    );
}

#[test]
fn a_move_failing_midway_is_undone() {
    let site = tempfile::tempdir().unwrap();
    let at = |rel: &str| site.path().join(rel);
    std::fs::create_dir_all(at("content/news")).unwrap();
    std::fs::create_dir_all(at("content/tzgg")).unwrap();
    std::fs::write(at("content/news/a.md"), "A").unwrap();
    std::fs::write(at("content/news/.a.review.txt"), "送审\n").unwrap();
    std::fs::write(at("content/news/b.md"), "[a](@/news/a.md)").unwrap();
    // The second linking page cannot be written: a folder stands in its place.
    std::fs::create_dir_all(at("content/news/c.md")).unwrap();
    let path = |rel: &str| SitePath {
        rel: rel.to_owned(),
        full: at(rel),
    };
    let linking = |rel: &str| Linking {
        path: rel.to_owned(),
        title: rel.to_owned(),
        full: at(rel),
        text: "[a](@/news/a.md)".to_owned(),
    };
    let planned = Move {
        page: path("content/news/a.md"),
        text: "A".to_owned(),
        title: "A".to_owned(),
        item: path("content/news/a.md"),
        new_item: path("content/tzgg/a.md"),
        new_page: path("content/tzgg/a.md"),
        notes: Some((
            path("content/news/.a.review.txt"),
            path("content/tzgg/.a.review.txt"),
        )),
        from: ("news".into(), "新闻".into()),
        to: ("tzgg".into(), "通知公告".into()),
        alias: Some("/news/a/".into()),
        new_url: Some("/tzgg/a/".into()),
        linking: vec![linking("content/news/b.md"), linking("content/news/c.md")],
        tracked: false,
    };
    let from = ("@/news/a.md".to_owned(), false);
    let to = ("@/tzgg/a.md".to_owned(), false);
    let refused = carry_out(&planned, "A with an alias", &from, &to)
        .err()
        .unwrap();
    assert_eq!(refused.status, 500);
    assert!(
        refused.message.starts_with("没有移动，稿件还在原处"),
        "{}",
        refused.message
    );
    assert_eq!(
        std::fs::read_to_string(at("content/news/a.md")).unwrap(),
        "A"
    );
    assert!(at("content/news/.a.review.txt").is_file());
    assert_eq!(
        std::fs::read_to_string(at("content/news/b.md")).unwrap(),
        "[a](@/news/a.md)"
    );
    assert_eq!(std::fs::read_dir(at("content/tzgg")).unwrap().count(), 0);
    assert_eq!(std::fs::read_dir(at("content/news")).unwrap().count(), 4);
}
