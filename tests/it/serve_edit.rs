//! `menhu serve --edit` over real HTTP on 127.0.0.1: the editor's own port and token;
//! saving without edits keeps every byte; a changed key changes only its line; a file
//! changed on disk is not overwritten (409); requests without the token, with a wrong
//! one, from another origin or under another host name are refused (403); paths out of
//! `content/`, through `..` or through a symbolic link are refused and nothing outside
//! is written; an oversized upload or save gets 413 (a save's said in Chinese); a photo turns the page into a bundle,
//! and an upload cut off midway stores nothing; the
//! review workflow writes its keys and its comment; the preview's pages get the
//! 「编辑本页」 button only with `--edit`; `--edit` beyond loopback is refused; the
//! photos beside a page are served to the body editor, and nothing but checked
//! pictures is; a save into a folder that cannot be written says why in Chinese; a page
//! whose front matter breaks on disk says the line and that a text editor fixes it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::serve_http::{Server, served_site};
use crate::support::{Site, assert_contains, assert_not_contains};

/// A running preview with its editor.
pub struct EditServer {
    pub server: Server,
    /// `127.0.0.1:PORT` of the editor.
    pub editor: String,
    pub token: String,
}

impl EditServer {
    pub fn start(site: &Site) -> EditServer {
        EditServer::start_with(site, &["--edit"])
    }

