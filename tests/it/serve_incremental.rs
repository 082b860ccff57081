//! Incremental rebuilds of the preview server equal fresh full builds, byte for byte,
//! after every edit of a seeded random sequence (create, front-matter edits, city
//! changes, renames, deletions, template edits, folder renames).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use menhu::pipeline::{self, BuildOptions};
use menhu::serve::{ChangeSet, Edits, Preview, Snapshot, Update};

use crate::support::Site;

/// A small deterministic generator (xorshift64*), so the sequence is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const CITIES: &[&str] = &["梧州", "南宁", "桂林", "柳州"];
const TAGS: &[&str] = &["科普", "学会", "基层", "改革"];
const TITLES: &[&str] = &[
    "科普进社区",
    "学会年会召开",
    "基层组织建设",
    "改革试点推进",
    "院士专家行",
];

const TEMPLATES: &[(&str, &str)] = &[
    (
        "templates/city.html",
        "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block content %}<h1>{{ city.name }}</h1>{% for p in paginator.pages %}{{ m::item(p=p) }}{% endfor %}{% endblock %}",
    ),
    (
        "templates/cities.html",
        "{% extends \"base.html\" %}{% block content %}{% for c in hot_cities %}<a href=\"{{ c.permalink }}\">{{ c.name }}</a>{% endfor %}{% endblock %}",
    ),
    (
        "templates/province.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ province.name }}</h1>{% for p in province.pages %}{{ p.title }};{% endfor %}{% endblock %}",
    ),
    (
        "templates/base.html",
        "<!DOCTYPE html><html><head><title>{% block title %}{{ config.title }}{% endblock %}</title></head><body>{% include \"partials/nav.html\" %}<main>{% block content %}{% endblock %}</main></body></html>",
    ),
    (
        "templates/partials/nav.html",
        "<nav><a href=\"{{ get_url(path='@/news/_index.md') }}\">新闻</a></nav>",
    ),
    (
        "templates/macros.html",
        "{% macro item(p) %}<li><a href=\"{{ p.permalink }}\">{{ p.title }}</a>{% if p.city %}[{{ p.city }}]{% endif %}</li>{% endmacro %}",
    ),
    (
        "templates/index.html",
        "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block content %}{% set news = get_section(path=\"news/_index.md\") %}<ul>{% for p in news.pages | slice(end=4) %}{{ m::item(p=p) }}{% endfor %}</ul>{% set about = get_page(path=\"about.md\") %}<p>{{ about.title }}</p>{% set tags = get_taxonomy(kind=\"tags\") %}{% for t in tags.items %}{{ t.name }}({{ t.page_count }}) {% endfor %}{% endblock %}",
    ),
    (
        "templates/section.html",
        "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block content %}<h1>{{ section.title }}</h1>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<a href=\"{{ sub.permalink }}\">{{ sub.title }}</a>{% endfor %}<ul>{% if paginator %}{% for p in paginator.pages %}{{ m::item(p=p) }}{% endfor %}{% else %}{% for p in section.pages %}{{ m::item(p=p) }}{% endfor %}{% endif %}</ul>{% endblock %}",
    ),
    (
        "templates/page.html",
        "{% extends \"base.html\" %}{% block title %}{{ page.title }}{% endblock %}{% block content %}<h1>{{ page.title }}</h1><p>{{ page.date }} {{ page.city }}</p>{% for t in page.taxonomies.tags | default(value=[]) %}<a href=\"{{ get_taxonomy_url(kind='tags', name=t) }}\">{{ t }}</a>{% endfor %}{{ page.content | safe }}{% if page.lower %}<a rel=prev href=\"{{ page.lower.permalink }}\">{{ page.lower.title }}</a>{% endif %}{% if page.higher %}<a rel=next href=\"{{ page.higher.permalink }}\">{{ page.higher.title }}</a>{% endif %}{% endblock %}",
    ),
    (
        "templates/taxonomy_list.html",
        "{% extends \"base.html\" %}{% block content %}{% for t in terms %}<a href=\"{{ t.permalink }}\">{{ t.name }}</a>({{ t.page_count }}){% endfor %}{% endblock %}",
    ),
    (
        "templates/taxonomy_single.html",
        "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block content %}<h1>{{ term.name }}</h1>{% if paginator %}{% for p in paginator.pages %}{{ m::item(p=p) }}{% endfor %}{% else %}{% for p in term.pages %}{{ m::item(p=p) }}{% endfor %}{% endif %}{% endblock %}",
    ),
];

