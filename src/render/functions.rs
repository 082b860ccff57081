//! Tera functions and filters with Zola's names (`get_url`, `get_section`, `get_page`,
//! `get_taxonomy`, `get_taxonomy_url`, `get_taxonomy_term`, `resize_image`,
//! `get_image_metadata`; the `markdown` filter; the data functions are in
//! [`super::data_functions`]). Functions read the shared [`Views`], so a lookup returns only
//! what was asked for and is serialised once. `resize_image` answers from the photo's
//! header and leaves the pixels to the build, which makes every copy asked for in one
//! batch after rendering (see [`crate::images::ImageRequests`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::{Function, Tera, Value};

use super::view::{SectionPages, Views};
use crate::config::Config;
use crate::images::{
    Focus, FormatChoice, ImageError, ImageJob, ImageRequests, Operation, SourceInfo,
};
use crate::markdown::{
    self, LinkResolver, MarkdownInput, MarkdownOptions, ShortcodeOutput, ShortcodeRenderer,
};

/// Filters that need no site model: `markdown`, and Tera's `slice` without its copy.
/// The `markdown` filter keeps to `render_raw_html` as page bodies do: shortcode bodies
/// and `[extra]` text written by editors reach templates through it.
pub fn register_filters(tera: &mut Tera, config: &Config) {
    tera.register_filter("slice", slice);
    let options = MarkdownOptions {
        highlight_code: config.markdown.highlight_code,
        render_raw_html: config.markdown.render_raw_html,
        ..MarkdownOptions::default()
    };
    tera.register_filter(
        "markdown",
        move |value: &Value, args: &HashMap<String, Value>| {
            let text = value
                .as_str()
                .ok_or_else(|| tera::Error::msg("`markdown` filter expects a string"))?;
            let input = MarkdownInput {
                text,
                first_line: 1,
                page_permalink: "",
            };
            let html = markdown::render(&input, &options, &NoLinks, &NoShortcodes).html;
            let inline = args.get("inline").and_then(Value::as_bool).unwrap_or(false);
            Ok(Value::String(if inline {
                strip_paragraph(&html)
            } else {
                html
            }))
        },
    );
}

/// Tera's `slice` (same arguments and results), copying only the slice: Tera's own
/// copies the whole array first, which for `get_section(…).pages | slice(end=10)` on a
/// section of ten thousand pages was the largest allocation of a build.
fn slice(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let Value::Array(items) = value else {
        return Err(tera::Error::msg(format!(
            "Filter `slice` received an incorrect type for arg `value`: got `{value}` but expected a Vec<Value>"
        )));
    };
    let index = |name: &str, default: usize| -> tera::Result<usize> {
        let Some(arg) = args.get(name) else {
            return Ok(default);
        };
        let at = arg.as_f64().ok_or_else(|| {
            tera::Error::msg(format!(
                "Filter `slice` received an incorrect type for arg `{name}`: got `{arg}` but expected a f64"
            ))
        })?;
        // As Tera: a negative index counts from the end; fractions are cut off.
        Ok(if at >= 0.0 {
            at as usize
        } else {
            (items.len() as f64 + at) as usize
        })
    };
    let start = index("start", 0)?;
    let end = index("end", items.len())?.min(items.len());
    Ok(Value::Array(
        items
            .get(start..end)
            .map_or_else(Vec::new, <[Value]>::to_vec),
    ))
}

fn strip_paragraph(html: &str) -> String {
    let trimmed = html.trim();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => trimmed.to_owned(),
    }
}

struct NoLinks;
impl LinkResolver for NoLinks {
    fn resolve(&self, _: &str) -> Option<String> {
        None
    }
}

struct NoShortcodes;
impl ShortcodeRenderer for NoShortcodes {
    fn exists(&self, _: &str) -> bool {
        false
    }
    fn render(
        &self,
        _: &str,
        _: &serde_json::Map<String, Value>,
        _: Option<&str>,
    ) -> Result<ShortcodeOutput, String> {
        Err("shortcodes are not available in the `markdown` filter".into())
    }
}

