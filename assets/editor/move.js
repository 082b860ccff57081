// 移动到其他栏目 in the page's editor: the editor chooses the section the page belongs
// in, reads what the move will do (where the file goes, the old address kept for a
// published page, the pages whose links are updated) and confirms; the page is then
// opened at its new path, and its preview shown once the site is rebuilt. It uses the
// editor's own functions (app.js, window.menhuEditor).
(function () {
  "use strict";

  var E = window.menhuEditor;
  var $ = function (id) { return document.getElementById(id); };
  // The answer of move_plan for the section chosen; null when there is none (yet).
  var plan = null;
  // The question last asked: an older answer arriving late is dropped.
  var asked = 0;

  // The section's folder of `path` (a bundle's: the folder above its own).
  function sectionOf(path) {
    var moved = path.replace(/\/index\.md$/, "");
    return moved.slice(0, Math.max(0, moved.lastIndexOf("/"))).replace(/^content\/?/, "");
  }

  function openDialog() {
    var page = E.state.page;
    if (!page) return;
    var dialog = $("move-dialog");
    var select = $("move-section");
    var title = page.fields.title || page.path;
    var current = sectionOf(page.path);
    plan = null;
    asked += 1;
    select.textContent = "";
    select.appendChild(new Option("请选择栏目", ""));
    $("move-text").textContent = "正在读取栏目……";
    $("move-plan").hidden = true;
    $("move-name-field").hidden = true;
    $("move-name").value = sessionStorage.getItem("menhu-reviewer") || "";
    $("move-problem").textContent = "";
    E.request("list").then(function (data) {
      if (data.error) { $("move-problem").textContent = data.error; return; }
      var here = current;
      (data.sections || []).forEach(function (s) {
        if (s.key === "") return;
        if (s.key === current) { here = s.title || s.key; return; }
        select.appendChild(new Option(s.title + "（" + s.key + "）", s.key));
      });
      $("move-text").textContent = "「" + title + "」现在在「" + here + "」栏目。选择它应该在的栏目，稿件" +
        (/\/index\.md$/.test(page.path) ? "连同它的照片和附件" : "") + "会移过去，文件名不变。" +
        (E.unsaved() ? "页面上还没保存的修改会先保存。" : "");
    });
    dialog.onclose = function () {
      if (dialog.returnValue === "ok") confirmMove(dialog);
    };
    dialog.returnValue = "";
    dialog.showModal();
    select.focus();
  }

  // What moving to the section chosen will do, from the server.
  function showPlan() {
    var page = E.state.page;
    var to = $("move-section").value;
    var ask = ++asked;
    plan = null;
    $("move-problem").textContent = "";
    $("move-plan").hidden = true;
    $("move-name-field").hidden = true;
    if (!page || !to) return;
    E.request("move_plan?path=" + encodeURIComponent(page.path) + "&to=" + encodeURIComponent(to)).then(function (data) {
      if (ask !== asked) return;
      if (data.error) { $("move-problem").textContent = data.error; return; }
      plan = data;
      var where = "移到「" + data.to.title + "」后，文件是 " + data.new_path + "。";
      var address;
      if (data.alias) {
        address = "这篇稿件已经发布：旧网址 " + data.alias + " 会自动跳转到新网址 " + data.new_url +
          "，别处的链接和收藏不会失效。";
      } else if (page.status === "published" && data.new_url) {
        address = "它的网址不变（" + data.new_url + "）。";
      } else {
        address = "这篇稿件还没有发布，不保留旧网址" + (data.new_url ? "，新网址是 " + data.new_url : "") + "。";
      }
      var linked = data.linked_by || [];
      var links = linked.length ? "下面 " + linked.length + " 篇稿件里链接到它的地方会一起改成新位置：" : "没有别的稿件链接到它。";
      var box = $("move-plan-text");
      box.textContent = "";
      [where, address, links].forEach(function (text) {
        var line = document.createElement("p");
        line.textContent = text;
        box.appendChild(line);
      });
      var items = $("move-items");
      items.textContent = "";
      linked.forEach(function (l) {
        var item = document.createElement("li");
        item.textContent = "「" + l.title + "」（" + l.path + "）";
        items.appendChild(item);
      });
      items.hidden = linked.length === 0;
      $("move-plan").hidden = false;
      $("move-name-field").hidden = !data.commits;
    });
  }

  // Asks again, with why, keeping what was chosen.
  function askAgain(dialog, problem, focus) {
    $("move-problem").textContent = problem;
    dialog.returnValue = "";
    dialog.showModal();
    $(focus).focus();
  }

  function confirmMove(dialog) {
    var chosen = plan;
    if (!chosen) {
      askAgain(dialog, $("move-problem").textContent || "请先选择要移到的栏目", "move-section");
      return;
    }
    var name = $("move-name").value.trim();
    if (chosen.commits && !name) { askAgain(dialog, "请填写你的姓名", "move-name"); return; }
    if (name) sessionStorage.setItem("menhu-reviewer", name);
    // The move is made on the saved file: when saving the edits is refused, nothing moves.
    var first = E.unsaved() ? E.save() : Promise.resolve(true);
    first.then(function (saved) {
      if (!saved || !E.state.page) return null;
      E.say("正在移动……");
      var page = E.state.page;
      return E.request("move", { json: { path: page.path, version: page.version, to: chosen.to.key, name: name } });
    }).then(function (data) {
      if (!data) return;
      if (data.error) { E.say(data.error, true); return; }
      E.say(movedText(data), !!(data.commit && data.commit.error));
      // The page's address in the editor is its new path; the old one is no more.
      history.replaceState(null, "", "#edit=" + encodeURIComponent(data.path));
      E.reopen(data.path, true).then(function () { awaitPreview(data.path, 40); });
    });
  }

  function movedText(data) {
    var text = "已把「" + data.title + "」移到「" + data.to.title + "」（" + data.path + "）。";
    if (data.alias) text += "旧网址 " + data.alias + " 会跳转到新网址。";
    var updated = data.updated || [];
    if (updated.length) text += "已更新 " + updated.length + " 篇稿件里的链接。";
    text += E.commitText(data.commit);
    var left = data.not_committed || [];
    if (left.length) {
      text += left.map(function (l) { return "「" + l.title + "」"; }).join("、") +
        "还有没提交的修改，里面链接的改动没有一起提交，它审核通过时会一起提交。";
    }
    return text;
  }

  // The preview of the new address, once the site is rebuilt with the page there.
  function awaitPreview(path, tries) {
    var page = E.state.page;
    if (!page || page.path !== path || page.preview || tries <= 0) return;
    setTimeout(function () {
      E.request("page?path=" + encodeURIComponent(path)).then(function (data) {
        var now = E.state.page;
        if (!now || now.path !== path) return;
        if (data.preview) { now.preview = data.preview; E.showPreview(data.preview); return; }
        awaitPreview(path, tries - 1);
      });
    }, 500);
  }

  $("move-page").addEventListener("click", openDialog);
  $("move-section").addEventListener("change", showPlan);
  E.move = { open: openDialog };
})();
