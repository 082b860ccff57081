//! Photo rules: an original too large to publish as it is (C0130, warning: phones
//! would download megabytes, so only its resized copies are published unless
//! `keep_original = true`), and a 置顶 or 头条 left on a page older than
//! [`STALE_PIN_DAYS`] (C0131, warning: a forgotten pin keeps old news on top).

use chrono::NaiveDate;

use crate::content::Asset;
use crate::diag::Diagnostic;
use crate::portal::placement::STALE_PIN_DAYS;
use crate::portal::{Portal, PortalPage};

/// Every photo problem of the site.
pub(crate) fn check_photos(portal: &Portal, today: NaiveDate) -> Vec<Diagnostic> {
    let page_assets = portal.pages.iter().flat_map(|p| &p.source.assets);
    let section_assets = portal.sections.iter().flat_map(|s| &s.source.assets);
    let mut out: Vec<Diagnostic> = page_assets
        .chain(section_assets)
        .filter_map(|asset| large_original(portal, asset))
        .collect();
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
    let lower = asset.relative.to_ascii_lowercase();
    if ![".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return None;
    }
    let side = crate::render::photos::longest_side(portal, asset).unwrap_or(0);
    if asset.size <= images.max_original_bytes && side <= images.max_original_px {
        return None;
    }
    let info = portal.images.source(&asset.file).ok();
    let size = match &info {
        Some(info) => format!(
            "{}, {} × {} pixels",
            megabytes(asset.size),
            info.width,
            info.height
        ),
        None => megabytes(asset.size),
    };
    let limits = format!(
        "at most {} pixels a side and {}",
        images.max_original_px,
        megabytes(images.max_original_bytes)
    );
    let (message, help) = if images.keep_original {
        (
            format!("photo of {size} is published at full size"),
            "`keep_original = true` in `[images]` publishes originals as they are; remove it so visitors get the resized copies, or save the photo smaller".to_owned(),
        )
    } else {
        (
            format!("photo of {size} is too large to publish as it is"),
            format!(
                "nothing to do: pages show its resized copies. To publish the original too, save it {limits}, or set `keep_original = true` in `[images]`"
            ),
        )
    };
    Some(
        Diagnostic::warning("C0130", message)
            .in_file(&asset.file)
            .expected(format!("photos of {limits}"))
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
        format!("page of {day} is still {what}, {days} days later"),
    )
    .in_file(&page.source.file)
    .expected(format!(
        "a pin or headline on news of the last {STALE_PIN_DAYS} days, or one with an end date"
    ))
    .help(format!(
        "remove `{key}`, or say until when it holds: `{key}_until = {}`",
        today + chrono::Duration::days(30)
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
