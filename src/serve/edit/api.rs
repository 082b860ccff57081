//! The editor's API under `/_menhu/edit/api/`: JSON in, JSON out, messages in Chinese
//! (the editor's language). Reads: `list`, `page`, `locate`, `cities`, `choices`,
//! `problems`, for deleting `references`, `files`, `trash`, for moving `move_plan`.
//! Changes (`POST`, checked by the guard): `save`, `new`, `upload`, `review`
//! ([`super::review`]), `undo`, `delete`, `delete_file`, `restore` ([`super::delete`]),
//! `move` ([`super::relocate`]). A change names the version of the file it was made on;
//! a file changed on disk since is not overwritten (409, with the file as it is now).

use chrono::TimeZone;
use serde_json::{Map, Value, json};

use super::files::{self, SitePath};
use super::list;
use super::review;
use super::{Editor, Reply, delete, front, relocate, upload};
use crate::diag::Lang;
use crate::portal::region::{self, Level, Resolution};

/// A refused change: status and the sentence the editor reads.
pub(super) struct Problem {
    pub(super) status: u16,
    pub(super) message: String,
    pub(super) extra: Map<String, Value>,
}

impl Problem {
    pub(super) fn new(status: u16, message: impl Into<String>) -> Problem {
        Problem {
            status,
            message: message.into(),
            extra: Map::new(),
        }
    }
}

pub(super) type Answer = Result<Value, Problem>;

/// Answers `route` (`save`, `list`…) with `query` and `body`.
pub fn handle(editor: &Editor, route: &str, query: &str, body: &[u8]) -> Reply {
    let query: Map<String, Value> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
        .collect();
    let arg = |name: &str| query.get(name).and_then(Value::as_str).unwrap_or("");
    let json_body = || serde_json::from_slice::<Value>(body).unwrap_or(Value::Null);
    let answer = match route {
        "list" => Ok(listing(editor)),
        "page" => open(editor, arg("path")),
        "locate" => Ok(json!({ "path": editor.site.source_of(arg("url")) })),
        "cities" => Ok(cities(arg("q"))),
        "choices" => Ok(json!(list::choices(&editor.options.bounds))),
        "problems" => Ok(problems(editor, arg("path"))),
        "save" => save(editor, &json_body()),
        "new" => create(editor, &json_body()),
        "upload" => store_upload(editor, arg("path"), arg("name"), arg("version"), body),
        "review" => review::step(editor, &json_body()),
        "undo" => undo(editor, &json_body()),
        "references" => delete::references(editor, arg("path")),
        "files" => delete::beside(editor, arg("path")),
        "delete" => delete::page(editor, &json_body()),
        "delete_file" => delete::file(editor, &json_body()),
        "trash" => Ok(delete::trash(editor)),
        "restore" => delete::restore(editor, &json_body()),
        "move_plan" => relocate::plan(editor, arg("path"), arg("to")),
        "move" => relocate::page(editor, &json_body()),
        _ => Err(Problem::new(404, "没有这个功能")),
    };
    match answer {
        Ok(value) => Reply::json(200, &value),
        Err(problem) => {
            let mut value = problem.extra;
            value.insert("error".into(), Value::String(problem.message));
            Reply::json(problem.status, &Value::Object(value))
        }
    }
}

/// The answer to a change whose body is over the limit of its kind ([`super::guard`]).
pub fn too_large(target: &str) -> Reply {
    use super::{MAX_JSON_BYTES, MAX_UPLOAD_BYTES};
    const MB: u64 = 1024 * 1024;
    let message = if target.starts_with(&format!("{}upload", super::guard::API)) {
        format!(
            "文件太大了（最大 {} MB），没有上传：请先缩小再上传，或把它分成几个文件",
            MAX_UPLOAD_BYTES / MB
        )
    } else {
        format!(
            "稿件太长了（超过 {} MB），没有保存，修改还在页面上：请把它分成几篇，或把大表格、大段资料做成附件上传",
            MAX_JSON_BYTES / MB
        )
    };
    Reply::json(413, &json!({ "error": message }))
}

/// The answer to a change whose body ended before its length: nothing was changed.
pub fn incomplete(route: &str) -> Reply {
    let message = if route == "upload" {
        "上传没有完成（连接中途断开），文件没有保存：请再上传一次"
    } else {
        "修改没有传完整（连接中途断开），没有保存，修改还在页面上：请再点一次「保存」"
    };
    Reply::json(400, &json!({ "error": message }))
}