/// The site functions, reading `views`.
pub fn site_functions(views: &Arc<Views>) -> Vec<(&'static str, Box<dyn Function>)> {
    let mut functions: Vec<(&'static str, Box<dyn Function>)> = vec![
        ("get_url", Box::new(GetUrl::of_views(views))),
        ("get_section", Box::new(GetSection(views.clone()))),
        ("get_page", Box::new(GetPage(views.clone()))),
        ("get_taxonomy", Box::new(GetTaxonomy(views.clone()))),
        ("get_taxonomy_url", Box::new(GetTaxonomyUrl(views.clone()))),
        (
            "get_taxonomy_term",
            Box::new(GetTaxonomyTerm(views.clone())),
        ),
    ];
    functions.extend(image_functions(&ImageSite::of_portal(&views.portal)));
    functions.extend(super::portal_functions::functions(views));
    functions.extend(super::data_functions::functions(views));
    functions
}

/// Registers the site functions on `tera`. Every call is noted (see
/// [`crate::fingerprint::record_lookups`]), so a job's output is known to depend on it.
pub fn register_functions(tera: &mut Tera, views: &Arc<Views>) {
    for (name, inner) in site_functions(views) {
        tera.register_function(name, Recorded { name, inner });
    }
}

/// A site function whose calls are recorded for incremental rendering.
struct Recorded {
    name: &'static str,
    inner: Box<dyn Function>,
}

impl Function for Recorded {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        crate::fingerprint::note_lookup(self.name, args);
        self.inner.call(args)
    }
    fn is_safe(&self) -> bool {
        self.inner.is_safe()
    }
}

fn string_arg<'a>(
    args: &'a HashMap<String, Value>,
    name: &str,
    function: &str,
) -> tera::Result<&'a str> {
    args.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::msg(format!("`{function}` needs a string argument `{name}`")))
}

fn bool_arg(args: &HashMap<String, Value>, name: &str) -> bool {
    args.get(name).and_then(Value::as_bool).unwrap_or(false)
}

/// The permalink of a content key (`news/x.md`), for `get_url(path="@/…")`.
type Permalinks = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// `get_url(path="css/a.css")`, `get_url(path="@/news/x.md")`.
struct GetUrl {
    base_url: String,
    permalinks: Permalinks,
}

impl GetUrl {
    fn of_views(views: &Arc<Views>) -> GetUrl {
        let portal_views = views.clone();
        GetUrl {
            base_url: views.portal.config.base_url.clone(),
            permalinks: Arc::new(move |key| {
                let portal = &portal_views.portal;
                portal
                    .page_by_key(key)
                    .map(|p| p.url.permalink.clone())
                    .or_else(|| portal.section_by_key(key).map(|s| s.url.permalink.clone()))
            }),
        }
    }
}

impl Function for GetUrl {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = string_arg(args, "path", "get_url")?;
        if let Some(key) = path.strip_prefix("@/") {
            let (key, anchor) = key
                .split_once('#')
                .map_or((key, None), |(k, a)| (k, Some(a)));
            let permalink = (self.permalinks)(key).ok_or_else(|| {
                tera::Error::msg(format!(
                    "`get_url`: no page or section `@/{key}` in content/"
                ))
            })?;
            return Ok(Value::String(match anchor {
                Some(a) => format!("{permalink}#{a}"),
                None => permalink,
            }));
        }
        if path.contains("://") {
            return Ok(Value::String(path.to_owned()));
        }
        let mut url = format!("{}/{}", self.base_url, path.trim_start_matches('/'));
        if bool_arg(args, "trailing_slash") && !url.ends_with('/') {
            url.push('/');
        }
        Ok(Value::String(url))
    }
    fn is_safe(&self) -> bool {
        true
    }
}

/// Registers `get_url` on the templates as loaded, for shortcodes, which render before
/// the model exists: `@/` paths are answered from `permalinks` (content key →
/// permalink, as the URL plan has them).
pub fn register_shortcode_get_url(
    tera: &mut Tera,
    config: &Config,
    permalinks: HashMap<String, String>,
) {
    let function = GetUrl {
        base_url: config.base_url.clone(),
        permalinks: Arc::new(move |key| permalinks.get(key).cloned()),
    };
    tera.register_function("get_url", function);
}

