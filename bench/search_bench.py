#!/usr/bin/env python3
"""Search benchmark: menhu's static index against Pagefind on the same 10,000-page corpus.

    python3 bench/search_bench.py [--pages 10000] [--work bench/out/search] [--runs 9]

Builds the corpus (../shared/bench/gen_corpus.py, Zola flavour), builds it with menhu
(release) without and with `build_search_index` (`--runs` alternating rounds after a
warm-up, medians, and what the index adds, both into the previous round's output and into
a new folder), runs Pagefind (npm package `pagefind`,
installed into bench/node_modules) on menhu's HTML, then loads each of the 30 queries in
bench/search-queries.txt cold (a fresh headless Chromium profile per query and tool) and
reports, for both: total index bytes and files, bytes fetched per query, recall against
the pages whose title or text contains the query, and median query time (search plus
the first 10 results' excerpts, measured in the page). Needs python3, node/npm,
/usr/bin/chromium and /usr/bin/time.
"""
import argparse
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GEN = os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py")
if not os.path.exists(GEN):
    GEN = "/work/shared/bench/gen_corpus.py"
MENHU = os.path.join(REPO, "target", "release", "menhu")
CHROMIUM = "/usr/bin/chromium"


def run_timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak KB, CPU seconds)."""
    out = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M %U %S"] + cmd, capture_output=True, text=True, **kw)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr[-3000:]}")
    line = [l for l in out.stderr.splitlines() if l.startswith("TIME ")][-1]
    _, secs, kb, user, system = line.split()
    return float(secs), int(kb), float(user) + float(system)


def tree_size(path):
    total = files = 0
    for d, _, names in os.walk(path):
        for n in names:
            total += os.path.getsize(os.path.join(d, n))
            files += 1
    return total, files


def load_t2s():
    table = {}
    with open(os.path.join(REPO, "src", "zh", "data", "t2s.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.startswith("#") and len(line) == 2:
                table[line[0]] = line[1]
    return table


def ground_truth(content, queries):
    """Page path → set of queries whose text (title + body, Simplified, lower case) holds it."""
    t2s = load_t2s()
    norm = lambda s: "".join(t2s.get(c, c) for c in s).lower()
    wanted = {q: norm(q) for q in queries}
    truth = {q: set() for q in queries}
    for d, _, names in os.walk(content):
        for n in names:
            if not n.endswith(".md") or n == "_index.md":
                continue
            text = open(os.path.join(d, n), encoding="utf-8").read()
            m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n(.*)", text, re.S)
            front, body = (m.group(1), m.group(2)) if m else ("", text)
            title = re.search(r'^title = "(.*)"$', front, re.M)
            page = norm((title.group(1) if title else "") + "\n" + body)
            path = "/" + os.path.relpath(os.path.join(d, n[:-3]), content) + "/"
            for q, nq in wanted.items():
                if nq in page:
                    truth[q].add(path)
    return truth


class Reports:
    """Reports POSTed by the page, and the files served since the last reset (queries
    run one at a time, so every file served belongs to the current query)."""

    def __init__(self):
        self.items = {}
        self.served = []
        self.cond = threading.Condition()


def serve(root, reports):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=root, **kw)

        def log_message(self, *a):
            pass

        def do_GET(self):
            path = self.translate_path(self.path)
            if os.path.isfile(path) and not self.path.startswith("/search-bench.html"):
                with reports.cond:
                    reports.served.append((urllib.parse.urlparse(self.path).path, os.path.getsize(path)))
            super().do_GET()

        def do_POST(self):
            data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with reports.cond:
                reports.items[(data["tool"], data["q"])] = data
                reports.cond.notify_all()
            self.send_response(204)
            self.end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_query(port, tool, q, reports):
    url = f"http://127.0.0.1:{port}/search-bench.html?" + urllib.parse.urlencode({"tool": tool, "q": q})
    with reports.cond:
        reports.served = []
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        proc = subprocess.Popen([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                                 "--disable-background-networking", f"--user-data-dir={profile}", url],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        with reports.cond:
            while (tool, q) not in reports.items and time.time() < deadline:
                reports.cond.wait(1)
        proc.terminate()
        proc.wait()
    result = reports.items.get((tool, q), {"error": "timeout"})
    result["files"] = [{"url": u, "bytes": b} for u, b in reports.served]
    return result


def paths_of(tool, ids, menhu_out, pf_out):
    """Page paths of result ids, read from each tool's stored documents."""
    paths = set()
    with gzip.open(os.path.join(menhu_out, "search", "meta.mz"), "rt", encoding="utf-8") as f:
        chunk = json.load(f)["chunk"]
    for i in ids:
        if tool == "menhu":
            with open(os.path.join(menhu_out, "search", "t", f"{i // chunk}.mz"), "rb") as f:
                raw = f.read()
            # The document table's id (16 hex digits), a JSON header line
            # [[title, path, date, length]], then the texts.
            header = raw[16:].decode("utf-16-le").split("\n", 1)[0]
            paths.add(json.loads(header)[i % chunk][1])
        else:
            with gzip.open(os.path.join(pf_out, "pagefind", "fragment", f"{i}.pf_fragment")) as f:
                raw = f.read()
            url = json.loads(raw[raw.index(b"{"):])["url"]
            paths.add(re.sub(r"index\.html$", "", url))
    return paths


