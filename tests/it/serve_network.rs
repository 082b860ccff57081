//! `menhu serve --network` over real HTTP on 127.0.0.1: the site picker lists every
//! member, `/<name>/` serves each member's site with links on the preview, an edit of
//! a city page pushed to the province changes both sites and sends a reload event on
//! both sites' streams, a foreign Host is refused and no path leaves the outputs.

use std::time::Duration;

use crate::serve_http::{Events, Server};
use crate::support::{MINIMAL_TEMPLATES, Site, assert_contains, assert_not_contains};

/// A member of the test network: name, region, association, short name, filing numbers.
pub struct Member {
    pub name: &'static str,
    pub region: &'static str,
    pub association: &'static str,
    pub short: &'static str,
    pub icp: &'static str,
    pub police: &'static str,
}

/// A province and two of its cities.
pub const MEMBERS: [Member; 3] = [
    Member {
        name: "guangxi",
        region: "广西壮族自治区",
        association: "广西壮族自治区科学技术协会",
        short: "广西科协",
        icp: "桂ICP备10000001号-1",
        police: "桂公网安备 45010000000001号",
    },
    Member {
        name: "wuzhou",
        region: "梧州市",
        association: "梧州市科学技术协会",
        short: "梧州市科协",
        icp: "桂ICP备10000002号-1",
        police: "桂公网安备 45040000000002号",
    },
    Member {
        name: "liuzhou",
        region: "柳州市",
        association: "柳州市科学技术协会",
        short: "柳州市科协",
        icp: "桂ICP备10000003号-1",
        police: "桂公网安备 45020000000003号",
    },
];

/// A network of [`MEMBERS`] in a temporary folder: each site with its config (its own
/// filing numbers in the footer config), templates, a news column and one article; a
/// Wuzhou article pushed to the province.
pub fn network() -> Site {
    let root = Site::empty();
    let mut toml = String::from("[network]\nname = \"测试站群\"\n");
    for m in &MEMBERS {
        toml.push_str(&format!(
            "\n[[sites]]\nname = \"{}\"\npath = \"sites/{}\"\nregion = \"{}\"\nassociation = \"{}\"\nshort = \"{}\"\n",
            m.name, m.name, m.region, m.association, m.short
        ));
        write_member(&root, m);
    }
    root.write("network.toml", &toml);
    root.write(
        "sites/wuzhou/content/news/2026-05-02-bao-song.md",
        "+++\ntitle = \"梧州报送稿\"\ndate = 2026-05-02\npush = [\"parent\"]\n+++\n梧州的稿件正文。\n",
    );
    root
}

/// Writes member `m`'s site under `sites/<name>/`.
pub fn write_member(root: &Site, m: &Member) {
    let dir = format!("sites/{}", m.name);
    root.write(
        &format!("{dir}/site-config.toml"),
        &format!(
            "base_url = \"https://{name}.kx.example.org\"\ntitle = \"{association}\"\n\n[extra]\nfooter = {{ icp = \"{icp}\", police = \"{police}\" }}\n",
            name = m.name,
            association = m.association,
            icp = m.icp,
            police = m.police
        ),
    );
    root.write(
        &format!("{dir}/content/_index.md"),
        "+++\ntitle = \"首页\"\n+++\n",
    );
    root.write(
        &format!("{dir}/content/news/_index.md"),
        "+++\ntitle = \"新闻\"\nsort_by = \"date\"\n+++\n",
    );
    root.write(
        &format!("{dir}/content/news/2026-05-01-ben-zhan.md"),
        &format!(
            "+++\ntitle = \"{}本站新闻\"\ndate = 2026-05-01\n+++\n本站的稿件。\n",
            m.short
        ),
    );
    for (path, text) in MINIMAL_TEMPLATES {
        root.write(&format!("{dir}/{path}"), text);
    }
}

fn start(root: &Site) -> Server {
    Server::start_with(root, &["--network"])
}

