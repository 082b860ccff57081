//! Diagnostics from the editor's chair: every code provoked by a real run (the codes
//! no other test reaches), and the error fixtures read in each language — Simplified,
//! Traditional and English — with the file and line unchanged.

use crate::support::*;

/// A minimal site with a `news` section and one page.
fn news_site() -> Site {
    let site = Site::minimal();
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"甲\"\ndate = 2026-05-01\n+++\n正文\n",
    );
    site
}

/// Runs menhu and asserts that it fails (exit code 1) reporting `code`; returns stderr.
fn fails_with(site: &Site, args: &[&str], code: &str) -> String {
    let run = site.menhu(args);
    assert_eq!(
        run.code, 1,
        "menhu {args:?} should fail with {code}:\n{}",
        run.stderr
    );
    assert_contains(&run.stderr, &format!("[{code}]"));
    run.stderr
}

/// Runs menhu and asserts that it succeeds with a warning `code`.
fn warns_with(site: &Site, args: &[&str], code: &str) {
    let run = site.menhu(args);
    assert_eq!(run.code, 0, "menhu {args:?}:\n{}", run.stderr);
    assert_contains(&run.stderr, &format!("warning[{code}]"));
}

#[test]
fn configuration_codes() {
    let site = news_site();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[regions]\npath = \"di qu\"\n"),
    );
    fails_with(&site, &["build"], "E0108");
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[menus]]\ntitle = \"首页\"\n"),
    );
    fails_with(&site, &["build"], "E0109");
    site.write(
        "site-config.toml",
        &format!("theme = \"nope\"\n{MINIMAL_CONFIG}"),
    );
    fails_with(&site, &["build"], "E0401");
}

#[test]
fn content_and_portal_codes() {
    let site = Site::minimal();
    std::fs::remove_dir_all(site.path("content")).ok();
    fails_with(&site, &["build"], "E0200");

    let site = news_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\ntemplate = \"nope.html\"\n+++\n正文\n",
    );
    fails_with(&site, &["build"], "E0404");

    let site = news_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\n+++\n![](photo.png)\n",
    );
    site.write_bytes("content/news/photo.png", &[]);
    warns_with(&site, &["build"], "W0202");

    let site = news_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\n[taxonomies]\nzhuanti = [\"科普\"]\n+++\n正文\n",
    );
    warns_with(&site, &["build"], "W0301");

    let site = news_site();
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\nseries = \"科普讲堂\"\nseries_index = 1\n+++\n正文\n",
    );
    site.write("content/series.md", "+++\ntitle = \"占用\"\n+++\n正文\n");
    fails_with(&site, &["build"], "E0311");
}

#[test]
fn output_codes() {
    let site = news_site();
    fails_with(&site, &["build", "--output", "content"], "E0501");
}

#[test]
fn init_and_new_codes() {
    let site = news_site();
    fails_with(&site, &["init", site.root().to_str().unwrap()], "E0601");
    fails_with(&site, &["new", "..", "标题"], "E0603");
    fails_with(&site, &["new", "news", "！！！"], "E0604");
    fails_with(&site, &["new", "huodong", "标题"], "E0606");
}

