//! The network preview against the network build: after each edit the preview's
//! members, rebuilt from the reads it kept (only the edited member read again), serve
//! byte for byte what a fresh `build_network_in_memory` of the same files makes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::NetworkServeOptions;
use super::members::Previews;
use super::watch::Changes;
use crate::content::date::Now;
use crate::diag::Lang;
use crate::network::build::{BaseUrls, NetworkOptions, build_network_in_memory};
use crate::serve::Snapshot;

const ADDRESS: &str = "http://127.0.0.1:4999";

fn now() -> Now {
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap();
    Now::At(at.to_utc())
}

fn serve_options(root: &Path) -> NetworkServeOptions {
    NetworkServeOptions {
        root: root.to_path_buf(),
        drafts: false,
        offline: true,
        now: now(),
        bind: "127.0.0.1".into(),
        port: 0,
        lang: Lang::En,
    }
}

/// Rendered outputs and copied files, by path.
type Outputs = (BTreeMap<String, Vec<u8>>, BTreeMap<String, PathBuf>);

/// Every member's outputs as a fresh network build in memory makes them.
fn fresh(root: &Path) -> BTreeMap<String, Outputs> {
    let options = NetworkOptions {
        base_urls: BaseUrls::Under(ADDRESS.into()),
        offline: true,
        now: now(),
        ..NetworkOptions::new(root)
    };
    let built = build_network_in_memory(&options).unwrap_or_else(|d| panic!("{d:?}"));
    let members = built.members.into_iter().map(|member| {
        let built = member.result.unwrap_or_else(|d| panic!("{d:?}"));
        let files = built.site.files.into_iter();
        let copies = built.site.copies.into_iter();
        let outputs = (
            files.map(|f| (f.path, f.body)).collect(),
            copies.map(|c| (c.to, c.from)).collect(),
        );
        (member.name, outputs)
    });
    members.collect()
}

fn outputs_of(snapshot: &Snapshot) -> Outputs {
    let files = snapshot.rendered().into_iter();
    let copies = snapshot.copied().into_iter();
    (
        files.map(|(p, b)| (p.to_owned(), b.to_vec())).collect(),
        copies
            .map(|(p, f)| (p.to_owned(), f.to_path_buf()))
            .collect(),
    )
}

#[track_caller]
fn assert_same(previews: &Previews, root: &Path, after: &str) {
    let fresh = fresh(root);
    let served: BTreeMap<String, Outputs> = (previews.snapshots().into_iter())
        .map(|(name, snapshot)| (name, outputs_of(&snapshot)))
        .collect();
    let names = |o: &BTreeMap<String, Outputs>| o.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&served), names(&fresh), "members after {after}");
    for (name, (files, copies)) in &fresh {
        let (served_files, served_copies) = &served[name];
        let paths = |o: &BTreeMap<String, Vec<u8>>| o.keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            paths(served_files),
            paths(files),
            "{name}'s paths after {after}"
        );
        for (path, body) in files {
            assert!(
                served_files[path] == *body,
                "{name}'s `{path}` differs after {after}:\npreview:\n{}\nfresh:\n{}",
                String::from_utf8_lossy(&served_files[path]),
                String::from_utf8_lossy(body)
            );
        }
        assert_eq!(served_copies, copies, "{name}'s copies after {after}");
    }
}

/// The preview's rebuild after `changed` (relative to the network root), as the
/// watcher reports it: absolute paths.
fn rebuild(previews: &mut Previews, root: &Path, changed: &[&str]) -> Vec<String> {
    let root = std::path::absolute(root).unwrap();
    let changes = Changes {
        paths: changed.iter().map(|p| root.join(p)).collect(),
        rescan: false,
    };
    let rebuilt = previews
        .rebuild(&changes)
        .unwrap_or_else(|d| panic!("{d:?}"));
    for member in &rebuilt.rebuilt {
        if let Err(d) = &member.result {
            panic!("{} failed: {d:?}", member.name);
        }
    }
    rebuilt.rebuilt.into_iter().map(|m| m.name).collect()
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn edits_in_the_preview_give_the_outputs_of_a_fresh_network_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Dated as in the repository: a day before all of it moves nothing.
    crate::scaffold::init_network(root, None, chrono::NaiveDate::MIN).unwrap();
    let (_, mut previews, _) = Previews::start(&serve_options(root), ADDRESS).unwrap();
    assert_same(&previews, root, "the first build");

    // The body of a Wuzhou page pushed to the province.
    let pushed = "sites/wuzhou/content/news/dfdt/2026-10-28-teng-xian-nong-ji-pei-xun.md";
    let text = std::fs::read_to_string(root.join(pushed)).unwrap();
    write(
        root,
        pushed,
        &text.replace("柑橘种植技术", "柑橘与茶叶种植技术"),
    );
    let rebuilt = rebuild(&mut previews, root, &[pushed]);
    assert_eq!(
        rebuilt,
        ["guangxi", "wuzhou"],
        "the origin and the receiver"
    );
    assert_same(&previews, root, "a body edit of a pushed page");

    // A new Liuzhou page pushed to the province.
    let new = "sites/liuzhou/content/news/dfdt/2026-11-30-xin-gao-jian.md";
    write(
        root,
        new,
        "+++\ntitle = \"柳州新报送稿\"\ndate = 2026-11-30\npush = [\"province\"]\n+++\n\n柳州的新稿件。\n",
    );
    // A new page is a new `@liuzhou:` link target: every member's links changed.
    let rebuilt = rebuild(&mut previews, root, &[new]);
    assert_eq!(rebuilt.len(), 4, "{rebuilt:?}");
    assert_same(&previews, root, "a new pushed page");

    // The pushed Wuzhou page deleted.
    std::fs::remove_file(root.join(pushed)).unwrap();
    rebuild(&mut previews, root, &[pushed]);
    assert_same(&previews, root, "a pushed page deleted");

    // A province notice, pulled by every city: the province and the three cities.
    let notice = "sites/guangxi/content/news/tzgg/2026-12-01-xin-tong-zhi.md";
    write(
        root,
        notice,
        "+++\ntitle = \"新通知\"\ndate = 2026-11-30\n+++\n\n通知正文。\n",
    );
    let rebuilt = rebuild(&mut previews, root, &[notice]);
    assert_eq!(rebuilt.len(), 4, "{rebuilt:?}");
    assert_same(&previews, root, "a new pulled notice");

    // A member added to `network.toml` (a copy of Guilin as 贺州), then removed.
    copy_folder(&root.join("sites/guilin"), &root.join("sites/hezhou"));
    let listed = std::fs::read_to_string(root.join("network.toml")).unwrap();
    let added = format!(
        "{listed}\n[[sites]]\nname = \"hezhou\"\npath = \"sites/hezhou\"\nregion = \"贺州市\"\nassociation = \"贺州市科学技术协会\"\npull = [{{ from = \"parent\", sections = [\"news/tzgg\"] }}]\n"
    );
    write(root, "network.toml", &added);
    let rebuilt = rebuild(&mut previews, root, &["network.toml"]);
    assert!(rebuilt.contains(&"hezhou".to_owned()), "{rebuilt:?}");
    assert_same(&previews, root, "a member added");
    write(root, "network.toml", &listed);
    rebuild(&mut previews, root, &["network.toml"]);
    assert_same(&previews, root, "a member removed");
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
