// Drives Debian's headless Chromium over the DevTools protocol (--remote-debugging-pipe,
// so no WebSocket library is needed) against a built site folder served from here.
//
//   node tests/browser/cdp.mjs axe  SITE_DIR PORT AXE_JS PATH...   → accessibility check
//   node tests/browser/cdp.mjs shot SITE_DIR PORT OUT_DIR NAME=PATH...  → PNGs at 1280 and 390 px
//   node tests/browser/cdp.mjs tools SITE_DIR PORT PATH OTHER_PATH     → font size / contrast by keyboard
//   node tests/browser/cdp.mjs xss  SITE_DIR PORT MARKER PATH...  → no injected script runs
//   node tests/browser/cdp.mjs fits SITE_DIR PORT PATH...  → each page fits 1280 and 390 px (a
//     phone's width honoured, nothing wider than the screen but inside a scrolling box)
//   node tests/browser/cdp.mjs search SITE_DIR PORT PATH QUERY [QUERY2] → types QUERY, reports as JSON
//     (replaces SITE_DIR/search/build.json on the way, as a rebuild would)
//   node tests/browser/cdp.mjs republish SITE_DIR PORT PATH QUERY NEXT_DIR QUERY2 → loads PATH?q=QUERY,
//     then serves NEXT_DIR instead (the site republished) and searches QUERY2 at once; reports as JSON
//
// The site must have been built with base_url http://127.0.0.1:PORT. A PATH ending in
// "+contrast" is loaded with the high-contrast mode switched on.
// Exit status: 0 clean, 1 serious or critical violations, 2 the check could not run.

import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync, rmSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import { tmpdir } from "node:os";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".xml": "application/xml",
  ".json": "application/json", ".pdf": "application/pdf",
};

// Every request is logged (address and Cache-Control header) in `server.requests`;
// `server.serveFrom(dir)` serves another folder from then on.
function serve(root, port) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url, cacheControl: req.headers["cache-control"] ?? "" });
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(existsSync(join(root, "404.html")) ? readFileSync(join(root, "404.html")) : "404");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  server.requests = requests;
  server.serveFrom = (dir) => { root = dir; };
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

class Browser {
  constructor() {
    this.profile = mkdtempSync(join(tmpdir(), "menhu-chromium-"));
    this.proc = spawn(CHROMIUM, [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-extensions", "--no-first-run", "--hide-scrollbars", "--mute-audio",
      `--user-data-dir=${this.profile}`, "--remote-debugging-pipe", "about:blank",
    ], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
    this.proc.stderr.on("data", () => {});
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    let buffer = Buffer.alloc(0);
    this.proc.stdio[4].on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      let end;
      while ((end = buffer.indexOf(0)) >= 0) {
        const message = JSON.parse(buffer.subarray(0, end).toString("utf8"));
        buffer = buffer.subarray(end + 1);
        this.dispatch(message);
      }
    });
  }

  dispatch(message) {
    if (message.id && this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) reject(new Error(message.error.message)); else resolve(message.result);
    } else if (message.method) {
      this.listeners = this.listeners.filter((l) => !l(message));
    }
  }

  send(method, params = {}, sessionId) {
    const id = this.nextId++;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    this.proc.stdio[3].write(JSON.stringify(message) + "\0");
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      setTimeout(() => { if (this.pending.delete(id)) reject(new Error(`${method} timed out`)); }, 30000);
    });
  }

  waitFor(method, sessionId) {
    return new Promise((resolve) => {
      this.listeners.push((m) => {
        if (m.method === method && m.sessionId === sessionId) { resolve(m.params); return true; }
        return false;
      });
    });
  }

  async open(width) {
    const { targetId } = await this.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
    await this.send("Page.enable", {}, sessionId);
    await this.send("Emulation.setDeviceMetricsOverride",
      { width, height: 900, deviceScaleFactor: 1, mobile: width < 600 }, sessionId);
    return { targetId, sessionId };
  }

  async goto(tab, url) {
    const loaded = this.waitFor("Page.loadEventFired", tab.sessionId);
    await this.send("Page.navigate", { url }, tab.sessionId);
    await loaded;
  }

  async evaluate(tab, expression) {
    const result = await this.send("Runtime.evaluate",
      { expression, awaitPromise: true, returnByValue: true }, tab.sessionId);
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description || "script error");
    return result.result.value;
  }

  // Whether `condition` (an expression) held within 15 s in `tab`, polled every 50 ms.
  until(tab, condition) {
    return this.evaluate(tab, `new Promise((done) => {
      const t0 = Date.now();
      const poll = () => (${condition}) ? done(true) : Date.now() - t0 > 15000 ? done(false) : setTimeout(poll, 50);
      poll();
    })`);
  }

  close() {
    this.proc.kill();
    try { rmSync(this.profile, { recursive: true, force: true }); } catch {}
  }
}

