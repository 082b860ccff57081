//! The network as the preview needs it: its members (name, association, region,
//! folder) and a build of every member in memory with its preview base URL
//! (`http://ADDRESS/<name>/`).

use std::path::{Path, PathBuf};

use super::NetworkServeOptions;
use crate::diag::{Diagnostics, Lang};
use crate::pipeline::{self, BuildOptions, Built};
use crate::serve::Snapshot;

/// The network: its name, root folder and members in `network.toml`'s order.
#[derive(Debug, Clone)]
pub struct Network {
    /// `[network] name`.
    pub name: String,
    /// The folder holding `network.toml`.
    pub root: PathBuf,
    /// Every member site.
    pub members: Vec<Member>,
}

/// One member site.
#[derive(Debug, Clone)]
pub struct Member {
    /// The member's id: its path in the preview, `/<name>/`.
    pub name: String,
    /// The association's full name.
    pub association: String,
    /// The region, as written in `network.toml`.
    pub region: String,
    /// The site folder as written in `network.toml` (`sites/wuzhou`).
    pub folder: PathBuf,
    /// The site folder (the network root joined with `folder`).
    pub root: PathBuf,
}

impl Network {
    /// Reads the network at `root`.
    pub fn load(root: &Path) -> Result<Network, Diagnostics> {
        let (name, sites) = interim_load(root)?;
        let members = sites
            .into_iter()
            .map(|(name, path, region, association)| Member {
                name,
                association,
                region,
                root: root.join(&path),
                folder: path,
            })
            .collect();
        Ok(Network {
            name,
            root: root.to_path_buf(),
            members,
        })
    }
}

type InterimSite = (String, PathBuf, String, String);

/// Stand-in for the network loader until it exists.
fn interim_load(root: &Path) -> Result<(String, Vec<InterimSite>), Diagnostics> {
    let text = std::fs::read_to_string(root.join("network.toml")).map_err(|e| {
        Diagnostics::from(crate::diag::Diagnostic::error(
            "E0702",
            crate::t!("serve-no-site-folder", reason = e.to_string()),
        ))
    })?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        Diagnostics::from(crate::diag::Diagnostic::error(
            "E0702",
            crate::t!("serve-no-site-folder", reason = e.to_string()),
        ))
    })?;
    let s = |v: Option<&toml::Value>| v.and_then(|v| v.as_str()).unwrap_or("").to_owned();
    let name = s(table.get("network").and_then(|n| n.get("name")));
    let sites = table
        .get("sites")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .map(|t| {
                    (
                        s(t.get("name")),
                        PathBuf::from(s(t.get("path"))),
                        s(t.get("region")),
                        s(t.get("association")),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Ok((name, sites))
}

/// One member built.
pub struct MemberBuilt {
    /// The member's name.
    pub name: String,
    /// Its build.
    pub built: Built,
    /// Its warnings, files named from the network root.
    pub warnings: Diagnostics,
}

impl MemberBuilt {
    /// The snapshot requests of this site are answered from.
    pub fn snapshot(&self, lang: Lang) -> Snapshot {
        let bounds = std::sync::Arc::new(self.built.portal.bounds.clone());
        let mut snapshot = Snapshot::new(self.built.site.clone(), bounds);
        snapshot.notices = std::sync::Arc::new(crate::serve::waiting::Notices::new(
            &self.built.publication,
            lang,
        ));
        snapshot
    }
}

/// Builds every member in memory, each with the base URL `address/<name>/`. Any
/// member's errors fail the whole build (the preview then keeps its last good one);
/// problems name their files from the network root (`sites/wuzhou/content/a.md`).
pub fn build_all(
    network: &Network,
    options: &NetworkServeOptions,
    address: &str,
) -> Result<Vec<MemberBuilt>, Diagnostics> {
    let mut built = Vec::with_capacity(network.members.len());
    let mut problems = Diagnostics::new();
    for member in &network.members {
        let build = BuildOptions {
            drafts: options.drafts,
            offline: options.offline,
            now: options.now,
            base_url: Some(format!("{address}/{}/", member.name)),
            ..BuildOptions::new(&member.root)
        };
        match pipeline::build_in_memory(&build) {
            Ok(site) => {
                let warnings = named_from_root(&site.warnings, &member.folder);
                built.push(MemberBuilt {
                    name: member.name.clone(),
                    built: site,
                    warnings,
                });
            }
            Err(errors) => problems.extend(named_from_root(&errors, &member.folder)),
        }
    }
    match problems.has_errors() {
        true => Err(problems),
        false => Ok(built),
    }
}

/// `problems` with their files named from the network root.
fn named_from_root(problems: &Diagnostics, folder: &Path) -> Diagnostics {
    let mut named = Diagnostics::new();
    named.extend(problems.iter().map(|d| d.clone().under(folder)));
    named
}
