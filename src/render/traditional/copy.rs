//! The Traditional copy of one rendered output, made from the site's own render
//! without rendering again: text and readable attributes converted with OpenCC's
//! phrase tables, and what a render in Traditional would have written differently
//! put in:
//!
//! - `lang` (and `xml:lang`) attributes naming Chinese say `zh-Hant`, and so does an
//!   RSS feed's `<language>`;
//! - the page's script switch (the link to this page's copy, `hreflang="zh-Hant"`,
//!   not `rel="alternate"`) links back to the Simplified page instead;
//! - a text or readable attribute that is exactly one of the theme's strings is the
//!   string `i18n/zh-Hant.toml` gives (the switch's label among them);
//! - texts of pages written in Traditional are put back as written;
//! - links to pages move under `/zh-hant/` ([`super::html::rewrite_links`]), and a QR
//!   code of a page's address is drawn again for the address of the page's copy.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rustc_hash::FxHashMap;

use super::html;
use super::{LANG, PREFIX};
use crate::config::Config;
use crate::html_text::decode_entities;
use crate::html_text::markup::{self, NO_TRANSLATE, Part, READABLE_ATTRIBUTES};
use crate::output::Output;
use crate::render::Theme;
use crate::render::i18n::Translations;
use crate::zh::{Restore, is_chinese_tag};

mod recurring;
use recurring::{Known, Recurring};

/// Makes the Traditional copy of outputs; shared by the threads that render.
#[derive(Debug)]
pub struct Copier {
    base_url: String,
    /// The Simplified side's language tag.
    site_lang: String,
    strings: ThemeStrings,
    /// (text as the copy converts it, text as written), for pages written in Traditional.
    restore: Vec<(String, String)>,
    /// Conversions of the texts that recur from output to output.
    recurring: Recurring,
    /// Processor time spent copying, summed over threads, in nanoseconds.
    spent: AtomicU64,
}

impl Copier {
    /// A copier for `config`'s site rendered with `theme`, putting back `restore`.
    pub fn new(config: &Config, theme: &Theme, restore: &Restore) -> Copier {
        Copier::for_site(
            &config.base_url,
            &config.default_language,
            &theme.translations,
            restore,
        )
    }

    /// A copier for the site at `base_url` in `site_lang` with the theme strings
    /// `translations`, putting back `restore`.
    fn for_site(
        base_url: &str,
        site_lang: &str,
        translations: &Translations,
        restore: &Restore,
    ) -> Copier {
        let mut copier = Copier {
            base_url: base_url.to_owned(),
            site_lang: site_lang.to_owned(),
            strings: ThemeStrings::new(translations, site_lang),
            restore: Vec::new(),
            recurring: Recurring::new(),
            spent: AtomicU64::new(0),
        };
        copier.restore = restore
            .pairs()
            .filter_map(|(simplified, written)| {
                let converted = copier.convert(simplified, None);
                (converted != written && !converted.trim().is_empty())
                    .then(|| (converted, written.to_owned()))
            })
            .collect();
        copier
    }

    /// The copy of `output` under `zh-hant/`; `None` for outputs that have none
    /// (stylesheets, the sitemap). Bytes that are not UTF-8 stay as they are.
    pub fn copy(&self, output: &Output) -> Option<Output> {
        if !html::is_converted(&output.path) {
            return None;
        }
        let started = thread_time();
        let body = match std::str::from_utf8(&output.body) {
            Ok(text) => self.copy_text(text, &page_path(&output.path)).into_bytes(),
            Err(_) => output.body.clone(),
        };
        let took = thread_time().saturating_sub(started);
        let nanos = u64::try_from(took.as_nanos()).unwrap_or(u64::MAX);
        self.spent.fetch_add(nanos, Ordering::Relaxed);
        Some(Output {
            path: format!("{PREFIX}/{}", output.path),
            body,
        })
    }

    /// Processor time spent making copies so far, added up over every thread (wall
    /// time where the system does not tell a thread's processor time).
    pub fn time_spent(&self) -> Duration {
        Duration::from_nanos(self.spent.load(Ordering::Relaxed))
    }

    /// The copy of the text of the output at `page` (its URL path).
    fn copy_text(&self, text: &str, page: &str) -> String {
        let mut copied = self.convert(text, Some(page));
        for (converted, written) in &self.restore {
            if copied.contains(converted.as_str()) {
                copied = copied.replace(converted.as_str(), written);
            }
        }
        html::rewrite_links(copied, &self.base_url)
    }