fn listing(editor: &Editor) -> Value {
    let (sections, pages) = list::list(&editor.options.bounds, now(editor), editor.options.zone);
    json!({ "sections": sections, "pages": pages })
}

pub(super) fn now(editor: &Editor) -> chrono::DateTime<chrono::Utc> {
    editor.options.now.resolve(editor.options.zone)
}

pub(super) fn confine(editor: &Editor, rel: &str) -> Result<SitePath, Problem> {
    files::confine(&editor.options.bounds, rel).map_err(|e| Problem::new(403, e.to_string()))
}

/// The page's text, or why it cannot be edited.
pub(super) fn read_page(page: &SitePath) -> Result<String, Problem> {
    if !page.rel.ends_with(".md") {
        return Err(Problem::new(403, "只能编辑 .md 稿件"));
    }
    let bytes = std::fs::read(&page.full)
        .map_err(|_| Problem::new(404, format!("找不到稿件「{}」", page.rel)))?;
    String::from_utf8(bytes).map_err(|_| {
        Problem::new(
            422,
            "这篇稿件不是 UTF-8 编码，请先用 `menhu check` 看怎样转换后再在线编辑",
        )
    })
}

fn open(editor: &Editor, rel: &str) -> Answer {
    let page = confine(editor, rel)?;
    let text = read_page(&page).map_err(|p| delete::in_the_bin(editor, &page, p))?;
    let fields = front::read(&text).map_err(|e| unreadable(editor, &page, &e))?;
    let split =
        crate::content::front_matter::split(&text).map_err(|e| Problem::new(422, e.to_string()))?;
    let zone = editor.options.zone;
    let date_local = fields
        .fields
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| list::instant(d, zone))
        .map(|d| d.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string());
    let url = editor.site.url_of(&page.rel);
    Ok(json!({
        "path": page.rel,
        "version": files::version_of(text.as_bytes()),
        "format": if fields.format == crate::content::front_matter::Format::Yaml { "yaml" } else { "toml" },
        "fields": fields.fields,
        "other": fields.other,
        "date_local": date_local,
        "zone": zone.name(),
        "body": split.body,
        "status": list::status_of(&fields.fields, now(editor), zone),
        "preview": url.map(|u| format!("{}{u}", editor.options.preview_origin)),
        "files_base": super::pictures::base_of(&page.rel),
        "notes": review::read_notes(&page),
        "commits": editor.options.commit,
        "can_undo": editor.undo.has(&page.rel),
    }))
}

/// Why a page whose front matter cannot be read is not opened, and what to do: the
/// form cannot show it, so the fix is made in a text editor. The last build's error
/// for the file (its line, in the editor's language) says where, when there is one.
fn unreadable(editor: &Editor, page: &SitePath, error: &front::FrontError) -> Problem {
    let found = problems(editor, &page.rel);
    let first = found["problems"].as_array().and_then(|all| {
        all.iter()
            .find(|p| p["error"] == true && p["line"].is_u64())
    });
    let detail = match first {
        Some(p) => format!(
            "第 {} 行：{}（{}）",
            p["line"],
            p["message"].as_str().unwrap_or(""),
            p["help"].as_str().unwrap_or("")
        ),
        None => error.to_string(),
    };
    Problem::new(
        422,
        format!(
            "这篇稿件开头的设置写错了，在线编辑打不开它。{detail}。请用记事本等文本编辑器打开「{}」改正，保存后再在这里打开",
            page.rel
        ),
    )
}

/// Checks the version, applies `changes` (and `body`), writes, remembers the old bytes
/// for undo, and answers the new version.
pub(super) fn write_change(
    editor: &Editor,
    page: &SitePath,
    version: &str,
    changes: &Map<String, Value>,
    body: Option<&str>,
) -> Answer {
    let text = read_page(page)?;
    let current = files::version_of(text.as_bytes());
    if current != version {
        let mut problem = Problem::new(
            409,
            "这篇稿件在你打开之后被别人（或别的程序）改过了，请对照两个版本再决定",
        );
        problem.extra.insert("current".into(), Value::String(text));
        problem
            .extra
            .insert("version".into(), Value::String(current));
        return Err(problem);
    }
    let new = front::apply(&text, changes, body).map_err(|e| Problem::new(422, e.to_string()))?;
    if new == text {
        return Ok(json!({ "version": current, "path": page.rel, "changed": false }));
    }
    files::write_atomically(&page.full, new.as_bytes()).map_err(|e| {
        Problem::new(
            500,
            format!(
                "保存失败：{}。你的修改还在页面上，没有丢失；处理好后再点「保存」",
                disk_problem(&e)
            ),
        )
    })?;
    let saved = files::version_of(new.as_bytes());
    editor.undo.remember(&page.rel, text.as_bytes(), &saved);
    Ok(json!({ "version": saved, "path": page.rel, "changed": true }))
}

