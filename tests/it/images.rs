//! Images through templates: Zola's `resize_image` and `get_image_metadata` on a photo
//! beside an article, the copies published under `processed_images/`, the cache reused
//! by the next build and pruned of what no build uses, and bad photos as errors that
//! name the file.

use std::io::Cursor;

use crate::support::*;

/// A `width` × `height` JPEG: a red-to-green gradient.
fn photo(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 80])
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("jpeg");
    out.into_inner()
}

const PAGE_TEMPLATE: &str = r#"<main>{% set photo = "content/news/visit/photo.jpg" %}
{% set meta = get_image_metadata(path=photo) %}meta={{ meta.width }}x{{ meta.height }} {{ meta.format }} {{ meta.mime }}
{% for width in [200, 400] %}{% set copy = resize_image(path=photo, width=width, op="fit_width", format="webp") %}<img src="{{ copy.url }}" width="{{ copy.width }}" height="{{ copy.height }}" data-orig="{{ copy.orig_width }}x{{ copy.orig_height }}" data-static="{{ copy.static_path }}">
{% endfor %}{% set thumb = resize_image(path="@/news/visit/photo.jpg", width=100, height=100, focus="left") %}<img class="thumb" src="{{ thumb.url }}" width="{{ thumb.width }}">
</main>"#;

fn photo_site() -> Site {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/visit/index.md",
        "+++\ntitle = \"调研\"\n+++\n正文\n",
    );
    site.write_bytes("content/news/visit/photo.jpg", &photo(800, 600));
    site.write("templates/page.html", PAGE_TEMPLATE);
    site
}

