//! Fuzzes bilan's reading of .csv bytes: limits, parser, rows and the dataset stage's typing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    bilan::read::fuzz_entry(data, "csv");
});
