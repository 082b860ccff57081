//! The photos beside the page being edited, as the body editor shows them: read from
//! `content/` itself (`/_menhu/edit/files/content/news/a/hui-chang.jpg`), not from the
//! preview. So a photo shows the moment it is dropped in, before the preview has been
//! rebuilt, and a phone photo too large to be published as it is (the site publishes
//! only its smaller copies) shows too instead of a broken picture.
//!
//! Only pictures of the kinds an upload accepts (JPEG, PNG, WebP, GIF) whose bytes are
//! what their extension says are answered, with their image type (and, as every answer
//! of the editor, `nosniff`): no file of the site, which is untrusted, is ever served
//! as a page, a script or an SVG in the editor's origin. An `<img>` cannot send the
//! session's token, so none is asked for; the guard's host check applies, and the path
//! is checked as every write is ([`files::confine`]: under `content/`, plain segments,
//! no link on the way).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use super::{Editor, Reply, files, upload};

/// The prefix of the photos' addresses; the path below it is the file's in the site.
pub const FILES: &str = "/_menhu/edit/files/";

/// What is encoded in a segment of a photo's address: all but the characters that
/// never need it.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Answers a `GET` of `path` (which starts with [`FILES`]).
pub fn reply(editor: &Editor, path: &str) -> Reply {
    let not_found = || Reply::text(404, "not found");
    let Some(rel) = path
        .strip_prefix(FILES)
        .and_then(|rest| percent_decode_str(rest).decode_utf8().ok())
    else {
        return not_found();
    };
    if !rel.starts_with("content/") {
        return not_found();
    }
    let Ok(file) = files::confine(&editor.options.bounds, &rel) else {
        return not_found();
    };
    let Some((extension, kind)) = upload::picture_kind(&rel) else {
        return not_found();
    };
    match std::fs::read(&file.full) {
        Ok(bytes) if upload::content_matches(&extension, &bytes) => Reply::bytes(200, kind, bytes),
        _ => not_found(),
    }
}

/// Where the relative links of the body of page `rel` point in the body editor: the
/// page's folder under [`FILES`].
pub fn base_of(rel: &str) -> String {
    let folder = rel.rsplit_once('/').map_or("", |(folder, _)| folder);
    let encoded: String = folder
        .split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/");
    format!("{FILES}{encoded}/")
}
