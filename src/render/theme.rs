//! Loads the Tera templates: the theme's first, then the site's `templates/`, which
//! override the theme's file by file (the theme's own stays reachable as
//! `THEME/templates/NAME`; see [`super::tera_load`]). Also the shortcode renderer
//! Markdown calls, and the stylesheets of `sass/` ([`super::sass`]).
//!
//! The members of a network read one shared theme: [`ParsedThemes`] parses each
//! distinct set of template files once, and each member starts from a copy of it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use tera::{Template, Tera};

use super::template_ast;

use crate::bounds::SiteBounds;
use crate::config::Config;
use crate::diag::text::Said;
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
    ///
    /// `shared` is a network's root relative to the site root (`../..`, see
    /// [`crate::network`]): its `themes/NAME` is read first, and the site's own copy of
    /// the theme, when it has one, overrides it file by file.
    pub fn load(
        root: &Path,
        shared: Option<&Path>,
        config: &Config,
        bounds: &SiteBounds,
    ) -> Result<Theme, Diagnostics> {
        Theme::load_sharing(root, shared, config, bounds, None, None)
    }

    /// [`Theme::load`], taking the parsed templates from `parsed` when another site
    /// already parsed the same template files (and leaving them there otherwise); the
    /// data functions of shortcodes read data files through `data` when given.
    pub fn load_sharing(
        root: &Path,
        shared: Option<&Path>,
        config: &Config,
        bounds: &SiteBounds,
        parsed: Option<&ParsedThemes>,
        data: Option<Arc<crate::load_data::ParsedFiles>>,
    ) -> Result<Theme, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let mut dirs = match &config.theme {
            Some(name) => theme_dirs(root, shared, name),
            None => Vec::new(),
        };
        if let (Some(name), true) = (&config.theme, dirs.is_empty()) {
            diagnostics.push(
                Diagnostic::error("E0401", crate::t!("theme-not-found", name = name))
                    .in_file(&config.file)
                    .help(match name.as_str() {
                        // menhu's own theme, which every `menhu init` writes.
                        "portal" => crate::t!("theme-not-found.help-portal"),
                        _ => crate::t!("theme-not-found.help"),
                    }),
            );
            return Err(diagnostics);
        }
        let theme_dir_count = dirs.len();
        dirs.push(PathBuf::new());
        let mut sources = BTreeMap::new();
        let mut texts = BTreeMap::new();
        let mut theme_files = None;
        for (index, dir) in dirs.iter().enumerate() {
            read_templates(
                root,
                &dir.join("templates"),
                bounds,
                &mut sources,
                &mut texts,
                &mut diagnostics,
            );
            if index + 1 == theme_dir_count {
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
        let files = TemplateFiles {
            theme: config.theme.as_deref(),
            texts,
            sources,
            theme_files,
        };
        let ParsedTemplates {
            mut tera,
            texts,
            sources,
            digests,
            sections_need_pages,
            lists_need_content,
            words,
        } = match parsed {
            Some(parsed) => parsed.get_or_parse(files)?,
            None => files.parse()?,
        };
        super::functions::register_filters(&mut tera, config);
        super::data_functions::register(&mut tera, root, bounds, config, data);
        tera.register_function("qr_svg", super::qr::QrFunction);
        let i18n_dirs: Vec<PathBuf> = dirs.iter().map(|d| d.join("i18n")).collect();
        let translations =
            std::sync::Arc::new(super::i18n::Translations::load(root, &i18n_dirs, bounds)?);
        // Any template may read the theme's strings (`trans`): what it reads covers them,
        // so an edit of `i18n/` renders again what a cache kept.
        let strings = crate::fingerprint::digest_parts(&[&format!("{translations:?}")]);
        let digests = digests
            .into_iter()
            .map(|(name, digest)| (name, crate::fingerprint::digest_parts(&[&digest, &strings])))
            .collect();
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
        self.with_pulled_in(template).any(|name| {
            self.texts
                .get(&name)
                .is_some_and(|text| text.contains(needle))
        })
    }

    /// `template`, then the templates it extends, includes or imports, nearest first,
    /// each once.
    fn with_pulled_in(&self, template: &str) -> impl Iterator<Item = String> + '_ {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo = std::collections::VecDeque::from([template.to_owned()]);
        std::iter::from_fn(move || {
            let name = todo.pop_front()?;
            let referenced = self.tera.templates.get(&name).map(template_ast::references);
            for referenced in referenced.into_iter().flatten() {
                if seen.insert(referenced.clone()) {
                    todo.push_back(referenced);
                }
            }
            Some(name)
        })
    }

    /// True when a template of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Whether some template's text contains `needle`.
    pub fn any_mentions(&self, needle: &str) -> bool {
        self.texts.values().any(|text| text.contains(needle))
    }

    /// A Tera error met rendering `rendering` with these templates, as [`template_error`]
    /// says it, placed at the line that writes the filter, function, tester or variable
    /// Tera could not find: in the template rendered or in one it extends, includes or
    /// imports, since Tera names only the first (`Failed to render 'index.html' (error
    /// happened in a parent template)` for a mistake in `base.html`).
    pub fn render_error(&self, e: &tera::Error, rendering: Option<&Path>) -> Diagnostic {
        let d = template_error(e, &self.sources, rendering);
        if d.span.is_some() {
            return d;
        }
        let Some(missing) = super::template_place::missing_name(&d.message) else {
            return d;
        };
        let Some(rendered) = quoted_template(&d.message, &self.sources) else {
            return d;
        };
        let found = self.with_pulled_in(&rendered).find_map(|name| {
            let (line, column) = super::template_place::find(self.texts.get(&name)?, &missing)?;
            Some((self.sources.get(&name)?, line, column))
        });
        if let Some((file, line, column)) = found {
            return d
                .in_file(file)
                .at_span(crate::diag::Span::point(line, column));
        }
        d
    }

    /// Whether some shortcode (or a template it pulls in) contains `needle`.
    pub fn shortcodes_mention(&self, needle: &str) -> bool {
        self.sources
            .keys()
            .filter(|name| name.starts_with("shortcodes/"))
            .any(|name| self.mentions(name, needle))
    }
}

