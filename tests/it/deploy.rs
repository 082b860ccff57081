//! `menhu deploy` against real targets: a folder, an S3-compatible server (moto,
//! started on 127.0.0.1) and an SFTP server (OpenSSH's sshd as the current user on a
//! high port, with keys made here). A second deploy after a one-page edit uploads
//! exactly the files the edit changed; a killed deploy resumes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Run, Site, assert_contains, assert_not_contains, free_port, menhu_env};

const NOW: &str = "2026-12-06T08:09:00Z";
const PAGE: &str = "content/news/tzgg";
/// A page the tests remove after the first deploy.
const EXTRA_PAGE: &str = "content/news/tzgg/2026-01-01-lin-shi.md";

/// Whether a test that needs a deploy server runs; fails instead of skipping when
/// `MENHU_REQUIRE_DEPLOY_SERVERS=1` (as .ci/run sets).
fn servers_present(test: &str, missing: Option<String>) -> bool {
    let Some(reason) = missing else {
        return true;
    };
    if std::env::var("MENHU_REQUIRE_DEPLOY_SERVERS").as_deref() == Ok("1") {
        panic!("{test}: MENHU_REQUIRE_DEPLOY_SERVERS=1 but {reason}");
    }
    println!("skipping {test}: {reason}");
    false
}

/// A new demo site (`menhu init`), built, with `deploy` appended to its config.
fn demo(site: &Site, deploy: &str) -> PathBuf {
    let dir = site.path("portal");
    assert_eq!(site.menhu(&["init", dir.to_str().unwrap()]).code, 0);
    let config = dir.join("site-config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\n{deploy}\n")).unwrap();
    std::fs::write(
        dir.join(EXTRA_PAGE),
        "+++\ntitle = \"临时通知\"\ndate = 2026-01-01\n+++\n这则通知稍后撤下。\n",
    )
    .unwrap();
    build(&dir);
    dir
}

/// [`demo`] deploying to the folder `target` (the target named `share`).
fn folder_demo(site: &Site, target: &Path) -> PathBuf {
    demo(
        site,
        &format!(
            "[deploy.targets.share]\ntype = \"folder\"\npath = \"{}\"\n",
            target.display()
        ),
    )
}

fn build(dir: &Path) {
    let run = menhu_env(
        dir,
        &["build", "--quiet"],
        &[("TZ", "UTC"), ("MENHU_NOW", NOW)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// `menhu deploy --format json ARGS`, which must succeed; its account.
fn deploy(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> serde_json::Value {
    let run = deploy_run(dir, args, env);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn deploy_run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut all = vec!["deploy", "--format", "json"];
    all.extend(args);
    menhu_env(dir, &all, env)
}

fn keys(account: &serde_json::Value, field: &str) -> BTreeSet<String> {
    account[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_owned())
        .collect()
}

/// Every file of a folder, relative, with its bytes.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walk(dir, dir)
}

fn walk(base: &Path, dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(base, &path));
        } else {
            let key = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.insert(key, std::fs::read(&path).unwrap());
        }
    }
    out
}

/// Edits the text of one news page and rebuilds; returns the output files whose bytes
/// the edit changed (or added).
fn edit_one_page(dir: &Path) -> BTreeSet<String> {
    let before = snapshot(&dir.join("public"));
    let folder = dir.join(PAGE);
    let page = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
        .min()
        .unwrap();
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\n补充说明：报名截止时间顺延一周。\n")).unwrap();
    build(dir);
    let after = snapshot(&dir.join("public"));
    after
        .iter()
        .filter(|(key, bytes)| before.get(*key) != Some(*bytes))
        .map(|(key, _)| key.clone())
        .collect()
}

/// What a one-page edit must upload: the files it changed, no more, and among them the
/// page itself and its column's list.
fn assert_second_deploy_uploads_only_the_edit(
    changed: &BTreeSet<String>,
    account: &serde_json::Value,
) {
    let uploaded = keys(account, "uploaded");
    assert_eq!(&uploaded, changed, "uploaded ≠ changed");
    // The page, its Traditional copy, and the search index that holds its text; the
    // lists show its summary, which the edit at its end does not change.
    let page = "news/tzgg/yu-lin-qing-shao-nian-chuang-xin-da-sai/index.html";
    assert!(changed.contains(page), "{changed:?}");
    assert!(changed.contains(&format!("zh-hant/{page}")), "{changed:?}");
    assert!(changed.contains("search/build.json"), "{changed:?}");
    assert!(!changed.iter().any(|k| k.ends_with(".css")));
    assert!(account["unchanged"].as_u64().unwrap() > 10 * uploaded.len() as u64);
    println!(
        "second deploy: {} files, {} bytes, {} s",
        uploaded.len(),
        account["uploaded_bytes"],
        account["seconds"]
    );
}

