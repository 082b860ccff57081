//! Syndication (报送 and 转载): which pages of which member appear on which other
//! member, decided before any member is built. Every member's content and URLs are read
//! (no Markdown yet); each page's `push` targets and each receiver's pull rules then give
//! the reprints each member adds to its own content: a copy of the origin page placed in
//! the receiving section, carrying [`Reprint`] (its canonical address on the origin site
//! and the originating association), which the theme shows and the sitemap leaves out.
//!
//! A page lands once in a site however many pushes and rules bring it. A reprint whose
//! receiving section does not exist on the receiver is not made (`check --network`
//! reports it). `@/` links in a reprinted body are rewritten to the origin's addresses,
//! so they lead where they led on the origin site. A reprint keeps its bundle files
//! (photos, attachments), read from the origin's folder and published beside it.
//!
//! Every member's permalinks are gathered here too, for `@site:/path.md` links
//! between members (resolved in the Markdown stage; a broken one is E0911).
//!
//! Each member is read as its build reads it ([`pipeline::load_site`], [`read_member`]);
//! a build then hands what was read to that member's build, so that no member's files
//! are read and parsed twice, and the preview keeps the reads between rebuilds, reading
//! again only the members whose files changed.
//!
//! Code E0910: a `push` target no member answers to, at the page's line, with the
//! nearest name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::build::NetworkOptions;
use super::{MemberId, Network, PullRule};
use crate::content::meta::Reprint;
use crate::content::{Asset, Page};
use crate::diag::{Diagnostic, Diagnostics};
use crate::pipeline::{self, LoadedSite, SiteLinks};
use crate::portal::{MemberSite, UrlPlan};

/// One member read for syndication: its config and content, and every page's permalink.
pub(super) struct Read {
    base_url: String,
    /// Its config and content, as its build starts from them.
    pub loaded: LoadedSite,
    urls: UrlPlan,
}

/// What syndication gives each member's build.
pub(super) struct Syndication {
    /// The reprints each member adds to its content, by member (file order).
    pub reprints: Vec<Vec<Page>>,
    /// Every member's permalinks, for `@site:/` links.
    pub site_links: std::sync::Arc<SiteLinks>,
    /// Every member as the others link to it (a province's city pages).
    pub sites: Vec<MemberSite>,
}

/// The reprints and links of every member, from what was `read` of each (by member, in
/// file order; `None` where it could not be read: its build says why), and the push
/// targets that name no member (E0910; those pushes are left out).
pub(super) fn syndicate(network: &Network, read: &[Option<Read>]) -> (Syndication, Diagnostics) {
    let mut wanted: Vec<BTreeMap<(MemberId, String), String>> =
        vec![BTreeMap::new(); network.members.len()];
    let mut problems = Diagnostics::new();
    for (origin, site) in network.members.iter().zip(read) {
        let Some(site) = site else { continue };
        for page in &site.loaded.content.pages {
            let home = section_path(&page.section);
            for target in &page.meta.push {
                match network.resolve_target(origin.id, &target.value) {
                    Some(receiver) if receiver != origin.id => {
                        let into = network.landing_section(receiver, origin.id, &home);
                        wanted[receiver.0 as usize]
                            .entry((origin.id, page.key.clone()))
                            .or_insert(into);
                    }
                    Some(_) => {}
                    None => problems.push(unknown_target(network, origin.id, page, target)),
                }
            }
            for receiver in &network.members {
                let rules = receiver.pull.iter();
                let matching = rules.filter(|rule| {
                    network.origins(receiver.id, rule).contains(&origin.id)
                        && pulls(rule, &home, page)
                });
                if let Some(rule) = matching.into_iter().next() {
                    let into = rule.into.clone().unwrap_or_else(|| home.clone());
                    wanted[receiver.id.0 as usize]
                        .entry((origin.id, page.key.clone()))
                        .or_insert(into);
                }
            }
        }
    }
    let site_links: SiteLinks = network
        .members
        .iter()
        .zip(read)
        .filter_map(|(m, site)| Some((m.name.clone(), site.as_ref()?.urls.permalinks().clone())))
        .collect();
    let reprints = network
        .members
        .iter()
        .map(|receiver| {
            let Some(own) = &read[receiver.id.0 as usize] else {
                return Vec::new();
            };
            let sections: BTreeSet<String> = own
                .loaded
                .content
                .sections
                .iter()
                .map(|s| section_path(&s.key))
                .collect();
            wanted[receiver.id.0 as usize]
                .iter()
                .filter(|(_, into)| sections.contains(*into))
                .filter_map(|((origin, key), into)| {
                    let site = read[origin.0 as usize].as_ref()?;
                    reprint(network, receiver.id, *origin, site, key, into)
                })
                .collect()
        })
        .collect();
    let registry = crate::portal::region::builtin();
    let sites = network
        .members
        .iter()
        .zip(read)
        .filter_map(|(m, site)| {
            Some(MemberSite {
                name: m.name.clone(),
                region_code: registry.get(m.region).code.clone(),
                association: m.association.clone(),
                short: m.short.clone().unwrap_or_else(|| m.association.clone()),
                url: format!("{}/", site.as_ref()?.base_url),
            })
        })
        .collect();
    let syndication = Syndication {
        reprints,
        site_links: std::sync::Arc::new(site_links),
        sites,
    };
    (syndication, problems)
}

