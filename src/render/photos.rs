//! Photos as pages show them: a Markdown image of a bundle file becomes a responsive
//! `<img srcset sizes width height loading="lazy" decoding="async">` with copies at
//! the `[images] widths` (plus the original when it is small enough to publish), and a
//! page's `cover` gets the same, a list thumbnail and a 1200 × 630 copy for shared
//! links (`og:image`). Copies are asked of the build's [`ImageRequests`] as pages
//! render, so the preview makes those of the pages it shows and a build makes them in
//! one batch after rendering. An original over `max_original_bytes` or
//! `max_original_px` is not published unless `keep_original = true`.
//!
//! [`ImageRequests`]: crate::images::ImageRequests

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;
use serde_json::{Value, json};

use crate::content::Asset;
use crate::html_text::escape as escape_html;
use crate::images::{FormatChoice, ImageJob, Operation, SourceInfo};
use crate::portal::{Portal, PortalPage};

/// Size of list thumbnails (3:2), cropped around `cover_focus`.
pub const THUMBNAIL: (u32, u32) = (480, 320);
/// Size of the picture a shared link shows (Open Graph's recommended 1.91:1).
pub const SHARE_IMAGE: (u32, u32) = (1200, 630);

/// The folder of the output that processed images are published in (Zola's name).
const PROCESSED_IMAGES: &str = "processed_images";

/// Image files menhu makes copies of; others (SVG, GIF) are published as they are.
pub(crate) fn is_photo_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// One published candidate of a responsive image.
struct Candidate {
    url: String,
    width: u32,
    height: u32,
}

/// A responsive image: the fallback `src`, its size, and every candidate.
pub struct Responsive {
    /// The largest candidate, for browsers without `srcset`.
    pub src: String,
    /// `url 480w, url 960w, …`.
    pub srcset: String,
    /// Width of `src` (the aspect ratio is what keeps the layout still).
    pub width: u32,
    /// Height of `src`.
    pub height: u32,
}

/// Whether the original of a photo of `info`'s size may be published as it is.
fn original_is_published(portal: &Portal, info: &SourceInfo) -> bool {
    let images = &portal.config.images;
    images.keep_original
        || (info.bytes <= images.max_original_bytes
            && info.width.max(info.height) <= images.max_original_px)
}

/// Whether a bundle `asset` is copied to the output as it is: anything but a photo
/// over the `[images]` limits (unless `keep_original`). A file that cannot be read as
/// an image is left to be published, and reported where it is used.
pub fn publishes_asset(portal: &Portal, asset: &Asset) -> bool {
    let images = &portal.config.images;
    if images.keep_original || !is_photo_file(&asset.relative) {
        return true;
    }
    if asset.size > images.max_original_bytes {
        return false;
    }
    longest_side(portal, asset).is_none_or(|side| side <= images.max_original_px)
}

/// The longer side of a bundle photo, read from its header alone (no decoding, no
/// hashing: this runs for every photo of the site on every build and preview).
/// `None` when the file is not an image menhu can read.
pub fn longest_side(portal: &Portal, asset: &Asset) -> Option<u32> {
    let path = portal.bounds.resolve(&portal.root.join(&asset.file)).ok()?;
    let (width, height) = image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()?;
    Some(width.max(height))
}

/// The responsive copies of the photo at `source` (relative to the site root), whose
/// original would be published at `original_url`; `None` when it cannot be read
/// (the original is then left as it is).
pub fn responsive(portal: &Portal, source: &Path, original_url: &str) -> Option<Responsive> {
    let info = portal.images.source(source).ok()?;
    let mut candidates: Vec<Candidate> = portal
        .config
        .images
        .widths
        .iter()
        .filter(|w| **w < info.width)
        .filter_map(|w| copy(portal, source, Operation::FitWidth(*w)))
        .collect();
    if original_is_published(portal, &info) {
        candidates.push(Candidate {
            url: original_url.to_owned(),
            width: info.width,
            height: info.height,
        });
    } else if candidates.is_empty() {
        // Heavy but narrower than every width: one copy at its own width, re-encoded.
        candidates.extend(copy(portal, source, Operation::FitWidth(info.width)));
    }
    let largest = candidates.last()?;
    let srcset = candidates
        .iter()
        .map(|c| format!("{} {}w", srcset_url(&c.url), c.width))
        .collect::<Vec<_>>()
        .join(", ");
    Some(Responsive {
        src: largest.url.clone(),
        srcset,
        width: largest.width,
        height: largest.height,
    })
}

/// `url` as a `srcset` candidate reads it: whitespace ends the address there (what
/// follows is read as the width) and a comma next to it ends the candidate, so both
/// are percent-encoded (`IMG 1.jpg` → `IMG%201.jpg`, the same file to a server).
fn srcset_url(url: &str) -> std::borrow::Cow<'_, str> {
    if !url.contains(|c: char| c.is_ascii_whitespace() || c == ',') {
        return std::borrow::Cow::Borrowed(url);
    }
    let mut encoded = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        match c {
            ',' => encoded.push_str("%2C"),
            c if c.is_ascii_whitespace() => encoded.push_str(&format!("%{:02X}", c as u8)),
            c => encoded.push(c),
        }
    }
    std::borrow::Cow::Owned(encoded)
}