async function runAxe(browser, base, axeSource, paths) {
  const tab = await browser.open(1280);
  let failures = 0;
  for (const entry of paths) {
    const contrast = entry.endsWith("+contrast");
    const path = contrast ? entry.slice(0, -"+contrast".length) : entry;
    await browser.goto(tab, base + path);
    if (contrast) await browser.evaluate(tab, 'document.documentElement.classList.add("high-contrast")');
    await browser.evaluate(tab, axeSource);
    const violations = await browser.evaluate(tab, `axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        resultTypes: ["violations"] }).then(r => r.violations.map(v => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + (n.failureSummary || "").split("\\n").slice(1, 2).join(""))
        })))`);
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const minor = violations.length - serious.length;
    console.log(`${serious.length ? "FAIL" : "ok  "} ${entry}${minor ? `  (${minor} minor/moderate: ${violations.filter((v) => !serious.includes(v)).map((v) => v.id).join(", ")})` : ""}`);
    for (const v of serious) {
      console.log(`     [${v.impact}] ${v.id}: ${v.help}`);
      for (const n of v.nodes) console.log(`         ${n}`);
    }
    failures += serious.length;
  }
  return failures;
}

// Font size and contrast by keyboard: focus a button, press Enter (or Space), then load
// another page and expect the choice to be remembered, with aria-pressed in step.
async function runTools(browser, base, first, second) {
  const tab = await browser.open(1280);
  const press = async (selector, key) => {
    await browser.evaluate(tab, `document.querySelector('${selector}').focus()`);
    const code = key === " " ? "Space" : key;
    for (const type of ["keyDown", "keyUp"]) {
      await browser.send("Input.dispatchKeyEvent", {
        type, key, code, windowsVirtualKeyCode: key === " " ? 32 : 13,
        ...(type === "keyDown" && key === "Enter" ? { text: "\r" } : {}),
      }, tab.sessionId);
    }
  };
  const state = () => browser.evaluate(tab, `JSON.stringify({
      classes: document.documentElement.className,
      shown: !document.querySelector("[data-a11y]").hidden,
      large: document.querySelector('[data-font="large"]').getAttribute("aria-pressed"),
      contrast: document.querySelector("[data-contrast]").getAttribute("aria-pressed") })`);
  await browser.goto(tab, base + first);
  const before = JSON.parse(await state());
  await press('[data-font="large"]', "Enter");
  await press("[data-contrast]", " ");
  const after = JSON.parse(await state());
  await browser.goto(tab, base + second);
  const next = JSON.parse(await state());
  console.log(JSON.stringify({ before, after, next }));
  const ok = before.shown && before.large === "false" && !before.classes.includes("font-large")
    && after.classes.includes("font-large") && after.classes.includes("high-contrast")
    && after.large === "true" && after.contrast === "true"
    && next.classes.includes("font-large") && next.classes.includes("high-contrast")
    && next.large === "true" && next.contrast === "true";
  console.log(ok ? "reading aids work by keyboard and are remembered" : "reading aids FAILED");
  return ok ? 0 : 1;
}

