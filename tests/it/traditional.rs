//! `traditional = true`: the whole site again under `/zh-hant/`, converted, with a
//! switch link and hreflang alternates on both sides; pages written in Traditional;
//! theme strings from `i18n/` through `trans`.

use crate::support::{Site, assert_contains, assert_not_contains};

const CONFIG: &str = "base_url = \"https://kx.example.org\"\ntitle = \"科学技术协会\"\ntaxonomies = []\ntraditional = true\n";

const BASE: &str = r#"<!DOCTYPE html><html lang="{{ lang }}"><head>{% if script_switch is defined %}{% for a in script_switch.alternates %}<link rel="alternate" hreflang="{{ a.lang }}" href="{{ a.url }}">{% endfor %}{% endif %}<link rel="stylesheet" href="{{ get_url(path="css/site.css") }}"></head><body>{% if script_switch is defined %}<a class="switch" href="{{ script_switch.url }}" hreflang="{{ script_switch.lang }}" translate="no">{{ trans(key="switch") }}</a>{% endif %}<nav>{% for item in menus.main %}<a href="{{ item.url }}">{{ item.title }}</a>{% endfor %}</nav><p class="label">{{ trans(key="published") }}</p>{% block main %}{% endblock main %}</body></html>"#;

fn site() -> Site {
    let site = Site::empty();
    site.write(
        "site-config.toml",
        &format!("{CONFIG}\n[[menus]]\ntitle = \"新闻发布\"\nurl = \"@/news/_index.md\"\n"),
    )
    .write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n")
    .write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻发布\"\nsort_by = \"date\"\n+++\n",
    )
    .write(
        "content/news/fazhan.md",
        "+++\ntitle = \"科学技术协会发展规划\"\ndate = 2026-01-05\n+++\n\n头发与发展。见[另一篇](@/news/taiwan.md)。\n",
    )
    .write(
        "content/news/taiwan.md",
        "+++\ntitle = \"臺灣青年來訪\"\ndate = 2026-01-06\nlang = \"zh-Hant\"\n+++\n\n他們在這裡參觀。\n",
    )
    .write("static/css/site.css", "body{}")
    .write("i18n/zh-Hans.toml", "switch = \"繁體\"\npublished = \"发布时间\"\n")
    .write("i18n/zh-Hant.toml", "switch = \"简体\"\npublished = \"發佈時間\"\n")
    .write(
        "templates/base.html",
        BASE,
    )
    .write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1>{{ page.content | safe }}{% endblock main %}",
    )
    .write(
        "templates/section.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ section.title }}</h1>{% for p in section.pages %}<a href=\"{{ p.permalink }}\">{{ p.title }}</a>{% endfor %}{% endblock main %}",
    )
    .write("templates/index.html", "{% extends \"base.html\" %}{% block main %}<h1>{{ section.title }}</h1>{% endblock main %}");
    site
}

#[test]
fn the_whole_site_is_also_built_in_traditional_under_zh_hant() {
    let site = site();
    site.build();
    let page = site.output("zh-hant/news/fazhan/index.html");
    assert_contains(&page, "<html lang=\"zh-Hant\">");
    assert_contains(&page, "<h1>科學技術協會發展規劃</h1>");
    assert_contains(&page, "頭髮與發展");
    // Menus and theme strings (from i18n/zh-Hant.toml) are Traditional too.
    assert_contains(&page, ">新聞發佈</a>");
    assert_contains(&page, "發佈時間");
    // Links to pages stay on the Traditional side; files are shared.
    assert_contains(
        &page,
        "href=\"https://kx.example.org/zh-hant/news/taiwan/\"",
    );
    assert_contains(&page, "href=\"https://kx.example.org/css/site.css\"");
    let list = site.output("zh-hant/news/index.html");
    assert_contains(
        &list,
        "href=\"https://kx.example.org/zh-hant/news/fazhan/\"",
    );
    // The Simplified side is unchanged.
    let simplified = site.output("news/fazhan/index.html");
    assert_contains(&simplified, "<html lang=\"zh-Hans\">");
    assert_contains(&simplified, "头发与发展");
    assert_contains(&simplified, "href=\"https://kx.example.org/news/taiwan/\"");
    // Feeds are copied; the sitemap is the site's own.
    assert!(site.output_exists("zh-hant/atom.xml"));
    assert!(!site.output_exists("zh-hant/sitemap.xml"));
    // The copied site feed links to the Traditional home page, a reader's way back.
    assert_contains(
        &site.output("zh-hant/atom.xml"),
        "<link href=\"https://kx.example.org/zh-hant/\"/>",
    );
    assert_contains(
        &site.output("atom.xml"),
        "<link href=\"https://kx.example.org/\"/>",
    );
    assert!(!site.output_exists("zh-hant/css/site.css"));
}

