//! Incremental fingerprints: what each piece of a build read, so that a rebuild redoes
//! only the pieces whose reads changed, and so equals a fresh build byte for byte.
//!
//! # What a page read
//!
//! A page becomes outputs in two steps, and each step records what it read:
//!
//! 1. **Its Markdown** ([`MarkdownReads`]): the body text, the line the body starts at,
//!    the page's permalink and the answer to every `@/` link it resolved. The shortcode
//!    templates are read by every page alike: when they change, every entry is dropped
//!    ([`MarkdownCache::use_theme`]).
//! 2. **Each output rendered from the model** ([`JobReads`], one per render job: a
//!    page, a section or a pager, a taxonomy list or term): its output path, its
//!    template with everything that template pulls in ([`template_digests`]), its whole
//!    Tera context, and the answer of every site function (`get_section`, `get_page`,
//!    …) it called ([`Lookup`]). The context is prepared by the same code as the real
//!    render but from digest views (`render/view.rs`, `Views::for_digest`), where every
//!    page stands in as a short token carrying a digest of its view, so a context is
//!    fingerprinted without being built in full.
//!
//! Two reads are shared by everything: the configuration (a change forgets every
//! fingerprint, [`BuildCache::use_config`]) and each parsed content file (kept until
//! the watcher says the file changed, [`crate::content::ParseCache`]).
//!
//! Templates are deterministic, so equal reads mean equal output. The fingerprint
//! types ([`MarkdownReads`], [`JobReads`], [`RenderMemo`]) are plain data that
//! serialise, so a cache kept between runs can store them as they are; the digests are
//! those of this build of menhu, so such a cache must be kept per menhu version.

mod hash;
mod jobs;
mod markdown;

pub use hash::{Digest, HashWriter, digest_of, digest_parts, template_digests};
pub use jobs::{JobReads, Lookup, RenderMemo, note_lookup, record_lookups};
pub use markdown::{
    LinkAnswers, MarkdownCache, MarkdownEntry, MarkdownReads, MarkdownResult, MarkdownSource,
    markdown_or, render_recording, shortcodes_digest,
};

use std::path::Path;

use crate::config::Config;
use crate::content::ParseCache;

/// Everything kept between builds by the preview server: what each stage may reuse.
/// The pipeline runs the same stages with or without one; the cache only lets a stage
/// skip work whose reads are unchanged.
#[derive(Default)]
pub struct BuildCache {
    /// Parsed content files.
    pub parsed: ParseCache,
    /// Rendered Markdown by source file, with what each read.
    pub markdown: MarkdownCache,
    /// What each output of the last successful render read.
    pub render: RenderMemo,
    config: Option<Digest>,
}

impl BuildCache {
    /// Forgets what is known about `path` (relative to the site root) and what lies
    /// below it. Markdown and render results check their own reads and stay.
    pub fn forget(&mut self, path: &Path) {
        self.parsed.forget(path);
    }

    /// Forgets everything: the next build is a full one.
    pub fn clear(&mut self) {
        *self = BuildCache::default();
    }

    /// A cache of what the last build of config digest `config` ([`config_digest`])
    /// rendered, read back from disk: every other stage starts empty.
    pub fn with_render_memo(config: Digest, render: RenderMemo) -> BuildCache {
        BuildCache {
            render,
            config: Some(config),
            ..BuildCache::default()
        }
    }

    /// Clears the cache when the configuration differs from the one it was filled
    /// with: every stage reads the config, so nothing can be reused.
    pub fn use_config(&mut self, config: &Config) {
        let digest = config_digest(config);
        if self.config != Some(digest) {
            self.clear();
            self.config = Some(digest);
        }
    }
}

/// The digest of a build's whole configuration, as [`BuildCache::use_config`] compares it.
pub fn config_digest(config: &Config) -> Digest {
    digest_parts(&[&format!("{config:?}")])
}
