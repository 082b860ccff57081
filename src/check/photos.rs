//! Photo rules: a photo a page shows that menhu cannot read (E0251 not an image, such
//! as an iPhone HEIC photo renamed `.jpg`; E0252 damaged; E0253 over 100 megapixels:
//! an error, since the page shows it broken, its copies never made), an original too large to publish as
//! it is (C0130, warning: phones would download megabytes, so only its resized copies
//! are published unless `keep_original = true`), and a 置顶 or 头条 left on a page older than
//! [`STALE_PIN_DAYS`] (C0131, warning: a forgotten pin keeps old news on top).

use chrono::NaiveDate;

use crate::content::Asset;
use crate::diag::Diagnostic;
use crate::images::ImageError;
use crate::portal::placement::STALE_PIN_DAYS;
use crate::portal::{Portal, PortalPage};

/// Every photo problem of the site.
pub(crate) fn check_photos(portal: &Portal, today: NaiveDate) -> Vec<Diagnostic> {
    // A reprint's photos are the origin's, reported once, by the origin's check.
    let own_pages = portal
        .pages
        .iter()
        .filter(|p| p.source.meta.reprint.is_none());
    let page_assets = own_pages.flat_map(|p| &p.source.assets);
    let section_assets = portal.sections.iter().flat_map(|s| &s.source.assets);
    // The photos pages show that menhu could not read, as the image pipeline says it.
    let unshown = portal.images.unreadable();
    let mut out: Vec<Diagnostic> = unshown.iter().map(ImageError::diagnostic).collect();
    out.extend(
        page_assets
            .chain(section_assets)
            .filter(|asset| !unshown.iter().any(|e| e.path() == asset.file))
            .filter_map(|asset| large_original(portal, asset)),
    );
    out.extend(
        portal
            .pages
            .iter()
            .filter_map(|page| stale_pin(page, today)),
    );
    out
}

/// C0130 for a photo over `max_original_bytes` or `max_original_px`.
fn large_original(portal: &Portal, asset: &Asset) -> Option<Diagnostic> {
    let images = &portal.config.images;
    if !crate::render::photos::is_photo_file(&asset.relative) {
        return None;
    }
    let side = crate::render::photos::longest_side(portal, asset).unwrap_or(0);
    if asset.size <= images.max_original_bytes && side <= images.max_original_px {
        return None;
    }
    let info = portal.images.source(&asset.file).ok();
    let size = match &info {
        Some(info) => crate::t!(
            "check-photo-size",
            bytes = megabytes(asset.size),
            width = info.width,
            height = info.height
        ),
        None => megabytes(asset.size).into(),
    };
    let (side, bytes) = (images.max_original_px, megabytes(images.max_original_bytes));
    let (message, help) = if images.keep_original {
        (
            crate::t!("check-photo-kept", size = size),
            crate::t!("check-photo-kept.help"),
        )
    } else {
        (
            crate::t!("check-photo-large", size = size),
            crate::t!("check-photo-large.help", side = side, bytes = &bytes),
        )
    };
    Some(
        Diagnostic::warning("C0130", message)
            .in_file(&asset.file)
            .expected(crate::t!(
                "check-photo-large.expected",
                side = side,
                bytes = bytes
            ))
            .help(help),
    )
}

/// `7.2 MB`: decimal megabytes, as cameras and file managers count them.
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// C0131 for a page pinned or made the headline more than [`STALE_PIN_DAYS`] after
/// its date, with no end date of its own.
fn stale_pin(page: &PortalPage, today: NaiveDate) -> Option<Diagnostic> {
    let placement = &page.source.meta.placement;
    let pinned = page.pin.is_some() && placement.pin_until.is_none();
    let headline = page.headline && placement.headline_until.is_none();
    if !pinned && !headline {
        return None;
    }
    let day = page.date.as_ref()?.day();
    let days = (today - day).num_days();
    if days <= STALE_PIN_DAYS {
        return None;
    }
    let (key, what) = if pinned {
        ("pin", "置顶 (`pin`)")
    } else {
        ("headline", "头条 (`headline`)")
    };
    let d = Diagnostic::warning(
        "C0131",
        crate::t!(
            "check-stale-pin",
            day = day.to_string(),
            what = what,
            days = days
        ),
    )
    .in_file(&page.source.file)
    .expected(crate::t!("check-stale-pin.expected", days = STALE_PIN_DAYS))
    .help(crate::t!(
        "check-stale-pin.help",
        key = key,
        until = (today + chrono::Duration::days(30)).to_string()
    ));
    Some(
        match placement
            .pin
            .as_ref()
            .and_then(|p| p.span)
            .filter(|_| pinned)
        {
            Some(span) => d.at_span(span),
            None => d,
        },
    )
}
