//! Templates from a hostile or careless theme (issue #25, finding 7; issue #26, item 7):
//! `render_raw_html = false` holds in the `markdown` filter; macros that never stop and
//! templates that extend each other in a loop are errors naming the chain, with exit
//! code 1, never a stack overflow that aborts the build or the preview; and a site
//! template extends the theme's file it overrides as Zola writes it.

use std::time::Duration;

use crate::serve_http::{Events, Server};
use crate::support::{MINIMAL_CONFIG, Site, assert_contains, assert_not_contains};

const SCRIPT: &str = "<script>alert(1)</script>";

#[test]
fn render_raw_html_off_holds_in_the_markdown_filter() {
    let page = format!(
        "+++\ntitle = \"原始HTML\"\n[extra]\nintro = \"导语 {SCRIPT}\"\n+++\n\
         {{% notice() %}}\n提示 {SCRIPT} <img src=x onerror=alert(2)>\n{{% end %}}\n"
    );
    let make = |raw_html: bool| {
        let site = Site::minimal();
        site.write(
            "site-config.toml",
            &format!("{MINIMAL_CONFIG}[markdown]\nrender_raw_html = {raw_html}\n"),
        );
        site.write(
            "templates/shortcodes/notice.html",
            "<aside>{{ body | markdown | safe }}</aside>",
        );
        site.write(
            "templates/page.html",
            "<main>{{ page.extra.intro | markdown(inline=true) | safe }}{{ page.content | safe }}</main>",
        );
        site.write("content/a.md", &page);
        site.build();
        site.output("a/index.html")
    };
    let escaped = make(false);
    assert_not_contains(&escaped, "<script>");
    assert_not_contains(&escaped, "<img");
    assert_contains(&escaped, "导语 &lt;script&gt;alert(1)&lt;/script&gt;");
    assert_contains(&escaped, "提示 &lt;script&gt;alert(1)&lt;/script&gt;");
    // The switch is what decides: with raw HTML on, both pass through.
    let kept = make(true);
    assert_eq!(kept.matches(SCRIPT).count(), 2, "{kept}");
}

/// A site whose page template calls `macro_call`, with `macros` as `macros.html`.
fn macro_site(macros: &str, macro_call: &str) -> Site {
    let site = Site::minimal();
    site.write("templates/macros.html", macros);
    site.write(
        "templates/page.html",
        &format!("{{% import \"macros.html\" as m %}}<main>{{{{ {macro_call} }}}}</main>"),
    );
    site.write("content/a.md", "+++\ntitle = \"一\"\n+++\n正文。\n");
    site.write("content/b.md", "+++\ntitle = \"二\"\n+++\n正文。\n");
    site
}

const ENDLESS_MACROS: &[(&str, &str, &str)] = &[
    (
        "a base case that is never reached",
        "{% macro up(n) %}<i>{% if n > 0 %}{{ self::up(n=n + 1) }}{% endif %}</i>{% endmacro up %}",
        "macros.html::up → macros.html::up",
    ),
    (
        "two macros calling each other",
        "{% macro ping(n) %}{{ self::pong(n=n) }}{% endmacro ping %}\
         {% macro pong(n) %}{% for i in [1] %}{% if n %}{{ self::ping(n=n) }}{% endif %}{% endfor %}{% endmacro pong %}",
        "macros.html::ping → macros.html::pong → macros.html::ping",
    ),
];

#[test]
fn endless_macros_are_an_error_naming_the_chain_not_a_crash() {
    for (case, macros, chain) in ENDLESS_MACROS {
        let call = if macros.contains("up(") {
            "m::up(n=1)"
        } else {
            "m::ping(n=1)"
        };
        let site = macro_site(macros, call);
        for command in [&["build"][..], &["check"][..]] {
            let run = site.menhu(command);
            assert_eq!(
                run.code, 1,
                "{case}, {command:?}: exit code\n{}",
                run.stderr
            );
            assert_contains(&run.stderr, "error[E0406]: template recursion");
            assert_contains(&run.stderr, chain);
            assert_contains(&run.stderr, "--> templates/macros.html");
            assert_not_contains(&run.stderr, "stack overflow");
            // One diagnostic, not one per page that shows the macro.
            assert_eq!(
                run.stderr.matches("error[E0406]").count(),
                1,
                "{}",
                run.stderr
            );
        }
    }
}

