//! What a request is answered with: an output's bytes, read from memory (rendered
//! outputs) or streamed from the source file (copied static files and attachments),
//! so that a large file is never read whole per request, however many ask for it at
//! once. HTML gets the reload script read in before its last `</body>`.

use std::fs::File;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::sync::Arc;

use super::reload;

/// How far from the end of an HTML file its `</body>` is looked for; a file with more
/// than this after it gets the script at the very end, which browsers run as well.
const BODY_END_WINDOW: u64 = 64 * 1024;

/// An output's bytes.
pub enum Body {
    /// Rendered, held in memory.
    Memory(Arc<[u8]>),
    /// Copied: the source file, open, and its length.
    File(File, u64),
}

/// A reader for a response, and the number of bytes it yields.
pub type Reader = (Box<dyn Read + Send>, u64);

impl Body {
    /// Opens the source of a copied file.
    pub fn open(path: &std::path::Path) -> Option<Body> {
        let file = File::open(path).ok()?;
        let length = file.metadata().ok().filter(|m| m.is_file())?.len();
        Some(Body::File(file, length))
    }

    /// The bytes as they are.
    pub fn into_reader(self) -> Reader {
        match self {
            Body::Memory(bytes) => {
                let length = bytes.len() as u64;
                (Box::new(Cursor::new(bytes)), length)
            }
            Body::File(file, length) => (Box::new(file), length),
        }
    }

    /// The bytes with `tag` (a reload script tag, [`reload::script_tag`]) read in where
    /// [`reload::script_offset`] puts it.
    pub fn with_script_tag(self, tag: &str) -> Reader {
        let tag: Arc<[u8]> = Arc::from(tag.as_bytes());
        let (inner, at, length): (Box<dyn Read + Send>, u64, u64) = match self {
            Body::Memory(bytes) => {
                let at = reload::script_offset(&bytes) as u64;
                let length = bytes.len() as u64;
                (Box::new(Cursor::new(bytes)), at, length)
            }
            Body::File(mut file, length) => {
                let at = body_end_in_file(&mut file, length).unwrap_or(length);
                (Box::new(file), at, length)
            }
        };
        let added = tag.len() as u64;
        let reader = Inserted {
            inner,
            before: at,
            insert: tag,
            inserted: 0,
        };
        (Box::new(reader), length + added)
    }
}

/// The offset of the last `</body>` among the last [`BODY_END_WINDOW`] bytes of
/// `file` (its end when there is none); the file is left at its start.
fn body_end_in_file(file: &mut File, length: u64) -> io::Result<u64> {
    let window = length.min(BODY_END_WINDOW);
    file.seek(SeekFrom::Start(length - window))?;
    let mut tail = Vec::with_capacity(window as usize);
    file.by_ref().take(window).read_to_end(&mut tail)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(length - window + reload::script_offset(&tail) as u64)
}

/// `inner` with `insert` read in after its first `before` bytes.
struct Inserted<R> {
    inner: R,
    before: u64,
    insert: Arc<[u8]>,
    /// How much of `insert` was read already.
    inserted: usize,
}

impl<R: Read> Read for Inserted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.before > 0 {
            let most = buf
                .len()
                .min(usize::try_from(self.before).unwrap_or(usize::MAX));
            let read = self.inner.read(&mut buf[..most])?;
            if read == 0 {
                // The source ended early (it shrank since it was opened).
                self.before = 0;
            }
            self.before -= read as u64;
            if read > 0 {
                return Ok(read);
            }
        }
        let rest = &self.insert[self.inserted..];
        if !rest.is_empty() {
            let n = buf.len().min(rest.len());
            buf[..n].copy_from_slice(&rest[..n]);
            self.inserted += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(reader: Reader) -> (Vec<u8>, u64) {
        let (mut reader, length) = reader;
        let mut out = Vec::new();
        reader.read_to_end(&mut out).unwrap();
        (out, length)
    }

    #[test]
    fn the_script_goes_before_the_body_end_from_memory_and_from_files() {
        let html = b"<html><body><p>x</p></body></html>".to_vec();
        let expected = format!("<html><body><p>x</p>{}</body></html>", reload::SCRIPT_TAG);
        let (bytes, length) =
            read_all(Body::Memory(Arc::from(html.clone())).with_script_tag(reload::SCRIPT_TAG));
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
        assert_eq!(length as usize, expected.len());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        std::fs::write(&path, &html).unwrap();
        let (bytes, length) = read_all(
            Body::open(&path)
                .unwrap()
                .with_script_tag(reload::SCRIPT_TAG),
        );
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
        assert_eq!(length as usize, expected.len());
    }

    #[test]
    fn a_body_end_far_from_the_end_of_a_file_gets_the_script_at_the_end() {
        let html = format!("<body></body>{}", " ".repeat(100_000));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        std::fs::write(&path, &html).unwrap();
        let (bytes, _) = read_all(
            Body::open(&path)
                .unwrap()
                .with_script_tag(reload::SCRIPT_TAG),
        );
        assert!(
            String::from_utf8(bytes)
                .unwrap()
                .ends_with(reload::SCRIPT_TAG)
        );
    }
}
