//! Loads the Tera templates: the theme's first, then the site's `templates/`, which
//! override the theme's file by file (the theme's own stays reachable as
//! `THEME/templates/NAME`; see [`super::tera_load`]). Also the shortcode renderer
//! Markdown calls, and the stylesheets of `sass/` ([`super::sass`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

use crate::bounds::{SiteBounds, WalkError};
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::{ShortcodeOutput, ShortcodeRenderer};

/// The templates of a site and where they came from.
pub struct Theme {
    /// Every template, parsed, with the built-in filters registered.
    pub tera: Tera,
    /// Template name → the file it was read from, relative to the site root.
    pub sources: BTreeMap<String, PathBuf>,
    /// The files of the static folders (theme, then site, whose files win), sorted by
    /// where they go.
    pub static_files: Vec<crate::output::CopiedFile>,
    /// True when some template shows the full `content` of listed pages.
    pub lists_need_content: bool,
    /// Per template, a digest of its text and of every template it pulls in.
    pub digests: BTreeMap<String, u64>,
    /// True when some template reads `section.pages`; otherwise a section's context
    /// leaves them out, which keeps each pager's cost independent of the section's size.
    pub sections_need_pages: bool,
    /// The stylesheets compiled from `sass/` (theme, then site) when the config has
    /// `compile_sass = true`; published as they are.
    pub stylesheets: Vec<crate::output::Output>,
    /// Theme strings from `i18n/` (theme, then site), read by `trans`.
    pub translations: std::sync::Arc<super::i18n::Translations>,
    /// Warnings found while loading (hidden static files not published).
    pub warnings: Diagnostics,
    /// Every word written in some template, or `None` when a template can see an
    /// object's keys without naming them (see [`template_words`]).
    pub words: Option<std::sync::Arc<std::collections::HashSet<String>>>,
    texts: BTreeMap<String, String>,
}

