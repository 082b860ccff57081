//! `network.toml` → [`Network`]: the serde mirror of the file, then one check per rule,
//! each problem a diagnostic at the value's line in `network.toml`, all reported at once.

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{FILE_NAME, Member, MemberId, Network, PullFrom, PullRule};
use crate::diag::{Diagnostic, Span};
use crate::portal::region::{self, DivisionId, Registry, Resolution};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNetwork {
    network: RawHeader,
    #[serde(default)]
    sites: Vec<Spanned<RawSite>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    name: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    name: Spanned<String>,
    path: Spanned<String>,
    region: Spanned<String>,
    association: Spanned<String>,
    short: Option<Spanned<String>>,
    parent: Option<Spanned<String>>,
    #[serde(default)]
    pull: Vec<Spanned<RawPull>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPull {
    from: Spanned<RawFrom>,
    #[serde(default)]
    sections: Vec<Spanned<String>>,
    #[serde(default)]
    tags: Vec<String>,
    into: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawFrom {
    One(String),
    Sites(Vec<String>),
}

/// Reads `root/network.toml` and validates it.
pub(super) fn load(root: &Path) -> Result<Network, Vec<Diagnostic>> {
    let path = root.join(FILE_NAME);
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) {
        crate::bounds::SiteBounds::new(root)
            .check(&path)
            .map_err(|d| vec![d])?;
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(root, &text),
        Err(err) => Err(vec![
            Diagnostic::error(
                "E0901",
                crate::t!(
                    "network-unreadable",
                    folder = root.display(),
                    reason = crate::diag::text::display(err)
                ),
            )
            .expected(crate::t!("network-unreadable.expected"))
            .help(crate::t!("network-unreadable.help")),
        ]),
    }
}

/// The place of `range` in `text`, for a diagnostic in `network.toml`.
struct Placer<'a> {
    text: &'a str,
}

impl Placer<'_> {
    fn at(&self, d: Diagnostic, range: Range<usize>) -> Diagnostic {
        d.in_file(FILE_NAME).at(
            Span::from_byte_range(self.text, range.start, range.end),
            self.text,
        )
    }

    fn line(&self, range: &Range<usize>) -> u32 {
        crate::diag::line_col(self.text, range.start).0
    }
}

