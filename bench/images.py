#!/usr/bin/python3
"""Time image processing: menhu against Hugo and Zola on 200 camera photos.

    /usr/bin/python3 bench/images.py [--photos 200] [--runs 3] [--engines menhu,hugo,zola]
                                     [--zola PATH] [--hugo PATH] [--menhu PATH] [--out bench/out/images]

Generates `--photos` synthetic camera photos (4000 × 3000 JPEG, quality 90: smooth colour
fields, shapes and grain from a fixed seed, so every run and machine gets the same
files; no real photograph is used), each in a page bundle of its own, and publishes
each at three widths (480, 960, 1600; `fit_width`, Lanczos 3, quality 75) as WebP and
as JPEG: 1,200 copies.

- Hugo builds a Hugo site whose page template calls `.Resize "480x webp q75 Lanczos"`
  (and so on) on the bundle's photo; its cache is `resources/_gen/`.
- Zola builds a Zola site whose page template calls `resize_image(path=…, width=480,
  op="fit_width", format="webp", quality=75)` (and so on); its cache is
  `static/processed_images/`.
- menhu builds the same Zola site with `menhu build` when the binary has
  `resize_image` (the Zola flavour, as in bench/build.py), its cache being
  `.menhu-cache/images/`; with `--menhu-example` it runs the `image_batch` example
  instead (the pipeline on the same jobs, copies into `public/processed_images/`).

Cold: the engine's image cache and output are deleted first. Warm: the same build
again, straight after, with the cache left as the cold build made it. Rounds alternate
the engines (each round: every engine cold then warm, in a rotating order), so drift of
the machine hits all alike. Prints median wall time, CPU time and peak RSS (GNU time)
per engine and mode, and checks that every build published 1,200 copies.
"""
import argparse
import glob
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WIDTHS = (480, 960, 1600)
FORMATS = ("webp", "jpg")
QUALITY = 75
SIZE = (4000, 3000)


# --- Photos -----------------------------------------------------------------------