/// Templates parsed once for every site whose template files are the same texts read
/// from the same files (relative to the site), such as the members of a network
/// sharing its theme: each site takes a copy of the parsed templates, to which it adds
/// its own functions. Copying a parsed `Tera` costs far less than parsing it again.
#[derive(Default)]
pub struct ParsedThemes {
    parsed: Mutex<HashMap<blake3::Hash, Arc<ParsedTemplates>>>,
}

impl std::fmt::Debug for ParsedThemes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedThemes").finish_non_exhaustive()
    }
}

impl ParsedThemes {
    /// A copy of the templates parsed from `files`, parsing them when no site did yet.
    /// Templates that fail to parse are not kept: each site reports their errors.
    fn get_or_parse(&self, files: TemplateFiles<'_>) -> Result<ParsedTemplates, Diagnostics> {
        let key = files.digest();
        let known = self
            .parsed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .cloned();
        if let Some(parsed) = known {
            return Ok(ParsedTemplates::clone(&parsed));
        }
        let parsed = files.parse()?;
        self.parsed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, Arc::new(parsed.clone()));
        Ok(parsed)
    }

    /// How many distinct sets of template files were parsed.
    #[cfg(test)]
    fn parsed_count(&self) -> usize {
        self.parsed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// The template files of a site, read: its theme's name, every template's text and file
/// (theme, then site), and those of the theme alone (reachable as `THEME/templates/NAME`).
struct TemplateFiles<'a> {
    theme: Option<&'a str>,
    texts: BTreeMap<String, String>,
    sources: BTreeMap<String, PathBuf>,
    theme_files: Option<(BTreeMap<String, String>, BTreeMap<String, PathBuf>)>,
}

/// Templates parsed and checked, before any function is registered: what every site
/// with the same [`TemplateFiles`] shares.
#[derive(Clone)]
struct ParsedTemplates {
    tera: Tera,
    texts: BTreeMap<String, String>,
    sources: BTreeMap<String, PathBuf>,
    digests: BTreeMap<String, u64>,
    sections_need_pages: bool,
    lists_need_content: bool,
    words: Option<Arc<std::collections::HashSet<String>>>,
}

