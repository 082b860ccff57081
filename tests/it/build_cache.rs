//! `menhu build --cache`: a build reusing the last build's renders writes the same
//! bytes as a clean build, for every kind of edit; a cache of another menhu, another
//! config or a damaged one is set aside with a note (W0501), never trusted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::*;

/// A fixed clock and zone, so that two builds publish the same pages.
pub(crate) const ENV: [(&str, &str); 3] = [
    ("TZ", "UTC"),
    ("MENHU_NOW", "2026-12-06T12:00:00Z"),
    ("MENHU_LANG", "en"),
];

/// The demo portal of `menhu init` (Traditional copy, search, cities, related
/// articles, photos) in `site/portal`.
pub(crate) fn demo(site: &Site) -> PathBuf {
    let dir = site.path("portal");
    let init = site.menhu(&["init", dir.to_str().unwrap()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    dir
}

/// `menhu build --cache CACHE -o cached --timings`, which must succeed; its stderr.
pub(crate) fn cached_build(dir: &Path) -> String {
    let cache = dir.join("ci-cache");
    let args = [
        "build",
        "--cache",
        cache.to_str().unwrap(),
        "-o",
        "cached",
        "--timings",
    ];
    let run = menhu_env(dir, &args, &ENV);
    assert_eq!(run.code, 0, "cached build failed:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.stderr
}

/// `menhu build -o clean`, which must succeed.
pub(crate) fn clean_build(dir: &Path) {
    let run = menhu_env(dir, &["build", "-o", "clean"], &ENV);
    assert_eq!(run.code, 0, "clean build failed:\n{}", run.stderr);
}

/// Every file under `folder`, by relative path.
pub(crate) fn tree(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(folder).unwrap().to_string_lossy();
                files.insert(rel.replace('\\', "/"), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Builds with the cache and clean, and asserts both outputs are the same bytes.
pub(crate) fn assert_cached_equals_clean(dir: &Path, step: &str) -> String {
    let stderr = cached_build(dir);
    clean_build(dir);
    let (cached, clean) = (tree(&dir.join("cached")), tree(&dir.join("clean")));
    let cached_paths: Vec<&String> = cached.keys().collect();
    let clean_paths: Vec<&String> = clean.keys().collect();
    assert_eq!(cached_paths, clean_paths, "{step}: the file lists differ");
    for (path, bytes) in &clean {
        assert!(
            cached[path] == *bytes,
            "{step}: {path} differs from a clean build"
        );
    }
    assert!(
        clean.keys().any(|p| p.starts_with("processed_images/")),
        "{step}: the demo publishes photo copies"
    );
    stderr
}

/// (rendered, reused) from the `--timings` line of the build cache.
pub(crate) fn reuse_counts(stderr: &str) -> (usize, usize) {
    let numbers = numbers_on_line(stderr, "build cache:");
    (numbers[0], numbers[1])
}

/// The numbers of the `--timings` line starting with `start`, in order.
pub(crate) fn numbers_on_line(stderr: &str, start: &str) -> Vec<usize> {
    let line = stderr
        .lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line {start:?} in:\n{stderr}"));
    line.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

pub(crate) fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

pub(crate) fn append(path: &Path, more: &str) {
    let mut text = std::fs::read_to_string(path).unwrap();
    text.push_str(more);
    std::fs::write(path, text).unwrap();
}

#[test]
fn cached_builds_equal_clean_builds_through_a_sequence_of_edits() {
    let site = Site::empty();
    let dir = demo(&site);
    let first = assert_cached_equals_clean(&dir, "first build");
    let (rendered, reused) = reuse_counts(&first);
    assert!(rendered > 50 && reused == 0, "{rendered} {reused}");

    let unchanged = assert_cached_equals_clean(&dir, "no edit");
    assert_eq!(reuse_counts(&unchanged).0, 0, "nothing to render again");
    let (made, taken) = terms_counts(&unchanged);
    assert!(
        made == 0 && taken > 20,
        "every page's terms reused: {made} {taken}"
    );

    let article = dir.join("content/news/tbgz/2025-06-12-hui-ju-si-chang-zi-yuan.md");
    append(&article, "\n新增的一段正文，说明活动的后续安排。\n");
    let body = assert_cached_equals_clean(&dir, "body edit");
    let (rendered, reused) = reuse_counts(&body);
    assert!(
        rendered >= 1 && rendered * 4 < reused,
        "a body edit renders a few jobs again, not the site: {rendered} rendered, {reused} reused"
    );
    let (made, taken) = terms_counts(&body);
    assert_eq!(
        (made, taken),
        (1, terms_counts(&unchanged).1 - 1),
        "one page tokenised"
    );

    edit(
        &article,
        "title = \"汇聚“四长”力量",
        "title = \"汇聚“四长”合力",
    );
    assert_cached_equals_clean(&dir, "title edit");

    site.write(
        "portal/content/news/tzgg/2026-11-02-xin-gao.md",
        "+++\ntitle = \"关于举办科普讲解大赛的通知\"\ndate = 2026-11-02T09:00:00+08:00\ncity = \"柳州\"\n+++\n\n各有关单位：现将讲解大赛有关事项通知如下。\n",
    );
    assert_cached_equals_clean(&dir, "new page");

    std::fs::remove_file(dir.join("content/news/tzgg/2025-08-05-bei-hai-ke-pu-ri-an-pai.md"))
        .unwrap();
    assert_cached_equals_clean(&dir, "deleted page");

    append(
        &dir.join("themes/portal/templates/page.html"),
        "\n<!-- 模板改动 -->\n",
    );
    assert_cached_equals_clean(&dir, "template edit");

    edit(&article, "city = \"梧州\"", "city = \"桂林\"");
    assert_cached_equals_clean(&dir, "page moving city");

    edit(
        &dir.join("site-config.toml"),
        "summary_chars = 120",
        "summary_chars = 80",
    );
    let config = assert_cached_equals_clean(&dir, "config edit");
    assert_contains(&config, "W0501");
    assert_contains(&config, "another configuration");
    assert_eq!(reuse_counts(&config).1, 0, "nothing reused across configs");

    let after = assert_cached_equals_clean(&dir, "after the config edit");
    assert_eq!(reuse_counts(&after).0, 0, "the new cache is used");
    assert_not_contains(&after, "W0501");
}

/// (pages tokenised, pages whose terms came from the cache) from the `--timings` line
/// of the search index.
fn terms_counts(stderr: &str) -> (usize, usize) {
    let numbers = numbers_on_line(stderr, "search index:");
    (numbers[0], numbers[1])
}

/// True when a postings shard of the cached build's search index holds `term`.
fn index_holds(dir: &Path, term: &str) -> bool {
    let shards = dir.join("cached/search/s");
    std::fs::read_dir(&shards).unwrap().flatten().any(|shard| {
        let bytes = std::fs::read(shard.path()).unwrap();
        bytes
            .windows(term.len())
            .any(|window| window == term.as_bytes())
    })
}

#[test]
fn the_search_terms_taken_from_the_cache_follow_every_edit() {
    let site = Site::empty();
    let dir = demo(&site);
    let article = dir.join("content/news/tbgz/2025-06-12-hui-ju-si-chang-zi-yuan.md");
    let notice = dir.join("content/news/tzgg/2025-08-05-bei-hai-ke-pu-ri-an-pai.md");
    append(&notice, "\n活动现场展出了貔貅造型的科普展品。\n");
    assert_cached_equals_clean(&dir, "first build");
    assert!(index_holds(&dir, "貔貅") && !index_holds(&dir, "麒麟"));

    append(&article, "\n会上还介绍了麒麟计划的进展。\n");
    let body = assert_cached_equals_clean(&dir, "body edit");
    assert_eq!(
        terms_counts(&body).0,
        1,
        "only the edited page is tokenised"
    );
    assert!(index_holds(&dir, "麒麟"), "the body's new words are found");

    edit(&article, "title = \"汇聚“四长”力量", "title = \"饕餮盛宴");
    let title = assert_cached_equals_clean(&dir, "title edit");
    assert_eq!(
        terms_counts(&title).0,
        1,
        "only the retitled page is tokenised"
    );
    assert!(index_holds(&dir, "饕餮"), "the new title is found");

    // A stored-text file of the index changed by hand is made again, not trusted.
    let stored = dir.join("cached/search/t/0.mz");
    let mut bytes = std::fs::read(&stored).unwrap();
    bytes.push(b'!');
    std::fs::write(&stored, &bytes).unwrap();
    assert_cached_equals_clean(&dir, "a stored text changed by hand");

    std::fs::remove_file(&notice).unwrap();
    let deleted = assert_cached_equals_clean(&dir, "deleted page");
    assert_eq!(terms_counts(&deleted).0, 0, "nothing to tokenise");
    assert!(
        !index_holds(&dir, "貔貅"),
        "the deleted page's words are gone"
    );
    assert!(index_holds(&dir, "麒麟") && index_holds(&dir, "饕餮"));
}

#[test]
fn damaged_search_terms_are_a_note_and_a_right_index() {
    let site = Site::empty();
    let dir = demo(&site);
    cached_build(&dir);
    let file = dir.join("ci-cache/search.bin");
    let mut bytes = std::fs::read(&file).unwrap();
    let last = bytes.len() - 3;
    bytes[last] ^= 0x20;
    std::fs::write(&file, &bytes).unwrap();
    let stderr = assert_cached_equals_clean(&dir, "a byte of the terms changed");
    assert_contains(&stderr, "W0501");
    assert_contains(&stderr, "search terms `search.bin`");
    assert!(
        terms_counts(&stderr).0 >= 1,
        "the damaged page is tokenised again"
    );

    std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    let stderr = assert_cached_equals_clean(&dir, "the terms cut short");
    assert_contains(&stderr, "W0501");
    assert_eq!(
        terms_counts(&stderr).1,
        0,
        "nothing taken from a file cut short"
    );

    std::fs::write(&file, b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff").unwrap();
    let stderr = assert_cached_equals_clean(&dir, "the terms garbled");
    assert_contains(&stderr, "W0501");

    let stderr = assert_cached_equals_clean(&dir, "after the damage");
    assert_not_contains(&stderr, "W0501");
    assert_eq!(terms_counts(&stderr).0, 0, "the terms saved anew are used");
}

/// The cache's index file.
fn index_file(dir: &Path) -> PathBuf {
    dir.join("ci-cache/index.bin")
}

/// The cache's index cut in half, as an interrupted save leaves it.
fn truncate_index(dir: &Path) {
    let index = index_file(dir);
    let bytes = std::fs::read(&index).unwrap();
    std::fs::write(&index, &bytes[..bytes.len() / 2]).unwrap();
}

/// The cache's index with every `from` in it replaced by `to`, of the same length (the
/// index is binary: its texts are stored as they are, after their length).
fn rewrite_index(dir: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let index = index_file(dir);
    let mut bytes = std::fs::read(&index).unwrap();
    let mut replaced = 0;
    while let Some(at) = bytes.windows(from.len()).position(|w| w == from.as_bytes()) {
        bytes[at..at + to.len()].copy_from_slice(to.as_bytes());
        replaced += 1;
    }
    assert!(replaced > 0, "{from} is not in the index");
    std::fs::write(&index, bytes).unwrap();
}

/// The blob the cache keeps of the output file `output`: its bytes' hash names it.
fn blob_of(dir: &Path, output: &Path) -> PathBuf {
    let hash = blake3::hash(&std::fs::read(output).unwrap()).to_hex();
    dir.join("ci-cache/blobs")
        .join(&hash[..2])
        .join(hash.as_str())
}

#[test]
fn a_cache_of_another_menhu_is_not_trusted() {
    let site = Site::empty();
    let dir = demo(&site);
    cached_build(&dir);
    // The executable's time in the header's identity of menhu.
    rewrite_index(&dir, "modified", "MODIFIED");
    let stderr = assert_cached_equals_clean(&dir, "other menhu");
    assert_contains(&stderr, "W0501");
    assert_contains(
        &stderr,
        "was made by another menhu (another version, or another build of it)",
    );
    assert_eq!(reuse_counts(&stderr).1, 0);
}

/// The CI recipe keeps `menhu build --cache --format json`'s account: a cache set
/// aside is in its `diagnostics` as it is on stderr (once, with the build's other
/// warnings under one summary line), and still fails nothing with --deny-warnings.
#[test]
fn a_cache_set_aside_is_in_the_build_report_of_ci() {
    let site = Site::empty();
    let dir = demo(&site);
    cached_build(&dir);
    let config = dir.join("site-config.toml");
    edit(&config, "summary_chars = 120", "summary_chars = 110");
    std::fs::write(
        dir.join("content/news/alt.md"),
        "+++\ntitle = \"无说明\"\ndate = 2026-01-02\n+++\n![](/img/logo.svg)\n",
    )
    .unwrap();
    let cache = dir.join("ci-cache");
    let args = [
        "build",
        "--cache",
        cache.to_str().unwrap(),
        "-o",
        "cached",
        "--format",
        "json",
        "--deny-warnings",
    ];
    let run = menhu_env(&dir, &args, &ENV);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"W0501"), "{codes:?}\n{}", run.stderr);
    assert!(codes.contains(&"W0202"), "{codes:?}");
    assert_eq!(
        run.stderr.matches("warning[W0501]").count(),
        1,
        "{}",
        run.stderr
    );
    let summaries = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("0 errors, "))
        .count();
    assert_eq!(summaries, 1, "{}", run.stderr);
    // The note never fails a build; the alt-less image does, with --deny-warnings.
    assert_eq!(run.code, 1);
    std::fs::remove_file(dir.join("content/news/alt.md")).unwrap();
    edit(&config, "summary_chars = 110", "summary_chars = 100");
    let run = menhu_env(&dir, &args, &ENV);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stdout, "\"W0501\"");
}

#[test]
fn a_truncated_or_garbled_cache_is_a_note_and_a_clean_build() {
    let site = Site::empty();
    let dir = demo(&site);
    cached_build(&dir);
    truncate_index(&dir);
    let stderr = assert_cached_equals_clean(&dir, "truncated index");
    assert_contains(&stderr, "W0501");
    assert_contains(&stderr, "is damaged");
    assert_eq!(reuse_counts(&stderr).1, 0);

    // A blob with other bytes of the same length: found when read (here, the output
    // folder is gone, as on a fresh CI runner), never written out.
    let blob = blob_of(&dir, &dir.join("cached/index.html"));
    let mut bytes = std::fs::read(&blob).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 1;
    std::fs::write(&blob, &bytes).unwrap();
    std::fs::remove_dir_all(dir.join("cached")).unwrap();
    let stderr = assert_cached_equals_clean(&dir, "garbled blob");
    assert_contains(&stderr, "W0501");
    assert_contains(&stderr, "is damaged");

    // A cache naming paths outside the output.
    rewrite_index(&dir, "index.html", "../xx.html");
    let stderr = assert_cached_equals_clean(&dir, "hostile path");
    assert_contains(&stderr, "W0501");
    assert!(!site.path("xx.html").exists() && !dir.join("xx.html").exists());
}

#[test]
fn why_a_cache_is_damaged_is_said_in_the_language_of_the_run() {
    let site = Site::empty();
    let dir = demo(&site);
    cached_build(&dir);
    truncate_index(&dir);
    let cache = dir.join("ci-cache");
    let chinese = [("TZ", "UTC"), ("MENHU_LANG", "zh-Hans")];
    // Each build with the cache succeeds, in Chinese.
    let build = || {
        let run = menhu_env(
            &dir,
            &["build", "--cache", cache.to_str().unwrap()],
            &chinese,
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    };
    let run = build();
    assert_contains(&run.stderr, "W0501");
    assert_contains(&run.stderr, "index.bin 不是 menhu 写下的索引");
    assert_not_contains(&run.stderr, "is not an index");

    // A blob gone: named as the copy of an output, missing or of another size, by
    // the first build that needs it (here, the output folder is gone).
    std::fs::remove_file(blob_of(&dir, &dir.join("public/index.html"))).unwrap();
    let quiet = build();
    assert_not_contains(&quiet.stderr, "W0501");
    std::fs::remove_dir_all(dir.join("public")).unwrap();
    let run = build();
    assert_contains(&run.stderr, "的缓存副本缺失或大小不符");
}

/// A file standing where the cache keeps its folder is named, with what to do, in the
/// language of the run; the note used to name a folder below it and say, in English
/// inside the Chinese, that it was "a link or a file".
#[test]
fn a_file_where_the_cache_goes_is_named_with_what_to_do() {
    let site = Site::empty();
    let dir = demo(&site);
    std::fs::create_dir_all(dir.join(".menhu-cache")).unwrap();
    std::fs::write(dir.join(".menhu-cache/build"), "x").unwrap();
    let chinese = [("TZ", "UTC"), ("MENHU_LANG", "zh-Hans")];
    let run = menhu_env(&dir, &["build", "--cache"], &chinese);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        ".menhu-cache/build` 是一个文件或链接，缓存要在那里放文件夹",
    );
    assert_contains(
        &run.stderr,
        ".menhu-cache/build` 后，下次生成会重新建立缓存",
    );
    assert_not_contains(&run.stderr, "blobs");
    assert_not_contains(&run.stderr, "is a link or a file");
}

#[test]
fn a_cache_in_the_output_folder_is_not_used() {
    let site = Site::empty();
    let dir = demo(&site);
    let inside = dir.join("public/cache");
    let run = menhu_env(&dir, &["build", "--cache", inside.to_str().unwrap()], &ENV);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "W0501");
    assert_contains(&run.stderr, "lies in the output folder");
}

#[test]
fn the_config_can_turn_the_cache_on_and_clean_cache_drops_it() {
    let site = Site::empty();
    let dir = demo(&site);
    append(&dir.join("site-config.toml"), "\nbuild_cache = true\n");
    // `build_cache` is a top-level key: appended after a table it would belong to it.
    let config = std::fs::read_to_string(dir.join("site-config.toml")).unwrap();
    std::fs::write(
        dir.join("site-config.toml"),
        format!(
            "build_cache = true\n{}",
            config.replace("\nbuild_cache = true\n", "")
        ),
    )
    .unwrap();
    let run = menhu_env(&dir, &["build", "--timings"], &ENV);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.join(".menhu-cache/build/index.bin").is_file());
    let again = menhu_env(&dir, &["build", "--timings"], &ENV);
    assert_eq!(reuse_counts(&again.stderr).0, 0, "{}", again.stderr);
    let clean = menhu_env(&dir, &["build", "--clean-cache", "--timings"], &ENV);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert_eq!(reuse_counts(&clean.stderr).1, 0, "{}", clean.stderr);
}

/// Every blob of the cache, with the name it is stored under.
fn blobs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(&dir.join("ci-cache/blobs"))
        .into_iter()
        .map(|(path, bytes)| (path.rsplit('/').next().unwrap().to_owned(), bytes))
        .collect()
}