/// The fixture: a home, a paginated news section with a subsection, an about page.
fn fixture() -> Site {
    let site = Site::empty();
    site.write(
        "site-config.toml",
        "base_url = \"https://kx.example.org\"\ntitle = \"测试门户\"\ntaxonomies = [{ name = \"tags\", paginate_by = 2 }, { name = \"cities\" }]\n[regions]\npath = \"diqu\"\n",
    );
    for (path, text) in TEMPLATES {
        site.write(path, text);
    }
    site.write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n");
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\npaginate_by = 3\n+++\n",
    );
    site.write(
        "content/news/local/_index.md",
        "+++\ntitle = \"地方动态\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/about.md",
        "+++\ntitle = \"关于我们\"\n+++\n本站为测试站点。\n",
    );
    site.write("static/site.css", "body { color: #222 }\n");
    for i in 0..6 {
        let folder = if i % 3 == 0 { "news/local" } else { "news" };
        site.write(
            &format!("content/{folder}/p{i}.md"),
            &page_text(
                &format!("{} {i}", TITLES[i % TITLES.len()]),
                i as u32,
                CITIES[i % 4],
                &[TAGS[i % 4]],
                "正文。",
            ),
        );
    }
    site
}

fn page_text(title: &str, day: u32, city: &str, tags: &[&str], body: &str) -> String {
    let tags: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
    format!(
        "+++\ntitle = \"{title}\"\ndate = 2024-05-{:02}\ncity = \"{city}\"\n\n[taxonomies]\ntags = [{}]\ncities = [\"{city}\"]\n+++\n{body}\n",
        day % 28 + 1,
        tags.join(", ")
    )
}

/// The fixture site and a preview of its first build.
fn started() -> (Site, Preview) {
    let site = fixture();
    let (preview, _) = Preview::start(options(&site)).expect("first build");
    (site, preview)
}

fn options(site: &Site) -> BuildOptions {
    BuildOptions {
        now: menhu::content::date::Now::At(
            "2026-01-01T00:00:00+08:00".parse().expect("an instant"),
        ),
        ..BuildOptions::new(site.root())
    }
}

/// Every `.md` page under content/ (not sections), relative to the root.
fn pages(site: &Site) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![site.path("content")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md")
                && !path.ends_with("_index.md")
                && !path.ends_with("about.md")
            {
                found.push(relative(site, &path));
            }
        }
    }
    found.sort();
    found
}

