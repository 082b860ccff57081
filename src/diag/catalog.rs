//! The message catalogs: one Fluent file per language (`catalogs/*.ftl`), embedded in
//! the binary and parsed on first use. A message missing from a Chinese catalog falls
//! back to English, one missing from English to its id, so a gap shows, never panics.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::lang::Lang;

/// The catalogs' text, by language, as embedded.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("catalogs/en.ftl")),
    (Lang::ZhHans, include_str!("catalogs/zh-Hans.ftl")),
    (Lang::ZhHant, include_str!("catalogs/zh-Hant.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 3]> =
    LazyLock::new(|| SOURCES.map(|(lang, text)| bundle(lang, text)));

fn bundle(lang: Lang, text: &str) -> Bundle {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around each value would reach terminals and JSON.
    bundle.set_use_isolating(false);
    // A syntax error drops only the entry it is in; the catalog test fails on it.
    let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate ids keep the first; the catalog test fails on them too.
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle_of(lang: Lang) -> &'static Bundle {
    let [en, hans, hant] = &*BUNDLES;
    match lang {
        Lang::En => en,
        Lang::ZhHans => hans,
        Lang::ZhHant => hant,
    }
}

/// The message `id` (or its attribute, `id.help`) in `lang` with `args` filled in;
/// English when `lang`'s catalog lacks it, the id itself when English does too.
pub fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    format_in(bundle_of(lang), id, args)
        .or_else(|| format_in(bundle_of(Lang::En), id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// True when `lang`'s own catalog has the message or attribute `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    let (message, attribute) = split_id(id);
    bundle_of(lang)
        .get_message(message)
        .is_some_and(|m| match attribute {
            Some(name) => m.get_attribute(name).is_some(),
            None => m.value().is_some(),
        })
}

fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (message, attribute) = split_id(id);
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    }
}