/// Why a write into the site's folder failed, and what to do, in the editor's words;
/// the system's own text (in English) follows in brackets for the operator.
pub(super) fn disk_problem(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let why = match error.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "网站文件夹不允许写入，请管理员检查网站文件夹的写入权限"
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "磁盘已满，请管理员清理磁盘空间",
        ErrorKind::NotFound => {
            "稿件所在的文件夹不见了（可能被移动或删除），请回到稿件列表重新打开这篇稿件"
        }
        _ => "写入网站文件夹时出错，请管理员确认网站文件夹和磁盘正常",
    };
    format!("{why}（{error}）")
}

/// Refused (409, saying `refusal`) unless `text` is still the `version` the editor saw.
pub(super) fn as_seen(text: &str, version: &str, refusal: &str) -> Result<(), Problem> {
    if files::version_of(text.as_bytes()) != version {
        return Err(Problem::new(409, refusal));
    }
    Ok(())
}

pub(super) fn str_of<'a>(request: &'a Value, key: &str) -> &'a str {
    request.get(key).and_then(Value::as_str).unwrap_or("")
}

fn save(editor: &Editor, request: &Value) -> Answer {
    let page = confine(editor, str_of(request, "path"))?;
    let mut changes = request
        .get("fields")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    if let Some(local) = request.get("date_local").and_then(Value::as_str) {
        changes.insert(
            "date".into(),
            Value::String(rfc3339_of_local(editor, local)?),
        );
    }
    let body = request.get("body").and_then(Value::as_str);
    write_change(editor, &page, str_of(request, "version"), &changes, body)
}

/// `2026-12-06T09:30` on the site's clock as RFC 3339 with the site's offset then.
fn rfc3339_of_local(editor: &Editor, local: &str) -> Result<String, Problem> {
    let bad = || Problem::new(422, format!("日期时间「{local}」写错了"));
    let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| bad())?;
    let moment = editor
        .options
        .zone
        .from_local_datetime(&naive)
        .earliest()
        .ok_or_else(bad)?;
    Ok(moment
        .fixed_offset()
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string())
}

fn create(editor: &Editor, request: &Value) -> Answer {
    let (section, title) = (str_of(request, "section"), str_of(request, "title").trim());
    if title.is_empty() {
        return Err(Problem::new(422, "请先写标题"));
    }
    let root = editor.options.bounds.root();
    confine(editor, &format!("content/{section}/_index.md"))?;
    let moment = now(editor)
        .with_timezone(&editor.options.zone)
        .fixed_offset();
    let file =
        crate::scaffold::new_page(root, section, title, moment, crate::scaffold::Shape::File)
            .map_err(|d| {
                let help = d
                    .help_in(Lang::ZhHans)
                    .map(|h| format!("（{h}）"))
                    .unwrap_or_default();
                Problem::new(422, format!("{}{help}", d.message_in(Lang::ZhHans)))
            })?;
    let rel = files::site_relative(root, &file).unwrap_or_default();
    let page = confine(editor, &rel)?;
    let text = read_page(&page)?;
    let draft = json!({ "draft": true })
        .as_object()
        .cloned()
        .unwrap_or_default();
    write_change(
        editor,
        &page,
        &files::version_of(text.as_bytes()),
        &draft,
        None,
    )?;
    Ok(json!({ "path": rel }))
}

fn store_upload(editor: &Editor, rel: &str, name: &str, version: &str, bytes: &[u8]) -> Answer {
    let page = confine(editor, rel)?;
    let text = read_page(&page)?;
    as_seen(&text, version, "稿件已被改过，请先保存或重新打开再加照片")?;
    let stored = upload::store(&page, name, bytes).map_err(|e| match e {
        upload::UploadRefused::Io(io) => Problem::new(
            500,
            format!(
                "「{name}」没有保存：{}。处理好后再上传一次",
                disk_problem(&io)
            ),
        ),
        _ => Problem::new(415, e.to_string()),
    })?;
    Ok(json!({
        "path": stored.page,
        "files_base": super::pictures::base_of(&stored.page),
        "file": stored.file,
        "picture": stored.picture,
    }))
}

