//! One page of the site's own render, and its Traditional copy.

use super::*;

const BASE: &str = "https://kx.example.org";

/// A copier with theme strings `simplified` (the site's) and `traditional` (zh-Hant).
fn copier(simplified: &str, traditional: &str, restore: &Restore) -> Copier {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("i18n")).unwrap();
    std::fs::write(dir.path().join("i18n/zh-Hans.toml"), simplified).unwrap();
    std::fs::write(dir.path().join("i18n/zh-Hant.toml"), traditional).unwrap();
    let translations = Translations::load(
        dir.path(),
        &["i18n".into()],
        &crate::bounds::SiteBounds::new(dir.path()),
    )
    .unwrap();
    Copier::for_site(BASE, "zh-Hans", &translations, restore)
}

fn copy_of(copier: &Copier, path: &str, html: &str) -> String {
    let output = Output {
        path: path.into(),
        body: html.as_bytes().to_vec(),
    };
    let copy = copier.copy(&output).expect("a page has a copy");
    assert_eq!(copy.path, format!("zh-hant/{path}"));
    String::from_utf8(copy.body).unwrap()
}

#[test]
fn converts_words_and_keeps_ids_urls_and_markup() {
    let copier = copier("", "", &Restore::default());
    let html = concat!(
        "<html lang=\"zh-Hans\"><head><title>科协发展</title>",
        "<meta name=\"description\" content=\"头发与发展\">",
        "<link rel=\"stylesheet\" href=\"https://kx.example.org/css/portal.css\"></head>",
        "<body><h2 id=\"发展规划\"><a href=\"#发展规划\" class=\"anchor\">发展规划</a></h2>",
        "<img src=\"/news/x/发展.jpg\" alt=\"后台\" data-note=\"发展\">",
        "<input placeholder=\"搜索新闻\" aria-label=\"站内搜索\" name=\"发\">",
        "<a href=\"https://kx.example.org/news/x/\" title=\"干部\">干部</a>",
        "<a href=\"/about/\">关于</a>",
        "<span lang=\"en\">Rust</span><span lang=\"zh-Hans\" translate=\"no\">简体字</span>",
        "<pre><code class=\"language-rust\">let 发 = 1;</code></pre></body></html>",
    );
    let copy = copy_of(&copier, "news/x/index.html", html);
    for kept in [
        "id=\"发展规划\"",
        "href=\"#发展规划\"",
        "src=\"/news/x/发展.jpg\"",
        "data-note=\"发展\"",
        "name=\"发\"",
        "href=\"https://kx.example.org/css/portal.css\"",
        "class=\"language-rust\"",
        "<span lang=\"en\">Rust</span>",
        "<span lang=\"zh-Hans\" translate=\"no\">简体字</span>",
    ] {
        assert!(copy.contains(kept), "{kept} in {copy}");
    }
    for converted in [
        "<html lang=\"zh-Hant\">",
        "<title>科協發展</title>",
        "content=\"頭髮與發展\"",
        ">發展規劃</a>",
        "alt=\"後臺\"",
        "placeholder=\"搜索新聞\"",
        "aria-label=\"站內搜索\"",
        "href=\"https://kx.example.org/zh-hant/news/x/\" title=\"幹部\">幹部</a>",
        "<a href=\"/zh-hant/about/\">關於</a>",
        // Code is text like any other, as it always was in the copy.
        "let 發 = 1;",
    ] {
        assert!(copy.contains(converted), "{converted} in {copy}");
    }
}

