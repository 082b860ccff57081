//! 移动到其他栏目: moving a page filed in the wrong section (新闻中心 instead of
//! 通知公告) to another one, without breaking an address or a link.
//!
//! - `move_plan?path=&to=` answers what the move will do, for the question asked first:
//!   where the page goes, the old address kept (when the page was published), the pages
//!   whose links are rewritten, whether it is committed; or why it is refused;
//! - `move` (`{path, version, to, name}`) moves it: the page's `.md` with its review
//!   notes, or its bundle folder with everything in it, into the section's folder under
//!   the same name, refusing when something of that name stands there (a file or a
//!   bundle folder: either takes the same address) or the page changed on disk since it
//!   was opened.
//!
//! A published page's old address goes into its `aliases` (the build writes a redirect
//! page there), the other keys of its front matter left as written ([`front::apply`]);
//! an alias at the new address (a page moved back) is taken out. A draft, a page waiting
//! for review or a scheduled page was never seen at its address and gets none; neither
//! does a page whose `path` fixes its address. Every `@/` link to the page (or into its
//! bundle) in the other pages, and in the page itself, is rewritten to its new path. If
//! a step fails midway, the steps made are undone: the page is back where it was and
//! the links as they were. Paths go through [`files::confine`] (under `content/`, no
//! link on the way); a section's `_index.md` is not moved.

use std::path::PathBuf;

use serde_json::{Map, Value, json};

use super::api::{Answer, Problem, as_seen, confine, disk_problem, now, str_of};
use super::delete::{Taking, commits, committer, title_of, whole_page};
use super::files::{self, SitePath};
use super::links::{self, Linking};
use super::list::{self, Status};
use super::trash::{move_without_replacing, moved_of, twins};
use super::{Editor, commit, front, review};

/// A move checked and ready.
struct Move {
    page: SitePath,
    text: String,
    title: String,
    /// What moves (the page's file or its bundle's folder), and where to.
    item: SitePath,
    new_item: SitePath,
    new_page: SitePath,
    /// A single-file page's review notes, from and to, when it has some.
    notes: Option<(SitePath, SitePath)>,
    from: (String, String),
    to: (String, String),
    /// The address kept (added to `aliases`) and the new one.
    alias: Option<String>,
    new_url: Option<String>,
    linking: Vec<Linking>,
    /// With `--edit-commit`, whether the page is in the repository.
    tracked: bool,
}

/// What moving `rel` to the section `to` will do.
pub fn plan(editor: &Editor, rel: &str, to: &str) -> Answer {
    let planned = prepare(editor, rel, to)?;
    Ok(json!({
        "path": planned.page.rel,
        "title": planned.title,
        "new_path": planned.new_page.rel,
        "from": { "key": planned.from.0, "title": planned.from.1 },
        "to": { "key": planned.to.0, "title": planned.to.1 },
        "alias": planned.alias,
        "new_url": planned.new_url,
        "linked_by": planned.linking.iter().map(Linking::json).collect::<Vec<_>>(),
        "commits": planned.tracked,
    }))
}

/// The section's folder under `content/` of the page `rel` (its bundle's, for a bundle).
fn section_of(rel: &str) -> String {
    let moved = moved_of(rel);
    let folder = moved.rsplit_once('/').map_or("", |(f, _)| f);
    folder
        .strip_prefix("content/")
        .or_else(|| folder.strip_prefix("content"))
        .unwrap_or(folder)
        .to_owned()
}

/// The title of the section in `content/<key>/` (the home page's for an empty key), or
/// its folder's name.
fn section_title(editor: &Editor, key: &str) -> String {
    let index = match key {
        "" => "content/_index.md".to_owned(),
        key => format!("content/{key}/_index.md"),
    };
    let named = files::confine(&editor.options.bounds, &index)
        .ok()
        .and_then(|p| std::fs::read_to_string(p.full).ok())
        .and_then(|text| front::title(&text));
    named.unwrap_or_else(|| match key {
        "" => "首页".to_owned(),
        key => key.to_owned(),
    })
}

