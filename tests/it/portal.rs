//! The portal model through real builds: city and province pages with their counties'
//! content, region errors (ambiguous, unknown with suggestions), custom regions, the
//! URL prefix of region pages against a taxonomy of the same name, organization tables
//! (CSV rows and their errors), series order and numbering, related articles, menus and
//! breadcrumbs.

use crate::support::*;

const PORTAL_TEMPLATES: &[(&str, &str)] = &[
    (
        "templates/page.html",
        "<main><h1>{{ page.title }}</h1>\
         <p class=\"crumbs\">{% for c in breadcrumbs %}{{ c.title }}{% if not loop.last %} » {% endif %}{% endfor %}</p>\
         {% if page.region %}<p class=\"region\">{{ page.region.full_name }}|{{ page.region.level }}|{% if page.region.city %}{{ page.region.city.permalink }}{% endif %}</p>{% endif %}\
         {% if page.series_info %}<p class=\"series\">{{ page.series_info.title_label }}|prev={% if page.series_info.previous %}{{ page.series_info.previous.title }}{% endif %}|next={% if page.series_info.next %}{{ page.series_info.next.title }}{% endif %}</p>{% endif %}\
         {% if page.org %}<p class=\"org\">{{ page.org.level }}|{{ page.org.parent_permalink }}|{% for c in page.org.children %}{{ c.title }};{% endfor %}|news:{% for n in page.org.news %}{{ n.title }};{% endfor %}</p>{% endif %}\
         <ol class=\"related\">{% for r in page.related %}<li>{{ r.title }}</li>{% endfor %}</ol></main>",
    ),
    (
        "templates/city.html",
        "<main><h1>{{ city.name }}</h1>{% for c in breadcrumbs %}{{ c.title }}/{% endfor %}|{% for p in paginator.pages %}<a>{{ p.title }}</a>{% endfor %}|orgs:{% for o in city.orgs %}{{ o.title }};{% endfor %}|counties:{% for c in city.counties %}{{ c.name }};{% endfor %}</main>",
    ),
    (
        "templates/cities.html",
        "<main>{% for p in provinces %}[{{ p.name }}:{% for c in p.cities %}{{ c.short }}={{ c.permalink }};{% endfor %}]{% endfor %}|hot:{% for c in hot_cities %}{{ c.short }};{% endfor %}</main>",
    ),
    (
        "templates/province.html",
        "<main><h1>{{ province.name }}</h1>{% for c in province.cities %}{{ c.name }};{% endfor %}</main>",
    ),
    (
        "templates/series.html",
        "<main><h1>{{ series.name }}</h1>{% for p in series.pages %}<li>{{ p.series_number }}:{{ p.title }}</li>{% endfor %}</main>",
    ),
];

fn portal_site() -> Site {
    let site = Site::minimal();
    for (path, text) in PORTAL_TEMPLATES {
        site.write(path, text);
    }
    site.write(
        "content/news/_index.md",
        "+++\ntitle = \"新闻中心\"\nsort_by = \"date\"\n+++\n",
    );
    site
}

fn news(site: &Site, name: &str, title: &str, date: &str, extra: &str) {
    site.write(
        &format!("content/news/{name}.md"),
        &format!("+++\ntitle = \"{title}\"\ndate = {date}\n{extra}\n+++\n\n正文。\n"),
    );
}

fn main_of(html: &str) -> String {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").map_or(html.len(), |e| e + 7);
    html[start..end].to_owned()
}