impl TemplateFiles<'_> {
    /// A digest of everything parsing reads: equal files give equal templates.
    fn digest(&self) -> blake3::Hash {
        let mut hasher = blake3::Hasher::new();
        let mut add = |text: &str| {
            hasher.update(&(text.len() as u64).to_le_bytes());
            hasher.update(text.as_bytes());
        };
        add(self.theme.unwrap_or("\0"));
        let mut add_files = |texts: &BTreeMap<String, String>,
                             sources: &BTreeMap<String, PathBuf>| {
            add(&texts.len().to_string());
            for (name, text) in texts {
                add(name);
                add(text);
            }
            for (name, file) in sources {
                add(name);
                add(&file.to_string_lossy());
            }
        };
        add_files(&self.texts, &self.sources);
        if let Some((texts, sources)) = &self.theme_files {
            add_files(texts, sources);
        }
        hasher.finalize()
    }

    /// Parses every template, adds the theme's own under `THEME/templates/NAME`, and
    /// refuses loops of `extends`, `include` and macros.
    fn parse(self) -> Result<ParsedTemplates, Diagnostics> {
        let TemplateFiles {
            theme,
            mut texts,
            mut sources,
            theme_files,
        } = self;
        let mut parsed = super::tera_load::parse_all(&texts, &sources)?;
        if let (Some(theme), Some((theme_texts, theme_sources))) = (theme, &theme_files) {
            super::tera_load::add_theme_names(
                theme,
                theme_texts,
                theme_sources,
                &mut texts,
                &mut sources,
                &mut parsed,
            )?;
        }
        let digests = crate::fingerprint::template_digests(&texts);
        let sections_need_pages = texts.values().any(|t| t.contains("section.pages"));
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".htm", ".xml"]);
        // The crate's one HTML escape, which leaves `/` alone so URLs in the output stay
        // readable (`https://…`, not Tera's `https:&#x2F;…`).
        tera.set_escape_fn(crate::html_text::escape);
        super::tera_load::install(&mut tera, parsed, &sources, theme)?;
        let lists_need_content = tera.templates.values().any(mentions_listed_content);
        let words = template_words(&tera.templates);
        if let Some(cycle) = super::include_cycle::find_include_cycle(&tera) {
            return Err(include_cycle_error(&cycle, &sources).into());
        }
        if let Some((template, name)) = super::include_cycle::find_endless_macro(&tera) {
            let mut d =
                Diagnostic::error("E0406", crate::t!("template-endless-macro", name = &name))
                    .help(crate::t!("template-endless-macro.help"));
            if let Some(file) = sources.get(&template) {
                d = d.in_file(file);
            }
            return Err(d.into());
        }
        Ok(ParsedTemplates {
            tera,
            texts,
            sources,
            digests,
            sections_need_pages,
            lists_need_content,
            words,
        })
    }
}

/// The folders of theme `name`, relative to `root`, read in this order: the network's
/// shared copy (under `shared`), then the site's own; none when neither exists.
fn theme_dirs(root: &Path, shared: Option<&Path>, name: &str) -> Vec<PathBuf> {
    let own = PathBuf::from("themes").join(name);
    let shared = shared.map(|s| s.join("themes").join(name));
    shared
        .into_iter()
        .chain([own])
        .filter(|dir| root.join(dir).is_dir())
        .collect()
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
    let mut walk = bounds.walk(&full, |e| e.depth() == 0 || !hidden(e));
    // An unreadable folder holds no template.
    while let Some(entry) = walk.next_within(diagnostics) {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(&full) else {
            continue;
        };
        let name = relative.to_string_lossy().replace('\\', "/");
        let file = dir.join(relative);
        match std::fs::read(entry.path())
            .map_err(|e| Said::from(e.to_string()))
            .and_then(|b| {
                crate::content::decode::decode(&file, &b).map_err(|d| Said {
                    text: d.localized.message.clone(),
                    english: d.message,
                })
            }) {
            Ok(text) => {
                texts.insert(name.clone(), text);
                sources.insert(name, file);
            }
            Err(message) => diagnostics.push(
                Diagnostic::error("E0402", crate::t!("template-unreadable", reason = message))
                    .in_file(&file)
                    .help(crate::t!("template-unreadable.help")),
            ),
        }
    }
}

