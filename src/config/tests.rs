//! Tests of loading and validating the site configuration.

use std::path::{Path, PathBuf};

use super::*;
use crate::diag::{Diagnostic, Severity, Span};

fn parse_ok(file: &str, text: &str) -> (Config, Vec<Diagnostic>) {
    match Config::parse(Path::new(file), text) {
        Ok(done) => done,
        Err(errors) => panic!("expected {file} to load, got {errors:#?}"),
    }
}

fn parse_err(file: &str, text: &str) -> Vec<Diagnostic> {
    match Config::parse(Path::new(file), text) {
        Ok((config, _)) => panic!("expected errors, got {config:#?}"),
        Err(errors) => errors,
    }
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&str> {
    diagnostics.iter().map(|d| d.code).collect()
}

fn place_of(d: &Diagnostic) -> (u32, u32) {
    let span = d.span.unwrap_or(Span::point(0, 0));
    (span.line, span.column)
}

const MINIMAL: &str = "base_url = \"https://kx.example.org/\"\ntitle = \"某某市科协\"\n";

#[test]
fn minimal_file_gets_menhu_defaults() {
    let (config, warnings) = parse_ok("site-config.toml", MINIMAL);
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(config.file, Path::new("site-config.toml"));
    assert_eq!(config.base_url, "https://kx.example.org");
    assert_eq!(config.title, "某某市科协");
    assert_eq!(config.default_language, "zh-Hans");
    assert_eq!(config.output_dir, "public");
    assert!(config.generate_feeds && config.generate_sitemap && config.generate_robots_txt);
    assert!(!config.build_search_index);
    assert_eq!(config.feed_filenames, ["atom.xml", "rss.xml"]);
    let names: Vec<&str> = config.taxonomies.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["tags", "categories"]);
    assert_eq!(config.taxonomies[0].paginate_path, "page");
    assert!(config.taxonomies[0].render && !config.taxonomies[0].feed);
    assert!(config.markdown.highlight_code);
    assert_eq!(config.markdown.insert_anchor_links, "none");
    assert!(config.markdown.render_raw_html && config.markdown.hard_wraps);
    assert_eq!(config.slugify.paths, SlugStrategy::On);
    assert_eq!(config.slugify.taxonomies, SlugStrategy::On);
    assert_eq!(config.slugify.anchors, SlugStrategy::Safe);
    assert_eq!(config.summary_chars, 120);
    assert_eq!(config.paginate_by, None);
    assert!(config.extra.is_empty());
}

#[test]
fn zola_config_toml_gets_zola_defaults() {
    let (config, _) = parse_ok("config.toml", MINIMAL);
    assert!(!config.generate_feeds);
    assert!(config.taxonomies.is_empty());
    assert!(!config.markdown.highlight_code && !config.markdown.hard_wraps);
    assert_eq!(config.default_language, "zh-Hans");
}

#[test]
fn line_breaks_are_kept_by_default_on_chinese_menhu_sites_only() {
    let site = |extra: &str| parse_ok("site-config.toml", &format!("{MINIMAL}{extra}")).0;
    for language in ["zh", "zh-Hant", "zh-Hans-CN"] {
        let config = site(&format!("default_language = \"{language}\"\n"));
        assert!(config.markdown.hard_wraps, "{language}");
    }
    for language in ["en", "ug", "zhx"] {
        let config = site(&format!("default_language = \"{language}\"\n"));
        assert!(!config.markdown.hard_wraps, "{language}");
    }
    let off = site("[markdown]\nhard_wraps = false\n");
    assert!(!off.markdown.hard_wraps);
    let on = site("default_language = \"en\"\n[markdown]\nhard_wraps = true\n");
    assert!(on.markdown.hard_wraps);
}