#[test]
fn a_folder_deploy_uploads_what_changed_and_deletes_what_went() {
    let site = Site::empty();
    let target = site.path("www");
    let dir = folder_demo(&site, &target);
    let dry = deploy_run(&dir, &["--dry-run"], &[]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_contains(&dry.stderr, "  upload  index.html\n");
    assert_contains(&dry.stderr, "dry run for `share`: would upload");
    assert!(!target.exists(), "a dry run made the target folder");
    // Nothing was uploaded, and the Chinese account does not say otherwise.
    let dry = deploy_run(&dir, &["--dry-run", "--lang", "zh-Hans"], &[]);
    assert_contains(&dry.stderr, "全部文件都要上传");
    assert!(!dry.stderr.contains("已上传"), "{}", dry.stderr);

    let first = deploy(&dir, &[], &[]);
    let output = snapshot(&dir.join("public"));
    let uploaded: Vec<_> = first["uploaded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(uploaded.len(), output.len());
    // Assets, then pages, then the sitemap and the search index's build id.
    let position = |key: &str| uploaded.iter().position(|k| *k == key).unwrap();
    assert!(
        position("css/portal.css") < position("index.html")
            || !output.contains_key("css/portal.css")
    );
    assert_eq!(
        uploaded[uploaded.len() - 2..],
        ["sitemap.xml", "search/build.json"]
    );
    let mut stored = snapshot(&target);
    assert!(stored.remove(".menhu-deploy.json").is_some());
    assert_eq!(stored, output);
    println!(
        "first deploy: {} files, {} bytes, {} s",
        uploaded.len(),
        first["uploaded_bytes"],
        first["seconds"]
    );

    let changed = edit_one_page(&dir);
    let second = deploy(&dir, &[], &[]);
    assert_second_deploy_uploads_only_the_edit(&changed, &second);
    assert!(keys(&second, "deleted").is_empty());

    // A page removed from the site is deleted from the target, with its folder.
    std::fs::remove_file(dir.join(EXTRA_PAGE)).unwrap();
    build(&dir);
    let third = deploy(&dir, &[], &[]);
    assert!(
        keys(&third, "deleted").contains("news/tzgg/lin-shi/index.html"),
        "{third}"
    );
    assert!(!target.join("news/tzgg/lin-shi").exists());
    let mut stored = snapshot(&target);
    stored.remove(".menhu-deploy.json");
    assert_eq!(stored, snapshot(&dir.join("public")));
}

/// A target folder that cannot be written (here: a file stands where it, or a folder
/// above it, should be; on a runner, a share not mounted or not writable) fails saying
/// what to do, and that running the deploy again is safe.
#[test]
fn a_folder_target_that_cannot_be_written_says_what_to_check() {
    let site = Site::empty();
    let target = site.path("www");
    std::fs::write(&target, "a file where the share should be").unwrap();
    let file_named = format!(
        "error[E0820]: `{}` is a file, not a folder",
        target.display()
    );
    let dir = folder_demo(&site, &target.join("site"));
    let run = deploy_run(&dir, &[], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, &file_named);
    assert_contains(&run.stderr, "run `menhu deploy` again");
    // The file in the place of the folder itself is named as such too, not as the
    // system's "File exists".
    let config = dir.join("site-config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let in_place = text.replace(
        &format!("{}/site", target.display()),
        &target.display().to_string(),
    );
    std::fs::write(&config, in_place).unwrap();
    let run = deploy_run(&dir, &[], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, &file_named);
    assert_contains(&run.stderr, "point `path` of the folder target");
    assert_not_contains(&run.stderr, "File exists");
    // CI reading the JSON account on stdout learns the same.
    let account: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(account["ok"], false);
    assert_eq!(account["diagnostics"][0]["code"], "E0820");
    assert_eq!(account["uploaded"], serde_json::Value::Null);
    // The target it was going to, though none was named on the command line.
    assert_eq!(account["target"], "share", "{account}");
}

#[test]
fn a_killed_deploy_resumes_where_its_manifest_says() {
    let site = Site::empty();
    let target = site.path("www");
    let dir = folder_demo(&site, &target);
    let total = snapshot(&dir.join("public")).len();
    // Killed after 60 uploads: the manifest was last written after the 50th.
    let killed = deploy_run(&dir, &[], &[("MENHU_DEPLOY_STOP_AFTER", "60")]);
    assert_ne!(killed.code, 0);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(target.join(".menhu-deploy.json")).unwrap()).unwrap();
    let files = manifest["files"].as_object().unwrap();
    let recorded = files.values().filter(|f| f["sha256"] != "").count();
    assert_eq!(recorded, 50);
    // The others are written down as begun, not known.
    assert_eq!(files.len(), total);

    let resumed = deploy(&dir, &[], &[]);
    assert_eq!(keys(&resumed, "uploaded").len(), total - 50);
    assert_eq!(resumed["unchanged"], 50);
    let mut stored = snapshot(&target);
    stored.remove(".menhu-deploy.json");
    assert_eq!(stored, snapshot(&dir.join("public")));
    assert!(!stored.keys().any(|k| k.contains("menhu-upload")));
}

/// A deploy killed after uploading a page but before its manifest says so, then a
/// build that no longer has that page (taken down by its editor): the next deploy
/// deletes it from the target instead of leaving it online, unlisted, for good.
#[test]
fn a_page_uploaded_by_a_killed_deploy_and_then_taken_down_is_deleted() {
    let site = Site::empty();
    let target = site.path("www");
    let dir = folder_demo(&site, &target);
    let page = "news/tzgg/lin-shi/index.html";
    let plan = deploy(&dir, &["--dry-run"], &[]);
    let uploads = plan["uploaded"].as_array().unwrap();
    let at = uploads.iter().position(|k| k == page).unwrap();
    let stop = (at + 1).to_string();
    let killed = deploy_run(&dir, &[], &[("MENHU_DEPLOY_STOP_AFTER", stop.as_str())]);
    assert_ne!(killed.code, 0);
    assert!(target.join(page).is_file(), "the page was not uploaded");

    std::fs::remove_file(dir.join(EXTRA_PAGE)).unwrap();
    build(&dir);
    deploy(&dir, &[], &[]);
    assert!(
        !target.join(page).exists(),
        "a page taken down stays online"
    );
    let mut stored = snapshot(&target);
    stored.remove(".menhu-deploy.json");
    assert_eq!(stored, snapshot(&dir.join("public")));
}

#[test]
fn secrets_in_the_config_are_refused() {
    let site = Site::empty();
    let dir = demo(
        &site,
        "[deploy.targets.oss]\ntype = \"s3\"\nendpoint = \"https://oss-cn-hangzhou.aliyuncs.com\"\nbucket = \"kx\"\nsecret_access_key = \"abc123\"\n",
    );
    let run = deploy_run(&dir, &[], &[]);
    assert_eq!(run.code, 1);
    assert_contains(
        &run.stderr,
        "`secret_access_key` is a secret and may not be written in `site-config.toml`",
    );
    assert_contains(&run.stderr, "MENHU_DEPLOY_SECRET_ACCESS_KEY");
    assert_contains(&run.stderr, "site-config.toml:");
    // Without credentials in the environment, the bucket is not tried.
    let other = Site::empty();
    let dir2 = demo(
        &other,
        "[deploy.targets.oss]\ntype = \"s3\"\nendpoint = \"https://oss-cn-hangzhou.aliyuncs.com\"\nbucket = \"kx\"\n",
    );
    let run = menhu_env(
        &dir2,
        &["deploy"],
        &[
            ("MENHU_DEPLOY_ACCESS_KEY_ID", ""),
            ("AWS_ACCESS_KEY_ID", ""),
        ],
    );
    assert_eq!(run.code, 1);
    assert_contains(
        &run.stderr,
        "MENHU_DEPLOY_ACCESS_KEY_ID and MENHU_DEPLOY_SECRET_ACCESS_KEY",
    );
}

/// A process killed when the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for_port(port: u16, server: &mut Server) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = server.0.try_wait() {
            panic!("the server exited: {status}");
        }
        assert!(
            Instant::now() < deadline,
            "the server did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `moto_server` from PATH, or from `MENHU_MOTO_SERVER`.
fn moto_server() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("MENHU_MOTO_SERVER") {
        return Some(PathBuf::from(path));
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("moto_server"))
            .find(|p| p.is_file())
    })
}

