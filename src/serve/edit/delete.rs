//! 删除稿件, 删除照片/附件 and 恢复: what the editor asks before deleting, and the
//! deletions themselves, into the recycle bin ([`super::trash`]).
//!
//! - `references?path=` names the pages whose `@/` links lead to the page (or into its
//!   bundle folder): they stop building once it is gone (E0210), so the question says
//!   which they are;
//! - `files?path=` lists the files beside a bundle's page, each with where the page
//!   still uses it (in the body, as the cover, in the settings);
//! - `delete` moves the page (its `.md` and review notes, or its whole bundle folder)
//!   into the bin, when the file is still the version the editor saw; `delete_file`
//!   moves one file beside a bundle's page; `restore` moves an entry back, refusing
//!   when something stands at its place now.
//!
//! Only pages under `content/` (never a section's `_index.md`) and the plain files
//! beside a bundle's `index.md` are deleted, each path checked by [`files::confine`]
//! (no `..`, no hidden segment, no link on the way, within the site's bounds): a link
//! planted in `content/` is neither followed nor moved. With `--edit-commit`, a
//! deletion of something the repository holds is committed under the name of who
//! deleted it (asked like the reviewer's), and so is its restoration.

use std::path::Path;

use serde_json::{Value, json};

use super::api::{Answer, Problem, as_seen, confine, disk_problem, now, read_page, str_of};
use super::files::{self, SitePath};
use super::trash::{self, Entry, Kind, TrashRefused};
use super::{Editor, commit, front, links, review};

/// The pages linking to the page `rel` (or into its bundle folder).
pub fn references(editor: &Editor, rel: &str) -> Answer {
    let page = confine(editor, rel)?;
    let text = read_page(&page)?;
    let linked_by = links::linking_pages(editor, &page.rel);
    // With `--edit-commit`, whether deleting it is committed (and so asks a name).
    let commits = commits(editor, &trash::moved_of(&page.rel));
    Ok(json!({
        "path": page.rel,
        "title": title_of(&text, &page.rel),
        "linked_by": linked_by,
        "commits": commits,
    }))
}

/// The title of a page with `text`, or its file name.
pub(super) fn title_of(text: &str, rel: &str) -> String {
    front::title(text).unwrap_or_else(|| {
        trash::moved_of(rel)
            .rsplit('/')
            .next()
            .unwrap_or(rel)
            .to_owned()
    })
}

/// A page not found that is in the bin says so, and where to restore it from.
pub fn in_the_bin(editor: &Editor, page: &SitePath, problem: Problem) -> Problem {
    if problem.status != 404 {
        return problem;
    }
    let root = editor.options.bounds.root();
    match trash::list(root)
        .into_iter()
        .find(|e| e.kind == Kind::Page && e.path == page.rel)
    {
        Some(entry) => Problem::new(
            404,
            format!(
                "「{}」已经删除（{}），在回收站里：需要的话点页面顶部的「回收站」，再点它旁边的「恢复」",
                entry.title, entry.deleted
            ),
        ),
        None => problem,
    }
}

/// Whether the folder of a bundle holds a section (`_index.md`) or another bundle
/// (`index.md` in a folder below): moving it would take them too.
pub(super) fn holds_other_pages(folder: &Path) -> bool {
    walkdir::WalkDir::new(folder)
        .min_depth(1)
        .follow_links(false)
        .into_iter()
        .flatten()
        .any(|e| {
            let name = e.file_name();
            name == "_index.md" || (name == "index.md" && e.depth() > 1)
        })
}

/// The files beside the bundle page `rel`, with where the page uses each.
pub fn beside(editor: &Editor, rel: &str) -> Answer {
    let page = confine(editor, rel)?;
    let text = read_page(&page)?;
    let mut listed = Vec::new();
    if page.rel.ends_with("/index.md") {
        let folder = page.full.parent().unwrap_or(Path::new("."));
        let mut names: Vec<(String, u64)> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_owned();
                let meta = std::fs::symlink_metadata(e.path()).ok()?;
                (meta.is_file() && deletable_name(&name)).then_some((name, meta.len()))
            })
            .collect();
        names.sort();
        for (name, size) in names {
            listed.push(json!({
                "name": name,
                "size": size,
                "picture": super::upload::picture_kind(&name).is_some(),
                "used": use_of(&text, &name),
            }));
        }
    }
    Ok(json!({ "path": page.rel, "files": listed }))
}

