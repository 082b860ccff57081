//! Photos in pages (#29): a camera photo beside an article is published as a
//! responsive, lazily loaded image and never at full size unless the site asks; a
//! cover gives lists a thumbnail and shared links a 1200 × 630 picture; 头条 and 置顶
//! lead their lists until their end dates; `check` names large originals and
//! forgotten pins.

use std::io::Cursor;

use crate::support::*;

/// A `width` × `height` JPEG: a red-to-green gradient.
pub fn photo(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 80])
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("jpeg");
    out.into_inner()
}

const LIST_TEMPLATE: &str = r#"<main>{% for p in section.pages %}<li data-pin="{{ p.pin }}">{{ p.title }}{% if p.cover_image.thumbnail %}<img class="thumb" src="{{ p.cover_image.thumbnail.url }}" width="{{ p.cover_image.thumbnail.width }}" height="{{ p.cover_image.thumbnail.height }}">{% endif %}</li>{% endfor %}{% if section.headline %}<p class="headline">{{ section.headline.title }}</p>{% endif %}</main>"#;

const PAGE_TEMPLATE: &str = r#"<main>{{ page.content | safe }}{% if page.cover_image %}<meta property="og:image" content="{{ page.cover_image.share.url }}" data-size="{{ page.cover_image.share.width }}x{{ page.cover_image.share.height }}">{% endif %}</main>"#;

/// A news section with an article whose bundle holds `photo.jpg` of `width` × `height`.
fn article_site(width: u32, height: u32) -> Site {
    let site = Site::minimal();
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/news/visit/index.md",
        "+++\ntitle = \"调研\"\ndate = 2026-11-01\n+++\n调研现场：\n\n![市科协调研现场](photo.jpg)\n",
    );
    site.write_bytes("content/news/visit/photo.jpg", &photo(width, height));
    site.write("templates/section.html", LIST_TEMPLATE);
    site.write("templates/page.html", PAGE_TEMPLATE);
    site
}

/// The `<img …>` tag of `html` whose `alt` is `alt`.
fn img_tag<'h>(html: &'h str, alt: &str) -> &'h str {
    let at = html
        .find(&format!("alt=\"{alt}\""))
        .unwrap_or_else(|| panic!("no image 「{alt}」 in {html}"));
    let start = html[..at].rfind("<img").expect("tag start");
    let end = at + html[at..].find('>').expect("tag end");
    &html[start..=end]
}

/// `(path in the output, width)` of each `srcset` candidate.
fn candidates(tag: &str) -> Vec<(String, u32)> {
    let srcset = tag
        .split("srcset=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no srcset in {tag}"));
    srcset
        .split(", ")
        .map(|c| {
            let (url, width) = c.rsplit_once(' ').expect("url and width");
            let path = url
                .strip_prefix("https://kx.example.org/")
                .unwrap_or_else(|| panic!("{url}"));
            (
                path.to_owned(),
                width.trim_end_matches('w').parse().expect("width"),
            )
        })
        .collect()
}

#[test]
fn a_camera_photo_is_published_responsive_and_never_at_full_size() {
    let site = article_site(3000, 2000);
    site.build();
    let html = site.output("news/visit/index.html");
    let tag = img_tag(&html, "市科协调研现场");
    for attribute in [
        "width=\"1600\"",
        "height=\"1066\"",
        "loading=\"lazy\"",
        "decoding=\"async\"",
        "sizes=\"(max-width: 900px) 100vw, 800px\"",
    ] {
        assert_contains(tag, attribute);
    }
    let found = candidates(tag);
    let widths: Vec<u32> = found.iter().map(|(_, w)| *w).collect();
    assert_eq!(widths, [480, 960, 1600], "{tag}");
    for (path, width) in &found {
        assert!(path.starts_with("processed_images/"), "{path}");
        let copy = image::open(site.path("public").join(path)).expect("copy published");
        assert_eq!(copy.width(), *width);
    }
    assert_contains(
        tag,
        &format!("src=\"https://kx.example.org/{}\"", found[2].0),
    );
    assert!(
        !site.output_exists("news/visit/photo.jpg"),
        "the 3000-pixel original is not published"
    );
}

