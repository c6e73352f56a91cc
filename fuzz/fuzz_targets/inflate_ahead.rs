//! Differential fuzzing of `bilan::read::inflate_ahead`: the archive bilan hands calamine, with
//! its deflated parts inflated on helper threads, must read exactly like the original.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    bilan::read::inflate_ahead::fuzz_differential(data);
});
