//! `[deploy]` of site-config.toml: the targets a site is published to, read only by
//! `menhu deploy`. Secrets never come from the file (it is in git): a key that looks
//! like one is refused with the environment variable to use instead.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::text::{Said, display};
use crate::diag::{Diagnostic, Span};

const FILE: &str = "site-config.toml";

/// Where the site goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    /// An S3-compatible bucket (AWS S3, 阿里云 OSS, 腾讯云 COS, MinIO).
    S3 {
        /// `https://oss-cn-hangzhou.aliyuncs.com`, `https://cos.ap-beijing.myqcloud.com`…
        endpoint: String,
        /// The bucket's name.
        bucket: String,
        /// The region the signature names (`cn-hangzhou`, `ap-beijing`, `us-east-1`).
        region: String,
        /// `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key`.
        path_style: bool,
    },
    /// A local or mounted folder (an intranet server's share, a mounted disk).
    Folder {
        /// The folder, absolute or relative to the site root.
        path: PathBuf,
    },
    /// A folder on a server reached with `sftp` (OpenSSH's client).
    Sftp {
        /// The server's name or address.
        host: String,
        /// The SSH user.
        user: String,
        /// The SSH port.
        port: u16,
        /// The folder on the server.
        path: String,
    },
}

/// Pre-compressed variants written beside (or instead of) a compressible file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Precompress {
    /// gzip: `x.html.gz` beside `x.html`; on object storage, `x.html` itself is stored
    /// gzip-compressed with `Content-Encoding: gzip`.
    pub gzip: bool,
    /// brotli: `x.html.br` beside `x.html` (folders and SFTP only).
    pub brotli: bool,
}

/// One `[deploy.targets.NAME]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Its name, as `menhu deploy --target NAME` says it.
    pub name: String,
    /// Where it is.
    pub kind: TargetKind,
    /// A folder inside the target the site goes into (`""`: its root).
    pub prefix: String,
    /// Which compressed variants to upload.
    pub precompress: Precompress,
}

/// A `Cache-Control` value for the files whose path matches a pattern.
#[derive(Debug, Clone)]
pub struct CacheRule {
    /// What the rule says in the config, for messages.
    pub pattern: String,
    /// The compiled pattern.
    pub matcher: globset::GlobMatcher,
    /// The header's value.
    pub value: String,
}

/// The `[deploy]` table, validated.
#[derive(Debug, Clone)]
pub struct DeployConfig {
    /// Every target, in the file's order.
    pub targets: Vec<Target>,
    /// The target used without `--target`.
    pub default: Option<String>,
    /// `Cache-Control` rules, first match wins, then [`DEFAULT_CACHE_RULES`].
    pub cache_control: Vec<CacheRule>,
}

/// What applies when no configured rule matches: pages and the files that name other
/// files are checked again on every visit, the rest is kept for an hour.
pub const DEFAULT_CACHE_RULES: &[(&str, &str)] = &[
    ("**/*.html", "no-cache"),
    ("*.html", "no-cache"),
    ("**/*.xml", "no-cache"),
    ("*.xml", "no-cache"),
    ("**/*.json", "no-cache"),
    ("*.txt", "no-cache"),
    ("**", "public, max-age=3600"),
];

