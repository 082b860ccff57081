//! The serde mirror of `site-config.toml` (and of a Zola `config.toml`): what the
//! editor typed, before defaults and checks. One struct per table, every field
//! optional or defaulted; values checked later keep their span (`Spanned`).
//!
//! Unknown keys are not rejected here (no `deny_unknown_fields`): `serde_ignored`
//! collects them all, so `keys.rs` can report every one at once, or accept the Zola
//! settings menhu ignores. To add a table: a `Raw*` struct with `#[serde(default)]`, a
//! field here, and a line in [`keys_at`].

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Visitor};
use toml::Spanned;

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawConfig {
    pub base_url: Option<Spanned<String>>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub author: Option<String>,
    pub default_language: Option<String>,
    pub timezone: Option<Spanned<String>>,
    pub theme: Option<String>,
    pub output_dir: Option<String>,
    pub build_search_index: Option<bool>,
    pub compile_sass: bool,
    /// Zola before 0.19 spelled it `generate_feed`.
    #[serde(alias = "generate_feed")]
    pub generate_feeds: Option<bool>,
    pub feed_filenames: Option<Vec<String>>,
    /// Zola before 0.19: one feed file name.
    pub feed_filename: Option<String>,
    pub generate_sitemap: Option<bool>,
    pub generate_robots_txt: Option<bool>,
    pub traditional: Option<bool>,
    pub build_cache: Option<bool>,
    pub taxonomies: Option<Vec<RawTaxonomy>>,
    pub markdown: RawMarkdown,
    pub slugify: RawSlugify,
    pub summary_chars: Option<usize>,
    pub paginate_by: Option<Spanned<usize>>,
    pub ignored_content: Vec<String>,
    pub ignored_static: Vec<String>,
    pub static_dotfiles: Vec<String>,
    pub follow_symlinks: Vec<Spanned<String>>,
    pub regions: RawRegions,
    pub series: RawSeries,
    pub related: RawRelated,
    pub menus: Vec<RawMenuItem>,
    pub directories: Vec<RawDirectory>,
    pub extra: toml::Table,
    pub check: super::check::RawCheck,
    pub images: super::images::RawImages,
    pub load_data: super::load_data::RawLoadData,
    /// `[deploy]`: read and checked by `menhu deploy` (src/deploy/config.rs), not by builds.
    pub deploy: Option<toml::Value>,
}

/// `[regions]`: how `city` / `region` front matter resolves and where region pages go.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawRegions {
    pub default_province: Option<Spanned<String>>,
    pub hot_cities: Vec<Spanned<String>>,
    pub path: Option<Spanned<String>>,
    pub custom: Vec<RawCustomRegion>,
}

/// One `[[regions.custom]]`: a region of the site's own (an industrial park).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawCustomRegion {
    pub name: Option<Spanned<String>>,
    pub parent: Option<Spanned<String>>,
    pub aliases: Vec<String>,
    pub code: Option<String>,
}

/// `[series]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawSeries {
    pub path: Option<Spanned<String>>,
}

/// `[related]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawRelated {
    pub limit: Option<usize>,
}

/// One `[[menus]]` entry, or one of its `children`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawMenuItem {
    pub title: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    pub menu: Option<String>,
    pub children: Vec<RawMenuItem>,
}

/// One `[[directories]]`: a CSV or TOML table whose rows become organization pages.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawDirectory {
    pub file: Option<Spanned<String>>,
    pub section: Option<Spanned<String>>,
    pub level: Option<String>,
}

/// One entry of `taxonomies = [{ name = "tags" }]` or `[[taxonomies]]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawTaxonomy {
    pub name: Option<Spanned<String>>,
    pub paginate_by: Option<Spanned<usize>>,
    pub paginate_path: Option<String>,
    pub feed: bool,
    pub render: Option<bool>,
}

