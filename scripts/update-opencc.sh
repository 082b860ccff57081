#!/usr/bin/env bash
# Replaces the OpenCC files menhu carries with those of one pinned release of OpenCC's
# Python package on PyPI (the source archive, which holds OpenCC's data and tests):
#
#   data/opencc/            the tables and recipes the converter embeds (src/zh/opencc/)
#   tests/data/opencc/      OpenCC's test cases, which `cargo test` runs against them
#
# each with OpenCC's LICENSE. Only this script needs the network; a build never does.
#
#   scripts/update-opencc.sh
#
# To move to another release: set VERSION, URL and SHA256 below to that release's
# source archive (https://pypi.org/project/opencc/#files), run the script, update
# data/opencc/README.md, run `cargo test zh::` and review `git diff`: OpenCC's recipes
# (data/opencc/*.json) may have changed shape, and src/zh/opencc/recipes.rs follows them.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="1.4.2"
URL="https://files.pythonhosted.org/packages/e0/12/09e62f051af1de7ca84be1d69154bd0514416ef72237e2081584cc268bc9/opencc-${VERSION}.tar.gz"
SHA256="47977905f131d7d9cfcec29fba5d841154907e1da73103105a4a68744e0f4f1a"

# The tables of s2t, t2s and s2twp (as their recipes in data/config/ name them), and
# the tables OpenCC's build turns into STPhrases_GeneratedFromRegionalPhrases.
TABLES=(
  CJK_Compatibility_Ideographs STPhrases STCharacters TSPhrases TSCharacters
  HKPhrases TWPhrases TWVariantsPhrases TWVariants
)
RECIPES=(s2t s2twp t2s)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
archive="$work/opencc-${VERSION}.tar.gz"

curl --fail --silent --show-error --location --output "$archive" "$URL"
echo "${SHA256}  ${archive}" | sha256sum --check --quiet
tar -xzf "$archive" -C "$work"
src="$work/opencc-${VERSION}"

rm -f data/opencc/*.txt data/opencc/*.json
mkdir -p data/opencc tests/data/opencc
for table in "${TABLES[@]}"; do
  install -m 644 "$src/data/dictionary/${table}.txt" data/opencc/
done
for recipe in "${RECIPES[@]}"; do
  install -m 644 "$src/data/config/${recipe}.json" data/opencc/
done
install -m 644 "$src/LICENSE" data/opencc/LICENSE
install -m 644 "$src/test/testcases/testcases.json" tests/data/opencc/
install -m 644 "$src/LICENSE" tests/data/opencc/LICENSE

echo "OpenCC ${VERSION}: ${#TABLES[@]} tables and ${#RECIPES[@]} recipes in data/opencc/, test cases in tests/data/opencc/"
