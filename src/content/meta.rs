//! STUB (replaced by the real front-matter module).
#![allow(missing_docs)]
use crate::diag::{Diagnostic, Span};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Option<Span>,
}
#[derive(Clone, Debug, PartialEq)]
pub struct Date {
    pub local: chrono::NaiveDateTime,
    pub offset: Option<chrono::FixedOffset>,
    pub has_time: bool,
    pub text: String,
}
impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
            return Some(Date {
                local: d.naive_local(),
                offset: Some(*d.offset()),
                has_time: true,
                text: s.into(),
            });
        }
        let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        Some(Date {
            local: d.and_hms_opt(0, 0, 0)?,
            offset: None,
            has_time: false,
            text: s.into(),
        })
    }
    pub fn date(&self) -> chrono::NaiveDate {
        self.local.date()
    }
}
#[derive(Debug, Clone)]
pub struct Attachment {
    pub path: String,
    pub title: Option<String>,
}
#[derive(Debug, Clone, Default)]
pub struct OrgFields {
    pub level: Option<Located<String>>,
    pub parent: Option<Located<String>>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub chair: Option<String>,
    pub founded: Option<String>,
    pub members: Option<u64>,
}
#[derive(Debug, Clone)]
pub struct PageMeta {
    pub title: String,
    pub description: Option<String>,
    pub summary: Option<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub expires: Option<Date>,
    pub slug: Option<String>,
    pub path: Option<String>,
    pub draft: bool,
    pub weight: Option<i64>,
    pub template: Option<String>,
    pub aliases: Vec<String>,
    pub lang: Option<String>,
    pub in_search_index: bool,
    pub author: Option<String>,
    pub authors: Vec<String>,
    pub editor: Option<String>,
    pub source: Option<String>,
    pub city: Option<Located<String>>,
    pub region: Option<Located<String>>,
    pub org: Option<Located<String>>,
    pub series: Option<Located<String>>,
    pub series_index: Option<Located<u32>>,
    pub attachments: Vec<Located<Attachment>>,
    pub cover: Option<String>,
    pub taxonomies: BTreeMap<String, Vec<String>>,
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub kind: Option<String>,
    pub org_fields: OrgFields,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Date,
    UpdateDate,
    Weight,
    Title,
    TitleBytes,
    Slug,
    None,
}
#[derive(Debug, Clone)]
pub struct SectionMeta {
    pub title: String,
    pub description: Option<String>,
    pub sort_by: SortBy,
    pub weight: i64,
    pub paginate_by: Option<usize>,
    pub paginate_path: String,
    pub paginate_reversed: bool,
    pub insert_anchor_links: Option<String>,
    pub template: Option<String>,
    pub page_template: Option<String>,
    pub render: bool,
    pub redirect_to: Option<String>,
    pub transparent: bool,
    pub draft: bool,
    pub aliases: Vec<String>,
    pub generate_feeds: bool,
    pub in_search_index: bool,
    pub kind: Option<String>,
    pub lang: Option<String>,
    pub extra: serde_json::Map<String, serde_json::Value>,
}
pub struct Parsed<T> {
    pub meta: T,
    pub body: String,
    pub body_line: u32,
    pub warnings: Vec<Diagnostic>,
}