// Hostile front matter must show as text: every page loads with `window.__pwned`
// recording any payload that runs (and alert/confirm/prompt trapped), then is checked
// for injected elements and `javascript:` links, and must show MARKER as text, which
// proves the payload was on the page. A PATH containing "/search/" waits for results.
async function runXss(browser, base, marker, paths) {
  const tab = await browser.open(1280);
  await browser.send("Page.addScriptToEvaluateOnNewDocument", { source: `
    window.__pwned = [];
    for (const f of ["alert", "confirm", "prompt"]) window[f] = (m) => window.__pwned.push(f + ":" + m);
  ` }, tab.sessionId);
  let failures = 0;
  for (const path of paths) {
    await browser.goto(tab, base + path);
    if (path.includes("/search/")) await browser.until(tab, `document.querySelector(".search-result")`);
    // Let onerror handlers of broken images fire.
    await browser.evaluate(tab, "new Promise((done) => setTimeout(done, 300))");
    const report = await browser.evaluate(tab, `JSON.stringify({
      pwned: window.__pwned,
      shown: document.body.innerText.includes(${JSON.stringify(marker)}),
      injected: [...document.querySelectorAll("script")].filter((s) => s.textContent.includes("__pwned")).length
        + document.querySelectorAll("[onerror], [onload]:not(body), [onclick], [onmouseover]").length,
      jsLinks: [...document.querySelectorAll("a[href], area[href], iframe[src], img[src]")]
        .filter((e) => /^\s*(javascript|data|vbscript):/i.test(e.getAttribute("href") || e.getAttribute("src") || "")).length,
      results: document.querySelectorAll(".search-result").length,
    })`);
    const r = JSON.parse(report);
    const bad = r.pwned.length || !r.shown || r.injected || r.jsLinks || (path.includes("/search/") && !r.results);
    console.log(`${bad ? "FAIL" : "ok  "} ${path} ${report}`);
    if (bad) failures += 1;
  }
  return failures;
}

