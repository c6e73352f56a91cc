//! Differential fuzzing of the two-halves reading of large xlsx sheets
//! (`src/read/split_sheet.rs`): every sheet read in two halves must give the rows and the
//! outcome of reading it whole.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // calamine's panics on crafted files are part of the compared outcome, not findings.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    bilan::fuzzing::split_differential(data);
});
