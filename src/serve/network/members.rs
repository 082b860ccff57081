//! The network as the preview builds it: one site preview ([`Preview`], with its own
//! build cache and render memo) per member, each with its preview base URL
//! (`http://ADDRESS/<name>`) and its options from
//! [`crate::network::build::plan_members_keeping`], which keeps what was read of every
//! member between changes: a change reads again only the members whose files changed
//! (every member for the shared theme, the shared data or `network.toml`).
//! A change rebuilds only the members it touches, incrementally: the member whose
//! files changed, and the members whose reprints (转载) or links to other members
//! changed with it. A change of the shared theme, the shared data or a lost event
//! rebuilds every member; a change of `network.toml` builds the members it adds, drops
//! those it removes and rebuilds those whose reprints or links changed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::NetworkServeOptions;
use super::watch::Changes;
use crate::diag::{Diagnostics, Lang};
use crate::network::build::{self, BaseUrls, KeptReads, NetworkOptions};
use crate::network::{MemberId, Network};
use crate::pipeline::{BuildOptions, SiteLinks};
use crate::serve::Snapshot;
use crate::serve::incremental::{Preview, Update};
use crate::serve::watch::ChangeSet;

/// One member rebuilt.
pub struct MemberRebuilt {
    /// The member's name.
    pub name: String,
    /// What changed, or its problems (files named from the network root).
    pub result: Result<Update, Diagnostics>,
    /// The snapshot to serve: the new one, or the last good one after a failure (empty
    /// for a member added since the last change whose first build failed).
    pub snapshot: Arc<Snapshot>,
}

/// What a change made of the network.
pub struct NetworkRebuilt {
    /// The network as `network.toml` now says (members added or removed since).
    pub network: Network,
    /// The members rebuilt, and those added to `network.toml`, in file order.
    pub rebuilt: Vec<MemberRebuilt>,
}

/// One member being previewed.
struct MemberPreview {
    name: String,
    /// Its folder, absolute as the watcher names changed files.
    root: PathBuf,
    /// Its preview, holding the options of its last build (its reprints, the links
    /// to the others).
    preview: Preview,
}

