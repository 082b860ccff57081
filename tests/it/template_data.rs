//! Zola's data and file functions in real builds (issue #29): `load_data` for every
//! format, from the site, a literal and a local HTTP server (cached, timed out, refused
//! for private addresses, answered from the cache with `--offline`), confined to the
//! site; `get_hash`/`get_file_hash` for Subresource Integrity; `get_taxonomy_term`;
//! `get_taxonomy` with or without the terms' pages; and `compile_sass`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::support::*;

const INDEX: &str = "templates/index.html";

fn site_with(index: &str, config_extra: &str) -> Site {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}{config_extra}"),
    );
    site.write(INDEX, index);
    site
}

#[test]
fn load_data_reads_every_format_from_the_site() {
    let site = site_with(
        r#"<main>{% set csv = load_data(path="data/cities.csv") %}csv={{ csv.headers | join(sep="|") }}/{% for r in csv.records %}{{ r.0 }}={{ r.1 }};{% endfor %}
{% set t = load_data(path="data/site.toml") %}toml={{ t.name }}:{{ t.founded }}:{{ t.units | length }}
{% set j = load_data(path="/static/stats.json") %}json={{ j.members }}
{% set y = load_data(path="data/list.yml") %}yaml={% for x in y.items %}{{ x }},{% endfor %}
{% set x = load_data(path="data/feed.xml") %}xml={{ x.rss.channel.title }}:{{ x.rss.channel.item | length }}
plain={{ load_data(path="data/notice.txt") }}
{% set n = load_data(path="data/notice.data", format="json") %}txt-as-json={{ n.a }}
{% set l = load_data(literal='{"name": "科协"}', format="json") %}literal={{ l.name }}
{% set b = load_data(path="@/news/a/facts.toml") %}bundle={{ b.n }}
missing={{ load_data(path="data/none.csv", required=false) }}|</main>"#,
        "",
    );
    site.write("data/cities.csv", "城市,数量\n梧州,3\n南宁,5\n");
    site.write(
        "data/site.toml",
        "name = \"梧州市科协\"\nfounded = 1958-05-01\nunits = [1, 2, 3]\n",
    );
    site.write("static/stats.json", r#"{"members": 1200}"#);
    site.write("data/list.yml", "items:\n  - 科普\n  - 学会\n");
    site.write(
        "data/feed.xml",
        "<rss><channel><title>要闻</title><item>a</item><item>b</item></channel></rss>",
    );
    site.write("data/notice.txt", "通知 <b>");
    site.write("data/notice.data", r#"{"a": 7}"#);
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/a/index.md",
        "+++\ntitle = \"甲\"\n+++\n正文 {{ cities() }}\n",
    );
    // Shortcodes render before the model exists, and have the data functions too.
    site.write(
        "templates/shortcodes/cities.html",
        r#"{% set d = load_data(path="data/cities.csv") %}共{{ d.records | length }}城 {{ get_hash(literal="a", sha_type=256, base64=false) | truncate(length=8, end="") }}"#,
    );
    site.write("content/news/a/facts.toml", "n = 42\n");
    site.build();
    let html = site.output("index.html");
    assert_contains(&html, "csv=城市|数量/梧州=3;南宁=5;");
    assert_contains(&html, "toml=梧州市科协:1958-05-01:3");
    assert_contains(&html, "json=1200");
    assert_contains(&html, "yaml=科普,学会,");
    assert_contains(&html, "xml=要闻:2");
    assert_contains(&html, "plain=通知 &lt;b&gt;");
    assert_contains(&html, "txt-as-json=7");
    assert_contains(&html, "literal=科协");
    assert_contains(&html, "bundle=42");
    assert_contains(&html, "missing=|");
    assert_contains(&site.output("news/a/index.html"), "正文 共2城 ca978112");
}

#[test]
fn load_data_errors_name_the_template_and_the_problem() {
    for (call, needle) in [
        (
            r#"load_data(path="data/none.csv")"#,
            "no file `data/none.csv`",
        ),
        (
            r#"load_data(path="data/bad.csv", required=false)"#,
            "invalid CSV",
        ),
        (
            r#"load_data(path="data/a.csv", format="bibtex")"#,
            "unknown format",
        ),
        (
            r#"load_data(path="data/a.csv", url="https://a.example/")"#,
            "exactly one of `path`, `url` or `literal`",
        ),
    ] {
        let site = site_with(&format!("<main>{{{{ {call} }}}}</main>"), "");
        site.write("data/bad.csv", "a,b\n1,2,3\n");
        site.write("data/a.csv", "a\n1\n");
        let stderr = site.build_fails();
        assert_contains(&stderr, "templates/index.html");
        assert_contains(&stderr, needle);
    }
}

#[cfg(unix)]
#[test]
fn load_data_and_get_hash_never_read_outside_the_site() {
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("secret.txt"), "TOKEN-123").unwrap();
    let outside = elsewhere.path().join("secret.txt");
    let site = Site::minimal();
    std::os::unix::fs::symlink(&outside, site.path("data-link.txt")).unwrap();
    site.write(".git/config", "TOKEN-456");
    let relative = format!(
        "../{}/secret.txt",
        elsewhere.path().file_name().unwrap().to_string_lossy()
    );
    let escapes = [
        format!(r#"load_data(path="{relative}")"#),
        format!(r#"load_data(path="{}")"#, outside.display()),
        r#"load_data(path="data-link.txt")"#.to_owned(),
        r#"load_data(path=".git/config")"#.to_owned(),
        r#"load_data(path="data-link.txt", required=false)"#.to_owned(),
        r#"get_hash(path="data-link.txt")"#.to_owned(),
        r#"get_file_hash(path=".git/config")"#.to_owned(),
    ];
    // Both temporary folders are in the same folder, so `relative` leads out.
    for call in &escapes {
        site.write(INDEX, &format!("<main>{{{{ {call} }}}}</main>"));
        let stderr = site.build_fails();
        assert!(!stderr.contains("TOKEN"), "{stderr}");
        assert!(
            !site.output_exists("index.html") || !site.output("index.html").contains("TOKEN"),
            "{call}"
        );
    }
}

/// A local JSON server that counts its requests; `/slow` answers after 3 s.
struct DataServer {
    server: Arc<tiny_http::Server>,
    hits: Arc<AtomicUsize>,
    port: u16,
}

impl DataServer {
    fn start() -> DataServer {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let hits = Arc::new(AtomicUsize::new(0));
        let (serving, counted) = (server.clone(), hits.clone());
        std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                counted.fetch_add(1, Ordering::SeqCst);
                let url = request.url().to_owned();
                std::thread::spawn(move || {
                    let response = match url.as_str() {
                        "/members.json" => {
                            tiny_http::Response::from_string(r#"{"members": 1200, "city": "梧州"}"#)
                        }
                        "/slow.json" => {
                            std::thread::sleep(Duration::from_secs(3));
                            tiny_http::Response::from_string("{}")
                        }
                        "/moved" => tiny_http::Response::from_string("")
                            .with_status_code(302)
                            .with_header(
                                "Location: http://169.254.169.254/latest/meta-data/"
                                    .parse::<tiny_http::Header>()
                                    .unwrap(),
                            ),
                        _ => tiny_http::Response::from_string("gone").with_status_code(404),
                    };
                    let _ = request.respond(response);
                });
            }
        });
        DataServer { server, hits, port }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

impl Drop for DataServer {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

const ALLOW_LOCAL: &str = "[load_data]\nallow_private = [\"127.0.0.1\"]\ntimeout_secs = 1\n";

#[test]
fn remote_data_is_fetched_once_cached_and_served_offline() {
    let server = DataServer::start();
    let call = format!(
        r#"{{% set d = load_data(url="{}", format="json") %}}{{{{ d.city }}}}:{{{{ d.members }}}}"#,
        server.url("/members.json")
    );
    let site = site_with(&format!("<main>{call}</main>"), ALLOW_LOCAL);
    // Three pages and the home page ask for it: one request.
    site.write(
        "templates/page.html",
        &format!("<main>{{{{ page.title }}}} {call}</main>"),
    );
    for n in 1..=3 {
        site.write(
            &format!("content/p{n}.md"),
            &format!("+++\ntitle = \"第{n}篇\"\n+++\n"),
        );
    }
    site.build();
    assert_contains(&site.output("index.html"), "梧州:1200");
    assert_contains(&site.output("p2/index.html"), "第2篇 梧州:1200");
    assert_eq!(server.hits(), 1, "one request for every page");
    assert!(site.path(".menhu-cache/load_data").is_dir());

    // The next build, and an offline one, answer from the cache.
    site.build();
    let offline = site.menhu(&["build", "--offline"]);
    assert_eq!(offline.code, 0, "{}", offline.stderr);
    assert_eq!(server.hits(), 1, "answered from .menhu-cache");
    assert_contains(&site.output("index.html"), "梧州:1200");

    // Offline, an address never fetched is an error that says what to do.
    site.write(
        INDEX,
        &format!(
            r#"<main>{{{{ load_data(url="{}") }}}}</main>"#,
            server.url("/other.json")
        ),
    );
    let run = site.menhu(&["build", "--offline"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "is not in the cache and the build is offline");
    assert_eq!(server.hits(), 1, "nothing requested offline");
}

#[test]
fn remote_data_fails_clearly_on_errors_timeouts_and_private_addresses() {
    let server = DataServer::start();
    let cases = [
        (server.url("/gone.json"), ALLOW_LOCAL, "answered 404"),
        (
            server.url("/slow.json"),
            ALLOW_LOCAL,
            "did not answer within 1 s",
        ),
        (
            server.url("/members.json"),
            "",
            "is a private or local address",
        ),
        (server.url("/moved"), ALLOW_LOCAL, "169.254.169.254"),
        (
            "file:///etc/passwd".to_owned(),
            ALLOW_LOCAL,
            "only `http` and `https`",
        ),
    ];
    for (url, config, needle) in cases {
        let site = site_with(
            &format!(r#"<main>{{{{ load_data(url="{url}", format="json") }}}}</main>"#),
            config,
        );
        let stderr = site.build_fails();
        assert_contains(&stderr, needle);
        assert_not_contains(&stderr, "root:");
    }
    // `required=false` turns an unavailable address into nothing.
    let site = site_with(
        &format!(
            r#"<main>[{{{{ load_data(url="{}", required=false) }}}}]</main>"#,
            server.url("/gone.json")
        ),
        ALLOW_LOCAL,
    );
    site.build();
    assert_contains(&site.output("index.html"), "[]");
}

#[test]
fn get_hash_gives_subresource_integrity_values() {
    let site = site_with(
        r#"<main>a={{ get_hash(literal="Hello World", sha_type=256, base64=false) }}
b={{ get_hash(literal="Hello World") }}
c={{ get_hash(path="site.css", sha_type=256) }}
d={{ get_file_hash(path="site.css", sha_type=512, base64=false) | length }}
<link rel="stylesheet" href="{{ get_url(path='site.css') }}" integrity="sha384-{{ get_hash(path='site.css') }}"></main>"#,
        "",
    );
    site.write("static/site.css", "Hello World");
    site.build();
    let html = site.output("index.html");
    assert_contains(
        &html,
        "a=a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e",
    );
    assert_contains(
        &html,
        "b=mVFDKRhrL2rkoTKefubGEKcpY2M1F0rGt0D5AoOW/MgD0Ok4Y6fD2Q+Gvu54L08/",
    );
    assert_contains(&html, "c=pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4=");
    assert_contains(&html, "d=128");
    assert_contains(
        &html,
        "integrity=\"sha384-mVFDKRhrL2rkoTKefubGEKcpY2M1F0rGt0D5AoOW/MgD0Ok4Y6fD2Q+Gvu54L08/\"",
    );
    let site = site_with(
        r#"<main>{{ get_hash(literal="a", sha_type=1) }}</main>"#,
        "",
    );
    assert_contains(&site.build_fails(), "`sha_type` must be 256, 384 or 512");
}

#[test]
fn get_taxonomy_term_returns_the_term_with_its_pages() {
    let site = site_with(
        r#"<main>{% set t = get_taxonomy_term(kind="tags", term="科普") %}{{ t.name }}|{{ t.permalink }}|{{ t.page_count }}|{% for p in t.pages %}{{ p.title }};{% endfor %}
{% set m = get_taxonomy_term(kind="tags", term="科普", include_pages=false) %}m={{ m.pages | length }}
none={{ get_taxonomy_term(kind="tags", term="没有", required=false) }}|</main>"#,
        "taxonomies = [{ name = \"tags\" }]\n",
    );
    for (n, tags) in [(1, "\"科普\""), (2, "\"科普\", \"学会\""), (3, "\"学会\"")] {
        site.write(
            &format!("content/p{n}.md"),
            &format!("+++\ntitle = \"第{n}篇\"\ndate = 2024-03-0{n}\n[taxonomies]\ntags = [{tags}]\n+++\n"),
        );
    }
    site.build();
    let html = site.output("index.html");
    assert_contains(
        &html,
        "科普|https://kx.example.org/tags/ke-pu/|2|第2篇;第1篇;",
    );
    assert_contains(&html, "m=0");
    assert_contains(&html, "none=|");
    site.write(
        INDEX,
        r#"<main>{{ get_taxonomy_term(kind="tags", term="没有") }}</main>"#,
    );
    assert_contains(&site.build_fails(), "no term 「没有」 in taxonomy `tags`");
}

#[test]
fn get_taxonomy_lists_terms_with_or_without_their_pages() {
    let site = site_with(
        r#"<main>{% set all = get_taxonomy(kind="tags") %}{% for t in all.items %}{{ t.name }}={{ t.page_count }}:{% for p in t.pages %}{{ p.title }};{% endfor %}|{% endfor %}
{% set counts = get_taxonomy(kind="tags", include_pages=false) %}{% for t in counts.items %}{{ t.name }}={{ t.page_count }}/{{ t.pages | length }}|{% endfor %}kind={{ counts.kind.name }}</main>"#,
        "taxonomies = [{ name = \"tags\" }]\n",
    );
    for (n, tags) in [(1, "\"科普\""), (2, "\"科普\", \"学会\"")] {
        site.write(
            &format!("content/p{n}.md"),
            &format!("+++\ntitle = \"第{n}篇\"\ndate = 2024-03-0{n}\n[taxonomies]\ntags = [{tags}]\n+++\n"),
        );
    }
    site.build();
    let html = site.output("index.html");
    assert_contains(&html, "科普=2:第2篇;第1篇;|");
    assert_contains(&html, "学会=1:第2篇;|");
    assert_contains(&html, "科普=2/0|");
    assert_contains(&html, "学会=1/0|");
    assert_contains(&html, "kind=tags");
}

#[test]
fn sass_is_compiled_when_the_config_asks() {
    let site = site_with("<main>home</main>", "compile_sass = true\n");
    site.write("sass/_colours.scss", "$brand: #c00;\n");
    site.write(
        "sass/css/site.scss",
        "@import \"colours\";\nnav { a { color: $brand; } }\n",
    );
    site.write("sass/print.sass", "body\n  margin: 0\n");
    site.build();
    assert_contains(&site.output("css/site.css"), "nav a{color:#c00}");
    assert_contains(&site.output("print.css"), "body{margin:0}");
    assert!(
        !site.output_exists("_colours.css"),
        "partials are not published"
    );
    assert!(!site.output_exists("css/site.scss"));

    site.write("sass/css/site.scss", "nav {\n  color: $missing;\n}\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "E0407");
    assert_contains(&stderr, "sass/css/site.scss:2:");
    assert_contains(&stderr, "Undefined variable");

    // Without the setting, `sass/` is left alone, as Zola does.
    let plain = site_with("<main>home</main>", "");
    plain.write("sass/site.scss", "a { b: c }");
    plain.build();
    assert!(!plain.output_exists("site.css"));
}

#[cfg(unix)]
#[test]
fn sass_imports_stay_inside_the_site() {
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("_secret.scss"), "$token: TOKEN-789;").unwrap();
    let site = site_with("<main>home</main>", "compile_sass = true\n");
    site.write(
        "sass/site.scss",
        &format!(
            "@import \"{}/secret\";\na {{ b: $token; }}\n",
            elsewhere.path().display()
        ),
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "sass/site.scss");
    assert_not_contains(&stderr, "TOKEN-789");
    assert!(!site.output_exists("site.css"));
}