fn relative(site: &Site, path: &Path) -> String {
    path.strip_prefix(site.root())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// Applies one random edit and returns the paths a watcher would report.
fn random_edit(site: &Site, rng: &mut Rng, step: usize) -> (String, Vec<PathBuf>) {
    let existing = pages(site);
    let kind = if existing.len() < 3 { 0 } else { rng.below(9) };
    let fresh_title = format!("{} {step}", rng.pick(TITLES));
    let day = rng.below(28) as u32;
    match kind {
        0 => {
            let folder = if rng.below(2) == 0 {
                "news"
            } else {
                "news/local"
            };
            let rel = format!("content/{folder}/n{step}.md");
            let tags = [*rng.pick(TAGS), *rng.pick(TAGS)];
            let city = *rng.pick(CITIES);
            site.write(&rel, &page_text(&fresh_title, day, city, &tags, "新内容。"));
            (format!("create {rel}"), vec![rel.into()])
        }
        1 | 2 => {
            let rel = rng.pick(&existing).clone();
            let text = std::fs::read_to_string(site.path(&rel)).unwrap();
            let start = text.find("title = \"").unwrap() + 9;
            let end = start + text[start..].find('"').unwrap();
            let edited = if kind == 1 {
                format!("{}{fresh_title}{}", &text[..start], &text[end..])
            } else {
                text.replacen(
                    "date = 2024-05-",
                    &format!("date = 2024-0{}-", 6 + rng.below(3)),
                    1,
                )
            };
            site.write(&rel, &edited);
            (format!("front matter of {rel}"), vec![rel.into()])
        }
        3 => {
            let rel = rng.pick(&existing).clone();
            let text = std::fs::read_to_string(site.path(&rel)).unwrap();
            let city = rng.pick(CITIES);
            let edited: String = text
                .lines()
                .map(|l| {
                    if l.starts_with("city = ") {
                        format!("city = \"{city}\"\n")
                    } else if l.starts_with("cities = ") {
                        format!("cities = [\"{city}\"]\n")
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect();
            site.write(&rel, &edited);
            (format!("city of {rel} → {city}"), vec![rel.into()])
        }
        4 => {
            let rel = rng.pick(&existing).clone();
            let to = format!("content/news/r{step}.md");
            std::fs::rename(site.path(&rel), site.path(&to)).unwrap();
            (format!("rename {rel} → {to}"), vec![rel.into(), to.into()])
        }
        5 => {
            let rel = rng.pick(&existing).clone();
            std::fs::remove_file(site.path(&rel)).unwrap();
            (format!("delete {rel}"), vec![rel.into()])
        }
        6 => {
            let (name, text) = rng.pick(&TEMPLATES[4..6]);
            let edited = text.replace("</a>", &format!("</a><!--{step}-->"));
            site.write(name, &edited);
            (format!("template {name}"), vec![PathBuf::from(*name)])
        }
        7 => {
            let rel = rng.pick(&existing).clone();
            let text = std::fs::read_to_string(site.path(&rel)).unwrap();
            site.write(&rel, &format!("{text}\n第{step}段：补充内容。\n"));
            (format!("body of {rel}"), vec![rel.into()])
        }
        _ => {
            let mut folders: Vec<String> = std::fs::read_dir(site.path("content/news"))
                .unwrap()
                .flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| relative(site, &e.path()))
                .collect();
            folders.sort();
            let Some(from) = folders.first().cloned() else {
                return random_edit(site, rng, step);
            };
            let to = format!("content/news/d{step}");
            std::fs::rename(site.path(&from), site.path(&to)).unwrap();
            (
                format!("rename folder {from} → {to}"),
                vec![from.into(), to.into()],
            )
        }
    }
}

type Outputs = (BTreeMap<String, Vec<u8>>, BTreeMap<String, PathBuf>);

fn full_build(site: &Site) -> Outputs {
    let built = pipeline::build_in_memory(&options(site)).unwrap_or_else(|d| {
        panic!(
            "full build failed: {:?}",
            d.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
        )
    });
    let files = built
        .site
        .files
        .into_iter()
        .map(|f| (f.path, f.body))
        .collect();
    let copies = built
        .site
        .copies
        .into_iter()
        .map(|c| (c.to, c.from))
        .collect();
    (files, copies)
}

fn served(preview: &Preview) -> Outputs {
    outputs_of(&preview.snapshot())
}

fn outputs_of(snapshot: &Snapshot) -> Outputs {
    let files = snapshot
        .rendered()
        .into_iter()
        .map(|(p, b)| (p.to_owned(), b.to_vec()))
        .collect();
    let copies = snapshot
        .copied()
        .into_iter()
        .map(|(p, f)| (p.to_owned(), f.to_path_buf()))
        .collect();
    (files, copies)
}

#[track_caller]
fn assert_same(incremental: &Outputs, full: &Outputs, what: &str) {
    let paths = |o: &Outputs| o.0.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        paths(incremental),
        paths(full),
        "output paths differ after {what}"
    );
    for (path, body) in &full.0 {
        assert!(
            incremental.0[path] == *body,
            "`{path}` differs after {what}:\nincremental:\n{}\nfull:\n{}",
            String::from_utf8_lossy(&incremental.0[path]),
            String::from_utf8_lossy(body)
        );
    }
    assert_eq!(incremental.1, full.1, "copied files differ after {what}");
}

#[test]
fn random_edits_match_full_builds() {
    let site = fixture();
    let (body_only, partial_rebuilds) = random_edits_match_full_builds_on(&site, 60);
    assert!(body_only > 0, "no body edit took the fast path");
    // Most edits touch a few outputs: the rebuilds must not have re-rendered everything.
    assert!(
        partial_rebuilds > 30,
        "only {partial_rebuilds} of 60 rebuilds were partial"
    );
}

/// Issue #27: the preview's rebuild and a full build agree byte for byte on the
/// Traditional copy and the search index too.
#[test]
fn random_edits_match_full_builds_with_the_traditional_copy_and_search() {
    let site = fixture();
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &config.replacen(
            "title =",
            "traditional = true\nbuild_search_index = true\ntitle =",
            1,
        ),
    );
    let full = full_build(&site);
    assert!(full.0.keys().any(|p| p.starts_with("zh-hant/")), "a copy");
    assert!(full.0.keys().any(|p| p.starts_with("search/")), "an index");
    random_edits_match_full_builds_on(&site, 30);
}

/// Makes `steps` random edits to `site` under a running preview, comparing the served
/// outputs with a full build's after each; returns how many rebuilds took the body-edit
/// fast path and how many re-rendered only part of the site.
fn random_edits_match_full_builds_on(site: &Site, steps: usize) -> (usize, usize) {
    let (mut preview, first) = Preview::start(options(site)).expect("first build");
    assert!(first.rendered > 10);
    let first_full = full_build(site);
    assert!(
        first_full.0.keys().any(|p| p.starts_with("diqu/")),
        "the fixture has city pages: {:?}",
        first_full.0.keys()
    );
    assert_same(&served(&preview), &first_full, "the first build");
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut partial_rebuilds = 0;
    let mut body_only = 0;
    for step in 0..steps {
        let (what, paths) = random_edit(site, &mut rng, step);
        let mut early = BTreeMap::new();
        let update = preview
            .rebuild_with(&ChangeSet::of(paths), &mut |snapshot, paths| {
                early.extend(paths.iter().map(|p| (p.clone(), snapshot.get(p))));
            })
            .unwrap_or_else(|d| {
                panic!(
                    "rebuild failed after {what}: {:?}",
                    d.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
                )
            });
        let full = full_build(site);
        assert_same(&served(&preview), &full, &format!("step {step}: {what}"));
        // What went out early is what a full build has.
        for (path, body) in &early {
            let body = body.as_deref().map(<[u8]>::to_vec);
            assert_eq!(
                body.as_ref(),
                full.0.get(path),
                "early `{path}` at step {step}: {what}"
            );
        }
        if update.rendered < full.0.len() {
            partial_rebuilds += 1;
        }
        if update.body_only {
            body_only += 1;
            // Only an edit of an existing page's file can be one (a city or date edit
            // that changed nothing is).
            let edits_a_file = ["body of", "city of", "front matter of"]
                .iter()
                .any(|kind| what.starts_with(kind));
            assert!(edits_a_file, "fast path taken for {what}");
            if what.starts_with("body of") {
                assert!(
                    !update.early.is_empty(),
                    "nothing published early for {what}"
                );
            }
        }
    }
    (body_only, partial_rebuilds)
}

#[test]
fn a_body_edit_rerenders_only_the_page_and_its_lists() {
    let (site, mut preview) = started();
    let rel = "content/news/p1.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, &text.replace("正文。", "改过的正文。"));
    let update = preview.rebuild(&ChangeSet::of([rel])).expect("rebuild");
    assert!(
        update.changed.contains(&"news/p1/index.html".to_owned()),
        "{:?}",
        update.changed
    );
    assert!(!update.changed.contains(&"about/index.html".to_owned()));
    assert!(!update.changed.contains(&"news/p2/index.html".to_owned()));
    assert_same(&served(&preview), &full_build(&site), "a body edit");
}

#[test]
fn a_failed_rebuild_keeps_the_last_good_snapshot() {
    let (site, mut preview) = started();
    let before = served(&preview);
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ page.title",
    );
    let errors = preview
        .rebuild(&ChangeSet::of(["templates/page.html"]))
        .expect_err("a broken template fails the rebuild");
    assert!(errors.iter().any(|d| d.code == "E0403"));
    assert_eq!(served(&preview), before);
    site.write("templates/page.html", TEMPLATES[8].1);
    preview
        .rebuild(&ChangeSet::of(["templates/page.html"]))
        .expect("fixed");
    assert_same(&served(&preview), &full_build(&site), "the fix");
}

