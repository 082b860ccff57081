//! 移动到其他栏目 in the online editor, over real HTTP on 127.0.0.1: a published page
//! filed under 新闻 moves to 通知公告 under the same name with its review notes, its old
//! address answers in the preview with a redirect to the new one (an `aliases` entry
//! added, the other front-matter lines as written), and the `@/` links to it in other
//! pages are rewritten; a bundle moves whole with its photos; a draft gets no alias; a
//! name taken in the target section, a page changed since it was opened, a section, a
//! path out of `content/` and a link planted in `content/` are refused with nothing
//! moved; every change needs the token and the editor's origin; with `--edit-commit`
//! the move and the link updates are one commit under the name asked.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::serve_edit::{EditServer, committed_site, git, tiny_png, version, wait_for_status};
use crate::serve_http::{Server, served_site};
use crate::support::{Site, assert_contains};

const NOTICE: &str = "+++\ntitle = \"关于举办科普讲座的通知\"   # 标题\ndate = 2026-12-01\ntags = [\"科普\"]\n\n[extra]\nx = 1\n+++\n正文。\n";

fn move_site() -> Site {
    let site = served_site();
    site.write("content/tzgg/_index.md", "+++\ntitle = \"通知公告\"\n+++\n");
    site.write("content/news/a.md", NOTICE);
    site.write("content/news/.a.review.txt", "2026-12-01 09:00 审核通过\n");
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"引用它的稿件\"\n+++\n见[通知](@/news/a.md#zheng-wen)，[别的](@/news/ab.md)。\n",
    );
    site.write("content/news/ab.md", "+++\ntitle = \"另一篇\"\n+++\n正文\n");
    site
}

#[test]
fn a_published_page_moves_keeps_its_old_address_and_the_links_to_it() {
    let site = move_site();
    let editor = EditServer::start(&site);
    wait_for_status(&editor.server, "/news/a/", 200);

    // The question: where it goes, the address kept, the pages updated.
    let (status, plan) = editor.get("move_plan?path=content/news/a.md&to=tzgg");
    assert_eq!(status, 200, "{plan}");
    assert_eq!(plan["new_path"], "content/tzgg/a.md");
    assert_eq!(plan["from"]["title"], "新闻");
    assert_eq!(plan["to"]["title"], "通知公告");
    assert_eq!(plan["alias"], "/news/a/");
    assert_eq!(plan["new_url"], "/tzgg/a/");
    assert_eq!(
        plan["linked_by"],
        json!([{"path": "content/news/b.md", "title": "引用它的稿件"}])
    );

    // A version the editor did not see is not moved.
    let (status, answer) = editor.post(
        "move",
        &json!({"path": "content/news/a.md", "version": "0".repeat(64), "to": "tzgg"}),
    );
    assert_eq!(status, 409, "{answer}");
    assert_contains(answer["error"].as_str().unwrap(), "没有移动");
    assert!(site.path("content/news/a.md").is_file());

    let v = version(&editor, "content/news/a.md");
    let (status, answer) = editor.post(
        "move",
        &json!({"path": "content/news/a.md", "version": v, "to": "tzgg"}),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["path"], "content/tzgg/a.md");
    assert!(!site.path("content/news/a.md").exists());
    assert!(!site.path("content/news/.a.review.txt").exists());
    assert_eq!(
        std::fs::read_to_string(site.path("content/tzgg/.a.review.txt")).unwrap(),
        "2026-12-01 09:00 审核通过\n"
    );
    // The alias is the one line added; the rest as written.
    assert_eq!(
        std::fs::read_to_string(site.path("content/tzgg/a.md")).unwrap(),
        NOTICE.replace(
            "tags = [\"科普\"]\n",
            "tags = [\"科普\"]\naliases = [\"/news/a/\"]\n"
        )
    );
    // Only the whole link to it is rewritten.
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/b.md")).unwrap(),
        "+++\ntitle = \"引用它的稿件\"\n+++\n见[通知](@/tzgg/a.md#zheng-wen)，[别的](@/news/ab.md)。\n"
    );

    // The preview: the new address, and the old one sending readers there.
    wait_for_text(&editor.server, "/tzgg/a/", "关于举办科普讲座的通知");
    wait_for_text(&editor.server, "/news/a/", "url=");
    assert_contains(&editor.server.get("/news/a/").body, "/tzgg/a/");
    wait_for_text(&editor.server, "/news/b/", "/tzgg/a/#zheng-wen");

    // The list and the page under its new path.
    let (_, list) = editor.get("list");
    let listed: Vec<&str> = list["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert!(listed.contains(&"content/tzgg/a.md"), "{listed:?}");
    assert!(!listed.contains(&"content/news/a.md"), "{listed:?}");
    let (status, opened) = editor.get("page?path=content/tzgg/a.md");
    assert_eq!(status, 200, "{opened}");
    assert_contains(opened["notes"].as_str().unwrap(), "审核通过");

    // Moved back: the alias at its address again is taken out, the new one added.
    let v = version(&editor, "content/tzgg/a.md");
    wait_for_status(&editor.server, "/tzgg/a/", 200);
    let (status, answer) = editor.post(
        "move",
        &json!({"path": "content/tzgg/a.md", "version": v, "to": "news"}),
    );
    assert_eq!(status, 200, "{answer}");
    let text = std::fs::read_to_string(site.path("content/news/a.md")).unwrap();
    assert_contains(&text, "aliases = [\"/tzgg/a/\"]\n");
    wait_for_text(&editor.server, "/news/a/", "关于举办科普讲座的通知");
    wait_for_text(&editor.server, "/tzgg/a/", "url=");
}

