//! 站群 (issue #33): a network of member sites in one repository, built with
//! `menhu build --network`, `--site` and `--shard`, and in memory with per-site base URLs.
//! Each test writes a small network (a province and two cities sharing one theme) into
//! a temp folder and reads the outputs.

use std::collections::BTreeMap;
use std::path::Path;

use menhu::network::build::{BaseUrls, NetworkOptions, Selection, build_network_in_memory};

use crate::support::{MINIMAL_TEMPLATES, Site, assert_contains, assert_not_contains};

const NETWORK: &str = r#"[network]
name = "广西科协站群"

[[sites]]
name = "guangxi"
path = "sites/guangxi"
region = "广西壮族自治区"
association = "广西壮族自治区科学技术协会"
short = "广西科协"

[[sites]]
name = "wuzhou"
path = "sites/wuzhou"
region = "梧州市"
association = "梧州市科学技术协会"
short = "梧州市科协"

[[sites]]
name = "liuzhou"
path = "sites/liuzhou"
region = "柳州市"
association = "柳州市科学技术协会"
"#;

/// A province and two cities: a shared theme `t` under the network root, each member
/// with its own config and a news page.
fn network() -> Site {
    let net = Site::empty();
    net.write("network.toml", NETWORK);
    for (path, text) in MINIMAL_TEMPLATES {
        net.write(&format!("themes/t/{path}"), text);
    }
    net.write("themes/t/static/site.css", "body{}");
    for (name, title) in [
        ("guangxi", "广西科协"),
        ("wuzhou", "梧州市科协"),
        ("liuzhou", "柳州市科协"),
    ] {
        let site = format!("sites/{name}");
        net.write(
            &format!("{site}/site-config.toml"),
            &format!(
                "base_url = \"https://{name}.example.org\"\ntitle = \"{title}\"\ntheme = \"t\"\n"
            ),
        );
        net.write(
            &format!("{site}/content/_index.md"),
            "+++\ntitle = \"首页\"\n+++\n",
        );
        net.write(
            &format!("{site}/content/news/_index.md"),
            "+++\ntitle = \"新闻\"\n+++\n",
        );
        net.write(
            &format!("{site}/content/news/2026-05-01-a.md"),
            &format!("+++\ntitle = \"{title}动态\"\ndate = 2026-05-01\n+++\n正文。\n"),
        );
    }
    net
}

