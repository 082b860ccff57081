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
    site.write(
        "config.toml",
        "base_url = \"https://kx.example.org\"\ntitle = \"门户\"\ncompile_sass = false\n",
    );
    let run = site.build();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("compile_sass"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert_contains(warnings[0], "config.toml:3");
}

#[test]
fn no_config_at_all_says_how_to_start() {
    let site = Site::empty();
    site.write("content/_index.md", "+++\n+++\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "site-config.toml");
    assert_contains(&stderr, "menhu init");
}
