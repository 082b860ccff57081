//! What templates see of the portal model: a page's place (`page.region`), its
//! organization card (`page.org`), its series (`page.series_info`), its related pages
//! (`page.related`); city, province, series and organization views for the generated
//! pages and for the `get_city`, `get_cities`, `get_org`, `get_series` functions; menus
//! with the current entry marked, and breadcrumbs. Names are documented in
//! docs/templates.md.

use serde_json::{Map, Value, json};

use super::view::Views;
use crate::portal::city::{CityPage, ProvincePage};
use crate::portal::menus::{Crumb, MenuItem};
use crate::portal::region::DivisionId;
use crate::portal::series::Series;
use crate::portal::{PageId, Portal, org};

/// Adds the portal fields to a page's view. `full` (the page's own template) adds the
/// lists a list entry does not need: related pages, series neighbours, the org's news.
pub(super) fn extend_page(views: &Views, id: PageId, value: &mut Value, full: bool) {
    let portal = &views.portal;
    let Value::Object(map) = value else { return };
    let page = portal.page(id);
    map.insert("region".into(), region_value(portal, id));
    map.insert("org".into(), org_value(portal, id, full));
    map.insert("series_info".into(), series_value(portal, id, full));
    if full {
        // Only the page's own template shows these; lists stay small, since a list page
        // clones every summary it shows.
        map.insert(
            "org_name".into(),
            page.source
                .meta
                .org
                .as_ref()
                .map(|o| o.value.clone())
                .into(),
        );
        map.insert(
            "org_page".into(),
            portal
                .orgs
                .mentioned_by(id)
                .map_or(Value::Null, |o| link(portal, o.page)),
        );
        let related = portal
            .related
            .get(id.index())
            .map_or(&[][..], Vec::as_slice);
        map.insert(
            "related".into(),
            Value::Array(related.iter().map(|r| link(portal, *r)).collect()),
        );
    }
}

/// `{title, permalink, date}` of a page.
fn link(portal: &Portal, id: PageId) -> Value {
    let page = portal.page(id);
    json!({
        "title": page.source.meta.title,
        "permalink": page.url.permalink,
        "date": page.date.as_ref().map(|d| d.text.as_str()),
    })
}

fn links(portal: &Portal, ids: &[PageId]) -> Value {
    Value::Array(ids.iter().map(|id| link(portal, *id)).collect())
}

/// `page.region`: the resolved place, or null.
fn region_value(portal: &Portal, id: PageId) -> Value {
    let Some(place) = portal
        .places
        .page_regions
        .get(id.index())
        .copied()
        .flatten()
    else {
        return Value::Null;
    };
    let registry = &portal.places.registry;
    let division = registry.get(place.division);
    json!({
        "code": division.code,
        "name": division.name,
        "short": division.short,
        "full_name": registry.full_name(place.division),
        "level": division.level.as_str(),
        "city": place.city.map_or(Value::Null, |c| place_link(portal, c)),
        "province": place_link(portal, place.province),
    })
}

/// `{name, short, code, permalink}` of a division; `permalink` when it has a page.
fn place_link(portal: &Portal, id: DivisionId) -> Value {
    let places = &portal.places;
    let division = places.registry.get(id);
    let permalink = places
        .city_page(id)
        .map(|c| c.permalink.as_str())
        .or_else(|| places.province_page(id).map(|p| p.permalink.as_str()));
    json!({
        "name": division.name,
        "short": division.short,
        "code": division.code,
        "permalink": permalink,
    })
}

/// `page.org`: the organization card of an org page, or null.
fn org_value(portal: &Portal, id: PageId, full: bool) -> Value {
    let Some(org) = portal.orgs.of_page(id) else {
        return Value::Null;
    };
    let fields = &portal.page(id).source.meta.org_fields;
    let parent_permalink = org.parent.map(|p| portal.page(p).url.permalink.clone());
    let mut value = json!({
        "level": org.level,
        "region": portal.page(id).source.meta.region.as_ref().map(|r| r.value.as_str()),
        "parent": fields.parent.as_ref().map(|p| p.value.as_str()),
        "parent_permalink": parent_permalink,
        "address": fields.address,
        "phone": fields.phone,
        "website": fields.website,
        "chair": fields.chair,
        "founded": fields.founded,
        "members": fields.members,
        "children": org.children.iter().map(|c| {
            let child = portal.page(*c);
            json!({"title": child.source.meta.title, "permalink": child.url.permalink})
        }).collect::<Vec<_>>(),
    });
    if full && let Value::Object(map) = &mut value {
        map.insert("news".into(), links(portal, &org.mentions));
        map.insert("region_news".into(), region_news(portal, id));
    }
    value
}

