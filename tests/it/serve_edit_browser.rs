//! The online editor in headless Chromium, as an editor uses it: create a news item in
//! a section, give it a city, drop a photo in with its description, link another page
//! through the `@/` link picker (with the keyboard only), save, and see it
//! in the preview; send it for review; a reviewer approves it, and `menhu build`
//! publishes it. The editor's list and page pass axe (no serious or critical
//! violation) at 1280 and 390 px. Edits not saved yet are never dropped without asking:
//! closing the tab or going back to the list asks first, and 送审 waits when the save
//! before it is refused. A Word table with merged cells keeps each cell in its column; a Word
//! notice keeps its numbers as text and its right-aligned 落款 together, its headings one
//! level below the page title; a picture pasted
//! inside the text is uploaded beside the page; a photo not added at its description is
//! never uploaded. With `MENHU_SCREENSHOTS=DIR` the views are saved
//! there as PNGs. Skipped with a printed reason when Chromium, Node or axe-core is
//! missing, unless `MENHU_REQUIRE_BROWSER=1`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64::Engine;

use crate::accessibility::browser_available;
use crate::serve_browser::Browser;
use crate::serve_edit::{EditServer, edit_site, photo_bundle_site, tiny_png};
use crate::support::{assert_contains, assert_not_contains};

pub fn axe_source() -> String {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(file).expect("axe-core (installed by browser_available)")
}

/// The serious and critical axe violations of the page as it is now.
fn axe_violations(browser: &mut Browser, axe: &str) -> Vec<String> {
    if browser.eval("typeof window.axe") != "object" {
        browser.eval(axe);
    }
    browser.eval(
        "window.__axe = undefined; axe.run(document, { runOnly: { type: 'tag', values: \
         ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then(function (r) { \
         window.__axe = r.violations.filter(function (v) { return v.impact === 'serious' || \
         v.impact === 'critical'; }).map(function (v) { return v.id + ': ' + v.nodes.map(function (n) \
         { return n.target.join(' '); }).join(', '); }); })",
    );
    browser.wait_until("Array.isArray(window.__axe)");
    browser
        .eval("window.__axe")
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks axe at 1280 and 390 px, saving screenshots named `name` when asked to.
pub fn check_view(browser: &mut Browser, axe: &str, name: &str) {
    let shots = std::env::var_os("MENHU_SCREENSHOTS").map(PathBuf::from);
    for width in [1280, 390] {
        let height = if width > 600 { 1000 } else { 900 };
        let size = serde_json::json!({
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
        });
        browser.call("Emulation.setDeviceMetricsOverride", size);
        std::thread::sleep(Duration::from_millis(300));
        let violations = axe_violations(browser, axe);
        assert!(
            violations.is_empty(),
            "{name} at {width} px: {violations:#?}"
        );
        let overflow = browser.eval("document.documentElement.scrollWidth > window.innerWidth + 1");
        assert_eq!(overflow, false, "{name} at {width} px scrolls sideways");
        if let Some(dir) = &shots {
            browser.eval("window.scrollTo(0, 0)");
            browser.screenshot(&dir.join(format!("{name}-{width}.png")), width, height);
        }
    }
}

/// A key pressed and released, as the keyboard sends it.
fn press(browser: &mut Browser, key: &str) {
    let code = match key {
        "Enter" => 13,
        "Tab" => 9,
        _ => 0,
    };
    for kind in ["keyDown", "keyUp"] {
        let mut event = serde_json::json!({
            "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code,
        });
        if kind == "keyDown" && key == "Enter" {
            event["text"] = "\r".into();
        }
        browser.call("Input.dispatchKeyEvent", event);
    }
}

pub fn click(browser: &mut Browser, selector: &str) {
    browser.eval(&format!("document.querySelector({selector:?}).click()"));
}

/// The one bundle `menhu` made for the new page.
fn new_bundle(root: &Path) -> PathBuf {
    std::fs::read_dir(root.join("content/news"))
        .expect("news folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.join("index.md").is_file()
                && p.to_string_lossy().ends_with("wu-zhou-ke-ji-zhou-kai-mu")
        })
        .expect("the new page became a bundle")
}