    /// Converts text and readable attributes and rewrites `lang`, the script switch of
    /// the output at `page` (when given) and theme strings.
    fn convert(&self, markup: &str, page: Option<&str>) -> String {
        let switch_href = page.map(|path| format!("{}/{PREFIX}{path}", self.base_url));
        let mut out = String::with_capacity(markup.len() + markup.len() / 8);
        let mut keep_next_text = false;
        let mut in_language = false;
        let mut in_redrawn_qr = false;
        for part in markup::parts(markup) {
            if in_redrawn_qr {
                in_redrawn_qr = !matches!(part, Part::Tag(tag) if tag.starts_with("</svg"));
                continue;
            }
            match part {
                Part::Text(text) if in_language && is_chinese_tag(text) => out.push_str(LANG),
                Part::Text(text) if keep_next_text => {
                    let start = out.len();
                    out.push_str(text);
                    self.strings.put_in(&mut out, start, &self.strings.kept);
                }
                Part::Text(text) => self.push_converted(text, &mut out),
                Part::Tag(tag)
                    if tag.starts_with("<svg") && self.push_redrawn_qr(tag, &mut out) =>
                {
                    in_redrawn_qr = true;
                }
                Part::Tag(tag) => {
                    keep_next_text = tag.contains(NO_TRANSLATE);
                    in_language = tag == "<language>";
                    self.convert_tag(tag, switch_href.as_deref(), &mut out);
                }
            }
        }
        out
    }

    /// Appends a text (or readable attribute) converted, theme strings put in, to `out`:
    /// from the texts converted before when it recurs.
    fn push_converted(&self, text: &str, out: &mut String) {
        // White space between tags and other ASCII is cheaper to convert than to look up.
        let known = if text.is_ascii() {
            Known::Never
        } else {
            match self.recurring.find(text, out) {
                Some(known) => known,
                None => return,
            }
        };
        let start = out.len();
        crate::zh::push_traditional(text, out);
        self.strings.put_in(out, start, &self.strings.converted);
        if let Known::Again(hash) = known {
            self.recurring.keep(hash, text, &out[start..]);
        }
    }

    /// Appends, for the start tag `tag` of a QR code ([`crate::render::qr`]) of an address
    /// the copy moves under `/zh-hant/`, the code of the moved address with its label
    /// converted, and returns true; the code's own markup is then left out.
    fn push_redrawn_qr(&self, tag: &str, out: &mut String) -> bool {
        if markup::attribute(tag, "class") != Some("qr-code") {
            return false;
        }
        let Some(text) = markup::attribute(tag, "data-qr").map(decode_entities) else {
            return false;
        };
        let moved = html::rewrite_links(text.to_string(), &self.base_url);
        if moved == text {
            return false;
        }
        let mut label = String::new();
        self.push_converted(
            markup::attribute(tag, "aria-label").unwrap_or(""),
            &mut label,
        );
        match crate::render::qr::qr_svg(&moved, &decode_entities(&label)) {
            Some(svg) => {
                out.push_str(&svg);
                true
            }
            None => false,
        }
    }

    fn convert_tag(&self, tag: &str, switch_href: Option<&str>, out: &mut String) {
        if tag.is_ascii() && !tag.contains("lang=") {
            out.push_str(tag);
            return;
        }
        let has_hreflang = markup::attribute(tag, "hreflang").is_some();
        let is_switch = switch_href.is_some_and(|href| self.is_switch(tag, href));
        let keeps_lang = has_hreflang || tag.contains(NO_TRANSLATE);
        markup::edit_tag(tag, out, |name, value| {
            if is_switch {
                return self.switch_back(name, value);
            }
            match name {
                "lang" | "xml:lang" if !keeps_lang && is_chinese_tag(value) && value != LANG => {
                    Some(Cow::Borrowed(LANG))
                }
                _ if READABLE_ATTRIBUTES.contains(&name) => {
                    let mut converted = String::with_capacity(value.len());
                    self.push_converted(value, &mut converted);
                    (converted != value).then_some(Cow::Owned(converted))
                }
                _ => None,
            }
        });
    }

    /// The page's switch: `hreflang="zh-Hant"` to `switch_href`, not an alternate.
    fn is_switch(&self, tag: &str, switch_href: &str) -> bool {
        markup::attribute(tag, "hreflang").is_some_and(|l| l.eq_ignore_ascii_case(LANG))
            && markup::attribute(tag, "href") == Some(switch_href)
            && !markup::attribute(tag, "rel").is_some_and(|rel| rel.contains("alternate"))
    }