#[test]
fn every_page_links_to_itself_in_the_other_script() {
    let site = site();
    site.build();
    let simplified = site.output("news/fazhan/index.html");
    assert_contains(
        &simplified,
        "<a class=\"switch\" href=\"https://kx.example.org/zh-hant/news/fazhan/\" hreflang=\"zh-Hant\" translate=\"no\">繁體</a>",
    );
    let traditional = site.output("zh-hant/news/fazhan/index.html");
    assert_contains(
        &traditional,
        "<a class=\"switch\" href=\"https://kx.example.org/news/fazhan/\" hreflang=\"zh-Hans\" translate=\"no\">简体</a>",
    );
    for html in [&simplified, &traditional] {
        assert_contains(
            html,
            "<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"https://kx.example.org/news/fazhan/\">",
        );
        assert_contains(
            html,
            "<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://kx.example.org/zh-hant/news/fazhan/\">",
        );
    }
    let home = site.output("zh-hant/index.html");
    assert_contains(
        &home,
        "href=\"https://kx.example.org/\" hreflang=\"zh-Hans\"",
    );
}

#[test]
fn a_page_written_in_traditional_is_kept_as_written_there_and_simplified_here() {
    let site = site();
    site.build();
    let simplified = site.output("news/taiwan/index.html");
    assert_contains(&simplified, "<html lang=\"zh-Hans\">");
    assert_contains(&simplified, "<h1>台湾青年来访</h1>");
    assert_contains(&simplified, "他们在这里参观");
    // 裡 → 里 → 裏 by conversion; the Traditional side shows the author's 裡.
    let traditional = site.output("zh-hant/news/taiwan/index.html");
    assert_contains(&traditional, "<h1>臺灣青年來訪</h1>");
    assert_contains(&traditional, "他們在這裡參觀");
    assert_not_contains(&traditional, "這裏");
    assert_contains(&site.output("news/index.html"), ">台湾青年来访</a>");
}

#[test]
fn without_the_key_there_is_no_copy_and_no_switch() {
    let site = site();
    site.write(
        "site-config.toml",
        "base_url = \"https://kx.example.org\"\ntitle = \"科学技术协会\"\ntaxonomies = []\n",
    );
    site.build();
    assert!(!site.output_exists("zh-hant/index.html"));
    let page = site.output("news/fazhan/index.html");
    assert_not_contains(&page, "hreflang");
    // A Traditional page is then shown as written.
    assert_contains(
        &site.output("news/taiwan/index.html"),
        "<html lang=\"zh-Hant\">",
    );
}

#[test]
fn theme_strings_follow_the_default_language_and_unknown_keys_fail() {
    let site = site();
    site.write(
        "site-config.toml",
        "base_url = \"https://kx.example.org\"\ntitle = \"科协\"\ntaxonomies = []\ndefault_language = \"en\"\n",
    )
    .write("i18n/en.toml", "switch = \"繁體\"\npublished = \"Published\"\n");
    site.build();
    assert_contains(
        &site.output("news/fazhan/index.html"),
        "<p class=\"label\">Published</p>",
    );

    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}{% block main %}{{ trans(key=\"nope\") }}{% endblock main %}",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "no string `nope`");
    assert_contains(&stderr, "i18n/en.toml");
}

#[test]
fn a_broken_strings_file_is_an_error_with_its_line() {
    let site = site();
    site.write(
        "i18n/zh-Hans.toml",
        "switch = \"繁體\"\npublished = 发布时间\n",
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "E0405");
    assert_contains(&stderr, "i18n/zh-Hans.toml:2");
}

#[test]
fn every_string_the_default_theme_asks_for_is_in_each_language_file() {
    let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/portal");
    let mut keys = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(theme.join("templates")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for part in text.split("trans(key=\"").skip(1) {
            keys.insert(part.split('"').next().unwrap().to_owned());
        }
        // `trans(key="level_" ~ level)` in macros.html
        for level in [
            "national",
            "province",
            "city",
            "county",
            "township",
            "society",
            "enterprise",
            "park",
            "university",
        ] {
            keys.insert(format!("level_{level}"));
        }
    }
    keys.remove("level_");
    keys.remove("taxonomy_");
    keys.extend(["taxonomy_tags".to_owned(), "taxonomy_categories".to_owned()]);
    assert!(keys.len() > 50, "{keys:?}");
    for lang in ["zh-Hans", "zh-Hant", "en"] {
        let file = theme.join(format!("i18n/{lang}.toml"));
        let table: toml::Table = std::fs::read_to_string(&file).unwrap().parse().unwrap();
        let missing: Vec<&String> = keys.iter().filter(|k| !table.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang}.toml lacks {missing:?}");
    }
}

/// Every value of attribute `name` in `html`, in order.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let value = &html[at + needle.len()..];
            &value[..value.find('"').unwrap_or(value.len())]
        })
        .collect()
}

