//! `menhu deploy`: publishes the built output folder to a target of `[deploy]` in
//! site-config.toml: an S3-compatible bucket, a local or mounted folder, or a folder
//! on a server over SFTP.
//!
//! Incremental: the target keeps a manifest (`.menhu-deploy.json`) of every object's
//! content hash and headers; only what differs is uploaded and only what the site no
//! longer has is deleted, after the uploads. Uploads go assets first, then pages, then
//! `sitemap.xml` and `search/build.json`, so no visitor gets a page whose images are
//! not there yet.
//!
//! Resumable: the manifest is rewritten after every step of uploads (at most about
//! twenty steps a deploy), saying exactly what the target holds by then: the files
//! already uploaded with their new hash, the others as they were. A deploy that is
//! killed or loses its connection is simply run again: it uploads what the manifest
//! does not yet record, at worst the files of the one step that was under way. Keys new
//! to the target are written down as begun before any upload, so the manifest names
//! every file the target may hold, and none is left behind when the site drops it.

mod config;
mod plan;
mod store;

use std::path::{Path, PathBuf};
use std::time::Instant;

pub use config::{DeployConfig, Target, TargetKind};
pub use plan::MANIFEST;
use plan::{Manifest, Plan, Stored};
use store::{FolderStore, S3Store, SftpStore, Store};

use crate::diag::Diagnostic;

/// What `menhu deploy` is asked to do.
#[derive(Debug, Clone)]
pub struct DeployOptions {
    /// The site's root (where site-config.toml is).
    pub root: PathBuf,
    /// The built output folder to publish.
    pub output: PathBuf,
    /// The target's name (`None`: the config's `default`, or its only target).
    pub target: Option<String>,
    /// List the plan, change nothing.
    pub dry_run: bool,
}

/// What a deploy did (or, dry, would do).
#[derive(Debug, Clone, Default)]
pub struct DeployReport {
    /// The target's name.
    pub target: String,
    /// Keys uploaded, in order.
    pub uploaded: Vec<String>,
    /// Bytes of the site's files uploaded, before compression (copies not counted).
    pub uploaded_bytes: u64,
    /// Keys deleted.
    pub deleted: Vec<String>,
    /// Objects left as they were.
    pub unchanged: usize,
    /// Whether the target had a manifest before.
    pub had_manifest: bool,
    /// Seconds taken.
    pub seconds: f64,
}

/// Hidden, for tests of resumption: the process stops abruptly (as a kill would)
/// after this many uploads.
const STOP_AFTER_VARIABLE: &str = "MENHU_DEPLOY_STOP_AFTER";

/// The problem of the `[deploy]` section of the site at `root`, if it has one: what
/// `menhu deploy` would stop on (a key out of place, a target without its `type`, a
/// secret written into the file). `menhu check` reports it, so a pull request that
/// would break the publish job, or put a key into git, is stopped before the merge.
pub fn check_config(root: &Path) -> Option<Diagnostic> {
    if !root.join("site-config.toml").is_file() {
        return None;
    }
    config::load(root).err()
}

