//! The organization directory (机构名录): which pages are organizations (`kind = "org"`,
//! or pages of a section with `kind = "orgs"`), their levels, the parent/child tree
//! (parents are named by title), and the pages that name an organization in `org`.
//!
//! Codes: E0320 unknown level; W0320 a parent that is not in the directory; W0321 an
//! `org` front matter value that names no organization of the directory.

use std::collections::HashMap;

use super::{PageId, Portal, nav};
use crate::content::meta::SortBy;
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::zh;

/// The levels an organization may have, as written in front matter, each with the name
/// readers see (the default theme's `level_*` texts say the same).
pub const LEVELS: &[(&str, &str)] = &[
    ("national", "全国"),
    ("province", "省级"),
    ("city", "市级"),
    ("county", "县级"),
    ("township", "乡镇（街道）"),
    ("society", "学会"),
    ("enterprise", "企业科协"),
    ("park", "园区科协"),
    ("university", "高校科协"),
];

/// The name readers see for a level of [`LEVELS`].
pub fn level_name(level: &str) -> Option<&'static str> {
    LEVELS
        .iter()
        .find_map(|(value, name)| (*value == level).then_some(*name))
}

/// One organization.
#[derive(Debug, Clone)]
pub struct Org {
    /// Its page.
    pub page: PageId,
    /// Its level, when given and valid.
    pub level: Option<String>,
    /// The parent organization's page, when it is in the directory.
    pub parent: Option<PageId>,
    /// Child organizations, by title.
    pub children: Vec<PageId>,
    /// Listed pages whose `org` names it, newest first.
    pub mentions: Vec<PageId>,
}

/// Every organization of the site.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Organizations in page-key order.
    pub orgs: Vec<Org>,
    by_page: HashMap<PageId, usize>,
    by_title: HashMap<String, usize>,
    mentioned: HashMap<PageId, usize>,
}

impl Directory {
    /// The organization a page is, if it is one.
    pub fn of_page(&self, id: PageId) -> Option<&Org> {
        self.by_page.get(&id).map(|i| &self.orgs[*i])
    }

    /// The organization with this title (Simplified or Traditional).
    pub fn by_title(&self, title: &str) -> Option<&Org> {
        self.by_title
            .get(title)
            .or_else(|| self.by_title.get(&zh::to_simplified(title)))
            .map(|i| &self.orgs[*i])
    }

    /// The organization a page names in its `org` front matter.
    pub fn mentioned_by(&self, id: PageId) -> Option<&Org> {
        self.mentioned.get(&id).map(|i| &self.orgs[*i])
    }
}

/// True for a page that is an organization.
pub fn is_org(portal: &Portal, id: PageId) -> bool {
    let page = portal.page(id);
    page.source.meta.kind.as_deref() == Some("org")
        || portal.section(page.section).source.meta.kind.as_deref() == Some("orgs")
}

/// Finds the organizations, checks their levels and links parents and children.
pub(super) fn collect(portal: &Portal) -> (Directory, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut directory = Directory::default();
    for page in portal.pages.iter().filter(|p| is_org(portal, p.id)) {
        let fields = &page.source.meta.org_fields;
        let level = fields.level.as_ref().and_then(|level| {
            if level_name(&level.value).is_some() {
                return Some(level.value.clone());
            }
            let mut d = Diagnostic::error(
                "E0320",
                crate::t!("org-unknown-level", level = &level.value),
            )
            .in_file(&page.source.file)
            .expected(crate::t!("config-one-of", keys = level_list()));
            d = match did_you_mean(&level.value, LEVELS.iter().map(|(value, _)| *value)) {
                Some(close) => d.help(crate::t!("config-did-you-mean", key = close)),
                None => d.help(crate::t!("org-unknown-level.help")),
            };
            if let Some(span) = level.span {
                d = d.at_span(span);
            }
            diagnostics.push(d);
            None
        });
        let index = directory.orgs.len();
        directory.by_page.insert(page.id, index);
        directory
            .by_title
            .entry(page.source.meta.title.trim().to_owned())
            .or_insert(index);
        // A parent may also be named by its slug (`parent = "wuzhou-kexie"`).
        directory
            .by_title
            .entry(page.url.slug.clone())
            .or_insert(index);
        directory.orgs.push(Org {
            page: page.id,
            level,
            parent: None,
            children: Vec::new(),
            mentions: Vec::new(),
        });
    }
    link_parents(portal, &mut directory, &mut diagnostics);
    link_mentions(portal, &mut directory, &mut diagnostics);
    (directory, diagnostics)
}