/// The `src` of every `<img>` in `html`, as paths in the output.
fn image_paths(html: &str) -> Vec<String> {
    html.split("src=\"https://kx.example.org/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn resize_image_publishes_copies_with_zola_fields() {
    let site = photo_site();
    site.build();
    let html = site.output("news/visit/index.html");
    assert_contains(&html, "meta=800x600 jpg image/jpeg");
    assert_contains(&html, "width=\"200\" height=\"150\" data-orig=\"800x600\"");
    assert_contains(&html, "width=\"400\" height=\"300\"");
    assert_contains(&html, "class=\"thumb\"");
    let paths = image_paths(&html);
    assert_eq!(paths.len(), 3, "{html}");
    for path in &paths {
        assert!(path.starts_with("processed_images/"), "{path}");
    }
    for path in &paths[..2] {
        assert_contains(&html, &format!("data-static=\"{path}\""));
    }
    let copies: Vec<(u32, u32)> = paths
        .iter()
        .map(|p| {
            image::open(site.path("public").join(p))
                .map(|i| (i.width(), i.height()))
                .unwrap_or_else(|e| panic!("{p}: {e}"))
        })
        .collect();
    assert_eq!(copies, [(200, 150), (400, 300), (100, 100)]);
    // The default format of a JPEG is JPEG; the fill is cut from the left edge.
    assert!(paths[2].ends_with(".jpg"), "{paths:?}");
    let thumb = image::open(site.path("public").join(&paths[2]))
        .expect("thumb")
        .to_rgb8();
    assert!(
        thumb.get_pixel(2, 50).0[0] < 20,
        "left edge kept: {:?}",
        thumb.get_pixel(2, 50)
    );
}

#[test]
fn a_second_build_reuses_the_cache_and_prunes_what_is_unused() {
    let site = photo_site();
    site.build();
    let paths = image_paths(&site.output("news/visit/index.html"));
    let cache = site.path(".menhu-cache/images");
    let cached = |path: &str| cache.join(path.trim_start_matches("processed_images/"));
    // Mark one cached copy inside (a copy cut short would be made again): a build that
    // reprocessed it would publish the real image.
    let mut marked = std::fs::read(cached(&paths[0])).expect("cached copy");
    let middle = marked.len() / 2;
    marked[middle] ^= 0x55;
    std::fs::write(cached(&paths[0]), &marked).expect("mark");
    site.build();
    assert_eq!(
        std::fs::read(site.path("public").join(&paths[0])).expect("copy"),
        marked
    );
    // A template that no longer asks for the 400 px copy: its entry goes.
    site.write(
        "templates/page.html",
        &PAGE_TEMPLATE.replace("[200, 400]", "[200]"),
    );
    site.build();
    assert!(cached(&paths[0]).exists());
    assert!(!cached(&paths[1]).exists(), "unused copy pruned");
    assert!(!site.output_exists(&paths[1]));
    // A changed photo gets a new copy under a new name.
    site.write_bytes("content/news/visit/photo.jpg", &photo(640, 480));
    site.build();
    let html = site.output("news/visit/index.html");
    assert_contains(&html, "data-orig=\"640x480\"");
    assert!(!image_paths(&html).contains(&paths[0]));
}

#[test]
fn bad_images_fail_the_build_naming_the_file() {
    let site = photo_site();
    site.write_bytes(
        "content/news/visit/photo.jpg",
        b"\xff\xd8\xff\xe0 not really a jpeg",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "content/news/visit/photo.jpg");
    assert_not_contains(&stderr, "panicked");

    let site = photo_site();
    site.write(
        "templates/page.html",
        "<main>{% set c = resize_image(path=\"content/news/visit/nothing.jpg\", width=10, op=\"fit_width\") %}{{ c.url }}</main>",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "no image `content/news/visit/nothing.jpg`");

    let site = photo_site();
    site.write(
        "templates/page.html",
        "<main>{% set c = resize_image(path=\"content/news/visit/photo.jpg\", width=10, op=\"stretch\") %}{{ c.url }}</main>",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "unknown resize operation 「stretch」");
}

#[test]
fn get_image_metadata_allows_a_missing_file_when_asked() {
    let site = photo_site();
    site.write(
        "templates/page.html",
        "<main>{% set m = get_image_metadata(path=\"static/none.png\", allow_missing=true) %}{% if m %}found{% else %}missing{% endif %}</main>",
    );
    site.build();
    assert_contains(&site.output("news/visit/index.html"), "missing");
}

#[test]
fn clean_cache_makes_every_copy_again() {
    let site = photo_site();
    site.build();
    let paths = image_paths(&site.output("news/visit/index.html"));
    let cache = site.path(".menhu-cache/images");
    let marked = cache.join(paths[0].trim_start_matches("processed_images/"));
    let stale = cache.join("0123456789abcdef01234567.jpg");
    // Marked inside, so that only cleaning (not a copy found cut short) makes it again.
    let mut mark = std::fs::read(&marked).expect("cached copy");
    let middle = mark.len() / 2;
    mark[middle] ^= 0x55;
    std::fs::write(&marked, &mark).expect("mark");
    std::fs::write(&stale, b"left by an old build").expect("stale entry");
    let run = site.menhu(&["build", "--clean-cache"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let published = std::fs::read(site.path("public").join(&paths[0])).expect("copy");
    assert_ne!(published, mark, "the copy was made again");
    assert!(image::load_from_memory(&published).is_ok());
    assert!(!stale.exists(), "the old cache is gone");
    assert!(marked.exists(), "the cache is filled again");
}

#[cfg(unix)]
#[test]
fn a_photo_linked_from_outside_the_site_is_refused_naming_the_link() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.jpg"), photo(40, 30)).unwrap();
    let site = photo_site();
    std::os::unix::fs::symlink(outside.path().join("secret.jpg"), site.path("photo.jpg")).unwrap();
    site.write(
        "templates/page.html",
        "<main>{% set c = resize_image(path=\"photo.jpg\", width=10, op=\"fit_width\") %}{{ c.url }}</main>",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "symbolic link `photo.jpg` points outside the site");
    assert_not_contains(&stderr, "panicked");
    assert!(
        !site.path(".menhu-cache/images").exists()
            || std::fs::read_dir(site.path(".menhu-cache/images"))
                .unwrap()
                .next()
                .is_none(),
        "no copy was made of a file outside the site"
    );

    // A bundle photo that is such a link: refused by the same bounds, E0214.
    let site = photo_site();
    std::fs::remove_file(site.path("content/news/visit/photo.jpg")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.jpg"),
        site.path("content/news/visit/photo.jpg"),
    )
    .unwrap();
    let stderr = site.build_fails();
    assert_contains(&stderr, "E0214");
    assert_contains(&stderr, "content/news/visit/photo.jpg");
}

/// Zola's docs' shortcodes, as they are: a gallery of `page.assets` and a copy at half
/// the photo's own width.
const GALLERY_SHORTCODE: &str = r#"<div class="gallery">{% for asset in page.assets -%}
{%- if asset is matching("[.](jpg|png)$") -%}{% set image = resize_image(path=asset, width=240, height=180) %}<a href="{{ get_url(path=asset) }}"><img src="{{ image.url }}" width="{{ image.width }}" height="{{ image.height }}"></a>{%- endif %}{%- endfor %}</div>"#;
const HALF_SHORTCODE: &str = r#"{% set mdata = get_image_metadata(path=path) %}{% set image = resize_image(path=path, width=(mdata.width / 2) | int, op="fit_width") %}<img class="half" src="{{ image.url }}" width="{{ image.width }}" data-of="{{ page.title }}">"#;

#[test]
fn resize_image_works_in_shortcodes_with_the_page_and_its_assets() {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/visit/index.md",
        "+++\ntitle = \"调研\"\n+++\n现场：\n\n{{ gallery() }}\n\n{{ half(path=\"content/news/visit/photo.jpg\") }}\n",
    );
    site.write_bytes("content/news/visit/photo.jpg", &photo(800, 600));
    site.write("templates/shortcodes/gallery.html", GALLERY_SHORTCODE);
    site.write("templates/shortcodes/half.html", HALF_SHORTCODE);
    site.build();
    let html = site.output("news/visit/index.html");
    assert_contains(
        &html,
        "<a href=\"https://kx.example.org/news/visit/photo.jpg\">",
    );
    assert_contains(&html, "width=\"240\" height=\"180\"");
    assert_contains(&html, "class=\"half\"");
    assert_contains(&html, "width=\"400\" data-of=\"调研\"");
    // The copies the shortcodes asked for are made and published like any other.
    let paths = image_paths(&html);
    let copies: Vec<&String> = paths
        .iter()
        .filter(|p| p.starts_with("processed_images/"))
        .collect();
    assert_eq!(copies.len(), 2, "{html}");
    for path in copies {
        let copy = image::open(site.path("public").join(path)).expect("a published copy");
        assert!(copy.width() == 240 || copy.width() == 400, "{path}");
    }
}
