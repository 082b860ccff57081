#!/usr/bin/env python3
"""Live-reload latency of `menhu serve` (Python 3 stdlib only).

    python3 bench/reload.py --menhu target/release/menhu --site DIR [--edits 20]
                            [--figures page,idle,autosave,template,build]

Starts `menhu serve --port 0` on DIR (a corpus from gen_corpus.py --flavor zola),
connects to the server's event stream like an open page does, then times, for each
kind of edit, the moment the file is written until it shows:

  page      one page's body (a paragraph appended, then removed again); the first
            `change` event, which names the edited page (lists follow later)
  page-all  the same edits, until the rebuild ended (lists, feeds, search: the
            `built` event)
  idle      one page's body edited on an idle server, until the page fetched over
            HTTP (as the reloading browser fetches it) shows the edit
  autosave  the same page saved every 0.3 s (an editor with autosave on), so most
            saves land while the previous save's rebuild runs; each save is timed
            until the page fetched over HTTP shows it or a later save
  template  templates/base.html, which every page extends (tmpl-all: until `built`)
  build     a full `menhu build` of the same site to tmpfs, for comparison

Prints one line per figure: `figure median_ms min_ms max_ms`; `autosave` also says how
many saves landed while a rebuild was running. The site's files are restored afterwards.
"""
import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

FIGURES = ["page", "idle", "autosave", "template", "build"]
AUTOSAVE_EVERY = 0.3
MARK = re.compile(r"基准测试标记(\d+)号")


