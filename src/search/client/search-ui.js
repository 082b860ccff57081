// menhu search page: the form, filters with counts, results with highlighted excerpts,
// keyboard navigation and ?q= in the URL. Finds the index beside itself, so the site
// works from a sub-path. Renders text with textContent only: no HTML from the index.
import { openIndex, currentBuild, fetchLoader, resultUrl, MAX_QUERY_CHARS } from './search-core.js';

const here = new URL('./', import.meta.url), root = new URL('../', import.meta.url);
const PAGE = 10;
const NAMES = { section: '栏目', province: '省份', city: '城市', tag: '标签', year: '年份', level: '机构级别' };
const app = document.getElementById('search-app');
const el = (tag, props = {}, ...kids) => { const e = Object.assign(document.createElement(tag), props); e.append(...kids); return e; };

const input = el('input', { type: 'search', id: 'search-q', name: 'q', autocomplete: 'off' });
const inputLabel = el('label', { htmlFor: 'search-q', className: 'visually-hidden' });
const submit = el('button', { type: 'submit' });
const form = el('form', { className: 'search-page-form', role: 'search' }, inputLabel, input, submit);
const status = el('p', { className: 'search-status', role: 'status' });
status.setAttribute('aria-live', 'polite');
const facetsBox = el('div', { className: 'search-facets' });
// The filters fold away on narrow screens, out of the results' way; the panel keeps its
// grid column even when empty.
const filtersTitle = el('summary', { hidden: true });
const filtersPanel = el('details', { className: 'search-filters' }, filtersTitle, facetsBox);
const wide = matchMedia('(min-width: 40.01rem)');
filtersPanel.open = wide.matches;
wide.addEventListener('change', () => { filtersPanel.open = wide.matches; });
const list = el('ol', { className: 'search-results' });
const more = el('button', { type: 'button', className: 'search-more', hidden: true });
app.append(form, status, el('div', { className: 'search-body' }, filtersPanel, el('div', {}, list, more)));

// The Traditional copy shares the (Simplified) index: results link to its pages and
// show in Traditional by s2t.json (docs/search.md), which keeps the text's length.
const traditional = /^zh-(hant|tw|hk|mo)/i.test(document.documentElement.lang);
let s2t = null, phrases = new Map(), longest = 0, scriptTable = null;
function script(text) {
  if (!s2t) return text;
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length;) {
    let n = Math.min(longest, chars.length - i), p;
    for (; n > 1 && !(p = phrases.get(chars.slice(i, i + n).join(''))); n--);
    out += n > 1 ? p : (s2t.get(chars[i]) ?? chars[i]);
    i += Math.max(n, 1);
  }
  return out;
}
function loadScriptTable() {
  if (!traditional) return Promise.resolve();
  scriptTable ??= fetch(new URL('s2t.json', here)).then((r) => r.json()).then(({ s, t, p = [] }) => {
    const from = [...s], to = [...t];
    s2t = new Map(from.map((c, i) => [c, to[i]]));
    for (const entry of p) {
      const both = [...entry], half = both.length / 2;
      phrases.set(both.slice(0, half).join(''), both.slice(half).join(''));
      longest = Math.max(longest, half);
    }
    labelForm();
  }, (e) => { scriptTable = null; throw e; });
  return scriptTable;
}

// The form's own words, in Traditional too once the table is there.
function labelForm() {
  inputLabel.textContent = script('搜索关键词');
  input.placeholder = script('输入关键词，如 梧州市科协');
  submit.textContent = script('搜索');
  form.setAttribute('aria-label', script('本页搜索')); // apart from the header's form
  more.textContent = script('显示更多结果');
}
labelForm();

