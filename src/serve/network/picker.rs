//! The site picker at `/` of a network preview: every member with its association,
//! region and folder, linking to its preview at `/<name>/`, in the default theme's
//! colours. A page of the preview's own, in the run's language: one heading per site, a
//! real list, visible focus, text meeting WCAG AA contrast, readable at 390 px.

use std::fmt::Write as _;

use crate::diag::Lang;
use crate::diag::text::Said;
use crate::html_text::escape;
use crate::network::Network;

/// The default theme's colours and type (themes/portal/static/css/portal.css).
const STYLE: &str = "\
:root{--red:#b3141c;--blue:#0b3d7a;--link:#0b4ea2;--text:#1f2329;--muted:#555b63;--line:#d8dce2;--bg:#f4f5f7;--focus:#ffbf00}
*{box-sizing:border-box}
body{margin:0;font-family:\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif;line-height:1.75;color:var(--text);background:var(--bg)}
a{color:var(--link);text-underline-offset:.2em}
a:hover{color:var(--red)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--blue)}
.wrap{max-width:1180px;margin:0 auto;padding:0 1rem}
header{background:#fff;border-top:4px solid var(--red);border-bottom:1px solid var(--line)}
h1{margin:0;padding:1rem 0 .25rem;color:var(--red);font-size:1.625rem;letter-spacing:.05em}
header p{margin:0;padding:0 0 1rem;color:var(--muted)}
main.wrap{padding:1.5rem 1rem 3rem}
ul.sites{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr))}
.site{background:#fff;border:1px solid var(--line);border-top:3px solid var(--blue);border-radius:4px;padding:1rem 1.25rem}
.site h2{margin:0 0 .5rem;font-size:1.125rem;line-height:1.5}
.site dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;font-size:.9375rem}
.site dt{color:var(--muted)}
.site dd{margin:0;word-break:break-all}
.failed{margin:.5rem 0 0;color:var(--red);font-weight:700}
code{font-family:\"SFMono-Regular\",Menlo,Consolas,\"Liberation Mono\",monospace;font-size:.9em}
";

/// The picker: every member of `network`, each marked when `failed` says its last
/// build failed.
pub fn page(network: &Network, failed: &dyn Fn(&str) -> bool, lang: Lang) -> String {
    let title = said(
        lang,
        crate::t!(
            "serve-picker-title",
            network = &network.name,
            count = network.members.len()
        ),
    );
    let mut out = head(&title, lang);
    let _ = write!(
        out,
        "<header><div class=\"wrap\"><h1>{}</h1><p>{}</p></div></header>\n<main class=\"wrap\">\n<ul class=\"sites\" role=\"list\">\n",
        escape(&title),
        escape(&said(lang, crate::t!("serve-picker-intro")))
    );
    let labels = [
        said(lang, crate::t!("serve-picker-region")),
        said(lang, crate::t!("serve-picker-name")),
        said(lang, crate::t!("serve-picker-folder")),
    ];
    for member in &network.members {
        let _ = write!(
            out,
            "<li class=\"site\"><h2><a href=\"/{name}/\">{association}</a></h2>\n<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd><code>{name}</code></dd><dt>{}</dt><dd><code>{}</code></dd></dl>\n",
            escape(&labels[0]),
            escape(&member.region_name),
            escape(&labels[1]),
            escape(&labels[2]),
            escape(&crate::diag::display_path(&member.folder)),
            name = escape(&member.name),
            association = escape(&member.association),
        );
        if failed(&member.name) {
            let text = said(lang, crate::t!("serve-picker-failed"));
            let _ = writeln!(
                out,
                "<p class=\"failed\" role=\"status\">{}</p>",
                escape(&text)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</main>\n</body>\n</html>\n");
    out
}

/// The answer to a path that names no member: a link back to the picker.
pub fn not_found(network: &Network, lang: Lang) -> String {
    let title = said(lang, crate::t!("serve-picker-no-site"));
    let mut out = head(&title, lang);
    let back = said(
        lang,
        crate::t!("serve-picker-back", network = &network.name),
    );
    let _ = write!(
        out,
        "<header><div class=\"wrap\"><h1>{}</h1></div></header>\n<main class=\"wrap\"><p><a href=\"/\">{}</a></p></main>\n</body>\n</html>\n",
        escape(&title),
        escape(&back)
    );
    out
}

fn head(title: &str, lang: Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.tag(),
        escape(title)
    )
}

fn said(lang: Lang, text: Said) -> String {
    text.render(lang).into_owned()
}
