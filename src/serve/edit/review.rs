//! The review workflow (审核), kept in the page's front matter so that the files stay
//! the single source of truth and `menhu build` needs nothing else:
//!
//! - 草稿 (draft): `draft = true`;
//! - 待审 (waiting for review): `draft = true` and `status = "review"`: still left out
//!   of the published site, listed by `menhu check` and in the editor's queue;
//! - 已发布 (published): neither key; the page appears at its date.
//!
//! A reviewer approves (both keys removed) or returns the page (`status = "draft"`)
//! with a comment. Comments are kept beside the page in a hidden file, which the build
//! never reads nor publishes: `content/news/.a.review.txt` for `content/news/a.md`,
//! `content/news/a/.review.txt` for a bundle's `index.md`. `step` answers the API's
//! `review` route, committing an approval with `--edit-commit`.

use serde_json::{Map, Value, json};

use super::api::{Answer, Problem, confine, disk_problem, now, str_of, write_change};
use super::files::{self, SitePath};
use super::{Editor, commit, front};

/// A step of the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// 送审: the editor sends the page for review.
    Submit,
    /// 通过: the reviewer publishes it.
    Approve,
    /// 退回: the reviewer sends it back with a comment.
    Return,
}

impl Action {
    /// The action named `name` (`submit`, `approve`, `return`).
    pub fn named(name: &str) -> Option<Action> {
        match name {
            "submit" => Some(Action::Submit),
            "approve" => Some(Action::Approve),
            "return" => Some(Action::Return),
            _ => None,
        }
    }

    /// The front-matter changes of this step.
    pub fn changes(self) -> Map<String, Value> {
        let changes = match self {
            Action::Submit => json!({"draft": true, "status": "review"}),
            Action::Approve => json!({"draft": null, "status": null}),
            Action::Return => json!({"draft": true, "status": "draft"}),
        };
        changes.as_object().cloned().unwrap_or_default()
    }

    /// How the step reads in the page's comment file.
    fn said(self) -> &'static str {
        match self {
            Action::Submit => "送审",
            Action::Approve => "审核通过",
            Action::Return => "退回修改",
        }
    }
}

/// The site-relative path of the comment file of `page`.
pub fn notes_path(page: &SitePath) -> String {
    let name = page.rel.rsplit('/').next().unwrap_or("");
    if name == "index.md" {
        page.sibling(".review.txt")
    } else {
        let stem = name.strip_suffix(".md").unwrap_or(name);
        page.sibling(&format!(".{stem}.review.txt"))
    }
}

/// The comment file of `page`, site-relative and on disk. It is hidden, which
/// [`files::confine`] refuses: the page's own path, already checked, places it.
pub fn notes_of(page: &SitePath) -> SitePath {
    let rel = notes_path(page);
    let name = rel.rsplit('/').next().unwrap_or("");
    SitePath {
        full: page.full.with_file_name(name),
        rel,
    }
}

/// The comments kept for `page` (empty when there are none).
pub fn read_notes(page: &SitePath) -> String {
    std::fs::read_to_string(notes_of(page).full).unwrap_or_default()
}

/// Adds a line for `action` (with `comment`, when given) at `when` to the comments.
pub fn add_note(page: &SitePath, action: Action, comment: &str, when: &str) -> std::io::Result<()> {
    let notes = notes_of(page).full;
    let mut text = std::fs::read_to_string(&notes).unwrap_or_default();
    let comment = comment.trim().replace(['\r', '\n'], " ");
    text.push_str(&format!("{when} {}", action.said()));
    if !comment.is_empty() {
        text.push_str(&format!("：{comment}"));
    }
    text.push('\n');
    files::write_atomically(&notes, text.as_bytes())
}

/// The `review` route: `{path, version, action, comment, reviewer}` takes the page one
/// step of the workflow, notes the comment beside it and, with `--edit-commit`, commits
/// an approval.
pub(super) fn step(editor: &Editor, request: &Value) -> Answer {
    let page = confine(editor, str_of(request, "path"))?;
    let action = Action::named(str_of(request, "action"))
        .ok_or_else(|| Problem::new(422, "没有这个审核操作"))?;
    let comment = str_of(request, "comment");
    if action == Action::Return && comment.trim().is_empty() {
        return Err(Problem::new(422, "退回时请写明要修改什么"));
    }
    let reviewer = str_of(request, "reviewer").trim();
    let commits = editor.options.commit && action == Action::Approve;
    if commits && reviewer.is_empty() {
        return Err(Problem::new(
            422,
            "请填写审核人姓名，提交到版本库时记为作者",
        ));
    }
    let mut answer = write_change(
        editor,
        &page,
        str_of(request, "version"),
        &action.changes(),
        None,
    )?;
    let when = now(editor)
        .with_timezone(&editor.options.zone)
        .format("%Y-%m-%d %H:%M");
    add_note(&page, action, comment, &when.to_string())
        .map_err(|e| Problem::new(500, format!("审核意见没有保存：{}", disk_problem(&e))))?;
    if commits {
        answer["commit"] = commit_approval(editor, &page, reviewer);
    }
    Ok(answer)
}

/// Commits an approved page with its notes: `{"id": …}`, or `{"error": …}` (the page
/// stays approved; only the commit is missing).
fn commit_approval(editor: &Editor, page: &SitePath, reviewer: &str) -> Value {
    let title = std::fs::read_to_string(&page.full)
        .ok()
        .and_then(|text| front::title(&text))
        .unwrap_or_else(|| page.rel.clone());
    let message = format!("审核通过：{title}\n\n{}", page.rel);
    let paths = commit::paths_of(&page.rel, &notes_path(page));
    commit::answer(&commit::commit(
        editor.options.bounds.root(),
        &paths,
        reviewer,
        &message,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn page(rel: &str) -> SitePath {
        SitePath {
            rel: rel.to_owned(),
            full: PathBuf::from("/site").join(rel),
        }
    }

    #[test]
    fn comments_sit_beside_the_page_in_a_hidden_file() {
        assert_eq!(
            notes_path(&page("content/news/a.md")),
            "content/news/.a.review.txt"
        );
        assert_eq!(
            notes_path(&page("content/news/a/index.md")),
            "content/news/a/.review.txt"
        );
    }

    #[test]
    fn approving_removes_both_keys_returning_keeps_a_draft() {
        assert_eq!(Action::Approve.changes()["status"], Value::Null);
        assert_eq!(Action::Return.changes()["draft"], json!(true));
        assert_eq!(Action::named("submit"), Some(Action::Submit));
        assert_eq!(Action::named("publish"), None);
    }
}
