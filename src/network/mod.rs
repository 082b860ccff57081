//! 站群: a network of member sites built from one repository (issue #33,
//! docs/network.md). This module owns `network.toml` and what it means: the member
//! sites (each a normal menhu site folder), their regions resolved in the GB/T 2260
//! registry, the tree of parents and children that follows from the regions, and the
//! pull rules; and the network build ([`build`]), which runs each member through
//! [`crate::pipeline`].
//!
//! The public surface, stable for `serve --network`, `check --network` and
//! `init --network`:
//! - [`Network::find`]: the folder holding `network.toml`, from `--root` or above it;
//! - [`Network::load`] (a folder) / [`Network::parse`] (a text): the validated
//!   [`Network`], or every problem with file and line;
//! - [`Network::members`] in file order, addressed by [`MemberId`]; [`Network::by_name`],
//!   [`Network::site_root`], [`Network::parent`], [`Network::children`],
//!   [`Network::descendants`], [`Network::ancestors`];
//! - [`Network::origins`]: the members a pull rule reads from;
//!   [`Network::resolve_target`]: a `push` target (`"parent"`, `"province"`, a site name,
//!   an association's full or short name) to a member;
//!   [`Network::unknown_site`]: the E0907 diagnostic for a site name no member has;
//! - [`Shard`]: `--shard I/N`, which members a shard builds.
//! - the builds, in [`build`]: [`build::build_network`] (to disk, every member or
//!   some), and [`build::build_network_in_memory`] (for the preview and check, with the
//!   per-site base URLs of [`build::BaseUrls`], e.g. `http://127.0.0.1:PORT/<name>/`);
//!   [`build::plan_members`] gives each member's `pipeline::BuildOptions` as the network
//!   builds it (reprints, shared theme, links between sites, base URL), for
//!   `pipeline::rebuild_in_memory` in the preview and `pipeline::build_for_check`;
//!   [`build::in_member`] names a member's problems from the network root.
//!
//! Codes: E0901 no `network.toml` (or unreadable), E0902 not valid (syntax, unknown key,
//! wrong type, no member), E0903 a site name not `[a-z0-9-]` or used twice, E0904 a member
//! folder that is missing, outside the network or not a site, E0905 a region that does not
//! resolve to one division, E0906 an association name used twice, E0907 a site name no
//! member has (`parent`, `pull`, `--site`), E0908 parents in a loop, E0909 a pull rule
//! that reads from no one or names no section, E0910 a `push` target no member answers
//! to (front matter, `syndicate.rs`), E0912 a bad `--shard`.

pub mod build;
mod load;
mod shard;
mod syndicate;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use self::shard::Shard;
use crate::diag::Diagnostic;
use crate::portal::region::{DivisionId, Level};

/// The file that makes a folder the root of a network.
pub const FILE_NAME: &str = "network.toml";

/// A validated network. Built only by [`Network::load`] or [`Network::parse`].
#[derive(Debug, Clone)]
pub struct Network {
    /// The folder holding `network.toml`.
    pub root: PathBuf,
    /// `[network] name`: shown in the preview's site picker and in check reports.
    pub name: String,
    /// The member sites, in the order of `network.toml` (a member's index is its id).
    pub members: Vec<Member>,
}

/// A member's index in [`Network::members`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MemberId(pub u32);

impl MemberId {
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// One member site.
#[derive(Debug, Clone)]
pub struct Member {
    /// Its id.
    pub id: MemberId,
    /// ASCII id (`wuzhou`): `--site`, push targets, `@wuzhou:/…` links, output folder.
    pub name: String,
    /// Its site folder, relative to the network root (`sites/wuzhou`).
    pub folder: PathBuf,
    /// Its region (地区) in the built-in registry.
    pub region: DivisionId,
    /// The region's level: province, city (prefecture) or county.
    pub level: Level,
    /// The region's full name (`广西壮族自治区梧州市`).
    pub region_name: String,
    /// The association's full name (梧州市科学技术协会): 来源 of its syndicated pages.
    pub association: String,
    /// The association's short name (梧州市科协), when given.
    pub short: Option<String>,
    /// The member it reports to: `parent` in the file, else the member whose region is
    /// the nearest one containing this member's region.
    pub parent: Option<MemberId>,
    /// What it pulls from other members.
    pub pull: Vec<PullRule>,
    /// Where its `[[sites]]` entry is in `network.toml` (1-based line).
    pub line: u32,
}

/// A `pull` rule of a receiving site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullRule {
    /// Whose pages.
    pub from: PullFrom,
    /// Section paths of the origin site (`news/tzgg`), sub-sections included.
    pub sections: Vec<String>,
    /// When not empty, only pages with one of these tags.
    pub tags: Vec<String>,
    /// The receiving section; `None`: the section with the same path as the origin's.
    pub into: Option<String>,
}