#[test]
fn a_config_edit_rebuilds_everything() {
    let (site, mut preview) = started();
    site.write(
        "site-config.toml",
        "base_url = \"https://kx2.example.org\"\ntitle = \"新门户\"\ntaxonomies = [{ name = \"tags\" }, { name = \"cities\" }]\n[regions]\npath = \"diqu\"\n",
    );
    let update = preview
        .rebuild(&ChangeSet::of(["site-config.toml"]))
        .expect("rebuild");
    assert_eq!(update.rendered, full_build(&site).0.len());
    assert_same(&served(&preview), &full_build(&site), "a config edit");
}

#[test]
fn the_edited_page_is_published_before_the_lists() {
    let (site, mut preview) = started();
    let rel = "content/news/p1.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, &text.replace("title = \"", "title = \"新"));
    let mut early = Vec::new();
    let update = preview
        .rebuild_with(&ChangeSet::of([rel]), &mut |snapshot, paths| {
            let page =
                String::from_utf8_lossy(snapshot.rendered()["news/p1/index.html"]).into_owned();
            early.push((paths.to_vec(), page));
        })
        .expect("rebuild");
    assert_eq!(early.len(), 1);
    assert_eq!(early[0].0, vec!["news/p1/index.html".to_owned()]);
    assert!(early[0].1.contains("<h1>新"), "{}", early[0].1);
    assert_eq!(update.early, early[0].0);
    assert!(
        update.changed.contains(&"index.html".to_owned()),
        "{:?}",
        update.changed
    );
    assert_same(&served(&preview), &full_build(&site), "a title edit");
}

