//! Zola's functions for data and files: `load_data(path|url|literal, format, required,
//! method, headers, body, content_type)`, `get_hash(path|literal, sha_type, base64)` and
//! its older name `get_file_hash(path, …)`. Arguments are read here; reading, fetching
//! and parsing are [`crate::load_data`]'s. One build reads each distinct `load_data`
//! once, however many pages call it (the answer is shared, as in Zola). They need no
//! model, so shortcodes have them too (see [`register`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use tera::{Function, Value};

use super::functions::optional_str;
use super::view::Views;
use crate::bounds::SiteBounds;
use crate::config::Config;
use crate::config::load_data::LoadDataConfig;
use crate::load_data::hash::{self, ShaType};
use crate::load_data::remote::RemoteRequest;
use crate::load_data::{
    DataRequest, FORMAT_NAMES, Format, LoadError, ParsedFiles, SiteFiles, Source,
};

/// What the data functions read: the site's files and how to fetch remote data.
#[derive(Debug)]
pub(super) struct DataFiles {
    root: PathBuf,
    bounds: SiteBounds,
    theme: Option<String>,
    remote: LoadDataConfig,
    /// Files parsed for every build sharing them (a network's members).
    parsed: Option<Arc<ParsedFiles>>,
}

impl DataFiles {
    fn new(
        root: &Path,
        bounds: &SiteBounds,
        config: &Config,
        parsed: Option<Arc<ParsedFiles>>,
    ) -> Arc<DataFiles> {
        Arc::new(DataFiles {
            root: root.to_path_buf(),
            bounds: bounds.clone(),
            theme: config.theme.clone(),
            remote: config.load_data.clone(),
            parsed,
        })
    }

    fn site(&self) -> SiteFiles<'_> {
        SiteFiles {
            root: &self.root,
            bounds: &self.bounds,
            theme: self.theme.as_deref(),
            parsed: self.parsed.as_deref(),
        }
    }
}

/// The data and file functions of a rendering (registered with the site functions,
/// see [`super::functions::site_functions`]).
pub(super) fn functions(views: &Arc<Views>) -> Vec<(&'static str, Box<dyn Function>)> {
    let portal = &views.portal;
    let parsed = portal.parsed_files.clone();
    of_files(DataFiles::new(
        &portal.root,
        &portal.bounds,
        &portal.config,
        parsed,
    ))
}

/// Registers the data functions on the templates as loaded, for shortcodes, which
/// render before the model exists (pages' own templates get [`functions`]).
pub(super) fn register(
    tera: &mut tera::Tera,
    root: &Path,
    bounds: &SiteBounds,
    config: &Config,
    parsed: Option<Arc<ParsedFiles>>,
) {
    for (name, function) in of_files(DataFiles::new(root, bounds, config, parsed)) {
        tera.register_function(name, BoxedFunction(function));
    }
}

/// A boxed function, which Tera takes as any other.
struct BoxedFunction(Box<dyn Function>);

impl Function for BoxedFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        self.0.call(args)
    }
    fn is_safe(&self) -> bool {
        self.0.is_safe()
    }
}

fn of_files(files: Arc<DataFiles>) -> Vec<(&'static str, Box<dyn Function>)> {
    vec![
        (
            "load_data",
            Box::new(LoadData {
                files: files.clone(),
                answers: Mutex::default(),
            }),
        ),
        ("get_hash", Box::new(GetHash(files.clone(), "get_hash"))),
        ("get_file_hash", Box::new(GetHash(files, "get_file_hash"))),
    ]
}

type Answer = Arc<OnceLock<Result<Value, LoadError>>>;

/// `load_data(…)`: the answers of this build, by request, so that pages rendering in
/// parallel read a file or fetch a URL once (the lock is held only to find the slot).
struct LoadData {
    files: Arc<DataFiles>,
    answers: Mutex<HashMap<String, Answer>>,
}

impl Function for LoadData {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        const NAME: &str = "load_data";
        let request = data_request(args)?;
        let required = bool_or(args, "required", true, NAME)?;
        let key = format!("{request:?}");
        let slot = {
            let mut answers = self
                .answers
                .lock()
                .map_err(|_| tera::Error::msg("`load_data`: an earlier call failed"))?;
            answers.entry(key).or_default().clone()
        };
        let answer = slot.get_or_init(|| request.load(&self.files.site(), &self.files.remote));
        match answer {
            Ok(value) => Ok(value.clone()),
            Err(LoadError::Unavailable(_)) if !required => Ok(Value::Null),
            Err(LoadError::Unavailable(why) | LoadError::Invalid(why)) => {
                Err(tera::Error::msg(format!("`{NAME}`: {why}")))
            }
        }
    }
}

