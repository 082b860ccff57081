//! Deleting in the online editor, over real HTTP on 127.0.0.1: a page (a file with its
//! review notes, or a bundle with its photos) goes to the recycle bin `.menhu-trash/`,
//! its address then answers 404 in the preview, and 「恢复」 puts it back where it was,
//! refusing when a page stands there now; the pages linking to it are named first; a
//! photo beside a page says whether the body still shows it; sections, `static/` and
//! paths out of `content/` are refused, and a link planted in `content/` is neither
//! followed nor moved; every change needs the token and the editor's origin; with
//! `--edit-commit` a committed page's deletion and restoration are committed. In
//! headless Chromium, the editor deletes a photo still in the body and then its page,
//! each after a question that says what it breaks, and restores both from 回收站; the
//! question and the bin pass axe at 1280 and 390 px.

use serde_json::{Value, json};

use crate::serve_edit::{EditServer, committed_site, git, tiny_png, version, wait_for_status};
use crate::serve_http::served_site;
use crate::support::{Site, assert_contains};

const PAGE_A: &str = "+++\ntitle = \"误建的稿件\"\ndate = 2026-12-01\n+++\n正文。\n";

fn delete_site() -> Site {
    let site = served_site();
    site.write("content/news/a.md", PAGE_A);
    site.write("content/news/.a.review.txt", "2026-12-01 09:00 送审\n");
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"引用它的稿件\"\n+++\n见[那篇](@/news/a.md#zheng-wen)。\n",
    );
    site
}

#[test]
fn a_deleted_page_goes_to_the_bin_leaves_the_preview_and_comes_back() {
    let site = delete_site();
    let editor = EditServer::start(&site);
    wait_for_status(&editor.server, "/news/a/", 200);

    // The question names the title and the page linking to it.
    let (status, refs) = editor.get("references?path=content/news/a.md");
    assert_eq!(status, 200, "{refs}");
    assert_eq!(refs["title"], "误建的稿件");
    assert_eq!(
        refs["linked_by"],
        json!([{"path": "content/news/b.md", "title": "引用它的稿件"}])
    );

    // Deleting it would break the build of that page (E0210): its link is taken out.
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"引用它的稿件\"\n+++\n见那篇。\n",
    );

    // A version the editor did not see is not deleted.
    let (status, answer) = editor.post(
        "delete",
        &json!({"path": "content/news/a.md", "version": "0".repeat(64)}),
    );
    assert_eq!(status, 409, "{answer}");
    assert!(site.path("content/news/a.md").is_file());

    let v = version(&editor, "content/news/a.md");
    let (status, answer) = editor.post(
        "delete",
        &json!({"path": "content/news/a.md", "version": v}),
    );
    assert_eq!(status, 200, "{answer}");
    let id = answer["deleted"]["id"].as_str().expect("the entry's id");
    assert!(!site.path("content/news/a.md").exists());
    assert!(!site.path("content/news/.a.review.txt").exists());
    let kept = site.path(&format!(".menhu-trash/{id}"));
    assert_eq!(
        std::fs::read_to_string(kept.join("a.md")).unwrap(),
        PAGE_A,
        "the page is in the bin as it was"
    );
    assert!(kept.join(".a.review.txt").is_file());

    // Opening it again (another tab, the browser's back button) says where it went.
    let (status, answer) = editor.get("page?path=content/news/a.md");
    assert_eq!(status, 404);
    assert_contains(
        answer["error"].as_str().unwrap_or(""),
        "「误建的稿件」已经删除",
    );
    assert_contains(answer["error"].as_str().unwrap_or(""), "「恢复」");

    // The preview rebuilds; the list and the bin say so.
    wait_for_status(&editor.server, "/news/a/", 404);
    let (_, list) = editor.get("list");
    assert!(
        !list["pages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["path"] == "content/news/a.md"),
        "{list}"
    );
    let (_, bin) = editor.get("trash");
    assert_eq!(bin["entries"][0]["title"], "误建的稿件");
    assert_eq!(bin["entries"][0]["path"], "content/news/a.md");
    assert_eq!(bin["entries"][0]["kind"], "page");

    let (status, answer) = editor.post("restore", &json!({"id": id}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["page"], "content/news/a.md");
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        PAGE_A
    );
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/.a.review.txt")).unwrap(),
        "2026-12-01 09:00 送审\n"
    );
    wait_for_status(&editor.server, "/news/a/", 200);
    let (_, bin) = editor.get("trash");
    assert_eq!(bin["entries"], json!([]));
    let (status, _) = editor.post("restore", &json!({"id": id}));
    assert_eq!(status, 404, "an entry is restored once");
}

