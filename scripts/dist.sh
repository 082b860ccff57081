#!/usr/bin/env bash
# The release tarball a site repository downloads: dist/menhu-<version>-x86_64-linux.tar.gz
# (the binary, both licences, a README excerpt) and its .sha256 beside it.
#
#   scripts/dist.sh                       # builds with `cargo build --profile dist`
#   MENHU_DIST_BINARY=path scripts/dist.sh   # packs a binary already built (tests do this)
#   MENHU_DIST_OUT=folder scripts/dist.sh    # writes there instead of dist/
#
# With cargo-zigbuild on the PATH (`pip install cargo-zigbuild ziglang`), the binary is
# linked against glibc 2.17, so it runs on every x86_64 Linux since 2014 (CentOS 7,
# Debian 8, Ubuntu 14.04 and later). Without it, it is linked against this machine's
# glibc and runs only where glibc is as new; the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
name="menhu-${version}-x86_64-linux"
out="${MENHU_DIST_OUT:-dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ -n "${MENHU_DIST_BINARY:-}" ]; then
  binary="$MENHU_DIST_BINARY"
elif command -v cargo-zigbuild >/dev/null 2>&1; then
  cargo zigbuild --locked --profile dist --target x86_64-unknown-linux-gnu.2.17
  binary="target/x86_64-unknown-linux-gnu/dist/menhu"
else
  echo "dist.sh: cargo-zigbuild not found: linking against this machine's glibc ($(ldd --version | head -n 1))" >&2
  cargo build --locked --profile dist
  binary="target/dist/menhu"
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
install -m 0755 "$binary" "$stage/$name/menhu"
cp LICENSE-MIT LICENSE-APACHE "$stage/$name/"
# The README's opening, its table of commands and its licence: what a site's operator
# needs beside the binary; the rest is for people working on menhu.
awk '
  /^## / { seen_heading = 1; keep = ($0 == "## Commands" || $0 == "## License") }
  keep || !seen_heading { print }
' README.md > "$stage/$name/README.md"

# Reproducible: sorted names, fixed owner, the commit's date as every file's time.
stamp="$(git log -1 --format=%cI 2>/dev/null || echo 2026-01-01T00:00:00Z)"
tarball="$out/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$stamp" \
  -C "$stage" -cf - "$name" | gzip -9n > "$tarball"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$tarball"
