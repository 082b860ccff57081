#!/usr/bin/env python3
"""Make the network benchmark corpus: one province, its cities and their counties, each a
site of 科协 pages, in three flavours holding the same pages.

    python3 bench/gen_network.py --out DIR [--scale 1,30,300] [--pages 100] [--push 0.3]
                                 [--province 广西壮族自治区] [--seed 42] [--force]

Regions are real: read from this repository's data/divisions.tsv (GB/T 2260). The
province's own prefectures come first; no province has 30, so further cities are taken
from the next provinces in code order and name the province as their `parent` in
network.toml. Counties are dealt out to the cities in turn, from each city's own
counties. The text (titles, paragraphs, headings, lists, tables) comes from the corpus
generator of the shared benchmark notes, `gen_corpus.py`, found as bench/build.py finds
it, with its seed material.

Every site has `--pages` pages: 70 % news, 20 % cases, 10 % organisations. Of every
city's and county's pages, the share `--push` (news only) is pushed up to its parent
site (报送, `push = ["parent"]`), where it lands in the same section.

Flavours, under --out:

- `network/`: a menhu network: network.toml, the benchmark theme once in
  themes/bench/, and sites/<name>/ with a site-config.toml and content/ each. Built with
  `menhu build --network`: every pushed page is read once and shown by both sites.
- `menhu-sites/<name>/`: the same sites as separate menhu sites (the Zola flavour:
  config.toml and templates/ each), every page a site receives copied into its content:
  what one does without networks. Built with `menhu build --root <site>` one by one.
- `hugo-sites/<name>/`: the same separate sites for Hugo (hugo.toml and layouts/ each),
  the same copies. Built with `hugo` one by one: Hugo has no networks.

Prints one line per flavour and writes `sites.txt` (the site names, province first).
"""
import argparse
import datetime as dt
import importlib.util
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from build import SHARED  # noqa: E402  (the corpus generator, found as bench/build.py finds it)
DIVISIONS = os.path.join(REPO, "data", "divisions.tsv")


def load_gen_corpus():
    path = os.path.join(SHARED, "gen_corpus.py")
    if not os.path.isfile(path):
        sys.exit(f"no corpus generator at {path}: the shared benchmark notes must sit beside this repository")
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Division:
    def __init__(self, code, level, name, parent):
        self.code, self.level, self.name, self.parent = code, level, name, parent
        self.children = []


