//! An organization table (`[[directories]]`) as the build reads it: the first byte
//! picks CSV or TOML, the rest is the file (written into the demo site), whose rows
//! become pages of the demo's `orgs` section.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use menhu::content::directory::load_directories;
use menhu_fuzz::{demo_site, render_all};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, table)) = data.split_first() else {
        return;
    };
    let site = demo_site();
    let Some(template) = site.config.directories.first() else {
        return;
    };
    let name = if kind % 2 == 0 {
        "data/fuzz.csv"
    } else {
        "data/fuzz.toml"
    };
    if std::fs::write(site.root.join(name), table).is_err() {
        return;
    }
    let mut directory = template.clone();
    directory.file.value = name.to_owned();
    let mut content = site.content.clone();
    let problems = load_directories(
        &site.root,
        &[directory],
        Path::new("site-config.toml"),
        &menhu::bounds::SiteBounds::new(&site.root),
        &mut content,
    );
    render_all(&problems);
});