/// Validates the text of a `network.toml` in `root`.
pub(super) fn parse(root: &Path, text: &str) -> Result<Network, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let placer = Placer { text };
    let raw: RawNetwork = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            let reason = err.message().trim_end_matches('.').to_owned();
            let d = Diagnostic::error("E0902", crate::t!("network-invalid", reason = reason))
                .help(crate::t!("network-invalid.help"));
            return Err(vec![match err.span() {
                Some(span) => placer.at(d, span),
                None => d.in_file(FILE_NAME),
            }]);
        }
    };
    let mut problems = Vec::new();
    if raw.sites.is_empty() {
        problems.push(
            Diagnostic::error("E0902", crate::t!("network-no-sites"))
                .in_file(FILE_NAME)
                .help(crate::t!("network-no-sites.help")),
        );
    }
    let registry = region::builtin();
    let mut members = Vec::new();
    for (index, site) in raw.sites.iter().enumerate() {
        let id = MemberId(u32::try_from(index).unwrap_or(u32::MAX));
        if let Some(member) = member(root, id, site, registry, &placer, &mut problems) {
            members.push(member);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    unique_names(&raw.sites, &placer, &mut problems);
    unique_associations(&raw.sites, &placer, &mut problems);
    for (member, site) in members.iter_mut().zip(&raw.sites) {
        member.parent = explicit_parent(member, site, &names, &placer, &mut problems);
    }
    default_parents(&mut members, registry);
    parent_loops(&members, &raw.sites, &placer, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    for (member, site) in members.iter_mut().zip(&raw.sites) {
        member.pull = pull_rules(member, site, &names, &placer, &mut problems);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Network {
        root: root.to_path_buf(),
        name: raw.network.name.into_inner(),
        members,
    })
}

/// One `[[sites]]` entry, its name, folder and region checked.
fn member(
    root: &Path,
    id: MemberId,
    site: &Spanned<RawSite>,
    registry: &Registry,
    placer: &Placer<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Member> {
    let raw = site.get_ref();
    let name_ok = check_name(&raw.name, placer, problems);
    let folder = check_folder(root, &raw.path, placer, problems);
    let region = resolve_region(&raw.region, registry, placer, problems);
    let association = raw.association.get_ref().trim().to_owned();
    if association.is_empty() {
        problems.push(
            placer.at(
                Diagnostic::error("E0906", crate::t!("network-empty-association"))
                    .help(crate::t!("network-empty-association.help")),
                raw.association.span(),
            ),
        );
        return None;
    }
    let (folder, region) = (folder?, region?);
    name_ok.then(|| Member {
        id,
        name: raw.name.get_ref().clone(),
        folder,
        region,
        level: registry.get(region).level,
        region_name: registry.full_name(region),
        association,
        short: raw
            .short
            .as_ref()
            .map(|s| s.get_ref().trim().to_owned())
            .filter(|s| !s.is_empty()),
        parent: None,
        pull: Vec::new(),
        line: placer.line(&site.span()),
    })
}

/// A site name is an ASCII id: `[a-z0-9-]`, starting with a letter or digit.
fn check_name(name: &Spanned<String>, placer: &Placer<'_>, problems: &mut Vec<Diagnostic>) -> bool {
    let value = name.get_ref();
    let valid = value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && value.chars().next().is_some_and(|c| c != '-');
    if !valid {
        let suggestion = crate::zh::pinyin_compact(value);
        problems.push(
            placer.at(
                Diagnostic::error("E0903", crate::t!("network-bad-name", name = value))
                    .expected(crate::t!("network-bad-name.expected"))
                    .help(crate::t!("network-bad-name.help", name = suggestion)),
                name.span(),
            ),
        );
    }
    valid
}

/// The member folder: a relative path down from the network root to a folder with a
/// site configuration.
fn check_folder(
    root: &Path,
    path: &Spanned<String>,
    placer: &Placer<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    let written = Path::new(path.get_ref().trim());
    let downward = written
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        && written
            .components()
            .any(|c| matches!(c, Component::Normal(_)));
    let refuse = |reason: crate::diag::text::Said| {
        placer.at(
            Diagnostic::error(
                "E0904",
                crate::t!("network-bad-folder", path = path.get_ref(), reason = reason),
            )
            .help(crate::t!("network-bad-folder.help")),
            path.span(),
        )
    };
    if !downward {
        problems.push(refuse(crate::t!("network-bad-folder.outside")));
        return None;
    }
    let full = root.join(written);
    let inside = match (full.canonicalize(), root.canonicalize()) {
        (Ok(full), Ok(root)) => full.starts_with(&root) && full != root,
        _ => {
            problems.push(refuse(crate::t!("network-bad-folder.missing")));
            return None;
        }
    };
    if !inside {
        problems.push(refuse(crate::t!("network-bad-folder.outside")));
        return None;
    }
    if !crate::config::holds_config(&full) {
        problems.push(refuse(crate::t!("network-bad-folder.no-config")));
        return None;
    }
    let normal: PathBuf = written
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    Some(normal)
}

/// The member's region in the registry; unknown or ambiguous is E0905 with the
/// registry's candidates or nearest names.
fn resolve_region(
    written: &Spanned<String>,
    registry: &Registry,
    placer: &Placer<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<DivisionId> {
    match registry.resolve(written.get_ref(), None) {
        Resolution::Found(id) => Some(id),
        other => {
            let mut d = crate::portal::city::unresolved_place(registry, written.get_ref(), &other);
            d.code = "E0905";
            problems.push(placer.at(d, written.span()));
            None
        }
    }
}

/// E0903 for each site name used before.
fn unique_names(sites: &[Spanned<RawSite>], placer: &Placer<'_>, problems: &mut Vec<Diagnostic>) {
    for (index, site) in sites.iter().enumerate() {
        let name = &site.get_ref().name;
        let earlier = sites[..index]
            .iter()
            .find(|s| s.get_ref().name.get_ref() == name.get_ref());
        if let Some(earlier) = earlier {
            let line = placer.line(&earlier.get_ref().name.span());
            problems.push(
                placer.at(
                    Diagnostic::error(
                        "E0903",
                        crate::t!("network-name-taken", name = name.get_ref(), line = line),
                    )
                    .help(crate::t!("network-name-taken.help")),
                    name.span(),
                ),
            );
        }
    }
}

/// E0906 for an association's full or short name that an earlier member has, so a
/// push by name always means one member.
fn unique_associations(
    sites: &[Spanned<RawSite>],
    placer: &Placer<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    let names_of = |site: &RawSite| -> Vec<(String, Range<usize>)> {
        let mut names = vec![(
            super::expand_association(site.association.get_ref()),
            site.association.span(),
        )];
        if let Some(short) = &site.short {
            names.push((super::expand_association(short.get_ref()), short.span()));
        }
        names
    };
    let mut seen: Vec<(String, u32)> = Vec::new();
    for site in sites {
        let mut own = names_of(site.get_ref());
        // A short name may spell out to the full one (梧州市科协): one name, not two.
        own.dedup_by(|a, b| a.0 == b.0);
        for (name, span) in &own {
            if let Some((_, line)) = seen.iter().find(|(n, _)| n == name) {
                problems.push(
                    placer.at(
                        Diagnostic::error(
                            "E0906",
                            crate::t!("network-association-taken", name = name, line = *line),
                        )
                        .help(crate::t!("network-association-taken.help")),
                        span.clone(),
                    ),
                );
            }
        }
        seen.extend(
            own.into_iter()
                .map(|(name, span)| (name, placer.line(&span))),
        );
    }
}

/// The `parent` written in the file, checked against the site names.
fn explicit_parent(
    member: &Member,
    site: &Spanned<RawSite>,
    names: &[String],
    placer: &Placer<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<MemberId> {
    let Some(parent) = &site.get_ref().parent else {
        return None;
    };
    let written = parent.get_ref().trim();
    match names.iter().position(|n| n == written) {
        Some(index) if index == member.id.index() => {
            problems.push(
                placer.at(
                    Diagnostic::error("E0908", crate::t!("network-own-parent", name = written))
                        .help(crate::t!("network-parent-loop.help")),
                    parent.span(),
                ),
            );
            None
        }
        Some(index) => Some(MemberId(u32::try_from(index).unwrap_or(u32::MAX))),
        None => {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            problems.push(placer.at(super::unknown_site_among(written, &names), parent.span()));
            None
        }
    }
}

/// Members without an explicit `parent` get the member whose region is the nearest one
/// containing theirs (梧州市 → 广西壮族自治区); a member with no such member has none.
fn default_parents(members: &mut [Member], registry: &Registry) {
    let by_region: Vec<(DivisionId, MemberId)> = members.iter().map(|m| (m.region, m.id)).collect();
    for member in members.iter_mut() {
        if member.parent.is_some() {
            continue;
        }
        let mut at = registry.get(member.region).parent;
        while let Some(division) = at {
            if let Some((_, id)) = by_region.iter().find(|(region, _)| *region == division) {
                member.parent = Some(*id);
                break;
            }
            at = registry.get(division).parent;
        }
    }
}

/// E0908 for each member whose chain of parents comes back to itself.
fn parent_loops(
    members: &[Member],
    sites: &[Spanned<RawSite>],
    placer: &Placer<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    for member in members {
        let mut at = member.parent;
        let mut steps = 0;
        while let Some(parent) = at
            && steps <= members.len()
        {
            if parent == member.id {
                let written = sites[member.id.index()].get_ref().parent.as_ref();
                let d = Diagnostic::error(
                    "E0908",
                    crate::t!("network-parent-loop", name = &member.name),
                )
                .help(crate::t!("network-parent-loop.help"));
                problems.push(match written {
                    Some(parent) => placer.at(d, parent.span()),
                    None => d.in_file(FILE_NAME),
                });
                break;
            }
            at = members[parent.index()].parent;
            steps += 1;
        }
    }
}

/// The member's pull rules: `from` names someone, `sections` name at least one section.
fn pull_rules(
    member: &Member,
    site: &Spanned<RawSite>,
    names: &[String],
    placer: &Placer<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PullRule> {
    let mut rules = Vec::new();
    for rule in &site.get_ref().pull {
        let raw = rule.get_ref();
        let from = match raw.from.get_ref() {
            RawFrom::One(word) => match word.trim() {
                "parent" if member.parent.is_none() => {
                    problems.push(
                        placer.at(
                            Diagnostic::error(
                                "E0909",
                                crate::t!("network-pull-no-parent", name = &member.name),
                            )
                            .help(crate::t!("network-pull-no-parent.help")),
                            raw.from.span(),
                        ),
                    );
                    continue;
                }
                "parent" => PullFrom::Parent,
                "children" => PullFrom::Children,
                "descendants" => PullFrom::Descendants,
                other => match site_ids(&[other.to_owned()], names) {
                    Ok(ids) => PullFrom::Sites(ids),
                    Err(d) => {
                        problems.push(placer.at(d, raw.from.span()));
                        continue;
                    }
                },
            },
            RawFrom::Sites(list) => match site_ids(list, names) {
                Ok(ids) => PullFrom::Sites(ids),
                Err(d) => {
                    problems.push(placer.at(d, raw.from.span()));
                    continue;
                }
            },
        };
        let sections: Vec<String> = raw
            .sections
            .iter()
            .map(|s| section_path(s.get_ref()))
            .collect();
        if sections.is_empty() || sections.iter().any(String::is_empty) {
            problems.push(
                placer.at(
                    Diagnostic::error("E0909", crate::t!("network-pull-no-sections"))
                        .expected(crate::t!("network-pull-no-sections.expected")),
                    rule.span(),
                ),
            );
            continue;
        }
        rules.push(PullRule {
            from,
            sections,
            tags: raw.tags.iter().map(|t| t.trim().to_owned()).collect(),
            into: raw.into.as_ref().map(|s| section_path(s.get_ref())),
        });
    }
    rules
}

/// The ids of the members `list` names, or E0907 for the first unknown one.
fn site_ids(list: &[String], names: &[String]) -> Result<Vec<MemberId>, Diagnostic> {
    list.iter()
        .map(|written| {
            let written = written.trim();
            names
                .iter()
                .position(|n| n == written)
                .map(|i| MemberId(u32::try_from(i).unwrap_or(u32::MAX)))
                .ok_or_else(|| {
                    let names: Vec<&str> = names.iter().map(String::as_str).collect();
                    super::unknown_site_among(written, &names)
                })
        })
        .collect()
}

/// A section path as written (`/news/tzgg/`, `news/tzgg`) in one form: `news/tzgg`.
fn section_path(written: &str) -> String {
    written
        .split('/')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}
