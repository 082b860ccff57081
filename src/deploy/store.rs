//! The places a deploy writes to, behind one [`Store`] trait: a local or mounted
//! folder, an S3-compatible bucket (signed with rusty-s3, sent with ureq) and a folder
//! on a server reached with OpenSSH's `sftp`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use rusty_s3::{Bucket, Credentials, S3Action, UrlStyle};

use super::plan::{Encoding, MANIFEST, Object};
use crate::diag::Diagnostic;
use crate::diag::text::{Arg, IntoArg, display};

/// Where a deploy stores objects. Writes may be queued until [`Store::flush`].
pub trait Store {
    /// The manifest the target holds, or `None` when it has none (a first deploy).
    fn read_manifest(&mut self) -> Result<Option<Vec<u8>>, Diagnostic>;
    /// Stores `bytes` as `object`.
    fn put(&mut self, object: &Object, bytes: Vec<u8>) -> Result<(), Diagnostic>;
    /// Deletes `key` (a key already gone is not an error).
    fn delete(&mut self, key: &str) -> Result<(), Diagnostic>;
    /// Replaces the manifest.
    fn write_manifest(&mut self, bytes: &[u8]) -> Result<(), Diagnostic>;
    /// Carries out whatever is queued, in order.
    fn flush(&mut self) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// What deploy was doing when the target refused.
#[derive(Debug, Clone, Copy)]
enum Act {
    Create,
    Write,
    Read,
    Delete,
    Upload,
    UploadTo,
    Run,
    ConnectTo,
}

fn failed(action: Act, what: impl IntoArg, e: impl std::fmt::Display) -> Diagnostic {
    failed_because(action, what, display(e))
}

fn failed_because(action: Act, what: impl IntoArg, reason: Arg) -> Diagnostic {
    let message = match action {
        Act::Create => crate::t!("deploy-failed.create", what = what, reason = reason),
        Act::Write => crate::t!("deploy-failed.write", what = what, reason = reason),
        Act::Read => crate::t!("deploy-failed.read", what = what, reason = reason),
        Act::Delete => crate::t!("deploy-failed.delete", what = what, reason = reason),
        Act::Upload => crate::t!("deploy-failed.upload", what = what, reason = reason),
        Act::UploadTo => crate::t!("deploy-failed.upload-to", what = what, reason = reason),
        Act::Run => crate::t!("deploy-failed.run", what = what, reason = reason),
        Act::ConnectTo => crate::t!("deploy-failed.connect-to", what = what, reason = reason),
    };
    Diagnostic::error("E0820", message)
}

/// A folder on this machine (or mounted on it). Each file is written beside its place
/// and renamed into it, so a visitor never gets half a file.
pub struct FolderStore {
    root: PathBuf,
}

impl FolderStore {
    /// The store at `root`, created if missing when `create` (a dry run changes
    /// nothing, not even by making an empty folder).
    pub fn open(root: &Path, create: bool) -> Result<FolderStore, Diagnostic> {
        let store = FolderStore {
            root: root.to_path_buf(),
        };
        // A file where the folder, or a folder above it, should be: said as such, not
        // as the system's "File exists" or "Not a directory".
        if let Some(file) = root
            .ancestors()
            .find(|p| std::fs::metadata(p).is_ok_and(|m| !m.is_dir()))
        {
            return Err(Diagnostic::error(
                "E0820",
                crate::t!("deploy-folder-is-a-file", file = file.display()),
            )
            .help(crate::t!(
                "deploy-folder-is-a-file.help",
                folder = root.display()
            )));
        }
        if create {
            std::fs::create_dir_all(root)
                .map_err(|e| store.refused(failed(Act::Create, root.display(), e)))?;
        }
        Ok(store)
    }

    /// `problem` with what to check on a folder target: where it is, who may write
    /// there, and room on its disk.
    fn refused(&self, problem: Diagnostic) -> Diagnostic {
        problem.help(crate::t!(
            "deploy-folder-refused.help",
            folder = self.root.display()
        ))
    }

