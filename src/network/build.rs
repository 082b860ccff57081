//! The network build: every member site (or those `--site` / `--shard` choose) through
//! the one site pipeline, each into `<output>/<name>/` atomically, as a site build is;
//! with `--shard`, a manifest of the files written. [`build_network_in_memory`] is the
//! same for the preview and `check`, with the base URLs of [`BaseUrls`].
//!
//! A member that fails does not stop the others: each member's result is its own, so
//! the report says which sites built and which did not.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::syndicate::{Read, read_member};
use super::{MemberId, Network, Shard};
use crate::content::date::Now;
use crate::diag::{Diagnostic, Diagnostics};
use crate::output::WriteStats;
use crate::pipeline::{self, BuildOptions, Built, LoadedSite};

/// Which members a build makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every member (`--network`).
    All,
    /// The members named (`--site wuzhou`); an unknown name is E0907.
    Named(Vec<String>),
    /// One shard (`--network --shard I/N`).
    Shard(Shard),
}

/// The base URL each member is built with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseUrls {
    /// Each member's own `base_url` (its `site-config.toml`).
    Own,
    /// `<prefix>/<name>` for every member: the preview serves each site under its
    /// name, e.g. a prefix of `http://127.0.0.1:1111`.
    Under(String),
}

/// What to build and how.
#[derive(Debug, Clone)]
pub struct NetworkOptions {
    /// The network root (the folder holding `network.toml`).
    pub root: PathBuf,
    /// The output folder, `public` under the network root by default; each member goes
    /// into `<output>/<name>/`.
    pub output: Option<PathBuf>,
    /// Which members.
    pub selection: Selection,
    /// Their base URLs.
    pub base_urls: BaseUrls,
    /// Include drafts and pages dated in the future.
    pub drafts: bool,
    /// Allow an output folder outside the network.
    pub force: bool,
    /// The build's "now".
    pub now: Now,
    /// No network access for `load_data`.
    pub offline: bool,
}

impl NetworkOptions {
    /// Options for every member of the network at `root`, with every default.
    pub fn new(root: impl Into<PathBuf>) -> NetworkOptions {
        NetworkOptions {
            root: root.into(),
            output: None,
            selection: Selection::All,
            base_urls: BaseUrls::Own,
            drafts: false,
            force: false,
            now: Now::Clock,
            offline: false,
        }
    }
}

/// One member's result.
pub struct MemberBuild<T> {
    /// Which member.
    pub id: MemberId,
    /// Its name (the output folder's).
    pub name: String,
    /// The build, or every problem (their files relative to the network root).
    pub result: Result<T, Diagnostics>,
}

/// A network built to disk.
pub struct NetworkBuilt {
    /// The network.
    pub network: Network,
    /// The output folder.
    pub output: PathBuf,
    /// Each member built, in file order.
    pub members: Vec<MemberBuild<MemberWritten>>,
}

/// What the report says of a member once its output is written. The member's build
/// (its model, outputs and sources) is dropped as soon as it is on disk, so a network
/// build holds one member's build at a time, not every member's until the end.
pub struct MemberWritten {
    /// The pages it published.
    pub pages: usize,
    /// Its warnings (a built site has no errors), files named from its own folder.
    pub warnings: Diagnostics,
    /// What was written.
    pub stats: WriteStats,
}

impl MemberWritten {
    /// The summary of `built`, which is dropped with the call.
    fn of(built: Built, stats: WriteStats) -> MemberWritten {
        MemberWritten {
            pages: built.portal.pages.len(),
            warnings: built.warnings,
            stats,
        }
    }
}

/// A network built in memory.
pub struct NetworkInMemory {
    /// The network.
    pub network: Network,
    /// Each member built, in file order.
    pub members: Vec<MemberBuild<Built>>,
    /// The data files the members read, each distinct file parsed once for all.
    pub data_files: Arc<crate::load_data::ParsedFiles>,
}

