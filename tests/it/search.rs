//! Site search end to end: build fixture sites with `build_search_index = true`, then
//! query the written index with the client's own ES module in Node (skipped with a
//! reason when `node` is missing, unless MENHU_REQUIRE_BROWSER=1), and load the demo's
//! search page in headless Chromium.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::*;

const SEARCH_CONFIG: &str = "base_url = \"https://kx.example.org\"\ntitle = \"测试门户\"\n\
build_search_index = true\ntaxonomies = [{ name = \"tags\" }]\n";

fn required() -> bool {
    std::env::var("MENHU_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

pub(crate) fn node_available() -> bool {
    let found = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            !required(),
            "node is required (MENHU_REQUIRE_BROWSER=1) but missing"
        );
        eprintln!("skipped: `node` is not installed, so the built index cannot be queried");
    }
    found
}

/// Queries the built index of `site` with search-core.js; returns the JSON the script
/// prints: {total, titles, paths, excerpts, facets, oneChar, truncated, files (loaded by the
/// search), opened and calls (`[path, how]` of each load while opening and searching), build}.
fn query(site: &Site, q: &str, filters: &str) -> serde_json::Value {
    query_in(&site.path("public/search"), q, filters)
}

/// [`query`] on the index in the folder `search`.
pub(crate) fn query_in(search: &Path, q: &str, filters: &str) -> serde_json::Value {
    let script = r#"
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
const dir = process.env.SEARCH_DIR;
const { openIndex } = await import(pathToFileURL(dir + '/search-core.js'));
const files = [], calls = [];
const index = await openIndex(async (p, how) => { files.push(p); calls.push([p, how ?? null]); return readFile(dir + '/' + p); });
const opened = calls.splice(0);
files.length = 0;
const r = await index.search(process.env.Q, { filters: JSON.parse(process.env.FILTERS) });
const shown = await index.results(r.hits.slice(0, 20), process.env.Q);
console.log(JSON.stringify({
  total: r.total, oneChar: r.analysis.oneChar, truncated: r.analysis.truncated, facets: r.facets, files,
  opened, calls, build: index.build,
  titles: shown.map((s) => s.title), paths: shown.map((s) => s.path),
  excerpts: shown.map((s) => s.excerpt.map((x) => (x.hit ? `[${x.text}]` : x.text)).join('')),
}));
"#;
    let env = [
        ("SEARCH_DIR", search.as_os_str()),
        ("Q", OsStr::new(q)),
        ("FILTERS", OsStr::new(filters)),
    ];
    serde_json::from_str(&run_node_module(script, &env)).expect("json from node")
}

/// Runs `script` as an ES module in Node with the environment variables `env`; what it
/// printed, once it has succeeded.
fn run_node_module(script: &str, env: &[(&str, &OsStr)]) -> String {
    let out = Command::new("node")
        .args(["--input-type=module", "-e", script])
        .envs(env.iter().copied())
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn page(site: &Site, name: &str, front: &str, body: &str) {
    site.write(
        &format!("content/{name}"),
        &format!("+++\n{front}\n+++\n{body}\n"),
    );
}

/// A site with no pages yet whose config asks for the index.
fn search_site() -> Site {
    let site = Site::minimal();
    site.write("site-config.toml", SEARCH_CONFIG);
    site
}

/// Six pages in two sections, with cities, tags, years and scripts to search.
fn fixture() -> Site {
    let site = search_site();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻中心\"\n+++\n");
    site.write(
        "content/cases/_index.md",
        "+++\ntitle = \"地方案例\"\n+++\n",
    );
    page(
        &site,
        "news/a.md",
        "title = \"边境乡镇科普大集\"\ndate = 2024-08-20\ncity = \"防城港\"\ntags = [\"科普\", \"乡村\"]",
        "防城港市防城区科协在那良镇举办科普大集，群众踊跃参加。",
    );
    page(
        &site,
        "news/b.md",
        "title = \"汇聚基层力量\"\ndate = 2025-06-12\ncity = \"梧州\"\ntags = [\"四长\"]",
        "梧州市科协把院长、校长、站长和企业负责人（简称“四长”）作为骨干力量。",
    );
    page(
        &site,
        "news/c.md",
        "title = \"創新服務學術活動\"\ndate = 2023-03-01\ncity = \"梧州\"\ntags = [\"学术\"]",
        "優化學術環境，推動學會改革。",
    );
    page(
        &site,
        "cases/d.md",
        "title = \"社区科普案例\"\ndate = 2025-01-05\ncity = \"南宁\"\ntags = [\"科普\"]",
        "南宁市社区科协推动创新服务，开展科普讲座。",
    );
    page(
        &site,
        "cases/e.md",
        "title = \"代码里的标签 <b>粗体</b>\"\ndate = 2024-02-02\ntags = [\"科普\"]",
        "正文写着 <script>alert(1)</script> 与科普讲座两个词，`<img src=x onerror=alert(2)>` 也在。",
    );
    page(
        &site,
        "news/f.md",
        "title = \"科\"\ndate = 2022-01-01",
        "只有一个字的标题。",
    );
    site.build();
    site
}

