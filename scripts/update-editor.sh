#!/bin/sh
# Vendors the Markdown editor component of `menhu serve --edit` (Vditor, MIT) into
# assets/editor/vditor/: fetches the pinned release from npm with npm's own client,
# checks the tarball's SHA-256, and copies only the built files the editor loads, with
# the licence. menhu's build never runs npm; it embeds these files (src/serve/edit/assets.rs).
#
#   scripts/update-editor.sh             re-vendors the pinned version
#   VERSION=3.11.3 SHA256=… scripts/update-editor.sh   moves the pin (update both here too)
set -eu

VERSION="${VERSION:-3.11.2}"
SHA256="${SHA256:-cb3a10ee9dfbe67fa780e6f63eb097397d07290340e29468b94c2ee139f330dd}"
FILES="dist/index.min.js dist/index.css dist/js/lute/lute.min.js dist/js/i18n/zh_CN.js
dist/js/icons/ant.js dist/css/content-theme/light.css"

repo="$(cd "$(dirname "$0")/.." && pwd)"
target="$repo/assets/editor/vditor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "vditor@$VERSION" >/dev/null)
tarball="$work/vditor-$VERSION.tgz"
actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
if [ "$actual" != "$SHA256" ]; then
    echo "vditor-$VERSION.tgz has SHA-256 $actual, expected $SHA256: not vendored" >&2
    exit 1
fi
tar -xzf "$tarball" -C "$work"

rm -rf "$target"
for file in $FILES; do
    mkdir -p "$target/$(dirname "$file")"
    cp "$work/package/$file" "$target/$file"
done
cp "$work/package/LICENSE" "$target/LICENSE"
# Lute (Vditor's Markdown engine, 4 MB) is kept compressed: the editor serves it as is,
# with `Content-Encoding: gzip`, and the binary is 3.4 MB smaller.
gzip -9 -n "$target/dist/js/lute/lute.min.js"
printf 'vditor %s\nsha256 %s\n' "$VERSION" "$SHA256" > "$target/VERSION"
echo "vendored vditor $VERSION into assets/editor/vditor ($(du -sk "$target" | cut -f1) KiB)"