#[test]
fn city_pages_list_their_counties_content_newest_first() {
    let site = portal_site();
    news(
        &site,
        "a",
        "梧州市科协召开全委会",
        "2025-01-10",
        "city = \"梧州\"",
    );
    news(
        &site,
        "b",
        "藤县开展科普赶集",
        "2025-03-01",
        "city = \"广西壮族自治区梧州市藤县\"",
    );
    news(
        &site,
        "c",
        "朝阳区科普日活动",
        "2025-02-01",
        "city = \"北京市朝阳区\"",
    );
    news(
        &site,
        "d",
        "防城区学会服务站揭牌",
        "2024-12-01",
        "region = \"防城港市防城区\"",
    );
    site.build();
    let wuzhou = main_of(&site.output("cities/wuzhou/index.html"));
    assert_contains(&wuzhou, "<h1>梧州市</h1>");
    assert_contains(
        &wuzhou,
        "|<a>藤县开展科普赶集</a><a>梧州市科协召开全委会</a>|",
    );
    assert_contains(&wuzhou, "counties:藤县;");
    assert_contains(&wuzhou, "首页/城市/广西壮族自治区/梧州市/");
    let beijing = main_of(&site.output("cities/beijing/index.html"));
    assert_contains(&beijing, "朝阳区科普日活动");
    let index = main_of(&site.output("cities/index.html"));
    assert_contains(
        &index,
        "[广西壮族自治区:梧州=https://kx.example.org/cities/wuzhou/;防城港=https://kx.example.org/cities/fangchenggang/;]",
    );
    assert!(index.starts_with("<main>[北京市:北京="), "{index}");
    let guangxi = main_of(&site.output("cities/guangxi/index.html"));
    assert_contains(&guangxi, "梧州市;防城港市;");
    assert!(site.output_exists("cities/wuzhou/atom.xml"));
    assert_contains(&site.output("cities/wuzhou/atom.xml"), "藤县开展科普赶集");
    let sitemap = site.output("sitemap.xml");
    for url in ["cities/", "cities/wuzhou/", "cities/guangxi/"] {
        assert_contains(
            &sitemap,
            &format!("<loc>https://kx.example.org/{url}</loc>"),
        );
    }
    assert_contains(
        &sitemap,
        "<loc>https://kx.example.org/news/b/</loc><lastmod>2025-03-01</lastmod>",
    );
    let page = main_of(&site.output("news/b/index.html"));
    assert_contains(
        &page,
        "广西壮族自治区梧州市藤县|county|https://kx.example.org/cities/wuzhou/",
    );
}

#[test]
fn city_pages_are_paginated() {
    let site = portal_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}paginate_by = 2\n"),
    );
    for i in 1..=5 {
        news(
            &site,
            &format!("n{i}"),
            &format!("梧州新闻{i}"),
            &format!("2025-01-0{i}"),
            "city = \"梧州市\"",
        );
    }
    site.build();
    assert_contains(
        &site.output("cities/wuzhou/index.html"),
        "<a>梧州新闻5</a><a>梧州新闻4</a>|",
    );
    assert_contains(
        &site.output("cities/wuzhou/page/3/index.html"),
        "<a>梧州新闻1</a>|",
    );
}

#[test]
fn traditional_names_and_custom_regions_resolve() {
    let site = portal_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[regions.custom]]\nname = \"梧州高新技术产业开发区\"\naliases = [\"梧州高新区\"]\nparent = \"梧州市\"\n"),
    );
    news(&site, "a", "廣州科普周", "2025-01-10", "city = \"廣州\"");
    news(
        &site,
        "b",
        "高新区企业科协成立",
        "2025-01-11",
        "region = \"梧州高新区\"",
    );
    site.build();
    assert_contains(&site.output("cities/guangzhou/index.html"), "廣州科普周");
    assert_contains(
        &site.output("cities/wuzhou/index.html"),
        "高新区企业科协成立",
    );
    assert_contains(&site.output("news/b/index.html"), "|custom|");
}

#[test]
fn an_ambiguous_city_lists_the_candidates() {
    let site = portal_site();
    news(&site, "a", "朝阳科普活动", "2025-01-10", "city = \"朝阳\"");
    let stderr = site.build_fails();
    assert_contains(&stderr, "error[E0302]: ambiguous city 「朝阳」");
    assert_contains(&stderr, "--> content/news/a.md:4:8");
    assert_contains(&stderr, "「北京市朝阳区」");
    assert_contains(&stderr, "「辽宁省朝阳市」");
    assert_contains(&stderr, "default_province");
}

