#!/usr/bin/env python3
"""Time full builds of the 科协 benchmark corpus: menhu against its peers, side by side.

    python3 bench/build.py [--pages 1000 10000 100000] [--runs 5] [--engines menhu,hugo,zola]
                           [--product] [--incremental] [--threads]

For each size it generates the Zola and Hugo flavours of the corpus with
../shared/bench/gen_corpus.py (same pages, same seed), then builds them in rounds: every
round runs each engine once, in turn, so that drift of the machine hits all engines alike.
menhu builds the Zola flavour with the corpus's own config.toml and templates (the same
work Zola does); Hugo builds the Hugo flavour; Zola runs only when a `zola` binary is on
PATH. Every run starts without an output folder (the previous one is moved aside first,
and deleted only after all runs, because deleting big trees slows the disk here).

Prints one table per size: median wall time, CPU time (user+sys), peak RSS and RSS per
1,000 pages per engine, and each engine's ratio to menhu and to Hugo's plain build; then
how each engine's wall time and memory grow with the corpus. `--product` also times
menhu's full product (demo theme with search, cities, related articles and the
Traditional copy) on the same content, up to `--product-max-pages` (all sizes by default);
`--threads` adds menhu with RAYON_NUM_THREADS=1 (the speed-up from 1 to 2 threads).
`--incremental` adds, for every engine, a second build into the output the clean build
just left, after one page's body was edited (`… after one edit`): what a CI run that
changed one article costs. menhu's uses its build cache (`--cache`, docs/cache.md),
filled by an untimed build before the edit; the cache's size on disk is printed. Outputs on tmpfs (`--out-base /dev/shm/...`) are deleted after
each run; elsewhere they are moved aside and deleted at the end.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
# The corpus generator sits beside the repository (or beside the folder of worktrees).
SHARED = next((d for d in (os.path.join(REPO, "..", "shared", "bench"),
                           os.path.join(REPO, "..", "..", "shared", "bench"))
               if os.path.isfile(os.path.join(d, "gen_corpus.py"))),
              os.path.join(REPO, "..", "shared", "bench"))


def generate(flavor, pages, root, seed):
    out = os.path.join(root, f"{flavor}-{pages}")
    if not os.path.isdir(os.path.join(out, "content")):
        subprocess.run([sys.executable, os.path.join(SHARED, "gen_corpus.py"), "--pages", str(pages),
                        "--flavor", flavor, "--out", out, "--seed", str(seed), "--force"],
                       check=True, stdout=subprocess.DEVNULL)
    return out


PRODUCT_CONFIG = """\
# menhu's full product on the benchmark corpus: the demo theme with search, city pages,
# related articles, feeds, sitemap and the Traditional copy.
base_url = "https://kx.example.org"
title = "科协门户"
default_language = "zh-Hans"
theme = "portal"
generate_feeds = true
generate_sitemap = true
build_search_index = true
traditional = true
taxonomies = [
    { name = "tags", paginate_by = 20, feed = true },
    { name = "cities", paginate_by = 20 },
]

[markdown]
highlight_code = true

[regions]
# The corpus's `cities` taxonomy already lives at /cities/.
path = "places"