/// `get_section(path="news/_index.md", metadata_only=false)`.
struct GetSection(Arc<Views>);
impl Function for GetSection {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = string_arg(args, "path", "get_section")?;
        let Some(section) = self.0.portal.section_by_key(path) else {
            // `required=false`: a theme can leave out a column the site does not have.
            if args.get("required").and_then(Value::as_bool) == Some(false) {
                return Ok(Value::Null);
            }
            return Err(tera::Error::msg(format!(
                "`get_section`: no section `{path}` (expected a path like `news/_index.md`)"
            )));
        };
        Ok(self.0.section(section.id, section_pages_arg(args)?))
    }
}

/// The pages `get_section` lists: none with `metadata_only=true`, the first `limit`
/// with `limit=N`, else all.
fn section_pages_arg(args: &HashMap<String, Value>) -> tera::Result<SectionPages> {
    if bool_arg(args, "metadata_only") {
        return Ok(SectionPages::None);
    }
    match args.get("limit") {
        None | Some(Value::Null) => Ok(SectionPages::All),
        Some(value) => value
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .map(SectionPages::First)
            .ok_or_else(|| {
                tera::Error::msg(format!(
                    "`get_section`: `limit` must be a whole number of pages, got `{value}`"
                ))
            }),
    }
}

/// `get_page(path="news/x.md")`.
struct GetPage(Arc<Views>);
impl Function for GetPage {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = string_arg(args, "path", "get_page")?;
        let page =
            self.0.portal.page_by_key(path).ok_or_else(|| {
                tera::Error::msg(format!("`get_page`: no page `{path}` in content/"))
            })?;
        Ok(self.0.page_full(page.id))
    }
}

/// `get_taxonomy(kind="tags", include_pages=true)` → `{ kind, items }`; with
/// `include_pages=false` the terms' `pages` are empty (a tag cloud needs only counts).
struct GetTaxonomy(Arc<Views>);
impl Function for GetTaxonomy {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let kind = string_arg(args, "kind", "get_taxonomy")?;
        let Some(taxonomy) = self.0.portal.taxonomy_named(kind) else {
            if bool_arg(args, "required") || !args.contains_key("required") {
                return Err(tera::Error::msg(format!(
                    "`get_taxonomy`: taxonomy `{kind}` is not declared in the config"
                )));
            }
            return Ok(Value::Null);
        };
        let pages = args.get("include_pages").and_then(Value::as_bool) != Some(false);
        let items: Vec<Value> = taxonomy
            .terms
            .iter()
            .map(|t| self.0.term(t, pages))
            .collect();
        let mut value = serde_json::Map::new();
        value.insert("kind".into(), self.0.taxonomy(taxonomy));
        value.insert("items".into(), Value::Array(items));
        Ok(Value::Object(value))
    }
}

/// `get_taxonomy_url(kind="tags", name="科普")`.
struct GetTaxonomyUrl(Arc<Views>);
impl Function for GetTaxonomyUrl {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let kind = string_arg(args, "kind", "get_taxonomy_url")?;
        let name = string_arg(args, "name", "get_taxonomy_url")?;
        let taxonomy = self.0.portal.taxonomy_named(kind).ok_or_else(|| {
            tera::Error::msg(format!(
                "`get_taxonomy_url`: taxonomy `{kind}` is not declared in the config"
            ))
        })?;
        match taxonomy.term(name) {
            Some(term) => Ok(Value::String(term.permalink.clone())),
            None if args.get("required").and_then(Value::as_bool) == Some(false) => Ok(Value::Null),
            None => Err(tera::Error::msg(format!(
                "`get_taxonomy_url`: no term 「{name}」 in taxonomy `{kind}`"
            ))),
        }
    }
    fn is_safe(&self) -> bool {
        true
    }
}

/// `get_taxonomy_term(kind="tags", term="科普", include_pages=true, required=true)` →
/// `{ name, slug, path, permalink, page_count, pages }`.
struct GetTaxonomyTerm(Arc<Views>);
impl Function for GetTaxonomyTerm {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        const NAME: &str = "get_taxonomy_term";
        let kind = string_arg(args, "kind", NAME)?;
        let name = string_arg(args, "term", NAME)?;
        let required = args.get("required").and_then(Value::as_bool) != Some(false);
        let Some(taxonomy) = self.0.portal.taxonomy_named(kind) else {
            return Err(tera::Error::msg(format!(
                "`{NAME}`: taxonomy `{kind}` is not declared in the config"
            )));
        };
        match taxonomy.term(name) {
            Some(term) => {
                let pages = args.get("include_pages").and_then(Value::as_bool) != Some(false);
                Ok(self.0.term(term, pages))
            }
            None if !required => Ok(Value::Null),
            None => Err(tera::Error::msg(format!(
                "`{NAME}`: no term 「{name}」 in taxonomy `{kind}` (`required=false` gives an empty value instead)"
            ))),
        }
    }
}