#[test]
fn full_file_sets_every_key() {
    let text = r#"
base_url = "http://www.kx.example.gov.cn"
title = "梧州市科学技术协会"
description = "梧州科协门户"
author = "梧州市科协办公室"
default_language = "zh-Hans"
theme = "portal"
output_dir = "dist"
build_search_index = true
generate_feeds = false
feed_filenames = ["rss.xml"]
generate_sitemap = false
generate_robots_txt = false
summary_chars = 80
paginate_by = 15
ignored_content = ["*.bak", "drafts/**"]
ignored_static = ["*.psd"]

[[taxonomies]]
name = "cities"
paginate_by = 30
paginate_path = "p"
feed = true
render = false

[markdown]
highlight_code = false
highlight_theme = "Solarized (light)"
insert_anchor_links = "right"
smart_punctuation = true
external_links_target_blank = true
external_links_no_follow = true
external_links_no_referrer = true
render_raw_html = false
hard_wraps = false

[slugify]
paths = "safe"
taxonomies = "off"
anchors = "on"
paths_keep_dates = true

[extra]
icp = "桂ICP备00000000号"
phone = 7712800000
founded = 1958-06-01
[extra.footer]
links = ["a", "b"]
"#;
    let (config, warnings) = parse_ok("site-config.toml", text);
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(config.base_url, "http://www.kx.example.gov.cn");
    assert_eq!(config.description.as_deref(), Some("梧州科协门户"));
    assert_eq!(config.author.as_deref(), Some("梧州市科协办公室"));
    assert_eq!(config.theme.as_deref(), Some("portal"));
    assert_eq!(config.output_dir, "dist");
    assert!(config.build_search_index && !config.generate_feeds);
    assert!(!config.generate_sitemap && !config.generate_robots_txt);
    assert_eq!(config.feed_filenames, ["rss.xml"]);
    assert_eq!((config.summary_chars, config.paginate_by), (80, Some(15)));
    assert_eq!(config.ignored_content, ["*.bak", "drafts/**"]);
    assert_eq!(config.ignored_static, ["*.psd"]);
    assert_eq!(
        config.taxonomies,
        [TaxonomyConfig {
            name: "cities".into(),
            paginate_by: Some(30),
            paginate_path: "p".into(),
            feed: true,
            render: false
        }]
    );
    let m = &config.markdown;
    assert!(!m.highlight_code && m.smart_punctuation && !m.render_raw_html && !m.hard_wraps);
    assert!(
        m.external_links_target_blank && m.external_links_no_follow && m.external_links_no_referrer
    );
    assert_eq!(
        (m.highlight_theme.as_str(), m.insert_anchor_links.as_str()),
        ("Solarized (light)", "right")
    );
    assert_eq!(
        config.slugify,
        SlugifyConfig {
            paths: SlugStrategy::Safe,
            taxonomies: SlugStrategy::Off,
            anchors: SlugStrategy::On,
            paths_keep_dates: true
        }
    );
    assert_eq!(config.extra["icp"], "桂ICP备00000000号");
    assert_eq!(config.extra["phone"], 7712800000_i64);
    assert_eq!(config.extra["founded"], "1958-06-01");
    assert_eq!(config.extra["footer"]["links"][1], "b");
}

/// The benchmark's Zola 0.22 configuration, as generated.
const ZOLA_BENCH: &str = r#"# Zola >= 0.22 config for the 科协 benchmark corpus (generated by gen_corpus.py)
base_url = "https://kx.example.org"
title = "科协门户"
description = "基准测试用科协门户站点"
default_language = "zh"
compile_sass = false
minify_html = false
build_search_index = false
generate_feeds = false
generate_sitemap = false
generate_robots_txt = false

taxonomies = [
  { name = "tags", feed = false, paginate_by = 20 },
  { name = "cities", feed = false, paginate_by = 20 },
]

[markdown]
# Zola 0.22 replaced `highlight_code = true` with [markdown.highlighting] (Giallo);
# setting a theme turns highlighting on.
insert_anchor_links = "none"

[markdown.highlighting]
theme = "github-light"
style = "inline"

[slugify]
# keep Chinese in taxonomy/anchor URLs, as Hugo does by default
paths = "on"
taxonomies = "safe"
anchors = "safe"
"#;

#[test]
fn zola_bench_config_loads_with_warnings() {
    let (config, warnings) = parse_ok("config.toml", ZOLA_BENCH);
    let summary: Vec<(&str, (u32, u32))> = warnings.iter().map(|w| (w.code, place_of(w))).collect();
    assert_eq!(summary, [("W0101", (7, 1)), ("W0102", (25, 9))]);
    assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
    assert!(
        warnings[0]
            .message
            .contains("`minify_html` is a Zola setting menhu does not use")
    );
    assert!(!config.compile_sass);
    assert_eq!(config.default_language, "zh-Hans");
    assert!(config.markdown.highlight_code);
    assert_eq!(config.markdown.highlight_theme, "github-light");
    let taxonomies: Vec<(&str, Option<usize>)> = config
        .taxonomies
        .iter()
        .map(|t| (t.name.as_str(), t.paginate_by))
        .collect();
    assert_eq!(taxonomies, [("tags", Some(20)), ("cities", Some(20))]);
    assert_eq!(config.slugify.taxonomies, SlugStrategy::Safe);
    assert!(!config.generate_feeds && !config.generate_sitemap);
}