/// Asks for one copy; its published URL and size.
fn copy(portal: &Portal, source: &Path, op: Operation) -> Option<Candidate> {
    let job = ImageJob {
        source: source.to_path_buf(),
        op,
        format: FormatChoice::Auto,
        quality: None,
    };
    let made = portal.images.request(&job).ok()?;
    Some(Candidate {
        url: format!(
            "{}/{PROCESSED_IMAGES}/{}",
            portal.config.base_url, made.file_name
        ),
        width: made.width,
        height: made.height,
    })
}

/// The bundle asset an image address written in a page names, if any: a relative
/// path (percent-encoded as Markdown writes it) equal to an asset's.
fn bundle_photo<'a>(assets: &'a [Asset], src: &str) -> Option<&'a Asset> {
    if src.contains(':') || src.starts_with('/') || src.starts_with('#') {
        return None;
    }
    let decoded = percent_decode_str(src).decode_utf8().ok()?;
    let relative = decoded.trim_start_matches("./");
    assets
        .iter()
        .find(|a| a.relative == relative && is_photo_file(relative))
}

/// `html` (a page's body or summary) with each `<img>` of a bundle photo made
/// responsive. Tags that already carry a `srcset` are left as written.
pub fn responsive_html<'h>(portal: &Portal, page: &PortalPage, html: &'h str) -> Cow<'h, str> {
    if page.source.assets.is_empty() || !html.contains("<img") {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(at) = rest.find("<img") {
        let Some(len) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..=at + len];
        out.push_str(&rest[..at]);
        match rewrite_tag(portal, page, tag) {
            Some(new) => out.push_str(&new),
            None => out.push_str(tag),
        }
        rest = &rest[at + len + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The value of attribute `name` in `tag`, as written (quotes taken off).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn rewrite_tag(portal: &Portal, page: &PortalPage, tag: &str) -> Option<String> {
    if attribute(tag, "srcset").is_some() {
        return None;
    }
    let src = attribute(tag, "src")?;
    let asset = bundle_photo(&page.source.assets, &src.replace("&amp;", "&"))?;
    let original = format!("{}{}", page.url.permalink, asset.relative);
    let image = responsive(portal, &asset.file, &original)?;
    let sized = attribute(tag, "width").is_some() || attribute(tag, "height").is_some();
    let mut attributes = format!(
        " srcset=\"{}\" sizes=\"{}\"",
        escape_html(&image.srcset),
        escape_html(&portal.config.images.sizes)
    );
    if !sized {
        attributes.push_str(&format!(
            " width=\"{}\" height=\"{}\"",
            image.width, image.height
        ));
    }
    if attribute(tag, "loading").is_none() {
        attributes.push_str(" loading=\"lazy\"");
    }
    if attribute(tag, "decoding").is_none() {
        attributes.push_str(" decoding=\"async\"");
    }
    let with_src = tag.replacen(
        &format!(" src=\"{src}\""),
        &format!(" src=\"{}\"", escape_html(&image.src)),
        1,
    );
    let body = with_src
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim_end();
    Some(format!("{body}{attributes} />"))
}

/// The file a `cover` names, relative to the site root: a bundle file, or a
/// site-absolute path into `static/`. `None` for addresses elsewhere.
fn cover_file(portal: &Portal, page: &PortalPage, cover: &str) -> Option<PathBuf> {
    if let Some(asset) = bundle_photo(&page.source.assets, cover) {
        return Some(asset.file.clone());
    }
    let in_static = Path::new("static").join(cover.strip_prefix('/')?);
    let is_photo = is_photo_file(cover) && !cover.contains("..") && !cover.contains(':');
    (is_photo && portal.root.join(&in_static).is_file()).then_some(in_static)
}

/// `page.cover_image`: the cover as templates show it — `url`, `alt`, `caption`, and for a photo menhu
/// can read `srcset`, `sizes`, `width`, `height`, `focus` (a CSS `object-position`),
/// `thumbnail` and `share` (each `{url, width, height}`) — or `null` without a cover.
pub fn cover_value(portal: &Portal, page: &PortalPage, cover_url: &str) -> Value {
    let meta = &page.source.meta;
    let Some(cover) = meta.cover.as_deref() else {
        return Value::Null;
    };
    let alt = meta.cover_alt.as_deref().unwrap_or("");
    let caption = meta.cover_caption.as_deref();
    let plain = json!({ "url": cover_url, "alt": alt, "caption": caption });
    let Some(file) = cover_file(portal, page, cover) else {
        return plain;
    };
    let Some(image) = responsive(portal, &file, cover_url) else {
        return plain;
    };
    let focus = meta.cover_focus;
    let fill = |(width, height): (u32, u32)| {
        copy(
            portal,
            &file,
            Operation::Fill {
                width,
                height,
                focus,
            },
        )
        .map(|c| json!({ "url": c.url, "width": c.width, "height": c.height }))
    };
    json!({
        "url": image.src,
        "alt": alt,
        "caption": caption,
        "srcset": image.srcset,
        "sizes": portal.config.images.sizes,
        "width": image.width,
        "height": image.height,
        "focus": focus.css_position(),
        "thumbnail": fill(THUMBNAIL),
        "share": fill(SHARE_IMAGE),
    })
}
