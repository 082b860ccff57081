//! Code blocks: syntect highlighting with CSS classes prefixed `hl-` (no inline styles),
//! and the stylesheet for those classes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::html_text::push_escaped;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
const THEME: &str = "InspiredGitHub";

/// Syntect's bundled syntaxes, loaded on first use, with the blocks highlighted so far.
/// Each language's regular expressions are compiled the first time a block in it is
/// highlighted and kept with the set: tens of megabytes for a handful of languages
/// (see [`release_highlighter`]). A cache, and the build's one global that changes:
/// what it holds never changes what a block renders to, only how soon.
static HIGHLIGHTER: RwLock<Option<Arc<Highlighter>>> = RwLock::new(None);

struct Highlighter {
    syntaxes: SyntaxSet,
    /// Highlighted HTML by language and code. Sites repeat snippets (the same install
    /// command or config example on many pages), and syntect's matching is the slowest
    /// part of rendering Markdown, so each distinct block is highlighted once.
    done: Mutex<Memo>,
}

#[derive(Default)]
struct Memo {
    html: HashMap<(String, String), Arc<str>>,
    bytes: usize,
}

/// How much code and HTML the memo holds at most; later blocks are not remembered.
const MEMO_BYTES: usize = 4 << 20;

fn highlighter() -> Arc<Highlighter> {
    if let Some(h) = HIGHLIGHTER
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
    {
        return h.clone();
    }
    HIGHLIGHTER
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(|| Arc::new(Highlighter::new()))
        .clone()
}

/// Frees the syntaxes, their compiled regular expressions and the remembered blocks
/// once the blocks still being highlighted are done; highlighting later loads them
/// again. A one-off build calls this after its Markdown stage, so the memory is not
/// held while templates render (a fifth of a 10,000-page build's peak when its code
/// uses eight languages).
pub fn release_highlighter() {
    *HIGHLIGHTER.write().unwrap_or_else(PoisonError::into_inner) = None;
}

/// The language named by a fence's info string (` ```rust,ignore {.x}` → `rust`).
pub(crate) fn language_of(info: &str) -> Option<&str> {
    let lang = info
        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()?;
    (!lang.is_empty()).then_some(lang)
}

/// `<pre class="code" data-lang="…"><code class="language-…">…</code></pre>`, highlighted
/// when asked and the language is known, plain escaped code otherwise.
pub(crate) fn render_code_block(lang: Option<&str>, code: &str, highlight: bool) -> String {
    let mut html = String::with_capacity(code.len() * 2 + 64);
    html.push_str("<pre class=\"code\"");
    if let Some(lang) = lang {
        html.push_str(" data-lang=\"");
        push_escaped(&mut html, lang);
        html.push_str("\"><code class=\"language-");
        push_escaped(&mut html, lang);
        html.push_str("\">");
    } else {
        html.push_str("><code>");
    }
    match lang
        .filter(|_| highlight)
        .and_then(|lang| highlighted(lang, code))
    {
        Some(highlighted) => html.push_str(&highlighted),
        None => push_escaped(&mut html, code),
    }
    html.push_str("</code></pre>\n");
    html
}

/// The highlighted HTML of `code`, or None for an unknown language or a syntect error.
fn highlighted(lang: &str, code: &str) -> Option<Arc<str>> {
    highlighter().highlight(lang, code)
}

impl Highlighter {
    fn new() -> Highlighter {
        Highlighter {
            syntaxes: SyntaxSet::load_defaults_newlines(),
            done: Mutex::new(Memo::default()),
        }
    }

    fn highlight(&self, lang: &str, code: &str) -> Option<Arc<str>> {
        let key = (lang.to_owned(), code.to_owned());
        if let Some(html) = self.memo().html.get(&key) {
            return Some(html.clone());
        }
        let html: Arc<str> = highlight_with(&self.syntaxes, lang, code)?.into();
        self.memo().remember(key, &html);
        Some(html)
    }

