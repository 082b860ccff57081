//! What the fuzz targets share: a demo site built once per process (config, content,
//! URLs, theme with shortcodes) and the rendering of diagnostics, whose caret blocks
//! slice the file text at the reported positions.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use menhu::config::Config;
use menhu::content::{self, Content, LoadOptions};
use menhu::diag::{Diagnostic, Lang};
use menhu::portal::UrlPlan;
use menhu::render::Theme;

/// The demo portal (`menhu init`) loaded as the build loads it.
pub struct DemoSite {
    /// Its folder (a temporary folder of this process).
    pub root: PathBuf,
    /// Its configuration.
    pub config: Config,
    /// Its content, directories not yet added.
    pub content: Content,
    /// Its URLs, the `@/` link resolver of the build.
    pub urls: UrlPlan,
    /// Its theme, whose shortcodes the Markdown target calls.
    pub theme: Theme,
}

/// Shortcodes added to the demo theme so that Markdown output and recursion are
/// exercised too.
const EXTRA_SHORTCODES: &[(&str, &str)] = &[
    (
        "md_note.md",
        "**{{ title | default(value=\"注\") }}** {{ body | default(value=\"\") }}",
    ),
    ("again.md", "{{ body | default(value=\"\") }} {{ again() }}"),
    (
        "nest.md",
        "> {% raw %}{{ md_note(title=\"内\") }}{% endraw %}",
    ),
];

/// The demo site, written and loaded on first use.
pub fn demo_site() -> &'static DemoSite {
    static SITE: OnceLock<DemoSite> = OnceLock::new();
    SITE.get_or_init(|| load_demo_site().unwrap_or_else(|why| panic!("demo site: {why}")))
}

fn load_demo_site() -> Result<DemoSite, String> {
    let root = std::env::temp_dir().join(format!("menhu-fuzz-{}", std::process::id()));
    if root.exists() {
        std::fs::remove_dir_all(&root).map_err(|e| e.to_string())?;
    }
    menhu::scaffold::init(&root).map_err(|d| d.render_human(false, Lang::En))?;
    let shortcodes = root.join("themes/portal/templates/shortcodes");
    for (name, text) in EXTRA_SHORTCODES {
        std::fs::write(shortcodes.join(name), text).map_err(|e| e.to_string())?;
    }
    let (config, _) = Config::load(&root).map_err(|d| render_all(&d))?;
    let options = LoadOptions {
        drafts: true,
        ignored: Vec::new(),
        bounds: None,
    };
    let (content, problems) = content::load(&root, &options);
    if problems.has_errors() {
        return Err(problems.summary(Lang::En));
    }
    let (urls, _) = UrlPlan::build(&config, &content);
    let bounds = menhu::bounds::SiteBounds::new(&root);
    let theme = Theme::load(&root, &config, &bounds).map_err(|d| d.summary(Lang::En))?;
    Ok(DemoSite {
        root,
        config,
        content,
        urls,
        theme,
    })
}

/// Every rendering of every diagnostic, as the CLI would print them.
pub fn render_all(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        for lang in Lang::ALL {
            out.push_str(&d.render_human(false, lang));
            out.push_str(&d.render_human(true, lang));
            out.push_str(&d.render_json(lang));
            out.push_str(&d.render_github(lang));
        }
    }
    out
}

/// The file name the targets give their input in messages.
pub fn page_file() -> &'static Path {
    Path::new("content/news/2024-05-01-fuzz.md")
}
