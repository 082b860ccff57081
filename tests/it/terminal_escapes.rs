//! Control characters in a site's files never reach the terminal raw (issue #25,
//! finding 7): an `org` that would retitle the window and clear the screen, a config
//! value that would move the cursor, a carriage return that would overwrite the line.
//! Messages show them as visible escapes, in every output format meant for people.

use crate::support::{MINIMAL_CONFIG, Site, assert_contains};

/// Sets the window title, rings the bell, clears the screen, homes the cursor, then a
/// carriage return and text reversed by a right-to-left override (TOML escapes).
const HOSTILE: &str = "\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[H\\r已审核\\u202Etxt.exe";

fn assert_no_raw_controls(output: &str) {
    let raw: Vec<char> = output
        .chars()
        .filter(|c| (c.is_control() && !matches!(c, '\n' | '\t')) || *c == '\u{202e}')
        .collect();
    assert!(
        raw.is_empty(),
        "raw control characters {raw:?} in:\n{output}"
    );
}

#[test]
fn an_org_with_escape_sequences_is_shown_escaped() {
    let site = Site::minimal();
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\n+++\n",
    );
    site.write(
        "content/orgs/kx.md",
        "+++\ntitle = \"梧州市科学技术协会\"\nlevel = \"city\"\n+++\n",
    );
    site.write(
        "content/a.md",
        &format!("+++\ntitle = \"活动\"\norg = \"{HOSTILE}\"\n+++\n正文。\n"),
    );
    let run = site.build();
    assert_contains(
        &run.stderr,
        "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{1b}[H\\u{d}已审核\\u{202e}txt.exe",
    );
    assert_no_raw_controls(&run.stderr);
    for format in ["human", "github"] {
        let run = site.menhu(&["check", "--format", format]);
        let out = format!("{}{}", run.stdout, run.stderr);
        assert_contains(&out, "pwned");
        assert_no_raw_controls(&out);
    }
}

#[test]
fn a_config_value_with_escape_sequences_is_shown_escaped() {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[regions]\ndefault_province = \"{HOSTILE}\"\n"),
    );
    site.write(
        "content/a.md",
        &format!("+++\ntitle = \"活动\"\ncity = \"梧州{HOSTILE}\"\n+++\n正文。\n"),
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "site-config.toml:4");
    assert_contains(&stderr, "content/a.md:3");
    assert_contains(&stderr, "\\u{1b}[2J");
    assert_no_raw_controls(&stderr);
}