/// Whose pages a pull rule reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PullFrom {
    /// The receiver's parent.
    Parent,
    /// Its children.
    Children,
    /// Its children, their children, and so on.
    Descendants,
    /// These members.
    Sites(Vec<MemberId>),
}

impl Network {
    /// The folder holding `network.toml`: `start` itself or the nearest folder above it
    /// that has one (so `menhu build --network` works from inside a member's folder).
    pub fn find(start: &Path) -> Option<PathBuf> {
        let start = start.canonicalize().unwrap_or_else(|_| start.to_path_buf());
        start
            .ancestors()
            .find(|dir| dir.join(FILE_NAME).is_file())
            .map(Path::to_path_buf)
    }

    /// Reads and validates `root/network.toml`; every problem at once (E0901–E0909).
    pub fn load(root: &Path) -> Result<Network, Vec<Diagnostic>> {
        load::load(root)
    }

    /// Validates the text of a `network.toml` whose folder is `root` (member folders are
    /// looked up under it).
    pub fn parse(root: &Path, text: &str) -> Result<Network, Vec<Diagnostic>> {
        load::parse(root, text)
    }

    /// The member with this id.
    pub fn member(&self, id: MemberId) -> &Member {
        &self.members[id.index()]
    }

    /// The member named `name` (its ASCII id).
    pub fn by_name(&self, name: &str) -> Option<MemberId> {
        self.members.iter().find(|m| m.name == name).map(|m| m.id)
    }

    /// A member's site folder (absolute when the network root is).
    pub fn site_root(&self, id: MemberId) -> PathBuf {
        self.root.join(&self.member(id).folder)
    }

    /// The network root as a path relative to member `id`'s folder: `sites/wuzhou` →
    /// `../..`.
    pub fn root_seen_from(&self, id: MemberId) -> PathBuf {
        (self.member(id).folder.components())
            .map(|_| Path::new(".."))
            .collect()
    }

    /// The member's parent.
    pub fn parent(&self, id: MemberId) -> Option<MemberId> {
        self.member(id).parent
    }

    /// The members whose parent is `id`, in file order.
    pub fn children(&self, id: MemberId) -> Vec<MemberId> {
        self.members
            .iter()
            .filter(|m| m.parent == Some(id))
            .map(|m| m.id)
            .collect()
    }

    /// Children, grandchildren… of `id`, in file order.
    pub fn descendants(&self, id: MemberId) -> Vec<MemberId> {
        self.members
            .iter()
            .filter(|m| m.id != id && self.ancestors(m.id).contains(&id))
            .map(|m| m.id)
            .collect()
    }

    /// Parent, grandparent… of `id`, nearest first.
    pub fn ancestors(&self, id: MemberId) -> Vec<MemberId> {
        let mut found = Vec::new();
        let mut at = self.parent(id);
        // The loader refuses loops; the bound keeps a bug from hanging a build.
        while let Some(parent) = at
            && found.len() < self.members.len()
        {
            found.push(parent);
            at = self.parent(parent);
        }
        found
    }

    /// The members `receiver`'s `rule` reads pages from, in file order.
    pub fn origins(&self, receiver: MemberId, rule: &PullRule) -> Vec<MemberId> {
        match &rule.from {
            PullFrom::Parent => self.parent(receiver).into_iter().collect(),
            PullFrom::Children => self.children(receiver),
            PullFrom::Descendants => self.descendants(receiver),
            PullFrom::Sites(ids) => ids.iter().copied().filter(|id| *id != receiver).collect(),
        }
    }

