//! The `[load_data]` table: how the `load_data(url=…)` template function fetches remote
//! data. Answers are kept in `.menhu-cache/load_data/` for `cache_hours`, each request
//! gives up after `timeout_secs`, and hosts that are or resolve to private or local
//! addresses are refused unless `allow_private` names them (as for `check --external`).
//! `offline` is not read from the file: `--offline` sets it, and then only the cache
//! answers. The raw mirror lives here beside its validation, as for `[check]`.

use serde::{Deserialize, Serialize};

/// Seconds a remote request may take when `timeout_secs` is not set.
pub const DEFAULT_TIMEOUT_SECS: u64 = 10;
/// Hours a fetched answer is reused when `cache_hours` is not set.
pub const DEFAULT_CACHE_HOURS: u64 = 24;

/// `[load_data]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawLoadData {
    pub timeout_secs: Option<u64>,
    pub cache_hours: Option<u64>,
    pub allow_private: Vec<String>,
}

/// How `load_data` fetches remote data (`[load_data]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadDataConfig {
    /// Timeout of one request, in seconds (at least 1).
    pub timeout_secs: u64,
    /// How long a fetched answer is reused before it is asked again, in hours (0:
    /// asked again on every build).
    pub cache_hours: u64,
    /// Hosts (`host`, `host:port`, or `*` for all) that may be private or local
    /// addresses; every other host that is or resolves to one is refused.
    pub allow_private: Vec<String>,
    /// No network: remote data comes from the cache or is an error (`--offline`).
    #[serde(skip)]
    pub offline: bool,
}

impl Default for LoadDataConfig {
    fn default() -> Self {
        LoadDataConfig {
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            cache_hours: DEFAULT_CACHE_HOURS,
            allow_private: Vec::new(),
            offline: false,
        }
    }
}

/// `[load_data]` validated: defaults for what is missing, a timeout of at least 1 s.
pub(crate) fn validate_load_data(raw: RawLoadData) -> LoadDataConfig {
    LoadDataConfig {
        timeout_secs: raw.timeout_secs.unwrap_or(DEFAULT_TIMEOUT_SECS).max(1),
        cache_hours: raw.cache_hours.unwrap_or(DEFAULT_CACHE_HOURS),
        allow_private: raw.allow_private,
        offline: false,
    }
}