def build_all(work, corpus, corpus_search, pf_out, runs):
    """Builds with menhu (without and with the index) and runs Pagefind; returns times."""
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    # Alternating rounds after a warm-up, medians kept: the two builds see the same
    # machine, whatever else it is doing.
    # Each round also builds into a folder that does not exist yet, as a fresh CI checkout
    # does: every file is then created, where a repeated build overwrites the earlier one's.
    samples = {"plain": [], "search": [], "plain-fresh": [], "search-fresh": []}
    for round_ in range(runs + 1):
        for name, root in (("plain", corpus), ("search", corpus_search)):
            out = os.path.join(work, f"out-{name}")
            t = run_timed([MENHU, "build", "--root", root, "--output", out, "--force"])
            fresh = os.path.join(work, f"fresh-{name}")
            for leftover in (fresh, os.path.join(work, f".fresh-{name}.menhu-spare")):
                shutil.rmtree(leftover, ignore_errors=True)
            t_fresh = run_timed([MENHU, "build", "--root", root, "--output", fresh, "--force"])
            if round_ > 0:
                samples[name].append(t)
                samples[f"{name}-fresh"].append(t_fresh)
    builds = {
        name: [statistics.median(t[i] for t in ts) for i in range(3)]
        for name, ts in samples.items()
    }

    pf_dir = os.path.join(HERE, "node_modules", "pagefind")
    if not os.path.exists(pf_dir):
        subprocess.run(["npm", "install", "--no-save", "--prefix", HERE, "pagefind"], check=True)
    shutil.rmtree(pf_out, ignore_errors=True)
    shutil.copytree(os.path.join(work, "out-plain"), pf_out)
    pf_bin = os.path.join(pf_dir, "lib", "runner", "bin.cjs")
    pf_time = run_timed(["node", pf_bin, "--site", pf_out])

    return builds, pf_time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--work", default=os.path.join(HERE, "out", "search"))
    ap.add_argument("--reuse", action="store_true", help="keep the builds and timings of the last run")
    ap.add_argument("--runs", type=int, default=9, help="alternating menhu builds without and with the index")
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, "corpus")
    if not os.path.exists(corpus):
        subprocess.run([sys.executable, GEN, "--flavor", "zola", "--pages", str(args.pages), "--out", corpus], check=True)
    corpus_search = os.path.join(work, "corpus-search")
    shutil.rmtree(corpus_search, ignore_errors=True)
    shutil.copytree(corpus, corpus_search)
    cfg = os.path.join(corpus_search, "config.toml")
    text = open(cfg, encoding="utf-8").read().replace("build_search_index = false", "build_search_index = true")
    open(cfg, "w", encoding="utf-8").write(text)

    menhu_out = os.path.join(work, "out-search")
    pf_out = os.path.join(work, "out-pagefind")
    timings = os.path.join(work, "timings.json")
    if args.reuse and os.path.exists(timings):
        builds, pf_time = json.load(open(timings))
    else:
        builds, pf_time = build_all(work, corpus, corpus_search, pf_out, args.runs)
        json.dump([builds, pf_time], open(timings, "w"))
    site = os.path.join(work, "site")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(site)
    os.symlink(menhu_out, os.path.join(site, "menhu"))
    os.symlink(pf_out, os.path.join(site, "pagefind"))
    shutil.copy(os.path.join(HERE, "search-bench.html"), site)

    queries = [l.strip() for l in open(os.path.join(HERE, "search-queries.txt"), encoding="utf-8")
               if l.strip() and not l.startswith("#")]
    truth = ground_truth(os.path.join(corpus, "content"), queries)
    reports = Reports()
    server = serve(site, reports)
    port = server.server_address[1]
    rows = {"menhu": [], "pagefind": []}
    for q in queries:
        for tool in rows:
            r = run_query(port, tool, q, reports)
            if "error" in r:
                sys.exit(f"{tool} 「{q}」: {r['error']}")
            found = paths_of(tool, r["ids"], menhu_out, pf_out)
            index_files = [f for f in r["files"] if not f["url"].endswith((".js", ".wasm", ".css"))]
            rows[tool].append({
                "q": q, "ms": r["ms"], "bytes": sum(f["bytes"] for f in index_files),
                "all_bytes": sum(f["bytes"] for f in r["files"]), "requests": len(r["files"]),
                "truth": len(truth[q]), "hits": len(found & truth[q]), "extra": len(found - truth[q]),
            })
    server.shutdown()

    sizes = {"menhu": tree_size(os.path.join(menhu_out, "search")),
             "pagefind": tree_size(os.path.join(pf_out, "pagefind"))}
    print("\n| query | pages containing it | menhu found | menhu bytes | Pagefind found | Pagefind bytes |")
    print("|---|---:|---:|---:|---:|---:|")
    for m, p in zip(rows["menhu"], rows["pagefind"]):
        print(f"| {m['q']} | {m['truth']} | {m['hits']} (+{m['extra']}) | {m['bytes']:,} | {p['hits']} (+{p['extra']}) | {p['bytes']:,} |")
    print("\n| figure | menhu | Pagefind |")
    print("|---|---:|---:|")
    print(f"| index total bytes (all files under search/ resp. pagefind/) | {sizes['menhu'][0]:,} | {sizes['pagefind'][0]:,} |")
    print(f"| index files | {sizes['menhu'][1]:,} | {sizes['pagefind'][1]:,} |")
    for label, key in (("median bytes fetched per query, index files", "bytes"),
                       ("median bytes fetched per query, incl. client code", "all_bytes"),
                       ("median requests per query", "requests"),
                       ("median query time in headless Chromium, ms (cold)", "ms")):
        vals = [statistics.median(r[key] for r in rows[t]) for t in ("menhu", "pagefind")]
        print(f"| {label} | {vals[0]:,.0f} | {vals[1]:,.0f} |")
    for t in ("menhu", "pagefind"):
        hits = sum(r["hits"] for r in rows[t])
        total = sum(r["truth"] for r in rows[t])
        missed = [r["q"] for r in rows[t] if r["hits"] < r["truth"]]
        print(f"| recall {t}: pages found / pages containing the query | {hits:,} / {total:,} | missed in: {', '.join(missed) or 'none'} |")
    for where, suffix in (("into the previous output", ""), ("into a new folder", "-fresh")):
        if f"plain{suffix}" not in builds:
            continue
        plain, search = builds[f"plain{suffix}"], builds[f"search{suffix}"]
        for label, t in (("without index", plain), ("with index", search)):
            print(f"| menhu build {where}, {label} (medians): wall s, CPU s, peak KB | {t[0]:.2f} s, {t[2]:.2f} s CPU, {t[1]:,.0f} KB | |")
        print(f"| what the index adds to menhu's build {where}: wall, CPU, peak | +{search[0] - plain[0]:.2f} s (+{100 * (search[0] / plain[0] - 1):.1f}%), "
              f"+{search[2] - plain[2]:.2f} s CPU, +{(search[1] - plain[1]) / 1024:,.0f} MiB | |")
    print(f"| Pagefind indexing (after the build): wall s, CPU s, peak KB | | {pf_time[0]:.1f} s, {pf_time[2]:.1f} s CPU, {pf_time[1]:,} KB |")


main()
