//! `menhu init DIR --network`: the demo network (docs/network.md) — the Guangxi
//! association's site and three city sites, each a normal site folder under `sites/`,
//! sharing one copy of the portal theme and the data (the organisation directory, the
//! wording rules) at the network root; with `--ci`, the sharded pipeline that builds
//! the member sites on several CI machines.
//!
//! The member sites and `network.toml` are embedded from `demo-network/`; the theme and
//! the directory are the single demo's (embedded once, in [`super`]), so that the
//! repository keeps one copy of each.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::{CiService, DEMO_ORGS, DEMO_THEME, days_until, ensure_empty, write_file, write_tree};
use crate::diag::Diagnostic;

static DEMO_NETWORK: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/demo-network");

/// What git should not keep of a network: the network build's output (and the build
/// before it, kept beside it for an atomic swap) and caches at the root, and the same
/// for a member site built on its own (`menhu build --root sites/NAME`).
const NETWORK_GITIGNORE: &str = "# menhu 生成的文件，不纳入版本管理\n\
/public/\n/.public.menhu-spare/\n/.public.menhu-new-*/\n/.public.menhu-old-*/\n/.menhu-cache/\n\
/sites/*/public/\n/sites/*/.public.menhu-spare/\n/sites/*/.public.menhu-new-*/\n\
/sites/*/.public.menhu-old-*/\n/sites/*/.menhu-cache/\n\
# 在线编辑的回收站：删除的稿件和附件，在在线编辑里恢复\n/sites/*/.menhu-trash/\n";

/// What `init_network` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkWritten {
    /// Files written.
    pub files: usize,
    /// How many days the demo's dates were moved so its newest news is dated today.
    pub days_moved: u64,
    /// The member sites' folders, relative to the network root, in network.toml's order.
    pub sites: Vec<String>,
    /// The CI pipeline written, when one was asked for.
    pub ci: Option<PathBuf>,
}

/// Writes the demo network into `dir`, which must be missing or empty (`init` never
/// overwrites anything), with the sharded pipeline of `ci` when given. A service that
/// has no sharded pipeline is refused before anything is written. The pages are dated
/// up to `today` (the sites' clock), as `init` dates the demo portal's.
pub fn init_network(
    dir: &Path,
    ci: Option<CiService>,
    today: chrono::NaiveDate,
) -> Result<NetworkWritten, Diagnostic> {
    let pipeline = ci.map(network_pipeline).transpose()?;
    ensure_empty(dir)?;
    let days_moved = days_until(&DEMO_NETWORK, today);
    let mut files = write_tree(&DEMO_NETWORK, dir, days_moved)?;
    files += write_tree(&DEMO_THEME, &dir.join("themes").join("portal"), 0)?;
    // Shared data: the province lists it; any member may, or keep its own copy.
    write_file(&dir.join("data").join("orgs.csv"), DEMO_ORGS.as_bytes())?;
    write_file(&dir.join(".gitignore"), NETWORK_GITIGNORE.as_bytes())?;
    files += 2;
    let ci = match pipeline {
        Some((path, text)) => {
            let path = dir.join(path);
            write_file(&path, text.as_bytes())?;
            files += 1;
            Some(path)
        }
        None => None,
    };
    Ok(NetworkWritten {
        files,
        days_moved,
        sites: member_folders(),
        ci,
    })
}

/// The demo's member site folders (`sites/NAME`), in the order network.toml lists them.
fn member_folders() -> Vec<String> {
    let text = DEMO_NETWORK
        .get_file("network.toml")
        .and_then(|file| file.contents_utf8())
        .unwrap_or_default();
    let Ok(network) = toml::from_str::<toml::Table>(text) else {
        return Vec::new();
    };
    let sites = network.get("sites").and_then(toml::Value::as_array);
    sites
        .into_iter()
        .flatten()
        .filter_map(|site| site.get("path")?.as_str())
        .map(str::to_owned)
        .collect()
}

/// The sharded pipeline of `service` for a network, if menhu has one: where it goes
/// and what it says (docs/network.md shows the same files).
pub fn network_ci_file(service: CiService) -> Option<(&'static str, &'static str)> {
    match service {
        CiService::Github => Some((
            ".github/workflows/network.yml",
            include_str!("ci/network-github.yml"),
        )),
        CiService::Gitlab => Some((".gitlab-ci.yml", include_str!("ci/network-gitlab.yml"))),
        CiService::Gitee => None,
    }
}

/// [`network_ci_file`], or the error saying which services have one.
fn network_pipeline(service: CiService) -> Result<(&'static str, &'static str), Diagnostic> {
    network_ci_file(service).ok_or_else(|| {
        Diagnostic::error("E0607", crate::t!("init-network-ci-unsupported"))
            .help(crate::t!("init-network-ci-unsupported.help"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_of_the_demo_is_written_in_the_language_init_speaks() {
        for folder in member_folders() {
            let config = DEMO_NETWORK
                .get_file(format!("{folder}/site-config.toml"))
                .and_then(|file| file.contents_utf8())
                .unwrap();
            let table: toml::Table = toml::from_str(config).unwrap();
            let language = table["default_language"].as_str();
            assert_eq!(language, Some(super::super::DEMO_LANGUAGE), "{folder}");
        }
    }

    #[test]
    fn the_member_folders_are_read_from_the_embedded_network_toml() {
        assert_eq!(
            member_folders(),
            [
                "sites/guangxi",
                "sites/wuzhou",
                "sites/liuzhou",
                "sites/guilin"
            ]
        );
    }

    #[test]
    fn every_member_folder_has_its_config_and_home_page() {
        for folder in member_folders() {
            for file in ["site-config.toml", "content/_index.md"] {
                let path = format!("{folder}/{file}");
                assert!(DEMO_NETWORK.get_file(&path).is_some(), "{path} is embedded");
            }
        }
    }

    /// The demo is a valid network: the cities report to the province, pull its
    /// notices, and every push target in their pages names the province.
    #[test]
    fn the_written_demo_loads_as_a_network_of_a_province_and_its_cities() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().join("net");
        init_network(&root, None, chrono::NaiveDate::MIN)
            .expect("the demo is written, dated as in the repository");
        let network = match crate::network::Network::load(&root) {
            Ok(network) => network,
            Err(problems) => panic!("{problems:?}"),
        };
        let names: Vec<&str> = network.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["guangxi", "wuzhou", "liuzhou", "guilin"]);
        let province = network.by_name("guangxi").expect("the province");
        assert_eq!(network.children(province).len(), 3);
        for city in &network.members[1..] {
            assert_eq!(network.parent(city.id), Some(province), "{}", city.name);
            let rule = &city.pull[..];
            assert_eq!(rule.len(), 1, "{}", city.name);
            assert_eq!(network.origins(city.id, &rule[0]), [province]);
            assert_eq!(rule[0].sections, ["news/tzgg"]);
            for target in ["province", "广西科协"] {
                assert_eq!(
                    network.resolve_target(city.id, target),
                    Some(province),
                    "{target}"
                );
            }
        }
    }

    #[test]
    fn the_shared_theme_is_not_embedded_twice() {
        assert!(DEMO_NETWORK.get_dir("themes").is_none());
        for folder in member_folders() {
            let themes = format!("{folder}/themes");
            assert!(DEMO_NETWORK.get_dir(&themes).is_none(), "{themes}");
        }
    }
}