/// The folder of the output that processed images are published in (Zola's name).
pub const PROCESSED_IMAGES: &str = "processed_images";

/// What `resize_image` and `get_image_metadata` read: the site's files and the build's
/// image requests. It exists before the model does, so shortcodes, which render with
/// the Markdown, call the same functions as page templates do.
#[derive(Clone)]
pub struct ImageSite {
    root: PathBuf,
    base_url: String,
    theme: Option<String>,
    images: Arc<ImageRequests>,
    /// Bundle files by permalink, so a `page.assets` entry can be passed as `path`.
    assets: Arc<HashMap<String, PathBuf>>,
}

impl ImageSite {
    /// The image functions' view of a site at `root` configured by `config`, asking
    /// `images` for copies; `assets` maps bundle files' permalinks to their paths.
    pub fn new(
        root: &Path,
        config: &Config,
        images: Arc<ImageRequests>,
        assets: Arc<HashMap<String, PathBuf>>,
    ) -> ImageSite {
        ImageSite {
            root: root.to_path_buf(),
            base_url: config.base_url.clone(),
            theme: config.theme.clone(),
            images,
            assets,
        }
    }

    fn of_portal(portal: &crate::portal::Portal) -> ImageSite {
        ImageSite::new(
            &portal.root,
            &portal.config,
            portal.images.clone(),
            portal.image_assets.clone(),
        )
    }

    /// Zola's search for an image path: the site root, `static/`, `content/`, the
    /// theme's `static/`; `@/x` means `content/x`; a URL of the site (a `page.assets`
    /// entry) means the file published there. The path returned is relative to the
    /// root; the image module refuses any that leads outside the site.
    fn find(&self, path: &str) -> Option<PathBuf> {
        if let Some(in_content) = path.strip_prefix("@/") {
            return Some(Path::new("content").join(in_content));
        }
        if let Some(file) = self.assets.get(path) {
            return Some(file.clone());
        }
        let path = path
            .strip_prefix(self.base_url.as_str())
            .unwrap_or(path)
            .trim_start_matches('/');
        let mut candidates = vec![
            PathBuf::from(path),
            Path::new("static").join(path),
            Path::new("content").join(path),
        ];
        if let Some(theme) = &self.theme {
            candidates.push(Path::new("themes").join(theme).join("static").join(path));
        }
        candidates.into_iter().find(|c| self.root.join(c).is_file())
    }
}

/// The permalink of every bundle file of `owners` (each a permalink and its files), to
/// its path from the site root.
pub fn asset_permalinks<'a>(
    owners: impl Iterator<Item = (&'a str, &'a [crate::content::Asset])>,
) -> HashMap<String, PathBuf> {
    owners
        .flat_map(|(permalink, assets)| {
            assets
                .iter()
                .map(move |a| (format!("{permalink}{}", a.relative), a.file.clone()))
        })
        .collect()
}

/// Registers the image functions on the templates as loaded, for shortcodes, which
/// render with the Markdown, before the model exists (pages' own templates get them
/// again with [`register_functions`], asking the same requests).
pub fn register_image_functions(tera: &mut Tera, site: &ImageSite) {
    for (name, inner) in image_functions(site) {
        tera.register_function(name, Recorded { name, inner });
    }
}