/// Latest news of an organization's city (or province), organizations left out.
const REGION_NEWS: usize = 10;

fn region_news(portal: &Portal, id: PageId) -> Value {
    let places = &portal.places;
    let Some(place) = places.page_regions.get(id.index()).copied().flatten() else {
        return Value::Array(Vec::new());
    };
    let pages = place
        .city
        .and_then(|c| places.city_page(c))
        .map(|c| &c.pages)
        .or_else(|| places.province_page(place.province).map(|p| &p.pages));
    let ids: Vec<PageId> = pages
        .into_iter()
        .flatten()
        .copied()
        .filter(|p| *p != id && !org::is_org(portal, *p))
        .take(REGION_NEWS)
        .collect();
    links(portal, &ids)
}

/// `page.series_info`: the series, the page's number and label, its neighbours.
fn series_value(portal: &Portal, id: PageId, full: bool) -> Value {
    let Some((series, position)) = portal.series.of_page(id) else {
        return Value::Null;
    };
    let (number, _) = series.pages[position];
    let neighbour = |at: Option<usize>| {
        at.and_then(|i| series.pages.get(i))
            .map_or(Value::Null, |(n, p)| {
                let mut v = link(portal, *p);
                if let Value::Object(m) = &mut v {
                    m.insert("index".into(), (*n).into());
                }
                v
            })
    };
    let mut value = json!({
        "name": series.name,
        "label": series.label,
        "slug": series.slug,
        "permalink": series.permalink,
        "index": number,
        "title_label": number.map(|n| format!("【{}】{n}", series.label)),
        "total": series.pages.len(),
    });
    if full && let Value::Object(map) = &mut value {
        map.insert("previous".into(), neighbour(position.checked_sub(1)));
        map.insert("next".into(), neighbour(Some(position + 1)));
    }
    value
}

/// A city as `get_city`, city pages and the cities index show it.
pub(super) fn city_value(views: &Views, city: &CityPage, with_pages: bool) -> Value {
    let portal = &views.portal;
    let registry = &portal.places.registry;
    let division = registry.get(city.division);
    let province = registry.province_of(city.division);
    let counties: Vec<Value> = city
        .counties
        .iter()
        .map(|c| {
            let d = registry.get(*c);
            json!({"name": d.name, "short": d.short, "code": d.code})
        })
        .collect();
    let mut value = json!({
        "name": division.name,
        "short": division.short,
        "code": division.code,
        "full_name": registry.full_name(city.division),
        "slug": city.slug,
        "path": city.path,
        "permalink": city.permalink,
        "province": place_link(portal, province),
        "counties": counties,
        "page_count": city.pages.len(),
        "index_permalink": portal.places.permalink,
    });
    // In a network, the member site of this city (访问梧州市科协网站).
    let site = portal
        .member_sites
        .iter()
        .find(|site| site.region_code == division.code);
    if let (Some(site), Value::Object(map)) = (site, &mut value) {
        map.insert(
            "site".to_owned(),
            json!({"name": site.name, "association": site.association, "short": site.short, "url": site.url}),
        );
    }
    if with_pages && let Value::Object(map) = &mut value {
        let (orgs, others): (Vec<PageId>, Vec<PageId>) =
            city.pages.iter().partition(|p| org::is_org(portal, **p));
        map.insert("pages".into(), views.page_list(&others));
        map.insert("orgs".into(), views.page_list(&orgs));
    }
    value
}

/// A province with its cities (no pages).
pub(super) fn province_value(views: &Views, province: &ProvincePage) -> Value {
    let portal = &views.portal;
    let division = portal.places.registry.get(province.division);
    json!({
        "name": division.name,
        "short": division.short,
        "code": division.code,
        "slug": province.slug,
        "path": province.path,
        "permalink": province.permalink,
        "page_count": province.pages.len(),
        "cities": province.cities.iter().map(|i| city_value(views, &portal.places.cities[*i], false)).collect::<Vec<_>>(),
    })
}

