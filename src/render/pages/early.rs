//! One page rendered on its own, for the preview to publish an edited page before the
//! rest of the site is rendered again. The page goes through the same [`Renderer`] as
//! in a whole-site render, so its bytes are those a full render gives for `portal`.

use std::sync::Arc;

use super::{Job, Renderer};
use crate::diag::Diagnostic;
use crate::output::Output;
use crate::portal::{PageId, Portal};
use crate::render::Theme;
use crate::render::traditional::Script;

/// Renders page `id` of `portal` (in the site's own script) with `theme`.
pub fn render_page(portal: Arc<Portal>, theme: &Theme, id: PageId) -> Result<Output, Diagnostic> {
    let script = Script::main(&portal.config);
    let (views, tera) = super::renderer_parts(&portal, theme);
    let renderer = Renderer {
        portal: &portal,
        views: &views,
        tera: &tera,
        theme,
        script: &script,
    };
    renderer.render(renderer.prepare(&Job::Page(id)))
}