    pub fn start_with(site: &Site, args: &[&str]) -> EditServer {
        let server = Server::start_with(site, args);
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut editor = None;
        while editor.is_none() && Instant::now() < deadline {
            let line = server
                .log
                .recv_timeout(Duration::from_secs(60))
                .expect("the editor's address");
            editor = line
                .split("http://")
                .nth(1)
                .filter(|rest| rest.contains("/_menhu/edit/"))
                .and_then(|rest| rest.split('/').next())
                .map(str::to_owned);
        }
        let editor = editor.expect("menhu serve --edit printed the editor's address");
        let page = raw(&editor, "GET", "/_menhu/edit/", &[], b"");
        assert_eq!(page.0, 200, "{}", page.1);
        let token = page
            .1
            .split("name=\"menhu-token\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the token in the editor's page")
            .to_owned();
        EditServer {
            server,
            editor,
            token,
        }
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.editor)
    }

    /// A `GET` of the API with the token.
    pub fn get(&self, route: &str) -> (u16, Value) {
        let (status, body) = raw(
            &self.editor,
            "GET",
            &format!("/_menhu/edit/api/{route}"),
            &[("X-Menhu-Token", &self.token)],
            b"",
        );
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// A `POST` of JSON to the API with the token and the editor's origin.
    pub fn post(&self, route: &str, body: &Value) -> (u16, Value) {
        let origin = self.origin();
        self.post_with(
            route,
            &[("X-Menhu-Token", &self.token), ("Origin", &origin)],
            body.to_string().as_bytes(),
        )
    }

    pub fn post_with(&self, route: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, Value) {
        let mut all = vec![("Content-Type", "application/json")];
        all.extend_from_slice(headers);
        let (status, text) = raw(
            &self.editor,
            "POST",
            &format!("/_menhu/edit/api/{route}"),
            &all,
            body,
        );
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

/// One request with `Host: address`; returns the status and body.
pub fn raw(
    address: &str,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String) {
    let host = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Host"))
        .map_or(address, |(_, v)| v);
    let mut request =
        format!("{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (name, value) in headers
        .iter()
        .filter(|(n, _)| !n.eq_ignore_ascii_case("Host"))
    {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if method == "POST" && !headers.iter().any(|(n, _)| *n == "Content-Length") {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    let mut stream = TcpStream::connect(address).expect("connect to the editor");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("send");
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = std::io::BufReader::new(&mut stream).read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .lines()
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, body.to_owned())
}

/// A page whose front matter has comments, odd spacing, a key the form does not show
/// and a table, and whose body has spacing Markdown ignores.
const HAND_WRITTEN: &str = "+++\ntitle = \"第一篇\"   # 标题\ndate = 2026-12-01T09:30:00+08:00\nauthor  =  '张三'\n\"作者\" = \"张三\"\ntags = [ \"科普\" ,\"党建\" ]\n\n[extra]\nx = 1\n+++\n原来的正文。  \n\n\n* 一\n* 二\n";

pub fn edit_site() -> Site {
    let site = served_site();
    site.write("content/news/a.md", HAND_WRITTEN);
    site
}

#[test]
fn saving_without_edits_keeps_every_byte_and_an_edit_changes_only_its_key() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    let (status, page) = editor.get("page?path=content/news/a.md");
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["fields"]["title"], "第一篇");
    assert_eq!(page["fields"]["tags"], json!(["科普", "党建"]));
    assert_eq!(page["date_local"], "2026-12-01T09:30");
    let version = page["version"].as_str().expect("version").to_owned();
    let body = page["body"].as_str().expect("body").to_owned();

    // The form sends nothing changed, or the same values, or the same body.
    for unchanged in [
        json!({"path": "content/news/a.md", "version": version, "fields": {}}),
        json!({"path": "content/news/a.md", "version": version,
               "fields": {"title": "第一篇", "tags": ["科普", "党建"]}, "body": body}),
    ] {
        let (status, answer) = editor.post("save", &unchanged);
        assert_eq!(status, 200, "{answer}");
        assert_eq!(answer["changed"], false);
        assert_eq!(
            std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
            HAND_WRITTEN
        );
    }

    let (status, answer) = editor.post(
        "save",
        &json!({"path": "content/news/a.md", "version": version,
                "fields": {"city": "梧州"}, "date_local": "2026-12-02T08:00"}),
    );
    assert_eq!(status, 200, "{answer}");
    let expected = HAND_WRITTEN
        .replace("2026-12-01T09:30:00+08:00", "2026-12-02T08:00:00+08:00")
        .replace(
            "[ \"科普\" ,\"党建\" ]\n",
            "[ \"科普\" ,\"党建\" ]\ncity = \"梧州\"\n",
        );
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        expected
    );

    // 撤销上次保存 brings the hand-written bytes back.
    let (status, answer) = editor.post("undo", &json!({"path": "content/news/a.md"}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        HAND_WRITTEN
    );
}

#[test]
fn a_file_changed_on_disk_since_it_was_opened_is_not_overwritten() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    let (_, page) = editor.get("page?path=content/news/a.md");
    let version = page["version"].clone();
    let theirs = "+++\ntitle = \"别人改的\"\n+++\n别人的正文。\n";
    site.write("content/news/a.md", theirs);
    let (status, answer) = editor.post(
        "save",
        &json!({"path": "content/news/a.md", "version": version, "fields": {"title": "我的"},
                "body": "我的正文。\n"}),
    );
    assert_eq!(status, 409, "{answer}");
    assert_eq!(answer["current"], theirs, "both versions are shown");
    assert_contains(answer["error"].as_str().unwrap_or(""), "改过");
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        theirs
    );
    // Choosing to overwrite names the version now on disk.
    let (status, _) = editor.post(
        "save",
        &json!({"path": "content/news/a.md", "version": answer["version"], "fields": {"title": "我的"}}),
    );
    assert_eq!(status, 200);
    assert_contains(
        &std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        "title = \"我的\"",
    );
}

