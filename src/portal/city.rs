//! Where pages happened: each page's `city` / `region` resolved against the registry,
//! and the per-city and per-province indexes built from that (county content rolls up
//! into its city), the hot-cities list and the URLs of region pages. Region pages exist
//! only when some page names a place, so a site without `city` / `region` front matter
//! (a Zola site, say) gets none of them.
//!
//! Codes: E0301 unknown name, E0302 ambiguous name, E0303 a region name in the config
//! that does not resolve, E0310 region pages would take a URL the site already uses.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::region::{self, CustomRegion, DivisionId, Level, Registry, Resolution};
use super::{PageId, Portal, nav};
use crate::config::Config;
use crate::content::meta::{Located, SortBy};
use crate::diag::text::Said;
use crate::diag::{Diagnostic, Diagnostics};

/// A page's resolved place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRegion {
    /// The division the front matter names (a county, a city, a province, a park).
    pub division: DivisionId,
    /// The city whose page lists it, if any.
    pub city: Option<DivisionId>,
    /// Its province.
    pub province: DivisionId,
}

/// A city's page (`/cities/wuzhou/`).
#[derive(Debug, Clone)]
pub struct CityPage {
    /// The city.
    pub division: DivisionId,
    /// URL segment (`wuzhou`).
    pub slug: String,
    /// `/cities/wuzhou/`.
    pub path: String,
    /// `base_url` + `path`.
    pub permalink: String,
    /// Listed pages of the city and its counties, newest first.
    pub pages: Vec<PageId>,
    /// Counties (and custom regions) below it that pages name, in code order.
    pub counties: Vec<DivisionId>,
}

/// A province's page (`/cities/guangxi/`), for provinces that have prefectures.
#[derive(Debug, Clone)]
pub struct ProvincePage {
    /// The province.
    pub division: DivisionId,
    /// URL segment.
    pub slug: String,
    /// `/cities/guangxi/`.
    pub path: String,
    /// `base_url` + `path`.
    pub permalink: String,
    /// Indexes into [`RegionIndex::cities`] of its cities that have pages.
    pub cities: Vec<usize>,
    /// Listed pages anywhere in the province, newest first.
    pub pages: Vec<PageId>,
}

/// Every place-related index of the site.
#[derive(Debug, Clone)]
pub struct RegionIndex {
    /// The registry, with the site's own regions.
    pub registry: Cow<'static, Registry>,
    /// One per page: where it happened, if it says.
    pub page_regions: Vec<Option<PageRegion>>,
    /// City pages, by province code then city code.
    pub cities: Vec<CityPage>,
    /// Province pages, by code.
    pub provinces: Vec<ProvincePage>,
    /// Indexes into `cities` for the 热门城市 block.
    pub hot: Vec<usize>,
    /// `/cities/`: the index of region pages.
    pub path: String,
    /// `base_url` + `path`.
    pub permalink: String,
    city_index: HashMap<DivisionId, usize>,
    province_index: HashMap<DivisionId, usize>,
}

impl RegionIndex {
    /// No places: the value before [`collect`] runs, and for sites that name none.
    pub fn none() -> RegionIndex {
        RegionIndex {
            registry: Cow::Owned(Registry::empty()),
            page_regions: Vec::new(),
            cities: Vec::new(),
            provinces: Vec::new(),
            hot: Vec::new(),
            path: String::new(),
            permalink: String::new(),
            city_index: HashMap::new(),
            province_index: HashMap::new(),
        }
    }

    /// True when some page names a place, so region pages are written.
    pub fn enabled(&self) -> bool {
        !self.cities.is_empty() || !self.provinces.is_empty()
    }

    /// The page of `city`, if it has one.
    pub fn city_page(&self, city: DivisionId) -> Option<&CityPage> {
        self.city_index.get(&city).map(|i| &self.cities[*i])
    }

    /// The page of `province`, if it has one.
    pub fn province_page(&self, province: DivisionId) -> Option<&ProvincePage> {
        self.province_index
            .get(&province)
            .map(|i| &self.provinces[*i])
    }

    /// The city page a name written in a template resolves to.
    pub fn find_city(&self, name: &str) -> Option<&CityPage> {
        match self.registry.resolve(name, None) {
            Resolution::Found(id) => self.registry.city_of(id).and_then(|c| self.city_page(c)),
            _ => None,
        }
    }
}

