//! Photos and attachments dropped or pasted into a page. The file goes beside the page,
//! so a page that is a single file becomes a bundle first (`a.md` → `a/index.md`, its
//! address unchanged); it gets a safe name (the pinyin of its name, no spaces, lower
//! case extension, `-2`, `-3` … when taken); and its bytes must be what its extension
//! says (a JPEG is a JPEG), from a short list of kinds a portal publishes.

use std::path::Path;

use super::files::{self, SitePath};

/// Extensions accepted, lower case, and a picture's media type (`None`: an attachment).
const KINDS: &[(&str, Option<&str>)] = &[
    ("jpg", Some("image/jpeg")),
    ("jpeg", Some("image/jpeg")),
    ("png", Some("image/png")),
    ("webp", Some("image/webp")),
    ("gif", Some("image/gif")),
    ("pdf", None),
    ("doc", None),
    ("docx", None),
    ("xls", None),
    ("xlsx", None),
    ("ppt", None),
    ("pptx", None),
    // WPS Office's own formats, and OFD, the national format of official documents.
    ("wps", None),
    ("et", None),
    ("dps", None),
    ("ofd", None),
    ("zip", None),
    ("rar", None),
    ("7z", None),
];

/// Extensions of the photos iPhones take by default, which most browsers cannot show.
const IPHONE_PHOTOS: &[&str] = &["heic", "heif"];

/// Why an upload is refused.
#[derive(Debug, thiserror::Error)]
pub enum UploadRefused {
    /// The extension is not in the list.
    #[error(
        "不能上传「{0}」：只能上传照片（jpg、png、webp、gif）和附件（PDF、Word、Excel、PPT、WPS、OFD 文件，zip、rar、7z 压缩包）"
    )]
    Kind(String),
    /// An iPhone photo (HEIC), which most browsers cannot show.
    #[error(
        "不能上传「{0}」：这是苹果手机的 HEIC 照片，多数浏览器显示不了。请先另存为 JPG 再上传（用微信发到电脑上的照片已是 JPG），或在 iPhone 的「设置 › 相机 › 格式」里选「兼容性最佳」，以后拍的照片就是 JPG"
    )]
    IphonePhoto(String),
    /// The bytes are not of the kind the extension says.
    #[error("「{0}」的内容和扩展名对不上，可能不是真正的照片或文档")]
    Content(String),
    /// A folder of the page's name exists already.
    #[error("「{0}」旁边已有同名文件夹，无法把稿件变成文件夹")]
    BundleTaken(String),
    /// Writing failed.
    #[error("保存文件失败：{0}")]
    Io(#[from] std::io::Error),
}

/// What an upload made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uploaded {
    /// The page's path now (a bundle's `index.md` when it became one).
    pub page: String,
    /// The file's name beside the page.
    pub file: String,
    /// True for a picture.
    pub picture: bool,
}

/// Stores `bytes`, named after `name`, beside `page`.
pub fn store(page: &SitePath, name: &str, bytes: &[u8]) -> Result<Uploaded, UploadRefused> {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let extension = extension.to_ascii_lowercase();
    let Some(&(_, media_type)) = KINDS.iter().find(|(e, _)| *e == extension) else {
        if IPHONE_PHOTOS.contains(&extension.as_str()) {
            return Err(UploadRefused::IphonePhoto(name.to_owned()));
        }
        return Err(UploadRefused::Kind(name.to_owned()));
    };
    let picture = media_type.is_some();
    if !content_matches(&extension, bytes) {
        return Err(UploadRefused::Content(name.to_owned()));
    }
    let page = make_bundle(page)?;
    let folder = page.full.parent().unwrap_or(Path::new("."));
    let mut slug = crate::zh::slugify(stem);
    if slug.is_empty() {
        slug = if picture { "tu-pian" } else { "fu-jian" }.to_owned();
    }
    let file = free_name(folder, &slug, &extension);
    // `create_new`: a file appearing under that name meanwhile is never replaced.
    let path = folder.join(&file);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    if let Err(error) = files::write_atomically(&path, bytes) {
        // The empty file that held the name goes too: no file is left of a failed upload.
        let _ = std::fs::remove_file(&path);
        return Err(error.into());
    }
    Ok(Uploaded {
        page: page.rel,
        file,
        picture,
    })
}

/// `slug.ext`, or `slug-2.ext`, `slug-3.ext` … the first not taken in `folder`.
fn free_name(folder: &Path, slug: &str, extension: &str) -> String {
    let taken = |name: &str| std::fs::symlink_metadata(folder.join(name)).is_ok();
    let first = format!("{slug}.{extension}");
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| format!("{slug}-{n}.{extension}"))
        .find(|name| !taken(name))
        .unwrap_or(first)
}

/// The lower-case extension and the media type of a picture named `name` (`a.JPG` →
/// `jpg`, `image/jpeg`), when it is of a kind an upload accepts.
pub fn picture_kind(name: &str) -> Option<(String, &'static str)> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    let (_, media_type) = KINDS.iter().find(|(e, _)| *e == extension)?;
    Some((extension, (*media_type)?))
}

