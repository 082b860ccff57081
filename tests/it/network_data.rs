//! 站群 (issue #33): the network's shared `data/`. Every member reads the network root's
//! `data/` for a data file it does not have — the organisation directory
//! (`[[directories]]`), `load_data`, the wording rules (`data/wording.toml`) — and a
//! member's own file of the same name replaces the shared one. Nothing read that way
//! may lead out of the network: a link out is refused, naming the file and line that
//! asked for it.

use menhu::network::build::{NetworkOptions, build_network_in_memory};

use crate::serve_network::network;
use crate::support::{Run, Site, assert_contains, assert_not_contains};

const ORGS_SECTION: &str = "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\nsort_by = \"title\"\n+++\n";

/// The network of `serve_network` with a shared organisation directory and a shared
/// data file; the province and Wuzhou list the directory, Wuzhou from its own copy.
fn sharing() -> Site {
    let root = network();
    root.write(
        "data/orgs.csv",
        "title,slug,level,region\n广西壮族自治区科学技术协会,gx-kexie,province,广西\n梧州市科学技术协会,wz-kexie,city,梧州\n",
    );
    root.write("data/facts.toml", "motto = \"共享的口号\"\n");
    for name in ["guangxi", "wuzhou"] {
        list_orgs_and_facts(&root, name);
    }
    root.write(
        "sites/wuzhou/data/orgs.csv",
        "title,slug,level,region\n梧州市科学技术协会（本站名录）,wz-own,city,梧州\n",
    );
    root.write(
        "sites/wuzhou/data/facts.toml",
        "motto = \"梧州自己的口号\"\n",
    );
    root
}

/// Member `name` lists the directory `data/orgs.csv` in its `orgs` section and shows
/// the motto of `data/facts.toml` on its home page.
fn list_orgs_and_facts(root: &Site, name: &str) {
    let config = format!("sites/{name}/site-config.toml");
    let text = std::fs::read_to_string(root.path(&config)).unwrap();
    let (top, extra) = text.split_once("\n[extra]").unwrap();
    root.write(
        &config,
        &format!(
            "{top}\n[[directories]]\nfile = \"data/orgs.csv\"\nsection = \"orgs\"\n\n[extra]{extra}"
        ),
    );
    root.write(
        &format!("sites/{name}/content/orgs/_index.md"),
        ORGS_SECTION,
    );
    root.write(
        &format!("sites/{name}/templates/index.html"),
        "<main>{% set facts = load_data(path=\"data/facts.toml\") %}口号：{{ facts.motto }}</main>",
    );
}

#[test]
fn each_distinct_data_file_is_parsed_once_for_the_whole_network() {
    let root = sharing();
    // Liuzhou reads the shared directory and data too: two members, one parse each.
    list_orgs_and_facts(&root, "liuzhou");
    let built = build_network_in_memory(&NetworkOptions::new(root.root())).expect("it builds");
    let output = |member: usize, path: &str| {
        let built = built.members[member]
            .result
            .as_ref()
            .expect("the member builds");
        let file = built.site.files.iter().find(|f| f.path == path);
        String::from_utf8_lossy(&file.expect(path).body).into_owned()
    };
    assert_contains(
        &output(2, "orgs/gx-kexie/index.html"),
        "广西壮族自治区科学技术协会",
    );
    assert_contains(&output(2, "index.html"), "口号：共享的口号");
    assert_contains(&output(0, "index.html"), "口号：共享的口号");
    assert_contains(&output(1, "index.html"), "口号：梧州自己的口号");
    // The shared table and data file once each for the province and Liuzhou, and
    // Wuzhou's own two files: four parses, not six.
    assert_eq!(built.data_files.parses(), 4);
}