impl NetworkBuilt {
    /// True when every member built without errors.
    pub fn ok(&self) -> bool {
        self.members.iter().all(|m| m.result.is_ok())
    }
}

/// Loads the network and the members `options` select, or the problems that stop
/// before any member is built (the network file, an unknown `--site`).
fn selected(options: &NetworkOptions) -> Result<(Network, Vec<MemberId>), Diagnostics> {
    let network = Network::load(&options.root).map_err(Diagnostics::from_iter)?;
    let ids = match &options.selection {
        Selection::All => network.members.iter().map(|m| m.id).collect(),
        Selection::Shard(shard) => network
            .members
            .iter()
            .map(|m| m.id)
            .filter(|id| shard.holds(*id))
            .collect(),
        Selection::Named(names) => {
            let mut ids = Vec::new();
            let mut problems = Diagnostics::new();
            for name in names {
                match network.by_name(name) {
                    Some(id) => ids.push(id),
                    None => problems.push(network.unknown_site(name)),
                }
            }
            if problems.has_errors() {
                return Err(problems);
            }
            ids.sort();
            ids.dedup();
            ids
        }
    };
    Ok((network, ids))
}

/// The base URL `base_urls` gives `member`, when it replaces the member's own.
pub(super) fn base_url_of(network: &Network, id: MemberId, base_urls: &BaseUrls) -> Option<String> {
    match base_urls {
        BaseUrls::Own => None,
        BaseUrls::Under(prefix) => Some(format!(
            "{}/{}",
            prefix.trim_end_matches('/'),
            network.member(id).name
        )),
    }
}

/// The pipeline's options for `member`, which adds `reprints` to its content.
pub(super) fn member_options(
    network: &Network,
    id: MemberId,
    options: &NetworkOptions,
    reprints: Vec<crate::content::Page>,
) -> BuildOptions {
    BuildOptions {
        drafts: options.drafts,
        base_url: base_url_of(network, id, &options.base_urls),
        // The network's output folder was judged against the network as a whole.
        force: true,
        now: options.now,
        offline: options.offline,
        shared: Some(network.root_seen_from(id)),
        reprints,
        ..BuildOptions::new(network.site_root(id))
    }
}

/// Builds the selected members into `<output>/<name>/`, each atomically; with a
/// shard, writes its manifest ([`Shard::manifest_name`]) beside them.
pub fn build_network(options: &NetworkOptions) -> Result<NetworkBuilt, Diagnostics> {
    let (network, _, planned) = plan(options)?.without_push_problems()?.into_members();
    let output = output_folder(&network, options)?;
    std::fs::create_dir_all(&output).map_err(|e| unwritable(&output, &e))?;
    let mut members = Vec::new();
    for (id, mut member_options, loaded) in planned {
        let name = network.member(id).name.clone();
        member_options.output = Some(output.join(&name));
        let result = pipeline::build_loaded(&member_options, loaded)
            .map(|(built, _, stats)| MemberWritten::of(built, stats))
            .map_err(|problems| in_member(&network, id, problems));
        members.push(MemberBuild { id, name, result });
    }
    let built = NetworkBuilt {
        network,
        output,
        members,
    };
    if let Selection::Shard(shard) = &options.selection {
        write_manifest(&built, *shard)?;
    }
    Ok(built)
}

/// Builds the selected members in memory (for the preview and `check`), with the
/// base URLs `options` give.
pub fn build_network_in_memory(options: &NetworkOptions) -> Result<NetworkInMemory, Diagnostics> {
    let (network, shared_work, planned) = plan(options)?.without_push_problems()?.into_members();
    let data_files = shared_work.data_files.clone();
    let members = planned
        .into_iter()
        .map(|(id, member_options, loaded)| MemberBuild {
            id,
            name: network.member(id).name.clone(),
            result: pipeline::build_in_memory_loaded(&member_options, loaded)
                .map_err(|problems| in_member(&network, id, problems)),
        })
        .collect();
    Ok(NetworkInMemory {
        network,
        members,
        data_files,
    })
}