fn split(text: &str) -> (toml::Table, String, u32) {
    let t = text.strip_prefix("+++\n").unwrap_or("");
    match t.find("\n+++") {
        Some(i) => {
            let body = t[i + 4..].trim_start_matches('\n');
            (
                toml::from_str(&t[..i]).unwrap_or_default(),
                body.into(),
                (text.len() - body.len()) as u32,
            )
        }
        None => (toml::Table::new(), text.into(), 1),
    }
}
fn s(t: &toml::Table, k: &str) -> Option<String> {
    t.get(k).and_then(|v| {
        v.as_str()
            .map(str::to_owned)
            .or_else(|| v.as_datetime().map(|d| d.to_string()))
    })
}
fn list(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
fn extra(t: &toml::Table) -> serde_json::Map<String, serde_json::Value> {
    t.get("extra")
        .and_then(|e| serde_json::to_value(e).ok())
        .and_then(|e| e.as_object().cloned())
        .unwrap_or_default()
}
fn loc(t: &toml::Table, k: &str) -> Option<Located<String>> {
    s(t, k).map(|value| Located { value, span: None })
}

pub fn parse_page(_file: &Path, text: &str) -> Result<Parsed<PageMeta>, Vec<Diagnostic>> {
    let (t, body, body_line) = split(text);
    let mut taxonomies = BTreeMap::new();
    for k in ["tags", "categories"] {
        if t.contains_key(k) {
            taxonomies.insert(k.to_owned(), list(t.get(k)));
        }
    }
    if let Some(tx) = t.get("taxonomies").and_then(|x| x.as_table()) {
        for (k, v) in tx {
            taxonomies.insert(k.clone(), list(Some(v)));
        }
    }
    let meta = PageMeta {
        title: s(&t, "title").unwrap_or_default(),
        description: s(&t, "description"),
        summary: s(&t, "summary"),
        date: s(&t, "date").and_then(|d| Date::parse(&d)),
        updated: s(&t, "updated").and_then(|d| Date::parse(&d)),
        expires: s(&t, "expires").and_then(|d| Date::parse(&d)),
        slug: s(&t, "slug"),
        path: s(&t, "path"),
        draft: t.get("draft").and_then(|x| x.as_bool()).unwrap_or(false),
        weight: t.get("weight").and_then(|x| x.as_integer()),
        template: s(&t, "template"),
        aliases: list(t.get("aliases")),
        lang: s(&t, "lang"),
        in_search_index: true,
        author: s(&t, "author"),
        authors: vec![],
        editor: s(&t, "editor"),
        source: s(&t, "source"),
        city: loc(&t, "city"),
        region: loc(&t, "region"),
        org: loc(&t, "org"),
        series: loc(&t, "series"),
        series_index: None,
        attachments: list(t.get("attachments"))
            .into_iter()
            .map(|p| Located {
                value: Attachment {
                    path: p,
                    title: None,
                },
                span: None,
            })
            .collect(),
        cover: s(&t, "cover"),
        taxonomies,
        extra: extra(&t),
        kind: s(&t, "kind"),
        org_fields: OrgFields::default(),
    };
    Ok(Parsed {
        meta,
        body,
        body_line,
        warnings: vec![],
    })
}
pub fn parse_section(_file: &Path, text: &str) -> Result<Parsed<SectionMeta>, Vec<Diagnostic>> {
    let (t, body, body_line) = split(text);
    let sort_by = match s(&t, "sort_by").as_deref() {
        Some("date") => SortBy::Date,
        Some("weight") => SortBy::Weight,
        Some("title") => SortBy::Title,
        _ => SortBy::None,
    };
    let meta = SectionMeta {
        title: s(&t, "title").unwrap_or_default(),
        description: s(&t, "description"),
        sort_by,
        weight: t.get("weight").and_then(|x| x.as_integer()).unwrap_or(0),
        paginate_by: t
            .get("paginate_by")
            .and_then(|x| x.as_integer())
            .map(|x| x as usize),
        paginate_path: "page".into(),
        paginate_reversed: false,
        insert_anchor_links: None,
        template: s(&t, "template"),
        page_template: s(&t, "page_template"),
        render: true,
        redirect_to: None,
        transparent: false,
        draft: false,
        aliases: vec![],
        generate_feeds: true,
        in_search_index: true,
        kind: s(&t, "kind"),
        lang: None,
        extra: extra(&t),
    };
    Ok(Parsed {
        meta,
        body,
        body_line,
        warnings: vec![],
    })
}
pub fn date_from_filename(stem: &str) -> Option<(Date, &str)> {
    if stem.len() < 11 || !stem.is_char_boundary(10) {
        return None;
    }
    let (d, rest) = stem.split_at(10);
    let rest = rest.strip_prefix('-').or_else(|| rest.strip_prefix('_'))?;
    Some((Date::parse(d)?, rest))
}

impl Default for SectionMeta {
    fn default() -> Self {
        parse_section(Path::new("x"), "").map(|p| p.meta).unwrap()
    }
}
