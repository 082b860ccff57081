//! The second stage: a [`RawConfig`] becomes a [`Config`]. Applies the defaults (which
//! differ for a Zola `config.toml`, so a Zola site builds as Zola built it) and checks
//! values: `base_url`, taxonomy names, page sizes. Problems are pushed, never returned
//! early, so the editor sees all of them.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;

use super::keys::place;
use super::portal;
use super::raw::{
    RawAnchorLinks, RawConfig, RawHighlightStyle, RawMarkdown, RawSlugStrategy, RawSlugify,
    RawTaxonomy,
};
use super::{Config, Flavour, MarkdownConfig, SlugStrategy, SlugifyConfig, TaxonomyConfig};
use crate::diag::Diagnostic;

/// Highlighting theme when none is named (one of syntect's bundled light themes).
const DEFAULT_HIGHLIGHT_THEME: &str = "InspiredGitHub";
const DEFAULT_SUMMARY_CHARS: usize = 120;
const EXAMPLE_BASE_URL: &str = "base_url = \"https://www.example.org.cn\"";

/// Where problems go, with what is needed to place them.
pub(crate) struct Report<'a> {
    file: &'a Path,
    text: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    /// Where the problems of the file `file`, whose text is `text`, go.
    pub(crate) fn new(
        file: &'a Path,
        text: &'a str,
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Report<'a> {
        Report {
            file,
            text,
            diagnostics,
        }
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic, span: Option<Range<usize>>) {
        let diagnostic = place(diagnostic.in_file(self.file), span, self.text);
        self.diagnostics.push(diagnostic);
    }

    /// Where the byte range `span` of the file is, for problems found later.
    pub(crate) fn span_of(&self, span: Range<usize>) -> crate::diag::Span {
        crate::diag::Span::from_byte_range(self.text, span.start, span.end)
    }
}

/// Builds the validated configuration, pushing every problem onto `diagnostics`.
pub(crate) fn validate(
    raw: RawConfig,
    flavour: Flavour,
    file: &Path,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Config {
    let mut report = Report {
        file,
        text,
        diagnostics,
    };
    let base_url = check_base_url(raw.base_url.as_ref(), &mut report);
    let taxonomies = match raw.taxonomies {
        Some(raw_taxonomies) => check_taxonomies(raw_taxonomies, &mut report),
        None => default_taxonomies(flavour),
    };
    let paginate_by = raw
        .paginate_by
        .and_then(|n| check_page_size(&n, "paginate_by", &mut report));
    let mut problems = portal::Problems {
        file,
        text,
        diagnostics: report.diagnostics,
    };
    let regions = portal::regions(raw.regions, text, &mut problems);
    let series_path = portal::path_segment(
        raw.series.path.as_ref(),
        "series.path",
        "series",
        &mut problems,
    );
    let menus = portal::menus(raw.menus, text, &mut problems);
    let directories = portal::directories(raw.directories, text, &mut problems);
    let default_language = language_tag(raw.default_language);
    let timezone = super::timezone::timezone(raw.timezone.as_ref(), &default_language, &mut report);
    let markdown = markdown(raw.markdown, flavour, &default_language, &mut report);
    Config {
        file: file.to_path_buf(),
        base_url,
        title: raw.title.unwrap_or_default(),
        description: raw.description,
        author: raw.author,
        default_language,
        timezone,
        theme: raw.theme,
        output_dir: raw.output_dir.unwrap_or_else(|| "public".to_owned()),
        build_search_index: raw.build_search_index.unwrap_or(false),
        compile_sass: raw.compile_sass,
        generate_feeds: raw.generate_feeds.unwrap_or(flavour == Flavour::Menhu),
        feed_filenames: feed_filenames(raw.feed_filenames, raw.feed_filename),
        generate_sitemap: raw.generate_sitemap.unwrap_or(true),
        generate_robots_txt: raw.generate_robots_txt.unwrap_or(true),
        traditional: raw.traditional.unwrap_or(false),
        build_cache: raw.build_cache.unwrap_or(false),
        taxonomies,
        markdown,
        slugify: slugify(&raw.slugify),
        summary_chars: raw.summary_chars.unwrap_or(DEFAULT_SUMMARY_CHARS),
        paginate_by,
        ignored_content: raw.ignored_content,
        ignored_static: raw.ignored_static,
        static_dotfiles: raw.static_dotfiles,
        follow_symlinks: raw
            .follow_symlinks
            .iter()
            .map(|entry| super::portal::located(entry, text))
            .collect(),
        regions,
        series_path,
        related_limit: raw.related.limit.unwrap_or(portal::DEFAULT_RELATED_LIMIT),
        menus,
        directories,
        extra: toml_table_to_json(raw.extra),
        check: super::check::validate_check(raw.check, &mut report),
        images: super::images::validate_images(raw.images, &mut report),
        load_data: super::load_data::validate_load_data(raw.load_data),
    }
}

/// `base_url` is required and must be an absolute http(s) URL; its trailing `/` goes.
fn check_base_url(base_url: Option<&Spanned<String>>, report: &mut Report<'_>) -> String {
    let Some(base_url) = base_url else {
        let error = Diagnostic::error("E0103", crate::t!("config-no-base-url"))
            .expected(crate::t!("config-no-base-url.expected"))
            .help(crate::t!(
                "config-no-base-url.help",
                example = EXAMPLE_BASE_URL
            ));
        report.push(error, None);
        return String::new();
    };
    let url = base_url.get_ref().trim();
    if !is_absolute_http_url(url) {
        let error = Diagnostic::error("E0103", crate::t!("config-bad-base-url", url = url))
            .expected(crate::t!("config-bad-base-url.expected"))
            .help(crate::t!(
                "config-bad-base-url.help",
                example = EXAMPLE_BASE_URL
            ));
        report.push(error, Some(base_url.span()));
    }
    url.trim_end_matches('/').to_owned()
}

fn is_absolute_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !url.contains(char::is_whitespace)
}

