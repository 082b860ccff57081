//! Live reload over Server-Sent Events. Every served HTML page gets a small script
//! (only in `serve`: it is added while answering a request, never part of the built
//! site) that listens on [`EVENTS_PATH`]. After a rebuild the hub tells every open page
//! which outputs changed; a page reloads when it changed (keeping its scroll position),
//! else swaps its stylesheets in place when a stylesheet changed, and shows an overlay while the build
//! is broken. The script reconnects by itself, and reloads when the server restarted.
//! A site served under a path (`/wuzhou/` in `serve --network`) loads the script from
//! `/wuzhou/__menhu/live.js`; the script takes that folder as its site's, so it listens
//! on that site's events and names its page relative to it.

use std::io::Write;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// The SSE endpoint.
pub const EVENTS_PATH: &str = "/__menhu/events";
/// The reload script.
pub const SCRIPT_PATH: &str = "/__menhu/live.js";
/// The tag added to served HTML.
pub const SCRIPT_TAG: &str = "<script src=\"/__menhu/live.js\"></script>";

/// The tag added to the HTML of a site served under `prefix` (`/wuzhou/` in a network
/// preview, `/` alone): the script finds its events at `prefix` + `__menhu/events`, from
/// its own address.
pub fn script_tag(prefix: &str) -> String {
    format!("<script src=\"{prefix}__menhu/live.js\"></script>")
}

/// How often an idle stream is pinged, so dead clients are noticed and dropped.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Open event streams and what to tell a newcomer.
pub struct Hub {
    clients: Mutex<Vec<Sender<String>>>,
    state: Mutex<HubState>,
}

struct HubState {
    /// Identifies this server process, so pages notice a restart.
    instance: String,
    /// The current build error, shown on every page that connects.
    error: Option<String>,
}

impl Hub {
    /// A hub for a server started at `instance` (any string unique per run).
    pub fn new(instance: String) -> Hub {
        Hub {
            clients: Mutex::new(Vec::new()),
            state: Mutex::new(HubState {
                instance,
                error: None,
            }),
        }
    }

    /// Number of connected pages.
    pub fn clients(&self) -> usize {
        self.clients.lock().map(|c| c.len()).unwrap_or(0)
    }

    /// Tells every page which output paths changed; clears any error overlay.
    pub fn changed(&self, paths: &[String]) {
        if let Ok(mut state) = self.state.lock() {
            state.error = None;
        }
        let data = serde_json::json!({ "paths": paths }).to_string();
        self.broadcast(&event("change", &data));
    }

    /// Says a rebuild is over (`ms` milliseconds after the change was seen), whether
    /// or not anything changed; pages ignore it, tools measuring the server wait for it.
    pub fn built(&self, ms: u128) {
        self.broadcast(&event("built", &ms.to_string()));
    }

    /// Shows `message` (the build's errors, as the terminal shows them) on every page.
    pub fn failed(&self, message: &str) {
        if let Ok(mut state) = self.state.lock() {
            state.error = Some(message.to_owned());
        }
        self.broadcast(&error_event(message));
    }

    fn broadcast(&self, message: &str) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(message.to_owned()).is_ok());
        }
    }

    /// Serves one event stream on `writer` until the client goes away.
    pub fn stream(&self, mut writer: Box<dyn Write + Send>) {
        let (sender, receiver) = channel();
        let greeting = match self.state.lock() {
            Ok(state) => {
                let mut text = format!("retry: 500\n\n{}", event("hello", &state.instance));
                if let Some(error) = &state.error {
                    text.push_str(&error_event(error));
                }
                text
            }
            Err(_) => return,
        };
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        if send(&mut writer, head)
            .and_then(|()| send(&mut writer, &greeting))
            .is_err()
        {
            return;
        }
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(sender);
        }
        pump(&mut writer, &receiver);
    }
}

fn pump(writer: &mut Box<dyn Write + Send>, receiver: &Receiver<String>) {
    loop {
        let message = match receiver.recv_timeout(KEEP_ALIVE) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_owned(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(writer, &message).is_err() {
            return;
        }
    }
}

fn send(writer: &mut Box<dyn Write + Send>, text: &str) -> std::io::Result<()> {
    writer.write_all(text.as_bytes())?;
    writer.flush()
}

/// One SSE message; `data` lines may not contain line breaks, so JSON is sent.
fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {}\n\n", data.replace('\n', " "))
}

fn error_event(message: &str) -> String {
    event(
        "build-error",
        &serde_json::json!({ "message": message }).to_string(),
    )
}

/// Where the reload script goes in `html`: before the last `</body>`, or at the end.
pub fn script_offset(html: &[u8]) -> usize {
    find_last(html, b"</body>").unwrap_or(html.len())
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// The script pages load from [`SCRIPT_PATH`].
pub const SCRIPT: &str = r#"(function () {
  "use strict";
  var me = document.currentScript;
  var base = me ? new URL(me.src, location.href).pathname.replace(/__menhu\/live\.js$/, "") : "/";
  var here = decodeURIComponent(location.pathname);
  here = here.indexOf(base) === 0 ? here.slice(base.length) : here.replace(/^\//, "");
  if (here === "" || here.endsWith("/")) here += "index.html";
  // The page shown before the site was ever built stands at every address.
  var notBuilt = document.querySelector('meta[name="menhu-not-built"]') !== null;
  var key = "menhu-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var restore = function () { window.scrollTo(0, +saved); };
    if (document.readyState === "complete") restore(); else addEventListener("load", restore);
  }
  function reload() {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }
  function swapStyles() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.searchParams.set("menhu-reload", String(Date.now()));
      links[i].href = url.toString();
    }
  }
  function overlay(message) {
    var box = document.getElementById("menhu-error-overlay");
    if (message === null) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "menhu-error-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,20,20,.92);color:#fff;padding:2em;font:14px/1.5 monospace";
      var title = document.createElement("h2");
      title.textContent = "构建失败 · build failed";
      title.style.cssText = "color:#ff8080;font:bold 18px sans-serif";
      var pre = document.createElement("pre");
      pre.style.whiteSpace = "pre-wrap";
      box.appendChild(title);
      box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.querySelector("pre").textContent = message;
  }
  var instance = null;
  var source = new EventSource(base + "__menhu/events");
  source.addEventListener("hello", function (e) {
    if (instance !== null && instance !== e.data) { reload(); return; }
    instance = e.data;
  });
  source.addEventListener("build-error", function (e) {
    overlay(JSON.parse(e.data).message);
  });
  source.addEventListener("change", function (e) {
    overlay(null);
    var paths = JSON.parse(e.data).paths;
    if (notBuilt || paths.indexOf(here) >= 0) { reload(); return; }
    var css = paths.filter(function (p) { return /\.css$/i.test(p); });
    if (css.length > 0) swapStyles();
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_knows_the_mark_of_the_page_shown_before_any_build() {
        let selector = format!("meta[name=\"{}\"]", super::super::NOT_BUILT_MARK);
        assert!(SCRIPT.contains(&selector), "{selector}");
    }

    #[test]
    fn script_goes_before_the_last_body_end() {
        let html = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let at = script_offset(html);
        assert_eq!(&html[at..], b"</BODY></html>");
        assert_eq!(script_offset(b"<p>x</p>"), 8);
    }

    #[test]
    fn events_are_single_line_json() {
        assert_eq!(event("change", "a\nb"), "event: change\ndata: a b\n\n");
        assert!(error_event("line 1\nline 2").contains("\\n"));
    }
}