/// Asserts every blob of the cache still holds the bytes its name is the hash of.
fn assert_blobs_whole(dir: &Path, step: &str) {
    let blobs = blobs(dir);
    assert!(blobs.len() > 50, "{step}: the cache holds the pages");
    for (name, bytes) in &blobs {
        assert_eq!(
            blake3::hash(bytes).to_hex().as_str(),
            name,
            "{step}: a blob changed under its name"
        );
    }
}

/// The stamp of the file at `path`: inode and change time, which any write moves.
#[cfg(unix)]
fn stamp(path: &Path) -> (u64, i64, i64) {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path).unwrap();
    (meta.ino(), meta.ctime(), meta.ctime_nsec())
}

/// A cached build after a one-page edit writes the pages that changed and leaves every
/// other file of the output alone; no output is ever a file of the cache.
#[cfg(unix)]
#[test]
fn unchanged_outputs_are_left_alone_and_share_no_file_with_the_cache() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::empty();
    let dir = demo(&site);
    cached_build(&dir);
    cached_build(&dir);
    let untouched = dir.join("cached/about/index.html");
    let before = stamp(&untouched);
    let article = dir.join("content/news/tbgz/2025-06-12-hui-ju-si-chang-zi-yuan.md");
    append(&article, "\n新增的一段正文，说明活动的后续安排。\n");
    let body = assert_cached_equals_clean(&dir, "body edit");
    assert!(reuse_counts(&body).0 >= 1);
    assert_eq!(
        stamp(&untouched),
        before,
        "an unchanged page is not written again"
    );
    let outputs = tree(&dir.join("cached"));
    assert!(outputs.len() > 50);
    for path in outputs.keys() {
        let meta = std::fs::metadata(dir.join("cached").join(path)).unwrap();
        assert_eq!(meta.nlink(), 1, "{path} is a file of its own");
    }
    assert!(
        std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().contains("changes")),
        "the folder of changes is gone"
    );
}

