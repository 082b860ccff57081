//! Which language menhu speaks: Simplified Chinese, Traditional Chinese or English,
//! chosen once per run from the command line, the environment, the site and the
//! system locale, in that order.

use std::path::Path;

/// A language menhu's messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the language of machine-read fields and the fallback.
    #[default]
    En,
    /// 简体中文.
    ZhHans,
    /// 繁體中文.
    ZhHant,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHans, Lang::ZhHant];

    /// The BCP 47 tag: `en`, `zh-Hans` or `zh-Hant`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
        }
    }

    /// The language of a tag as people and systems write it: `zh-Hans`, `zh-CN`,
    /// `zh_CN.UTF-8`, `zh` (Simplified); `zh-Hant`, `zh-TW`, `zh_HK.Big5` (Traditional);
    /// `en`, `en_US.UTF-8` (English). Anything else (`C`, `POSIX`, `fr`) is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        // `zh_CN.UTF-8@pinyin`: the encoding and modifier say nothing of the language.
        let tag = tag.split(['.', '@']).next().unwrap_or(tag);
        let parts: Vec<String> = tag.split(['-', '_']).map(str::to_ascii_lowercase).collect();
        match parts.first().map(String::as_str) {
            Some("en") => Some(Lang::En),
            Some("zh") => {
                let traditional = parts[1..]
                    .iter()
                    .any(|p| matches!(p.as_str(), "hant" | "tw" | "hk" | "mo"));
                Some(if traditional {
                    Lang::ZhHant
                } else {
                    Lang::ZhHans
                })
            }
            _ => None,
        }
    }

    /// The language of a run: `--lang`, else `MENHU_LANG`, else the site's
    /// `default_language`, else the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`),
    /// else English. A source whose value names no known language is passed over.
    pub fn choose(
        flag: Option<Lang>,
        menhu_lang: Option<&str>,
        site: Option<&str>,
        locale: Option<&str>,
    ) -> Lang {
        flag.or_else(|| menhu_lang.and_then(Lang::from_tag))
            .or_else(|| site.and_then(Lang::from_tag))
            .or_else(|| locale.and_then(Lang::from_tag))
            .unwrap_or_default()
    }

    /// [`Lang::choose`] with this process's environment and the site at `root`; with
    /// no site, the environment and the locale only.
    pub fn for_run(flag: Option<Lang>, root: Option<&Path>) -> Lang {
        let site = root.and_then(site_language);
        Lang::choose(
            flag,
            env("MENHU_LANG").as_deref(),
            site.as_deref(),
            locale().as_deref(),
        )
    }

    /// The language of `menhu init`, which makes a site written in `language`: `--lang`,
    /// else `MENHU_LANG`, else the system locale, else `language` (not English: the
    /// editor whose system names no language reads the demo's).
    pub fn for_new_site(flag: Option<Lang>, language: &str) -> Lang {
        let chosen = [env("MENHU_LANG"), locale()].into_iter().flatten();
        flag.or_else(|| chosen.filter_map(|tag| Lang::from_tag(&tag)).next())
            .or_else(|| Lang::from_tag(language))
            .unwrap_or_default()
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// `--lang`: `zh-Hans`, `zh-Hant` or `en` (and the tags [`Lang::from_tag`] reads).
    fn from_str(text: &str) -> Result<Lang, String> {
        Lang::from_tag(text).ok_or_else(|| {
            format!(
                "unknown language 「{text}」; use zh-Hans (简体), zh-Hant (繁體) or en (English)"
            )
        })
    }
}

/// The environment variable `name`, when set to more than white space.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The system locale: `LC_ALL`, else `LC_MESSAGES`, else `LANG`.
fn locale() -> Option<String> {
    env("LC_ALL")
        .or_else(|| env("LC_MESSAGES"))
        .or_else(|| env("LANG"))
}

