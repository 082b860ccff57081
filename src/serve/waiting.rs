//! What the preview says about pages that are not out: the address of a scheduled
//! page answers 404, as the published site will until the page is due, with a page
//! saying when it is due (「此稿件定于 … 发布」) instead of the site's bare 404; an
//! expired page, still published, carries a banner saying since when it is out of
//! the lists (「此稿件已于 … 过期」). Both say they are the preview's, never the site's.

use std::collections::HashMap;
use std::sync::Arc;

use chrono_tz::Tz;

use crate::content::date::human_time;
use crate::diag::Lang;
use crate::html_text::escape as escape_html;
use crate::portal::schedule::{LeftOut, Publication, Reason};

/// The preview's notices, by output path (`news/x/index.html`).
#[derive(Debug, Default)]
pub struct Notices {
    /// The page served at a scheduled page's address.
    scheduled: HashMap<String, Arc<[u8]>>,
    /// The banner put at the top of an expired page.
    expired: HashMap<String, String>,
}

impl Notices {
    /// The notices for the pages `publication` left out, written in `lang`.
    pub fn new(publication: &Publication, lang: Lang) -> Notices {
        let zone = publication.zone;
        let mut notices = Notices::default();
        for page in &publication.left_out {
            let Some(output) = &page.output else {
                continue;
            };
            // The Traditional copy (`traditional = true`) has the page under its prefix.
            let traditional = format!("{}/{output}", crate::render::traditional::PREFIX);
            match page.reason {
                Reason::Scheduled => {
                    let html: Arc<[u8]> = Arc::from(scheduled_page(page, zone, lang).into_bytes());
                    notices.scheduled.insert(output.clone(), html.clone());
                    notices.scheduled.insert(traditional, html);
                }
                Reason::Expired => {
                    let banner = expired_banner(page, zone, lang);
                    notices.expired.insert(output.clone(), banner.clone());
                    notices.expired.insert(traditional, banner);
                }
                Reason::Draft => {}
            }
        }
        notices
    }

    /// The page to answer a request for the missing output `path` with, when a
    /// scheduled page will be there.
    pub fn scheduled_at(&self, path: &str) -> Option<Arc<[u8]>> {
        self.scheduled.get(path).cloned()
    }

    /// `html` with the expired banner after its `<body>` tag, when `path` is an
    /// expired page.
    pub fn mark_expired(&self, path: &str, html: &[u8]) -> Option<Vec<u8>> {
        let banner = self.expired.get(path)?;
        let at = after_body_tag(html).unwrap_or(0);
        let mut out = Vec::with_capacity(html.len() + banner.len());
        out.extend_from_slice(&html[..at]);
        out.extend_from_slice(banner.as_bytes());
        out.extend_from_slice(&html[at..]);
        Some(out)
    }
}

/// Where the content of `<body …>` starts.
fn after_body_tag(html: &[u8]) -> Option<usize> {
    let start = html
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"<body"))?;
    let close = html[start..].iter().position(|b| *b == b'>')?;
    Some(start + close + 1)
}

const STYLE: &str =
    "font:16px/1.7 system-ui,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;";

/// The preview's page for a scheduled page's address.
fn scheduled_page(page: &LeftOut, zone: Tz, lang: Lang) -> String {
    let due = page.at.map(|at| human_time(at, zone)).unwrap_or_default();
    let title = escape_html(&page.title);
    let file = escape_html(&crate::diag::display_path(&page.file));
    let say = |text: crate::diag::text::Said| text.render(lang).into_owned();
    let head = say(crate::t!("preview-scheduled-title", title = &title));
    let note = say(crate::t!("preview-scheduled-note"));
    let heading = say(crate::t!("preview-scheduled-heading", due = &due));
    let why = say(crate::t!("preview-scheduled-why", title = &title));
    let file = say(crate::t!("preview-scheduled-file", file = &file));
    let fix = say(crate::t!("preview-scheduled-fix"));
    let tag = lang.tag();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<title>{head}</title>\n</head>\n<body style=\"margin:0;background:#f5f5f5;color:#1a1a1a;{STYLE}\">\n<main style=\"max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border-top:6px solid #b45309\">\n<p style=\"margin:0;color:#92400e;font-weight:bold\">{note}</p>\n<h1 style=\"font-size:1.5rem;line-height:1.4\">{heading}</h1>\n<p>{why}</p>\n<p>{file}</p>\n<p>{fix}</p>\n</main>\n</body>\n</html>\n"
    )
}