fn prepare(editor: &Editor, rel: &str, to: &str) -> Result<Move, Problem> {
    let (page, text, item) = whole_page(editor, rel, Taking::Move)?;
    let title = title_of(&text, &page.rel);
    let to = to.trim().trim_matches('/');
    if to.is_empty() {
        return Err(Problem::new(422, "请选择要移到哪个栏目"));
    }
    let section = confine(editor, &format!("content/{to}/_index.md"))?;
    if !std::fs::symlink_metadata(&section.full).is_ok_and(|m| m.is_file()) {
        return Err(Problem::new(
            404,
            format!("没有「{to}」这个栏目：请在列表里选择一个栏目"),
        ));
    }
    let from = section_of(&page.rel);
    if from == to {
        return Err(Problem::new(
            422,
            format!(
                "「{title}」已经在「{}」栏目里了：请选择别的栏目",
                section_title(editor, to)
            ),
        ));
    }
    let name = item.rel.rsplit('/').next().unwrap_or("");
    let new_item = confine(editor, &format!("content/{to}/{name}"))?;
    let new_page = match page.rel.strip_prefix(&format!("{}/", item.rel)) {
        Some(inner) => confine(editor, &format!("{}/{inner}", new_item.rel))?,
        None => new_item.clone(),
    };
    let to_title = section_title(editor, to);
    if let Some(taken) = twins(&new_item.full)
        .into_iter()
        .find(|p| std::fs::symlink_metadata(p).is_ok())
    {
        let rel = files::site_relative(editor.options.bounds.root(), &taken).unwrap_or_default();
        return Err(Problem::new(
            409,
            format!(
                "「{to_title}」栏目里已经有同名的稿件或文件夹（{rel}），没有移动：两篇同名稿件会占用同一个网址。请先把其中一篇改名，或请管理员处理"
            ),
        ));
    }
    let notes = notes_of(&page, &new_page)?;
    let (alias, new_url) = addresses(editor, &page, &text, to)?;
    let linking = links::pages_linking_to(editor, &page.rel);
    if let Some(locked) = linking.iter().find(|l| confine(editor, &l.path).is_err()) {
        return Err(Problem::new(
            403,
            format!(
                "「{}」（{}）链接到这篇稿件，但它经过一个链接（符号链接），在线编辑不能修改它的链接，没有移动：请管理员处理",
                locked.title, locked.path
            ),
        ));
    }
    let tracked = commits(editor, &item.rel);
    Ok(Move {
        from: (from.clone(), section_title(editor, &from)),
        to: (to.to_owned(), to_title),
        page,
        text,
        title,
        item,
        new_item,
        new_page,
        notes,
        alias,
        new_url,
        linking,
        tracked,
    })
}

/// The review notes of a single-file page, from and to, when it has some; refused when
/// notes of that name already lie at the new place.
fn notes_of(page: &SitePath, new_page: &SitePath) -> Result<Option<(SitePath, SitePath)>, Problem> {
    if page.rel.ends_with("/index.md") {
        return Ok(None);
    }
    let old = review::notes_of(page);
    if !std::fs::symlink_metadata(&old.full).is_ok_and(|m| m.is_file()) {
        return Ok(None);
    }
    let new = review::notes_of(new_page);
    if std::fs::symlink_metadata(&new.full).is_ok() {
        return Err(Problem::new(
            409,
            format!(
                "新栏目里已经有同名稿件的审核记录（{}），没有移动：请管理员处理",
                new.rel
            ),
        ));
    }
    Ok(Some((old, new)))
}

/// The page's address kept as an alias (when it was published and the move changes
/// it), and its new address.
fn addresses(
    editor: &Editor,
    page: &SitePath,
    text: &str,
    to: &str,
) -> Result<(Option<String>, Option<String>), Problem> {
    let fields = front::read(text)
        .map_err(|e| Problem::new(422, e.to_string()))?
        .fields;
    let status = list::status_of(&fields, now(editor), editor.options.zone);
    let fixed = fields.contains_key("path");
    let site = &editor.site;
    let old_url = site.url_of(&page.rel);
    let section_url = site.section_url_of(&format!("content/{to}/_index.md"));
    let new_url = match (&old_url, &section_url) {
        (Some(old), Some(section)) if !fixed => {
            let slug = old.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            Some(format!("{section}{slug}/"))
        }
        (Some(old), _) if fixed => Some(old.clone()),
        _ => None,
    };
    if status != Status::Published || fixed {
        return Ok((None, new_url));
    }
    match (old_url, new_url) {
        (Some(old), Some(new)) => Ok(((old != new).then_some(old), Some(new))),
        _ => Err(Problem::new(
            409,
            "预览还没有生成这篇稿件或那个栏目，无法确定它现在的网址，没有移动：请等预览生成好（生成失败时先改正问题）再移动",
        )),
    }
}

/// The front matter's `aliases` with `alias` added and `new_url` taken out.
fn aliases_with(
    text: &str,
    alias: &str,
    new_url: Option<&str>,
) -> Result<String, front::FrontError> {
    let fields = front::read(text)?.fields;
    let mut list: Vec<Value> = match fields.get("aliases") {
        Some(Value::Array(items)) => items.clone(),
        Some(Value::String(one)) => vec![Value::String(one.clone())],
        _ => Vec::new(),
    };
    list.retain(|a| a.as_str() != new_url);
    if !list.iter().any(|a| a.as_str() == Some(alias)) {
        list.push(Value::String(alias.to_owned()));
    }
    let mut changes = Map::new();
    changes.insert("aliases".into(), Value::Array(list));
    front::apply(text, &changes, None)
}

