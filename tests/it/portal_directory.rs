//! Organizations: Markdown org pages and `[[directories]]` tables (CSV and TOML), the
//! parent/child tree, pages naming an organization, row errors; series; related
//! articles; menus and breadcrumbs.

use crate::support::*;

const PAGE: &str = "<main><h1>{{ page.title }}</h1>\
<p class=\"crumbs\">{% for c in breadcrumbs %}{% if c.permalink %}<a href=\"{{ c.permalink }}\">{{ c.title }}</a>{% else %}{{ c.title }}{% endif %}{% if not loop.last %} » {% endif %}{% endfor %}</p>\
{% if page.series_info %}<p class=\"series\">{{ page.series_info.title_label }}|prev={% if page.series_info.previous %}{{ page.series_info.previous.title }}{% endif %}|next={% if page.series_info.next %}{{ page.series_info.next.title }}{% endif %}</p>{% endif %}\
{% if page.org %}<p class=\"org\">{{ page.org.level }}|{{ page.org.parent_permalink }}|{% for c in page.org.children %}{{ c.title }};{% endfor %}|news:{% for n in page.org.news %}{{ n.title }};{% endfor %}</p>{% endif %}\
{% if page.org_page %}<p class=\"names\">{{ page.org_page.title }}</p>{% endif %}\
<ol class=\"related\">{% for r in page.related %}<li>{{ r.title }}</li>{% endfor %}</ol>\
<nav>{% for m in menus.main %}<a{% if m.current %} aria-current=\"page\"{% elif m.active %} class=\"active\"{% endif %} href=\"{{ m.url }}\">{{ m.title }}</a>{% for c in m.children %}<a{% if c.current %} aria-current=\"page\"{% endif %} href=\"{{ c.url }}\">{{ c.title }}</a>{% endfor %}{% endfor %}</nav></main>";

fn site() -> Site {
    let site = Site::minimal();
    site.write("templates/page.html", PAGE);
    site.write("templates/series.html", "<main>{% for p in series.pages %}<li>{{ p.series_number }}:{{ p.title }}</li>{% endfor %}</main>");
    site.write(
        "templates/org_list.html",
        "<main>{% for o in orgs %}{{ o.title }}({{ o.level }},{{ o.city }});{% endfor %}</main>",
    );
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\nsort_by = \"title\"\n+++\n",
    );
    site.write(
        "content/orgs/gx.md",
        "+++\ntitle = \"广西壮族自治区科学技术协会\"\nlevel = \"province\"\nregion = \"广西\"\n+++\n",
    );
    site
}

const ORGS_CSV: &str = "title,slug,level,region,parent,members\n\
梧州市科学技术协会,wuzhou-kexie,city,梧州市,广西壮族自治区科学技术协会,42\n\
藤县科学技术协会,tengxian-kexie,county,藤县,梧州市科学技术协会,18\n";

fn with_csv(site: &Site, csv: &str) {
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[directories]]\nfile = \"data/orgs.csv\"\nsection = \"orgs\"\n"),
    );
    site.write("data/orgs.csv", csv);
}

#[test]
fn csv_rows_become_org_pages_in_the_tree() {
    let site = site();
    with_csv(&site, ORGS_CSV);
    site.write("content/news/_index.md", "+++\ntitle = \"新闻中心\"\n+++\n");
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"梧州市科协换届\"\ndate = 2025-01-01\norg = \"梧州市科学技术协会\"\n+++\n",
    );
    site.build();
    let wuzhou = site.output("orgs/wuzhou-kexie/index.html");
    assert_contains(
        &wuzhou,
        "city|https://kx.example.org/orgs/gx/|藤县科学技术协会;|news:梧州市科协换届;",
    );
    let gx = site.output("orgs/gx/index.html");
    assert_contains(&gx, "|梧州市科学技术协会;|");
    assert_contains(
        &site.output("news/a/index.html"),
        "<p class=\"names\">梧州市科学技术协会</p>",
    );
    let index = site.output("orgs/index.html");
    assert_contains(&index, "藤县科学技术协会(county,梧州市);");
}

#[test]
fn toml_tables_become_org_pages() {
    let site = site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[directories]]\nfile = \"data/orgs.toml\"\n"),
    );
    site.write(
        "data/orgs.toml",
        "[[orgs]]\ntitle = \"广西农学会\"\nslug = \"nongxuehui\"\nlevel = \"society\"\nparent = \"广西壮族自治区科学技术协会\"\n",
    );
    site.build();
    assert_contains(
        &site.output("orgs/nongxuehui/index.html"),
        "society|https://kx.example.org/orgs/gx/|",
    );
}

#[test]
fn a_bad_csv_row_names_file_row_and_column() {
    let site = site();
    with_csv(
        &site,
        "title,level,members\n梧州市科协,city,42\n藤县科协,county,十八\n",
    );
    let stderr = site.build_fails();
    assert_contains(
        &stderr,
        "error[E0221]: row 3: column `members` 「十八」 is not a number",
    );
    assert_contains(&stderr, "data/orgs.csv:3:");
}