#[test]
fn the_picker_lists_every_member_and_each_site_is_served_under_its_name() {
    let root = network();
    let server = start(&root);
    let picker = server.get("/");
    assert_eq!(picker.status, 200);
    assert_contains(
        picker.header("content-type").unwrap_or(""),
        "text/html; charset=utf-8",
    );
    assert_contains(&picker.body, "测试站群");
    for m in &MEMBERS {
        assert_contains(
            &picker.body,
            &format!("<a href=\"/{}/\">{}</a>", m.name, m.association),
        );
        assert_contains(&picker.body, m.region);
        let home = server.get(&format!("/{}/", m.name));
        assert_eq!(home.status, 200, "/{}/", m.name);
        let news = server.get(&format!("/{}/news/", m.name));
        assert_contains(&news.body, &format!("{}本站新闻", m.short));
        // Links stay on the preview, under the member's own path.
        assert_contains(
            &news.body,
            &format!("href=\"http://{}/{}/news/", server.address, m.name),
        );
        // The reload script listens on the member's own events.
        assert_contains(
            &home.body,
            &format!("<script src=\"/{}/__menhu/live.js\"></script>", m.name),
        );
    }
    let bare = server.get("/wuzhou");
    assert_eq!(bare.status, 301);
    assert_eq!(bare.header("location"), Some("/wuzhou/"));
    let folder = server.get("/wuzhou/news");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("location"), Some("/wuzhou/news/"));
    let unknown = server.get("/nanning/");
    assert_eq!(unknown.status, 404);
    assert_contains(&unknown.body, "href=\"/\"");
    let script = server.get("/wuzhou/__menhu/live.js");
    assert_eq!(script.status, 200);
    assert_contains(&script.body, "__menhu/events");
    assert!(
        !root.path("public").exists() && !root.path("sites/wuzhou/public").exists(),
        "serve writes nothing to disk"
    );
}

/// Bound to all addresses, the members' links point at this machine's address, which
/// other machines can open, never at 0.0.0.0.
#[test]
fn bound_to_all_addresses_the_links_point_at_an_address_others_can_open() {
    let root = network();
    let server = Server::start_with(&root, &["--network", "--bind", "0.0.0.0"]);
    assert!(!server.address.ip().is_unspecified(), "{}", server.address);
    let news = server.get("/wuzhou/news/");
    assert_contains(
        &news.body,
        &format!("href=\"http://{}/wuzhou/news/", server.address),
    );
    assert_not_contains(&news.body, "0.0.0.0");
}

#[test]
fn a_foreign_host_and_paths_out_of_the_outputs_are_refused() {
    let root = network();
    let server = start(&root);
    let foreign =
        server.raw(b"GET /wuzhou/ HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n");
    let foreign = String::from_utf8_lossy(&foreign);
    assert!(foreign.starts_with("HTTP/1.1 403"), "{foreign}");
    assert_not_contains(&foreign, "本站新闻");
    let post = server.request("POST", "/wuzhou/");
    assert_eq!(post.status, 405);
    for bad in [
        "/wuzhou/../guangxi/",
        "/wuzhou/%2e%2e/site-config.toml",
        "/wuzhou/..%2f..%2fnetwork.toml",
        "/wuzhou/..%2fsite-config.toml",
        "/../network.toml",
        "/%2e%2e/network.toml",
        "/sites/wuzhou/site-config.toml",
        "/wuzhou/content/_index.md",
        "/network.toml",
        "/wuzhou/%00",
    ] {
        let answer = server.get(bad);
        assert!(
            answer.status == 400 || answer.status == 404,
            "{bad}: {}",
            answer.status
        );
        assert_not_contains(&answer.body, "base_url");
        assert_not_contains(&answer.body, "[[sites]]");
        assert_not_contains(&answer.body, "本站新闻");
    }
}