#[test]
fn rebuilds_keep_the_theme_search_page_and_the_index() {
    let site = fixture();
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &config.replacen("title =", "build_search_index = true\ntitle =", 1),
    );
    site.write("templates/search.html", "<main>主题自己的搜索页</main>");
    let (mut preview, _) = Preview::start(options(&site)).expect("first build");
    let rel = "content/news/p1.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, &text.replace("正文。", "改过的正文。"));
    preview.rebuild(&ChangeSet::of([rel])).expect("rebuild");
    let served = served(&preview);
    let page = served.0.get("search/index.html").expect("a search page");
    assert!(String::from_utf8_lossy(page).contains("主题自己的搜索页"));
    assert_same(&served, &full_build(&site), "a body edit with search on");
}

/// Publishes early through `preview`, returning the update and each early path's bytes.
fn rebuild_early(preview: &mut Preview, paths: &[&str]) -> (Update, BTreeMap<String, Vec<u8>>) {
    let mut early = BTreeMap::new();
    let update = preview
        .rebuild_with(
            &ChangeSet::of(paths.iter().copied()),
            &mut |snapshot, paths| {
                for path in paths {
                    let body = snapshot.get(path).map(|b| b.to_vec()).unwrap_or_default();
                    early.insert(path.clone(), body);
                }
            },
        )
        .expect("rebuild");
    (update, early)
}

#[test]
fn a_body_edit_is_published_from_the_last_model() {
    let (site, mut preview) = started();
    let rel = "content/news/p1.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(
        rel,
        &text.replace("正文。", "改过的**正文**，[关于](@/about.md)。"),
    );
    let (update, early) = rebuild_early(&mut preview, &[rel]);
    assert!(update.body_only);
    assert_eq!(update.early, vec!["news/p1/index.html".to_owned()]);
    let full = full_build(&site);
    assert_eq!(
        early.get("news/p1/index.html"),
        full.0.get("news/p1/index.html")
    );
    let page = String::from_utf8_lossy(&early["news/p1/index.html"]).into_owned();
    assert!(page.contains("<strong>正文</strong>"), "{page}");
    assert!(page.contains("https://kx.example.org/about/"), "{page}");
    assert_same(&served(&preview), &full, "a body edit");
}