#[test]
fn an_unknown_csv_column_suggests_the_known_one() {
    let site = site();
    with_csv(&site, "title,levle\n梧州市科协,city\n");
    let stderr = site.build_fails();
    assert_contains(&stderr, "unknown column 「levle」");
    assert_contains(&stderr, "data/orgs.csv:1:7");
    assert_contains(&stderr, "did you mean `level`?");
}

#[test]
fn a_directory_needs_its_section() {
    let site = Site::minimal();
    with_csv(&site, ORGS_CSV);
    let stderr = site.build_fails();
    assert_contains(&stderr, "E0222");
    assert_contains(&stderr, "content/orgs/_index.md");
}

fn case(site: &Site, name: &str, title: &str, date: &str, number: u32) {
    site.write(
        &format!("content/cases/{name}.md"),
        &format!("+++\ntitle = \"{title}\"\ndate = {date}\nseries = \"科协改革进行时·地方篇\"\nseries_index = {number}\n+++\n正文。\n"),
    );
}

#[test]
fn a_series_is_listed_in_number_order_with_neighbours() {
    let site = site();
    site.write(
        "content/cases/_index.md",
        "+++\ntitle = \"地方案例\"\nsort_by = \"date\"\n+++\n",
    );
    case(&site, "c", "第三篇", "2025-01-01", 3);
    case(&site, "a", "第一篇", "2025-03-01", 1);
    case(&site, "b", "第二篇", "2025-02-01", 2);
    site.build();
    let index = site.output("series/ke-xie-gai-ge-jin-xing-shi-di-fang-pian/index.html");
    assert_contains(
        &index,
        "<li>1:第一篇</li><li>2:第二篇</li><li>3:第三篇</li>",
    );
    assert_contains(
        &site.output("cases/b/index.html"),
        "【地方篇】2|prev=第一篇|next=第三篇",
    );
}

#[test]
fn a_repeated_series_number_is_an_error_and_a_gap_a_warning() {
    let site = site();
    site.write(
        "content/cases/_index.md",
        "+++\ntitle = \"地方案例\"\n+++\n",
    );
    case(&site, "a", "第一篇", "2025-01-01", 1);
    case(&site, "b", "第四篇", "2025-02-01", 4);
    let run = site.build();
    assert_contains(
        &run.stderr,
        "warning[W0330]: content/cases/b.md:5:16: series 「科协改革进行时·地方篇」 has no page numbered 2–3",
    );
    case(&site, "c", "又一篇第四篇", "2025-03-01", 4);
    let stderr = site.build_fails();
    assert_contains(
        &stderr,
        "error[E0330]: series 「科协改革进行时·地方篇」 has two pages numbered 4",
    );
    assert_contains(&stderr, "content/cases/b.md");
}

/// Issue #26: a page of a series without its number is listed last and its neighbours
/// are guessed; the build says so at its `series` line, with the number to add.
#[test]
fn a_series_page_without_its_number_is_a_warning() {
    let site = site();
    site.write(
        "content/cases/_index.md",
        "+++\ntitle = \"地方案例\"\n+++\n",
    );
    case(&site, "a", "第一篇", "2025-01-01", 1);
    case(&site, "b", "第二篇", "2025-02-01", 2);
    site.write(
        "content/cases/c.md",
        "+++\ntitle = \"没有编号\"\ndate = 2025-03-01\nseries = \"科协改革进行时·地方篇\"\n+++\n正文。\n",
    );
    let run = site.build();
    assert_eq!(run.stderr.matches("W0331").count(), 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "warning[W0331]: content/cases/c.md:4:10: page of the series 「科协改革进行时·地方篇」 has no `series_index`",
    );
    assert_contains(&run.stderr, "add `series_index = 3` below `series`");
}

/// Issue #26: each row's problem is reported at that row and the column of its cell
/// (four unknown parents used to be reported at one place of the made-up front matter).
#[test]
fn directory_problems_point_at_their_row_and_cell() {
    let site = site();
    let rows: Vec<String> = (1..=4)
        .map(|i| format!("第{i}科协,org-{i},society,梧州市,不存在的上级{i},10"))
        .collect();
    with_csv(
        &site,
        &format!(
            "title,slug,level,region,parent,members\n{}\n第五科协,org-5,societi,梧州市,,5\n",
            rows.join("\n")
        ),
    );
    let stderr = site.build_fails();
    for i in 1..=4 {
        // Row i is line i + 1; the parent cell starts after four fields.
        let column = format!("第{i}科协,org-{i},society,梧州市,").chars().count() + 1;
        assert_contains(
            &stderr,
            &format!(
                "warning[W0320]: data/orgs.csv:{}:{column}: parent organization 「不存在的上级{i}」",
                i + 1
            ),
        );
    }
    // An unknown level is an error at its own cell.
    assert_contains(&stderr, "unknown organization level 「societi」");
    assert_contains(&stderr, "--> data/orgs.csv:6:12");
}