/// A file beside a page that the editor deletes: a plain, visible file, not a page.
fn deletable_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.ends_with(".md")
        && !name.contains(['/', '\\', '\0'])
}

/// Where the page with `text` uses the file `name`: `body`, `cover`, `settings`, or
/// null.
fn use_of(text: &str, name: &str) -> Value {
    let Ok(split) = crate::content::front_matter::split(text) else {
        return Value::Null;
    };
    let named = |part: &str| {
        part.match_indices(name).any(|(at, _)| {
            let before = part[..at].chars().next_back();
            let after = part[at + name.len()..].chars().next();
            before.is_none_or(|c| matches!(c, '(' | '<' | '"' | '\'' | '/' | ' ' | '='))
                && after
                    .is_none_or(|c| matches!(c, ')' | '>' | '"' | '\'' | ' ' | '#' | '?' | '\n'))
        })
    };
    if named(split.body) {
        return json!("body");
    }
    let fields = front::read(text).map(|f| f.fields).unwrap_or_default();
    if fields.get("cover").and_then(Value::as_str) == Some(name) {
        return json!("cover");
    }
    if named(split.front) {
        return json!("settings");
    }
    Value::Null
}

/// Whether a change of `rel` (a page's file or bundle folder) is committed: with
/// `--edit-commit`, when the repository holds it.
pub(super) fn commits(editor: &Editor, rel: &str) -> bool {
    editor.options.commit && commit::tracked(editor.options.bounds.root(), rel)
}

/// The name of who deletes or restores, when the change is to be committed; else a
/// refusal asking for it.
pub(super) fn committer(
    editor: &Editor,
    request: &Value,
    tracked: bool,
) -> Result<Option<String>, Problem> {
    if !(editor.options.commit && tracked) {
        return Ok(None);
    }
    let name = str_of(request, "name").trim();
    if name.is_empty() {
        return Err(Problem::new(
            422,
            "请填写你的姓名：这次修改会提交到网站的版本库，记为作者",
        ));
    }
    Ok(Some(name.to_owned()))
}

/// When, on the site's clock: for the bin's entry, and the stamp of its folder.
pub(super) fn when(editor: &Editor) -> (String, String) {
    let local = now(editor).with_timezone(&editor.options.zone);
    (
        local.format("%Y-%m-%d %H:%M").to_string(),
        local.format("%Y%m%d-%H%M%S").to_string(),
    )
}

fn refused(error: TrashRefused) -> Problem {
    match error {
        TrashRefused::Io(io) => Problem::new(
            500,
            format!("没有删除，稿件还在原处：{}", disk_problem(&io)),
        ),
        TrashRefused::NoEntry => Problem::new(404, error.to_string()),
        TrashRefused::Taken { .. } | TrashRefused::FolderGone(..) => {
            Problem::new(409, error.to_string())
        }
        _ => Problem::new(403, error.to_string()),
    }
}

/// What the editor does to a whole page, as its refusals say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Taking {
    Delete,
    Move,
}