/// Every member of a network, previewed.
pub struct Previews {
    network_options: NetworkOptions,
    /// What was read of every member (its config and content), for the next plan.
    kept: KeptReads,
    members: Vec<MemberPreview>,
    lang: Lang,
    /// Every member's permalinks, as the last plan gave them to every member.
    site_links: Option<Arc<SiteLinks>>,
    /// The last change could not be planned (`network.toml` broken, a push to no
    /// member): no member was rebuilt for it.
    plan_failed: bool,
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
        let mut kept = KeptReads::default();
        let planned = build::plan_members_keeping(&network_options, &mut kept)?;
        let network = planned.network;
        let mut members = Vec::new();
        let mut first = Vec::new();
        let mut problems = Diagnostics::new();
        let site_links = (planned.members.first()).and_then(|(_, o)| o.site_links.clone());
        for (id, member_options) in planned.members {
            let name = network.member(id).name.clone();
            match Preview::start_speaking(member_options, options.lang) {
                Ok((preview, update)) => {
                    first.push(MemberRebuilt {
                        name: name.clone(),
                        result: Ok(update),
                        snapshot: preview.snapshot(),
                    });
                    members.push(MemberPreview {
                        name,
                        root: absolute(&network.site_root(id)),
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
            site_links,
            network_options,
            kept,
            members,
            lang: options.lang,
            plan_failed: false,
        };
        Ok((network, previews, first))
    }

    /// Rebuilds the members `changes` touch: those whose files changed, those whose
    /// reprints or links to the others changed with them, every member for the shared
    /// theme or data; builds the members `network.toml` added and forgets those it
    /// removed. Only the members whose files changed are read again (every member when
    /// `network.toml`, the shared theme or data changed); the others' reads are kept.
    /// `Err` when the network cannot be planned (`network.toml` broken, a push to no
    /// member): every member keeps its last good build.
    pub fn rebuild(&mut self, changes: &Changes) -> Result<NetworkRebuilt, Diagnostics> {
        // After a failed plan, the edits made meanwhile were never built: all again.
        let everyone =
            self.plan_failed || changes.rescan || changes.paths.iter().any(|p| self.is_shared(p));
        if everyone || changes.paths.iter().any(|p| self.is_network_file(p)) {
            self.kept.forget_all();
        }
        for member in &self.members {
            if !own_changes(&member.root, changes).is_empty() {
                self.kept.forget(&member.name);
            }
        }
        let planned = build::plan_members_keeping(&self.network_options, &mut self.kept);
        self.plan_failed = planned.is_err();
        let mut planned = planned?;
        self.share_links(&mut planned.members);
        let network = planned.network;
        self.members.retain(|m| {
            let id = network.by_name(&m.name);
            id.is_some_and(|id| absolute(&network.site_root(id)) == m.root)
        });
        let mut rebuilt = Vec::new();
        for (id, options) in planned.members {
            let name = &network.member(id).name;
            let result = match self.members.iter_mut().find(|m| &m.name == name) {
                Some(member) => member.rebuild(options, changes, everyone),
                None => Some(self.add(&network, id, options)),
            };
            if let Some(result) = result {
                rebuilt.push(MemberRebuilt {
                    result: result.map_err(|problems| build::in_member(&network, id, problems)),
                    ..self.served(name)
                });
            }
        }
        Ok(NetworkRebuilt { network, rebuilt })
    }

    /// Gives every member the links table of the last plan when the new one is the
    /// same: compared once here, and then by address in each member's comparison,
    /// instead of each member comparing every member's permalinks.
    fn share_links(&mut self, members: &mut [(MemberId, BuildOptions)]) {
        let links = members.first().and_then(|(_, o)| o.site_links.clone());
        if links.is_some() && links == self.site_links {
            for (_, options) in members.iter_mut() {
                options.site_links = self.site_links.clone();
            }
        } else {
            self.site_links = links;
        }
    }

    /// Starts previewing member `id`, added to `network.toml`: its first build.
    fn add(
        &mut self,
        network: &Network,
        id: MemberId,
        options: BuildOptions,
    ) -> Result<Update, Diagnostics> {
        let mut preview = Preview::unbuilt(options, self.lang);
        let result = preview.rebuild(&ChangeSet::everything());
        let at = self
            .members
            .iter()
            .position(|m| network.by_name(&m.name).is_some_and(|other| other > id))
            .unwrap_or(self.members.len());
        self.members.insert(
            at,
            MemberPreview {
                name: network.member(id).name.clone(),
                root: absolute(&network.site_root(id)),
                preview,
            },
        );
        result
    }

    /// Every member's name and the snapshot it serves, in file order.
    #[cfg(test)]
    pub fn snapshots(&self) -> Vec<(String, Arc<Snapshot>)> {
        let members = self.members.iter();
        members
            .map(|m| (m.name.clone(), m.preview.snapshot()))
            .collect()
    }

    /// Member `name`'s snapshot, with no result yet.
    fn served(&self, name: &str) -> MemberRebuilt {
        let snapshot = self.members.iter().find(|m| m.name == name);
        MemberRebuilt {
            name: name.to_owned(),
            result: Ok(Update::default()),
            snapshot: snapshot.map(|m| m.preview.snapshot()).unwrap_or_default(),
        }
    }

    /// True when `path` (absolute) is none of the members' own and not `network.toml`:
    /// the shared theme, the shared data.
    fn is_shared(&self, path: &Path) -> bool {
        !self.is_network_file(path) && !self.members.iter().any(|m| path.starts_with(&m.root))
    }

    /// True when `path` (absolute, as the watcher names it) is the network's
    /// `network.toml`: one outside every member's folder.
    fn is_network_file(&self, path: &Path) -> bool {
        path.file_name() == Some(std::ffi::OsStr::new(crate::network::FILE_NAME))
            && !self.members.iter().any(|m| path.starts_with(&m.root))
    }
}

impl MemberPreview {
    /// Rebuilds this member with `options` when `changes` touch it: its own files
    /// changed, its options did (reprints, links to the others), or `everyone` is to
    /// be rebuilt. `None` when nothing it reads changed.
    fn rebuild(
        &mut self,
        options: BuildOptions,
        changes: &Changes,
        everyone: bool,
    ) -> Option<Result<Update, Diagnostics>> {
        let own = own_changes(&self.root, changes);
        let last = self.preview.options();
        let around = last.reprints != options.reprints
            || last.site_links != options.site_links
            || last.member_sites != options.member_sites
            || last.base_url != options.base_url
            || last.shared != options.shared;
        let change = match (everyone || around, own.is_empty()) {
            (true, _) => ChangeSet::everything(),
            (false, false) => ChangeSet::of(own),
            (false, true) => return None,
        };
        self.preview.set_options(options);
        Some(self.preview.rebuild(&change))
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