#[test]
fn deploy_codes() {
    let site = news_site();
    fails_with(&site, &["deploy"], "E0805");
    let targets = "[deploy.targets.a]\ntype = \"folder\"\npath = \"/tmp/menhu-never-a\"\n\
                   [deploy.targets.b]\ntype = \"folder\"\npath = \"/tmp/menhu-never-b\"\n";
    site.write("site-config.toml", &format!("{MINIMAL_CONFIG}{targets}"));
    fails_with(&site, &["deploy", "--target", "a"], "E0806");
    site.build();
    fails_with(&site, &["deploy"], "E0807");
    let bucket = "[deploy.targets.oss]\ntype = \"s3\"\nendpoint = \"https://oss-cn-hangzhou.aliyuncs.com\"\n\
                  region = \"cn-hangzhou\"\nbucket = \"kexie-www\"\n";
    site.write("site-config.toml", &format!("{MINIMAL_CONFIG}{bucket}"));
    let run = site.menhu_env(
        &["deploy"],
        &[
            ("MENHU_DEPLOY_ACCESS_KEY_ID", ""),
            ("MENHU_DEPLOY_SECRET_ACCESS_KEY", ""),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "[E0821]");
}

#[test]
fn organization_codes() {
    let site = news_site();
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\n+++\n",
    );
    site.write(
        "content/orgs/kx.md",
        "+++\ntitle = \"梧州市科协\"\nlevel = \"city\"\n+++\n",
    );
    site.write(
        "content/news/b.md",
        "+++\ntitle = \"乙\"\norg = \"不存在的学会\"\n+++\n正文\n",
    );
    warns_with(&site, &["build"], "W0321");
}

/// An error fixture: the files that make it, where it is reported, and what the
/// message says in English and in Simplified Chinese (the Traditional text is the
/// Simplified through OpenCC, as the catalog is).
struct Case {
    files: &'static [(&'static str, &'static str)],
    place: &'static str,
    english: &'static [&'static str],
    chinese: &'static [&'static str],
}

const CONFIG_CASES: &[Case] = &[
    Case {
        files: &[(
            "site-config.toml",
            "base_url = \"https://kx.example.org\"\ntitle = \"测试门户\"\ntitel = \"x\"\n",
        )],
        place: "site-config.toml:3:1",
        english: &[
            "error[E0101]: unknown key `titel`",
            "= help: did you mean `title`?",
        ],
        chinese: &[
            "错误[E0101]：不认识的配置项 `titel`",
            "= 怎样改：是不是要写 `title`？",
        ],
    },
    Case {
        files: &[(
            "site-config.toml",
            "base_url = \"https://kx.example.org\"\ntitle = 某某市科协\n",
        )],
        place: "site-config.toml:2:9",
        english: &["error[E0106]: invalid TOML", "strings need double quotes"],
        chinese: &[
            "错误[E0106]：TOML 语法错误",
            "文字要用英文双引号括起来，例如 `title = \"某某市科协\"`",
        ],
    },
    Case {
        files: &[(
            "site-config.toml",
            "base_url = \"https://kx.example.org\"\ntitle = \"测试门户\"\ntimezone = \"Asia/Shangai\"\n",
        )],
        place: "site-config.toml:3:12",
        english: &[
            "unknown time zone 「Asia/Shangai」",
            "did you mean `timezone = \"Asia/Shanghai\"`?",
        ],
        chinese: &[
            "不认识的时区「Asia/Shangai」",
            "= 应为：IANA 时区名",
            "是不是要写 `timezone = \"Asia/Shanghai\"`？",
        ],
    },
    Case {
        files: &[("site-config.toml", "title = \"测试门户\"\n")],
        place: "site-config.toml",
        english: &[
            "error[E0103]: missing `base_url`",
            "1 error, 0 warnings in 1 file",
        ],
        chinese: &[
            "错误[E0103]：缺少 `base_url`",
            "1 个错误，0 个警告，涉及 1 个文件",
        ],
    },
];