/// Resolves every page's place and builds the city and province indexes.
pub(super) fn collect(portal: &Portal) -> (RegionIndex, Diagnostics) {
    let config = &portal.config;
    let mut diagnostics = Diagnostics::new();
    let custom: Vec<CustomRegion> = config
        .regions
        .custom
        .iter()
        .map(|c| CustomRegion {
            name: c.name.value.clone(),
            aliases: c.aliases.clone(),
            parent: c.parent.value.clone(),
            code: c.code.clone(),
        })
        .collect();
    let uses_places = portal
        .pages
        .iter()
        .any(|p| p.source.meta.city.is_some() || p.source.meta.region.is_some());
    let (registry, bad_parents) = if uses_places {
        region::with_custom(&custom)
    } else {
        (Cow::Owned(Registry::empty()), Vec::new())
    };
    for (index, resolution) in bad_parents {
        let placed = &config.regions.custom[index].parent;
        diagnostics.push(config_problem(
            config,
            &registry,
            placed,
            &resolution,
            "region",
        ));
    }
    let default_province = default_province(config, &registry, uses_places, &mut diagnostics);
    let mut page_regions = vec![None; portal.pages.len()];
    if uses_places {
        for page in &portal.pages {
            let meta = &page.source.meta;
            let mut resolved = None;
            for (key, value) in [("city", &meta.city), ("region", &meta.region)] {
                let Some(value) = value else { continue };
                match resolve_page(portal, &registry, page.id, key, value, default_province) {
                    Ok(place) => resolved = resolved.or(Some(place)),
                    Err(d) => diagnostics.push(d),
                }
            }
            page_regions[page.id.index()] = resolved;
        }
    }
    let mut places = index(portal, registry, page_regions);
    places.hot = hot_cities(config, &places, &mut diagnostics);
    if places.enabled() {
        check_prefix(portal, &places, &mut diagnostics);
    }
    (places, diagnostics)
}

fn resolve_page(
    portal: &Portal,
    registry: &Registry,
    id: PageId,
    key: &str,
    value: &Located<String>,
    default_province: Option<DivisionId>,
) -> Result<PageRegion, Diagnostic> {
    let page = portal.page(id);
    match registry.resolve(&value.value, default_province) {
        Resolution::Found(division) => Ok(PageRegion {
            division,
            city: registry.city_of(division),
            province: registry.province_of(division),
        }),
        other => {
            let d = problem(registry, &value.value, key, &other).in_file(&page.source.file);
            Err(place_in_file(portal, d, value.span, &page.source.file))
        }
    }
}

/// The diagnostic for a `region` (or `city`) name that did not resolve to one division,
/// with the candidates or the nearest names; also used for the member regions of a
/// network (`network.toml`).
pub fn unresolved_place(registry: &Registry, name: &str, resolution: &Resolution) -> Diagnostic {
    problem(registry, name, "region", resolution)
}

/// The diagnostic for a name that did not resolve to one division.
fn problem(registry: &Registry, name: &str, key: &str, resolution: &Resolution) -> Diagnostic {
    let region = key == "region";
    match resolution {
        Resolution::Ambiguous(ids) => {
            let choices: Vec<String> = ids
                .iter()
                .take(8)
                .map(|id| format!("「{}」", registry.full_name(*id)))
                .collect();
            let more = if ids.len() > 8 { " …" } else { "" };
            let message = if region {
                crate::t!("place-ambiguous-region", name = name, count = ids.len())
            } else {
                crate::t!("place-ambiguous-city", name = name, count = ids.len())
            };
            Diagnostic::error("E0302", message)
                .expected(crate::t!("place-ambiguous.expected"))
                .help(crate::t!(
                    "place-ambiguous.help",
                    choices = format!("{}{more}", choices.join(" / "))
                ))
        }
        Resolution::Unknown(ids) => {
            let message = if region {
                crate::t!("place-unknown-region", name = name)
            } else {
                crate::t!("place-unknown-city", name = name)
            };
            let d =
                Diagnostic::error("E0301", message).expected(crate::t!("place-unknown.expected"));
            match ids.first() {
                Some(_) => {
                    let choices: Vec<Said> = ids
                        .iter()
                        .map(|id| {
                            let d = registry.get(*id);
                            let full = registry.full_name(*id);
                            crate::t!("place-choice", name = &d.short, full = full)
                        })
                        .collect();
                    let choices = crate::diag::text::or_list(choices);
                    d.help(crate::t!("place-did-you-mean", choices = choices))
                }
                None => d.help(crate::t!("place-unknown.help")),
            }
        }
        Resolution::Found(_) => {
            let message = if region {
                crate::t!("place-region", name = name)
            } else {
                crate::t!("place-city", name = name)
            };
            Diagnostic::error("E0301", message)
        }
    }
}