/// Whether `bytes` start as files of `extension` (lower case) do.
pub fn content_matches(extension: &str, bytes: &[u8]) -> bool {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    match extension {
        "jpg" | "jpeg" | "png" | "webp" | "gif" => {
            let expected = match extension {
                "png" => image::ImageFormat::Png,
                "webp" => image::ImageFormat::WebP,
                "gif" => image::ImageFormat::Gif,
                _ => image::ImageFormat::Jpeg,
            };
            image::guess_format(bytes).is_ok_and(|f| f == expected)
        }
        "pdf" => starts(b"%PDF-"),
        "docx" | "xlsx" | "pptx" | "ofd" | "zip" => starts(b"PK\x03\x04"),
        "doc" | "xls" | "ppt" | "wps" | "et" | "dps" => starts(&[0xD0, 0xCF, 0x11, 0xE0]),
        "rar" => starts(b"Rar!\x1a\x07"),
        "7z" => starts(b"7z\xbc\xaf\x27\x1c"),
        _ => false,
    }
}

/// `page` as a bundle: unchanged when it is an `index.md`, else moved from `a.md` to
/// `a/index.md`.
fn make_bundle(page: &SitePath) -> Result<SitePath, UploadRefused> {
    let name = page.rel.rsplit('/').next().unwrap_or("");
    if name == "index.md" || name == "_index.md" {
        return Ok(page.clone());
    }
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let folder = page.full.with_file_name(stem);
    if std::fs::symlink_metadata(&folder).is_ok() {
        return Err(UploadRefused::BundleTaken(stem.to_owned()));
    }
    std::fs::create_dir(&folder)?;
    let index = folder.join("index.md");
    std::fs::rename(&page.full, &index)?;
    let bundle = SitePath {
        rel: page.sibling(&format!("{stem}/index.md")),
        full: index,
    };
    // The review comments follow the page into its folder.
    let notes = |p: &SitePath| super::review::notes_of(p).full;
    if notes(page).is_file() {
        std::fs::rename(notes(page), notes(&bundle))?;
    }
    Ok(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    /// The page `rel` (from the site root) of the site at `site`, written with `text`.
    fn page_at(site: &Path, rel: &str, text: &str) -> SitePath {
        let full = site.join(rel);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, text).unwrap();
        SitePath {
            rel: rel.into(),
            full,
        }
    }

    #[test]
    fn a_photo_turns_the_page_into_a_bundle_under_a_pinyin_name() {
        let site = tempfile::tempdir().unwrap();
        let news = site.path().join("content/news");
        let page = page_at(site.path(), "content/news/a.md", "+++\n+++\n");
        std::fs::write(news.join(".a.review.txt"), "送审\n").unwrap();
        let first = store(&page, "现场 照片.PNG", PNG).unwrap();
        assert_eq!(first.page, "content/news/a/index.md");
        assert_eq!(first.file, "xian-chang-zhao-pian.png");
        assert!(news.join("a/index.md").is_file() && !news.join("a.md").exists());
        assert_eq!(
            std::fs::read_to_string(news.join("a/.review.txt")).unwrap(),
            "送审\n"
        );
        let again = SitePath {
            rel: first.page.clone(),
            full: news.join("a/index.md"),
        };
        assert_eq!(
            store(&again, "现场照片.png", PNG).unwrap().file,
            "xian-chang-zhao-pian-2.png"
        );
    }

    #[test]
    fn wrong_kinds_and_disguised_files_are_refused() {
        let site = tempfile::tempdir().unwrap();
        let page = page_at(site.path(), "content/index.md", "");
        assert!(matches!(
            store(&page, "x.exe", b"MZ"),
            Err(UploadRefused::Kind(_))
        ));
        assert!(matches!(
            store(&page, "x.html", b"<p>"),
            Err(UploadRefused::Kind(_))
        ));
        assert!(matches!(
            store(&page, "x.jpg", b"<script>"),
            Err(UploadRefused::Content(_))
        ));
        assert!(matches!(
            store(&page, "IMG_2031.HEIC", b"\0\0\0\x18ftypheic"),
            Err(UploadRefused::IphonePhoto(_))
        ));
        assert!(matches!(
            store(&page, "x.rar", b"PK\x03\x04"),
            Err(UploadRefused::Content(_))
        ));
    }

    #[test]
    fn wps_ofd_and_archives_of_chinese_offices_are_attachments() {
        let site = tempfile::tempdir().unwrap();
        let news = site.path().join("content/news/a");
        let page = page_at(site.path(), "content/news/a/index.md", "+++\n+++\n");
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        let files: [(&str, &[u8], &str); 6] = [
            ("报名表.wps", &ole, "bao-ming-biao.wps"),
            ("统计表.et", &ole, "tong-ji-biao.et"),
            ("汇报.dps", &ole, "hui-bao.dps"),
            ("通知.ofd", b"PK\x03\x04", "tong-zhi.ofd"),
            ("材料.rar", b"Rar!\x1a\x07\x01\x00", "cai-liao.rar"),
            ("材料.7z", b"7z\xbc\xaf\x27\x1c\x00\x04", "cai-liao.7z"),
        ];
        for (name, bytes, stored) in files {
            let uploaded = store(&page, name, bytes).unwrap();
            assert_eq!(uploaded.file, stored);
            assert!(!uploaded.picture, "{name} is an attachment");
            assert_eq!(std::fs::read(news.join(stored)).unwrap(), bytes);
        }
    }
}