/// `menhu build` on `site` with `args` first, the environment's MENHU_LANG replaced.
fn build_in(site: &Site, args: &[&str], menhu_lang: Option<&str>) -> Run {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_menhu"));
    command
        .arg("--root")
        .arg(site.root())
        .arg("build")
        .args(args);
    command
        .env("NO_COLOR", "1")
        .env_remove("MENHU_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL");
    if let Some(lang) = menhu_lang {
        command.env("MENHU_LANG", lang);
    }
    let output = command.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Each case fails the same way in every language: the same code, file and line, the
/// text in the language chosen by `--lang`, the site (zh-Hans by default) or MENHU_LANG.
fn run_in_every_language(cases: &[Case]) {
    for case in cases {
        let site = Site::minimal();
        for (path, text) in case.files {
            site.write(path, text);
        }
        let runs = [
            (
                build_in(&site, &["--lang", "en"], Some("zh-Hans")),
                case.english
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
            ),
            (
                build_in(&site, &[], None),
                case.chinese.iter().map(|s| s.to_string()).collect(),
            ),
            (
                build_in(&site, &[], Some("zh-Hant")),
                case.chinese
                    .iter()
                    .map(|s| menhu::zh::to_traditional(s))
                    .collect(),
            ),
        ];
        for (run, expected) in runs {
            assert_eq!(run.code, 1, "{}", run.stderr);
            assert_contains(&run.stderr, &format!("--> {}", case.place));
            for text in expected {
                assert_contains(&run.stderr, &text);
            }
        }
    }
}

const NEWS: (&str, &str) = ("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");

const CONTENT_CASES: &[Case] = &[
    Case {
        files: &[NEWS, ("content/news/b.md", "+++\ntitle = \"乙\"\n正文\n")],
        place: "content/news/b.md:1:1",
        english: &["error[E0205]: front matter opened with `+++` is never closed"],
        chinese: &[
            "错误[E0205]：以 `+++` 开始的前置信息没有结束",
            "= 怎样改：在前置信息末尾补一行 `+++`",
        ],
    },
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "+++\ntitle = \"乙\"\ndate = 2026-02-30\n+++\n正文\n",
            ),
        ],
        place: "content/news/b.md:3:8",
        english: &["error[E0207]: invalid date 「2026-02-30」 for `date`"],
        chinese: &[
            "错误[E0207]：`date` 的日期「2026-02-30」写错了",
            "写一个真实的日期，如 2024-05-01",
        ],
    },
    // A day written by hand, with or without quotes: the fix is the date to write.
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "+++\ntitle = \"乙\"\ndate = 2026年12月7日\n+++\n正文\n",
            ),
        ],
        place: "content/news/b.md:3:8",
        english: &[
            "error[E0207]: invalid date 「2026年12月7日」 for `date`",
            "write `2026-12-07`",
        ],
        chinese: &[
            "错误[E0207]：`date` 的日期「2026年12月7日」写错了",
            "= 怎样改：写成 `2026-12-07`",
        ],
    },
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "+++\ntitle = \"乙\"\ndate = 2026-12-7\n+++\n正文\n",
            ),
        ],
        place: "content/news/b.md:3:8",
        english: &[
            "invalid date 「2026-12-7」 for `date`",
            "write `2026-12-07`",
        ],
        chinese: &["= 怎样改：写成 `2026-12-07`"],
    },
    Case {
        files: &[
            NEWS,
            ("content/news/b.md", "+++\ntitle = “乙”\n+++\n正文\n"),
        ],
        place: "content/news/b.md:2:9",
        english: &[
            "error[E0206]: invalid TOML in front matter: the text is between Chinese quotes",
            "`title = \"乙\"`",
        ],
        chinese: &[
            "错误[E0206]：前置信息的 TOML 格式有误：文字两边用了中文引号“”",
            "= 怎样改：文字两边要用英文双引号，改成：`title = \"乙\"`",
        ],
    },
    // A yes or no written as text where `true` or `false` goes: what was written and what
    // goes there, in the editor's language, and the line to write.
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "+++\ntitle = \"乙\"\ndraft = \"否\"\n+++\n正文\n",
            ),
        ],
        place: "content/news/b.md:3:9",
        english: &[
            "error[E0206]: wrong value for `draft`: found string \"否\"",
            "`true` or `false`, without quotes",
            "`draft = false`",
        ],
        chinese: &[
            "错误[E0206]：`draft` 的值不对：写的是文字 \"否\"",
            "= 应为：`true`（是）或 `false`（否），不加引号",
            "= 怎样改：是写 `true`，否写 `false`，不加引号：`draft = false`",
        ],
    },
    // Other syntax errors say their reason in the editor's language, not the parser's.
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "+++\ntitle = \"乙\"\ntags = [\"科普\" \"科技\"]\n+++\n正文\n",
            ),
        ],
        place: "content/news/b.md:3:14",
        english: &[
            "error[E0206]: invalid TOML in front matter: a comma `,` is missing between two items in brackets",
        ],
        chinese: &["错误[E0206]：前置信息的 TOML 格式有误：方括号里的两项之间少了英文逗号 `,`"],
    },
    Case {
        files: &[NEWS, ("content/news/b.md", "+++\ntitle = 乙\n+++\n正文\n")],
        place: "content/news/b.md:2:9",
        english: &["error[E0206]: invalid TOML in front matter: text is not between double quotes"],
        chinese: &["错误[E0206]：前置信息的 TOML 格式有误：文字没有放在英文双引号里"],
    },
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "---\ntitle: 乙\n\tauthor: 李明\n---\n正文\n",
            ),
        ],
        place: "content/news/b.md:3:1",
        english: &["error[E0206]: invalid YAML in front matter: a tab indents a line"],
        chinese: &["错误[E0206]：前置信息的 YAML 格式有误：用了制表符（Tab）缩进，YAML 只能用空格"],
    },
    Case {
        files: &[
            NEWS,
            ("content/news/b.md", "---\ntitle：\"乙\"\n---\n正文\n"),
        ],
        place: "content/news/b.md:2:6",
        english: &[
            "error[E0206]: invalid YAML in front matter: a full-width 「：」 follows the key",
        ],
        chinese: &["= 怎样改：字段名和值之间用英文的 `:`，改成：`title: \"乙\"`"],
    },
    // Typed as in Word: a full-width colon, quotes inside a title.
    Case {
        files: &[NEWS, ("content/news/b.md", "+++\ntitle：“乙”\n+++\n正文\n")],
        place: "content/news/b.md:2:6",
        english: &[
            "error[E0206]: invalid TOML in front matter: a full-width 「：」 follows the key",
        ],
        chinese: &[
            "错误[E0206]：前置信息的 TOML 格式有误：字段名后面用了中文的「：」",
            "= 怎样改：字段名和值之间用英文的 `=`，改成：`title = \"乙\"`",
        ],
    },
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "+++\ntitle = \"关于\"科技之春\"活动的通知\"\n+++\n正文\n",
            ),
        ],
        place: "content/news/b.md:2:13",
        english: &[
            "error[E0206]: invalid TOML in front matter: an ASCII double quote",
            "`title = \"关于“科技之春”活动的通知\"`",
        ],
        chinese: &[
            "错误[E0206]：前置信息的 TOML 格式有误：文字里的英文双引号 `\"` 让文字提前结束了",
            "= 怎样改：文字里面的引号用中文引号“”，改成：",
        ],
    },
    Case {
        files: &[
            NEWS,
            ("content/news/b.md", "+++\ndate = 2026-05-01\n+++\n正文\n"),
        ],
        place: "content/news/b.md",
        english: &[
            "error[E0208]: page has no `title`",
            "add `title = \"…\"` to the front matter",
        ],
        chinese: &[
            "错误[E0208]：稿件没有标题 `title`",
            "在前置信息里加上 `title = \"…\"`",
        ],
    },
];