fn config_problem(
    config: &Config,
    registry: &Registry,
    placed: &Located<String>,
    resolution: &Resolution,
    key: &str,
) -> Diagnostic {
    let mut d = problem(registry, &placed.value, key, resolution);
    d.code = "E0303";
    placed.place(d.in_file(&config.file))
}

/// Places `d` at `span` of `file`, with the line's text read back for the caret.
fn place_in_file(
    portal: &Portal,
    d: Diagnostic,
    span: Option<crate::diag::Span>,
    file: &std::path::Path,
) -> Diagnostic {
    let Some(span) = span else { return d };
    match std::fs::read_to_string(portal.root.join(file)) {
        Ok(text) => d.at(span, text.trim_start_matches('\u{feff}')),
        Err(_) => d.at_span(span),
    }
}

fn default_province(
    config: &Config,
    registry: &Registry,
    check: bool,
    diagnostics: &mut Diagnostics,
) -> Option<DivisionId> {
    let placed = config.regions.default_province.as_ref()?;
    match registry.resolve(&placed.value, None) {
        Resolution::Found(id) if registry.get(id).level == Level::Province => Some(id),
        Resolution::Found(id) => {
            if check {
                diagnostics.push(
                    placed.place(
                        Diagnostic::error(
                            "E0303",
                            crate::t!("place-not-a-province", name = &placed.value),
                        )
                        .in_file(&config.file)
                        .expected(crate::t!("place-not-a-province.expected"))
                        .help(crate::t!(
                            "place-not-a-province.help",
                            province = &registry.get(registry.province_of(id)).name
                        )),
                    ),
                );
            }
            None
        }
        other => {
            if check {
                diagnostics.push(config_problem(config, registry, placed, &other, "region"));
            }
            None
        }
    }
}

/// Builds city and province pages from the resolved places.
fn index(
    portal: &Portal,
    registry: Cow<'static, Registry>,
    page_regions: Vec<Option<PageRegion>>,
) -> RegionIndex {
    let config = &portal.config;
    let path = format!("/{}/", config.regions.path);
    let mut by_city: BTreeMap<(String, DivisionId), Vec<PageId>> = BTreeMap::new();
    let mut by_province: BTreeMap<DivisionId, Vec<PageId>> = BTreeMap::new();
    let mut counties: HashMap<DivisionId, Vec<DivisionId>> = HashMap::new();
    for (i, place) in page_regions.iter().enumerate() {
        let Some(place) = place else { continue };
        let id = PageId(i as u32);
        let listed = portal.page(id).listed;
        if let Some(city) = place.city {
            let province_code = registry.get(place.province).code.clone();
            let list = by_city.entry((province_code, city)).or_default();
            if listed {
                list.push(id);
            }
            if place.division != city {
                counties.entry(city).or_default().push(place.division);
            }
        }
        let list = by_province.entry(place.province).or_default();
        if listed {
            list.push(id);
        }
    }
    let slugs = if by_province.is_empty() {
        HashMap::new()
    } else {
        region::slugs(&registry)
    };
    let url = |division: DivisionId| {
        let slug = slugs
            .get(&division)
            .cloned()
            .unwrap_or_else(|| registry.get(division).code.clone());
        let page_path = format!("{path}{slug}/");
        let permalink = format!("{}{page_path}", config.base_url);
        (slug, page_path, permalink)
    };
    let mut cities = Vec::new();
    for ((_, city), mut pages) in by_city {
        nav::sort_pages(portal, &mut pages, SortBy::Date);
        let mut below = counties.remove(&city).unwrap_or_default();
        below.sort_by_key(|id| (registry.get(*id).code.clone(), *id));
        below.dedup();
        let (slug, path, permalink) = url(city);
        cities.push(CityPage {
            division: city,
            slug,
            path,
            permalink,
            pages,
            counties: below,
        });
    }
    let city_index: HashMap<DivisionId, usize> = cities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.division, i))
        .collect();
    let mut provinces = Vec::new();
    for (province, mut pages) in by_province {
        if city_index.contains_key(&province) {
            continue; // a municipality: its city page is its page
        }
        nav::sort_pages(portal, &mut pages, SortBy::Date);
        let own: Vec<usize> = cities
            .iter()
            .enumerate()
            .filter(|(_, c)| registry.province_of(c.division) == province)
            .map(|(i, _)| i)
            .collect();
        let (slug, path, permalink) = url(province);
        provinces.push(ProvincePage {
            division: province,
            slug,
            path,
            permalink,
            cities: own,
            pages,
        });
    }
    let province_index = provinces
        .iter()
        .enumerate()
        .map(|(i, p)| (p.division, i))
        .collect();
    RegionIndex {
        registry,
        page_regions,
        cities,
        provinces,
        hot: Vec::new(),
        permalink: format!("{}{path}", config.base_url),
        path,
        city_index,
        province_index,
    }
}