/// The banner put at the top of an expired page in the preview.
fn expired_banner(page: &LeftOut, zone: Tz, lang: Lang) -> String {
    let at = page.at.map(|at| human_time(at, zone)).unwrap_or_default();
    let text = crate::t!("preview-expired-banner", at = &at)
        .render(lang)
        .into_owned();
    format!(
        "<div role=\"note\" style=\"margin:0;padding:.6rem 1rem;background:#fef3c7;color:#78350f;border-bottom:2px solid #b45309;{STYLE}\">{text}</div>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left_out(reason: Reason) -> LeftOut {
        LeftOut {
            file: "content/news/a.md".into(),
            title: "明日<要闻>".into(),
            reason,
            at: chrono::DateTime::parse_from_rfc3339("2026-12-07T01:00:00Z")
                .ok()
                .map(|at| at.to_utc()),
            output: Some("news/a/index.html".into()),
        }
    }

    #[test]
    fn scheduled_pages_say_when_they_are_due_on_the_site_clock() {
        let publication = Publication {
            left_out: vec![left_out(Reason::Scheduled)],
            zone: crate::config::CHINA,
            ..Publication::default()
        };
        let notices = Notices::new(&publication, Lang::ZhHans);
        let page = notices.scheduled_at("news/a/index.html").expect("a notice");
        let html = String::from_utf8_lossy(&page);
        assert!(
            html.contains("此稿件定于 2026-12-07 09:00 +08:00 发布"),
            "{html}"
        );
        assert!(html.contains("本地预览"), "{html}");
        assert!(html.contains("明日&lt;要闻&gt;"), "{html}");
        assert!(notices.scheduled_at("news/b/index.html").is_none());
        assert!(notices.scheduled_at("zh-hant/news/a/index.html").is_some());
    }

    #[test]
    fn expired_pages_get_a_banner_after_the_body_tag() {
        let publication = Publication {
            left_out: vec![left_out(Reason::Expired)],
            zone: crate::config::CHINA,
            ..Publication::default()
        };
        let notices = Notices::new(&publication, Lang::ZhHans);
        let html = notices
            .mark_expired("news/a/index.html", b"<html><body class=\"x\"><h1>t</h1>")
            .expect("a banner");
        let html = String::from_utf8_lossy(&html);
        assert!(
            html.starts_with("<html><body class=\"x\"><div role=\"note\""),
            "{html}"
        );
        assert!(html.contains("已于 2026-12-07 09:00 +08:00 过期"), "{html}");
        assert!(
            notices
                .mark_expired("news/b/index.html", b"<body>")
                .is_none()
        );
    }

    #[test]
    fn notices_speak_the_previews_language() {
        let publication = Publication {
            left_out: vec![left_out(Reason::Scheduled)],
            zone: crate::config::CHINA,
            ..Publication::default()
        };
        let notices = Notices::new(&publication, Lang::En);
        let page = notices.scheduled_at("news/a/index.html").expect("a notice");
        let html = String::from_utf8_lossy(&page);
        assert!(html.contains("<html lang=\"en\">"), "{html}");
        assert!(
            html.contains("This page is scheduled for 2026-12-07 09:00 +08:00"),
            "{html}"
        );
        assert!(!html.contains("此稿件"), "{html}");
    }
}
