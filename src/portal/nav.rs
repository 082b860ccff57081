//! Order and navigation: each section's sorted page list, previous/next neighbours and
//! the pagination plan shared by sections and taxonomy terms.

use std::cmp::Ordering;

use super::{PageId, Portal, SectionId};
use crate::content::date::SiteDate;
use crate::content::meta::SortBy;

/// Fills `subsections`, `pages`, `lower` and `higher`.
pub(super) fn link_sections(portal: &mut Portal) {
    let count = portal.sections.len();
    let mut children: Vec<Vec<SectionId>> = vec![Vec::new(); count];
    for section in &portal.sections {
        if let Some(parent) = section.parent {
            children[parent.index()].push(section.id);
        }
    }
    for list in &mut children {
        list.sort_by(|a, b| {
            let (a, b) = (
                &portal.sections[a.index()].source,
                &portal.sections[b.index()].source,
            );
            a.meta
                .weight
                .cmp(&b.meta.weight)
                .then_with(|| a.meta.title.cmp(&b.meta.title))
                .then_with(|| a.key.cmp(&b.key))
        });
    }
    let mut direct: Vec<Vec<PageId>> = vec![Vec::new(); count];
    for page in portal.pages.iter().filter(|p| p.listed) {
        direct[page.section.index()].push(page.id);
    }
    let lists: Vec<Vec<PageId>> = (0..count)
        .map(|i| {
            let mut ids = direct[i].clone();
            // Pages of transparent subsections are listed in their parent too.
            for child in &children[i] {
                if portal.sections[child.index()].source.meta.transparent {
                    ids.extend(&direct[child.index()]);
                }
            }
            sort_pages(portal, &mut ids, portal.sections[i].source.meta.sort_by);
            ids
        })
        .collect();
    for (i, ids) in lists.iter().enumerate() {
        let sort_by = portal.sections[i].source.meta.sort_by;
        if sort_by != SortBy::None {
            // A transparent subsection's pages take their neighbours from their own section.
            let own: Vec<PageId> = ids
                .iter()
                .copied()
                .filter(|id| portal.pages[id.index()].section.index() == i)
                .collect();
            set_neighbours(portal, &own, sort_by);
        }
    }
    // Headlines, then pinned pages, lead the lists; neighbours above keep the section's
    // own order.
    let lists: Vec<Vec<PageId>> = lists
        .into_iter()
        .map(|mut ids| {
            super::placement::headlines_and_pins_first(portal, &mut ids);
            ids
        })
        .collect();
    for (section, (subsections, pages)) in portal
        .sections
        .iter_mut()
        .zip(children.into_iter().zip(lists))
    {
        section.subsections = subsections;
        section.pages = pages;
    }
}

/// Links each page of a sorted list to its neighbours: lower = smaller sort key.
fn set_neighbours(portal: &mut Portal, ids: &[PageId], sort_by: SortBy) {
    // Date lists run newest first, so the next page in the list is the lower one.
    let descending = matches!(sort_by, SortBy::Date | SortBy::UpdateDate);
    for (i, id) in ids.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| ids[j]);
        let after = ids.get(i + 1).copied();
        let page = std::sync::Arc::make_mut(&mut portal.pages[id.index()]);
        (page.lower, page.higher) = if descending {
            (after, before)
        } else {
            (before, after)
        };
    }
}

/// Sorts page ids the way a section's `sort_by` asks, deterministically.
pub fn sort_pages(portal: &Portal, ids: &mut [PageId], sort_by: SortBy) {
    let page = |id: &PageId| &portal.pages[id.index()];
    let by_key = |a: &PageId, b: &PageId| page(a).source.key.cmp(&page(b).source.key);
    match sort_by {
        SortBy::Date => ids.sort_by(|a, b| {
            newest_first(page(a).date.as_ref(), page(b).date.as_ref()).then_with(|| by_key(a, b))
        }),
        SortBy::UpdateDate => ids.sort_by(|a, b| {
            let date = |id: &PageId| page(id).updated.as_ref().or(page(id).date.as_ref());
            newest_first(date(a), date(b)).then_with(|| by_key(a, b))
        }),
        SortBy::Weight => ids.sort_by(|a, b| {
            let w = |id: &PageId| page(id).source.meta.weight.unwrap_or(i64::MAX);
            w(a).cmp(&w(b)).then_with(|| by_key(a, b))
        }),
        SortBy::Title => ids.sort_by(|a, b| {
            natural_cmp(&page(a).source.meta.title, &page(b).source.meta.title)
                .then_with(|| by_key(a, b))
        }),
        SortBy::TitleBytes => ids.sort_by(|a, b| {
            page(a)
                .source
                .meta
                .title
                .cmp(&page(b).source.meta.title)
                .then_with(|| by_key(a, b))
        }),
        SortBy::Slug => ids.sort_by(|a, b| {
            page(a)
                .url
                .slug
                .cmp(&page(b).url.slug)
                .then_with(|| by_key(a, b))
        }),
        SortBy::None => ids.sort_by(by_key),
    }
}

/// Later instants first, undated pages last.
fn newest_first(a: Option<&SiteDate>, b: Option<&SiteDate>) -> Ordering {
    match (a.map(|d| d.instant), b.map(|d| d.instant)) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares titles so that numbers inside them sort by value (第2期 before 第10期).
fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let n = |it: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut digits = String::new();
                    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
                        digits.push(c);
                        it.next();
                    }
                    digits
                };
                let (da, db) = (n(&mut a), n(&mut b));
                let (ta, tb) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
                let order = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                a.next();
                b.next();
            }
        }
    }
}

/// One page of a paginated list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// 1-based.
    pub index: usize,
    /// First and one-past-last position in the full list.
    pub range: (usize, usize),
    /// Site-relative path: the list's own path for the first pager, else `…/page/N/`.
    pub path: String,
}

/// Splits a list of `total` items at `base_path` into pagers of `per_page`. An empty
/// list still has one (empty) pager, so the list page exists.
pub fn paginate(base_path: &str, total: usize, per_page: usize, paginate_path: &str) -> Vec<Pager> {
    let per_page = per_page.max(1);
    let count = total.div_ceil(per_page).max(1);
    (1..=count)
        .map(|index| Pager {
            index,
            range: ((index - 1) * per_page, (index * per_page).min(total)),
            path: pager_path(base_path, paginate_path, index),
        })
        .collect()
}

/// `…/page/N/` for N > 1, the list's own path for N = 1.
pub fn pager_path(base_path: &str, paginate_path: &str, index: usize) -> String {
    if index == 1 {
        base_path.to_owned()
    } else {
        format!("{base_path}{paginate_path}/{index}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_of_titles() {
        assert_eq!(natural_cmp("第2期", "第10期"), Ordering::Less);
        assert_eq!(natural_cmp("a", "b"), Ordering::Less);
        assert_eq!(natural_cmp("x01", "x1"), Ordering::Equal);
    }

    #[test]
    fn pagination_has_at_least_one_pager() {
        assert_eq!(paginate("/news/", 0, 10, "page").len(), 1);
        let pagers = paginate("/news/", 45, 20, "page");
        assert_eq!(pagers.len(), 3);
        assert_eq!(pagers[0].path, "/news/");
        assert_eq!(pagers[2].path, "/news/page/3/");
        assert_eq!(pagers[2].range, (40, 45));
    }
}