#[test]
fn a_macro_through_an_include_is_bounded_too() {
    let site = macro_site(
        "{% macro tree(n) %}<li>{% include \"node.html\" %}</li>{% endmacro tree %}",
        "m::tree(n=1)",
    );
    site.write(
        "templates/node.html",
        "{% import \"macros.html\" as m %}{{ m::tree(n=1) }}",
    );
    let run = site.menhu(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "error[E0406]: template recursion");
}

#[test]
fn recursion_that_stops_still_renders() {
    let site = macro_site(
        "{% macro down(n) %}{{ n }}{% if n > 0 %},{{ self::down(n=n - 1) }}{% endif %}{% endmacro down %}",
        "m::down(n=60)",
    );
    site.build();
    assert_contains(&site.output("a/index.html"), "60,59,58");
    assert_contains(&site.output("a/index.html"), ",1,0</main>");
}

#[test]
fn the_preview_survives_an_endless_macro_and_keeps_the_last_good_build() {
    let site = macro_site("{% macro one() %}一{% endmacro one %}", "m::one()");
    let server = Server::start(&site);
    let mut events = Events::connect(&server);
    site.write("templates/macros.html", ENDLESS_MACROS[0].1);
    site.write(
        "templates/page.html",
        "{% import \"macros.html\" as m %}<main>{{ m::up(n=1) }}</main>",
    );
    // The two writes may be seen apart: the first alone (the page calling a macro the
    // file no longer has) is another error, reported before the recursion.
    let error = loop {
        let error = events.wait_for("build-error");
        if error.contains("template recursion") {
            break error;
        }
    };
    assert_contains(&error, "macros.html::up");
    std::thread::sleep(Duration::from_millis(200));
    let page = server.get("/a/");
    assert_eq!(page.status, 200);
    assert_contains(&page.body, "<main>一</main>");
}

/// The crash of issue #26: a theme whose `list.html` extends `index.html`, a site
/// `index.html` extending `index.html` (meaning the theme's) and a site `section.html`
/// extending the theme's `list.html`.
fn extends_site(site_index: &str) -> Site {
    let site = Site::empty();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}theme = \"portal\"\ntaxonomies = []\n"),
    );
    site.write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n");
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write("content/news/a.md", "+++\ntitle = \"一\"\n+++\n正文。\n");
    site.write(
        "themes/portal/templates/base.html",
        "<html><body>{% block main %}{% endblock main %}</body></html>",
    );
    site.write(
        "themes/portal/templates/index.html",
        "{% extends \"base.html\" %}{% block main %}<h1>主题首页</h1>{% block extra %}{% endblock extra %}{% endblock main %}",
    );
    site.write(
        "themes/portal/templates/list.html",
        "{% extends \"index.html\" %}{% block extra %}<ul>列表</ul>{% endblock extra %}",
    );
    site.write(
        "themes/portal/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ page.title }}{% endblock main %}",
    );
    site.write("templates/index.html", site_index);
    site.write(
        "templates/section.html",
        "{% extends \"list.html\" %}{% block extra %}<p>{{ section.title }}</p>{% endblock extra %}",
    );
    site
}

#[test]
fn an_extends_loop_is_e0406_naming_the_chain() {
    let site = extends_site(
        "{% extends \"index.html\" %}{% block extra %}<p>本站</p>{% endblock extra %}",
    );
    for command in [&["build"][..], &["check"][..]] {
        let run = site.menhu(command);
        assert_eq!(run.code, 1, "{command:?}: exit code\n{}", run.stderr);
        assert_contains(
            &run.stderr,
            "error[E0406]: templates extend each other in a loop: index.html → index.html",
        );
        assert_contains(&run.stderr, "--> templates/index.html");
        assert_contains(&run.stderr, "{% extends \"portal/templates/index.html\" %}");
        assert_not_contains(&run.stderr, "stack overflow");
    }
    // A loop of three, none of them the start of the chain.
    let site = extends_site("{% extends \"base.html\" %}");
    site.write("templates/base.html", "{% extends \"list.html\" %}");
    let run = site.menhu(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "base.html → list.html → index.html → base.html",
    );
}

#[test]
fn a_site_template_extends_the_theme_file_it_overrides() {
    let site = extends_site(
        "{% extends \"portal/templates/index.html\" %}{% block extra %}<p>本站</p>{% endblock extra %}",
    );
    site.build();
    let home = site.output("index.html");
    assert_contains(&home, "<h1>主题首页</h1><p>本站</p>");
    // The section extends the theme's list.html, which extends `index.html`: the
    // site's, which extends the theme's.
    let news = site.output("news/index.html");
    assert_contains(&news, "<h1>主题首页</h1><p>新闻</p>");
}