/// The network and, for each selected member, the pipeline's options that build it as
/// part of the network: its base URL, the shared theme, the pages reprinted there, the
/// links to the other members. What the preview (`pipeline::rebuild_in_memory`) runs
/// per member; `output` is left unset. A push target that names no member (E0910) is
/// an error here, as in the build.
pub fn plan_members(options: &NetworkOptions) -> Result<PlannedMembers, Diagnostics> {
    Ok(plan(options)?.without_push_problems()?.planned)
}

/// [`plan_members`], with the push targets that name no member returned beside the plan
/// (those pushes are left out of it) instead of stopping: `check` reports them with
/// every other problem of the run.
pub fn plan_members_and_push_problems(
    options: &NetworkOptions,
) -> Result<(PlannedMembers, Diagnostics), Diagnostics> {
    let plan = plan(options)?;
    Ok((plan.planned, plan.push_problems))
}

/// A member to build: its options, and its config and content when syndication read
/// them.
type PlannedMember = (MemberId, BuildOptions, Option<LoadedSite>);

/// The plan of a build: each selected member's options, with its config and content
/// as syndication read them (what its build starts from), and the unknown push targets.
struct Plan {
    planned: PlannedMembers,
    /// By position in `planned.members`.
    loaded: Vec<Option<LoadedSite>>,
    push_problems: Diagnostics,
}

impl Plan {
    /// The plan, or the unknown push targets when there are any.
    fn without_push_problems(self) -> Result<Plan, Diagnostics> {
        if self.push_problems.has_errors() {
            Err(self.push_problems)
        } else {
            Ok(self)
        }
    }

    /// Each member with its options and what was read of it, for its build; the
    /// members share the work that is the same ([`pipeline::SharedWork`]).
    fn into_members(self) -> (Network, Arc<pipeline::SharedWork>, Vec<PlannedMember>) {
        // Pages several of these members reprint are rendered once for them all.
        let reprinted = (self.planned.members.iter())
            .flat_map(|(_, options)| &options.reprints)
            .filter_map(|page| Some(page.meta.reprint.as_ref()?.canonical.as_str()));
        let shared_work = Arc::new(pipeline::SharedWork::with_reprints(
            pipeline::ReprintRenders::expecting(reprinted),
        ));
        let members = (self.planned.members.into_iter())
            .zip(self.loaded)
            .map(|((id, mut options), loaded)| {
                options.shared_work = Some(shared_work.clone());
                (id, options, loaded)
            })
            .collect();
        (self.planned.network, shared_work, members)
    }
}

fn plan(options: &NetworkOptions) -> Result<Plan, Diagnostics> {
    let (network, ids) = selected(options)?;
    let read: Vec<Option<Read>> = (network.members.iter())
        .map(|m| read_member(&network, m.id, options))
        .collect();
    let (planned, push_problems) = plan_from_reads(network, ids, options, &read);
    let mut read = read;
    let loaded = (planned.members.iter())
        .map(|(id, _)| read[id.0 as usize].take().map(|r| r.loaded))
        .collect();
    Ok(Plan {
        planned,
        loaded,
        push_problems,
    })
}

/// Each member of `ids` with the options that build it, syndicated from what was
/// `read` of every member (by member, in file order), and the unknown push targets.
fn plan_from_reads(
    network: Network,
    ids: Vec<MemberId>,
    options: &NetworkOptions,
    read: &[Option<Read>],
) -> (PlannedMembers, Diagnostics) {
    let (mut syndication, push_problems) = super::syndicate::syndicate(&network, read);
    let members = ids
        .into_iter()
        .map(|id| {
            let pages = std::mem::take(&mut syndication.reprints[id.0 as usize]);
            let mut member_options = member_options(&network, id, options, pages);
            member_options.site_links = Some(syndication.site_links.clone());
            member_options.member_sites = others(&network, id, &syndication.sites);
            (id, member_options)
        })
        .collect();
    (PlannedMembers { network, members }, push_problems)
}