#[test]
#[cfg(unix)]
fn a_save_into_a_folder_that_cannot_be_written_says_why_in_chinese() {
    use std::os::unix::fs::PermissionsExt;
    let site = edit_site();
    let editor = EditServer::start(&site);
    let (_, page) = editor.get("page?path=content/news/a.md");
    let news = site.path("content/news");
    std::fs::set_permissions(&news, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(news.join("probe"), "").is_ok() {
        // The superuser writes anywhere: the refusal cannot be seen.
        let _ = std::fs::remove_file(news.join("probe"));
        std::fs::set_permissions(&news, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: running as the superuser, a read-only folder is still writable");
        return;
    }
    let (status, answer) = editor.post(
        "save",
        &json!({"path": "content/news/a.md", "version": page["version"], "fields": {"title": "我的"}}),
    );
    std::fs::set_permissions(&news, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(status, 500, "{answer}");
    let error = answer["error"].as_str().unwrap_or("");
    assert_contains(
        error,
        "网站文件夹不允许写入，请管理员检查网站文件夹的写入权限",
    );
    assert_contains(error, "你的修改还在页面上");
}

/// A page bundle `content/news/b/` with a phone photo too large to be published as it
/// is (only its smaller copies are), and two files that only pretend to be pictures.
pub fn photo_bundle_site() -> Site {
    let site = edit_site();
    site.write(
        "content/news/b/index.md",
        "+++\ntitle = \"有照片\"\ndate = 2026-12-01\n+++\n![会场](hui-chang.jpg)\n",
    );
    site.write_bytes(
        "content/news/b/hui-chang.jpg",
        &crate::photos::photo(2600, 60),
    );
    site.write("content/news/b/fake.png", "<script>alert(1)</script>");
    site.write(
        "content/news/b/x.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    );
    site
}

/// The head (status line and headers) and the body bytes of a `GET` of `target`.
fn get_bytes(address: &str, target: &str) -> (String, Vec<u8>) {
    let mut stream = TcpStream::connect(address).expect("connect to the editor");
    let request = format!("GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(answer.len(), |i| i + 4);
    let head = String::from_utf8_lossy(&answer[..end]).into_owned();
    (head, answer[end..].to_vec())
}

#[test]
fn the_photos_beside_a_page_are_shown_from_the_editor_itself_and_nothing_else_is() {
    let site = photo_bundle_site();
    let editor = EditServer::start(&site);
    let (status, page) = editor.get("page?path=content/news/b/index.md");
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["files_base"], "/_menhu/edit/files/content/news/b/");

    let (head, body) = get_bytes(
        &editor.editor,
        "/_menhu/edit/files/content/news/b/hui-chang.jpg",
    );
    assert_contains(&head, " 200 ");
    assert_contains(&head, "Content-Type: image/jpeg");
    assert_contains(&head, "X-Content-Type-Options: nosniff");
    assert_eq!(
        body,
        std::fs::read(site.path("content/news/b/hui-chang.jpg")).unwrap()
    );

    for refused in [
        "/_menhu/edit/files/content/news/b/fake.png",
        "/_menhu/edit/files/content/news/b/x.svg",
        "/_menhu/edit/files/content/news/b/index.md",
        "/_menhu/edit/files/content/news/b/missing.jpg",
        "/_menhu/edit/files/content/news/b/../b/hui-chang.jpg",
        "/_menhu/edit/files/content/news/b/%2e%2e/b/hui-chang.jpg",
        "/_menhu/edit/files/site-config.toml",
    ] {
        let (head, _) = get_bytes(&editor.editor, refused);
        assert_contains(&head, " 404 ");
    }
}

#[test]
fn changes_need_the_token_and_the_editors_origin_and_host() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    let (_, page) = editor.get("page?path=content/news/a.md");
    let save = json!({"path": "content/news/a.md", "version": page["version"], "fields": {"title": "被改了"}});
    let body = save.to_string();
    let origin = editor.origin();
    let refused: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("no token", vec![("Origin", origin.as_str())]),
        (
            "wrong token",
            vec![("X-Menhu-Token", "0000"), ("Origin", origin.as_str())],
        ),
        ("no origin", vec![("X-Menhu-Token", editor.token.as_str())]),
        (
            "another origin",
            vec![
                ("X-Menhu-Token", editor.token.as_str()),
                ("Origin", "http://evil.example"),
            ],
        ),
        (
            "the preview's origin",
            vec![
                ("X-Menhu-Token", editor.token.as_str()),
                ("Origin", "http://127.0.0.1:1"),
            ],
        ),
        (
            "another host (DNS rebinding)",
            vec![
                ("X-Menhu-Token", editor.token.as_str()),
                ("Origin", origin.as_str()),
                ("Host", "evil.example"),
            ],
        ),
    ];
    for (why, headers) in refused {
        let (status, _) = editor.post_with("save", &headers, body.as_bytes());
        assert_eq!(status, 403, "{why}");
    }
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        HAND_WRITTEN
    );
    // Reads need the token too, and the editor's page is never framed or sniffed.
    let (status, _) = raw(
        &editor.editor,
        "GET",
        "/_menhu/edit/api/page?path=content/news/a.md",
        &[],
        b"",
    );
    assert_eq!(status, 403);
    let (status, _) = raw(
        &editor.editor,
        "GET",
        "/_menhu/edit/",
        &[("Host", "evil.example")],
        b"",
    );
    assert_eq!(status, 403);
    let (status, _) = raw(&editor.editor, "PUT", "/_menhu/edit/api/save", &[], b"");
    assert_eq!(status, 405);
}

#[test]
fn paths_out_of_content_or_through_links_are_refused() {
    let site = edit_site();
    let outside = tempfile::tempdir().expect("temp dir");
    let victim = outside.path().join("victim.md");
    std::fs::write(&victim, "+++\ntitle = \"外面\"\n+++\n").expect("write");
    let editor = EditServer::start(&site);
    // Made once the preview runs (the build itself refuses such links, E0214).
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&victim, site.path("content/news/link.md")).expect("link");
        std::os::unix::fs::symlink(outside.path(), site.path("content/out")).expect("link");
    }
    let version = sha256_hex("+++\ntitle = \"外面\"\n+++\n".as_bytes());
    for path in [
        "site-config.toml",
        "content/../site-config.toml",
        "content/%2e%2e/site-config.toml",
        "/etc/passwd",
        "templates/page.html",
        "content/news/link.md",
        "content/out/victim.md",
        ".git/config",
    ] {
        let (status, answer) = editor.post(
            "save",
            &json!({"path": path, "version": version, "fields": {"title": "被改了"}}),
        );
        assert_eq!(status, 403, "{path}: {answer}");
        let (status, _) = editor.get(&format!("page?path={path}"));
        assert!(status == 403 || status == 404, "{path}: {status}");
    }
    let (status, _) = editor.post("new", &json!({"section": "../..", "title": "越界"}));
    assert_ne!(status, 200);
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "+++\ntitle = \"外面\"\n+++\n"
    );
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 1);
}