#[derive(Debug, Deserialize)]
struct RawFile {
    deploy: Option<RawDeploy>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeploy {
    default: Option<String>,
    #[serde(default)]
    cache_control: Vec<RawCacheRule>,
    #[serde(default)]
    targets: toml::Table,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCacheRule {
    pattern: String,
    value: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case", tag = "type")]
enum RawTarget {
    S3 {
        endpoint: String,
        bucket: String,
        #[serde(default = "default_region")]
        region: String,
        #[serde(default)]
        path_style: bool,
        #[serde(default)]
        prefix: String,
        #[serde(default)]
        precompress: Vec<String>,
    },
    Folder {
        path: PathBuf,
        #[serde(default)]
        precompress: Vec<String>,
    },
    Sftp {
        host: String,
        user: String,
        #[serde(default = "default_ssh_port")]
        port: u16,
        path: String,
        #[serde(default)]
        precompress: Vec<String>,
    },
}

fn default_region() -> String {
    "us-east-1".to_owned()
}

fn default_ssh_port() -> u16 {
    22
}

/// Key names that hold secrets; the environment variable each should come from.
const SECRET_KEYS: &[(&str, &str)] = &[
    ("secret_access_key", "MENHU_DEPLOY_SECRET_ACCESS_KEY"),
    ("access_key_id", "MENHU_DEPLOY_ACCESS_KEY_ID"),
    ("secret", "MENHU_DEPLOY_SECRET_ACCESS_KEY"),
    ("access_key", "MENHU_DEPLOY_ACCESS_KEY_ID"),
    ("session_token", "MENHU_DEPLOY_SESSION_TOKEN"),
    ("token", "MENHU_DEPLOY_SESSION_TOKEN"),
    (
        "password",
        "MENHU_DEPLOY_SSH_KEY (a key file; passwords are not supported)",
    ),
    ("private_key", "MENHU_DEPLOY_SSH_KEY"),
    ("key", "MENHU_DEPLOY_SSH_KEY"),
];

/// Reads `[deploy]` from the site's config; `Ok(None)` when there is none.
pub fn load(root: &Path) -> Result<Option<DeployConfig>, Diagnostic> {
    let path = root.join(FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        let help = match crate::config::enclosing_site(root).filter(|_| !path.exists()) {
            Some(site) => crate::t!("config-none.inside-site", site = site.display()),
            None => crate::t!("deploy-unreadable-config.help"),
        };
        Diagnostic::error(
            "E0800",
            crate::t!("deploy-unreadable-config", file = FILE, reason = display(e)),
        )
        .help(help)
    })?;
    parse(&text)
}

/// Parses the config's text (the whole file); only `[deploy]` is looked at.
pub fn parse(text: &str) -> Result<Option<DeployConfig>, Diagnostic> {
    refuse_secrets(text)?;
    let raw: RawFile = toml::from_str(text).map_err(|e| toml_error(&e, text))?;
    let Some(raw) = raw.deploy else {
        return Ok(None);
    };
    let mut targets = Vec::new();
    for (name, value) in raw.targets {
        let target: RawTarget = value.try_into().map_err(|e: toml::de::Error| {
            let d = Diagnostic::error(
                "E0802",
                crate::t!(
                    "deploy-bad-target",
                    name = &name,
                    reason = reason(e.message())
                ),
            )
            .expected(crate::t!("deploy-bad-target.expected"));
            let header = format!("[deploy.targets.{name}]");
            // A key the target does not take is shown on its own line, below the header.
            let below = text.find(&header).unwrap_or(0);
            match unknown_key_span(text, below, e.message()) {
                Some(span) => d.in_file(FILE).at(span, text),
                None => at_key(d, text, &header),
            }
        })?;
        targets.push(validate_target(&name, target, text)?);
    }
    if let Some(default) = &raw.default
        && !targets.iter().any(|t| &t.name == default)
    {
        return Err(at_key(
            Diagnostic::error("E0803", crate::t!("deploy-unknown-default", name = default))
                .help(crate::t!("deploy-unknown-default.help", name = default)),
            text,
            "default",
        ));
    }
    let cache_control = raw
        .cache_control
        .into_iter()
        .map(|rule| cache_rule(rule, text))
        .collect::<Result<_, _>>()?;
    Ok(Some(DeployConfig {
        targets,
        default: raw.default,
        cache_control,
    }))
}

fn validate_target(name: &str, raw: RawTarget, text: &str) -> Result<Target, Diagnostic> {
    let (kind, prefix, precompress) = match raw {
        RawTarget::S3 {
            endpoint,
            bucket,
            region,
            path_style,
            prefix,
            precompress,
        } => (
            TargetKind::S3 {
                endpoint,
                bucket,
                region,
                path_style,
            },
            prefix,
            precompress,
        ),
        RawTarget::Folder { path, precompress } => {
            (TargetKind::Folder { path }, String::new(), precompress)
        }
        RawTarget::Sftp {
            host,
            user,
            port,
            path,
            precompress,
        } => (
            TargetKind::Sftp {
                host,
                user,
                port,
                path,
            },
            String::new(),
            precompress,
        ),
    };
    let precompress = parse_precompress(name, &kind, &precompress, text)?;
    let prefix = prefix.trim_matches('/').to_owned();
    if prefix.split('/').any(|part| part == "..") {
        return Err(at_key(
            Diagnostic::error(
                "E0802",
                crate::t!("deploy-prefix-escapes", name = name, prefix = &prefix),
            ),
            text,
            "prefix",
        ));
    }
    Ok(Target {
        name: name.to_owned(),
        kind,
        prefix,
        precompress,
    })
}

fn parse_precompress(
    name: &str,
    kind: &TargetKind,
    list: &[String],
    text: &str,
) -> Result<Precompress, Diagnostic> {
    let mut out = Precompress::default();
    for item in list {
        match item.as_str() {
            "gzip" => out.gzip = true,
            "brotli" if !matches!(kind, TargetKind::S3 { .. }) => out.brotli = true,
            "brotli" => {
                return Err(at_key(
                    Diagnostic::error("E0802", crate::t!("deploy-no-brotli", name = name))
                        .help(crate::t!("deploy-no-brotli.help")),
                    text,
                    "precompress",
                ));
            }
            other => {
                return Err(at_key(
                    Diagnostic::error(
                        "E0802",
                        crate::t!("deploy-unknown-precompress", name = name, value = other),
                    )
                    .expected(crate::t!("deploy-unknown-precompress.expected")),
                    text,
                    "precompress",
                ));
            }
        }
    }
    Ok(out)
}

fn cache_rule(rule: RawCacheRule, text: &str) -> Result<CacheRule, Diagnostic> {
    let glob = globset::GlobBuilder::new(&rule.pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| {
            at_key(
                Diagnostic::error(
                    "E0804",
                    crate::t!(
                        "deploy-bad-pattern",
                        pattern = &rule.pattern,
                        reason = display(e)
                    ),
                )
                .expected(crate::t!("deploy-bad-pattern.expected")),
                text,
                &rule.pattern,
            )
        })?;
    Ok(CacheRule {
        pattern: rule.pattern,
        matcher: glob.compile_matcher(),
        value: rule.value,
    })
}

/// A secret written in the file is an error before anything else is read.
fn refuse_secrets(text: &str) -> Result<(), Diagnostic> {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Ok(()); // the parse below reports the syntax error with its place
    };
    let Some(deploy) = table.get("deploy") else {
        return Ok(());
    };
    let mut found = None;
    find_secret(deploy, &mut found);
    let Some((key, variable)) = found else {
        return Ok(());
    };
    Err(at_key(
        Diagnostic::error("E0801", crate::t!("deploy-secret", key = key, file = FILE))
            .expected(crate::t!("deploy-secret.expected", variable = variable))
            .help(crate::t!("deploy-secret.help", variable = variable)),
        text,
        key,
    ))
}

fn find_secret(value: &toml::Value, found: &mut Option<(&'static str, &'static str)>) {
    let Some(table) = value.as_table() else {
        return;
    };
    for (key, inner) in table {
        if let Some((name, variable)) = SECRET_KEYS.iter().find(|(name, _)| *name == key) {
            found.get_or_insert((name, variable));
        }
        find_secret(inner, found);
    }
}

fn toml_error(e: &toml::de::Error, text: &str) -> Diagnostic {
    let d = Diagnostic::error(
        "E0802",
        crate::t!("deploy-invalid", reason = reason(e.message())),
    )
    .in_file(FILE)
    .expected(crate::t!("deploy-invalid.expected"));
    // The parser places an unknown key at its whole table: the key's own line says more.
    let unknown = e
        .span()
        .and_then(|range| unknown_key_span(text, range.start, e.message()));
    match (unknown, e.span()) {
        (Some(span), _) => d.at(span, text),
        (None, Some(range)) => d.at(Span::from_byte_range(text, range.start, range.end), text),
        (None, None) => d,
    }
}

/// Serde's `message` in the reader's language where it is one of the two a hand-edited
/// table meets (a key it does not take, a key it needs), with the keys it takes; any
/// other message as it is.
fn reason(message: &str) -> Said {
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((key, expected)) = rest.split_once('`')
    {
        let allowed: Vec<String> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|name| format!("`{name}`"))
            .collect();
        return if allowed.is_empty() {
            crate::t!("deploy-unknown-key-none", key = key)
        } else {
            crate::t!(
                "deploy-unknown-key",
                key = key,
                allowed = allowed.join(", ")
            )
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return crate::t!("deploy-missing-key", key = key);
    }
    Said::from(message.to_owned())
}

/// Where the key that serde's `message` calls unknown ("unknown field `build_cache`")
/// is set, on the first line from byte `from` on (its table's header).
fn unknown_key_span(text: &str, from: usize, message: &str) -> Option<Span> {
    let key = message.strip_prefix("unknown field `")?.split('`').next()?;
    let at = key_line_from(text, from, key)?;
    Some(Span::from_byte_range(text, at, at + key.len()))
}

/// The byte offset of `key` on the first line from byte `from` on that sets it.
fn key_line_from(text: &str, from: usize, key: &str) -> Option<usize> {
    first_line_from(text, from, |trimmed| {
        trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    })
    .map(|(start, _)| start)
}

/// Places `d` at the first line of the file that starts with `key` (after spaces).
fn at_key(d: Diagnostic, text: &str, key: &str) -> Diagnostic {
    let d = d.in_file(FILE);
    match first_line_from(text, 0, |trimmed| trimmed.starts_with(key)) {
        Some((start, end)) => d.at(Span::from_byte_range(text, start, end.max(start + 1)), text),
        None => d,
    }
}

/// Where the first line from byte `from` on whose text (spaces before it taken off)
/// `matches` starts and ends, spaces before and after it left out.
fn first_line_from(
    text: &str,
    from: usize,
    matches: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if offset >= from && matches(trimmed) {
            let start = offset + (line.len() - trimmed.len());
            return Some((start, offset + line.trim_end().len()));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "base_url = \"https://www.example.org.cn\"\ntitle = \"x\"\n";

    #[test]
    fn targets_of_each_kind_are_read() {
        let text = format!(
            "{BASE}[deploy]\ndefault = \"oss\"\n\n[[deploy.cache_control]]\npattern = \"search/**\"\nvalue = \"max-age=60\"\n\n\
             [deploy.targets.oss]\ntype = \"s3\"\nendpoint = \"https://oss-cn-hangzhou.aliyuncs.com\"\nbucket = \"kx\"\nregion = \"cn-hangzhou\"\nprecompress = [\"gzip\"]\n\n\
             [deploy.targets.share]\ntype = \"folder\"\npath = \"/mnt/www\"\nprecompress = [\"gzip\", \"brotli\"]\n\n\
             [deploy.targets.server]\ntype = \"sftp\"\nhost = \"www.example.org.cn\"\nuser = \"deploy\"\npath = \"/srv/www\"\n"
        );
        let config = parse(&text).unwrap().unwrap();
        assert_eq!(config.default.as_deref(), Some("oss"));
        assert_eq!(config.targets.len(), 3);
        let oss = config.targets.iter().find(|t| t.name == "oss").unwrap();
        assert!(
            matches!(&oss.kind, TargetKind::S3 { path_style: false, region, .. } if region == "cn-hangzhou")
        );
        assert!(oss.precompress.gzip && !oss.precompress.brotli);
        let server = config.targets.iter().find(|t| t.name == "server").unwrap();
        assert!(matches!(&server.kind, TargetKind::Sftp { port: 22, .. }));
        assert!(config.cache_control[0].matcher.is_match("search/a/b.mz"));
        assert!(parse(BASE).unwrap().is_none());
    }

    #[test]
    fn a_secret_in_the_config_is_refused_with_the_variable_to_use() {
        let text = format!(
            "{BASE}[deploy.targets.oss]\ntype = \"s3\"\nendpoint = \"https://x\"\nbucket = \"b\"\nsecret_access_key = \"abc\"\n"
        );
        let e = parse(&text).unwrap_err();
        assert_eq!(e.code, "E0801");
        assert!(
            e.expected
                .unwrap()
                .contains("MENHU_DEPLOY_SECRET_ACCESS_KEY")
        );
        assert_eq!(e.span.unwrap().line, 7);
    }

    #[test]
    fn mistakes_name_the_line_and_the_fix() {
        let unknown = format!("{BASE}[deploy.targets.a]\ntype = \"ftp\"\npath = \"/x\"\n");
        assert_eq!(parse(&unknown).unwrap_err().code, "E0802");
        // A key the target does not take, appended below it, is shown on its own line.
        let appended = format!(
            "{BASE}[deploy.targets.a]\ntype = \"folder\"\npath = \"/x\"\n\nbuild_cache = true\n"
        );
        let e = parse(&appended).unwrap_err();
        assert_eq!(e.code, "E0802");
        assert_eq!(
            e.span.map(|s| (s.line, s.column)),
            Some((7, 1)),
            "{}",
            e.message
        );
        // Said in the reader's language, with the keys the target takes.
        assert_eq!(
            e.message_in(crate::diag::Lang::ZhHans),
            "[deploy.targets.a]：这里没有 `build_cache` 这一项，能写的是 `path`, `precompress`"
        );
        let missing = format!("{BASE}[deploy.targets.a]\ntype = \"folder\"\n");
        let e = parse(&missing).unwrap_err();
        assert_eq!(
            e.message_in(crate::diag::Lang::ZhHans),
            "[deploy.targets.a]：缺少必填的 `path`"
        );
        let brotli = format!(
            "{BASE}[deploy.targets.a]\ntype = \"s3\"\nendpoint = \"https://x\"\nbucket = \"b\"\nprecompress = [\"brotli\"]\n"
        );
        let e = parse(&brotli).unwrap_err();
        assert!(e.help.unwrap().contains("gzip"));
        let default = format!("{BASE}[deploy]\ndefault = \"nope\"\n");
        assert_eq!(parse(&default).unwrap_err().code, "E0803");
        let escape = format!(
            "{BASE}[deploy.targets.a]\ntype = \"s3\"\nendpoint = \"https://x\"\nbucket = \"b\"\nprefix = \"../x\"\n"
        );
        assert_eq!(parse(&escape).unwrap_err().code, "E0802");
        let pattern = format!(
            "{BASE}[[deploy.cache_control]]\npattern = \"search/[\"\nvalue = \"max-age=60\"\n\n[deploy.targets.a]\ntype = \"folder\"\npath = \"/x\"\n"
        );
        let e = parse(&pattern).unwrap_err();
        assert_eq!(e.code, "E0804");
        assert_eq!(
            e.expected_in(crate::diag::Lang::ZhHans).as_deref(),
            Some("通配符规则，例如 \"*.html\"、\"**/*.html\" 或 \"search/**\"")
        );
    }

    #[test]
    fn a_site_without_a_config_cannot_be_deployed() {
        let dir = tempfile::tempdir().unwrap();
        let e = load(dir.path()).unwrap_err();
        assert_eq!(e.code, "E0800");
        assert!(
            e.message_in(crate::diag::Lang::ZhHans)
                .starts_with("读不出 `site-config.toml`：")
        );
    }
}