/// A template that includes itself would recurse until the stack runs out.
fn include_cycle_error(cycle: &[String], sources: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let chain = cycle.join(" → ");
    let mut d = Diagnostic::error("E0406", crate::t!("template-include-loop", chain = &chain))
        .help(crate::t!("template-include-loop.help"));
    if let Some(file) = cycle.first().and_then(|name| sources.get(name)) {
        d = d.in_file(file);
    }
    d
}

/// The words a template could read from a listed page as a field name: every
/// identifier-like run of the names, variable paths and string literals in the
/// templates' syntax trees (the HTML around the tags names no field), except those
/// only written right after `page.` or `section.`, the page or section being rendered
/// (unless some template binds `page` or `section` to something else). A field of a
/// listed page whose name is not among them cannot be read by any template, so lists
/// leave it out: copying each summary into every list that shows it is a large part of
/// a build. `None` (keep every field) when a template could reach a field without
/// naming it, by serialising a whole object or the whole context.
fn template_words(
    templates: &HashMap<String, Template>,
) -> Option<std::sync::Arc<std::collections::HashSet<String>>> {
    let own_roots: Vec<&str> = ["page", "section"]
        .into_iter()
        .filter(|root| !templates.values().any(|t| rebinds(t, root)))
        .collect();
    let mut words = Words {
        own_roots: &own_roots,
        words: std::collections::HashSet::new(),
        sees_every_key: false,
    };
    for template in templates.values() {
        template_ast::walk(template, &mut words);
    }
    (!words.sees_every_key).then(|| std::sync::Arc::new(words.words))
}

/// True for an argument whose string names a file, a URL, a theme string or a format,
/// never a field of a listed page: `trans(key="toc")` must not make every list carry
/// each page's table of contents. (`sort(attribute="date")` does name one.)
fn names_no_field(function: &str, argument: &str) -> bool {
    matches!(
        (function, argument),
        ("trans", "key" | "lang")
            | (
                "get_url" | "get_section" | "get_page" | "get_image_metadata",
                "path"
            )
            | ("get_url" | "get_taxonomy_url", "lang")
            | (
                "get_taxonomy" | "get_taxonomy_url" | "get_taxonomy_term",
                "kind"
            )
            | ("resize_image", "path" | "op" | "format")
            | ("load_data", "path" | "format")
            | ("date", "format" | "timezone")
    )
}

/// Collects [`template_words`].
struct Words<'a> {
    own_roots: &'a [&'a str],
    words: std::collections::HashSet<String>,
    /// A template serialises a whole object or the context.
    sees_every_key: bool,
}

impl Words<'_> {
    const SEES_EVERY_KEY: [&'static str; 3] = ["json_encode", "__tera_context", "tojson"];

    fn add(&mut self, word: &str) {
        if Self::SEES_EVERY_KEY.contains(&word) {
            self.sees_every_key = true;
        }
        if !self.words.contains(word) {
            self.words.insert(word.to_owned());
        }
    }

    fn add_all(&mut self, text: &str) {
        for (_, word) in identifiers(text) {
            self.add(word);
        }
    }
}

impl template_ast::Visitor for Words<'_> {
    fn ident(&mut self, path: &str) {
        for (start, word) in identifiers(path) {
            let before = &path[..start];
            let field_of_own = before.strip_suffix('.').is_some_and(|b| {
                self.own_roots.iter().any(|root| {
                    b.strip_suffix(root)
                        .is_some_and(|rest| !rest.ends_with(|c: char| is_identifier(c) || c == '.'))
                })
            });
            if !field_of_own {
                self.add(word);
            }
        }
    }

    fn string(&mut self, value: &str) {
        self.add_all(value);
    }

    fn argument_string(&mut self, function: &str, argument: &str, value: &str) {
        if !names_no_field(function, argument) {
            self.add_all(value);
        }
    }

    fn name(&mut self, name: &str) {
        self.add_all(name);
    }

    fn binds(&mut self, name: &str) {
        self.add_all(name);
    }
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

/// True when a `{% for %}`, `{% set %}`, `{% set_global %}` or a macro's parameters
/// in `template` bind the name `root`.
fn rebinds(template: &Template, root: &str) -> bool {
    struct Binds<'a> {
        root: &'a str,
        found: bool,
    }
    impl template_ast::Visitor for Binds<'_> {
        fn binds(&mut self, name: &str) {
            self.found |= name == self.root;
        }
    }
    let mut binds = Binds { root, found: false };
    template_ast::walk(template, &mut binds);
    binds.found
}

