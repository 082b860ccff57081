//! What a deploy does: the output folder's files as objects to store (with their
//! hash, `Content-Type`, `Cache-Control` and compressed variants), compared with the
//! manifest the target holds (`.menhu-deploy.json`), give the uploads, in the order
//! visitors need them (assets, then pages, then `sitemap.xml` and `search/build.json`),
//! and the deletions, done last.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::config::{CacheRule, DEFAULT_CACHE_RULES, Precompress};
use crate::diag::Diagnostic;
use crate::diag::text::display;
use crate::output::content_type;

/// The manifest's name on the target, beside the site's files.
pub const MANIFEST: &str = ".menhu-deploy.json";

/// What the target holds, as the last deploy left it: every stored object's hash and
/// headers. Written as the deploy goes, so an interrupted deploy resumes from it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always 1 for now.
    pub version: u32,
    /// Object key (relative to the target's folder) → what is stored there.
    pub files: BTreeMap<String, Stored>,
}

/// One stored object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    /// SHA-256 of the source file, in hex.
    pub sha256: String,
    /// Bytes of the source file.
    pub size: u64,
    /// `Content-Type|Cache-Control|encoding`: a change of headers uploads again.
    pub meta: String,
}

impl Stored {
    /// An object whose upload was started but not seen to finish: the target may hold
    /// it, with unknown bytes. It matches no file, so the next deploy uploads it again
    /// if the site still has it, and deletes it if not.
    pub fn pending() -> Stored {
        Stored {
            sha256: String::new(),
            size: 0,
            meta: "pending".to_owned(),
        }
    }
}

impl Manifest {
    /// Reads a manifest the target holds. Its keys come from outside: one that is not a
    /// plain relative path (`..`, `/…`, `\`) is dropped, so no deletion can leave the
    /// target's folder.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, Diagnostic> {
        let mut manifest: Manifest = serde_json::from_slice(bytes).map_err(|e| {
            Diagnostic::error(
                "E0810",
                crate::t!("deploy-bad-manifest", file = MANIFEST, reason = display(e)),
            )
            .help(crate::t!("deploy-bad-manifest.help", file = MANIFEST))
        })?;
        manifest.files.retain(|key, _| is_safe_key(key));
        Ok(manifest)
    }

    /// The manifest as stored.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }
}

/// A relative path of plain names separated by `/`.
pub fn is_safe_key(key: &str) -> bool {
    !key.is_empty()
        && !key.contains('\\')
        && !key.contains('\0')
        && key
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// How an object's bytes are made from its source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// The file as it is.
    Identity,
    /// The file gzip-compressed, stored under the file's own name with
    /// `Content-Encoding: gzip` (object storage).
    GzipInPlace,
    /// The file gzip-compressed, stored as `NAME.gz` (for nginx `gzip_static`).
    GzipFile,
    /// The file brotli-compressed, stored as `NAME.br` (for nginx `brotli_static`).
    BrotliFile,
}

impl Encoding {
    fn label(self) -> &'static str {
        match self {
            Encoding::Identity => "",
            Encoding::GzipInPlace => "gzip",
            Encoding::GzipFile => "gz-file",
            Encoding::BrotliFile => "br-file",
        }
    }
}

/// When an object is uploaded: what it refers to is there before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Stylesheets, scripts, images, fonts, attachments, search shards.
    Asset,
    /// Pages and feeds.
    Page,
    /// `sitemap.xml`, then `search/build.json` (which names the search files' build).
    Last,
}

/// One object to store.
#[derive(Debug, Clone)]
pub struct Object {
    /// Its key on the target.
    pub key: String,
    /// The source file, relative to the output folder.
    pub source: PathBuf,
    /// How its bytes are made.
    pub encoding: Encoding,
    /// `Content-Type`.
    pub content_type: String,
    /// `Cache-Control`.
    pub cache_control: String,
    /// Its order.
    pub stage: Stage,
    /// What the manifest records.
    pub stored: Stored,
}

impl Object {
    /// The bytes to upload: the source file, compressed if the object says so.
    pub fn bytes(&self, output: &Path) -> std::io::Result<Vec<u8>> {
        let raw = std::fs::read(output.join(&self.source))?;
        match self.encoding {
            Encoding::Identity => Ok(raw),
            Encoding::GzipInPlace | Encoding::GzipFile => gzip(&raw),
            Encoding::BrotliFile => brotli(&raw),
        }
    }
}

/// What the deploy will do.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Objects to upload, in order.
    pub uploads: Vec<Object>,
    /// Keys to delete, after the uploads.
    pub deletes: Vec<String>,
    /// Objects already stored as they are.
    pub unchanged: usize,
    /// The manifest once every step is done.
    pub target: Manifest,
}

