//! Theme strings (首页, 发布时间, 来源, 附件 …) by language: `i18n/<lang>.toml` of the
//! theme, then of the site (whose keys win), and the `trans(key=…, lang=…)` Tera
//! function that templates read them through.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::{Function, Value};

use crate::bounds::SiteBounds;
use crate::diag::{Diagnostic, Diagnostics, Span};

/// Language tag → key → text.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    by_lang: BTreeMap<String, BTreeMap<String, String>>,
}

impl Translations {
    /// Reads every `<dir>/<lang>.toml`, lowest priority first. A file that is not a
    /// table of strings is an error naming its line.
    /// A folder or file out of the site's `bounds` is an error naming the link.
    pub fn load(
        root: &Path,
        dirs: &[PathBuf],
        bounds: &SiteBounds,
    ) -> Result<Translations, Diagnostics> {
        let mut translations = Translations::default();
        let mut diagnostics = Diagnostics::new();
        for dir in dirs {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            if let Err(d) = bounds.check(&root.join(dir)) {
                diagnostics.push(d);
                continue;
            }
            let mut files: Vec<PathBuf> = Vec::new();
            for entry in entries.filter_map(Result::ok) {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "toml") {
                    continue;
                }
                // The entry says whether it is a link; only a link needs resolving.
                let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
                if is_link && let Err(d) = bounds.check(&path) {
                    diagnostics.push(d);
                    continue;
                }
                files.push(path);
            }
            files.sort();
            for file in files {
                let relative = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
                match read_strings(&file) {
                    Ok(strings) => translations.add(&file, strings),
                    Err((message, line)) => {
                        let mut d = Diagnostic::error(
                            "E0405",
                            crate::t!("theme-strings-unreadable", reason = message),
                        )
                        .in_file(&relative)
                        .expected(crate::t!("theme-strings-unreadable.expected"))
                        .help(crate::t!("theme-strings-unreadable.help"));
                        if let Some(line) = line {
                            d = d.at_span(Span::point(line, 1));
                        }
                        diagnostics.push(d);
                    }
                }
            }
        }
        if diagnostics.has_errors() {
            Err(diagnostics)
        } else {
            Ok(translations)
        }
    }

    fn add(&mut self, file: &Path, strings: BTreeMap<String, String>) {
        let lang = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.by_lang.entry(lang).or_default().extend(strings);
    }

    /// The strings of `lang`: the exact tag (`zh-Hant`), else the first file whose tag
    /// shares its language (`zh` → `zh-Hans`), compared without case.
    pub fn strings(&self, lang: &str) -> Option<&BTreeMap<String, String>> {
        let exact = self
            .by_lang
            .iter()
            .find(|(tag, _)| tag.eq_ignore_ascii_case(lang));
        let primary = lang.split('-').next().unwrap_or(lang);
        exact
            .or_else(|| {
                self.by_lang.iter().find(|(tag, _)| {
                    tag.split('-')
                        .next()
                        .is_some_and(|p| p.eq_ignore_ascii_case(primary))
                })
            })
            .map(|(_, strings)| strings)
    }

    /// The text of `key` in `lang`, falling back to `fallback_lang`.
    pub fn get(&self, key: &str, lang: &str, fallback_lang: &str) -> Option<&str> {
        [lang, fallback_lang]
            .iter()
            .find_map(|l| self.strings(l)?.get(key))
            .map(String::as_str)
    }

    /// Languages with a strings file.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.by_lang.keys().map(String::as_str)
    }
}

fn read_strings(file: &Path) -> Result<BTreeMap<String, String>, (String, Option<u32>)> {
    let bytes = std::fs::read(file).map_err(|e| (e.to_string(), None))?;
    let text = crate::content::decode::decode(file, &bytes).map_err(|d| (d.message, None))?;
    toml::from_str::<BTreeMap<String, String>>(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() as u32 + 1);
        (e.message().to_owned(), line)
    })
}

/// `trans(key="published", lang="zh-Hant")`: `lang` defaults to the language the site
/// (or its Traditional copy) is rendered in; an unknown key is a template error, so a
/// typo shows at build time instead of as a blank on the page. Any other argument fills
/// its placeholder: `trans(key="reading_time", n=3)` turns `{n}` into `3`.
pub struct TransFunction {
    /// The strings.
    pub translations: Arc<Translations>,
    /// The language when the template passes none.
    pub default_lang: String,
}

impl Function for TransFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("`trans` needs `key`, e.g. trans(key=\"home\")"))?;
        let lang = args
            .get("lang")
            .and_then(Value::as_str)
            .unwrap_or(&self.default_lang);
        match self.translations.get(key, lang, &self.default_lang) {
            Some(text) => Ok(Value::String(fill_placeholders(text, args))),
            None => Err(tera::Error::msg(format!(
                "`trans`: no string `{key}` for language `{lang}`; add `{key} = \"…\"` to `i18n/{lang}.toml` of the theme or the site"
            ))),
        }
    }

    fn is_safe(&self) -> bool {
        false
    }
}

fn fill_placeholders(text: &str, args: &HashMap<String, Value>) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        if name == "key" || name == "lang" {
            continue;
        }
        let placeholder = format!("{{{name}}}");
        if out.contains(&placeholder) {
            let value = match value {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            out = out.replace(&placeholder, &value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Translations {
        let mut t = Translations::default();
        t.add(
            Path::new("zh-Hans.toml"),
            [("home".to_owned(), "首页".to_owned())].into(),
        );
        t.add(
            Path::new("en.toml"),
            [("home".to_owned(), "Home".to_owned())].into(),
        );
        t
    }

    #[test]
    fn picks_exact_then_primary_language_then_fallback() {
        let t = sample();
        assert_eq!(t.get("home", "zh-Hans", "zh-Hans"), Some("首页"));
        assert_eq!(t.get("home", "zh", "en"), Some("首页"));
        assert_eq!(t.get("home", "EN", "zh-Hans"), Some("Home"));
        assert_eq!(t.get("home", "fr", "zh-Hans"), Some("首页"));
        assert_eq!(t.get("missing", "zh-Hans", "en"), None);
    }

    #[test]
    fn unknown_key_is_an_error_naming_the_file_to_edit() {
        let f = TransFunction {
            translations: Arc::new(sample()),
            default_lang: "zh-Hans".into(),
        };
        let args = HashMap::from([("key".to_owned(), Value::from("nope"))]);
        let e = f.call(&args).unwrap_err().to_string();
        assert!(e.contains("i18n/zh-Hans.toml"), "{e}");
        let args = HashMap::from([
            ("key".to_owned(), Value::from("home")),
            ("lang".to_owned(), Value::from("en")),
        ]);
        assert_eq!(f.call(&args).unwrap(), Value::from("Home"));
    }

    #[test]
    fn fills_placeholders_with_strings_and_numbers() {
        let args = HashMap::from([
            ("n".to_owned(), Value::from(3)),
            ("name".to_owned(), Value::from("通知")),
        ]);
        assert_eq!(
            fill_placeholders("更多{name}，约 {n} 分钟", &args),
            "更多通知，约 3 分钟"
        );
    }
}
