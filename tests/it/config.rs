//! Configuration errors as editors and operators see them.

use crate::support::*;

#[test]
fn a_mistyped_key_names_its_line_and_the_valid_key() {
    let site = Site::minimal();
    site.write("site-config.toml", "base_url = \"https://kx.example.org\"\ntitle = \"门户\"\ngenerate_feed = true\ntitel = \"x\"\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "site-config.toml:4");
    assert_contains(&stderr, "titel");
    assert_contains(&stderr, "title");
}

#[test]
fn invalid_toml_names_the_line() {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        "base_url = \"https://kx.example.org\"\ntitle = \"门户\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "site-config.toml:2");
}

#[test]
fn zola_config_toml_is_accepted_with_one_line_warnings() {
    let site = Site::minimal();
    std::fs::remove_file(site.path("site-config.toml")).unwrap();
    // Zola's own documentation site sets `external_links_class` (issue #29).
    site.write(
        "config.toml",
        "base_url = \"https://kx.example.org\"\ntitle = \"门户\"\nminify_html = false\n[markdown]\nexternal_links_class = \"external\"\n",
    );
    let run = site.build();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning"))
        .collect();
    assert_eq!(warnings.len(), 2, "{}", run.stderr);
    assert_contains(warnings[0], "config.toml:3");
    assert_contains(warnings[0], "`minify_html` is a Zola setting");
    assert_contains(warnings[1], "config.toml:5");
    assert_contains(
        warnings[1],
        "`markdown.external_links_class` is a Zola setting",
    );
}

#[test]
fn no_config_at_all_says_how_to_start() {
    let site = Site::empty();
    site.write("content/_index.md", "+++\n+++\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "site-config.toml");
    assert_contains(&stderr, "menhu init");
}