/// Waits until the preview answers `path` with a page holding `text`.
fn wait_for_text(server: &Server, path: &str, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !server.get(path).body.contains(text) {
        assert!(Instant::now() < deadline, "{path} never shows {text}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_bundle_moves_whole_and_a_draft_gets_no_alias() {
    let site = move_site();
    site.write(
        "content/news/c/index.md",
        "+++\ntitle = \"带照片的草稿\"\ndraft = true\n+++\n![会场](hui-chang.png)\n[附件](biao.pdf)\n",
    );
    site.write_bytes("content/news/c/hui-chang.png", &tiny_png());
    site.write("content/news/c/biao.pdf", "%PDF-1.4");
    site.write("content/news/c/.review.txt", "送审\n");
    site.write(
        "content/news/d.md",
        "+++\ntitle = \"引用照片稿\"\n+++\n[稿](@/news/c/index.md)\n",
    );
    let editor = EditServer::start(&site);
    wait_for_status(&editor.server, "/news/c/", 200);
    let (status, plan) = editor.get("move_plan?path=content/news/c/index.md&to=tzgg");
    assert_eq!(status, 200, "{plan}");
    assert_eq!(plan["alias"], Value::Null, "a draft was never published");
    assert_eq!(plan["new_path"], "content/tzgg/c/index.md");
    let v = version(&editor, "content/news/c/index.md");
    let (status, answer) = editor.post(
        "move",
        &json!({"path": "content/news/c/index.md", "version": v, "to": "tzgg"}),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(!site.path("content/news/c").exists());
    for file in ["index.md", "hui-chang.png", "biao.pdf", ".review.txt"] {
        assert!(
            site.path(&format!("content/tzgg/c/{file}")).is_file(),
            "{file}"
        );
    }
    let text = std::fs::read_to_string(site.path("content/tzgg/c/index.md")).unwrap();
    assert!(!text.contains("aliases"), "{text}");
    assert_contains(&text, "[附件](biao.pdf)");
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/d.md")).unwrap(),
        "+++\ntitle = \"引用照片稿\"\n+++\n[稿](@/tzgg/c/index.md)\n"
    );
    wait_for_status(&editor.server, "/tzgg/c/", 200);
    wait_for_status(&editor.server, "/news/c/", 404);
    assert_eq!(
        editor.server.get("/tzgg/c/hui-chang.png").status,
        200,
        "the photo went with it"
    );
}

#[test]
fn a_name_taken_sections_and_paths_out_of_content_are_refused() {
    let site = move_site();
    site.write("content/tzgg/a.md", "+++\ntitle = \"已有的通知\"\n+++\n");
    site.write(
        "content/tzgg/ab/index.md",
        "+++\ntitle = \"已有的文件夹\"\n+++\n",
    );
    let editor = EditServer::start(&site);
    for (path, to, status, said) in [
        ("content/news/a.md", "tzgg", 409, "已经有同名"),
        ("content/news/ab.md", "tzgg", 409, "content/tzgg/ab"),
        ("content/news/a.md", "news", 422, "已经在「新闻」栏目里"),
        ("content/news/a.md", "", 422, "请选择"),
        ("content/news/a.md", "meiyou", 404, "没有「meiyou」这个栏目"),
        ("content/news/a.md", "../static", 403, "content/"),
        ("content/news/_index.md", "tzgg", 403, "栏目"),
        ("static/site.css", "tzgg", 403, "content/"),
        ("content/../secret.txt", "tzgg", 403, "content/"),
    ] {
        let (got, plan) = editor.get(&format!("move_plan?path={path}&to={to}"));
        assert_eq!(got, status, "{path} → {to}: {plan}");
        assert_contains(plan["error"].as_str().unwrap_or(""), said);
        let v = crate::serve_edit::sha256_hex(&std::fs::read(site.path(path)).unwrap_or_default());
        let (got, answer) = editor.post("move", &json!({"path": path, "version": v, "to": to}));
        assert_eq!(got, status, "{path} → {to}: {answer}");
    }
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a.md")).unwrap(),
        NOTICE
    );
    assert_eq!(
        std::fs::read_to_string(site.path("content/tzgg/a.md")).unwrap(),
        "+++\ntitle = \"已有的通知\"\n+++\n"
    );
    assert!(site.path("content/news/ab.md").is_file());

    // The guard of every change: the token, the editor's own origin.
    let v = version(&editor, "content/news/b.md");
    let body = json!({"path": "content/news/b.md", "version": v, "to": "tzgg"}).to_string();
    let origin = editor.origin();
    for headers in [
        vec![("Origin", origin.as_str())],
        vec![
            ("X-Menhu-Token", editor.token.as_str()),
            ("Origin", "http://evil.example"),
        ],
    ] {
        let (status, _) = editor.post_with("move", &headers, body.as_bytes());
        assert_eq!(status, 403);
    }
    assert!(site.path("content/news/b.md").is_file());
}

#[cfg(unix)]
#[test]
fn a_link_planted_in_content_is_neither_followed_nor_moved() {
    use std::os::unix::fs::symlink;
    let site = move_site();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("section")).unwrap();
    std::fs::write(
        outside.path().join("section/_index.md"),
        "+++\ntitle = \"外面\"\n+++\n",
    )
    .unwrap();
    std::fs::write(outside.path().join("x.md"), NOTICE).unwrap();
    // A section that is a link out of the site, and a page that is one.
    symlink(outside.path().join("section"), site.path("content/out")).unwrap();
    symlink(outside.path().join("x.md"), site.path("content/news/x.md")).unwrap();
    let editor = EditServer::start(&site);
    let v = crate::serve_edit::sha256_hex(NOTICE.as_bytes());
    for (path, to) in [("content/news/a.md", "out"), ("content/news/x.md", "tzgg")] {
        let (status, answer) = editor.post("move", &json!({"path": path, "version": v, "to": to}));
        assert_eq!(status, 403, "{path} → {to}: {answer}");
    }
    assert!(site.path("content/news/a.md").is_file());
    assert_eq!(
        std::fs::read_dir(outside.path().join("section"))
            .unwrap()
            .count(),
        1
    );
    assert!(std::fs::symlink_metadata(site.path("content/news/x.md")).is_ok());
    assert!(!site.path("content/tzgg/x.md").exists());
}

