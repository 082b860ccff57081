#!/bin/sh
# Live-reload latency of `menhu serve` on the 1,000- and 10,000-page Zola corpora:
# medians of 20 edits from writing a file to the reload event reaching a connected
# client (one page; the base template every page extends), to the edited page fetched
# over HTTP showing the edit (idle, and saved every 0.3 s while rebuilds run), next to a
# full build. See bench/README.md.
#
#     bench/reload.sh [PAGES...]        # default: 1000 10000
#     FIGURES=idle,autosave EDITS=10 bench/reload.sh 10000
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
    uptime
    python3 "$here/reload.py" --menhu "$menhu" --site "$site" --edits "${EDITS:-20}" \
        --figures "${FIGURES:-page,idle,autosave,template,build}"
done
