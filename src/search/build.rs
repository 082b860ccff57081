//! The build id: a digest of every index file, written to `build.json`. The client
//! fetches that one file past any cache and adds the id to the address of every other
//! (`?v=<id>`), so that a browser never answers a query with files of two builds (an
//! old `meta.mz` with new shards would show other pages than those found). The id
//! depends only on the files' bytes: a build that changes nothing keeps it, and the
//! visitors' cached files with it.
//!
//! The id cannot stop a server from answering the address of one build with the file of
//! another while a site is being republished (static servers ignore `?v=`), nor a page
//! left open from reading on in the build it opened. So every shard and stored-text file
//! also starts with the id of its build's document table ([`table_id`], in [`hex`]),
//! which the client checks against `meta.mz`'s before using a file.

use std::hash::Hasher;

use super::postings::KeyHasher;
use crate::output::Output;

/// A 64-bit digest of `bytes`, to tell files apart: the first eight bytes of their
/// BLAKE3 hash.
pub(super) fn content_digest(bytes: &[u8]) -> u64 {
    digest_of_hash(blake3::hash(bytes).as_bytes())
}

/// The [`content_digest`] of bytes of BLAKE3 hash `hash`.
pub(super) fn digest_of_hash(hash: &[u8; 32]) -> u64 {
    let mut first = [0; 8];
    first.copy_from_slice(&hash[..8]);
    u64::from_le_bytes(first)
}

/// The id of the document table: which page each document id stands for (their paths,
/// in id order). Two builds with the same pages in the same order share it, and their
/// files may be mixed harmlessly (a result is still the page found); a file whose table
/// differs from `meta.mz`'s would show other pages than those found.
pub(super) fn table_id<'a>(paths: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut table = KeyHasher::default();
    for path in paths {
        table.write(path.as_bytes());
        // A separator no path holds: `a` then `bc` is not `ab` then `c`.
        table.write_u8(0xFF);
    }
    table.finish()
}

/// The files `digested` by [`content_digest`] (each with its digest, in order), and
/// the digest of them all.
pub(super) fn unzip_digested<T>(digested: Vec<(T, u64)>) -> (Vec<T>, u64) {
    let (files, digests): (Vec<T>, Vec<u64>) = digested.into_iter().unzip();
    (files, combined(digests))
}

/// The digest of a sequence of digests, in their order.
pub(super) fn combined(digests: impl IntoIterator<Item = u64>) -> u64 {
    let mut combined = KeyHasher::default();
    for digest in digests {
        combined.write_u64(digest);
    }
    combined.finish()
}

/// An id as the files write it: 16 hex digits.
pub(super) fn hex(id: u64) -> String {
    format!("{id:016x}")
}

/// `build.json`: `{"build": "<16 hex digits>"}`.
pub(super) fn build_file(id: u64) -> Output {
    Output {
        path: "search/build.json".into(),
        body: format!("{{\"build\":\"{}\"}}\n", hex(id)).into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_and_the_length_count() {
        let base: Vec<u8> = (0..100u8).collect();
        let digest = content_digest(&base);
        for at in [0, 7, 31, 32, 63, 96, 99] {
            let mut changed = base.clone();
            changed[at] ^= 1;
            assert_ne!(content_digest(&changed), digest, "byte {at}");
        }
        assert_ne!(content_digest(&base[..99]), digest);
        assert_ne!(content_digest(&[0; 8]), content_digest(&[0; 16]));
        assert_eq!(
            content_digest(&base),
            digest,
            "the same bytes, the same digest"
        );
    }

    #[test]
    fn the_table_id_follows_the_paths_and_their_order() {
        let id = table_id(["/news/a/", "/news/b/"]);
        assert_eq!(table_id(["/news/a/", "/news/b/"]), id);
        assert_ne!(table_id(["/news/b/", "/news/a/"]), id, "the order");
        assert_ne!(
            table_id(["/news/a/", "/news/b/", "/news/c/"]),
            id,
            "one more"
        );
        assert_ne!(table_id(["/news/a//news/b/"]), id, "where one ends");
    }

    #[test]
    fn the_order_of_files_counts() {
        assert_ne!(combined([1, 2]), combined([2, 1]));
        assert_eq!(combined([1, 2]), combined([1, 2]));
    }

    #[test]
    fn the_build_file_is_json_with_the_id_in_hex() {
        let file = build_file(0xAB);
        let json: serde_json::Value = serde_json::from_slice(&file.body).unwrap();
        assert_eq!(json["build"], "00000000000000ab");
    }
}
