//! A reprinted page's Markdown rendered once for every member of a network that shows
//! it (a county's news pushed to its city and pulled by the province): the first
//! receiver's build renders it, the next ones take that render, and it is dropped when
//! the last receiver has taken it, so the network build holds only the renders still
//! awaited.
//!
//! A render is the same on every receiver only when nothing in it depends on the
//! receiver. Two things do, and a body using them is rendered by each receiver:
//! shortcodes (their templates read the receiving site's config and page, and an image
//! shortcode makes copies in its output) and `@/` links the origin could not resolve
//! (syndication writes the others as the origin's addresses; what is left would be
//! looked up among the receiver's pages). The table of contents links each heading to
//! its page's address on the site showing it, so each receiver gets its own links.
//! Receivers with other Markdown settings (anchors, external-link attributes) render
//! their own.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::Diagnostic;
use crate::markdown::{Heading, MarkdownOptions, Rendered};

/// The renders of reprinted pages that more than one member shows, while receivers
/// still wait for them.
#[derive(Debug, Default)]
pub struct ReprintRenders {
    /// By the reprint's canonical address (its page on the origin site).
    awaited: Mutex<HashMap<String, Awaited>>,
    /// Renders handed to a receiver instead of rendering again.
    reused: AtomicUsize,
}

#[derive(Debug)]
struct Awaited {
    /// Receivers whose build has not rendered the page yet.
    receivers: usize,
    /// The first receiver's render, with what it was rendered from.
    render: Option<Kept>,
}

#[derive(Debug)]
struct Kept {
    body: blake3::Hash,
    options: MarkdownOptions,
    rendered: Rendered,
}

impl ReprintRenders {
    /// Renders to keep for the pages reprinted under each canonical address by as many
    /// members as it appears times in `canonicals` (one entry per reprint in a member
    /// about to be built); a page one member reprints is rendered there and not kept.
    pub fn expecting<'a>(canonicals: impl IntoIterator<Item = &'a str>) -> ReprintRenders {
        let mut awaited: HashMap<String, Awaited> = HashMap::new();
        for canonical in canonicals {
            awaited
                .entry(canonical.to_owned())
                .or_insert(Awaited {
                    receivers: 0,
                    render: None,
                })
                .receivers += 1;
        }
        awaited.retain(|_, a| a.receivers > 1);
        ReprintRenders {
            awaited: Mutex::new(awaited),
            reused: AtomicUsize::new(0),
        }
    }

    /// The Markdown of the reprint of `canonical`, `body` as the receiver has it, for
    /// the receiver's page at `permalink`: another receiver's render when it was made
    /// from the same body with the same `options`, else `render()`'s (kept for the
    /// receivers still to come when it went well). `problems` turns a reused render
    /// into the receiver's diagnostics (they name the receiver's file).
    pub fn render(
        &self,
        canonical: &str,
        body: &str,
        options: &MarkdownOptions,
        permalink: &str,
        render: impl FnOnce() -> (Rendered, Vec<Diagnostic>),
        problems: impl FnOnce(&Rendered) -> Vec<Diagnostic>,
    ) -> (Rendered, Vec<Diagnostic>) {
        if !same_on_every_receiver(body) {
            return render();
        }
        let hash = blake3::hash(body.as_bytes());
        if let Some(mut rendered) = self.take(canonical, &hash, options) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            link_contents_to(&mut rendered.toc, permalink);
            let problems = problems(&rendered);
            return (rendered, problems);
        }
        let (rendered, problems) = render();
        // A render that hit a bug in menhu (E0001) is not handed on.
        if !problems.iter().any(|p| p.code == "E0001") {
            self.keep(canonical, hash, options, &rendered);
        }
        (rendered, problems)
    }

    /// A copy of the kept render of `canonical` when it was made from `body` with
    /// `options`, counting this receiver as served (the last one frees it).
    fn take(
        &self,
        canonical: &str,
        body: &blake3::Hash,
        options: &MarkdownOptions,
    ) -> Option<Rendered> {
        let mut awaited = self.awaited.lock().unwrap_or_else(|e| e.into_inner());
        let entry = awaited.get_mut(canonical)?;
        let kept = entry.render.as_ref()?;
        if kept.body != *body || kept.options != *options {
            return None;
        }
        entry.receivers -= 1;
        if entry.receivers == 0 {
            return awaited.remove(canonical)?.render.map(|k| k.rendered);
        }
        Some(kept.rendered.clone())
    }

    /// Keeps `rendered` for the receivers of `canonical` still to come, if any.
    fn keep(
        &self,
        canonical: &str,
        body: blake3::Hash,
        options: &MarkdownOptions,
        rendered: &Rendered,
    ) {
        let mut awaited = self.awaited.lock().unwrap_or_else(|e| e.into_inner());
        let Some(entry) = awaited.get_mut(canonical) else {
            return;
        };
        entry.receivers = entry.receivers.saturating_sub(1);
        if entry.receivers == 0 {
            awaited.remove(canonical);
        } else if entry.render.is_none() {
            entry.render = Some(Kept {
                body,
                options: options.clone(),
                rendered: rendered.clone(),
            });
        }
    }

    /// How many times a receiver took another's render instead of rendering.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// How many renders are kept now.
    pub fn kept(&self) -> usize {
        let awaited = self.awaited.lock().unwrap_or_else(|e| e.into_inner());
        awaited.values().filter(|a| a.render.is_some()).count()
    }
}

