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
    // Keys are interned as small numbers, so comparing two pages is a merge of two
    // short sorted lists of integers.
    let mut interned: HashMap<Key, u32> = HashMap::new();
    let mut weights: Vec<u32> = Vec::new();
    let keys: Vec<Vec<u32>> = portal
        .pages
        .iter()
        .map(|p| {
            let mut ids: Vec<u32> = keys_of(portal, p.id)
                .into_iter()
                .map(|key| {
                    let next = weights.len() as u32;
                    *interned.entry(key).or_insert_with_key(|key| {
                        weights.push(weight(key));
                        next
                    })
                })
                .collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    let mut postings: Vec<Vec<PageId>> = vec![Vec::new(); weights.len()];
    for page in portal.pages.iter().filter(|p| p.listed) {
        for key in &keys[page.id.index()] {
            postings[*key as usize].push(page.id);
        }
    }
    // Where each page sits in each of its lists: (key, position), by key.
    let mut positions: Vec<Vec<(u32, usize)>> = vec![Vec::new(); portal.pages.len()];
    for (key, list) in postings.iter_mut().enumerate() {
        nav::sort_pages(portal, list, SortBy::Date);
        for (i, id) in list.iter().enumerate() {
            positions[id.index()].push((key as u32, i));
        }
    }
    let facts = Facts::new(portal, &keys, &weights);
    portal
        .pages
        .par_iter()
        .map(|page| {
            if !page.listed {
                return Vec::new();
            }
            let mut candidates: Vec<PageId> = Vec::new();
            for &(key, at) in &positions[page.id.index()] {
                let list = &postings[key as usize];
                let window = &list[at.saturating_sub(WINDOW)..(at + WINDOW + 1).min(list.len())];
                candidates.extend(window.iter().filter(|id| **id != page.id));
            }
            candidates.sort_unstable();
            candidates.dedup();
            rank(&facts, page.id, candidates, limit)
        })
        .collect()
}

/// What ranking reads about every page, in flat arrays indexed by page: each page
/// weighs a few hundred candidates spread over the whole site, and fetching their keys
/// and dates from the pages themselves (one allocation each) missed the cache so often
/// that on 100,000 pages ranking took a seventh of the build.
struct Facts<'a> {
    /// Page `i`'s keys are `keys[key_starts[i]..key_starts[i + 1]]`.
    key_starts: Vec<usize>,
    keys: Vec<u32>,
    weights: &'a [u32],
    /// Seconds of the page's local date and time, when it has a date.
    dates: Vec<Option<i64>>,
}

impl<'a> Facts<'a> {
    fn new(portal: &Portal, keys: &[Vec<u32>], weights: &'a [u32]) -> Facts<'a> {
        let mut key_starts = Vec::with_capacity(keys.len() + 1);
        key_starts.push(0);
        for list in keys {
            key_starts.push(key_starts.last().copied().unwrap_or(0) + list.len());
        }
        Facts {
            key_starts,
            keys: keys.concat(),
            weights,
            dates: portal
                .pages
                .iter()
                .map(|p| p.date.as_ref().map(|d| d.instant.timestamp()))
                .collect(),
        }
    }

    fn keys(&self, id: PageId) -> &[u32] {
        let i = id.index();
        match (self.key_starts.get(i), self.key_starts.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.keys[start..end],
            _ => &[],
        }
    }

    fn date(&self, id: PageId) -> Option<i64> {
        self.dates.get(id.index()).copied().flatten()
    }
}

/// The `limit` best candidates: highest score, then closest in date, then lowest id
/// (pages are numbered in content-path order, so this is deterministic).
fn rank(facts: &Facts, id: PageId, candidates: Vec<PageId>, limit: usize) -> Vec<PageId> {
    let own_date = facts.date(id);
    let distance = |other: PageId| match (own_date, facts.date(other)) {
        (Some(a), Some(b)) => a.abs_diff(b),
        _ => u64::MAX,
    };
    let own = facts.keys(id);
    let mut scored: Vec<(std::cmp::Reverse<u32>, u64, PageId)> = candidates
        .into_iter()
        .map(|other| {
            let score = shared_weight(own, facts.keys(other), facts.weights);
            (std::cmp::Reverse(score), distance(other), other)
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().take(limit).map(|s| s.2).collect()
}

/// The summed weight of the keys two sorted key lists share.
fn shared_weight(a: &[u32], b: &[u32], weights: &[u32]) -> u32 {
    let (mut i, mut j, mut sum) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += weights.get(*x as usize).copied().unwrap_or(0);
                i += 1;
                j += 1;
            }
        }
    }
    sum
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_weight_sums_common_keys_only() {
        let weights = [3, 1, 1, 3];
        assert_eq!(shared_weight(&[0, 1, 2], &[1, 2, 3], &weights), 2);
        assert_eq!(shared_weight(&[0, 3], &[0, 3], &weights), 6);
        assert_eq!(shared_weight(&[], &[0], &weights), 0);
    }

    #[test]
    fn series_and_city_outweigh_a_tag() {
        assert!(weight(&Key::Series("地方篇".into())) > weight(&Key::Tag("科普".into())));
        assert!(weight(&Key::City(1)) > weight(&Key::Province(1)));
    }
}
