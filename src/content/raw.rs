//! Serde mirrors of page and section front matter (`Raw*`): what the editor typed, in
//! TOML or YAML, before any check. Unknown keys are left to `serde_ignored` (warnings);
//! dates stay text here and are checked in `meta`, so every bad date is reported.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};

/// The map key under which the TOML deserializer hands out a datetime.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

/// Page front matter as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawPageMeta {
    pub title: Option<String>,
    pub description: Option<String>,
    pub summary: Option<String>,
    pub date: Option<RawText>,
    pub updated: Option<RawText>,
    pub expires: Option<RawText>,
    pub slug: Option<String>,
    pub path: Option<String>,
    pub draft: bool,
    pub status: Option<String>,
    pub weight: Option<i64>,
    pub template: Option<String>,
    pub aliases: PathList,
    pub push: StringList,
    pub lang: Option<String>,
    pub in_search_index: Option<bool>,
    pub render: Option<bool>,
    pub author: Option<String>,
    pub authors: StringList,
    pub editor: Option<String>,
    pub source: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub org: Option<String>,
    pub series: Option<String>,
    pub series_index: Option<u32>,
    pub attachments: RawAttachments,
    pub cover: Option<String>,
    pub cover_focus: Option<String>,
    pub cover_alt: Option<String>,
    pub cover_caption: Option<String>,
    pub headline: Option<bool>,
    pub headline_until: Option<RawText>,
    pub pin: Option<RawPin>,
    pub pin_until: Option<RawText>,
    pub photo: Option<bool>,
    pub tags: StringList,
    pub categories: StringList,
    pub taxonomies: BTreeMap<String, StringList>,
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub kind: Option<String>,
    pub level: Option<String>,
    pub parent: Option<String>,
    pub address: Option<String>,
    pub phone: Option<RawText>,
    pub website: Option<String>,
    pub chair: Option<String>,
    pub founded: Option<RawText>,
    pub members: Option<u64>,
}

/// Every key a page's front matter may have at the top level.
pub(crate) const PAGE_KEYS: &[&str] = &[
    "title",
    "description",
    "summary",
    "date",
    "updated",
    "expires",
    "slug",
    "path",
    "draft",
    "status",
    "weight",
    "template",
    "aliases",
    "push",
    "lang",
    "in_search_index",
    "render",
    "author",
    "authors",
    "editor",
    "source",
    "city",
    "region",
    "org",
    "series",
    "series_index",
    "attachments",
    "cover",
    "cover_focus",
    "cover_alt",
    "cover_caption",
    "headline",
    "headline_until",
    "pin",
    "pin_until",
    "photo",
    "tags",
    "categories",
    "taxonomies",
    "extra",
    "kind",
    "level",
    "parent",
    "address",
    "phone",
    "website",
    "chair",
    "founded",
    "members",
];

/// Section (`_index.md`) front matter as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawSectionMeta {
    pub title: Option<String>,
    pub description: Option<String>,
    pub sort_by: Option<String>,
    pub weight: i64,
    pub paginate_by: Option<usize>,
    pub paginate_path: Option<String>,
    pub paginate_reversed: bool,
    pub insert_anchor_links: Option<String>,
    pub template: Option<String>,
    pub page_template: Option<String>,
    pub render: Option<bool>,
    pub redirect_to: Option<String>,
    pub transparent: bool,
    pub draft: bool,
    pub aliases: PathList,
    #[serde(alias = "generate_feed")]
    pub generate_feeds: bool,
    pub in_search_index: Option<bool>,
    pub kind: Option<String>,
    pub lang: Option<String>,
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Every key a section's front matter may have at the top level.
pub(crate) const SECTION_KEYS: &[&str] = &[
    "title",
    "description",
    "sort_by",
    "weight",
    "paginate_by",
    "paginate_path",
    "paginate_reversed",
    "insert_anchor_links",
    "template",
    "page_template",
    "render",
    "redirect_to",
    "transparent",
    "draft",
    "aliases",
    "generate_feeds",
    "generate_feed",
    "in_search_index",
    "kind",
    "lang",
    "extra",
];

/// The keys of an attachment written as a table.
pub(crate) const ATTACHMENT_KEYS: &[&str] = &["path", "title"];

/// A scalar kept as text: strings, TOML datetimes and (for `phone`, `founded`) numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawText(pub String);

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor).map(RawText)
    }
}

/// Accepts text, numbers and TOML datetimes, all as text.
struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == TOML_DATETIME_KEY => map.next_value::<String>(),
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

