//! Navigation: the menus declared in `[[menus]]` with their URLs resolved (an `@/` link
//! to a page or section that does not exist is an error at the config line), and the
//! breadcrumbs (当前位置：首页 » 新闻中心 » 特别关注 » title) of pages, sections and the
//! generated region, series and organization pages.
//!
//! Codes: E0340 a menu URL `@/…` naming no page or section.

use std::collections::BTreeMap;

use super::{PageId, Portal, SectionId};
use crate::config::MenuItemConfig;
use crate::diag::{Diagnostic, Diagnostics};
use crate::url_scheme::{self, Field, Target};

/// One menu entry with its URL resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuItem {
    /// The label.
    pub title: String,
    /// Absolute URL.
    pub url: String,
    /// Site-relative path for marking the current item; `None` for external links.
    pub path: Option<String>,
    /// Entries below it.
    pub children: Vec<MenuItem>,
}

/// Menus by name (`main`, …), each in config order.
pub type Menus = BTreeMap<String, Vec<MenuItem>>;

/// Resolves every menu entry.
pub(super) fn collect(portal: &Portal) -> (Menus, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut menus = Menus::new();
    for item in &portal.config.menus {
        let resolved = resolve(portal, item, &mut diagnostics);
        menus.entry(item.menu.clone()).or_default().push(resolved);
    }
    (menus, diagnostics)
}

fn resolve(portal: &Portal, item: &MenuItemConfig, diagnostics: &mut Diagnostics) -> MenuItem {
    let base = &portal.config.base_url;
    let raw = item.url.value.as_str();
    let (url, path) = if let Some(key) = raw.strip_prefix("@/") {
        let found = portal
            .page_by_key(key)
            .map(|p| &p.url)
            .or_else(|| portal.section_by_key(key).map(|s| &s.url));
        match found {
            Some(url) => (url.permalink.clone(), Some(url.path.clone())),
            None => {
                diagnostics.push(
                    item.url.place(
                        Diagnostic::error(
                            "E0340",
                            crate::t!("menu-target-missing", title = &item.title, target = raw),
                        )
                        .in_file(&portal.config.file)
                        .expected(crate::t!("menu-target-missing.expected"))
                        .help(crate::t!("menu-target-missing.help")),
                    ),
                );
                (raw.to_owned(), None)
            }
        }
    } else if !matches!(url_scheme::check(raw, Field::Link), Ok(Target::Path)) {
        // `https://…`, `mailto:…`, `tel:…` (the config refused every other scheme).
        (raw.to_owned(), None)
    } else {
        let path = format!("/{}", raw.trim_start_matches('/'));
        (format!("{base}{path}"), Some(path))
    };
    MenuItem {
        title: item.title.clone(),
        url,
        path,
        children: item
            .children
            .iter()
            .map(|c| resolve(portal, c, diagnostics))
            .collect(),
    }
}

/// One step of a breadcrumb trail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Crumb {
    /// The label.
    pub title: String,
    /// Absolute URL; `None` for the current page (the last step).
    pub permalink: Option<String>,
}

impl Crumb {
    /// A linked step.
    pub fn link(title: impl Into<String>, permalink: impl Into<String>) -> Crumb {
        Crumb {
            title: title.into(),
            permalink: Some(permalink.into()),
        }
    }

    /// The last, unlinked step.
    pub fn here(title: impl Into<String>) -> Crumb {
        Crumb {
            title: title.into(),
            permalink: None,
        }
    }
}

/// 首页 and the sections from the home down to `id` (included when `include_self`).
pub fn section_trail(portal: &Portal, id: SectionId, include_self: bool) -> Vec<Crumb> {
    let home = portal.home();
    let mut trail = vec![Crumb::link("首页", home.url.permalink.clone())];
    let mut chain = portal.ancestors(id);
    if include_self {
        chain.push(id);
    }
    for sid in chain.into_iter().filter(|s| *s != home.id) {
        let s = portal.section(sid);
        trail.push(Crumb::link(
            s.source.meta.title.clone(),
            s.url.permalink.clone(),
        ));
    }
    trail
}

/// The breadcrumbs of a page: home, its sections, its title.
pub fn page_breadcrumbs(portal: &Portal, id: PageId) -> Vec<Crumb> {
    let page = portal.page(id);
    let mut trail = section_trail(portal, page.section, true);
    trail.push(Crumb::here(page.source.meta.title.clone()));
    trail
}

/// The breadcrumbs of a section: home, its parents, its title (only 首页 for the home).
pub fn section_breadcrumbs(portal: &Portal, id: SectionId) -> Vec<Crumb> {
    let section = portal.section(id);
    if id == portal.home().id {
        return vec![Crumb::here("首页")];
    }
    let mut trail = section_trail(portal, id, false);
    trail.push(Crumb::here(section.source.meta.title.clone()));
    trail
}