#[test]
fn a_bundle_goes_whole_and_is_not_restored_over_a_new_page_of_its_name() {
    let site = delete_site();
    site.write(
        "content/news/c/index.md",
        "+++\ntitle = \"带照片的稿件\"\n+++\n![会场](hui-chang.png)\n",
    );
    site.write_bytes("content/news/c/hui-chang.png", &tiny_png());
    let editor = EditServer::start(&site);
    let v = version(&editor, "content/news/c/index.md");
    let (status, answer) = editor.post(
        "delete",
        &json!({"path": "content/news/c/index.md", "version": v}),
    );
    assert_eq!(status, 200, "{answer}");
    let id = answer["deleted"]["id"].as_str().unwrap().to_owned();
    assert!(!site.path("content/news/c").exists());
    assert!(
        site.path(&format!(".menhu-trash/{id}/c/hui-chang.png"))
            .is_file()
    );

    // Meanwhile a new page took the name (as a single file): nothing is replaced.
    site.write("content/news/c.md", "+++\ntitle = \"新写的稿件\"\n+++\n");
    let (status, answer) = editor.post("restore", &json!({"id": id}));
    assert_eq!(status, 409, "{answer}");
    let said = answer["error"].as_str().unwrap();
    assert_contains(said, "content/news/c.md");
    assert_contains(said, "新写的稿件");
    assert_contains(said, "没有恢复");
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/c.md")).unwrap(),
        "+++\ntitle = \"新写的稿件\"\n+++\n"
    );
    std::fs::remove_file(site.path("content/news/c.md")).unwrap();
    let (status, answer) = editor.post("restore", &json!({"id": id}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        std::fs::read(site.path("content/news/c/hui-chang.png")).unwrap(),
        tiny_png()
    );
}