#[test]
fn a_small_photo_is_published_with_its_original_and_smaller_copies() {
    let site = article_site(800, 600);
    site.build();
    let html = site.output("news/visit/index.html");
    let tag = img_tag(&html, "市科协调研现场");
    let found = candidates(tag);
    assert_eq!(found.len(), 2, "{tag}");
    assert_eq!(found[0].1, 480);
    assert_eq!(found[1], ("news/visit/photo.jpg".to_owned(), 800));
    assert_contains(tag, "width=\"800\" height=\"600\"");
    assert!(site.output_exists("news/visit/photo.jpg"));
}

/// A photo named with a space (`IMG 1.jpg`, as phones and Windows name copies) is a
/// `srcset` candidate a browser can read: a space there would split the address from
/// its width, and the browser dropped the candidate.
#[test]
fn a_photo_named_with_a_space_is_a_readable_candidate() {
    let site = article_site(800, 600);
    site.write(
        "content/news/visit/index.md",
        "+++\ntitle = \"调研\"\ndate = 2026-11-01\n+++\n![市科协调研现场](<IMG 1.jpg>)\n",
    );
    site.write_bytes("content/news/visit/IMG 1.jpg", &photo(800, 600));
    site.build();
    let html = site.output("news/visit/index.html");
    let found = candidates(img_tag(&html, "市科协调研现场"));
    assert_eq!(found.len(), 2, "{html}");
    assert_eq!(found[1], ("news/visit/IMG%201.jpg".to_owned(), 800));
    assert!(site.output_exists("news/visit/IMG 1.jpg"));
}

#[test]
fn keep_original_publishes_a_large_original() {
    let site = article_site(3000, 2000);
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[images]\nkeep_original = true\nwidths = [640]\n"),
    );
    site.build();
    let html = site.output("news/visit/index.html");
    let widths: Vec<u32> = candidates(img_tag(&html, "市科协调研现场"))
        .iter()
        .map(|(_, w)| *w)
        .collect();
    assert_eq!(widths, [640, 3000]);
    assert!(site.output_exists("news/visit/photo.jpg"));
}

#[test]
fn check_names_a_large_original() {
    let site = article_site(3000, 2000);
    let run = site.menhu(&["check"]);
    assert_contains(&run.stderr, "C0130");
    assert_contains(&run.stderr, "content/news/visit/photo.jpg");
    assert_contains(&run.stderr, "3000 × 2000");
    // The page shows the copies: its Markdown image of the photo is not missing.
    assert_not_contains(&run.stderr, "C0103");
    let small = article_site(800, 600);
    assert_not_contains(&small.menhu(&["check"]).stderr, "C0130");
}

/// A PNG whose header claims `width` × `height` (its pixels are 8 × 8).
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(8, 8, image::Rgb([1, 2, 3]));
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    let mut bytes = out.into_inner();
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height, then its CRC.
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    bytes
}