def start_server(menhu, site):
    proc = subprocess.Popen(
        [menhu, "--root", site, "--lang", "en", "serve", "--port", "0"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.time() + 600
    while time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            sys.exit("menhu serve exited before serving")
        if "serving the site at http://" in line:
            address = line.split("http://", 1)[1].split("/", 1)[0]
            host, port = address.rsplit(":", 1)
            # Keep reading the server's output, so it never blocks on a full pipe.
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            return proc, (host, int(port))
    sys.exit("menhu serve did not start in time")


class Events:
    """A minimal Server-Sent Events reader."""

    def __init__(self, address):
        self.sock = socket.create_connection(address, timeout=60)
        # The preview answers only to its own address (any other Host gets 403).
        host = f"{address[0]}:{address[1]}".encode()
        self.sock.sendall(
            b"GET /__menhu/events HTTP/1.1\r\nHost: " + host
            + b"\r\nAccept: text/event-stream\r\n\r\n")
        self.buffer = b""
        self.next_event()  # hello

    def next_event(self):
        """The next event's name and data."""
        while b"\n\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("event stream closed")
            self.buffer += chunk
        block, self.buffer = self.buffer.split(b"\n\n", 1)
        name, data = None, ""
        for line in block.decode("utf-8", "replace").splitlines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                data += line[6:]
        if name == "build-error":
            sys.exit("the rebuild failed")
        return (name, data) if name else self.next_event()

    def wait_for(self, name):
        while self.next_event()[0] != name:
            pass


def fetch(address, path):
    """The page at `path`, fetched as the browser does after a reload event."""
    conn = http.client.HTTPConnection(*address, timeout=60)
    try:
        conn.request("GET", path, headers={"Host": f"{address[0]}:{address[1]}"})
        return conn.getresponse().read().decode("utf-8", "replace")
    finally:
        conn.close()


def timed_edits(events, path, edits, edit):
    """Times to the first `change` event and to the end of the rebuild (`built`)."""
    original = open(path, encoding="utf-8").read()
    first, done = [], []
    try:
        for i in range(edits):
            text = edit(original, i)
            started = time.perf_counter()
            write(path, text)
            events.wait_for("change")
            first.append((time.perf_counter() - started) * 1000)
            # Start the next edit from an idle server: wait for the rebuild's end.
            events.wait_for("built")
            done.append((time.perf_counter() - started) * 1000)
            time.sleep(0.05)
    finally:
        write(path, original)
        events.wait_for("built")
    return first, done


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def marked(original, n):
    return original + f"\n基准测试标记{n}号：补充内容。\n"


class Page:
    """The edited page as the browser sees it: refetched on every `change` event that
    names it; `seen[n]` is when save `n` (or a later one) first showed."""

    def __init__(self, events, address, output, url):
        self.events, self.address, self.output, self.url = events, address, output, url
        self.seen = {}
        self.rebuilding = False

    def watch_until(self, saves, written, deadline):
        while len(self.seen) < saves and time.perf_counter() < deadline:
            name, data = self.events.next_event()
            if name == "built":
                self.rebuilding = False
            if name != "change" or self.output not in data:
                continue
            match = MARK.search(fetch(self.address, self.url))
            now = time.perf_counter()
            if match:
                shown = int(match.group(1))
                for n in written:
                    if n <= shown and n not in self.seen:
                        self.seen[n] = now


def edit_page_output(events, path, original):
    """The output path and URL of the edited page, from its first `change` event."""
    write(path, marked(original, 0))
    name, data = events.next_event()
    while name != "change":
        name, data = events.next_event()
    events.wait_for("built")
    output = data.split('"paths":["', 1)[1].split('"', 1)[0]
    return output, "/" + output.removesuffix("index.html")


def idle_edits(events, address, path, edits):
    original = open(path, encoding="utf-8").read()
    try:
        output, url = edit_page_output(events, path, original)
        page = Page(events, address, output, url)
        samples = []
        for n in range(1, edits + 1):
            time.sleep(0.2)
            started = time.perf_counter()
            write(path, marked(original, n))
            page.watch_until(n, {n: started}, started + 30)
            samples.append((page.seen[n] - started) * 1000)
            events.wait_for("built")
    finally:
        write(path, original)
        events.wait_for("built")
    return samples


def autosave_edits(events, address, path, edits):
    """Saves every AUTOSAVE_EVERY seconds from a thread of its own, as an editor's
    autosave does whatever the server is doing; returns the latencies and how many
    saves landed while a rebuild ran."""
    original = open(path, encoding="utf-8").read()
    try:
        output, url = edit_page_output(events, path, original)
        page = Page(events, address, output, url)
        written = {}
        during = []

        def saver():
            start = time.perf_counter()
            for n in range(1, edits + 1):
                time.sleep(max(0.0, start + (n - 1) * AUTOSAVE_EVERY - time.perf_counter()))
                during.append(page.rebuilding)
                written[n] = time.perf_counter()
                write(path, marked(original, n))
                page.rebuilding = True

        thread = threading.Thread(target=saver)
        thread.start()
        page.watch_until(edits, written, time.perf_counter() + 60 + edits * AUTOSAVE_EVERY)
        thread.join()
        samples = [(page.seen[n] - written[n]) * 1000 for n in sorted(page.seen)]
        if len(samples) < edits:
            sys.exit(f"only {len(samples)} of {edits} saves showed")
        # Let the last rebuild end before restoring the file.
        time.sleep(1)
    finally:
        write(path, original)
    return samples, sum(during)


def full_builds(menhu, site, runs):
    # tmpfs when there is one: the figure is the build, not the disk.
    out = tempfile.mkdtemp(prefix="menhu-bench-out-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    samples = []
    try:
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([menhu, "--root", site, "build", "--force", "--output",
                            os.path.join(out, "public")], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return samples


def report(figure, samples, note=""):
    print(f"{figure:<10} {statistics.median(samples):10.1f} {min(samples):10.1f} {max(samples):10.1f}{note}",
          flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--menhu", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--builds", type=int, default=3)
    ap.add_argument("--figures", default=",".join(FIGURES),
                    help=f"comma-separated, among {','.join(FIGURES)} (default: all)")
    a = ap.parse_args()
    figures = a.figures.split(",")
    unknown = [f for f in figures if f not in FIGURES]
    if unknown:
        sys.exit(f"unknown figures: {', '.join(unknown)}")

    page = os.path.join(a.site, "content", "news", "n000001.md")
    template = os.path.join(a.site, "templates", "base.html")
    print(f"{'figure':<10} {'median_ms':>10} {'min_ms':>10} {'max_ms':>10}")
    proc, address = start_server(a.menhu, a.site)
    try:
        events = Events(address)
        if "page" in figures:
            first, done = timed_edits(events, page, a.edits,
                                      lambda text, i: text + f"\n第{i}段：基准测试补充内容。\n")
            report("page", first)
            report("page-all", done)
        if "idle" in figures:
            report("idle", idle_edits(events, address, page, a.edits))
        if "autosave" in figures:
            samples, during = autosave_edits(events, address, page, a.edits)
            report("autosave", samples, f"   ({during} of {a.edits} saves during a rebuild)")
        if "template" in figures:
            first, done = timed_edits(events, template, a.edits,
                                      lambda text, i: text.replace("</footer>", f"<!-- {i} --></footer>"))
            report("template", first)
            report("tmpl-all", done)
    finally:
        proc.terminate()
        proc.wait()
    if "build" in figures:
        report("build", full_builds(a.menhu, a.site, a.builds))


if __name__ == "__main__":
    main()
