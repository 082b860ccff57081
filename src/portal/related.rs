//! 相关文章: for each page, up to `[related] limit` other listed pages that share its
//! city, province, tags or series, best first. Scores: same series 3, same city 3, same
//! province (another city) 1, each shared tag 1; ties go to the page closest in date,
//! then to the lower page key, so the result is deterministic.
//!
//! Not quadratic: pages are indexed by each key (an inverted index), each posting list
//! sorted by date, and a page only looks at the [`WINDOW`] pages on either side of
//! itself in each of its lists. Work is `pages × keys × WINDOW`, whatever the site size.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{PageId, Portal, nav};
use crate::content::meta::SortBy;

/// Neighbours looked at on each side of a page in each posting list.
pub const WINDOW: usize = 24;

/// What two pages may share.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Series(String),
    City(u32),
    Province(u32),
    Tag(String),
}

fn weight(key: &Key) -> u32 {
    match key {
        Key::Series(_) | Key::City(_) => 3,
        Key::Province(_) | Key::Tag(_) => 1,
    }
}

/// Related pages for every page (empty for unlisted ones), indexed by `PageId`.
pub(super) fn collect(portal: &Portal) -> Vec<Vec<PageId>> {
    let limit = portal.config.related_limit;
    if limit == 0 {
        return vec![Vec::new(); portal.pages.len()];
    }
    let keys: Vec<Vec<Key>> = portal.pages.iter().map(|p| keys_of(portal, p.id)).collect();
    let mut postings: HashMap<&Key, Vec<PageId>> = HashMap::new();
    for page in portal.pages.iter().filter(|p| p.listed) {
        for key in &keys[page.id.index()] {
            postings.entry(key).or_default().push(page.id);
        }
    }
    // Position of each page in each of its lists, found once after sorting.
    let mut position: HashMap<(&Key, PageId), usize> = HashMap::new();
    for (key, list) in &mut postings {
        nav::sort_pages(portal, list, SortBy::Date);
        for (i, id) in list.iter().enumerate() {
            position.insert((*key, *id), i);
        }
    }
    portal
        .pages
        .par_iter()
        .map(|page| {
            if !page.listed {
                return Vec::new();
            }
            let own = &keys[page.id.index()];
            let mut candidates: Vec<PageId> = Vec::new();
            for key in own {
                let (Some(list), Some(&at)) = (postings.get(key), position.get(&(key, page.id)))
                else {
                    continue;
                };
                let start = at.saturating_sub(WINDOW);
                let end = (at + WINDOW + 1).min(list.len());
                candidates.extend(list[start..end].iter().filter(|id| **id != page.id));
            }
            candidates.sort();
            candidates.dedup();
            rank(portal, page.id, own, &keys, candidates, limit)
        })
        .collect()
}

fn rank(
    portal: &Portal,
    id: PageId,
    own: &[Key],
    keys: &[Vec<Key>],
    candidates: Vec<PageId>,
    limit: usize,
) -> Vec<PageId> {
    let date = |id: PageId| portal.page(id).date.as_ref().map(|d| d.local);
    let distance = |other: PageId| match (date(id), date(other)) {
        (Some(a), Some(b)) => (a - b).num_seconds().unsigned_abs(),
        _ => u64::MAX,
    };
    let mut scored: Vec<(u32, u64, &str, PageId)> = candidates
        .into_iter()
        .map(|other| {
            let theirs = &keys[other.index()];
            let score = own.iter().filter(|k| theirs.contains(k)).map(weight).sum();
            (
                score,
                distance(other),
                portal.page(other).source.key.as_str(),
                other,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
    scored.into_iter().take(limit).map(|s| s.3).collect()
}

/// A page's keys, sorted and without duplicates. The province counts only through a
/// page's place; tags come from the `tags` taxonomy.
fn keys_of(portal: &Portal, id: PageId) -> Vec<Key> {
    let page = portal.page(id);
    let mut keys = Vec::new();
    if let Some(series) = &page.source.meta.series {
        keys.push(Key::Series(series.value.trim().to_owned()));
    }
    if let Some(place) = portal
        .places
        .page_regions
        .get(id.index())
        .copied()
        .flatten()
    {
        if let Some(city) = place.city {
            keys.push(Key::City(city.0));
        }
        keys.push(Key::Province(place.province.0));
    }
    if let Some(tags) = page.source.meta.taxonomies.get("tags") {
        keys.extend(tags.iter().map(|t| Key::Tag(t.trim().to_owned())));
    }
    keys.sort();
    keys.dedup();
    keys
}
