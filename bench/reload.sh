#!/bin/sh
# Live-reload latency of `menhu serve` on the 1,000- and 10,000-page Zola corpora:
# medians of 20 edits from writing a file to the reload event reaching a connected
# client (one page; the base template every page extends), next to a full build.
#
#     bench/reload.sh [PAGES...]        # default: 1000 10000
#
# Needs the corpus generator (CORPUS_GEN, default /work/shared/bench/gen_corpus.py)
# and builds menhu in release mode. Corpora go to $BENCH_TMP (default /tmp/menhu-reload).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gen=${CORPUS_GEN:-/work/shared/bench/gen_corpus.py}
tmp=${BENCH_TMP:-/tmp/menhu-reload}
cargo build --release --quiet --manifest-path "$here/../Cargo.toml"
menhu="$here/../target/release/menhu"
mkdir -p "$tmp"
for pages in ${*:-1000 10000}; do
    site="$tmp/zola-$pages"
    python3 "$gen" --flavor zola --pages "$pages" --out "$site" --force >/dev/null
    echo "== $pages pages"
    python3 "$here/reload.py" --menhu "$menhu" --site "$site" --edits "${EDITS:-20}"
done