#[test]
fn content_errors_in_every_language() {
    run_in_every_language(CONTENT_CASES);
}

const MARKDOWN_CASES: &[Case] = &[
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "+++\ntitle = \"乙\"\n+++\n见[通知](@/news/tongzhi.md)。\n",
            ),
        ],
        place: "content/news/b.md:4:2",
        english: &["error[E0210]: internal link `@/news/tongzhi.md` points to no page"],
        chinese: &[
            "错误[E0210]：站内链接 `@/news/tongzhi.md` 指向的稿件不存在",
            "请核对文件名和文件夹",
        ],
    },
    Case {
        files: &[
            NEWS,
            (
                "content/news/b.md",
                "+++\ntitle = \"乙\"\n+++\n正文\n\n{{ shipin(src=\"a.mp4\") }}\n",
            ),
        ],
        place: "content/news/b.md:6:1",
        english: &["error[E0211]: unknown shortcode `shipin`"],
        chinese: &[
            "错误[E0211]：不认识的短代码 `shipin`",
            "templates/shortcodes/shipin.html",
        ],
    },
];

#[test]
fn markdown_errors_in_every_language() {
    run_in_every_language(MARKDOWN_CASES);
}

#[test]
fn configuration_errors_in_every_language() {
    run_in_every_language(CONFIG_CASES);
}

