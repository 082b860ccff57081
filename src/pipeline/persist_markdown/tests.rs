//! The kept Markdown renders: a render read back is the one written, reused only while
//! its reads hold, and a damaged file is found, never used.

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::markdown::{LinkResolver, SiteLinkError};

/// Resolves `@/b.md` to `answer`; nothing else.
struct Links {
    answer: Option<String>,
}

impl LinkResolver for Links {
    fn resolve(&self, target: &str) -> Option<String> {
        (target == "b.md").then(|| self.answer.clone()).flatten()
    }

    fn resolve_in_site(&self, _: &str, _: &str) -> Option<Result<String, SiteLinkError>> {
        None
    }
}

fn heading(level: u32, title: &str, children: Vec<Heading>) -> Heading {
    Heading {
        level,
        id: title.to_owned(),
        title: title.to_owned(),
        permalink: format!("https://a.example/a/#{title}"),
        outline: (level == 2).then(|| "一、".to_owned()),
        children,
    }
}

/// A render of `a.md`, whose body links to `@/b.md`: the answer it got is in its HTML.
fn render_a(links: &dyn LinkResolver) -> (Rendered, Vec<Diagnostic>) {
    let answer = links.resolve("b.md").unwrap_or_default();
    let rendered = Rendered {
        html: format!("<p><a href=\"{answer}\">乙</a></p>"),
        summary_html: "<p>摘要</p>".to_owned(),
        toc: vec![
            heading(
                2,
                "一",
                vec![heading(3, "甲", vec![heading(4, "子", vec![])])],
            ),
            heading(2, "二", vec![]),
        ],
        text: "乙".to_owned(),
        links: vec![LinkRef {
            target: "@/b.md".to_owned(),
            resolved: Some(answer),
            line: 3,
        }],
        images: vec![ImageRef {
            src: "x.png".to_owned(),
            alt: String::new(),
            line: 4,
        }],
        has_code: true,
        ..Rendered::default()
    };
    (rendered, Vec::new())
}

fn source<'a>(body: &'a str, permalink: &'a str) -> MarkdownSource<'a> {
    MarkdownSource {
        file: Path::new("content/a.md"),
        body,
        first_line: 3,
        permalink,
    }
}

fn as_json(rendered: &Rendered) -> serde_json::Value {
    serde_json::to_value(rendered).expect("serialises")
}

/// One build's Markdown pass over `a.md`: its render, and whether it was made.
fn pass(cache: &CacheDir, body: &str, links: &Links) -> (Rendered, bool) {
    pass_at(cache, body, "https://a.example/a/", links)
}

/// [`pass`] with `a.md` at `permalink`.
fn pass_at(cache: &CacheDir, body: &str, permalink: &str, links: &Links) -> (Rendered, bool) {
    let kept = KeptMarkdown::open(cache, 7).expect("usable");
    kept.use_theme(&BTreeMap::new());
    let (rendered, _) = kept.markdown_or(&source(body, permalink), true, links, render_a, |_| {
        Vec::new()
    });
    let made = kept.rendered() == 1;
    assert!(kept.damage().is_none());
    kept.save(cache, 7).expect("saved");
    (rendered, made)
}

#[test]
fn a_render_read_back_is_the_one_written() {
    let links = Links {
        answer: Some("https://a.example/b/".into()),
    };
    let (rendered, _) = render_a(&links);
    let bytes = render_bytes(&rendered).expect("no problems");
    let back = read_render(&bytes).expect("read back");
    assert_eq!(as_json(&back), as_json(&rendered));
}

#[test]
fn a_heading_deeper_than_its_place_is_not_read() {
    let flat = |depth| FlatHeading {
        depth,
        level: 2,
        id: String::new(),
        title: String::new(),
        permalink: String::new(),
        outline: None,
    };
    assert!(unflatten(vec![flat(0), flat(1), flat(0)]).is_some());
    assert!(unflatten(vec![flat(0), flat(2)]).is_none());
    assert!(unflatten(vec![flat(1)]).is_none());
}

#[test]
fn a_kept_render_serves_while_its_reads_hold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = CacheDir::at(dir.path());
    let links = Links {
        answer: Some("https://a.example/b/".into()),
    };
    let (first, made) = pass(&cache, "[乙](@/b.md)", &links);
    assert!(made);
    let (again, made) = pass(&cache, "[乙](@/b.md)", &links);
    assert!(!made, "the same reads: the kept render serves");
    assert_eq!(as_json(&again), as_json(&first));
    // Saved again from the render kept: it serves once more.
    let (_, made) = pass(&cache, "[乙](@/b.md)", &links);
    assert!(!made);

    let (_, made) = pass(&cache, "[乙](@/b.md) 改", &links);
    assert!(made, "another body renders again");
    let moved = Links {
        answer: Some("https://a.example/c/".into()),
    };
    let (moved_render, made) = pass(&cache, "[乙](@/b.md) 改", &moved);
    assert!(made, "another answer renders again");
    assert!(moved_render.html.contains("https://a.example/c/"));
    let (_, made) = pass_at(&cache, "[乙](@/b.md) 改", "https://a.example/a2/", &moved);
    assert!(made, "the page moved: rendered again");
}

