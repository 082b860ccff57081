//! `menhu init` writes the bundled demo portal (embedded in the binary) into a new
//! folder, with a `.gitignore` for what builds leave beside the sources; `menhu new`
//! creates a dated page with a pinyin slug and its front matter, taken from an
//! archetype when the site or its theme has one (see [`archetype_for`]), as one file or
//! as a folder (a bundle) that its photos and attachments go into. `menhu init
//! --network` writes the demo network ([`network`]).

mod dates;
mod network;

pub use network::{NetworkWritten, init_network, network_ci_file};

use std::path::{Path, PathBuf};

use include_dir::{Dir, DirEntry, include_dir};

use crate::diag::{Diagnostic, Lang};
use crate::zh;

static DEMO_CONTENT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content");
static DEMO_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/portal");
const DEMO_CONFIG: &str = include_str!("../site-config.toml");
/// The demo's `default_language` (its sites' and the network's).
pub const DEMO_LANGUAGE: &str = "zh-Hans";
/// What git should not keep of a site: the output, the build before it (kept beside
/// the output for an atomic swap), what a build stopped half-way leaves beside it, and
/// the caches; and the online editor's recycle bin (what editors deleted, to restore
/// from; a deletion itself is what git keeps).
const GITIGNORE: &str = "# menhu 生成的文件，不纳入版本管理\n/public/\n/.public.menhu-spare/\n/.public.menhu-new-*/\n/.public.menhu-old-*/\n/.menhu-cache/\n\
     # 在线编辑的回收站：删除的稿件和附件，在在线编辑里恢复\n/.menhu-trash/\n";
/// The demo's organization table, declared in its `[[directories]]`.
const DEMO_ORGS: &str = include_str!("../data/orgs.csv");

/// The hosting services `menhu init --ci` writes a pipeline for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CiService {
    /// GitHub Actions: `.github/workflows/site.yml`.
    Github,
    /// GitLab CI: `.gitlab-ci.yml`.
    Gitlab,
    /// Gitee Go: `.workflow/site.yml`.
    Gitee,
}

impl CiService {
    /// Where the pipeline goes in the site, and what it says (docs/operator-guide.md
    /// shows the same files).
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            CiService::Github => (
                ".github/workflows/site.yml",
                include_str!("scaffold/ci/github.yml"),
            ),
            CiService::Gitlab => (".gitlab-ci.yml", include_str!("scaffold/ci/gitlab.yml")),
            CiService::Gitee => (".workflow/site.yml", include_str!("scaffold/ci/gitee.yml")),
        }
    }
}

/// Writes the CI pipeline of `service` into the site at `dir`; returns its path.
pub fn write_ci(dir: &Path, service: CiService) -> Result<PathBuf, Diagnostic> {
    let (path, text) = service.file();
    let path = dir.join(path);
    write_file(&path, text.as_bytes())?;
    Ok(path)
}

/// What `init` wrote: how many files, and by how many days the demo's dates were moved
/// so that its newest news is dated `today` (see [`dates`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files written.
    pub files: usize,
    /// How many days the demo's dates were moved.
    pub days_moved: u64,
}

/// Writes the demo portal into `dir`, which must be missing or empty: `init` never
/// overwrites anything. Its pages are dated up to `today` (the site's clock).
pub fn init(dir: &Path, today: chrono::NaiveDate) -> Result<Written, Diagnostic> {
    ensure_empty(dir)?;
    let days = days_until(&DEMO_CONTENT, today);
    let mut written = 0;
    written += write_tree(&DEMO_CONTENT, &dir.join("content"), days)?;
    written += write_tree(&DEMO_THEME, &dir.join("themes").join("portal"), 0)?;
    write_file(&dir.join("site-config.toml"), DEMO_CONFIG.as_bytes())?;
    write_file(&dir.join("data").join("orgs.csv"), DEMO_ORGS.as_bytes())?;
    write_file(&dir.join(".gitignore"), GITIGNORE.as_bytes())?;
    Ok(Written {
        files: written + 3,
        days_moved: days,
    })
}