// The search page as a visitor uses it: type QUERY into the box (committed as an input
// method does), read the results, move through them with the arrow keys, narrow them
// with a filter button, load more, open a long filter list, search again after the site
// was rebuilt. Prints one JSON report (with the index files requested) for the caller to
// check.
async function runSearch(browser, base, path, query, unfiltered, { siteDir, server }) {
  const tab = await browser.open(1280);
  // The index's files the page asked for (not its scripts), from the server's log.
  const indexRequests = (from) => server.requests.slice(from)
    .filter((r) => r.url.includes("/search/") && !/\.js(\?|$)|s2t\.json|\/search\/(\?|$)/.test(r.url));
  const key = async (name, code, keyCode) => {
    for (const type of ["keyDown", "keyUp"]) {
      await browser.send("Input.dispatchKeyEvent", {
        type, key: name, code, windowsVirtualKeyCode: keyCode,
        ...(type === "keyDown" && name === "Enter" ? { text: "\r" } : {}),
      }, tab.sessionId);
    }
  };
  const until = (condition) => browser.until(tab, condition);
  const focused = () => browser.evaluate(tab, `(() => {
      const e = document.activeElement;
      return e.id === "search-q" ? "box" : e.closest(".search-result") ? "result " + [...document.querySelectorAll(".search-result a")].indexOf(e) : e.tagName;
    })()`);
  const snapshot = () => browser.evaluate(tab, `JSON.stringify({
      status: document.querySelector(".search-status").textContent,
      live: document.querySelector(".search-status").getAttribute("aria-live"),
      results: document.querySelectorAll(".search-result").length,
      firstTitle: document.querySelector(".search-result h2")?.textContent,
      marks: [...document.querySelectorAll(".search-result mark")].slice(0, 3).map((m) => m.textContent),
      search: decodeURIComponent(location.search),
      moreShown: !document.querySelector(".search-more").hidden,
      landmarks: [...document.querySelectorAll("[role=search]")].map((f) => f.getAttribute("aria-label") ?? ""),
      submitColor: getComputedStyle(document.querySelector(".search-page-form button")).backgroundColor,
    })`);

  const firstRequest = server.requests.length;
  await browser.goto(tab, base + path);
  await until(`document.getElementById("search-q")`);
  await browser.evaluate(tab, `document.getElementById("search-q").focus()`);
  await browser.send("Input.insertText", { text: query }, tab.sessionId);
  await key("Enter", "Enter", 13);
  const found = await until(`document.querySelector(".search-result")`);
  const typed = JSON.parse(await snapshot());
  typed.requests = indexRequests(firstRequest);

  const moves = [];
  for (const [name, code, keyCode] of [["ArrowDown", "ArrowDown", 40], ["ArrowDown", "ArrowDown", 40],
    ["ArrowUp", "ArrowUp", 38], ["Escape", "Escape", 27]]) {
    await key(name, code, keyCode);
    moves.push(`${name}:${await focused()}`);
  }

  // The city facet's box, as an expression for the page.
  const cityFacet = `[...document.querySelectorAll(".search-facet")].find((f) => f.querySelector("legend").textContent === "城市")`;
  // A filter button, pressed from the keyboard: the first value of the city facet.
  const city = await browser.evaluate(tab, `(() => {
      const box = ${cityFacet};
      const button = box?.querySelector("button");
      if (!button) return null;
      button.focus();
      return button.textContent;
    })()`);
  let filtered = null;
  if (city) {
    const before = typed.status;
    await key("Enter", "Enter", 13);
    await until(`document.querySelector(".search-status").textContent !== ${JSON.stringify(before)} && document.querySelector(".search-result")`);
    filtered = JSON.parse(await snapshot());
    filtered.pressed = await browser.evaluate(tab,
      `[...document.querySelectorAll(".search-facet button[aria-pressed=true]")].map((b) => b.textContent)`);
    filtered.focus = await browser.evaluate(tab,
      `document.activeElement.closest(".search-facet") ? document.activeElement.textContent : document.activeElement.tagName`);
    // In the high-contrast mode: the colours of the pressed filter and of an unpressed
    // one, of a marked word and of the words around it.
    filtered.contrast = JSON.parse(await browser.evaluate(tab, `(() => {
        const root = document.documentElement;
        root.classList.add("high-contrast");
        const look = (s) => { const e = document.querySelector(s), c = e && getComputedStyle(e); return c && c.color + " on " + c.backgroundColor; };
        const seen = JSON.stringify({
          pressed: look(".search-facet button[aria-pressed=true]"), unpressed: look(".search-facet button[aria-pressed=false]"),
          excerptMark: look(".search-excerpt mark"), excerpt: look(".search-excerpt"),
          titleMark: look(".search-result h2 mark"), title: look(".search-result h2 a"),
        });
        root.classList.remove("high-contrast");
        return seen;
      })()`));
  }

  // "Show more" from the keyboard, on the unfiltered results.
  await browser.goto(tab, `${base}${path}?q=${encodeURIComponent(query)}`);
  await until(`document.querySelector(".search-result")`);
  const linked = JSON.parse(await snapshot());
  let more = null;
  if (linked.moreShown) {
    await browser.evaluate(tab, `document.querySelector(".search-more").focus()`);
    await key("Enter", "Enter", 13);
    await until(`document.querySelectorAll(".search-result").length > ${linked.results}
      && document.activeElement.closest(".search-result")`);
    more = { results: (JSON.parse(await snapshot())).results, focus: await focused() };
  }
  // A long facet (the cities): its first values, a toggle for the rest opened from the
  // keyboard, a value from the rest chosen, the toggle closed again.
  const facetState = async () => JSON.parse(await browser.evaluate(tab, `(() => {
      const box = ${cityFacet}, toggle = box?.querySelector(".search-facet-more");
      const values = box ? [...box.querySelectorAll("button:not(.search-facet-more)")] : [];
      const e = document.activeElement;
      return JSON.stringify({
        values: values.length,
        visible: values.filter((b) => b.getClientRects().length).length,
        toggle: toggle?.textContent, expanded: toggle?.getAttribute("aria-expanded"),
        focus: values.indexOf(e) >= 0 ? "value " + values.indexOf(e) : e === toggle ? "toggle" : e.tagName,
        pressed: values.filter((b) => b.getAttribute("aria-pressed") === "true").map((b) => b.textContent),
        search: decodeURIComponent(location.search),
      });
    })()`));
  const facet = { closed: await facetState() };
  if (facet.closed.toggle) {
    await browser.evaluate(tab, `${cityFacet}.querySelector(".search-facet-more").focus()`);
    await key("Enter", "Enter", 13);
    facet.opened = await facetState();
    const lastCity = await browser.evaluate(tab, `(() => {
        const values = [...${cityFacet}.querySelectorAll("button:not(.search-facet-more)")];
        const last = values[values.length - 1];
        last.focus();
        return last.textContent;
      })()`);
    await key("Enter", "Enter", 13);
    // The URL changes at once; the redrawn list is what says the search has run.
    await until(`${cityFacet}?.querySelector("[aria-pressed=true]")`);
    facet.chosen = { ...(await facetState()), lastCity };
    await browser.evaluate(tab, `${cityFacet}.querySelector(".search-facet-more").focus()`);
    await key("Enter", "Enter", 13);
    facet.reclosed = await facetState();
    // Unpressed again, the value keeps its place and the focus.
    await browser.evaluate(tab, `${cityFacet}.querySelector("[aria-pressed=true]").focus()`);
    await key("Enter", "Enter", 13);
    await until(`!${cityFacet}?.querySelector("[aria-pressed=true]")`);
    facet.unpressed = await facetState();
  }
  // On a phone the filters fold away, so the first result is on the first screen.
  const phone = await browser.open(390);
  await browser.goto(phone, `${base}${path}?q=${encodeURIComponent(query)}`);
  await browser.until(phone, `document.querySelector(".search-result")`);
  const narrow = JSON.parse(await browser.evaluate(phone, `JSON.stringify({
      filtersOpen: document.querySelector(".search-filters")?.open,
      summary: document.querySelector(".search-filters > summary")?.textContent,
      firstResultOnScreen: (document.querySelector(".search-result")?.getBoundingClientRect().bottom ?? 1e9) <= innerHeight,
    })`));
  // 「/」 typed into another box of the page (the header's search box) is a character
  // there, not the shortcut to the results' box.
  let slash = null;
  if (await browser.evaluate(tab, `!!document.querySelector("input:not(#search-q)")`)) {
    await browser.evaluate(tab, `document.querySelector("input:not(#search-q)").focus()`);
    for (const type of ["keyDown", "keyUp"]) {
      await browser.send("Input.dispatchKeyEvent", {
        type, key: "/", code: "Slash", windowsVirtualKeyCode: 191, ...(type === "keyDown" ? { text: "/" } : {}),
      }, tab.sessionId);
    }
    slash = JSON.parse(await browser.evaluate(tab, `JSON.stringify({
        focus: document.activeElement.id, value: document.activeElement.value })`));
  }
  // A query whose results offer no filter: the results keep their wide column.
  let alone = null;
  if (unfiltered) {
    await browser.goto(tab, `${base}${path}?q=${encodeURIComponent(unfiltered)}`);
    await until(`document.querySelector(".search-result")`);
    alone = JSON.parse(await browser.evaluate(tab, `JSON.stringify({
      results: document.querySelectorAll(".search-result").length,
      filters: document.querySelectorAll(".search-facet").length,
      resultLeft: document.querySelector(".search-result")?.getBoundingClientRect().left,
      formLeft: document.querySelector(".search-page-form").getBoundingClientRect().left,
    })`));
  }
  // The site rebuilt while the page stays open: a minute later, a search asks which
  // build is current and opens the new one.
  writeFileSync(join(siteDir, "search/build.json"), JSON.stringify({ build: "0123456789abcdef" }));
  const beforeRebuild = server.requests.length;
  await browser.evaluate(tab, `(() => {
      const now = Date.now;
      Date.now = () => now() + 61e3;
      document.getElementById("search-q").value = ${JSON.stringify(unfiltered || query)};
      document.querySelector(".search-page-form").requestSubmit();
    })()`);
  // Until the results' stored text has been asked for (or 15 s).
  for (const t0 = Date.now(); Date.now() - t0 < 15000; await new Promise((r) => setTimeout(r, 50))) {
    if (indexRequests(beforeRebuild).some((r) => r.url.includes("/t/"))) break;
  }
  const rebuilt = indexRequests(beforeRebuild);
  console.log(JSON.stringify({ found, typed, moves, city, filtered, linked, more, facet, narrow, slash, alone, rebuilt }));
  return 0;
}