/// `/cities/` grouped by province: provinces with their cities, then the cities that
/// are province-level themselves (北京, 香港 …) as groups of one.
pub(super) fn city_groups(views: &Views) -> Value {
    let places = &views.portal.places;
    let mut groups: Vec<(String, Value)> = places
        .provinces
        .iter()
        .map(|p| {
            (
                places.registry.get(p.division).code.clone(),
                province_value(views, p),
            )
        })
        .collect();
    for city in places.cities.iter().filter(|c| {
        places
            .province_page(places.registry.province_of(c.division))
            .is_none()
    }) {
        let d = places.registry.get(city.division);
        groups.push((
            d.code.clone(),
            json!({
                "name": d.name, "short": d.short, "code": d.code, "slug": city.slug,
                "path": city.path, "permalink": city.permalink, "page_count": city.pages.len(),
                "cities": [city_value(views, city, false)],
            }),
        ));
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    Value::Array(groups.into_iter().map(|g| g.1).collect())
}

/// The 热门城市 list.
pub(super) fn hot_cities(views: &Views) -> Value {
    let places = &views.portal.places;
    Value::Array(
        places
            .hot
            .iter()
            .map(|i| city_value(views, &places.cities[*i], false))
            .collect(),
    )
}

/// A series with its pages in number order.
pub(super) fn series_index_value(views: &Views, series: &Series) -> Value {
    let portal = &views.portal;
    let pages: Vec<Value> = series
        .pages
        .iter()
        .map(|(n, id)| {
            let mut v = views.page_summary(*id);
            match &mut v {
                Value::Object(m) => _ = m.insert("series_number".into(), (*n).into()),
                // Digest views stand in a token for a page: keep the number beside it.
                other => *other = json!([other.take(), n]),
            }
            v
        })
        .collect();
    json!({
        "name": series.name,
        "label": series.label,
        "slug": series.slug,
        "path": series.path,
        "permalink": series.permalink,
        "page_count": series.pages.len(),
        "pages": pages,
        "base_url": portal.config.base_url,
    })
}

/// Every organization for the directory index, with what the filters need.
pub(super) fn org_list(views: &Views) -> Value {
    let portal = &views.portal;
    let places = &portal.places;
    Value::Array(
        portal
            .orgs
            .orgs
            .iter()
            .map(|o| {
                let page = portal.page(o.page);
                let place = places.page_regions.get(o.page.index()).copied().flatten();
                let city = place
                    .and_then(|p| p.city)
                    .map(|c| places.registry.get(c).name.clone());
                let province = place.map(|p| places.registry.get(p.province).name.clone());
                json!({
                    "title": page.source.meta.title,
                    "permalink": page.url.permalink,
                    "level": o.level,
                    "region": page.source.meta.region.as_ref().map(|r| r.value.as_str()),
                    "city": city,
                    "province": province,
                    "parent": o.parent.map(|p| portal.page(p).source.meta.title.as_str()),
                    "children": o.children.len(),
                })
            })
            .collect(),
    )
}

/// The places organizations are in, for the directory's region filter: provinces
/// and cities by code, each once.
pub(super) fn org_regions(views: &Views) -> Value {
    let places = &views.portal.places;
    let mut ids: Vec<DivisionId> = Vec::new();
    for org in &views.portal.orgs.orgs {
        if let Some(place) = places.page_regions.get(org.page.index()).copied().flatten() {
            ids.push(place.province);
            ids.extend(place.city);
        }
    }
    ids.sort_by(|a, b| {
        places
            .registry
            .get(*a)
            .code
            .cmp(&places.registry.get(*b).code)
    });
    ids.dedup();
    Value::Array(
        ids.iter()
            .map(|id| places.registry.get(*id).name.clone().into())
            .collect(),
    )
}

/// `menus`: every menu (`main` at least, maybe empty) with `current` (this very page) and `active` (this page is
/// inside the entry, or one of its children is) set for `path`.
pub(super) fn menus_value(portal: &Portal, path: &str) -> Value {
    let mut out = Map::new();
    // `main` always exists, so `{% for item in menus.main %}` works without menus.
    out.insert("main".into(), Value::Array(Vec::new()));
    for (name, items) in &portal.menus {
        out.insert(
            name.clone(),
            Value::Array(items.iter().map(|i| menu_item(i, path)).collect()),
        );
    }
    Value::Object(out)
}

fn menu_item(item: &MenuItem, current: &str) -> Value {
    let children: Vec<Value> = item
        .children
        .iter()
        .map(|c| menu_item(c, current))
        .collect();
    let is_current = item.path.as_deref() == Some(current);
    let inside = item
        .path
        .as_deref()
        .is_some_and(|p| p != "/" && current.starts_with(p));
    let child_active = children.iter().any(|c| c["active"] == Value::Bool(true));
    json!({
        "title": item.title,
        "url": item.url,
        "current": is_current,
        "active": is_current || inside || child_active,
        "children": children,
    })
}

/// Breadcrumbs as templates see them.
pub(super) fn crumbs_value(crumbs: &[Crumb]) -> Value {
    serde_json::to_value(crumbs).unwrap_or(Value::Array(Vec::new()))
}