#[test]
fn zola_only_tables_and_nested_keys_are_warnings() {
    let text = r#"base_url = "https://a.example"
[markdown]
render_emoji = true
external_links_class = "external"
[markdown.highlighting]
light_theme = "x"
[link_checker]
skip_prefixes = ["http://x"]
[languages.en]
title = "CAST"
[[taxonomies]]
name = "tags"
lang = "zh"
"#;
    let (_, warnings) = parse_ok("config.toml", text);
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warnings.len(), 6, "{messages:#?}");
    assert!(codes(&warnings).iter().all(|c| *c == "W0101"));
    // Zola's docs site sets it: a warning, never the unknown-key error.
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("`markdown.external_links_class`"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("`markdown.render_emoji`"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("`taxonomies[0].lang`"))
    );
    assert!(messages.iter().any(|m| m.starts_with("`languages`")));
}

#[test]
fn unknown_top_level_key_is_placed_with_a_suggestion() {
    let errors = parse_err(
        "site-config.toml",
        "base_url = \"https://a.example\"\n  titel = \"科协\"\n",
    );
    assert_eq!(codes(&errors), ["E0101"]);
    let error = &errors[0];
    assert_eq!(error.message, "unknown key `titel`");
    assert_eq!(place_of(error), (2, 3));
    assert_eq!(error.help.as_deref(), Some("did you mean `title`?"));
    assert_eq!(error.file.as_deref(), Some(Path::new("site-config.toml")));
    assert!(
        error
            .expected
            .as_deref()
            .unwrap_or_default()
            .contains("`base_url`")
    );
}

#[test]
fn unknown_key_in_a_table_names_the_table() {
    let text = "base_url = \"https://a.example\"\n[markdown]\nsmart_punctuatoin = true\n";
    let errors = parse_err("site-config.toml", text);
    assert_eq!(codes(&errors), ["E0101"]);
    assert_eq!(
        errors[0].message,
        "unknown key `smart_punctuatoin` in `[markdown]`"
    );
    assert_eq!(place_of(&errors[0]), (3, 1));
    assert_eq!(
        errors[0].help.as_deref(),
        Some("did you mean `smart_punctuation`?")
    );
}

#[test]
fn a_top_level_key_appended_after_a_table_is_told_to_move_up() {
    let text = "base_url = \"https://a.example\"\ntitle = \"t\"\n\n[[check.forbidden]]\nterm = \"x\"\nbuild_cache = true\n";
    let errors = parse_err("site-config.toml", text);
    assert_eq!(codes(&errors), ["E0101"]);
    assert_eq!(place_of(&errors[0]), (6, 1));
    let help = errors[0].help.as_deref().unwrap_or_default();
    assert!(
        help.starts_with("`build_cache` belongs at the top of the file"),
        "{help}"
    );
    assert!(help.contains("(here `[check.forbidden"), "{help}");
}

#[test]
fn misspelt_table_and_dashed_key_are_suggested() {
    let text = "base-url = \"https://a.example\"\n[markdwon]\nsmart_punctuation = true\n";
    let errors = parse_err("site-config.toml", text);
    let found: Vec<(&str, &str, (u32, u32))> = errors
        .iter()
        .map(|e| (e.code, e.help.as_deref().unwrap_or_default(), place_of(e)))
        .collect();
    assert!(
        found.contains(&("E0101", "did you mean `base_url`?", (1, 1))),
        "{found:#?}"
    );
    assert!(
        found.contains(&("E0101", "did you mean `markdown`?", (2, 2))),
        "{found:#?}"
    );
    // base_url counts as missing, since only its misspelling is there.
    assert!(
        found.iter().any(|(code, ..)| *code == "E0103"),
        "{found:#?}"
    );
}

