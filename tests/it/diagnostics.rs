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
    Case {
        files: &[
            NEWS,
            ("content/news/b.md", "+++\ntitle = “乙”\n+++\n正文\n"),
        ],
        place: "content/news/b.md:2:9",
        english: &["error[E0206]: invalid TOML in front matter"],
        chinese: &[
            "错误[E0206]：前置信息的 TOML 格式有误",
            "引号要用英文的 `\"`，不要用中文引号",
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
    assert_contains(&run.stderr, "错误[E0602]：无法创建 `");
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
