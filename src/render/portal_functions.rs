//! Tera functions for the portal model: `get_city(name=…)`, `get_cities(hot=false)`,
//! `get_org(name=…)`, `get_orgs()`, `get_series(name=…)`. Each returns only what was
//! asked for, serialised from the shared [`Views`].

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Function, Value};

use super::portal_view as pv;
use super::view::Views;

/// The portal functions (registered with the site functions, see
/// [`super::functions::site_functions`]).
pub(super) fn functions(views: &Arc<Views>) -> Vec<(&'static str, Box<dyn Function>)> {
    vec![
        ("get_city", Box::new(GetCity(views.clone()))),
        ("get_cities", Box::new(GetCities(views.clone()))),
        ("get_org", Box::new(GetOrg(views.clone()))),
        ("get_orgs", Box::new(GetOrgs(views.clone()))),
        ("get_series", Box::new(GetSeries(views.clone()))),
    ]
}

fn name_arg<'a>(args: &'a HashMap<String, Value>, function: &str) -> tera::Result<&'a str> {
    args.get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::msg(format!("`{function}` needs a string argument `name`")))
}

/// A lookup that found nothing: an error, unless `required=false` asks for null.
fn not_found(args: &HashMap<String, Value>, message: String) -> tera::Result<Value> {
    if args.get("required").and_then(Value::as_bool) == Some(false) {
        Ok(Value::Null)
    } else {
        Err(tera::Error::msg(message))
    }
}

/// `get_city(name="梧州")`: the city page of a city or county name, with its pages.
struct GetCity(Arc<Views>);
impl Function for GetCity {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let name = name_arg(args, "get_city")?;
        match self.0.portal.places.find_city(name) {
            Some(city) => Ok(pv::city_value(&self.0, city, true)),
            None => not_found(
                args,
                format!(
                    "`get_city`: no city page for 「{name}」 (no page names it in `city` or `region`)"
                ),
            ),
        }
    }
}

/// `get_cities(hot=false)`: every city with a page, or the 热门城市 with `hot=true`.
struct GetCities(Arc<Views>);
impl Function for GetCities {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        if args.get("hot").and_then(Value::as_bool) == Some(true) {
            return Ok(pv::hot_cities(&self.0));
        }
        let places = &self.0.portal.places;
        Ok(Value::Array(
            places
                .cities
                .iter()
                .map(|c| pv::city_value(&self.0, c, false))
                .collect(),
        ))
    }
}

/// `get_org(name="梧州市科学技术协会")`: an organization's page with its card.
struct GetOrg(Arc<Views>);
impl Function for GetOrg {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let name = name_arg(args, "get_org")?;
        match self.0.portal.orgs.by_title(name) {
            Some(org) => Ok(self.0.page_summary(org.page)),
            None => not_found(
                args,
                format!("`get_org`: no organization titled 「{name}」"),
            ),
        }
    }
}

/// `get_orgs()`: every organization, as the directory index lists them.
struct GetOrgs(Arc<Views>);
impl Function for GetOrgs {
    fn call(&self, _args: &HashMap<String, Value>) -> tera::Result<Value> {
        Ok(pv::org_list(&self.0))
    }
}

/// `get_series(name="科协改革进行时·地方篇")`: a series with its pages in number order.
struct GetSeries(Arc<Views>);
impl Function for GetSeries {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let name = name_arg(args, "get_series")?;
        match self.0.portal.series.find(name) {
            Some(series) => Ok(pv::series_index_value(&self.0, series)),
            None => not_found(args, format!("`get_series`: no series 「{name}」")),
        }
    }
}
