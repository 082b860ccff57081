#!/usr/bin/env python3
"""Time a network of sites built at once against the same sites built one by one.

    python3 bench/network.py [--scale 1,30,300] [--pages 100] [--runs 3] [--warmup 1]
                             [--engines network,menhu,hugo] [--out-base /dev/shm/menhu-net]

The corpus (bench/gen_network.py: one province, its cities and counties, `--pages` pages
each, 30 % of each city's and county's pages pushed up to its parent) is made once in
$BENCH_TMP (default /tmp/menhu-bench) and reused. Three ways of building the same pages:

- `network`: `menhu build --network`, one process for every site of `network/`.
- `menhu`:   `menhu build --root <site>` for each of the separate sites of
             `menhu-sites/`, one after the other (each holds copies of the pages pushed
             to it, as a site must without networks).
- `hugo`:    `hugo` for each of the separate Hugo sites of `hugo-sites/`, one after
             the other: Hugo has no networks.

Runs are taken in rounds: each round builds once with every engine, in an order that
turns by one each round, after `--warmup` untimed rounds; every run starts without an
output folder. The table gives medians of the wall time (the whole run: one process, or
all the site builds one after another), the CPU time (user + sys of every process) and
the peak memory (the largest resident set of any one process of the run, from wait4),
each engine's ratio to the network build, and the files each wrote. The load average is
printed before and after: the machine may be shared, and figures taken under load must be
repeated on a quiet machine before they are quoted.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
ENGINES = ["network", "menhu", "hugo"]


def corpus(args):
    """The corpus folder for this scale and size, generated when missing."""
    name = f"network-{args.scale.replace(',', '-')}-{args.pages}p-s{args.seed}"
    root = os.path.join(os.environ.get("BENCH_TMP", "/tmp/menhu-bench"), name)
    if not os.path.isfile(os.path.join(root, "sites.txt")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_network.py"), "--out", root, "--force",
                        "--scale", args.scale, "--pages", str(args.pages), "--seed", str(args.seed)],
                       check=True)
    with open(os.path.join(root, "sites.txt"), encoding="utf-8") as f:
        sites = [line.strip() for line in f if line.strip()]
    return root, sites


def run_one(cmd, cwd=None):
    """Runs cmd; returns (cpu s, peak RSS MiB) of it and its waited-for children."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this process's own resource use, not the sum over every earlier child.
    stderr = b""
    if proc.stderr is not None:
        stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{stderr.decode(errors='replace')[-3000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def commands(engine, root, sites, out, menhu):
    """The processes one run of `engine` starts, in order."""
    if engine == "network":
        return [([menhu, "build", "--network", "--root", os.path.join(root, "network"),
                  "--force", "--output", out], None)]
    if engine == "menhu":
        return [([menhu, "build", "--root", os.path.join(root, "menhu-sites", site),
                  "--force", "--output", os.path.join(out, site)], None) for site in sites]
    return [(["hugo", "--quiet", "--ignoreCache", "--source", os.path.join(root, "hugo-sites", site),
              "--destination", os.path.join(out, site)], None) for site in sites]


def timed_run(engine, root, sites, out, menhu):
    """One run of `engine` into `out`: (wall s, cpu s, peak RSS MiB)."""
    start = time.monotonic()
    cpu, peak = 0.0, 0.0
    for cmd, cwd in commands(engine, root, sites, out, menhu):
        c, rss = run_one(cmd, cwd)
        cpu += c
        peak = max(peak, rss)
    return time.monotonic() - start, cpu, peak


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def clear(path, trash):
    """Removes an output: at once on tmpfs, else moved aside and deleted at the end
    (deleting a large tree slows this VM's disk for the next seconds)."""
    if not os.path.exists(path):
        return
    if path.startswith("/dev/shm/"):
        shutil.rmtree(path)
    else:
        os.makedirs(trash, exist_ok=True)
        os.rename(path, os.path.join(trash, str(time.time_ns())))


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", default="1,30,300", help="province, cities, counties (e.g. 1,3,10)")
    ap.add_argument("--pages", type=int, default=100, help="pages per site")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--menhu", default=os.path.join(REPO, "target", "release", "menhu"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out-base", default=None, help="outputs go here (default: CORPUS/out)")
    args = ap.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    for e in engines:
        if e not in ENGINES:
            sys.exit(f"unknown engine {e!r}: choose from {', '.join(ENGINES)}")
    menhu = os.path.abspath(args.menhu)
    if any(e != "hugo" for e in engines) and not os.access(menhu, os.X_OK):
        sys.exit(f"no menhu binary at {menhu}: run `cargo build --release` first")
    if "hugo" in engines and not shutil.which("hugo"):
        print("# hugo not found on PATH (apt-get install hugo): skipped", file=sys.stderr)
        engines.remove("hugo")

    root, sites = corpus(args)
    out_base = args.out_base or os.path.join(root, "out")
    os.makedirs(out_base, exist_ok=True)
    trash = os.path.join(out_base, ".trash")
    print(f"# corpus {root}: {len(sites)} sites, {args.pages} pages each; load average before: {load()}")

    figures = {e: [] for e in engines}
    files = {}
    for round_no in range(args.warmup + args.runs):
        turn = round_no % len(engines)
        for engine in engines[turn:] + engines[:turn]:
            out = os.path.join(out_base, engine)
            clear(out, trash)
            result = timed_run(engine, root, sites, out, menhu)
            files[engine] = count_files(out)
            if round_no >= args.warmup:
                figures[engine].append(result)
            label = "warm-up" if round_no < args.warmup else f"run {round_no - args.warmup + 1}"
            print(f"#   {label:8} {engine:8} {result[0]:8.2f} s  cpu {result[1]:8.2f} s  "
                  f"peak {result[2]:7.0f} MiB", flush=True)
    for engine in engines:
        clear(os.path.join(out_base, engine), trash)
    shutil.rmtree(trash, ignore_errors=True)

    def median(engine, i):
        return statistics.median(r[i] for r in figures[engine])

    base = median("network", 0) if "network" in engines else None
    print()
    print(f"{len(sites)} sites x {args.pages} pages, medians of {args.runs} runs")
    print(f"| {'engine':34} | {'wall s':>8} | {'cpu s':>8} | {'peak MiB':>8} | {'files':>8} | {'wall / network':>14} |")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 16}|")
    describe = {"network": "menhu build --network (1 process)",
                "menhu": f"menhu build, {len(sites)} sites one by one",
                "hugo": f"hugo, {len(sites)} sites one by one"}
    for engine in engines:
        wall = median(engine, 0)
        ratio = f"{wall / base:.2f}" if base else "-"
        print(f"| {describe[engine]:34} | {wall:8.2f} | {median(engine, 1):8.2f} | "
              f"{median(engine, 2):8.0f} | {files[engine]:8} | {ratio:>14} |")
    print(f"\nload average after: {load()}; {os.cpu_count()} CPUs; "
          f"children's peak RSS overall {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