#[test]
fn a_front_matter_edit_does_not_take_the_body_path() {
    let (site, mut preview) = started();
    let rel = "content/news/p2.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(
        rel,
        &text
            .replace("正文。", "新正文。")
            .replace("tags = [", "tags = [\"新标签\", "),
    );
    let (update, early) = rebuild_early(&mut preview, &[rel]);
    assert!(!update.body_only);
    let full = full_build(&site);
    for (path, body) in &early {
        assert_eq!(Some(body), full.0.get(path), "early `{path}`");
    }
    assert_same(&served(&preview), &full, "a tag added with a body edit");
}

#[test]
fn a_body_edit_of_a_listed_page_updates_its_lists_afterwards() {
    let site = fixture();
    site.write(
        "templates/macros.html",
        "{% macro item(p) %}<li><a href=\"{{ p.permalink }}\">{{ p.title }}</a>{{ p.summary | default(value='') | safe }}</li>{% endmacro %}",
    );
    let (mut preview, _) = Preview::start(options(&site)).expect("first build");
    // p5 is the newest page: on the home page and the first news page.
    let rel = "content/news/p5.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(
        rel,
        &text.replace("正文。", "新的摘要。\n\n<!-- more -->\n\n正文。"),
    );
    let (update, early) = rebuild_early(&mut preview, &[rel]);
    assert!(update.body_only);
    assert_eq!(early.keys().collect::<Vec<_>>(), ["news/p5/index.html"]);
    for list in ["index.html", "news/index.html"] {
        assert!(
            update.changed.contains(&list.to_owned()),
            "{list}: {:?}",
            update.changed
        );
        assert!(!update.early.contains(&list.to_owned()));
    }
    let full = full_build(&site);
    assert!(String::from_utf8_lossy(&full.0["index.html"]).contains("新的摘要"));
    assert_eq!(
        early.get("news/p5/index.html"),
        full.0.get("news/p5/index.html")
    );
    assert_same(&served(&preview), &full, "a new summary");
}

#[test]
fn renames_deletions_and_new_pages_do_not_take_the_body_path() {
    let (site, mut preview) = started();
    std::fs::rename(
        site.path("content/news/p1.md"),
        site.path("content/news/q1.md"),
    )
    .unwrap();
    let (update, _) = rebuild_early(&mut preview, &["content/news/p1.md", "content/news/q1.md"]);
    assert!(!update.body_only);
    assert_same(&served(&preview), &full_build(&site), "a rename");

    std::fs::remove_file(site.path("content/news/p2.md")).unwrap();
    let (update, _) = rebuild_early(&mut preview, &["content/news/p2.md"]);
    assert!(!update.body_only);
    assert_same(&served(&preview), &full_build(&site), "a deletion");

    site.write(
        "content/news/p9.md",
        &page_text("新页", 9, "南宁", &["科普"], "正文。"),
    );
    let (update, _) = rebuild_early(&mut preview, &["content/news/p9.md"]);
    assert!(!update.body_only);
    assert_same(&served(&preview), &full_build(&site), "a new page");

    // The renamed page is known again: its body edits are fast.
    let text = std::fs::read_to_string(site.path("content/news/q1.md")).unwrap();
    site.write("content/news/q1.md", &format!("{text}\n又一段。\n"));
    let (update, _) = rebuild_early(&mut preview, &["content/news/q1.md"]);
    assert!(update.body_only);
    assert_same(
        &served(&preview),
        &full_build(&site),
        "a body edit after a rename",
    );
}

#[test]
fn a_body_edit_after_a_failed_build_waits_for_the_pipeline() {
    let (site, mut preview) = started();
    let broken = "content/news/p2.md";
    let good = std::fs::read_to_string(site.path(broken)).unwrap();
    site.write(broken, &good.replace("title = ", "title = = "));
    preview
        .rebuild(&ChangeSet::of([broken]))
        .expect_err("bad front matter fails the build");
    let rel = "content/news/p1.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, &text.replace("正文。", "改过的正文。"));
    let mut early = 0;
    let result = preview.rebuild_with(&ChangeSet::of([rel]), &mut |_, _| early += 1);
    assert!(result.is_err(), "the other page is still broken");
    assert_eq!(
        early, 0,
        "no page published from a model that is not the site's"
    );
    site.write(broken, &good);
    let update = preview.rebuild(&ChangeSet::of([broken])).expect("fixed");
    assert!(!update.body_only);
    assert_same(&served(&preview), &full_build(&site), "the fix");
}