#[test]
fn builds_in_a_row_with_and_without_the_cache_leave_every_blob_whole() {
    let site = Site::empty();
    let dir = demo(&site);
    let article = dir.join("content/news/tbgz/2025-06-12-hui-ju-si-chang-zi-yuan.md");
    assert_cached_equals_clean(&dir, "first build");
    assert_cached_equals_clean(&dir, "second build");
    append(&article, "\n第一次补充的正文。\n");
    assert_cached_equals_clean(&dir, "third build, a body edit");
    edit(
        &article,
        "title = \"汇聚“四长”力量",
        "title = \"汇聚“四长”合力",
    );
    assert_cached_equals_clean(&dir, "fourth build, a title edit");
    append(
        &dir.join("themes/portal/templates/page.html"),
        "\n<!-- 模板改动 -->\n",
    );
    assert_cached_equals_clean(&dir, "fifth build, a template edit");
    assert_blobs_whole(&dir, "after five cached builds");

    // Builds without the cache into the same folder write every file (the output,
    // then the spare): the next cached build knows nothing of what they left.
    append(&article, "\n第二次补充的正文。\n");
    for _ in 0..2 {
        let run = menhu_env(&dir, &["build", "-o", "cached"], &ENV);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    assert_blobs_whole(&dir, "after builds without the cache");
    let stderr = assert_cached_equals_clean(&dir, "cached again");
    assert_not_contains(&stderr, "W0501");
    assert_cached_equals_clean(&dir, "cached once more");
    assert_blobs_whole(&dir, "at the end");
}

/// Whatever is done to the output by hand between two cached builds, the second one's
/// output is a clean build's: a page edited in place (more bytes, or the same number
/// with its modification time put back), a page deleted, replaced by a link, a file or
/// a folder added. None of it damages the cache, so there is no note.
#[test]
fn an_output_changed_by_hand_is_put_right_by_the_next_cached_build() {
    let site = Site::empty();
    let dir = demo(&site);
    cached_build(&dir);
    cached_build(&dir);
    let home = dir.join("cached/index.html");
    let mut bytes = std::fs::read(&home).unwrap();
    bytes.extend_from_slice(b"<!-- added by a tool -->");
    write_in_place(&home, &bytes);
    assert_put_right(&dir, "an edit in place");
    assert_not_contains(&std::fs::read_to_string(&home).unwrap(), "added by a tool");

    // The same number of bytes changed in place, its modification time put back.
    let modified = std::fs::metadata(&home).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(&home).unwrap();
    let at = bytes.len() - 2;
    bytes[at] ^= 1;
    write_in_place(&home, &bytes);
    let file = std::fs::OpenOptions::new().write(true).open(&home).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    assert_put_right(&dir, "a change of one byte in place");

    std::fs::remove_file(dir.join("cached/about/index.html")).unwrap();
    assert_put_right(&dir, "a page deleted");

    std::fs::remove_dir_all(dir.join("cached/news")).unwrap();
    assert_put_right(&dir, "a column deleted");

    std::fs::write(dir.join("cached/about/notes.txt"), "by hand").unwrap();
    std::fs::create_dir_all(dir.join("cached/news/extra/deeper")).unwrap();
    std::fs::write(dir.join("cached/news/extra/deeper/x.html"), "x").unwrap();
    std::fs::write(dir.join("cached/top.txt"), "by hand").unwrap();
    assert_put_right(&dir, "files and folders added");

    #[cfg(unix)]
    {
        let about = dir.join("cached/about/index.html");
        std::fs::remove_file(&about).unwrap();
        std::os::unix::fs::symlink(dir.join("site-config.toml"), &about).unwrap();
        assert_put_right(&dir, "a page replaced by a link");
        assert!(std::fs::read_to_string(dir.join("site-config.toml")).is_ok());
    }

    std::fs::remove_dir_all(dir.join("cached")).unwrap();
    assert_put_right(&dir, "the output folder gone, as on a fresh CI runner");
}

/// Writes `bytes` into the file at `path` itself (as a tool editing the output would),
/// not into a new file put in its place.
fn write_in_place(path: &Path, bytes: &[u8]) {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.write_all(bytes).unwrap();
}

/// The cached build after the output was changed by hand gives a clean build's output,
/// without a note; so does the build after it, and every blob is whole.
fn assert_put_right(dir: &Path, change: &str) {
    let stderr = assert_cached_equals_clean(dir, &format!("after {change}"));
    assert_not_contains(&stderr, "W0501");
    let again = assert_cached_equals_clean(dir, &format!("the build after {change}"));
    assert_not_contains(&again, "W0501");
    assert_blobs_whole(dir, &format!("the build after {change}"));
}

/// A cached build that fails (a template error) leaves the output folder as it was,
/// and leaves nothing beside it; once mended, the output is a clean build's.
#[test]
fn a_failed_cached_build_leaves_the_output_as_it_was() {
    let site = Site::empty();
    let dir = demo(&site);
    cached_build(&dir);
    cached_build(&dir);
    let before = tree(&dir.join("cached"));
    let article = dir.join("content/news/tbgz/2025-06-12-hui-ju-si-chang-zi-yuan.md");
    append(&article, "\n新增的一段正文。\n");
    let page = dir.join("themes/portal/templates/page.html");
    let template = std::fs::read_to_string(&page).unwrap();
    edit(
        &page,
        "{% block content %}",
        "{% block content %}{{ throw(message=\"坏模板\") }}",
    );
    let cache = dir.join("ci-cache");
    let args = ["build", "--cache", cache.to_str().unwrap(), "-o", "cached"];
    let run = menhu_env(&dir, &args, &ENV);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        tree(&dir.join("cached")) == before,
        "the output is as it was"
    );
    let beside: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".cached."))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    std::fs::write(&page, template).unwrap();
    assert_cached_equals_clean(&dir, "mended");
}