[related]
limit = 6
"""


def division_paths():
    """Short name → full paths (`山西省大同市`) of the divisions it names, highest level first."""
    rows = {}
    with open(os.path.join(REPO, "data", "divisions.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, level, name, parent = (line.rstrip("\n").split("\t") + [""])[:4]
            rows[code] = (level, name, parent)

    def path(code):
        level, name, parent = rows[code]
        return (path(parent) if parent in rows and parent != code else "") + name

    by_short = {}
    for code, (level, name, _) in rows.items():
        short = name
        for suffix in ("特别行政区", "自治区", "自治州", "地区", "省", "市", "区", "县", "州", "盟", "旗"):
            if short.endswith(suffix) and len(short) > len(suffix) + 1:
                short = short[: -len(suffix)]
                break
        by_short.setdefault(short, []).append(("pca".index(level), path(code)))
    return {short: [p for _, p in sorted(found)] for short, found in by_short.items()}


def with_city(text, paths):
    """Front matter gains `city` from the page's first `cities` term (city pages), written
    as its full path: the corpus's short names are often shared (大同 is a city in Shanxi
    and a district in Heilongjiang), and the city is meant."""
    marker = "cities = [\""
    at = text.find(marker)
    if at < 0 or "\n[taxonomies]" not in text:
        return text
    city = text[at + len(marker):].split("\"", 1)[0]
    if city not in paths:  # a former name (襄樊): the page keeps only its taxonomy term
        return text
    full = paths[city][0]
    return text.replace("\n[taxonomies]", f'\ncity = "{full}"\n\n[taxonomies]', 1)


def product_site(zola_corpus, root):
    """The corpus's content with menhu's demo theme and a config that turns its features on."""
    site = zola_corpus + "-product"
    if os.path.isdir(site):
        refresh_theme(site)
        return site
    paths = division_paths()
    for folder, _, files in os.walk(os.path.join(zola_corpus, "content")):
        target = os.path.join(site, os.path.relpath(folder, zola_corpus))
        os.makedirs(target, exist_ok=True)
        for name in files:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            with open(os.path.join(target, name), "w", encoding="utf-8") as f:
                f.write(with_city(text, paths) if name.endswith(".md") else text)
    with open(os.path.join(site, "content", "about.md"), "w", encoding="utf-8") as f:
        f.write('+++\ntitle = "关于我们"\n+++\n科协门户基准站点。\n')  # the theme's footer links here
    refresh_theme(site)
    with open(os.path.join(site, "site-config.toml"), "w", encoding="utf-8") as f:
        f.write(PRODUCT_CONFIG)
    return site


def refresh_theme(site):
    """The demo theme as this checkout has it (a corpus made earlier may hold an older one)."""
    themes = os.path.join(site, "themes")
    shutil.rmtree(themes, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "themes"), themes)


def timed(cmd, cwd, env=None):
    """Runs cmd under GNU time; returns (wall s, cpu s, peak RSS MiB) of it and its children."""
    fmt = "%e %U %S %M"
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = ["/usr/bin/time", "-f", fmt, "-o", t.name] + cmd
        result = subprocess.run(full, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")
        wall, user, system, rss = t.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss) / 1024


def move_aside(paths, trash):
    on_tmpfs = trash.startswith("/dev/shm/")
    os.makedirs(trash, exist_ok=True)
    for p in paths:
        if os.path.exists(p):
            if on_tmpfs:  # cheap to delete, and a 100,000-page run would fill memory
                shutil.rmtree(p)
            else:
                os.rename(p, os.path.join(trash, f"{time.time_ns()}"))


class Engine:
    """One way of building: the site folder, the command, the outputs it leaves."""

    def __init__(self, site, cmd, outputs, env=None, cache=None):
        self.site, self.cmd, self.outputs, self.env = site, cmd, outputs, env
        # menhu's build cache (`--cache`), used by the build after one edit.
        self.cache = cache

    def cached_cmd(self):
        return self.cmd + ["--cache", self.cache] if self.cache else self.cmd


def engines_for(args, root, pages):
    zola_site = generate("zola", pages, root, args.seed)
    out = os.path.join(args.out_base, str(pages))
    os.makedirs(out, exist_ok=True)
    menhu = os.path.abspath(args.menhu)
    runs = {}
    if "menhu" in args.engines:
        target = os.path.join(out, "menhu")
        runs["menhu"] = Engine(zola_site, [menhu, "build", "--force", "--output", target],
                               [target, os.path.join(out, ".menhu.menhu-spare")],
                               cache=os.path.join(out, "menhu.cache"))
        if args.threads:
            target1 = os.path.join(out, "menhu1")
            env = dict(os.environ, RAYON_NUM_THREADS="1")
            runs["menhu-1-thread"] = Engine(zola_site, [menhu, "build", "--force", "--output", target1],
                                            [target1, os.path.join(out, ".menhu1.menhu-spare")], env)
        if args.product and pages <= args.product_max_pages:
            site = product_site(zola_site, root)
            target2 = os.path.join(out, "product")
            runs["menhu-product"] = Engine(site, [menhu, "build", "--force", "--output", target2],
                                           [target2, os.path.join(out, ".product.menhu-spare")],
                                           cache=os.path.join(out, "product.cache"))
    if "hugo" in args.engines and shutil.which("hugo"):
        hugo_site = generate("hugo", pages, root, args.seed)
        target = os.path.join(out, "hugo")
        runs["hugo"] = Engine(hugo_site, ["hugo", "--quiet", "--ignoreCache", "--destination", target], [target])
    elif "hugo" in args.engines:
        print("# hugo not found on PATH (apt-get install hugo): skipped", file=sys.stderr)
    if "zola" in args.engines and shutil.which("zola"):
        target = os.path.join(out, "zola")
        runs["zola"] = Engine(zola_site, ["zola", "build", "--force", "--output-dir", target], [target])
    elif "zola" in args.engines:
        print("# zola not found on PATH: skipped (no Zola binary on this machine)", file=sys.stderr)
    return runs, out


EDITED_PAGE = os.path.join("content", "news")


def page_to_edit(site):
    """The first article (in name order) of the site's news column: the same article in
    every flavour of the corpus, since they share file names."""
    folder = os.path.join(site, EDITED_PAGE)
    for here, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("_index"):
                return os.path.join(here, name)
    sys.exit(f"no article to edit under {folder}")


class OneEdit:
    """Appends a paragraph to one article's body (a new one on every call) and puts the
    file back as it was when done, whatever happens in between."""

    def __init__(self, site):
        self.path = page_to_edit(site)
        with open(self.path, encoding="utf-8") as f:
            self.original = f.read()
        self.count = 0

    def apply(self):
        self.count += 1
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(self.original.rstrip("\n") + f"\n\n基准测试第 {self.count} 次编辑追加的一段。\n")

    def restore(self):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(self.original)


def bench(args, root, pages):
    """Runs every engine `args.runs` times, in rounds, after `args.warmup` warm-ups each.
    With `args.incremental`, each clean build is followed by the same build into its
    output after one edit (a row of its own, `ENGINE after one edit`); menhu's uses its
    build cache (`--cache`), filled by an untimed build with the cache before the edit."""
    runs, out = engines_for(args, root, pages)
    trash = os.path.join(out, ".trash")
    names = []
    for name in runs:
        names.append(name)
        if args.incremental:
            names.append(f"{name} after one edit")
    results = {name: [] for name in names}
    # One edit per site folder: menhu on one thread builds the same folder as menhu.
    edits = {engine.site: OneEdit(engine.site) for engine in runs.values()} if args.incremental else {}
    try:
        for _ in range(args.warmup):
            for engine in runs.values():
                move_aside(engine.outputs, trash)
                timed(engine.cmd, engine.site, engine.env)
        for _ in range(args.runs):
            for name, engine in runs.items():
                move_aside(engine.outputs, trash)
                results[name].append(timed(engine.cmd, engine.site, engine.env))
                if args.incremental:
                    if engine.cache:
                        timed(engine.cached_cmd(), engine.site, engine.env)
                    edits[engine.site].apply()
                    results[f"{name} after one edit"].append(
                        timed(engine.cached_cmd(), engine.site, engine.env))
        for name, engine in runs.items():
            if engine.cache and os.path.isdir(engine.cache):
                print(f"# {name}: build cache {folder_mib(engine.cache):.0f} MiB on disk", file=sys.stderr)
    finally:
        for edit in edits.values():
            edit.restore()
        shutil.rmtree(trash, ignore_errors=True)
        for engine in runs.values():
            if engine.cache:
                shutil.rmtree(engine.cache, ignore_errors=True)
    return results


def folder_mib(folder):
    """Disk use of a folder (allocated blocks), in MiB."""
    total = 0
    for here, _, files in os.walk(folder):
        for name in files:
            total += os.lstat(os.path.join(here, name)).st_blocks * 512
    return total / (1 << 20)


def report(pages, results):
    med = {name: tuple(statistics.median(r[i] for r in rs) for i in range(3)) for name, rs in results.items()}
    base = med.get("menhu")
    hugo = med.get("hugo")
    print(f"\n## {pages} pages ({len(next(iter(results.values())))} runs each, medians; "
          f"load average {load_average()})\n")
    print("| engine | wall s | CPU s | peak RSS MiB | MiB per 1,000 pages | wall / menhu | RSS / menhu"
          " | wall / Hugo plain |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, (wall, cpu, rss) in med.items():
        ratio = f"{wall / base[0]:.2f}×" if base else "-"
        mem = f"{rss / base[2]:.2f}×" if base else "-"
        to_hugo = f"{wall / hugo[0]:.2f}×" if hugo else "-"
        per_k = rss / (pages / 1000)
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {per_k:.1f} | {ratio} | {mem} | {to_hugo} |")
    if "menhu-1-thread" in med and base:
        print(f"\nmenhu speed-up from 1 to {os.cpu_count()} threads: {med['menhu-1-thread'][0] / base[0]:.2f}×")
    sys.stdout.flush()
    return med


def load_average():
    """The 1, 5 and 15 minute load averages: the machine is shared, so figures taken
    under load are to be read with it."""
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def report_scaling(by_size):
    """Wall time and peak memory of each engine across sizes, relative to the smallest."""
    sizes = sorted(by_size)
    if len(sizes) < 2:
        return
    engines = [e for e in by_size[sizes[0]] if all(e in by_size[n] for n in sizes)]
    print(f"\n## Scaling from {sizes[0]} to {sizes[-1]} pages (medians)\n")
    print("| engine | " + " | ".join(f"wall s @{n}" for n in sizes) + f" | wall growth (pages ×{sizes[-1] // sizes[0]})"
          + " | " + " | ".join(f"MiB @{n}" for n in sizes) + " |")
    print("|---|" + "---:|" * (2 * len(sizes) + 1))
    for e in engines:
        walls = [by_size[n][e][0] for n in sizes]
        rss = [by_size[n][e][2] for n in sizes]
        print(f"| {e} | " + " | ".join(f"{w:.2f}" for w in walls) + f" | {walls[-1] / walls[0]:.1f}× | "
              + " | ".join(f"{r:.0f}" for r in rss) + " |")
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs of each engine first (default 1)")
    ap.add_argument("--engines", default="menhu,hugo,zola", type=lambda s: s.split(","))
    ap.add_argument("--menhu", default=os.path.join(REPO, "target", "release", "menhu"))
    ap.add_argument("--corpus", default=os.environ.get("BENCH_TMP", "/tmp/menhu-bench"))
    ap.add_argument("--out-base", default=None, help="where outputs go (default: CORPUS/out)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--product", action="store_true", help="also time menhu's full product on the same content")
    ap.add_argument("--threads", action="store_true", help="also time menhu on one thread")
    ap.add_argument("--incremental", action="store_true",
                    help="also time each engine's build after one page's body was edited")
    ap.add_argument("--product-max-pages", type=int, default=sys.maxsize,
                    help="largest corpus the full product is timed on (default: every size)")
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(SHARED, "gen_corpus.py")):
        sys.exit(f"corpus generator not found at {SHARED}/gen_corpus.py")
    if not os.access(args.menhu, os.X_OK):
        sys.exit(f"no menhu binary at {args.menhu}: run `cargo build --release` first")
    if not os.path.exists("/usr/bin/time"):
        sys.exit("needs GNU time at /usr/bin/time (apt-get install time)")
    os.makedirs(args.corpus, exist_ok=True)
    args.out_base = args.out_base or os.path.join(args.corpus, "out")
    print(f"# menhu {args.menhu}; corpus {args.corpus}; outputs {args.out_base}; {os.cpu_count()} cores;"
          f" load average {load_average()}")
    by_size = {}
    for pages in args.pages:
        by_size[pages] = report(pages, bench(args, args.corpus, pages))
    report_scaling(by_size)


if __name__ == "__main__":
    main()