    fn write(&self, key: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.root.join(key);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| self.refused(failed(Act::Create, parent.display(), e)))?;
        }
        let temporary = path.with_file_name(format!(
            ".{}.menhu-upload",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        ));
        std::fs::write(&temporary, bytes)
            .map_err(|e| self.refused(failed(Act::Write, temporary.display(), e)))?;
        std::fs::rename(&temporary, &path)
            .map_err(|e| self.refused(failed(Act::Write, path.display(), e)))
    }
}

impl Store for FolderStore {
    fn read_manifest(&mut self) -> Result<Option<Vec<u8>>, Diagnostic> {
        match std::fs::read(self.root.join(MANIFEST)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(self.refused(failed(Act::Read, MANIFEST, e))),
        }
    }

    fn put(&mut self, object: &Object, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.write(&object.key, &bytes)
    }

    fn delete(&mut self, key: &str) -> Result<(), Diagnostic> {
        let path = self.root.join(key);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(self.refused(failed(Act::Delete, key, e))),
        }
        // Folders left empty go too, up to the target's root.
        let mut folder = path.parent();
        while let Some(dir) = folder {
            if dir == self.root || std::fs::remove_dir(dir).is_err() {
                break;
            }
            folder = dir.parent();
        }
        Ok(())
    }

    fn write_manifest(&mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.write(MANIFEST, bytes)
    }
}

/// The environment variables a bucket's credentials come from (never the config).
pub const S3_KEY_VARIABLES: [&str; 2] = ["MENHU_DEPLOY_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID"];
/// See [`S3_KEY_VARIABLES`].
pub const S3_SECRET_VARIABLES: [&str; 2] =
    ["MENHU_DEPLOY_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"];

/// An S3-compatible bucket. Every request is a presigned URL (SigV4) whose signature
/// covers the headers sent.
pub struct S3Store {
    bucket: Bucket,
    credentials: Credentials,
    prefix: String,
    agent: ureq::Agent,
}

/// How long a signed request stays valid: enough for a slow upload of a large file.
const SIGNED_FOR: Duration = Duration::from_secs(3600);

impl S3Store {
    /// The bucket, with credentials from the environment.
    pub fn open(
        endpoint: &str,
        bucket: &str,
        region: &str,
        path_style: bool,
        prefix: &str,
    ) -> Result<S3Store, Diagnostic> {
        let variable = |names: [&str; 2]| {
            names
                .iter()
                .find_map(|n| std::env::var(n).ok().filter(|v| !v.is_empty()))
        };
        let (Some(key), Some(secret)) = (variable(S3_KEY_VARIABLES), variable(S3_SECRET_VARIABLES))
        else {
            return Err(
                Diagnostic::error("E0821", crate::t!("deploy-no-credentials"))
                    .expected(crate::t!("deploy-no-credentials.expected"))
                    .help(crate::t!("deploy-no-credentials.help")),
            );
        };
        let credentials = match std::env::var("MENHU_DEPLOY_SESSION_TOKEN") {
            Ok(token) if !token.is_empty() => Credentials::new_with_token(key, secret, token),
            _ => Credentials::new(key, secret),
        };
        let url = url::Url::parse(endpoint).map_err(|e| {
            Diagnostic::error(
                "E0822",
                crate::t!(
                    "deploy-bad-endpoint",
                    endpoint = endpoint,
                    reason = display(e)
                ),
            )
            .expected(crate::t!("deploy-bad-endpoint.expected"))
        })?;
        let style = if path_style {
            UrlStyle::Path
        } else {
            UrlStyle::VirtualHost
        };
        let bucket =
            Bucket::new(url, style, bucket.to_owned(), region.to_owned()).map_err(|e| {
                Diagnostic::error(
                    "E0822",
                    crate::t!(
                        "deploy-bad-bucket",
                        bucket = bucket,
                        endpoint = endpoint,
                        reason = display(e)
                    ),
                )
                .help(crate::t!("deploy-bad-bucket.help"))
            })?;
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(300)))
            .http_status_as_error(false)
            .build()
            .into();
        Ok(S3Store {
            bucket,
            credentials,
            prefix: prefix.to_owned(),
            agent,
        })
    }

    fn key(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}/{key}", self.prefix)
        }
    }

    fn send_put(
        &self,
        key: &str,
        headers: &[(&str, &str)],
        bytes: &[u8],
    ) -> Result<(), Diagnostic> {
        let full = self.key(key);
        let mut action = self.bucket.put_object(Some(&self.credentials), &full);
        for (name, value) in headers {
            action.headers_mut().insert(*name, *value);
        }
        let url = action.sign(SIGNED_FOR);
        let mut request = self.agent.put(url.as_str());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request
            .send(bytes)
            .map_err(|e| failed(Act::Upload, key, e))?;
        answer_ok(response, Act::Upload, key)
    }
}