#[test]
fn an_s3_deploy_stores_headers_and_gzip_and_uploads_only_the_edit() {
    let moto = moto_server();
    let missing = moto
        .is_none()
        .then(|| "moto_server (pip install 'moto[server]') is not installed".to_owned());
    if !servers_present(
        "an_s3_deploy_stores_headers_and_gzip_and_uploads_only_the_edit",
        missing,
    ) {
        return;
    }
    let port = free_port();
    let mut server = Server(
        Command::new(moto.unwrap())
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto_server"),
    );
    wait_for_port(port, &mut server);
    let base = format!("http://127.0.0.1:{port}/portal-www");
    ureq::put(&base).send_empty().expect("create the bucket");

    let site = Site::empty();
    let dir = demo(
        &site,
        &format!(
            "[[deploy.cache_control]]\npattern = \"search/**\"\nvalue = \"public, max-age=60\"\n\n\
             [deploy.targets.bucket]\ntype = \"s3\"\nendpoint = \"http://127.0.0.1:{port}\"\nbucket = \"portal-www\"\npath_style = true\nprefix = \"site\"\nprecompress = [\"gzip\"]\n"
        ),
    );
    let credentials = [
        ("MENHU_DEPLOY_ACCESS_KEY_ID", "testing"),
        ("MENHU_DEPLOY_SECRET_ACCESS_KEY", "testing"),
    ];
    let first = deploy(&dir, &[], &credentials);
    let output = snapshot(&dir.join("public"));
    assert_eq!(keys(&first, "uploaded").len(), output.len());
    println!(
        "first deploy: {} files, {} bytes, {} s",
        output.len(),
        first["uploaded_bytes"],
        first["seconds"]
    );

    let bucket = rusty_s3::Bucket::new(
        format!("http://127.0.0.1:{port}").parse().unwrap(),
        rusty_s3::UrlStyle::Path,
        "portal-www",
        "us-east-1",
    )
    .unwrap();
    let signer = rusty_s3::Credentials::new("testing", "testing");
    let signed = |key: &str| {
        use rusty_s3::S3Action;
        let url = bucket
            .get_object(Some(&signer), &format!("site/{key}"))
            .sign(Duration::from_secs(600));
        url.to_string()
    };
    // A raw HTTP/1.0 request: an HTTP client would decode the gzip and drop its header.
    let get = |key: &str| raw_get(port, &signed(key));
    let ((kind, cache, encoding), body) = get("index.html");
    assert_eq!(kind.as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(cache.as_deref(), Some("no-cache"));
    assert_eq!(encoding.as_deref(), Some("gzip"));
    let mut html = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&body[..]), &mut html).unwrap();
    assert_eq!(html, output["index.html"]);
    let mz = output
        .keys()
        .find(|k| k.ends_with(".mz"))
        .expect("a search file");
    let ((kind, cache, encoding), body) = get(mz);
    assert_eq!(kind.as_deref(), Some("application/octet-stream"));
    assert_eq!(cache.as_deref(), Some("public, max-age=60"));
    assert_eq!(encoding, None);
    assert_eq!(body, output[mz.as_str()]);

    let changed = edit_one_page(&dir);
    let second = deploy(&dir, &[], &credentials);
    assert_second_deploy_uploads_only_the_edit(&changed, &second);

    std::fs::remove_file(dir.join(EXTRA_PAGE)).unwrap();
    build(&dir);
    let third = deploy(&dir, &[], &credentials);
    assert!(keys(&third, "deleted").contains("news/tzgg/lin-shi/index.html"));
    let gone = ureq::get(&signed("news/tzgg/lin-shi/index.html")).call();
    assert!(
        matches!(gone, Err(ureq::Error::StatusCode(404))),
        "{gone:?}"
    );
}