#[test]
fn a_default_province_settles_an_ambiguous_name() {
    let site = portal_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[regions]\ndefault_province = \"辽宁\"\n"),
    );
    news(&site, "a", "朝阳科普活动", "2025-01-10", "city = \"朝阳\"");
    site.build();
    assert_contains(&site.output("news/a/index.html"), "辽宁省朝阳市|city|");
    assert_contains(&site.output("cities/chaoyang/index.html"), "朝阳科普活动");
}

#[test]
fn an_unknown_city_suggests_the_homophone() {
    let site = portal_site();
    news(&site, "a", "科技活动", "2025-01-10", "city = \"梧洲\"");
    let stderr = site.build_fails();
    assert_contains(&stderr, "error[E0301]: unknown city 「梧洲」");
    assert_contains(&stderr, "--> content/news/a.md:4:8");
    assert_contains(&stderr, "4 | city = \"梧洲\"");
    assert_contains(&stderr, "did you mean 「梧州」 (广西壮族自治区梧州市)?");
}

#[test]
fn an_unknown_default_province_is_a_config_error() {
    let site = portal_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[regions]\ndefault_province = \"广洗\"\n"),
    );
    news(&site, "a", "科技活动", "2025-01-10", "city = \"梧州\"");
    let stderr = site.build_fails();
    assert_contains(&stderr, "E0303");
    assert_contains(&stderr, "site-config.toml:4:");
    assert_contains(&stderr, "「广西」");
}

#[test]
fn a_site_without_places_gets_no_region_pages() {
    let site = portal_site();
    news(&site, "a", "科技活动", "2025-01-10", "");
    site.build();
    assert!(!site.output_exists("cities/index.html"));
}

#[test]
fn region_pages_never_replace_a_taxonomy_of_the_same_name() {
    let site = portal_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}taxonomies = [{{ name = \"cities\" }}]\n"),
    );
    news(
        &site,
        "a",
        "梧州科技活动",
        "2025-01-10",
        "city = \"梧州\"\n[taxonomies]\ncities = [\"梧州\"]",
    );
    let stderr = site.build_fails();
    assert_contains(
        &stderr,
        "error[E0310]: region pages at `/cities/` would replace the pages of the taxonomy `cities`",
    );
    assert_contains(&stderr, "path = \"diqu\"");

    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}taxonomies = [{{ name = \"cities\" }}]\n[regions]\npath = \"diqu\"\n"
        ),
    );
    site.build();
    assert_contains(&site.output("diqu/wuzhou/index.html"), "梧州科技活动");
    assert_contains(&site.output("cities/wu-zhou/index.html"), "梧州科技活动");
}

#[test]
fn a_taxonomy_named_cities_alone_builds_as_before() {
    let site = portal_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}taxonomies = [{{ name = \"cities\" }}]\n"),
    );
    news(
        &site,
        "a",
        "梧州科技活动",
        "2025-01-10",
        "[taxonomies]\ncities = [\"梧州\"]",
    );
    site.build();
    let files = site.output_files();
    let cities: Vec<&String> = files.iter().filter(|f| f.starts_with("cities/")).collect();
    assert_eq!(cities, ["cities/index.html", "cities/wu-zhou/index.html"]);
}

#[test]
fn every_date_on_the_demo_home_page_says_its_year() {
    // A list of the last twelve months that showed 08-12, 05-30 and then 12-22 (of the
    // year before) read as out of order, or as a date still to come.
    let site = build_demo(8080);
    let home = std::fs::read_to_string(site.path().join("index.html")).expect("home page");
    let shown: Vec<&str> = home
        .split("<time datetime=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once("\">")?.1.split_once("</time>"))
        .map(|(text, _)| text)
        .collect();
    assert!(shown.len() > 10, "{shown:?}");
    for text in shown {
        let year_first = text.len() == 10
            && text.as_bytes()[4] == b'-'
            && text.as_bytes()[7] == b'-'
            && text[..4].bytes().all(|b| b.is_ascii_digit());
        assert!(
            year_first,
            "a date without its year on the home page: {text}"
        );
    }
}