/// A 2xx answer, or an error quoting the start of what the server said.
fn answer_ok(
    mut response: ureq::http::Response<ureq::Body>,
    action: Act,
    key: &str,
) -> Result<(), Diagnostic> {
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(4096)
        .read_to_string()
        .unwrap_or_default();
    let help = match status.as_u16() {
        403 => crate::t!("deploy-answer.forbidden"),
        404 => crate::t!("deploy-answer.not-found"),
        _ => crate::t!("deploy-answer.help"),
    };
    let answer = crate::t!(
        "deploy-answer",
        status = status.to_string(),
        body = body.trim()
    );
    Err(failed_because(action, key, answer.into_arg()).help(help))
}

impl Store for S3Store {
    fn read_manifest(&mut self) -> Result<Option<Vec<u8>>, Diagnostic> {
        let full = self.key(MANIFEST);
        let url = self
            .bucket
            .get_object(Some(&self.credentials), &full)
            .sign(SIGNED_FOR);
        let mut response = self
            .agent
            .get(url.as_str())
            .call()
            .map_err(|e| failed(Act::Read, MANIFEST, e))?;
        if response.status() == 404 {
            return Ok(None);
        }
        if !response.status().is_success() {
            return answer_ok(response, Act::Read, MANIFEST).map(|()| None);
        }
        let bytes = response
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_vec()
            .map_err(|e| failed(Act::Read, MANIFEST, e))?;
        Ok(Some(bytes))
    }

    fn put(&mut self, object: &Object, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let mut headers = vec![
            ("content-type", object.content_type.as_str()),
            ("cache-control", object.cache_control.as_str()),
        ];
        if object.encoding == Encoding::GzipInPlace {
            headers.push(("content-encoding", "gzip"));
        }
        self.send_put(&object.key, &headers, &bytes)
    }

    fn delete(&mut self, key: &str) -> Result<(), Diagnostic> {
        let full = self.key(key);
        let url = self
            .bucket
            .delete_object(Some(&self.credentials), &full)
            .sign(SIGNED_FOR);
        let response = self
            .agent
            .delete(url.as_str())
            .call()
            .map_err(|e| failed(Act::Delete, key, e))?;
        if response.status() == 404 {
            return Ok(());
        }
        answer_ok(response, Act::Delete, key)
    }

    fn write_manifest(&mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.send_put(
            MANIFEST,
            &[
                ("content-type", "application/json"),
                ("cache-control", "no-cache"),
            ],
            bytes,
        )
    }
}

/// The environment variables an SFTP deploy reads.
pub const SSH_KEY_VARIABLE: &str = "MENHU_DEPLOY_SSH_KEY";
/// See [`SSH_KEY_VARIABLE`].
pub const SSH_KNOWN_HOSTS_VARIABLE: &str = "MENHU_DEPLOY_SSH_KNOWN_HOSTS";

/// A folder on a server, written with OpenSSH's `sftp` in batch mode: the queued
/// uploads and deletions of one step go in one connection, files are uploaded under a
/// temporary name and renamed into place.
pub struct SftpStore {
    destination: String,
    port: u16,
    path: String,
    options: Vec<String>,
    /// Compressed variants and the manifest are written here before `put`.
    scratch: tempfile::TempDir,
    queue: Vec<String>,
    folders: std::collections::BTreeSet<String>,
    scratch_files: usize,
}