impl Theme {
    /// Reads and parses every template, and lists the static files. A template that
    /// fails to parse is an error naming its file and line; a template, strings file or
    /// static file out of the site's `bounds` is an error naming the link.
    pub fn load(root: &Path, config: &Config, bounds: &SiteBounds) -> Result<Theme, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let mut dirs = Vec::new();
        if let Some(name) = &config.theme {
            let theme_dir = root.join("themes").join(name);
            if !theme_dir.is_dir() {
                diagnostics.push(
                    Diagnostic::error(
                        "E0401",
                        format!("theme `{name}` not found in `themes/{name}/`"),
                    )
                    .in_file(&config.file)
                    .help("check `theme` in the config, or copy the theme folder into `themes/`"),
                );
                return Err(diagnostics);
            }
            dirs.push(PathBuf::from("themes").join(name));
        }
        dirs.push(PathBuf::new());
        let mut sources = BTreeMap::new();
        let mut texts = BTreeMap::new();
        let mut theme_files = None;
        for dir in &dirs {
            read_templates(
                root,
                &dir.join("templates"),
                bounds,
                &mut sources,
                &mut texts,
                &mut diagnostics,
            );
            if theme_files.is_none() && config.theme.is_some() {
                theme_files = Some((texts.clone(), sources.clone()));
            }
        }
        let static_dirs: Vec<PathBuf> = dirs.iter().map(|d| root.join(d).join("static")).collect();
        let static_files =
            super::static_files::list(&static_dirs, config, bounds, &mut diagnostics);
        let stylesheets = if config.compile_sass {
            super::sass::compile_all(root, &dirs, bounds, &mut diagnostics)
        } else {
            Vec::new()
        };
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        if let (Some(theme), Some((theme_texts, theme_sources))) = (&config.theme, &theme_files) {
            super::tera_load::add_theme_names(
                theme,
                theme_texts,
                theme_sources,
                &mut texts,
                &mut sources,
            );
        }
        let lists_need_content = texts.values().any(|t: &String| mentions_listed_content(t));
        let digests = super::digest::template_digests(&texts);
        let sections_need_pages = texts.values().any(|t| t.contains("section.pages"));
        let words = template_words(&texts);
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".htm", ".xml"]);
        // The crate's one HTML escape, which leaves `/` alone so URLs in the output stay
        // readable (`https://…`, not Tera's `https:&#x2F;…`).
        tera.set_escape_fn(crate::html_text::escape);
        super::tera_load::install(&mut tera, &texts, &sources, config.theme.as_deref())?;
        if let Some(cycle) = super::include_cycle::find_include_cycle(&tera) {
            return Err(include_cycle_error(&cycle, &sources).into());
        }
        if let Some((template, name)) = super::include_cycle::find_endless_macro(&tera) {
            let mut d = Diagnostic::error(
                "E0406",
                format!("macro `{name}` always calls itself, so it never ends"),
            )
            .help("call the macro again only inside an `{% if %}` or `{% for %}` that stops");
            if let Some(file) = sources.get(&template) {
                d = d.in_file(file);
            }
            return Err(d.into());
        }
        super::functions::register_filters(&mut tera, config);
        super::data_functions::register(&mut tera, root, bounds, config);
        tera.register_function("qr_svg", super::qr::QrFunction);
        let i18n_dirs: Vec<PathBuf> = dirs.iter().map(|d| d.join("i18n")).collect();
        let translations =
            std::sync::Arc::new(super::i18n::Translations::load(root, &i18n_dirs, bounds)?);
        tera.register_function(
            "trans",
            super::i18n::TransFunction {
                translations: translations.clone(),
                default_lang: config.default_language.clone(),
            },
        );
        Ok(Theme {
            tera,
            sources,
            static_files,
            stylesheets,
            warnings: diagnostics,
            lists_need_content,
            digests,
            sections_need_pages,
            translations,
            words,
            texts,
        })
    }

    /// True when `template`, or a template it extends, includes or imports, contains
    /// `needle`. Used to leave out of a context what no template can read.
    pub fn mentions(&self, template: &str, needle: &str) -> bool {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo = vec![template.to_owned()];
        while let Some(name) = todo.pop() {
            let Some(text) = self.texts.get(&name) else {
                continue;
            };
            if text.contains(needle) {
                return true;
            }
            for referenced in referenced_templates(text) {
                if seen.insert(referenced.clone()) {
                    todo.push(referenced);
                }
            }
        }
        false
    }

    /// True when a template of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Whether some template's text contains `needle`.
    pub fn any_mentions(&self, needle: &str) -> bool {
        self.texts.values().any(|text| text.contains(needle))
    }

    /// Whether some shortcode (or a template it pulls in) contains `needle`.
    pub fn shortcodes_mention(&self, needle: &str) -> bool {
        self.sources
            .keys()
            .filter(|name| name.starts_with("shortcodes/"))
            .any(|name| self.mentions(name, needle))
    }
}

fn read_templates(
    root: &Path,
    dir: &Path,
    bounds: &SiteBounds,
    sources: &mut BTreeMap<String, PathBuf>,
    texts: &mut BTreeMap<String, String>,
    diagnostics: &mut Diagnostics,
) {
    let full = root.join(dir);
    if !full.is_dir() {
        return;
    }
    let hidden = |e: &walkdir::DirEntry| e.file_name().to_string_lossy().starts_with('.');
    for entry in bounds.walk(&full, |e| e.depth() == 0 || !hidden(e)) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(WalkError::Escape(d)) => {
                diagnostics.push(d);
                continue;
            }
            // As before the walk checked links: an unreadable folder holds no template.
            Err(WalkError::Io(_)) => continue,
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(&full) else {
            continue;
        };
        let name = relative.to_string_lossy().replace('\\', "/");
        let file = dir.join(relative);
        match std::fs::read(entry.path())
            .map_err(|e| e.to_string())
            .and_then(|b| crate::content::decode::decode(&file, &b).map_err(|d| d.message))
        {
            Ok(text) => {
                texts.insert(name.clone(), text);
                sources.insert(name, file);
            }
            Err(message) => diagnostics.push(
                Diagnostic::error("E0402", format!("cannot read template: {message}"))
                    .in_file(&file),
            ),
        }
    }
}

/// A template that includes itself would recurse until the stack runs out.
fn include_cycle_error(cycle: &[String], sources: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let chain = cycle.join(" → ");
    let mut d = Diagnostic::error("E0406", format!("template includes itself: {chain}"))
        .help("remove the include that closes the loop; for nested output (menus, trees) use a recursive macro");
    if let Some(file) = cycle.first().and_then(|name| sources.get(name)) {
        d = d.in_file(file);
    }
    d
}