#[test]
fn a_photo_still_in_the_body_is_said_so_and_goes_to_the_bin_too() {
    let site = delete_site();
    site.write(
        "content/news/c/index.md",
        "+++\ntitle = \"带照片的稿件\"\ncover = \"feng-mian.png\"\n+++\n![会场](hui-chang.png)\n",
    );
    for name in ["hui-chang.png", "feng-mian.png", "duo-yu.png"] {
        site.write_bytes(&format!("content/news/c/{name}"), &tiny_png());
    }
    site.write("content/news/c/.review.txt", "notes");
    let editor = EditServer::start(&site);
    let (status, listed) = editor.get("files?path=content/news/c/index.md");
    assert_eq!(status, 200, "{listed}");
    let uses: Vec<(&str, &Value)> = listed["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap(), &f["used"]))
        .collect();
    assert_eq!(
        uses,
        [
            ("duo-yu.png", &Value::Null),
            ("feng-mian.png", &json!("cover")),
            ("hui-chang.png", &json!("body"))
        ]
    );

    let v = version(&editor, "content/news/c/index.md");
    for refused in ["index.md", ".review.txt", "../a.md", "missing.png"] {
        let (status, answer) = editor.post(
            "delete_file",
            &json!({"path": "content/news/c/index.md", "file": refused, "version": v}),
        );
        assert!(
            status == 403 || status == 404,
            "{refused}: {status} {answer}"
        );
    }
    assert!(site.path("content/news/a.md").is_file());
    let (status, answer) = editor.post(
        "delete_file",
        &json!({"path": "content/news/c/index.md", "file": "hui-chang.png", "version": v}),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(!site.path("content/news/c/hui-chang.png").exists());
    let (_, bin) = editor.get("trash");
    assert_eq!(bin["entries"][0]["kind"], "file");
    assert_eq!(bin["entries"][0]["title"], "带照片的稿件");
    let id = bin["entries"][0]["id"].as_str().unwrap();
    let (status, answer) = editor.post("restore", &json!({"id": id}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["page"], "content/news/c/index.md");
    assert!(site.path("content/news/c/hui-chang.png").is_file());
}

#[test]
fn sections_static_files_and_paths_out_of_content_are_not_deleted() {
    let site = delete_site();
    let editor = EditServer::start(&site);
    for (path, expected) in [
        ("content/news/_index.md", "栏目"),
        ("content/_index.md", "栏目"),
        ("static/site.css", "content/"),
        ("content/../secret.txt", "content/"),
        ("site-config.toml", "content/"),
    ] {
        let (status, answer) = editor.post(
            "delete",
            &json!({"path": path, "version": sha_of(&site, path)}),
        );
        assert_eq!(status, 403, "{path}: {answer}");
        assert_contains(answer["error"].as_str().unwrap_or(""), expected);
    }
    // A bundle's folder holding a section or another bundle is not moved whole.
    for (page, inside) in [
        ("content/news/e/index.md", "content/news/e/sub/_index.md"),
        ("content/news/f/index.md", "content/news/f/g/index.md"),
    ] {
        site.write(page, "+++\ntitle = \"x\"\n+++\n");
        site.write(inside, "+++\ntitle = \"y\"\n+++\n");
        let (status, answer) = editor.post(
            "delete",
            &json!({"path": page, "version": sha_of(&site, page)}),
        );
        assert_eq!(status, 403, "{page}: {answer}");
        assert!(site.path(inside).is_file());
    }
    assert!(site.path("static/site.css").is_file());
    assert!(site.path("secret.txt").is_file());
    assert!(site.path("content/news/_index.md").is_file());

    // The guard of every change: the token, the editor's own origin.
    let v = version(&editor, "content/news/a.md");
    let body = json!({"path": "content/news/a.md", "version": v}).to_string();
    let origin = editor.origin();
    for headers in [
        vec![("Origin", origin.as_str())],
        vec![
            ("X-Menhu-Token", editor.token.as_str()),
            ("Origin", "http://evil.example"),
        ],
    ] {
        let (status, _) = editor.post_with("delete", &headers, body.as_bytes());
        assert_eq!(status, 403);
        let (status, _) = editor.post_with("restore", &headers, b"{\"id\":\"x\"}");
        assert_eq!(status, 403);
    }
    assert!(site.path("content/news/a.md").is_file());
}

fn sha_of(site: &Site, path: &str) -> String {
    crate::serve_edit::sha256_hex(&std::fs::read(site.path(path)).unwrap_or_default())
}

#[cfg(unix)]
#[test]
fn a_link_planted_in_content_is_neither_followed_nor_moved() {
    use std::os::unix::fs::symlink;
    let site = delete_site();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("bundle")).unwrap();
    std::fs::write(outside.path().join("x.md"), PAGE_A).unwrap();
    std::fs::write(outside.path().join("bundle/index.md"), PAGE_A).unwrap();
    std::fs::write(outside.path().join("bundle/photo.png"), tiny_png()).unwrap();
    // A folder, a page and a bundle, each a link out of the site.
    symlink(outside.path(), site.path("content/out")).unwrap();
    symlink(outside.path().join("x.md"), site.path("content/news/x.md")).unwrap();
    symlink(outside.path().join("bundle"), site.path("content/news/d")).unwrap();
    let editor = EditServer::start(&site);
    let version = crate::serve_edit::sha256_hex(PAGE_A.as_bytes());
    for path in [
        "content/out/x.md",
        "content/news/x.md",
        "content/news/d/index.md",
        "content/out/bundle/index.md",
    ] {
        let (status, answer) = editor.post("delete", &json!({"path": path, "version": version}));
        assert_eq!(status, 403, "{path}: {answer}");
        let (status, _) = editor.get(&format!("references?path={path}"));
        assert_eq!(status, 403, "{path}");
    }
    let (status, answer) = editor.post(
        "delete_file",
        &json!({"path": "content/news/d/index.md", "file": "photo.png", "version": version}),
    );
    assert_eq!(status, 403, "{answer}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 2);
    assert!(outside.path().join("bundle/photo.png").is_file());
    for link in ["content/out", "content/news/x.md", "content/news/d"] {
        assert!(
            std::fs::symlink_metadata(site.path(link)).is_ok(),
            "{link} is left alone"
        );
    }
    assert!(!site.path(".menhu-trash").exists());

    // A bin that is a link is not written through.
    let elsewhere = tempfile::tempdir().unwrap();
    symlink(elsewhere.path(), site.path(".menhu-trash")).unwrap();
    let v = crate::serve_edit::sha256_hex(PAGE_A.as_bytes());
    let (status, answer) = editor.post(
        "delete",
        &json!({"path": "content/news/a.md", "version": v}),
    );
    assert_eq!(status, 403, "{answer}");
    assert_contains(answer["error"].as_str().unwrap(), ".menhu-trash");
    assert!(site.path("content/news/a.md").is_file());
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[test]
fn with_edit_commit_a_committed_page_is_deleted_and_restored_in_git() {
    let site = delete_site();
    let root = site.root();
    if !committed_site(root, "with_edit_commit_a_committed_page…") {
        return;
    }
    // A draft never committed: deleting it commits nothing and asks no name.
    site.write(
        "content/news/draft.md",
        "+++\ntitle = \"草稿\"\ndraft = true\n+++\n",
    );
    let editor = EditServer::start_with(&site, &["--edit", "--edit-commit"]);
    let (_, refs) = editor.get("references?path=content/news/draft.md");
    assert_eq!(refs["commits"], false, "{refs}");
    let (_, refs) = editor.get("references?path=content/news/a.md");
    assert_eq!(refs["commits"], true, "{refs}");
    let v = version(&editor, "content/news/draft.md");
    let (status, answer) = editor.post(
        "delete",
        &json!({"path": "content/news/draft.md", "version": v}),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["commit"], Value::Null);

    let v = version(&editor, "content/news/a.md");
    let (status, answer) = editor.post(
        "delete",
        &json!({"path": "content/news/a.md", "version": v}),
    );
    assert_eq!(
        status, 422,
        "a committed page asks who deletes it: {answer}"
    );
    assert!(site.path("content/news/a.md").is_file());
    let (status, answer) = editor.post(
        "delete",
        &json!({"path": "content/news/a.md", "version": v, "name": "李编辑"}),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(answer["commit"]["id"].is_string(), "{answer}");
    let log = git(root, &["log", "-1", "--format=%an|%s", "--name-status"]).unwrap();
    assert_contains(&log, "李编辑|删除稿件：误建的稿件");
    assert_contains(&log, "D\tcontent/news/a.md");
    assert_contains(&log, "D\tcontent/news/.a.review.txt");
    let status_now = git(root, &["status", "--porcelain"]).unwrap();
    assert!(!status_now.contains(".menhu-trash"), "{status_now}");

    let id = answer["deleted"]["id"].as_str().unwrap();
    let (status, _) = editor.post("restore", &json!({"id": id}));
    assert_eq!(status, 422, "restoring it asks the name too");
    let (status, answer) = editor.post("restore", &json!({"id": id, "name": "李编辑"}));
    assert_eq!(status, 200, "{answer}");
    assert!(answer["commit"]["id"].is_string(), "{answer}");
    let log = git(root, &["log", "-1", "--format=%an|%s", "--name-status"]).unwrap();
    assert_contains(&log, "李编辑|恢复稿件：误建的稿件");
    assert_contains(&log, "A\tcontent/news/a.md");
    assert_eq!(
        git(root, &["show", "HEAD:content/news/a.md"]).unwrap(),
        PAGE_A
    );
}

#[test]
fn in_the_browser_a_photo_and_its_page_are_deleted_after_a_question_and_restored() {
    let test = "in_the_browser_a_photo_and_its_page_are_deleted_after_a_question_and_restored";
    if !crate::accessibility::browser_available(test) {
        return;
    }
    use crate::serve_edit_browser::{axe_source, check_view, click, edit_page};
    let axe = axe_source();
    let site = delete_site();
    site.write(
        "content/news/c/index.md",
        "+++\ntitle = \"带照片的稿件\"\n+++\n![会场](hui-chang.png)\n",
    );
    site.write_bytes("content/news/c/hui-chang.png", &tiny_png());
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"引用它的稿件\"\n+++\n见[那篇](@/news/c/index.md)。\n",
    );
    let editor = EditServer::start(&site);
    wait_for_status(&editor.server, "/news/c/", 200);
    let mut browser = edit_page(&editor, "content/news/c/index.md");
    browser.wait_until("!document.getElementById('files-box').hidden && window.menhuEditor.state.baseline !== null");
    assert_contains(
        browser
            .eval("document.getElementById('file-list').innerText")
            .as_str()
            .unwrap_or(""),
        "正文中使用",
    );

    // The photo: the question says the body still shows it.
    click(&mut browser, "#file-list button");
    browser.wait_until("document.getElementById('delete-dialog').open");
    let question = browser.eval("document.getElementById('delete-dialog').innerText");
    assert_contains(question.as_str().unwrap_or(""), "hui-chang.png");
    assert_contains(question.as_str().unwrap_or(""), "正文里还在用");
    assert_eq!(browser.eval("document.activeElement.id"), "delete-cancel");
    click(&mut browser, "#delete-ok");
    browser.wait_until("document.getElementById('message').textContent.indexOf('回收站') >= 0");
    assert!(!site.path("content/news/c/hui-chang.png").exists());

    // The page: the question names it and the page linking to it.
    click(&mut browser, "#delete-page");
    browser.wait_until("document.getElementById('delete-dialog').open");
    let question = browser.eval("document.getElementById('delete-dialog').innerText");
    let question = question.as_str().unwrap_or("");
    assert_contains(question, "「带照片的稿件」");
    assert_contains(question, "引用它的稿件");
    check_view(&mut browser, &axe, "editor-delete-question");
    click(&mut browser, "#delete-ok");
    browser.wait_until("location.hash === '#list' && !document.getElementById('list-notice').hidden && document.querySelectorAll('#pages li').length > 0");
    let listed = browser.eval("document.getElementById('pages').innerText");
    assert!(
        !listed.as_str().unwrap_or("").contains("带照片的稿件"),
        "{listed}"
    );
    assert!(!site.path("content/news/c").exists());

    // The bin: the page first (its photo's folder is in it), then the photo.
    browser.eval("location.hash = '#trash'");
    browser.wait_until("document.querySelectorAll('#trash-list li button').length === 2");
    check_view(&mut browser, &axe, "editor-trash");
    browser.eval("[...document.querySelectorAll('#trash-list button')].find(b => b.getAttribute('aria-label') === '恢复「带照片的稿件」').click()");
    browser.wait_until("document.getElementById('trash-message').textContent.indexOf('已恢复') >= 0 && document.querySelectorAll('#trash-list li button').length === 1");
    click(&mut browser, "#trash-list li button");
    browser.wait_until("document.getElementById('trash-message').textContent.indexOf('hui-chang.png') >= 0 && document.querySelectorAll('#trash-list li button').length === 0");
    assert!(site.path("content/news/c/index.md").is_file());
    assert_eq!(
        std::fs::read(site.path("content/news/c/hui-chang.png")).unwrap(),
        tiny_png()
    );
    wait_for_status(&editor.server, "/news/c/", 200);

    // From the list: 删除 beside a page asks the same question.
    browser.eval("location.hash = '#list'");
    browser.wait_until(
        "document.querySelector('#pages button[aria-label=\"删除「引用它的稿件」\"]') !== null",
    );
    click(
        &mut browser,
        "#pages button[aria-label=\"删除「引用它的稿件」\"]",
    );
    browser.wait_until("document.getElementById('delete-dialog').open");
    assert_contains(
        browser
            .eval("document.getElementById('delete-text').textContent")
            .as_str()
            .unwrap_or(""),
        "「引用它的稿件」",
    );
    click(&mut browser, "#delete-ok");
    browser.wait_until("document.getElementById('list-notice-text').textContent.indexOf('移到回收站') >= 0 && document.getElementById('pages').innerText.indexOf('引用它的稿件') < 0");
    assert!(!site.path("content/news/b.md").exists());
    assert_eq!(browser.eval("window.menhuEditor.blocked.length"), 0);
}