/// The SHA-256 of `bytes` in hex, as the editor names versions.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn uploads_are_limited_in_size_and_kind_and_make_the_page_a_bundle() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    let (_, page) = editor.get("page?path=content/news/a.md");
    let version = page["version"].as_str().unwrap().to_owned();
    let origin = editor.origin();
    let target = format!("upload?path=content/news/a.md&name=x.png&version={version}");
    // A body announced larger than 20 MB is refused before it is read.
    let (status, _) = editor.post_with(
        &target,
        &[
            ("X-Menhu-Token", &editor.token),
            ("Origin", &origin),
            ("Content-Length", "20971521"),
        ],
        b"",
    );
    assert_eq!(status, 413);
    let png = tiny_png();
    let headers = [
        ("X-Menhu-Token", editor.token.as_str()),
        ("Origin", origin.as_str()),
    ];
    let (status, answer) = editor.post_with(
        &format!("upload?path=content/news/a.md&name=%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png&version={version}"),
        &headers,
        &png,
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["path"], "content/news/a/index.md");
    assert_eq!(answer["file"], "xian-chang-zhao-pian.png");
    assert_eq!(
        std::fs::read(site.path("content/news/a/xian-chang-zhao-pian.png")).unwrap(),
        png
    );
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a/index.md")).unwrap(),
        HAND_WRITTEN
    );
    let (status, _) = editor.post_with(
        &format!("upload?path=content/news/a/index.md&name=run.html&version={version}"),
        &headers,
        b"<script>alert(1)</script>",
    );
    assert_eq!(status, 415);
    let (status, _) = editor.post_with(
        &format!("upload?path=content/news/a/index.md&name=fake.jpg&version={version}"),
        &headers,
        b"<script>alert(1)</script>",
    );
    assert_eq!(status, 415);
    // An iPhone photo is refused with what to do about it.
    let (status, answer) = editor.post_with(
        &format!("upload?path=content/news/a/index.md&name=IMG_2031.HEIC&version={version}"),
        &headers,
        b"\0\0\0\x18ftypheic",
    );
    assert_eq!(status, 415);
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(error.contains("另存为 JPG"), "{answer}");
}

#[test]
fn an_upload_cancelled_midway_leaves_no_file_and_the_page_as_it_was() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    let (_, page) = editor.get("page?path=content/news/a.md");
    let version = page["version"].as_str().unwrap().to_owned();
    // The photo's first kilobyte of the 100 announced, then the connection is lost (the
    // tab closed while uploading).
    let mut photo = tiny_png();
    photo.resize(1000, 0);
    let request = format!(
        "POST /_menhu/edit/api/upload?path=content/news/a.md&name=photo.png&version={version} HTTP/1.1\r\n\
         Host: {host}\r\nX-Menhu-Token: {token}\r\nOrigin: {origin}\r\nContent-Type: image/png\r\n\
         Content-Length: 100000\r\n\r\n",
        host = editor.editor,
        token = editor.token,
        origin = editor.origin()
    );
    let mut stream = TcpStream::connect(&editor.editor).expect("connect to the editor");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("send");
    stream.write_all(&photo).expect("send");
    stream
        .shutdown(std::net::Shutdown::Write)
        .expect("close the sending half");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(!answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(!site.path("content/news/a").exists(), "{answer}");
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        HAND_WRITTEN
    );
    assert_eq!(
        std::fs::read_dir(site.path("content/news"))
            .unwrap()
            .count(),
        2,
        "only _index.md and a.md"
    );
}