/// Publishes `options.output` to the chosen target.
pub fn deploy(options: &DeployOptions) -> Result<DeployReport, Diagnostic> {
    let started = Instant::now();
    let config = config::load(&options.root)?.ok_or_else(|| {
        Diagnostic::error("E0805", crate::t!("deploy-no-section"))
            .in_file("site-config.toml")
            .help(crate::t!("deploy-no-section.help"))
    })?;
    let target = choose_target(&config, options.target.as_deref())?;
    if !options.output.join("index.html").is_file() {
        return Err(Diagnostic::error(
            "E0806",
            crate::t!("deploy-nothing-built", folder = options.output.display()),
        )
        .help(crate::t!("deploy-nothing-built.help")));
    }
    let mut store = open_store(&target, &options.root, options.dry_run)?;
    let current = match store.read_manifest()? {
        Some(bytes) => Some(Manifest::parse(&bytes)?),
        None => None,
    };
    let mut objects = plan::objects(&options.output, &config.cache_control, target.precompress)?;
    if matches!(target.kind, TargetKind::S3 { .. }) && target.precompress.gzip {
        objects = plan::gzip_in_place(objects);
    }
    let plan = plan::plan(objects, current.as_ref().unwrap_or(&Manifest::default()));
    let mut report = DeployReport {
        target: target.name.clone(),
        uploaded: plan.uploads.iter().map(|o| o.key.clone()).collect(),
        uploaded_bytes: plan.upload_bytes(),
        deleted: plan.deletes.clone(),
        unchanged: plan.unchanged,
        had_manifest: current.is_some(),
        seconds: 0.0,
    };
    if !options.dry_run {
        carry_out(
            &plan,
            current.unwrap_or_default(),
            store.as_mut(),
            &options.output,
        )?;
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The name of the target a deploy of the site at `root` goes to (`asked`, or the one
/// the config chooses), when the config names one: the account of a failed deploy says
/// where it was going.
pub fn target_name(root: &Path, asked: Option<&str>) -> Option<String> {
    let config = config::load(root).ok()??;
    choose_target(&config, asked).ok().map(|target| target.name)
}

fn choose_target(config: &DeployConfig, asked: Option<&str>) -> Result<Target, Diagnostic> {
    let names = || {
        config
            .targets
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let wanted = asked.or(config.default.as_deref());
    let found = match wanted {
        Some(name) => config.targets.iter().find(|t| t.name == name),
        None if config.targets.len() == 1 => config.targets.first(),
        None => {
            return Err(
                Diagnostic::error("E0807", crate::t!("deploy-no-target-chosen"))
                    .help(crate::t!("deploy-no-target-chosen.help", names = names())),
            );
        }
    };
    found.cloned().ok_or_else(|| {
        Diagnostic::error(
            "E0807",
            crate::t!("deploy-no-such-target", name = wanted.unwrap_or_default()),
        )
        .help(if config.targets.is_empty() {
            crate::t!("deploy-no-such-target.none")
        } else {
            crate::t!("deploy-no-such-target.help", names = names())
        })
    })
}

fn open_store(target: &Target, root: &Path, dry_run: bool) -> Result<Box<dyn Store>, Diagnostic> {
    Ok(match &target.kind {
        TargetKind::Folder { path } => Box::new(FolderStore::open(&root.join(path), !dry_run)?),
        TargetKind::S3 {
            endpoint,
            bucket,
            region,
            path_style,
        } => Box::new(S3Store::open(
            endpoint,
            bucket,
            region,
            *path_style,
            &target.prefix,
        )?),
        TargetKind::Sftp {
            host,
            user,
            port,
            path,
        } => Box::new(SftpStore::open(host, user, *port, path)?),
    })
}

/// Uploads in steps, rewriting the manifest after each, then deletes.
fn carry_out(
    plan: &Plan,
    mut recorded: Manifest,
    store: &mut dyn Store,
    output: &Path,
) -> Result<(), Diagnostic> {
    recorded.version = 1;
    // Every new key is written down before its upload, as not yet known: a key the
    // target may hold is always in its manifest, so a file uploaded by a deploy that
    // was killed before recording it is deleted if the site drops it meanwhile.
    let mut any_new = false;
    for object in &plan.uploads {
        if !recorded.files.contains_key(&object.key) {
            recorded.files.insert(object.key.clone(), Stored::pending());
            any_new = true;
        }
    }
    if any_new {
        store.write_manifest(&recorded.to_bytes())?;
        store.flush()?;
    }
    let step = (plan.uploads.len() / 20).max(25);
    let stop_after: Option<usize> = std::env::var(STOP_AFTER_VARIABLE)
        .ok()
        .and_then(|n| n.parse().ok());
    for (done, object) in plan.uploads.iter().enumerate() {
        if stop_after == Some(done) {
            store.flush()?;
            std::process::abort();
        }
        let bytes = object.bytes(output).map_err(|e| {
            Diagnostic::error(
                "E0811",
                crate::t!(
                    "deploy-unreadable-file",
                    file = object.source.display(),
                    reason = crate::diag::text::display(e)
                ),
            )
        })?;
        store.put(object, bytes)?;
        recorded
            .files
            .insert(object.key.clone(), object.stored.clone());
        if (done + 1) % step == 0 {
            store.write_manifest(&recorded.to_bytes())?;
            store.flush()?;
        }
    }
    for key in &plan.deletes {
        store.delete(key)?;
    }
    store.write_manifest(&plan.target.to_bytes())?;
    store.flush()
}