/// The page at `rel`, checked for being deleted or moved whole: the page, its text, and
/// what goes (the page's file, or its bundle's folder). Sections, files outside
/// `content/` and folders holding other pages are refused.
pub(super) fn whole_page(
    editor: &Editor,
    rel: &str,
    taking: Taking,
) -> Result<(SitePath, String, SitePath), Problem> {
    let page = confine(editor, rel)?;
    if !page.rel.starts_with("content/") || !page.rel.ends_with(".md") {
        let refusal = match taking {
            Taking::Delete => "只能删除 content/ 文件夹里的稿件（.md 文件）",
            Taking::Move => "只能移动 content/ 文件夹里的稿件（.md 文件）",
        };
        return Err(Problem::new(403, refusal));
    }
    if page.rel.ends_with("/_index.md") || page.rel == "content/_index.md" {
        let refusal = match taking {
            Taking::Delete => {
                "这是栏目的说明页（_index.md），删掉它整个栏目都会消失，在线编辑不能删除：请管理员处理"
            }
            Taking::Move => "这是栏目的说明页（_index.md），在线编辑不能移动栏目：请管理员处理",
        };
        return Err(Problem::new(403, refusal));
    }
    let text = read_page(&page)?;
    // A bundle goes whole, through the same checks as the page (no link on the way),
    // unless its folder holds more than one page's files.
    let item = confine(editor, &trash::moved_of(&page.rel))?;
    if item.rel != page.rel && holds_other_pages(&item.full) {
        let verb = match taking {
            Taking::Delete => "删除",
            Taking::Move => "移走",
        };
        return Err(Problem::new(
            403,
            format!(
                "「{}」文件夹里还有别的栏目或稿件，在线编辑不会把它整个{verb}：请管理员处理",
                item.rel
            ),
        ));
    }
    Ok((page, text, item))
}

/// The page `request` names, checked for deleting (see [`whole_page`]) and as the
/// editor last saw it.
fn page_to_delete(
    editor: &Editor,
    request: &Value,
) -> Result<(SitePath, String, SitePath), Problem> {
    let (page, text, item) = whole_page(editor, str_of(request, "path"), Taking::Delete)?;
    as_seen(
        &text,
        str_of(request, "version"),
        "这篇稿件在你打开之后被改过了，没有删除：请重新打开，看过现在的内容再决定",
    )?;
    Ok((page, text, item))
}

/// Deletes a page into the bin: `{path, version, name}`.
pub fn page(editor: &Editor, request: &Value) -> Answer {
    let (page, text, item) = page_to_delete(editor, request)?;
    let notes = review::notes_of(&page);
    let mut extra = Vec::new();
    if !page.rel.ends_with("/index.md")
        && std::fs::symlink_metadata(&notes.full).is_ok_and(|m| m.is_file())
    {
        extra.push(notes.full);
    }
    let title = title_of(&text, &page.rel);
    let (entry, committer) = into_bin(
        editor,
        request,
        Kind::Page,
        &page.rel,
        &title,
        &item,
        &extra,
    )?;
    editor.undo.forget(&page.rel);
    let message = format!(
        "删除稿件：{title}\n\n{}（移到回收站 {}/{}）",
        page.rel,
        trash::FOLDER,
        entry.id
    );
    let paths = commit::paths_of(&page.rel, &notes.rel);
    let committed = committer.map(|who| commit_change(editor, &entry, &paths, &who, &message));
    Ok(json!({ "deleted": entry, "commit": committed }))
}

/// Deletes a file beside a bundle's page into the bin: `{path, name, version}`.
pub fn file(editor: &Editor, request: &Value) -> Answer {
    let page = confine(editor, str_of(request, "path"))?;
    let name = str_of(request, "file");
    if !page.rel.starts_with("content/")
        || !page.rel.ends_with("/index.md")
        || !deletable_name(name)
    {
        return Err(Problem::new(
            403,
            format!("「{name}」不是稿件文件夹里的照片或附件，不能在这里删除"),
        ));
    }
    let text = read_page(&page)?;
    as_seen(
        &text,
        str_of(request, "version"),
        "稿件在你打开之后被改过了，没有删除：请先保存或重新打开，再删除照片或附件",
    )?;
    let item = confine(editor, &page.sibling(name))?;
    if !std::fs::symlink_metadata(&item.full).is_ok_and(|m| m.is_file()) {
        return Err(Problem::new(
            404,
            format!("稿件旁边没有「{name}」，可能已经删除了"),
        ));
    }
    let title = title_of(&text, &page.rel);
    let (entry, committer) = into_bin(editor, request, Kind::File, &item.rel, &title, &item, &[])?;
    let message = format!("删除「{title}」的附件：{name}\n\n{}", item.rel);
    let paths = std::slice::from_ref(&item.rel);
    let committed = committer.map(|who| commit_change(editor, &entry, paths, &who, &message));
    Ok(json!({ "deleted": entry, "commit": committed }))
}