/// `--format json` keeps the English `message` whatever the language, and adds the
/// localised one; the CI parsers read the same fields as before.
#[test]
fn json_keeps_english_and_adds_the_localised_message() {
    let site = Site::minimal();
    site.write("site-config.toml", CONFIG_CASES[0].files[0].1);
    let run = build_in(&site, &["--format", "json"], None);
    let account: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    let d = &account["diagnostics"][0];
    assert_eq!(d["code"], "E0101");
    assert_eq!(d["message"], "unknown key `titel`");
    assert_eq!(d["help"], "did you mean `title`?");
    assert_eq!(d["line"], 3);
    assert_eq!(d["lang"], "zh-Hans");
    assert_eq!(d["message_localized"], "不认识的配置项 `titel`");
    assert_eq!(d["help_localized"], "是不是要写 `title`？");
}

/// `menhu new`'s errors, as the editor meets them first, in the site's language.
#[test]
fn new_page_errors_in_every_language() {
    let site = news_site();
    let new_in = |lang: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_menhu"));
        command
            .arg("--root")
            .arg(site.root())
            .args(["new", "huodong", "年会"]);
        command
            .env_remove("MENHU_LANG")
            .env_remove("LANG")
            .env_remove("LC_ALL");
        if let Some(lang) = lang {
            command.arg("--lang").arg(lang);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    assert_contains(
        &new_in(Some("en")),
        "error[E0606]: there is no section `huodong` in `content/`",
    );
    let chinese = new_in(None);
    assert_contains(&chinese, "错误[E0606]：`content/` 里没有栏目 `huodong`");
    assert_contains(&chinese, "= 应为：以下栏目之一：news");
    assert_contains(
        &new_in(Some("zh-Hant")),
        "錯誤[E0606]：`content/` 裏沒有欄目 `huodong`",
    );
}

/// A site with a `kind = "orgs"` section for `[[directories]]` tables.
fn orgs_site(table: &str, text: &str) -> Site {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!("{MINIMAL_CONFIG}[[directories]]\nfile = \"{table}\"\nsection = \"orgs\"\n"),
    );
    site.write(
        "content/orgs/_index.md",
        "+++\ntitle = \"组织机构\"\nkind = \"orgs\"\nsort_by = \"title\"\n+++\n",
    );
    site.write(table, text);
    site
}

#[test]
fn directory_table_codes_in_both_languages() {
    let site = orgs_site("data/orgs.txt", "梧州市科协\n");
    let stderr = fails_with(&site, &["build"], "E0220");
    assert_contains(
        &stderr,
        "cannot read directory table `data/orgs.txt`: not a `.csv` or `.toml` file",
    );
    let chinese = site.menhu(&["--lang", "zh-Hans", "build"]).stderr;
    assert_contains(
        &chinese,
        "错误[E0220]：读不出名录表格 `data/orgs.txt`：不是 `.csv` 或 `.toml` 文件",
    );

    let site = orgs_site(
        "data/orgs.csv",
        "title,slug,level\n梧州市科学技术协会,gx,city\n",
    );
    site.write(
        "content/orgs/gx.md",
        "+++\ntitle = \"广西壮族自治区科学技术协会\"\nlevel = \"province\"\n+++\n",
    );
    let stderr = fails_with(&site, &["build"], "E0223");
    assert_contains(&stderr, "row 2 would replace the page `orgs/gx.md`");
    assert_contains(&stderr, "--> data/orgs.csv:2:1");
    let chinese = site.menhu(&["--lang", "zh-Hans", "build"]).stderr;
    assert_contains(
        &chinese,
        "错误[E0223]：第 2 行会顶替已有的稿件 `orgs/gx.md`",
    );
}