#[test]
fn a_markdown_error_in_a_body_edit_is_left_to_the_pipeline() {
    let (site, mut preview) = started();
    let rel = "content/news/p1.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(
        rel,
        &text.replace("正文。", "见[不存在的页](@/news/nowhere.md)。"),
    );
    let mut early = 0;
    let result = preview.rebuild_with(&ChangeSet::of([rel]), &mut |_, _| early += 1);
    assert!(result.is_err(), "a broken internal link fails the build");
    assert_eq!(early, 0);
}

#[test]
fn a_body_edit_that_renders_the_same_sends_no_early_event() {
    let (site, mut preview) = started();
    let rel = "content/news/p1.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, &format!("{text}\n\n"));
    let mut early = 0;
    let update = preview
        .rebuild_with(&ChangeSet::of([rel]), &mut |_, _| early += 1)
        .expect("rebuild");
    assert!(update.body_only);
    assert_eq!(early, 0, "blank lines change no output");
    assert!(update.early.is_empty());
    assert_same(&served(&preview), &full_build(&site), "blank lines added");
}

#[test]
fn the_traditional_copy_follows_edits_as_a_full_build_has_it() {
    let site = fixture();
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &config.replacen("title =", "traditional = true\ntitle =", 1),
    );
    let (mut preview, _) = Preview::start(options(&site)).expect("first build");
    let first = full_build(&site);
    assert!(first.0.contains_key("zh-hant/news/p1/index.html"));
    assert_same(&served(&preview), &first, "the first build");
    let edits = [
        (
            "content/news/p1.md",
            page_text("发展规划", 1, "梧州", &["科普"], "头发与发展。"),
        ),
        (
            "content/news/p2.md",
            page_text("干部培训", 2, "南宁", &["学会"], "后台与皇后。"),
        ),
        (
            "content/news/p9.md",
            page_text("新的一页", 9, "桂林", &["基层"], "里面与公里。"),
        ),
    ];
    for (path, text) in edits {
        site.write(path, &text);
        let mut early = BTreeMap::new();
        preview
            .rebuild_with(
                &ChangeSet::of(vec![PathBuf::from(path)]),
                &mut |snapshot, paths| {
                    early.extend(paths.iter().map(|p| (p.clone(), snapshot.get(p))));
                },
            )
            .expect("rebuild");
        let full = full_build(&site);
        assert_same(&served(&preview), &full, &format!("an edit of {path}"));
        for (early_path, body) in &early {
            let body = body.as_deref().map(<[u8]>::to_vec);
            assert_eq!(
                body.as_ref(),
                full.0.get(early_path),
                "early `{early_path}`"
            );
        }
    }
    let copy =
        String::from_utf8(full_build(&site).0["zh-hant/news/p2/index.html"].clone()).unwrap();
    assert!(copy.contains("後臺與皇后"), "{copy}");
}

/// The text of the page at `path` in `snapshot`.
fn page_in(snapshot: &Snapshot, path: &str) -> String {
    let body = snapshot.get(path).expect("the page is served");
    String::from_utf8_lossy(&body).into_owned()
}

/// Issue #26: an autosave landing while the rebuild of the previous save runs is
/// published at once, and the rebuild that read the older text does not bring it back.
#[test]
fn an_edit_arriving_during_a_rebuild_is_served() {
    let (site, mut preview) = started();
    let edits = Edits::new(&preview, options(&site));
    let rel = "content/news/p1.md";
    let page = "news/p1/index.html";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();

    site.write(rel, &text.replace("正文。", "第一次保存。"));
    assert_eq!(edits.arrive(ChangeSet::of([rel])), [page]);
    assert!(page_in(&edits.served(), page).contains("第一次保存"));

    // The rebuild thread takes the first save and reads it; the second save arrives
    // before that rebuild ends.
    let first = edits.try_next_batch().expect("the first save is queued");
    let update = preview.rebuild(&first).expect("rebuild");
    site.write(rel, &text.replace("正文。", "第二次保存。"));
    assert_eq!(edits.arrive(ChangeSet::of([rel])), [page]);
    assert!(page_in(&edits.served(), page).contains("第二次保存"));

    // The first rebuild ends: its page has the first text, but the second stays served.
    edits.rebuilt(&preview, &update.changed);
    let served = page_in(&edits.served(), page);
    assert!(served.contains("第二次保存"), "{served}");
    assert!(!served.contains("第一次保存"), "{served}");

    // The second save's rebuild makes the preview equal a full build again.
    let second = edits.try_next_batch().expect("the second save is queued");
    assert!(edits.try_next_batch().is_none());
    let update = preview.rebuild(&second).expect("rebuild");
    let reloaded = edits.rebuilt(&preview, &update.changed);
    assert!(
        !reloaded.contains(&page.to_owned()),
        "{reloaded:?}: shown already"
    );
    assert_same(
        &outputs_of(&edits.served()),
        &full_build(&site),
        "two saves",
    );
}