/// `resize_image` and `get_image_metadata` reading `site`.
pub fn image_functions(site: &ImageSite) -> [(&'static str, Box<dyn Function>); 2] {
    [
        ("resize_image", Box::new(ResizeImage(site.clone()))),
        (
            "get_image_metadata",
            Box::new(GetImageMetadata(site.clone())),
        ),
    ]
}

/// `resize_image(path, width, height, op="fill", format="auto", quality, focus)` →
/// `{ url, static_path, width, height, orig_width, orig_height }`, as in Zola; `focus`
/// (`center`, `top`, `bottom-right`…) anchors a `fill` crop.
struct ResizeImage(ImageSite);
impl Function for ResizeImage {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        const NAME: &str = "resize_image";
        let site = &self.0;
        let path = string_arg(args, "path", NAME)?;
        let source = site.find(path).ok_or_else(|| not_found(NAME, path))?;
        let op = Operation::parse(
            optional_str(args, "op", NAME)?.unwrap_or("fill"),
            size_arg(args, "width", NAME)?,
            size_arg(args, "height", NAME)?,
            focus_arg(args, NAME)?,
        )
        .map_err(|e| tera::Error::msg(format!("`{NAME}` of `{path}`: {e}")))?;
        let format_name = optional_str(args, "format", NAME)?.unwrap_or("auto");
        let format = FormatChoice::parse(format_name).ok_or_else(|| {
            tera::Error::msg(format!(
                "`{NAME}`: unknown format 「{format_name}」 (expected auto, jpg, png or webp)"
            ))
        })?;
        let quality = match size_arg(args, "quality", NAME)? {
            Some(q) => Some(u8::try_from(q).map_err(|_| {
                tera::Error::msg(format!("`{NAME}`: quality {q} is not from 1 to 100"))
            })?),
            None => None,
        };
        let job = ImageJob {
            source,
            op,
            format,
            quality,
        };
        let copy = site
            .images
            .request(&job)
            .map_err(|e| image_error(NAME, &e))?;
        let static_path = format!("{PROCESSED_IMAGES}/{}", copy.file_name);
        Ok(serde_json::json!({
            "url": format!("{}/{static_path}", site.base_url),
            "static_path": static_path,
            "width": copy.width,
            "height": copy.height,
            "orig_width": copy.orig_width,
            "orig_height": copy.orig_height,
        }))
    }
}

/// `get_image_metadata(path, allow_missing=false)` → `{ width, height, format, mime }`,
/// the size upright (EXIF orientation applied).
struct GetImageMetadata(ImageSite);
impl Function for GetImageMetadata {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        const NAME: &str = "get_image_metadata";
        let site = &self.0;
        let path = string_arg(args, "path", NAME)?;
        let Some(source) = site.find(path) else {
            if bool_arg(args, "allow_missing") {
                return Ok(Value::Null);
            }
            return Err(not_found(NAME, path));
        };
        let info: SourceInfo = site
            .images
            .source(&source)
            .map_err(|e| image_error(NAME, &e))?;
        let format = info.format.extensions_str().first().copied().unwrap_or("");
        Ok(serde_json::json!({
            "width": info.width,
            "height": info.height,
            "format": format,
            "mime": info.format.to_mime_type(),
        }))
    }
}

fn not_found(function: &str, path: &str) -> tera::Error {
    tera::Error::msg(format!(
        "`{function}`: no image `{path}` in the site (looked in the site folder, `static/`, `content/` and the theme's `static/`)"
    ))
}

fn image_error(function: &str, err: &ImageError) -> tera::Error {
    let help = err.diagnostic().help.unwrap_or_default();
    tera::Error::msg(format!("`{function}`: {err} ({help})"))
}

/// A string argument; `None` when absent or null, an error naming `function` otherwise.
pub(super) fn optional_str<'a>(
    args: &'a HashMap<String, Value>,
    name: &str,
    function: &str,
) -> tera::Result<Option<&'a str>> {
    match args.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(tera::Error::msg(format!(
            "`{function}`: `{name}` must be a string, got `{other}`"
        ))),
    }
}

/// A whole number of at least 0 (`width=480`); `None` when absent.
fn size_arg(
    args: &HashMap<String, Value>,
    name: &str,
    function: &str,
) -> tera::Result<Option<u32>> {
    match args.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| {
                tera::Error::msg(format!(
                    "`{function}`: `{name}` must be a whole number of pixels, got `{value}`"
                ))
            }),
    }
}

fn focus_arg(args: &HashMap<String, Value>, function: &str) -> tera::Result<Focus> {
    match optional_str(args, "focus", function)? {
        None => Ok(Focus::Center),
        Some(name) => Focus::parse(name).ok_or_else(|| {
            tera::Error::msg(format!(
                "`{function}`: unknown focus 「{name}」 (expected one of: {})",
                crate::images::FOCUS_NAMES
            ))
        }),
    }
}