/// A member's config, content and URL plan, read as its build reads them; `None` when
/// they cannot be read (the member's own build reports why).
pub(super) fn read_member(
    network: &Network,
    id: MemberId,
    options: &NetworkOptions,
) -> Option<Read> {
    let reading = super::build::member_options(network, id, options, Vec::new());
    let loaded = pipeline::load_site(&reading).ok()?;
    let (urls, _) = UrlPlan::build(&loaded.config, &loaded.content);
    Some(Read {
        base_url: loaded.config.base_url.clone(),
        loaded,
        urls,
    })
}

/// `news/tzgg/_index.md` → `news/tzgg`; the home section's key → ``.
fn section_path(key: &str) -> String {
    key.strip_suffix("_index.md")
        .unwrap_or(key)
        .trim_end_matches('/')
        .to_owned()
}

/// True when `rule` takes a page of section `home`: one of its sections or below, and
/// one of its tags when it names tags.
fn pulls(rule: &PullRule, home: &str, page: &Page) -> bool {
    let in_section = rule
        .sections
        .iter()
        .any(|s| home == s || home.starts_with(&format!("{s}/")));
    let tagged = rule.tags.is_empty()
        || page
            .meta
            .taxonomies
            .get("tags")
            .is_some_and(|tags| tags.iter().any(|t| rule.tags.contains(t)));
    in_section && tagged
}

/// E0910 at the push target, naming the nearest target.
fn unknown_target(
    network: &Network,
    origin: MemberId,
    page: &Page,
    target: &crate::diag::Located<String>,
) -> Diagnostic {
    let file = network.member(origin).folder.join(&page.file);
    let d = network.unknown_target(&target.value).in_file(&file);
    match (
        target.span,
        std::fs::read_to_string(network.root.join(&file)),
    ) {
        (Some(span), Ok(text)) => d.at(span, text.trim_start_matches('\u{feff}')),
        (Some(span), Err(_)) => d.at_span(span),
        _ => d,
    }
}