/// A valid 1×1 PNG.
pub fn tiny_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let image = image::RgbImage::from_pixel(1, 1, image::Rgb([200, 30, 30]));
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("encode");
    bytes
}

#[test]
fn review_writes_the_status_and_the_comment_and_check_lists_the_queue() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    let path = "content/news/a.md";
    let step = |action: &str, comment: &str| {
        let (_, page) = editor.get(&format!("page?path={path}"));
        editor.post(
            "review",
            &json!({"path": path, "version": page["version"], "action": action, "comment": comment}),
        )
    };
    let (status, answer) = step("submit", "");
    assert_eq!(status, 200, "{answer}");
    let text = std::fs::read_to_string(site.path(path)).unwrap();
    assert_contains(&text, "draft = true");
    assert_contains(&text, "status = \"review\"");
    let (_, list) = editor.get("list");
    let listed = list["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["path"] == path)
        .cloned();
    assert_eq!(listed.unwrap()["status"], "review");

    let (status, _) = step("return", "");
    assert_eq!(status, 422, "a return needs a comment");
    let (status, _) = step("return", "请补充来源");
    assert_eq!(status, 200);
    assert_contains(
        &std::fs::read_to_string(site.path(path)).unwrap(),
        "status = \"draft\"",
    );
    let notes = std::fs::read_to_string(site.path("content/news/.a.review.txt")).unwrap();
    assert_contains(&notes, "退回修改：请补充来源");

    step("submit", "");
    let (status, _) = step("approve", "");
    assert_eq!(status, 200);
    let text = std::fs::read_to_string(site.path(path)).unwrap();
    assert_not_contains(&text, "draft");
    assert_not_contains(&text, "status");
    assert_eq!(text, HAND_WRITTEN);
}

#[test]
fn new_pages_come_from_the_sections_archetype_as_drafts() {
    let site = edit_site();
    site.write(
        "archetypes/news.md",
        "+++\ntitle = \"{{ title }}\"\ndate = {{ date }}\nsource = \"本会\"\n+++\n在这里写导语。\n",
    );
    let editor = EditServer::start(&site);
    let (status, answer) = editor.post("new", &json!({"section": "news", "title": "科技周开幕"}));
    assert_eq!(status, 200, "{answer}");
    let path = answer["path"].as_str().unwrap();
    assert!(
        path.starts_with("content/news/") && path.ends_with("-ke-ji-zhou-kai-mu.md"),
        "{path}"
    );
    let text = std::fs::read_to_string(site.path(path)).unwrap();
    assert_contains(&text, "source = \"本会\"");
    assert_contains(&text, "draft = true");
    let (_, list) = editor.get("list");
    let first = &list["pages"][0];
    assert_eq!(first["path"], path, "newest first");
    assert_eq!(first["status"], "draft");
    let (status, _) = editor.post("new", &json!({"section": "nope", "title": "x"}));
    assert_eq!(status, 422);
}

#[test]
fn the_preview_shows_the_edit_button_only_with_edit() {
    let site = edit_site();
    let plain = Server::start(&site);
    assert_not_contains(&plain.get("/__menhu/live.js").body, "编辑本页");
    drop(plain);
    let editor = EditServer::start(&site);
    let script = editor.server.get("/__menhu/live.js").body;
    assert_contains(&script, "编辑本页");
    assert_contains(&script, &format!("{}/_menhu/edit/", editor.origin()));
    // The editor finds the page a previewed address shows.
    let (_, found) = editor.get("locate?url=/news/a/");
    assert_eq!(found["path"], "content/news/a.md");
}