/// `pin`: `true`/`false`, or a rank (`pin = 1` comes first). Anything else is kept so
/// the check can say what was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawPin {
    Flag(bool),
    Rank(i64),
}

impl<'de> Deserialize<'de> for RawPin {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PinVisitor)
    }
}

struct PinVisitor;

impl Visitor<'_> for PinVisitor {
    type Value = RawPin;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("`true`, `false` or a whole number such as 1")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawPin, E> {
        Ok(RawPin::Flag(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawPin, E> {
        Ok(RawPin::Rank(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawPin, E> {
        Ok(RawPin::Rank(i64::try_from(v).unwrap_or(i64::MAX)))
    }
}

/// A list of text values; a single value stands for a list of one (`tags = "科普"`), or
/// of several when they are separated as the online editor's fields separate them, by
/// commas, 顿号 or semicolons, half or full width (`tags = "科普、科技"`): a list written
/// as one string is what Word users type, and would otherwise be one long tag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StringList(pub Vec<String>);

impl<'de> Deserialize<'de> for StringList {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(StringListVisitor { split: true })
            .map(StringList)
    }
}

/// A list of addresses (`aliases`); a single one stands for a list of one, whatever
/// commas it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PathList(pub Vec<String>);

impl<'de> Deserialize<'de> for PathList {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(StringListVisitor { split: false })
            .map(PathList)
    }
}

struct StringListVisitor {
    /// Whether one string is split at separators.
    split: bool,
}

impl<'de> Visitor<'de> for StringListVisitor {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of text values")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<String>, E> {
        if !self.split {
            return Ok(vec![v.to_owned()]);
        }
        let items: Vec<String> = v
            .split([',', '，', '、', ';', '；'])
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect();
        // Separators alone (`"、"`) are kept as written rather than made nothing.
        Ok(if items.is_empty() && !v.trim().is_empty() {
            vec![v.to_owned()]
        } else {
            items
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(RawText(item)) = seq.next_element()? {
            out.push(item);
        }
        Ok(out)
    }
}

/// The attachments: a list, or one written alone (`attachments = "a.pdf"`), as one tag
/// may be.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RawAttachments(pub Vec<RawAttachment>);

impl<'de> Deserialize<'de> for RawAttachments {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(AttachmentsVisitor)
            .map(RawAttachments)
    }
}

struct AttachmentsVisitor;

impl<'de> Visitor<'de> for AttachmentsVisitor {
    type Value = Vec<RawAttachment>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of file names or tables with `path` and `title`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<RawAttachment>, E> {
        AttachmentVisitor.visit_str(v).map(|one| vec![one])
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<RawAttachment>, A::Error> {
        AttachmentVisitor.visit_map(map).map(|one| vec![one])
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<RawAttachment>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            out.push(item);
        }
        Ok(out)
    }
}

/// An attachment: `"a.pdf"` or `{ path = "b.docx", title = "报名表" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawAttachment {
    pub path: String,
    pub title: Option<String>,
}

#[derive(Deserialize)]
struct RawAttachmentTable {
    path: String,
    #[serde(default)]
    title: Option<String>,
}

impl<'de> Deserialize<'de> for RawAttachment {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AttachmentVisitor)
    }
}

struct AttachmentVisitor;