fn link_parents(portal: &Portal, directory: &mut Directory, diagnostics: &mut Diagnostics) {
    let titles: Vec<String> = directory.by_title.keys().cloned().collect();
    for i in 0..directory.orgs.len() {
        let page = portal.page(directory.orgs[i].page);
        let Some(parent) = &page.source.meta.org_fields.parent else {
            continue;
        };
        match directory.by_title(parent.value.trim()).map(|o| o.page) {
            Some(parent_page) if parent_page != page.id => {
                directory.orgs[i].parent = Some(parent_page);
                if let Some(&p) = directory.by_page.get(&parent_page) {
                    directory.orgs[p].children.push(page.id);
                }
            }
            Some(_) => {}
            None => {
                let d = unknown_org(
                    Diagnostic::warning(
                        "W0320",
                        crate::t!("org-unknown-parent", name = &parent.value),
                    ),
                    &page.source.file,
                    parent,
                    &titles,
                    true,
                );
                diagnostics.push(d);
            }
        }
    }
    for org in &mut directory.orgs {
        nav::sort_pages(portal, &mut org.children, SortBy::Title);
    }
}

fn link_mentions(portal: &Portal, directory: &mut Directory, diagnostics: &mut Diagnostics) {
    if directory.orgs.is_empty() {
        return;
    }
    let titles: Vec<String> = directory.by_title.keys().cloned().collect();
    for page in &portal.pages {
        let Some(name) = &page.source.meta.org else {
            continue;
        };
        let Some(&index) = directory.by_title.get(name.value.trim()).or_else(|| {
            directory
                .by_title
                .get(&zh::to_simplified(name.value.trim()))
        }) else {
            let d = unknown_org(
                Diagnostic::warning("W0321", crate::t!("org-unknown", name = &name.value)),
                &page.source.file,
                name,
                &titles,
                false,
            );
            diagnostics.push(d);
            continue;
        };
        directory.mentioned.insert(page.id, index);
        if page.listed {
            directory.orgs[index].mentions.push(page.id);
        }
    }
    for org in &mut directory.orgs {
        nav::sort_pages(portal, &mut org.mentions, SortBy::Date);
    }
}

/// The levels for an error message: `national (全国), province (省级), …`.
fn level_list() -> String {
    let levels: Vec<String> = LEVELS
        .iter()
        .map(|(value, name)| format!("{value} ({name})"))
        .collect();
    levels.join(", ")
}

/// A warning about an organization name that matches no directory entry, placed at the
/// name and suggesting the closest title; `parent` when the name is a `parent`.
fn unknown_org(
    warning: Diagnostic,
    file: &std::path::Path,
    name: &crate::content::meta::Located<String>,
    titles: &[String],
    parent: bool,
) -> Diagnostic {
    let mut d = warning.in_file(file);
    let close = did_you_mean(&name.value, titles.iter().map(String::as_str));
    d = match (close, parent) {
        (Some(close), true) => d.help(crate::t!("org-unknown-parent.did-you-mean", name = close)),
        (Some(close), false) => d.help(crate::t!("org-unknown.did-you-mean", name = close)),
        (None, true) => d.help(crate::t!("org-unknown-parent.help")),
        (None, false) => d.help(crate::t!("org-unknown.help")),
    };
    if let Some(span) = name.span {
        d = d.at_span(span);
    }
    d
}