#[test]
fn a_file_name_that_is_not_unicode_is_named_in_both_languages() {
    use std::os::unix::ffi::OsStrExt;
    let site = news_site();
    let name = std::ffi::OsStr::from_bytes(b"b\xff.md");
    std::fs::write(
        site.path("content/news").join(name),
        "+++\ntitle = \"乙\"\n+++\n",
    )
    .unwrap();
    let stderr = fails_with(&site, &["build"], "E0209");
    assert_contains(&stderr, "file name is not valid Unicode");
    let chinese = site.menhu(&["--lang", "zh-Hans", "build"]).stderr;
    assert_contains(&chinese, "错误[E0209]");
}

#[test]
fn a_template_that_is_not_text_is_e0402() {
    let site = news_site();
    site.write_bytes("templates/page.html", b"<h1>\xb0\xb2\xc8\xab</h1>\0");
    let stderr = fails_with(&site, &["build"], "E0402");
    assert_contains(&stderr, "cannot read template: ");
    assert_contains(&stderr, "--> templates/page.html");
    let chinese = site.menhu(&["--lang", "zh-Hans", "build"]).stderr;
    assert_contains(&chinese, "错误[E0402]：读不出模板：");
    assert_contains(&chinese, "= 怎样改：把模板存为 UTF-8 文本");
}

#[test]
fn init_that_cannot_write_is_e0602() {
    let site = Site::empty();
    site.write("occupied", "a file, not a folder");
    let target = site.path("occupied").join("portal");
    let run = menhu_env(
        site.root(),
        &["init", target.to_str().unwrap()],
        &[("MENHU_LANG", "zh-Hans")],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "错误[E0602]：无法新建 `");
}

#[test]
fn a_bucket_endpoint_that_is_not_an_address_is_e0822() {
    let site = news_site();
    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}[deploy.targets.oss]\ntype = \"s3\"\nendpoint = \"oss 杭州\"\nbucket = \"kx\"\n"
        ),
    );
    site.build();
    let credentials = [
        ("MENHU_DEPLOY_ACCESS_KEY_ID", "id"),
        ("MENHU_DEPLOY_SECRET_ACCESS_KEY", "secret"),
    ];
    let run = site.menhu_env(&["deploy"], &credentials);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, "error[E0822]: endpoint `oss 杭州`: ");
    assert_contains(
        &run.stderr,
        "expected: a URL such as https://oss-cn-hangzhou.aliyuncs.com",
    );
    let run = site.menhu_env(&["--lang", "zh-Hans", "deploy"], &credentials);
    assert_contains(&run.stderr, "错误[E0822]：访问地址 `oss 杭州` 有误：");
}

