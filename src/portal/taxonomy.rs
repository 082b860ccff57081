//! Taxonomies (tags, categories and any other declared in config): their terms, each
//! term's slug and URL, and the pages filed under it, newest first.

use std::collections::BTreeMap;

use super::{PageId, Portal, urls};
use crate::config::{SlugStrategy, TaxonomyConfig};
use crate::content::meta::SortBy;
use crate::diag::{Diagnostic, Diagnostics};

/// A declared taxonomy and its terms.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// The declaration from config.
    pub config: TaxonomyConfig,
    /// URL segment of the taxonomy (`tags`).
    pub slug: String,
    /// `/tags/`.
    pub path: String,
    /// `base_url` + `path`.
    pub permalink: String,
    /// Terms ordered by slug.
    pub terms: Vec<Term>,
    /// How term names become slugs.
    pub strategy: SlugStrategy,
}

/// One term of a taxonomy.
#[derive(Debug, Clone)]
pub struct Term {
    /// As editors wrote it (the first spelling met).
    pub name: String,
    /// URL segment.
    pub slug: String,
    /// `/tags/ke-pu/`.
    pub path: String,
    /// `base_url` + `path`.
    pub permalink: String,
    /// Listed pages, newest first.
    pub pages: Vec<PageId>,
}

impl Taxonomy {
    /// The term with this name (or slug).
    pub fn term(&self, name: &str) -> Option<&Term> {
        let slug = term_slug(name, self.strategy);
        self.terms.iter().find(|t| t.name == name || t.slug == slug)
    }
}

/// Builds every declared taxonomy; a page using an undeclared one gets a warning.
pub(super) fn collect(portal: &Portal) -> (Vec<Taxonomy>, Diagnostics) {
    let config = &portal.config;
    let strategy = config.slugify.taxonomies;
    let mut diagnostics = Diagnostics::new();
    let mut taxonomies: Vec<Taxonomy> = config
        .taxonomies
        .iter()
        .map(|t| {
            let slug = urls::slugify(&t.name, strategy);
            let path = format!("/{slug}/");
            Taxonomy {
                permalink: format!("{}{path}", config.base_url),
                config: t.clone(),
                slug,
                path,
                terms: Vec::new(),
                strategy,
            }
        })
        .collect();
    let mut terms: Vec<BTreeMap<String, Term>> = vec![BTreeMap::new(); taxonomies.len()];
    for page in &portal.pages {
        for (name, values) in &page.source.meta.taxonomies {
            let Some(index) = taxonomies.iter().position(|t| &t.config.name == name) else {
                if !values.is_empty() {
                    diagnostics.push(undeclared(name, &page.source.file));
                }
                continue;
            };
            if !page.listed {
                continue;
            }
            let taxonomy = &taxonomies[index];
            for value in values {
                let slug = term_slug(value, strategy);
                let path = format!("{}{slug}/", taxonomy.path);
                let term = terms[index].entry(slug.clone()).or_insert_with(|| Term {
                    name: value.clone(),
                    permalink: format!("{}{path}", config.base_url),
                    slug,
                    path,
                    pages: Vec::new(),
                });
                if term.pages.last() != Some(&page.id) {
                    term.pages.push(page.id);
                }
            }
        }
    }
    for (taxonomy, terms) in taxonomies.iter_mut().zip(terms) {
        taxonomy.terms = terms
            .into_values()
            .map(|mut term| {
                super::nav::sort_pages(portal, &mut term.pages, SortBy::Date);
                term
            })
            .collect();
    }
    (taxonomies, diagnostics)
}

/// A term's slug; a name with nothing to transliterate (such as 「＋」) keeps its safe form.
fn term_slug(name: &str, strategy: SlugStrategy) -> String {
    let slug = urls::slugify(name, strategy);
    if slug.is_empty() {
        urls::slugify(name, SlugStrategy::Safe)
    } else {
        slug
    }
}

fn undeclared(name: &str, file: &std::path::Path) -> Diagnostic {
    Diagnostic::warning("W0301", crate::t!("taxonomy-undeclared", name = name))
        .in_file(file)
        .help(crate::t!("taxonomy-undeclared.help", name = name))
}