#[test]
fn an_edit_of_a_pushed_city_page_reloads_the_pages_of_both_sites() {
    let root = network();
    let server = start(&root);
    let province = server.get("/guangxi/news/");
    assert_contains(&province.body, "梧州报送稿");
    let mut city_events = Events::connect_to(&server, "/wuzhou/__menhu/events");
    let mut province_events = Events::connect_to(&server, "/guangxi/__menhu/events");
    let mut other_events = Events::connect_to(&server, "/liuzhou/__menhu/events");
    // Give the streams a moment to be registered before the edit.
    std::thread::sleep(Duration::from_millis(200));
    root.write(
        "sites/wuzhou/content/news/2026-05-02-bao-song.md",
        "+++\ntitle = \"梧州报送稿（修订）\"\ndate = 2026-05-02\npush = [\"parent\"]\n+++\n梧州的稿件正文。\n",
    );
    city_events.wait_for_change_of("news/index.html");
    province_events.wait_for_change_of("news/index.html");
    assert_contains(&server.get("/wuzhou/news/").body, "梧州报送稿（修订）");
    assert_contains(&server.get("/guangxi/news/").body, "梧州报送稿（修订）");
    // Liuzhou's outputs did not change: its stream hears only that the build is over.
    let built = other_events.wait_for("built");
    assert!(built.parse::<u64>().is_ok(), "{built}");
    // Its next event is the next build's, not a change.
    root.write(
        "sites/liuzhou/content/news/2026-05-01-ben-zhan.md",
        "+++\ntitle = \"柳州市科协本站新闻（修订）\"\ndate = 2026-05-01\n+++\n本站的稿件。\n",
    );
    let (name, data) = other_events.next();
    assert_eq!(name, "change", "{data}");
    assert_contains(&data, "news/index.html");
}

/// The server's next line announcing a rebuild.
fn next_rebuild_line(server: &Server) -> String {
    loop {
        let line = server
            .log
            .recv_timeout(Duration::from_secs(60))
            .expect("the server announces its rebuild");
        if line.starts_with("rebuilt ") {
            return line;
        }
    }
}

#[test]
fn an_edit_in_a_member_that_pushes_nothing_rebuilds_only_that_member() {
    let root = network();
    let server = start(&root);
    let mut liuzhou = Events::connect_to(&server, "/liuzhou/__menhu/events");
    let mut province = Events::connect_to(&server, "/guangxi/__menhu/events");
    std::thread::sleep(Duration::from_millis(200));
    root.write(
        "sites/liuzhou/content/news/2026-05-01-ben-zhan.md",
        "+++\ntitle = \"柳州市科协本站新闻（修订）\"\ndate = 2026-05-01\n+++\n本站的稿件。\n",
    );
    liuzhou.wait_for_change_of("news/index.html");
    liuzhou.wait_for("built");
    let line = next_rebuild_line(&server);
    assert!(line.starts_with("rebuilt 1 of 3 sites"), "{line}");
    assert_contains(&server.get("/liuzhou/news/").body, "（修订）");
    // The province was not rebuilt: the first change it hears is its own edit's.
    root.write(
        "sites/guangxi/content/news/2026-05-01-ben-zhan.md",
        "+++\ntitle = \"广西科协本站新闻（修订）\"\ndate = 2026-05-01\n+++\n本站的稿件。\n",
    );
    let (name, data) = std::iter::repeat_with(|| province.next())
        .find(|(name, _)| name != "built")
        .expect("an event");
    assert_eq!(name, "change", "{data}");
    assert_contains(&data, "news/index.html");
    // The province reprints nothing of its own elsewhere in this network: one site.
    let line = next_rebuild_line(&server);
    assert!(line.starts_with("rebuilt 1 of 3 sites"), "{line}");
    // A pushed page edited: its site and the province's, not Liuzhou's.
    root.write(
        "sites/wuzhou/content/news/2026-05-02-bao-song.md",
        "+++\ntitle = \"梧州报送稿（又改）\"\ndate = 2026-05-02\npush = [\"parent\"]\n+++\n梧州的稿件正文。\n",
    );
    province.wait_for_change_of("news/index.html");
    let line = next_rebuild_line(&server);
    assert!(line.starts_with("rebuilt 2 of 3 sites"), "{line}");
    // The shared theme rebuilds every member.
    root.write("themes/t/static/shared.css", "body{}");
    let line = next_rebuild_line(&server);
    assert!(line.starts_with("rebuilt 3 of 3 sites"), "{line}");
}

