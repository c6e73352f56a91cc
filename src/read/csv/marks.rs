//! Where a text's delimiters, line ends and quotes are, found 64 bytes at a time as a bit mask.
//!
//! Splitting lines with `memchr3_iter` restarted a vector search at every field (twelve per line
//! of a register), each restart costing more than the bytes it looked at; comparing every 64
//! bytes once and reading the marks off the bits does not restart (docs/performance.md).

/// The marks of a text in order, from a position set by [`Marks::seek`].
pub(super) struct Marks<'t> {
    text: &'t [u8],
    delimiter: u8,
    /// Start of the 64 bytes `bits` describes.
    chunk: usize,
    /// The marks of that chunk not read yet, one bit per byte.
    bits: u64,
    /// Marks before this position are read or skipped.
    from: usize,
}

impl<'t> Marks<'t> {
    pub(super) fn new(text: &'t [u8], delimiter: u8) -> Self {
        let mut marks = Marks {
            text,
            delimiter,
            chunk: 0,
            bits: 0,
            from: 0,
        };
        marks.load(0);
        marks
    }

    /// The next mark is the first at `at` or after it.
    pub(super) fn seek(&mut self, at: usize) {
        if at >= self.from && at < self.chunk + 64 {
            // Still in the chunk, forward: forget the marks before `at`.
            self.bits &= u64::MAX.checked_shl((at - self.chunk) as u32).unwrap_or(0);
            self.from = at;
        } else {
            self.load(at);
        }
    }

    /// The position of the next delimiter, LF or quote; `None` past the end of the text.
    pub(super) fn next_mark(&mut self) -> Option<usize> {
        while self.bits == 0 {
            let next = self.chunk + 64;
            if next >= self.text.len() {
                return None;
            }
            self.load(next);
        }
        let at = self.chunk + self.bits.trailing_zeros() as usize;
        // Clears the lowest bit set.
        self.bits &= self.bits - 1;
        self.from = at + 1;
        Some(at)
    }

    /// Loads the chunk holding `at`, without its marks before `at`.
    fn load(&mut self, at: usize) {
        self.chunk = at - at % 64;
        self.from = at;
        let bits = match self.text.get(self.chunk..self.chunk + 64) {
            Some(bytes) => {
                // `get` gave 64 bytes.
                let bytes: &[u8; 64] = bytes.try_into().unwrap_or(&[0; 64]);
                chunk_marks(bytes, self.delimiter)
            }
            None => {
                // The text's end: its last bytes, the padding's bits cleared.
                let tail = self.text.get(self.chunk..).unwrap_or_default();
                let mut padded = [0; 64];
                padded[..tail.len()].copy_from_slice(tail);
                chunk_marks(&padded, self.delimiter) & !(u64::MAX << tail.len())
            }
        };
        self.bits = bits & u64::MAX.checked_shl((at - self.chunk) as u32).unwrap_or(0);
    }
}

/// One bit per byte of `bytes`: set for the delimiter, LF and `"`.
#[cfg(target_arch = "x86_64")]
fn chunk_marks(bytes: &[u8; 64], delimiter: u8) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut mask = 0;
    // SAFETY: SSE2 is part of every x86-64 processor (the target enables it), and each load
    // reads the 16 bytes of a `[u8; 16]` borrowed from `bytes` (unaligned loads are allowed).
    unsafe {
        let delimiter = _mm_set1_epi8(delimiter as i8);
        let line_feed = _mm_set1_epi8(b'\n' as i8);
        let quote = _mm_set1_epi8(b'"' as i8);
        for (i, part) in bytes.chunks_exact(16).enumerate() {
            let v = _mm_loadu_si128(part.as_ptr().cast::<__m128i>());
            let found = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, delimiter), _mm_cmpeq_epi8(v, line_feed)),
                _mm_cmpeq_epi8(v, quote),
            );
            // The mask has 16 bits (one per byte); reinterpreted as unsigned.
            mask |= u64::from(_mm_movemask_epi8(found) as u16) << (16 * i);
        }
    }
    mask
}

#[cfg(not(target_arch = "x86_64"))]
fn chunk_marks(bytes: &[u8; 64], delimiter: u8) -> u64 {
    let mut mask = 0;
    for (i, &b) in bytes.iter().enumerate() {
        mask |= u64::from(b == delimiter || b == b'\n' || b == b'"') << i;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks from `from` on, found one byte at a time.
    fn naive(text: &[u8], delimiter: u8, from: usize) -> Vec<usize> {
        (from..text.len())
            .filter(|&i| matches!(text[i], b'\n' | b'"') || text[i] == delimiter)
            .collect()
    }

    #[test]
    fn marks_are_those_found_byte_by_byte_across_chunks_and_seeks() {
        // Texts of every length around a few chunk boundaries, marks at random places; seeks
        // forward inside a chunk, into a later chunk, and back.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in (0..=200).chain([255, 256, 257, 1000]) {
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    b"ab;\n\"x;\t\r"[(seed % 9) as usize]
                })
                .collect();
            let mut marks = Marks::new(&text, b';');
            let all: Vec<usize> = std::iter::from_fn(|| marks.next_mark()).collect();
            assert_eq!(all, naive(&text, b';', 0), "len {len}");
            // The last chunk is padded with zero bytes, which are not a NUL delimiter's marks.
            let mut marks = Marks::new(&text, 0);
            let all: Vec<usize> = std::iter::from_fn(|| marks.next_mark()).collect();
            assert_eq!(all, naive(&text, 0, 0), "len {len}");
            for from in [0, 1, 3, 63, 64, 65, 100, 127, 128, 190, len] {
                if from > len {
                    continue;
                }
                let mut marks = Marks::new(&text, b'\t');
                // A first mark read, then a seek (forward or back).
                let _ = marks.next_mark();
                marks.seek(from);
                let rest: Vec<usize> = std::iter::from_fn(|| marks.next_mark()).collect();
                assert_eq!(rest, naive(&text, b'\t', from), "len {len}, from {from}");
            }
        }
    }
}
