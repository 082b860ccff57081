//! Pages saved under a name that is not a page's: Windows Notepad's `稿件.md.txt`,
//! `稿件.MD`, `稿件.markdown`. menhu reads `.md` files only, so such a page was left out
//! of the site without a word (and published as a plain file beside it); it is
//! reported with the name to give it (W0208) and neither read nor published.

/// The name `name` (a file name, no folders) should have to be read as a page, when it
/// is one saved under another extension; `None` for a page's name or any other file.
pub(crate) fn page_name_for(name: &str) -> Option<String> {
    // Every page of the site comes this way: its name is let through first.
    if name.ends_with(".md") {
        return None;
    }
    let lower = name.to_lowercase();
    let stem_len = [".md.txt", ".markdown", ".md"]
        .iter()
        .find(|ext| lower.ends_with(*ext))
        .map(|ext| name.len() - ext.len())?;
    let stem = name.get(..stem_len)?.trim_end();
    (!stem.is_empty()).then(|| format!("{stem}.md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_saved_under_another_extension_are_named_right() {
        assert_eq!(
            page_name_for("2026-12-01-a.md.txt").as_deref(),
            Some("2026-12-01-a.md")
        );
        assert_eq!(page_name_for("稿件.MD").as_deref(), Some("稿件.md"));
        assert_eq!(page_name_for("index.Md").as_deref(), Some("index.md"));
        assert_eq!(page_name_for("a.markdown").as_deref(), Some("a.md"));
        assert_eq!(page_name_for("a.MD.TXT").as_deref(), Some("a.md"));
        for fine in [
            "a.md",
            "_index.md",
            "baoming.pdf",
            "notes.txt",
            ".md.txt",
            "a.mdx",
        ] {
            assert_eq!(page_name_for(fine), None, "{fine}");
        }
    }
}