/// True when nothing in `body`'s render depends on the site showing it: no shortcode
/// and no `@/` link left for the receiver to resolve.
fn same_on_every_receiver(body: &str) -> bool {
    !(body.contains("{{") || body.contains("{%") || body.contains("@/"))
}

/// Points each heading of `toc` at `permalink`, the page showing it.
fn link_contents_to(toc: &mut [Heading], permalink: &str) {
    for heading in toc {
        heading.permalink = format!("{permalink}#{}", heading.id);
        link_contents_to(&mut heading.children, permalink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn options() -> MarkdownOptions {
        MarkdownOptions::default()
    }

    struct NoLinks;
    impl crate::markdown::LinkResolver for NoLinks {
        fn resolve(&self, _: &str) -> Option<String> {
            None
        }
    }

    struct NoShortcodes;
    impl crate::markdown::ShortcodeRenderer for NoShortcodes {
        fn exists(&self, _: &str) -> bool {
            false
        }
        fn render(
            &self,
            _: &str,
            _: &serde_json::Map<String, serde_json::Value>,
            _: Option<&str>,
        ) -> Result<crate::markdown::ShortcodeOutput, String> {
            Err("none".into())
        }
    }

    fn rendered_at(body: &str, permalink: &str) -> Rendered {
        let input = crate::markdown::MarkdownInput {
            text: body,
            first_line: 1,
            page_permalink: permalink,
        };
        crate::markdown::render(&input, &options(), &NoLinks, &NoShortcodes)
    }

    /// Renders `body` for each receiver permalink in turn, counting real renders.
    fn render_for(memo: &ReprintRenders, body: &str, permalinks: &[&str]) -> (Vec<Rendered>, u32) {
        let renders = Cell::new(0);
        let out = permalinks
            .iter()
            .map(|permalink| {
                let render = || {
                    renders.set(renders.get() + 1);
                    (rendered_at(body, permalink), Vec::new())
                };
                memo.render(
                    "https://o.org/a/",
                    body,
                    &options(),
                    permalink,
                    render,
                    |_| Vec::new(),
                )
                .0
            })
            .collect();
        (out, renders.get())
    }

    #[test]
    fn a_page_two_members_reprint_is_rendered_once_with_each_receivers_contents_links() {
        let memo = ReprintRenders::expecting(["https://o.org/a/", "https://o.org/a/"]);
        let body = "## 一、背景\n\n正文。\n\n### （一）目标\n\n内容。\n";
        let permalinks = ["https://p.org/n/a/", "https://c.org/n/a/"];
        let (out, renders) = render_for(&memo, body, &permalinks);
        assert_eq!(renders, 1);
        for (rendered, permalink) in out.iter().zip(permalinks) {
            // The same as the receiver's own render, its contents links included.
            let own = rendered_at(body, permalink);
            assert_eq!(rendered.html, own.html);
            assert_eq!(rendered.toc, own.toc);
            let nested = &rendered.toc[0].children[0];
            assert_eq!(nested.permalink, format!("{permalink}#{}", nested.id));
        }
        assert_eq!(memo.kept(), 0, "the last receiver frees the render");
    }

    #[test]
    fn a_page_one_member_reprints_is_not_kept() {
        let memo = ReprintRenders::expecting(["https://o.org/a/", "https://o.org/b/"]);
        let (_, renders) = render_for(&memo, "正文。", &["https://p.org/a/"]);
        assert_eq!(renders, 1);
        assert_eq!(memo.kept(), 0);
    }

    #[test]
    fn bodies_that_depend_on_the_receiver_are_rendered_by_each() {
        for body in [
            "{{ video(id=\"1\") }}",
            "{% note() %}x{% end %}",
            "[x](@/news/b.md)",
        ] {
            let memo = ReprintRenders::expecting(["https://o.org/a/"; 3]);
            let (_, renders) = render_for(&memo, body, &["https://p.org/a/"; 3]);
            assert_eq!(renders, 3, "{body}");
        }
    }

    #[test]
    fn other_markdown_settings_or_another_body_are_not_served_the_kept_render() {
        let memo = ReprintRenders::expecting(["https://o.org/a/"; 3]);
        let (_, renders) = render_for(&memo, "正文。", &["https://p.org/a/"]);
        assert_eq!(renders, 1);
        let mut other = options();
        other.smart_punctuation = !other.smart_punctuation;
        let mut rendered_again = false;
        memo.render(
            "https://o.org/a/",
            "正文。",
            &other,
            "https://c.org/a/",
            || {
                rendered_again = true;
                (Rendered::default(), Vec::new())
            },
            |_| Vec::new(),
        );
        assert!(rendered_again);
        let (_, renders) = render_for(&memo, "改过的正文。", &["https://d.org/a/"]);
        assert_eq!(renders, 1);
    }
}