#[test]
fn names_missing_from_the_dictionary_are_found_as_substrings() {
    if !node_available() {
        return;
    }
    let site = fixture();
    for (q, title) in [
        ("防城港", "边境乡镇科普大集"),
        ("四长", "汇聚基层力量"),
        ("梧州市科协", "汇聚基层力量"),
        ("城区科", "边境乡镇科普大集"),
    ] {
        let r = query(&site, q, "{}");
        assert_eq!(strings(&r["titles"]), [title], "query 「{q}」: {r}");
        assert!(
            r["excerpts"][0]
                .as_str()
                .unwrap_or("")
                .contains(&format!("[{q}]")),
            "{r}"
        );
    }
}

#[test]
fn traditional_queries_find_simplified_text_and_the_reverse() {
    if !node_available() {
        return;
    }
    let site = fixture();
    let traditional = query(&site, "創新服務", "{}");
    let mut titles = strings(&traditional["titles"]);
    titles.sort();
    assert_eq!(
        titles,
        ["創新服務學術活動", "社区科普案例"],
        "{traditional}"
    );
    let simplified = query(&site, "学术环境", "{}");
    assert_eq!(
        strings(&simplified["titles"]),
        ["創新服務學術活動"],
        "{simplified}"
    );
    assert!(
        simplified["excerpts"][0]
            .as_str()
            .unwrap_or("")
            .contains("[學術環境]")
    );
}