/// How many days the demo pages in `tree` move so that the newest is dated `today`.
fn days_until(tree: &Dir<'_>, today: chrono::NaiveDate) -> u64 {
    let mut pages = Vec::new();
    collect_pages(tree, &mut pages);
    dates::days_until(pages, today)
}

fn collect_pages<'a>(tree: &Dir<'a>, pages: &mut Vec<&'a str>) {
    for entry in tree.entries() {
        match entry {
            DirEntry::Dir(sub) => collect_pages(sub, pages),
            DirEntry::File(file) if is_page(file.path()) => {
                pages.extend(file.contents_utf8());
            }
            DirEntry::File(_) => {}
        }
    }
}

fn is_page(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "md")
}

/// Refuses a folder that exists and has anything in it.
fn ensure_empty(dir: &Path) -> Result<(), Diagnostic> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| io_error("read", dir, &e))?;
        if entries.next().is_some() {
            return Err(Diagnostic::error(
                "E0601",
                crate::t!("init-not-empty", folder = dir.display()),
            )
            .help(crate::t!("init-not-empty.help")));
        }
    }
    Ok(())
}

/// Writes the files of `tree` under `target`, the dates of its pages `days_moved` later.
fn write_tree(tree: &Dir<'_>, target: &Path, days_moved: u64) -> Result<usize, Diagnostic> {
    let mut written = 0;
    for entry in tree.entries() {
        match entry {
            DirEntry::Dir(sub) => {
                let name = sub
                    .path()
                    .file_name()
                    .map(PathBuf::from)
                    .unwrap_or_default();
                written += write_tree(sub, &target.join(name), days_moved)?;
            }
            DirEntry::File(file) => {
                let name = file
                    .path()
                    .file_name()
                    .map(PathBuf::from)
                    .unwrap_or_default();
                let text = is_page(file.path()).then(|| file.contents_utf8()).flatten();
                match text.map(|text| dates::moved(text, days_moved)) {
                    Some(page) => write_file(&target.join(name), page.as_bytes())?,
                    None => write_file(&target.join(name), file.contents())?,
                }
                written += 1;
            }
        }
    }
    Ok(written)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, &e))?;
    }
    std::fs::write(path, bytes).map_err(|e| io_error("write", path, &e))
}

fn io_error(action: &str, path: &Path, e: &std::io::Error) -> Diagnostic {
    let (path, reason) = (path.display(), crate::diag::text::display(e));
    let message = match action {
        "read" => crate::t!("scaffold-cannot-read", path = path, reason = reason),
        "create" => crate::t!("scaffold-cannot-create", path = path, reason = reason),
        _ => crate::t!("scaffold-cannot-write", path = path, reason = reason),
    };
    Diagnostic::error("E0602", message).help(crate::t!("scaffold-cannot-write.help"))
}

/// What `menhu new` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `content/SECTION/YYYY-MM-DD-<pinyin>.md`.
    File,
    /// `content/SECTION/YYYY-MM-DD-<pinyin>/index.md`: photos and attachments go beside it.
    Bundle,
}