impl Plan {
    /// Bytes of the site's files to upload, as the build wrote them: a file stored
    /// compressed counts its own size, a `.gz` or `.br` copy beside it nothing more.
    pub fn upload_bytes(&self) -> u64 {
        self.uploads
            .iter()
            .filter(|o| !matches!(o.encoding, Encoding::GzipFile | Encoding::BrotliFile))
            .map(|o| o.stored.size)
            .sum()
    }
}

/// Every object the output folder makes, with its headers.
pub fn objects(
    output: &Path,
    rules: &[CacheRule],
    precompress: Precompress,
) -> Result<Vec<Object>, Diagnostic> {
    let mut objects = Vec::new();
    for entry in walkdir::WalkDir::new(output).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            Diagnostic::error(
                "E0811",
                crate::t!("deploy-unreadable-output", reason = display(e)),
            )
        })?;
        // Symbolic links are not part of a build's output: they are never followed.
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(output) else {
            continue;
        };
        let key = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if key == MANIFEST || !is_safe_key(&key) {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| {
            Diagnostic::error(
                "E0811",
                crate::t!(
                    "deploy-unreadable-file",
                    file = entry.path().display(),
                    reason = display(e)
                ),
            )
        })?;
        objects.extend(objects_of(&key, relative, &bytes, rules, precompress));
    }
    Ok(objects)
}

fn objects_of(
    key: &str,
    relative: &Path,
    bytes: &[u8],
    rules: &[CacheRule],
    precompress: Precompress,
) -> Vec<Object> {
    let sha256 = hex(&Sha256::digest(bytes));
    let content_type = content_type(key);
    let cache_control = cache_control(key, rules);
    let compressible = is_compressible(&content_type) && bytes.len() >= 256;
    let mut variants = vec![(key.to_owned(), Encoding::Identity)];
    if compressible && precompress.brotli {
        variants.push((format!("{key}.br"), Encoding::BrotliFile));
    }
    if compressible && precompress.gzip {
        variants.push((format!("{key}.gz"), Encoding::GzipFile));
    }
    variants
        .into_iter()
        .map(|(object_key, encoding)| Object {
            stage: stage_of(key),
            stored: Stored {
                sha256: sha256.clone(),
                size: bytes.len() as u64,
                meta: format!("{content_type}|{cache_control}|{}", encoding.label()),
            },
            key: object_key,
            source: relative.to_path_buf(),
            encoding,
            content_type: content_type.clone(),
            cache_control: cache_control.clone(),
        })
        .collect()
}

/// Objects on object storage: a compressible file is stored gzip-compressed under its
/// own name instead of beside it.
pub fn gzip_in_place(objects: Vec<Object>) -> Vec<Object> {
    objects
        .into_iter()
        .filter(|o| o.encoding != Encoding::GzipFile && o.encoding != Encoding::BrotliFile)
        .map(|mut o| {
            if is_compressible(&o.content_type) && o.stored.size >= 256 {
                o.encoding = Encoding::GzipInPlace;
                o.stored.meta = format!("{}|{}|gzip", o.content_type, o.cache_control);
            }
            o
        })
        .collect()
}

/// Compares `objects` with what the target holds.
pub fn plan(objects: Vec<Object>, current: &Manifest) -> Plan {
    let mut target = Manifest {
        version: 1,
        files: BTreeMap::new(),
    };
    let mut uploads = Vec::new();
    let mut unchanged = 0;
    for object in objects {
        target
            .files
            .insert(object.key.clone(), object.stored.clone());
        if current.files.get(&object.key) == Some(&object.stored) {
            unchanged += 1;
        } else {
            uploads.push(object);
        }
    }
    // Stable: within a stage, the folder's sorted order.
    uploads.sort_by_key(|o| (o.stage, last_rank(&o.key)));
    let deletes = current
        .files
        .keys()
        .filter(|key| !target.files.contains_key(*key))
        .cloned()
        .collect();
    Plan {
        uploads,
        deletes,
        unchanged,
        target,
    }
}

/// Within the last stage: the sitemap, then the search index's build id.
fn last_rank(key: &str) -> u8 {
    u8::from(key.starts_with("search/build.json"))
}

fn stage_of(key: &str) -> Stage {
    let name = key.rsplit('/').next().unwrap_or(key);
    if key == "sitemap.xml"
        || key.starts_with("sitemap.xml.")
        || key.starts_with("search/build.json")
    {
        return Stage::Last;
    }
    let extension = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match extension {
        "html" | "htm" | "xml" => Stage::Page,
        "gz" | "br" => stage_of(key.rsplit_once('.').map_or(key, |(k, _)| k)),
        _ => Stage::Asset,
    }
}

