//! The network as the preview builds it: one site preview ([`Preview`], with its own
//! build cache and render memo) per member, each with its preview base URL
//! (`http://ADDRESS/<name>`) and its options from [`crate::network::build::plan_members`].
//! A change rebuilds only the members it touches, incrementally: the member whose
//! files changed, and the members whose reprints (转载) or links to other members
//! changed with it. A change of the shared theme, the shared data, `network.toml` or a
//! lost event rebuilds every member.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::NetworkServeOptions;
use super::watch::Changes;
use crate::diag::Diagnostics;
use crate::network::build::{self, BaseUrls, NetworkOptions};
use crate::network::{MemberId, Network};
use crate::pipeline::BuildOptions;
use crate::serve::Snapshot;
use crate::serve::incremental::{Preview, Update};
use crate::serve::watch::ChangeSet;

/// One member rebuilt.
pub struct MemberRebuilt {
    /// The member's name.
    pub name: String,
    /// What changed, or its problems (files named from the network root).
    pub result: Result<Update, Diagnostics>,
    /// The snapshot to serve: the new one, or the last good one after a failure.
    pub snapshot: Arc<Snapshot>,
}

/// One member being previewed.
struct MemberPreview {
    id: MemberId,
    name: String,
    /// Its folder, absolute as the watcher names changed files.
    root: PathBuf,
    /// The options of its last build (its reprints, the links to the others).
    options: BuildOptions,
    preview: Preview,
}

/// Every member of a network, previewed.
pub struct Previews {
    network_options: NetworkOptions,
    members: Vec<MemberPreview>,
}

impl Previews {
    /// Builds every member for the first time. `Err` when the network cannot be read,
    /// or when a member does not build (every member's problems, files named from the
    /// network root).
    pub fn start(
        options: &NetworkServeOptions,
        address: &str,
    ) -> Result<(Network, Previews, Vec<MemberRebuilt>), Diagnostics> {
        let network_options = NetworkOptions {
            base_urls: BaseUrls::Under(address.to_owned()),
            drafts: options.drafts,
            now: options.now,
            offline: options.offline,
            ..NetworkOptions::new(&options.root)
        };
        let planned = build::plan_members(&network_options)?;
        let network = planned.network;
        let mut members = Vec::new();
        let mut first = Vec::new();
        let mut problems = Diagnostics::new();
        for (id, member_options) in planned.members {
            let name = network.member(id).name.clone();
            match Preview::start_speaking(member_options.clone(), options.lang) {
                Ok((preview, update)) => {
                    first.push(MemberRebuilt {
                        name: name.clone(),
                        result: Ok(update),
                        snapshot: preview.snapshot(),
                    });
                    members.push(MemberPreview {
                        id,
                        name,
                        root: absolute(&network.site_root(id)),
                        options: member_options,
                        preview,
                    });
                }
                Err(errors) => problems.extend(build::in_member(&network, id, errors)),
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let previews = Previews {
            network_options,
            members,
        };
        Ok((network, previews, first))
    }

    /// Rebuilds the members `changes` touch. `Err` when the network cannot be planned
    /// (`network.toml` broken, a push to no member): every member keeps its last good
    /// build.
    pub fn rebuild(&mut self, changes: &Changes) -> Result<Vec<MemberRebuilt>, Diagnostics> {
        let planned = build::plan_members(&self.network_options)?;
        let network = planned.network;
        let everyone = changes.rescan || changes.paths.iter().any(|p| self.is_shared(p));
        let mut rebuilt = Vec::new();
        for (id, options) in planned.members {
            // A member added to `network.toml` while serving is previewed after a restart.
            let Some(member) = self.members.iter_mut().find(|m| m.id == id) else {
                continue;
            };
            if member.name != network.member(id).name {
                continue;
            }
            let own = own_changes(&member.root, changes);
            let around = member.options.reprints != options.reprints
                || member.options.site_links != options.site_links
                || member.options.member_sites != options.member_sites;
            let change = match (everyone || around, own.is_empty()) {
                (true, _) => ChangeSet::everything(),
                (false, false) => ChangeSet::of(own),
                (false, true) => continue,
            };
            member.options = options.clone();
            member.preview.set_options(options);
            let result = member
                .preview
                .rebuild(&change)
                .map_err(|problems| build::in_member(&network, id, problems));
            rebuilt.push(MemberRebuilt {
                name: member.name.clone(),
                result,
                snapshot: member.preview.snapshot(),
            });
        }
        Ok(rebuilt)
    }

    /// True when `path` (absolute) is none of the members' own: `network.toml`, the
    /// shared theme, the shared data.
    fn is_shared(&self, path: &Path) -> bool {
        !self.members.iter().any(|m| path.starts_with(&m.root))
    }
}

/// The paths of `changes` under `root`, relative to it.
fn own_changes(root: &Path, changes: &Changes) -> BTreeSet<PathBuf> {
    changes
        .paths
        .iter()
        .filter_map(|p| p.strip_prefix(root).ok())
        .map(Path::to_path_buf)
        .collect()
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
