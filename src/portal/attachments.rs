//! Attachments (附件): files listed in a page's `attachments`, found beside the page
//! (in its bundle folder), and given a URL, a size and a type for the article footer.

use crate::config::Config;
use crate::content::Page;
use crate::diag::Diagnostic;
use crate::portal::Url;

/// One attachment, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentInfo {
    /// File name (`baoming-biao.pdf`).
    pub name: String,
    /// Title shown to visitors; the file name when none was given.
    pub title: String,
    /// Absolute URL.
    pub url: String,
    /// Size in bytes, when the file is part of the site.
    pub size: Option<u64>,
    /// Lower-case extension (`pdf`), empty when there is none.
    pub ext: String,
}

/// Resolves a page's attachments against its co-located files. A missing file is an
/// error at the front-matter line that lists it.
pub fn resolve(page: &Page, url: &Url, config: &Config) -> (Vec<AttachmentInfo>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for located in &page.meta.attachments {
        let attachment = &located.value;
        let path = attachment.path.trim();
        let name = path.rsplit('/').next().unwrap_or(path).to_owned();
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let title = attachment.title.clone().unwrap_or_else(|| name.clone());
        if path.contains("://") {
            found.push(AttachmentInfo {
                name,
                title,
                url: path.to_owned(),
                size: None,
                ext,
            });
            continue;
        }
        if let Some(rest) = path.strip_prefix('/') {
            found.push(AttachmentInfo {
                name,
                title,
                url: format!("{}/{rest}", config.base_url),
                size: None,
                ext,
            });
            continue;
        }
        match page.assets.iter().find(|a| a.relative == path) {
            Some(asset) => found.push(AttachmentInfo {
                name,
                title,
                url: format!("{}{}", url.permalink, asset.relative),
                size: Some(asset.size),
                ext,
            }),
            None => problems.push(missing(page, path, located.span)),
        }
    }
    (found, problems)
}

fn missing(page: &Page, path: &str, span: Option<crate::diag::Span>) -> Diagnostic {
    let mut d = Diagnostic::error("E0303", crate::t!("attachment-missing", path = path))
        .in_file(&page.file)
        .expected(crate::t!("attachment-missing.expected"))
        .help(crate::t!("attachment-missing.help"));
    if let Some(span) = span {
        d = d.at_span(span);
    }
    d
}