#[test]
fn related_articles_prefer_shared_series_city_and_tags() {
    let site = site();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻中心\"\n+++\n");
    let page = |name: &str, title: &str, date: &str, extra: &str| {
        site.write(
            &format!("content/news/{name}.md"),
            &format!("+++\ntitle = \"{title}\"\ndate = {date}\n{extra}\n+++\n"),
        );
    };
    page(
        "a",
        "甲",
        "2025-01-10",
        "city = \"梧州\"\ntags = [\"科普\", \"学会\"]",
    );
    page(
        "b",
        "乙同城同标签",
        "2025-01-01",
        "city = \"梧州市\"\ntags = [\"科普\"]",
    );
    page("c", "丙同省", "2025-01-09", "city = \"南宁\"");
    page(
        "d",
        "丁两个标签",
        "2025-01-08",
        "tags = [\"科普\", \"学会\"]",
    );
    page(
        "e",
        "戊无关",
        "2025-01-10",
        "city = \"北京\"\ntags = [\"党建\"]",
    );
    page("f", "己一个标签", "2025-01-11", "tags = [\"学会\"]");
    site.build();
    let html = site.output("news/a/index.html");
    assert_contains(
        &html,
        "<ol class=\"related\"><li>乙同城同标签</li><li>丁两个标签</li><li>丙同省</li><li>己一个标签</li><li>广西壮族自治区科学技术协会</li></ol>",
    );
}

#[test]
fn related_articles_respect_the_limit() {
    let site = site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[related]\nlimit = 1\n"),
    );
    site.write("content/news/_index.md", "+++\ntitle = \"新闻中心\"\n+++\n");
    for (name, date) in [
        ("a", "2025-01-01"),
        ("b", "2025-01-02"),
        ("c", "2025-01-05"),
    ] {
        site.write(
            &format!("content/news/{name}.md"),
            &format!("+++\ntitle = \"{name}\"\ndate = {date}\ntags = [\"科普\"]\n+++\n"),
        );
    }
    site.build();
    assert_contains(
        &site.output("news/a/index.html"),
        "<ol class=\"related\"><li>b</li></ol>",
    );
}

#[test]
fn breadcrumbs_and_menus_mark_where_the_page_is() {
    let site = site();
    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}[[menus]]\ntitle = \"首页\"\nurl = \"/\"\n\n[[menus]]\ntitle = \"新闻中心\"\nurl = \"@/news/_index.md\"\nchildren = [{{ title = \"特别关注\", url = \"@/news/tbgz/_index.md\" }}]\n"
        ),
    );
    site.write("content/news/_index.md", "+++\ntitle = \"新闻中心\"\n+++\n");
    site.write(
        "content/news/tbgz/_index.md",
        "+++\ntitle = \"特别关注\"\n+++\n",
    );
    site.write(
        "content/news/tbgz/x.md",
        "+++\ntitle = \"科普周启动\"\n+++\n",
    );
    site.build();
    let html = site.output("news/tbgz/x/index.html");
    assert_contains(
        &html,
        "<a href=\"https://kx.example.org/\">首页</a> » <a href=\"https://kx.example.org/news/\">新闻中心</a> » <a href=\"https://kx.example.org/news/tbgz/\">特别关注</a> » 科普周启动",
    );
    assert_contains(
        &html,
        "<a class=\"active\" href=\"https://kx.example.org/news/\">新闻中心</a><a href=\"https://kx.example.org/news/tbgz/\">特别关注</a>",
    );
    assert_contains(
        &html,
        "<a href=\"https://kx.example.org/\">首页</a><a class",
    );
}

#[test]
fn a_menu_link_to_missing_content_is_an_error_at_the_config_line() {
    let site = site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[menus]]\ntitle = \"新闻\"\nurl = \"@/xinwen/_index.md\"\n"),
    );
    let stderr = site.build_fails();
    assert_contains(&stderr, "error[E0340]");
    assert_contains(&stderr, "site-config.toml:5:7");
}

#[test]
fn an_unknown_org_level_is_an_error_and_an_unknown_parent_a_warning() {
    let site = site();
    site.write(
        "content/orgs/a.md",
        "+++\ntitle = \"某县科协\"\nlevel = \"contry\"\nparent = \"广西科协\"\n+++\n",
    );
    let stderr = site.build_fails();
    assert_contains(
        &stderr,
        "error[E0320]: unknown organization level 「contry」",
    );
    assert_contains(&stderr, "--> content/orgs/a.md:3:9");
    assert_contains(&stderr, "did you mean `county`?");
    site.write(
        "content/orgs/a.md",
        "+++\ntitle = \"某县科协\"\nlevel = \"county\"\nparent = \"广西壮族自治区科协\"\n+++\n",
    );
    let run = site.build();
    assert_contains(&run.stderr, "W0320");
    assert_contains(&run.stderr, "「广西壮族自治区科学技术协会」");
}
