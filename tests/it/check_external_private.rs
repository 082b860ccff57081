//! `check --external` never requests a private or local address, nor anything on the
//! `skip` list, at any hop of a redirect (issue #25, finding 7), tested with a public
//! looking server (allowed by `allow_private`, as the test servers are on 127.0.0.1)
//! that redirects to the cloud metadata address, to another local server, to a name
//! that resolves to loopback and into the skip list. The other local server must never
//! be reached.

use menhu::check::{LinkStatus, check_urls};

use crate::check_external::{Server, options, status_of};
use crate::support::{MINIMAL_CONFIG, Site, assert_contains};

#[test]
fn redirects_into_private_addresses_and_the_skip_list_are_not_followed() {
    let public = Server::start();
    let private = Server::start();
    let secret = |host: &str| format!("http://{host}:{}/secret", private.port());
    public.redirect(
        "/to-metadata",
        "http://169.254.169.254/latest/meta-data/iam/",
    );
    public.redirect("/to-loopback", &secret("127.0.0.1"));
    public.redirect("/to-localhost", &secret("localhost"));
    public.redirect("/to-mapped", &secret("[::ffff:127.0.0.1]"));
    public.redirect("/to-decimal", &secret("2130706433"));
    public.redirect("/to-ten", "http://10.0.0.1/");
    public.redirect("/to-skipped", &public.url("/skipped/x"));
    public.redirect("/to-file", "file:///etc/passwd");
    public.redirect("/twice", &public.url("/to-metadata"));
    let mut options = options(None);
    // Only the public server's own address is allowed to be local.
    options.allow_private = vec![format!("127.0.0.1:{}", public.port())];
    options.skip = vec![public.url("/skipped/*")];
    let urls: Vec<String> = [
        "/to-metadata",
        "/to-loopback",
        "/to-localhost",
        "/to-mapped",
        "/to-decimal",
        "/to-ten",
        "/to-skipped",
        "/to-file",
        "/twice",
    ]
    .iter()
    .map(|p| public.url(p))
    .chain([secret("127.0.0.1"), secret("localhost")])
    .collect();
    let results = check_urls(&urls, &options);
    for path in [
        "/to-metadata",
        "/to-loopback",
        "/to-localhost",
        "/to-mapped",
        "/to-decimal",
        "/to-ten",
        "/twice",
    ] {
        let status = status_of(&results, &public.url(path));
        assert!(
            matches!(status, LinkStatus::Blocked(_)),
            "{path}: {status:?}"
        );
    }
    assert!(matches!(
        status_of(&results, &secret("127.0.0.1")),
        LinkStatus::Blocked(_)
    ));
    assert!(
        matches!(status_of(&results, &secret("localhost")), LinkStatus::Blocked(why) if why.contains("resolves to"))
    );
    assert_eq!(
        status_of(&results, &public.url("/to-skipped")),
        LinkStatus::Skipped
    );
    assert!(
        matches!(status_of(&results, &public.url("/to-file")), LinkStatus::Broken(why) if why.contains("not a web address"))
    );
    assert_eq!(private.total_hits(), 0, "the private server was reached");
    assert_eq!(
        public.hits("HEAD /skipped/x") + public.hits("GET /skipped/x"),
        0
    );
    // The switch: with every host allowed, the same redirect is followed.
    options.allow_private = vec!["*".to_owned()];
    let results = check_urls(&[public.url("/to-loopback")], &options);
    assert_eq!(results[0].1, LinkStatus::Broken("HTTP 404".into()));
    assert_eq!(private.hits("HEAD /secret"), 1);
}

#[test]
fn check_reports_a_link_into_a_private_network_as_a_warning_at_its_line() {
    let public = Server::start();
    public.redirect("/go", "http://169.254.169.254/latest/meta-data/");
    let site = Site::minimal();
    site.write(
        "site-config.toml",
        &format!(
            "{MINIMAL_CONFIG}\n[check.external]\ntimeout_secs = 1\nretries = 0\nhost_delay_ms = 0\n\
             allow_private = [\"127.0.0.1:{}\"]\n",
            public.port()
        ),
    );
    site.write(
        "content/a.md",
        &format!(
            "+++\ntitle = \"外链\"\n+++\n\n[看似正常]({})\n\n[内网](http://192.168.1.1/admin)\n",
            public.url("/go")
        ),
    );
    let run = site.menhu(&["check", "--external", "--format", "json"]);
    assert_eq!(
        run.code, 0,
        "warnings only:\n{}\n{}",
        run.stdout, run.stderr
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    for (line, at) in lines.iter().zip([5, 7]) {
        assert_contains(line, "\"code\":\"C0112\"");
        assert_contains(line, "\"severity\":\"warning\"");
        assert_contains(line, &format!("\"line\":{at}"));
    }
    assert_contains(lines[0], "169.254.169.254");
    assert_contains(lines[1], "`192.168.1.1` is a private or local address");
}