#[test]
fn all_unknown_keys_are_reported_together() {
    let text = "base_url = \"https://a.example\"\ntitel = 1\nzzz = 2\n[slugify]\npath = \"on\"\n[[taxonomies]]\nname = \"tags\"\npagination = 3\n";
    let errors = parse_err("site-config.toml", text);
    let found: Vec<(&str, (u32, u32))> = errors
        .iter()
        .map(|e| (e.message.as_str(), place_of(e)))
        .collect();
    assert_eq!(
        found,
        [
            ("unknown key `titel`", (2, 1)),
            ("unknown key `zzz`", (3, 1)),
            ("unknown key `path` in `[slugify]`", (5, 1)),
            ("unknown key `pagination` in `[taxonomies[0]]`", (8, 1)),
        ]
    );
    assert_eq!(
        errors[1].help.as_deref(),
        Some("remove it, or move values of your own under `[extra]`")
    );
    assert_eq!(errors[2].help.as_deref(), Some("did you mean `paths`?"));
}

#[test]
fn unknown_keys_are_still_all_reported_beside_a_type_error() {
    let text = "base-url = \"https://a.example\"\ntitel = \"科协\"\n[markdwon]\nx = 1\n[markdown]\nsmart_punctuation = \"yes\"\nfoo = 1\n";
    let errors = parse_err("site-config.toml", text);
    let found: Vec<(&str, (u32, u32))> = errors.iter().map(|e| (e.code, place_of(e))).collect();
    assert_eq!(
        found,
        [
            ("E0101", (1, 1)),
            ("E0101", (2, 1)),
            ("E0101", (3, 2)),
            ("E0102", (6, 21)),
            ("E0101", (7, 1))
        ]
    );
}

#[test]
fn wrong_type_is_placed_at_the_value_with_what_was_expected() {
    let text = "base_url = \"https://a.example\"\n[markdown]\nsmart_punctuation = \"yes\"\n";
    let errors = parse_err("site-config.toml", text);
    assert_eq!(codes(&errors), ["E0102"]);
    assert_eq!(place_of(&errors[0]), (3, 21));
    assert!(
        errors[0].message.contains("`markdown.smart_punctuation`"),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[0].expected.as_deref(), Some("a boolean"));
}

#[test]
fn unknown_enum_value_lists_the_choices() {
    let text = "base_url = \"https://a.example\"\n[slugify]\npaths = \"pinyin\"\n";
    let errors = parse_err("site-config.toml", text);
    assert_eq!(codes(&errors), ["E0102"]);
    assert_eq!(place_of(&errors[0]).0, 3);
    let expected = errors[0].expected.as_deref().unwrap_or_default();
    assert!(
        expected.contains("`on`") && expected.contains("`safe`"),
        "{expected}"
    );
}

#[test]
fn toml_syntax_error_is_placed() {
    let errors = parse_err(
        "site-config.toml",
        "base_url = \"https://a.example\"\ntitle = 科协\n",
    );
    assert_eq!(codes(&errors), ["E0106"]);
    assert_eq!(place_of(&errors[0]).0, 2);
    // The parser's reason in the reader's words, as the front matter's are.
    let half_quoted = parse_err(
        "site-config.toml",
        "base_url = \"https://a.example\"\ntitle = 梧州市科协\"\n",
    );
    assert_eq!(
        half_quoted[0].message_in(crate::diag::Lang::ZhHans),
        "TOML 语法错误：文字没有放在英文双引号里"
    );
}

#[test]
fn missing_base_url_is_an_error_with_an_example() {
    let errors = parse_err("site-config.toml", "title = \"科协\"\n");
    assert_eq!(codes(&errors), ["E0103"]);
    assert_eq!(errors[0].message, "missing `base_url`");
    assert!(
        errors[0]
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("base_url = \"https://")
    );
}

#[test]
fn base_url_must_be_absolute_http() {
    for bad in [
        "/",
        "kx.example.org",
        "ftp://kx.example.org",
        "https://",
        "https:// x.org",
    ] {
        let errors = parse_err("site-config.toml", &format!("base_url = \"{bad}\"\n"));
        assert_eq!(codes(&errors), ["E0103"], "{bad}");
        assert_eq!(place_of(&errors[0]), (1, 12), "{bad}");
    }
    let (config, _) = parse_ok(
        "site-config.toml",
        "base_url = \"https://a.example/sub//\"\n",
    );
    assert_eq!(config.base_url, "https://a.example/sub");
}

