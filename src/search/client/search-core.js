// menhu search core: queries the static index that `menhu build` writes under /search/
// when `build_search_index = true`. Plain ES module, no dependencies; runs unchanged in
// browsers and in Node (18+). API and index format: docs/search.md.

const HAN = /[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2A6DF}\u{2A700}-\u{2EBEF}\u{2F800}-\u{2FA1F}\u{30000}-\u{323AF}]/u;
const ALNUM = /[\p{Alphabetic}\p{N}]/u;
const COMMON_WEIGHT = 8; // once in the body, nowhere else
const K1 = 1.2, B = 0.75;
const FACETS = ['section', 'province', 'city', 'tag', 'year', 'level'];
/** Characters of a query that are looked up: a pasted paragraph would fetch most shards. */
export const MAX_QUERY_CHARS = 64;

/** One character as the index sees it (same rules as menhu's src/zh/normalize.rs). */
export function normalizeChar(c, t2s) {
  const cp = c.codePointAt(0);
  if (cp >= 0xff01 && cp <= 0xff5e) c = String.fromCodePoint(cp - 0xfee0);
  else if (cp === 0x3000) c = ' ';
  c = (t2s && t2s.get(c)) || c;
  if (HAN.test(c)) return c;
  if (!ALNUM.test(c)) return ' ';
  const lower = c.toLowerCase();
  return Array.from(lower).length === 1 ? lower : c;
}

/** A text normalised character by character: as many characters as the input. */
export function normalize(text, t2s) {
  return Array.from(text, (c) => normalizeChar(c, t2s)).join('');
}

/**
 * Splits a query into index terms: bigrams of every Han run (all required), each word
 * (required), the whole Han run of 3+ characters (optional, ranks dictionary words up),
 * single Han characters (required only when nothing else is asked: titles only). Only
 * the first MAX_QUERY_CHARS characters count (`truncated` says so); a word cut there is
 * left out, as its start alone would not match.
 */
export function analyzeQuery(query, t2s) {
  const required = new Set(), optional = new Set(), singles = new Set(), phrases = [];
  const runs = [];
  let run = '', han = false;
  const flush = () => { if (run) runs.push([run, han]); run = ''; };
  const given = Array.from(String(query || ''), (x) => normalizeChar(x, t2s));
  const truncated = given.length > MAX_QUERY_CHARS;
  for (const c of given.slice(0, MAX_QUERY_CHARS)) {
    const isHan = HAN.test(c);
    if (c === ' ' || (run && isHan !== han)) flush();
    if (c !== ' ') { run += c; han = isHan; }
  }
  const next = given[MAX_QUERY_CHARS];
  if (truncated && run && !han && next !== ' ' && !HAN.test(next)) run = '';
  flush();
  for (const [text, isHan] of runs) {
    const chars = Array.from(text);
    phrases.push(text);
    if (!isHan) { if (chars.length <= 32) required.add(text); continue; }
    if (chars.length === 1) { singles.add(text); continue; }
    for (let i = 1; i < chars.length; i++) required.add(chars[i - 1] + chars[i]);
    if (chars.length >= 3) optional.add(text);
  }
  const oneChar = required.size === 0 && singles.size > 0;
  if (oneChar) for (const s of singles) required.add(s);
  return { required: [...required], optional: [...optional], phrases, oneChar, truncated };
}

/** FNV-1a over UTF-8: the shard of a term. */
export function termHash(term) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(term)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Rejects a search whose files are of another build than the index opened. */
export class StaleIndexError extends Error {
  constructor() { super('the site was republished: open the index again'); this.name = 'StaleIndexError'; }
}

// Shards and stored-text files start with their build's document table id (meta.table,
// 16 hex digits): the ids of a file of another build, which a server republishing the
// site may send under this build's address, would name other pages.
function ownPart(bytes, table) {
  if (new TextDecoder().decode(bytes.subarray(0, 16)) !== table) throw new StaleIndexError();
  return bytes.subarray(16);
}