/// A cache on another file system than the output (`/dev/shm` where it is one): links
/// cannot be made, so the bytes are copied, and the output is that of a clean build.
#[cfg(unix)]
#[test]
fn a_cache_on_another_file_system_is_copied_from() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::empty();
    let dir = demo(&site);
    let device = |path: &Path| std::fs::metadata(path).map(|m| m.dev()).ok();
    let other = Path::new("/dev/shm");
    if device(other).is_none() || device(other) == device(&dir) {
        eprintln!("skipped: /dev/shm is missing or on the file system of the temp folder");
        return;
    }
    let elsewhere = tempfile::tempdir_in(other).unwrap();
    let cache = elsewhere.path().join("cache");
    let args = ["build", "--cache", cache.to_str().unwrap(), "-o", "cached"];
    for step in ["first build", "second build"] {
        let run = menhu_env(&dir, &args, &ENV);
        assert_eq!(run.code, 0, "{step}: {}", run.stderr);
        assert_not_contains(&run.stderr, "W0501");
    }
    clean_build(&dir);
    assert!(
        tree(&dir.join("cached")) == tree(&dir.join("clean")),
        "the output of a clean build"
    );
    let meta = std::fs::metadata(dir.join("cached/index.html")).unwrap();
    assert_eq!(meta.nlink(), 1, "a copy, not a link");
}