/// A page size is at least 1; `None` (after an E0105) otherwise.
fn check_page_size(value: &Spanned<usize>, key: &str, report: &mut Report<'_>) -> Option<usize> {
    if *value.get_ref() > 0 {
        return Some(*value.get_ref());
    }
    let error = Diagnostic::error("E0105", crate::t!("config-zero-per-page", key = key))
        .expected(crate::t!("config-zero-per-page.expected"))
        .help(crate::t!("config-zero-per-page.help", key = key));
    report.push(error, Some(value.span()));
    None
}

fn check_taxonomies(raw: Vec<RawTaxonomy>, report: &mut Report<'_>) -> Vec<TaxonomyConfig> {
    let mut seen: Vec<&Spanned<String>> = Vec::new();
    for name in raw.iter().filter_map(|taxonomy| taxonomy.name.as_ref()) {
        let value = name.get_ref().trim();
        if value.is_empty() {
            let error = Diagnostic::error("E0104", crate::t!("config-taxonomy-empty-name"))
                .expected(crate::t!("config-taxonomy-empty-name.expected"))
                .help(crate::t!("config-taxonomy-empty-name.help"));
            report.push(error, Some(name.span()));
        } else if let Some(first) = seen
            .iter()
            .find(|earlier| earlier.get_ref().trim() == value)
        {
            let (line, _) = crate::diag::line_col(report.text, first.span().start);
            let error =
                Diagnostic::error("E0104", crate::t!("config-taxonomy-twice", name = value))
                    .help(crate::t!("config-taxonomy-twice.help", line = line));
            report.push(error, Some(name.span()));
        } else {
            seen.push(name);
        }
    }
    if raw.iter().any(|taxonomy| taxonomy.name.is_none()) {
        let error = Diagnostic::error("E0104", crate::t!("config-taxonomy-no-name"))
            .expected(crate::t!("config-taxonomy-no-name.expected"))
            .help(crate::t!("config-taxonomy-no-name.help"));
        report.push(error, None);
    }
    raw.into_iter()
        .map(|taxonomy| taxonomy_config(taxonomy, report))
        .collect()
}

fn taxonomy_config(raw: RawTaxonomy, report: &mut Report<'_>) -> TaxonomyConfig {
    TaxonomyConfig {
        name: raw
            .name
            .map(|name| name.into_inner().trim().to_owned())
            .unwrap_or_default(),
        paginate_by: raw
            .paginate_by
            .and_then(|n| check_page_size(&n, "paginate_by", report)),
        paginate_path: raw.paginate_path.unwrap_or_else(|| "page".to_owned()),
        feed: raw.feed,
        render: raw.render.unwrap_or(true),
    }
}

/// menhu sites get `tags` and `categories`; a Zola site declares its own or has none.
fn default_taxonomies(flavour: Flavour) -> Vec<TaxonomyConfig> {
    let names: &[&str] = match flavour {
        Flavour::Menhu => &["tags", "categories"],
        Flavour::Zola => &[],
    };
    names
        .iter()
        .map(|name| TaxonomyConfig {
            name: (*name).to_owned(),
            paginate_by: None,
            paginate_path: "page".to_owned(),
            feed: false,
            render: true,
        })
        .collect()
}