/// What the preview keeps of every member between two plans
/// ([`plan_members_keeping`]): its config and content as syndication read them, by
/// name, so that a change reads again only the members it touches.
#[derive(Default)]
pub struct KeptReads {
    /// By member name: the member's folder when read, and what was read.
    reads: BTreeMap<String, (PathBuf, Option<Read>)>,
}

impl KeptReads {
    /// Forgets what was read of member `name`: its files changed.
    pub fn forget(&mut self, name: &str) {
        self.reads.remove(name);
    }

    /// Forgets every member: what all of them read changed (the shared theme or data,
    /// `network.toml`).
    pub fn forget_all(&mut self) {
        self.reads.clear();
    }
}

/// [`plan_members`] for every member, reading only the members `kept` does not hold
/// (new ones, and those forgotten since), and keeping what it read there for the next
/// plan; members no longer in the network are dropped from it. The plan is the one
/// [`plan_members`] would make when what `kept` holds is still what is on disk.
pub fn plan_members_keeping(
    options: &NetworkOptions,
    kept: &mut KeptReads,
) -> Result<PlannedMembers, Diagnostics> {
    let network = Network::load(&options.root).map_err(Diagnostics::from_iter)?;
    kept.reads.retain(|name, (folder, _)| {
        network
            .by_name(name)
            .is_some_and(|id| &network.member(id).folder == folder)
    });
    let read: Vec<Option<Read>> = (network.members.iter())
        .map(|m| match kept.reads.remove(&m.name) {
            Some((_, read)) => read,
            None => read_member(&network, m.id, options),
        })
        .collect();
    let ids = network.members.iter().map(|m| m.id).collect();
    let (planned, push_problems) = plan_from_reads(network, ids, options, &read);
    for (member, read) in planned.network.members.iter().zip(read) {
        let entry = (member.folder.clone(), read);
        kept.reads.insert(member.name.clone(), entry);
    }
    if push_problems.has_errors() {
        return Err(push_problems);
    }
    Ok(planned)
}

/// What [`plan_members`] returns.
pub struct PlannedMembers {
    /// The network.
    pub network: Network,
    /// Each selected member with the options that build it, in file order.
    pub members: Vec<(MemberId, BuildOptions)>,
}

/// The member sites other than `id`.
fn others(
    network: &Network,
    id: MemberId,
    sites: &[crate::portal::MemberSite],
) -> Vec<crate::portal::MemberSite> {
    let name = &network.member(id).name;
    sites.iter().filter(|s| &s.name != name).cloned().collect()
}

/// A member's problems with their files named from the network root
/// (`sites/wuzhou/content/news/a.md`), so a network build's report is unambiguous.
pub fn in_member(network: &Network, id: MemberId, problems: Diagnostics) -> Diagnostics {
    let folder = &network.member(id).folder;
    problems
        .into_iter()
        .map(|mut d| {
            d.file = Some(match d.file.take() {
                Some(file) if file.is_relative() => lexically_normal(&folder.join(file)),
                Some(file) => file,
                None => folder.clone(),
            });
            d
        })
        .collect()
}

/// `path` with each `..` taking away the part before it (`sites/wuzhou/../../themes`
/// → `themes`): the shared theme's files are read through the member's folder.
fn lexically_normal(path: &Path) -> PathBuf {
    let mut parts: Vec<std::path::Component<'_>> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir
                if matches!(parts.last(), Some(std::path::Component::Normal(_))) =>
            {
                parts.pop();
            }
            std::path::Component::CurDir => {}
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}

