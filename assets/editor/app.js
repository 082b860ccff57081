// menhu's online editor (在线编辑): the content list, the front-matter form, the body in
// Vditor, photos, saving with conflict detection, the review workflow, deleting pages
// and the files beside them into the recycle bin (回收站) and restoring them, moving a page
// to another section (移动到其他栏目). It talks only to
// its own origin (/_menhu/edit/api/), sending the session token with every request;
// the preview is another origin, shown in a frame.
(function () {
  "use strict";

  var TOKEN = document.querySelector('meta[name="menhu-token"]').content;
  var API = "/_menhu/edit/api/";
  var STATUS = { draft: "草稿", review: "待审", scheduled: "定时发布", published: "已发布" };
  var TEXT_KEYS = ["title", "author", "source", "editor", "city", "org", "series", "cover"];
  // Whole numbers: written to the file as numbers, not text.
  var NUMBER_KEYS = ["series_index"];
  var FLAG_KEYS = ["draft", "headline", "pin"];

  var LEAVE_QUESTION = "这篇稿件还有没保存的修改，离开后这些修改会丢失。\n点「确定」放弃修改并离开；点「取消」留在这里，保存后再走。";

  var $ = function (id) { return document.getElementById(id); };
  var state = { pages: [], sections: [], page: null, vditor: null, baseline: null, linkBase: "" };
  // What the content security policy blocked, for the tests: nothing, when all is well.
  var blocked = [];
  document.addEventListener("securitypolicyviolation", function (e) {
    blocked.push(e.violatedDirective + " " + e.blockedURI);
  });

  function request(route, options) {
    options = options || {};
    var headers = { "X-Menhu-Token": TOKEN };
    var body = options.body;
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.type) {
      headers["Content-Type"] = options.type;
    }
    var method = body === undefined ? "GET" : "POST";
    return fetch(API + route, { method: method, headers: headers, body: body, credentials: "same-origin" })
      .then(function (response) {
        return response.json().catch(function () { return { error: "服务器没有回答（" + response.status + "）" }; })
          .then(function (data) { data.httpStatus = response.status; return data; });
      }, function () { return { error: "连接不上编辑服务，请确认 menhu serve --edit 还在运行", httpStatus: 0 }; });
  }

  function say(text, isError) {
    var message = $("message");
    message.textContent = text;
    message.className = isError ? "error" : "";
  }

  // ---- routes -------------------------------------------------------------------
  function route() {
    // The hash changed already: going back to the page keeps what is typed in it.
    if (unsaved() && !confirm(LEAVE_QUESTION)) {
      history.replaceState(null, "", "#edit=" + encodeURIComponent(state.page.path));
      return;
    }
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash.indexOf("edit=") === 0) return openPage(hash.slice(5));
    if (hash.indexOf("url=") === 0) {
      return request("locate?url=" + encodeURIComponent(hash.slice(4))).then(function (data) {
        if (data.path) location.replace("#edit=" + encodeURIComponent(data.path));
        else { showList(""); $("list-count").textContent = "这个页面不是由一篇稿件生成的（如栏目列表），请在列表里选择稿件。"; }
      });
    }
    if (hash === "trash") return showTrash();
    showList(hash === "queue" ? "review" : "");
  }

  function showView(name) {
    $("list-view").hidden = name !== "list";
    $("edit-view").hidden = name !== "edit";
    $("trash-view").hidden = name !== "trash";
    if (name !== "list") $("list-notice").hidden = true;
  }

  // ---- the list -----------------------------------------------------------------
  function showList(status) {
    showView("list");
    $("list-title").textContent = status === "review" ? "待审稿件" : "全部稿件";
    $("f-status").value = status;
    return loadList();
  }

  function loadList() {
    return request("list").then(function (data) {
      if (data.error) { $("list-count").textContent = data.error; return; }
      state.pages = data.pages;
      state.sections = data.sections;
      fillSections();
      renderList();
    });
  }

  function sectionTitle(key) {
    for (var i = 0; i < state.sections.length; i++) {
      if (state.sections[i].key === key) return state.sections[i].title || key;
    }
    return key || "首页";
  }

  function fillSections() {
    [["f-section", true], ["n-section", false]].forEach(function (pair) {
      var select = $(pair[0]);
      var kept = select.value;
      select.textContent = "";
      if (pair[1]) select.appendChild(new Option("全部栏目", ""));
      state.sections.forEach(function (s) {
        if (!pair[1] && s.key === "") return;
        select.appendChild(new Option(s.title + "（" + (s.key || "首页") + "）", s.key));
      });
      select.value = kept;
    });
    var waiting = state.pages.filter(function (p) { return p.status === "review"; }).length;
    $("queue-count").textContent = waiting ? "（" + waiting + "）" : "";
  }

  function renderList() {
    var section = $("f-section").value, status = $("f-status").value;
    var q = $("f-q").value.trim().toLowerCase();
    var shown = state.pages.filter(function (p) {
      return (!section || p.section === section || p.section.indexOf(section + "/") === 0) &&
        (!status || p.status === status) &&
        (!q || p.title.toLowerCase().indexOf(q) >= 0 || p.path.toLowerCase().indexOf(q) >= 0);
    });
    var list = $("pages");
    list.textContent = "";
    shown.forEach(function (p) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#edit=" + encodeURIComponent(p.path);
      link.textContent = p.title;
      var meta = document.createElement("span");
      meta.className = "meta-line";
      meta.textContent = sectionTitle(p.section) + " · " + (p.date ? p.date.slice(0, 16).replace("T", " ") : "无日期");
      var badge = document.createElement("span");
      badge.className = "badge " + p.status;
      badge.textContent = STATUS[p.status];
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "small";
      remove.textContent = "删除";
      remove.setAttribute("aria-label", "删除「" + p.title + "」");
      remove.addEventListener("click", function () { deleteListed(p.path); });
      item.appendChild(link);
      item.appendChild(badge);
      item.appendChild(meta);
      item.appendChild(remove);
      list.appendChild(item);
    });
    $("list-count").textContent = "共 " + shown.length + " 篇（从新到旧）";
  }

  // ---- a page -------------------------------------------------------------------
  function openPage(path) {
    showView("edit");
    $("open-error").hidden = true;
    $("edit-grid").hidden = false;
    say("正在打开……");
    return request("page?path=" + encodeURIComponent(path)).then(function (data) {
      if (data.error) { cannotOpen(path, data.error); return; }
      state.page = data;
      state.commits = !!data.commits;
      fillForm(data);
      loadFiles();
      startBodyEditor(data);
      showPreview(data.preview);
      showProblems();
      say("");
      $("edit-title").focus && $("edit-title").setAttribute("tabindex", "-1");
    });
  }

  // A page that cannot be opened: why, in place of the form, which would otherwise
  // still show (and save into) the page opened before.
  function cannotOpen(path, error) {
    state.page = null;
    $("edit-title").textContent = "打不开这篇稿件";
    $("edit-path").textContent = path;
    $("edit-status").hidden = true;
    $("edit-grid").hidden = true;
    $("open-error").textContent = error;
    $("open-error").hidden = false;
    say("");
  }

  function textOf(value) {
    if (value === undefined || value === null) return "";
    if (Array.isArray(value)) return value.join("、");
    return String(value);
  }

  function fillForm(page) {
    $("edit-title").textContent = page.fields.title ? "编辑：" + page.fields.title : "编辑稿件";
    $("edit-path").textContent = page.path;
    var badge = $("edit-status");
    badge.textContent = STATUS[page.status];
    badge.className = "badge " + page.status;
    badge.hidden = false;
    TEXT_KEYS.forEach(function (key) { $("m-" + key).value = textOf(page.fields[key]); });
    $("m-tags").value = textOf(page.fields.tags);
    NUMBER_KEYS.forEach(function (key) { $("m-" + key).value = textOf(page.fields[key]); });
    FLAG_KEYS.forEach(function (key) {
      var value = page.fields[key];
      $("m-" + key).checked = value === true || (typeof value === "number");
    });
    $("m-date").value = page.date_local || "";
    $("h-date").textContent = "按网站时区（" + page.zone + "）填写";
    var known = TEXT_KEYS.concat(FLAG_KEYS, NUMBER_KEYS, ["tags", "date", "status"]);
    var other = $("other");
    other.textContent = "";
    Object.keys(page.fields).forEach(function (key) {
      if (known.indexOf(key) < 0) addOther(key, JSON.stringify(page.fields[key]));
    });
    page.other.forEach(function (pair) { addOther(pair[0], pair[1]); });
    $("other-box").hidden = other.children.length === 0;
    $("submit-review").hidden = page.status === "review";
    $("approve").hidden = page.status !== "review";
    $("return").hidden = page.status !== "review";
    $("undo").disabled = !page.can_undo;
    $("notes-box").hidden = !page.notes;
    $("notes").textContent = page.notes;
    state.initial = formValues();
    loadChoices();
  }

  function addOther(key, text) {
    var item = document.createElement("li");
    var code = document.createElement("code");
    code.textContent = key + " = " + text;
    item.appendChild(code);
    $("other").appendChild(item);
  }

  function splitTags(text) {
    return text.split(/[,，、;；]/).map(function (t) { return t.trim(); }).filter(Boolean);
  }

  function formValues() {
    var values = {};
    TEXT_KEYS.forEach(function (key) { values[key] = $("m-" + key).value.trim(); });
    values.tags = JSON.stringify(splitTags($("m-tags").value));
    NUMBER_KEYS.forEach(function (key) { values[key] = $("m-" + key).value.trim(); });
    FLAG_KEYS.forEach(function (key) { values[key] = $("m-" + key).checked; });
    values.date = $("m-date").value;
    return values;
  }

  // Only what changed is sent: the server edits those keys and nothing else.
  function changedFields() {
    var now = formValues(), before = state.initial, fields = {}, dateLocal = null;
    TEXT_KEYS.forEach(function (key) {
      if (now[key] !== before[key]) fields[key] = now[key] === "" ? null : now[key];
    });
    if (now.tags !== before.tags) {
      var tags = JSON.parse(now.tags);
      fields.tags = tags.length ? tags : null;
    }
    FLAG_KEYS.forEach(function (key) {
      if (now[key] !== before[key]) fields[key] = now[key] ? true : null;
    });
    var wrong = null;
    NUMBER_KEYS.forEach(function (key) {
      if (now[key] === before[key]) return;
      var digits = now[key].replace(/[０-９]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0xFEE0); });
      if (digits === "") fields[key] = null;
      else if (/^[0-9]{1,9}$/.test(digits)) fields[key] = parseInt(digits, 10);
      else wrong = key;
    });
    if (now.date !== before.date && now.date) dateLocal = now.date;
    return { fields: fields, dateLocal: dateLocal, wrong: wrong };
  }

  function startBodyEditor(page) {
    if (state.vditor) { state.vditor.destroy(); state.vditor = null; }
    state.baseline = null;
    var holder = $("body-editor");
    holder.textContent = "";
    state.linkBase = page.files_base;
    state.vditor = new Vditor("body-editor", {
      cdn: "/_menhu/edit/vditor",
      lang: "zh_CN",
      icon: "ant",
      mode: "ir",
      value: page.body,
      height: 520,
      minHeight: 320,
      cache: { enable: false },
      counter: { enable: true },
      tab: "  ",
      placeholder: "在这里写正文。照片可以直接拖进来或粘贴。",
      toolbar: ["headings", "bold", "italic", "strike", "|", "list", "ordered-list", "quote", "table", "link",
        "upload", "|", "undo", "redo", "|", "edit-mode", "fullscreen"],
      toolbarConfig: { pin: false },
      preview: {
        hljs: { enable: false },
        // Photos beside the page are shown from the site's folder by the editor itself:
        // at once, and also those too large to be published as they are.
        markdown: { linkBase: page.files_base, toc: false },
        theme: { current: "light", path: "/_menhu/edit/vditor/dist/css/content-theme" },
        math: { inlineDigit: true },
      },
      upload: {
        accept: "image/jpeg,image/png,image/webp,image/gif,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps,.ofd,.zip,.rar,.7z",
        multiple: true,
        handler: uploadFiles,
      },
      after: function () {
        state.baseline = state.vditor.getValue();
        // Vditor labels its upload button on a plain div (not allowed) and leaves the
        // file field unnamed: the name goes on the field.
        var upload = holder.querySelector('[data-type="upload"]');
        var picker = upload && upload.querySelector('input[type="file"]');
        if (picker) {
          picker.setAttribute("aria-label", "上传照片或附件");
          upload.setAttribute("title", upload.getAttribute("aria-label") || "上传");
          upload.removeAttribute("aria-label");
        }
        var area = holder.querySelector(".vditor-ir .vditor-reset");
        if (area) { area.setAttribute("aria-label", "正文"); area.setAttribute("role", "textbox"); area.setAttribute("aria-multiline", "true"); }
      },
    });
  }

  // ---- pasting from Word and web pages ---------------------------------------------
  // What is pasted is mended before Vditor makes Markdown of it, and the paste then goes
  // on as Vditor does it:
  // - A Markdown table has no merged cells: a table pasted from Word or Excel with a
  //   cell spanning rows or columns lost the span, and every cell after it moved one
  //   column to the left (「展览」 under 「梧州」's column). The spans are opened into
  //   empty cells, so each cell stays in its column.
  // - A picture held in the pasted text itself (`data:image/png;base64,…`, as web
  //   editors and Word for Mac copy them) became a broken address under the editor's
  //   own (`/_menhu/edit/files/…/data:image/…`). It is uploaded beside the page instead,
  //   as a photo dropped in, its description asked for.
  // - Word writes a numbered paragraph's number as text followed by spaces
  //   (`1.&nbsp;&nbsp;&nbsp;&nbsp;`), which Markdown read as a list holding code, and
  //   everything pasted after it went into that list. The number stays text, as 一、
  //   and （一） do, without the spaces; Word's bullets become a list.
  // - The 落款 Word right-aligns at the end (the organisation, then the date) becomes one
  //   paragraph, its lines kept apart, which the site shows right-aligned.
  // - A paragraph indented with spaces (`&nbsp;&nbsp;&nbsp; 为进一步…`, as Word keeps
  //   typed spaces and many portals indent) became four spaces or more in Markdown, which
  //   is a code block: the spaces at the start are left out (the site indents each
  //   paragraph itself), and a 落款 pushed right with spaces is then seen as one.
  // - Word's outline headings (「一、总体要求」 in 黑体, 「（一）工作目标」 in 楷体) are
  //   paragraphs set in another font, which Markdown cannot tell from text: the page
  //   had no contents for them and `menhu check` warned (C0123). A short line numbered
  //   so, without a sentence's end, becomes a heading (`##`, and `###` for （一）).
  // - Word's heading styles (标题 1, 标题 2) come as `<h1>`, `<h2>`: a `#` heading in the
  //   body is a second page title, shown in the browser's largest type. When the paste
  //   has one, every heading goes one level down (`#` to `##`, `##` to `###`).
  // - A Word document copied whole brings its title along, which the page then showed
  //   twice (as the page's title and again as the body's first line): a first
  //   paragraph the same as the title field is left out.
  var repasting = false;

  function fileOfDataUrl(url) {
    var m = /^data:(image\/(png|jpeg|jpg|gif|webp));base64,([\s\S]*)$/i.exec(url);
    if (!m) return null;
    var bytes;
    try {
      bytes = Uint8Array.from(atob(m[3].replace(/\s+/g, "")), function (c) { return c.charCodeAt(0); });
    } catch (_) {
      return null;
    }
    var extension = { png: "png", jpeg: "jpg", jpg: "jpg", gif: "gif", webp: "webp" }[m[2].toLowerCase()];
    return new File([bytes], "粘贴的图片." + extension, { type: m[1].toLowerCase() });
  }

  function unmergeTable(table) {
    var open = []; // per column: rows a cell from above still covers
    var changed = false;
    Array.prototype.forEach.call(table.rows, function (row) {
      var given = Array.prototype.slice.call(row.cells);
      var cells = [];
      var column = 0;
      var filler = function () {
        var tag = given.length ? given[0].tagName : "TD";
        return row.ownerDocument.createElement(tag);
      };
      while (given.length || open.slice(column).some(function (n) { return n > 0; })) {
        if (open[column] > 0) {
          open[column] -= 1;
          cells.push(filler());
          column += 1;
          continue;
        }
        if (!given.length) { cells.push(filler()); column += 1; continue; }
        var cell = given.shift();
        var down = Math.max(1, Math.min(cell.rowSpan || 1, 1000));
        var across = Math.max(1, Math.min(cell.colSpan || 1, 1000));
        if (down > 1 || across > 1) changed = true;
        cell.removeAttribute("rowspan");
        cell.removeAttribute("colspan");
        cells.push(cell);
        for (var k = 1; k < across; k += 1) cells.push(filler());
        for (var c = column; c < column + across; c += 1) open[c] = down - 1;
        column += across;
      }
      cells.forEach(function (cell) { row.appendChild(cell); });
    });
    return changed;
  }

  // Whether a list marker Word wrote is a number (1. 一、 （一） a) ①) rather than a bullet.
  function isNumberMarker(marker) {
    return /[0-9\uff10-\uff19\u3007\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u2460-\u2473]/.test(marker) ||
      /^[(\uff08]?[A-Za-z\u2160-\u217f]{1,4}[.)\uff0e\u3001\uff09]$/.test(marker);
  }

  // Word's list paragraphs: the number kept as text without the spaces after it, the
  // bullets made a list. Returns whether anything changed.
  function unwrapWordLists(doc) {
    var lists = [];
    var changed = false;
    Array.prototype.forEach.call(doc.querySelectorAll("[style]"), function (marker) {
      if (!/mso-list\s*:\s*ignore/i.test(marker.getAttribute("style")) || !marker.isConnected) return;
      var text = (marker.textContent || "").replace(/[\s\u00a0]+/g, "");
      var paragraph = marker.closest("p, h1, h2, h3, h4, h5, h6");
      changed = true;
      if (isNumberMarker(text) || !paragraph) {
        marker.replaceWith(doc.createTextNode(text));
        return;
      }
      marker.remove();
      var item = doc.createElement("li");
      while (paragraph.firstChild) item.appendChild(paragraph.firstChild);
      var before = paragraph.previousElementSibling;
      var list = lists.indexOf(before) >= 0 ? before : null;
      if (!list) {
        list = doc.createElement("ul");
        lists.push(list);
        paragraph.parentNode.insertBefore(list, paragraph);
      }
      list.appendChild(item);
      paragraph.remove();
    });
    return changed;
  }

  function rightAligned(paragraph) {
    return /text-align\s*:\s*right/i.test(paragraph.getAttribute("style") || "") ||
      (paragraph.getAttribute("align") || "").toLowerCase() === "right";
  }

  // The right-aligned paragraphs that end what Word copied (a 落款) joined into one, a
  // line break between them. Returns whether anything changed.
  function joinSignature(doc) {
    var blocks = doc.body.querySelectorAll("p, table, ul, ol, h1, h2, h3, h4, h5, h6, img");
    var lines = [];
    for (var i = blocks.length - 1; i >= 0; i -= 1) {
      var block = blocks[i];
      if (block.closest("table, li") && block.tagName !== "TABLE") continue;
      var empty = block.tagName === "P" && !/[^\s\u00a0]/.test(block.textContent || "") && !block.querySelector("img");
      if (empty) continue;
      if (block.tagName !== "P" || !rightAligned(block)) break;
      lines.unshift(block);
    }
    if (lines.length < 2) return false;
    var first = lines[0];
    lines.slice(1).forEach(function (line) {
      first.appendChild(doc.createElement("br"));
      while (line.firstChild) first.appendChild(line.firstChild);
      line.remove();
    });
    return true;
  }

  // The pasted text's first paragraph left out when it is the page's title. Returns
  // whether it was.
  function dropTitle(doc) {
    var squeeze = function (text) { return (text || "").replace(/[\s\u00a0\u3000]+/g, ""); };
    var title = squeeze($("m-title").value);
    if (!title) return false;
    var blocks = doc.body.querySelectorAll("p, h1, h2, h3, h4, h5, h6, table, ul, ol, img");
    for (var i = 0; i < blocks.length; i += 1) {
      var block = blocks[i];
      var text = squeeze(block.textContent);
      if (/^(P|H\d)$/.test(block.tagName) && !text && !block.querySelector("img")) continue;
      if (!/^(P|H\d)$/.test(block.tagName) || text !== title) return false;
      // The title pasted alone is what the editor meant to paste.
      var more = Array.prototype.slice.call(blocks, i + 1).some(function (after) {
        return !block.contains(after) && (squeeze(after.textContent) || after.tagName === "IMG" || after.querySelector("img"));
      });
      if (!more) return false;
      block.remove();
      return true;
    }
    return false;
  }

  // Every heading one level down when the paste has a first-level one. Returns whether
  // it had.
  function lowerHeadings(doc) {
    if (!doc.body.querySelector("h1")) return false;
    Array.prototype.forEach.call(doc.body.querySelectorAll("h1, h2, h3, h4, h5"), function (heading) {
      var lower = doc.createElement("h" + (Number(heading.tagName.charAt(1)) + 1));
      while (heading.firstChild) lower.appendChild(heading.firstChild);
      heading.replaceWith(lower);
    });
    return true;
  }

  // The outline headings written as paragraphs made headings, as `menhu check` (C0123)
  // tells them: 「一、」 a second level, 「（一）」 a third, 30 characters at most, not
  // ending as a sentence does. Returns whether there were any.
  function outlineHeadings(doc) {
    var changed = false;
    Array.prototype.forEach.call(doc.body.querySelectorAll("p"), function (paragraph) {
      if (paragraph.closest("table, li, blockquote")) return;
      var text = (paragraph.textContent || "").replace(/[\s\u00a0\u3000]+/g, " ").trim();
      var m = /^(?:([一二三四五六七八九十]{1,3}、)|([（(][一二三四五六七八九十]{1,3}[）)]))\s*(\S.*)$/.exec(text);
      if (!m || text.length > 30 || /[。；：，！？;:,]$/.test(text) || paragraph.querySelector("img, a")) return;
      var heading = doc.createElement(m[1] ? "h2" : "h3");
      heading.textContent = (m[1] || m[2]) + m[3];
      paragraph.replaceWith(heading);
      changed = true;
    });
    return changed;
  }

  // Spaces at the start of each paragraph left out, and those after a number that opens
  // it. Returns whether any were there.
  function trimParagraphStarts(doc) {
    var changed = false;
    var number = /^(\d{1,9}[.)\uff0e])[ \t\u00a0]+(?=\S)/;
    Array.prototype.forEach.call(doc.body.querySelectorAll("p, li, h1, h2, h3, h4, h5, h6"), function (block) {
      if (block.closest("pre, code")) return;
      var paragraph = block.tagName === "P";
      var afterNumber = false; // the text so far is a number alone (「2.」 in a span of its own)
      var walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === 1) {
          if (/^(BR|IMG)$/.test(node.tagName)) return;
          continue;
        }
        var rest = node.data.replace(/^[ \t\r\n\u00a0]+/, "");
        // A number typed with a space after it (「1. 各市科协」, 「2) 日程」) stays text, as
        // Word's own numbers do, rather than start a Markdown list.
        if (paragraph) rest = rest.replace(number, "$1").replace(/^(\d{1,9}[.)\uff0e])[ \t\u00a0]+$/, "$1");
        if (rest !== node.data) { node.data = rest; changed = true; }
        if (!rest) continue;
        if (afterNumber || !paragraph || !/^\d{1,9}[.)\uff0e]$/.test(rest)) return;
        afterNumber = true;
      }
    });
    return changed;
  }

  // The editor shows the page's photos from its own address (`/_menhu/edit/files/…`),
  // which Vditor also put before every relative address in pasted text, writing it into
  // the page (`[附件](/_menhu/edit/files/content/news/fujian.pdf)`): it is left out
  // while a paste is made Markdown of.
  function withoutLinkBase() {
    var lute = state.vditor && state.vditor.vditor && state.vditor.vditor.lute;
    if (!lute) return;
    lute.SetLinkBase("");
    setTimeout(function () { lute.SetLinkBase(state.linkBase); }, 0);
  }

  function preparePaste(e) {
    var data = e.clipboardData;
    if (repasting || !data) return;
    var html = data.getData("text/html");
    if (!html) return;
    withoutLinkBase();
    var doc = new DOMParser().parseFromString(html, "text/html");
    var changed = dropTitle(doc);
    if (lowerHeadings(doc)) changed = true;
    if (unwrapWordLists(doc)) changed = true;
    if (trimParagraphStarts(doc)) changed = true;
    if (outlineHeadings(doc)) changed = true;
    if (joinSignature(doc)) changed = true;
    Array.prototype.forEach.call(doc.querySelectorAll("table"), function (table) {
      if (unmergeTable(table)) changed = true;
    });
    var pictures = [];
    var unreadable = 0;
    Array.prototype.forEach.call(doc.querySelectorAll("img"), function (img) {
      var src = img.getAttribute("src") || "";
      if (!/^\s*data:/i.test(src)) return;
      var file = fileOfDataUrl(src.trim());
      if (file) {
        file.menhuAlt = (img.getAttribute("alt") || "").trim();
        pictures.push(file);
      } else {
        unreadable += 1;
      }
      img.remove();
      changed = true;
    });
    if (!changed) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    var again = new DataTransfer();
    Array.prototype.forEach.call(data.types, function (type) {
      if (type !== "Files" && type !== "text/html") again.setData(type, data.getData(type));
    });
    again.setData("text/html", doc.documentElement.outerHTML);
    repasting = true;
    try {
      e.target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: again, bubbles: true, cancelable: true }));
    } finally {
      repasting = false;
    }
    if (pictures.length > 0) uploadFiles(pictures);
    else if (unreadable > 0) say("粘贴的内容里有 " + unreadable + " 张图片不是 JPEG、PNG、WebP 或 GIF，没有放进正文：请另存为图片文件，再拖进来。", true);
  }

  // Whether the page open in the form has edits not saved yet.
  function unsaved() {
    if (!state.page || $("edit-view").hidden) return false;
    var change = changedFields();
    return bodyIfChanged() !== null || change.wrong !== null || change.dateLocal !== null ||
      Object.keys(change.fields).length > 0;
  }

  function bodyIfChanged() {
    if (!state.vditor || state.baseline === null) return null;
    var value = state.vditor.getValue();
    return value === state.baseline ? null : value;
  }

  function showPreview(url) {
    var frame = $("preview");
    if (url) {
      if (frame.getAttribute("src") !== url) frame.setAttribute("src", url);
      frame.hidden = false;
      $("preview-none").hidden = true;
    } else {
      frame.hidden = true;
      $("preview-none").hidden = false;
    }
  }

  // ---- saving -------------------------------------------------------------------
  // Resolves to true when the file now holds what the form shows, false when the save
  // was refused (the edits stay in the form).
  function save(force) {
    if (!state.page) return Promise.resolve(false);
    var change = changedFields();
    if (change.wrong) {
      $("p-" + change.wrong).textContent = "请填写数字，如 3";
      $("m-" + change.wrong).setAttribute("aria-invalid", "true");
      $("m-" + change.wrong).focus();
      say("有一项填写得不对，请看标红的说明。", true);
      return Promise.resolve(false);
    }
    var body = bodyIfChanged();
    var message = { path: state.page.path, version: force || state.page.version, fields: change.fields };
    if (change.dateLocal) message.date_local = change.dateLocal;
    if (body !== null) message.body = body;
    say("正在保存……");
    return request("save", { json: message }).then(function (data) {
      if (data.httpStatus === 409) { conflict(data, body); return false; }
      if (data.error) { say(data.error, true); return false; }
      say(data.changed ? "已保存。预览会在生成后自动更新。" : "没有修改，文件保持原样。");
      if (data.changed) $("undo").disabled = false;
      return reopen(data.path, true).then(function () { return true; });
    });
  }

  function reopen(path, keepMessage) {
    var message = $("message").textContent;
    return openPage(path).then(function () {
      if (keepMessage) say(message);
      setTimeout(showProblems, 1500);
      setTimeout(showProblems, 4000);
    });
  }

  function conflict(data, body) {
    var dialog = $("conflict-dialog");
    $("conflict-text").textContent = data.error;
    $("conflict-disk").value = data.current;
    $("conflict-mine").value = body !== null ? body : (state.vditor ? state.vditor.getValue() : "");
    say(data.error, true);
    dialog.onclose = function () {
      if (dialog.returnValue === "mine") save(data.version);
      else if (dialog.returnValue === "theirs") openPage(state.page.path);
    };
    dialog.showModal();
  }

  function undo() {
    request("undo", { json: { path: state.page.path } }).then(function (data) {
      if (data.error) { say(data.error, true); return; }
      $("undo").disabled = true;
      say("已撤销上次保存。");
      reopen(data.path, true);
    });
  }

  // ---- review -------------------------------------------------------------------
  function review(action, comment, reviewer) {
    // A review step is taken on the saved file: when saving the edits first is refused,
    // the step waits (the edits stay in the form, with the reason shown).
    var first = unsaved() ? save() : Promise.resolve(true);
    return first.then(function (saved) {
      if (!saved) return null;
      return request("review", { json: { path: state.page.path, version: state.page.version, action: action, comment: comment || "", reviewer: reviewer || "" } });
    }).then(function (data) {
      if (!data) return;
      if (data.error) { say(data.error, true); return; }
      var done = { submit: "已送审，等待审核。", approve: "审核通过，稿件将在发布时间发布。", "return": "已退回修改。" };
      var text = done[action];
      if (data.commit && data.commit.id) text += "已提交到版本库（" + data.commit.id + "）。";
      if (data.commit && data.commit.error) text += data.commit.error + "。";
      say(text, !!(data.commit && data.commit.error));
      reopen(data.path, true);
    });
  }

  // The reviewer's name is kept for this browser tab (sessionStorage), and is the
  // commit's author with --edit-commit.
  function askApprove() {
    var dialog = $("approve-dialog");
    var commits = state.page && state.page.commits;
    $("approve-name").value = rememberedName();
    $("approve-name").required = !!commits;
    $("approve-hint").textContent = commits ? "提交到版本库时记为作者；本次打开编辑器期间会记住" : "记在审核记录里；本次打开编辑器期间会记住";
    $("approve-problem").textContent = "";
    dialog.onclose = function () {
      if (dialog.returnValue !== "ok") return;
      var name = $("approve-name").value.trim();
      if (commits && !name) {
        $("approve-problem").textContent = "请填写审核人姓名";
        dialog.showModal();
        $("approve-name").focus();
        return;
      }
      rememberName(name);
      review("approve", name ? "审核人：" + name : "", name);
    };
    dialog.showModal();
    $("approve-name").focus();
  }

  function askReturn() {
    var dialog = $("return-dialog");
    $("return-comment").value = "";
    dialog.onclose = function () {
      if (dialog.returnValue === "ok") review("return", $("return-comment").value);
    };
    dialog.showModal();
  }

  // ---- photos -------------------------------------------------------------------
  // Resolves to the description written, or null when the editor chose not to add the
  // photo (「不加这张照片」 or Escape). A description is required: readers who cannot see
  // the photo hear it, and `menhu check` reports a photo without one (C0105).
  function askAlt(name, suggested) {
    return new Promise(function (resolve) {
      var dialog = $("alt-dialog");
      $("alt-text").value = suggested || "";
      $("alt-problem").textContent = "";
      $("alt-title").textContent = "照片说明：" + name;
      dialog.onclose = function () {
        if (dialog.returnValue !== "ok") { resolve(null); return; }
        var alt = $("alt-text").value.trim();
        if (!alt) {
          $("alt-problem").textContent = "请写一句照片说明；不想加这张照片时点「不加这张照片」";
          dialog.returnValue = "";
          dialog.showModal();
          $("alt-text").focus();
          return;
        }
        resolve(alt);
      };
      dialog.returnValue = "";
      dialog.showModal();
    });
  }

  function uploadFiles(files) {
    var chain = Promise.resolve();
    Array.prototype.forEach.call(files, function (file) {
      chain = chain.then(function () { return uploadOne(file); });
    });
    return chain.then(loadFiles).then(function () { return null; });
  }

  // Where the cursor is in the body, if it is there.
  function editorPlace() {
    var area = document.querySelector("#body-editor .vditor-ir .vditor-reset");
    var selection = getSelection();
    if (!area || selection.rangeCount === 0) return null;
    var range = selection.getRangeAt(0);
    return area.contains(range.startContainer) ? range.cloneRange() : null;
  }

  function backTo(place) {
    var area = document.querySelector("#body-editor .vditor-ir .vditor-reset");
    if (!area || !place || !area.contains(place.startContainer)) return;
    area.focus();
    var selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(place);
  }

  // A photo's description is asked before it is sent, so that a photo the editor
  // decides not to add (「不加这张照片」) is never uploaded: nothing is left beside the
  // page, which stays a single file.
  function uploadOne(file) {
    var picture = /\.(jpe?g|png|webp|gif)$/i.test(file.name);
    // The dialog takes the focus: the picture goes where the cursor was, and Vditor shows
    // it as a picture only when the cursor is back in the body.
    var place = picture ? editorPlace() : null;
    var asked = picture ? askAlt(file.name, file.menhuAlt) : Promise.resolve("");
    return asked.then(function (alt) {
      if (alt === null) {
        backTo(place);
        say("没有加入照片「" + file.name + "」。");
        return;
      }
      return send(file, alt, place);
    });
  }

  function send(file, alt, place) {
    say("正在上传「" + file.name + "」……");
    var route = "upload?path=" + encodeURIComponent(state.page.path) + "&name=" + encodeURIComponent(file.name) +
      "&version=" + encodeURIComponent(state.page.version);
    return request(route, { body: file, type: file.type || "application/octet-stream" }).then(function (data) {
      if (data.httpStatus === 413) { say("「" + file.name + "」太大了（最大 20 MB），请先缩小再上传。", true); return; }
      if (data.error) { say(data.error, true); return; }
      if (data.path !== state.page.path) {
        state.page.path = data.path;
        $("edit-path").textContent = data.path;
        history.replaceState(null, "", "#edit=" + encodeURIComponent(data.path));
        // The page became a folder: its photos are in it now.
        state.linkBase = data.files_base;
        state.vditor.vditor.lute.SetLinkBase(data.files_base);
      }
      if (!data.picture) {
        state.vditor.insertValue("[" + file.name + "](" + data.file + ")");
        say("已加入附件「" + data.file + "」，保存后生效。");
        return;
      }
      backTo(place);
      state.vditor.insertValue("![" + alt.replace(/[\[\]]/g, "") + "](" + data.file + ")");
      say("已加入照片「" + data.file + "」，保存后生效。");
    });
  }

  // ---- links to other pages ------------------------------------------------------
  // The picker lists pages and sections and inserts `[title](@/news/x.md)`: an `@/`
  // link names the file, so it keeps working when the page's address changes.
  var linkTargets = [];

  function openLinkPicker() {
    var dialog = $("link-dialog");
    $("link-q").value = "";
    $("link-results").textContent = "";
    $("link-count").textContent = "正在读取稿件列表……";
    dialog.onclose = function () { $("insert-link").focus(); };
    dialog.showModal();
    $("link-q").focus();
    request("list").then(function (data) {
      if (data.error) { $("link-count").textContent = data.error; return; }
      // Pages (newest first), then sections.
      linkTargets = (data.pages || []).filter(function (p) {
        return !state.page || p.path !== state.page.path;
      }).map(function (p) { return { title: p.title, path: p.path, kind: STATUS[p.status] }; })
        .concat((data.sections || []).map(function (s) {
          var file = "content/" + (s.key ? s.key + "/" : "") + "_index.md";
          return { title: s.title || s.key || "首页", path: file, kind: "栏目" };
        }));
      showLinkResults();
    });
  }

  function showLinkResults() {
    var q = $("link-q").value.trim().toLowerCase();
    var found = linkTargets.filter(function (t) {
      return !q || t.title.toLowerCase().indexOf(q) >= 0 || t.path.toLowerCase().indexOf(q) >= 0;
    });
    var list = $("link-results");
    list.textContent = "";
    found.slice(0, 30).forEach(function (t) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link-choice";
      button.setAttribute("data-path", t.path);
      var title = document.createElement("span");
      title.textContent = t.title;
      var where = document.createElement("span");
      where.className = "meta-line";
      where.textContent = t.kind + " · " + t.path.replace(/^content\//, "");
      button.appendChild(title);
      button.appendChild(where);
      button.addEventListener("click", function () { insertLink(t); });
      item.appendChild(button);
      list.appendChild(item);
    });
    $("link-count").textContent = found.length ? "找到 " + found.length + " 项" + (found.length > 30 ? "，显示前 30 项，请再多输入几个字" : "") + "。按 Tab 键移到结果上，回车插入。" : "没有找到，换个词试试。";
  }

  function insertLink(target) {
    var text = target.title.replace(/[\[\]]/g, "");
    state.vditor.insertValue("[" + text + "](@/" + target.path.replace(/^content\//, "") + ")");
    $("link-dialog").close();
    say("已插入到「" + text + "」的链接，保存后生效。");
  }

  // ---- completion and problems ----------------------------------------------------
  var cityTimer = null;
  function cityChanged() {
    clearTimeout(cityTimer);
    cityTimer = setTimeout(function () {
      var q = $("m-city").value.trim();
      request("cities?q=" + encodeURIComponent(q)).then(function (data) {
        var list = $("city-options");
        list.textContent = "";
        (data.options || []).forEach(function (o) { list.appendChild(new Option(o.label, o.value)); });
        var hint = "";
        if (q && !data.known && data.suggestions && data.suggestions.length) hint = "没有找到「" + q + "」，是不是「" + data.suggestions.join("」「") + "」？";
        else if (q && !data.known && !(data.options || []).length) hint = "没有找到「" + q + "」这个地名";
        $("h-city").textContent = hint;
      });
    }, 200);
  }

  function fillOptions(id, values) {
    var list = $(id);
    list.textContent = "";
    values.forEach(function (v) { list.appendChild(new Option(v, v)); });
  }

  function loadChoices() {
    request("choices").then(function (data) {
      fillOptions("tag-options", data.tags || []);
      fillOptions("org-options", data.orgs || []);
      state.series = data.series || [];
      fillOptions("series-options", state.series.map(function (s) { return s.name; }));
    });
  }

  // Choosing a series suggests the next number in it, when none is written yet.
  function seriesChanged() {
    var name = $("m-series").value.trim();
    var found = (state.series || []).filter(function (s) { return s.name === name; })[0];
    $("h-series_index").textContent = found ? "这个系列的下一篇是第 " + found.next + " 篇" : "第几篇，填数字，如 3";
    if (found && !$("m-series_index").value.trim()) $("m-series_index").value = String(found.next);
  }

  function showProblems() {
    if (!state.page) return;
    request("problems?path=" + encodeURIComponent(state.page.path)).then(function (data) {
      document.querySelectorAll(".problem").forEach(function (p) {
        if (p.id.indexOf("p-") === 0) p.textContent = "";
      });
      document.querySelectorAll("#meta-form [aria-invalid]").forEach(function (i) { i.removeAttribute("aria-invalid"); });
      var list = $("problem-list");
      list.textContent = "";
      (data.problems || []).forEach(function (p) {
        var text = (p.error ? "错误：" : "提醒：") + p.message + (p.help ? "（" + p.help + "）" : "");
        var field = p.key && $("p-" + p.key);
        if (field) {
          field.textContent = text;
          var input = $("m-" + p.key);
          if (input && p.error) input.setAttribute("aria-invalid", "true");
        }
        var item = document.createElement("li");
        item.className = p.error ? "error" : "warning";
        item.textContent = (p.line ? "第 " + p.line + " 行：" : "") + text;
        list.appendChild(item);
      });
      $("problems").hidden = !(data.problems || []).length;
    });
  }

  // ---- new page -----------------------------------------------------------------
  function newPage() {
    var dialog = $("new-dialog");
    $("n-title").value = "";
    $("n-problem").textContent = "";
    var chosen = $("f-section").value;
    if (chosen) $("n-section").value = chosen;
    dialog.onclose = function () {
      if (dialog.returnValue !== "ok") return;
      request("new", { json: { section: $("n-section").value, title: $("n-title").value } }).then(function (data) {
        if (data.error) {
          $("n-problem").textContent = data.error;
          dialog.showModal();
          return;
        }
        location.hash = "#edit=" + encodeURIComponent(data.path);
      });
    };
    dialog.showModal();
  }

  // ---- deleting, and the recycle bin (回收站) ------------------------------------------
  // Nothing is erased: a page (with its photos, when it is a folder) or a file beside it
  // goes to the bin, from which 「恢复」 puts it back. The question says what breaks:
  // the pages linking to the page, the body still showing a photo.
  var USE = { body: "正文中使用", cover: "封面", settings: "设置中写着" };

  // The name of who approves, deletes or moves, asked once while the editor is open.
  function rememberedName() {
    return sessionStorage.getItem("menhu-reviewer") || "";
  }

  function rememberName(name) {
    if (name) sessionStorage.setItem("menhu-reviewer", name);
  }

  function sizeText(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / 1024 / 1024).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  function commitText(commit) {
    if (commit && commit.id) return "已提交到版本库（" + commit.id + "）。";
    if (commit && commit.error) return commit.error + "。";
    return "";
  }

  // Resolves to the name given (empty when none is asked) once confirmed, null when not.
  function askDelete(o) {
    return new Promise(function (resolve) {
      var dialog = $("delete-dialog");
      $("delete-title").textContent = o.title;
      $("delete-text").textContent = o.text;
      $("delete-warning-text").textContent = o.warning || "";
      var items = $("delete-items");
      items.textContent = "";
      (o.items || []).forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        items.appendChild(item);
      });
      $("delete-warning").hidden = !o.warning;
      $("delete-name-field").hidden = !o.askName;
      $("delete-name").value = rememberedName();
      $("delete-problem").textContent = "";
      $("delete-ok").textContent = o.ok;
      $("delete-ok").className = o.restore ? "primary" : "danger";
      dialog.onclose = function () {
        if (dialog.returnValue !== "ok") { resolve(null); return; }
        var name = $("delete-name").value.trim();
        if (o.askName && !name) {
          $("delete-problem").textContent = "请填写你的姓名";
          dialog.returnValue = "";
          dialog.showModal();
          $("delete-name").focus();
          return;
        }
        rememberName(name);
        resolve(o.askName ? name : "");
      };
      dialog.returnValue = "";
      dialog.showModal();
      // The safe answer has the focus: Enter never deletes by mistake.
      (o.askName ? $("delete-name") : $("delete-cancel")).focus();
    });
  }

  // 删除稿件 in the page's editor.
  function deletePage() {
    if (!state.page) return;
    confirmDelete(state.page, unsaved(), say).then(function (data) {
      if (!data) return;
      // The page is gone: leaving it asks nothing.
      state.page = null;
      location.hash = "#list";
    });
  }

  // 删除 in the list: the page as it is on disk now.
  function deleteListed(path) {
    var tell = function (text, isError) {
      showNotice(text, null);
      $("list-notice").classList.toggle("error", !!isError);
    };
    request("page?path=" + encodeURIComponent(path)).then(function (page) {
      if (page.error) { tell(page.error, true); return null; }
      return confirmDelete(page, false, tell);
    }).then(function (data) {
      if (data) loadList();
    });
  }

  // Asks about `page` (as the API's `page` answers it), deletes it when confirmed, and
  // says so above the list. Resolves to the answer, or null.
  function confirmDelete(page, dropsEdits, tell) {
    var title = page.fields.title || page.path;
    var bundle = /\/index\.md$/.test(page.path);
    return request("references?path=" + encodeURIComponent(page.path)).then(function (refs) {
      if (refs.error) { tell(refs.error, true); return null; }
      var linked = refs.linked_by || [];
      return askDelete({
        title: "删除稿件「" + title + "」",
        text: "确定删除「" + title + "」吗？稿件" + (bundle ? "连同它的照片和附件" : "") +
          "会移到回收站，网站上不再发布；需要时可以在「回收站」里恢复。" +
          (dropsEdits ? "页面上还没保存的修改不会保留。" : ""),
        warning: linked.length ? "有 " + linked.length + " 篇稿件链接到这篇稿件。删除后这些链接会失效，网站会生成失败（E0210），直到把这些链接改掉或删掉：" : "",
        items: linked.map(function (l) { return "「" + l.title + "」（" + l.path + "）"; }),
        askName: !!refs.commits,
        ok: "删除稿件",
      });
    }).then(function (name) {
      if (name === null || name === undefined) return null;
      tell("正在删除……");
      return request("delete", { json: { path: page.path, version: page.version, name: name } }).then(function (data) {
        if (data.error) { tell(data.error, true); return null; }
        $("list-notice").classList.remove("error");
        showNotice("已把「" + title + "」移到回收站。" + commitText(data.commit), data.deleted);
        return data;
      });
    });
  }

  // The notice above the list after a deletion, with 「恢复」 to take it back at once.
  function showNotice(text, entry) {
    $("list-notice-text").textContent = text;
    $("list-notice-undo").hidden = !entry;
    $("list-notice").hidden = false;
    state.lastDeleted = entry;
  }

  function usedNow(file) {
    if (file.used) return file.used;
    var body = state.vditor ? state.vditor.getValue() : "";
    return body.indexOf("(" + file.name + ")") >= 0 || body.indexOf("(<" + file.name + ">)") >= 0 ? "body" : null;
  }

  function loadFiles() {
    if (!state.page) return Promise.resolve();
    var path = state.page.path;
    return request("files?path=" + encodeURIComponent(path)).then(function (data) {
      if (!state.page || state.page.path !== path) return;
      var files = data.files || [];
      var list = $("file-list");
      list.textContent = "";
      files.forEach(function (f) {
        var item = document.createElement("li");
        if (f.picture) {
          var img = document.createElement("img");
          img.src = state.linkBase + encodeURIComponent(f.name);
          img.alt = "";
          img.loading = "lazy";
          item.appendChild(img);
        }
        var name = document.createElement("span");
        name.className = "name";
        name.textContent = f.name + " · " + sizeText(f.size);
        item.appendChild(name);
        var use = usedNow(f);
        if (use) {
          var badge = document.createElement("span");
          badge.className = "badge used";
          badge.textContent = USE[use];
          item.appendChild(badge);
        }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "danger";
        button.textContent = "删除";
        button.setAttribute("aria-label", "删除「" + f.name + "」");
        button.addEventListener("click", function () { deleteFile(f); });
        item.appendChild(button);
        list.appendChild(item);
      });
      $("files-box").hidden = files.length === 0;
    });
  }

  function deleteFile(f) {
    var page = state.page;
    if (!page) return;
    var kind = f.picture ? "照片" : "附件";
    var use = usedNow(f);
    var warning = {
      body: "正文里还在用这个" + kind + "：删除后正文中的它会显示不出来（打不开）。请同时把它从正文里删掉。",
      cover: "它是这篇稿件的封面：删除后请在「封面图片」里另选一张或清空。",
      settings: "稿件的设置里（如附件列表）还写着它：删除后请同时改掉那里。",
    }[use] || "";
    askDelete({
      title: "删除" + kind + "「" + f.name + "」",
      text: "确定删除稿件「" + (page.fields.title || page.path) + "」旁边的" + kind + "「" + f.name + "」吗？它会移到回收站，需要时可以在「回收站」里恢复。",
      warning: warning,
      askName: !!page.commits,
      ok: "删除" + kind,
    }).then(function (name) {
      if (name === null) return;
      return request("delete_file", { json: { path: page.path, file: f.name, version: page.version, name: name } }).then(function (data) {
        if (data.error) { say(data.error, true); return; }
        say("已把「" + f.name + "」移到回收站。" + commitText(data.commit));
        return loadFiles();
      });
    });
  }

  // Restores `entry`, asking the name first when its deletion was committed.
  function restoreEntry(entry) {
    var ask = state.commits && entry.committed ? askDelete({
      title: "恢复「" + (entry.kind === "file" ? entry.path.split("/").pop() : entry.title) + "」",
      text: "它会放回原处（" + entry.path + "），并提交到网站的版本库。",
      askName: true,
      restore: true,
      ok: "恢复",
    }) : Promise.resolve("");
    return ask.then(function (name) {
      if (name === null) return null;
      return request("restore", { json: { id: entry.id, name: name } });
    });
  }

  function restoredText(data) {
    var e = data.restored;
    var what = e.kind === "file" ? "「" + e.path.split("/").pop() + "」" : "「" + e.title + "」";
    return "已恢复" + what + "，放回了原处（" + e.path + "）。" + commitText(data.commit);
  }

  function showTrash() {
    showView("trash");
    $("trash-message").textContent = "";
    return loadTrash();
  }

  function loadTrash() {
    return request("trash").then(function (data) {
      var list = $("trash-list");
      list.textContent = "";
      if (data.error) { $("trash-message").textContent = data.error; return; }
      state.commits = !!data.commits;
      var entries = data.entries || [];
      entries.forEach(function (e) {
        var item = document.createElement("li");
        var title = document.createElement("span");
        title.className = "grow";
        var name = e.path.split("/").pop();
        var kind = e.kind !== "file" ? "稿件" : /\.(jpe?g|png|webp|gif)$/i.test(name) ? "照片" : "附件";
        title.textContent = e.kind === "file" ? name + "（稿件「" + e.title + "」的" + kind + "）" : e.title;
        var badge = document.createElement("span");
        badge.className = "badge draft";
        badge.textContent = kind;
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = "恢复";
        button.setAttribute("aria-label", "恢复「" + (e.kind === "file" ? name : e.title) + "」");
        button.addEventListener("click", function () {
          restoreEntry(e).then(function (done) {
            if (!done) return;
            var message = $("trash-message");
            if (done.error) { message.textContent = done.error; message.className = "error"; return; }
            message.className = "";
            message.textContent = restoredText(done);
            var open = document.createElement("a");
            open.href = "#edit=" + encodeURIComponent(done.page);
            open.textContent = "打开稿件";
            message.appendChild(document.createTextNode(" "));
            message.appendChild(open);
            loadTrash();
          });
        });
        var meta = document.createElement("span");
        meta.className = "meta-line path";
        meta.textContent = "删除于 " + e.deleted + " · 原来的位置：" + e.path;
        item.appendChild(title);
        item.appendChild(badge);
        item.appendChild(button);
        item.appendChild(meta);
        list.appendChild(item);
      });
      if (!entries.length) {
        var none = document.createElement("li");
        none.textContent = "回收站是空的。";
        list.appendChild(none);
      }
    });
  }

  // ---- moving to another section (移动到其他栏目) ------------------------------------
  // The editor chooses the section the page belongs in, reads what the move will do
  // (where the file goes, the old address kept for a published page, the pages whose
  // links are updated) and confirms; the page is then opened at its new path, and its
  // preview shown once the site is rebuilt.
  // The answer of move_plan for the section chosen; null when there is none (yet).
  var movePlan = null;
  // The question last moveAsked: an older answer arriving late is dropped.
  var moveAsked = 0;

  // The section's folder of `path` (a bundle's: the folder above its own).
  function sectionOf(path) {
    var moved = path.replace(/\/index\.md$/, "");
    return moved.slice(0, Math.max(0, moved.lastIndexOf("/"))).replace(/^content\/?/, "");
  }

  function askMove() {
    var page = state.page;
    if (!page) return;
    var dialog = $("move-dialog");
    var select = $("move-section");
    var title = page.fields.title || page.path;
    var current = sectionOf(page.path);
    movePlan = null;
    moveAsked += 1;
    select.textContent = "";
    select.appendChild(new Option("请选择栏目", ""));
    $("move-text").textContent = "正在读取栏目……";
    $("move-plan").hidden = true;
    $("move-name-field").hidden = true;
    $("move-name").value = rememberedName();
    $("move-problem").textContent = "";
    request("list").then(function (data) {
      if (data.error) { $("move-problem").textContent = data.error; return; }
      var here = current;
      (data.sections || []).forEach(function (s) {
        if (s.key === "") return;
        if (s.key === current) { here = s.title || s.key; return; }
        select.appendChild(new Option(s.title + "（" + s.key + "）", s.key));
      });
      $("move-text").textContent = "「" + title + "」现在在「" + here + "」栏目。选择它应该在的栏目，稿件" +
        (/\/index\.md$/.test(page.path) ? "连同它的照片和附件" : "") + "会移过去，文件名不变。" +
        (unsaved() ? "页面上还没保存的修改会先保存。" : "");
    });
    dialog.onclose = function () {
      if (dialog.returnValue === "ok") confirmMove(dialog);
    };
    dialog.returnValue = "";
    dialog.showModal();
    select.focus();
  }

  // What moving to the section chosen will do, from the server.
  function showMovePlan() {
    var page = state.page;
    var to = $("move-section").value;
    var ask = ++moveAsked;
    movePlan = null;
    $("move-problem").textContent = "";
    $("move-plan").hidden = true;
    $("move-name-field").hidden = true;
    if (!page || !to) return;
    request("move_plan?path=" + encodeURIComponent(page.path) + "&to=" + encodeURIComponent(to)).then(function (data) {
      if (ask !== moveAsked) return;
      if (data.error) { $("move-problem").textContent = data.error; return; }
      movePlan = data;
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
  function askMoveAgain(dialog, problem, focus) {
    $("move-problem").textContent = problem;
    dialog.returnValue = "";
    dialog.showModal();
    $(focus).focus();
  }

  function confirmMove(dialog) {
    var chosen = movePlan;
    if (!chosen) {
      askMoveAgain(dialog, $("move-problem").textContent || "请先选择要移到的栏目", "move-section");
      return;
    }
    var name = $("move-name").value.trim();
    if (chosen.commits && !name) { askMoveAgain(dialog, "请填写你的姓名", "move-name"); return; }
    rememberName(name);
    // The move is made on the saved file: when saving the edits is refused, nothing moves.
    var first = unsaved() ? save() : Promise.resolve(true);
    first.then(function (saved) {
      if (!saved || !state.page) return null;
      say("正在移动……");
      var page = state.page;
      return request("move", { json: { path: page.path, version: page.version, to: chosen.to.key, name: name } });
    }).then(function (data) {
      if (!data) return;
      if (data.error) { say(data.error, true); return; }
      say(movedText(data), !!(data.commit && data.commit.error));
      // The page's address in the editor is its new path; the old one is no more.
      history.replaceState(null, "", "#edit=" + encodeURIComponent(data.path));
      reopen(data.path, true).then(function () { awaitPreview(data.path, 40); });
    });
  }

  function movedText(data) {
    var text = "已把「" + data.title + "」移到「" + data.to.title + "」（" + data.path + "）。";
    if (data.alias) text += "旧网址 " + data.alias + " 会跳转到新网址。";
    var updated = data.updated || [];
    if (updated.length) text += "已更新 " + updated.length + " 篇稿件里的链接。";
    text += commitText(data.commit);
    var left = data.not_committed || [];
    if (left.length) {
      text += left.map(function (l) { return "「" + l.title + "」"; }).join("、") +
        "还有没提交的修改，里面链接的改动没有一起提交，它审核通过时会一起提交。";
    }
    return text;
  }

  // The preview of the new address, once the site is rebuilt with the page there.
  function awaitPreview(path, tries) {
    var page = state.page;
    if (!page || page.path !== path || page.preview || tries <= 0) return;
    setTimeout(function () {
      request("page?path=" + encodeURIComponent(path)).then(function (data) {
        var now = state.page;
        if (!now || now.path !== path) return;
        if (data.preview) { now.preview = data.preview; showPreview(data.preview); return; }
        awaitPreview(path, tries - 1);
      });
    }, 500);
  }


  // ---- wiring -------------------------------------------------------------------
  $("f-section").addEventListener("change", renderList);
  $("f-status").addEventListener("change", renderList);
  $("f-q").addEventListener("input", renderList);
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  $("new-page").addEventListener("click", newPage);
  $("save").addEventListener("click", function () { save(); });
  $("submit-review").addEventListener("click", function () { review("submit"); });
  $("approve").addEventListener("click", askApprove);
  $("return").addEventListener("click", askReturn);
  $("undo").addEventListener("click", undo);
  $("delete-page").addEventListener("click", deletePage);
  $("move-page").addEventListener("click", askMove);
  $("move-section").addEventListener("change", showMovePlan);
  $("list-notice-undo").addEventListener("click", function () {
    var entry = state.lastDeleted;
    if (!entry) return;
    restoreEntry(entry).then(function (done) {
      if (!done) return;
      if (done.error) { showNotice(done.error, entry); $("list-notice").classList.add("error"); return; }
      $("list-notice").classList.remove("error");
      showNotice(restoredText(done), null);
      // The button is gone: the focus goes to what it did.
      $("list-notice").focus();
      loadList();
    });
  });
  $("m-city").addEventListener("input", cityChanged);
  $("insert-link").addEventListener("click", openLinkPicker);
  $("link-q").addEventListener("input", showLinkResults);
  $("link-q").addEventListener("keydown", function (e) {
    // Enter in the search box takes the first result; it never submits the dialog.
    if (e.key !== "Enter") return;
    e.preventDefault();
    var first = document.querySelector("#link-results .link-choice");
    if (first) first.click();
  });
  $("m-series").addEventListener("change", seriesChanged);
  $("body-editor").addEventListener("paste", preparePaste, true);
  $("toggle-preview").addEventListener("click", function () {
    var box = $("preview-box");
    var open = box.classList.toggle("open");
    this.setAttribute("aria-expanded", open ? "true" : "false");
    this.textContent = open ? "隐藏预览" : "显示预览";
  });
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === "s" && !$("edit-view").hidden) { e.preventDefault(); save(); }
  });
  window.addEventListener("hashchange", route);
  // Closing or reloading the tab with edits not saved: the browser asks first.
  window.addEventListener("beforeunload", function (e) {
    if (!unsaved()) return;
    e.preventDefault();
    e.returnValue = "";
  });
  window.menhuEditor = { state: state, save: save, review: review, upload: uploadFiles, blocked: blocked, files: loadFiles };
  route();
})();
