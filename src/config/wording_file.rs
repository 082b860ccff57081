//! `data/wording.toml`: wording rules kept in a data file instead of the config, so that
//! the member sites of a network (站群) share them: the network's `data/wording.toml` is
//! read by every member that has no `data/wording.toml` of its own (a member's file
//! replaces the shared one, as any data file does, [`SiteBounds::data_file`]); each
//! site's own `[[check.wording]]` and `[[check.forbidden]]` in its config are added to
//! the file's. A single site may keep its rules in the file as well.
//!
//! The file holds the config's tables, written the same way, so that entries move
//! between the two by copy and paste; anything else in it is an error (E0101) naming the
//! key, as is a bad entry (E0102), invalid TOML (E0106), an unreadable file (E0107), and
//! a file reached through a link out of the site or the network (E0214).

use std::path::Path;

use serde::Deserialize;
use toml::de::DeTable;

use super::check::{CheckConfig, RawForbidden, RawWording};
use super::keys::{self, KeyPath, Segment};
use super::validate::Report;
use crate::bounds::SiteBounds;
use crate::diag::Diagnostic;

/// Where the wording file is, from the site root.
pub const WORDING_FILE: &str = "data/wording.toml";

/// The file as written: `[[check.wording]]` and `[[check.forbidden]]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawWordingFile {
    check: RawWordingTables,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawWordingTables {
    wording: Vec<RawWording>,
    forbidden: Vec<RawForbidden>,
}

impl CheckConfig {
    /// Adds the rules of the site's wording file (or, in a network, the shared one) to
    /// the config's, the file's first. Returns the file's problems; a site without the
    /// file has none.
    pub fn add_wording_file(&mut self, bounds: &SiteBounds) -> Vec<Diagnostic> {
        let path = bounds.data_file(Path::new(WORDING_FILE));
        if path.symlink_metadata().is_err() {
            return Vec::new();
        }
        let shown = bounds.shown(&path);
        if let Err(escape) = bounds.check(&path) {
            return vec![escape];
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => return vec![super::unreadable(&shown.to_string_lossy(), &e)],
        };
        let mut problems = Vec::new();
        let (wording, forbidden) = parse(&shown, &text, &mut problems);
        self.wording.splice(0..0, wording);
        self.forbidden.splice(0..0, forbidden);
        problems
    }
}

/// The rules of the file `file` whose text is `text`, its problems pushed onto
/// `problems`.
fn parse(
    file: &Path,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> (
    Vec<super::check::WordingRule>,
    Vec<super::check::ForbiddenTerm>,
) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(err) => {
            problems.push(super::syntax_error(&err, file, text));
            return (Vec::new(), Vec::new());
        }
    };
    let mut unread = Vec::new();
    let parsed: Result<RawWordingFile, toml::de::Error> =
        serde_ignored::deserialize(toml::Deserializer::from(doc.clone()), |path| {
            unread.push(KeyPath::from_ignored(&path));
        });
    for path in &unread {
        problems.push(unread_key(path, doc.get_ref(), file, text));
    }
    let raw = match parsed {
        Ok(raw) => raw,
        Err(err) => {
            problems.push(super::type_error(&err, doc.get_ref(), file, text));
            return (Vec::new(), Vec::new());
        }
    };
    let mut report = Report::new(file, text, problems);
    let wording = raw.check.wording.into_iter();
    let forbidden = raw.check.forbidden.into_iter();
    (
        wording
            .filter_map(|w| super::check::wording(w, &mut report))
            .collect(),
        forbidden
            .filter_map(|f| super::check::forbidden(f, &mut report))
            .collect(),
    )
}

/// A key the file may not hold: inside an entry, the config's own message (with the
/// nearest key); anywhere else, that the file holds wording rules only.
fn unread_key(path: &KeyPath, doc: &DeTable<'_>, file: &Path, text: &str) -> Diagnostic {
    let in_entry = matches!(
        &path.0[..],
        [Segment::Key(check), Segment::Key(table), Segment::Index(_), ..]
            if check == "check" && (table == "wording" || table == "forbidden")
    );
    if in_entry {
        let mut reported = keys::report_unread_keys(std::slice::from_ref(path), doc, file, text);
        if let Some(diagnostic) = reported.pop() {
            return diagnostic;
        }
    }
    let diagnostic = Diagnostic::error(
        "E0101",
        crate::t!(
            "wording-file-other-key",
            key = path.display(),
            file = file.display()
        ),
    )
    .in_file(file)
    .expected(crate::t!("wording-file-other-key.expected"))
    .help(crate::t!("wording-file-other-key.help"));
    keys::place(diagnostic, keys::key_span(doc, &path.0), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (usize, usize, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let (wording, forbidden) = parse(Path::new(WORDING_FILE), text, &mut problems);
        (wording.len(), forbidden.len(), problems)
    }

    #[test]
    fn the_file_holds_the_configs_wording_tables() {
        let text = "[[check.wording]]\nright = \"科学技术协会\"\nwrong = [\"科学技术学会\"]\n\n\
                    [[check.forbidden]]\nterm = \"科技工作者之家\"\ninstead = \"科技工作者服务站\"\n";
        let (wording, forbidden, problems) = parsed(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((wording, forbidden), (1, 1));
    }

    #[test]
    fn other_keys_and_bad_entries_are_errors_at_their_line() {
        let text = "[check]\nnews_days = 7\n\n[[check.wording]]\nwrong = [\"科协会\"]\n\n\
                    [[check.wording]]\nright = \"科协\"\nwrongs = []\n";
        let (wording, _, problems) = parsed(text);
        assert_eq!(wording, 1, "the entry without `right` is left out");
        let at: Vec<(&str, Option<u32>)> = problems
            .iter()
            .map(|d| (d.code, d.span.map(|s| s.line)))
            .collect();
        assert!(at.contains(&("E0101", Some(2))), "{problems:?}");
        assert!(at.contains(&("E0101", Some(9))), "{problems:?}");
        // As in the config, an entry without `right` has no place to point at.
        assert!(at.contains(&("E0102", None)), "{problems:?}");
        assert!(
            problems
                .iter()
                .all(|d| d.file.as_deref() == Some(Path::new(WORDING_FILE)))
        );
    }

    #[test]
    fn invalid_toml_is_an_error_at_its_line() {
        let (_, _, problems) = parsed("[[check.wording]]\nright = 科协\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "E0106");
        assert_eq!(problems[0].span.map(|s| s.line), Some(2));
    }
}