#[test]
fn the_editor_stays_on_this_machine() {
    let site = edit_site();
    let run = site.menhu(&["serve", "--edit", "--bind", "0.0.0.0", "--port", "0"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "E0703");
}

#[test]
fn build_errors_of_the_page_are_given_with_their_key() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"二\"\ncity = \"梧洲\"\n+++\n正文\n",
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut city = None;
    while city.is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        let (_, answer) = editor.get("problems?path=content/news/b.md");
        city = answer["problems"]
            .as_array()
            .and_then(|all| all.iter().find(|p| p["key"] == "city").cloned());
    }
    let city = city.expect("the wrong city is reported at its key");
    assert_eq!(city["line"], 3);
    assert_eq!(city["error"], true);
    // In the editor's language, with the build's did-you-mean.
    assert_contains(city["message"].as_str().unwrap_or(""), "梧洲");
    assert_contains(&city.to_string(), "梧州");
}

#[test]
fn check_lists_the_pages_waiting_for_review() {
    let site = edit_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"待审的稿件\"\ndraft = true\nstatus = \"review\"\n+++\n正文\n",
    );
    site.write(
        "content/news/c.md",
        "+++\ntitle = \"草稿\"\ndraft = true\n+++\n正文\n",
    );
    let run = site.menhu(&["check"]);
    assert_contains(&run.stderr, "C0140");
    assert_contains(&run.stderr, "「待审的稿件」 is waiting for review");
    assert_contains(&run.stderr, "content/news/b.md");
    assert_not_contains(&run.stderr, "「草稿」 is waiting");
    assert_not_contains(&run.stderr, "unknown front-matter key `status`");
}

#[test]
fn the_markdown_engine_is_served_compressed_or_plain() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    let fetch = |accept: &str| {
        let mut stream = TcpStream::connect(&editor.editor).expect("connect");
        let request = format!(
            "GET /_menhu/edit/vditor/dist/js/lute/lute.min.js HTTP/1.1\r\nHost: {}\r\n{accept}Connection: close\r\n\r\n",
            editor.editor
        );
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        answer
    };
    let packed = fetch("Accept-Encoding: gzip, deflate\r\n");
    let head = String::from_utf8_lossy(&packed[..packed.len().min(600)]).to_lowercase();
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(head.contains("content-encoding: gzip"), "{head}");
    let plain = fetch("");
    let text = String::from_utf8_lossy(&plain);
    assert!(!text.to_lowercase().contains("content-encoding"));
    assert!(
        plain.len() > 4_000_000 && text.contains("Lute"),
        "{}",
        plain.len()
    );
}

/// A page of a series with an organization, written by hand.
const IN_A_SERIES: &str = "---\ntitle: 改革进行时（二）\norg:   苍梧县科协   # 单位\nseries: 科协改革进行时·地方篇\nseries_index: 2\n---\n正文。\n";

#[test]
fn organization_series_and_number_keep_their_bytes_and_each_edit_changes_its_line() {
    let site = edit_site();
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"机构\"\nkind = \"orgs\"\n+++\n",
    );
    site.write("content/orgs/wz.md", "+++\ntitle = \"梧州市科协\"\n+++\n");
    let path = "content/news/series-2.md";
    site.write(path, IN_A_SERIES);
    let editor = EditServer::start(&site);

    let (status, choices) = editor.get("choices");
    assert_eq!(status, 200, "{choices}");
    assert_eq!(choices["orgs"], json!(["梧州市科协", "苍梧县科协"]));
    assert_eq!(
        choices["series"],
        json!([{"name": "科协改革进行时·地方篇", "next": 3}])
    );
    assert_eq!(choices["tags"], json!(["党建", "科普"]));

    let (_, page) = editor.get(&format!("page?path={path}"));
    assert_eq!(page["fields"]["org"], "苍梧县科协");
    assert_eq!(page["fields"]["series_index"], 2);
    let unchanged = json!({"path": path, "version": page["version"], "fields": {
        "org": "苍梧县科协", "series": "科协改革进行时·地方篇", "series_index": 2}});
    let (status, answer) = editor.post("save", &unchanged);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["changed"], false);
    assert_eq!(
        std::fs::read_to_string(site.path(path)).unwrap(),
        IN_A_SERIES
    );

    let mut expected = IN_A_SERIES.to_owned();
    for (key, value, line) in [
        ("org", json!("梧州市科协"), "org: \"梧州市科协\"\n"),
        (
            "series",
            json!("科协改革进行时·省级篇"),
            "series: \"科协改革进行时·省级篇\"\n",
        ),
        ("series_index", json!(7), "series_index: 7\n"),
    ] {
        let (_, page) = editor.get(&format!("page?path={path}"));
        let (status, answer) = editor.post(
            "save",
            &json!({"path": path, "version": page["version"], "fields": {key: value}}),
        );
        assert_eq!(status, 200, "{answer}");
        let old_line = expected
            .lines()
            .find(|l| l.starts_with(&format!("{key}:")))
            .map(|l| format!("{l}\n"))
            .expect("the key's line");
        expected = expected.replace(&old_line, line);
        assert_eq!(std::fs::read_to_string(site.path(path)).unwrap(), expected);
    }

    // The same keys in TOML: the number is written as a number.
    let (_, page) = editor.get("page?path=content/news/a.md");
    let (status, _) = editor.post(
        "save",
        &json!({"path": "content/news/a.md", "version": page["version"],
                "fields": {"org": "梧州市科协", "series": "科普进社区", "series_index": 1}}),
    );
    assert_eq!(status, 200);
    assert_contains(
        &std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        "org = \"梧州市科协\"\nseries = \"科普进社区\"\nseries_index = 1\n",
    );
}