/// `text` without what stays as the editor wrote it: code spans, 「quoted」 values,
/// `--> file:line` places, the quoted source lines under an error, and addresses.
fn prose_of(text: &str) -> String {
    let mut kept = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let quoted_source = trimmed
            .split_once('|')
            .is_some_and(|(number, _)| number.trim().chars().all(|c| c.is_ascii_digit()));
        if trimmed.starts_with("-->") || quoted_source {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find(['`', '「']) {
            kept.push_str(&rest[..start]);
            let close = if rest[start..].starts_with('`') {
                "`"
            } else {
                "」"
            };
            let after = &rest[start + close.len()..];
            rest = match after.find(close) {
                Some(end) => &after[end + close.len()..],
                None => "",
            };
            kept.push(' ');
        }
        kept.push_str(rest);
        kept.push('\n');
    }
    // Addresses, paths and file names (`site-config.toml:6:17`) are as written.
    let as_written = |word: &str| {
        word.contains(['/', '_'])
            || word
                .split_once('.')
                .is_some_and(|(_, after)| after.starts_with(|c: char| c.is_ascii_alphanumeric()))
    };
    let words = |line: &str| {
        line.split_whitespace()
            .filter(|word| !as_written(word))
            .collect::<Vec<_>>()
            .join(" ")
    };
    kept.lines().map(words).collect::<Vec<_>>().join("\n")
}

/// Runs of three or more English words in the prose of `text`: English sentences.
/// Words belong to one run when only spaces, hyphens, commas and digits part them.
fn english_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in prose_of(text).chars().chain(['\n']) {
        if c.is_ascii_alphabetic() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            current.push(std::mem::take(&mut word));
        }
        if !(c == ' ' || c == '-' || c == ',' || c.is_ascii_digit()) {
            if current.len() >= 3 {
                runs.push(current.join(" "));
            }
            current.clear();
        }
    }
    runs
}

/// Chinese sentence punctuation in the prose of `text`: a Chinese sentence.
fn chinese_prose(text: &str) -> Vec<String> {
    prose_of(text)
        .split_whitespace()
        .filter(|word| word.contains(['，', '。', '：', '；', '？', '、']))
        .map(str::to_owned)
        .collect()
}

/// A site in Chinese with problems at every stage that lets the next one run, so one
/// build warns from the configuration, the content, the portal and the templates, and
/// `check` adds its rules.
fn chinese_site_with_problems() -> Site {
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}default_language = \"zh-Hans\"\n\n[images]\nkeep_location = true\n\n\
             [[check.wording]]\nright = \"科学技术协会\"\nwrong = [\"科学技术学会\"]\n"
        ),
    );
    site.write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n");
    site.write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n");
    site.write(
        "content/news/a.md",
        "+++\ntitle = \"年会召开\"\ndate = 2026-05-01\nauther = \"张三\"\nsource = \"\"\nseries = \"年会\"\n\
         [taxonomies]\ntopics = [\"年会\"]\n+++\n\
         市科学技术学会召开年会。\n\n## 议程\n\n#### 细节\n\n[旧页面](/nowhere/)\n\n![](photo.png)\n",
    );
    site.write_bytes("content/news/photo.png", &[]);
    site.write("static/.env", "SECRET=1\n");
    site
}