/// The `default_language` of the site at `root`, read from `site-config.toml` (or a
/// Zola `config.toml`) without validating the rest. A missing key means the default,
/// `zh-Hans`, and so does a file that is not valid TOML (unless a line of it sets
/// `default_language`): its errors are then reported in the site's language too.
/// `None` when there is no readable configuration.
pub fn site_language(root: &Path) -> Option<String> {
    // Read as far as it is UTF-8: a config saved as GBK is still a Chinese site's, and
    // its error (E0107) is said in the site's language too.
    let text = ["site-config.toml", "config.toml"]
        .iter()
        .find_map(|name| std::fs::read(root.join(name)).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())?;
    let declared = match text.parse::<toml::Table>() {
        Ok(table) => table
            .get("default_language")
            .map(|v| v.as_str().unwrap_or_default().to_owned()),
        Err(_) => text.lines().find_map(declared_on),
    };
    Some(declared.unwrap_or_else(|| "zh-Hans".to_owned()))
}

/// `zh-Hant` for the line `default_language = "zh-Hant"`.
fn declared_on(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    (key.trim() == "default_language").then(|| value.trim().trim_matches(['"', '\'']).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_as_systems_write_them() {
        for (tag, lang) in [
            ("zh-Hans", Some(Lang::ZhHans)),
            ("zh", Some(Lang::ZhHans)),
            ("zh_CN.UTF-8", Some(Lang::ZhHans)),
            ("zh-Hans-CN", Some(Lang::ZhHans)),
            ("zh-Hant", Some(Lang::ZhHant)),
            ("zh_TW.Big5", Some(Lang::ZhHant)),
            ("zh-HK", Some(Lang::ZhHant)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("EN", Some(Lang::En)),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("fr_FR", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
    }

    #[test]
    fn flag_then_environment_then_site_then_locale() {
        let choose = Lang::choose;
        assert_eq!(
            choose(Some(Lang::En), Some("zh-Hant"), Some("zh-Hans"), None),
            Lang::En
        );
        assert_eq!(
            choose(None, Some("zh-Hant"), Some("en"), Some("en_US")),
            Lang::ZhHant
        );
        // An unknown value is passed over, not taken as English.
        assert_eq!(
            choose(None, Some("klingon"), Some("zh-Hant"), None),
            Lang::ZhHant
        );
        assert_eq!(
            choose(None, None, Some("en"), Some("zh_CN.UTF-8")),
            Lang::En
        );
        assert_eq!(choose(None, None, None, Some("zh_CN.UTF-8")), Lang::ZhHans);
        assert_eq!(choose(None, None, None, Some("C")), Lang::En);
        assert_eq!(choose(None, None, None, None), Lang::En);
    }

    #[test]
    fn a_site_without_default_language_is_chinese() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(site_language(dir.path()), None);
        std::fs::write(
            dir.path().join("site-config.toml"),
            "title = \"某某市科协\"\n",
        )
        .unwrap();
        assert_eq!(site_language(dir.path()).as_deref(), Some("zh-Hans"));
        std::fs::write(
            dir.path().join("site-config.toml"),
            "default_language = \"zh-Hant\"\n",
        )
        .unwrap();
        assert_eq!(site_language(dir.path()).as_deref(), Some("zh-Hant"));
        // Broken TOML: the line that sets the language still counts, else Chinese.
        let broken = "default_language = \"en\"\ntitle = 某某\n";
        std::fs::write(dir.path().join("site-config.toml"), broken).unwrap();
        assert_eq!(site_language(dir.path()).as_deref(), Some("en"));
        std::fs::write(dir.path().join("site-config.toml"), "title = 某某\n").unwrap();
        assert_eq!(site_language(dir.path()).as_deref(), Some("zh-Hans"));
        // Saved as GBK (「某某市科协」 in GB18030): still the Chinese site it is.
        let gbk = b"title = \"\xc4\xb3\xc4\xb3\xca\xd0\xbf\xc6\xd0\xad\"\n";
        std::fs::write(dir.path().join("site-config.toml"), gbk).unwrap();
        assert_eq!(site_language(dir.path()).as_deref(), Some("zh-Hans"));
    }
}