/// Number of cities in the 热门城市 block when the config names none.
const HOT_CITIES: usize = 12;

/// The config's `hot_cities` in order, else the cities with the most pages.
fn hot_cities(config: &Config, places: &RegionIndex, diagnostics: &mut Diagnostics) -> Vec<usize> {
    if config.regions.hot_cities.is_empty() {
        let mut ranked: Vec<usize> = (0..places.cities.len()).collect();
        ranked.sort_by_key(|i| (std::cmp::Reverse(places.cities[*i].pages.len()), *i));
        ranked.truncate(HOT_CITIES);
        return ranked;
    }
    let mut hot = Vec::new();
    for placed in &config.regions.hot_cities {
        match places.registry.resolve(&placed.value, None) {
            Resolution::Found(id) => {
                let city = places.registry.city_of(id).unwrap_or(id);
                if let Some(i) = places.city_index.get(&city).filter(|i| !hot.contains(*i)) {
                    hot.push(*i);
                }
            }
            other if places.enabled() => {
                diagnostics.push(config_problem(
                    config,
                    &places.registry,
                    placed,
                    &other,
                    "city",
                ));
            }
            _ => {}
        }
    }
    hot
}

/// Region pages must not take a URL the site already uses (a taxonomy named `cities`,
/// a section `content/cities/`): that is an error naming the key that moves them.
fn check_prefix(portal: &Portal, places: &RegionIndex, diagnostics: &mut Diagnostics) {
    if let Some(owner) = path_owner(portal, &places.path) {
        diagnostics.push(
            Diagnostic::error(
                "E0310",
                crate::t!("region-path-taken", path = &places.path, owner = owner),
            )
            .in_file(&portal.config.file)
            .expected(crate::t!("region-path-taken.expected"))
            .help(crate::t!("region-path-taken.help")),
        );
    }
}

/// What already publishes at or under `prefix` (`/cities/`), described for an editor:
/// a rendered taxonomy, a section or a page. Generated pages must not overwrite them.
pub(super) fn path_owner(portal: &Portal, prefix: &str) -> Option<Said> {
    if let Some(t) = portal
        .taxonomies
        .iter()
        .find(|t| t.config.render && t.path.starts_with(prefix))
    {
        return Some(crate::t!("owner-taxonomy", name = &t.config.name));
    }
    if let Some(s) = portal
        .sections
        .iter()
        .find(|s| s.url.path.starts_with(prefix))
    {
        return Some(crate::t!(
            "owner-section",
            file = crate::diag::display_path(&s.source.file)
        ));
    }
    portal
        .pages
        .iter()
        .find(|p| p.url.path.starts_with(prefix))
        .map(|p| {
            crate::t!(
                "owner-page",
                file = crate::diag::display_path(&p.source.file)
            )
        })
}