/// Every file under `dir`, path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap();
            (
                relative.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn build_network_writes_each_member_into_its_folder_with_the_shared_theme() {
    let net = network();
    // wuzhou overrides one template of the shared theme; the others are shared.
    net.write(
        "sites/wuzhou/themes/t/templates/page.html",
        "<main class=\"wuzhou\">{{ page.title }}</main>",
    );
    let run = net.menhu(&["build", "--network"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in ["guangxi", "wuzhou", "liuzhou"] {
        assert!(net.output_exists(&format!("{name}/index.html")), "{name}");
        assert!(net.output_exists(&format!("{name}/site.css")), "{name}");
        let home = net.output(&format!("{name}/news/index.html"));
        assert_contains(&home, &format!("https://{name}.example.org/news/a/"));
    }
    let wuzhou = net.output("wuzhou/news/a/index.html");
    assert_contains(&wuzhou, "<main class=\"wuzhou\">梧州市科协动态</main>");
    let liuzhou = net.output("liuzhou/news/a/index.html");
    assert_contains(&liuzhou, "<div class=\"content\">");
    assert_contains(&run.stderr, "3 of 3 sites");
}

#[test]
fn two_shards_give_the_same_files_as_one_full_build_byte_for_byte() {
    let net = network();
    let full = net.menhu(&["build", "--network", "--output", "full"]);
    assert_eq!(full.code, 0, "{}", full.stderr);
    for shard in ["1/2", "2/2"] {
        let folder = format!("shard-{}", &shard[..1]);
        let run = net.menhu(&["build", "--network", "--shard", shard, "--output", &folder]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let one = tree(&net.path("shard-1"));
    let two = tree(&net.path("shard-2"));
    // Shard 1 has members 0 and 2, shard 2 member 1.
    assert!(one.keys().any(|p| p.starts_with("guangxi/")));
    assert!(one.keys().any(|p| p.starts_with("liuzhou/")));
    assert!(!one.keys().any(|p| p.starts_with("wuzhou/")));
    assert!(
        two.keys()
            .all(|p| p.starts_with("wuzhou/") || p.starts_with(".menhu-shard"))
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&one[".menhu-shard-1-of-2.json"]).unwrap();
    assert_eq!(manifest["shard"], 1);
    assert_eq!(manifest["shards"], 2);
    let sites: Vec<&str> = manifest["sites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(sites, ["guangxi", "liuzhou"]);
    let home = &manifest["sites"][0]["files"]["index.html"];
    let bytes = &one["guangxi/index.html"];
    assert_eq!(home["bytes"], bytes.len());
    assert_eq!(home["blake3"], blake3::hash(bytes).to_hex().to_string());
    let mut union: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (path, bytes) in one.into_iter().chain(two) {
        if !path.starts_with(".menhu-shard") {
            assert!(union.insert(path.clone(), bytes).is_none(), "{path} twice");
        }
    }
    let full = tree(&net.path("full"));
    assert_eq!(
        union.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>()
    );
    assert!(
        union == full,
        "a file differs between the shards and the full build"
    );
}

#[test]
fn build_site_builds_only_that_member_and_an_unknown_name_suggests_the_nearest() {
    let net = network();
    let run = net.menhu(&["build", "--site", "wuzhou"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(net.output_exists("wuzhou/index.html"));
    assert!(!net.output_exists("guangxi"));
    // From inside a member's folder, the network is found above it.
    let inside =
        crate::support::menhu_in(&net.path("sites/liuzhou"), &["build", "--site", "liuzhou"]);
    assert_eq!(inside.code, 0, "{}", inside.stderr);
    assert!(net.output_exists("liuzhou/index.html"));
    let run = net.menhu(&["build", "--site", "wuzou", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "E0907");
    assert_contains(&run.stderr, "no member site is named `wuzou`");
    assert_contains(&run.stderr, "did you mean `wuzhou`?");
}

#[test]
fn a_bad_network_file_is_an_error_naming_its_line_and_nothing_is_built() {
    let net = network();
    net.write(
        "network.toml",
        &NETWORK.replace("region = \"柳州市\"", "region = \"柳洲市\""),
    );
    let run = net.menhu(&["build", "--network", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "E0905");
    assert_contains(&run.stderr, "network.toml:21:10");
    assert_contains(&run.stderr, "柳州");
    assert!(!net.output_exists("guangxi"));
    let run = net.menhu(&["build", "--network", "--shard", "3/2", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stderr, "E0912");
    let lone = Site::minimal();
    let run = lone.menhu(&["build", "--network", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stderr, "E0901");
}

#[test]
fn a_failing_member_keeps_its_previous_output_and_the_others_are_built() {
    let net = network();
    assert_eq!(net.menhu(&["build", "--network"]).code, 0);
    net.write(
        "sites/wuzhou/content/news/2026-05-01-a.md",
        "+++\ntitle = \"梧州\"\ndate = 2026-13-45\n+++\n",
    );
    net.write(
        "sites/liuzhou/content/news/2026-05-02-b.md",
        "+++\ntitle = \"柳州新闻\"\ndate = 2026-05-02\n+++\n",
    );
    let run = net.menhu(&["build", "--network", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Files are named from the network root.
    assert_contains(&run.stderr, "sites/wuzhou/content/news/2026-05-01-a.md:3");
    assert_contains(&run.stderr, "1 of 3 sites have errors");
    assert_contains(&net.output("wuzhou/news/a/index.html"), "梧州市科协动态");
    assert!(net.output_exists("liuzhou/news/b/index.html"));
}

#[test]
fn a_members_config_and_content_are_read_once_and_their_warnings_reported_once() {
    // Syndication reads each member's config and content, and its build starts from
    // them: what reading them found is reported once, named from the network root.
    let net = network();
    net.write(
        "sites/wuzhou/site-config.toml",
        "base_url = \"https://wuzhou.example.org\"\ntitle = \"梧州市科协\"\ntheme = \"t\"\nminify_html = true\n",
    );
    net.write(
        "sites/liuzhou/content/news/2026-05-02-b.md",
        "+++\ntitle = \"柳州新闻\"\ndate = 2026-05-02\nauthr = \"张三\"\n+++\n正文。\n",
    );
    let run = net.menhu(&["build", "--network", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let config_warning = "sites/wuzhou/site-config.toml:4";
    assert_eq!(
        run.stderr.matches(config_warning).count(),
        1,
        "{}",
        run.stderr
    );
    let page_warning = "sites/liuzhou/content/news/2026-05-02-b.md:4";
    assert_eq!(
        run.stderr.matches(page_warning).count(),
        1,
        "{}",
        run.stderr
    );
    assert_contains(&net.output("liuzhou/news/b/index.html"), "柳州新闻");
}

#[test]
fn the_output_folder_may_not_hold_a_member() {
    let net = network();
    let run = net.menhu(&["build", "--network", "--output", "sites", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "E0501");
    assert!(net.path("sites/wuzhou/content").is_dir());
}

#[test]
fn in_memory_the_members_take_base_urls_under_one_prefix() {
    let net = network();
    let options = NetworkOptions {
        base_urls: BaseUrls::Under("http://127.0.0.1:4321/".into()),
        selection: Selection::All,
        ..NetworkOptions::new(net.root())
    };
    let built = build_network_in_memory(&options).expect("the network builds");
    assert_eq!(built.network.members.len(), 3);
    let wuzhou = built.members[1].result.as_ref().expect("wuzhou builds");
    assert_eq!(built.members[1].name, "wuzhou");
    let list = wuzhou
        .site
        .files
        .iter()
        .find(|f| f.path == "news/index.html")
        .expect("the news list");
    let html = String::from_utf8_lossy(&list.body);
    assert_contains(&html, "http://127.0.0.1:4321/wuzhou/news/a/");
    assert_not_contains(&html, "wuzhou.example.org");
    // Nothing written.
    assert!(!net.output_exists("wuzhou"));
}

#[test]
fn a_prefix_base_url_puts_each_member_under_its_name() {
    let net = network();
    let run = net.menhu(&[
        "build",
        "--network",
        "--base-url",
        "https://kx.example.org/zhan",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &net.output("liuzhou/news/index.html"),
        "https://kx.example.org/zhan/liuzhou/news/a/",
    );
}

/// The network of [`network`] with syndication: the province pulls its children's news
/// into 地方动态 (`news/dfdt`), the cities pull the province's notices (`news/tzgg`), and
/// a 柳州 page pushes itself to the province by its association's short name. Each site
/// has feeds, a sitemap and a search index.
fn syndicating() -> Site {
    let net = network();
    let rules = NETWORK
        .replace(
            "short = \"广西科协\"\n",
            "short = \"广西科协\"\npull = [{ from = \"children\", sections = [\"news\"], tags = [\"地方\"], into = \"news/dfdt\" }]\n",
        )
        .replace(
            "short = \"梧州市科协\"\n",
            "short = \"梧州市科协\"\npull = [{ from = \"parent\", sections = [\"news/tzgg\"] }]\n",
        )
        .replace(
            "association = \"柳州市科学技术协会\"\n",
            "association = \"柳州市科学技术协会\"\npull = [{ from = \"parent\", sections = [\"news/tzgg\"] }]\n",
        );
    net.write("network.toml", &rules);
    net.write(
        "themes/t/templates/page.html",
        "<html><head><link rel=\"canonical\" href=\"{% if page.reprint %}{{ page.reprint.canonical }}{% else %}{{ page.permalink }}{% endif %}\"></head><main><h1>{{ page.title }}</h1>{% if page.reprint %}<p class=\"source\">来源：<a href=\"{{ page.reprint.site_url }}\">{{ page.reprint.association }}</a></p>{% endif %}{{ page.content | safe }}</main></html>",
    );
    for name in ["guangxi", "wuzhou", "liuzhou"] {
        let config = format!("sites/{name}/site-config.toml");
        let text = std::fs::read_to_string(net.path(&config)).unwrap();
        net.write(
            &config,
            &format!("{text}generate_feeds = true\ngenerate_sitemap = true\nbuild_search_index = true\ntaxonomies = [{{ name = \"tags\" }}]\n"),
        );
        net.write(
            &format!("sites/{name}/content/news/tzgg/_index.md"),
            "+++\ntitle = \"通知公告\"\n+++\n",
        );
    }
    net.write(
        "sites/guangxi/content/news/dfdt/_index.md",
        "+++\ntitle = \"地方动态\"\n+++\n",
    );
    net.write(
        "sites/guangxi/content/news/tzgg/2026-05-03-kaihui.md",
        "+++\ntitle = \"关于召开全区科协工作会议的通知\"\ndate = 2026-05-03\n+++\n会议通知正文，见[地方动态](@/news/dfdt/_index.md)。\n",
    );
    net.write(
        "sites/wuzhou/content/news/2026-05-04-kepu.md",
        "+++\ntitle = \"梧州科普日活动\"\ndate = 2026-05-04\ntags = [\"地方\"]\n+++\n梧州正文。\n",
    );
    net.write(
        "sites/liuzhou/content/news/2026-05-05-peixun.md",
        "+++\ntitle = \"柳州科技培训\"\ndate = 2026-05-05\npush = [\"广西科协\"]\n+++\n柳州正文。\n",
    );
    net
}

#[test]
fn pulled_and_pushed_pages_are_reprinted_with_their_canonical_address_and_source() {
    let net = syndicating();
    let run = net.menhu(&["build", "--network"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The province's notice on each city, at the city's address, canonical on the province.
    for city in ["wuzhou", "liuzhou"] {
        let list = net.output(&format!("{city}/news/tzgg/index.html"));
        let reprint = format!("https://{city}.example.org/news/tzgg/kaihui-guangxi/");
        assert_contains(&list, &reprint);
        let page = net.output(&format!("{city}/news/tzgg/kaihui-guangxi/index.html"));
        assert_contains(
            &page,
            "<link rel=\"canonical\" href=\"https://guangxi.example.org/news/tzgg/kaihui/\">",
        );
        assert_contains(
            &page,
            "来源：<a href=\"https://guangxi.example.org/\">广西壮族自治区科学技术协会</a>",
        );
        // Its `@/` link leads to the province's page, as on the province.
        assert_contains(&page, "href=\"https://guangxi.example.org/news/dfdt/\"");
        let sitemap = net.output(&format!("{city}/sitemap.xml"));
        assert_not_contains(&sitemap, "kaihui");
        assert_contains(&sitemap, &format!("https://{city}.example.org/news/a/"));
        assert_contains(
            &net.output(&format!("{city}/atom.xml")),
            "关于召开全区科协工作会议的通知",
        );
    }
    // The tagged 梧州 page is pulled into 地方动态; the untagged one is not.
    let dfdt = net.output("guangxi/news/dfdt/index.html");
    assert_contains(&dfdt, "梧州科普日活动");
    assert_not_contains(&dfdt, "梧州市科协动态");
    // The 柳州 page pushed by name lands in the pull rule's section, once.
    assert_contains(&dfdt, "柳州科技培训");
    assert_eq!(dfdt.matches("柳州科技培训").count(), 1, "{dfdt}");
    let pushed = net.output("guangxi/news/dfdt/peixun-liuzhou/index.html");
    assert_contains(&pushed, "https://liuzhou.example.org/news/peixun/");
    assert_contains(&pushed, "柳州市科学技术协会");
    // The origin's own page is untouched: its canonical is itself, no 来源 link.
    let own = net.output("liuzhou/news/peixun/index.html");
    assert_contains(
        &own,
        "<link rel=\"canonical\" href=\"https://liuzhou.example.org/news/peixun/\">",
    );
    assert_not_contains(&own, "class=\"source\"");
    // Reprints are in the receiver's search index.
    if crate::search::node_available() {
        let found =
            crate::search::query_in(&net.path("public/guangxi/search"), "柳州科技培训", "{}");
        assert_eq!(found["paths"][0], "/news/dfdt/peixun-liuzhou/", "{found}");
    }
    assert_not_contains(&net.output("guangxi/sitemap.xml"), "peixun");
}

#[test]
fn an_unknown_push_target_names_the_file_and_line_and_the_nearest_name() {
    let net = syndicating();
    net.write(
        "sites/liuzhou/content/news/2026-05-05-peixun.md",
        "+++\ntitle = \"柳州科技培训\"\ndate = 2026-05-05\npush = [\"guangxii\"]\n+++\n柳州正文。\n",
    );
    let run = net.menhu(&["build", "--network", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "E0910");
    assert_contains(
        &run.stderr,
        "sites/liuzhou/content/news/2026-05-05-peixun.md:4:",
    );
    assert_contains(&run.stderr, "did you mean `guangxi`?");
    assert!(!net.output_exists("guangxi"));
}

#[test]
fn links_between_member_sites_resolve_and_a_broken_one_names_file_and_line() {
    let net = syndicating();
    net.write(
        "sites/wuzhou/content/news/2026-05-06-lianjie.md",
        "+++\ntitle = \"链接\"\ndate = 2026-05-06\n+++\n见[省科协通知](@guangxi:/news/tzgg/2026-05-03-kaihui.md#hui)和[柳州](@liuzhou:/_index.md)。\n",
    );
    let run = net.menhu(&["build", "--network"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = net.output("wuzhou/news/lianjie/index.html");
    assert_contains(
        &page,
        "href=\"https://guangxi.example.org/news/tzgg/kaihui/#hui\"",
    );
    assert_contains(&page, "href=\"https://liuzhou.example.org/\"");
    // In the preview, the links follow the sites' preview addresses.
    let options = NetworkOptions {
        base_urls: BaseUrls::Under("http://127.0.0.1:4321".into()),
        ..NetworkOptions::new(net.root())
    };
    let built = build_network_in_memory(&options).expect("the network builds");
    let wuzhou = built.members[1].result.as_ref().expect("wuzhou builds");
    let page = wuzhou
        .site
        .files
        .iter()
        .find(|f| f.path == "news/lianjie/index.html")
        .expect("the page");
    assert_contains(
        &String::from_utf8_lossy(&page.body),
        "href=\"http://127.0.0.1:4321/guangxi/news/tzgg/kaihui/#hui\"",
    );
    let reprint = wuzhou
        .site
        .files
        .iter()
        .find(|f| f.path == "news/tzgg/kaihui-guangxi/index.html")
        .expect("the reprint");
    assert_contains(
        &String::from_utf8_lossy(&reprint.body),
        "<link rel=\"canonical\" href=\"http://127.0.0.1:4321/guangxi/news/tzgg/kaihui/\">",
    );

    net.write(
        "sites/wuzhou/content/news/2026-05-06-lianjie.md",
        "+++\ntitle = \"链接\"\ndate = 2026-05-06\n+++\n第一行。\n\n见[通知](@guangxi:/news/tzgg/2026-05-03-kaihiu.md)与[柳州](@liuzou:/_index.md)。\n",
    );
    let run = net.menhu(&["build", "--network", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "E0911");
    assert_contains(
        &run.stderr,
        "sites/wuzhou/content/news/2026-05-06-lianjie.md:7:",
    );
    assert_contains(&run.stderr, "@guangxi:/news/tzgg/2026-05-03-kaihui.md");
    assert_contains(
        &run.stderr,
        "no member site of the network is named `liuzou`",
    );
    assert_contains(&run.stderr, "did you mean `liuzhou`?");
}

#[test]
fn with_the_default_theme_a_reprint_shows_its_source_and_a_city_page_links_to_the_city_site() {
    let net = syndicating();
    crate::support::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/portal"),
        &{
            let theme = net.path("themes/portal");
            std::fs::create_dir_all(&theme).unwrap();
            theme
        },
    );
    for name in ["guangxi", "wuzhou"] {
        let config = format!("sites/{name}/site-config.toml");
        let text = std::fs::read_to_string(net.path(&config)).unwrap();
        net.write(
            &config,
            &text.replace("theme = \"t\"", "theme = \"portal\""),
        );
        net.write(
            &format!("sites/{name}/content/about.md"),
            "+++\ntitle = \"关于我们\"\n+++\n简介。\n",
        );
        // The sections the default theme's menus and home page name.
        for section in ["orgs", "cases", "kepu", "news/tbgz"] {
            net.write(
                &format!("sites/{name}/content/{section}/_index.md"),
                "+++\ntitle = \"栏目\"\n+++\n",
            );
        }
    }
    net.write(
        "sites/guangxi/content/news/2026-05-07-wuzhou.md",
        "+++\ntitle = \"梧州调研\"\ndate = 2026-05-07\ncity = \"梧州\"\n+++\n调研正文。\n",
    );
    let run = net.menhu(&["build", "--network", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reprint = net.output("wuzhou/news/tzgg/kaihui-guangxi/index.html");
    assert_contains(
        &reprint,
        "<link rel=\"canonical\" href=\"https://guangxi.example.org/news/tzgg/kaihui/\">",
    );
    assert_contains(
        &reprint,
        "<span class=\"article-reprint\">来源：<a href=\"https://guangxi.example.org/\">广西壮族自治区科学技术协会</a></span>",
    );
    let own = net.output("wuzhou/news/a/index.html");
    assert_contains(
        &own,
        "<link rel=\"canonical\" href=\"https://wuzhou.example.org/news/a/\">",
    );
    assert_not_contains(&own, "article-reprint");
    let city = net.output("guangxi/cities/wuzhou/index.html");
    assert_contains(
        &city,
        "<p class=\"city-site\"><a href=\"https://wuzhou.example.org/\">访问梧州市科协网站</a></p>",
    );
}