/// GETs `url` on 127.0.0.1:`port` over a plain socket: (`Content-Type`,
/// `Cache-Control`, `Content-Encoding`) and the body as sent.
type Headers = (Option<String>, Option<String>, Option<String>);
fn raw_get(port: u16, url: &str) -> (Headers, Vec<u8>) {
    use std::io::{Read, Write};
    let target = url.split_once(&format!("127.0.0.1:{port}")).unwrap().1;
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&answer[..split]).to_lowercase();
    assert!(
        head.starts_with("http/1.0 200") || head.starts_with("http/1.1 200"),
        "{head}"
    );
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_owned))
    };
    let found = (
        header("content-type"),
        header("cache-control"),
        header("content-encoding"),
    );
    (found, answer[split + 4..].to_vec())
}

/// An sshd of the current user on a free port, with host and user keys made here.
struct Sshd {
    _server: Server,
    port: u16,
    user: String,
    key: PathBuf,
    known_hosts: PathBuf,
}

fn start_sshd(dir: &Path) -> Result<Sshd, String> {
    let sshd = ["/usr/sbin/sshd", "/usr/bin/sshd"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .ok_or("sshd (apt-get install openssh-server) is not installed")?;
    if Command::new("sftp").arg("-V").output().is_err() {
        return Err("sftp (apt-get install openssh-client) is not installed".to_owned());
    }
    for name in ["host_key", "user_key"] {
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(dir.join(name))
            .status()
            .map_err(|e| format!("ssh-keygen: {e}"))?;
        assert!(made.success());
    }
    std::fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys")).unwrap();
    let port = free_port();
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
             AuthorizedKeysFile {d}/authorized_keys\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPubkeyAuthentication yes\nPermitRootLogin prohibit-password\n\
             Subsystem sftp internal-sftp\n",
            d = dir.display()
        ),
    )
    .unwrap();
    // Run as root, sshd wants its privilege-separation folder.
    let _ = std::fs::create_dir_all("/run/sshd");
    let mut server = Server(
        Command::new(sshd)
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("sshd: {e}"))?,
    );
    wait_for_port(port, &mut server);
    let host_key = std::fs::read_to_string(dir.join("host_key.pub")).unwrap();
    let known_hosts = dir.join("known_hosts");
    std::fs::write(&known_hosts, format!("[127.0.0.1]:{port} {host_key}")).unwrap();
    let user = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout)
        .unwrap()
        .trim()
        .to_owned();
    Ok(Sshd {
        _server: server,
        port,
        user,
        key: dir.join("user_key"),
        known_hosts,
    })
}