/// Rough but safe: a template that touches `.content` of something other than the
/// page or section being rendered needs listed pages to carry their full HTML.
fn mentions_listed_content(template: &Template) -> bool {
    struct Content(bool);
    impl Content {
        fn look(&mut self, code: &str) {
            self.0 |= code.match_indices(".content").any(|(i, _)| {
                let before = &code[..i];
                !(before.ends_with("page") || before.ends_with("section"))
            });
        }
    }
    impl template_ast::Visitor for Content {
        fn ident(&mut self, path: &str) {
            self.look(path);
        }
        fn string(&mut self, value: &str) {
            self.look(value);
        }
    }
    let mut content = Content(false);
    template_ast::walk(template, &mut content);
    content.0
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
    let place = chain.iter().find_map(|m| parser_place(m));
    let message = match &place {
        Some((_, _, reason)) => format!("{}: {reason}", chain[0]),
        None => chain.join(": ").replace('\n', " "),
    };
    let unparsed = place.is_some();
    let mut d = Diagnostic::error("E0403", crate::t!("template-error", reason = &message));
    if let Some(file) = template.and_then(|t| sources.get(&t)) {
        d = d.in_file(file);
        if let Some((line, column, _)) = place {
            d = d.at_span(crate::diag::Span::point(line, column));
        }
    }
    if let Some(page) = rendering {
        d = d.help(crate::t!(
            "template-error.help",
            file = crate::diag::display_path(page)
        ));
    } else if unparsed {
        d = d.help(crate::t!("template-unparsed-help"));
    }
    d
}

/// Macros that recursed [`super::macro_depth::MAX_MACRO_DEPTH`] deep: one diagnostic
/// for the macros, whichever page met it first (every page showing them would).
fn recursion_error(message: &str, sources: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let mut d = Diagnostic::error("E0406", recursion_message(message))
        .help(crate::t!("template-recursion.help"));
    if let Some(file) = quoted_template(message, sources).and_then(|t| sources.get(&t)) {
        d = d.in_file(file);
    }
    d
}

/// `template recursion: macro `m` in 'm.html' was entered 100 calls deep; these macros
/// call each other without end: m.html::m → m.html::m` in the run's language.
fn recursion_message(message: &str) -> Said {
    let between = |text: &str, mark: char| -> Option<String> {
        let (_, rest) = text.split_once(mark)?;
        Some(rest.split_once(mark)?.0.to_owned())
    };
    let place = message
        .strip_prefix(super::macro_depth::TOO_DEEP)
        .unwrap_or(message);
    let (place, chain) = match place.split_once(super::macro_depth::CYCLE) {
        Some((place, chain)) => (place, Some(chain)),
        None => (place, None),
    };
    let (Some(name), Some(file)) = (between(place, '`'), between(place, '\'')) else {
        return Said::from(message);
    };
    let depth = super::macro_depth::MAX_MACRO_DEPTH;
    match chain {
        Some(chain) => crate::t!(
            "template-recursion.cycle",
            name = name,
            file = file,
            depth = depth,
            chain = chain
        ),
        None => crate::t!(
            "template-recursion",
            name = name,
            file = file,
            depth = depth
        ),
    }
}

fn quoted_template(message: &str, sources: &BTreeMap<String, PathBuf>) -> Option<String> {
    message
        .split('\'')
        .skip(1)
        .step_by(2)
        .find(|name| sources.contains_key(*name))
        .map(str::to_owned)
}

