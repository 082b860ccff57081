//! The generated portal pages: the cities index (`/cities/`, grouped by province), one
//! page per city (paginated, newest first, its counties' content included) with its
//! feed, one page per province, and one index per series. Each is rendered only when
//! the theme has its template (`cities.html`, `city.html`, `province.html`,
//! `series.html`), so a theme without them builds as before.

use tera::Value;

use super::super::portal_view as pv;
use super::super::{Context, Theme, feeds};
use super::{Prepared, Renderer};
use crate::output::Output;
use crate::portal::menus::Crumb;
use crate::portal::nav::{self, Pager};
use crate::portal::{PageId, Portal, org, urls};

/// Pages per city list page when the config sets no `paginate_by`.
const CITY_PAGE_SIZE: usize = 20;

/// One generated page.
pub(crate) enum PortalJob {
    Cities,
    City(usize, Pager),
    Province(usize),
    Series(usize),
}

/// The generated pages of the site; none when no page names a place or a series.
pub(super) fn plan(portal: &Portal, theme: &Theme) -> Vec<PortalJob> {
    let mut jobs = Vec::new();
    let places = &portal.places;
    if places.enabled() {
        if theme.has("cities.html") {
            jobs.push(PortalJob::Cities);
        }
        if theme.has("city.html") {
            for (i, city) in places.cities.iter().enumerate() {
                let listed = listed_pages(portal, &city.pages).len();
                for pager in nav::paginate(&city.path, listed, page_size(portal), "page") {
                    jobs.push(PortalJob::City(i, pager));
                }
            }
        }
        if theme.has("province.html") {
            jobs.extend((0..places.provinces.len()).map(PortalJob::Province));
        }
    }
    if theme.has("series.html") {
        jobs.extend((0..portal.series.list.len()).map(PortalJob::Series));
    }
    jobs
}

fn page_size(portal: &Portal) -> usize {
    portal.config.paginate_by.unwrap_or(CITY_PAGE_SIZE)
}

/// A city's list: its pages other than organizations (those are listed apart).
fn listed_pages(portal: &Portal, ids: &[PageId]) -> Vec<PageId> {
    ids.iter()
        .copied()
        .filter(|id| !org::is_org(portal, *id))
        .collect()
}

/// `atom.xml` / `rss.xml` for every city page.
pub(super) fn city_feeds(portal: &Portal, undated: &feeds::UndatedFeeds) -> Vec<Output> {
    if !portal.config.generate_feeds {
        return Vec::new();
    }
    let mut out = Vec::new();
    for city in &portal.places.cities {
        let name = &portal.places.registry.get(city.division).name;
        let title = format!("{name} - {}", portal.config.title);
        let ids = listed_pages(portal, &city.pages);
        out.extend(feeds::feed_files(
            portal,
            undated,
            &city.path,
            &title,
            &city.permalink,
            &ids,
        ));
    }
    out
}

impl Renderer<'_> {
    pub(super) fn portal_job(&self, job: &PortalJob) -> Prepared {
        match job {
            PortalJob::Cities => self.cities(),
            PortalJob::City(i, pager) => self.city(*i, pager),
            PortalJob::Province(i) => self.province(*i),
            PortalJob::Series(i) => self.series(*i),
        }
    }

    fn generated(
        &self,
        template: &str,
        path: &str,
        mut context: Context,
        crumbs: Vec<Crumb>,
    ) -> Prepared {
        context.put("breadcrumbs", pv::crumbs_value(&crumbs));
        Prepared {
            template: template.to_owned(),
            context,
            source: self.portal.config.file.clone(),
            path: urls::output_file_for(path),
        }
    }

    fn home_crumb(&self) -> Crumb {
        Crumb::link("首页", self.portal.home().url.permalink.clone())
    }

    fn cities_crumb(&self) -> Crumb {
        Crumb::link("城市", self.portal.places.permalink.clone())
    }

    fn cities(&self) -> Prepared {
        let places = &self.portal.places;
        let mut context = self.base_context(&places.path, &self.portal.config.default_language);
        context.put("provinces", pv::city_groups(self.views));
        context.put("hot_cities", pv::hot_cities(self.views));
        self.generated(
            "cities.html",
            &places.path,
            context,
            vec![self.home_crumb(), Crumb::here("城市")],
        )
    }

    fn city(&self, index: usize, pager: &Pager) -> Prepared {
        let places = &self.portal.places;
        let city = &places.cities[index];
        let mut context = self.base_context(&pager.path, &self.portal.config.default_language);
        let mut value = pv::city_value(self.views, city, false);
        let all = listed_pages(self.portal, &city.pages);
        let orgs: Vec<PageId> = city
            .pages
            .iter()
            .copied()
            .filter(|id| org::is_org(self.portal, *id))
            .collect();
        if let Value::Object(map) = &mut value {
            map.insert("orgs".into(), self.views.page_list(&orgs));
        }
        context.put("city", value);
        let ids = &all[pager.range.0..pager.range.1];
        context.put(
            "paginator",
            self.paginator(
                &city.path,
                "page",
                pager,
                page_size(self.portal),
                all.len(),
                ids,
            ),
        );
        let mut crumbs = vec![self.home_crumb(), self.cities_crumb()];
        let province = places.registry.province_of(city.division);
        if let Some(p) = places.province_page(province) {
            crumbs.push(Crumb::link(
                places.registry.get(province).name.clone(),
                p.permalink.clone(),
            ));
        }
        crumbs.push(Crumb::here(places.registry.get(city.division).name.clone()));
        self.generated("city.html", &pager.path, context, crumbs)
    }

    fn province(&self, index: usize) -> Prepared {
        let places = &self.portal.places;
        let province = &places.provinces[index];
        let mut context = self.base_context(&province.path, &self.portal.config.default_language);
        let mut value = pv::province_value(self.views, province);
        if let Value::Object(map) = &mut value {
            let ids: Vec<PageId> = listed_pages(self.portal, &province.pages)
                .into_iter()
                .take(page_size(self.portal))
                .collect();
            map.insert("pages".into(), self.views.page_list(&ids));
        }
        context.put("province", value);
        let name = places.registry.get(province.division).name.clone();
        self.generated(
            "province.html",
            &province.path,
            context,
            vec![self.home_crumb(), self.cities_crumb(), Crumb::here(name)],
        )
    }

    fn series(&self, index: usize) -> Prepared {
        let series = &self.portal.series.list[index];
        let mut context = self.base_context(&series.path, &self.portal.config.default_language);
        context.put("series", pv::series_index_value(self.views, series));
        self.generated(
            "series.html",
            &series.path,
            context,
            vec![self.home_crumb(), Crumb::here(series.name.clone())],
        )
    }
}