#[test]
fn a_broken_member_keeps_its_last_good_build_and_shows_its_errors_on_its_pages() {
    let root = network();
    let server = start(&root);
    let mut events = Events::connect_to(&server, "/wuzhou/__menhu/events");
    std::thread::sleep(Duration::from_millis(200));
    root.write(
        "sites/wuzhou/content/news/2026-05-01-ben-zhan.md",
        "+++\ntitle = \"坏\ndate = 2026-05-01\n+++\n",
    );
    let data = events.wait_for("build-error");
    assert_contains(&data, "sites/wuzhou/content/news/2026-05-01-ben-zhan.md");
    assert_contains(&server.get("/wuzhou/news/").body, "梧州市科协本站新闻");
    let picker = server.get("/");
    assert_eq!(picker.body.matches("class=\"failed\"").count(), 1);
    let wuzhou = picker
        .body
        .find("<a href=\"/wuzhou/\">")
        .expect("wuzhou listed");
    let failed = picker.body.find("class=\"failed\"").expect("marked");
    let next = picker
        .body
        .find("<a href=\"/liuzhou/\">")
        .expect("liuzhou listed");
    assert!(wuzhou < failed && failed < next, "{}", picker.body);
    root.write(
        "sites/wuzhou/content/news/2026-05-01-ben-zhan.md",
        "+++\ntitle = \"梧州市科协本站新闻（改好）\"\ndate = 2026-05-01\n+++\n",
    );
    events.wait_for("change");
    assert_contains(&server.get("/wuzhou/news/").body, "（改好）");
    assert_not_contains(&server.get("/").body, "class=\"failed\"");
}

/// In Chromium: the province's list, open on `/guangxi/news/`, reloads by itself when
/// a Wuzhou article pushed to it is edited (its script listens on the province's own
/// events and names its page within the province's site), and the Wuzhou page open at
/// the same time reloads too.
#[test]
fn open_pages_of_both_sites_reload_in_a_browser_when_a_pushed_page_is_edited() {
    use crate::serve_browser::Browser;
    const CHROMIUM: &str = "/usr/bin/chromium";
    if !std::path::Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var("MENHU_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "MENHU_REQUIRE_BROWSER=1 but {CHROMIUM} is missing"
        );
        println!("skipped: {CHROMIUM} is not installed (apt-get install chromium)");
        return;
    }
    let root = network();
    let server = start(&root);
    let mut pages: Vec<Browser> = ["guangxi", "wuzhou"]
        .iter()
        .map(|site| Browser::open(&format!("http://{}/{site}/news/", server.address)))
        .collect();
    for (page, site) in pages.iter_mut().zip(["guangxi", "wuzhou"]) {
        page.wait_until(
            "document.readyState === 'complete' && document.body.innerText.includes('梧州报送稿')",
        );
        // The page's own stream is open once the server has greeted it.
        page.eval(&format!(
            "window.__greeted = false; new EventSource('/{site}/__menhu/events').addEventListener('hello', () => {{ window.__greeted = true; }})"
        ));
        page.wait_until("window.__greeted === true");
        page.eval("window.__marker = 'before'");
    }
    root.write(
        "sites/wuzhou/content/news/2026-05-02-bao-song.md",
        "+++\ntitle = \"梧州报送稿（浏览器）\"\ndate = 2026-05-02\npush = [\"parent\"]\n+++\n梧州的稿件正文。\n",
    );
    for page in &mut pages {
        page.wait_until("document.body.innerText.includes('梧州报送稿（浏览器）')");
        assert_eq!(
            page.eval("window.__marker === undefined"),
            serde_json::Value::Bool(true),
            "the page was reloaded"
        );
    }
}

/// Guilin, a city added to the test network while it is served.
const GUILIN: Member = Member {
    name: "guilin",
    region: "桂林市",
    association: "桂林市科学技术协会",
    short: "桂林市科协",
    icp: "桂ICP备10000004号-1",
    police: "桂公网安备 45030000000004号",
};

/// `network.toml` of [`MEMBERS`] and `more`.
fn network_file(more: &[&Member]) -> String {
    let mut toml = String::from("[network]\nname = \"测试站群\"\n");
    for m in MEMBERS.iter().chain(more.iter().copied()) {
        toml.push_str(&format!(
            "\n[[sites]]\nname = \"{}\"\npath = \"sites/{}\"\nregion = \"{}\"\nassociation = \"{}\"\nshort = \"{}\"\n",
            m.name, m.name, m.region, m.association, m.short
        ));
    }
    toml
}