#[test]
fn the_switch_links_back_and_the_alternates_stay() {
    let copier = copier(
        "switch = \"繁體\"\n",
        "switch = \"简体\"\n",
        &Restore::default(),
    );
    let html = concat!(
        "<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"https://kx.example.org/news/x/\">",
        "<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://kx.example.org/zh-hant/news/x/\">",
        "<a class=\"script-switch\" href=\"https://kx.example.org/zh-hant/news/x/\" hreflang=\"zh-Hant\" lang=\"zh-Hant\" translate=\"no\">繁體</a>",
        "<a href=\"https://kx.example.org/zh-hant/about/\" hreflang=\"zh-Hant\">關於</a>",
    );
    let copy = copy_of(&copier, "news/x/index.html", html);
    assert!(copy.starts_with(concat!(
        "<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"https://kx.example.org/news/x/\">",
        "<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://kx.example.org/zh-hant/news/x/\">",
        "<a class=\"script-switch\" href=\"https://kx.example.org/news/x/\" hreflang=\"zh-Hans\" lang=\"zh-Hans\" translate=\"no\">简体</a>",
    )), "{copy}");
    // A link to another page's copy is no switch.
    assert!(copy.ends_with(
        "<a href=\"https://kx.example.org/zh-hant/about/\" hreflang=\"zh-Hant\">關於</a>"
    ));
    // The home page's switch, and the copy of a feed (no page, no switch).
    let home = copy_of(
        &copier,
        "index.html",
        "<a href=\"https://kx.example.org/zh-hant/\" hreflang=\"zh-Hant\" translate=\"no\">繁體</a>",
    );
    assert_eq!(
        home,
        "<a href=\"https://kx.example.org/\" hreflang=\"zh-Hans\" translate=\"no\">简体</a>"
    );
    let feed = copy_of(
        &copier,
        "atom.xml",
        "<feed xml:lang=\"zh-Hans\"><title>发展</title><id>https://kx.example.org/news/x/</id></feed>",
    );
    assert_eq!(
        feed,
        "<feed xml:lang=\"zh-Hant\"><title>發展</title><id>https://kx.example.org/zh-hant/news/x/</id></feed>"
    );
    let rss = copy_of(
        &copier,
        "rss.xml",
        "<channel><language>zh-Hans</language><title>发展</title></channel>",
    );
    assert_eq!(
        rss,
        "<channel><language>zh-Hant</language><title>發展</title></channel>"
    );
}

#[test]
fn theme_strings_are_those_of_zh_hant() {
    let copier = copier(
        "search = \"搜索\"\nhome = \"首页\"\nfirst = \"首页\"\nmore = \"更多{name}\"\nsame = \"发展\"\n",
        "search = \"搜尋\"\nhome = \"首頁\"\nfirst = \"第一頁\"\nmore = \"更多{name}\"\nsame = \"發展\"\n",
        &Restore::default(),
    );
    let html = "<button aria-label=\"搜索\"> 搜索 </button><p>站内搜索</p><a>首页</a><p>发展</p>";
    assert_eq!(
        copy_of(&copier, "index.html", html),
        // Whole texts only; 首页 has two Traditional forms, so it is converted.
        "<button aria-label=\"搜尋\"> 搜尋 </button><p>站內搜索</p><a>首頁</a><p>發展</p>"
    );
}

#[test]
fn pages_written_in_traditional_are_put_back_links_and_all() {
    let mut restore = Restore::default();
    restore.remember(
        "<p>這裡見<a href=\"https://kx.example.org/news/y/\">臺灣</a></p>",
        "<p>这里见<a href=\"https://kx.example.org/news/y/\">台湾</a></p>",
    );
    let copier = copier("", "", &restore);
    let html = "<h1>x</h1><p>这里见<a href=\"https://kx.example.org/news/y/\">台湾</a></p>";
    assert_eq!(
        copy_of(&copier, "news/x/index.html", html),
        "<h1>x</h1><p>這裡見<a href=\"https://kx.example.org/zh-hant/news/y/\">臺灣</a></p>"
    );
}

#[test]
fn files_that_are_not_pages_have_no_copy() {
    let copier = copier("", "", &Restore::default());
    for path in ["sitemap.xml", "robots.txt", "highlight.css"] {
        let output = Output {
            path: path.into(),
            body: b"x".to_vec(),
        };
        assert!(copier.copy(&output).is_none(), "{path}");
    }
    assert_eq!(page_path("news/x/index.html"), "/news/x/");
    assert_eq!(page_path("index.html"), "/");
    assert_eq!(page_path("404.html"), "/404.html");
}

#[test]
fn a_qr_code_of_a_page_is_drawn_again_for_the_copy_and_others_are_kept() {
    let copier = copier("", "", &Restore::default());
    let qr = |text: &str, label: &str| crate::render::qr::qr_svg(text, label).unwrap();
    let page = qr("https://kx.example.org/news/x/", "手机扫码阅读本文");
    let account = qr("https://weixin.qq.com/r/kexie", "关注公众号");
    let html = format!("<article><p>正文</p>{page}<p>后记</p>{account}<p>完</p></article>");
    let copy = copy_of(&copier, "news/x/index.html", &html);
    let redrawn = qr("https://kx.example.org/zh-hant/news/x/", "手機掃碼閱讀本文");
    assert_ne!(page, redrawn);
    // Another code is converted as any markup: its label only.
    let account_copy = account.replace("关注公众号", &crate::zh::to_traditional("关注公众号"));
    let expected =
        format!("<article><p>正文</p>{redrawn}<p>後記</p>{account_copy}<p>完</p></article>");
    assert!(copy == expected, "{copy}");
}