/// An edit that arrives after a rebuild took a front-matter change waits for the
/// pipeline: the last model no longer describes the site.
#[test]
fn an_edit_after_a_front_matter_change_waits_for_its_rebuild() {
    let (site, mut preview) = started();
    let edits = Edits::new(&preview, options(&site));
    let rel = "content/news/p2.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, &text.replace("title = \"", "title = \"新"));
    assert!(edits.arrive(ChangeSet::of([rel])).is_empty());
    let other = "content/news/p1.md";
    let other_text = std::fs::read_to_string(site.path(other)).unwrap();
    site.write(other, &other_text.replace("正文。", "改过的正文。"));
    assert!(edits.arrive(ChangeSet::of([other])).is_empty());
    let batch = edits.try_next_batch().expect("both queued");
    assert_eq!(batch.paths.len(), 2);
    let update = preview.rebuild(&batch).expect("rebuild");
    edits.rebuilt(&preview, &update.changed);
    assert_same(
        &outputs_of(&edits.served()),
        &full_build(&site),
        "both edits",
    );
    // The model describes the site again: the next body edit is published at once.
    site.write(other, &other_text.replace("正文。", "又改的正文。"));
    assert_eq!(edits.arrive(ChangeSet::of([other])), ["news/p1/index.html"]);
}

#[test]
fn image_copies_of_pages_reused_from_the_memo_stay_published() {
    // A bundle page with a photo in its body and as its cover, and a page template
    // asking `resize_image` for a copy: after an edit elsewhere the page's job is
    // reused, and its copies must still be among the published files.
    let (site, mut preview) = {
        let site = fixture();
        let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/news/2026-09-18-quan-qu-ke-pu-ri-qi-dong/kepuri-qidong.jpg");
        site.write_bytes(
            "content/news/photo/kepu.jpg",
            &std::fs::read(photo).unwrap(),
        );
        site.write(
            "content/news/photo/index.md",
            "+++\ntitle = \"图片新闻\"\ndate = 2024-05-20\ncover = \"kepu.jpg\"\n+++\n![科普日现场](kepu.jpg)\n",
        );
        site.write(
            "templates/page.html",
            "<h1>{{ page.title }}</h1>{% if page.cover_image %}<img src=\"{{ page.cover_image.url }}\">{% endif %}{% for a in page.assets %}{% if a is ending_with(\".jpg\") %}{% set small = resize_image(path=a, width=64, height=64) %}<img src=\"{{ small.url }}\">{% endif %}{% endfor %}{{ page.content | safe }}",
        );
        let (preview, _) = Preview::start(options(&site)).expect("first build");
        (site, preview)
    };
    let first = served(&preview);
    let copies = |o: &Outputs| {
        o.1.keys()
            .filter(|p| p.starts_with("processed_images/"))
            .count()
    };
    assert!(copies(&first) >= 2, "{:?}", first.1.keys());
    let rel = "content/about.md";
    site.write(
        rel,
        "+++\ntitle = \"关于我们\"\n+++\n本站为测试站点，欢迎来信。\n",
    );
    preview.rebuild(&ChangeSet::of([rel])).expect("rebuild");
    let after = served(&preview);
    assert_eq!(copies(&after), copies(&first), "{:?}", after.1.keys());
    assert_same(
        &after,
        &full_build(&site),
        "an edit beside a page with photos",
    );
}