def synth_photo(args):
    """One photo-like JPEG: a smooth colour field (sky, ground), soft shapes, and fine
    grain, all drawn from `seed`."""
    path, seed = args
    if os.path.exists(path):
        return path
    rng = random.Random(seed)
    w, h = SIZE
    small = (w // 4, h // 4)
    field = Image.frombytes("RGB", (16, 12), rng.randbytes(16 * 12 * 3))
    image = field.resize(small, Image.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        rx, ry = rng.randrange(10, 180), rng.randrange(10, 120)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - rx, y - ry, x + rx, y + ry), fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(1)).resize(SIZE, Image.BICUBIC)
    grain = Image.frombytes("L", (w // 2, h // 2), rng.randbytes((w // 2) * (h // 2)))
    grain = grain.resize(SIZE, Image.BILINEAR).convert("RGB")
    image = Image.blend(image, grain, 0.18)
    image.save(path, "JPEG", quality=90)
    return path


def photos(out, count, seed):
    folder = os.path.join(out, "photos")
    os.makedirs(folder, exist_ok=True)
    jobs = [(os.path.join(folder, f"{i:03}.jpg"), seed * 100_003 + i) for i in range(count)]
    missing = [j for j in jobs if not os.path.exists(j[0])]
    if missing:
        print(f"generating {len(missing)} photos of {SIZE[0]}×{SIZE[1]} …", flush=True)
        with multiprocessing.Pool() as pool:
            pool.map(synth_photo, missing)
    return [j[0] for j in jobs]


def place(photo, target):
    """Hard-links a photo into a site (a copy where links are not possible)."""
    if os.path.exists(target):
        return
    try:
        os.link(photo, target)
    except OSError:
        shutil.copyfile(photo, target)


# --- Sites ------------------------------------------------------------------------

ZOLA_CONFIG = """\
base_url = "https://bench.example.org"
title = "Photos"
compile_sass = false
build_search_index = false
generate_feeds = false
"""

ZOLA_PAGE = """\
<!doctype html><html><head><title>{{ page.title }}</title></head><body>
{% for width in [480, 960, 1600] %}{% for format in ["webp", "jpg"] %}
{% set copy = resize_image(path=page.extra.photo, width=width, op="fit_width", format=format, quality=75) %}
<img src="{{ copy.url }}" width="{{ copy.width }}" height="{{ copy.height }}" alt="">
{% endfor %}{% endfor %}
</body></html>
"""

ZOLA_LIST = """\
<!doctype html><html><head><title>Photos</title></head><body>
{% if section %}{% for page in section.pages %}<a href="{{ page.permalink }}">{{ page.title }}</a>
{% endfor %}{% endif %}</body></html>
"""

HUGO_CONFIG = """\
baseURL = "https://bench.example.org/"
title = "Photos"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[imaging]
quality = 75
resampleFilter = "Lanczos"
"""

HUGO_PAGE = """\
<!doctype html><html><head><title>{{ .Title }}</title></head><body>
{{ with .Resources.GetMatch "photo.jpg" }}{{ $photo := . }}
{{ range slice 480 960 1600 }}{{ $width := . }}{{ range slice "webp" "jpg" }}
{{ $copy := $photo.Resize (printf "%dx %s q75 Lanczos" $width .) }}
<img src="{{ $copy.RelPermalink }}" width="{{ $copy.Width }}" height="{{ $copy.Height }}" alt="">
{{ end }}{{ end }}{{ end }}
</body></html>
"""

HUGO_LIST = """\
<!doctype html><html><head><title>Photos</title></head><body>
{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ end }}</body></html>
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def zola_site(out, photo_paths):
    root = os.path.join(out, "zola-site")
    write(os.path.join(root, "config.toml"), ZOLA_CONFIG)
    write(os.path.join(root, "templates/page.html"), ZOLA_PAGE)
    write(os.path.join(root, "templates/section.html"), ZOLA_LIST)
    write(os.path.join(root, "templates/index.html"), ZOLA_LIST)
    write(os.path.join(root, "content/_index.md"), "+++\ntitle = \"Photos\"\n+++\n")
    write(os.path.join(root, "content/photos/_index.md"), "+++\ntitle = \"Photos\"\n+++\n")
    for i, photo in enumerate(photo_paths):
        bundle = os.path.join(root, f"content/photos/p{i:03}")
        write(os.path.join(bundle, "index.md"),
              f"+++\ntitle = \"Photo {i}\"\ndate = 2026-01-01\n[extra]\n"
              f"photo = \"content/photos/p{i:03}/photo.jpg\"\n+++\n")
        place(photo, os.path.join(bundle, "photo.jpg"))
    return root


def hugo_site(out, photo_paths):
    root = os.path.join(out, "hugo-site")
    write(os.path.join(root, "config.toml"), HUGO_CONFIG)
    write(os.path.join(root, "layouts/_default/single.html"), HUGO_PAGE)
    write(os.path.join(root, "layouts/_default/list.html"), HUGO_LIST)
    write(os.path.join(root, "layouts/index.html"), HUGO_LIST)
    for i, photo in enumerate(photo_paths):
        bundle = os.path.join(root, f"content/photos/p{i:03}")
        write(os.path.join(bundle, "index.md"), f"+++\ntitle = \"Photo {i}\"\ndate = 2026-01-01\n+++\n")
        place(photo, os.path.join(bundle, "photo.jpg"))
    return root


# --- Engines ----------------------------------------------------------------------

def count_zola_copies(root):
    return len(glob.glob(os.path.join(root, "public/processed_images/*")))


def count_hugo_copies(root):
    return sum(len(glob.glob(os.path.join(root, f"public/photos/*/*_hu*.{f}"))) for f in FORMATS)


def engines(args, out, photo_paths):
    zola_root = zola_site(out, photo_paths)
    hugo_root = hugo_site(out, photo_paths)
    found = {}
    if args.menhu_example:
        found["menhu"] = {
            "cmd": [args.menhu_example, zola_root, "--quality", str(QUALITY)],
            "cwd": zola_root,
            "cache": [os.path.join(zola_root, ".menhu-cache"), os.path.join(zola_root, "public")],
            "count": count_zola_copies,
            "root": zola_root,
        }
    elif args.menhu:
        found["menhu"] = {
            "cmd": [args.menhu, "build", "--root", zola_root],
            "cwd": zola_root,
            "cache": [os.path.join(zola_root, ".menhu-cache")],
            "count": count_zola_copies,
            "root": zola_root,
        }
    if args.hugo and shutil.which(args.hugo):
        found["hugo"] = {
            "cmd": [args.hugo, "--quiet", "--source", hugo_root],
            "cwd": hugo_root,
            "cache": [os.path.join(hugo_root, "resources"), os.path.join(hugo_root, "public")],
            "count": count_hugo_copies,
            "root": hugo_root,
        }
    if args.zola and os.access(args.zola, os.X_OK):
        found["zola"] = {
            "cmd": [args.zola, "--root", zola_root, "build"],
            "cwd": zola_root,
            "cache": [os.path.join(zola_root, "static/processed_images")],
            "count": count_zola_copies,
            "root": zola_root,
        }
    elif args.zola:
        print(f"zola: no executable at {args.zola}; skipped (build it, then pass --zola PATH)")
    wanted = [e for e in args.engines.split(",") if e in found]
    return {name: found[name] for name in wanted}


def timed(cmd, cwd):
    """Runs cmd under GNU time; (wall s, cpu s, peak RSS MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + cmd
        result = subprocess.run(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr[-3000:]}")
        wall, user, system, rss = t.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss) / 1024


def clear(paths):
    for path in paths:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        elif os.path.lexists(path):
            os.remove(path)


def bench(args, chosen, expected):
    results = {(name, mode): [] for name in chosen for mode in ("cold", "warm")}
    names = list(chosen)
    for round_no in range(args.runs):
        order = names[round_no % len(names):] + names[:round_no % len(names)]
        for name in order:
            engine = chosen[name]
            # menhu and Zola share the site: each starts from its own clean state.
            clear([os.path.join(engine["root"], "public")] + engine["cache"])
            if engine["root"].endswith("zola-site"):
                clear([os.path.join(engine["root"], ".menhu-cache"),
                       os.path.join(engine["root"], "static/processed_images")])
            for mode in ("cold", "warm"):
                figures = timed(engine["cmd"], engine["cwd"])
                copies = engine["count"](engine["root"])
                if copies != expected:
                    sys.exit(f"{name} {mode}: published {copies} copies, expected {expected}")
                results[(name, mode)].append(figures)
                print(f"round {round_no + 1} {name:5} {mode}: {figures[0]:7.2f} s wall, "
                      f"{figures[1]:7.2f} s CPU, {figures[2]:7.0f} MiB", flush=True)
    return results


def report(results, photos_count, runs):
    print(f"\n{photos_count} photos of {SIZE[0]}×{SIZE[1]}, {len(WIDTHS)} widths × "
          f"{len(FORMATS)} formats = {photos_count * len(WIDTHS) * len(FORMATS)} copies; "
          f"median of {runs} runs")
    print(f"{'engine':8} {'mode':5} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9}")
    base = {}
    for (name, mode), runs_of in results.items():
        wall = statistics.median(r[0] for r in runs_of)
        cpu = statistics.median(r[1] for r in runs_of)
        rss = statistics.median(r[2] for r in runs_of)
        if name == "menhu":
            base[mode] = wall
        ratio = f"  {wall / base[mode]:5.1f}× menhu" if mode in base and name != "menhu" else ""
        print(f"{name:8} {mode:5} {wall:8.2f} {cpu:8.2f} {rss:9.0f}{ratio}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=29)
    parser.add_argument("--engines", default="menhu,hugo,zola")
    parser.add_argument("--menhu", default=os.path.join(REPO, "target/release/menhu"))
    parser.add_argument("--menhu-example", default=None,
                        help="path of the built image_batch example, run instead of `menhu build`")
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--zola", default="/work/zola-src/target/release/zola")
    parser.add_argument("--out", default=os.path.join(HERE, "out", "images"))
    args = parser.parse_args()
    args.out = os.path.abspath(args.out)
    args.menhu = args.menhu and os.path.abspath(args.menhu)
    args.menhu_example = args.menhu_example and os.path.abspath(args.menhu_example)
    os.makedirs(args.out, exist_ok=True)
    photo_paths = photos(args.out, args.photos, args.seed)
    chosen = engines(args, args.out, photo_paths)
    if not chosen:
        sys.exit("no engine to run")
    # menhu goes first: in a round every engine then starts from its own clean state.
    results = bench(args, chosen, len(photo_paths) * len(WIDTHS) * len(FORMATS))
    report(results, len(photo_paths), args.runs)


if __name__ == "__main__":
    main()