/// Names in `{% extends "x" %}`, `{% include "x" %}` and `{% import "x" as y %}`.
pub(super) fn referenced_templates(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in text.split("{%").skip(1) {
        let tag = tag.trim_start_matches('-').trim_start();
        if !["extends", "include", "import"]
            .iter()
            .any(|k| tag.starts_with(k))
        {
            continue;
        }
        // Tera takes either quote: `{% extends 'sample/templates/index.html' %}`.
        let tag = tag.split("%}").next().unwrap_or(tag);
        let Some(start) = tag.find(['"', '\'']) else {
            continue;
        };
        let quote = tag[start..].chars().next().unwrap_or('"');
        if let Some(name) = tag[start + 1..].split(quote).next() {
            names.push(name.to_owned());
        }
    }
    names
}

/// The words a template could read from a listed page as a field name: every
/// identifier-like run inside the tags of every template (`{{ }}` and `{% %}`, string
/// literals' included; the HTML around them names no field), except those only
/// written right after `page.` or `section.`, the page or section being rendered (unless
/// some template binds `page` or `section` to something else). A field of a listed page
/// whose name is not among them cannot be read by any template, so lists leave it out:
/// copying each summary into every list that shows it is a large part of a build.
/// `None` (keep every field) when a template could reach a field without naming it, by
/// serialising a whole object or the whole context.
fn template_words(
    texts: &BTreeMap<String, String>,
) -> Option<std::sync::Arc<std::collections::HashSet<String>>> {
    const SEES_EVERY_KEY: [&str; 3] = ["json_encode", "__tera_context", "tojson"];
    let own_roots: Vec<&str> = ["page", "section"]
        .into_iter()
        .filter(|root| !texts.values().any(|t| rebinds(t, root)))
        .collect();
    let mut words = std::collections::HashSet::new();
    for code in texts.values().flat_map(|t| tag_code(t)) {
        for (start, word) in identifiers(code) {
            if SEES_EVERY_KEY.contains(&word) {
                return None;
            }
            let before = &code[..start];
            let field_of_own = before.strip_suffix('.').is_some_and(|b| {
                own_roots.iter().any(|root| {
                    b.strip_suffix(root)
                        .is_some_and(|rest| !rest.ends_with(|c: char| is_identifier(c) || c == '.'))
                })
            });
            if !field_of_own && !words.contains(word) {
                words.insert(word.to_owned());
            }
        }
    }
    Some(std::sync::Arc::new(words))
}

/// The code inside each `{{ … }}` and `{% … %}` tag of `text`, delimiters excluded:
/// not comments, not the literal text of `{% raw %}` blocks, not the HTML between tags.
/// A closing delimiter inside a string literal does not end its tag.
fn tag_code(text: &str) -> Vec<&str> {
    let mut code = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => {
                rest = after.find("#}").map_or("", |end| &after[end + 2..]);
                continue;
            }
            _ => {
                rest = after;
                continue;
            }
        };
        let inside = &after[1..];
        let end = tag_end(inside, close);
        let tag = &inside[..end];
        code.push(tag);
        rest = inside.get(end + close.len()..).unwrap_or("");
        if close == "%}" && tag.trim_matches(|c: char| c == '-' || c.is_whitespace()) == "raw" {
            rest = rest.find("endraw").map_or("", |at| &rest[at..]);
        }
    }
    code
}

/// Where `close` ends the tag starting at `inside` (its length when it never does),
/// skipping string literals.
fn tag_end(inside: &str, close: &str) -> usize {
    let mut quote = None;
    for (i, c) in inside.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if inside[i..].starts_with(close) => return i,
            None => {}
        }
    }
    inside.len()
}

fn is_identifier(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Identifier-like runs of `text` with their byte offsets.
fn identifiers(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| match (is_identifier(c), start) {
            (true, None) => {
                start = Some(i);
                None
            }
            (false, Some(s)) => {
                start = None;
                Some((s, &text[s..i]))
            }
            _ => None,
        })
}