/// Moves `item` (with the `extra` files beside it) into the bin as the entry of `kind`
/// for `path`, once the name of who deletes it is there when the deletion is to be
/// committed: the entry, and that name.
fn into_bin(
    editor: &Editor,
    request: &Value,
    kind: Kind,
    path: &str,
    title: &str,
    item: &SitePath,
    extra: &[std::path::PathBuf],
) -> Result<(Entry, Option<String>), Problem> {
    let root = editor.options.bounds.root();
    let committer = committer(editor, request, commits(editor, &item.rel))?;
    let (deleted, stamp) = when(editor);
    let entry = Entry {
        id: String::new(),
        kind,
        path: path.to_owned(),
        title: title.to_owned(),
        deleted,
        committed: false,
    };
    let entry = trash::put(root, item, extra, entry, &stamp).map_err(refused)?;
    Ok((entry, committer))
}

/// Commits `paths` as they are now; a deletion so committed is marked in the bin, so
/// that its restoration is committed too.
fn commit_change(
    editor: &Editor,
    entry: &Entry,
    paths: &[String],
    who: &str,
    message: &str,
) -> Value {
    let root = editor.options.bounds.root();
    let result = commit::commit(root, paths, who, message);
    if result.is_ok() && !entry.committed {
        let _ = trash::mark_committed(root, &entry.id);
    }
    commit::answer(&result)
}

/// The bin's entries, the last deleted first.
pub fn trash(editor: &Editor) -> Value {
    json!({
        "entries": trash::list(editor.options.bounds.root()),
        "folder": trash::FOLDER,
        "commits": editor.options.commit,
    })
}

/// Moves the entry `{id}` back: `{id, name}`.
pub fn restore(editor: &Editor, request: &Value) -> Answer {
    let root = editor.options.bounds.root();
    let id = str_of(request, "id");
    let entry = trash::entry(root, id).map_err(refused)?;
    let name = committer(editor, request, entry.committed)?;
    let entry = trash::restore(&editor.options.bounds, id, occupant).map_err(refused)?;
    let mut paths = vec![entry.moved()];
    if entry.kind == Kind::Page
        && let Ok(page) = files::confine(&editor.options.bounds, &entry.path)
    {
        paths = commit::paths_of(&entry.path, &review::notes_path(&page));
    }
    let what = match entry.kind {
        Kind::Page => format!("恢复稿件：{}", entry.title),
        Kind::File => format!("恢复「{}」的附件：{}", entry.title, entry.name()),
    };
    let message = format!("{what}\n\n{}", entry.path);
    let committed = name.map(|who| commit_change(editor, &entry, &paths, &who, &message));
    let page = match entry.kind {
        Kind::Page => entry.path.clone(),
        Kind::File => entry
            .path
            .rsplit_once('/')
            .map_or(String::new(), |(f, _)| format!("{f}/index.md")),
    };
    Ok(json!({ "restored": entry, "page": page, "commit": committed }))
}

/// What stands at `path` now, in words.
fn occupant(path: &Path) -> String {
    let page = if path.is_dir() {
        path.join("index.md")
    } else {
        path.to_path_buf()
    };
    match std::fs::read_to_string(&page) {
        Ok(text) if page.extension().is_some_and(|e| e == "md") => {
            format!("一篇稿件「{}」", title_of(&text, &page.to_string_lossy()))
        }
        _ if path.is_dir() => "一个同名文件夹".to_owned(),
        _ => "一个同名文件".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_used_in_the_body_as_the_cover_or_in_the_settings() {
        let text = "+++\ntitle = \"一\"\ncover = \"feng-mian.jpg\"\nattachments = [{ path = \"biao.pdf\" }]\n+++\n![会场](hui-chang.jpg)\n[表](<bao ming.pdf>)\n";
        assert_eq!(use_of(text, "hui-chang.jpg"), "body");
        assert_eq!(use_of(text, "bao ming.pdf"), "body");
        assert_eq!(use_of(text, "feng-mian.jpg"), "cover");
        assert_eq!(use_of(text, "biao.pdf"), "settings");
        assert_eq!(use_of(text, "chang.jpg"), Value::Null);
        assert_eq!(use_of(text, "other.png"), Value::Null);
    }
}