/// `[markdown]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawMarkdown {
    /// Zola up to 0.21; 0.22 turns highlighting on with `[markdown.highlighting]`.
    pub highlight_code: Option<bool>,
    pub highlight_theme: Option<String>,
    pub highlighting: Option<RawHighlighting>,
    pub insert_anchor_links: Option<RawAnchorLinks>,
    pub smart_punctuation: bool,
    pub external_links_target_blank: bool,
    pub external_links_no_follow: bool,
    pub external_links_no_referrer: bool,
    pub render_raw_html: Option<bool>,
    pub hard_wraps: Option<bool>,
}

/// `[markdown.highlighting]` (Zola 0.22).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawHighlighting {
    pub theme: Option<String>,
    pub style: Option<Spanned<RawHighlightStyle>>,
}

/// `style` of `[markdown.highlighting]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RawHighlightStyle {
    Class,
    Inline,
}

/// `insert_anchor_links` of `[markdown]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RawAnchorLinks {
    None,
    Left,
    Right,
    Heading,
}

/// `[slugify]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawSlugify {
    pub paths: Option<RawSlugStrategy>,
    pub taxonomies: Option<RawSlugStrategy>,
    pub anchors: Option<RawSlugStrategy>,
    pub paths_keep_dates: bool,
}

/// Zola's slug strategies, by their names in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RawSlugStrategy {
    On,
    Safe,
    Off,
}

/// The keys menhu reads in the table at `table` (`[]` for the top level, `["markdown"]`,
/// `["taxonomies", "*"]` for any entry of an array of tables); `None` for a table whose
/// keys are free (`[extra]`) or unknown.
pub(crate) fn keys_at(table: &[&str]) -> Option<&'static [&'static str]> {
    Some(match table {
        [] => field_names::<RawConfig>(),
        ["markdown"] => field_names::<RawMarkdown>(),
        ["markdown", "highlighting"] => field_names::<RawHighlighting>(),
        ["slugify"] => field_names::<RawSlugify>(),
        ["taxonomies", "*"] => field_names::<RawTaxonomy>(),
        ["check"] => field_names::<super::check::RawCheck>(),
        ["check", "external"] => field_names::<super::check::RawExternal>(),
        ["check", "columns", "*"] => field_names::<super::check::RawColumn>(),
        ["check", "wording", "*"] => field_names::<super::check::RawWording>(),
        ["check", "forbidden", "*"] => field_names::<super::check::RawForbidden>(),
        ["images"] => field_names::<super::images::RawImages>(),
        ["load_data"] => field_names::<super::load_data::RawLoadData>(),
        ["regions"] => field_names::<RawRegions>(),
        ["regions", "custom", "*"] => field_names::<RawCustomRegion>(),
        ["series"] => field_names::<RawSeries>(),
        ["related"] => field_names::<RawRelated>(),
        ["menus", "*"]
        | ["menus", "*", "children", "*"]
        | ["menus", "*", "children", "*", "children", "*"] => field_names::<RawMenuItem>(),
        ["directories", "*"] => field_names::<RawDirectory>(),
        _ => return None,
    })
}

/// The field names a derived `Deserialize` struct asks for, read from the struct itself
/// so the list of valid keys can never drift from the mirror above.
pub(crate) fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    // The deserializer always fails once it has seen the field list; that is expected.
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

/// A deserializer that records the field list of the struct asked for, then stops.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> de::Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only field names are read"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("only field names are read"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_from_the_structs() {
        let top = keys_at(&[]).unwrap_or_default();
        assert!(
            top.contains(&"base_url") && top.contains(&"extra"),
            "{top:?}"
        );
        let markdown = keys_at(&["markdown"]).unwrap_or_default();
        assert!(markdown.contains(&"highlighting"), "{markdown:?}");
        let taxonomy = keys_at(&["taxonomies", "*"]).unwrap_or_default();
        assert_eq!(
            taxonomy,
            ["name", "paginate_by", "paginate_path", "feed", "render"]
        );
        assert_eq!(keys_at(&["extra"]), None);
    }
}