/// True when a `{% for %}`, `{% set %}`, `{% set_global %}` or `{% macro %}` tag of
/// `text` binds the name `root` (a loop variable, a variable or a macro parameter).
fn rebinds(text: &str, root: &str) -> bool {
    text.split("{%").skip(1).any(|tag| {
        let tag = tag.split("%}").next().unwrap_or("");
        let tag = tag.trim_start_matches('-').trim_start();
        let bound = if let Some(rest) = tag.strip_prefix("for ") {
            rest.split(" in ").next()
        } else if let Some(rest) = tag
            .strip_prefix("set_global ")
            .or_else(|| tag.strip_prefix("set "))
        {
            rest.split('=').next()
        } else {
            tag.strip_prefix("macro ")
        };
        bound.is_some_and(|names| identifiers(names).any(|(_, w)| w == root))
    })
}

/// Rough but safe: a template that touches `.content` of something other than the
/// page or section being rendered needs listed pages to carry their full HTML.
fn mentions_listed_content(text: &str) -> bool {
    tag_code(text).into_iter().any(|code| {
        code.match_indices(".content").any(|(i, _)| {
            let before = &code[..i];
            !(before.ends_with("page") || before.ends_with("section"))
        })
    })
}

/// A Tera error as a diagnostic naming the template file (and the page being rendered).
pub fn template_error(
    e: &tera::Error,
    sources: &BTreeMap<String, PathBuf>,
    rendering: Option<&Path>,
) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        chain.push(inner.to_string());
        source = inner.source();
    }
    if let Some(recursion) = chain
        .iter()
        .find_map(|m| m.split_once(super::macro_depth::TOO_DEEP))
    {
        return recursion_error(
            &format!("{}{}", super::macro_depth::TOO_DEEP, recursion.1),
            sources,
        );
    }
    let template = chain.iter().find_map(|m| quoted_template(m, sources));
    let message = chain.join(": ").replace('\n', " ");
    let mut d = Diagnostic::error("E0403", format!("template error: {message}"));
    if let Some(file) = template.and_then(|t| sources.get(&t)) {
        d = d.in_file(file);
        if let Some(line) = line_in_message(&message) {
            d = d.at_span(crate::diag::Span::point(line, 1));
        }
    }
    if let Some(page) = rendering {
        d = d.help(format!(
            "while rendering `{}`; fix the template or the page's front matter",
            crate::diag::display_path(page)
        ));
    }
    d
}

/// Macros that recursed [`super::macro_depth::MAX_MACRO_DEPTH`] deep: one diagnostic
/// for the macros, whichever page met it first (every page showing them would).
fn recursion_error(message: &str, sources: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let mut d = Diagnostic::error("E0406", message.to_owned()).help(
        "make sure the macro's `{% if %}` stops calling it again: a counter that moves away from its limit never does",
    );
    if let Some(file) = quoted_template(message, sources).and_then(|t| sources.get(&t)) {
        d = d.in_file(file);
    }
    d
}

fn quoted_template(message: &str, sources: &BTreeMap<String, PathBuf>) -> Option<String> {
    message
        .split('\'')
        .skip(1)
        .step_by(2)
        .find(|name| sources.contains_key(*name))
        .map(str::to_owned)
}

/// Tera parse errors carry ` --> LINE:COL`.
fn line_in_message(message: &str) -> Option<u32> {
    let after = message.split("--> ").nth(1)?;
    after.split(':').next()?.trim().parse().ok()
}

/// Renders shortcodes from `templates/shortcodes/NAME.html` (HTML) or `NAME.md` (Markdown).
pub struct Shortcodes<'a> {
    /// The templates.
    pub theme: &'a Theme,
    /// The config, as templates see it.
    pub config: &'a tera::Value,
    /// What the Markdown belongs to, as Zola gives it to shortcodes: `("page", …)` or
    /// `("section", …)` (see [`super::markdown_view`]); `None` when no shortcode reads it.
    pub owner: Option<(&'static str, tera::Value)>,
}