// A search page left open while the whole site is replaced by its next build: the next
// search, within the minute in which the page does not ask which build is current.
async function runRepublish(browser, base, path, query, nextDir, nextQuery, { server }) {
  const tab = await browser.open(1280);
  const titles = () => browser.evaluate(tab, `JSON.stringify({
      status: document.querySelector(".search-status").textContent,
      titles: [...document.querySelectorAll(".search-result h2")].map((h) => h.textContent),
    })`);
  await browser.goto(tab, `${base}${path}?q=${encodeURIComponent(query)}`);
  await browser.until(tab, `document.querySelector(".search-result")`);
  const before = JSON.parse(await titles());
  server.serveFrom(nextDir);
  const republished = server.requests.length;
  await browser.evaluate(tab, `(() => {
      document.getElementById("search-q").value = ${JSON.stringify(nextQuery)};
      document.querySelector(".search-page-form").requestSubmit();
    })()`);
  // Settled: a message, or results drawn for the new query (an old index's count shows
  // before its stored text turns out to be of the next build).
  await browser.until(tab, `(() => {
      const status = document.querySelector(".search-status").textContent;
      if (status.startsWith("正在")) return false;
      if (!status.startsWith("找到")) return true;
      return [...document.querySelectorAll(".search-result mark")].some((m) => m.textContent === ${JSON.stringify(nextQuery)});
    })()`);
  const after = JSON.parse(await titles());
  const requests = server.requests.slice(republished).map((r) => r.url).filter((u) => u.includes("/search/"));
  console.log(JSON.stringify({ before, after, requests }));
  return 0;
}

