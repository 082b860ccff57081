#!/usr/bin/env python3
"""Live-reload latency of `menhu serve` (Python 3 stdlib only).

    python3 bench/reload.py --menhu target/release/menhu --site DIR [--edits 20]

Starts `menhu serve --port 0` on DIR (a corpus from gen_corpus.py --flavor zola),
connects to the server's event stream like an open page does, then times, for each
kind of edit, the moment the file is written until the `change` event arrives:

  page      one page's body (a paragraph appended, then removed again); the first
            `change` event, which names the edited page (lists follow later)
  page-all  the same edits, until the rebuild ended (lists, feeds, search: the
            `built` event)
  template  templates/base.html, which every page extends (tmpl-all: until `built`)

Also times `menhu build` of the same site (full build to disk) for comparison.
Prints one line per figure: `figure median_ms min_ms max_ms`. The site's files are
restored afterwards.
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def start_server(menhu, site):
    proc = subprocess.Popen(
        [menhu, "--root", site, "serve", "--port", "0"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.time() + 600
    while time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            sys.exit("menhu serve exited before serving")
        if "serving the site at http://" in line:
            address = line.split("http://", 1)[1].split("/", 1)[0]
            host, port = address.rsplit(":", 1)
            return proc, (host, int(port))
    sys.exit("menhu serve did not start in time")


class Events:
    """A minimal Server-Sent Events reader."""

    def __init__(self, address):
        self.sock = socket.create_connection(address, timeout=60)
        self.sock.sendall(b"GET /__menhu/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        self.buffer = b""
        self.next_event()  # hello

    def next_event(self):
        while b"\n\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("event stream closed")
            self.buffer += chunk
        block, self.buffer = self.buffer.split(b"\n\n", 1)
        name = None
        for line in block.decode("utf-8", "replace").splitlines():
            if line.startswith("event: "):
                name = line[7:]
        return name if name else self.next_event()

    def wait_for(self, name):
        while True:
            got = self.next_event()
            if got == name:
                return
            if got == "build-error":
                sys.exit("the rebuild failed")


def timed_edits(events, path, edits, edit):
    """Times to the first `change` event and to the end of the rebuild (`built`)."""
    original = open(path, encoding="utf-8").read()
    first, done = [], []
    try:
        for i in range(edits):
            text = edit(original, i)
            started = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            events.wait_for("change")
            first.append((time.perf_counter() - started) * 1000)
            # Start the next edit from an idle server: wait for the rebuild's end.
            events.wait_for("built")
            done.append((time.perf_counter() - started) * 1000)
            time.sleep(0.05)
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        events.wait_for("built")
    return first, done


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


def report(figure, samples):
    print(f"{figure:<10} {statistics.median(samples):10.1f} {min(samples):10.1f} {max(samples):10.1f}",
          flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--menhu", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--builds", type=int, default=3)
    a = ap.parse_args()

    page = os.path.join(a.site, "content", "news", "n000001.md")
    template = os.path.join(a.site, "templates", "base.html")
    print(f"{'figure':<10} {'median_ms':>10} {'min_ms':>10} {'max_ms':>10}")
    proc, address = start_server(a.menhu, a.site)
    try:
        events = Events(address)
        first, done = timed_edits(events, page, a.edits,
                                  lambda text, i: text + f"\n第{i}段：基准测试补充内容。\n")
        report("page", first)
        report("page-all", done)
        first, done = timed_edits(events, template, a.edits,
                                  lambda text, i: text.replace("</footer>", f"<!-- {i} --></footer>"))
        report("template", first)
        report("tmpl-all", done)
    finally:
        proc.terminate()
        proc.wait()
    report("build", full_builds(a.menhu, a.site, a.builds))


if __name__ == "__main__":
    main()