impl<'de> Visitor<'de> for AttachmentVisitor {
    type Value = RawAttachment;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a file name or a table with `path` and `title`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAttachment, E> {
        Ok(RawAttachment {
            path: v.to_owned(),
            title: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawAttachment, A::Error> {
        // Through the map's own deserializer, so unknown keys still reach serde_ignored.
        let table = RawAttachmentTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(RawAttachment {
            path: table.path,
            title: table.title,
        })
    }
}

/// `[extra]` as JSON, with TOML datetimes (which serde hands out as one-key maps) made text.
pub(crate) fn clean_extra(
    mut extra: serde_json::Map<String, serde_json::Value>,
) -> serde_json::Map<String, serde_json::Value> {
    extra.values_mut().for_each(datetimes_to_text);
    extra
}

fn datetimes_to_text(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if map.len() == 1
                && let Some(Value::String(text)) = map.get(TOML_DATETIME_KEY)
            {
                *value = Value::String(text.clone());
                return;
            }
            map.values_mut().for_each(datetimes_to_text);
        }
        Value::Array(items) => items.iter_mut().for_each(datetimes_to_text),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_lists_match_the_mirrors() {
        // A key missing from a list would be accepted but never suggested.
        for key in PAGE_KEYS {
            let text = format!("{key} = 1");
            let mut unknown = Vec::new();
            let de = toml::de::Deserializer::parse(&text).unwrap();
            let _ = serde_ignored::deserialize::<_, _, RawPageMeta>(de, |p| {
                unknown.push(p.to_string())
            });
            assert!(unknown.is_empty(), "{key}: {unknown:?}");
        }
        for key in SECTION_KEYS {
            let text = format!("{key} = 1");
            let mut unknown = Vec::new();
            let de = toml::de::Deserializer::parse(&text).unwrap();
            let _ = serde_ignored::deserialize::<_, _, RawSectionMeta>(de, |p| {
                unknown.push(p.to_string())
            });
            assert!(unknown.is_empty(), "{key}: {unknown:?}");
        }
    }

    /// The fields of a mirror that `listed` lacks, in the mirror's order.
    fn unlisted(fields: &[&'static str], listed: &[&str]) -> Vec<&'static str> {
        fields
            .iter()
            .copied()
            .filter(|field| !listed.contains(field))
            .collect()
    }

    #[test]
    fn every_field_is_a_known_key() {
        // A key missing from a list would be read but reported as unknown.
        let page = crate::config::raw::field_names::<RawPageMeta>();
        let section = crate::config::raw::field_names::<RawSectionMeta>();
        let attachment = crate::config::raw::field_names::<RawAttachmentTable>();
        assert!(page.contains(&"title") && section.contains(&"sort_by"));
        assert_eq!(unlisted(page, PAGE_KEYS), [] as [&str; 0]);
        assert_eq!(unlisted(section, SECTION_KEYS), [] as [&str; 0]);
        assert_eq!(unlisted(attachment, ATTACHMENT_KEYS), [] as [&str; 0]);
        let without_members: Vec<&str> = PAGE_KEYS
            .iter()
            .copied()
            .filter(|key| *key != "members")
            .collect();
        assert_eq!(unlisted(page, &without_members), ["members"]);
    }

    #[test]
    fn lists_and_text_are_lenient() {
        let raw: RawPageMeta = toml::from_str(
            "tags = \"科普\"\ncategories = [\"a\", 2024]\nfounded = 1958\nphone = \"0774-1234567\"\ndate = 2024-05-01",
        )
        .unwrap();
        assert_eq!(raw.tags.0, ["科普"]);
        assert_eq!(raw.categories.0, ["a", "2024"]);
        assert_eq!(raw.founded, Some(RawText("1958".into())));
        assert_eq!(raw.date, Some(RawText("2024-05-01".into())));
        let raw: RawPageMeta = toml::from_str(
            "tags = \"科普，科技; 创新、青少年\"\ncategories = [\"甲、乙\"]\nauthors = \"李明、黄丽\"",
        )
        .unwrap();
        assert_eq!(raw.tags.0, ["科普", "科技", "创新", "青少年"]);
        assert_eq!(raw.categories.0, ["甲、乙"], "a list is taken as written");
        assert_eq!(raw.authors.0, ["李明", "黄丽"]);
        let raw: RawPageMeta = toml::from_str("aliases = \"/show.asp?id=1,2\"").unwrap();
        assert_eq!(raw.aliases.0, ["/show.asp?id=1,2"]);
    }

    #[test]
    fn one_attachment_may_be_written_alone() {
        let raw: RawPageMeta = toml::from_str("attachments = \"a.pdf\"").unwrap();
        assert_eq!(raw.attachments.0.len(), 1);
        assert_eq!(raw.attachments.0[0].path, "a.pdf");
        let raw: RawPageMeta =
            toml::from_str("attachments = { path = \"b.docx\", title = \"报名表\" }").unwrap();
        assert_eq!(raw.attachments.0[0].title.as_deref(), Some("报名表"));
        let raw: RawPageMeta =
            toml::from_str("[[attachments]]\npath = \"a.pdf\"\n[[attachments]]\npath = \"b.pdf\"")
                .unwrap();
        assert_eq!(raw.attachments.0.len(), 2);
    }

    #[test]
    fn extra_datetimes_become_text() {
        let raw: RawPageMeta = toml::from_str(
            "[extra]\nwhen = 2024-05-01T08:00:00+08:00\nlist = [{ at = 2024-05-02 }]",
        )
        .unwrap();
        let extra = serde_json::Value::Object(clean_extra(raw.extra));
        assert_eq!(extra["when"], "2024-05-01T08:00:00+08:00");
        assert_eq!(extra["list"][0]["at"], "2024-05-02");
    }
}
