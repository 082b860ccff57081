#!/usr/bin/env bash
# Screenshots of the demo portal in headless Chromium, at 1280 and 390 pixels wide:
# the home page, an article, a city page and the organization directory (and the
# Traditional home page, and the article in high-contrast mode). PNGs go to screenshots/ (git-ignored).
#
#   scripts/screenshots.sh            # needs /usr/bin/chromium, node, and fonts-noto-cjk for Chinese glyphs
#   SHOT_MAX_HEIGHT=1200 scripts/screenshots.sh   # only the top of each page
set -euo pipefail
cd "$(dirname "$0")/.."

out="screenshots"
mkdir -p "$out"
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

cargo run --quiet -- build --output "$site" --force --base-url "http://127.0.0.1:$port"
node tests/browser/cdp.mjs shot "$site" "$port" "$out" \
  home=/ \
  article=/news/tzgg/jiang-jie-da-sai-bao-ming/ \
  city=/cities/wuzhou/ \
  orgs=/orgs/ \
  home-traditional=/zh-hant/ \
  article-contrast=/news/tzgg/jiang-jie-da-sai-bao-ming/+contrast