/// Creates `content/SECTION/YYYY-MM-DD-<pinyin>.md` (or, as a bundle,
/// `…/YYYY-MM-DD-<pinyin>/index.md`) for `title`, dated `now` (the site's clock), and
/// returns its path.
pub fn new_page(
    root: &Path,
    section: &str,
    title: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
    shape: Shape,
) -> Result<PathBuf, Diagnostic> {
    let section = section.trim_matches('/');
    let folder = root.join("content").join(section);
    if section.is_empty() || section.split('/').any(|part| part == ".." || part == ".") {
        return Err(
            Diagnostic::error("E0603", crate::t!("new-not-a-section", section = section))
                .help(crate::t!("new-not-a-section.help")),
        );
    }
    if !folder.join("_index.md").is_file() {
        return Err(unknown_section(root, section));
    }
    let site = SiteSettings::load(root);
    site.bounds.check(&folder)?;
    let slug = file_slug(title);
    if slug.is_empty() {
        return Err(
            Diagnostic::error("E0604", crate::t!("new-no-file-name", title = title))
                .help(crate::t!("new-no-file-name.help")),
        );
    }
    let name = format!("{}-{slug}", now.format("%Y-%m-%d"));
    let file = match shape {
        Shape::File => folder.join(format!("{name}.md")),
        Shape::Bundle => folder.join(&name).join("index.md"),
    };
    // A page and a bundle of the same name would claim one address. A link there (even
    // a dangling one) counts: the page is never written through it.
    let taken = [folder.join(format!("{name}.md")), folder.join(&name)]
        .into_iter()
        .find(|path| std::fs::symlink_metadata(path).is_ok());
    if let Some(taken) = taken {
        return Err(
            Diagnostic::error("E0605", crate::t!("new-exists", file = taken.display()))
                .help(crate::t!("new-exists.help")),
        );
    }
    let text = match site.archetype(root, section)? {
        Some(template) => fill_archetype(&template, title, now),
        None => front_matter(title, now),
    };
    if shape == Shape::Bundle {
        let bundle = folder.join(&name);
        std::fs::create_dir(&bundle).map_err(|e| io_error("create", &bundle, &e))?;
    }
    write_new_file(&file, text.as_bytes())?;
    Ok(file)
}

/// The longest pinyin part of a new page's name, in bytes: the whole pinyin of a long
/// title would make a file name longer than file systems take (255 bytes) and paths
/// longer than Windows' 260 characters.
const SLUG_MAX: usize = 80;

/// `title`'s pinyin slug, cut after the last whole syllable within [`SLUG_MAX`].
fn file_slug(title: &str) -> String {
    let slug = zh::slugify(title);
    if slug.len() <= SLUG_MAX {
        return slug;
    }
    let mut end = SLUG_MAX;
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    let cut = if slug[end..].starts_with('-') {
        end
    } else {
        slug[..end].rfind('-').unwrap_or(end)
    };
    slug[..cut].trim_end_matches('-').to_owned()
}

/// What to do next with the page `file` that `new_page` made, in the editor's words.
pub fn guidance(root: &Path, file: &Path, shape: Shape, lang: Lang) -> String {
    let shown = |path: &Path| crate::diag::display_path(path.strip_prefix(root).unwrap_or(path));
    let text = match shape {
        Shape::File => crate::t!("new-guidance-file", file = shown(file)),
        Shape::Bundle => {
            let folder = file.parent().unwrap_or(file);
            crate::t!(
                "new-guidance-bundle",
                folder = shown(folder),
                index = shown(file)
            )
        }
    };
    format!("{}\n", text.render(lang))
}

/// What `menhu new` reads from the site's config, read once: its bounds (with
/// `follow_symlinks`) and its theme. A config that does not load gives the plain bounds
/// and no theme; the build reports the config's problems.
struct SiteSettings {
    bounds: crate::bounds::SiteBounds,
    theme: Option<String>,
}

impl SiteSettings {
    fn load(root: &Path) -> SiteSettings {
        match crate::config::Config::load(root) {
            Ok((config, _)) => SiteSettings {
                bounds: config.bounds(root).0,
                theme: config.theme,
            },
            Err(_) => SiteSettings {
                bounds: crate::bounds::SiteBounds::new(root),
                theme: None,
            },
        }
    }

    /// See [`archetype_for`].
    fn archetype(&self, root: &Path, section: &str) -> Result<Option<String>, Diagnostic> {
        let mut folders = vec![root.join("archetypes")];
        if let Some(theme) = &self.theme {
            folders.push(root.join("themes").join(theme).join("archetypes"));
        }
        let top = section.split('/').next().unwrap_or(section);
        let mut names = vec![format!("{section}.md")];
        if top != section {
            names.push(format!("{top}.md"));
        }
        let specific = names
            .iter()
            .flat_map(|name| folders.iter().map(move |folder| folder.join(name)));
        let defaults = folders.iter().map(|folder| folder.join("default.md"));
        for path in specific.chain(defaults) {
            self.bounds.check(&path)?;
            if let Ok(text) = std::fs::read_to_string(&path) {
                return Ok(Some(text));
            }
        }
        Ok(None)
    }
}

