//! Pinyin slugs of any text: page slugs, compact city slugs, and the slug strategies
//! of `[slugify]`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use menhu::config::SlugStrategy;
use menhu::portal::urls;
use menhu::zh;

fuzz_target!(|text: &str| {
    let slug = zh::slugify(text);
    assert!(
        !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
        "{slug:?}"
    );
    zh::pinyin_compact(text);
    for strategy in [SlugStrategy::On, SlugStrategy::Safe, SlugStrategy::Off] {
        urls::slugify(text, strategy);
    }
});