def load_divisions():
    divisions = {}
    with open(DIVISIONS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, level, name, parent = (line.rstrip("\n").split("\t") + [""])[:4]
            divisions[code] = Division(code, level, name, parent)
    for d in divisions.values():
        if d.parent in divisions:
            divisions[d.parent].children.append(d)
    for d in divisions.values():
        d.children.sort(key=lambda c: c.code)
    return divisions


class Member:
    """One site of the network."""

    def __init__(self, division, kind, full_region, parent=None, explicit_parent=False):
        self.division = division
        self.kind = kind  # province, city or county
        # Site names from the division codes: p450000, c450400, a450421.
        self.name = {"province": "p", "city": "c", "county": "a"}[kind] + division.code
        self.region = full_region
        self.parent = parent
        self.explicit_parent = explicit_parent
        short = division.name
        for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"):
            if short.endswith(suffix) and len(short) > len(suffix) + 1:
                short = short[: -len(suffix)]
                break
        self.short = short
        # Unique in the network: two cities may each have a 城中区.
        owner = parent.division.name if kind == "county" else ""
        self.association = f"{owner}{division.name}科学技术协会"


def choose_members(divisions, province_name, n_cities, n_counties):
    provinces = sorted((d for d in divisions.values() if d.level == "p"), key=lambda d: d.code)
    try:
        top = next(p for p in provinces if p.name == province_name or p.name.startswith(province_name))
    except StopIteration:
        sys.exit(f"no province {province_name!r} in {DIVISIONS}")
    province = Member(top, "province", top.name)
    # The province's prefectures first, then those of the next provinces (in code order,
    # going round), which name the province as their parent explicitly.
    order = provinces[provinces.index(top):] + provinces[: provinces.index(top)]
    cities = []
    for p in order:
        for c in p.children:
            if c.level == "c" and c.children and len(cities) < n_cities:
                cities.append(Member(c, "city", p.name + c.name, province, explicit_parent=p is not top))
    if len(cities) < n_cities:
        sys.exit(f"only {len(cities)} cities in the registry")
    # Counties dealt out to the cities in turn, each from its own city's counties.
    counties = []
    pools = [list(c.division.children) for c in cities]
    while len(counties) < n_counties and any(pools):
        for city, pool in zip(cities, pools):
            if pool and len(counties) < n_counties:
                county = pool.pop(0)
                counties.append(Member(county, "county", city.region + county.name, city))
    if len(counties) < n_counties:
        sys.exit(f"only {len(counties)} counties under the chosen cities: choose another --province")
    return [province] + cities + counties


def network_toml(members):
    lines = ['# The network benchmark corpus (bench/gen_network.py).', "[network]",
             'name = "基准测试站群"', ""]
    for m in members:
        lines += ["[[sites]]", f'name = "{m.name}"', f'path = "sites/{m.name}"',
                  f'region = "{m.region}"', f'association = "{m.association}"']
        if m.explicit_parent:
            lines.append(f'parent = "{m.parent.name}"')
        lines.append("")
    return "\n".join(lines)


def site_config(zola_config, member, theme):
    """The benchmark corpus's Zola config for one member: its own base URL and title."""
    text = zola_config.replace('base_url = "https://kx.example.org"',
                               f'base_url = "https://{member.name}.kx.example.org"')
    text = text.replace('title = "科协门户"', f'title = "{member.short}科协门户"')
    if theme:
        # Top-level keys go before the first table.
        head, sep, tail = text.partition("\n[")
        text = head.rstrip("\n") + f'\ntheme = "{theme}"\n' + sep + tail
    return text


def hugo_config(hugo_toml, member):
    text = hugo_toml.replace('baseURL = "https://kx.example.org/"',
                             f'baseURL = "https://{member.name}.kx.example.org/"')
    return text.replace('title = "科协门户"', f'title = "{member.short}科协门户"')


class Page:
    def __init__(self, member, kind, number, fields, body, pushed):
        self.member, self.kind, self.number = member, kind, number
        self.fields, self.body, self.pushed = fields, body, pushed

    def file_name(self, prefix=""):
        letter = {"news": "n", "cases": "c", "orgs": "o"}[self.kind]
        return f"{prefix}{letter}{self.number:06d}.md"

    def text(self, gen, flavor, push):
        head = gen.front_matter(self.fields, "zola" if flavor in ("zola", "network") else "hugo")
        if push:
            # A top-level key: after the date line, before [taxonomies].
            lines = head.split("\n")
            at = next(i for i, line in enumerate(lines) if line.startswith("date = ")) + 1
            lines.insert(at, 'push = ["parent"]')
            head = "\n".join(lines)
        return head + self.body + "\n"


def pages_of(gen, member, corpus, rng, count, push_share):
    n_news = round(count * 0.7)
    n_cases = round(count * 0.2)
    kinds = ["news"] * n_news + ["cases"] * n_cases + ["orgs"] * (count - n_news - n_cases)
    rng.shuffle(kinds)
    news = [i for i, k in enumerate(kinds) if k == "news"]
    pushed = set()
    if member.parent is not None:
        pushed = set(rng.sample(news, min(len(news), round(count * push_share))))
    start = dt.datetime(2015, 1, 1, 8, 0)
    span = int((dt.datetime(2026, 3, 31, 18, 0) - start).total_seconds())
    counters = {"news": 0, "cases": 0, "orgs": 0}
    pages = []
    for i, kind in enumerate(kinds):
        counters[kind] += 1
        city = member.short
        fields = dict(title=corpus.title(kind, city),
                      date=start + dt.timedelta(seconds=rng.randrange(span)),
                      tags=rng.sample(gen.TAGS, rng.randint(2, 4)),
                      cities=[city], author=rng.choice(gen.AUTHORS),
                      source=member.association,
                      description=rng.choice(corpus.sent)[:60], extra={})
        if kind == "orgs":
            fields["extra"] = {"org_type": rng.choice(gen.ORG_KINDS),
                               "address": f"{member.division.name}示范路{rng.randint(1, 300)}号"}
        body = corpus.body(kind, city, rng.randint(8, 60))
        pages.append(Page(member, kind, counters[kind], fields, body, i in pushed))
    return pages


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def copy_tree(src, dst):
    for root, _, files in os.walk(src):
        for name in files:
            s = os.path.join(root, name)
            d = os.path.join(dst, os.path.relpath(s, src))
            os.makedirs(os.path.dirname(d), exist_ok=True)
            shutil.copyfile(s, d)


def section_files(gen, flavor, content):
    write(os.path.join(content, "_index.md"), '+++\ntitle = "科协门户"\n+++\n')
    for w, (name, title) in enumerate(gen.SECTIONS, 1):
        write(os.path.join(content, name, "_index.md"), gen.section_index(flavor, name, title, w))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--scale", default="1,30,300",
                    help="provinces (1), cities and counties, e.g. 1,3,10 for a quick run")
    ap.add_argument("--pages", type=int, default=100, help="pages per site")
    ap.add_argument("--push", type=float, default=0.3, help="share of each site's pages pushed to its parent")
    ap.add_argument("--province", default="河北省",
                    help="the top site (河北省 and the next provinces have 300 counties in 30 cities)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--seeds-dir", default=None, help="the generator's seed material (its default when left out)")
    ap.add_argument("--force", action="store_true", help="delete --out first if it exists")
    a = ap.parse_args()
    scale = [int(x) for x in a.scale.split(",")]
    if len(scale) != 3 or scale[0] != 1 or scale[1] < 1 or scale[2] < 0:
        sys.exit("--scale is 1,CITIES,COUNTIES (one province)")

    if os.path.exists(a.out) and os.listdir(a.out):
        if not a.force:
            sys.exit(f"{a.out} exists and is not empty (use --force)")
        shutil.rmtree(a.out)
    os.makedirs(a.out, exist_ok=True)

    gen = load_gen_corpus()
    sentences, phrases, headings, cities = gen.load_material(a.seeds_dir or gen.DEFAULT_SEEDS)
    rng = random.Random(a.seed)
    corpus = gen.Corpus(rng, sentences, phrases, headings, cities)
    members = choose_members(load_divisions(), a.province, scale[1], scale[2])

    templates = os.path.join(SHARED, "templates")
    with open(os.path.join(templates, "zola", "config.toml"), encoding="utf-8") as f:
        zola_config = f.read()
    with open(os.path.join(templates, "hugo", "hugo.toml"), encoding="utf-8") as f:
        hugo_toml = f.read()

    net = os.path.join(a.out, "network")
    write(os.path.join(net, "network.toml"), network_toml(members))
    copy_tree(os.path.join(templates, "zola", "templates"), os.path.join(net, "themes", "bench", "templates"))
    copy_tree(os.path.join(templates, "zola", "static"), os.path.join(net, "themes", "bench", "static"))
    write(os.path.join(net, "themes", "bench", "theme.toml"), 'name = "bench"\n')

    received = {m.name: [] for m in members}
    all_pages = {}
    for m in members:
        all_pages[m.name] = pages_of(gen, m, corpus, rng, a.pages, a.push)
        for p in all_pages[m.name]:
            if p.pushed:
                received[m.parent.name].append(p)

    total = copies = 0
    for m in members:
        site = os.path.join(net, "sites", m.name)
        write(os.path.join(site, "site-config.toml"), site_config(zola_config, m, "bench"))
        section_files(gen, "zola", os.path.join(site, "content"))
        menhu_site = os.path.join(a.out, "menhu-sites", m.name)
        write(os.path.join(menhu_site, "config.toml"), site_config(zola_config, m, None))
        copy_tree(os.path.join(templates, "zola", "templates"), os.path.join(menhu_site, "templates"))
        copy_tree(os.path.join(templates, "zola", "static"), os.path.join(menhu_site, "static"))
        section_files(gen, "zola", os.path.join(menhu_site, "content"))
        hugo_site = os.path.join(a.out, "hugo-sites", m.name)
        write(os.path.join(hugo_site, "hugo.toml"), hugo_config(hugo_toml, m))
        copy_tree(os.path.join(templates, "hugo", "layouts"), os.path.join(hugo_site, "layouts"))
        copy_tree(os.path.join(templates, "hugo", "static"), os.path.join(hugo_site, "static"))
        section_files(gen, "hugo", os.path.join(hugo_site, "content"))
        for p in all_pages[m.name]:
            rel = os.path.join("content", p.kind, p.file_name())
            write(os.path.join(site, rel), p.text(gen, "network", p.pushed))
            write(os.path.join(menhu_site, rel), p.text(gen, "zola", False))
            write(os.path.join(hugo_site, rel), p.text(gen, "hugo", False))
            total += 1
        # Without networks, a receiving site holds a copy of every page pushed to it.
        for p in received[m.name]:
            rel = os.path.join("content", p.kind, p.file_name(prefix=f"{p.member.name}-"))
            write(os.path.join(menhu_site, rel), p.text(gen, "zola", False))
            write(os.path.join(hugo_site, rel), p.text(gen, "hugo", False))
            copies += 1
    write(os.path.join(a.out, "sites.txt"), "\n".join(m.name for m in members) + "\n")
    kinds = {k: sum(1 for m in members if m.kind == k) for k in ("province", "city", "county")}
    print(f"{len(members)} sites ({kinds['province']} province, {kinds['city']} cities, "
          f"{kinds['county']} counties), {a.pages} pages each: {total} pages, "
          f"{copies} pushed to a parent -> {a.out}/{{network,menhu-sites,hugo-sites}}")


if __name__ == "__main__":
    main()