/// Writes a file that must not exist yet, never through a link.
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(bytes))
        .map_err(|e| io_error("write", path, &e))
}

/// The archetype (front-matter template) for a new page in `section`, first found of:
/// the site's `archetypes/SECTION.md` (the full path, e.g. `news/tzgg.md`, then the
/// top-level section, `news.md`), the theme's `themes/NAME/archetypes/` likewise, then
/// the site's and the theme's `default.md`. An archetype out of the site's bounds (a
/// link to `/etc/passwd`, which would end up in the new page) is an error.
pub fn archetype_for(root: &Path, section: &str) -> Result<Option<String>, Diagnostic> {
    SiteSettings::load(root).archetype(root, section)
}

/// The text lines of every archetype's body (the site's `archetypes/` and those of the
/// theme named `theme`), such as
/// 「在这里写导语：时间、地点、谁、做了什么。」: a page still holding one is unfinished.
/// Headings, comments and the `<!-- more -->` marker are structure meant to stay and are
/// left out, as are lines with placeholders filled per page.
pub fn archetype_text_lines(root: &Path, theme: Option<&str>) -> Vec<String> {
    let mut folders = vec![root.join("archetypes")];
    if let Some(theme) = theme {
        folders.push(root.join("themes").join(theme).join("archetypes"));
    }
    let mut lines: Vec<String> = folders
        .iter()
        .flat_map(|folder| walkdir::WalkDir::new(folder).follow_links(false))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .flat_map(|text| body_text_lines(&text))
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

/// The lines of an archetype's body that are text an editor is meant to replace.
fn body_text_lines(text: &str) -> Vec<String> {
    let body = crate::content::front_matter::split(text).map_or(text, |split| split.body);
    body.lines()
        .map(str::trim)
        .filter(|line| {
            !line.is_empty()
                && !line.starts_with('#')
                && !line.starts_with("<!--")
                && !line.contains("{{")
        })
        .map(str::to_owned)
        .collect()
}

/// Fills an archetype's placeholders: `{{ title }}` (escaped for a TOML or YAML string
/// in double quotes), `{{ date }}` (`2026-05-01T09:30:00+08:00`), `{{ day }}`
/// (`2026-05-01`) and `{{ day_zh }}` (`2026年5月1日`, as a notice's 落款 dates it).
pub fn fill_archetype(
    template: &str,
    title: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> String {
    let escaped = title.replace('\\', "\\\\").replace('"', "\\\"");
    template
        .replace("{{ title }}", &escaped)
        .replace(
            "{{ date }}",
            &now.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        )
        .replace("{{ day }}", &now.format("%Y-%m-%d").to_string())
        .replace("{{ day_zh }}", &now.format("%Y年%-m月%-d日").to_string())
}

fn front_matter(title: &str, now: chrono::DateTime<chrono::FixedOffset>) -> String {
    let title = toml::Value::String(title.to_owned()).to_string();
    format!(
        "+++\ntitle = {title}\ndate = {}\nauthor = \"\"      # 作者\nsource = \"\"      # 来源\neditor = \"\"      # 责任编辑\n# city = \"梧州\"   # 城市或区县\n{IMAGE_TIP}\ntags = []\n+++\n\n在这里写正文。\n",
        now.format("%Y-%m-%dT%H:%M:%S%:z")
    )
}

/// The front-matter comment on pictures that every new page carries: a photo's file
/// name often has a space, which Markdown only accepts between `<` and `>`.
const IMAGE_TIP: &str =
    "# 插图写 ![图片说明](照片.jpg)；文件名里有空格时写成 ![图片说明](<IMG_2031 现场照片.JPG>)";

fn unknown_section(root: &Path, section: &str) -> Diagnostic {
    let existing: Vec<String> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "_index.md")
        .filter_map(|e| {
            let dir = e.path().parent()?.strip_prefix(root.join("content")).ok()?;
            let name = dir.to_string_lossy().replace('\\', "/");
            (!name.is_empty()).then_some(name)
        })
        .collect();
    let mut d =
        Diagnostic::error("E0606", crate::t!("new-no-section", section = section)).expected(
            crate::t!("new-no-section.expected", sections = existing.join(", ")),
        );
    d = match crate::diag::did_you_mean(section, existing.iter().map(String::as_str)) {
        Some(near) => d.help(crate::t!("config-did-you-mean", key = near)),
        None => d.help(crate::t!("new-no-section.help", section = section)),
    };
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn init_speaks_the_language_the_demo_is_written_in() {
        let table: toml::Table = toml::from_str(DEMO_CONFIG).unwrap();
        assert_eq!(table["default_language"].as_str(), Some(DEMO_LANGUAGE));
    }

    fn noon() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+08:00").expect("a valid date")
    }

    #[test]
    fn archetypes_fill_placeholders_and_escape_the_title() {
        let now = noon();
        let text = fill_archetype(
            "title = \"{{ title }}\"\ndate = {{ date }}\n# {{ day }}\n{{ day_zh }}\n",
            "说\"改革\"",
            now,
        );
        assert_eq!(
            text,
            "title = \"说\\\"改革\\\"\"\ndate = 2026-11-26T10:00:00+08:00\n# 2026-11-26\n2026年11月26日\n"
        );
    }

    #[test]
    fn site_archetypes_win_over_the_theme_and_sections_over_default() -> TestResult {
        let dir = tempfile::tempdir()?;
        let write = |rel: &str, text: &str| -> std::io::Result<()> {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap_or(dir.path()))?;
            std::fs::write(path, text)
        };
        write(
            "site-config.toml",
            "base_url = \"https://a.cn\"\ntitle = \"t\"\ntheme = \"p\"\n",
        )?;
        write("themes/p/archetypes/default.md", "theme default")?;
        write("themes/p/archetypes/cases.md", "theme cases")?;
        assert_eq!(
            archetype_for(dir.path(), "cases")
                .map_err(|d| d.message)?
                .as_deref(),
            Some("theme cases")
        );
        assert_eq!(
            archetype_for(dir.path(), "news/tzgg")
                .map_err(|d| d.message)?
                .as_deref(),
            Some("theme default")
        );
        write("archetypes/cases.md", "site cases")?;
        write("archetypes/news.md", "site news")?;
        assert_eq!(
            archetype_for(dir.path(), "cases")
                .map_err(|d| d.message)?
                .as_deref(),
            Some("site cases")
        );
        assert_eq!(
            archetype_for(dir.path(), "news/tzgg")
                .map_err(|d| d.message)?
                .as_deref(),
            Some("site news")
        );
        Ok(())
    }

    #[test]
    fn the_text_of_an_archetype_body_is_what_an_editor_replaces() {
        let text = "+++\ntitle = \"{{ title }}\"\n+++\n\n## 编者按\n\n（简要说明。）\n\n<!-- more -->\n\n在这里写正文。\n{{ title }}\n";
        assert_eq!(body_text_lines(text), ["（简要说明。）", "在这里写正文。"]);
    }

    #[test]
    fn new_page_gets_a_dated_pinyin_name() -> TestResult {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("content/news"))?;
        std::fs::write(dir.path().join("content/news/_index.md"), "+++\n+++\n")?;
        let now = noon();
        let file = new_page(dir.path(), "news", "汇聚“四长”资源", now, Shape::File)
            .map_err(|d| d.message)?;
        assert!(
            file.ends_with("content/news/2026-11-26-hui-ju-si-chang-zi-yuan.md"),
            "{}",
            file.display()
        );
        let text = std::fs::read_to_string(&file)?;
        assert!(text.contains("title = \"汇聚“四长”资源\""));
        assert!(
            new_page(dir.path(), "news", "汇聚“四长”资源", now, Shape::File).is_err(),
            "never overwrites"
        );
        let unknown = new_page(dir.path(), "nwes", "x", now, Shape::File)
            .err()
            .and_then(|d| d.help);
        assert!(unknown.is_some_and(|help| help.contains("news")));
        Ok(())
    }
}
