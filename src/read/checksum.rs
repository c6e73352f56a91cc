//! An input's SHA-256 for the manifest, taken on a thread of its own once the file is parsed.
//!
//! Taken while the file is parsed, the hash competed with the parser and the typing for the two
//! cores; taken after, it uses the core the parser leaves while the typing finishes the last rows. Nothing reads it before the report is written.

use super::bytes::FileBytes;
use sha2::{Digest, Sha256};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

/// A file's checksum as lowercase hex, possibly still being computed; empty when the file could
/// not be read.
#[derive(Clone, Default)]
pub struct Checksum(Arc<Inner>);

#[derive(Default)]
struct Inner {
    hex: OnceLock<String>,
    pending: Mutex<Option<JoinHandle<String>>>,
}

impl Checksum {
    /// The checksum of `bytes`, computed now.
    pub fn of(bytes: &[u8]) -> Checksum {
        let checksum = Checksum::default();
        let _ = checksum.0.hex.set(hex_sha256(bytes));
        checksum
    }

    /// The checksum of `bytes`, computed on another thread (here, if none can be started).
    pub fn in_background(bytes: FileBytes) -> Checksum {
        let bytes = Arc::new(bytes);
        let shared = Arc::clone(&bytes);
        let started = std::thread::Builder::new()
            .name("checksum".into())
            .spawn(move || hex_sha256(&shared));
        match started {
            Ok(handle) => Checksum(Arc::new(Inner {
                hex: OnceLock::new(),
                pending: Mutex::new(Some(handle)),
            })),
            Err(_) => Checksum::of(&bytes),
        }
    }

    /// The hex digest, waiting for it if it is still being computed.
    pub fn hex(&self) -> &str {
        self.0.hex.get_or_init(|| {
            let handle = self.0.pending.lock().ok().and_then(|mut p| p.take());
            // Hashing a byte slice does not panic; an empty checksum would say it failed.
            handle.and_then(|h| h.join().ok()).unwrap_or_default()
        })
    }
}

impl std::fmt::Debug for Checksum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Checksum").field(&self.hex()).finish()
    }
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// For each file, the index of an earlier file with the same bytes, if any (SPEC 2: a copy is
/// not read again). Only files of equal size are hashed, so a run without copies reads nothing
/// here but the sizes.
pub fn earlier_copies(files: &[super::InputFile]) -> Vec<Option<usize>> {
    let sizes: Vec<Option<u64>> = files
        .iter()
        .map(|f| std::fs::metadata(&f.path).ok().map(|m| m.len()))
        .collect();
    let mut hashes: Vec<Option<String>> = vec![None; files.len()];
    let mut copies = vec![None; files.len()];
    for later in 0..files.len() {
        let Some(size) = sizes[later] else { continue };
        for earlier in 0..later {
            if sizes[earlier] != Some(size) || copies[earlier].is_some() {
                continue;
            }
            let mut hash = |i: usize| {
                hashes[i]
                    .get_or_insert_with(|| {
                        super::bytes::load(&files[i].path)
                            .map(|bytes| hex_sha256(&bytes))
                            .unwrap_or_default()
                    })
                    .clone()
            };
            let (a, b) = (hash(earlier), hash(later));
            if !a.is_empty() && a == b {
                copies[later] = Some(earlier);
                break;
            }
        }
    }
    copies
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checksum_taken_in_the_background_is_the_digest_of_the_bytes() {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let background = Checksum::in_background(FileBytes::Read(b"abc".to_vec()));
        let copy = background.clone();
        assert_eq!(background.hex(), abc);
        assert_eq!(copy.hex(), abc);
        assert_eq!(Checksum::of(b"abc").hex(), abc);
        assert_eq!(Checksum::default().hex(), "");
    }
}
