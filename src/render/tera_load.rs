//! Template texts → a ready `Tera`, with every loop that would overflow the stack
//! refused or bounded before Tera sees it. Tera's own loading (`add_raw_templates`)
//! follows `{% extends %}` chains recursively and only notices a loop that comes back
//! to where it started: a site `index.html` extending `index.html`, with a
//! `section.html` extending a template that extends `index.html`, recursed until the
//! process aborted. So each template is parsed alone, the extends graph is checked
//! here (E0406 naming the chain), macros are bounded ([`super::macro_depth`]), and only
//! then are the inheritance chains built.
//!
//! A theme's own file stays reachable under Zola's name for it,
//! `THEME/templates/NAME` (`{% extends "portal/templates/index.html" %}`), even when the
//! site overrides `NAME`: that is how a site template extends the one it replaces.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use tera::{Template, Tera};

use crate::diag::Diagnostic;

/// Parses each of `texts` alone (its `extends` not followed yet).
pub fn parse_all(
    texts: &BTreeMap<String, String>,
    sources: &BTreeMap<String, PathBuf>,
) -> Result<HashMap<String, Template>, Diagnostic> {
    let mut parsed = HashMap::with_capacity(texts.len());
    for (name, text) in texts {
        parsed.insert(name.clone(), parse(name, text, sources)?);
    }
    Ok(parsed)
}

fn parse(
    name: &str,
    text: &str,
    sources: &BTreeMap<String, PathBuf>,
) -> Result<Template, Diagnostic> {
    Template::new(name, None, text).map_err(|e| {
        let e = tera::Error::chain(format!("Failed to parse '{name}'"), e);
        let d = super::theme::template_error(&e, sources, None);
        // The line itself, for the caret under the place.
        match d.span {
            Some(span) => d.at(span, text),
            None => d,
        }
    })
}

/// Adds, for every name `THEME/templates/NAME` that some template of `parsed` refers
/// to, the theme's own `NAME` (text, file and parsed template) under that name,
/// repeating for what those refer to in turn.
pub fn add_theme_names(
    theme: &str,
    theme_texts: &BTreeMap<String, String>,
    theme_sources: &BTreeMap<String, PathBuf>,
    texts: &mut BTreeMap<String, String>,
    sources: &mut BTreeMap<String, PathBuf>,
    parsed: &mut HashMap<String, Template>,
) -> Result<(), Diagnostic> {
    let prefix = format!("{theme}/templates/");
    let mut todo: Vec<String> = parsed.values().flat_map(references).collect();
    while let Some(name) = todo.pop() {
        let Some(own) = name.strip_prefix(&prefix) else {
            continue;
        };
        if texts.contains_key(&name) {
            continue;
        }
        let (Some(text), Some(file)) = (theme_texts.get(own), theme_sources.get(own)) else {
            continue;
        };
        texts.insert(name.clone(), text.clone());
        sources.insert(name.clone(), file.clone());
        let template = parse(&name, text, sources)?;
        todo.extend(references(&template));
        parsed.insert(name, template);
    }
    Ok(())
}

fn references(template: &Template) -> std::collections::BTreeSet<String> {
    super::template_ast::references(template)
}

/// Installs the `parsed` templates into `tera`: the extends graph checked, macros
/// bounded, inheritance built. `theme` names the theme, for the fix of a template that
/// extends itself.
pub fn install(
    tera: &mut Tera,
    mut parsed: HashMap<String, Template>,
    sources: &BTreeMap<String, PathBuf>,
    theme: Option<&str>,
) -> Result<(), Diagnostic> {
    let parents: BTreeMap<&str, &str> = parsed
        .iter()
        .filter_map(|(name, t)| Some((name.as_str(), t.parent.as_deref()?)))
        .collect();
    if let Some(cycle) = super::include_cycle::find_extends_cycle(&parents) {
        return Err(extends_cycle_error(&cycle, sources, theme));
    }
    super::macro_depth::bound_macro_depth(&mut parsed);
    tera.templates.extend(parsed);
    tera.build_inheritance_chains()
        .and_then(|()| tera.check_macro_files())
        .map_err(|e| super::theme::template_error(&e, sources, None))
}

/// Templates that extend each other in a loop would recurse without end.
fn extends_cycle_error(
    cycle: &[String],
    sources: &BTreeMap<String, PathBuf>,
    theme: Option<&str>,
) -> Diagnostic {
    let chain = cycle.join(" → ");
    let mut d = Diagnostic::error("E0406", crate::t!("template-extends-loop", chain = &chain));
    // The usual case: a site template meant to extend the theme's file it overrides.
    let extends_itself = cycle.windows(2).find(|pair| pair[0] == pair[1]);
    d = match (extends_itself, theme) {
        (Some(pair), Some(theme)) => d.help(crate::t!(
            "template-extends-itself",
            name = &pair[0],
            theme = theme
        )),
        _ => d.help(crate::t!("template-extends-loop.help")),
    };
    let file = cycle
        .iter()
        .find(|name| sources.get(*name).is_some_and(|f| !f.starts_with("themes")))
        .or(cycle.first())
        .and_then(|name| sources.get(name));
    if let Some(file) = file {
        d = d.in_file(file);
    }
    d
}