impl ShortcodeRenderer for Shortcodes<'_> {
    fn exists(&self, name: &str) -> bool {
        self.theme.has(&format!("shortcodes/{name}.html"))
            || self.theme.has(&format!("shortcodes/{name}.md"))
    }

    fn render(
        &self,
        name: &str,
        args: &serde_json::Map<String, serde_json::Value>,
        body: Option<&str>,
    ) -> Result<ShortcodeOutput, String> {
        let mut context = tera::Context::new();
        for (key, value) in args {
            context.insert(key.as_str(), value);
        }
        if let Some(body) = body {
            context.insert("body", body);
        }
        context.insert("config", self.config);
        if let Some((name, value)) = &self.owner {
            if let Some(lang) = value.get("lang") {
                context.insert("lang", lang);
            }
            context.insert(*name, value);
        }
        let html = format!("shortcodes/{name}.html");
        let (template, markdown) = if self.theme.has(&html) {
            (html, false)
        } else {
            (format!("shortcodes/{name}.md"), true)
        };
        let text = self.theme.tera.render(&template, &context).map_err(|e| {
            let d = template_error(&e, &self.theme.sources, None);
            d.message
        })?;
        Ok(if markdown {
            ShortcodeOutput::Markdown(text)
        } else {
            ShortcodeOutput::Html(text)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(templates: &[(&str, &str)]) -> Option<Vec<String>> {
        let texts = templates
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        template_words(&texts).map(|set| {
            let mut words: Vec<String> = set.iter().cloned().collect();
            words.sort();
            words
        })
    }

    #[test]
    fn fields_read_only_on_the_rendered_page_are_not_listed() {
        let words = words_of(&[
            (
                "page.html",
                "{{ page.toc }}{{ page.extra.author }}{{ section.content }}",
            ),
            (
                "list.html",
                "{% for p in paginator.pages %}{{ p.title }}{% endfor %}",
            ),
        ])
        .unwrap_or_default();
        assert!(words.contains(&"title".to_owned()));
        assert!(words.contains(&"author".to_owned()));
        for own in ["toc", "extra", "content"] {
            assert!(!words.contains(&own.to_owned()), "{own} in {words:?}");
        }
    }

    #[test]
    fn rebinding_page_or_section_keeps_their_fields() {
        for binding in [
            "{% for page in paginator.pages %}{% endfor %}",
            "{% for i, page in pages %}{% endfor %}",
            "{% set page = get_page(path=\"a.md\") %}",
            "{% set_global section = x %}",
            "{% macro card(page) %}{% endmacro %}",
        ] {
            let words = words_of(&[
                ("a.html", binding),
                ("b.html", "{{ page.toc }}{{ section.toc }}"),
            ])
            .unwrap();
            assert!(words.contains(&"toc".to_owned()), "{binding}");
        }
    }

    #[test]
    fn serialising_whole_objects_keeps_every_field() {
        assert!(words_of(&[("a.html", "{{ page | json_encode }}")]).is_none());
        assert!(words_of(&[("a.html", "{{ __tera_context }}")]).is_none());
    }

    #[test]
    fn a_field_after_another_name_ending_in_page_is_listed() {
        let words =
            words_of(&[("a.html", "{{ my_page.toc }}{{ x.page.extra }}")]).unwrap_or_default();
        assert!(words.contains(&"toc".to_owned()));
        assert!(words.contains(&"extra".to_owned()));
    }

    #[test]
    fn words_outside_tags_name_no_field() {
        let words = words_of(&[(
            "page.html",
            "<nav class=\"toc\">{# {{ p.comment }} #}{% raw %}{{ p.protected }}{% endraw %}\
             <p>{{ p.title }}</p>",
        )])
        .unwrap_or_default();
        assert!(words.contains(&"title".to_owned()));
        for outside in ["toc", "nav", "class", "comment", "protected"] {
            assert!(
                !words.contains(&outside.to_owned()),
                "{outside} in {words:?}"
            );
        }
    }

    #[test]
    fn a_closing_delimiter_in_a_string_does_not_end_the_tag() {
        let words = words_of(&[(
            "a.html",
            "{{ \"}}\" ~ p.author }}{% set x = '%}' ~ p.org %}",
        )])
        .unwrap_or_default();
        assert!(words.contains(&"author".to_owned()), "{words:?}");
        assert!(words.contains(&"org".to_owned()), "{words:?}");
    }

    #[test]
    fn content_in_a_stylesheet_does_not_make_lists_carry_content() {
        assert!(!mentions_listed_content(
            "<style>.content { margin: 0 }</style>{{ page.content | safe }}"
        ));
        assert!(mentions_listed_content(
            "{% for p in section.pages %}{{ p.content | safe }}{% endfor %}"
        ));
    }
}