fn is_compressible(content_type: &str) -> bool {
    content_type.ends_with("charset=utf-8")
}

fn cache_control(key: &str, rules: &[CacheRule]) -> String {
    if let Some(rule) = rules.iter().find(|r| r.matcher.is_match(key)) {
        return rule.value.clone();
    }
    DEFAULT_CACHE_RULES
        .iter()
        .find(|(pattern, _)| {
            globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .is_ok_and(|g| g.compile_matcher().is_match(key))
        })
        .map_or("public, max-age=3600", |(_, value)| value)
        .to_owned()
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 9, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_wait_for_assets_and_the_sitemap_and_build_id_come_last() {
        assert_eq!(stage_of("css/site.css"), Stage::Asset);
        assert_eq!(stage_of("search/a0.mz"), Stage::Asset);
        assert_eq!(stage_of("news/index.html"), Stage::Page);
        assert_eq!(stage_of("news/index.html.gz"), Stage::Page);
        assert_eq!(stage_of("atom.xml"), Stage::Page);
        assert_eq!(stage_of("sitemap.xml"), Stage::Last);
        assert_eq!(stage_of("search/build.json"), Stage::Last);
    }

    #[test]
    fn keys_that_leave_the_folder_are_not_safe() {
        for bad in [
            "../x",
            "a/../../x",
            "/etc/passwd",
            "a\\..\\b",
            "",
            "a//b",
            "./a",
        ] {
            assert!(!is_safe_key(bad), "{bad}");
        }
        assert!(is_safe_key("news/通知 1.html"));
        let manifest = br#"{"version":1,"files":{"../../x":{"sha256":"","size":0,"meta":""},"a.html":{"sha256":"","size":0,"meta":""}}}"#;
        let parsed = Manifest::parse(manifest).unwrap();
        assert_eq!(parsed.files.keys().collect::<Vec<_>>(), ["a.html"]);
    }

    #[test]
    fn an_unreadable_manifest_or_output_names_the_fix() {
        let e = Manifest::parse(b"<html>").unwrap_err();
        assert_eq!(e.code, "E0810");
        assert!(
            e.help
                .unwrap()
                .contains("the next deploy then uploads every file")
        );
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("public");
        let e = objects(&missing, &[], Precompress::default()).unwrap_err();
        assert_eq!(e.code, "E0811");
        assert!(
            e.message_in(crate::diag::Lang::ZhHans)
                .starts_with("读不出输出文件夹：")
        );
    }

    #[test]
    fn only_changed_objects_are_uploaded_and_vanished_ones_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::create_dir_all(out.join("news")).unwrap();
        std::fs::write(out.join("index.html"), "home").unwrap();
        std::fs::write(out.join("sitemap.xml"), "<urlset/>").unwrap();
        std::fs::write(out.join("news/a.html"), "a").unwrap();
        std::fs::write(out.join("site.css"), "body{}").unwrap();
        let first = plan(
            objects(out, &[], Precompress::default()).unwrap(),
            &Manifest::default(),
        );
        let order: Vec<_> = first.uploads.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(
            order,
            ["site.css", "index.html", "news/a.html", "sitemap.xml"]
        );

        std::fs::write(out.join("news/a.html"), "a, edited").unwrap();
        std::fs::remove_file(out.join("site.css")).unwrap();
        let second = plan(
            objects(out, &[], Precompress::default()).unwrap(),
            &first.target,
        );
        let keys: Vec<_> = second.uploads.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["news/a.html"]);
        assert_eq!(second.deletes, ["site.css"]);
        assert_eq!(second.unchanged, 2);
    }

    #[test]
    fn compressed_variants_decompress_to_the_file() {
        use std::io::Read;
        let dir = tempfile::tempdir().unwrap();
        let page = "<p>门户</p>".repeat(100);
        std::fs::write(dir.path().join("a.html"), &page).unwrap();
        let both = Precompress {
            gzip: true,
            brotli: true,
        };
        let objects = objects(dir.path(), &[], both).unwrap();
        let keys: Vec<_> = objects.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["a.html", "a.html.br", "a.html.gz"]);
        let gz = objects[2].bytes(dir.path()).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, page);
        let br = objects[1].bytes(dir.path()).unwrap();
        let mut text = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, page);
        let planned = plan(objects.clone(), &Manifest::default());
        assert_eq!(planned.uploads.len(), 3);
        assert_eq!(planned.upload_bytes(), page.len() as u64);
        let in_place = gzip_in_place(objects);
        assert_eq!(in_place.len(), 1);
        assert_eq!(in_place[0].encoding, Encoding::GzipInPlace);
    }
}
