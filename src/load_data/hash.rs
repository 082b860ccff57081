//! The digests of `get_hash`: SHA-256, SHA-384 or SHA-512, written in base64 (what a
//! Subresource Integrity `integrity="sha384-…"` attribute takes) or in hex.

use base64::Engine;
use sha2::{Digest, Sha256, Sha384, Sha512};

/// The SHA-2 sizes `sha_type=` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShaType {
    /// SHA-256.
    Sha256,
    /// SHA-384 (Zola's default).
    Sha384,
    /// SHA-512.
    Sha512,
}

impl ShaType {
    /// The type `sha_type=` names (256, 384 or 512).
    pub fn from_bits(bits: u64) -> Option<ShaType> {
        match bits {
            256 => Some(ShaType::Sha256),
            384 => Some(ShaType::Sha384),
            512 => Some(ShaType::Sha512),
            _ => None,
        }
    }
}

/// The digest of `bytes`, in base64 or lower-case hex.
pub fn digest(bytes: &[u8], sha: ShaType, base64: bool) -> String {
    let raw: Vec<u8> = match sha {
        ShaType::Sha256 => Sha256::digest(bytes).to_vec(),
        ShaType::Sha384 => Sha384::digest(bytes).to_vec(),
        ShaType::Sha512 => Sha512::digest(bytes).to_vec(),
    };
    if base64 {
        base64::engine::general_purpose::STANDARD.encode(raw)
    } else {
        raw.iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_match_the_published_values() {
        // `printf 'Hello World' | sha256sum` / `openssl dgst -sha384 -binary | base64`.
        assert_eq!(
            digest(b"Hello World", ShaType::Sha256, false),
            "a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e"
        );
        assert_eq!(
            digest(b"Hello World", ShaType::Sha256, true),
            "pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4="
        );
        assert_eq!(
            digest(b"Hello World", ShaType::Sha384, true),
            "mVFDKRhrL2rkoTKefubGEKcpY2M1F0rGt0D5AoOW/MgD0Ok4Y6fD2Q+Gvu54L08/"
        );
        assert_eq!(digest(b"", ShaType::Sha512, false).len(), 128);
    }
}