#[test]
fn filters_narrow_results_and_facets_count_them() {
    if !node_available() {
        return;
    }
    let site = fixture();
    let all = query(&site, "科普", "{}");
    assert_eq!(all["total"], 3, "{all}");
    let sections = &all["facets"]["section"];
    assert_eq!(sections[0]["value"], "cases", "{sections}");
    assert_eq!(sections[0]["label"], "地方案例");
    assert_eq!(sections[0]["count"], 2);
    assert_eq!(sections[1]["count"], 1);
    let cases = query(&site, "科普", r#"{"section":"cases"}"#);
    assert_eq!(cases["total"], 2, "{cases}");
    // The section facet still counts the other section, other facets follow the filter.
    assert_eq!(cases["facets"]["section"].as_array().map(Vec::len), Some(2));
    let years: Vec<String> = cases["facets"]["year"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|y| format!("{}:{}", y["value"].as_str().unwrap_or(""), y["count"]))
        .collect();
    // Years newest first, whatever their counts.
    assert_eq!(years, ["2025:1", "2024:1"]);
    let city = query(&site, "科普", r#"{"city":"防城港"}"#);
    assert_eq!(strings(&city["titles"]), ["边境乡镇科普大集"], "{city}");
    let year = query(&site, "科普", r#"{"year":"2025"}"#);
    assert_eq!(strings(&year["titles"]), ["社区科普案例"], "{year}");
    let tag = query(&site, "梧州", r#"{"tag":"四长"}"#);
    assert_eq!(tag["total"], 1, "{tag}");
}

#[test]
fn empty_and_one_character_queries_behave() {
    if !node_available() {
        return;
    }
    let site = fixture();
    let empty = query(&site, "  ，。 ", "{}");
    assert_eq!(empty["total"], 0);
    assert_eq!(empty["files"].as_array().map(Vec::len), Some(0), "{empty}");
    let one = query(&site, "科", "{}");
    assert_eq!(one["oneChar"], true);
    // One character is looked up in titles only: the body's 科 of page f does not count.
    let mut titles = strings(&one["titles"]);
    titles.sort();
    assert_eq!(titles, ["社区科普案例", "科", "边境乡镇科普大集"], "{one}");
    let absent = query(&site, "不存在的词", "{}");
    assert_eq!(absent["total"], 0);
}

/// A pasted paragraph is looked up by its first 64 characters, which still find the page
/// that holds them, instead of fetching the shards of every pair of the paragraph.
#[test]
fn long_queries_are_looked_up_by_their_first_characters() {
    if !node_available() {
        return;
    }
    let site = search_site();
    let sentence = "防城港市科协联合边境乡镇农技服务站组织专家团队深入田间地头开展技术指导\
                    帮助农户解决生产难题推广适用新技术新品种提升农业生产效益和收入";
    page(
        &site,
        "a.md",
        "title = \"技术指导\"\ndate = 2025-03-01",
        &format!("{sentence}。"),
    );
    page(
        &site,
        "b.md",
        "title = \"其他\"\ndate = 2025-03-02",
        "与此无关的一段文字。",
    );
    site.build();
    let first: String = sentence.chars().take(64).collect();
    let exact = query(&site, &first, "{}");
    assert_eq!(
        (&exact["total"], &exact["truncated"]),
        (&1.into(), &false.into()),
        "{exact}"
    );
    let pasted = format!("{first}而这一句从未在任何页面中出现过");
    let long = query(&site, &pasted, "{}");
    assert_eq!(strings(&long["titles"]), ["技术指导"], "{long}");
    assert_eq!(long["truncated"], true, "{long}");
}

#[test]
fn html_in_content_stays_text_in_results() {
    if !node_available() {
        return;
    }
    let site = fixture();
    let r = query(&site, "科普讲座", r#"{"section":"cases"}"#);
    let titles = strings(&r["titles"]);
    assert!(
        titles.contains(&"代码里的标签 <b>粗体</b>".to_owned()),
        "{r}"
    );
    // The UI renders segments with textContent only; the script holds no innerHTML.
    let ui = site.output("search/search-ui.js");
    assert_not_contains(&ui, "innerHTML");
    assert_not_contains(&ui, "insertAdjacentHTML");
}

#[test]
fn a_query_loads_only_the_shards_of_its_terms() {
    if !node_available() {
        return;
    }
    let site = fixture();
    let r = query(&site, "四长", "{}");
    let files = strings(&r["files"]);
    let shards = files.iter().filter(|f| f.starts_with("s/")).count();
    assert_eq!(shards, 1, "{files:?}");
    assert!(
        files.iter().filter(|f| f.starts_with("t/")).count() <= 1,
        "{files:?}"
    );
}

/// `build.json` names the build by the bytes of the index: an identical rebuild keeps
/// the id, a change to one page's text gives another. The core reads it first, past any
/// cache, and asks for every other file with it.
#[test]
fn the_build_id_follows_the_index_files() {
    let site = fixture();
    let search = site.path("public/search");
    let first = build_id(&search);
    assert_eq!(first.len(), 16, "{first}");
    site.build();
    assert_eq!(
        build_id(&search),
        first,
        "an identical rebuild keeps the id"
    );
    page(
        &site,
        "news/b.md",
        "title = \"汇聚基层力量\"\ndate = 2025-06-12\ncity = \"梧州\"\ntags = [\"四长\"]",
        "梧州市科协把院长、校长、站长和企业负责人（简称“四长”）作为中坚力量。",
    );
    site.build();
    let second = build_id(&search);
    assert_ne!(second, first, "one word of one page changed");

    if !node_available() {
        return;
    }
    let r = query(&site, "四长", "{}");
    let how = serde_json::json!({ "build": second });
    assert_eq!(
        r["opened"],
        serde_json::json!([["build.json", { "fresh": true }], ["meta.mz", how]]),
        "{r}"
    );
    let calls = r["calls"].as_array().expect("calls");
    assert!(calls.len() >= 2, "a shard and stored text: {r}");
    assert!(calls.iter().all(|call| call[1] == how), "{r}");
    assert_eq!(r["build"], second);
}

/// Searches `q` in Node with `meta.mz` (and `build.json`) read from `opened` and every
/// other index file from `served`, as a browser holding one build meets files of another;
/// returns `{titles}`, or `{error}` (the error's name) when the search fails.
fn mixed_query(opened: &Path, served: &Path, q: &str) -> serde_json::Value {
    let script = r#"
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
const { OPENED, SERVED, Q } = process.env;
const { openIndex } = await import(pathToFileURL(SERVED + '/search-core.js'));
const index = await openIndex((p) => readFile(`${p === 'meta.mz' || p === 'build.json' ? OPENED : SERVED}/${p}`));
try {
  const r = await index.search(Q);
  const shown = await index.results(r.hits, Q);
  console.log(JSON.stringify({ titles: shown.map((s) => s.title) }));
} catch (e) {
  console.log(JSON.stringify({ error: e.name }));
}
"#;
    let env = [
        ("OPENED", opened.as_os_str()),
        ("SERVED", served.as_os_str()),
        ("Q", OsStr::new(q)),
    ];
    serde_json::from_str(&run_node_module(script, &env)).expect("json from node")
}

/// The fixture's newest page, published later: every document id then names the page
/// after the one it named before.
fn add_newest_page(site: &Site) {
    page(
        site,
        "news/g.md",
        "title = \"新春科普游园会\"\ndate = 2026-01-01",
        "元宵节在公园举办科普游园会。",
    );
    site.build();
}

/// A shard or stored-text file whose document ids name other pages than the opened
/// `meta.mz`'s (a file of the next build, sent under this build's address while the site
/// is being republished) is refused with `StaleIndexError`. A file of a build with the
/// same pages in the same order, whose ids name the same pages, is used.
#[test]
fn files_whose_ids_name_other_pages_are_refused() {
    if !node_available() {
        return;
    }
    let site = fixture();
    let first = tempfile::tempdir().expect("temp dir");
    copy_tree(&site.path("public/search"), first.path());
    let search = site.path("public/search");
    page(
        &site,
        "news/a.md",
        "title = \"边境乡镇科普大集\"\ndate = 2024-08-20\ncity = \"防城港\"\ntags = [\"科普\", \"乡村\"]",
        "防城港市防城区科协在那良镇举办科普大集，群众热情参加。",
    );
    site.build();
    assert_ne!(
        build_id(&search),
        build_id(first.path()),
        "one word changed"
    );
    let same_pages = mixed_query(first.path(), &search, "那良");
    assert_eq!(
        same_pages["titles"],
        serde_json::json!(["边境乡镇科普大集"]),
        "{same_pages}"
    );

    add_newest_page(&site);
    let other_pages = mixed_query(first.path(), &search, "那良");
    assert_eq!(other_pages["error"], "StaleIndexError", "{other_pages}");
    let own = mixed_query(&search, &search, "那良");
    assert_eq!(
        own["titles"],
        serde_json::json!(["边境乡镇科普大集"]),
        "{own}"
    );
}

fn varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut value = 0;
    for shift in (0..64).step_by(7) {
        let byte = bytes[*at];
        *at += 1;
        value |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            break;
        }
    }
    value
}

/// Every term of the built index's shards with the weight byte of each of its postings
/// (8, "once in the body", where a posting carries none).
fn index_weights(site: &Site) -> std::collections::HashMap<String, Vec<u8>> {
    let mut terms = std::collections::HashMap::new();
    for shard in std::fs::read_dir(site.path("public/search/s")).unwrap() {
        let bytes = std::fs::read(shard.unwrap().path()).unwrap();
        // The document table's id, in 16 hex digits.
        assert!(bytes[..16].iter().all(u8::is_ascii_hexdigit), "{bytes:?}");
        let mut at = 16;
        while at < bytes.len() {
            let length = varint(&bytes, &mut at) as usize;
            let term = String::from_utf8(bytes[at..at + length].to_vec()).unwrap();
            at += length;
            let count = varint(&bytes, &mut at);
            let end = varint(&bytes, &mut at) as usize + at;
            let mut weights = Vec::new();
            for _ in 0..count {
                let flagged = varint(&bytes, &mut at) & 1 == 1;
                weights.push(if flagged { bytes[at] } else { 8 });
                at += usize::from(flagged);
            }
            assert_eq!(at, end, "postings of {term} end where their length says");
            terms.insert(term, weights);
        }
    }
    terms
}

/// The Traditional copy's search shows results as the pages are converted: the table
/// it loads carries, beside the characters, the phrases of the site's text that the
/// characters alone would get wrong (台风 is 颱風, not 臺風), and only those.
#[test]
fn the_traditional_script_table_carries_the_phrases_of_the_site() {
    let site = search_site();
    site.write(
        "site-config.toml",
        &format!("{SEARCH_CONFIG}traditional = true\n"),
    );
    page(
        &site,
        "a.md",
        "title = \"防御台风工作部署\"",
        "加强部门之间的关系，推进制造业科普。",
    );
    site.build();
    let table: serde_json::Value =
        serde_json::from_str(&site.output("search/s2t.json")).expect("JSON");
    let phrases = strings(&table["p"]);
    for wanted in ["台风颱風", "关系關係", "制造製造"] {
        assert!(
            phrases.iter().any(|p| p == wanted),
            "{wanted} in {phrases:?}"
        );
    }
    // Not in the site's text, or converted right by the characters alone.
    for unwanted in ["头发頭髮", "标准標準"] {
        assert!(!phrases.iter().any(|p| p == unwanted), "{unwanted}");
    }
    assert!(phrases.len() < 40, "only the site's phrases: {phrases:?}");
}

#[test]
fn dictionary_words_of_titles_and_headings_are_terms_of_their_fields() {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{SEARCH_CONFIG}traditional = true\n"),
    );
    page(
        &site,
        "a.md",
        "title = \"全国科学技术大会\"",
        "## 一、指导思想\n\n正文提到中华人民共和国。",
    );
    // Written in Traditional: cut as the index keeps it, in Simplified.
    page(
        &site,
        "b.md",
        "title = \"慶祝中華人民共和國成立\"\nlang = \"zh-Hant\"",
        "## 學術交流\n\n內文。",
    );
    site.build();
    let terms = index_weights(&site);
    // Field bits: 1 title, 2 heading.
    assert_eq!(terms.get("科学技术"), Some(&vec![1]), "title word");
    assert_eq!(terms.get("指导思想"), Some(&vec![2]), "heading word");
    assert_eq!(
        terms.get("中华人民共和国"),
        Some(&vec![1]),
        "Traditional title word"
    );
    assert_eq!(
        terms.get("学术交流"),
        Some(&vec![2]),
        "Traditional heading word"
    );
    assert!(terms.contains_key("共和"), "body bigrams");
}

#[test]
fn the_index_is_written_only_when_asked_for() {
    let site = Site::minimal();
    site.write("content/a.md", "+++\ntitle = \"页面\"\n+++\n正文\n");
    site.build();
    assert!(!site.output_exists("search/meta.mz"));
    let on = search_site();
    on.write("content/a.md", "+++\ntitle = \"页面\"\n+++\n正文\n");
    on.build();
    for file in [
        "search/build.json",
        "search/meta.mz",
        "search/search-core.js",
        "search/search-ui.js",
        "search/index.html",
    ] {
        assert!(on.output_exists(file), "{file} missing");
    }
    assert_contains(&on.output("search/index.html"), "search-ui.js");
}

#[test]
fn rebuilds_leave_no_stale_index_or_page_files() {
    // Six pages: stored text in t/0.mz to t/2.mz. The third build and later reuse the
    // folder of the build before the previous one, which holds files to clean up both
    // beside the index and inside it.
    let site = fixture();
    site.build();
    for file in ["search/t/2.mz", "news/f/index.html", "cases/e/index.html"] {
        assert!(site.output_exists(file), "{file} missing");
    }
    std::fs::remove_file(site.path("content/news/f.md")).unwrap();
    std::fs::remove_file(site.path("content/cases/e.md")).unwrap();
    site.build();
    site.build();
    for gone in ["search/t/2.mz", "news/f", "cases/e"] {
        assert!(!site.output_exists(gone), "{gone} is stale");
    }
    assert!(site.output_exists("search/t/1.mz") && site.output_exists("news/a/index.html"));
    // Without the index, its whole folder goes; with it again, it comes back whole.
    let config = SEARCH_CONFIG.replace("build_search_index = true", "build_search_index = false");
    site.write("site-config.toml", &config);
    site.build();
    site.build();
    assert!(
        !site.output_exists("search"),
        "an index nobody asked for is stale"
    );
    site.write("site-config.toml", SEARCH_CONFIG);
    site.build();
    site.build();
    assert!(site.output_exists("search/meta.mz") && site.output_exists("search/t/1.mz"));
    assert!(!site.output_exists("search/t/2.mz"));
}

fn chromium() -> Option<&'static str> {
    let path = "/usr/bin/chromium";
    if Path::new(path).exists() {
        return Some(path);
    }
    assert!(
        !required(),
        "/usr/bin/chromium is required (MENHU_REQUIRE_BROWSER=1) but missing"
    );
    eprintln!("skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
    None
}

/// Builds the demo portal, serves the output as plain static files (the preview
/// server's live-reload connection would keep the page loading forever) and loads its
/// search page in headless Chromium with a Traditional-script query linked by `?q=`, and
/// the Traditional copy's search page with a Simplified one.
#[test]
fn the_demo_search_page_shows_results_in_chromium() {
    let Some(browser) = chromium() else { return };
    let port = free_port();
    let public = build_demo(port);
    let mut server = Command::new("python3")
        .args([
            "-m",
            "http.server",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--directory",
        ])
        .arg(public.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start a static file server (python3)");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let url =
        format!("http://127.0.0.1:{port}/search/?q=%E6%A2%A7%E5%B7%9E%E5%B8%82%E7%A7%91%E5%8D%94");
    let dom = dump_dom_until(browser, &url);
    let hant = dump_dom_until(
        browser,
        &format!(
            "http://127.0.0.1:{port}/zh-hant/search/?q=%E6%A2%A7%E5%B7%9E%E5%B8%82%E7%A7%91%E5%8D%8F"
        ),
    );
    let typhoon = dump_dom_until(
        browser,
        &format!("http://127.0.0.1:{port}/zh-hant/search/?q=%E5%8F%B0%E9%A3%8E"),
    );
    let _ = server.kill();
    let _ = server.wait();
    assert_contains(&dom, "aria-live=\"polite\">找到 ");
    assert_contains(&dom, "<mark>梧州市科协</mark>");
    assert_contains(&dom, "class=\"search-facet\"");
    // The Traditional copy shares the index and shows results in Traditional, linked to
    // the Traditional pages, for a query typed in Simplified.
    assert_contains(&hant, "aria-live=\"polite\">找到 ");
    assert_contains(&hant, "<mark>梧州市科協</mark>");
    assert_contains(&hant, &format!("href=\"http://127.0.0.1:{port}/zh-hant/"));
    // As the pages: 台风 is 颱風 there (the characters alone give 臺風).
    assert_contains(&typhoon, "<mark>颱風</mark>");
    assert!(!typhoon.contains("臺風"), "{typhoon}");
    // The form's own words are in Traditional there too, none left in Simplified.
    assert_contains(&hant, ">搜索關鍵詞</label>");
    assert_contains(&hant, "placeholder=\"輸入關鍵詞，如 梧州市科協\"");
    assert_contains(&hant, ">顯示更多結果</button>");
    assert!(!hant.contains("关键词"), "{hant}");
    // The 简体/繁體 switch keeps the query: the reader stays on the same results.
    assert_contains(
        &dom,
        &format!(
            "class=\"script-switch\" href=\"http://127.0.0.1:{port}/zh-hant/search/?q=%E6%A2%A7%E5%B7%9E%E5%B8%82%E7%A7%91%E5%8D%94\""
        ),
    );
    assert_contains(
        &hant,
        &format!(
            "class=\"script-switch\" href=\"http://127.0.0.1:{port}/search/?q=%E6%A2%A7%E5%B7%9E%E5%B8%82%E7%A7%91%E5%8D%8F\""
        ),
    );
}

/// Whether both Chromium and `node` are there to drive it (each says why not, or fails
/// when they are required).
fn chromium_and_node() -> bool {
    chromium().is_some() && node_available()
}

/// The JSON report of `tests/browser/cdp.mjs MODE` (see [`run_cdp`]).
fn cdp_report(mode: &str, site: &Path, port: u16, args: &[&str]) -> serde_json::Value {
    let stdout = run_cdp(mode, site, port, args);
    serde_json::from_str(stdout.trim()).expect("a JSON report")
}

/// A search page left open while the site is republished with a new page: the next
/// search, within the minute in which the page does not ask which build is current,
/// meets stored text of the new build, whose ids name other pages. The page notices,
/// opens the new build and shows the page found, not the page its id named before.
/// While the upload is under way (the new files there, `build.json` still the old one),
/// it says so instead. Driven by `tests/browser/cdp.mjs republish`.
#[test]
fn a_search_page_open_across_a_republication_shows_the_page_found() {
    if !chromium_and_node() {
        return;
    }
    let site = fixture();
    // One shard: the first search keeps it, so the next one reads the old build's
    // postings (the id the page had) and only the stored text comes from the new build.
    let shards = std::fs::read_dir(site.path("public/search/s")).expect("shards");
    assert_eq!(shards.count(), 1);
    let first = tempfile::tempdir().expect("temp dir");
    copy_tree(&site.path("public"), first.path());
    add_newest_page(&site);
    let next = site.path("public");
    let next_build = build_id(&next.join("search"));
    // The page opened on `first` searches 四长, then 那良 with `served` in its place.
    let republish = |served: &Path| {
        let served = served.to_str().expect("a UTF-8 path");
        cdp_report(
            "republish",
            first.path(),
            free_port(),
            &["/search/", "四长", served, "那良"],
        )
    };
    let report = republish(&next);
    assert_eq!(
        strings(&report["before"]["titles"]),
        ["汇聚基层力量"],
        "{report}"
    );
    assert_eq!(report["after"]["status"], "找到 1 条结果", "{report}");
    assert_eq!(
        strings(&report["after"]["titles"]),
        ["边境乡镇科普大集"],
        "{report}"
    );
    let requests = strings(&report["requests"]);
    assert!(
        requests.iter().any(|r| r == "/search/build.json")
            && requests
                .iter()
                .any(|r| *r == format!("/search/meta.mz?v={next_build}")),
        "asked which build is current and opened it: {report}"
    );

    let uploading = tempfile::tempdir().expect("temp dir");
    copy_tree(&next, uploading.path());
    std::fs::copy(
        first.path().join("search/build.json"),
        uploading.path().join("search/build.json"),
    )
    .expect("the old build.json");
    let report = republish(uploading.path());
    assert_eq!(
        report["after"]["status"], "网站正在更新，请稍后再试。",
        "{report}"
    );
    assert_eq!(report["after"]["titles"], serde_json::json!([]), "{report}");
}

/// A visitor at the demo's search page: types a query (in Traditional script, committed
/// as an input method does) and presses Enter, moves through the results with the arrow
/// keys, presses a city filter from the keyboard, loads more results, opens the long
/// city filter and chooses from it; on a phone's width, finds the first result on the
/// first screen; a result with no filter to offer keeps the results' column; and the
/// page asks for the index files of the current build only, also after the site was
/// rebuilt while it stayed open. Driven over the DevTools protocol by
/// `tests/browser/cdp.mjs search`.
#[test]
fn a_visitor_types_a_query_and_uses_the_results_by_keyboard() {
    if !chromium_and_node() {
        return;
    }
    let port = free_port();
    let site = build_demo(port);
    let build = build_id(&site.path().join("search"));
    let report = cdp_report(
        "search",
        site.path(),
        port,
        &["/search/", "科協", "改版网站"],
    );

    let typed = &report["typed"];
    assert_eq!(report["found"], true, "{report}");
    let total = count_in(typed["status"].as_str().unwrap_or(""), "找到 ", " 条结果");
    assert!(total > 10, "{report}");
    assert_eq!(typed["live"], "polite");
    assert_eq!(typed["results"], 10, "the first ten are shown: {report}");
    // Typed in Traditional, found and marked in the Simplified text.
    assert!(
        strings(&typed["marks"]).iter().all(|m| m == "科协") && typed["marks"][0] == "科协",
        "{report}"
    );
    assert_eq!(typed["search"], "?q=科協", "the query is in the URL");
    // The page's form is told apart from the header's (two search landmarks), and its
    // button is the theme's, not the browser's grey one.
    assert_eq!(strings(&typed["landmarks"]), ["", "本页搜索"], "{report}");
    assert_eq!(typed["submitColor"], "rgb(11, 61, 122)", "{report}");
    // build.json past the cache, then every index file of that build by its address.
    assert_builds_requested(&typed["requests"], &build, &report);

    assert_eq!(
        strings(&report["moves"]),
        [
            "ArrowDown:result 0",
            "ArrowDown:result 1",
            "ArrowUp:result 0",
            "Escape:box"
        ]
    );

    // The city button says how many results it keeps, and keeps that many.
    let city = report["city"].as_str().expect("a city filter is offered");
    let (name, _) = city.split_once('（').expect("「name（count）」");
    let kept = count_in(city, "（", "）");
    let filtered = &report["filtered"];
    assert_eq!(
        count_in(
            filtered["status"].as_str().unwrap_or(""),
            "找到 ",
            " 条结果"
        ),
        kept,
        "{report}"
    );
    assert!(kept < total, "{report}");
    assert_eq!(filtered["search"], format!("?q=科協&city={name}"));
    assert_eq!(strings(&filtered["pressed"]), [city]);
    assert_eq!(
        filtered["focus"], city,
        "the focus stays on the filter: {report}"
    );
    // In the high-contrast mode too, the pressed filter and the marked words stand out,
    // and links are yellow.
    let contrast = &filtered["contrast"];
    assert_eq!(
        contrast["title"], "rgb(255, 235, 59) on rgb(0, 0, 0)",
        "{report}"
    );
    for (marked, plain) in [
        ("pressed", "unpressed"),
        ("excerptMark", "excerpt"),
        ("titleMark", "title"),
    ] {
        assert!(
            contrast[marked].is_string() && contrast[marked] != contrast[plain],
            "{marked} looks like {plain} in the high-contrast mode: {report}"
        );
    }

    // 「显示更多结果」 adds the next ten and takes the focus to the first of them.
    let more = &report["more"];
    assert_eq!(more["results"], 20, "{report}");
    assert_eq!(more["focus"], "result 10", "{report}");

    // 科协 is in pages of thirteen cities: eight are offered, a toggle shows the rest (and
    // takes the focus to the first of them), one of those can be chosen, and it stays in
    // view when the list is closed again.
    let facet = &report["facet"];
    let closed = &facet["closed"];
    let values = closed["values"].as_u64().unwrap_or(0);
    assert!(values > 8, "{report}");
    assert_eq!(closed["visible"], 8, "{report}");
    assert_eq!(closed["toggle"], format!("更多（{} 项）", values - 8));
    assert_eq!(closed["expanded"], "false");
    let opened = &facet["opened"];
    assert_eq!(
        (&opened["visible"], &opened["expanded"], &opened["toggle"]),
        (&values.into(), &"true".into(), &"收起".into()),
        "{report}"
    );
    assert_eq!(opened["focus"], "value 8", "{report}");
    let chosen = &facet["chosen"];
    let last_city = chosen["lastCity"].as_str().unwrap_or("");
    assert_eq!(strings(&chosen["pressed"]), [last_city], "{report}");
    let (last_name, _) = last_city.split_once('（').expect("「name（count）」");
    assert_eq!(chosen["search"], format!("?q=科協&city={last_name}"));
    assert_eq!(chosen["visible"], values, "the list stays open: {report}");
    assert_eq!(chosen["focus"], format!("value {}", values - 1), "{report}");
    let reclosed = &facet["reclosed"];
    assert_eq!(reclosed["visible"], 9, "eight and the chosen one: {report}");
    assert_eq!(strings(&reclosed["pressed"]), [last_city], "{report}");
    let unpressed = &facet["unpressed"];
    assert_eq!(unpressed["pressed"], serde_json::json!([]), "{report}");
    assert_eq!(
        (&unpressed["visible"], &unpressed["focus"]),
        (&9.into(), &format!("value {}", values - 1).into()),
        "the value just unpressed keeps its place and the focus: {report}"
    );

    // 「/」 in the header's search box is typed there.
    assert_eq!(
        report["slash"],
        serde_json::json!({"focus": "site-search", "value": "/"}),
        "{report}"
    );

    // On a phone the filters are folded under 「筛选」 and the first result is in view.
    let narrow = &report["narrow"];
    assert_eq!(narrow["filtersOpen"], false, "{report}");
    assert_eq!(narrow["summary"], "筛选", "{report}");
    assert_eq!(narrow["firstResultOnScreen"], true, "{report}");

    // Rebuilt while the page was open (its build.json replaced), the site is searched
    // in the new build once a minute has passed.
    assert_builds_requested(&report["rebuilt"], "0123456789abcdef", &report);

    // Only the about page, at the top of the site, says 改版网站: its result has no filter
    // to offer, and still takes the wide column, not the filters' narrow one.
    let alone = &report["alone"];
    assert_eq!(
        (&alone["results"], &alone["filters"]),
        (&1.into(), &0.into()),
        "{report}"
    );
    let indent =
        alone["resultLeft"].as_f64().unwrap_or(0.0) - alone["formLeft"].as_f64().unwrap_or(0.0);
    assert!(
        indent > 100.0,
        "the result sits in the filters' column: {report}"
    );
}

/// The id in `build.json` of the index in `search_dir`.
fn build_id(search_dir: &Path) -> String {
    let file = std::fs::read(search_dir.join("build.json")).expect("build.json");
    let json: serde_json::Value = serde_json::from_slice(&file).expect("build.json is JSON");
    json["build"].as_str().expect("a build id").to_owned()
}

/// `requests` (address and Cache-Control of each index file the page asked for, in
/// order) start with `build.json`, revalidated, and then ask only for files of `build`.
fn assert_builds_requested(requests: &serde_json::Value, build: &str, report: &serde_json::Value) {
    let requests = requests.as_array().expect("requests");
    let (first, rest) = requests.split_first().expect("a request");
    assert_eq!(first["url"], "/search/build.json", "{report}");
    assert_eq!(first["cacheControl"], "max-age=0", "{report}");
    assert!(rest.len() >= 3, "meta.mz, a shard, stored text: {report}");
    for request in rest {
        let url = request["url"].as_str().unwrap_or("");
        assert!(
            url.ends_with(&format!(".mz?v={build}")),
            "{url} is not of build {build}: {report}"
        );
    }
}

/// The number between `before` and `after` in `text`.
fn count_in(text: &str, before: &str, after: &str) -> usize {
    text.split_once(before)
        .and_then(|(_, rest)| rest.split_once(after))
        .and_then(|(number, _)| number.trim().parse().ok())
        .unwrap_or_else(|| panic!("no number between {before:?} and {after:?} in {text:?}"))
}

/// The DOM of `url` after its scripts ran, retried while the results are not there yet.
fn dump_dom_until(browser: &str, url: &str) -> String {
    let mut dom = String::new();
    for _ in 0..3 {
        let profile = tempfile::tempdir().expect("profile dir");
        let out = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(["--virtual-time-budget=10000", "--dump-dom", url])
            .stderr(Stdio::null())
            .output()
            .expect("run chromium");
        dom = String::from_utf8_lossy(&out.stdout).into_owned();
        if dom.contains("search-result") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    dom
}

/// The client's normalisation agrees with the index's on Latin, full-width, punctuation
/// and Traditional characters, given the whole character table.
#[test]
fn client_and_index_normalise_alike() {
    if !node_available() {
        return;
    }
    let mut sample: String = (0x20u32..0x250).filter_map(char::from_u32).collect();
    sample.extend((0xFF01u32..0xFF60).filter_map(char::from_u32));
    sample.push_str("　「」、。《》—…創新服務學術環境廣西壯族自治區梧州市科協〇𠀀");
    let pairs: String = menhu::zh::t2s_pairs().flat_map(|(t, s)| [t, s]).collect();
    let script = r#"
import { pathToFileURL } from 'node:url';
const { normalize } = await import(pathToFileURL(process.env.CORE));
const pairs = Array.from(process.env.PAIRS), t2s = new Map();
for (let i = 0; i < pairs.length; i += 2) t2s.set(pairs[i], pairs[i + 1]);
process.stdout.write(normalize(process.env.SAMPLE, t2s));
"#;
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/search/client/search-core.js");
    let env = [
        ("CORE", core.as_os_str()),
        ("PAIRS", OsStr::new(&pairs)),
        ("SAMPLE", OsStr::new(&sample)),
    ];
    let client = run_node_module(script, &env);
    let index = menhu::zh::normalize(&sample);
    for ((a, b), original) in client.chars().zip(index.chars()).zip(sample.chars()) {
        assert_eq!(a, b, "{original:?} (U+{:04X})", original as u32);
    }
    assert_eq!(client.chars().count(), index.chars().count());
}

/// The organisation directory: the same search, narrowed by section and level.
#[test]
fn organisations_are_searched_by_level() {
    if !node_available() {
        return;
    }
    let site = search_site();
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\n+++\n",
    );
    page(
        &site,
        "orgs/wz.md",
        "title = \"梧州市科学技术协会\"\nlevel = \"city\"\nregion = \"梧州\"",
        "梧州市科协负责联系全市科技工作者。",
    );
    page(
        &site,
        "orgs/tx.md",
        "title = \"藤县科学技术协会\"\nlevel = \"county\"\nregion = \"藤县\"",
        "藤县科协隶属梧州市科协。",
    );
    page(
        &site,
        "orgs/xh.md",
        "title = \"梧州市农学会\"\nlevel = \"society\"",
        "梧州市科协主管的学会。",
    );
    site.build();
    let all = query(&site, "梧州市科协", r#"{"section":"orgs"}"#);
    assert_eq!(all["total"], 3, "{all}");
    let levels: Vec<String> = all["facets"]["level"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            let (value, label) = (l["value"].as_str(), l["label"].as_str());
            format!(
                "{}={}:{}",
                value.unwrap_or(""),
                label.unwrap_or(""),
                l["count"]
            )
        })
        .collect();
    // Shown by the names readers know, filtered by the values written in front matter.
    assert_eq!(levels, ["city=市级:1", "county=县级:1", "society=学会:1"]);
    let county = query(
        &site,
        "梧州市科协",
        r#"{"section":"orgs","level":"county"}"#,
    );
    assert_eq!(strings(&county["titles"]), ["藤县科学技术协会"], "{county}");
    // Places resolve against the registry: a county's organisation counts for its city,
    // as on the city pages, and every place for its province.
    let region = query(&site, "梧州市科协", r#"{"section":"orgs","city":"梧州"}"#);
    assert_eq!(
        strings(&region["titles"]),
        ["梧州市科学技术协会", "藤县科学技术协会"],
        "{region}"
    );
    let province = query(&site, "梧州市科协", r#"{"province":"广西壮族自治区"}"#);
    assert_eq!(province["total"], 2, "{province}");
}