fn undo(editor: &Editor, request: &Value) -> Answer {
    let page = confine(editor, str_of(request, "path"))?;
    let text = read_page(&page)?;
    let Some((before, version)) = editor.undo.take(&page.rel) else {
        return Err(Problem::new(404, "这篇稿件没有可以撤销的保存"));
    };
    as_seen(&text, &version, "上次保存之后稿件又被改过，不能撤销")?;
    files::write_atomically(&page.full, &before)
        .map_err(|e| Problem::new(500, format!("撤销失败：{}", disk_problem(&e))))?;
    Ok(json!({ "version": files::version_of(&before), "path": page.rel }))
}

/// Cities and counties whose name contains `q`, for completion, and whether `q` names
/// exactly one (else the nearest names, as the build suggests them).
fn cities(q: &str) -> Value {
    let q = q.trim();
    let registry = region::builtin();
    let mut matches: Vec<(u8, String, String)> = Vec::new();
    if !q.is_empty() {
        for (id, division) in registry.divisions() {
            if division.name.contains(q) || division.short.contains(q) {
                let rank = match division.level {
                    Level::Prefecture => 0,
                    Level::County => 1,
                    _ => 2,
                };
                matches.push((rank, division.short.clone(), registry.full_name(id)));
            }
        }
    }
    matches.sort();
    matches.truncate(20);
    let suggestions: Vec<String> = match registry.resolve(q, None) {
        Resolution::Unknown(near) if !q.is_empty() => near
            .iter()
            .take(3)
            .map(|id| registry.get(*id).short.clone())
            .collect(),
        _ => Vec::new(),
    };
    let known = !q.is_empty() && !matches!(registry.resolve(q, None), Resolution::Unknown(_));
    let options: Vec<Value> = matches
        .into_iter()
        .map(|(_, short, full)| json!({ "value": short, "label": full }))
        .collect();
    json!({ "options": options, "known": known, "suggestions": suggestions })
}

/// The last build's problems in the page `rel`, each with its line and, when the line
/// is in the front matter, the key it sets.
fn problems(editor: &Editor, rel: &str) -> Value {
    let text = files::confine(&editor.options.bounds, rel)
        .ok()
        .and_then(|p| std::fs::read_to_string(p.full).ok())
        .unwrap_or_default();
    let front_end = crate::content::front_matter::split(&text)
        .map(|s| s.body_line)
        .unwrap_or(1);
    let found: Vec<Value> = editor
        .site
        .problems()
        .iter()
        .filter(|d| {
            d.file
                .as_ref()
                .is_some_and(|f| crate::diag::display_path(f) == rel)
        })
        .map(|d| {
            let line = d.span.map(|s| s.line);
            let key = line
                .filter(|l| *l < front_end)
                .and_then(|l| text.lines().nth(l as usize - 1))
                .and_then(key_of_line);
            json!({
                "code": d.code,
                "error": d.is_error(),
                "line": line,
                "key": key,
                "message": d.message_in(Lang::ZhHans),
                "help": d.help_in(Lang::ZhHans),
            })
        })
        .collect();
    json!({ "problems": found })
}

/// The key a front-matter line sets (`作者 = "x"` → `author`).
fn key_of_line(line: &str) -> Option<String> {
    let (key, _) = line.split_once(['=', ':'])?;
    let key = key.trim().trim_matches(['"', '\'']);
    if key.is_empty() || key.starts_with('#') {
        return None;
    }
    Some(crate::content::english_key(key).unwrap_or(key).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn a_failed_write_says_why_in_chinese_and_what_to_do() {
        let denied = disk_problem(&Error::from(ErrorKind::PermissionDenied));
        assert!(
            denied.starts_with("网站文件夹不允许写入，请管理员"),
            "{denied}"
        );
        let full = disk_problem(&Error::from(ErrorKind::StorageFull));
        assert!(full.starts_with("磁盘已满"), "{full}");
        let other = disk_problem(&Error::other("disk on fire"));
        assert!(
            other.contains("请管理员") && other.ends_with("（disk on fire）"),
            "{other}"
        );
    }
}