#[test]
fn a_member_added_to_network_toml_is_served_and_one_removed_is_gone_without_a_restart() {
    let root = network();
    let server = start(&root);
    assert_eq!(server.get("/guilin/").status, 404);
    // The new site's folder first (nothing watches it yet), then its entry.
    write_member(&root, &GUILIN);
    root.write(
        "sites/guilin/content/news/2026-05-03-gui-lin-bao-song.md",
        "+++\ntitle = \"桂林报送稿\"\ndate = 2026-05-03\npush = [\"parent\"]\n+++\n桂林的稿件正文。\n",
    );
    root.write("network.toml", &network_file(&[&GUILIN]));
    let line = next_rebuild_line(&server);
    assert!(line.contains(" of 4 sites"), "{line}");
    let picker = server.get("/").body;
    assert_contains(&picker, "<a href=\"/guilin/\">桂林市科学技术协会</a>");
    let news = server.get("/guilin/news/");
    assert_eq!(news.status, 200);
    assert_contains(&news.body, "桂林市科协本站新闻");
    assert_contains(
        &news.body,
        &format!("href=\"http://{}/guilin/news/", server.address),
    );
    // The province receives the new member's push.
    assert_contains(&server.get("/guangxi/news/").body, "桂林报送稿");

    // The new site reloads its open pages: its own folder is watched now.
    let mut events = Events::connect_to(&server, "/guilin/__menhu/events");
    std::thread::sleep(Duration::from_millis(200));
    root.write(
        "sites/guilin/content/news/2026-05-01-ben-zhan.md",
        "+++\ntitle = \"桂林市科协本站新闻（修订）\"\ndate = 2026-05-01\n+++\n本站的稿件。\n",
    );
    events.wait_for_change_of("news/index.html");
    assert_contains(&server.get("/guilin/news/").body, "（修订）");
    let line = next_rebuild_line(&server);
    assert!(line.starts_with("rebuilt 1 of 4 sites"), "{line}");

    // Removed again: its path answers 404, the picker and the province forget it.
    root.write("network.toml", &network_file(&[]));
    let line = next_rebuild_line(&server);
    assert!(line.contains(" of 3 sites"), "{line}");
    assert_eq!(server.get("/guilin/news/").status, 404);
    assert_eq!(server.get("/guilin/").status, 404);
    assert_not_contains(&server.get("/").body, "/guilin/");
    assert_not_contains(&server.get("/guangxi/news/").body, "桂林报送稿");
    // An edit in its folder is no longer a source of the preview.
    root.write(
        "sites/guilin/content/news/2026-05-01-ben-zhan.md",
        "+++\ntitle = \"不再预览\"\ndate = 2026-05-01\n+++\n",
    );
    root.write(
        "sites/liuzhou/content/news/2026-05-01-ben-zhan.md",
        "+++\ntitle = \"柳州市科协本站新闻（修订）\"\ndate = 2026-05-01\n+++\n本站的稿件。\n",
    );
    let line = next_rebuild_line(&server);
    assert!(line.starts_with("rebuilt 1 of 3 sites"), "{line}");
}

#[test]
fn a_broken_network_toml_keeps_every_site_and_shows_its_error_until_fixed() {
    let root = network();
    let server = start(&root);
    let mut events = Events::connect_to(&server, "/guangxi/__menhu/events");
    std::thread::sleep(Duration::from_millis(200));
    let good = std::fs::read_to_string(root.path("network.toml")).unwrap();
    root.write("network.toml", &good.replace("[[sites]]", "[[sitez]]"));
    let data = events.wait_for("build-error");
    assert_contains(&data, "network.toml");
    assert_contains(&server.get("/guangxi/news/").body, "广西科协本站新闻");
    assert_eq!(server.get("/wuzhou/news/").status, 200);
    root.write("network.toml", &good);
    // Every member again: what changed while the network could not be read was never
    // built.
    let line = next_rebuild_line(&server);
    assert!(line.starts_with("rebuilt 3 of 3 sites"), "{line}");
    let picker = server.get("/").body;
    assert_not_contains(&picker, "class=\"failed\"");
    assert_contains(&picker, "<a href=\"/liuzhou/\">");
}
