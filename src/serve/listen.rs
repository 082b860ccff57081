//! Keeps tiny_http listening. tiny_http answers each connection on a thread of its own,
//! but its single accept thread ends at the first failed `accept`, and panics when it
//! cannot duplicate an accepted socket (both happen when the process is out of file
//! descriptors); from then on nothing new is accepted. So menhu keeps the bound socket
//! itself, hands tiny_http a duplicate, notices when the accept thread has given up
//! (its error comes out of `recv`; a panic inside tiny_http is seen by a panic hook)
//! and starts a new tiny_http server on the same socket. Starting one too many is
//! harmless: several accept threads on one socket share its connections. Connections waiting in the socket's backlog are
//! kept. Before any of this the soft limit on open files is raised to the hard one, so
//! that running out of descriptors is rare in the first place.

use std::net::TcpListener;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Threads taking requests off the queue; an event stream moves to a thread of its own,
/// so open pages never hold a worker.
const WORKERS: usize = 8;

/// The first pause before listening again after tiny_http gave up; it doubles up to
/// [`MAX_PAUSE`] while accepting keeps failing, so a process out of descriptors does not
/// spin.
const FIRST_PAUSE: Duration = Duration::from_millis(50);
const MAX_PAUSE: Duration = Duration::from_secs(2);

/// A tiny_http server whose accept thread has ended still carries the connections it
/// had accepted; it is let go once none of them has sent a request for this long.
const RETIRED_QUIET: Duration = Duration::from_secs(600);

/// Raises the soft limit on open files to the hard limit (Linux; elsewhere nothing),
/// so that hundreds of connections at once do not run the process out of descriptors.
/// Returns the limit in force afterwards, when known.
fn raise_open_file_limit() -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
        let limit = getrlimit(Resource::Nofile);
        if limit.current != limit.maximum {
            let raised = Rlimit {
                current: limit.maximum,
                maximum: limit.maximum,
            };
            if setrlimit(Resource::Nofile, raised).is_ok() {
                return raised.current;
            }
        }
        limit.current
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Answers a preview's requests on threads of their own: raises the open-file limit
/// (each open page holds a reload stream), then serves `listener` with `answer` for
/// ever, telling the terminal when tiny_http had to be started again.
pub fn answer_in_background(
    listener: TcpListener,
    answer: impl Fn(tiny_http::Request) + Send + Sync + 'static,
) {
    raise_open_file_limit();
    std::thread::spawn(move || {
        serve_forever(listener, answer, |warning| {
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr().lock(), "{warning}");
        });
    });
}

/// Serves every request arriving on `listener` with `handle`, for ever, on [`WORKERS`]
/// threads. `warn` is told each time tiny_http stopped accepting and was started again.
pub fn serve_forever(
    listener: TcpListener,
    handle: impl Fn(tiny_http::Request) + Send + Sync + 'static,
    warn: impl Fn(&str),
) {
    let (requests, queue) = channel();
    let queue = Arc::new(Mutex::new(queue));
    let handle = Arc::new(handle);
    for _ in 0..WORKERS {
        let (queue, handle) = (queue.clone(), handle.clone());
        std::thread::spawn(move || work(&queue, &*handle));
    }
    let (gave_up, stopped) = channel();
    watch_for_panics_in_tiny_http(gave_up.clone());
    let mut pause = FIRST_PAUSE;
    loop {
        match start(&listener) {
            Ok(server) => {
                let (requests, gave_up) = (requests.clone(), gave_up.clone());
                std::thread::spawn(move || relay(&server, &requests, &gave_up));
                let Ok(why) = stopped.recv() else { return };
                warn(&format!(
                    "warning: the preview stopped accepting connections ({why}); listening again"
                ));
            }
            Err(why) => warn(&format!(
                "warning: the preview cannot accept connections yet ({why}); trying again"
            )),
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(MAX_PAUSE);
    }
}

/// Reports on `gave_up` every panic raised in tiny_http's code (after the usual
/// message), since its accept thread may be the one that ended.
fn watch_for_panics_in_tiny_http(gave_up: Sender<String>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        if info
            .location()
            .is_some_and(|at| at.file().contains("tiny_http"))
        {
            let payload = info.payload();
            let why = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("a panic in tiny_http");
            let _ = gave_up.send(why.to_owned());
        }
    }));
}

/// A tiny_http server on a duplicate of `listener` (the original stays bound when a
/// server ends).
fn start(listener: &TcpListener) -> Result<tiny_http::Server, String> {
    let duplicate = listener.try_clone().map_err(|e| e.to_string())?;
    tiny_http::Server::from_listener(duplicate, None).map_err(|e| e.to_string())
}

/// Moves `server`'s requests to the workers. An error from `recv` can only come from
/// the accept thread, which has then ended: that is reported on `gave_up`, and the
/// connections already accepted are still relayed until they fall quiet.
fn relay(
    server: &tiny_http::Server,
    requests: &Sender<tiny_http::Request>,
    gave_up: &Sender<String>,
) {
    let mut retired = false;
    loop {
        match server.recv_timeout(RETIRED_QUIET) {
            Ok(Some(request)) => {
                if requests.send(request).is_err() {
                    return;
                }
            }
            Ok(None) if retired => return,
            Ok(None) => {}
            Err(why) => {
                retired = true;
                let _ = gave_up.send(why.to_string());
            }
        }
    }
}

fn work(queue: &Mutex<Receiver<tiny_http::Request>>, handle: &dyn Fn(tiny_http::Request)) {
    loop {
        let next = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        match next {
            Ok(request) => handle(request),
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn the_soft_open_file_limit_is_raised_to_the_hard_one() {
        use rustix::process::{Resource, getrlimit};
        let hard = getrlimit(Resource::Nofile).maximum;
        assert_eq!(raise_open_file_limit(), hard);
        assert_eq!(getrlimit(Resource::Nofile).current, hard);
    }
}