// The 简体/繁體 switch carries the query and filters along.
const sitePath = (path) => {
  const rest = path.startsWith(root.pathname) ? path.slice(root.pathname.length) : null;
  return rest?.replace(/^zh-hant\//, '');
};
const otherScripts = [...document.querySelectorAll('a[hreflang]')].filter((a) =>
  a.origin === location.origin && a.pathname !== location.pathname && sitePath(a.pathname) === sitePath(location.pathname));

const params = new URLSearchParams(location.search);
const filters = {};
for (const k of Object.keys(NAMES)) if (params.get(k)) filters[k] = params.get(k);
input.value = params.get('q') || '';
let index, last, shown = 0, seq = 0, timer, checked = 0;
const load = fetchLoader(here);

// A page left open while the site is rebuilt must not mix the files of two builds: at
// most once a minute, a search first asks which build is current.
async function currentIndex() {
  if (index && Date.now() - checked < 60e3) return index;
  const build = await currentBuild(load);
  if (build !== index?.build) index = await openIndex(load, build);
  checked = Date.now();
  return index;
}

function syncUrl() {
  const p = new URLSearchParams();
  if (input.value.trim()) p.set('q', input.value.trim());
  for (const [k, v] of Object.entries(filters)) p.set(k, v);
  history.replaceState(null, '', `${location.pathname}${p.size ? `?${p}` : ''}`);
  for (const a of otherScripts) a.search = p.size ? `?${p}` : '';
}

async function run(retried = false) {
  const mine = ++seq, q = input.value.trim();
  syncUrl();
  try {
    await loadScriptTable();
    if (mine !== seq) return;
    if (!q) { clearResults(); status.textContent = script('请输入关键词。'); return; }
    status.textContent = script('正在搜索…');
    const searched = await currentIndex();
    const result = await searched.search(q, { filters });
    if (mine !== seq) return;
    // More results are read from the index these were found in: ids of one build mean
    // nothing in another.
    last = { q, result, searched };
    shown = 0;
    list.replaceChildren();
    renderFacets(result.facets);
    const { oneChar, truncated } = result.analysis;
    const note = (oneChar ? '（单字只在标题中查找）' : '') + (truncated ? `（关键词过长，只按前 ${MAX_QUERY_CHARS} 个字查找）` : '');
    status.textContent = script(result.total ? `找到 ${result.total} 条结果${note}` : `没有找到与「${q}」相关的结果${note}`);
    await showMore();
  } catch (e) {
    if (mine === seq) failed(e, retried);
  }
}

function clearResults() { list.replaceChildren(); facetsBox.replaceChildren(); filtersTitle.hidden = more.hidden = true; }

// A file of another build turned up (the site was republished): ask which build is
// current and search again, once, leaving no earlier results under the message.
function failed(e, retried) {
  if (e.name === 'StaleIndexError' && !retried) { checked = 0; run(true); return; }
  clearResults();
  status.textContent = script(e.name === 'StaleIndexError' ? '网站正在更新，请稍后再试。' : '搜索暂时不可用。');
  console.error(e);
}

async function showMore() {
  const { q, result, searched } = last, mine = seq;
  const items = await searched.results(result.hits.slice(shown, shown + PAGE), q);
  if (mine !== seq) return;
  shown += items.length;
  for (const item of items) {
    const link = el('a', { href: resultUrl(item.path, root, traditional ? 'zh-hant/' : '') }, ...marks(item.titleSegments));
    list.append(el('li', { className: 'search-result' }, el('h2', {}, link),
      el('p', { className: 'search-excerpt' }, ...marks(item.excerpt)),
      el('p', { className: 'search-meta', textContent: item.date })));
  }
  more.hidden = shown >= result.total;
}

// Converted whole (a phrase may cross a highlight's edge), then cut as the segments.
function marks(segments) {
  const whole = [...script(segments.map((s) => s.text).join(''))];
  let at = 0;
  return segments.map((s) => {
    const text = whole.slice(at, at += [...s.text].length).join('');
    return s.hit ? el('mark', { textContent: text }) : document.createTextNode(text);
  });
}

// Each facet shows its first FACET_SHOWN values (and the chosen one wherever it is); a
// toggle shows the rest. Which facets are open survives new queries and filters.
const FACET_SHOWN = 8;
const openFacets = new Set();

// The filter just pressed, whose new button gets the focus back once the results are
// redrawn: otherwise a keyboard user would be sent to the top of the page.
let pressed = null;

function renderFacets(facets) {
  facetsBox.replaceChildren();
  let refocus = null;
  for (const [name, label] of Object.entries(NAMES)) {
    const values = facets[name] || [];
    if (!values.length || (values.length === 1 && !filters[name] && name !== 'section')) continue;
    const box = el('fieldset', { className: 'search-facet' }, el('legend', { textContent: script(label) }));
    const rest = [];
    values.forEach((v, i) => {
      const on = filters[name] === v.value;
      const b = el('button', { type: 'button', textContent: script(`${v.label}（${v.count}）`) });
      b.setAttribute('aria-pressed', String(on));
      b.addEventListener('click', () => {
        if (on) delete filters[name]; else filters[name] = v.value;
        pressed = { name, value: v.value };
        run();
      });
      // A value just unpressed stays in view too, where the focus returns to it.
      const justPressed = pressed?.name === name && pressed.value === v.value;
      if (justPressed) refocus = b;
      if (i >= FACET_SHOWN && !on && !justPressed) rest.push(b);
      box.append(b);
    });
    if (rest.length) box.append(facetToggle(name, rest));
    facetsBox.append(box);
  }
  const chosen = Object.keys(filters).length;
  filtersTitle.textContent = script(chosen ? `筛选（已选 ${chosen} 项）` : '筛选');
  filtersTitle.hidden = !facetsBox.children.length;
  const lost = !document.activeElement || document.activeElement === document.body;
  if (refocus && lost) refocus.focus();
  pressed = null;
}

// Opening moves the focus to the first value it shows, so that a keyboard or screen
// reader user lands on what appeared rather than after it.
function facetToggle(name, rest) {
  const toggle = el('button', { type: 'button', className: 'search-facet-more' });
  const show = () => {
    const open = openFacets.has(name);
    // Not `hidden`: a theme styling the buttons `display: block` would override it.
    for (const b of rest) b.style.display = open ? '' : 'none';
    toggle.textContent = script(open ? '收起' : `更多（${rest.length} 项）`);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => {
    if (openFacets.delete(name)) show();
    else { openFacets.add(name); show(); rest[0].focus(); }
  });
  show();
  return toggle;
}

form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); run(); });
input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 250); });
// The button hides once everything is shown: focus moves to the first new result, not
// to the top of the page.
more.addEventListener('click', async () => {
  const first = list.children.length;
  try { await showMore(); } catch (e) { failed(e, false); return; }
  list.children[first]?.querySelector('a')?.focus();
});
// 「/」 typed into a box is a character there.
const typing = (e) => !!e && (e.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName));
document.addEventListener('keydown', (e) => {
  const links = [...list.querySelectorAll('a')], at = links.indexOf(document.activeElement);
  if (e.key === '/' && !typing(document.activeElement)) { e.preventDefault(); input.focus(); }
  else if (e.key === 'ArrowDown' && (document.activeElement === input || at >= 0) && links.length) {
    e.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus();
  } else if (e.key === 'ArrowUp' && at >= 0) { e.preventDefault(); (at ? links[at - 1] : input).focus(); }
  else if (e.key === 'Escape' && at >= 0) input.focus();
});
run();