/// The copy of `origin`'s page `key` that `receiver` publishes in section `into`.
fn reprint(
    network: &Network,
    receiver: MemberId,
    origin: MemberId,
    site: &Read,
    key: &str,
    into: &str,
) -> Option<Page> {
    let pages = &site.loaded.content.pages;
    let index = pages.iter().position(|p| p.key == key)?;
    let mut page = pages[index].clone();
    let member = network.member(origin);
    let canonical = site.urls.pages.get(index)?.permalink.clone();
    let section = if into.is_empty() {
        "_index.md".to_owned()
    } else {
        format!("{into}/_index.md")
    };
    let folder = |path: &str| {
        if into.is_empty() {
            path.to_owned()
        } else {
            format!("{into}/{path}")
        }
    };
    // The origin's name in the slug keeps a reprint from taking a page's own address.
    page.stem = format!("{}-{}", page.stem, member.name);
    page.key = folder(&format!("{}.md", page.stem));
    page.section = section;
    // Named from the receiver's folder, so its problems point at the origin's file.
    page.file = network
        .root_seen_from(receiver)
        .join(&member.folder)
        .join(&page.file);
    let to_origin = network.root_seen_from(receiver).join(&member.folder);
    with_bundle_files_of_origin(&mut page, &to_origin);
    page.body = absolute_links(&page.body, site.urls.permalinks());
    let meta = &mut page.meta;
    meta.slug = meta.slug.take().map(|s| format!("{s}-{}", member.name));
    meta.path = None;
    meta.aliases = Vec::new();
    meta.push = Vec::new();
    // A cover in the bundle is the reprint's own copy; one elsewhere on the origin site
    // (its `static/`) is shown from there.
    let assets = &page.assets;
    meta.cover = meta
        .cover
        .take()
        .map(|cover| match in_bundle(assets, &cover) {
            true => cover,
            false => on_origin(&cover, &canonical, &site.base_url),
        });
    meta.source = Some(member.association.clone());
    meta.reprint = Some(Reprint {
        canonical,
        site: member.name.clone(),
        association: member.association.clone(),
        site_url: format!("{}/", site.base_url),
    });
    Some(page)
}

/// The reprint keeps the origin page's bundle files (photos, attachments), published
/// beside it in the receiving site as beside the origin page, so its cover, the photos
/// of its body (`resize_image` copies too) and its attachments show as on the origin.
/// They are read where they are, in the origin's folder (`to_origin`, from the
/// receiver's root), which the receiver's build may read for these files only
/// (`pipeline` allows each one); a shortcode argument naming one by its content path
/// (`path = "@/news/x/photo.jpg"`, as `resize_image` takes it) names it there too.
fn with_bundle_files_of_origin(page: &mut Page, to_origin: &Path) {
    for asset in &mut page.assets {
        let in_origin = to_origin.join(&asset.file);
        if let Ok(in_content) = asset.file.strip_prefix("content") {
            let written = format!("\"@/{}\"", in_content.to_string_lossy());
            if page.body.contains(&written) {
                let there = format!("\"{}\"", in_origin.to_string_lossy());
                page.body = page.body.replace(&written, &there);
            }
        }
        asset.file = in_origin;
    }
}

/// True when `url`, as written in front matter, names one of the bundle files `assets`.
fn in_bundle(assets: &[Asset], url: &str) -> bool {
    let relative = url.trim_start_matches("./");
    !url.contains(':') && assets.iter().any(|a| a.relative == relative)
}

/// `url` as written on the origin page (relative to the page, or to the site), as an
/// absolute address on the origin site.
fn on_origin(url: &str, page: &str, base_url: &str) -> String {
    if url.contains("://") {
        url.to_owned()
    } else if let Some(rest) = url.strip_prefix('/') {
        format!("{base_url}/{rest}")
    } else {
        format!("{page}{url}")
    }
}

/// `body` with each Markdown link to `@/key` (with an optional `#anchor`) written as the
/// origin's absolute address, so a reprinted page's links lead to the origin's pages.
fn absolute_links(body: &str, permalinks: &std::collections::HashMap<String, String>) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find("](@/") {
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        let target = &after[2..];
        let end = target.find([')', ' ']).unwrap_or(target.len());
        let (path, anchor) = match target[..end].split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (&target[..end], None),
        };
        match permalinks.get(path) {
            Some(url) => {
                out.push_str(url);
                if let Some(anchor) = anchor {
                    out.push('#');
                    out.push_str(anchor);
                }
                rest = &target[end..];
            }
            None => {
                out.push_str("@/");
                rest = target;
            }
        }
    }
    out.push_str(rest);
    out
}