/// Where a Tera parse error is and why: the template parser (pest) writes its errors
/// as a drawing, ` --> LINE:COL`, the line with a caret under the place, then
/// `= REASON`; the diagnostic draws the line itself, so only the place and the reason
/// are kept.
fn parser_place(message: &str) -> Option<(u32, u32, String)> {
    let at = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("--> "))?;
    let (line, column) = at.trim().split_once(':')?;
    let reason = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("= "))
        .unwrap_or("");
    Some((
        line.parse().ok()?,
        column.parse().ok()?,
        reason.trim().to_owned(),
    ))
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

    fn parsed(templates: &[(&str, &str)]) -> HashMap<String, Template> {
        templates
            .iter()
            .map(|(n, t)| {
                let template = Template::new(n, None, t).expect("parses");
                ((*n).to_owned(), template)
            })
            .collect()
    }

    fn words_of(templates: &[(&str, &str)]) -> Option<Vec<String>> {
        template_words(&parsed(templates)).map(|set| {
            let mut words: Vec<String> = set.iter().cloned().collect();
            words.sort();
            words
        })
    }

    /// A site's template files: `templates` read from the shared theme `t`.
    fn files(templates: &[(&str, &str)]) -> TemplateFiles<'static> {
        let texts: BTreeMap<String, String> = templates
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        let sources: BTreeMap<String, PathBuf> = templates
            .iter()
            .map(|(n, _)| {
                (
                    (*n).to_owned(),
                    Path::new("../../themes/t/templates").join(n),
                )
            })
            .collect();
        TemplateFiles {
            theme: Some("t"),
            theme_files: Some((texts.clone(), sources.clone())),
            texts,
            sources,
        }
    }

    fn rendered(parsed: &ParsedTemplates, template: &str) -> String {
        let mut context = tera::Context::new();
        context.insert("title", "标题");
        parsed.tera.render(template, &context).expect("renders")
    }

    #[test]
    fn sites_with_the_same_template_files_share_one_parse_and_an_override_has_its_own() {
        let shared = [
            ("base.html", "<main>{% block main %}{% endblock %}</main>"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block main %}{{ title }}{% endblock %}",
            ),
        ];
        let themes = ParsedThemes::default();
        let first = themes.get_or_parse(files(&shared)).expect("parses");
        let second = themes.get_or_parse(files(&shared)).expect("parses");
        assert_eq!(themes.parsed_count(), 1);
        assert_eq!(rendered(&first, "page.html"), "<main>标题</main>");
        assert_eq!(rendered(&second, "page.html"), "<main>标题</main>");
        assert_eq!(first.digests, second.digests);

        let overridden = [shared[0], ("page.html", "<p>{{ title }}</p>")];
        let own = themes.get_or_parse(files(&overridden)).expect("parses");
        assert_eq!(themes.parsed_count(), 2);
        assert_eq!(rendered(&own, "page.html"), "<p>标题</p>");
        // The shared parse is unchanged by the override.
        let again = themes.get_or_parse(files(&shared)).expect("parses");
        assert_eq!(rendered(&again, "page.html"), "<main>标题</main>");
    }

    #[test]
    fn templates_that_fail_to_parse_are_reported_to_every_site_and_not_kept() {
        let broken = [("page.html", "{% if %}")];
        let themes = ParsedThemes::default();
        for _ in 0..2 {
            let Err(problems) = themes.get_or_parse(files(&broken)) else {
                panic!("a broken template parsed");
            };
            assert!(problems.has_errors());
        }
        assert_eq!(themes.parsed_count(), 0);
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
    fn strings_naming_theme_strings_or_files_name_no_field() {
        let words = words_of(&[(
            "page.html",
            "{{ trans(key=\"toc\") }}{{ get_url(path=\"summary.css\") }}\
             {{ p.date | date(format=\"extra\") }}\
             {% for p in pages | sort(attribute=\"weight\") %}{{ p.title }}{% endfor %}",
        )])
        .unwrap_or_default();
        for field in ["title", "weight", "date"] {
            assert!(
                words.contains(&field.to_owned()),
                "{field} not in {words:?}"
            );
        }
        for not_field in ["toc", "summary", "css", "extra"] {
            assert!(
                !words.contains(&not_field.to_owned()),
                "{not_field} in {words:?}"
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
        let content = |text: &str| mentions_listed_content(&parsed(&[("a.html", text)])["a.html"]);
        assert!(!content(
            "<style>.content { margin: 0 }</style>{{ page.content | safe }}"
        ));
        assert!(content(
            "{% for p in section.pages %}{{ p.content | safe }}{% endfor %}"
        ));
        assert!(content(
            "{% macro card(p) %}{{ p.content | safe }}{% endmacro card %}"
        ));
    }
}
