//! Region names as editors write them (Simplified, Traditional, partial, paths) →
//! the built-in registry, with and without a default province, then the registry
//! with site regions declared in config.
#![no_main]

use libfuzzer_sys::fuzz_target;
use menhu::portal::region::{self, CustomRegion, Resolution};

fuzz_target!(|input: (&str, &str, bool)| {
    let (text, parent, with_province) = input;
    let registry = region::builtin();
    let guangxi = registry.resolve("广西", None);
    let default_province = match (with_province, guangxi) {
        (true, Resolution::Found(id)) => Some(id),
        _ => None,
    };
    if let Resolution::Found(id) = registry.resolve(text, default_province) {
        registry.full_name(id);
        registry.province_of(id);
        registry.city_of(id);
    }
    registry.by_code(text);
    let custom = [CustomRegion {
        name: text.to_owned(),
        aliases: vec![parent.chars().rev().collect()],
        parent: parent.to_owned(),
        code: None,
    }];
    let (with_custom, _) = region::with_custom(&custom);
    with_custom.resolve(text, default_province);
});