async function runShots(browser, base, outDir, entries) {
  for (const width of [1280, 390]) {
    const tab = await browser.open(width);
    for (const entry of entries) {
      const [name, target] = entry.split("=");
      const contrast = target.endsWith("+contrast");
      await browser.goto(tab, base + (contrast ? target.slice(0, -"+contrast".length) : target));
      if (contrast) await browser.evaluate(tab, 'document.documentElement.classList.add("high-contrast")');
      const { cssContentSize } = await browser.send("Page.getLayoutMetrics", {}, tab.sessionId);
      const height = Math.min(Math.ceil(cssContentSize.height), Number(process.env.SHOT_MAX_HEIGHT || 6000));
      const { data } = await browser.send("Page.captureScreenshot", {
        format: "png", captureBeyondViewport: true,
        clip: { x: 0, y: 0, width, height, scale: 1 },
      }, tab.sessionId);
      const file = join(outDir, `${name}-${width}.png`);
      writeFileSync(file, Buffer.from(data, "base64"));
      console.log(file);
    }
  }
}

// 图片新闻 by keyboard: the next button (Enter) and the arrow keys on the focused row
// move it; the pause button says whether it turns by itself. Under
// prefers-reduced-motion it starts paused; otherwise it turns until paused.
async function runCarousel(browser, base, path) {
  const press = async (tab, selector, key, code, keyCode) => {
    await browser.evaluate(tab, `document.querySelector('${selector}').focus()`);
    for (const type of ["keyDown", "keyUp"]) {
      await browser.send("Input.dispatchKeyEvent", {
        type, key, code, windowsVirtualKeyCode: keyCode,
        ...(type === "keyDown" && key === "Enter" ? { text: "\r" } : {}),
      }, tab.sessionId);
    }
  };
  const state = (tab) => browser.evaluate(tab, `JSON.stringify({
      pressed: document.querySelector("[data-carousel-pause]").getAttribute("aria-pressed"),
      shown: !document.querySelector("[data-carousel-pause]").hidden,
      label: document.querySelector("[data-carousel-pause]").innerText,
      left: Math.round(document.querySelector("[data-carousel-track]").scrollLeft),
      current: [...document.querySelectorAll(".carousel-dots a")].findIndex((a) => a.getAttribute("aria-current") === "true") })`);
  const still = await browser.open(1280);
  await browser.send("Emulation.setEmulatedMedia",
    { features: [{ name: "prefers-reduced-motion", value: "reduce" }] }, still.sessionId);
  await browser.goto(still, base + path);
  const reduced = JSON.parse(await state(still));
  await press(still, '[data-carousel-step="1"]', "Enter", "Enter", 13);
  const stepped = await browser.until(still, 'document.querySelector("[data-carousel-track]").scrollLeft > 10');
  // The second photo's number is then the one marked as shown.
  const marked = await browser.until(still,
    '[...document.querySelectorAll(".carousel-dots a")].findIndex((a) => a.getAttribute("aria-current") === "true") === 1');
  await browser.evaluate(still, 'document.querySelector("[data-carousel-track]").scrollLeft = 0');
  await press(still, "[data-carousel-track]", "ArrowRight", "ArrowRight", 39);
  const arrowed = await browser.until(still, 'document.querySelector("[data-carousel-track]").scrollLeft > 0');
  const moving = await browser.open(1280);
  await browser.goto(moving, base + path);
  const playing = JSON.parse(await state(moving));
  await press(moving, "[data-carousel-pause]", "Enter", "Enter", 13);
  const paused = JSON.parse(await state(moving));
  console.log(JSON.stringify({ reduced, stepped, marked, arrowed, playing, paused }));
  const ok = reduced.shown && reduced.pressed === "true" && reduced.current === 0 && stepped && marked && arrowed
    && playing.pressed === "false" && paused.pressed === "true";
  console.log(ok ? "the photo block works by keyboard and pauses" : "FAIL: the photo block");
  return ok ? 0 : 1;
}

