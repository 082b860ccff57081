//! Pages written in Traditional (`lang = "zh-Hant"`) on a site with a Traditional copy:
//! the Simplified site shows them converted to Simplified, and the copy shows them as
//! written. Converting back with OpenCC would not always give the author's characters
//! (`裡` → `里` → `裏`), so the written texts are remembered here and put back.

/// Texts to put back in the Traditional copy: (the site's Simplified text, what was
/// written), each in the output's form (escaped text or HTML). The copy converts the
/// first as it converts pages and puts the second wherever that appears.
#[derive(Debug, Clone, Default)]
pub struct Restore {
    pairs: Vec<(String, String)>,
}

impl Restore {
    /// Remembers `written` and the Simplified text the site shows for it.
    pub fn remember(&mut self, written: &str, simplified: &str) {
        self.pairs.push((simplified.to_owned(), written.to_owned()));
    }

    /// (Simplified, as written) pairs.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(s, w)| (s.as_str(), w.as_str()))
    }

    /// True when nothing needs putting back.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// True for a language tag of Chinese (`zh`, `zh-Hans`, `zh-CN` …).
pub fn is_chinese_tag(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    primary.eq_ignore_ascii_case("zh")
}

/// True for language tags of Traditional Chinese: `zh-Hant`, `zh-Hant-TW`, `zh-TW`,
/// `zh-HK`, `zh-MO`.
pub fn is_traditional_tag(tag: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    tag.starts_with("zh-hant") || ["zh-tw", "zh-hk", "zh-mo"].contains(&tag.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_traditional_tags() {
        for tag in ["zh-Hant", "zh-hant-TW", "zh-TW", "zh-HK"] {
            assert!(is_traditional_tag(tag), "{tag}");
        }
        for tag in ["zh-Hans", "zh", "en", "zh-CN"] {
            assert!(!is_traditional_tag(tag), "{tag}");
        }
    }
}