/// `menhu build --network` in English, which must fail (exit 1).
fn failing_network_build(root: &Site) -> Run {
    let run = root.menhu(&["build", "--network", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run
}

#[test]
fn a_member_reads_the_shared_directory_and_data_and_its_own_file_replaces_the_shared_one() {
    let root = sharing();
    let run = root.menhu(&["build", "--network"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The province has no data/ of its own: the network's directory and data.
    assert_contains(
        &root.output("guangxi/orgs/gx-kexie/index.html"),
        "广西壮族自治区科学技术协会",
    );
    assert!(root.output_exists("guangxi/orgs/wz-kexie/index.html"));
    assert_contains(&root.output("guangxi/index.html"), "口号：共享的口号");
    // Wuzhou's own files replace the shared ones of the same name, whole.
    assert_contains(
        &root.output("wuzhou/orgs/wz-own/index.html"),
        "梧州市科学技术协会（本站名录）",
    );
    assert!(!root.output_exists("wuzhou/orgs/gx-kexie"));
    assert_contains(&root.output("wuzhou/index.html"), "口号：梧州自己的口号");
    // A site that reads no directory gets none.
    assert!(!root.output_exists("liuzhou/orgs"));
}

#[test]
fn a_shared_directory_row_error_names_the_shared_file_and_line() {
    let root = sharing();
    root.write(
        "data/orgs.csv",
        "title,slug,level\n广西壮族自治区科学技术协会,gx-kexie,province\n,no-title,city\n",
    );
    let run = failing_network_build(&root);
    assert_contains(&run.stderr, "E0221");
    assert_contains(&run.stderr, "--> data/orgs.csv:3");
    assert_not_contains(&run.stderr, "sites/guangxi/data/orgs.csv");
}

#[cfg(unix)]
#[test]
fn a_shared_file_or_folder_leading_out_of_the_network_is_refused_naming_file_and_line() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.csv"), "title\n机密\n").unwrap();

    // A shared file that is a link out of the network.
    let root = sharing();
    std::fs::remove_file(root.path("data/orgs.csv")).unwrap();
    symlink(
        outside.path().join("secret.csv"),
        root.path("data/orgs.csv"),
    )
    .unwrap();
    let run = failing_network_build(&root);
    assert_contains(&run.stderr, "E0214");
    // The directory entry of the province's config that asked for it, and the link.
    assert_contains(&run.stderr, "sites/guangxi/site-config.toml:");
    assert_contains(&run.stderr, "data/orgs.csv");
    assert_contains(&run.stderr, "outside");
    assert!(!root.output_exists("guangxi"));
    assert!(
        root.output_exists("wuzhou/index.html"),
        "Wuzhou reads its own"
    );

    // The shared folder itself a link out: it shares nothing, and reading through it
    // is refused the same way.
    let root = sharing();
    std::fs::remove_dir_all(root.path("data")).unwrap();
    std::fs::write(outside.path().join("orgs.csv"), "title\n机密\n").unwrap();
    std::fs::write(outside.path().join("facts.toml"), "motto = \"机密\"\n").unwrap();
    symlink(outside.path(), root.path("data")).unwrap();
    let run = failing_network_build(&root);
    assert_contains(&run.stderr, "E0214");
    assert_contains(&run.stderr, "sites/guangxi/site-config.toml:");
    assert_not_contains(&run.stderr, "机密");

    // `load_data` climbing out of the site is refused before anything is looked at.
    let root = sharing();
    root.write(
        "sites/liuzhou/templates/index.html",
        "<main>{% set x = load_data(path=\"../../../secret.csv\") %}{{ x }}</main>",
    );
    let run = failing_network_build(&root);
    assert_contains(&run.stderr, "sites/liuzhou/templates/index.html");
    assert_contains(&run.stderr, "leads outside the site");
}

#[test]
fn shared_wording_rules_apply_to_every_member_and_a_member_adds_or_replaces_them() {
    let root = network();
    root.write(
        "data/wording.toml",
        "[[check.wording]]\nright = \"科学技术协会\"\nwrong = [\"科学技术学会\"]\n",
    );
    for name in ["guangxi", "wuzhou", "liuzhou"] {
        root.write(
            &format!("sites/{name}/content/news/2026-05-03-xue-hui.md"),
            "+++\ntitle = \"座谈\"\ndate = 2026-05-03\n+++\n市科学技术学会召开座谈会。\n旧称科普协会。\n",
        );
    }
    // Liuzhou adds a rule of its own in its config; Wuzhou replaces the shared file.
    let config = "sites/liuzhou/site-config.toml";
    let text = std::fs::read_to_string(root.path(config)).unwrap();
    root.write(
        config,
        &format!(
            "{text}\n[[check.wording]]\nright = \"科学技术普及协会\"\nwrong = [\"科普协会\"]\n"
        ),
    );
    root.write(
        "sites/wuzhou/data/wording.toml",
        "[[check.forbidden]]\nterm = \"座谈会\"\ninstead = \"交流会\"\n",
    );
    let run = root.menhu(&[
        "check",
        "--network",
        "--today",
        "2026-05-10",
        "--lang",
        "en",
    ]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let hit = |code: &str, file: &str| {
        lines
            .windows(2)
            .any(|w| w[0].contains(code) && w[1].contains(file))
    };
    let page = |name: &str| format!("sites/{name}/content/news/2026-05-03-xue-hui.md:");
    assert!(hit("C0301", &page("guangxi")), "{}", run.stderr);
    assert!(hit("C0301", &page("liuzhou")), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("C0301").count(),
        3,
        "the shared rule in two sites, Liuzhou's own once: {}",
        run.stderr
    );
    assert!(!hit("C0301", &page("wuzhou")), "{}", run.stderr);
    // A page pushed to the province is checked by its own site, with its own site's
    // rules (Wuzhou's file has none for this word), not again by the province.
    root.write(
        "sites/wuzhou/content/news/2026-05-02-bao-song.md",
        "+++\ntitle = \"梧州报送稿\"\ndate = 2026-05-02\npush = [\"parent\"]\n+++\n梧州市科学技术学会报送。\n",
    );
    let run = root.menhu(&[
        "check",
        "--network",
        "--today",
        "2026-05-10",
        "--lang",
        "en",
    ]);
    assert_eq!(
        run.stderr.matches("2026-05-02-bao-song.md:").count(),
        0,
        "{}",
        run.stderr
    );
    assert!(hit("C0302", &page("wuzhou")), "{}", run.stderr);

    // A mistake in the shared file stops every member, naming the file and line.
    root.write(
        "data/wording.toml",
        "[[check.wording]]\nright = \"科学技术协会\"\nwrongs = [\"科学技术学会\"]\n",
    );
    let run = failing_network_build(&root);
    assert_contains(&run.stderr, "E0101");
    assert_contains(&run.stderr, "--> data/wording.toml:3:1");
    assert_contains(&run.stderr, "did you mean `wrong`?");
}

#[test]
fn the_preview_reads_shared_data_and_reloads_every_member_reading_it_when_it_changes() {
    use crate::serve_http::{Events, Server};
    let root = sharing();
    let server = Server::start_with(&root, &["--network"]);
    assert_contains(&server.get("/guangxi/").body, "口号：共享的口号");
    assert_contains(&server.get("/wuzhou/").body, "口号：梧州自己的口号");
    assert_eq!(server.get("/guangxi/orgs/gx-kexie/").status, 200);
    let mut province = Events::connect_to(&server, "/guangxi/__menhu/events");
    let mut city = Events::connect_to(&server, "/wuzhou/__menhu/events");
    std::thread::sleep(std::time::Duration::from_millis(200));
    root.write("data/facts.toml", "motto = \"改过的共享口号\"\n");
    province.wait_for_change_of("index.html");
    assert_contains(&server.get("/guangxi/").body, "口号：改过的共享口号");
    // Wuzhou reads its own file: its outputs did not change.
    city.wait_for("built");
    assert_contains(&server.get("/wuzhou/").body, "口号：梧州自己的口号");
    // A row added to the shared directory becomes a page of the province.
    root.write(
        "data/orgs.csv",
        "title,slug,level,region\n广西壮族自治区科学技术协会,gx-kexie,province,广西\n柳州市科学技术协会,lz-kexie,city,柳州\n",
    );
    province.wait_for_change_of("orgs/lz-kexie/index.html");
    assert_eq!(server.get("/guangxi/orgs/lz-kexie/").status, 200);
}

/// A `width` × `height` JPEG.
fn photo(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 80])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("jpeg");
    out.into_inner()
}

const BUNDLE_PAGE_TEMPLATE: &str = r#"<main>{{ page.content | safe }}{% if page.cover_image %}<img class="cover" src="{{ page.cover_image.url }}">{% endif %}{% for a in page.attachments %}<a class="attachment" href="{{ a.url }}">{{ a.title }}</a>{% endfor %}</main>"#;

const THUMB_SHORTCODE: &str = r#"{% set r = resize_image(path=path, width=32, height=24, op="fill") %}<img class="thumb" src="{{ r.url }}">"#;

/// Every `attr="…"` value in `html` that starts with `prefix`.
fn addresses<'h>(html: &'h str, attr: &str, prefix: &str) -> Vec<&'h str> {
    let needle = format!("{attr}=\"{prefix}");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let start = at + attr.len() + 2;
            let len = html[start..].find('"').unwrap_or(0);
            &html[start..start + len]
        })
        .collect()
}