// A page fits a width when the browser lays it out at that width (on a phone, only a
// page with a viewport meta tag is) and no element sticks out of it, except inside a
// box that scrolls on its own (a wide table in its scroll container).
async function runFits(browser, base, paths) {
  let failures = 0;
  for (const width of [1280, 390]) {
    const tab = await browser.open(width);
    for (const path of paths) {
      await browser.goto(tab, base + path);
      const report = JSON.parse(await browser.evaluate(tab, `JSON.stringify({
        layout: window.innerWidth,
        page: document.documentElement.scrollWidth,
        outside: [...document.body.querySelectorAll("*")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((e) => !e.parentElement.closest("[data-scroll]"))
          .map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : "")).slice(0, 5),
      })`));
      const ok = report.layout === width && report.page <= width && report.outside.length === 0;
      if (!ok) failures += 1;
      console.log(`${ok ? "fits" : "FAIL"} ${width}px ${path}: ${JSON.stringify(report)}`);
    }
  }
  console.log(failures ? `${failures} page(s) do not fit` : "every page fits");
  return failures ? 1 : 0;
}

async function main() {
  const [mode, siteDir, port, extra, ...rest] = process.argv.slice(2);
  if (!mode || !siteDir || !port || !extra) {
    console.error("usage: cdp.mjs axe SITE_DIR PORT AXE_JS PATH... | shot SITE_DIR PORT OUT_DIR NAME=PATH... | tools SITE_DIR PORT PATH OTHER_PATH | carousel SITE_DIR PORT PATH | search SITE_DIR PORT PATH QUERY [QUERY2] | republish SITE_DIR PORT PATH QUERY NEXT_DIR QUERY2");
    return 2;
  }
  const server = await serve(siteDir, Number(port));
  const browser = new Browser();
  const base = `http://127.0.0.1:${port}`;
  try {
    await browser.send("Browser.getVersion");
    if (mode === "axe") {
      const failures = await runAxe(browser, base, readFileSync(extra, "utf8"), rest);
      console.log(failures ? `${failures} serious or critical violation(s)` : "no serious or critical violations");
      return failures ? 1 : 0;
    }
    if (mode === "carousel") return await runCarousel(browser, base, extra);
    if (mode === "fits") return await runFits(browser, base, [extra, ...rest]);
    if (mode === "tools") return await runTools(browser, base, extra, rest[0]);
    if (mode === "search") return await runSearch(browser, base, extra, rest[0], rest[1], { siteDir, server });
    if (mode === "republish") return await runRepublish(browser, base, extra, rest[0], rest[1], rest[2], { server });
    if (mode === "xss") {
      const failures = await runXss(browser, base, extra, rest);
      console.log(failures ? `${failures} page(s) ran or showed injected markup` : "no injected script ran");
      return failures ? 1 : 0;
    }
    await runShots(browser, base, extra, rest);
    return 0;
  } finally {
    browser.close();
    server.close();
  }
}

main().then((code) => process.exit(code), (e) => { console.error(`browser check failed: ${e.message}`); process.exit(2); });