/// `zh` (Zola's usual value) means Simplified Chinese for `<html lang>`.
fn language_tag(raw: Option<String>) -> String {
    match raw.as_deref().map(str::trim) {
        None | Some("" | "zh") => "zh-Hans".to_owned(),
        Some(tag) => tag.to_owned(),
    }
}

fn feed_filenames(plural: Option<Vec<String>>, singular: Option<String>) -> Vec<String> {
    match (plural, singular) {
        (Some(names), _) => names,
        (None, Some(name)) => vec![name],
        (None, None) => vec!["atom.xml".to_owned(), "rss.xml".to_owned()],
    }
}

/// `[markdown]`; Zola 0.22's `[markdown.highlighting]` turns highlighting on.
fn markdown(
    raw: RawMarkdown,
    flavour: Flavour,
    default_language: &str,
    report: &mut Report<'_>,
) -> MarkdownConfig {
    let highlighting = raw.highlighting.unwrap_or_default();
    if let Some(style) = &highlighting.style
        && *style.get_ref() == RawHighlightStyle::Inline
    {
        let warning = Diagnostic::warning("W0102", crate::t!("config-inline-highlighting"))
            .help(crate::t!("config-inline-highlighting.help"));
        report.push(warning, Some(style.span()));
    }
    let highlight_code = match (raw.highlight_code, &highlighting.theme) {
        (Some(on), None) => on,
        (_, Some(_)) => true,
        (None, None) => flavour == Flavour::Menhu,
    };
    MarkdownConfig {
        highlight_code,
        highlight_theme: highlighting
            .theme
            .or(raw.highlight_theme)
            .unwrap_or_else(|| DEFAULT_HIGHLIGHT_THEME.to_owned()),
        insert_anchor_links: anchor_links(raw.insert_anchor_links).to_owned(),
        smart_punctuation: raw.smart_punctuation,
        external_links_target_blank: raw.external_links_target_blank,
        external_links_no_follow: raw.external_links_no_follow,
        external_links_no_referrer: raw.external_links_no_referrer,
        render_raw_html: raw.render_raw_html.unwrap_or(true),
        hard_wraps: raw
            .hard_wraps
            .unwrap_or_else(|| breaks_lines_by_default(flavour, default_language)),
    }
}

/// Whether a line break inside a paragraph is a line break unless the site says. In
/// Chinese text a break between two lines of one paragraph has no other use (kept as
/// CommonMark has it, it shows as a stray space between two characters), and Word and
/// the online editor show it as a line break, so a Chinese menhu site keeps it. Zola
/// sites and sites in other languages keep CommonMark's rule.
fn breaks_lines_by_default(flavour: Flavour, default_language: &str) -> bool {
    flavour == Flavour::Menhu && (default_language == "zh" || default_language.starts_with("zh-"))
}

fn anchor_links(raw: Option<RawAnchorLinks>) -> &'static str {
    match raw.unwrap_or(RawAnchorLinks::None) {
        RawAnchorLinks::None => "none",
        RawAnchorLinks::Left => "left",
        RawAnchorLinks::Right => "right",
        RawAnchorLinks::Heading => "heading",
    }
}

fn slugify(raw: &RawSlugify) -> SlugifyConfig {
    SlugifyConfig {
        paths: strategy(raw.paths, SlugStrategy::On),
        taxonomies: strategy(raw.taxonomies, SlugStrategy::On),
        anchors: strategy(raw.anchors, SlugStrategy::Safe),
        paths_keep_dates: raw.paths_keep_dates,
    }
}

fn strategy(raw: Option<RawSlugStrategy>, default: SlugStrategy) -> SlugStrategy {
    match raw {
        None => default,
        Some(RawSlugStrategy::On) => SlugStrategy::On,
        Some(RawSlugStrategy::Safe) => SlugStrategy::Safe,
        Some(RawSlugStrategy::Off) => SlugStrategy::Off,
    }
}

/// `[extra]` as JSON for templates; TOML dates become their TOML text
/// (`2024-05-01`), as Zola shows them.
fn toml_table_to_json(table: toml::Table) -> serde_json::Map<String, serde_json::Value> {
    table
        .into_iter()
        .map(|(key, value)| (key, toml_to_json(value)))
        .collect()
}

fn toml_to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(i) => Json::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number),
        toml::Value::Boolean(b) => Json::Bool(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Json::Object(toml_table_to_json(table)),
    }
}