// A stored-text file, after its head: a JSON line [[title, path, date, length]], then
// the texts, each `length` UTF-16 code units, one after the other.
function storedDocuments(bytes) {
  const all = new TextDecoder('utf-16le').decode(bytes), newline = all.indexOf('\n');
  let at = newline + 1;
  return JSON.parse(all.slice(0, newline)).map(([title, path, date, length]) => [title, path, date, all.slice(at, at += length)]);
}

async function loadFile(load, path, how) {
  let bytes = await load(path, how);
  bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // A server may have removed the gzip layer already.
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzip(bytes) : bytes;
}

const loadJson = async (load, path, how) => JSON.parse(new TextDecoder().decode(await loadFile(load, path, how)));

function readVarint(bytes, pos) {
  let value = 0, scale = 1, b;
  do { b = bytes[pos.i++]; value += (b & 0x7f) * scale; scale *= 128; } while (b & 0x80);
  return value;
}

function parseShard(bytes) {
  const terms = new Map(), pos = { i: 0 }, utf8 = new TextDecoder();
  while (pos.i < bytes.length) {
    const len = readVarint(bytes, pos);
    const term = utf8.decode(bytes.subarray(pos.i, pos.i + len));
    pos.i += len;
    const count = readVarint(bytes, pos), size = readVarint(bytes, pos);
    terms.set(term, { count, bytes: bytes.subarray(pos.i, pos.i + size) });
    pos.i += size;
  }
  return terms;
}

function decodePostings(list) {
  const docs = new Map(), pos = { i: 0 }, bytes = list.bytes;
  let doc = 0;
  while (pos.i < bytes.length) {
    const v = readVarint(bytes, pos);
    doc += Math.floor(v / 2);
    docs.set(doc, v % 2 ? bytes[pos.i++] : COMMON_WEIGHT);
  }
  return docs;
}

// Title counts five body occurrences, a heading two and a half, tags/city/org three.
const fieldTf = (w) => (w >> 3) + 5 * (w & 1) + 2.5 * ((w >> 1) & 1) + 3 * ((w >> 2) & 1);

function dayNumber(yyyymmdd) {
  if (!yyyymmdd) return null;
  return Date.UTC(Math.floor(yyyymmdd / 10000), Math.floor(yyyymmdd / 100) % 100 - 1, yyyymmdd % 100) / 864e5;
}

/**
 * Opens the index. `load(path, how)` resolves to the bytes of a file under /search/:
 * first `build.json` with `how = {fresh: true}` (past any cache), then every other file
 * with `how = {build}`, the id it names, for a browser loader to put in the address
 * (see fetchLoader) so that no cache mixes files of two builds. A loader reading files
 * directly can ignore `how`. `build`, when known (currentBuild), saves the first load.
 */
export async function openIndex(load, build) {
  build ??= await currentBuild(load);
  const versioned = (path) => load(path, { build });
  const meta = await loadJson(versioned, 'meta.mz');
  if (meta.version !== 5) throw new Error(`unsupported search index version ${meta.version}`);
  return new SearchIndex(versioned, meta, build);
}

/** The id of the index's build as the server has it now (index.build is the one opened). */
export async function currentBuild(load) {
  return (await loadJson(load, 'build.json', { fresh: true })).build;
}

/** The browser's `load`: fetches from `base`, the URL of the index's folder. */
export function fetchLoader(base) {
  return async (path, { fresh = false, build } = {}) => {
    const url = new URL(path, base);
    if (build) url.searchParams.set('v', build);
    const response = await fetch(url, fresh ? { cache: 'no-cache' } : {});
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.arrayBuffer();
  };
}

/**
 * The address of a result: its site-relative `path` from the index, after `prefix`
 * (`zh-hant/` on the Traditional copy), under `root`, the URL of the site's root. It
 * is built as a path, never read as an address of its own, so no path can make it a
 * `javascript:` link or send it to another site: `javascript:x;/a/` becomes
 * `ROOT/javascript:x;/a/`, `//evil.example/` becomes `ROOT/evil.example/`.
 */