/// Moves the page `{path, version, to, name}`.
pub fn page(editor: &Editor, request: &Value) -> Answer {
    let planned = prepare(editor, str_of(request, "path"), str_of(request, "to"))?;
    as_seen(
        &planned.text,
        str_of(request, "version"),
        "这篇稿件在你打开之后被改过了，没有移动：请重新打开，看过现在的内容再移动",
    )?;
    let name = committer(editor, request, planned.tracked)?;
    let root = editor.options.bounds.root();
    // Pages whose link change alone can be committed (no change of their own waiting).
    let committable: Vec<bool> = planned
        .linking
        .iter()
        .map(|l| name.is_some() && commit::as_committed(root, &l.path))
        .collect();
    let (from, to) = (
        links::link_target(&planned.page.rel),
        links::link_target(&planned.new_page.rel),
    );
    let mut new_text = links::rewritten(&planned.text, &from.0, &to.0, from.1);
    if let Some(alias) = &planned.alias {
        new_text = aliases_with(&new_text, alias, planned.new_url.as_deref())
            .map_err(|e| Problem::new(422, e.to_string()))?;
    }
    carry_out(&planned, &new_text, &from, &to)?;
    editor.undo.forget(&planned.page.rel);
    let committed = name.map(|who| {
        let mut paths = vec![planned.item.rel.clone(), planned.new_item.rel.clone()];
        if let Some((old, new)) = &planned.notes {
            paths.extend([old.rel.clone(), new.rel.clone()]);
        }
        for (linking, ok) in planned.linking.iter().zip(&committable) {
            if *ok {
                paths.push(linking.path.clone());
            }
        }
        let message = message_of(&planned);
        commit::answer(&commit::commit(root, &paths, &who, &message))
    });
    let left_out: Vec<Value> = planned
        .linking
        .iter()
        .zip(&committable)
        .filter(|(_, ok)| committed.is_some() && !**ok)
        .map(|(l, _)| l.json())
        .collect();
    Ok(json!({
        "path": planned.new_page.rel,
        "moved_from": planned.page.rel,
        "title": planned.title,
        "to": { "key": planned.to.0, "title": planned.to.1 },
        "alias": planned.alias,
        "updated": planned.linking.iter().map(Linking::json).collect::<Vec<_>>(),
        "commit": committed,
        "not_committed": left_out,
    }))
}

/// The commit's message: what moved where, the links rewritten, the address kept.
fn message_of(planned: &Move) -> String {
    let mut message = format!(
        "移动稿件：{}（{} → {}）\n\n{} → {}\n",
        planned.title, planned.from.1, planned.to.1, planned.page.rel, planned.new_page.rel
    );
    for linking in &planned.linking {
        message.push_str(&format!("更新链接：{}\n", linking.path));
    }
    if let Some(alias) = &planned.alias {
        message.push_str(&format!("旧网址 {alias} 跳转到新网址\n"));
    }
    message
}

/// The move on disk, each step undone when a later one fails.
fn carry_out(
    planned: &Move,
    new_text: &str,
    from: &(String, bool),
    to: &(String, bool),
) -> Result<(), Problem> {
    let failed = |e: &std::io::Error| {
        let status = if e.kind() == std::io::ErrorKind::AlreadyExists {
            409
        } else {
            500
        };
        Problem::new(
            status,
            format!("没有移动，稿件还在原处：{}", disk_problem(e)),
        )
    };
    move_without_replacing(&planned.item.full, &planned.new_item.full).map_err(|e| failed(&e))?;
    let mut undo: Vec<(PathBuf, Undo)> = vec![(
        planned.new_item.full.clone(),
        Undo::MoveBack(planned.item.full.clone()),
    )];
    let mut step = || -> std::io::Result<()> {
        if let Some((old, new)) = &planned.notes {
            move_without_replacing(&old.full, &new.full)?;
            undo.push((new.full.clone(), Undo::MoveBack(old.full.clone())));
        }
        let page_file = planned.new_page.full.clone();
        if new_text != planned.text {
            files::write_atomically(&page_file, new_text.as_bytes())?;
            undo.push((page_file, Undo::Write(planned.text.clone())));
        }
        for linking in &planned.linking {
            let full = linking.full.clone();
            let text = links::rewritten(&linking.text, &from.0, &to.0, from.1);
            files::write_atomically(&full, text.as_bytes())?;
            undo.push((full, Undo::Write(linking.text.clone())));
        }
        Ok(())
    };
    if let Err(error) = step() {
        for (place, back) in undo.into_iter().rev() {
            let _ = match back {
                Undo::MoveBack(home) => std::fs::rename(&place, home),
                Undo::Write(text) => files::write_atomically(&place, text.as_bytes()),
            };
        }
        return Err(failed(&error));
    }
    Ok(())
}

/// How a step is undone.
enum Undo {
    /// Rename it back to this place.
    MoveBack(PathBuf),
    /// Write these bytes back.
    Write(String),
}

#[cfg(test)]
mod tests;
