//! `menhu init DIR --network`: the demo network (docs/network.md) — what it writes, that
//! every member site builds, and the pipeline it writes for sharded CI builds.

use std::path::{Path, PathBuf};

use crate::support::*;

/// The member sites of the demo, as network.toml lists them.
const MEMBERS: [&str; 4] = ["guangxi", "wuzhou", "liuzhou", "guilin"];

/// `menhu init --network` into `net/` of `site` with `extra` arguments; returns that folder.
fn init_network(site: &Site, extra: &[&str]) -> PathBuf {
    let dir = site.path("net");
    let mut args = vec!["init", dir.to_str().unwrap(), "--network"];
    args.extend_from_slice(extra);
    let run = site.menhu(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stderr, "wrote the demo network (4 sites,");
    assert_contains(&run.stderr, "menhu serve --network");
    dir
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn init_network_writes_the_members_one_shared_theme_and_the_ignore_rules() {
    let site = Site::empty();
    let net = init_network(&site, &[]);
    let network = read(&net.join("network.toml"));
    for name in MEMBERS {
        assert_contains(&network, &format!("name = \"{name}\""));
        assert_contains(&network, &format!("path = \"sites/{name}\""));
        let member = net.join("sites").join(name);
        assert!(member.join("site-config.toml").is_file(), "{name}");
        assert!(member.join("content/_index.md").is_file(), "{name}");
        assert!(
            !member.join("themes").exists(),
            "{name} uses the shared theme"
        );
    }
    assert!(net.join("themes/portal/templates/base.html").is_file());
    // Shared data at the network root, read by the members.
    assert!(net.join("data/orgs.csv").is_file());
    assert!(net.join("data/wording.toml").is_file());
    assert!(!net.join("sites/guangxi/data").exists());
    let ignored = read(&net.join(".gitignore"));
    let rules: Vec<&str> = ignored.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        rules,
        [
            "/public/",
            "/.public.menhu-spare/",
            "/.public.menhu-new-*/",
            "/.public.menhu-old-*/",
            "/.menhu-cache/",
            "/sites/*/public/",
            "/sites/*/.public.menhu-spare/",
            "/sites/*/.public.menhu-new-*/",
            "/sites/*/.public.menhu-old-*/",
            "/sites/*/.menhu-cache/",
            "/sites/*/.menhu-trash/"
        ]
    );
    let again = site.menhu(&["init", net.to_str().unwrap(), "--network"]);
    assert_eq!(again.code, 1, "init refuses a folder that is not empty");
    assert_contains(&again.stderr, "error[E0601]");
}

/// A network made today passes its daily audit today: the demo's news is dated up to
/// the day it is made, and every column of every member has news within its limit.
#[test]
fn a_new_network_passes_its_audit_the_day_it_is_made() {
    let site = Site::empty();
    let net = site.path("net");
    let spring = [("TZ", "UTC"), ("MENHU_NOW", "2027-04-10T01:00:00Z")];
    let init = site.menhu_env(&["init", net.to_str().unwrap(), "--network"], &spring);
    assert_eq!(init.code, 0, "{}", init.stderr);
    assert_contains(&init.stderr, "dates were moved");
    let check = menhu_env(&net, &["check", "--network", "--format", "json"], &spring);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert_not_contains(&check.stdout, "\"C02");
}

/// Every member has its own address and filing numbers: a copied footer is what the
/// network check reports as stale.
#[test]
fn each_member_has_its_own_base_url_and_filing_numbers() {
    let site = Site::empty();
    let net = init_network(&site, &[]);
    let mut seen = std::collections::BTreeSet::new();
    for name in MEMBERS {
        let config: toml::Table =
            toml::from_str(&read(&net.join(format!("sites/{name}/site-config.toml")))).unwrap();
        let footer = &config["extra"]["footer"];
        for value in [
            &config["base_url"],
            &config["title"],
            &footer["icp"],
            &footer["police"],
        ] {
            let value = value.as_str().unwrap().to_owned();
            assert!(seen.insert(value.clone()), "{name}: {value} is used twice");
        }
    }
}

/// Cities push some of their work news to the province, by level and by name, and pull
/// the province's notices; the pages they push are in the sections the rules name.
#[test]
fn the_demo_syndicates_both_ways() {
    let site = Site::empty();
    let net = init_network(&site, &[]);
    let network = read(&net.join("network.toml"));
    assert_eq!(
        network
            .matches("{ from = \"parent\", sections = [\"news/tzgg\"] }")
            .count(),
        3,
        "{network}"
    );
    for city in &MEMBERS[1..] {
        let pushed: Vec<String> = pages_of(&net.join(format!("sites/{city}/content")))
            .into_iter()
            .filter(|text| text.contains("\npush = ["))
            .collect();
        assert!(pushed.len() >= 3, "{city} pushes {}", pushed.len());
        assert!(pushed.iter().any(|t| t.contains("push = [\"province\"]")));
        assert!(pushed.iter().any(|t| t.contains("push = [\"广西科协\"]")));
    }
}

/// The Markdown pages under `dir`, read.
fn pages_of(dir: &Path) -> Vec<String> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            pages.extend(pages_of(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            pages.push(read(&path));
        }
    }
    pages
}