#[test]
fn undo_of_the_last_save_survives_a_restart_and_stays_in_the_sites_cache() {
    let site = edit_site();
    let path = "content/news/a.md";
    {
        let editor = EditServer::start(&site);
        let (_, page) = editor.get(&format!("page?path={path}"));
        assert_eq!(page["can_undo"], false);
        let (status, answer) = editor.post(
            "save",
            &json!({"path": path, "version": page["version"], "fields": {"title": "改过的标题"}}),
        );
        assert_eq!(status, 200, "{answer}");
    }
    let undo_folder = site.path(".menhu-cache/edit-undo");
    assert_eq!(
        std::fs::read_dir(&undo_folder)
            .map(|d| d.count())
            .unwrap_or(0),
        1
    );

    let editor = EditServer::start(&site);
    let (_, page) = editor.get(&format!("page?path={path}"));
    assert_eq!(page["can_undo"], true, "{page}");
    let (status, answer) = editor.post("undo", &json!({"path": path}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        std::fs::read_to_string(site.path(path)).unwrap(),
        HAND_WRITTEN
    );
    let (status, _) = editor.post("undo", &json!({"path": path}));
    assert_eq!(status, 404, "an undo is used once");
}

/// Makes the site at `root` a git repository with everything in one commit by 运维;
/// false (and the test named `test` says it is skipped) when git cannot be run.
pub fn committed_site(root: &std::path::Path, test: &str) -> bool {
    if git(root, &["--version"]).is_none() {
        println!("skipped {test}: git is not installed");
        return false;
    }
    for args in [
        &["init", "--quiet"][..],
        &["config", "user.name", "运维"],
        &["config", "user.email", "ops@example.org"],
        &["add", "--all"],
        &["commit", "--quiet", "-m", "站点"],
    ] {
        git(root, args);
    }
    true
}

/// Waits until the preview answers `path` with `status`; answers its body.
pub fn wait_for_status(server: &Server, path: &str, status: u16) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let got = server.get(path);
        if got.status == status {
            return got.body;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{path} still answers {}, not {status}",
            got.status
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// The version the editor gives the page at `path` (what a write must name).
pub fn version(editor: &EditServer, path: &str) -> Value {
    let (status, page) = editor.get(&format!("page?path={path}"));
    assert_eq!(status, 200, "{page}");
    page["version"].clone()
}

/// `git` in `root`, its output; `None` when git cannot be run.
pub fn git(root: &std::path::Path, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(root)
        .env_remove("GIT_DIR")
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn approving_commits_the_page_and_its_notes_with_the_reviewer_as_author() {
    let site = edit_site();
    let root = site.root();
    if !committed_site(root, "approving_commits_…") {
        return;
    }
    // Someone's unrelated change, staged: it stays out of the approval's commit.
    site.write("static/site.css", "body { color: red }\n");
    git(root, &["add", "static/site.css"]);
    // A hook that would run a program of the repository: never run.
    site.write(
        ".git/hooks/pre-commit",
        "#!/bin/sh\ntouch hook-ran\nexit 1\n",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(
            site.path(".git/hooks/pre-commit"),
            std::fs::Permissions::from_mode(0o755),
        );
    }

    // A page written since the last commit, waiting for review.
    let path = "content/news/b.md";
    let waiting = "+++\ntitle = \"第二篇\"\ndraft = true\nstatus = \"review\"\n+++\n正文。\n";
    site.write(path, waiting);

    let editor = EditServer::start_with(&site, &["--edit", "--edit-commit"]);
    let approve = |reviewer: &str| {
        let (_, page) = editor.get(&format!("page?path={path}"));
        assert_eq!(page["commits"], true);
        editor.post(
            "review",
            &json!({"path": path, "version": page["version"], "action": "approve", "reviewer": reviewer}),
        )
    };
    let (status, answer) = approve(" ");
    assert_eq!(status, 422, "a commit needs the reviewer's name: {answer}");
    assert_eq!(std::fs::read_to_string(site.path(path)).unwrap(), waiting);
    let (status, answer) = approve("王审核");
    assert_eq!(status, 200, "{answer}");
    assert!(answer["commit"]["id"].is_string(), "{answer}");

    let last = git(root, &["log", "-1", "--format=%an|%s"]).unwrap_or_default();
    assert_eq!(last.trim(), "王审核|审核通过：第二篇");
    let files = git(root, &["show", "--name-only", "--format=", "HEAD"]).unwrap_or_default();
    assert_eq!(
        files.trim(),
        "content/news/.b.review.txt\ncontent/news/b.md",
        "only the page and its notes"
    );
    let staged = git(root, &["diff", "--cached", "--name-only"]).unwrap_or_default();
    assert_eq!(
        staged.trim(),
        "static/site.css",
        "the other change stays staged"
    );
    assert!(
        !site.path("hook-ran").exists(),
        "the repository's hook did not run"
    );
    assert_eq!(
        git(root, &["show", "HEAD:content/news/b.md"]).unwrap_or_default(),
        "+++\ntitle = \"第二篇\"\n+++\n正文。\n"
    );
}

#[test]
fn edit_commit_outside_a_git_repository_is_refused_before_starting() {
    let site = edit_site();
    // Whatever folder the test's temporary folder is in, git looks no higher.
    let above = site
        .root()
        .parent()
        .unwrap_or(site.root())
        .to_string_lossy()
        .into_owned();
    let env = [("GIT_CEILING_DIRECTORIES", above.as_str())];
    let run = site.menhu_env(&["serve", "--port", "0", "--edit", "--edit-commit"], &env);
    assert_ne!(run.code, 0);
    assert_contains(&run.stderr, "E0704");
    let run = site.menhu_env(&["serve", "--port", "0", "--edit-commit"], &env);
    assert_ne!(run.code, 0, "--edit-commit needs --edit");
}

#[test]
fn a_page_whose_front_matter_breaks_on_disk_says_where_and_what_to_do() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"第一篇\"\nauthor = \"张三\n+++\n正文。\n",
    );
    // Once the preview has rebuilt, the build's error for the file says the line.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut answer = Value::Null;
    while Instant::now() < deadline {
        let (status, page) = editor.get("page?path=content/news/a.md");
        assert_eq!(status, 422, "{page}");
        answer = page;
        if answer["error"].as_str().unwrap_or("").contains("第 3 行") {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let error = answer["error"].as_str().unwrap_or("");
    assert_contains(error, "在线编辑打不开它。第 3 行：");
    assert_contains(error, "请用记事本等文本编辑器打开「content/news/a.md」改正");
}

#[test]
fn a_save_too_large_to_accept_says_so_in_chinese_and_what_to_do() {
    let site = edit_site();
    let editor = EditServer::start(&site);
    let origin = editor.origin();
    // A body announced larger than 4 MB is refused before it is read.
    let (status, answer) = editor.post_with(
        "save",
        &[
            ("X-Menhu-Token", &editor.token),
            ("Origin", &origin),
            ("Content-Length", "4194305"),
        ],
        b"",
    );
    assert_eq!(status, 413);
    let error = answer["error"].as_str().unwrap_or("");
    assert_contains(error, "稿件太长了（超过 4 MB），没有保存");
    assert_contains(error, "修改还在页面上");
}