#[test]
fn taxonomy_names_must_be_present_and_unique() {
    let text = "base_url = \"https://a.example\"\ntaxonomies = [{ name = \"tags\" }, { name = \"\" }, { name = \"tags\" }, { feed = true }]\n";
    let errors = parse_err("site-config.toml", text);
    assert_eq!(codes(&errors), ["E0104", "E0104", "E0104"]);
    assert_eq!(errors[0].message, "taxonomy with an empty `name`");
    assert_eq!(errors[1].message, "taxonomy 「tags」 is declared twice");
    assert_eq!(
        errors[1].help.as_deref(),
        Some("remove this one; the first is on line 2")
    );
    assert_eq!(errors[2].message, "taxonomy without a `name`");
}

#[test]
fn page_sizes_must_be_positive() {
    let text = "base_url = \"https://a.example\"\npaginate_by = 0\ntaxonomies = [{ name = \"tags\", paginate_by = 0 }]\n";
    let errors = parse_err("site-config.toml", text);
    assert_eq!(codes(&errors), ["E0105", "E0105"]);
    assert_eq!(place_of(&errors[0]), (2, 15));
    let negative = parse_err(
        "site-config.toml",
        "base_url = \"https://a.example\"\npaginate_by = -1\n",
    );
    assert_eq!(codes(&negative), ["E0102"]);
}

#[test]
fn old_zola_feed_keys_are_understood() {
    let text =
        "base_url = \"https://a.example\"\ngenerate_feed = true\nfeed_filename = \"rss.xml\"\n";
    let (config, warnings) = parse_ok("config.toml", text);
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert!(config.generate_feeds);
    assert_eq!(config.feed_filenames, ["rss.xml"]);
}

#[test]
fn byte_order_mark_is_not_counted() {
    let errors = parse_err(
        "site-config.toml",
        "\u{feff}titel = 1\nbase_url = \"https://a.example\"\n",
    );
    assert_eq!(place_of(&errors[0]), (1, 1));
}

#[test]
fn load_prefers_site_config_then_falls_back_to_zola_config() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("config.toml"), MINIMAL)?;
    let loaded = Config::load(dir.path())
        .ok()
        .map(|(c, _)| (c.file, c.generate_feeds));
    assert_eq!(loaded, Some((PathBuf::from("config.toml"), false)));

    std::fs::write(dir.path().join("site-config.toml"), MINIMAL)?;
    let loaded = Config::load(dir.path())
        .ok()
        .map(|(c, _)| (c.file, c.generate_feeds));
    assert_eq!(loaded, Some((PathBuf::from("site-config.toml"), true)));
    Ok(())
}

#[test]
fn load_without_any_file_names_both_and_init() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let errors = Config::load(dir.path()).err().unwrap_or_default();
    assert_eq!(codes(&errors), ["E0100"]);
    let all = format!(
        "{} {:?} {:?}",
        errors[0].message, errors[0].expected, errors[0].help
    );
    assert!(
        all.contains("site-config.toml")
            && all.contains("config.toml")
            && all.contains("menhu init"),
        "{all}"
    );
    Ok(())
}

#[test]
fn load_reports_a_file_that_is_not_utf8() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("site-config.toml"),
        b"title = \"\xbf\xc6\xd0\xad\"\n",
    )?;
    let errors = Config::load(dir.path()).err().unwrap_or_default();
    assert_eq!(codes(&errors), ["E0107"]);
    assert!(
        errors[0]
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("iconv")
    );
    Ok(())
}

#[test]
fn default_for_tests_is_valid() {
    let config = Config::default_for_tests();
    assert_eq!(config.base_url, "https://example.org");
    assert_eq!(config.taxonomies.len(), 2);
}

#[test]
fn load_data_and_sass_settings_are_read() {
    let text = r#"base_url = "https://a.example"
compile_sass = true
[load_data]
timeout_secs = 0
cache_hours = 2
allow_private = ["127.0.0.1"]
"#;
    let (config, warnings) = parse_ok("config.toml", text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(config.compile_sass);
    assert_eq!(
        config.load_data.timeout_secs, 1,
        "a zero timeout becomes 1 s"
    );
    assert_eq!(config.load_data.cache_hours, 2);
    assert_eq!(config.load_data.allow_private, ["127.0.0.1"]);
    assert!(!config.load_data.offline);
    let (defaults, _) = parse_ok("config.toml", "base_url = \"https://a.example\"\n");
    assert_eq!(defaults.load_data.timeout_secs, 10);
    assert!(!defaults.compile_sass);
}