    fn memo(&self) -> std::sync::MutexGuard<'_, Memo> {
        self.done.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Memo {
    fn remember(&mut self, key: (String, String), html: &Arc<str>) {
        let size = key.0.len() + key.1.len() + html.len();
        if self.bytes + size <= MEMO_BYTES {
            self.bytes += size;
            self.html.insert(key, html.clone());
        }
    }
}

fn highlight_with(set: &SyntaxSet, lang: &str, code: &str) -> Option<String> {
    let syntax = set.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

/// CSS for the classes highlighting emits (light theme, InspiredGitHub), written once per
/// site by the caller.
pub fn highlight_stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    themes
        .themes
        .get(THEME)
        .and_then(|theme| css_for_theme_with_class_style(theme, CLASS_STYLE).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_gets_prefixed_classes() {
        let html = render_code_block(Some("rust"), "fn main() { let x = 1; }\n", true);
        assert!(
            html.starts_with(
                "<pre class=\"code\" data-lang=\"rust\"><code class=\"language-rust\">"
            ),
            "{html}"
        );
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn unknown_language_or_highlighting_off_is_plain_escaped() {
        for html in [
            render_code_block(Some("nosuchlang"), "a < b && c\n", true),
            render_code_block(Some("rust"), "a < b && c\n", false),
        ] {
            assert!(html.contains("a &lt; b &amp;&amp; c"), "{html}");
            assert!(!html.contains("hl-"), "{html}");
        }
        assert_eq!(
            render_code_block(None, "x", true),
            "<pre class=\"code\"><code>x</code></pre>\n"
        );
    }

    #[test]
    fn a_released_highlighter_highlights_the_same_when_used_again() {
        let code = "SELECT name FROM orgs WHERE level = 1;\n";
        let before = render_code_block(Some("sql"), code, true);
        release_highlighter();
        assert_eq!(render_code_block(Some("sql"), code, true), before);
        assert!(before.contains("class=\"hl-"), "{before}");
    }

    #[test]
    fn a_repeated_block_is_highlighted_once_to_the_same_html() {
        let highlighter = Highlighter::new();
        let code = "name: 科协\nlevel: 1\n";
        let first = highlighter.highlight("yaml", code);
        assert!(
            first.as_deref().is_some_and(|h| h.contains("hl-")),
            "{first:?}"
        );
        assert_eq!(highlighter.memo().html.len(), 1);
        let again = highlighter.highlight("yaml", code);
        assert!(matches!((&first, &again), (Some(a), Some(b)) if Arc::ptr_eq(a, b)));
        assert_eq!(highlighter.highlight("nosuchlang", code), None);
        assert_eq!(highlighter.memo().html.len(), 1);
    }

    #[test]
    fn the_memo_stops_remembering_at_its_size_limit() {
        let mut memo = Memo::default();
        let html: Arc<str> = "x".into();
        memo.remember(("rust".into(), "a".repeat(MEMO_BYTES)), &html);
        assert!(memo.html.is_empty());
        memo.remember(("rust".into(), "a".repeat(MEMO_BYTES - 10)), &html);
        memo.remember(("rust".into(), "b".repeat(10)), &html);
        assert_eq!(memo.html.len(), 1);
        assert!(memo.bytes <= MEMO_BYTES);
    }

    #[test]
    fn weird_code_does_not_panic() {
        let weird = "\0\u{feff}\"'<>\n\n\r\n".repeat(50) + "fn ((((((((((";
        for lang in ["rust", "html", "js", "c", "python", "md"] {
            let _ = render_code_block(Some(lang), &weird, true);
        }
    }

    #[test]
    fn info_string_language() {
        assert_eq!(language_of("rust,ignore"), Some("rust"));
        assert_eq!(language_of("python {.x}"), Some("python"));
        assert_eq!(language_of(""), None);
    }

    #[test]
    fn stylesheet_covers_prefixed_classes() {
        let css = highlight_stylesheet();
        assert!(css.contains(".hl-"), "{}", css.get(..200).unwrap_or(&css));
    }
}