impl SftpStore {
    /// The server, with the key and known hosts from the environment.
    pub fn open(host: &str, user: &str, port: u16, path: &str) -> Result<SftpStore, Diagnostic> {
        let mut options = vec![
            "-o".to_owned(),
            "BatchMode=yes".to_owned(),
            "-o".to_owned(),
            "StrictHostKeyChecking=yes".to_owned(),
        ];
        if let Ok(key) = std::env::var(SSH_KEY_VARIABLE)
            && !key.is_empty()
        {
            options.extend([
                "-o".to_owned(),
                format!("IdentityFile={key}"),
                "-o".to_owned(),
                "IdentitiesOnly=yes".to_owned(),
            ]);
        }
        if let Ok(known) = std::env::var(SSH_KNOWN_HOSTS_VARIABLE)
            && !known.is_empty()
        {
            options.extend(["-o".to_owned(), format!("UserKnownHostsFile={known}")]);
        }
        let scratch = tempfile::Builder::new()
            .prefix("menhu-deploy-")
            .tempdir()
            .map_err(|e| failed(Act::Create, crate::t!("deploy-temporary-folder"), e))?;
        Ok(SftpStore {
            destination: format!("{user}@{host}"),
            port,
            path: path.trim_end_matches('/').to_owned(),
            options,
            scratch,
            queue: Vec::new(),
            folders: Default::default(),
            scratch_files: 0,
        })
    }

    fn remote(&self, key: &str) -> String {
        format!("{}/{key}", self.path)
    }

    fn scratch_file(&mut self, bytes: &[u8]) -> Result<PathBuf, Diagnostic> {
        self.scratch_files += 1;
        let path = self.scratch.path().join(format!("{}", self.scratch_files));
        std::fs::write(&path, bytes).map_err(|e| failed(Act::Write, path.display(), e))?;
        Ok(path)
    }

    fn queue_put(&mut self, local: &Path, key: &str) {
        let mut folder = String::new();
        for part in key
            .split('/')
            .collect::<Vec<_>>()
            .split_last()
            .map_or(&[][..], |(_, dirs)| dirs)
        {
            folder = if folder.is_empty() {
                (*part).to_owned()
            } else {
                format!("{folder}/{part}")
            };
            if self.folders.insert(folder.clone()) {
                // `-`: the folder may be there already.
                self.queue
                    .push(format!("-mkdir {}", quote(&self.remote(&folder))));
            }
        }
        let temporary = self.remote(&format!("{key}.menhu-upload"));
        self.queue.push(format!(
            "put {} {}",
            quote(&local.display().to_string()),
            quote(&temporary)
        ));
        // OpenSSH's sftp renames with posix-rename, which replaces the old file.
        self.queue.push(format!(
            "rename {} {}",
            quote(&temporary),
            quote(&self.remote(key))
        ));
    }

    fn run_batch(&self, lines: &[String]) -> Result<std::process::Output, Diagnostic> {
        let mut batch = lines.join("\n");
        batch.push('\n');
        let mut child = Command::new("sftp")
            .args(&self.options)
            .args(["-P", &self.port.to_string(), "-b", "-", &self.destination])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| failed(Act::Run, "sftp", e).help(crate::t!("deploy-no-sftp.help")))?;
        if let Some(mut stdin) = child.stdin.take() {
            use std::io::Write;
            stdin
                .write_all(batch.as_bytes())
                .map_err(|e| failed(Act::Run, "sftp", e))?;
        }
        child
            .wait_with_output()
            .map_err(|e| failed(Act::Run, "sftp", e))
    }
}

/// `/a/b/c` → `/a`, `/a/b`, `/a/b/c` (a relative path likewise, from its first name).
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/')
        .map(|(i, _)| &path[..i])
        .filter(|prefix| !prefix.is_empty())
        .chain(std::iter::once(path))
}

