//! Differential fuzzing of the reader's inflate-ahead fast path (`src/read/inflate_ahead.rs`): the archive bilan hands calamine, with
//! its deflated parts inflated on helper threads, must read exactly like the original.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    bilan::fuzzing::inflate_differential(data);
});