/// Runs menhu on `site` in the site's language (no `--lang`, no MENHU_LANG, no LANG).
fn in_site_language(site: &Site, args: &[&str]) -> Run {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_menhu"))
        .arg("--root")
        .arg(site.root())
        .args(args)
        .env_remove("MENHU_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn a_chinese_site_hears_only_chinese_and_lang_en_only_english() {
    let site = chinese_site_with_problems();
    let report = site.path("audit.html");
    let report_arg = report.to_str().unwrap();
    let check = ["check", "--today", "2026-05-02", "--report", report_arg];
    let build = in_site_language(&site, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    for code in ["W0110", "W0201", "W0301", "W0331", "W0202", "W0401"] {
        assert_contains(&build.stderr, &format!("警告[{code}]"));
    }
    let checked = in_site_language(&site, &check);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    for code in ["C0101", "C0105", "C0107", "C0121", "C0301"] {
        assert_contains(&checked.stderr, &format!("[{code}]"));
    }
    let audit = std::fs::read_to_string(&report).unwrap();
    for (what, text) in [
        ("build", &build.stderr),
        ("check", &checked.stderr),
        ("report", &html_text(&audit)),
    ] {
        let english = english_runs(text);
        assert!(
            english.is_empty(),
            "English in {what}: {english:#?}\n{text}"
        );
    }

    let build = in_site_language(&site, &["--lang", "en", "build"]);
    let mut english_check = vec!["--lang", "en"];
    english_check.extend(check);
    let checked = in_site_language(&site, &english_check);
    assert_contains(&build.stderr, "warning[W0201]");
    assert_contains(&checked.stderr, "error[C0101]");
    let audit = std::fs::read_to_string(&report).unwrap();
    for (what, text) in [
        ("build", &build.stderr),
        ("check", &checked.stderr),
        ("report", &html_text(&audit)),
    ] {
        let chinese = chinese_prose(text);
        assert!(
            chinese.is_empty(),
            "Chinese in {what}: {chinese:#?}\n{text}"
        );
    }
}

/// The visible text of a page: tags and the style sheet dropped.
fn html_text(html: &str) -> String {
    let body = html.split("</style>").nth(1).unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Errors that stop a build, one stage at a time, in Chinese and then in English.
#[test]
fn errors_of_every_stage_in_the_sites_language() {
    let cases: &[(&str, &str, &str)] = &[
        ("site-config.toml", "titel = \"x\"\n", "E0101"),
        (
            "content/news/b.md",
            "+++\ntitle = \"乙\"\ndate = 2026-02-30\n+++\n",
            "E0207",
        ),
        (
            "content/news/b.md",
            "+++\ntitle = \"乙\"\ncity = \"火星市\"\n+++\n",
            "E0301",
        ),
        (
            "content/news/b.md",
            "+++\ntitle = \"乙\"\ntemplate = \"nope.html\"\n+++\n",
            "E0404",
        ),
    ];
    for (file, text, code) in cases {
        let site = news_site();
        if *file == "site-config.toml" {
            site.write(file, &format!("{MINIMAL_CONFIG}{text}"));
        } else {
            site.write(file, text);
        }
        let chinese = in_site_language(&site, &["build"]);
        assert_eq!(chinese.code, 1, "{}", chinese.stderr);
        assert_contains(&chinese.stderr, &format!("错误[{code}]"));
        let english = english_runs(&chinese.stderr);
        assert!(
            english.is_empty(),
            "{code}: {english:#?}\n{}",
            chinese.stderr
        );
        let run = in_site_language(&site, &["--lang", "en", "build"]);
        assert_contains(&run.stderr, &format!("error[{code}]"));
        let chinese = chinese_prose(&run.stderr);
        assert!(chinese.is_empty(), "{code}: {chinese:#?}\n{}", run.stderr);
    }
}

/// `menhu init` makes a new site: the folder it is started in (here a Chinese site)
/// does not choose its language; `--lang`, MENHU_LANG and the locale do, and with no
/// locale it speaks the demo's Chinese, not English.
#[test]
fn init_speaks_the_language_of_the_locale_not_of_the_folder_it_is_run_in() {
    let site = news_site();
    let init = |target: &str, env: &[(&str, &str)]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_menhu"));
        command
            .current_dir(site.root())
            .args(["init", target])
            .env_remove("MENHU_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let english = init("en-portal", &[("LANG", "en_US.UTF-8")]);
    assert_contains(&english, "wrote the demo portal (");
    assert_contains(&english, "next: cd en-portal && menhu serve");
    let chinese = init("zh-portal", &[("LANG", "zh_CN.UTF-8")]);
    assert!(english_runs(&chinese).is_empty(), "{chinese}");
    assert_contains(&chinese, "menhu serve");
    let traditional = init("hant-portal", &[("LANG", "C"), ("MENHU_LANG", "zh-Hant")]);
    assert!(!chinese_prose(&traditional).is_empty(), "{traditional}");
    for (target, locale) in [("c-portal", "C"), ("unset-portal", "")] {
        let said = init(target, &[("LANG", locale)]);
        assert!(english_runs(&said).is_empty(), "{locale:?}: {said}");
        assert_contains(&said, "示例网站已写入");
    }
}