#[test]
fn a_pushed_bundle_page_shows_its_cover_photos_and_attachments_on_the_receiving_site() {
    let root = network();
    for name in ["guangxi", "wuzhou"] {
        root.write(
            &format!("sites/{name}/templates/page.html"),
            BUNDLE_PAGE_TEMPLATE,
        );
        root.write(
            &format!("sites/{name}/templates/shortcodes/thumb.html"),
            THUMB_SHORTCODE,
        );
    }
    let bundle = "sites/wuzhou/content/news/2026-05-04-xian-chang";
    root.write(
        &format!("{bundle}/index.md"),
        "+++\ntitle = \"科普日现场\"\ndate = 2026-05-04\npush = [\"parent\"]\ncover = \"photo.jpg\"\ncover_alt = \"现场\"\nattachments = [{ path = \"biao.pdf\", title = \"报名表\" }]\n+++\n![现场照片](photo.jpg)\n\n{{ thumb(path=\"@/news/2026-05-04-xian-chang/photo.jpg\") }}\n",
    );
    root.write_bytes(&format!("{bundle}/photo.jpg"), &photo(640, 480));
    root.write_bytes(&format!("{bundle}/biao.pdf"), b"%PDF-1.4 demo");
    let run = root.menhu(&["build", "--network"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let origin = root.output("wuzhou/news/xian-chang/index.html");
    let reprint = root.output("guangxi/news/xian-chang-wuzhou/index.html");
    assert_contains(&reprint, "现场照片");
    assert_contains(&reprint, "class=\"attachment\"");
    // Every photo and file the reprint names is published in the province's output, as
    // the origin's are in Wuzhou's, under the reprint's own address.
    let base = "https://guangxi.kx.example.org/";
    let mut named = Vec::new();
    for attr in ["src", "href"] {
        named.extend(addresses(&reprint, attr, base));
    }
    named.extend(
        addresses(&reprint, "srcset", base)
            .into_iter()
            .flat_map(|set| set.split(", ").map(|c| c.split(' ').next().unwrap_or(""))),
    );
    let files: Vec<&str> = named
        .iter()
        .filter(|url| url.ends_with(".jpg") || url.ends_with(".pdf") || url.ends_with(".webp"))
        .copied()
        .collect();
    assert!(
        files
            .iter()
            .any(|u| u.ends_with("/news/xian-chang-wuzhou/biao.pdf")),
        "{reprint}"
    );
    assert!(
        files.len() >= 3,
        "the body photo, the thumbnail, the cover: {reprint}"
    );
    for url in &files {
        let path = format!("guangxi/{}", url.strip_prefix(base).unwrap());
        assert!(
            root.output_exists(&path),
            "{path} is published, named in {reprint}"
        );
    }
    assert_eq!(
        std::fs::read(root.path("public/guangxi/news/xian-chang-wuzhou/biao.pdf")).unwrap(),
        b"%PDF-1.4 demo"
    );
    // Nothing of the reprint leads to a file of the province that is not there, and the
    // origin shows the same photos and file under its own address.
    assert_not_contains(&reprint, "src=\"photo.jpg\"");
    for html in [&origin, &reprint] {
        assert_eq!(
            addresses(html, "class=\"thumb\" src", "").len(),
            1,
            "{html}"
        );
    }
    assert_contains(&origin, "/news/xian-chang/biao.pdf");
}