/// The online editor opened on the page `rel` (`content/news/a.md`).
pub fn edit_page(editor: &EditServer, rel: &str) -> Browser {
    let page = rel.replace('/', "%2F");
    Browser::open(&format!("{}/_menhu/edit/#edit={page}", editor.origin()))
}

/// The online editor opened on the page `rel`, once the page is loaded in its form.
pub fn opened_page(editor: &EditServer, rel: &str) -> Browser {
    let mut browser = edit_page(editor, rel);
    browser.wait_until("window.menhuEditor && window.menhuEditor.state.baseline !== null");
    browser
}

#[test]
fn an_editor_writes_a_news_item_with_a_city_and_a_photo_and_a_reviewer_approves_it() {
    let test = "an_editor_writes_a_news_item_with_a_city_and_a_photo_and_a_reviewer_approves_it";
    if !browser_available(test) {
        return;
    }
    let axe = axe_source();
    let site = edit_site();
    let editor = EditServer::start(&site);
    let mut browser = Browser::open(&format!("{}/_menhu/edit/#list", editor.origin()));
    browser.wait_until("document.querySelectorAll('#pages li').length >= 1");
    check_view(&mut browser, &axe, "editor-list");

    click(&mut browser, "#new-page");
    browser.wait_until("document.getElementById('new-dialog').open");
    browser.eval("document.getElementById('n-section').value = 'news'; document.getElementById('n-title').value = '梧州科技周开幕'");
    click(&mut browser, "#new-form button[value=ok]");
    browser.wait_until(
        "location.hash.indexOf('#edit=') === 0 && window.menhuEditor.state.page !== null \
         && window.menhuEditor.state.baseline !== null",
    );
    browser.eval("var c = document.getElementById('m-city'); c.value = '梧州'; c.dispatchEvent(new Event('input'))");
    browser.eval("var t = document.getElementById('m-tags'); t.value = '科普、科技周'");

    let png = base64::engine::general_purpose::STANDARD.encode(tiny_png());
    browser.eval(&format!(
        "window.__uploaded = false; var bytes = Uint8Array.from(atob('{png}'), function (c) {{ return c.charCodeAt(0); }}); \
         window.menhuEditor.upload([new File([bytes], '现场照片.png', {{ type: 'image/png' }})]).then(function () {{ window.__uploaded = true; }})"
    ));
    browser.wait_until("document.getElementById('alt-dialog').open");
    browser.eval("document.getElementById('alt-text').value = '科技周开幕式现场'");
    click(&mut browser, "#alt-form button[value=ok]");
    browser.wait_until("window.__uploaded === true");
    // The photo shows in the body at once, read from the page's new folder.
    browser.wait_until(
        "Array.prototype.some.call(document.querySelectorAll('#body-editor img'), function (img) \
         { return img.complete && img.naturalWidth === 1; })",
    );

    // A link to another page, chosen in the picker with the keyboard only.
    browser.eval("document.getElementById('insert-link').focus()");
    press(&mut browser, "Enter");
    browser.wait_until(
        "document.getElementById('link-dialog').open && document.activeElement.id === 'link-q' \
         && document.querySelectorAll('#link-results .link-choice').length >= 2",
    );
    check_view(&mut browser, &axe, "editor-link-picker");
    browser.call("Input.insertText", serde_json::json!({ "text": "第一" }));
    browser.wait_until("document.querySelectorAll('#link-results .link-choice').length === 1");
    press(&mut browser, "Tab");
    assert_eq!(
        browser.eval("document.activeElement.getAttribute('data-path')"),
        "content/news/a.md"
    );
    press(&mut browser, "Enter");
    browser.wait_until("!document.getElementById('link-dialog').open");
    assert_contains(
        browser
            .eval("window.menhuEditor.state.vditor.getValue()")
            .as_str()
            .unwrap_or(""),
        "[第一篇](@/news/a.md)",
    );

    click(&mut browser, "#save");
    browser.wait_until("document.getElementById('message').textContent.indexOf('已保存') >= 0");

    let bundle = new_bundle(site.root());
    let text = std::fs::read_to_string(bundle.join("index.md")).expect("the page");
    assert_contains(&text, "city = \"梧州\"");
    assert_contains(&text, "tags = [\"科普\", \"科技周\"]");
    assert_contains(&text, "draft = true");
    assert_contains(&text, "![科技周开幕式现场](xian-chang-zhao-pian.png)");
    assert!(bundle.join("xian-chang-zhao-pian.png").is_file());

    // The preview shows it, with the photo, once rebuilt.
    let rel = format!(
        "content/news/{}/index.md",
        bundle.file_name().unwrap_or_default().to_string_lossy()
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut preview = String::new();
    while Instant::now() < deadline {
        let (_, page) = editor.get(&format!("page?path={rel}"));
        if let Some(url) = page["preview"].as_str() {
            let path = url.splitn(4, '/').nth(3).unwrap_or("");
            let html = editor.server.get(&format!("/{path}")).body;
            if html.contains("xian-chang-zhao-pian") {
                preview = html;
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    assert_contains(&preview, "梧州科技周开幕");
    assert_contains(&preview, "alt=\"科技周开幕式现场\"");
    // The `@/` link resolved to the page's address.
    assert_contains(&preview, "/news/a/\">第一篇</a>");
    assert_not_contains(&preview, "@/news");

    browser.eval("location.reload()");
    browser.wait_until("window.menhuEditor && window.menhuEditor.state.baseline !== null");
    // Vditor's toolbar icons are drawn, and the content security policy blocked nothing.
    browser.wait_until("document.querySelectorAll('symbol[id^=\"vditor-icon-\"]').length > 10");
    assert_eq!(browser.eval("window.menhuEditor.blocked.join(' | ')"), "");
    check_view(&mut browser, &axe, "editor-page");

    click(&mut browser, "#submit-review");
    browser.wait_until("document.getElementById('edit-status').textContent === '待审'");
    assert_contains(
        &std::fs::read_to_string(bundle.join("index.md")).unwrap_or_default(),
        "status = \"review\"",
    );
    browser.eval("location.hash = '#queue'");
    browser.wait_until("document.getElementById('list-title').textContent === '待审稿件' && document.querySelectorAll('#pages li').length === 1");
    check_view(&mut browser, &axe, "editor-queue");

    browser.eval(&format!(
        "location.hash = '#edit=' + encodeURIComponent({rel:?})"
    ));
    browser.wait_until("!document.getElementById('approve').hidden");
    click(&mut browser, "#approve");
    browser.wait_until("document.getElementById('approve-dialog').open");
    browser.eval("document.getElementById('approve-name').value = '李审核'");
    click(&mut browser, "#approve-form button[value=ok]");
    browser.wait_until("document.getElementById('edit-status').textContent === '已发布'");
    assert_contains(
        &std::fs::read_to_string(bundle.join(".review.txt")).unwrap_or_default(),
        "审核通过：审核人：李审核",
    );
    let text = std::fs::read_to_string(bundle.join("index.md")).unwrap_or_default();
    assert_not_contains(&text, "draft");
    assert_not_contains(&text, "status");

    let built = site.build();
    assert_eq!(built.code, 0, "{}", built.stderr);
    let slug = bundle
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let published = site
        .output_files()
        .into_iter()
        .any(|f| f.contains("wu-zhou-ke-ji-zhou-kai-mu") || f.contains(&slug));
    assert!(published, "menhu build publishes the approved page");
}

/// Whether leaving the page now would be held up: a `beforeunload` as closing or
/// reloading the tab sends it.
const LEAVING_IS_HELD: &str = "(function () { var e = new Event('beforeunload', { cancelable: true }); \
     window.dispatchEvent(e); return e.defaultPrevented; })()";

#[test]
fn edits_not_saved_are_never_dropped_without_asking() {
    let test = "edits_not_saved_are_never_dropped_without_asking";
    if !browser_available(test) {
        return;
    }
    let site = edit_site();
    let before = std::fs::read_to_string(site.path("content/news/a.md")).expect("the page");
    let editor = EditServer::start(&site);
    let mut browser = opened_page(&editor, "content/news/a.md");
    assert_eq!(browser.eval(LEAVING_IS_HELD), false, "nothing typed yet");

    browser.eval("window.menhuEditor.state.vditor.insertValue('编辑新写的一段。')");
    assert_eq!(
        browser.eval(LEAVING_IS_HELD),
        true,
        "closing the tab asks first"
    );

    // 「← 返回稿件列表」 asks; 「取消」 stays on the page with the text.
    browser.eval(
        "window.__asked = 0; window.confirm = function () { window.__asked += 1; return false; }",
    );
    click(&mut browser, ".back a");
    browser.wait_until("window.__asked === 1");
    assert_eq!(
        browser.eval("document.getElementById('edit-view').hidden"),
        false
    );
    assert_eq!(browser.eval("location.hash"), "#edit=content%2Fnews%2Fa.md");
    assert_contains(
        browser
            .eval("window.menhuEditor.state.vditor.getValue()")
            .as_str()
            .unwrap_or(""),
        "编辑新写的一段。",
    );

    // 送审 while the save before it is refused (a number written in words): nothing is
    // sent for review, the text stays in the form and the file is as it was.
    browser.eval(
        "window.__routes = []; var plainFetch = window.fetch; window.fetch = function (url, o) \
         { window.__routes.push(String(url).split('?')[0]); return plainFetch(url, o); }",
    );
    browser.eval("document.getElementById('m-series_index').value = '第三篇'");
    click(&mut browser, "#submit-review");
    browser.wait_until("document.getElementById('message').className === 'error'");
    assert_eq!(browser.eval("window.__routes.join(' ')"), "");
    assert_contains(
        browser
            .eval("window.menhuEditor.state.vditor.getValue()")
            .as_str()
            .unwrap_or(""),
        "编辑新写的一段。",
    );
    assert_eq!(
        std::fs::read_to_string(site.path("content/news/a.md")).expect("the page"),
        before
    );
}

#[test]
fn a_phone_photo_too_large_to_publish_as_it_is_shows_in_the_body_editor() {
    let test = "a_phone_photo_too_large_to_publish_as_it_is_shows_in_the_body_editor";
    if !browser_available(test) {
        return;
    }
    let site = photo_bundle_site();
    let editor = EditServer::start(&site);
    let mut browser = opened_page(&editor, "content/news/b/index.md");
    browser.wait_until(
        "(function () { var img = document.querySelector('#body-editor img'); \
         return !!img && img.complete && img.naturalWidth === 2600; })()",
    );
}

#[test]
fn a_long_address_in_a_problem_never_widens_the_editor_on_a_phone() {
    let test = "a_long_address_in_a_problem_never_widens_the_editor_on_a_phone";
    if !browser_available(test) {
        return;
    }
    let site = edit_site();
    site.write(
        "content/news/word.md",
        "+++\ntitle = \"从 Word 粘贴\"\n+++\n\n![](file:///C:/Users/kx/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg)\n",
    );
    let editor = EditServer::start(&site);
    let mut browser = edit_page(&editor, "content/news/word.md");
    let size = serde_json::json!({
        "width": 390, "height": 900, "deviceScaleFactor": 1, "mobile": true,
    });
    browser.call("Emulation.setDeviceMetricsOverride", size);
    browser.wait_until("document.querySelectorAll('#problem-list li').length >= 1");
    assert_eq!(
        // A phone widens the page to what it holds (and shrinks it all to fit).
        browser.eval("document.documentElement.scrollWidth"),
        390,
        "the problem's address widens the editor"
    );
}

/// A page whose front matter does not parse: the editor says why where the form was,
/// in view, instead of leaving the form of the page opened before (which a save would
/// have written into).
#[test]
fn a_page_that_cannot_be_opened_says_why_in_place_of_the_form() {
    let test = "a_page_that_cannot_be_opened_says_why_in_place_of_the_form";
    if !browser_available(test) {
        return;
    }
    let site = edit_site();
    site.write("content/news/b.md", "+++\ntitle = \"第二篇\n+++\n正文。\n");
    let editor = EditServer::start(&site);
    let mut browser = opened_page(&editor, "content/news/a.md");
    browser.eval("location.hash = '#edit=' + encodeURIComponent('content/news/b.md')");
    browser.wait_until("!document.getElementById('open-error').hidden");
    let text = browser.eval("document.getElementById('open-error').textContent");
    assert_contains(text.as_str().unwrap_or(""), "开头的设置写错了");
    assert_eq!(
        browser.eval("document.getElementById('edit-grid').hidden"),
        true
    );
    assert_eq!(browser.eval("window.menhuEditor.state.page === null"), true);
    let badge_shown = "document.getElementById('edit-status').offsetWidth > 0";
    assert_eq!(browser.eval(badge_shown), false, "an empty status badge");
    let in_view =
        "document.getElementById('open-error').getBoundingClientRect().bottom <= innerHeight";
    assert_eq!(browser.eval(in_view), true, "the reason is out of sight");
}

/// A table pasted from Word with merged cells: Markdown has none, so each span is opened
/// into empty cells and every cell stays in its column (「展览」 used to slide under
/// 「梧州」's column, 「8」 under 「形式」's).
#[test]
fn a_word_table_with_merged_cells_keeps_each_cell_in_its_column() {
    let test = "a_word_table_with_merged_cells_keeps_each_cell_in_its_column";
    if !browser_available(test) {
        return;
    }
    let site = edit_site();
    let editor = EditServer::start(&site);
    let mut browser = opened_page(&editor, "content/news/a.md");
    let html = "<html><body><!--StartFragment--><table class=MsoTableGrid border=1>\
        <tr><td><p>地区</p></td><td><p>形式</p></td><td><p>场次</p></td></tr>\
        <tr><td rowspan=2><p>梧州</p></td><td><p>讲座</p></td><td><p>5</p></td></tr>\
        <tr><td><p>展览</p></td><td><p>3</p></td></tr>\
        <tr><td colspan=2><p>合计</p></td><td><p>8</p></td></tr>\
        </table><!--EndFragment--></body></html>";
    let text = "地区\t形式\t场次\n梧州\t讲座\t5\n展览\t3\n合计\t8\n";
    browser.eval(&format!(
        "(function () {{ var area = document.querySelector('.vditor-ir .vditor-reset'); area.focus(); \
         var range = document.createRange(); range.selectNodeContents(area); range.collapse(false); \
         var selection = getSelection(); selection.removeAllRanges(); selection.addRange(range); \
         var data = new DataTransfer(); data.setData('text/html', {html}); data.setData('text/plain', {text}); \
         area.dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: data, bubbles: true, cancelable: true }})); }})()",
        html = serde_json::json!(html),
        text = serde_json::json!(text),
    ));
    browser.wait_until("window.menhuEditor.state.vditor.getValue().indexOf('合计') >= 0");
    let value = browser.eval("window.menhuEditor.state.vditor.getValue()");
    let rows: Vec<Vec<String>> = value
        .as_str()
        .unwrap_or("")
        .lines()
        .filter(|line| line.starts_with('|') && !line.contains("---"))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        [
            ["地区", "形式", "场次"],
            ["梧州", "讲座", "5"],
            ["", "展览", "3"],
            ["合计", "", "8"],
        ],
        "{value}"
    );
}

/// A notice pasted from Word as Word puts it on the clipboard: its title (left out, as
/// the page has it already: it used to show twice), outline headings set in 黑体 and
/// 楷体 (made `##` and `###` headings, as `menhu check` asks), numbered paragraphs with
/// the number and its padding in an `mso-list:Ignore` span, a bulleted one, empty
/// `<o:p>` paragraphs, a paragraph indented with spaces, numbers typed with a space after
/// them (「2. 培训日程」, which Markdown made a list), a table, and the 落款
/// right-aligned in two paragraphs. The spaces go (four made Markdown code), the numbers
/// stay text without the padding (the padding used to make Markdown read a list holding
/// code, and everything pasted after it, the table and the 落款 included, went into
/// that list), bullets become a list, and the 落款 comes out as the organisation and the
/// date on two lines of one paragraph, which the site right-aligns.
#[test]
fn a_notice_pasted_from_word_keeps_its_numbers_as_text_and_its_signature_together() {
    let test = "a_notice_pasted_from_word_keeps_its_numbers_as_text_and_its_signature_together";
    if !browser_available(test) {
        return;
    }
    let site = edit_site();
    let editor = EditServer::start(&site);
    let mut browser = opened_page(&editor, "content/news/a.md");
    let numbered = |n: &str, text: &str| {
        format!(
            "<p class=MsoListParagraph style='margin-left:50.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>\
             <![if !supportLists]><span lang=EN-US><span style='mso-list:Ignore'>{n}<span style='font:7.0pt \"Times New Roman\"'>\
             &nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>{text}<o:p></o:p></span></p>"
        )
    };
    let html = format!(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body lang=ZH-CN><!--StartFragment-->\
         <p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt'>关于举办科普讲解员\
         培训班的通知<o:p></o:p></span></b></p>\
         <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\
         <p class=MsoNormal><span style='font-family:仿宋_GB2312'>各市科协、各学会：<o:p></o:p></span></p>\
         <p class=MsoNormal><span lang=EN-US>&nbsp;&nbsp;&nbsp; </span><span>为做好科普工作，现将有关事项通知如下。<o:p></o:p></span></p>\
         <p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体'>一、参加对象<o:p></o:p></span></p>\
         <p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:楷体_GB2312'>（一）报名人员<o:p></o:p></span></p>\
         <p class=MsoNormal style='text-indent:32.0pt'><span>二、加强组织领导。各单位要高度重视。<o:p></o:p></span></p>\
         {}{}\
         <p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='font-family:Wingdings'>\
         <span style='mso-list:Ignore'>l<span style='font:7.0pt \"Times New Roman\"'>&nbsp; </span></span></span><![endif]>\
         <span>自带笔记本电脑<o:p></o:p></span></p>\
         <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\
         <table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>日期<o:p></o:p></p></td><td><p class=MsoNormal>内容<o:p></o:p></p></td></tr>\
         <tr><td><p class=MsoNormal>1月10日<o:p></o:p></p></td><td><p class=MsoNormal>报到<o:p></o:p></p></td></tr></table>\
         <p class=MsoNormal>附件：1.报名表<o:p></o:p></p>\
         <p class=MsoNormal style='margin-left:48.0pt'><span lang=EN-US>2.&nbsp;</span><span>培训日程<o:p></o:p></span></p>\
         <p class=MsoNormal style='margin-left:48.0pt'>3. 住宿安排<o:p></o:p></p>\
         <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\
         <p class=MsoNormal align=right style='text-align:right'><span>广西壮族自治区科学技术协会<o:p></o:p></span></p>\
         <p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>2026</span><span>年</span><span lang=EN-US>12</span>\
         <span>月</span><span lang=EN-US>7</span><span>日<o:p></o:p></span></p>\
         <!--EndFragment--></body></html>",
        numbered("1.", "各市科协科普部负责同志1名；"),
        numbered("2.", "各学会科普工作联络员1名。"),
    );
    browser.eval("document.getElementById('m-title').value = '关于举办科普讲解员培训班的通知'");
    let text = "关于举办科普讲解员培训班的通知\n各市科协、各学会：\n一、参加对象\n1.各市科协科普部负责同志1名；\n2.各学会科普工作联络员1名。\n";
    browser.eval(&format!(
        "(function () {{ var area = document.querySelector('.vditor-ir .vditor-reset'); area.focus(); \
         var range = document.createRange(); range.selectNodeContents(area); \
         var selection = getSelection(); selection.removeAllRanges(); selection.addRange(range); \
         var data = new DataTransfer(); data.setData('text/html', {html}); data.setData('text/plain', {text}); \
         area.dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: data, bubbles: true, cancelable: true }})); }})()",
        html = serde_json::json!(html),
        text = serde_json::json!(text),
    ));
    browser.wait_until("window.menhuEditor.state.vditor.getValue().indexOf('2026年12月7日') >= 0");
    let value = browser.eval("window.menhuEditor.state.vditor.getValue()");
    let value = value.as_str().unwrap_or("");
    assert_contains(
        value,
        "各市科协、各学会：\n\n为做好科普工作，现将有关事项通知如下。\n\n## 一、参加对象\n\n### （一）报名人员\n\n二、加强组织领导。各单位要高度重视。\n\n1.各市科协科普部负责同志1名；\n\n2.各学会科普工作联络员1名。\n\n* 自带笔记本电脑\n",
    );
    assert!(
        value.lines().any(|l| l.starts_with("| 1月10日")),
        "the table is inside something: {value}"
    );
    assert!(
        value
            .trim_end()
            .ends_with("附件：1.报名表\n\n2.培训日程\n\n3.住宿安排\n\n广西壮族自治区科学技术协会\n2026年12月7日"),
        "{value}"
    );
    assert_not_contains(value, "\u{a0}");
    assert!(
        value.starts_with("各市科协、各学会："),
        "the title is pasted again: {value}"
    );
}

/// Word's heading styles come on the clipboard as `<h1>` and `<h2>`: pasted as they were,
/// a `#` heading in the body was a second page title in the browser's largest type.
/// Every heading goes one level down.
#[test]
fn word_headings_pasted_go_one_level_down() {
    let test = "word_headings_pasted_go_one_level_down";
    if !browser_available(test) {
        return;
    }
    let site = edit_site();
    let editor = EditServer::start(&site);
    let mut browser = opened_page(&editor, "content/news/a.md");
    let html = "<html><body><!--StartFragment--><h1>一、总体要求</h1><p class=MsoNormal>正文。</p>\
        <h2>（一）工作目标</h2><p class=MsoNormal>目标正文。</p><!--EndFragment--></body></html>";
    browser.eval(&format!(
        "(function () {{ var area = document.querySelector('.vditor-ir .vditor-reset'); area.focus(); \
         var range = document.createRange(); range.selectNodeContents(area); \
         var selection = getSelection(); selection.removeAllRanges(); selection.addRange(range); \
         var data = new DataTransfer(); data.setData('text/html', {html}); data.setData('text/plain', '一、总体要求'); \
         area.dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: data, bubbles: true, cancelable: true }})); }})()",
        html = serde_json::json!(html),
    ));
    browser.wait_until("window.menhuEditor.state.vditor.getValue().indexOf('目标正文') >= 0");
    let value = browser.eval("window.menhuEditor.state.vditor.getValue()");
    let value = value.as_str().unwrap_or("");
    assert_contains(
        value,
        "## 一、总体要求\n\n正文。\n\n### （一）工作目标\n\n目标正文。",
    );
    assert!(!value.starts_with("# "), "{value}");
}

/// A picture pasted inside the copied text (`data:image/png;base64,…`, as web editors
/// and Word for Mac copy them) is uploaded beside the page as a dropped photo is, its
/// description asked for with the picture's own offered; it used to become a broken
/// address under the editor's (`/_menhu/edit/files/…/data:image/…`), as did a relative
/// link pasted with it.
#[test]
fn a_picture_pasted_inside_the_text_is_uploaded_beside_the_page() {
    let test = "a_picture_pasted_inside_the_text_is_uploaded_beside_the_page";
    if !browser_available(test) {
        return;
    }
    let site = edit_site();
    let editor = EditServer::start(&site);
    let mut browser = opened_page(&editor, "content/news/a.md");
    let png = base64::engine::general_purpose::STANDARD.encode(tiny_png());
    let html = format!(
        "<p>活动现场，见<a href=\"fujian.pdf\">附件</a>：</p><p><img src=\"data:image/png;base64,{png}\" alt=\"活动现场\"></p><p>结束。</p>"
    );
    browser.eval(&format!(
        "(function () {{ var area = document.querySelector('.vditor-ir .vditor-reset'); area.focus(); \
         var range = document.createRange(); range.selectNodeContents(area); range.collapse(false); \
         var selection = getSelection(); selection.removeAllRanges(); selection.addRange(range); \
         var data = new DataTransfer(); data.setData('text/html', {html}); data.setData('text/plain', '活动现场：结束。'); \
         area.dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: data, bubbles: true, cancelable: true }})); }})()",
        html = serde_json::json!(html),
    ));
    browser.wait_until("document.getElementById('alt-dialog').open");
    assert_eq!(
        browser.eval("document.getElementById('alt-text').value"),
        "活动现场"
    );
    click(&mut browser, "#alt-form button[value=ok]");
    browser.wait_until(
        "window.menhuEditor.state.vditor.getValue().indexOf('](zhan-tie-de-tu-pian.png)') >= 0",
    );
    let value = browser.eval("window.menhuEditor.state.vditor.getValue()");
    let value = value.as_str().unwrap_or("");
    assert_contains(value, "结束。![活动现场](zhan-tie-de-tu-pian.png)");
    assert_not_contains(value, "data:");
    // A relative address pasted stays as written, not under the editor's own.
    assert_contains(value, "[附件](fujian.pdf)");
    assert_not_contains(value, "/_menhu/");
    // The photo shows in the body, from the page's new folder.
    browser.wait_until(
        "Array.prototype.some.call(document.querySelectorAll('#body-editor img'), function (img) \
         { return img.complete && img.naturalWidth === 1; })",
    );
    assert!(
        site.path("content/news/a/zhan-tie-de-tu-pian.png")
            .is_file(),
        "the picture is beside the page"
    );
}

/// A photo the editor decides not to add, at its description (「不加这张照片」, or
/// Escape), is never uploaded: nothing is left beside the page, which stays a single
/// file (the photo used to be stored first, then inserted without a description). A
/// photo is added only with a description.
#[test]
fn a_photo_not_added_at_its_description_leaves_nothing_beside_the_page() {
    let test = "a_photo_not_added_at_its_description_leaves_nothing_beside_the_page";
    if !browser_available(test) {
        return;
    }
    let site = edit_site();
    let editor = EditServer::start(&site);
    let mut browser = opened_page(&editor, "content/news/a.md");
    let png = base64::engine::general_purpose::STANDARD.encode(tiny_png());
    let upload = format!(
        "window.__done = false; var bytes = Uint8Array.from(atob('{png}'), function (c) {{ return c.charCodeAt(0); }}); \
         window.menhuEditor.upload([new File([bytes], '现场照片.png', {{ type: 'image/png' }})]).then(function () {{ window.__done = true; }})"
    );
    for cancel in [
        "document.querySelector('#alt-form button[value=cancel]').click()",
        "document.getElementById('alt-dialog').dispatchEvent(new Event('cancel')); document.getElementById('alt-dialog').close()",
    ] {
        browser.eval(&upload);
        browser.wait_until("document.getElementById('alt-dialog').open");
        browser.eval(cancel);
        browser.wait_until("window.__done === true");
        assert_contains(
            browser
                .eval("document.getElementById('message').textContent")
                .as_str()
                .unwrap_or(""),
            "没有加入照片",
        );
        assert!(site.path("content/news/a.md").is_file());
        assert!(!site.path("content/news/a").exists(), "no folder, no photo");
        assert_not_contains(
            browser
                .eval("window.menhuEditor.state.vditor.getValue()")
                .as_str()
                .unwrap_or(""),
            "![",
        );
    }

    // Without a description the dialog stays, saying why.
    browser.eval(&upload);
    browser.wait_until("document.getElementById('alt-dialog').open");
    browser.eval("document.getElementById('alt-text').value = ''");
    click(&mut browser, "#alt-form button[value=ok]");
    browser.wait_until("document.getElementById('alt-problem').textContent.length > 0");
    assert_eq!(
        browser.eval("document.getElementById('alt-dialog').open"),
        true
    );
    assert!(!site.path("content/news/a").exists());
    browser.eval("document.getElementById('alt-text').value = '活动现场'");
    click(&mut browser, "#alt-form button[value=ok]");
    browser.wait_until("window.__done === true");
    assert!(
        site.path("content/news/a/xian-chang-zhao-pian.png")
            .is_file()
    );
    assert_contains(
        browser
            .eval("window.menhuEditor.state.vditor.getValue()")
            .as_str()
            .unwrap_or(""),
        "![活动现场](xian-chang-zhao-pian.png)",
    );
}