#[test]
fn an_sftp_deploy_writes_the_site_and_its_compressed_copies_and_uploads_only_the_edit() {
    let site = Site::empty();
    let keys_dir = site.path("ssh");
    std::fs::create_dir_all(&keys_dir).unwrap();
    let sshd = match start_sshd(&keys_dir) {
        Ok(sshd) => Some(sshd),
        Err(reason) => {
            servers_present("an_sftp_deploy_…", Some(reason));
            None
        }
    };
    let Some(sshd) = sshd else { return };
    let remote = site.path("server/srv/www");
    let dir = demo(
        &site,
        &format!(
            "[deploy.targets.server]\ntype = \"sftp\"\nhost = \"127.0.0.1\"\nport = {}\nuser = \"{}\"\npath = \"{}\"\nprecompress = [\"gzip\"]\n",
            sshd.port,
            sshd.user,
            remote.display()
        ),
    );
    let env = [
        ("MENHU_DEPLOY_SSH_KEY", sshd.key.to_str().unwrap()),
        (
            "MENHU_DEPLOY_SSH_KNOWN_HOSTS",
            sshd.known_hosts.to_str().unwrap(),
        ),
    ];
    let first = deploy(&dir, &[], &env);
    let output = snapshot(&dir.join("public"));
    let stored = snapshot(&remote);
    for (key, bytes) in &output {
        assert_eq!(stored.get(key), Some(bytes), "{key}");
    }
    let gz = &stored["index.html.gz"];
    let mut html = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut html).unwrap();
    assert_eq!(html, output["index.html"]);
    assert!(!stored.keys().any(|k| k.contains("menhu-upload")));
    println!(
        "first deploy: {} objects, {} bytes, {} s",
        keys(&first, "uploaded").len(),
        first["uploaded_bytes"],
        first["seconds"]
    );

    let changed = edit_one_page(&dir);
    let second = deploy(&dir, &[], &env);
    // Each changed file goes with its .gz copy when it is large enough to have one.
    let uploaded: BTreeSet<String> = keys(&second, "uploaded")
        .into_iter()
        .filter(|k| !k.ends_with(".gz"))
        .collect();
    assert_eq!(&uploaded, &changed);
    let page = "news/tzgg/yu-lin-qing-shao-nian-chuang-xin-da-sai/index.html";
    assert!(keys(&second, "uploaded").contains(&format!("{page}.gz")));
    assert_eq!(snapshot(&remote)[page], snapshot(&dir.join("public"))[page]);
    println!(
        "second deploy: {} objects, {} bytes, {} s",
        keys(&second, "uploaded").len(),
        second["uploaded_bytes"],
        second["seconds"]
    );

    // A wrong host key is refused, never accepted.
    std::fs::write(
        &sshd.known_hosts,
        format!(
            "[127.0.0.1]:{} {}",
            sshd.port,
            std::fs::read_to_string(keys_dir.join("user_key.pub")).unwrap()
        ),
    )
    .unwrap();
    let refused = deploy_run(&dir, &[], &env);
    assert_eq!(refused.code, 1);
    assert_contains(&refused.stderr, "known_hosts");
}
