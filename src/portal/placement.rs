//! 头条, 置顶 and 图片新闻: which pages lead, which are pinned to the top of their
//! section's lists (a headline above the pins) and which make the home page's photo
//! block. A pin or headline lapses after its `pin_until` / `headline_until` day, so a
//! forgotten pin does not stay forever; both are applied after neighbours are linked,
//! so previous/next still follow the section's own order.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{PageId, Portal, SectionId};
use crate::content::Page;
use crate::content::meta::Date;

/// How many pages the home page's photo block holds at most.
pub const PHOTO_NEWS_LIMIT: usize = 6;

/// A pin or headline older than this many days is a `check` warning (W0305).
pub const STALE_PIN_DAYS: i64 = 90;

/// True while `until` has not passed: a bare day lasts to its end on the site's clock.
fn still_on(until: Option<&Date>, now: DateTime<Utc>, zone: Tz) -> bool {
    let Some(until) = until else {
        return true;
    };
    let end = if until.has_time {
        until.instant(zone)
    } else {
        until.instant(zone) + chrono::Duration::days(1)
    };
    now < end
}

/// The rank of `page`'s pin while it holds (1 first); `None` when not pinned.
pub fn active_pin(page: &Page, now: DateTime<Utc>, zone: Tz) -> Option<u32> {
    let placement = &page.meta.placement;
    let rank = placement.pin.as_ref()?.value;
    still_on(placement.pin_until.as_ref(), now, zone).then_some(rank)
}

/// Whether `page` is a 头条 now.
pub fn is_headline(page: &Page, now: DateTime<Utc>, zone: Tz) -> bool {
    let placement = &page.meta.placement;
    placement.headline
        && still_on(
            placement.headline_until.as_ref().map(|d| &d.value),
            now,
            zone,
        )
}

/// Whether `page` belongs in the photo block: asked for with `photo = true`, or it
/// has a cover and did not say `photo = false`.
pub fn is_photo_news(page: &Page) -> bool {
    page.meta
        .placement
        .photo
        .unwrap_or(page.meta.cover.is_some())
        && page.meta.cover.is_some()
}

/// Moves the headlines (头条, the editor's guide: the first of their section) of a
/// sorted list to its top, then the pinned pages by rank, keeping the list's order
/// among equal ranks and among the other pages.
pub(super) fn headlines_and_pins_first(portal: &Portal, ids: &mut [PageId]) {
    let rank = |id: &PageId| {
        let page = portal.page(*id);
        if page.headline {
            0
        } else {
            page.pin.unwrap_or(u32::MAX)
        }
    };
    if ids.iter().all(|id| rank(id) == u32::MAX) {
        return;
    }
    ids.sort_by_key(rank);
}

/// The headline of every section (its own pages and those of the sections below, the
/// home section's being the whole site's), and the photo news, newest first.
pub(super) fn collect(portal: &Portal) -> (Vec<Option<PageId>>, Vec<PageId>) {
    let by_date = portal.pages_by_date();
    let mut headlines: Vec<Option<PageId>> = vec![None; portal.sections.len()];
    for id in by_date.iter().filter(|id| portal.page(**id).headline) {
        let mut section = Some(portal.page(*id).section);
        while let Some(at) = section {
            let slot = &mut headlines[at.index()];
            if slot.is_none() {
                *slot = Some(*id);
            }
            section = portal.section(at).parent;
        }
    }
    let home = portal.home().id;
    if let Some(slot) = headlines.get_mut(home.index())
        && slot.is_none()
    {
        // The home section lists only its own pages; its headline is the site's.
        *slot = by_date.iter().copied().find(|id| portal.page(*id).headline);
    }
    let photos = by_date
        .iter()
        .copied()
        .filter(|id| is_photo_news(&portal.page(*id).source))
        .take(PHOTO_NEWS_LIMIT)
        .collect();
    (headlines, photos)
}

/// The headline of section `id`, when one of its pages (or of the sections below) is one.
pub fn headline_of(portal: &Portal, id: SectionId) -> Option<PageId> {
    portal.headlines.get(id.index()).copied().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instant(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .with_timezone(&Utc)
    }

    #[test]
    fn a_bare_day_lasts_to_its_end_on_the_sites_clock() {
        let zone: Tz = "Asia/Shanghai".parse().expect("zone");
        let until = Date::parse("2026-06-30");
        // 23:59 in Shanghai is 15:59 UTC: still on; midnight in Shanghai: over.
        assert!(still_on(
            until.as_ref(),
            instant("2026-06-30T15:59:00Z"),
            zone
        ));
        assert!(!still_on(
            until.as_ref(),
            instant("2026-06-30T16:00:00Z"),
            zone
        ));
        let exact = Date::parse("2026-06-30T12:00:00+08:00");
        assert!(still_on(
            exact.as_ref(),
            instant("2026-06-30T03:59:59Z"),
            zone
        ));
        assert!(!still_on(
            exact.as_ref(),
            instant("2026-06-30T04:00:00Z"),
            zone
        ));
        assert!(still_on(None, instant("2099-01-01T00:00:00Z"), zone));
    }
}