#[test]
fn init_network_with_ci_writes_the_sharded_pipeline() {
    let site = Site::empty();
    let net = init_network(&site, &["--ci", "github"]);
    let pipeline = read(&net.join(".github/workflows/network.yml"));
    assert_contains(&pipeline, "menhu build --network --shard");
    let site = Site::empty();
    let net = init_network(&site, &["--ci", "gitlab"]);
    let pipeline = read(&net.join(".gitlab-ci.yml"));
    assert_contains(&pipeline, "--shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\"");
}

/// Gitee Go has no sharded pipeline: refused before anything is written.
#[test]
fn init_network_refuses_a_ci_service_without_a_sharded_pipeline_and_writes_nothing() {
    let site = Site::empty();
    let dir = site.path("net");
    let run = site.menhu(&["init", dir.to_str().unwrap(), "--network", "--ci", "gitee"]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stderr, "error[E0607]");
    assert_contains(&run.stderr, "--ci github");
    assert!(!dir.exists());
}

/// The demo network builds with `menhu build --network`: every member into its own
/// folder, with its own pages, address and footer.
#[test]
fn the_demo_network_builds_every_member_into_its_folder() {
    let site = Site::empty();
    let net = init_network(&site, &[]);
    let build = menhu_in(&net, &["build", "--network"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let page = |rel: &str| read(&net.join("public").join(rel));
    let home = page("guangxi/index.html");
    assert_contains(&home, "广西科协 示范站群");
    assert_contains(&home, "桂ICP备00000000号-1");
    assert!(net.join("public/guangxi/orgs/index.html").is_file());
    // The home page's 地方动态 block lists what the cities pushed.
    let local = home
        .split("id=\"home-local\"")
        .nth(1)
        .expect("a 地方动态 block");
    assert_contains(local, "ren-gong-bao-shi-qi-ye-ke-xie-wuzhou/");
    for (name, title, icp) in [
        ("wuzhou", "梧州市科协 示范站", "桂ICP备00000002号-1"),
        ("liuzhou", "柳州市科协 示范站", "桂ICP备00000003号-1"),
        ("guilin", "桂林市科协 示范站", "桂ICP备00000004号-1"),
    ] {
        let home = page(&format!("{name}/index.html"));
        assert_contains(&home, title);
        assert_contains(&home, icp);
        assert_contains(&home, &format!("https://{name}.kx.example.org/news/dfdt/"));
        assert!(
            !home.contains("/orgs/"),
            "{name} has no directory, so no link to one"
        );
        assert!(
            net.join(format!("public/{name}/news/tzgg/index.html"))
                .is_file()
        );
    }
}

/// The province reprints what the cities push (in 地方动态) and the cities reprint the
/// province's notices, each reprint pointing at its original with a canonical link and
/// naming its origin, and left out of the receiving site's sitemap.
#[test]
fn the_demo_network_reprints_with_canonical_links_to_the_origin() {
    let site = Site::empty();
    let net = init_network(&site, &[]);
    let build = menhu_in(&net, &["build", "--network"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let page = |rel: &str| read(&net.join("public").join(rel));
    let pushed = page("guangxi/news/dfdt/ren-gong-bao-shi-qi-ye-ke-xie-wuzhou/index.html");
    assert_contains(
        &pushed,
        "<link rel=\"canonical\" href=\"https://wuzhou.kx.example.org/news/dfdt/ren-gong-bao-shi-qi-ye-ke-xie/\">",
    );
    assert_contains(&pushed, "梧州市科学技术协会");
    let pushed_by_name = page("guangxi/news/dfdt/luo-si-fen-chan-ye-fu-wu-liuzhou/index.html");
    assert_contains(
        &pushed_by_name,
        "https://liuzhou.kx.example.org/news/dfdt/luo-si-fen-chan-ye-fu-wu/",
    );
    let reprints = std::fs::read_dir(net.join("public/guangxi/news/dfdt")).unwrap();
    let from_wuzhou = reprints
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with("-wuzhou")
        })
        .count();
    assert_eq!(from_wuzhou, 5, "wuzhou pushes five pages");
    assert_contains(
        &page("guangxi/news/dfdt/index.html"),
        "ren-gong-bao-shi-qi-ye-ke-xie-wuzhou/",
    );
    assert!(!page("guangxi/sitemap.xml").contains("-wuzhou/"));
    // A page the city did not push stays on the city's site only.
    assert!(
        !net.join("public/guangxi/news/dfdt/cen-xi-ke-pu-da-ji-wuzhou")
            .exists()
    );
    for city in ["wuzhou", "liuzhou", "guilin"] {
        let notice = page(&format!(
            "{city}/news/tzgg/nian-du-tong-ji-bao-biao-guangxi/index.html"
        ));
        assert_contains(
            &notice,
            "<link rel=\"canonical\" href=\"https://gx.kx.example.org/news/tzgg/nian-du-tong-ji-bao-biao/\">",
        );
        assert_contains(&notice, "广西壮族自治区科学技术协会");
        let notices = page(&format!("{city}/news/tzgg/index.html"));
        assert_contains(&notices, "关于报送本年度科协统计报表的通知");
        // The province's other columns are not pulled.
        assert!(
            !net.join(format!("public/{city}/kepu/dong-ji-ran-qi-an-quan-guangxi"))
                .exists()
        );
    }
}