/// A path as sftp's batch syntax reads it: in double quotes, `"` and `\` escaped.
fn quote(path: &str) -> String {
    format!("\"{}\"", path.replace('\\', "\\\\").replace('"', "\\\""))
}

impl Store for SftpStore {
    fn read_manifest(&mut self) -> Result<Option<Vec<u8>>, Diagnostic> {
        let local = self.scratch.path().join("manifest-read");
        let _ = std::fs::remove_file(&local);
        let remote = self.remote(MANIFEST);
        // `-get`: a first deploy finds none. The folder and its parents are made (`-`:
        // those there already are fine) so that later puts have them.
        let mut lines: Vec<String> = ancestors(&self.path)
            .map(|folder| format!("-mkdir {}", quote(folder)))
            .collect();
        lines.push(format!(
            "-get {} {}",
            quote(&remote),
            quote(&local.display().to_string())
        ));
        let output = self.run_batch(&lines)?;
        if !output.status.success() {
            return Err(failed(
                Act::ConnectTo,
                &self.destination,
                String::from_utf8_lossy(&output.stderr).trim(),
            )
            .help(crate::t!(
                "deploy-sftp-connect.help",
                key = SSH_KEY_VARIABLE,
                known = SSH_KNOWN_HOSTS_VARIABLE
            )));
        }
        match std::fs::read(&local) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(_) => Ok(None),
        }
    }

    fn put(&mut self, object: &Object, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let local = self.scratch_file(&bytes)?;
        self.queue_put(&local, &object.key);
        Ok(())
    }

    fn delete(&mut self, key: &str) -> Result<(), Diagnostic> {
        self.queue.push(format!("-rm {}", quote(&self.remote(key))));
        Ok(())
    }

    fn write_manifest(&mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        let local = self.scratch_file(bytes)?;
        self.queue_put(&local, MANIFEST);
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Diagnostic> {
        if self.queue.is_empty() {
            return Ok(());
        }
        let lines = std::mem::take(&mut self.queue);
        let output = self.run_batch(&lines)?;
        // The files of this step are sent; their copies here are not needed any more.
        for entry in std::fs::read_dir(self.scratch.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let _ = std::fs::remove_file(entry.path());
        }
        if output.status.success() {
            return Ok(());
        }
        Err(failed(
            Act::UploadTo,
            format!("{}:{}", self.destination, self.path),
            String::from_utf8_lossy(&output.stderr).trim(),
        )
        .help(crate::t!("deploy-resume.help")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parent_of_the_remote_folder_is_made() {
        assert_eq!(
            ancestors("/srv/www/site").collect::<Vec<_>>(),
            ["/srv", "/srv/www", "/srv/www/site"]
        );
        assert_eq!(ancestors("www").collect::<Vec<_>>(), ["www"]);
    }

    #[test]
    fn a_folder_target_that_is_a_file_cannot_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("www");
        std::fs::write(&file, "not a folder").unwrap();
        let Err(e) = FolderStore::open(&file.join("site"), true) else {
            panic!("a folder under a file was opened");
        };
        assert_eq!(e.code, "E0820");
        let said = format!("`{}` is a file, not a folder", file.display());
        assert!(e.message.starts_with(&said), "{}", e.message);
        assert!(
            e.message_in(crate::diag::Lang::ZhHans)
                .contains("是一个文件，不是文件夹")
        );
        assert!(e.help.is_some_and(|h| h.contains("`path`")));
        // So is the folder itself being a file, for a dry run too.
        let Err(e) = FolderStore::open(&file, false) else {
            panic!("a file was opened as the target folder");
        };
        assert!(e.message.starts_with(&said), "{}", e.message);
    }

    #[test]
    fn sftp_batch_paths_are_quoted() {
        assert_eq!(quote("/srv/www/a b.html"), "\"/srv/www/a b.html\"");
        assert_eq!(quote("x\"y\\z"), "\"x\\\"y\\\\z\"");
    }
}