/// The request `args` describe: exactly one of `path`, `url` and `literal`.
fn data_request(args: &HashMap<String, Value>) -> tera::Result<DataRequest> {
    const NAME: &str = "load_data";
    let format = match optional_str(args, "format", NAME)? {
        None => None,
        Some(name) => Some(Format::parse(name).ok_or_else(|| {
            tera::Error::msg(format!(
                "`{NAME}`: unknown format 「{name}」 (expected {FORMAT_NAMES})"
            ))
        })?),
    };
    let given = (
        optional_str(args, "path", NAME)?,
        optional_str(args, "url", NAME)?,
        optional_str(args, "literal", NAME)?,
    );
    let source = match given {
        (Some(path), None, None) => Source::Path(path.to_owned()),
        (None, Some(url), None) => Source::Url(remote_request(args, url, format)?),
        (None, None, Some(text)) => Source::Literal(text.to_owned()),
        _ => {
            return Err(tera::Error::msg(format!(
                "`{NAME}` needs exactly one of `path`, `url` or `literal`, e.g. `load_data(path=\"data/cities.csv\")`"
            )));
        }
    };
    Ok(DataRequest { source, format })
}

fn remote_request(
    args: &HashMap<String, Value>,
    url: &str,
    format: Option<Format>,
) -> tera::Result<RemoteRequest> {
    const NAME: &str = "load_data";
    let post = match optional_str(args, "method", NAME)? {
        None => false,
        Some(m) if m.eq_ignore_ascii_case("get") => false,
        Some(m) if m.eq_ignore_ascii_case("post") => true,
        Some(other) => {
            return Err(tera::Error::msg(format!(
                "`{NAME}`: unknown method 「{other}」 (expected GET or POST)"
            )));
        }
    };
    let headers = match args.get("headers") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .and_then(|h| h.split_once('='))
                    .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
                    .ok_or_else(|| {
                        tera::Error::msg(format!(
                            "`{NAME}`: a header must be a string `name=value`, got `{item}`"
                        ))
                    })
            })
            .collect::<tera::Result<_>>()?,
        Some(other) => {
            return Err(tera::Error::msg(format!(
                "`{NAME}`: `headers` must be a list of `name=value` strings, got `{other}`"
            )));
        }
    };
    Ok(RemoteRequest {
        url: url.to_owned(),
        post,
        headers,
        body: optional_str(args, "body", NAME)?.map(str::to_owned),
        content_type: optional_str(args, "content_type", NAME)?.map(str::to_owned),
        accept: format.unwrap_or(Format::Plain).media_type(),
    })
}

/// `get_hash(path="site.css" | literal="…", sha_type=384, base64=true)`; as
/// `get_file_hash`, `path` only.
struct GetHash(Arc<DataFiles>, &'static str);

impl Function for GetHash {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let name = self.1;
        let path = optional_str(args, "path", name)?;
        let literal = match name {
            "get_hash" => optional_str(args, "literal", name)?,
            _ => None,
        };
        let bytes = match (path, literal) {
            (Some(path), None) => self
                .0
                .site()
                .read(path)
                .map(|(_, bytes)| bytes)
                .map_err(|e| tera::Error::msg(format!("`{name}`: {}", e.message())))?,
            (None, Some(text)) => text.as_bytes().to_vec(),
            _ if name == "get_hash" => {
                return Err(tera::Error::msg(
                    "`get_hash` needs exactly one of `path` or `literal`, e.g. `get_hash(path=\"site.css\")`",
                ));
            }
            _ => {
                return Err(tera::Error::msg(format!(
                    "`{name}` needs a string argument `path`"
                )));
            }
        };
        let sha = match args.get("sha_type") {
            None | Some(Value::Null) => ShaType::Sha384,
            Some(value) => value.as_u64().and_then(ShaType::from_bits).ok_or_else(|| {
                tera::Error::msg(format!(
                    "`{name}`: `sha_type` must be 256, 384 or 512, got `{value}`"
                ))
            })?,
        };
        let base64 = bool_or(args, "base64", true, name)?;
        Ok(Value::String(hash::digest(&bytes, sha, base64)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

fn bool_or(
    args: &HashMap<String, Value>,
    name: &str,
    default: bool,
    function: &str,
) -> tera::Result<bool> {
    match args.get(name) {
        None | Some(Value::Null) => Ok(default),
        Some(Value::Bool(b)) => Ok(*b),
        Some(other) => Err(tera::Error::msg(format!(
            "`{function}`: `{name}` must be true or false, got `{other}`"
        ))),
    }
}
