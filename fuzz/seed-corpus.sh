#!/bin/sh
# Writes a small seed corpus for every target into fuzz/corpus/ (not committed) from
# the demo portal in this repository. Run from anywhere; safe to run again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
corpus="$here/corpus"
mkdir -p "$corpus/front_matter" "$corpus/markdown" "$corpus/directory" \
    "$corpus/pinyin_slug" "$corpus/region" "$corpus/search_terms"

n=0
find "$repo/content" -name '*.md' | sort | head -n 60 | while read -r file; do
    n=$((n + 1))
    cp "$file" "$corpus/front_matter/page-$n"
    # The Markdown target's first byte picks the options; the body follows.
    { printf 'A'; sed '1,/^+++$/d' "$file"; } > "$corpus/markdown/page-$n"
done
printf '%s\n' '---' 'title: 梧州市科協' 'date: 2024-05-01' 'tags: [科普, 活动]' '---' '正文' \
    > "$corpus/front_matter/yaml"
printf 'A%s\n' '# 标题 {#id}' '' '{{ figure(src="a.png", alt="图") }}' '' \
    '{% notice(kind="info") %}通知 **内容**{% end %}' '' '[新闻](@/news/_index.md#top)' '' \
    '{{ md_note(title="注") }}' '' '<!-- more -->' '' '## 二级' '' '```rust' 'fn main() {}' '```' \
    > "$corpus/markdown/shortcodes"

{ printf '\000'; cat "$repo/data/orgs.csv"; } > "$corpus/directory/orgs-csv"
printf '\001%s\n' '[[orgs]]' 'title = "藤县科学技术协会"' 'region = "梧州市藤县"' 'members = 120' \
    '' '[[orgs]]' 'title = "岑溪市科協"' 'level = "county"' > "$corpus/directory/orgs-toml"

i=0
for text in '汇聚“四长”资源' '梧州市科协 ICP备2024' 'Ａ１ é 重庆 银行' '广西壮族自治区梧州市藤县' \
    '廣西壯族自治區' '梧州藤县' '南宁' '450400' '防城港' '中华人民共和国科学技术协会'; do
    i=$((i + 1))
    for target in pinyin_slug region search_terms; do
        printf '%s' "$text" > "$corpus/$target/seed-$i"
    done
done
# Large inputs: libFuzzer grows inputs slowly, so seeds of tens of kilobytes reach the
# costs that grow with size (each of these once found a quadratic slowdown).
repeat() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
{ printf 'A'; repeat 5000 '{{ nope() }}'; } > "$corpus/markdown/many-unknown-shortcodes"
{ printf 'A'; repeat 4000 '{% notice() %}\n'; } > "$corpus/markdown/many-unclosed-blocks"
{ printf 'A'; repeat 4000 '[x](@/nope.md)\n'; } > "$corpus/markdown/many-broken-links"
{ printf 'A'; repeat 3000 '![](a.png)'; } > "$corpus/markdown/many-images"
{ printf 'A'; repeat 30000 '>'; } > "$corpus/markdown/deep-quotes"
{ printf '\000title\n'; repeat 30000 'x\n'; } > "$corpus/directory/many-rows"
repeat 10000 '梧州' > "$corpus/region/long-name"
repeat 5000 '梧州科协' > "$corpus/search_terms/long-text"
echo "seed corpus written to $corpus"