    /// The switch's attributes as the copy's switch has them: to the Simplified page.
    fn switch_back<'v>(&self, name: &str, value: &'v str) -> Option<Cow<'v, str>> {
        match name {
            "href" => {
                let page = value.strip_prefix(&format!("{}/{PREFIX}", self.base_url))?;
                Some(Cow::Owned(format!("{}{page}", self.base_url)))
            }
            "hreflang" | "lang" if value.eq_ignore_ascii_case(LANG) => {
                Some(Cow::Owned(self.site_lang.clone()))
            }
            _ => None,
        }
    }
}

/// The processor time the calling thread has used: what a copy costs, whatever else
/// the machine runs meanwhile.
#[cfg(target_os = "linux")]
fn thread_time() -> Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    let secs = u64::try_from(now.tv_sec).unwrap_or(0);
    let nanos = u32::try_from(now.tv_nsec).unwrap_or(0);
    Duration::new(secs, nanos)
}

/// Elsewhere, time since the first call.
#[cfg(not(target_os = "linux"))]
fn thread_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// The URL path of the page written to `path`: `news/x/index.html` → `/news/x/`.
fn page_path(path: &str) -> String {
    let folder = path.strip_suffix("index.html").unwrap_or(path);
    format!("/{folder}")
}

/// Theme strings whose Traditional text is not the conversion of the Simplified one
/// (`i18n/zh-Hant.toml` words it otherwise, or the text is marked `translate="no"`).
#[derive(Debug, Default)]
struct ThemeStrings {
    /// Converted text → the copy's text, for text that is converted. Looked up for
    /// every short text of every page, hence the fast hash.
    converted: FxHashMap<String, String>,
    /// Text as written → the copy's text, for text after a `translate="no"` tag.
    kept: FxHashMap<String, String>,
    /// Bytes of the longest text of either table.
    longest: usize,
}

impl ThemeStrings {
    /// Every string of the site's language whose `zh-Hant` text differs, both escaped as
    /// templates print them. A text two strings share but translate differently, and
    /// texts with placeholders, are left to conversion.
    fn new(translations: &Translations, site_lang: &str) -> ThemeStrings {
        let mut converted = Choices::default();
        let mut kept = Choices::default();
        for key in translations
            .strings(site_lang)
            .into_iter()
            .flat_map(|s| s.keys())
        {
            let (Some(simplified), Some(traditional)) = (
                translations.get(key, site_lang, site_lang),
                translations.get(key, LANG, LANG),
            ) else {
                continue;
            };
            if simplified.contains('{') || simplified.trim().is_empty() {
                continue;
            }
            let escape = crate::html_text::escape;
            let (simplified, traditional) = (escape(simplified), escape(traditional));
            let shown = crate::zh::to_traditional(&traditional);
            converted.offer(crate::zh::to_traditional(&simplified), shown);
            kept.offer(simplified, traditional);
        }
        let (converted, kept) = (converted.settled(), kept.settled());
        let longest = converted.keys().chain(kept.keys()).map(String::len).max();
        ThemeStrings {
            converted,
            kept,
            longest: longest.unwrap_or(0),
        }
    }

    /// Replaces `out[start..]`, when its text (without surrounding white space) is a
    /// string of `table`, with the copy's text.
    fn put_in(&self, out: &mut String, start: usize, table: &FxHashMap<String, String>) {
        if table.is_empty() {
            return;
        }
        let text = &out[start..];
        let trimmed = text.trim();
        // Texts longer than any theme string are most of a page's text: no lookup.
        if trimmed.len() > self.longest {
            return;
        }
        if let Some(replacement) = table.get(trimmed) {
            let from = start + (text.len() - text.trim_start().len());
            out.replace_range(from..from + trimmed.len(), replacement);
        }
    }
}

/// Text → replacement, forgetting a text offered with two different replacements.
#[derive(Default)]
struct Choices(HashMap<String, Option<String>>);

impl Choices {
    fn offer(&mut self, text: String, replacement: String) {
        self.0
            .entry(text)
            .and_modify(|known| {
                if known.as_ref() != Some(&replacement) {
                    *known = None;
                }
            })
            .or_insert(Some(replacement));
    }

    /// The texts that change, each with its one replacement.
    fn settled(self) -> FxHashMap<String, String> {
        self.0
            .into_iter()
            .filter_map(|(text, replacement)| Some((text, replacement?)))
            .filter(|(text, replacement)| text != replacement)
            .collect()
    }
}

#[cfg(test)]
mod tests;