export function resultUrl(path, root, prefix = '') {
  const site = new URL(root);
  const url = new URL('./' + prefix + String(path).replace(/^[\\/]+/, ''), site);
  return url.origin === site.origin ? url.href : site.href;
}

export class SearchIndex {
  constructor(load, meta, build) {
    this.load = load;
    this.meta = meta;
    this.build = build;
    const pairs = Array.from(meta.t2s);
    this.t2s = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) this.t2s.set(pairs[i], pairs[i + 1]);
    this.shards = new Map();
    this.texts = new Map();
    const c = meta.columns;
    this.avgLen = c.len.reduce((a, b) => a + b, 0) / Math.max(1, c.len.length) || 1;
    this.newest = dayNumber(Math.max(0, ...c.date));
  }

  /** A file of this build, without its head; rejects with StaleIndexError if not. */
  async own(path) { return ownPart(await loadFile(this.load, path), this.meta.table); }

  /** The query as terms (see analyzeQuery). */
  analyze(query) { return analyzeQuery(query, this.t2s); }

  async shard(term) {
    const n = termHash(term) % this.meta.shards;
    if (!this.shards.has(n)) {
      const name = n.toString(16).padStart((this.meta.shards - 1).toString(16).length, '0');
      this.shards.set(n, this.own(`s/${name}.mz`).then(parseShard));
    }
    return (await this.shards.get(n)).get(term);
  }

  /** The facet values of document `id`. */
  facetsOf(id) {
    const c = this.meta.columns, m = this.meta;
    return {
      section: [m.sections[c.sec[id]]?.[0]],
      province: [m.provinces[c.prov[id]]],
      city: [m.cities[c.city[id]]],
      tag: c.tags[id].map((t) => m.tags[t]),
      year: [c.date[id] ? String(Math.floor(c.date[id] / 10000)) : undefined],
      level: [m.levels[c.level[id]]?.[0]],
    };
  }

  /**
   * Searches. `filters`: {section, province, city, tag, year, level} (strings); a
   * province filter matches its cities. Returns {total, hits: [{id, score}], facets,
   * analysis}: hits best first, ties by id (newest first); facet counts honour the
   * other facets' filters.
   */
  async search(query, { filters = {} } = {}) {
    const analysis = this.analyze(query);
    const empty = { total: 0, hits: [], facets: {}, analysis };
    if (!analysis.required.length) return empty;
    const [req, opt] = await Promise.all([
      Promise.all(analysis.required.map((t) => this.shard(t))),
      Promise.all(analysis.optional.map((t) => this.shard(t))),
    ]);
    if (req.some((l) => !l)) return empty;
    const lists = req.map((l) => ({ count: l.count, docs: decodePostings(l) }));
    lists.sort((a, b) => a.count - b.count);
    const bonus = opt.filter(Boolean).map((l) => ({ count: l.count, docs: decodePostings(l) }));
    const scored = [];
    for (const id of lists[0].docs.keys()) {
      if (!lists.every((l) => l.docs.has(id))) continue;
      let score = 0;
      for (const l of lists) score += this.bm25(id, l, l.docs.get(id));
      for (const l of bonus) if (l.docs.has(id)) score += 1.5 * this.bm25(id, l, l.docs.get(id));
      scored.push({ id, score: score * this.recency(id) });
    }
    const facets = {}, active = FACETS.filter((f) => filters[f]);
    const all = scored.map((h) => [h, this.facetsOf(h.id)]);
    const passes = (f, skip) => active.every((k) => k === skip || f[k].includes(String(filters[k])));
    for (const name of FACETS) {
      const counts = new Map();
      for (const [, f] of all) if (passes(f, name)) for (const v of f[name]) if (v) counts.set(v, (counts.get(v) || 0) + 1);
      // Years newest first, as a reader scans them; other values most frequent first.
      const order = name === 'year' ? (a, b) => (a.value < b.value ? 1 : -1)
        : (a, b) => b.count - a.count || (a.value < b.value ? -1 : 1);
      facets[name] = [...counts].map(([value, count]) => ({ value, label: this.label(name, value), count })).sort(order);
    }
    const hits = all.filter(([, f]) => passes(f, null)).map(([h]) => h);
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return { total: hits.length, hits, facets, analysis };
  }

  /** The name readers see for a facet value: sections and levels have one of their own. */
  label(facet, value) {
    const named = { section: this.meta.sections, level: this.meta.levels }[facet];
    return (named?.find((s) => s[0] === value) || [])[1] || value;
  }

  bm25(id, list, weight) {
    const n = this.meta.docs, tf = fieldTf(weight);
    const idf = Math.log(1 + (n - list.count + 0.5) / (list.count + 0.5));
    const norm = K1 * (1 - B + (B * this.meta.columns.len[id]) / this.avgLen);
    return (idf * tf * (K1 + 1)) / (tf + norm);
  }

  // Mild: a page of today gains 15 %, one a year older 7.5 %; relative to the newest page.
  recency(id) {
    const day = dayNumber(this.meta.columns.date[id]);
    return day === null || this.newest === null ? 1 : 1 + 0.15 * 0.5 ** ((this.newest - day) / 365);
  }

  /** Stored documents: [{id, title, path, date, text}] in the order of `ids`. */
  async documents(ids) {
    const chunk = this.meta.chunk;
    return Promise.all(ids.map(async (id) => {
      const n = Math.floor(id / chunk);
      if (!this.texts.has(n)) {
        this.texts.set(n, this.own(`t/${n}.mz`).then(storedDocuments));
      }
      const [title, path, date, text] = (await this.texts.get(n))[id % chunk];
      return { id, title, path, date, text };
    }));
  }

  /**
   * Results to show: documents with `title` and `excerpt` as segments
   * [{text, hit}] (plain text: render with textContent), re-ordered so that pages
   * holding every query phrase exactly, closest together, come first.
   */
  async results(hits, query, length = 110) {
    const analysis = this.analyze(query);
    const docs = await this.documents(hits.map((h) => h.id));
    const shown = docs.map((d, rank) => {
      const body = this.mark(d.text, analysis);
      const title = this.mark(d.title, analysis);
      return { ...d, rank, span: body.span, exact: body.exact || title.exact,
        titleSegments: segments(title.chars, title.hits, 0, title.chars.length),
        excerpt: excerptOf(body, length) };
    });
    shown.sort((a, b) => b.exact - a.exact || a.span - b.span || a.rank - b.rank);
    return shown;
  }

  mark(text, analysis) {
    const chars = Array.from(text || ''), norm = chars.map((c) => normalizeChar(c, this.t2s));
    const hits = new Uint8Array(chars.length), first = [];
    const find = (needles) => {
      let found = 0;
      for (const needle of needles) {
        const n = Array.from(needle);
        let at = -1;
        for (let i = 0; i + n.length <= norm.length; i++) {
          if (n.every((c, j) => norm[i + j] === c)) { hits.fill(1, i, i + n.length); if (at < 0) at = i; }
        }
        if (at >= 0) { found++; first.push(at); }
      }
      return found;
    };
    const exact = analysis.phrases.length > 0 && find(analysis.phrases) === analysis.phrases.length;
    if (!first.length) find(analysis.required);
    const span = first.length ? Math.max(...first) - Math.min(...first) : 1e9;
    return { chars, hits, exact, span, at: first.length ? Math.min(...first) : 0 };
  }
}

function segments(chars, hits, from, to) {
  const out = [];
  for (let i = from; i < to; i++) {
    const hit = hits[i] === 1, last = out[out.length - 1];
    if (last && last.hit === hit) last.text += chars[i]; else out.push({ text: chars[i], hit });
  }
  return out;
}

function excerptOf(marked, length) {
  const start = Math.max(0, marked.at - Math.floor(length / 4));
  const end = Math.min(marked.chars.length, start + length);
  const out = segments(marked.chars, marked.hits, start, end);
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (end < marked.chars.length) out.push({ text: '…', hit: false });
  return out;
}
