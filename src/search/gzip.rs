//! Gzip files written with a reusable compressor. A deflate state holds a few hundred
//! kilobytes of window and hash tables; allocating a fresh one for each of thousands of
//! small index files made the kernel zero over a gigabyte of new pages, more time than
//! the compression itself (only `meta.mz` is compressed now).

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

/// The fixed gzip header: deflate, no name or time, unknown OS.
const HEADER: [u8; 10] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF];

/// A gzip writer whose deflate state is reset, not reallocated, between files.
pub(crate) struct Gzip {
    compress: Compress,
}

impl Gzip {
    /// A writer at `level` (1 fastest … 9 smallest).
    pub fn new(level: u32) -> Gzip {
        Gzip {
            compress: Compress::new(Compression::new(level), false),
        }
    }

    /// `bytes` as one gzip member.
    pub fn compress(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.compress.reset();
        // Deflate never grows data by more than a few bytes per 16 KB block.
        let mut out = Vec::with_capacity(HEADER.len() + bytes.len() + bytes.len() / 1000 + 64);
        out.extend_from_slice(&HEADER);
        let start = self.compress.total_in();
        loop {
            let done = usize::try_from(self.compress.total_in() - start).unwrap_or(usize::MAX);
            let rest = bytes.get(done..).unwrap_or_default();
            match self
                .compress
                .compress_vec(rest, &mut out, FlushCompress::Finish)
            {
                Ok(Status::StreamEnd) | Err(_) => break,
                Ok(_) => out.reserve(out.capacity().max(64)),
            }
        }
        let mut crc = Crc::new();
        crc.update(bytes);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn a_reused_writer_makes_valid_independent_members() {
        let mut gzip = Gzip::new(1);
        let long: Vec<u8> = (0..200_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        for input in [&b"\xe6\xa2\xa7\xe5\xb7\x9e"[..], &[], &long, b"again"] {
            let packed = gzip.compress(input);
            assert_eq!(packed.get(..2), Some(&[0x1F, 0x8B][..]));
            assert_eq!(gunzip(&packed), input);
        }
    }
}