/// The network's output folder, refused where replacing a member's folder in it would
/// destroy sources: the network root or above, a member's folder, a folder menhu reads.
fn output_folder(network: &Network, options: &NetworkOptions) -> Result<PathBuf, Diagnostics> {
    let requested = options
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("public"));
    let target = crate::output::resolve_output_dir(&network.root, &requested, options.force, &[])?;
    let root = network
        .root
        .canonicalize()
        .unwrap_or_else(|_| network.root.clone());
    for member in &network.members {
        let site = root.join(&member.folder);
        if target.starts_with(&site) || site.starts_with(&target) {
            return Err(Diagnostic::error(
                "E0501",
                crate::t!(
                    "output-refused",
                    folder = requested.display(),
                    reason = crate::t!("output-refused.source", folder = member.folder.display())
                ),
            )
            .help(crate::t!("output-refused.help"))
            .into());
        }
    }
    Ok(target)
}

fn unwritable(folder: &Path, err: &std::io::Error) -> Diagnostics {
    Diagnostic::error(
        "E0502",
        crate::t!(
            "network-output-unwritable",
            folder = folder.display(),
            reason = crate::diag::text::display(err)
        ),
    )
    .into()
}

/// `.menhu-shard-I-of-N.json`: the shard, the sites it built, and every file written
/// with its size and blake3 hash, so the CI job that gathers the shards can check
/// that each arrived whole.
fn write_manifest(built: &NetworkBuilt, shard: Shard) -> Result<(), Diagnostics> {
    let mut sites = Vec::new();
    for member in &built.members {
        let files = files_of(&built.output.join(&member.name));
        sites.push(serde_json::json!({
            "name": member.name,
            "ok": member.result.is_ok(),
            "files": files,
        }));
    }
    let manifest = serde_json::json!({
        "version": 1,
        "network": built.network.name,
        "shard": shard.index,
        "shards": shard.count,
        "sites": sites,
    });
    let path = built.output.join(shard.manifest_name());
    let text = serde_json::to_string_pretty(&manifest).unwrap_or_default() + "\n";
    std::fs::write(&path, text).map_err(|e| unwritable(&path, &e))
}

/// Every file under `folder`: path (with `/`) → `{bytes, blake3}`, sorted by path.
fn files_of(folder: &Path) -> BTreeMap<String, serde_json::Value> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(folder)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let Ok(relative) = entry.path().strip_prefix(folder) else {
            continue;
        };
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let path = relative.to_string_lossy().replace('\\', "/");
        files.insert(
            path,
            serde_json::json!({
                "bytes": bytes.len(),
                "blake3": blake3::hash(&bytes).to_hex().to_string(),
            }),
        );
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo network as `menhu init --network` writes it (copied from the sources
    /// here: `scaffold` builds on this module).
    fn demo_network() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let sources = Path::new(env!("CARGO_MANIFEST_DIR"));
        let copy = |from: &Path, to: &Path| {
            for entry in walkdir::WalkDir::new(from).into_iter().map(Result::unwrap) {
                let target = to.join(entry.path().strip_prefix(from).unwrap());
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&target).unwrap();
                } else {
                    std::fs::copy(entry.path(), &target).unwrap();
                }
            }
        };
        copy(&sources.join("demo-network"), dir.path());
        copy(
            &sources.join("themes/portal"),
            &dir.path().join("themes/portal"),
        );
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::copy(
            sources.join("data/orgs.csv"),
            dir.path().join("data/orgs.csv"),
        )
        .unwrap();
        dir
    }

    #[test]
    fn pages_several_members_reprint_are_rendered_once_and_freed_after_the_last() {
        let dir = demo_network();
        let options = NetworkOptions {
            now: Now::At(chrono::DateTime::from_timestamp(1_796_000_000, 0).unwrap()),
            ..NetworkOptions::new(dir.path())
        };
        let (network, shared, planned) = plan(&options).unwrap().into_members();
        for (id, options, loaded) in planned {
            let built = pipeline::build_in_memory_loaded(&options, loaded);
            assert!(built.is_ok(), "{}", network.member(id).name);
        }
        // The province's eight notices, pulled by each of the three cities: rendered
        // by the first city, taken by the other two.
        assert_eq!(shared.reprints.reused(), 16);
        assert_eq!(shared.reprints.kept(), 0);
    }
}
