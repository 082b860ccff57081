//! Links and images that Markdown leaves as plain text because their path has a space
//! (`![现场](IMG_2031 现场照片.JPG)`, as cameras and phones name files): CommonMark ends a
//! path at the first space, so the whole construct is shown as written and nothing
//! else would notice. Found in the source text of a run of plain text.

use crate::diag::text::Said;

/// A link or image written with a space in its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unlinked<'a> {
    /// Byte offset of the path in the text searched.
    pub offset: usize,
    /// The path as written, spaces included.
    pub path: &'a str,
    /// The text between the brackets (the alt text of an image).
    pub label: &'a str,
    /// `![…](…)` rather than `[…](…)`.
    pub is_image: bool,
}

impl Unlinked<'_> {
    /// What the editor sees and why.
    pub fn message(&self) -> Said {
        if self.is_image {
            crate::t!("markdown-unlinked-image", path = &self.path)
        } else {
            crate::t!("markdown-unlinked-link", path = &self.path)
        }
    }

    /// The two fixes, written out for this link.
    pub fn help(&self) -> Said {
        let bang = if self.is_image { "!" } else { "" };
        let renamed: String = self
            .path
            .chars()
            .map(|c| if is_space(c) { '-' } else { c })
            .collect();
        let bracketed = format!("{bang}[{}](<{}>)", self.label, self.path);
        crate::t!(
            "markdown-unlinked.help",
            bracketed = bracketed,
            renamed = renamed
        )
    }
}

/// Every link or image in `text` (plain text as written, no code) whose path has a
/// space. A link must name a file (`.pdf`, `.docx`…) or a path (`/…`, `./…`) to count;
/// brackets followed by words in parentheses are ordinary text.
pub(crate) fn find_unlinked(text: &str) -> Vec<Unlinked<'_>> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        found.extend(in_line(line).into_iter().map(|u| Unlinked {
            offset: line_start + u.offset,
            ..u
        }));
        line_start += line.len();
    }
    found
}

fn in_line(line: &str) -> Vec<Unlinked<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = line.get(from..).and_then(|rest| rest.find("](")) {
        let close_bracket = from + at;
        from = close_bracket + 2;
        let Some(open) = line[..close_bracket].rfind('[') else {
            continue;
        };
        let Some(close) = line[from..].find(')').map(|i| from + i) else {
            continue;
        };
        let inner = &line[from..close];
        let path = without_title(inner).trim();
        let is_image = line[..open].ends_with('!');
        if !path.chars().any(is_space) || path.starts_with('<') {
            continue;
        }
        if !is_image && !names_a_file(path) {
            continue;
        }
        let offset = from + (inner.len() - inner.trim_start().len());
        found.push(Unlinked {
            offset,
            path,
            label: &line[open + 1..close_bracket],
            is_image,
        });
        from = close + 1;
    }
    found
}

/// The path without a `"title"` after it.
fn without_title(inner: &str) -> &str {
    let trimmed = inner.trim_end();
    if let Some(body) = trimmed.strip_suffix('"')
        && let Some(quote) = body.rfind('"')
        && body[..quote].ends_with(is_space)
    {
        return &body[..quote];
    }
    inner
}

fn names_a_file(path: &str) -> bool {
    let has_extension = path.rsplit_once('.').is_some_and(|(_, ext)| {
        (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric())
    });
    has_extension || path.starts_with(['/', '.']) || path.starts_with("http")
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_images_and_file_links_with_spaces() {
        let text = "见图：![现场](IMG_2031 现场照片.JPG)。\n下载[报名表](报名 表.docx \"报名表\")和[说明](说明.pdf)。\n";
        let found = find_unlinked(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].path, "IMG_2031 现场照片.JPG");
        assert!(found[0].is_image);
        assert_eq!(&text[found[0].offset..][..8], "IMG_2031");
        assert_eq!(found[1].path, "报名 表.docx");
        assert_eq!(found[1].label, "报名表");
        assert!(!found[1].is_image);
        assert!(
            found[0]
                .help()
                .contains("`![现场](<IMG_2031 现场照片.JPG>)`")
        );
        assert!(found[0].help().contains("`IMG_2031-现场照片.JPG`"));
    }

    #[test]
    fn ordinary_text_in_brackets_is_left_alone() {
        for text in [
            "[注1](见 第三页)",
            "![图](<IMG 1.jpg>)",
            "[a](b.pdf)",
            "数组[0](1 2",
            "](x y.jpg)",
        ] {
            assert_eq!(find_unlinked(text), [], "{text}");
        }
    }
}