    /// The member a page of `from` means by the `push` target `written`: `parent`; the
    /// ancestor at a level (`province`, `city`, `county`); a site name; an association's
    /// full or short name, where 科协 and 科学技术协会 are the same word. `None` when no
    /// member answers (see [`Network::unknown_target`]).
    pub fn resolve_target(&self, from: MemberId, written: &str) -> Option<MemberId> {
        let written = written.trim();
        let at_level = |level: Level| {
            self.ancestors(from)
                .into_iter()
                .find(|id| self.member(*id).level == level)
        };
        match written {
            "parent" => return self.parent(from),
            "province" => return at_level(Level::Province),
            "city" => return at_level(Level::Prefecture),
            "county" => return at_level(Level::County),
            _ => {}
        }
        if let Some(id) = self.by_name(written) {
            return Some(id);
        }
        let wanted = expand_association(written);
        self.members
            .iter()
            .find(|m| {
                expand_association(&m.association) == wanted
                    || m.short.as_deref().map(expand_association) == Some(wanted.clone())
            })
            .map(|m| m.id)
    }

    /// E0910: no member answers to the push target `written`, with the nearest name
    /// when there is one. The caller places it (file, line).
    pub fn unknown_target(&self, written: &str) -> crate::diag::Diagnostic {
        let d = crate::diag::Diagnostic::error(
            "E0910",
            crate::t!("network-unknown-push", target = written),
        )
        .expected(crate::t!("network-unknown-push.expected"));
        match crate::diag::did_you_mean(written, self.target_names()) {
            Some(near) => d.help(crate::t!("network-did-you-mean", name = near)),
            None => d.help(crate::t!("network-unknown-push.help")),
        }
    }

    /// The section of `receiver` where a page of `origin`'s section `home` lands when
    /// syndicated: the `into` of a pull rule of the receiver that reads `origin`'s
    /// `home`, else the same section path.
    pub fn landing_section(&self, receiver: MemberId, origin: MemberId, home: &str) -> String {
        self.member(receiver)
            .pull
            .iter()
            .filter(|rule| self.origins(receiver, rule).contains(&origin))
            .find(|rule| {
                rule.sections
                    .iter()
                    .any(|s| home == s || home.starts_with(&format!("{s}/")))
            })
            .and_then(|rule| rule.into.clone())
            .unwrap_or_else(|| home.to_owned())
    }

    /// Every name a push target may be written as, for did-you-mean.
    pub fn target_names(&self) -> Vec<&str> {
        let mut names = vec!["parent", "province", "city", "county"];
        for member in &self.members {
            names.push(&member.name);
            names.push(&member.association);
            names.extend(member.short.as_deref());
        }
        names
    }

    /// E0907: `written` names no member; with the nearest site name when one is close.
    /// The caller places it (`--site`, a `parent`, a push target, an `@site:` link).
    pub fn unknown_site(&self, written: &str) -> Diagnostic {
        let names: Vec<&str> = self.members.iter().map(|m| m.name.as_str()).collect();
        unknown_site_among(written, &names)
    }
}

/// E0907 for `written` among the site `names`.
fn unknown_site_among(written: &str, names: &[&str]) -> Diagnostic {
    let d = Diagnostic::error("E0907", crate::t!("network-unknown-site", name = written)).expected(
        crate::t!("network-unknown-site.expected", names = names.join(", ")),
    );
    match crate::diag::did_you_mean(written, names.iter().copied()) {
        Some(near) => d.help(crate::t!("network-did-you-mean", name = near)),
        None => d.help(crate::t!("network-unknown-site.help")),
    }
}

/// An association's name with 科协 written out, so both spellings compare equal.
fn expand_association(name: &str) -> String {
    let name = name.trim();
    if name.contains("科学技术协会") {
        name.to_owned()
    } else {
        name.replace("科协", "科学技术协会")
    }
}