#[test]
fn build_and_check_name_a_photo_the_page_cannot_show() {
    let site = article_site(800, 600);
    site.write(
        "content/news/visit/index.md",
        "+++\ntitle = \"调研\"\ndate = 2026-11-01\n+++\n<!-- more -->\n\n![全景](pano.png)\n\n![现场](iphone.jpg)\n",
    );
    // A panorama over 100 megapixels, and a phone's HEIC photo renamed `.jpg`.
    site.write_bytes("content/news/visit/pano.png", &png_claiming(24_000, 6_000));
    site.write_bytes(
        "content/news/visit/iphone.jpg",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic and the rest of the photo",
    );
    let run = site.menhu_env(&["check"], &[("MENHU_LANG", "en")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "error[E0253]");
    assert_contains(&run.stderr, "content/news/visit/pano.png");
    assert_contains(&run.stderr, "24000 × 6000");
    assert_contains(&run.stderr, "error[E0251]");
    assert_contains(&run.stderr, "content/news/visit/iphone.jpg");
    // Not the note that the page shows its copies: it has none.
    assert_not_contains(&run.stderr, "C0130");
    // Nor the build's warning again.
    assert_not_contains(&run.stderr, "W0209");
    // The build (and the preview) publishes the rest and says which photos it could not
    // show, where it said nothing.
    let build = site.menhu_env(&["build"], &[("MENHU_LANG", "en")]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert_contains(&build.stderr, "warning[W0209]");
    assert_contains(&build.stderr, "content/news/visit/pano.png");
    assert_contains(&build.stderr, "content/news/visit/iphone.jpg");
}

#[test]
fn a_cover_gives_lists_a_thumbnail_and_shared_links_a_cropped_picture() {
    let site = article_site(2000, 1500);
    site.write(
        "content/news/visit/index.md",
        "+++\ntitle = \"调研\"\ndate = 2026-11-01\ncover = \"photo.jpg\"\ncover_focus = \"top\"\n+++\n正文\n",
    );
    site.build();
    let list = site.output("news/index.html");
    assert_contains(&list, "class=\"thumb\"");
    assert_contains(&list, "width=\"480\" height=\"320\"");
    let thumb = list
        .split("class=\"thumb\" src=\"https://kx.example.org/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("thumbnail url");
    let thumb = image::open(site.path("public").join(thumb))
        .expect("thumbnail")
        .to_rgb8();
    assert_eq!(thumb.dimensions(), (480, 320));
    // Cut from the top: green (which grows downwards) stays low in the first row.
    assert!(
        thumb.get_pixel(240, 0).0[1] < 10,
        "{:?}",
        thumb.get_pixel(240, 0)
    );
    let page = site.output("news/visit/index.html");
    assert_contains(&page, "data-size=\"1200x630\"");
}

#[test]
fn a_wrong_cover_focus_or_pin_is_an_error_at_its_line() {
    let site = article_site(800, 600);
    site.write(
        "content/news/visit/index.md",
        "+++\ntitle = \"调研\"\ncover_focus = \"topp\"\npin = 0\n+++\n正文\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "unknown value 「topp」 for `cover_focus`");
    assert_contains(&stderr, "did you mean `top`?");
    assert_contains(&stderr, "content/news/visit/index.md:3");
    assert_contains(&stderr, "`pin` is 0");
    assert_contains(&stderr, "content/news/visit/index.md:4");
}

#[test]
fn photo_news_without_a_cover_is_a_warning_at_its_line_in_build_and_check() {
    let site = news_site(&[("甲", "photo = true"), ("乙", "photo = false")]);
    let run = site.build();
    assert_contains(&run.stderr, "W0204");
    assert_contains(&run.stderr, "content/news/0.md:4");
    assert_contains(&run.stderr, "add `cover = \"photo.jpg\"`");
    assert_not_contains(&run.stderr, "content/news/1.md");
    // Still published: a warning, not an error.
    assert_contains(&site.output("news/index.html"), "甲");
    let check = site.menhu(&["check"]);
    assert_contains(&check.stderr, "W0204");
    assert_contains(&check.stderr, "content/news/0.md:4");
}

/// Four dated news pages; `fronts` adds front-matter lines to each by title.
fn news_site(fronts: &[(&str, &str)]) -> Site {
    let site = Site::minimal();
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\n+++\n",
    );
    for (i, title) in ["甲", "乙", "丙", "丁"].iter().enumerate() {
        let extra = fronts
            .iter()
            .filter(|(t, _)| t == title)
            .map(|(_, line)| format!("{line}\n"))
            .collect::<String>();
        site.write(
            &format!("content/news/{i}.md"),
            &format!(
                "+++\ntitle = \"{title}\"\ndate = 2026-11-0{}\n{extra}+++\n正文\n",
                i + 1
            ),
        );
    }
    site.write("templates/section.html", LIST_TEMPLATE);
    site
}

fn listed_titles(html: &str) -> String {
    html.split("<li data-pin=\"")
        .skip(1)
        .filter_map(|li| li.split('>').nth(1)?.split('<').next())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn pinned_pages_lead_their_section_in_rank_order_until_their_day() {
    let site = news_site(&[
        ("甲", "pin = 2"),
        ("乙", "pin = true"),
        ("丙", "pin = 1\npin_until = 2026-11-20"),
    ]);
    let now = [("MENHU_NOW", "2026-11-20T15:00:00Z")];
    let run = site.menhu_env(&["build"], &now);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Newest first is 丁丙乙甲; pins 1 (乙 and 丙, in date order) then 2 (甲).
    assert_eq!(listed_titles(&site.output("news/index.html")), "丙乙甲丁");
    // Midnight in Shanghai ends 丙's pin day.
    let later = [("MENHU_NOW", "2026-11-20T16:00:00Z")];
    assert_eq!(site.menhu_env(&["build"], &later).code, 0);
    assert_eq!(listed_titles(&site.output("news/index.html")), "乙甲丁丙");
}

#[test]
fn the_headline_is_the_newest_page_that_is_one_until_its_day() {
    let site = news_site(&[
        ("甲", "headline = true"),
        ("乙", "headline = true\nheadline_until = 2026-11-10"),
    ]);
    let before = [("MENHU_NOW", "2026-11-05T00:00:00Z")];
    assert_eq!(site.menhu_env(&["build"], &before).code, 0);
    let home_and_news = |site: &Site| site.output("news/index.html");
    assert_contains(&home_and_news(&site), "<p class=\"headline\">乙</p>");
    let after = [("MENHU_NOW", "2026-11-11T00:00:00Z")];
    assert_eq!(site.menhu_env(&["build"], &after).code, 0);
    assert_contains(&home_and_news(&site), "<p class=\"headline\">甲</p>");
}

/// The editor's guide: a 头条 is the first of its section's list, above the pinned
/// pages, until its day; then it takes its place by date again.
#[test]
fn the_headline_leads_its_section_above_the_pins_until_its_day() {
    let site = news_site(&[
        ("甲", "headline = true\nheadline_until = 2026-11-10"),
        ("乙", "pin = true"),
    ]);
    let before = [("MENHU_NOW", "2026-11-05T00:00:00Z")];
    assert_eq!(site.menhu_env(&["build"], &before).code, 0);
    // Newest first is 丁丙乙甲.
    assert_eq!(listed_titles(&site.output("news/index.html")), "甲乙丁丙");
    let after = [("MENHU_NOW", "2026-11-11T00:00:00Z")];
    assert_eq!(site.menhu_env(&["build"], &after).code, 0);
    assert_eq!(listed_titles(&site.output("news/index.html")), "乙丁丙甲");
}

#[test]
fn check_warns_of_a_pin_left_on_old_news() {
    let site = news_site(&[
        ("甲", "pin = true"),
        ("乙", "pin = true\npin_until = 2027-12-31"),
    ]);
    let now = [("MENHU_NOW", "2027-03-01T00:00:00Z")];
    let run = site.menhu_env(&["check"], &now);
    assert_contains(&run.stderr, "C0131");
    assert_contains(&run.stderr, "content/news/0.md:4");
    assert_contains(&run.stderr, "page of 2026-11-01 is still 置顶");
    assert_not_contains(&run.stderr, "content/news/1.md");
}

#[test]
fn the_preview_serves_the_responsive_copies() {
    let site = article_site(3000, 2000);
    let server = crate::serve_http::Server::start(&site);
    let page = server.get("/news/visit/");
    assert_eq!(page.status, 200);
    let html = page.body;
    let tag = img_tag(&html, "市科协调研现场");
    assert_contains(tag, "loading=\"lazy\"");
    let srcset = tag
        .split("srcset=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("srcset");
    let mut widths = Vec::new();
    for candidate in srcset.split(", ") {
        let (url, width) = candidate.rsplit_once(' ').expect("url and width");
        let path = &url[url.find("/processed_images/").expect("a copy")..];
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        let raw = server.raw(request.as_bytes());
        assert!(raw.starts_with(b"HTTP/1.1 200"), "{path}");
        let at = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("head");
        let copy = image::load_from_memory(&raw[at + 4..]).expect("a picture");
        assert_eq!(format!("{}w", copy.width()), width);
        widths.push(copy.width());
    }
    assert_eq!(widths, [480, 960, 1600]);
    assert_eq!(server.get("/news/visit/photo.jpg").status, 404);
}