#[test]
fn the_copy_converts_words_and_keeps_ids_urls_and_classes() {
    let site = site();
    site.write(
        "content/news/fazhan.md",
        "+++\ntitle = \"科学技术协会发展规划\"\ndate = 2026-01-05\n+++\n\n## 发展规划\n\n头发与发展，见[另一篇](@/news/taiwan.md \"后台\")。\n\n![头发与发展](fazhan.png)\n\n```rust\nlet 发展 = \"头发\";\n```\n",
    );
    site.build();
    let simplified = site.output("news/fazhan/index.html");
    let traditional = site.output("zh-hant/news/fazhan/index.html");
    for name in ["id", "class", "src"] {
        let kept = attribute_values(&simplified, name);
        assert!(
            !kept.is_empty() || name == "src",
            "no {name} in {simplified}"
        );
        assert_eq!(attribute_values(&traditional, name), kept, "{name}");
    }
    // Links: as written, or moved under /zh-hant/ (pages), or back out (the switch).
    let links = attribute_values(&simplified, "href");
    let copied = attribute_values(&traditional, "href");
    assert_eq!(copied.len(), links.len());
    for (copied, link) in copied.iter().zip(&links) {
        let moved = link.replace("kx.example.org/", "kx.example.org/zh-hant/");
        let back = link.replace("/zh-hant/", "/");
        assert!(
            [*link, &moved, &back].contains(copied),
            "{copied} for {link}"
        );
    }
    assert_contains(
        &traditional,
        "href=\"https://kx.example.org/zh-hant/news/taiwan/\" title=\"後臺\"",
    );
    // Words people read are converted: text, titles, alt text, code.
    assert_contains(&traditional, "<h2 id=\"");
    assert_contains(&traditional, ">發展規劃</h2>");
    assert_contains(&traditional, "alt=\"頭髮與發展\"");
    assert_contains(&traditional, "發展");
    assert_not_contains(&traditional, "头发");
}

#[test]
fn the_copy_uses_the_zh_hant_strings_of_the_site() {
    let site = site();
    site.write(
        "i18n/zh-Hans.toml",
        "switch = \"繁體\"\npublished = \"发布时间\"\n",
    )
    .write(
        "i18n/zh-Hant.toml",
        "switch = \"简体\"\npublished = \"刊登時間\"\n",
    );
    site.build();
    assert_contains(
        &site.output("zh-hant/news/fazhan/index.html"),
        "<p class=\"label\">刊登時間</p>",
    );
    assert_contains(
        &site.output("news/fazhan/index.html"),
        "<p class=\"label\">发布时间</p>",
    );
}

/// A notice written in Traditional ends in its 落款 (「廣西壯族自治區科學技術協會」, then the
/// date) as one written in Simplified does: both copies mark it for the theme to
/// right-align.
#[test]
fn a_notice_written_in_traditional_has_its_signature_marked_in_both_copies() {
    let site = site();
    site.write(
        "content/news/taiwan.md",
        "+++\ntitle = \"關於舉辦培訓班的通知\"\ndate = 2026-01-06\nlang = \"zh-Hant\"\n+++\n\n現將有關事項通知如下。\n\n廣西壯族自治區科學技術協會\n二〇二六年一月六日\n",
    );
    site.build();
    assert_contains(
        &site.output("zh-hant/news/taiwan/index.html"),
        "<p class=\"signature\">廣西壯族自治區科學技術協會<br />\n二〇二六年一月六日</p>",
    );
    assert_contains(
        &site.output("news/taiwan/index.html"),
        "<p class=\"signature\">广西壮族自治区科学技术协会<br />\n二〇二六年一月六日</p>",
    );
}

/// The `data-qr` text of the QR code in `html`, and the code's drawing.
fn qr_code(html: &str) -> (String, String) {
    let start = html.find("<svg").expect("a QR code");
    let end = start + html[start..].find("</svg>").expect("the code's end");
    let svg = &html[start..end];
    let text = attribute_values(svg, "data-qr")[0].to_owned();
    let drawing = attribute_values(svg, "d")[0].to_owned();
    (text, drawing)
}

#[test]
fn the_qr_code_of_a_traditional_page_opens_that_page() {
    let site = site();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1>{{ qr_svg(text=page.permalink, label=\"手机扫码阅读本文\") }}{% endblock main %}",
    );
    site.build();
    let (text, drawing) = qr_code(&site.output("news/fazhan/index.html"));
    assert_eq!(text, "https://kx.example.org/news/fazhan/");
    let traditional = site.output("zh-hant/news/fazhan/index.html");
    let (copied_text, copied_drawing) = qr_code(&traditional);
    assert_eq!(copied_text, "https://kx.example.org/zh-hant/news/fazhan/");
    assert_ne!(
        copied_drawing, drawing,
        "the code is drawn again for the new address"
    );
    assert_contains(&traditional, "aria-label=\"手機掃碼閱讀本文\"");
}