#[test]
fn with_edit_commit_the_move_and_the_links_are_one_commit() {
    let site = move_site();
    let root = site.root();
    if !committed_site(root, "with_edit_commit_the_move…") {
        return;
    }
    let editor = EditServer::start_with(&site, &["--edit", "--edit-commit"]);
    wait_for_status(&editor.server, "/news/a/", 200);
    let (_, plan) = editor.get("move_plan?path=content/news/a.md&to=tzgg");
    assert_eq!(plan["commits"], true, "{plan}");
    let v = version(&editor, "content/news/a.md");
    let (status, answer) = editor.post(
        "move",
        &json!({"path": "content/news/a.md", "version": v, "to": "tzgg"}),
    );
    assert_eq!(status, 422, "a committed page asks who moves it: {answer}");
    assert!(site.path("content/news/a.md").is_file());
    let (status, answer) = editor.post(
        "move",
        &json!({"path": "content/news/a.md", "version": v, "to": "tzgg", "name": "李编辑"}),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(answer["commit"]["id"].is_string(), "{answer}");
    let log = git(root, &["log", "-1", "--format=%an|%s", "--name-status"]).unwrap();
    assert_contains(
        &log,
        "李编辑|移动稿件：关于举办科普讲座的通知（新闻 → 通知公告）",
    );
    assert_contains(&log, "content/tzgg/a.md");
    assert_contains(&log, "content/tzgg/.a.review.txt");
    assert_contains(&log, "M\tcontent/news/b.md");
    let left = git(root, &["status", "--porcelain"]).unwrap();
    assert!(!left.contains("content/"), "{left}");
}

#[test]
fn in_the_browser_a_page_with_unsaved_edits_is_moved_after_a_question_and_stays_open() {
    let test = "in_the_browser_a_page_with_unsaved_edits_is_moved_after_a_question_and_stays_open";
    if !crate::accessibility::browser_available(test) {
        return;
    }
    use crate::serve_edit_browser::{axe_source, check_view, click, opened_page};
    let axe = axe_source();
    let site = move_site();
    let editor = EditServer::start(&site);
    wait_for_status(&editor.server, "/news/a/", 200);
    let mut browser = opened_page(&editor, "content/news/a.md");
    // An edit not saved yet: it is saved before the page moves.
    browser.eval("document.getElementById('m-author').value = '王五'");

    click(&mut browser, "#move-page");
    browser.wait_until("document.getElementById('move-dialog').open && document.getElementById('move-section').options.length > 1");
    let text = browser.eval("document.getElementById('move-text').textContent");
    assert_contains(text.as_str().unwrap_or(""), "现在在「新闻」栏目");
    assert_contains(text.as_str().unwrap_or(""), "先保存");
    browser.eval("var s = document.getElementById('move-section'); s.value = 'tzgg'; s.dispatchEvent(new Event('change'))");
    browser.wait_until("!document.getElementById('move-plan').hidden");
    let plan = browser.eval("document.getElementById('move-plan').innerText");
    let plan = plan.as_str().unwrap_or("");
    assert_contains(plan, "content/tzgg/a.md");
    assert_contains(plan, "旧网址 /news/a/ 会自动跳转到新网址 /tzgg/a/");
    assert_contains(plan, "「引用它的稿件」");
    check_view(&mut browser, &axe, "editor-move-question");

    click(&mut browser, "#move-ok");
    browser.wait_until("document.getElementById('message').textContent.indexOf('已把') >= 0");
    assert_contains(
        browser
            .eval("document.getElementById('message').textContent")
            .as_str()
            .unwrap_or(""),
        "已更新 1 篇稿件里的链接",
    );
    assert_eq!(
        browser.eval("[location.hash, document.getElementById('edit-path').textContent]"),
        json!(["#edit=content%2Ftzgg%2Fa.md", "content/tzgg/a.md"])
    );
    let moved = std::fs::read_to_string(site.path("content/tzgg/a.md")).unwrap();
    assert_contains(&moved, "author = \"王五\"");
    assert_contains(&moved, "aliases = [\"/news/a/\"]");
    assert!(!site.path("content/news/a.md").exists());
    // The preview follows the page to its new address.
    browser.wait_until("(document.getElementById('preview').getAttribute('src') || '').indexOf('/tzgg/a/') >= 0 && !document.getElementById('preview').hidden");
    browser.eval("location.hash = '#list'");
    browser.wait_until(
        "document.getElementById('pages').innerText.indexOf('关于举办科普讲座的通知') >= 0",
    );
    assert_contains(
        browser
            .eval("document.getElementById('pages').innerText")
            .as_str()
            .unwrap_or(""),
        "通知公告",
    );
    assert_eq!(browser.eval("window.menhuEditor.blocked.length"), 0);
}