#[test]
fn a_render_with_problems_is_not_kept() {
    let links = Links { answer: None };
    let mut rendered = render_a(&links).0;
    rendered.problems.push(crate::markdown::Problem {
        code: "W0203",
        line: 1,
        column: 1,
        message: crate::t!("build-cache-damage-link"),
        help: None,
        is_error: false,
    });
    assert!(render_bytes(&rendered).is_none());
}

#[test]
fn a_file_of_another_config_or_damaged_is_not_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = CacheDir::at(dir.path());
    let links = Links { answer: None };
    pass(&cache, "甲", &links);
    assert!(matches!(
        KeptMarkdown::open(&cache, 8),
        Err(Unused::OtherConfig)
    ));
    let path = dir.path().join(FILE);
    let bytes = std::fs::read(&path).expect("written");

    // Cut short, as an interrupted copy leaves it.
    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("written");
    assert!(matches!(
        KeptMarkdown::open(&cache, 7),
        Err(Unused::Damaged(_))
    ));
    std::fs::write(&path, b"").expect("written");
    assert!(matches!(
        KeptMarkdown::open(&cache, 7),
        Err(Unused::Damaged(_))
    ));

    // A render's bytes changed: found when the page's reads hold and it is read.
    std::fs::write(&path, &bytes).expect("written");
    let data = dir.path().join(data_name(0));
    let renders = std::fs::read(&data).expect("written");
    let mut garbled = renders.clone();
    garbled[5] ^= 1;
    std::fs::write(&data, &garbled).expect("written");
    let kept = KeptMarkdown::open(&cache, 7).expect("the table is whole");
    kept.use_theme(&BTreeMap::new());
    let (rendered, _) = kept.markdown_or(
        &source("甲", "https://a.example/a/"),
        true,
        &links,
        render_a,
        |_| Vec::new(),
    );
    assert!(kept.damage().is_some());
    assert_eq!(kept.rendered(), 1, "rendered instead");
    assert_eq!(as_json(&rendered), as_json(&render_a(&links).0));

    // The data file cut short.
    std::fs::write(&data, &renders[..renders.len() - 1]).expect("written");
    assert!(matches!(
        KeptMarkdown::open(&cache, 7),
        Err(Unused::Damaged(_))
    ));

    // The table's bytes changed.
    let mut garbled = bytes.clone();
    let in_table = bytes.len() - HASH as usize - 3;
    garbled[in_table] ^= 1;
    std::fs::write(&path, &garbled).expect("written");
    assert!(matches!(
        KeptMarkdown::open(&cache, 7),
        Err(Unused::Damaged(_))
    ));
}

#[test]
fn renders_kept_under_other_shortcodes_are_rendered_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = CacheDir::at(dir.path());
    let links = Links { answer: None };
    pass(&cache, "甲", &links);
    let kept = KeptMarkdown::open(&cache, 7).expect("usable");
    let shortcodes = BTreeMap::from([("shortcodes/notice.html".to_owned(), 1)]);
    kept.use_theme(&shortcodes);
    kept.markdown_or(
        &source("甲", "https://a.example/a/"),
        true,
        &links,
        render_a,
        |_| Vec::new(),
    );
    assert_eq!(kept.rendered(), 1);
    kept.save(&cache, 7).expect("saved");
}

#[test]
fn a_build_that_fails_leaves_the_last_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = CacheDir::at(dir.path());
    let links = Links { answer: None };
    pass(&cache, "甲", &links);
    let before = std::fs::read(dir.path().join(FILE)).expect("saved");
    let kept = KeptMarkdown::open(&cache, 7).expect("usable");
    kept.use_theme(&BTreeMap::new());
    kept.markdown_or(
        &source("乙", "https://a.example/a/"),
        true,
        &links,
        render_a,
        |_| Vec::new(),
    );
    drop(kept);
    assert_eq!(std::fs::read(dir.path().join(FILE)).expect("kept"), before);
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listed")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["markdown.0.data", FILE], "no temporary file left");
    let (_, made) = pass(&cache, "甲", &links);
    assert!(!made, "the last renders still serve");
}

#[test]
fn renders_are_added_to_the_data_file_until_half_of_it_is_stale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = CacheDir::at(dir.path());
    let links = Links { answer: None };
    let data = |generation| dir.path().join(data_name(generation));
    pass(&cache, "甲", &links);
    let one = std::fs::metadata(data(0)).expect("written").len();
    // The render of another body is added: the first is stale, half of the file.
    pass(&cache, "乙", &links);
    assert_eq!(std::fs::metadata(data(0)).expect("added to").len(), 2 * one);
    assert!(!data(1).exists());
    // Then a third: more than half is stale, so the live render is written afresh.
    pass(&cache, "丙", &links);
    let (_, made) = pass(&cache, "丙", &links);
    assert!(!made);
    assert!(
        data(1).exists() != data(0).exists(),
        "one data file at a time"
    );
    let (_, made) = pass(&cache, "丙", &links);
    assert!(!made, "served from the file written afresh");
}
